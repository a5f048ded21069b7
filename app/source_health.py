"""The health of every source (Đ14.1.1d for cameras, Đ15.1 for the business systems):
when a source has been out of service longer than a set time, the fault is recorded
once, logged with a notice to the managing unit, followed until the source is back,
and handed over to the next shift while it lasts.

`SourceMonitor` (no database, no Qt): per source, since when it is down; on a
periodic `tick(now)` it says which sources have now been down longer than the
threshold (open an outage) and which sources with an open outage are live again
(close it). A per-source heartbeat (`heartbeat()`, with `stale_after` given) tells
a quiet night from an outage: a source that says "live" but whose heartbeat stopped
counts as stale from `last heartbeat + stale_after`. It claims what it hands out, so
a slow database call is not asked twice. Cameras are one kind of source: their
monitor (app/camera_health.py `OutageMonitor`) is this one with the stream states.

`SourceOutages`: the outage records of the sources that are not cameras
(`source_outage`; a camera's stay in `camera_outage`, app/camera_health.py). Its
`open_outage` writes, in one transaction, the outage, a system-fault duty-log entry
(Vietnamese) opening the outage's case and a notice to the managing unit; the UNIQUE
`open_source_id` keeps one open outage per source when several consoles report it
(the second gets the first's). `close_outage` ends it with a result entry in the same
case and closes the notice. `SourceOutageItems` lists open outages in the handover.

`SourceWatch` ties them together for the sources a console runs: `observe()` each
health reading (any thread), `run_once()` on a worker opens and closes outages."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import LogCase, LogEntry, Notice, OrgUnit, Shift, SourceOutage
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, DatabaseUnavailable, NotFound, ValidationError, conflict
from app.handover import OpenItem
from app.sources import OUTAGE_STATES, STATE_VI, SourceHealth, SourceState

log = logs.get("datasources.health")

TOPIC = Topic.SOURCE_OUTAGE
NOTICE_SOURCE = "source_outage"
DEFAULT_THRESHOLD_S = 60.0


def duration_vi(delta: timedelta) -> str:
    """"1 giờ 5 phút 3 giây" (record text)."""
    total = max(0, int(delta.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours} giờ" if hours else "", f"{minutes} phút" if minutes else "",
             f"{seconds} giây" if seconds or not (hours or minutes) else ""]
    return " ".join(p for p in parts if p)


# -- the monitor (no database) ------------------------------------------------------------
@dataclass(frozen=True)
class SourceDown:
    """A source down longer than the threshold, with no open outage yet."""

    source_id: str
    state: str       # the latest down state
    reason: str
    since: datetime  # when it went down


@dataclass(frozen=True)
class SourceBack:
    """A source with an open outage that is live again."""

    source_id: str
    at: datetime     # when it came back


@dataclass(frozen=True)
class SourceTick:
    overdue: list[SourceDown]
    restored: list[SourceBack]


@dataclass
class _Watch:
    state: str
    reason: str = ""
    down_since: datetime | None = None
    down_state: str = ""
    live_since: datetime | None = None
    heartbeat: datetime | None = None
    stale_after: timedelta | None = None


STALE = SourceState.STALE.value
SOURCE_STATES = frozenset(state.value for state in SourceState)
SOURCE_DOWN_STATES = frozenset(state.value for state in OUTAGE_STATES)


class SourceMonitor:
    """Knows, per source, since when it is down; says when that has lasted too long
    and when a source with an open outage is back. States are strings: `live_state`
    is up, `down_states` are down, any other known state is neutral (a running outage
    keeps its start, none begins). Times are the app clock's (UTC naive).
    Thread-safe."""

    def __init__(self, threshold_s: float = DEFAULT_THRESHOLD_S, *,
                 states: Collection[str] = SOURCE_STATES,
                 down_states: Collection[str] = SOURCE_DOWN_STATES,
                 live_state: str = SourceState.LIVE.value) -> None:
        if threshold_s < 0:
            raise ValueError("threshold_s cannot be negative")
        self.threshold = timedelta(seconds=threshold_s)
        self.states = frozenset(states)
        self.down_states = frozenset(down_states)
        self.live_state = live_state
        self._lock = threading.Lock()
        self._watch: dict[str, _Watch] = {}
        self._open: set[str] = set()            # sources with an open outage (any console)
        self._claimed_open: set[str] = set()    # handed out by tick, not answered yet
        self._claimed_close: set[str] = set()
        self._thresholds: dict[str, timedelta] = {}

    def set_threshold(self, source_id: str, threshold_s: float) -> None:
        """A source's own threshold (a feed read every 10 s is out after 20 s: twice
        its interval), instead of the monitor's."""
        if threshold_s < 0:
            raise ValueError("threshold_s cannot be negative")
        with self._lock:
            self._thresholds[source_id] = timedelta(seconds=threshold_s)

    def report(self, source_id: str, state: str, at: datetime, reason: str = "") -> None:
        """A state change of one source (repeating a state changes nothing)."""
        if state not in self.states:
            raise ValueError(f"unknown source state {state!r}")
        with self._lock:
            w = self._watch.get(source_id)
            if w is None:
                w = self._watch[source_id] = _Watch(state)
            w.state = state
            if state == self.live_state:
                w.down_since, w.down_state, w.reason = None, "", ""
                if w.live_since is None:
                    w.live_since = at
            elif state in self.down_states:
                w.live_since = None
                if w.down_since is None:
                    w.down_since = at
                w.down_state, w.reason = state, reason or w.reason
            else:  # neutral: a running outage keeps its start
                w.live_since = None

    def heartbeat(self, source_id: str, at: datetime | None,
                  stale_after: timedelta | None) -> None:
        """The source was last seen working at `at`; a live source without a newer
        heartbeat for `stale_after` counts as stale (None: no heartbeat expected)."""
        with self._lock:
            w = self._watch.get(source_id)
            if w is None:
                return
            w.stale_after = stale_after
            if at is not None and (w.heartbeat is None or at > w.heartbeat):
                w.heartbeat = at

    def _stale_since(self, w: _Watch, now: datetime) -> datetime | None:
        if (w.state != self.live_state or w.stale_after is None or w.heartbeat is None):
            return None
        since = w.heartbeat + w.stale_after
        return since if now >= since else None

    def tick(self, now: datetime) -> SourceTick:
        """Sources down longer than the threshold with no open outage (open one), and
        sources with an open outage that are live again (close it). Each is handed
        out once until the caller answers with outage_opened/closed or release."""
        overdue: list[SourceDown] = []
        restored: list[SourceBack] = []
        with self._lock:
            for sid, w in sorted(self._watch.items()):
                stale = self._stale_since(w, now)
                down_since, state, reason = w.down_since, w.down_state, w.reason
                if stale is not None:
                    down_since, state = stale, STALE
                    reason = f"không nhận được tín hiệu từ {fmt_local(w.heartbeat)}"
                if (down_since is not None and sid not in self._open
                        and sid not in self._claimed_open
                        and now - down_since >= self._thresholds.get(sid, self.threshold)):
                    self._claimed_open.add(sid)
                    overdue.append(SourceDown(sid, state, reason, down_since))
                if (sid in self._open and w.state == self.live_state and stale is None
                        and w.live_since is not None and sid not in self._claimed_close):
                    self._claimed_close.add(sid)
                    restored.append(SourceBack(sid, w.live_since))
        return SourceTick(overdue, restored)

    def outage_opened(self, source_id: str) -> None:
        """An open outage exists for the source (this console's or another's)."""
        with self._lock:
            self._open.add(source_id)
            self._claimed_open.discard(source_id)

    def outage_closed(self, source_id: str) -> None:
        with self._lock:
            self._open.discard(source_id)
            self._claimed_close.discard(source_id)

    def release(self, source_id: str) -> None:
        """The database call failed: hand the source out again at the next tick."""
        with self._lock:
            self._claimed_open.discard(source_id)
            self._claimed_close.discard(source_id)

    def adopt(self, open_ids: Iterable[str]) -> None:
        """The open outages known to the database (at start, or after a change
        from another console): they are closed here when the source is seen live."""
        ids = set(open_ids)
        with self._lock:
            self._open = ids | (self._open & self._claimed_close)
            self._claimed_open -= ids

    def forget(self, source_id: str) -> None:
        """The source is no longer watched here: its state is unknown from now on."""
        with self._lock:
            self._watch.pop(source_id, None)
            self._claimed_open.discard(source_id)
            self._claimed_close.discard(source_id)

    def state_of(self, source_id: str) -> str | None:
        with self._lock:
            w = self._watch.get(source_id)
            return w.state if w else None

    def down_since(self, source_id: str) -> datetime | None:
        with self._lock:
            w = self._watch.get(source_id)
            return w.down_since if w else None

    def has_open_outage(self, source_id: str) -> bool:
        with self._lock:
            return source_id in self._open


