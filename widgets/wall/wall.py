"""A camera wall: cells of a layout, each showing a camera (or a sequence of cameras) in a
`CameraTile`; selection, drag-and-drop from the camera tree, call-up by number from the
keyboard, maximise, sequences, and load shedding.

Keys (the wall has focus): digits type a camera number, Enter puts that camera in the
selected cell (Enter with no number maximises the selected cell or restores the grid),
Esc clears the number or leaves the maximised cell, arrows move the selection, Delete
empties the selected cell, M mutes or unmutes a mobile camera's sound. On a PTZ camera:
P toggles PTZ mode (then the arrows, the mouse wheel, dragging and the on-tile pad move
the camera), PgUp/PgDn zoom while held, a number and `*` go to that preset. Double-click on a
tile maximises it and back.

Load. Every cell's tile plays its sub-stream or main stream by the size it is drawn at
(the tile decides). A 100 ms timer measures how late the event loop runs it; once a
second `video.switching.LoadShedder` names the tiles that decode key frames only while
the loop is behind. `pause()` stops every stream (the window is hidden or minimised)
and `resume()` starts them again."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QLabel, QWidget

from video.memory import keep_frame_buffers
from video.stream import State, StreamConfig
from video.switching import LoadShedder, StreamChoice, TileLoad
from widgets import theme
from widgets.wall.layouts import CellContent, Layout, WallView
from widgets.wall.tile import CameraTile, join_retired

CAMERA_MIME = "application/x-customs-camera"


@dataclass(frozen=True)
class WallCamera:
    """What the wall needs of a registry camera: URLs carry the credentials."""

    code: str
    number: int           # the call-up number (the registry's id)
    name: str
    site: str
    zone: str
    kind: str
    sub_url: str | None
    main_url: str
    unit_id: int | None = None   # the managing unit
    onvif_url: str | None = None
    onvif_credentials: tuple[str, str] | None = None   # in memory only

    @property
    def label(self) -> str:
        return f"{self.number:02d} · {self.name}"


def camera_mime(codes: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(CAMERA_MIME, "\n".join(codes).encode())
    data.setText(", ".join(codes))
    return data


def codes_from_mime(data: QMimeData) -> list[str]:
    if not data.hasFormat(CAMERA_MIME):
        return []
    return [c for c in bytes(data.data(CAMERA_MIME).data()).decode().split("\n") if c]


class WallCell(QWidget):
    """One cell: a tile, or an empty frame that invites a drop."""

    clicked = Signal(int)
    dropped = Signal(int, list)    # cell index, camera codes

    def __init__(self, index: int, wall: CameraWall) -> None:
        super().__init__(wall)
        self.index = index
        self.wall = wall
        self.tile: CameraTile | None = None
        self.content = CellContent()
        self.position = 0          # in a sequence
        self.selected = False
        self.setAcceptDrops(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    @property
    def camera_code(self) -> str | None:
        return self.content.cameras[self.position] if self.content.cameras else None

    def set_tile(self, tile: CameraTile | None) -> None:
        old, self.tile = self.tile, tile
        if old is not None:
            old.release()            # threads end in the background
            old.hide()
            old.deleteLater()
        if tile is not None:
            tile.setParent(self)
            tile.setGeometry(self._inner())
            tile.show()
        self.update()

    def _inner(self) -> QRect:
        return self.rect().adjusted(2, 2, -2, -2)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        if self.tile is not None:
            self.tile.setGeometry(self._inner())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#05070a"))
        if self.tile is None:
            font = QFont(self.font())
            font.setPixelSize(max(10, min(18, self.height() // 10)))
            p.setFont(font)
            p.setPen(QColor(theme.MUTED))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("{n}\nDrop a camera here").replace("{n}", str(self.index + 1)))
        pen = QColor(theme.ACCENT if self.selected else "#1b222c")
        p.setPen(pen)
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.selected:
            p.drawRect(self.rect().adjusted(1, 1, -2, -2))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.clicked.emit(self.index)
        super().mousePressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if codes_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        codes = codes_from_mime(event.mimeData())
        if codes:
            event.acceptProposedAction()
            self.dropped.emit(self.index, codes)


class CameraWall(QWidget):
    """The cells of one wall; see the module doc."""

    cameraStateChanged = Signal(str, str, str)   # camera code, State value, reason
    viewChanged = Signal()
    selectionChanged = Signal(int)
    maximisedChanged = Signal(int)               # cell index, or -1
    callUpChanged = Signal(str)                  # the number being typed
    messageRaised = Signal(str)                  # e.g. "no camera number 99"

    def __init__(self, cameras: dict[str, WallCamera], view: WallView | None = None,
                 parent: QWidget | None = None, *, config: StreamConfig | None = None,
                 tile_factory: Callable[..., CameraTile] = CameraTile,
                 switch_interval: float = 3.0) -> None:
        super().__init__(parent)
        keep_frame_buffers()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.cameras = dict(cameras)
        self._config = config
        self._tile_factory = tile_factory
        self._switch_interval = switch_interval
        self.ptz = None   # the console's PtzLink (widgets/wall/ptz.py), set by its owner
        self._view = view or WallView()
        self._layout = Layout.parse(self._view.layout)
        self._contents: list[CellContent] = list(self._view.cells)
        self.cells: list[WallCell] = []
        self.selected = 0
        self.maximised = -1
        self._typed = ""
        self._paused = False
        self._diagnostics = False
        self._shedder = LoadShedder()
        self._worst_delay = 0.0
        self._tick_due = 0.0
        self._loop_timer = QTimer(self, interval=100, timerType=Qt.TimerType.PreciseTimer)
        self._loop_timer.timeout.connect(self._measure_loop)
        self._shed_timer = QTimer(self, interval=1000)
        self._shed_timer.timeout.connect(self._shed_load)
        self._sequence_timer = QTimer(self, interval=500)
        self._sequence_timer.timeout.connect(self._advance_sequences)
        self._callup = QLabel(self)
        self._callup.setObjectName("wallCallUp")
        self._callup.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._callup.setStyleSheet(
            f"background: rgba(0,0,0,210); color: {theme.ACCENT}; font-size: 28px;"
            " font-weight: bold; padding: 12px 24px; border-radius: 6px;")
        self._callup.hide()
        self._build()
        self._loop_timer.start()
        self._tick_due = time.monotonic() + 0.1
        self._shed_timer.start()
        self._sequence_timer.start()

    # -- the view ------------------------------------------------------------------------
    @property
    def layout_name(self) -> str:
        return self._layout.name

    def view(self) -> WallView:
        self._sync_contents()
        v = self._view
        return WallView(layout=self._layout.name, cells=list(self._contents), screen=v.screen,
                        geometry=v.geometry, full_screen=v.full_screen)

    def set_layout(self, name: str) -> None:
        layout = Layout.parse(name)
        if layout == self._layout:
            return
        self._sync_contents()
        self._layout = layout
        self._build()
        self.viewChanged.emit()

    def tiles(self) -> list[CameraTile]:
        return [c.tile for c in self.cells if c.tile is not None]

    def tile_of(self, code: str) -> CameraTile | None:
        for c in self.cells:
            if c.tile is not None and c.camera_code == code:
                return c.tile
        return None

    def assign(self, index: int, content: CellContent) -> None:
        """Show a camera, a sequence (several codes) or nothing in a cell."""
        unknown = [c for c in content.cameras if c not in self.cameras]
        content = CellContent(tuple(c for c in content.cameras if c in self.cameras),
                              content.dwell)
        if unknown:
            self.messageRaised.emit(self.tr("Unknown camera: {codes}").replace(
                "{codes}", ", ".join(unknown)))
        cell = self.cells[index]
        cell.content = content
        cell.position = 0
        cell.switch_at = time.monotonic() + content.dwell  # type: ignore[attr-defined]
        cell.set_tile(self._make_tile(cell.camera_code))
        self._sync_contents()
        self.viewChanged.emit()

    def call_up(self, number: int, index: int | None = None) -> bool:
        """Puts the camera with this call-up number in a cell (the selected one)."""
        for cam in self.cameras.values():
            if cam.number == number:
                self.assign(self.selected if index is None else index, CellContent((cam.code,)))
                return True
        self.messageRaised.emit(self.tr("No camera has the number {n}.").replace(
            "{n}", str(number)))
        return False

    def select(self, index: int) -> None:
        index = max(0, min(len(self.cells) - 1, index))
        for c in self.cells:
            c.selected = c.index == index
            c.update()
        if index != self.selected:
            self.selected = index
            self.selectionChanged.emit(index)

    def toggle_maximise(self, index: int | None = None) -> None:
        index = self.selected if index is None else index
        self.maximised = -1 if self.maximised == index else index
        if self.maximised >= 0:
            self.select(index)
        self._place_cells()
        self.maximisedChanged.emit(self.maximised)

    def set_diagnostics(self, on: bool) -> None:
        self._diagnostics = on
        for t in self.tiles():
            t.set_diagnostics(on)

    def pause(self) -> None:
        """Stops decoding every stream (the wall cannot be seen)."""
        self._paused = True
        for t in self.tiles():
            t.pause()

    def resume(self) -> None:
        self._paused = False
        for t in self.tiles():
            t.resume()

    @property
    def paused(self) -> bool:
        return self._paused

    def shutdown(self) -> None:
        """Stops every stream and joins every decoding thread."""
        for t in (self._loop_timer, self._shed_timer, self._sequence_timer):
            t.stop()
        for c in self.cells:
            if c.tile is not None:
                c.tile.release()
        join_retired()

    def worst_loop_delay_ms(self) -> float:
        """The worst event-loop delay seen since the last call (ms); resets it."""
        worst, self._worst_delay = self._worst_delay, 0.0
        return worst

    # -- building ------------------------------------------------------------------------
    def _sync_contents(self) -> None:
        for c in self.cells:
            while len(self._contents) <= c.index:
                self._contents.append(CellContent())
            self._contents[c.index] = c.content

    def _build(self) -> None:
        keep: dict[int, tuple[CellContent, CameraTile | None, int]] = {}
        for c in self.cells:
            keep[c.index] = (c.content, c.tile, c.position)
            c.tile = None
            c.hide()
            c.deleteLater()
        self.cells = []
        for i in range(len(self._layout.cells)):
            cell = WallCell(i, self)
            cell.clicked.connect(self.select)
            cell.dropped.connect(self._dropped)
            content = self._contents[i] if i < len(self._contents) else CellContent()
            cell.content = content
            cell.switch_at = time.monotonic() + content.dwell  # type: ignore[attr-defined]
            old = keep.pop(i, None)
            if old is not None and old[0] == content and old[1] is not None:
                cell.position = old[2]
                cell.set_tile(old[1])          # the same camera stays connected
            else:
                if old is not None and old[1] is not None:
                    keep[i] = old
                cell.set_tile(self._make_tile(cell.camera_code))
            self.cells.append(cell)
        for _content, tile, _pos in keep.values():
            if tile is not None:
                tile.release()
                tile.deleteLater()
        if self.maximised >= len(self.cells):
            self.maximised = -1
        self._place_cells()
        self.select(min(self.selected, len(self.cells) - 1))
        for cell in self.cells:
            cell.show()

    def _make_tile(self, code: str | None) -> CameraTile | None:
        if code is None or code not in self.cameras:
            return None
        cam = self.cameras[code]
        sound: dict = {"audio": True} if cam.kind == "mobile" else {}   # the command vehicle
        if cam.kind == "ptz" and cam.onvif_url:
            sound["ptz"] = True
        if cam.sub_url:
            tile = self._tile_factory(cam.sub_url, cam.label, main_url=cam.main_url,
                                      config=self._config, diagnostics=self._diagnostics,
                                      start=not self._paused,
                                      choice=StreamChoice(min_interval=self._switch_interval),
                                      **sound)
        else:
            tile = self._tile_factory(cam.main_url, cam.label, config=self._config,
                                      diagnostics=self._diagnostics, start=not self._paused,
                                      **sound)
        if self._paused:
            tile.pause()
        tile.doubleClicked.connect(lambda t=tile: self._tile_double_clicked(t))
        tile.stateChanged.connect(lambda state, t=tile, c=code: self._tile_state(c, t, state))
        tile.ptzCommand.connect(
            lambda kind, pan, tilt, zoom, c=code: self._ptz_command(c, kind, pan, tilt, zoom))
        tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return tile

    def _place_cells(self) -> None:
        rects = self._layout.rects(self.width(), self.height())
        for cell, (x, y, w, h) in zip(self.cells, rects, strict=True):
            if self.maximised >= 0:
                if cell.index == self.maximised:
                    cell.setGeometry(self.rect())
                    cell.show()
                    cell.raise_()
                else:
                    cell.hide()
            else:
                cell.setGeometry(QRect(round(x), round(y), round(x + w) - round(x),
                                       round(y + h) - round(y)))
                cell.show()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._place_cells()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#05070a"))
        p.end()

    # -- events --------------------------------------------------------------------------
    @Slot(int, list)
    def _dropped(self, index: int, codes: list[str]) -> None:
        self.select(index)
        self.assign(index, CellContent(tuple(codes)))

    def _tile_double_clicked(self, tile: CameraTile) -> None:
        for c in self.cells:
            if c.tile is tile:
                self.toggle_maximise(c.index)
                return

    def _tile_state(self, code: str | None, tile: CameraTile, state: str) -> None:
        if code is not None:
            self.cameraStateChanged.emit(code, state, tile.reason)

    # -- PTZ -----------------------------------------------------------------------------
    def _ptz_command(self, code: str | None, kind: str, pan: float, tilt: float,
                     zoom: float) -> None:
        cam = self.cameras.get(code or "")
        if self.ptz is None or cam is None:
            return
        if kind == "move":
            self.ptz.move(cam, pan, tilt, zoom)
        elif kind == "zoom":
            self.ptz.zoom_step(cam, zoom)
        else:
            self.ptz.stop(cam)

    def show_ptz_holder(self, code: str, text: str) -> None:
        for c in self.cells:
            if c.tile is not None and c.camera_code == code:
                c.tile.set_ptz_holder(text)

    _PTZ_KEYS = {Qt.Key.Key_Left: (-0.5, 0.0, 0.0), Qt.Key.Key_Right: (0.5, 0.0, 0.0),
                 Qt.Key.Key_Up: (0.0, 0.5, 0.0), Qt.Key.Key_Down: (0.0, -0.5, 0.0),
                 Qt.Key.Key_PageUp: (0.0, 0.0, 0.5), Qt.Key.Key_PageDown: (0.0, 0.0, -0.5)}

    def _ptz_key(self, event: QKeyEvent, pressed: bool) -> bool:
        """Arrows (in PTZ mode) and PgUp/PgDn move the selected PTZ camera while held."""
        cell = self.cells[self.selected]
        tile = cell.tile
        key = Qt.Key(event.key())
        if tile is None or not tile.has_ptz or key not in self._PTZ_KEYS:
            return False
        if key not in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not tile.ptz_mode:
            return False
        if not event.isAutoRepeat():
            if pressed:
                self._ptz_command(cell.camera_code, "move", *self._PTZ_KEYS[key])
            else:
                self._ptz_command(cell.camera_code, "stop", 0.0, 0.0, 0.0)
        return True

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._ptz_key(event, pressed=False):
            event.accept()
            return
        super().keyReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        text = event.text()
        if self._ptz_key(event, pressed=True):
            event.accept()
            return
        if text == "*" and self._typed:
            number, cell = int(self._typed), self.cells[self.selected]
            self._set_typed("")
            cam = self.cameras.get(cell.camera_code or "")
            if self.ptz is not None and cell.tile is not None and cell.tile.has_ptz and cam:
                self.ptz.goto_preset(cam, number)
            else:
                self.messageRaised.emit(self.tr("The selected cell shows no PTZ camera."))
            event.accept()
            return
        if key == Qt.Key.Key_P and not self._typed:
            tile = self.cells[self.selected].tile
            if tile is not None and tile.has_ptz:
                tile.set_ptz_mode(not tile.ptz_mode)
            event.accept()
            return
        if text.isdigit() and len(self._typed) < 4:
            self._set_typed(self._typed + text)
        elif key == Qt.Key.Key_Backspace and self._typed:
            self._set_typed(self._typed[:-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._typed:
                number = int(self._typed)
                self._set_typed("")
                self.call_up(number)
            else:
                self.toggle_maximise()
        elif key == Qt.Key.Key_Escape:
            if self._typed:
                self._set_typed("")
            elif self.maximised >= 0:
                self.toggle_maximise(self.maximised)
        elif key == Qt.Key.Key_M and not self._typed:
            tile = self.cells[self.selected].tile
            if tile is not None and tile.has_audio:
                tile.set_muted(not tile.muted)
        elif key == Qt.Key.Key_Delete:
            self.assign(self.selected, CellContent())
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_selection(key)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _set_typed(self, typed: str) -> None:
        self._typed = typed
        self.callUpChanged.emit(typed)
        if typed:
            self._callup.setText(self.tr("Camera no. {n}").replace("{n}", typed + "_"))
            self._callup.adjustSize()
            box = self._callup.rect()
            box.moveCenter(self.rect().center())
            self._callup.setGeometry(box)
            self._callup.show()
            self._callup.raise_()
        else:
            self._callup.hide()

    def _move_selection(self, key: int) -> None:
        cur = self._layout.cells[self.selected]
        cx, cy = cur.col + cur.colspan / 2, cur.row + cur.rowspan / 2
        dx, dy = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}[Qt.Key(key)]
        best, best_d = None, None
        for i, c in enumerate(self._layout.cells):
            ox, oy = c.col + c.colspan / 2 - cx, c.row + c.rowspan / 2 - cy
            if ox * dx + oy * dy <= 0:
                continue
            d = abs(ox) + abs(oy) + 2 * abs(ox * dy + oy * dx)
            if best_d is None or d < best_d:
                best, best_d = i, d
        if best is not None:
            self.select(best)

    # -- timers --------------------------------------------------------------------------
    def _measure_loop(self) -> None:
        now = time.monotonic()
        delay = max(0.0, (now - self._tick_due) * 1000)
        self._worst_delay = max(self._worst_delay, delay)
        self._shed_worst = max(getattr(self, "_shed_worst", 0.0), delay)
        self._tick_due = now + 0.1

    def _shed_load(self) -> None:
        worst, self._shed_worst = getattr(self, "_shed_worst", 0.0), 0.0
        loads = [TileLoad(c.tile, c.tile.width() * c.tile.height(),
                          protected=self.maximised == c.index or c.tile.zoom > 1.0)
                 for c in self.cells if c.tile is not None and c.tile.isVisible()]
        shed = self._shedder.check(worst, loads)
        for c in self.cells:
            if c.tile is not None:
                want = c.tile in shed
                if want != c.tile.key_frames_only:
                    c.tile.set_key_frames_only(want)

    def _advance_sequences(self) -> None:
        now = time.monotonic()
        for c in self.cells:
            if c.content.is_sequence and now >= getattr(c, "switch_at", now):
                c.position = (c.position + 1) % len(c.content.cameras)
                c.switch_at = now + c.content.dwell  # type: ignore[attr-defined]
                c.set_tile(self._make_tile(c.camera_code))


def live_count(wall: CameraWall) -> int:
    return sum(1 for t in wall.tiles() if t.state is State.LIVE and t.frames_shown > 0)


__all__ = ["CAMERA_MIME", "CameraWall", "WallCamera", "WallCell", "camera_mime",
           "codes_from_mime", "live_count"]
