"""Appendix III of Decision 888/QĐ-TCHQ: the shift leader's proposal to the Director
General to intervene in the procedure — stop clearance, stop passing the gate,
pursuit… (Art. 8 §2.3 c.3) — with the block for the Director's opinion, A4 portrait."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.documents.papers import DirectorOpinion, Proposal
from forms.appendix2 import (
    BLANK,
    body_style,
    dash_line,
    fax_time,
    multiline,
    numbered_header,
    numbered_line,
    or_blank,
    portrait_setup,
    recipients_and_signature,
    signer_block,
)
from forms.pdf import SERIF, build_pdf, clean, markup, para, styles, title, write_pdf

TITLE = "ĐỀ XUẤT XỬ LÝ THÔNG TIN PHÁT SINH"
SECTION_FACTS = "1. Nội dung thông tin phát sinh"
SECTION_PROPOSAL = "2. Đề xuất"
OPINION_HEADING = "Ý kiến của lãnh đạo Tổng cục"
OPINION_HINT = "(Tổng cục trưởng hoặc người được ủy quyền)"
DEFAULT_BASIS = (
    "Thực hiện quy chế làm việc Tổng cục Hải quan ban hành tại quyết định số "
    "3333/QĐ-TCHQ ngày 06/10/2016 của Tổng cục trưởng Tổng cục Hải quan. Trực ban "
    "cơ quan Tổng cục Hải quan báo cáo, đề xuất xử lý thông tin phát sinh sau:"
)
DEFAULT_RECIPIENTS = ("Tổng cục trưởng;", "Lưu: Trực ban.")
SIGN_HINT_DESK = "(Lãnh đạo Cục thực hiện trực ban\nký, ghi rõ họ tên, chức vụ)"
PHONE_NOTE = "Ý kiến chỉ đạo qua điện thoại, {who} ghi nhận."


def render_appendix3(proposal: Proposal, target: Path | str | BinaryIO) -> None:
    """Print the proposal to the Director (Appendix III) to a path or a binary stream."""
    label = clean(proposal.number).strip() or f"{proposal.day:%d/%m/%Y}"
    setup = portrait_setup(f"{TITLE} – {label}",
                           "Phụ lục III – Quyết định 888/QĐ-TCHQ", proposal.signer_name,
                           f"Đề xuất xử lý thông tin phát sinh – {proposal.day:%d/%m/%Y}")
    write_pdf(build_pdf(_story(proposal, setup.content_width), setup), target)


def _section(text: str) -> Flowable:
    return para(text, ParagraphStyle("appx_section", parent=styles().section))


def _story(p: Proposal, width: float) -> list[Flowable]:
    story = numbered_header(p.agency, p.desk_name, p.number, p.place, p.day, width)
    story.append(Spacer(1, 6))
    story.append(title(TITLE))
    story.append(Spacer(1, 6))
    story.append(para(clean(p.basis).strip() or DEFAULT_BASIS,
                      body_style("appx_basis", firstLineIndent=28)))

    story.append(_section(SECTION_FACTS))
    story.append(dash_line("Thời gian phát sinh, tiếp nhận thông tin:", p.occurred_at))
    story.append(dash_line("Địa điểm/địa bàn xảy ra:", p.location))
    story.append(dash_line("Đơn vị/cá nhân có liên quan:", value_markup=multiline(p.parties)))
    story.append(dash_line("Nội dung vụ việc:", value_markup=multiline(p.facts)))

    story.append(_section(SECTION_PROPOSAL))
    story.append(dash_line("Phân tích, nhận định:", value_markup=multiline(p.analysis)))
    # the proposal itself on its line, then the measures it asks for, each marked
    # once ("1) …"), under it
    note = clean(p.proposal_note).strip()
    story.append(dash_line("Nội dung đề xuất xử lý:",
                           value_markup=multiline(note) if note
                           else ("" if p.measures else markup(BLANK))))
    for number, m in enumerate(p.measures, start=1):
        kind = f"<b>{markup(clean(m.kind).strip() or BLANK)}</b>"
        detail = clean(m.detail).strip()
        story.append(numbered_line(f"{number})", kind + (f": {markup(detail)}"
                                                         if detail else "")))
    story.append(para(f"Kính trình {clean(p.head_title).strip()} xem xét, cho ý kiến chỉ "
                      "đạo./.", body_style("appx_submit", firstLineIndent=28)))

    story.append(recipients_and_signature(
        p.recipients or list(DEFAULT_RECIPIENTS),
        signer_block(p.signer_capacity, p.signer_name, p.signer_title, SIGN_HINT_DESK),
        width, sign_space=50, carry=[story.pop()]))
    story.append(Spacer(1, 6))
    story.append(_opinion_block(p.opinion, width, p.leadership, p.head_title))
    return story


def _opinion_block(o: DirectorOpinion, width: float, leadership: str = "lãnh đạo Tổng cục",
                   head_title: str = "Tổng cục trưởng") -> Flowable:
    """The framed block the Director (or the deputy authorised) writes in: the
    opinion, when and how it was given, the name. A phone opinion says who
    recorded it. Blank, it leaves dotted lines to be written by hand."""
    st = styles()
    head = ParagraphStyle("op_head", parent=st.body_bold, fontSize=12, leading=15,
                          alignment=TA_CENTER, spaceAfter=0)
    hint = ParagraphStyle("op_hint", parent=st.body_italic, fontSize=10.5, leading=13,
                          alignment=TA_CENTER, spaceAfter=6)
    text_style = body_style("op_text", firstLineIndent=0)
    inner: list[Flowable] = [para(f"Ý kiến của {clean(leadership).strip()}", head),
                             para(f"({clean(head_title).strip()} hoặc người được ủy quyền)",
                                  hint)]
    text = clean(o.text).strip()
    if text:
        inner.append(para(text, text_style))
    else:
        dots = "." * 120
        inner.extend(para(dots, ParagraphStyle("op_dots", parent=text_style,
                                               fontSize=10, leading=18, alignment=0,
                                               splitLongWords=0)) for _ in range(4))
    meta = ParagraphStyle("op_meta", parent=st.body_italic, fontSize=10.5, leading=13.5)
    notes: list[Flowable] = []
    if o.given_at is not None:
        notes.append(para(f"Thời gian cho ý kiến: {fax_time(o.given_at)}", meta))
    if o.by_phone:
        who = clean(o.recorded_by).strip() or "trực ban"
        notes.append(para(PHONE_NOTE.format(who=who), meta))
    # The signer sits beside the notes; a phone opinion is not signed, so the
    # name follows the title closely.
    signer: list[Flowable] = []
    if clean(o.title).strip():
        signer.append(para(clean(o.title).strip().upper(), st.signature_title))
    signer.append(Spacer(1, 6 if o.by_phone else 44))
    signer.append(para(or_blank(o.name), st.signature_name))
    inner_w = width - 16
    sign_row = Table([[notes or "", signer]], colWidths=[inner_w * 0.55, inner_w * 0.45])
    sign_row.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    inner.append(sign_row)
    long = len(text) > 1500  # a very long opinion may run over the page
    box = Table([[inner]], colWidths=[width], splitInRow=1 if long else 0)
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return box if long else KeepTogether([box])


__all__ = ["OPINION_HEADING", "TITLE", "render_appendix3"]
