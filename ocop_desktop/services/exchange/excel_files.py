"""Excel files for the survey import: refuse unsafe or unreadable ones, open the rest, write the template."""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from ocop_desktop.domain.os_errors import os_reason
from ocop_desktop.domain.schema import Kind, sheet_fields
from ocop_desktop.exports.package import PackageError, ZipLimits, check_zip

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written, not with this module
    from openpyxl import Workbook

    from ocop_desktop.services.exchange.excel_reader import Sheet

MAX_BYTES = 20 * 2**20
XLSX_LIMITS = ZipLimits(
    max_file_bytes=MAX_BYTES, max_members=2000, max_member_bytes=200 * 2**20, max_total_bytes=400 * 2**20
)
SHEET = "Rà soát"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)


class ImportRefused(Exception):
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
            raise ImportRefused(f"«{name}» là một thư mục, không phải tệp Excel; hãy chọn tệp .xlsx trong thư mục đó.")
        if not stat.S_ISREG(mode):
            raise ImportRefused(
                f"«{name}» không phải tệp thông thường (là ống dẫn, thiết bị hoặc ổ cắm) nên không "
                "nhập được; hãy chọn một tệp Excel (.xlsx) đã lưu trên ổ đĩa."
            )
        size = os.stat(path).st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportRefused(f"Không có tệp {path}; hãy kiểm tra tên và thư mục của tệp.") from None
    except PermissionError:
        raise ImportRefused(f"Không có quyền đọc tệp {name}; hãy chép tệp sang thư mục của mình rồi nhập.") from None
    except OSError as exc:
        raise ImportRefused(f"Không mở được tệp {name}: {os_reason(exc)}.") from None
    if size > MAX_BYTES:
        raise ImportRefused(
            f"Tệp {name} nặng {size / 2**20:,.1f} MB, quá giới hạn {MAX_BYTES // 2**20} MB; "
            "hãy chia thành nhiều tệp nhỏ hơn (ví dụ mỗi xã một tệp)."
        )
    if head == _OLE:
        if "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
            raise ImportRefused(
                f"Tệp {name} được bảo vệ bằng mật khẩu nên không đọc được. Hãy mở bằng Excel, "
                "bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa "
                "mật khẩu), lưu lại rồi nhập."
            )
        raise ImportRefused(
            f"Tệp {name} là tệp Excel đời cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành → "
            "«Sổ làm việc Excel (.xlsx)» rồi nhập tệp mới."
        )
    if not zipfile.is_zipfile(path):
        raise ImportRefused(
            f"Tệp {name} không phải tệp Excel (.xlsx) — có thể là tệp khác đã bị đổi tên. "
            "Hãy mở bằng Excel và lưu lại dạng .xlsx, hoặc dùng «Tải mẫu Excel»."
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = check_zip(zf, XLSX_LIMITS, f"Tệp {name}")
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                raise ImportRefused(f"Tệp {name} không phải sổ làm việc Excel (.xlsx); hãy lưu lại bằng Excel.")
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with zf.open(info) as fh:
                        if _DTD.search(fh.read(65536)):
                            raise ImportRefused(
                                f"Tệp {name} có khai báo thực thể XML (DOCTYPE/ENTITY) trong «{info.filename}» — "
                                "Excel không bao giờ tạo ra như vậy; tệp có thể độc hại nên bị từ chối."
                            )
    except PackageError as exc:
        raise ImportRefused(str(exc)) from None
    except zipfile.BadZipFile as exc:
        raise ImportRefused(f"Tệp {name} bị hỏng ({exc}); hãy lưu lại bằng Excel rồi nhập.") from None
    except NotImplementedError:
        raise _unsupported(name) from None


def _unsupported(name: str) -> ImportRefused:
    """zipfile's NotImplementedError: a compression method Python cannot unpack (Deflate64 …)."""
    return ImportRefused(
        f"Tệp {name} được nén theo cách chương trình không đọc được; hãy mở bằng Excel, lưu lại dạng .xlsx rồi nhập."
    )


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of a guarded workbook, streamed within the reader's limits (excel_reader.py)."""
    from ocop_desktop.services.exchange.excel_reader import read_workbook  # noqa: PLC0415

    try:
        return read_workbook(path)
    except (expat.ExpatError, KeyError, zipfile.BadZipFile, EOFError, UnicodeDecodeError):
        raise ImportRefused(
            f"Tệp {path.name} bị hỏng hoặc không phải tệp Excel (.xlsx) hợp lệ; hãy mở bằng Excel, lưu lại rồi nhập."
        ) from None
    except NotImplementedError:
        raise _unsupported(path.name) from None
    except OSError as exc:
        raise ImportRefused(f"Không đọc được tệp {path.name}: {os_reason(exc)}.") from None


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
                f"Không lưu được mẫu Excel vào {path}: đó không phải tệp thông thường (là thư mục, "
                "thiết bị hoặc ống dẫn); hãy chọn tên tệp khác."
            )
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise ImportRefused(f"Không lưu được mẫu Excel vào {path}: {_os_reason(exc)}") from None
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
        raise ImportRefused(f"Không lưu được mẫu Excel vào {path}: {_os_reason(exc)}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _os_reason(exc: OSError) -> str:
    import errno  # noqa: PLC0415

    if exc.errno == errno.ENOSPC:
        return "ổ đĩa đã đầy; hãy giải phóng chỗ trống hoặc chọn ổ khác."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "không có quyền ghi vào thư mục này (hoặc ổ chỉ đọc); hãy chọn thư mục khác."
    if exc.errno == errno.ENOENT:
        return "thư mục không tồn tại; hãy chọn nơi lưu khác."
    return f"{os_reason(exc)}; hãy chọn nơi lưu khác."
