"""Keep PySide's import hook from holding the source of every module the program imports.

Once PySide6 is imported, shiboken checks each module imported after it for ``from __feature__``
(PYSIDE-2029) with ``inspect.getsource``, which keeps every file's lines in ``linecache``: about
20 MB for SQLAlchemy, the window and the core, never freed. The same check reading the file
once, without keeping it, costs nothing after the import."""

from __future__ import annotations

import sys
from types import ModuleType

_HOOK_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def uses_pyside(module: ModuleType) -> bool:
    """What shiboken's ``_mod_uses_pyside`` answers (the source names PySide6), minus the cache."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, compiled only or frozen: shiboken finds no source either
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lean_source_check() -> bool:
    """Replace shiboken's check if PySide6 is loaded (True if done); otherwise change nothing."""
    for name in _HOOK_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
            return True
    return False
