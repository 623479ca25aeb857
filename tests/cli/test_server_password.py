"""A server's password (issue 18): libpq's password file first; without one, `ocop` asks at a
terminal (never echoed, never written anywhere) and tells a script how to keep it in the file;
a server that cannot be reached, or lacks the database, is named with what to check.

The login asked for a password is tests/pg.py's PASSWORD_USER (a role and a pg_hba.conf line no
other test notices)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import pytest

from ocop_desktop.commands import password
from tests import databases, pg
from tests.cli_run import ocop

pytestmark = pytest.mark.xdist_group("postgresql")

USER, SECRET = pg.PASSWORD_USER, pg.PASSWORD


@pytest.fixture
def server_with_password(pg_server, tmp_path, monkeypatch):
    """A database (migrated) reached as USER, whose password the server asks; no password file."""
    name = pg.create_database(pg_server, databases.server_template(pg_server, databases.MIGRATED))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "khong-co.pgpass"))
    yield pg.as_password_user(pg_server, pg.database_url(pg_server, name))
    pg.drop_database(pg_server, name)


def _typed(monkeypatch, prompts: list[str]) -> None:
    """A terminal: getpass reads the runner's input (the test has no terminal of its own)."""
    monkeypatch.setattr(password, "is_terminal", lambda: True)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\n")

    monkeypatch.setattr(getpass, "getpass", fake_getpass)


def test_a_script_is_told_where_to_keep_the_password(server_with_password, tmp_path):
    done = ocop("--db", server_with_password, "products", "list", env={"OCOP_DB": None})
    assert done.returncode == 1, done.stdout
    assert f"cần mật khẩu của người dùng «{USER}» mà chương trình chưa có" in done.stderr
    assert str(tmp_path / "khong-co.pgpass") in done.stderr and f":{USER}:MẬT_KHẨU»" in done.stderr
    assert "Traceback" not in done.stderr


def test_at_a_terminal_the_password_is_asked_and_asked_again_when_wrong(server_with_password, monkeypatch):
    prompts: list[str] = []
    _typed(monkeypatch, prompts)
    done = ocop("--db", server_with_password, "products", "list", env={"OCOP_DB": None}, input=f"sai\n{SECRET}\n")
    assert done.returncode == 0, done.stderr
    assert prompts == [f"Mật khẩu của người dùng «{USER}» trên máy chủ {server_with_password}: "] * 2
    assert "Máy chủ không nhận mật khẩu này; hãy gõ lại." in done.stderr
    logs = "".join(p.read_text(errors="replace") for p in Path(os.environ["OCOP_LOG_DIR"]).rglob("*") if p.is_file())
    assert SECRET not in done.stdout + done.stderr + logs


def test_the_password_typed_for_a_backup_reaches_pg_dump_and_pg_restore(
    server_with_password, pg_server, tmp_path, monkeypatch
):
    """`ocop backup` and `ocop restore` at a terminal: the password typed once is what pg_dump and
    pg_restore connect with (without it they would fail or ask again), and it is shown nowhere."""
    from sqlalchemy import text  # noqa: PLC0415

    from ocop_desktop.persistence.database import open_database  # noqa: PLC0415

    prompts: list[str] = []
    _typed(monkeypatch, prompts)
    archive = tmp_path / "tinh.dump"
    done = ocop("--db", server_with_password, "backup", "-o", archive, env={"OCOP_DB": None}, input=f"{SECRET}\n")
    assert done.returncode == 0, done.stderr
    assert prompts == [f"Mật khẩu của người dùng «{USER}» trên máy chủ {server_with_password}: "]
    assert archive.is_file() and "pg_restore đọc được" in done.stdout

    name = pg.create_database(pg_server)
    empty = pg.as_password_user(pg_server, pg.database_url(pg_server, name))
    try:
        prompts.clear()
        done = ocop("--db", empty, "restore", archive, "--yes", env={"OCOP_DB": None}, input=f"{SECRET}\n")
        assert done.returncode == 0, done.stderr
        assert len(prompts) == 1
        assert SECRET not in done.stdout + done.stderr
        restored = open_database(empty.replace(f"//{USER}@", f"//{USER}:{SECRET}@"), read_only=True)
        try:
            with restored.engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
        finally:
            restored.close()
    finally:
        pg.drop_database(pg_server, name)


def test_three_wrong_passwords_or_none_change_nothing(server_with_password, monkeypatch):
    _typed(monkeypatch, [])
    done = ocop("--db", server_with_password, "products", "list", env={"OCOP_DB": None}, input="a\nb\nc\n")
    assert done.returncode == 1 and f"không nhận mật khẩu đã gõ cho người dùng «{USER}»" in done.stderr
    done = ocop("--db", server_with_password, "products", "list", env={"OCOP_DB": None}, input="")
    assert done.returncode == 1 and "cần mật khẩu" in done.stderr


def test_the_password_file_is_read_without_asking(server_with_password, tmp_path, monkeypatch):
    url = server_with_password
    pgpass = tmp_path / "pgpass.conf"
    host, _, rest = url.split("@", 1)[1].partition(":")
    port, _, name = rest.partition("/")
    pgpass.write_text(f"{host}:{port}:{name}:{USER}:{SECRET}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    done = ocop("--db", url, "products", "list", env={"OCOP_DB": None})
    assert done.returncode == 0, done.stderr


def test_a_server_that_cannot_be_reached_or_lacks_the_database_is_said_so(pg_server):
    missing = pg.database_url(pg_server, "khong_co_csdl_nay")
    done = ocop("--db", missing, "products", "list", env={"OCOP_DB": None})
    assert done.returncode == 1 and "không có cơ sở dữ liệu «khong_co_csdl_nay»" in done.stderr
    assert "createdb --owner=ocop khong_co_csdl_nay" in done.stderr and "không lường trước" not in done.stderr
    done = ocop("--db", "postgresql://ocop@127.0.0.1:1/ocop", "products", "list", env={"OCOP_DB": None})
    assert done.returncode == 1 and "Không kết nối được máy chủ PostgreSQL 127.0.0.1:1" in done.stderr
    assert "không lường trước" not in done.stderr
