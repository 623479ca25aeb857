"""Re-applying unsaved grid edits onto the unit's newest rows, cell by cell."""

from __future__ import annotations

from datetime import datetime

from ocop_desktop.gui.surveys.merge import Entry, merge

OLD, NEW = datetime(2024, 6, 20, 3, 0), datetime(2024, 6, 20, 3, 42)


def _e(row_id, *cells, version=OLD):
    return Entry(row_id, version, tuple(cells))


def test_each_side_keeps_the_cells_it_changed_and_conflicts_keep_the_users_value():
    base = [_e("a", "Chè", "100", ""), _e("b", "Gạo", "5", "")]
    mine = [("a", ["Chè", "100", "ghi chú"]), ("b", ["Gạo", "7", ""]), (None, ["Măng", "", ""])]
    theirs = [_e("a", "Chè", "120", "", version=NEW), _e("b", "Gạo", "6", "", version=NEW), _e("c", "Mật ong", "", "")]
    report = merge(base, mine, theirs)
    assert [(r.id, r.version, r.cells) for r in report.rows] == [
        ("a", NEW, ["Chè", "120", "ghi chú"]),  # their output, my note
        ("b", NEW, ["Gạo", "7", ""]),  # both changed the output: mine, reported
        ("c", OLD, ["Mật ong", "", ""]),
        (None, None, ["Măng", "", ""]),
    ]
    assert (report.updated, report.conflicts, report.arrived) == (["Chè"], ["Gạo"], ["Mật ong"])


def test_deletes_on_either_side_never_lose_a_change():
    base = [_e("a", "Chè"), _e("b", "Gạo"), _e("c", "Cá"), _e("d", "Rau")]
    # I deleted a and c, and edited b; elsewhere a was edited, b and d deleted.
    mine = [("b", ["Gạo nương"]), ("d", ["Rau"])]
    theirs = [_e("a", "Chè búp", version=NEW), _e("c", "Cá")]
    report = merge(base, mine, theirs)
    assert [(r.id, r.cells) for r in report.rows] == [("a", ["Chè búp"]), (None, ["Gạo nương"])]
    assert (report.kept_deleted, report.kept_edited, report.removed) == (["Chè búp"], ["Gạo"], ["Rau"])


def test_a_typed_row_already_saved_meanwhile_is_shown_once():
    report = merge([], [(None, ["Chè ", "1"]), (None, ["Chè", "1"])], [_e("x", "Chè", "1")])
    assert [(r.id, r.cells) for r in report.rows] == [("x", ["Chè", "1"]), (None, ["Chè", "1"])]
