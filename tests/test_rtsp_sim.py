"""The camera simulator's pre-encoded mounts: files made once by video/sim/prepare.py
(constrained baseline, no B-frames, a key frame every 15 frames, cached), replayed in
real time without transcoding and looping forever with increasing timestamps, shared
between clients, with sender reports that keep the client's latency estimate
meaningful; a missing file stops the simulator with a clear error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import pytest

from tests.helpers.rtsp import FAST, PATIENT, RtspServer, replay, sub
from tests.helpers.subproc import wait_until
from video.sim.prepare import MAIN_SIZE, SUB_SIZE, Recipe, is_valid, prepare, simulator_mounts
from video.stream import State, VideoStream


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sim-cache")


@pytest.fixture(scope="module")
def short_file(cache: Path) -> Path:
    return prepare("CAM 07 Cửa khẩu", SUB_SIZE, fps=15, seconds=3, folder=cache)


@pytest.fixture(scope="module")
def rtsp(short_file: Path) -> Iterator[RtspServer]:
    server = RtspServer([replay("/cam07/sub", short_file)])
    yield server
    server.close()


def test_prepared_file_is_constrained_baseline_with_a_key_frame_every_15(cache: Path):
    path = prepare("CAM 08", MAIN_SIZE, fps=15, seconds=3, folder=cache)
    assert path.suffix == ".h264" and path.with_suffix(".json").exists()
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        ctx = stream.codec_context
        assert (ctx.width, ctx.height) == MAIN_SIZE
        assert ctx.profile == "Constrained Baseline", ctx.profile
        keys = []
        for i, frame in enumerate(container.decode(stream)):
            if frame.key_frame:
                keys.append(i)
            assert int(frame.pict_type) in (1, 2)  # I or P (AVPictureType): no B-frames
        assert i + 1 == 45
    assert keys == [0, 15, 30]


def test_prepare_reuses_a_valid_file_and_remakes_a_damaged_one(cache: Path):
    path = prepare("CAM 09", SUB_SIZE, fps=15, seconds=2, folder=cache)
    made = path.stat().st_mtime_ns
    assert prepare("CAM 09", SUB_SIZE, fps=15, seconds=2, folder=cache) == path
    assert path.stat().st_mtime_ns == made  # cached, not encoded again
    recipe = Recipe("CAM 09", *SUB_SIZE, fps=15, seconds=2)
    assert is_valid(path, recipe)
    with open(path, "r+b") as f:  # a half-written file
        f.truncate(path.stat().st_size // 2)
    assert not is_valid(path, recipe)
    again = prepare("CAM 09", SUB_SIZE, fps=15, seconds=2, folder=cache)
    assert again == path and is_valid(path, recipe)
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["bytes"] == path.stat().st_size and meta["frames"] == 30
    assert not [p for p in cache.iterdir() if p.name.startswith(".prepare-")]


def test_prepare_from_the_command_line(cache: Path):
    result = subprocess.run(
        [sys.executable, "-m", "video.sim.prepare", "--label", "CAM 10", "--only", "sub",
         "--seconds", "1", "--folder", str(cache)],
        capture_output=True, text=True, check=False, timeout=60,
        cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.strip())
    assert made.exists() and "640x360" in made.name


def test_file_mount_loops_with_increasing_timestamps(rtsp: RtspServer):
    """A 3 s file read for 8 s: frames keep coming past the end, pts keep rising."""
    stream = VideoStream(rtsp.url("/cam07/sub"), config=PATIENT).start()
    try:
        wait_until(lambda: stream.state is State.LIVE, 5, what="live")
        pts: list[float] = []
        last_seq = 0
        deadline = time.monotonic() + 8.0
        while time.monotonic() < deadline:  # a reading window, polling every frame
            frame = stream.latest()
            if frame is not None and frame.seq != last_seq and frame.pts is not None:
                last_seq = frame.seq
                pts.append(frame.pts)
            time.sleep(0.01)
        st = stream.stats()
    finally:
        assert stream.stop()
    assert len(pts) >= 8 * 15 * 0.85, len(pts)
    back = [(i, a, b) for i, (a, b) in enumerate(zip(pts, pts[1:], strict=False)) if b <= a]
    assert not back, f"pts did not increase at {back}"
    steps = np.diff(pts)
    assert steps.max() < 0.5, steps.max()  # no gap at the loop point
    assert pts[-1] - pts[0] >= 7.0
    assert st.state is State.LIVE and st.reconnects == 0 and st.decode_errors == 0
    assert (st.width, st.height) == SUB_SIZE


def test_file_mount_latency_estimate_is_meaningful(rtsp: RtspServer):
    stream = VideoStream(rtsp.url("/cam07/sub"), config=FAST).start()
    try:
        samples: list[float] = []

        def sampled() -> bool:
            latency = stream.stats().latency_ms
            if latency is not None:
                samples.append(latency)
            return len(samples) >= 20

        wait_until(sampled, 10, interval=0.1, what="20 latency estimates")
    finally:
        assert stream.stop()
    p50 = float(np.median(samples))
    assert 0 <= p50 < 200, samples


def test_file_mount_is_shared_between_clients(rtsp: RtspServer):
    """A client joining later sees the same picture at the same source time (one
    replay for both), not the file from its beginning."""
    first = VideoStream(rtsp.url("/cam07/sub"), config=FAST).start()
    second = None
    try:
        first.set_output("rgb24", (160, 90))
        wait_until(lambda: (f := first.latest()) is not None and f.source_time is not None,
                   8, what="the first client's source time")
        time.sleep(1.3)  # join mid-file, not at a key-frame boundary of the first
        second = VideoStream(rtsp.url("/cam07/sub"), config=FAST).start()
        second.set_output("rgb24", (160, 90))
        pairs = 0

        def same_picture_at_same_time() -> bool:
            nonlocal pairs
            a, b = first.latest(), second.latest()  # type: ignore[union-attr]
            if (a is None or b is None or a.source_time is None or b.source_time is None
                    or a.image is None or b.image is None):
                return False
            if abs(a.source_time - b.source_time) < 0.01:
                diff = np.abs(a.image.astype(int) - b.image.astype(int)).mean()
                assert diff < 3, diff
                pairs += 1
            return pairs >= 3

        wait_until(same_picture_at_same_time, 10, interval=0.005,
                   what="both clients showing the same frame")
    finally:
        assert first.stop()
        if second is not None:
            assert second.stop()


def _first_frames(url: str, count: int = 3) -> int | str:
    try:
        with av.open(url, timeout=5, options={"rtsp_transport": "tcp", "probesize": "32",
                                              "analyzeduration": "0"}) as container:
            for n, _frame in enumerate(container.decode(video=0), 1):
                if n >= count:
                    return n
    except (OSError, av.FFmpegError) as exc:
        return repr(exc)
    return "ended"


def test_clients_opening_one_live_camera_at_once_keep_the_simulator_alive():
    """Three clients join a live test-pattern camera in the same instant, again and
    again (a wall opening one camera in three tiles). Each PLAY used to flush the shared
    media, and one arriving in that instant made GStreamer abort (1 round in ~20)."""
    server = RtspServer([sub("/live/sub", pattern="smpte")])
    try:
        for round_ in range(25):
            results: list[int | str] = [0, 0, 0]

            def open_one(i: int, into: list[int | str]) -> None:
                into[i] = _first_frames(server.url("/live/sub"))

            threads = [threading.Thread(target=open_one, args=(i, results)) for i in range(3)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(20)
            assert server.proc is not None and server.proc.poll() is None, \
                f"the simulator died in round {round_}: {results}"
            assert results == [3, 3, 3], f"round {round_}: {results}"
    finally:
        server.close()


def test_missing_file_stops_the_simulator_with_a_reason(tmp_path: Path):
    with pytest.raises(RuntimeError, match="no such file"):
        RtspServer([replay("/gone", tmp_path / "gone.h264")])


def test_cpu_seconds_is_measured(rtsp: RtspServer):
    assert rtsp.cpu_seconds() >= 0
    assert os.sysconf("SC_CLK_TCK") > 0


def test_file_mount_serves_again_after_every_client_left(rtsp: RtspServer):
    """The shared replay ends with its last client; the next client gets a new one."""
    for _ in range(2):
        stream = VideoStream(rtsp.url("/cam07/sub"), config=FAST).start()
        try:
            wait_until(lambda: stream.latest() is not None  # noqa: B023 - used at once
                       and stream.stats().decoded_fps >= 12, 6, what="full rate")  # noqa: B023
        finally:
            assert stream.stop()


def test_simulator_mounts_for_camera_records(cache: Path):
    cameras = [{"code": "DV-CAM-09", "name": "Xe chỉ huy", "kind": "mobile",
                "sub_url": "rtsp://127.0.0.1:8554/DV-CAM-09/sub"},
               {"code": "HN-CAM-01", "kind": "fixed",
                "sub_url": "rtsp://127.0.0.1:8554/HN-CAM-01/sub"}]
    mounts = simulator_mounts(cameras, cache, seconds=1)
    assert [m["path"] for m in mounts] == ["/DV-CAM-09/sub", "/HN-CAM-01/sub"]
    assert mounts[0]["audio"] == "true" and "audio" not in mounts[1]
    assert all(Path(m["file"]).exists() and "640x360" in m["file"] for m in mounts)
    server = RtspServer(mounts)
    try:
        stream = VideoStream(server.url("/DV-CAM-09/sub"), config=FAST, audio=True).start()
        try:
            wait_until(lambda: (a := stream.audio_stats()) is not None and a.present
                       and stream.state is State.LIVE, 8, what="video and sound")
        finally:
            assert stream.stop()
    finally:
        server.close()
