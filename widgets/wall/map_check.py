"""The camera-map check (Đ14.1.1b) on the console: every PTZ camera's live position
against the managing sub-department's reference (the deviation table: camera,
position, Δpan, Δtilt, Δzoom, in tolerance or not), one-click restore with its
verification, "restore all", the camera map's versions and import (differences shown
before they are applied), and the image check of a camera (fixed cameras, and PTZ
cameras that report no position): set a reference picture from the live picture,
compare the live picture with it, see the edges of both.

F5 checks now, Ctrl+R restores the selected camera, Ctrl+Shift+R restores all. At the
start of a shift the check runs once by itself. Reads, restores and comparisons run on
the task runner (the PTZ futures are waited for there, never on the GUI thread); each
check and restore is in the duty log (app/cameras/ptz_check.py), each image fault too
(app/cameras/image_check.py)."""

from __future__ import annotations

import io
import logging

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.cameras.ptz_check import (
    IN_POSITION,
    LEFT_OUT,
    NOT_VERIFIABLE,
    OUTCOME_TEXTS,
    CheckRunResult,
)
from video.capture import capture_frame
from widgets import theme
from widgets.images import rgb_image
from widgets.messages import background_failure, message_of, translate
from widgets.shortcuts import panel_shortcut
from widgets.wall.manager import WallManager

log = logging.getLogger("customs.video")


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:+.1f}°" if unit == "deg" else f"{value:+.3f}"


