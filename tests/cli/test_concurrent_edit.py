"""Several people at once (issue 18 item 2): two `ocop products edit` processes load the same
product and wait at «Lưu thay đổi? [c/K]»; the first saves; the second's save is refused with
exit 1 naming the first person, nothing is lost and the audit chain still verifies. On one
PostgreSQL database, and on one SQLite file."""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from ocop_desktop.persistence.audit_chain import HEAD_KEY, StoredEntry, verify
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.row_seal import as_stored, digests_of
from ocop_desktop.services.products import ProductInput, ProductService
from tests import databases
from tests.cli_run import ocop  # in this process (tests/cli_run.py)

pytestmark = pytest.mark.xdist_group("postgresql")
PROMPT = "Lưu thay đổi? [c/K]".encode()
FIRST, SECOND = "Nguyễn Văn An", "Trần Thị Bình"


class Editor:
    """One `ocop products edit` in its own process, run as ``who`` (the login the audit log names
    when the office has set no user)."""

    def __init__(self, db: str, who: str, product_id: str, *sets: str) -> None:
        env = {**os.environ, "OCOP_DB": "", "LOGNAME": who, "USER": who, "LNAME": who, "USERNAME": who}
        args = [sys.executable, "-m", "ocop_desktop.cli", "--db", db, "products", "edit", product_id]
        for item in sets:
            args += ["--set", item]
        self.process = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        self.shown = b""

    def wait_for_prompt(self, timeout: float = 8.0) -> str:
        """What it printed up to its question (which ends no line)."""
        assert self.process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        while PROMPT not in self.shown:
            left = deadline - time.monotonic()
            assert left > 0 and selector.select(left), f"no prompt: {self.shown!r} {self.process.poll()}"
            chunk = os.read(self.process.stdout.fileno(), 4096)
            assert chunk, f"ended before asking: {self.shown!r} {self.process.stderr.read()!r}"  # type: ignore[union-attr]
            self.shown += chunk
        return self.shown.decode()

    def answer(self, reply: str) -> tuple[int, str, str]:
        out, err = self.process.communicate(f"{reply}\n".encode(), timeout=15)
        return self.process.returncode, (self.shown + out).decode(), err.decode()


def chain_breaks(location: str) -> list[str]:
    """The audit chain verified as `ocop check` does, and every product's newest digest compared
    with its row: on either engine, through SQLAlchemy."""
    db = open_database(location)
    try:
        with db.engine.connect() as conn:
            changes = "CAST(changes AS TEXT)" if conn.dialect.name != "sqlite" else "changes"
            rows = conn.execute(
                text(
                    f"SELECT seq, at, actor, action, entity, entity_id, {changes}, context, prev_hash, hash, "
                    "row_hash FROM audit_log ORDER BY seq"
                )
            ).all()
            entries = [StoredEntry(*(as_stored(v) for v in row)) for row in rows]
            head = conn.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": HEAD_KEY}).scalar()
            problems = [b.message for b in verify(entries, head)]
            newest = {e.entity_id: e.row_hash for e in entries if e.entity == "products"}
            for key, digest in digests_of(conn, "products", list(newest)).items():
                if newest[key] != digest:
                    problems.append(f"products/{key}: digest differs from the log")
        return problems
    finally:
        db.close()


@pytest.fixture(params=["postgresql", "sqlite"])
def location(request, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    path = tmp_path / "ocop.db"
    databases.copy_template(path, databases.MIGRATED)
    return str(path)


def test_the_second_of_two_saves_on_one_loaded_version_is_refused_naming_the_first(location: str):
    db = open_database(location)
    try:
        tea = ProductService(db.uow_factory(actor="Quản trị")).create(
            ProductInput(name="Chè Shan tuyết Mường Lói", status="dang_ky")
        )
    finally:
        db.close()
    first = Editor(location, FIRST, tea.id, "Hạng sao=4", "status=Được công nhận", "Ghi chú=Hội đồng chấm 72 điểm")
    second = Editor(location, SECOND, tea.id, "notes=Xã đề nghị bổ sung hồ sơ")
    shown = first.wait_for_prompt()
    assert "Ghi chú: (trống) → Hội đồng chấm 72 điểm" in shown and "Trạng thái: Đăng ký → Được công nhận" in shown
    assert "Ghi chú: (trống) → Xã đề nghị bổ sung hồ sơ" in second.wait_for_prompt()
    # Both have read version 1 and wait; the first says yes.
    code, out, err = first.answer("c")
    assert code == 0, err
    assert "Đã lưu sản phẩm «Chè Shan tuyết Mường Lói»." in out
    code, out, err = second.answer("c")
    assert code == 1, (out, err)
    assert f"Sản phẩm «Chè Shan tuyết Mường Lói» đã được {FIRST} sửa lúc " in err
    assert ", sau khi lệnh này đọc nó. Chưa lưu gì; hãy chạy lại lệnh để sửa trên bản mới nhất." in err
    assert "Traceback" not in err
    db = open_database(location)
    try:
        stored = ProductService(db.uow_factory()).get(tea.id)
    finally:
        db.close()
    assert (stored.stars, stored.status, stored.notes) == (4, "duoc_cong_nhan", "Hội đồng chấm 72 điểm")
    assert stored.version == 2
    assert chain_breaks(location) == []


def test_declining_saves_nothing(tmp_path: Path):
    location = str(tmp_path / "ocop.db")
    databases.copy_template(Path(location), databases.MIGRATED)
    db = open_database(location)
    try:
        tea = ProductService(db.uow_factory()).create(ProductInput(name="Chè búp khô", status="dang_ky"))
    finally:
        db.close()
    done = ocop("--db", location, "products", "edit", tea.id, "--set", "name=Chè búp", input="k\n")
    assert done.returncode == 1 and "Tên: Chè búp khô → Chè búp" in done.stdout and "Chưa lưu gì." in done.stdout
    done = ocop("--db", location, "products", "edit", tea.id, "--set", "Hạng=4")
    assert done.returncode == 1 and "Sản phẩm không có trường «Hạng» để sửa" in done.stderr
    db = open_database(location)
    try:
        assert ProductService(db.uow_factory()).get(tea.id).name == "Chè búp khô"
    finally:
        db.close()
    done = ocop("--db", location, "products", "edit", tea.id, "--set", "Tên sản phẩm=Chè búp", "--yes")
    assert done.returncode == 0 and "Đã lưu sản phẩm «Chè búp»." in done.stdout
