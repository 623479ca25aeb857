"""Build OCOP Desktop for distribution: forms and translations, the bundle, its self-test, the installer.

    python build_spec/build.py                      # everything, into dist/
    python build_spec/build.py --no-installer       # the one-folder bundle only

Outputs, named with ocop_desktop.__version__ and the platform:
    dist/OCOP-Desktop-<version>-<platform>/                 the one-folder bundle (PyInstaller)
    dist/OCOP-Desktop-<version>-<platform>-portable.zip     the same folder zipped, to run unpacked
    dist/OCOP-Desktop-<version>-setup.exe                   the NSIS installer (on Windows; built
        elsewhere from a non-Windows bundle it is named …-<platform>-setup.exe: a stand-in to test the script)

Needs: pip install ".[build]" (PyInstaller) and NSIS's makensis (Debian: apt-get install nsis).
The bundle must pass `--self-test` or the build fails; offscreen Qt is used where no screen is set.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

SPEC_DIR = Path(__file__).resolve().parent
ROOT = SPEC_DIR.parent
sys.path.insert(0, str(SPEC_DIR))

from bundle_rules import platform_tag  # noqa: E402
from winversion import read_version, version_tuple  # noqa: E402

EXE_NAME = "OCOP-Desktop"
# Where the NSIS installer puts makensis on a Windows machine (the runner images have it).
WINDOWS_MAKENSIS = (r"C:\Program Files (x86)\NSIS\makensis.exe", r"C:\Program Files\NSIS\makensis.exe")


def say(text: str) -> None:
    print(f"[build] {text}", flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    say("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) on disk, symbolic links not followed."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def bundle_paths(dist: Path, version: str) -> tuple[Path, Path]:
    folder = dist / f"{EXE_NAME}-{version}-{platform_tag()}"
    exe = folder / (f"{EXE_NAME}.exe" if sys.platform == "win32" else EXE_NAME)
    return folder, exe


def installer_path(dist: Path, version: str) -> Path:
    if sys.platform == "win32":
        return dist / f"{EXE_NAME}-{version}-setup.exe"
    return dist / f"{EXE_NAME}-{version}-{platform_tag()}-setup.exe"


def build_resources() -> None:
    run([sys.executable, str(SPEC_DIR / "build_resources.py")])


def build_bundle(dist: Path, work: Path, exclusions: bool) -> None:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC_DIR / "ocop_desktop.spec"),
        "--noconfirm",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--log-level",
        "WARN",
    ]
    if not exclusions:
        cmd += ["--", "--no-exclusions"]
    run(cmd)


def self_test(exe: Path) -> str:
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    say(f"$ {exe} --self-test")
    done = subprocess.run([str(exe), "--self-test"], capture_output=True, env=env, timeout=300)
    output = done.stdout.decode("utf-8", "replace")
    print(output, end="", flush=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace")[-4000:])
        raise SystemExit(f"The bundle's self-test failed (exit {done.returncode}).")
    return output


def portable_zip(folder: Path) -> Path:
    target = folder.with_name(folder.name + "-portable.zip")
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, Path(folder.name) / path.relative_to(folder))
    tmp.replace(target)
    return target


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    if sys.platform == "win32":
        return next((p for p in WINDOWS_MAKENSIS if Path(p).exists()), None)
    return None


def build_installer(
    folder: Path, exe: Path, target: Path, version: str, makensis: str, nsis_target: str | None, compressor: str
) -> Path:
    numbers = ".".join(str(n) for n in version_tuple(version))
    cmd = [
        makensis,
        "-V2",
        "-INPUTCHARSET",
        "UTF8",
        f"-DVERSION={version}",
        f"-DVERSION_WIN={numbers}",
        f"-DBUNDLE_DIR={folder}",
        f"-DOUTFILE={target}",
        f"-DICON={ROOT / 'resources' / 'icons' / 'ocop-desktop.ico'}",
        f"-DAPP_EXE={exe.name}",
        f"-DCOMPRESSOR={compressor}",
    ]
    if nsis_target:
        cmd.append(f"-DTARGET={nsis_target}")
    run([*cmd, str(SPEC_DIR / "installer.nsi")])
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument(
        "--no-resources",
        action="store_true",
        help="use the committed forms and translations as they are (no uic/lupdate/lrelease)",
    )
    parser.add_argument(
        "--no-exclusions", action="store_true", help="keep everything PyInstaller collects (size comparison)"
    )
    parser.add_argument("--no-self-test", action="store_true", help="do not run the bundle's --self-test")
    parser.add_argument("--no-portable", action="store_true", help="no portable .zip of the bundle")
    parser.add_argument("--no-installer", action="store_true", help="no NSIS installer")
    parser.add_argument(
        "--nsis-target", help="makensis Target, e.g. amd64-unicode (default: x86-unicode, runs everywhere)"
    )
    parser.add_argument(
        "--compressor",
        default="lzma",
        choices=("lzma", "zlib", "bzip2", "none"),
        help="installer compression: lzma is smallest, zlib much faster to build, none fastest (tests)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    version = read_version(ROOT)
    dist = args.dist.resolve()
    say(f"OCOP Desktop {version} for {platform_tag()} into {dist}")
    makensis = None
    if not args.no_installer:
        makensis = find_makensis()
        if makensis is None:
            raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis) or pass --no-installer.")

    if not args.no_resources:
        build_resources()
    build_bundle(dist, args.work.resolve(), exclusions=not args.no_exclusions)
    folder, exe = bundle_paths(dist, version)
    if not exe.exists():
        raise SystemExit(f"PyInstaller made no {exe}")
    size, files = folder_size(folder)
    say(f"bundle {folder.name}: {mib(size)} on disk, {files} files")
    if not args.no_self_test:
        self_test(exe)
    if not args.no_portable:
        archive = portable_zip(folder)
        say(f"portable archive {archive.name}: {mib(archive.stat().st_size)}")
    if makensis:
        setup = build_installer(
            folder, exe, installer_path(dist, version), version, makensis, args.nsis_target, args.compressor
        )
        say(f"installer {setup.name}: {mib(setup.stat().st_size)}")
    say(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
