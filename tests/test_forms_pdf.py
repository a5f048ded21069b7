"""The printed forms: Appendix I (duty log) and the handover report render as PDFs
whose fonts are embedded and cover every Vietnamese letter printed, whose text
extracts back as the NFC input, and whose long rows split over pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from app.documents.papers import DutyLogPrintout, HandoverPrintout, LogRow, OpenItemLine, Para
from forms.appendix1 import COLUMNS, EMPTY_LOG, render_duty_log
from forms.handover_report import render_handover, source_label
from forms.pdf import FONT_FILES, clean, markup, place_and_date, register_fonts, render_to_bytes

HASH = "3f9a0c1de2b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f8"
SIGNATURE = "9b8a7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a"

SHIP_OFF = "Phát hiện xe container biển số 15C-123.45 rời khu vực giám sát"
REQUEST = "Đề nghị Chi cục Hải quan cửa khẩu cảng Hải Phòng kiểm tra"
# Typed on a keyboard that sends combining marks: must print as the NFC letters.
NFD_REPORT = unicodedata.normalize(
    "NFD", "Đội Kiểm soát hải quan báo cáo: đã niêm phong, lưu giữ hàng hóa ở bãi ướt")
ALPHABET = ("ư ơ ă â đ ê ô Ư Ơ Ă Â Đ Ê Ô ừ ứ ử ữ ự ờ ớ ở ỡ ợ ằ ắ ẳ ẵ ặ "
            "ầ ấ ẩ ẫ ậ ề ế ể ễ ệ ồ ố ổ ỗ ộ ỷ ỹ")
SUPERSEDED = "Biển số ghi nhầm 15C-123.54"
ESCAPED = "Kiểm tra camera số 12 & 14 <cổng B>"

MEMBERS = [("Lãnh đạo ca trực", "Phạm Quốc Hưng"), ("Công chức trực ban", "Lê Thị Thu Hương"),
           ("Công chức giám sát", "Đặng Văn Lượng")]
SHIFT = "Ca trực từ 08:00 ngày 27/11/2026 đến 08:00 ngày 28/11/2026"


def log_rows() -> list[LogRow]:
    return [
        LogRow(
            stt=1, when="27/11/2026\n09:15",
            members=[Para("Lê Thị Thu Hương"), Para("Đặng Văn Lượng", "italic")],
            work=[Para("Giám sát trực tuyến khu vực cảng Hải Phòng"), Para(ESCAPED)],
            incident=[Para(SHIP_OFF, "bold"), Para(SUPERSEDED, "struck"), Para(NFD_REPORT)],
            directive=[Para("09:20 – Điện thoại", "bold"), Para(REQUEST)],
            result=[Para("Đã kiểm tra, không phát hiện vi phạm")],
            note=[Para(ALPHABET)],
        ),
        LogRow(
            stt=2, when="27/11/2026\n13:40",
            members=[Para("Phạm Quốc Hưng")],
            work=[Para("Kiểm tra tín hiệu camera toàn tuyến")],
            incident=[], directive=[], result=[], note=[],
        ),
    ]


def duty_log(rows: list[LogRow] | None = None) -> DutyLogPrintout:
    return DutyLogPrintout(
        agency="Cục Hải quan thành phố Hải Phòng", desk_name="Trực ban", place="Hải Phòng",
        printed_on=date(2026, 11, 27), shift_label=SHIFT, members=MEMBERS,
        rows=log_rows() if rows is None else rows, chain_seq=1234, chain_hash=HASH,
        printed_by="Lê Thị Thu Hương", printed_at="27/11/2026 10:00",
        duty_unit="Phòng Quản lý rủi ro",
    )


def handover(open_items: list[OpenItemLine] | None = None) -> HandoverPrintout:
    items = [
        OpenItemLine("incident", SHIP_OFF, "Chờ Chi cục báo cáo kết quả", "27/11/2026 09:15"),
        OpenItemLine("camera_outage", "Camera cổng B mất tín hiệu", "", "27/11/2026 14:00"),
        OpenItemLine("focus_case", "Lô hàng điện tử tạm nhập tái xuất"),
        OpenItemLine("unknown_code", "Việc khác"),
    ]
    return HandoverPrintout(
        agency="Cục Hải quan thành phố Hải Phòng", desk_name="Trực ban", place="Hải Phòng",
        printed_on=date(2026, 11, 28), shift_label=SHIFT, members=MEMBERS,
        summary="Ca trực diễn ra bình thường.\nCó 02 vụ việc phát sinh, đã xử lý 01 vụ.",
        open_items=items if open_items is None else open_items,
        chain_seq=1234, chain_hash=HASH, status="Đã ký",
        signed_by="Phạm Quốc Hưng", signed_at="28/11/2026 07:55", signature=SIGNATURE,
        printed_by="Lê Thị Thu Hương", printed_at="28/11/2026 08:00",
    )


# -- reading the PDF back -------------------------------------------------------------

def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _pdftotext(path: Path, mode: str) -> list[str]:
    out = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return out.split("\f")[: len(PdfReader(path).pages)]


def _pdfium_text(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(path)
    try:
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return pages
    finally:
        doc.close()


def page_texts(data: bytes, tmp_path: Path, mode: str = "-layout") -> list[str]:
    """The normalised text of each page. `-layout` keeps the visual lines (headings);
    `-raw` keeps the drawing order, so a paragraph wrapped inside a narrow table
    cell reads back whole. Without poppler, pypdfium2's extraction (drawing order)."""
    path = tmp_path / f"out{mode}.pdf"
    path.write_bytes(data)
    pages = _pdftotext(path, mode) if shutil.which("pdftotext") else _pdfium_text(path)
    return [normalised(p) for p in pages]


