"""Failures of the disk and the file explained in Vietnamese, in one place, for the CLI and the GUI.

``explain(exc)`` returns the message to show, or None when the exception is not one of these
(a programming error, shown as such). Every message says that the data were left as they
were: SQLite rolls the failed transaction back, and backups and exports are written to a
temporary file that is only renamed into place once complete.
"""

from __future__ import annotations

import errno
import re
import sqlite3
from collections.abc import Iterator

from ocop_desktop.domain.language import Text, in_language

UNCHANGED = Text("Dữ liệu vẫn giữ nguyên như trước thao tác này.", "The data are as they were before this action.")

_SQLITE_MESSAGES = (
    (
        "database or disk is full",
        Text(
            "Ổ đĩa đã đầy nên không ghi được. "
            + UNCHANGED
            + " Hãy xóa bớt tệp không cần (hoặc dọn Thùng rác) để giải phóng dung lượng rồi làm lại.",
            "The drive is full, so nothing could be written. "
            + UNCHANGED.en
            + " Delete files you do not need (or empty the Recycle Bin) to free space, then try again.",
        ),
    ),
    (
        "attempt to write a readonly database",
        Text(
            "Tệp dữ liệu đang ở chế độ chỉ đọc nên không ghi được. "
            + UNCHANGED
            + " Hãy bỏ thuộc tính chỉ đọc của tệp hoặc thư mục (hoặc chép tệp sang thư mục khác) rồi mở lại.",
            "The data file is read-only, so nothing could be written. "
            + UNCHANGED.en
            + " Turn off the read-only attribute of the file or folder (or copy the file to another folder), then"
            " open it again.",
        ),
    ),
    (
        "unable to open database file",
        Text(
            "Không mở được tệp dữ liệu: thư mục không tồn tại, bị khóa ghi hoặc ổ đĩa đã bị rút ra. "
            + UNCHANGED
            + " Hãy kiểm tra ổ đĩa và quyền ghi của thư mục rồi thử lại.",
            "Cannot open the data file: the folder does not exist, is write-locked, or the drive was removed. "
            + UNCHANGED.en
            + " Check the drive and the folder's write permission, then try again.",
        ),
    ),
    (
        "database is locked",
        Text(
            "Dữ liệu đang được một chương trình khác ghi (có thể là cửa sổ OCOP Desktop khác). "
            + UNCHANGED
            + " Hãy đợi ít phút hoặc đóng chương trình kia rồi làm lại.",
            "Another program is writing the data (perhaps another OCOP Desktop window). "
            + UNCHANGED.en
            + " Wait a few minutes or close that program, then try again.",
        ),
    ),
    (
        "disk i/o error",
        Text(
            "Lỗi đọc ghi ổ đĩa (ổ đĩa bị rút ra hoặc hỏng). "
            + UNCHANGED
            + " Hãy cắm lại ổ đĩa, đóng rồi mở lại OCOP Desktop; nếu vẫn lỗi, hãy kiểm tra ổ đĩa.",
            "A drive read/write error (the drive was removed or is damaged). "
            + UNCHANGED.en
            + " Plug the drive in again, close and reopen OCOP Desktop; if the error remains, check the drive.",
        ),
    ),
    (
        "database disk image is malformed",
        Text(
            "Tệp dữ liệu bị hỏng. OCOP Desktop không ghi thêm vào tệp này. "
            "Hãy khôi phục từ bản sao gần nhất (menu Dữ liệu › Sao lưu và khôi phục, hoặc lệnh «ocop restore»).",
            "The data file is damaged. OCOP Desktop writes nothing more to this file. "
            "Restore it from the newest backup (menu Data › Backup and restore, or the command «ocop restore»).",
        ),
    ),
    (
        "file is not a database",
        Text(
            "Tệp này không phải tệp dữ liệu OCOP Desktop hoặc đã bị hỏng. OCOP Desktop không ghi gì vào tệp này. "
            "Hãy chọn đúng tệp, hoặc khôi phục từ bản sao.",
            "This file is not an OCOP Desktop data file, or it is damaged. OCOP Desktop writes nothing to this file. "
            "Choose the right file, or restore from a backup.",
        ),
    ),
)

