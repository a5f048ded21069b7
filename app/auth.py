"""Accounts, roles and permission checks: the one place that says who may do what
(DESIGN.md §2). Passwords are hashed with Argon2id; a new one needs
MIN_PASSWORD_LENGTH characters (accounts keep the passwords they have). Failed
log-ins slow down and then lock a user name (`LoginThrottle`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import logs
from app.clock import Clock, fmt_local
from app.db import scram
from app.db.engine import Database
from app.db.limits import too_long
from app.db.models import UserAccount, UserRole
from app.db.security import login_name
from app.errors import (
    QT_TRANSLATE_NOOP,
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
    conflict,
)
from app.org_names import NAMES

log = logs.get("auth")
_hasher = PasswordHasher()

#: the fewest characters of a password set from now on (existing ones keep working)
MIN_PASSWORD_LENGTH = 10
#: the floor of the set-up path that imports a site file without an actor (the demo
#: site's seed and the test fixtures): the site file's own check
SETUP_PASSWORD_LENGTH = 6


class Role(StrEnum):
    OFFICER = "officer"
    ROOM_LEADER = "room_leader"
    SHIFT_LEADER = "shift_leader"
    CLERK = "clerk"
    DIRECTOR = "director"
    UNIT_LIAISON = "unit_liaison"
    ADMIN = "admin"


ROLE_NAMES = {  # shown in the UI and printed on forms
    Role.OFFICER: "Công chức trực ban / giám sát",
    Role.ROOM_LEADER: "Lãnh đạo cấp phòng trực ban",
    Role.SHIFT_LEADER: "Lãnh đạo ca trực",
    Role.CLERK: "Công chức Phòng Tổng hợp",
    Role.DIRECTOR: f"{NAMES.head} / người được ủy quyền",
    Role.UNIT_LIAISON: "Đầu mối trực ban đơn vị",
    Role.ADMIN: "Quản trị hệ thống",
}


class Permission(StrEnum):
    LOG_WRITE = "log.write"
    LOG_CORRECT = "log.correct"
    LOG_PRINT = "log.print"
    LOG_VERIFY = "log.verify"
    HANDOVER_DRAFT = "handover.draft"
    HANDOVER_SIGN = "handover.sign"
    HANDOVER_ACKNOWLEDGE = "handover.acknowledge"
    SHIFT_FOCUS = "shift.focus"
    SHIFT_MEMBERS = "shift.members"
    ROTATION_GENERATE = "rotation.generate"
    ROTATION_APPROVE = "rotation.approve"
    NOTICE_SEND = "notice.send"
    DOCUMENT_NUMBER = "document.number"
    ADMIN_REFERENCE = "admin.reference"
    ADMIN_USERS = "admin.users"
    CAMERA_ADMIN = "admin.cameras"
    PTZ_PRESETS = "ptz.presets"        # save, rename, remove a camera's presets
    # Importing the camera map (reference positions and calibrations) that the
    # managing sub-department builds (Đ14.1.1b).
    CAMERA_MAP = "camera.map"


_ALL_ROOM = {Permission.LOG_WRITE, Permission.LOG_PRINT, Permission.LOG_VERIFY,
             Permission.NOTICE_SEND}
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset(_ALL_ROOM | {Permission.HANDOVER_DRAFT}),
    Role.ROOM_LEADER: frozenset(_ALL_ROOM | {Permission.HANDOVER_DRAFT, Permission.LOG_CORRECT,
                                             Permission.SHIFT_MEMBERS, Permission.DOCUMENT_NUMBER,
                                             Permission.PTZ_PRESETS, Permission.CAMERA_MAP}),
    Role.SHIFT_LEADER: frozenset(_ALL_ROOM | {
        Permission.LOG_CORRECT, Permission.HANDOVER_DRAFT, Permission.HANDOVER_SIGN,
        Permission.HANDOVER_ACKNOWLEDGE, Permission.SHIFT_FOCUS, Permission.SHIFT_MEMBERS,
        Permission.DOCUMENT_NUMBER, Permission.ROTATION_APPROVE, Permission.PTZ_PRESETS}),
    # The clerk of the Office keeps the log and generates the rotation (Đ5.2, Đ7.2d).
    Role.CLERK: frozenset(_ALL_ROOM | {Permission.LOG_CORRECT, Permission.HANDOVER_DRAFT,
                                       Permission.ROTATION_GENERATE, Permission.DOCUMENT_NUMBER}),
    Role.DIRECTOR: frozenset({Permission.LOG_PRINT, Permission.LOG_VERIFY,
                              Permission.ROTATION_APPROVE}),
    Role.UNIT_LIAISON: frozenset({Permission.LOG_PRINT}),
    Role.ADMIN: frozenset({Permission.ADMIN_REFERENCE, Permission.ADMIN_USERS,
                           Permission.CAMERA_ADMIN, Permission.PTZ_PRESETS, Permission.CAMERA_MAP,
                           Permission.LOG_VERIFY, Permission.ROTATION_GENERATE}),
}

PERMISSION_TEXT = {
    Permission.HANDOVER_SIGN: QT_TRANSLATE_NOOP("errors", "sign a handover"),
    Permission.HANDOVER_ACKNOWLEDGE: QT_TRANSLATE_NOOP("errors", "acknowledge a handover"),
    Permission.LOG_CORRECT: QT_TRANSLATE_NOOP("errors", "correct a duty-log entry"),
    Permission.LOG_WRITE: QT_TRANSLATE_NOOP("errors", "write in the duty log"),
    Permission.ROTATION_APPROVE: QT_TRANSLATE_NOOP("errors", "approve the rotation"),
    Permission.ROTATION_GENERATE: QT_TRANSLATE_NOOP("errors", "generate the rotation"),
    Permission.ADMIN_REFERENCE: QT_TRANSLATE_NOOP("errors", "edit reference data"),
    Permission.ADMIN_USERS: QT_TRANSLATE_NOOP("errors", "manage users"),
    Permission.CAMERA_ADMIN: QT_TRANSLATE_NOOP("errors", "manage the camera registry"),
    Permission.PTZ_PRESETS: QT_TRANSLATE_NOOP("errors", "change a camera's presets"),
    Permission.CAMERA_MAP: QT_TRANSLATE_NOOP("errors", "import the camera map"),
    Permission.SHIFT_FOCUS: QT_TRANSLATE_NOOP("errors", "set the shift's focus"),
    Permission.SHIFT_MEMBERS: QT_TRANSLATE_NOOP("errors", "assign shift members"),
}


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in user, as every service receives it."""

    id: int
    username: str
    full_name: str
    roles: frozenset[str]
    desk_id: int | None = None
    unit_id: int | None = None

    def can(self, permission: Permission) -> bool:
        return any(permission in GRANTS.get(Role(r), frozenset()) for r in self.roles
                   if r in Role._value2member_map_)

    def has_role(self, role: Role) -> bool:
        return role.value in self.roles


