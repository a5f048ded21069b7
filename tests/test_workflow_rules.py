"""The incident state machine alone (app/workflow/rules.py): which steps each role
may take in each state, the creator rule, the room-level leader's own handling
(Đ8.2.1–2), the Director's opinion (c.3, 2.4), immediate prevention (Đ8.1),
opinions by phone, the report path after the origin (Đ16.4), and the separation of
duties: the rostered role (Đ5.3), creator ≠ proposer ≠ decider (for the recorder of a
phone opinion too), one decision per kind, and the phone recorder who does not send
what the decision allowed (Đ5.4b, Đ8.2.3 c.2)."""

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
    OnDuty,
    Origin,
    StepFact,
    allowed_transitions,
    apply_transition,
    check_transition,
    proposal_appendix,
    report_path,
    send_error,
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
    d = _f(S.DIRECTOR_REVIEW, Handling.CLEARED_GOODS, created_by=OFFICER2.id)
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


# -- separation of duties (issue 11 item 2; docs/security.md) -----------------------
BOTH = _u(10, "room_leader", "shift_leader")   # an account holding both leaders' roles


def _proposed_by(proposer: CurrentUser, recorder: CurrentUser | None = None,
                 handling: str = Handling.COORDINATED_CHECK,
                 created_by: int = OFFICER.id) -> IncidentFacts:
    facts = _f(S.VERIFIED, handling, created_by=created_by)
    if recorder is None:
        o = check_transition(facts, A.PROPOSE, proposer)
    else:
        o = check_transition(facts, A.PROPOSE, recorder, on_behalf_of=proposer, by_phone=True)
    return apply_transition(facts, o)


def test_on_the_roster_one_acts_in_the_rostered_role_only():
    """Đ5.3: rostered as the room-level leader, an account that also holds the shift
    leader's role does not approve as shift leader; off the roster his account's
    roles apply; the roster never grants a role the account lacks."""
    facts = _proposed_by(ROOM)
    assert A.APPROVE in allowed_transitions(facts, BOTH)                 # no roster
    as_room = OnDuty({BOTH.id: frozenset({"room_leader"}), ROOM.id: frozenset({"room_leader"})})
    assert A.APPROVE not in allowed_transitions(facts, BOTH, on_duty=as_room)
    with pytest.raises(PermissionDenied) as err:
        check_transition(facts, A.APPROVE, BOTH, on_duty=as_room)
    assert err.value.message() == (
        "User 10 is on this shift's roster as the room-level leader, not as the shift leader, "
        "and acts in that role only: he cannot approve an incident.")
    with pytest.raises(PermissionDenied):   # nor recorded for him by phone
        check_transition(facts, A.APPROVE, OFFICER2, on_behalf_of=BOTH, by_phone=True,
                         on_duty=as_room)
    as_leader = OnDuty({BOTH.id: frozenset({"shift_leader"})})
    assert check_transition(facts, A.APPROVE, BOTH, on_duty=as_leader).decided_by == BOTH.id
    assert A.APPROVE in allowed_transitions(facts, SHIFT, on_duty=as_room)  # not rostered
    with pytest.raises(PermissionDenied) as err:   # a roster row grants nothing
        check_transition(facts, A.APPROVE, OFFICER2,
                         on_duty=OnDuty({OFFICER2.id: frozenset({"shift_leader"})}))
    assert "is not allowed to approve" in err.value.message()
    # rostered as shift leader, he does not propose as the room-level leader either
    assert A.PROPOSE not in allowed_transitions(_f(S.VERIFIED), BOTH, on_duty=as_leader)
    # the Director's role is no shift role: the roster leaves it alone
    review = _f(S.DIRECTOR_REVIEW, Handling.CLEARED_GOODS)
    assert A.DIRECTOR_APPROVE in allowed_transitions(
        review, DIRECTOR, on_duty=OnDuty({DIRECTOR.id: frozenset({"officer"})}))


def test_the_proposer_does_not_approve_his_own_proposal():
    facts = _proposed_by(BOTH)
    assert A.APPROVE not in allowed_transitions(facts, BOTH)
    for action in (A.APPROVE, A.REJECT):
        with pytest.raises(PermissionDenied) as err:
            check_transition(facts, action, BOTH, comment="x")
        assert err.value.message() == ("User 10 proposed this incident (or forwarded it for "
                                       "this decision) and cannot decide on it.")
    with pytest.raises(PermissionDenied):   # nor is it recorded for him by phone
        check_transition(facts, A.APPROVE, OFFICER2, on_behalf_of=BOTH, by_phone=True)
    assert check_transition(facts, A.APPROVE, SHIFT).target == S.APPROVED
    # an immediate prevention puts the incident before the shift leader too
    o = check_transition(_f(S.NEW, created_by=OFFICER2.id), A.PREVENT, BOTH,
                         prevention_case="gate")
    prevented = apply_transition(_f(S.NEW, created_by=OFFICER2.id), o)
    with pytest.raises(PermissionDenied):
        check_transition(prevented, A.APPROVE, BOTH)


