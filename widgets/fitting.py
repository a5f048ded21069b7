"""Column headers read whole: every section of a table whose width the officer or
the code sets (interactive or fixed) is at least as wide as its title, so
"Δ phóng to / góc nhìn" never shows as "óng to / góc". Stretched and content-sized
sections size themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QWidget

PADDING = 14  # px around a header's text (the style's margins and the sort arrow)


def fit_headers(root: QWidget) -> None:
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or header.model() is None:
            continue
        fm = header.fontMetrics()
        for c in range(header.count()):
            mode = header.sectionResizeMode(c)
            if mode not in (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed):
                continue
            text = str(header.model().headerData(c, header.orientation(),
                                                 Qt.ItemDataRole.DisplayRole) or "")
            need = fm.horizontalAdvance(text) + PADDING
            if header.sectionSize(c) < need:
                header.resizeSection(c, need)
