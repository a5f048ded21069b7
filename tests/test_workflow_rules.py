"""The incident state machine alone (app/workflow/rules.py): which steps each role
may take in each state, the creator rule, the room-level leader's own handling
(Đ8.2.1–2), the Director's opinion (c.3, 2.4), immediate prevention (Đ8.1),
opinions by phone, and the report path after the origin (Đ16.4)."""

from __future__ import annotations

import pytest

from app.auth import CurrentUser
from app.errors import PermissionDenied, ValidationError
from app.workflow.rules import (
    Action,
    DecisionKind,
    Handling,
    IncidentFacts,
    IncidentState,
    Origin,
    allowed_transitions,
    apply_transition,
    check_transition,
    proposal_appendix,
    report_path,
)

S, A = IncidentState, Action


def _u(uid: int, *roles: str) -> CurrentUser:
    return CurrentUser(id=uid, username=f"u{uid}", full_name=f"User {uid}", roles=frozenset(roles))


OFFICER = _u(1, "officer")
OFFICER2 = _u(2, "officer")
ROOM = _u(3, "room_leader")
SHIFT = _u(4, "shift_leader")
SHIFT2 = _u(5, "shift_leader")
DIRECTOR = _u(6, "director")
CLERK = _u(7, "clerk")
LIAISON = _u(8, "unit_liaison")
ADMIN = _u(9, "admin")


def _f(state: str, handling: str | None = Handling.COORDINATED_CHECK,
       origin: str = Origin.REGULAR, created_by: int = OFFICER.id, immediate: bool = False
       ) -> IncidentFacts:
    return IncidentFacts(state=state, origin=origin, handling=handling, created_by=created_by,
                         immediate=immediate)


@pytest.mark.parametrize(("user", "state", "expected"), [
    (OFFICER, S.NEW, {A.PREVENT}),
    (ROOM, S.NEW, {A.PREVENT, A.VERIFY, A.PROPOSE}),
    (SHIFT, S.NEW, {A.VERIFY}),
    (ROOM, S.VERIFIED, {A.PREVENT, A.PROPOSE}),
    (OFFICER, S.PROPOSED, set()),
    (ROOM, S.PROPOSED, set()),
    (SHIFT, S.PROPOSED, {A.APPROVE, A.REJECT}),
    (DIRECTOR, S.PROPOSED, set()),
    (OFFICER, S.APPROVED, {A.START}),
    (CLERK, S.APPROVED, set()),
    (OFFICER, S.IN_PROGRESS, {A.REPORT_RESULT}),
    (CLERK, S.IN_PROGRESS, {A.REPORT_RESULT}),
    (OFFICER, S.RESULT_REPORTED, set()),
    (ROOM, S.RESULT_REPORTED, {A.CLOSE}),
    (SHIFT, S.REJECTED, {A.CLOSE}),
    (SHIFT, S.CLOSED, set()),
    (LIAISON, S.NEW, set()),
    (ADMIN, S.PROPOSED, set()),
])
def test_allowed_transitions_per_role_and_state(user, state, expected):
    assert set(allowed_transitions(_f(state), user)) == expected


def test_reminder_and_info_request_are_handled_by_the_room_leader_himself():
    for handling in (Handling.REMINDER, Handling.INFO_REQUEST, None):
        assert A.ACT_DIRECTLY in allowed_transitions(_f(S.NEW, handling), ROOM)
        assert A.ACT_DIRECTLY in allowed_transitions(_f(S.VERIFIED, handling), ROOM)
    o = check_transition(_f(S.VERIFIED, None), A.ACT_DIRECTLY, ROOM, handling=Handling.REMINDER)
    assert o.target == S.IN_PROGRESS and o.decision == DecisionKind.ROOM_LEADER
    assert A.ACT_DIRECTLY not in allowed_transitions(_f(S.NEW), ROOM)  # c.2 needs approval
    with pytest.raises(ValidationError) as err:
        check_transition(_f(S.VERIFIED), A.ACT_DIRECTLY, ROOM)
    assert "needs the shift leader's approval" in err.value.message()
    with pytest.raises(PermissionDenied):
        check_transition(_f(S.NEW, Handling.REMINDER), A.ACT_DIRECTLY, OFFICER)


