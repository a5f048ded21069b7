"""The daily reports the desk chases (Đ6.1, Đ10.4a) on both databases: the
reference file (validated, with lines), the day's tracker computed from stored
times and the clock (late first), a report received with its file's SHA-256,
a late one reminded — each written to the duty log in the same transaction."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta

import pytest

from app.clock import to_local, to_utc
from app.errors import ImportFileError, PermissionDenied, ValidationError
from app.workflow.daily_reports import (
    BUNDLED_PLAN,
    LATE,
    RECEIVED,
    RECEIVED_LATE,
    ReportPlan,
    due_at,
)
from tests.conftest import working_day_at

FRIDAY_0900 = working_day_at(time(9, 0), weekday=4)  # the tests' clock stands here
DAY = to_local(FRIDAY_0900).date()


@pytest.fixture(autouse=True)
def _friday_morning(clock):  # type: ignore[no-untyped-def]
    clock.set(FRIDAY_0900)


def _local(day: date, hh: int, mm: int = 0) -> datetime:
    return to_utc(datetime.combine(day, time(hh, mm)))


def _unit(ctx, code):
    return next(u for u in ctx.reference.units() if u.code == code)


def test_the_bundled_plan_is_valid():
    plan = ReportPlan.load(BUNDLED_PLAN)
    hq = plan.for_desk("HQ", DAY)
    assert {(e.unit, e.report) for e in hq} >= {("KV3", "bc_ngay"), ("KV7", "bc_ktksnb")}
    saturday = plan.for_desk("HQ", DAY + timedelta(days=1))
    assert ("KV3", "bc_ktksnb") not in {(e.unit, e.report) for e in saturday}


def test_a_bad_plan_names_its_lines(tmp_path):
    bad = tmp_path / "daily_reports.yaml"
    bad.write_text("reports:\n  - {code: a, name: Báo cáo A}\nexpected:\n"
                   "  - desk: HQ\n    unit: KV3\n    reports:\n"
                   "      - {report: b, due: '08:00'}\n      - {report: a, due: 'late'}\n",
                   encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        ReportPlan.load(bad)
    lines = [p[1] for p in err.value.problems]
    assert lines == [7, 8], err.value.problems


def test_due_times_before_the_shift_start_fall_on_the_next_morning():
    assert due_at(DAY, time(16, 0), time(8, 0)) == _local(DAY, 16)
    assert due_at(DAY, time(7, 30), time(8, 0)) == _local(DAY + timedelta(days=1), 7, 30)


def test_tracker_late_received_and_reminded(ctx, users, desk, tmp_path):
    officer = users["giamsat1"]
    reports = ctx.daily_reports
    rows = reports.tracker(desk.id)
    now = ctx.clock.now()
    assert len(rows) == 6 and {r.day for r in rows} == {DAY}
    # 09:00: the two daily reports due at 08:30 are late, and listed first
    assert [(r.unit_code, r.report) for r in rows[:2]] == [("KV3", "bc_ngay"), ("KV7", "bc_ngay")]
    assert [r.state(now) for r in rows[:2]] == [LATE, LATE]
    assert {r.state(now) for r in rows[2:]} == {"expected"}
    assert rows[0].minutes_late(now) == 30
    # a console that was offline computes with its own "now"
    assert reports.late(desk.id, now=now - timedelta(hours=1)) == []

    kv3, kv7 = _unit(ctx, "KV3"), _unit(ctx, "KV7")
    scan = tmp_path / "bc-ngay-kv3.pdf"
    scan.write_bytes(b"%PDF-1.4 bao cao ngay KV3")
    ctx.clock.advance(timedelta(minutes=5))
    rec = reports.record_received(officer, desk.id, kv3.id, "bc_ngay", channel="email",
                                  sender="Văn phòng Chi cục KV III", file=scan)
    assert rec.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (ctx.data_dir / rec.file_path).read_bytes() == scan.read_bytes()
    entry = ctx.dutylog.entries(desk.id)[-1]
    assert entry.id == rec.log_entry_id and entry.channel == "email"
    assert "Nhận Báo cáo ngày" in entry.content and "chậm 35 phút" in entry.content
    assert rec.sha256 in entry.content and entry.unit_name == kv3.name
    with pytest.raises(ValidationError):  # recorded once
        reports.record_received(officer, desk.id, kv3.id, "bc_ngay")

    reminder = reports.remind(officer, desk.id, kv7.id, "bc_ngay", channel="phone",
                              contact="Đ/c Mai, Văn phòng Chi cục KV VII")
    assert reminder.reminded_by == officer.id and reminder.channel == "phone"
    entry = ctx.dutylog.entries(desk.id)[-1]
    assert entry.id == reminder.log_entry_id
    assert "Đôn đốc" in entry.content and kv7.name in entry.content
    assert "Đ/c Mai" in entry.content and "nhắc lần 1" in entry.content
    ctx.clock.advance(timedelta(minutes=20))
    reports.remind(officer, desk.id, kv7.id, "bc_ngay", channel="email")

    now = ctx.clock.now()
    rows = reports.tracker(desk.id)
    by = {(r.unit_code, r.report): r for r in rows}
    late = by[("KV7", "bc_ngay")]
    assert late.state(now) == LATE and late.reminders == 2
    assert late.last_reminded_at == now
    assert [x.channel for x in reports.reminders(late.record_id)] == ["phone", "email"]
    assert by[("KV3", "bc_ngay")].state(now) == RECEIVED_LATE
    assert rows[0] is late  # still late comes first; the received one goes down
    assert by[("KV3-DV", "bc_camera")].state(now) == LATE  # due 09:00, now 09:25
    reports.record_received(officer, desk.id, kv7.id, "bc_ktksnb", channel="document")
    assert reports.tracker(desk.id)[-1].state(now) in (RECEIVED, RECEIVED_LATE)
    with pytest.raises(ValidationError):  # received: no reminder needed
        reports.remind(officer, desk.id, kv3.id, "bc_ngay")
    assert ctx.dutylog.verify(desk.id).ok


def test_guards(ctx, users, desk):
    kv3 = _unit(ctx, "KV3")
    entries = len(ctx.dutylog.entries(desk.id))
    with pytest.raises(PermissionDenied):  # another desk
        ctx.daily_reports.record_received(users["kv3.giamsat"], desk.id, kv3.id, "bc_ngay")
    with pytest.raises(PermissionDenied):  # no duty-log rights
        ctx.daily_reports.remind(users["cuctruong"], desk.id, kv3.id, "bc_ngay")
    with pytest.raises(ValidationError):  # not expected from this unit
        ctx.daily_reports.record_received(users["giamsat1"], desk.id, kv3.id, "bc_camera")
    with pytest.raises(ValidationError):
        ctx.daily_reports.remind(users["giamsat1"], desk.id, kv3.id, "bc_ngay", channel="x")
    assert len(ctx.dutylog.entries(desk.id)) == entries


def test_a_local_copy_of_the_plan_wins(ctx, users, desk):
    (ctx.data_dir / "daily_reports.yaml").write_text(
        "reports:\n  - {code: bc_x, name: Báo cáo đột xuất}\n"
        "expected:\n  - desk: HQ\n    unit: KV7\n    reports:\n"
        "      - {report: bc_x, due: 10:00}\n",
        encoding="utf-8")
    rows = ctx.daily_reports.tracker(desk.id)
    assert [(r.unit_code, r.report_name) for r in rows] == [("KV7", "Báo cáo đột xuất")]
    assert rows[0].due_at == _local(DAY, 10)
