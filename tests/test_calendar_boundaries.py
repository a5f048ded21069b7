"""The calendar's edges on a fixed clock: the 08:00 shift change, a shift that
crosses the new year (the document register turns over at 00:00 local, not at the
shift change), Tết inside office hours, and the demo's holidays for every year the
suite may be moved to. Dates follow T0, so `--t0` moves them too."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from app.clock import to_local, to_utc
from app.db.models import DocumentNumber
from app.dutylog import EntryDraft
from app.org import parse_yaml
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling
from tests.conftest import SITE_FILE, T0
from tests.test_forms_pdf import page_texts

EIGHT = time(8, 0)
YEAR = to_local(T0).year


def _local(day: date, at: time) -> datetime:
    return to_utc(datetime.combine(day, at))


def test_one_second_before_eight_is_the_previous_duty_day(ctx, users, desk):
    day = to_local(T0).date()
    ctx.clock.set(_local(day, time(7, 59, 59)))
    before = ctx.roster.current_shift(desk.id)
    a = ctx.dutylog.append(users["giamsat1"], desk.id,
                           EntryDraft(kind="work", content="Trước giờ giao ca"))
    ctx.clock.advance(timedelta(seconds=1))
    # no console has opened the new shift yet: the entry is filed in it all the same
    b = ctx.dutylog.append(users["giamsat1"], desk.id,
                           EntryDraft(kind="work", content="Sau giờ giao ca"))
    after = ctx.roster.current_shift(desk.id)
    assert before.duty_date == day - timedelta(days=1) and after.duty_date == day
    assert before.ends_at == after.starts_at == _local(day, EIGHT)
    assert (a.shift_id, b.shift_id) == (before.id, after.id)


def _approved_incident(ctx, users, desk):  # type: ignore[no-untyped-def]
    inc = ctx.incidents.create(users["giamsat1"], desk.id, IncidentDraft(
        content="Container TGHU1234567 rời khu vực giám sát khi tờ khai chưa thông quan",
        place="Cửa khẩu Hữu Nghị", container_no="TGHU1234567",
        handling=Handling.COORDINATED_CHECK))
    ctx.incidents.transition(users["lanhdaophong"], inc.id, Action.PROPOSE)
    return ctx.incidents.transition(users["truongca"], inc.id, Action.APPROVE)


def test_a_shift_across_the_new_year_numbers_each_year_from_one(ctx, users, desk, tmp_path):
    """The duty day of 31 December runs to 08:00 on 1 January: a fax at 23:50 is the
    first of the old year, one at 00:10 the first of the new year, both in one shift,
    each printed with its own number and date."""
    eve = date(YEAR, 12, 31)
    ctx.clock.set(_local(eve, time(23, 50)))
    shift = ctx.roster.current_shift(desk.id)
    first = ctx.issuer.issue_request_fax(
        users["truongca"], _approved_incident(ctx, users, desk).id,
        requested_due_at=ctx.clock.now() + timedelta(hours=2), contact="Đ/c Sơn")
    ctx.clock.set(_local(eve + timedelta(days=1), time(0, 10)))
    assert ctx.roster.current_shift(desk.id).id == shift.id  # still the same shift
    second = ctx.issuer.issue_request_fax(
        users["truongca"], _approved_incident(ctx, users, desk).id,
        requested_due_at=ctx.clock.now() + timedelta(hours=2), contact="Đ/c Sơn")
    assert first.number == second.number == "1/FAX-TB-HQ"
    with ctx.db.read() as s:
        register = sorted((d.year, d.number) for d in s.scalars(
            select(DocumentNumber).where(DocumentNumber.desk_id == desk.id)))
    assert register == [(YEAR, 1), (YEAR + 1, 1)]
    old = " ".join(page_texts(first.pdf, tmp_path, "-raw"))
    new = " ".join(page_texts(second.pdf, tmp_path, "-raw"))
    assert "1/FAX-TB-HQ" in old and f"23 giờ 50 phút, ngày 31/12/{YEAR}" in old
    assert "1/FAX-TB-HQ" in new and f"00 giờ 10 phút, ngày 01/01/{YEAR + 1}" in new


def _site_holidays() -> set[date]:
    return {h["day"] for h in parse_yaml(SITE_FILE).holidays}


def test_tet_inside_office_hours_is_out_of_hours(ctx):
    hours = ctx.office_hours()
    tet = sorted(d for d in _site_holidays()
                 if d.year >= YEAR and d.month <= 2 and d.weekday() < 5 and d.day != 1)
    assert tet, "the demo site has no Tết on a weekday from this year on"
    day = tet[0]
    assert not hours.is_office_time(_local(day, time(9, 0)))
    after = day
    while after in hours.holidays or after.weekday() >= 5:
        after += timedelta(days=1)
    assert hours.is_office_time(_local(after, time(9, 0)))


@pytest.mark.parametrize("year", range(YEAR, YEAR + 2))
def test_the_demo_knows_the_holidays_of_every_year_the_suite_may_move_to(year):
    days = {d for d in _site_holidays() if d.year == year}
    names = {h["name"] for h in parse_yaml(SITE_FILE).holidays if h["day"].year == year}
    assert date(year, 1, 1) in days and date(year, 9, 2) in days
    assert {"Tết Nguyên đán", "Giỗ Tổ Hùng Vương"} <= names


def test_office_hours_say_when_the_year_has_no_holidays(ctx):
    hours = ctx.office_hours()
    assert hours.knows_year(T0)
    later = max(_site_holidays()).year + 1
    assert not hours.knows_year(_local(date(later, 3, 2), time(9, 0)))
