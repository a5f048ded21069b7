"""Shifts and the rotation (Đ5): the 08:00 boundary in Asia/Ho_Chi_Minh, a
configurable start, the weekly rotation of the 7 departments (generate, approve,
publish, frozen), members with optimistic locking, the focus, office hours."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import event, func, select, text

from app.clock import to_local, to_utc
from app.context import AppContext
from app.db.engine import Database
from app.db.models import Shift, ShiftMember
from app.errors import ConflictError, FrozenError, PermissionDenied, ValidationError
from app.roster import MemberSpec, OfficeHours, Roster, duty_date_of, shift_bounds, week_start_of
from app.settings import Settings
from tests.conftest import T0

EIGHT = time(8, 0)
MONDAY = week_start_of(to_local(T0).date()) + timedelta(days=7)  # the week after the clock's


def _order(plan) -> list[int]:
    return [d.unit_id for d in plan.days]


def _member_rows(ctx, shift_id: int) -> list[tuple[int, str, str]]:
    with ctx.db.read() as s:
        return sorted((m.user_id, m.role, m.assignment) for m in s.scalars(
            select(ShiftMember).where(ShiftMember.shift_id == shift_id)))


# -- the boundary ------------------------------------------------------------------
@pytest.mark.parametrize("local,duty", [
    (datetime(2026, 11, 27, 7, 59), date(2026, 11, 26)),
    (datetime(2026, 11, 27, 7, 59, 59, 999999), date(2026, 11, 26)),
    (datetime(2026, 11, 27, 8, 0), date(2026, 11, 27)),
    (datetime(2026, 11, 27, 23, 59), date(2026, 11, 27)),
    (datetime(2026, 11, 28, 0, 30), date(2026, 11, 27)),   # after midnight: yesterday's shift
    (datetime(2027, 1, 1, 3, 0), date(2026, 12, 31)),       # across the new year
])
def test_duty_date_around_0800_local(local, duty):
    assert duty_date_of(to_utc(local), EIGHT) == duty


def test_utc_instant_of_the_boundary():
    # 00:59Z is 07:59 in Hà Nội (UTC+7): still the previous duty date.
    assert duty_date_of(datetime(2026, 11, 27, 0, 59), EIGHT) == date(2026, 11, 26)
    assert duty_date_of(datetime(2026, 11, 27, 1, 0), EIGHT) == date(2026, 11, 27)


def test_shift_bounds_are_0800_to_0800_stored_in_utc():
    start, end = shift_bounds(date(2026, 11, 27), EIGHT)
    assert start == datetime(2026, 11, 27, 1, 0)   # 08:00 local = 01:00Z
    assert end == datetime(2026, 11, 28, 1, 0)
    assert end - start == timedelta(hours=24)


def test_configurable_shift_start(ctx, desk, tmp_path):
    roster = Roster(ctx.db, ctx.clock, time(7, 30))
    ctx.clock.set(to_utc(datetime(2026, 11, 27, 7, 45)))
    assert roster.current_duty_date() == date(2026, 11, 27)
    ctx.clock.set(to_utc(datetime(2026, 11, 27, 7, 29)))
    assert roster.current_duty_date() == date(2026, 11, 26)
    shift = roster.current_shift(desk.id)
    assert shift.duty_date == date(2026, 11, 26)
    assert shift.starts_at == datetime(2026, 11, 26, 0, 30)
    assert shift.ends_at == datetime(2026, 11, 27, 0, 30)
    # The setting reaches the roster through the application context.
    c = AppContext(settings=Settings(data_dir=str(tmp_path / "c2"), shift_start="07:30"),
                   clock=ctx.clock, db=Database(ctx.db.url.render_as_string(False)),
                   data_dir=tmp_path / "c2")  # type: ignore[arg-type]
    try:
        assert c.roster.shift_start == time(7, 30)
        assert c.roster.current_duty_date() == date(2026, 11, 26)
    finally:
        c.close()


def test_current_shift_is_created_once(ctx, desk):
    day = duty_date_of(ctx.clock.now(), EIGHT)
    first = ctx.roster.current_shift(desk.id)
    again = ctx.roster.current_shift(desk.id)
    assert first.id == again.id
    assert first.duty_date == day
    assert (first.starts_at, first.ends_at) == shift_bounds(day, EIGHT)
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Shift).where(
            Shift.desk_id == desk.id, Shift.duty_date == day)) == 1
    # The next morning at 08:00 the next shift begins.
    ctx.clock.set(to_utc(datetime.combine(day + timedelta(days=1), EIGHT)))
    nxt = ctx.roster.current_shift(desk.id)
    assert nxt.id != first.id and nxt.duty_date == day + timedelta(days=1)
    assert ctx.roster.shift_on(desk.id, day).id == first.id


RACE_DAY = date(2026, 12, 1)


def test_ensure_shift_takes_the_shift_another_console_just_created(ctx, desk):
    """Two consoles at 08:00 both find no shift and both insert it (PostgreSQL,
    READ COMMITTED). Before the fix in Roster.ensure_shift the loser got a raw
    IntegrityError."""
    if not ctx.db.is_postgres:
        pytest.skip("SQLite write transactions are serialised (BEGIN IMMEDIATE): no race")
    start, end = shift_bounds(RACE_DAY, ctx.roster.shift_start)
    other = {}

    def competitor(mapper, connection, target):  # noqa: ARG001
        # Just before our INSERT, another console commits the same shift.
        if other:
            return
        with ctx.db.engine.connect() as c, c.begin():
            other["id"] = c.execute(text(
                "INSERT INTO shift (desk_id, duty_date, starts_at, ends_at, focus, version) "
                "VALUES (:d, :day, :s, :e, '', 1) RETURNING id"),
                {"d": desk.id, "day": RACE_DAY, "s": start, "e": end}).scalar_one()

    event.listen(Shift, "before_insert", competitor)
    try:
        shift = ctx.roster.ensure_shift(desk.id, RACE_DAY)
    finally:
        event.remove(Shift, "before_insert", competitor)
    assert other["id"] == shift.id
    assert ctx.roster.shift_on(desk.id, RACE_DAY).id == shift.id


def test_desks_have_their_own_shifts(ctx, desk):
    kv3 = ctx.reference.desk_by_code("KV3")
    assert ctx.roster.current_shift(desk.id).id != ctx.roster.current_shift(kv3.id).id


# -- the rotation ------------------------------------------------------------------
def test_generate_gives_each_department_one_day(ctx, users, desk):
    plan = ctx.roster.generate_rotation(users["tonghop"], desk.id, MONDAY)
    assert plan.status == "draft" and plan.created_by == users["tonghop"].id
    assert [d.day for d in plan.days] == [MONDAY + timedelta(days=i) for i in range(7)]
    rotation = [u.id for u in ctx.reference.rotation_units()]
    assert len(rotation) == 7
    assert sorted(_order(plan)) == sorted(rotation)
    assert ctx.roster.rotation(desk.id, MONDAY).id == plan.id


def test_generate_needs_monday_and_the_right(ctx, users, desk):
    with pytest.raises(ValidationError):
        ctx.roster.generate_rotation(users["tonghop"], desk.id, MONDAY + timedelta(days=1))
    with pytest.raises(PermissionDenied):
        ctx.roster.generate_rotation(users["giamsat1"], desk.id, MONDAY)
    assert ctx.roster.rotation(desk.id, MONDAY) is None
    assert week_start_of(date(2026, 11, 27)) == date(2026, 11, 23)


@pytest.mark.parametrize("first_monday", [
    MONDAY,
    date(2026, 12, 28),   # ISO week 53 of 2026 -> week 1 of 2027
    date(2027, 12, 27),   # ISO week 52 of 2027 -> week 1 of 2028
])
def test_consecutive_weeks_shift_the_order_by_one(ctx, users, desk, first_monday):
    clerk = users["tonghop"]
    a = _order(ctx.roster.generate_rotation(clerk, desk.id, first_monday))
    b = _order(ctx.roster.generate_rotation(clerk, desk.id, first_monday + timedelta(days=7)))
    assert b == a[1:] + a[:1]
    assert a != b


def test_seven_weeks_give_every_department_every_weekday(ctx, users, desk):
    start = date(2026, 12, 14)  # crosses the new year
    seen: dict[int, set[int]] = {}
    for w in range(7):
        plan = ctx.roster.generate_rotation(users["tonghop"], desk.id,
                                            start + timedelta(weeks=w))
        for d in plan.days:
            seen.setdefault(d.unit_id, set()).add(d.day.weekday())
    assert len(seen) == 7 and all(days == set(range(7)) for days in seen.values())


def test_regenerating_a_draft_is_allowed(ctx, users, desk):
    a = ctx.roster.generate_rotation(users["tonghop"], desk.id, MONDAY)
    b = ctx.roster.generate_rotation(users["tonghop"], desk.id, MONDAY)
    assert a.id == b.id and _order(a) == _order(b) and len(b.days) == 7


def test_approve_then_publish(ctx, users, desk):
    plan = ctx.roster.generate_rotation(users["tonghop"], desk.id, MONDAY)
    with pytest.raises(PermissionDenied):
        ctx.roster.approve_rotation(users["giamsat1"], plan.id, plan.version)
    with pytest.raises(PermissionDenied):
        ctx.roster.approve_rotation(users["tonghop"], plan.id, plan.version)
    with pytest.raises(FrozenError):  # not approved yet
        ctx.roster.publish_rotation(users["tonghop"], plan.id, plan.version)
    approved = ctx.roster.approve_rotation(users["truongca"], plan.id, plan.version)
    assert approved.status == "approved" and approved.approved_by == users["truongca"].id
    with pytest.raises(ConflictError):  # the version read before the approval
        ctx.roster.publish_rotation(users["tonghop"], plan.id, plan.version)
    with pytest.raises(PermissionDenied):
        ctx.roster.publish_rotation(users["truongca"], plan.id, approved.version)
    published = ctx.roster.publish_rotation(users["tonghop"], plan.id, approved.version)
    assert published.status == "published" and published.published_at == ctx.clock.now()
    assert ctx.roster.rotation(desk.id, MONDAY).status == "published"


def test_director_may_approve(ctx, users, desk):
    plan = ctx.roster.generate_rotation(users["tonghop"], desk.id, MONDAY)
    approved = ctx.roster.approve_rotation(users["cuctruong"], plan.id, plan.version)
    assert approved.status == "approved" and approved.approved_by == users["cuctruong"].id


def test_an_approved_or_published_plan_cannot_be_regenerated(ctx, users, desk):
    clerk = users["tonghop"]
    plan = ctx.roster.generate_rotation(clerk, desk.id, MONDAY)
    plan = ctx.roster.approve_rotation(users["truongca"], plan.id, plan.version)
    with pytest.raises(FrozenError):
        ctx.roster.generate_rotation(clerk, desk.id, MONDAY)
    plan = ctx.roster.publish_rotation(clerk, plan.id, plan.version)
    order = _order(plan)
    with pytest.raises(FrozenError):
        ctx.roster.generate_rotation(clerk, desk.id, MONDAY)
    with pytest.raises(FrozenError):  # approving again
        ctx.roster.approve_rotation(users["truongca"], plan.id, plan.version)
    again = ctx.roster.rotation(desk.id, MONDAY)
    assert again.status == "published" and _order(again) == order


def test_shift_on_a_published_day_gets_the_duty_unit(ctx, users, desk):
    clerk = users["tonghop"]
    early = ctx.roster.ensure_shift(desk.id, MONDAY)       # created before the publication
    assert early.duty_unit_id is None
    plan = ctx.roster.generate_rotation(clerk, desk.id, MONDAY)
    plan = ctx.roster.approve_rotation(users["truongca"], plan.id, plan.version)
    # Approved but not published: a new shift does not take the unit yet.
    assert ctx.roster.ensure_shift(desk.id, MONDAY + timedelta(days=1)).duty_unit_id is None
    plan = ctx.roster.publish_rotation(clerk, plan.id, plan.version)
    by_day = {d.day: d.unit_id for d in plan.days}
    wednesday = ctx.roster.ensure_shift(desk.id, MONDAY + timedelta(days=2))
    assert wednesday.duty_unit_id == by_day[MONDAY + timedelta(days=2)]
    assert ctx.roster.shift(early.id).duty_unit_id == by_day[MONDAY]
    assert ctx.roster.shift_on(desk.id, MONDAY + timedelta(days=1)).duty_unit_id \
        == by_day[MONDAY + timedelta(days=1)]
    # Another desk's shifts are not touched by the HQ rotation.
    kv3 = ctx.reference.desk_by_code("KV3")
    assert ctx.roster.ensure_shift(kv3.id, MONDAY).duty_unit_id is None


# -- members and focus ---------------------------------------------------------------
def test_set_members_and_read_them_back(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    updated = ctx.roster.set_members(users["truongca"], shift.id, shift.version, [
        MemberSpec(users["truongca"].id, "shift_leader"),
        MemberSpec(users["giamsat1"].id, "officer", "Cửa khẩu Hữu Nghị"),
    ])
    assert updated.version == shift.version + 1
    assert ctx.roster.leader_of(shift.id) == users["truongca"].id
    got = [(m.role, u.username, m.assignment) for m, u in ctx.roster.members(shift.id)]
    assert got == [("shift_leader", "truongca", ""), ("officer", "giamsat1", "Cửa khẩu Hữu Nghị")]


def test_set_members_again_with_the_same_people(ctx, users, desk):
    """Editing one assignment re-saves the whole list. Before the fix in
    Roster.set_members this failed with an IntegrityError on (shift, user, role)."""
    shift = ctx.roster.current_shift(desk.id)
    leader, officer = users["truongca"], users["giamsat1"]
    shift = ctx.roster.set_members(leader, shift.id, shift.version, [
        MemberSpec(leader.id, "shift_leader"), MemberSpec(officer.id, "officer", "Cảng A")])
    shift = ctx.roster.set_members(leader, shift.id, shift.version, [
        MemberSpec(leader.id, "shift_leader"), MemberSpec(officer.id, "officer", "Cảng B")])
    assert _member_rows(ctx, shift.id) == sorted([
        (leader.id, "shift_leader", ""), (officer.id, "officer", "Cảng B")])
    shift = ctx.roster.set_members(users["lanhdaophong"], shift.id, shift.version, [])
    assert _member_rows(ctx, shift.id) == []
    assert ctx.roster.leader_of(shift.id) is None


def test_set_members_with_a_stale_version_writes_nothing(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    leader = users["truongca"]
    v1 = ctx.roster.set_members(leader, shift.id, shift.version,
                                [MemberSpec(leader.id, "shift_leader")])
    before = _member_rows(ctx, shift.id)
    with pytest.raises(ConflictError):
        ctx.roster.set_members(leader, shift.id, shift.version, [   # the old version
            MemberSpec(users["truongca2"].id, "shift_leader"),
            MemberSpec(users["giamsat2"].id, "officer")])
    assert _member_rows(ctx, shift.id) == before
    assert ctx.roster.shift(shift.id).version == v1.version


def test_two_shift_leaders_are_rejected(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    with pytest.raises(ValidationError):
        ctx.roster.set_members(users["truongca"], shift.id, shift.version, [
            MemberSpec(users["truongca"].id, "shift_leader"),
            MemberSpec(users["truongca2"].id, "shift_leader")])
    with pytest.raises(ValidationError):
        ctx.roster.set_members(users["truongca"], shift.id, shift.version, [
            MemberSpec(users["giamsat1"].id, "watcher")])
    assert _member_rows(ctx, shift.id) == []
    assert ctx.roster.shift(shift.id).version == shift.version


def test_officer_cannot_set_members(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    with pytest.raises(PermissionDenied):
        ctx.roster.set_members(users["giamsat1"], shift.id, shift.version,
                               [MemberSpec(users["giamsat1"].id, "shift_leader")])
    assert _member_rows(ctx, shift.id) == []


def test_set_focus_needs_shift_focus(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    for name in ("giamsat1", "lanhdaophong", "tonghop", "cuctruong", "admin"):
        with pytest.raises(PermissionDenied):
            ctx.roster.set_focus(users[name], shift.id, shift.version, "x")
    done = ctx.roster.set_focus(users["truongca"], shift.id, shift.version,
                                "  Theo dõi container lạnh tại cảng Đình Vũ  ")
    again = ctx.roster.shift(shift.id)
    assert again.focus == "Theo dõi container lạnh tại cảng Đình Vũ"
    assert again.focus_by == users["truongca"].id and again.version == done.version
    with pytest.raises(ConflictError):
        ctx.roster.set_focus(users["truongca"], shift.id, shift.version, "cũ")
    assert ctx.roster.shift(shift.id).focus == "Theo dõi container lạnh tại cảng Đình Vũ"


# -- office hours --------------------------------------------------------------------
@pytest.mark.parametrize("local,expected", [
    (datetime(2026, 11, 27, 9, 0), True),     # Friday 09:00
    (datetime(2026, 11, 27, 7, 30), True),    # opens at 07:30
    (datetime(2026, 11, 27, 7, 29), False),
    (datetime(2026, 11, 27, 16, 29), True),
    (datetime(2026, 11, 27, 16, 30), False),  # closes at 16:30
    (datetime(2026, 11, 27, 18, 0), False),
    (datetime(2026, 11, 28, 9, 0), False),    # Saturday
    (datetime(2026, 11, 29, 9, 0), False),    # Sunday
    (datetime(2026, 9, 2, 9, 0), False),      # Wednesday, Quốc khánh (reference data)
    (datetime(2026, 4, 30, 10, 0), False),    # Thursday, a holiday
    (datetime(2026, 9, 3, 9, 0), True),       # the Thursday after: a working day
])
def test_office_hours(ctx, local, expected):
    hours = ctx.office_hours()
    assert date(2026, 9, 2) in hours.holidays
    assert hours.is_office_time(to_utc(local)) is expected


def test_office_hours_follow_the_settings():
    hours = OfficeHours(time(8, 0), time(17, 0), (0, 1, 2, 3, 4, 5), frozenset())
    assert hours.is_office_time(to_utc(datetime(2026, 11, 28, 9, 0)))      # Saturday now works
    assert hours.is_office_time(to_utc(datetime(2026, 11, 27, 16, 45)))
    assert not hours.is_office_time(to_utc(datetime(2026, 11, 27, 7, 45)))


def test_regenerating_a_draft_makes_an_earlier_approval_stale(ctx, users, desk):
    from app.errors import ConflictError  # noqa: PLC0415

    week = date(2026, 11, 23)
    plan = ctx.roster.generate_rotation(users["tonghop"], desk.id, week)
    ctx.roster.generate_rotation(users["tonghop"], desk.id, week)
    with pytest.raises(ConflictError):
        ctx.roster.approve_rotation(users["cuctruong"], plan.id, plan.version)


def test_the_same_person_twice_in_one_role_is_refused(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    twice = [MemberSpec(users["giamsat1"].id, "officer"),
             MemberSpec(users["giamsat1"].id, "officer")]
    with pytest.raises(ValidationError):
        ctx.roster.set_members(users["truongca"], shift.id, shift.version, twice)