# -- the records ---------------------------------------------------------------------------
# -- the records an outage writes (a camera's and any source's) ------------------------
def open_fault_case(s: Session, clock: Clock, dutylog: DutyLog, actor: CurrentUser,
                    desk_id: int, case_ref: str, title: str, notice: Notice,
                    entry: EntryDraft) -> tuple[Notice, LogEntry]:
    """In the outage's transaction: its case in the log, the notice to the managing
    unit and the system-fault entry opening the case, with their changes."""
    s.add(LogCase(desk_id=desk_id, client_id=case_ref, created_by=actor.id,
                  created_at=clock.now(), title=title[:300]))
    s.flush()
    s.add(notice)
    s.flush()
    written = dutylog.append_in(s, actor, desk_id, entry)
    record_change(s, clock, desk_id, Topic.DUTYLOG, written.id)
    record_change(s, clock, desk_id, Topic.NOTICE, notice.id)
    return notice, written


def end_open_outage(s: Session, db: Database, model: Any, open_column: Any, key: object,
                    ended: datetime, actor: CurrentUser) -> Any:
    """Ends the open outage whose `open_column` (the UNIQUE "one open outage" column
    of `model`: camera_outage or source_outage) is `key`, once: the row locked on
    PostgreSQL, a conditional UPDATE that frees the column. The outage, or None when
    none was open or another console ended it first."""
    stmt = select(model).where(open_column == key)
    if db.is_postgres:
        stmt = stmt.with_for_update()
    outage = s.scalar(stmt)
    if outage is None:
        return None
    done = s.execute(update(model).where(model.id == outage.id, model.ended_at.is_(None))
                     .values({open_column.key: None, "ended_at": ended,
                              "closed_by": actor.id})
                     .execution_options(synchronize_session=False))
    if rowcount(done) != 1:
        return None
    s.refresh(outage)
    return outage


