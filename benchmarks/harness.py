"""Timing whole processes for benchmarks/run.py: a run's wall and CPU seconds, app and floor
alternated, the best of each kept, and one line of the table with its ratio and goal."""

from __future__ import annotations

import importlib.util
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
OCOP = [PY, "-m", "ocop_desktop.cli"]
FLOORS = [PY, str(HERE / "floors.py")]
FONT = ROOT / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
OFFICE = ["office", "set", "--unit", "11", "--kind", "so_nnmt", "--name", "Nguyễn Văn An", "--title", "Chuyên viên"]
REPORT_YEAR, IMPORT_YEAR = 2026, 2025  # generate.py makes campaigns 2019-2026


@dataclass
class Run:
    seconds: float
    cpu: float
    ok: bool
    out: str = ""
    err: str = ""


@dataclass
class Line:
    key: str
    what: str
    app: str = "—"
    floor: str = "—"
    ratio: str = "—"
    goal: str = "—"
    met: str = "—"
    notes: list[str] = field(default_factory=list)


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict | None = None) -> Run:
    """One whole process: wall seconds, and its CPU seconds (user + system, children included)."""
    cpu0, start = children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    return Run(time.perf_counter() - start, children_cpu() - cpu0, proc.returncode == 0, proc.stdout, proc.stderr)


def alternate(app_cmd, floor_cmd, repeat: int, env: dict, before=None) -> tuple[list[Run], list[Run]]:
    apps, floors = [], []
    for i in range(repeat):
        if before:
            before(i)
        apps.append(timed(app_cmd(i), env))
        floors.append(timed(floor_cmd(i), env))
        if not (apps[-1].ok and floors[-1].ok):
            break
    return apps, floors


def best(runs: list[Run]) -> Run | None:
    good = [r for r in runs if r.ok]
    return min(good, key=lambda r: r.seconds) if good else None


def secs(run: Run) -> str:
    return f"{run.seconds:.2f} s (CPU {run.cpu:.2f} s)"


def failure(runs: list[Run]) -> str:
    bad = next((r for r in runs if not r.ok), None)
    return (bad.err or bad.out).strip().splitlines()[-1][:400] if bad and (bad.err or bad.out).strip() else "failed"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def whole_process_line(line: Line, apps: list[Run], floors: list[Run], goal_ratio: float) -> Line:
    app, floor = best(apps), best(floors)
    if app is None or floor is None:
        line.app = secs(app) if app else f"failed: {failure(apps)}"
        line.floor = secs(floor) if floor else f"failed: {failure(floors)}"
        line.met = "**no**" if app is None else "—"
        return line
    ratio = app.seconds / floor.seconds
    line.app, line.floor, line.ratio = secs(app), secs(floor), f"{ratio:.1f}×"
    line.goal, line.met = f"≤ {goal_ratio:g}×", met(ratio <= goal_ratio)
    line.notes.append(
        "runs (s): app "
        + ", ".join(f"{r.seconds:.2f}" for r in apps)
        + "; floor "
        + ", ".join(f"{r.seconds:.2f}" for r in floors)
    )
    return line


def has_module(module: str) -> bool:
    return importlib.util.find_spec(module) is not None