def require(user: CurrentUser, permission: Permission) -> None:
    """Raise PermissionDenied unless the user's roles grant `permission`."""
    if not user.can(permission):
        log.warning("denied %s to %s", permission, user.username)
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "{user} is not allowed to {action}."),
            user=user.full_name, action=PERMISSION_TEXT.get(permission, permission.value))


def hash_password(password: str, min_length: int = MIN_PASSWORD_LENGTH) -> str:
    if len(password) < min_length:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A password needs at least {count} characters."), count=min_length)
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def to_current(account: UserAccount) -> CurrentUser:
    return CurrentUser(id=account.id, username=account.username, full_name=account.full_name,
                       roles=account.role_codes, desk_id=account.desk_id, unit_id=account.unit_id)


def _check_lengths(**values: str | None) -> None:
    """Refuse an account's text too long for its column (before PostgreSQL does)."""
    for key, limit in too_long(UserAccount, values):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{field} is longer than {limit} characters."), field=key, limit=limit)


@dataclass
class _Failures:
    count: int
    last: datetime
    wait_until: datetime
    locked_until: datetime | None = None


class LoginThrottle:
    """Failed log-ins per user name (known or not: the answer must not tell): after
    FREE_FAILURES in a row the next attempt waits 1 s, and each further one twice as
    long as the one before (2 s, 4 s … MAX_DELAY); after LOCK_AFTER failures the name
    is locked for LOCK_FOR. A success, or LOCK_FOR without a failure, forgets them.
    Attempts refused here are not checked and not counted. Time comes from the
    injected clock.

    Kept in this process: the schema has no table for log-in attempts (a lockout
    shared by every console would need one, and a migration)."""

    FREE_FAILURES = 3
    MAX_DELAY = timedelta(seconds=60)
    LOCK_AFTER = 10
    LOCK_FOR = timedelta(minutes=15)

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, _Failures] = {}

    @staticmethod
    def _key(username: str) -> str:
        return username.strip().casefold()

    def check(self, username: str) -> None:
        """Raise AuthenticationFailed while the user name waits or is locked."""
        now = self.clock.now()
        with self._lock:
            f = self._failures.get(self._key(username))
            if f is None:
                return
            if f.locked_until is not None:
                if now < f.locked_until:
                    raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                        "errors", "Log-in as {user} is locked after {count} failed attempts; "
                                  "try again after {time}."),
                        user=username.strip(), count=f.count,
                        time=fmt_local(f.locked_until, with_date=False))
                del self._failures[self._key(username)]
                return
            if now - f.last >= self.LOCK_FOR:
                del self._failures[self._key(username)]
                return
            if now < f.wait_until:
                seconds = max(1, int((f.wait_until - now).total_seconds() + 0.999))
                raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                    "errors", "Too many failed log-ins as {user}: wait {seconds} s before "
                              "trying again."), user=username.strip(), seconds=seconds)

    def failed(self, username: str) -> None:
        now = self.clock.now()
        key = self._key(username)
        with self._lock:
            f = self._failures.get(key)
            count = 1 if f is None or now - f.last >= self.LOCK_FOR else f.count + 1
            extra = count - self.FREE_FAILURES      # 0 after the last free failure
            delay = (min(timedelta(seconds=2 ** extra), self.MAX_DELAY) if extra >= 0
                     else timedelta(0))
            locked = now + self.LOCK_FOR if count >= self.LOCK_AFTER else None
            self._failures[key] = _Failures(count, now, now + delay, locked)
            if len(self._failures) > 10_000:   # names tried at random: keep the newest
                for old in sorted(self._failures, key=lambda k: self._failures[k].last)[:5000]:
                    del self._failures[old]
        if locked is not None:
            log.warning("log-in as %r locked for %s after %d failures", username, self.LOCK_FOR,
                        count)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(self._key(username), None)


