"""`ocop products edit ID --set FIELD=VALUE …`: change a product from a terminal, guarded by the
version it loaded (issue 18 item 2). The product is read, what would change is shown, the user
confirms («Lưu thay đổi? [c/K]», or --yes), and the save names the version read: if someone saved
the product in between (another `ocop`, a window, on the same server or file) nothing is written
and the refusal names who changed it and when (exit 1)."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from decimal import InvalidOperation
from typing import Any

from ocop_desktop.commands.common import Refused, open_db
from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date, parse_vn_number
from ocop_desktop.domain.schema import PRODUCT, Field, Kind
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.services.products import ProductDTO, ProductInput, ProductService
from ocop_desktop.services.record_versions import OPENED_FORM

# The fields `--set` takes: the product's own values (producer, commune and set by their ids).
EDITABLE = (
    "name",
    "status",
    "stars",
    "score",
    "certificate_no",
    "certifying_decision",
    "certifying_body",
    "certified_on",
    "expires_on",
    "ean13",
    "notes",
    "producer_id",
    "commune_id",
    *(f.name for f in dataclasses.fields(ProductInput().label)),
)
YES = {"c", "co", "y", "yes"}


def _field(name: str) -> Field:
    """A field by its key (``stars``) or its Vietnamese label («Hạng sao», accents and case ignored)."""
    wanted = fold(name.strip())
    for key in EDITABLE:
        f = PRODUCT.field(key)
        if wanted in {fold(key), fold(f.label), fold(f.title)}:
            return f
    names = ", ".join(f"«{PRODUCT.field(k).label}» ({k})" for k in EDITABLE)
    raise Refused(f"Sản phẩm không có trường «{name}» để sửa. Các trường sửa được: {names}.")


def _value(f: Field, text: str) -> Any:
    text = text.strip()
    if f.kind == Kind.DATE:
        try:
            return parse_vn_date(text) if text else None
        except DateError as exc:
            raise Refused(f"«{f.label}»: {exc}") from None
    if f.kind in (Kind.STARS, Kind.INTEGER, Kind.SCORE):
        if not text:
            return None
        try:
            number = parse_vn_number(text)
        except (ValueError, InvalidOperation) as exc:
            raise Refused(f"«{f.label}»: {exc}") from None
        return float(number) if f.kind == Kind.SCORE else int(number)
    if f.key == "status":
        for status in ProductStatus:
            if fold(text) in {fold(status.value), fold(status.label)}:
                return status.value
        known = ", ".join(f"«{s.label}» ({s.value})" for s in ProductStatus)
        raise Refused(f"«{f.label}»: «{text}» không phải là trạng thái; một trong: {known}.")
    if f.key.endswith("_id"):
        return text or None
    return text


def input_of(p: ProductDTO) -> ProductInput:
    """The form's values of a stored product: saved unchanged, they change nothing."""
    return ProductInput(
        name=p.name,
        status=p.status,
        producer_id=p.producer_id,
        commune_id=p.commune_id,
        product_set_code=p.product_set_code or None,
        stars=p.stars,
        score=p.score,
        certificate_no=p.certificate_no,
        certifying_decision=p.certifying_decision,
        certifying_body=p.certifying_body,
        certified_on=p.certified_on,
        expires_on=p.expires_on,
        ean13=p.ean13,
        checklist=dict(p.checklist),
        notes=p.notes,
        group_code=None if p.product_set_code else (p.group_code or None),
        label=p.label,
    )


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, date):
        return format_vn_date(value)
    return str(value)


def _shown_as(f: Field, value: Any) -> str:
    if f.key == "status" and value:
        return ProductStatus(value).label  # «Đăng ký», not its code
    return _shown(value)


def _changed(data: ProductInput, sets: list[str]) -> list[tuple[Field, Any, Any]]:
    """Apply each FIELD=VALUE to ``data``; (field, old, new) of those that differ."""
    out = []
    for item in sets:
        name, sep, text = item.partition("=")
        if not sep:
            raise Refused(f'«--set {item}»: hãy ghi TRƯỜNG=GIÁ_TRỊ, ví dụ --set "Hạng sao=4".')
        f = _field(name)
        new = _value(f, text)
        on_label = f.key in {x.name for x in dataclasses.fields(data.label)}
        old = getattr(data.label, f.key) if on_label else getattr(data, f.key)
        if on_label:
            data.label = dataclasses.replace(data.label, **{f.key: new if new is not None else ""})
        else:
            setattr(data, f.key, new)
        if old != new and not (old in (None, "") and new in (None, "")):
            out.append((f, old, new))
    return out


def _confirmed() -> bool:
    print("Lưu thay đổi? [c/K] ", end="", flush=True)
    answer = sys.stdin.readline()
    return fold(answer.strip()) in YES


def cmd_products_edit(args) -> int:
    db, make_uow = open_db(args, write=False)  # no writer lock while the user reads the changes
    try:
        loaded = ProductService(make_uow).get(args.product)
    finally:
        db.close()
    data = input_of(loaded)
    changes = _changed(data, args.set or [])
    if not changes:
        print(f"Sản phẩm «{loaded.name}»: không có gì thay đổi.")
        return 0
    print(f"Sản phẩm «{loaded.name}» (mã {loaded.id}):")
    for f, old, new in changes:
        print(f"  {f.label}: {_shown_as(f, old)} → {_shown_as(f, new)}")
    if not args.yes and not _confirmed():
        print("Chưa lưu gì.")
        return 1
    db, make_uow = open_db(args)
    try:
        saved = ProductService(make_uow).update(loaded.id, data, expected_version=loaded.version)
    except StaleDataError as exc:  # saved by someone since this command read it: said in a terminal's words
        changed = str(exc.changes[0]).replace(OPENED_FORM, "sau khi lệnh này đọc nó").rstrip(".")
        raise Refused(f"{changed}. Chưa lưu gì; hãy chạy lại lệnh để sửa trên bản mới nhất.") from None
    finally:
        db.close()
    print(f"Đã lưu sản phẩm «{saved.name}».")
    return 0


def register_product_actions(group, command) -> None:
    """Add `ocop products edit` beside `ocop products list`."""
    p = command("edit", "sửa một sản phẩm", cmd_products_edit, parent=group)
    p.add_argument("product", metavar="MÃ", help="mã sản phẩm (xem: ocop products list)")
    p.add_argument(
        "--set",
        action="append",
        metavar="TRƯỜNG=GIÁ_TRỊ",
        help="giá trị mới của một trường, theo tên trường tiếng Việt hoặc mã của nó, ví dụ "
        '--set "Hạng sao=4" --set notes=…; để trống sau dấu = để xóa (lặp lại cho mỗi trường)',
    )
    p.add_argument("--yes", action="store_true", help="lưu ngay, không hỏi lại")
