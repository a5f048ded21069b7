"""The supervisor console of the shift leader (and the Director): incidents
awaiting his decision (approve with Ctrl+Enter, reject with Ctrl+R and a
comment), the open requests to units with live countdowns to their Đ9
deadlines (overdue first, in red), the opinions given by phone that await his
countersignature, and a one-line statistics bar for the shift.

Everything is read on the session's runner; a QTimer only recomputes the
countdowns from the stored due times, once a second, without querying."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.clock import fmt_local
from app.errors import ConflictError
from app.topics import Topic
from app.workflow.rules import Action, IncidentState
from widgets import theme
from widgets.labels import channel_label, deadline_label
from widgets.messages import message_of, show_error
from widgets.panels import Panel
from widgets.session import ConsoleSession
from widgets.shortcuts import CONFIRM, panel_shortcut

CTX = "SupervisorConsole"
APPROVE_ACTIONS = (Action.APPROVE, Action.DIRECTOR_APPROVE)
REJECT_ACTIONS = (Action.REJECT, Action.DIRECTOR_REJECT)
DECISIONS = frozenset(APPROVE_ACTIONS + REJECT_ACTIONS)
TOPICS = frozenset({Topic.WORKFLOW, Topic.REQUEST})

STATES = {
    IncidentState.NEW: QT_TRANSLATE_NOOP("SupervisorConsole", "New"),
    IncidentState.VERIFIED: QT_TRANSLATE_NOOP("SupervisorConsole", "Verified"),
    IncidentState.PROPOSED: QT_TRANSLATE_NOOP("SupervisorConsole", "Awaiting approval"),
    IncidentState.DIRECTOR_REVIEW: QT_TRANSLATE_NOOP("SupervisorConsole", "Awaiting the Director"),
    IncidentState.APPROVED: QT_TRANSLATE_NOOP("SupervisorConsole", "Approved"),
    IncidentState.REJECTED: QT_TRANSLATE_NOOP("SupervisorConsole", "Rejected"),
    IncidentState.IN_PROGRESS: QT_TRANSLATE_NOOP("SupervisorConsole", "In progress"),
    IncidentState.RESULT_REPORTED: QT_TRANSLATE_NOOP("SupervisorConsole", "Result reported"),
    IncidentState.CLOSED: QT_TRANSLATE_NOOP("SupervisorConsole", "Closed"),
}
HANDLINGS = {
    "reminder": QT_TRANSLATE_NOOP("SupervisorConsole", "Reminder"),
    "info_request": QT_TRANSLATE_NOOP("SupervisorConsole", "Information request"),
    "directive_hq": QT_TRANSLATE_NOOP("SupervisorConsole", "Directive to HQ"),
    "coordinated_check": QT_TRANSLATE_NOOP("SupervisorConsole", "Coordinated check"),
    "cleared_goods": QT_TRANSLATE_NOOP("SupervisorConsole", "Cleared goods"),
    "mobile_equipment": QT_TRANSLATE_NOOP("SupervisorConsole", "Mobile equipment"),
}
STEP_ACTIONS = {
    "approve": QT_TRANSLATE_NOOP("SupervisorConsole", "Approval"),
    "reject": QT_TRANSLATE_NOOP("SupervisorConsole", "Rejection"),
    "director_approve": QT_TRANSLATE_NOOP("SupervisorConsole", "Director's approval"),
    "director_reject": QT_TRANSLATE_NOOP("SupervisorConsole", "Director's refusal"),
    "verify": QT_TRANSLATE_NOOP("SupervisorConsole", "Verification"),
    "propose": QT_TRANSLATE_NOOP("SupervisorConsole", "Proposal"),
    "act_directly": QT_TRANSLATE_NOOP("SupervisorConsole", "Own handling"),
}


@dataclass
class PendingRow:
    incident_id: int
    version: int
    title: str
    state: str
    handling: str | None
    place: str
    raised_by: str
    raised_at: datetime
    actions: list[Action]

    @property
    def approve(self) -> Action | None:
        return next((a for a in APPROVE_ACTIONS if a in self.actions), None)

    @property
    def reject(self) -> Action | None:
        return next((a for a in REJECT_ACTIONS if a in self.actions), None)


@dataclass
class RequestRow:
    request_id: int
    unit: str
    subject: str
    channel: str
    what: str                  # "ack" | "result" | "receipt"
    due_at: datetime | None
    incident: str


@dataclass
class CountersignRow:
    step_id: int
    action: str
    incident: str
    recorded_by: str
    opinion_at: datetime | None


@dataclass
class Snapshot:
    pending: list[PendingRow] = field(default_factory=list)
    requests: list[RequestRow] = field(default_factory=list)
    countersign: list[CountersignRow] = field(default_factory=list)
    states: Counter = field(default_factory=Counter)  # type: ignore[type-arg]


def _read(ctx, user, desk_id: int, since: datetime | None) -> Snapshot:  # type: ignore[no-untyped-def]
    """Runs on the runner: everything the console shows, in one go."""
    names = {u.id: u.full_name for u in ctx.reference.users()}
    incidents = ctx.incidents.for_desk(desk_id)
    titles = {i.id: i.title for i in incidents}
    snap = Snapshot()
    for i in reversed(incidents):  # oldest first: the longest waiting on top
        if i.state == IncidentState.CLOSED:
            if since is None or i.updated_at >= since:
                snap.states[i.state] += 1
            continue
        snap.states[i.state] += 1
        actions = [a for a in ctx.incidents.allowed(user, i) if a in DECISIONS]
        if actions:
            snap.pending.append(PendingRow(
                i.id, i.version, i.title, i.state, i.handling, i.place or "",
                names.get(i.created_by, ""), i.created_at, actions))
    for r in ctx.requests.for_desk(desk_id, open_only=True):
        if r.status == "received":
            what, due = "ack", r.ack_due_at
        elif r.status == "sent" and r.result_due_at is None:
            what, due = "receipt", None
        else:
            what, due = "result", r.result_due_at
        snap.requests.append(RequestRow(r.id, r.unit_name, r.subject, r.channel, what, due,
                                        titles.get(r.incident_id or 0, "")))
    for st in ctx.incidents.awaiting_countersign(desk_id, user.id):
        snap.countersign.append(CountersignRow(st.id, st.action, titles.get(st.incident_id, ""),
                                               names.get(st.recorded_by, ""), st.opinion_at))
    return snap


def _item(text: str, tip: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        it.setToolTip(tip)
    return it


def _table(object_name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(object_name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.setWordWrap(True)  # unit names share long prefixes: wrap rather than elide
    t.setTextElideMode(Qt.TextElideMode.ElideNone)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class SupervisorConsole(Panel):
    topics = TOPICS
    decided = Signal(int, str)      # incident id, action
    openRequest = Signal(int)       # request id: show it where it is answered

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("supervisorConsole")
        self.snapshot = Snapshot()
        self._order: list[int] = []
        self._busy = False
        self.opens_requests = False   # someone opens openRequest's request (main window)

        # (d) the shift's statistics, one line
        self.stats = QLabel()
        self.stats.setObjectName("supervisorStats")
        self.stats.setWordWrap(True)
        self.stats.setTextFormat(Qt.TextFormat.RichText)
        self.stats.setStyleSheet("color: #c9d1d9; font-weight: 600; padding: 2px 4px;")
        self.notice = QLabel()
        self.notice.setObjectName("supervisorNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {theme.ALARM}; font-weight: 600;")
        self.notice.hide()

        # (a) pending approvals
        self.pending = _table("pendingTable", [
            self.tr("No."), self.tr("Incident"), self.tr("Handling"), self.tr("Status"),
            self.tr("Since")])
        self._fit(self.pending, stretch=1)
        self.approve_b = QPushButton(self.tr("Approve (Ctrl+Enter)"))
        self.approve_b.setObjectName("approveButton")
        self.approve_b.setProperty("primary", True)
        self.reject_b = QPushButton(self.tr("Reject… (Ctrl+R)"))
        self.reject_b.setObjectName("rejectButton")
        self.approve_b.clicked.connect(self.approve_selected)
        self.reject_b.clicked.connect(self.reject_selected)
        panel_shortcut(self, CONFIRM, self.approve_selected)
        panel_shortcut(self, "Ctrl+R", self.reject_selected)
        # After an approval, one key issues the incident's fax (Appendix II/V) and
        # previews it; Ctrl+P there prints (approved → printed in three actions).
        self.last_approved: int | None = None
        self.issue_b = QPushButton(self.tr("Issue fax (Ctrl+I)"))
        self.issue_b.setObjectName("issueFaxButton")
        self.issue_b.clicked.connect(self.issue_fax)
        panel_shortcut(self, "Ctrl+I", self.issue_fax)
        self.pending.itemSelectionChanged.connect(self._enable)
        self.pending_box = QGroupBox()
        box = QVBoxLayout(self.pending_box)
        box.addWidget(self.pending)
        row = QHBoxLayout()
        self.pending_hint = QLabel()
        self.pending_hint.setObjectName("muted")
        row.addWidget(self.pending_hint, 1)
        row.addWidget(self.issue_b)
        row.addWidget(self.reject_b)
        row.addWidget(self.approve_b)
        box.addLayout(row)

        # (b) open requests to units, live countdowns
        self.requests = _table("requestsTable", [
            self.tr("Time left"), self.tr("Due"), self.tr("Unit"), self.tr("Request")])
        self._fit(self.requests, stretch=3)
        self.requests.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Interactive)
        self.requests.setColumnWidth(2, 150)
        self.requests.itemActivated.connect(self._open_request)
        self.requests_box = QGroupBox()
        QVBoxLayout(self.requests_box).addWidget(self.requests)

        # (c) opinions given by phone, awaiting the user's countersignature
        self.countersign = _table("countersignTable", [
            self.tr("Opinion"), self.tr("Incident"), self.tr("Recorded by"),
            self.tr("By phone at")])
        self._fit(self.countersign, stretch=1)
        self.countersign_b = QPushButton(self.tr("Countersign"))
        self.countersign_b.setObjectName("countersignButton")
        self.countersign_b.clicked.connect(self.countersign_selected)
        self.countersign.itemSelectionChanged.connect(self._enable)
        self.countersign_box = QGroupBox()
        cbox = QVBoxLayout(self.countersign_box)
        cbox.addWidget(self.countersign)
        crow = QHBoxLayout()
        crow.addStretch()
        crow.addWidget(self.countersign_b)
        cbox.addLayout(crow)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        for w in (self.pending_box, self.requests_box, self.countersign_box):
            split.addWidget(w)
        split.setSizes([380, 330, 170])
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.stats)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self._titles()
        self._enable()

    @staticmethod
    def _fit(table: QTableWidget, stretch: int) -> None:
        """Short columns fit their contents; the descriptive one takes the rest."""
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for c in range(table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)

    # -- loading --------------------------------------------------------------------
    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None or s.user is None:
            return None
        ctx, user, desk_id = s.ctx, s.user, s.desk.id
        since = s.shift.starts_at if s.shift is not None else None
        return lambda: _read(ctx, user, desk_id, since)

    def is_empty(self, _snap: Snapshot) -> bool:
        return False    # its boxes count what they hold, "Nothing awaits your decision."

    def present(self, snap: Snapshot) -> None:
        selected = self._selected_pending()
        self.snapshot = snap
        self.pending.setRowCount(len(snap.pending))
        for r, p in enumerate(snap.pending):
            state = self.tr(STATES.get(IncidentState(p.state), p.state))
            values = [str(p.incident_id), p.title,
                      self.tr(HANDLINGS[p.handling]) if p.handling in HANDLINGS else "",
                      state, fmt_local(p.raised_at, with_date=False)]
            tip = self.tr("{title}\nPlace: {place}\nRaised by {who} at {time}").format(
                title=p.title, place=p.place or "–", who=p.raised_by,
                time=fmt_local(p.raised_at))
            for c, v in enumerate(values):
                self.pending.setItem(r, c, _item(v, tip))
            if p.state == IncidentState.DIRECTOR_REVIEW:
                self.pending.item(r, 3).setForeground(QBrush(QColor(theme.WARN)))
        row = next((r for r, p in enumerate(snap.pending)
                    if selected is not None and p.incident_id == selected.incident_id), 0)
        if snap.pending:
            self.pending.selectRow(row)
        self.countersign.setRowCount(len(snap.countersign))
        for r, c_ in enumerate(snap.countersign):
            values = [self.tr(STEP_ACTIONS[c_.action]) if c_.action in STEP_ACTIONS
                      else c_.action, c_.incident, c_.recorded_by,
                      fmt_local(c_.opinion_at, with_date=False)]
            for c, v in enumerate(values):
                self.countersign.setItem(r, c, _item(v, c_.incident if c == 1 else None))
        self.pending.resizeRowsToContents()
        self.countersign.resizeRowsToContents()
        if snap.countersign and not self.countersign.selectedItems():
            self.countersign.selectRow(0)
        self._order = []
        self.tick()
        self._titles()
        self._enable()
        if not self.timer.isActive():
            self.timer.start()

    def _titles(self) -> None:
        snap = self.snapshot
        self.pending_box.setTitle(self.tr("Awaiting your decision ({n})").format(
            n=len(snap.pending)))
        self.requests_box.setTitle(self.tr("Open requests to units ({n})").format(
            n=len(snap.requests)))
        self.countersign_box.setTitle(self.tr("Awaiting your countersignature ({n})").format(
            n=len(snap.countersign)))
        self.pending_hint.setText("" if snap.pending else
                                  self.tr("Nothing awaits your decision."))

    # -- countdowns (no query) ------------------------------------------------------------
    def _now(self) -> datetime:
        return self.session.ctx.clock.now()

    def _sorted_requests(self, now: datetime) -> list[RequestRow]:
        def key(r: RequestRow):  # type: ignore[no-untyped-def]
            if r.due_at is None:
                return (2, datetime.max)
            return (0 if r.due_at <= now else 1, r.due_at)

        return sorted(self.snapshot.requests, key=key)

    def countdown_text(self, r: RequestRow, now: datetime) -> str:
        if r.due_at is None:
            return self.tr("awaiting receipt")
        return deadline_label(int((r.due_at - now).total_seconds()))

    def is_overdue(self, r: RequestRow, now: datetime | None = None) -> bool:
        return r.due_at is not None and r.due_at <= (now or self._now())

    def tick(self) -> None:
        """Once a second: recompute the remaining time of each open request."""
        now = self._now()
        rows = self._sorted_requests(now)
        order = [r.request_id for r in rows]
        rebuild = order != self._order
        if rebuild:
            self.requests.setRowCount(len(rows))
            self._order = order
        bold = QFont(self.requests.font())
        bold.setBold(True)
        for i, r in enumerate(rows):
            overdue = self.is_overdue(r, now)
            if rebuild:
                what = {"ack": self.tr("Ack. {time}"), "result": self.tr("Result {time}"),
                        "receipt": self.tr("Not received")}[r.what]
                full = {"ack": self.tr("Acknowledgement (contact person, handling time) due "
                                       "at {time}"),
                        "result": self.tr("Result report due at {time}"),
                        "receipt": self.tr("The unit's receipt is not confirmed yet")}[r.what]
                subject = r.subject + (f" – {r.incident}" if r.incident else "")
                tip = "\n".join([full.format(time=fmt_local(r.due_at)), r.unit, subject,
                                  channel_label(r.channel)] + (
                    [self.tr("Enter or double-click: open the request")]
                    if self.opens_requests else []))
                values = ["", what.format(time=fmt_local(r.due_at, with_date=False)),
                          r.unit, r.subject]
                for c, v in enumerate(values):
                    self.requests.setItem(i, c, _item(v, tip))
            cell = self.requests.item(i, 0)
            cell.setText(self.countdown_text(r, now))
            colour = theme.ALARM if overdue else (
                theme.WARN if r.due_at is not None and (r.due_at - now).total_seconds() < 600
                else theme.OK if r.due_at is not None else theme.MUTED)
            for c in range(self.requests.columnCount()):
                it = self.requests.item(i, c)
                it.setForeground(QBrush(QColor(colour if c < 2 or overdue else "#e6edf3")))
                if c == 0:
                    it.setFont(bold if overdue else self.requests.font())
                if overdue:
                    it.setBackground(QBrush(QColor("#3d1418")))
                else:
                    it.setBackground(QBrush())
        if rebuild:
            self.requests.resizeRowsToContents()
        self._show_stats(now)

    def _open_request(self, item: QTableWidgetItem) -> None:
        """Enter or double-click on a request: open it where its answers are recorded."""
        if 0 <= item.row() < len(self._order):
            self.openRequest.emit(self._order[item.row()])

    def overdue_count(self, now: datetime | None = None) -> int:
        now = now or self._now()
        return sum(1 for r in self.snapshot.requests if self.is_overdue(r, now))

    def _show_stats(self, now: datetime) -> None:
        states = self.snapshot.states
        parts = [f"{self.tr(STATES[s])}: {states[s]}" for s in IncidentState if states.get(s)]
        incidents = " · ".join(parts) if parts else self.tr("no incidents")
        overdue = self.overdue_count(now)
        late = self.tr("overdue: {n}").format(n=overdue)
        if overdue:
            late = f'<span style="color:{theme.ALARM}">{html.escape(late)}</span>'
        else:
            late = html.escape(late)
        text = self.tr("This shift – incidents: {incidents} | open requests: {open}").format(
            incidents=incidents, open=len(self.snapshot.requests))
        self.stats.setText(f"{html.escape(text)} | {late}")

    # -- decisions -------------------------------------------------------------------------
    def _selected_pending(self) -> PendingRow | None:
        rows = self.pending.selectionModel().selectedRows() if self.pending.selectionModel() \
            else []
        r = rows[0].row() if rows else self.pending.currentRow()
        return self.snapshot.pending[r] if 0 <= r < len(self.snapshot.pending) else None

    def _selected_step(self) -> CountersignRow | None:
        r = self.countersign.currentRow()
        return self.snapshot.countersign[r] if 0 <= r < len(self.snapshot.countersign) else None

    def _enable(self) -> None:
        p = self._selected_pending()
        self.approve_b.setEnabled(not self._busy and p is not None and p.approve is not None)
        self.reject_b.setEnabled(not self._busy and p is not None and p.reject is not None)
        self.countersign_b.setEnabled(not self._busy and self._selected_step() is not None)
        self.issue_b.setEnabled(not self._busy and self.last_approved is not None)

    def approve_selected(self) -> None:
        p = self._selected_pending()
        if p is None or p.approve is None or self._busy:
            return
        self._decide(p, p.approve, "")

    def reject_selected(self) -> None:
        p = self._selected_pending()
        if p is None or p.reject is None or self._busy:
            return
        comment, ok = QInputDialog.getMultiLineText(
            self, self.tr("Reject the proposal"),
            self.tr("Your opinion (required) on incident {no}: {title}").format(
                no=p.incident_id, title=p.title))
        if not ok:
            return
        if not comment.strip():
            self._say(self.tr("A rejection needs your opinion; nothing was recorded."))
            return
        self._decide(p, p.reject, comment.strip())

    def _decide(self, p: PendingRow, action: Action, comment: str) -> None:
        s = self.session
        ctx, user = s.ctx, s.user
        self._busy = True
        self._enable()
        self._say("")

        def done(inc) -> None:  # type: ignore[no-untyped-def]
            self._busy = False
            if inc.state == IncidentState.APPROVED and inc.handling == "coordinated_check" \
                    and s.user is not None \
                    and s.user.can(Permission.DOCUMENT_NUMBER):
                self.last_approved = inc.id
                self._say(self.tr("Incident {no} approved. Ctrl+I issues its fax.").format(
                    no=inc.id))
            self.decided.emit(p.incident_id, str(action))
            self.load()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._enable()
            if isinstance(exc, ConflictError):
                # Another leader (or console) decided first: say who, then refresh.
                self._say(self.tr("Incident {no} was not changed: {reason}").format(
                    no=p.incident_id, reason=message_of(exc)))
                self.load()
            show_error(self, exc)

        s.runner.submit(lambda: ctx.incidents.transition(user, p.incident_id, action,
                                                         version=p.version, comment=comment),
                        done, failed, serial=True, owner=self)

    def issue_fax(self):  # type: ignore[no-untyped-def]
        """Issue the fax of the incident approved last, then preview and print it."""
        if self.last_approved is None or self._busy:
            return None
        from widgets.incidents.detail import start_issue_fax  # noqa: PLC0415

        self._say("")
        dlg = start_issue_fax(self.session, self.last_approved, self)
        dlg.issued.connect(self._fax_issued)  # cancelled: Ctrl+I still offers it
        return dlg

    def _fax_issued(self, _doc) -> None:  # type: ignore[no-untyped-def]
        self.last_approved = None
        self._enable()

    def countersign_selected(self) -> None:
        st = self._selected_step()
        if st is None or self._busy:
            return
        s = self.session
        ctx, user = s.ctx, s.user
        self._busy = True
        self._enable()

        def done(_step) -> None:  # type: ignore[no-untyped-def]
            self._busy = False
            self.load()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._enable()
            show_error(self, exc)
            self.load()

        s.runner.submit(lambda: ctx.incidents.countersign(user, st.step_id), done, failed,
                        serial=True, owner=self)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def stop(self) -> None:
        self.timer.stop()
