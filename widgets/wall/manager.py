"""The console's camera walls: loads the camera directory (on a worker), opens one wall
window per monitor, saves the walls' views per workstation (layout, cells, monitor,
geometry) and restores them on the right monitors at start, and keeps every camera's
latest state for the camera tree and the health board."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from video.stream import StreamConfig
from widgets.session import ConsoleSession
from widgets.wall.directory import load_directory
from widgets.wall.layouts import CellContent, WallView
from widgets.wall.wall import WallCamera
from widgets.wall.window import WallWindow

log = logging.getLogger("customs.video")
VIEWS_KEY = "walls/views"          # the walls as they were left (restored at start)
NAMED_KEY = "walls/named"          # views saved under a name ("Ca đêm", "Cảng Đình Vũ")


def screen_for_auto_wall(screens: list[QScreen], avoid: QScreen | None) -> QScreen | None:
    """The monitor a wall opened by itself goes to: the first that is not `avoid`'s."""
    return next((s for s in screens if s is not avoid), avoid)


def screen_named(name: str | None) -> QScreen | None:
    for screen in QGuiApplication.screens():
        if screen.name() == name:
            return screen
    return None


class WallManager(QObject):
    """See the module doc."""

    camerasLoaded = Signal()
    cameraStateChanged = Signal(str, str, str)   # code, state, reason
    wallsChanged = Signal()
    screenshotRequested = Signal(str, object)    # camera code, the WallWindow
    cameraSelected = Signal(str)                 # the code in a wall's selected cell

    def __init__(self, session: ConsoleSession, store: QSettings | None = None, *,
                 config: StreamConfig | None = None, persist: bool = True) -> None:
        super().__init__()
        self.session = session
        self.store = store
        self.persist = persist and store is not None
        self.config = config
        self.cameras: dict[str, WallCamera] = {}
        self.states: dict[str, tuple[str, str]] = {}
        self.walls: list[WallWindow] = []
        self._pending_restore: list[WallView] | None = None
        self._closing = False
        from widgets.wall.ptz import PtzLink  # noqa: PLC0415

        self.ptz = PtzLink(session)
        self.ptz.holdChanged.connect(self._ptz_holder)
        self.ptz.failed.connect(self._ptz_failed)

    # -- the directory -------------------------------------------------------------------
    def load(self) -> None:
        registry = self.session.ctx.cameras
        self.session.runner.submit(lambda: load_directory(registry), self._loaded,
                                   self._load_failed, owner=self)

    def _loaded(self, cameras: dict[str, WallCamera]) -> None:
        self.cameras = cameras
        self.camerasLoaded.emit()
        if self._pending_restore is not None:
            views, self._pending_restore = self._pending_restore, None
            for v in views:
                self.open_wall(view=v)

    def _load_failed(self, exc: BaseException) -> None:
        log.warning("cannot load the camera directory: %s", exc)

    # -- walls ---------------------------------------------------------------------------
    def open_wall(self, screen: QScreen | None = None, view: WallView | None = None) -> WallWindow:
        view = view or WallView()
        if screen is None:
            screen = screen_named(view.screen)
        index = len(self.walls) + 1
        window = WallWindow(self.cameras, view, title=str(index), config=self.config)
        window.wall.ptz = self.ptz
        window.wall.selectionChanged.connect(
            lambda index, w=window: self._selected(w.wall.cells[index].camera_code))
        window.wall.viewChanged.connect(
            lambda w=window: self._selected(w.wall.cells[w.wall.selected].camera_code))
        window.closed.connect(self._wall_closed)
        window.viewChanged.connect(self._save_soon)
        window.wall.cameraStateChanged.connect(self._state)
        window.screenshotRequested.connect(
            lambda code, w=window: self.screenshotRequested.emit(code, w))
        self.walls.append(window)
        window.place(screen, view.geometry, view.full_screen)
        self.wallsChanged.emit()
        self.save()
        return window

    def open_on_every_screen(self) -> list[WallWindow]:
        used = {w.screen().name() for w in self.walls if w.screen() is not None}
        return [self.open_wall(screen=s) for s in QGuiApplication.screens()
                if s.name() not in used]

    def first_wall_with_cameras(self, count: int = 16,
                                avoid: QScreen | None = None) -> WallWindow:
        """A wall of `count` cells showing the first cameras (the demo's first start),
        opened by itself: on a monitor other than `avoid` (the main window's) when
        there is one; on a single monitor behind the main window, not over it."""
        codes = sorted(self.cameras, key=lambda c: self.cameras[c].number)[:count]
        layout = {1: "1", 4: "4", 9: "9", 16: "16", 25: "25", 36: "36"}.get(count, "16")
        view = WallView(layout=layout, cells=[CellContent((c,)) for c in codes])
        screen = screen_for_auto_wall(QGuiApplication.screens(), avoid)
        window = self.open_wall(screen=screen, view=view)
        if screen is None or screen is avoid:
            window.lower()
        return window

    def show_cameras(self, codes: list[str]) -> None:
        """Camera tree activation: the codes go to the selected cell of the active wall
        (a new wall if none is open); several codes make a sequence."""
        window = next((w for w in self.walls if w.isActiveWindow()), None) or \
            (self.walls[-1] if self.walls else self.open_wall())
        window.wall.assign(window.wall.selected, CellContent(tuple(codes)))
        window.raise_()
        window.activateWindow()

    def show_group(self, codes: list[str]) -> None:
        """A camera group (a checklist zone): one camera per cell of the active wall
        (a new wall if none is open), from the selected cell on."""
        window = next((w for w in self.walls if w.isActiveWindow()), None) or \
            (self.walls[-1] if self.walls else self.open_wall())
        wall = window.wall
        start = wall.selected if wall.selected + len(codes) <= len(wall.cells) else 0
        for i, code in enumerate(codes[:len(wall.cells)]):
            wall.assign(start + i, CellContent((code,)))
        window.raise_()
        window.activateWindow()

    def _selected(self, code: str | None) -> None:
        if code:
            self.cameraSelected.emit(code)

    def _ptz_holder(self, code: str, text: str) -> None:
        for w in self.walls:
            w.wall.show_ptz_holder(code, text)

    def _ptz_failed(self, code: str, message: str) -> None:
        for w in self.walls:
            if w.wall.tile_of(code) is not None:
                w.status.setText(f"{code}: {message}")

    def _wall_closed(self, window: WallWindow) -> None:
        if window in self.walls and not self._closing:
            self.walls.remove(window)
            self.save()
            self.wallsChanged.emit()

    def _state(self, code: str, state: str, reason: str) -> None:
        self.states[code] = (state, reason)
        self.cameraStateChanged.emit(code, state, reason)

    # -- views per workstation -----------------------------------------------------------
    def saved_views(self) -> list[WallView]:
        if self.store is None:
            return []
        raw = self.store.value(VIEWS_KEY, "")
        if not raw:
            return []
        try:
            return [WallView.from_dict(d) for d in json.loads(str(raw))]
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("ignoring the saved wall views: %s", exc)
            return []

    def restore(self) -> bool:
        """Re-opens the saved walls once the directory is loaded; False if none saved."""
        views = self.saved_views()
        if not views:
            return False
        if self.cameras:
            for v in views:
                self.open_wall(view=v)
        else:
            self._pending_restore = views
        return True

    def save_named(self, name: str) -> None:
        """Keeps the open walls (layouts, cameras, monitors) under `name`."""
        if self.store is None or not name.strip():
            return
        named = self.named_views()
        named[name.strip()] = [w.view().to_dict() for w in self.walls]
        self.store.setValue(NAMED_KEY, json.dumps(named, ensure_ascii=False))
        self.store.sync()

    def named_views(self) -> dict[str, list[dict]]:  # type: ignore[type-arg]
        if self.store is None:
            return {}
        try:
            value = json.loads(str(self.store.value(NAMED_KEY, "") or "{}"))
        except ValueError:
            log.warning("ignoring unreadable named wall views")
            return {}
        return value if isinstance(value, dict) else {}

    def open_named(self, name: str) -> bool:
        """Replaces the open walls with the view saved under `name`."""
        raw = self.named_views().get(name)
        if raw is None:
            return False
        try:
            views = [WallView.from_dict(d) for d in raw]
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("named view %r unreadable: %s", name, exc)
            return False
        self._closing = True
        for w in list(self.walls):
            w.close()
        self.walls.clear()
        self._closing = False
        for v in views:
            self.open_wall(view=v)
        return True

    def _save_soon(self) -> None:
        self.save()

    def save(self) -> None:
        if not self.persist or self.store is None or self._closing:
            return
        self.store.setValue(VIEWS_KEY, json.dumps([w.view().to_dict() for w in self.walls],
                                                  ensure_ascii=False))
        self.store.sync()

    def close_all(self) -> None:
        """Saves the views, then closes every wall (the console is closing)."""
        if not self.walls:
            return
        self.save()
        self._closing = True
        for w in list(self.walls):
            w.close()
        self.walls.clear()
        self.ptz.close()
        self._closing = False


__all__ = ["WallManager", "screen_named"]
