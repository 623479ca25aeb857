"""Tamper evidence read from a database file: the audit chain, and every covered record against it.

The chain must be unbroken (persistence/audit_chain.py), and every live row of a covered table
(persistence/row_seal.py) must have the digest the newest entry about it carries: a row with no
entry was inserted outside the program, one whose digest differs was edited, an entry whose
record is gone without a delete entry was deleted outside it. Records are named in Vietnamese
by their label, from the log's values when the row itself cannot be trusted.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

from ocop_desktop.domain import limits
from ocop_desktop.persistence.audit_chain import HEAD_KEY, ChainBreak, StoredEntry, verify
from ocop_desktop.persistence.models import Base
from ocop_desktop.persistence.row_seal import COVERED, content_columns, covered, iter_digests
from ocop_desktop.services.dossiers import item_name

_NEVER = object()  # no entry at all about the record
ABSENT = ""  # the newest entry says the record was deleted (or was not there when sealed)
SETTING_LABELS = {  # an office setting (an app_meta row) named as the first-run form names it (domain/schema)
    key: limits.field_label(key)
    for key in ("office_unit_id", "user_name", "user_title", "office_kind", "office_printed_name")
}


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    breaks: tuple[ChainBreak, ...]  # in log order
    mismatches: tuple[str, ...]  # records whose stored values differ from their log (Vietnamese)
    head: tuple[int, str] = (0, "")  # (seq, hash) of the newest entry read

    @property
    def sound(self) -> bool:
        return not self.breaks and not self.mismatches

    def warnings(self) -> tuple[str, ...]:
        """The first breaks and mismatches in Vietnamese (a backup's or a restore's warnings); empty when sound."""
        if self.sound:
            return ()
        items = [f"Nhật ký thay đổi bị sửa ngoài ứng dụng — {b.message}" for b in self.breaks[:3]]
        items += list(self.mismatches[:3])
        hidden = len(self.breaks) + len(self.mismatches) - len(items)
        if hidden > 0:
            items.append(f"… và {hidden} chỗ khác.")
        return tuple(items)


def check_log(conn: sqlite3.Connection) -> ChainCheck:
    """Verify the hash chain and every covered record against it, reading ``conn`` (a read-only
    sqlite3 connection): what `ocop check` reports."""
    head_row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    expected: dict[str, dict[str, str | None]] = {t: {} for t in COVERED}
    count, last = 0, (0, "")

    def rows() -> Iterable[StoredEntry]:
        nonlocal count, last
        for row in conn.execute(
            "SELECT seq, at, actor, action, entity, entity_id, changes, context, prev_hash, "
            "hash, row_hash FROM audit_log ORDER BY seq"
        ):
            entry = StoredEntry(*row)
            count += 1
            last = (entry.seq, entry.hash or "")
            records = expected.get(entry.entity) if entry.entity is not None else None
            if records is not None and entry.entity_id is not None:
                kind = (entry.action or "").rpartition(":")[2]
                gone = kind == "delete" or (kind == "seal" and entry.row_hash is None)
                records[entry.entity_id] = ABSENT if gone else entry.row_hash
            yield entry

    breaks = tuple(verify(rows(), head_row[0] if head_row else None))
    mismatches: list[str] = []
    for table, records in expected.items():
        for key, digest in iter_digests(conn, table):
            want = records.pop(key, _NEVER)
            if want is _NEVER or want == ABSENT:
                mismatches.append(_inserted(conn, table, key))
            elif want != digest:
                mismatches.append(_edited(conn, table, key))
        for key, want in records.items():
            if want != ABSENT and covered(table, key):
                mismatches.append(
                    f"{_label(conn, table, _logged(conn, table, key))} có trong nhật ký nhưng đã bị xóa ngoài ứng dụng."
                )
    return ChainCheck(count, breaks, tuple(mismatches), last)


# -- one record's story ---------------------------------------------------------------------------
def _row(conn: sqlite3.Connection, table: str, key: str) -> dict[str, Any]:
    columns = content_columns(table)
    found = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}" WHERE "{COVERED[table]}" = ?', (key,)).fetchone()
    return dict(zip(columns, found, strict=True)) if found else {}


def _logged(conn: sqlite3.Connection, table: str, key: str) -> dict[str, Any]:
    """The record's values as its log entries leave them (replayed in order)."""
    values: dict[str, Any] = {}
    for action, changes in conn.execute(
        "SELECT action, changes FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq", (table, key)
    ):
        try:
            pairs = json.loads(changes or "{}")
        except ValueError:
            continue
        if (action or "").endswith("create"):
            values = {}
        values.update({k: v[1] for k, v in pairs.items() if isinstance(v, list) and len(v) == 2})
    if table == "app_meta":
        values.setdefault("key", key)
    return values


