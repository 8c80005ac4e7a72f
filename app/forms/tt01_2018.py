"""Forms 01–06 of TT 01/2018/TT-VPCP (in force from 06/01/2019).

Each renderer returns the PDF bytes; wording follows the circular's models, adapted to what the counter
knows. A later circular gets its own module and new entries in :mod:`app.forms.templates`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.forms.context import DocumentLine, DossierPaper, RegisterRow, UnitInfo
from app.forms.layout import (
    A4_LANDSCAPE,
    A5_PORTRAIT,
    PLACEHOLDER,
    Styles,
    build_pdf,
    clock_date,
    compact_time,
    count,
    field_line,
    frame_width,
    grid_table,
    header_block,
    or_blank,
    place_date_line,
    short_date,
    signature_blocks,
    text,
    title_block,
)
from app.forms.qr import paper_payload
from app.i18n import tr

LEGAL_BASIS = "TT 01/2018/TT-VPCP"
EFFECTIVE_FROM = date(2019, 1, 6)

# (top, right, bottom, left): a wider left margin leaves room for the hole punch of the filing binder.
A5_MARGINS = (9 * mm, 10 * mm, 11 * mm, 14 * mm)
A4_MARGINS = (10 * mm, 10 * mm, 12 * mm, 14 * mm)
QR_SIZE_A5 = 52.0
QR_SIZE_A4 = 60.0

TITLES = {
    "01": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "04": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "05": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    "06": "Sổ theo dõi hồ sơ",
}

_styles_a5: Styles | None = None
_styles_a4: Styles | None = None


def _a5() -> Styles:
    global _styles_a5
    if _styles_a5 is None:
        _styles_a5 = Styles(body_size=10.5, header_size=9)
    return _styles_a5


def _a4() -> Styles:
    global _styles_a4
    if _styles_a4 is None:
        _styles_a4 = Styles(body_size=9.5, header_size=10.5)
    return _styles_a4


def _title(form_id: str) -> str:
    return tr(TITLES[form_id])


def _paper_start(form_id: str, paper: DossierPaper, unit: UnitInfo, day: date) -> list[Flowable]:
    styles = _a5()
    width = frame_width(A5_PORTRAIT, A5_MARGINS)
    payload = paper_payload([paper.code, paper.procedure_code, paper.applicant_id_number, form_id, _title(form_id)])
    story: list[Flowable] = [
        header_block(styles, width, unit.parent_agency, unit.unit_name, payload, QR_SIZE_A5,
                     place_date_line(styles, unit.place_name or unit.unit_name, day)),
        *title_block(styles, _title(form_id)),
    ]
    return story


def _code_line(paper: DossierPaper) -> Paragraph:
    return Paragraph(f"{text(tr('Mã hồ sơ:'))} <b>{text(paper.code)}</b>", _a5().center)


def _applicant_lines(paper: DossierPaper, lead: str) -> list[Flowable]:
    s = _a5()
    lines: list[Flowable] = [field_line(s, lead, f"<b>{text(paper.applicant_name)}</b>")]
    if paper.applicant_id_number:
        lines.append(field_line(s, tr("Số định danh cá nhân:"), text(paper.applicant_id_number)))
    lines.append(field_line(s, tr("Địa chỉ:"), or_blank(paper.applicant_address)))
    contact = f"{or_blank(paper.applicant_phone)}"
    if paper.applicant_email:
        contact += f"&nbsp;&nbsp;&nbsp;{text(tr('Email:'))} {text(paper.applicant_email)}"
    lines.append(field_line(s, tr("Số điện thoại:"), contact))
    if paper.submitter_name and paper.submitter_name.strip() != paper.applicant_name.strip():
        lines.append(field_line(s, tr("Người nộp hồ sơ:"), text(paper.submitter_name)))
    lines.append(field_line(s, tr("Thủ tục hành chính:"),
                            f"{text(paper.procedure_name)} ({text(tr('mã'))} {text(paper.procedure_code)})"))
    lines.append(field_line(s, tr("Nội dung yêu cầu giải quyết:"),
                            or_blank(paper.request_summary or paper.procedure_name)))
    return lines


def _documents_table(documents: Sequence[DocumentLine], width: float) -> Flowable:
    s = _a5()
    widths = [20.0, 0.0, 46.0, 52.0, 46.0]
    widths[1] = width - sum(widths)
    rows: list[list[object]] = [[
        Paragraph(text(tr("TT")), s.cell_head),
        Paragraph(text(tr("Tên giấy tờ")), s.cell_head),
        Paragraph(text(tr("Bản chính")), s.cell_head),
        Paragraph(text(tr("Bản sao chứng thực")), s.cell_head),
        Paragraph(text(tr("Bản photo")), s.cell_head),
    ]]
    for number, doc in enumerate(documents, start=1):
        # Short fixed cells stay plain strings: a Paragraph per number would double the layout cost.
        rows.append([
            str(number), Paragraph(text(doc.name), s.cell),
            count(doc.originals), count(doc.certified_copies), count(doc.photocopies),
        ])
    if not documents:
        rows.append(["", Paragraph(PLACEHOLDER, s.cell), "", "", ""])
    table = grid_table(rows, widths, font_size=s.cell.fontSize)
    table.setStyle([("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "CENTER")])
    return table


def _two_line_time(moment: datetime | None) -> str:
    # Time above date keeps narrow table columns to two tidy lines instead of an arbitrary wrap.
    return compact_time(moment).replace(" ", "<br/>", 1) if moment else ""


def render_01(paper: DossierPaper, unit: UnitInfo, on: date) -> bytes:
    s = _a5()
    width = frame_width(A5_PORTRAIT, A5_MARGINS)
    story = _paper_start("01", paper, unit, paper.received_at.date())
    story.append(_code_line(paper))
    story.append(Spacer(1, 3))
    story += _applicant_lines(paper, tr("{unit} tiếp nhận hồ sơ của:", unit=unit.unit_name))
    story.append(field_line(s, tr("1. Thành phần hồ sơ nộp gồm:"), "", s.left))
    story.append(_documents_table(paper.documents, width))
    story.append(Spacer(1, 3))
    items = [
        (tr("2. Số lượng hồ sơ:"), tr("{n} (bộ)", n=f"{paper.sets_count:02d}")),
        (tr("3. Thời gian giải quyết hồ sơ theo quy định là:"), or_blank(paper.processing_text)),
        (tr("4. Thời gian nhận hồ sơ:"), text(clock_date(paper.received_at))),
        (tr("5. Thời gian trả kết quả giải quyết hồ sơ:"), text(clock_date(paper.due_at))),
        (tr("6. Đăng ký nhận kết quả tại:"), or_blank(paper.result_place)),
    ]
    if paper.fee_text:
        items.append((tr("7. Phí, lệ phí:"), text(paper.fee_text)))
    story += [field_line(s, label, value, s.hanging) for label, value in items]
    last_lines = [
        Paragraph(text(tr("Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {entry}",
                          book=paper.register_book or PLACEHOLDER, entry=paper.register_entry or PLACEHOLDER)),
                  s.body),
    ]
    submitter = paper.submitter_name or paper.applicant_name
    story.append(signature_blocks(s, width, [
        (tr("NGƯỜI NỘP HỒ SƠ"), tr("(Ký và ghi rõ họ tên)"), submitter),
        (tr("NGƯỜI TIẾP NHẬN HỒ SƠ"), tr("(Ký và ghi rõ họ tên)"), paper.received_by),
    ], keep_with=last_lines))
    return build_pdf(story, A5_PORTRAIT, A5_MARGINS, _title("01"), paper.code)


def _issue_day(paper: DossierPaper, on: date) -> date:
    return paper.issued_at.date() if paper.issued_at else on


def render_02(paper: DossierPaper, unit: UnitInfo, on: date) -> bytes:
    s = _a5()
    width = frame_width(A5_PORTRAIT, A5_MARGINS)
    story = _paper_start("02", paper, unit, _issue_day(paper, on))
    story.append(_code_line(paper))
    story.append(Spacer(1, 3))
    story += _applicant_lines(paper, tr("Hồ sơ của:"))
    story.append(Paragraph(text(tr(
        "Ngày {day}, {unit} đã tiếp nhận hồ sơ. Sau khi xem xét, đối chiếu thành phần hồ sơ, đề nghị "
        "Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
        day=short_date(paper.received_at.date()), unit=unit.unit_name)), s.body))
    story.append(_documents_table(paper.supplement_items, width))
    story.append(Spacer(1, 3))
    story.append(field_line(s, tr("Lý do:"), or_blank(paper.supplement_reason)))
    contact = paper.contact_official or paper.received_by
    closing = [Paragraph(text(tr(
        "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {official}, "
        "số điện thoại {phone} để được hướng dẫn./.",
        official=contact or PLACEHOLDER, phone=paper.contact_phone or unit.phone or PLACEHOLDER)), s.body)]
    story.append(signature_blocks(s, width, [
        (tr("NGƯỜI HƯỚNG DẪN"), tr("(Ký và ghi rõ họ tên)"), paper.received_by),
    ], keep_with=closing))
    return build_pdf(story, A5_PORTRAIT, A5_MARGINS, _title("02"), paper.code)


def render_03(paper: DossierPaper, unit: UnitInfo, on: date) -> bytes:
    s = _a5()
    width = frame_width(A5_PORTRAIT, A5_MARGINS)
    story = _paper_start("03", paper, unit, _issue_day(paper, on))
    story.append(_code_line(paper))
    story.append(Spacer(1, 3))
    story += _applicant_lines(paper, tr("{unit} tiếp nhận hồ sơ của:", unit=unit.unit_name))
    story.append(Paragraph(text(tr(
        "Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, {unit} từ chối tiếp nhận, giải quyết "
        "hồ sơ này với lý do cụ thể như sau:", unit=unit.unit_name)), s.body))
    story.append(Paragraph(or_blank(paper.refusal_reason), s.hanging))
    closing = [Paragraph(text(tr("Xin thông báo để Ông/Bà được biết và thực hiện./.")), s.body)]
    story.append(signature_blocks(s, width, [
        (tr("NGƯỜI TIẾP NHẬN HỒ SƠ"), tr("(Ký và ghi rõ họ tên)"), paper.received_by),
    ], keep_with=closing))
    return build_pdf(story, A5_PORTRAIT, A5_MARGINS, _title("03"), paper.code)


def render_04(paper: DossierPaper, unit: UnitInfo, on: date) -> bytes:
    s = _a5()
    width = frame_width(A5_PORTRAIT, A5_MARGINS)
    story = _paper_start("04", paper, unit, _issue_day(paper, on))
    story.append(_code_line(paper))
    story.append(Spacer(1, 3))
    story.append(Paragraph(
        text(tr("Ngày {day}, {unit} tiếp nhận giải quyết hồ sơ của Ông/Bà:",
                day=short_date(paper.received_at.date()), unit=unit.unit_name))
        + f" <b>{text(paper.applicant_name)}</b>", s.body))
    story.append(field_line(s, tr("Địa chỉ:"), or_blank(paper.applicant_address)))
    story.append(field_line(s, tr("Nội dung yêu cầu giải quyết:"),
                            or_blank(paper.request_summary or paper.procedure_name)))
    story.append(field_line(s, tr("Thời gian hẹn trả kết quả giải quyết hồ sơ:"), text(clock_date(paper.due_at))))
    story.append(Paragraph(text(tr(
        "Tuy nhiên đến nay, {unit} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà.", unit=unit.unit_name)), s.body))
    story.append(field_line(s, tr("Lý do:"), or_blank(paper.apology_reason)))
    story.append(Paragraph(text(tr(
        "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {unit} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết "
        "hồ sơ cho Ông/Bà vào: {when}.", unit=unit.unit_name, when=clock_date(paper.new_due_at))), s.body))
    closing = [Paragraph(text(tr("Xin trân trọng cảm ơn./.")), s.body)]
    story.append(signature_blocks(s, width, [
        (tr("THỦ TRƯỞNG CƠ QUAN"), tr("(Ký, ghi rõ họ tên và đóng dấu)"), paper.signer_name),
    ], sign_space=46, keep_with=closing))
    return build_pdf(story, A5_PORTRAIT, A5_MARGINS, _title("04"), paper.code)


def render_05(paper: DossierPaper, unit: UnitInfo, on: date) -> bytes:
    s = _a5()
    width = frame_width(A5_PORTRAIT, A5_MARGINS)
    story = _paper_start("05", paper, unit, _issue_day(paper, on))
    story.append(_code_line(paper))
    story.append(Spacer(1, 3))
    story.append(field_line(s, tr("Hồ sơ của:"), f"<b>{text(paper.applicant_name)}</b>"))
    story.append(field_line(s, tr("Nội dung yêu cầu giải quyết:"),
                            or_blank(paper.request_summary or paper.procedure_name)))
    story.append(field_line(s, tr("Thời gian nhận hồ sơ:"), text(clock_date(paper.received_at))))
    story.append(field_line(s, tr("Thời gian trả kết quả giải quyết hồ sơ:"), text(clock_date(paper.due_at))))
    story.append(field_line(s, tr("Cơ quan (bộ phận) giải quyết hồ sơ:"), or_blank(paper.resolving_agency)))
    story.append(field_line(s, tr("Cơ quan phối hợp giải quyết hồ sơ:"), or_blank(paper.coordinating_agencies)))
    story.append(Spacer(1, 3))
    # The circular's four columns: who hands over and who receives sign inside the time cell.
    widths = [82.0, 0.0, 72.0, 58.0]
    widths[1] = width - sum(widths)
    head = [tr("Tên cơ quan"), tr("Thời gian giao, nhận hồ sơ"),
            tr("Kết quả giải quyết hồ sơ (trước hạn/ đúng hạn/ quá hạn)"), tr("Ghi chú")]
    rows: list[list[object]] = [[Paragraph(text(h), s.cell_head) for h in head]]
    for hand in paper.handoffs:
        moment = text(clock_date(hand.given_at))
        people = [
            text(tr("Người giao: {name}", name=hand.giver or PLACEHOLDER)),
            text(tr("Người nhận: {name}", name=hand.receiver or PLACEHOLDER)),
        ]
        rows.append([
            Paragraph(text(hand.agency), s.cell),
            Paragraph("<br/>".join([moment, *people]), s.cell),
            Paragraph(text(hand.result), s.cell_center),
            Paragraph(text(hand.note), s.cell),
        ])
    if not paper.handoffs:
        rows.append([Paragraph(PLACEHOLDER, s.cell), "", "", ""])
    story.append(grid_table(rows, widths, font_size=s.cell.fontSize))
    return build_pdf(story, A5_PORTRAIT, A5_MARGINS, _title("05"), paper.code)


def render_06(rows: Sequence[RegisterRow], unit: UnitInfo, period_text: str, on: date) -> bytes:
    s = _a4()
    width = frame_width(A4_LANDSCAPE, A4_MARGINS)
    payload = paper_payload([unit.unit_id, period_text, str(len(rows)), "06", _title("06")])
    story: list[Flowable] = [
        header_block(s, width * 0.62, unit.parent_agency, unit.unit_name, payload, QR_SIZE_A4),
        *title_block(s, _title("06"), text(period_text)),
    ]
    head = [
        tr("STT"), tr("Mã hồ sơ"), tr("Tên thủ tục hành chính"), tr("Số lượng hồ sơ (bộ)"),
        tr("Tên cá nhân, tổ chức"), tr("Địa chỉ, số điện thoại"), tr("Cơ quan chủ trì giải quyết"),
        tr("Nhận hồ sơ"), tr("Hẹn trả kết quả"), tr("Trả kết quả"), tr("Ký nhận"), tr("Ghi chú"),
    ]
    widths = [22.0, 104.0, 110.0, 32.0, 86.0, 104.0, 78.0, 48.0, 48.0, 48.0, 40.0, 0.0]
    widths[-1] = width - sum(widths)
    table_rows: list[list[object]] = [
        [Paragraph(text(h), s.cell_head) for h in head],
        [Paragraph(f"({i})", s.cell_center) for i in range(1, len(head) + 1)],
    ]

    for row in rows:
        contact = text(row.address)
        if row.phone:
            contact += ("<br/>" if contact else "") + text(tr("ĐT: {phone}", phone=row.phone))
        table_rows.append([
            Paragraph(str(row.stt), s.cell_center),
            Paragraph(text(row.code), s.cell),
            Paragraph(text(row.procedure_name), s.cell),
            Paragraph(f"{row.sets_count:02d}", s.cell_center),
            Paragraph(text(row.submitter_name), s.cell),
            Paragraph(contact, s.cell),
            Paragraph(text(row.resolving_agency), s.cell),
            Paragraph(_two_line_time(row.received_at), s.cell_center),
            Paragraph(_two_line_time(row.due_at), s.cell_center),
            Paragraph(_two_line_time(row.returned_at), s.cell_center),
            "",
            Paragraph(text(row.note), s.cell),
        ])
    story.append(grid_table(table_rows, widths, header_rows=2, font_size=s.cell.fontSize))
    return build_pdf(story, A4_LANDSCAPE, A4_MARGINS, _title("06"), period_text)