def test_approval_path_and_decisions():
    o = check_transition(_f(S.PROPOSED), A.APPROVE, SHIFT)
    assert o.target == S.APPROVED and o.decision == DecisionKind.APPROVAL
    assert not o.awaits_countersign and o.decided_by == SHIFT.id
    # the shift leader chooses the form (Đ8.2.3c)
    o = check_transition(_f(S.PROPOSED), A.APPROVE, SHIFT, handling=Handling.DIRECTIVE_HQ)
    assert o.handling == Handling.DIRECTIVE_HQ and o.target == S.APPROVED
    with pytest.raises(ValidationError) as err:
        check_transition(_f(S.PROPOSED), A.REJECT, SHIFT, comment="  ")
    assert "comment" in err.value.message()
    assert check_transition(_f(S.PROPOSED), A.REJECT, SHIFT, comment="Chưa đủ căn cứ").target \
        == S.REJECTED
    with pytest.raises(ValidationError):
        check_transition(_f(S.PROPOSED, None), A.APPROVE, SHIFT)  # no handling form


@pytest.mark.parametrize("user", [OFFICER, ROOM, CLERK, DIRECTOR, LIAISON, ADMIN])
def test_only_the_approver_approves(user):
    with pytest.raises(PermissionDenied) as err:
        check_transition(_f(S.PROPOSED, created_by=99), A.APPROVE, user)
    assert "is not allowed to approve an incident" in err.value.message()


def test_nobody_decides_on_his_own_incident():
    facts = _f(S.PROPOSED, created_by=SHIFT.id)
    assert A.APPROVE not in allowed_transitions(facts, SHIFT)
    assert A.APPROVE in allowed_transitions(facts, SHIFT2)
    for action in (A.APPROVE, A.REJECT):
        with pytest.raises(PermissionDenied) as err:
            check_transition(facts, action, SHIFT, comment="x")
        assert "raised this incident" in err.value.message()
    with pytest.raises(PermissionDenied):
        check_transition(_f(S.DIRECTOR_REVIEW, Handling.CLEARED_GOODS, created_by=DIRECTOR.id),
                         A.DIRECTOR_APPROVE, DIRECTOR)


@pytest.mark.parametrize("handling", [Handling.CLEARED_GOODS, Handling.MOBILE_EQUIPMENT])
def test_cleared_goods_and_mobile_equipment_need_the_director(handling):
    o = check_transition(_f(S.PROPOSED, handling), A.APPROVE, SHIFT)
    assert o.target == S.DIRECTOR_REVIEW
    facts = apply_transition(_f(S.PROPOSED, handling), o)
    assert allowed_transitions(facts, SHIFT) == []
    assert set(allowed_transitions(facts, DIRECTOR)) == {A.DIRECTOR_APPROVE, A.DIRECTOR_REJECT}
    o = check_transition(facts, A.DIRECTOR_APPROVE, DIRECTOR)
    assert o.target == S.APPROVED and o.decision == DecisionKind.DIRECTOR
    with pytest.raises(ValidationError):
        check_transition(facts, A.DIRECTOR_REJECT, DIRECTOR)  # needs a comment
    # the shift leader may change the form to c.3 when approving: the Director decides
    assert check_transition(_f(S.PROPOSED), A.APPROVE, SHIFT, handling=handling).target \
        == S.DIRECTOR_REVIEW
    assert proposal_appendix(Handling.CLEARED_GOODS) == "III"


def test_wrong_state_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as err:
        check_transition(_f(S.APPROVED), A.APPROVE, SHIFT)
    assert err.value.message() == "You cannot approve an incident now: the incident is approved."
    with pytest.raises(ValidationError):
        check_transition(_f(S.NEW), "fly", SHIFT)
    with pytest.raises(ValidationError):
        check_transition(_f(S.NEW), A.VERIFY, ROOM, handling="teleport")


