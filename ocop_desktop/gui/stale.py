"""The window's one answer to a save refused as stale: say what changed, then show the newer data.

The rule: a view never writes over data newer than what it shows. Every save sends the version
of what it showed (``expected_updated_at``, ``expected_version``, the grid's ``loaded``); the
service refuses with StaleDataError and writes nothing when the record changed since. Here the
window answers that refusal the same way everywhere: the refusal's own text (the record, what
changed, when, and that nothing was saved) where the user is looking, and the view reloaded so
it shows the newer data, never replacing what the user typed (a form stays open with it; the
survey grid keeps it and offers to re-apply it, see gui/surveys/stale.py).
"""

from __future__ import annotations

from collections.abc import Callable

from ocop_desktop.domain.validation import StaleDataError


def answer_stale(exc: BaseException, show: Callable[[str], None], reload: Callable[[], None] | None = None) -> bool:
    """If ``exc`` is a stale refusal: ``show`` its text, ``reload`` the view, and return True."""
    if not isinstance(exc, StaleDataError):
        return False
    show(str(exc))
    if reload is not None:
        reload()
    return True


def stale_handler(
    show: Callable[[str], None],
    reload: Callable[[], None] | None = None,
    other: Callable[[Exception], None] | None = None,
) -> Callable[[Exception], None]:
    """An ``on_error`` for a save: a stale refusal answered as above, anything else to ``other``."""

    def handle(exc: Exception) -> None:
        if not answer_stale(exc, show, reload) and other is not None:
            other(exc)

    return handle
