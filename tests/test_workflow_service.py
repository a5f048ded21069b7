"""The workflow on the shared database (SQLite and PostgreSQL): incidents raised by
hand or from a log entry, every step guarded on the service and written to the
duty log in the incident's case, the c.2 path end to end with different users,
exactly one decision when two leaders approve at once, opinions by phone and their
countersignature, requests with their Đ9 deadlines, and the handover's open items;
the separation of duties on the database's facts (roles, roster, steps): the
rostered role, creator ≠ proposer ≠ decider, the phone recorder who does not send
the request, the uncountersigned opinion listed in the handover."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.auth import CurrentUser
from app.db.engine import Database
from app.db.models import Incident, IncidentStep, LogCase, LogEntry
from app.dutylog import EntryDraft, EntryKind
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.handover import open_items_of
from app.roster import MemberSpec
from app.workflow.incidents import IncidentDraft, IncidentService, Prevention
from app.workflow.rules import Action, Handling, IncidentState, Origin

S = IncidentState


def _raise(ctx, users, desk, who="giamsat1", **kw):
    kw.setdefault("handling", Handling.COORDINATED_CHECK)
    draft = IncidentDraft(content="Xe 12C-345.67 chở container TGHU1234567 rời khu vực giám "
                                  "sát khi tờ khai chưa thông quan", place="Cửa khẩu Hữu Nghị",
                          declaration_no="105123456789", container_no="TGHU1234567",
                          vehicle_plate="12C-345.67", enterprise_tax_code="0101234567",
                          enterprise_name="Công ty TNHH ABC", **kw)
    return ctx.incidents.create(users[who], desk.id, draft)


def _case_entries(ctx, inc) -> list[LogEntry]:
    with ctx.db.read() as s:
        case_id = s.scalar(select(LogCase.id).where(LogCase.client_id == inc.case_ref))
        return list(s.scalars(select(LogEntry).where(LogEntry.case_id == case_id)
                              .order_by(LogEntry.seq)))


def _decisions(ctx, incident_id: int) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(IncidentStep).where(
            IncidentStep.incident_id == incident_id,
            IncidentStep.decision_kind.is_not(None))) or 0


def test_create_opens_a_case_with_an_incident_entry(ctx, users, desk):
    inc = _raise(ctx, users, desk)
    assert inc.state == S.NEW and inc.desk_id == desk.id and inc.version == 1
    entries = _case_entries(ctx, inc)
    assert [e.kind for e in entries] == [EntryKind.INCIDENT]
    assert entries[0].container_no == "TGHU1234567" and "MST 0101234567" in entries[0].note
    assert [s.action for s in ctx.incidents.steps(inc.id)] == ["create"]
    assert ctx.dutylog.verify(desk.id).ok


def test_create_from_a_duty_log_entry(ctx, users, desk):
    e = ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind=EntryKind.INCIDENT, content="Hành khách nghi vấn mang hàng cấm", case_ref="c-1",
        place="Sân bay Nội Bài"))
    inc = ctx.incidents.create_from_entry(users["giamsat1"], e.id, handling=Handling.REMINDER)
    assert inc.case_ref == "c-1" and inc.source_entry_id == e.id and inc.place == "Sân bay Nội Bài"
    assert len(_case_entries(ctx, inc)) == 1  # the entry is the incident entry
    with pytest.raises(ValidationError):
        ctx.incidents.create_from_entry(users["giamsat1"], e.id)
    work = ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
        kind=EntryKind.WORK, content="Camera 12 thấy xe quay đầu bất thường"))
    inc2 = ctx.incidents.create_from_entry(users["giamsat1"], work.id)
    assert [e.kind for e in _case_entries(ctx, inc2)] == [EntryKind.INCIDENT]


def test_role_guards_hold_on_the_service(ctx, users, desk):
    inc = _raise(ctx, users, desk)
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.VERIFY)
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    entries = len(ctx.dutylog.entries(desk.id))
    for name in ("giamsat1", "giamsat2", "lanhdaophong", "tonghop", "cuctruong", "admin"):
        with pytest.raises(PermissionDenied):
            ctx.incidents.transition(users[name], inc.id, Action.APPROVE)
    assert ctx.incidents.get(inc.id).state == S.PROPOSED
    assert len(ctx.dutylog.entries(desk.id)) == entries and _decisions(ctx, inc.id) == 0
    # nobody approves his own incident, not even a shift leader
    own = _raise(ctx, users, desk, who="truongca")
    ctx.incidents.transition(users["lanhdaophong"], own.id, Action.PROPOSE)
    with pytest.raises(PermissionDenied) as err:
        ctx.incidents.transition(users["truongca"], own.id, Action.APPROVE)
    assert "raised this incident" in err.value.message()
    assert ctx.incidents.transition(users["truongca2"], own.id, Action.APPROVE).state == S.APPROVED


def test_coordinated_check_end_to_end(ctx, users, desk):
    """c.2: officer raises → room-level leader verifies and proposes → shift leader
    approves → request (Appendix II) to the regional desk → acknowledged within 30
    minutes → result → closed; every step in the duty log, in one case."""
    svc, clock = ctx.incidents, ctx.clock
    inc = _raise(ctx, users, desk)
    assert svc.allowed(users["giamsat1"], inc) == [Action.PREVENT]
    inc = svc.transition(users["lanhdaophong"], inc.id, Action.VERIFY, version=inc.version)
    inc = svc.transition(users["lanhdaophong"], inc.id, Action.PROPOSE, version=inc.version,
                         comment="Đề nghị phối hợp Chi cục KV VII kiểm tra")
    assert svc.pending_for(users["truongca"], desk.id)[0].id == inc.id
    clock.advance(timedelta(minutes=3))
    inc = svc.transition(users["truongca"], inc.id, Action.APPROVE, version=inc.version)
    assert inc.state == S.APPROVED
    inc = svc.transition(users["giamsat1"], inc.id, Action.START)
    kv7 = next(u for u in ctx.reference.units() if u.code == "KV7")
    req = ctx.requests.create(users["giamsat1"], desk.id, incident_id=inc.id, unit_id=kv7.id,
                              channel="fax", contact="Trực ban Chi cục KV VII",
                              subject="Phối hợp kiểm tra container TGHU1234567",
                              requested_due_at=clock.now() + timedelta(hours=4))
    assert req.appendix == "II" and req.fax_no == kv7.fax and req.unit_name == kv7.name
    clock.advance(timedelta(minutes=2))
    req = ctx.requests.record_receipt(users["giamsat1"], req.id)
    assert req.ack_due_at == clock.now() + timedelta(minutes=30)
    clock.advance(timedelta(minutes=20))
    req = ctx.requests.acknowledge(users["kv7.giamsat"], req.id, contact="Lý Văn Sơn, 0912345678",
                                   promised_at=clock.now() + timedelta(hours=2))
    assert req.status == "acknowledged" and req.result_due_at == req.promised_at
    assert ctx.requests.overdue(desk.id) == []
    clock.advance(timedelta(hours=1))
    req = ctx.requests.record_result(users["giamsat1"], req.id, "Đã kiểm tra, phát hiện chênh "
                                     "lệch số lượng, lập biên bản.", timeline="10:00 kiểm tra")
    assert req.status == "done"
    inc = svc.transition(users["giamsat1"], inc.id, Action.REPORT_RESULT,
                         comment="Chi cục KV VII đã kiểm tra, lập biên bản vi phạm.")
    inc = svc.transition(users["truongca"], inc.id, Action.CLOSE)
    assert inc.state == S.CLOSED
    entries = _case_entries(ctx, inc)
    assert [e.kind for e in entries] == [
        "incident", "note", "note", "directive", "directive", "directive", "note", "note",
        "result", "result", "note"]
    assert {e.author_id for e in entries} >= {users[n].id for n in (
        "giamsat1", "lanhdaophong", "truongca", "kv7.giamsat")}
    approval = entries[3]
    assert "Nguyễn Văn Hùng" in approval.content and approval.channel == "document"
    assert [s.action for s in svc.steps(inc.id)] == [
        "create", "verify", "propose", "approve", "start", "report_result", "close"]
    assert ctx.dutylog.verify(desk.id).ok
    assert not [i for i in ctx.handover.collect_open_items(
        desk.id, ctx.roster.current_shift(desk.id).id) if i.source in ("workflow_incident",
                                                                         "request")]


def test_reminder_is_handled_by_the_room_leader_who_informs_the_shift_leader(ctx, users, desk):
    inc = _raise(ctx, users, desk, handling=Handling.REMINDER)
    inc = ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.ACT_DIRECTLY)
    assert inc.state == S.IN_PROGRESS
    last = _case_entries(ctx, inc)[-1]
    assert last.kind == "directive" and "báo cáo lãnh đạo ca trực" in last.content
    other = _raise(ctx, users, desk)  # c.2 waits for the shift leader
    with pytest.raises(ValidationError):
        ctx.incidents.transition(users["lanhdaophong"], other.id, Action.ACT_DIRECTLY)


def test_immediate_prevention(ctx, users, desk):
    inc = _raise(ctx, users, desk)
    with pytest.raises(ValidationError):
        ctx.incidents.transition(users["giamsat1"], inc.id, Action.PREVENT)
    inc = ctx.incidents.transition(
        users["giamsat1"], inc.id, Action.PREVENT,
        prevention=Prevention(case="gate", contact="Đội trưởng Đội GS cửa khẩu Hữu Nghị",
                              identification="container TGHU1234567, xe 12C-345.67"))
    assert inc.state == S.PROPOSED and inc.immediate and inc.prevention_case == "gate"
    e = _case_entries(ctx, inc)[-1]
    assert e.kind == "directive" and e.channel == "phone"
    assert "Đội trưởng Đội GS cửa khẩu Hữu Nghị" in e.content and "TGHU1234567" in e.content
    assert ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE).state == S.APPROVED


def _race(make_services, users, incident_id, names=("truongca", "truongca2")):
    barrier = threading.Barrier(len(names))
    results: dict[str, object] = {}

    def run(name, svc):
        barrier.wait()
        try:
            results[name] = svc.transition(users[name], incident_id, Action.APPROVE, version=3)
        except (ConflictError, PermissionDenied) as exc:
            results[name] = exc

    threads = [threading.Thread(target=run, args=(n, svc), name=f"approve-{n}")
               for n, svc in zip(names, make_services, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def _check_race(ctx, users, inc, results):
    won = [n for n, r in results.items() if isinstance(r, Incident)]
    lost = [r for r in results.values() if isinstance(r, ConflictError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert users[won[0]].full_name in lost[0].message() and "already decided" in lost[0].message()
    assert _decisions(ctx, inc.id) == 1
    directives = [e for e in _case_entries(ctx, inc) if e.kind == "directive"]
    assert len(directives) == 1


def _proposed(ctx, users, desk):
    inc = _raise(ctx, users, desk)
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.VERIFY)
    return ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)


def test_double_approval_from_two_threads(ctx, users, desk):
    for _ in range(5):
        inc = _proposed(ctx, users, desk)
        assert inc.version == 3
        results = _race([ctx.incidents, ctx.incidents], users, inc.id)
        _check_race(ctx, users, inc, results)


def test_double_approval_from_two_connections(ctx, users, desk, db_url):
    other = Database(db_url)
    try:
        second = IncidentService(other, ctx.clock, ctx.dutylog.__class__(other, ctx.clock))
        for _ in range(5):
            inc = _proposed(ctx, users, desk)
            _check_race(ctx, users, inc, _race([ctx.incidents, second], users, inc.id))
    finally:
        other.dispose()
    assert ctx.dutylog.verify(desk.id).ok


def test_late_approval_is_told_who_decided(ctx, users, desk):
    inc = _proposed(ctx, users, desk)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE, version=inc.version)
    for action in (Action.APPROVE, Action.REJECT):
        with pytest.raises(ConflictError) as err:
            ctx.incidents.transition(users["truongca2"], inc.id, action, version=inc.version,
                                     comment="Không đồng ý")
        assert "Nguyễn Văn Hùng already decided" in err.value.message()


def test_the_unique_index_backs_a_single_decision(ctx, users, desk):
    inc = _proposed(ctx, users, desk)
    ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)
    with pytest.raises(IntegrityError), ctx.db.engine.begin() as c:
        c.execute(text(
            "INSERT INTO incident_step (desk_id, incident_id, action, from_state, to_state, "
            "decision_kind, recorded_by, decided_by, by_phone, at, comment, version) VALUES "
            "(:d, :i, 'approve', 'proposed', 'approved', 'approval', :u, :u, false, "
            ":t, '', 1)"), {"d": desk.id, "i": inc.id, "u": users["truongca2"].id,
                            "t": ctx.clock.now()})


def test_cleared_goods_at_night_opinions_by_phone_countersigned(ctx, users, desk):
    """c.3: the room-level leader's, the shift leader's and the Director's opinions
    are given by phone; the officer who raised it records the proposal, another officer
    the approval, the Office's clerk the Director's opinion (whoever put it before a
    decision does not record that decision); each countersigns later."""
    svc, officer = ctx.incidents, users["giamsat1"]
    inc = _raise(ctx, users, desk, who="giamsat2", handling=Handling.CLEARED_GOODS)
    svc.transition(users["giamsat2"], inc.id, Action.PROPOSE,
                   on_behalf_of=users["lanhdaophong"], by_phone=True)
    opinion_at = ctx.clock.now() - timedelta(minutes=5)
    inc = svc.transition(officer, inc.id, Action.APPROVE, on_behalf_of=users["truongca"].id,
                         by_phone=True, opinion_at=opinion_at, comment="Đồng ý, báo cáo TCT")
    assert inc.state == S.DIRECTOR_REVIEW
    inc = svc.transition(users["tonghop"], inc.id, Action.DIRECTOR_APPROVE,
                         on_behalf_of=users["cuctruong"], by_phone=True,
                         comment="Đồng ý dừng đưa hàng qua khu vực giám sát")
    assert inc.state == S.APPROVED
    pending = svc.awaiting_countersign(desk.id)
    assert [s.action for s in pending] == ["propose", "approve", "director_approve"]
    approve = pending[1]
    assert approve.recorded_by == officer.id and approve.decided_by == users["truongca"].id
    assert approve.by_phone and approve.opinion_at == opinion_at
    entry = [e for e in _case_entries(ctx, inc) if e.id == approve.log_entry_id][0]
    assert entry.channel == "phone" and entry.author_id == officer.id
    assert "qua điện thoại" in entry.note and "Đỗ Quang Huy" in entry.note
    with pytest.raises(PermissionDenied):
        svc.countersign(users["truongca2"], approve.id)
    with pytest.raises(PermissionDenied):
        svc.countersign(officer, approve.id)
    svc.countersign(users["truongca"], approve.id)
    with pytest.raises(ValidationError):
        svc.countersign(users["truongca"], approve.id)
    assert [s.action for s in svc.awaiting_countersign(desk.id, users["cuctruong"].id)] == \
        ["director_approve"]
    svc.countersign(users["cuctruong"], pending[2].id)
    assert [s.action for s in svc.awaiting_countersign(desk.id)] == ["propose"]
    assert "xác nhận ý kiến" in _case_entries(ctx, inc)[-1].content
    assert ctx.dutylog.verify(desk.id).ok


def test_origin_decides_the_report_path(ctx, users, desk):
    director = _raise(ctx, users, desk, origin=Origin.DIRECTOR)
    ctx.incidents.transition(users["tonghop"], director.id, Action.PROPOSE)  # via the Office
    with pytest.raises(PermissionDenied):
        ctx.incidents.transition(users["truongca"], director.id, Action.APPROVE)
    assert ctx.incidents.transition(users["cuctruong"], director.id,
                                    Action.APPROVE).state == S.APPROVED
    unit = _raise(ctx, users, desk, origin=Origin.UNIT_PLAN)
    ctx.incidents.transition(users["lanhdaophong"], unit.id, Action.PROPOSE)
    ctx.incidents.transition(users["truongca"], unit.id, Action.APPROVE)
    req = ctx.requests.create(users["giamsat1"], desk.id, incident_id=unit.id, channel="fax",
                              unit_name="Chi cục Hải quan khu vực III", subject="Phối hợp GSTT")
    assert req.appendix == "V"
    with pytest.raises(ValidationError):
        ctx.requests.create(users["giamsat1"], desk.id, incident_id=_raise(ctx, users, desk).id,
                            channel="fax", unit_name="X", subject="Chưa được duyệt")


def test_overdue_acknowledgement_and_escalation(ctx, users, desk):
    clock = ctx.clock
    r = ctx.requests.create(users["giamsat1"], desk.id, unit_name="Chi cục Hải quan khu vực III",
                            channel="phone", subject="Cung cấp hồ sơ tờ khai 105123456789",
                            urgent=True, received_at=clock.now())
    assert r.ack_due_at == clock.now() + timedelta(minutes=30)
    clock.advance(timedelta(minutes=29))
    assert ctx.requests.overdue(desk.id) == []
    clock.advance(timedelta(minutes=2))
    items = ctx.requests.overdue(desk.id)
    assert [(o.request.id, o.what, o.minutes_late) for o in items] == [(r.id, "ack", 1)]
    # a console that was offline asks with its own "now": computed from stored times
    assert ctx.requests.overdue(desk.id, now=r.created_at + timedelta(minutes=10)) == []
    assert len(ctx.requests.escalate_overdue(users["giamsat1"], desk.id)) == 1
    assert ctx.requests.escalate_overdue(users["giamsat1"], desk.id) == []  # once
    last = ctx.dutylog.entries(desk.id)[-1]
    assert "Quá hạn" in last.content and "lãnh đạo ca trực" in last.content
    late = ctx.requests.acknowledge(users["giamsat1"], r.id, contact="Ông Thắng",
                                    promised_at=clock.now() + timedelta(minutes=30))
    assert "chậm 1 phút" in ctx.dutylog.entries(desk.id)[-1].content
    assert late.status == "acknowledged"
    # the shift's open items show the request
    items = ctx.handover.collect_open_items(desk.id, ctx.roster.current_shift(desk.id).id)
    assert [i.ref for i in items if i.source == "request"] == [str(r.id)]


def test_late_result_needs_reason_and_responsibility(ctx, users, desk):
    clock = ctx.clock
    r = ctx.requests.create(users["giamsat1"], desk.id, unit_name="Chi cục Hải quan khu vực VII",
                            channel="fax", subject="Kiểm tra xe 12C-345.67")
    ctx.requests.acknowledge(users["giamsat1"], r.id, contact="Bà Mai",
                             promised_at=clock.now() + timedelta(hours=1))
    clock.advance(timedelta(hours=2))
    assert [o.what for o in ctx.requests.overdue(desk.id)] == ["result"]
    with pytest.raises(ValidationError) as err:
        ctx.requests.record_result(users["giamsat1"], r.id, "Đã kiểm tra",
                                   late_reason="Mất điện")
    assert "reason and the responsibility" in err.value.message()
    assert ctx.requests.get(r.id).status == "acknowledged"
    done = ctx.requests.record_result(users["giamsat1"], r.id, "Đã kiểm tra",
                                      late_reason="Mất điện tại cửa khẩu",
                                      late_responsibility="Đội trưởng Đội Giám sát")
    assert done.status == "done" and done.late_reason == "Mất điện tại cửa khẩu"
    assert ctx.requests.overdue(desk.id) == []


def test_a_relayed_requests_result_is_reported_back_on_the_original(ctx, users, desk):
    """HQ asks the KV7 region; KV7's desk passes it on to its Hữu Nghị unit. The unit's
    result, recorded at KV7, is the original's result too, in HQ's log; a late one
    carries its reason back; an original answered already is left as it is."""
    units = {u.code: u for u in ctx.reference.units()}
    kv7 = ctx.reference.desk_by_code("KV7")
    hq_officer, kv7_officer = users["giamsat1"], users["kv7.giamsat"]
    due = ctx.clock.now() + timedelta(hours=2)
    original = ctx.requests.create(hq_officer, desk.id, unit_id=units["KV7"].id,
                                   channel="fax", subject="Kiểm tra container TCLU7081240",
                                   requested_due_at=due)
    relayed = ctx.requests.relay(kv7_officer, kv7.id, original.id, units["KV7-HN"].id)
    assert relayed.desk_id == kv7.id and relayed.relayed_from_id == original.id
    assert relayed.result_due_at == due and f"#{original.id}" in relayed.subject
    ctx.requests.acknowledge(kv7_officer, relayed.id, contact="Đ/c Tuấn")
    ctx.requests.record_result(kv7_officer, relayed.id, "Đã kiểm tra, hàng đúng khai báo",
                               timeline="10:05 kiểm tra; 10:40 xong")
    back = ctx.requests.get(original.id)
    assert back.status == "done"
    assert back.result_text == f"Theo báo cáo của {relayed.unit_name}: Đã kiểm tra, hàng đúng " \
                               "khai báo"
    assert back.timeline == "10:05 kiểm tra; 10:40 xong"
    assert any("Theo báo cáo của" in e.content for e in ctx.dutylog.entries(desk.id))

    # late: the reason and responsibility travel with it
    late = ctx.requests.create(hq_officer, desk.id, unit_id=units["KV7"].id, channel="fax",
                               subject="Xác minh tờ khai 105998877120", requested_due_at=due)
    late_relayed = ctx.requests.relay(kv7_officer, kv7.id, late.id, units["KV7-HN"].id)
    ctx.clock.advance(timedelta(hours=3))
    ctx.requests.record_result(kv7_officer, late_relayed.id, "Đã xác minh",
                               late_reason="Mất kết nối hệ thống",
                               late_responsibility="Đội nghiệp vụ")
    assert ctx.requests.get(late.id).late_reason == "Mất kết nối hệ thống"

    # answered at HQ already (by phone): the relayed result does not overwrite it
    third = ctx.requests.create(hq_officer, desk.id, unit_id=units["KV7"].id, channel="phone",
                                subject="Cung cấp hình ảnh camera")
    third_relayed = ctx.requests.relay(kv7_officer, kv7.id, third.id, units["KV7-HN"].id)
    ctx.requests.record_result(hq_officer, third.id, "Đã nhận hình ảnh qua thư điện tử")
    ctx.requests.record_result(kv7_officer, third_relayed.id, "Đã gửi hình ảnh")
    assert ctx.requests.get(third.id).result_text == "Đã nhận hình ảnh qua thư điện tử"
    assert ctx.requests.get(third_relayed.id).status == "done"


def test_unit_liaison_answers_only_for_his_unit(ctx, users, desk):
    units = {u.code: u for u in ctx.reference.units()}
    mine = ctx.requests.create(users["giamsat1"], desk.id, unit_id=units["KV7-HN-GS"].id,
                               channel="email", subject="Cung cấp hình ảnh camera")
    other = ctx.requests.create(users["giamsat1"], desk.id, unit_id=units["KV3-KS"].id,
                                channel="email", subject="Cung cấp hình ảnh camera")
    ctx.requests.acknowledge(users["dvhuunghi"], mine.id, contact="Nông Văn Tuấn")
    with pytest.raises(PermissionDenied):
        ctx.requests.acknowledge(users["dvhuunghi"], other.id, contact="Nông Văn Tuấn")
    with pytest.raises(PermissionDenied):
        ctx.requests.create(users["dvhuunghi"], desk.id, unit_name="X", channel="fax",
                            subject="Y")


def test_open_incidents_in_the_handover(ctx, users, desk):
    inc = _raise(ctx, users, desk)
    items = ctx.handover.collect_open_items(desk.id, ctx.roster.current_shift(desk.id).id)
    mine = [i for i in items if i.source == "workflow_incident"]
    assert [(i.ref, i.detail) for i in mine] == [(str(inc.id), "mới")]


def test_a_workflow_incident_is_one_open_item_of_the_handover(ctx, users, desk):
    from app.workflow.incidents import IncidentDraft  # noqa: PLC0415

    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container MSKU1234565 nghi vấn khai sai", container_no="MSKU1234565"))
    shift = ctx.roster.current_shift(desk.id)
    items = ctx.handover.collect_open_items(desk.id, shift.id)
    about = [i for i in items if "MSKU1234565" in i.title or i.ref in (str(inc.id), inc.case_ref)]
    assert len(about) == 1, items


# -- separation of duties (issue 11 item 2; docs/security.md) -----------------------
def _give_roles(ctx, users, name, roles):
    """The admin edits the account's roles (rows of user_role); returns the user as the
    tests' fixture had him (with his old roles: the core reads the database's)."""
    account = next(u for u in ctx.reference.users() if u.username == name)
    ctx.accounts.update_user(users["admin"], account.id, account.version,
                             full_name=account.full_name, roles=roles, active=True,
                             desk_id=account.desk_id, title=account.title)
    return users[name]


def _roster(ctx, users, desk, **roles):
    shift = ctx.roster.current_shift(desk.id)
    return ctx.roster.set_members(users["truongca"], shift.id, shift.version, [
        MemberSpec(users[name].id, role) for name, role in roles.items()])


def test_whoever_holds_both_leaders_roles_does_not_approve_his_own_proposal(ctx, users, desk):
    room = _give_roles(ctx, users, "lanhdaophong", ["room_leader", "shift_leader"])
    inc = _proposed(ctx, users, desk)
    assert Action.APPROVE not in ctx.incidents.allowed(room, ctx.incidents.get(inc.id))
    with pytest.raises(PermissionDenied) as err:
        ctx.incidents.transition(room, inc.id, Action.APPROVE)
    assert err.value.message() == ("Lê Minh Đức proposed this incident (or forwarded it for "
                                   "this decision) and cannot decide on it.")
    with pytest.raises(PermissionDenied):   # nor recorded in his name by phone
        ctx.incidents.transition(users["giamsat2"], inc.id, Action.APPROVE,
                                 on_behalf_of=room, by_phone=True)
    assert _decisions(ctx, inc.id) == 0 and ctx.incidents.get(inc.id).state == S.PROPOSED
    assert ctx.incidents.transition(users["truongca"], inc.id,
                                    Action.APPROVE).state == S.APPROVED


def test_on_the_shifts_roster_one_acts_in_the_rostered_role(ctx, users, desk):
    """Đ5.3: truongca2's account holds both leaders' roles; rostered as the room-level
    leader of this shift, he does not approve as shift leader; the rostered shift
    leader does."""
    both = _give_roles(ctx, users, "truongca2", ["room_leader", "shift_leader"])
    _roster(ctx, users, desk, truongca="shift_leader", truongca2="room_leader",
            giamsat1="officer")
    inc = _raise(ctx, users, desk)
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)  # not rostered
    assert Action.APPROVE not in ctx.incidents.allowed(both, ctx.incidents.get(inc.id))
    assert ctx.incidents.pending_for(both, desk.id) == []
    with pytest.raises(PermissionDenied) as err:
        ctx.incidents.transition(both, inc.id, Action.APPROVE)
    assert err.value.message() == (
        "Trần Thị Thu Hà is on this shift's roster as the room-level leader, not as the shift "
        "leader, and acts in that role only: he cannot approve an incident.")
    with pytest.raises(PermissionDenied):
        ctx.incidents.transition(users["giamsat2"], inc.id, Action.APPROVE,
                                 on_behalf_of=both, by_phone=True)
    assert _decisions(ctx, inc.id) == 0
    assert ctx.incidents.transition(users["truongca"], inc.id,
                                    Action.APPROVE).state == S.APPROVED


def test_the_roles_a_caller_claims_count_for_nothing(ctx, users, desk):
    """The core judges on the account's rows, not on the CurrentUser it is handed."""
    inc = _proposed(ctx, users, desk)
    officer = users["giamsat2"]
    claimed = CurrentUser(id=officer.id, username=officer.username,
                          full_name=officer.full_name, roles=frozenset({"shift_leader"}),
                          desk_id=officer.desk_id)
    assert ctx.incidents.allowed(claimed, ctx.incidents.get(inc.id)) == []
    with pytest.raises(PermissionDenied) as err:
        ctx.incidents.transition(claimed, inc.id, Action.APPROVE)
    assert "is not allowed to approve an incident" in err.value.message()
    assert _decisions(ctx, inc.id) == 0


