"""Appendix II of Decision 888/QĐ-TCHQ: the urgent fax ("ĐIỆN FAX ĐI (Khẩn)") by which
the HQ duty desk asks a unit to coordinate a check (Art. 8 §2.3 c.2), A4 portrait.

Also holds the pieces the other appendices share: the "Nơi nhận" list beside the
signature, the dash-led lines of the body, the fax head and the time format. They
use only `forms.pdf`; nothing here imports Qt or the application.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents.papers import UrgentFax
from forms import decree30 as d30
from forms.pdf import (
    NBSP,
    SERIF,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    CentredRule,
    PageSetup,
    SignatureBlock,
    build_pdf,
    clean,
    markup,
    name_paragraphs,
    national_header,
    nfc,
    para,
    rich,
    signature_blocks,
    styles,
    write_pdf,
)

FAX_HEADING = "ĐIỆN FAX ĐI"
URGENT_MARK = "(Khẩn)"
NOTICE = "THÔNG BÁO"
BLANK = "…………"  # an empty field prints as the template's dotted blank
DEFAULT_BASIS = (
    "Thực hiện quy chế làm việc Tổng cục Hải quan ban hành tại quyết định số "
    "3333/QĐ-TCHQ ngày 06/10/2016 của Tổng cục trưởng Tổng cục Hải quan. Trực ban "
    "cơ quan Tổng cục Hải quan yêu cầu đơn vị phối hợp thực hiện nội dung sau:"
)
DEFAULT_RECIPIENTS = ("Văn phòng Tổng cục;", "Cục nghiệp vụ (để theo dõi);", "Lưu: Trực ban.")
DEFAULT_CAPACITY = "PHỤ TRÁCH TRỰC BAN"
SIGN_HINT_DESK = ("(Lãnh đạo Cục thực hiện trực ban\nký, ghi rõ họ tên, chức vụ "
                  "và đóng dấu của đơn vị)")

_CELL_FONT = [("FONTNAME", (0, 0), (-1, -1), SERIF)]


# --- shared by Appendices II–V --------------------------------------------------------


def fax_time(moment: datetime | None) -> str:
    """ "10 giờ 05 phút, ngày 27/11/2026" (the template's "… giờ … phút, ngày …/…/…")."""
    if moment is None:
        return f"{BLANK} giờ {BLANK} phút, ngày ……/……/……"
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, ngày {moment:%d/%m/%Y}"


def short_date(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "……/……/……"


def or_blank(text: str | None) -> str:
    text = clean(text).strip()
    return text if text else BLANK


def body_style(name: str = "appx_body", **kw: object) -> ParagraphStyle:
    base = dict(fontSize=d30.BODY_SIZE, leading=d30.BODY_SIZE * 1.25, spaceAfter=3,
                firstLineIndent=0, bulletFontName=SERIF, bulletFontSize=d30.BODY_SIZE)
    base.update(kw)
    return ParagraphStyle(name, parent=styles().body, **base)


def dash_line(label: str, value: str | None = None, *, value_markup: str | None = None,
              bold_label: bool = False) -> Flowable:
    """ "- Label: value" hanging under its dash; the value keeps its line breaks
    (`value_markup` when the caller already escaped it)."""
    st = body_style("appx_dash", leftIndent=14, bulletIndent=0)
    lab = f"<b>{markup(label)}</b>" if bold_label else markup(label)
    if value_markup is None and value is None:
        return _bulleted(lab, st, "-")
    shown = value_markup if value_markup is not None else markup(or_blank(value))
    return _bulleted(f"{lab} {shown}", st, "-")


def _bulleted(text_markup: str, style: ParagraphStyle, bullet: str) -> Flowable:
    """A paragraph hanging under its bullet (the bullet stays out of the justified
    text, so the gap after it never stretches)."""
    return Paragraph(nfc(text_markup), style, bulletText=bullet)


def numbered_line(number: str, text_markup: str) -> Flowable:
    """A "1) …" line under a dash line: the number is its only mark."""
    return _bulleted(text_markup, body_style("appx_numbered", leftIndent=34, bulletIndent=16,
                                             spaceAfter=2), number)


def sub_line(text_markup: str) -> Flowable:
    """A "+ …" line under a dash line."""
    return _bulleted(text_markup, body_style("appx_sub", leftIndent=30, bulletIndent=16,
                                             spaceAfter=2), "+")


def signer_block(capacity: str, name: str, title: str, hint: str) -> SignatureBlock:
    """The signer's block. The template's instruction in brackets ("ký, ghi rõ họ
    tên, chức vụ…") is printed only while the name is blank, as a guide for the
    hand-filled form; a named signer gets the position under the name."""
    name = clean(name).strip()
    capacity_lines = clean(capacity).strip() or DEFAULT_CAPACITY
    return SignatureBlock(capacity_lines, name=name, hint="" if name else hint,
                          notes=[clean(title).strip()] if name and clean(title).strip() else [])


def recipients_and_signature(recipients: Sequence[str], block: SignatureBlock,
                             width: float, *, sign_space: float = 56,
                             carry: Sequence[Flowable] = ()) -> Flowable:
    """ "Nơi nhận:" on the left (bold italic heading, small lines), the signature on
    the right, as in every administrative document; kept on one page together with
    `carry` (the last lines of the body), so the signature never stands alone on
    the last page."""
    st = styles()
    head = ParagraphStyle("noi_nhan_head", parent=st.small, fontName=SERIF_BOLD_ITALIC,
                          fontSize=d30.RECIPIENTS_HEAD_SIZE,
                          leading=d30.RECIPIENTS_HEAD_SIZE * 1.2)
    line = ParagraphStyle("noi_nhan_line", parent=st.small, fontSize=d30.RECIPIENTS_SIZE,
                          leading=d30.RECIPIENTS_SIZE * 1.2)
    left: list[Flowable] = [para("Nơi nhận:", head)]
    left.extend(para(f"- {clean(r).strip()}", line) for r in recipients if clean(r).strip())
    right = signature_blocks([block], width * 0.55, sign_space=sign_space)
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([
        *_CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (0, 0), 14),  # "Nơi nhận" level with the capacity line
    ]))
    return KeepTogether([*carry, Spacer(1, 6), table])


