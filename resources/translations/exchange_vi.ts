<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>Import survey rows from Excel</source>
        <translation>Nhập kết quả rà soát từ Excel</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Tệp:</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Chọn &amp;tệp…</translation>
    </message>
    <message>
        <source>Download Excel &amp;template…</source>
        <translation>Tải &amp;mẫu Excel…</translation>
    </message>
    <message>
        <source>&amp;Survey:</source>
        <translation>Đợt &amp;rà soát:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>C&amp;heck the file</source>
        <translation>&amp;Kiểm tra tệp</translation>
    </message>
    <message>
        <source>Import only the &amp;valid rows (skip the rows with problems)</source>
        <translation>Chỉ nhập các dòng &amp;hợp lệ (bỏ qua các dòng có lỗi)</translation>
    </message>
    <message>
        <source>&amp;Replace the unit&apos;s rows with the sheet (otherwise rows are added or updated)</source>
        <translation>&amp;Thay toàn bộ danh sách của đơn vị bằng nội dung tệp (nếu không, các dòng được thêm mới hoặc cập nhật)</translation>
    </message>
    <message>
        <source>Also import &amp;hidden sheets and rows</source>
        <translation>Nhập &amp;cả trang và dòng đang ẩn</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Hoàn tác lần nhập này</translation>
    </message>
    <message>
        <source>Choose the Excel file</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <source>Save the Excel template</source>
        <translation>Lưu mẫu Excel</translation>
    </message>
    <message>
        <source>Replace the unit&apos;s rows</source>
        <translation>Thay danh sách của đơn vị</translation>
    </message>
    <message>
        <source>As the sheet&apos;s Unit column says (or this office)</source>
        <translation>Theo cột «Đơn vị» trong tệp (hoặc đơn vị của máy này)</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>Không lưu được mẫu: %1</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>Đã lưu mẫu: %1</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Stopped; nothing was imported.</source>
        <translation>Đã dừng; chưa nhập dòng nào, dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>%1 row(s) read: %2 valid, %3 with problems.</source>
        <translation>Đã đọc %1 dòng: %2 dòng hợp lệ, %3 dòng có lỗi.</translation>
    </message>
    <message>
        <source>Correct the rows listed and check again, or import only the valid rows.</source>
        <translation>Hãy sửa các dòng trong danh sách rồi kiểm tra lại, hoặc chỉ nhập các dòng hợp lệ.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Không có lỗi nào.</translation>
    </message>
    <message>
        <source>Counting the rows the replacement deletes…</source>
        <translation>Đang đếm số dòng sẽ bị xóa khi thay…</translation>
    </message>
    <message>
        <source>The sheet replaces the rows of %1: %2 survey row(s) the file no longer has will be deleted (a backup is made first). Continue?</source>
        <translation>Nội dung tệp sẽ thay danh sách của %1: %2 dòng rà soát mà tệp không còn sẽ bị xóa (có sao lưu trước khi nhập). Tiếp tục?</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Chưa nhập gì; dữ liệu không thay đổi.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Imported %1 row(s): %2 new, %3 updated, for %4.</source>
        <translation>Đã nhập %1 dòng: %2 dòng mới, %3 dòng cập nhật, cho %4.</translation>
    </message>
    <message>
        <source>%1 row(s) deleted.</source>
        <translation>Đã xóa %1 dòng.</translation>
    </message>
    <message>
        <source>Import undone: %1 added row(s) deleted, %2 updated row(s) put back, %3 deleted row(s) restored.</source>
        <translation>Đã hoàn tác lần nhập: xóa %1 dòng đã thêm, trả lại %2 dòng đã cập nhật, tạo lại %3 dòng đã xóa.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Không đọc được tệp: %1</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>Đã nhập trước đây</translation>
    </message>
    <message>
        <source>%1 conflict(s) to resolve</source>
        <translation>%1 xung đột cần chọn</translation>
    </message>
    <message>
        <source>New sender: compare its fingerprint</source>
        <translation>Đơn vị gửi mới: đối chiếu dấu vân tay</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>Sẵn sàng nhập</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Kept here</source>
        <translation>Giữ bản ở đây</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>keep here</source>
        <translation>giữ bản ở đây</translation>
    </message>
    <message>
        <source>take the package&apos;s</source>
        <translation>lấy bản trong gói</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Phần thay đổi</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Toàn bộ</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Trễ hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Not submitted — overdue</source>
        <translation>Chưa nộp — quá hạn</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>Chưa đến hạn</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Ngày nộp</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Package received</source>
        <translation>Nhận gói lúc</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
