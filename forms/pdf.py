"""Page machinery shared by every printed form (Appendices I–V of Decision 888/QĐ-TCHQ).

Owns: the embedded Liberation Serif fonts, the paragraph styles, the text clean-up every
string goes through before reportlab sees it (NFC normalisation, markup
escaping), the two-column national header of Vietnamese administrative
documents, signature blocks, the bordered table used by the forms, the
"Trang x/y" footer, and building a story into PDF bytes or a file.

A new form (a fax, a proposal, a report) is a module that builds a list of
flowables with these helpers and hands it to `build_pdf`:

    story = [*national_header(agency, desk, place, day, setup.content_width),
             title("ĐIỆN FAX"), para("…"), signature_blocks([...], setup.content_width)]
    write_pdf(build_pdf(story, setup), target)

Imports no Qt and nothing from the application: the core fills the print model
(`app.documents.papers`) and the renderers only lay it out.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, BinaryIO, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.papers import Para
from forms import decree30 as d30

_log = logging.getLogger("customs.forms")

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"

# Registered font names: Liberation Serif, metric-compatible with the Times New
# Roman face Decree 30/2020 sets for official papers, carrying every Vietnamese
# precomposed letter (ư ơ ă â đ ê ô with all five tone marks); embedded in every
# PDF. The names CONDENSED* stay for the table cells and use the same face (Times
# is narrow enough for the log's columns).
SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"
CONDENSED = SERIF
CONDENSED_BOLD = SERIF_BOLD
CONDENSED_ITALIC = SERIF_ITALIC

# Registered name → file in FONT_DIR.
FONT_FILES: dict[str, str] = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập – Tự do – Hạnh phúc"
SIGN_HINT = "(Ký, ghi rõ họ tên)"

GREY = colors.Color(0.42, 0.42, 0.42)

_register_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the shipped TTFs with reportlab (once per process, thread-safe)."""
    global _registered
    with _register_lock:
        if _registered:
            return
        for name, filename in FONT_FILES.items():
            path = FONT_DIR / filename
            if not path.is_file():
                raise FileNotFoundError(f"font file missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
        )
        _registered = True


# --- text -----------------------------------------------------------------------------

# C0/C1 control characters other than tab and line breaks: reportlab would print
# them as missing-glyph boxes or choke on them in markup.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029")


def nfc(text: str | None) -> str:
    """The NFC form of `text` ("" for None). Text typed with a combining-mark
    keyboard (NFD) would otherwise print the marks as separate, misplaced glyphs."""
    return unicodedata.normalize("NFC", text or "")


def clean(text: str | None) -> str:
    """NFC, unified line breaks, no control characters, tabs as spaces."""
    text = _NEWLINES.sub("\n", nfc(text))
    return _CONTROL.sub("", text).replace("\t", "    ")


def markup(text: str | None) -> str:
    """`text` made safe for Paragraph markup: cleaned, `& < >` escaped, line breaks kept."""
    return escape(clean(text)).replace("\n", "<br/>")


