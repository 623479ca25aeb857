<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>LogbookDialog</name>
    <message>
        <source>Logbook: %1</source>
        <translation>Sổ nhật ký: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>This product has no producer: choose one in the product form before importing a logbook.</source>
        <translation>Sản phẩm này chưa có chủ thể: hãy chọn chủ thể trong phiếu sản phẩm trước khi nhập sổ nhật ký.</translation>
    </message>
</context>
<context>
    <name>LogbookPanel</name>
    <message>
        <source>Raw material in</source>
        <translation>Nhập nguyên liệu</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Mẻ sản xuất</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Bán hàng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Lot or batch code</source>
        <translation>Mã lô hoặc mã mẻ</translation>
    </message>
    <message>
        <source>Material, lots used or buyer</source>
        <translation>Nguyên liệu, lô đã dùng hoặc người mua</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Đơn giá</translation>
    </message>
    <message>
        <source>&amp;Import logbook from Excel…</source>
        <translation>&amp;Nhập sổ nhật ký từ Excel…</translation>
    </message>
    <message>
        <source>Save Excel &amp;template…</source>
        <translation>Lưu &amp;mẫu Excel…</translation>
    </message>
    <message>
        <source>&amp;Blank logbook to print…</source>
        <translation>Sổ nhật ký trống để &amp;in…</translation>
    </message>
    <message>
        <source>Batch code</source>
        <translation>Mã mẻ sản xuất</translation>
    </message>
    <message>
        <source>T&amp;race</source>
        <translation>&amp;Truy xuất</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>%1 batches, output %2 %3; %4 sales, sold %5 %3 at %6 on average.</source>
        <translation>%1 mẻ, sản lượng %2 %3; %4 lần bán, tiêu thụ %5 %3, giá bình quân %6.</translation>
    </message>
    <message>
        <source>Import logbook</source>
        <translation>Nhập sổ nhật ký</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ làm việc Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>%1 errors; no row was imported. Correct the file and import it again.</source>
        <translation>%1 lỗi; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.</translation>
    </message>
    <message>
        <source>Imported: %1 raw material lots, %2 batches, %3 sales added; %4 rows unchanged.</source>
        <translation>Đã nhập: thêm %1 lô nguyên liệu, %2 mẻ sản xuất, %3 lần bán hàng; %4 dòng giữ nguyên.</translation>
    </message>
    <message>
        <source>Save Excel template</source>
        <translation>Lưu mẫu Excel</translation>
    </message>
    <message>
        <source>Blank logbook to print</source>
        <translation>Sổ nhật ký trống để in</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Batch %1 of %2: %3 raw material lots</source>
        <translation>Mẻ %1 ngày %2: %3 lô nguyên liệu</translation>
    </message>
</context>
<context>
    <name>SurveyOfferDialog</name>
    <message>
        <source>Figures from the logbook</source>
        <translation>Số liệu theo sổ nhật ký</translation>
    </message>
    <message>
        <source>Reading the logbook…</source>
        <translation>Đang đọc sổ nhật ký…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>In the survey</source>
        <translation>Đang ghi trong rà soát</translation>
    </message>
    <message>
        <source>From the logbook</source>
        <translation>Theo sổ nhật ký</translation>
    </message>
    <message>
        <source>&amp;Take the ticked values</source>
        <translation>&amp;Lấy các số liệu đã chọn</translation>
    </message>
    <message>
        <source>Survey row «%1», %2: tick the figures to take from the logbook; the others stay as typed.</source>
        <translation>Dòng rà soát «%1», năm %2: chọn số liệu lấy theo sổ nhật ký; số liệu không chọn giữ nguyên như đã ghi.</translation>
    </message>
    <message>
        <source>(not in the logbook)</source>
        <translation>(sổ không có)</translation>
    </message>
    <message>
        <source>The survey row already holds the logbook&apos;s figures.</source>
        <translation>Dòng rà soát đã ghi đúng số liệu của sổ nhật ký.</translation>
    </message>
</context>
</TS>
