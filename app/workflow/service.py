"""Persistence of the workflow: incidents and their steps (`IncidentService`),
requests to units with their Đ9 deadlines (`RequestService`), and the open items
they hand over to the next shift (`WorkflowOpenItems`).

Every step is one write transaction: a conditional UPDATE on the incident's state
and version (two leaders deciding at once: one wins, the other is told who
decided; the unique index on (incident_id, decision_kind) backs it), the step
row, its duty-log entry in the incident's case, then `record_change`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, Role, require, to_current
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import (
    Desk,
    Incident,
    IncidentStep,
    LogCase,
    LogEntry,
    OrgUnit,
    Shift,
    UnitRequest,
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
from app.handover import OpenItem
from app.org_names import NAMES
from app.text import nfc
from app.workflow.rules import (
    STATE_NAMES,
    Action,
    DecisionKind,
    Handling,
    IncidentFacts,
    IncidentState,
    Origin,
    Outcome,
    PreventionCase,
    allowed_transitions,
    check_desk,
    check_transition,
    report_path,
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


def facts_of(i: Incident) -> IncidentFacts:
    return IncidentFacts(state=i.state, origin=i.origin, handling=i.handling,
                         created_by=i.created_by, immediate=bool(i.immediate),
                         desk_id=i.desk_id)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = nfc(value).strip()
    return value or None


def _hm(t: datetime | None) -> str:
    return fmt_local(t) if t else ""


class IncidentService:
    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog

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
        reuse = case is not None and e.kind == EntryKind.INCIDENT
        with self.db.write() as s:
            if reuse and s.scalar(select(Incident.id).where(Incident.case_ref == case.client_id)):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "An incident has already been raised from this entry."))
            return self._create(s, user, e.desk_id, draft,
                                case.client_id if reuse else str(uuid.uuid4()), entry_id,
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
        title = (_clean(d.title) or content)[:300]
        inc = Incident(desk_id=desk_id, case_ref=case_ref, title=title, content=content,
                       origin=d.origin, handling=d.handling, state=IncidentState.NEW,
                       occurred_at=d.occurred_at, received_at=d.received_at or now,
                       place=_clean(d.place), declaration_no=_clean(d.declaration_no),
                       container_no=_clean(d.container_no),
                       vehicle_plate=_clean(d.vehicle_plate),
                       enterprise_tax_code=_clean(d.enterprise_tax_code),
                       enterprise_name=_clean(d.enterprise_name), passenger=_clean(d.passenger),
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
        return allowed_transitions(facts_of(incident), user, on_behalf_of)

    def transition(self, user: CurrentUser, incident_id: int, action: str, *,
                   version: int | None = None, on_behalf_of: CurrentUser | int | None = None,
                   by_phone: bool = False, opinion_at: datetime | None = None,
                   comment: str = "", handling: str | None = None,
                   prevention: Prevention | None = None) -> Incident:
        """Take one step. `version` is the version the user saw (None: the current
        one). Raises PermissionDenied / ValidationError (nothing changes) or
        ConflictError ("already decided by X", or changed on another console)."""
        decider = self._user(on_behalf_of) if isinstance(on_behalf_of, int) else on_behalf_of
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
                try:
                    outcome = check_transition(
                        facts_of(inc), action, user, on_behalf_of=decider, by_phone=by_phone,
                        comment=comment, handling=handling,
                        prevention_case=prevention.case if prevention else None)
                except (ValidationError, PermissionDenied):
                    self._raise_if_decided(s, inc, action)
                    raise
                decision = outcome.decision
                if inc.version != seen:
                    self._raise_if_decided(s, inc, action)
                    raise conflict(QT_TRANSLATE_NOOP("errors", "The incident"))
                self._apply(s, user, inc, outcome, seen, opinion_at, prevention)
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
        if done.rowcount != 1:
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
            contact=_clean(prevention.contact) if prevention else None,
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
                    f"lúc {_hm(prevention.at or step.at)}"
                    + (f"; nhận dạng: {prevention.identification}" if prevention.identification
                       else "") + "; đồng thời báo cáo lãnh đạo ca trực.")
        if o.comment and o.action != Action.REPORT_RESULT:
            text += f" Ý kiến: {o.comment}"
        note = None
        if o.by_phone:
            note = (f"Ý kiến của {decider.full_name} qua điện thoại lúc {_hm(step.opinion_at)}, "
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
            if done.rowcount != 1:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "This opinion has already been countersigned."))
            s.refresh(step)
            inc = s.get(Incident, step.incident_id)
            assert inc is not None
            entry = self.dutylog.append_in(s, user, inc.desk_id, EntryDraft(
                kind=EntryKind.NOTE, case_ref=inc.case_ref,
                content=f"{user.full_name} xác nhận ý kiến đã cho qua điện thoại lúc "
                        f"{_hm(step.opinion_at)} ({step.action})."))
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
        return [i for i in self.for_desk(desk_id, open_only=True) if self.allowed(user, i)]

    def _user(self, user_id: int) -> CurrentUser:
        with self.db.read() as s:
            account = s.get(UserAccount, user_id)
            if account is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown user."))
            return to_current(account)


# -- requests to units (Đ9) --------------------------------------------------------------
@dataclass(frozen=True)
class Overdue:
    request: UnitRequest
    what: str            # "ack" | "result"
    due_at: datetime
    minutes_late: int


class RequestService:
    """Requests to units and their deadlines, computed from stored times."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog,
                 ack_minutes: int = 30) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self.ack_minutes = ack_minutes

    def create(self, user: CurrentUser, desk_id: int, *, subject: str, channel: str,
               unit_id: int | None = None, unit_name: str | None = None,
               contact: str | None = None, fax_no: str | None = None,
               email: str | None = None, body: str = "", incident_id: int | None = None,
               urgent: bool = False, requested_due_at: datetime | None = None,
               document_no: str | None = None, appendix: str | None = None,
               received_at: datetime | None = None,
               relayed_from_id: int | None = None) -> UnitRequest:
        """Record a request sent to a unit. `received_at`: the unit got it at once
        (an urgent phone call); otherwise record the receipt when it is confirmed."""
        require(user, Permission.NOTICE_SEND)
        if channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=channel)
        if not subject.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A request needs a subject."))
        with self.db.write() as s:
            unit = s.get(OrgUnit, unit_id) if unit_id is not None else None
            name = _clean(unit_name) or (unit.name if unit else None)
            if not name:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "A request needs the receiving unit."))
            inc = None
            if incident_id is not None:
                inc = s.get(Incident, incident_id)
                if inc is None or inc.desk_id != desk_id:
                    raise NotFound(QT_TRANSLATE_NOOP("errors", "The incident does not exist."))
                if inc.state not in (IncidentState.APPROVED, IncidentState.IN_PROGRESS):
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "A request can be sent only for an approved incident; this "
                                  "one is {status}."), status=STATE_NAMES[IncidentState(inc.state)])
                if appendix is None and inc.handling == Handling.COORDINATED_CHECK:
                    appendix = report_path(inc.origin).request_appendix
            now = self.clock.now()
            r = UnitRequest(desk_id=desk_id, incident_id=incident_id, unit_id=unit_id,
                            unit_name=name, contact=_clean(contact), channel=channel,
                            fax_no=_clean(fax_no) or (unit.fax if unit else None),
                            email=_clean(email) or (unit.email if unit else None),
                            urgent=urgent, subject=nfc(subject).strip(), body=body,
                            appendix=appendix, document_no=document_no, status="sent",
                            ack_minutes=self.ack_minutes, created_by=user.id, created_at=now,
                            requested_due_at=requested_due_at, result_due_at=requested_due_at,
                            relayed_from_id=relayed_from_id)
            if received_at is not None:
                r.received_at, r.received_channel = received_at, channel
                r.ack_due_at = received_at + timedelta(minutes=r.ack_minutes)
                r.status = "received"
            s.add(r)
            s.flush()
            text = (f"Yêu cầu {name}: {r.subject}"
                    + (f" (fax số {r.fax_no})" if channel == "fax" and r.fax_no else "")
                    + (f". Hạn báo cáo kết quả: {_hm(requested_due_at)}" if requested_due_at
                       else "") + ".")
            if urgent:
                text += " Khẩn: thông báo qua điện thoại trước, sau đó điện fax."
            entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                kind=EntryKind.DIRECTIVE if inc else EntryKind.WORK, content=text,
                channel=channel if inc else None, unit_name=name,
                case_ref=inc.case_ref if inc else None))
            record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, desk_id, Topic.REQUEST, r.id)
            return r

    def relay(self, user: CurrentUser, desk_id: int, request_id: int,
              unit_id: int) -> UnitRequest:
        """A regional desk passes another desk's request on to one of its units (Đ10–12)
        and follows it with the same result deadline on its own desk; the unit's result
        is reported back on the original (`record_result`)."""
        r = self.get(request_id)
        with self.db.read() as s:
            origin = s.get(Desk, r.desk_id)
        ref = r.document_no or f"#{r.id}"
        return self.create(
            user, desk_id, subject=f"Chuyển yêu cầu {ref} của {origin.name if origin else ''}: "
                                   f"{r.subject}"[:300],
            channel="phone", unit_id=unit_id, body=r.body, urgent=r.urgent,
            requested_due_at=r.result_due_at or r.requested_due_at, relayed_from_id=r.id)

    def _report_back(self, user: CurrentUser, relayed: UnitRequest) -> None:
        """A relayed request's result, reported on the request it passed on (in the
        original desk's log). What the original refuses (already answered, late without
        a reason) is left to the desk, and said in the log file."""
        original = self.get(relayed.relayed_from_id)  # type: ignore[arg-type]
        if original.status not in ("sent", "received", "acknowledged"):
            return
        try:
            self.record_result(
                user, original.id, f"Theo báo cáo của {relayed.unit_name}: {relayed.result_text}",
                timeline=relayed.timeline or "", reported_at=relayed.result_reported_at,
                channel=relayed.result_channel, late_reason=relayed.late_reason,
                late_responsibility=relayed.late_responsibility)
        except (ValidationError, PermissionDenied, ConflictError) as exc:
            log.warning("request %s: the result of relayed request %s not reported back: %s",
                        original.id, relayed.id, exc)

    def _may_answer(self, user: CurrentUser, r: UnitRequest) -> None:
        """The desk records what the unit answered; a unit running the client
        answers itself (its liaison)."""
        if user.can(Permission.LOG_WRITE):
            return
        if user.has_role(Role.UNIT_LIAISON) and r.unit_id is not None \
                and user.unit_id == r.unit_id:
            return
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "{user} is not allowed to {action}."),
                               user=user.full_name,
                               action=QT_TRANSLATE_NOOP("errors", "answer for this unit"))

    def _advance(self, s: Session, user: CurrentUser, r: UnitRequest,
                 from_status: tuple[str, ...], values_of) -> None:  # type: ignore[no-untyped-def]
        """One step of a request inside the caller's transaction: who may answer, the
        state it must be in, then a conditional update (a step taken elsewhere in the
        meantime is a conflict), and `r` refreshed."""
        self._may_answer(user, r)
        if r.status not in from_status:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This step does not apply to a request that is {status}."),
                status=REQUEST_STATES.get(r.status, r.status))
        values = values_of(r)
        seen = r.version
        done = s.execute(update(UnitRequest).where(
            UnitRequest.id == r.id, UnitRequest.version == seen,
            UnitRequest.status == r.status).values(
                version=seen + 1, updated_by=user.id, **values)
            .execution_options(synchronize_session=False))
        if done.rowcount != 1:
            raise conflict(QT_TRANSLATE_NOOP("errors", "The request"))
        s.refresh(r)

    def _step(self, user: CurrentUser, request_id: int, from_status: tuple[str, ...],
              values_of, entry_of) -> UnitRequest:  # type: ignore[no-untyped-def]
        with self.db.write() as s:
            r = s.get(UnitRequest, request_id, populate_existing=True)
            if r is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The request does not exist."))
            self._advance(s, user, r, from_status, values_of)
            inc = s.get(Incident, r.incident_id) if r.incident_id else None
            kind, text, extra = entry_of(r)
            if inc is None and kind == EntryKind.RESULT:
                kind = EntryKind.NOTE
            entry = self.dutylog.append_in(s, user, r.desk_id, EntryDraft(
                kind=kind, content=text, unit_name=r.unit_name,
                case_ref=inc.case_ref if inc else None, **extra))
            record_change(s, self.clock, r.desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, r.desk_id, Topic.REQUEST, r.id)
            return r

    def record_receipt(self, user: CurrentUser, request_id: int,
                       received_at: datetime | None = None,
                       channel: str | None = None) -> UnitRequest:
        """The first successful contact: the acknowledgement is due `ack_minutes` later."""
        at = received_at or self.clock.now()

        def values(r: UnitRequest) -> dict:
            return {"received_at": at, "received_channel": channel or r.channel,
                    "ack_due_at": at + timedelta(minutes=r.ack_minutes), "status": "received"}

        def entry(r: UnitRequest):  # type: ignore[no-untyped-def]
            return (EntryKind.NOTE, f"{r.unit_name} đã nhận yêu cầu lúc {_hm(r.received_at)}; "
                    f"hạn thông báo đầu mối, thời gian xử lý: {_hm(r.ack_due_at)} (Đ9.2).", {})

        return self._step(user, request_id, ("sent",), values, entry)

    def acknowledge(self, user: CurrentUser, request_id: int, contact: str,
                    promised_at: datetime | None = None,
                    at: datetime | None = None) -> UnitRequest:
        """The unit's answer within 30 minutes: its contact person and expected
        completion time (Đ9.2). Answering at once counts as the receipt too."""
        if not (contact or "").strip():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The acknowledgement needs the unit's contact person."))
        when = at or self.clock.now()

        def values(r: UnitRequest) -> dict:
            v: dict = {"acknowledged_at": when, "ack_contact": nfc(contact).strip(),
                       "promised_at": promised_at,
                       "result_due_at": promised_at or r.requested_due_at,
                       "status": "acknowledged"}
            if r.received_at is None:
                v |= {"received_at": when, "received_channel": r.channel,
                      "ack_due_at": when + timedelta(minutes=r.ack_minutes)}
            return v

        def entry(r: UnitRequest):  # type: ignore[no-untyped-def]
            late = ""
            if r.ack_due_at and r.acknowledged_at and r.acknowledged_at > r.ack_due_at:
                mins = int((r.acknowledged_at - r.ack_due_at).total_seconds() // 60)
                late = f" (chậm {mins} phút so với hạn {_hm(r.ack_due_at)})"
            text = (f"{r.unit_name} thông báo đầu mối xử lý: {r.ack_contact}"
                    + (f"; dự kiến hoàn thành {_hm(r.promised_at)}" if r.promised_at else "")
                    + late + ".")
            return EntryKind.NOTE, text, {}

        return self._step(user, request_id, ("sent", "received"), values, entry)

    def record_result(self, user: CurrentUser, request_id: int, result: str, *,
                      timeline: str = "", reported_at: datetime | None = None,
                      channel: str | None = None, late_reason: str | None = None,
                      late_responsibility: str | None = None) -> UnitRequest:
        """The unit's result report (Appendix IV). Late against the due time: the
        reason and the responsibility are required (Đ9.3)."""
        if not (result or "").strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Describe the result."))
        if channel is not None and channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=channel)
        when = reported_at or self.clock.now()

        def values(r: UnitRequest) -> dict:
            due = r.result_due_at
            if due is not None and when > due and not (
                    (late_reason or "").strip() and (late_responsibility or "").strip()):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "The result comes after the due time ({due}): give the reason "
                              "and the responsibility."), due=fmt_local(due))
            return {"result_reported_at": when, "result_text": nfc(result).strip(),
                    "timeline": _clean(timeline), "result_channel": channel or r.channel,
                    "late_reason": _clean(late_reason), "late_responsibility":
                        _clean(late_responsibility), "status": "done"}

        def entry(r: UnitRequest):  # type: ignore[no-untyped-def]
            text = r.result_text or ""
            if r.late_reason:
                text += f" Nguyên nhân chậm: {r.late_reason}. Trách nhiệm: {r.late_responsibility}."
            return EntryKind.RESULT, text, {"reported_at": r.result_reported_at}

        r = self._step(user, request_id, ("sent", "received", "acknowledged"), values, entry)
        if r.relayed_from_id is not None:
            self._report_back(user, r)
        return r

    # -- deadlines -----------------------------------------------------------------
    def overdue(self, desk_id: int, now: datetime | None = None) -> list[Overdue]:
        """Acknowledgements and results past their due time, oldest first."""
        now = now or self.clock.now()
        with self.db.read() as s:
            acks = s.scalars(select(UnitRequest).where(
                UnitRequest.desk_id == desk_id, UnitRequest.status == "received",
                UnitRequest.ack_due_at < now)).all()
            results = s.scalars(select(UnitRequest).where(
                UnitRequest.desk_id == desk_id, UnitRequest.status.in_(REQUEST_OPEN),
                UnitRequest.result_due_at < now)).all()
        out = [Overdue(r, "ack", r.ack_due_at, _minutes(now - r.ack_due_at))  # type: ignore[arg-type,operator]
               for r in acks]
        out += [Overdue(r, "result", r.result_due_at, _minutes(now - r.result_due_at))  # type: ignore[arg-type,operator]
                for r in results]
        return sorted(out, key=lambda o: o.due_at)

    def escalate_overdue(self, user: CurrentUser, desk_id: int) -> list[Overdue]:
        """Write one escalation entry per overdue item not escalated yet (for the
        room-level leader and the shift leader); returns those escalated now."""
        done: list[Overdue] = []
        for item in self.overdue(desk_id):
            column = "ack_escalated_at" if item.what == "ack" else "result_escalated_at"
            with self.db.write() as s:
                r = s.get(UnitRequest, item.request.id, populate_existing=True)
                if r is None or getattr(r, column) is not None:
                    continue
                stamped = s.execute(update(UnitRequest).where(
                    UnitRequest.id == r.id, getattr(UnitRequest, column).is_(None))
                    .values(**{column: self.clock.now(), "version": UnitRequest.version + 1})
                    .execution_options(synchronize_session=False))
                if stamped.rowcount != 1:
                    continue
                inc = s.get(Incident, r.incident_id) if r.incident_id else None
                what = "thông báo đầu mối, thời gian xử lý" if item.what == "ack" \
                    else "báo cáo kết quả"
                entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                    kind=EntryKind.NOTE, unit_name=r.unit_name,
                    case_ref=inc.case_ref if inc else None,
                    content=f"Quá hạn {what}: {r.unit_name} (hạn {_hm(item.due_at)}, chậm "
                            f"{item.minutes_late} phút). Báo cáo lãnh đạo cấp phòng trực ban "
                            f"và lãnh đạo ca trực để đôn đốc."))
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
                record_change(s, self.clock, desk_id, Topic.REQUEST, r.id)
            done.append(item)
        return done

    def get(self, request_id: int) -> UnitRequest:
        with self.db.read() as s:
            r = s.get(UnitRequest, request_id)
            if r is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The request does not exist."))
            return r

    def relayed(self, request_ids: list[int]) -> list[UnitRequest]:
        """The requests that pass these on to a regional desk's units."""
        if not request_ids:
            return []
        with self.db.read() as s:
            return list(s.scalars(select(UnitRequest).where(
                UnitRequest.relayed_from_id.in_(request_ids)).order_by(UnitRequest.id)))

    def for_desk(self, desk_id: int, open_only: bool = False,
                 incident_id: int | None = None) -> list[UnitRequest]:
        with self.db.read() as s:
            stmt = select(UnitRequest).where(UnitRequest.desk_id == desk_id)
            if open_only:
                stmt = stmt.where(UnitRequest.status.in_(REQUEST_OPEN))
            if incident_id is not None:
                stmt = stmt.where(UnitRequest.incident_id == incident_id)
            return list(s.scalars(stmt.order_by(UnitRequest.id)))