</context>
<context>
    <name>ReceivePackageDialog</name>
    <message>
        <source>Receive report packages</source>
        <translation>Nhận báo cáo</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Nhận gói</translation>
    </message>
    <message>
        <source>&amp;Add packages…</source>
        <translation>&amp;Thêm gói…</translation>
    </message>
    <message>
        <source>Import all packages &amp;without conflicts</source>
        <translation>Nhập tất cả các gói &amp;không có xung đột</translation>
    </message>
    <message>
        <source>Conflict: changed here and in the package</source>
        <translation>Xung đột: đã sửa ở cả đây và trong gói</translation>
    </message>
    <message>
        <source>Keep &amp;this office&apos;s copy</source>
        <translation>Giữ bản ở &amp;đây</translation>
    </message>
    <message>
        <source>Take the &amp;package&apos;s copy</source>
        <translation>Lấy bản trong &amp;gói</translation>
    </message>
    <message>
        <source>Keep this office&apos;s copy for all</source>
        <translation>Giữ bản ở đây cho tất cả</translation>
    </message>
    <message>
        <source>Take the package&apos;s copy for all</source>
        <translation>Lấy bản trong gói cho tất cả</translation>
    </message>
    <message>
        <source>&amp;Import this package</source>
        <translation>&amp;Nhập gói này</translation>
    </message>
    <message>
        <source>Packages received</source>
        <translation>Gói đã nhận</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Hoàn tác lần nhập này</translation>
    </message>
    <message>
        <source>Who has reported</source>
        <translation>Tình hình nộp báo cáo</translation>
    </message>
    <message>
        <source>&amp;Survey:</source>
        <translation>Đợt &amp;rà soát:</translation>
    </message>
    <message>
        <source>Choose the packages received</source>
        <translation>Chọn các gói nhận được</translation>
    </message>
    <message>
        <source>OCOP packages (*%1 *.zip)</source>
        <translation>Gói dữ liệu OCOP (*%1 *.zip)</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
        <source>This is the first package from %1. Its signing key&apos;s fingerprint is:

%2

Call the sender, or look at the fingerprint printed on their office set-up page and reports, and trust this office only if the fingerprints are the same. Later packages of %1 signed with another key will be refused.

Trust %1 and import the package?</source>
        <translation>Đây là gói đầu tiên nhận từ %1. Dấu vân tay khóa ký của gói là:

%2

Hãy gọi điện cho đơn vị gửi, hoặc xem dấu vân tay in trên trang Thiết lập đơn vị và trên các báo cáo của họ, và chỉ tin cậy khi hai dấu vân tay trùng nhau. Các gói sau của %1 ký bằng khóa khác sẽ bị từ chối.

Tin cậy %1 và nhập gói?</translation>
    </message>
    <message>
        <source>Trust a new sender</source>
        <translation>Tin cậy đơn vị gửi mới</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Bị từ chối: %1</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>Đang kiểm tra gói…</translation>
    </message>
    <message>
        <source>From %1 (%2), made %3.</source>
        <translation>Của %1 (%2), tạo lúc %3.</translation>
    </message>
    <message>
        <source>Signed with the key %1.</source>
        <translation>Ký số bằng khóa %1.</translation>
    </message>
    <message>
        <source>First package from this office: compare the fingerprint with the sender before importing.</source>
        <translation>Gói đầu tiên của đơn vị này: hãy đối chiếu dấu vân tay với đơn vị gửi trước khi nhập.</translation>
    </message>
    <message>
        <source>This package was imported before; importing it again changes nothing.</source>
        <translation>Gói này đã được nhập trước đây; nhập lại không thay đổi gì.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>cập nhật</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>xóa</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>kept here</source>
        <translation>giữ bản ở đây</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Đã nhập.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Lưu ý: %1</translation>
    </message>
    <message>
        <source>deleted in the package, edited here.</source>
        <translation>đã xóa ở nơi gửi nhưng đã sửa ở đây.</translation>
    </message>
    <message>
        <source>%1 conflict(s) still need a choice: keep this office&apos;s copy or take the package&apos;s.</source>
        <translation>Còn %1 xung đột chưa chọn: giữ bản ở đây hay lấy bản trong gói.</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>Sẵn sàng nhập.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>%1: imported (new %2, updated %3, deleted %4).</source>
        <translation>%1: đã nhập (mới %2, cập nhật %3, xóa %4).</translation>
    </message>
    <message>
        <source>%1: imported before, nothing changed.</source>
        <translation>%1: đã nhập trước đây, không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The import failed; nothing was changed: %1</source>
        <translation>Không nhập được, dữ liệu không thay đổi: %1</translation>
    </message>
    <message>
        <source>%1 of %2 units submitted; %3 on time (on-time rate %4), %5 late, %6 overdue without a report.</source>
        <translation>%1/%2 đơn vị đã nộp; %3 đúng hạn (tỷ lệ đúng hạn %4), %5 trễ hạn, %6 quá hạn chưa nộp.</translation>
    </message>
    <message>
        <source>Undo everything the package from %1 imported at %2 changed?</source>
        <translation>Hoàn tác mọi thay đổi do gói của %1 nhập lúc %2?</translation>
    </message>
    <message>
        <source>Undone: %1 record(s) removed, %2 restored, %3 recreated.</source>
        <translation>Đã hoàn tác: xóa %1 bản ghi đã thêm, trả lại %2 bản ghi, tạo lại %3 bản ghi.</translation>
    </message>
