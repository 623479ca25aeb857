"""A transaction a PostgreSQL server aborted to break a deadlock or a serialisation conflict is
tried again from the start (issue 18: several writers at once); SQLite never aborts so."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

T = TypeVar("T")
log = logging.getLogger(__name__)

# deadlock_detected, serialization_failure: the server rolled the whole transaction back, and
# the same work done again is expected to pass.
RETRYABLE_STATES = ("40P01", "40001")
ATTEMPTS = 4


def retryable(exc: BaseException) -> bool:
    return getattr(getattr(exc, "orig", None), "sqlstate", None) in RETRYABLE_STATES


def retrying(action: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """``action()`` (one whole unit of work), run again after a short pause when the server
    aborted it as a deadlock victim or a serialisation failure; any other error is raised."""
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except DBAPIError as exc:
            if attempt == attempts or not retryable(exc):
                raise
            log.info("Giao dịch bị máy chủ hủy (%s), làm lại lần %d", exc.orig.__class__.__name__, attempt + 1)
            time.sleep(random.uniform(0.05, 0.2) * attempt)
    raise AssertionError("unreachable")  # the loop returns or raises
