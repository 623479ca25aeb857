<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Commands</name>
    <message>
        <source>Evaluation</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Select one product in the OCOP products tab, then score it.</source>
        <translation>Hãy chọn một sản phẩm ở thẻ Sản phẩm OCOP rồi chấm điểm.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Pick from a calendar</source>
        <translation>Chọn trên lịch</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hôm nay</translation>
    </message>
    <message>
        <source>the earliest date allowed</source>
        <translation>ngày sớm nhất được phép</translation>
    </message>
    <message>
        <source>%1 is before %2 (%3); enter %3 or a later date.</source>
        <translation>%1 trước %2 (%3); hãy nhập ngày %3 hoặc muộn hơn.</translation>
    </message>
    <message>
        <source>the latest date allowed</source>
        <translation>ngày muộn nhất được phép</translation>
    </message>
    <message>
        <source>%1 is after %2 (%3); enter %3 or an earlier date.</source>
        <translation>%1 sau %2 (%3); hãy nhập ngày %3 hoặc sớm hơn.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Unexpected error (%1). Try again; if it happens again, send the log file (Help › Open log folder) to the person who supports OCOP Desktop.</source>
        <translation>Lỗi không mong đợi (%1). Hãy thử lại; nếu vẫn lỗi, hãy gửi tệp nhật ký (Trợ giúp › Mở thư mục nhật ký) cho người hỗ trợ OCOP Desktop.</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Thư mục nhật ký</translation>
    </message>
    <message>
        <source>The log folder is %1. Open it in the file manager.</source>
        <translation>Thư mục nhật ký là %1. Hãy mở thư mục này bằng trình quản lý tệp.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up the office</source>
        <translation>Thiết lập đơn vị</translation>
    </message>
    <message>
        <source>Which office does this copy serve, and who uses it? They appear in the activity log and in the header and signature block of documents. Type part of a name, with or without diacritics, to search.</source>
        <translation>Máy này phục vụ cơ quan, đơn vị nào và ai sử dụng? Các thông tin này được ghi vào nhật ký hoạt động và in ở phần đầu, phần ký tên của văn bản. Gõ một phần tên, có dấu hoặc không dấu, để tìm.</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>&amp;Tỉnh</translation>
    </message>
    <message>
        <source>Also list the provinces before 01/07/2025 (an office recording older data)</source>
        <translation>Hiện cả các tỉnh trước ngày 01/07/2025 (cơ quan ghi dữ liệu cũ)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>Office &amp;kind</source>
        <translation>&amp;Loại cơ quan</translation>
    </message>
    <message>
        <source>Office name as &amp;printed</source>
        <translation>Tên cơ quan in trên văn &amp;bản</translation>
    </message>
    <message>
        <source>Your &amp;full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Chức vụ</translation>
    </message>
    <message>
        <source>Default signer block of documents</source>
        <translation>Phần ký tên mặc định của văn bản</translation>
    </message>
    <message>
        <source>On behalf of (T&amp;M.)</source>
        <translation>Thay mặt (T&amp;M.)</translation>
    </message>
    <message>
        <source>Deputy signs for (&amp;KT.)</source>
        <translation>Ký thay (&amp;KT.)</translation>
    </message>
    <message>
        <source>Signer&apos;s titl&amp;e</source>
        <translation>Chức &amp;danh người ký</translation>
    </message>
    <message>
        <source>Fingerprint of this office&apos;s signing key: %1 — the offices that receive your packages compare it with the one their program shows.</source>
        <translation>Dấu vân tay khóa ký của đơn vị: %1 — nơi nhận gói dữ liệu của đơn vị đối chiếu với dấu vân tay chương trình của họ hiện ra.</translation>
    </message>
    <message>
        <source>Loading the list of administrative units…</source>
        <translation>Đang tải danh sách đơn vị hành chính…</translation>
    </message>
    <message>
        <source>Province not chosen: choose the province first, then the unit in it.</source>
        <translation>Chưa chọn Tỉnh: hãy chọn tỉnh trước, rồi chọn Đơn vị trong tỉnh đó.</translation>
    </message>
