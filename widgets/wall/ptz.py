"""PTZ from the wall: `PtzLink` holds the console's PTZ controllers (one threaded ONVIF
controller per camera, created on first use; video/ptz/), asks the shared control
hold before moving a camera (app/cameras/ptz_holds.py: another console is refused and told who
holds it; a shift leader may take over), and posts every result back to the GUI
thread. It follows the holds of the other consoles through the change feed, so each
tile can say who controls its camera.

Nothing here blocks the GUI thread: controller calls return futures, the database
calls go through the task runner."""

from __future__ import annotations

import concurrent.futures as cf
import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.auth import Permission, require
from app.cameras.ptz_holds import Decision, Hold
from app.topics import Topic
from video.ptz.controller import Preset
from video.ptz.presets import PresetTourController, Tour, TourStep
from widgets.messages import background_failure, message_of
from widgets.session import ConsoleSession
from widgets.wall.wall import WallCamera

log = logging.getLogger("customs.video.ptz")
TOUCH_EVERY_S = 10.0     # a holder's activity is written at most this often


def onvif_controller(cam: WallCamera) -> PresetTourController:
    """The real chain: the ONVIF driver, the threaded wrapper, presets and tours."""
    from video.ptz.onvif_driver import OnvifPtzDriver, OnvifSettings  # noqa: PLC0415
    from video.ptz.threaded import ThreadedPtzController  # noqa: PLC0415

    user, password = cam.onvif_credentials or (None, None)
    driver = OnvifPtzDriver(OnvifSettings(camera=cam.code, device_url=cam.onvif_url or "",
                                          user=user or None, password=password or None))
    return PresetTourController(ThreadedPtzController(driver))


