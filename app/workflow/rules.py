"""The incident state machine (Đ4.3, Đ8, Đ16.4): states, handling types, origins and
every transition guarded by role and state. Pure Python: no database, no Qt. The
services (app/workflow/incidents.py, requests.py) persist what `check_transition` allows.

    new ──verify──▶ verified ──propose──▶ proposed ──approve──▶ approved ──start──▶ in_progress
     │                 │                     │  └──reject──▶ rejected ──close──▶ closed
     │                 │                     └─approve (c.3, 2.4)─▶ director_review
     │                 │                                   ├─director_approve─▶ approved
     │                 │                                   └─director_reject──▶ rejected
     ├──prevent (Đ8.1: local team notified at once)──▶ proposed
     └──act_directly (room-level leader, reminder / info request)──▶ in_progress
    in_progress ──report_result──▶ result_reported ──close──▶ closed

A decision (approve/reject, the Director's opinion, the room-level leader's own
action) may be recorded by another room member on the decider's behalf, by
phone (Đ5.4b, Đ7.3.1e); the decider countersigns it later.

Separation of duties (docs/security.md): a member of the shift acts only
in the role he is rostered in (Đ5.3, `OnDuty`); whoever raised an incident or
put it before a decision (proposed it, prevented, forwarded it to the Director)
neither takes nor records that decision; each decision is taken once; whoever
recorded a decision given by phone does not send what it allowed (`send_error`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.auth import CurrentUser, Permission, Role
from app.errors import QT_TRANSLATE_NOOP, DomainError, PermissionDenied, ValidationError


class IncidentState(StrEnum):
    NEW = "new"
    VERIFIED = "verified"
    PROPOSED = "proposed"                  # awaiting the approver of the report path
    DIRECTOR_REVIEW = "director_review"    # the shift leader agreed; the Director decides
    APPROVED = "approved"
    REJECTED = "rejected"
    IN_PROGRESS = "in_progress"
    RESULT_REPORTED = "result_reported"
    CLOSED = "closed"


OPEN_STATES = frozenset(s for s in IncidentState if s != IncidentState.CLOSED)

# Marked names, used in messages (translated through the DomainError's values).
STATE_NAMES = {
    IncidentState.NEW: QT_TRANSLATE_NOOP("errors", "new"),
    IncidentState.VERIFIED: QT_TRANSLATE_NOOP("errors", "verified"),
    IncidentState.PROPOSED: QT_TRANSLATE_NOOP("errors", "awaiting approval"),
    IncidentState.DIRECTOR_REVIEW: QT_TRANSLATE_NOOP("errors", "awaiting the Director's opinion"),
    IncidentState.APPROVED: QT_TRANSLATE_NOOP("errors", "approved"),
    IncidentState.REJECTED: QT_TRANSLATE_NOOP("errors", "rejected"),
    IncidentState.IN_PROGRESS: QT_TRANSLATE_NOOP("errors", "in progress"),
    IncidentState.RESULT_REPORTED: QT_TRANSLATE_NOOP("errors", "with its result reported"),
    IncidentState.CLOSED: QT_TRANSLATE_NOOP("errors", "closed"),
}


class Handling(StrEnum):
    """The handling forms of Đ8.2."""

    REMINDER = "reminder"                  # 2.1
    INFO_REQUEST = "info_request"          # 2.2
    DIRECTIVE_HQ = "directive_hq"          # 2.3 c.1
    COORDINATED_CHECK = "coordinated_check"  # 2.3 c.2, Appendix II
    CLEARED_GOODS = "cleared_goods"        # 2.3 c.3, Appendix III to the Director
    MOBILE_EQUIPMENT = "mobile_equipment"  # 2.4, plan approved by the Director


# The room-level leader acts himself and informs the shift leader (Đ8.2.1b, 8.2.2b).
ROOM_LEADER_HANDLING = frozenset({Handling.REMINDER, Handling.INFO_REQUEST})
# The Director's opinion is needed on top of the shift leader's (Đ8.2.3 c.3, 8.2.4).
DIRECTOR_HANDLING = frozenset({Handling.CLEARED_GOODS, Handling.MOBILE_EQUIPMENT})


class Origin(StrEnum):
    """Where the incident came from (Đ16.4 a–c)."""

    REGULAR = "regular"        # regular surveillance or the duty desk's tasks
    UNIT_PLAN = "unit_plan"    # a unit's focused-surveillance plan: Appendix V
    DIRECTOR = "director"      # the Director's direct order, via the Office


class PreventionCase(StrEnum):
    """The immediate-prevention cases of Đ8.1."""

    BAGGAGE = "baggage"                    # a) passenger baggage
    CONTROLLED_AREA = "controlled_area"    # b) goods moved outside the controlled area
    GATE = "gate"                          # c) goods with violation signs at the gate


class Action(StrEnum):
    PREVENT = "prevent"
    VERIFY = "verify"
    PROPOSE = "propose"
    ACT_DIRECTLY = "act_directly"
    APPROVE = "approve"
    REJECT = "reject"
    DIRECTOR_APPROVE = "director_approve"
    DIRECTOR_REJECT = "director_reject"
    START = "start"
    REPORT_RESULT = "report_result"
    CLOSE = "close"


ACTION_TEXT = {  # "{user} is not allowed to {action}."
    Action.PREVENT: QT_TRANSLATE_NOOP("errors", "record an immediate prevention"),
    Action.VERIFY: QT_TRANSLATE_NOOP("errors", "verify an incident"),
    Action.PROPOSE: QT_TRANSLATE_NOOP("errors", "propose an incident for approval"),
    Action.ACT_DIRECTLY: QT_TRANSLATE_NOOP("errors", "handle an incident himself"),
    Action.APPROVE: QT_TRANSLATE_NOOP("errors", "approve an incident"),
    Action.REJECT: QT_TRANSLATE_NOOP("errors", "reject an incident"),
    Action.DIRECTOR_APPROVE: QT_TRANSLATE_NOOP("errors", "give the Director's approval"),
    Action.DIRECTOR_REJECT: QT_TRANSLATE_NOOP("errors", "give the Director's refusal"),
    Action.START: QT_TRANSLATE_NOOP("errors", "carry out an approved incident"),
    Action.REPORT_RESULT: QT_TRANSLATE_NOOP("errors", "report an incident's result"),
    Action.CLOSE: QT_TRANSLATE_NOOP("errors", "close an incident"),
}


class DecisionKind(StrEnum):
    """A decision is taken once per incident and kind (unique in the database)."""

    APPROVAL = "approval"          # the report path's approver: approve or reject
    DIRECTOR = "director"          # the Director's opinion (c.3, 2.4)
    ROOM_LEADER = "room_leader"    # the room-level leader's own handling


@dataclass(frozen=True)
class ReportPath:
    """Whom an incident is reported to, after its origin (Đ16.4)."""

    origin: Origin
    approver: Role                 # who approves or rejects
    report_to: str                 # marked text
    request_appendix: str          # the coordination fax: "II" (duty desk) or "V" (unit plan)
    room_leader_may_act: bool      # Đ8.2.1–2 apply (the duty desk's own path)
    office_forwards: bool          # the Office (clerk) may forward it (Đ16.4c)


_PATHS = {
    Origin.REGULAR: ReportPath(Origin.REGULAR, Role.SHIFT_LEADER,
                               QT_TRANSLATE_NOOP("errors", "the shift leader"), "II", True, False),
    Origin.UNIT_PLAN: ReportPath(Origin.UNIT_PLAN, Role.SHIFT_LEADER,
                                 QT_TRANSLATE_NOOP("errors", "the unit's leadership"), "V",
                                 False, False),
    Origin.DIRECTOR: ReportPath(Origin.DIRECTOR, Role.DIRECTOR,
                                QT_TRANSLATE_NOOP("errors", "the Director, through the Office"),
                                "II", False, True),
}


def report_path(origin: str) -> ReportPath:
    try:
        return _PATHS[Origin(origin)]
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown incident origin '{origin}'."),
                              origin=origin) from None


def proposal_appendix(handling: str | None) -> str | None:
    """Appendix III carries the proposal to the Director for cleared goods (c.3)."""
    return "III" if handling == Handling.CLEARED_GOODS else None


DECISION_TEXT = {  # "This incident already has {what}."
    DecisionKind.APPROVAL: QT_TRANSLATE_NOOP("errors", "its approver's decision"),
    DecisionKind.DIRECTOR: QT_TRANSLATE_NOOP("errors", "the Director's opinion"),
    DecisionKind.ROOM_LEADER: QT_TRANSLATE_NOOP("errors", "the room-level leader's own handling"),
}

# The roles of a shift's roster (Đ5.3): on the roster one acts in these only as rostered.
SHIFT_ROLES = frozenset({Role.SHIFT_LEADER, Role.ROOM_LEADER, Role.CLERK, Role.OFFICER})
ROLE_TEXT = {
    Role.SHIFT_LEADER: QT_TRANSLATE_NOOP("errors", "the shift leader"),
    Role.ROOM_LEADER: QT_TRANSLATE_NOOP("errors", "the room-level leader"),
    Role.CLERK: QT_TRANSLATE_NOOP("errors", "the Office's clerk"),
    Role.OFFICER: QT_TRANSLATE_NOOP("errors", "a surveillance officer"),
    Role.DIRECTOR: QT_TRANSLATE_NOOP("errors", "the Director"),
}


@dataclass(frozen=True)
class StepFact:
    """One earlier step of the incident, as the separation rules see it."""

    action: str
    recorded_by: int
    decided_by: int
    by_phone: bool = False
    decision: str | None = None


@dataclass(frozen=True)
class IncidentFacts:
    """What the rules need to know of an incident (the DB model has the same names;
    `steps` are its earlier steps, oldest first, as the service read them)."""

    state: str
    origin: str = Origin.REGULAR
    handling: str | None = None
    created_by: int | None = None
    immediate: bool = False
    desk_id: int | None = None     # the incident's desk; None: not checked (pure tests)
    steps: tuple[StepFact, ...] = ()

    @property
    def decided(self) -> frozenset[str]:
        """The decision kinds already taken."""
        return frozenset(s.decision for s in self.steps if s.decision)

    def brought_before(self, decision: DecisionKind) -> frozenset[int]:
        """Who may neither take nor record `decision`: the creator, and whoever
        decided or recorded a step that put the incident before it (a proposal, an
        immediate prevention; for the Director's opinion also the approval that
        forwarded it to him)."""
        actions = {Action.PROPOSE.value, Action.PREVENT.value}
        if decision == DecisionKind.DIRECTOR:
            actions.add(Action.APPROVE.value)
        out = {self.created_by} if self.created_by is not None else set()
        for s in self.steps:
            if s.action in actions:
                out |= {s.recorded_by, s.decided_by}
        return frozenset(out)

    def phone_recorders(self) -> dict[int, int]:
        """Who recorded a decision given by phone for someone else: recorder -> decider."""
        return {s.recorded_by: s.decided_by for s in self.steps
                if s.decision and s.by_phone and s.recorded_by != s.decided_by}


@dataclass(frozen=True)
class OnDuty:
    """The roster of the shift on duty at the incident's desk (Đ5.3): user id ->
    the shift roles he is rostered in. Empty: no roster (yet), account roles apply."""

    members: Mapping[int, frozenset[str]] = field(default_factory=dict)

    def rostered(self, user_id: int) -> frozenset[str]:
        return self.members.get(user_id, frozenset())

    def acting(self, user: CurrentUser) -> CurrentUser:
        """`user` with the roles he acts in on this shift: on the roster, the shift
        roles he is rostered in (and holds); off it, those of his account. Roles
        outside a shift's (the Director, a unit's liaison, the admin) are kept."""
        rostered = self.rostered(user.id)
        if not rostered:
            return user
        shift = {r.value for r in SHIFT_ROLES}
        return replace(user, roles=frozenset((user.roles - shift) | (user.roles & rostered)))


NO_ROSTER = OnDuty()


@dataclass(frozen=True)
class _Rule:
    sources: frozenset[IncidentState]
    target: IncidentState
    roles: frozenset[Role]
    decision: DecisionKind | None = None
    by_phone: bool = False         # may be recorded on the decider's behalf
    creator_excluded: bool = False  # the one who takes it did not raise the incident
    comment_required: bool = False


S, R = IncidentState, Role
_ROOM = frozenset({R.OFFICER, R.ROOM_LEADER, R.SHIFT_LEADER, R.CLERK})
RULES: dict[Action, _Rule] = {
    Action.PREVENT: _Rule(frozenset({S.NEW, S.VERIFIED}), S.PROPOSED,
                          frozenset({R.OFFICER, R.ROOM_LEADER})),
    Action.VERIFY: _Rule(frozenset({S.NEW}), S.VERIFIED,
                         frozenset({R.ROOM_LEADER, R.SHIFT_LEADER}), by_phone=True),
    Action.PROPOSE: _Rule(frozenset({S.NEW, S.VERIFIED}), S.PROPOSED,
                          frozenset({R.ROOM_LEADER}), by_phone=True, creator_excluded=True),
    Action.ACT_DIRECTLY: _Rule(frozenset({S.NEW, S.VERIFIED}), S.IN_PROGRESS,
                               frozenset({R.ROOM_LEADER}), DecisionKind.ROOM_LEADER,
                               by_phone=True),
    # APPROVE/REJECT: the roles come from the report path (Đ16.4).
    Action.APPROVE: _Rule(frozenset({S.PROPOSED}), S.APPROVED, frozenset(),
                          DecisionKind.APPROVAL, by_phone=True),
    Action.REJECT: _Rule(frozenset({S.PROPOSED}), S.REJECTED, frozenset(),
                         DecisionKind.APPROVAL, by_phone=True,
                         comment_required=True),
    Action.DIRECTOR_APPROVE: _Rule(frozenset({S.DIRECTOR_REVIEW}), S.APPROVED,
                                   frozenset({R.DIRECTOR}), DecisionKind.DIRECTOR,
                                   by_phone=True),
    Action.DIRECTOR_REJECT: _Rule(frozenset({S.DIRECTOR_REVIEW}), S.REJECTED,
                                  frozenset({R.DIRECTOR}), DecisionKind.DIRECTOR,
                                  by_phone=True, comment_required=True),
    Action.START: _Rule(frozenset({S.APPROVED}), S.IN_PROGRESS,
                        frozenset({R.OFFICER, R.ROOM_LEADER, R.SHIFT_LEADER})),
    Action.REPORT_RESULT: _Rule(frozenset({S.IN_PROGRESS}), S.RESULT_REPORTED, _ROOM,
                                comment_required=True),
    Action.CLOSE: _Rule(frozenset({S.RESULT_REPORTED, S.REJECTED}), S.CLOSED,
                        frozenset({R.ROOM_LEADER, R.SHIFT_LEADER})),
}


@dataclass(frozen=True)
class Outcome:
    """A checked transition, ready to be stored as a step."""

    action: Action
    source: IncidentState
    target: IncidentState
    handling: str | None           # the handling after the step
    decision: DecisionKind | None
    recorded_by: int               # who is at the console
    decided_by: int                # whose opinion it is (the recorder, or X by phone)
    by_phone: bool
    comment: str

    @property
    def awaits_countersign(self) -> bool:
        return self.decided_by != self.recorded_by


def _roles(rule: _Rule, action: Action, facts: IncidentFacts) -> frozenset[Role]:
    if action in (Action.APPROVE, Action.REJECT):
        path = report_path(facts.origin)
        roles = {path.approver}
        return frozenset(roles)
    if action == Action.PROPOSE and report_path(facts.origin).office_forwards:
        return rule.roles | {R.CLERK}
    return rule.roles


def _has_any(user: CurrentUser, roles: frozenset[Role]) -> bool:
    return any(user.has_role(r) for r in roles)


def _target(action: Action, rule: _Rule, facts: IncidentFacts, handling: str | None
            ) -> IncidentState:
    if action == Action.APPROVE and handling in DIRECTOR_HANDLING \
            and report_path(facts.origin).approver != R.DIRECTOR:
        return S.DIRECTOR_REVIEW
    return rule.target


def desk_error(user: CurrentUser, desk_id: int | None) -> PermissionDenied | None:
    """Only members of the incident's desk act on it (a regional desk's shift
    leader does not approve an HQ incident); the Director acts on any desk."""
    if desk_id is None or user.has_role(R.DIRECTOR) or user.desk_id == desk_id:
        return None
    return PermissionDenied(QT_TRANSLATE_NOOP(
        "errors", "{user} does not belong to this incident's duty desk and cannot act on it."),
        user=user.full_name)


def check_desk(user: CurrentUser, desk_id: int | None) -> None:
    """Raise PermissionDenied unless `user` belongs to the desk (or is a director)."""
    error = desk_error(user, desk_id)
    if error is not None:
        raise error


def _guard(facts: IncidentFacts, action: Action, recorder: CurrentUser,
           decider: CurrentUser, handling: str | None, on_duty: OnDuty = NO_ROSTER
           ) -> DomainError | None:
    """Why `decider` (recorded by `recorder`) may not take `action` now, or None.
    `recorder` and `decider` carry their account's roles; `on_duty` narrows them to
    the ones they are rostered in."""
    rule = RULES[action]
    state = IncidentState(facts.state)
    if state not in rule.sources:
        return ValidationError(QT_TRANSLATE_NOOP(
            "errors", "You cannot {action} now: the incident is {status}."),
            action=ACTION_TEXT[action], status=STATE_NAMES[state])
    if rule.decision is not None and rule.decision in facts.decided:
        return ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This incident already has {what}: a decision is taken once."),
            what=DECISION_TEXT[rule.decision])
    for who in dict.fromkeys((recorder, decider)):
        error = desk_error(who, facts.desk_id)
        if error is not None:
            return error
    acting_recorder, acting_decider = on_duty.acting(recorder), on_duty.acting(decider)
    if decider.id != recorder.id:
        if not rule.by_phone:
            return ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Only opinions and decisions can be recorded on someone's behalf."))
        if not acting_recorder.can(Permission.LOG_WRITE):
            return PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "{user} is not allowed to {action}."),
                user=recorder.full_name,
                action=QT_TRANSLATE_NOOP("errors", "record an opinion given by phone"))
    roles = _roles(rule, action, facts)
    if not _has_any(acting_decider, roles):
        rostered = sorted(on_duty.rostered(decider.id) & decider.roles)
        if _has_any(decider, roles) and rostered:
            return PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "{user} is on this shift's roster as {status}, not as {target}, "
                          "and acts in that role only: he cannot {action}."),
                user=decider.full_name, status=ROLE_TEXT[Role(rostered[0])],
                target=ROLE_TEXT[sorted(roles)[0]], action=ACTION_TEXT[action])
        return PermissionDenied(QT_TRANSLATE_NOOP("errors", "{user} is not allowed to {action}."),
                                user=decider.full_name, action=ACTION_TEXT[action])
    if rule.creator_excluded and facts.created_by == decider.id:
        return PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "{user} raised this incident and cannot also propose it: the "
                      "room-level leader proposes what someone else reported."),
            user=decider.full_name)
    if rule.decision is not None:
        error = _separation_error(facts, rule.decision, recorder, decider)
        if error is not None:
            return error
    path = report_path(facts.origin)
    if action == Action.ACT_DIRECTLY:
        if not path.room_leader_may_act:
            return ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This incident is reported to {target}; the room-level leader "
                          "cannot handle it himself."), target=path.report_to)
        if handling not in ROOM_LEADER_HANDLING:
            return ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The room-level leader handles only reminders and information "
                          "requests himself; this incident needs the shift leader's approval."))
    if action == Action.PREVENT and facts.immediate:
        return ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The immediate prevention of this incident is already recorded."))
    return None


def _separation_error(facts: IncidentFacts, decision: DecisionKind, recorder: CurrentUser,
                      decider: CurrentUser) -> PermissionDenied | None:
    """Creator ≠ proposer ≠ decider, for the decider named and for whoever records
    the decision on his behalf."""
    barred = facts.brought_before(decision)
    if decider.id == facts.created_by:
        return PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "{user} raised this incident and cannot decide on it."),
            user=decider.full_name)
    if decider.id in barred:
        return PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "{user} proposed this incident (or forwarded it for this decision) "
                      "and cannot decide on it."), user=decider.full_name)
    if recorder.id != decider.id and recorder.id in barred:
        return PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "{user} raised or proposed this incident and cannot record the "
                      "decision on it, even one given by phone: another member of the room "
                      "records it."), user=recorder.full_name)
    return None


def send_error(facts: IncidentFacts, sender: CurrentUser) -> PermissionDenied | None:
    """Why `sender` may not send the request (or its fax) that follows the incident's
    decision, or None: whoever recorded a decision given by phone does not also send
    what it allowed (Đ5.4b, Đ8.2.3 c.2); someone else sends it, at once if urgent."""
    if sender.id in facts.phone_recorders():
        return PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "{user} recorded a decision on this incident given by phone and "
                      "cannot also send what it allowed: another member of the room sends "
                      "it."), user=sender.full_name)
    return None


def allowed_transitions(facts: IncidentFacts, user: CurrentUser,
                        on_behalf_of: CurrentUser | None = None,
                        on_duty: OnDuty = NO_ROSTER) -> list[Action]:
    """The actions `user` may take now (or record for `on_behalf_of`, by phone):
    the GUI enables its buttons with this. Inputs (comment, handling form) are
    checked only when the step is taken."""
    decider = on_behalf_of or user
    out = []
    for action in Action:
        handling = facts.handling
        if action == Action.ACT_DIRECTLY and handling is None:
            handling = Handling.REMINDER  # the form is chosen with the step
        if _guard(facts, action, user, decider, handling, on_duty) is None:
            out.append(action)
    return out


def check_transition(facts: IncidentFacts, action: str, user: CurrentUser, *,
                     on_behalf_of: CurrentUser | None = None, by_phone: bool = False,
                     comment: str = "", handling: str | None = None,
                     prevention_case: str | None = None,
                     on_duty: OnDuty = NO_ROSTER) -> Outcome:
    """Check one step and return its outcome; raise PermissionDenied or
    ValidationError (with a marked message) when it is not allowed."""
    try:
        act = Action(action)
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown workflow step '{step}'."),
                              step=action) from None
    rule = RULES[act]
    if handling is not None and handling not in Handling._value2member_map_:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown handling form '{handling}'."),
                              handling=handling)
    decider = on_behalf_of or user
    if on_behalf_of is not None and on_behalf_of.id == user.id:
        decider = user
    if decider.id != user.id and not by_phone:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "An opinion recorded for {user} must be marked as given by phone."),
            user=decider.full_name)
    if by_phone and decider.id == user.id:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Record an opinion by phone on behalf of the leader who gave it."))
    new_handling = handling or facts.handling
    error = _guard(facts, act, user, decider, new_handling, on_duty)
    if error is not None:
        raise error
    comment = (comment or "").strip()
    if rule.comment_required and not comment:
        if act == Action.REPORT_RESULT:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Describe the result."))
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A refusal needs a comment."))
    if act in (Action.PROPOSE, Action.APPROVE, Action.PREVENT, Action.ACT_DIRECTLY) \
            and new_handling is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose the handling form first."))
    if act == Action.PREVENT and prevention_case not in PreventionCase._value2member_map_:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Immediate prevention (Art. 8.1) applies to passenger baggage, goods "
                      "moved outside the controlled area, or goods with violation signs at "
                      "the gate."))
    if act in (Action.DIRECTOR_APPROVE, Action.DIRECTOR_REJECT) and handling is not None \
            and handling != facts.handling:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The handling form cannot change while the Director decides."))
    return Outcome(action=act, source=IncidentState(facts.state),
                   target=_target(act, rule, facts, new_handling), handling=new_handling,
                   decision=rule.decision, recorded_by=user.id, decided_by=decider.id,
                   by_phone=bool(by_phone), comment=comment)


def apply_transition(facts: IncidentFacts, outcome: Outcome) -> IncidentFacts:
    """The incident's facts after the step (pure)."""
    step = StepFact(action=outcome.action, recorded_by=outcome.recorded_by,
                    decided_by=outcome.decided_by, by_phone=outcome.by_phone,
                    decision=outcome.decision)
    return IncidentFacts(state=outcome.target, origin=facts.origin, handling=outcome.handling,
                         created_by=facts.created_by,
                         immediate=facts.immediate or outcome.action == Action.PREVENT,
                         desk_id=facts.desk_id, steps=(*facts.steps, step))


__all__ = ["Action", "ACTION_TEXT", "DECISION_TEXT", "DecisionKind", "Handling", "IncidentFacts",
           "IncidentState", "NO_ROSTER", "OPEN_STATES", "OnDuty", "Origin", "Outcome",
           "PreventionCase", "ROLE_TEXT", "ReportPath", "RULES", "SHIFT_ROLES", "STATE_NAMES",
           "StepFact", "allowed_transitions", "apply_transition", "check_desk",
           "check_transition", "desk_error", "proposal_appendix", "report_path", "send_error"]
