"""Where things live: the user's data folder and the bundled resources (source, wheel, frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ocop_desktop import APP_NAME, ORG_NAME

DB_FILENAME = "ocop.db"
DB_ENV = "OCOP_DB"
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def resources_dir() -> Path:
    """The resources folder, wherever this copy of the program was installed from."""
    here = Path(__file__).resolve().parent
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller bundle
        candidates.append(Path(frozen_root) / "resources")
    candidates += [
        here / "resources",  # installed wheel: resources/ is packaged as ocop_desktop/resources
        here.parent / "resources",  # source checkout or editable install
    ]
    for candidate in candidates:
        if (candidate / "reference").is_dir():
            return candidate
    raise FileNotFoundError("Không tìm thấy thư mục tài nguyên (resources) của OCOP Desktop; hãy cài đặt lại ứng dụng.")


def user_data_dir() -> Path:
    """The same folder Qt's QStandardPaths.AppDataLocation gives the GUI, computed without Qt."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / ORG_NAME / APP_NAME


def is_server_url(location: object) -> bool:
    """Whether ``location`` (what --db / OCOP_DB gave) names a PostgreSQL server, not a file."""
    return isinstance(location, str) and location.lower().startswith(SERVER_SCHEMES)


def db_location(explicit: str | None = None) -> Path | str:
    """What --db, else OCOP_DB, else the user data folder names: a file's path, or a server's
    URL as given (issue 18; a URL made a Path would lose its «//»)."""
    named = explicit or os.environ.get(DB_ENV)
    return named if named is not None and is_server_url(named) else default_db_path(explicit)


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db PATH`` first, then the OCOP_DB variable, then the user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return user_data_dir() / DB_FILENAME
