"""One incident in detail: its facts, the timeline (steps, requests, answers,
documents, attachments), and exactly the actions the rules allow the user now —
for himself, or, choosing "Opinion of", for a leader who gave his opinion by
phone (recorded on his behalf, countersigned later). The requests of the
incident with the answers the desk records (acknowledgement, result with the
scanned Appendix IV), and the documents to issue (Appendix II/V, III, IV) and
print. A request from a regional desk's inbox shows in request mode: its
incident read-only, the answers in the client.

The guards live in the core service; the buttons only follow
`allowed_transitions`. Reading and writing run on the session's runner."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import fmt_local, to_local, to_utc
from app.dutylog import CHANNEL_NAMES, CHANNELS
from app.topics import Topic
from app.workflow.incidents import Prevention
from app.workflow.rules import RULES, Action
from app.workflow.views import IncidentView, RequestLine, read_incident
from widgets.incidents.issue_ui import IssueFaxDialog, open_issued
from widgets.incidents.labels import (
    ACTIONS,
    EVENTS,
    HANDLINGS,
    ORIGINS,
    PREVENTIONS,
    REQUEST_STATES,
    STATES,
    label,
)
from widgets.incidents.request_dialogs import AckDialog, ResultDialog
from widgets.labels import channel_label
from widgets.messages import message_of, show_error
from widgets.session import ConsoleSession
from widgets.shortcuts import panel_shortcut

TOPICS = frozenset({Topic.WORKFLOW, Topic.REQUEST, Topic.DOCUMENT})
NEEDS_HANDLING = (Action.PROPOSE, Action.ACT_DIRECTLY, Action.APPROVE)


def start_issue_fax(session: ConsoleSession, incident_id: int, parent: QWidget
                    ) -> IssueFaxDialog:
    """Open the fax dialog for an approved incident; once issued, it opens the
    preview on `parent`. (No closure holds `parent` on the dialog's signals: a
    dialog deleted on close would release it from inside its own parent.)"""
    dlg = IssueFaxDialog(session, incident_id, parent, preview_on_issue=True)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dlg.load()
    dlg.open()
    return dlg


class PreventDialog(QDialog):
    """Đ8.1: whom the officer notified at once, how, when, with what identification."""

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Immediate prevention (Art. 8.1)"))
        self.case = QComboBox()
        for code in PREVENTIONS:
            self.case.addItem(label(PREVENTIONS, code), code)
        self.contact = QLineEdit()
        self.channel = QComboBox()
        for code in CHANNELS:
            self.channel.addItem(channel_label(code), code)
        self.at = QDateTimeEdit(QDateTime(to_local(now)))
        self.at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.ident = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Case"), self.case)
        form.addRow(self.tr("Notified"), self.contact)
        form.addRow(self.tr("How"), self.channel)
        form.addRow(self.tr("When"), self.at)
        form.addRow(self.tr("Identification"), self.ident)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def prevention(self) -> Prevention:
        return Prevention(case=self.case.currentData(), contact=self.contact.text(),
                          channel=self.channel.currentData(),
                          at=to_utc(self.at.dateTime().toPython().replace(second=0)),
                          identification=self.ident.text())


class IncidentDetailPanel(QWidget):
    loaded = Signal()
    changed = Signal(int)           # incident id after a step taken here

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentDetail")
        self.session = session
        self.view: IncidentView | None = None
        self.incident_id: int | None = None
        self.request_only: int | None = None   # request mode (a regional desk's inbox)
        self._focus: int | None = None         # a request line to select once shown
        self._rows: list[RequestLine] = []     # the request lines shown
        self._busy = False
        self.action_buttons: dict[str, QPushButton] = {}

        self.header = QLabel(self.tr("Select an incident."))
        self.header.setObjectName("incidentHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("formError")
        self.notice.setWordWrap(True)
        self.notice.hide()

        # Whose opinion: mine, or a leader's given by phone.
        self.on_behalf = QComboBox()
        self.on_behalf.setObjectName("onBehalf")
        self.on_behalf.currentIndexChanged.connect(self._show_actions)
        self.phone_at = QDateTimeEdit()
        self.phone_at.setDisplayFormat("HH:mm dd/MM")
        self.phone_at.setToolTip(self.tr("When the opinion was given by phone"))
        behalf_row = QHBoxLayout()
        behalf_row.addWidget(QLabel(self.tr("Opinion of")))
        behalf_row.addWidget(self.on_behalf, 1)
        behalf_row.addWidget(QLabel(self.tr("by phone at")))
        behalf_row.addWidget(self.phone_at)
        self.behalf_box = QWidget()
        self.behalf_box.setLayout(behalf_row)
        self.actions_row = QHBoxLayout()
        self.actions_hint = QLabel()
        self.actions_hint.setObjectName("muted")

        self.issue_fax_b = QPushButton(self.tr("Issue fax (Ctrl+I)"))
        self.issue_fax_b.setObjectName("issueFaxButton")
        self.issue_fax_b.clicked.connect(self.issue_fax)
        panel_shortcut(self, "Ctrl+I", self.issue_fax)
        self.issue_proposal_b = QPushButton(self.tr("Issue Appendix III"))
        self.issue_proposal_b.setObjectName("issueProposalButton")
        self.issue_proposal_b.clicked.connect(self.issue_proposal)
        docs_row = QHBoxLayout()
        docs_row.addWidget(self.issue_fax_b)
        docs_row.addWidget(self.issue_proposal_b)
        docs_row.addStretch()

        self.requests = QTableWidget(0, 4)
        self.requests.setObjectName("incidentRequests")
        self.requests.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Status"),
                                                 self.tr("Due"), self.tr("Document")])
        self.requests.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.requests.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.requests.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.requests.verticalHeader().hide()
        for c, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                  QHeaderView.ResizeMode.ResizeToContents,
                                  QHeaderView.ResizeMode.ResizeToContents,
                                  QHeaderView.ResizeMode.ResizeToContents)):
            self.requests.horizontalHeader().setSectionResizeMode(c, mode)
        self.requests.itemSelectionChanged.connect(self._enable_requests)
        self.ack_b = QPushButton(self.tr("Acknowledgement…"))
        self.ack_b.setObjectName("ackButton")
        self.ack_b.clicked.connect(self.record_ack)
        self.result_b = QPushButton(self.tr("Result…"))
        self.result_b.setObjectName("resultButton")
        self.result_b.clicked.connect(self.record_result)
        self.report_b = QPushButton(self.tr("Issue Appendix IV"))
        self.report_b.setObjectName("issueReportButton")
        self.report_b.clicked.connect(self.issue_report)
        self.request_fax_b = QPushButton(self.tr("Issue its fax"))
        self.request_fax_b.setObjectName("issueRequestFaxButton")
        self.request_fax_b.setToolTip(self.tr("Number, print and archive the fax of a request "
                                              "recorded without one"))
        self.request_fax_b.clicked.connect(self.issue_request_fax)
        self.relay_b = QPushButton(self.tr("Relay to a unit…"))
        self.relay_b.setObjectName("relayButton")
        self.relay_b.clicked.connect(self.relay)
        req_row = QHBoxLayout()
        req_row.addWidget(self.relay_b)
        req_row.addWidget(self.request_fax_b)
        req_row.addWidget(self.ack_b)
        req_row.addWidget(self.result_b)
        req_row.addWidget(self.report_b)
        req_row.addStretch()

        self.documents = QListWidget()
        self.documents.setObjectName("issuedDocuments")
        self.documents.setMaximumHeight(90)
        self.documents.itemActivated.connect(self.open_document)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.timeline, 2)
        layout.addWidget(self.behalf_box)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.actions_hint)
        layout.addLayout(docs_row)
        layout.addWidget(QLabel(self.tr("Requests to units")))
        layout.addWidget(self.requests, 1)
        layout.addLayout(req_row)
        layout.addWidget(QLabel(self.tr("Issued documents (Enter: preview and print)")))
        layout.addWidget(self.documents)
        layout.addWidget(self.notice)
        session.changed.connect(self._on_changes)
        self._enable_all(False)

    # -- loading ----------------------------------------------------------------------
    def _on_changes(self, changes) -> None:  # type: ignore[no-untyped-def]
        if self.incident_id is not None and any(c.topic in TOPICS for c in changes):
            self.reload()

    def load(self, incident_id: int, request_id: int | None = None) -> None:
        self.incident_id = incident_id
        self.request_only = request_id
        self.reload()

    def reload(self) -> None:
        s = self.session
        if self.incident_id is None or s.user is None or not s.online:
            return
        ctx, user, incident_id = s.ctx, s.user, self.incident_id
        s.runner.submit(lambda: read_incident(ctx, user, incident_id), self._show,
                        lambda e: show_error(self, e), owner=self)

    def _show(self, view: IncidentView) -> None:
        if view.incident.id != self.incident_id:
            return  # an older answer for another incident
        self.view = view
        i = view.incident
        # tr() outside the f-strings: lupdate does not read calls inside them
        status, handling, origin = self.tr("Status"), self.tr("Handling"), self.tr("Origin")
        facts = [f"#{i.id} {i.title}",
                 f"{status}: {label(STATES, i.state)} · "
                 f"{handling}: {label(HANDLINGS, i.handling) or '–'} · "
                 f"{origin}: {label(ORIGINS, i.origin)}"]
        details = [(self.tr("Place"), i.place), (self.tr("Declaration"), i.declaration_no),
                   (self.tr("Container"), i.container_no), (self.tr("Vehicle"), i.vehicle_plate),
                   (self.tr("Enterprise"), " ".join(x for x in (i.enterprise_name,
                                                                 i.enterprise_tax_code) if x)),
                   (self.tr("Passenger"), i.passenger)]
        line = " · ".join(f"{k}: {v}" for k, v in details if v)
        if line:
            facts.append(line)
        facts.append(i.content)
        self.header.setText("\n".join(facts))
        self.timeline.clear()
        for e in view.events:
            text = label(EVENTS, e.code).format(who=e.who)
            if e.recorded_by:
                text += " " + self.tr("(by phone, recorded by {who}{sign})").format(
                    who=e.recorded_by,
                    sign=self.tr(", countersigned") if e.countersigned
                    else self.tr(", awaiting countersignature"))
            if e.text:
                text += f" – {e.text}"
            item = QListWidgetItem(f"{fmt_local(e.at)}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, e.code)
            self.timeline.addItem(item)
        self.timeline.scrollToBottom()
        self._fill_behalf(view)
        self._show_actions()
        self._fill_requests(view)
        self.documents.clear()
        for d in view.documents:
            item = QListWidgetItem(self.tr("Appendix {a} no. {n} to {to}, {time}").format(
                a=d.appendix, n=d.number, to=d.recipient, time=fmt_local(d.issued_at))
                + (" · " + self.tr("e-mailed to {to}").format(to=d.emailed_to)
                   if d.emailed_to else ""))
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.documents.addItem(item)
        if self.on_behalf.currentData() is None:  # keep a phone time being typed
            self.phone_at.setDateTime(QDateTime(to_local(self.session.ctx.clock.now())))
        self.loaded.emit()

    def _fill_behalf(self, view: IncidentView) -> None:
        current = self.on_behalf.currentData()
        self.on_behalf.blockSignals(True)
        self.on_behalf.clear()
        self.on_behalf.addItem(self.tr("myself"), None)
        for leader in view.leaders:
            if leader.actions:
                self.on_behalf.addItem(leader.name, leader.id)
        self.on_behalf.setCurrentIndex(max(0, self.on_behalf.findData(current)))
        self.on_behalf.blockSignals(False)
        readonly = self.request_only is not None
        self.behalf_box.setVisible(not readonly and self.on_behalf.count() > 1)

    def allowed_now(self) -> list[Action]:
        """The actions shown: mine, or those I may record for the chosen leader."""
        v = self.view
        if v is None or self.request_only is not None:
            return []
        leader_id = self.on_behalf.currentData()
        if leader_id is None:
            return list(v.allowed)
        leader = next((x for x in v.leaders if x.id == leader_id), None)
        return list(leader.actions) if leader else []

    def _show_actions(self) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.action_buttons = {}
        for action in self.allowed_now():
            b = QPushButton(label(ACTIONS, action))
            b.setObjectName(f"action_{action}")
            b.setProperty("workflowAction", str(action))
            b.clicked.connect(self._action_clicked)
            self.actions_row.addWidget(b)
            self.action_buttons[str(action)] = b
        self.actions_row.addStretch()
        v = self.view
        if self.request_only is not None:
            hint = self.tr("A request to your unit: record its acknowledgement and result "
                           "below.")
        else:
            hint = "" if self.action_buttons or v is None else \
                self.tr("No step is yours to take now.")
        self.actions_hint.setText(hint)
        self.issue_fax_b.setVisible(self.request_only is None)
        self.issue_proposal_b.setVisible(self.request_only is None)
        self._enable_all(True)

    def _fill_requests(self, view: IncidentView) -> None:
        # The desk's own requests; in request mode (a regional desk) the one addressed to
        # it and the ones it passed on to its units, whose answers it records here.
        rows = [r for r in view.requests if r.relayed_from is None] \
            if self.request_only is None else \
            [r for r in view.requests if self.request_only in (r.id, r.relayed_from)]
        current = self.selected_request()
        self._rows = rows
        self.requests.setRowCount(len(rows))
        for n, r in enumerate(rows):
            due = r.ack_due_at if r.status == "received" else r.result_due_at
            unit = r.unit_name if r.relayed_from is None else "→ " + r.unit_name
            values = [unit, label(REQUEST_STATES, r.status),
                      fmt_local(due) if due else "", r.document_no]
            for c, v in enumerate(values):
                it = QTableWidgetItem(v)
                it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.requests.setItem(n, c, it)
        if rows:  # the line selected before a reload stays selected
            ids = [r.id for r in rows]
            self.requests.selectRow(ids.index(current.id) if current is not None
                                    and current.id in ids else 0)
        self._select_focus()
        self._enable_requests()

    def focus_request(self, request_id: int) -> None:
        """Selects this request's line: now if it is shown, else once it is."""
        self._focus = request_id
        self._select_focus()

    def _select_focus(self) -> None:
        ids = [r.id for r in self._rows]
        if self._focus is not None and self._focus in ids:
            self.requests.selectRow(ids.index(self._focus))
            self._focus = None

    def selected_request(self) -> RequestLine | None:
        r = self.requests.currentRow()
        rows = self._rows
        return rows[r] if 0 <= r < len(rows) else None

    def _enable_all(self, on: bool) -> None:
        v = self.view
        busy = self._busy or not on or v is None
        for b in self.action_buttons.values():
            b.setEnabled(not busy)
        approved = v is not None and v.incident.state in ("approved", "in_progress")
        self.issue_fax_b.setEnabled(not busy and v is not None and v.can_issue and approved
                                    and self.request_only is None)
        if v is not None:
            self.issue_fax_b.setText(self.tr("Issue Appendix {a} fax (Ctrl+I)").format(
                a=v.fax_appendix))
        self.issue_proposal_b.setEnabled(not busy and v is not None and v.can_issue
                                         and v.proposal_possible and self.request_only is None)
        self._enable_requests()

    def _enable_requests(self) -> None:
        r = self.selected_request()
        busy = self._busy or self.view is None
        self.ack_b.setEnabled(not busy and r is not None and r.status in ("sent", "received"))
        self.result_b.setEnabled(not busy and r is not None
                                 and r.status in ("sent", "received", "acknowledged"))
        self.report_b.setEnabled(not busy and r is not None and r.status == "done"
                                 and self.view is not None and self.view.can_issue)
        self.relay_b.setVisible(self.request_only is not None)
        self.relay_b.setEnabled(not busy and r is not None and self.request_only is not None
                                and r.relayed_from is None
                                and r.status in ("sent", "received", "acknowledged"))
        self.request_fax_b.setEnabled(
            not busy and r is not None and r.appendix in ("II", "V") and not r.document_no
            and r.status != "cancelled" and self.view is not None and self.view.can_issue)

    # -- running operations -------------------------------------------------------------
    def _run(self, work, after=None) -> None:  # type: ignore[no-untyped-def]
        s = self.session
        self._busy = True
        self._enable_all(True)
        self._say("")

        def done(result) -> None:  # type: ignore[no-untyped-def]
            self._busy = False
            if self.incident_id is not None:
                self.changed.emit(self.incident_id)
            if after is not None:
                after(result)
            self.reload()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._enable_all(True)
            self._say(message_of(exc))
            show_error(self, exc)
            self.reload()

        # the panel may close while the step is written: then nothing is shown
        s.runner.submit(work, done, failed, serial=True, owner=self)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _action_clicked(self) -> None:
        button = self.sender()
        if button is not None:
            self.take(Action(button.property("workflowAction")))

    def take(self, action: Action) -> None:
        v = self.view
        if v is None or self._busy:
            return
        s = self.session
        ctx, user, inc = s.ctx, s.user, v.incident
        leader_id = self.on_behalf.currentData()
        kw: dict = {"version": inc.version}
        if leader_id is not None:
            kw |= {"on_behalf_of": leader_id, "by_phone": True,
                   "opinion_at": to_utc(self.phone_at.dateTime().toPython().replace(
                       second=0, microsecond=0))}
        if action in NEEDS_HANDLING and inc.handling is None:
            names = [label(HANDLINGS, c) for c in HANDLINGS]
            choice, ok = QInputDialog.getItem(self, self.tr("Handling form"),
                                              self.tr("Handle incident {no} as:").format(
                                                  no=inc.id), names, 0, False)
            if not ok:
                return
            kw["handling"] = list(HANDLINGS)[names.index(choice)]
        if RULES[action].comment_required:
            preset = ""
            if action == Action.REPORT_RESULT:
                preset = "\n".join(r.result_text for r in v.requests
                                   if r.result_text and r.relayed_from is None)
            text, ok = QInputDialog.getMultiLineText(
                self, label(ACTIONS, action),
                self.tr("Your text (required) for incident {no}:").format(no=inc.id), preset)
            if not ok:
                return
            kw["comment"] = text
        if action == Action.PREVENT:
            dlg = PreventDialog(ctx.clock.now(), self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return
            kw["prevention"] = dlg.prevention()
        self._run(lambda: ctx.incidents.transition(user, inc.id, action, **kw))

    # -- documents -----------------------------------------------------------------------
    def issue_fax(self) -> IssueFaxDialog | None:
        if self.view is None or not self.issue_fax_b.isEnabled():
            return None
        return start_issue_fax(self.session, self.view.incident.id, self)

    def issue_proposal(self) -> None:
        v = self.view
        if v is None or not self.issue_proposal_b.isEnabled():
            return
        ctx, user, incident_id = self.session.ctx, self.session.user, v.incident.id
        self._run(lambda: ctx.issuer.issue_proposal(user, incident_id),
                  lambda doc: open_issued(self.session, doc, self))

    def issue_request_fax(self) -> None:
        r = self.selected_request()
        if r is None or not self.request_fax_b.isEnabled():
            return
        ctx, user = self.session.ctx, self.session.user
        self._run(lambda: ctx.issuer.issue_for_request(user, r.id),
                  lambda doc: open_issued(self.session, doc, self))

    def relay(self) -> None:
        """Regional desk: pass the request on to one of its units, tracked here."""
        r = self.selected_request()
        s = self.session
        if r is None or not self.relay_b.isEnabled() or s.desk is None:
            return
        from app.workflow.views import relay_request, relay_units  # noqa: PLC0415

        ctx, user, desk_id = s.ctx, s.user, s.desk.id

        def choose(units: list[tuple[int, str]]) -> None:
            if not units:
                return
            names = [name for _id, name in units]
            choice, ok = self._choose_unit(names)
            if ok and choice in names:
                unit_id = units[names.index(choice)][0]
                self._run(lambda: relay_request(ctx, user, desk_id, r.id, unit_id))

        s.runner.submit(lambda: relay_units(ctx, desk_id), choose,
                        lambda e: show_error(self, e), owner=self)

    def _choose_unit(self, names: list[str]) -> tuple[str, bool]:
        return QInputDialog.getItem(self, self.tr("Relay to a unit"),
                                    self.tr("Pass the request on to:"), names, 0, False)

    def issue_report(self) -> None:
        r = self.selected_request()
        if r is None or not self.report_b.isEnabled():
            return
        ctx, user = self.session.ctx, self.session.user
        self._run(lambda: ctx.issuer.issue_result_report(user, r.id),
                  lambda doc: open_issued(self.session, doc, self))

    def open_document(self, item: QListWidgetItem) -> None:
        doc_id = item.data(Qt.ItemDataRole.UserRole)
        ctx = self.session.ctx
        self.session.runner.submit(lambda: ctx.issuer.load(doc_id),
                                   lambda doc: open_issued(self.session, doc, self),
                                   lambda e: show_error(self, e), owner=self)

    # -- answers of units ------------------------------------------------------------------
    def record_ack(self) -> AckDialog | None:
        r = self.selected_request()
        if r is None or not self.ack_b.isEnabled():
            return None
        dlg = AckDialog(r.unit_name, self.session.ctx.clock.now(),
                        "phone" if r.status == "sent" else r.channel, r.ack_due_at, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.setProperty("requestId", r.id)
        dlg.accepted.connect(self._write_ack)
        dlg.open()
        return dlg

    def _write_ack(self) -> None:
        dlg = self.sender()
        if not isinstance(dlg, AckDialog):
            return
        ctx, user, request_id = self.session.ctx, self.session.user, dlg.property("requestId")
        v = dlg.values()
        contact = v.contact
        if v.channel != "phone":
            contact += f" (qua {CHANNEL_NAMES.get(v.channel, v.channel).lower()})"
        self._run(lambda: ctx.requests.acknowledge(user, request_id, contact,
                                                   promised_at=v.promised_at, at=v.at))

    def record_result(self) -> ResultDialog | None:
        r = self.selected_request()
        if r is None or not self.result_b.isEnabled():
            return None
        dlg = ResultDialog(r.unit_name, self.session.ctx.clock.now(), r.result_due_at,
                           r.channel, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.setProperty("requestId", r.id)
        dlg.setProperty("unitName", r.unit_name)
        dlg.accepted.connect(self._write_result)
        dlg.open()
        return dlg

    def _write_result(self) -> None:
        dlg = self.sender()
        if not isinstance(dlg, ResultDialog) or self.view is None:
            return
        ctx, user = self.session.ctx, self.session.user
        incident_id, desk_id = self.view.incident.id, self.view.incident.desk_id
        request_id, unit_name = dlg.property("requestId"), dlg.property("unitName")
        v = dlg.values()

        def work():  # type: ignore[no-untyped-def]
            req = ctx.requests.record_result(
                user, request_id, v.result, timeline=v.timeline, reported_at=v.reported_at,
                channel=v.channel, late_reason=v.late_reason or None,
                late_responsibility=v.late_responsibility or None)
            if v.scan is not None:
                ctx.issuer.attach(user, desk_id, v.scan, kind="scan", request_id=request_id,
                                  incident_id=incident_id,
                                  description=f"Phụ lục IV của {unit_name}")
            return req

        self._run(work)


__all__ = ["IncidentDetailPanel", "PreventDialog", "start_issue_fax"]
