"""A survey row's typed figures beside its product's logbook: the offer, and the checks before it is taken."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ocop_desktop.domain import formatting
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.persistence.models import SurveyEntry

if TYPE_CHECKING:
    from ocop_desktop.services.logbooks import LogbookTotals

# The survey row's fields a logbook's year gives (domain/schema/survey.py): what is offered.
OFFERED = ("output_quantity", "unit_of_measure", "quantity_sold", "price_vnd")


@dataclass(frozen=True)
class SurveyOffer:
    """A survey row's typed values beside what its product's logbook gives, for the officer to accept or not."""

    entry_id: str
    version: datetime | None  # the row's updated_at when read: accept() refuses if it changed since
    product_name: str
    campaign_year: int
    totals: LogbookTotals
    current: dict[str, Any]
    offered: dict[str, Any]

    @property
    def changed(self) -> tuple[str, ...]:
        """The fields whose offered value differs from what the row holds."""
        return tuple(k for k in OFFERED if k in self.offered and self.offered[k] != self.current.get(k))


def _entry_label(entry: SurveyEntry) -> Text:
    label = SURVEY_ENTRY.label
    return Text(f"{label} «{entry.product_name}»", f"{SURVEY_ENTRY.label_en} «{entry.product_name}»")


def _same_unit(offer: SurveyOffer, keys: Collection[str]) -> None:
    """Refuse to take the logbook's quantities or price into a row counting in another unit unless
    its unit is taken too: «40» kg written beside the row's «tấn» would read as 40 tonnes."""
    unit = offer.offered.get("unit_of_measure")
    typed = offer.current.get("unit_of_measure") or ""
    counted = [k for k in ("output_quantity", "quantity_sold", "price_vnd") if k in keys]
    if not unit or not counted or "unit_of_measure" in keys or fold(typed) == fold(unit):
        return
    labels = ", ".join(f"«{SURVEY_ENTRY.field(k).label}»" for k in counted)
    labels_en = ", ".join(f"«{SURVEY_ENTRY.field(k).label_en}»" for k in counted)
    shown = SURVEY_ENTRY.field("unit_of_measure")
    raise ValidationError(
        [
            FieldError(
                "unit_of_measure",
                Text(
                    f"Sổ nhật ký tính theo «{unit}», dòng rà soát theo «{typed or '(trống)'}»: lấy {labels} thì phải "
                    f"lấy cả «{shown.label}»; chưa thay gì.",
                    f"The logbook counts in «{unit}», the survey row in «{typed or '(empty)'}»: taking {labels_en} "
                    f"needs «{shown.label_en}» taken too; nothing was changed.",
                ),
            )
        ],
        record=Text(f"{SURVEY_ENTRY.label} «{offer.product_name}»", f"{SURVEY_ENTRY.label_en} «{offer.product_name}»"),
    )


def offer_lines(offer: SurveyOffer) -> list[tuple[str, str, str]]:
    """(label, typed, from the logbook) of each offered field, formatted as the survey shows them."""
    out = []
    for k in OFFERED:
        f = SURVEY_ENTRY.field(k)
        out.append(
            (
                f.label,
                formatting.field_value(k, offer.current.get(k), "survey_entries"),
                formatting.field_value(k, offer.offered.get(k), "survey_entries"),
            )
        )
    return out
