"""Product registry service: NFC storage, accent-free search, Vietnamese order, validation, audit."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from sqlalchemy import select, text

from ocop_desktop.domain.validation import StaleDataError, ValidationError
from ocop_desktop.persistence.models import AuditEntry
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService


@pytest.fixture
def products(make_uow):
    return ProductService(make_uow)


def _add(products, name, **kw):
    return products.create(ProductInput(name=name, **kw))


def test_decomposed_text_is_stored_nfc(products, make_uow):
    typed = unicodedata.normalize("NFD", "Cà phê bột Hà Chung")
    assert typed != "Cà phê bột Hà Chung"
    created = _add(products, typed)
    with make_uow() as uow:  # as stored, on a file or a server (--engine=postgresql)
        stored, folded = uow.session.execute(
            text("SELECT name, name_folded FROM products WHERE id = :id"), {"id": created.id}
        ).one()
    assert stored == "Cà phê bột Hà Chung" and unicodedata.is_normalized("NFC", stored)
    assert folded == "ca phe bot ha chung"


def test_search_ignores_diacritics_and_case(products):
    for name in ("Cà phê bột Hà Chung - bột pha phin", "Đào Sơn La", "Trà San tuyết P.H 14", "Rượu nếp"):
        _add(products, name)
    assert [p.name for p in products.list(search="ca phe")] == ["Cà phê bột Hà Chung - bột pha phin"]
    assert [p.name for p in products.list(search="DAO")] == ["Đào Sơn La"]
    assert [p.name for p in products.list(search="RUOU NEP")] == ["Rượu nếp"]
    assert products.list(search="100%") == []  # wildcards typed by the user are literal
    assert len(products.list(search="  ")) == 4


def test_products_come_in_vietnamese_alphabetical_order(products):
    for name in ("Ếch đồng", "Dưa", "Đậu", "Ấm trà", "Ẳng", "Bưởi", "Em"):
        _add(products, name)
    assert [p.name for p in products.list()] == ["Ẳng", "Ấm trà", "Bưởi", "Dưa", "Đậu", "Em", "Ếch đồng"]


def test_all_problems_are_reported_at_once_and_nothing_is_saved(products):
    with pytest.raises(ValidationError) as info:
        products.create(ProductInput(name="  ", status="duoc_cong_nhan", stars=2, score=120, ean13="8935002301005"))
    fields = info.value.by_field()
    assert set(fields) == {"name", "stars", "score", "ean13"}
    assert "Chưa nhập tên sản phẩm" in fields["name"][0]
    assert "3 sao" in fields["stars"][0]
    assert "chữ số cuối phải là 3" in fields["ean13"][0]
    assert products.list(include_archived=True) == []


def test_expiry_follows_the_rule_set_in_force_on_the_certification_date(products):
    created = _add(
        products,
        "Bưởi da xanh Mường Ảng",
        status="duoc_cong_nhan",
        stars=3,
        certified_on=date(2024, 2, 29),
        ean13="893 5002 30100 3",
    )
    assert created.expires_on == date(2027, 2, 28)
    assert created.ean13 == "8935002301003"


def test_a_certified_product_needs_its_expiry_after_certification(products):
    with pytest.raises(ValidationError) as info:
        _add(
            products,
            "Trà",
            status="duoc_cong_nhan",
            stars=4,
            certified_on=date(2024, 5, 1),
            expires_on=date(2024, 4, 1),
        )
    assert "Ngày hết hạn phải sau ngày chứng nhận" in info.value.by_field()["expires_on"][0]


def test_archived_products_are_hidden_not_deleted(products):
    p = _add(products, "Mật ong rừng")
    products.set_archived(p.id, True)
    assert products.list() == []
    assert [x.name for x in products.list(include_archived=True)] == ["Mật ong rừng"]
    products.set_archived(p.id, False)
    assert [x.name for x in products.list()] == ["Mật ong rừng"]


def test_changes_are_audited_with_who_and_old_and_new_values(products, make_uow):
    producer = ProducerService(make_uow).create(
        ProducerInput(name="HTX Chung Phước", kind="hop_tac_xa", tax_code="0100109106")
    )
    p = _add(products, "Thịt trâu gác bếp", producer_id=producer.id)
    products.update(p.id, ProductInput(name="Thịt trâu gác bếp Chung Phước", producer_id=producer.id))
    with make_uow() as uow:
        entries = [
            (e.action, e.actor, e.changes)
            for e in uow.session.scalars(
                select(AuditEntry).where(AuditEntry.entity_id == p.id).order_by(AuditEntry.seq)
            )
        ]
    assert [action for action, _, _ in entries] == ["create", "update"]
    assert all(actor == "Nguyễn Văn Kiểm" for _, actor, _ in entries)
    assert entries[1][2] == {"name": ["Thịt trâu gác bếp", "Thịt trâu gác bếp Chung Phước"]}
    assert p.producer == "HTX Chung Phước"


def test_producer_tax_code_and_phone_are_validated(make_uow):
    service = ProducerService(make_uow)
    with pytest.raises(ValidationError) as info:
        service.create(ProducerInput(name="Hộ ông A", tax_code="0100109107", phone="123"))
    assert set(info.value.by_field()) == {"tax_code", "phone"}
    ok = service.create(ProducerInput(name="Hộ bà B", tax_code="001090012345", phone="0912 345 678"))
    assert (ok.tax_code, ok.phone) == ("001090012345", "0912345678")
    assert [p.name for p in service.list(search="ho ba")] == ["Hộ bà B"]


def test_an_update_over_a_newer_version_is_refused_and_writes_nothing(products):
    shown = _add(products, "Miến dong Ẳng Nưa", status="dang_ky")
    newer = products.update(
        shown.id,
        ProductInput(name="Miến dong Ẳng Nưa", status="dang_ky", notes="Bản mới"),
        expected_updated_at=shown.updated_at,
    )
    with pytest.raises(StaleDataError) as refused:
        products.update(
            shown.id, ProductInput(name="Miến dong", status="dang_ky"), expected_updated_at=shown.updated_at
        )
    message = str(refused.value)
    assert message.startswith("Sản phẩm «Miến dong Ẳng Nưa» đã được Nguyễn Văn Kiểm sửa lúc ")  # who, from the log
    assert "Chưa lưu gì" in message and ".." not in message and "()" not in message
    assert products.get(shown.id) == newer
    # Saving over the version the form now shows works.
    saved = products.update(
        shown.id, ProductInput(name="Miến dong", status="dang_ky"), expected_updated_at=newer.updated_at
    )
    assert saved.name == "Miến dong" and saved.updated_at > newer.updated_at
