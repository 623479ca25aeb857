"""Why the operating system refused a file, said in Vietnamese (its own text is in English).

This is the short reason put inside another message («Không mở được tệp X: <reason>.»); the whole
sentences with what to do about a full or read-only disk are services/errors.py's."""

from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền đọc hoặc ghi ở đó",
    errno.EPERM: "không có quyền đọc hoặc ghi ở đó",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EEXIST: "đã có tệp hoặc thư mục trùng tên",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.ENAMETOOLONG: "đường dẫn quá dài",
    errno.EIO: "lỗi đọc/ghi ổ đĩa (ổ đĩa hỏng hoặc đã rút ra)",
    errno.EINVAL: "đường dẫn hoặc tên tệp không hợp lệ",
}
# Windows reports a file locked by another program as error 32 (sharing violation) or 33.
WINDOWS_REASONS = {
    32: "tệp đang được chương trình khác mở",
    33: "một phần của tệp đang bị chương trình khác khóa",
    112: "ổ đĩa đã đầy",
}


def os_reason(exc: OSError) -> str:
    """«không có quyền đọc hoặc ghi ở đó» for a PermissionError, the system's text when unknown."""
    winerror = getattr(exc, "winerror", None)
    if winerror in WINDOWS_REASONS:
        return WINDOWS_REASONS[winerror]
    if exc.errno in REASONS:
        return REASONS[exc.errno]
    return exc.strerror or str(exc)
