"""Screenshot evidence from the wall (Đ14.1.2b): one key (F12) on a wall cell takes the
camera's full-resolution picture (from its main stream, whatever the tile plays), asks
for a description in a dialog prefilled with camera, time and place, then saves the PNG
(metadata in its text chunks), its SHA-256 in the database and a duty-log entry. The
gallery lists the shift's screenshots; each can be re-verified against its hash.

`EvidenceFlow` runs the steps: capture and save on workers (never the GUI thread), the
dialog on the GUI thread. `evidenceSaved(record)` follows a save; the workflow listens
to it to offer "raise an incident"."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import fmt_local
from app.evidence import Evidence
from app.topics import Topic
from video.capture import capture_frame
from video.snapshot import encode_png, meta_for
from video.stream import Frame
from widgets.images import rgb_image
from widgets.messages import message_of, show_error, translate
from widgets.panels import Panel
from widgets.session import ConsoleSession
from widgets.wall.wall import WallCamera

log = logging.getLogger("customs.video")


class EvidenceDialog(QDialog):
    """The picture, camera, time and place (fixed), and the officer's description."""

    def __init__(self, camera: WallCamera, frame: Frame, taken_at: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Screenshot evidence — {camera}").replace(
            "{camera}", camera.code))
        preview = QLabel(self)
        preview.setObjectName("evidencePreview")
        image = rgb_image(frame.image)  # type: ignore[arg-type]
        preview.setPixmap(QPixmap.fromImage(image).scaled(
            640, 360, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.description = QPlainTextEdit(self)
        self.description.setPlaceholderText(self.tr(
            "What does the picture show? (signs of violation, vehicle, container, people…)"))
        self.description.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Camera"), QLabel(f"{camera.code} — {camera.name}"))
        form.addRow(self.tr("Place"), QLabel(", ".join(p for p in (camera.site, camera.zone)
                                                      if p)))
        form.addRow(self.tr("Time"), QLabel(fmt_local(taken_at)))
        form.addRow(self.tr("Resolution"), QLabel(
            f"{frame.source_width}×{frame.source_height}"))
        form.addRow(self.tr("Description"), self.description)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept)
        lay = QVBoxLayout(self)
        lay.addWidget(preview, alignment=Qt.AlignmentFlag.AlignCenter)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.description.setFocus()

    def text(self) -> str:
        return self.description.toPlainText().strip()

    def _accept(self) -> None:
        if not self.text():
            self.description.setFocus()
            self.description.setPlaceholderText(self.tr(
                "A description is required: what does the picture show?"))
            return
        self.accept()


class EvidenceFlow(QObject):
    """See the module doc."""

    evidenceSaved = Signal(object)      # app.evidence.Evidence (the saved record)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.dialog: EvidenceDialog | None = None
        self.busy = False

    def take(self, camera: WallCamera, parent: QWidget | None = None) -> None:
        """Capture → describe → save. Refused (with a message) while one is running."""
        if self.busy:
            return
        self._set_busy(True)
        taken_at = self.session.ctx.clock.now()
        url = camera.main_url
        self.session.runner.submit(
            lambda: capture_frame(url, name=f"{camera.code} evidence"),
            lambda frame: self._describe(camera, frame, taken_at, parent),
            lambda exc: self._failed(parent, exc), owner=self)

    def _describe(self, camera: WallCamera, frame: Frame, taken_at: datetime,
                  parent: QWidget | None) -> None:
        self.dialog = EvidenceDialog(camera, frame, taken_at, parent or self.parent_widget)
        self.dialog.finished.connect(
            lambda result: self._described(camera, frame, taken_at, result))
        self.dialog.open()

    def _described(self, camera: WallCamera, frame: Frame, taken_at: datetime,
                   result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if result != QDialog.DialogCode.Accepted or dialog is None:
            self._set_busy(False)
            return
        description = dialog.text()
        dialog.deleteLater()
        ctx, user, desk = self.session.ctx, self.session.user, self.session.desk
        assert user is not None and desk is not None
        w, h = frame.source_width, frame.source_height

        def work() -> Evidence:
            png = encode_png(frame.image, meta_for(  # type: ignore[arg-type]
                camera, taken_at, description, user.full_name, w, h, "main"))
            return ctx.evidence.save(user, desk.id, camera.code, png, taken_at, description,
                                     w, h, "main")

        self.session.runner.submit(work, self._saved, lambda exc: self._failed(None, exc),
                                   owner=self)

    def _saved(self, record: Evidence) -> None:
        self._set_busy(False)
        log.info("evidence %s saved for %s", record.id, record.camera_code)
        self.evidenceSaved.emit(record)

    def _failed(self, parent: QWidget | None, exc: BaseException) -> None:
        self._set_busy(False)
        text = message_of(exc)
        self.failed.emit(text)
        show_error(parent or self.parent_widget, exc,
                   self.tr("The screenshot could not be saved"))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busyChanged.emit(busy)


class EvidenceGallery(Panel):
    """The shift's screenshots as thumbnails; double-click opens one, Verify re-hashes."""

    topics = frozenset({Topic.EVIDENCE})

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(192, 108))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)
        self.verify_button = QPushButton(self.tr("Verify the selected file"), self)
        self.verify_button.clicked.connect(self.verify_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.verify_button)
        bar.addWidget(self.status, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.state_line)
        lay.addWidget(self.list)
        lay.addLayout(bar)
        self.records: list[Evidence] = []

    def query(self):  # type: ignore[no-untyped-def]
        ctx, desk, shift = self.session.ctx, self.session.desk, self.session.shift
        if desk is None or shift is None:
            return None
        store = ctx.evidence

        def work() -> list[tuple[Evidence, bytes | None]]:
            out = []
            for rec in store.for_shift(desk.id, shift.id):
                try:
                    data = store.read(rec)
                except OSError:
                    data = None
                out.append((rec, data))
            return out

        return work

    def present(self, rows: list[tuple[Evidence, bytes | None]]) -> None:
        current = self._selected()
        self.list.clear()
        self.records = [rec for rec, _ in rows]
        for rec, data in reversed(rows):
            item = QListWidgetItem(f"{fmt_local(rec.taken_at)}\n{rec.camera_code}")
            if data:
                thumb = QPixmap()
                thumb.loadFromData(data, "PNG")
                item.setIcon(QIcon(thumb.scaled(192, 108, Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation)))
            item.setToolTip(f"{rec.description}\n{rec.place}\nSHA-256 {rec.sha256}")
            item.setData(Qt.ItemDataRole.UserRole, rec.id)
            self.list.addItem(item)
            if current is not None and rec.id == current.id:
                self.list.setCurrentItem(item)   # a reload keeps the selection

    def _selected(self) -> Evidence | None:
        item = self.list.currentItem()
        if item is None:
            return None
        rid = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.records if r.id == rid), None)

    def verify_selected(self) -> None:
        rec = self._selected()
        if rec is None:
            return
        store = self.session.ctx.evidence

        def done(check) -> None:  # type: ignore[no-untyped-def]
            if check.ok:
                self.status.setText(self.tr("File intact: SHA-256 matches the record."))
            else:
                self.status.setText(self.tr("NOT INTACT: {problem}").replace(
                    "{problem}", translate("errors", check.problem or "")))

        self.session.runner.submit(lambda: store.verify(rec), done,
                                   lambda exc: self.status.setText(message_of(exc)), owner=self)

    def _open(self, _item: QListWidgetItem) -> None:
        """The screenshot at full size with its description and hash (the file is read
        on a worker: the evidence folder may be a network share)."""
        rec = self._selected()
        if rec is None:
            return
        store = self.session.ctx.evidence
        self.session.runner.submit(lambda: store.read(rec), lambda data: self._view(rec, data),
                                   lambda exc: QMessageBox.warning(
                                       self, self.tr("Screenshot"), message_of(exc)), owner=self)

    def _view(self, rec: Evidence, data: bytes) -> None:
        pix = QPixmap()
        pix.loadFromData(data, "PNG")
        dlg = QDialog(self)
        dlg.setObjectName("evidenceViewer")
        dlg.setWindowTitle(f"{rec.camera_code} — {fmt_local(rec.taken_at)}")
        label = QLabel(dlg)
        label.setPixmap(pix.scaled(1280, 720, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation))
        text = QLabel(f"{rec.description}\n{rec.place}\nSHA-256 {rec.sha256}", dlg)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(dlg)
        lay.addWidget(label)
        lay.addWidget(text)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        self.viewer = dlg


__all__ = ["EvidenceDialog", "EvidenceFlow", "EvidenceGallery"]
