"""Packages as big and as odd as real ones: long notes, national sizes, hostile numbers and nesting."""

from __future__ import annotations

import json
import os
import re
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.exports.package import DATA_DIR, MANIFEST, PackageError, ZipLimits, dumps_records, read_package
from ocop_desktop.persistence.audit_chain import HEAD_KEY
from ocop_desktop.persistence.models import AppMeta, AuditEntry, SurveyEntry
from ocop_desktop.services.exchange import verify_package
from ocop_desktop.services.surveys import SurveyEntryInput
from tests.services.exchange.test_package_safety import rebuild

INTERNAL = re.compile(r"\b[a-z]+_[a-z_]+\b:|\.\.|\(\s*\)")  # package_id: / office_unit_id: / ".." / "()"


def _note(chars: int) -> str:
    words = [f"ghi-chú-{i:05d}" for i in range(chars // 10 + 1)]
    return " ".join(words)[:chars]


@pytest.mark.parametrize("chars", [400, 20_000])
def test_a_long_survey_note_travels_whole_with_the_reports(communes, tmp_path, chars):
    a, _b, r = communes
    note = _note(chars)
    a.surveys.save_entries(a.campaign_id(), a.unit_id, [SurveyEntryInput(product_name="Chè Shan tuyết", notes=note)])
    path = tmp_path / "a.ocop.zip"
    a.exchange.export(path)  # the default export: the PDF reports are built too
    with zipfile.ZipFile(path) as zf:
        assert "bao-cao/ra-soat-san-pham.pdf" in zf.namelist()
    r.exchange.import_package(path)
    [entry] = [e for e in r.surveys.unit_entries(r.campaign_id(), a.unit_id) if e.product_name == "Chè Shan tuyết"]
    assert entry.notes == note and len(entry.notes) == chars


def big_package(source: Path, target: Path, records: int, unit_id: str) -> Path:
    """``source`` with ``records`` survey rows of one unit, written as OCOP Desktop writes them."""
    with zipfile.ZipFile(source) as zf:
        template = json.loads(zf.read(f"{DATA_DIR}survey_entries.json"))["records"][0]
        counts = json.loads(zf.read(MANIFEST))["counts"]
    rows = [
        dict(template, id=str(uuid.uuid4()), unit_id=unit_id, position=i, product_name=f"Sản phẩm số {i}")
        for i in range(records)
    ]
    body = dumps_records({"entity": "survey_entries", "records": rows})
    return rebuild(
        source,
        target,
        change={f"{DATA_DIR}survey_entries.json": body},
        manifest={"counts": dict(counts, survey_entries=records)},
    )


def _import_big(communes, tmp_path, records: int) -> None:
    a, _b, r = communes
    a.surveys.save_entries(a.campaign_id(), a.unit_id, [SurveyEntryInput(product_name="Chè Shan tuyết")])
    a.exchange.export(tmp_path / "a.ocop.zip", include_reports=False)
    path = big_package(tmp_path / "a.ocop.zip", tmp_path / "lon.ocop.zip", records, a.unit_id)
    result = r.exchange.import_package(path)
    assert result.applied and result.counts["new"] == records
    with r.make_uow() as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(SurveyEntry)) == records
        assert (
            s.scalar(
                select(func.count()).where(AuditEntry.action == "import:create", AuditEntry.entity == "survey_entries")
            )
            == records
        )
        last = s.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert s.get(AppMeta, HEAD_KEY).value == f"{last.seq}:{last.hash}"  # the chain ends where the head says


def test_a_package_of_16000_records_imports_audited(communes, tmp_path):
    _import_big(communes, tmp_path, 16_000)  # its speed: benchmarks/ (P6), never a timed test
    _a, _b, r = communes
    import sqlite3

    from ocop_desktop.services.audit import check_log

    conn = sqlite3.connect(f"file:{r.path}?mode=ro", uri=True)
    try:
        check = check_log(conn)  # every entry hashed and linked, the records as their log says
    finally:
        conn.close()
    assert check.sound, (check.breaks[:3], check.mismatches[:3])


def test_records_inserted_in_bulk_are_undone_like_any_other(communes, tmp_path):
    _import_big(communes, tmp_path, 300)
    _a, _b, r = communes
    [received] = r.exchange.inbox()
    assert r.exchange.undo(received.package_id).deleted == 300
    with r.make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(SurveyEntry)) == 0


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("OCOP_NATIONAL"), reason="a national package takes minutes: OCOP_NATIONAL=1")
def test_a_national_package_of_200000_records_imports(communes, tmp_path):
    _import_big(communes, tmp_path, 200_000)


