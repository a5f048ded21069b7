"""The area checklist of the shift (Đ14.4): pick a site, start (or resume) its checklist,
and work through its zones: open a zone's camera group on the wall (Enter), tick it
"checked" (Ctrl+K) or "problem" with a remark (Ctrl+Shift+K), and finish (Ctrl+Enter): the
result is one duty-log entry. Every step runs on the task runner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.cameras.checklists import RunProgress
from widgets import theme
from widgets.messages import message_of
from widgets.panels import Panel
from widgets.session import ConsoleSession
from widgets.shortcuts import CONFIRM, panel_shortcut

ZONE_ROLE = Qt.ItemDataRole.UserRole


class ChecklistPanel(Panel):
    """See the module doc. It loads the sites and their checklists (`load`, by the
    window once the cameras are in, and when opened); a run's steps show their
    outcome in its status line."""

    openCameras = Signal(list)      # camera codes of a zone, for the wall
    finished = Signal(object)       # the finished ChecklistRun

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.progress: RunProgress | None = None
        self.site = QComboBox(self)
        self.start_button = QPushButton(self.tr("Start / resume"), self)
        self.start_button.clicked.connect(self.start)
        self.zones = QTreeWidget(self)
        self.zones.setHeaderLabels([self.tr("Zone"), self.tr("Cameras"), self.tr("Result")])
        self.zones.setRootIsDecorated(False)
        self.zones.itemActivated.connect(lambda item, _c: self.open_selected())
        self.remark = QLineEdit(self)
        self.remark.setPlaceholderText(self.tr("Remark (required for a problem)"))
        self.ok_button = QPushButton(self.tr("Checked (Ctrl+K)"), self)
        self.ok_button.clicked.connect(lambda: self.tick("ok"))
        self.problem_button = QPushButton(self.tr("Problem (Ctrl+Shift+K)"), self)
        self.problem_button.clicked.connect(lambda: self.tick("problem"))
        self.finish_button = QPushButton(self.tr("Finish and log (Ctrl+Enter)"), self)
        self.finish_button.clicked.connect(self.finish)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Site"), self))
        top.addWidget(self.site, 1)
        top.addWidget(self.start_button)
        ticks = QHBoxLayout()
        ticks.addWidget(self.remark, 1)
        ticks.addWidget(self.ok_button)
        ticks.addWidget(self.problem_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.state_line)
        lay.addLayout(top)
        lay.addWidget(self.zones, 1)
        lay.addLayout(ticks)
        lay.addWidget(self.finish_button)
        lay.addWidget(self.status)
        panel_shortcut(self, "Ctrl+K", lambda: self.tick("ok"))
        panel_shortcut(self, "Ctrl+Shift+K", lambda: self.tick("problem"))
        panel_shortcut(self, CONFIRM, self.finish)
        self._enable()

    # -- loading -------------------------------------------------------------------------
    def query(self):  # type: ignore[no-untyped-def]
        return self.session.ctx.checklists.sites

    def present(self, sites: dict) -> None:  # type: ignore[type-arg]
        self.site.clear()
        for site, types in sites.items():
            for t in types:
                self.site.addItem(f"{site} — {t.name}", (site, t.code))

    def start(self) -> None:
        data = self.site.currentData()
        ctx, user, desk, shift = (self.session.ctx, self.session.user, self.session.desk,
                                  self.session.shift)
        if data is None or user is None or desk is None or shift is None:
            return
        site, site_type = data

        def work() -> RunProgress:
            run = ctx.checklists.start(user, desk.id, shift.id, site, site_type)
            return ctx.checklists.progress(run.id)

        self.session.runner.submit(work, self._show, self._failed, owner=self)

    # -- working through -----------------------------------------------------------------
    def _zone(self) -> str | None:
        item = self.zones.currentItem()
        return item.data(0, ZONE_ROLE) if item is not None else None

    def open_selected(self) -> None:
        code = self._zone()
        if self.progress is None or code is None:
            return
        zone = self.progress.checklist.zone(code)
        if zone.camera_codes:
            self.openCameras.emit(list(zone.camera_codes))
        else:
            self.status.setText(self.tr("No camera covers this zone."))

    def tick(self, status: str) -> None:
        code = self._zone()
        if self.progress is None or code is None:
            return
        remark = self.remark.text().strip()
        if status == "problem" and not remark:
            self.status.setText(self.tr("Describe the problem in the remark."))
            self.remark.setFocus()
            return
        ctx, user, run_id = self.session.ctx, self.session.user, self.progress.run.id

        def work() -> RunProgress:
            ctx.checklists.tick(user, run_id, code, status, remark)
            return ctx.checklists.progress(run_id)

        def done(progress: RunProgress) -> None:
            self.remark.clear()
            self._show(progress)
            self._select_next()

        self.session.runner.submit(work, done, self._failed, owner=self)

    def finish(self) -> None:
        if self.progress is None:
            return
        ctx, user, run_id = self.session.ctx, self.session.user, self.progress.run.id

        def done(run) -> None:  # type: ignore[no-untyped-def]
            self.status.setText(self.tr("Checklist finished and written to the duty log."))
            self.progress = None
            self.zones.clear()
            self._enable()
            self.finished.emit(run)

        self.session.runner.submit(lambda: ctx.checklists.finish(user, run_id), done,
                                   self._failed, owner=self)

    # -- showing -------------------------------------------------------------------------
    def _show(self, progress: RunProgress) -> None:
        current = self._zone()
        self.progress = progress
        self.zones.clear()
        for z in progress.checklist.zones:
            tick = progress.ticks.get(z.zone.code)
            result = ""
            if tick is not None:
                result = self.tr("checked") if tick.status == "ok" else \
                    self.tr("problem: {remark}").replace("{remark}", tick.remark)
            item = QTreeWidgetItem(self.zones, [z.zone.name, ", ".join(z.camera_codes) or "—",
                                                result])
            item.setData(0, ZONE_ROLE, z.zone.code)
            item.setToolTip(0, z.zone.text)
            if tick is not None:
                item.setForeground(2, QBrush(QColor(theme.OK if tick.status == "ok"
                                                    else theme.ALARM)))
            if z.zone.code == current:
                self.zones.setCurrentItem(item)
        if self.zones.currentItem() is None:
            self._select_next()
        self.status.setText(self.tr("{done} of {all} zones checked").replace(
            "{done}", str(len(progress.ticks))).replace(
            "{all}", str(len(progress.checklist.zones))))
        self._enable()

    def _select_next(self) -> None:
        if self.progress is None:
            return
        for i in range(self.zones.topLevelItemCount()):
            item = self.zones.topLevelItem(i)
            if item.data(0, ZONE_ROLE) not in self.progress.ticks:
                self.zones.setCurrentItem(item)
                return

    def _enable(self) -> None:
        running = self.progress is not None
        for w in (self.ok_button, self.problem_button, self.remark):
            w.setEnabled(running)
        self.finish_button.setEnabled(running and not self.progress.remaining)  # type: ignore[union-attr]

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_of(exc))


__all__ = ["ChecklistPanel"]
