"""A producer's logbook (issue 17, item 4): raw material in, production batches, sales out, each field said once.

The Excel template's three sheets, the import, the stored columns (persistence/models/logbooks.py),
the CLI listings and the printable blank logbook all follow the listed fields here.
"""

from __future__ import annotations

from ocop_desktop.domain.schema.fields import TERMINAL, Field, Kind, Record
from ocop_desktop.domain.schema.survey import NUMBER_MAX

QUANTITY = (0, NUMBER_MAX)
CODE_CHARS = 60

_PRODUCER = Field("producer_id", "Chủ thể", "Producer", Kind.REF, ref="producers", required=True)
_PRODUCT = Field("product_id", "Sản phẩm", "Product", Kind.REF, ref="products", required=True)


def _unit(width: float = 9) -> Field:
    return Field(
        "unit", "Đơn vị tính", "Unit", Kind.TEXT, max_chars=30, listed=True, aliases=("dvt", "dv tinh"), width=width
    )


LOGBOOK_MATERIAL = Record(
    "logbook_materials",
    "Nguyên liệu nhập",
    "Raw material received",
    (
        _PRODUCER,
        _PRODUCT,
        Field(
            "received_on",
            "Ngày nhập",
            "Received on",
            Kind.DATE,
            required=True,
            listed=True,
            aliases=("ngay", "ngay nhap kho", "ngay nhan"),
            width=12,
        ),
        Field(
            "material",
            "Nguyên liệu",
            "Raw material",
            Kind.TEXT,
            max_chars=200,
            required=True,
            listed=True,
            aliases=("ten nguyen lieu", "loai nguyen lieu", "vat tu"),
            width=20,
        ),
        Field(
            "quantity",
            "Số lượng",
            "Quantity",
            Kind.DECIMAL,
            bounds=QUANTITY,
            required=True,
            listed=True,
            aliases=("sl", "khoi luong", "so luong nhap"),
            width=10,
        ),
        _unit(),
        Field(
            "source",
            "Nhà cung cấp hoặc vùng nguyên liệu",
            "Supplier or own growing area",
            Kind.TEXT,
            max_chars=300,
            listed=True,
            aliases=("nha cung cap", "vung nguyen lieu", "nguon", "nguon nguyen lieu", "nguoi cung cap", "ben ban"),
            width=24,
        ),
        Field(
            "origin",
            "Xuất xứ",
            "Origin",
            Kind.TEXT,
            max_chars=300,
            listed=True,
            aliases=("nguon goc", "noi san xuat", "dia chi vung nguyen lieu"),
            width=18,
        ),
        Field(
            "lot_code",
            "Mã lô nguyên liệu",
            "Raw material lot",
            Kind.TEXT,
            max_chars=CODE_CHARS,
            required=True,
            listed=True,
            aliases=("ma lo", "so lo", "lo nguyen lieu", "lo"),
            width=14,
        ),
    ),
    named_by="lot_code",
    views={
        TERMINAL: ("id", "received_on", "lot_code", "material", "quantity", "unit", "source", "origin"),
    },
)

LOGBOOK_BATCH = Record(
    "logbook_batches",
    "Mẻ sản xuất",
    "Production batch",
    (
        _PRODUCER,
        _PRODUCT,
        Field(
            "made_on",
            "Ngày sản xuất",
            "Made on",
            Kind.DATE,
            required=True,
            listed=True,
            aliases=("ngay", "ngay sx", "ngay che bien"),
            width=12,
        ),
        Field(
            "batch_code",
            "Mã mẻ sản xuất",
            "Batch code",
            Kind.TEXT,
            max_chars=CODE_CHARS,
            required=True,
            listed=True,
            aliases=("ma me", "ma lo san pham", "lo san pham", "so lo san pham", "me", "ma lo san xuat"),
            width=14,
        ),
        Field(
            "quantity",
            "Số lượng sản phẩm",
            "Product quantity",
            Kind.DECIMAL,
            bounds=QUANTITY,
            required=True,
            listed=True,
            aliases=("so luong", "sl", "san luong", "san luong cua me"),
            width=10,
        ),
        _unit(),
        Field("notes", "Ghi chú", "Notes", Kind.NOTE, listed=True, width=18),
    ),
    named_by="batch_code",
    computed=(Field("lots", "Mã lô nguyên liệu đã dùng", "Raw material lots used", Kind.TEXT, width=24),),
    views={TERMINAL: ("id", "made_on", "batch_code", "quantity", "unit", "lots", "notes")},
)

