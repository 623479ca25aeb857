"""`ocop` loads only what its command needs: no Alembic, openpyxl or reportlab to list products."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys

import pytest

from ocop_desktop import cli
from tests.cli_run import ocop
from tests.databases import copy_template

HEAVY = ("alembic", "mako", "pygments", "openpyxl", "reportlab", "pypdfium2", "xlsxwriter", "PySide6")


def test_the_table_of_command_modules_is_what_they_register():
    found = {}
    for module in cli.MODULE_ORDER:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()

        def command(name, help_, func, parent=sub):
            return parent.add_parser(name)

        importlib.import_module(f"ocop_desktop.commands.{module}").register(sub, command)
        found.update({name: module for name in sub.choices})
    assert found == cli.COMMAND_MODULES


@pytest.mark.parametrize(
    "argv",
    [["products", "list"], ["--db", "X", "surveys", "list"], ["--help"], ["campaigns", "list", "--db", "X"]],
)
def test_the_command_word_is_found(argv):
    expected = None if argv == ["--help"] else next(a for a in argv if a in ("products", "surveys", "campaigns"))
    assert cli.command_word(argv) == expected


def test_listing_products_imports_no_heavy_library(tmp_path):
    # The office is made in this process from the migrated template; only the listing, whose
    # imports are measured, needs a fresh process.
    path = copy_template(tmp_path / "x.db")
    made = ocop("--db", path, "init")
    assert made.returncode == 0, made.stderr
    code = (
        "import json, sys\n"
        "from ocop_desktop import cli\n"
        f"code = cli.main(['--db', {str(path)!r}, 'products', 'list'])\n"
        f"print(json.dumps([code, sorted(m for m in {HEAVY!r} if m in sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0 and loaded == []
