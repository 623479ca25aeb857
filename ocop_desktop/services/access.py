"""Who may do what (issue 18): the current user, and the check a service makes before it writes.

A file on one laptop has one local user, who keeps every right. On a PostgreSQL server the user is
the login the connection was made with (``SELECT current_user``), looked up in the users table
(migration 0020); an unknown or disabled login is refused. The login that owns the tables (the one
that ran `ocop server init`) and superusers keep every right: PostgreSQL lets them past row-level
security too, so refusing them here would protect nothing.

The server enforces the same rules for every client, this program or not (services/server_roles.py:
grants per role, row-level security by unit); the check here comes first so that people read a
Vietnamese sentence naming the record, the unit and their role rather than the server's error.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session, UOWTransaction

from ocop_desktop.domain.enums import UserRole
from ocop_desktop.domain.language import Text, in_language
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.persistence.hooks import record_label
from ocop_desktop.persistence.models import Base, Place, User
from ocop_desktop.services.places import covered_place_ids
from ocop_desktop.services.server_roles import MAINTAINER, UNASSIGNED, UNIT_TABLES, may_write

_CACHE = "access.user"  # session.info: the user, resolved once per unit of work
_COVERED = "access.covered"  # session.info: a unit -> the units whose records count as its own


class Action(StrEnum):
    """What a service is about to change, with the words a refusal uses for it."""

    SURVEY = "survey"
    PRODUCT = "product"
    PRODUCER = "producer"
    EVALUATE = "evaluate"
    USERS = "users"
    REFERENCE = "reference"

    @property
    def words(self) -> Text:
        return _WORDS[self]


_WORDS = {
    Action.SURVEY: Text("sửa dòng rà soát", "change survey rows"),
    Action.PRODUCT: Text("thêm, sửa hoặc lưu trữ sản phẩm", "add, change or archive products"),
    Action.PRODUCER: Text("thêm hoặc sửa chủ thể", "add or change producers"),
    Action.EVALUATE: Text("chấm điểm, công nhận sản phẩm", "score and certify products"),
    Action.USERS: Text("quản lý người dùng", "manage users"),
    Action.REFERENCE: Text("sửa dữ liệu tham chiếu", "change reference data"),
}
# A commune officer's rights reach only the records of their unit (and the places below it); a
# producer whose commune is not given yet belongs to no unit and stays theirs to complete.
UNIT_BOUND = frozenset({Action.SURVEY, Action.PRODUCT, Action.PRODUCER})
_ACTION_OF_TABLE = {"products": Action.PRODUCT, "producers": Action.PRODUCER}  # else a survey table
_UNASSIGNED = frozenset(_ACTION_OF_TABLE[t] for t in UNASSIGNED)
ALLOWED: dict[UserRole, frozenset[Action]] = {
    UserRole.COMMUNE: UNIT_BOUND,
    UserRole.PROVINCE: frozenset(Action) - {Action.USERS},
    UserRole.COUNCIL: frozenset({Action.EVALUATE}),
    UserRole.ADMIN: frozenset({Action.USERS, Action.REFERENCE}),
}


class AccessDenied(ValidationError):
    """A change the current user's role does not allow; nothing was written."""

    def __init__(self, message: Text, record: str = "") -> None:
        self.message = message
        super().__init__([FieldError("", message)], record)

    def describe(self, language: str | None = None) -> str:
        head = f"{in_language(self.record, language)}: " if self.record else ""
        return head + in_language(self.message, language)


@dataclass(frozen=True)
class CurrentUser:
    login: str
    full_name: str
    role: UserRole | None  # None: every right (a file's local user, the server's owner login)
    unit_id: str | None = None
    unit_name: str = ""

    @property
    def every_right(self) -> bool:
        return self.role is None

    @property
    def described(self) -> Text:
        """«xa_a» (Cán bộ xã, Xã An Phú)"""
        if self.role is None:
            return Text(f"«{self.login}»", f"«{self.login}»")
        unit = f", {self.unit_name}" if self.unit_name else ""
        return Text(f"«{self.login}» ({self.role.label}{unit})", f"«{self.login}» ({self.role.label_en}{unit})")


LOCAL = CurrentUser(login="", full_name="", role=None)


def on_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def current_user(session: Session) -> CurrentUser:
    """The user this unit of work acts for; AccessDenied for a server login nobody added."""
    found = session.info.get(_CACHE)
    if found is None:
        found = session.info[_CACHE] = _resolve(session)
    return found


def _resolve(session: Session) -> CurrentUser:
    if not on_server(session):
        return LOCAL
    login = session.execute(text("SELECT current_user")).scalar_one()
    maintainer = session.execute(text(MAINTAINER)).scalar()
    if maintainer:
        return CurrentUser(login=login, full_name=login, role=None)
    user = session.scalar(select(User).where(User.login == login))
    if user is None or not user.active:
        state = (
            ("chưa có trong danh sách người dùng", "is not in the list of users")
            if user is None
            else (
                "đã bị khóa",
                "has been disabled",
            )
        )
        raise AccessDenied(
            Text(
                f"Tên đăng nhập «{login}» {state[0]} của cơ sở dữ liệu này nên không làm được gì. "
                "Hãy nhờ quản trị viên thêm hoặc mở lại (ocop users add / ocop users role).",
                f"The login «{login}» {state[1]} of this database, so it may do nothing. "
                "Ask the administrator to add or re-enable it (ocop users add / ocop users role).",
            )
        )
    unit = session.get(Place, user.unit_id) if user.unit_id else None
    return CurrentUser(user.login, user.full_name, UserRole(user.role), user.unit_id, unit.name if unit else "")


