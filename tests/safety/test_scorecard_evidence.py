"""Scorecards decide the scores a council prints: `ocop check` compares the shipped ones with their
files and holds an office's own cards to the audit chain, like every other user table."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ocop_desktop.cli import main
from ocop_desktop.domain.scorecard import card_from_dict
from ocop_desktop.persistence.audit_chain import HEAD_KEY, head_value
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.migrate import upgrade
from ocop_desktop.persistence.migrations.versions import __path__ as versions_path
from ocop_desktop.services.reference import load_reference
from ocop_desktop.services.scorecards import ScorecardService, load_shipped_scorecards, shipped_files


def _list_indexes() -> list[str]:
    """The indexes migration 0012 adds, read from the migration itself."""
    path = next(Path(versions_path[0]).glob("0012_*.py"))
    spec = importlib.util.spec_from_file_location("m0012", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.INDEXES)


LIST_INDEXES = _list_indexes()

CARD_FILE = "26-2026_ruou-trang.json"


@pytest.fixture(scope="module")
def with_cards(reference_template, tmp_path_factory):
    """The shipped cards, and one card the office corrected (imported) for the 1489/2025 rules."""
    path = tmp_path_factory.mktemp("cards") / "ocop.db"
    shutil.copyfile(reference_template, path)
    db = open_database(path)
    make_uow = db.uow_factory(actor="Nguyễn Văn Kiểm")
    load_reference(make_uow)
    load_shipped_scorecards(make_uow)
    shipped = json.loads(next(p for p in shipped_files() if p.name == "1489-2025_chung.json").read_text("utf-8"))
    shipped["title"] = "Phiếu chấm của tỉnh (sửa lỗi in)"
    ScorecardService(make_uow).store(card_from_dict(shipped), "phieu-tinh.xlsx")
    db.close()
    return path


@pytest.fixture
def copy(with_cards, tmp_path, capsys):
    path = tmp_path / "ocop.db"
    shutil.copyfile(with_cards, path)
    assert main(["--db", str(path), "check"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return path


def _check(path, capsys) -> tuple[int, str]:
    code = main(["--db", str(path), "check"])
    return code, capsys.readouterr().err


def _code(file_name: str) -> str:
    return card_from_dict(json.loads(next(p for p in shipped_files() if p.name == file_name).read_text("utf-8"))).code


def test_a_shipped_card_edited_with_sqlite3_is_named_against_its_file(copy, capsys):
    code = _code(CARD_FILE)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "UPDATE scorecards SET structure = json_set(structure, '$.title', 'Phiếu giả') WHERE code = ?", (code,)
        )
    status, err = _check(copy, capsys)
    assert status == 1
    assert f"Phiếu chấm điểm «{code}» khác với tệp đi kèm chương trình (đã bị sửa ngoài ứng dụng)" in err
    assert f"Phiếu chấm «{code}»: " in err  # and the chain: the record differs from its log


def test_the_office_own_card_is_held_to_the_chain(copy, capsys):
    code = _code("1489-2025_chung.json")
    with sqlite3.connect(copy) as conn:
        origin = conn.execute(
            "SELECT json_extract(structure, '$.origin') FROM scorecards WHERE code = ?", (code,)
        ).fetchone()[0]
        assert origin == "imported"
        conn.execute(
            "UPDATE scorecards SET structure = json_set(structure, '$.title', 'Phiếu khác') WHERE code = ?", (code,)
        )
    status, err = _check(copy, capsys)
    assert status == 1
    assert f"Phiếu chấm «{code}»: " in err and "đã bị sửa ngoài ứng dụng" in err
    assert "Phiếu chấm điểm «" not in err  # not the file's to judge: the office replaced it


def test_a_card_deleted_or_slipped_in_with_sqlite3_is_named(copy, capsys):
    code = _code(CARD_FILE)
    with sqlite3.connect(copy) as conn:
        row = conn.execute("SELECT * FROM scorecards WHERE code = ?", (code,)).fetchone()
        conn.execute("DELETE FROM scorecards WHERE code = ?", (code,))
    status, err = _check(copy, capsys)
    assert status == 1
    assert f"Phiếu chấm «{code}» có trong nhật ký nhưng đã bị xóa ngoài ứng dụng." in err
    assert f"Phiếu chấm điểm «{code}» thiếu so với tệp đi kèm chương trình" in err

    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT INTO scorecards VALUES (" + ", ".join("?" * len(row)) + ")", row)
        conn.execute(
            "INSERT INTO scorecards (id, code, rule_set_id, product_set_id, structure, created_at, updated_at)"
            " SELECT 'x-1', 'gia/2026', rule_set_id, product_set_id, structure, created_at, updated_at "
            "FROM scorecards WHERE code = ?",
            (code,),
        )
    status, err = _check(copy, capsys)
    assert status == 1
    assert "Phiếu chấm «gia/2026»" in err


def _downgrade(path: Path, revision: str) -> None:
    from alembic import command

    from ocop_desktop.persistence.migrate import _config

    engine = make_engine(path)
    cfg = _config()
    with engine.connect() as conn:
        # As persistence/migrate.py runs the steps: batch mode rebuilds tables others refer to
        # (0018's product_sets), which foreign keys would refuse; the pragma only works outside
        # a transaction, so it goes to the driver.
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    engine.dispose()


def test_cards_stored_before_0011_are_sealed_on_upgrade(tmp_path, capsys):
    path = tmp_path / "cu.db"
    engine = make_engine(path)
    upgrade(engine, path, revision="0010")
    engine.dispose()
    db = open_database(path)  # today's program: to 0011, then the shipped cards as it loads them
    make_uow = db.uow_factory(actor="Nguyễn Văn Kiểm")
    load_reference(make_uow)
    load_shipped_scorecards(make_uow)
    db.close()
    _downgrade(path, "0011")  # what the later steps added (0012's indexes, issue 17's tables and columns) undone
    # As 0010 would have stored them: the cards there, no entry about them in the chain.
    with sqlite3.connect(path) as conn:
        first = conn.execute("SELECT min(seq) FROM audit_log WHERE entity = 'scorecards'").fetchone()[0]
        assert (
            conn.execute(
                "SELECT count(*) FROM audit_log WHERE seq > ? AND entity != 'scorecards'", (first,)
            ).fetchone()[0]
            == 0
        )  # they close the chain: it stays whole without them
        conn.execute("DELETE FROM audit_log WHERE entity = 'scorecards'")
        last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        if last:
            conn.execute("UPDATE app_meta SET value = ? WHERE key = ?", (head_value(*last), HEAD_KEY))
        else:
            conn.execute("DELETE FROM app_meta WHERE key = ?", (HEAD_KEY,))
        assert not set(LIST_INDEXES) & {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        conn.execute("UPDATE alembic_version SET version_num = '0010'")
    open_database(path).close()  # 0011 seals them
    with sqlite3.connect(path) as conn:
        sealed = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'seal' AND entity = 'scorecards'"
        ).fetchone()[0]
    assert sealed == len(shipped_files())
    assert main(["--db", str(path), "check"]) == 0, capsys.readouterr().err
