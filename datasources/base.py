"""What every adapter to an external system is (DESIGN.md §7): a `Source` with a
typed settings object of its own (`SourceSettings`, subclassed per system), started
and stopped by its owner, saying how it is (`health()` → app.sources.SourceHealth:
live / stale / down / auth failed / protocol error, with a reason and its
counters) and emitting typed records (app.sources.SourceRecord) and rejections to
its `RecordSink` from its own thread — never assumed to be a GUI thread.

`PollingSource` is the common shape: one thread that calls `poll()` every interval
(a blocking probe or fetch), turns a `SourceFault` into the state it names, retries
with capped exponential back-off and jitter (`Backoff`), counts records and
rejects (`SourceCounters`), and stops promptly. A successful poll is the source's
heartbeat, even with no records: that tells a quiet night from an outage."""

from __future__ import annotations

import logging
import random
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from app.clock import Clock
from app.sources import Rejection, SourceHealth, SourceRecord, SourceState

log = logging.getLogger("customs.datasources")


@dataclass(frozen=True, kw_only=True)
class SourceSettings:
    """Settings every source has; a system's own settings subclass this."""

    source_id: str                    # stable id (lease, ledger, outages)
    name: str                         # record text: "Máy chủ chuyển tiếp thư điện tử"
    unit_code: str | None = None      # the unit that manages the system (notices)
    interval_s: float = 30.0          # poll / probe interval; heartbeat expected within it
    timeout_s: float = 10.0           # one blocking call's limit
    backoff_initial_s: float = 1.0
    backoff_max_s: float = 60.0
    stale_after_s: float | None = None   # no heartbeat for this long: stale (default 3 × interval)

    def __post_init__(self) -> None:
        if not self.source_id or len(self.source_id) > 80:
            raise ValueError("source_id must be 1–80 characters")
        if self.interval_s <= 0 or self.timeout_s <= 0:
            raise ValueError("interval_s and timeout_s must be positive")
        if not 0 < self.backoff_initial_s <= self.backoff_max_s:
            raise ValueError("backoff: 0 < initial ≤ max")

    @property
    def stale_after(self) -> float:
        return self.stale_after_s if self.stale_after_s is not None else 3 * self.interval_s


class Rng(Protocol):
    def random(self) -> float: ...


class Backoff:
    """Capped exponential back-off with jitter: the n-th delay after a failure is
    `min(maximum, initial × factor^n)`, shortened by a random fraction up to `jitter`
    (so consoles that lost a system together do not retry in step). `reset()` after
    a success. The RNG is injectable for tests."""

    def __init__(self, initial: float, maximum: float, factor: float = 2.0,
                 jitter: float = 0.25, rng: Rng | None = None) -> None:
        if not 0 < initial <= maximum or factor < 1 or not 0 <= jitter < 1:
            raise ValueError("backoff: 0 < initial ≤ maximum, factor ≥ 1, 0 ≤ jitter < 1")
        self.initial = initial
        self.maximum = maximum
        self.factor = factor
        self.jitter = jitter
        self.rng: Rng = rng or random.Random()
        self.attempts = 0

    def ceiling(self) -> float:
        """The delay before jitter of the next attempt."""
        return float(min(self.maximum, self.initial * self.factor ** min(self.attempts, 64)))

    def next(self) -> float:
        delay = self.ceiling() * (1.0 - self.jitter * self.rng.random())
        self.attempts += 1
        return delay

    def reset(self) -> None:
        self.attempts = 0


