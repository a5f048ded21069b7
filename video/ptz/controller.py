"""The PTZ interface of the client: value types (status, presets, stop reports), the
PTZ error with its translatable reasons, and the two protocols of the wrapper chain
(Nx style: driver → threaded wrapper → presets and tours):

* `PtzDriver`: the asynchronous bottom (one camera, coroutines; `onvif_driver.py`);
* `PtzController`: what the rest of the client uses: every call returns a
  `concurrent.futures.Future` at once and never blocks the caller (`threaded.py`,
  wrapped again by `presets.py`).

Positions and velocities are in ONVIF's generic spaces: pan and tilt in [-1, 1],
zoom in [0, 1]; velocities in [-1, 1]; speeds in [0, 1]. Degrees and fields of view
come from a camera's calibration (the camera map), not from here."""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from app.errors import QT_TRANSLATE_NOOP, DomainError

T = TypeVar("T")

PAN_RANGE = (-1.0, 1.0)
TILT_RANGE = (-1.0, 1.0)
ZOOM_RANGE = (0.0, 1.0)


class PtzFailure(StrEnum):
    UNREACHABLE = "unreachable"
    AUTH_FAILED = "auth_failed"
    NOT_SUPPORTED = "not_supported"
    TIMEOUT = "timeout"
    CAMERA_FAULT = "camera_fault"
    INVALID_ARGUMENT = "invalid_argument"
    CLOSED = "closed"


#: The user message of each failure (English source text, translated in the GUI).
FAILURE_TEXTS: dict[PtzFailure, str] = {
    PtzFailure.UNREACHABLE: QT_TRANSLATE_NOOP(
        "errors", "Camera {camera} cannot be reached for PTZ control."),
    PtzFailure.AUTH_FAILED: QT_TRANSLATE_NOOP(
        "errors", "Camera {camera} refused the PTZ login: check its user name and password."),
    PtzFailure.NOT_SUPPORTED: QT_TRANSLATE_NOOP(
        "errors", "Camera {camera} does not support this PTZ function."),
    PtzFailure.TIMEOUT: QT_TRANSLATE_NOOP(
        "errors", "Camera {camera} did not answer the PTZ command in time."),
    PtzFailure.CAMERA_FAULT: QT_TRANSLATE_NOOP(
        "errors", "Camera {camera} reported a fault: {detail}"),
    PtzFailure.INVALID_ARGUMENT: QT_TRANSLATE_NOOP(
        "errors", "Camera {camera} rejected the command: {detail}"),
    PtzFailure.CLOSED: QT_TRANSLATE_NOOP(
        "errors", "PTZ control of camera {camera} has been closed."),
}


class PtzError(DomainError):
    """A PTZ command failed. `reason` tells the kind; `detail` is the camera's or the
    library's own text (English, shown as is, for the technician)."""

    def __init__(self, reason: PtzFailure, camera: str = "", detail: str = "") -> None:
        self.reason = reason
        self.camera = camera
        self.detail = detail
        super().__init__(FAILURE_TEXTS[reason], camera=camera, detail=detail)


@dataclass(frozen=True)
class PtzStatus:
    """A status read-back. Positions are None when the camera reports none; the
    moving flags are None when the camera does not say."""

    pan: float | None
    tilt: float | None
    zoom: float | None
    moving_pan_tilt: bool | None = None
    moving_zoom: bool | None = None
    error: str | None = None

    @property
    def has_position(self) -> bool:
        return self.pan is not None and self.tilt is not None

    @property
    def moving(self) -> bool | None:
        flags = [f for f in (self.moving_pan_tilt, self.moving_zoom) if f is not None]
        return any(flags) if flags else None


@dataclass(frozen=True)
class Preset:
    token: str
    name: str
    pan: float | None = None
    tilt: float | None = None
    zoom: float | None = None


