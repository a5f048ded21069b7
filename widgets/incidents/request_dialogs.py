"""Recording a unit's answers to a request (Đ9) — typed by the desk's officer
from a phone call, a fax or an e-mail, or by a regional desk answering in the
client: `AckDialog` (contact person, expected completion time, channel, time:
due within 30 minutes of receipt) and `ResultDialog` (Appendix IV: result,
timeline, channel, the scanned report kept with its SHA-256, the reason and
responsibility that a late result requires). The dialogs only collect; the
caller writes on its runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import fmt_local, to_local, to_utc
from widgets.labels import channel_label
from widgets.shortcuts import CONFIRM, panel_shortcut

ANSWER_CHANNELS = ("phone", "fax", "email", "document")


def date_time_edit(utc: datetime) -> QDateTimeEdit:
    """A local date-and-time editor (to the minute) set to `utc`."""
    w = QDateTimeEdit()
    w.setDisplayFormat("dd/MM/yyyy HH:mm")
    w.setCalendarPopup(True)
    w.setDateTime(QDateTime(to_local(utc)))
    return w


def utc_of(w: QDateTimeEdit) -> datetime:
    """The editor's time in UTC, to the minute."""
    return to_utc(w.dateTime().toPython().replace(second=0, microsecond=0))


def channel_box(default: str, codes: tuple[str, ...] = ANSWER_CHANNELS) -> QComboBox:
    """The channels `codes`, translated, `default` chosen."""
    c = QComboBox()
    for code in codes:
        c.addItem(channel_label(code), code)
    c.setCurrentIndex(max(0, c.findData(default)))
    return c


@dataclass
class AckValues:
    contact: str
    promised_at: datetime | None
    channel: str
    at: datetime


@dataclass
class ResultValues:
    result: str
    timeline: str
    channel: str
    reported_at: datetime
    late_reason: str
    late_responsibility: str
    scan: Path | None


class RecordForm(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.check_and_accept)
        self.buttons.rejected.connect(self.reject)
        panel_shortcut(self, CONFIRM, self.check_and_accept)

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def problem(self) -> str:
        return ""

    def check_and_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.say(problem)
            return
        self.accept()


class AckDialog(RecordForm):
    """The unit's acknowledgement: its contact person and expected completion."""

    def __init__(self, unit: str, now: datetime, channel: str = "phone",
                 ack_due_at: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Acknowledgement of {unit}").format(unit=unit), parent)
        self.setObjectName("ackDialog")
        self.contact = QLineEdit()
        self.contact.setObjectName("ackContact")
        self.contact.setPlaceholderText(self.tr("Name, position, phone (required)"))
        self.promised = date_time_edit(now + timedelta(hours=2))
        self.channel = channel_box(channel)
        self.at = date_time_edit(now)
        self.due = QLabel(self.tr("Due by {time}").format(time=fmt_local(ack_due_at))
                          if ack_due_at else self.tr("Due 30 minutes after receipt"))
        self.due.setObjectName("muted")
        self.ok.setText(self.tr("Record (Ctrl+Enter)"))
        form = QFormLayout()
        form.addRow(self.tr("Contact person"), self.contact)
        form.addRow(self.tr("Expected completion"), self.promised)
        form.addRow(self.tr("Received by"), self.channel)
        form.addRow(self.tr("At"), self.at)
        form.addRow("", self.due)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.contact.setFocus()

    def problem(self) -> str:
        if not self.contact.text().strip():
            return self.tr("The acknowledgement needs the unit's contact person.")
        return ""

    def values(self) -> AckValues:
        return AckValues(self.contact.text().strip(), utc_of(self.promised),
                         self.channel.currentData(), utc_of(self.at))


class ResultDialog(RecordForm):
    """The unit's result (Appendix IV); a late one needs reason and responsibility."""

    def __init__(self, unit: str, now: datetime, due_at: datetime | None,
                 channel: str = "fax", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Result of {unit} (Appendix IV)").format(unit=unit), parent)
        self.setObjectName("resultDialog")
        self.due_at = due_at
        self.result = QPlainTextEdit()
        self.result.setObjectName("resultText")
        self.result.setTabChangesFocus(True)
        self.result.setFixedHeight(80)
        self.timeline = QLineEdit()
        self.timeline.setPlaceholderText(self.tr("e.g. 10:05 received; 10:40 checked at gate B"))
        self.channel = channel_box(channel)
        self.reported = date_time_edit(now)
        self.reported.dateTimeChanged.connect(self._late_state)
        self.scan = QLineEdit()
        self.scan.setObjectName("scanPath")
        self.scan.setPlaceholderText(self.tr("Scanned Appendix IV (PDF or image)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(browse)
        self.late_reason = QLineEdit()
        self.late_reason.setObjectName("lateReason")
        self.late_resp = QLineEdit()
        self.late_resp.setObjectName("lateResponsibility")
        self.late_box = QGroupBox()
        lform = QFormLayout(self.late_box)
        lform.addRow(self.tr("Reason for the delay"), self.late_reason)
        lform.addRow(self.tr("Responsibility"), self.late_resp)
        self.ok.setText(self.tr("Record (Ctrl+Enter)"))
        form = QFormLayout()
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Timeline"), self.timeline)
        form.addRow(self.tr("Received by"), self.channel)
        form.addRow(self.tr("Reported at"), self.reported)
        form.addRow(self.tr("Scanned report"), scan_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.late_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._late_state()
        self.result.setFocus()

    def is_late(self) -> bool:
        return self.due_at is not None and utc_of(self.reported) > self.due_at

    def _late_state(self) -> None:
        late = self.is_late()
        self.late_box.setEnabled(late)
        self.late_box.setTitle(
            self.tr("LATE (due {time}): reason and responsibility required").format(
                time=fmt_local(self.due_at)) if late else self.tr("On time"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scanned Appendix IV"), "",
                                              self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif)"))
        if path:
            self.scan.setText(path)

    def problem(self) -> str:
        if not self.result.toPlainText().strip():
            return self.tr("Describe the result.")
        if self.is_late() and not (self.late_reason.text().strip()
                                   and self.late_resp.text().strip()):
            return self.tr("The result is late: give the reason and the responsibility.")
        scan = self.scan.text().strip()
        if scan and not Path(scan).is_file():
            return self.tr("The scanned file {path} does not exist.").format(path=scan)
        return ""

    def values(self) -> ResultValues:
        scan = self.scan.text().strip()
        return ResultValues(self.result.toPlainText().strip(), self.timeline.text().strip(),
                            self.channel.currentData(), utc_of(self.reported),
                            self.late_reason.text().strip(), self.late_resp.text().strip(),
                            Path(scan) if scan else None)


__all__ = ["AckDialog", "AckValues", "RecordForm", "ResultDialog", "ResultValues", "channel_box",
           "date_time_edit", "utc_of"]
