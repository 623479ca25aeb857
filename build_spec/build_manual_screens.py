"""Screenshots of the user manual: the real windows on the 2024 sample, offscreen, in Vietnamese.

    QT_QPA_PLATFORM=offscreen python build_spec/build_manual_screens.py [NAME …]

Writes resources/manual/img/NAME.png (256 colours, < 80 KB each). The images are committed;
the build does not run this. Run it again after a window changes, then look at the pictures.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "resources" / "manual" / "img"
WORK: list[Path] = []  # the temporary folder the sample lives in
TODAY = date(2026, 3, 2)
SIZE = (1024, 700)
DATA_SHOWN = r"C:\Users\Hoa\AppData\Roaming\ocop\ocop-desktop"  # where Windows keeps the data
USER, TITLE = "Lò Thị Hoa", "Công chức Nông nghiệp - Môi trường"
THREE_ROWS = [
    ["Cà phê Ẳng Nưa", "HTX Cà phê Ẳng Nưa", "Đang sản xuất", "1.200", "kg", "1.000", "150.000", "12,5", "2026", ""],
    ["Mật ong hoa cà phê", "Hộ ông Lò Văn Páo", "Theo mùa", "12,5", "lít", "10", "350.000", "", "2027", "cần nhãn mác"],
    ["Gạo nếp nương", "Tổ hợp tác Bản Co", "Trồng 2 vụ", "3.000", "kg", "2.500", "30.000", "4", "", ""],
]

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def pump(until=lambda: True, timeout: float = 15.0) -> None:
    """Let jobs finish and the screen settle; stop when ``until()`` holds (or after ``timeout``)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QApplication.processEvents()
        if until():
            break
        time.sleep(0.02)
    for _ in range(5):
        QApplication.processEvents()