class SourceCounters:
    """Records and rejects so far, and the last record's time (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.records = 0
        self.rejects = 0
        self.last_record_at: datetime | None = None

    def record(self, at: datetime, n: int = 1) -> None:
        with self._lock:
            self.records += n
            self.last_record_at = at

    def reject(self, n: int = 1) -> None:
        with self._lock:
            self.rejects += n

    def snapshot(self) -> tuple[int, int, datetime | None]:
        with self._lock:
            return self.records, self.rejects, self.last_record_at


class RecordSink(Protocol):
    """Where a source's output goes (called on the source's thread)."""

    def records(self, source_id: str, records: Sequence[SourceRecord]) -> None: ...

    def rejected(self, rejection: Rejection) -> None: ...


class NullSink:
    def records(self, source_id: str, records: Sequence[SourceRecord]) -> None:
        pass

    def rejected(self, rejection: Rejection) -> None:
        pass


class SourceFault(Exception):
    """A poll failed; `state` says how (down, auth failed, protocol error)."""

    state = SourceState.DOWN

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unreachable(SourceFault):
    state = SourceState.DOWN


class AuthFailed(SourceFault):
    state = SourceState.AUTH_FAILED


class ProtocolError(SourceFault):
    state = SourceState.PROTOCOL_ERROR


@dataclass
class PollResult:
    """What one poll brought: records (may be none: still a heartbeat) and rejects.
    `on_stored` is called once every record is stored and every reject kept (a paged
    source moves its cursor there); not called when the sink failed, so the page is
    read again rather than lost."""

    records: list[SourceRecord] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    on_stored: Callable[[], None] | None = None
    #: the source answered, but wrongly in a way it worked around (a cursor that went
    #: back): the state says so, with this reason, instead of "live"
    protocol_warning: str = ""


S = TypeVar("S", bound=SourceSettings)
HealthListener = Callable[[SourceHealth], None]


class Source(ABC, Generic[S]):
    """An external system behind a typed interface. `start()` returns at once (the
    work runs on the source's own thread); `stop()` waits for it, at most `timeout`
    seconds, and says whether it ended."""

    kind: str = "source"

    def __init__(self, settings: S, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self.sink: RecordSink = NullSink()
        self._listeners: list[HealthListener] = []

    @property
    def source_id(self) -> str:
        return self.settings.source_id

    def on_health(self, listener: HealthListener) -> None:
        """`listener(health)` at every change of state (on the source's thread)."""
        self._listeners.append(listener)

    def _announce(self, health: SourceHealth) -> None:
        for listener in list(self._listeners):
            try:
                listener(health)
            except Exception:  # a listener's bug must not stop the source
                log.exception("health listener of %s failed", self.source_id)

    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def stop(self, timeout: float = 10.0) -> bool: ...

    @abstractmethod
    def health(self) -> SourceHealth: ...


class PollingSource(Source[S]):
    """A source polled on its own thread (see the module doc). Subclasses implement
    `poll()`: one blocking call, at most `settings.timeout_s` long, returning a
    `PollResult` or raising `SourceFault`. Any other exception counts as a protocol
    error (it is logged with its traceback): nothing a source sends crashes it."""

    def __init__(self, settings: S, clock: Clock, rng: Rng | None = None) -> None:
        super().__init__(settings, clock)
        self.backoff = Backoff(settings.backoff_initial_s, settings.backoff_max_s, rng=rng)
        self.counters = SourceCounters()
        self._lock = threading.Lock()
        self._state = SourceState.STOPPED
        self._reason = ""
        self._since: datetime | None = None
        self._heartbeat: datetime | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @abstractmethod
    def poll(self) -> PollResult: ...

    def close(self) -> None:
        """Frees what `poll()` holds open (a connection, a serial line); called on the
        source's thread when it stops or after a fault."""

    # -- life cycle -----------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._set_state(SourceState.STARTING, "")
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name=f"source {self.source_id}")
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        thread, self._thread = self._thread, None
        self._stop.set()
        self._wake.set()
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            log.warning("%s did not stop within %.0f s", self.source_id, timeout)
            return False
        self._set_state(SourceState.STOPPED, "")
        return True

    def poll_now(self) -> None:
        """Polls at once instead of at the end of the interval (or the back-off)."""
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None

    # -- health -----------------------------------------------------------------------
    def health(self) -> SourceHealth:
        records, rejects, last = self.counters.snapshot()
        with self._lock:
            return SourceHealth(self.source_id, self._state, self._reason, self._since,
                                records, rejects, last, self._heartbeat)

    def _set_state(self, state: SourceState, reason: str) -> None:
        with self._lock:
            changed = (state, reason) != (self._state, self._reason)
            if state != self._state:
                self._since = self.clock.now()
            self._state, self._reason = state, reason
        if changed:
            log.info("%s: %s%s", self.source_id, state.value, f" ({reason})" if reason else "")
            self._announce(self.health())

    # -- the thread -------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                delay = self._poll_once()
                self._wake.wait(delay)
                self._wake.clear()
        finally:
            self._close_quietly()

    def _poll_once(self) -> float:
        """One poll; returns how long to wait before the next."""
        try:
            result = self.poll()
        except SourceFault as fault:
            return self._failed(fault.state, fault.reason)
        except Exception as exc:  # a bug or a malformed answer: not a crash
            log.exception("%s: poll failed", self.source_id)
            return self._failed(SourceState.PROTOCOL_ERROR, f"{type(exc).__name__}: {exc}")
        now = self.clock.now()
        with self._lock:
            self._heartbeat = now
        self.backoff.reset()
        self._deliver(result, now)
        if result.protocol_warning:
            self._set_state(SourceState.PROTOCOL_ERROR, result.protocol_warning)
        else:
            self._set_state(SourceState.LIVE, "")
        return self.settings.interval_s

    def _failed(self, state: SourceState, reason: str) -> float:
        self._close_quietly()
        self._set_state(state, reason)
        return self.backoff.next()

    def _deliver(self, result: PollResult, now: datetime) -> None:
        kept = True
        if result.rejected:
            self.counters.reject(len(result.rejected))
            for rejection in result.rejected:
                try:
                    self.sink.rejected(rejection)
                except Exception:  # the quarantine away: the count stays, the source runs
                    log.exception("%s: a rejected record was not kept", self.source_id)
                    kept = False
        if result.records:
            try:
                self.sink.records(self.source_id, result.records)
                self.counters.record(now, len(result.records))
            except Exception:
                log.exception("%s: %d record(s) not stored", self.source_id,
                              len(result.records))
                kept = False
        if kept and result.on_stored is not None:
            try:
                result.on_stored()
            except Exception:
                log.exception("%s: the page's cursor was not kept", self.source_id)

    def _close_quietly(self) -> None:
        try:
            self.close()
        except Exception:
            log.exception("%s: close failed", self.source_id)


__all__ = ["AuthFailed", "Backoff", "HealthListener", "NullSink", "PollResult",
           "PollingSource", "ProtocolError", "RecordSink", "Rng", "Source", "SourceCounters",
           "SourceFault", "SourceSettings", "Unreachable"]