</context>
<context>
    <name>HelpManual</name>
    <message>
        <source>User manual</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>The user manual was not found at %1. Install OCOP Desktop again, or copy the manual folder back to that place.</source>
        <translation>Không tìm thấy hướng dẫn sử dụng tại %1. Hãy cài đặt lại OCOP Desktop, hoặc chép lại thư mục manual vào đúng chỗ đó.</translation>
    </message>
    <message>
        <source>No web browser opened the user manual. Open the file %1 with a web browser (Edge, Chrome, Firefox, Cốc Cốc…).</source>
        <translation>Không có trình duyệt web nào mở được hướng dẫn sử dụng. Hãy mở tệp %1 bằng trình duyệt web (Edge, Chrome, Firefox, Cốc Cốc…).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Start</source>
        <translation>Trang chính</translation>
    </message>
    <message>
        <source>OCOP products</source>
        <translation>Sản phẩm OCOP</translation>
    </message>
    <message>
        <source>Product survey</source>
        <translation>Rà soát sản phẩm</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Lộ trình</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>OCOP Desktop</source>
        <translation>OCOP Desktop</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Dữ liệu: %1</translation>
    </message>
    <message>
        <source>Opening the data file…</source>
        <translation>Đang mở tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation>Đang kiểm tra tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Updating the reference data…</source>
        <translation>Đang cập nhật dữ liệu tham chiếu…</translation>
    </message>
    <message>
        <source>Loading the lists…</source>
        <translation>Đang tải danh sách…</translation>
    </message>
    <message>
        <source>Making today&apos;s backup copy…</source>
        <translation>Đang sao lưu dữ liệu hôm nay…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <source>SAMPLE DATA (Mường Ảng letter 2024)</source>
        <translation>DỮ LIỆU MẪU (công văn Mường Ảng 2024)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Office not set up</source>
        <translation>Chưa thiết lập đơn vị</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The language will change the next time OCOP Desktop starts.</source>
        <translation>Ngôn ngữ sẽ được đổi khi mở lại OCOP Desktop.</translation>
    </message>
    <message>
        <source>About OCOP Desktop</source>
        <translation>Giới thiệu OCOP Desktop</translation>
    </message>
    <message>
        <source>OCOP Desktop %1
Offline management of the One Commune One Product programme.</source>
        <translation>OCOP Desktop %1
