"""Build a national-scale database: 20,000 products, 8,000 producers, 100,000 survey rows.

    python benchmarks/generate.py /tmp/national.db [--products 20000] [--survey-rows 100000]

Rows are inserted in bulk through SQLAlchemy Core (the ORM's per-object flush would take
minutes), so the derived columns the flush hook normally fills are computed here.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from ocop_desktop.domain.numbers import add_months
from ocop_desktop.domain.text import fold, vn_sort_string
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.models import (
    Place,
    Producer,
    Product,
    ProductSet,
    SurveyCampaign,
    SurveyEntry,
    UnitSubmission,
    new_id,
    utcnow,
)
from ocop_desktop.services.reference import load_reference

WORDS = (
    "Cà phê",
    "Trà",
    "Chè",
    "Mật ong",
    "Gạo",
    "Bưởi",
    "Cam",
    "Măng",
    "Rượu",
    "Thịt trâu",
    "Miến",
    "Nấm",
    "Lạp xưởng",
    "Tỏi",
    "Gừng",
    "Nước mắm",
    "Bánh",
    "Hạt dổi",
    "Mắc khén",
    "Sâm",
)
QUALIFIERS = ("sấy", "hữu cơ", "gác bếp", "đặc sản", "rừng", "xanh", "tươi", "bột", "túi lọc", "nếp")
NAMES = (
    "Hà",
    "Chung",
    "Phước",
    "Minh",
    "Duy",
    "Thành",
    "Thủy",
    "Hải",
    "An",
    "Đào",
    "Lò",
    "Quàng",
    "Tòng",
    "Cà",
    "Lường",
    "Vì",
    "Mùa",
    "Giàng",
)


def product_name(rng: random.Random, i: int) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(QUALIFIERS)} {rng.choice(NAMES)} {rng.choice(NAMES)} {i}"


def generate(path: Path, products: int, survey_rows: int, seed: int = 2025) -> dict[str, float]:
    rng = random.Random(seed)
    timings: dict[str, float] = {}
    db = open_database(path)
    load_reference(db.uow_factory())
    now = utcnow()
    with db.engine.begin() as conn:
        places = [r.id for r in conn.execute(select(Place.id).where(Place.kind.in_(("xa", "thi_tran"))))]
        sets = conn.execute(select(ProductSet.id, ProductSet.group_id)).all()
        start = time.perf_counter()
        producers = []
        for i in range(max(1, products * 2 // 5)):
            name = f"HTX {rng.choice(NAMES)} {rng.choice(NAMES)} {i}"
            producers.append(
                dict(
                    id=new_id(),
                    name=name,
                    name_folded=fold(name),
                    name_sort=vn_sort_string(name),
                    kind="hop_tac_xa",
                    notes="",
                    created_at=now,
                    updated_at=now,
                )
            )
        conn.execute(insert(Producer), producers)
        rows = []
        for i in range(products):
            name = product_name(rng, i)
            pset = rng.choice(sets)
            certified = rng.random() < 0.7
            cert_day = date(2021, 1, 1) + timedelta(days=rng.randint(0, 2000)) if certified else None
            rows.append(
                dict(
                    id=new_id(),
                    name=name,
                    name_folded=fold(name),
                    name_sort=vn_sort_string(name),
                    producer_id=rng.choice(producers)["id"],
                    commune_id=rng.choice(places),
                    product_set_id=pset.id,
                    group_id=pset.group_id,
                    status="duoc_cong_nhan" if certified else "tiem_nang",
                    stars=rng.choice((3, 3, 3, 4, 4, 5)) if certified else None,
                    certified_on=cert_day,
                    expires_on=add_months(cert_day, 36) if cert_day else None,
                    certificate_no=f"{i}/QĐ-UBND" if certified else None,
                    checklist={},
                    notes="",
                    created_at=now,
                    updated_at=now,
                )
            )
        conn.execute(insert(Product), rows)
        timings["products"] = time.perf_counter() - start

        start = time.perf_counter()
        campaigns = []
        for year in range(2019, 2027):
            cid = new_id()
            campaigns.append(cid)
            conn.execute(
                insert(SurveyCampaign),
                [
                    dict(
                        id=cid,
                        year=year,
                        title=f"Rà soát sản phẩm tham gia Chương trình OCOP năm {year}",
                        issuing_letter="",
                        deadline=date(year, 7, 5),
                        created_at=now,
                        updated_at=now,
                    )
                ],
            )
            conn.execute(
                insert(UnitSubmission),
                [
                    dict(
                        id=new_id(),
                        campaign_id=cid,
                        unit_id=p,
                        status="chua_nop",
                        note="",
                        created_at=now,
                        updated_at=now,
                    )
                    for p in places
                ],
            )
        entries = []
        for i in range(survey_rows):
            name = product_name(rng, i)
            entries.append(
                dict(
                    id=new_id(),
                    campaign_id=rng.choice(campaigns),
                    unit_id=rng.choice(places),
                    position=i,
                    product_name=name,
                    product_name_folded=fold(name),
                    producer_name=f"Hộ {rng.choice(NAMES)}",
                    production_situation="Đang sản xuất",
                    output_quantity=rng.randint(1, 5000),
                    unit_of_measure="kg",
                    quantity_sold=rng.randint(1, 5000),
                    price_vnd=rng.randint(10, 500) * 1000,
                    raw_material_area_ha=round(rng.random() * 20, 2),
                    notes="",
                    created_at=now,
                    updated_at=now,
                )
            )
            if len(entries) == 10_000:
                conn.execute(insert(SurveyEntry), entries)
                entries = []
        if entries:
            conn.execute(insert(SurveyEntry), entries)
        timings["survey_rows"] = time.perf_counter() - start
    db.close()
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--survey-rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    if args.db.exists():
        print(f"{args.db} exists; remove it first", file=sys.stderr)
        return 1
    timings = generate(args.db, args.products, args.survey_rows)
    print(
        f"generated {args.products} products in {timings['products']:.1f} s, "
        f"{args.survey_rows} survey rows in {timings['survey_rows']:.1f} s → {args.db}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
