"""The checks on a survey campaign the office types: year, deadline, title, letter and units,
each refusal in Vietnamese and English naming the field."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select

from ocop_desktop.domain.language import ENGLISH, Text, english
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError, ValidationError, text_of
from ocop_desktop.persistence.models import Place, SurveyCampaign, SurveyEntry
from ocop_desktop.persistence.uow import UnitOfWork
from ocop_desktop.services.campaign_types import CampaignInput

FIRST_YEAR = 2018  # OCOP began in 2018 (Quyết định 490/QĐ-TTg)
TITLE_MAX, LETTER_MAX = 500, 500
LABELS = {
    "year": "Năm",
    "deadline": "Hạn nộp",
    "title": "Tên đợt",
    "issuing_letter": "Văn bản yêu cầu",
    "units": "Đơn vị báo cáo",
}
LABELS_EN = {
    "year": "Year",
    "deadline": "Deadline",
    "title": "Round name",
    "issuing_letter": "Requesting document",
    "units": "Reporting units",
}


def _label(key: str) -> str:
    return f"«{LABELS[key]}»"


def _en(key: str) -> str:
    """The field's label in an English message."""
    return f"«{LABELS_EN[key]}»"


def check_campaign(
    uow: UnitOfWork, data: CampaignInput, today: date, campaign: SurveyCampaign | None
) -> tuple[int, date, str, str]:
    """The campaign's year, deadline, title and letter as saved, or ValidationError naming every
    field that is wrong (``campaign`` is the one being edited, None for a new one)."""
    errors: list[FieldError] = []
    year = check_year(data.year, today, errors)
    deadline = None
    if data.deadline is None or (isinstance(data.deadline, str) and not data.deadline.strip()):
        errors.append(
            FieldError(
                "deadline",
                Text(
                    f"Chưa nhập {_label('deadline')}; hãy nhập ngày theo dạng 30/06/2026.",
                    f"{_en('deadline')} is missing; enter a date such as 30/06/2026.",
                ),
            )
        )
    else:
        try:
            deadline = parse_vn_date(data.deadline)
        except DateError as exc:
            errors.append(
                FieldError(
                    "deadline",
                    Text(
                        f"{_label('deadline')}: {text_of(exc, 'vi').rstrip('.')}",
                        f"{_en('deadline')}: {text_of(exc, ENGLISH).rstrip('.')}",
                    ),
                )
            )
    if deadline is not None and year is not None and not year - 1 <= deadline.year <= year + 1:
        errors.append(
            FieldError(
                "deadline",
                Text(
                    f"{_label('deadline')} {format_vn_date(deadline)} quá xa năm của đợt "
                    f"({year}); hãy nhập ngày từ 01/01/{year - 1} đến 31/12/{year + 1}.",
                    f"{_en('deadline')} {format_vn_date(deadline)} is too far from the round's year "
                    f"({year}); enter a date from 01/01/{year - 1} to 31/12/{year + 1}.",
                ),
            )
        )
    title = clean(data.title) or ""
    if not title:
        errors.append(
            FieldError(
                "title",
                Text(
                    f"Chưa nhập {_label('title')}, ví dụ «Rà soát sản phẩm OCOP năm {year or today.year}».",
                    f"{_en('title')} is missing, for example «Rà soát sản phẩm OCOP năm {year or today.year}».",
                ),
            )
        )
    elif len(title) > TITLE_MAX:
        errors.append(
            FieldError(
                "title",
                Text(
                    f"{_label('title')} dài quá {TITLE_MAX} ký tự; hãy rút gọn.",
                    f"{_en('title')} is longer than {TITLE_MAX} characters; shorten it.",
                ),
            )
        )
    letter = clean(data.issuing_letter) or ""
    if len(letter) > LETTER_MAX:
        errors.append(
            FieldError(
                "issuing_letter",
                Text(
                    f"{_label('issuing_letter')} dài quá {LETTER_MAX} ký tự; hãy rút gọn.",
                    f"{_en('issuing_letter')} is longer than {LETTER_MAX} characters; shorten it.",
                ),
            )
        )
    if year is not None:
        same = uow.session.scalar(select(SurveyCampaign).where(SurveyCampaign.year == year))
        if same is not None and same is not campaign:
            errors.append(
                FieldError(
                    "year",
                    Text(
                        f"Đã có đợt rà soát năm {year} («{same.title}»); mỗi năm một đợt "
                        "(nhập Excel và báo cáo chọn đợt theo năm), hãy sửa đợt đó.",
                        f"There is already a survey round for {year} («{same.title}»); one round a year "
                        "(Excel imports and reports choose the round by its year): edit that round.",
                    ),
                )
            )
        if campaign is not None and year != campaign.year and (n := entry_count(uow, campaign.id)):
            errors.append(
                FieldError(
                    "year",
                    Text(
                        f"Đợt đã có {n} dòng rà soát nhập theo năm {campaign.year}; không đổi được {_label('year')}.",
                        f"The round already has {n} survey rows entered for {campaign.year}; its {_en('year')} cannot change.",
                    ),
                )
            )
    errors += unit_errors(uow, data.unit_ids, deadline, campaign)
    if errors or year is None or deadline is None:
        raise ValidationError(
            errors,
            record=Text(
                record_text(campaign) if campaign else "Đợt rà soát mới",
                english(record_text(campaign)) if campaign else "New survey round",
            ),
        )
    return year, deadline, title, letter


