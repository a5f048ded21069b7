"""PTZ from the wall (widgets/wall/ptz.py + the tile's PTZ mode) through the real ONVIF
client library against the fake ONVIF camera, on both databases: keys move the camera
while held and stop it on release, a number and `*` go to a preset, the on-tile pad and
the wheel move it too; a second console is refused and shows who holds the camera; a
shift leader takes over."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from tests.gui_helpers import console
from tests.helpers.rtsp import FAST, RtspServer, sub
from video.sim.onvif_camera import OnvifCameraSim, SimCamera
from widgets.wall.layouts import CellContent, WallView
from widgets.wall.ptz import PtzLink
from widgets.wall.tile import join_retired
from widgets.wall.wall import CameraWall, WallCamera, live_count


@pytest.fixture(scope="module")
def rtsp() -> Iterator[RtspServer]:
    server = RtspServer([sub("/PTZ/sub", label="PTZ")])
    yield server
    server.close()


@pytest.fixture
def camera(rtsp) -> Iterator[tuple[OnvifCameraSim, WallCamera]]:  # type: ignore[no-untyped-def]
    sim = OnvifCameraSim([SimCamera("DV-CAM-03", rtsp_url=rtsp.url("/PTZ/sub"), ptz=True,
                                    user="admin", password="secret")]).start()
    cam = sim.camera("DV-CAM-03")
    cam.add_preset("Cổng A", (-0.6, 0.2, 0.3))
    cam.add_preset("Bãi 1", (0.7, -0.3, 0.6))
    wall_cam = WallCamera(code="DV-CAM-03", number=3, name="Bãi container số 1", site="Đình Vũ",
                          zone="Bãi", kind="ptz", sub_url=None, main_url=rtsp.url("/PTZ/sub"),
                          onvif_url=sim.device_url("DV-CAM-03"),
                          onvif_credentials=("admin", "secret"))
    yield sim, wall_cam
    sim.close()


def _position(sim: OnvifCameraSim) -> tuple[float, float, float]:
    return sim.camera("DV-CAM-03").head.position()


def _moving(sim: OnvifCameraSim) -> bool:
    return any(sim.camera("DV-CAM-03").head.moving())


def test_keys_pad_wheel_and_presets_move_the_camera(qtbot, ctx, users, camera):
    sim, cam = camera
    with console(ctx, users["giamsat1"]) as session:
        link = PtzLink(session, console="console-1")
        wall = CameraWall({cam.code: cam}, WallView(layout="1", cells=[CellContent((cam.code,))]),
                          config=FAST)
        wall.ptz = link
        qtbot.addWidget(wall)
        wall.resize(800, 450)
        wall.show()
        try:
            qtbot.waitUntil(lambda: live_count(wall) == 1, timeout=15000)
            tile = wall.cells[0].tile
            assert tile.has_ptz and not tile.ptz_mode
            wall.setFocus()
            qtbot.keyClick(wall, Qt.Key.Key_P)
            assert tile.ptz_mode
            start = _position(sim)
            qtbot.keyPress(wall, Qt.Key.Key_Right)
            qtbot.waitUntil(lambda: _position(sim)[0] > start[0] + 0.05, timeout=10000)
            qtbot.keyRelease(wall, Qt.Key.Key_Right)
            qtbot.waitUntil(lambda: not _moving(sim), timeout=10000)
            # a number and * : the second preset
            qtbot.keyClicks(wall, "2")
            qtbot.keyClick(wall, Qt.Key.Key_Asterisk)
            qtbot.waitUntil(lambda: abs(_position(sim)[0] - 0.7) < 0.02
                            and abs(_position(sim)[2] - 0.6) < 0.02, timeout=15000)
            assert [p.name for p in link.presets["DV-CAM-03"]] == ["Cổng A", "Bãi 1"]
            # the on-tile pad: zoom out while pressed
            _frame, buttons = tile._pad()
            zoom_before = _position(sim)[2]
            qtbot.mousePress(tile, Qt.MouseButton.LeftButton,
                             pos=buttons["zoom_out"][0].center().toPoint())
            qtbot.waitUntil(lambda: _position(sim)[2] < zoom_before - 0.05, timeout=10000)
            qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton,
                               pos=buttons["zoom_out"][0].center().toPoint())
            qtbot.waitUntil(lambda: not _moving(sim), timeout=10000)
            # the wheel in PTZ mode: optical zoom, not the digital one
            zoom_before = _position(sim)[2]
            centre = QPointF(tile.width() / 2, tile.height() / 2)
            tile.wheelEvent(QWheelEvent(centre, tile.mapToGlobal(centre), QPoint(0, 0),
                                        QPoint(0, 240), Qt.MouseButton.NoButton,
                                        Qt.KeyboardModifier.NoModifier,
                                        Qt.ScrollPhase.NoScrollPhase, False))
            qtbot.waitUntil(lambda: _position(sim)[2] > zoom_before + 0.05, timeout=10000)
            assert tile.zoom == 1.0
            assert ctx.ptz_holds.holder("DV-CAM-03").console == "console-1"
        finally:
            wall.shutdown()
            wall.close()
            link.close()
            assert join_retired(10)


def test_a_second_console_is_refused_and_a_leader_takes_over(qtbot, ctx, users, camera):
    sim, cam = camera
    with console(ctx, users["giamsat1"]) as first, console(ctx, users["giamsat2"]) as second, \
            console(ctx, users["truongca"]) as leader:
        one = PtzLink(first, console="console-1")
        two = PtzLink(second, console="console-2")
        three = PtzLink(leader, console="console-3")
        try:
            one.move(cam, 0.3, 0.0)
            qtbot.waitUntil(lambda: _moving(sim), timeout=10000)
            one.stop(cam)
            with qtbot.waitSignal(two.failed, timeout=10000) as refused:
                two.move(cam, -0.3, 0.0)
            assert users["giamsat1"].full_name in refused.args[1]
            assert two.holders["DV-CAM-03"].console == "console-1"
            with qtbot.waitSignal(three.holdChanged, timeout=10000) as took:
                three.take_over(cam)
            assert took.args == ["DV-CAM-03", ""]                  # now mine
            assert ctx.ptz_holds.holder("DV-CAM-03").console == "console-3"
        finally:
            for link in (one, two, three):
                link.close()


def _panel(qtbot, session, cam):  # type: ignore[no-untyped-def]
    from widgets.wall.manager import WallManager  # noqa: PLC0415
    from widgets.wall.ptz_panel import PtzPanel  # noqa: PLC0415

    manager = WallManager(session, None, persist=False)
    manager.ptz.console = f"console-{session.user.username}"
    manager.cameras = {cam.code: cam}
    panel = PtzPanel(manager)
    qtbot.addWidget(panel)
    panel.show()
    manager.camerasLoaded.emit()
    qtbot.waitUntil(lambda: panel.presets.count() == 2, timeout=15000)
    return manager, panel


def test_presets_panel_goes_saves_only_when_allowed_and_tours(qtbot, ctx, users, camera):
    sim, cam = camera
    with console(ctx, users["giamsat1"]) as officer_session:
        manager, panel = _panel(qtbot, officer_session, cam)
        try:
            assert panel.presets.item(0).text() == "1*  Cổng A"
            assert not panel.save_button.isEnabled()          # an officer: no preset changes
            manager.ptz.save_preset(cam, "Thử")               # even past the disabled button
            qtbot.waitUntil(lambda: "presets" in panel.status.text(), timeout=5000)
            panel.presets.setCurrentRow(0)
            panel.goto_selected()
            qtbot.waitUntil(lambda: abs(_position(sim)[0] + 0.6) < 0.02, timeout=15000)
        finally:
            manager.ptz.close()
        # the console frees its camera as it closes (else the hold expires)
        qtbot.waitUntil(lambda: ctx.ptz_holds.holder("DV-CAM-03") is None, timeout=10000)
    with console(ctx, users["truongca"]) as leader_session:
        manager, panel = _panel(qtbot, leader_session, cam)
        try:
            assert panel.save_button.isEnabled()
            panel.name.setText("Cầu tàu")
            panel.save_current()
            qtbot.waitUntil(lambda: panel.presets.count() == 3, timeout=15000)
            assert panel.presets.item(2).text() == "3*  Cầu tàu"
            panel.dwell.setValue(3)
            panel.toggle_tour()
            assert panel.tour_button.text() != "Start tour"
            # the tour visits the first two presets in turn
            qtbot.waitUntil(lambda: abs(_position(sim)[0] + 0.6) < 0.02, timeout=15000)
            qtbot.waitUntil(lambda: abs(_position(sim)[0] - 0.7) < 0.02, timeout=15000)
            panel.toggle_tour()
            assert not manager.ptz.tour_running(cam.code)
        finally:
            manager.ptz.close()


def test_aim_from_the_site_plan_keeps_the_tilt_and_reads_the_position(qtbot, ctx, users,
                                                                      camera):
    sim, cam = camera
    with console(ctx, users["giamsat1"]) as session:
        link = PtzLink(session, console="console-1")
        try:
            tilt = _position(sim)[1]
            with qtbot.waitSignal(link.positionRead, timeout=20000) as read:
                link.aim(cam, 0.4, 0.2)
            qtbot.waitUntil(lambda: abs(_position(sim)[0] - 0.4) < 0.02, timeout=15000)
            assert abs(_position(sim)[1] - tilt) < 0.01           # the tilt is kept
            code, pan, _tilt, zoom = read.args
            assert code == "DV-CAM-03" and pan is not None and zoom is not None
        finally:
            link.close()