def test_member_sizes_grow_with_the_declared_records_but_not_past_them(communes, tmp_path):
    a, _b, _r = communes
    a.surveys.save_entries(a.campaign_id(), a.unit_id, [SurveyEntryInput(product_name="Chè Shan tuyết")])
    a.exchange.export(tmp_path / "a.ocop.zip", include_reports=False)
    path = big_package(tmp_path / "a.ocop.zip", tmp_path / "lon.ocop.zip", 2_000, a.unit_id)  # over 1 MB
    small = ZipLimits(max_member_bytes=200_000, max_total_bytes=400_000, per_record_bytes=4096, max_records=10_000)
    from ocop_desktop.persistence.migrate import known_revisions
    from ocop_desktop.services.exchange.records import BY_NAME

    assert len(read_package(path, BY_NAME, known_revisions(), small).data["survey_entries"]) == 2_000
    lying = rebuild(path, tmp_path / "khai-it.ocop.zip", manifest={"counts": {"survey_entries": 10}})
    with pytest.raises(PackageError) as refused:
        read_package(lying, BY_NAME, known_revisions(), small)
    assert re.fullmatch(
        r"Thành phần «data/survey_entries\.json» của gói khi giải nén sẽ chiếm 1,\d MB, quá giới hạn "
        r"0,2 MB cho 10 bản ghi khai báo trong gói; gói đã bị thay đổi\. Không có gì được nhập\.",
        str(refused.value),
    ), str(refused.value)


def _evaluation(communes, tmp_path) -> tuple[Path, dict]:
    a, _b, _r = communes
    from ocop_desktop.persistence.models import Product, RuleSetRow

    with a.make_uow() as uow:
        product = uow.session.scalars(select(Product).where(Product.name.like("Cà phê%"))).first()
        rule_set = uow.session.scalars(select(RuleSetRow.id)).first()
        record = {
            "id": str(uuid.uuid4()),
            "created_at": "2024-05-01T08:00:00",
            "updated_at": "2024-05-01T08:00:00",
            "product_id": product.id,
            "rule_set_id": rule_set,
            "scorecard_id": None,
            "evaluated_on": "2024-05-01",
            "level": "huyen",
            "scores": {"A1": 3},
            "total": 72.5,
            "stars": 3,
            "knockout": None,
            "certified": False,
            "notes": "",
        }
        name = product.name
    source = tmp_path / "a.ocop.zip"
    a.exchange.export(source, include_reports=False)
    return source, dict(record, _name=name)


HOSTILE = {
    "huge-score": (lambda r: json.dumps(dict(r, scores={"A1": 1e300})), "«Điểm từng tiêu chí» có số 1e+300"),
    "huge-total": (lambda r: json.dumps(dict(r, total=1e300)), "«Tổng điểm» là 1e+300"),
    "nan-total": (
        lambda r: json.dumps(dict(r, total=0.5)).replace("0.5", "NaN"),
        "«Tổng điểm» không phải là một số hữu hạn",
    ),
    "infinite-score": (
        lambda r: json.dumps(r).replace('"A1": 3', '"A1": Infinity'),
        "«Điểm từng tiêu chí» có giá trị không phải là số hữu hạn",
    ),
    "deep-score": (
        lambda r: json.dumps(r).replace('"A1": 3', '"A1": ' + "[" * 50 + "]" * 50),
        "«Điểm từng tiêu chí» lồng nhau",
    ),
    "year-2199": (
        lambda r: json.dumps(dict(r, updated_at="2199-01-01T00:00:00")),
        "«Thời điểm sửa» là 01/01/2199 00:00",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_numbers_and_times_are_refused_naming_record_and_field(communes, tmp_path, case):
    source, record = _evaluation(communes, tmp_path)
    name = record.pop("_name")
    make, expected = HOSTILE[case]
    body = '{"entity": "evaluations", "records": [' + make(record) + "]}"
    bad = rebuild(
        source,
        tmp_path / f"{case}.ocop.zip",
        change={f"{DATA_DIR}evaluations.json": body.encode()},
        manifest={"counts": {"evaluations": 1}},
    )
    with pytest.raises(PackageError) as refused:
        communes[2].exchange.import_package(bad, prefer="there")
    message = str(refused.value)
    assert expected in message and f"Kết quả đánh giá «{name}, 01/05/2024»" in message, message
    assert message.endswith("Không có gì được nhập.") and not INTERNAL.search(message), message


def test_json_nested_200000_deep_is_refused_without_recursion_error(communes, tmp_path):
    source, record = _evaluation(communes, tmp_path)
    record.pop("_name")
    body = json.dumps({"entity": "evaluations", "records": [record]}).replace(
        '"A1": 3', '"A1": ' + "[" * 200_000 + "]" * 200_000
    )
    bad = rebuild(source, tmp_path / "sau.ocop.zip", change={f"{DATA_DIR}evaluations.json": body.encode()})
    with pytest.raises(PackageError, match=r"«data/evaluations\.json» của gói lồng nhau quá sâu"):
        verify_package(bad)
