"""What officers do with an alert (Đ4.3: nothing acts on its own): acknowledge it
(seen, being handled), dismiss it with a reason (written in the duty log: the
officer's decision and why), or record the incident it became. Each change is
optimistic (`version`), so two consoles acting on the same alert learn of each
other; the alert keeps who acted and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock
from app.db.changes import record_change
from app.db.engine import Database
from app.db.models import Alert
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError, conflict
from app.topics import Topic

log = logs.get("customs.alerts")

STATES = ("open", "acknowledged", "dismissed", "incident")
SEVERITY_ORDER = {"critical": 0, "high": 1, "normal": 2}
RULE_VI = {"gate_clearance": "cổng × thông quan", "blacklist": "danh sách rủi ro",
           "watch_profile": "hồ sơ trọng điểm"}


@dataclass(frozen=True)
class AlertView:
    id: int
    desk_id: int | None
    rule: str
    severity: str
    title: str
    reason: str
    source_id: str
    record_kind: str
    record_ref: str
    container_no: str | None
    declaration_key: str | None
    camera_code: str | None
    picture: str | None
    place: str | None
    raised_at: datetime
    state: str
    acted_by: int | None
    acted_at: datetime | None
    dismiss_reason: str | None
    incident_id: int | None
    version: int

    @property
    def open(self) -> bool:
        return self.state in ("open", "acknowledged")


def view_of(a: Alert) -> AlertView:
    return AlertView(a.id, a.desk_id, a.rule, a.severity, a.title, a.reason, a.source_id,
                     a.record_kind, a.record_ref, a.container_no, a.declaration_key,
                     a.camera_code, a.picture, a.place, a.raised_at, a.state, a.acted_by,
                     a.acted_at, a.dismiss_reason, a.incident_id, a.version)


class AlertService:
    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog

    def alerts(self, desk_id: int | None, states: tuple[str, ...] = ("open", "acknowledged"),
               limit: int = 500) -> list[AlertView]:
        """A desk's alerts (all desks: None), most severe first, then newest."""
        severity = case(SEVERITY_ORDER, value=Alert.severity, else_=9)
        with self.db.read() as s:
            stmt = (select(Alert).where(Alert.state.in_(states))
                    .order_by(severity, Alert.raised_at.desc(), Alert.id.desc()).limit(limit))
            if desk_id is not None:
                stmt = stmt.where(Alert.desk_id == desk_id)
            return [view_of(a) for a in s.scalars(stmt)]

    def get(self, alert_id: int) -> AlertView:
        with self.db.read() as s:
            return view_of(self._row(s, alert_id))

    @staticmethod
    def _row(s: Session, alert_id: int) -> Alert:
        row = s.get(Alert, alert_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown alert {id}."), id=alert_id)
        return row

    def _act(self, s: Session, actor: CurrentUser, alert_id: int, version: int,
             state: str) -> Alert:
        require(actor, Permission.LOG_WRITE)
        row = self._row(s, alert_id)
        if row.version != version or row.state in ("dismissed", "incident"):
            raise conflict("The alert")
        row.state, row.acted_by, row.acted_at = state, actor.id, self.clock.now()
        return row

    def acknowledge(self, actor: CurrentUser, alert_id: int, version: int) -> AlertView:
        with self.db.write() as s:
            row = self._act(s, actor, alert_id, version, "acknowledged")
            s.flush()
            record_change(s, self.clock, row.desk_id, Topic.ALERT, row.id)
            return view_of(row)

    def dismiss(self, actor: CurrentUser, alert_id: int, version: int, reason: str,
                desk_id: int) -> AlertView:
        """Dismissed with the officer's reason, which the duty log keeps."""
        reason = " ".join(reason.split())
        if len(reason) < 5:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Say why the alert is dismissed (at least 5 characters)."))
        if len(reason) > 1000:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The reason is too long (at most {count} characters)."), count=1000)
        with self.db.write() as s:
            row = self._act(s, actor, alert_id, version, "dismissed")
            row.dismiss_reason = reason
            s.flush()
            entry = self.dutylog.append_in(s, actor, desk_id, EntryDraft(
                kind=EntryKind.NOTE,
                content=f"Bỏ qua cảnh báo ({RULE_VI.get(row.rule, row.rule)}): {row.title}. "
                        f"Lý do: {reason}",
                place=row.place, container_no=row.container_no,
                declaration_no=row.declaration_key))
            record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, row.desk_id, Topic.ALERT, row.id)
            log.info("alert %s dismissed by %s", row.id, actor.username)
            return view_of(row)

    def mark_incident(self, actor: CurrentUser, alert_id: int, incident_id: int) -> None:
        """The incident raised from the alert handles it (an alert already dismissed or
        handled stays as it is: the incident stands on its own)."""
        require(actor, Permission.LOG_WRITE)
        with self.db.write() as s:
            row = self._row(s, alert_id)
            if row.state not in ("dismissed", "incident"):
                self.became_incident(s, actor, alert_id, incident_id)

    def became_incident(self, s: Session, actor: CurrentUser, alert_id: int,
                        incident_id: int) -> None:
        """In the caller's transaction: the alert is handled as that incident."""
        row = self._row(s, alert_id)
        if row.state in ("dismissed", "incident"):
            raise conflict("The alert")
        row.state, row.acted_by, row.acted_at = "incident", actor.id, self.clock.now()
        row.incident_id = incident_id
        s.flush()
        record_change(s, self.clock, row.desk_id, Topic.ALERT, row.id)


__all__ = ["RULE_VI", "SEVERITY_ORDER", "STATES", "AlertService", "AlertView", "view_of"]
