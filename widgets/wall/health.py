"""Camera health on the console (Đ14.1.1d, Đ14.1.5): `OutageWatch` feeds every camera
state the walls see into the core's `OutageMonitor` and, once a second, opens the
outages that have lasted too long (a system-fault entry in the duty log and a notice to
the managing unit, in one transaction) and closes those whose camera is back, on the
task runner. `HealthBoard` lists every camera: its live state on this console, its
open outage, how many outages it had and the last one."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.camera_health import CameraHealthRow, OutageMonitor
from app.clock import fmt_local
from app.topics import Topic
from video.stream import State
from widgets import theme
from widgets.messages import message_of
from widgets.panels import Panel
from widgets.session import ConsoleSession
from widgets.wall.tile import state_text

log = logging.getLogger("customs.video")
TOPICS = frozenset({Topic.CAMERA_OUTAGE, Topic.CAMERA})


class OutageWatch(QObject):
    """See the module doc."""

    outagesChanged = Signal()

    def __init__(self, session: ConsoleSession, threshold_s: float | None = None,
                 tick_ms: int = 1000) -> None:
        super().__init__()
        self.session = session
        ctx = session.ctx
        self.monitor = OutageMonitor(ctx.settings.camera_outage_after_s
                                     if threshold_s is None else threshold_s)
        self._timer = QTimer(self, interval=tick_ms)
        self._timer.timeout.connect(self.tick)
        session.changed.connect(self._changes)

    def start(self) -> None:
        self._adopt()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def report(self, code: str, state: str, reason: str) -> None:
        self.monitor.report(code, state, self.session.ctx.clock.now(), reason)

    def tick(self) -> None:
        ctx, user, desk = self.session.ctx, self.session.user, self.session.desk
        if user is None or desk is None or not self.session.online or self.session.unattended:
            return
        t = self.monitor.tick(ctx.clock.now())
        for d in t.overdue:
            self.session.runner.submit(
                lambda d=d: ctx.camera_health.open_outage(user, desk.id, d.camera_code,
                                                          d.state, d.reason, started_at=d.since),
                lambda _r, code=d.camera_code: self._opened(code),
                lambda exc, code=d.camera_code: self._failed(code, exc), owner=self)
        for b in t.restored:
            self.session.runner.submit(
                lambda b=b: ctx.camera_health.close_outage(user, b.camera_code, ended_at=b.at),
                lambda _r, code=b.camera_code: self._closed(code),
                lambda exc, code=b.camera_code: self._failed(code, exc), owner=self)

    def _opened(self, code: str) -> None:
        self.monitor.outage_opened(code)
        self.outagesChanged.emit()

    def _closed(self, code: str) -> None:
        self.monitor.outage_closed(code)
        self.outagesChanged.emit()

    def _failed(self, code: str, exc: BaseException) -> None:
        log.warning("camera %s: outage not recorded: %s", code, message_of(exc))
        self.monitor.release(code)

    def _adopt(self) -> None:
        health = self.session.ctx.camera_health
        self.session.runner.submit(
            lambda: [i.camera.code for i in health.open_outages()],
            self.monitor.adopt, lambda exc: log.warning("open outages: %s", exc), owner=self)

    def _changes(self, changes: list) -> None:  # type: ignore[type-arg]
        if any(getattr(c, "topic", None) in TOPICS for c in changes):
            self._adopt()
            self.outagesChanged.emit()


class HealthBoard(Panel):
    """Every camera's state and outage history; refreshed on outage changes (this
    console's own outages come back through the change feed too)."""

    topics = TOPICS
    COLUMNS = ("No.", "Camera", "Site / zone", "State here", "Open outage since", "Outages",
               "Last outage")

    def __init__(self, session: ConsoleSession, watch: OutageWatch,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.watch = watch
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Camera"), self.tr("Site / zone"), self.tr("State here"),
            self.tr("Open outage since"), self.tr("Outages"), self.tr("Last outage")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # the columns keep their contents' width (the state stays in view in a narrow
        # dock, which scrolls sideways); the last one takes what is left
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.show_history(row))
        self.history = QTableWidget(0, 4, self)
        self.history.setHorizontalHeaderLabels([
            self.tr("From"), self.tr("Until"), self.tr("State"), self.tr("Reason")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history_title = QLabel(self.tr("Double-click a camera for its outage history."),
                                    self)
        self.summary = QLabel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.state_line)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.history_title)
        lay.addWidget(self.history, 2)
        self.history.hide()  # until a camera's history is asked for: the board gets the room
        self.rows: list[CameraHealthRow] = []

    def query(self):  # type: ignore[no-untyped-def]
        return self.session.ctx.camera_health.board

    def show_history(self, row: int) -> None:
        """The outages of the camera on `row`, newest first."""
        code_item = self.table.item(row, 1)
        if code_item is None:
            return
        code = code_item.text().split(" — ")[0]
        health = self.session.ctx.camera_health

        def shown(outages: list) -> None:  # type: ignore[type-arg]
            self.history_title.setText(self.tr("Outages of {camera}").replace("{camera}", code))
            self.history.setRowCount(len(outages))
            self.history.show()
            for r, o in enumerate(outages):
                values = [fmt_local(o.started_at),
                          fmt_local(o.ended_at) if o.ended_at else self.tr("still open"),
                          state_text(o.state) if o.state in State.__members__.values()
                          else o.state, o.reason or ""]
                for c, v in enumerate(values):
                    self.history.setItem(r, c, QTableWidgetItem(v))
            self.history.resizeColumnsToContents()

        self.session.runner.submit(lambda: health.history(code), shown,
                                   lambda exc: self.summary.setText(message_of(exc)), owner=self)

    def set_state(self, code: str, state: str) -> None:
        for r, row in enumerate(self.rows):
            if row.camera.code == code:
                self._state_cell(r, state)

    def _state_cell(self, r: int, state: str | None) -> None:
        item = QTableWidgetItem(state_text(state) if state else self.tr("not shown"))
        if state:
            st = State(state)
            colour = theme.OK if st is State.LIVE else (
                theme.WARN if st in (State.CONNECTING, State.RECONNECTING, State.STALLED)
                else theme.ALARM)
            item.setForeground(QBrush(QColor(colour)))
        self.table.setItem(r, 3, item)

    def present(self, rows: list[CameraHealthRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        open_count = 0
        for r, row in enumerate(rows):
            cam = row.camera
            values = [f"{cam.id:02d}", f"{cam.code} — {cam.name}",
                      ", ".join(p for p in (cam.site, cam.zone) if p), None,
                      fmt_local(row.open_outage.started_at) if row.open_outage else "",
                      str(row.outage_count),
                      fmt_local(row.last_outage.started_at) if row.last_outage else ""]
            for c, v in enumerate(values):
                if v is not None:
                    item = QTableWidgetItem(v)
                    if c == 4 and v:
                        item.setForeground(QBrush(QColor(theme.ALARM)))
                    self.table.setItem(r, c, item)
            self._state_cell(r, self.watch.monitor.state_of(cam.code))
            open_count += row.open_outage is not None
        self.summary.setText(self.tr("{n} cameras, {open} with an open outage").replace(
            "{n}", str(len(rows))).replace("{open}", str(open_count)))
        self.table.resizeColumnsToContents()
        self.table.sortItems(0, Qt.SortOrder.AscendingOrder)


__all__ = ["HealthBoard", "OutageWatch"]
