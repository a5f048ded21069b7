"""Control priority of PTZ cameras: who holds a camera, take-over by a shift leader,
expiry after inactivity. Pure logic over an injectable clock (`app.clock.Clock`); the
consoles share it through the database later (persistence is not here yet), and the
GUI asks before moving a camera and touches the hold on every command.

Rules:
* a free camera (or one whose hold expired) is granted to whoever asks;
* the holder's own requests renew the hold (any command counts as activity);
* another console is refused and told who holds the camera;
* a user allowed to take over (a shift leader: the caller decides from the roles)
  takes the camera with `take_over=True`, except from another user who may take over
  too (one leader does not snatch a camera from another);
* a hold expires `expiry` after its last activity; `release()` frees it at once."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from app.clock import Clock
from app.errors import QT_TRANSLATE_NOOP, DomainError

DEFAULT_EXPIRY = timedelta(seconds=60)


class PtzBusy(DomainError):
    """Another console holds the camera."""


BUSY_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Camera {camera} is being controlled by {holder} at console {console}.")


@dataclass(frozen=True)
class ControlHold:
    camera: str
    console: str          # the workstation's id
    user: str             # user name
    user_name: str        # full name, shown to the other consoles
    can_take_over: bool
    since: datetime
    last_active: datetime


class Outcome(StrEnum):
    GRANTED = "granted"
    RENEWED = "renewed"
    TAKEN_OVER = "taken_over"
    REFUSED = "refused"


@dataclass(frozen=True)
class ControlDecision:
    outcome: Outcome
    hold: ControlHold | None          # who holds the camera after the decision
    previous: ControlHold | None = None  # the hold that was taken over

    @property
    def allowed(self) -> bool:
        return self.outcome is not Outcome.REFUSED

    def refusal(self) -> PtzBusy:
        """The user message for a refused request."""
        assert self.hold is not None
        return PtzBusy(BUSY_TEXT, camera=self.hold.camera, holder=self.hold.user_name,
                       console=self.hold.console)


class PtzControlArbiter:
    """The holds of all PTZ cameras (thread-safe)."""

    def __init__(self, clock: Clock, expiry: timedelta = DEFAULT_EXPIRY) -> None:
        self.clock = clock
        self.expiry = expiry
        self._holds: dict[str, ControlHold] = {}
        self._lock = threading.Lock()

    def _live(self, camera: str, now: datetime) -> ControlHold | None:
        hold = self._holds.get(camera)
        if hold is not None and now - hold.last_active >= self.expiry:
            del self._holds[camera]
            return None
        return hold

    def holder(self, camera: str) -> ControlHold | None:
        with self._lock:
            return self._live(camera, self.clock.now())

    def holds(self) -> list[ControlHold]:
        with self._lock:
            now = self.clock.now()
            return [h for c in list(self._holds) if (h := self._live(c, now)) is not None]

    def request(self, camera: str, console: str, user: str, user_name: str = "", *,
                can_take_over: bool = False, take_over: bool = False) -> ControlDecision:
        """Asks to control `camera` from `console` (see the module's rules)."""
        with self._lock:
            now = self.clock.now()
            current = self._live(camera, now)
            mine = ControlHold(camera, console, user, user_name or user, can_take_over, now, now)
            if current is None:
                self._holds[camera] = mine
                return ControlDecision(Outcome.GRANTED, mine)
            if (current.console, current.user) == (console, user):
                renewed = replace(current, last_active=now, can_take_over=can_take_over)
                self._holds[camera] = renewed
                return ControlDecision(Outcome.RENEWED, renewed)
            if take_over and can_take_over and not current.can_take_over:
                self._holds[camera] = mine
                return ControlDecision(Outcome.TAKEN_OVER, mine, previous=current)
            return ControlDecision(Outcome.REFUSED, current)

    def touch(self, camera: str, console: str, user: str) -> bool:
        """Activity of the holder; False when it no longer holds the camera (expired or
        taken over): the console must stop moving it."""
        with self._lock:
            now = self.clock.now()
            current = self._live(camera, now)
            if current is None or (current.console, current.user) != (console, user):
                return False
            self._holds[camera] = replace(current, last_active=now)
            return True

    def release(self, camera: str, console: str, user: str) -> bool:
        with self._lock:
            current = self._holds.get(camera)
            if current is None or (current.console, current.user) != (console, user):
                return False
            del self._holds[camera]
            return True

    def release_console(self, console: str) -> list[str]:
        """A console logging out or closing frees its cameras."""
        with self._lock:
            cams = [c for c, h in self._holds.items() if h.console == console]
            for c in cams:
                del self._holds[c]
            return cams
