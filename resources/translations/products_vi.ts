<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DossierDialog</name>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save this document</source>
        <translation>Lưu tài liệu này</translation>
    </message>
    <message>
        <source>, dossier due %1</source>
        <translation>, hạn nộp hồ sơ %1</translation>
    </message>
    <message>
        <source>«%1» — %2, round %3 (rule set %4)%5</source>
        <translation>«%1» — %2, đợt %3 (bộ tiêu chí %4)%5</translation>
    </message>
    <message>
        <source>Missing %1 required document(s): %2</source>
        <translation>Còn thiếu %1 tài liệu bắt buộc: %2</translation>
    </message>
    <message>
        <source>Every required document is accepted.</source>
        <translation>Đã đủ các tài liệu bắt buộc.</translation>
    </message>
    <message>
        <source>(*) not confirmed in a public source of the rule set; hover for its note.</source>
        <translation>(*) chưa đối chiếu được với nguồn công khai của bộ tiêu chí; di chuột lên tên tài liệu để xem ghi chú.</translation>
    </message>
    <message>
        <source>Dossier — %1</source>
        <translation>Hồ sơ — %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Scanned file</source>
        <translation>Tệp bản quét</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Bản quét (*.pdf *.jpg *.jpeg *.png);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The file %1 is not on this computer.</source>
        <translation>Không có tệp %1 trên máy này.</translation>
    </message>
</context>
<context>
    <name>LabelFields</name>
    <message>
        <source>Trademark, barcode owner and traceability</source>
        <translation>Nhãn hiệu, chủ sở hữu mã vạch và truy xuất nguồn gốc</translation>
    </message>
    <message>
        <source>Trademark application no.:</source>
        <translation>Số đơn đăng ký nhãn hiệu:</translation>
    </message>
    <message>
        <source>Filed on:</source>
        <translation>Ngày nộp đơn:</translation>
    </message>
    <message>
        <source>Trademark certificate no.:</source>
        <translation>Số văn bằng bảo hộ nhãn hiệu:</translation>
    </message>
    <message>
        <source>Trademark owner:</source>
        <translation>Chủ sở hữu nhãn hiệu:</translation>
    </message>
    <message>
        <source>GS1 company prefix:</source>
        <translation>Mã doanh nghiệp GS1:</translation>
    </message>
    <message>
        <source>GS1 membership valid until:</source>
        <translation>Hạn hiệu lực mã số mã vạch:</translation>
    </message>
    <message>
        <source>Traceability link or QR text:</source>
        <translation>Liên kết truy xuất (nội dung mã QR):</translation>
    </message>
    <message>
        <source>e.g. 4-2024-12345, as on the IP Office&apos;s filing receipt</source>
        <translation>ví dụ 4-2024-12345, như trên thông báo tiếp nhận đơn</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>e.g. 4-0456789-000, as printed on the certificate</source>
        <translation>ví dụ 4-0456789-000, như in trên văn bằng</translation>
    </message>
    <message>
        <source>as written on the certificate</source>
        <translation>như ghi trên văn bằng</translation>
    </message>
    <message>
        <source>893 and 4 to 6 digits, from the GS1 Vietnam certificate</source>
        <translation>893 và 4 đến 6 chữ số, theo giấy chứng nhận của GS1 Việt Nam</translation>
    </message>
    <message>
        <source>https://… or the text the QR code holds</source>
        <translation>https://… hoặc nội dung mã QR</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Product or producer (accents optional)</source>
        <translation>Sản phẩm hoặc chủ thể (không cần dấu)</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Mọi giai đoạn</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Mọi địa bàn</translation>
    </message>
    <message>
        <source>All units: type a commune, district or province</source>
        <translation>Mọi địa bàn: gõ tên xã, huyện hoặc tỉnh</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Địa bàn:</translation>
    </message>
    <message>
        <source>Products per unit</source>
        <translation>Số sản phẩm theo địa bàn</translation>
    </message>
    <message>
        <source>Move to next stage</source>
        <translation>Chuyển sang giai đoạn kế tiếp</translation>
    </message>
    <message>
        <source>Dossier…</source>
        <translation>Hồ sơ…</translation>
    </message>
    <message>
        <source>Print checklist…</source>
        <translation>In phiếu kiểm tra hồ sơ…</translation>
    </message>
    <message>
        <source>Incomplete dossiers…</source>
        <translation>Sản phẩm còn thiếu hồ sơ…</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(chưa rõ địa bàn)</translation>
    </message>
    <message>
        <source>… and %1 more units: choose a unit above to see its products.</source>
        <translation>… và %1 đơn vị khác: chọn đơn vị ở trên để xem sản phẩm của đơn vị đó.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 products: pick a stage or a unit, or search, to see the others.</source>
        <translation>Đang hiện %1 sản phẩm đầu trong %2: chọn một giai đoạn, một đơn vị hoặc gõ tìm để xem các sản phẩm còn lại.</translation>
    </message>
    <message>
        <source>Move to «%1»</source>
        <translation>Chuyển sang «%1»</translation>
    </message>
    <message>
        <source>Moving «%1»…</source>
        <translation>Đang chuyển «%1»…</translation>
    </message>
    <message>
        <source>«%1» is now at the stage «%2».</source>
        <translation>Đã chuyển «%1» sang giai đoạn «%2».</translation>
    </message>
    <message>
        <source>Print checklist</source>
        <translation>In phiếu kiểm tra hồ sơ</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <source>Incomplete dossiers</source>
        <translation>Sản phẩm còn thiếu hồ sơ</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ProducerDialog</name>
    <message>
        <source>New producer</source>
        <translation>Tạo chủ thể mới</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>e.g. HTX Nông nghiệp Ẳng Nưa</source>
        <translation>ví dụ: HTX Nông nghiệp Ẳng Nưa</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Loại &amp;hình:</translation>
    </message>
    <message>
        <source>&amp;Tax code / ID no.:</source>
        <translation>&amp;Mã số thuế / số định danh:</translation>
    </message>
    <message>
        <source>10 or 13 digits, or a 12-digit personal ID</source>
        <translation>10 hoặc 13 chữ số, hoặc số định danh cá nhân 12 chữ số</translation>
    </message>
    <message>
        <source>&amp;Representative:</source>
        <translation>&amp;Người đại diện:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>e.g. 0912 345 678</source>
        <translation>ví dụ: 0912 345 678</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <source>&amp;Commune:</source>
        <translation>&amp;Xã:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ProducerListModel</name>
    <message>
        <source>Tax code: %1</source>
        <translation>Mã số thuế: %1</translation>
    </message>
