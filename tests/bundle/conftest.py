"""Build fixtures: the bundle and its installer, built once per test run by build_spec/build.py."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SPEC = ROOT / "build_spec"
sys.path.insert(0, str(BUILD_SPEC))


def _load(name: str, path: Path):
    """build_spec/build.py under a name of its own: "build" is also a PyPI package and a folder here."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load("ocop_build_script", BUILD_SPEC / "build.py")
read_version = build.read_version


def wine64() -> str | None:
    """Debian's wine64 keeps its loader out of PATH."""
    for candidate in (shutil.which("wine64"), "/usr/lib/wine/wine64", shutil.which("wine")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@dataclass(frozen=True)
class Built:
    version: str
    folder: Path
    exe: Path
    installer: Path | None
    log: str


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    """build_spec/build.py as a release would run it, minus what only costs time here.

    The committed forms and translations are used as they are (another test checks they are
    fresh), the portable zip is skipped, and the installer is not compressed (zlib took 35 s,
    lzma 2 min; what is checked is the script and the payload, not the size). With wine64 present the installer is 64-bit so wine64 can run it.
    """
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[build]' to build the bundle")
    out = tmp_path_factory.mktemp("build")
    args = [
        sys.executable,
        str(BUILD_SPEC / "build.py"),
        "--dist",
        str(out / "dist"),
        "--work",
        str(out / "work"),
        "--no-resources",
        "--no-portable",
        "--no-self-test",  # test_the_bundle_passes_its_self_test_offscreen runs it (8 s each time)
        "--compressor",
        "none",
    ]
    makensis = build.find_makensis()
    if makensis is None:
        args.append("--no-installer")
    elif wine64():
        args += ["--nsis-target", "amd64-unicode"]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=1200)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-6000:]
    version = read_version(ROOT)
    folder, exe = build.bundle_paths(out / "dist", version)
    installer = build.installer_path(out / "dist", version) if makensis else None
    return Built(version, folder, exe, installer, log)
