"""What every `ocop` subcommand shares: opening the database, printing rows, refusing input."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from ocop_desktop.commands.password import terminal_asker
from ocop_desktop.domain.os_errors import os_reason
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.exports.tabular import write_csv, write_json
from ocop_desktop.instance_lock import LockInfo, WriterLock, wait_seconds
from ocop_desktop.paths import DB_ENV, default_db_path
from ocop_desktop.persistence.database import (
    Database,
    damaged,
    is_writable,
    needs_upgrade,
    open_database,
    read_only_location,
)
from ocop_desktop.persistence.engine import is_server_url, shown_url
from ocop_desktop.persistence.snapshot import check_file
from ocop_desktop.services import access
from ocop_desktop.services.campaigns import CampaignInfo, CampaignService
from ocop_desktop.services.errors import explain
from ocop_desktop.services.places import PlaceDTO, PlaceService
from ocop_desktop.services.settings import current_actor


class Refused(Exception):
    """Input or data refused: printed on stderr in Vietnamese, exit status 1."""


def command_name(args) -> str:
    """«ocop import survey»: how the lock file names this command to a second writer."""
    return getattr(args, "command_name", None) or f"ocop {getattr(args, 'command', '')}".strip()


def writer_lock(path: Path, command: str) -> WriterLock:
    """The database's one writer lock, taken for this command: waits a few seconds for another
    writer (saying so on stderr), then refuses with DatabaseInUse naming it."""
    wait = wait_seconds()

    def waiting(info: LockInfo) -> None:
        details = f" ({info.details})" if info.details else ""
        print(f"Tệp dữ liệu đang được {info.who}{details} ghi; đang chờ tối đa {wait:g} giây…", file=sys.stderr)

    lock = WriterLock(path, command).acquire(wait=wait, on_wait=waiting)
    _taken.append(lock)
    return lock


_taken: list[WriterLock] = []  # released by release_locks() when the command ends, whatever happened


def release_locks() -> None:
    while _taken:
        _taken.pop().release()


def server_location(args) -> str | None:
    """The PostgreSQL server URL --db (or else OCOP_DB) names, None for a file (issue 18)."""
    named = getattr(args, "db", None) or os.environ.get(DB_ENV)
    return named if is_server_url(named) else None


def db_file(args) -> Path:
    """The database path the user named, refused if it is a folder, a device or a pipe, or a
    server: a command that works on the file itself (backup, restore, check) has no file there."""
    server = server_location(args)
    if server is not None:
        raise Refused(
            f"Lệnh này làm việc trên tệp dữ liệu, còn «{shown_url(server)}» là máy chủ PostgreSQL; "
            "chưa làm được lệnh này trên máy chủ. Dữ liệu không bị thay đổi."
        )
    path = default_db_path(args.db)
    if path.exists() and not path.is_file():
        raise Refused(
            f"«{path}» là thư mục hoặc thiết bị, không phải tệp dữ liệu OCOP Desktop. Dữ liệu không bị "
            "thay đổi. Hãy ghi đường dẫn tới tệp dữ liệu (.db) sau --db."
        )
    return path


def output_file(text: str) -> Path:
    """A file the command will write (-o): its folder must exist, and it must not be a folder,
    a device or a pipe, which the write-then-rename of every export would replace."""
    path = Path(text).expanduser()
    if path.exists() and not path.is_file():
        raise Refused(
            f"«{path}» là thư mục hoặc thiết bị, không phải tệp; hãy ghi tên tệp kết quả sau -o, ví dụ bao-cao.xlsx."
        )
    if not path.parent.is_dir():
        raise Refused(f"Thư mục {path.parent} không tồn tại; hãy chọn nơi lưu khác cho -o.")
    return path


def open_db(args, write: bool = True) -> tuple[Database, Callable]:
    """The database named by --db / OCOP_DB / the user folder, migrated, with a unit-of-work
    factory that writes the office's user (or the system login) into the audit log.

    A command that may write (``write=True``) holds the database's writer lock until the
    database is closed, so the window and other `ocop` writers never write at the same time.
    A read-only command takes no lock; it opens a file it may not write (a write-protected
    stick, a CD) read-only, and takes the lock only for the moment a new or older file's
    schema is written.

    On a PostgreSQL server (--db postgresql://…) there is no file to lock: the server keeps
    concurrent writers apart."""
    server = server_location(args)
    if server is not None:
        return _with_actor(open_database(server, ask_password=terminal_asker()))
    path = db_file(args)
    if write:
        if not is_writable(path):
            raise read_only_location(path)
        lock = writer_lock(path, command_name(args))
        try:
            db = open_database(path)
        except BaseException:
            lock.release()
            raise
        db.on_close(lock.release)
    elif path.exists() and not is_writable(path):
        db = open_database(path, read_only=True)
    elif needs_upgrade(path):
        with writer_lock(path, command_name(args)):
            db = open_database(path)
    else:
        db = open_database(path)
    return _with_actor(db)


def _with_actor(db: Database) -> tuple[Database, Callable]:
    """``db`` with a unit-of-work factory writing the office's user into the audit log; closed
    (its lock released) if that user cannot be read."""
    try:
        actor = current_actor(db.uow_factory())
        if db.on_server:  # a login nobody added is refused here, before any command runs
            with db.uow_factory()() as uow:
                user = access.current_user(uow.session)
            if not user.every_right:  # the audit log and «changed by» name the person
                actor = user.full_name or user.login
    except BaseException:
        db.close()
        raise
    return db, db.uow_factory(actor=actor)


def _damage(exc: BaseException) -> BaseException | None:
    """The part of ``exc`` that says a file could not be decoded or is malformed, if any."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, UnicodeDecodeError):
            return exc
        if isinstance(exc, sqlite3.DatabaseError) and (
            not isinstance(exc, sqlite3.OperationalError) or "could not decode" in str(exc).lower()
        ):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return None


def failure_text(exc: BaseException, db_path: Path | None) -> str:
    """What to tell the user about a failure no command expected, in Vietnamese."""
    damage = _damage(exc)
    if damage is not None and db_path is not None and db_path.is_file():
        problems = check_file(db_path, quick=True)
        if problems:  # the database itself: say which backup to restore and how
            return f"Lỗi: {damaged(db_path, problems)}"
    message = explain(exc)
    if message is not None:
        return f"Lỗi: {message}"
    if damage is not None:
        return (
            f"Lỗi: Tệp đang đọc bị hỏng hoặc có byte lạ, không đọc được ({damage}). Dữ liệu không bị thay đổi. "
            "Hãy kiểm tra tệp (mở lại bằng chương trình đã tạo ra nó) hoặc chọn tệp khác."
        )
    if isinstance(exc, RecursionError):
        return (
            "Lỗi: Dữ liệu lồng nhau quá sâu nên không xử lý được (tệp bị hỏng hoặc được tạo bất thường). "
            "Dữ liệu không bị thay đổi. Hãy kiểm tra lại tệp."
        )
    if isinstance(exc, MemoryError):
        return (
            "Lỗi: Không đủ bộ nhớ để xử lý (tệp quá lớn hoặc bị hỏng). Dữ liệu không bị thay đổi. "
            "Hãy đóng bớt chương trình khác hoặc chia nhỏ tệp rồi làm lại."
        )
    if isinstance(exc, OSError):
        where = f" «{exc.filename}»" if exc.filename else ""
        return (
            f"Lỗi: Không đọc hoặc ghi được{where} ({os_reason(exc)}). Dữ liệu không bị thay đổi. "
            "Hãy kiểm tra đường dẫn (phải là một tệp thường, không phải thư mục hay thiết bị) rồi làm lại."
        )
    return (
        f"Lỗi không lường trước: {type(exc).__name__}: {exc}; hãy báo cho người hỗ trợ "
        "(kèm lệnh đã chạy). Chạy lại với biến OCOP_DEBUG=1 để xem chi tiết kỹ thuật."
    )


def emit_rows(rows: list[dict], fmt: str, columns: Sequence[str]) -> None:
    if fmt == "json":
        write_json(rows, sys.stdout)
    else:
        write_csv(rows, sys.stdout, columns)


# -- the one resolver: what the user typed (a year, a code, a name) -> the id services take -------
_KIND_WORDS = ("xa ", "phuong ", "thi tran ", "dac khu ", "huyen ", "quan ", "thi xa ", "thanh pho ", "tinh ")


def find_places(
    places: list[PlaceDTO], text: str, on: date | None = None, kinds: frozenset[str] = frozenset()
) -> list[PlaceDTO]:
    """Units named by ``text``: an id, a code or a reference key exactly, else a name with or without
    accents, case and its kind word («Mường Ảng», «xa muong ang»). When ``on`` is given and some
    of the matches are valid that day, only those are kept; likewise for ``kinds``. Codes need
    the day too: a 2025 unit often reuses an old unit's code («15» was Yên Bái, is Lào Cai)."""
    wanted = fold(text.strip())
    matches = [p for p in places if text.strip() in (p.id, p.code, p.key)]
    if not matches:

        def names(p: PlaceDTO) -> set[str]:
            name = fold(p.name)
            return {name} | {name[len(w) :] for w in _KIND_WORDS if name.startswith(w)}

        matches = [p for p in places if wanted in names(p)]
    if on is not None and any(p.valid_on(on) for p in matches):
        matches = [p for p in matches if p.valid_on(on)]
    if kinds and any(p.kind in kinds for p in matches):
        matches = [p for p in matches if p.kind in kinds]
    return matches


def one_place(
    places: list[PlaceDTO], text: str, on: date | None = None, kinds: frozenset[str] = frozenset()
) -> PlaceDTO:
    """The one unit ``text`` names; refused with the candidates (name, period, province, code)."""
    matches = find_places(places, text, on, kinds)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise Refused(
            f"Không tìm thấy đơn vị «{text}»; hãy ghi mã ĐVHC, mã tham chiếu hoặc tên đơn vị (có hoặc không dấu)."
        )
    by_id = {p.id: p for p in places}
    codes = Counter(p.code for p in matches if p.code)
    shown = []
    for p in matches[:20]:
        parent = by_id.get(p.parent_id) if p.parent_id else None
        where = f", {parent.name}" if parent else ""
        # A code shared by the candidates would name them all again: give the unique key then.
        shown.append(f"{p.label}{where} [{p.code if p.code and codes[p.code] == 1 else p.key}]")
    more = f" và {len(matches) - 20} đơn vị khác" if len(matches) > 20 else ""
    raise Refused(f"«{text}» trùng tên {len(matches)} đơn vị: {'; '.join(shown)}{more}. Hãy ghi mã trong ngoặc vuông.")


def resolve_campaign(make_uow, text: str | int) -> CampaignInfo:
    """``--campaign``: a campaign by its year (one campaign a year) or its id."""
    wanted = str(text).strip()
    service = CampaignService(make_uow)
    try:
        if wanted.isdigit() and len(wanted) == 4:
            return service.by_year(int(wanted))
        return service.get(wanted)
    except NotFoundError:
        what = f"năm {wanted}" if wanted.isdigit() else f"«{wanted}»"
        raise Refused(
            f"Không có đợt rà soát {what}; hãy ghi năm của một đợt đã có (ví dụ 2024): «ocop campaigns "
            "list» liệt kê các đợt."
        ) from None


def resolve_unit(
    make_uow,
    text: str,
    on: date | None = None,
    kinds: frozenset[str] = frozenset(),
    campaign: CampaignInfo | None = None,
) -> PlaceDTO:
    """``--unit``: a unit by id, GSO code, reference key or name (accents optional), of several the
    one valid ``on``. With ``campaign``, one of its reporting units (a unit without a code is named
    by its name or key), refused in Vietnamese when the campaign does not list it."""
    places = PlaceService(make_uow).all()
    if campaign is None:
        return one_place(places, text, on, kinds)
    listed = [p for p in places if p.id in set(campaign.unit_ids)]
    if find_places(listed, text, on, kinds):
        return one_place(listed, text, on, kinds)
    unit = one_place(places, text, on or campaign.deadline, kinds)
    raise Refused(
        f"«{unit.label}» không có trong danh sách đơn vị báo cáo của đợt rà soát năm {campaign.year}; "
        f"«ocop campaigns show {campaign.year}» liệt kê các đơn vị của đợt."
    )
