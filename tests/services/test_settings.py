"""First-run office settings: validated, stored, and used as the audit actor."""

from __future__ import annotations

import pytest

from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.settings import current_actor, office_settings, save_office_settings


def test_settings_are_validated_all_at_once(make_uow):
    with pytest.raises(ValidationError) as info:
        save_office_settings(make_uow, "", "  ", "")
    assert set(info.value.by_field()) == {"office_unit_id", "user_name"}
    assert not office_settings(make_uow).complete


def test_saved_settings_name_the_office_and_the_actor(make_uow):
    unit = next(p for p in PlaceService(make_uow).communes() if p.name == "Xã Ẳng Nưa")
    saved = save_office_settings(make_uow, unit.id, " Lò  Văn Minh ", "Công chức Nông nghiệp")
    assert saved.complete and saved.office_name == "Xã Ẳng Nưa" and saved.user_name == "Lò Văn Minh"
    assert current_actor(make_uow) == "Lò Văn Minh"
    again = save_office_settings(make_uow, unit.id, "Lò Văn Minh", "Phó Chủ tịch")
    assert again.user_title == "Phó Chủ tịch"


def test_office_kind_and_printed_name_give_the_signer_defaults(make_uow):
    from ocop_desktop.services.report_settings import read_report_settings

    province = next(p for p in PlaceService(make_uow).all() if p.name == "Tỉnh Lào Cai" and p.valid_to is None)
    saved = save_office_settings(
        make_uow,
        province.id,
        "Hà Văn Nam",
        "Phó Giám đốc",
        office_kind="so_nnmt",
        office_printed_name=" SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG  TỈNH LÀO CAI ",
    )
    assert (saved.office_kind, saved.printed_name) == ("so_nnmt", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH LÀO CAI")
    report = read_report_settings(make_uow)
    assert (report.body, report.signer_authority, report.signer_deputy, report.signer_title) == (
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH LÀO CAI",
        "",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )
    # Saving without kind or printed name (as `ocop office set` without them) keeps both.
    again = save_office_settings(make_uow, province.id, "Hà Văn Nam", "")
    assert (again.office_kind, again.printed_name) == (saved.office_kind, saved.printed_name)


def test_an_unknown_kind_is_refused_naming_the_field(make_uow):
    unit = next(p for p in PlaceService(make_uow).communes() if p.name == "Xã Ẳng Nưa")
    with pytest.raises(ValidationError) as info:
        save_office_settings(make_uow, unit.id, "Lò Văn Minh", "", office_kind="ubnd_tinh")
    message = info.value.by_field()["office_kind"][0]
    assert message.startswith("Loại cơ quan «ubnd_tinh» không có; hãy chọn một trong: UBND xã/phường/đặc khu,")
    assert office_settings(make_uow).office_kind == ""
