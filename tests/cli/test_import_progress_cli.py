"""`ocop import survey` draws a progress bar on stderr only when stderr is a terminal; stdout stays the same."""

from __future__ import annotations

import io
import sys

import openpyxl

from ocop_desktop import cli
from tests.cli.test_exchange_cli import prepare


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def sheet(path):
    wb = openpyxl.Workbook()
    wb.active.append(["Tên sản phẩm", "Sản lượng", "Đơn vị"])
    for i in range(300):
        wb.active.append([f"Chè Shan tuyết {i}", 100 + i, "Xã Ẳng Tở"])
    wb.save(path)
    return path


def run(monkeypatch, capsys, db, path, terminal: bool) -> tuple[int, str, str]:
    err = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(["--db", str(db), "import", "survey", str(path), "--campaign", "2024"])
    return code, capsys.readouterr().out, err.getvalue()


def test_a_bar_on_a_terminal_and_nothing_when_piped(tmp_path, monkeypatch, capsys):
    path = sheet(tmp_path / "xa-ang-to.xlsx")
    first = prepare(tmp_path / "a.db", "huyen-muong-ang", "Nguyễn Văn Kiểm")
    second = prepare(tmp_path / "b.db", "huyen-muong-ang", "Nguyễn Văn Kiểm")

    code, out, err = run(monkeypatch, capsys, first, path, terminal=True)
    assert code == 0, err
    lines = err.split("\n")
    assert lines[0].startswith("\rĐang đọc tệp: [") and lines[0].endswith("] 100%")
    assert "\rĐang kiểm tra từng dòng: [" in lines[0]  # one line redrawn in place while the file is read
    assert lines[1].startswith("\rĐang lưu các dòng: [") and lines[1].endswith("#] 100%")

    code, piped_out, piped_err = run(monkeypatch, capsys, second, path, terminal=False)
    assert code == 0 and piped_err == ""
    assert piped_out.split("Bản sao")[0] == out.split("Bản sao")[0]  # the same result lines
    assert "Đã nhập 300 dòng (300 dòng mới" in piped_out
