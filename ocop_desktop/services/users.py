"""The people who may work on a shared server (issue 18): list, add, change role, disable.

On a server each user is also a PostgreSQL login, member of their role's group
(services/server_roles.py), made in the same transaction as the users row, so neither exists
without the other. On a file there are no users: one laptop has one local user with every right.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import UserRole
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence.models import Place, User
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services import access, server_roles
from ocop_desktop.services.access import Action

LOCAL_ONLY = Text(
    "Cơ sở dữ liệu này là một tệp trên một máy: máy có một người dùng cục bộ với mọi quyền, nên không có "
    "danh sách người dùng và vai trò. Người dùng và vai trò chỉ có trên máy chủ PostgreSQL của văn phòng tỉnh "
    "(ocop --db postgresql://… users …).",
    "This database is a file on one computer: it has one local user with every right, so there is no list of "
    "users and roles. Users and roles exist only on a provincial office's PostgreSQL server "
    "(ocop --db postgresql://… users …).",
)


@dataclass(frozen=True)
class UserDTO:
    login: str
    full_name: str
    role: str
    role_label: str
    unit_id: str | None
    unit_name: str
    active: bool


def _dto(user: User, unit: Place | None) -> UserDTO:
    return UserDTO(
        user.login,
        user.full_name,
        user.role,
        UserRole.label_of(user.role, "vi"),
        user.unit_id,
        unit.name if unit else "",
        user.active,
    )


def _role(code: str) -> UserRole:
    try:
        return UserRole(UserRole.from_label_or_code(code))
    except ValueError:
        choices = ", ".join(f"{r.value} ({r.label})" for r in UserRole)
        choices_en = ", ".join(f"{r.value} ({r.label_en})" for r in UserRole)
        raise ValidationError(
            [
                FieldError(
                    "role",
                    Text(
                        f"Vai trò «{code}» không có; chọn một trong: {choices}.",
                        f"No role «{code}»; choose one of: {choices_en}.",
                    ),
                )
            ]
        ) from None


class UserService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    @staticmethod
    def _server(uow: UnitOfWork) -> None:
        if not access.on_server(uow.session):
            raise access.AccessDenied(LOCAL_ONLY)

    def all(self) -> list[UserDTO]:
        with self._uow() as uow:
            self._server(uow)
            rows = uow.session.execute(
                select(User, Place).outerjoin(Place, Place.id == User.unit_id).order_by(User.role, User.login)
            ).all()
            return [_dto(u, p) for u, p in rows]

    def check_may_manage(self) -> None:
        """AccessDenied unless the current user may add users (asked before a password is typed)."""
        with self._uow() as uow:
            self._server(uow)
            access.require(uow.session, Action.USERS, record=Text("Danh sách người dùng", "The list of users"))

    def add(
        self, login: str, full_name: str, role: str, unit: str | None = None, password: str | None = None
    ) -> UserDTO:
        """A new user and, if it does not exist yet, their login with ``password``."""
        login, chosen = server_roles.check_login(login.strip()), _role(role)
        name = clean(full_name) or ""
        with self._uow(action="users") as uow:
            self._server(uow)
            s = uow.session
            record = Text(f"Người dùng «{login}»", f"User «{login}»")
            access.require(s, Action.USERS, record=record)
            if s.scalar(select(User).where(User.login == login)) is not None:
                raise ValidationError(
                    [
                        FieldError(
                            "login",
                            Text(
                                "đã có trong danh sách người dùng; đổi vai trò bằng ocop users role",
                                "is already a user; change the role with ocop users role",
                            ),
                        )
                    ],
                    record,
                )
            if not name:
                raise ValidationError([FieldError("full_name", Text("chưa có họ tên", "no full name given"))], record)
            place = self._unit(s, chosen, unit, record)
            user = User(login=login, full_name=name, role=chosen.value, unit_id=place.id if place else None)
            s.add(user)
            s.flush()
            server_roles.create_login(s.connection(), login, chosen, password)
            uow.commit()
            return _dto(user, place)

    def set_role(self, login: str, role: str, unit: str | None = None) -> UserDTO:
        """Give ``login`` another role (and unit); a disabled user is enabled again."""
        chosen = _role(role)
        with self._uow(action="users") as uow:
            self._server(uow)
            s = uow.session
            user = self._load(uow, login)
            record = Text(f"Người dùng «{login}»", f"User «{login}»")
            access.require(s, Action.USERS, record=record)
            place = self._unit(s, chosen, unit, record, keep=user.unit_id)
            user.role, user.unit_id, user.active = chosen.value, place.id if place else None, True
            s.flush()
            server_roles.set_role(s.connection(), login, chosen)
            uow.commit()
            return _dto(user, place)

    def disable(self, login: str) -> UserDTO:
        with self._uow(action="users") as uow:
            self._server(uow)
            s = uow.session
            user = self._load(uow, login)
            access.require(s, Action.USERS, record=Text(f"Người dùng «{login}»", f"User «{login}»"))
            user.active = False
            s.flush()
            server_roles.disable(s.connection(), login)
            uow.commit()
            return _dto(user, s.get(Place, user.unit_id) if user.unit_id else None)

    @staticmethod
    def _load(uow: UnitOfWork, login: str) -> User:
        user = uow.session.scalar(select(User).where(User.login == login.strip()))
        if user is None:
            raise NotFoundError(
                Text(
                    f"Không có người dùng «{login}»; xem danh sách bằng ocop users list.",
                    f"There is no user «{login}»; see the list with ocop users list.",
                )
            )
        return user

    @staticmethod
    def _unit(s: Session, role: UserRole, unit: str | None, record: str, keep: str | None = None) -> Place | None:
        """The unit named by its code or reference key; a commune officer must have one."""
        if unit:
            wanted = unit.strip()
            found = s.scalars(
                select(Place)
                .where((Place.code == wanted) | (Place.key == wanted))
                .order_by(Place.valid_to.is_not(None))
            ).first()
            if found is None:
                raise ValidationError(
                    [
                        FieldError(
                            "unit_id",
                            Text(
                                f"không có đơn vị mã «{wanted}»; tìm mã bằng ocop places search TÊN",
                                f"there is no unit with the code «{wanted}»; find it with ocop places search NAME",
                            ),
                        )
                    ],
                    record,
                )
            return found
        if keep is not None and role is UserRole.COMMUNE:
            return s.get(Place, keep)
        if role is UserRole.COMMUNE:
            raise ValidationError(
                [
                    FieldError(
                        "unit_id",
                        Text(
                            "cán bộ xã phải có đơn vị (--unit MÃ_ĐVHC): họ chỉ sửa được bản ghi của đơn vị đó",
                            "a commune officer needs a unit (--unit CODE): they may change only its records",
                        ),
                    )
                ],
                record,
            )
        return None