class AccountService:
    """Accounts. With `role_prefix` (PostgreSQL, one login role per person:
    app/db/security.py) the server checks the password (SCRAM) and says who the
    caller is (`<prefix>me()`, on session_user); logins and roles change only
    through the role manager's functions. Without it (SQLite, or a PostgreSQL URL
    with its own user) the Argon2 hash and the in-process checks do."""

    def __init__(self, db: Database, clock: Clock, throttle: LoginThrottle | None = None,
                 role_prefix: str | None = None) -> None:
        self.db = db
        self.throttle = throttle or LoginThrottle(clock)
        self.role_prefix = role_prefix
        #: with one login per person: whose login the database connection is
        self.logged_in: CurrentUser | None = None
        #: told (user id, password) after a successful log-in, and (session, user id,
        #: new password) inside the transaction that sets a password: the signing
        #: keys unlock and re-encrypt there (app/anchor/keys.py)
        self.on_login: list[Callable[[int, str], None]] = []
        self.on_password_set: list[Callable[[Session, int, str], None]] = []

    @property
    def personal(self) -> bool:
        return self.role_prefix is not None

    def _fn(self, name: str) -> str:
        return f'"{self.role_prefix}{name}"'

    def authenticate(self, username: str, password: str) -> CurrentUser:
        self.throttle.check(username)
        if self.role_prefix is not None:
            return self._authenticate_login(username, password)
        with self.db.read() as s:
            account = s.scalar(select(UserAccount).where(UserAccount.username == username.strip()))
            if account is None or not account.active or not verify_password(
                    account.password_hash, password):
                log.info("failed login for %r", username)
                self.throttle.failed(username)
                raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                    "errors", "Wrong user name or password."))
            log.info("login %s", account.username)
            self.throttle.succeeded(username)
            user = to_current(account)
        for hook in self.on_login:
            hook(user.id, password)
        return user

    def _authenticate_login(self, username: str, password: str) -> CurrentUser:
        assert self.role_prefix is not None
        try:
            self.logged_in = None
            self.db.log_in(login_name(self.role_prefix, username), password)
        except AuthenticationFailed:
            log.info("failed database login for %r", username)
            self.throttle.failed(username)
            raise
        except ValidationError:          # a user name no login can have
            self.throttle.failed(username)
            raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                "errors", "Wrong user name or password.")) from None
        with self.db.read() as s:
            # who the server says the caller is, not what the client claims
            me = s.scalar(text(f"SELECT {self._fn('me')}()"))
            account = s.get(UserAccount, me) if me is not None else None
            if account is None:
                self.db.log_out()
                raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                    "errors", "Wrong user name or password."))
            log.info("login %s (database login)", account.username)
            self.throttle.succeeded(username)
            self.logged_in = to_current(account)
        for hook in self.on_login:
            hook(self.logged_in.id, password)
        return self.logged_in

    def login_user_id(self) -> int | None:
        """With one login per person: the id of the user whose login the connection
        is (asked of the server once, when the log-in itself happened offline and the
        connection came later); None while unknown."""
        if self.logged_in is None and self.db.logged_in:
            with self.db.read() as s:
                me = s.scalar(text(f"SELECT {self._fn('me')}()"))
                account = s.get(UserAccount, me) if me is not None else None
                if account is not None:
                    self.logged_in = to_current(account)
        return self.logged_in.id if self.logged_in is not None else None

    def _personal_roles(self, s: Session, user_id: int, roles: list[str]) -> None:
        s.execute(text(f"SELECT {self._fn('set_roles')}(:id, :roles)"),
                  {"id": user_id, "roles": list(dict.fromkeys(roles))})

    def write_account(self, s: Session, account: UserAccount, roles: list[str], active: bool,
                      password: str | None, min_length: int = MIN_PASSWORD_LENGTH) -> None:
        """An account's roles, its being active and, when given, a new password, in the
        caller's transaction `s` (the site file's import). With one login per person
        through the role manager's functions, as the admin: a new account is inserted
        inactive and gets its login (SCRAM verifier and offline hash from the same
        password); only what changes is asked of them, so an admin's own entry in the
        file, unchanged, is not refused as a change to his own login."""
        roles = list(dict.fromkeys(roles))
        new = account.id is None
        hashed = hash_password(password, min_length) if password is not None else None
        if hashed is not None and (new or not self.personal):
            account.password_hash = hashed
        if not self.personal:
            account.active = active
            account.roles = [UserRole(role=r) for r in roles]
            s.add(account)
            return
        if new:
            account.active = False
            s.add(account)
        s.flush()
        if new or sorted(r.role for r in account.roles) != sorted(roles):
            self._personal_roles(s, account.id, roles)
        if new:
            s.execute(text(f"SELECT {self._fn('create_login')}(:id, :v)"),
                      {"id": account.id, "v": scram.verifier(password or "")})
        elif password is not None:
            s.execute(text(f"SELECT {self._fn('set_password')}(:id, :v, :h)"),
                      {"id": account.id, "v": scram.verifier(password), "h": hashed})
        if not new and account.active != active:
            s.execute(text(f"SELECT {self._fn('set_active')}(:id, :on)"),
                      {"id": account.id, "on": active})
        s.expire(account)

    def create_user(self, actor: CurrentUser | None, username: str, full_name: str,
                    password: str, roles: list[str], desk_id: int | None = None,
                    unit_id: int | None = None, title: str | None = None) -> int:
        """Create an account (actor None: set-up and import, before any admin exists)."""
        if actor is not None:
            require(actor, Permission.ADMIN_USERS)
        bad = [r for r in roles if r not in Role._value2member_map_]
        if bad or not roles:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown role(s): {roles}"),
                                  roles=", ".join(bad) or "-")
        _check_lengths(username=username, full_name=full_name, title=title)
        with self.db.read() as s:
            if s.scalar(select(UserAccount.id).where(UserAccount.username == username)):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "The user name {name} is already taken."), name=username)
        if self.personal:
            login_name(self.role_prefix or "", username)   # fits a login role
        with self.db.write() as s:
            account = UserAccount(username=username, full_name=full_name, title=title,
                                  password_hash=hash_password(password), desk_id=desk_id,
                                  unit_id=unit_id, active=not self.personal)
            if not self.personal:
                account.roles = [UserRole(role=r) for r in roles]
            s.add(account)
            s.flush()
            if self.personal:     # the role manager's functions, as the admin
                self._personal_roles(s, account.id, roles)
                s.execute(text(f"SELECT {self._fn('create_login')}(:id, :v)"),
                          {"id": account.id, "v": scram.verifier(password)})
            return account.id

    def update_user(self, actor: CurrentUser, user_id: int, version: int, *, full_name: str,
                    roles: list[str], active: bool, desk_id: int | None,
                    title: str | None = None) -> None:
        """Edit an account as the admin read it (optimistic locking)."""
        require(actor, Permission.ADMIN_USERS)
        bad = [r for r in roles if r not in Role._value2member_map_]
        if bad or not roles:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown role(s): {roles}"),
                                  roles=", ".join(bad) or "-")
        if not full_name.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A user needs a full name."))
        _check_lengths(full_name=full_name.strip(), title=title)
        with self.db.write() as s:
            account = s.get(UserAccount, user_id)
            if account is None:
                raise AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "Unknown user."))
            if account.version != version:
                raise conflict(account.full_name)
            account.full_name, account.title = full_name.strip(), title
            account.desk_id = desk_id
            if self.personal:
                s.flush()
                self._personal_roles(s, user_id, roles)
                if account.active != active:
                    s.execute(text(f"SELECT {self._fn('set_active')}(:id, :on)"),
                              {"id": user_id, "on": active})
                s.expire(account)
                return
            account.active = active
            account.roles = [UserRole(role=r) for r in dict.fromkeys(roles)]
            s.flush()

    def set_password(self, actor: CurrentUser, user_id: int, password: str) -> None:
        if actor.id != user_id:
            require(actor, Permission.ADMIN_USERS)
        with self.db.write() as s:
            account = s.get(UserAccount, user_id)
            if account is None:
                raise AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "Unknown user."))
            if self.personal:    # the login's SCRAM verifier and the offline cache's hash
                s.execute(text(f"SELECT {self._fn('set_password')}(:id, :v, :h)"),
                          {"id": user_id, "v": scram.verifier(password),
                           "h": hash_password(password)})
                s.expire(account)
            else:
                account.password_hash = hash_password(password)
            for hook in self.on_password_set:
                hook(s, user_id, password)
