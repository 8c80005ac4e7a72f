<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/widgets/id_sources.py" line="+50"/>
        <source>Không tìm thấy mã QR trên trang vừa quét. Hãy đặt mặt sau của thẻ (mặt có mã QR) úp xuống mặt kính rồi quét lại.</source>
        <translation>No QR code was found on the scanned page. Place the back of the card (the side with the QR code) face down on the glass and scan again.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không tìm thấy máy quét nào. Hãy kiểm tra cáp và nguồn điện của máy quét.</source>
        <translation>No scanner was found. Check the scanner&apos;s cable and power supply.</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard.py" line="+241"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tùy chọn</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tháng {m}</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quý {q}</source>
        <translation>Quarter {q}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+78"/>
        <location line="+73"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving official</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhóm theo:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chỉ số chất lượng</source>
        <translation>Quality indicators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo dõi hạn giải quyết</source>
        <translation>Deadline monitoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công khai hồ sơ quá hạn</source>
        <translation>Public list of overdue dossiers</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hồ sơ tiếp nhận</source>
        <translation>Dossiers received</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+279"/>
        <source>Giải quyết quá hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>TG giải quyết TB (giờ)</source>
        <translation>Avg. processing time (hours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số hóa hồ sơ</source>
        <translation>Dossier digitisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số hóa kết quả</source>
        <translation>Result digitisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mức độ hài lòng</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tiến độ giải quyết</source>
        <translation>Processing progress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Theo nhóm</source>
        <translation>By group</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+208"/>
        <location line="+113"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="-321"/>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+197"/>
        <location line="+11"/>
        <location line="+102"/>
        <location line="+10"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="-320"/>
        <location line="+197"/>
        <location line="+12"/>
        <location line="+101"/>
        <location line="+10"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="-320"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bấm vào một ô để xem các hồ sơ của ô đó</source>
        <translation>Click a cell to see its dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ của chỉ số</source>
        <translation>Dossiers behind the indicator</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <location line="+20"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="-74"/>
        <location line="+54"/>
        <location line="+20"/>
        <source>Người yêu cầu</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+53"/>
        <location line="+20"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+74"/>
        <source>Giải quyết</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;Mở hồ sơ</source>
        <translation>&amp;Open dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bấm vào một con số, một thanh biểu đồ hoặc một ô của bảng để xem danh sách hồ sơ; bấm đúp để mở hồ sơ.</source>
        <translation>Click a figure, a chart bar or a table cell to list its dossiers; double-click to open a dossier.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Còn lại (giờ)</source>
        <translation>Remaining (hours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ</source>
        <translation>Official</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sắp đến hạn trong:</source>
        <translation>Due within:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cán bộ chịu trách nhiệm</source>
        <translation>Responsible official</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;In danh sách...</source>
        <translation>&amp;Print list...</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang tính...</source>
        <translation>Calculating...</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Từ {a} đến {b} · cập nhật {t}</source>
        <translation>From {a} to {b} · updated {t}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+113"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Số hồ sơ đã giải quyết</source>
        <translation>Dossiers resolved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không có hồ sơ nào được giải quyết trong kỳ.</source>
        <translation>No dossier was resolved in the period.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theo {by} (tối đa {n} nhóm nhiều hồ sơ nhất)</source>
        <translation>By {by} (at most the {n} groups with the most dossiers)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không có hồ sơ trong kỳ.</source>
        <translation>No dossiers in the period.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+21"/>
        <source>Đang quá hạn</source>
        <translation>Currently overdue</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến hạn trong {n:g} ngày làm việc</source>
        <translation>Due within {n:g} working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần lập phiếu xin lỗi (mẫu 04)</source>
        <translation>Apology slip required (form 04)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (tạm dừng)</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hồ sơ giải quyết quá hạn từ {a} đến {b} và hồ sơ đang quá hạn: {n}</source>
        <translation>Dossiers resolved late from {a} to {b} and dossiers currently overdue: {n}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{title}: {n} hồ sơ</source>
        <translation>{title}: {n} dossier(s)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Từ ngày {a} đến ngày {b}</source>
        <translation>From {a} to {b}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In danh sách hồ sơ quá hạn</source>
        <translation>Print the list of overdue dossiers</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <location filename="../../ui/views/action_dialogs.py" line="+105"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+205"/>
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
        <location filename="../../ui/views/login.py" line="+153"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+506"/>
        <source>Tài khoản bị khóa đến {time} do nhập sai mật khẩu nhiều lần</source>
        <translation>The account is locked until {time} after too many wrong passwords</translation>
    </message>
</context>
<context>
    <name>AuthUi</name>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-700"/>
        <source>&amp;Hệ thống</source>
        <translation>S&amp;ystem</translation>
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
        <source>Đổi người dùng</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu dữ liệu…</source>
        <translation>Back up data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiểm tra dữ liệu</source>
        <translation>Check data</translation>
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
    <name>CaptureUi</name>
    <message>
        <location line="+2"/>
        <source>Quét tài liệu</source>
        <translation>Scan documents</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../ui/views/capture.py" line="+174"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+308"/>
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
        <location line="+1"/>
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
        <location line="+259"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-68"/>
        <source>&amp;Quét (F5)</source>
        <translation>&amp;Scan (F5)</translation>
    </message>
    <message>
        <location line="-256"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+66"/>
        <source>&amp;Dừng quét</source>
        <translation>S&amp;top scanning</translation>
    </message>
    <message>
        <location line="+33"/>
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
        <location line="+34"/>
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
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard_ui.py" line="+14"/>
        <source>Chỉ số (F8)</source>
        <translation>Indicators (F8)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="+146"/>
        <source>In danh sách hồ sơ quá hạn</source>
        <translation>Print the list of overdue dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN</source>
        <translation>LIST OF DOSSIERS RESOLVED LATE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có hồ sơ quá hạn.</source>
        <translation>There are no overdue dossiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ ngày {a} đến ngày {b}</source>
        <translation>From {a} to {b}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title}: {n} hồ sơ</source>
        <translation>{title}: {n} dossier(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ giải quyết quá hạn từ {a} đến {b} và hồ sơ đang quá hạn: {n}</source>
        <translation>Dossiers resolved late from {a} to {b} and dossiers currently overdue: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang quá hạn</source>
        <translation>Currently overdue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giải quyết quá hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (tạm dừng)</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần lập phiếu xin lỗi (mẫu 04)</source>
        <translation>Apology slip required (form 04)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đến hạn trong {n:g} ngày làm việc</source>
        <translation>Due within {n:g} working days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có hồ sơ trong kỳ.</source>
        <translation>No dossiers in the period.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theo {by} (tối đa {n} nhóm nhiều hồ sơ nhất)</source>
        <translation>By {by} (at most the {n} groups with the most dossiers)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có hồ sơ nào được giải quyết trong kỳ.</source>
        <translation>No dossier was resolved in the period.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số hồ sơ đã giải quyết</source>
        <translation>Dossiers resolved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} hồ sơ</source>
        <translation>{n} dossier(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ {a} đến {b} · cập nhật {t}</source>
        <translation>From {a} to {b} · updated {t}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang tính...</source>
        <translation>Calculating...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;In danh sách...</source>
        <translation>&amp;Print list...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cán bộ chịu trách nhiệm</source>
        <translation>Responsible official</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giải quyết</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người yêu cầu</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sắp đến hạn trong:</source>
        <translation>Due within:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cán bộ</source>
        <translation>Official</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Còn lại (giờ)</source>
        <translation>Remaining (hours)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bấm vào một con số, một thanh biểu đồ hoặc một ô của bảng để xem danh sách hồ sơ; bấm đúp để mở hồ sơ.</source>
        <translation>Click a figure, a chart bar or a table cell to list its dossiers; double-click to open a dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mở hồ sơ</source>
        <translation>&amp;Open dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ của chỉ số</source>
        <translation>Dossiers behind the indicator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bấm vào một ô để xem các hồ sơ của ô đó</source>
        <translation>Click a cell to see its dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theo nhóm</source>
        <translation>By group</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiến độ giải quyết</source>
        <translation>Processing progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mức độ hài lòng</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số hóa kết quả</source>
        <translation>Result digitisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số hóa hồ sơ</source>
        <translation>Dossier digitisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TG giải quyết TB (giờ)</source>
        <translation>Avg. processing time (hours)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ tiếp nhận</source>
        <translation>Dossiers received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Công khai hồ sơ quá hạn</source>
        <translation>Public list of overdue dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theo dõi hạn giải quyết</source>
        <translation>Deadline monitoring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ số chất lượng</source>
        <translation>Quality indicators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhóm theo:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving official</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quý {q}</source>
        <translation>Quarter {q}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tháng {m}</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tùy chọn</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location line="-444"/>
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
        <location filename="../../ui/widgets/documents_table.py" line="+39"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+846"/>
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
        <location line="+20"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã nhận giấy tờ này (phím cách để đánh dấu)</source>
        <translation>Document received (press Space to tick)</translation>
    </message>
</context>
<context>
    <name>DossierDetailView</name>
    <message>
        <location filename="../../ui/views/dossier_detail.py" line="+98"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-290"/>
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
        <location line="+14"/>
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
        <location line="+13"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-10"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="-12"/>
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
        <location line="+6"/>
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
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Yêu cầu bổ sung...</source>
        <translation>Request &amp;supplement...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Nhận bổ sung</source>
        <translation>Receive supple&amp;ment</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Từ chối tiếp nhận...</source>
        <translation>Refuse dossier...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Rút hồ sơ...</source>
        <translation>&amp;Withdraw dossier...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đã &amp;xử lý xong</source>
        <translation>Mark as reso&amp;lved</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Trả &amp;kết quả...</source>
        <translation>Return r&amp;esult...</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Xin lỗi &amp;&amp; hẹn &amp;lại...</source>
        <translation>Apology &amp;&amp; new &amp;appointment...</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>&amp;Quét / số hóa</source>
        <translation>S&amp;can / digitise</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>← Về danh sách</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+46"/>
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
        <location filename="../../build/i18n/ui_wrapped.py" line="-20"/>
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
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="+18"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bắt đầu xử lý</source>
        <translation>Processing started</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhận bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã xử lý xong</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xin lỗi, hẹn lại</source>
        <translation>Apology, new appointment</translation>
    </message>
</context>
<context>
    <name>DossierListView</name>
    <message>
        <location filename="../../ui/views/dossier_list.py" line="+82"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+102"/>
        <source>Tìm theo mã hồ sơ, họ tên, số định danh, thủ tục...</source>
        <translation>Search by dossier code, name, ID number, procedure...</translation>
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
        <source>Trạng t&amp;hái:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
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
        <location line="-110"/>
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
        <location filename="../../build/i18n/ui_wrapped.py" line="-548"/>
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
        <location filename="../../ui/views/login.py" line="+43"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+658"/>
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
        <location filename="../../build/i18n/ui_wrapped.py" line="-638"/>
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
    <name>IdCardInput</name>
    <message>
        <location filename="../../ui/widgets/id_card_input.py" line="+29"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+820"/>
        <source>Quét mã QR trên thẻ căn cước hoặc dán nội dung mã vào đây</source>
        <translation>Scan the QR code on the citizen ID card or paste its content here</translation>
    </message>
</context>
<context>
    <name>IdSourceButtons</name>
    <message>
        <location filename="../../ui/widgets/id_sources.py" line="+19"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+28"/>
        <source>Đọc từ ảnh…</source>
        <translation>Read from image…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chọn ảnh chụp hoặc ảnh quét mặt có mã QR của thẻ căn cước</source>
        <translation>Choose a photo or scan of the ID card side with the QR code</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đọc từ máy quét</source>
        <translation>Read from scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Úp mặt có mã QR của thẻ xuống mặt kính máy quét rồi bấm</source>
        <translation>Place the card QR side down on the scanner glass, then click</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+84"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-20"/>
        <source>Đầu đọc cổng COM</source>
        <translation>COM port reader</translation>
    </message>
    <message>
        <location line="-82"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+18"/>
        <source>Chờ đầu đọc mã QR nối qua cổng COM/USB gửi dữ liệu thẻ</source>
        <translation>Wait for the QR reader on the COM/USB port to send the card data</translation>
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
        <location line="+25"/>
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
        <location line="+7"/>
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
        <location filename="../../ui/views/intake.py" line="+89"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-204"/>
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
        <location line="+17"/>
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
        <location line="+199"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-14"/>
        <source>Cần kiểm tra:</source>
        <translation>To check:</translation>
    </message>
    <message>
        <location line="-76"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+12"/>
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
        <location filename="../../ui/local_stack.py" line="+168"/>
        <source>Không có kho mật khẩu của hệ điều hành: mã xác thực máy trạm chỉ được giữ trong bộ nhớ cho lần chạy này và không được ghi ra tệp.</source>
        <translation>The operating system has no password store: the workstation token is kept in memory for this session only and is not written to disk.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/views/login.py" line="+66"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+132"/>
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
        <location line="-55"/>
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
        <location filename="../../ui/main_window.py" line="+22"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-592"/>
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
        <source>Tìm kiếm (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
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
        <source>Cài đặt (Ctrl+,)</source>
        <translation>Settings (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Chưa kết nối máy chủ tỉnh</source>
        <translation>Not connected to the provincial server</translation>
    </message>
    <message>
        <location line="+61"/>
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
        <location filename="../../build/i18n/ui_wrapped.py" line="+864"/>
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
        <location line="+45"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-30"/>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location line="-43"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+28"/>
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
        <location line="+25"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-16"/>
        <source>&amp;Họ và tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+22"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+4"/>
        <source>&amp;Số định danh (CCCD):</source>
        <translation>&amp;ID number (CCCD):</translation>
    </message>
    <message>
        <location line="-21"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+10"/>
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
        <location line="+18"/>
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
        <location filename="../../build/i18n/ui_wrapped.py" line="-796"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu bản PDF của giấy tờ này</source>
        <translation>Save a PDF copy of this paper</translation>
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
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/widgets/procedure_picker.py" line="+25"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+820"/>
        <source>Gõ tên hoặc mã thủ tục, ví dụ: xac nhan tinh trang hon nhan</source>
        <translation>Type a procedure name or code, e.g. xac nhan tinh trang hon nhan</translation>
    </message>
    <message>
        <location line="+48"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Không tìm thấy thủ tục phù hợp.</source>
        <translation>No matching procedure found.</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../ui/views/rating_dialog.py" line="+32"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-188"/>
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
        <location line="+24"/>
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
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/views/action_dialogs.py" line="-16"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-566"/>
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
        <location filename="../../ui/views/settings_dialog.py" line="+71"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+648"/>
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
        <location line="+5"/>
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
        <location line="+12"/>
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
        <location line="-700"/>
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
        <location filename="../../build/i18n/ui_wrapped.py" line="+90"/>
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
        <location filename="../../ui/views/sync_panel.py" line="+49"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="+708"/>
        <source>Đồng bộ với hệ thống của tỉnh</source>
        <translation>Synchronisation with the provincial system</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+14"/>
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
        <location line="+27"/>
        <location filename="../../build/i18n/ui_wrapped.py" line="-2"/>
        <source>chưa cài đặt (chỉ làm việc trên máy)</source>
        <translation>not configured (working locally only)</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location filename="../../build/i18n/ui_wrapped.py" line="-662"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync_ui.py" line="+332"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../build/i18n/ui_wrapped.py" line="-28"/>
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
        <source>{n} tệp scan</source>
        <translation>{n} scanned file(s)</translation>
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
