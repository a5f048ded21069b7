"""Dialogs of the "Directives and daily reports" panel. They only collect; the
panel writes on its runner. `DirectiveDialog`: a leader's directive (content,
who directed and when, channel, the result's due time) and its units, ticked in
the units tree. `ReportReceivedDialog`: a unit's daily report came (when, how,
from whom, the file). `RemindDialog`: the desk reminded a unit (how, whom)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import fmt_local
from app.workflow.directive_views import UnitNode
from app.workflow.directives import DirectiveDraft
from widgets.incidents.request_dialogs import RecordForm, channel_box, date_time_edit, utc_of
from widgets.labels import CHANNELS


class _Form(RecordForm):
    """The workflow's recording form, its OK button named for recording."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.ok.setText(self.tr("Record (Ctrl+Enter)"))


class DirectiveDialog(_Form):
    """A leader's directive to several units (Đ6.1, Đ10.4b)."""

    def __init__(self, units: list[UnitNode], leaders: list[tuple[int, str]], now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New directive to units"), parent)
        self.setObjectName("directiveDialog")
        self.content = QPlainTextEdit()
        self.content.setObjectName("directiveContent")
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("The leader's directive, as given (required)"))
        self.content.setFixedHeight(90)
        self.directed_by = QComboBox()
        self.directed_by.setObjectName("directedBy")
        self.directed_by.setEditable(True)
        self.directed_by.addItem("", None)
        for uid, name in leaders:
            self.directed_by.addItem(name, uid)
        self.directed_by.lineEdit().setPlaceholderText(self.tr("Leader's name (required)"))
        self.directed_at = date_time_edit(now)
        self.channel = channel_box("phone", CHANNELS)
        self.channel.setObjectName("directiveChannel")
        self.received_now = QCheckBox(self.tr("The units received it now (phone call)"))
        self.received_now.setChecked(True)
        self.channel.currentIndexChanged.connect(
            lambda _i: self.received_now.setChecked(self.channel.currentData() == "phone"))
        self.has_due = QCheckBox(self.tr("Result due by"))
        self.due = date_time_edit(now + timedelta(hours=4))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.units = QTreeWidget()
        self.units.setObjectName("directiveUnits")
        self.units.setHeaderHidden(True)
        self.units.setMinimumHeight(220)
        self._items: dict[int, QTreeWidgetItem] = {}
        by_parent: dict[int | None, list[UnitNode]] = {}
        for u in units:
            by_parent.setdefault(u.parent_id, []).append(u)
        known = {u.id for u in units}

        def add(parent: QTreeWidgetItem | None, node: UnitNode) -> None:
            item = QTreeWidgetItem([node.name])
            item.setData(0, Qt.ItemDataRole.UserRole, node.id)
            item.setToolTip(0, node.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            if parent is None:
                self.units.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self._items[node.id] = item
            for child in by_parent.get(node.id, []):
                add(item, child)

        for root in [u for u in units if u.parent_id is None or u.parent_id not in known]:
            add(None, root)
        self.units.expandAll()
        self.units.itemChanged.connect(lambda *_: self._count())
        self.chosen = QLabel()
        self.chosen.setObjectName("muted")
        form = QFormLayout()
        form.addRow(self.tr("&Directive"), self.content)
        form.addRow(self.tr("Directed &by"), self.directed_by)
        form.addRow(self.tr("Directed &at"), self.directed_at)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow("", self.received_now)
        form.addRow("", due_row)
        form.addRow(self.tr("&Units (tick; Space)"), self.units)
        form.addRow("", self.chosen)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 640)
        self._count()
        self.content.setFocus()

    def _count(self) -> None:
        self.chosen.setText(self.tr("{n} unit(s) chosen").format(n=len(self.unit_ids())))

    def set_checked(self, unit_id: int, checked: bool = True) -> None:
        self._items[unit_id].setCheckState(
            0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def unit_ids(self) -> list[int]:
        return [uid for uid, item in self._items.items()
                if item.checkState(0) == Qt.CheckState.Checked]

    def problem(self) -> str:
        if not self.content.toPlainText().strip():
            return self.tr("The directive needs a content.")
        if not self.directed_by.currentText().strip():
            return self.tr("Record which leader gave the directive.")
        if not self.unit_ids():
            return self.tr("Choose at least one unit to send the directive to.")
        return ""

    def values(self, now: datetime) -> DirectiveDraft:
        text = self.directed_by.currentText().strip()
        idx = self.directed_by.findText(text)
        leader_id = self.directed_by.itemData(idx) if idx >= 0 else None
        return DirectiveDraft(
            content=self.content.toPlainText().strip(), unit_ids=self.unit_ids(),
            directed_by="" if leader_id else text, directed_by_id=leader_id,
            directed_at=utc_of(self.directed_at), channel=self.channel.currentData(),
            due_at=utc_of(self.due) if self.has_due.isChecked() else None,
            received_at=now if self.received_now.isChecked() else None)


class ReportReceivedDialog(_Form):
    """A unit's daily report came."""

    def __init__(self, unit: str, report: str, due_at: datetime, now: datetime,
                 channel: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("{report} of {unit} received").format(report=report, unit=unit),
                         parent)
        self.setObjectName("reportReceivedDialog")
        self.at = date_time_edit(now)
        self.channel = channel_box(channel or "email", CHANNELS)
        self.sender = QLineEdit()
        self.sender.setObjectName("reportSender")
        self.sender.setPlaceholderText(self.tr("Who sent it (optional)"))
        self.file = QLineEdit()
        self.file.setObjectName("reportFile")
        self.file.setPlaceholderText(self.tr("The report's file (optional; kept with its "
                                             "SHA-256)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.note = QLineEdit()
        due = QLabel(self.tr("Due by {time}").format(time=fmt_local(due_at)))
        due.setObjectName("muted")
        form = QFormLayout()
        form.addRow(self.tr("Received &at"), self.at)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("&Sender"), self.sender)
        form.addRow(self.tr("&File"), file_row)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow("", due)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.sender.setFocus()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The report's file"))
        if path:
            self.file.setText(path)

    def problem(self) -> str:
        path = self.file.text().strip()
        if path and not Path(path).is_file():
            return self.tr("The file {path} does not exist.").format(path=path)
        return ""

    def values(self) -> dict:  # type: ignore[type-arg]
        path = self.file.text().strip()
        return {"received_at": utc_of(self.at), "channel": self.channel.currentData(),
                "sender": self.sender.text().strip() or None,
                "file": Path(path) if path else None, "note": self.note.text().strip() or None}


class RemindDialog(_Form):
    """The desk reminds a unit of its daily report (đôn đốc)."""

    def __init__(self, unit: str, report: str, due_at: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Remind {unit}").format(unit=unit), parent)
        self.setObjectName("remindDialog")
        self.channel = channel_box("phone", CHANNELS)
        self.contact = QLineEdit()
        self.contact.setObjectName("remindContact")
        self.contact.setPlaceholderText(self.tr("Whom you reached (optional)"))
        self.note = QLineEdit()
        what = QLabel(self.tr("{report}, due by {time}").format(report=report,
                                                                time=fmt_local(due_at)))
        what.setWordWrap(True)
        form = QFormLayout()
        form.addRow("", what)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("C&ontact"), self.contact)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.contact.setFocus()

    def values(self) -> dict:  # type: ignore[type-arg]
        return {"channel": self.channel.currentData(),
                "contact": self.contact.text().strip() or None,
                "note": self.note.text().strip() or None}


__all__ = ["DirectiveDialog", "RemindDialog", "ReportReceivedDialog"]
