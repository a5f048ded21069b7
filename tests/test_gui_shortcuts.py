"""No key means two things at once: in the main window (an officer's, a shift
leader's with the supervisor console, an admin's; every dock built) and on a camera
wall, no two enabled shortcuts share a key in overlapping contexts (Qt would fire
neither: "Ambiguous shortcut overload")."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget

from tests.gui_helpers import console
from tests.shortcut_conflicts import bindings, conflicts
from widgets.main_window import MainWindow
from widgets.shortcuts import panel_shortcut


def test_the_detector_tells_overlapping_from_separate_contexts(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    body = QWidget()
    left, right = QLineEdit(body), QLineEdit(body)
    lay = QVBoxLayout(body)
    lay.addWidget(left)
    lay.addWidget(right)
    w.setCentralWidget(body)
    panel_shortcut(left, "Ctrl+R", lambda: None)
    panel_shortcut(right, "Ctrl+R", lambda: None)      # another panel: no conflict
    assert conflicts(w) == []
    act = QAction("Reload", w)
    act.setShortcut(QKeySequence("Ctrl+R"))
    w.addAction(act)                                   # window-wide: overlaps both
    assert len(conflicts(w)) == 2
    act.setEnabled(False)
    assert conflicts(w) == []


@pytest.mark.parametrize("username", ["giamsat1", "truongca", "admin"])
def test_no_key_is_bound_twice_in_the_main_window_or_a_wall(qtbot, ctx, users, username):
    with console(ctx, users[username]) as session:
        w = MainWindow(session, persist_layout=False)
        qtbot.addWidget(w)
        w.show()
        keys = [b.key for b in bindings(w)]
        assert {"Ctrl+N", "Ctrl+H", "Ctrl+L"} <= set(keys) and keys.count("F5") == 2
        if username == "truongca":
            assert "supervisor" in w.docks
        assert conflicts(w) == []
        wall = w.walls.open_wall()
        try:
            assert {"F11", "F12", "Ctrl+1"} <= {b.key for b in bindings(wall)}
            assert conflicts(wall) == []
        finally:
            wall.close()