def place_and_date(place: str, day: date) -> str:
    """ "Hà Nội, ngày 05 tháng 02 năm 2026" — day below 10 and months 1 and 2 take a
    leading zero (Decree 30/2020/NĐ-CP, Appendix I, on the date of a document)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{clean(place)}, ngày {day.day:02d} tháng {month} năm {day.year}"


# --- styles ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FormStyles:
    """The paragraph styles of the forms. Body text is in DejaVu Serif; table
    cells and the hash line in the condensed face so wide tables stay readable."""

    body: ParagraphStyle
    body_bold: ParagraphStyle
    body_italic: ParagraphStyle
    section: ParagraphStyle  # "I. Tóm tắt …"
    title: ParagraphStyle  # "NHẬT KÝ TRỰC BAN"
    subtitle: ParagraphStyle  # shift label under the title
    header_agency: ParagraphStyle
    header_desk: ParagraphStyle
    header_nation: ParagraphStyle
    header_motto: ParagraphStyle
    place_date: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_italic: ParagraphStyle
    cell_struck: ParagraphStyle
    cell_header: ParagraphStyle
    cell_centre: ParagraphStyle
    small: ParagraphStyle
    small_italic: ParagraphStyle
    hash: ParagraphStyle
    signature_title: ParagraphStyle
    signature_hint: ParagraphStyle
    signature_name: ParagraphStyle
    signature_note: ParagraphStyle
    footer_font: str = SERIF_ITALIC
    footer_size: float = 7.5


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base = {
        "fontName": SERIF,
        "fontSize": 11,
        "leading": 14,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@lru_cache(maxsize=1)
def styles() -> FormStyles:
    """The shared styles (registers the fonts on first use). Do not mutate them;
    derive a new one with `ParagraphStyle(name, parent=styles().body, …)`."""
    register_fonts()
    cell = dict(fontName=CONDENSED, fontSize=9.5, leading=11.5, spaceAfter=2)
    body = dict(fontSize=d30.BODY_SIZE, leading=d30.BODY_SIZE * 1.25)
    return FormStyles(
        body=_style("body", alignment=TA_JUSTIFY, spaceAfter=3, **body),
        body_bold=_style("body_bold", fontName=SERIF_BOLD, spaceAfter=3, **body),
        body_italic=_style("body_italic", fontName=SERIF_ITALIC, spaceAfter=3, **body),
        section=_style("section", fontName=SERIF_BOLD, spaceBefore=8, spaceAfter=4,
                       keepWithNext=1, **body),
        title=_style("title", fontName=SERIF_BOLD, fontSize=d30.TITLE_SIZE,
                     leading=d30.TITLE_SIZE * 1.3, alignment=TA_CENTER,
                     spaceBefore=10, spaceAfter=3, keepWithNext=1),
        subtitle=_style("subtitle", fontName=SERIF_ITALIC, fontSize=10.5, leading=13.5,
                        alignment=TA_CENTER, spaceAfter=2, keepWithNext=1),
        header_agency=_style("header_agency", fontSize=d30.AGENCY_PARENT_SIZE,
                             leading=d30.AGENCY_PARENT_SIZE * 1.2, alignment=TA_CENTER),
        header_desk=_style("header_desk", fontName=SERIF_BOLD, fontSize=d30.AGENCY_SIZE,
                           leading=d30.AGENCY_SIZE * 1.2, alignment=TA_CENTER),
        header_nation=_style("header_nation", fontName=SERIF_BOLD, fontSize=d30.NATION_SIZE,
                             leading=d30.NATION_SIZE * 1.2, alignment=TA_CENTER),
        header_motto=_style("header_motto", fontName=SERIF_BOLD, fontSize=d30.MOTTO_SIZE,
                            leading=d30.MOTTO_SIZE * 1.2, alignment=TA_CENTER),
        place_date=_style("place_date", fontName=SERIF_ITALIC, fontSize=d30.PLACE_DATE_SIZE,
                          leading=d30.PLACE_DATE_SIZE * 1.2, alignment=TA_CENTER),
        cell=_style("cell", **cell),
        cell_bold=_style("cell_bold", **{**cell, "fontName": CONDENSED_BOLD}),
        cell_italic=_style("cell_italic", **{**cell, "fontName": CONDENSED_ITALIC}),
        cell_struck=_style("cell_struck", **{**cell, "textColor": GREY}),
        cell_header=_style("cell_header", **{**cell, "fontName": CONDENSED_BOLD,
                                            "alignment": TA_CENTER, "spaceAfter": 0}),
        cell_centre=_style("cell_centre", **{**cell, "alignment": TA_CENTER}),
        small=_style("small", fontSize=8.5, leading=11),
        small_italic=_style("small_italic", fontName=SERIF_ITALIC, fontSize=8.5, leading=11),
        hash=_style("hash", fontName=CONDENSED, fontSize=8.5, leading=11),
        signature_title=_style("signature_title", fontName=SERIF_BOLD, fontSize=d30.SIGNER_SIZE,
                               leading=d30.SIGNER_SIZE * 1.2, alignment=TA_CENTER),
        signature_hint=_style("signature_hint", fontName=SERIF_ITALIC, fontSize=11,
                              leading=13.5, alignment=TA_CENTER),
        signature_name=_style("signature_name", fontName=SERIF_BOLD, fontSize=d30.SIGNER_SIZE,
                              leading=d30.SIGNER_SIZE * 1.2, alignment=TA_CENTER),
        signature_note=_style("signature_note", fontName=SERIF_ITALIC, fontSize=11,
                              leading=13.5, alignment=TA_CENTER),
    )


def printed_line(printed_by: str | None, printed_at: str | None) -> str:
    """ "In bởi Nguyễn Văn A lúc 09:00 27/11/2026"; without a person (a command-line
    print) only the time: paper names no program."""
    by, at = clean(printed_by).strip(), clean(printed_at).strip()
    return (f"In bởi {by}" if by else "In") + (f" lúc {at}" if at else "")


def para(text: str | None, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain `text` (cleaned and escaped; line breaks kept)."""
    return Paragraph(markup(text), style)


