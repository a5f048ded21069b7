"""The camera tile (widgets/wall/tile.py) against the real RTSP simulator: live frames
painted (not a blank picture), shown fps close to the source's, the stalled /
reconnecting badge with the last frame kept (greyed) when the server stops, live
again after a restart, the authentication-failed badge, pixels asked for only while
visible, and no thread left behind."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage

from tests.helpers.rtsp import FAST, PATIENT, RtspServer, replay, sub
from video.stream import State, StreamConfig
from widgets.wall.tile import CameraTile, state_text


@pytest.fixture(scope="module")
def rtsp() -> Iterator[RtspServer]:
    server = RtspServer([sub("/cam01/sub", label="CAM 01", pattern="smpte")])
    yield server
    server.close()


def _tile(qtbot, url: str, label: str = "CAM 01", **kw) -> CameraTile:  # type: ignore[no-untyped-def]
    kw.setdefault("config", FAST)
    tile = CameraTile(url, label, **kw)
    qtbot.addWidget(tile)
    tile.resize(480, 300)
    tile.show()
    return tile


def _picture_varies(image: QImage) -> bool:
    """True when the image is neither uniformly black nor one flat colour."""
    values = {image.pixel(x, y) & 0xFFFFFF
              for x in range(0, image.width(), max(1, image.width() // 24))
              for y in range(0, image.height(), max(1, image.height() // 24))}
    return len(values) > 4 and values != {0}


def _grey(image: QImage) -> bool:
    """True when the picture's sampled pixels (right of the centred badge, above the
    bottom-left label; colour bars there in the smpte pattern) are grey (r == g == b)."""
    w, h = image.width(), image.height()
    for x in range(int(w * 0.72), int(w * 0.95), max(1, w // 48)):
        for y in range(int(h * 0.15), int(h * 0.45), max(1, h // 48)):
            c = image.pixelColor(x, y)
            if max(abs(c.red() - c.green()), abs(c.green() - c.blue())) > 3:
                return False
    return True


def _live(qtbot, tile: CameraTile, frames: int = 10) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tile.state is State.LIVE, timeout=8000)
    qtbot.waitUntil(lambda: tile.frames_shown > frames, timeout=8000)


def test_tile_shows_live_frames(qtbot, rtsp: RtspServer):
    tile = _tile(qtbot, rtsp.url("/cam01/sub"), diagnostics=True)
    states: list[str] = []
    tile.stateChanged.connect(states.append)
    _live(qtbot, tile)
    assert states[-1] == "live"
    assert tile.badge_text() == state_text(State.LIVE) == "Live"
    # pixels asked for at the drawn size: the 16:9 source fitted into 480×300, even sizes
    fmt, size = tile.requested_output()  # type: ignore[misc]
    assert fmt == "bgra" and size == (480, 270)
    qtbot.waitUntil(lambda: (f := tile.last_frame) is not None
                    and (f.width, f.height) == (480, 270), timeout=3000)
    image = tile.grab().toImage()
    assert _picture_varies(image)
    assert not _grey(image)  # live: in colour
    assert "fps" in tile.diagnostics_text()
    tile.resize(322, 400)  # follows resizes, rounded to even sizes
    assert tile.requested_output() == ("bgra", (322, 180))
    tile.resize(321, 400)
    assert tile.requested_output() == ("bgra", (320, 180))


def test_shown_fps_close_to_the_source(qtbot, rtsp: RtspServer):
    tile = _tile(qtbot, rtsp.url("/cam01/sub"))
    _live(qtbot, tile)
    shown: list[int] = []
    tile.framesShown.connect(shown.append)
    t0, n0 = time.monotonic(), tile.frames_shown
    qtbot.waitUntil(lambda: time.monotonic() - t0 >= 2.0, timeout=5000)  # a 2 s window
    fps = (tile.frames_shown - n0) / (time.monotonic() - t0)
    assert fps >= 8, fps  # the source sends 15 fps
    assert tile.shown_fps() >= 8
    assert shown == sorted(shown) and len(shown) == len(set(shown))  # each paint counted once
    assert tile.frames_shown <= tile.stream.stats().frames_decoded  # painted ≤ decoded


def test_hidden_tile_asks_for_no_pixels(qtbot, rtsp: RtspServer):
    tile = _tile(qtbot, rtsp.url("/cam01/sub"))
    _live(qtbot, tile, frames=2)
    tile.hide()
    assert tile.requested_output() == (None, None)
    qtbot.waitUntil(lambda: (f := tile.stream.latest()) is not None and f.image is None,
                    timeout=3000)
    shown = tile.frames_shown
    tile.show()
    assert tile.requested_output()[0] == "bgra"  # type: ignore[index]
    qtbot.waitUntil(lambda: tile.frames_shown > shown + 3, timeout=3000)



def test_stall_badge_then_live_after_restart(qtbot):
    server = RtspServer([sub("/cam/sub", pattern="smpte")])
    try:
        tile = _tile(qtbot, server.url("/cam/sub"))
        states: list[str] = []
        tile.stateChanged.connect(states.append)
        _live(qtbot, tile)
        shown = tile.frames_shown
        server.stop()
        outage = {state_text(State.STALLED), state_text(State.RECONNECTING)}
        qtbot.waitUntil(lambda: tile.badge_text() in outage, timeout=4000)
        assert tile.reason and tile.reason in tile.toolTip()
        assert tile.last_frame is not None  # the last frame stays …
        image = tile.grab().toImage()
        assert _picture_varies(image)
        assert _grey(image)  # … greyed
        # … and framed in the state's colour, with the time since: lost at a glance
        assert tile.picture_lost() and tile.lost_text()
        edge = image.pixelColor(image.width() // 2, 3)
        assert max(abs(edge.red() - edge.green()), abs(edge.green() - edge.blue())) > 40
        server.start()
        qtbot.waitUntil(lambda: tile.state is State.LIVE, timeout=8000)
        qtbot.waitUntil(lambda: tile.frames_shown > shown + 5, timeout=5000)
        assert tile.badge_text() == state_text(State.LIVE)
        assert {"stalled", "reconnecting"} & set(states) and states[-1] == "live"
        assert not _grey(tile.grab().toImage())
        assert tile.shutdown()
    finally:
        server.close()


def test_wrong_password_shows_the_auth_failed_badge(qtbot):
    server = RtspServer([sub("/secure", user="admin", password="s3cret")])
    try:
        tile = _tile(qtbot, server.url("/secure", "admin", "wrong"))
        qtbot.waitUntil(lambda: tile.state is State.AUTH_FAILED, timeout=6000)
        assert tile.badge_text() == state_text(State.AUTH_FAILED) == "Authentication failed"
        assert "401" in tile.toolTip()
        assert tile.last_frame is None
        assert tile.shutdown()
    finally:
        server.close()


def test_shutdown_and_close_leave_no_thread(qtbot, rtsp: RtspServer):
    before = set(threading.enumerate())
    tile = _tile(qtbot, rtsp.url("/cam01/sub"))
    _live(qtbot, tile, frames=2)
    assert set(threading.enumerate()) - before  # the decoding thread
    tile.close()  # close() stops the stream
    assert not (set(threading.enumerate()) - before)
    assert tile.shutdown()  # idempotent
    other = CameraTile(rtsp.url("/cam01/sub"), "CAM 01", config=FAST)
    qtbot.waitUntil(lambda: other.stream.latest() is not None, timeout=8000)
    with qtbot.waitSignal(other.destroyed, timeout=3000):
        other.deleteLater()  # deleteLater() stops it as well
    assert not (set(threading.enumerate()) - before)


def test_a_camera_back_with_another_resolution_is_shown_at_its_new_shape(qtbot):
    server = RtspServer([sub("/cam/sub", label="CAM", pattern="smpte")])
    try:
        tile = _tile(qtbot, server.url("/cam/sub"))
        _live(qtbot, tile)
        assert tile.last_frame.source_width == 640
        server.restart([{"path": "/cam/sub", "size": "480x480", "fps": 15, "label": "CAM"}])
        qtbot.waitUntil(lambda: tile.last_frame is not None
                        and tile.last_frame.source_width == 480, timeout=20000)
        assert tile.state is State.LIVE
        # pixels asked for at the new (square) shape inside the 480×300 tile
        qtbot.waitUntil(lambda: tile.requested_output() == ("bgra", (300, 300)), timeout=5000)
    finally:
        tile.shutdown()
        server.close()


def test_corrupt_packets_are_counted_and_the_picture_goes_on(qtbot, tmp_path):
    from video.sim import prepare  # noqa: PLC0415

    good = prepare.prepare("CORRUPT", prepare.SUB_SIZE, seconds=4)
    data = bytearray(good.read_bytes())
    # flip bytes inside slices (not start codes) in the middle of the file
    for at in range(len(data) // 3, 2 * len(data) // 3, 997):
        if data[at - 3:at] != b"\x00\x00\x01" and data[at] not in (0, 1):
            data[at] ^= 0x5A
    bad = tmp_path / "corrupt.h264"
    bad.write_bytes(bytes(data))
    server = RtspServer([replay("/bad/sub", bad)])
    try:
        tile = _tile(qtbot, server.url("/bad/sub"), config=PATIENT)
        _live(qtbot, tile)
        start, began = tile.frames_shown, time.monotonic()
        # two passes over the damaged middle of the 4 s loop: pictures keep coming
        qtbot.waitUntil(lambda: tile.frames_shown >= start + 120, timeout=20000)
        rate = (tile.frames_shown - start) / (time.monotonic() - began)
        stats = tile.stream.stats()
        assert rate > 12, f"{rate:.1f} fps, {stats.decode_errors} decode errors"
        assert tile.state is State.LIVE and stats.reconnects == 0   # damaged, not dead
    finally:
        tile.shutdown()
        server.close()


def test_one_clock_paints_every_tile_and_lets_go_of_closed_ones(qtbot, rtsp: RtspServer):
    from widgets.wall.tile import RepaintClock  # noqa: PLC0415

    clock = RepaintClock.shared()
    tiles = [_tile(qtbot, rtsp.url("/cam01/sub"), f"CAM {i}") for i in range(3)]
    for tile in tiles:
        _live(qtbot, tile, frames=5)
    assert all(t in clock._tiles for t in tiles)  # noqa: SLF001
    assert clock._timer.isActive()  # noqa: SLF001
    painted = [t.frames_shown for t in tiles]
    qtbot.waitUntil(lambda: all(t.frames_shown >= n + 10 for t, n in zip(tiles, painted,
                                                                           strict=True)),
                    timeout=5000)
    for tile in tiles:
        assert tile.shutdown()
    assert not any(t in clock._tiles for t in tiles)  # noqa: SLF001


def test_decoder_threads_follow_the_picture_size() -> None:
    from video.stream import VideoStream  # noqa: PLC0415

    auto = VideoStream("rtsp://127.0.0.1:1/x")
    assert auto.decoder_threads(640, 360) == 1      # a wall's sub-stream: one thread
    assert auto.decoder_threads(1280, 720) == 1
    assert auto.decoder_threads(1920, 1080) == 0    # one large picture: FFmpeg's threads
    assert auto.decoder_threads(0, 0) == 1          # size not known yet
    fixed = VideoStream("rtsp://127.0.0.1:1/x", config=StreamConfig(decoder_threads=4))
    assert fixed.decoder_threads(640, 360) == 4
