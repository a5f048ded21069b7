"""Child process for the multi-monitor test: opens the main window on a database,
either moves it to the second screen and saves the layout, or restores it, and
prints the screen the window is on."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.auth import to_current  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.settings import Settings  # noqa: E402
from widgets.main_window import MainWindow  # noqa: E402
from widgets.qt_tasks import QtTaskRunner  # noqa: E402
from widgets.session import ConsoleSession, DeskInfo  # noqa: E402


def main() -> int:
    data_dir, mode = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    ctx = AppContext.create(Settings(data_dir=str(data_dir)))
    ctx.connect()
    if mode in ("save", "wall-save"):
        from app import demo  # noqa: PLC0415
        from app.cameras.registry import seed_demo_cameras  # noqa: PLC0415

        demo.seed(ctx, entries_today=3)
        seed_demo_cameras(ctx, port=9)   # nothing listens there: tiles go offline
    runner = QtTaskRunner()
    session = ConsoleSession(ctx, runner)
    account = next(u for u in ctx.reference.users() if u.username == "truongca")
    desk = ctx.reference.desk_by_code("HQ")
    session.begin(to_current(account), DeskInfo(desk.id, desk.code, desk.name, desk.place),
                  ctx.cached_shift(ctx.roster.current_shift(desk.id)), online=True)
    window = MainWindow(session)
    screens = app.screens()
    if mode.startswith("wall-"):
        return walls(app, window, mode, session, runner, ctx)
    if mode == "save":
        window.show()
        window.setScreen(screens[1])
        window.move(screens[1].geometry().topLeft() + QPoint(40, 30))
        app.processEvents()
        window.save_layout()
    else:
        window.restore_layout()
        window.show()
        app.processEvents()
    print(f"screens={len(screens)} screen={window.screen().name()} x={window.x()}", flush=True)
    window.close()
    session.stop()
    runner.shutdown()
    ctx.close()
    return 0


def walls(app, window, mode, session, runner, ctx) -> int:  # type: ignore[no-untyped-def]
    """wall-save: a 9-cell wall on the second screen and a 1+5 wall on the first, saved;
    wall-restore: the saved walls re-opened; prints each wall's screen, layout and cells."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    from widgets.wall.layouts import CellContent, WallView  # noqa: PLC0415
    from widgets.wall.tile import join_retired  # noqa: PLC0415

    manager = window.walls
    loaded = QEventLoop()                     # until the camera directory has come
    manager.camerasLoaded.connect(loaded.quit)
    QTimer.singleShot(30_000, loaded.quit)
    manager.load()
    loaded.exec()
    if mode == "wall-save":
        codes = sorted(manager.cameras)
        screens = app.screens()
        right = manager.open_wall(screen=screens[1], view=WallView(
            layout="9", cells=[CellContent((codes[0],)), CellContent(),
                               CellContent((codes[1], codes[2]), dwell=5)]))
        right.move(screens[1].geometry().topLeft())
        manager.open_wall(screen=screens[0], view=WallView(
            layout="1+5", cells=[CellContent((codes[3],))]))
        app.processEvents()
        manager.save()
    else:
        assert manager.restore()          # the directory is loaded: the walls open now
    for w in manager.walls:
        v = w.view()
        cells = ";".join(",".join(c.cameras) for c in v.cells)
        print(f"wall screen={w.screen().name()} x={w.x()} layout={v.layout} cells={cells}",
              flush=True)
    manager.close_all()
    window.close()
    join_retired(10)
    session.stop()
    runner.shutdown()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
