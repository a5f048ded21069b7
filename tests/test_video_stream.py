"""The decoding worker (video/stream.py) against the real RTSP simulator: frames at
the source rate and the requested size, first frame soon after opening, newest frame
wins, stall → reconnect → live after a server restart, and the fault states (offline,
authentication failed, unsupported codec), with no thread left behind."""

from __future__ import annotations

import signal
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.helpers.rtsp import FAST, RtspServer, main, sub
from tests.helpers.subproc import wait_until
from video.stream import State, StreamConfig, VideoStream


@pytest.fixture(scope="module")
def rtsp() -> Iterator[RtspServer]:
    server = RtspServer([sub("/cam01/sub", label="CAM 01"), main("/cam01/main"),
                         sub("/cam02/sub", pattern="smpte"), sub("/opaque", codec="x-gst")])
    yield server
    server.close()


@contextmanager
def running(url: str, **kw) -> Iterator[VideoStream]:  # type: ignore[no-untyped-def]
    kw.setdefault("config", FAST)
    stream = VideoStream(url, **kw).start()
    try:
        yield stream
    finally:
        assert stream.stop(), "the worker did not stop"


def test_frames_at_source_rate_and_requested_size(rtsp: RtspServer):
    with running(rtsp.url("/cam01/sub")) as s:
        s.set_output("rgb24", (320, 180))
        wait_until(lambda: s.state is State.LIVE, 5, what="live")
        wait_until(lambda: (f := s.latest()) is not None and f.image is not None
                   and f.image.shape == (180, 320, 3), 3, what="a 320×180 rgb frame")
        first = s.latest()
        assert first is not None
        time.sleep(2.0)  # a measuring window, not a wait for a condition
        last = s.latest()
        assert last is not None
        fps = (last.seq - first.seq) / (last.decoded_at - first.decoded_at)
        assert 11 <= fps <= 19, fps
        assert (last.source_width, last.source_height) == (640, 360)
        assert last.image is not None and last.image.std() > 5  # a picture, not a blank
        st = s.stats()
        assert st.codec == "h264" and (st.width, st.height) == (640, 360)
        assert 11 <= st.decoded_fps <= 19 and 11 <= st.received_fps <= 19, st
        assert st.bitrate_kbps > 10, st
        s.set_output("bgra", None)
        wait_until(lambda: (f := s.latest()) is not None and f.image is not None
                   and f.image.shape == (360, 640, 4), 3, what="a source-size bgra frame")


def test_first_frame_soon_after_opening(rtsp: RtspServer):
    t0 = time.monotonic()
    with running(rtsp.url("/cam01/main")) as s:
        wait_until(lambda: s.latest() is not None, 3, what="the first frame (GOP 1 s + 0.3 s)")
        assert time.monotonic() - t0 < 3.0
        f = s.latest()
        assert f is not None and (f.source_width, f.source_height) == (1280, 720)
        assert f.image is None  # no pixels until a consumer asks for them
        first = s.stats().first_frame_s
        assert first is not None and first < 3.0


def test_newest_frame_wins(rtsp: RtspServer):
    seen: list[int] = []
    with running(rtsp.url("/cam02/sub")) as s:
        s.set_output("rgb24", (160, 90))
        wait_until(lambda: s.latest() is not None, 5, what="the first frame")
        deadline = time.monotonic() + 2.5
        while time.monotonic() < deadline:  # a consumer 4× slower than the source
            f = s.take()
            if f is not None:
                seen.append(f.seq)
                # what we get is the newest: at most one frame decoded since
                assert s.latest().seq - f.seq <= 1  # type: ignore[union-attr]
                assert s.take() is None  # taking again never replays a frame
            time.sleep(0.25)
        assert seen == sorted(set(seen)) and len(seen) >= 5
        assert max(b - a for a, b in zip(seen, seen[1:], strict=False)) >= 2  # frames skipped
        assert s.stats().frames_replaced > 0


def test_stall_then_reconnect_after_server_restart():
    server = RtspServer([sub("/cam/sub")])
    states: list[State] = []
    try:
        with running(server.url("/cam/sub"), on_state=lambda st, _r: states.append(st)) as s:
            wait_until(lambda: s.state is State.LIVE, 5, what="live")
            seq_before = s.latest().seq  # type: ignore[union-attr]
            server.stop()
            t0 = time.monotonic()
            wait_until(lambda: s.state in (State.STALLED, State.RECONNECTING, State.OFFLINE),
                       3.5, what="the outage noticed")
            assert time.monotonic() - t0 < 3.5
            assert s.reason
            server.start()
            t1 = time.monotonic()
            wait_until(lambda: s.state is State.LIVE and s.latest().seq > seq_before, 6,  # type: ignore[union-attr]
                       what="live again after the restart")
            back = time.monotonic() - t1
            assert back < 6, back
            assert s.stats().reconnects >= 1
        assert State.RECONNECTING in states and states[-1] is State.LIVE
    finally:
        server.close()


