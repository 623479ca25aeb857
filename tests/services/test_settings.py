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