def test_whoever_raised_it_neither_proposes_nor_handles_it_himself():
    mine = _f(S.VERIFIED, created_by=ROOM.id)
    assert A.PROPOSE not in allowed_transitions(mine, ROOM)
    with pytest.raises(PermissionDenied) as err:
        check_transition(mine, A.PROPOSE, ROOM)
    assert err.value.message() == ("User 3 raised this incident and cannot also propose it: "
                                   "the room-level leader proposes what someone else reported.")
    with pytest.raises(PermissionDenied) as err:
        check_transition(_f(S.VERIFIED, Handling.REMINDER, created_by=ROOM.id),
                         A.ACT_DIRECTLY, ROOM)
    assert "raised this incident and cannot decide on it" in err.value.message()
    # the officer who raised it reports to the room-level leader by phone and records
    # his proposal (Đ8.2.3 a–b): allowed, the proposal is the leader's
    assert check_transition(_f(S.VERIFIED), A.PROPOSE, OFFICER, on_behalf_of=ROOM,
                            by_phone=True).decided_by == ROOM.id


def test_one_officer_cannot_record_every_opinion_by_phone():
    """The gap: the officer raises, records the room-level leader's proposal and the
    shift leader's approval by phone. The approval is recorded by someone else."""
    facts = _proposed_by(ROOM, recorder=OFFICER)      # OFFICER raised it and recorded this
    assert A.APPROVE not in allowed_transitions(facts, OFFICER, on_behalf_of=SHIFT)
    with pytest.raises(PermissionDenied) as err:
        check_transition(facts, A.APPROVE, OFFICER, on_behalf_of=SHIFT, by_phone=True)
    assert err.value.message() == (
        "User 1 raised or proposed this incident and cannot record the decision on it, even "
        "one given by phone: another member of the room records it.")
    with pytest.raises(PermissionDenied):   # the proposer records it neither
        check_transition(facts, A.APPROVE, ROOM, on_behalf_of=SHIFT, by_phone=True)
    recorded = _proposed_by(ROOM, recorder=OFFICER2)  # a second officer recorded the proposal
    with pytest.raises(PermissionDenied):
        check_transition(recorded, A.APPROVE, OFFICER2, on_behalf_of=SHIFT, by_phone=True)
    o = check_transition(recorded, A.APPROVE, CLERK, on_behalf_of=SHIFT, by_phone=True)
    assert o.recorded_by == CLERK.id and o.decided_by == SHIFT.id and o.awaits_countersign


def test_the_directors_opinion_is_not_recorded_by_whoever_forwarded_it():
    facts = _proposed_by(ROOM, handling=Handling.CLEARED_GOODS)
    o = check_transition(facts, A.APPROVE, OFFICER2, on_behalf_of=SHIFT, by_phone=True)
    review = apply_transition(facts, o)
    assert review.state == S.DIRECTOR_REVIEW
    for recorder in (SHIFT, OFFICER2, ROOM, OFFICER):   # approver, its recorder, proposer, creator
        with pytest.raises(PermissionDenied):
            check_transition(review, A.DIRECTOR_APPROVE, recorder, on_behalf_of=DIRECTOR,
                             by_phone=True)
    assert check_transition(review, A.DIRECTOR_APPROVE, CLERK, on_behalf_of=DIRECTOR,
                            by_phone=True).target == S.APPROVED
    assert check_transition(review, A.DIRECTOR_APPROVE, DIRECTOR).target == S.APPROVED


def test_a_decision_is_taken_once_per_incident_and_kind():
    decided = IncidentFacts(state=S.PROPOSED, handling=Handling.COORDINATED_CHECK,
                            created_by=OFFICER.id, steps=(
                                StepFact("approve", SHIFT2.id, SHIFT2.id,
                                         decision=DecisionKind.APPROVAL),))
    assert A.APPROVE not in allowed_transitions(decided, SHIFT)
    with pytest.raises(ValidationError) as err:
        check_transition(decided, A.APPROVE, SHIFT)
    assert err.value.message() == ("This incident already has its approver's decision: a "
                                   "decision is taken once.")
    handled = IncidentFacts(state=S.VERIFIED, handling=Handling.REMINDER, created_by=OFFICER.id,
                            steps=(StepFact("act_directly", ROOM.id, ROOM.id,
                                            decision=DecisionKind.ROOM_LEADER),))
    with pytest.raises(ValidationError) as err:
        check_transition(handled, A.ACT_DIRECTLY, ROOM)
    assert "the room-level leader's own handling" in err.value.message()


def test_whoever_recorded_a_decision_by_phone_does_not_send_what_it_allowed():
    facts = _proposed_by(ROOM)
    o = check_transition(facts, A.APPROVE, OFFICER2, on_behalf_of=SHIFT, by_phone=True)
    approved = apply_transition(facts, o)
    error = send_error(approved, OFFICER2)
    assert isinstance(error, PermissionDenied)
    assert error.message() == ("User 2 recorded a decision on this incident given by phone and "
                               "cannot also send what it allowed: another member of the room "
                               "sends it.")
    for sender in (OFFICER, ROOM, SHIFT):
        assert send_error(approved, sender) is None
    # decided at the console, not by phone: nobody is barred
    direct = apply_transition(facts, check_transition(facts, A.APPROVE, SHIFT))
    assert send_error(direct, SHIFT) is None
