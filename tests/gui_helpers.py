"""Shared set-up for the pytest-qt tests: a console session on a test database."""

from __future__ import annotations

from contextlib import contextmanager

from app.context import AppContext
from widgets.qt_tasks import QtTaskRunner
from widgets.session import ConsoleSession, DeskInfo


@contextmanager
def console(ctx: AppContext, user, online: bool = True,  # type: ignore[no-untyped-def]
            desk_code: str = "HQ"):
    """A ConsoleSession logged in as `user` at the desk `desk_code`, stopped afterwards."""
    runner = QtTaskRunner()
    session = ConsoleSession(ctx, runner)
    desk = ctx.reference.desk_by_code(desk_code)
    shift = ctx.cached_shift(ctx.roster.current_shift(desk.id))
    session.office_hours = ctx.office_hours()
    try:
        session.begin(user, DeskInfo(desk.id, desk.code, desk.name, desk.place), shift, online)
        yield session
    finally:
        session.stop()
        runner.shutdown()


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type Unicode text into a widget key by key (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt  # noqa: PLC0415
    from PySide6.QtGui import QKeyEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))
