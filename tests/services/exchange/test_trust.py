"""Signed packages and trusted senders: the first package of an office asks, later ones pass
silently, another key under the same office's name and a revoked key are refused."""

from __future__ import annotations

import json
import zipfile

import pytest
from sqlalchemy import select

from ocop_desktop.exports.package import MANIFEST, SIGNATURE, PackageError
from ocop_desktop.persistence.models import InboxEntry
from ocop_desktop.services.office_key import office_key
from ocop_desktop.services.surveys import SurveyEntryInput
from tests.services.exchange.conftest import dump


def _rows(office, name: str) -> None:
    office.surveys.save_entries(office.campaign_id(), office.unit_id, [SurveyEntryInput(product_name=name)])


def test_first_package_asks_later_pass_other_keys_and_revoked_keys_are_refused(office, tmp_path):
    a = office("ang-nua", "xa-ang-nua", "Lò Văn Anh")
    b = office("ang-to", "xa-ang-to", "Quàng Thị Bình")
    province = office("tinh", "tinh-dien-bien", "Nguyễn Văn Kiểm")
    _rows(a, "Chè Shan tuyết")
    a.exchange.export(tmp_path / "a1.ocop.zip", include_reports=False)

    preview = province.exchange.preview(tmp_path / "a1.ocop.zip")
    key_a = office_key(a.make_uow)
    assert (preview.sender.state, preview.sender.office, preview.sender.fingerprint) == (
        "new",
        "Xã Ẳng Nưa",
        key_a.fingerprint,
    )
    assert len(preview.sender.words) == 19 and preview.sender.words.count(" ") == 3  # 4×4 groups
    before = dump(province.path)
    with pytest.raises(PackageError, match="Đây là gói đầu tiên nhận từ Xã Ẳng Nưa") as asked:
        province.exchange.import_package(tmp_path / "a1.ocop.zip")
    assert preview.sender.words in str(asked.value)
    assert dump(province.path) == before  # nothing written, not even the trust
    province.exchange.import_package(tmp_path / "a1.ocop.zip", trust_sender=True)
    with province.make_uow() as uow:
        entry = uow.session.scalar(select(InboxEntry))
        assert entry.signer_fingerprint == key_a.fingerprint  # who vouched for these changes

    # The second package of the same office passes without a question.
    _rows(a, "Gạo nếp nương")
    a.exchange.export(tmp_path / "a2.ocop.zip", changes_only=True, include_reports=False)
    assert province.exchange.preview(tmp_path / "a2.ocop.zip").sender.state == "trusted"
    assert province.exchange.import_package(tmp_path / "a2.ocop.zip").applied

    # Another machine set up as the same commune signs with another key: refused, nothing written.
    impostor = office("gia-mao", "xa-ang-nua", "Người lạ")
    _rows(impostor, "Sản phẩm giả")
    impostor.exchange.export(tmp_path / "fake.ocop.zip", include_reports=False)
    before = dump(province.path)
    with pytest.raises(PackageError, match="khác với khóa đã tin cậy của đơn vị này") as refused:
        province.exchange.import_package(tmp_path / "fake.ocop.zip", trust_sender=True)
    assert "Xã Ẳng Nưa" in str(refused.value) and "ocop senders revoke" in str(refused.value)
    assert dump(province.path) == before

    # b's package stripped of its signature (or made by an old version): refused.
    _rows(b, "Mật ong bạc hà")
    b.exchange.export(tmp_path / "b.ocop.zip", include_reports=False)
    with (
        zipfile.ZipFile(tmp_path / "b.ocop.zip") as zin,
        zipfile.ZipFile(tmp_path / "b-unsigned.ocop.zip", "w") as zout,
    ):
        for name in zin.namelist():
            if name == MANIFEST:
                meta = json.loads(zin.read(name))
                meta.pop("signer")
                zout.writestr(name, json.dumps(meta))
            elif name != SIGNATURE:
                zout.writestr(name, zin.read(name))
    with pytest.raises(PackageError, match="Gói không có chữ ký số của đơn vị gửi"):
        province.exchange.import_package(tmp_path / "b-unsigned.ocop.zip", trust_sender=True)

    # Revoked (the commune's laptop was stolen): its next package is refused.
    [revoked] = province.exchange.revoke_sender(preview.sender.words[:9])
    assert revoked.office == "Xã Ẳng Nưa" and revoked.revoked_at is not None
    _rows(a, "Măng khô")
    a.exchange.export(tmp_path / "a3.ocop.zip", changes_only=True, include_reports=False)
    with pytest.raises(PackageError, match="đã thu hồi tin cậy"):
        province.exchange.import_package(tmp_path / "a3.ocop.zip")
    assert [s.office for s in province.exchange.senders()] == ["Xã Ẳng Nưa"]


def test_the_key_stays_beside_the_database_readable_by_its_owner_only(office, tmp_path):
    a = office("ang-nua", "xa-ang-nua", "Lò Văn Anh")
    a.exchange.export(tmp_path / "a.ocop.zip", include_reports=False)
    key_file = a.path.with_name(a.path.name + ".key")
    assert key_file.is_file() and oct(key_file.stat().st_mode & 0o777) == "0o600"
    with zipfile.ZipFile(tmp_path / "a.ocop.zip") as zf:
        secret = key_file.read_bytes().split(b"\n")[1]
        assert all(secret not in zf.read(n) for n in zf.namelist())  # never inside a package
        manifest = json.loads(zf.read(MANIFEST))
    assert manifest["signer"]["fingerprint"] == office_key(a.make_uow).fingerprint
    a.exchange.export(tmp_path / "a2.ocop.zip", include_reports=False)
    with zipfile.ZipFile(tmp_path / "a2.ocop.zip") as zf:
        assert json.loads(zf.read(MANIFEST))["signer"] == manifest["signer"]  # one key per office
