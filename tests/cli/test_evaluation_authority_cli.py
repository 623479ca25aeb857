"""`ocop evaluations certify` and `result` as a user runs them when the stars exceed the evaluating
level's authority: 5 stars from a province under 1489, 4 stars from a district under 148."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import ocop
from tests.databases import copy_template
from tests.pdftext import pdf_text

COFFEE = "Cà phê bột Hà Chung - bột pha phin"
TEA = "Trà San tuyết P.H 14"
CERTIFICATE_FIELDS = ("stars", "score", "status", "certificate_no", "certified_on", "expires_on")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = copy_template(tmp_path_factory.mktemp("evaluation-authority") / "x.db")  # init adds only the sample
    done = ocop("--db", str(path), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    return path


def products(db: Path) -> dict[str, dict]:
    rows = json.loads(ocop("--db", str(db), "products", "list", "--format", "json").stdout)
    return {r["name"]: {k: r.get(k) for k in CERTIFICATE_FIELDS} | {"id": r["id"]} for r in rows}


def evaluate_and_certify(db: Path, tmp_path: Path, name: str, rules: str, on: str, level: str, parts: dict):
    """Save an evaluation of the product from the terminal, then try to certify it."""
    product = products(db)[name]["id"]
    scores = tmp_path / "diem.json"
    scores.write_text(json.dumps(parts), encoding="utf-8")
    evaluated = ocop(
        "--db",
        str(db),
        "evaluate",
        product,
        "--rules",
        rules,
        "--scores",
        str(scores),
        "--save",
        "--date",
        on,
        "--level",
        level,
    )
    assert evaluated.returncode == 0, evaluated.stderr
    latest = json.loads(ocop("--db", str(db), "evaluations", "list", product).stdout)[0]
    certified = ocop(
        "--db",
        str(db),
        "evaluations",
        "certify",
        latest["id"],
        "--decision",
        "2150/QĐ-UBND",
        "--date",
        on,
        "--certificate",
        "GCN-99",
    )
    return product, evaluated, latest, certified


def test_a_1489_provincial_result_of_92_points_is_proposed_and_certify_refuses_5_stars(db, tmp_path):
    before = products(db)[COFFEE]
    product, evaluated, latest, certified = evaluate_and_certify(
        db, tmp_path, COFFEE, "1489/2025", "2025-09-15", "tinh", {"A": 38, "B": 22, "C": 32}
    )
    assert json.loads(evaluated.stdout)["total"] == 92
    assert "đề nghị cấp trung ương (Bộ Nông nghiệp và Môi trường) đánh giá, công nhận" in evaluated.stderr

    assert certified.returncode == 1, certified.stdout
    assert "Đã công nhận" not in certified.stdout
    assert (
        "vượt thẩm quyền công nhận của cấp tỉnh theo Quyết định 1489/QĐ-TTg (cấp tỉnh công nhận 3–4 sao): "
        "hạng 5 sao do cấp trung ương (Bộ Nông nghiệp và Môi trường) đánh giá, công nhận"
    ) in certified.stderr
    assert "Traceback" not in certified.stderr
    assert products(db)[COFFEE] == before  # no star, no certificate, no expiry
    again = json.loads(ocop("--db", str(db), "evaluations", "list", product).stdout)[0]
    assert (again["id"], again["stars"], again["certified"]) == (latest["id"], 5, False)
    assert again["proposed_to"] == "cấp trung ương (Bộ Nông nghiệp và Môi trường)"

    paper = tmp_path / "ket-qua.pdf"
    done = ocop("--db", str(db), "evaluations", "result", latest["id"], "-o", str(paper))
    assert done.returncode == 0, done.stderr
    text = pdf_text(paper)
    assert "đề nghị cấp trung ương (Bộ Nông nghiệp và Môi trường) đánh giá, công nhận" in text
    assert "hạng 5 sao" not in text and "Bộ Nông nghiệp và Môi trường công nhận" not in text


def test_under_148_a_district_result_of_4_stars_is_refused_naming_the_province(db, tmp_path):
    before = products(db)[TEA]
    _product, evaluated, latest, certified = evaluate_and_certify(
        db, tmp_path, TEA, "148/2023", "2024-08-20", "huyen", {"A": 30, "B": 20, "C": 25}
    )
    assert json.loads(evaluated.stdout)["stars"] == 4
    assert certified.returncode == 1, certified.stdout
    assert (
        "vượt thẩm quyền công nhận của cấp huyện theo Quyết định 148/QĐ-TTg (cấp huyện công nhận 3 sao): "
        "hạng 4 sao do cấp tỉnh (UBND cấp tỉnh) đánh giá, công nhận"
    ) in certified.stderr
    assert products(db)[TEA] == before

    paper = tmp_path / "huyen.pdf"
    assert ocop("--db", str(db), "evaluations", "result", latest["id"], "-o", str(paper)).returncode == 0
    text = pdf_text(paper)
    assert "đề nghị cấp tỉnh (UBND cấp tỉnh) đánh giá, công nhận" in text and "hạng 4 sao" not in text

    # The district's own class, 3 stars, is certified in its name.
    _product, _evaluated, _latest, three = evaluate_and_certify(
        db, tmp_path, TEA, "148/2023", "2024-08-21", "huyen", {"A": 25, "B": 15, "C": 20}
    )
    assert three.returncode == 0, three.stderr
    assert "Đã công nhận «Trà San tuyết P.H 14» 3 sao" in three.stdout
    assert products(db)[TEA]["stars"] == 3


def test_the_sheet_of_a_part_total_card_says_so_on_stderr_not_on_paper(db, tmp_path):
    tea = products(db)[TEA]["id"]
    sheet = tmp_path / "phieu.pdf"
    done = ocop(
        "--db",
        str(db),
        "scorecards",
        "sheet",
        "-o",
        str(sheet),
        "--product",
        tea,
        "--rules",
        "1489/2025",
        "--date",
        "2025-09-15",
    )
    assert done.returncode == 0, done.stderr
    assert "Lưu ý: Tổng điểm từng phần (A 40 / B 25 / C 35)" in done.stderr
    text = pdf_text(sheet)
    assert "Phần B. Khả năng tiếp thị (tối đa 25 điểm)" in text
    assert "chưa đối chiếu" not in text and "ocop scorecards" not in text and "Lưu ý" not in text


def test_reference_data_older_than_the_authority_levels_asks_for_ocop_init(tmp_path):
    path = copy_template(tmp_path / "cu.db")  # what `ocop init` makes, without loading the places again
    with sqlite3.connect(path) as con:  # a database loaded before who certifies what was data
        con.execute("UPDATE rule_sets SET data = json_remove(data, '$.authority')")
    done = ocop("--db", str(path), "scorecards", "list")
    assert done.returncode == 1
    assert "hãy chạy «ocop init» để cập nhật" in done.stderr
    assert ocop("--db", str(path), "init").returncode == 0
    assert ocop("--db", str(path), "scorecards", "list").returncode == 0