# (Vietnamese, English) templates with the place as {where}.
_OS_MESSAGES = {
    errno.ENOSPC: (
        "Ổ đĩa «{where}» đã đầy nên không ghi được. "
        + UNCHANGED
        + " Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác rồi làm lại.",
        "The drive «{where}» is full, so nothing could be written. "
        + UNCHANGED.en
        + " Free some space or choose another drive, then try again.",
    ),
    errno.EROFS: (
        "Ổ đĩa «{where}» chỉ cho phép đọc (ví dụ USB gạt khóa chống ghi). "
        + UNCHANGED
        + " Hãy bỏ khóa chống ghi hoặc chọn nơi lưu khác.",
        "The drive «{where}» is read-only (for example a USB stick with its write-protect switch on). "
        + UNCHANGED.en
        + " Turn write protection off or choose another place to save.",
    ),
    errno.EACCES: (
        "Không có quyền ghi vào «{where}». " + UNCHANGED + " Hãy chọn thư mục khác (ví dụ Tài liệu).",
        "No permission to write to «{where}». " + UNCHANGED.en + " Choose another folder (for example Documents).",
    ),
    errno.EPERM: (
        "Không được phép ghi vào «{where}» (tệp hoặc thư mục bị khóa). " + UNCHANGED + " Hãy chọn nơi lưu khác.",
        "Writing to «{where}» is not allowed (the file or folder is locked). "
        + UNCHANGED.en
        + " Choose another place to save.",
    ),
    getattr(errno, "EDQUOT", -1): (
        "Đã hết hạn mức dung lượng ở «{where}». " + UNCHANGED + " Hãy giải phóng dung lượng rồi làm lại.",
        "The space quota at «{where}» is used up. " + UNCHANGED.en + " Free some space, then try again.",
    ),
    errno.EIO: (
        "Lỗi đọc ghi ổ đĩa ở «{where}» (ổ đĩa bị rút ra hoặc hỏng). " + UNCHANGED + " Hãy cắm lại ổ đĩa rồi làm lại.",
        "A read/write error on the drive at «{where}» (the drive was removed or is damaged). "
        + UNCHANGED.en
        + " Plug the drive in again, then try again.",
    ),
}
_WINDOWS_DISK_FULL = {112, 39}  # ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what it wraps (SQLAlchemy's .orig) and its causes, each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [getattr(current, "orig", None), current.__cause__, current.__context__]


_SAVED_MEANWHILE = Text(
    "Bản ghi này vừa được người khác lưu trong lúc thao tác đang chạy, nên chưa lưu gì. "
    "Hãy tải lại để xem bản mới nhất rồi làm lại thao tác.",
    "Someone else saved this record while the action was running, so nothing was saved. "
    "Reload to see the latest version, then do the action again.",
)


# A PostgreSQL server refused the login's statement (SQLSTATE 42501: no grant, or row-level security,
# issue 18): what the program's own check (services/access.py) did not catch first.
_NOT_ALLOWED = Text(
    "Máy chủ không cho tên đăng nhập đang dùng làm thao tác này (vai trò của bạn không có quyền trên dữ liệu "
    "này, hoặc bản ghi thuộc đơn vị khác). "
    + UNCHANGED
    + " Nếu cần, hãy nhờ quản trị viên xem lại vai trò (ocop users list).",
    "The server does not let the login in use do this (your role has no right to these data, or the record "
    "belongs to another unit). "
    + UNCHANGED.en
    + " If needed, ask the administrator to check your role (ocop users list).",
)