def rich(markup_text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of markup the caller built from `markup()`-escaped parts."""
    return Paragraph(nfc(markup_text), style)


def cell_paragraphs(paras: Iterable[Para], empty: str = "") -> list[Flowable]:
    """The flowables of one table cell. "struck" paragraphs (the superseded text of a
    corrected entry) stay legible but grey and struck through."""
    st = styles()
    out: list[Flowable] = []
    for p in paras:
        if p.style == "struck":
            out.append(Paragraph(f"<strike>{markup(p.text)}</strike>", st.cell_struck))
        elif p.style == "bold":
            out.append(para(p.text, st.cell_bold))
        elif p.style == "italic":
            out.append(para(p.text, st.cell_italic))
        else:
            if p.style != "normal":
                _log.warning("unknown paragraph style %r printed as normal", p.style)
            out.append(para(p.text, st.cell))
    if not out and empty:
        out.append(para(empty, st.cell))
    return out


# Plain-string cells (the empty ones included) are drawn in the table's cell font,
# which defaults to Helvetica: a font that would not be embedded.
_EMBEDDED_CELL_FONT = [("FONTNAME", (0, 0), (-1, -1), SERIF)]


# --- flowables ------------------------------------------------------------------------


class CentredRule(Flowable):
    """A horizontal rule of a fixed length, centred in the available width
    (the short lines under the desk name and under the motto)."""

    def __init__(self, length: float, thickness: float = 0.6, space: float = 2.0) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space
        self._avail = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail = availWidth
        return availWidth, self.thickness + 2 * self.space

    def draw(self) -> None:
        length = min(self.length, self._avail)
        x = (self._avail - length) / 2
        y = self.space + self.thickness / 2
        self.canv.saveState()
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, y, x + length, y)
        self.canv.restoreState()


# Word groups an agency's name is never broken inside ("CHI CỤC HẢI QUAN KHU VỰC /
# VII", "CỬA KHẨU QUỐC / TẾ HỮU NGHỊ" are wrong), and a Roman numeral keeps to the
# word before it.
_KEEP_TOGETHER = ("CHI CỤC", "HẢI QUAN", "KHU VỰC", "CỬA KHẨU", "QUỐC TẾ", "BUÔN LẬU",
                  "ĐIỀU TRA", "THÀNH PHỐ", "GIÁM SÁT", "TRỰC TUYẾN", "TRỰC BAN")
_ROMAN = re.compile(r"^[IVXLC]+$")
# Where a name is best cut: before the word that starts its next part.
_CUT_BEFORE = frozenset({"KHU", "CỬA", "CẢNG", "THÀNH", "TỈNH", "CHỐNG", "QUỐC", "GIÁM",
                         "KIỂM", "TRỰC", "ĐỘI"})
NBSP = "\u00a0"


def name_lines(name: str, font: str, size: float, width: float) -> list[str]:
    """An agency's name as header lines: as few lines as fit `width`, cut at the
    word boundaries that balance them best, never inside a word group of
    `_KEEP_TOGETHER` nor before a Roman numeral. Each line's spaces are
    non-breaking, so reportlab keeps the cuts chosen here."""
    text = " ".join(clean(name).split())
    if not text:
        return []
    words = text.split(" ")
    allowed = [i for i in range(1, len(words))
               if f"{words[i - 1]} {words[i]}".upper() not in _KEEP_TOGETHER
               and not _ROMAN.match(words[i])]

    def w(a: int, b: int) -> float:
        return pdfmetrics.stringWidth(" ".join(words[a:b]), font, size)

    preferred = [i for i in allowed if words[i].upper() in _CUT_BEFORE]
    for candidates in ((preferred, allowed) if preferred else (allowed,)):
        cuts = _balanced_cuts(words, candidates, w, width)
        if cuts is not None:
            break
    else:
        cuts = _balanced_cuts(words, allowed, w, float("inf")) or [0, len(words)]
    return [" ".join(words[a:b]).replace(" ", NBSP) for a, b in zip(cuts, cuts[1:], strict=False)]


def _balanced_cuts(words: list[str], allowed: list[int], w: Callable[[int, int], float],
                   width: float) -> list[int] | None:
    """The fewest lines (at most 4) cut at `allowed` positions whose widest line fits
    `width`, the widest made as narrow as can be; None if none fits (with an
    infinite width: the best two-line-or-fewer cut)."""
    bounds = [0, *allowed, len(words)]
    cost: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def solve(start: int, left: int) -> tuple[float, list[int]]:
        """(widest line, cuts) for words[start:] in `left` lines."""
        key = (start, left)
        if key not in cost:
            if left == 1:
                cost[key] = (w(start, len(words)), [start, len(words)])
            else:
                options = [(max(w(start, c), solve(c, left - 1)[0]), c)
                           for c in bounds[1:-1] if c > start]
                if not options:
                    cost[key] = (float("inf"), [])
                else:
                    top, c = min(options)
                    cost[key] = (top, [start, *solve(c, left - 1)[1]])
        return cost[key]

    for lines in range(1, min(len(bounds) - 1, 4) + 1):
        top, cuts = solve(0, lines)
        if cuts and top <= width:
            return cuts
    return None


def name_paragraphs(name: str, style: ParagraphStyle, width: float) -> list[Paragraph]:
    return [para(line, style) for line in name_lines(name, style.fontName, style.fontSize,
                                                     width)]


def national_header(
    agency: str, desk_name: str, place: str, day: date, width: float
) -> list[Flowable]:
    """The header of a Vietnamese administrative document: on the left the parent
    agency (upper case) and the issuing desk (bold, short rule under it); on the
    right the national title and motto (bold, rule under the motto), and under
    them the italic "Place, ngày … tháng … năm …"."""
    st = styles()
    nation_w = pdfmetrics.stringWidth(NATION, st.header_nation.fontName,
                                      st.header_nation.fontSize)
    motto_w = pdfmetrics.stringWidth(MOTTO, st.header_motto.fontName, st.header_motto.fontSize)
    right_w = min(max(nation_w, motto_w) + 10, width * 0.62)
    # On a wide (landscape) page the agency block keeps to the left instead of
    # centring itself in all the room the national title leaves.
    left_w = min(width - right_w, max(right_w, width * 0.4))
    gap_w = width - right_w - left_w
    desk = clean(desk_name).upper()
    desk_w = pdfmetrics.stringWidth(desk, st.header_desk.fontName, st.header_desk.fontSize)
    left: list[Flowable] = []
    inner = left_w - 10
    if clean(agency).strip():
        left.extend(name_paragraphs(clean(agency).upper(), st.header_agency, inner))
    left.extend(name_paragraphs(desk, st.header_desk, inner))
    left.append(CentredRule(max(min(desk_w, left_w - 16) * 0.45, 40)))
    right: list[Flowable] = [
        para(NATION, st.header_nation),
        para(MOTTO, st.header_motto),
        CentredRule(motto_w),
    ]
    table = Table(
        [[left, "", right], ["", "", para(place_and_date(place, day), st.place_date)]],
        colWidths=[left_w, gap_w, right_w],
        hAlign="CENTER",
    )
    table.setStyle(TableStyle([
        *_EMBEDDED_CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 8),  # keeps a wrapped agency name off the title
        ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    return [table]


def title(text: str) -> Paragraph:
    """The bold centred title of a form ("NHẬT KÝ TRỰC BAN")."""
    return para(text, styles().title)


def shift_document_head(p: Any, title_text: str, width: float) -> list[Flowable]:
    """The opening of a shift's document (duty log, handover report): national
    header, title, shift period and the department on duty. `p` has agency,
    desk_name, place, printed_on, shift_label and duty_unit."""
    st = styles()
    story: list[Flowable] = [
        *national_header(p.agency, p.desk_name, p.place, p.printed_on, width),
        title(title_text),
    ]
    if clean(p.shift_label).strip():
        story.append(para(p.shift_label, st.subtitle))
    if clean(p.duty_unit).strip():
        story.append(rich(f"Đơn vị trực: <b>{markup(p.duty_unit)}</b>",
                          ParagraphStyle("duty_unit", parent=st.subtitle)))
    return story


def members_block(members: Sequence[tuple[str, str]], heading: str = "Thành phần ca trực:",
                  style: ParagraphStyle | None = None) -> list[Flowable]:
    """ "Thành phần ca trực:" then one line per member, "– Role: Name" (name bold)."""
    st = styles()
    style = style or st.body
    lead = ParagraphStyle("members_line", parent=style, leftIndent=14, spaceAfter=0,
                          alignment=TA_LEFT)
    out: list[Flowable] = [para(heading, ParagraphStyle("members_heading", parent=st.body_bold,
                                                        fontSize=style.fontSize,
                                                        leading=style.leading, spaceAfter=1,
                                                        keepWithNext=1))]
    if not members:
        out.append(para("(chưa phân công)", ParagraphStyle("members_none", parent=lead,
                                                           fontName=SERIF_ITALIC)))
    for role, name in members:
        out.append(rich(f"– {markup(role)}: <b>{markup(name)}</b>", lead))
    return out


@dataclass
class SignatureBlock:
    """One signature column: the signer's capacity (bold, upper case), the hint to
    sign, room for the signature, then the name and any notes (time signed…)."""

    capacity: str
    name: str = ""
    hint: str = SIGN_HINT
    notes: list[str] = field(default_factory=list)


def signature_blocks(blocks: Sequence[SignatureBlock], width: float,
                     sign_space: float = 62) -> Table:
    """The signature blocks side by side, never split over two pages."""
    st = styles()
    row: list[list[Flowable]] = []
    for block in blocks:
        cell: list[Flowable] = [para(clean(block.capacity).upper(), st.signature_title)]
        if block.hint:
            cell.append(para(block.hint, st.signature_hint))
        cell.append(Spacer(1, sign_space))
        if block.name:
            cell.append(para(block.name, st.signature_name))
        cell.extend(para(n, st.signature_note) for n in block.notes if n)
        row.append(cell)
    n = max(len(blocks), 1)
    table = Table([row], colWidths=[width / n] * n, hAlign="CENTER")
    table.setStyle(TableStyle([
        *_EMBEDDED_CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


class _GridTable(Table):
    """A Table whose preferred minimum piece of a cut row (`splitInRow`, in points)
    never makes a row unprintable: reportlab refuses a cut that leaves less than
    the minimum on either side, and a lone row slightly taller than a page would
    then raise LayoutError. With room for the minimum on this page, the row is
    cut at any height."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        preferred = self.splitInRow
        if parts or preferred <= 1 or availHeight < preferred:
            return parts
        self.splitInRow = 1
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = preferred
        for part in parts:
            if isinstance(part, Table):
                part.splitInRow = preferred
        return parts


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | list[Flowable] | str]],
    col_widths: Sequence[float],
    *,
    extra_style: Sequence[tuple[Any, ...]] = (),
    min_split_height: float = 36,
    with_header: bool = True,
) -> Table:
    """A bordered table with a bold header row repeated on every page (without it:
    the continuation of a table above, as its last rows kept with what follows).

    The row that reaches the foot of a page is cut inside itself (cells hold
    Paragraphs or lists of flowables, which reportlab can cut), so a row taller
    than a page prints and the page is filled. Splitting between rows first
    would place the rest of the table, header and all, in the space left on the
    same page. Where less than `min_split_height` is left, the row moves whole
    to the next page."""
    st = styles()
    data: list[list[Any]] = [[para(h, st.cell_header) for h in header]] if with_header else []
    data.extend([list(r) for r in rows])
    table = _GridTable(
        data,
        colWidths=list(col_widths),
        repeatRows=1 if with_header else 0,
        splitByRow=0,
        splitInRow=min_split_height,
        hAlign="CENTER",
    )
    table.setStyle(TableStyle([
        *_EMBEDDED_CELL_FONT,
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE" if with_header else "TOP"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra_style,
    ]))
    return table


