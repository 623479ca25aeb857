"""Activities with producers: support visits, training, communication, trade fairs; who took part; a product's,
a producer's and a task's history of them (issue 17, item 3).

The DTOs and inputs live in services/activity_types.py, the checks in services/activity_checks.py.
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import Select, extract, or_, select
from sqlalchemy.orm import Session, object_session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema.activities import ActivityKind
from ocop_desktop.domain.text import fold, like_pattern, vn_sort_key
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.models import (
    Activity,
    ActivityProducer,
    ActivityProduct,
    Place,
    Producer,
    Product,
    Task,
)
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.activity_checks import (
    activity_errors,
    cleaned,
    day_text,
    kind_of,
    participant_errors,
    record_name,
)
from ocop_desktop.services.activity_types import ActivityDTO, ActivityFilter, ActivityInput, Choices, ShownProduct
from ocop_desktop.services.record_versions import commit_or_refuse, stale_record
from ocop_desktop.services.report_scope import office_unit_id, scope_choices
from ocop_desktop.services.task_types import ProgressDTO

__all__ = [
    "ActivityDTO",
    "ActivityFilter",
    "ActivityInput",
    "ActivityService",
    "Choices",
    "ShownProduct",
    "with_activities",
]


def _not_found(activity_id: str) -> NotFoundError:
    return NotFoundError(
        Text(
            f"Không tìm thấy hoạt động có mã {activity_id}; hãy tải lại danh sách.",
            f"No activity has the id {activity_id}; please reload the list.",
        )
    )


def _stale(activity: Activity) -> StaleDataError:
    """The refusal of a save over an activity changed since its form was opened, naming who changed it."""
    session = object_session(activity)
    assert session is not None  # loaded in a unit of work
    what = Text(f"Hoạt động «{activity.title}»", f"Activity «{activity.title}»")
    since = Text("sau khi bạn mở nó", "after you opened it")
    advice = Text(
        "Chưa lưu gì; hãy ghi lại những gì bạn vừa sửa, bấm «Làm mới» (F5) rồi mở lại hoạt động để sửa trên bản mới nhất.",
        "Nothing was saved; note down what you have just changed, press «Refresh» (F5) and open the activity "
        "again to edit its latest version.",
    )
    return stale_record(session, "activities", activity.id, what, activity.updated_at, advice=advice, since=since)


def activity_dtos(session: Session, rows: list[Activity]) -> list[ActivityDTO]:
    """The DTOs of ``rows`` with their participants, read in three queries whatever their number."""
    ids = [a.id for a in rows]
    producers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    products: dict[str, list[ShownProduct]] = defaultdict(list)
    tasks: dict[str, str] = {}
    if ids:
        for activity_id, pid, name in session.execute(
            select(ActivityProducer.activity_id, Producer.id, Producer.name)
            .join(Producer, Producer.id == ActivityProducer.producer_id)
            .where(ActivityProducer.activity_id.in_(ids))
            .order_by(Producer.name_sort)
        ):
            producers[activity_id].append((pid, name))
        for activity_id, pid, name, sales in session.execute(
            select(ActivityProduct.activity_id, Product.id, Product.name, ActivityProduct.product_sales)
            .join(Product, Product.id == ActivityProduct.product_id)
            .where(ActivityProduct.activity_id.in_(ids))
            .order_by(Product.name_sort)
        ):
            products[activity_id].append(ShownProduct(pid, name, sales))
        task_ids = {a.task_id for a in rows if a.task_id}
        if task_ids:
            tasks = {i: t for i, t in session.execute(select(Task.id, Task.title).where(Task.id.in_(task_ids)))}
    out = []
    for a in rows:
        try:
            kind_label = ActivityKind(a.kind).label
        except ValueError:
            kind_label = a.kind
        out.append(
            ActivityDTO(
                id=a.id,
                kind=a.kind,
                kind_label=kind_label,
                title=a.title,
                held_on=a.held_on,
                ends_on=a.ends_on,
                place=a.place or "",
                unit_id=a.unit_id,
                unit=a.unit.name if a.unit is not None else "",
                organiser=a.organiser or "",
                in_province=bool(a.in_province),
                supported=a.supported or "",
                cost=a.cost,
                funding=a.funding or "",
                channel=a.channel or "",
                audience=a.audience or "",
                reach=a.reach,
                participants=a.participants,
                sales=a.sales,
                contracts=a.contracts,
                contract_value=a.contract_value,
                result=a.result or "",
                task_id=a.task_id,
                task=tasks.get(a.task_id or "", ""),
                producer_list=tuple(producers[a.id]),
                product_list=tuple(products[a.id]),
                dates=day_text(a.held_on, a.ends_on),
                updated_at=a.updated_at,
            )
        )
    return out


def with_activities(notes: list[ProgressDTO], activities: list[ActivityDTO]) -> list[ProgressDTO]:
    """A task's progress: its notes and the activities that carry it out (each as a note on its day,
    «Hội chợ, hội nghị xúc tiến thương mại: Hội chợ OCOP 2024 — kết quả»), newest first."""
    done = [
        ProgressDTO(
            a.id,
            a.task_id or "",
            a.held_on,
            f"{a.kind_label}: {a.title}" + (f" — {a.result}" if a.result else ""),
            a.unit or a.organiser,
        )
        for a in activities
    ]
    return sorted([*notes, *done], key=lambda p: p.noted_on, reverse=True)


def filtered(flt: ActivityFilter) -> Select[Activity]:
    """The SELECT of the activities ``flt`` asks for, newest first."""
    query = select(Activity)
    if flt.kind:
        query = query.where(Activity.kind == flt.kind)
    if flt.unit_id:
        query = query.where(Activity.unit_id == flt.unit_id)
    if flt.year:
        query = query.where(extract("year", Activity.held_on) == flt.year)
    if flt.task_id:
        query = query.where(Activity.task_id == flt.task_id)
    if flt.search and fold(flt.search):
        query = query.where(Activity.title_folded.like(like_pattern(fold(flt.search)), escape="\\"))
    if flt.product_id:
        query = query.where(
            Activity.id.in_(select(ActivityProduct.activity_id).where(ActivityProduct.product_id == flt.product_id))
        )
    if flt.producer_id:
        own = select(ActivityProducer.activity_id).where(ActivityProducer.producer_id == flt.producer_id)
        theirs = (
            select(ActivityProduct.activity_id)
            .join(Product, Product.id == ActivityProduct.product_id)
            .where(Product.producer_id == flt.producer_id)
        )
        query = query.where(or_(Activity.id.in_(own), Activity.id.in_(theirs)))
    return query.order_by(Activity.held_on.desc(), Activity.created_at.desc(), Activity.id)


class ActivityService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def query(self, flt: ActivityFilter | None = None) -> builtins.list[ActivityDTO]:
        """Activities matching ``flt``, the newest first."""
        with self._uow() as uow:
            rows = list(uow.session.scalars(filtered(flt or ActivityFilter())).unique())
            return activity_dtos(uow.session, rows)

    def get(self, activity_id: str) -> ActivityDTO:
        with self._uow() as uow:
            row = uow.session.get(Activity, activity_id) if activity_id else None
            if row is None:
                raise _not_found(activity_id)
            return activity_dtos(uow.session, [row])[0]

    def product_history(self, product_id: str) -> builtins.list[ActivityDTO]:
        """The activities a product took part in (fairs it was shown at, support it had), newest first."""
        return self.query(ActivityFilter(product_id=product_id))

    def producer_history(self, producer_id: str) -> builtins.list[ActivityDTO]:
        """The activities a producer took part in, itself or through one of its products."""
        return self.query(ActivityFilter(producer_id=producer_id))

    def for_task(self, task_id: str) -> builtins.list[ActivityDTO]:
        """The activities that carry out the task: its progress."""
        return self.query(ActivityFilter(task_id=task_id))

    def choices(self, pickers: bool = True) -> Choices:
        """Producers, products (not archived), units and tasks the form offers, in Vietnamese order.
        ``pickers`` False: the units and years only, what the list's filters offer (the form's
        producers and products, 28,000 names at national scale, are read when a form opens)."""
        with self._uow() as uow:
            s = uow.session
            producers: tuple[tuple[str, str], ...] = ()
            products: tuple[tuple[str, str], ...] = ()
            if pickers:
                producers = tuple(
                    (i, n)
                    for i, n in s.execute(
                        select(Producer.id, Producer.name)
                        .where(Producer.archived_at.is_(None))
                        .order_by(Producer.name_sort, Producer.id)
                    )
                )
                products = tuple(
                    (i, n)
                    for i, n in s.execute(
                        select(Product.id, Product.name)
                        .where(Product.archived_at.is_(None))
                        .order_by(Product.name_sort, Product.id)
                    )
                )
            # The units already named, then this office's own unit, then the communes of its province.
            used_units = select(Activity.unit_id).where(Activity.unit_id.is_not(None)).distinct()
            used = sorted(
                ((i, n) for i, n in s.execute(select(Place.id, Place.name).where(Place.id.in_(used_units)))),
                key=lambda u: vn_sort_key(u[1]),
            )
            office = s.get(Place, office_unit_id(s) or "")
            own_row = [(office.id, office.name)] if office is not None else []
            units = list(dict.fromkeys([*own_row, *used, *scope_choices(s, date.today())]))
            tasks: tuple[tuple[str, str], ...] = ()
            if pickers:
                tasks = tuple(
                    (i, t) for i, t in s.execute(select(Task.id, Task.title).order_by(Task.created_at, Task.id))
                )
            years = sorted(
                {int(y) for y in s.scalars(select(extract("year", Activity.held_on)).distinct()) if y},
                reverse=True,
            )
        return Choices(producers, products, tuple(units), tasks, tuple(years))

    def create(self, data: ActivityInput) -> ActivityDTO:
        with self._uow(action="create") as uow:
            activity = Activity()
            self._apply(uow.session, activity, data)
            uow.session.add(activity)
            uow.commit()
            activity_id = activity.id
        return self.get(activity_id)

    def update(self, activity_id: str, data: ActivityInput, expected_updated_at: datetime | None = None) -> ActivityDTO:
        """Save the form over the activity; if it changed since the form was opened (another tab,
        a package), nothing is written."""
        with self._uow() as uow:
            activity = self._stored(uow, activity_id)
            if expected_updated_at is not None and activity.updated_at != expected_updated_at:
                raise _stale(activity)
            self._apply(uow.session, activity, data)
            commit_or_refuse(uow, lambda: _stale(self._stored(uow, activity_id)))
        return self.get(activity_id)

    @staticmethod
    def _stored(uow: UnitOfWork, activity_id: str) -> Activity:
        activity = uow.session.get(Activity, activity_id) if activity_id else None
        if activity is None:
            raise _not_found(activity_id)
        return activity

    def delete(self, activity_id: str, expected_updated_at: datetime | None = None) -> None:
        """Delete the activity; refused by name, deleting nothing, if it changed since the list
        showed it (``expected_updated_at``): the person would delete what they have not seen."""
        with self._uow(action="delete") as uow:
            activity = self._stored(uow, activity_id)
            if expected_updated_at is not None and activity.updated_at != expected_updated_at:
                raise _stale(activity)
            uow.session.delete(activity)  # its links go with it (cascade), each audited
            commit_or_refuse(uow, lambda: _stale(self._stored(uow, activity_id)))

    # -- writing ------------------------------------------------------------------------------------
    @staticmethod
    def _apply(s: Session, activity: Activity, data: ActivityInput) -> None:
        values = cleaned(data)
        kind = kind_of(data.kind)
        errors = activity_errors(kind, values, data.kind)
        producer_ids = list(dict.fromkeys(p for p in data.producer_ids if p))
        sales = {pid: amount for pid, amount in data.products if pid}
        found_producers = (
            set(s.scalars(select(Producer.id).where(Producer.id.in_(producer_ids)))) if producer_ids else set()
        )
        found_products = set(s.scalars(select(Product.id).where(Product.id.in_(list(sales))))) if sales else set()
        errors += participant_errors(
            [p for p in producer_ids if p not in found_producers], [p for p in sales if p not in found_products]
        )
        if values["task_id"] and s.get(Task, values["task_id"]) is None:
            errors.append(
                FieldError(
                    "task_id",
                    Text(
                        "«Nhiệm vụ» đã chọn không còn trong danh sách; hãy chọn lại.",
                        "The chosen «Task» is no longer in the list; choose again.",
                    ),
                )
            )
        if errors:
            raise ValidationError(errors, record=record_name(values["title"]))
        assert kind is not None  # refused above
        for key, value in values.items():
            setattr(activity, key, value)
        activity.kind = kind.value
        activity.task_id = values["task_id"] or None
        activity.unit_id = values["unit_id"] or None
        activity.in_province = bool(data.in_province)
        # Links: keep the ones still chosen (their ids travel in packages), drop the others, add new ones.
        for link in list(activity.producer_links):
            if link.producer_id not in producer_ids:
                activity.producer_links.remove(link)
        have = {link.producer_id for link in activity.producer_links}
        activity.producer_links.extend(ActivityProducer(producer_id=p) for p in producer_ids if p not in have)
        for plink in list(activity.product_links):
            if plink.product_id not in sales:
                activity.product_links.remove(plink)
            elif plink.product_sales != sales[plink.product_id]:
                plink.product_sales = sales[plink.product_id]
        held = {link.product_id for link in activity.product_links}
        activity.product_links.extend(
            ActivityProduct(product_id=p, product_sales=amount) for p, amount in sales.items() if p not in held
        )