def _inserted(conn: sqlite3.Connection, table: str, key: str) -> str:
    return (
        f"{_label(conn, table, _row(conn, table, key))} không có trong nhật ký thay đổi: đã được thêm ngoài ứng dụng."
    )


def _edited(conn: sqlite3.Connection, table: str, key: str) -> str:
    row, logged = _row(conn, table, key), _logged(conn, table, key)
    types = Base.metadata.tables[table].c
    differ = [k for k in row if k in logged and _stored(row[k], types[k].type) != _stored(logged[k], types[k].type)]
    label = _label(conn, table, {**row, **logged})
    if not differ:
        return f"{label}: nội dung khác với nhật ký thay đổi (đã bị sửa ngoài ứng dụng)."
    fields = ", ".join(f"«{limits.field_label(k, table)}»" for k in differ)
    return f"{label}: {fields} khác với nhật ký thay đổi (đã bị sửa ngoài ứng dụng)."


def _stored(value: Any, column_type: Any) -> Any:
    """A value as stored by SQLite and one as written in the log, brought to one form."""
    if value is None or value == "":
        return None
    if isinstance(column_type, JSON):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return value
        return json.dumps(value, sort_keys=True, ensure_ascii=False) if value not in ({}, []) else None
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, (Float, Integer)) and isinstance(value, (int, float)):
        return float(value)
    if isinstance(column_type, (Date, DateTime)) and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).isoformat()
        except ValueError:
            return value
    return value


# -- labels ---------------------------------------------------------------------------------------
def _name(conn: sqlite3.Connection, table: str, column: str, key: Any) -> str:
    if not key:
        return ""
    found = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (key,)).fetchone()
    if found:
        return found[0] or ""
    return str(_logged(conn, table, key).get(column) or "") if table in COVERED else ""


def _quoted(text: Any) -> str:
    shown = " ".join(str(text or "").split())
    return f"«{shown[:60]}{'…' if len(shown) > 60 else ''}»" if shown else ""


def _shown_date(value: Any) -> str:
    try:
        return f"{date.fromisoformat(str(value)[:10]):%d/%m/%Y}"
    except ValueError:
        return str(value or "")


def _label(conn: sqlite3.Connection, table: str, v: dict[str, Any]) -> str:
    """«Dòng rà soát «Chè Shan tuyết» (Xã Ẳng Nưa)»: which record, as the user knows it."""
    entity = limits.entity_label(table)

    def place(k: str) -> str:
        return _name(conn, "places", "name", v.get(k))

    if table == "survey_entries":
        name, extra = v.get("product_name"), place("unit_id")
    elif table == "unit_submissions":
        name = place("unit_id")
        extra = _of("đợt", _name(conn, "survey_campaigns", "title", v.get("campaign_id")))
    elif table == "task_progress":
        name, extra = v.get("text"), _of("nhiệm vụ", _name(conn, "tasks", "title", v.get("task_id")))
    elif table == "evaluations":
        name, extra = _name(conn, "products", "name", v.get("product_id")), _shown_date(v.get("evaluated_on"))
    elif table == "evaluation_members":
        evaluation = v.get("evaluation_id")
        product = _name(conn, "evaluations", "product_id", evaluation)
        name, extra = v.get("member_name"), _of("chấm sản phẩm", _name(conn, "products", "name", product))
    elif table == "directives":
        name, extra = v.get("subject"), v.get("number") or ""
    elif table == "trusted_senders":
        name, extra = v.get("office_name"), ""
    elif table == "scorecards":
        name, extra = v.get("code"), ""
    elif table == "candidacies":
        name = _name(conn, "products", "name", v.get("product_id"))
        extra = f"năm {v.get('round_year')}" if v.get("round_year") else ""
    elif table == "dossier_items":
        product = _name(conn, "candidacies", "product_id", v.get("candidacy_id"))
        name = item_name(str(v.get("item_code") or ""))
        extra = _of("hồ sơ của", _name(conn, "products", "name", product))
    elif table == "app_meta":
        key = str(v.get("key") or "")
        name, extra = SETTING_LABELS.get(key, key), ""
    else:
        name = v.get("name") or v.get("title") or v.get("product_name")
        extra = ""
    text = f"{entity} {_quoted(name) or _quoted(v.get('id'))}".strip()
    return f"{text} ({extra})" if extra else text


def _of(what: str, name: str) -> str:
    return f"{what} {_quoted(name)}" if name else ""
