"""The one writer lock of a database file, shared by the window and every writing `ocop` command.

Whoever writes creates ``<db>.lock`` next to the database, writes its PID, host, command and
start time into it and holds an OS lock on it (flock on POSIX, a byte-range lock on Windows):
the window for as long as it is open, an `ocop` write command (and a restore, a migration)
for its whole run. A second writer waits a few seconds, then is refused with a message that
names the holder. The OS drops the lock when the process dies in any way, so a lock file left
behind by a crash or a power cut is recognised as stale without guessing; where the file
system offers no locks, a lock is stale when its PID no longer runs on this host. Readers
never take it: SQLite's WAL lets them read while one writer writes.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ocop_desktop.domain.language import Spoken, Text, english, join

SUFFIX = ".lock"
GUI = "gui"  # the command name the window writes into the lock file
WAIT_SECONDS = 5.0  # how long a second writer waits before it is refused (OCOP_LOCK_WAIT overrides)
_POLL = 0.1
_LOCK_OFFSET = 4096  # Windows locks bytes: lock one past the text, so the text stays readable


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    started: datetime | None
    path: Path
    command: str = ""

    @property
    def who(self) -> str:
        """The holder, for a sentence: «cửa sổ OCOP Desktop», «lệnh «ocop import survey»»."""
        if self.command == GUI:
            return Text("cửa sổ OCOP Desktop", "the OCOP Desktop window")
        if self.command:
            return Text(f"lệnh «{self.command}»", f"the command «{self.command}»")
        return Text("một chương trình OCOP Desktop khác", "another OCOP Desktop program")

    @property
    def details(self) -> str:
        """«tiến trình số 123 trên máy X, từ 09:15:02 ngày 02/12/2026», or "" when unknown."""
        parts: list[str] = []
        if self.pid > 0:
            elsewhere = self.host and self.host != socket.gethostname()
            parts.append(
                Text(
                    f"tiến trình số {self.pid}" + (f" trên máy {self.host}" if elsewhere else ""),
                    f"process {self.pid}" + (f" on computer {self.host}" if elsewhere else ""),
                )
            )
        if self.started:
            parts.append(
                Text(f"từ {self.started:%H:%M:%S ngày %d/%m/%Y}", f"since {self.started:%H:%M:%S on %d/%m/%Y}")
            )
        return join(", ", parts)


class DatabaseInUse(Spoken, RuntimeError):
    """Another writer holds this database; the message (Vietnamese) says who and what to do."""

    def __init__(self, info: LockInfo, db_path: Path) -> None:
        self.info = info
        found = info.details
        details = f" ({found})" if found else ""
        details_en = f" ({english(found)})" if found else ""
        if info.command == GUI:
            text = (
                f"Cửa sổ OCOP Desktop đang mở tệp dữ liệu {db_path}{details}. "
                "Để không ghi chồng lên nhau, thao tác này không ghi gì. Hãy đóng cửa sổ OCOP Desktop rồi chạy lại"
            )
            text_en = (
                f"The OCOP Desktop window has the data file {db_path} open{details_en}. "
                "So that writes do not overlap, this action wrote nothing. Close the OCOP Desktop window, then run it again"
            )
        else:
            who, who_en = info.who, english(info.who)
            who, who_en = who[0].upper() + who[1:], who_en[0].upper() + who_en[1:]
            text = (
                f"{who} đang ghi vào tệp dữ liệu {db_path}{details}. "
                "Để không ghi chồng lên nhau, thao tác này không ghi gì. Hãy đợi thao tác đó xong rồi chạy lại"
            )
            text_en = (
                f"{who_en} is writing to the data file {db_path}{details_en}. "
                "So that writes do not overlap, this action wrote nothing. Wait until it is done, then run it again"
            )
        super().__init__(
            Text(
                text + "; các lệnh chỉ đọc (liệt kê, report, check, backup) vẫn dùng được trong lúc đó.",
                text_en + "; read-only commands (lists, report, check, backup) still work meanwhile.",
            )
        )


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


def wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("OCOP_LOCK_WAIT", WAIT_SECONDS)))
    except ValueError:
        return WAIT_SECONDS


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
        return LockInfo(int(data["pid"]), str(data.get("host", "")), started, path, str(data.get("command", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _read_held(path: Path) -> LockInfo:
    """The holder's own words; it writes them just after taking the lock, so give it a moment."""
    for _ in range(10):
        info = _read(path)
        if info is not None:
            return info
        time.sleep(0.02)
    return LockInfo(0, "", None, path)


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def holder(db_path: Path) -> LockInfo | None:
    """The process holding ``db_path`` for writing, or None (no lock file, or a stale one)."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None
    except OSError:
        fd = None  # cannot open it for locking (read-only folder): judge by the PID alone
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
        return _read_held(path)
    info = _read(path)
    if info is None:
        return None
    same_host = not info.host or info.host == socket.gethostname()
    return info if (not same_host or pid_alive(info.pid)) else None


class WriterLock:
    """``with WriterLock(path, "ocop import survey").acquire(wait=5): ...`` — one writer at a time."""

    def __init__(self, db_path: Path, command: str = "") -> None:
        self.db_path = Path(db_path)
        self.command = command
        self.path = lock_path(self.db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _attempt(self) -> LockInfo | None:
        """Take the lock now: None when taken, else who holds it."""
        for _attempt in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            state = _try_lock(fd)
            if state is False:
                os.close(fd)
                return _read_held(self.path)
            if state is None:  # no OS locks here: fall back to the PID written in the file
                other = _read(self.path)
                if other and other.pid != os.getpid() and other.host == socket.gethostname() and pid_alive(other.pid):
                    os.close(fd)
                    return other
            if _same_file(fd, self.path):
                self._fd = fd
                return None
            os.close(fd)  # the previous holder removed the file between our open and our lock
        return LockInfo(0, "", None, self.path)

    def acquire(self, wait: float = 0.0, on_wait: Callable[[LockInfo], None] | None = None) -> WriterLock:
        """Take the lock, waiting up to ``wait`` seconds (``on_wait`` is told once, when the
        wait begins); raise DatabaseInUse naming the holder if it is still held then."""
        if self.held:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + wait
        told = False
        while True:
            other = self._attempt()
            if other is None:
                break
            if time.monotonic() >= deadline:
                raise DatabaseInUse(other, self.db_path)
            if not told and on_wait is not None:
                on_wait(other)
            told = True
            time.sleep(_POLL)
        text = json.dumps(
            {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "command": self.command,
                "started": datetime.now().isoformat(timespec="seconds"),
            },
            ensure_ascii=False,
        )
        fd = self._fd
        assert fd is not None
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Windows may refuse while open; the unlocked file is then recognised as stale.
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)  # while still locked: no one else can claim it in between
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class GuiLock(WriterLock):
    """Held by the window for as long as it has the database open."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path, GUI)
