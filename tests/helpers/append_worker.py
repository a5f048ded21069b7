"""A console in its own OS process appending to one desk's duty log:

    python -m tests.helpers.append_worker DB_URL DESK_ID USER_ID COUNT

Prints "ready" once connected, waits for a line on stdin ("go") so that several
workers start together, appends COUNT entries through DutyLog.append and prints
"done COUNT"."""

from __future__ import annotations

import sys

from app.auth import CurrentUser
from app.clock import SystemClock
from app.db.engine import Database
from app.dutylog import DutyLog, EntryDraft


def main(argv: list[str]) -> int:
    url, desk_id, user_id, count = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    db = Database(url)
    try:
        db.ping()
        dutylog = DutyLog(db, SystemClock())
        user = CurrentUser(id=user_id, username=f"worker{user_id}", full_name=f"Worker {user_id}",
                           roles=frozenset({"officer"}), desk_id=desk_id)
        print("ready", flush=True)
        if not sys.stdin.readline():
            return 2
        for i in range(count):
            dutylog.append(user, desk_id, EntryDraft(
                kind="work", content=f"Giám sát trực tuyến {user_id}/{i}"))
        print(f"done {count}", flush=True)
        return 0
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