# --- pages and building ---------------------------------------------------------------


@dataclass(frozen=True)
class PageSetup:
    """Paper, margins (points) and document information of one printed form."""

    size: tuple[float, float] = A4
    left: float = d30.MARGIN_LEFT
    right: float = d30.MARGIN_RIGHT
    top: float = d30.MARGIN_TOP
    bottom: float = d30.MARGIN_BOTTOM
    title: str = ""
    subject: str = ""
    author: str = ""
    footer_note: str = ""  # printed small on the left of every page's footer
    # printed at the foot of every page, above the note: text lines and a QR code of
    # `page_qr` at the right (the duty log's signed chain head, app/anchor)
    page_mark: tuple[str, ...] = ()
    page_qr: str = ""

    @classmethod
    def portrait(cls, **kw: Any) -> PageSetup:
        return cls(size=A4, **kw)

    @classmethod
    def landscape(cls, **kw: Any) -> PageSetup:
        # a wide table (the duty log): the decree's margins turned with the page
        margins = dict(left=d30.MARGIN_TOP, right=d30.MARGIN_BOTTOM, top=d30.MARGIN_RIGHT,
                       bottom=d30.MARGIN_LEFT / 2)
        margins.update(kw)
        return cls(size=landscape(A4), **margins)

    @property
    def content_width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def content_height(self) -> float:
        return self.size[1] - self.top - self.bottom