def tidy_paths(widget: QWidget, work: Path) -> None:
    """The temporary folder's paths would only puzzle a reader: show where Windows keeps the data."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    pattern = re.compile(re.escape(str(work)) + r"[^\s«»,;)]*")

    def windows(match: re.Match) -> str:
        return DATA_SHOWN + match.group(0)[len(str(work)) :].replace("/", "\\")

    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QLineEdit)) and str(work) in child.text():
            child.setText(pattern.sub(windows, child.text()))


def shoot(widget: QWidget, name: str) -> Path:
    """Grab ``widget`` as shown and store it small: 256 colours, optimised PNG."""
    from PIL import Image

    widget.show()
    pump()
    tidy_paths(widget, WORK[0])
    raw = Path(tempfile.gettempdir()) / f"manual-{name}.png"
    if not widget.grab().save(str(raw)):
        raise SystemExit(f"could not grab {name}")
    image = Image.open(raw).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    target = OUT / f"{name}.png"
    image.save(target, optimize=True)
    print(f"{name}.png {image.width}×{image.height} {target.stat().st_size // 1024} KB")
    return target


class Shots:
    """A sample database with the office set to Xã Ẳng Nưa, and the screens made from it."""

    def __init__(self, work: Path) -> None:
        from ocop_desktop.persistence.database import open_database
        from ocop_desktop.services.reference import load_reference
        from ocop_desktop.services.reference_places import place_id
        from ocop_desktop.services.sample import load_sample
        from ocop_desktop.services.scorecards import load_shipped_scorecards
        from ocop_desktop.services.settings import save_office_settings

        self.work = work
        self.db = open_database(work / "ocop.db")
        self.make_uow = self.db.uow_factory(actor=USER)
        load_reference(self.make_uow)
        load_shipped_scorecards(self.make_uow)
        load_sample(self.make_uow, "muong-ang-2024")
        self.ang_nua = place_id("xa-ang-nua")
        save_office_settings(self.make_uow, self.ang_nua, USER, TITLE, "ubnd", "ỦY BAN NHÂN DÂN XÃ ẲNG NƯA")
        from ocop_desktop.gui.jobs import JobRunner

        self.jobs = JobRunner()
        self._window = None

    # -- the main window ----------------------------------------------------------------------
    def window(self):
        if self._window is None:
            from ocop_desktop.app import build_main_window
            from ocop_desktop.gui.ui_settings import UiSettings

            settings = UiSettings(QSettings(str(self.work / "ui.ini"), QSettings.Format.IniFormat))
            self._window = build_main_window(self.db, settings, ask_first_run=False)
            self._window.resize(*SIZE)
            self._window.show()
            pump(lambda: False, 2.0)
        return self._window

    def trang_chinh(self) -> None:
        window = self.window()
        window.ui.tabs.setCurrentWidget(window.start)
        pump(lambda: False, 1.0)
        shoot(window, "trang-chinh")

    def bat_dau(self) -> None:
        """A new office's first look: an empty file, the «Bắt đầu» checklist on the start page."""
        from ocop_desktop.app import build_main_window
        from ocop_desktop.gui.ui_settings import UiSettings
        from ocop_desktop.persistence.database import open_database
        from ocop_desktop.services.reference import load_reference
        from ocop_desktop.services.scorecards import load_shipped_scorecards

        empty = open_database(self.work / "moi.db")
        try:
            make_uow = empty.uow_factory(actor=USER)
            load_reference(make_uow)
            load_shipped_scorecards(make_uow)
            settings = UiSettings(QSettings(str(self.work / "ui-moi.ini"), QSettings.Format.IniFormat))
            window = build_main_window(empty, settings, ask_first_run=False)
            window.resize(*SIZE)
            window.show()
            pump(lambda: False, 2.0)
            window.ui.tabs.setCurrentWidget(window.start)
            pump(lambda: False, 1.0)
            shoot(window, "bat-dau")
            window.jobs.wait()
            window.close()
        finally:
            empty.close()

    def du_lieu_mau(self) -> None:
        window = self.window()
        window.ui.tabs.setCurrentWidget(window.start)
        title = window.windowTitle()
        window.mark_sample()
        pump(lambda: False, 0.5)
        # The grab holds no title bar: show the window's title where the user reads it.
        from PySide6.QtWidgets import QLabel

        banner = QLabel(window.windowTitle() + " — OCOP Desktop", window)
        banner.setStyleSheet("background:#2c3e66;color:white;padding:6px;font-weight:bold")
        banner.setGeometry(0, 0, window.width(), 30)
        window.setContentsMargins(0, 30, 0, 0)
        banner.show()
        shoot(window, "du-lieu-mau")
        banner.deleteLater()
        window.setContentsMargins(0, 0, 0, 0)
        window.setWindowTitle(title)
        window.ui.actionOpenSample.setVisible(True)

    def san_pham(self) -> None:
        window = self.window()
        window.ui.tabs.setCurrentWidget(window.products)
        window.products.refresh()
        pump(lambda: not window.products.is_loading() and window.products.model.rowCount() > 0)
        shoot(window, "san-pham")

    def san_pham_sua(self) -> None:
        from ocop_desktop.gui.products.dialog import ProductDialog
        from ocop_desktop.services.catalog import CatalogService
        from ocop_desktop.services.places import PlaceService
        from ocop_desktop.services.producers import ProducerService
        from ocop_desktop.services.products import ProductService

        products = ProductService(self.make_uow)
        product = next(p for p in products.list() if p.name.startswith("Cà phê"))
        dialog = ProductDialog(
            products,
            ProducerService(self.make_uow),
            PlaceService(self.make_uow),
            CatalogService(self.make_uow),
            product_id=product.id,
            today=lambda: TODAY,
        )
        dialog.show()
        pump(lambda: dialog.loaded and not dialog.is_busy())  # the product arrives from a background read
        dialog.ui.ean13Edit.setText("893123")  # too short: refused under its field
        dialog.save()
        pump(lambda: dialog.ui.ean13Error.isVisible())
        shoot(dialog, "san-pham-sua")
        dialog.close()

    def ra_soat(self) -> None:
        window = self.window()
        page = window.surveys
        window.ui.tabs.setCurrentWidget(page)
        pump(lambda: page.ui.unitCombo.count() > 0)
        page.ui.unitCombo.setCurrentIndex(page.ui.unitCombo.findData(self.ang_nua))
        pump(lambda: page.current_selection()[1] == self.ang_nua, 5)
        pump(lambda: False, 0.5)
        model = page.grid_model
        model.set_cells([(r, c, v) for r, row in enumerate(THREE_ROWS) for c, v in enumerate(row)], "Nhập")
        page.save()
        pump(lambda: page.ui.messageLabel.text().startswith("Đã lưu"))
        shoot(window, "ra-soat-bang")
        # A number typed with a letter: the save is refused and the cell is named.
        model.set_cells([(0, 3, "12a")], "Nhập")
        page.save()
        pump(lambda: page.ui.messageLabel.text().startswith("Chưa lưu"))
        shoot(window, "ra-soat-loi")
        model.undo_stack.undo()

    def nhiem_vu(self) -> None:
        window = self.window()
        tasks = window.tasks
        window.ui.tabs.setCurrentWidget(tasks)
        tasks.refresh()
        pump(lambda: not tasks.is_busy() and tasks.task_model.rowCount() > 0)
        tasks.ui.taskTable.selectRow(0)
        pump(lambda: False, 0.5)
        shoot(window, "nhiem-vu")

    def nhiem_vu_them(self) -> None:
        from ocop_desktop.gui.tasks.dialogs import TaskDialog
        from ocop_desktop.services.tasks import TaskService

        tasks = TaskService(self.make_uow)
        directives = tasks.directives(TODAY)
        # Refused: nothing typed; the fields are named under the form.
        dialog = TaskDialog(tasks.create_task, directives, tasks.assignees())
        dialog.show()
        pump()
        dialog.ok_button.click()
        pump(lambda: dialog.ui.errorLabel.isVisible())
        shoot(dialog, "nhiem-vu-loi")
        dialog.close()
        dialog = TaskDialog(tasks.create_task, directives, tasks.assignees())
        dialog.ui.directiveCombo.setCurrentIndex(1)
        dialog.ui.assigneeCombo.setCurrentText("UBND các xã, thị trấn")
        dialog.ui.titleEdit.setText("Gửi báo cáo kết quả rà soát sản phẩm OCOP năm 2026")
        dialog.ui.descriptionEdit.setPlainText(
            "Tổng hợp kết quả rà soát của các thôn, bản; gửi gói dữ liệu và báo cáo PDF về UBND tỉnh."
        )
        dialog.ui.dueEdit.setText("30/06/2026")
        shoot(dialog, "nhiem-vu-them")
        dialog.close()
        from ocop_desktop.gui.tasks.dialogs import DirectiveDialog

        dialog = DirectiveDialog(tasks.create_directive)
        ui = dialog.ui
        ui.numberEdit.setText("15/UBND-KT")
        ui.issuedOnEdit.setText("02/03/2026")
        ui.issuerEdit.setText("UBND tỉnh Điện Biên")
        ui.subjectEdit.setPlainText("V/v triển khai Chương trình OCOP năm 2026")
        ui.fileEdit.setText(r"C:\Users\Hoa\Documents\Cong van\15-UBND-KT.pdf")
        shoot(dialog, "nhiem-vu-van-ban")
        dialog.close()

    # -- dialogs ------------------------------------------------------------------------------
    def thiet_lap_don_vi(self) -> None:
        from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
        from ocop_desktop.services.places import PlaceService

        dialog = FirstRunDialog(PlaceService(self.make_uow), make_saver(self.make_uow), today=TODAY)
        dialog.show()
        pump(lambda: not dialog.is_busy())  # the units arrive from a background read
        dialog.accept()  # nothing chosen yet: the refusal names the fields
        pump(lambda: not dialog.is_busy())
        shoot(dialog, "thiet-lap-loi")
        for combo, text in ((dialog.ui.provinceCombo, "dien bien"), (dialog.ui.unitCombo, "muong ang")):
            combo.lineEdit().setText(text)  # as typed: the list narrows, a single match is taken
            combo.lineEdit().textEdited.emit(text)
            combo.lineEdit().editingFinished.emit()
            pump()
        dialog.ui.nameEdit.setText(USER)
        dialog.ui.titleEdit.setText(TITLE)
        for label in (dialog.ui.unitError, dialog.ui.printedError, dialog.ui.nameError):
            label.clear()
        pump()
        print("  chosen:", dialog.ui.provinceCombo.currentText(), "/", dialog.ui.unitCombo.currentText())
        shoot(dialog, "thiet-lap-don-vi")
        dialog.close()

    def dot_ra_soat(self) -> None:
        from ocop_desktop.gui.surveys.campaign_dialog import CampaignDialog
        from ocop_desktop.services.campaigns import CampaignService

        dialog = CampaignDialog(CampaignService(self.make_uow), self.jobs, lambda: TODAY)
        dialog.show()
        pump(lambda: dialog.ui.unitList.count() > 0)
        dialog.ui.titleEdit.setText("Rà soát sản phẩm OCOP năm 2026")
        dialog.ui.deadlineEdit.setText("30/06/2026")
        dialog.ui.letterEdit.setText("Số 15/UBND-KT, ngày 02/03/2026, UBND tỉnh Điện Biên")
        dialog.ui.containerCombo.setCurrentIndex(
            dialog.ui.containerCombo.findText("Tỉnh Điện Biên", Qt.MatchFlag.MatchStartsWith)
        )
        dialog.ui.searchEdit.setText("muong ang")
        pump(lambda: False, 0.5)
        units = dialog.ui.unitList
        for row in range(units.count()):
            if not units.isRowHidden(row) and units.item(row).text().startswith("Xã Mường Ảng"):
                units.item(row).setCheckState(Qt.CheckState.Checked)
        pump()
        shoot(dialog, "dot-ra-soat-moi")
        dialog.close()
        # Refused: a year outside the programme and no title, no deadline, no unit.
        dialog = CampaignDialog(CampaignService(self.make_uow), self.jobs, lambda: TODAY)
        dialog.show()
        pump(lambda: dialog.ui.unitList.count() > 0)
        dialog.ui.yearEdit.setText("2017")
        dialog.ui.titleEdit.setText(" ")
        dialog.save_button.click()
        pump(lambda: dialog.ui.errorLabel.isVisible())
        shoot(dialog, "dot-ra-soat-loi")
        dialog.close()

    def nhap_excel(self) -> None:
        import openpyxl

        from ocop_desktop.gui.exchange.excel_import_dialog import ExcelImportDialog
        from ocop_desktop.services.survey_import import SurveyImportService
        from ocop_desktop.services.surveys import SurveyService

        path = self.work / "ra-soat-ang-nua.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Rà soát"
        ws.append(["Đơn vị", "Tên sản phẩm", "Chủ thể", "Sản lượng", "Đơn vị tính", "Giá tiêu thụ"])
        ws.append(["Xã Ẳng Nưa", "Chè Shan tuyết", "HTX Chè Bản Co", "800", "kg", "250.000"])
        ws.append(["Xã Ẳng Nưa", "Gạo nếp nương", "Tổ hợp tác Bản Co", "3.000", "kg", "30.000đ/kg"])
        wb.save(path)
        surveys = SurveyService(self.make_uow)
        campaign = surveys.campaigns(TODAY)[0].id
        dialog = ExcelImportDialog(
            SurveyImportService(self.make_uow),
            surveys,
            self.jobs,
            campaign_id=campaign,
            unit_id=self.ang_nua,
            folder=self.work,
        )
        dialog.show()
        pump()
        dialog.choose_file(path)
        pump(lambda: dialog.problems.rowCount() > 0)
        dialog.ui.fileEdit.setText(r"C:\Users\Hoa\Documents\ra-soat-ang-nua.xlsx")
        shoot(dialog, "nhap-excel")
        dialog.close()

    def cham_diem(self) -> None:
        from ocop_desktop.gui.evaluation.scoring_dialog import ScoringDialog
        from ocop_desktop.services.evaluation import EvaluationService
        from ocop_desktop.services.evaluation_reports import EvaluationReports
        from ocop_desktop.services.products import ProductService

        product = next(p for p in ProductService(self.make_uow).list() if p.name.startswith("Cà phê"))
        dialog = ScoringDialog(
            EvaluationService(self.make_uow),
            EvaluationReports(self.make_uow),
            product.id,
            today=lambda: TODAY,
            member_name=USER,
        )
        dialog.resize(min(dialog.width(), SIZE[0]), min(dialog.height(), SIZE[1]))
        dialog.show()
        pump(lambda: not dialog.is_busy())  # the card arrives from a background read
        shoot(dialog, "cham-diem")
        dialog.close()

    def bao_cao(self) -> None:
        from ocop_desktop.gui.reports.dialog import ReportsDialog
        from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
        from ocop_desktop.services.reports import ReportService

        settings = (lambda: read_report_settings(self.make_uow), lambda s: save_report_settings(self.make_uow, s))
        dialog = ReportsDialog(
            ReportService(self.make_uow), self.jobs, settings, today=lambda: TODAY, work_dir=self.work
        )
        dialog.show()
        pump()
        dialog.preview()
        pump(
            lambda: (
                "trang" in dialog.findChild(QWidget, "statusLabel").text()
                if dialog.findChild(QWidget, "statusLabel")
                else False
            ),
            30,
        )
        pump(lambda: False, 1.0)
        shoot(dialog, "bao-cao")
        dialog.close()

    def gui_goi(self) -> None:
        from ocop_desktop.gui.exchange.send_dialog import SendPackageDialog
        from ocop_desktop.services.exchange import ExchangeService

        dialog = SendPackageDialog(
            ExchangeService(self.make_uow), self.jobs, office_name="Xã Ẳng Nưa", folder=self.work
        )
        pump(lambda: False, 1.0)
        shoot(dialog, "gui-goi")
        dialog.close()

    def nhan_goi(self) -> None:
        from ocop_desktop.gui.exchange.receive_dialog import ReceivePackageDialog
        from ocop_desktop.persistence.database import open_database
        from ocop_desktop.services.exchange import ExchangeService
        from ocop_desktop.services.reference import load_reference
        from ocop_desktop.services.reference_places import place_id
        from ocop_desktop.services.sample import load_sample
        from ocop_desktop.services.settings import save_office_settings

        # The commune's package (with the rows typed above), received by the district's own file.
        package = self.work / "xa-ang-nua-2024.ocop.zip"
        ExchangeService(self.make_uow).export(package, include_reports=False)
        district = open_database(self.work / "huyen.db")
        try:
            make_uow = district.uow_factory(actor="Nguyễn Văn Kiểm")
            load_reference(make_uow)
            load_sample(make_uow, "muong-ang-2024")
            save_office_settings(make_uow, place_id("huyen-muong-ang"), "Nguyễn Văn Kiểm", "Chuyên viên")
            dialog = ReceivePackageDialog(ExchangeService(make_uow), self.jobs, today=lambda: TODAY)
            dialog.show()
            dialog.add_packages([package])
            pump(
                lambda: (
                    not dialog.busy() and "Đang" not in dialog.ui.statusLabel.text()
                    if hasattr(dialog.ui, "statusLabel")
                    else not dialog.busy()
                ),
                30,
            )
            pump(lambda: False, 1.0)
            shoot(dialog, "nhan-goi")
            dialog.close()
            self.jobs.wait()
        finally:
            district.close()

    def sao_luu(self) -> None:
        from ocop_desktop.gui.safety.backup_dialog import BackupDialog
        from ocop_desktop.services import backup as backup_service
        from ocop_desktop.services.backup import BackupService

        backup_service.create_backup(self.db.path, backup_service.DAILY)
        dialog = BackupDialog(BackupService(self.db.path, actor=lambda: USER), self.jobs, today=lambda: TODAY)
        pump(lambda: False, 1.5)
        shoot(dialog, "sao-luu")
        dialog.close()

    def close(self) -> None:
        if self._window is not None:
            self._window.jobs.wait()
            self._window.close()
        self.jobs.wait()
        self.db.close()