REQUEST_STATES = {
    "sent": QT_TRANSLATE_NOOP("errors", "sent"),
    "received": QT_TRANSLATE_NOOP("errors", "received by the unit"),
    "acknowledged": QT_TRANSLATE_NOOP("errors", "acknowledged"),
    "done": QT_TRANSLATE_NOOP("errors", "answered with its result"),
    "cancelled": QT_TRANSLATE_NOOP("errors", "cancelled"),
}


# Open items are printed in the handover report (Vietnamese record text).
STATE_VI = {
    "new": "mới", "verified": "đã kiểm tra", "proposed": "chờ phê duyệt",
    "director_review": f"chờ ý kiến {NAMES.leadership}", "approved": "đã phê duyệt",
    "rejected": "không phê duyệt", "in_progress": "đang thực hiện",
    "result_reported": "đã có kết quả",
}
REQUEST_VI = {"sent": "đã gửi, chờ đơn vị nhận", "received": "chờ thông báo đầu mối",
              "acknowledged": "chờ báo cáo kết quả"}


def _minutes(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


class WorkflowOpenItems:
    """Open incidents and open requests, for the shift handover."""

    source = "workflow"

    def __init__(self, incidents: IncidentService, requests: RequestService) -> None:
        self.incidents = incidents
        self.requests = requests

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:
        items = [OpenItem("workflow_incident", str(i.id), i.title,
                          detail=STATE_VI.get(i.state, i.state),
                          since=fmt_local(i.created_at))
                 for i in reversed(self.incidents.for_desk(desk_id, open_only=True))]
        for r in self.requests.for_desk(desk_id, open_only=True):
            due = r.ack_due_at if r.status == "received" else r.result_due_at
            detail = REQUEST_VI.get(r.status, r.status) + (f", hạn {fmt_local(due)}" if due
                                                            else "")
            items.append(OpenItem("request", str(r.id), f"{r.unit_name}: {r.subject}",
                                  detail=detail, since=fmt_local(r.created_at)))
        return items


__all__ = ["IncidentDraft", "IncidentService", "Overdue", "Prevention", "RequestService",
           "WorkflowOpenItems", "facts_of"]
