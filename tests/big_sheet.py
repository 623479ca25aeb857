"""A large .xlsx written straight as its XML parts: one sheet of numbers and shared strings, laid
out as Excel saves it. For the tests that need 100,000 rows, which
XlsxWriter took 10–15 s of the suite to write (a cell at a time through its Python layers);
this takes about 2 s. What is read back is a normal workbook (LibreOffice and openpyxl open it)."""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _column(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _cell(ref: str, value: object, strings: dict[str, int]) -> str:
    if isinstance(value, bool) or value is None:
        raise TypeError(f"{ref}: only numbers and text are written here, not {value!r}")
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="s"><v>{strings.setdefault(str(value), len(strings))}</v></c>'


def write_sheet(path: Path, title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """``path`` holding one sheet ``title``: the header row, then ``rows`` (numbers or text)."""
    columns = [_column(i) for i in range(len(header))]
    strings: dict[str, int] = {}  # text -> its index in the shared strings, in order of first use
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" '
            f'xmlns:r="{_REL}"><sheets><sheet name="{escape(title)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        with zf.open("xl/worksheets/sheet1.xml", "w") as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'.encode())
            out.write(b"<sheetData>")
            for number, values in enumerate(itertools.chain([header], rows), start=1):
                cells = "".join(_cell(f"{columns[i]}{number}", v, strings) for i, v in enumerate(values))
                out.write(f'<row r="{number}">{cells}</row>'.encode())
            out.write(b"</sheetData></worksheet>")
        with zf.open("xl/sharedStrings.xml", "w") as out:
            out.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" '
                f'count="{len(strings)}" uniqueCount="{len(strings)}">'.encode()
            )
            for text in strings:  # a dict keeps the order of first use: the indices
                out.write(f'<si><t xml:space="preserve">{escape(text)}</t></si>'.encode())
            out.write(b"</sst>")
    return path
