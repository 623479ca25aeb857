"""Build generated GUI files: Designer forms (ui/ → gui/forms) and translations (.ts → .qm).

Run after changing a .ui file or a string shown to users:

    python build_spec/build_resources.py            # uic, lupdate, lrelease
    python build_spec/build_resources.py --check    # exit 1 if anything generated is stale

Translations are split by area, one .ts per GUI subpackage, so people working on
different pages never edit the same file: ocop_desktop/gui/<area>/ and ui/<area>/
feed resources/translations/<area>_vi.ts; the top-level gui/*.py and ui/*.ui feed
shell_vi.ts. Source strings are English; Vietnamese is the default translation.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
GUI_DIR = ROOT / "ocop_desktop" / "gui"
FORMS_DIR = GUI_DIR / "forms"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("vi",)


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    # Next to the running interpreter (a venv whose bin/ is not on PATH).
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    if candidate.exists():
        return str(candidate)
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")


# What pyside6-<tool> runs (PySide6/scripts/pyside_tool.py): the Qt program in PySide6's folder, uic
# told to write Python. Started directly, each of the 27 forms and 20 translation steps saves the
# wrapper's own Python start (a fifth of a second each; the suite's check took 11 s).
_DIRECT = {"uic": (("Qt", "libexec"), ("-g", "python")), "lupdate": ((), ()), "lrelease": ((), ())}


def _command(name: str) -> list[str]:
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        folder, args = _DIRECT[name]
        base = Path(next(iter(spec.submodule_search_locations)))
        for exe in (base.joinpath(*folder, name), base / name, base / f"{name}.exe"):
            if exe.is_file() and os.access(exe, os.X_OK):
                return [str(exe), *args]
    return [_tool(name)]


def areas() -> dict[str, list[Path]]:
    """Source files per translation area."""
    out: dict[str, list[Path]] = {"shell": sorted(GUI_DIR.glob("*.py")) + sorted(UI_DIR.glob("*.ui"))}
    for sub in sorted(p for p in GUI_DIR.iterdir() if p.is_dir() and p.name not in ("forms", "__pycache__")):
        files = sorted(sub.rglob("*.py")) + sorted((UI_DIR / sub.name).glob("*.ui"))
        out[sub.name] = files
    return out


def form_target(ui: Path) -> Path:
    rel = ui.relative_to(UI_DIR)
    name = "ui_" + "_".join(rel.with_suffix("").parts) + ".py"
    return FORMS_DIR / name


def _strip_header(text: str) -> str:
    # uic writes its own version into a comment block; that must not make a form stale.
    return "\n".join(line for line in text.splitlines() if not line.startswith("##"))


def build_forms(check: bool) -> list[str]:
    stale = []
    FORMS_DIR.mkdir(exist_ok=True)
    (FORMS_DIR / "__init__.py").touch()
    for ui in sorted(UI_DIR.rglob("*.ui")):
        target = form_target(ui)
        done = subprocess.run([*_command("uic"), "--from-imports", str(ui)], capture_output=True, text=True, check=True)
        new = done.stdout
        if check:
            if not target.exists() or _strip_header(target.read_text("utf-8")) != _strip_header(new):
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(new, encoding="utf-8")
    return stale


def _lupdate(sources: list[Path], ts: Path) -> None:
    subprocess.run(
        [*_command("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *map(str, sources), "-ts", str(ts)],
        check=True,
    )


def build_translations(check: bool, only: str | None = None) -> list[str]:
    stale = []
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for area, sources in areas().items():
        if not sources or (only and area != only):
            continue
        for lang in LANGUAGES:
            ts = TS_DIR / f"{area}_{lang}.ts"
            qm = ts.with_suffix(".qm")
            if check:
                with tempfile.TemporaryDirectory() as tmp:
                    copy = Path(tmp) / ts.name
                    if ts.exists():
                        shutil.copy(ts, copy)
                    _lupdate(sources, copy)
                    if not ts.exists() or copy.read_bytes() != ts.read_bytes():
                        stale.append(str(ts.relative_to(ROOT)))
                    fresh_qm = Path(tmp) / qm.name
                    subprocess.run([*_command("lrelease"), "-silent", str(ts), "-qm", str(fresh_qm)], check=True)
                    if not qm.exists() or fresh_qm.read_bytes() != qm.read_bytes():
                        stale.append(str(qm.relative_to(ROOT)))
            else:
                _lupdate(sources, ts)
                subprocess.run([*_command("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return stale


def build_hand_written(check: bool) -> list[str]:
    """Translation files with no sources here (qtbase_vi.ts for Qt's own buttons): compile only."""
    stale = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        area = ts.stem.rsplit("_", 1)[0]
        if area in areas():
            continue
        qm = ts.with_suffix(".qm")
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / qm.name
            subprocess.run([*_command("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
            if check:
                if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                    stale.append(str(qm.relative_to(ROOT)))
            else:
                shutil.copy(fresh, qm)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale generated files, change nothing")
    parser.add_argument("--area", help="only this translation area (shell, products, surveys, tasks …)")
    args = parser.parse_args(argv)
    stale = build_forms(args.check) + build_translations(args.check, args.area) + build_hand_written(args.check)
    if stale:
        print("Stale generated files (run python build_spec/build_resources.py):")
        for name in stale:
            print(f"  {name}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
