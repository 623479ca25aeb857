"""The sample of the 2024 Mường Ảng letter and the reference data it stands on."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from ocop_desktop.persistence.models import Place, ProductSet
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.reference import load_reference
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyService
from ocop_desktop.services.tasks import TaskService

FOUR_STARS = {
    "Cà phê bột Hà Chung - bột pha phin",
    "Trà San tuyết P.H 14",
    "Trà xanh hữu cơ Phan Nhất",
}
THREE_STARS = {
    "Bưởi da xanh Mường Ảng",
    "Thịt Trâu gác bếp Chung Phước",
    "Cà phê bột Minh Duy",
    "Rượu nếp lọc Thành Thủy",
    "Cà phê bột Chị Em",
    "Cà phê pha phin Arabica Hải An",
    "Cà phê hòa tan Adew",
}


def test_reference_data_holds_the_places_groups_and_sets(make_uow):
    with make_uow() as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(ProductSet)) == 26
        district = s.scalar(select(Place).where(Place.code == "102"))
        old = s.scalars(select(Place).where(Place.parent_id == district.id)).all()
        assert len(old) == 10 and all(p.successor is not None and p.valid_to == date(2025, 6, 30) for p in old)
        town = s.scalar(select(Place).where(Place.code == "03256", Place.valid_to.is_not(None)))
        assert town.name == "Thị trấn Mường Ảng" and town.successor.name == "Xã Mường Ảng"
        assert town.parent.code == "102" and town.parent.parent.name == "Tỉnh Điện Biên"
        new = {p.successor for p in old}
        assert sorted(p.name for p in new) == ["Xã Búng Lao", "Xã Mường Lạn", "Xã Mường Ảng", "Xã Nà Tấu"]
        assert all(p.valid_from == date(2025, 7, 1) for p in new)


def test_loading_reference_data_twice_changes_nothing(make_uow):
    assert not load_reference(make_uow).changed


def test_sample_has_the_letters_ten_products_with_their_stars(make_uow):
    report = load_sample(make_uow, "muong-ang-2024")
    products = ProductService(make_uow).list()
    assert {p.name for p in products if p.stars == 4} == FOUR_STARS
    assert {p.name for p in products if p.stars == 3} == THREE_STARS
    assert len(products) == 10 and all(p.status == "duoc_cong_nhan" for p in products)
    # Nothing the letter does not say is invented: it is left empty and reported.
    assert all(p.certificate_no == "" and p.certified_on is None and p.producer == "" for p in products)
    assert any("số giấy chứng nhận" in line for line in report.missing)
    assert any("ngày ban hành" in line for line in report.missing)


def test_sample_campaign_and_tasks(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    (campaign,) = SurveyService(make_uow).campaigns(today=date(2024, 6, 20))
    assert campaign.year == 2024 and campaign.deadline == date(2024, 7, 5)
    assert len(campaign.submissions) == 10 and campaign.submitted_count == 0
    tasks = TaskService(make_uow).list(today=date(2024, 6, 20))
    assignees = {t.assignee for t in tasks}
    assert assignees == {
        "Phòng Nông nghiệp & PTNT huyện",
        "Phòng Kinh tế - Hạ tầng huyện",
        "Ủy ban MTTQ và các tổ chức chính trị - xã hội huyện",
        "UBND các xã, thị trấn",
        "Các chủ thể OCOP",
    }
    dated = [t for t in tasks if t.due_on]
    assert len(dated) == 1 and dated[0].assignee == "UBND các xã, thị trấn"
    assert dated[0].due_on == date(2024, 7, 5) and not dated[0].overdue
    late = [t for t in TaskService(make_uow).list(today=date(2024, 7, 6)) if t.overdue]
    assert [t.id for t in late] == [dated[0].id]


def test_loading_the_sample_twice_adds_nothing_and_keeps_edits(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    service = ProductService(make_uow)
    first = service.list()
    assert not load_sample(make_uow, "muong-ang-2024").changed
    assert service.list() == first


def _counts(where) -> dict[str, int]:
    """Rows by table of a file, or of an open database (a server's with --engine=postgresql)."""
    from ocop_desktop.persistence.engine import make_engine

    engine = where.engine if hasattr(where, "engine") else make_engine(where, read_only=True)
    try:
        with engine.connect() as conn:
            return {
                t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("products", "survey_entries", "audit_log", "tasks")
            }
    finally:
        if not hasattr(where, "engine"):
            engine.dispose()


def test_the_sample_database_is_its_own_file_and_the_users_data_are_untouched(make_uow, db, tmp_path):
    from ocop_desktop.services.products import ProductInput
    from ocop_desktop.services.sample import prepare_sample_database, sample_database_path

    ProductService(make_uow).create(ProductInput(name="Mật ong bạc hà Đồng Văn"))
    before = _counts(db)
    data_dir = tmp_path / "data"
    sample = sample_database_path(data_dir)
    assert sample == data_dir / "mau" / "muong-ang-2024.db"

    assert prepare_sample_database(sample) == sample
    assert prepare_sample_database(sample) == sample  # a second opening reuses the file, adds nothing

    assert _counts(db) == before  # the user's database: not one row more or less
    names = {p.name for p in ProductService(make_uow).list()}
    assert names == {"Mật ong bạc hà Đồng Văn"}
    in_sample = _counts(sample)
    assert in_sample["products"] == 10 and in_sample["tasks"] > 0
    assert in_sample["survey_entries"] == 0
