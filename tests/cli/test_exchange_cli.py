"""`ocop package …` and `ocop import …` as an officer runs them: output, exit status, messages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reference import load_reference, place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from tests.cli_run import Done
from tests.cli_run import ocop as run_ocop
from tests.databases import copy_template

COFFEE = "Cà phê bột Hà Chung - bột pha phin"


def ocop(*args) -> Done:
    """`ocop ARGS…` in this process (tests/cli_run.py), the database named only by --db."""
    return run_ocop(*args, env={"OCOP_DB": ""})


def prepare(path: Path, unit_key: str, user: str, work=None) -> Path:
    db = open_database(copy_template(path))  # the reference data already loaded: seconds saved
    try:
        make_uow = db.uow_factory(actor=user)
        load_reference(make_uow)
        load_sample(make_uow, "muong-ang-2024")
        save_office_settings(make_uow, place_id(unit_key), user, "")
        if work:
            work(make_uow)
    finally:
        db.close()
    return path


def survey_and_submit(make_uow):
    surveys = SurveyService(make_uow)
    campaign = surveys.campaigns()[0].id
    surveys.save_entries(campaign, place_id("xa-ang-nua"), [SurveyEntryInput(product_name="Chè Shan tuyết")])
    surveys.set_submission(campaign, place_id("xa-ang-nua"), "da_nop", date(2024, 7, 4))


@pytest.fixture
def offices(tmp_path):
    commune = prepare(tmp_path / "xa.db", "xa-ang-nua", "Lò Văn Anh", survey_and_submit)
    district = prepare(tmp_path / "huyen.db", "huyen-muong-ang", "Nguyễn Văn Kiểm")
    return commune, district


def test_send_preview_import_again_and_undo(offices, tmp_path):
    commune, district = offices
    done = ocop("--db", commune, "package", "export", "-o", tmp_path / "goi", "--no-reports")
    assert done.returncode == 0, done.stderr
    package = tmp_path / "goi.ocop.zip"
    assert f"Đã tạo gói {package}" in done.stdout
    outbox = json.loads(ocop("--db", commune, "package", "outbox").stdout)
    assert [(o["scope"], o["actor"]) for o in outbox] == [("all", "Lò Văn Anh")]
    assert "Không có thay đổi nào chưa gửi" in ocop("--db", commune, "package", "unsent").stdout

    before = district.read_bytes()
    dry = ocop("package", "import", package, "--dry-run", "--db", district)
    assert dry.returncode == 0, dry.stderr
    assert "Gói goi.ocop.zip: Xã Ẳng Nưa, Lò Văn Anh" in dry.stdout and "Mới: 1; Cập nhật: 1" in dry.stdout
    assert "[Mới] Dòng rà soát «Chè Shan tuyết (Xã Ẳng Nưa)»" in dry.stdout and "chưa thay đổi gì" in dry.stdout
    # The commune's first package: its key's fingerprint is shown, to compare by phone.
    words = re.search(r"Ký số bởi Xã Ẳng Nưa, dấu vân tay ((?:[0-9A-Z]{4} ){3}[0-9A-Z]{4}) — GÓI ĐẦU TIÊN", dry.stdout)
    assert words, dry.stdout
    assert district.read_bytes() == before

    refused = ocop("--db", district, "package", "import", package)
    assert refused.returncode == 1 and "Đây là gói đầu tiên nhận từ Xã Ẳng Nưa" in refused.stderr
    assert words.group(1) in refused.stderr and "Chưa có gì được nhập" in refused.stderr
    assert district.read_bytes() == before
    done = ocop("--db", district, "package", "import", package, "--trust")
    assert done.returncode == 0, done.stderr
    [sender] = json.loads(ocop("--db", district, "senders", "list").stdout)
    assert (sender["office"], sender["fingerprint_words"], sender["revoked_at"]) == ("Xã Ẳng Nưa", words.group(1), "")
    assert "Đã nhập: thêm 1, cập nhật 1" in done.stdout
    again = ocop("--db", district, "package", "import", package)
    assert again.returncode == 0 and "đã được nhập lúc" in again.stdout
    rows = json.loads(ocop("--db", district, "package", "submissions", "--campaign", "2024").stdout)
    ang_nua = next(r for r in rows if r["unit"] == "Xã Ẳng Nưa")
    assert (ang_nua["submitted_on"], ang_nua["on_time"], ang_nua["on_time_rate"]) == ("04/07/2024", "đúng hạn", "10%")
    assert ang_nua["received_at"]

    [received] = json.loads(ocop("--db", district, "package", "inbox").stdout)
    undo = ocop("--db", district, "package", "undo", received["package_id"])
    assert undo.returncode == 0, undo.stderr
    assert "xóa 1 bản ghi đã thêm, trả lại 1 bản ghi" in undo.stdout
    assert json.loads(ocop("--db", district, "surveys", "list", "--campaign", "2024").stdout) == []

    # The commune's laptop is lost: its key is revoked here, and its packages are refused from now on.
    revoked = ocop("--db", district, "senders", "revoke", words.group(1)[:9])
    assert revoked.returncode == 0 and f"Đã thu hồi tin cậy Xã Ẳng Nưa, khóa {words.group(1)}" in revoked.stdout
    again = ocop("--db", district, "package", "import", package, "--trust")
    assert again.returncode == 1 and "đã thu hồi tin cậy" in again.stderr


def test_conflicts_are_listed_and_not_guessed(offices, tmp_path):
    commune, district = offices
    ocop("--db", commune, "package", "export", "-o", tmp_path / "1.ocop.zip", "--no-reports")
    assert ocop("--db", district, "package", "import", tmp_path / "1.ocop.zip", "--trust").returncode == 0

    def rename(path: Path, notes: str) -> None:
        db = open_database(path)
        try:
            products = ProductService(db.uow_factory(actor="x"))
            p = next(p for p in products.list() if p.name == COFFEE)
            products.update(
                p.id,
                ProductInput(
                    name=p.name, status=p.status, stars=p.stars, product_set_code=p.product_set_code, notes=notes
                ),
            )
        finally:
            db.close()

    rename(commune, "Xã cập nhật")
    rename(district, "Huyện cập nhật")
    ocop("--db", commune, "package", "export", "-o", tmp_path / "2.ocop.zip", "--changes", "--no-reports")
    before = district.read_bytes()
    refused = ocop("--db", district, "package", "import", tmp_path / "2.ocop.zip")
    assert refused.returncode == 1
    assert "[Xung đột] Sản phẩm «Cà phê bột Hà Chung - bột pha phin»" in refused.stdout
    assert "Ghi chú: ở đây «Huyện cập nhật» | trong gói «Xã cập nhật»" in refused.stdout
    assert "--prefer here|there" in refused.stderr
    assert district.read_bytes() == before
    done = ocop("--db", district, "package", "import", tmp_path / "2.ocop.zip", "--prefer", "there")
    assert done.returncode == 0, done.stderr
    db = open_database(district)
    try:
        assert next(p for p in ProductService(db.uow_factory()).list() if p.name == COFFEE).notes == "Xã cập nhật"
    finally:
        db.close()


def test_a_tampered_package_is_refused_before_the_database_is_opened(offices, tmp_path):
    commune, district = offices
    ocop("--db", commune, "package", "export", "-o", tmp_path / "goi.ocop.zip", "--no-reports")
    bad = tmp_path / "sua.ocop.zip"
    with zipfile.ZipFile(tmp_path / "goi.ocop.zip") as zin, zipfile.ZipFile(bad, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data.replace("Chè".encode(), "Chà".encode()) if name.startswith("data/") else data)
    before = district.read_bytes()
    done = ocop("--db", district, "package", "import", bad)
    assert done.returncode == 1
    assert "không khớp mã kiểm tra SHA-256" in done.stderr and "Không có gì được nhập" in done.stderr
    assert district.read_bytes() == before


def test_excel_survey_import_and_template(offices, tmp_path):
    _commune, district = offices
    template = tmp_path / "mau.xlsx"
    done = ocop("--db", district, "import", "template", "survey", "-o", template, "--campaign", "2024")
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(template)
    ws = wb["Rà soát"]
    for row, values in ((2, ("1", "Chè Shan tuyết", None, None, "1.200")), (3, ("2", "Gạo nếp", None, None, "12 tạ"))):
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
        ws.cell(row=row, column=12, value="Xã Ẳng Tở")
    wb.save(template)

    refused = ocop("--db", district, "import", "survey", template, "--campaign", "2024")
    assert refused.returncode == 1
    assert "Trang «Rà soát», dòng 3, cột «Sản lượng» (E): «12 tạ» không phải là số" in refused.stderr
    assert "chưa nhập dòng nào" in refused.stderr
    done = ocop("--db", district, "import", "survey", template, "--campaign", "2024", "--valid-only")
    assert done.returncode == 0, done.stderr
    assert "Đã nhập 1 dòng (1 dòng mới, 0 dòng cập nhật, 0 dòng không đổi) cho: Xã Ẳng Tở." in done.stdout
    rows = json.loads(ocop("--db", district, "surveys", "list", "--campaign", "2024").stdout)
    assert [(r["product_name"], r["output_quantity"], r["unit"]) for r in rows] == [
        ("Chè Shan tuyết", 1200.0, "Xã Ẳng Tở")
    ]

    text = tmp_path / "khong-phai.xlsx"
    text.write_text("Tên sản phẩm,Giá\nChè,1000\n", encoding="utf-8")
    done = ocop("--db", district, "import", "survey", text, "--campaign", "2024")
    assert done.returncode == 1 and "không phải tệp Excel (.xlsx)" in done.stderr


def test_excel_replace_asks_backs_up_and_can_be_undone(offices, tmp_path):
    _commune, district = offices
    path = tmp_path / "xa.xlsx"

    def sheet(rows):
        wb = openpyxl.Workbook()
        wb.active.append(["Tên sản phẩm", "Sản lượng", "Đơn vị"])
        for row in rows:
            wb.active.append([*row, "Xã Ẳng Tở"])
        wb.save(path)

    def listed():
        return [
            (r["product_name"], r["output_quantity"])
            for r in json.loads(ocop("--db", district, "surveys", "list", "--campaign", "2024").stdout)
        ]

    sheet([("Chè", 100), ("Gạo", 5)])
    first = ocop("--db", district, "import", "survey", path, "--campaign", "2024")
    assert first.returncode == 0, first.stderr
    copy = Path(first.stdout.split("Bản sao trước khi nhập: ")[1].split("\n")[0].removesuffix("."))
    assert copy.is_file() and "truoc-nhap-excel" in copy.name
    first_id = first.stdout.split("ocop import undo ")[1].split()[0]

    sheet([("Chè", 999)])
    before = district.read_bytes()
    refused = ocop("--db", district, "import", "survey", path, "--campaign", "2024", "--replace")
    assert refused.returncode == 1
    assert (
        "--replace sẽ xóa 1 dòng rà soát hiện có của Xã Ẳng Tở mà tệp không còn; chưa nhập gì. Chạy lại với "
        "--yes để đồng ý"
    ) in refused.stderr
    assert district.read_bytes() == before and listed() == [("Chè", 100.0), ("Gạo", 5.0)]
    dry = ocop("--db", district, "import", "survey", path, "--campaign", "2024", "--replace", "--dry-run")
    assert "sẽ thêm 0, cập nhật 1, giữ nguyên 0, xóa 1 dòng. Chưa thay đổi gì." in dry.stdout
    done = ocop("--db", district, "import", "survey", path, "--campaign", "2024", "--replace", "--yes")
    assert done.returncode == 0, done.stderr
    assert "(0 dòng mới, 1 dòng cập nhật, 0 dòng không đổi, xóa 1 dòng)" in done.stdout
    assert listed() == [("Chè", 999.0)]
    second_id = done.stdout.split("ocop import undo ")[1].split()[0]

    imports = json.loads(ocop("--db", district, "import", "list").stdout)
    assert [(i["operation_id"], i["added"], i["updated"], i["deleted"], i["undone_at"]) for i in imports] == [
        (second_id, 0, 1, 1, ""),
        (first_id, 2, 0, 0, ""),
    ]
    undo = ocop("--db", district, "import", "undo", second_id)
    assert undo.returncode == 0, undo.stderr
    assert (
        f"Đã hoàn tác lần nhập Excel {second_id}: xóa 0 dòng đã thêm, trả lại 1 dòng đã cập nhật, tạo lại 1"
        in undo.stdout
    )
    assert sorted(listed()) == [("Chè", 100.0), ("Gạo", 5.0)]
    again = ocop("--db", district, "import", "undo", second_id)
    assert again.returncode == 1 and "Lần nhập này đã được hoàn tác lúc" in again.stderr
    unknown = ocop("--db", district, "import", "undo", "zz")
    assert (
        unknown.returncode == 1
        and "Không có lần nhập Excel mã zz; xem các lần nhập bằng lệnh: ocop import list." in unknown.stderr
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_excel_special_files_and_unwritable_template(offices, tmp_path):
    _commune, district = offices
    pipe = tmp_path / "ong.xlsx"
    os.mkfifo(pipe)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ocop_desktop.cli",
            "--db",
            str(district),
            "import",
            "survey",
            str(pipe),
            "--campaign",
            "2024",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "OCOP_DB": ""},
    )
    assert done.returncode == 1 and "«ong.xlsx» không phải tệp thông thường" in done.stderr
    assert "Traceback" not in done.stderr
    locked = tmp_path / "khoa"
    locked.mkdir()
    (locked / "mau.xlsx").mkdir()  # a folder where the file should go: os.replace fails for root too
    done = ocop("import", "template", "survey", "-o", locked / "mau.xlsx")
    assert done.returncode == 1 and "là thư mục hoặc thiết bị, không phải tệp" in done.stderr
    assert "Traceback" not in done.stderr
    (locked / "goi.ocop.zip").mkdir()
    done = ocop("--db", district, "package", "export", "-o", locked / "goi")
    assert done.returncode == 1 and f"«{locked / 'goi.ocop.zip'}» là thư mục hoặc thiết bị" in done.stderr
    assert sorted(p.name for p in locked.iterdir()) == ["goi.ocop.zip", "mau.xlsx"]
    assert (locked / "mau.xlsx").is_dir() and (locked / "goi.ocop.zip").is_dir()  # neither was replaced


@pytest.mark.skipif(sys.platform == "win32", reason="mounts a 4 KB tmpfs (Linux)")
def test_the_template_on_a_really_full_disk(tmp_path):
    disk = tmp_path / "usb"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a 4 KB tmpfs is not allowed here: " + mounted.stderr.decode(errors="replace").strip())
    try:
        done = ocop("import", "template", "survey", "-o", disk / "mau.xlsx")
        assert done.returncode == 1
        assert done.stderr.strip() == (
            f"Lỗi: Không lưu được mẫu Excel vào {disk / 'mau.xlsx'}: ổ đĩa đã đầy; hãy giải "
            "phóng chỗ trống hoặc chọn ổ khác."
        )
        assert list(disk.iterdir()) == []  # neither a 0-byte .xlsx nor a temporary file stays behind
    finally:
        subprocess.run(["umount", str(disk)], check=False)


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal (pty) is POSIX only")
def test_excel_replace_asks_on_a_terminal(offices, tmp_path):
    import pty  # noqa: PLC0415  (POSIX only)

    _commune, district = offices
    path = tmp_path / "xa.xlsx"
    for rows in ([("Chè", 1), ("Gạo", 2)], [("Chè", 3)]):
        wb = openpyxl.Workbook()
        wb.active.append(["Tên sản phẩm", "Sản lượng", "Đơn vị"])
        for row in rows:
            wb.active.append([*row, "Xã Ẳng Tở"])
        wb.save(path)
        if len(rows) == 2:
            assert ocop("--db", district, "import", "survey", path, "--campaign", "2024").returncode == 0

    def answered(answer: str) -> tuple[int, str]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: `ocop` with a terminal on stdin and stdout
            os.environ["OCOP_DB"] = ""
            os.execv(
                sys.executable,
                [
                    sys.executable,
                    "-m",
                    "ocop_desktop.cli",
                    "--db",
                    str(district),
                    "import",
                    "survey",
                    str(path),
                    "--campaign",
                    "2024",
                    "--replace",
                ],
            )

        def read_until(mark: bytes | None) -> bytes:
            got = b""
            while mark is None or mark not in got:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the child closed its terminal
                    break
                if not chunk:
                    break
                got += chunk
            return got

        out = read_until("để đồng ý: ".encode())
        os.write(fd, answer.encode() + b"\n")
        out += read_until(None)
        _pid, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")

    code, out = answered("không")
    assert code == 1 and "--replace sẽ xóa 1 dòng rà soát hiện có của Xã Ẳng Tở mà tệp không còn. Gõ «có»" in out
    assert "Đã hủy; dữ liệu không thay đổi." in out
    code, out = answered("có")
    assert code == 0 and "xóa 1 dòng) cho: Xã Ẳng Tở." in out
    rows = json.loads(ocop("--db", district, "surveys", "list", "--campaign", "2024").stdout)
    assert [(r["product_name"], r["output_quantity"]) for r in rows] == [("Chè", 3.0)]
