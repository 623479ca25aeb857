"""How far an Excel import has got, told once per percent, and the user's cancel."""

from __future__ import annotations

from collections.abc import Callable

from ocop_desktop.domain.language import Text
from ocop_desktop.exports.report_model import ExportCancelled

Progress = Callable[[int, int, str], None]  # (done, total, what is being done): the job helper's signature
STEPS = 100


class ImportCancelled(ExportCancelled):
    """The user stopped the import: nothing was stored (the transaction was rolled back)."""

    def __init__(self) -> None:
        super().__init__(
            Text(
                "Đã dừng nhập theo yêu cầu; dữ liệu không thay đổi.",
                "The import was stopped as asked; the data did not change.",
            )
        )


class Percent:
    """Calls ``progress(percent, 100, text)`` each time the whole percent moves (at most about a
    hundred calls a phase, however many rows), and asks ``cancelled()`` at each call of ``at``."""

    def __init__(
        self, progress: Progress | None, cancelled: Callable[[], bool] | None, text: str, low: int = 0, high: int = 100
    ) -> None:
        self._progress, self._cancelled, self.text = progress, cancelled, text
        self._low, self._span = low, high - low
        self._shown = -1

    def at(self, done: int, total: int) -> None:
        """``done`` of ``total`` of this phase; raises ImportCancelled once the user cancelled."""
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled()
        percent = self._low + (self._span * done // total if total > 0 else self._span)
        if percent != self._shown and self._progress is not None:
            self._shown = percent
            self._progress(percent, STEPS, self.text)
