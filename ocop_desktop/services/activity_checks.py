"""What an activity is checked for before it is written: its kind, title, dates, the fields its kind uses, participants."""

from __future__ import annotations

from datetime import date
from typing import Any

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.schema import ACTIVITY, ENGLISH
from ocop_desktop.domain.schema.activities import KIND_FIELDS, ActivityKind
from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError
from ocop_desktop.services.activity_types import ActivityInput

# Fields only some kinds use; the others must leave them empty (a typed value is never dropped quietly).
_KIND_ONLY = sorted({k for keys in KIND_FIELDS.values() for k in keys} - {"in_province"})
_TEXTS = ("title", "place", "organiser", "supported", "funding", "channel", "audience", "result")


def _label(key: str) -> Text:
    f = ACTIVITY.field(key)
    return Text(f.label, f.label_in(ENGLISH))


def kind_of(code: str) -> ActivityKind | None:
    """The kind a code or a label («hoi_cho», «Hội chợ, hội nghị xúc tiến thương mại») names."""
    try:
        return ActivityKind.from_label_or_code((code or "").strip())  # type: ignore[return-value]
    except ValueError:
        return None


def cleaned(data: ActivityInput) -> dict[str, Any]:
    """The input's texts in NFC without outer spaces; numbers, dates and ids as given."""
    values: dict[str, Any] = {f.stored: getattr(data, f.stored) for f in ACTIVITY.fields}
    for key in _TEXTS:
        values[key] = clean(values[key]) or ""
    return values


def activity_errors(kind: ActivityKind | None, values: dict[str, Any], typed_kind: str) -> list[FieldError]:
    """Why the activity ``values`` cannot be kept, each naming its field by its label."""
    errors: list[FieldError] = []
    if kind is None:
        allowed = "; ".join(k.label for k in ActivityKind)
        allowed_en = "; ".join(k.label_en for k in ActivityKind)
        errors.append(
            FieldError(
                "kind",
                Text(
                    f"«{_label('kind')}» «{typed_kind}» không có; hãy chọn: {allowed}.",
                    f"«{_label('kind').en}» «{typed_kind}» does not exist; choose: {allowed_en}.",
                ),
            )
        )
    if not values["title"]:
        errors.append(
            FieldError(
                "title",
                Text(
                    f"Chưa nhập «{_label('title')}», ví dụ «Hội chợ OCOP tỉnh Điện Biên 2024».",
                    f"«{_label('title').en}» is missing, for example «Hội chợ OCOP tỉnh Điện Biên 2024».",
                ),
            )
        )
    start, end = values["held_on"], values["ends_on"]
    if start is None:
        errors.append(
            FieldError(
                "held_on",
                Text(
                    f"Chưa nhập «{_label('held_on')}»; hãy nhập theo dạng 05/07/2024.",
                    f"«{_label('held_on').en}» is missing; type it as 05/07/2024.",
                ),
            )
        )
    elif isinstance(end, date) and end < start:
        errors.append(
            FieldError(
                "ends_on",
                Text(
                    f"«{_label('ends_on')}» {format_vn_date(end)} trước «{_label('held_on')}» {format_vn_date(start)}; "
                    "hãy kiểm tra lại ngày.",
                    f"«{_label('ends_on').en}» {format_vn_date(end)} is before «{_label('held_on').en}» "
                    f"{format_vn_date(start)}; please check the dates.",
                ),
            )
        )
    if kind is not None:
        used = KIND_FIELDS[kind.value]
        for key in _KIND_ONLY:
            if key not in used and values[key] not in (None, ""):
                errors.append(
                    FieldError(
                        key,
                        Text(
                            f"«{_label(key)}» không dùng cho hoạt động «{kind.label}»; hãy để trống "
                            "hoặc chọn đúng loại hoạt động.",
                            f"«{_label(key).en}» is not used for a «{kind.label_en}» activity; leave it empty "
                            "or choose the right kind.",
                        ),
                    )
                )
    return errors


def participant_errors(missing_producers: list[str], missing_products: list[str]) -> list[FieldError]:
    errors = []
    for key, missing in (("producers", missing_producers), ("products", missing_products)):
        if missing:
            f = ACTIVITY.column(key)
            errors.append(
                FieldError(
                    key,
                    Text(
                        f"«{f.label}»: {len(missing)} mục đã chọn không còn trong sổ (có thể đã bị xóa ở nơi khác); "
                        "hãy chọn lại.",
                        f"«{f.label_en}»: {len(missing)} chosen entries are no longer in the register (perhaps "
                        "deleted elsewhere); choose again.",
                    ),
                )
            )
    return errors


def record_name(title: str) -> Text:
    return Text(f"Hoạt động «{title or '(chưa có tên)'}»", f"Activity «{title or '(no title yet)'}»")


def day_text(start: date, end: date | None) -> str:
    """«05/07/2024» or «05/07/2024 – 08/07/2024»."""
    if end is None or end == start:
        return format_vn_date(start)
    return f"{format_vn_date(start)} – {format_vn_date(end)}"