</context>
<context>
    <name>ProducerPicker</name>
    <message>
        <source>Type part of the name (accents optional) and pick from the list</source>
        <translation>Gõ một phần tên (có dấu hay không dấu đều được) rồi chọn trong danh sách</translation>
    </message>
    <message>
        <source>New &amp;producer…</source>
        <translation>Tạo chủ thể &amp;mới…</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Product &amp;name:</source>
        <translation>Tên sản &amp;phẩm:</translation>
    </message>
    <message>
        <source>e.g. Cà phê bột Hà Chung</source>
        <translation>ví dụ: Cà phê bột Hà Chung</translation>
    </message>
    <message>
        <source>Save anyway: this is a different product with the same name</source>
        <translation>Vẫn lưu: đây là một sản phẩm khác có cùng tên</translation>
    </message>
    <message>
        <source>&amp;Producer:</source>
        <translation>&amp;Chủ thể:</translation>
    </message>
    <message>
        <source>&amp;Commune:</source>
        <translation>&amp;Xã:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Nhóm:</translation>
    </message>
    <message>
        <source>Product s&amp;et:</source>
        <translation>&amp;Bộ sản phẩm:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>T&amp;rạng thái:</translation>
    </message>
    <message>
        <source>St&amp;ars:</source>
        <translation>Hạng &amp;sao:</translation>
    </message>
    <message>
        <source>Sc&amp;ore:</source>
        <translation>Điểm đánh &amp;giá:</translation>
    </message>
    <message>
        <source>0–100, e.g. 72,5</source>
        <translation>0–100, ví dụ 72,5</translation>
    </message>
    <message>
        <source>Certificate n&amp;o.:</source>
        <translation>Số giấy c&amp;hứng nhận:</translation>
    </message>
    <message>
        <source>Certifying &amp;decision:</source>
        <translation>&amp;Quyết định công nhận:</translation>
    </message>
    <message>
        <source>e.g. 1234/QĐ-UBND</source>
        <translation>ví dụ: 1234/QĐ-UBND</translation>
    </message>
    <message>
        <source>Certifying &amp;body:</source>
        <translation>Cơ q&amp;uan công nhận:</translation>
    </message>
    <message>
        <source>Certified o&amp;n:</source>
        <translation>Ngà&amp;y công nhận:</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>E&amp;xpires on:</source>
        <translation>Ngày hế&amp;t hạn:</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Thêm sản phẩm</translation>
    </message>
    <message>
        <source>Edit product: %1</source>
        <translation>Sửa sản phẩm: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Show the product as it is stored now; what you typed in this form is replaced.</source>
        <translation>Hiện sản phẩm như đang lưu bây giờ; những gì bạn đã nhập trong biểu mẫu này sẽ được thay.</translation>
    </message>
    <message>
        <source>Activities with this product</source>
        <translation>Hoạt động có sản phẩm này</translation>
    </message>
    <message>
        <source>Leave empty to compute it from the rules in force on the certification date.</source>
        <translation>Để trống để tính theo bộ tiêu chí có hiệu lực vào ngày công nhận.</translation>
    </message>
    <message>
        <source>Empty: it will be %1 (%2 months under %3).</source>
        <translation>Để trống: sẽ là ngày %1 (%2 tháng theo %3).</translation>
    </message>
    <message>
        <source>This producer already has a product named “%1”.</source>
        <translation>Chủ thể này đã có sản phẩm «%1».</translation>
    </message>
    <message>
        <source>It is archived: you may restore it instead.</source>
        <translation>Sản phẩm đó đang được lưu trữ: có thể khôi phục thay vì tạo mới.</translation>
    </message>
    <message>
        <source>No producer is called “%1”. Pick one from the list or press “New producer…”.</source>
        <translation>Không có chủ thể nào tên «%1». Hãy chọn trong danh sách hoặc bấm «Tạo chủ thể mới…».</translation>
    </message>
    <message>
        <source>&amp;Barcode (EAN-13):</source>
        <translation>Mã &amp;vạch (EAN-13):</translation>
    </message>
    <message>
        <source>13 digits, e.g. 893 5002 30100 3</source>
        <translation>13 chữ số, ví dụ 893 5002 30100 3</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Label, traceability and trademark</source>
        <translation>Nhãn hàng hóa, truy xuất nguồn gốc và nhãn hiệu</translation>
    </message>
