"""The threaded PTZ wrapper: runs one asynchronous `PtzDriver` on a worker thread with
its own asyncio loop. Every call returns a `concurrent.futures.Future` at once and
never blocks the caller (the GUI thread); results and `PtzError`s arrive through the
future (the GUI posts them back with its task runner).

Move commands go to the camera in the order they were called. A continuous move is
always ended by an explicit Stop, sent when the caller calls `stop()` or when the
client-side move timeout runs out (some cameras ignore the ONVIF move timeout). After
each Stop the status is read back; a camera still moving gets the Stop again, up to
`stop_attempts` times, and the outcome is a `StopReport` (returned to the caller, and
given to `on_stop` for stops the client made on its own). `close()` stops a running
move, closes the driver, stops the loop and joins the thread."""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from video.ptz.controller import (
    Preset,
    PtzDriver,
    PtzError,
    PtzFailure,
    PtzStatus,
    StopCause,
    StopReport,
)

log = logging.getLogger("customs.video.ptz")
T = TypeVar("T")


class ThreadedPtzController:
    """`PtzController` over an asynchronous driver (see module doc)."""

    def __init__(self, driver: PtzDriver, *, move_timeout: float = 10.0,
                 stop_attempts: int = 3, stop_settle: float = 0.15,
                 on_stop: Callable[[StopReport], None] | None = None) -> None:
        self.driver = driver
        self.camera = driver.camera
        self.move_timeout = move_timeout      # s a continuous move lasts without a new command
        self.stop_attempts = stop_attempts
        self.stop_settle = stop_settle        # s between a Stop and reading the status back
        self.on_stop = on_stop                # called on the worker thread
        self._loop = asyncio.new_event_loop()
        self._commands = asyncio.Lock()
        self._moving = False
        self._move_seq = 0
        self._timer: asyncio.TimerHandle | None = None
        self._closed = False
        self._close_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"ptz-{self.camera}",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    # -- submitting -------------------------------------------------------------------
    def _submit(self, coro: Coroutine[Any, Any, T]) -> cf.Future[T]:
        if not self._closed:
            try:
                return asyncio.run_coroutine_threadsafe(coro, self._loop)
            except RuntimeError:  # the loop closed between the check and the call
                pass
        coro.close()
        future: cf.Future[T] = cf.Future()
        future.set_exception(PtzError(PtzFailure.CLOSED, self.camera))
        return future

    def run(self, fn: Callable[[PtzDriver], Awaitable[T]]) -> cf.Future[T]:
        """Runs `fn(driver)` on the worker loop (for wrappers: tours, checks)."""
        async def call() -> T:
            return await fn(self.driver)
        return self._submit(call())

    def run_command(self, fn: Callable[[PtzDriver], Awaitable[T]]) -> cf.Future[T]:
        """Like `run`, in order with the move commands (a move started this way is
        the caller's to stop)."""
        async def call() -> T:
            async with self._commands:
                return await fn(self.driver)
        return self._submit(call())

    # -- moves ----------------------------------------------------------------------
    def continuous_move(self, pan: float, tilt: float, zoom: float = 0.0,
                        timeout: float | None = None) -> cf.Future[None]:
        return self._submit(self._continuous(pan, tilt, zoom, timeout or self.move_timeout))

    async def _continuous(self, pan: float, tilt: float, zoom: float, timeout: float) -> None:
        async with self._commands:
            self._cancel_timer()
            self._move_seq += 1
            seq = self._move_seq
            # Armed before sending: a command that timed out may still have reached the
            # camera, and then a Stop must follow all the same.
            self._moving = True
            self._timer = self._loop.call_later(timeout, self._move_timed_out, seq)
            try:
                await self.driver.continuous_move(pan, tilt, zoom, timeout=timeout)
            except PtzError as exc:
                if exc.reason not in (PtzFailure.TIMEOUT, PtzFailure.CAMERA_FAULT):
                    # Refused or never delivered: the camera is not moving, no Stop owed.
                    self._cancel_timer()
                    self._moving = False
                raise

    def _move_timed_out(self, seq: int) -> None:
        if seq == self._move_seq and self._moving:
            log.info("PTZ %s: move timeout, stopping", self.camera)
            task = self._loop.create_task(self._stop(StopCause.TIMEOUT))
            task.add_done_callback(_log_task_failure)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def stop(self) -> cf.Future[StopReport]:
        """The explicit Stop (always sent), checked by status read-back."""
        return self._submit(self._stop(StopCause.CALLER))

    async def _stop(self, cause: StopCause) -> StopReport:
        async with self._commands:
            return await self._stop_locked(cause)

    async def _stop_locked(self, cause: StopCause) -> StopReport:
        self._cancel_timer()
        self._moving = False
        attempts = 0
        stopped: bool | None = None
        error: PtzError | None = None
        for _ in range(max(1, self.stop_attempts)):
            try:
                await self.driver.stop()
            except PtzError as exc:
                error = exc
                break
            attempts += 1
            await asyncio.sleep(self.stop_settle)
            try:
                status = await self.driver.status()
            except PtzError as exc:
                log.info("PTZ %s: status after Stop unavailable: %s", self.camera, exc.reason)
                stopped = None
                break
            stopped = None if status.moving is None else not status.moving
            if stopped is not False:
                break
            log.warning("PTZ %s: still moving after Stop %d", self.camera, attempts)
        report = StopReport(self.camera, cause, attempts, stopped, error)
        if attempts > 1 or stopped is False or error is not None:
            log.warning("PTZ %s: stop %s", self.camera, report)
        if cause is not StopCause.CALLER and self.on_stop is not None:
            self.on_stop(report)
        if error is not None and cause is StopCause.CALLER:
            raise error
        return report

    def absolute_move(self, pan: float | None, tilt: float | None, zoom: float | None,
                      speed: float | None = None) -> cf.Future[None]:
        return self._submit(self._command(self.driver.absolute_move(pan, tilt, zoom, speed)))

    def relative_move(self, pan: float, tilt: float, zoom: float = 0.0,
                      speed: float | None = None) -> cf.Future[None]:
        return self._submit(self._command(self.driver.relative_move(pan, tilt, zoom, speed)))

    def goto_preset(self, token: str, speed: float | None = None) -> cf.Future[None]:
        return self._submit(self._command(self.driver.goto_preset(token, speed)))

    def goto_home(self, speed: float | None = None) -> cf.Future[None]:
        return self._submit(self._command(self.driver.goto_home(speed)))

    async def _command(self, coro: Awaitable[T]) -> T:
        async with self._commands:
            # A new target replaces a continuous move: no Stop is owed any more.
            self._cancel_timer()
            self._moving = False
            return await coro

    # -- reads and presets -------------------------------------------------------------
    def status(self) -> cf.Future[PtzStatus]:
        return self._submit(self.driver.status())

    def presets(self) -> cf.Future[list[Preset]]:
        return self._submit(self.driver.presets())

    def set_preset(self, name: str | None = None, token: str | None = None) -> cf.Future[str]:
        return self._submit(self._command_keep_move(self.driver.set_preset(name, token)))

    def remove_preset(self, token: str) -> cf.Future[None]:
        return self._submit(self._command_keep_move(self.driver.remove_preset(token)))

    async def _command_keep_move(self, coro: Awaitable[T]) -> T:
        async with self._commands:
            return await coro

    # -- closing --------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self._closed

    def close(self, timeout: float = 10.0) -> None:
        """Stops a running move, closes the driver, stops the loop, joins the thread.
        Commands still pending are cancelled."""
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
        done = asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop)
        try:
            done.result(timeout)
        except (cf.TimeoutError, cf.CancelledError, PtzError) as exc:
            log.warning("PTZ %s: closing: %r", self.camera, exc)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    async def _shutdown(self) -> None:
        current = asyncio.current_task()
        others = [t for t in asyncio.all_tasks(self._loop) if t is not current]
        for t in others:
            t.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        self._commands = asyncio.Lock()  # a cancelled holder may not have released it
        if self._moving:
            with contextlib.suppress(PtzError):
                await self._stop_locked(StopCause.CLOSE)
        self._cancel_timer()
        await self.driver.close()
        await self._loop.shutdown_default_executor()


def _log_task_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("PTZ task failed: %r", task.exception())
