"""The NSIS installer: it compiles with the Linux bundle as a stand-in payload and, under wine64,
installs silently for the user, upgrades an older version and uninstalls, never touching the data."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.bundle.conftest import ROOT, build, wine64

pytestmark = pytest.mark.slow

SHORTCUT = "OCOP Desktop - Quản lý sản phẩm OCOP.lnk"
UNINSTALLER = "Gỡ cài đặt OCOP Desktop.exe"
REG_KEY = r"[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\OCOP Desktop]"


@pytest.fixture
def installer(built) -> Path:
    if built.installer is None:
        pytest.skip("makensis is not installed (Debian: apt-get install nsis); the installer was not built")
    return built.installer


def test_makensis_builds_the_installer_from_the_bundle(installer, built):
    assert installer.name == f"OCOP-Desktop-{built.version}-{built.folder.name.split('-', 3)[-1]}-setup.exe"
    data = installer.read_bytes()
    assert data[:2] == b"MZ"
    # The payload is in it: bigger than the stub by most of the bundle (even were it compressed).
    bundle_bytes = sum(p.stat().st_size for p in built.folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert len(data) > bundle_bytes / 4
    script = (ROOT / "build_spec/installer.nsi").read_text("utf-8")
    assert "RequestExecutionLevel user" in script and '"$LOCALAPPDATA\\Programs\\OCOP Desktop"' in script
    assert '!insertmacro MUI_LANGUAGE "Vietnamese"' in script
    assert "APPDATA\\" not in script.replace("$LOCALAPPDATA", "")  # the data folder is never named


class Wine:
    """A throw-away Windows user profile run by wine64 (HOME in tmp: no menus or links leak out)."""

    def __init__(self, loader: str, home: Path) -> None:
        self.loader = loader
        self.server = str(Path(loader).with_name("wineserver"))
        self.prefix = home / "prefix"
        self.env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        self.env.update(
            WINEPREFIX=str(self.prefix),
            WINEDEBUG="-all",
            HOME=str(home),
            WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree,mshtml=",
        )
        self.run("wineboot", "--init")

    def run(self, *args: str) -> int:
        done = subprocess.run([self.loader, *args], env=self.env, capture_output=True, timeout=300)
        self.wait()
        return done.returncode

    def wait(self) -> None:
        # The installer's children (the old uninstaller, the registry writes) end with the server.
        subprocess.run([self.server, "-w"], env=self.env, timeout=300)

    def stop(self) -> None:
        subprocess.run([self.server, "-k"], env=self.env, timeout=60)

    @property
    def user(self) -> Path:
        (home,) = [p for p in (self.prefix / "drive_c/users").iterdir() if p.name != "Public"]
        return home

    def registry_entry(self) -> dict[str, str] | None:
        text = (self.prefix / "user.reg").read_text("utf-8", "replace")
        start = text.find(REG_KEY)
        if start < 0:
            return None
        block = text[start:].split("\n\n", 1)[0]
        return dict(re.findall(r'^"([^"]+)"="(.*)"$', block, re.MULTILINE))


@pytest.fixture
def wine(tmp_path):
    loader = wine64()
    if loader is None:
        pytest.skip("wine64 is not installed (Debian: apt-get install wine64); the installer was not run")
    w = Wine(loader, tmp_path)
    yield w
    w.stop()


def _old_installer(tmp_path: Path) -> Path:
    """Version 0.0.1 of the program as a tiny installer, with a file the new version no longer has."""
    payload = tmp_path / "old-bundle"
    (payload / "_internal").mkdir(parents=True)
    (payload / "OCOP-Desktop").write_bytes(b"old program")
    (payload / "_internal" / "only-in-0.0.1.txt").write_text("old")
    target = tmp_path / "OCOP-Desktop-0.0.1-setup.exe"
    return build.build_installer(
        payload, payload / "OCOP-Desktop", target, "0.0.1", build.find_makensis(), "amd64-unicode", "zlib"
    )


def test_silent_install_upgrade_and_uninstall_keep_the_office_data(installer, built, wine, tmp_path):
    programs = wine.user / "AppData/Local/Programs/OCOP Desktop"
    start_menu = wine.user / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs" / SHORTCUT
    desktop = wine.user / "Desktop" / SHORTCUT
    data = wine.user / "AppData/Roaming/ocop/ocop-desktop"

    # An office that has used version 0.0.1: its database and a backup.
    assert wine.run(str(_old_installer(tmp_path)), "/S") == 0
    assert (programs / "_internal/only-in-0.0.1.txt").is_file()
    assert wine.registry_entry()["DisplayVersion"] == "0.0.1"
    (data / "backups").mkdir(parents=True)
    (data / "ocop.db").write_bytes(b"SQLite format 3\x00 the office's records")
    (data / "backups/ocop-truoc-nang-cap-0001.sqlite").write_bytes(b"backup")

    # The upgrade: silent, no administrator, over the old version.
    assert wine.run(str(installer), "/S") == 0
    assert (programs / built.exe.name).is_file()
    assert (programs / "_internal/resources/reference/places.json").is_file()
    assert (programs / UNINSTALLER).is_file()
    assert not (programs / "_internal/only-in-0.0.1.txt").exists()  # the old files went first
    assert start_menu.is_file() and desktop.is_file()
    entry = wine.registry_entry()
    assert entry["DisplayVersion"] == built.version
    assert entry["DisplayName"] == r"OCOP Desktop - Qu\x1ea3n l\xfd s\x1ea3n ph\x1ea9m OCOP"  # wine's escapes
    assert entry["InstallLocation"].endswith(r"AppData\\Local\\Programs\\OCOP Desktop")
    assert (data / "ocop.db").read_bytes() == b"SQLite format 3\x00 the office's records"
    assert (data / "backups/ocop-truoc-nang-cap-0001.sqlite").read_bytes() == b"backup"

    # Uninstall: the program, its shortcuts and its registry entry go; the data stay.
    assert wine.run(str(programs / UNINSTALLER), "/S") == 0
    assert not programs.exists()
    assert not start_menu.exists() and not desktop.exists()
    assert wine.registry_entry() is None
    assert (data / "ocop.db").read_bytes() == b"SQLite format 3\x00 the office's records"
    assert (data / "backups/ocop-truoc-nang-cap-0001.sqlite").read_bytes() == b"backup"
