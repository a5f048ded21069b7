"""A second console for the propagation benchmarks. As a child process it runs the
core's ChangeFeed on the shared database and prints, for every change of one
topic, the record id and the wall-clock time of receipt; it stops when its stdin
closes:

  python -m benchmarks.feed_child URL [POLL_S] [TOPIC]      (TOPIC: dutylog)

Output lines: "STATE <state> <time>" and "CHANGE <record id> <time>".
`FeedListener` is the parent's side: it starts the child and collects the lines.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    from app.db.changes import Change, ChangeFeed  # noqa: PLC0415
    from app.db.engine import Database  # noqa: PLC0415

    url = argv[0]
    poll_s = float(argv[1]) if len(argv) > 1 else 0.2
    topic = argv[2] if len(argv) > 2 else "dutylog"
    db = Database(url)

    def on_changes(changes: list[Change]) -> None:
        now = time.time()
        lines = [f"CHANGE {c.ref_id} {now:.6f}" for c in changes if c.topic == topic]
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


class FeedListener:
    """The child process seen from the benchmark: `received` maps record ids to
    the time the child saw them (the last time, for a record changed twice)."""

    def __init__(self, url: str, topic: str = "dutylog", poll_s: float = 0.2) -> None:
        self.received: dict[int, float] = {}
        self._online = threading.Event()
        self._child = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.feed_child", url, str(poll_s), topic], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        self._reader = threading.Thread(target=self._read, daemon=True, name="feed-reader")
        self._reader.start()

    def _read(self) -> None:
        assert self._child.stdout is not None
        for line in self._child.stdout:
            parts = line.split()
            if parts[:2] == ["STATE", "online"]:
                self._online.set()
            elif parts and parts[0] == "CHANGE" and parts[1] != "None":
                self.received[int(parts[1])] = float(parts[2])

    def __enter__(self) -> FeedListener:
        if not self._online.wait(30):
            self.close()
            raise RuntimeError("the change-feed child did not come online")
        time.sleep(0.5)  # let its first catch-up pass
        self.received.clear()  # nothing before the measured writes counts
        return self

    def wait_for(self, keys: Iterable[int], timeout: float = 10.0) -> None:
        wanted = list(keys)
        deadline = time.time() + timeout
        while time.time() < deadline and not all(k in self.received for k in wanted):
            time.sleep(0.05)

    def close(self) -> None:
        assert self._child.stdin is not None
        self._child.stdin.close()
        try:
            self._child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.wait()
        self._reader.join(5)

    def __exit__(self, *_exc: object) -> None:
        self.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