def within(session: Session, unit_id: str | None, home_id: str | None) -> bool:
    """Whether ``unit_id`` is ``home_id``, a place below it or a unit merged into it (the 2025
    reform): the records that count as the unit's (services/places.covered_place_ids), which a
    commune officer of ``home_id`` may change. Worked out once per unit of work."""
    if unit_id is None or home_id is None:
        return False
    cache: dict[str, set[str]] = session.info.setdefault(_COVERED, {})
    if home_id not in cache:
        cache[home_id] = covered_place_ids(session, home_id)
    return unit_id in cache[home_id]


def _allowed_words(role: UserRole) -> Text:
    """«thêm, sửa hoặc lưu trữ sản phẩm, sửa dòng rà soát»: what ``role`` may do, for a refusal."""
    actions = sorted(ALLOWED[role])
    return Text(", ".join(str(a.words) for a in actions), ", ".join(a.words.en for a in actions))


def require(session: Session, action: Action, unit_id: str | None = None, record: str = "") -> CurrentUser:
    """The current user, if their role allows ``action`` (on a record of ``unit_id``, for the
    actions bound to a unit); else AccessDenied naming ``record``, the unit and the role."""
    user = current_user(session)
    if user.role is None:
        return user
    who = user.described
    if action not in ALLOWED[user.role]:
        allowed = _allowed_words(user.role)
        raise AccessDenied(
            Text(
                f"Người dùng {who} không được {action.words}: vai trò {user.role.label} chỉ được {allowed}. "
                "Chưa lưu gì; nếu cần, hãy nhờ quản trị viên đổi vai trò (ocop users role).",
                f"The user {who.en} may not {action.words.en}: the role {user.role.label_en} may only {allowed.en}. "
                "Nothing was saved; if needed, ask the administrator to change the role (ocop users role).",
            ),
            record,
        )
    if (
        action in UNIT_BOUND
        and user.role is UserRole.COMMUNE
        and not (unit_id is None and action in _UNASSIGNED)
        and not within(session, unit_id, user.unit_id)
    ):
        place = session.get(Place, unit_id) if unit_id else None
        other = place.name if place else "không thuộc đơn vị nào"
        other_en = place.name if place else "no unit"
        raise AccessDenied(
            Text(
                f"Người dùng {who} không được {action.words} của {other}: cán bộ xã chỉ sửa được bản ghi "
                f"của {user.unit_name or 'đơn vị mình'}. Chưa lưu gì; hãy nhờ chuyên viên tỉnh nếu cần sửa.",
                f"The user {who.en} may not {action.words.en} of {other_en}: a commune officer may only change "
                f"the records of {user.unit_name or 'their own unit'}. Nothing was saved; ask a provincial officer "
                "if it needs changing.",
            ),
            record,
        )
    return user


_VERBS = {"INSERT": Text("thêm", "add"), "UPDATE": Text("sửa", "change"), "DELETE": Text("xóa", "delete")}
_UNIT_COLUMN = dict(UNIT_TABLES)


@event.listens_for(Session, "before_flush")
def _refuse_what_the_role_may_not_write(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    """On a server, every record a flush would write checked against the grants of the user's
    role (server_roles.may_write) and, for a commune officer, against their unit, whichever
    service writes it (campaigns, tasks, activities, logbooks, the pipeline …): the refusal is a
    Vietnamese sentence naming the record and the role, before the server's own refusal. Nothing
    is written. A file's local user and the server's owner keep every right."""
    if not on_server(session):
        return
    user = current_user(session)
    if user.role is None:
        return
    changed = [o for o in session.dirty if session.is_modified(o)]
    for verb, objects in (("INSERT", list(session.new)), ("UPDATE", changed), ("DELETE", list(session.deleted))):
        for obj in objects:
            if not isinstance(obj, Base):
                continue
            table = obj.__tablename__
            if verb not in may_write(user.role, table):
                allowed, who, what = _allowed_words(user.role), user.described, _VERBS[verb]
                raise AccessDenied(
                    Text(
                        f"Người dùng {who} không được {what} bản ghi này: vai trò {user.role.label} chỉ được "
                        f"{allowed}. Chưa lưu gì; nếu cần, hãy nhờ quản trị viên đổi vai trò (ocop users role).",
                        f"The user {who.en} may not {what.en} this record: the role {user.role.label_en} may only "
                        f"{allowed.en}. Nothing was saved; if needed, ask the administrator to change the role "
                        "(ocop users role).",
                    ),
                    record_label(obj),
                )
            column = _UNIT_COLUMN.get(table)
            if column is not None and user.role is UserRole.COMMUNE:
                action = _ACTION_OF_TABLE.get(table, Action.SURVEY)
                # The unit the row has, and for a change the one it had: a row moved in from
                # another unit is a change of that unit's row (as row-level security sees it).
                units = {getattr(obj, column)}
                if verb == "UPDATE":
                    units.update(inspect(obj).attrs[column].history.deleted)
                for unit in units:
                    require(session, action, unit, record_label(obj))
