"""Appendices II–V of Decision 888/QĐ-TCHQ render as PDFs laid out like the
regulation's templates: the urgent faxes (II, V), the proposal to the Director
(III) and a unit's result report (IV). Their text reads back as the NFC input,
their fonts are embedded, and long content runs over pages."""

from __future__ import annotations

import io
import time
import unicodedata
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from app.documents.papers import (
    DirectorOpinion,
    Proposal,
    ProposalMeasure,
    ResultReport,
    SurveillanceFax,
    UrgentFax,
)
from forms.appendix2 import render_appendix2
from forms.appendix3 import OPINION_HEADING, render_appendix3
from forms.appendix4 import LATE_LABEL, ON_TIME, render_appendix4
from forms.appendix5 import DEFAULT_SUBJECT, render_appendix5
from forms.pdf import FONT_FILES, render_to_bytes
from tests.test_forms_pdf import assert_page_numbers, fonts_of, normalised, page_texts

FAX_NO = "12/FAX-TB-HQ"
RECIPIENT = "Trực ban Cục Hải quan thành phố Hải Phòng"
RECIPIENT_FAX = "0225.3836.123"
DEADLINE = "Hồi báo đầu mối xử lý trước 11 giờ 00 ngày 27/11/2026; báo cáo kết quả trước 16 giờ 00"
CONTACT = "Ông Nguyễn Văn Thắng, Phó Trưởng phòng Giám sát hải quan trực tuyến"
PHONE = "024.3944.0833"
CONTENT = ("Phối hợp kiểm tra lô hàng thuộc tờ khai số 305123456789/A12 của Công ty TNHH "
           "Thương mại Đông Á, container TCLU 123456-7, đang làm thủ tục đưa hàng qua khu vực "
           "giám sát tại cổng B cảng Tân Vũ.\nCung cấp hình ảnh camera cổng B từ 09 giờ 00.")
# Typed with a combining-mark keyboard: must print as the composed letters.
NFD_SUBJECT = unicodedata.normalize("NFD", "phối hợp kiểm tra lô hàng nghi vấn tại cảng Tân Vũ")

ALL = ("II", "III", "IV", "V")
TIMES: dict[str, float] = {}


def fax2(**kw) -> UrgentFax:
    values = dict(
        agency_lines=["Tổng cục Hải quan", "Trực ban"], fax_number=FAX_NO,
        sent_at=datetime(2026, 11, 27, 10, 5), subject=NFD_SUBJECT, recipient=RECIPIENT,
        recipient_fax=RECIPIENT_FAX, content=CONTENT, deadline=DEADLINE,
        reply_channel="Điện fax số 024.3944.0834 hoặc thư điện tử trucban@customs.gov.vn",
        contact=CONTACT, contact_phone=PHONE, signer_name="Phạm Quốc Hưng",
        signer_title="Phó Cục trưởng Cục Điều tra chống buôn lậu")
    values.update(kw)
    return UrgentFax(**values)


def fax5(**kw) -> SurveillanceFax:
    values = dict(
        agency_lines=[], fax_number="27/FAX-ĐTCBL", sent_at=datetime(2026, 11, 27, 14, 30),
        subject="", recipient="Cục Hải quan tỉnh Lạng Sơn", recipient_fax="0205.3870.456",
        content="Giám sát trực tuyến khu vực bãi xe cửa khẩu Hữu Nghị, tập trung các xe "
                "chở hàng điện tử tạm nhập tái xuất của Công ty CP Xuất nhập khẩu Bắc Sơn.",
        deadline="Hồi báo trong vòng 30 phút kể từ khi nhận điện",
        contact="Bà Trần Thị Mai, Đội trưởng Đội Giám sát trực tuyến", contact_phone="0912.345.678",
        signer_name="Đỗ Văn Khánh", signer_capacity="KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG",
        plan="Kế hoạch số 15/KH-ĐTCBL ngày 02/11/2026 giám sát trọng điểm hàng tạm nhập tái xuất")
    values.update(kw)
    return SurveillanceFax(**values)