def test_immediate_prevention_reports_to_the_shift_leader_at_once():
    with pytest.raises(ValidationError) as err:
        check_transition(_f(S.NEW), A.PREVENT, OFFICER, prevention_case="rumour")
    assert "Art. 8.1" in err.value.message()
    o = check_transition(_f(S.NEW), A.PREVENT, OFFICER, prevention_case="gate")
    assert o.target == S.PROPOSED and o.decision is None
    facts = apply_transition(_f(S.NEW), o)
    assert facts.immediate and facts.state == S.PROPOSED
    assert set(allowed_transitions(facts, SHIFT)) == {A.APPROVE, A.REJECT}
    with pytest.raises(ValidationError):
        check_transition(_f(S.VERIFIED, immediate=True), A.PREVENT, OFFICER,
                         prevention_case="gate")


def test_opinion_by_phone_recorded_on_behalf():
    facts = _f(S.PROPOSED, created_by=OFFICER2.id)
    assert set(allowed_transitions(facts, OFFICER, on_behalf_of=SHIFT)) == {A.APPROVE, A.REJECT}
    o = check_transition(facts, A.APPROVE, OFFICER, on_behalf_of=SHIFT, by_phone=True)
    assert o.recorded_by == OFFICER.id and o.decided_by == SHIFT.id and o.by_phone
    assert o.awaits_countersign
    with pytest.raises(ValidationError) as err:  # must say "by phone"
        check_transition(facts, A.APPROVE, OFFICER, on_behalf_of=SHIFT)
    assert "by phone" in err.value.message()
    with pytest.raises(PermissionDenied):  # X must hold the role
        check_transition(facts, A.APPROVE, OFFICER, on_behalf_of=ROOM, by_phone=True)
    with pytest.raises(ValidationError):  # not for ordinary steps
        check_transition(_f(S.APPROVED), A.START, OFFICER, on_behalf_of=SHIFT, by_phone=True)
    with pytest.raises(ValidationError):  # by phone needs someone else's opinion
        check_transition(facts, A.APPROVE, SHIFT, by_phone=True)
    with pytest.raises(PermissionDenied):  # who records must keep the log
        check_transition(facts, A.APPROVE, LIAISON, on_behalf_of=SHIFT, by_phone=True)
    # the Director's opinion (c.3 at night), recorded by the officer
    d = _f(S.DIRECTOR_REVIEW, Handling.CLEARED_GOODS)
    o = check_transition(d, A.DIRECTOR_APPROVE, OFFICER, on_behalf_of=DIRECTOR, by_phone=True)
    assert o.decided_by == DIRECTOR.id and o.target == S.APPROVED


def test_origin_decides_the_report_path():
    regular, unit, director = (report_path(o) for o in Origin)
    assert regular.approver == "shift_leader" and regular.request_appendix == "II"
    assert unit.request_appendix == "V" and not unit.room_leader_may_act
    assert director.approver == "director" and director.office_forwards
    # Director-ordered surveillance: the Director approves, the shift leader cannot
    facts = _f(S.PROPOSED, origin=Origin.DIRECTOR)
    assert allowed_transitions(facts, SHIFT) == []
    assert set(allowed_transitions(facts, DIRECTOR)) == {A.APPROVE, A.REJECT}
    o = check_transition(_f(S.PROPOSED, Handling.CLEARED_GOODS, Origin.DIRECTOR), A.APPROVE,
                         DIRECTOR)
    assert o.target == S.APPROVED  # his approval is the Director's opinion already
    # the Office forwards it (Đ16.4c)
    assert A.PROPOSE in allowed_transitions(_f(S.NEW, origin=Origin.DIRECTOR), CLERK)
    assert A.PROPOSE not in allowed_transitions(_f(S.NEW), CLERK)
    # no room-level shortcut outside the duty desk's own path
    with pytest.raises(ValidationError) as err:
        check_transition(_f(S.NEW, Handling.REMINDER, Origin.UNIT_PLAN), A.ACT_DIRECTLY, ROOM)
    assert "the unit's leadership" in err.value.message()
    with pytest.raises(ValidationError):
        report_path("rumour")
