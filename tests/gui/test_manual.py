"""Trợ giúp → Hướng dẫn sử dụng opens the shipped Vietnamese manual; the manual holds together offline."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from ocop_desktop.gui import help_manual
from ocop_desktop.paths import resources_dir

MANUAL = resources_dir() / "manual"
TRANSLATIONS = resources_dir() / "translations"


@pytest.fixture
def window(qtbot, db, make_uow, tmp_path, vietnamese):
    from ocop_desktop.app import build_main_window
    from ocop_desktop.gui.ui_settings import UiSettings

    win = build_main_window(
        db, UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)), ask_first_run=False
    )
    qtbot.addWidget(win)
    yield win
    win.jobs.wait()


def test_the_help_menu_offers_the_manual_in_vietnamese_on_f1(window):
    menu = window.ui.menuHelp
    assert menu.title() == "Trợ &giúp"
    action = window.ui.actionUserManual
    assert action in menu.actions() and action.isVisible()
    assert action.text() == "Hướng dẫn sử dụng"
    assert action.shortcut().toString() == "F1"


def test_choosing_it_opens_the_shipped_index_page(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.ui.actionUserManual.trigger()
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert opened[0].isLocalFile() and path == MANUAL / "index.html"
    assert path.is_file() and "Hướng dẫn sử dụng" in path.read_text("utf-8")


def _close_next_message(seen: list[str]) -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


@pytest.mark.real_message_box  # answered by _close_next_message
def test_a_missing_manual_is_named_in_vietnamese(qtbot, tmp_path, vietnamese):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    missing = tmp_path / "manual" / "index.html"
    opened, seen = [], []
    command = help_manual.manual_command(index=lambda: missing, open_url=lambda url: opened.append(url) or True)
    _close_next_message(seen)
    command(parent)
    assert opened == []
    assert len(seen) == 1 and seen[0].startswith("Không tìm thấy hướng dẫn sử dụng tại ") and str(missing) in seen[0]


@pytest.mark.real_message_box  # answered by _close_next_message
def test_a_browser_that_does_not_open_is_explained(qtbot, tmp_path, vietnamese):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []
    _close_next_message(seen)
    help_manual.manual_command(open_url=lambda url: False)(parent)
    assert len(seen) == 1 and "trình duyệt web" in seen[0] and str(MANUAL / "index.html") in seen[0]


def test_the_manual_is_found_in_the_resources_folder_wherever_it_is():
    assert help_manual.manual_index() == MANUAL / "index.html"
    assert help_manual.manual_index(lambda: Path("/opt/ocop/resources")) == Path(
        "/opt/ocop/resources/manual/index.html"
    )


# --- the manual itself: offline, whole, in step with the program ----------------------------------

PAGES = sorted(MANUAL.glob("*.html"))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.labels: list[str] = []
        self.tags: set[str] = set()
        self._label_depth = 0
        self._label: list[str] = []
        self.chapters: list[str] = []
        self.charset = ""
        self.images: list[tuple[str, str | None, str | None, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        for name in ("href", "src"):
            if a.get(name):
                self.links.append(a[name])
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "img":
            self.images.append((a.get("src", ""), a.get("width"), a.get("height"), a.get("alt", "")))
        if tag == "meta" and a.get("charset"):
            self.charset = a["charset"].lower()
        if tag == "section" and a.get("class") == "chapter":
            self.chapters.append(a.get("id", ""))
        if tag == "span" and a.get("class") == "ui":
            self._label_depth, self._label = 1, []
        elif self._label_depth and tag == "span":
            self._label_depth += 1

    def handle_endtag(self, tag):
        if self._label_depth and tag == "span":
            self._label_depth -= 1
            if not self._label_depth:
                self.labels.append("".join(self._label).strip())

    def handle_data(self, data):
        if self._label_depth:
            self._label.append(data)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def _build_script(name: str):
    """A script of build_spec/ loaded under its own name (the folder is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_manual_{name}", MANUAL.parents[1] / "build_spec" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _local(page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    assert not parts.scheme and not parts.netloc, f"{page.name}: {link} leaves the manual"
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    return target, parts.fragment


def test_the_manual_has_an_index_a_print_page_and_its_chapters():
    names = {p.name for p in PAGES}
    assert {"index.html", "in-toan-bo.html"} <= names and (MANUAL / "manual.css").is_file()
    assert len(names) >= 14  # index, print page and twelve chapters


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_is_offline_utf8_nfc_and_links_only_to_files_that_exist(page):
    text = page.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text), page.name
    assert not re.search(r"(?i)\b(https?:|ftp:|//[a-z])", text), page.name
    parsed = _parse(page)
    assert parsed.charset == "utf-8" and "script" not in parsed.tags
    for link in parsed.links:
        target, fragment = _local(page, link)
        assert target.is_file() and MANUAL in target.parents, f"{page.name}: {link} does not exist"
        if fragment:
            assert fragment in _parse(target).ids, f"{page.name}: {link} names no anchor"


def test_every_page_is_reachable_from_the_index():
    seen, todo = set(), [MANUAL / "index.html"]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        for link in _parse(page).links:
            target, _ = _local(page, link)
            if target.suffix == ".html":
                todo.append(target)
    assert set(PAGES) - seen == set()


