"""What the bundle keeps and drops, its version resource and icon: checked without building."""

from __future__ import annotations

import struct
from pathlib import Path

import bundle_rules
import pytest
import winversion

from tests.bundle.conftest import ROOT


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/opengl32sw.dll",
        "PySide6/d3dcompiler_47.dll",
        "PySide6/plugins/sqldrivers/qsqlite.dll",
        "PySide6/plugins/imageformats/qpdf.dll",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/plugins/iconengines/qsvgicon.dll",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_en.qm",
    ],
)
def test_unused_qt_parts_are_dropped(dest):
    assert not bundle_rules.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/plugins/imageformats/qico.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt6Network.dll",
        "resources/translations/shell_vi.qm",
        "resources/translations/qtbase_vi.qm",
        "ocop_desktop/persistence/migrations/versions/0001_registry.py",
    ],
)
def test_what_the_program_uses_is_kept(dest):
    assert bundle_rules.keep(dest)


def test_qtnetwork_and_the_packages_code_are_not_excluded():
    assert "PySide6.QtNetwork" not in bundle_rules.EXCLUDED_MODULES
    assert "PySide6.QtNetwork" in bundle_rules.hidden_imports()
    assert not any(m.startswith("ocop_desktop") for m in bundle_rules.EXCLUDED_MODULES)
    # reportlab imports Pillow when it starts: only Pillow's optional codecs may go.
    assert "PIL" not in bundle_rules.EXCLUDED_MODULES


def test_data_files_carry_resources_and_migrations_but_no_translation_sources():
    files = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bundle_rules.data_files(ROOT)}
    assert ("resources/reference/places.json", "resources/reference") in files
    assert ("resources/samples/muong-ang-2024.json", "resources/samples") in files
    assert ("resources/fonts/LiberationSerif-Regular.ttf", "resources/fonts") in files
    assert ("resources/icons/ocop-desktop.ico", "resources/icons") in files
    assert ("resources/translations/shell_vi.qm", "resources/translations") in files
    assert ("ocop_desktop/persistence/migrations/env.py", "ocop_desktop/persistence/migrations") in files
    versions = sorted((ROOT / "ocop_desktop/persistence/migrations/versions").glob("0*.py"))
    assert versions
    for script in versions:
        assert (script.relative_to(ROOT).as_posix(), "ocop_desktop/persistence/migrations/versions") in files
    assert not any(src.endswith(".ts") or "__pycache__" in src for src, _ in files)


def test_every_module_of_the_package_is_bundled_with_what_migrations_import():
    modules = bundle_rules.package_modules(ROOT)
    assert {"ocop_desktop", "ocop_desktop.app", "ocop_desktop.selftest", "ocop_desktop.gui.main_window"} <= set(modules)
    # Alembic loads the scripts from files; analysing them bundles what they import.
    assert "ocop_desktop.persistence.migrations.versions.0001_registry" in modules
    assert not any(m.endswith("__main__") or "__pycache__" in m for m in modules)


def _toc(*dests: str) -> list[tuple[str, str, str]]:
    return [(d, "/src/" + d, "EXTENSION" if d.endswith((".pyd", ".abi3.so")) else "BINARY") for d in dests]


def test_libraries_only_dropped_plugins_needed_are_pruned():
    entries = _toc(
        "PySide6/QtWidgets.pyd",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt6Gui.dll",
        "PySide6/Qt6Core.dll",
        "PySide6/Qt6Svg.dll",
        "PySide6/Qt6Pdf.dll",
        "PySide6/plugins/platforms/qwindows.dll",
        "python311.dll",
        "libffi-8.dll",
        "_ctypes.pyd",
        "pypdfium2_raw/pdfium.dll",
    )
    links = {
        "/src/PySide6/QtWidgets.pyd": ["Qt6Widgets.dll", "python3.dll"],
        "/src/PySide6/Qt6Widgets.dll": ["Qt6Gui.dll", "Qt6Core.dll", "KERNEL32.dll"],
        "/src/PySide6/Qt6Gui.dll": ["Qt6Core.dll"],
        "/src/PySide6/plugins/platforms/qwindows.dll": ["QT6GUI.DLL"],
        "/src/_ctypes.pyd": ["libffi-8.dll", "python311.dll"],
    }
    kept = {e[0] for e in bundle_rules.prune_unneeded(entries, lambda src: links.get(src, []))}
    assert "PySide6/Qt6Svg.dll" not in kept and "PySide6/Qt6Pdf.dll" not in kept
    assert {
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt6Gui.dll",
        "PySide6/Qt6Core.dll",
        "libffi-8.dll",
        "python311.dll",
        "pypdfium2_raw/pdfium.dll",
        "PySide6/plugins/platforms/qwindows.dll",
    } <= kept


def test_a_symbolic_link_stays_with_its_target():
    entries = _toc("PySide6/QtCore.abi3.so", "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6")
    entries += [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
    ]
    links = {"/src/PySide6/QtCore.abi3.so": ["libQt6Core.so.6"]}
    kept = {e[0] for e in bundle_rules.prune_unneeded(entries, lambda src: links.get(src, []))}
    assert kept == {"PySide6/QtCore.abi3.so", "PySide6/Qt/lib/libQt6Core.so.6", "libQt6Core.so.6"}


@pytest.mark.parametrize(
    "version, expected",
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_windows_version_numbers(version, expected):
    assert winversion.version_tuple(version) == expected


def test_version_file_is_the_structure_pyinstaller_evaluates():
    from ocop_desktop import __version__

    assert winversion.read_version(ROOT) == __version__
    built = {}

    def make(kind):
        def record(*args, **kwargs):
            built.setdefault(kind, []).append((args, kwargs))
            return kind

        return record

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    eval(winversion.version_file_text(__version__, "OCOP-Desktop"), {n: make(n) for n in names})  # noqa: S307
    strings = dict(args for args, _ in built["StringStruct"])
    assert strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "OCOP-Desktop.exe"
    assert "Quản lý sản phẩm OCOP" in strings["FileDescription"]
    (ffi_kwargs,) = [kw for _, kw in built["FixedFileInfo"]]
    assert ffi_kwargs["filevers"] == winversion.version_tuple(__version__)
    assert built["StringTable"][0][0][0] == "042A04B0"  # Vietnamese, Unicode


def test_icon_holds_every_windows_size():
    data = (ROOT / "resources/icons/ocop-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = {(data[6 + 16 * i] or 256) for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    assert (ROOT / "resources/icons/ocop-desktop.png").read_bytes().startswith(b"\x89PNG")
