"""Who may do what on a shared server (issue 18 item 3): a commune officer cannot change another
unit's survey rows, refused by the service in Vietnamese and by PostgreSQL itself (row-level
security, grants) for a raw SQL statement; a test for each role. On a file the local user keeps
every right (the rest of the suite)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError

from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.models import SurveyEntry
from ocop_desktop.persistence.uow import uow_factory
from ocop_desktop.services.access import AccessDenied
from ocop_desktop.services.campaign_types import CampaignInput
from ocop_desktop.services.campaigns import CampaignService
from ocop_desktop.services.errors import explain
from ocop_desktop.services.evaluation import EvaluationInput, EvaluationService, MemberInput
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.scorecards import ScorecardService
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from ocop_desktop.services.task_types import DirectiveInput
from ocop_desktop.services.tasks import TaskService
from tests import pg
from tests.cli_run import ocop
from tests.evaluation_data import COFFEE, SCORES

pytestmark = pytest.mark.xdist_group("postgresql")

ANG_NUA, ANG_CANG = place_id("xa-ang-nua"), place_id("xa-ang-cang")
JUNE_20 = date(2024, 6, 20)
ROLES = ("commune", "province", "council", "admin")


class Office:
    """The server database after `ocop server init`, one login of each role (names unique in the
    cluster: roles are shared by its databases)."""

    def __init__(self, owner_url: str, suffix: str) -> None:
        self.owner_url = owner_url
        self.login = {role: f"{role}_{suffix}" for role in ROLES}
        self.stranger = f"stranger_{suffix}"
        self._engines: dict[str, object] = {}

    def url(self, login: str) -> str:
        scheme, rest = self.owner_url.split("://", 1)
        return f"{scheme}://{login}@{rest.split('@', 1)[1]}"

    def engine(self, login: str):
        if login not in self._engines:
            self._engines[login] = make_engine(self.url(login))
        return self._engines[login]

    def uow(self, login: str):
        return uow_factory(self.engine(login), actor=login)

    def close(self) -> None:
        for engine in self._engines.values():
            engine.dispose()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def office(pg_server: str, tmp_path_factory) -> Iterator[Office]:
    folder: Path = tmp_path_factory.mktemp("access")
    name = pg.create_database(pg_server)
    there = Office(pg.database_url(pg_server, name), uuid.uuid4().hex[:8])
    secret = folder / "mat-khau.txt"
    secret.write_text("mat-khau-thu-nghiem\n", "utf-8")
    try:
        done = ocop("init", "--db", there.owner_url, "--sample", "muong-ang-2024")
        assert done.returncode == 0, done.stderr
        admin = there.login["admin"]
        done = ocop(
            "server",
            "init",
            there.owner_url,
            "--admin",
            admin,
            "--name",
            "Quản Trị Viên",
            "--password-file",
            str(secret),
        )
        assert done.returncode == 0, done.stderr
        assert "Quản trị viên đầu tiên: " + admin in done.stdout and "mat-khau" not in done.stdout
        for role, unit in (("commune", "xa-ang-nua"), ("province", None), ("council", None)):
            args = ["--db", there.url(admin), "users", "add", there.login[role], "--name", f"Người {role}"]
            args += ["--role", role, "--password-file", str(secret)] + (["--unit", unit] if unit else [])
            done = ocop(*args)
            assert done.returncode == 0, done.stderr
        # Rows of both communes, put there by the owner (who keeps every right).
        owner = open_database(there.owner_url)
        surveys = SurveyService(owner.uow_factory(actor="chủ sở hữu"))
        (campaign,) = surveys.campaigns(today=JUNE_20)
        there.campaign = campaign.id  # type: ignore[attr-defined]
        for unit in (ANG_NUA, ANG_CANG):
            surveys.save_entries(campaign.id, unit, [SurveyEntryInput(product_name="Mật ong rừng")])
        with owner.engine.begin() as conn:  # a login in a group but not in users: someone made it by hand
            conn.exec_driver_sql(f"CREATE ROLE {there.stranger} LOGIN IN ROLE ocop_province")
        owner.close()
        yield there
    finally:
        there.close()
        pg.drop_database(pg_server, name)
        with pg._admin(pg_server) as admin_conn:
            for login in [*there.login.values(), there.stranger]:
                admin_conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def _rows(office: Office, login: str, unit: str):
    return SurveyService(office.uow(login)).unit_entries(office.campaign, unit)  # type: ignore[attr-defined]


def _edit(office: Office, login: str, unit: str, note: str):
    """Change the unit's first row through the service, as the window or `ocop` would."""
    (row,) = _rows(office, login, unit)
    changed = SurveyEntryInput(id=row.id, product_name=row.product_name, notes=note)
    return SurveyService(office.uow(login)).save_entries(office.campaign, unit, [changed])  # type: ignore[attr-defined]


