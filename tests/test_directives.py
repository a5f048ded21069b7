"""Directives not tied to an incident (Đ6.1, Đ10.4b) on both databases: sent to
three units in one transaction with its directive entry, each unit followed up
with the Đ9 deadlines of requests (acknowledgement within 30 minutes, result,
escalation when overdue), closed when every unit has reported. And the desk
guard of the incident workflow: a regional desk's leader cannot act on an HQ
incident (checked on the service, not only in the GUI)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.db.models import LogCase, LogEntry
from app.dutylog import EntryKind
from app.errors import PermissionDenied, ValidationError
from app.workflow.directives import DirectiveDraft
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling, IncidentState


def _units(ctx, *codes):
    by_code = {u.code: u for u in ctx.reference.units()}
    return [by_code[c] for c in codes]


def _case(ctx, case_ref) -> list[LogEntry]:
    with ctx.db.read() as s:
        case_id = s.scalar(select(LogCase.id).where(LogCase.client_id == case_ref))
        return list(s.scalars(select(LogEntry).where(LogEntry.case_id == case_id)
                              .order_by(LogEntry.seq)))


def _send(ctx, users, desk, **kw):
    units = _units(ctx, "KV3", "KV7", "KV3-DV")
    draft = DirectiveDraft(
        content="Tăng cường giám sát hàng quá cảnh qua cửa khẩu trong dịp cuối năm; báo cáo "
                "kết quả về trực ban.",
        unit_ids=[u.id for u in units], directed_by_id=users["cuctruong"].id,
        channel=kw.pop("channel", "phone"), **kw)
    return ctx.directives.create(users["giamsat1"], desk.id, draft), units


def test_a_directive_goes_to_three_units_with_its_entry(ctx, users, desk):
    now = ctx.clock.now()
    d, units = _send(ctx, users, desk, received_at=now, due_at=now + timedelta(hours=4))
    assert d.status == "open" and d.directed_by.startswith("Hoàng Đình Khải")
    [view] = ctx.directives.for_desk(desk.id)
    assert [r.unit_id for r in view.units] == [u.id for u in units]
    assert {r.status for r in view.units} == {"received"}
    assert all(r.ack_due_at == now + timedelta(minutes=30) for r in view.units)
    assert all(r.result_due_at == now + timedelta(hours=4) for r in view.units)
    [entry] = _case(ctx, d.case_ref)
    assert entry.kind == EntryKind.DIRECTIVE and entry.channel == "phone"
    assert entry.id == d.log_entry_id
    assert "Ý kiến chỉ đạo của Hoàng Đình Khải" in entry.content
    for u in units:
        assert u.name in entry.content
    # the requests are the desk's open requests: the supervisor console follows them
    assert {r.id for r in ctx.requests.for_desk(desk.id, open_only=True)} >= \
        {r.id for r in view.units}
    assert ctx.dutylog.verify(desk.id).ok


def test_bad_directives_change_nothing(ctx, users, desk):
    before = len(ctx.dutylog.entries(desk.id))
    kv3 = _units(ctx, "KV3")[0]
    for draft in (DirectiveDraft(content=" ", unit_ids=[kv3.id], directed_by="X"),
                  DirectiveDraft(content="Nội dung", unit_ids=[], directed_by="X"),
                  DirectiveDraft(content="Nội dung", unit_ids=[kv3.id]),
                  DirectiveDraft(content="Nội dung", unit_ids=[kv3.id], directed_by="X",
                                 channel="pigeon")):
        with pytest.raises(ValidationError):
            ctx.directives.create(users["giamsat1"], desk.id, draft)
    with pytest.raises(PermissionDenied):  # another desk's officer
        ctx.directives.create(users["kv3.giamsat"], desk.id, DirectiveDraft(
            content="Nội dung", unit_ids=[kv3.id], directed_by="X"))
    assert len(ctx.dutylog.entries(desk.id)) == before
    assert ctx.directives.for_desk(desk.id) == []


def test_acknowledgements_overdue_escalation_and_closing(ctx, users, desk):
    clock, officer = ctx.clock, users["giamsat1"]
    d, units = _send(ctx, users, desk)
    a, b, c = ctx.directives.units_of(d.id)
    # A: received at once, acknowledged in 10 minutes.
    ctx.directives.record_receipt(officer, a.id)
    clock.advance(timedelta(minutes=10))
    a = ctx.directives.acknowledge(officer, a.id, "Đ/c Thắng, 0912 000 111",
                                   promised_at=clock.now() + timedelta(hours=1))
    assert a.status == "acknowledged" and a.result_due_at == a.promised_at
    # B: received 10 minutes in, never acknowledged → overdue 30 minutes later.
    b = ctx.directives.record_receipt(officer, b.id, channel="fax")
    assert b.ack_due_at == clock.now() + timedelta(minutes=30)
    clock.advance(timedelta(minutes=31))
    overdue = ctx.directives.overdue(desk.id)
    assert [(o.request.id, o.what, o.minutes_late) for o in overdue] == [(b.id, "ack", 1)]
    escalated = ctx.directives.escalate_overdue(officer, desk.id)
    assert [o.request.id for o in escalated] == [b.id]
    assert ctx.directives.escalate_overdue(officer, desk.id) == []  # once
    assert ctx.requests.escalate_overdue(officer, desk.id) == []    # not twice by requests
    last = _case(ctx, d.case_ref)[-1]
    assert "Quá hạn thông báo đầu mối" in last.content and units[1].name in last.content
    assert "lãnh đạo ca trực" in last.content
    # C: acknowledges itself (the receipt too).
    ctx.directives.acknowledge(officer, c.id, "Đ/c Hải")
    # Results: A, then B (late ack, then result), C — closes on the last one.
    ctx.directives.record_result(officer, a.id, "Đã triển khai tới các đội giám sát.",
                                 channel="email")
    ctx.directives.acknowledge(officer, b.id, "Đ/c Sơn")
    ctx.directives.record_result(officer, b.id, "Đã quán triệt, bố trí thêm ca trực.")
    assert ctx.directives.get(d.id).status == "open"
    ctx.directives.record_result(officer, c.id, "Đã thực hiện.", channel="fax")
    closed = ctx.directives.get(d.id)
    assert closed.status == "closed" and closed.closed_at == clock.now()
    entries = _case(ctx, d.case_ref)
    kinds = [e.kind for e in entries]
    assert kinds[0] == EntryKind.DIRECTIVE and kinds.count(EntryKind.RESULT) == 3
    assert "báo cáo kết quả thực hiện chỉ đạo" in entries[-2].content
    assert "kết thúc theo dõi" in entries[-1].content
    assert "chậm" in next(e.content for e in entries if "Đ/c Sơn" in e.content)
    assert ctx.directives.for_desk(desk.id, open_only=True) == []
    assert len(ctx.directives.for_desk(desk.id, open_only=True,
                                       closed_since=clock.now())) == 1
    with pytest.raises(ValidationError):  # answered already
        ctx.directives.record_result(officer, c.id, "Lần nữa")
    assert ctx.dutylog.verify(desk.id).ok


def test_a_late_result_needs_reason_and_responsibility(ctx, users, desk):
    d, _ = _send(ctx, users, desk, due_at=ctx.clock.now() + timedelta(hours=1))
    r = ctx.directives.units_of(d.id)[0]
    ctx.clock.advance(timedelta(hours=2))
    assert {o.what for o in ctx.directives.overdue(desk.id)} == {"result"}
    with pytest.raises(ValidationError):
        ctx.directives.record_result(users["giamsat1"], r.id, "Đã thực hiện")
    done = ctx.directives.record_result(users["giamsat1"], r.id, "Đã thực hiện",
                                        late_reason="Mất liên lạc",
                                        late_responsibility="Đội trưởng")
    assert done.status == "done"
    assert "Nguyên nhân chậm: Mất liên lạc" in _case(ctx, d.case_ref)[-1].content


def test_an_incident_request_is_not_a_directive(ctx, users, desk):
    r = ctx.requests.create(users["giamsat1"], desk.id, unit_name="Chi cục KV III",
                            channel="phone", subject="Cung cấp hồ sơ")
    from app.errors import NotFound  # noqa: PLC0415

    with pytest.raises(NotFound):
        ctx.directives.acknowledge(users["giamsat1"], r.id, "X")
    assert ctx.requests.get(r.id).status == "sent"


# -- the desk guard of the incident workflow ------------------------------------------------
def test_a_regional_leader_cannot_act_on_an_hq_incident(ctx, users, desk):
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container TGHU1234567 rời khu vực giám sát", handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    entries = len(ctx.dutylog.entries(desk.id))
    for name in ("kv3.truongca", "kv7.truongca"):
        with pytest.raises(PermissionDenied) as err:
            ctx.incidents.transition(users[name], inc.id, Action.APPROVE)
        assert "does not belong to this incident's duty desk" in err.value.message()
        assert users[name].full_name in err.value.message()
        assert ctx.incidents.allowed(users[name], ctx.incidents.get(inc.id)) == []
    # ... nor be recorded as approving it by phone, nor record it for HQ's leader
    with pytest.raises(PermissionDenied):
        ctx.incidents.transition(users["giamsat1"], inc.id, Action.APPROVE,
                                 on_behalf_of=users["kv3.truongca"], by_phone=True)
    with pytest.raises(PermissionDenied):
        ctx.incidents.transition(users["kv3.giamsat"], inc.id, Action.APPROVE,
                                 on_behalf_of=users["truongca"], by_phone=True)
    # ... nor raise an incident in HQ's log
    with pytest.raises(PermissionDenied):
        ctx.incidents.create(users["kv3.giamsat"], desk.id, IncidentDraft(content="X"))
    assert ctx.incidents.get(inc.id).state == IncidentState.PROPOSED
    assert len(ctx.dutylog.entries(desk.id)) == entries
    # HQ's own shift leader still approves
    assert ctx.incidents.transition(users["truongca"], inc.id,
                                    Action.APPROVE).state == IncidentState.APPROVED


def test_the_director_acts_on_any_desk(ctx, users, desk):
    from app.workflow.incidents import Prevention  # noqa: PLC0415

    kv3 = ctx.reference.desk_by_code("KV3")
    inc = ctx.incidents.create(users["kv3.giamsat"], kv3.id, IncidentDraft(
        content="Lô hàng đã thông quan có dấu hiệu vi phạm qua cổng cảng",
        handling=Handling.CLEARED_GOODS))
    ctx.incidents.transition(users["kv3.giamsat"], inc.id, Action.PREVENT, prevention=Prevention(
        case="gate", contact="Đội Kiểm soát hải quan khu vực III"))
    with pytest.raises(PermissionDenied):  # HQ's shift leader: not his desk
        ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    inc = ctx.incidents.transition(users["kv3.truongca"], inc.id, Action.APPROVE)
    assert inc.state == IncidentState.DIRECTOR_REVIEW
    assert users["cuctruong"].desk_id == desk.id != kv3.id
    assert ctx.incidents.transition(users["cuctruong"], inc.id,
                                    Action.DIRECTOR_APPROVE).state == IncidentState.APPROVED


def test_the_demo_seeding(ctx, users, desk):
    from app.demo import _directives_and_reports  # noqa: PLC0415
    from app.workflow.daily_reports import LATE, RECEIVED  # noqa: PLC0415

    now = ctx.clock.now()
    _directives_and_reports(ctx, desk.id, users, now)
    [view] = ctx.directives.for_desk(desk.id, open_only=True)
    assert sorted(r.status for r in view.units) == ["acknowledged", "done", "received"]
    assert [o.what for o in ctx.directives.overdue(desk.id)] == ["ack"]
    rows = ctx.daily_reports.tracker(desk.id)
    states = [r.state(now) for r in rows]
    assert states.count(LATE) == 1 and rows[0].reminders == 1
    assert sum(1 for r in rows if r.received_at is not None) >= 2 and RECEIVED in states
    assert ctx.dutylog.verify(desk.id).ok


def test_the_pure_rules_know_the_desk():
    from app.auth import CurrentUser  # noqa: PLC0415
    from app.workflow.rules import IncidentFacts, allowed_transitions, check_transition  # noqa: PLC0415

    hq_leader = CurrentUser(1, "a", "A", frozenset({"shift_leader"}), desk_id=1)
    kv_leader = CurrentUser(2, "b", "B", frozenset({"shift_leader"}), desk_id=2)
    director = CurrentUser(3, "c", "C", frozenset({"director"}), desk_id=None)
    facts = IncidentFacts(state="proposed", handling=Handling.COORDINATED_CHECK, created_by=9,
                          desk_id=1)
    assert Action.APPROVE in allowed_transitions(facts, hq_leader)
    assert allowed_transitions(facts, kv_leader) == []
    with pytest.raises(PermissionDenied):
        check_transition(facts, Action.APPROVE, kv_leader)
    review = IncidentFacts(state="director_review", handling=Handling.CLEARED_GOODS,
                           created_by=9, desk_id=2)
    assert Action.DIRECTOR_APPROVE in allowed_transitions(review, director)
    # facts without a desk (the pure state-machine tests): not checked
    assert Action.APPROVE in allowed_transitions(
        IncidentFacts(state="proposed", handling=Handling.COORDINATED_CHECK), kv_leader)
