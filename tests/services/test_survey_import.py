"""Excel import of survey entries: messy real-world sheets, every problem located, unsafe files refused."""

from __future__ import annotations

import errno
import os
import re
import struct
import unicodedata
import zipfile
from datetime import date

import openpyxl
import pytest

from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.survey_import import ImportRefused, SurveyImportService, write_template
from ocop_desktop.services.surveys import SurveyService
from tests.ids import SAMPLE_2024

ANG_NUA = place_id("xa-ang-nua")
NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


@pytest.fixture
def service(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    save_office_settings(make_uow, place_id("huyen-muong-ang"), "Nguyễn Văn Kiểm", "")
    return SurveyImportService(make_uow)


def messy(path):
    """What arrives by email: a title above, headers upper-cased in another order, numbers as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rà soát"
    ws.append(["KẾT QUẢ RÀ SOÁT SẢN PHẨM NĂM 2024"])
    ws.append([])
    ws.append(
        [
            "GIÁ (ĐỒNG)",
            "  Tên SP ",
            NFD("CHỦ THỂ"),
            "Sản lượng",
            "ĐVT",
            "Diện tích (ha)",
            "Đơn vị",
            "Ngày nộp",
            "STT",
            "Người lập",
        ]
    )
    ws.append(["15.000 đ", "  Chè   Shan tuyết ", "HTX Chè", "1.200", "kg", "12,5", "xã ẳng nưa", "05/07/2024", 1])
    ws.append([])
    ws.append([25000, NFD("Mật ong bạc hà"), None, 300, "lít", None, "03307", None, 2])
    ws.append(["15.000đ/kg", "Gạo nếp nương", None, "2 tấn", "kg", None, "Ẳng Nưa", None, 3])
    ws.append([None, "   ", None, "abc", None, None, "Ẳng Nưa", None, 4])
    ws.append([None, None, None, None, None, None, None, None, 5])
    ws.append([None, "Rượu ngô", None, None, None, None, "Xã Không Có", "31/02/2024", 6])
    wb.save(path)
    return path


def test_every_problem_names_the_sheet_row_and_column(service, tmp_path):
    check = service.check(messy(tmp_path / "xa-gui.xlsx"), SAMPLE_2024, today=date(2024, 7, 10))
    assert [p.message for p in check.problems] == [
        "Trang «Rà soát», dòng 7, cột «GIÁ (ĐỒNG)» (A): «15.000đ/kg» không phải là số. Hãy nhập số, ví dụ 1.200 hoặc 12,5.",
        "Trang «Rà soát», dòng 7, cột «Sản lượng» (D): «2 tấn» không phải là số. Hãy nhập số, ví dụ 1.200 hoặc 12,5.",
        "Trang «Rà soát», dòng 8, cột «Tên SP» (B): Chưa có tên sản phẩm; hãy nhập tên hoặc xóa cả dòng.",
        "Trang «Rà soát», dòng 8, cột «Sản lượng» (D): «abc» không phải là số. Hãy nhập số, ví dụ 1.200 hoặc 12,5.",
        "Trang «Rà soát», dòng 10, cột «Đơn vị» (G): «Xã Không Có» không phải đơn vị báo cáo của đợt rà soát năm "
        "2024; hãy ghi đúng tên (ví dụ «Xã Ẳng Nưa») hoặc mã ĐVHC.",
        "Trang «Rà soát», dòng 10, cột «Ngày nộp» (H): Ngày «31/02/2024» không tồn tại. "
        "Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/07/2024.",
    ]
    assert (check.data_rows, len(check.rows), check.bad_rows) == (5, 2, 3)
    assert check.warnings == (
        "Trang «Rà soát», dòng 3, cột «Người lập» (J): không nhận ra tên cột nên bỏ qua cột này.",
    )


def test_nothing_is_imported_while_a_row_is_wrong(service, make_uow, tmp_path):
    with pytest.raises(ValidationError) as refused:
        service.import_file(messy(tmp_path / "x.xlsx"), SAMPLE_2024, today=date(2024, 7, 10))
    assert "dòng 7, cột «GIÁ (ĐỒNG)»" in str(refused.value)
    assert SurveyService(make_uow).entries(SAMPLE_2024) == []


def test_valid_rows_only_reads_what_people_really_type(service, make_uow, tmp_path):
    path = messy(tmp_path / "x.xlsx")
    result = service.import_file(path, SAMPLE_2024, valid_only=True, today=date(2024, 7, 10))
    assert (result.applied, result.added, result.updated, result.units) == (True, 2, 0, ("Xã Ẳng Nưa",))
    surveys = SurveyService(make_uow)
    campaign = surveys.campaigns()[0]
    tea, honey = surveys.unit_entries(campaign.id, ANG_NUA)
    assert (tea.product_name, tea.producer, tea.price_vnd, tea.output_quantity, tea.raw_material_area_ha) == (
        "Chè Shan tuyết",
        "HTX Chè",
        15000,
        1200.0,
        12.5,
    )
    assert honey.product_name == "Mật ong bạc hà" and unicodedata.is_normalized("NFC", honey.product_name)
    unit = next(u for u in surveys.campaign_units(campaign.id, today=date(2024, 7, 10)) if u.unit_id == ANG_NUA)
    # Sent on the deadline day of «trước ngày 05/07/2024»: late, as the survey report says.
    assert (unit.status, unit.submitted_on, unit.on_time) == ("da_nop", date(2024, 7, 5), False)
    # The same sheet again matches the same rows instead of adding them twice, and says nothing changed.
    again = service.import_file(path, SAMPLE_2024, valid_only=True, today=date(2024, 7, 10))
    assert (again.added, again.updated, again.unchanged, again.operation_id) == (0, 0, 2, None)
    assert len(surveys.unit_entries(campaign.id, ANG_NUA)) == 2


def test_the_template_round_trips(service, make_uow, tmp_path):
    template = write_template(tmp_path / "mau.xlsx", 2024)
    wb = openpyxl.load_workbook(template)
    ws = wb["Rà soát"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["STT", "Tên sản phẩm", "Chủ thể"] and "Hướng dẫn" in wb.sheetnames
    for header, value in {
        "STT": 1,
        "Tên sản phẩm": "Miến dong",
        "Giá tiêu thụ (đồng)": 60000,
        "Đề xuất tham gia OCOP năm": 2025,
    }.items():
        ws.cell(row=2, column=headers.index(header) + 1, value=value)
    wb.save(template)
    result = service.import_file(template, SAMPLE_2024, ANG_NUA)
    assert result.added == 1
    [entry] = SurveyService(make_uow).entries(SAMPLE_2024)
    assert (entry.product_name, entry.price_vnd, entry.proposed_year, entry.unit) == (
        "Miến dong",
        60000,
        2025,
        "Xã Ẳng Nưa",
    )


def test_rows_without_a_unit_ask_for_one(service, tmp_path):
    template = write_template(tmp_path / "mau.xlsx", 2024)
    wb = openpyxl.load_workbook(template)
    wb["Rà soát"]["B2"] = "Miến dong"
    wb.save(template)
    check = service.check(template, SAMPLE_2024)  # the district office reports no survey of its own
    assert [p.message for p in check.problems] == [
        "Trang «Rà soát», dòng 2: chưa rõ dòng này của đơn vị nào; hãy thêm cột «Đơn vị» hoặc chọn đơn vị khi nhập."
    ]


def cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3) holding ``streams``, as Office wraps an encrypted workbook."""
    sector, end, free, fat_sect = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat, body, starts = [fat_sect, end], b"", []
    for content in streams.values():
        content = content.ljust(4096, b"\0")  # at the cutoff: regular sectors, no mini stream
        count = -(-len(content) // sector)
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [end]
        body += content.ljust(count * sector, b"\0")
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(raw) if name else 0, kind, 1, free, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, free, 1, end, 0)]
    for n, (name, content) in enumerate(streams.items(), start=1):
        entries.append(entry(name, 2, n + 1 if n < len(streams) else free, free, starts[n - 1], len(content)))
    entries += [entry("", 0, free, free, 0, 0)] * (4 - len(entries))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    return header + struct.pack("<128I", *fat) + b"".join(entries) + body


