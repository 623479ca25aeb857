"""The label follow-up beyond the form: the activity log names each change by its label, a package
carries the fields to the district (once, with later edits), the flush hook holds a package's values
to the limits, and the report lists what each product lacks in the Decree 30 layout (PDF and xlsx)."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from ocop_desktop.domain.labels import LabelInfo
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.persistence.models import Product
from ocop_desktop.services.audit import AuditFilter, AuditService
from ocop_desktop.services.labels import label_items
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reports import ReportRequest, ReportService
from ocop_desktop.services.settings import save_office_settings
from tests.pdftext import pdf_text
from tests.services.exchange.conftest import communes, office, trust_each_other  # noqa: F401

EAN = "8935002301003"
LABEL = LabelInfo(
    trademark_application_no="4-2024-12345",
    trademark_filed_on=date(2024, 3, 5),
    gs1_prefix="8935002",
    gs1_valid_until=date(2030, 12, 31),
    trace_link="https://truyxuat.vn/mang-kho",
)


def _ticked() -> dict[str, bool]:
    return {i.code: True for i in label_items() if not i.optional}


def test_each_label_change_is_in_the_activity_log_by_its_label(make_uow):
    products = ProductService(make_uow)
    saved = products.create(ProductInput(name="Măng khô", ean13=EAN, label=LABEL))
    products.update(saved.id, ProductInput(name="Măng khô", ean13=EAN, label=replace(LABEL, trademark_owner="HTX A")))
    entry = AuditService(make_uow).entries(AuditFilter(entity="products", entity_id=saved.id, limit=1))[0]
    assert [(c.label, c.new) for c in entry.changes] == [("Chủ sở hữu nhãn hiệu", "«HTX A»")]
    created = AuditService(make_uow).history("products", saved.id)[-1]
    shown = {c.label: c.new for c in created.changes}
    assert shown["Số đơn đăng ký nhãn hiệu"] == "«4-2024-12345»"
    assert shown["Ngày nộp đơn nhãn hiệu"] == "05/03/2024"
    assert shown["Hạn hiệu lực mã số mã vạch"] == "31/12/2030"


def test_a_value_over_the_limit_is_refused_whatever_wrote_it(make_uow):
    with pytest.raises(ValidationError) as caught, make_uow(action="test") as uow:  # as a package would write it
        uow.session.add(Product(name="Mật ong", status="tiem_nang", trace_link="https://a.vn/" + "x" * 600))
        uow.commit()
    assert "Liên kết truy xuất nguồn gốc (nội dung mã QR)" in str(caught.value)


def test_the_label_fields_travel_in_a_package_and_arrive_once(communes, tmp_path):  # noqa: F811
    a, _b, r = communes
    products = ProductService(a.make_uow)
    saved = products.create(ProductInput(name="Măng khô Ẳng Nưa", commune_id=a.unit_id, ean13=EAN, label=LABEL))
    package = tmp_path / "ang-nua.ocop"
    a.exchange.export(package, include_reports=False)
    for _ in range(2):
        assert r.exchange.import_package(package) is not None
    there = ProductService(r.make_uow)
    assert [p.label for p in there.list() if p.id == saved.id] == [LABEL]
    # A later certificate reaches the district too.
    granted = replace(LABEL, trademark_certificate_no="4-0456789-000", trademark_owner="HTX Ẳng Nưa")
    products.update(saved.id, ProductInput(name="Măng khô Ẳng Nưa", commune_id=a.unit_id, ean13=EAN, label=granted))
    second = tmp_path / "ang-nua-2.ocop"
    a.exchange.export(second, include_reports=False)
    r.exchange.import_package(second)
    assert there.get(saved.id).label == granted
    assert len([p for p in there.list() if p.name == "Măng khô Ẳng Nưa"]) == 1


@pytest.fixture
def commune(make_uow):
    from ocop_desktop.services.places import PlaceService

    unit = next(p for p in PlaceService(make_uow).all() if p.key == "xa-muong-ang")
    save_office_settings(make_uow, unit.id, "Lò Văn Thắng", "Chủ tịch", "ubnd")
    return make_uow, unit.id


def test_the_report_lists_products_lacking_something_with_what_they_lack(commune, tmp_path):
    make_uow, unit_id = commune
    products = ProductService(make_uow)
    full = replace(LABEL, trademark_certificate_no="4-0456789-000", trademark_owner="HTX Mường Ảng")
    products.create(ProductInput(name="Cà phê đạt", commune_id=unit_id, ean13=EAN, label=full, checklist=_ticked()))
    products.create(
        ProductInput(
            name="Chè thiếu hạn dùng",
            commune_id=unit_id,
            ean13=EAN,
            label=full,
            checklist={**_ticked(), "nhan_han_su_dung": False},
        )
    )
    products.create(ProductInput(name="Mật ong chưa có gì", commune_id=unit_id))
    day = date(2026, 11, 30)
    service = ReportService(make_uow)
    pdf = service.export(ReportRequest("labels", today=day), "pdf", tmp_path / "nhan.pdf")
    text = pdf_text(pdf)
    assert "SẢN PHẨM CÓ NHÃN HÀNG HÓA" in text.upper() and "Còn thiếu" in text
    assert "Chè thiếu hạn dùng" in text and "Nhãn thiếu: Hạn sử dụng" in text
    assert "Mật ong chưa có gì" in text and "Chưa nộp đơn đăng ký nhãn hiệu" in text
    assert "Cà phê đạt" not in text
    assert "truy xuất nguồn gốc hoặc nhãn hiệu: 2." in text
    assert "/BC-UBND" in text and "CHỦ TỊCH" in text  # the Decree 30 number and signer block
    xlsx = service.export(ReportRequest("labels", today=day), "xlsx", tmp_path / "nhan.xlsx")
    cells = [str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value is not None]
    assert "Còn thiếu" in cells and "Số văn bằng bảo hộ nhãn hiệu" in cells
    assert any(c.startswith("Nhãn thiếu: Hạn sử dụng") for c in cells)
    if shown := os.environ.get("OCOP_SCREENSHOTS"):
        shutil.copy(pdf, os.path.join(shown, "labels_report.pdf"))


def test_the_terminal_lists_incomplete_labels_with_what_they_lack(make_uow, db, capsys):
    from ocop_desktop.cli import main

    products = ProductService(make_uow)
    products.create(
        ProductInput(
            name="Cà phê đạt",
            ean13=EAN,
            label=replace(LABEL, trademark_certificate_no="123456", trademark_owner="HTX"),
            checklist=_ticked(),
        )
    )
    products.create(ProductInput(name="Mật ong", ean13=EAN, label=LABEL, checklist=_ticked()))
    db_path = db.url or str(db.path)  # a file, or a server's URL with --engine=postgresql
    with make_uow() as uow:
        assert uow.session.scalar(select(Product.id).where(Product.name == "Mật ong"))
    assert main(["--db", db_path, "products", "list", "--label-incomplete", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["label_gaps"], r["trademark_application_no"]) for r in rows] == [
        ("Mật ong", "Nhãn hiệu chưa được cấp văn bằng (đơn số 4-2024-12345)", "4-2024-12345")
    ]
    assert main(["--db", db_path, "products", "list", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    assert header[-8:] == [
        "trademark_application_no",
        "trademark_filed_on",
        "trademark_certificate_no",
        "trademark_owner",
        "gs1_prefix",
        "gs1_valid_until",
        "trace_link",
        "label_gaps",
    ]
