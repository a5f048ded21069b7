"""The data alerts of the desk (Đ4.3: nothing acts on its own): open alerts, most
severe first, the selected one's reason below. The officer acknowledges one (Ctrl+K),
dismisses it with his reason (written in the duty log), raises the incident it calls
for (Ctrl+I; a gate × clearance alert proposes the immediate prevention notice to the
gate, Đ8.1c, and is acknowledged), looks at its camera or writes to the log (Ctrl+Shift+L).

`criticalRaised(title)` is emitted once for every critical alert that appears after
the panel's first load (the console sounds and shows a banner)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.customs.alerts import RULE_VI, AlertView
from app.topics import Topic
from app.workflow.prefill import IncidentPrefill, LogPrefill
from app.workflow.rules import PreventionCase
from widgets import theme
from widgets.customs import (
    ALERT_STATE_TEXT,
    SEVERITY_TEXT,
    Column,
    PanelKeys,
    RecordActions,
    RowsTable,
    ask_then_submit,
    label,
    sort_time,
    when,
)
from widgets.panels import Navigator, Panel
from widgets.session import ConsoleSession

SEVERITY_COLOUR = {"critical": theme.ALARM, "high": theme.WARN}


def prevention_proposal(a: AlertView) -> str:
    """What a gate × clearance alert proposes (Đ8.1c): stop the container at the gate
    now; an officer sends it (Đ4.3)."""
    where = a.place or "cổng khu vực giám sát"
    container = f" container {a.container_no}" if a.container_no else " phương tiện"
    return (f"Đề xuất: gửi ngay thông báo ngăn chặn tới {where} — không cho{container} "
            f"rời khu vực giám sát hải quan cho đến khi có ý kiến xử lý (Điều 8.1c).")


def alert_incident(a: AlertView) -> IncidentPrefill:
    content = a.reason
    if a.rule == "gate_clearance":
        content = f"{content}\n{prevention_proposal(a)}"
    return IncidentPrefill(content=content, title=a.title, occurred_at=a.raised_at,
                           place=a.place or "", declaration_no=a.declaration_key or "",
                           container_no=a.container_no or "", alert_id=a.id,
                           prevention_case=PreventionCase.GATE.value
                           if a.rule == "gate_clearance" else None)


def alert_log(a: AlertView) -> LogPrefill:
    return LogPrefill(content=f"Cảnh báo ({RULE_VI.get(a.rule, a.rule)}): {a.title}. {a.reason}",
                      kind="work", place=a.place or "", declaration_no=a.declaration_key or "",
                      container_no=a.container_no or "", occurred_at=a.raised_at)


class AlertsPanel(Panel):
    topics = frozenset({Topic.ALERT})
    reload_hidden = True         # a critical alert is heard even with the dock closed

    criticalRaised = Signal(str)     # the title of a critical alert new since the first load

    def __init__(self, session: ConsoleSession, nav: Navigator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("alertsPanel")
        self.nav = nav
        self._gen = 0
        self._seen: set[int] | None = None        # critical alerts seen (None: not loaded)
        self.keys = PanelKeys(self)
        self.table = RowsTable([
            Column(self.tr("Time"), lambda a: when(a.raised_at),
                   sort=lambda a: sort_time(a.raised_at)),
            Column(self.tr("Severity"), lambda a: label(SEVERITY_TEXT, a.severity),
                   sort=lambda a: {"critical": 0, "high": 1}.get(a.severity, 2)),
            Column(self.tr("Rule"), lambda a: RULE_VI.get(a.rule, a.rule)),
            Column(self.tr("State"), lambda a: label(ALERT_STATE_TEXT, a.state)),
            Column(self.tr("Place"), lambda a: a.place or ""),
            Column(self.tr("Container"), lambda a: a.container_no or ""),
            Column(self.tr("Declaration"), lambda a: a.declaration_key or ""),
            Column(self.tr("Title"), lambda a: a.title),    # last: it takes the width
        ], "alertsTable", row_colour=lambda a: SEVERITY_COLOUR.get(a.severity),
            row_bold=lambda a: a.severity == "critical")
        self.reason = QLabel()
        self.reason.setObjectName("alertReason")
        self.reason.setWordWrap(True)
        self.reason.setMinimumHeight(48)
        self.ack_b = QPushButton(self.tr("Acknowledge (Ctrl+K)"))
        self.ack_b.setObjectName("acknowledgeAlertButton")
        self.dismiss_b = QPushButton(self.tr("Dismiss…"))
        self.dismiss_b.setObjectName("dismissAlertButton")
        self.actions = RecordActions(
            self, nav, self.table, self.keys, log_of=alert_log, incident_of=alert_incident,
            cameras_of=lambda a: [a.camera_code] if a.camera_code else [],
            extra=[(self.tr("Acknowledge"), self.acknowledge), (self.tr("Dismiss…"), self.dismiss)],
            after_incident=self._incident_raised)
        own = QHBoxLayout()
        own.addWidget(self.ack_b)
        own.addWidget(self.dismiss_b)
        own.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addLayout(own)
        layout.addLayout(self.actions.buttons())
        self.ack_b.clicked.connect(self.acknowledge)
        self.dismiss_b.clicked.connect(self.dismiss)
        self.keys.bind("Ctrl+K", self.acknowledge)
        self.table.rowChanged.connect(self._row_changed)
        self._row_changed()

    # -- loading ---------------------------------------------------------------------------
    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None:
            return None
        self._gen += 1
        gen, ctx, desk_id = self._gen, s.ctx, s.desk.id
        return lambda: (gen, ctx.alerts.alerts(desk_id))

    def is_empty(self, data) -> bool:  # type: ignore[no-untyped-def]
        return not data[1]

    def present(self, data) -> None:  # type: ignore[no-untyped-def]
        gen, alerts = data
        if gen != self._gen:
            return
        self.table.set_rows(alerts)
        critical = [a for a in alerts if a.severity == "critical"]
        if self._seen is None:
            self._seen = {a.id for a in critical}
            return
        for a in reversed(critical):            # oldest first
            if a.id not in self._seen:
                self._seen.add(a.id)
                self.criticalRaised.emit(a.title)

    def _row_changed(self) -> None:
        a: AlertView | None = self.table.current()
        can_act = a is not None and self.session.user is not None and self.session.desk is not None
        self.ack_b.setEnabled(can_act and a is not None and a.state == "open")
        self.dismiss_b.setEnabled(can_act)
        self.reason.setText(a.reason if a is not None else "")

    # -- what the officer does -------------------------------------------------------------------
    def _acting(self) -> tuple[AlertView, Callable[..., object]] | None:
        a, s = self.table.current(), self.session
        if a is None or s.user is None or s.desk is None:
            return None
        return a, s.ctx.alerts  # type: ignore[return-value]

    def acknowledge(self) -> None:
        acting = self._acting()
        if acting is None or acting[0].state != "open":
            return
        a, alerts = acting
        user = self.session.user
        self.ack_b.setEnabled(False)
        self.submit(lambda: alerts.acknowledge(user, a.id, a.version))  # type: ignore[attr-defined]

    def dismiss(self) -> None:
        acting = self._acting()
        if acting is None:
            return
        a, alerts = acting
        user, desk_id = self.session.user, self.session.desk.id  # type: ignore[union-attr]

        def work_of(reason: str) -> Callable[[], object]:
            return lambda: alerts.dismiss(user, a.id, a.version, reason, desk_id)  # type: ignore[attr-defined]

        self.prompt = ask_then_submit(
            self, self.tr("Dismiss the alert"),
            self.tr("Why is the alert dismissed? (at least 5 characters; written in the "
                    "duty log)\n{title}").format(title=a.title), work_of)

    def _incident_raised(self, a: AlertView) -> None:
        """Raising its incident means the alert is being handled: acknowledged."""
        if a.state == "open":
            self.acknowledge()


__all__ = ["AlertsPanel", "alert_incident", "alert_log", "prevention_proposal"]
