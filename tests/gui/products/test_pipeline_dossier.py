"""The dossier editor: a document's state, date, checker and scan saved as typed; a bad date refused, naming the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ocop_desktop.gui.products.pipeline_dossier import DossierDialog
from ocop_desktop.services.dossiers import DossierService
from ocop_desktop.services.pipeline import MoveInput, PipelineService
from ocop_desktop.services.products import ProductInput, ProductService
from tests.gui.keyboard import type_text

TODAY = date(2025, 10, 1)


def test_a_document_is_saved_as_typed_and_a_bad_date_refused(qtbot, make_uow, jobs, vietnamese, tmp_path):
    product = ProductService(make_uow).create(ProductInput(name="Măng khô Ẳng Nưa"))
    PipelineService(make_uow).move(product.id, "dang_ky", MoveInput(date(2025, 8, 4), 2025), today=TODAY)
    dossiers = DossierService(make_uow)
    dialog = DossierDialog(dossiers, product.id, jobs, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.model.rowCount() > 0, timeout=5000)
    assert "Còn thiếu" in dialog.heading.text() and "(*) chưa đối chiếu" in dialog.heading.text()

    dialog.select_item("phieu_kiem_nghiem")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("Đạt"))
    dialog.checked_on.clear()
    type_text(dialog.checked_on, "31/02/2025")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Ngày kiểm tra" in dialog.message.text()
    unsaved = next(i for i in dossiers.dossier(product.id).items if i.item_code == "phieu_kiem_nghiem")
    assert unsaved.status == "chua_co"  # nothing was saved

    scan = tmp_path / "kiem-nghiem.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    dialog.checked_on.clear()
    type_text(dialog.checked_on, "15/09/2025")
    type_text(dialog.checked_by, "Lò Thị Hoa")
    dialog.file_edit.setText(str(scan))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert dialog.message.text() == "Đã lưu."
    saved = next(i for i in dossiers.dossier(product.id).items if i.item_code == "phieu_kiem_nghiem")
    assert (saved.status, saved.checked_on, saved.checked_by, saved.file_path) == (
        "dat",
        date(2025, 9, 15),
        "Lò Thị Hoa",
        str(scan),
    )
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.row(r).item_code == "phieu_kiem_nghiem")
    assert dialog.model.index(row, 2).data() == "Đạt" and dialog.model.index(row, 3).data() == "15/09/2025"

    dialog.file_edit.setText(str(tmp_path / "khong-co.pdf"))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "Không có tệp" in dialog.message.text()


def test_a_document_saved_by_someone_else_meanwhile_is_not_overwritten(qtbot, make_uow, db, jobs, vietnamese):
    """Two people check the same document: the other records «Đạt» first; this save is refused
    naming them, the table shows theirs, and what was typed here stays in the fields."""
    from ocop_desktop.domain.validation import StaleDataError
    from ocop_desktop.services.pipeline_types import DossierItemInput

    product = ProductService(make_uow).create(ProductInput(name="Măng khô Ẳng Nưa"))
    PipelineService(make_uow).move(product.id, "dang_ky", MoveInput(date(2025, 8, 4), 2025), today=TODAY)
    dossiers = DossierService(make_uow)
    dossiers.set_item(product.id, "phieu_kiem_nghiem", DossierItemInput(status="dang_bo_sung"), today=TODAY)
    dialog = DossierDialog(dossiers, product.id, jobs, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.model.rowCount() > 0, timeout=5000)
    dialog.select_item("phieu_kiem_nghiem")
    shown = next(i for i in dossiers.dossier(product.id).items if i.item_code == "phieu_kiem_nghiem")
    other = DossierService(db.uow_factory(actor="Lò Văn Cường"))
    other.set_item(product.id, "phieu_kiem_nghiem", DossierItemInput(status="dat", version=shown.version), today=TODAY)

    type_text(dialog.note_edit, "thiếu chữ ký")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Lò Văn Cường" in dialog.message.text(), timeout=5000)
    said = dialog.message.text()
    assert "Tài liệu «" in said and "» trong hồ sơ của «Măng khô Ẳng Nưa» đã được Lò Văn Cường sửa lúc " in said
    assert dialog.note_edit.text() == "thiếu chữ ký"  # kept as typed
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.row(r).item_code == "phieu_kiem_nghiem")
    assert dialog.model.index(row, 2).data() == "Đạt"  # the other person's, now shown
    stored = next(i for i in dossiers.dossier(product.id).items if i.item_code == "phieu_kiem_nghiem")
    assert (stored.status, stored.note) == ("dat", "")
    # The same refusal for a caller with the older version (the command line, a script).
    with pytest.raises(StaleDataError, match="Lò Văn Cường"):
        dossiers.set_item(product.id, "phieu_kiem_nghiem", DossierItemInput(status="chua_co", version=shown.version))
