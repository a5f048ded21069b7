"""Camera health (Đ14.1.1d, Đ14.1.5; issue 3 item 5): when a camera has been down
longer than a set time, the fault is recorded and followed until the camera is back.

`OutageMonitor` (no database, no Qt; app/source_health.py's `SourceMonitor` with
the stream states: cameras are one kind of source): the GUI reports every stream state change of
every camera it shows; on a periodic `tick(now)` the monitor says which cameras have
now been down longer than the threshold (open an outage) and which cameras with an
open outage are live again (close it). It claims what it hands out, so a slow
database call is not asked twice; `outage_opened` / `outage_closed` / `release`
tell it how the call ended.

`CameraHealth`: the outage records. `open_outage` writes, in one transaction, the
outage, a system-fault duty-log entry (Vietnamese) opening the outage's case and a
notice to the camera's managing unit; the UNIQUE `open_camera_id` keeps one open
outage per camera when several consoles report it at once (the second gets the
first's). `close_outage` ends it with a result entry in the same case and closes
the notice. `open_outages`, `history` and `board` (every camera, its open outage,
how many outages and the last one) feed the GUI's health board;
`CameraOutageItems` lists open outages in the shift handover."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import Camera, CameraOutage, Notice, OrgUnit, Shift
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError, conflict
from app.handover import OpenItem
from app.source_health import (
    SourceBack,
    SourceDown,
    SourceMonitor,
    SourceTick,
    close_fault_case,
    duration_vi,
    end_open_outage,
    open_fault_case,
)

log = logs.get("cameras.health")

TOPIC = Topic.CAMERA_OUTAGE
NOTICE_SOURCE = "camera_outage"
DEFAULT_THRESHOLD_S = 60.0

# The stream states of video/stream.py's `State` (kept as plain strings: app/ does
# not import video/).
STREAM_STATES = ("connecting", "live", "stalled", "reconnecting", "offline", "auth_failed",
                 "codec_unsupported")
#: States in which a camera counts as down. "connecting" is neutral: it keeps a
#: running outage timer (a reconnect attempt) but does not start one.
DOWN_STATES = frozenset({"stalled", "reconnecting", "offline", "auth_failed",
                         "codec_unsupported"})

# Duty-log wording (record text, not UI).
STATE_VI = {
    "connecting": "đang kết nối",
    "live": "hoạt động bình thường",
    "stalled": "không có dữ liệu hình ảnh (hình bị treo)",
    "reconnecting": "mất tín hiệu, đang kết nối lại",
    "offline": "mất tín hiệu",
    "auth_failed": "không đăng nhập được (lỗi xác thực)",
    "codec_unsupported": "tín hiệu không giải mã được (định dạng nén không hỗ trợ)",
}


def place_of(camera: Camera) -> str:
    return ", ".join(p for p in (camera.site, camera.zone) if p)


# -- the monitor (no database) ------------------------------------------------------------
class Down(SourceDown):
    """A camera down longer than the threshold, with no open outage yet (a source
    whose id is the camera's code)."""

    @property
    def camera_code(self) -> str:
        return self.source_id


class Back(SourceBack):
    """A camera with an open outage that is live again."""

    @property
    def camera_code(self) -> str:
        return self.source_id


MonitorTick = SourceTick


class OutageMonitor(SourceMonitor):
    """Knows, per camera, since when it is down; says when that has lasted too long
    and when a camera with an open outage is back: app/source_health.py's monitor
    with the stream states (cameras are one kind of source). Times are the app
    clock's (UTC naive). Thread-safe; the GUI calls it from its own thread."""

    def __init__(self, threshold_s: float = DEFAULT_THRESHOLD_S) -> None:
        super().__init__(threshold_s, states=STREAM_STATES, down_states=DOWN_STATES,
                         live_state="live")

    def report(self, camera_code: str, state: str, at: datetime, reason: str = "") -> None:
        """A stream state change of one camera (video.stream.State values)."""
        if state not in STREAM_STATES:
            raise ValueError(f"unknown stream state {state!r}")
        super().report(camera_code, state, at, reason)

    def tick(self, now: datetime) -> SourceTick:
        """Cameras down longer than the threshold with no open outage (open one), and
        cameras with an open outage that are live again (close it). Each is handed
        out once until the caller answers with outage_opened/closed or release."""
        t = super().tick(now)
        return MonitorTick([Down(d.source_id, d.state, d.reason, d.since) for d in t.overdue],
                           [Back(b.source_id, b.at) for b in t.restored])


# -- the records ---------------------------------------------------------------------------
@dataclass(frozen=True)
class OutageOpened:
    outage: CameraOutage
    created: bool    # False: another console (or an earlier call) had opened it


@dataclass(frozen=True)
class OutageInfo:
    outage: CameraOutage
    camera: Camera


@dataclass(frozen=True)
class CameraHealthRow:
    """One line of the health board."""

    camera: Camera
    open_outage: CameraOutage | None
    outage_count: int
    last_outage: CameraOutage | None


class CameraHealth:
    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        # An outage's case is followed here (and in the handover by CameraOutageItems).
        dutylog.followed_elsewhere(lambda desk_id: select(CameraOutage.case_ref).where(
            CameraOutage.desk_id == desk_id))

    def _camera(self, code: str) -> Camera:
        with self.db.read() as s:
            cam = s.scalar(select(Camera).where(Camera.code == code))
        if cam is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown camera '{code}'."), code=code)
        return cam

    def _open_of(self, camera_id: int) -> CameraOutage | None:
        with self.db.read() as s:
            return s.scalar(select(CameraOutage).where(CameraOutage.open_camera_id == camera_id))

    # -- writing ----------------------------------------------------------------------
    def open_outage(self, actor: CurrentUser, desk_id: int, camera_code: str, state: str,
                    reason: str = "", started_at: datetime | None = None,
                    channel: str = "phone") -> OutageOpened:
        """Record that a camera is down (Đ14.1.1d): outage + system-fault entry +
        notice to the managing unit, in one transaction. Idempotent per camera:
        while an outage is open, every caller gets that one and nothing is written."""
        require(actor, Permission.LOG_WRITE)
        require(actor, Permission.NOTICE_SEND)
        if state not in DOWN_STATES:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "'{state}' is not a camera fault state."), state=state)
        cam = self._camera(camera_code)
        try:
            with self.db.write() as s:
                existing = s.scalar(select(CameraOutage).where(
                    CameraOutage.open_camera_id == cam.id))
                if existing is not None:
                    return OutageOpened(existing, False)
                now = self.clock.now()
                started = started_at or now
                outage = CameraOutage(
                    camera_id=cam.id, desk_id=desk_id, open_camera_id=cam.id, state=state,
                    reason=(reason or "").strip()[:2000], started_at=started, detected_at=now,
                    case_ref=str(uuid.uuid4()), opened_by=actor.id)
                s.add(outage)
                s.flush()  # the one-open-outage constraint speaks here
                unit = s.get(OrgUnit, cam.unit_id)
                unit_name = unit.name if unit else ""
                title = f"Sự cố camera {cam.code} – {cam.name}: {STATE_VI[state]}"
                place = place_of(cam)
                since = fmt_local(started)
                detail = f" (chi tiết kỹ thuật: {outage.reason})" if outage.reason else ""
                notice = Notice(
                    desk_id=desk_id, unit_id=cam.unit_id, contact=unit_name or None,
                    subject=f"Sự cố camera {cam.code} – {cam.name} ({place})"[:300],
                    body=(f"Camera {cam.code} – {cam.name} tại {place} {STATE_VI[state]} từ "
                          f"{since}{detail}. Đề nghị đơn vị quản lý hệ thống camera kiểm tra, "
                          "khắc phục sự cố, đảm bảo chất lượng hoạt động theo quy định "
                          "(Điều 14.1.1d Quyết định 888/QĐ-TCHQ) và phản hồi kết quả."),
                    channel=channel, source_kind=NOTICE_SOURCE, source_ref=cam.code,
                    created_by=actor.id, created_at=now, status="draft")
                notice, entry = open_fault_case(s, self.clock, self.dutylog, actor, desk_id,
                                                outage.case_ref, title, notice, EntryDraft(
                    kind=EntryKind.SYSTEM_FAULT,
                    content=(f"Camera {cam.code} – {cam.name} ({place}) {STATE_VI[state]} từ "
                             f"{since}, kéo dài {duration_vi(now - started)}{detail}. "
                             f"Đã thông báo {unit_name or 'đơn vị quản lý camera'} kiểm tra, "
                             "khắc phục sự cố (Đ14.1.1d)."),
                    occurred_at=started, received_at=now, place=place,
                    unit_name=unit_name or None, case_ref=outage.case_ref, case_title=title))
                outage.notice_id, outage.open_entry_id = notice.id, entry.id
                s.flush()
                record_change(s, self.clock, desk_id, TOPIC, outage.id)
                log.info("outage of camera %s opened (%s) by %s", cam.code, state,
                         actor.username)
                return OutageOpened(outage, True)
        except IntegrityError as exc:
            # Another console opened it in the same instant; ours was rolled back whole.
            existing = self._open_of(cam.id)
            if existing is None:
                raise conflict(QT_TRANSLATE_NOOP("errors", "The camera outage")) from exc
            log.info("outage of camera %s already opened by another console", cam.code)
            return OutageOpened(existing, False)

    def close_outage(self, actor: CurrentUser, camera_code: str,
                     ended_at: datetime | None = None) -> CameraOutage | None:
        """The camera is back (Đ14.1.5): end its open outage with a result entry in
        the outage's case and close the notice. None if no outage was open (or
        another console closed it first)."""
        require(actor, Permission.LOG_WRITE)
        cam = self._camera(camera_code)
        with self.db.write() as s:
            ended = ended_at or self.clock.now()
            outage: CameraOutage | None = end_open_outage(
                s, self.db, CameraOutage, CameraOutage.open_camera_id, cam.id, ended, actor)
            if outage is None:
                return None
            unit = s.get(OrgUnit, cam.unit_id)
            entry = close_fault_case(s, self.clock, self.dutylog, actor, outage.desk_id,
                                     outage.notice_id, EntryDraft(
                kind=EntryKind.RESULT,
                content=(f"Camera {cam.code} – {cam.name} ({place_of(cam)}) đã hoạt động trở "
                         f"lại lúc {fmt_local(ended)}; thời gian gián đoạn "
                         f"{duration_vi(ended - outage.started_at)}. Kết thúc theo dõi sự cố "
                         "(Đ14.1.5)."),
                reported_at=ended, unit_name=unit.name if unit else None,
                case_ref=outage.case_ref))
            outage.close_entry_id = entry.id
            s.flush()
            record_change(s, self.clock, outage.desk_id, TOPIC, outage.id)
            log.info("outage of camera %s closed by %s", cam.code, actor.username)
            return outage

    # -- reading ----------------------------------------------------------------------
    def open_outages(self, desk_id: int | None = None) -> list[OutageInfo]:
        """Open outages, oldest first (of one desk, or all)."""
        with self.db.read() as s:
            stmt = (select(CameraOutage, Camera).join(Camera, Camera.id == CameraOutage.camera_id)
                    .where(CameraOutage.open_camera_id.is_not(None))
                    .order_by(CameraOutage.started_at, CameraOutage.id))
            if desk_id is not None:
                stmt = stmt.where(CameraOutage.desk_id == desk_id)
            return [OutageInfo(o, c) for o, c in s.execute(stmt).all()]

    def history(self, camera_code: str, limit: int = 100) -> list[CameraOutage]:
        """A camera's outages, newest first."""
        cam = self._camera(camera_code)
        with self.db.read() as s:
            return list(s.scalars(select(CameraOutage).where(CameraOutage.camera_id == cam.id)
                                  .order_by(CameraOutage.started_at.desc(),
                                            CameraOutage.id.desc()).limit(limit)))

    def board(self, active_only: bool = False) -> list[CameraHealthRow]:
        """Every camera with its open outage, its number of outages and the last one."""
        with self.db.read() as s:
            q = select(Camera).order_by(Camera.site, Camera.zone, Camera.code)
            if active_only:
                q = q.where(Camera.active.is_(True))
            cameras = list(s.scalars(q))
            counts: dict[int, int] = {cid: n for cid, n in s.execute(
                select(CameraOutage.camera_id, func.count()).group_by(CameraOutage.camera_id))}
            last_ids = select(func.max(CameraOutage.id)).group_by(CameraOutage.camera_id)
            last = {o.camera_id: o for o in s.scalars(
                select(CameraOutage).where(CameraOutage.id.in_(last_ids)))}
            open_ = {o.camera_id: o for o in s.scalars(
                select(CameraOutage).where(CameraOutage.open_camera_id.is_not(None)))}
        return [CameraHealthRow(c, open_.get(c.id), int(counts.get(c.id, 0)), last.get(c.id))
                for c in cameras]


class CameraOutageItems:
    """Open camera outages of a desk, for the shift handover."""

    source = "camera_outage"

    def __init__(self, health: CameraHealth) -> None:
        self.health = health

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:  # noqa: ARG002
        return [OpenItem(self.source, str(i.outage.id),
                         f"Camera {i.camera.code} – {i.camera.name}: "
                         f"{STATE_VI.get(i.outage.state, i.outage.state)}",
                         detail=f"{place_of(i.camera)}; chưa hoạt động trở lại",
                         since=fmt_local(i.outage.started_at))
                for i in self.health.open_outages(desk_id)]


__all__ = ["Back", "CameraHealth", "CameraHealthRow", "CameraOutageItems", "DOWN_STATES",
           "Down", "MonitorTick", "OutageInfo", "OutageMonitor", "OutageOpened", "STATE_VI",
           "STREAM_STATES", "duration_vi", "place_of"]
