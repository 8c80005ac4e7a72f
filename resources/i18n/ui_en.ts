<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/widgets/id_sources.py" line="+51"/>
        <source>Không tìm thấy mã QR trên trang vừa quét. Hãy đặt mặt sau của thẻ (mặt có mã QR) úp xuống mặt kính rồi quét lại.</source>
        <translation>No QR code was found on the scanned page. Place the back of the card (the side with the QR code) face down on the glass and scan again.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không tìm thấy máy quét nào. Hãy kiểm tra cáp và nguồn điện của máy quét.</source>
        <translation>No scanner was found. Check the scanner&apos;s cable and power supply.</translation>
    </message>
    <message>
        <location filename="../../ui/views/recovery_dialog.py" line="+59"/>
        <source>Không có bản sao lưu nào còn nguyên vẹn. Dữ liệu hiện tại không bị thay đổi.</source>
        <translation>No backup is intact. The current data has not been changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không tìm thấy bản sao lưu nào. Dữ liệu hiện tại không bị thay đổi.</source>
        <translation>No backup found. The current data has not been changed.</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <location filename="../../ui/views/action_dialogs.py" line="+111"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+323"/>
        <source>Xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new appointment for the result</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>ngày/tháng/năm giờ:phút, ví dụ 12/02/2027 16:00</source>
        <translation>day/month/year hour:minute, e.g. 12/02/2027 16:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lý do chậm trả:</source>
        <translation>Reason for the delay:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hẹn trả mới:</source>
        <translation>New appointment:</translation>
    </message>
</context>
<context>
    <name>AuthScreen</name>
    <message>
        <location filename="../../ui/views/login.py" line="+167"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+562"/>
        <source>Tài khoản bị khóa đến {time} do nhập sai mật khẩu nhiều lần</source>
        <translation>The account is locked until {time} after too many wrong passwords</translation>
    </message>
