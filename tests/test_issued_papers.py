"""Each appendix issued from the workflow's records, read back sentence by sentence
against the regulation's template (Decision 888/QĐ-TCHQ, Appendices II–V, with the
organisation's names of today from the site's templates): every field of the
template is there and filled from the record — no dotted blank where the record
has the value — the basis cites what the template cites, and the signature block
carries the signer's own capacity and title. On both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.workflow.rules import Origin
from forms.appendix2 import BLANK
from tests.test_forms_pdf import normalised, page_texts
from tests.test_issue_documents import (
    _approved,
    _evidence,
    _unit,
    cleared_goods_agreed_by_phone,
    fax_to_kv7_acknowledged,
)


def _text(pdf: bytes, tmp_path) -> str:  # type: ignore[no-untyped-def]
    return normalised(" ".join(page_texts(pdf, tmp_path, "-raw")))


def _has_all(text: str, expected) -> None:  # type: ignore[no-untyped-def]
    missing = [e for e in expected if normalised(e) not in text]
    assert missing == [], f"missing {missing} in {text[:2000]}"


def test_appendix2_every_field_filled(ctx, users, desk, tmp_path):
    inc = _approved(ctx, users, desk)
    _evidence(ctx, users, desk, inc, tmp_path)
    doc = ctx.issuer.issue_request_fax(
        users["truongca"], inc.id, requested_due_at=ctx.clock.now() + timedelta(hours=3),
        contact="Đ/c Sơn, Đội Giám sát cửa khẩu Hữu Nghị")
    text = _text(doc.pdf, tmp_path)
    _has_all(text, [
        "ĐIỆN FAX ĐI", "(Khẩn)", "CỤC HẢI QUAN", "TRỰC BAN", f"Fax số: {doc.number}",
        "THÔNG BÁO", "Về việc phối hợp kiểm tra hàng hóa, phương tiện tại Cửa khẩu Hữu Nghị",
        "Kính gửi: Hải quan cửa khẩu quốc tế Hữu Nghị",
        # the template's basis: the working rules of Decision 3333, today's agency
        "Thực hiện Quy chế làm việc của Tổng cục Hải quan ban hành tại Quyết định số "
        "3333/QĐ-TCHQ ngày 06/10/2016", "Trực ban cơ quan Cục Hải quan yêu cầu đơn vị",
        "Nội dung yêu cầu phối hợp thực hiện:", "TGHU1234567",
        "Yêu cầu về thời gian xử lý, hồi báo:", "trong vòng 30 phút",
        "Hình thức hồi báo:", "Đầu mối phối hợp thực hiện:",
        "Nơi nhận:", "Văn phòng Cục;", "Ban nghiệp vụ (để theo dõi);", "Lưu: Trực ban.",
        "PHỤ TRÁCH TRỰC BAN", "Nguyễn Văn Hùng", "Phó Cục trưởng"])
    assert "888/QĐ-TCHQ" not in text  # Appendix II cites Decision 3333 only
    assert BLANK not in text


def test_appendix3_proposal_and_opinion_in_their_places(ctx, users, desk, tmp_path):
    inc = cleared_goods_agreed_by_phone(ctx, users, desk)
    text = _text(ctx.issuer.issue_proposal(users["truongca"], inc.id).pdf, tmp_path)
    _has_all(text, [
        "CỤC HẢI QUAN", "TRỰC BAN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ĐỀ XUẤT XỬ LÝ THÔNG TIN PHÁT SINH", "3333/QĐ-TCHQ ngày 06/10/2016",
        "Trực ban cơ quan Cục Hải quan báo cáo, đề xuất xử lý thông tin phát sinh sau:",
        "1. Nội dung thông tin phát sinh", "Thời gian phát sinh, tiếp nhận thông tin:",
        "Địa điểm/địa bàn xảy ra: Cảng Hải Phòng", "Đơn vị/cá nhân có liên quan:",
        "Nội dung vụ việc:", "2. Đề xuất", "Phân tích, nhận định:",
        "Nội dung đề xuất xử lý: Đề nghị dừng đưa hàng qua khu vực giám sát",
        "1) Dừng đưa hàng qua khu vực giám sát", "Kính trình Cục trưởng xem xét",
        "Nơi nhận:", "Cục trưởng;", "Lưu: Trực ban.", "PHỤ TRÁCH TRỰC BAN", "Nguyễn Văn Hùng",
        "Ý kiến của lãnh đạo Cục", "(Cục trưởng hoặc người được ủy quyền)",
        "Đồng ý dừng đưa hàng", "Hoàng Đình Khải"])
    # the analysis is not the proposal, the measures are marked once
    analysis = text.split("Phân tích, nhận định:")[1].split("Nội dung đề xuất xử lý:")[0]
    assert "Đề nghị dừng" not in analysis and analysis.strip()
    assert "+ 1)" not in text and "Tổng cục trưởng xem xét" not in text
    assert BLANK not in text


def test_appendix4_answers_the_fax_by_its_kind(ctx, users, desk, tmp_path):
    _inc, fax, kv7 = fax_to_kv7_acknowledged(ctx, users, desk)
    ctx.clock.advance(timedelta(hours=2))
    ctx.requests.record_result(kv7, fax.request_id, "Đã kiểm tra thực tế, lập biên bản.",
                               late_reason="Phương tiện đã rời cửa khẩu",
                               late_responsibility="Đội Giám sát, đ/c Tuấn")
    text = _text(ctx.issuer.issue_result_report(kv7, fax.request_id).pdf, tmp_path)
    _has_all(text, [
        "CỤC HẢI QUAN", "CHI CỤC HẢI QUAN", "KHU VỰC VII", "BÁO CÁO",
        "Kính gửi: Văn phòng Cục (Phòng Tổng hợp – bộ phận trực ban)",
        f"Thực hiện yêu cầu phối hợp tại điện fax số {fax.number}",
        "của Trực ban cơ quan Cục Hải quan", "Nội dung yêu cầu phối hợp thực hiện:",
        "Tiến trình xử lý:", "Kết quả xử lý: Đã kiểm tra thực tế, lập biên bản.",
        "Phương tiện đã rời cửa khẩu", "Đội Giám sát, đ/c Tuấn", "Đề xuất (nếu có):",
        "Đầu mối phối hợp trao đổi thông tin: Lý Văn Sơn, 0912 345 678",
        "Nơi nhận:", "Văn phòng Cục;", "Lưu: VT.", "LÃNH ĐẠO ĐƠN VỊ", "Lý Văn Sơn",
        "Phó Chi cục trưởng"])
    assert "fax/công văn" not in text and "KHU VỰC\nVII" not in text


def test_appendix5_is_the_plan_units_own_fax(ctx, users, desk, tmp_path):
    inc = _approved(ctx, users, desk, origin=Origin.UNIT_PLAN)
    doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=_unit(ctx, "KV3").id,
                                       requested_due_at=ctx.clock.now() + timedelta(hours=2))
    issuer = _unit(ctx, "DTCBL")
    assert doc.number == "1/FAX-DTCBL"          # the unit's register, not the duty desk's
    text = _text(doc.pdf, tmp_path)
    _has_all(text, [
        "ĐIỆN FAX ĐI", "CỤC HẢI QUAN", "CHI CỤC ĐIỀU TRA", "CHỐNG BUÔN LẬU",
        f"Fax số: {doc.number}", f"Số máy fax: {issuer.fax}",
        "Về việc phối hợp thực hiện giám sát trực tuyến",
        "Quy chế thực hiện trực ban, giám sát trực tuyến trong ngành Hải quan ban hành kèm "
        "theo Quyết định số 888/QĐ-TCHQ ngày 17/03/2017",
        "Chi cục Điều tra chống buôn lậu yêu cầu đơn vị phối hợp thực hiện nội dung sau:",
        "Nội dung yêu cầu phối hợp thực hiện giám sát trực tuyến:",
        "Yêu cầu về thời gian xử lý, hồi báo: Thông báo đầu mối xử lý",
        "Đầu mối phối hợp thực hiện: Chi cục Điều tra chống buôn lậu", issuer.phone,
        "Trân trọng./.", "Nơi nhận:", "Như trên (để thực hiện);", "Lưu: VT.",
        "CHI CỤC TRƯỞNG"])
    assert BLANK not in text
    # the duty desk's shift leader does not sign for the anti-smuggling department
    assert "Nguyễn Văn Hùng" not in text and "024 3944 0069" not in text


@pytest.mark.parametrize("title", ["Phó Chi cục trưởng", "Chi cục trưởng"])
def test_appendix5_signed_by_a_leader_of_the_unit(ctx, users, desk, tmp_path, title):
    from sqlalchemy import select  # noqa: PLC0415

    from app.db.models import UserAccount  # noqa: PLC0415

    with ctx.db.write() as s:
        leader = s.scalar(select(UserAccount).where(UserAccount.username == "truongca"))
        leader.unit_id, leader.title = _unit(ctx, "DTCBL").id, title
    inc = _approved(ctx, users, desk, origin=Origin.UNIT_PLAN)
    doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=_unit(ctx, "KV3").id)
    text = _text(doc.pdf, tmp_path)
    capacity = "KT. CHI CỤC TRƯỞNG PHÓ CHI CỤC TRƯỞNG" if title.startswith("Phó") \
        else "CHI CỤC TRƯỞNG"
    _has_all(text, [capacity, "Nguyễn Văn Hùng"])