# Which raw-material lots went into a batch: what `ocop trace BATCH` follows.
LOGBOOK_BATCH_MATERIAL = Record(
    "logbook_batch_materials",
    "Nguyên liệu của mẻ",
    "Raw material of a batch",
    (
        Field("batch_id", "Mẻ sản xuất", "Production batch", Kind.REF, ref="logbook_batches", required=True),
        Field("material_id", "Lô nguyên liệu", "Raw material lot", Kind.REF, ref="logbook_materials", required=True),
    ),
)

LOGBOOK_SALE = Record(
    "logbook_sales",
    "Bán hàng",
    "Sale",
    (
        _PRODUCER,
        _PRODUCT,
        Field(
            "sold_on",
            "Ngày bán",
            "Sold on",
            Kind.DATE,
            required=True,
            listed=True,
            aliases=("ngay", "ngay xuat", "ngay giao hang"),
            width=12,
        ),
        Field(
            "buyer",
            "Kênh bán hoặc người mua",
            "Channel or buyer",
            Kind.TEXT,
            max_chars=300,
            required=True,
            listed=True,
            aliases=("kenh ban", "nguoi mua", "khach hang", "ben mua", "kenh tieu thu", "noi ban"),
            width=24,
        ),
        Field(
            "quantity",
            "Số lượng bán",
            "Quantity sold",
            Kind.DECIMAL,
            bounds=QUANTITY,
            required=True,
            listed=True,
            aliases=("so luong", "sl", "luong ban"),
            width=10,
        ),
        _unit(),
        Field(
            "unit_price_vnd",
            "Đơn giá (đ)",
            "Unit price (VND)",
            Kind.MONEY,
            bounds=QUANTITY,
            listed=True,
            header="Đơn giá (đồng)",
            aliases=("don gia", "gia", "gia ban"),
            width=13,
        ),
    ),
    named_by="buyer",
    views={TERMINAL: ("id", "sold_on", "buyer", "quantity", "unit", "unit_price_vnd")},
)

# The batch sheet's column naming the lots a batch used (the link table, written as codes).
LOTS_USED = Field(
    "lots",
    "Mã lô nguyên liệu đã dùng",
    "Raw material lots used",
    Kind.TEXT,
    aliases=("lo nguyen lieu da dung", "nguyen lieu da dung", "ma lo nguyen lieu", "lo nguyen lieu"),
    width=24,
)
STT = Field("stt", "STT", "No.", Kind.INTEGER, aliases=("tt", "so tt", "so thu tu"), width=6)

# The template's sheets, in the producer's order: (sheet title, record, columns after STT).
SHEETS: tuple[tuple[str, Record, tuple[Field, ...]], ...] = (
    ("Nhập nguyên liệu", LOGBOOK_MATERIAL, LOGBOOK_MATERIAL.listed),
    ("Mẻ sản xuất", LOGBOOK_BATCH, (*LOGBOOK_BATCH.listed[:4], LOTS_USED, *LOGBOOK_BATCH.listed[4:])),
    ("Bán hàng", LOGBOOK_SALE, LOGBOOK_SALE.listed),
)
LOGBOOK_RECORDS = (LOGBOOK_MATERIAL, LOGBOOK_BATCH, LOGBOOK_BATCH_MATERIAL, LOGBOOK_SALE)
