"""The logbook's Excel template: three sheets a producer fills (raw material in, batches, sales) and a guide."""

from __future__ import annotations

from pathlib import Path

from ocop_desktop.domain.schema.logbooks import SHEETS, STT
from ocop_desktop.services.exchange.excel_files import _FORMATS, _save_atomically

TEMPLATE_ROWS = 500  # rows typed as their columns' kind (text stays text: «1-2» is not made a date)
GUIDE = (
    "Sổ nhật ký sản xuất, kinh doanh của chủ thể OCOP: nguyên liệu nhập vào, các mẻ sản xuất và hàng bán ra.",
    "Trang «Nhập nguyên liệu»: mỗi dòng một lô nguyên liệu, có mã lô riêng (ví dụ NL-2025-001); ghi nhà cung cấp "
    "hoặc «vùng nguyên liệu của cơ sở» và xuất xứ (thôn, xã).",
    "Trang «Mẻ sản xuất»: mỗi dòng một mẻ (lô sản phẩm), có mã mẻ riêng; cột «Mã lô nguyên liệu đã dùng» ghi các "
    "mã lô ở trang «Nhập nguyên liệu», cách nhau bằng dấu phẩy.",
    "Trang «Bán hàng»: mỗi dòng một lần bán: ngày, kênh bán hoặc người mua, số lượng, đơn giá (đồng).",
    "Số viết kiểu Việt Nam: 1.200 hoặc 12,5; giá có thể ghi «15.000 đ». Ngày viết dd/mm/yyyy, ví dụ 05/07/2025.",
    "Ghi cùng một đơn vị tính cho sản phẩm ở trang «Mẻ sản xuất» và «Bán hàng» để tính được sản lượng và giá.",
    "Nhập vào OCOP Desktop: lệnh ocop import logbook TỆP --producer CHỦ_THỂ --product SẢN_PHẨM; tệp có lỗi thì "
    "không dòng nào được nhập, mỗi lỗi ghi rõ trang, dòng và cột.",
)


def write_logbook_template(path: Path) -> Path:
    """A blank logbook workbook: one sheet per part, each column typed, then the guide."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.worksheet.worksheet import Worksheet  # noqa: PLC0415

    path = Path(path)
    wb = Workbook()
    first = wb.active
    assert isinstance(first, Worksheet)  # a new workbook's one sheet
    wb.remove(first)
    for title, _record, columns in SHEETS:
        ws = wb.create_sheet(title)
        for col, f in enumerate((STT, *columns), start=1):
            cell = ws.cell(row=1, column=col, value=f.title)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="E2EFDA")
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            ws.column_dimensions[cell.column_letter].width = round(f.width * 1.25)
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=col).number_format = _FORMATS.get(f.kind, "@")
        ws.freeze_panes = "B2"
        ws.row_dimensions[1].height = 45
    guide = wb.create_sheet("Hướng dẫn")
    for line in GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    _save_atomically(wb, path)
    return path
