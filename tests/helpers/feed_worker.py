"""Another console's change feed, in its own OS process:

    python -m tests.helpers.feed_worker DB_URL

Prints "state <state>" on each connection-state change and "change <seq> <topic>
<ref_id>" for each change, flushed; stops when stdin closes."""

from __future__ import annotations

import sys
import threading

from app.db.changes import Change, ChangeFeed
from app.db.engine import Database

_out = threading.Lock()


def _say(line: str) -> None:
    with _out:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def main(argv: list[str]) -> int:
    db = Database(argv[0])

    def on_changes(batch: list[Change]) -> None:
        for c in batch:
            _say(f"change {c.seq} {c.topic} {c.ref_id}")

    feed = ChangeFeed(db, on_changes, lambda s: _say(f"state {s}"))
    feed.start()
    try:
        sys.stdin.read()  # until the parent closes our stdin
    finally:
        feed.stop()
        db.dispose()
    _say("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