def check_year(value: int | str | None, today: date, errors: list[FieldError]) -> int | None:
    """The year typed, or None with the reason added to ``errors``."""
    last = today.year + 1
    text = str(value).strip() if value is not None else ""
    if not text:
        errors.append(
            FieldError(
                "year",
                Text(
                    f"Chưa nhập {_label('year')}; hãy nhập năm từ {FIRST_YEAR} đến {last}.",
                    f"{_en('year')} is missing; enter a year from {FIRST_YEAR} to {last}.",
                ),
            )
        )
        return None
    if isinstance(value, bool) or not text.isdigit() or not FIRST_YEAR <= int(text) <= last:
        shown = text if len(text) <= 20 else text[:20] + "…"
        errors.append(
            FieldError(
                "year",
                Text(
                    f"{_label('year')} «{shown}» không dùng được; hãy nhập năm từ "
                    f"{FIRST_YEAR} (năm bắt đầu Chương trình OCOP) đến {last}.",
                    f"{_en('year')} «{shown}» cannot be used; enter a year from "
                    f"{FIRST_YEAR} (the year the OCOP Programme began) to {last}.",
                ),
            )
        )
        return None
    return int(text)


def unit_errors(
    uow: UnitOfWork, unit_ids: Iterable[str] | None, deadline: date | None, campaign: SurveyCampaign | None
) -> list[FieldError]:
    """Why the chosen units cannot be saved: none chosen, gone from the list of places, not in
    force on the deadline, or removed while they have survey rows."""
    wanted = list(dict.fromkeys(unit_ids or ()))
    if not wanted:
        return [
            FieldError(
                "units",
                Text(
                    f"Chưa chọn {_label('units')}; hãy chọn ít nhất một xã, phường.",
                    f"No {_en('units')} chosen; choose at least one commune or ward.",
                ),
            )
        ]
    s = uow.session
    places = {p.id: p for p in s.scalars(select(Place).where(Place.id.in_(wanted)))}
    kept = {u.unit_id for u in campaign.submissions} if campaign is not None else set()
    errors = []
    for unit_id in wanted:
        p = places.get(unit_id)
        if p is None:
            errors.append(
                FieldError(
                    "units",
                    Text(
                        f"{_label('units')}: có đơn vị không còn trong danh sách địa bàn "
                        f"(mã bản ghi {unit_id}); hãy chọn lại.",
                        f"{_en('units')}: a unit is no longer in the list of places "
                        f"(record id {unit_id}); choose again.",
                    ),
                )
            )
        elif (
            unit_id not in kept
            and deadline is not None
            and not (
                (p.valid_from is None or p.valid_from <= deadline) and (p.valid_to is None or deadline <= p.valid_to)
            )
        ):
            period = f"đến {format_vn_date(p.valid_to)}" if p.valid_to else f"từ {format_vn_date(p.valid_from)}"
            period_en = f"until {format_vn_date(p.valid_to)}" if p.valid_to else f"from {format_vn_date(p.valid_from)}"
            errors.append(
                FieldError(
                    "units",
                    Text(
                        f"{_label('units')}: «{p.name}» ({period}) không tồn tại vào "
                        f"{_label('deadline')} {format_vn_date(deadline)}; hãy chọn đơn vị "
                        "còn hiệu lực vào ngày đó.",
                        f"{_en('units')}: «{p.name}» ({period_en}) does not exist on the "
                        f"{_en('deadline')} {format_vn_date(deadline)}; choose a unit "
                        "in force on that date.",
                    ),
                )
            )
    if campaign is not None:
        removed = kept - set(wanted)
        if removed:
            counts = dict(
                s.execute(
                    select(SurveyEntry.unit_id, func.count())
                    .where(SurveyEntry.campaign_id == campaign.id, SurveyEntry.unit_id.in_(removed))
                    .group_by(SurveyEntry.unit_id)
                ).all()
            )
            for sub in campaign.submissions:
                if counts.get(sub.unit_id):
                    errors.append(
                        FieldError(
                            "units",
                            Text(
                                f"không bỏ được «{sub.unit.name}» khỏi {_label('units')}: "
                                f"đơn vị đã có {counts[sub.unit_id]} dòng rà soát trong đợt; "
                                "hãy giữ đơn vị này",
                                f"cannot remove «{sub.unit.name}» from {_en('units')}: "
                                f"the unit already has {counts[sub.unit_id]} survey rows in the round; "
                                "keep this unit",
                            ),
                        )
                    )
    return errors


def entry_count(uow: UnitOfWork, campaign_id: str) -> int:
    return (
        uow.session.scalar(select(func.count()).select_from(SurveyEntry).where(SurveyEntry.campaign_id == campaign_id))
        or 0
    )


def record_text(campaign: SurveyCampaign) -> Text:
    return Text(
        f"Đợt rà soát năm {campaign.year} «{campaign.title}»",
        f"The survey round of {campaign.year} «{campaign.title}»",
    )
