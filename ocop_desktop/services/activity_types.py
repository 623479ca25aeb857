"""What the activity service takes and returns: an activity, its participants, the list's filter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ShownProduct:
    """A product that took part, with its sales at the activity (fairs), if typed."""

    id: str
    name: str
    sales: int | None = None


@dataclass(frozen=True)
class ActivityDTO:
    id: str
    kind: str
    kind_label: str
    title: str
    held_on: date
    ends_on: date | None
    place: str
    unit_id: str | None
    unit: str  # the organising unit's name
    organiser: str
    in_province: bool
    supported: str
    cost: int | None
    funding: str
    channel: str
    audience: str
    reach: int | None
    participants: int | None
    sales: int | None
    contracts: int | None
    contract_value: int | None
    result: str
    task_id: str | None
    task: str  # the linked task's title
    producer_list: tuple[tuple[str, str], ...] = ()  # (id, name)
    product_list: tuple[ShownProduct, ...] = ()
    dates: str = ""  # «05/07/2024» or «05/07/2024 – 08/07/2024»
    updated_at: datetime | None = None  # its version: a save based on an older one is refused

    @property
    def producers(self) -> str:
        return "; ".join(name for _id, name in self.producer_list)

    @property
    def products(self) -> str:
        return "; ".join(p.name for p in self.product_list)


@dataclass
class ActivityInput:
    kind: str = ""
    title: str = ""
    held_on: date | None = None
    ends_on: date | None = None
    place: str = ""
    unit_id: str | None = None
    organiser: str = ""
    in_province: bool = True
    supported: str = ""
    cost: int | None = None
    funding: str = ""
    channel: str = ""
    audience: str = ""
    reach: int | None = None
    participants: int | None = None
    sales: int | None = None
    contracts: int | None = None
    contract_value: int | None = None
    result: str = ""
    task_id: str | None = None
    producer_ids: list[str] = field(default_factory=list)
    # (product id, its sales at the activity or None)
    products: list[tuple[str, int | None]] = field(default_factory=list)


@dataclass(frozen=True)
class ActivityFilter:
    kind: str | None = None
    unit_id: str | None = None
    year: int | None = None
    search: str | None = None  # ignores diacritics and case
    product_id: str | None = None
    producer_id: str | None = None  # the producer's own links and those of its products
    task_id: str | None = None


@dataclass(frozen=True)
class Choices:
    """What the activity form offers: (id, name) of producers, products, units and tasks."""

    producers: tuple[tuple[str, str], ...]
    products: tuple[tuple[str, str], ...]
    units: tuple[tuple[str, str], ...]
    tasks: tuple[tuple[str, str], ...]
    years: tuple[int, ...] = ()
