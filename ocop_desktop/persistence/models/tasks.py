"""Directives (letters from above) and the tasks they assign, with progress notes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.persistence.models.base import Base, RecordMixin, version_column
from ocop_desktop.persistence.models.reference import Place


class Directive(RecordMixin, Base):
    __tablename__ = "directives"
    __audited__ = True

    number: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    issued_text: Mapped[str] = mapped_column(String(100), default="")
    issuer: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(Text)
    file_reference: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()  # migration 0022
    __mapper_args__ = {"version_id_col": version}

    tasks: Mapped[list[Task]] = relationship(back_populates="directive", order_by="Task.position")


class Task(RecordMixin, Base):
    __tablename__ = "tasks"
    __audited__ = True

    directive_id: Mapped[str | None] = mapped_column(ForeignKey("directives.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    assignee: Mapped[str] = mapped_column(String(300))
    assignee_place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(30), index=True)
    result_note: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    directive: Mapped[Directive | None] = relationship(back_populates="tasks", lazy="joined")
    assignee_place: Mapped[Place | None] = relationship()
    progress: Mapped[list[TaskProgress]] = relationship(
        back_populates="task", order_by="TaskProgress.noted_on", cascade="all, delete-orphan"
    )


class TaskProgress(RecordMixin, Base):
    __tablename__ = "task_progress"
    __audited__ = True

    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    noted_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")

    task: Mapped[Task] = relationship(back_populates="progress")
