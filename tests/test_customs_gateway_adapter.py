"""The customs gateway's adapter (datasources/customs_gateway/) against the simulator
process speaking the contract, on both databases: every feed ingested through the
production path (CustomsFeedSource → Ingester with its lease → ledger → store); the
planted anomalies raise their alerts (a container out before clearance, a red
declaration at the gate, a declarant on the blacklist); a legacy-encoded name and a
time without a zone come out right; every fault ends in the source's state with a
Vietnamese reason; bad records go to the quarantine with the rest of the page kept;
a cursor going back is not followed; a console killed mid-ingest resumes from its
cursor with nothing lost or doubled."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.clock import SystemClock
from app.customs.records import Feed
from app.customs.store import CustomsStore
from app.db.engine import Database
from app.db.models import (
    Alert,
    CustomsAreaEvent,
    CustomsBlacklist,
    CustomsDeclaration,
    CustomsGateEvent,
    CustomsVesselCall,
    QuarantinedRecord,
    SourceLedger,
)
from app.sources import SourceState
from app.sources.cursors import SourceCursors
from app.sources.leases import SourceLeases
from app.sources.ledger import IngestLedger
from app.sources.quarantine import Quarantine
from datasources.customs_gateway import CustomsFeedSettings, CustomsFeedSource
from datasources.customs_gateway.simulator import CustomsGatewaySimulator
from datasources.ingest import Ingester
from tests.helpers.subproc import Child, wait_until

FAST = dict(interval_s=0.2, timeout_s=3.0, backoff_initial_s=0.1, backoff_max_s=0.5)
COUNTS = {Feed.DECLARATIONS: 25, Feed.AREA: 25, Feed.MANIFESTS: 1, Feed.GATE: 21,
          Feed.BLACKLIST: 6}


@pytest.fixture
def gateway(clock) -> Iterator[CustomsGatewaySimulator]:  # type: ignore[no-untyped-def]
    """The simulated gateway, its world around the test's clock (the blacklist's
    periods and the declarations' times are relative to it)."""
    sim = CustomsGatewaySimulator(epoch=clock.now().strftime("%Y-%m-%dT%H:%M:00"))
    if sim.start(30) is None:
        pytest.fail(f"gateway simulator: {sim.stderr_path.read_text(errors='replace')}")
    yield sim
    sim.stop()


def _source(ctx, sim, feed: Feed, token: str | None = None, **more):  # type: ignore[no-untyped-def]
    st = CustomsFeedSettings.for_feed(feed, sim.base_url, sim.token if token is None else token,
                                      **(FAST | more))
    return CustomsFeedSource(st, ctx.clock, cursors=SourceCursors(ctx.db, ctx.clock, "test"))


def _ingester(ctx, desk_id: int, source) -> Ingester:  # type: ignore[no-untyped-def]
    return Ingester(source, desk_id, SourceLeases(ctx.db, ctx.clock, "test"),
                    IngestLedger(ctx.db, ctx.clock, "test"), Quarantine(ctx.db, ctx.clock, "test"),
                    CustomsStore(ctx.clock, desk_id).store)


def _count(ctx, model, *where) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _ingest_all(ctx, desk, sim, feeds=tuple(Feed)) -> None:  # type: ignore[no-untyped-def]
    """Declarations first (the gate's reads are judged on them), then the rest."""
    for feed in feeds:
        ing = _ingester(ctx, desk.id, _source(ctx, sim, feed))
        assert ing.step()
        try:
            wait_until(lambda ing=ing, feed=feed: ing.stored >= COUNTS[feed], 30,
                       what=lambda ing=ing, feed=feed: f"{feed}: {ing.stored} stored, "
                                                       f"{ing.source.health()}")
        finally:
            ing.stop()


