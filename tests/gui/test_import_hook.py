"""PySide's import hook, made lean: modules imported later are not kept as text in memory."""

from __future__ import annotations

import linecache
import sys

import PySide6.QtCore  # noqa: F401 - the hook is there once PySide6 is loaded

from ocop_desktop.gui.import_hook import lean_source_check


def test_modules_imported_after_pyside_are_checked_without_keeping_their_source(tmp_path, monkeypatch):
    assert lean_source_check()
    (tmp_path / "uses_qt_here.py").write_text('"""A module."""\nimport PySide6\n', encoding="utf-8")
    (tmp_path / "plain_here.py").write_text('"""Another."""\nVALUE = 1\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        __import__("uses_qt_here")  # the import statement's way: the hook sees it
        __import__("plain_here")
        assert str(tmp_path / "uses_qt_here.py") not in linecache.cache
        assert str(tmp_path / "plain_here.py") not in linecache.cache
        feature = sys.modules.get("shibokensupport.feature") or sys.modules["PySide6.support.feature"]
        # As shiboken itself decides: a module naming PySide6 gets the default features, others none.
        assert feature.pyside_feature_dict["uses_qt_here"] == 0
        assert feature.pyside_feature_dict["plain_here"] == -1
    finally:
        sys.modules.pop("uses_qt_here", None)
        sys.modules.pop("plain_here", None)
