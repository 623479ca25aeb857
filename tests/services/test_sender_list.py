"""A province compares its communes' fingerprints once and sends them as one signed list."""

from __future__ import annotations

import json
import shutil

import pytest
from nacl.signing import SigningKey
from sqlalchemy import select

from ocop_desktop.cli import main
from ocop_desktop.exports.package import PackageError
from ocop_desktop.exports.signing import b64, fingerprint, short_fingerprint, unb64
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.models import TrustedSender
from ocop_desktop.services.exchange import ExchangeService
from ocop_desktop.services.exchange.sender_list import SenderListService
from ocop_desktop.services.exchange.trust import add_sender
from ocop_desktop.services.office_key import existing_office_key, office_key
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import load_reference
from tests.services.test_documents import set_office


def place_id(make_uow, name: str, province: str = "Tỉnh Điện Biên") -> str:
    """The current unit of that name in the province (two provinces have a Xã Mường Lạn)."""
    places = [p for p in PlaceService(make_uow).all() if p.valid_to is None]
    inside = {p.id for p in places if p.name == province}
    return next(p.id for p in places if p.name == name and (p.id in inside or p.parent_id in inside))


def new_key() -> str:
    return b64(bytes(SigningKey.generate().verify_key))


@pytest.fixture
def offices(tmp_path, reference_template):
    """The province's department and a commune, each in its own database."""
    opened = {}
    for name, office, person, kind in (
        ("tinh", "Tỉnh Điện Biên", "Quàng Thị Hoa", "so_nnmt"),
        ("xa", "Xã Mường Ảng", "Lò Văn Minh", "ubnd"),
    ):
        path = tmp_path / name / "ocop.db"
        path.parent.mkdir()
        shutil.copyfile(reference_template, path)
        database = open_database(path)
        make_uow = database.uow_factory(actor=person)
        load_reference(make_uow)
        set_office(make_uow, office, kind=kind, person=person)
        opened[name] = (database, make_uow, path)
    yield {k: v[1] for k, v in opened.items()} | {f"{k}_path": v[2] for k, v in opened.items()}
    for database, _m, _p in opened.values():
        database.close()


def trusted(make_uow) -> dict[str, str]:
    with make_uow() as uow:
        return {
            r.office_name: r.fingerprint for r in uow.session.scalars(select(TrustedSender)) if r.revoked_at is None
        }


def test_a_commune_takes_the_province_list_once_it_trusts_the_province(offices, tmp_path):
    tinh, xa = offices["tinh"], offices["xa"]
    lan, lao, other = new_key(), new_key(), new_key()
    with tinh(action="trust") as uow:
        add_sender(uow.session, place_id(tinh, "Xã Mường Lạn"), "Xã Mường Lạn", lan, "Quàng Thị Hoa")
        add_sender(uow.session, place_id(tinh, "Xã Búng Lao"), "Xã Búng Lao", lao, "Quàng Thị Hoa")
        add_sender(
            uow.session, place_id(tinh, "Xã Mường Ảng"), "Xã Mường Ảng", b64(office_key(xa).public_key), "Quàng Thị Hoa"
        )
        uow.commit()
    listed = tmp_path / "dien-bien.ocopkeys"
    assert SenderListService(tinh).export(listed) == 3

    # The commune has not compared the province's fingerprint yet: nothing is taken.
    province_words = short_fingerprint(existing_office_key(tinh).fingerprint)
    with pytest.raises(PackageError, match=province_words):
        SenderListService(xa).take(listed)
    assert trusted(xa) == {}

    # Xã Búng Lao is trusted here already with another key: the list does not replace it.
    with xa(action="trust") as uow:
        add_sender(uow.session, place_id(xa, "Xã Búng Lao"), "Xã Búng Lao", other, "Lò Văn Minh")
        uow.commit()
    result = SenderListService(xa).take(listed, trust_issuer=True)
    now = trusted(xa)
    assert now["Xã Mường Lạn"] == fingerprint(unb64(lan))
    assert now["Xã Búng Lao"] == fingerprint(unb64(other))  # kept, not replaced by the list's key
    assert "Xã Mường Ảng" not in now  # its own key is not a sender
    assert now["Tỉnh Điện Biên"] == existing_office_key(tinh).fingerprint
    assert any("Xã Búng Lao" in line and "khóa khác" in line for line in result.refused)
    assert result.added == [f"Xã Mường Lạn — {short_fingerprint(now['Xã Mường Lạn'])}"]
    with xa() as uow:
        row = uow.session.scalars(select(TrustedSender).where(TrustedSender.office_name == "Xã Mường Lạn")).one()
        assert row.note.startswith("theo danh sách khóa của Tỉnh Điện Biên ngày ")

    # The province revokes Mường Lạn's key (a lost laptop); its next list revokes it here too.
    ExchangeService(tinh).revoke_sender(short_fingerprint(now["Xã Mường Lạn"])[:9])
    SenderListService(tinh).export(listed)
    again = SenderListService(xa).take(listed)
    assert "Xã Mường Lạn" not in trusted(xa)
    assert again.revoked and again.revoked[0].startswith("Xã Mường Lạn")


def test_a_changed_list_or_one_signed_by_a_commune_is_refused(offices, tmp_path):
    tinh, xa = offices["tinh"], offices["xa"]
    with tinh(action="trust") as uow:
        add_sender(uow.session, place_id(tinh, "Xã Mường Lạn"), "Xã Mường Lạn", new_key(), "Quàng Thị Hoa")
        uow.commit()
    listed = tmp_path / "dien-bien.ocopkeys"
    SenderListService(tinh).export(listed)
    forged = json.loads(listed.read_text(encoding="utf-8"))
    forged["senders"][0]["public_key"] = new_key()  # someone slips their own key in
    bad = tmp_path / "sua.ocopkeys"
    bad.write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(PackageError, match="không hợp lệ"):
        SenderListService(xa).take(bad, trust_issuer=True)
    assert trusted(xa) == {}

    with pytest.raises(PackageError, match="chỉ cơ quan cấp tỉnh"):
        SenderListService(xa).export(tmp_path / "xa.ocopkeys")


def test_cli_export_and_import(offices, tmp_path, capsys):
    tinh_db, xa_db = offices["tinh_path"], offices["xa_path"]
    with offices["tinh"](action="trust") as uow:
        add_sender(uow.session, place_id(offices["tinh"], "Xã Mường Lạn"), "Xã Mường Lạn", new_key(), "Quàng Thị Hoa")
        uow.commit()
    listed = tmp_path / "ds.ocopkeys"
    assert main(["senders", "export", "--db", str(tinh_db), "-o", str(listed)]) == 0
    assert main(["senders", "import", "--db", str(xa_db), str(listed)]) == 1
    assert "chưa được tin cậy" in capsys.readouterr().err
    assert main(["senders", "import", "--db", str(xa_db), str(listed), "--trust-issuer"]) == 0
    out = capsys.readouterr().out
    assert "thêm 1 đơn vị" in out and "Đã thêm: Xã Mường Lạn" in out