def test_the_print_page_holds_every_chapter_and_is_up_to_date():
    build_manual = _build_script("build_manual")
    order = build_manual.chapters((MANUAL / "index.html").read_text("utf-8"))
    assert len(order) == 12
    printed = _parse(MANUAL / "in-toan-bo.html")
    assert printed.chapters == ["man-hinh-chinh"] + [href[:-5] for href, _ in order]
    for href, title in order:
        chapter = _parse(MANUAL / href)
        assert chapter.chapters == [href[:-5]], href
        assert title in (MANUAL / href).read_text("utf-8")
    # The navigation bars and the print page are assembled from the chapters: never edited apart.
    assert build_manual.build(check=True) == []


def _program_labels() -> set[str]:
    """Every Vietnamese text of the interface, as shown (accelerator marks removed)."""
    out: set[str] = set()
    for ts in TRANSLATIONS.glob("*_vi.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
            for text in texts:
                if text:
                    shown = re.sub(r"&(?!&)", "", text).strip()
                    out.add(shown)
                    out.add(shown.rstrip("…"))  # toolbar buttons drop the ellipsis
    # Column headers the record schema names (the survey grid and its Excel template).
    from ocop_desktop.domain import schema

    for record in schema.RECORDS.values():
        for field in (*record.fields, *record.computed):  # computed columns are shown too
            out.update(text for text in (field.label, field.header) if text)
    return out


def test_every_label_the_manual_names_is_one_the_program_shows():
    """A menu or button renamed in the program shows up here until the manual follows it."""
    known = _program_labels()
    unknown = {}
    for page in PAGES:
        for label in _parse(page).labels:
            if label not in known:
                unknown.setdefault(page.name, []).append(label)
    assert unknown == {}


def test_each_chapter_has_steps_a_refusal_and_a_picture_of_the_real_window():
    build_manual = _build_script("build_manual")
    for href, _ in build_manual.chapters((MANUAL / "index.html").read_text("utf-8")):
        text = (MANUAL / href).read_text("utf-8")
        assert '<ol class="steps">' in text and 'class="refused"' in text, href
        pictures = [link for link in _parse(MANUAL / href).links if link.startswith("img/")]
        assert pictures or "<pre>" in text, href  # the terminal chapter shows the terminal's text


def test_the_screenshots_are_small_and_not_blank():
    from PySide6.QtGui import QImage

    images = sorted((MANUAL / "img").glob("*.png"))
    used = {link for page in PAGES for link in _parse(page).links if link.startswith("img/")}
    assert {f"img/{p.name}" for p in images} == used  # none missing, none left over
    assert sum(p.stat().st_size for p in images) < 2 * 1024 * 1024
    for path in images:
        assert path.stat().st_size < 80 * 1024, path.name
        image = QImage(str(path))
        assert image.width() >= 500 and image.height() >= 400, path.name
        # A real window has anti-aliased text and frames: many distinct colours, not a flat fill.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        assert len(colours) > 30, (path.name, len(colours))


def test_every_picture_states_its_true_size_and_says_what_it_shows():
    from PySide6.QtGui import QImage

    for page in PAGES:
        for src, width, height, alt in _parse(page).images:
            image = QImage(str(MANUAL / src))
            assert (width, height) == (str(image.width()), str(image.height())), (page.name, src)
            assert len(alt) > 10, (page.name, src)  # read aloud, or shown when the picture is missing


def test_the_bundle_and_the_wheel_carry_the_manual():
    data_files = _build_script("bundle_rules").data_files
    root = MANUAL.parents[1]
    shipped = {Path(src).relative_to(root).as_posix() for src, _folder in data_files(root)}
    assert {
        "resources/manual/index.html",
        "resources/manual/manual.css",
        "resources/manual/img/trang-chinh.png",
    } <= shipped


def test_the_screenshot_script_still_drives_the_real_dialog(tmp_path):
    """build_manual_screens.py runs the windows it pictures: a renamed widget breaks it here, not later."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    root = MANUAL.parents[1]
    done = subprocess.run(
        [
            sys.executable,
            str(root / "build_spec" / "build_manual_screens.py"),
            "thiet_lap_don_vi",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "chosen: Tỉnh Điện Biên / Xã Mường Ảng" in done.stdout  # typed without diacritics, taken
    for name in ("thiet-lap-don-vi.png", "thiet-lap-loi.png"):
        picture = tmp_path / name
        assert picture.stat().st_size < 80 * 1024
        assert QImage(str(picture)).size() == QImage(str(MANUAL / "img" / name)).size()


def test_every_ocop_command_the_manual_shows_exists_with_its_options(capsys):
    """The terminal chapter names commands and options; each must be one `ocop … --help` knows."""
    import html
    import shlex

    from ocop_desktop.cli import build_parser

    text = html.unescape((MANUAL / "dong-lenh.html").read_text("utf-8"))
    commands = re.findall(r"<code>(ocop [^<]*)</code>", text) + re.findall(r"^> (ocop .*)$", text, re.M)
    assert len(commands) >= 15
    for command in commands:
        words = shlex.split(command.replace("…", "x"))[1:]
        path = []
        for word in words:
            if word.startswith("-") or not re.fullmatch(r"[a-z][a-z-]*", word) or len(path) == 3:
                break
            path.append(word)
        if path and path[-1] not in ("help",):
            with pytest.raises(SystemExit) as done:
                build_parser().parse_args([*path, "--help"])
            assert done.value.code == 0, command
            shown = capsys.readouterr().out
            for option in (w.split("=")[0] for w in words if w.startswith("--")):
                if option != "--help":
                    assert option in shown, (command, option)
