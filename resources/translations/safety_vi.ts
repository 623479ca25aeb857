<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>All kinds</source>
        <translation>Tất cả các loại</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Lịch sử thay đổi của %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>%1 entries, newest first.</source>
        <translation>%1 mục, mới nhất trước.</translation>
    </message>
    <message>
        <source>Only the newest are shown; narrow the dates to see older ones.</source>
        <translation>Chỉ hiện các mục mới nhất; hãy chọn khoảng ngày để xem các mục cũ hơn.</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Đang chuẩn bị văn bản…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Đã lưu vào %1</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Lưu nhật ký</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>Đã gửi %1 trang tới máy in.</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>&amp;Bản ghi:</translation>
    </message>
    <message>
        <source>product, producer or survey row name</source>
        <translation>tên sản phẩm, chủ thể hoặc dòng rà soát</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Từ ngày</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>đế&amp;n</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành P&amp;DF…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Automatic copies are kept in: %1</source>
        <translation>Các bản sao tự động được giữ trong: %1</translation>
    </message>
    <message>
        <source>Back up to a file</source>
        <translation>Sao lưu ra tệp</translation>
    </message>
    <message>
        <source>OCOP Desktop backup (*.sqlite)</source>
        <translation>Bản sao OCOP Desktop (*.sqlite)</translation>
    </message>
    <message>
        <source>Copying and checking the data…</source>
        <translation>Đang sao chép và kiểm tra dữ liệu…</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2), checked and complete.</source>
        <translation>Đã sao lưu vào %1 (%2); bản sao đã được kiểm tra, đầy đủ.</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Khôi phục từ tệp</translation>
    </message>
    <message>
        <source>OCOP Desktop backup (*.sqlite *.db);;All files (*)</source>
        <translation>Bản sao OCOP Desktop (*.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Đang đọc bản sao…</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>Đã hủy khôi phục; dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>Saving the current data, then restoring…</source>
        <translation>Đang sao lưu dữ liệu hiện tại, rồi khôi phục…</translation>
    </message>
    <message>
        <source>Restored from %1.</source>
        <translation>Đã khôi phục từ %1.</translation>
    </message>
    <message>
        <source>The data as they were just before are kept in %1.</source>
        <translation>Dữ liệu ngay trước khi khôi phục được giữ ở %1.</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Sao lưu và khôi phục</translation>
    </message>
    <message>
        <source>A copy of the data is made automatically at the first start of each day and before every upgrade, import and restore. Keep a copy elsewhere too (a USB stick) with “Back up to a file…”.</source>
        <translation>Dữ liệu được tự động sao lưu vào lần mở đầu tiên mỗi ngày và trước mỗi lần nâng cấp, nhập dữ liệu hay khôi phục. Hãy giữ thêm một bản ở nơi khác (ví dụ USB) bằng nút «Sao lưu ra tệp…».</translation>
    </message>
    <message>
        <source>&amp;Back up to a file…</source>
        <translation>&amp;Sao lưu ra tệp…</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Sao lưu &amp;ngay</translation>
    </message>
    <message>
        <source>&amp;Restore the selected copy…</source>
        <translation>&amp;Khôi phục bản đã chọn…</translation>
    </message>
    <message>
        <source>Restore from a &amp;file…</source>
        <translation>Khôi phục từ &amp;tệp…</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Mở thư mục</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The data file %1 is damaged (%2). OCOP Desktop has not written anything to it and will not open it. You can restore the newest good backup: the damaged file is kept aside first.</source>
        <translation>Tệp dữ liệu %1 bị hỏng (%2). OCOP Desktop không ghi gì vào tệp này và sẽ không mở nó. Bạn có thể khôi phục từ bản sao tốt gần nhất; tệp hỏng sẽ được cất riêng trước khi khôi phục.</translation>
    </message>
    <message>
        <source>Looking for the newest good backup…</source>
        <translation>Đang tìm bản sao tốt mới nhất…</translation>
    </message>
    <message>
        <source>No good backup was found next to the data file. If you have a copy elsewhere (a USB stick), choose it with “Choose another backup…”.</source>
        <translation>Không tìm thấy bản sao tốt nào cạnh tệp dữ liệu. Nếu có bản sao ở nơi khác (ví dụ USB), hãy chọn bằng nút «Chọn bản sao khác…».</translation>
    </message>
    <message>
        <source>This file cannot be restored: %1</source>
        <translation>Không khôi phục được từ tệp này: %1</translation>
    </message>
    <message>
        <source>Backup of %1: %2 products, %3 producers, %4 survey rows, %5 tasks; newest change %6.
%7</source>
        <translation>Bản sao lúc %1: %2 sản phẩm, %3 chủ thể, %4 dòng rà soát, %5 nhiệm vụ; thay đổi mới nhất lúc %6.
%7</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Chọn bản sao</translation>
    </message>
    <message>
        <source>OCOP Desktop backup (*.sqlite *.db);;All files (*)</source>
        <translation>Bản sao OCOP Desktop (*.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Đang khôi phục…</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Đã khôi phục.</translation>
    </message>
    <message>
        <source>The data file is damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Khôi phục bản sao này</translation>
    </message>
    <message>
        <source>&amp;Choose another backup…</source>
        <translation>&amp;Chọn bản sao khác…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Backup</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Current data</source>
        <translation>Dữ liệu hiện tại</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>không rõ thời điểm</translation>
    </message>
    <message>
        <source>Replace all current data with the backup made at %1?
%2</source>
        <translation>Thay toàn bộ dữ liệu hiện tại bằng bản sao lúc %1?
%2</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>Warning: the change log of this backup was edited outside OCOP Desktop or does not match the anchor recorded in a backup or a sent package, so nothing shows that its data were entered through the program:</source>
        <translation>Cảnh báo: nhật ký thay đổi của bản sao này đã bị sửa ngoài OCOP Desktop hoặc không khớp mốc xác nhận ghi trong bản sao lưu hay gói đã gửi, nên không chứng minh được dữ liệu trong bản sao là do người dùng nhập qua chương trình:</translation>
    </message>
    <message>
        <source>Restore this backup anyway</source>
        <translation>Tôi hiểu và vẫn muốn khôi phục bản sao này</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao</translation>
    </message>
    <message>
        <source>The current data are saved as a backup first, so this restore can itself be undone.</source>
        <translation>Dữ liệu hiện tại sẽ được sao lưu trước, nên có thể hoàn tác việc khôi phục này.</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>Made at</source>
        <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
        <source>Newest change</source>
        <translation>Thay đổi mới nhất</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Producers</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <source>Survey rows</source>
        <translation>Dòng rà soát</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Phiên bản lược đồ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
</context>
</TS>
