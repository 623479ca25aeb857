"""`ocop report` with a document date, number and recipients; a former unit's 2026 report refused."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.cli.test_cli import ocop
from tests.databases import copy_template
from tests.pdftext import layout_text as pdf_text

SO = "Sở Nông nghiệp và Môi trường tỉnh Điện Biên"


def test_report_takes_date_number_and_recipients_remembers_them_and_refuses_a_former_district(tmp_path):
    db = str(copy_template(tmp_path / "r.db"))  # init adds only the sample
    assert ocop("--db", db, "init", "--sample", "muong-ang-2024").returncode == 0
    # 03256 was Thị trấn Mường Ảng's code and is Xã Mường Ảng's since 2025: the unit in force.
    done = ocop(
        "--db", db, "office", "set", "--unit", "03256", "--name", "Lò Văn Minh", "--title", "Chủ tịch", "--kind", "ubnd"
    )
    assert done.returncode == 0, done.stderr
    assert "ban hành dưới tên: ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG; nơi nhận: " + SO + "; Lưu: VT." in done.stdout

    pdf = tmp_path / "bc.pdf"
    done = ocop(
        "--db",
        db,
        "report",
        "survey",
        "--format",
        "pdf",
        "-o",
        str(pdf),
        "--date",
        "02/12/2026",
        "--number",
        "15",
        "--recipient",
        SO,
        "--recipient",
        "Lưu: VT, NN",
    )
    assert done.returncode == 0, done.stderr
    text = pdf_text(pdf)
    for piece in (
        "ỦY BAN NHÂN DÂN",
        "XÃ MƯỜNG ẢNG",
        "Số: 15/BC-UBND",
        "ngày 02 tháng 12 năm 2026",
        f"- {SO}",
        "- Lưu: VT, NN",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lò Văn Minh",
    ):
        assert piece in text, piece

    # Remembered for the kind: the next survey report has them without the flags; another kind not.
    xlsx = tmp_path / "bc.xlsx"
    assert (
        ocop("--db", db, "report", "survey", "--format", "xlsx", "-o", str(xlsx), "--date", "03/12/2026").returncode
        == 0
    )
    cells = {c.value for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value}
    assert {"Số: 15/BC-UBND", "- Lưu: VT, NN", "Mường Ảng, ngày 03 tháng 12 năm 2026"} <= cells
    other = tmp_path / "sp.pdf"
    assert (
        ocop("--db", db, "report", "products", "--format", "pdf", "-o", str(other), "--date", "03/12/2026").returncode
        == 0
    )
    assert "Số: /BC-UBND" in pdf_text(other) and "- Lưu: VT, NN" not in pdf_text(other)

    bad = ocop("--db", db, "report", "survey", "--format", "pdf", "-o", str(tmp_path / "x.pdf"), "--date", "31/02/2026")
    assert bad.returncode == 1 and "không đúng dạng ngày/tháng/năm" in bad.stderr

    done = ocop(
        "--db",
        db,
        "office",
        "set",
        "--unit",
        "Huyện Mường Ảng",
        "--name",
        "Tạ Mạnh Cường",
        "--title",
        "Phó Chủ tịch",
        "--kind",
        "ubnd",
    )
    assert done.returncode == 0, done.stderr
    # Set-up already warns that the district issues nothing dated today.
    assert "Cảnh báo: UBND huyện Mường Ảng chỉ ban hành văn bản đến ngày 30/06/2025" in done.stdout
    refused = ocop(
        "--db", db, "report", "survey", "--format", "pdf", "-o", str(tmp_path / "h.pdf"), "--date", "02/12/2026"
    )
    assert refused.returncode == 1, refused.stdout
    assert "UBND huyện Mường Ảng" in refused.stderr and "30/06/2025" in refused.stderr
    assert "02/12/2026" in refused.stderr and not (tmp_path / "h.pdf").exists()