def proposal(**kw) -> Proposal:
    values = dict(
        agency="Tổng cục Hải quan", desk_name="Trực ban", place="Hà Nội", day=date(2026, 11, 27),
        number="05/ĐX-TB",
        occurred_at="09 giờ 40 phút ngày 27/11/2026 (tiếp nhận qua camera cổng B)",
        location="Cảng Tân Vũ, Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực III",
        parties="Công ty TNHH Thương mại Đông Á; tờ khai số 305123456789/A12",
        facts="Xe container biển số 15C-123.45 chở container TCLU 123456-7 đã thông quan "
              "rời bãi bằng cổng phụ, không qua cổng giám sát.",
        analysis="Có dấu hiệu đưa hàng ra khỏi khu vực giám sát không đúng quy trình.",
        measures=[ProposalMeasure("Dừng đưa hàng qua khu vực giám sát",
                                  "container TCLU 123456-7 tại cổng B"),
                  ProposalMeasure("Truy đuổi", "xe 15C-123.45, giao Đội Kiểm soát hải quan")],
        signer_name="Phạm Quốc Hưng", signer_title="Phó Cục trưởng Cục Điều tra chống buôn lậu",
        opinion=DirectorOpinion(
            text="Đồng ý đề xuất. Giao Cục Hải quan Hải Phòng thực hiện ngay, báo cáo kết quả.",
            name="Lê Minh Đức", title="Tổng cục trưởng",
            given_at=datetime(2026, 11, 27, 10, 20), by_phone=True,
            recorded_by="Phạm Quốc Hưng, lãnh đạo ca trực"))
    values.update(kw)
    return Proposal(**values)


def report(**kw) -> ResultReport:
    values = dict(
        parent_agency="Cục Hải quan thành phố Hải Phòng",
        unit="Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực III", place="Hải Phòng",
        day=date(2026, 11, 27), number="45/BC-HQKV3", request_number=FAX_NO,
        request_date=date(2026, 11, 27), request_content=CONTENT, deadline=DEADLINE,
        received_at=datetime(2026, 11, 27, 10, 10),
        acknowledged_at=datetime(2026, 11, 27, 10, 35),
        handled_at=datetime(2026, 11, 27, 17, 20),
        milestones=[("14 giờ 00", "Đội Giám sát kiểm tra thực tế container TCLU 123456-7")],
        result="Đã kiểm tra, hàng hóa phù hợp khai báo; đã cung cấp hình ảnh camera cổng B.",
        late=True, late_causes="Máy soi container tại cổng B gặp sự cố kỹ thuật.",
        responsibility="Ông Vũ Đức Long, Đội trưởng Đội Giám sát, chưa báo cáo kịp thời.",
        contact="Ông Vũ Đức Long", contact_phone="0225.3836.200",
        signer_name="Hoàng Minh Tuấn", signer_title="Chi cục trưởng")
    values.update(kw)
    return ResultReport(**values)


RENDERERS = {"II": (render_appendix2, fax2), "III": (render_appendix3, proposal),
             "IV": (render_appendix4, report), "V": (render_appendix5, fax5)}


def render(which: str, model=None) -> bytes:
    renderer, factory = RENDERERS[which]
    start = time.perf_counter()
    data = render_to_bytes(renderer, factory() if model is None else model)
    TIMES.setdefault(which, time.perf_counter() - start)
    return data


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {which: render(which) for which in ALL}


def text_of(data: bytes, tmp_path) -> str:
    """The layout text (visual lines: headings, the two header columns) followed by
    the raw text (drawing order: a value wrapped inside a narrow column reads whole)."""
    return " ".join(page_texts(data, tmp_path, "-layout") + page_texts(data, tmp_path, "-raw"))


# -- what each appendix prints --------------------------------------------------------

