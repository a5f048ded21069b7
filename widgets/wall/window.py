"""A wall window: one per monitor, full-screen or windowed, holding a `CameraWall` under a
thin tool bar (layout, full screen, diagnostics, screenshot). A minimised or hidden
window stops decoding its streams; closing it releases every stream.

Keys: F11 full screen, Ctrl+D on-tile diagnostics, F12 screenshot evidence of the
selected cell, Ctrl+1…Ctrl+6 the grids 1/4/9/16/25/36; the wall's own keys (numbers +
Enter, arrows, Esc, Delete) when it has focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from video.stream import StreamConfig
from widgets.wall.layouts import LAYOUT_NAMES, WallView
from widgets.wall.wall import CameraWall, WallCamera


class WallWindow(QWidget):
    """See the module doc."""

    closed = Signal(object)              # this window
    screenshotRequested = Signal(str)    # camera code of the selected cell
    viewChanged = Signal()

    def __init__(self, cameras: dict[str, WallCamera], view: WallView | None = None, *,
                 title: str = "", config: StreamConfig | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("cameraWallWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = view or WallView()
        self.wall = CameraWall(cameras, view, self, config=config)
        self._title = title
        self.layout_box = QComboBox(self)
        for name in LAYOUT_NAMES:
            self.layout_box.addItem(name, name)
        if self.layout_box.findData(self.wall.layout_name) < 0:
            self.layout_box.addItem(self.wall.layout_name, self.wall.layout_name)
        self.layout_box.setCurrentIndex(self.layout_box.findData(self.wall.layout_name))
        self.layout_box.setToolTip(self.tr("Layout (Ctrl+1…Ctrl+6)"))
        self.layout_box.currentIndexChanged.connect(
            lambda _i: self.wall.set_layout(self.layout_box.currentData()))
        self.full_button = QPushButton(self.tr("Full screen (F11)"), self)
        self.full_button.clicked.connect(self.toggle_full_screen)
        self.diag_button = QPushButton(self.tr("Diagnostics (Ctrl+D)"), self)
        self.diag_button.setCheckable(True)
        self.diag_button.toggled.connect(self.wall.set_diagnostics)
        self.shot_button = QPushButton(self.tr("Screenshot evidence (F12)"), self)
        self.shot_button.clicked.connect(self.request_screenshot)
        self.status = QLabel(self)
        self.status.setObjectName("wallStatus")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 3, 6, 3)
        bar.addWidget(QLabel(self.tr("Layout"), self))
        bar.addWidget(self.layout_box)
        bar.addWidget(self.full_button)
        bar.addWidget(self.diag_button)
        bar.addWidget(self.shot_button)
        bar.addStretch(1)
        bar.addWidget(self.status)
        self.bar = QWidget(self)
        self.bar.setLayout(bar)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.bar)
        lay.addWidget(self.wall, 1)
        for keys, slot in (("F11", self.toggle_full_screen),
                           ("Ctrl+D", self.diag_button.toggle),
                           ("F12", self.request_screenshot)):
            QShortcut(QKeySequence(keys), self, slot)
        for i, name in enumerate(("1", "4", "9", "16", "25", "36"), start=1):
            QShortcut(QKeySequence(f"Ctrl+{i}"), self,
                      lambda n=name: self.layout_box.setCurrentIndex(
                          self.layout_box.findData(n)))
        self.wall.viewChanged.connect(self.viewChanged)
        self.wall.messageRaised.connect(self.status.setText)
        self.wall.setFocus()
        self._full = False
        self._update_title()

    # -- placement -----------------------------------------------------------------------
    def place(self, screen: QScreen | None, geometry: tuple[int, int, int, int] | None,
              full_screen: bool) -> None:
        """Put the window on `screen` (windowed at `geometry` if it lies on that screen)."""
        screen = screen or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry()
        rect = QRect(*geometry) if geometry else None
        if rect is None or not avail.intersects(rect):
            rect = avail.adjusted(40, 40, -40, -40)
        self.setScreen(screen)
        self.setGeometry(rect)
        self._full = full_screen
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self._update_title()

    def view(self) -> WallView:
        v = self.wall.view()
        screen = self.screen()
        v.screen = screen.name() if screen is not None else None
        g = self.normalGeometry() if self._full else self.geometry()
        v.geometry = (g.x(), g.y(), g.width(), g.height())
        v.full_screen = self._full
        return v

    def toggle_full_screen(self) -> None:
        self._full = not self._full
        if self._full:
            self.showFullScreen()
        else:
            self.showNormal()
        self.viewChanged.emit()

    def request_screenshot(self) -> None:
        cell = self.wall.cells[self.wall.selected]
        if cell.camera_code is None:
            self.status.setText(self.tr("Select a cell that shows a camera."))
            return
        self.screenshotRequested.emit(cell.camera_code)

    def _update_title(self) -> None:
        """"Camera wall 2 — monitor 3": the monitor by its number, as the officers count
        them, and only when there is more than one."""
        title = (self.tr("Camera wall {n}").format(n=self._title) if self._title
                 else self.tr("Camera wall"))
        screens = QGuiApplication.screens()
        screen = self.screen()
        if len(screens) > 1 and screen in screens:
            title += " — " + self.tr("monitor {m}").format(m=screens.index(screen) + 1)
        self.setWindowTitle(title)

    # -- visibility: no decoding when nobody can see the wall ----------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isMinimized():
                self.wall.pause()
            elif self.isVisible():
                self.wall.resume()
        super().changeEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802, ANN001
        super().hideEvent(event)
        if not event.spontaneous() or self.isMinimized():
            self.wall.pause()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        if not self.isMinimized():
            self.wall.resume()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit(self)
        self.wall.shutdown()
        super().closeEvent(event)


__all__ = ["WallWindow"]
