"""Shifts and the rotation (Đ5, Đ7.1): shift boundaries, the weekly rotation of
the 7 departments (generated, approved, published read-only), shift members and
their assignments, the shift's focus, office hours and the holiday calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified

from app import logs
from app.auth import CurrentUser, Permission, Role, require
from app.clock import Clock, to_local, to_utc
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import OrgUnit, RotationDay, RotationPlan, Shift, ShiftMember, UserAccount
from app.errors import QT_TRANSLATE_NOOP, FrozenError, NotFound, ValidationError, conflict

log = logs.get("roster")

ROTATION_STATES = {
    "draft": QT_TRANSLATE_NOOP("errors", "a draft"),
    "approved": QT_TRANSLATE_NOOP("errors", "approved"),
    "published": QT_TRANSLATE_NOOP("errors", "published"),
}
SHIFT_ROLES = ("shift_leader", "room_leader", "clerk", "officer")
SHIFT_ROLE_NAMES = {
    "shift_leader": "Lãnh đạo ca trực",
    "room_leader": "Lãnh đạo cấp phòng trực ban",
    "clerk": "Công chức Phòng Tổng hợp",
    "officer": "Công chức giám sát trực tuyến",
}


def duty_date_of(utc_now: datetime, shift_start: time) -> date:
    """The duty date whose shift contains this instant (a shift is named after
    the day it starts)."""
    local = to_local(utc_now)
    return local.date() if local.time() >= shift_start else local.date() - timedelta(days=1)


def shift_bounds(duty_date: date, shift_start: time) -> tuple[datetime, datetime]:
    start = to_utc(datetime.combine(duty_date, shift_start))
    end = to_utc(datetime.combine(duty_date + timedelta(days=1), shift_start))
    return start, end


# A Monday; chosen so that every week of ISO year 2026 keeps the order the
# ISO-week formula gave it.
_ROTATION_EPOCH = date(2025, 12, 22)


def week_start_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class OfficeHours:
    start: time
    end: time
    days: tuple[int, ...]
    holidays: frozenset[date]

    def is_office_time(self, utc_now: datetime) -> bool:
        """Out of these hours the surveillance division carries on alone (Đ5.4b)."""
        local = to_local(utc_now)
        if local.date() in self.holidays or local.weekday() not in self.days:
            return False
        return self.start <= local.time() < self.end

    def knows_year(self, utc_now: datetime) -> bool:
        """Whether the reference data holds any holiday of this local year: without
        them office hours would run through Tết (the console says so)."""
        year = to_local(utc_now).year
        return any(d.year == year for d in self.holidays)


@dataclass(frozen=True)
class MemberSpec:
    user_id: int
    role: str
    assignment: str = ""


class Roster:
    def __init__(self, db: Database, clock: Clock, shift_start: time) -> None:
        self.db = db
        self.clock = clock
        self.shift_start = shift_start

    # -- shifts ----------------------------------------------------------------
    def current_duty_date(self) -> date:
        return duty_date_of(self.clock.now(), self.shift_start)

    def ensure_shift_at(self, desk_id: int, utc: datetime) -> Shift:
        """The shift of a desk that holds the moment `utc`, created on first use."""
        return self.ensure_shift(desk_id, duty_date_of(utc, self.shift_start))

    def ensure_shift(self, desk_id: int, duty_date: date) -> Shift:
        """The shift of a desk on a duty date, created on first use; its duty
        unit comes from the published rotation."""
        with self.db.read() as s:
            shift = s.scalar(select(Shift).where(Shift.desk_id == desk_id,
                                                 Shift.duty_date == duty_date))
            if shift is not None:
                return shift
        start, end = shift_bounds(duty_date, self.shift_start)
        try:
            with self.db.write() as s:
                shift = s.scalar(select(Shift).where(Shift.desk_id == desk_id,
                                                     Shift.duty_date == duty_date))
                if shift is not None:
                    return shift
                unit_id = s.scalar(select(RotationDay.unit_id).join(RotationPlan).where(
                    RotationPlan.desk_id == desk_id, RotationPlan.status == "published",
                    RotationDay.day == duty_date))
                shift = Shift(desk_id=desk_id, duty_date=duty_date, starts_at=start,
                              ends_at=end, duty_unit_id=unit_id, focus="")
                s.add(shift)
                s.flush()
                record_change(s, self.clock, desk_id, Topic.SHIFT, shift.id)
                return shift
        except IntegrityError:
            # Another console created it at the same moment (PostgreSQL, READ
            # COMMITTED): both found none, theirs committed first. Take theirs.
            existing = self.shift_on(desk_id, duty_date)
            if existing is None:
                raise
            return existing

    def current_shift(self, desk_id: int) -> Shift:
        return self.ensure_shift(desk_id, self.current_duty_date())

    def shift(self, shift_id: int) -> Shift:
        with self.db.read() as s:
            shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The shift does not exist."))
        return shift

    def shift_on(self, desk_id: int, duty_date: date) -> Shift | None:
        with self.db.read() as s:
            return s.scalar(select(Shift).where(Shift.desk_id == desk_id,
                                                Shift.duty_date == duty_date))

    def members(self, shift_id: int) -> list[tuple[ShiftMember, UserAccount]]:
        with self.db.read() as s:
            return list(s.execute(select(ShiftMember, UserAccount)
                                  .join(UserAccount, UserAccount.id == ShiftMember.user_id)
                                  .where(ShiftMember.shift_id == shift_id)
                                  .order_by(ShiftMember.id)).tuples())

    def set_members(self, actor: CurrentUser, shift_id: int, version: int,
                    members: list[MemberSpec]) -> Shift:
        require(actor, Permission.SHIFT_MEMBERS)
        for m in members:
            if m.role not in SHIFT_ROLES:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown shift role '{role}'."),
                                      role=m.role)
        if sum(m.role == "shift_leader" for m in members) > 1:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A shift has one shift leader."))
        if len({(m.user_id, m.role) for m in members}) != len(members):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The same person is listed twice in the same role."))
        with self.db.write() as s:
            shift = self._for_update(s, shift_id, version)
            flag_modified(shift, "focus")  # an UPDATE, so the version moves on
            s.flush()  # the version-checked UPDATE first: a concurrent editor conflicts here
            # Delete the old rows before inserting the new ones: the flush inserts
            # before it deletes, and (shift, user, role) is unique.
            shift.members.clear()
            s.flush()
            shift.members = [ShiftMember(user_id=m.user_id, role=m.role,
                                         assignment=m.assignment) for m in members]
            s.flush()
            record_change(s, self.clock, shift.desk_id, Topic.SHIFT, shift.id)
            return shift

    def set_focus(self, actor: CurrentUser, shift_id: int, version: int, focus: str) -> Shift:
        """The shift leader's focus: what to watch closely in this shift (Đ7.1a)."""
        require(actor, Permission.SHIFT_FOCUS)
        with self.db.write() as s:
            shift = self._for_update(s, shift_id, version)
            shift.focus = focus.strip()
            shift.focus_by = actor.id
            s.flush()
            record_change(s, self.clock, shift.desk_id, Topic.SHIFT, shift.id)
            return shift

    def _for_update(self, s, shift_id: int, version: int) -> Shift:
        shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The shift does not exist."))
        if shift.version != version:
            raise conflict("The shift")
        return shift

    def leader_of(self, shift_id: int) -> int | None:
        with self.db.read() as s:
            return s.scalar(select(ShiftMember.user_id).where(
                ShiftMember.shift_id == shift_id, ShiftMember.role == Role.SHIFT_LEADER.value))

    # -- rotation (Đ5.2) ---------------------------------------------------------
    def generate_rotation(self, actor: CurrentUser, desk_id: int, week_start: date) -> RotationPlan:
        """Each of the rotation departments takes one day; the order shifts by one
        each week so no department always has the weekend."""
        require(actor, Permission.ROTATION_GENERATE)
        if week_start.weekday() != 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A rotation week starts on Monday."))
        with self.db.write() as s:
            units = list(s.scalars(select(OrgUnit).where(OrgUnit.rotation_order.is_not(None))
                                   .order_by(OrgUnit.rotation_order)))
            if len(units) != 7:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "The rotation needs the 7 professional departments; "
                              "{count} are marked in the reference data."), count=len(units))
            plan = s.scalar(select(RotationPlan).where(RotationPlan.desk_id == desk_id,
                                                       RotationPlan.week_start == week_start))
            if plan is not None and plan.status != "draft":
                raise FrozenError(QT_TRANSLATE_NOOP(
                    "errors", "The rotation of this week is already approved."))
            # Weeks counted from a fixed Monday, not the ISO week number, which
            # jumps back to 1 at new year (53 % 7 = 4 -> 1): the shift stays one a week.
            shift_by = (week_start - _ROTATION_EPOCH).days // 7 % 7
            order = units[shift_by:] + units[:shift_by]
            if plan is None:
                plan = RotationPlan(desk_id=desk_id, week_start=week_start, status="draft",
                                    created_by=actor.id, created_at=self.clock.now())
                s.add(plan)
            plan.days = [RotationDay(day=week_start + timedelta(days=i), unit_id=u.id)
                         for i, u in enumerate(order)]
            if plan.id is not None:
                flag_modified(plan, "status")  # new days: an approval of the old ones is stale
            s.flush()
            record_change(s, self.clock, desk_id, Topic.ROTATION, plan.id)
            return plan

    def approve_rotation(self, actor: CurrentUser, plan_id: int, version: int) -> RotationPlan:
        require(actor, Permission.ROTATION_APPROVE)
        return self._advance(actor, plan_id, version, "draft", "approved")

    def publish_rotation(self, actor: CurrentUser, plan_id: int, version: int) -> RotationPlan:
        require(actor, Permission.ROTATION_GENERATE)
        return self._advance(actor, plan_id, version, "approved", "published")

    def _advance(self, actor: CurrentUser, plan_id: int, version: int, src: str,
                 dst: str) -> RotationPlan:
        with self.db.write() as s:
            plan = s.get(RotationPlan, plan_id)
            if plan is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The rotation does not exist."))
            if plan.version != version:
                raise conflict("The rotation")
            if plan.status != src:
                raise FrozenError(QT_TRANSLATE_NOOP(
                    "errors", "The rotation is {status}; it cannot become {target}."),
                    status=ROTATION_STATES[plan.status], target=ROTATION_STATES[dst])
            plan.status = dst
            now = self.clock.now()
            if dst == "approved":
                plan.approved_by, plan.approved_at = actor.id, now
            else:
                plan.published_at = now
                # Shifts already created for those days take their duty unit now.
                for d in plan.days:
                    shift = s.scalar(select(Shift).where(Shift.desk_id == plan.desk_id,
                                                         Shift.duty_date == d.day))
                    if shift is not None and shift.duty_unit_id is None:
                        shift.duty_unit_id = d.unit_id
            s.flush()
            record_change(s, self.clock, plan.desk_id, Topic.ROTATION, plan.id)
            return plan

    def rotation(self, desk_id: int, week_start: date) -> RotationPlan | None:
        with self.db.read() as s:
            return s.scalar(select(RotationPlan).where(RotationPlan.desk_id == desk_id,
                                                       RotationPlan.week_start == week_start))
