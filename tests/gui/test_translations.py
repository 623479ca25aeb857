"""Every visible string has its Vietnamese translation, and Vietnamese is what users see first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ocop_desktop.gui.i18n import install_translators, remove_translators

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_spec"))
import ts_tool  # noqa: E402


def test_every_source_string_has_a_vietnamese_translation():
    files = sorted((ROOT / "resources" / "translations").glob("*_vi.ts"))
    assert files, "no translation sources found"
    missing = ts_tool.missing(None)
    assert missing == [], "untranslated: " + "; ".join(f"{ctx}: {src!r}" for _a, ctx, src in missing[:20])


@pytest.mark.slow
def test_translations_and_forms_are_up_to_date_with_the_code():
    done = subprocess.run(
        [sys.executable, str(ROOT / "build_spec" / "build_resources.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_vietnamese_is_installed_by_default_and_english_on_request(qapp):
    installed = install_translators(qapp)
    try:
        assert QCoreApplication.translate("MainWindow", "OCOP products") == "Sản phẩm OCOP"
        assert QCoreApplication.translate("MainWindow", "Tasks") == "Nhiệm vụ"
    finally:
        remove_translators(qapp, installed)
    assert install_translators(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "OCOP products") == "OCOP products"