</context>
<context>
    <name>SendPackageDialog</name>
    <message>
        <source>Send report package</source>
        <translation>Gửi báo cáo</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>Nội dung gửi</translation>
    </message>
    <message>
        <source>Only what changed since the last package sent</source>
        <translation>Chỉ những thay đổi từ lần gửi trước</translation>
    </message>
    <message>
        <source>Everything (for a receiver who has nothing from this office yet)</source>
        <translation>Toàn bộ dữ liệu (cho nơi nhận chưa có gì của đơn vị này)</translation>
    </message>
    <message>
        <source>Include the Excel and PDF reports, for those who open the file by hand</source>
        <translation>Kèm báo cáo Excel và PDF cho người mở tệp trực tiếp</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>&amp;Create package…</source>
        <translation>&amp;Tạo gói…</translation>
    </message>
    <message>
        <source>Packages sent:</source>
        <translation>Các gói đã gửi:</translation>
    </message>
    <message>
        <source>Save the package</source>
        <translation>Lưu gói dữ liệu</translation>
    </message>
    <message>
        <source>OCOP package (*%1)</source>
        <translation>Gói dữ liệu OCOP (*%1)</translation>
    </message>
    <message>
        <source>Sending office: %1</source>
        <translation>Đơn vị gửi: %1</translation>
    </message>
    <message>
        <source>No package has been sent yet: the first package holds everything.</source>
        <translation>Chưa gửi gói nào: gói đầu tiên gồm toàn bộ dữ liệu.</translation>
    </message>
    <message>
        <source>Not sent yet (changed since the package of %1): %2</source>
        <translation>Chưa gửi (thay đổi từ gói lúc %1): %2</translation>
    </message>
    <message>
        <source>Everything was sent with the package of %1.</source>
        <translation>Đã gửi hết trong gói lúc %1.</translation>
    </message>
    <message>
        <source>Making the package…</source>
        <translation>Đang tạo gói…</translation>
    </message>
    <message>
        <source>Package saved: %1 (%2 records). Send this file by email, chat or USB stick.</source>
        <translation>Đã lưu gói: %1 (%2 bản ghi). Hãy gửi tệp này qua thư điện tử, Zalo hoặc USB.</translation>
    </message>
    <message>
        <source>Cancelled; no package was written.</source>
        <translation>Đã hủy; không tạo gói nào.</translation>
    </message>
    <message>
        <source>The package could not be made: %1</source>
        <translation>Không tạo được gói: %1</translation>
    </message>
</context>
<context>
    <name>SendersDialog</name>
    <message>
        <source>none yet: the key is made when the office is set up (File › Office settings)</source>
        <translation>chưa có: khóa được tạo khi thiết lập đơn vị (Tệp › Thiết lập đơn vị…)</translation>
    </message>
    <message>
        <source>No office is trusted here yet. The first package of an office shows its fingerprint and asks whether to trust it; a province&apos;s key list adds many at once.</source>
        <translation>Chưa tin cậy đơn vị nào. Gói đầu tiên của mỗi đơn vị hiện dấu vân tay và hỏi có tin cậy hay không; danh sách khóa của tỉnh thêm nhiều đơn vị một lần.</translation>
    </message>
    <message>
        <source>The fingerprint %1 was copied.</source>
        <translation>Đã sao chép dấu vân tay %1.</translation>
    </message>
    <message>
        <source>Stop trusting %1 with the key %2?

Packages, key lists and reports signed with this key will be refused here from now on. Do this when that office lost its computer, its key may be known to others or it has a new key (compare the new fingerprint with them first).</source>
        <translation>Thu hồi tin cậy %1 với khóa %2?

Từ nay, gói, danh sách khóa và báo cáo ký bằng khóa này sẽ bị từ chối ở đây. Chỉ làm việc này khi đơn vị đó bị mất máy, khóa có thể đã lộ, hoặc đơn vị đã có khóa mới (hãy đối chiếu dấu vân tay mới với họ trước).</translation>
    </message>
    <message>
        <source>Revoke trust</source>
        <translation>Thu hồi tin cậy</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Đang thu hồi…</translation>
    </message>
    <message>
        <source>Trust in %1 (key %2) was revoked: what it signs is refused here.</source>
        <translation>Đã thu hồi tin cậy %1 (khóa %2): những gì ký bằng khóa này sẽ bị từ chối ở đây.</translation>
    </message>
    <message>
        <source>Take a province&apos;s key list</source>
        <translation>Nhận danh sách khóa của tỉnh</translation>
    </message>
    <message>
        <source>OCOP key lists (*%1)</source>
        <translation>Danh sách khóa OCOP (*%1)</translation>
    </message>
    <message>
        <source>Taking the key list…</source>
        <translation>Đang nhận danh sách khóa…</translation>
    </message>
    <message>
        <source>This key list was signed by %1, whose key is not trusted here yet. Its fingerprint is:

