"""The camera-map check panel (widgets/wall/map_check.py) through the real widgets, the
real ONVIF chain and fake ONVIF cameras, on both databases: the deviation table after
"check now", a moved camera restored with one key and verified, the run and the restore
in the duty log; the image check: a reference taken from the live picture (camera-map
keepers only), a passing check, then a shifted view found as a fault."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.cameras.map_model import DEMO_FILE
from app.cameras.registry import seed_demo_cameras
from app.db.models import LogEntry
from tests.gui_helpers import console
from tests.helpers.rtsp import RtspServer, sub
from tests.test_ptz_check import _sim_cameras
from video.sim.onvif_camera import OnvifCameraSim
from widgets.main_window import MainWindow
from widgets.wall.directory import load_directory
from widgets.wall.manager import WallManager
from widgets.wall.map_check import CameraMapCheckPanel


@pytest.fixture
def site(ctx, users) -> Iterator[OnvifCameraSim]:  # type: ignore[no-untyped-def]
    seed_demo_cameras(ctx, 9)
    ctx.camera_map.import_file(users["admin"], DEMO_FILE)
    refs = {r.camera: r for r in ctx.ptz_check.references()}
    cams = _sim_cameras(refs)
    for cam in cams:                       # the demo registry's ONVIF login
        cam.password = "demo123"
    sim = OnvifCameraSim(cams).start()
    seed_demo_cameras(ctx, 9, onvif_port=sim.port)
    yield sim
    sim.close()


def _panel(qtbot, session):  # type: ignore[no-untyped-def]
    manager = WallManager(session, None, persist=False)
    manager.cameras = load_directory(session.ctx.cameras)
    panel = CameraMapCheckPanel(manager)
    qtbot.addWidget(panel)
    panel.show()
    manager.camerasLoaded.emit()
    return manager, panel


def _log_contents(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        return [e.content for e in s.query(LogEntry).order_by(LogEntry.id)]


def test_check_table_restore_and_log(qtbot, ctx, users, desk, site):
    with console(ctx, users["giamsat1"]) as session:
        manager, panel = _panel(qtbot, session)
        try:
            panel.activateWindow()
            qtbot.waitUntil(panel.isActiveWindow, timeout=5000)
            with qtbot.waitSignal(panel.checked, timeout=60000) as done:
                qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
            result = done.args[0]
            rows = {panel.table.item(r, 0).text(): panel.table.item(r, 5).text()
                    for r in range(panel.table.rowCount())}
            assert rows["DV-CAM-03"] == "in position"
            assert rows["HN-CAM-05"] == "out of position"
            assert rows["HN-CAM-06"] == "cannot verify by status"
            assert "cannot be verified by status" in panel.summary.text()
            assert result.run.id and any("HN-CAM-05" in c for c in _log_contents(ctx))
            panel.table.selectRow(next(r for r in range(panel.table.rowCount())
                                       if panel.table.item(r, 0).text() == "HN-CAM-05"))
            with qtbot.waitSignal(panel.restored, timeout=60000) as restored:
                qtbot.keyClick(panel.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
            assert restored.args == ["HN-CAM-05", "arrived"]
            assert sum("HN-CAM-05" in c for c in _log_contents(ctx)) >= 2
        finally:
            manager.ptz.close()


def test_f5_checks_in_the_panel_and_reloads_in_the_log_of_the_main_window(qtbot, ctx, users,
                                                                          desk, site):
    """Docked in the main window beside the duty log, F5 means "check now" in the
    panel and "reload" in the log (it was ambiguous, and did nothing)."""
    with console(ctx, users["giamsat1"]) as session:
        w = MainWindow(session, persist_layout=False)
        qtbot.addWidget(w)
        try:
            w.show()
            with qtbot.waitSignal(w.walls.camerasLoaded, timeout=20_000):
                w.walls.load()
            w.docks["mapcheck"].show()
            w.activateWindow()
            qtbot.waitUntil(w.isActiveWindow, timeout=5000)
            w.map_check.table.setFocus()
            with qtbot.waitSignal(w.map_check.checked, timeout=60000) as done:
                qtbot.keyClick(w.map_check.table, Qt.Key.Key_F5)
            assert done.args[0].run.trigger == "on_demand"
            w.dutylog.table.setFocus()
            with qtbot.waitSignal(w.dutylog.loaded, timeout=10_000):
                qtbot.keyClick(w.dutylog.table, Qt.Key.Key_F5)
        finally:
            w.walls.ptz.close()
            w.close()


def test_image_check_reference_then_fault(qtbot, ctx, users, desk):
    seed_demo_cameras(ctx, 9)
    server = RtspServer([sub("/DV-CAM-04/sub", label="DV-CAM-04", pattern="smpte"),
                         sub("/DV-CAM-04/main", label="DV-CAM-04", pattern="smpte")])
    try:
        seed_demo_cameras(ctx, server.port)
        with console(ctx, users["giamsat1"]) as officer:
            _manager, panel = _panel(qtbot, officer)
            panel.image_camera.setCurrentIndex(panel.image_camera.findData("DV-CAM-04"))
            assert not panel.reference_button.isEnabled()     # officers do not set references
            with qtbot.waitSignal(panel.imageChecked, timeout=1000, raising=False) as none:
                panel.check_image()
            qtbot.waitUntil(lambda: not panel.busy, timeout=30000)
            assert not none.signal_triggered and "No reference" in panel.image_result.text()
        with console(ctx, users["admin"]) as admin:
            _manager, panel = _panel(qtbot, admin)
            panel.image_camera.setCurrentIndex(panel.image_camera.findData("DV-CAM-04"))
            panel.set_reference()
            qtbot.waitUntil(lambda: not panel.busy, timeout=30000)
            assert "Reference set" in panel.image_result.text()
        with console(ctx, users["giamsat1"]) as officer:
            _manager, panel = _panel(qtbot, officer)
            panel.image_camera.setCurrentIndex(panel.image_camera.findData("DV-CAM-04"))
            with qtbot.waitSignal(panel.imageChecked, timeout=60000) as same:
                panel.check_image()
            assert same.args == ["DV-CAM-04", "ok"] and panel.overlay.pixmap() is not None
            # the camera is turned: another picture at the same address
            server.restart([{"path": "/DV-CAM-04/sub", "size": "640x360", "label": "X",
                             "pattern": "pinwheel"},
                            {"path": "/DV-CAM-04/main", "size": "1280x720", "label": "X",
                             "pattern": "pinwheel"}])
            with qtbot.waitSignal(panel.imageChecked, timeout=60000) as changed:
                panel.check_image()
            assert changed.args == ["DV-CAM-04", "drift"]      # another view: no match
            [result, _ok] = ctx.image_checks.results("DV-CAM-04")
            assert result.notice_id is not None and result.log_entry_id is not None
            assert "Written to the duty log" in panel.image_result.text()
    finally:
        server.close()


def test_camera_map_import_shows_the_differences_before_applying(qtbot, ctx, users, tmp_path):
    import json  # noqa: PLC0415

    from widgets.wall.camera_map_panel import CameraMapPanel  # noqa: PLC0415

    seed_demo_cameras(ctx, 9)
    ctx.camera_map.import_file(users["admin"], DEMO_FILE)
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    data["cameras"][0]["positions"][0]["pan"] = 0.25          # a position moved
    changed = tmp_path / "camera_map_v2.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with console(ctx, users["giamsat1"]) as officer:
        panel = CameraMapPanel(officer)
        qtbot.addWidget(panel)
        assert not panel.import_button.isEnabled()            # keepers of the map only
    with console(ctx, users["admin"]) as admin:
        panel = CameraMapPanel(admin)
        qtbot.addWidget(panel)
        panel.read_file(changed)
        qtbot.waitUntil(lambda: panel.pending is not None, timeout=15000)
        texts = []
        for i in range(panel.diff.topLevelItemCount()):
            top = panel.diff.topLevelItem(i)
            for j in range(top.childCount()):
                pos = top.child(j)
                texts += [pos.text(0)] + [" ".join(pos.child(k).text(c) for c in range(3))
                                          for k in range(pos.childCount())]
        assert any("P01" in t for t in texts) and any("0.25" in t for t in texts)
        assert panel.apply_button.isEnabled()
        with qtbot.waitSignal(panel.applied, timeout=15000) as applied:
            panel.apply()
        assert applied.args[0].number == 2
        assert ctx.camera_map.current_version().number == 2
