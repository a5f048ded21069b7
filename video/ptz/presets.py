"""Presets and tours: the wrapper on top of the threaded PTZ controller.

Presets live in the camera (ONVIF GetPresets/SetPreset/GotoPreset/RemovePreset).
This layer adds what the operators need around them: checked names, renaming (ONVIF
has no rename: SetPreset on an existing token also stores the current position, so
the camera is first brought to the preset and must have arrived), going to a preset
and verifying by status read-back that the camera arrived, and tours: a list of
presets with dwell times, cycled until stopped. Any manual command (move, stop, preset,
home) stops a running tour first. Who may save or rename is the GUI's and the core's
business (role checks), not this layer's."""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from video.ptz.controller import (
    Preset,
    PtzDriver,
    PtzError,
    PtzFailure,
    PtzStatus,
    StopReport,
)
from video.ptz.threaded import ThreadedPtzController

log = logging.getLogger("customs.video.ptz")
T = TypeVar("T")

MAX_NAME = 64
DEFAULT_TOLERANCE = 0.01  # generic units on each axis


@dataclass(frozen=True)
class TourStep:
    preset_token: str
    dwell: float                 # s to stay once the camera has been sent there
    speed: float | None = None   # generic speed [0, 1]; None = the camera's default


@dataclass(frozen=True)
class Tour:
    name: str
    steps: tuple[TourStep, ...]

    def validate(self) -> None:
        if not self.steps:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A tour needs at least one preset."))
        if any(s.dwell <= 0 for s in self.steps):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Every preset of a tour needs a dwell time above zero."))


@dataclass(frozen=True)
class Arrival:
    """Whether the camera reached a preset: True/False by status read-back, None when
    the camera reports no position (check by image instead)."""

    preset: Preset
    status: PtzStatus | None
    arrived: bool | None

    def deviation(self) -> tuple[float, float, float] | None:
        s, p = self.status, self.preset
        if s is None or not s.has_position or p.pan is None or p.tilt is None:
            return None
        return (s.pan - p.pan, s.tilt - p.tilt,  # type: ignore[operator]
                (s.zoom or 0.0) - (p.zoom or 0.0))


def check_preset_name(name: str, others: list[Preset]) -> str:
    name = name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The preset needs a name."))
    if len(name) > MAX_NAME:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A preset name has at most {limit} characters."), limit=MAX_NAME)
    if any(p.name.casefold() == name.casefold() for p in others):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This camera already has a preset named {name}."), name=name)
    return name


def _near(status: PtzStatus, preset: Preset, tolerance: float) -> bool:
    pairs = [(status.pan, preset.pan), (status.tilt, preset.tilt)]
    if preset.zoom is not None:
        pairs.append((status.zoom, preset.zoom))
    return all(a is not None and b is not None and abs(a - b) <= tolerance for a, b in pairs)


