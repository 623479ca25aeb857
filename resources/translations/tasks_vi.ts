<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DirectiveDialog</name>
    <message>
        <source>Edit directive</source>
        <translation>Sửa văn bản chỉ đạo</translation>
    </message>
    <message>
        <source>New directive</source>
        <translation>Thêm văn bản chỉ đạo</translation>
    </message>
    <message>
        <source>Choose the scanned letter</source>
        <translation>Chọn tệp văn bản (bản quét)</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.doc *.docx *.jpg *.png);;All files (*)</source>
        <translation>Tài liệu (*.pdf *.doc *.docx *.jpg *.png);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số văn bản:</translation>
    </message>
    <message>
        <source>e.g. 512/UBND-NN</source>
        <translation>ví dụ 512/UBND-NN</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>Ngày ban hành:</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Or as written:</source>
        <translation>Hoặc ghi như văn bản:</translation>
    </message>
    <message>
        <source>when the letter gives no exact day, e.g. &quot;tháng 6 năm 2024&quot;</source>
        <translation>khi văn bản không ghi rõ ngày, ví dụ «tháng 6 năm 2024»</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Trích yếu:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp văn bản:</translation>
    </message>
    <message>
        <source>where the scanned letter is kept</source>
        <translation>nơi lưu bản quét của văn bản</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
</context>
<context>
    <name>DirectiveListModel</name>
    <message>
        <source>All directives</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(chưa có số)</translation>
    </message>
    <message>
        <source>%1 tasks, %2 done, %3 overdue</source>
        <translation>%1 nhiệm vụ, %2 đã hoàn thành, %3 quá hạn</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Không lưu được: %1</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Add progress</source>
        <translation>Thêm tiến độ</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>Việc đã làm:</translation>
    </message>
    <message>
        <source>Noted by:</source>
        <translation>Người ghi:</translation>
    </message>
</context>
<context>
    <name>ResultNoteDialog</name>
    <message>
        <source>Mark done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>the day the task was entered</source>
        <translation>ngày giao nhiệm vụ</translation>
    </message>
    <message>
        <source>Mark task done</source>
        <translation>Hoàn thành nhiệm vụ</translation>
    </message>
    <message>
        <source>&amp;Done on:</source>
        <translation>&amp;Ngày hoàn thành:</translation>
    </message>
    <message>
        <source>Result (required):</source>
        <translation>Kết quả thực hiện (bắt buộc):</translation>
    </message>
    <message>
        <source>e.g. report no. 45/BC-UBND sent on 04/07/2024</source>
        <translation>ví dụ: đã gửi Báo cáo số 45/BC-UBND ngày 04/07/2024</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>Sửa nhiệm vụ</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>(no directive)</source>
        <translation>(không thuộc văn bản nào)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Directive:</source>
        <translation>Văn bản:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Đơn vị thực hiện:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Nhiệm vụ:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Nội dung chi tiết:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Hạn hoàn thành:</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, empty if there is none</source>
        <translation>ngày/tháng/năm, để trống nếu không có hạn</translation>
    </message>
</context>
<context>
    <name>TaskNotice</name>
    <message>
        <source>%1 (due %2)</source>
        <translation>%1 (hạn %2)</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>và %1 nhiệm vụ khác</translation>
    </message>
    <message>
        <source>Overdue tasks: %1</source>
        <translation>Nhiệm vụ quá hạn: %1</translation>
    </message>
    <message>
        <source>Due within 7 days: %1</source>
        <translation>Đến hạn trong 7 ngày tới: %1</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>Overdue by %1 day(s)</source>
        <translation>Quá hạn %1 ngày</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>All assignees</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Tuần này</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Không có hạn</translation>
    </message>
    <message>
        <source>Select a task to see its progress.</source>
        <translation>Chọn một nhiệm vụ để xem tiến độ.</translation>
    </message>
    <message>
        <source>Done on %1: %2</source>
        <translation>Hoàn thành ngày %1: %2</translation>
    </message>
    <message>
        <source>Directive saved: %1</source>
        <translation>Đã lưu văn bản: %1</translation>
    </message>
    <message>
        <source>Task saved: %1</source>
        <translation>Đã lưu nhiệm vụ: %1</translation>
    </message>
    <message>
        <source>«%1» is now: %2</source>
        <translation>«%1» đã chuyển sang: %2</translation>
    </message>
    <message>
        <source>Progress noted.</source>
        <translation>Đã ghi tiến độ.</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Directives</source>
        <translation>Văn bản chỉ đạo</translation>
    </message>
    <message>
        <source>Add directive</source>
        <translation>Thêm văn bản</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Đơn vị thực hiện:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Hạn:</translation>
    </message>
    <message>
        <source>Search tasks (diacritics optional)…</source>
        <translation>Tìm nhiệm vụ (gõ không dấu cũng được)…</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Đổi trạng thái</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Add progress</source>
        <translation>Thêm tiến độ</translation>
    </message>
</context>
</TS>