def test_every_feed_is_ingested_and_the_planted_anomalies_raise_their_alerts(
        ctx, desk, gateway) -> None:
    _ingest_all(ctx, desk, gateway, (Feed.BLACKLIST, Feed.DECLARATIONS, Feed.MANIFESTS,
                                     Feed.AREA, Feed.GATE))
    assert _count(ctx, CustomsDeclaration) == 25
    assert _count(ctx, CustomsAreaEvent) == 25
    assert _count(ctx, CustomsGateEvent) == 21
    assert _count(ctx, CustomsVesselCall) == 1
    assert _count(ctx, CustomsBlacklist) == 6
    assert _count(ctx, QuarantinedRecord) == 0
    planted = gateway.anomalies()
    with ctx.db.read() as s:
        alerts = {(a.rule, a.record_ref): a for a in s.scalars(select(Alert))}
        legacy = s.scalar(select(CustomsDeclaration.declarant_name).where(
            CustomsDeclaration.key == planted["legacy_encoding"]["declaration"][:11]))
        local = s.scalar(select(CustomsDeclaration.registered_at).where(
            CustomsDeclaration.key == planted["time_without_offset"]["declaration"][:11]))
        spaced = s.scalar(select(CustomsGateEvent).where(
            CustomsGateEvent.ext_id == planted["spaced_container_read"]["gate_event"]))
    out = alerts[("gate_clearance", planted["left_before_clearance"]["gate_event"])]
    assert out.severity == "critical" and "chưa thông quan" in out.title
    red = alerts[("gate_clearance", planted["red_at_gate"]["gate_event"])]
    assert red.severity == "critical" and "luồng đỏ" in red.title
    assert red.camera_code and red.picture
    watched = alerts[("blacklist", planted["watched_declarant"]["declaration"][:11])]
    assert planted["watched_declarant"]["tax_code"] in watched.title
    assert legacy == planted["legacy_encoding"]["name"]
    assert local == datetime.fromisoformat(planted["time_without_offset"]["value"]) - timedelta(
        hours=7)
    assert spaced.container_no == "CSQU3054383" and spaced.verdict == "cleared"
    # nothing else raised a critical alert: every critical one is a planted anomaly
    critical = {ref for (rule, ref), a in alerts.items() if a.severity == "critical"}
    assert critical == {planted["left_before_clearance"]["gate_event"],
                        planted["red_at_gate"]["gate_event"]}


@pytest.mark.parametrize(("fault", "params", "state", "words"), [
    ("unauthorized", {}, SourceState.AUTH_FAILED, "từ chối đăng nhập"),
    ("http500", {}, SourceState.DOWN, "HTTP 500"),
    ("malformed", {}, SourceState.PROTOCOL_ERROR, "không phải JSON"),
    ("silent", {}, SourceState.DOWN, "không trả lời"),
    ("slow", {"delay_s": 6}, SourceState.DOWN, "không trả lời"),
])
def test_each_fault_ends_in_its_state_with_a_reason_and_the_feed_comes_back(
        ctx, desk, gateway, fault, params, state, words) -> None:
    source = _source(ctx, gateway, Feed.BLACKLIST, timeout_s=1.0)
    gateway.set_fault(fault, **params)
    ing = _ingester(ctx, desk.id, source)
    assert ing.step()
    try:
        wait_until(lambda: source.health().state == state, 30,
                   what=lambda: f"{state}, got {source.health()}")
        assert words in source.health().reason
        assert _count(ctx, CustomsBlacklist) == 0
        gateway.set_fault("none")
        wait_until(lambda: ing.stored == COUNTS[Feed.BLACKLIST], 30,
                   what=lambda: f"back: {source.health()}")
        wait_until(lambda: source.health().state == SourceState.LIVE, 30,
                   what=lambda: f"live again: {source.health()}")
    finally:
        ing.stop()


def test_a_wrong_token_is_a_refused_login(ctx, desk, gateway) -> None:
    source = _source(ctx, gateway, Feed.GATE, token="stolen")
    ing = _ingester(ctx, desk.id, source)
    assert ing.step()
    try:
        wait_until(lambda: source.health().state == SourceState.AUTH_FAILED, 30)
    finally:
        ing.stop()