def assert_page_numbers(pages: list[str]) -> None:
    """Decree 30/2020: each page from the second carries its number first (top
    centre); the first carries none."""
    for number, text in enumerate(pages, start=1):
        first = text.split()[0] if text.split() else ""
        if number == 1:
            assert not first.isdigit(), f"a number on the first page: {first}"
        else:
            assert first == str(number), f"page {number} begins with {first!r}"


def fonts_of(data: bytes) -> dict[str, dict]:
    """BaseFont name (subset tag removed) → font dictionary, for every page."""
    fonts: dict[str, dict] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            fonts[str(font["/BaseFont"]).lstrip("/").split("+")[-1]] = font
    return fonts


@pytest.fixture(scope="module")
def log_pdf() -> bytes:
    return render_to_bytes(render_duty_log, duty_log())


@pytest.fixture(scope="module")
def handover_pdf() -> bytes:
    return render_to_bytes(render_handover, handover())


# -- fonts ----------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["log", "handover"])
def test_every_font_is_embedded(which, log_pdf, handover_pdf):
    fonts = fonts_of(log_pdf if which == "log" else handover_pdf)
    assert fonts
    for name, font in fonts.items():
        assert name in FONT_FILES, f"unexpected font {name}"
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


def test_every_printed_character_is_in_the_embedded_fonts(log_pdf, handover_pdf):
    register_fonts()
    used = set(fonts_of(log_pdf)) | set(fonts_of(handover_pdf))
    printed = [SHIP_OFF, REQUEST, NFD_REPORT, ALPHABET, SUPERSEDED, ESCAPED, SHIFT,
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
               *COLUMNS, *(n for pair in MEMBERS for n in pair)]
    chars = {c for text in printed for c in clean(text) if not c.isspace()}
    for name in used:
        cmap = pdfmetrics.getFont(name).face.charToGlyph
        missing = sorted(c for c in chars if ord(c) not in cmap)
        assert not missing, f"{name} lacks {missing}"


# -- Appendix I -------------------------------------------------------------------------

def test_duty_log_headings_and_entries_read_back_as_nfc(log_pdf, tmp_path):
    layout = " ".join(page_texts(log_pdf, tmp_path, "-layout"))
    for heading in ("NHẬT KÝ TRỰC BAN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập – Tự do – Hạnh phúc", "Thành phần trực ban", "Vụ việc phát sinh",
                    "Hải Phòng, ngày 27 tháng 11 năm 2026", "CỤC HẢI QUAN THÀNH PHỐ HẢI PHÒNG",
                    "TRỰC BAN", SHIFT, "Đơn vị trực: Phòng Quản lý rủi ro",
                    "Lãnh đạo ca trực: Phạm Quốc Hưng", "CÔNG CHỨC GHI NHẬT KÝ",
                    "LÃNH ĐẠO CA TRỰC", "(Ký, ghi rõ họ tên)",
                    "mắt xích cuối của chuỗi nhật ký bàn trực là mắt xích số 1234",
                    "In bởi Lê Thị Thu Hương lúc 27/11/2026 10:00"):
        assert normalised(heading) in layout, heading
    raw = " ".join(page_texts(log_pdf, tmp_path, "-raw"))
    for value in (SHIP_OFF, REQUEST, NFD_REPORT, SUPERSEDED, ESCAPED, ALPHABET,
                  "Giám sát trực tuyến khu vực cảng Hải Phòng", "Lê Thị Thu Hương"):
        assert normalised(value) in raw, value
    assert NFD_REPORT not in raw  # it came back composed, not as typed


