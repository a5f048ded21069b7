"""The sources' core (app/sources/): two consoles on one database share a source's
lease (one ingests; the other takes over within twice the interval once the first
stops renewing, never while it renews); the ledger stores a record once per
(source, natural id), whichever console ingests it; refused records go to the
quarantine with their raw bytes, for an officer to see."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import ChangeEvent, SourceLease, SourceLedger
from app.errors import PermissionDenied
from app.sources import Rejection, SourceRecord
from app.sources.leases import LeaseKeeper, SourceLeases
from app.sources.ledger import IngestLedger
from app.sources.quarantine import MAX_RAW, Quarantine, preview_of
from tests.conftest import T0

TTL = timedelta(seconds=30)


@dataclass(frozen=True, kw_only=True)
class Reading(SourceRecord):
    grams: int


def _consoles(ctx):  # type: ignore[no-untyped-def]
    """Two consoles: each its own connection pool to the one database."""
    a, b = Database(str(ctx.db.url)), Database(str(ctx.db.url))
    return a, b


def test_one_console_holds_a_lease_and_the_other_takes_over_after_expiry(ctx, desk):
    db_a, db_b = _consoles(ctx)
    try:
        a = SourceLeases(db_a, ctx.clock, "console-A")
        b = SourceLeases(db_b, ctx.clock, "console-B")
        first = a.acquire("scale-1", desk.id, TTL)
        assert first is not None and first.holder == "console-A" and first.epoch == 1
        assert b.acquire("scale-1", desk.id, TTL) is None      # A's lease is live
        assert b.holder("scale-1", desk.id).holder == "console-A"
        # A renews in time: B never gets it.
        for _ in range(5):
            ctx.clock.advance(TTL / 3)
            first = a.renew(first, TTL)
            assert first is not None
            assert b.acquire("scale-1", desk.id, TTL) is None
        # A goes (no more renewals): B takes over once the lease has expired.
        ctx.clock.advance(TTL - timedelta(seconds=1))
        assert b.acquire("scale-1", desk.id, TTL) is None
        ctx.clock.advance(timedelta(seconds=1))
        taken = b.acquire("scale-1", desk.id, TTL)
        assert taken is not None and taken.holder == "console-B"
        assert taken.epoch == 2 and taken.taken_over_from == "console-A"
        # A comes back: its old lease cannot be renewed, nor taken while B's is live.
        assert a.renew(first, TTL) is None
        assert a.acquire("scale-1", desk.id, TTL) is None
        assert not a.release(first)
        # Another source, another desk: separate leases.
        assert a.acquire("scale-2", desk.id, TTL) is not None
        with ctx.db.read() as s:
            assert s.scalar(select(func.count()).select_from(SourceLease)) == 2
        # B releases: A takes it at once.
        assert b.release(taken)
        again = a.acquire("scale-1", desk.id, TTL)
        assert again is not None and again.holder == "console-A"
    finally:
        db_a.dispose()
        db_b.dispose()


def test_lease_keepers_take_over_within_twice_the_interval(ctx, desk):
    """Stepped as their runners step them (every ttl / 3): the survivor holds the
    source at most 2 × ttl after the holder's last renewal."""
    db_a, db_b = _consoles(ctx)
    try:
        ka = LeaseKeeper(SourceLeases(db_a, ctx.clock, "A"), "relay", desk.id, TTL)
        kb = LeaseKeeper(SourceLeases(db_b, ctx.clock, "B"), "relay", desk.id, TTL)
        assert ka.step() and not kb.step()
        for _ in range(6):
            ctx.clock.advance(ka.interval)
            assert ka.step() and not kb.step()
        last_renewal = ctx.clock.now()
        # A stops stepping (its console closed without releasing).
        while not kb.step():
            ctx.clock.advance(kb.interval)
            assert ctx.clock.now() - last_renewal <= 2 * TTL
        assert kb.lease is not None and kb.lease.taken_over_from == "A"
        assert not ka.step()       # A, back, finds B holding it
        kb.release()
        assert ka.step()
    finally:
        db_a.dispose()
        db_b.dispose()