class PtzLink(QObject):
    """See the module doc."""

    holdChanged = Signal(str, str)      # camera code, "held by …" text ("" = free or mine)
    failed = Signal(str, str)           # camera code, message
    presetsLoaded = Signal(str, list)   # camera code, [Preset]
    moved = Signal(str)                 # camera code: a command was sent
    positionRead = Signal(str, object, object, object)   # code, pan, tilt, zoom (or None)
    _post = Signal(object)              # a callable to run on the GUI thread

    def __init__(self, session: ConsoleSession, console: str | None = None,
                 controller_factory: Callable[[WallCamera], PresetTourController] = onvif_controller
                 ) -> None:
        super().__init__()
        self.session = session
        self.console = console or socket.gethostname()
        self.factory = controller_factory
        self.controllers: dict[str, PresetTourController] = {}
        self.presets: dict[str, list[Preset]] = {}
        self.holders: dict[str, Hold] = {}
        self._held_at: dict[str, float] = {}     # camera → when the hold was last written
        self._post.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)
        session.changed.connect(self._changes)

    # -- commands ------------------------------------------------------------------------
    @staticmethod
    def can_control(cam: WallCamera | None) -> bool:
        return cam is not None and cam.kind == "ptz" and bool(cam.onvif_url)

    def move(self, cam: WallCamera, pan: float, tilt: float, zoom: float = 0.0) -> None:
        """A continuous move (ended by `stop`), after the hold is granted."""
        self._with_hold(cam, lambda ctl: ctl.continuous_move(pan, tilt, zoom))

    def stop(self, cam: WallCamera) -> None:
        ctl = self.controllers.get(cam.code)
        if ctl is not None:
            future = ctl.stop()
            self._watch(cam.code, future)
            future.add_done_callback(lambda _f: self.read_position(cam))

    def aim(self, cam: WallCamera, pan: float, zoom: float | None) -> None:
        """Turns the camera to `pan` (and `zoom`), keeping its tilt (the site plan's aim)."""
        def go(ctl: PresetTourController) -> cf.Future[Any]:
            future = ctl.absolute_move(pan, None, zoom)
            future.add_done_callback(lambda _f: self._post.emit(
                lambda: self.read_position(cam, after=1.5)))
            return future
        self._with_hold(cam, go)

    def read_position(self, cam: WallCamera, after: float = 0.0) -> None:
        """Reads the camera's position (positionRead), after `after` s of travel."""
        ctl = self.controllers.get(cam.code)
        if ctl is None:
            return

        def read() -> None:
            future = ctl.status()

            def done(f: cf.Future) -> None:
                if not f.cancelled() and f.exception() is None:
                    st = f.result()
                    self._post.emit(lambda: self.positionRead.emit(cam.code, st.pan, st.tilt,
                                                                   st.zoom))
            future.add_done_callback(done)

        if after > 0:
            threading.Timer(after, read).start()
        else:
            read()

    def zoom_step(self, cam: WallCamera, step: float) -> None:
        self._with_hold(cam, lambda ctl: ctl.relative_move(0.0, 0.0, step))

    def goto_preset(self, cam: WallCamera, number: int) -> None:
        """Preset by its position in the camera's list (1 = first), as typed "N*"."""
        presets = self.presets.get(cam.code)
        if presets is None:          # the list first, then the move
            self.load_presets(cam, then=lambda: self.goto_preset(cam, number))
            return
        if not 1 <= number <= len(presets):
            self.failed.emit(cam.code, self.tr("Camera {camera} has no preset {n}.").replace(
                "{camera}", cam.code).replace("{n}", str(number)))
            return
        token = presets[number - 1].token
        self._with_hold(cam, lambda ctl: ctl.goto_preset(token))

    def load_presets(self, cam: WallCamera, then: Callable[[], None] | None = None) -> None:
        future = self.controller(cam).presets()

        def done(f: cf.Future) -> None:
            if f.exception() is not None:
                self._failed(cam.code, f.exception())  # type: ignore[arg-type]
                return
            self.presets[cam.code] = list(f.result())
            self.presetsLoaded.emit(cam.code, self.presets[cam.code])
            if then is not None:
                then()

        future.add_done_callback(lambda f: self._post.emit(lambda: done(f)))

    def save_preset(self, cam: WallCamera, name: str) -> None:
        """The current position as a new preset (room-level and shift leaders, admins)."""
        self._preset_change(cam, lambda ctl: ctl.save_preset(name))

    def rename_preset(self, cam: WallCamera, token: str, name: str) -> None:
        """Renames a preset (the camera goes there first: ONVIF renames by saving)."""
        self._preset_change(cam, lambda ctl: ctl.rename_preset(token, name))

    def remove_preset(self, cam: WallCamera, token: str) -> None:
        self._preset_change(cam, lambda ctl: ctl.remove_preset(token))

    def _preset_change(self, cam: WallCamera,
                       change: Callable[[PresetTourController], cf.Future[Any]]) -> None:
        user = self.session.user
        try:
            require(user, Permission.PTZ_PRESETS)   # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - PermissionDenied, shown like the rest
            self._failed(cam.code, exc)
            return

        def then_reload(ctl: PresetTourController) -> cf.Future[Any]:
            future = change(ctl)
            future.add_done_callback(lambda _f: self._post.emit(lambda: self.load_presets(cam)))
            return future
        self._with_hold(cam, then_reload)

    def start_tour(self, cam: WallCamera, dwell: float = 10.0) -> None:
        """Cycles through the camera's presets, `dwell` s each, until stopped or moved."""
        presets = self.presets.get(cam.code) or []
        tour = Tour(self.tr("Tour"), tuple(TourStep(p.token, dwell) for p in presets))
        self._with_hold(cam, lambda ctl: ctl.start_tour(tour))

    def stop_tour(self, cam: WallCamera) -> None:
        ctl = self.controllers.get(cam.code)
        if ctl is not None:
            ctl.stop_tour()

    def tour_running(self, code: str) -> bool:
        ctl = self.controllers.get(code)
        return ctl is not None and ctl.tour_running

    def take_over(self, cam: WallCamera) -> None:
        """A shift leader takes the camera from an officer's console."""
        self._ask(cam, take_over=True, then=None)

    def close(self) -> None:
        """Stops and closes every controller (off the GUI thread) and frees the holds."""
        ctx, console = self.session.ctx, self.console
        controllers, self.controllers = list(self.controllers.values()), {}
        for ctl in controllers:
            threading.Thread(target=ctl.close, name="ptz-close", daemon=False).start()
        if self._held_at:
            self._held_at.clear()
            self.session.runner.submit(lambda: ctx.ptz_holds.release_console(console),
                                       None, background_failure("PTZ holds: release"), owner=self)

    # -- holds ---------------------------------------------------------------------------
    def _with_hold(self, cam: WallCamera,
                   command: Callable[[PresetTourController], cf.Future[Any]]) -> None:
        fresh = time.monotonic() - self._held_at.get(cam.code, -1e9) < TOUCH_EVERY_S
        if fresh:
            self._send(cam, command)
        else:
            self._ask(cam, take_over=False, then=command)

    def _ask(self, cam: WallCamera, take_over: bool,
             then: Callable[[PresetTourController], cf.Future[Any]] | None) -> None:
        ctx, user, console = self.session.ctx, self.session.user, self.console
        if user is None:
            return

        def granted(decision: Decision) -> None:
            if not decision.allowed:
                self._held_at.pop(cam.code, None)
                self.failed.emit(cam.code, message_of(decision.refusal()))
                self._show_holder(cam.code, decision.hold)
                return
            self._held_at[cam.code] = time.monotonic()
            self._show_holder(cam.code, None)
            if then is not None:
                self._send(cam, then)

        self.session.runner.submit(
            lambda: ctx.ptz_holds.request(user, console, cam.code, take_over=take_over),
            granted, lambda exc: self._failed(cam.code, exc), owner=self)

    def _show_holder(self, code: str, hold: Hold | None) -> None:
        if hold is None or hold.console == self.console:
            self.holders.pop(code, None)
            self.holdChanged.emit(code, "")
        else:
            self.holders[code] = hold
            self.holdChanged.emit(code, self.tr("PTZ: {name} ({console})").replace(
                "{name}", hold.user_name).replace("{console}", hold.console))

    def _changes(self, changes: list) -> None:  # type: ignore[type-arg]
        if not any(getattr(c, "topic", None) == Topic.PTZ_HOLD for c in changes):
            return
        holds = self.session.ctx.ptz_holds

        def show(current: list[Hold]) -> None:
            by_code = {h.camera: h for h in current}
            for code in set(self.holders) | set(by_code):
                hold = by_code.get(code)
                if hold is not None and hold.console == self.console:
                    self._held_at.setdefault(code, time.monotonic())
                elif code in self._held_at and (hold is None or hold.console != self.console):
                    self._held_at.pop(code, None)   # expired or taken over
                self._show_holder(code, hold)

        self.session.runner.submit(holds.holds, show, background_failure("PTZ holds"), owner=self)

    # -- plumbing ------------------------------------------------------------------------
    def controller(self, cam: WallCamera) -> PresetTourController:
        """The camera's controller on this console (made on first use, then kept)."""
        ctl = self.controllers.get(cam.code)
        if ctl is None:
            ctl = self.controllers[cam.code] = self.factory(cam)
        return ctl

    def _send(self, cam: WallCamera,
              command: Callable[[PresetTourController], cf.Future[Any]]) -> None:
        try:
            future = command(self.controller(cam))
        except Exception as exc:  # noqa: BLE001 - reported like a failed future
            self._failed(cam.code, exc)
            return
        self._watch(cam.code, future)
        self.moved.emit(cam.code)

    def _watch(self, code: str, future: cf.Future) -> None:
        def done(f: cf.Future) -> None:
            exc = None if f.cancelled() else f.exception()   # a stopped tour is cancelled
            if exc is not None:
                self._post.emit(lambda: self._failed(code, exc))
        future.add_done_callback(done)

    def _failed(self, code: str, exc: BaseException) -> None:
        log.warning("PTZ %s: %s", code, exc)
        self.failed.emit(code, message_of(exc))

    @Slot(object)
    def _run_posted(self, fn: Callable[[], None]) -> None:
        fn()


__all__ = ["PtzLink", "onvif_controller"]