def explain(exc: BaseException) -> Text | None:
    """A Vietnamese explanation of a disk or file failure, or of a save that lost a race with
    another person's (with its English); None for anything else."""
    for item in _chain(exc):
        if type(item).__name__ == "StaleDataError" and type(item).__module__.startswith("sqlalchemy"):
            return _SAVED_MEANWHILE  # a versioned record (migration 0017) saved by someone since it was read
        if getattr(item, "sqlstate", None) == "42501":  # psycopg's InsufficientPrivilege
            return _NOT_ALLOWED
        if isinstance(item, sqlite3.Error):
            text = str(item).lower()
            for needle, message in _SQLITE_MESSAGES:
                if needle in text:
                    return message
        if isinstance(item, OSError):
            code = item.errno
            if getattr(item, "winerror", None) in _WINDOWS_DISK_FULL:
                code = errno.ENOSPC
            if code in _OS_MESSAGES:
                vi, en = _OS_MESSAGES[code]
                if item.filename:
                    return Text(vi.format(where=item.filename), en.format(where=item.filename))
                return Text(vi.format(where="nơi lưu đã chọn"), en.format(where="the chosen place"))
    return None


# A Vietnamese letter with a tone or a hat: a ValueError or LookupError saying it was written for
# people (the services raise these with Vietnamese text), not by Python about a programming error.
_QUOTED = re.compile(r"«[^»]*»|'[^']*'|\"[^\"]*\"")
_VIETNAMESE = frozenset("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


def _people_types() -> tuple[type[BaseException], ...]:
    """The exceptions whose str() is a Vietnamese sentence for people (imported when asked, so
    this module stays importable from anywhere in the core)."""
    from ocop_desktop.domain.codes import CodeError
    from ocop_desktop.domain.numbers import DateError, NumberError
    from ocop_desktop.domain.scorecard import CardError
    from ocop_desktop.domain.validation import NotFoundError, ValidationError
    from ocop_desktop.exports.package import PackageError
    from ocop_desktop.exports.signing import KeyFileError
    from ocop_desktop.instance_lock import DatabaseInUse
    from ocop_desktop.persistence.migrate import SchemaError
    from ocop_desktop.persistence.snapshot import BackupFailed, UnfinishedOnReadOnlyMedia
    from ocop_desktop.services.backup import RestoreRefused
    from ocop_desktop.services.exchange.excel_files import ImportRefused
    from ocop_desktop.services.exchange.records import BadValue
    from ocop_desktop.services.sample import UnknownSampleError

    return (
        ValidationError,
        NotFoundError,
        SchemaError,
        DatabaseInUse,
        RestoreRefused,
        ImportRefused,
        PackageError,
        KeyFileError,
        CardError,
        CodeError,
        NumberError,
        DateError,
        UnknownSampleError,
        BackupFailed,
        UnfinishedOnReadOnlyMedia,
        BadValue,
    )


def for_people(exc: BaseException) -> str | None:
    """The Vietnamese message of an expected failure (a refused input, a full disk, a file in use),
    or None for an unexpected one: a programming error, to be shown as such and logged."""
    if isinstance(exc, _people_types()):
        from ocop_desktop.domain.validation import text_of

        return text_of(exc)  # in the window's language when the message carries its English
    message = explain(exc)
    if message is not None:
        return in_language(message)
    if isinstance(exc, OSError):  # a file gone, a folder where a file was expected: the system's reason
        from ocop_desktop.domain.os_errors import os_reason

        where = f" «{exc.filename}»" if exc.filename else ""
        reason = os_reason(exc)
        return in_language(
            Text(
                f"Không đọc hoặc ghi được{where} ({reason}). "
                + UNCHANGED
                + " Hãy kiểm tra đường dẫn (phải là một tệp thường, không phải thư mục) rồi làm lại.",
                f"Cannot read or write{where} ({reason.en}). "
                + UNCHANGED.en
                + " Check the path (it must be an ordinary file, not a folder), then try again.",
            )
        )
    # Quoted parts are left out: Python's own message may quote a Vietnamese value it choked on.
    unquoted = _QUOTED.sub("", str(exc))
    if type(exc) in (ValueError, LookupError) and _VIETNAMESE & set(unquoted.lower()):
        from ocop_desktop.domain.validation import text_of

        return text_of(exc)  # a Text's English in an English window
    return None
