"""Which of a unit's survey rows changed since a view loaded them, and who changed them: the check
behind every save (the unit is locked for it on a server, services/surveys.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import object_session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import clean
from ocop_desktop.persistence.models import SurveyEntry
from ocop_desktop.services.record_versions import changed_by, last_changes

if TYPE_CHECKING:
    from ocop_desktop.services.surveys import SurveyEntryInput


def stale_changes(
    existing: dict[str, SurveyEntry],
    rows: list[SurveyEntryInput],
    deleted: Mapping[str, datetime | None],
    loaded: Mapping[str, datetime | None] | None,
) -> list[str]:
    """What changed in the unit since the caller loaded it, in Vietnamese; empty if nothing did."""
    shown: dict[str, tuple[datetime | None, str]] = {}  # id -> (version seen, name seen)
    for entry_id, version in (loaded or {}).items():
        shown[entry_id] = (version, "")
    for row in rows:
        if row.id and (row.version is not None or row.id in shown):
            version = row.version if row.version is not None else shown[row.id][0]
            shown[row.id] = (version, clean(row.product_name) or "")
    changes: list[str] = []
    changed = [
        e
        for entry_id, version in [*deleted.items(), *((i, v) for i, (v, _) in shown.items() if i not in deleted)]
        if version is not None and (e := existing.get(entry_id)) is not None and e.updated_at != version
    ]
    session = object_session(changed[0]) if changed else None
    who = last_changes(session, "survey_entries", [e.id for e in changed]) if session is not None else {}

    def by_whom(entry: SurveyEntry) -> Text:
        return changed_by(*who.get(entry.id, ("", entry.updated_at)))

    for entry_id, version in deleted.items():
        entry = existing.get(entry_id)
        if entry is not None and version is not None and entry.updated_at != version:
            change = by_whom(entry)
            changes.append(
                Text(
                    f"Dòng «{entry.product_name}» bạn định xóa {change}",
                    f"The row «{entry.product_name}» you meant to delete {change.en}",
                )
            )
    for entry_id, (version, name) in shown.items():
        if entry_id in deleted or version is None:
            continue  # a row deleted here, or one the caller did not load: nothing to compare
        entry = existing.get(entry_id)
        if entry is None:
            changes.append(
                Text(f"Dòng «{name}» đã bị xóa ở nơi khác", f"The row «{name}» was deleted elsewhere")
                if name
                else Text("Một dòng đã bị xóa ở nơi khác", "A row was deleted elsewhere")
            )
        elif entry.updated_at != version:
            change = by_whom(entry)
            changes.append(Text(f"Dòng «{entry.product_name}» {change}", f"The row «{entry.product_name}» {change.en}"))
    if loaded is not None:
        known = set(loaded) | {r.id for r in rows if r.id} | set(deleted)
        arrived = [e.product_name for entry_id, e in existing.items() if entry_id not in known]
        if arrived:
            names = ", ".join(f"«{n}»" for n in arrived[:5]) + (", …" if len(arrived) > 5 else "")
            changes.append(Text(f"Có {len(arrived)} dòng mới: {names}", f"{len(arrived)} new rows: {names}"))
    return changes
