"""`ocop-desktop --self-test`: prove an installed or frozen copy works, then exit (issue 8)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ocop_desktop import __version__

SAMPLE = "muong-ang-2024"
# A string whose Vietnamese translation the shell's .qm must carry.
KNOWN_STRING = ("MainWindow", "Office not set up", "Chưa thiết lập đơn vị")
# PDF viewers substitute these instead of embedding them: Vietnamese marks then turn into boxes.
STANDARD_FONTS = re.compile(rb"/BaseFont\s*/(Helvetica|Times|Courier|Symbol|ZapfDingbats)")


# Table names as the loaders report them, said in Vietnamese.
TABLES_VI = {
    "places": "địa bàn",
    "product_groups": "nhóm sản phẩm",
    "product_sets": "bộ sản phẩm",
    "rule_sets": "bộ tiêu chí",
    "directives": "văn bản chỉ đạo",
    "products": "sản phẩm",
    "survey_campaigns": "đợt rà soát",
    "tasks": "nhiệm vụ",
    "unit_submissions": "đơn vị báo cáo",
    "producers": "chủ thể",
}


def _counts(added: dict[str, int]) -> str:
    return ", ".join(f"{n} {TABLES_VI.get(table, table)}" for table, n in sorted(added.items()))


class Skipped(Exception):
    """A check that cannot run because an earlier one failed."""


def _console() -> TextIO:
    """Where to print: stdout, or the console that started a windowed Windows program.

    A windowed (no console) executable has no sys.stdout; attaching to the parent console
    lets `OCOP-Desktop.exe --self-test` typed in cmd or PowerShell still show its report.
    """
    stream = sys.stdout
    if stream is None and sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            stream = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    if stream is None:
        return io.StringIO()
    if hasattr(stream, "reconfigure"):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="replace")  # a cp1252 console shows "?" rather than failing
    return stream


class SelfTest:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.passed = 0
        self.failed = 0

    def say(self, text: str) -> None:
        with contextlib.suppress(OSError):  # whoever read the report went away (| head …): the exit code still tells
            print(text, file=self.out, flush=True)

    def check(self, label: str, fn: Callable[[], tuple[str, Any]]) -> Any:
        """Run one check; print ✓ with what was found, or ✗ with why. Returns fn's value."""
        started = time.perf_counter()
        try:
            detail, value = fn()
        except Skipped as why:
            self.failed += 1
            self.say(f"✗ {label}: bỏ qua vì {why}")
            return None
        except Exception as exc:  # every failure is reported, and the next checks still run
            self.failed += 1
            self.say(f"✗ {label}: {type(exc).__name__}: {exc}")
            self.say("  " + "".join(traceback.format_exception(exc)[-3:]).strip().replace("\n", "\n  "))
            return None
        self.passed += 1
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        self.say(f"✓ {label}: {detail} ({seconds} giây)")
        return value


def _need(value: Any, what: str) -> Any:
    if value is None:
        raise Skipped(f"{what} không đạt")
    return value


def _resources() -> tuple[str, Path]:
    from ocop_desktop.paths import resources_dir

    folder = resources_dir()
    fonts = sorted(p.name for p in (folder / "fonts").glob("*.ttf"))
    qms = sorted(p.name for p in (folder / "translations").glob("*_vi.qm"))
    if not fonts or not qms:
        raise FileNotFoundError(f"thiếu phông chữ hoặc bản dịch trong {folder}")
    return f"{folder} — {len(fonts)} phông chữ, {len(qms)} tệp bản dịch", folder


def _database(tmp: Path) -> tuple[str, Any]:
    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.persistence.migrate import MIGRATIONS_DIR, head_revision

    db = open_database(tmp / "tu-kiem-tra.db")
    head = head_revision()
    if db.migration.after != head:
        raise RuntimeError(f"lược đồ dừng ở {db.migration.after}, mới nhất là {head}")
    return f"tạo tệp tạm, nâng cấp lược đồ lên {head} (thư mục nâng cấp {MIGRATIONS_DIR})", db


def _reference(db) -> tuple[str, Any]:
    from ocop_desktop.services.reference import load_reference

    make_uow = db.uow_factory(actor="Tự kiểm tra")
    report = load_reference(make_uow)
    if not report.added:
        raise RuntimeError("không có dòng dữ liệu tham chiếu nào được nạp")
    return _counts(report.added), make_uow


def _sample(make_uow) -> tuple[str, Any]:
    from ocop_desktop.services.sample import load_sample

    report = load_sample(make_uow, SAMPLE)
    if not report.added.get("products"):
        raise RuntimeError("mẫu không thêm sản phẩm nào")
    return f"{report.title}: {_counts(report.added)}", report


def _pdf(make_uow, tmp: Path) -> tuple[str, Path]:
    import pypdfium2 as pdfium

    from ocop_desktop.services.reports import ReportRequest, ReportService

    path = ReportService(make_uow).export(ReportRequest("products"), "pdf", tmp / "bao-cao-san-pham.pdf")
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RuntimeError(f"{path.name} không phải tệp PDF")
    embedded = data.count(b"/FontFile2")
    if not embedded:
        raise RuntimeError("phông chữ không được nhúng vào PDF (không có /FontFile2)")
    standard = STANDARD_FONTS.search(data)
    if standard:
        raise RuntimeError(f"PDF dùng phông {standard.group(1).decode()} không nhúng: dấu tiếng Việt sẽ hỏng")
    document = pdfium.PdfDocument(str(path))
    try:
        pages = len(document)
        bitmap = document[0].render(scale=0.5)
        pixels = bytes(bitmap.buffer)
    finally:
        document.close()
    if pixels.count(255) == len(pixels):
        raise RuntimeError("trang đầu của PDF vẽ ra trắng trơn")
    return f"{path.name}, {pages} trang, {embedded} phông chữ nhúng, trang 1 vẽ được", path