def test_silent_source_is_stalled_within_3_s():
    """The server frozen (SIGSTOP): the connection stays open and nothing comes."""
    server = RtspServer([sub("/cam/sub")])
    states: list[State] = []
    try:
        with running(server.url("/cam/sub"), on_state=lambda st, _r: states.append(st)) as s:
            wait_until(lambda: s.state is State.LIVE, 5, what="live")
            assert server.proc is not None
            server.proc.send_signal(signal.SIGSTOP)
            try:
                t0 = time.monotonic()
                wait_until(lambda: State.STALLED in states, 3, what="stalled")
                assert time.monotonic() - t0 < 3.0
                assert "no data" in s.reason or "no picture" in s.reason, s.reason
            finally:
                server.proc.send_signal(signal.SIGCONT)
            wait_until(lambda: s.state is State.LIVE, 8, what="live after the freeze")
    finally:
        server.close()


def test_wrong_port_is_offline_with_a_reason():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    states: list[State] = []
    with running(f"rtsp://127.0.0.1:{port}/cam", on_state=lambda st, _r: states.append(st)) as s:
        wait_until(lambda: State.OFFLINE in states and State.RECONNECTING in states, 5,
                   what="offline, then reconnecting")
        wait_until(lambda: s.state is State.OFFLINE, 3, what="offline again")
        assert "refused" in s.reason


def test_unknown_host_is_offline():
    with running("rtsp://camera.invalid:554/cam") as s:
        wait_until(lambda: s.state is State.OFFLINE, 5, what="offline")
        assert "unknown host" in s.reason


def test_silent_server_times_out_and_stop_is_prompt():
    """A server that accepts the connection and says nothing: offline after the open
    timeout; stop() interrupts the blocking open at once."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        url = f"rtsp://127.0.0.1:{listener.getsockname()[1]}/cam"
        cfg = StreamConfig(open_timeout=1.0, backoff_initial=0.2, backoff_max=0.5)
        with running(url, config=cfg) as s:
            wait_until(lambda: s.state is State.OFFLINE, 4, what="offline")
            assert "no answer" in s.reason
        s = VideoStream(url, config=StreamConfig(open_timeout=30)).start()
        time.sleep(0.3)  # let it block inside the open
        t0 = time.monotonic()
        assert s.stop()
        assert time.monotonic() - t0 < 1.0


def test_authentication():
    server = RtspServer([sub("/secure", user="admin", password="s3cret")])
    try:
        with running(server.url("/secure", "admin", "wrong")) as s:
            wait_until(lambda: s.state is State.AUTH_FAILED, 5, what="auth_failed")
            assert "401" in s.reason
        with running(server.url("/secure")) as s:
            wait_until(lambda: s.state is State.AUTH_FAILED, 5, what="auth_failed")
        with running(server.url("/secure", "admin", "s3cret")) as s:
            wait_until(lambda: s.state is State.LIVE, 5, what="live with the right password")
    finally:
        server.close()


def test_unsupported_codec(rtsp: RtspServer):
    with running(rtsp.url("/opaque")) as s:
        wait_until(lambda: s.state is State.CODEC_UNSUPPORTED, 5, what="codec_unsupported")
        assert s.reason


def test_key_frames_only(rtsp: RtspServer):
    with running(rtsp.url("/cam01/sub")) as s:
        wait_until(lambda: s.state is State.LIVE, 5, what="live")
        s.set_key_frames_only(True)
        time.sleep(0.5)  # let the switch take effect
        first = s.latest().seq  # type: ignore[union-attr]
        time.sleep(2.2)  # a measuring window
        decoded = s.latest().seq - first  # type: ignore[union-attr]
        assert 1 <= decoded <= 4, decoded  # one key frame a second
        assert s.latest().key_frame  # type: ignore[union-attr]
        s.set_key_frames_only(False)
        wait_until(lambda: s.stats().decoded_fps > 10, 4, what="full rate again")


def test_stop_leaves_no_thread(rtsp: RtspServer):
    before = set(threading.enumerate())
    streams = [VideoStream(rtsp.url(p), config=FAST).start()
               for p in ("/cam01/sub", "/cam02/sub", "/cam01/main")]
    wait_until(lambda: all(s.state is State.LIVE for s in streams), 5, what="all live")
    t0 = time.monotonic()
    assert all(s.stop() for s in streams)
    assert time.monotonic() - t0 < 1.5
    assert not [t for t in threading.enumerate() if t not in before]
