"""The camera wall (widgets/wall/) against the real RTSP simulator: cameras in cells,
the main stream when a tile is maximised and the sub-stream again after, drag-and-drop
and call-up by number, sequences, digital zoom on the main stream, a hidden wall that
stops decoding, and every stream released when the window closes."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QDropEvent, QWheelEvent

from tests.helpers.rtsp import FAST, RtspServer, main, sub
from video.stream import State
from widgets.wall.layouts import CellContent, WallView
from widgets.wall.tile import join_retired
from widgets.wall.wall import CameraWall, WallCamera, camera_mime, live_count
from widgets.wall.window import WallWindow

CODES = ("CAM-A", "CAM-B", "CAM-C")


@pytest.fixture(scope="module")
def rtsp() -> Iterator[RtspServer]:
    mounts = []
    for code, pattern in zip(CODES, ("smpte", "ball", "pinwheel"), strict=True):
        mounts += [sub(f"/{code}/sub", label=code, pattern=pattern),
                   main(f"/{code}/main", label=code, pattern=pattern)]
    server = RtspServer(mounts)
    yield server
    server.close()


@pytest.fixture
def cameras(rtsp: RtspServer) -> dict[str, WallCamera]:
    return {code: WallCamera(code=code, number=i, name=f"Camera {code}", site="Site",
                             zone="Zone", kind="fixed", sub_url=rtsp.url(f"/{code}/sub"),
                             main_url=rtsp.url(f"/{code}/main"))
            for i, code in enumerate(CODES, start=1)}


def _video_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("video:")]


def _wall(qtbot, cameras, cells, layout="4", size=(1280, 720)) -> CameraWall:  # type: ignore[no-untyped-def]
    wall = CameraWall(cameras, WallView(layout=layout, cells=[CellContent(c) for c in cells]),
                      config=FAST, switch_interval=0.5)
    qtbot.addWidget(wall)
    wall.resize(*size)
    wall.show()
    return wall


def _close(wall: CameraWall) -> None:
    wall.shutdown()
    wall.close()
    assert join_retired(10)


def test_cells_go_live_and_maximise_switches_to_the_main_stream(qtbot, cameras):
    wall = _wall(qtbot, cameras, [("CAM-A",), ("CAM-B",)])
    try:
        qtbot.waitUntil(lambda: live_count(wall) == 2, timeout=15000)
        tile = wall.cells[0].tile
        assert tile is not None and tile.stream_kind == "sub"
        assert tile.last_frame.source_width == 640
        with qtbot.waitSignal(tile.streamSwitched, timeout=15000) as switched:
            tile.doubleClicked.emit()          # what a double-click on the tile does
        assert switched.args == ["main"] and wall.maximised == 0
        assert not wall.cells[1].isVisible()
        qtbot.waitUntil(lambda: tile.last_frame.source_width == 1280, timeout=5000)
        assert tile.state is State.LIVE
        with qtbot.waitSignal(tile.streamSwitched, timeout=15000) as back:
            wall.toggle_maximise(0)
        assert back.args == ["sub"] and wall.maximised == -1
        qtbot.waitUntil(lambda: tile.last_frame.source_width == 640, timeout=5000)
        # the main stream that was switched away from is stopped
        qtbot.waitUntil(lambda: join_retired(0.1), timeout=5000)
        assert len(_video_threads()) == 2
    finally:
        _close(wall)
    assert not _video_threads()


def test_drop_call_up_by_number_and_delete(qtbot, cameras):
    wall = _wall(qtbot, cameras, [])
    try:
        cell = wall.cells[2]
        mime = camera_mime(["CAM-C"])   # kept alive: the event holds a bare pointer
        drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        cell.dropEvent(drop)
        assert drop.isAccepted()
        assert cell.camera_code == "CAM-C" and wall.selected == 2
        wall.setFocus()
        wall.select(1)
        with qtbot.waitSignal(wall.callUpChanged) as typed:
            qtbot.keyClick(wall, Qt.Key.Key_2)
        assert typed.args == ["2"]
        qtbot.keyClick(wall, Qt.Key.Key_Return)
        assert wall.cells[1].camera_code == "CAM-B"
        with qtbot.waitSignal(wall.messageRaised) as msg:
            qtbot.keyClicks(wall, "99")
            qtbot.keyClick(wall, Qt.Key.Key_Return)
        assert "99" in msg.args[0]
        qtbot.waitUntil(lambda: live_count(wall) == 2, timeout=15000)
        qtbot.keyClick(wall, Qt.Key.Key_Right)   # nothing right of cell 2 of 4
        assert wall.selected == 1
        qtbot.keyClick(wall, Qt.Key.Key_Left)
        qtbot.keyClick(wall, Qt.Key.Key_Down)
        assert wall.selected == 2
        qtbot.keyClick(wall, Qt.Key.Key_Delete)
        assert wall.cells[2].tile is None and wall.view().cells[2] == CellContent()
    finally:
        _close(wall)


def test_sequence_cycles_cameras_in_a_cell(qtbot, cameras):
    wall = _wall(qtbot, cameras, [], layout="1", size=(640, 360))
    try:
        wall.assign(0, CellContent(("CAM-A", "CAM-B"), dwell=2.0))
        first = wall.cells[0].tile
        assert wall.cells[0].camera_code == "CAM-A" and "CAM-A" in first.camera_label
        qtbot.waitUntil(lambda: wall.cells[0].camera_code == "CAM-B", timeout=6000)
        assert "CAM-B" in wall.cells[0].tile.camera_label
        qtbot.waitUntil(lambda: wall.cells[0].tile.state is State.LIVE, timeout=10000)
        qtbot.waitUntil(lambda: wall.cells[0].camera_code == "CAM-A", timeout=6000)
    finally:
        _close(wall)


def test_digital_zoom_uses_the_main_stream_and_double_click_resets(qtbot, cameras):
    wall = _wall(qtbot, cameras, [("CAM-A",)], layout="4", size=(800, 450))
    try:
        qtbot.waitUntil(lambda: live_count(wall) == 1, timeout=15000)
        tile = wall.cells[0].tile
        centre = QPointF(tile.width() / 2, tile.height() / 2)
        wheel = QWheelEvent(centre, tile.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 240),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        with qtbot.waitSignal(tile.streamSwitched, timeout=15000) as switched:
            tile.wheelEvent(wheel)
        assert tile.zoom == pytest.approx(1.5625)
        assert switched.args == ["main"]
        qtbot.waitUntil(lambda: tile.last_frame.source_width == 1280, timeout=5000)
        qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
        assert tile.zoom == 1.0 and wall.maximised == -1   # a reset, not a maximise
        qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
        assert wall.maximised == 0
    finally:
        _close(wall)


def test_hidden_wall_stops_decoding_and_closing_releases_everything(qtbot, cameras):
    window = WallWindow(cameras, WallView(layout="4", cells=[CellContent((c,)) for c in CODES]),
                        config=FAST)
    qtbot.addWidget(window)
    window.resize(960, 600)
    window.show()
    qtbot.waitUntil(lambda: live_count(window.wall) == 3, timeout=15000)
    window.hide()
    assert all(t.paused for t in window.wall.tiles())
    assert join_retired(10)
    assert not _video_threads()
    assert window.wall.tiles()[0].badge_text()   # "paused" badge over the last frame
    window.show()
    qtbot.waitUntil(lambda: live_count(window.wall) == 3 and all(
        t.state is State.LIVE for t in window.wall.tiles()), timeout=15000)
    with qtbot.waitSignal(window.closed):
        window.close()
    assert join_retired(10)
    assert not _video_threads()


def test_the_mobile_camera_plays_its_sound_muted_by_default(qtbot):
    server = RtspServer([sub("/VAN/sub", label="VAN", audio="true")])
    cams = {"VAN": WallCamera(code="VAN", number=9, name="Command vehicle", site="Site",
                              zone="Mobile", kind="mobile", sub_url=None,
                              main_url=server.url("/VAN/sub"))}
    wall = _wall(qtbot, cams, [("VAN",)], layout="1", size=(640, 360))
    try:
        qtbot.waitUntil(lambda: live_count(wall) == 1, timeout=15000)
        tile = wall.cells[0].tile
        assert tile.has_audio and tile.muted and tile.stream.audio_muted
        # muted: the sound is decoded for the level meter, nothing is kept for playback
        qtbot.waitUntil(lambda: (tile.stream.audio_stats().samples_decoded or 0) > 48000,
                        timeout=10000)
        assert tile.stream.audio_stats().buffered == 0
        assert tile.stream.audio_level_db() is not None
        wall.setFocus()
        qtbot.keyClick(wall, Qt.Key.Key_M)
        assert not tile.muted and not tile.stream.audio_muted
        # on a machine with a sound card it plays; without one the tile says so, muted
        qtbot.waitUntil(lambda: tile.speaker is not None and tile.speaker.status.value in
                        ("playing", "no_device", "failed"), timeout=10000)
        if tile.speaker.status.value == "playing":
            assert "dB" in tile.audio_text()
        else:
            qtbot.waitUntil(lambda: tile.muted, timeout=5000)
            assert "audio" in tile.toolTip().lower() or "âm thanh" in tile.toolTip().lower()
    finally:
        _close(wall)
        server.close()


class _Session(QObject):
    """What the wall manager needs of a console session here (no database)."""

    changed = Signal(object)
    ctx = runner = user = None


def test_named_views_are_saved_and_reopened(qtbot, tmp_path, cameras):
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    from widgets.wall.manager import WallManager  # noqa: PLC0415

    store = QSettings(str(tmp_path / "workstation.ini"), QSettings.Format.IniFormat)
    manager = WallManager(_Session(), store)
    manager.cameras = cameras
    try:
        manager.open_wall(view=WallView(layout="9", cells=[CellContent(("CAM-A",))]))
        manager.save_named("Ca đêm")
        manager.open_wall(view=WallView(layout="1", cells=[CellContent(("CAM-B",))]))
        assert len(manager.walls) == 2
        assert manager.open_named("Ca đêm")
        assert [w.wall.layout_name for w in manager.walls] == ["9"]
        assert manager.walls[0].wall.cells[0].camera_code == "CAM-A"
        assert not manager.open_named("nothing")
        assert list(WallManager(_Session(), store).named_views()) == ["Ca đêm"]
    finally:
        manager.close_all()
        assert join_retired(10)


def test_a_wall_is_named_as_officers_count_and_opens_beside_the_main_window(qtbot, tmp_path,
                                                                            cameras):
    from PySide6.QtCore import QSettings  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    from widgets.wall.manager import WallManager, screen_for_auto_wall  # noqa: PLC0415

    store = QSettings(str(tmp_path / "workstation.ini"), QSettings.Format.IniFormat)
    manager = WallManager(_Session(), store)
    manager.cameras = cameras
    try:
        window = manager.first_wall_with_cameras(4, avoid=QGuiApplication.primaryScreen())
        # one monitor here: "Camera wall 1", no "(screen)" of the platform's names
        assert window.windowTitle() == "Camera wall 1"
    finally:
        manager.close_all()
        assert join_retired(10)
    a, b = object(), object()
    assert screen_for_auto_wall([a, b], a) is b          # the other monitor
    assert screen_for_auto_wall([a], a) is a             # one monitor: behind the window
    assert screen_for_auto_wall([a, b], None) is a
