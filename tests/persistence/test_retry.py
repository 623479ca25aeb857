"""A unit of work the server aborted as a deadlock victim is run again; other errors are not."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from ocop_desktop.persistence import retry


class _Orig(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _failing(times: int, error: type[Exception], sqlstate: str):
    calls: list[int] = []

    def action() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise error("UPDATE …", {}, _Orig(sqlstate))
        return "đã lưu"

    return action, calls


def test_a_deadlock_victim_is_run_again(monkeypatch):
    monkeypatch.setattr(retry.time, "sleep", lambda _s: None)
    action, calls = _failing(2, OperationalError, "40P01")
    assert retry.retrying(action) == "đã lưu" and len(calls) == 3


def test_it_gives_up_after_the_last_attempt_and_never_repeats_other_errors(monkeypatch):
    monkeypatch.setattr(retry.time, "sleep", lambda _s: None)
    action, calls = _failing(9, OperationalError, "40001")
    with pytest.raises(OperationalError):
        retry.retrying(action)
    assert len(calls) == retry.ATTEMPTS
    action, calls = _failing(1, IntegrityError, "23505")
    with pytest.raises(IntegrityError):
        retry.retrying(action)
    assert len(calls) == 1
