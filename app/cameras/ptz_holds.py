"""Control priority of PTZ cameras, shared by every console through the database: who
holds a camera, take-over by a shift leader, expiry after inactivity. One row per held
camera (`ptz_hold`); a change is announced on the change feed (topic "ptz_hold") so the
other consoles show who holds it.

Rules (`decide`, pure):
* a free camera (or one whose hold expired) goes to whoever asks;
* the holder's own requests renew the hold (every command counts as activity);
* another console is refused and told who holds the camera;
* a user who may take over (a shift leader or a director) takes the camera when asking
  to, except from another user who may take over too (one leader does not snatch a
  camera from another);
* a hold expires `expiry` after its last activity; `release()` frees it at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.auth import CurrentUser, Role
from app.clock import Clock
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import PtzHold
from app.errors import QT_TRANSLATE_NOOP, DomainError

TOPIC = Topic.PTZ_HOLD
DEFAULT_EXPIRY = timedelta(seconds=60)
TAKE_OVER_ROLES = (Role.SHIFT_LEADER, Role.DIRECTOR)


class PtzBusy(DomainError):
    """Another console holds the camera."""


BUSY_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Camera {camera} is being controlled by {holder} at console {console}.")


class Outcome(StrEnum):
    GRANTED = "granted"
    RENEWED = "renewed"
    TAKEN_OVER = "taken_over"
    REFUSED = "refused"


@dataclass(frozen=True)
class Hold:
    camera: str
    console: str          # the workstation's id
    user_id: int
    user_name: str        # shown to the other consoles
    can_take_over: bool
    since: datetime
    last_active: datetime


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    hold: Hold | None             # who holds the camera after the decision
    previous: Hold | None = None  # the hold that was taken over

    @property
    def allowed(self) -> bool:
        return self.outcome is not Outcome.REFUSED

    def refusal(self) -> PtzBusy:
        assert self.hold is not None
        return PtzBusy(BUSY_TEXT, camera=self.hold.camera, holder=self.hold.user_name,
                       console=self.hold.console)


def may_take_over(user: CurrentUser) -> bool:
    return any(user.has_role(r) for r in TAKE_OVER_ROLES)


def decide(current: Hold | None, asking: Hold, now: datetime, expiry: timedelta,
           take_over: bool = False) -> Decision:
    """The rules of the module doc; `current` is the stored hold (maybe expired)."""
    if current is not None and now - current.last_active >= expiry:
        current = None
    if current is None:
        return Decision(Outcome.GRANTED, asking)
    if (current.console, current.user_id) == (asking.console, asking.user_id):
        return Decision(Outcome.RENEWED, Hold(current.camera, current.console, current.user_id,
                                              current.user_name, asking.can_take_over,
                                              current.since, now))
    if take_over and asking.can_take_over and not current.can_take_over:
        return Decision(Outcome.TAKEN_OVER, asking, previous=current)
    return Decision(Outcome.REFUSED, current)


def _hold(row: PtzHold) -> Hold:
    return Hold(row.camera_code, row.console, row.user_id, row.user_name, row.can_take_over,
                row.since, row.last_active)


class PtzHolds:
    """The holds, in the shared database."""

    def __init__(self, db: Database, clock: Clock, expiry: timedelta = DEFAULT_EXPIRY) -> None:
        self.db = db
        self.clock = clock
        self.expiry = expiry

    def request(self, user: CurrentUser, console: str, camera: str,
                take_over: bool = False) -> Decision:
        """Asks to control `camera`; a refused decision names the holder."""
        for _attempt in range(3):   # two consoles inserting the first hold at once
            try:
                return self._request(user, console, camera, take_over)
            except IntegrityError:
                continue
        return self._request(user, console, camera, take_over)

    def _request(self, user: CurrentUser, console: str, camera: str,
                 take_over: bool) -> Decision:
        with self.db.write() as s:
            now = self.clock.now()
            row = s.scalar(select(PtzHold).where(PtzHold.camera_code == camera)
                           .with_for_update())
            asking = Hold(camera, console, user.id, user.full_name, may_take_over(user), now,
                          now)
            decision = decide(_hold(row) if row else None, asking, now, self.expiry,
                              take_over)
            if decision.outcome is Outcome.REFUSED:
                return decision
            h = decision.hold
            assert h is not None
            if row is None:
                row = PtzHold(camera_code=camera)
                s.add(row)
            (row.console, row.user_id, row.user_name, row.can_take_over, row.since,
             row.last_active) = (h.console, h.user_id, h.user_name, h.can_take_over, h.since,
                                 h.last_active)
            s.flush()
            if decision.outcome is not Outcome.RENEWED:
                record_change(s, self.clock, None, TOPIC, row.id)
            return decision

    def touch(self, user: CurrentUser, console: str, camera: str) -> bool:
        """Activity of the holder; False when it no longer holds the camera (expired or
        taken over): the console must stop moving it."""
        return self.request(user, console, camera).outcome is Outcome.RENEWED

    def release(self, user: CurrentUser, console: str, camera: str) -> bool:
        with self.db.write() as s:
            done = s.execute(delete(PtzHold).where(
                PtzHold.camera_code == camera, PtzHold.console == console,
                PtzHold.user_id == user.id))
            if rowcount(done):
                record_change(s, self.clock, None, TOPIC, 0)
            return bool(rowcount(done))

    def release_console(self, console: str) -> list[str]:
        """A console logging out or closing frees its cameras."""
        with self.db.write() as s:
            cams = list(s.scalars(select(PtzHold.camera_code).where(PtzHold.console == console)))
            if cams:
                s.execute(delete(PtzHold).where(PtzHold.console == console))
                record_change(s, self.clock, None, TOPIC, 0)
            return cams

    def holds(self) -> list[Hold]:
        """The live holds (expired ones are not listed)."""
        with self.db.read() as s:
            rows = list(s.scalars(select(PtzHold)))
        now = self.clock.now()
        return [_hold(r) for r in rows if now - r.last_active < self.expiry]

    def holder(self, camera: str) -> Hold | None:
        return next((h for h in self.holds() if h.camera == camera), None)


__all__ = ["BUSY_TEXT", "DEFAULT_EXPIRY", "Decision", "Hold", "Outcome", "PtzBusy", "PtzHolds",
           "decide", "may_take_over"]
