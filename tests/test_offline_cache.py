"""The offline cache: after a successful start the console keeps users (with
their password hashes), desks and the current and next shift, so it can log in
and show the shift when the shared database is down."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from app.cache import OfflineCache
from app.clock import FixedClock
from app.errors import AuthenticationFailed
from app.roster import MemberSpec, week_start_of
from tests.conftest import T0


@pytest.fixture
def staffed(ctx, users, desk):
    """Today's shift with a leader, an officer with an assignment, and a focus;
    the week's rotation published so the shift has its duty unit."""
    monday = week_start_of(ctx.roster.current_duty_date())
    plan = ctx.roster.generate_rotation(users["tonghop"], desk.id, monday)
    plan = ctx.roster.approve_rotation(users["cuctruong"], plan.id, plan.version)
    ctx.roster.publish_rotation(users["tonghop"], plan.id, plan.version)
    shift = ctx.roster.current_shift(desk.id)
    shift = ctx.roster.set_members(users["truongca"], shift.id, shift.version, [
        MemberSpec(users["truongca"].id, "shift_leader"),
        MemberSpec(users["giamsat1"].id, "officer", "Cửa khẩu Hữu Nghị; camera HN-01..08")])
    return ctx.roster.set_focus(users["truongca"], shift.id, shift.version,
                                "Hàng quá cảnh qua Hữu Nghị")


def test_cache_logs_in_with_the_right_password_only(ctx, users, desk, staffed):
    assert not ctx.cache.available
    ctx.refresh_cache(desk.id)
    assert ctx.cache.available and ctx.cache.saved_at
    # A fresh object on the same file: nothing comes from the database.
    cache = OfflineCache(ctx.data_dir / "offline-cache.json", ctx.clock)
    ctx.db.dispose()
    me = cache.authenticate("truongca", "demo123")
    assert me == users["truongca"]
    assert cache.authenticate(" giamsat1 ", "demo123").roles == frozenset({"officer"})
    for name, password in (("truongca", "demo124"), ("truongca", ""), ("nobody", "demo123")):
        with pytest.raises(AuthenticationFailed):
            cache.authenticate(name, password)


def test_cache_keeps_hashes_never_passwords_and_is_private(ctx, desk, staffed):
    ctx.refresh_cache(desk.id)
    path = ctx.data_dir / "offline-cache.json"
    raw = path.read_text(encoding="utf-8")
    assert "demo123" not in raw
    data = json.loads(raw)
    assert all(u["password_hash"].startswith("$argon2id$") for u in data["users"])
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not path.with_suffix(".tmp").exists()


def test_inactive_user_cannot_log_in_offline(ctx, desk, staffed):
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE user_account SET active = :f WHERE username = 'giamsat2'"),
                  {"f": False})
    ctx.refresh_cache(desk.id)
    with pytest.raises(AuthenticationFailed):
        ctx.cache.authenticate("giamsat2", "demo123")


def test_cache_finds_the_current_shift_with_its_members(ctx, users, desk, staffed):
    ctx.refresh_cache(desk.id)
    cache = OfflineCache(ctx.data_dir / "offline-cache.json", ctx.clock)
    now = ctx.clock.now()
    shift = cache.shift(desk.id, now)
    assert shift is not None
    assert (shift.id, shift.duty_date) == (staffed.id, ctx.roster.current_duty_date())
    assert (shift.starts_at, shift.ends_at) == (staffed.starts_at, staffed.ends_at)
    assert shift.focus == "Hàng quá cảnh qua Hữu Nghị"
    assert shift.members == [
        ("shift_leader", "Nguyễn Văn Hùng", ""),
        ("officer", "Đỗ Quang Huy", "Cửa khẩu Hữu Nghị; camera HN-01..08")]
    duty_unit = next(u for u in ctx.reference.units() if u.id == staffed.duty_unit_id)
    assert shift.duty_unit == duty_unit.name
    # Tomorrow's shift is kept too: a console that stays offline past 08:00 still knows it.
    tomorrow = cache.shift(desk.id, staffed.ends_at)
    assert tomorrow is not None and tomorrow.duty_date == shift.duty_date + timedelta(days=1)
    assert tomorrow.id != shift.id and tomorrow.members == []
    # Outside the two cached shifts, and for another desk: nothing.
    assert cache.shift(desk.id, staffed.starts_at - timedelta(seconds=1)) is None
    assert cache.shift(desk.id, tomorrow.ends_at) is None
    assert cache.shift(ctx.reference.desk_by_code("KV3").id, now) is None


def test_cache_keeps_the_desks(ctx, desk, staffed):
    ctx.refresh_cache(desk.id)
    hq = ctx.cache.desk("HQ")
    assert hq is not None and hq["id"] == desk.id and hq["place"] == "Hà Nội"
    assert hq["duty_fax"] == "024 3944 0069"
    assert ctx.cache.desk("KV7")["kind"] == "regional"
    assert ctx.cache.desk("NOPE") is None


def test_a_missing_or_broken_cache_is_just_unavailable(tmp_path):
    cache = OfflineCache(tmp_path / "absent.json", FixedClock(T0))
    assert not cache.available and cache.saved_at is None
    assert cache.shift(1, datetime(2026, 11, 27, 2, 0)) is None
    with pytest.raises(AuthenticationFailed):
        cache.authenticate("truongca", "demo123")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert not OfflineCache(broken, FixedClock(T0)).available
    assert OfflineCache(broken, FixedClock(T0)).desk("HQ") is None
