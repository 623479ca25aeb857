"""Excel files that would exhaust memory, time or block forever are refused with a message (a probe
that hung would be stopped by its subprocess timeout and fail the test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ocop_desktop.services.exchange import excel_reader
from ocop_desktop.services.exchange.excel_parts import column_letters
from ocop_desktop.services.survey_import import ImportRefused, write_template

# Reads the files named on the command line as the import does, reporting the process's peak
# resident memory: run apart so that the peak is this reading's own.
PROBE = """
import json, resource, sys
from pathlib import Path
from ocop_desktop.services.exchange.excel_files import ImportRefused, guard, read_sheets
def peak_mb():
    # ru_maxrss survives exec on Linux (a big parent's peak would be reported), VmHWM does not.
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = []
for name in sys.argv[1:]:
    try:
        guard(Path(name))
        read_sheets(Path(name))
        message = None
    except ImportRefused as exc:
        message = str(exc)
    out.append({"message": message, "rss_mb": peak_mb()})
print(json.dumps(out))
"""


def probe(*paths, timeout=60) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def with_sheet(path: Path, body: str, dimension: str | None) -> Path:
    """The template with its first sheet replaced by ``body`` (rows of sheetData)."""
    write_template(path)
    with zipfile.ZipFile(path) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    head = '<dimension ref="%s"/>' % dimension if dimension else ""
    members["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main">{head}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên sản phẩm</t></is></c></row>'
        f"{body}</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    return path


def styled_rows(rows: int, width: int = 200) -> str:
    """Empty cells that carry only a style, as left behind by formatting a whole range."""
    letters = [column_letters(i + 1) for i in range(width)]
    return "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}" s="1"/>' for c in letters) + "</row>" for r in range(2, rows + 2)
    )


@pytest.mark.skipif(sys.platform == "win32", reason="the peak memory is read from /proc or resource (POSIX)")
def test_a_306_kb_dimension_bomb_is_refused_in_little_memory(tmp_path):
    body = styled_rows(625)
    bomb = with_sheet(tmp_path / "bomb.xlsx", body, "A1:XFD1048576")
    assert 290_000 < bomb.stat().st_size < 320_000
    far = with_sheet(tmp_path / "far.xlsx", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', None)
    zeros = with_sheet(tmp_path / "zeros.xlsx", '<row r="2">' + '<c s="1"/>' * 3_000_000 + "</row>", None)
    styled = with_sheet(tmp_path / "styled.xlsx", body, None)  # no declaration: only its real size counts
    results = probe(bomb, far, zeros, styled)
    for r in results:
        assert r["rss_mb"] < 300, r
    assert results[0]["message"] == (
        "Tệp bomb.xlsx, trang «Rà soát»: khai báo vùng dữ liệu A1:XFD1048576 (1.048.576 dòng × 16.384 cột), vượt "
        "giới hạn 200.000 dòng và 1.000 cột. Hãy mở bằng Excel, xóa các dòng, cột thừa (trống nhưng có định dạng) "
        "bên dưới và bên phải dữ liệu, lưu lại rồi nhập, hoặc chia thành nhiều tệp nhỏ hơn."
    )
    assert "ô XFD1048576 nằm ngoài giới hạn 200.000 dòng và 1.000 cột" in results[1]["message"]
    assert "khi giải nén sẽ chiếm 29 MB từ 0,1 MB nén — bất thường" in results[2]["message"]
    assert results[3]["message"] is None  # 125,000 empty styled cells are read, and none is kept


def test_the_real_cell_count_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(excel_reader, "MAX_CELLS", 1_000)
    path = with_sheet(tmp_path / "cells.xlsx", styled_rows(10), None)
    with pytest.raises(ImportRefused, match=r"trang «Rà soát»: có hơn 1\.000 ô \(kể cả ô trống có định dạng\)"):
        excel_reader.read_workbook(path)
    monkeypatch.setattr(excel_reader, "MAX_CELLS", 10_000)
    monkeypatch.setattr(excel_reader, "MAX_ROWS", 5)
    with pytest.raises(ImportRefused, match="có hơn 5 dòng"):
        excel_reader.read_workbook(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs POSIX pipes and devices")
def test_special_files_are_refused_at_once(tmp_path):
    pipe = tmp_path / "ong.xlsx"
    os.mkfifo(pipe)  # nobody writes into it: opening it would wait forever
    folder = tmp_path / "thu-muc.xlsx"
    folder.mkdir()
    results = probe(pipe, "/dev/zero", folder, timeout=30)  # opening the pipe would wait forever
    assert [r["message"] for r in results] == [
        "«ong.xlsx» không phải tệp thông thường (là ống dẫn, thiết bị hoặc ổ cắm) nên không nhập được; hãy chọn "
        "một tệp Excel (.xlsx) đã lưu trên ổ đĩa.",
        "«zero» không phải tệp thông thường (là ống dẫn, thiết bị hoặc ổ cắm) nên không nhập được; hãy chọn "
        "một tệp Excel (.xlsx) đã lưu trên ổ đĩa.",
        "«thu-muc.xlsx» là một thư mục, không phải tệp Excel; hãy chọn tệp .xlsx trong thư mục đó.",
    ]
