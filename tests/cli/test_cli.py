"""The `ocop` command as a user runs it: output, exit status and messages."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import ocop  # in this process, as a new one would run it (tests/cli_run.py)
from tests.databases import copy_template


def real_ocop(*args: str) -> subprocess.CompletedProcess:
    """`ocop` in a new Python process, as the console entry point starts it."""
    return subprocess.run(
        [sys.executable, "-m", "ocop_desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "OCOP_DB": ""},
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    path = copy_template(tmp_path_factory.mktemp("cli") / "x.db")  # migrated, reference data loaded
    done = ocop("--db", str(path), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    assert "sản phẩm: thiếu số giấy chứng nhận" in done.stdout
    return path


def test_the_command_runs_in_its_own_process(tmp_path):
    """The other tests run `ocop` in the test process; this one starts it as a user does
    (on a copy of the migrated template with the reference data: that loading is not the point)."""
    path = copy_template(tmp_path / "x.db")
    done = real_ocop("--db", str(path), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    assert "sản phẩm: thiếu số giấy chứng nhận" in done.stdout
    done = real_ocop("--db", str(path), "products", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 10
    wrong = real_ocop("--db", str(path), "products", "list", "--format", "xml")
    assert wrong.returncode == 2 and "lỗi:" in wrong.stderr and "cách dùng" in wrong.stderr


def test_products_list_json_prints_the_letters_products(sample_db):
    done = ocop("--db", str(sample_db), "products", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 10
    by_name = {r["name"]: r for r in rows}
    assert by_name["Cà phê bột Hà Chung - bột pha phin"]["stars"] == 4
    assert by_name["Cà phê hòa tan Adew"]["stars"] == 3
    for key in (
        "id",
        "name",
        "producer",
        "commune",
        "group",
        "product_set",
        "stars",
        "status",
        "certificate_no",
        "certified_on",
        "expires_on",
    ):
        assert key in rows[0]
    assert by_name["Rượu nếp lọc Thành Thủy"]["product_set"] == "Rượu trắng"


def test_products_search_ignores_diacritics(sample_db):
    done = ocop("products", "list", "--search", "CA PHE BOT", "--format", "csv", "--db", str(sample_db))
    assert done.returncode == 0, done.stderr
    names = sorted(r["name"] for r in csv.DictReader(io.StringIO(done.stdout)))
    assert names == ["Cà phê bột Chị Em", "Cà phê bột Hà Chung - bột pha phin", "Cà phê bột Minh Duy"]


def test_tasks_list_has_the_communes_report_task_due_5_july_2024(sample_db):
    done = ocop("--db", str(sample_db), "tasks", "list", "--format", "json")
    rows = json.loads(done.stdout)
    due = [r for r in rows if r["due_on"]]
    assert [(r["assignee"], r["due_on"]) for r in due] == [("UBND các xã, thị trấn", "2024-07-05")]
    assert "báo cáo kết quả rà soát" in due[0]["title"]
    assert {"id", "directive", "assignee", "title", "due_on", "status"} <= set(rows[0])


def test_surveys_list_filters_by_campaign(sample_db):
    done = ocop("--db", str(sample_db), "surveys", "list", "--campaign", "2024", "--format", "csv")
    assert done.returncode == 0
    header = done.stdout.splitlines()[0].split(",")
    for key in ("id", "campaign", "unit", "product_name", "producer", "quantity_sold", "unit_of_measure", "price_vnd"):
        assert key in header


def test_init_twice_changes_nothing(sample_db):
    before = ocop("--db", str(sample_db), "products", "list", "--format", "json").stdout
    done = ocop("--db", str(sample_db), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0
    assert "không có thay đổi" in done.stdout
    assert ocop("--db", str(sample_db), "products", "list", "--format", "json").stdout == before


def test_ocop_db_variable_names_the_database(sample_db):
    done = ocop("products", "list", env={"OCOP_DB": str(sample_db)})
    assert len(json.loads(done.stdout)) == 10


def test_check_reports_healthy_data(sample_db):
    done = ocop("--db", str(sample_db), "check")
    assert done.returncode == 0
    assert "lành mạnh" in done.stdout


def test_check_reports_a_damaged_file_in_vietnamese(tmp_path, sample_db):
    broken = tmp_path / "hong.db"
    with sqlite3.connect(sample_db) as src, sqlite3.connect(broken) as dst:
        src.backup(dst)
    with sqlite3.connect(broken) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(broken.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # scribble over a b-tree page
    broken.write_bytes(bytes(data))
    done = ocop("--db", str(broken), "check")
    assert done.returncode == 1
    assert "có vấn đề" in done.stderr and ("hỏng" in done.stderr or "toàn vẹn" in done.stderr)


def test_check_on_a_missing_file_says_how_to_create_one(tmp_path):
    done = ocop("--db", str(tmp_path / "khong-co.db"), "check")
    assert done.returncode == 1
    assert "ocop init" in done.stderr
    assert not (tmp_path / "khong-co.db").exists()


def test_refused_data_exits_1_with_the_reason(tmp_path):
    path = tmp_path / "khac.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (x)")
    done = ocop("--db", str(path), "init")
    assert done.returncode == 1
    assert "không phải cơ sở dữ liệu của OCOP Desktop" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["products"],
        ["products", "list", "--format", "xml"],
        ["surveys", "list", "--campaign", "abc"],
        ["init", "--sample", "khong-co"],
    ],
)
def test_wrong_usage_exits_2_in_vietnamese(args, tmp_path):
    done = ocop("--db", str(tmp_path / "x.db"), *args)
    assert done.returncode == 2
    assert "lỗi:" in done.stderr and "cách dùng" in done.stderr


def test_office_is_set_by_code_or_name_and_shown(tmp_path):
    path = copy_template(tmp_path / "o.db")  # what init makes, without loading the places again
    assert ocop("--db", str(path), "init").returncode == 0
    done = ocop("--db", str(path), "office", "show")
    assert "Chưa thiết lập đơn vị" in done.stdout
    done = ocop(
        "--db",
        str(path),
        "office",
        "set",
        "--unit",
        "mường ảng",
        "--name",
        "Quàng Thị Hoa",
        "--title",
        "Công chức Nông nghiệp",
    )
    assert done.returncode == 0, done.stderr
    # The name is used by the 2024 town and the 2025 commune: the unit in force is taken.
    assert "Đơn vị: Xã Mường Ảng; người sử dụng: Quàng Thị Hoa, Công chức Nông nghiệp." in done.stdout
    # Set-up made the office's signing key, beside the database; its fingerprint is shown to read out.
    from ocop_desktop.exports.signing import load_key, short_fingerprint

    key = load_key(tmp_path / "o.db.key")
    assert key is not None
    shown = ocop("--db", str(path), "office", "show").stdout
    assert f"Dấu vân tay khóa ký của đơn vị: {short_fingerprint(key.fingerprint)} " in shown
    done = ocop("--db", str(path), "office", "set", "--unit", "03307", "--name", "Lò Văn Minh")
    assert "Xã Ẳng Nưa" in done.stdout
    refused = ocop("--db", str(path), "office", "set", "--unit", "Hà Nội mới", "--name", "X")
    assert refused.returncode == 1 and "Không tìm thấy đơn vị «Hà Nội mới»" in refused.stderr


def test_office_set_lists_the_candidates_of_an_ambiguous_name_and_takes_a_code(tmp_path):
    path = copy_template(tmp_path / "o.db")  # what init makes, without loading the places again
    assert ocop("--db", str(path), "init").returncode == 0
    refused = ocop("--db", str(path), "office", "set", "--unit", "phuong an binh", "--name", "Lê Văn Tám")
    assert refused.returncode == 1, refused.stdout
    # Each candidate with its province and code, so the officer can rerun with the code.
    assert "«phuong an binh» trùng tên" in refused.stderr
    assert "Phường An Bình (từ 01/07/2025), Thành phố Cần Thơ [" in refused.stderr
    assert "Hãy ghi mã trong ngoặc vuông." in refused.stderr
    assert "Chưa thiết lập đơn vị" in ocop("--db", str(path), "office", "show").stdout

    done = ocop(
        "--db",
        str(path),
        "office",
        "set",
        "--unit",
        "Tỉnh Lào Cai",
        "--name",
        "Hà Văn Nam",
        "--title",
        "Phó Giám đốc",
        "--kind",
        "so nong nghiep va moi truong",
    )
    assert done.returncode == 0, done.stderr
    # The province stands in the parent line above ("UBND TỈNH LÀO CAI"), not in the body's name.
    assert (
        "Loại cơ quan: Sở Nông nghiệp và Môi trường; tên in trên văn bản: SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG." in done.stdout
    )
    assert "Ký tên mặc định: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC." in done.stdout
    # «15» is Lào Cai's code since 2025 and was Yên Bái's before: the unit in force is taken.
    done = ocop(
        "--db",
        str(path),
        "office",
        "set",
        "--unit",
        "15",
        "--name",
        "Hà Văn Nam",
        "--kind",
        "ubnd",
        "--office-name",
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    )
    assert done.returncode == 0, done.stderr
    assert "Đơn vị: Tỉnh Lào Cai; người sử dụng: Hà Văn Nam." in done.stdout
    assert "tên in trên văn bản: ỦY BAN NHÂN DÂN TỈNH LÀO CAI." in done.stdout
    assert "Ký tên mặc định: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH." in done.stdout
    refused = ocop("--db", str(path), "office", "set", "--unit", "15", "--name", "X", "--kind", "ubnd tinh")
    assert refused.returncode == 1
    assert "Loại cơ quan «ubnd tinh» không có; hãy ghi một trong: ubnd (UBND xã/phường/đặc khu);" in refused.stderr


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (RecursionError("maximum recursion depth exceeded"), "Lỗi: Dữ liệu lồng nhau quá sâu"),
        (MemoryError(), "Lỗi: Không đủ bộ nhớ để xử lý"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "Lỗi: Tệp đang đọc bị hỏng hoặc có byte lạ"),
        (
            IsADirectoryError(21, "Is a directory", "/media/usb"),
            "Lỗi: Không đọc hoặc ghi được «/media/usb» (đây là một thư mục, không phải tệp)",
        ),
        (KeyError("bất ngờ"), "Lỗi không lường trước: KeyError: 'bất ngờ'; hãy báo cho người hỗ trợ"),
    ],
)
def test_any_failure_ends_in_one_vietnamese_message_and_exit_1(sample_db, monkeypatch, capsys, failure, expected):
    from ocop_desktop import cli
    from ocop_desktop.services.products import ProductService  # the class `ocop products list` uses

    def fail(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(ProductService, "list", fail)
    monkeypatch.delenv("OCOP_DEBUG", raising=False)
    assert cli.main(["--db", str(sample_db), "products", "list"]) == 1
    out, err = capsys.readouterr()
    assert err.startswith(expected) and "Traceback" not in err and out == ""
    assert err.count("\n") == 1  # one message, no technical dump


def test_ocop_debug_adds_the_traceback_for_the_support_person(sample_db, monkeypatch, capsys):
    from ocop_desktop import cli
    from ocop_desktop.services.products import ProductService  # the class `ocop products list` uses

    monkeypatch.setattr(ProductService, "list", lambda *a, **k: {}["x"])
    monkeypatch.setenv("OCOP_DEBUG", "1")
    assert cli.main(["--db", str(sample_db), "products", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi không lường trước: KeyError") and "Traceback" in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and named pipes (/dev/null, mkfifo)")
@pytest.mark.parametrize(
    "args",
    [
        ("--db", "{dev}", "products", "list"),
        ("--db", "{fifo}", "check"),  # a pipe: used to hang
        ("--db", "{folder}", "init"),
        ("--db", "{db}", "report", "products", "--format", "xlsx", "-o", "{dev}"),
        ("--db", "{db}", "backup", "-o", "{dev}"),  # as root this replaced the device with a file
        ("--db", "{db}", "restore", "{dev}", "--yes"),
    ],
)
def test_folders_devices_and_pipes_are_refused_and_left_alone(sample_db, tmp_path, capsys, args):
    from ocop_desktop.cli import main

    fifo = tmp_path / "ong"
    os.mkfifo(fifo)
    names = {"dev": "/dev/null", "fifo": str(fifo), "folder": str(tmp_path), "db": str(sample_db)}
    assert main([a.format(**names) for a in args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: «") and "là thư mục hoặc thiết bị" in err and "Traceback" not in err
    assert Path("/dev/null").is_char_device() and fifo.is_fifo()
