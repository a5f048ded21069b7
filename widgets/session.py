"""The console's session on the GUI side: who is logged in, which desk and shift,
whether the shared database is reachable. It runs the change feed and the
outbox replay, and turns their news into Qt signals for the panels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app import logs
from app.auth import CurrentUser
from app.cache import CachedShift
from app.context import AppContext
from app.errors import DatabaseUnavailable
from app.roster import OfficeHours, duty_date_of, shift_bounds
from app.topics import Change, Feed, Topic
from widgets.messages import background_failure
from widgets.qt_tasks import QtTaskRunner

log = logs.get("ui")

ONLINE, OFFLINE, RECONNECTING, CONNECTING = "online", "offline", "reconnecting", "connecting"


@dataclass
class DeskInfo:
    id: int
    code: str
    name: str
    place: str


class ConsoleSession(QObject):
    dbStateChanged = Signal(str)          # online | offline | reconnecting | connecting
    changed = Signal(object)              # list[Change], on the GUI thread
    shiftChanged = Signal(object)         # CachedShift
    outboxChanged = Signal(int, int)      # pending, failed

    def __init__(self, ctx: AppContext, runner: QtTaskRunner) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner
        self.user: CurrentUser | None = None
        self.desk: DeskInfo | None = None
        self.shift: CachedShift | None = None
        self.office_hours: OfficeHours | None = None
        # a run nobody sits at (--screenshot): it shows, and writes nothing by itself
        # (no start-of-shift check, no outage, no escalation): the log is evidence
        self.unattended = False
        self.db_state = CONNECTING
        self._feed: Feed | None = None
        self._reconnect = QTimer(self)
        self._reconnect.setInterval(5000)
        self._reconnect.timeout.connect(self._try_reconnect)
        self._rollover = QTimer(self)
        self._rollover.setInterval(30_000)
        self._rollover.timeout.connect(self.refresh_shift)
        self._feed_bridge = _FeedBridge()
        self._feed_bridge.stateSeen.connect(self._on_feed_state)
        self._feed_bridge.changesSeen.connect(self._on_changes)

    # -- start -------------------------------------------------------------------
    @property
    def online(self) -> bool:
        return self.db_state == ONLINE

    def set_state(self, state: str) -> None:
        if state != self.db_state:
            self.db_state = state
            log.info("database %s", state)
            self.dbStateChanged.emit(state)

    def begin(self, user: CurrentUser, desk: DeskInfo, shift: CachedShift | None,
              online: bool) -> None:
        """Start working for a desk after login."""
        self.user, self.desk, self.shift = user, desk, shift
        if online:
            self.set_state(ONLINE)
            self._start_feed()
            self.replay_outbox()
        else:
            self.set_state(OFFLINE)
            self._reconnect.start()
        self._rollover.start()
        self._emit_outbox()

    def stop(self) -> None:
        self._reconnect.stop()
        self._rollover.stop()
        feed, self._feed = self._feed, None
        if feed is not None:
            feed.stop()

    # -- change feed ------------------------------------------------------------------
    def _start_feed(self) -> None:
        if self._feed is not None:
            return
        self._feed = self.ctx.change_feed(self._feed_bridge.changesSeen.emit,
                                          self._feed_bridge.stateSeen.emit)
        self._feed.start()

    def _on_feed_state(self, state: str) -> None:
        if state == "online":
            was = self.db_state
            self.set_state(ONLINE)
            if was != ONLINE:
                self.replay_outbox()
                self.refresh_shift()
        elif state == "reconnecting":
            self.set_state(RECONNECTING)

    def _on_changes(self, changes: list[Change]) -> None:
        if self.desk is not None:
            mine = [c for c in changes if c.desk_id in (None, self.desk.id)]
            if mine:
                self.changed.emit(mine)
                if any(c.topic == Topic.SHIFT for c in mine):
                    self.refresh_shift()

    def _try_reconnect(self) -> None:
        def work() -> None:
            self.ctx.connect()

        def done(_r: object) -> None:
            self._reconnect.stop()
            self.set_state(ONLINE)
            self._start_feed()
            self.replay_outbox()
            self.refresh_shift()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, DatabaseUnavailable):
                log.warning("reconnect failed: %s", exc)

        self.runner.submit(work, done, failed, owner=self)

    # -- shift --------------------------------------------------------------------------
    def duty_day(self) -> tuple[date, datetime, datetime]:
        """The duty day of the session's clock with its bounds (UTC): the shift an
        entry written now belongs to, known even when no roster is at hand."""
        start_time = self.ctx.settings.shift_start_time()
        day = duty_date_of(self.ctx.clock.now(), start_time)
        return (day, *shift_bounds(day, start_time))

    def refresh_shift(self) -> None:
        """Follow the server's clock into the next shift at the boundary."""
        if self.desk is None or not self.online:
            return
        desk_id = self.desk.id

        def work() -> CachedShift:
            shift = self.ctx.roster.current_shift(desk_id)
            return self.ctx.cached_shift(shift)

        def done(shift: CachedShift) -> None:
            if self.shift is None or shift.id != self.shift.id or shift != self.shift:
                self.shift = shift
                self.shiftChanged.emit(shift)

        self.runner.submit(work, done, background_failure("shift rollover"), owner=self)

    # -- outbox -------------------------------------------------------------------------
    def replay_outbox(self) -> None:
        def done(_r: object) -> None:
            self._emit_outbox()

        report = background_failure("outbox replay")

        def failed(exc: BaseException) -> None:
            report(exc)
            self._emit_outbox()

        self.runner.submit(self.ctx.writer.replay, done, failed, serial=True, owner=self)

    def _emit_outbox(self) -> None:
        self.outboxChanged.emit(self.ctx.outbox.count_pending(), len(self.ctx.outbox.failed()))

    def note_write_outcome(self, queued: bool) -> None:
        if queued:
            if self.db_state == ONLINE:
                self.set_state(RECONNECTING)
            self._reconnect.start()  # retries and replays until the database answers
        self._emit_outbox()


class _FeedBridge(QObject):
    """Signals emitted from the feed's thread, delivered on the GUI thread."""

    changesSeen = Signal(object)
    stateSeen = Signal(str)