def _raw_update(office: Office, login: str, unit: str) -> int:
    """The same change as plain SQL on the login's own connection (psql, another program)."""
    with office.engine(login).begin() as conn:
        done = conn.execute(text("UPDATE survey_entries SET notes = 'sửa thẳng' WHERE unit_id = :u"), {"u": unit})
        return done.rowcount


def test_server_init_refuses_an_initialised_database_and_lists_the_users(office):
    again = ocop("server", "init", office.owner_url, "--admin", "ai_do", "--name", "Ai Đó")
    assert again.returncode == 1 and "đã được khởi tạo" in again.stderr
    listed = ocop("--db", office.url(office.login["admin"]), "users", "list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["Tên", "đăng", "nhập"]
    commune = next(line for line in lines if line.startswith(office.login["commune"]))
    assert "Cán bộ xã" in commune and "Xã Ẳng Nưa" in commune and "có" in commune


def test_the_office_key_is_made_at_init_so_every_role_signs_its_reports(office):
    from ocop_desktop.services.office_key import existing_office_key, office_key

    made = existing_office_key(office.uow(office.login["admin"]))
    assert made is not None
    for role in ROLES:
        signing = office_key(office.uow(office.login[role]))
        assert signing is not None and signing.fingerprint == made.fingerprint, role  # read, not made again


def test_a_commune_officer_changes_their_unit_only(office):
    login = office.login["commune"]
    assert _edit(office, login, ANG_NUA, "xã tự sửa")[0].notes == "xã tự sửa"
    with pytest.raises(AccessDenied) as refused:
        _edit(office, login, ANG_CANG, "sửa hộ xã khác")
    said = str(refused.value)
    assert said.startswith(f"Rà soát năm 2024 — Xã Ẳng Cang: Người dùng «{login}» (Cán bộ xã, Xã Ẳng Nưa)")
    assert f"«{login}» (Cán bộ xã, Xã Ẳng Nưa)" in said and "Xã Ẳng Cang" in said and "Rà soát năm 2024" in said
    # At the database: the other unit's rows are invisible to an UPDATE, and cannot be added to.
    assert _raw_update(office, login, ANG_CANG) == 0
    assert _raw_update(office, login, ANG_NUA) == 1
    with pytest.raises(ProgrammingError, match="row-level security"), office.engine(login).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO survey_entries (id, created_at, updated_at, campaign_id, unit_id, position, product_name) "
                "VALUES ('x1', now(), now(), :c, :u, 9, 'lén')"
            ),
            {"c": office.campaign, "u": ANG_CANG},
        )
    assert [r.notes for r in _rows(office, login, ANG_CANG)] == [""]


def test_a_commune_officer_changes_the_producers_of_their_unit_only(office):
    """A producer belongs to the commune it is in: the commune officer keeps their own (and one
    whose commune is not given yet), not a neighbour's, at the service and at the database."""
    commune, province = office.login["commune"], office.login["province"]
    by_province = ProducerService(office.uow(province))
    mine = by_province.create(ProducerInput(name="HTX Chè Ẳng Nưa", commune_id=ANG_NUA))
    theirs = by_province.create(ProducerInput(name="HTX Mật ong Ẳng Cang", commune_id=ANG_CANG))
    by_commune = ProducerService(office.uow(commune))
    assert by_commune.update(mine.id, ProducerInput(name="HTX Chè Shan tuyết Ẳng Nưa", commune_id=ANG_NUA)).version == 2
    unplaced = by_commune.create(ProducerInput(name="Hộ Lò Văn Khánh"))
    assert (
        by_commune.update(unplaced.id, ProducerInput(name="Hộ Lò Văn Khánh", commune_id=ANG_NUA)).commune_id == ANG_NUA
    )
    with pytest.raises(AccessDenied) as refused:
        by_commune.update(theirs.id, ProducerInput(name="HTX Mật ong sửa hộ", commune_id=ANG_CANG))
    said = str(refused.value)
    assert (
        said.startswith("Chủ thể «HTX Mật ong sửa hộ»") and "không được thêm hoặc sửa chủ thể của Xã Ẳng Cang" in said
    )
    with pytest.raises(AccessDenied, match="Xã Ẳng Cang"):  # nor taken over by moving it into their unit
        by_commune.update(theirs.id, ProducerInput(name="HTX Mật ong Ẳng Cang", commune_id=ANG_NUA))
    with office.engine(commune).begin() as conn:
        moved = conn.execute(text("UPDATE producers SET notes = 'sửa thẳng' WHERE id = :i"), {"i": theirs.id})
        assert moved.rowcount == 0  # row-level security: another unit's producer is not theirs to change
    assert by_province.get(theirs.id).name == "HTX Mật ong Ẳng Cang"
    with pytest.raises(AccessDenied, match="Hội đồng đánh giá chỉ được chấm điểm"):
        ProducerService(office.uow(office.login["council"])).update(
            mine.id, ProducerInput(name="Hội đồng sửa", commune_id=ANG_NUA)
        )


