"""The candidate pipeline: a product's registration for an evaluation round, and its dossier items."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.persistence.models.base import Base, RecordMixin, version_column
from ocop_desktop.persistence.models.evaluations import Evaluation
from ocop_desktop.persistence.models.registry import Product


class Candidacy(RecordMixin, Base):
    """One product in one evaluation round: its stage, registration, dossier deadline and evaluation."""

    __tablename__ = "candidacies"
    __audited__ = True
    __table_args__ = (Index("ix_candidacies_product_round", "product_id", "round_year", "round_no"),)

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    stage: Mapped[str] = mapped_column(String(30), index=True)
    rule_set_code: Mapped[str] = mapped_column(String(30), default="")
    round_year: Mapped[int | None] = mapped_column(Integer)
    round_no: Mapped[int | None] = mapped_column(Integer)
    registered_on: Mapped[date | None] = mapped_column(Date)
    dossier_due_on: Mapped[date | None] = mapped_column(Date)
    evaluation_id: Mapped[str | None] = mapped_column(ForeignKey("evaluations.id"))
    stage_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()  # migration 0022
    __mapper_args__ = {"version_id_col": version}

    product: Mapped[Product] = relationship(lazy="joined")
    evaluation: Mapped[Evaluation | None] = relationship()
    items: Mapped[list[DossierItem]] = relationship(back_populates="candidacy", cascade="all, delete-orphan")


class DossierItem(RecordMixin, Base):
    """One document of a candidacy's dossier: its state, when and by whom it was checked, its scan."""

    __tablename__ = "dossier_items"
    __audited__ = True
    __table_args__ = (UniqueConstraint("candidacy_id", "item_code"),)

    candidacy_id: Mapped[str] = mapped_column(ForeignKey("candidacies.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))
    checked_on: Mapped[date | None] = mapped_column(Date)
    checked_by: Mapped[str] = mapped_column(String(200), default="")
    file_path: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()  # migration 0022
    __mapper_args__ = {"version_id_col": version}

    candidacy: Mapped[Candidacy] = relationship(back_populates="items")
