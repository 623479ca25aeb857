"""First run: the office and the user are asked once, checked, and kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.settings import current_actor, office_settings
from tests.gui.keyboard import type_text


def test_first_run_asks_the_unit_and_the_user(qtbot, make_uow):
    dialog = FirstRunDialog(PlaceService(make_uow), make_saver(make_uow))
    qtbot.addWidget(dialog)
    ok = dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result_settings is None and dialog.result() == 0
    assert "Hãy chọn đơn vị" in dialog.ui.unitError.text()
    assert "họ và tên" in dialog.ui.nameError.text()

    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findText("Xã Mường Ảng (từ 01/07/2025)"))
    type_text(dialog.ui.nameEdit, "Lò Thị Hoa")
    type_text(dialog.ui.titleEdit, "Công chức Nông nghiệp - Môi trường")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = office_settings(make_uow)
    assert (saved.office_name, saved.user_name) == ("Xã Mường Ảng", "Lò Thị Hoa")
    assert current_actor(make_uow) == "Lò Thị Hoa"


def test_units_in_force_today_come_first(qtbot, make_uow):
    dialog = FirstRunDialog(PlaceService(make_uow), make_saver(make_uow))
    qtbot.addWidget(dialog)
    names = [dialog.ui.unitCombo.itemText(i) for i in range(dialog.ui.unitCombo.count())]
    # The national list: 3,355 units in force (34 provinces, 3,321 communes), then the former ones.
    first_former = next(i for i, n in enumerate(names) if "(đến " in n)
    assert first_former == 1 + 3355 and all("(đến " in n for n in names[first_former:])
    assert names.index("Tỉnh Điện Biên") < first_former
    assert names.index("Xã Mường Ảng (từ 01/07/2025)") < names.index("Thị trấn Mường Ảng (đến 30/06/2025)")
