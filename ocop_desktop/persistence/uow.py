"""Unit of work: one transaction per user action, rolled back unless the service commits."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.persistence import hooks as _hooks  # noqa: F401  (registers the flush hooks)


class UnitOfWork:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: str = "",
        action: str = "edit",
        context: str = "",
    ) -> None:
        self._factory = session_factory
        self._info = {"actor": actor, "action": action, "context": context}
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self.session.info.update(self._info)
        return self

    def __exit__(self, *exc: object) -> None:
        # close() rolls back whatever was not committed; unlike rollback() it leaves the
        # loaded objects readable (detached, not expired), so a service may still build DTOs.
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


UowFactory = Callable[..., UnitOfWork]


def uow_factory(engine: Engine, actor: str | Callable[[], str] = "") -> UowFactory:
    """A factory of units of work on ``engine`` that records ``actor`` in the audit log.

    ``actor`` may be a callable, read at each unit of work, so that a change of user in
    the office settings applies without rebuilding the services.
    """
    # expire_on_commit=False: services hand out DTOs built after commit without reloading.
    factory = sessionmaker(engine, expire_on_commit=False)

    def make(action: str = "edit", context: str = "") -> UnitOfWork:
        who = actor() if callable(actor) else actor
        return UnitOfWork(factory, actor=who, action=action, context=context)

    return make
