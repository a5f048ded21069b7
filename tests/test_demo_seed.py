"""The demo site seeded at any time of day: nothing stamped after the moment of
seeding, the duty log written in time order (the printed log reads top to bottom),
the chain intact, and no open item twice. Times follow T0 (`--t0`)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from app import demo
from app.clock import FixedClock, to_local, to_utc
from app.context import AppContext
from app.db.engine import Database
from app.db.models import CameraOutage
from app.settings import Settings
from tests.conftest import T0


@pytest.mark.parametrize("at", [time(8, 10), time(9, 0), time(16, 45), time(23, 59, 30),
                                time(7, 59, 59)], ids=str)
def test_the_demo_seeded_at_any_hour_is_in_time_order(tmp_path, at):
    now = to_utc(datetime.combine(to_local(T0).date(), at))
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    ctx = AppContext(settings=Settings(data_dir=str(tmp_path), database_url=url),
                     clock=FixedClock(now), db=Database(url), data_dir=tmp_path)
    try:
        ctx.db.migrate()
        assert demo.seed(ctx, entries_today=24)
        desk = ctx.reference.desk_by_code("HQ")
        entries = ctx.dutylog.entries(desk.id)
        assert entries
        late = [(e.seq, to_local(e.entry_time)) for e in entries if e.entry_time > now]
        assert late == [], f"stamped after the seeding at {to_local(now)}"
        assert all(e.recorded_at <= now for e in entries)
        order = [(e.seq, e.entry_time) for e in entries]
        backwards = [(a, b) for a, b in zip(order, order[1:], strict=False) if b[1] < a[1]]
        assert backwards == [], "the log goes back in time"
        assert ctx.dutylog.verify(desk.id).ok
        shift = ctx.roster.current_shift(desk.id)
        titles = [i.title for i in ctx.open_items.collect(desk.id, shift)]
        assert len(titles) == len(set(titles)), titles
        # the corrected note speaks of a time before itself
        for e in entries:
            if "chập chờn từ" in e.content:
                said = e.content.split("chập chờn từ ")[1][:5]
                assert said <= f"{to_local(e.entry_time):%H:%M}" or \
                    to_local(e.entry_time).time() < time(0, 15)
        assert all(e.entry_time >= shift.starts_at - timedelta(days=7) for e in entries)
        # one source of truth for camera faults: every fault entry is an outage's
        faults = [e for e in entries if e.kind == "system_fault"]
        with ctx.db.read() as s:
            outages = list(s.scalars(select(CameraOutage)))
        assert faults and len(faults) == len(outages)
        assert [o.camera.code for o in ctx.camera_health.open_outages()] == [demo.FAULTY_CAMERA]
    finally:
        ctx.close()