def entity_bomb(path):
    write_template(path)
    with zipfile.ZipFile(path) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    bomb = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    head_end = sheet.index("?>") + 2 if sheet.startswith("<?xml") else 0
    members["xl/worksheets/sheet1.xml"] = (
        (sheet[:head_end] + bomb + sheet[head_end:]).replace("<t>STT</t>", "<t>&lol3;</t>").encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "case, expected",
    [
        ("protected", "được bảo vệ bằng mật khẩu"),
        ("old-xls", "Excel đời cũ (.xls)"),
        ("renamed-text", "không phải tệp Excel (.xlsx)"),
        ("renamed-docx", "không phải sổ làm việc Excel"),
        ("too-large", "quá giới hạn 40 MB"),
        ("entity-bomb", "khai báo thực thể XML"),
        ("deflate64", "được nén theo cách chương trình không đọc được"),
    ],
)
def test_unreadable_or_unsafe_files_are_refused_clearly(service, make_uow, tmp_path, case, expected):
    path = tmp_path / f"{case}.xlsx"
    if case == "protected":
        path.write_bytes(cfb({"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(40), "EncryptedPackage": bytes(4000)}))
    elif case == "old-xls":
        path.write_bytes(cfb({"Workbook": bytes(3000)}))
    elif case == "renamed-text":
        path.write_text("STT;Tên sản phẩm\n1;Chè\n", encoding="utf-8")
    elif case == "renamed-docx":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("word/document.xml", "<w:document/>")
    elif case == "too-large":
        with open(path, "wb") as fh:
            fh.truncate(41 * 2**20)
    elif case == "deflate64":  # as some zip tools write big files: Python cannot unpack it
        write_template(path)
        data = bytearray(path.read_bytes())
        for sig, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            at = 0
            while (at := data.find(sig, at)) >= 0:
                data[at + offset : at + offset + 2] = struct.pack("<H", 9)
                at += 4
        path.write_bytes(bytes(data))
    else:
        entity_bomb(path)
    with pytest.raises(ImportRefused, match=re.escape(expected)):
        service.import_file(path, SAMPLE_2024, ANG_NUA)
    assert SurveyService(make_uow).entries(SAMPLE_2024) == []


def test_openpyxl_itself_refuses_entity_expansion_with_defusedxml(tmp_path):
    """The guard above is a second lock: openpyxl parses through defusedxml when it is installed."""
    path = entity_bomb(tmp_path / "bomb.xlsx")
    with pytest.raises(Exception) as refused:
        openpyxl.load_workbook(path, read_only=True)
    causes, cause = [], refused.value
    while cause is not None:
        causes.append(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    assert "EntitiesForbidden" in causes


# -- what the sheet says, exactly ----------------------------------------------------------------
def sheet(path, rows, header=("Tên sản phẩm", "Chủ thể", "Sản lượng", "Đơn vị"), edit=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rà soát"
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    if edit:
        edit(wb, ws)
    wb.save(path)
    return path


def stored(make_uow):
    return [
        (e.product_name, e.producer, e.output_quantity, e.unit) for e in SurveyService(make_uow).entries(SAMPLE_2024)
    ]


def test_an_uncached_formula_is_an_error_naming_its_cell(service, make_uow, tmp_path):
    # openpyxl saves formulas without their result, as scripts and some tools do.
    path = sheet(tmp_path / "f.xlsx", [("Chè", "", "=1000+200", "Xã Ẳng Nưa"), ("Gạo", "", 5, "Xã Ẳng Nưa")])
    check = service.check(path, SAMPLE_2024)
    assert [p.message for p in check.problems] == [
        "Trang «Rà soát», dòng 2, cột «Sản lượng» (C): ô chứa công thức chưa có giá trị; hãy mở tệp bằng "
        "Excel/LibreOffice, lưu lại rồi nhập lại."
    ]
    with pytest.raises(ValidationError):
        service.import_file(path, SAMPLE_2024)
    assert stored(make_uow) == []


def test_merged_unit_cells_give_their_unit_to_every_row(service, make_uow, tmp_path):
    rows = [("Chè", "", 1, "Xã Ẳng Tở"), ("Gạo", "", 2, None), ("Mật ong", "", 3, None), ("Măng", "", 4, "Xã Ẳng Nưa")]
    path = sheet(tmp_path / "m.xlsx", rows, edit=lambda wb, ws: ws.merge_cells("D2:D4"))
    service.import_file(path, SAMPLE_2024, ANG_NUA)  # --unit is Ẳng Nưa: the merged cell says otherwise
    assert sorted(stored(make_uow)) == [
        ("Chè", "", 1.0, "Xã Ẳng Tở"),
        ("Gạo", "", 2.0, "Xã Ẳng Tở"),
        ("Măng", "", 4.0, "Xã Ẳng Nưa"),
        ("Mật ong", "", 3.0, "Xã Ẳng Tở"),
    ]


def hide(wb, ws):
    ws.row_dimensions[3].hidden = True
    other = wb.create_sheet("Bản cũ")
    other.append(["Tên sản phẩm", "Sản lượng", "Đơn vị"])
    other.append(["Rượu ngô", 7, "Xã Ẳng Nưa"])
    other.sheet_state = "hidden"
    secret = wb.create_sheet("Nháp")
    secret.append(["Tên sản phẩm", "Sản lượng", "Đơn vị"])
    secret.append(["Miến", 8, "Xã Ẳng Nưa"])
    secret.sheet_state = "veryHidden"


def test_hidden_sheets_and_rows_are_skipped_and_listed(service, make_uow, tmp_path):
    path = sheet(tmp_path / "h.xlsx", [("Chè", "", 1, "Xã Ẳng Nưa"), ("Gạo", "", 2, "Xã Ẳng Nưa")], edit=hide)
    check = service.check(path, SAMPLE_2024)
    assert check.skipped == (
        "Trang «Rà soát»: 1 dòng đang ẩn nên không nhập (dòng 3). Nếu cần nhập, hãy bỏ ẩn trong Excel rồi nhập lại, "
        "hoặc chọn nhập cả phần ẩn (lệnh: thêm --include-hidden).",
        "Trang «Bản cũ» đang ẩn nên không nhập (2 dòng có chữ). Nếu cần nhập, hãy bỏ ẩn trong Excel rồi nhập lại, "
        "hoặc chọn nhập cả phần ẩn (lệnh: thêm --include-hidden).",
        "Trang «Nháp» đang ẩn kỹ (very hidden) nên không nhập (2 dòng có chữ). Nếu cần nhập, hãy bỏ ẩn trong Excel "
        "rồi nhập lại, hoặc chọn nhập cả phần ẩn (lệnh: thêm --include-hidden).",
    )
    service.import_file(path, SAMPLE_2024)
    assert [r[0] for r in stored(make_uow)] == ["Chè"]
    service.import_file(path, SAMPLE_2024, include_hidden=True)
    assert sorted(r[0] for r in stored(make_uow)) == ["Chè", "Gạo", "Miến", "Rượu ngô"]


def test_duplicates_behave_as_the_warning_says(service, make_uow, tmp_path):
    rows = [("Chè", "HTX", 100, "Xã Ẳng Nưa"), ("Gạo", "", 2, "Xã Ẳng Nưa"), ("chè", "htx", 300, "Xã Ẳng Nưa")]
    path = sheet(tmp_path / "d.xlsx", rows)
    check = service.check(path, SAMPLE_2024)
    assert check.warnings == (
        "Trang «Rà soát», dòng 4: trùng sản phẩm «chè» của Xã Ẳng Nưa với trang «Rà soát», "
        "dòng 2; dòng sau ghi đè dòng trước nên chỉ lưu dòng 4.",
    )
    result = service.import_file(path, SAMPLE_2024)
    assert (result.added, len(result.check.rows)) == (2, 2)
    assert sorted(stored(make_uow)) == [("Gạo", "", 2.0, "Xã Ẳng Nưa"), ("chè", "htx", 300.0, "Xã Ẳng Nưa")]


def test_excel_escapes_are_decoded(service, make_uow, tmp_path):
    header = ("Tên sản phẩm", "Chủ thể", "Sản lượng", "Đơn vị", "Ghi chú")
    path = sheet(
        tmp_path / "x.xlsx",
        [
            ("Chè_x000D_\nShan tuyết", "HTX_x0009_Chè", 1, "Xã Ẳng Nưa", "Dòng 1_x000D_\nDòng 2"),
            ("Gạo_x0007_ nếp", "_x005F_x000D_", 2, "Xã Ẳng Nưa", ""),
        ],
        header=header,
    )
    service.import_file(path, SAMPLE_2024)
    got = sorted((e.product_name, e.producer, e.notes) for e in SurveyService(make_uow).entries(SAMPLE_2024))
    assert got == [("Chè Shan tuyết", "HTX Chè", "Dòng 1\nDòng 2"), ("Gạo nếp", "_x000D_", "")]


def test_an_import_is_one_operation_that_can_be_undone(service, make_uow, tmp_path):
    path = sheet(tmp_path / "u.xlsx", [("Chè", "", 1, "Xã Ẳng Nưa"), ("Gạo", "", 2, "Xã Ẳng Nưa")])
    first = service.import_file(path, SAMPLE_2024)
    sheet(path, [("Chè", "", 10, "Xã Ẳng Nưa")])
    preview = service.import_file(path, SAMPLE_2024, replace=True, dry_run=True)
    assert (preview.applied, preview.updated, preview.deleted, preview.operation_id) == (False, 1, 1, None)
    assert len(stored(make_uow)) == 2  # the preview changed nothing
    second = service.import_file(path, SAMPLE_2024, replace=True)
    assert stored(make_uow) == [("Chè", "", 10.0, "Xã Ẳng Nưa")]
    listed = service.imports()
    assert [(i.operation_id, i.file_name, i.added, i.updated, i.deleted, i.undone_at) for i in listed] == [
        (second.operation_id, "u.xlsx", 0, 1, 1, None),
        (first.operation_id, "u.xlsx", 2, 0, 0, None),
    ]
    with pytest.raises(ValidationError, match="đã được sửa sau khi nhập"):
        service.undo(first.operation_id)  # the second import changed its rows since
    done = service.undo(second.operation_id.upper())  # as typed from a printed id, in capitals
    assert (done.deleted, done.restored, done.recreated) == (0, 1, 1)
    assert sorted(stored(make_uow)) == [("Chè", "", 1.0, "Xã Ẳng Nưa"), ("Gạo", "", 2.0, "Xã Ẳng Nưa")]
    assert service.imports()[0].undone_at is not None
    with pytest.raises(ValidationError, match="đã được hoàn tác"):
        service.undo(f" {second.operation_id} ")
    done = service.undo(first.operation_id)
    assert (done.deleted, stored(make_uow)) == (2, [])


def test_the_template_on_a_full_disk_leaves_no_file(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ImportRefused, match="ổ đĩa đã đầy; hãy giải phóng chỗ trống hoặc chọn ổ khác"):
        write_template(tmp_path / "mau.xlsx", 2024)
    assert list(tmp_path.iterdir()) == []
