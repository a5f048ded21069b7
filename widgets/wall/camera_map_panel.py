"""The camera map's versions and its import (Đ14.1.1b): the managing sub-department's
file (CSV, JSON or XLSX) is read and checked on a worker, its differences with the
current version are shown (positions and calibrations added, removed, changed with
old → new values), and only then applied as a new version — by a keeper of the camera
map (the core refuses anyone else, and a version applied meanwhile by another
console)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.cameras.map_diff import CameraMapDiff
from app.cameras.map_model import FIELD_TEXTS, CameraMapData
from app.clock import fmt_local
from widgets.messages import message_of, translate
from widgets.session import ConsoleSession


def _value(v: object) -> str:
    if v is None:
        return "—"
    return f"{v:g}" if isinstance(v, float) else str(v)


class CameraMapPanel(QWidget):
    """See the module doc."""

    applied = Signal(object)     # the new CameraMapVersion

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pending: tuple[CameraMapData, CameraMapDiff] | None = None
        self.versions = QTreeWidget(self)
        self.versions.setHeaderLabels([self.tr("Version"), self.tr("File"), self.tr("Applied"),
                                       self.tr("Cameras")])
        self.versions.setRootIsDecorated(False)
        self.import_button = QPushButton(self.tr("Import a camera map file…"), self)
        self.import_button.clicked.connect(self.choose_file)
        self.diff = QTreeWidget(self)
        self.diff.setHeaderLabels([self.tr("Change"), self.tr("Old"), self.tr("New")])
        self.apply_button = QPushButton(self.tr("Apply as the new version"), self)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(self.tr("Discard"), self)
        self.cancel_button.clicked.connect(self.discard)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.apply_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.versions, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.diff, 2)
        lay.addWidget(self.status)
        self._enable()

    def load(self) -> None:
        cmap = self.session.ctx.camera_map
        self.session.runner.submit(cmap.versions, self._versions,
                                   lambda exc: self.status.setText(message_of(exc)), owner=self)

    def _versions(self, versions: list) -> None:  # type: ignore[type-arg]
        self.versions.clear()
        for v in versions:
            QTreeWidgetItem(self.versions, [str(v.number), v.filename, fmt_local(v.imported_at),
                                            str(v.cameras)])
        self.versions.resizeColumnToContents(1)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Camera map file"), "",
            self.tr("Camera map (*.csv *.json *.xlsx)"))
        if path:
            self.read_file(Path(path))

    def read_file(self, path: Path) -> None:
        """Reads and checks `path`, then shows what applying it would change."""
        cmap = self.session.ctx.camera_map
        self.status.setText(self.tr("Reading {file}…").replace("{file}", path.name))

        def work() -> tuple[CameraMapData, CameraMapDiff]:
            data = cmap.load_file(path)
            return data, cmap.diff(data)

        self.session.runner.submit(work, self._show_diff, self._failed, owner=self)

    def _show_diff(self, found: tuple[CameraMapData, CameraMapDiff]) -> None:
        data, d = found
        self.pending = found
        self.diff.clear()

        def group(title: str, n: int) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self.diff, [f"{title} ({n})"])
            item.setExpanded(True)
            return item

        if d.added:
            g = group(self.tr("Positions added"), len(d.added))
            for p in d.added:
                QTreeWidgetItem(g, [f"{p.camera} {p.code} · {p.name}", "",
                                    f"{_value(p.pan)}, {_value(p.tilt)}, {_value(p.zoom)}"])
        if d.removed:
            g = group(self.tr("Positions removed"), len(d.removed))
            for p in d.removed:
                QTreeWidgetItem(g, [f"{p.camera} {p.code} · {p.name}",
                                    f"{_value(p.pan)}, {_value(p.tilt)}, {_value(p.zoom)}", ""])
        if d.changed:
            g = group(self.tr("Positions changed"), len(d.changed))
            for c in d.changed:
                pos = QTreeWidgetItem(g, [f"{c.new.camera} {c.new.code} · {c.new.name}"])
                pos.setExpanded(True)
                for f in c.changes:
                    QTreeWidgetItem(pos, [translate("camera_map", FIELD_TEXTS.get(f.field,
                                                                                  f.field)),
                                          _value(f.old), _value(f.new)])
        calib = len(d.calibrations_added) + len(d.calibrations_removed) + \
            len(d.calibrations_changed)
        if calib:
            g = group(self.tr("Calibrations added, removed or changed"), calib)
            for c in d.calibrations_changed:
                cam = QTreeWidgetItem(g, [c.new.camera])
                for f in c.changes:
                    QTreeWidgetItem(cam, [translate("camera_map", FIELD_TEXTS.get(f.field,
                                                                                  f.field)),
                                          _value(f.old), _value(f.new)])
            for c in d.calibrations_added:
                QTreeWidgetItem(g, [c.camera, "", self.tr("added")])
            for c in d.calibrations_removed:
                QTreeWidgetItem(g, [c.camera, self.tr("removed"), ""])
        self.diff.resizeColumnToContents(0)
        self.status.setText(self.tr("No change against the current version.") if d.empty
                            else self.tr("Check the changes, then apply them."))
        self._enable()

    def apply(self) -> None:
        if self.pending is None:
            return
        data, d = self.pending
        ctx, user = self.session.ctx, self.session.user

        def done(version) -> None:  # type: ignore[no-untyped-def]
            self.pending = None
            self.diff.clear()
            self.status.setText(self.tr("Version {n} applied.").replace("{n}",
                                                                       str(version.number)))
            self._enable()
            self.load()
            self.applied.emit(version)

        self.session.runner.submit(lambda: ctx.camera_map.apply(user, data, d.base_version_id),
                                   done, self._failed, owner=self)

    def discard(self) -> None:
        self.pending = None
        self.diff.clear()
        self.status.clear()
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_of(exc))

    def _enable(self) -> None:
        user = self.session.user
        keeper = user is not None and user.can(Permission.CAMERA_MAP)
        self.import_button.setEnabled(keeper)
        ready = self.pending is not None and not self.pending[1].empty
        self.apply_button.setEnabled(keeper and ready)
        self.cancel_button.setEnabled(self.pending is not None)


__all__ = ["CameraMapPanel"]
