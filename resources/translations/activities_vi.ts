<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>All kinds</source>
        <translation>Tất cả các loại</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>Search activity names (accents optional)</source>
        <translation>Tìm theo tên hoạt động (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;New activity…</source>
        <translation>&amp;Thêm hoạt động…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Xóa hoạt động</translation>
    </message>
    <message>
        <source>Delete the activity «%1»?</source>
        <translation>Xóa hoạt động «%1»?</translation>
    </message>
    <message>
        <source>Activity deleted: %1</source>
        <translation>Đã xóa hoạt động: %1</translation>
    </message>
    <message>
        <source>Activity saved: %1</source>
        <translation>Đã lưu hoạt động: %1</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>Sửa hoạt động</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Thêm hoạt động</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Sales (đồng)</source>
        <translation>Doanh thu (đồng)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Sales of %1</source>
        <translation>Doanh thu của %1</translation>
    </message>
</context>
<context>
    <name>ActivityHistory</name>
    <message>
        <source>No activities yet.</source>
        <translation>Chưa có hoạt động nào.</translation>
    </message>
    <message>
        <source>%1 activities, %2 fairs.</source>
        <translation>%1 hoạt động, trong đó %2 hội chợ, hội nghị xúc tiến thương mại.</translation>
    </message>
</context>
</TS>
