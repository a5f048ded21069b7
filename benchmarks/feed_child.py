"""Child process of the propagation benchmark: runs the core's ChangeFeed on the
shared database and prints, for every duty-log change it receives, the entry id
and the wall-clock time of receipt. Stops when its stdin closes.

  python -m benchmarks.feed_child URL [POLL_S]

Output lines: "STATE <state> <time>" and "CHANGE <entry id> <time>".
"""

from __future__ import annotations

import sys
import time

from app.db.changes import Change, ChangeFeed
from app.db.engine import Database


def main(argv: list[str]) -> int:
    url = argv[0]
    poll_s = float(argv[1]) if len(argv) > 1 else 0.2
    db = Database(url)

    def on_changes(changes: list[Change]) -> None:
        now = time.time()
        lines = [f"CHANGE {c.ref_id} {now:.6f}" for c in changes if c.topic == "dutylog"]
        if lines:
            sys.stdout.write("\n".join(lines) + "\n")
            sys.stdout.flush()

    def on_state(state: str) -> None:
        sys.stdout.write(f"STATE {state} {time.time():.6f}\n")
        sys.stdout.flush()

    feed = ChangeFeed(db, on_changes, on_state, poll_s=poll_s)
    feed.start()
    try:
        sys.stdin.read()
    finally:
        feed.stop()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
