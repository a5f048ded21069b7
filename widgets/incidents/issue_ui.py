"""Issuing a document from the GUI and printing it in as few actions as the room
needs: `IssueFaxDialog` (the approved incident's fax, Appendix II or V, to the
unit suggested by the evidence; Ctrl+Enter issues) and `IssuedPreview` (the
archived PDF's pages, Print = Ctrl+P straight to the workstation's printer, and
e-mail to the unit's address). Issuing, printing set-up and sending run on the
session's runner; only the painting of the pages happens on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.workflow.rules import Action, IncidentState
from widgets.messages import message_of, show_error
from widgets.print_preview import PrintError, prepare_printer, print_pdf_to
from widgets.session import ConsoleSession
from widgets.shortcuts import CONFIRM, panel_shortcut


def default_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


# The workstation's printer; tests replace it with a PDF-file printer.
PRINTER_FACTORY: list[Callable[[], QPrinter]] = [default_printer]


def _load_fax(ctx, incident_id: int):  # type: ignore[no-untyped-def]
    from app.workflow.views import unit_choices  # noqa: PLC0415

    inc = ctx.incidents.get(incident_id)
    unit = ctx.issuer.suggested_unit(incident_id)
    return inc, ctx.issuer.fax_appendix(inc), (unit.id if unit else None), unit_choices(ctx)


def _issue_fax(ctx, user, incident_id: int, values: dict):  # type: ignore[no-untyped-def]
    doc = ctx.issuer.issue_request_fax(user, incident_id, **values)
    inc = ctx.incidents.get(incident_id)
    # The fax is how an approved incident is carried out: start it, if allowed.
    if inc.state == IncidentState.APPROVED and Action.START in ctx.incidents.allowed(user, inc):
        ctx.incidents.transition(user, incident_id, Action.START)
    return doc


class IssueFaxDialog(QDialog):
    """The coordination fax of an approved incident. Emits `issued(IssuedDoc)`."""

    issued = Signal(object)
    loaded = Signal()

    def __init__(self, session: ConsoleSession, incident_id: int,
                 parent: QWidget | None = None, preview_on_issue: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("issueFaxDialog")
        self.preview_on_issue = preview_on_issue
        self.session = session
        self.incident_id = incident_id
        self._ready = False
        self._pending_submit = False
        self._busy = False
        self.setWindowTitle(self.tr("Issue the coordination fax – incident {no}").format(
            no=incident_id))
        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setObjectName("panelTitle")
        self.heading.setWordWrap(True)
        self.unit = QComboBox()
        self.unit.setObjectName("faxUnit")
        self.unit.setEditable(False)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.fax_no = QLineEdit()
        self.email = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("The unit's contact person, if known"))
        self.due_hours = QSpinBox()
        self.due_hours.setRange(0, 72)
        self.due_hours.setValue(2)
        self.due_hours.setSpecialValueText(self.tr("as soon as handled"))
        self.due_hours.setSuffix(self.tr(" h"))
        self.urgent = QCheckBox(self.tr("Urgent (phone first, then the fax)"))
        self.urgent.setChecked(True)
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("To"), self.unit)
        form.addRow(self.tr("Fax number"), self.fax_no)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Result due in"), self.due_hours)
        form.addRow("", self.urgent)
        form.addRow(self.tr("Request"), self.content)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Issue and preview (Ctrl+Enter)"))
        self.ok.setObjectName("issueButton")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        panel_shortcut(self, CONFIRM, self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._units: list[tuple[int, str, str, str]] = []
        self.resize(620, 460)

    def load(self) -> None:
        ctx, incident_id = self.session.ctx, self.incident_id
        self.session.runner.submit(lambda: _load_fax(ctx, incident_id), self._show,
                                   lambda e: self._say(message_of(e)), owner=self)

    def _show(self, result) -> None:  # type: ignore[no-untyped-def]
        inc, appendix, suggested, units = result
        self._units = units
        name = self.tr("Appendix V – surveillance fax") if appendix == "V" else \
            self.tr("Appendix II – urgent fax of the duty desk")
        self.heading.setText(f"{name}: {inc.title}")
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("– choose the unit –"), None)
        for uid, uname, fax, _mail in units:
            self.unit.addItem(f"{uname}" + (f" (fax {fax})" if fax else ""), uid)
        self.unit.blockSignals(False)
        self.unit.setCurrentIndex(max(0, self.unit.findData(suggested)))
        self._unit_changed()
        self.content.setPlainText(self.session.ctx.issuer.request_content(inc))
        self._ready = True
        self.ok.setEnabled(True)
        self.loaded.emit()
        if self._pending_submit:
            self.submit()

    def _unit_changed(self) -> None:
        uid = self.unit.currentData()
        unit = next((u for u in self._units if u[0] == uid), None)
        self.fax_no.setText(unit[2] if unit else "")
        self.email.setText(unit[3] if unit else "")

    def values(self) -> dict:
        hours = self.due_hours.value()
        now = self.session.ctx.clock.now()
        return {"unit_id": self.unit.currentData(), "fax_no": self.fax_no.text() or None,
                "email": self.email.text() or None, "contact": self.contact.text() or None,
                "content": self.content.toPlainText(), "urgent": self.urgent.isChecked(),
                "requested_due_at": now + timedelta(hours=hours) if hours else None}

    def submit(self) -> None:
        if self._busy:
            return
        if not self._ready:
            self._pending_submit = True  # typed ahead: issue once loaded
            return
        if self.unit.currentData() is None:
            self._say(self.tr("Choose the unit the fax is sent to."))
            return
        s = self.session
        ctx, user, incident_id, values = s.ctx, s.user, self.incident_id, self.values()
        self._busy = True
        self.ok.setEnabled(False)
        self._say(self.tr("Issuing…"))

        def done(doc) -> None:  # type: ignore[no-untyped-def]
            self._busy = False
            self._say("")
            self.issued.emit(doc)
            if self.preview_on_issue and self.parentWidget() is not None:
                open_issued(self.session, doc, self.parentWidget())
            self.accept()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.ok.setEnabled(True)
            self._say(message_of(exc))

        s.runner.submit(lambda: _issue_fax(ctx, user, incident_id, values), done, failed,
                        serial=True, owner=self)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class IssuedPreview(QDialog):
    """An issued document: the preview, Print (Ctrl+P, to the workstation's printer,
    no further question) and e-mail to the unit. Emits `printed(pages)`."""

    printed = Signal(int)
    emailed = Signal(str)
    pagesShown = Signal(int)

    def __init__(self, session: ConsoleSession, doc, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("issuedPreview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.session = session
        self.doc = doc
        self.setWindowTitle(self.tr("Document {number} (Appendix {appendix})").format(
            number=doc.number, appendix=doc.appendix))
        # The pages as images, rasterised on the runner (no printer lives with the
        # dialog: one is made for each print).
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.addWidget(QLabel(self.tr("Loading…")))
        self.preview = QScrollArea()
        self.preview.setObjectName("issuedPages")
        self.preview.setWidget(self.pages)
        self.preview.setWidgetResizable(True)
        pdf = doc.pdf
        session.runner.submit(lambda: page_bitmaps(pdf), self._show_pages,
                              lambda e: self.status.setText(message_of(e)), owner=self)
        self.info = QLabel(self.tr("To: {to} · SHA-256 {sha}").format(
            to=doc.recipient, sha=doc.sha256[:16] + "…"))
        self.info.setObjectName("muted")
        self.info.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("issuedStatus")
        self.print_b = QPushButton(self.tr("Print (Ctrl+P)"))
        self.print_b.setObjectName("printButton")
        self.print_b.setProperty("primary", True)
        self.print_b.clicked.connect(self.print_now)
        panel_shortcut(self, "Ctrl+P", self.print_now)
        self.choose_b = QPushButton(self.tr("Other printer… (Ctrl+Shift+P)"))
        self.choose_b.setObjectName("choosePrinterButton")
        self.choose_b.clicked.connect(self.print_with_choice)
        panel_shortcut(self, "Ctrl+Shift+P", self.print_with_choice)
        address = doc.recipient_email or ""
        self.mail_b = QPushButton(self.tr("E-mail to {address}").format(address=address)
                                  if address else self.tr("E-mail"))
        self.mail_b.setObjectName("mailButton")
        self.mail_b.setEnabled(bool(address) and session.ctx.mailer.enabled)
        if not session.ctx.mailer.enabled:
            self.mail_b.setToolTip(self.tr("E-mail is not set up on this workstation."))
        self.mail_b.clicked.connect(self.send_email)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.mail_b)
        row.addWidget(close)
        row.addWidget(self.choose_b)
        row.addWidget(self.print_b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)
        self.resize(760, 900)
        self.print_b.setFocus()

    def _show_pages(self, bitmaps: list[tuple[bytes, int, int, int]]) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for data, width, height, stride in bitmaps:
            image = QImage(data, width, height, stride, QImage.Format.Format_RGB888).copy()
            page = QLabel()
            page.setObjectName("issuedPage")
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; border: 1px solid #30363d;")
            self.pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pagesShown.emit(len(bitmaps))

    def print_with_choice(self) -> None:
        """Qt's print dialog with preview: another printer, copies, pages."""
        from widgets.print_preview import PdfPrintPreview  # noqa: PLC0415

        self._chooser = PdfPrintPreview(self.doc.pdf, self, title=self.doc.number)
        self._chooser.open()

    def print_now(self) -> None:
        """Print on the workstation's printer at once (Qt paints print jobs on the
        GUI thread; one page of a fax takes a fraction of a second)."""
        printer = PRINTER_FACTORY[0]()
        prepare_printer(printer, self.doc.pdf, doc_name=self.doc.number)
        try:
            pages = print_pdf_to(printer, self.doc.pdf)
        except PrintError as exc:
            self.status.setText(self.tr("Not printed: {reason}").format(reason=str(exc)))
            return
        self.status.setText(self.tr("Printed ({n} page(s)) on {printer}").format(
            n=pages, printer=printer.printerName() or printer.outputFileName()))
        self.printed.emit(pages)

    def send_email(self) -> None:
        from app.mail import document_message  # noqa: PLC0415

        s = self.session
        ctx, user, doc, to = s.ctx, s.user, self.doc, self.doc.recipient_email

        def work() -> str:
            ctx.mailer.send(document_message(doc, to))
            ctx.issuer.mark_emailed(user, doc.id, to)
            return to

        def done(address: str) -> None:
            self.status.setText(self.tr("Sent to {address}").format(address=address))
            self.emailed.emit(address)

        self.mail_b.setEnabled(False)
        s.runner.submit(work, done, lambda e: (self.mail_b.setEnabled(True),
                                               show_error(self, e)), owner=self)


def page_bitmaps(pdf: bytes, dpi: int = 90) -> list[tuple[bytes, int, int, int]]:
    """The pages of a PDF as RGB bitmaps (data, width, height, stride) for the
    on-screen preview. No Qt: runs on the task runner."""
    import pypdfium2 as pdfium  # noqa: PLC0415
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                bitmap = page.render(scale=dpi / 72, force_bitmap_format=pdfium_c.FPDFBitmap_BGR,
                                     rev_byteorder=True, may_draw_forms=False)
                try:
                    out.append((bytes(bitmap.buffer), bitmap.width, bitmap.height,
                                bitmap.stride))
                finally:
                    bitmap.close()
            finally:
                page.close()
    finally:
        doc.close()
    return out


def open_issued(session: ConsoleSession, doc, parent: QWidget) -> IssuedPreview:  # type: ignore[no-untyped-def]
    dlg = IssuedPreview(session, doc, parent)
    dlg.open()
    return dlg


__all__ = ["IssueFaxDialog", "IssuedPreview", "PRINTER_FACTORY", "open_issued"]
