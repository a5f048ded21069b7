"""The handover report of a shift: summary and open items, signed by the outgoing
shift leader, acknowledged by the incoming one, then frozen; printable."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.clock import fmt_local
from app.handover import open_items_of
from widgets.labels import handover_status_label, source_label
from widgets.messages import show_error
from widgets.session import ConsoleSession


class HandoverDialog(QDialog):
    changed = Signal(object)  # the Handover after a save, sign or acknowledgement

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.session = session
        self.handover = None
        self.shift_id: int | None = None
        self.setWindowTitle(self.tr("Shift handover"))
        self.which = QComboBox()
        self.which.addItem(self.tr("This shift (hand over)"), 0)
        self.which.addItem(self.tr("Previous shift (take over)"), -1)
        self.status = QLabel()
        self.status.setObjectName("panelTitle")
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("Summary of the shift: what happened, what was "
                                                "done, what the next shift must know."))
        self.items = QTableWidget(0, 4)
        self.items.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Item"),
                                              self.tr("Detail"), self.tr("Since")])
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setColumnWidth(1, 380)
        self.chain = QLabel()
        self.chain.setObjectName("muted")
        self.chain.setWordWrap(True)
        self.save = QPushButton(self.tr("Save draft"))
        self.sign = QPushButton(self.tr("Sign handover"))
        self.sign.setProperty("primary", True)
        self.ack = QPushButton(self.tr("Acknowledge (take over)"))
        self.ack.setProperty("primary", True)
        self.print_btn = QPushButton(self.tr("Print…"))
        close = QPushButton(self.tr("Close"))
        row = QHBoxLayout()
        row.addWidget(self.print_btn)
        row.addStretch()
        for b in (self.save, self.sign, self.ack, close):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.which)
        top.addStretch()
        top.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("<b>I. Summary</b>")))
        layout.addWidget(self.summary, 2)
        layout.addWidget(QLabel(self.tr("<b>II. Open items carried over</b>")))
        layout.addWidget(self.items, 2)
        layout.addWidget(self.chain)
        layout.addLayout(row)
        self.resize(860, 620)
        self.which.currentIndexChanged.connect(self.load)
        self.save.clicked.connect(self._save)
        self.sign.clicked.connect(self._sign)
        self.ack.clicked.connect(self._ack)
        self.print_btn.clicked.connect(self._print)
        close.clicked.connect(self.accept)

    def load(self) -> None:
        s = self.session
        if s.desk is None or s.shift is None:
            return
        ctx, desk_id = s.ctx, s.desk.id
        back = self.which.currentData()
        day = s.shift.duty_date + timedelta(days=back)

        def work():  # type: ignore[no-untyped-def]
            shift = ctx.roster.ensure_shift(desk_id, day)
            h = ctx.handover.for_shift(shift.id)
            items = open_items_of(h) if h and h.status != "draft" else \
                ctx.handover.collect_open_items(desk_id, shift.id)
            names = ctx.dutylog.author_names({i for i in ((h.signed_by, h.acknowledged_by)
                                                          if h else ()) if i})
            return shift, h, items, names

        s.runner.submit(work, self._show, lambda e: show_error(self, e), owner=self)

    def _show(self, result) -> None:  # type: ignore[no-untyped-def]
        shift, h, items, names = result
        self.shift_id, self.handover = shift.id, h
        user = self.session.user
        status = h.status if h else "draft"
        self.status.setText(handover_status_label(status))
        self.summary.setPlainText(h.summary if h else "")
        self.summary.setReadOnly(status != "draft")
        self.items.setRowCount(len(items))
        for r, i in enumerate(items):
            for c, v in enumerate((source_label(i.source), i.title, i.detail, i.since)):
                self.items.setItem(r, c, QTableWidgetItem(v))
        lines = []
        if h and h.chain_hash:
            lines.append(self.tr("Log signed up to entry #{seq}, hash {hash}").format(
                seq=h.chain_seq, hash=h.chain_hash))
        if h and h.signed_by:
            lines.append(self.tr("Signed by {name} at {time}").format(
                name=names.get(h.signed_by, ""), time=fmt_local(h.signed_at)))
        if h and h.acknowledged_by:
            lines.append(self.tr("Acknowledged by {name} at {time}").format(
                name=names.get(h.acknowledged_by, ""), time=fmt_local(h.acknowledged_at)))
        self.chain.setText("\n".join(lines))
        can = user.can if user else (lambda _p: False)
        self.save.setEnabled(status == "draft" and can(Permission.HANDOVER_DRAFT))
        self.sign.setEnabled(status == "draft" and can(Permission.HANDOVER_SIGN))
        self.ack.setEnabled(status == "signed" and can(Permission.HANDOVER_ACKNOWLEDGE))
        self.print_btn.setEnabled(h is not None)

    def _run(self, fn) -> None:  # type: ignore[no-untyped-def]
        def done(h) -> None:  # type: ignore[no-untyped-def]
            self.changed.emit(h)
            self.load()

        self.session.runner.submit(fn, done, lambda e: show_error(self, e), serial=True, owner=self)

    def _save(self) -> None:
        ctx, user, shift_id, h = self.session.ctx, self.session.user, self.shift_id, self.handover
        text = self.summary.toPlainText()
        self._run(lambda: ctx.handover.save_draft(user, shift_id, text, h.version if h else None))

    def _sign(self) -> None:
        ctx, user, shift_id, h = self.session.ctx, self.session.user, self.shift_id, self.handover
        text = self.summary.toPlainText()

        def work():  # type: ignore[no-untyped-def]
            draft = ctx.handover.save_draft(user, shift_id, text, h.version if h else None)
            return ctx.handover.sign(user, draft.id, draft.version)

        self._run(work)

    def _ack(self) -> None:
        ctx, user, h = self.session.ctx, self.session.user, self.handover
        if h is None:
            return
        self._run(lambda: ctx.handover.acknowledge(user, h.id, h.version))

    def _print(self) -> None:
        s, h, shift_id = self.session, self.handover, self.shift_id
        if h is None or s.desk is None:
            return
        ctx, desk_code, name = s.ctx, s.desk.code, s.user.full_name if s.user else ""

        def work() -> bytes:
            from app.documents.printouts import handover_pdf  # noqa: PLC0415

            desk = ctx.reference.desk_by_code(desk_code)
            return handover_pdf(ctx, desk, ctx.roster.shift(shift_id), ctx.handover.get(h.id), name)

        def done(pdf: bytes) -> None:
            from widgets.print_preview import PdfPrintPreview  # noqa: PLC0415

            PdfPrintPreview(pdf, self).open()

        s.runner.submit(work, done, lambda e: show_error(self, e), owner=self)
