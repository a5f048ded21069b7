"""The camera-map check over real PTZ controllers (issue 5 item 4): read every PTZ
camera's status at once, restore a camera to its reference position and verify
that it arrived, "restore all".

`CameraMapCheck` holds the console's controllers (camera code → `PtzController`,
normally a `ThreadedPtzController` or the `PresetTourController` on top of it).
The comparison and the record are the core's (`app.cameras.ptz_check`): this layer only
turns camera statuses into plain `StatusReading`s and judges arrivals with
`app.cameras.ptz_check.arrival`.

Threading: `read_statuses`, `restore` and `restore_all` **never block**; they
return `concurrent.futures.Future`s at once. The work runs on each camera's own
worker loop (the threaded controller's), all cameras in parallel; a future
completes on one of those worker threads, so the GUI posts its callback back to
its own thread (the task runner does). No result is ever an exception: a camera
that fails, times out or has no controller gives a reading with `error` set.
`run_check` and `restore_and_record` are the blocking conveniences for the task
runner's worker thread (they wait for the futures, then write through the core
service): never call them on the GUI thread."""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import contextlib
import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from app.auth import CurrentUser
from app.cameras.map_model import WatchPosition
from app.cameras.map_service import CameraReference
from app.cameras.ptz_check import (
    ARRIVED,
    CANNOT_VERIFY,
    CheckRunResult,
    Deviation,
    PtzCheck,
    StatusReading,
    arrival,
)
from app.db.models import PtzCheckRow
from video.ptz.controller import PtzController, PtzDriver, PtzError, PtzFailure, PtzStatus

log = logging.getLogger("customs.video.ptz")
T = TypeVar("T")

NO_CONTROLLER = "no_controller"


def to_reading(camera: str, status: PtzStatus) -> StatusReading:
    """A PtzStatus as the core's plain reading (no position → pan/tilt None)."""
    if not status.has_position:
        return StatusReading(camera, moving=status.moving)
    return StatusReading(camera, status.pan, status.tilt, status.zoom, status.moving)


def failed_reading(camera: str, exc: BaseException) -> StatusReading:
    if isinstance(exc, PtzError):
        return StatusReading(camera, error=exc.reason.value, detail=exc.detail)
    if isinstance(exc, TimeoutError | asyncio.TimeoutError | cf.TimeoutError):
        return StatusReading(camera, error=PtzFailure.TIMEOUT.value)
    if isinstance(exc, cf.CancelledError | asyncio.CancelledError):
        return StatusReading(camera, error=PtzFailure.CLOSED.value)
    return StatusReading(camera, error=PtzFailure.CAMERA_FAULT.value, detail=repr(exc))


@dataclass(frozen=True)
class RestoreResult:
    """How one restore went: the command (`method`: preset or absolute), the last
    status read after it, and the judgement (`deviation.outcome`: arrived, did not
    arrive, cannot verify)."""

    camera: str
    position: WatchPosition
    method: str
    reading: StatusReading
    deviation: Deviation

    @property
    def outcome(self) -> str:
        return self.deviation.outcome

    @property
    def arrived(self) -> bool | None:
        if self.outcome == CANNOT_VERIFY:
            return None
        return self.outcome == ARRIVED


def _settle(future: cf.Future[T], value: T) -> None:
    if not future.done():
        with contextlib.suppress(cf.InvalidStateError):  # cancelled by the caller meanwhile
            future.set_result(value)


def _gather(futures: list[cf.Future[T]]) -> cf.Future[list[T]]:
    """One future for many, completed (in order) when all are: no waiting thread."""
    outer: cf.Future[list[T]] = cf.Future()
    if not futures:
        outer.set_result([])
        return outer
    remaining = [len(futures)]
    lock = threading.Lock()

    def one_done(_: cf.Future[T]) -> None:
        with lock:
            remaining[0] -= 1
            last = remaining[0] == 0
        if last:
            _settle(outer, [f.result() for f in futures])

    for f in futures:
        f.add_done_callback(one_done)
    return outer


