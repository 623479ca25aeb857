"""The Windows version resource of OCOP-Desktop.exe, written from ocop_desktop.__version__."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = "OCOP Desktop"
DESCRIPTION = "OCOP Desktop - Quản lý sản phẩm OCOP"
COMPANY = "OCOP Desktop"
COPYRIGHT = "Giấy phép GPL-3.0-or-later"
VIETNAMESE = 0x042A  # the Windows language id of Vietnamese
UNICODE_CODEPAGE = 1200


def read_version(root: Path = ROOT) -> str:
    """``__version__`` of the checkout being built, read without importing the package."""
    tree = ast.parse((root / "ocop_desktop" / "__init__.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
            return str(ast.literal_eval(node.value))
    raise SystemExit("ocop_desktop/__init__.py has no __version__")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows: "0.1.0" → (0, 1, 0, 0); a suffix such as "rc1" is dropped."""
    leading = re.match(r"[\d.]*", version).group(0)  # always matches, perhaps empty
    parts = [int(n) for n in leading.split(".") if n][:4]
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


def version_file_text(version: str, exe_name: str) -> str:
    """PyInstaller's version-file format (a Python expression of VSVersionInfo)."""
    numbers = version_tuple(version)
    table = f"{VIETNAMESE:04X}{UNICODE_CODEPAGE:04X}"
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    entries = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
        StringTable({table!r}, [
            {entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [{VIETNAMESE:#06x}, {UNICODE_CODEPAGE}])])
  ]
)
"""


def write_version_file(target: Path, version: str, exe_name: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(version_file_text(version, exe_name), encoding="utf-8")
    return target
