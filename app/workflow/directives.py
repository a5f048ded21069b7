"""Leaders' directives not tied to an incident (Đ6.1, Đ10.4b, Đ12.1): who
directed, when, what, through which channel, sent to several units. Each unit
is followed up by a request to the unit (`UnitRequest`, linked by
`DirectiveUnit`), so receipt, the 30-minute acknowledgement, the result and
the overdue escalation follow exactly the rules of `RequestService` (Đ9). A
directive closes when every unit has reported.

Every step is one write transaction with its duty-log entry in the directive's
case (kind `directive` when it is sent, `result` when a unit reports), in
Vietnamese."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, Role, require
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import Directive, DirectiveUnit, LogCase, OrgUnit, UnitRequest, UserAccount
from app.dutylog import CHANNEL_NAMES, CHANNELS, DutyLog, EntryDraft, EntryKind
from app.errors import (
    QT_TRANSLATE_NOOP,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.text import nfc
from app.workflow.requests import Overdue, RequestService

log = logs.get("workflow")

DIRECTIVE_STATES = {
    "open": QT_TRANSLATE_NOOP("errors", "being followed up"),
    "closed": QT_TRANSLATE_NOOP("errors", "closed: every unit has reported"),
}
FINISHED = ("done", "cancelled")


@dataclass
class DirectiveDraft:
    """What the desk records of a leader's directive."""

    content: str
    unit_ids: list[int]
    directed_by: str = ""                  # the leader's name, when not a user of the client
    directed_by_id: int | None = None      # ... or the leader's account
    directed_at: datetime | None = None    # when the leader gave it (default: now)
    channel: str = "phone"                 # how it goes to the units
    due_at: datetime | None = None         # the result is requested by
    received_at: datetime | None = None    # the units got it at once (a phone call)
    contacts: dict[int, str] = field(default_factory=dict)  # unit id → contact person


@dataclass
class DirectiveView:
    """A directive and the follow-up of each of its units."""

    directive: Directive
    units: list[UnitRequest]

    @property
    def reported(self) -> int:
        return sum(1 for r in self.units if r.status == "done")


def _check_desk(user: CurrentUser, desk_id: int) -> None:
    if user.has_role(Role.DIRECTOR) or user.desk_id == desk_id:
        return
    raise PermissionDenied(QT_TRANSLATE_NOOP(
        "errors", "{user} does not belong to this duty desk and cannot record its "
                  "directives."), user=user.full_name)


def _hm(t: datetime | None) -> str:
    return fmt_local(t) if t else ""


class _DirectiveRequests(RequestService):
    """RequestService whose steps write their entry in the directive's case and
    close the directive once every unit has reported. The deadline rules (what a
    step sets, when it is late) are the base class's own."""

    def _step(self, user: CurrentUser, request_id: int, from_status: tuple[str, ...],
              values_of, entry_of) -> UnitRequest:
        with self.db.write() as s:
            link = s.scalar(select(DirectiveUnit).where(DirectiveUnit.request_id == request_id))
            if link is None:
                raise NotFound(QT_TRANSLATE_NOOP(
                    "errors", "This request does not follow up a directive."))
            # Lock the directive: the last two units reporting at once close it once.
            d = s.get(Directive, link.directive_id, with_for_update=True,
                      populate_existing=True)
            r = s.get(UnitRequest, request_id, populate_existing=True)
            assert d is not None and r is not None
            self._advance(s, user, r, from_status, values_of)
            kind, text, extra = entry_of(r)
            if kind == EntryKind.RESULT:
                text = f"{r.unit_name} báo cáo kết quả thực hiện chỉ đạo: {text}"
            entry = self.dutylog.append_in(s, user, r.desk_id, EntryDraft(
                kind=kind, content=text, unit_name=r.unit_name, case_ref=d.case_ref, **extra))
            record_change(s, self.clock, r.desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, r.desk_id, Topic.REQUEST, r.id)
            if r.status in FINISHED:
                self._close_if_all_reported(s, user, d)
            record_change(s, self.clock, r.desk_id, Topic.DIRECTIVE, d.id)
            return r

    def _close_if_all_reported(self, s: Session, user: CurrentUser, d: Directive) -> None:
        statuses = list(s.scalars(select(UnitRequest.status).join(
            DirectiveUnit, DirectiveUnit.request_id == UnitRequest.id).where(
            DirectiveUnit.directive_id == d.id)))
        if d.status != "open" or not statuses or any(st not in FINISHED for st in statuses):
            return
        now = self.clock.now()
        d.status, d.closed_at = "closed", now
        s.flush()
        entry = self.dutylog.append_in(s, user, d.desk_id, EntryDraft(
            kind=EntryKind.NOTE, case_ref=d.case_ref,
            content=f"Các đơn vị ({len(statuses)}) đã báo cáo đầy đủ kết quả thực hiện ý kiến "
                    f"chỉ đạo của {d.directed_by}; kết thúc theo dõi."))
        record_change(s, self.clock, d.desk_id, Topic.DUTYLOG, entry.id)
        log.info("directive %s closed: every unit reported", d.id)


