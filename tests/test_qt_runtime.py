"""The Qt binding must survive a console that runs for weeks: every signal a
console emits must leave Python's reference counts as they were (PySide6 6.12.0
lost a reference to True on each emit, and the process aborted)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


def test_emitting_signals_keeps_reference_counts(qapp):
    e = _Emitter()
    seen: list[object] = []
    e.flag.connect(seen.append)
    e.value.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        e.flag.emit(False)
        e.value.emit(1)
    seen.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after == before