Quản lý Chương trình Mỗi xã một sản phẩm, không cần mạng.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>&amp;Evaluation</source>
        <translation>Đánh &amp;giá</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <source>Start page</source>
        <translation>Trang chính</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Thêm sản phẩm</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Send report package…</source>
        <translation>Gửi báo cáo…</translation>
    </message>
    <message>
        <source>Pack this office&apos;s data and reports into one file to send</source>
        <translation>Đóng gói dữ liệu và báo cáo của đơn vị thành một tệp để gửi</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Receive report packages…</source>
        <translation>Nhận báo cáo…</translation>
    </message>
    <message>
        <source>Check and merge packages received from other offices</source>
        <translation>Kiểm tra và hợp nhất các gói báo cáo nhận từ đơn vị khác</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Trusted offices and signing keys…</source>
        <translation>Đơn vị tin cậy và khóa ký…</translation>
    </message>
    <message>
        <source>This office&apos;s fingerprint, the offices whose packages are trusted here, a province&apos;s key list, a report&apos;s signature</source>
        <translation>Dấu vân tay của đơn vị này, các đơn vị được tin cậy khi nhận gói, danh sách khóa của tỉnh, chữ ký của báo cáo</translation>
    </message>
    <message>
        <source>Import survey rows from Excel…</source>
        <translation>Nhập kết quả rà soát từ Excel…</translation>
    </message>
    <message>
        <source>Save the Excel survey template…</source>
        <translation>Tải mẫu Excel rà soát…</translation>
    </message>
    <message>
        <source>Backups and restore…</source>
        <translation>Sao lưu và khôi phục…</translation>
    </message>
    <message>
        <source>Activity log…</source>
        <translation>Nhật ký thao tác…</translation>
    </message>
    <message>
        <source>Who changed what, and when</source>
        <translation>Ai đã thay đổi gì, vào lúc nào</translation>
    </message>
    <message>
        <source>Score the selected product…</source>
        <translation>Chấm điểm sản phẩm đang chọn…</translation>
    </message>
    <message>
        <source>Self-assessment or council scoring on the official scorecard</source>
        <translation>Tự đánh giá hoặc hội đồng chấm điểm theo phiếu chấm chính thức</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Scorecards…</source>
        <translation>Phiếu chấm điểm…</translation>
    </message>
    <message>
        <source>See, print, import or export the scorecards</source>
        <translation>Xem, in, nhập hoặc xuất các phiếu chấm điểm</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>Báo cáo…</translation>
    </message>
    <message>
        <source>Make, preview, print and save reports</source>
        <translation>Lập, xem trước, in và lưu báo cáo</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Office and user…</source>
        <translation>Thiết lập đơn vị…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Open the sample data (Mường Ảng letter 2024)</source>
        <translation>Mở dữ liệu mẫu (công văn Mường Ảng 2024)</translation>
    </message>
    <message>
        <source>Opens the sample in its own window and data file; your data are not touched</source>
        <translation>Mở dữ liệu mẫu trong một cửa sổ và tệp dữ liệu riêng; dữ liệu của bạn không bị thay đổi</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Opens the Vietnamese user manual (also printable) in the web browser</source>
        <translation>Mở hướng dẫn sử dụng (in được) bằng trình duyệt web</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
        <source>Opens the folder of the log files, to send them to the person who supports OCOP Desktop</source>
        <translation>Mở thư mục chứa các tệp nhật ký, để gửi cho người hỗ trợ OCOP Desktop</translation>
    </message>
</context>
<context>
    <name>OpenSample</name>
    <message>
        <source>Sample data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <source>The sample data could not be opened: %1</source>
        <translation>Không mở được dữ liệu mẫu: %1</translation>
    </message>
    <message>
        <source>the program %1 could not be started.</source>
        <translation>không khởi chạy được chương trình %1.</translation>
    </message>
    <message>
        <source>Preparing the sample data…</source>
        <translation>Đang chuẩn bị dữ liệu mẫu…</translation>
    </message>
