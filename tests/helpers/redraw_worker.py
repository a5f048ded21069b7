"""Draws a kept sample of declarations again in a process of its own (another Python
process, as anyone re-checking it later would):

    python -m tests.helpers.redraw_worker DB_URL SAMPLE_ID

Prints one JSON line: {"ok": bool, "hash_ok": bool, "sample": [...]}."""

from __future__ import annotations

import json
import sys

from app.clock import SystemClock
from app.customs.sampling import Sampling
from app.db.engine import Database
from app.dutylog import DutyLog


def main(argv: list[str]) -> int:
    db = Database(argv[0])
    clock = SystemClock()
    check = Sampling(db, clock, DutyLog(db, clock)).verify(int(argv[1]))
    print(json.dumps({"ok": check.ok, "hash_ok": check.hash_ok,
                      "sample": check.drawn_again}), flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
