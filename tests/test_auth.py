"""Accounts and roles: Argon2id hashes, log-in, and the grants of DESIGN.md §2
checked on the services that enforce them, not only on `require`."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.auth import (
    GRANTS,
    CurrentUser,
    Permission,
    Role,
    hash_password,
    require,
    verify_password,
)
from app.db.models import Handover, UserAccount
from app.dutylog import EntryDraft
from app.errors import AuthenticationFailed, PermissionDenied, ValidationError


def _user_count(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(UserAccount))


# -- passwords -----------------------------------------------------------------------
def test_hash_is_argon2id_and_salted():
    h = hash_password("mật khẩu 123")
    assert h.startswith("$argon2id$")
    assert "mật khẩu" not in h
    assert hash_password("mật khẩu 123") != h  # a fresh salt every time
    assert verify_password(h, "mật khẩu 123")
    assert not verify_password(h, "mật khẩu 124")
    assert not verify_password(h, "")


def test_verify_rejects_a_garbage_hash_instead_of_raising():
    assert not verify_password("not-a-hash", "whatever")
    assert not verify_password("", "whatever")


def test_short_password_is_refused():
    with pytest.raises(ValidationError) as err:
        hash_password("123456789")
    assert "10 characters" in err.value.message()


# -- log-in --------------------------------------------------------------------------
def test_authenticate_right_password(ctx):
    user = ctx.accounts.authenticate("giamsat1", "demo123")
    assert isinstance(user, CurrentUser)
    assert user.username == "giamsat1" and user.full_name == "Đỗ Quang Huy"
    assert user.roles == frozenset({"officer"})
    assert user.desk_id == ctx.reference.desk_by_code("HQ").id
    # Surrounding blanks in the user name (typed or pasted) do not matter.
    assert ctx.accounts.authenticate("  giamsat1 ", "demo123").id == user.id


@pytest.mark.parametrize("username,password", [
    ("giamsat1", "demo124"),
    ("giamsat1", ""),
    ("giamsat1", " demo123"),
    ("nobody", "demo123"),
    ("GIAMSAT1", "demo123"),
])
def test_authenticate_failures_look_the_same(ctx, username, password):
    with pytest.raises(AuthenticationFailed) as err:
        ctx.accounts.authenticate(username, password)
    # Same message for a wrong password and an unknown user: no user enumeration.
    assert err.value.message() == "Wrong user name or password."


def test_inactive_user_cannot_log_in(ctx, users):
    assert ctx.accounts.authenticate("giamsat2", "demo123")
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE user_account SET active = :f WHERE username = 'giamsat2'"),
                  {"f": False})
    with pytest.raises(AuthenticationFailed):
        ctx.accounts.authenticate("giamsat2", "demo123")


def test_set_password_own_and_by_admin_only(ctx, users):
    ctx.accounts.set_password(users["giamsat1"], users["giamsat1"].id, "moi-mat-khau")
    assert ctx.accounts.authenticate("giamsat1", "moi-mat-khau").id == users["giamsat1"].id
    with pytest.raises(AuthenticationFailed):
        ctx.accounts.authenticate("giamsat1", "demo123")
    with pytest.raises(PermissionDenied):
        ctx.accounts.set_password(users["giamsat1"], users["giamsat2"].id, "chiem-quyen")
    assert ctx.accounts.authenticate("giamsat2", "demo123")
    ctx.accounts.set_password(users["admin"], users["giamsat2"].id, "dat-lai-mat-khau")
    assert ctx.accounts.authenticate("giamsat2", "dat-lai-mat-khau")


# -- the grants ------------------------------------------------------------------------
@pytest.mark.parametrize("role,permission,allowed", [
    (Role.OFFICER, Permission.LOG_WRITE, True),
    (Role.OFFICER, Permission.LOG_CORRECT, False),
    (Role.OFFICER, Permission.HANDOVER_SIGN, False),
    (Role.OFFICER, Permission.ADMIN_USERS, False),
    (Role.CLERK, Permission.LOG_CORRECT, True),
    (Role.CLERK, Permission.ROTATION_GENERATE, True),
    (Role.CLERK, Permission.HANDOVER_SIGN, False),
    (Role.SHIFT_LEADER, Permission.HANDOVER_SIGN, True),
    (Role.SHIFT_LEADER, Permission.HANDOVER_ACKNOWLEDGE, True),
    (Role.SHIFT_LEADER, Permission.ROTATION_APPROVE, True),
    (Role.SHIFT_LEADER, Permission.ADMIN_USERS, False),
    (Role.ROOM_LEADER, Permission.HANDOVER_SIGN, False),
    (Role.DIRECTOR, Permission.ROTATION_APPROVE, True),
    (Role.DIRECTOR, Permission.HANDOVER_SIGN, False),
    (Role.UNIT_LIAISON, Permission.LOG_WRITE, False),
    (Role.ADMIN, Permission.ADMIN_USERS, True),
    (Role.ADMIN, Permission.LOG_WRITE, False),
])
def test_grants(role, permission, allowed):
    user = CurrentUser(id=1, username="x", full_name="Người thử", roles=frozenset({role.value}))
    assert user.can(permission) is allowed
    assert (permission in GRANTS[role]) is allowed
    if allowed:
        require(user, permission)
    else:
        with pytest.raises(PermissionDenied) as err:
            require(user, permission)
        assert "Người thử is not allowed to" in err.value.message()


def test_roles_add_up_and_unknown_role_codes_grant_nothing():
    both = CurrentUser(id=1, username="x", full_name="x",
                       roles=frozenset({"officer", "clerk"}))
    assert both.can(Permission.LOG_CORRECT) and both.can(Permission.ROTATION_GENERATE)
    ghost = CurrentUser(id=2, username="y", full_name="y", roles=frozenset({"superuser"}))
    assert not any(ghost.can(p) for p in Permission)


def test_officer_cannot_sign_a_handover_through_the_service(ctx, users, desk):
    shift = ctx.roster.current_shift(desk.id)
    h = ctx.handover.save_draft(users["giamsat1"], shift.id, "Ca bình thường")
    with pytest.raises(PermissionDenied):
        ctx.handover.sign(users["giamsat1"], h.id, h.version)
    with ctx.db.read() as s:
        row = s.get(Handover, h.id)
        assert row.status == "draft" and row.signed_by is None and row.signature is None


def test_clerk_can_correct_the_log_officer_cannot(ctx, users, desk):
    original = ctx.dutylog.append(users["giamsat1"], desk.id,
                                  EntryDraft(kind="work", content="Kiểm tra camera cổng A"))
    with pytest.raises(PermissionDenied):
        ctx.dutylog.append(users["giamsat1"], desk.id, EntryDraft(
            kind="work", content="Kiểm tra camera cổng B", corrects_id=original.id,
            correction_reason="ghi nhầm cổng"))
    assert len(ctx.dutylog.entries(desk.id)) == 1
    fix = ctx.dutylog.append(users["tonghop"], desk.id, EntryDraft(
        kind="work", content="Kiểm tra camera cổng B", corrects_id=original.id,
        correction_reason="ghi nhầm cổng"))
    assert fix.corrects_id == original.id and fix.author_id == users["tonghop"].id


def test_admin_creates_users_officer_cannot(ctx, users, desk):
    before = _user_count(ctx)
    with pytest.raises(PermissionDenied):
        ctx.accounts.create_user(users["giamsat1"], "moi1", "Người Mới", "mat-khau-moi-1",
                                 ["officer"], desk_id=desk.id)
    assert _user_count(ctx) == before
    new_id = ctx.accounts.create_user(users["admin"], "moi1", "Người Mới", "mat-khau-moi-1",
                                      ["officer", "clerk"], desk_id=desk.id)
    assert _user_count(ctx) == before + 1
    me = ctx.accounts.authenticate("moi1", "mat-khau-moi-1")
    assert me.id == new_id and me.roles == frozenset({"officer", "clerk"})
    assert me.desk_id == desk.id
    with ctx.db.read() as s:
        assert s.get(UserAccount, new_id).password_hash.startswith("$argon2id$")


def test_unknown_role_is_rejected_and_nothing_written(ctx, users):
    before = _user_count(ctx)
    with pytest.raises(ValidationError) as err:
        ctx.accounts.create_user(users["admin"], "moi2", "Người Mới", "mat-khau-moi-1",
                                 ["officer", "superuser"])
    assert "superuser" in err.value.message()
    assert _user_count(ctx) == before
    with pytest.raises(AuthenticationFailed):
        ctx.accounts.authenticate("moi2", "mat-khau-moi-1")


def test_create_user_with_short_password_writes_nothing(ctx, users):
    before = _user_count(ctx)
    with pytest.raises(ValidationError):
        ctx.accounts.create_user(users["admin"], "moi3", "Người Mới", "123", ["officer"])
    assert _user_count(ctx) == before