class StopCause(StrEnum):
    CALLER = "caller"            # the operator released the key / the GUI asked
    TIMEOUT = "timeout"          # the client-side move timeout ran out
    CLOSE = "close"              # the controller was closed during a move


@dataclass(frozen=True)
class StopReport:
    """How an explicit Stop went. `attempts` Stops were sent; `stopped` is True when
    the status showed the camera idle, False when it kept moving after every attempt,
    None when the camera reports no move status (cannot verify). A report with
    `error` set means the Stop could not be delivered: the camera may still move."""

    camera: str
    cause: StopCause
    attempts: int
    stopped: bool | None
    error: PtzError | None = None   # the Stop itself could not be sent

    @property
    def ignored_first_stop(self) -> bool:
        return self.attempts > 1


@dataclass(frozen=True)
class PtzCapabilities:
    """What the connected camera offers (from its profile and PTZ node)."""

    profile_token: str
    stream_uri: str | None = None
    max_presets: int = 0
    home_supported: bool = False


class PtzDriver(Protocol):
    """The asynchronous bottom of the chain: one camera, all calls are coroutines and
    raise `PtzError`."""

    camera: str

    async def connect(self) -> PtzCapabilities: ...
    async def continuous_move(self, pan: float, tilt: float, zoom: float,
                              timeout: float | None = None) -> None: ...
    async def stop(self, pan_tilt: bool = True, zoom: bool = True) -> None: ...
    async def absolute_move(self, pan: float | None, tilt: float | None, zoom: float | None,
                            speed: float | None = None) -> None: ...
    async def relative_move(self, pan: float, tilt: float, zoom: float,
                            speed: float | None = None) -> None: ...
    async def status(self) -> PtzStatus: ...
    async def presets(self) -> list[Preset]: ...
    async def goto_preset(self, token: str, speed: float | None = None) -> None: ...
    async def set_preset(self, name: str | None = None, token: str | None = None) -> str: ...
    async def remove_preset(self, token: str) -> None: ...
    async def goto_home(self, speed: float | None = None) -> None: ...
    async def close(self) -> None: ...


class PtzController(Protocol):
    """The client's PTZ interface: each call returns a Future at once."""

    camera: str

    def continuous_move(self, pan: float, tilt: float, zoom: float = 0.0,
                        timeout: float | None = None) -> cf.Future[None]: ...
    def stop(self) -> cf.Future[StopReport]: ...
    def absolute_move(self, pan: float | None, tilt: float | None, zoom: float | None,
                      speed: float | None = None) -> cf.Future[None]: ...
    def relative_move(self, pan: float, tilt: float, zoom: float = 0.0,
                      speed: float | None = None) -> cf.Future[None]: ...
    def status(self) -> cf.Future[PtzStatus]: ...
    def presets(self) -> cf.Future[list[Preset]]: ...
    def goto_preset(self, token: str, speed: float | None = None) -> cf.Future[None]: ...
    def set_preset(self, name: str | None = None,
                   token: str | None = None) -> cf.Future[str]: ...
    def remove_preset(self, token: str) -> cf.Future[None]: ...
    def goto_home(self, speed: float | None = None) -> cf.Future[None]: ...
    def run(self, fn: Callable[[PtzDriver], Awaitable[T]]) -> cf.Future[T]: ...
    def close(self) -> None: ...


def check_position(pan: float | None, tilt: float | None, zoom: float | None,
                   camera: str = "") -> None:
    """Refuses a position outside the generic ranges before it reaches the camera."""
    for value, (lo, hi), axis in ((pan, PAN_RANGE, "pan"), (tilt, TILT_RANGE, "tilt"),
                                  (zoom, ZOOM_RANGE, "zoom")):
        if value is not None and not (lo <= value <= hi):
            raise PtzError(PtzFailure.INVALID_ARGUMENT, camera,
                           f"{axis} {value:g} outside [{lo:g}, {hi:g}]")


def clamp(value: float, lo: float = -1.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, value))

