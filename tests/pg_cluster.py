"""A throw-away PostgreSQL cluster on a local port: the tests' server (tests/pg.py) and the
PostgreSQL benchmark's (benchmarks/pg_server.py), made one way. Plain Python, no pytest.

initdb in a temporary folder — /dev/shm where it is a memory file system with room to spare —
started on a free local port with its socket in that folder, fsync off, stopped and removed at
the end. initdb refuses to run as root, so as root the cluster belongs to the `postgres` system
user (the Debian package creates it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL's program folder (Debian's layout), or one on PATH."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for folder in reversed(found):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _memory_folder() -> str | None:
    """/dev/shm where it is a memory file system with room to spare, else None (the temporary folder).

    Each test's CREATE DATABASE and DROP DATABASE make and delete some 500 files (a file per table,
    index and fork, catalogs included); on a disk's file system (ext4) that bookkeeping costs three
    times the copying itself: 0.3 s a test against 0.1 s in memory (issue 18). The cluster takes
    some 100 MB there, removed at the end."""
    shm = Path("/dev/shm")
    try:
        if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free >= 2 * 1024**3:
            return str(shm)
    except OSError:
        pass
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(args: list[str], as_user: list[str]) -> None:
    done = subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stdout}{done.stderr}")


@contextlib.contextmanager
def throwaway_cluster(prefix: str) -> Iterator[str]:
    """A new cluster's maintenance database URL, as the user «ocop» who may create databases
    (pg_bin() must have found PostgreSQL's programs)."""
    folder = pg_bin()
    if folder is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=_memory_folder()))
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    try:
        _run([str(folder / "initdb"), "-D", str(data), "-U", "ocop", "-A", "trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync", "--no-instructions"], as_user)  # fmt: skip
        # fsync off and no WAL archiving: a throw-away cluster, as fast as it can be. Its WAL is kept
        # small (it may be in memory): the checkpoints of CREATE DATABASE … FILE_COPY recycle it anyway.
        options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                   " -c max_wal_size=256MB -c min_wal_size=32MB")  # fmt: skip
        _run([str(folder / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-o", options, "-w", "start"], as_user)
        yield f"postgresql://ocop@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60, check=False)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)
