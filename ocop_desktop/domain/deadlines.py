"""When a unit's report counts as on time, late, or missing, and by how many days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


def last_day_on_time(deadline: date, deadline_day_on_time: bool) -> date:
    """«trước ngày 05/07» makes 04/07 the last day on time; some offices count 05/07 itself."""
    return deadline if deadline_day_on_time else deadline - timedelta(days=1)


def deadline_rule(deadline: date | None, deadline_day_on_time: bool) -> str:
    """The rule as a report states it, one sentence."""
    if deadline is None:
        return "Đợt rà soát không đặt hạn nộp."
    last = last_day_on_time(deadline, deadline_day_on_time)
    if deadline_day_on_time:
        return f"Hạn nộp: ngày {deadline:%d/%m/%Y}; báo cáo nộp trong ngày {deadline:%d/%m/%Y} vẫn tính là đúng hạn."
    return (
        f"Hạn nộp: trước ngày {deadline:%d/%m/%Y}; báo cáo nộp từ ngày {deadline:%d/%m/%Y} là nộp muộn "
        f"(ngày cuối cùng đúng hạn là {last:%d/%m/%Y})."
    )


@dataclass(frozen=True)
class Timeliness:
    """``state`` is "on_time", "late", "missing" (overdue, not sent) or "pending" (not sent, not due)."""

    state: str
    days: int = 0  # days late (sent) or overdue (not sent)

    @property
    def on_time(self) -> bool | None:
        return {"on_time": True, "late": False, "missing": False}.get(self.state)

    @property
    def label(self) -> str:
        if self.state == "on_time":
            return "đúng hạn"
        if self.state == "late":
            return f"nộp muộn ({self.days} ngày)"
        if self.state == "missing":
            return f"chưa nộp (quá hạn {self.days} ngày)"
        return "chưa nộp (chưa đến hạn)"


def timeliness(submitted_on: date | None, deadline: date | None, deadline_day_on_time: bool, today: date) -> Timeliness:
    """How a unit stands against the deadline on ``today``; without a deadline a sent report is on time."""
    if deadline is None:
        return Timeliness("on_time" if submitted_on is not None else "pending")
    last = last_day_on_time(deadline, deadline_day_on_time)
    if submitted_on is not None:
        late = (submitted_on - last).days
        return Timeliness("late", late) if late > 0 else Timeliness("on_time")
    overdue = (today - last).days
    return Timeliness("missing", overdue) if overdue > 0 else Timeliness("pending")
