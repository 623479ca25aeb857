"""Excel files for the survey import: refuse unsafe or unreadable ones, open the rest, write the template."""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from ocop_desktop.domain.language import Spoken, Text
from ocop_desktop.domain.os_errors import os_reason
from ocop_desktop.domain.schema import Kind, sheet_fields
from ocop_desktop.exports.package import PackageError, ZipLimits, check_zip

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written, not with this module
    from openpyxl import Workbook

    from ocop_desktop.services.exchange.excel_reader import Sheet

MAX_BYTES = 40 * 2**20  # packed; a national import of 100,000 rows takes 5-10 MB
XLSX_LIMITS = ZipLimits(
    max_file_bytes=MAX_BYTES, max_members=2000, max_member_bytes=200 * 2**20, max_total_bytes=400 * 2**20
)
SHEET = "Rà soát"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)


class ImportRefused(Spoken, Exception):
    """The file cannot be read at all; str() says why and what to do, in Vietnamese."""


# The template's columns: (field, header), from the survey sheet's fields (domain/schema/survey.py).
# Headers of other sheets are matched by folded name (survey_import.ALIASES).
TEMPLATE = tuple((f.key, f.title) for f in sheet_fields())
# Excel's number format of a column by the kind of its values; others are text ("@").
_FORMATS = {Kind.DECIMAL: "#,##0.##", Kind.MONEY: '#,##0 "đ"', Kind.YEAR: "0", Kind.DATE: "dd/mm/yyyy"}


