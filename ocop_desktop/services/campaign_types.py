"""What the office gives and gets back for a survey campaign: its input, the saved campaign,
and last year's campaign proposed for copying."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class CampaignInput:
    """What the office types; year and deadline may be given as the text typed."""

    year: int | str | None = None
    deadline: date | str | None = None
    title: str = ""
    issuing_letter: str = ""
    unit_ids: tuple[str, ...] = ()
    # A report sent on the deadline day is on time; None keeps the campaign's (new: the letter's
    # «trước ngày», so the day before is the last day on time).
    deadline_day_on_time: bool | None = None


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    year: int
    title: str
    deadline: date | None
    issuing_letter: str
    closed_on: date | None
    unit_ids: tuple[str, ...]
    entry_count: int
    version: datetime | None  # updated_at: edit, close and delete check it when given
    deadline_day_on_time: bool = False


@dataclass(frozen=True)
class CopyProposal:
    """Last year's campaign carried to a new year, for the office to check before saving."""

    source_year: int
    data: CampaignInput
    mapped: tuple[str, ...] = ()  # «Xã Ẳng Nưa → Xã Mường Ảng», one line per old unit replaced
    dropped: tuple[str, ...] = field(default=())  # old units with no successor valid on the deadline
