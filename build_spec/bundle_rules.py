"""What the bundle carries and what it leaves out; the spec imports this, tests check it."""

from __future__ import annotations

import platform
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# Python modules a widgets program never imports. pip/setuptools and the test tools are build
# or test machinery. numpy, Pillow, requests (and what requests drags in: urllib3,
# cryptography, certifi, charset_normalizer) are optional extras of pypdfium2, openpyxl,
# reportlab and python-stdnum's online checks: our code calls none of them, and the program is
# offline. The Qt modules are the ones a QtWidgets program does not use; QtNetwork stays, the
# single-instance guard (QLocalServer) needs it. Pillow itself stays (reportlab imports it at
# start) but without its AVIF, WebP, colour-management and Tk parts and their libraries.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "pip",
    "setuptools",
    "pkg_resources",
    "distutils",
    "wheel",
    "pytest",
    "_pytest",
    "pytestqt",
    "pypdf",
    "tests",
    "pygments",
    "yaml",
    "numpy",
    "requests",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "urllib3",
    "cryptography",
    "certifi",
    "charset_normalizer",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDBus",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtStateMachine",
    "PySide6.QtMultimedia",
]

# Qt plugins kept, per plugin folder; None keeps the whole folder. Folders not named here
# (sql drivers, tls, network information, wayland, eglfs, generic input, GL integrations,
# icon engines, platform themes …) are dropped, and with them the Qt libraries only they load.
QT_PLUGINS: dict[str, set[str] | None] = {
    # windows: the desktop; offscreen: --self-test on a build machine; xcb: the Linux stand-in.
    "platforms": {"qwindows", "qoffscreen", "qminimal", "qxcb", "qcocoa"},
    "styles": None,  # qmodernwindowsstyle: the native Windows 10/11 look
    "imageformats": {"qico", "qjpeg", "qgif"},  # png is built in; svg/pdf/webp/tiff pull extra libraries
    "printsupport": None,
    "platforminputcontexts": None,  # ibus/fcitx: Vietnamese typing (Unikey-style) on Linux
}

# Languages of the interface; Qt's own translations for other languages are left out.
SHIPPED_LANGUAGES = ("vi",)

# Files dropped by name wherever they are: software OpenGL and the Direct3D shader compiler are
# for OpenGL/Qt Quick rendering, which a QtWidgets program without GL widgets never does.
DROPPED_FILES = {"opengl32sw.dll", "d3dcompiler_47.dll"}


def platform_tag() -> str:
    """windows-x64, linux-x86_64 …: the last part of the bundle folder's name."""
    machine = platform.machine().lower()
    if sys.platform == "win32":
        return "windows-x64" if machine in ("amd64", "x86_64") else f"windows-{machine}"
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"linux-{machine}"


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for resources/ and the Alembic migrations.

    resources/ goes whole except translation sources (.ts; the .qm are what Qt loads), so a
    folder added later (scorecards …) travels without touching the spec. Alembic reads the
    migration scripts as files from persistence/migrations, so they are shipped as data in the
    same place the package has them; persistence/migrate.py then finds them beside itself.
    """
    out: list[tuple[str, str]] = []
    resources = root / "resources"
    for path in sorted(resources.rglob("*")):
        if path.is_file() and path.suffix != ".ts" and "__pycache__" not in path.parts:
            out.append(
                (str(path), (PurePosixPath("resources") / path.parent.relative_to(resources).as_posix()).as_posix())
            )
    migrations = root / "ocop_desktop" / "persistence" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".mako", ".ini") and "__pycache__" not in path.parts:
            folder = (
                PurePosixPath("ocop_desktop/persistence/migrations") / path.parent.relative_to(migrations).as_posix()
            )
            out.append((str(path), folder.as_posix()))
    return out


def hidden_imports() -> list[str]:
    """Modules loaded without an import statement PyInstaller can see."""
    return [
        # Alembic runs the migration scripts from files; what they import must be in the archive.
        "alembic.op",
        "alembic.context",
        "alembic.ddl.sqlite",
        "sqlalchemy.dialects.sqlite",
        "ocop_desktop.domain.text",
        "ocop_desktop.persistence.models",
        # The single-instance guard (QLocalServer) lives in QtNetwork.
        "PySide6.QtNetwork",
        # PyNaCl's compiled libsodium binding loads cffi's backend from C, unseen by the analysis.
        "_cffi_backend",
        # reportlab loads its C accelerator (rl-accel) with exec("from _rl_accel import …").
        "_rl_accel",
    ]


def package_modules(root: Path) -> list[str]:
    """Every module of ocop_desktop in the checkout, the migration scripts included."""
    package = root / "ocop_desktop"
    names = []
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" in path.parts or path.name == "__main__.py":
            continue
        parts = path.relative_to(root).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _stem(name: str) -> str:
    """libqxcb.so → qxcb, qwindows.dll → qwindows, libqico.dylib → qico."""
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) stays in the trimmed bundle."""
    parts = _parts(dest)
    name = parts[-1]
    if name.lower() in DROPPED_FILES:
        return False
    if parts[0] == "PySide6" and "plugins" in parts[:-1]:
        rest = parts[parts.index("plugins") + 1 :]
        if len(rest) < 2 or rest[0] not in QT_PLUGINS:
            return False
        allowed = QT_PLUGINS[rest[0]]
        return allowed is None or _stem(name) in allowed
    if parts[0] == "PySide6" and "translations" in parts[:-1] and name.endswith(".qm"):
        return any(name.endswith(f"_{lang}.qm") for lang in SHIPPED_LANGUAGES)
    return True


