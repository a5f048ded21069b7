"""The console's local cache of what it needs to start without the shared
database: users (with their password hashes), desks, and the current shift
with its members. Refreshed after every successful start."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app import logs
from app.auth import CurrentUser, LoginThrottle, verify_password
from app.clock import Clock
from app.errors import QT_TRANSLATE_NOOP, AuthenticationFailed

log = logs.get("db")


@dataclass
class CachedShift:
    id: int
    desk_id: int
    duty_date: date
    starts_at: datetime
    ends_at: datetime
    focus: str
    members: list[tuple[str, str, str]]  # (role, full name, assignment)
    duty_unit: str


class OfflineCache:
    def __init__(self, path: Path, clock: Clock, throttle: LoginThrottle | None = None) -> None:
        self.path = path
        self.clock = clock
        # shared with the database's log-in (AppContext): offline is no way around it
        self.throttle = throttle or LoginThrottle(clock)

    def save(self, users: list[dict[str, Any]], desks: list[dict[str, Any]],
             shifts: list[CachedShift]) -> None:
        data = {
            "saved_at": self.clock.now().isoformat(),
            "users": users,
            "desks": desks,
            "shifts": [{**s.__dict__, "duty_date": s.duty_date.isoformat(),
                        "starts_at": s.starts_at.isoformat(), "ends_at": s.ends_at.isoformat()}
                       for s in shifts],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def _load(self) -> dict[str, Any]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    @property
    def available(self) -> bool:
        return bool(self._load().get("users"))

    def authenticate(self, username: str, password: str) -> CurrentUser:
        self.throttle.check(username)
        for u in self._load().get("users", []):
            if u["username"] == username.strip() and u.get("active", True) \
                    and verify_password(u["password_hash"], password):
                self.throttle.succeeded(username)
                return CurrentUser(id=u["id"], username=u["username"], full_name=u["full_name"],
                                   roles=frozenset(u["roles"]), desk_id=u.get("desk_id"),
                                   unit_id=u.get("unit_id"))
        self.throttle.failed(username)
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))

    def desk(self, code: str) -> dict[str, Any] | None:
        return next((d for d in self._load().get("desks", []) if d["code"] == code), None)

    def shift(self, desk_id: int, at: datetime) -> CachedShift | None:
        for s in self._load().get("shifts", []):
            start, end = (datetime.fromisoformat(s["starts_at"]),
                          datetime.fromisoformat(s["ends_at"]))
            if s["desk_id"] == desk_id and start <= at < end:
                return CachedShift(id=s["id"], desk_id=s["desk_id"],
                                   duty_date=date.fromisoformat(s["duty_date"]), starts_at=start,
                                   ends_at=end, focus=s["focus"],
                                   members=[tuple(m) for m in s["members"]],
                                   duty_unit=s.get("duty_unit", ""))
        return None

    @property
    def saved_at(self) -> str | None:
        return self._load().get("saved_at")
