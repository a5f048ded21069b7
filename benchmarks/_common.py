"""Small helpers shared by the benchmarks: percentiles, timing, output."""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Callable, Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), q in 0..100."""
    if not values:
        return math.nan
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    pos = (len(xs) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def timed_ms(fn: Callable[[], object], reps: int, warmup: int = 2) -> tuple[list[float], object]:
    """Run fn warmup + reps times; the wall-clock times of the reps in ms and the last result."""
    result = None
    for _ in range(warmup):
        result = fn()
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t) * 1000.0)
    return out, result


def summary(values: Sequence[float], unit: str = "ms") -> str:
    return (f"p50 {median(values):8.2f} {unit}   p95 {percentile(values, 95):8.2f} {unit}   "
            f"max {max(values):8.2f} {unit}   (n={len(values)})")


def verdict(value: float, target: float) -> str:
    return "OK  " if value <= target else "MISS"


def say(line: str = "") -> None:
    print(line, flush=True)  # noqa: T201


def emit_json(obj: dict) -> None:
    sys.stdout.flush()
    print(json.dumps(obj, ensure_ascii=False), flush=True)  # noqa: T201


def r(value: float, nd: int = 2) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) \
        else round(value, nd)


def progress(line: str) -> None:
    """A progress line on stderr (the figures go to stdout)."""
    print(line, file=sys.stderr, flush=True)  # noqa: T201