def _policies(office: Office, table: str) -> set[str]:
    with office.engine(office.login["province"]).connect() as conn:
        return set(conn.scalars(text("SELECT policyname FROM pg_policies WHERE tablename = :t"), {"t": table}))


def test_ocop_init_by_the_owner_brings_a_servers_rules_up_to_this_version(office):
    """A server set up by an older version lacks the rules a newer one binds (here the producers'):
    `ocop init` as the owner after the upgrade makes them; an everyday login's init leaves them."""
    owner = make_engine(office.owner_url)
    try:
        with owner.begin() as conn:
            conn.exec_driver_sql("DROP POLICY ocop_change ON producers")
        assert "ocop_change" not in _policies(office, "producers")
        daily = ocop("init", "--db", office.url(office.login["province"]))
        assert daily.returncode == 0, daily.stderr
        assert "ocop_change" not in _policies(office, "producers") and "nhóm quyền" not in daily.stdout
        done = ocop("init", "--db", office.owner_url)
        assert done.returncode == 0, done.stderr
        assert "Đã cập nhật nhóm quyền, quyền trên từng bảng và giới hạn theo đơn vị trên máy chủ." in done.stdout
        assert {"ocop_read", "ocop_add", "ocop_change", "ocop_remove"} <= _policies(office, "producers")
    finally:
        owner.dispose()


def test_a_provincial_officer_changes_every_unit(office):
    login = office.login["province"]
    for unit in (ANG_NUA, ANG_CANG):
        assert _edit(office, login, unit, "tỉnh sửa")[0].notes == "tỉnh sửa"
        assert _raw_update(office, login, unit) == 1


def test_the_council_scores_but_does_not_change_survey_rows(office):
    login = office.login["council"]
    with pytest.raises(AccessDenied, match="Hội đồng đánh giá chỉ được chấm điểm"):
        _edit(office, login, ANG_NUA, "hội đồng sửa")
    with pytest.raises(ProgrammingError, match="permission denied") as denied:
        _raw_update(office, login, ANG_NUA)
    # Were a write path left unchecked, the server's refusal still reads as a sentence.
    assert "Máy chủ không cho tên đăng nhập đang dùng làm thao tác này" in explain(denied.value)
    make = office.uow(login)
    coffee = next(p.id for p in ProductService(make).list() if p.name == COFFEE)
    saved = EvaluationService(make).save(EvaluationInput(coffee, date(2026, 11, 28), (MemberInput("An", SCORES),)))
    assert saved.total > 0
    with pytest.raises(AccessDenied, match="không được thêm, sửa hoặc lưu trữ sản phẩm"):
        ProductService(make).set_archived(coffee, True)
    with pytest.raises(AccessDenied, match="không được sửa dữ liệu tham chiếu"):
        ScorecardService(make).restore_shipped("26/2026:ca-phe-ca-cao")