def test_duty_log_columns_are_the_appendix_columns_in_order(log_pdf, tmp_path):
    assert COLUMNS == ("STT", "Ngày", "Thành phần trực ban", "Nội dung thực hiện",
                       "Vụ việc phát sinh", "Nội dung chỉ đạo", "Kết quả thực hiện", "Ghi chú")
    layout = page_texts(log_pdf, tmp_path, "-layout")[0]
    positions = [layout.index(c) for c in COLUMNS]
    assert positions == sorted(positions)


def test_stt_is_printed_with_two_digits(log_pdf, tmp_path):
    raw = " ".join(page_texts(log_pdf, tmp_path, "-raw"))
    assert re.search(r"\b01 27/11/2026 09:15\b", raw)
    assert re.search(r"\b02 27/11/2026 13:40\b", raw)


def test_a_row_longer_than_a_page_splits_and_the_header_repeats(tmp_path):
    long_text = " ".join(f"Đoạn {i:03d}: kiểm tra tờ khai, đối chiếu hình ảnh camera."
                         for i in range(110))
    assert len(long_text) > 6000
    rows = log_rows()
    rows[0].result = [Para(long_text + " KẾT THÚC")]
    data = render_to_bytes(render_duty_log, duty_log(rows))
    pages = page_texts(data, tmp_path, "-layout")
    assert len(pages) > 1
    for page in pages:
        assert "Thành phần trực ban" in page and "Kết quả thực hiện" in page
    assert sum(p.count("Thành phần trực ban") for p in pages) == len(pages)  # once a page
    raw = " ".join(page_texts(data, tmp_path, "-raw"))
    assert "Đoạn 000:" in raw and "Đoạn 109:" in raw and "KẾT THÚC" in raw
    assert_page_numbers(pages)


def test_a_row_with_every_cell_longer_than_a_page_prints(tmp_path):
    # Once made reportlab refuse the last cut (a tail shorter than the preferred
    # minimum piece) and raise LayoutError.
    long = "Nội dung rất dài " * 400
    rows = [LogRow(1, "27/11/2026\n09:15", [Para(long)], [Para(long, "bold")],
                   [Para(long, "struck")], [Para("X" * 3000)], [Para(long)],
                   [Para(long, "italic"), Para("tiếp theo")])]
    printout = duty_log(rows)
    printout.members, printout.agency, printout.chain_hash = [], "", ""
    printout.desk_name = "Trực ban Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực III"
    data = render_to_bytes(render_duty_log, printout)
    pages = page_texts(data, tmp_path, "-raw")
    assert len(pages) > 5
    assert "tiếp theo" in " ".join(pages)


def test_many_rows_fill_pages_without_repeating_the_header_mid_page(tmp_path):
    rows = []
    for stt in range(1, 41):
        row = log_rows()[stt % 2]
        row.stt = stt
        rows.append(row)
    data = render_to_bytes(render_duty_log, duty_log(rows))
    pages = page_texts(data, tmp_path, "-layout")
    assert len(pages) > 2
    # Each page holding rows has the header once; the last page may hold only
    # the hash line and the signatures.
    assert all(p.count("Thành phần trực ban") == 1 for p in pages[:-1])
    assert pages[-1].count("Thành phần trực ban") <= 1
    raw = " ".join(page_texts(data, tmp_path, "-raw"))
    assert "40 27/11/2026" in raw


def test_empty_log_prints_the_placeholder(tmp_path):
    data = render_to_bytes(render_duty_log, duty_log(rows=[]))
    pages = page_texts(data, tmp_path, "-layout")
    assert len(pages) == 1
    assert EMPTY_LOG in pages[0]
    assert "NHẬT KÝ TRỰC BAN" in pages[0] and "LÃNH ĐẠO CA TRỰC" in pages[0]


def test_duty_log_is_a4_landscape_and_renders_to_a_path(tmp_path):
    target = tmp_path / "nhat-ky.pdf"
    render_duty_log(duty_log(), target)
    page = PdfReader(target).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)


# -- handover report ----------------------------------------------------------------

