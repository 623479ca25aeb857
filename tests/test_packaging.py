"""Resources and migrations travel inside the wheel, so an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_resources_and_migrations(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("ocop_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "ocop_desktop/resources/reference/places.json",
        "ocop_desktop/resources/reference/rule_sets.json",
        "ocop_desktop/resources/reference/ocop_groups.json",
        "ocop_desktop/resources/samples/muong-ang-2024.json",
        "ocop_desktop/persistence/migrations/env.py",
        "ocop_desktop/persistence/migrations/script.py.mako",
        "ocop_desktop/persistence/migrations/versions/0001_registry.py",
        "ocop_desktop/persistence/migrations/versions/0002_surveys_tasks_evaluations.py",
    ):
        assert required in names
    assert not any(n.startswith("tests/") for n in names)

    # Installed somewhere else, away from the checkout, the package finds its resources.
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = subprocess.run(
        [sys.executable, "-c", "from ocop_desktop.paths import resources_dir; print(resources_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
    )
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == target / "ocop_desktop" / "resources"
