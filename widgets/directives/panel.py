"""The "Directives and daily reports" panel (a dock of the main window, Đ6.1,
Đ10.4a–b). Tab 1: the leaders' directives to units — a new one with
Ctrl+Alt+D (content, who directed, channel, units ticked in the units tree) —
and the follow-up of the selected directive's units with live countdowns to
their Đ9 deadlines (overdue first, in red); the unit's receipt (Ctrl+Alt+T),
acknowledgement (Ctrl+K) and result (Ctrl+Alt+R) are recorded from the keyboard.
Tab 2: today's tracker of the daily reports the desk chases: late first, in red;
received (Ctrl+Alt+V) and reminded (Ctrl+Alt+M).

Reading and writing run on the session's runner; a QTimer recomputes the
countdowns and lateness from the stored times once a second, without querying;
the change feed reloads the panel when another console writes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.clock import fmt_local
from app.topics import Topic
from app.workflow.daily_reports import EXPECTED, LATE, RECEIVED, RECEIVED_LATE, tracker_order
from app.workflow.directive_views import DirectiveRow, PanelSnapshot, UnitFollowUp, read_panel
from widgets import theme
from widgets.directives.dialogs import DirectiveDialog, RemindDialog, ReportReceivedDialog
from widgets.incidents.request_dialogs import AckDialog, ResultDialog
from widgets.labels import channel_label, deadline_label
from widgets.messages import show_error
from widgets.panels import Panel
from widgets.session import ConsoleSession
from widgets.shortcuts import panel_shortcut

CTX = "DirectivesPanel"
TOPICS = frozenset({Topic.DIRECTIVE, Topic.REQUEST, Topic.DAILY_REPORT})
UNIT_STATES = {
    "sent": QT_TRANSLATE_NOOP("DirectivesPanel", "Sent, receipt not confirmed"),
    "received": QT_TRANSLATE_NOOP("DirectivesPanel", "Received, awaiting acknowledgement"),
    "acknowledged": QT_TRANSLATE_NOOP("DirectivesPanel", "Acknowledged, awaiting the result"),
    "done": QT_TRANSLATE_NOOP("DirectivesPanel", "Reported"),
    "cancelled": QT_TRANSLATE_NOOP("DirectivesPanel", "Cancelled"),
}
DIRECTIVE_STATES = {
    "open": QT_TRANSLATE_NOOP("DirectivesPanel", "Following up"),
    "closed": QT_TRANSLATE_NOOP("DirectivesPanel", "Closed"),
}
REPORT_STATES = {
    EXPECTED: QT_TRANSLATE_NOOP("DirectivesPanel", "Expected"),
    LATE: QT_TRANSLATE_NOOP("DirectivesPanel", "LATE"),
    RECEIVED: QT_TRANSLATE_NOOP("DirectivesPanel", "Received"),
    RECEIVED_LATE: QT_TRANSLATE_NOOP("DirectivesPanel", "Received late"),
}


def _item(text: str, tip: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        it.setToolTip(tip)
    return it


def _table(name: str, headers: list[str], stretch: int) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.setWordWrap(True)
    header = t.horizontalHeader()
    for c in range(len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return t


class DirectivesPanel(Panel):
    topics = TOPICS
    # its countdowns run while hidden and escalate a deadline that passes: what they
    # count from follows the changes even when the dock is not shown
    reload_hidden = True
    written = Signal(str)       # directive | receipt | ack | result | received | reminded

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("directivesPanel")
        self.snapshot = PanelSnapshot()
        self._unit_order: list[int] = []
        self._unit_rows: list[UnitFollowUp] = []      # as displayed
        self._report_keys: list[tuple[int, str, str]] = []
        self._report_rows: list = []                   # as displayed (TrackerRow)
        self._selected_id: int | None = None
        self._busy = False
        self._escalating: set[tuple[int, str]] = set()  # asked once per deadline
        self._reference_loaded = False
        self.dialog = None  # the dialog open now (tests drive it)

        self.notice = QLabel()
        self.notice.setObjectName("directivesNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        # -- tab 1: directives --------------------------------------------------------
        self.directives = _table("directivesTable", [
            self.tr("No."), self.tr("Directive"), self.tr("Directed by"), self.tr("Reported"),
            self.tr("Status")], stretch=1)
        self.directives.itemSelectionChanged.connect(self._directive_selected)
        self.units = _table("directiveUnitsTable", [
            self.tr("Time left"), self.tr("Due"), self.tr("Unit"), self.tr("Status"),
            self.tr("Contact")], stretch=2)
        self.units.itemSelectionChanged.connect(self._enable)
        self.new_b = QPushButton(self.tr("New directive… (Ctrl+Alt+D)"))
        self.new_b.setObjectName("newDirectiveButton")
        self.receipt_b = QPushButton(self.tr("Unit received (Ctrl+Alt+T)"))
        self.receipt_b.setObjectName("directiveReceiptButton")
        self.ack_b = QPushButton(self.tr("Acknowledgement… (Ctrl+K)"))
        self.ack_b.setObjectName("directiveAckButton")
        self.result_b = QPushButton(self.tr("Result… (Ctrl+Alt+R)"))
        self.result_b.setObjectName("directiveResultButton")
        self.new_b.clicked.connect(self.new_directive)
        self.receipt_b.clicked.connect(self.record_receipt)
        self.ack_b.clicked.connect(self.record_ack)
        self.result_b.clicked.connect(self.record_result)
        top = QHBoxLayout()
        self.directives_title = QLabel()
        self.directives_title.setObjectName("panelTitle")
        top.addWidget(self.directives_title, 1)
        top.addWidget(self.new_b)
        actions = QHBoxLayout()
        self.units_title = QLabel()
        self.units_title.setObjectName("muted")
        actions.addWidget(self.units_title, 1)
        for b in (self.receipt_b, self.ack_b, self.result_b):
            actions.addWidget(b)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.directives)
        lower = QWidget()
        lower_l = QVBoxLayout(lower)
        lower_l.setContentsMargins(0, 0, 0, 0)
        lower_l.addWidget(self.units, 1)
        lower_l.addLayout(actions)
        split.addWidget(lower)
        split.setSizes([240, 320])
        tab1 = QWidget()
        t1 = QVBoxLayout(tab1)
        t1.addLayout(top)
        t1.addWidget(split, 1)

        # -- tab 2: daily reports ----------------------------------------------------------
        self.reports = _table("dailyReportsTable", [
            self.tr("State"), self.tr("Due"), self.tr("Unit"), self.tr("Report"),
            self.tr("Received"), self.tr("Reminders")], stretch=3)
        self.reports.setWordWrap(False)  # one line a report: the tooltip has it all
        self.reports.itemSelectionChanged.connect(self._enable)
        self.received_b = QPushButton(self.tr("Received… (Ctrl+Alt+V)"))
        self.received_b.setObjectName("reportReceivedButton")
        self.remind_b = QPushButton(self.tr("Remind… (Ctrl+Alt+M)"))
        self.remind_b.setObjectName("reportRemindButton")
        self.received_b.clicked.connect(self.record_received)
        self.remind_b.clicked.connect(self.remind)
        self.reports_title = QLabel()
        self.reports_title.setObjectName("panelTitle")
        rrow = QHBoxLayout()
        rrow.addWidget(self.reports_title, 1)
        rrow.addWidget(self.remind_b)
        rrow.addWidget(self.received_b)
        tab2 = QWidget()
        t2 = QVBoxLayout(tab2)
        t2.addWidget(self.reports, 1)
        t2.addLayout(rrow)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("directivesTabs")
        self.tabs.addTab(tab1, self.tr("&Directives"))
        self.tabs.addTab(tab2, self.tr("Daily &reports"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        panel_shortcut(self, "Ctrl+Alt+D", self.new_directive)
        panel_shortcut(self, "Ctrl+Alt+T", self.record_receipt)
        panel_shortcut(self, "Ctrl+K", self.record_ack)
        panel_shortcut(self, "Ctrl+Alt+R", self.record_result)
        panel_shortcut(self, "Ctrl+Alt+V", self.record_received)
        panel_shortcut(self, "Ctrl+Alt+M", self.remind)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self._titles()
        self._enable()

    # -- loading ------------------------------------------------------------------------------
    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None or s.user is None:
            return None
        ctx, desk_id = s.ctx, s.desk.id
        since = s.shift.starts_at if s.shift is not None else None
        with_reference = not self._reference_loaded
        return lambda: read_panel(ctx, desk_id, since, with_reference)

    def is_empty(self, _snap: PanelSnapshot) -> bool:
        return False    # its titles say "0" on each tab

    def present(self, snap: PanelSnapshot) -> None:
        if not snap.units and self._reference_loaded:
            snap.units, snap.leaders = self.snapshot.units, self.snapshot.leaders
        self._reference_loaded = self._reference_loaded or bool(snap.units)
        self.snapshot = snap
        self.directives.blockSignals(True)
        self.directives.setRowCount(len(snap.directives))
        for r, d in enumerate(snap.directives):
            tip = self.tr("{who} at {time}, by {channel}:\n{content}").format(
                who=d.directed_by, time=fmt_local(d.directed_at),
                channel=channel_label(d.channel), content=d.content)
            directed_by = d.directed_by
            if d.from_desk:  # another desk's directive to our units: we answer it
                directed_by = self.tr("{who} ({desk})").format(who=d.directed_by,
                                                                desk=d.from_desk)
                tip = self.tr("Addressed to our units by {desk}.").format(desk=d.from_desk) \
                    + "\n" + tip
            values = [str(d.directive_id), d.content, directed_by,
                      f"{d.reported}/{len(d.units)}",
                      self.tr(DIRECTIVE_STATES.get(d.status, d.status))]
            for c, v in enumerate(values):
                self.directives.setItem(r, c, _item(v, tip))
        self.directives.resizeRowsToContents()
        self.directives.blockSignals(False)
        row = next((r for r, d in enumerate(snap.directives)
                    if d.directive_id == self._selected_id), 0 if snap.directives else -1)
        if row >= 0:
            self.directives.selectRow(row)
        self._directive_selected()
        self._report_keys = []
        self.tick()
        self._titles()
        if not self.timer.isActive():
            self.timer.start()

    def _titles(self) -> None:
        open_n = sum(1 for d in self.snapshot.directives if d.status == "open")
        self.directives_title.setText(self.tr("Directives being followed up: {n}").format(
            n=open_n))
        d = self.selected_directive()
        self.units_title.setText(self.tr("Units of directive no. {no}: {done}/{n} reported")
                                 .format(no=d.directive_id, done=d.reported, n=len(d.units))
                                 if d else self.tr("No directive selected."))
        now = self._now()
        late = sum(1 for r in self.snapshot.reports if r.state(now) == LATE)
        got = sum(1 for r in self.snapshot.reports if r.received_at is not None)
        self.reports_title.setText(self.tr(
            "Daily reports today: {got}/{n} received, {late} late").format(
            got=got, n=len(self.snapshot.reports), late=late))

    # -- selection --------------------------------------------------------------------------------
    def selected_directive(self) -> DirectiveRow | None:
        r = self.directives.currentRow()
        rows = self.snapshot.directives
        return rows[r] if 0 <= r < len(rows) else None

    def _directive_selected(self) -> None:
        d = self.selected_directive()
        self._selected_id = d.directive_id if d else None
        self._unit_order = []
        self.tick()
        self._titles()

    def unit_rows(self, now: datetime | None = None) -> list[UnitFollowUp]:
        """The selected directive's units in display order: overdue first (oldest
        deadline first), then running deadlines, then awaiting receipt, then done."""
        now = now or self._now()
        d = self.selected_directive()
        if d is None:
            return []

        def key(u: UnitFollowUp):  # type: ignore[no-untyped-def]
            if u.what == "done":
                return (3, u.reported_at or datetime.max)
            if u.due_at is None:
                return (2, datetime.max)
            return (0 if u.due_at <= now else 1, u.due_at)

        return sorted(d.units, key=key)

    def selected_unit(self) -> UnitFollowUp | None:
        r = self.units.currentRow()
        rows = self._unit_rows
        return rows[r] if 0 <= r < len(rows) else None

    def selected_report(self):  # type: ignore[no-untyped-def]
        r = self.reports.currentRow()
        rows = self._report_rows
        return rows[r] if 0 <= r < len(rows) else None

    def _enable(self) -> None:
        can = self.session.user is not None and self.session.user.can(Permission.LOG_WRITE)
        u = self.selected_unit()
        self.new_b.setEnabled(can and not self._busy
                              and self.session.user.can(Permission.NOTICE_SEND))  # type: ignore[union-attr]
        self.receipt_b.setEnabled(can and not self._busy and u is not None
                                  and u.status == "sent")
        self.ack_b.setEnabled(can and not self._busy and u is not None
                              and u.status in ("sent", "received"))
        self.result_b.setEnabled(can and not self._busy and u is not None
                                 and u.status in ("sent", "received", "acknowledged"))
        rep = self.selected_report()
        self.received_b.setEnabled(can and not self._busy and rep is not None
                                   and rep.received_at is None)
        self.remind_b.setEnabled(can and not self._busy and rep is not None
                                 and rep.received_at is None)

    # -- countdowns (no query) -----------------------------------------------------------------
    def _now(self) -> datetime:
        return self.session.ctx.clock.now()

    def countdown_text(self, u: UnitFollowUp, now: datetime) -> str:
        if u.what == "done":
            return self.tr("reported {time}").format(time=fmt_local(u.reported_at,
                                                                    with_date=False))
        if u.due_at is None:
            return self.tr("awaiting receipt")
        return deadline_label(int((u.due_at - now).total_seconds()))

    @staticmethod
    def is_overdue(u: UnitFollowUp, now: datetime) -> bool:
        return u.what != "done" and u.due_at is not None and u.due_at <= now

    def tick(self) -> None:
        """Once a second: the remaining times, the order, the late reports."""
        now = self._now()
        self._tick_units(now)
        self._tick_reports(now)
        self._tick_directives(now)
        self._escalate(now)

    def _escalate(self, now: datetime) -> None:
        """A deadline that has just passed: the escalation entry is written (once,
        whichever console asks first: the core stamps the request)."""
        s = self.session
        if s.user is None or s.desk is None or not s.online or s.unattended \
                or not s.user.can(Permission.LOG_WRITE):
            return
        due = [(u.request_id, u.what) for d in self.snapshot.directives if not d.from_desk
               for u in d.units if self.is_overdue(u, now) and not u.escalated
               and (u.request_id, u.what) not in self._escalating]
        if not due:
            return
        self._escalating.update(due)
        ctx, user, desk_id = s.ctx, s.user, s.desk.id
        s.runner.submit(lambda: ctx.directives.escalate_overdue(user, desk_id),
                        lambda _items: None, lambda e: self._failed(e), serial=True, owner=self)

    def _tick_units(self, now: datetime) -> None:
        rows = self.unit_rows(now)
        order = [u.request_id for u in rows]
        if order != self._unit_order:
            current = self.selected_unit()
            selected = current.request_id if current is not None else None
            self._unit_order = order
            self._unit_rows = rows
            self.units.blockSignals(True)
            self.units.setRowCount(len(rows))
            for i, u in enumerate(rows):
                what = {"ack": self.tr("Ack. {time}"), "result": self.tr("Result {time}"),
                        "receipt": self.tr("Not received"), "done": self.tr("Done")}[u.what]
                values = ["", what.format(time=fmt_local(u.due_at, with_date=False)), u.unit,
                          self.tr(UNIT_STATES.get(u.status, u.status)), u.ack_contact]
                tip = "\n".join(x for x in [u.unit, channel_label(u.channel),
                                            fmt_local(u.due_at)] if x)
                for c, v in enumerate(values):
                    self.units.setItem(i, c, _item(v, tip))
            self.units.blockSignals(False)
            keep = order.index(selected) if selected in order else (0 if rows else -1)
            if keep >= 0:
                self.units.selectRow(keep)
            self.units.resizeRowsToContents()
        bold = QFont(self.units.font())
        bold.setBold(True)
        self._unit_rows = rows
        for i, u in enumerate(rows):
            overdue = self.is_overdue(u, now)
            self.units.item(i, 0).setText(self.countdown_text(u, now))
            colour = theme.ALARM if overdue else (
                theme.MUTED if u.what == "done" or u.due_at is None else
                theme.WARN if (u.due_at - now).total_seconds() < 600 else theme.OK)
            for c in range(self.units.columnCount()):
                it = self.units.item(i, c)
                it.setForeground(QBrush(QColor(colour if c < 2 or overdue else "#e6edf3")))
                it.setBackground(QBrush(QColor("#3d1418")) if overdue else QBrush())
                if c == 0:
                    it.setFont(bold if overdue else self.units.font())
        self._enable()

    def _tick_reports(self, now: datetime) -> None:
        rows = tracker_order(self.snapshot.reports, now)
        keys = [(r.unit_id, r.report, r.state(now)) for r in rows]
        if keys != self._report_keys:
            current = self.selected_report()
            self._report_keys = keys
            self._report_rows = rows
            self.reports.blockSignals(True)
            self.reports.setRowCount(len(rows))
            for i, r in enumerate(rows):
                state = r.state(now)
                received = ""
                if r.received_at is not None:
                    received = f"{fmt_local(r.received_at, with_date=False)} · " \
                               f"{channel_label(r.received_channel or '')}"
                reminded = ""
                if r.reminders:
                    reminded = self.tr("{n}× (last {time})").format(
                        n=r.reminders, time=fmt_local(r.last_reminded_at, with_date=False))
                tip = "\n".join(x for x in [r.unit_name, r.report_name, fmt_local(r.due_at),
                                            f"SHA-256 {r.sha256}" if r.sha256 else ""] if x)
                values = [self.tr(REPORT_STATES[state]),
                          fmt_local(r.due_at, with_date=False), r.unit_name, r.report_name,
                          received, reminded]
                for c, v in enumerate(values):
                    it = _item(v, tip)
                    late = state == LATE
                    colour = theme.ALARM if late else theme.WARN if state == RECEIVED_LATE \
                        else theme.OK if state == RECEIVED else "#e6edf3"
                    if c == 0 or late:
                        it.setForeground(QBrush(QColor(colour)))
                    if late:
                        it.setBackground(QBrush(QColor("#3d1418")))
                    self.reports.setItem(i, c, it)
            self.reports.blockSignals(False)
            keep = next((i for i, r in enumerate(rows) if current is not None
                         and (r.unit_id, r.report) == (current.unit_id, current.report)),
                        0 if rows else -1)
            if keep >= 0:
                self.reports.selectRow(keep)
            self._titles()
        self._enable()

    def _tick_directives(self, now: datetime) -> None:
        for r, d in enumerate(self.snapshot.directives):
            overdue = any(self.is_overdue(u, now) for u in d.units)
            for c in range(self.directives.columnCount()):
                it = self.directives.item(r, c)
                if it is not None:
                    it.setForeground(QBrush(QColor(theme.ALARM if overdue else
                                                   theme.MUTED if d.status == "closed"
                                                   else "#e6edf3")))

    # -- writing -----------------------------------------------------------------------------------
    def _submit(self, work, what: str) -> None:  # type: ignore[no-untyped-def]
        self._busy = True
        self._enable()
        self._say("")

        def done(_result) -> None:  # type: ignore[no-untyped-def]
            self._busy = False
            self.written.emit(what)
            self.load()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._enable()
            show_error(self, exc)
            self.load()

        self.session.runner.submit(work, done, failed, serial=True, owner=self)

    def _open(self, dlg, accepted) -> object:  # type: ignore[no-untyped-def]
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.accepted.connect(accepted)
        self.dialog = dlg
        dlg.open()
        return dlg

    def new_directive(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None or s.user is None or self._busy or not self.new_b.isEnabled():
            return None
        self.tabs.setCurrentIndex(0)
        dlg = DirectiveDialog(self.snapshot.units, self.snapshot.leaders, self._now(), self)
        ctx, user, desk_id = s.ctx, s.user, s.desk.id

        def accepted() -> None:
            draft = dlg.values(self._now())
            self._selected_id = None
            self._submit(lambda: ctx.directives.create(user, desk_id, draft), "directive")

        return self._open(dlg, accepted)

    def record_receipt(self) -> None:
        u, s = self.selected_unit(), self.session
        if u is None or not self.receipt_b.isEnabled():
            return
        ctx, user = s.ctx, s.user
        self._submit(lambda: ctx.directives.record_receipt(user, u.request_id), "receipt")

    def record_ack(self):  # type: ignore[no-untyped-def]
        u, s = self.selected_unit(), self.session
        if u is None or not self.ack_b.isEnabled():
            return None
        dlg = AckDialog(u.unit, self._now(), u.channel, u.ack_due_at, self)
        ctx, user = s.ctx, s.user

        def accepted() -> None:
            v = dlg.values()
            self._submit(lambda: ctx.directives.acknowledge(
                user, u.request_id, v.contact, promised_at=v.promised_at, at=v.at), "ack")

        return self._open(dlg, accepted)

    def record_result(self):  # type: ignore[no-untyped-def]
        u, s = self.selected_unit(), self.session
        if u is None or not self.result_b.isEnabled():
            return None
        dlg = ResultDialog(u.unit, self._now(), u.result_due_at, u.channel, self)
        ctx, user, desk_id = s.ctx, s.user, s.desk.id if s.desk else 0

        def accepted() -> None:
            v = dlg.values()

            def work():  # type: ignore[no-untyped-def]
                r = ctx.directives.record_result(
                    user, u.request_id, v.result, timeline=v.timeline,
                    reported_at=v.reported_at, channel=v.channel, late_reason=v.late_reason,
                    late_responsibility=v.late_responsibility)
                if v.scan is not None:  # the scanned report, kept with its SHA-256
                    ctx.issuer.attach(user, desk_id, v.scan, kind="scan",
                                      request_id=u.request_id, description=v.scan.name)
                return r

            self._submit(work, "result")

        return self._open(dlg, accepted)

    def record_received(self):  # type: ignore[no-untyped-def]
        r, s = self.selected_report(), self.session
        if r is None or s.desk is None or not self.received_b.isEnabled():
            return None
        self.tabs.setCurrentIndex(1)
        dlg = ReportReceivedDialog(r.unit_name, r.report_name, r.due_at, self._now(),
                                   r.channel, self)
        ctx, user, desk_id = s.ctx, s.user, s.desk.id

        def accepted() -> None:
            v = dlg.values()
            self._submit(lambda: ctx.daily_reports.record_received(
                user, desk_id, r.unit_id, r.report, day=r.day, **v), "received")

        return self._open(dlg, accepted)

    def remind(self):  # type: ignore[no-untyped-def]
        r, s = self.selected_report(), self.session
        if r is None or s.desk is None or not self.remind_b.isEnabled():
            return None
        self.tabs.setCurrentIndex(1)
        dlg = RemindDialog(r.unit_name, r.report_name, r.due_at, self)
        ctx, user, desk_id = s.ctx, s.user, s.desk.id

        def accepted() -> None:
            v = dlg.values()
            self._submit(lambda: ctx.daily_reports.remind(
                user, desk_id, r.unit_id, r.report, day=r.day, **v), "reminded")

        return self._open(dlg, accepted)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def stop(self) -> None:
        self.timer.stop()


__all__ = ["DirectivesPanel"]
