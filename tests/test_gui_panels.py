"""The panel base and the registry (issue 10 item 3): a panel loads on the runner,
shows empty / ready / error / offline the same way, reloads on a change of its
topics written by another console, and reports its errors; the main window builds
exactly the registry's docks a user may see, and a registry shortcut opens its dock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.db.changes import Topic
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from tests.gui_helpers import console
from widgets.main_window import MainWindow
from widgets.messages import background_failure, bridge
from widgets.panels import Panel, PanelState
from widgets.registry import PANELS


class NoticeCount(Panel):
    """A panel as small as one can be: how many notices the desk has."""

    topics = frozenset({Topic.NOTICE})

    def __init__(self, session, fail: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(session)
        self.fail = fail
        self.shown_data: list = []

    def query(self):  # type: ignore[no-untyped-def]
        ctx, desk_id, fail = self.session.ctx, self.session.desk.id, self.fail

        def work():  # type: ignore[no-untyped-def]
            if fail:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A notice needs a subject."))
            return ctx.notices.for_desk(desk_id)
        return work

    def present(self, data) -> None:  # type: ignore[no-untyped-def]
        self.shown_data = data


def test_a_panel_shows_empty_then_reloads_on_another_consoles_write(qtbot, ctx, users, desk):
    with console(ctx, users["giamsat1"]) as session:
        panel = NoticeCount(session)
        qtbot.addWidget(panel)
        panel.show()
        with qtbot.waitSignal(panel.loaded, timeout=10_000):
            panel.load()
        assert panel.state_line.state == PanelState.EMPTY and panel.state_line.isVisible()
        _feed_running(qtbot, session)
        # another console writes a notice: the change feed brings its topic here
        with qtbot.waitSignal(panel.loaded, timeout=20_000):
            ctx.notices.create(users["giamsat1"], desk.id, "Camera cổng B mất tín hiệu", "phone")
        assert panel.state_line.state == PanelState.READY and not panel.state_line.isVisible()
        assert [n.subject for n in panel.shown_data] == ["Camera cổng B mất tín hiệu"]


def _feed_running(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    """The change feed has read where the log stands: what is written next reaches it."""
    qtbot.waitUntil(lambda: session._feed is not None and session._feed.last_seq is not None,
                    timeout=10_000)


def test_a_hidden_panel_loads_what_changed_when_it_is_shown(qtbot, ctx, users, desk):
    with console(ctx, users["giamsat1"]) as session:
        panel = NoticeCount(session)
        qtbot.addWidget(panel)
        _feed_running(qtbot, session)
        with qtbot.waitSignal(session.changed, timeout=20_000,
                              check_params_cb=lambda ch: any(c.topic == Topic.NOTICE
                                                             for c in ch)):
            ctx.notices.create(users["giamsat1"], desk.id, "Mất điện trạm cân", "phone")
        assert panel.shown_data == []          # hidden: nothing loaded yet
        with qtbot.waitSignal(panel.loaded, timeout=10_000):
            panel.show()
        assert [n.subject for n in panel.shown_data] == ["Mất điện trạm cân"]


def test_a_failed_load_is_said_in_the_panel_not_swallowed(qtbot, ctx, users):
    with console(ctx, users["giamsat1"]) as session:
        panel = NoticeCount(session, fail=True)
        qtbot.addWidget(panel)
        panel.show()
        with qtbot.waitSignal(panel.failed, timeout=10_000) as failed:
            panel.load()
        assert failed.args[0] == "A notice needs a subject."
        assert panel.state_line.state == PanelState.ERROR and panel.state_line.isVisible()
        assert panel.state_line.text() == "A notice needs a subject."


def test_an_offline_panel_says_so(qtbot, ctx, users):
    with console(ctx, users["giamsat1"], online=False) as session:
        panel = NoticeCount(session)
        qtbot.addWidget(panel)
        panel.show()
        panel.load()
        assert panel.state_line.state == PanelState.OFFLINE and panel.state_line.isVisible()


def test_background_failures_reach_the_bridge(qtbot):
    with qtbot.waitSignal(bridge().backgroundFailed, timeout=1000) as said:
        background_failure("a refresh")(ValidationError(
            QT_TRANSLATE_NOOP("errors", "A notice needs a subject.")))
    assert said.args[0] == "A notice needs a subject."


@pytest.mark.parametrize("username", ["giamsat1", "truongca", "admin"])
def test_the_window_builds_the_registrys_docks_for_the_user(qtbot, ctx, users, username):
    user = users[username]
    with console(ctx, user) as session:
        w = MainWindow(session, persist_layout=False)
        qtbot.addWidget(w)
        w.show()
        expected = {p.id for p in PANELS if p.visible_to(session.user)}
        assert set(w.docks) == expected
        for spec in PANELS:
            if spec.id in expected and spec.attr:
                assert getattr(w, spec.attr) is w.panels[spec.id]
        # a registry shortcut, pressed on the shown window, opens its hidden dock
        assert not w.docks["health"].isVisible()
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_H,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: w.docks["health"].isVisible(), timeout=5000)
        # the navigator opens a panel by its id, whoever asks
        w.nav.showPanel.emit("checklist")
        qtbot.waitUntil(lambda: w.docks["checklist"].isVisible(), timeout=5000)
        w.close()
