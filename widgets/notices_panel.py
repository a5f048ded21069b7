"""Notices to units (camera and system faults, Đ14.1.1d, Đ15.1b): create, send
with a number from the desk's document register, record the acknowledgement."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import fmt_local
from app.topics import Topic
from widgets.labels import CHANNELS, channel_label
from widgets.messages import show_error
from widgets.panels import Panel
from widgets.session import ConsoleSession

STATUS = {
    "draft": QT_TRANSLATE_NOOP("NoticesPanel", "Draft"),
    "sent": QT_TRANSLATE_NOOP("NoticesPanel", "Sent"),
    "acknowledged": QT_TRANSLATE_NOOP("NoticesPanel", "Acknowledged"),
    "closed": QT_TRANSLATE_NOOP("NoticesPanel", "Closed"),
}


class NoticeDialog(QDialog):
    def __init__(self, units: list, parent: QWidget | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(parent)
        self.setWindowTitle(self.tr("New notice to a unit"))
        self.unit = QComboBox()
        for u in units:
            self.unit.addItem(u.name, u.id)
        self.contact = QLineEdit()
        self.subject = QLineEdit()
        self.channel = QComboBox()
        for code in CHANNELS:
            self.channel.addItem(channel_label(code), code)
        self.body = QPlainTextEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #f85149;")
        form = QFormLayout()
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.tr("&Contact"), self.contact)
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("C&hannel"), self.channel)
        form.addRow(self.tr("&Content"), self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _accept(self) -> None:
        if not self.subject.text().strip():
            self.error.setText(self.tr("A notice needs a subject."))
            return
        self.accept()


class NoticesPanel(Panel):
    topics = frozenset({Topic.NOTICE})

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("noticesPanel")
        self.notices: list = []
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("noticesTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Subject"), self.tr("Unit / contact"), self.tr("Channel"),
            self.tr("Status"), self.tr("Sent / acknowledged")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 260)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        new_b = QPushButton(self.tr("New notice…"))
        self.send_b = QPushButton(self.tr("Mark sent"))
        self.ack_b = QPushButton(self.tr("Record acknowledgement…"))
        row = QHBoxLayout()
        row.addWidget(new_b)
        row.addStretch()
        row.addWidget(self.send_b)
        row.addWidget(self.ack_b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_line)
        layout.addWidget(self.table)
        layout.addLayout(row)
        new_b.clicked.connect(self._new)
        self.send_b.clicked.connect(self._send)
        self.ack_b.clicked.connect(self._ack)

    def query(self):  # type: ignore[no-untyped-def]
        s = self.session
        if s.desk is None:
            return None
        ctx, desk_id = s.ctx, s.desk.id
        return lambda: (ctx.notices.for_desk(desk_id),
                        {u.id: u.name for u in ctx.reference.units()})

    def is_empty(self, data) -> bool:  # type: ignore[no-untyped-def]
        return not data[0]

    def present(self, result) -> None:  # type: ignore[no-untyped-def]
        notices, units = result
        self.notices = notices
        self.table.setRowCount(len(notices))
        for r, n in enumerate(notices):
            sent = fmt_local(n.sent_at)
            if n.acknowledged_at:
                sent += " / " + fmt_local(n.acknowledged_at) + f" ({n.acknowledged_by_contact})"
            values = (n.document_no or str(n.id), n.subject,
                      " – ".join(x for x in (units.get(n.unit_id or 0, ""), n.contact or "") if x),
                      channel_label(n.channel), self.tr(STATUS.get(n.status, n.status)), sent)
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))

    def _current(self):  # type: ignore[no-untyped-def]
        r = self.table.currentRow()
        return self.notices[r] if 0 <= r < len(self.notices) else None

    def _new(self) -> None:
        s = self.session
        if s.desk is None:
            return
        ctx = s.ctx

        def open_dialog(units) -> None:  # type: ignore[no-untyped-def]
            dlg = NoticeDialog(units, self)
            if not dlg.exec():
                return
            user, desk_id = s.user, s.desk.id  # type: ignore[union-attr]
            values = dict(subject=dlg.subject.text(), channel=dlg.channel.currentData(),
                          unit_id=dlg.unit.currentData(), contact=dlg.contact.text() or None,
                          body=dlg.body.toPlainText())
            self.submit(lambda: ctx.notices.create(user, desk_id, **values))

        s.runner.submit(ctx.reference.units, open_dialog, lambda e: show_error(self, e),
                        owner=self)

    def _send(self) -> None:
        n, s = self._current(), self.session
        if n is None or s.desk is None:
            return
        ctx, user, desk_id = s.ctx, s.user, s.desk.id

        def work():  # type: ignore[no-untyped-def]
            number = None
            if n.channel in ("fax", "document"):
                doc_type = "fax" if n.channel == "fax" else "letter"
                number = ctx.documents.next_number(user, desk_id, doc_type, n.subject).label
            return ctx.notices.mark_sent(user, n.id, n.version, number)

        self.submit(work)

    def _ack(self) -> None:
        n, s = self._current(), self.session
        if n is None:
            return
        who, ok = QInputDialog.getText(self, self.tr("Acknowledgement"),
                                       self.tr("Who acknowledged it at the unit?"))
        if not ok or not who.strip():
            return
        ctx, user = s.ctx, s.user
        self.submit(lambda: ctx.notices.acknowledge(user, n.id, n.version, who.strip()))
