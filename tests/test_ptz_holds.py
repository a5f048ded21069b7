"""Control priority of PTZ cameras shared through the database (app/cameras/ptz_holds.py), on
both databases: who holds a camera, the refusal naming the holder, renewals, a shift
leader's take-over (not from another leader), expiry, release, and two consoles asking
for a free camera at the same moment."""

from __future__ import annotations

import threading
from datetime import timedelta

from app.cameras.ptz_holds import Outcome

CONSOLES = ("console-1", "console-2", "console-3", "console-4")


def test_control_priority_between_consoles(ctx, users):
    holds = ctx.ptz_holds
    officer, officer2 = users["giamsat1"], users["giamsat2"]
    leader, leader2 = users["truongca"], users["truongca2"]
    first = holds.request(officer, "console-1", "DV-CAM-03")
    assert first.outcome is Outcome.GRANTED and holds.holder("DV-CAM-03").console == "console-1"
    # the other console is refused and told who holds the camera
    other = holds.request(officer2, "console-2", "DV-CAM-03")
    assert other.outcome is Outcome.REFUSED and not other.allowed
    assert other.refusal().message() == (
        f"Camera DV-CAM-03 is being controlled by {officer.full_name} at console console-1.")
    # an officer cannot take over, even when asking to
    assert holds.request(officer2, "console-2", "DV-CAM-03", take_over=True).outcome \
        is Outcome.REFUSED
    # activity keeps the hold alive past the expiry
    ctx.clock.advance(timedelta(seconds=40))
    assert holds.touch(officer, "console-1", "DV-CAM-03")
    ctx.clock.advance(timedelta(seconds=40))
    assert holds.request(officer, "console-1", "DV-CAM-03").outcome is Outcome.RENEWED
    # the shift leader takes over; the officer's console learns it on its next command
    taken = holds.request(leader, "console-3", "DV-CAM-03", take_over=True)
    assert taken.outcome is Outcome.TAKEN_OVER and taken.previous.user_id == officer.id
    assert not holds.touch(officer, "console-1", "DV-CAM-03")
    # another leader cannot snatch it from the leader
    assert holds.request(leader2, "console-4", "DV-CAM-03", take_over=True).outcome \
        is Outcome.REFUSED
    # inactivity frees the camera
    ctx.clock.advance(timedelta(seconds=61))
    assert holds.holder("DV-CAM-03") is None and holds.holds() == []
    assert holds.request(officer2, "console-2", "DV-CAM-03").outcome is Outcome.GRANTED
    assert not holds.release(officer, "console-1", "DV-CAM-03")
    assert holds.release(officer2, "console-2", "DV-CAM-03")
    assert holds.holder("DV-CAM-03") is None
    holds.request(officer2, "console-2", "DV-CAM-03")
    holds.request(officer2, "console-2", "DV-CAM-05")
    assert sorted(holds.release_console("console-2")) == ["DV-CAM-03", "DV-CAM-05"]


def test_two_consoles_asking_at_once_get_one_hold(ctx, users):
    barrier = threading.Barrier(2)
    outcomes: list[Outcome] = []

    def ask(user, console):  # type: ignore[no-untyped-def]
        barrier.wait()
        outcomes.append(ctx.ptz_holds.request(user, console, "HN-CAM-05").outcome)

    threads = [threading.Thread(target=ask, args=(users["giamsat1"], "console-1")),
               threading.Thread(target=ask, args=(users["giamsat2"], "console-2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == [Outcome.GRANTED, Outcome.REFUSED]
    assert len(ctx.ptz_holds.holds()) == 1