_EXTENSION = re.compile(r"\.(pyd|cpython-[^.]+\.so|abi3\.so)$", re.IGNORECASE)
_LIBRARY_FOLDERS = {(), ("PySide6",), ("PySide6", "Qt", "lib")}


def is_prunable_library(dest: str) -> bool:
    """A shared library that is there only because something links to it.

    Python extension modules, the Python library, plugins and libraries loaded by ctypes
    (pypdfium2_raw/…) are roots: they stay whatever links to them. Plain libraries in the
    top folder or Qt's library folder stay only while a kept file still needs them.
    """
    parts = _parts(dest)
    name = parts[-1]
    if tuple(parts[:-1]) not in _LIBRARY_FOLDERS or _EXTENSION.search(name):
        return False
    if re.match(r"(lib)?python\d", name, re.IGNORECASE):
        return False
    return bool(re.search(r"\.(dll|so(\.\d+)*|dylib)$", name, re.IGNORECASE))


def prune_unneeded(entries: list[tuple], imports_of: Callable[[str], Iterable[str]]) -> list[tuple]:
    """Drop libraries that no kept binary needs any more (after plugins were left out).

    ``entries`` are PyInstaller TOC entries (dest, source, typecode); a SYMLINK entry's source
    is the bundle path it points to. ``imports_of(source)`` gives the file names a binary links
    to. A library is needed when a root or a needed library names it (by file name,
    case-insensitive for Windows); a symbolic link stays while what it points to stays.
    """
    by_dest = {_key(e[0]): e for e in entries}
    by_name: dict[str, list[tuple]] = {}
    for entry in entries:
        by_name.setdefault(_parts(entry[0])[-1].lower(), []).append(entry)
    needed: set[str] = set()
    queue = [e for e in entries if not is_prunable_library(e[0])]
    while queue:
        entry = queue.pop()
        dest = _key(entry[0])
        if dest in needed:
            continue
        needed.add(dest)
        if entry[2] == "SYMLINK":
            target = by_dest.get(_key(entry[1]))
            if target is not None:
                queue.append(target)
            continue
        for imported in imports_of(entry[1]):
            queue.extend(by_name.get(PurePosixPath(str(imported).replace("\\", "/")).name.lower(), ()))
    kept = []
    for entry in entries:
        if is_prunable_library(entry[0]) and _key(entry[0]) not in needed:
            continue
        if entry[2] == "SYMLINK" and _key(entry[1]) in by_dest and _key(entry[1]) not in needed:
            continue
        kept.append(entry)
    return kept


def _key(dest: str) -> str:
    return "/".join(_parts(dest)).lower()
