"""The entry form: one form for every entry kind, showing the fields of the
chosen kind (Appendix I's notes), and the correction mode with its reason."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import to_local, to_utc
from app.dutylog import EntryDraft, EntryKind
from app.errors import DomainError
from app.workflow.prefill import LogPrefill
from widgets.dutylog.model import EntryRow
from widgets.labels import CHANNELS, KINDS, channel_label, kind_label
from widgets.messages import message_of
from widgets.shortcuts import CONFIRM, panel_shortcut

INCIDENT_FIELDS = ("occurred", "received", "place", "declaration", "container", "vehicle")


class EntryForm(QWidget):
    """Emits `submitted(EntryDraft)`; the panel writes it."""

    submitted = Signal(object)

    def __init__(self, now_utc: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now_utc = now_utc  # the server-corrected clock; shown in the room's time zone
        self._correcting: EntryRow | None = None
        self.title = QLabel(self.tr("New entry"))
        self.title.setObjectName("panelTitle")
        self.kind = QComboBox()
        for code in KINDS:
            if code != EntryKind.HANDOVER:
                self.kind.addItem(kind_label(code), code)
        self.when = self._dt_edit()
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(self.tr("What was done, seen, directed or reported…"))
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(70)
        self.scope = QLineEdit()
        self.scope.setPlaceholderText(self.tr("Scope: areas, gates, systems checked"))
        self.occurred = self._dt_edit()
        self.received = self._dt_edit()
        self.place = QLineEdit()
        self.declaration = QLineEdit()
        self.declaration.setPlaceholderText(self.tr("12-digit declaration number"))
        self.container = QLineEdit()
        self.container.setPlaceholderText("CSQU3054383")
        self.vehicle = QLineEdit()
        self.vehicle.setPlaceholderText("15C-123.45")
        self.channel = QComboBox()
        for code in CHANNELS:
            self.channel.addItem(channel_label(code), code)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("Receiving or reporting unit"))
        self.reported = self._dt_edit()
        self.case = QComboBox()
        self.note = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the entry is corrected (required)"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #f85149;")
        self.error.setWordWrap(True)
        self.save = QPushButton(self.tr("Save entry (Ctrl+Enter)"))
        self.save.setProperty("primary", True)
        self.cancel = QPushButton(self.tr("Clear (Esc)"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}

        def add(key: str, label: str, widget: QWidget) -> None:
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
            self._rows[key] = (lab, widget)

        add("kind", self.tr("&Kind"), self.kind)
        add("when", self.tr("&Time"), self.when)
        add("case", self.tr("Incident (case)"), self.case)
        add("content", self.tr("C&ontent"), self.content)
        add("scope", self.tr("Scope"), self.scope)
        add("occurred", self.tr("Occurred at"), self.occurred)
        add("received", self.tr("Received at"), self.received)
        add("place", self.tr("&Place / area"), self.place)
        add("declaration", self.tr("Declaration"), self.declaration)
        add("container", self.tr("Container"), self.container)
        add("vehicle", self.tr("Vehicle"), self.vehicle)
        add("channel", self.tr("C&hannel"), self.channel)
        add("unit", self.tr("&Unit"), self.unit)
        add("reported", self.tr("Reported at"), self.reported)
        add("note", self.tr("&Notes"), self.note)
        add("reason", self.tr("&Reason"), self.reason)

        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._update_fields)
        self.save.clicked.connect(self._submit)
        self.cancel.clicked.connect(self.clear)
        panel_shortcut(self, CONFIRM, self._submit)
        panel_shortcut(self, "Esc", self.clear)
        self._update_fields()

    def _dt_edit(self) -> QDateTimeEdit:
        w = QDateTimeEdit()
        w.setDisplayFormat("dd/MM/yyyy HH:mm")
        w.setCalendarPopup(True)
        w.setDateTime(QDateTime(to_local(self._now_utc())))
        return w

    # -- state ----------------------------------------------------------------------
    def set_cases(self, cases: list[tuple[str, str]]) -> None:
        """Open incidents of the desk: (case client id, title)."""
        current = self.case.currentData()
        self.case.clear()
        self.case.addItem(self.tr("— choose the incident —"), None)
        for ref, title in cases:
            self.case.addItem(title[:90], ref)
        if current:
            i = self.case.findData(current)
            if i >= 0:
                self.case.setCurrentIndex(i)

    def select_case(self, ref: str | None) -> None:
        i = self.case.findData(ref) if ref else -1
        if i >= 0:
            self.case.setCurrentIndex(i)

    def start_correction(self, row: EntryRow) -> None:
        self._correcting = row
        self.title.setText(self.tr("Correct entry no. {seq}").format(seq=row.seq))
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        self.kind.setEnabled(False)
        self.content.setPlainText(row.content)
        self.scope.setText(row.scope or "")
        self.place.setText(row.place or "")
        self.unit.setText(row.unit_name or "")
        self.note.setText(row.note or "")
        self.reason.clear()
        self._update_fields()
        self.reason.setFocus()

    def clear(self) -> None:
        self._correcting = None
        self.title.setText(self.tr("New entry"))
        self.kind.setEnabled(True)
        for w in (self.scope, self.place, self.declaration, self.container, self.vehicle,
                  self.unit, self.note, self.reason):
            w.clear()
        self.content.clear()
        self.set_local_now(self._now_utc())
        self.error.clear()
        self._update_fields()

    def prefill(self, p: LogPrefill) -> None:
        """A new entry citing a record (the data panels): the officer edits and saves it."""
        self.clear()
        index = self.kind.findData(p.kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        self.content.setPlainText(p.content)
        self.place.setText(p.place)
        self.declaration.setText(p.declaration_no)
        self.container.setText(p.container_no)
        self.vehicle.setText(p.vehicle_plate)
        if p.occurred_at is not None:
            self.occurred.setDateTime(QDateTime(to_local(p.occurred_at)))
        self._update_fields()
        self.content.setFocus()

    def _update_fields(self) -> None:
        kind = self.kind.currentData()
        show = {"kind", "when", "content", "note"}
        if kind in (EntryKind.WORK, EntryKind.HANDOVER):
            show |= {"scope"}
        if kind in (EntryKind.INCIDENT, EntryKind.SYSTEM_FAULT):
            show |= set(INCIDENT_FIELDS)
        if kind == EntryKind.DIRECTIVE:
            show |= {"case", "channel", "unit"}
        if kind == EntryKind.RESULT:
            show |= {"case", "unit", "reported"}
        if self._correcting is not None:
            show |= {"reason"}
            show -= {"case", "when"}
        for key, (lab, w) in self._rows.items():
            lab.setVisible(key in show)
            w.setVisible(key in show)

    # -- submit -----------------------------------------------------------------------
    @staticmethod
    def _utc(w: QDateTimeEdit) -> datetime:
        return to_utc(w.dateTime().toPython().replace(second=0, microsecond=0))

    def draft(self) -> EntryDraft:
        kind = self.kind.currentData()
        d = EntryDraft(kind=kind, content=self.content.toPlainText(), note=self.note.text() or None)
        if self._correcting is not None:
            d.corrects_id = self._correcting.id
            d.correction_reason = self.reason.text()
        else:
            d.entry_time = self._utc(self.when)
        if kind in (EntryKind.WORK, EntryKind.HANDOVER):
            d.scope = self.scope.text() or None
        if kind in (EntryKind.INCIDENT, EntryKind.SYSTEM_FAULT):
            d.occurred_at, d.received_at = self._utc(self.occurred), self._utc(self.received)
            d.place = self.place.text() or None
            d.declaration_no = self.declaration.text() or None
            d.container_no = (self.container.text() or "").upper() or None
            d.vehicle_plate = self.vehicle.text() or None
            if kind == EntryKind.INCIDENT and self._correcting is None:
                d.case_ref = str(uuid.uuid4())
        if kind == EntryKind.DIRECTIVE:
            d.channel = self.channel.currentData()
        if kind in (EntryKind.DIRECTIVE, EntryKind.RESULT):
            d.unit_name = self.unit.text() or None
            if self._correcting is None:
                d.case_ref = self.case.currentData()
        if kind == EntryKind.RESULT:
            d.reported_at = self._utc(self.reported)
        return d

    def _submit(self) -> None:
        draft = self.draft()
        try:
            draft.validate()
        except DomainError as exc:
            self.error.setText(message_of(exc))
            return
        self.error.clear()
        self.submitted.emit(draft)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def set_local_now(self, utc_now: datetime) -> None:
        for w in (self.when, self.occurred, self.received, self.reported):
            w.setDateTime(QDateTime(to_local(utc_now)))
