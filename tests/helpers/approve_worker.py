"""A shift leader's console in its own OS process, approving incidents:

    python -m tests.helpers.approve_worker DB_URL USER_ID FIRST_ID LAST_ID SLOT_MS

Prints "ready" once connected and the user is loaded, then blocks reading its standard
input for the go line: a start time T (epoch seconds, the same for every worker;
end of input without it: exit 2). It then
approves every incident FIRST_ID..LAST_ID (inclusive, ascending) through
IncidentService.transition, attempting the k-th one at T + k * SLOT_MS (or at once
when running late), so that all workers hit each incident within about a
millisecond of each other: a real race per incident, not one worker trailing
another on incidents already decided.
Losing a race is the clear "already decided" ConflictError; anything else is an
error. With DR_WORKER_LOGIN and DR_WORKER_PASSWORD in the environment, the console
logs in to the database as that login (one login per person, SCRAM) before anything
else, as a workstation with `database_personal_login` does. The last line is JSON:
{"won": N, "lost": N, "errors": N, "late_slots": N, "first_errors": [...]}."""

from __future__ import annotations

import json
import os
import sys
import time

from app.auth import to_current
from app.clock import SystemClock
from app.db.engine import Database
from app.db.models import UserAccount
from app.dutylog import DutyLog
from app.errors import ConflictError
from app.workflow.incidents import IncidentService
from app.workflow.rules import Action


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    url, user_id, first, last = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    slot_s = float(argv[4]) / 1000.0
    login = os.environ.get("DR_WORKER_LOGIN")
    db = Database(url, personal_login=login is not None)
    try:
        if login is not None:
            db.log_in(login, os.environ.get("DR_WORKER_PASSWORD", ""))
        db.ping()
        clock = SystemClock()
        clock.sync(db.server_now())
        service = IncidentService(db, clock, DutyLog(db, clock))
        with db.read() as s:
            account = s.get(UserAccount, user_id)
            assert account is not None, f"no user {user_id}"
            user = to_current(account)
        say("ready")
        go = sys.stdin.readline()   # the test's go line; EOF if the test gave up
        if not go.strip():
            say("no go signal")
            return 2
        start = float(go)
        won = lost = errors = late = 0
        first_errors: list[str] = []
        for k, incident_id in enumerate(range(first, last + 1)):
            # a timetable, not a wait for a condition: every worker attempts incident k
            # at the same instant, which is what makes each one a race
            wait = start + k * slot_s - time.time()
            if wait > 0:
                time.sleep(wait)
            elif wait < -0.002:
                late += 1
            try:
                service.transition(user, incident_id, Action.APPROVE)
                won += 1
            except ConflictError as exc:
                if "already decided" in exc.message():
                    lost += 1
                else:
                    errors += 1
                    if len(first_errors) < 5:
                        first_errors.append(f"#{incident_id}: ConflictError {exc.message()}")
            except Exception as exc:  # noqa: BLE001 - reported to the test, which fails
                errors += 1
                if len(first_errors) < 5:
                    first_errors.append(f"#{incident_id}: {type(exc).__name__} {exc}")
        say(f"won {won}")
        say(f"lost {lost}")
        say(json.dumps({"won": won, "lost": lost, "errors": errors, "late_slots": late,
                          "first_errors": first_errors}, ensure_ascii=False))
        return 0 if errors == 0 else 1
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
