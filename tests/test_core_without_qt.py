"""The core (domain, persistence, services, exports) and the CLI must work with Qt absent."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"Qt is blocked in this test: {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    import ocop_desktop
    imported = []
    for layer in ("domain", "persistence", "services", "exports"):
        pkg = importlib.import_module(f"ocop_desktop.{layer}")
        for info in pkgutil.walk_packages(pkg.__path__, prefix=f"ocop_desktop.{layer}."):
            if ".migrations." in info.name:
                continue  # Alembic loads these itself, inside its migration context
            importlib.import_module(info.name)
            imported.append(info.name)
    importlib.import_module("ocop_desktop.cli")
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules)
    print(len(imported))
    """
)


def test_core_modules_import_with_pyside6_unimportable():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # Guard against the walk silently finding nothing.
    assert int(done.stdout.strip()) >= 15


def test_blocking_really_blocks_qt():
    probe = SCRIPT.replace("import ocop_desktop\n", "import ocop_desktop\nimport PySide6\n", 1)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode != 0 and "Qt is blocked" in done.stderr
