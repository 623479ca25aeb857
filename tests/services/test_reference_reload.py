"""The reference data is reloaded at start only when the shipped files changed."""

from __future__ import annotations

from sqlalchemy import select

from ocop_desktop.persistence.models import Place
from ocop_desktop.services import reference_reload


def _rename_first_place(make_uow, name: str) -> str:
    with make_uow() as uow:
        place = uow.session.scalars(select(Place).order_by(Place.id).limit(1)).one()
        place.name = name
        uow.commit()
        return place.id


def _name(make_uow, place_id: str) -> str:
    with make_uow() as uow:
        return uow.session.get(Place, place_id).name


def test_reload_is_skipped_while_the_files_are_the_same_and_runs_when_they_change(make_uow, monkeypatch):
    reference_reload.reload_if_changed(make_uow)  # records the shipped files' digest
    assert reference_reload.reload_if_changed(make_uow) is None
    # Forget the places digest so a reload would rewrite the name changed below.
    from ocop_desktop.persistence.models import AppMeta
    from ocop_desktop.services.reference_places import META_KEY

    with make_uow() as uow:
        uow.session.delete(uow.session.get(AppMeta, META_KEY))
        uow.commit()
    place_id = _rename_first_place(make_uow, "Tên sửa tay")
    assert reference_reload.reload_if_changed(make_uow) is None
    assert _name(make_uow, place_id) == "Tên sửa tay"  # not reloaded: same files

    monkeypatch.setattr(reference_reload, "LOADER_VERSION", b"a new version of the program")
    report = reference_reload.reload_if_changed(make_uow)
    assert report is not None and report.updated.get("places") == 1
    assert _name(make_uow, place_id) != "Tên sửa tay"  # reloaded from the shipped file
    assert reference_reload.reload_if_changed(make_uow) is None