%2

Call %1, or look at the fingerprint printed on its papers, and trust it only if the fingerprints are the same: every office of the list is then trusted on its word.

Have you compared the fingerprint, and do you trust %1 and take its list?</source>
        <translation>Danh sách khóa này do %1 ký, mà khóa của %1 chưa được tin cậy ở đây. Dấu vân tay của khóa là:

%2

Hãy gọi điện cho %1, hoặc xem dấu vân tay in trên văn bản giấy của họ, và chỉ tin cậy khi hai dấu vân tay trùng nhau: mọi đơn vị trong danh sách sẽ được tin cậy theo lời của %1.

Anh/chị đã đối chiếu dấu vân tay, và đồng ý tin cậy %1 để nhận danh sách này?</translation>
    </message>
    <message>
        <source>Trust the sender of the list</source>
        <translation>Tin cậy nơi gửi danh sách</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Đã thêm: %1</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>Thu hồi: %1</translation>
    </message>
    <message>
        <source>Not taken: %1</source>
        <translation>Không nhận: %1</translation>
    </message>
    <message>
        <source>%1 offices are named; press «Show Details...» to read each.</source>
        <translation>Danh sách nêu %1 đơn vị; bấm «Xem chi tiết...» để đọc từng đơn vị.</translation>
    </message>
    <message>
        <source>Key list taken</source>
        <translation>Đã nhận danh sách khóa</translation>
    </message>
    <message>
        <source>Send the key list</source>
        <translation>Gửi danh sách khóa</translation>
    </message>
    <message>
        <source>Writing the key list…</source>
        <translation>Đang ghi danh sách khóa…</translation>
    </message>
    <message>
        <source>The key list of %1 offices, signed by this office, was saved to %2.</source>
        <translation>Đã lưu danh sách khóa của %1 đơn vị, có chữ ký của đơn vị này, vào %2.</translation>
    </message>
    <message>
        <source>Key list saved</source>
        <translation>Đã lưu danh sách khóa</translation>
    </message>
    <message>
        <source>Send it to the offices of your area. Each compares this office&apos;s fingerprint (%1) with you once, by phone or on paper, and then takes the whole list.</source>
        <translation>Hãy gửi tệp này cho các đơn vị trên địa bàn. Mỗi đơn vị đối chiếu dấu vân tay của đơn vị này (%1) với anh/chị một lần, qua điện thoại hoặc văn bản giấy, rồi nhận cả danh sách.</translation>
    </message>
    <message>
        <source>Check a report&apos;s signature</source>
        <translation>Kiểm tra chữ ký báo cáo</translation>
    </message>
    <message>
        <source>Reports (*.pdf *.xlsx);;All files (*)</source>
        <translation>Báo cáo (*.pdf *.xlsx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Checking the signature…</source>
        <translation>Đang kiểm tra chữ ký…</translation>
    </message>
    <message>
        <source>Signature of %1</source>
        <translation>Chữ ký của %1</translation>
    </message>
    <message>
        <source>Trusted offices and signing keys</source>
        <translation>Đơn vị tin cậy và khóa ký</translation>
    </message>
    <message>
        <source>This office&apos;s signing key</source>
        <translation>Khóa ký của đơn vị này</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Dấu vân tay:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Read it out by phone or compare it on paper with the offices that receive your packages and reports: it is also printed on the office set-up page and at the foot of every report.</source>
        <translation>Đọc qua điện thoại hoặc đối chiếu trên giấy với các đơn vị nhận gói và báo cáo của anh/chị: dấu vân tay này cũng in trên trang «Thiết lập đơn vị» và ở chân mỗi báo cáo.</translation>
    </message>
    <message>
        <source>Offices whose packages, key lists and reports are trusted here:</source>
        <translation>Các đơn vị mà gói, danh sách khóa và báo cáo của họ được tin cậy ở đây:</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Thu hồi…</translation>
    </message>
    <message>
        <source>&amp;Take a province&apos;s key list…</source>
        <translation>&amp;Nhận danh sách khóa của tỉnh…</translation>
    </message>
    <message>
        <source>&amp;Send the key list…</source>
        <translation>&amp;Gửi danh sách khóa…</translation>
    </message>
    <message>
        <source>C&amp;heck a report&apos;s signature…</source>
        <translation>&amp;Kiểm tra chữ ký báo cáo…</translation>
    </message>
</context>
</TS>