def guard(path: Path) -> None:
    """Refuse what is not a plain, sane .xlsx before openpyxl parses a byte of it."""
    name = path.name
    try:
        # A named pipe or a device (/dev/zero) would block or never end: refused before any open().
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise ImportRefused(
                Text(
                    f"«{name}» là một thư mục, không phải tệp Excel; hãy chọn tệp .xlsx trong thư mục đó.",
                    f"«{name}» is a folder, not an Excel file; choose an .xlsx file inside that folder.",
                )
            )
        if not stat.S_ISREG(mode):
            raise ImportRefused(
                Text(
                    f"«{name}» không phải tệp thông thường (là ống dẫn, thiết bị hoặc ổ cắm) nên không "
                    "nhập được; hãy chọn một tệp Excel (.xlsx) đã lưu trên ổ đĩa.",
                    f"«{name}» is not an ordinary file (it is a pipe, a device or a socket), so it cannot "
                    "be imported; choose an Excel file (.xlsx) saved on a drive.",
                )
            )
        size = os.stat(path).st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportRefused(
            Text(
                f"Không có tệp {path}; hãy kiểm tra tên và thư mục của tệp.",
                f"There is no file {path}; check the file's name and folder.",
            )
        ) from None
    except PermissionError:
        raise ImportRefused(
            Text(
                f"Không có quyền đọc tệp {name}; hãy chép tệp sang thư mục của mình rồi nhập.",
                f"No permission to read the file {name}; copy it to a folder of your own, then import it.",
            )
        ) from None
    except OSError as exc:
        raise ImportRefused(
            Text(f"Không mở được tệp {name}: {os_reason(exc)}.", f"Cannot open the file {name}: {os_reason(exc).en}.")
        ) from None
    if size > MAX_BYTES:
        raise ImportRefused(
            Text(
                f"Tệp {name} nặng {size / 2**20:,.1f} MB, quá giới hạn {MAX_BYTES // 2**20} MB; "
                "hãy chia thành nhiều tệp nhỏ hơn (ví dụ mỗi xã một tệp).",
                f"The file {name} is {size / 2**20:,.1f} MB, more than the {MAX_BYTES // 2**20} MB limit; "
                "split it into smaller files (for example one per commune).",
            )
        )
    if head == _OLE:
        if "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
            raise ImportRefused(
                Text(
                    f"Tệp {name} được bảo vệ bằng mật khẩu nên không đọc được. Hãy mở bằng Excel, "
                    "bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa "
                    "mật khẩu), lưu lại rồi nhập.",
                    f"The file {name} is protected by a password, so it cannot be read. Open it in Excel, "
                    "remove the password (File → Info → Protect Workbook → Encrypt with Password, clear "
                    "the password), save it, then import it.",
                )
            )
        raise ImportRefused(
            Text(
                f"Tệp {name} là tệp Excel đời cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành → "
                "«Sổ làm việc Excel (.xlsx)» rồi nhập tệp mới.",
                f"The file {name} is an old Excel file (.xls). Open it in Excel, choose Save As → "
                "«Excel Workbook (.xlsx)», then import the new file.",
            )
        )
    if not zipfile.is_zipfile(path):
        raise ImportRefused(
            Text(
                f"Tệp {name} không phải tệp Excel (.xlsx) — có thể là tệp khác đã bị đổi tên. "
                "Hãy mở bằng Excel và lưu lại dạng .xlsx, hoặc dùng «Tải mẫu Excel».",
                f"The file {name} is not an Excel file (.xlsx) — perhaps another file that was renamed. "
                "Open it in Excel and save it as .xlsx, or use «Download the Excel template».",
            )
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = check_zip(zf, XLSX_LIMITS, Text(f"Tệp {name}", f"The file {name}"))
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                raise ImportRefused(
                    Text(
                        f"Tệp {name} không phải sổ làm việc Excel (.xlsx); hãy lưu lại bằng Excel.",
                        f"The file {name} is not an Excel workbook (.xlsx); save it again in Excel.",
                    )
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with zf.open(info) as fh:
                        if _DTD.search(fh.read(65536)):
                            raise ImportRefused(
                                Text(
                                    f"Tệp {name} có khai báo thực thể XML (DOCTYPE/ENTITY) trong «{info.filename}» — "
                                    "Excel không bao giờ tạo ra như vậy; tệp có thể độc hại nên bị từ chối.",
                                    f"The file {name} declares XML entities (DOCTYPE/ENTITY) in «{info.filename}» — "
                                    "Excel never writes that; the file may be harmful and was refused.",
                                )
                            )
    except PackageError as exc:
        raise ImportRefused(str(exc)) from None
    except zipfile.BadZipFile as exc:
        raise ImportRefused(
            Text(
                f"Tệp {name} bị hỏng ({exc}); hãy lưu lại bằng Excel rồi nhập.",
                f"The file {name} is damaged ({exc}); save it again in Excel, then import it.",
            )
        ) from None
    except NotImplementedError:
        raise _unsupported(name) from None


def _unsupported(name: str) -> ImportRefused:
    """zipfile's NotImplementedError: a compression method Python cannot unpack (Deflate64 …)."""
    return ImportRefused(
        Text(
            f"Tệp {name} được nén theo cách chương trình không đọc được; hãy mở bằng Excel, lưu lại dạng .xlsx rồi nhập.",
            f"The file {name} is compressed in a way the program cannot read; open it in Excel, save it as .xlsx, then import it.",
        )
    )


def read_sheets(path: Path, progress: Callable[[int, int], None] | None = None) -> list[Sheet]:
    """Every sheet of a guarded workbook, streamed within the reader's limits (excel_reader.py)."""
    from ocop_desktop.services.exchange.excel_reader import read_workbook  # noqa: PLC0415

    try:
        return read_workbook(path, progress=progress)
    except (expat.ExpatError, KeyError, zipfile.BadZipFile, EOFError, UnicodeDecodeError):
        raise ImportRefused(
            Text(
                f"Tệp {path.name} bị hỏng hoặc không phải tệp Excel (.xlsx) hợp lệ; hãy mở bằng Excel, lưu lại rồi nhập.",
                f"The file {path.name} is damaged or not a valid Excel file (.xlsx); open it in Excel, save it, then import it.",
            )
        ) from None
    except NotImplementedError:
        raise _unsupported(path.name) from None
    except OSError as exc:
        raise ImportRefused(
            Text(
                f"Không đọc được tệp {path.name}: {os_reason(exc)}.",
                f"Cannot read the file {path.name}: {os_reason(exc).en}.",
            )
        ) from None


def write_template(path: Path, campaign_year: int | None = None) -> Path:
    """A blank sheet with the template's columns, typed so Excel keeps what people enter."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.worksheet.worksheet import Worksheet  # noqa: PLC0415

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = SHEET
    for col, f in enumerate(sheet_fields(), start=1):
        cell = ws.cell(row=1, column=col, value=f.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        letter = cell.column_letter
        ws.column_dimensions[letter].width = round(f.width * 1.25)  # room for the header's words
        for row in range(2, 202):  # text columns stay text: "1-2" is not turned into a date
            ws.cell(row=row, column=col).number_format = _FORMATS.get(f.kind, "@")
    ws.freeze_panes = "B2"
    ws.row_dimensions[1].height = 45
    guide = wb.create_sheet("Hướng dẫn")
    year = campaign_year or date.today().year
    for line in (
        f"Mẫu nhập kết quả rà soát sản phẩm tham gia Chương trình OCOP năm {year}.",
        "Mỗi dòng một sản phẩm; chỉ cột «Tên sản phẩm» là bắt buộc. Có thể đổi thứ tự cột, thêm dòng trống.",
        "Số viết kiểu Việt Nam: 1.200 hoặc 12,5; giá có thể ghi «15.000 đ». Ngày viết dd/mm/yyyy, ví dụ 05/07/2024.",
        "Cột «Đơn vị»: tên hoặc mã ĐVHC của xã; để trống nếu cả trang là của một xã (chọn xã khi nhập).",
        "Cột «Ngày nộp»: ngày xã gửi báo cáo; để trống nếu chưa nộp.",
        "Nhập vào OCOP Desktop: trang Rà soát sản phẩm → Nhập từ Excel, hoặc lệnh: ocop import survey TỆP --campaign NĂM",
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    _save_atomically(wb, path)
    return path


def _save_atomically(wb: Workbook, path: Path) -> None:
    """Write beside the target, then rename: a full disk leaves the old file (or none), never a
    truncated .xlsx; the error becomes a Vietnamese ImportRefused."""
    folder = path.parent
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ImportRefused(
                Text(
                    f"Không lưu được mẫu Excel vào {path}: đó không phải tệp thông thường (là thư mục, "
                    "thiết bị hoặc ống dẫn); hãy chọn tên tệp khác.",
                    f"Cannot save the Excel template to {path}: it is not an ordinary file (a folder, "
                    "a device or a pipe); choose another file name.",
                )
            )
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise ImportRefused(_not_saved(path, exc)) from None
    # Built in memory (a few kilobytes): openpyxl's zip writer, failing halfway on a full disk,
    # would leave an open archive that complains when collected.
    buffer = io.BytesIO()
    wb.save(buffer)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(buffer.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; the template is an ordinary document
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ImportRefused(_not_saved(path, exc)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _not_saved(path: Path, exc: OSError) -> Text:
    reason = _os_reason(exc)
    return Text(
        f"Không lưu được mẫu Excel vào {path}: {reason}", f"Cannot save the Excel template to {path}: {reason.en}"
    )


def _os_reason(exc: OSError) -> Text:
    import errno  # noqa: PLC0415

    if exc.errno == errno.ENOSPC:
        return Text(
            "ổ đĩa đã đầy; hãy giải phóng chỗ trống hoặc chọn ổ khác.",
            "the drive is full; free some space or choose another drive.",
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Text(
            "không có quyền ghi vào thư mục này (hoặc ổ chỉ đọc); hãy chọn thư mục khác.",
            "no permission to write to this folder (or the drive is read-only); choose another folder.",
        )
    if exc.errno == errno.ENOENT:
        return Text(
            "thư mục không tồn tại; hãy chọn nơi lưu khác.", "the folder does not exist; choose another place to save."
        )
    reason = os_reason(exc)
    return Text(f"{reason}; hãy chọn nơi lưu khác.", f"{reason.en}; choose another place to save.")