def test_appendix2_urgent_fax(pdfs, tmp_path):
    text = text_of(pdfs["II"], tmp_path)
    for expected in ("ĐIỆN FAX ĐI (Khẩn)", "TỔNG CỤC HẢI QUAN", "TRỰC BAN", f"Fax số: {FAX_NO}",
                     "10 giờ 05 phút, ngày 27/11/2026", "THÔNG BÁO",
                     "Về việc phối hợp kiểm tra lô hàng nghi vấn tại cảng Tân Vũ",
                     f"Kính gửi: {RECIPIENT}", f"(Số fax: {RECIPIENT_FAX})",
                     "quyết định số 3333/QĐ-TCHQ",
                     "Nội dung yêu cầu phối hợp thực hiện:", "305123456789/A12",
                     "Cung cấp hình ảnh camera cổng B từ 09 giờ 00.",
                     "Yêu cầu về thời gian xử lý, hồi báo:", DEADLINE,
                     "Hình thức hồi báo: Điện fax số 024.3944.0834",
                     f"Đầu mối phối hợp thực hiện: {CONTACT}, điện thoại: {PHONE}",
                     "Nơi nhận:", "Văn phòng Tổng cục;", "Cục nghiệp vụ (để theo dõi);",
                     "Lưu: Trực ban.", "PHỤ TRÁCH TRỰC BAN", "Phạm Quốc Hưng",
                     "Phó Cục trưởng Cục Điều tra chống buôn lậu"):
        assert normalised(expected) in text, expected
    assert NFD_SUBJECT not in text  # printed composed
    # A named signer gets no "(ký, ghi rõ họ tên…)" instruction.
    assert "ghi rõ họ tên" not in text


def test_appendix2_not_urgent_and_unsigned(tmp_path):
    text = text_of(render("II", fax2(urgent=False, signer_name="", reply_channel="")),
                   tmp_path)
    assert "ĐIỆN FAX ĐI" in text and "(Khẩn)" not in text
    assert "ký, ghi rõ họ tên, chức vụ và đóng dấu của đơn vị" in text
    assert "Hình thức hồi báo: …………" in text  # the template's blank


def test_appendix3_proposal_with_directors_phone_opinion(pdfs, tmp_path):
    text = text_of(pdfs["III"], tmp_path)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
                     "TỔNG CỤC HẢI QUAN", "TRỰC BAN", "Số: 05/ĐX-TB",
                     "Hà Nội, ngày 27 tháng 11 năm 2026", "ĐỀ XUẤT XỬ LÝ THÔNG TIN PHÁT SINH",
                     "1. Nội dung thông tin phát sinh",
                     "Thời gian phát sinh, tiếp nhận thông tin: 09 giờ 40 phút ngày 27/11/2026",
                     "Địa điểm/địa bàn xảy ra: Cảng Tân Vũ", "Đơn vị/cá nhân có liên quan:",
                     "Nội dung vụ việc: Xe container biển số 15C-123.45", "2. Đề xuất",
                     "Phân tích, nhận định:", "Nội dung đề xuất xử lý:",
                     "1) Dừng đưa hàng qua khu vực giám sát: container TCLU 123456-7 tại cổng B",
                     "2) Truy đuổi: xe 15C-123.45", "Nơi nhận:", "Tổng cục trưởng;",
                     "Lưu: Trực ban.", "PHỤ TRÁCH TRỰC BAN", "Phạm Quốc Hưng",
                     OPINION_HEADING, "(Tổng cục trưởng hoặc người được ủy quyền)",
                     "Đồng ý đề xuất. Giao Cục Hải quan Hải Phòng thực hiện ngay",
                     "Thời gian cho ý kiến: 10 giờ 20 phút, ngày 27/11/2026",
                     "Ý kiến chỉ đạo qua điện thoại, Phạm Quốc Hưng, lãnh đạo ca trực ghi nhận.",
                     "TỔNG CỤC TRƯỞNG", "Lê Minh Đức"):
        assert normalised(expected) in text, expected