def close_fault_case(s: Session, clock: Clock, dutylog: DutyLog, actor: CurrentUser,
                     desk_id: int, notice_id: int | None, entry: EntryDraft) -> LogEntry:
    """In the closing transaction: the result entry in the outage's case and the
    notice closed, with their changes."""
    written = dutylog.append_in(s, actor, desk_id, entry)
    if notice_id is not None:
        s.execute(update(Notice).where(Notice.id == notice_id, Notice.status != "closed")
                  .values(status="closed", version=Notice.version + 1)
                  .execution_options(synchronize_session=False))
        record_change(s, clock, desk_id, Topic.NOTICE, notice_id)
    s.flush()
    record_change(s, clock, desk_id, Topic.DUTYLOG, written.id)
    return written


@dataclass(frozen=True)
class SourceInfo:
    """What the records say about a source (record text, Vietnamese)."""

    source_id: str
    kind: str                      # "mail_relay", "ais", "scale"…
    name: str                      # "Máy chủ chuyển tiếp thư điện tử (SMTP)"
    unit_code: str | None = None   # the unit that manages it (the notice goes there)
    place: str = ""                # where it is, if that means something ("127.0.0.1:25")


@dataclass(frozen=True)
class SourceOutageOpened:
    outage: SourceOutage
    created: bool    # False: another console (or an earlier call) had opened it


