"""The officer's console of incidents ("My incidents"): the incidents I raised and
those awaiting an action of mine, and — at a regional desk (Đ10–12) — the inbox
of requests from HQ addressed to its units; the selected one in detail below.
Ctrl+N raises a new incident (RaiseIncidentDialog); the list follows the
change feed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
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
from app.topics import Topic
from app.workflow.prefill import IncidentPrefill
from app.workflow.views import ListRow, ListSnapshot, RequestPlace, read_list, where_answered
from widgets import theme
from widgets.incidents.detail import IncidentDetailPanel
from widgets.incidents.labels import REQUEST_STATES, STATES, label
from widgets.incidents.raise_dialog import RaiseIncidentDialog
from widgets.messages import show_error
from widgets.panels import Panel
from widgets.session import ConsoleSession
from widgets.shortcuts import panel_shortcut

TOPICS = frozenset({Topic.WORKFLOW, Topic.REQUEST, Topic.DOCUMENT})


class MyIncidentsPanel(Panel):
    topics = TOPICS
    raisedIncident = Signal(int)
    requestElsewhere = Signal(int)   # a request of no incident (a directive's)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None,
                 own_shortcuts: bool = True) -> None:
        super().__init__(session, parent)
        self.setObjectName("myIncidents")
        self.snapshot = ListSnapshot([], False)
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.raise_b = QPushButton(self.tr("Raise incident (Ctrl+N)"))
        self.raise_b.setObjectName("raiseIncidentButton")
        self.raise_b.clicked.connect(self._raise_clicked)
        if own_shortcuts:  # in the main window, its Ctrl+N dispatches here
            panel_shortcut(self, "Ctrl+N", self._raise_clicked)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.raise_b)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("myIncidentsTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Incident / request"),
                                              self.tr("Status"), self.tr("Awaits")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for c in range(4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail = IncidentDetailPanel(session)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([220, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.detail.changed.connect(self._detail_changed)
        self.raise_b.setEnabled(session.user is not None
                                and session.user.can(Permission.LOG_WRITE))
        self._titles()

    def _detail_changed(self, _incident_id: int) -> None:
        self.load()

    def _raise_clicked(self) -> None:
        self.raise_incident()

    # -- loading ------------------------------------------------------------------------
    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None or s.user is None:
            return None
        ctx, user, desk_id = s.ctx, s.user, s.desk.id
        return lambda: read_list(ctx, user, desk_id)

    def is_empty(self, snap: ListSnapshot) -> bool:
        return not snap.rows

    def present(self, snap: ListSnapshot) -> None:
        current = self.selected_row()
        self.snapshot = snap
        self.table.blockSignals(True)
        self.table.setRowCount(len(snap.rows))
        for n, r in enumerate(snap.rows):
            state = label(REQUEST_STATES if r.kind == "request" else STATES, r.state)
            due = self.tr("answer due {time}").format(time=fmt_local(r.due_at)) \
                if r.due_at else self.tr("to acknowledge")
            awaits = {"action": self.tr("your action"), "mine": self.tr("raised by you"),
                      "inbox": due, "tracking": self.tr("the unit's answer") + (
                          f" ({fmt_local(r.due_at, with_date=False)})" if r.due_at else "")
                      }[r.why]
            no = f"{'R' if r.kind == 'request' else '#'}{r.id}"
            for c, v in enumerate((no, r.title, state, awaits)):
                it = QTableWidgetItem(v)
                it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if r.why in ("action", "inbox"):
                    it.setForeground(QBrush(QColor(theme.WARN)))
                self.table.setItem(n, c, it)
        self.table.blockSignals(False)
        keep = next((n for n, r in enumerate(snap.rows) if current is not None
                     and (r.kind, r.id) == (current.kind, current.id)), None)
        if keep is not None:
            self.table.selectRow(keep)
        elif snap.rows and current is None and self.detail.incident_id is None:
            self.table.selectRow(0)
        elif current is None:  # opened from elsewhere first: its row marked, nothing reloaded
            self.table.blockSignals(True)
            self._select_for(self.detail.incident_id, self.detail.request_only)
            self.table.blockSignals(False)
        self._titles()

    def _titles(self) -> None:
        rows = self.snapshot.rows
        mine = sum(1 for r in rows if r.why == "action")
        inbox = sum(1 for r in rows if r.why == "inbox")
        text = self.tr("My incidents – {n} awaiting my action").format(n=mine)
        if self.snapshot.regional:
            text += " · " + self.tr("inbox: {n} request(s) from HQ").format(n=inbox)
        self.title.setText(text)

    def selected_row(self) -> ListRow | None:
        r = self.table.currentRow()
        rows = self.snapshot.rows
        return rows[r] if 0 <= r < len(rows) else None

    def _selected(self) -> None:
        row = self.selected_row()
        if row is None or row.incident_id is None:
            return
        if row.why == "inbox":  # another desk's incident: the request only
            self.detail.load(row.incident_id, request_id=row.id)
        else:
            self.detail.load(row.incident_id)

    def select(self, kind: str, item_id: int) -> bool:
        for n, r in enumerate(self.snapshot.rows):
            if (r.kind, r.id) == (kind, item_id):
                self.table.selectRow(n)
                return True
        return False

    def open_request(self, request_id: int) -> None:
        """Shows a request where its answers are recorded: its incident with the
        request's line selected; a line a regional desk relayed to its unit, under the
        request from HQ it passes on. A directive's request is shown elsewhere."""
        s = self.session
        if not s.online:
            return
        ctx = s.ctx
        s.runner.submit(lambda: where_answered(ctx, request_id), self._open_at,
                        lambda e: show_error(self, e), owner=self)

    def _select_for(self, incident_id: int | None, request_only: int | None) -> bool:
        """Selects the row of an incident, or of the inbox request shown alone."""
        if request_only is not None:
            return self.select("request", request_only)
        return incident_id is not None and self.select("incident", incident_id)

    def _open_at(self, place: RequestPlace) -> None:
        if place.incident_id is None:
            self.requestElsewhere.emit(place.line)
            return
        if not self._select_for(place.incident_id, place.request_only):
            # not in my list: shown below it, the list's selection cleared
            self.table.blockSignals(True)
            self.table.clearSelection()
            self.table.blockSignals(False)
            self.detail.load(place.incident_id, request_id=place.request_only)
        self.detail.focus_request(place.line)

    # -- raising --------------------------------------------------------------------------
    def raise_incident(self, prefill: IncidentPrefill | None = None) -> RaiseIncidentDialog:
        """Open the raise dialog (prefilled from a log entry or a screenshot)."""
        dlg = RaiseIncidentDialog(self.session, prefill, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.raised.connect(self._raised)
        dlg.open()
        return dlg

    def _raised(self, incident_id: int) -> None:
        self.raisedIncident.emit(incident_id)
        self.load()


__all__ = ["MyIncidentsPanel"]