def test_two_consoles_racing_for_a_new_lease_get_one_holder(ctx, desk):
    dbs = [Database(str(ctx.db.url)) for _ in range(4)]
    try:
        leases = [SourceLeases(db, ctx.clock, f"console-{i}") for i, db in enumerate(dbs)]
        got: list[object] = []
        barrier = threading.Barrier(len(leases))

        def race(lease: SourceLeases) -> None:
            barrier.wait()
            got.append(lease.acquire("ais", desk.id, TTL))

        threads = [threading.Thread(target=race, args=(lease,)) for lease in leases]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        holders = [g for g in got if g is not None]
        assert len(got) == 4 and len(holders) == 1
    finally:
        for db in dbs:
            db.dispose()


def test_the_ledger_never_doubles_a_record_across_a_take_over(ctx, desk):
    db_a, db_b = _consoles(ctx)
    try:
        stored: list[str] = []

        def keep(_session, record: Reading) -> None:  # type: ignore[no-untyped-def]
            stored.append(record.natural_id)

        readings = [Reading(source_id="scale-1", natural_id=f"lane1-{n}", observed_at=T0,
                            grams=1000 * n) for n in range(5)]
        a = IngestLedger(db_a, ctx.clock, "A")
        b = IngestLedger(db_b, ctx.clock, "B")
        first = a.ingest(readings[:3], keep, desk.id)
        assert (first.stored, first.duplicates) == (3, 0)
        # B takes over and the source replays what it last sent, plus new ones.
        second = b.ingest(readings[1:], keep, desk.id)
        assert (second.stored, second.duplicates) == (2, 2)
        assert stored == ["lane1-0", "lane1-1", "lane1-2", "lane1-3", "lane1-4"]
        assert a.count("scale-1") == 5 and b.known("scale-1", "lane1-4")
        # Another source may reuse a natural id.
        other = Reading(source_id="scale-2", natural_id="lane1-0", observed_at=T0, grams=1)
        assert a.ingest([other]).stored == 1
        with ctx.db.read() as s:
            rows = list(s.scalars(select(SourceLedger).where(
                SourceLedger.source_id == "scale-1").order_by(SourceLedger.natural_id)))
        assert [r.console for r in rows] == ["A", "A", "A", "B", "B"]
        assert {r.kind for r in rows} == {"Reading"}
    finally:
        db_a.dispose()
        db_b.dispose()


def test_a_failing_store_rolls_its_claims_back(ctx):
    ledger = IngestLedger(ctx.db, ctx.clock, "A")
    record = Reading(source_id="scale-1", natural_id="x", observed_at=T0, grams=1)

    def broken(_session, _record) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        ledger.ingest([record], broken)
    assert not ledger.known("scale-1", "x")
    assert ledger.ingest([record]).stored == 1


def test_refused_records_are_quarantined_for_the_officer(ctx, users, desk):
    q = Quarantine(ctx.db, ctx.clock, "console-A")
    raw = b"\x02W+0012.5kg\x03\xff\xfe"
    first = q.put(Rejection("scale-1", raw, "check digit wrong", T0), desk.id)
    ctx.clock.advance(timedelta(seconds=1))
    big = b"x" * (MAX_RAW + 10)
    second = q.put(Rejection("ais", big, "  ", ctx.clock.now()))
    items = q.items(users["giamsat1"])
    assert [i.id for i in items] == [second, first]
    assert items[1].reason == "check digit wrong" and items[1].size == len(raw)
    assert items[1].source_id == "scale-1" and items[1].console == "console-A"
    assert items[0].reason == "?" and items[0].size == MAX_RAW + 10
    assert q.raw(users["giamsat1"], first) == raw
    assert len(q.raw(users["giamsat1"], second)) == MAX_RAW
    assert [i.id for i in q.items(users["giamsat1"], "scale-1")] == [first]
    assert q.count() == 2 and q.count("ais") == 1
    assert "W+0012.5kg" in items[1].preview and "\x02" not in items[1].preview
    with pytest.raises(PermissionDenied):
        q.items(users["admin"])
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ChangeEvent).where(
            ChangeEvent.topic == "source_quarantine")) == 2


def test_preview_is_short_and_printable():
    assert preview_of(b"abc") == "abc"
    assert preview_of(b"a" * 1000, limit=10) == "a" * 10 + "…"
    assert preview_of("Cảng Đình Vũ".encode()) == "Cảng Đình Vũ"