class SourceOutages:
    """The outage records of sources (not cameras). A source is made known with
    `describe()` before its outages are recorded."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self._sources: dict[str, SourceInfo] = {}
        # An outage's case is followed here (and in the handover by SourceOutageItems).
        dutylog.followed_elsewhere(lambda desk_id: select(SourceOutage.case_ref).where(
            SourceOutage.desk_id == desk_id))

    def describe(self, info: SourceInfo) -> None:
        self._sources[info.source_id] = info

    def info(self, source_id: str) -> SourceInfo:
        try:
            return self._sources[source_id]
        except KeyError:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown data source '{source}'."),
                           source=source_id) from None

    def _open_of(self, source_id: str) -> SourceOutage | None:
        with self.db.read() as s:
            return s.scalar(select(SourceOutage).where(SourceOutage.open_source_id == source_id))

    # -- writing ----------------------------------------------------------------------
    def open_outage(self, actor: CurrentUser, desk_id: int, source_id: str, state: str,
                    reason: str = "", started_at: datetime | None = None,
                    channel: str = "phone") -> SourceOutageOpened:
        """Record that a source is out of service (Đ15.1): outage + system-fault entry
        + notice to the managing unit, in one transaction. Idempotent per source:
        while an outage is open, every caller gets that one and nothing is written."""
        require(actor, Permission.LOG_WRITE)
        require(actor, Permission.NOTICE_SEND)
        if state not in SOURCE_DOWN_STATES:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "'{state}' is not a data source fault state."), state=state)
        src = self.info(source_id)
        what = STATE_VI[SourceState(state)]
        try:
            with self.db.write() as s:
                existing = s.scalar(select(SourceOutage).where(
                    SourceOutage.open_source_id == source_id))
                if existing is not None:
                    return SourceOutageOpened(existing, False)
                now = self.clock.now()
                started = started_at or now
                unit = (s.scalar(select(OrgUnit).where(OrgUnit.code == src.unit_code))
                        if src.unit_code else None)
                unit_name = unit.name if unit else ""
                outage = SourceOutage(
                    source_id=source_id, source_kind=src.kind[:40], source_name=src.name[:200],
                    unit_id=unit.id if unit else None, desk_id=desk_id,
                    open_source_id=source_id, state=state, reason=(reason or "").strip()[:2000],
                    started_at=started, detected_at=now, case_ref=str(uuid.uuid4()),
                    opened_by=actor.id)
                s.add(outage)
                s.flush()  # the one-open-outage constraint speaks here
                title = f"Sự cố {src.name}: {what}"
                since = fmt_local(started)
                where = f" ({src.place})" if src.place else ""
                detail = f" (chi tiết kỹ thuật: {outage.reason})" if outage.reason else ""
                notice = Notice(
                    desk_id=desk_id, unit_id=unit.id if unit else None,
                    contact=unit_name or None, subject=f"Sự cố {src.name}{where}"[:300],
                    body=(f"Hệ thống {src.name}{where} {what} từ {since}{detail}. Đề nghị "
                          "đơn vị quản lý hệ thống kiểm tra, khắc phục sự cố, đảm bảo hệ "
                          "thống hoạt động thông suốt (Điều 15.1 Quyết định 888/QĐ-TCHQ) "
                          "và phản hồi kết quả."),
                    channel=channel, source_kind=NOTICE_SOURCE, source_ref=source_id[:100],
                    created_by=actor.id, created_at=now, status="draft")
                notice, entry = open_fault_case(s, self.clock, self.dutylog, actor, desk_id,
                                                outage.case_ref, title, notice, EntryDraft(
                    kind=EntryKind.SYSTEM_FAULT,
                    content=(f"Hệ thống {src.name}{where} {what} từ {since}, kéo dài "
                             f"{duration_vi(now - started)}{detail}. Đã thông báo "
                             f"{unit_name or 'đơn vị quản lý hệ thống'} kiểm tra, khắc phục "
                             "sự cố (Đ15.1)."),
                    occurred_at=started, received_at=now, place=src.place or None,
                    unit_name=unit_name or None, case_ref=outage.case_ref, case_title=title))
                outage.notice_id, outage.open_entry_id = notice.id, entry.id
                s.flush()
                record_change(s, self.clock, desk_id, TOPIC, outage.id)
                log.info("outage of %s opened (%s) by %s", source_id, state, actor.username)
                return SourceOutageOpened(outage, True)
        except IntegrityError as exc:
            # Another console opened it in the same instant; ours was rolled back whole.
            existing = self._open_of(source_id)
            if existing is None:
                raise conflict(QT_TRANSLATE_NOOP("errors", "The data source outage")) from exc
            log.info("outage of %s already opened by another console", source_id)
            return SourceOutageOpened(existing, False)

    def close_outage(self, actor: CurrentUser, source_id: str,
                     ended_at: datetime | None = None) -> SourceOutage | None:
        """The source is back: end its open outage with a result entry in the outage's
        case and close the notice. None if no outage was open (or another console
        closed it first)."""
        require(actor, Permission.LOG_WRITE)
        with self.db.write() as s:
            ended = ended_at or self.clock.now()
            outage: SourceOutage | None = end_open_outage(
                s, self.db, SourceOutage, SourceOutage.open_source_id, source_id, ended, actor)
            if outage is None:
                return None
            unit = s.get(OrgUnit, outage.unit_id) if outage.unit_id else None
            entry = close_fault_case(s, self.clock, self.dutylog, actor, outage.desk_id,
                                     outage.notice_id, EntryDraft(
                kind=EntryKind.RESULT,
                content=(f"Hệ thống {outage.source_name} đã hoạt động trở lại lúc "
                         f"{fmt_local(ended)}; thời gian gián đoạn "
                         f"{duration_vi(ended - outage.started_at)}. Kết thúc theo dõi sự cố "
                         "(Đ15.1)."),
                reported_at=ended, unit_name=unit.name if unit else None,
                case_ref=outage.case_ref))
            outage.close_entry_id = entry.id
            s.flush()
            record_change(s, self.clock, outage.desk_id, TOPIC, outage.id)
            log.info("outage of %s closed by %s", source_id, actor.username)
            return outage

    # -- reading ----------------------------------------------------------------------
    def open_outages(self, desk_id: int | None = None) -> list[SourceOutage]:
        """Open outages, oldest first (of one desk, or all)."""
        with self.db.read() as s:
            stmt = (select(SourceOutage).where(SourceOutage.open_source_id.is_not(None))
                    .order_by(SourceOutage.started_at, SourceOutage.id))
            if desk_id is not None:
                stmt = stmt.where(SourceOutage.desk_id == desk_id)
            return list(s.scalars(stmt))

    def history(self, source_id: str, limit: int = 100) -> list[SourceOutage]:
        """A source's outages, newest first."""
        with self.db.read() as s:
            return list(s.scalars(select(SourceOutage)
                                  .where(SourceOutage.source_id == source_id)
                                  .order_by(SourceOutage.started_at.desc(),
                                            SourceOutage.id.desc()).limit(limit)))