class CameraMapCheck:
    """Reads, restores and verifies over the console's PTZ controllers (see module
    doc). `status_timeout`: the most one camera's status read may take;
    `arrive_timeout`: how long a restore waits for the camera to arrive; `poll`:
    seconds between status reads while it travels; `start_grace`: how long a camera
    that has not moved yet may stand still before it counts as stopped short."""

    def __init__(self, controllers: Mapping[str, PtzController], *,
                 status_timeout: float = 5.0, arrive_timeout: float = 20.0,
                 poll: float = 0.1, start_grace: float = 1.0) -> None:
        self.controllers = controllers
        self.start_grace = start_grace  # s a still camera is given to set off
        self.status_timeout = status_timeout
        self.arrive_timeout = arrive_timeout
        self.poll = poll

    # -- reading -------------------------------------------------------------------------
    def read_status(self, camera: str) -> cf.Future[StatusReading]:
        """One camera's status as a reading (never fails: errors are in the reading)."""
        outer: cf.Future[StatusReading] = cf.Future()
        ctl = self.controllers.get(camera)
        if ctl is None:
            outer.set_result(StatusReading(camera, error=NO_CONTROLLER))
            return outer
        timeout = self.status_timeout

        async def read(driver: PtzDriver) -> PtzStatus:
            return await asyncio.wait_for(driver.status(), timeout)

        inner = ctl.run(read)

        def done(f: cf.Future[PtzStatus]) -> None:
            if f.cancelled():
                _settle(outer, failed_reading(camera, cf.CancelledError()))
            elif (exc := f.exception()) is not None:
                _settle(outer, failed_reading(camera, exc))
            else:
                _settle(outer, to_reading(camera, f.result()))

        inner.add_done_callback(done)
        return outer

    def read_statuses(self, cameras: Iterable[str]) -> cf.Future[list[StatusReading]]:
        """Every camera's status, read in parallel, in the order given."""
        return _gather([self.read_status(c) for c in cameras])

    # -- restoring -----------------------------------------------------------------------
    def restore(self, reference: CameraReference,
                position: WatchPosition | None = None) -> cf.Future[RestoreResult]:
        """Send the camera to `position` (default: its default position): GotoPreset
        when the position has a preset token, else AbsoluteMove; then read the
        status until it is within tolerance, stands still elsewhere, or
        `arrive_timeout` runs out."""
        target = position or reference.default
        outer: cf.Future[RestoreResult] = cf.Future()
        if target is None:
            raise ValueError(f"camera {reference.camera} has no watch position")
        method = "preset" if target.preset_token else "absolute"
        camera = reference.camera

        def finish(reading: StatusReading) -> None:
            _settle(outer, RestoreResult(camera, target, method, reading,
                                         arrival(reference, target, reading)))

        ctl = self.controllers.get(camera)
        if ctl is None:
            finish(StatusReading(camera, error=NO_CONTROLLER))
            return outer
        try:
            if method == "preset":
                command = ctl.goto_preset(target.preset_token)  # type: ignore[arg-type]
            else:
                command = ctl.absolute_move(target.pan, target.tilt, target.zoom)
        except PtzError as exc:  # refused before sending (outside the limits)
            finish(failed_reading(camera, exc))
            return outer

        def commanded(f: cf.Future[None]) -> None:
            if f.cancelled() or f.exception() is not None:
                finish(failed_reading(camera, f.exception() if not f.cancelled()
                                      else cf.CancelledError()))
                return
            verify = ctl.run(lambda d: self._verify(d, reference, target))

            def verified(v: cf.Future[StatusReading]) -> None:
                if v.cancelled() or v.exception() is not None:
                    finish(failed_reading(camera, v.exception() if not v.cancelled()
                                          else cf.CancelledError()))
                else:
                    finish(v.result())

            verify.add_done_callback(verified)

        command.add_done_callback(commanded)
        return outer

    async def _verify(self, driver: PtzDriver, reference: CameraReference,
                      target: WatchPosition) -> StatusReading:
        loop = asyncio.get_running_loop()
        start = loop.time()
        end = start + self.arrive_timeout
        first: StatusReading | None = None
        previous: StatusReading | None = None
        started = False  # seen moving (or moved): stillness now means it has stopped
        await asyncio.sleep(min(self.poll, 0.05))  # let the move start
        while True:
            try:
                status = await asyncio.wait_for(driver.status(), self.status_timeout)
            except (PtzError, TimeoutError) as exc:
                return failed_reading(reference.camera, exc)
            reading = to_reading(reference.camera, status)
            judged = arrival(reference, target, reading).outcome
            if judged in (ARRIVED, CANNOT_VERIFY):
                return reading
            position = (reading.pan, reading.tilt, reading.zoom)
            first = first or reading
            started = started or status.moving is True or position != (
                first.pan, first.tilt, first.zoom)
            # Standing still elsewhere: two equal positions in a row, not moving, once
            # it has started (a camera may take a moment before it sets off).
            if previous is not None and status.moving is not True and position == (
                    previous.pan, previous.tilt, previous.zoom) and (
                    started or loop.time() - start >= self.start_grace):
                return reading
            if loop.time() >= end:
                return reading
            previous = reading
            await asyncio.sleep(self.poll)

    def restore_all(self, references: Iterable[CameraReference]
                    ) -> cf.Future[list[RestoreResult]]:
        """Restore every camera given (each to its default position), in parallel."""
        return _gather([self.restore(r) for r in references if r.default is not None])

    # -- blocking conveniences (the task runner's worker thread) -------------------------------
    def run_check(self, service: PtzCheck, actor: CurrentUser, desk_id: int, trigger: str,
                  references: list[CameraReference] | None = None) -> CheckRunResult:
        """Read every PTZ camera of the current map (or `references`), compare and
        record the run with its log entry. Blocks: call it on a worker thread."""
        refs = references if references is not None else service.references()
        readings = self.read_statuses([r.camera for r in refs]).result(
            self.status_timeout + 30.0)
        return service.record_run(actor, desk_id, trigger, readings, refs)

    def restore_and_record(self, service: PtzCheck, actor: CurrentUser, run_id: int,
                           reference: CameraReference,
                           position: WatchPosition | None = None) -> PtzCheckRow:
        """Restore one camera, wait for the verdict, record it. Blocks: call it on a
        worker thread."""
        result = self.restore(reference, position).result(
            self.arrive_timeout + 2 * self.status_timeout + 30.0)
        return service.record_restore(actor, run_id, reference.camera, result.position.code,
                                      result.method, result.reading, reference)

    def restore_all_and_record(self, service: PtzCheck, actor: CurrentUser, run_id: int,
                               references: Iterable[CameraReference]) -> list[PtzCheckRow]:
        """"Restore all": every camera in parallel, then one row and entry each."""
        refs = {r.camera: r for r in references}
        results = self.restore_all(refs.values()).result(
            self.arrive_timeout + 2 * self.status_timeout + 30.0)
        return [service.record_restore(actor, run_id, r.camera, r.position.code, r.method,
                                       r.reading, refs[r.camera]) for r in results]


def out_of_position(result: CheckRunResult) -> list[str]:
    """The cameras a "restore all" after this run should restore."""
    return [d.camera for d in result.deviations if d.outcome == "out_of_position"]


__all__ = ["CameraMapCheck", "NO_CONTROLLER", "RestoreResult", "failed_reading",
           "out_of_position", "to_reading"]
