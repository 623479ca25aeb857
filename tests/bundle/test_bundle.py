"""The one-folder bundle that build_spec/build.py makes: it passes its self-test and carries no dead weight."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.bundle.test_selftest import CHECKS

pytestmark = pytest.mark.slow


def test_build_names_the_bundle_with_version_and_platform(built):
    assert built.folder.name.startswith(f"OCOP-Desktop-{built.version}-")
    assert built.exe.is_file() and os.access(built.exe, os.X_OK)
    assert "[build] done in" in built.log  # (its self-test is run by the test below, not twice)


def test_the_bundle_passes_its_self_test_offscreen(built, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DISPLAY", "WAYLAND"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    done = subprocess.run([str(built.exe), "--self-test"], capture_output=True, env=env, cwd=tmp_path, timeout=300)
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, out + done.stderr.decode("utf-8", "replace")
    header = out.splitlines()[0]
    assert "(bản đóng gói," in header
    # C.UTF-8 does not turn Python's UTF-8 mode on by itself: the spec's "X utf8" option did.
    assert "chế độ UTF-8 bật" in header
    assert out.count("✓ ") == CHECKS and "✗" not in out
    assert "✓ Chữ ký số của gói dữ liệu: Ed25519" in out  # PyNaCl and its libsodium are in the bundle
    # The migrations were read from inside the bundle, not from this checkout.
    assert f"{built.folder}{os.sep}_internal{os.sep}ocop_desktop{os.sep}persistence{os.sep}migrations" in out
    assert not (tmp_path / "data").exists()


def test_the_bundle_carries_its_resources_and_migration_scripts(built):
    internal = built.folder / "_internal"
    for needed in (
        "resources/fonts/LiberationSerif-Regular.ttf",
        "resources/fonts/LICENSE-LiberationSerif.txt",
        "resources/reference/places.json",
        "resources/samples/muong-ang-2024.json",
        "resources/translations/shell_vi.qm",
        "resources/icons/ocop-desktop.ico",
        "ocop_desktop/persistence/migrations/env.py",
        "ocop_desktop/persistence/migrations/versions/0001_registry.py",
    ):
        assert (internal / needed).is_file(), needed
    assert not list(internal.rglob("*.ts"))


def test_the_bundle_leaves_out_what_a_widgets_program_never_uses(built):
    names = {p.relative_to(built.folder).as_posix() for p in built.folder.rglob("*")}
    lowered = {n.lower() for n in names}
    for unwanted in (
        "opengl32sw",
        "qt6quick",
        "qt6qml",
        "qt6pdf",
        "qt6svg",
        "qt6waylandclient",
        "/sqldrivers/",
        "/platformthemes/",
        "/tls/",
        "/numpy",
        "/pip/",
        "/setuptools/",
        "/tkinter",
        "pytest",
        "/cryptography",
    ):
        assert not [n for n in lowered if unwanted in n], unwanted
    qt_translations = [n for n in names if "PySide6" in n and n.endswith(".qm")]
    assert all(n.endswith("_vi.qm") for n in qt_translations), qt_translations
    plugins = {p.parent.name for p in built.folder.rglob("*") if p.is_file() and p.parent.parent.name == "plugins"}
    assert plugins <= {"platforms", "styles", "imageformats", "printsupport", "platforminputcontexts"}, plugins
    assert any("qoffscreen" in n for n in names) and any("qxcb" in n or "qwindows" in n for n in names)
    assert any("QtNetwork" in n for n in names)  # the single-instance guard's QLocalServer
