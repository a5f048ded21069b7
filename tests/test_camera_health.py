"""Camera outages (Đ14.1.1d, Đ14.1.5): the monitor's threshold logic on a
controllable clock; an outage writes its system-fault entry and a notice to the
managing unit in one transaction; consoles racing to report the same camera get
one outage; the camera back live closes it with an entry in the same case; open
outages are handed over to the next shift; the health board."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.camera_health import (
    Back,
    CameraHealth,
    Down,
    OutageMonitor,
    duration_vi,
)
from app.cameras.registry import seed_demo_cameras
from app.clock import FixedClock
from app.db.engine import Database
from app.db.models import CameraOutage, ChangeEvent, LogCase, LogEntry, Notice, OrgUnit
from app.dutylog import DutyLog
from app.errors import PermissionDenied, ValidationError
from app.settings import Settings
from tests.conftest import T0


@pytest.fixture
def cams(ctx):
    seed_demo_cameras(ctx)
    return {c.code: c for c in ctx.cameras.cameras()}


# -- the monitor (no database) --------------------------------------------------------------
def test_threshold_default_is_a_setting():
    assert Settings().camera_outage_after_s == 60.0
    assert OutageMonitor().threshold == timedelta(seconds=60)


def test_monitor_reports_a_camera_down_longer_than_the_threshold():
    clock = FixedClock(T0)
    m = OutageMonitor(threshold_s=60)
    m.report("DV-CAM-07", "live", clock.now())
    m.report("DV-CAM-01", "live", clock.now())
    clock.advance(timedelta(seconds=5))
    went_down = clock.now()
    m.report("DV-CAM-07", "stalled", went_down, "no frame for 2.0 s")
    clock.advance(timedelta(seconds=3))
    m.report("DV-CAM-07", "reconnecting", clock.now(), "connection refused")
    clock.advance(timedelta(seconds=1))
    m.report("DV-CAM-07", "connecting", clock.now())  # a retry keeps the outage running
    m.report("DV-CAM-07", "offline", clock.now(), "connection refused")
    assert m.down_since("DV-CAM-07") == went_down and m.down_since("DV-CAM-01") is None

    clock.set(went_down + timedelta(seconds=59))
    assert m.tick(clock.now()).overdue == []
    clock.set(went_down + timedelta(seconds=60))
    tick = m.tick(clock.now())
    assert tick.overdue == [Down("DV-CAM-07", "offline", "connection refused", went_down)]
    assert tick.restored == []
    # Handed out once: not again while the database call runs…
    assert m.tick(clock.now()).overdue == []
    # …but again when it failed.
    m.release("DV-CAM-07")
    assert [d.camera_code for d in m.tick(clock.now()).overdue] == ["DV-CAM-07"]
    m.outage_opened("DV-CAM-07")
    clock.advance(timedelta(minutes=10))
    assert m.tick(clock.now()).overdue == [] and m.has_open_outage("DV-CAM-07")

    back = clock.now()
    m.report("DV-CAM-07", "connecting", back)
    assert m.tick(back).restored == []  # connecting is not live yet
    m.report("DV-CAM-07", "live", back)
    clock.advance(timedelta(seconds=1))
    assert m.tick(clock.now()).restored == [Back("DV-CAM-07", back)]
    assert m.tick(clock.now()).restored == []
    m.outage_closed("DV-CAM-07")
    assert m.tick(clock.now()).restored == [] and not m.has_open_outage("DV-CAM-07")
    assert m.down_since("DV-CAM-07") is None and m.state_of("DV-CAM-07") == "live"


def test_monitor_short_drops_and_connecting_are_not_outages():
    clock = FixedClock(T0)
    m = OutageMonitor(threshold_s=30)
    m.report("HN-CAM-01", "connecting", clock.now())  # first connection: not down
    clock.advance(timedelta(minutes=5))
    assert m.tick(clock.now()).overdue == [] and m.down_since("HN-CAM-01") is None
    m.report("HN-CAM-01", "live", clock.now())
    for _ in range(3):  # drops shorter than the threshold
        m.report("HN-CAM-01", "stalled", clock.now())
        clock.advance(timedelta(seconds=20))
        assert m.tick(clock.now()).overdue == []
        m.report("HN-CAM-01", "live", clock.now())
        clock.advance(timedelta(seconds=20))
        assert m.tick(clock.now()).overdue == []
    m.report("HN-CAM-02", "auth_failed", clock.now(), "401 Unauthorized")
    clock.advance(timedelta(seconds=30))
    assert [(d.camera_code, d.state) for d in m.tick(clock.now()).overdue] == [
        ("HN-CAM-02", "auth_failed")]
    with pytest.raises(ValueError):
        m.report("HN-CAM-02", "exploded", clock.now())


def test_monitor_adopts_outages_opened_elsewhere():
    clock = FixedClock(T0)
    m = OutageMonitor(threshold_s=60)
    m.adopt(["DV-CAM-03"])          # opened by another console before this one started
    m.report("DV-CAM-03", "offline", clock.now())
    clock.advance(timedelta(minutes=5))
    assert m.tick(clock.now()).overdue == []   # already open: not a second outage
    m.report("DV-CAM-03", "live", clock.now())
    assert m.tick(clock.now()).restored == [Back("DV-CAM-03", clock.now())]
    m.forget("DV-CAM-03")
    assert m.state_of("DV-CAM-03") is None


def test_duration_wording():
    assert duration_vi(timedelta(seconds=45)) == "45 giây"
    assert duration_vi(timedelta(minutes=2)) == "2 phút"
    assert duration_vi(timedelta(hours=1, minutes=5, seconds=3)) == "1 giờ 5 phút 3 giây"


# -- the records ------------------------------------------------------------------------------
def _entries(ctx, desk_id):
    with ctx.db.read() as s:
        return list(s.scalars(select(LogEntry).where(LogEntry.desk_id == desk_id)
                              .order_by(LogEntry.seq)))


def test_outage_writes_a_system_fault_entry_and_a_notice(ctx, users, desk, cams):
    officer = users["giamsat1"]
    went_down = ctx.clock.now()
    ctx.clock.advance(timedelta(seconds=75))
    before = len(_entries(ctx, desk.id))
    opened = ctx.camera_health.open_outage(officer, desk.id, "DV-CAM-07", "offline",
                                           "connection refused", started_at=went_down)
    assert opened.created
    o = opened.outage
    assert (o.state, o.started_at, o.detected_at, o.ended_at) == (
        "offline", went_down, ctx.clock.now(), None)
    assert o.open_camera_id == cams["DV-CAM-07"].id and o.opened_by == officer.id

    entries = _entries(ctx, desk.id)
    assert len(entries) == before + 1
    e = entries[-1]
    assert e.id == o.open_entry_id and e.kind == "system_fault"
    assert "DV-CAM-07" in e.content and "Cổng B" in e.content and "Cảng Đình Vũ" in e.content
    assert "mất tín hiệu" in e.content and "connection refused" in e.content
    assert "1 phút 15 giây" in e.content
    assert e.place == "Cảng Đình Vũ, Cổng cảng" and e.occurred_at == went_down
    with ctx.db.read() as s:
        case = s.get(LogCase, e.case_id)
        unit = s.get(OrgUnit, cams["DV-CAM-07"].unit_id)
        notice = s.get(Notice, o.notice_id)
        topics = set(s.scalars(select(ChangeEvent.topic)))
    assert case.client_id == o.case_ref and "DV-CAM-07" in case.title
    assert e.unit_name == unit.name and unit.code == "KV3-DV"
    assert (notice.unit_id, notice.source_kind, notice.source_ref, notice.status) == (
        unit.id, "camera_outage", "DV-CAM-07", "draft")
    assert notice.desk_id == desk.id and "DV-CAM-07" in notice.subject
    assert "kiểm tra, khắc phục" in notice.body
    assert {"dutylog", "notice", "camera_outage"} <= topics
    assert ctx.dutylog.verify(desk.id).ok

    # Reported again (another tick, another console): the same outage, nothing written.
    again = ctx.camera_health.open_outage(users["giamsat2"], desk.id, "DV-CAM-07", "stalled")
    assert not again.created and again.outage.id == o.id
    assert len(_entries(ctx, desk.id)) == before + 1
    assert [i.camera.code for i in ctx.camera_health.open_outages()] == ["DV-CAM-07"]


def test_outage_input_is_checked(ctx, users, desk, cams):
    with pytest.raises(ValidationError):
        ctx.camera_health.open_outage(users["giamsat1"], desk.id, "DV-CAM-07", "live")
    with pytest.raises(PermissionDenied):
        ctx.camera_health.open_outage(users["cuctruong"], desk.id, "DV-CAM-07", "offline")
    with pytest.raises(Exception, match="NO-SUCH"):
        ctx.camera_health.open_outage(users["giamsat1"], desk.id, "NO-SUCH", "offline")
    assert ctx.camera_health.open_outages() == []


def test_consoles_racing_open_one_outage(ctx, users, desk, cams, db_url):
    """Four consoles (own connections) report the same camera at the same moment."""
    consoles = [CameraHealth(db, ctx.clock, DutyLog(db, ctx.clock))
                for db in (Database(db_url) for _ in range(4))]
    barrier = threading.Barrier(len(consoles))
    results: list = []
    errors: list = []

    def report(health: CameraHealth) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(health.open_outage(users["giamsat1"], desk.id, "HN-CAM-03",
                                              "offline", "timeout"))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=report, args=(h,)) for h in consoles]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for h in consoles:
        h.db.dispose()
    assert errors == []
    assert sorted(r.created for r in results) == [False, False, False, True]
    assert len({r.outage.id for r in results}) == 1
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CameraOutage)) == 1
        assert s.scalar(select(func.count()).select_from(Notice).where(
            Notice.source_kind == "camera_outage")) == 1
        assert s.scalar(select(func.count()).select_from(LogEntry).where(
            LogEntry.kind == "system_fault", LogEntry.content.contains("HN-CAM-03"))) == 1
    assert ctx.dutylog.verify(desk.id).ok


def test_camera_back_live_closes_the_outage_in_the_same_case(ctx, users, desk, cams):
    officer = users["giamsat1"]
    went_down = ctx.clock.now()
    ctx.clock.advance(timedelta(seconds=61))
    o = ctx.camera_health.open_outage(officer, desk.id, "DV-CAM-05", "stalled",
                                      started_at=went_down).outage
    ctx.clock.advance(timedelta(minutes=12))
    back = ctx.clock.now()
    closed = ctx.camera_health.close_outage(users["giamsat2"], "DV-CAM-05", ended_at=back)
    assert closed is not None and closed.id == o.id
    assert (closed.ended_at, closed.open_camera_id, closed.closed_by) == (
        back, None, users["giamsat2"].id)
    with ctx.db.read() as s:
        first, last = s.get(LogEntry, o.open_entry_id), s.get(LogEntry, closed.close_entry_id)
        notice = s.get(Notice, o.notice_id)
    assert last.kind == "result" and last.case_id == first.case_id is not None
    assert "DV-CAM-05" in last.content and "hoạt động trở lại" in last.content
    assert "13 phút 1 giây" in last.content
    assert notice.status == "closed"
    # The case has its result: no longer an open case of the handover.
    assert first.case_id not in {c.id for c in ctx.dutylog.open_cases(desk.id)}
    # Closing again (another console saw it live too): nothing more.
    assert ctx.camera_health.close_outage(officer, "DV-CAM-05") is None
    assert ctx.camera_health.open_outages() == []
    assert ctx.dutylog.verify(desk.id).ok

    # A new outage of the same camera later is a new record.
    ctx.clock.advance(timedelta(hours=1))
    second = ctx.camera_health.open_outage(officer, desk.id, "DV-CAM-05", "codec_unsupported")
    assert second.created and second.outage.id != o.id
    history = ctx.camera_health.history("DV-CAM-05")
    assert [h.id for h in history] == [second.outage.id, o.id]

    board = {r.camera.code: r for r in ctx.camera_health.board()}
    assert len(board) == len(cams)
    row = board["DV-CAM-05"]
    assert row.outage_count == 2 and row.open_outage.id == second.outage.id
    assert row.last_outage.id == second.outage.id
    assert (board["DV-CAM-01"].outage_count, board["DV-CAM-01"].open_outage,
            board["DV-CAM-01"].last_outage) == (0, None, None)


def test_open_outages_are_handed_over(ctx, users, desk, cams):
    shift = ctx.roster.current_shift(desk.id)
    o = ctx.camera_health.open_outage(users["giamsat1"], desk.id, "HN-CAM-06", "reconnecting",
                                      "connection reset").outage
    every = ctx.handover.collect_open_items(desk.id, shift.id)
    items = [i for i in every if i.source == "camera_outage"]
    assert [i.ref for i in items] == [str(o.id)]
    # listed once: not again as its open case or as its open notice
    assert [i for i in every if "HN-CAM-06" in f"{i.title} {i.detail}"] == items
    assert "HN-CAM-06" in items[0].title and "Hữu Nghị" in items[0].detail
    h = ctx.handover.save_draft(users["giamsat1"], shift.id, "Camera HN-CAM-06 chưa khắc phục.")
    assert "HN-CAM-06" in h.open_items

    ctx.camera_health.close_outage(users["giamsat1"], "HN-CAM-06")
    assert not [i for i in ctx.handover.collect_open_items(desk.id, shift.id)
                if i.source == "camera_outage"]
    # Another desk's handover does not list this desk's outages.
    other = ctx.reference.desk_by_code("KV3")
    ctx.camera_health.open_outage(users["giamsat1"], desk.id, "HN-CAM-07", "offline")
    other_shift = ctx.roster.current_shift(other.id)
    assert not [i for i in ctx.handover.collect_open_items(other.id, other_shift.id)
                if i.source == "camera_outage"]
