"""Issuing Appendices II–V from the workflow's records (app/documents/issuer.py): numbered in
the desk's register, wording from the editable template (a site copy in the data
folder wins), the PDF archived with its SHA-256, an `issued_document` row and an
"issued …" duty-log entry in the incident's case; the fax goes to the evidence's
unit; the reporting path picks Appendix V; alterations of the archive are caught."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.models import Incident, IssuedDocument, LogCase, LogEntry
from app.documents.issuer import DocumentTemplates, sha256_of
from app.errors import PermissionDenied, ValidationError
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling, Origin
from tests.test_forms_pdf import page_texts


def _unit(ctx, code):  # type: ignore[no-untyped-def]
    return next(u for u in ctx.reference.units() if u.code == code)


def _approved(ctx, users, desk, **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("handling", Handling.COORDINATED_CHECK)
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Xe 12C-345.67 chở container TGHU1234567 rời khu vực giám sát khi tờ khai chưa "
                "thông quan", place="Cửa khẩu Hữu Nghị", declaration_no="105123456789",
        container_no="TGHU1234567", vehicle_plate="12C-345.67", **kw))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    return ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)


def _case(ctx, inc) -> list[LogEntry]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        case_id = s.scalar(select(LogCase.id).where(LogCase.client_id == inc.case_ref))
        return list(s.scalars(select(LogEntry).where(LogEntry.case_id == case_id)
                              .order_by(LogEntry.seq)))


def _evidence(ctx, users, desk, inc, tmp_path: Path):  # type: ignore[no-untyped-def]
    shot = tmp_path / "cam-hn-03.png"
    shot.write_bytes(b"\x89PNG fake screenshot bytes")
    team = _unit(ctx, "KV7-HN-GS")  # the camera's managing team has no fax of its own
    return ctx.issuer.attach(users["giamsat1"], desk.id, shot, kind="evidence",
                             incident_id=inc.id, sha256=sha256_of(shot.read_bytes()),
                             camera_code="HN-03", unit_id=team.id,
                             captured_at=ctx.clock.now(), description="Ảnh chụp camera HN-03")


def test_appendix2_for_an_approved_incident(ctx, users, desk, tmp_path):
    inc = _approved(ctx, users, desk)
    _evidence(ctx, users, desk, inc, tmp_path)
    hn = _unit(ctx, "KV7-HN")
    assert ctx.issuer.suggested_unit(inc.id).id == hn.id  # climbed to the unit with a fax
    due = ctx.clock.now() + timedelta(hours=3)
    doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id, requested_due_at=due,
                                       contact="Đ/c Sơn, Đội Giám sát")
    assert doc.appendix == "II" and doc.number == "1/FAX-TB-HQ"
    assert doc.path.is_file() and doc.path.is_relative_to(ctx.data_dir)
    assert sha256_of(doc.path.read_bytes()) == doc.sha256 == sha256_of(doc.pdf)
    rows = ctx.issuer.documents(incident_id=inc.id)
    assert [(d.number, d.appendix, d.request_id, d.issued_by) for d in rows] == [
        ("1/FAX-TB-HQ", "II", doc.request_id, users["truongca"].id)]
    assert rows[0].recipient == hn.name and rows[0].file_path.startswith("documents/")
    req = ctx.requests.get(doc.request_id)
    assert req.document_no == "1/FAX-TB-HQ" and req.fax_no == hn.fax and req.channel == "fax"
    issued = [e for e in _case(ctx, inc) if e.id == rows[0].log_entry_id][0]
    assert "Phát hành điện fax (Phụ lục II) số 1/FAX-TB-HQ" in issued.content
    assert doc.sha256 in issued.content and issued.author_id == users["truongca"].id
    assert ctx.dutylog.verify(desk.id).ok

    text = " ".join(page_texts(doc.pdf, tmp_path, "-raw"))
    for expected in ("ĐIỆN FAX ĐI", "(Khẩn)", "1/FAX-TB-HQ", f"Kính gửi: {hn.name}", hn.fax,
                     "3333/QĐ-TCHQ", "trong vòng 30 phút", "Trực ban Cục Hải quan",
                     "Nguyễn Văn Hùng", "TGHU1234567", "Hình thức hồi báo"):
        assert expected in text, expected
    # The second fax takes the next number.
    assert ctx.issuer.issue_for_request(users["truongca"], doc.request_id).number == \
        "2/FAX-TB-HQ"


def test_site_template_in_the_data_folder_wins(ctx, users, desk, tmp_path):
    site = ctx.data_dir / "templates" / "documents.yaml"
    site.parent.mkdir(parents=True, exist_ok=True)
    site.write_text("appendix2:\n  basis: Căn cứ Quyết định số 999/QĐ-CHQ ngày 01/07/2025.\n"
                    "  contact: Phòng Giám sát trực tuyến\n", encoding="utf-8")
    t = DocumentTemplates.load(ctx.data_dir).section("II", "HQ")
    assert "999/QĐ-CHQ" in t["basis"] and t["signer_capacity"] == "PHỤ TRÁCH TRỰC BAN"
    inc = _approved(ctx, users, desk)
    doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id,
                                       unit_id=_unit(ctx, "KV3-DV").id)
    text = " ".join(page_texts(doc.pdf, tmp_path, "-raw"))
    assert "999/QĐ-CHQ" in text and "3333/QĐ-TCHQ" not in text
    assert "Phòng Giám sát trực tuyến" in text


def test_a_unit_plan_gets_appendix5(ctx, users, desk, tmp_path):
    inc = _approved(ctx, users, desk, origin=Origin.UNIT_PLAN)
    doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id,
                                       unit_id=_unit(ctx, "KV3").id)
    assert doc.appendix == "V" and ctx.requests.get(doc.request_id).appendix == "V"
    text = " ".join(page_texts(doc.pdf, tmp_path, "-raw"))
    assert "giám sát trực tuyến" in text and "CHI CỤC ĐIỀU TRA" in text


def test_the_unit_is_guessed_from_the_place_when_there_is_no_evidence(ctx, users, desk):
    inc = _approved(ctx, users, desk)  # "Cửa khẩu Hữu Nghị"
    assert ctx.issuer.suggested_unit(inc.id).code == "KV7-HN"
    for place, code in (("Cổng B cảng Đình Vũ", "KV3-DV"), ("Ga Đồng Đăng", "KV7-DD"),
                        ("Cửa khẩu", None), ("Bãi xe số 3", None)):
        with ctx.db.write() as s:
            s.get(Incident, inc.id).place = place
        unit = ctx.issuer.suggested_unit(inc.id)
        assert (unit.code if unit else None) == code, place


def test_who_may_issue_and_what_is_needed(ctx, users, desk):
    inc = _approved(ctx, users, desk)
    with ctx.db.write() as s:
        s.get(Incident, inc.id).place = None
    with pytest.raises(PermissionDenied):
        ctx.issuer.issue_request_fax(users["giamsat1"], inc.id, unit_id=_unit(ctx, "KV7").id)
    with pytest.raises(ValidationError):  # no unit, no evidence, no place to guess it from
        ctx.issuer.issue_request_fax(users["truongca"], inc.id)
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(IssuedDocument)) == 0
    assert not (ctx.data_dir / "documents").exists()


def cleared_goods_agreed_by_phone(ctx, users, desk):  # type: ignore[no-untyped-def]
    """A c.3 case proposed, approved by the shift leader and agreed by the Director,
    both by phone: raised by one officer, the approval recorded by the Office's clerk,
    the Director's opinion by another officer (none of them records a decision on
    what he raised or put before it)."""
    officer = users["giamsat1"]
    inc = ctx.incidents.create(users["giamsat2"], desk.id, IncidentDraft(
        content="Lô hàng đã thông quan theo tờ khai 105998877120 nghi vấn gian lận xuất xứ",
        place="Cảng Hải Phòng", declaration_no="105998877120",
        handling=Handling.CLEARED_GOODS))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE,
                             comment="Đề nghị dừng đưa hàng qua khu vực giám sát")
    ctx.incidents.transition(users["tonghop"], inc.id, Action.APPROVE,
                             on_behalf_of=users["truongca"], by_phone=True)
    ctx.incidents.transition(officer, inc.id, Action.DIRECTOR_APPROVE,
                             on_behalf_of=users["cuctruong"], by_phone=True,
                             comment="Đồng ý dừng đưa hàng qua khu vực giám sát")
    return inc


def test_appendix3_carries_the_directors_opinion_given_by_phone(ctx, users, desk, tmp_path):
    inc = cleared_goods_agreed_by_phone(ctx, users, desk)
    doc = ctx.issuer.issue_proposal(users["truongca"], inc.id)
    assert doc.appendix == "III" and doc.number == "1/TTr-TB-HQ"
    text = " ".join(page_texts(doc.pdf, tmp_path, "-raw"))
    for expected in ("ĐỀ XUẤT XỬ LÝ THÔNG TIN PHÁT SINH", "1/TTr-TB-HQ", "105998877120",
                     "Đồng ý dừng đưa hàng", "Hoàng Đình Khải", "qua điện thoại",
                     "Đỗ Quang Huy", "Dừng đưa hàng qua khu vực giám sát"):
        assert expected in text, expected


def fax_to_kv7_acknowledged(ctx, users, desk):  # type: ignore[no-untyped-def]
    """An approved incident in progress, its fax (II) to KV VII with a 1-hour due time,
    acknowledged by KV VII's shift leader: (incident, fax, that leader)."""
    inc = _approved(ctx, users, desk)
    ctx.incidents.transition(users["giamsat1"], inc.id, Action.START)
    fax = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=_unit(ctx, "KV7").id,
                                       requested_due_at=ctx.clock.now() + timedelta(hours=1))
    kv7 = users["kv7.truongca"]
    ctx.requests.acknowledge(kv7, fax.request_id, "Lý Văn Sơn, 0912 345 678",
                             promised_at=ctx.clock.now() + timedelta(minutes=50))
    return inc, fax, kv7


