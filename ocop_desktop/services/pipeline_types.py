"""What the pipeline and dossier services hand out and take in: plain DTOs, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class PipelineRow:
    """One product on the board: where it stands and what its dossier still lacks."""

    product_id: str
    product: str
    producer: str
    unit_id: str | None
    unit: str
    stage: str
    stage_label: str
    candidacy_id: str | None
    rule_set_code: str
    round_year: int | None
    round_no: int | None
    round: str  # «1/2026»
    registered_on: date | None
    dossier_due_on: date | None
    evaluation_id: str | None
    missing_count: int
    missing: str  # the names of the required documents not yet «Đạt», joined by «; »
    updated_at: datetime | None  # the candidacy's version, None when the product was never moved
    reevaluation_from: date | None = None  # a certified product: when its re-evaluation window opens


@dataclass(frozen=True)
class Board:
    """The board: its rows (after every filter; with a limit, the first of them), counts per stage and per unit."""

    rows: list[PipelineRow]
    by_stage: dict[str, int]  # stage code -> products (filtered by unit and search, not by stage)
    by_unit: dict[str, int]  # unit name -> products (filtered by stage and search, not by unit), in Vietnamese order
    units: list[tuple[str, str]] = field(default_factory=list)  # (unit id, name) of every product's unit
    total: int | None = None  # rows after every filter, before the limit (None: rows is all of them)
    unit_count: int | None = None  # units counted in by_unit before its cut («(no unit)» one of them)
    units_listed: int | None = None  # units in by_unit (None: one a line)

    @property
    def cut(self) -> bool:
        """Whether only the first of the matching rows were built."""
        return self.total is not None and self.total > len(self.rows)


@dataclass(frozen=True)
class MoveInput:
    """What moving to «Đăng ký» needs (the round), and optionally the evaluation to link."""

    registered_on: date | None = None
    round_year: int | None = None
    round_no: int | None = None
    dossier_due_on: date | None = None
    evaluation_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class DossierRow:
    """One document of a product's dossier for its current round, as the rule set lists it."""

    item_code: str
    name: str
    required: bool
    confirmed: bool
    status: str
    status_label: str
    checked_on: date | None
    checked_by: str
    file_path: str
    note: str
    source_note: str
    version: datetime | None = None  # when the stored document was last saved; None before the first


@dataclass(frozen=True)
class Dossier:
    """A product's dossier for one round: the product, the round and its documents."""

    product_id: str
    product: str
    producer: str
    unit: str
    candidacy_id: str
    stage: str
    rule_set_code: str
    round: str
    dossier_due_on: date | None
    source: str
    items: list[DossierRow]

    @property
    def missing(self) -> list[DossierRow]:
        return [i for i in self.items if i.required and i.status != "dat"]


@dataclass(frozen=True)
class DossierItemInput:
    """One document's state as the officer records it."""

    status: str
    checked_on: date | None = None
    checked_by: str = ""
    file_path: str = ""
    note: str = ""
    # DossierRow.version as the form showed it: if the document was saved since, nothing is
    # written and the refusal names who saved it. None: not checked (nothing stored was shown).
    version: datetime | None = None
