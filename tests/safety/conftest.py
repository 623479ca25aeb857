"""Real disk trouble where the machine allows it: a small tmpfs that fills up, folders made
read-only with `chattr +i` (tests run as root, for whom chmod stops nothing) or a read-only
remount. Where neither is possible the tests fall back to SQLite's own limits and say so."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.reference import load_reference
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyService
from tests.databases import copy_template


def _run(*cmd: str) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@contextlib.contextmanager
def tmpfs(size_kb: int):
    """A size-limited file system mounted for the test, or None when mounting is not allowed."""
    point = Path(tempfile.gettempdir()) / f"ocop-tmpfs-{uuid.uuid4().hex[:8]}"  # /tmp; on Windows %TEMP%
    point.mkdir()
    mounted = shutil.which("mount") is not None and _run(
        "mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(point)
    )
    try:
        yield point if mounted else None
    finally:
        if mounted:
            _run("umount", "-l", str(point))
        shutil.rmtree(point, ignore_errors=True)


def remount_read_only(point: Path) -> bool:
    return _run("mount", "-o", "remount,ro", str(point))


@contextlib.contextmanager
def immutable(path: Path):
    """`chattr +i` on ``path`` (a folder or a file) for the test: not even root can write it."""
    done = shutil.which("chattr") is not None and _run("chattr", "+i", str(path))
    try:
        yield done
    finally:
        if done:
            _run("chattr", "-i", str(path))


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory) -> tuple[Path, str, str]:
    """A closed database file with the 2024 sample: (path, campaign id, a unit id)."""
    path = tmp_path_factory.mktemp("mau") / "mau.db"
    db = open_database(copy_template(path))
    make_uow = db.uow_factory(actor="Nguyễn Văn Kiểm")
    load_reference(make_uow)
    load_sample(make_uow, "muong-ang-2024")
    campaign = SurveyService(make_uow).campaigns()[0]
    db.close()
    return path, campaign.id, campaign.submissions[0].unit_id
