"""Incidents and their steps (Đ8, Đ16.4): raising, verifying, proposing, the
leaders' decisions, prevention and the result, persisted on the pure rules of
`app.workflow.rules`.

Every step is one write transaction: a conditional UPDATE on the incident's state
and version (two leaders deciding at once: one wins, the other is told who
decided; the unique index on (incident_id, decision_kind) backs it), the step
row, its duty-log entry in the incident's case, then `record_change`
(`Topic.WORKFLOW`, ref: the incident's id).

Who may take a step is decided on facts read here from the database, never on
what the caller's `CurrentUser` claims: the account's roles (user_role), the
roster of the shift on duty at the incident's desk (shift, shift_member, Đ5.3)
and the incident's earlier steps (who raised, proposed, decided, recorded by
phone); `app.workflow.rules` judges them (docs/security.md)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, Role, require, to_current
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import (
    Incident,
    IncidentStep,
    LogCase,
    LogEntry,
    Shift,
    ShiftMember,
    UserAccount,
)
from app.dutylog import CHANNEL_NAMES, CHANNELS, DutyLog, EntryDraft, EntryKind
from app.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
    conflict,
)
from app.org_names import NAMES
from app.text import clean, nfc
from app.workflow.rules import (
    STATE_NAMES,
    Action,
    DecisionKind,
    Handling,
    IncidentFacts,
    IncidentState,
    OnDuty,
    Origin,
    Outcome,
    PreventionCase,
    StepFact,
    allowed_transitions,
    check_desk,
    check_transition,
    report_path,
    send_error,
)

log = logs.get("workflow")

# Duty-log wording (the log is kept in Vietnamese; these are record text, not UI).
HANDLING_VI = {
    Handling.REMINDER: "đôn đốc, nhắc nhở (Đ8.2.1)",
    Handling.INFO_REQUEST: "yêu cầu cung cấp thông tin, tài liệu, dữ liệu (Đ8.2.2)",
    Handling.DIRECTIVE_HQ: f"chỉ đạo các đơn vị nghiệp vụ cơ quan {NAMES.agency} (Đ8.2.3 c.1)",
    Handling.COORDINATED_CHECK: "phối hợp kiểm tra hàng hóa, phương tiện chưa thông quan "
                                "(Đ8.2.3 c.2)",
    Handling.CLEARED_GOODS: "kiểm tra hàng hóa, phương tiện đã thông quan (Đ8.2.3 c.3)",
    Handling.MOBILE_EQUIPMENT: "huy động thiết bị kiểm tra giám sát di động (Đ8.2.4)",
}
ORIGIN_VI = {
    Origin.REGULAR: "giám sát thường xuyên",
    Origin.UNIT_PLAN: "giám sát trọng điểm theo kế hoạch của đơn vị (Đ16.4b)",
    Origin.DIRECTOR: f"giám sát trọng điểm theo chỉ đạo của {NAMES.leadership} (Đ16.4c)",
}
PREVENTION_VI = {
    PreventionCase.BAGGAGE: "hành lý của hành khách (Đ8.1a)",
    PreventionCase.CONTROLLED_AREA: "hàng hóa vận chuyển ngoài khu vực giám sát (Đ8.1b)",
    PreventionCase.GATE: "hàng hóa có dấu hiệu vi phạm qua khu vực giám sát (Đ8.1c)",
}
_ENTRY_KIND = {
    Action.PREVENT: EntryKind.DIRECTIVE, Action.VERIFY: EntryKind.NOTE,
    Action.PROPOSE: EntryKind.NOTE, Action.ACT_DIRECTLY: EntryKind.DIRECTIVE,
    Action.APPROVE: EntryKind.DIRECTIVE, Action.REJECT: EntryKind.DIRECTIVE,
    Action.DIRECTOR_APPROVE: EntryKind.DIRECTIVE, Action.DIRECTOR_REJECT: EntryKind.DIRECTIVE,
    Action.START: EntryKind.DIRECTIVE, Action.REPORT_RESULT: EntryKind.RESULT,
    Action.CLOSE: EntryKind.NOTE,
}
REQUEST_OPEN = ("sent", "received", "acknowledged")


@dataclass
class IncidentDraft:
    """What the officer fills in (Appendix I's notes)."""

    content: str
    title: str | None = None
    origin: str = Origin.REGULAR
    handling: str | None = None
    occurred_at: datetime | None = None
    received_at: datetime | None = None
    place: str | None = None
    declaration_no: str | None = None
    container_no: str | None = None
    vehicle_plate: str | None = None
    enterprise_tax_code: str | None = None
    enterprise_name: str | None = None
    passenger: str | None = None


@dataclass(frozen=True)
class Prevention:
    """Đ8.1: whom the officer notified at once, how, when, with what identification."""

    case: str
    contact: str
    channel: str = "phone"
    at: datetime | None = None
    identification: str = ""


def facts_of(i: Incident, steps: Sequence[IncidentStep] = ()) -> IncidentFacts:
    """The rules' view of an incident and its earlier steps (oldest first)."""
    return IncidentFacts(state=i.state, origin=i.origin, handling=i.handling,
                         created_by=i.created_by, immediate=bool(i.immediate),
                         desk_id=i.desk_id,
                         steps=tuple(StepFact(action=s.action, recorded_by=s.recorded_by,
                                              decided_by=s.decided_by, by_phone=bool(s.by_phone),
                                              decision=s.decision_kind) for s in steps))


def steps_in(s: Session, incident_ids: Iterable[int]) -> dict[int, list[IncidentStep]]:
    """The steps of these incidents, oldest first, by incident."""
    ids = list(dict.fromkeys(incident_ids))
    out: dict[int, list[IncidentStep]] = {i: [] for i in ids}
    if ids:
        for step in s.scalars(select(IncidentStep).where(IncidentStep.incident_id.in_(ids))
                              .order_by(IncidentStep.id)):
            out[step.incident_id].append(step)
    return out


def facts_in(s: Session, inc: Incident) -> IncidentFacts:
    return facts_of(inc, steps_in(s, [inc.id])[inc.id])


def account_in(s: Session, user_id: int) -> CurrentUser:
    """The user as the database has him: his account's roles (a disabled account
    acts in none), desk and unit; whatever roles a caller's CurrentUser claims."""
    account = s.get(UserAccount, user_id)
    if account is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown user."))
    user = to_current(account)
    return user if account.active else replace(user, roles=frozenset())


def on_duty_in(s: Session, desk_id: int, at: datetime) -> OnDuty:
    """The roster of the desk's shift that holds `at` (Đ5.3): who is rostered in
    which roles; an empty roster when the shift or its members are not set."""
    shift_id = s.scalar(select(Shift.id).where(Shift.desk_id == desk_id, Shift.starts_at <= at,
                                               Shift.ends_at > at))
    members: dict[int, frozenset[str]] = {}
    if shift_id is not None:
        for user_id, role in s.execute(select(ShiftMember.user_id, ShiftMember.role)
                                       .where(ShiftMember.shift_id == shift_id)):
            members[user_id] = members.get(user_id, frozenset()) | {role}
    return OnDuty(members)


def check_sender_in(s: Session, sender: CurrentUser, inc: Incident) -> None:
    """Refuse `sender` the request (or fax) that follows the incident's decision if
    he recorded a decision on it given by phone (Đ5.4b, Đ8.2.3 c.2)."""
    error = send_error(facts_in(s, inc), sender)
    if error is not None:
        raise error


def hm(t: datetime | None) -> str:
    return fmt_local(t) if t else ""


class IncidentService:
    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        # An incident's case is followed here (and in the handover by WorkflowOpenItems).
        dutylog.followed_elsewhere(
            lambda desk_id: select(Incident.case_ref).where(Incident.desk_id == desk_id))

    # -- creating ----------------------------------------------------------------
    def create(self, user: CurrentUser, desk_id: int, draft: IncidentDraft,
               source_entry_id: int | None = None) -> Incident:
        """Raise an incident by hand; its incident entry opens the case."""
        require(user, Permission.LOG_WRITE)
        check_desk(user, desk_id)
        self._validate(draft)
        with self.db.write() as s:
            return self._create(s, user, desk_id, draft, str(uuid.uuid4()), source_entry_id,
                                write_entry=True)

    def create_from_entry(self, user: CurrentUser, entry_id: int, origin: str = Origin.REGULAR,
                          handling: str | None = None) -> Incident:
        """Raise an incident from a duty-log entry. An incident entry that already
        opened a case keeps it (no second incident entry); any other entry is
        copied into a new incident entry that opens the case."""
        require(user, Permission.LOG_WRITE)
        with self.db.read() as s:
            e = s.get(LogEntry, entry_id)
            if e is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The duty-log entry does not exist."))
            case = s.get(LogCase, e.case_id) if e.case_id else None
        check_desk(user, e.desk_id)
        draft = IncidentDraft(content=e.content, title=case.title if case else None,
                              origin=origin, handling=handling, occurred_at=e.occurred_at,
                              received_at=e.received_at or e.entry_time, place=e.place,
                              declaration_no=e.declaration_no, container_no=e.container_no,
                              vehicle_plate=e.vehicle_plate)
        self._validate(draft)
        reuse_ref = case.client_id if case is not None and e.kind == EntryKind.INCIDENT else None
        reuse = reuse_ref is not None
        with self.db.write() as s:
            if reuse_ref is not None and s.scalar(select(Incident.id)
                                                  .where(Incident.case_ref == reuse_ref)):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "An incident has already been raised from this entry."))
            return self._create(s, user, e.desk_id, draft,
                                reuse_ref or str(uuid.uuid4()), entry_id,
                                write_entry=not reuse)

    def _validate(self, d: IncidentDraft) -> None:
        report_path(d.origin)
        if d.handling is not None and d.handling not in Handling._value2member_map_:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown handling form '{handling}'."), handling=d.handling)
        if not nfc(d.content or "").strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The incident needs a content."))

    def _create(self, s: Session, user: CurrentUser, desk_id: int, d: IncidentDraft,
                case_ref: str, source_entry_id: int | None, write_entry: bool) -> Incident:
        now = self.clock.now()
        content = nfc(d.content).strip()
        title = (clean(d.title) or content)[:300]
        inc = Incident(desk_id=desk_id, case_ref=case_ref, title=title, content=content,
                       origin=d.origin, handling=d.handling, state=IncidentState.NEW,
                       occurred_at=d.occurred_at, received_at=d.received_at or now,
                       place=clean(d.place), declaration_no=clean(d.declaration_no),
                       container_no=clean(d.container_no),
                       vehicle_plate=clean(d.vehicle_plate),
                       enterprise_tax_code=clean(d.enterprise_tax_code),
                       enterprise_name=clean(d.enterprise_name), passenger=clean(d.passenger),
                       immediate=False, source_entry_id=source_entry_id, created_by=user.id,
                       created_at=now, updated_at=now)
        s.add(inc)
        s.flush()
        entry_id = source_entry_id
        if write_entry:
            related = [f"Doanh nghiệp {inc.enterprise_name or ''} "
                       f"(MST {inc.enterprise_tax_code})" if inc.enterprise_tax_code else "",
                       f"Hành khách {inc.passenger}" if inc.passenger else ""]
            note = "; ".join(x for x in [f"Nguồn: {ORIGIN_VI[Origin(inc.origin)]}",
                                         *related] if x)
            entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                kind=EntryKind.INCIDENT, content=content, occurred_at=inc.occurred_at,
                received_at=inc.received_at, place=inc.place,
                declaration_no=inc.declaration_no, container_no=inc.container_no,
                vehicle_plate=inc.vehicle_plate, note=note, case_ref=case_ref,
                case_title=title))
            entry_id = entry.id
            record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
        s.add(IncidentStep(desk_id=desk_id, incident_id=inc.id, action="create", from_state="",
                           to_state=IncidentState.NEW, handling=inc.handling, recorded_by=user.id,
                           decided_by=user.id, by_phone=False, at=now, comment="",
                           log_entry_id=entry_id))
        s.flush()
        record_change(s, self.clock, desk_id, Topic.WORKFLOW, inc.id)
        log.info("incident %s raised by %s", inc.id, user.username)
        return inc

    # -- transitions -------------------------------------------------------------
    def allowed(self, user: CurrentUser, incident: Incident,
                on_behalf_of: CurrentUser | None = None) -> list[Action]:
        """What `user` may do now on the incident (or record for `on_behalf_of`),
        judged on the database's roles, roster and steps."""
        return self.allowed_for(user, [incident], on_behalf_of)[incident.id]

    def allowed_for(self, user: CurrentUser, incidents: Sequence[Incident],
                    on_behalf_of: CurrentUser | None = None) -> dict[int, list[Action]]:
        """`allowed` for several incidents in one read: incident id -> actions."""
        with self.db.read() as s:
            me = account_in(s, user.id)
            decider = account_in(s, on_behalf_of.id) if on_behalf_of is not None else None
            steps = steps_in(s, [i.id for i in incidents])
            now = self.clock.now()
            duty: dict[int, OnDuty] = {}
            out = {}
            for i in incidents:
                if i.desk_id not in duty:
                    duty[i.desk_id] = on_duty_in(s, i.desk_id, now)
                out[i.id] = allowed_transitions(facts_of(i, steps[i.id]), me, decider,
                                                duty[i.desk_id])
            return out

    def allowed_on_behalf(self, user: CurrentUser, incident: Incident,
                          decider_ids: Sequence[int]) -> dict[int, list[Action]]:
        """For each leader in `decider_ids`: what `user` may record for him by phone."""
        with self.db.read() as s:
            me = account_in(s, user.id)
            facts = facts_in(s, incident)
            duty = on_duty_in(s, incident.desk_id, self.clock.now())
            return {d: allowed_transitions(facts, me, account_in(s, d), duty)
                    for d in decider_ids}

    def transition(self, user: CurrentUser, incident_id: int, action: str, *,
                   version: int | None = None, on_behalf_of: CurrentUser | int | None = None,
                   by_phone: bool = False, opinion_at: datetime | None = None,
                   comment: str = "", handling: str | None = None,
                   prevention: Prevention | None = None) -> Incident:
        """Take one step. `version` is the version the user saw (None: the current
        one). Raises PermissionDenied / ValidationError (nothing changes) or
        ConflictError ("already decided by X", or changed on another console)."""
        decider_id = on_behalf_of if isinstance(on_behalf_of, int) or on_behalf_of is None \
            else on_behalf_of.id
        if prevention is not None and prevention.channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=prevention.channel)
        if action == Action.PREVENT and (prevention is None or not prevention.contact.strip()):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Record whom the local team was notified through."))
        decision: str | None = None
        try:
            with self.db.write() as s:
                inc = s.get(Incident, incident_id, populate_existing=True)
                if inc is None:
                    raise NotFound(QT_TRANSLATE_NOOP("errors", "The incident does not exist."))
                seen = inc.version if version is None else version
                # roles, roster and steps as the database has them, not as claimed
                recorder = account_in(s, user.id)
                decider = account_in(s, decider_id) if decider_id is not None else None
                try:
                    outcome = check_transition(
                        facts_in(s, inc), action, recorder, on_behalf_of=decider,
                        by_phone=by_phone, comment=comment, handling=handling,
                        prevention_case=prevention.case if prevention else None,
                        on_duty=on_duty_in(s, inc.desk_id, self.clock.now()))
                except (ValidationError, PermissionDenied):
                    self._raise_if_decided(s, inc, action)
                    raise
                decision = outcome.decision
                if inc.version != seen:
                    self._raise_if_decided(s, inc, action)
                    raise conflict(QT_TRANSLATE_NOOP("errors", "The incident"))
                self._apply(s, recorder, inc, outcome, seen, opinion_at, prevention)
                return inc
        except IntegrityError as exc:
            # The unique decision index: another leader decided in the same instant.
            with self.db.read() as s:
                inc = s.get(Incident, incident_id)
                if inc is not None and decision is not None:
                    self._raise_if_decided(s, inc, action, decision)
            raise conflict(QT_TRANSLATE_NOOP("errors", "The incident")) from exc

    def _apply(self, s: Session, user: CurrentUser, inc: Incident, o: Outcome, seen: int,
               opinion_at: datetime | None, prevention: Prevention | None) -> None:
        now = self.clock.now()
        values: dict = {"state": o.target, "handling": o.handling, "updated_at": now,
                        "version": seen + 1}
        if o.action == Action.PREVENT and prevention is not None:
            values |= {"immediate": True, "prevention_case": prevention.case}
        done = s.execute(update(Incident).where(
            Incident.id == inc.id, Incident.state == o.source, Incident.version == seen)
            .values(**values).execution_options(synchronize_session=False))
        if rowcount(done) != 1:
            # Lost the race (PostgreSQL: our UPDATE waited for the winner's COMMIT).
            self._raise_if_decided(s, inc, o.action, o.decision)
            raise conflict(QT_TRANSLATE_NOOP("errors", "The incident"))
        s.refresh(inc)
        recorder = s.get(UserAccount, o.recorded_by)
        decider = s.get(UserAccount, o.decided_by)
        assert recorder is not None and decider is not None
        step = IncidentStep(
            desk_id=inc.desk_id, incident_id=inc.id, action=o.action, from_state=o.source,
            to_state=o.target, decision_kind=o.decision, handling=o.handling,
            recorded_by=o.recorded_by, decided_by=o.decided_by, by_phone=o.by_phone,
            opinion_at=(opinion_at or now) if o.by_phone else None, at=now, comment=o.comment,
            contact=clean(prevention.contact) if prevention else None,
            channel=prevention.channel if prevention else None)
        s.add(step)
        s.flush()  # the unique decision index speaks here
        draft = self._entry_for(inc, o, step, recorder, decider, prevention)
        entry = self.dutylog.append_in(s, user, inc.desk_id, draft)
        step.log_entry_id = entry.id
        s.flush()
        record_change(s, self.clock, inc.desk_id, Topic.DUTYLOG, entry.id)
        record_change(s, self.clock, inc.desk_id, Topic.WORKFLOW, inc.id)
        log.info("incident %s: %s by %s (%s -> %s)%s", inc.id, o.action, decider.username,
                 o.source, o.target, " by phone" if o.by_phone else "")

    def _entry_for(self, inc: Incident, o: Outcome, step: IncidentStep, recorder: UserAccount,
                   decider: UserAccount, prevention: Prevention | None) -> EntryDraft:
        who = f"{decider.full_name}" + (f" ({decider.title})" if decider.title else "")
        form = HANDLING_VI.get(Handling(o.handling), o.handling) if o.handling else ""
        leader = NAMES.leadership if report_path(inc.origin).approver == Role.DIRECTOR \
            else "lãnh đạo ca trực"
        text = {
            Action.VERIFY: f"{who} đã kiểm tra, đối chiếu thông tin vụ việc.",
            Action.PROPOSE: f"{who} báo cáo, đề xuất xử lý theo hình thức: {form}; "
                            f"xin ý kiến {leader}.",
            Action.ACT_DIRECTLY: f"{who} trực tiếp thực hiện {form} và báo cáo lãnh đạo "
                                 "ca trực.",
            Action.APPROVE: f"{who} đồng ý, phê duyệt xử lý theo hình thức: {form}."
                            + (f" Báo cáo xin ý kiến {NAMES.head} (Phụ lục III)."
                               if o.target == IncidentState.DIRECTOR_REVIEW else ""),
            Action.REJECT: f"{who} không đồng ý đề xuất xử lý.",
            Action.DIRECTOR_APPROVE: f"Ý kiến của {NAMES.leadership} ({who}): đồng ý {form}.",
            Action.DIRECTOR_REJECT: f"Ý kiến của {NAMES.leadership} ({who}): không đồng ý.",
            Action.START: f"Triển khai thực hiện {form}.",
            Action.REPORT_RESULT: o.comment,
            Action.CLOSE: "Kết thúc theo dõi vụ việc.",
            Action.PREVENT: "",
        }[o.action]
        channel = "phone" if o.by_phone else "document"
        unit_name = None
        if o.action == Action.PREVENT and prevention is not None:
            channel = prevention.channel
            unit_name = prevention.contact
            text = (f"Thực hiện ngay biện pháp ngăn chặn – "
                    f"{PREVENTION_VI[PreventionCase(prevention.case)]}: đã thông báo "
                    f"{prevention.contact} qua {CHANNEL_NAMES.get(channel, channel).lower()} "
                    f"lúc {hm(prevention.at or step.at)}"
                    + (f"; nhận dạng: {prevention.identification}" if prevention.identification
                       else "") + "; đồng thời báo cáo lãnh đạo ca trực.")
        if o.comment and o.action != Action.REPORT_RESULT:
            text += f" Ý kiến: {o.comment}"
        note = None
        if o.by_phone:
            note = (f"Ý kiến của {decider.full_name} qua điện thoại lúc {hm(step.opinion_at)}, "
                    f"do {recorder.full_name} ghi nhận; chờ xác nhận.")
        kind = _ENTRY_KIND[o.action]
        return EntryDraft(kind=kind, content=text, case_ref=inc.case_ref, note=note,
                          channel=channel if kind == EntryKind.DIRECTIVE else None,
                          unit_name=unit_name,
                          reported_at=step.at if kind == EntryKind.RESULT else None)

    def _raise_if_decided(self, s: Session, inc: Incident, action: str,
                          decision: str | None = None) -> None:
        """If the decision `action` takes was taken already, say who took it."""
        if decision is None:
            rule = {Action.APPROVE: DecisionKind.APPROVAL, Action.REJECT: DecisionKind.APPROVAL,
                    Action.DIRECTOR_APPROVE: DecisionKind.DIRECTOR,
                    Action.DIRECTOR_REJECT: DecisionKind.DIRECTOR,
                    Action.ACT_DIRECTLY: DecisionKind.ROOM_LEADER}
            decision = rule.get(action)  # type: ignore[call-overload]
        if decision is None:
            return
        row = s.execute(select(IncidentStep.at, IncidentStep.to_state, UserAccount.full_name)
                        .join(UserAccount, UserAccount.id == IncidentStep.decided_by)
                        .where(IncidentStep.incident_id == inc.id,
                               IncidentStep.decision_kind == decision)).first()
        if row is not None:
            at, _to_state, name = row
            s.refresh(inc)
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "{user} already decided on this incident at {time}; it is now "
                          "{status}."), user=name, time=fmt_local(at),
                status=STATE_NAMES[IncidentState(inc.state)])

    # -- countersignature (opinions given by phone) --------------------------------
    def countersign(self, user: CurrentUser, step_id: int) -> IncidentStep:
        """X confirms the opinion an officer recorded for him by phone."""
        with self.db.write() as s:
            step = s.get(IncidentStep, step_id)
            if step is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The workflow step does not exist."))
            if step.decided_by != user.id or step.recorded_by == user.id:
                raise PermissionDenied(QT_TRANSLATE_NOOP(
                    "errors", "Only the leader who gave the opinion can countersign it."))
            now = self.clock.now()
            done = s.execute(update(IncidentStep).where(
                IncidentStep.id == step_id, IncidentStep.countersigned_at.is_(None),
                IncidentStep.version == step.version).values(
                    countersigned_at=now, version=step.version + 1)
                .execution_options(synchronize_session=False))
            if rowcount(done) != 1:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "This opinion has already been countersigned."))
            s.refresh(step)
            inc = s.get(Incident, step.incident_id)
            assert inc is not None
            entry = self.dutylog.append_in(s, user, inc.desk_id, EntryDraft(
                kind=EntryKind.NOTE, case_ref=inc.case_ref,
                content=f"{user.full_name} xác nhận ý kiến đã cho qua điện thoại lúc "
                        f"{hm(step.opinion_at)} ({step.action})."))
            record_change(s, self.clock, inc.desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, inc.desk_id, Topic.WORKFLOW, inc.id)
            return step

    def awaiting_countersign(self, desk_id: int, user_id: int | None = None
                             ) -> list[IncidentStep]:
        """Opinions recorded by phone and not yet countersigned (the supervisor
        console; `user_id`: those a leader must countersign at login)."""
        with self.db.read() as s:
            stmt = select(IncidentStep).where(
                IncidentStep.desk_id == desk_id, IncidentStep.by_phone.is_(True),
                IncidentStep.countersigned_at.is_(None))
            if user_id is not None:
                stmt = stmt.where(IncidentStep.decided_by == user_id)
            return list(s.scalars(stmt.order_by(IncidentStep.id)))

    def awaiting_countersign_listed(self, desk_id: int
                                    ) -> list[tuple[IncidentStep, str, str, str]]:
        """The desk's opinions by phone not countersigned yet, oldest first, with the
        incident's title and the names of whoever gave and recorded each: (step,
        title, decider, recorder), for the handover's open items."""
        steps = self.awaiting_countersign(desk_id)
        if not steps:
            return []
        with self.db.read() as s:
            titles = dict(s.execute(select(Incident.id, Incident.title).where(
                Incident.id.in_({st.incident_id for st in steps}))).tuples().all())
            ids = {st.decided_by for st in steps} | {st.recorded_by for st in steps}
            names = dict(s.execute(select(UserAccount.id, UserAccount.full_name).where(
                UserAccount.id.in_(ids))).tuples().all())
            return [(st, titles.get(st.incident_id, ""), names.get(st.decided_by, ""),
                     names.get(st.recorded_by, "")) for st in steps]

    # -- reading -------------------------------------------------------------------
    def get(self, incident_id: int) -> Incident:
        with self.db.read() as s:
            inc = s.get(Incident, incident_id)
            if inc is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The incident does not exist."))
            return inc

    def steps(self, incident_id: int) -> list[IncidentStep]:
        with self.db.read() as s:
            return list(s.scalars(select(IncidentStep).where(
                IncidentStep.incident_id == incident_id).order_by(IncidentStep.id)))

    def for_desk(self, desk_id: int, open_only: bool = False) -> list[Incident]:
        with self.db.read() as s:
            stmt = select(Incident).where(Incident.desk_id == desk_id)
            if open_only:
                stmt = stmt.where(Incident.state != IncidentState.CLOSED)
            return list(s.scalars(stmt.order_by(Incident.id.desc())))

    def pending_for(self, user: CurrentUser, desk_id: int) -> list[Incident]:
        """Incidents on which `user` can act now (officer view, supervisor console)."""
        incidents = self.for_desk(desk_id, open_only=True)
        allowed = self.allowed_for(user, incidents)
        return [i for i in incidents if allowed[i.id]]