def test_every_write_is_checked_against_the_role_whichever_service_makes_it(office):
    """Services with no check of their own (campaigns, tasks) and a record changed straight through
    the session are refused before the server's error, in Vietnamese, naming the record and the
    role; nothing is written. A provincial officer does the same."""
    commune, province, council = office.login["commune"], office.login["province"], office.login["council"]
    campaign = CampaignInput(
        year=2027, deadline=date(2027, 7, 1), title="Rà soát OCOP 2027", unit_ids=(place_id("xa-muong-ang"),)
    )
    before = len(CampaignService(office.uow(province)).list())
    with pytest.raises(AccessDenied) as refused:
        CampaignService(office.uow(commune)).add(campaign)
    said = str(refused.value)
    assert said.startswith("Đợt rà soát «Rà soát OCOP 2027»: ")
    assert f"Người dùng «{commune}» (Cán bộ xã, Xã Ẳng Nưa) không được thêm bản ghi này" in said
    assert (
        "vai trò Cán bộ xã chỉ được thêm hoặc sửa chủ thể, thêm, sửa hoặc lưu trữ sản phẩm, sửa dòng rà soát" in said
        and "Chưa lưu gì" in said
    )
    with pytest.raises(AccessDenied, match="vai trò Hội đồng đánh giá chỉ được chấm điểm"):
        TaskService(office.uow(council)).create_directive(
            DirectiveInput(subject="Kế hoạch OCOP 2027", issuer="UBND tỉnh Điện Biên")
        )
    assert len(CampaignService(office.uow(province)).list()) == before

    # Straight through the session, not through a service's own check: another unit's row.
    with pytest.raises(AccessDenied) as refused, office.uow(commune)() as uow:
        row = uow.session.scalars(select(SurveyEntry).where(SurveyEntry.unit_id == ANG_CANG)).one()
        row.notes = "sửa thẳng qua phiên"
        uow.commit()
    assert "Xã Ẳng Cang" in str(refused.value) and "cán bộ xã chỉ sửa được bản ghi của Xã Ẳng Nưa" in str(refused.value)
    assert [r.notes for r in _rows(office, province, ANG_CANG)] != ["sửa thẳng qua phiên"]

    added = CampaignService(office.uow(province)).add(campaign)
    assert added.title == "Rà soát OCOP 2027" and len(CampaignService(office.uow(province)).list()) == before + 1


def test_the_administrator_adds_users_but_does_not_change_survey_rows(office, tmp_path):
    login = office.login["admin"]
    with pytest.raises(AccessDenied, match="Quản trị chỉ được"):
        _edit(office, login, ANG_NUA, "quản trị sửa")
    with pytest.raises(ProgrammingError, match="permission denied"):
        _raw_update(office, login, ANG_NUA)
    # Only an administrator adds users: a provincial officer is refused by the service.
    province = office.url(office.login["province"])
    done = ocop("--db", province, "users", "add", "khong_duoc", "--name", "Không Được", "--role", "council")
    assert done.returncode == 1 and "không được quản lý người dùng" in done.stderr


def test_a_login_nobody_added_is_refused_everywhere(office):
    stranger = office.stranger
    done = ocop("--db", office.url(stranger), "surveys", "list")
    assert done.returncode == 1
    assert (
        done.stderr.startswith(f"Lỗi: Tên đăng nhập «{stranger}» chưa có trong danh sách người dùng")
        and "quản trị viên" in done.stderr
    )
    assert _raw_update(office, stranger, ANG_NUA) == 0  # its group's grants, but no unit: RLS lets nothing through


def test_on_a_file_the_single_local_user_has_no_user_list(tmp_path):
    done = ocop("--db", str(tmp_path / "ocop.db"), "users", "list")
    assert done.returncode == 2 and "một người dùng cục bộ với mọi quyền" in done.stderr


def test_a_role_changed_or_disabled_by_the_administrator_holds_at_the_next_connection(office, tmp_path):
    admin, login = office.url(office.login["admin"]), f"tam_{office.stranger[-8:]}"
    secret = tmp_path / "pw"
    secret.write_text("mat-khau-tam-thoi\n", "utf-8")
    args = ("--name", "Lò Thị Tạm", "--role", "commune", "--unit", "xa-ang-cang", "--password-file", str(secret))
    assert ocop("--db", admin, "users", "add", login, *args).returncode == 0
    try:
        assert _raw_update(office, login, ANG_CANG) == 1 and _raw_update(office, login, ANG_NUA) == 0
        changed = ocop("--db", admin, "users", "role", login, "province")
        assert changed.returncode == 0 and "Chuyên viên tỉnh" in changed.stdout
        assert _raw_update(office, login, ANG_NUA) == 1  # the policy reads the role at each statement
        done = ocop("--db", admin, "users", "disable", login)
        assert done.returncode == 0 and "Đã khóa" in done.stdout
        office.engine(login).dispose()
        refused = ocop("--db", office.url(login), "surveys", "list")
        assert refused.returncode == 1 and login in refused.stderr
    finally:
        with pg._admin(office.owner_url) as conn:
            conn.execute(f'DROP OWNED BY "{login}"')
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')
