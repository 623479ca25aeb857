"""Issue 17 must-show: a fair with three products and sales totals is in the product's history, in the year's
activities report (PDF text read back, xlsx cells) and, sent in a package to another office, arrives once."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from sqlalchemy import func, select

from ocop_desktop.persistence.models import Activity, ActivityProduct
from ocop_desktop.services.activities import ActivityInput, ActivityService
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reports import ReportRequest, ReportService
from tests.pdftext import pdf_text
from tests.services.exchange.conftest import office, trust_each_other  # noqa: F401  (fixtures)

DAY = date(2024, 12, 20)
PRODUCTS = {"Chè Shan tuyết Ẳng Nưa": 20_000_000, "Mật ong Ẳng Tở": 15_500_000, "Gạo nếp Búng Lao": 10_000_000}


def _fair(make_uow, unit_id: str):
    producer = ProducerService(make_uow).create(ProducerInput(name="HTX Nông sản Mường Ảng", kind="hop_tac_xa"))
    made = {
        name: ProductService(make_uow).create(ProductInput(name=name, producer_id=producer.id, status="tiem_nang"))
        for name in PRODUCTS
    }
    service = ActivityService(make_uow)
    fair = service.create(
        ActivityInput(
            kind="hoi_cho",
            title="Hội chợ OCOP tỉnh Điện Biên năm 2024",
            held_on=date(2024, 9, 12),
            ends_on=date(2024, 9, 15),
            place="TP. Điện Biên Phủ",
            unit_id=unit_id,
            organiser="Sở Công Thương",
            participants=12,
            sales=sum(PRODUCTS.values()),
            contracts=3,
            products=[(made[name].id, sales) for name, sales in PRODUCTS.items()],
        )
    )
    service.create(
        ActivityInput(
            kind="tap_huan",
            title="Tập huấn thiết kế bao bì",
            held_on=date(2024, 5, 8),
            unit_id=unit_id,
            participants=35,
        )
    )
    return fair, made


def test_a_fair_with_three_products_in_history_report_and_package(office, tmp_path):  # noqa: F811
    a = office("ang-nua", "xa-ang-nua", "Lò Văn Anh", sample=False)
    r = office("huyen", "huyen-muong-ang", "Nguyễn Văn Kiểm", sample=False)
    trust_each_other(a, r)
    fair, made = _fair(a.make_uow, a.unit_id)

    [shown] = ActivityService(a.make_uow).product_history(made["Mật ong Ẳng Tở"].id)
    assert (shown.id, shown.sales, shown.products) == (
        fair.id,
        45_500_000,
        "Chè Shan tuyết Ẳng Nưa; Gạo nếp Búng Lao; Mật ong Ẳng Tở",
    )

    reports = ReportService(a.make_uow)
    request = ReportRequest("activities", today=DAY, year=2024)
    pdf = reports.export(request, "pdf", tmp_path / "hoat-dong.pdf")
    text = pdf_text(pdf)
    for expected in (
        "BÁO CÁO",
        "Kết quả hoạt động hỗ trợ, tập huấn, tuyên truyền và xúc tiến thương mại năm 2024",
        "Hội chợ OCOP tỉnh Điện Biên năm 2024",
        "Chè Shan tuyết Ẳng Nưa (20.000.000 đồng)",
        "Mật ong Ẳng Tở (15.500.000 đồng)",
        "Gạo nếp Búng Lao (10.000.000 đồng)",
        "45.500.000",
        "Tập huấn",
        "Nơi nhận",
    ):
        assert expected in text, expected
    xlsx = reports.export(request, "xlsx", tmp_path / "hoat-dong.xlsx")
    values = [c.value for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows() for c in row]
    assert 45_500_000 in values
    assert any(isinstance(v, str) and v.startswith("Hội chợ OCOP tỉnh Điện Biên năm 2024") for v in values)

    package = tmp_path / "ang-nua.ocop"
    sent = a.exchange.export(package)
    assert sent.counts["activities"] == 2 and sent.counts["activity_products"] == 3
    for _ in range(2):  # the same package twice: still once
        r.exchange.import_package(package)
        with r.make_uow() as uow:
            s = uow.session
            assert s.scalar(select(func.count()).select_from(Activity).where(Activity.id == fair.id)) == 1
            assert s.scalar(select(func.count()).select_from(ActivityProduct)) == 3
    [arrived] = ActivityService(r.make_uow).product_history(made["Gạo nếp Búng Lao"].id)
    assert (arrived.title, arrived.sales, len(arrived.product_list)) == (fair.title, 45_500_000, 3)
    # A product taken off the fair and the sales corrected at the commune travel too (a tombstone for the link).
    service = ActivityService(a.make_uow)
    kept = [(made[name].id, sales) for name, sales in PRODUCTS.items() if name != "Gạo nếp Búng Lao"]
    service.update(fair.id, ActivityInput(**{**_typed(fair), "products": kept, "sales": 35_500_000}))
    changes = tmp_path / "ang-nua-2.ocop"
    a.exchange.export(changes, changes_only=True)
    r.exchange.import_package(changes)
    there = ActivityService(r.make_uow)
    assert there.product_history(made["Gạo nếp Búng Lao"].id) == []
    assert [(x.sales, len(x.product_list)) for x in there.product_history(made["Mật ong Ẳng Tở"].id)] == [
        (35_500_000, 2)
    ]


def _typed(a) -> dict:
    """What the form would send back for activity ``a`` unchanged."""
    keys = ActivityInput.__dataclass_fields__
    values = {k: getattr(a, k) for k in keys if k not in ("producer_ids", "products") and hasattr(a, k)}
    return {**values, "producer_ids": [pid for pid, _n in a.producer_list]}
