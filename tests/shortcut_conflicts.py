"""Finds keys that two enabled shortcuts (QAction or QShortcut) of one window answer
in an overlapping context: Qt then fires neither and logs "Ambiguous shortcut
overload". A window-wide shortcut overlaps every other one in its window; a
widget-with-children shortcut overlaps those of its ancestors and descendants; an
application shortcut overlaps everything."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

CTX = Qt.ShortcutContext


@dataclass(frozen=True)
class Binding:
    key: str
    context: Qt.ShortcutContext
    owner: QWidget          # the widget the context is relative to
    name: str
    source: int             # id() of the QAction or QShortcut


def _label(obj) -> str:  # type: ignore[no-untyped-def]
    text = obj.text() if isinstance(obj, QAction) else ""
    return f"{type(obj).__name__}({text or obj.objectName() or hex(id(obj))})"


def bindings(window: QWidget) -> list[Binding]:
    out: list[Binding] = []
    seen: set[int] = set()
    for sc in window.findChildren(QShortcut):
        parent = sc.parent()
        if not sc.isEnabled() or not isinstance(parent, QWidget):
            continue
        for seq in sc.keys():  # noqa: SIM118 - QShortcut.keys(), not a dict
            if not seq.isEmpty():
                out.append(Binding(seq.toString(), sc.context(), parent,
                                   f"QShortcut on {type(parent).__name__}"
                                   f"({parent.objectName() or hex(id(parent))})", id(sc)))
    for act in window.findChildren(QAction):
        if id(act) in seen or not act.isEnabled():
            continue
        seen.add(id(act))
        # a menu's action answers in the window of its menu bar: the action is added to
        # the window as well, so the menus themselves are left out
        owners = [w for w in act.associatedObjects() if isinstance(w, QWidget)
                  and not isinstance(w, QMenu | QMenuBar)
                  and (w is window or window.isAncestorOf(w))]
        for seq in act.shortcuts():
            for owner in owners:
                out.append(Binding(seq.toString(), act.shortcutContext(), owner, _label(act),
                                   id(act)))
    return [b for b in out if b.key]


def _within(a: QWidget, b: QWidget) -> bool:
    return a is b or b.isAncestorOf(a)


def _overlap(a: Binding, b: Binding) -> bool:
    if CTX.ApplicationShortcut in (a.context, b.context):
        return True
    if a.owner.window() is not b.owner.window():
        return False
    if CTX.WindowShortcut in (a.context, b.context):
        return True
    if a.context == CTX.WidgetShortcut and b.context == CTX.WidgetShortcut:
        return a.owner is b.owner
    if a.context == CTX.WidgetShortcut:
        return _within(a.owner, b.owner)
    if b.context == CTX.WidgetShortcut:
        return _within(b.owner, a.owner)
    return _within(a.owner, b.owner) or _within(b.owner, a.owner)


def conflicts(window: QWidget) -> list[str]:
    found = []
    items = bindings(window)
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.key == b.key and a.source != b.source and _overlap(a, b):
                found.append(f"{a.key}: {a.name} and {b.name}")
    return sorted(set(found))


def all_windows_conflicts() -> dict[str, list[str]]:
    return {w.windowTitle() or type(w).__name__: c for w in QApplication.topLevelWidgets()
            if w.isVisible() and (c := conflicts(w))}