class DirectiveService:
    """Directives to units and their follow-up, on the rules of requests (Đ9)."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog,
                 requests: RequestService) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        # A directive's case is followed by its units' requests (the workflow's items).
        dutylog.followed_elsewhere(
            lambda desk_id: select(Directive.case_ref).where(Directive.desk_id == desk_id))
        self.requests = _DirectiveRequests(db, clock, dutylog, ack_minutes=requests.ack_minutes)

    # -- sending -------------------------------------------------------------------
    def create(self, user: CurrentUser, desk_id: int, draft: DirectiveDraft) -> Directive:
        """Record the directive and send it to its units: one request each, all in
        one transaction with the directive entry that opens its case."""
        require(user, Permission.NOTICE_SEND)
        _check_desk(user, desk_id)
        content = nfc(draft.content or "").strip()
        if not content:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The directive needs a content."))
        if draft.channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=draft.channel)
        unit_ids = list(dict.fromkeys(draft.unit_ids))
        if not unit_ids:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Choose at least one unit to send the directive to."))
        now = self.clock.now()
        with self.db.write() as s:
            leader = s.get(UserAccount, draft.directed_by_id) if draft.directed_by_id else None
            if draft.directed_by_id and leader is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown user."))
            who = nfc(draft.directed_by or "").strip() or (
                leader.full_name + (f" ({leader.title})" if leader.title else "")
                if leader else "")
            if not who:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Record which leader gave the directive."))
            units = [s.get(OrgUnit, uid) for uid in unit_ids]
            if any(u is None for u in units):
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The unit no longer exists."))
            case_ref = str(uuid.uuid4())
            directed_at = draft.directed_at or now
            d = Directive(desk_id=desk_id, case_ref=case_ref, content=content,
                          directed_by=who[:200], directed_by_id=draft.directed_by_id,
                          directed_at=directed_at, channel=draft.channel, due_at=draft.due_at,
                          status="open", created_by=user.id, created_at=now)
            s.add(d)
            s.add(LogCase(desk_id=desk_id, client_id=case_ref, created_by=user.id,
                          created_at=now, title=f"Chỉ đạo: {content}"[:300]))
            s.flush()
            requests = []
            for u in units:
                assert u is not None
                r = UnitRequest(
                    desk_id=desk_id, incident_id=None, unit_id=u.id, unit_name=u.name,
                    contact=nfc(draft.contacts.get(u.id, "")).strip() or None,
                    channel=draft.channel, fax_no=u.fax, email=u.email, urgent=False,
                    subject=f"Thực hiện chỉ đạo: {content}"[:300], body=content,
                    status="sent", ack_minutes=self.requests.ack_minutes, created_by=user.id,
                    created_at=now, requested_due_at=draft.due_at, result_due_at=draft.due_at)
                if draft.received_at is not None:
                    r.received_at, r.received_channel = draft.received_at, draft.channel
                    r.ack_due_at = draft.received_at + timedelta(minutes=r.ack_minutes)
                    r.status = "received"
                s.add(r)
                s.flush()
                s.add(DirectiveUnit(directive_id=d.id, request_id=r.id, unit_id=u.id))
                requests.append(r)
            s.flush()
            names = ", ".join(u.name for u in units if u is not None)
            channel = CHANNEL_NAMES.get(draft.channel, draft.channel).lower()
            text = (f"Ý kiến chỉ đạo của {who} (lúc {_hm(directed_at)}): {content} "
                    f"Đã thông báo đến {names} qua {channel}"
                    + (f"; hạn báo cáo kết quả: {_hm(draft.due_at)}" if draft.due_at else "")
                    + ". Đề nghị các đơn vị thông báo đầu mối xử lý trong vòng "
                      f"{self.requests.ack_minutes} phút kể từ khi nhận (Đ9.2).")
            entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                kind=EntryKind.DIRECTIVE, content=text, channel=draft.channel,
                unit_name=names[:300], case_ref=case_ref, received_at=directed_at))
            d.log_entry_id = entry.id
            s.flush()
            record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
            for r in requests:
                record_change(s, self.clock, desk_id, Topic.REQUEST, r.id)
            record_change(s, self.clock, desk_id, Topic.DIRECTIVE, d.id)
            log.info("directive %s sent to %d unit(s) by %s", d.id, len(units), user.username)
            return d

    # -- each unit's answers (the rules of RequestService) ---------------------------
    def record_receipt(self, user: CurrentUser, request_id: int,
                       received_at: datetime | None = None,
                       channel: str | None = None) -> UnitRequest:
        return self.requests.record_receipt(user, request_id, received_at, channel)

    def acknowledge(self, user: CurrentUser, request_id: int, contact: str,
                    promised_at: datetime | None = None,
                    at: datetime | None = None) -> UnitRequest:
        return self.requests.acknowledge(user, request_id, contact, promised_at, at)

    def record_result(self, user: CurrentUser, request_id: int, result: str, *,
                      timeline: str = "", reported_at: datetime | None = None,
                      channel: str | None = None, late_reason: str | None = None,
                      late_responsibility: str | None = None) -> UnitRequest:
        return self.requests.record_result(
            user, request_id, result, timeline=timeline, reported_at=reported_at,
            channel=channel, late_reason=late_reason, late_responsibility=late_responsibility)

    # -- deadlines -------------------------------------------------------------------
    def overdue(self, desk_id: int, now: datetime | None = None) -> list[Overdue]:
        """The directives' acknowledgements and results past due, oldest first."""
        linked = self._linked_ids(desk_id)
        return [o for o in self.requests.overdue(desk_id, now) if o.request.id in linked]

    def escalate_overdue(self, user: CurrentUser, desk_id: int) -> list[Overdue]:
        """One escalation entry (in the directive's case) per overdue item not
        escalated yet, for the room-level leader and the shift leader. The stamp
        is the request's own: an item is escalated once, whichever path sees it."""
        done: list[Overdue] = []
        for item in self.overdue(desk_id):
            column = "ack_escalated_at" if item.what == "ack" else "result_escalated_at"
            with self.db.write() as s:
                stamped = s.execute(update(UnitRequest).where(
                    UnitRequest.id == item.request.id, getattr(UnitRequest, column).is_(None))
                    .values(**{column: self.clock.now(), "version": UnitRequest.version + 1})
                    .execution_options(synchronize_session=False))
                if rowcount(stamped) != 1:
                    continue
                d = s.scalar(select(Directive).join(
                    DirectiveUnit, DirectiveUnit.directive_id == Directive.id).where(
                    DirectiveUnit.request_id == item.request.id))
                assert d is not None
                what = "thông báo đầu mối, thời gian xử lý" if item.what == "ack" \
                    else "báo cáo kết quả"
                unit = item.request.unit_name
                entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                    kind=EntryKind.NOTE, unit_name=unit, case_ref=d.case_ref,
                    content=f"Quá hạn {what} thực hiện ý kiến chỉ đạo của {d.directed_by}: "
                            f"{unit} (hạn {_hm(item.due_at)}, chậm {item.minutes_late} phút). "
                            "Báo cáo lãnh đạo cấp phòng trực ban và lãnh đạo ca trực để "
                            "đôn đốc."))
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
                record_change(s, self.clock, desk_id, Topic.REQUEST, item.request.id)
                record_change(s, self.clock, desk_id, Topic.DIRECTIVE, d.id)
            done.append(item)
        return done

    # -- reading ---------------------------------------------------------------------
    def _linked_ids(self, desk_id: int) -> set[int]:
        with self.db.read() as s:
            return set(s.scalars(select(DirectiveUnit.request_id).join(
                Directive, Directive.id == DirectiveUnit.directive_id).where(
                Directive.desk_id == desk_id)))

    def get(self, directive_id: int) -> Directive:
        with self.db.read() as s:
            d = s.get(Directive, directive_id)
            if d is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The directive does not exist."))
            return d

    def units_of(self, directive_id: int) -> list[UnitRequest]:
        with self.db.read() as s:
            return list(s.scalars(select(UnitRequest).join(
                DirectiveUnit, DirectiveUnit.request_id == UnitRequest.id).where(
                DirectiveUnit.directive_id == directive_id).order_by(UnitRequest.id)))

    def directive_of(self, request_id: int) -> Directive | None:
        with self.db.read() as s:
            return s.scalar(select(Directive).join(
                DirectiveUnit, DirectiveUnit.directive_id == Directive.id).where(
                DirectiveUnit.request_id == request_id))

    def for_desk(self, desk_id: int, open_only: bool = False,
                 closed_since: datetime | None = None) -> list[DirectiveView]:
        """The desk's directives, newest first, each with its units' follow-up.
        `closed_since`: with open_only, keep those closed since then too."""
        with self.db.read() as s:
            stmt = select(Directive).where(Directive.desk_id == desk_id)
            if open_only:
                cond = Directive.status == "open"
                if closed_since is not None:
                    cond = cond | (Directive.closed_at >= closed_since)
                stmt = stmt.where(cond)
            directives = list(s.scalars(stmt.order_by(Directive.id.desc())))
            ids = [d.id for d in directives]
            rows = s.execute(select(DirectiveUnit.directive_id, UnitRequest).join(
                UnitRequest, UnitRequest.id == DirectiveUnit.request_id).where(
                DirectiveUnit.directive_id.in_(ids)).order_by(UnitRequest.id)).all() \
                if ids else []
        units: dict[int, list[UnitRequest]] = {i: [] for i in ids}
        for did, r in rows:
            units[did].append(r)
        return [DirectiveView(d, units[d.id]) for d in directives]


__all__ = ["DIRECTIVE_STATES", "DirectiveDraft", "DirectiveService", "DirectiveView"]
