"""The shift handover report ("BIÊN BẢN BÀN GIAO CA TRỰC"), A4 portrait: the
summary of the shift, the items handed over to the next shift, the hash-chain
head that seals the duty log, and the two shift leaders' signatures."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.papers import HandoverPrintout, OpenItemLine
from forms.pdf import (
    PageSetup,
    SignatureBlock,
    build_pdf,
    clean,
    grid_table,
    markup,
    members_block,
    para,
    printed_line,
    rich,
    shift_document_head,
    signature_blocks,
    styles,
    write_pdf,
)

TITLE = "BIÊN BẢN BÀN GIAO CA TRỰC"
SECTION_SUMMARY = "I. Tóm tắt tình hình ca trực"
SECTION_OPEN_ITEMS = "II. Các việc đang theo dõi, chuyển ca sau"
SECTION_INTEGRITY = "III. Xác nhận toàn vẹn nhật ký"
OPEN_ITEM_COLUMNS = ("STT", "Loại", "Nội dung", "Chi tiết", "Từ lúc")
_WEIGHTS = (28, 82, 150, 140, 67)

SOURCE_LABELS = {
    "incident": "Vụ việc",
    "notice": "Thông báo",
    "camera_outage": "Camera mất tín hiệu",
    "ptz_position": "Camera lệch vị trí",
    "focus_case": "Hồ sơ trọng điểm",
}


def source_label(code: str) -> str:
    """The Vietnamese label of an open item's source code (the code itself if unknown)."""
    return SOURCE_LABELS.get(code, code)


def render_handover(printout: HandoverPrintout, target: Path | str | BinaryIO) -> None:
    """Print the handover report of one shift as a PDF to a path or a binary stream."""
    setup = PageSetup.portrait(
        title=f"{TITLE} – {clean(printout.shift_label)}",
        subject="Bàn giao ca trực",
        author=printout.printed_by,
        footer_note=f"Biên bản bàn giao ca trực – {clean(printout.shift_label)}",
    )
    write_pdf(build_pdf(_story(printout, setup), setup), target)


def _story(p: HandoverPrintout, setup: PageSetup) -> list[Flowable]:
    st = styles()
    width = setup.content_width
    story = shift_document_head(p, TITLE, width)
    story.append(Spacer(1, 8))
    story.extend(members_block(p.members))

    story.append(para(SECTION_SUMMARY, st.section))
    summary = clean(p.summary).strip()
    if summary:
        story.extend(para(block, st.body) for block in summary.split("\n\n"))
    else:
        story.append(para("Không có nội dung.", st.body_italic))

    story.append(para(SECTION_OPEN_ITEMS, st.section))
    if p.open_items:
        story.append(_open_items_table(p.open_items, width))
    else:
        story.append(para("Không có.", st.body))

    story.append(para(SECTION_INTEGRITY, st.section))
    story.append(para("Nhật ký trực ban của ca được niêm phong bằng chuỗi mã băm; "
                      "mắt xích cuối cùng tại thời điểm bàn giao:", st.body))
    story.append(rich(f"Số thứ tự mắt xích: <b>#{p.chain_seq}</b>", st.body))
    story.append(rich(f"Mã băm cuối chuỗi nhật ký: {markup(p.chain_hash)}", st.hash))
    signature = clean(p.signature).strip()
    story.append(rich(
        f"Mã băm chữ ký biên bản: {markup(signature)}" if signature
        else "Mã băm chữ ký biên bản: <i>(chưa ký)</i>",
        st.hash,
    ))
    story.append(Spacer(1, 4))
    story.append(rich(f"Trạng thái biên bản: <b>{markup(p.status)}</b>", st.body))

    closing: list[Flowable] = []
    if clean(p.printed_by).strip() or clean(p.printed_at).strip():
        closing.append(para(printed_line(p.printed_by, p.printed_at), st.small_italic))
    closing.append(Spacer(1, 10))
    closing.append(signature_blocks(
        [
            SignatureBlock(
                "LÃNH ĐẠO CA TRỰC BÀN GIAO",
                name=p.signed_by,
                notes=[f"Ký lúc {clean(p.signed_at)}"] if clean(p.signed_at).strip() else [],
            ),
            SignatureBlock(
                "LÃNH ĐẠO CA TRỰC TIẾP NHẬN",
                name=p.acknowledged_by,
                notes=([f"Tiếp nhận lúc {clean(p.acknowledged_at)}"]
                       if clean(p.acknowledged_at).strip() else []),
            ),
        ],
        width,
    ))
    story.append(KeepTogether(closing))
    return story


def _open_items_table(items: list[OpenItemLine], width: float) -> Flowable:
    st = styles()
    scale = width / sum(_WEIGHTS)
    rows = [
        [
            para(f"{number:02d}", st.cell_centre),
            para(source_label(item.source), st.cell),
            para(item.title, st.cell),
            para(item.detail, st.cell),
            para(item.since, st.cell_centre),
        ]
        for number, item in enumerate(items, start=1)
    ]
    return grid_table(OPEN_ITEM_COLUMNS, rows, [w * scale for w in _WEIGHTS])
