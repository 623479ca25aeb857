"""Evaluations of a product on a rule set's scorecard, with each council member's scores."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.persistence.models.base import Base, RecordMixin, version_column
from ocop_desktop.persistence.models.reference import RuleSetRow, Scorecard


class Evaluation(RecordMixin, Base):
    __tablename__ = "evaluations"
    __audited__ = True

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    rule_set_id: Mapped[str] = mapped_column(ForeignKey("rule_sets.id"))
    scorecard_id: Mapped[str | None] = mapped_column(ForeignKey("scorecards.id"))
    evaluated_on: Mapped[date] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(20))
    scores: Mapped[dict[str, Any]] = mapped_column(default=dict)  # criterion code -> averaged points
    total: Mapped[float | None] = mapped_column(Float)
    stars: Mapped[int | None] = mapped_column(Integer)
    knockout: Mapped[str | None] = mapped_column(Text)
    certified: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()  # migration 0022
    __mapper_args__ = {"version_id_col": version}

    rule_set: Mapped[RuleSetRow] = relationship(lazy="joined")
    scorecard: Mapped[Scorecard | None] = relationship()
    members: Mapped[list[EvaluationMember]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan", order_by="EvaluationMember.position"
    )


class EvaluationMember(RecordMixin, Base):
    __tablename__ = "evaluation_members"
    __audited__ = True

    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluations.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    member_name: Mapped[str] = mapped_column(String(200))
    scores: Mapped[dict[str, Any]] = mapped_column(default=dict)
    total: Mapped[float | None] = mapped_column(Float)

    evaluation: Mapped[Evaluation] = relationship(back_populates="members")