class SourceOutageItems:
    """Open outages of sources of a desk, for the shift handover."""

    source = "source_outage"

    def __init__(self, outages: SourceOutages) -> None:
        self.outages = outages

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:  # noqa: ARG002
        items = []
        for o in self.outages.open_outages(desk_id):
            try:
                what = STATE_VI[SourceState(o.state)]
            except ValueError:
                what = o.state
            items.append(OpenItem(self.source, str(o.id), f"{o.source_name}: {what}",
                                  detail="chưa hoạt động trở lại",
                                  since=fmt_local(o.started_at)))
        return items


# -- the watch ---------------------------------------------------------------------------
@dataclass
class WatchRound:
    opened: list[SourceOutage] = field(default_factory=list)
    closed: list[SourceOutage] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)   # database away: tried again next round


class SourceWatch:
    """The outage watch of the sources this console runs. `observe(health)` from any
    thread (a source's health listener, or a periodic read of the registry);
    `run_once(actor, desk_id)` on a worker: opens and closes the outages the monitor
    hands out, on behalf of the officer logged in at the console."""

    def __init__(self, outages: SourceOutages, clock: Clock,
                 threshold_s: float = DEFAULT_THRESHOLD_S) -> None:
        self.outages = outages
        self.clock = clock
        self.monitor = SourceMonitor(threshold_s)

    def observe(self, health: SourceHealth, stale_after_s: float | None = None) -> None:
        if health.state is SourceState.STOPPED:
            self.monitor.forget(health.source_id)
            return
        at = health.since or self.clock.now()
        self.monitor.report(health.source_id, health.state.value, at, health.reason)
        self.monitor.heartbeat(health.source_id, health.last_heartbeat_at,
                               timedelta(seconds=stale_after_s) if stale_after_s else None)

    def adopt(self) -> None:
        """Outages opened before (by any console): closed here once live."""
        self.monitor.adopt(o.source_id for o in self.outages.open_outages())

    def run_once(self, actor: CurrentUser, desk_id: int,
                 now: datetime | None = None) -> WatchRound:
        out = WatchRound()
        tick = self.monitor.tick(now or self.clock.now())
        for down in tick.overdue:
            try:
                opened = self.outages.open_outage(actor, desk_id, down.source_id, down.state,
                                                  down.reason, started_at=down.since)
            except DatabaseUnavailable:
                self.monitor.release(down.source_id)
                out.failed.append(down.source_id)
                continue
            self.monitor.outage_opened(down.source_id)
            if opened.created:
                out.opened.append(opened.outage)
        for back in tick.restored:
            try:
                closed = self.outages.close_outage(actor, back.source_id, ended_at=back.at)
            except DatabaseUnavailable:
                self.monitor.release(back.source_id)
                out.failed.append(back.source_id)
                continue
            self.monitor.outage_closed(back.source_id)
            if closed is not None:
                out.closed.append(closed)
        return out


__all__ = ["DEFAULT_THRESHOLD_S", "SourceBack", "SourceDown", "SourceInfo", "SourceMonitor",
           "SourceOutageItems", "SourceOutageOpened", "SourceOutages", "SourceTick",
           "SourceWatch", "WatchRound", "duration_vi"]
