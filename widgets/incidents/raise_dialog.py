"""The dialog that raises an incident (vụ việc phát sinh): the fields of Appendix
I's notes, origin (Đ16.4), handling form, the evidence it came with, and the
immediate prevention of Đ8.1 (whom the officer notified at once, how, when,
with which identification). Filled from an `IncidentPrefill`; writes on the
session's runner and emits `raised(incident_id)`."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import to_local, to_utc
from app.dutylog import CHANNELS
from app.workflow.incidents import IncidentDraft, Prevention
from app.workflow.prefill import IncidentPrefill
from app.workflow.views import RaiseRequest, raise_incident
from widgets.incidents.labels import HANDLINGS, ORIGINS, PREVENTIONS, label
from widgets.labels import channel_label
from widgets.messages import message_of
from widgets.session import ConsoleSession
from widgets.shortcuts import CONFIRM, panel_shortcut


class RaiseIncidentDialog(QDialog):
    raised = Signal(int)

    def __init__(self, session: ConsoleSession, prefill: IncidentPrefill | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("raiseIncidentDialog")
        self.setWindowTitle(self.tr("Raise an incident"))
        self.session = session
        self.prefill = prefill or IncidentPrefill()
        self._busy = False
        now = session.ctx.clock.now()

        self.content = QPlainTextEdit()
        self.content.setObjectName("incidentContent")
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("What was seen or reported (required)"))
        self.content.setFixedHeight(80)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Short title (optional)"))
        self.origin = QComboBox()
        for code in ORIGINS:
            self.origin.addItem(label(ORIGINS, code), code)
        self.handling = QComboBox()
        self.handling.addItem(self.tr("To be decided by the leader"), None)
        for code in HANDLINGS:
            self.handling.addItem(label(HANDLINGS, code), code)
        self.occurred = self._dt(self.prefill.occurred_at or now)
        self.received = self._dt(self.prefill.received_at or now)
        self.place = QLineEdit()
        self.declaration = QLineEdit()
        self.container = QLineEdit()
        self.vehicle = QLineEdit()
        self.tax_code = QLineEdit()
        self.enterprise = QLineEdit()
        self.passenger = QLineEdit()
        self.evidence = QLabel()
        self.evidence.setObjectName("muted")
        self.evidence.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Origin"), self.origin)
        form.addRow(self.tr("Handling"), self.handling)
        form.addRow(self.tr("Occurred at"), self.occurred)
        form.addRow(self.tr("Received at"), self.received)
        form.addRow(self.tr("Place / area"), self.place)
        form.addRow(self.tr("Declaration"), self.declaration)
        form.addRow(self.tr("Container"), self.container)
        form.addRow(self.tr("Vehicle"), self.vehicle)
        form.addRow(self.tr("Enterprise tax code"), self.tax_code)
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Passenger"), self.passenger)
        form.addRow(self.tr("Evidence"), self.evidence)

        # Đ8.1: notify the local team at once, without waiting for approval.
        self.prevent = QCheckBox(self.tr("Immediate prevention (Art. 8.1): the local team "
                                         "was notified at once"))
        self.prevent.setObjectName("preventCheck")
        self.prevent_case = QComboBox()
        for code in PREVENTIONS:
            self.prevent_case.addItem(label(PREVENTIONS, code), code)
        self.prevent_contact = QLineEdit()
        self.prevent_contact.setPlaceholderText(self.tr("Whom: team leader, unit"))
        self.prevent_channel = QComboBox()
        for code in CHANNELS:
            self.prevent_channel.addItem(channel_label(code), code)
        self.prevent_at = self._dt(now)
        self.prevent_ident = QLineEdit()
        self.prevent_ident.setPlaceholderText(
            self.tr("Identification sent: plate, container, passenger…"))
        self.prevent_box = QGroupBox()
        pform = QFormLayout(self.prevent_box)
        pform.addRow(self.tr("Case"), self.prevent_case)
        pform.addRow(self.tr("Notified"), self.prevent_contact)
        pform.addRow(self.tr("How"), self.prevent_channel)
        pform.addRow(self.tr("When"), self.prevent_at)
        pform.addRow(self.tr("Identification"), self.prevent_ident)
        self.prevent_box.setEnabled(False)
        self.prevent.toggled.connect(self.prevent_box.setEnabled)

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Raise (Ctrl+Enter)"))
        self.ok.setObjectName("raiseButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        panel_shortcut(self, CONFIRM, self.submit)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.prevent)
        layout.addWidget(self.prevent_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill(self.prefill)
        self.content.setFocus()

    @staticmethod
    def _dt(utc: datetime) -> QDateTimeEdit:
        w = QDateTimeEdit()
        w.setDisplayFormat("dd/MM/yyyy HH:mm")
        w.setCalendarPopup(True)
        w.setDateTime(QDateTime(to_local(utc)))
        return w

    @staticmethod
    def _utc(w: QDateTimeEdit) -> datetime:
        return to_utc(w.dateTime().toPython().replace(second=0, microsecond=0))

    def _fill(self, p: IncidentPrefill) -> None:
        self.content.setPlainText(p.content)
        self.title_edit.setText(p.title)
        self.origin.setCurrentIndex(max(0, self.origin.findData(p.origin)))
        self.handling.setCurrentIndex(max(0, self.handling.findData(p.handling)))
        for w, v in ((self.place, p.place), (self.declaration, p.declaration_no),
                     (self.container, p.container_no), (self.vehicle, p.vehicle_plate),
                     (self.tax_code, p.enterprise_tax_code), (self.enterprise, p.enterprise_name),
                     (self.passenger, p.passenger)):
            w.setText(v)
        if p.prevention_case is not None:   # proposed (a data alert at the gate, Đ8.1c)
            self.prevent.setChecked(True)
            self.prevent_case.setCurrentIndex(max(0, self.prevent_case.findData(
                p.prevention_case)))
        e = p.evidence
        if e is not None:
            self.evidence.setText(self.tr("{file} (camera {camera}, SHA-256 {sha})").format(
                file=e.file_path.name, camera=e.camera_code or "–", sha=e.sha256[:16] + "…"))
            self.evidence.setToolTip(f"{e.file_path}\nSHA-256 {e.sha256}")
        else:
            self.evidence.setText(self.tr("none"))

    # -- the request --------------------------------------------------------------------
    def request(self) -> RaiseRequest:
        s = self.session
        assert s.desk is not None
        draft = IncidentDraft(
            content=self.content.toPlainText(), title=self.title_edit.text() or None,
            origin=self.origin.currentData(), handling=self.handling.currentData(),
            occurred_at=self._utc(self.occurred), received_at=self._utc(self.received),
            place=self.place.text(), declaration_no=self.declaration.text(),
            container_no=self.container.text(), vehicle_plate=self.vehicle.text(),
            enterprise_tax_code=self.tax_code.text(), enterprise_name=self.enterprise.text(),
            passenger=self.passenger.text())
        prevention = None
        if self.prevent.isChecked():
            prevention = Prevention(case=self.prevent_case.currentData(),
                                    contact=self.prevent_contact.text(),
                                    channel=self.prevent_channel.currentData(),
                                    at=self._utc(self.prevent_at),
                                    identification=self.prevent_ident.text())
        return RaiseRequest(desk_id=s.desk.id, draft=draft,
                            source_entry_id=self.prefill.source_entry_id,
                            evidence=self.prefill.evidence, prevention=prevention,
                            alert_id=self.prefill.alert_id)

    def submit(self) -> None:
        if self._busy:
            return
        if not self.content.toPlainText().strip():
            self._say(self.tr("Describe the incident first."))
            return
        if self.prevent.isChecked() and not self.prevent_contact.text().strip():
            self._say(self.tr("Say whom the local team was notified through."))
            return
        s = self.session
        ctx, user, req = s.ctx, s.user, self.request()
        self._busy = True
        self.ok.setEnabled(False)
        self._say("")

        def done(inc) -> None:  # type: ignore[no-untyped-def]
            self._busy = False
            self.raised.emit(inc.id)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.ok.setEnabled(True)
            self._say(message_of(exc))

        s.runner.submit(lambda: raise_incident(ctx, user, req), done, failed, serial=True,
                        owner=self)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


__all__ = ["RaiseIncidentDialog"]