</context>
<context>
    <name>ServerBackups</name>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>The data are in the database %1 on a PostgreSQL server, which this window does not copy. The server&apos;s administrator backs it up with «ocop backup» (pg_dump) and restores it with «ocop restore» into an empty database.</source>
        <translation>Dữ liệu nằm trong cơ sở dữ liệu %1 trên máy chủ PostgreSQL, cửa sổ này không sao chép nó. Quản trị viên máy chủ sao lưu bằng «ocop backup» (pg_dump) và khôi phục bằng «ocop restore» vào một cơ sở dữ liệu trống.</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Server password</source>
        <translation>Mật khẩu máy chủ</translation>
    </message>
    <message>
        <source>The server %1 asks for the password of the user «%2».</source>
        <translation>Máy chủ %1 hỏi mật khẩu của người dùng «%2».</translation>
    </message>
    <message>
        <source>The server did not accept that password; type it again.</source>
        <translation>Máy chủ không nhận mật khẩu vừa gõ; hãy gõ lại.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>To be asked no more, the administrator can keep it in PostgreSQL&apos;s password file (see the manual).</source>
        <translation>Để không phải gõ mỗi lần, quản trị viên có thể ghi mật khẩu vào tệp mật khẩu của PostgreSQL (xem hướng dẫn sử dụng).</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>Set up your office: unit, kind of office, who signs</source>
        <translation>Thiết lập đơn vị: đơn vị hành chính, loại cơ quan, người ký</translation>
    </message>
    <message>
        <source>Create this year&apos;s survey campaign</source>
        <translation>Tạo đợt rà soát sản phẩm năm nay</translation>
    </message>
    <message>
        <source>register the letter you received</source>
        <translation>nhập công văn chỉ đạo đã nhận</translation>
    </message>
    <message>
        <source>or</source>
        <translation>hoặc</translation>
    </message>
    <message>
        <source>Add products</source>
        <translation>Thêm sản phẩm</translation>
    </message>
    <message>
        <source>import last year&apos;s list from Excel</source>
        <translation>nhập danh sách năm trước từ Excel</translation>
    </message>
    <message>
        <source>Send the first report to the office above (data package)</source>
        <translation>Gửi báo cáo đầu tiên lên cấp trên (gói dữ liệu)</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>không có hạn</translation>
    </message>
    <message>
        <source>%1/%2 units</source>
        <translation>%1/%2 đơn vị</translation>
    </message>
    <message>
        <source>%1 — due %2</source>
        <translation>%1 — hạn %2</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) expire within 6 months</source>
        <translation>
            <numerusform>%n giấy chứng nhận hết hạn trong 6 tháng tới</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (in %2 days)</source>
        <translation>%1 (còn %2 ngày)</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) already expired</source>
        <translation>
            <numerusform>%n giấy chứng nhận đã hết hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) now in the re-evaluation filing window (180–120 days before expiry, %1)</source>
        <translation>
            <numerusform>%n sản phẩm đang trong thời hạn nộp hồ sơ đánh giá lại (180–120 ngày trước khi hết hạn, %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>file by %1</source>
        <translation>nộp trước %1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) overdue</source>
        <translation>
            <numerusform>%n nhiệm vụ quá hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due within 7 days</source>
        <translation>
            <numerusform>%n nhiệm vụ đến hạn trong 7 ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Products by star class</source>
        <translation>Sản phẩm theo hạng sao</translation>
    </message>
    <message>
        <source>Products by status</source>
        <translation>Sản phẩm theo trạng thái</translation>
    </message>
    <message>
        <source>Certificates needing attention</source>
        <translation>Giấy chứng nhận cần chú ý</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Survey campaigns</source>
        <translation>Các đợt rà soát</translation>
    </message>
</context>
<context>
    <name>StartupErrorDialog</name>
    <message>
        <source>OCOP Desktop cannot start</source>
        <translation>OCOP Desktop chưa khởi động được</translation>
    </message>
    <message>
        <source>OCOP Desktop could not open the data file %1.</source>
        <translation>OCOP Desktop không mở được tệp dữ liệu %1.</translation>
    </message>
    <message>
        <source>You can choose another data file (an existing one, or a new name for an empty one), or quit.</source>
        <translation>Bạn có thể chọn tệp dữ liệu khác (một tệp đã có, hoặc đặt tên mới để bắt đầu tệp trống), hoặc thoát.</translation>
    </message>
    <message>
        <source>Choose another data file…</source>
        <translation>Chọn tệp dữ liệu khác…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Choose or create a data file</source>
        <translation>Chọn hoặc tạo tệp dữ liệu</translation>
    </message>
    <message>
        <source>OCOP Desktop data (*.db);;All files (*)</source>
        <translation>Dữ liệu OCOP Desktop (*.db);;Tất cả các tệp (*)</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <source>Unexpected error: OCOP Desktop could not finish this action. The data saved before it are not affected.

Try again. If it happens again, press «Copy details» and send the text (pasted into an e-mail or a message) to the person who supports OCOP Desktop. The details are also in the log (Help › Open log folder).</source>
        <translation>Lỗi không mong đợi: OCOP Desktop không làm xong được thao tác này. Dữ liệu đã lưu trước đó không bị ảnh hưởng.

Hãy thử lại. Nếu vẫn lỗi, bấm «Sao chép chi tiết» rồi gửi nội dung (dán vào thư điện tử hoặc tin nhắn) cho người hỗ trợ OCOP Desktop. Chi tiết cũng đã được ghi vào nhật ký (Trợ giúp › Mở thư mục nhật ký).</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The details were copied; paste them into your message.</source>
        <translation>Đã sao chép chi tiết; hãy dán vào tin nhắn của bạn.</translation>
    </message>
</context>
</TS>
