"""Time for the core: an injectable clock (UTC, naive datetimes as stored in the
database) and conversion to the room's local time zone.

This is the only module of the client that reads the wall clock
(`tests/test_clock_rules.py` fails on any other call): everything else is handed a
`Clock`, so a test moves the date of the whole client by handing it a `FixedClock`."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock(Protocol):
    def now(self) -> datetime:
        """Current UTC time as a naive datetime."""
        ...


class ConsoleClock(Clock, Protocol):
    """The clock a console runs on: it also keeps the workstation's own reading
    (offline entries carry both) and adopts the database server's clock."""

    def local_now(self) -> datetime: ...

    def sync(self, server_now: datetime) -> None: ...

    @property
    def offset(self) -> timedelta: ...


class SystemClock:
    """The workstation's clock, corrected by an offset to the server's clock."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return datetime.now(UTC).replace(tzinfo=None) + offset

    def local_now(self) -> datetime:
        """The workstation's own clock, uncorrected (kept on offline entries)."""
        return datetime.now(UTC).replace(tzinfo=None)

    def sync(self, server_now: datetime) -> None:
        """Adopt the server's clock: the current shift follows the server (Đ5.4)."""
        with self._lock:
            self._offset = server_now - datetime.now(UTC).replace(tzinfo=None)

    @property
    def offset(self) -> timedelta:
        return self._offset


class FixedClock:
    """A controllable clock for tests and benchmarks."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def local_now(self) -> datetime:
        return self._now

    def sync(self, server_now: datetime) -> None:  # noqa: ARG002 - tests keep their time
        return None

    @property
    def offset(self) -> timedelta:
        return timedelta(0)

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, value: datetime) -> None:
        self._now = value


def to_local(utc_naive: datetime, tz: ZoneInfo = LOCAL_TZ) -> datetime:
    """A stored UTC time as local wall time (naive)."""
    return utc_naive.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)


def to_utc(local_naive: datetime, tz: ZoneInfo = LOCAL_TZ) -> datetime:
    """A local wall time as stored UTC time (naive)."""
    return local_naive.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None)


def fmt_local(utc_naive: datetime | None, with_date: bool = True) -> str:
    """dd/MM/yyyy HH:mm in the room's time zone, or '' for None."""
    if utc_naive is None:
        return ""
    local = to_local(utc_naive)
    return local.strftime("%d/%m/%Y %H:%M" if with_date else "%H:%M")


def epoch_seconds() -> float:
    """The workstation's wall clock as POSIX seconds, for one use only: a frame's
    latency against the sender's wall-clock timestamp (RTCP sender reports carry
    the camera's NTP time). Never for a date the room reads."""
    return time.time()