</context>
<context>
    <name>AuthUi</name>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-874"/>
        <source>Hệ thống</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn thư mục lưu bản sao lưu (ví dụ ổ USB)</source>
        <translation>Choose the folder for the backup (e.g. a USB drive)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang sao lưu dữ liệu…</source>
        <translation>Backing up the data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã sao lưu dữ liệu.</source>
        <translation>The data has been backed up.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu dữ liệu</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang kiểm tra dữ liệu…</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khóa máy (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khóa máy khi rời quầy; đăng nhập lại để tiếp tục (Ctrl+L)</source>
        <translation>Lock the computer when leaving the counter; log in again to continue (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đổi người dùng</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng xuất để cán bộ khác đăng nhập</source>
        <translation>Log out so that another official can log in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đặt mật khẩu mới cho tài khoản đang đăng nhập</source>
        <translation>Set a new password for the account logged in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu dữ liệu…</source>
        <translation>Back up data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu toàn bộ dữ liệu ra ổ USB hoặc thư mục khác</source>
        <translation>Back up all data to a USB drive or another folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiểm tra dữ liệu</source>
        <translation>Check data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiểm tra cơ sở dữ liệu và tệp đính kèm còn nguyên vẹn</source>
        <translation>Check that the database and the attachments are intact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa đăng nhập</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dữ liệu toàn vẹn: không phát hiện lỗi.</source>
        <translation>Data integrity verified: no errors found.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đừng xoá hay sửa tệp dữ liệu. Hãy đóng ứng dụng, sao chép cả thư mục dữ liệu sang ổ khác, rồi khôi phục bản sao lưu gần nhất hoặc liên hệ hỗ trợ kỹ thuật. Bấm “Xem chi tiết” để xem từng vấn đề.</source>
        <translation>Do not delete or edit the data files. Close the application, copy the whole data folder to another drive, then restore the latest backup or contact technical support. Click “Show details” to see each problem.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã sao lưu vào {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} tệp đính kèm. Hãy cất ổ USB ở nơi an toàn: bản sao lưu chứa hồ sơ của công dân.</source>
        <translation>{n} attachment(s). Keep the USB drive in a safe place: the backup contains citizens&apos; dossiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang khóa · {name}</source>
        <translation>Locked · {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phát hiện {n} vấn đề trong dữ liệu.</source>
        <translation>{n} problem(s) found in the data.</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <location line="+2"/>
        <source>CHỈ ĐỌC — dữ liệu bị lỗi, không lưu được thay đổi</source>
        <translation>READ-ONLY — the data is damaged, changes cannot be saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lỗi không xác định khi sao lưu.</source>
        <translation>Unknown error during the backup.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu tự động không thành công — sẽ thử lại sau.</source>
        <translation>Automatic backup failed — it will be tried again later.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu tự động</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa sao lưu được dữ liệu theo lịch.</source>
        <translation>The scheduled backup could not be made.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dữ liệu trên máy vẫn nguyên vẹn và bạn có thể tiếp tục làm việc. Ứng dụng sẽ tự thử lại sau ít phút; có thể đổi thư mục sao lưu trong Cài đặt.</source>
        <translation>The data on this computer is intact and you can keep working. The application will try again in a few minutes; the backup folder can be changed in Settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã tự động sao lưu dữ liệu lúc {time}.</source>
        <translation>Data backed up automatically at {time}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã xoá dữ liệu cá nhân của {n} hồ sơ quá thời hạn lưu giữ (tỉnh đã nhận đủ).</source>
        <translation>Removed the personal data of {n} dossiers past their retention period (the province has them in full).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa chạy được việc xoá dữ liệu hết hạn lưu giữ: {error}</source>
        <translation>Could not remove data past its retention period: {error}</translation>
    </message>
</context>
<context>
    <name>CaptureUi</name>
    <message>
        <location line="+2"/>
        <source>Quét tài liệu</source>
        <translation>Scan documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quét giấy tờ của hồ sơ đang mở và lưu thành tệp PDF (F6)</source>
        <translation>Scan the open dossier&apos;s papers and save them as a PDF file (F6)</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../ui/views/capture.py" line="+175"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+402"/>
        <source>Chưa chọn hồ sơ</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>← Về hồ sơ</source>
        <translation>← Back to dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mở hồ sơ khác:</source>
        <translation>Open another dossier:</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tìm lại</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tìm lại các máy quét đang kết nối</source>
        <translation>Search again for connected scanners</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{n} dpi</source>
        <translation>{n} dpi</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Xám</source>
        <translation>Greyscale</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Khay nạp giấy</source>
        <translation>Document feeder</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mặt kính</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét hai mặt</source>
        <translation>Scan both sides</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Máy quét dùng cho lần quét này</source>
        <translation>Scanner used for this scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>200 dpi đủ cho giấy tờ thường; 300 dpi cho chữ nhỏ hoặc ảnh</source>
        <translation>200 dpi is enough for ordinary papers; 300 dpi for small print or photos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đen trắng cho văn bản in, xám hoặc màu khi giấy tờ có dấu đỏ, ảnh</source>
        <translation>Black and white for printed text; grey or colour for red seals and photos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Khay nạp giấy quét nhiều trang liền; mặt kính cho giấy tờ đóng quyển, thẻ</source>
        <translation>The feeder scans many pages in a row; the flatbed is for bound papers and cards</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét cả hai mặt mỗi tờ (chỉ với khay nạp giấy)</source>
        <translation>Scan both sides of each sheet (feeder only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Gõ mã hồ sơ rồi nhấn Enter để quét cho hồ sơ đó</source>
        <translation>Type a dossier code and press Enter to scan for that dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thiết bị:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Độ phân giải:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chế độ màu:</source>
        <translation>Colour mode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nguồn giấy:</source>
        <translation>Paper source:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+262"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-68"/>
        <source>&amp;Quét (F5)</source>
        <translation>&amp;Scan (F5)</translation>
    </message>
    <message>
        <location line="-259"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+66"/>
        <source>&amp;Dừng quét</source>
        <translation>S&amp;top scanning</translation>
    </message>
    <message>
        <location line="+35"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>◀ Lên trước</source>
        <translation>◀ Move up</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chuyển trang đã chọn lên trước (Ctrl+←)</source>
        <translation>Move the selected pages earlier (Ctrl+←)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ra sau ▶</source>
        <translation>Move down ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chuyển trang đã chọn ra sau (Ctrl+→)</source>
        <translation>Move the selected pages later (Ctrl+→)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>⟲ Xoay trái</source>
        <translation>⟲ Rotate left</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Xoay trang đã chọn 90° ngược chiều kim đồng hồ</source>
        <translation>Rotate the selected pages 90° anticlockwise</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>⟳ Xoay phải</source>
        <translation>⟳ Rotate right</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Xoay trang đã chọn 90° theo chiều kim đồng hồ</source>
        <translation>Rotate the selected pages 90° clockwise</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét lại trang</source>
        <translation>Rescan page</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét lại một trang đã chọn, giữ nguyên vị trí</source>
        <translation>Rescan one selected page, keeping its position</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Xóa trang</source>
        <translation>Delete pages</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Xóa các trang đã chọn (Delete)</source>
        <translation>Delete the selected pages (Delete)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trang đã quét (kéo thả để sắp xếp)</source>
        <translation>Scanned pages (drag and drop to reorder)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Gán trang đã chọn vào giấy tờ này</source>
        <translation>&amp;Assign selected pages to this document</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số hóa &amp;kết quả</source>
        <translation>Digitise &amp;result</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét hoặc nhập tệp kết quả giải quyết khi trả cho công dân</source>
        <translation>Scan or import the result file when it is returned to the citizen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Lưu (Ctrl+S)</source>
        <translation>&amp;Save (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn giấy tờ rồi quét: các trang mới được gán vào giấy tờ đang chọn. Khi lưu, mỗi giấy tờ thành một tệp PDF trong hồ sơ.</source>
        <translation>Select a document, then scan: new pages are assigned to the selected document. On saving, each document becomes one PDF file in the dossier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier documents</translation>
    </message>
    <message>
        <location line="+35"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Còn {n} trang chưa lưu của hồ sơ {code}. Hãy lưu hoặc xóa trước khi mở hồ sơ khác.</source>
        <translation>{n} page(s) of dossier {code} are not saved yet. Save or delete them before opening another dossier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hồ sơ {code} · {name} · {status}</source>
        <translation>Dossier {code} · {name} · {status}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Kết quả giải quyết</source>
        <translation>Processing result</translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>chưa gán</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trang {n} · {doc} (tr. {k})</source>
        <translation>Page {n} · {doc} (p. {k})</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trang {n} · chưa gán</source>
        <translation>Page {n} · unassigned</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{n} trang mới</source>
        <translation>{n} new page(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>đã lưu {n} tệp</source>
        <translation>{n} file(s) saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>chưa số hóa</source>
        <translation>not digitised</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{n} trang</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>, {k} trang chưa gán</source>
        <translation>, {k} page(s) unassigned</translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nhập từ tệp…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Nhập tệp… (F5)</source>
        <translation>&amp;Import file… (F5)</translation>
    </message>
    <message>
        <location line="+42"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Chọn ảnh hoặc PDF cần nhập</source>
        <translation>Choose the images or PDF to import</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ảnh hoặc PDF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;Tất cả tệp (*)</source>
        <translation>Images or PDF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;All files (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét hoặc nhập tệp kết quả giải quyết, rồi bấm Lưu.</source>
        <translation>Scan or import the result file, then click Save.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn đúng một trang cần quét lại.</source>
        <translation>Select exactly one page to rescan.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hãy mở hồ sơ cần số hóa trước (từ màn hình chi tiết hồ sơ hoặc nhập mã hồ sơ).</source>
        <translation>First open the dossier to digitise (from the dossier details screen or by entering its code).</translation>
    </message>
    <message>
        <location line="+39"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang quét…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang nhập tệp…</source>
        <translation>Importing file…</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã nhận {n} trang…</source>
        <translation>{n} page(s) received…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã quét lại trang.</source>
        <translation>Page rescanned.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Không nhận được trang nào.</source>
        <translation>No page was received.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã quét {n} trang.</source>
        <translation>{n} page(s) scanned.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã dừng quét. {n} trang đã nhận được giữ lại.</source>
        <translation>Scanning stopped. The {n} page(s) received have been kept.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét bị gián đoạn sau {n} trang.</source>
        <translation>Scanning was interrupted after {n} page(s).</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location line="+37"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Còn {n} trang chưa gán vào giấy tờ nào. Hãy chọn các trang đó, chọn giấy tờ rồi bấm “Gán trang đã chọn”, hoặc xóa chúng.</source>
        <translation>{n} page(s) are not assigned to any document. Select those pages, select a document and click “Assign selected pages”, or delete them.</translation>
    </message>
    <message>
        <location line="+33"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang ghi vào hồ sơ…</source>
        <translation>Writing to the dossier…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang tạo tệp PDF…</source>
        <translation>Creating PDF files…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang tạo tệp PDF {done}/{total}…</source>
        <translation>Creating PDF files {done}/{total}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã lưu {n} tệp PDF vào hồ sơ {code}.</source>
        <translation>{n} PDF file(s) saved to dossier {code}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chưa lưu được; các trang vẫn còn trên màn hình.</source>
        <translation>Could not save; the pages are still on the screen.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/views/login.py" line="+169"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+634"/>
        <source>Đổi mật khẩu — Một cửa</source>
        <translation>Change password — Một cửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-18"/>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="-20"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+16"/>
        <source>Mật khẩu mới: ít nhất {n} ký tự, nhiều ký tự khác nhau, không chứa tên đăng nhập.</source>
        <translation>New password: at least {n} characters, many different characters, not containing the user name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{name} ({username}) đang dùng mật khẩu tạm thời do quản trị viên đặt. Hãy đặt mật khẩu riêng trước khi làm việc.</source>
        <translation>{name} ({username}) is using a temporary password set by the administrator. Set your own password before working.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đổi mật khẩu của {name} ({username}).</source>
        <translation>Change the password of {name} ({username}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nhập lại mật khẩu mới</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đăng xuất</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Hãy nhập đủ mật khẩu.</source>
        <translation>Fill in all password fields.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hai lần nhập mật khẩu mới không khớp.</source>
        <translation>The two new passwords do not match.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard_ui.py" line="+14"/>
        <source>Chỉ số (F8)</source>
        <translation>Indicators (F8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem số hồ sơ tiếp nhận, giải quyết đúng hạn và quá hạn theo kỳ (F8)</source>
        <translation>See dossiers received, finished on time and overdue per period (F8)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/views/dashboard.py" line="+733"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-454"/>
        <source>In danh sách hồ sơ quá hạn</source>
        <translation>Print the list of overdue dossiers</translation>
    </message>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN</source>
        <translation>LIST OF DOSSIERS RESOLVED LATE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có hồ sơ quá hạn.</source>
        <translation>There are no overdue dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="-15"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Từ ngày {a} đến ngày {b}</source>
        <translation>From {a} to {b}</translation>
    </message>
    <message>
        <location line="-343"/>
        <location line="+198"/>
        <location line="+12"/>
        <location line="+101"/>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="-321"/>
        <location line="+198"/>
        <location line="+11"/>
        <location line="+102"/>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="-322"/>
        <location line="+209"/>
        <location line="+113"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+113"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location line="-13"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>{title}: {n} hồ sơ</source>
        <translation>{title}: {n} dossier(s)</translation>
    </message>
    <message>
        <location line="-36"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Hồ sơ giải quyết quá hạn từ {a} đến {b} và hồ sơ đang quá hạn: {n}</source>
        <translation>Dossiers resolved late from {a} to {b} and dossiers currently overdue: {n}</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+21"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Đang quá hạn</source>
        <translation>Currently overdue</translation>
    </message>
    <message>
        <location line="-283"/>
        <location line="+281"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Giải quyết quá hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <location line="-11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source> (tạm dừng)</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Cần lập phiếu xin lỗi (mẫu 04)</source>
        <translation>Apology slip required (form 04)</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Đến hạn trong {n:g} ngày làm việc</source>
        <translation>Due within {n:g} working days</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="-25"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Không có hồ sơ trong kỳ.</source>
        <translation>No dossiers in the period.</translation>
    </message>
    <message>
        <location line="-7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Theo {by} (tối đa {n} nhóm nhiều hồ sơ nhất)</source>
        <translation>By {by} (at most the {n} groups with the most dossiers)</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Không có hồ sơ nào được giải quyết trong kỳ.</source>
        <translation>No dossier was resolved in the period.</translation>
    </message>
    <message>
        <location line="-3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Số hồ sơ đã giải quyết</source>
        <translation>Dossiers resolved</translation>
    </message>
    <message>
        <location line="-16"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <location line="-7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Từ {a} đến {b} · cập nhật {t}</source>
        <translation>From {a} to {b} · updated {t}</translation>
    </message>
    <message>
        <location line="-13"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Đang tính...</source>
        <translation>Calculating...</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location line="-68"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>&amp;In danh sách...</source>
        <translation>&amp;Print list...</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Cán bộ chịu trách nhiệm</source>
        <translation>Responsible official</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+75"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Giải quyết</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+54"/>
        <location line="+20"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+90"/>
        <location line="+74"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="-158"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+78"/>
        <source>Báo cáo theo tháng, quý, năm hoặc một khoảng ngày tự chọn</source>
        <translation>Report by month, quarter, year or a chosen range of days</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tháng của kỳ báo cáo</source>
        <translation>Month of the reporting period</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quý của kỳ báo cáo</source>
        <translation>Quarter of the reporting period</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Năm của kỳ báo cáo</source>
        <translation>Year of the reporting period</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày đầu của kỳ (ngày/tháng/năm)</source>
        <translation>First day of the period (day/month/year)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày cuối của kỳ (ngày/tháng/năm)</source>
        <translation>Last day of the period (day/month/year)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chia các chỉ số theo thủ tục, lĩnh vực hoặc cán bộ tiếp nhận</source>
        <translation>Split the indicators by procedure, field or receiving official</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tính lại các chỉ số cho kỳ đã chọn (Alt+X)</source>
        <translation>Recompute the indicators for the chosen period (Alt+X)</translation>
    </message>
    <message>
        <location line="+76"/>
        <location line="+55"/>
        <location line="+20"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-62"/>
        <source>Người yêu cầu</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+55"/>
        <location line="+20"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="-26"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+8"/>
        <source>Danh sách “Đến hạn” gồm các hồ sơ còn bấy nhiêu ngày làm việc nữa là đến hạn</source>
        <translation>The “Due soon” list holds dossiers due within this many working days</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-6"/>
        <source>Sắp đến hạn trong:</source>
        <translation>Due within:</translation>
    </message>
    <message>
        <location line="-9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Cán bộ</source>
        <translation>Official</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Còn lại (giờ)</source>
        <translation>Remaining (hours)</translation>
    </message>
    <message>
        <location line="-7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+4"/>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <location line="-37"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Bấm vào một con số, một thanh biểu đồ hoặc một ô của bảng để xem danh sách hồ sơ; bấm đúp để mở hồ sơ.</source>
        <translation>Click a figure, a chart bar or a table cell to list its dossiers; double-click to open a dossier.</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>&amp;Mở hồ sơ</source>
        <translation>&amp;Open dossier</translation>
    </message>
    <message>
        <location line="-8"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Hồ sơ của chỉ số</source>
        <translation>Dossiers behind the indicator</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Bấm vào một ô để xem các hồ sơ của ô đó</source>
        <translation>Click a cell to see its dossiers</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="-9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Theo nhóm</source>
        <translation>By group</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Tiến độ giải quyết</source>
        <translation>Processing progress</translation>
    </message>
    <message>
        <location line="-10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Mức độ hài lòng</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Số hóa kết quả</source>
        <translation>Result digitisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Số hóa hồ sơ</source>
        <translation>Dossier digitisation</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>TG giải quyết TB (giờ)</source>
        <translation>Avg. processing time (hours)</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Hồ sơ tiếp nhận</source>
        <translation>Dossiers received</translation>
    </message>
    <message>
        <location line="-14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Công khai hồ sơ quá hạn</source>
        <translation>Public list of overdue dossiers</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Theo dõi hạn giải quyết</source>
        <translation>Deadline monitoring</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Chỉ số chất lượng</source>
        <translation>Quality indicators</translation>
    </message>
    <message>
        <location line="-11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Nhóm theo:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location line="-3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <location line="-16"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+18"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving official</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="-11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Quý {q}</source>
        <translation>Quarter {q}</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Tháng {m}</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Tùy chọn</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+2"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-556"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DocumentsTable</name>
    <message>
        <location filename="../../ui/widgets/documents_table.py" line="+40"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+1090"/>
        <source>Tên giấy tờ (* bắt buộc)</source>
        <translation>Document name (* required)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản sao
chứng thực</source>
        <translation>Certified
copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>bản chính</source>
        <translation>originals</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>bản sao chứng thực</source>
        <translation>certified copies</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>bản photo</source>
        <translation>photocopies</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã nhận giấy tờ này (phím cách để đánh dấu)</source>
        <translation>Document received (press Space to tick)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số {kind} đã nhận (gõ số hoặc ↑/↓; Enter sang ô sau)</source>
        <translation>Number of {kind} received (type a number or ↑/↓; Enter moves on)</translation>
    </message>
</context>
<context>
    <name>DossierDetailView</name>
    <message>
        <location filename="../../ui/views/dossier_detail.py" line="+73"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-412"/>
        <source>Người yêu cầu:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số định danh:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người nộp:</source>
        <translation>Submitted by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trường hợp:</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày nhận:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hẹn trả:</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số bộ, lệ phí:</source>
        <translation>Copies, fee:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người thực hiện</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-10"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="-13"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+8"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>&amp;Bắt đầu xử lý</source>
        <translation>&amp;Start processing</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chuyển hồ sơ sang bước đang giải quyết (Alt+B)</source>
        <translation>Move the dossier to processing (Alt+B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Yêu cầu bổ sung...</source>
        <translation>Request &amp;supplement...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ghi các giấy tờ cần bổ sung và in phiếu yêu cầu bổ sung (mẫu 02) (Alt+Y)</source>
        <translation>Record the papers to be supplied and print the supplement request (form 02) (Alt+Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Nhận bổ sung</source>
        <translation>Receive supple&amp;ment</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Công dân đã nộp đủ giấy tờ bổ sung: tiếp tục giải quyết (Alt+N)</source>
        <translation>The citizen has supplied the missing papers: continue processing (Alt+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Từ chối tiếp nhận...</source>
        <translation>&amp;Refuse...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Từ chối tiếp nhận, ghi lý do và in phiếu từ chối (mẫu 03) (Alt+T)</source>
        <translation>Refuse the dossier, record the reason and print the refusal (form 03) (Alt+T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Rút hồ sơ...</source>
        <translation>&amp;Withdraw dossier...</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Công dân xin rút hồ sơ; ghi lý do (Alt+R)</source>
        <translation>The citizen withdraws the dossier; record the reason (Alt+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã &amp;xử lý xong</source>
        <translation>Mark as reso&amp;lved</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã có kết quả, chờ công dân đến nhận (Alt+X)</source>
        <translation>Result ready, waiting for the citizen to collect it (Alt+X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trả &amp;kết quả...</source>
        <translation>Return r&amp;esult...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giao kết quả cho công dân và mời đánh giá mức độ hài lòng (Alt+K)</source>
        <translation>Hand the result to the citizen and invite a satisfaction rating (Alt+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Xin lỗi &amp;&amp; hẹn &amp;lại...</source>
        <translation>Apology &amp;&amp; new &amp;appointment...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hồ sơ sắp hoặc đã quá hạn: hẹn ngày trả mới và in thư xin lỗi (mẫu 04) (Alt+L)</source>
        <translation>Dossier about to be or already overdue: set a new return date and print the apology letter (form 04) (Alt+L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Quét / số hóa</source>
        <translation>S&amp;can / digitise</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quét giấy tờ của hồ sơ này thành tệp PDF (Alt+Q hoặc F6)</source>
        <translation>Scan this dossier&apos;s papers into a PDF file (Alt+Q or F6)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>← Về danh sách</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Về danh sách hồ sơ (Esc)</source>
        <translation>Back to the dossier list (Esc)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>In giấy tờ</source>
        <translation>Print papers</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mẫu {n}</source>
        <translation>Form {n}</translation>
    </message>
    <message>
        <location line="+72"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>đại diện theo ủy quyền</source>
        <translation>authorised representative</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>nộp hộ</source>
        <translation>submitting on behalf</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chủ hồ sơ tự nộp</source>
        <translation>Submitted by the applicant in person</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source> đồng</source>
        <translation> VND</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>không thu phí</source>
        <translation>no fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{n} bộ; {fee}</source>
        <translation>{n} set(s); {fee}</translation>
    </message>
    <message>
        <location line="+41"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã gửi lên hệ thống tỉnh</source>
        <translation>Sent to the provincial system</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chờ gửi (lần thử {n}, lỗi: {error})</source>
        <translation>Waiting to send (attempt {n}, error: {error})</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chờ gửi lên hệ thống tỉnh</source>
        <translation>Waiting to be sent to the provincial system</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chưa gửi lên hệ thống tỉnh</source>
        <translation>Not yet sent to the provincial system</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>; còn {n} tệp scan chờ gửi</source>
        <translation>; {n} scanned file(s) still waiting to be sent</translation>
    </message>
    <message>
        <location line="+99"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>Refuse to accept the dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lý do từ chối:</source>
        <translation>Reason for refusal:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lý do rút hồ sơ:</source>
        <translation>Reason for withdrawal:</translation>
    </message>
</context>
<context>
    <name>DossierListView</name>
    <message>
        <location filename="../../ui/views/dossier_list.py" line="+82"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+144"/>
        <source>Tìm theo mã hồ sơ, họ tên, số định danh, thủ tục...</source>
        <translation>Search by dossier code, name, ID number, procedure...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Gõ có dấu hay không dấu đều được; ↓ để xuống danh sách, Enter để mở hồ sơ (Ctrl+F)</source>
        <translation>Type with or without accents; ↓ goes to the list, Enter opens the dossier (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Tìm kiếm:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tất cả trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chỉ hiện hồ sơ ở một trạng thái (Alt+R)</source>
        <translation>Show only dossiers in one status (Alt+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>T&amp;rạng thái:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>↑/↓ để chọn hồ sơ, Enter hoặc bấm đúp để mở</source>
        <translation>↑/↓ to choose a dossier, Enter or double-click to open</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location line="-114"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người yêu cầu</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-662"/>
        <source>Lỗi không mong muốn</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.
Hãy sao chép chi tiết lỗi và gửi cho bộ phận hỗ trợ kỹ thuật.</source>
        <translation>An unexpected error occurred. Data already saved is not affected.
Copy the error details and send them to technical support.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xem chi tiết</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thông báo</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/views/login.py" line="-157"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+796"/>
        <source>Thiết lập lần đầu — Một cửa</source>
        <translation>First-time setup — One-Stop Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tạo tài khoản quản trị</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Máy này chưa có tài khoản nào. Tài khoản quản trị dùng để thêm cán bộ, đổi cài đặt và sao lưu dữ liệu. Hãy ghi nhớ mật khẩu: không ai khôi phục được mật khẩu đã quên.</source>
        <translation>This computer has no accounts yet. The administrator account is used to add officials, change settings and back up the data. Remember the password: nobody can recover a forgotten password.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-776"/>
        <source>thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} giờ {m:02d} phút, {weekday} {day}</source>
        <translation>{h}:{m:02d}, {weekday} {day}</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location line="+2"/>
        <source>Hướng dẫn ngắn cho từng việc: tiếp nhận, đọc thẻ căn cước, quét, in, đồng bộ, sao lưu, phím tắt (F1)</source>
        <translation>A short guide for each task: intake, reading ID cards, scanning, printing, sync, backups, shortcuts (F1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive a dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đọc thẻ căn cước</source>
        <translation>Read the ID card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quét giấy tờ</source>
        <translation>Scan papers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In phiếu</source>
        <translation>Print papers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hướng dẫn sử dụng (F1)</source>
        <translation>User guide (F1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn một việc để xem hướng dẫn (phím ↑/↓)</source>
        <translation>Choose a task to see its guide (↑/↓ keys)</translation>
    </message>
</context>
<context>
    <name>IdCardInput</name>
    <message>
        <location filename="../../ui/widgets/id_card_input.py" line="+29"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+1040"/>
        <source>Quét mã QR trên thẻ căn cước hoặc dán nội dung mã vào đây</source>
        <translation>Scan the QR code on the citizen ID card or paste its content here</translation>
    </message>
</context>
<context>
    <name>IdSourceButtons</name>
    <message>
        <location filename="../../ui/widgets/id_sources.py" line="+19"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+30"/>
        <source>Đọc từ ảnh…</source>
        <translation>Read from image…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Đọc từ máy quét</source>
        <translation>Read from scanner</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+93"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-24"/>
        <source>Đầu đọc cổng COM</source>
        <translation>COM port reader</translation>
    </message>
    <message>
        <location line="-98"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+26"/>
        <source>Chọn ảnh chụp hoặc ảnh quét mặt có mã QR của thẻ căn cước (F3)</source>
        <translation>Choose a photo or scan of the ID card side with the QR code (F3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Úp mặt có mã QR của thẻ xuống mặt kính máy quét rồi bấm (F4)</source>
        <translation>Lay the card&apos;s QR side face down on the scanner glass, then press (F4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chờ đầu đọc mã QR nối qua cổng COM/USB gửi dữ liệu thẻ; bấm lại để dừng chờ (F7)</source>
        <translation>Wait for the QR reader on the COM/USB port to send the card data; press again to stop waiting (F7)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>điền vào Người yêu cầu</source>
        <translation>fill in Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>điền vào Người nộp</source>
        <translation>fill in Submitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thông tin đọc từ thẻ sẽ điền vào người yêu cầu hay người nộp hồ sơ</source>
        <translation>Whether the card&apos;s data fills in the applicant or the submitter</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn ảnh thẻ căn cước</source>
        <translation>Choose an ID card image</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ảnh (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp);;Tất cả tệp (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp);;All files (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang đọc mã QR trong ảnh…</source>
        <translation>Reading the QR code in the image…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang quét thẻ…</source>
        <translation>Scanning the card…</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Dừng chờ đầu đọc</source>
        <translation>Stop waiting for the reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang chờ đầu đọc… hãy đưa mã QR trên thẻ vào đầu đọc.</source>
        <translation>Waiting for the reader… present the QR code on the card to the reader.</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../../ui/views/intake.py" line="+91"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-310"/>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedure</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Thủ tục:</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>T&amp;rường hợp:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thời hạn:</source>
        <translation>Time limit:</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người yêu cầu (chủ hồ sơ)</source>
        <translation>Applicant (dossier owner)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Quét mã QR CCCD:</source>
        <translation>Scan ID card &amp;QR:</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người nộ&amp;p khác chủ hồ sơ</source>
        <translation>Su&amp;bmitter is not the applicant</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người đại diện theo ủy quyền</source>
        <translation>Authorised representative</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nộp hộ</source>
        <translation>On behalf</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tư c&amp;ách:</source>
        <translation>Capac&amp;ity:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người nộp hồ sơ</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thành phần hồ sơ đã nhận</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn thủ tục để hiện danh sách giấy tờ.</source>
        <translation>Choose a procedure to list its documents.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source> đồng</source>
        <translation> VND</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thông tin khác</source>
        <translation>Other information</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số &amp;bộ hồ sơ:</source>
        <translation>Number of &amp;sets:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Lệ phí:</source>
        <translation>&amp;Fee:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Gh&amp;i chú:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lư&amp;u hồ sơ (Ctrl+Enter)</source>
        <translation>Sa&amp;ve dossier (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nhập hồ sơ &amp;mới</source>
        <translation>&amp;New dossier</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+236"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-32"/>
        <source>Cần kiểm tra:</source>
        <translation>To check:</translation>
    </message>
    <message>
        <location line="-183"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+30"/>
        <source>Trường hợp của thủ tục; quyết định danh sách giấy tờ phải nộp (Alt+R)</source>
        <translation>The procedure&apos;s case; it decides the list of papers to submit (Alt+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đặt con trỏ vào đây rồi quét mã QR trên thẻ căn cước bằng máy đọc cầm tay (Alt+Q); thông tin người yêu cầu được điền tự động</source>
        <translation>Put the cursor here and scan the ID card&apos;s QR code with the handheld reader (Alt+Q); the applicant&apos;s details fill in automatically</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đánh dấu khi người đến nộp không phải là chủ hồ sơ (Alt+P)</source>
        <translation>Tick when the person submitting is not the applicant (Alt+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người nộp là người được ủy quyền hay chỉ nộp hộ (Alt+A)</source>
        <translation>Whether the submitter is authorised or only submits on behalf (Alt+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số bộ hồ sơ công dân nộp (Alt+B)</source>
        <translation>Number of dossier sets the citizen submits (Alt+B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lệ phí thu theo thủ tục, điền sẵn theo danh mục; sửa nếu được miễn, giảm (Alt+L)</source>
        <translation>Fee charged for the procedure, filled in from the catalogue; change it for an exemption or reduction (Alt+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ghi chú thêm về hồ sơ; Tab để sang nút Lưu (Alt+I)</source>
        <translation>Further notes on the dossier; Tab moves to the Save button (Alt+I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lưu hồ sơ, cấp mã hồ sơ và in giấy hẹn (Ctrl+Enter)</source>
        <translation>Save the dossier, issue its code and print the appointment (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bỏ thông tin đang nhập và bắt đầu một hồ sơ mới (Alt+M)</source>
        <translation>Discard what is being entered and start a new dossier (Alt+M)</translation>
    </message>
    <message>
        <location line="+98"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hẹn trả: (chọn thủ tục)</source>
        <translation>Appointment: (choose a procedure)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+123"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-16"/>
        <source>Hẹn trả: {when}</source>
        <translation>Appointment: {when}</translation>
    </message>
    <message>
        <location line="-116"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+14"/>
        <source>Đã điền thông tin từ thẻ căn cước của {name}.</source>
        <translation>Filled in from the ID card of {name}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã điền thông tin người nộp từ thẻ căn cước của {name}.</source>
        <translation>Submitter filled in from the ID card of {name}.</translation>
    </message>
    <message>
        <location line="+39"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày sinh người yêu cầu: {problem}</source>
        <translation>Applicant&apos;s date of birth: {problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày sinh người nộp hồ sơ: {problem}</source>
        <translation>Submitter&apos;s date of birth: {problem}</translation>
    </message>
    <message>
        <location line="+57"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Đã tiếp nhận hồ sơ {code}.</source>
        <translation>Dossier {code} received.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>In Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)?</source>
        <translation>Print the receipt and appointment slip (form 01)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier intake</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>In mẫu 01</source>
        <translation>Print form 01</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cần kiểm tra (lần lưu trước):</source>
        <translation>To check (last save):</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã lưu nháp lúc {time}.</source>
        <translation>Draft saved at {time}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chưa lưu được bản nháp: {reason}</source>
        <translation>Could not save the draft: {reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nhập hồ sơ mới</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bỏ thông tin đang nhập và bắt đầu hồ sơ mới?</source>
        <translation>Discard what has been entered and start a new dossier?</translation>
    </message>
</context>
<context>
    <name>LocalStack</name>
    <message>
        <location filename="../../ui/local_stack.py" line="+172"/>
        <source>Không có kho mật khẩu của hệ điều hành: mã xác thực máy trạm chỉ được giữ trong bộ nhớ cho lần chạy này và không được ghi ra tệp.</source>
        <translation>The operating system has no password store: the workstation token is kept in memory for this session only and is not written to disk.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/views/login.py" line="+68"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+150"/>
        <source>Quầy đang khóa — Một cửa</source>
        <translation>Counter locked — One-Stop Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quầy đang khóa</source>
        <translation>Counter locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang dùng: {name} ({username}). Nhập mật khẩu để mở khóa.</source>
        <translation>In use by {name} ({username}). Enter the password to unlock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đổi người dùng</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location line="-57"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đổi người dùng — Một cửa</source>
        <translation>Switch user — One-Stop Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đổi người dùng</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người dùng mới đăng nhập; phiên của người trước được kết thúc.</source>
        <translation>The new user signs in; the previous user&apos;s session is ended.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đăng nhập — Một cửa</source>
        <translation>Sign in — One-Stop Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-12"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="-9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+10"/>
        <source>{workstation} · Bộ phận tiếp nhận và trả kết quả</source>
        <translation>{workstation} · One-stop counter for receiving dossiers and returning results</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter the user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+40"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-680"/>
        <source>Một cửa — Tiếp nhận và trả kết quả hồ sơ</source>
        <translation>One-Stop Counter — Dossier Intake and Return of Results</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thanh công cụ</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tiếp nhận mới (F2)</source>
        <translation>New intake (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mở màn hình tiếp nhận để nhập một hồ sơ mới (F2)</source>
        <translation>Open the intake screen to enter a new dossier (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tìm kiếm (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tìm hồ sơ theo mã, họ tên, số định danh hoặc thủ tục (Ctrl+F)</source>
        <translation>Find dossiers by code, name, ID number or procedure (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>In (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>In Giấy tiếp nhận và hẹn trả kết quả (mẫu 01) của hồ sơ đang mở (Ctrl+P)</source>
        <translation>Print the receipt and appointment (form 01) of the open dossier (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cài đặt (Ctrl+,)</source>
        <translation>Settings (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thông tin đơn vị, giờ làm việc, ngày nghỉ, thiết bị và đồng bộ (Ctrl+,)</source>
        <translation>Unit details, working hours, days off, devices and sync (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lưu bản nháp đang nhập và đóng chương trình (Ctrl+Q)</source>
        <translation>Save the draft being entered and close the program (Ctrl+Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chưa kết nối máy chủ tỉnh</source>
        <translation>Not connected to the provincial server</translation>
    </message>
    <message>
        <location line="+59"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>X&amp;em</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Phóng to chữ</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tăng cỡ chữ của toàn bộ chương trình (Ctrl+=)</source>
        <translation>Make the font of the whole program larger (Ctrl+=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thu nhỏ chữ</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giảm cỡ chữ của toàn bộ chương trình (Ctrl+-)</source>
        <translation>Make the font of the whole program smaller (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cỡ chữ mặc định</source>
        <translation>Default font size</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trở về cỡ chữ mặc định (Ctrl+0)</source>
        <translation>Back to the default font size (Ctrl+0)</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cỡ chữ: {n}</source>
        <translation>Font size: {n}</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{workstation} · {operator}</source>
        <translation>{workstation} · {operator}</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>(chưa có tên)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hồ sơ đang nhập dở</source>
        <translation>Unfinished dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Có hồ sơ đang nhập dở của {name}, lưu lúc {time}. Tiếp tục?</source>
        <translation>There is an unfinished dossier for {name}, saved at {time}. Continue?</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Còn {n} hồ sơ nhập dở khác.</source>
        <translation>{n} other unfinished dossier(s).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tiếp tục nhập</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bỏ hồ sơ nháp</source>
        <translation>Discard draft</translation>
    </message>
</context>
<context>
    <name>PartyForm</name>
    <message>
        <location filename="../../ui/widgets/party_form.py" line="+32"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+1104"/>
        <source>Công &amp;dân</source>
        <translation>&amp;Citizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+57"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-48"/>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location line="-55"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+46"/>
        <source>ngày/tháng/năm, ví dụ 15/08/1999</source>
        <translation>day/month/year, e.g. 15/08/1999</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Loại:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+37"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-34"/>
        <source>&amp;Họ và tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+34"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+4"/>
        <source>&amp;Số định danh (CCCD):</source>
        <translation>&amp;ID number (CCCD):</translation>
    </message>
    <message>
        <location line="-33"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+28"/>
        <source>Ngày si&amp;nh:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Giới tính:</source>
        <translation>&amp;Sex:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Địa &amp;chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Điện th&amp;oại:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thư điện tử:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người yêu cầu là cá nhân (phím mũi tên để đổi)</source>
        <translation>The applicant is a person (arrow keys to change)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người yêu cầu là cơ quan, tổ chức, doanh nghiệp</source>
        <translation>The applicant is an agency, organisation or company</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Họ và tên đầy đủ, có dấu, như trên thẻ căn cước</source>
        <translation>Full name with accents, as on the ID card</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số định danh cá nhân 12 chữ số trên thẻ căn cước; tổ chức ghi mã số thuế</source>
        <translation>12-digit personal ID number on the ID card; organisations enter their tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày sinh dạng ngày/tháng/năm, ví dụ 15/08/1999</source>
        <translation>Date of birth as day/month/year, e.g. 15/08/1999</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giới tính; gõ chữ N để chọn nhanh</source>
        <translation>Sex; type N to choose quickly</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nơi cư trú: thôn/xóm, xã/phường, tỉnh/thành phố</source>
        <translation>Residence: village, commune/ward, province/city</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số điện thoại để báo khi có kết quả (không bắt buộc)</source>
        <translation>Phone number for telling when the result is ready (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Địa chỉ thư điện tử (không bắt buộc)</source>
        <translation>Email address (optional)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>&amp;Số thuế / mã doanh nghiệp:</source>
        <translation>&amp;Tax / enterprise code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>&amp;Tên tổ chức:</source>
        <translation>Organisation &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>10 chữ số</source>
        <translation>10 digits</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-992"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu bản PDF của giấy tờ này (Ctrl+S)</source>
        <translation>Save this paper as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)</source>
        <translation>Dossier receipt and appointment slip (form 01)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)</source>
        <translation>Supplement request slip (form 02)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)</source>
        <translation>Refusal slip (form 03)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)</source>
        <translation>Apology slip with new appointment (form 04)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)</source>
        <translation>Processing control slip (form 05)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrivacyUi</name>
    <message>
        <location line="+2"/>
        <source>Lập tệp nén chứa mọi dữ liệu máy này lưu về một công dân, khi người đó yêu cầu (Nghị định 13/2023/NĐ-CP); dành cho lãnh đạo hoặc quản trị viên</source>
        <translation>Make a zip file with all the data this computer holds about one citizen, at their request (Decree 13/2023/NĐ-CP); for leaders or administrators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trích xuất dữ liệu của công dân…</source>
        <translation>Export a citizen&apos;s data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trích xuất dữ liệu của công dân</source>
        <translation>Export a citizen&apos;s data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số CCCD (12 số) hoặc CMND (9 số) của người yêu cầu:</source>
        <translation>Citizen ID number (12 digits) or old ID number (9 digits) of the requester:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu tệp dữ liệu</source>
        <translation>Save the data file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp nén (*.zip)</source>
        <translation>Zip files (*.zip)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang trích xuất dữ liệu…</source>
        <translation>Exporting the data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã trích xuất {n} hồ sơ và {files} tệp scan vào {path}.</source>
        <translation>Exported {n} dossiers and {files} scans to {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ: {codes}. Tệp chứa dữ liệu cá nhân: chỉ giao cho đúng người yêu cầu và xoá khỏi máy sau khi giao.</source>
        <translation>Dossiers: {codes}. The file holds personal data: hand it only to the person who asked and delete it from this computer afterwards.</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/widgets/procedure_picker.py" line="+25"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+1018"/>
        <source>Gõ tên hoặc mã thủ tục, ví dụ: xac nhan tinh trang hon nhan</source>
        <translation>Type a procedure name or code, e.g. xac nhan tinh trang hon nhan</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Gõ tên hoặc mã thủ tục, có dấu hay không dấu; Enter chọn dòng đầu, ↓ để chọn dòng khác</source>
        <translation>Type the procedure name or code, with or without accents; Enter takes the first line, ↓ chooses another</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thủ tục tìm thấy: ↑/↓ để chọn, Enter để lấy, ↑ ở dòng đầu để về ô gõ</source>
        <translation>Procedures found: ↑/↓ to choose, Enter to take, ↑ on the first line goes back to typing</translation>
    </message>
    <message>
        <location line="+45"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Không tìm thấy thủ tục phù hợp.</source>
        <translation>No matching procedure found.</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../ui/views/rating_dialog.py" line="+34"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-290"/>
        <source>Đánh giá mức độ hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bình thường</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Rất không hài lòng</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ông/bà có hài lòng với việc giải quyết hồ sơ {code} không?</source>
        <translation>Are you satisfied with how dossier {code} was handled?</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Góp ý thêm (không bắt buộc)</source>
        <translation>Further comments (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Gửi đánh giá</source>
        <translation>&amp;Submit rating</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Bỏ qua</source>
        <translation>S&amp;kip</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/views/recovery_dialog.py" line="+26"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+58"/>
        <source>Dữ liệu bị lỗi — Một cửa</source>
        <translation>Damaged data — Một cửa</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cơ sở dữ liệu trên máy này bị lỗi</source>
        <translation>The database on this computer is damaged</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Khi khởi động, ứng dụng kiểm tra nhanh dữ liệu và thấy cấu trúc tệp bị hỏng (thường do mất điện đột ngột hoặc ổ đĩa có vấn đề). Chưa có gì bị xoá hay sửa. Hãy chọn một cách xử lý bên dưới; nếu chưa chắc chắn, hãy chọn “Thoát” và gọi hỗ trợ kỹ thuật.</source>
        <translation>At start-up the application checked the data and found the file structure damaged (usually after a sudden power cut or a disk problem). Nothing has been deleted or changed. Choose what to do below; if unsure, choose “Exit” and call technical support.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản sao lưu mới nhất: {name}{when}. Khôi phục sẽ mất các thay đổi sau thời điểm đó; dữ liệu bị lỗi được giữ lại trong thư mục dữ liệu, có thể hoàn tác.</source>
        <translation>Newest backup: {name}{when}. Restoring loses the changes made after that moment; the damaged data is kept in the data folder and the restore can be undone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source> (lúc {time})</source>
        <translation> (at {time})</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Không tìm thấy bản sao lưu nào trong {folders}. Nếu có bản sao lưu trên ổ USB, hãy cắm ổ vào rồi bấm “Chọn bản sao lưu khác…”.</source>
        <translation>No backup found in {folders}. If there is a backup on a USB drive, plug it in and press “Choose another backup…”.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Khôi phục bản sao lưu mới nhất</source>
        <translation>Restore the newest backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn bản sao lưu khác…</source>
        <translation>Choose another backup…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mở thư mục sao lưu</source>
        <translation>Open the backup folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tiếp tục ở chế độ chỉ đọc (chỉ xem, không lưu được)</source>
        <translation>Continue read-only (view only, nothing can be saved)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-6"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+4"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Đóng ứng dụng</source>
        <translation>Close the application</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Bản sao lưu (motcua-backup-*.zip)</source>
        <translation>Backups (motcua-backup-*.zip)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thay dữ liệu hiện tại bằng bản sao lưu {name}? Dữ liệu bị lỗi được chuyển sang một thư mục riêng trong thư mục dữ liệu (không xoá), có thể hoàn tác bằng lệnh motcua backup undo-restore.</source>
        <translation>Replace the current data with backup {name}? The damaged data is moved to a separate folder inside the data folder (not deleted) and can be brought back with motcua backup undo-restore.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đang kiểm tra và khôi phục bản sao lưu…</source>
        <translation>Checking and restoring the backup…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã khôi phục dữ liệu từ bản sao lưu {name}. Dữ liệu bị lỗi được giữ nguyên tại {previous}. Ứng dụng sẽ đóng; hãy mở lại để làm việc tiếp.</source>
        <translation>Data restored from backup {name}. The damaged data is kept as it was in {previous}. The application will close; open it again to continue.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/views/action_dialogs.py" line="-16"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-666"/>
        <source>Trả kết quả</source>
        <translation>Return result</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người nhận đã ký nhận</source>
        <translation>The recipient has signed for it</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người nhận kết quả:</source>
        <translation>Result received by:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/views/settings_dialog.py" line="+78"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+802"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Làm việc sáng thứ Bảy</source>
        <translation>Open on Saturday mornings</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cỡ chữ của toàn bộ chương trình trên máy này; cũng đổi được bằng Ctrl+= và Ctrl+- (Ctrl+0: mặc định).</source>
        <translation>Font size of the whole program on this computer; also changed with Ctrl+= and Ctrl+- (Ctrl+0: default).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đơn vị và máy trạm</source>
        <translation>Unit and workstation</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Mã đơn vị:</source>
        <translation>Unit &amp;code:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Tên đơn vị:</source>
        <translation>Unit &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cơ &amp;quan cấp trên:</source>
        <translation>&amp;Parent authority:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tên má&amp;y trạm:</source>
        <translation>&amp;Workstation name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số &amp;hiệu máy trạm (0–9):</source>
        <translation>Workstation &amp;number (0–9):</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Cán bộ tiếp nhận:</source>
        <translation>Receiving &amp;official:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cỡ chữ:</source>
        <translation>Font size:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Các buổi làm việc:</source>
        <translation>Working sessions:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giờ sáng thứ Bảy:</source>
        <translation>Saturday morning hours:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giờ chốt nhận trong ngày:</source>
        <translation>Daily intake cut-off time:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source> giờ</source>
        <translation> hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tắt</source>
        <translation>Off</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source> bản</source>
        <translation> copies</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mặc định: thư mục backups trong thư mục dữ liệu</source>
        <translation>Default: the backups folder inside the data folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giữ mãi</source>
        <translation>Keep forever</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Sau số ngày này kể từ khi trả kết quả, và chỉ khi tỉnh đã nhận đủ hồ sơ và bản scan, dữ liệu cá nhân và bản scan của hồ sơ được xoá khỏi máy này (mã hồ sơ, thủ tục, ngày và trạng thái vẫn giữ).</source>
        <translation>This many days after the result is returned, and only once the province has the complete dossier and its scans, the dossier&apos;s personal data and scans are removed from this computer (code, procedure, dates and status are kept).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Sao lưu và dữ liệu cá nhân</source>
        <translation>Backups and personal data</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tự động sao lưu mỗi:</source>
        <translation>Back up automatically every:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giữ số bản sao lưu mới nhất:</source>
        <translation>Number of newest backups kept:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thư mục sao lưu:</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giữ dữ liệu cá nhân sau khi trả kết quả:</source>
        <translation>Keep personal data after the result is returned:</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Tên ngày lễ / ghi chú</source>
        <translation>Holiday name / note</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+75"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-14"/>
        <source>Nghỉ thêm</source>
        <translation>Extra day off</translation>
    </message>
    <message>
        <location line="-74"/>
        <location line="+74"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Làm bù</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location line="-72"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+14"/>
        <source>Ghi chú, ví dụ: nghỉ bù Tết theo quyết định của tỉnh</source>
        <translation>Note, e.g. Tet compensatory day off by provincial decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thê&amp;m ngày</source>
        <translation>A&amp;dd day</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Xóa ngày đã chọn</source>
        <translation>&amp;Remove selected day</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ngày nghỉ lễ, nghỉ thêm và ngày làm bù</source>
        <translation>Public holidays, extra days off and make-up working days</translation>
    </message>
    <message>
        <location line="+55"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Nghỉ lễ</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <location line="+39"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-6"/>
        <source>Ngày lễ theo quy định không xóa được; hãy thêm ngày làm bù nếu có.</source>
        <translation>Statutory public holidays cannot be removed; add a make-up working day if there is one.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn thư mục sao lưu</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thư mục sao lưu “{path}” không tồn tại. Hãy chọn một thư mục có sẵn (cắm ổ USB trước nếu sao lưu ra USB).</source>
        <translation>Backup folder “{path}” does not exist. Choose an existing folder (plug in the USB drive first when backing up to USB).</translation>
    </message>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Hãy nhập ít nhất một khoảng giờ làm việc.</source>
        <translation>Enter at least one working-hours range.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khoảng giờ “{part}” không đúng dạng (ví dụ 07:00–11:30, 13:30–17:00).</source>
        <translation>The time range “{part}” is not valid (e.g. 07:00–11:30, 13:30–17:00).</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location line="-878"/>
        <source>KHÔNG MÃ HOÁ — chế độ thử nghiệm, không dùng cho dữ liệu thật</source>
        <translation>NOT ENCRYPTED — test mode, do not use for real data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mã khôi phục dữ liệu</source>
        <translation>Data recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã ghi lại</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Một cửa</source>
        <translation>One-Stop Counter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập mã khôi phục</source>
        <translation>Enter recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dữ liệu của máy này được mã hoá. Hãy chép hoặc in mã khôi phục dưới đây, giao quản trị viên cất giữ ở nơi an toàn, không để cạnh máy. Khi thay máy hoặc cài lại, cần mã này để mở dữ liệu.</source>
        <translation>The data on this computer is encrypted. Copy or print the recovery code below and give it to the administrator to keep in a safe place, not next to the computer. This code is needed to open the data when the computer is replaced or the application is reinstalled.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp cấu hình chung</source>
        <translation>Province configuration file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/views/action_dialogs.py" line="-31"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+148"/>
        <source>Yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to supplement the dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giấy tờ cần bổ sung:</source>
        <translation>Documents to supplement:</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Mỗi dòng một giấy tờ</source>
        <translation>One document per line</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Giấy tờ khác:</source>
        <translation>Other documents:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/views/sync_panel.py" line="+38"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+862"/>
        <source>Đồng bộ với hệ thống của tỉnh</source>
        <translation>Synchronisation with the provincial system</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chờ gửi:</source>
        <translation>Waiting to send:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Hồ sơ chờ lâu nhất:</source>
        <translation>Longest-waiting dossier:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đồng bộ thành công gần nhất:</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lần thử gần nhất:</source>
        <translation>Last attempt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Máy chủ của tỉnh:</source>
        <translation>Provincial server:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-14"/>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="-14"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+12"/>
        <source>Nội dung lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Số lần thử</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thử lại lúc</source>
        <translation>Retry at</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Không có lỗi nào cần xử lý.</source>
        <translation>No errors to resolve.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Lỗi khi gửi hồ sơ</source>
        <translation>Errors sending dossiers</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-4"/>
        <source>Trạng thái mới</source>
        <translation>New status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Người cập nhật</source>
        <translation>Updated by</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Cập nhật trạng thái từ hệ thống tỉnh</source>
        <translation>Status updates from the provincial system</translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>chưa cài đặt (chỉ làm việc trên máy)</source>
        <translation>not configured (working locally only)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{n} tệp scan ({size})</source>
        <translation>{n} scanned file(s) ({size})</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>không còn gì chờ gửi</source>
        <translation>nothing waiting to be sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{code} (chờ từ {time})</source>
        <translation>{code} (waiting since {time})</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>{code} (tệp scan)</source>
        <translation>{code} (scanned file)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-818"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync_ui.py" line="+463"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-38"/>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần đăng nhập lại</source>
        <translation>Sign-in required</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần xử lý</source>
        <translation>Action needed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa đồng bộ lần nào</source>
        <translation>Never synchronised</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa cài đặt địa chỉ máy chủ của tỉnh: hồ sơ được lưu trên máy và gửi khi có cấu hình.</source>
        <translation>The provincial server address is not configured: dossiers are stored on this computer and sent once it is.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bấm F9 để xem chi tiết đồng bộ.</source>
        <translation>Press F9 for synchronisation details.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thông báo cập nhật</source>
        <translation>Update notice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gửi ngay các hồ sơ chờ gửi và nhận cập nhật từ hệ thống của tỉnh</source>
        <translation>Send waiting dossiers now and fetch updates from the provincial system</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã đồng bộ lúc {time}</source>
        <translation>Synchronised at {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần cập nhật ứng dụng: hãy cài phiên bản {version} trước ngày {deadline}, sau ngày đó máy này không tiếp nhận được hồ sơ mới.</source>
        <translation>Update needed: install version {version} before {deadline}; after that date this computer cannot receive new dossiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xem tình trạng đồng bộ với hệ thống của tỉnh và các hồ sơ chờ gửi (F9)</source>
        <translation>See the sync state with the provincial system and the queued dossiers (F9)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang đồng bộ… {what}</source>
        <translation>Syncing… {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy trạm chưa được đăng ký với hệ thống của tỉnh (không có mã xác thực). Hãy nhờ quản trị viên đăng ký máy trạm.</source>
        <translation>This workstation is not registered with the provincial system (no authentication token). Ask the administrator to register it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phải cập nhật ứng dụng: từ ngày {deadline} máy này không tiếp nhận được hồ sơ mới cho đến khi cài phiên bản {version}. Xem chi tiết ở màn hình Đồng bộ (F9).</source>
        <translation>Update required: since {deadline} this computer cannot receive new dossiers until version {version} is installed. See the Sync screen (F9) for details.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lỗi không mong muốn khi đồng bộ. Chi tiết kỹ thuật: {error}</source>
        <translation>Unexpected error while synchronising. Technical details: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Có phiên bản mới {version}</source>
        <translation>New version {version} available</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} tệp scan</source>
        <translation>{n} scanned file(s)</translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
    <message>
        <location filename="../../ui/views/action_dialogs.py" line="-40"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+4"/>
        <source>Ghi nhận thao tác (Ctrl+Enter); Esc để hủy</source>
        <translation>Record the action (Ctrl+Enter); Esc to cancel</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../../ui/sync_ui.py" line="+10"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
</TS>