async def wait_until_still(driver: PtzDriver, timeout: float, poll: float = 0.1) -> PtzStatus:
    """Reads the status until the camera stops moving (by its move status, or two
    equal positions when it gives none) or `timeout` runs out; the last status."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    previous: PtzStatus | None = None
    while True:
        status = await driver.status()
        if status.moving is False:
            return status
        if status.moving is None:
            if not status.has_position:
                return status
            if previous is not None and (previous.pan, previous.tilt, previous.zoom) == (
                    status.pan, status.tilt, status.zoom):
                return status
        if loop.time() >= end:
            return status
        previous = status
        await asyncio.sleep(poll)


async def goto_and_verify(driver: PtzDriver, token: str, *, tolerance: float,
                          timeout: float, speed: float | None = None) -> Arrival:
    preset = await _find(driver, token)
    await driver.goto_preset(token, speed)
    await asyncio.sleep(0.05)  # let the move start before its status is read
    status = await wait_until_still(driver, timeout)
    if not status.has_position or preset.pan is None:
        return Arrival(preset, status, None)
    return Arrival(preset, status, _near(status, preset, tolerance))


async def _find(driver: PtzDriver, token: str) -> Preset:
    for p in await driver.presets():
        if p.token == token:
            return p
    raise PtzError(PtzFailure.INVALID_ARGUMENT, driver.camera, f"no preset {token!r}")


class PresetTourController:
    """Presets and tours over a `ThreadedPtzController` (see module doc). Every call
    returns a Future at once."""

    def __init__(self, inner: ThreadedPtzController, *,
                 on_tour_step: Callable[[Tour, int], None] | None = None,
                 tolerance: float = DEFAULT_TOLERANCE, arrive_timeout: float = 15.0) -> None:
        self.inner = inner
        self.camera = inner.camera
        self.on_tour_step = on_tour_step   # called on the worker thread
        self.tolerance = tolerance
        self.arrive_timeout = arrive_timeout
        self._tour: cf.Future[None] | None = None
        self._tour_lock = threading.Lock()

    # -- tours -------------------------------------------------------------------------
    @property
    def tour_running(self) -> bool:
        with self._tour_lock:
            return self._tour is not None and not self._tour.done()

    def start_tour(self, tour: Tour) -> cf.Future[None]:
        """Cycles through the tour until `stop_tour()` or a manual command (the future
        is then cancelled) or a failure (the future carries the PtzError)."""
        tour.validate()
        self.stop_tour()

        async def run(driver: PtzDriver) -> None:
            index = 0
            while True:
                step = tour.steps[index]
                await driver.goto_preset(step.preset_token, step.speed)
                if self.on_tour_step is not None:
                    self.on_tour_step(tour, index)
                await asyncio.sleep(step.dwell)
                index = (index + 1) % len(tour.steps)

        future = self.inner.run(run)
        with self._tour_lock:
            self._tour = future
        log.info("PTZ %s: tour %s started", self.camera, tour.name)
        return future

    def stop_tour(self) -> None:
        with self._tour_lock:
            tour, self._tour = self._tour, None
        if tour is not None and tour.cancel():
            log.info("PTZ %s: tour stopped", self.camera)

    # -- presets -----------------------------------------------------------------------
    def presets(self) -> cf.Future[list[Preset]]:
        return self.inner.presets()

    def save_preset(self, name: str) -> cf.Future[str]:
        """A new preset at the current position; the name is checked against the
        camera's presets first."""
        self.stop_tour()

        async def save(driver: PtzDriver) -> str:
            checked = check_preset_name(name, await driver.presets())
            return await driver.set_preset(checked)

        return self.inner.run_command(save)

    def rename_preset(self, token: str, name: str) -> cf.Future[None]:
        """Renames a preset without changing where it points (see module doc): the
        camera goes to the preset first if it is not there."""
        self.stop_tour()

        async def rename(driver: PtzDriver) -> None:
            presets = await driver.presets()
            preset = next((p for p in presets if p.token == token), None)
            if preset is None:
                raise PtzError(PtzFailure.INVALID_ARGUMENT, self.camera, f"no preset {token!r}")
            checked = check_preset_name(name, [p for p in presets if p.token != token])
            status = await driver.status()
            if not status.has_position or preset.pan is None:
                raise PtzError(PtzFailure.NOT_SUPPORTED, self.camera,
                               "the camera reports no position; renaming would move the preset")
            if not _near(status, preset, self.tolerance):
                arrival = await goto_and_verify(driver, token, tolerance=self.tolerance,
                                                timeout=self.arrive_timeout)
                if not arrival.arrived:
                    raise PtzError(PtzFailure.CAMERA_FAULT, self.camera,
                                   "the camera did not arrive at the preset; not renamed")
            await driver.set_preset(checked, token)

        return self.inner.run_command(rename)

    def remove_preset(self, token: str) -> cf.Future[None]:
        self.stop_tour()
        return self.inner.remove_preset(token)

    def set_preset(self, name: str | None = None, token: str | None = None) -> cf.Future[str]:
        self.stop_tour()
        return self.inner.set_preset(name, token)

    def goto_preset(self, token: str, speed: float | None = None) -> cf.Future[None]:
        self.stop_tour()
        return self.inner.goto_preset(token, speed)

    def goto_preset_verified(self, token: str, speed: float | None = None,
                             tolerance: float | None = None) -> cf.Future[Arrival]:
        """GotoPreset, then status read-back until the camera is still: arrived or
        not (None when it reports no position)."""
        self.stop_tour()
        tol = self.tolerance if tolerance is None else tolerance
        return self.inner.run_command(lambda d: goto_and_verify(
            d, token, tolerance=tol, timeout=self.arrive_timeout, speed=speed))

    # -- the rest of the PtzController interface -------------------------------------
    def continuous_move(self, pan: float, tilt: float, zoom: float = 0.0,
                        timeout: float | None = None) -> cf.Future[None]:
        self.stop_tour()
        return self.inner.continuous_move(pan, tilt, zoom, timeout)

    def stop(self) -> cf.Future[StopReport]:
        self.stop_tour()
        return self.inner.stop()

    def absolute_move(self, pan: float | None, tilt: float | None, zoom: float | None,
                      speed: float | None = None) -> cf.Future[None]:
        self.stop_tour()
        return self.inner.absolute_move(pan, tilt, zoom, speed)

    def relative_move(self, pan: float, tilt: float, zoom: float = 0.0,
                      speed: float | None = None) -> cf.Future[None]:
        self.stop_tour()
        return self.inner.relative_move(pan, tilt, zoom, speed)

    def goto_home(self, speed: float | None = None) -> cf.Future[None]:
        self.stop_tour()
        return self.inner.goto_home(speed)

    def status(self) -> cf.Future[PtzStatus]:
        return self.inner.status()

    def run(self, fn: Callable[[PtzDriver], Awaitable[T]]) -> cf.Future[T]:
        return self.inner.run(fn)

    def close(self) -> None:
        self.stop_tour()
        self.inner.close()
