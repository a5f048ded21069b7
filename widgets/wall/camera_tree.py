"""The camera tree: cameras grouped by site and zone, with their live state; drag a
camera (or a zone: its cameras become a sequence) onto a wall cell, or press Enter /
double-click to show it in the active wall's selected cell. A filter box finds a camera
by number, code or name (diacritics optional)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.text import fold
from video.stream import State
from widgets import theme
from widgets.wall.tile import state_text
from widgets.wall.wall import WallCamera, camera_mime

CODE_ROLE = Qt.ItemDataRole.UserRole
_COLOURS = {State.LIVE: theme.OK, State.OFFLINE: theme.ALARM, State.AUTH_FAILED: theme.ALARM,
            State.CODEC_UNSUPPORTED: theme.ALARM}


class _Tree(QTreeWidget):
    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802
        codes: list[str] = []
        for item in items:
            codes.extend(_codes_under(item))
        return camera_mime(list(dict.fromkeys(codes)))


def _codes_under(item: QTreeWidgetItem) -> list[str]:
    code = item.data(0, CODE_ROLE)
    if code:
        return [code]
    out: list[str] = []
    for i in range(item.childCount()):
        out.extend(_codes_under(item.child(i)))
    return out


class CameraTree(QWidget):
    """See the module doc."""

    cameraActivated = Signal(list)   # camera codes (one, or a zone's as a sequence)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Find a camera: number, code or name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = _Tree(self)
        self.tree.setHeaderLabels([self.tr("Camera"), self.tr("State")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.itemActivated.connect(self._activated)
        self.tree.setColumnWidth(0, 260)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}

    def set_cameras(self, cameras: dict[str, WallCamera]) -> None:
        self.tree.clear()
        self._items.clear()
        sites: dict[str, QTreeWidgetItem] = {}
        zones: dict[tuple[str, str], QTreeWidgetItem] = {}
        for cam in sorted(cameras.values(), key=lambda c: (c.site, c.zone, c.number)):
            site = sites.get(cam.site)
            if site is None:
                site = sites[cam.site] = QTreeWidgetItem(self.tree, [cam.site])
                site.setExpanded(True)
            zone_key = (cam.site, cam.zone)
            zone = zones.get(zone_key)
            if zone is None:
                zone = zones[zone_key] = QTreeWidgetItem(site, [cam.zone or "—"])
                zone.setExpanded(True)
            item = QTreeWidgetItem(zone, [cam.label, ""])
            item.setData(0, CODE_ROLE, cam.code)
            item.setToolTip(0, f"{cam.code} · {cam.kind}")
            item.setData(0, Qt.ItemDataRole.UserRole + 1, fold(
                f"{cam.number} {cam.code} {cam.name}"))
            self._items[cam.code] = item
        self._apply_filter(self.filter.text())

    def set_state(self, code: str, state: str) -> None:
        item = self._items.get(code)
        if item is None:
            return
        st = State(state)
        item.setText(1, state_text(st))
        item.setForeground(1, QBrush(QColor(_COLOURS.get(st, theme.WARN))))

    def item(self, code: str) -> QTreeWidgetItem | None:
        return self._items.get(code)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        codes = _codes_under(item)
        if codes:
            self.cameraActivated.emit(codes)

    def _apply_filter(self, text: str) -> None:
        needle = fold(text.strip())
        for code, item in self._items.items():
            hay = item.data(0, Qt.ItemDataRole.UserRole + 1) or code
            item.setHidden(bool(needle) and needle not in hay)


__all__ = ["CameraTree"]
