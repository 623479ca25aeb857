"""Activities with producers (support, training, communication, fairs) and who took part in them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.persistence.models.base import Base, RecordMixin, version_column
from ocop_desktop.persistence.models.reference import Place
from ocop_desktop.persistence.models.registry import Producer, Product


class Activity(RecordMixin, Base):
    """One activity of an office with producers; the fields each kind uses are in domain/schema/activities.py."""

    __tablename__ = "activities"
    __folded__ = {"title_folded": "title"}
    __audited__ = True

    kind: Mapped[str] = mapped_column(String(30), index=True)
    title: Mapped[str] = mapped_column(String(500))
    title_folded: Mapped[str] = mapped_column(String(500), index=True, default="")
    held_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    organiser: Mapped[str] = mapped_column(String(300), default="")
    in_province: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    supported: Mapped[str] = mapped_column(Text, default="")
    cost: Mapped[int | None] = mapped_column(BigInteger)
    funding: Mapped[str] = mapped_column(String(300), default="")
    channel: Mapped[str] = mapped_column(String(300), default="")
    audience: Mapped[str] = mapped_column(String(300), default="")
    reach: Mapped[int | None] = mapped_column(Integer)
    participants: Mapped[int | None] = mapped_column(Integer)
    sales: Mapped[int | None] = mapped_column(BigInteger)
    contracts: Mapped[int | None] = mapped_column(Integer)
    contract_value: Mapped[int | None] = mapped_column(BigInteger)
    result: Mapped[str] = mapped_column(Text, default="")
    # The letter's task this activity carries out (its progress): the task shows it.
    task_id: Mapped[str | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    version: Mapped[int] = version_column()  # migration 0022
    __mapper_args__ = {"version_id_col": version}

    unit: Mapped[Place | None] = relationship(lazy="joined")
    producer_links: Mapped[list[ActivityProducer]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )
    product_links: Mapped[list[ActivityProduct]] = relationship(back_populates="activity", cascade="all, delete-orphan")


# Link rows carry their own ids so a producer or product added to or taken off an activity travels
# in packages as a row (and a tombstone); the service keeps one link per pair.
class ActivityProducer(RecordMixin, Base):
    __tablename__ = "activity_producers"
    __audited__ = True

    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"), index=True)
    producer_id: Mapped[str] = mapped_column(ForeignKey("producers.id"), index=True)

    activity: Mapped[Activity] = relationship(back_populates="producer_links")
    producer: Mapped[Producer] = relationship(lazy="joined")


class ActivityProduct(RecordMixin, Base):
    __tablename__ = "activity_products"
    __audited__ = True

    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    product_sales: Mapped[int | None] = mapped_column(BigInteger)

    activity: Mapped[Activity] = relationship(back_populates="product_links")
    product: Mapped[Product] = relationship(lazy="joined")