def _xlsx(make_uow, tmp: Path) -> tuple[str, Path]:
    from openpyxl import load_workbook

    from ocop_desktop.services.reports import ReportRequest, ReportService

    service = ReportService(make_uow)
    request = ReportRequest("products")
    expected_rows = service.build(request).row_count
    path = service.export(request, "xlsx", tmp / "bao-cao-san-pham.xlsx")
    workbook = load_workbook(path, read_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows = sum(1 for row in sheet.iter_rows(values_only=True) if any(v not in (None, "") for v in row))
    finally:
        workbook.close()
    if rows < expected_rows:
        raise RuntimeError(f"bảng tính có {rows} dòng, báo cáo có {expected_rows}")
    return f"{path.name}, {rows} dòng có dữ liệu ({expected_rows} dòng sản phẩm)", path


def _signing(tmp: Path) -> tuple[str, None]:
    """The signing library (PyNaCl's libsodium) is in the bundle: a key is made, signs, verifies."""
    from ocop_desktop.exports.signing import load_or_create_key, short_fingerprint, verify

    key = load_or_create_key(tmp / "tu-kiem-tra.db.key")
    data = "Gói thử".encode()
    if not verify(key.public_key, key.sign(data), data) or verify(key.public_key, key.sign(data), data + b"!"):
        raise RuntimeError("chữ ký số không kiểm tra đúng")
    return f"Ed25519, dấu vân tay {short_fingerprint(key.fingerprint)}", None


def _application():
    """The running Qt application, or a new QApplication (GUI checks need one, not a core app)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build server has no screen
        app = QApplication([sys.argv[0] if sys.argv else "ocop-desktop"])
    return app


def _translation() -> tuple[str, Any]:
    from PySide6.QtCore import QCoreApplication

    from ocop_desktop.gui.i18n import install_translators

    app = _application()
    translators = install_translators(app, "vi")
    context, source, expected = KNOWN_STRING
    got = QCoreApplication.translate(context, source)
    if got != expected:
        raise RuntimeError(f"«{source}» dịch thành «{got}», mong đợi «{expected}»")
    return f"{len(translators)} bản dịch, «{source}» → «{got}»", app


def _window(db, tmp: Path) -> tuple[str, None]:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QTabWidget

    from ocop_desktop.app import build_main_window
    from ocop_desktop.gui.ui_settings import UiSettings

    if not isinstance(QCoreApplication.instance(), QApplication):
        raise Skipped("ứng dụng Qt đang chạy không có giao diện")
    # A settings file of its own: the office's window layout and language stay untouched.
    settings = UiSettings(QSettings(str(tmp / "giao-dien.ini"), QSettings.Format.IniFormat))
    window = build_main_window(db, settings, ask_first_run=False)
    try:
        tabs = window.findChild(QTabWidget)
        titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] if tabs else []
        if not titles:
            raise RuntimeError("cửa sổ chính không có thẻ nào")
    finally:
        jobs = getattr(window, "jobs", None)
        # The pages read in the background, and a finished read may start the next one when its
        # result is delivered: settle until nothing runs, or the process would end with a worker
        # still inside Python (a crash at exit).
        for _ in range(100):
            if jobs is not None:
                jobs.wait()
            QApplication.processEvents()
            if jobs is None or not jobs.active():
                break
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents()
        if jobs is not None:
            jobs.wait()
    return f"nền {QGuiApplication.platformName()}, các thẻ: {', '.join(titles)}", None


def run_self_test(out: TextIO | None = None) -> int:
    """Return 0 when every check passed; prints what it checked, in Vietnamese."""
    t = SelfTest(out or _console())
    frozen = "bản đóng gói" if getattr(sys, "frozen", False) else "chạy từ mã nguồn"
    utf8 = "bật" if sys.flags.utf8_mode else "tắt"  # the bundle turns it on: Vietnamese in every file and pipe
    t.say(
        f"Tự kiểm tra OCOP Desktop {__version__} ({frozen}, Python {sys.version.split()[0]}, {sys.platform}, "
        f"chế độ UTF-8 {utf8})"
    )
    with tempfile.TemporaryDirectory(prefix="ocop-tu-kiem-tra-", ignore_cleanup_errors=True) as name:
        tmp = Path(name)
        db = None
        try:
            t.check("Tài nguyên đi kèm", _resources)
            db = t.check("Cơ sở dữ liệu tạm và nâng cấp lược đồ", lambda: _database(tmp))
            make_uow = t.check("Dữ liệu tham chiếu", lambda: _reference(_need(db, "cơ sở dữ liệu")))
            t.check(f"Dữ liệu mẫu {SAMPLE}", lambda: _sample(_need(make_uow, "dữ liệu tham chiếu")))
            t.check("Báo cáo PDF có nhúng phông chữ", lambda: _pdf(_need(make_uow, "dữ liệu tham chiếu"), tmp))
            t.check("Báo cáo Excel (xlsx)", lambda: _xlsx(_need(make_uow, "dữ liệu tham chiếu"), tmp))
            t.check("Chữ ký số của gói dữ liệu", lambda: _signing(tmp))
            t.check("Bản dịch tiếng Việt", _translation)
            t.check("Cửa sổ chính dựng được", lambda: _window(_need(db, "cơ sở dữ liệu"), tmp))
        finally:
            if db is not None:
                db.close()  # Windows cannot delete an open database file
    total = t.passed + t.failed
    if t.failed:
        t.say(f"Tự kiểm tra KHÔNG ĐẠT: {t.failed}/{total} mục lỗi.")
        return 1
    t.say(f"Tự kiểm tra đạt: {t.passed}/{total} mục.")
    return 0
