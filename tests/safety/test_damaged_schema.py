"""A few damaged bytes in the schema: every command, `check` and `restore` included, ends with the
restore advice (naming the newest good backup) and exit 1, never a traceback; `restore` itself
replaces the damaged file."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from ocop_desktop.cli import main
from ocop_desktop.services import backup as backups


def _damage(path, how: str) -> bytes:
    """Overwrite a few bytes of sqlite_master's text, as a failing disk sector would."""
    data = bytearray(path.read_bytes())
    start = re.search(rb'CREATE TABLE "?products"? \(', data).end()
    if how == "column-name":  # still parses, but the name is no longer text: UnicodeDecodeError
        column = data.index(b"name", start)
        data[column + 1 : column + 3] = b"\xff\xfe"
    else:  # the statement no longer parses: "malformed database schema"
        data[start - 24 : start - 18] = b"CRXATE"
    path.write_bytes(bytes(data))
    return bytes(data)


def ocop(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(params=["column-name", "statement"])
def damaged_db(request, sample_file, tmp_path):
    source, _, _ = sample_file
    path = tmp_path / "ocop.db"
    shutil.copyfile(source, path)
    good = backups.create_backup(path, backups.DAILY).path  # the newest good backup, beside it
    data = _damage(path, request.param)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises((sqlite3.Error, UnicodeDecodeError)):  # really damaged for anyone who reads it
        conn.execute("SELECT * FROM products").fetchall()
    conn.close()
    return path, good, data


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("products", "list"),
        ("tasks", "list"),
        ("audit",),
        ("report", "products", "--format", "xlsx"),
        ("init",),
        ("office", "set", "--unit", "Mường Ảng", "--name", "Lò Văn A"),
        ("backup",),
    ],
)
def test_every_command_gives_the_restore_advice(damaged_db, capsys, args, tmp_path):
    path, good, data = damaged_db
    if args[0] == "report":
        args = (*args, "-o", str(tmp_path / "r.xlsx"))
    code, out, err = ocop(capsys, "--db", str(path), *args)
    assert code == 1
    text = out + err
    assert "bị hỏng" in text and "Traceback" not in text
    assert f'ocop --db "{path}" restore "{good}"' in text  # the newest good backup, and how
    assert path.read_bytes() == data  # never written


def test_restore_replaces_the_damaged_file(damaged_db, capsys):
    path, good, data = damaged_db
    code, out, err = ocop(capsys, "--db", str(path), "restore", str(good), "--yes")
    assert code == 0, err
    assert "Dữ liệu hiện tại không dùng được" in out and "Đã khôi phục" in out
    kept = out.rsplit("giữ ở: ", 1)[1].strip()
    assert Path(kept).read_bytes() == data  # the damaged file, kept byte for byte
    code, out, err = ocop(capsys, "--db", str(path), "products", "list")
    assert code == 0 and len(json.loads(out)) == 10
    assert ocop(capsys, "--db", str(path), "check")[0] == 0
