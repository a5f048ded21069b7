"""PTZ and the camera-map check through the real ONVIF client library against the fake
ONVIF camera (video/sim/onvif_camera.py), and the image check of a 1080p frame.

  python -m benchmarks.ptz [--cameras 100] [--reps 30]

- key → move: from `continuous_move()` on the threaded controller (what a key press
  calls) to the camera receiving ContinuousMove; release → stop the same for Stop.
  Presses come 0.4 s after the previous release: a press within ~0.2 s of a release
  waits for the Stop's verification (read-back after 0.15 s) and takes ~0.1 s.
- check of N cameras by status: every camera's status read in parallel through the
  console's controllers (video/ptz/check.py), connections already made, as when the
  check runs on a console that shows the cameras.
- image check: video/drift.py's compare of a 1920×1080 reference with a 1920×1080 live
  frame (shifted 2 %, noise).
Last line: JSON."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from benchmarks._common import emit_json, median, percentile, r, say, summary

ROOT = Path(__file__).resolve().parent.parent


def _wait_count(cam, op: str, n: int, timeout: float = 5.0) -> float:  # type: ignore[no-untyped-def]
    """Waits until the camera has received `op` n times; the moment it did."""
    deadline = time.perf_counter() + timeout
    while cam.count(op) < n:
        if time.perf_counter() > deadline:
            raise TimeoutError(op)
        time.sleep(0.0002)
    return time.perf_counter()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cameras", type=int, default=100)
    p.add_argument("--reps", type=int, default=30)
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    from video.ptz.check import CameraMapCheck  # noqa: PLC0415
    from video.ptz.onvif_driver import OnvifPtzDriver, OnvifSettings, warm_wsdl_cache  # noqa: PLC0415
    from video.ptz.threaded import ThreadedPtzController  # noqa: PLC0415
    from video.sim.onvif_camera import OnvifCameraSim, SimCamera  # noqa: PLC0415

    warm_wsdl_cache()
    codes = [f"PTZ{i:03d}" for i in range(1, args.cameras + 1)]
    sim = OnvifCameraSim([SimCamera(c) for c in codes]).start()
    controllers: dict[str, ThreadedPtzController] = {}
    try:
        t = time.perf_counter()
        for c in codes:
            controllers[c] = ThreadedPtzController(OnvifPtzDriver(OnvifSettings(
                c, sim.device_url(c), "admin", "admin")))
        first = [controllers[c].status() for c in codes]
        for f in first:
            f.result(120)
        connect_s = time.perf_counter() - t
        say(f"{len(codes)} cameras connected with a first status in {connect_s:.1f} s")

        cam, ctl = sim.camera(codes[0]), controllers[codes[0]]
        moves, stops = [], []
        for i in range(args.reps):
            sent = time.perf_counter()
            ctl.continuous_move(0.3 if i % 2 else -0.3, 0.0)
            moves.append((_wait_count(cam, "ContinuousMove", i + 1) - sent) * 1000)
            stopped = time.perf_counter()
            n_stop = cam.count("Stop")
            ctl.stop()
            stops.append((_wait_count(cam, "Stop", n_stop + 1) - stopped) * 1000)
            # a human pace between release and the next press: the Stop's read-back
            # (0.15 s settle, then the status) is over by then
            time.sleep(0.4)
        say(f"key → ContinuousMove received  {summary(moves)}")
        say(f"release → Stop received        {summary(stops)}")

        check = CameraMapCheck(controllers, status_timeout=10.0)
        rounds = []
        for _ in range(3):
            t = time.perf_counter()
            readings = check.read_statuses(codes).result(60)
            rounds.append(time.perf_counter() - t)
        failed = sum(1 for rd in readings if rd.error)
        say(f"check of {len(codes)} cameras by status: {summary(rounds, 's')}, "
            f"{failed} unread")
    finally:
        for c in controllers.values():
            c.close()
        sim.close()

    from video.drift import compare  # noqa: PLC0415
    from video.sim.yard import noisy, view  # noqa: PLC0415

    ref = view(size=(1920, 1080))
    live = noisy(view(shift_x_pct=2.0, size=(1920, 1080)), 6)
    compare(ref, live)   # warm-up
    image = []
    for _ in range(max(5, args.reps // 3)):
        t = time.perf_counter()
        compare(ref, live)
        image.append((time.perf_counter() - t) * 1000)
    say(f"image check, 1080p               {summary(image)}")
    emit_json({
        "cameras": len(codes), "connect_s": r(connect_s, 2),
        "key_to_move_ms_p50": r(median(moves), 2),
        "key_to_move_ms_p95": r(percentile(moves, 95), 2),
        "release_to_stop_ms_p95": r(percentile(stops, 95), 2),
        "check_100_cameras_s": r(max(rounds), 2), "check_unread": failed,
        "image_check_ms": r(median(image), 1), "image_check_ms_p95": r(percentile(image, 95), 1),
        "load_average": r(os.getloadavg()[0], 2),
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
