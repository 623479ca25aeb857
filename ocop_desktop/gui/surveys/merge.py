"""Re-apply the survey grid's unsaved edits on top of the unit's newest rows (three-way, per cell)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

Cells = tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """A row as stored: id, version (updated_at) and its cells as the grid shows them."""

    id: str
    version: datetime | None
    cells: Cells


@dataclass
class MergedRow:
    id: str | None  # None: added by the user (or kept after being deleted elsewhere)
    version: datetime | None
    cells: list[str]


@dataclass
class MergeReport:
    """What the merge did, by product name, for the message the user reads."""

    rows: list[MergedRow] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)  # new rows from elsewhere, now shown
    updated: list[str] = field(default_factory=list)  # changed elsewhere, merged with the user's edits
    conflicts: list[str] = field(default_factory=list)  # same cell changed on both sides: user's value kept
    kept_deleted: list[str] = field(default_factory=list)  # deleted here but changed elsewhere: kept
    kept_edited: list[str] = field(default_factory=list)  # edited here but deleted elsewhere: kept as new
    removed: list[str] = field(default_factory=list)  # deleted elsewhere, untouched here: gone


def _same(a: Cells | list[str], b: Cells | list[str]) -> bool:
    return [c.strip() for c in a] == [c.strip() for c in b]


def merge(base: list[Entry], mine: list[tuple[str | None, list[str]]], theirs: list[Entry]) -> MergeReport:
    """``base``: the rows the grid loaded; ``mine``: the grid now (id, cells; blank rows left out);
    ``theirs``: the unit's rows now. A cell the user changed keeps the user's text; a cell only
    changed elsewhere takes the new text; both changed: the user's text, reported as a conflict.
    Rows from elsewhere come first in their stored order, then the rows the user added."""
    report = MergeReport()
    base_by_id = {e.id: e for e in base}
    mine_by_id: dict[str, list[str]] = {}
    added: list[list[str]] = []
    for row_id, cells in mine:
        if row_id in base_by_id and row_id not in mine_by_id:
            mine_by_id[row_id] = cells
        else:
            added.append(cells)  # typed here (or an id the grid did not load: kept as typed)
    theirs_ids = {e.id for e in theirs}
    for entry in theirs:
        name = entry.cells[0] if entry.cells else ""
        old = base_by_id.get(entry.id)
        if old is None:
            report.arrived.append(name)
            report.rows.append(MergedRow(entry.id, entry.version, list(entry.cells)))
            continue
        changed_there = not _same(entry.cells, old.cells)
        if entry.id not in mine_by_id:  # the user deleted it
            if changed_there:
                report.kept_deleted.append(name)
                report.rows.append(MergedRow(entry.id, entry.version, list(entry.cells)))
            continue
        mine_cells = mine_by_id[entry.id]
        cells, conflict = [], False
        for m, b, t in zip(mine_cells, old.cells, entry.cells, strict=False):
            if m.strip() == b.strip():
                cells.append(t)
            else:
                cells.append(m)
                conflict = conflict or (t.strip() != b.strip() and t.strip() != m.strip())
        if conflict:
            report.conflicts.append(name)
        elif changed_there:
            report.updated.append(name)
        report.rows.append(MergedRow(entry.id, entry.version, cells))
    for old in base:
        if old.id in theirs_ids:
            continue
        name = old.cells[0] if old.cells else ""
        if old.id in mine_by_id and not _same(mine_by_id[old.id], old.cells):
            report.kept_edited.append(name)
            report.rows.append(MergedRow(None, None, list(mine_by_id[old.id])))
        elif old.id in mine_by_id:
            report.removed.append(name)
    # A typed row equal to one that arrived is that row, saved meanwhile (a save whose window
    # closed before its draft was removed): it is shown once, not twice.
    arrived = [tuple(c.strip() for c in e.cells) for e in theirs if e.id not in base_by_id]
    for cells in added:
        key = tuple(c.strip() for c in cells)
        if key in arrived:
            arrived.remove(key)
        else:
            report.rows.append(MergedRow(None, None, list(cells)))
    return report
