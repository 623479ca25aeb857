"""Printed reports carry the office's key fingerprint and audit anchor on every page; a saved
report gets a detached signature (.sig) that a receiver checks against its trusted offices."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest

from ocop_desktop.exports.signing import short_fingerprint
from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.exchange import ExchangeService
from ocop_desktop.services.exchange.trust import add_sender
from ocop_desktop.services.office_key import existing_office_key
from ocop_desktop.services.reference import load_reference
from ocop_desktop.services.report_seal import INVALID, UNTRUSTED, VALID, check_report_file, signature_file
from ocop_desktop.services.reports import ReportRequest, ReportService
from tests.services.test_documents import DAY, commune, set_office  # noqa: F401  (the fixture)


def pdf_pages(path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in out.split("\f") if page.strip()]


def chain_count(make_uow) -> int:
    with make_uow() as uow:
        from sqlalchemy import text

        return uow.session.execute(text("SELECT count(*) FROM audit_log")).scalar()


@pytest.fixture
def province(tmp_path, reference_template):
    """A second office, the province's department, in its own database."""
    path = tmp_path / "tinh" / "ocop.db"
    path.parent.mkdir()
    shutil.copyfile(reference_template, path)
    database = open_database(path)
    make_uow = database.uow_factory(actor="Quàng Thị Hoa")
    load_reference(make_uow)
    set_office(make_uow, "Tỉnh Điện Biên", kind="so_nnmt", person="Quàng Thị Hoa", title="Phó Giám đốc")
    yield make_uow
    database.close()


def test_every_page_carries_the_office_fingerprint_and_the_chain_anchor(commune, tmp_path):  # noqa: F811
    path = ReportService(commune).export(ReportRequest("products", today=DAY), "pdf", tmp_path / "sp.pdf")
    words = short_fingerprint(existing_office_key(commune).fingerprint)
    count = chain_count(commune)
    pages = pdf_pages(path)
    assert len(pages) >= 1
    for page in pages:
        flat = " ".join(page.split())
        assert f"Khóa ký của đơn vị: {words}" in flat
        assert f"Nhật ký đến mục {count}," in flat
    sig = json.loads(signature_file(path).read_text(encoding="utf-8"))
    assert sig["audit_anchor"]["count"] == count
    assert sig["signer"]["unit_name"] == "Xã Mường Ảng"


def test_the_workbook_prints_the_same_line_in_its_footer(commune, tmp_path):  # noqa: F811
    path = ReportService(commune).export(ReportRequest("products", today=DAY), "xlsx", tmp_path / "sp.xlsx")
    words = short_fingerprint(existing_office_key(commune).fingerprint)
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert f"Khóa ký của đơn vị: {words}" in sheet.split("<oddFooter>")[1]
    assert check_report_file(commune, path).state == VALID


def test_evaluation_papers_are_sealed_too(commune, tmp_path):  # noqa: F811
    path = EvaluationReports(commune).write_sheet(tmp_path / "phieu.pdf")
    words = short_fingerprint(existing_office_key(commune).fingerprint)
    assert all(f"Khóa ký của đơn vị: {words}" in " ".join(p.split()) for p in pdf_pages(path))
    assert check_report_file(commune, path).state == VALID


def test_a_receiver_checks_the_signature_against_its_trusted_offices(commune, province, tmp_path):  # noqa: F811
    path = ReportService(commune).export(ReportRequest("survey", today=DAY), "pdf", tmp_path / "rs.pdf")
    key = existing_office_key(commune)
    words = short_fingerprint(key.fingerprint)

    first = check_report_file(province, path)
    assert first.state == UNTRUSTED
    assert words in first.message and "Xã Mường Ảng" in first.message

    with province(action="trust") as uow:
        sig = json.loads(signature_file(path).read_text(encoding="utf-8"))
        add_sender(uow.session, sig["signer"]["unit_id"], "Xã Mường Ảng", sig["public_key"], "Quàng Thị Hoa")
        uow.commit()
    assert check_report_file(province, path).state == VALID

    changed = tmp_path / "sua.pdf"
    changed.write_bytes(path.read_bytes().replace(b"/Title", b"/Titlf", 1))
    shutil.copyfile(signature_file(path), signature_file(changed))
    result = check_report_file(province, changed)
    assert result.state == INVALID and "đã bị thay đổi sau khi Xã Mường Ảng ký" in result.message

    forged = json.loads(signature_file(path).read_text(encoding="utf-8"))
    forged["signer"]["unit_name"] = "Sở Nông nghiệp và Môi trường tỉnh Điện Biên"
    signature_file(path).write_text(json.dumps(forged), encoding="utf-8")
    result = check_report_file(province, path)
    assert result.state == INVALID and "Chữ ký" in result.message

    signature_file(path).unlink()
    assert check_report_file(province, path).state == INVALID


def test_a_revoked_key_makes_its_reports_refused(commune, province, tmp_path):  # noqa: F811
    path = ReportService(commune).export(ReportRequest("tasks", today=DAY), "pdf", tmp_path / "nv.pdf")
    sig = json.loads(signature_file(path).read_text(encoding="utf-8"))
    with province(action="trust") as uow:
        add_sender(uow.session, sig["signer"]["unit_id"], "Xã Mường Ảng", sig["public_key"], "Quàng Thị Hoa")
        uow.commit()
    ExchangeService(province).revoke_sender(short_fingerprint(existing_office_key(commune).fingerprint)[:9])
    result = check_report_file(province, path)
    assert result.state == INVALID and "thu hồi" in result.message


def test_a_preview_or_print_copy_is_not_signed_but_still_sealed(commune, tmp_path):  # noqa: F811
    path = ReportService(commune).export(ReportRequest("products", today=DAY), "pdf", tmp_path / "in.pdf", sign=False)
    assert not signature_file(path).exists()
    assert "Khóa ký của đơn vị:" in " ".join(pdf_pages(path)[0].split())
