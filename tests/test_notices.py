"""Notices to units (draft → sent → acknowledged, version-checked) and the
document register: numbers per desk, year and type, unique across consoles."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.clock import to_local, to_utc
from app.db.models import DocumentNumber, Notice
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError


def _notice(ctx, notice_id: int) -> Notice:
    with ctx.db.read() as s:
        return s.get(Notice, notice_id)


# -- notices -----------------------------------------------------------------------------
def test_create_send_acknowledge(ctx, users, desk):
    officer = users["giamsat1"]
    unit = next(u for u in ctx.reference.units() if u.code == "KV3-DV-GS")
    n = ctx.notices.create(officer, desk.id, "  Camera cổng số 3 mất tín hiệu  ", "phone",
                           unit_id=unit.id, contact="Đội Giám sát cảng Đình Vũ",
                           body="Từ 08:45 camera không có hình.", source_kind="camera_fault",
                           source_ref="CAM-DV-03")
    assert (n.status, n.version, n.subject) == ("draft", 1, "Camera cổng số 3 mất tín hiệu")
    assert n.created_by == officer.id and n.created_at == ctx.clock.now()
    ctx.clock.advance(timedelta(minutes=5))
    sent = ctx.notices.mark_sent(officer, n.id, n.version, document_no="12/FAX-TB-HQ")
    assert (sent.status, sent.version) == ("sent", 2)
    assert sent.sent_at == ctx.clock.now() and sent.document_no == "12/FAX-TB-HQ"
    ctx.clock.advance(timedelta(minutes=10))
    acked = ctx.notices.acknowledge(officer, n.id, sent.version, by_contact="anh Tuấn, đội trưởng")
    assert (acked.status, acked.version) == ("acknowledged", 3)
    assert acked.acknowledged_at == ctx.clock.now()
    stored = _notice(ctx, n.id)
    assert stored.acknowledged_by_contact == "anh Tuấn, đội trưởng"
    assert stored.source_kind == "camera_fault" and stored.unit_id == unit.id
    assert [x.id for x in ctx.notices.for_desk(desk.id)] == [n.id]


def test_stale_version_conflicts_and_writes_nothing(ctx, users, desk):
    officer = users["giamsat1"]
    n = ctx.notices.create(officer, desk.id, "Máy soi container lỗi", "fax")
    sent = ctx.notices.mark_sent(officer, n.id, n.version)
    with pytest.raises(ConflictError):  # the second console still holds version 1
        ctx.notices.mark_sent(users["giamsat2"], n.id, n.version)
    with pytest.raises(ConflictError):
        ctx.notices.acknowledge(officer, n.id, n.version, by_contact="x")
    stored = _notice(ctx, n.id)
    assert (stored.status, stored.version, stored.sent_at) == ("sent", 2, sent.sent_at)
    assert stored.acknowledged_at is None


def test_transitions_follow_the_order(ctx, users, desk):
    officer = users["giamsat1"]
    n = ctx.notices.create(officer, desk.id, "Cân xe lệch số", "email")
    with pytest.raises(ValidationError) as err:  # a draft cannot be acknowledged: wrong step
        ctx.notices.acknowledge(officer, n.id, n.version, by_contact="x")
    assert "not sent yet" in err.value.message()
    assert _notice(ctx, n.id).status == "draft"
    sent = ctx.notices.mark_sent(officer, n.id, n.version)
    with pytest.raises(ValidationError):  # sending twice
        ctx.notices.mark_sent(officer, n.id, sent.version)
    with pytest.raises(ConflictError):  # acting on what another console already changed
        ctx.notices.acknowledge(officer, n.id, n.version, by_contact="x")
    with pytest.raises(NotFound):
        ctx.notices.mark_sent(officer, 999999, 1)


@pytest.mark.parametrize("channel", ["telex", "Phone", "", "sms"])
def test_unknown_channel_is_rejected(ctx, users, desk, channel):
    with pytest.raises(ValidationError) as err:
        ctx.notices.create(users["giamsat1"], desk.id, "Camera hỏng", channel)
    assert "channel" in err.value.message()
    assert ctx.notices.for_desk(desk.id) == []


def test_subject_required_and_rights(ctx, users, desk):
    with pytest.raises(ValidationError):
        ctx.notices.create(users["giamsat1"], desk.id, "   ", "phone")
    with pytest.raises(PermissionDenied):
        ctx.notices.create(users["dvhuunghi"], desk.id, "Camera hỏng", "phone")
    n = ctx.notices.create(users["giamsat1"], desk.id, "Camera hỏng", "phone")
    with pytest.raises(PermissionDenied):
        ctx.notices.mark_sent(users["cuctruong"], n.id, n.version)
    assert _notice(ctx, n.id).status == "draft"
    assert len(ctx.notices.for_desk(desk.id)) == 1


# -- the document register ------------------------------------------------------------
def test_numbers_count_per_desk_year_and_type(ctx, users, desk):
    clerk = users["tonghop"]
    kv3 = ctx.reference.desk_by_code("KV3")
    faxes = [ctx.documents.next_number(clerk, desk.id, "fax", f"Fax {i}") for i in range(3)]
    assert [d.number for d in faxes] == [1, 2, 3]
    assert [d.label for d in faxes] == ["1/FAX-TB-HQ", "2/FAX-TB-HQ", "3/FAX-TB-HQ"]
    year = to_local(ctx.clock.now()).year
    assert all(d.year == year and d.issued_by == clerk.id for d in faxes)
    # Another type, another desk: sequences of their own.
    letter = ctx.documents.next_number(clerk, desk.id, "letter", "Công văn")
    assert (letter.number, letter.label) == (1, "1/CV-TB-HQ")
    other = ctx.documents.next_number(users["truongca"], kv3.id, "fax", "Fax KV3")
    assert (other.number, other.label) == (1, "1/FAX-TB-KV3")
    assert ctx.documents.next_number(clerk, desk.id, "fax", "Fax 4").number == 4


def test_numbers_restart_with_the_local_year(ctx, users, desk):
    clerk = users["tonghop"]
    ctx.clock.set(to_utc(datetime(2026, 12, 31, 20, 0)))
    assert ctx.documents.next_number(clerk, desk.id, "fax", "Cuối năm").number == 1
    assert ctx.documents.next_number(clerk, desk.id, "fax", "Cuối năm").number == 2
    # 02:00 on 1 January in Hà Nội is still 31 December in UTC: a new year all the same.
    ctx.clock.set(to_utc(datetime(2027, 1, 1, 2, 0)))
    first = ctx.documents.next_number(clerk, desk.id, "fax", "Đầu năm")
    assert (first.year, first.number) == (2027, 1)


def test_numbering_rights_and_types(ctx, users, desk):
    with pytest.raises(PermissionDenied):
        ctx.documents.next_number(users["giamsat1"], desk.id, "fax", "x")
    with pytest.raises(ValidationError):
        ctx.documents.next_number(users["tonghop"], desk.id, "memo", "x")
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(DocumentNumber)) == 0


def test_numbers_are_unique_under_concurrency(ctx, users, desk):
    clerk, leader = users["tonghop"], users["truongca"]
    per_thread = 20
    results: dict[str, list[int]] = {"a": [], "b": []}
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(name, user):  # type: ignore[no-untyped-def]
        try:
            start.wait(timeout=30)
            for i in range(per_thread):
                doc = ctx.documents.next_number(user, desk.id, "fax", f"{name} {i}")
                results[name].append(doc.number)
        except BaseException as exc:  # noqa: BLE001 - reported on the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=("a", clerk), name="numbers-a"),
               threading.Thread(target=work, args=("b", leader), name="numbers-b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    numbers = results["a"] + results["b"]
    assert sorted(numbers) == list(range(1, 2 * per_thread + 1))
    # Each console sees its own numbers increase.
    assert results["a"] == sorted(results["a"]) and results["b"] == sorted(results["b"])
    with ctx.db.read() as s:
        stored = s.scalars(select(DocumentNumber.number).where(
            DocumentNumber.desk_id == desk.id, DocumentNumber.doc_type == "fax")).all()
    assert sorted(stored) == list(range(1, 2 * per_thread + 1))
    assert ctx.documents.next_number(clerk, desk.id, "fax", "sau cùng").number == 2 * per_thread + 1
