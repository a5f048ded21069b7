"""The real camera wall (offscreen) against simulated RTSP cameras, with FFmpeg decoding
the same streams as the baseline, measured over the same window.

  python -m benchmarks.video_wall [--tiles N] [--seconds S] [--source file|live]
                                  [--no-baseline] [--restart]

N sub-streams (640×360@15 H.264, key frame every second) are served by the simulator
(video/sim/rtsp_server.py): replayed from pre-encoded files by default (the simulator
then spends almost nothing), or encoded live. The wall (widgets/wall/wall.py: the same
tiles, decoding workers and painting as the application) fills a 1920×1080 window with
N cells. After every tile shows pictures and a warm-up, for S seconds:

- shown fps per tile (frames painted, not merely decoded) against the source's 15 fps;
- the client's CPU (this process) and, at the same time, one `ffmpeg -rtsp_transport
  tcp -i URL -f null -` per stream (CPU summed): the ratio; the simulator's CPU apart;
- latency from the source's clock (RTCP sender reports; the simulator stamps each frame
  with its wall clock) to the end of the paint, p50 and p95;
- the worst delay of a 10 ms timer on the GUI thread (event-loop stall);
- resident memory at the start and the end of the window.

First frame: from opening the wall to each tile's first painted frame (max). With
--restart the simulator is stopped and started again after the window: the time from
its READY to every tile painting again (max). Last line: JSON."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks._common import emit_json, median, percentile, r, say

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FPS = 15
TICKS = os.sysconf("SC_CLK_TCK")


def proc_cpu_s(pid: int) -> float:
    """utime + stime of a process, seconds (0 if it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def self_cpu_s() -> float:
    t = os.times()
    return t.user + t.system


def layout_for(n: int) -> str:
    for size in (1, 4, 9, 16, 25, 36):
        if n <= size:
            return str(size)
    raise SystemExit("at most 36 tiles")


def mounts_for(n: int, source: str) -> list[dict]:
    mounts = []
    files: list[Path] = []
    if source == "file":
        from video.sim import prepare  # noqa: PLC0415

        files = [prepare.prepare(f"BENCH {i + 1:02d}", prepare.SUB_SIZE, fps=SOURCE_FPS)
                 for i in range(min(n, 4))]
    for i in range(n):
        m = {"path": f"/bench{i + 1:02d}/sub", "size": "640x360", "fps": SOURCE_FPS,
             "label": f"BENCH {i + 1:02d}", "pattern": ("ball", "smpte", "pinwheel")[i % 3]}
        if files:
            m["file"] = str(files[i % len(files)])
        mounts.append(m)
    return mounts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tiles", type=int, default=16)
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--warmup", type=float, default=3.0)
    p.add_argument("--source", choices=("file", "live"), default="file")
    p.add_argument("--no-baseline", action="store_true")
    p.add_argument("--restart", action="store_true")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from video.sim.demo_site import SimulatorProcess  # noqa: PLC0415
    from widgets.wall.layouts import CellContent, WallView  # noqa: PLC0415
    from widgets.wall.tile import join_retired  # noqa: PLC0415
    from widgets.wall.wall import CameraWall, WallCamera  # noqa: PLC0415

    try:
        mounts = mounts_for(args.tiles, args.source)
    except (ImportError, AttributeError) as exc:
        say(f"pre-encoded files unavailable ({exc}); encoding live")
        args.source = "live"
        mounts = mounts_for(args.tiles, "live")
    sim = SimulatorProcess(mounts)
    if sim.start() is None:
        raise SystemExit("the RTSP simulator cannot start here")
    sim_pid = sim.proc.pid  # type: ignore[union-attr]
    _app = QApplication.instance() or QApplication([])  # kept alive for the run
    cams = {f"B{i:02d}": WallCamera(code=f"B{i:02d}", number=i, name=m["label"], site="bench",
                                    zone="bench", kind="fixed", sub_url=None,
                                    main_url=sim.url(m["path"]))
            for i, m in enumerate(mounts, start=1)}
    view = WallView(layout=layout_for(args.tiles), cells=[CellContent((c,)) for c in cams])
    baseline: list[subprocess.Popen[bytes]] = []
    opened = time.monotonic()
    wall = CameraWall(cams, view)
    wall.resize(1920, 1080)
    wall.show()
    tiles = wall.tiles()
    first: dict[int, float] = {}
    for i, t in enumerate(tiles):
        t.framesShown.connect(lambda n, i=i: first.setdefault(i, time.monotonic() - opened))

    def spin(seconds: float, until=None) -> bool:  # type: ignore[no-untyped-def]
        """Runs the event loop as the application does (blocking in its dispatcher, not
        a polling loop) for `seconds` or until `until()` is true (checked every 20 ms)."""
        loop = QEventLoop()
        deadline = time.monotonic() + seconds

        def check() -> None:
            if (until is not None and until()) or time.monotonic() >= deadline:
                loop.quit()

        poll = QTimer(interval=20)
        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()
        return until is None or bool(until())

    if not spin(30, lambda: len(first) == len(tiles)):
        say(f"only {len(first)} of {len(tiles)} tiles showed a picture in 30 s")
    if not args.no_baseline:
        for m in mounts:
            baseline.append(subprocess.Popen(
                ["ffmpeg", "-nostdin", "-loglevel", "error", "-rtsp_transport", "tcp",
                 "-i", sim.url(m["path"]), "-f", "null", "-"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    spin(args.warmup)

    # -- the window --------------------------------------------------------------------
    worst = {"ms": 0.0}
    due = {"t": time.monotonic() + 0.01}

    def tick() -> None:
        now = time.monotonic()
        worst["ms"] = max(worst["ms"], (now - due["t"]) * 1000)
        due["t"] = now + 0.01

    timer = QTimer(interval=10, timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    shown0 = [t.frames_shown for t in tiles]
    for t in tiles:
        t._latency.clear()  # noqa: SLF001 - the window's latencies only
    rss0 = rss_mb()
    cpu0, wall0 = self_cpu_s(), time.monotonic()
    sim0 = proc_cpu_s(sim_pid)
    base0 = sum(proc_cpu_s(b.pid) for b in baseline)
    due["t"] = time.monotonic() + 0.01
    timer.start()
    spin(args.seconds)
    timer.stop()
    elapsed = time.monotonic() - wall0
    cpu = (self_cpu_s() - cpu0) / elapsed
    sim_cpu = (proc_cpu_s(sim_pid) - sim0) / elapsed
    base_cpu = (sum(proc_cpu_s(b.pid) for b in baseline) - base0) / elapsed
    rss1 = rss_mb()
    ratios = [(t.frames_shown - s0) / elapsed / SOURCE_FPS for t, s0 in zip(tiles, shown0,
                                                                           strict=True)]
    latencies = [lat * 1000 for t in tiles for lat in t.shown_latencies()]
    for b in baseline:
        b.terminate()
    for b in baseline:
        b.wait(10)

    recover = None
    if args.restart:
        sim.stop()
        spin(3.0)                      # every tile notices (stalled / reconnecting)
        before = [t.frames_shown for t in tiles]
        back: dict[int, float] = {}
        for i, t in enumerate(tiles):
            t.framesShown.connect(lambda n, i=i: back.setdefault(i, time.monotonic()))
        sim.start()
        ready = time.monotonic()
        spin(30, lambda: len(back) == len(tiles))
        recover = max((back.get(i, ready + 30) - ready for i in range(len(tiles))), default=None)
        del before

    wall.shutdown()
    wall.close()
    join_retired(10)
    sim.stop()

    say(f"tiles {len(tiles)} ({args.source} sources), window {elapsed:.1f} s")
    say(f"shown / source fps: min {min(ratios):.3f}  median {median(ratios):.3f}")
    say(f"CPU (one core = 1.0): client {cpu:.3f}  ffmpeg baseline {base_cpu:.3f}  "
        f"simulator {sim_cpu:.3f}")
    if latencies:
        say(f"latency source→painted: p50 {median(latencies):.0f} ms  "
            f"p95 {percentile(latencies, 95):.0f} ms")
    say(f"first frame max {max(first.values(), default=float('nan')):.2f} s; "
        f"worst event-loop delay {worst['ms']:.1f} ms; RSS {rss0:.0f} → {rss1:.0f} MB")
    if recover is not None:
        say(f"back after the source returned: max {recover:.2f} s")
    emit_json({
        "tiles": len(tiles), "source": args.source, "seconds": r(elapsed, 1),
        "shown_fps_ratio_min": r(min(ratios), 3),
        "shown_fps_ratio_median": r(median(ratios), 3),
        "cpu_client": r(cpu, 3), "cpu_ffmpeg_baseline": r(base_cpu, 3) if baseline else None,
        "cpu_ratio_vs_ffmpeg": r(cpu / base_cpu, 2) if baseline and base_cpu else None,
        "cpu_simulator": r(sim_cpu, 3),
        "latency_ms_p50": r(median(latencies), 1) if latencies else None,
        "latency_ms_p95": r(percentile(latencies, 95), 1) if latencies else None,
        "first_frame_s_max": r(max(first.values()), 2) if first else None,
        "max_loop_stall_ms": r(worst["ms"], 1),
        "rss_mb": r(rss1, 1), "rss_growth_mb": r(rss1 - rss0, 1),
        "recover_s_max": r(recover, 2) if recover is not None else None,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