def test_appendix4_from_the_regional_desks_answer(ctx, users, desk, tmp_path):
    inc, fax, kv7 = fax_to_kv7_acknowledged(ctx, users, desk)
    with pytest.raises(ValidationError):  # no result yet
        ctx.issuer.issue_result_report(kv7, fax.request_id)
    ctx.clock.advance(timedelta(hours=2))
    ctx.requests.record_result(kv7, fax.request_id, "Đã kiểm tra thực tế, lập biên bản.",
                               late_reason="Phương tiện đã rời cửa khẩu",
                               late_responsibility="Đội Giám sát, đ/c Tuấn")
    doc = ctx.issuer.issue_result_report(kv7, fax.request_id)
    assert doc.appendix == "IV" and doc.number == "1/BC-TB-KV7"
    rows = ctx.issuer.documents(request_id=fax.request_id)
    assert [d.appendix for d in rows] == ["II", "IV"]
    text = " ".join(page_texts(doc.pdf, tmp_path, "-raw"))
    for expected in ("BÁO CÁO", "1/FAX-TB-HQ", "1/BC-TB-KV7", "Lý Văn Sơn",
                     "Phương tiện đã rời cửa khẩu", "Đội Giám sát, đ/c Tuấn", "lập biên bản"):
        assert expected in text, expected
    assert "Phụ lục IV" in _case(ctx, inc)[-1].content


def test_an_altered_archive_is_refused_and_a_scan_is_kept(ctx, users, desk, tmp_path):
    inc = _approved(ctx, users, desk)
    doc = ctx.issuer.issue_request_fax(users["truongca"], inc.id, unit_id=_unit(ctx, "KV3").id)
    assert ctx.issuer.load(doc.id).pdf == doc.pdf
    doc.path.write_bytes(doc.pdf + b"%changed")
    with pytest.raises(ValidationError):
        ctx.issuer.load(doc.id)
    scan = tmp_path / "phu-luc-iv.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    with pytest.raises(ValidationError):
        ctx.issuer.attach(users["giamsat1"], desk.id, scan, kind="scan",
                          request_id=doc.request_id, sha256="0" * 64)
    a = ctx.issuer.attach(users["giamsat1"], desk.id, scan, kind="scan",
                          request_id=doc.request_id, description="Phụ lục IV nhận qua fax")
    assert a.sha256 == sha256_of(scan.read_bytes())
    assert (ctx.data_dir / a.file_path).read_bytes() == scan.read_bytes()
    assert f"SHA-256 {a.sha256}" in _case(ctx, inc)[-1].content
