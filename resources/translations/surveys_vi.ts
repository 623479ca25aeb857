<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CampaignActions</name>
    <message>
        <source>Campaign</source>
        <translation>Đợt rà soát</translation>
    </message>
    <message>
        <source>New survey campaign…</source>
        <translation>Đợt rà soát mới…</translation>
    </message>
    <message>
        <source>Edit this campaign…</source>
        <translation>Sửa đợt này…</translation>
    </message>
    <message>
        <source>Close this campaign…</source>
        <translation>Kết thúc đợt này…</translation>
    </message>
    <message>
        <source>Reopen this campaign</source>
        <translation>Mở lại đợt này</translation>
    </message>
    <message>
        <source>Delete this campaign…</source>
        <translation>Xóa đợt này…</translation>
    </message>
    <message>
        <source>There is no survey campaign yet.</source>
        <translation>Chưa có đợt rà soát nào.</translation>
    </message>
    <message>
        <source>Create the first survey campaign…</source>
        <translation>Tạo đợt rà soát đầu tiên…</translation>
    </message>
    <message>
        <source>Close the %1 campaign? Its rows are kept; no more rows can be saved until it is reopened.</source>
        <translation>Kết thúc đợt rà soát năm %1? Các dòng đã nhập được giữ nguyên; không lưu thêm được dòng nào cho đến khi mở lại đợt.</translation>
    </message>
    <message>
        <source>Close the campaign</source>
        <translation>Kết thúc đợt</translation>
    </message>
    <message>
        <source>The %1 campaign is closed.</source>
        <translation>Đã kết thúc đợt rà soát năm %1.</translation>
    </message>
    <message>
        <source>The %1 campaign is open again.</source>
        <translation>Đã mở lại đợt rà soát năm %1.</translation>
    </message>
    <message>
        <source>Delete the %1 campaign “%2” and its list of units? A campaign with survey rows is never deleted.</source>
        <translation>Xóa đợt rà soát năm %1 «%2» cùng danh sách đơn vị báo cáo? Đợt đã có dòng rà soát thì không bao giờ bị xóa.</translation>
    </message>
    <message>
        <source>Delete the campaign</source>
        <translation>Xóa đợt</translation>
    </message>
    <message>
        <source>The %1 campaign was deleted.</source>
        <translation>Đã xóa đợt rà soát năm %1.</translation>
    </message>
    <message>
        <source>Survey campaign</source>
        <translation>Đợt rà soát</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Could not change the campaign: %1</source>
        <translation>Không thay đổi được đợt rà soát: %1</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Type a unit&apos;s name to find it (diacritics optional)</source>
        <translation>Gõ tên đơn vị để tìm (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>number, date, issuing body</source>
        <translation>số, ngày, cơ quan ban hành</translation>
    </message>
    <message>
        <source>Survey of OCOP products, %1</source>
        <translation>Rà soát sản phẩm OCOP năm %1</translation>
    </message>
    <message>
        <source>Edit survey campaign %1</source>
        <translation>Sửa đợt rà soát năm %1</translation>
    </message>
    <message>
        <source>Loading the units valid on %1…</source>
        <translation>Đang tải các đơn vị còn hiệu lực ngày %1…</translation>
    </message>
    <message>
        <source>%1 unit(s) chosen.</source>
        <translation>Đã chọn %1 đơn vị.</translation>
    </message>
    <message>
        <source>%1 of them do not exist on the deadline.</source>
        <translation>Trong đó %1 đơn vị không còn tồn tại vào hạn nộp.</translation>
    </message>
    <message>
        <source>Copied from the %1 campaign; check the title, the deadline and the letter.</source>
        <translation>Đã sao chép từ đợt năm %1; hãy kiểm tra tên đợt, hạn nộp và văn bản yêu cầu.</translation>
    </message>
    <message>
        <source>%1: no unit took it over; left out.</source>
        <translation>%1: không có đơn vị kế tiếp nên bỏ ra.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… và %1 đơn vị khác.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Không lưu được: %1</translation>
    </message>
    <message>
        <source>New survey campaign</source>
        <translation>Đợt rà soát mới</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Copy from last year&apos;s campaign</source>
        <translation>&amp;Sao chép từ đợt năm trước</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tên đợt:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Hạn nộp:</translation>
    </message>
    <message>
        <source>Requesting &amp;letter:</source>
        <translation>&amp;Văn bản yêu cầu:</translation>
    </message>
    <message>
        <source>Off: «before 05/07» read literally, so 04/07 is the last day on time. The survey report states the rule.</source>
        <translation>Không chọn: «trước ngày 05/07» hiểu theo nghĩa đen, ngày cuối cùng đúng hạn là 04/07. Báo cáo rà soát ghi rõ cách tính này.</translation>
    </message>
    <message>
        <source>Reports sent on the deadline day itself count as on time</source>
        <translation>Nộp đúng ngày hạn vẫn tính là đúng hạn</translation>
    </message>
    <message>
        <source>Reporting units</source>
        <translation>Đơn vị báo cáo</translation>
    </message>
    <message>
        <source>Select &amp;all units in it</source>
        <translation>Chọn &amp;tất cả đơn vị trong đó</translation>
    </message>
    <message>
        <source>Clear the choice</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
</context>
<context>
    <name>LogbookOffer</name>
    <message>
        <source>Take figures from the logbook…</source>
        <translation>Lấy số liệu từ sổ nhật ký…</translation>
    </message>
    <message>
        <source>Output, quantity sold and price of this row&apos;s product, from its logbook</source>
        <translation>Sản lượng, sản lượng tiêu thụ và giá tiêu thụ của sản phẩm ở dòng này, lấy từ sổ nhật ký</translation>
    </message>
    <message>
        <source>Choose a saved row whose product is in the registry («Create potential product»).</source>
        <translation>Hãy chọn một dòng đã lưu có sản phẩm trong sổ sản phẩm («Tạo sản phẩm tiềm năng»).</translation>
    </message>
    <message>
        <source>%1 figures taken from the logbook.</source>
        <translation>Đã lấy %1 số liệu từ sổ nhật ký.</translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <source>Unit: %1</source>
        <translation>Đơn vị: %1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Hạn nộp: %1</translation>
    </message>
    <message>
        <source>Mark as submitted</source>
        <translation>Đánh dấu đã nộp</translation>
    </message>
    <message>
        <source>&amp;Submitted on:</source>
        <translation>&amp;Ngày nộp:</translation>
    </message>
</context>
<context>
    <name>SurveyGridModel</name>
    <message>
        <source>Enter the product name.</source>
        <translation>Chưa nhập tên sản phẩm; hãy nhập tên.</translation>
    </message>
    <message>
        <source>Added to the product registry as a potential product.</source>
        <translation>Đã đưa vào sổ sản phẩm thành sản phẩm tiềm năng.</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Sửa ô</translation>
    </message>
</context>
<context>
    <name>SurveyGridView</name>
    <message>
        <source>Cut</source>
        <translation>Cắt</translation>
    </message>
    <message>
        <source>Clear cells</source>
        <translation>Xóa nội dung ô</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Dán</translation>
    </message>
    <message>
        <source>%1 pasted column(s) did not fit in the table and were left out.</source>
        <translation>%1 cột dán vào vượt quá số cột của bảng nên đã bị bỏ qua.</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <source>&amp;Campaign:</source>
        <translation>Đợt &amp;rà soát:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>Reporting units</source>
        <translation>Các đơn vị báo cáo</translation>
    </message>
    <message>
        <source>Mark as &amp;submitted…</source>
        <translation>Đánh dấu đã &amp;nộp…</translation>
    </message>
    <message>
        <source>Mark as not submitted</source>
        <translation>Bỏ đánh dấu đã nộp</translation>
    </message>
    <message>
        <source>Survey entries</source>
        <translation>Kết quả rà soát sản phẩm</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <source>Delete row</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Create potential product</source>
        <translation>Tạo sản phẩm tiềm năng</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Save Excel template…</source>
        <translation>Tải mẫu Excel…</translation>
    </message>
    <message>
        <source>Save the rows of this unit (Ctrl+S)</source>
        <translation>Lưu các dòng của đơn vị này (Ctrl+S)</translation>
    </message>
    <message>
        <source>The rows of this unit were changed elsewhere. Your unsaved changes are kept; saving will offer to reload the newest rows and re-apply your changes on top.</source>
        <translation>Các dòng của đơn vị này vừa được thay đổi ở nơi khác. Những gì bạn đang sửa vẫn được giữ; khi lưu, chương trình sẽ đề nghị tải lại các dòng mới nhất và áp dụng lại phần bạn sửa lên trên.</translation>
    </message>
    <message>
        <source>Could not keep the draft: %1</source>
        <translation>Không lưu được bản nháp: %1</translation>
    </message>
    <message>
        <source>There is no survey campaign yet.</source>
        <translation>Chưa có đợt rà soát nào.</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation> (đã kết thúc)</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Hạn nộp: %1</translation>
    </message>
    <message>
        <source>%1 of %2 units have submitted.</source>
        <translation>%1/%2 đơn vị đã nộp.</translation>
    </message>
    <message>
        <source>Restored the unsaved draft from %1.</source>
        <translation>Đã khôi phục bản nháp chưa lưu lúc %1.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 ngày %2</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Not saved: row %1, column “%2”: %3</source>
        <translation>Chưa lưu: dòng %1, cột «%2»: %3</translation>
    </message>
    <message>
        <source>%1 more cell(s) to fix.</source>
        <translation>Còn %1 ô khác cần sửa.</translation>
    </message>
    <message>
        <source>Saved %1 row(s).</source>
        <translation>Đã lưu %1 dòng.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Không lưu được: %1</translation>
    </message>
    <message>
        <source>Rows changed elsewhere</source>
        <translation>Dữ liệu đã thay đổi ở nơi khác</translation>
    </message>
    <message>
        <source>Reload shows the newest rows of this unit and puts your unsaved changes back on top of them: nothing you typed is lost. Check the rows, then press Save again.</source>
        <translation>«Tải lại» hiện các dòng mới nhất của đơn vị và áp dụng lại phần bạn chưa lưu lên trên: không mất gì bạn đã nhập. Hãy xem lại các dòng rồi bấm Lưu lần nữa.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Loaded the newest rows of this unit and re-applied your unsaved changes.</source>
        <translation>Đã tải các dòng mới nhất của đơn vị và áp dụng lại phần bạn chưa lưu.</translation>
    </message>
    <message>
        <source>New rows from elsewhere: %1.</source>
        <translation>Dòng mới từ nơi khác: %1.</translation>
    </message>
    <message>
        <source>Changed elsewhere, merged with your changes: %1.</source>
        <translation>Đã sửa ở nơi khác, gộp với phần bạn sửa: %1.</translation>
    </message>
    <message>
        <source>Changed both here and elsewhere; your values are kept, check them: %1.</source>
        <translation>Bị sửa cả ở đây và ở nơi khác, giữ giá trị bạn nhập, hãy xem lại: %1.</translation>
    </message>
    <message>
        <source>Rows you deleted were changed elsewhere and are kept: %1.</source>
        <translation>Dòng bạn đã xóa nhưng đã được sửa ở nơi khác nên được giữ lại: %1.</translation>
    </message>
    <message>
        <source>Rows you changed were deleted elsewhere; yours are kept as new rows: %1.</source>
        <translation>Dòng bạn sửa đã bị xóa ở nơi khác, bản của bạn được giữ thành dòng mới: %1.</translation>
    </message>
    <message>
        <source>Deleted elsewhere: %1.</source>
        <translation>Đã bị xóa ở nơi khác: %1.</translation>
    </message>
    <message>
        <source>Press Save to store them.</source>
        <translation>Bấm Lưu để lưu lại.</translation>
    </message>
    <message>
        <source>Nothing is left to save.</source>
        <translation>Không còn gì cần lưu.</translation>
    </message>
    <message>
        <source>Added “%1” to the product registry as a potential product.</source>
        <translation>Đã tạo sản phẩm tiềm năng «%1» trong sổ sản phẩm.</translation>
    </message>
</context>
<context>
    <name>UnitStatus</name>
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
</context>
</TS>