def test_appendix3_blank_opinion_leaves_room_to_write(tmp_path):
    text = text_of(render("III", proposal(opinion=DirectorOpinion(), number="")), tmp_path)
    assert OPINION_HEADING in text and "qua điện thoại" not in text
    assert "....." in text and "Số:" not in text


def test_appendix4_late_result_report(pdfs, tmp_path):
    text = text_of(pdfs["IV"], tmp_path)
    # the header names are cut into lines between their parts, never inside one
    for expected in ("CỤC HẢI QUAN", "THÀNH PHỐ HẢI PHÒNG", "CHI CỤC HẢI QUAN", "CỬA KHẨU",
                     "CẢNG HẢI PHÒNG", "KHU VỰC III", "Số: 45/BC-HQKV3",
                     "Hải Phòng, ngày 27 tháng 11 năm 2026", "BÁO CÁO",
                     "Kính gửi: Văn phòng Tổng cục (Phòng Tổng hợp – bộ phận trực ban)",
                     f"điện fax/công văn số {FAX_NO}, ngày 27 tháng 11 năm 2026",
                     "Nội dung yêu cầu phối hợp thực hiện:", "Tiến trình xử lý:",
                     f"Thời gian xử lý, hồi báo theo yêu cầu: {DEADLINE}",
                     "Tiếp nhận yêu cầu: 10 giờ 10 phút, ngày 27/11/2026",
                     "dự kiến thời gian xử lý: 10 giờ 35 phút, ngày 27/11/2026",
                     "14 giờ 00: Đội Giám sát kiểm tra thực tế",
                     "Hoàn thành xử lý: 17 giờ 20 phút, ngày 27/11/2026",
                     "Kết quả xử lý: Đã kiểm tra, hàng hóa phù hợp khai báo", LATE_LABEL,
                     "Nguyên nhân: Máy soi container tại cổng B gặp sự cố kỹ thuật.",
                     "Trách nhiệm cá nhân: Ông Vũ Đức Long",
                     "Đầu mối phối hợp trao đổi thông tin: Ông Vũ Đức Long, điện thoại: "
                     "0225.3836.200", "Nơi nhận:", "Lưu: VT.", "LÃNH ĐẠO ĐƠN VỊ",
                     "Hoàng Minh Tuấn", "Chi cục trưởng"):
        assert normalised(expected) in text, expected
    assert ON_TIME not in text


def test_appendix4_on_time_report_has_no_late_section(tmp_path):
    text = text_of(render("IV", report(late=False, late_causes="", responsibility="")),
                   tmp_path)
    assert ON_TIME in text and LATE_LABEL not in text and "Trách nhiệm cá nhân" not in text


def test_appendix5_surveillance_fax(pdfs, tmp_path):
    text = text_of(pdfs["V"], tmp_path)
    for expected in ("ĐIỆN FAX ĐI (Khẩn)", "TỔNG CỤC HẢI QUAN", "CỤC ĐIỀU TRA",
                     "CHỐNG BUÔN LẬU", "Fax số: 27/FAX-ĐTCBL", "14 giờ 30 phút, ngày 27/11/2026",
                     "THÔNG BÁO", f"Về việc {DEFAULT_SUBJECT}",
                     "Kính gửi: Cục Hải quan tỉnh Lạng Sơn", "(Số fax: 0205.3870.456)",
                     "888/QĐ-TCHQ", "Cục Điều tra chống buôn lậu yêu cầu đơn vị phối hợp",
                     "Kế hoạch số 15/KH-ĐTCBL",
                     "Nội dung yêu cầu phối hợp thực hiện giám sát trực tuyến:",
                     "Yêu cầu về thời gian xử lý, hồi báo: Hồi báo trong vòng 30 phút",
                     "Đầu mối phối hợp thực hiện: Bà Trần Thị Mai", "0912.345.678",
                     "Trân trọng./.", "Như trên (để thực hiện);", "Lưu: VT.",
                     "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Đỗ Văn Khánh"):
        assert normalised(expected) in text, expected
    assert "Hình thức hồi báo" not in text  # not in Appendix V's template unless given