SCREENS = [
    "thiet_lap_don_vi",
    "dot_ra_soat",
    "ra_soat",
    "nhap_excel",
    "san_pham",
    "san_pham_sua",
    "nhiem_vu",
    "nhiem_vu_them",
    "cham_diem",
    "bao_cao",
    "gui_goi",
    "nhan_goi",
    "sao_luu",
    "trang_chinh",
    "du_lieu_mau",
    "bat_dau",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"only these screens ({', '.join(SCREENS)})")
    parser.add_argument("--out", type=Path, help="write the pictures here instead of resources/manual/img")
    args = parser.parse_args(argv)
    global OUT
    OUT = args.out or OUT
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ocop_desktop import APP_NAME, ORG_NAME
    from ocop_desktop.gui.i18n import install_translators

    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    install_translators(app, "vi")
    # The offscreen platform has no desktop font: take a sans-serif with Vietnamese marks.
    for family in ("Noto Sans", "DejaVu Sans", "Liberation Sans"):
        if family in QFontDatabase.families():
            app.setFont(QFont(family, 9))
            break
    QGuiApplication.setApplicationDisplayName("OCOP Desktop")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Backups and the sample go under the temporary folder, never the user's data folder.
        os.environ["XDG_DATA_HOME"] = tmp
        WORK.append(Path(tmp).resolve())
        shots = Shots(Path(tmp))
        try:
            for name in args.names or SCREENS:
                getattr(shots, name.replace("-", "_"))()
        finally:
            shots.close()
    total = sum(p.stat().st_size for p in OUT.glob("*.png"))
    print(f"total {total // 1024} KB in {len(list(OUT.glob('*.png')))} images")
    return 0


if __name__ == "__main__":
    sys.exit(main())
