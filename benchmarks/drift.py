"""The image check's cost (video/drift.py) on the rendered container yard of
video/sim/yard.py:

  python -m benchmarks.drift [--reps N]

- a 1280×720 reference (main stream) against a 640×360 live frame (sub-stream, sensor
  noise σ=6, shifted 2 %), the reference prepared anew each time (as a one-off check);
- the same with the reference prepared once (a camera checked again, the room's check);
- a 1920×1080 reference against a 1920×1080 live frame (issue 5: ≤ 200 ms);
- the overlay picture for the GUI.

Target: one comparison well under 200 ms on a 2-core machine. OpenCV uses its own thread
pool (both cores); the figures are wall-clock, so other work on the machine shows in
them: the CPU time of a comparison (this process, all threads) and the load average
are printed too. Last line: JSON."""

from __future__ import annotations

import argparse
import os
import time

import cv2
import numpy as np

from benchmarks._common import emit_json, median, percentile, r, say, summary, timed_ms, verdict
from video.drift import DriftThresholds, compare, overlay, prepare_reference
from video.sim.yard import LIVE_SIZE, noisy, view

TARGET_MS = 200.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args()
    reps = max(3, args.reps)
    thresholds = DriftThresholds()

    reference = view()
    live = noisy(view(shift_x_pct=2.0, size=LIVE_SIZE), 6)
    say(f"image check, OpenCV {cv2.__version__}, {cv2.getNumThreads()} threads, {reps} reps")

    cpu_ms: list[float] = []

    def one() -> object:
        started = time.process_time()
        result = compare(reference, live, thresholds)
        cpu_ms.append((time.process_time() - started) * 1000.0)
        return result

    load_before = os.getloadavg()[0]
    times, report = timed_ms(one, reps)
    cpu_ms = cpu_ms[-reps:]
    say(f"1280×720 ref vs 640×360 live      {summary(times)}   {report.verdict}  "
        f"{verdict(percentile(times, 95), TARGET_MS)}")

    say(f"  CPU time (all threads)          {summary(cpu_ms)}")

    prepared = prepare_reference(reference)
    prepared_times, _ = timed_ms(lambda: compare(prepared, live, thresholds), reps)
    say(f"  with the reference prepared once {summary(prepared_times)}")
    prep_times, _ = timed_ms(lambda: prepare_reference(reference), reps)
    say(f"  preparing the reference         {summary(prep_times)}")

    ref_1080 = view(size=(1920, 1080))
    live_1080 = noisy(view(shift_x_pct=2.0, size=(1920, 1080)), 6)
    times_1080, report_1080 = timed_ms(lambda: compare(ref_1080, live_1080, thresholds), reps)
    say(f"1920×1080 ref vs 1920×1080 live   {summary(times_1080)}   {report_1080.verdict}  "
        f"{verdict(percentile(times_1080, 95), TARGET_MS)}")

    overlay_times, picture = timed_ms(lambda: overlay(prepared, live, report), reps)
    assert isinstance(picture, np.ndarray)
    say(f"overlay {picture.shape[1]}×{picture.shape[0]}              {summary(overlay_times)}")

    emit_json({
        "compare_ms_p50": r(median(times)),
        "compare_ms_p95": r(percentile(times, 95)),
        "compare_cpu_ms_p50": r(median(cpu_ms)),
        "compare_prepared_ms_p50": r(median(prepared_times)),
        "compare_prepared_ms_p95": r(percentile(prepared_times, 95)),
        "prepare_reference_ms_p50": r(median(prep_times)),
        "compare_1080p_ms_p50": r(median(times_1080)),
        "compare_1080p_ms_p95": r(percentile(times_1080, 95)),
        "overlay_ms_p50": r(median(overlay_times)),
        "target_ms": TARGET_MS,
        "load_average": r(max(load_before, os.getloadavg()[0])),
        "reps": reps,
    })


if __name__ == "__main__":
    main()
