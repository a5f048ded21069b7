"""Prints the test clock's start (local 'YYYY-MM-DD HH:MM:SS') that .ci/run derives from
a commit hash: deterministic for a commit, spread over 2026–2031 and the whole day.
One commit in eight lands on one of the edges that matter (a leap day, 31 December
23:59:30, one second before the 08:00 shift change)."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

EDGES = ("2028-02-29 09:00:00", "2027-12-31 23:59:30", "2029-03-05 07:59:59")
FIRST = datetime(2026, 1, 1)
DAYS = (datetime(2032, 1, 1) - FIRST).days


def t0_of(commit: str) -> str:
    try:
        h = int(commit[:16], 16)
    except ValueError:
        h = 0
    if h % 8 == 0:
        return EDGES[(h // 8) % len(EDGES)]
    moment = FIRST + timedelta(days=(h // 8) % DAYS, seconds=(h // (8 * DAYS)) % 86_400)
    return f"{moment:%Y-%m-%d %H:%M:%S}"


if __name__ == "__main__":
    print(t0_of(sys.argv[1] if len(sys.argv) > 1 else ""))  # noqa: T201 - the output