def test_bad_records_go_to_the_quarantine_and_the_rest_of_the_page_is_kept(
        ctx, desk, gateway) -> None:
    gateway.set_fault("bad_records", every=4)
    source = _source(ctx, gateway, Feed.DECLARATIONS, page_limit=10)
    ing = _ingester(ctx, desk.id, source)
    assert ing.step()
    try:
        wait_until(lambda: source.health().records + source.health().rejects >= 25, 30,
                   what=lambda: f"{source.health()}")
        assert source.health().state == SourceState.LIVE
    finally:
        ing.stop()
    bad = _count(ctx, QuarantinedRecord)
    assert bad >= 5 and _count(ctx, CustomsDeclaration) == 25 - bad
    with ctx.db.read() as s:
        reasons = list(s.scalars(select(QuarantinedRecord.reason)))
    assert all(r and r != "?" for r in reasons)


def test_a_cursor_going_back_is_not_followed(ctx, desk, gateway) -> None:
    source = _source(ctx, gateway, Feed.DECLARATIONS, page_limit=5)
    ing = _ingester(ctx, desk.id, source)
    assert ing.step()
    try:
        wait_until(lambda: ing.stored >= 10, 30)
        states: list[tuple[SourceState, str]] = []
        source.on_health(lambda h: states.append((h.state, h.reason)))
        gateway.set_fault("cursor_back", once=True, by=8)
        wait_until(lambda: ing.stored == 25, 30, what=lambda: f"{ing.stored}, {source.health()}")
        wait_until(lambda: source.health().state == SourceState.LIVE, 30)
        assert any(st == SourceState.PROTOCOL_ERROR and "lùi lại" in why for st, why in states)
    finally:
        ing.stop()
    assert _count(ctx, CustomsDeclaration) == 25
    assert ing.duplicates >= 0 and _count(ctx, SourceLedger) == 25


def test_a_console_killed_mid_ingest_resumes_without_loss_or_double(
        ctx, desk, gateway, db_url) -> None:
    total = gateway.generate(3000)
    child = Child("tests.helpers.ingest_worker", db_url, gateway.base_url, gateway.token,
                  str(desk.id), "50")
    try:
        child.wait_for(lambda lines: any(line.startswith("stored ") and
                                         int(line.split()[1]) >= 500 for line in lines), 120,
                       "the first console to store 500 declarations")
        child.proc.send_signal(signal.SIGKILL)        # the console dies mid-ingest
        child.proc.wait(10)
    finally:
        child.kill()
    before = _count(ctx, CustomsDeclaration)
    assert 500 <= before < total
    # the next console (real time, as the dead one: its lease expires by the clock)
    clock = SystemClock()
    st = CustomsFeedSettings.for_feed(Feed.DECLARATIONS, gateway.base_url, gateway.token,
                                      **(FAST | {"page_limit": 200}))
    source = CustomsFeedSource(st, clock, cursors=SourceCursors(ctx.db, clock, "next"))
    assert source.cursors.load(source.source_id) is not None   # where the dead one stopped
    ing = Ingester(source, desk.id, SourceLeases(ctx.db, clock, "next"),
                   IngestLedger(ctx.db, clock, "next"), Quarantine(ctx.db, clock, "next"),
                   CustomsStore(clock, desk.id).store)
    wait_until(ing.step, 30, what="the dead console's lease to expire")
    try:
        wait_until(lambda: _count(ctx, CustomsDeclaration) == total, 120,
                   what=lambda: f"{_count(ctx, CustomsDeclaration)} of {total}")
    finally:
        ing.stop()
    assert _count(ctx, SourceLedger, SourceLedger.source_id == source.source_id) == total
    assert _count(ctx, QuarantinedRecord) == 0


def test_the_worker_uses_the_production_clock_and_database() -> None:
    """The helper process runs what a console runs (no test doubles)."""
    import tests.helpers.ingest_worker as worker  # noqa: PLC0415

    assert worker.Database is Database and worker.SystemClock is SystemClock
