"""`ocop places search|show` as a user runs them: units, validity and old -> new links."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from ocop_desktop.cli import main


@pytest.fixture
def db(reference_template, tmp_path) -> str:
    path = tmp_path / "ocop.db"
    shutil.copyfile(reference_template, path)  # what `ocop init` writes, without its two seconds
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_search_without_accents_on_a_day_of_2024_finds_ang_nua_and_its_successor(db, capsys):
    code, out, err = run(capsys, "--db", db, "places", "search", "ang nua", "--on", "2024-06-01")
    assert code == 0, err
    (hit,) = json.loads(out)
    assert (hit["code"], hit["name"], hit["kind"], hit["parent"]) == ("03307", "Xã Ẳng Nưa", "Xã", "Huyện Mường Ảng")
    assert hit["validity"] == "đến 30/06/2025" and hit["valid_to"] == "2025-06-30"
    assert hit["successors"] == "Xã Mường Ảng (03256)"


def test_search_without_a_day_lists_the_2025_commune_and_the_former_district_and_town(db, capsys):
    code, out, err = run(capsys, "--db", db, "places", "search", "mường ảng", "--format", "csv")
    assert code == 0, err
    rows = {(r["name"], r["validity"]) for r in csv.DictReader(io.StringIO(out))}
    assert rows == {
        ("Huyện Mường Ảng", "đến 30/06/2025"),
        ("Thị trấn Mường Ảng", "đến 30/06/2025"),
        ("Xã Mường Ảng", "từ 01/07/2025"),
    }
    new = next(r for r in csv.DictReader(io.StringIO(out)) if r["name"] == "Xã Mường Ảng")
    assert new["predecessors"] == "Thị trấn Mường Ảng (03256); Xã Ẳng Nưa (03307); Xã Ẳng Cang (03310)"


def test_search_on_a_day_after_the_reform_does_not_list_the_former_units(db, capsys):
    code, out, _ = run(capsys, "--db", db, "places", "search", "Mường Ảng", "--on", "01/01/2026")
    assert code == 0 and [r["name"] for r in json.loads(out)] == ["Xã Mường Ảng"]


def test_show_lists_both_units_of_a_reused_code_with_predecessors_and_successors(db, capsys):
    code, out, err = run(capsys, "--db", db, "places", "show", "03256")
    assert code == 0, err
    assert "Thị trấn Mường Ảng – mã 03256 – Thị trấn" in out
    assert "  Đơn vị kế thừa: Xã Mường Ảng (03256)" in out
    assert "Xã Mường Ảng – mã 03256 – Xã" in out and "  Hiệu lực: từ 01/07/2025" in out
    assert "  Đơn vị trước đó: Xã Ẳng Nưa (03307)" in out


def test_show_a_divided_commune_names_every_new_unit(db, capsys):
    # Xã Tân Thạnh (Thới Lai, Cần Thơ) was divided between two communes on 01/07/2025.
    code, out, err = run(capsys, "--db", db, "places", "search", "tan thanh", "--on", "2025-06-30", "--format", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["parent"] == "Huyện Thới Lai"]
    assert code == 0 and len(rows) == 1, err
    assert rows[0]["successors"].count(";") >= 1 and "một phần" in rows[0]["successors"]


def test_nothing_found_and_bad_day_are_explained(db, capsys):
    code, _, err = run(capsys, "--db", db, "places", "search", "khong co noi nay")
    assert code == 1 and err.strip() == "Không tìm thấy đơn vị hành chính nào có tên hoặc mã «khong co noi nay»."
    code, _, err = run(capsys, "--db", db, "places", "search", "ang", "--on", "31/02/2024")
    assert code == 1 and err.startswith("Lỗi: Ngày (--on) «31/02/2024» không hợp lệ")
    code, _, err = run(capsys, "--db", db, "places", "show", "99999")
    assert code == 1 and "Không có đơn vị hành chính mã «99999»" in err
