"""The adapter foundation (datasources/): capped back-off with jitter; a polling
source's states, counters and heartbeat, faults that never crash it; the registry;
one ingester per source and desk among consoles (the source — a serial line — is
opened by the lease holder only; a take-over doubles no record); the source
monitor's heartbeat telling a quiet source from a stale one; source outages
recorded once, handed over and closed."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.clock import FixedClock
from app.db.engine import Database
from app.db.models import LogEntry, Notice, SourceOutage
from app.dutylog import DutyLog
from app.source_health import SourceBack, SourceInfo, SourceMonitor, SourceOutages
from app.sources import Rejection, SourceRecord, SourceState
from app.sources.leases import SourceLeases
from app.sources.ledger import IngestLedger
from app.sources.quarantine import Quarantine
from datasources.base import (
    AuthFailed,
    Backoff,
    PollingSource,
    PollResult,
    SourceSettings,
    Unreachable,
)
from datasources.ingest import Ingester
from datasources.registry import SourceKind, SourceRegistry
from tests.conftest import T0
from tests.helpers.subproc import wait_until


class _Fixed:
    def __init__(self, value: float) -> None:
        self.value = value

    def random(self) -> float:
        return self.value


# -- back-off ---------------------------------------------------------------------------
def test_backoff_grows_to_its_cap_and_resets():
    b = Backoff(0.5, 8.0, jitter=0.25, rng=_Fixed(0.0))
    assert [b.next() for _ in range(7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    b.reset()
    assert b.next() == 0.5


def test_backoff_jitter_shortens_each_delay_within_its_fraction():
    b = Backoff(1.0, 30.0, jitter=0.25, rng=_Fixed(1.0))
    assert [b.next() for _ in range(3)] == [0.75, 1.5, 3.0]
    import random  # noqa: PLC0415

    seeded = Backoff(1.0, 30.0, jitter=0.5, rng=random.Random(7))
    for _ in range(50):
        ceiling = seeded.ceiling()
        delay = seeded.next()
        assert ceiling * 0.5 <= delay <= ceiling <= 30.0
    with pytest.raises(ValueError):
        Backoff(0, 1)
    with pytest.raises(ValueError):
        Backoff(1, 2, jitter=1.0)


# -- a polling source -----------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class ScaleSettings(SourceSettings):
    line: str = "loop://"


@dataclass(frozen=True, kw_only=True)
class Weight(SourceRecord):
    kg: float


class FakeScale(PollingSource[ScaleSettings]):
    """A scale on a 'serial line': `opened` counts openings of the line; `script`
    says what each poll does."""

    kind = "scale"
    opened = 0

    def __init__(self, settings: ScaleSettings, clock, script=None):  # type: ignore[no-untyped-def]
        super().__init__(settings, clock, rng=_Fixed(0.0))
        self.script = list(script or [])
        self.line_open = False
        self.polls = 0
        self.lock = threading.Lock()

    def poll(self) -> PollResult:
        with self.lock:
            self.polls += 1
            step = self.script.pop(0) if self.script else "quiet"
        if not self.line_open:
            self.line_open = True
            type(self).opened += 1
        if isinstance(step, Exception):
            raise step
        if step == "quiet":
            return PollResult()
        n = self.polls
        return PollResult(records=[Weight(source_id=self.source_id, natural_id=f"r{n}",
                                          observed_at=T0, kg=12.5 * n)],
                          rejected=[Rejection(self.source_id, b"\x02??\x03", "bad frame", T0)]
                          if step == "bad" else [])

    def close(self) -> None:
        self.line_open = False


def _settings(**kw):  # type: ignore[no-untyped-def]
    base = dict(source_id="scale-1", name="Cân xe làn 1", interval_s=0.05,
                backoff_initial_s=0.02, backoff_max_s=0.05)
    base.update(kw)
    return ScaleSettings(**base)


class _Sink:
    def __init__(self) -> None:
        self.got: list[SourceRecord] = []
        self.bad: list[Rejection] = []

    def records(self, source_id, records):  # type: ignore[no-untyped-def]
        self.got.extend(records)

    def rejected(self, rejection):  # type: ignore[no-untyped-def]
        self.bad.append(rejection)


def test_a_polling_source_says_its_state_counts_and_survives_faults():
    clock = FixedClock(T0)
    src = FakeScale(_settings(), clock, script=[
        "data", Unreachable("connection refused"), AuthFailed("535 bad password"),
        ValueError("garbage in frame"), "bad", "data"])
    sink = _Sink()
    src.sink = sink
    seen: list[tuple[SourceState, str]] = []
    src.on_health(lambda h: seen.append((h.state, h.reason)))
    assert src.health().state is SourceState.STOPPED
    src.start()
    try:
        wait_until(lambda: src.polls >= 8, 20, what="polls")
    finally:
        assert src.stop()
    states = [s for s, _ in seen]
    assert states[:6] == [SourceState.STARTING, SourceState.LIVE, SourceState.DOWN,
                          SourceState.AUTH_FAILED, SourceState.PROTOCOL_ERROR, SourceState.LIVE]
    assert seen[2][1] == "connection refused" and "garbage in frame" in seen[4][1]
    assert states[-1] is SourceState.STOPPED
    h = src.health()
    assert (h.records, h.rejects) == (3, 1)
    assert h.last_record_at == T0 and h.last_heartbeat_at == T0
    assert [r.natural_id for r in sink.got] == ["r1", "r5", "r6"]
    assert [r.reason for r in sink.bad] == ["bad frame"]
    assert not src.line_open     # closed after each fault and at the stop


def test_the_registry_builds_sources_from_typed_settings():
    clock = FixedClock(T0)
    reg = SourceRegistry(clock)
    reg.register_kind(SourceKind("scale", ScaleSettings, FakeScale, "truck scale"))
    with pytest.raises(ValueError, match="registered twice"):
        reg.register_kind(SourceKind("scale", ScaleSettings, FakeScale))
    src = reg.create("scale", {"source_id": "scale-2", "name": "Cân làn 2",
                               "line": "socket://127.0.0.1:4001"})
    assert isinstance(src, FakeScale) and src.settings.line == "socket://127.0.0.1:4001"
    assert reg.get("scale-2") is src and len(reg) == 1
    with pytest.raises(ValueError, match="unknown settings lnie"):
        reg.create("scale", {"source_id": "s3", "name": "x", "lnie": "typo"})
    with pytest.raises(ValueError, match="unknown source kind"):
        reg.create("ais", {})
    with pytest.raises(ValueError, match="added twice"):
        reg.create("scale", {"source_id": "scale-2", "name": "again"})
    assert [h.state for h in reg.health()] == [SourceState.STOPPED]
    assert reg.stop_all()
    with pytest.raises(ValueError):
        ScaleSettings(source_id="", name="x")


# -- one ingester per source and desk --------------------------------------------------------
def test_only_the_lease_holder_opens_the_line_and_a_take_over_doubles_nothing(ctx, desk):
    FakeScale.opened = 0
    consoles = []
    try:
        for name in ("A", "B"):
            db = Database(str(ctx.db.url))
            src = FakeScale(_settings(interval_s=0.05), ctx.clock,
                            script=["data", "data", "bad"] + ["quiet"] * 1000)
            ing = Ingester(src, desk.id, SourceLeases(db, ctx.clock, name),
                           IngestLedger(db, ctx.clock, name), Quarantine(db, ctx.clock, name),
                           ttl=timedelta(seconds=30))
            consoles.append((db, src, ing))
        (_, src_a, a), (_, src_b, b) = consoles
        assert a.step() and not b.step()
        assert a.ingesting and not b.ingesting and not src_b.running
        wait_until(lambda: a.stored == 3 and src_a.health().rejects == 1, 20,
                   what=lambda: f"A ingested ({a.stored})")
        assert FakeScale.opened == 1
        # A's console goes without a word: B takes over once the lease has expired.
        a.source.stop()
        for _ in range(4):
            ctx.clock.advance(b.keeper.interval)
            b.step()
        assert b.ingesting
        # B's scale replays the readings r1–r3 (natural ids).
        wait_until(lambda: src_b.polls >= 4, 20, what="B polled")
        assert b.duplicates == 3 and b.stored == 0     # already in the ledger
        assert ctx.clock.now() - T0 <= 2 * b.keeper.ttl
        assert not a.step()                            # A comes back: B holds it
        assert not src_a.running
        with ctx.db.read() as s:
            from app.db.models import QuarantinedRecord, SourceLedger  # noqa: PLC0415

            assert s.scalar(select(func.count()).select_from(SourceLedger)) == 3
            assert s.scalar(select(func.count()).select_from(QuarantinedRecord)) == 2
    finally:
        for db, _src, ing in consoles:
            ing.stop()
            db.dispose()


# -- the monitor's heartbeat ----------------------------------------------------------------
def test_a_quiet_source_with_a_heartbeat_is_no_outage_but_a_stale_one_is():
    clock = FixedClock(T0)
    m = SourceMonitor(threshold_s=60)
    stale_after = timedelta(seconds=90)
    m.report("ais", "live", clock.now())
    m.heartbeat("ais", clock.now(), stale_after)
    # A quiet night: no records, but the probe answers every 30 s.
    for _ in range(20):
        clock.advance(timedelta(seconds=30))
        m.heartbeat("ais", clock.now(), stale_after)
        assert m.tick(clock.now()).overdue == []
    last = clock.now()
    # The heartbeat stops (the reader hung): stale from last + 90 s, an outage 60 s later.
    clock.advance(stale_after + timedelta(seconds=59))
    assert m.tick(clock.now()).overdue == []
    clock.advance(timedelta(seconds=1))
    [down] = m.tick(clock.now()).overdue
    assert (down.source_id, down.state, down.since) == ("ais", "stale", last + stale_after)
    m.outage_opened("ais")
    clock.advance(timedelta(seconds=5))
    m.heartbeat("ais", clock.now(), stale_after)
    assert m.tick(clock.now()).restored == [SourceBack("ais", T0)]
    with pytest.raises(ValueError):
        m.report("ais", "exploded", clock.now())


# -- source outages ---------------------------------------------------------------------------
RELAY = SourceInfo("mail-relay", "mail_relay", "máy chủ chuyển tiếp thư điện tử (SMTP)",
                   "CNTT", "127.0.0.1:25")


def test_a_source_outage_opens_once_is_handed_over_and_closes(ctx, users, desk):
    ctx.source_outages.describe(RELAY)
    other = SourceOutages(ctx.db, ctx.clock, DutyLog(ctx.db, ctx.clock))
    other.describe(RELAY)
    started = ctx.clock.now()
    ctx.clock.advance(timedelta(minutes=2))
    first = ctx.source_outages.open_outage(users["giamsat1"], desk.id, "mail-relay", "down",
                                           "connection refused", started_at=started)
    again = other.open_outage(users["giamsat2"], desk.id, "mail-relay", "auth_failed")
    assert first.created and not again.created and again.outage.id == first.outage.id
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SourceOutage)) == 1
        entry = s.get(LogEntry, first.outage.open_entry_id)
        notice = s.get(Notice, first.outage.notice_id)
    assert entry.kind == "system_fault" and "mất kết nối" in entry.content
    assert "connection refused" in entry.content and "2 phút" in entry.content
    assert "Ban Công nghệ thông tin" in (notice.contact or "") and notice.status == "draft"
    shift = ctx.roster.current_shift(desk.id)
    items = ctx.handover.collect_open_items(desk.id, shift.id)
    mine = [i for i in items if i.source == "source_outage"]
    assert [i.ref for i in mine] == [str(first.outage.id)]
    # listed once: not again as its open case or its notice
    assert [i for i in items if "thư điện tử" in f"{i.title} {i.detail}"] == mine
    closed = ctx.source_outages.close_outage(users["giamsat1"], "mail-relay")
    assert closed is not None and closed.ended_at == ctx.clock.now()
    assert ctx.source_outages.close_outage(users["giamsat1"], "mail-relay") is None
    assert ctx.source_outages.open_outages() == []
    assert not [i for i in ctx.handover.collect_open_items(desk.id, shift.id)
                if i.source == "source_outage"]
    with ctx.db.read() as s:
        result = s.get(LogEntry, closed.close_entry_id)
        assert s.get(Notice, closed.notice_id).status == "closed"
    assert result.kind == "result" and result.case_id == entry.case_id
    assert "hoạt động trở lại" in result.content
    assert ctx.dutylog.open_cases(desk.id) == []
    assert [o.id for o in ctx.source_outages.history("mail-relay")] == [closed.id]


def test_a_source_can_have_its_own_outage_threshold() -> None:
    """A customs feed read every 10 s is out of service after 20 s (twice its interval);
    the others keep the console's threshold."""
    clock = FixedClock(T0)
    m = SourceMonitor(threshold_s=60)
    m.set_threshold("customs-gate-events", 20)
    for sid in ("customs-gate-events", "mail-relay"):
        m.report(sid, "down", clock.now(), "HTTP 500")
    clock.advance(timedelta(seconds=19))
    assert m.tick(clock.now()).overdue == []
    clock.advance(timedelta(seconds=1))
    assert [d.source_id for d in m.tick(clock.now()).overdue] == ["customs-gate-events"]
    clock.advance(timedelta(seconds=40))
    assert [d.source_id for d in m.tick(clock.now()).overdue] == ["mail-relay"]