def test_one_officer_does_not_drive_an_incident_to_the_request_alone(ctx, users, desk):
    """The gap: the officer raised it, recorded the room-level leader's proposal by
    phone, then the shift leader's approval, then sent the request himself. Now the
    approval is recorded by someone else, and the request and its fax are sent by
    someone else than that recorder; the urgent path by phone stays open (Đ5.4b,
    Đ8.2.3 c.2)."""
    svc, officer, clerk = ctx.incidents, users["giamsat1"], users["tonghop"]
    inc = _raise(ctx, users, desk)
    svc.transition(officer, inc.id, Action.PROPOSE, on_behalf_of=users["lanhdaophong"],
                   by_phone=True)
    with pytest.raises(PermissionDenied) as err:
        svc.transition(officer, inc.id, Action.APPROVE, on_behalf_of=users["truongca"],
                       by_phone=True)
    assert err.value.message() == (
        "Đỗ Quang Huy raised or proposed this incident and cannot record the decision on it, "
        "even one given by phone: another member of the room records it.")
    assert _decisions(ctx, inc.id) == 0
    inc = svc.transition(clerk, inc.id, Action.APPROVE, on_behalf_of=users["truongca"],
                         by_phone=True)
    assert inc.state == S.APPROVED
    kv7 = next(u for u in ctx.reference.units() if u.code == "KV7")
    message = ("Phạm Thị Lan recorded a decision on this incident given by phone and cannot "
               "also send what it allowed: another member of the room sends it.")
    with pytest.raises(PermissionDenied) as err:
        ctx.requests.create(clerk, desk.id, incident_id=inc.id, unit_id=kv7.id, channel="phone",
                            subject="Phối hợp kiểm tra container TGHU1234567", urgent=True,
                            received_at=ctx.clock.now())
    assert err.value.message() == message
    with pytest.raises(PermissionDenied) as err:
        ctx.issuer.issue_request_fax(clerk, inc.id, unit_id=kv7.id)
    assert err.value.message() == message
    assert ctx.requests.for_desk(desk.id, incident_id=inc.id) == []
    # the urgent path: another officer phones the unit at once; the fax follows
    r = ctx.requests.create(officer, desk.id, incident_id=inc.id, unit_id=kv7.id,
                            channel="phone", subject="Phối hợp kiểm tra container TGHU1234567",
                            urgent=True, received_at=ctx.clock.now())
    assert r.status == "received"
    with pytest.raises(PermissionDenied):
        ctx.issuer.issue_for_request(clerk, r.id)
    assert ctx.issuer.issue_for_request(users["lanhdaophong"], r.id).request_id == r.id


