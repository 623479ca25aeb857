<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>EvaluationTables</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <source>Points lost</source>
        <translation>Điểm bị mất</translation>
    </message>
    <message>
        <source>Next level</source>
        <translation>Mức kế tiếp</translation>
    </message>
    <message>
        <source>Proposed to %1</source>
        <translation>Đề nghị %1</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Bộ tiêu chí</translation>
    </message>
    <message>
        <source>(every set)</source>
        <translation>(mọi bộ sản phẩm)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>chưa đối chiếu</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>kèm ứng dụng</translation>
    </message>
    <message>
        <source>imported from %1</source>
        <translation>nhập từ %1</translation>
    </message>
    <message>
        <source>Product set</source>
        <translation>Bộ sản phẩm</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Các phần</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Số tiêu chí</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Đã đối chiếu</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Các mức điểm</translation>
    </message>
</context>
<context>
    <name>LevelDelegate</name>
    <message>
        <source>(not scored)</source>
        <translation>(chưa chấm)</translation>
    </message>
</context>
<context>
    <name>ScoreTableModel</name>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>Whole points from 0 to %1</source>
        <translation>Điểm nguyên từ 0 đến %1</translation>
    </message>
    <message>
        <source>%1, criterion %2 «%3»</source>
        <translation>%1, tiêu chí %2 «%3»</translation>
    </message>
    <message>
        <source>«%1» is not a number.</source>
        <translation>«%1» không phải là số; hãy nhập điểm bằng số, ví dụ 3.</translation>
    </message>
    <message>
        <source>%1 is outside %2 to %3; enter a score from %2 to %3.</source>
        <translation>%1 nằm ngoài khoảng %2 đến %3; hãy nhập điểm từ %2 đến %3.</translation>
    </message>
    <message>
        <source>%1 has decimals but this criterion is scored in whole points; enter a whole number from %2 to %3.</source>
        <translation>%1 có phần thập phân nhưng tiêu chí này chấm điểm nguyên; hãy nhập số nguyên từ %2 đến %3.</translation>
    </message>
    <message>
        <source>%1 is not one of the criterion&apos;s levels; enter one of %2.</source>
        <translation>%1 không phải là một mức điểm của tiêu chí; hãy nhập một trong các mức %2.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Bình quân</translation>
    </message>