class CameraMapCheckPanel(QWidget):
    """See the module doc."""

    checked = Signal(object)          # CheckRunResult
    restored = Signal(str, str)       # camera code, outcome
    imageChecked = Signal(str, str)   # camera code, verdict

    def __init__(self, walls: WallManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.walls = walls
        self.session = walls.session
        self.result: CheckRunResult | None = None
        self.busy = False
        self.tabs = tabs = QTabWidget(self)
        self.positions_page = self._build_positions()
        self.images_page = self._build_images()
        tabs.addTab(self.positions_page, self.tr("PTZ positions"))
        tabs.addTab(self.images_page, self.tr("Image check"))
        from widgets.wall.camera_map_panel import CameraMapPanel  # noqa: PLC0415

        self.map_panel = CameraMapPanel(self.session, self)
        self.map_panel.applied.connect(lambda _v: self._image_camera_changed())
        tabs.addTab(self.map_panel, self.tr("Camera map"))
        tabs.currentChanged.connect(
            lambda i: self.map_panel.load() if tabs.widget(i) is self.map_panel else None)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(tabs)
        panel_shortcut(self, "F5", self._check_shown_tab)
        panel_shortcut(self, "Ctrl+R", self.restore_selected)
        panel_shortcut(self, "Ctrl+Shift+R", self.restore_all)

    # -- PTZ positions -------------------------------------------------------------------
    def _build_positions(self) -> QWidget:
        page = QWidget(self)
        self.check_button = QPushButton(self.tr("Check now (F5)"), page)
        # clicked(bool) would hand its `checked` to check_now as the trigger
        self.check_button.clicked.connect(lambda: self.check_now())
        self.restore_button = QPushButton(self.tr("Restore (Ctrl+R)"), page)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_all_button = QPushButton(self.tr("Restore all (Ctrl+Shift+R)"), page)
        self.restore_all_button.clicked.connect(self.restore_all)
        self.table = QTableWidget(0, 6, page)
        self.table.setHorizontalHeaderLabels([
            self.tr("Camera"), self.tr("Position"), self.tr("Δ pan"), self.tr("Δ tilt"),
            self.tr("Δ zoom / field of view"), self.tr("Result")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open_camera(row))
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.check_button)
        bar.addWidget(self.restore_button)
        bar.addWidget(self.restore_all_button)
        bar.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        self._enable()
        return page

    def _checker(self):  # type: ignore[no-untyped-def]
        """The check over this console's PTZ controllers (made here, on the GUI thread)."""
        from video.ptz.check import CameraMapCheck  # noqa: PLC0415

        link = self.walls.ptz
        controllers = {code: link.controller(cam)
                       for code, cam in self.walls.cameras.items() if link.can_control(cam)}
        return CameraMapCheck(controllers)

    def _check_shown_tab(self) -> None:
        """F5: the check of the tab on show (positions or image)."""
        if self.tabs.currentWidget() is self.images_page:
            self.check_image()
        elif self.tabs.currentWidget() is self.positions_page:
            self.check_now()

    def check_now(self, trigger: str = "on_demand") -> None:
        ctx, user, desk = self.session.ctx, self.session.user, self.session.desk
        if self.busy or user is None or desk is None or not self.walls.cameras:
            return
        checker = self._checker()
        self._set_busy(True, self.tr("Reading every PTZ camera's position…"))
        self.session.runner.submit(
            lambda: checker.run_check(ctx.ptz_check, user, desk.id, trigger),
            self._checked, self._failed, owner=self)

    def check_at_shift_start(self) -> None:
        """Once per shift: when this desk has no check since the shift began."""
        ctx, desk, shift = self.session.ctx, self.session.desk, self.session.shift
        user = self.session.user
        if desk is None or shift is None or user is None or not user.can(Permission.LOG_WRITE) \
                or self.session.unattended:
            return

        def due() -> bool:
            runs = ctx.ptz_check.runs(desk.id, limit=1)
            return bool(ctx.ptz_check.references()) and (
                not runs or runs[0].started_at < shift.starts_at)

        def then(need: bool) -> None:
            if need:
                self.check_now("shift_start")

        self.session.runner.submit(due, then, lambda exc: log.warning("check due: %s", exc),
                                   owner=self)

    def _checked(self, result: CheckRunResult) -> None:
        self.result = result
        self._show(result)
        self._set_busy(False)
        self.checked.emit(result)

    def _show(self, result: CheckRunResult) -> None:
        self.table.setRowCount(len(result.deviations))
        counts: dict[str, int] = {}
        for r, d in enumerate(result.deviations):
            dp, dt, dz, unit = d.display_deltas()
            values = [d.camera, d.position.name if d.position else "—", _fmt(dp, unit),
                      _fmt(dt, unit), _fmt(dz, unit), self._outcome(d.outcome)]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 5:
                    item.setForeground(QBrush(QColor(self._colour(d.outcome))))
                self.table.setItem(r, c, item)
            counts[d.outcome] = counts.get(d.outcome, 0) + 1
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(self.tr(
            "{n} cameras: {ok} in position, {out} out of position, {nv} cannot be verified "
            "by status (check them by image). Written to the duty log.")
            .replace("{n}", str(len(result.deviations)))
            .replace("{ok}", str(counts.get(IN_POSITION, 0)))
            .replace("{out}", str(sum(v for k, v in counts.items() if k in LEFT_OUT)))
            .replace("{nv}", str(sum(v for k, v in counts.items() if k in NOT_VERIFIABLE))))
        self._enable()

    @staticmethod
    def _outcome(outcome: str) -> str:
        return translate("ptz_check", OUTCOME_TEXTS.get(outcome, outcome))

    @staticmethod
    def _colour(outcome: str) -> str:
        if outcome in (IN_POSITION, "arrived"):
            return theme.OK
        return theme.ALARM if outcome in LEFT_OUT else theme.WARN

    def _selected_camera(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def restore_selected(self) -> None:
        code = self._selected_camera()
        if code is not None:
            self._restore([code])

    def restore_all(self) -> None:
        if self.result is not None:
            from video.ptz.check import out_of_position  # noqa: PLC0415

            self._restore(out_of_position(self.result))

    def _restore(self, codes: list[str]) -> None:
        ctx, user, result = self.session.ctx, self.session.user, self.result
        if self.busy or result is None or not codes or user is None:
            return
        checker = self._checker()
        self._set_busy(True, self.tr("Restoring {n} camera(s) and checking they arrive…")
                       .replace("{n}", str(len(codes))))

        def work() -> list:  # type: ignore[type-arg]
            refs = [r for r in ctx.ptz_check.references() if r.camera in codes]
            return checker.restore_all_and_record(ctx.ptz_check, user, result.run.id, refs)

        self.session.runner.submit(work, self._restored, self._failed, owner=self)

    def _restored(self, rows: list) -> None:  # type: ignore[type-arg]
        self._set_busy(False)
        by_code = {row.camera_code: row for row in rows}
        for r in range(self.table.rowCount()):
            code = self.table.item(r, 0).text()
            if code in by_code:
                outcome = by_code[code].outcome
                item = QTableWidgetItem(self._outcome(outcome))
                item.setForeground(QBrush(QColor(self._colour(outcome))))
                self.table.setItem(r, 5, item)
                self.restored.emit(code, outcome)
        self.summary.setText(self.tr("Restore written to the duty log."))

    def _open_camera(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.walls.show_cameras([item.text()])

    # -- image check ---------------------------------------------------------------------
    def _build_images(self) -> QWidget:
        page = QWidget(self)
        self.image_camera = QComboBox(page)
        self.image_camera.currentIndexChanged.connect(self._image_camera_changed)
        self.image_position = QComboBox(page)
        self.reference_button = QPushButton(self.tr("Set the reference from the live picture"),
                                            page)
        self.reference_button.clicked.connect(lambda: self.set_reference())
        self.image_button = QPushButton(self.tr("Check by image (F5)"), page)
        self.image_button.clicked.connect(lambda: self.check_image())
        self.image_result = QLabel(page)
        self.image_result.setWordWrap(True)
        self.overlay = QLabel(page)
        self.overlay.setObjectName("driftOverlay")
        self.overlay.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.overlay.setMinimumHeight(180)
        legend = QLabel(self.tr("Left: reference edges magenta, live edges green (white where "
                                "they coincide). Right: aligned, obstructed areas in yellow."),
                        page)
        legend.setObjectName("muted")
        legend.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.image_camera, 2)
        row.addWidget(self.image_position, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reference_button)
        buttons.addWidget(self.image_button)
        lay = QVBoxLayout(page)
        lay.addLayout(row)
        lay.addLayout(buttons)
        lay.addWidget(self.image_result)
        lay.addWidget(self.overlay, 1)
        lay.addWidget(legend)
        self.walls.camerasLoaded.connect(self._image_cameras)
        self._image_cameras()
        return page

    def _image_cameras(self) -> None:
        self.image_camera.blockSignals(True)
        self.image_camera.clear()
        for cam in sorted(self.walls.cameras.values(), key=lambda c: c.number):
            self.image_camera.addItem(cam.label, cam.code)
        self.image_camera.blockSignals(False)
        self._image_camera_changed()
        self._enable()

    def _image_camera_changed(self) -> None:
        code = self.image_camera.currentData()
        self.image_position.clear()
        self.image_position.addItem(self.tr("(whole view)"), "")
        if not code:
            return
        ctx = self.session.ctx

        def positions() -> list[tuple[str, str]]:
            refs = [r for r in ctx.camera_map.references(ptz_only=False) if r.camera == code]
            return [(p.code, p.name) for r in refs for p in r.positions]

        def show(items: list[tuple[str, str]]) -> None:
            if self.image_camera.currentData() != code:
                return
            for pcode, name in items:
                self.image_position.addItem(f"{pcode} · {name}", pcode)

        self.session.runner.submit(positions, show, background_failure("watch positions"),
                                   owner=self)

    def set_reference(self) -> None:
        cam = self.walls.cameras.get(self.image_camera.currentData() or "")
        ctx, user = self.session.ctx, self.session.user
        position = self.image_position.currentData() or ""
        if cam is None or user is None or self.busy:
            return
        from video.snapshot import encode_png, meta_for  # noqa: PLC0415

        def work():  # type: ignore[no-untyped-def]
            frame = capture_frame(cam.main_url, name=f"{cam.code} reference")
            meta = meta_for(cam, ctx.clock.now(), "reference", user.full_name,
                            frame.source_width, frame.source_height, "main")
            png = encode_png(frame.image, meta)  # type: ignore[arg-type]
            return ctx.image_checks.set_reference(user, cam.code, position, png,
                                                  frame.source_width, frame.source_height)

        self._set_busy(True, self.tr("Taking the reference picture…"))
        self.session.runner.submit(work, lambda info: (
            self._set_busy(False),
            self.image_result.setText(self.tr("Reference set ({w}×{h}).")
                                      .replace("{w}", str(info.width))
                                      .replace("{h}", str(info.height)))), self._failed, owner=self)

    def check_image(self) -> None:
        cam = self.walls.cameras.get(self.image_camera.currentData() or "")
        ctx, user, desk = self.session.ctx, self.session.user, self.session.desk
        position = self.image_position.currentData() or ""
        if cam is None or user is None or desk is None or self.busy:
            return
        from PIL import Image  # noqa: PLC0415

        from video.drift import DriftThresholds, compare, overlay, summary_vi  # noqa: PLC0415

        def work():  # type: ignore[no-untyped-def]
            thresholds = DriftThresholds.from_mapping(dict(ctx.settings.drift_thresholds))
            found = ctx.image_checks.reference(cam.code, position)
            if found is None:
                return None
            _info, png = found
            reference = np.array(Image.open(io.BytesIO(png)).convert("RGB"))
            live = capture_frame(cam.sub_url or cam.main_url, name=f"{cam.code} check").image
            report = compare(reference, live, thresholds)
            ctx.image_checks.record(user, desk.id, cam.code, position, report.verdict.value,
                                    summary_vi(report))
            return report, overlay(reference, live, report)

        def done(found) -> None:  # type: ignore[no-untyped-def]
            self._set_busy(False)
            if found is None:
                self.image_result.setText(self.tr(
                    "No reference picture for this camera and position yet."))
                return
            report, picture = found
            text = report.message(translate)
            if report.fault:
                text += " " + self.tr("Written to the duty log; a notice to the managing "
                                      "unit was prepared.")
            self.image_result.setText(text)
            colour = theme.ALARM if report.fault else (theme.OK if report.ok else theme.WARN)
            self.image_result.setStyleSheet(f"color: {colour};")
            self.overlay.setPixmap(QPixmap.fromImage(rgb_image(picture)).scaledToWidth(
                max(320, self.overlay.width()), Qt.TransformationMode.SmoothTransformation))
            self.imageChecked.emit(cam.code, report.verdict.value)

        self._set_busy(True, self.tr("Comparing the live picture with the reference…"))
        self.session.runner.submit(work, done, self._failed, owner=self)

    # -- common --------------------------------------------------------------------------
    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if text:
            self.summary.setText(text)
            self.image_result.setText(text)
            self.image_result.setStyleSheet("")
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.summary.setText(message_of(exc))
        self.image_result.setText(message_of(exc))

    def _enable(self) -> None:
        idle = not self.busy
        user = self.session.user
        keeper = user is not None and user.can(Permission.CAMERA_MAP)
        self.check_button.setEnabled(idle)
        has_result = self.result is not None
        self.restore_button.setEnabled(idle and has_result)
        self.restore_all_button.setEnabled(idle and has_result)
        if hasattr(self, "image_button"):
            self.image_button.setEnabled(idle and self.image_camera.count() > 0)
            self.reference_button.setEnabled(idle and keeper and self.image_camera.count() > 0)


__all__ = ["CameraMapCheckPanel"]
