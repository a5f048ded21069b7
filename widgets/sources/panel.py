"""Data sources (Đ15.1): every outside system this console reads — its state and why,
since when, the last sign of life (a quiet night is not an outage), the records it
brought and refused; the outages open now; the refused records, kept with their
reason, that an officer can read."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import fmt_local
from app.sources import SourceHealth, SourceState
from app.topics import Topic
from widgets import theme
from widgets.panels import Panel
from widgets.session import ConsoleSession
from widgets.sources.console import SourceConsole

STATES = {
    SourceState.STARTING: QT_TRANSLATE_NOOP("SourcesPanel", "Connecting"),
    SourceState.LIVE: QT_TRANSLATE_NOOP("SourcesPanel", "Live"),
    SourceState.STALE: QT_TRANSLATE_NOOP("SourcesPanel", "No sign of life"),
    SourceState.DOWN: QT_TRANSLATE_NOOP("SourcesPanel", "Down"),
    SourceState.AUTH_FAILED: QT_TRANSLATE_NOOP("SourcesPanel", "Login refused"),
    SourceState.PROTOCOL_ERROR: QT_TRANSLATE_NOOP("SourcesPanel", "Protocol error"),
    SourceState.STOPPED: QT_TRANSLATE_NOOP("SourcesPanel", "Stopped"),
}


def _table(columns: list[str], name: str) -> QTableWidget:
    """A read-only table whose columns fit their contents, the last one stretched."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    return table


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class SourcesPanel(Panel):
    topics = frozenset({Topic.SOURCE_OUTAGE, Topic.QUARANTINE})

    def __init__(self, session: ConsoleSession, sources: SourceConsole,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("sourcesPanel")
        self.sources = sources
        self.table = _table([
            self.tr("Source"), self.tr("State"), self.tr("Since"), self.tr("Last sign of life"),
            self.tr("Records"), self.tr("Refused"), self.tr("Reason")], "sourcesTable")
        self.none = QLabel(self.tr("This console reads no outside system (no e-mail relay "
                                   "or data source is set up)."))
        self.none.setWordWrap(True)
        self.outages = _table([self.tr("Source"), self.tr("Fault"), self.tr("Since"),
                               self.tr("Reason")], "sourceOutages")
        self.no_outage = QLabel(self.tr("No outage is open."))
        self.refused = _table([self.tr("Received"), self.tr("Source"), self.tr("Size"),
                               self.tr("Why refused")], "quarantineTable")
        self.no_refused = QLabel(self.tr("No record has been refused."))
        self.raw = QPlainTextEdit()
        self.raw.setObjectName("quarantineRaw")
        self.raw.setReadOnly(True)
        self.raw.setPlaceholderText(self.tr("Select a refused record to read what was received."))
        self.raw.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(QLabel(self.tr("<b>Sources of this console</b>")))
        layout.addWidget(self.none)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("<b>Outages open now</b> (written to the duty log, "
                                        "the managing unit notified)")))
        layout.addWidget(self.no_outage)
        layout.addWidget(self.outages, 1)
        layout.addWidget(QLabel(self.tr("<b>Refused records</b> (kept as received)")))
        layout.addWidget(self.no_refused)
        layout.addWidget(self.refused, 2)
        layout.addWidget(self.raw)
        self.items: list = []
        sources.healthChanged.connect(self.show_health)
        sources.outageRecorded.connect(self.load)
        self.refused.currentCellChanged.connect(lambda row, *_: self._show_raw(row))
        self.show_health(sources.health)

    # -- live health (from the console's sources, no database) ---------------------------------
    def show_health(self, health: list[SourceHealth]) -> None:
        self.none.setVisible(not health)
        self.table.setVisible(bool(health))
        self.table.setRowCount(len(health))
        for r, h in enumerate(health):
            info = self.sources.infos.get(h.source_id)
            name = (info.name[:1].upper() + info.name[1:]) if info else h.source_id
            if info and info.place:
                name += f" ({info.place})"
            rates = self.sources.rates(h.source_id)
            per_min = self.tr("{n} ({rate}/min)")
            records, rejects = str(h.records), str(h.rejects)
            if rates is not None:
                records = per_min.replace("{n}", records).replace("{rate}", f"{rates[0]:.0f}")
                rejects = per_min.replace("{n}", rejects).replace("{rate}", f"{rates[1]:.0f}")
            values = (name, self.tr(STATES.get(h.state, h.state.value)),
                      fmt_local(h.since) if h.since else "—",
                      fmt_local(h.last_heartbeat_at) if h.last_heartbeat_at else "—",
                      records, rejects, h.reason)
            for c, v in enumerate(values):
                item = _item(v)
                if c == 1:
                    item.setForeground(QBrush(QColor(
                        theme.ALARM if h.out_of_service else
                        theme.OK if h.state is SourceState.LIVE else theme.MUTED)))
                self.table.setItem(r, c, item)

    # -- outages and refused records (the database) --------------------------------------------
    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.user is None:
            return None
        ctx, user, quarantine = s.ctx, s.user, self.sources.quarantine
        return lambda: (ctx.source_outages.open_outages(), quarantine.items(user))

    def is_empty(self, data) -> bool:  # type: ignore[no-untyped-def]
        return False       # the sources' table is never "nothing to show"

    def present(self, data) -> None:  # type: ignore[no-untyped-def]
        outages, items = data
        self.outages.setVisible(bool(outages))
        self.no_outage.setVisible(not outages)
        self.outages.setRowCount(len(outages))
        for r, o in enumerate(outages):
            fault = next((self.tr(text) for st, text in STATES.items() if st.value == o.state),
                         o.state)
            for c, v in enumerate((o.source_name, fault,
                                   fmt_local(o.started_at), o.reason)):
                self.outages.setItem(r, c, _item(v))
        self.items = items
        self.refused.setVisible(bool(items))
        self.no_refused.setVisible(not items)
        self.raw.setVisible(bool(items))
        self.refused.setRowCount(len(items))
        for r, q in enumerate(items):
            for c, v in enumerate((fmt_local(q.received_at), q.source_id,
                                   self.tr("{n} bytes").format(n=q.size), q.reason)):
                self.refused.setItem(r, c, _item(v))
        self._show_raw(self.refused.currentRow())

    def _show_raw(self, row: int) -> None:
        self.raw.setPlainText(self.items[row].preview if 0 <= row < len(self.items) else "")


__all__ = ["STATES", "SourcesPanel"]
