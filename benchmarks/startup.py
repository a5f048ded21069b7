"""Cold start of the client on the demo site, to a usable main window (the duty
log panel loaded). Target: <= 2 s.

  python -m benchmarks.startup [--runs N] [--bare-runs N]

Every run is a fresh Python process (QT_QPA_PLATFORM=offscreen, a temporary
CUSTOMS_DATA_DIR / CUSTOMS_CONFIG_DIR). The parent notes the time just before it
spawns the child (benchmarks.startup_child, which runs `main.main(["--demo",
"--user", "truongca"])`); the child prints the time when the log panel's
`loaded` first fires after `Startup.ready`. The first run seeds the demo
database and compiles the bytecode (reported apart as first_start_s); the next
runs open the seeded database with the compiled modules cached, as on a user's
machine (the cache lives in the temporary folder, PYTHONPYCACHEPREFIX).
A bare PySide6 process (QApplication + one shown QWidget) is timed the same way
as the baseline of this machine. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._common import emit_json, median, percentile, r, say

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0
BARE_QT = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget()\n"
    "w.show()\n"
    "app.processEvents()\n"
    "print(f'SHOWN {time.time():.6f}', flush=True)\n"
)


def _env(home: Path, bytecode_cache: bool = True) -> dict[str, str]:
    """The child's environment. With bytecode_cache, compiled modules are kept as
    on a user's machine, but under the temporary folder (PYTHONPYCACHEPREFIX),
    not in the source tree; without it nothing is cached and every start
    compiles the project's modules again (a read-only install without .pyc)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CUSTOMS_DB_URL", "PYTHONDEVMODE", "PYTHONDONTWRITEBYTECODE",
                        "PYTHONPYCACHEPREFIX")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "CUSTOMS_DATA_DIR": str(home / "data"),
                "CUSTOMS_CONFIG_DIR": str(home / "config"), "PYTHONPATH": str(ROOT)})
    if bytecode_cache:
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _spawn(cmd: list[str], env: dict[str, str], timeout: float = 120.0) \
        -> tuple[float, dict[str, list[str]], float, str]:
    """Run one child; (spawn time, its tagged lines, exit time, stderr tail)."""
    t0 = time.time()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    t_exit = time.time()
    tagged: dict[str, list[str]] = {}
    for line in out.splitlines():
        parts = line.split()
        if parts:
            tagged[parts[0]] = parts[1:]
    return t0, tagged, t_exit, "\n".join(err.strip().splitlines()[-5:])


def bare_qt(env: dict[str, str]) -> float:
    t0, tagged, _t_exit, err = _spawn([sys.executable, "-c", BARE_QT], env)
    if "SHOWN" not in tagged:
        raise RuntimeError(f"the bare Qt process failed: {err}")
    return float(tagged["SHOWN"][0]) - t0


def client(env: dict[str, str]) -> tuple[float, float, int, float]:
    """(spawn→log loaded, spawn→ready, rows shown, spawn→process exit) in seconds."""
    t0, tagged, t_exit, err = _spawn([sys.executable, "-m", "benchmarks.startup_child"], env)
    if "LOADED" not in tagged:
        reason = " ".join(tagged.get("FAILED", [])) or err or "no output"
        raise RuntimeError(f"the client did not reach a loaded main window: {reason}")
    loaded = float(tagged["LOADED"][0]) - t0
    ready = float(tagged["READY"][0]) - t0 if "READY" in tagged else float("nan")
    interp = float(tagged["START"][0]) - t0 if "START" in tagged else float("nan")
    del interp
    return loaded, ready, int(tagged["LOADED"][1]), t_exit - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=7, help="starts on the seeded demo database (>=5)")
    p.add_argument("--bare-runs", type=int, default=5)
    p.add_argument("--no-pyc-runs", type=int, default=3,
                   help="extra starts without a bytecode cache (0: skip)")
    p.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = p.parse_args(argv)
    if args.runs < 5:
        p.error("--runs must be at least 5")

    home = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = _env(home)
    try:
        say(f"start-up benchmark: {sys.executable}, data in {home}, "
            f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        first, first_ready, rows, first_exit = client(env)
        say(f"  first start (seeds the demo database, compiles the bytecode): {first:.3f} s to "
            f"the loaded log ({rows} rows; window ready at {first_ready:.3f} s)")

        bare_qt(env)  # compiles PySide6's Python parts once
        bare = [bare_qt(env) for _ in range(args.bare_runs)]
        say(f"  bare Qt process (QApplication + shown QWidget): median {median(bare):.3f} s  "
            f"[{', '.join(f'{x:.3f}' for x in bare)}]")

        runs, readies, exits = [], [], []
        for _ in range(args.runs):
            loaded, ready, rows, t_exit = client(env)
            runs.append(loaded)
            readies.append(ready)
            exits.append(t_exit)
        say(f"  start on the seeded database, {args.runs} runs: median {median(runs):.3f} s, "
            f"p95 {percentile(runs, 95):.3f} s, min {min(runs):.3f} s, max {max(runs):.3f} s "
            f"({rows} rows shown)  {'OK' if median(runs) <= TARGET_S else 'MISS'}")
        say(f"    each: {', '.join(f'{x:.3f}' for x in runs)}")
        say(f"    main window shown (log query still running): median {median(readies):.3f} s;"
            f" process gone after quit: median {median(exits):.3f} s")
        say(f"  over the bare Qt baseline: +{median(runs) - median(bare):.3f} s")

        no_pyc = [client(_env(home, bytecode_cache=False))[0] for _ in range(args.no_pyc_runs)]
        if no_pyc:
            say(f"  (info) without any bytecode cache (read-only install, no .pyc), "
                f"{len(no_pyc)} runs: median {median(no_pyc):.3f} s")
        say(f"  load average now {os.getloadavg()[0]:.2f}")
        emit_json({"startup_s": r(median(runs), 3), "startup_p95_s": r(percentile(runs, 95), 3),
                   "first_start_s": r(first, 3), "bare_qt_s": r(median(bare), 3),
                   "startup_no_pyc_s": r(median(no_pyc), 3) if no_pyc else None,
                   "runs": args.runs})
        return 0
    finally:
        if args.keep:
            say(f"kept: {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
