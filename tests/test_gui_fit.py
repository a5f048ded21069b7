"""Nothing is cut off on the screens officers have: with the main window at 1920×1080
and at 1366×768 (a shift leader's, every dock shown, in Vietnamese), every button's
and unwrapped label's text fits its widget, and every column header fits its column
or can be read whole in its tooltip. Cut text ("Chỉ đạo…", "óng to / góc") fails the
test with the widget named."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QHeaderView, QLabel, QWidget

from tests.gui_helpers import console
from tests.test_gui_vietnamese import vietnamese  # noqa: F401 - the fixture
from widgets.main_window import MainWindow


def _visible(w: QWidget) -> bool:
    """Shown to the officer: visible, and not scrolled out of its dock's view."""
    return w.isVisible() and w.width() > 0 and not w.visibleRegion().isEmpty()


def clipped(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not (w.isVisible() if isinstance(w, QHeaderView) else _visible(w)):
            continue
        fm = w.fontMetrics()
        if isinstance(w, QAbstractButton) and w.text():
            need = fm.horizontalAdvance(w.text().replace("&", "")) + 12
            if need > w.width():
                out.append(f"button {w.text()!r}: {need} > {w.width()}")
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() \
                and w.textFormat() != 1 and "<" not in w.text():
            widest = max(fm.horizontalAdvance(line.replace("&", ""))
                         for line in w.text().splitlines())
            if widest > w.contentsRect().width() + 1:
                out.append(f"label {w.text()!r}: {widest} > {w.contentsRect().width()}")
        elif isinstance(w, QHeaderView) and w.orientation().value == 1 and w.model():
            m = w.model()
            for c in range(w.count()):
                if w.isSectionHidden(c) or \
                        w.sectionResizeMode(c) == QHeaderView.ResizeMode.ResizeToContents:
                    continue  # hidden, or sized by Qt to its title and contents
                text = m.headerData(c, w.orientation(), 0) or ""
                need = fm.horizontalAdvance(str(text)) + 8
                if need > w.sectionSize(c) and not m.headerData(c, w.orientation(), 3):
                    table = w.parent().objectName() or type(w.parent()).__name__
                    out.append(f"column {text!r} of {table}: {need} > {w.sectionSize(c)}")
    return sorted(set(out))


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
def test_no_text_is_cut_off_in_the_main_window(qtbot, ctx, users, desk, size, vietnamese):  # noqa: F811
    from app.cameras.registry import seed_demo_cameras  # noqa: PLC0415
    from app.demo import _directives_and_reports, _workflow  # noqa: PLC0415

    seed_demo_cameras(ctx)  # the story's camera fault names a registered camera
    _workflow(ctx, desk.id, users, ctx.clock.now())
    _directives_and_reports(ctx, desk.id, users, ctx.clock.now())
    with console(ctx, users["truongca"]) as session:
        w = MainWindow(session, persist_layout=False)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        with qtbot.waitSignal(w.dutylog.loaded, timeout=10_000):
            w.dutylog.reload()
        QApplication.processEvents()
        assert w.width() <= size[0], "the window is wider than the screen"
        found = set(clipped(w))
        for key, dock in w.docks.items():     # each dock brought to the front in turn
            dock.show()
            dock.raise_()
            QApplication.processEvents()
            found |= {f"{key}: {c}" for c in clipped(dock)}
        assert sorted(found) == [], "\n".join(sorted(found))