# -- fonts, pages ------------------------------------------------------------------

@pytest.mark.parametrize("which", ALL)
def test_fonts_embedded_and_portrait(which, pdfs):
    fonts = fonts_of(pdfs[which])
    assert fonts
    for name, font in fonts.items():
        assert name in FONT_FILES, f"unexpected font {name}"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} not embedded"
    page = PdfReader(io.BytesIO(pdfs[which])).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


LONG = " ".join(f"Đoạn {i:03d}: đối chiếu tờ khai, hình ảnh camera và chứng từ vận tải."
                for i in range(160)) + " KẾT THÚC"


@pytest.mark.parametrize("which", ALL)
def test_long_content_spans_pages(which, tmp_path):
    model = RENDERERS[which][1]()
    if which in ("II", "V"):
        model.content = LONG
    elif which == "III":
        model.facts = LONG
        model.opinion.text = LONG  # the Director's block runs over a page too
    else:
        model.result = LONG
    data = render_to_bytes(RENDERERS[which][0], model)
    pages = page_texts(data, tmp_path, "-layout")
    assert len(pages) > 1
    text = " ".join(pages)
    assert "Đoạn 000:" in text and "Đoạn 159:" in text and "KẾT THÚC" in text
    assert_page_numbers(pages)


def test_render_to_a_path(tmp_path):
    target = tmp_path / "fax.pdf"
    render_appendix2(fax2(), target)
    assert target.read_bytes().startswith(b"%PDF")


def test_render_times_are_recorded(pdfs, record_property):
    # Figures for the report only (junit XML property); nothing is asserted about speed.
    assert set(ALL) <= set(TIMES)
    record_property("render_seconds", {k: round(v, 4) for k, v in TIMES.items()})


@pytest.mark.parametrize("which", ALL)
def test_decree_30_face_and_margins(which, tmp_path):
    """Nghị định 30/2020/NĐ-CP: a Times New Roman face (Liberation Serif, embedded),
    nothing printed in the left 30 mm or the right 15 mm of an A4 page."""
    import re  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    from forms import decree30  # noqa: PLC0415

    data = render(which)
    assert {name.split("-")[0] for name in fonts_of(data)} == {"LiberationSerif"}
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(data)
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
    assert page and abs(float(page.group(1)) - 595.3) < 1  # A4 portrait
    xs = [(float(a), float(b)) for a, b in
          re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', bbox)]
    assert xs
    assert min(a for a, _ in xs) >= decree30.MARGIN_LEFT - 0.5
    assert max(b for _, b in xs) <= float(page.group(1)) - decree30.MARGIN_RIGHT + 0.5


@pytest.mark.parametrize(("name", "lines"), [
    ("CHI CỤC HẢI QUAN KHU VỰC VII", ["CHI CỤC HẢI QUAN", "KHU VỰC VII"]),
    ("CHI CỤC ĐIỀU TRA CHỐNG BUÔN LẬU", ["CHI CỤC ĐIỀU TRA", "CHỐNG BUÔN LẬU"]),
    ("CỤC HẢI QUAN", ["CỤC HẢI QUAN"]),
    ("HẢI QUAN CỬA KHẨU QUỐC TẾ HỮU NGHỊ", ["HẢI QUAN CỬA KHẨU", "QUỐC TẾ HỮU NGHỊ"]),
])
def test_header_names_are_cut_between_their_parts(name, lines):
    from forms.pdf import SERIF_BOLD, name_lines, register_fonts  # noqa: PLC0415

    register_fonts()
    got = [line.replace("\u00a0", " ") for line in name_lines(name, SERIF_BOLD, 13, 160)]
    assert got == lines