def fax_head(agency_lines: Sequence[str], fax_number: str, sent_at: datetime,
             urgent: bool, width: float, issuer_fax: str = "") -> list[Flowable]:
    """The head of an outgoing fax: "ĐIỆN FAX ĐI (Khẩn)" across the page, then on the
    left the issuing agency (upper case, the last line bold, a short rule under it)
    with the fax number and the time of sending."""
    st = styles()
    heading = ParagraphStyle("fax_heading", parent=st.title, fontSize=15, leading=19,
                             spaceBefore=0, spaceAfter=8)
    mark = f' <font name="{SERIF_BOLD_ITALIC}">{markup(URGENT_MARK)}</font>' if urgent else ""
    out: list[Flowable] = [rich(f"{markup(FAX_HEADING)}{mark}", heading)]

    lines = [clean(a).strip().upper() for a in agency_lines if clean(a).strip()] or [BLANK]
    agency, desk = st.header_agency, st.header_desk
    centre = ParagraphStyle("fax_meta", parent=st.body, fontSize=d30.NUMBER_SIZE,
                            leading=d30.NUMBER_SIZE * 1.2, alignment=TA_CENTER, spaceAfter=0)
    room = width * 0.5 - 10
    left: list[Flowable] = [p for a in lines[:-1] for p in name_paragraphs(a, agency, room)]
    left.extend(name_paragraphs(lines[-1], desk, room))
    left.append(CentredRule(60))
    left.append(Spacer(1, 2))
    left.append(rich(f"Fax số: <b>{markup(or_blank(fax_number))}</b>", centre))
    if clean(issuer_fax).strip():
        left.append(para(f"Số máy fax: {clean(issuer_fax).strip()}", centre))
    left.append(para(fax_time(sent_at), ParagraphStyle("fax_time", parent=centre,
                                                       fontName=SERIF_ITALIC)))
    table = Table([[left, ""]], colWidths=[width * 0.5, width * 0.5], hAlign="LEFT")
    table.setStyle(TableStyle([
        *_CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    out.append(table)
    return out


def keep_place_together(subject_markup: str) -> str:
    """The place a subject ends with ("… tại Cửa khẩu quốc tế Hữu Nghị") on one line:
    a title is never broken inside a place name."""
    head, sep, place = subject_markup.rpartition(" tại ")
    if sep and 0 < len(place) <= 48:
        return f"{head} tại {place.replace(' ', NBSP)}"
    return subject_markup


def notice_title(subject_markup: str) -> list[Flowable]:
    """ "THÔNG BÁO" and, under it, "Về việc …" (bold, centred)."""
    st = styles()
    sub = ParagraphStyle("appx_subject", parent=st.title, fontSize=d30.SUBJECT_SIZE,
                         leading=d30.SUBJECT_SIZE * 1.25, spaceBefore=0, spaceAfter=10)
    subject_markup = keep_place_together(subject_markup)
    return [
        para(NOTICE, ParagraphStyle("appx_notice", parent=st.title, spaceBefore=14,
                                    spaceAfter=1)),
        rich(f"Về việc {subject_markup}", sub),
    ]


def addressee(recipient: str, recipient_fax: str = "") -> list[Flowable]:
    """ "Kính gửi: …" centred, with the recipient's fax number under it when known."""
    st = body_style("appx_to", alignment=TA_CENTER, spaceAfter=2)
    out: list[Flowable] = [rich(f"Kính gửi: {markup(or_blank(recipient))}", st)]
    if clean(recipient_fax).strip():
        out.append(para(f"(Số fax: {clean(recipient_fax).strip()})",
                        body_style("appx_to_fax", alignment=TA_CENTER, fontSize=11,
                                   leading=14, fontName=SERIF_ITALIC)))
    out.append(Spacer(1, 8))
    return out


def multiline(text: str | None) -> str:
    """Markup of a multi-line value: its first line follows the label, further
    lines start on their own lines."""
    return markup(or_blank(text).strip())


def contact_markup(contact: str, phone: str) -> str:
    contact, phone = clean(contact).strip(), clean(phone).strip()
    if not contact and not phone:
        return markup(BLANK)
    text = markup(contact or BLANK)
    if phone:
        text += f", điện thoại: <b>{markup(phone)}</b>"
    return text


def numbered_header(agency: str, desk_name: str, number: str, place: str, day: date,
                    width: float) -> list[Flowable]:
    """The national header, with "Số: …" under the agency block on the line of the
    place and date when the document has a number."""
    head = national_header(agency, desk_name, place, day, width)
    number = clean(number).strip()
    if number:
        table = head[0]
        # The header's second row leaves its left cell empty for the number.
        table._cellvalues[1][0] = para(f"Số: {number}", ParagraphStyle(
            "appx_number", parent=styles().header_agency, fontSize=d30.NUMBER_SIZE))
    return head


def portrait_setup(doc_title: str, subject: str, author: str, footer: str) -> PageSetup:
    return PageSetup.portrait(title=doc_title, subject=subject, author=author,
                              footer_note=footer)


# --- Appendix II ----------------------------------------------------------------------


def render_appendix2(fax: UrgentFax, target: Path | str | BinaryIO) -> None:
    """Print the HQ duty desk's urgent fax (Appendix II) to a path or a binary stream."""
    number = clean(fax.fax_number).strip()
    setup = portrait_setup(f"Điện fax {number} – {clean(fax.subject)}",
                           "Phụ lục II – Quyết định 888/QĐ-TCHQ", fax.signer_name,
                           f"Điện fax số {number} – {fax_time(fax.sent_at)}")
    write_pdf(build_pdf(fax_story(fax, setup.content_width, appendix=2), setup), target)


def fax_story(fax: UrgentFax, width: float, *, appendix: int,
              plan: str = "") -> list[Flowable]:
    """The body of an outgoing fax; `appendix` 2 (duty desk) or 5 (Anti-Smuggling
    Department: no reply-channel line unless given, "Trân trọng./." before the
    signature)."""
    story = fax_head(fax.agency_lines, fax.fax_number, fax.sent_at, fax.urgent, width,
                     fax.issuer_fax)
    story.extend(notice_title(markup(or_blank(fax.subject))))
    story.extend(addressee(fax.recipient, fax.recipient_fax))
    basis = clean(fax.basis).strip() or DEFAULT_BASIS
    story.append(para(basis, body_style("appx_basis", firstLineIndent=28)))
    if clean(plan).strip():
        story.append(dash_line("Kế hoạch giám sát trực tuyến trọng điểm:", plan))
    label = ("Nội dung yêu cầu phối hợp thực hiện giám sát trực tuyến:" if appendix == 5
             else "Nội dung yêu cầu phối hợp thực hiện:")
    story.append(dash_line(label, value_markup=multiline(fax.content), bold_label=True))
    story.append(dash_line("Yêu cầu về thời gian xử lý, hồi báo:",
                           value_markup=f"<b>{markup(or_blank(fax.deadline))}</b>",
                           bold_label=True))
    if appendix != 5 or clean(fax.reply_channel).strip():
        story.append(dash_line("Hình thức hồi báo:", fax.reply_channel, bold_label=True))
    story.append(dash_line("Đầu mối phối hợp thực hiện:",
                           value_markup=contact_markup(fax.contact, fax.contact_phone),
                           bold_label=True))
    if appendix == 5:
        story.append(para("Trân trọng./.", body_style("appx_regards", firstLineIndent=28,
                                                      alignment=TA_LEFT)))
    default_recipients = DEFAULT_RECIPIENTS if appendix == 2 else (
        "Như trên (để thực hiện);", "Lưu: VT.")
    recipients = fax.recipients or list(default_recipients)
    capacity = clean(fax.signer_capacity).strip() or (
        DEFAULT_CAPACITY if appendix == 2 else "CỤC TRƯỞNG")
    hint = SIGN_HINT_DESK if appendix == 2 else "(Ký, ghi rõ họ tên và đóng dấu)"
    story.append(recipients_and_signature(
        recipients, signer_block(capacity, fax.signer_name, fax.signer_title, hint), width,
        carry=[story.pop()]))
    return story


__all__ = [
    "BLANK",
    "DEFAULT_BASIS",
    "FAX_HEADING",
    "URGENT_MARK",
    "addressee",
    "contact_markup",
    "dash_line",
    "fax_head",
    "fax_story",
    "fax_time",
    "notice_title",
    "numbered_header",
    "or_blank",
    "recipients_and_signature",
    "render_appendix2",
    "short_date",
    "signer_block",
    "sub_line",
]