def test_handover_holds_title_items_and_chain_hash(handover_pdf, tmp_path):
    pages = page_texts(handover_pdf, tmp_path, "-layout")
    text = " ".join(pages)
    for expected in ("BIÊN BẢN BÀN GIAO CA TRỰC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập – Tự do – Hạnh phúc", "Hải Phòng, ngày 28 tháng 11 năm 2026",
                     "I. Tóm tắt tình hình ca trực", "II. Các việc đang theo dõi, chuyển ca sau",
                     "III. Xác nhận toàn vẹn nhật ký", "#1234", HASH, SIGNATURE,
                     "Trạng thái biên bản: Đã ký", "LÃNH ĐẠO CA TRỰC BÀN GIAO",
                     "LÃNH ĐẠO CA TRỰC TIẾP NHẬN", "Phạm Quốc Hưng", "Ký lúc 28/11/2026 07:55",
                     "Ca trực diễn ra bình thường.", "Có 02 vụ việc phát sinh, đã xử lý 01 vụ."):
        assert normalised(expected) in text, expected
    raw = " ".join(page_texts(handover_pdf, tmp_path, "-raw"))
    for value in (SHIP_OFF, "Chờ Chi cục báo cáo kết quả", "Camera cổng B mất tín hiệu",
                  "Lô hàng điện tử tạm nhập tái xuất", "Camera mất tín hiệu", "Hồ sơ trọng điểm"):
        assert normalised(value) in raw, value
    assert re.search(r"\b01 Vụ việc\b", raw) and re.search(r"\b04 unknown_code\b", raw)
    page = PdfReader(io.BytesIO(handover_pdf)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)  # portrait


def test_handover_without_open_items_says_so(tmp_path):
    data = render_to_bytes(render_handover, handover(open_items=[]))
    text = " ".join(page_texts(data, tmp_path, "-layout"))
    assert "chuyển ca sau Không có." in text
    assert "Từ lúc" not in text


def test_long_handover_spans_pages(tmp_path):
    items = [OpenItemLine("notice", f"Thông báo số {i:02d} " + "nội dung " * 40,
                          "chi tiết " * 60, "27/11/2026") for i in range(1, 31)]
    data = render_to_bytes(render_handover, handover(open_items=items))
    pages = page_texts(data, tmp_path, "-layout")
    assert len(pages) > 1
    with_items = [p for p in pages if "Thông báo số" in p]
    assert len(with_items) > 1
    assert all(p.count("Từ lúc") == 1 for p in with_items)  # the header row repeats
    raw = " ".join(page_texts(data, tmp_path, "-raw"))
    assert "Thông báo số 30" in raw and "LÃNH ĐẠO CA TRỰC TIẾP NHẬN" in raw


def test_draft_handover_prints_without_signer(tmp_path):
    draft = handover()
    draft.status, draft.signed_by, draft.signed_at, draft.signature = "Bản nháp", "", "", ""
    text = " ".join(page_texts(render_to_bytes(render_handover, draft), tmp_path))
    assert "Trạng thái biên bản: Bản nháp" in text
    assert "(chưa ký)" in text


def test_source_codes_map_to_vietnamese_labels():
    assert [source_label(c) for c in ("incident", "notice", "camera_outage", "ptz_position",
                                      "focus_case", "other")] == [
        "Vụ việc", "Thông báo", "Camera mất tín hiệu", "Camera lệch vị trí",
        "Hồ sơ trọng điểm", "other"]


# -- text helpers -------------------------------------------------------------------

def test_markup_normalises_escapes_and_keeps_line_breaks():
    assert markup(unicodedata.normalize("NFD", "Hải <quan> & Đội\r\nca 2")) == (
        "Hải &lt;quan&gt; &amp; Đội<br/>ca 2")
    assert markup("a\x00b\tc") == "ab    c"


def test_place_and_date_follows_the_administrative_format():
    assert place_and_date("Hà Nội", date(2026, 11, 27)) == "Hà Nội, ngày 27 tháng 11 năm 2026"
    assert place_and_date("Hà Nội", date(2026, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2026"
    assert place_and_date("Hà Nội", date(2026, 3, 9)) == "Hà Nội, ngày 09 tháng 3 năm 2026"


def test_the_signatures_never_stand_alone_on_the_last_page(tmp_path):
    """Whatever the number of rows, the last page holds the last row with the
    signature blocks (a page break between them would leave the signatures alone)."""
    from app.documents.papers import LogRow  # noqa: PLC0415

    for n in range(6, 30, 3):
        rows = [LogRow(stt=i + 1, when="27/11/2026\n09:00", members=[Para("Đỗ Quang Huy")],
                       work=[Para(f"Nội dung thực hiện số {i:03d} " + "chi tiết " * (i % 7))],
                       incident=[], directive=[], result=[], note=[]) for i in range(n)]
        pages = page_texts(render_to_bytes(render_duty_log, duty_log(rows)), tmp_path)
        last = pages[-1]
        assert f"Nội dung thực hiện số {n - 1:03d}" in last and "LÃNH ĐẠO CA TRỰC" in last, n
