"""The task runner: blocking work (SQL, PDF, files) runs on worker threads and its
result or error is delivered back on the GUI thread through a `post` function
that the UI supplies (widgets/qt_tasks.py). A task may name its `owner` (the panel
that asked): its callbacks are dropped if the owner is gone by then (`alive`, which
the UI supplies too). The core never touches Qt."""

from __future__ import annotations

import concurrent.futures as cf
import threading
from collections.abc import Callable
from typing import Any, Protocol

from app import logs

log = logs.get("tasks")

Post = Callable[[Callable[[], None]], None]
Alive = Callable[[object], bool]


class TaskRunner(Protocol):
    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               serial: bool = False, owner: object | None = None) -> cf.Future: ...

    def shutdown(self) -> None: ...


class ThreadTaskRunner:
    """Runs callables on a small thread pool; callbacks are posted to the owner
    thread with `post`. Database writes use the single `serial` lane so that
    operations of one console are applied in order (Anki's pattern)."""

    def __init__(self, post: Post, workers: int = 3, alive: Alive | None = None) -> None:
        self._post = post
        self._alive = alive or (lambda _owner: True)
        self._pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="task")
        self._serial = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="task-serial")
        self._closed = threading.Event()

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               serial: bool = False, owner: object | None = None) -> cf.Future:
        if self._closed.is_set():
            # Closing down: late callbacks (a change arriving as the window closes)
            # have nowhere to go.
            future: cf.Future = cf.Future()
            future.cancel()
            return future
        pool = self._serial if serial else self._pool
        future = pool.submit(fn)

        def finished(f: cf.Future) -> None:
            if self._closed.is_set() or f.cancelled():
                return
            exc = f.exception()
            if exc is not None:
                if on_error is not None:
                    self._post(lambda: self._deliver(owner, on_error, exc))
                else:
                    log.error("task failed", exc_info=exc)
            elif on_done is not None:
                result = f.result()
                self._post(lambda: self._deliver(owner, on_done, result))

        future.add_done_callback(finished)
        return future

    def _deliver(self, owner: object | None, callback: Callable[[Any], None],
                 value: Any) -> None:
        """On the owner thread: the callback, unless the task's owner is gone."""
        if owner is None or self._alive(owner):
            callback(value)
        else:
            log.debug("a task's result dropped: %r is gone", type(owner).__name__)

    def shutdown(self) -> None:
        self._closed.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._serial.shutdown(wait=True, cancel_futures=True)


class InlineTaskRunner:
    """Runs everything at once on the calling thread (CLI and unit tests)."""

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               serial: bool = False, owner: object | None = None,  # noqa: ARG002
               ) -> cf.Future:
        future: cf.Future = cf.Future()
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - delivered to on_error
            future.set_exception(exc)
            if on_error:
                on_error(exc)
            return future
        future.set_result(result)
        if on_done:
            on_done(result)
        return future

    def shutdown(self) -> None:
        return None
