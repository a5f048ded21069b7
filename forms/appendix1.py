"""Appendix I of Decision 888/QĐ-TCHQ: the duty log ("NHẬT KÝ TRỰC BAN") of one shift,
printed on A4 landscape with the appendix's eight columns."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.papers import DutyLogPrintout, LogRow
from forms.pdf import (
    PageSetup,
    SignatureBlock,
    build_pdf,
    cell_paragraphs,
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

TITLE = "NHẬT KÝ TRỰC BAN"
COLUMNS = (
    "STT",
    "Ngày",
    "Thành phần trực ban",
    "Nội dung thực hiện",
    "Vụ việc phát sinh",
    "Nội dung chỉ đạo",
    "Kết quả thực hiện",
    "Ghi chú",
)
# Relative widths: the four narrative columns get the room.
_WEIGHTS = (26, 54, 96, 124, 124, 124, 124, 70)
EMPTY_LOG = "Không có nội dung ghi nhật ký trong ca."


def render_duty_log(printout: DutyLogPrintout, target: Path | str | BinaryIO) -> None:
    """Print the duty log of one shift as a PDF to a path or a binary stream."""
    setup = PageSetup.landscape(
        title=f"{TITLE} – {clean(printout.shift_label)}",
        subject="Phụ lục I – Quyết định 888/QĐ-TCHQ",
        author=printout.printed_by,
        footer_note=f"Nhật ký trực ban – {clean(printout.shift_label)}",
        page_mark=head_lines(printout),
        page_qr=printout.signed_head or f"{printout.desk_code}:{printout.chain_seq}:"
                                       f"{printout.chain_hash}",
        bottom=HEAD_MARGIN,
    )
    write_pdf(build_pdf(_story(printout, setup), setup), target)


#: the foot of a log page holds the signed head and its QR code
HEAD_MARGIN = 32 * mm


def head_lines(p: DutyLogPrintout) -> tuple[str, ...]:
    """The chain head as printed at the foot of every page: with its signature, the
    token that `main.py --verify-log --head` takes."""
    first = f"Mắt xích cuối #{p.chain_seq}, mã băm {p.chain_hash}"
    if not p.signed_head:
        return (first, "Chưa có chữ ký của lãnh đạo ca trực / not signed (no leader's key "
                       "unlocked)")
    return (first + f" – ký bởi / signed by {p.head_signer}", f"Chữ ký / signature: "
            f"{p.signed_head}")


def _story(p: DutyLogPrintout, setup: PageSetup) -> list[Flowable]:
    st = styles()
    width = setup.content_width
    story = shift_document_head(p, TITLE, width)
    story.append(Spacer(1, 4))
    story.extend(members_block(p.members, style=_members_style()))
    story.append(Spacer(1, 6))
    table, last_row = _tables(p.rows, width)
    story.append(table)
    story.append(KeepTogether([
        *([last_row] if last_row is not None else []),
        Spacer(1, 6),
        # the desk-wide chain number is for verifying the log, not a row number (STT)
        rich(f"Kiểm tra toàn vẹn: mắt xích cuối của chuỗi nhật ký bàn trực là mắt xích số "
             f"{p.chain_seq}, mã băm {markup(p.chain_hash)}", st.hash),
        para(printed_line(p.printed_by, p.printed_at), st.small_italic),
        Spacer(1, 8),
        signature_blocks(
            [SignatureBlock("CÔNG CHỨC GHI NHẬT KÝ", name=p.recorder_name),
             SignatureBlock("LÃNH ĐẠO CA TRỰC", name=p.leader_name)],
            width * 0.8,
        ),
    ]))
    return story


def _members_style() -> ParagraphStyle:
    return ParagraphStyle("log_members", parent=styles().body, fontSize=10, leading=12.5)


def _table(rows: list[LogRow], width: float) -> Flowable:
    st = styles()
    scale = width / sum(_WEIGHTS)
    col_widths = [w * scale for w in _WEIGHTS]
    if not rows:
        placeholder = ParagraphStyle("empty_log", parent=st.cell_italic, alignment=1)
        return grid_table(
            COLUMNS,
            [[para(EMPTY_LOG, placeholder), "", "", "", "", "", "", ""]],
            col_widths,
            extra_style=[("SPAN", (0, 1), (-1, 1))],
        )
    data = [
        [
            para(f"{row.stt:02d}", st.cell_centre),
            para(row.when, st.cell_centre),
            cell_paragraphs(row.members),
            cell_paragraphs(row.work),
            cell_paragraphs(row.incident),
            cell_paragraphs(row.directive),
            cell_paragraphs(row.result),
            cell_paragraphs(row.note),
        ]
        for row in rows
    ]
    return grid_table(COLUMNS, data, col_widths)


def _tables(rows: list[LogRow], width: float) -> tuple[Flowable, Flowable | None]:
    """The log's table and, apart, its last row: kept on a page with the signatures,
    so they never stand alone on the last page."""
    if len(rows) < 2:
        return _table(rows, width), None
    scale = width / sum(_WEIGHTS)
    head = _table(rows[:-1], width)
    tail_data = _table(rows[-1:], width)._cellvalues[1:]  # the row without the header
    tail = grid_table(COLUMNS, tail_data, [w * scale for w in _WEIGHTS], with_header=False)
    return head, tail