class _NumberedCanvas(Canvas):
    """Holds every page until the end: the page number at the top centre from the
    second page on (Decree 30/2020), the identifying note small at the foot."""

    def __init__(self, *args: Any, setup: PageSetup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._setup = setup
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_page_marks(number, total)
            super().showPage()
        super().save()

    def _draw_page_marks(self, number: int, total: int) -> None:
        st = styles()
        setup = self._setup
        self.saveState()
        self.setFillColor(colors.black)
        if number >= d30.PAGE_NUMBER_FROM:
            self.setFont(SERIF, d30.PAGE_NUMBER_SIZE)
            self.drawCentredString(setup.left + setup.content_width / 2,
                                   setup.size[1] - setup.top / 2 - d30.PAGE_NUMBER_SIZE / 3,
                                   str(number))
        self._draw_mark(setup)
        note = clean(setup.footer_note).replace("\n", " ")
        if note and total > 1:
            room = setup.content_width
            self.setFont(st.footer_font, st.footer_size)
            while len(note) > 1 and pdfmetrics.stringWidth(
                    note, st.footer_font, st.footer_size) > room:
                note = note[:-2] + "…"
            self.drawString(setup.left, setup.bottom / 2, note)
        self.restoreState()


    def _draw_mark(self, setup: PageSetup) -> None:
        """The page mark: its lines at the foot on the left, the QR code at the right."""
        qr_room = 0.0
        if setup.page_qr:
            qr_room = QR_SIZE + 6
            draw_qr(self, setup.page_qr, setup.size[0] - setup.right - QR_SIZE,
                    setup.bottom - QR_SIZE - 4, QR_SIZE)
        size = 6.5
        y = setup.bottom - 12
        for line in setup.page_mark:
            text = clean(line).replace("\n", " ")
            self.setFont(SERIF, size)
            while len(text) > 1 and pdfmetrics.stringWidth(
                    text, SERIF, size) > setup.content_width - qr_room:
                size -= 0.25
                if size < 4.5:
                    text = text[:-2] + "…"
                    size = 4.5
                self.setFont(SERIF, size)
            self.drawString(setup.left, y, text)
            y -= size + 2.5


#: the side of the page mark's QR code (points)
QR_SIZE = 24 * 2.8346


def draw_qr(canvas: Canvas, data: str, x: float, y: float, side: float) -> None:
    """A QR code of `data` (segno, error correction M) as filled rectangles, `side`
    points square with its quiet zone, lower left corner at (x, y)."""
    import segno  # noqa: PLC0415 - only the papers that carry one need it

    rows = [list(r) for r in segno.make(data, error="m", micro=False).matrix_iter(border=2)]
    module = side / len(rows)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, side, side, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    for i, row in enumerate(rows):
        top = y + side - (i + 1) * module
        j = 0
        while j < len(row):
            if row[j]:
                start = j
                while j < len(row) and row[j]:
                    j += 1
                canvas.rect(x + start * module, top, (j - start) * module, module,
                            stroke=0, fill=1)
            else:
                j += 1
    canvas.restoreState()


def build_pdf(story: list[Flowable], setup: PageSetup) -> bytes:
    """Lay out `story` on pages of `setup` and return the PDF bytes. The story is
    consumed (reportlab splits its flowables); build a new one for each call."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=setup.size,
        leftMargin=setup.left,
        rightMargin=setup.right,
        topMargin=setup.top,
        bottomMargin=setup.bottom,
        title=clean(setup.title),
        subject=clean(setup.subject),
        author=clean(setup.author),
        creator="customs-dutyroom",
        # The page preamble otherwise selects Helvetica, which would be the one
        # font of the file that is not embedded.
        initialFontName=SERIF,
        lang="vi",
    )
    frame = Frame(setup.left, setup.bottom, setup.content_width, setup.content_height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], pagesize=setup.size)])
    doc.build(story, canvasmaker=partial(_NumberedCanvas, setup=setup))
    return buffer.getvalue()


def write_pdf(data: bytes, target: Path | str | BinaryIO) -> None:
    """Write finished PDF bytes to a path or a binary stream. The bytes are built
    in memory first, so a failed render never leaves half a file behind."""
    if isinstance(target, str | Path):
        Path(target).write_bytes(data)
    else:
        target.write(data)


T = TypeVar("T")


def render_to_bytes(render: Callable[[T, BinaryIO], None], printout: T) -> bytes:
    """Run a form renderer (`render_duty_log`, `render_handover`, …) into memory."""
    buffer = io.BytesIO()
    render(printout, buffer)
    return buffer.getvalue()


__all__ = [
    "CONDENSED",
    "CONDENSED_BOLD",
    "CONDENSED_ITALIC",
    "FONT_DIR",
    "FONT_FILES",
    "MOTTO",
    "NATION",
    "SERIF",
    "SERIF_BOLD",
    "SERIF_BOLD_ITALIC",
    "SERIF_ITALIC",
    "SIGN_HINT",
    "CentredRule",
    "FormStyles",
    "PageSetup",
    "SignatureBlock",
    "build_pdf",
    "cell_paragraphs",
    "clean",
    "grid_table",
    "markup",
    "members_block",
    "national_header",
    "nfc",
    "para",
    "place_and_date",
    "register_fonts",
    "render_to_bytes",
    "rich",
    "signature_blocks",
    "styles",
    "title",
    "write_pdf",
]
