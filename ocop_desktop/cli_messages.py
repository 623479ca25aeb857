"""Vietnamese wording for argparse's own messages, so usage errors read like the rest of `ocop`."""

from __future__ import annotations

import argparse

_VI = {
    "usage: ": "cách dùng: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "show program's version number and exit": "hiện phiên bản rồi thoát",
    "positional arguments": "tham số vị trí",
    "options": "tùy chọn",
}


def install() -> None:
    """Route argparse's gettext lookups through the table above (other text passes unchanged)."""
    argparse._ = lambda text: _VI.get(text, text)  # type: ignore[attr-defined]
