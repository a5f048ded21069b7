"""Keyboard shortcuts that belong to one panel: active while the focus is inside it,
so the same keys can mean "save the entry" in the log and "approve" in the
supervisor console."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

# Ctrl+Enter on the keypad and Ctrl+Return on the main keyboard do the same.
CONFIRM = ("Ctrl+Return", "Ctrl+Enter")


def panel_shortcut(widget: QWidget, keys: str | tuple[str, ...],
                   slot: Callable[[], object]) -> list[QShortcut]:
    out = []
    for seq in (keys,) if isinstance(keys, str) else keys:
        sc = QShortcut(QKeySequence(seq), widget)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)
        out.append(sc)
    return out
