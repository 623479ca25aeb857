"""`ocop scorecards …`, `ocop evaluate` and `ocop evaluations …` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.test_cli import ocop
from tests.databases import copy_template
from tests.evaluation_data import COFFEE, SCORES


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, str]:
    path = copy_template(tmp_path_factory.mktemp("evaluation-cli") / "x.db")  # init adds only the sample
    done = ocop("--db", str(path), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    rows = json.loads(ocop("--db", str(path), "products", "list", "--format", "json").stdout)
    return path, next(r["id"] for r in rows if r["name"] == COFFEE)


def scores_file(tmp_path: Path, data, name: str = "diem.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_scorecards_list_json_gives_each_card_with_parts_and_criteria(sample):
    db, _product = sample
    done = ocop("--db", str(db), "scorecards", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    cards = json.loads(done.stdout)
    coffee = next(c for c in cards if c["rule_set"] == "26/2026" and c["product_set"] == "ca-phe-ca-cao")
    assert [(p["code"], p["max"]) for p in coffee["parts"]] == [("A", 40), ("B", 25), ("C", 35)]
    a1 = coffee["parts"][0]["criteria"][0]
    assert (a1["code"], a1["name"], a1["max"]) == ("A1", "Tổ chức sản xuất", 18)
    assert [(c["code"], c["max"]) for c in a1["criteria"]][:2] == [("A1.1", 3), ("A1.2", 2)]
    assert "criteria" not in coffee["parts"][1]["criteria"][0]  # B1 has no sub-criteria
    by_rules = {(c["rule_set"], c["product_set"]): c for c in cards}
    assert [p["max"] for p in by_rules[("1048/2019", None)]["parts"]] == [35, 25, 40]
    assert [p["max"] for p in by_rules[("148/2023", None)]["parts"]] == [40, 25, 35]
    assert by_rules[("26/2026", "ruou-trang")]["confirmed"] is False


def test_evaluate_prints_parts_total_stars_and_saves_with_save(sample, tmp_path):
    db, product = sample
    path = scores_file(tmp_path, SCORES)
    done = ocop("--db", str(db), "evaluate", product, "--rules", "26/2026", "--scores", path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"parts": {"A": 33, "B": 19, "C": 27}, "total": 79, "stars": 4, "knockout": None}
    listed = json.loads(ocop("--db", str(db), "evaluations", "list", product).stdout)
    saved = ocop(
        "--db",
        str(db),
        "evaluate",
        product,
        "--rules",
        "26/2026",
        "--scores",
        path,
        "--save",
        "--date",
        "2026-09-15",
        "--level",
        "tinh",
    )
    assert saved.returncode == 0, saved.stderr
    after = json.loads(ocop("--db", str(db), "evaluations", "list", product).stdout)
    assert len(after) == len(listed) + 1
    assert any(
        (r["evaluated_on"], r["rule_set"], r["total"], r["stars"]) == ("2026-09-15", "26/2026", 79, 4) for r in after
    )


def test_three_members_are_averaged_and_a_knock_out_gives_the_reason(sample, tmp_path):
    db, product = sample
    members = [
        {**SCORES, "member": "An"},
        {**SCORES, "C1.1": 10, "member": "Bình"},
        {**SCORES, "C4": 5, "A3.2": 1, "member": "Chiến"},
    ]
    done = ocop("--db", str(db), "evaluate", product, "--rules", "26", "--scores", scores_file(tmp_path, members))
    assert json.loads(done.stdout) == {
        "parts": {"A": 33.33, "B": 19, "C": 28.33},
        "total": 80.67,
        "stars": 4,
        "knockout": None,
    }
    members[1]["knockout"] = "KO4"
    done = ocop("--db", str(db), "evaluate", product, "--scores", scores_file(tmp_path, members, "ko.json"))
    result = json.loads(done.stdout)
    assert result["stars"] is None and result["knockout"] == "KO4: Sao chép sản phẩm của chủ thể khác"


def test_out_of_range_or_unknown_criteria_are_refused_with_the_criterion_named(sample, tmp_path):
    db, product = sample
    done = ocop(
        "--db",
        str(db),
        "evaluate",
        product,
        "--rules",
        "26/2026",
        "--scores",
        scores_file(tmp_path, {**SCORES, "C2": 6, "Z7": 1}),
        "--save",
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "C2" in done.stderr and "«Tính độc đáo» được 6 điểm, nằm ngoài thang 0–5" in done.stderr
    assert "không có tiêu chí mã «Z7»" in done.stderr
    assert ocop("--db", str(db), "evaluate", product, "--scores", "/khong/co.json").returncode == 1
    assert ocop("--db", str(db), "evaluate", product).returncode == 2  # --scores is required


def test_under_148_the_part_totals_are_scored(sample, tmp_path):
    db, product = sample
    done = ocop(
        "--db",
        str(db),
        "evaluate",
        product,
        "--rules",
        "148/2023",
        "--scores",
        scores_file(tmp_path, {"A": 35, "B": 20, "C": 35}),
    )
    assert json.loads(done.stdout) == {"parts": {"A": 35, "B": 20, "C": 35}, "total": 90, "stars": 5, "knockout": None}


def test_excel_template_and_import_refuse_a_wrong_total_with_sheet_and_row(sample, tmp_path):
    db, _product = sample
    path = tmp_path / "mau.xlsx"
    done = ocop("--db", str(db), "scorecards", "template", "-o", str(path))
    assert done.returncode == 0, done.stderr
    wb = load_workbook(path)
    ws = wb["Tiêu chí"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "C1.2")
    ws.cell(row, 5).value = 6
    wb.save(path)
    done = ocop("--db", str(db), "scorecards", "import", str(path))
    assert done.returncode == 1
    assert (
        f"Trang «Tiêu chí», dòng {row - 2}: các tiêu chí con của C1 «Chỉ tiêu cảm quan» cộng lại 16 điểm, "
        "khác điểm tối đa 15"
    ) in done.stderr
    ws.cell(row, 5).value = 5
    wb.save(path)
    done = ocop("--db", str(db), "scorecards", "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "Đã nhập phiếu" in done.stdout


def test_gap_certify_and_paper_from_the_terminal(sample, tmp_path):
    db, product = sample
    ocop(
        "--db",
        str(db),
        "evaluate",
        product,
        "--scores",
        scores_file(tmp_path, SCORES),
        "--save",
        "--date",
        "2026-10-01",
    )
    gap = json.loads(ocop("--db", str(db), "evaluations", "gap", product, "--top", "3").stdout)[0]
    assert (gap["total"], gap["stars"], gap["next_stars"], gap["needed"]) == (79, 4, 5, 11)
    assert len(gap["losses"]) == 3
    latest = json.loads(ocop("--db", str(db), "evaluations", "list", product).stdout)[0]
    done = ocop(
        "--db",
        str(db),
        "evaluations",
        "certify",
        latest["id"],
        "--decision",
        "2150/QĐ-UBND",
        "--date",
        "2026-10-20",
        "--certificate",
        "GCN-01",
    )
    assert done.returncode == 0, done.stderr
    assert "hiệu lực đến 20/10/2029" in done.stdout and "từ 23/04/2029 đến 22/06/2029" in done.stdout
    rows = json.loads(ocop("--db", str(db), "products", "list", "--format", "json").stdout)
    coffee = next(r for r in rows if r["id"] == product)
    assert (coffee["stars"], coffee["score"], coffee["expires_on"]) == (4, 79, "2029-10-20")
    sheet = tmp_path / "phieu.pdf"
    assert ocop("--db", str(db), "scorecards", "sheet", "-o", str(sheet), "--product", product).returncode == 0
    result = tmp_path / "ket-qua.pdf"
    assert ocop("--db", str(db), "evaluations", "result", latest["id"], "-o", str(result)).returncode == 0
    assert sheet.read_bytes()[:4] == result.read_bytes()[:4] == b"%PDF"
