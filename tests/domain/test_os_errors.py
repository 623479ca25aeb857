"""The operating system's refusals are told in Vietnamese, whatever language Windows speaks."""

from __future__ import annotations

import errno

import pytest

from ocop_desktop.domain.os_errors import os_reason


def test_common_refusals_are_vietnamese(tmp_path):
    with pytest.raises(OSError) as missing:
        (tmp_path / "khong-co" / "x.db").open()
    assert os_reason(missing.value) == "không có tệp hoặc thư mục này"
    with pytest.raises(OSError) as folder:
        tmp_path.open("rb")
    assert os_reason(folder.value) == "đây là một thư mục, không phải tệp"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"


def test_a_file_locked_on_windows_and_an_unknown_error(monkeypatch):
    locked = OSError(errno.EACCES, "The process cannot access the file")
    locked.winerror = 32
    assert os_reason(locked) == "tệp đang được chương trình khác mở"
    assert os_reason(OSError(errno.ECONNRESET, "Connection reset by peer")) == "Connection reset by peer"
