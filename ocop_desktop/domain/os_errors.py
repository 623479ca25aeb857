"""Why the operating system refused a file, said in Vietnamese (with its English for an English window).

This is the short reason put inside another message («Không mở được tệp X: <reason>.»); the whole
sentences with what to do about a full or read-only disk are services/errors.py's."""

from __future__ import annotations

import errno

from ocop_desktop.domain.language import Text

REASONS = {
    errno.ENOENT: Text("không có tệp hoặc thư mục này", "no such file or folder"),
    errno.EACCES: Text("không có quyền đọc hoặc ghi ở đó", "no permission to read or write there"),
    errno.EPERM: Text("không có quyền đọc hoặc ghi ở đó", "no permission to read or write there"),
    errno.EROFS: Text("ổ đĩa hoặc thư mục chỉ cho đọc", "the drive or folder is read-only"),
    errno.ENOSPC: Text("ổ đĩa đã đầy", "the drive is full"),
    errno.EISDIR: Text("đây là một thư mục, không phải tệp", "this is a folder, not a file"),
    errno.ENOTDIR: Text("một phần của đường dẫn không phải là thư mục", "part of the path is not a folder"),
    errno.EEXIST: Text("đã có tệp hoặc thư mục trùng tên", "a file or folder of the same name exists"),
    errno.EBUSY: Text("tệp đang được chương trình khác dùng", "the file is in use by another program"),
    errno.ENAMETOOLONG: Text("đường dẫn quá dài", "the path is too long"),
    errno.EIO: Text(
        "lỗi đọc/ghi ổ đĩa (ổ đĩa hỏng hoặc đã rút ra)", "drive read/write error (the drive is damaged or was removed)"
    ),
    errno.EINVAL: Text("đường dẫn hoặc tên tệp không hợp lệ", "the path or file name is not valid"),
}
# Windows reports a file locked by another program as error 32 (sharing violation) or 33.
WINDOWS_REASONS = {
    32: Text("tệp đang được chương trình khác mở", "the file is open in another program"),
    33: Text("một phần của tệp đang bị chương trình khác khóa", "part of the file is locked by another program"),
    112: Text("ổ đĩa đã đầy", "the drive is full"),
}


def os_reason(exc: OSError) -> Text:
    """«không có quyền đọc hoặc ghi ở đó» for a PermissionError, the system's text when unknown."""
    winerror = getattr(exc, "winerror", None)
    if winerror in WINDOWS_REASONS:
        return WINDOWS_REASONS[winerror]
    if exc.errno in REASONS:
        return REASONS[exc.errno]
    return Text(exc.strerror or str(exc))  # the system's own (English) words