</context>
<context>
    <name>ProductRowsModel</name>
    <message>
        <source>Certificate expired</source>
        <translation>Giấy chứng nhận đã hết hạn</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Hết hạn ngày %1</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Hết hạn hôm nay</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>Còn %1 ngày</translation>
    </message>
    <message>
        <source>No logbook entry in the last 12 months</source>
        <translation>Không có ghi chép sổ nhật ký trong 12 tháng qua</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Search products or producers (accents optional)…</source>
        <translation>Tìm sản phẩm hoặc chủ thể (gõ không dấu cũng được)…</translation>
    </message>
    <message>
        <source>Place: a new commune also shows the products of the units merged into it in 2025</source>
        <translation>Địa bàn: xã mới gồm cả sản phẩm của các đơn vị sáp nhập vào xã đó năm 2025</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>Nhóm sản phẩm</translation>
    </message>
    <message>
        <source>Star class</source>
        <translation>Hạng sao</translation>
    </message>
    <message>
        <source>Status; choose “Archived” to see and restore archived products</source>
        <translation>Trạng thái; chọn «Đã lưu trữ» để xem và khôi phục sản phẩm đã lưu trữ</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>Hạn giấy chứng nhận</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>A&amp;rchive</source>
        <translation>&amp;Lưu trữ</translation>
    </message>
    <message>
        <source>Hide the selected products; they are kept and can be restored</source>
        <translation>Ẩn các sản phẩm đã chọn; dữ liệu vẫn được giữ và có thể khôi phục</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>Label incomplete</source>
        <translation>Nhãn chưa đạt</translation>
    </message>
    <message>
        <source>Only products whose label, barcode or trademark is not complete</source>
        <translation>Chỉ sản phẩm có nhãn hàng hóa, mã vạch, truy xuất nguồn gốc hoặc nhãn hiệu chưa đạt</translation>
    </message>
    <message>
        <source>No logbook 12 months</source>
        <translation>Không ghi sổ 12 tháng</translation>
    </message>
    <message>
        <source>Only products with no logbook entry in the last 12 months</source>
        <translation>Chỉ các sản phẩm không có ghi chép sổ nhật ký trong 12 tháng qua</translation>
    </message>
    <message>
        <source>&amp;Logbook…</source>
        <translation>Sổ &amp;nhật ký…</translation>
    </message>
    <message>
        <source>The selected product&apos;s logbook: import, print, totals, trace</source>
        <translation>Sổ nhật ký của sản phẩm đang chọn: nhập từ Excel, in sổ trắng, tổng hợp, truy xuất lô</translation>
    </message>
    <message>
        <source>Logbook…</source>
        <translation>Sổ nhật ký…</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Tất cả địa bàn</translation>
    </message>
    <message>
        <source>All places: type a commune, district or province</source>
        <translation>Tất cả địa bàn: gõ tên xã, huyện hoặc tỉnh</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tất cả nhóm</translation>
    </message>
    <message>
        <source>All stars</source>
        <translation>Tất cả hạng sao</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Đã lưu trữ</translation>
    </message>
    <message>
        <source>Any expiry</source>
        <translation>Mọi thời hạn</translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation>Giấy chứng nhận đã hết hạn</translation>
    </message>
    <message>
        <source>Expiring within %1 days</source>
        <translation>Hết hạn trong %1 ngày tới</translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation>%1 sản phẩm</translation>
    </message>
    <message>
        <source>Could not load the products: %1</source>
        <translation>Không tải được danh sách sản phẩm: %1</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Đã lưu «%1».</translation>
    </message>
    <message>
        <source>Certificate valid until %1 (computed from the rules in force).</source>
        <translation>Giấy chứng nhận có hiệu lực đến ngày %1 (tính theo bộ tiêu chí có hiệu lực).</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Archived %1. Choose “Archived” in the status list to restore.</source>
        <translation>Đã lưu trữ %1. Chọn «Đã lưu trữ» trong danh sách trạng thái để khôi phục.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>Đã khôi phục %1.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register «%1» for evaluation</source>
        <translation>Đăng ký đánh giá «%1»</translation>
    </message>
</context>
</TS>
