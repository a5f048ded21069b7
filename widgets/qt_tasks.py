"""The task runner on the GUI thread: results and errors of blocking work come
back through a queued signal, so no widget is ever touched from a worker; a task
submitted with `owner=widget` delivers nothing once that widget is deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from shiboken6 import isValid

from app.tasks import ThreadTaskRunner


class _Poster(QObject):
    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class QtTaskRunner(ThreadTaskRunner):
    """ThreadTaskRunner whose callbacks run on the thread that created it."""

    def __init__(self, workers: int = 3) -> None:
        self._poster = _Poster()
        super().__init__(self._poster.posted.emit, workers=workers, alive=_alive)


def _alive(owner: object) -> bool:
    """A Qt object's C++ side still exists (a closed panel's is deleted)."""
    return not isinstance(owner, QObject) or isValid(owner)
