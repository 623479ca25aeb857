"""The GUI's claim on a database file, so the `ocop` command does not write under its feet.

The GUI creates ``<db>.gui-lock`` next to the database, writes its PID, host and start time
into it and holds an OS lock on it (flock on POSIX, a byte-range lock on Windows) until it
exits. The OS drops that lock when the process dies in any way, so a lock file left behind
by a crash or a power cut is recognised as stale without guessing; where the file system
offers no locks, a lock is stale when its PID no longer runs on this host.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

SUFFIX = ".gui-lock"
_LOCK_OFFSET = 4096  # Windows locks bytes: lock one past the text, so the text stays readable


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    started: datetime | None
    path: Path


class DatabaseInUse(RuntimeError):
    """The GUI holds this database; the message (Vietnamese) says which process and what to do."""

    def __init__(self, info: LockInfo, db_path: Path) -> None:
        self.info = info
        since = f", từ {info.started:%H:%M ngày %d/%m/%Y}" if info.started else ""
        where = f" trên máy {info.host}" if info.host and info.host != socket.gethostname() else ""
        super().__init__(
            f"Cửa sổ OCOP Desktop đang mở tệp dữ liệu {db_path} (tiến trình số {info.pid}{where}{since}). "
            "Để không ghi chồng lên nhau, lệnh này không ghi gì. Hãy đóng cửa sổ OCOP Desktop rồi chạy lại lệnh; "
            "các lệnh chỉ đọc (liệt kê, check, backup list) vẫn dùng được khi cửa sổ đang mở."
        )


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def _try_lock(fd: int) -> bool | None:
    """True if this process now holds the lock, False if someone else does, None if the file
    system cannot lock."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        return None


def _unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process on Windows: ask for its exit code instead.
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read(path: Path) -> LockInfo | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        started = datetime.fromisoformat(data["started"]) if data.get("started") else None
        return LockInfo(int(data["pid"]), str(data.get("host", "")), started, path)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def holder(db_path: Path) -> LockInfo | None:
    """The GUI process holding ``db_path``, or None (no lock file, or a stale one)."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None
    except OSError:
        fd = None  # cannot open it for locking (read-only folder): judge by the PID alone
    info = _read(path)
    held = None
    if fd is not None:
        try:
            held = _try_lock(fd)
            if held:
                _unlock(fd)
        finally:
            os.close(fd)
    if held is True:
        return None  # nobody holds it: left behind by a crash
    if held is False:
        return info or LockInfo(0, "", None, path)
    if info is None:
        return None
    same_host = not info.host or info.host == socket.gethostname()
    return info if (not same_host or pid_alive(info.pid)) else None


def ensure_no_gui(db_path: Path) -> None:
    """Raise DatabaseInUse if the GUI holds ``db_path``; the CLI's write commands call this."""
    info = holder(db_path)
    if info is not None:
        raise DatabaseInUse(info, Path(db_path))


class GuiLock:
    """Held by the GUI for as long as it has the database open: ``with GuiLock(path): ...``."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> GuiLock:
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            state = _try_lock(fd)
            if state is False:
                os.close(fd)
                raise DatabaseInUse(_read(self.path) or LockInfo(0, "", None, self.path), self.db_path)
            if state is None:  # no OS locks here: fall back to the PID written in the file
                other = _read(self.path)
                if other and other.pid != os.getpid() and other.host == socket.gethostname() and pid_alive(other.pid):
                    os.close(fd)
                    raise DatabaseInUse(other, self.db_path)
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the previous holder removed the file between our open and our lock
        else:
            raise DatabaseInUse(LockInfo(0, "", None, self.path), self.db_path)
        text = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                           "started": datetime.now().isoformat(timespec="seconds")})
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink(missing_ok=True)  # while still locked: no one else can claim it in between
        except OSError:
            pass  # Windows may refuse while open; the unlocked file is then recognised as stale
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> GuiLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