</context>
<context>
    <name>ScorecardsDialog</name>
    <message>
        <source>Scorecards</source>
        <translation>Phiếu chấm điểm</translation>
    </message>
    <message>
        <source>The scorecards used for scoring, one per rule set and product set. To add or correct a card, save the Excel template, fill it in and import it; a card whose points do not add up is refused with the sheet and row to fix.</source>
        <translation>Các phiếu dùng để chấm điểm, mỗi phiếu cho một bộ tiêu chí và một bộ sản phẩm. Muốn thêm hoặc sửa phiếu, hãy lưu mẫu Excel, điền vào rồi nhập lại; phiếu có điểm không khớp sẽ bị từ chối, kèm trang và dòng cần sửa.</translation>
    </message>
    <message>
        <source>Problems found in the last import:</source>
        <translation>Các lỗi trong lần nhập vừa rồi:</translation>
    </message>
    <message>
        <source>Save Excel template…</source>
        <translation>Lưu mẫu Excel…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Restore the shipped card</source>
        <translation>Dùng lại phiếu gốc</translation>
    </message>
    <message>
        <source>Print blank scoring sheet…</source>
        <translation>In phiếu chấm trống…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Template saved to %1. Fill it in with Excel, then import it.</source>
        <translation>Đã lưu mẫu vào %1. Hãy điền bằng Excel rồi nhập lại.</translation>
    </message>
    <message>
        <source>The card was refused; nothing was changed. Fix the rows listed and import again.</source>
        <translation>Phiếu bị từ chối, dữ liệu không thay đổi. Hãy sửa các dòng nêu trên rồi nhập lại.</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>Đã nhập: %1</translation>
    </message>
    <message>
        <source>The shipped card is used again.</source>
        <translation>Đã dùng lại phiếu gốc kèm ứng dụng.</translation>
    </message>
    <message>
        <source>Select a card first.</source>
        <translation>Hãy chọn một phiếu trước.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Đã lưu vào %1</translation>
    </message>
    <message>
        <source>Save Excel template</source>
        <translation>Lưu mẫu Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Import scorecard</source>
        <translation>Nhập phiếu chấm điểm</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Evaluation: %1</source>
        <translation>Đánh giá: %1</translation>
    </message>
    <message>
        <source>&amp;Save evaluation</source>
        <translation>&amp;Lưu kết quả đánh giá</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>Thành viên %1</translation>
    </message>
    <message>
        <source>Not confirmed against the official text: %1</source>
        <translation>Chưa đối chiếu với văn bản gốc: %1</translation>
    </message>
    <message>
        <source>The rule set in force on the evaluation date is %1.</source>
        <translation>Bộ tiêu chí có hiệu lực vào ngày đánh giá là %1.</translation>
    </message>
    <message>
        <source>Select a cell in the column of the member to remove.</source>
        <translation>Hãy chọn một ô trong cột của thành viên cần bỏ.</translation>
    </message>
    <message>
        <source>At least one member scores the product.</source>
        <translation>Phải có ít nhất một thành viên chấm điểm.</translation>
    </message>
    <message>
        <source>Not rated: knocked out</source>
        <translation>Không xếp hạng: bị loại</translation>
    </message>
    <message>
        <source>Not scored yet</source>
        <translation>Chưa chấm</translation>
    </message>
    <message>
        <source>%1 stars</source>
        <translation>%1 sao</translation>
    </message>
    <message>
        <source>%1 criteria not scored yet (counted as 0).</source>
        <translation>Còn %1 tiêu chí chưa chấm (tính 0 điểm).</translation>
    </message>
    <message>
        <source>The top class is reached.</source>
        <translation>Đã đạt hạng cao nhất.</translation>
    </message>
    <message>
        <source>%1 more points are needed for %2 stars (%3 points). The criteria below lose the most points.</source>
        <translation>Cần thêm %1 điểm để đạt %2 sao (%3 điểm). Các tiêu chí dưới đây mất nhiều điểm nhất.</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Có hiệu lực đến %1.</translation>
    </message>
    <message>
        <source>File for re-evaluation from %1 to %2.</source>
        <translation>Nộp hồ sơ đánh giá lại từ %1 đến %2.</translation>
    </message>
    <message>
        <source>Checked only: %1 does not rate products</source>
        <translation>Chỉ kiểm tra: %1 không đánh giá, phân hạng sản phẩm</translation>
    </message>
    <message>
        <source>Proposed to %1 for evaluation and certification</source>
        <translation>Đề nghị %1 đánh giá, công nhận</translation>
    </message>
    <message>
        <source>Some scores were not taken; correct the red cells before saving:</source>
        <translation>Có điểm chưa được nhận; hãy sửa các ô tô đỏ trước khi lưu:</translation>
    </message>
    <message>
        <source>Saved: %1 points.</source>
        <translation>Đã lưu: %1 điểm.</translation>
    </message>
    <message>
        <source>The product&apos;s star class and certificate were updated.</source>
        <translation>Hạng sao và giấy chứng nhận của sản phẩm đã được cập nhật.</translation>
    </message>
    <message>
        <source>Select an earlier evaluation first.</source>
        <translation>Hãy chọn một lần đánh giá trước đó.</translation>
    </message>
    <message>
        <source>Save the evaluation (or select an earlier one) before printing its result.</source>
        <translation>Hãy lưu kết quả đánh giá (hoặc chọn một lần đánh giá trước) rồi mới in kết quả.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Đã lưu vào %1</translation>
    </message>
    <message>
        <source>Evaluation and star rating</source>
        <translation>Đánh giá, phân hạng sao</translation>
    </message>
    <message>
        <source>Rule set:</source>
        <translation>Bộ tiêu chí:</translation>
    </message>
    <message>
        <source>Evaluation date:</source>
        <translation>Ngày đánh giá:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Cấp đánh giá:</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Chấm điểm</translation>
    </message>
    <message>
        <source>Type a score in a member&apos;s column, or double-click to pick a level.</source>
        <translation>Gõ điểm vào cột của thành viên, hoặc nhấp đúp để chọn mức điểm.</translation>
    </message>
    <message>
        <source>Council member:</source>
        <translation>Thành viên hội đồng:</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Thêm thành viên</translation>
    </message>
    <message>
        <source>Remove selected member</source>
        <translation>Bỏ thành viên đang chọn</translation>
    </message>
    <message>
        <source>Gap to the next star</source>
        <translation>Còn thiếu để lên hạng</translation>
    </message>
    <message>
        <source>Earlier evaluations</source>
        <translation>Các lần đánh giá trước</translation>
    </message>
    <message>
        <source>Show these scores</source>
        <translation>Xem điểm của lần này</translation>
    </message>
    <message>
        <source>Print this result…</source>
        <translation>In kết quả lần này…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>Các phần:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Tổng điểm:</translation>
    </message>
    <message>
        <source>Star class:</source>
        <translation>Hạng sao:</translation>
    </message>
    <message>
        <source>Knock-out conditions</source>
        <translation>Điều kiện loại</translation>
    </message>
    <message>
        <source>Certified (công nhận)</source>
        <translation>Được công nhận</translation>
    </message>
    <message>
        <source>Certificate no.:</source>
        <translation>Số giấy chứng nhận:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Quyết định:</translation>
    </message>
    <message>
        <source>e.g. 2150/QĐ-UBND</source>
        <translation>ví dụ 2150/QĐ-UBND</translation>
    </message>
    <message>
        <source>Certifying body:</source>
        <translation>Cơ quan công nhận:</translation>
    </message>
    <message>
        <source>Certified on:</source>
        <translation>Ngày công nhận:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Print blank sheet…</source>
        <translation>In phiếu chấm trống…</translation>
    </message>
    <message>
        <source>Print filled sheet…</source>
        <translation>In phiếu đã chấm…</translation>
    </message>
    <message>
        <source>Print result…</source>
        <translation>In kết quả…</translation>
    </message>
</context>
</TS>
