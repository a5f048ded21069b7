"""Requests to units and their Đ9 deadlines (received, acknowledged, answered,
overdue), computed from stored times; each step is one write transaction with
its duty-log entry and `record_change` (`Topic.REQUEST`, ref: the request's id)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, Role, require
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import (
    Desk,
    Incident,
    OrgUnit,
    UnitRequest,
)
from app.dutylog import CHANNELS, DutyLog, EntryDraft, EntryKind
from app.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
    conflict,
)
from app.text import clean, nfc
from app.workflow.incidents import REQUEST_OPEN, check_sender_in, hm
from app.workflow.rules import (
    STATE_NAMES,
    Handling,
    IncidentState,
    report_path,
)

log = logs.get("workflow")


# -- requests to units (Đ9) --------------------------------------------------------------
@dataclass(frozen=True)
class Overdue:
    request: UnitRequest
    what: str            # "ack" | "result"
    due_at: datetime
    minutes_late: int


def _minutes(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


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
        (an urgent phone call); otherwise record the receipt when it is confirmed.
        An incident's request is not sent by whoever recorded a decision on it given
        by phone (Đ5.4b, Đ8.2.3 c.2): someone else sends it."""
        require(user, Permission.NOTICE_SEND)
        if channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=channel)
        if not subject.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A request needs a subject."))
        with self.db.write() as s:
            unit = s.get(OrgUnit, unit_id) if unit_id is not None else None
            name = clean(unit_name) or (unit.name if unit else None)
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
                check_sender_in(s, user, inc)
                if appendix is None and inc.handling == Handling.COORDINATED_CHECK:
                    appendix = report_path(inc.origin).request_appendix
            now = self.clock.now()
            r = UnitRequest(desk_id=desk_id, incident_id=incident_id, unit_id=unit_id,
                            unit_name=name, contact=clean(contact), channel=channel,
                            fax_no=clean(fax_no) or (unit.fax if unit else None),
                            email=clean(email) or (unit.email if unit else None),
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
                    + (f". Hạn báo cáo kết quả: {hm(requested_due_at)}" if requested_due_at
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
                 from_status: tuple[str, ...], values_of) -> None:
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
        if rowcount(done) != 1:
            raise conflict(QT_TRANSLATE_NOOP("errors", "The request"))
        s.refresh(r)

    def _step(self, user: CurrentUser, request_id: int, from_status: tuple[str, ...],
              values_of, entry_of) -> UnitRequest:
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

        def entry(r: UnitRequest):
            return (EntryKind.NOTE, f"{r.unit_name} đã nhận yêu cầu lúc {hm(r.received_at)}; "
                    f"hạn thông báo đầu mối, thời gian xử lý: {hm(r.ack_due_at)} (Đ9.2).", {})

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

        def entry(r: UnitRequest):
            late = ""
            if r.ack_due_at and r.acknowledged_at and r.acknowledged_at > r.ack_due_at:
                mins = int((r.acknowledged_at - r.ack_due_at).total_seconds() // 60)
                late = f" (chậm {mins} phút so với hạn {hm(r.ack_due_at)})"
            text = (f"{r.unit_name} thông báo đầu mối xử lý: {r.ack_contact}"
                    + (f"; dự kiến hoàn thành {hm(r.promised_at)}" if r.promised_at else "")
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
                    "timeline": clean(timeline), "result_channel": channel or r.channel,
                    "late_reason": clean(late_reason), "late_responsibility":
                        clean(late_responsibility), "status": "done"}

        def entry(r: UnitRequest):
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
                if rowcount(stamped) != 1:
                    continue
                inc = s.get(Incident, r.incident_id) if r.incident_id else None
                what = "thông báo đầu mối, thời gian xử lý" if item.what == "ack" \
                    else "báo cáo kết quả"
                entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                    kind=EntryKind.NOTE, unit_name=r.unit_name,
                    case_ref=inc.case_ref if inc else None,
                    content=f"Quá hạn {what}: {r.unit_name} (hạn {hm(item.due_at)}, chậm "
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
