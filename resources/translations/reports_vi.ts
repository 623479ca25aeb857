<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>e.g. ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG</source>
        <translation>ví dụ: ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG</translation>
    </message>
    <message>
        <source>As typed below</source>
        <translation>Như ghi dưới đây</translation>
    </message>
    <message>
        <source>A form has no number</source>
        <translation>Phiếu không có số</translation>
    </message>
    <message>
        <source>e.g. 12/BC-UBND</source>
        <translation>ví dụ: 12/BC-UBND</translation>
    </message>
    <message>
        <source>Document settings</source>
        <translation>Thiết lập văn bản</translation>
    </message>
    <message>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Place in the date line</source>
        <translation>Địa danh ghi ngày tháng</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Signing for (TM.)</source>
        <translation>Thay mặt (TM.)</translation>
    </message>
    <message>
        <source>On behalf of (KT.)</source>
        <translation>Ký thay (KT.)</translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>Họ tên người ký</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Survey results (the letter&apos;s report)</source>
        <translation>Kết quả rà soát sản phẩm (báo cáo theo công văn)</translation>
    </message>
    <message>
        <source>OCOP product register</source>
        <translation>Danh sách sản phẩm OCOP</translation>
    </message>
    <message>
        <source>Certificates expiring soon</source>
        <translation>Giấy chứng nhận sắp hết hạn</translation>
    </message>
    <message>
        <source>Tasks of a directive</source>
        <translation>Nhiệm vụ theo văn bản chỉ đạo</translation>
    </message>
    <message>
        <source>Summary with charts</source>
        <translation>Tổng hợp kèm biểu đồ</translation>
    </message>
    <message>
        <source>Blank survey form for field visits</source>
        <translation>Phiếu rà soát trống để đi thực địa</translation>
    </message>
    <message>
        <source>Products with incomplete labels or trademarks</source>
        <translation>Sản phẩm có nhãn, mã vạch hoặc nhãn hiệu chưa đạt</translation>
    </message>
    <message>
        <source>Support, training, communication and fairs of the document&apos;s year</source>
        <translation>Hỗ trợ, tập huấn, tuyên truyền và hội chợ trong năm của văn bản</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Đã hủy; không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Không lập được báo cáo: %1</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>%1 page(s).</source>
        <translation>%1 trang.</translation>
    </message>
    <message>
        <source>The preview shows the first %1; the file holds them all.</source>
        <translation>Bản xem trước hiện %1 trang đầu; tệp có đủ tất cả các trang.</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Đã lưu vào %1</translation>
    </message>
    <message>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>Đã gửi %1 trang tới máy in.</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 %</source>
        <translation>Trang %1/%2 · %3 %</translation>
    </message>
    <message>
        <source>Preview or save the report first.</source>
        <translation>Hãy xem trước hoặc lưu báo cáo trước.</translation>
    </message>
    <message>
        <source>Document settings saved.</source>
        <translation>Đã lưu thiết lập văn bản.</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>Đợt &amp;rà soát</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>&amp;Within (months)</source>
        <translation>&amp;Trong (tháng)</translation>
    </message>
    <message>
        <source>&amp;Directive</source>
        <translation>Văn bản &amp;chỉ đạo</translation>
    </message>
    <message>
        <source>Document &amp;date</source>
        <translation>&amp;Ngày văn bản</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Lưu &amp;PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;Excel…</source>
        <translation>Lưu &amp;Excel…</translation>
    </message>
    <message>
        <source>&amp;Open in viewer</source>
        <translation>&amp;Mở bằng trình xem</translation>
    </message>
    <message>
        <source>Document &amp;settings…</source>
        <translation>&amp;Thiết lập văn bản…</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Vừa &amp;ngang</translation>
    </message>
    <message>
        <source>Zoom so a page fills the width of the window</source>
        <translation>Phóng to để trang vừa chiều rộng cửa sổ</translation>
    </message>
    <message>
        <source>Fit p&amp;age</source>
        <translation>Cả tr&amp;ang</translation>
    </message>
    <message>
        <source>Zoom so a whole page shows in the window</source>
        <translation>Thu phóng để thấy trọn một trang trong cửa sổ</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Show the pages at their printed size (Ctrl + mouse wheel zooms, PgUp/PgDn turn the pages)</source>
        <translation>Xem các trang đúng cỡ khi in (Ctrl + lăn chuột để phóng to, thu nhỏ; PgUp/PgDn để sang trang)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
</context>
</TS>
