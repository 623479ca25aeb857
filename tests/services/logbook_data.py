"""A producer, its product, a survey row for it, and logbook workbooks of any size (tests of issue 17 item 4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import openpyxl

from ocop_desktop.domain.schema.logbooks import SHEETS, STT
from ocop_desktop.persistence.models import Producer, Product, SurveyCampaign, SurveyEntry
from ocop_desktop.services.reference import place_id

TODAY = date(2026, 3, 1)


@dataclass(frozen=True)
class Owner:
    producer_id: str
    product_id: str
    entry_id: str


def make_owner(make_uow, name: str = "Chè Shan tuyết Ẳng Nưa") -> Owner:
    with make_uow() as uow:
        s = uow.session
        producer = Producer(name="HTX Chè Ẳng Nưa", kind="hop_tac_xa")
        s.add(producer)
        s.flush()
        product = Product(name=name, producer_id=producer.id, status="tiem_nang")
        campaign = SurveyCampaign(year=2025, title="Rà soát sản phẩm năm 2025")
        s.add_all([product, campaign])
        s.flush()
        entry = SurveyEntry(
            campaign_id=campaign.id,
            unit_id=place_id("xa-ang-nua"),
            product_name=name,
            producer_name=producer.name,
            product_id=product.id,
            output_quantity=5000.0,
            unit_of_measure="kg",
            quantity_sold=4000.0,
            price_vnd=200_000,
        )
        s.add(entry)
        uow.commit()
        return Owner(producer.id, product.id, entry.id)


def write_logbook(path, materials: int, batches: int, sales: int, year: int = 2025, bad_sale_row: int | None = None):
    """A filled template: lot NL-n, batch ME-n using lots NL-n and NL-(n+1), sales of 2 kg at 200.000 đ
    and 3 kg at 250.000 đ in turn; ``bad_sale_row`` (an Excel row) gets the date «31/02/2025»."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    start = date(year, 1, 1)
    for title, _record, columns in SHEETS:
        ws = wb.create_sheet(title)
        ws.append([STT.title, *(f.title for f in columns)])
    ws = wb["Nhập nguyên liệu"]
    for n in range(1, materials + 1):
        day = start + timedelta(days=n % 300)
        ws.append(
            [n, day.strftime("%d/%m/%Y"), "Lá chè tươi", "1.250,5", "kg", "Vùng chè của HTX", "Bản Co Líu", f"NL-{n}"]
        )
    ws = wb["Mẻ sản xuất"]
    for n in range(1, batches + 1):
        lots = f"NL-{n}, NL-{n + 1}" if n < materials else f"NL-{n}"
        ws.append([n, start + timedelta(days=n % 300), f"ME-{n}", 10, "kg", lots, ""])
    ws = wb["Bán hàng"]
    for n in range(1, sales + 1):
        row = n + 1
        day = "31/02/2025" if row == bad_sale_row else (start + timedelta(days=n % 300)).strftime("%d/%m/%Y")
        quantity, price = (2, "200.000 đ") if n % 2 else ("3", 250000)
        ws.append([n, day, "Cửa hàng OCOP Điện Biên", quantity, "kg", price])
    wb.save(path)
    return path
