"""Appendix IV of Decision 888/QĐ-TCHQ: a unit's report to the HQ duty desk on the
result of a request (Art. 9 §3) — the request answered, the timeline, the result and,
when handled later than required, the causes and the officers' responsibility.
A4 portrait."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from app.documents.papers import ResultReport
from forms import decree30 as d30
from forms.appendix2 import (
    BLANK,
    body_style,
    contact_markup,
    dash_line,
    fax_time,
    multiline,
    numbered_header,
    or_blank,
    portrait_setup,
    recipients_and_signature,
    signer_block,
    sub_line,
)
from forms.pdf import build_pdf, clean, markup, para, place_and_date, rich, styles, write_pdf

TITLE = "BÁO CÁO"
SUBTITLE = "Kết quả xử lý yêu cầu phối hợp của trực ban"
DEFAULT_RECIPIENTS = ("Văn phòng Tổng cục;", "Lưu: VT.")
SIGN_HINT_UNIT = "(Ký, ghi rõ họ tên, chức vụ và đóng dấu)"
ON_TIME = "Đơn vị xử lý trong thời gian yêu cầu của trực ban."
LATE_LABEL = "Nguyên nhân xử lý chậm hơn thời gian yêu cầu, trách nhiệm công chức liên quan:"


def render_appendix4(report: ResultReport, target: Path | str | BinaryIO) -> None:
    """Print a unit's result report (Appendix IV) to a path or a binary stream."""
    label = clean(report.number).strip() or f"{report.day:%d/%m/%Y}"
    setup = portrait_setup(f"Báo cáo kết quả xử lý – {label}",
                           "Phụ lục IV – Quyết định 888/QĐ-TCHQ", report.signer_name,
                           f"Báo cáo kết quả xử lý yêu cầu số {clean(report.request_number)}"
                           if clean(report.request_number).strip()
                           else "Báo cáo kết quả xử lý yêu cầu phối hợp của trực ban")
    write_pdf(build_pdf(_story(report, setup.content_width), setup), target)


def _story(r: ResultReport, width: float) -> list[Flowable]:
    st = styles()
    story = numbered_header(r.parent_agency, r.unit, r.number, r.place, r.day, width)
    story.append(Spacer(1, 6))
    story.append(para(TITLE, ParagraphStyle("rep_title", parent=st.title, spaceAfter=1)))
    story.append(para(SUBTITLE, ParagraphStyle("rep_sub", parent=st.title,
                                               fontSize=d30.SUBJECT_SIZE,
                                               leading=d30.SUBJECT_SIZE * 1.25, spaceBefore=0,
                                               spaceAfter=10)))
    story.append(rich(f"Kính gửi: {markup(or_blank(r.recipient))}",
                      body_style("rep_to", alignment=TA_CENTER, spaceAfter=10)))
    handler = clean(r.handling_unit).strip() or clean(r.unit).strip() or BLANK
    request_day = place_and_date("", r.request_date).lstrip(", ") if r.request_date else BLANK
    story.append(rich(
        f"Thực hiện yêu cầu phối hợp tại {markup(clean(r.request_kind).strip())} số "
        f"<b>{markup(or_blank(r.request_number))}</b>, {markup(request_day)} của "
        f"{markup(clean(r.requester).strip())}. {markup(handler)} báo cáo kết quả xử lý, "
        "cụ thể như sau:",
        body_style("rep_basis", firstLineIndent=28)))

    story.append(dash_line("Nội dung yêu cầu phối hợp thực hiện:",
                           value_markup=multiline(r.request_content), bold_label=True))
    story.append(dash_line("Tiến trình xử lý:", bold_label=True))
    if clean(r.deadline).strip():
        story.append(sub_line(f"Thời gian xử lý, hồi báo theo yêu cầu: "
                              f"<b>{markup(r.deadline)}</b>"))
    story.append(sub_line(f"Tiếp nhận yêu cầu: {markup(fax_time(r.received_at))}"))
    if r.acknowledged_at is not None:
        story.append(sub_line("Thông báo trực ban đầu mối xử lý, dự kiến thời gian xử lý: "
                              f"{markup(fax_time(r.acknowledged_at))}"))
    for when, what in r.milestones:
        story.append(sub_line(f"{markup(clean(when))}: {markup(clean(what))}"))
    story.append(sub_line(f"Hoàn thành xử lý: {markup(fax_time(r.handled_at))}"
                          if r.handled_at is not None else "Hoàn thành xử lý: đang xử lý"))
    story.append(dash_line("Kết quả xử lý:", value_markup=multiline(r.result), bold_label=True))
    if r.late:
        story.append(dash_line(LATE_LABEL, bold_label=True))
        story.append(sub_line(f"Nguyên nhân: {multiline(r.late_causes)}"))
        story.append(sub_line(f"Trách nhiệm cá nhân: {multiline(r.responsibility)}"))
    else:
        story.append(dash_line("Thời gian xử lý:", ON_TIME, bold_label=True))
    story.append(dash_line("Đề xuất (nếu có):",
                           value_markup=multiline(r.proposal) if clean(r.proposal).strip()
                           else "Không.", bold_label=True))
    story.append(dash_line("Đầu mối phối hợp trao đổi thông tin:",
                           value_markup=contact_markup(r.contact, r.contact_phone),
                           bold_label=True))
    story.append(recipients_and_signature(
        r.recipients or list(DEFAULT_RECIPIENTS),
        signer_block(r.signer_capacity or "LÃNH ĐẠO ĐƠN VỊ", r.signer_name, r.signer_title,
                     SIGN_HINT_UNIT),
        width, carry=[story.pop()]))
    return story


__all__ = ["LATE_LABEL", "ON_TIME", "SUBTITLE", "TITLE", "render_appendix4"]