def test_an_opinion_by_phone_not_countersigned_is_an_open_item_of_the_handover(
        ctx, users, desk):
    svc = ctx.incidents
    shift = _roster(ctx, users, desk, truongca="shift_leader", giamsat1="officer")
    h = ctx.handover.save_draft(users["truongca"], shift.id, "Ca trực bình thường.")
    assert not [i for i in open_items_of(h) if i.source == "phone_opinion"]
    inc = _proposed(ctx, users, desk)
    ctx.clock.advance(timedelta(minutes=1))
    svc.transition(users["giamsat2"], inc.id, Action.APPROVE, on_behalf_of=users["truongca2"],
                   by_phone=True)
    step = svc.awaiting_countersign(desk.id)[0]
    items = [i for i in ctx.handover.collect_open_items(desk.id, shift.id)
             if i.source == "phone_opinion"]
    assert [i.ref for i in items] == [str(step.id)]
    assert "Trần Thị Thu Hà" in items[0].title and "đồng ý, phê duyệt" in items[0].title
    assert "Vũ Thị Ngọc Ánh" in items[0].detail
    # the report saved before the opinion does not list it: it is not signed so
    with pytest.raises(ValidationError) as err:
        ctx.handover.sign(users["truongca"], h.id, h.version)
    assert err.value.message().startswith(
        "The handover report does not list 1 open item(s) it must hand over: Ý kiến qua "
        "điện thoại của Trần Thị Thu Hà")
    assert ctx.handover.get(h.id).status == "draft"
    h = ctx.handover.save_draft(users["truongca"], shift.id, "Ca trực bình thường.",
                                version=h.version)
    assert [i.ref for i in open_items_of(h) if i.source == "phone_opinion"] == [str(step.id)]
    signed = ctx.handover.sign(users["truongca"], h.id, h.version)
    assert signed.status == "signed"
    # countersigned: no longer an open item of the next report
    svc.countersign(users["truongca2"], step.id)
    assert not [i for i in ctx.handover.collect_open_items(desk.id, shift.id)
                if i.source == "phone_opinion"]
