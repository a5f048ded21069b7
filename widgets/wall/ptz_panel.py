"""The PTZ panel: the presets of the PTZ camera selected on a wall (or chosen here) —
go to one (Enter or double-click), save the current position as a new one, rename or
remove one (room-level and shift leaders, admins: the core's permission), run a tour
through them — and who holds the camera, with "take over" for a shift leader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.auth import Permission
from app.cameras.ptz_holds import may_take_over
from widgets.wall.manager import WallManager
from widgets.wall.wall import WallCamera

TOKEN_ROLE = Qt.ItemDataRole.UserRole


class PtzPanel(QWidget):
    """See the module doc."""

    def __init__(self, walls: WallManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.walls = walls
        self.link = walls.ptz
        self.camera_box = QComboBox(self)
        self.camera_box.currentIndexChanged.connect(self._camera_changed)
        self.holder = QLabel(self)
        self.holder.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Take over"), self)
        self.take_button.clicked.connect(self._take_over)
        self.presets = QListWidget(self)
        self.presets.itemActivated.connect(lambda _i: self.goto_selected())
        self.go_button = QPushButton(self.tr("Go to (Enter)"), self)
        self.go_button.clicked.connect(self.goto_selected)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name of a new preset"))
        self.save_button = QPushButton(self.tr("Save current position"), self)
        self.save_button.clicked.connect(self.save_current)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.rename_button.clicked.connect(self.rename_selected)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.dwell = QSpinBox(self)
        self.dwell.setRange(3, 600)
        self.dwell.setValue(10)
        self.dwell.setSuffix(self.tr(" s per preset"))
        self.tour_button = QPushButton(self.tr("Start tour"), self)
        self.tour_button.clicked.connect(self.toggle_tour)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        hold = QHBoxLayout()
        hold.addWidget(self.holder, 1)
        hold.addWidget(self.take_button)
        edit = QHBoxLayout()
        edit.addWidget(self.name, 1)
        edit.addWidget(self.save_button)
        actions = QHBoxLayout()
        actions.addWidget(self.go_button)
        actions.addWidget(self.rename_button)
        actions.addWidget(self.remove_button)
        tour = QHBoxLayout()
        tour.addWidget(self.dwell)
        tour.addWidget(self.tour_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.camera_box)
        lay.addLayout(hold)
        lay.addWidget(self.presets, 1)
        lay.addLayout(actions)
        lay.addLayout(edit)
        lay.addLayout(tour)
        lay.addWidget(self.status)
        walls.camerasLoaded.connect(self._cameras)
        walls.cameraSelected.connect(self.show_camera)
        self.link.presetsLoaded.connect(self._presets)
        self.link.holdChanged.connect(self._holder)
        self.link.failed.connect(self._failed)
        self._cameras()

    # -- which camera --------------------------------------------------------------------
    def camera(self) -> WallCamera | None:
        return self.walls.cameras.get(self.camera_box.currentData() or "")

    def _cameras(self) -> None:
        self.camera_box.blockSignals(True)
        self.camera_box.clear()
        for cam in sorted(self.walls.cameras.values(), key=lambda c: c.number):
            if self.link.can_control(cam):
                self.camera_box.addItem(cam.label, cam.code)
        self.camera_box.blockSignals(False)
        self._camera_changed()

    def show_camera(self, code: str) -> None:
        index = self.camera_box.findData(code)
        if index >= 0:
            self.camera_box.setCurrentIndex(index)

    def _camera_changed(self) -> None:
        cam = self.camera()
        self.presets.clear()
        self.status.clear()
        self._holder(cam.code if cam else "", "")
        if cam is not None and self.isVisible():   # no connection to a camera unseen
            self.link.load_presets(cam)
        self._enable()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        cam = self.camera()
        if cam is not None and cam.code not in self.link.presets:
            self.link.load_presets(cam)

    # -- actions -------------------------------------------------------------------------
    def _token(self) -> str | None:
        item = self.presets.currentItem()
        return item.data(TOKEN_ROLE) if item is not None else None

    def goto_selected(self) -> None:
        cam, row = self.camera(), self.presets.currentRow()
        if cam is not None and row >= 0:
            self.link.goto_preset(cam, row + 1)

    def save_current(self) -> None:
        cam, name = self.camera(), self.name.text().strip()
        if cam is not None and name:
            self.link.save_preset(cam, name)
            self.name.clear()

    def rename_selected(self) -> None:
        cam, token, item = self.camera(), self._token(), self.presets.currentItem()
        if cam is None or token is None or item is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename the preset"),
                                        self.tr("New name"), text=item.text())
        if ok and name.strip():
            self.link.rename_preset(cam, token, name.strip())

    def remove_selected(self) -> None:
        cam, token = self.camera(), self._token()
        if cam is not None and token is not None:
            self.link.remove_preset(cam, token)

    def toggle_tour(self) -> None:
        cam = self.camera()
        if cam is None:
            return
        if self.link.tour_running(cam.code):
            self.link.stop_tour(cam)
        else:
            self.link.start_tour(cam, float(self.dwell.value()))
        self._enable()

    def _take_over(self) -> None:
        cam = self.camera()
        if cam is not None:
            self.link.take_over(cam)

    # -- results -------------------------------------------------------------------------
    def _presets(self, code: str, presets: list) -> None:  # type: ignore[type-arg]
        cam = self.camera()
        if cam is None or cam.code != code:
            return
        self.presets.clear()
        for i, p in enumerate(presets, start=1):
            item = QListWidgetItem(f"{i}*  {p.name}")
            item.setData(TOKEN_ROLE, p.token)
            self.presets.addItem(item)
        self._enable()

    def _holder(self, code: str, text: str) -> None:
        cam = self.camera()
        if cam is None or code != cam.code:
            return
        self.holder.setText(text or self.tr("Free, or held by this console"))
        user = self.link.session.user
        self.take_button.setVisible(bool(text) and user is not None and may_take_over(user))

    def _failed(self, code: str, message: str) -> None:
        cam = self.camera()
        if cam is not None and cam.code == code:
            self.status.setText(message)

    def _enable(self) -> None:
        cam = self.camera()
        user = self.link.session.user
        may_edit = user is not None and user.can(Permission.PTZ_PRESETS)
        has = cam is not None
        for w in (self.go_button, self.tour_button, self.presets):
            w.setEnabled(has)
        for w in (self.save_button, self.rename_button, self.remove_button, self.name):
            w.setEnabled(has and may_edit)
        self.tour_button.setText(self.tr("Stop tour") if cam and self.link.tour_running(cam.code)
                                 else self.tr("Start tour"))


__all__ = ["PtzPanel"]
