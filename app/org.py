"""Reference data: organisation units as a tree, duty desks, users and holidays.
Imported from YAML or CSV files (all or nothing, errors with file and line) and
edited by an admin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from app import logs
from app.auth import (
    MIN_PASSWORD_LENGTH,
    SETUP_PASSWORD_LENGTH,
    AccountService,
    CurrentUser,
    Permission,
    Role,
    require,
)
from app.clock import Clock
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.limits import too_long
from app.db.models import Desk, Holiday, LogChainHead, OrgUnit, UserAccount
from app.errors import QT_TRANSLATE_NOOP, ImportFileError, NotFound, ValidationError, conflict
from app.parsing import line_of, load_yaml, read_csv

log = logs.get("org")

UNIT_KINDS = ("hq", "hq_department", "regional_branch", "sub_department", "team", "office")
UNIT_KIND_NAMES = {"hq": "Cơ quan Cục", "hq_department": "Đơn vị nghiệp vụ",
                   "regional_branch": "Chi cục Hải quan khu vực",
                   "sub_department": "Hải quan cửa khẩu",
                   "team": "Đội", "office": "Văn phòng"}
DESK_KINDS = ("hq", "regional")
# The texts of each record that go to a sized column (app.db.limits), and the desk's
# file keys that are named differently in the table.
_UNIT_TEXTS = ("code", "name", "short_name", "phone", "fax", "email", "address")
_DESK_TEXTS = ("code", "name", "place", "phone", "fax", "email")
_DESK_COLUMNS = {"phone": "duty_phone", "fax": "duty_fax"}
_USER_TEXTS = ("username", "full_name", "title", "phone")
GENESIS = "0" * 64


@dataclass
class SiteData:
    """A parsed reference-data set, validated, ready to write."""

    units: list[dict[str, Any]]
    desks: list[dict[str, Any]]
    users: list[dict[str, Any]]
    holidays: list[dict[str, Any]]
    filename: str = ""


def parse_yaml(path: Path) -> SiteData:
    name = path.name
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError([(name, 0, str(exc))]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ImportFileError([(name, (mark.line + 1) if mark else 0,
                                str(getattr(exc, "problem", exc)))]) from exc
    if not isinstance(raw, dict):
        raise ImportFileError([(name, 1, QT_TRANSLATE_NOOP(
            "errors", "the file must hold a mapping with units, desks, users"))])
    units: list[dict] = []
    shape: list[tuple[str, int, str, dict[str, object]]] = []

    def listed(owner: dict, key: str) -> list:
        """owner[key] as a list: absent or empty is none, anything else a problem."""
        value = owner.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            shape.append((name, line_of(owner, key), QT_TRANSLATE_NOOP(
                "errors", "'{key}' must be a list"), {"key": key}))
            return []
        return value

    def walk(items: list, parent: str | None) -> None:
        for item in items:
            if not isinstance(item, dict):
                units.append({"__line__": 0, "__bad__": True})
                continue
            children = listed(item, "children")
            item.pop("children", None)
            if parent and "parent" not in item:
                item["parent"] = parent
            units.append(item)
            walk(children, item.get("code"))

    walk(listed(raw, "units"), None)
    data = SiteData(units=units, desks=list(listed(raw, "desks")),
                    users=list(listed(raw, "users")), holidays=list(listed(raw, "holidays")),
                    filename=name)
    if shape:
        raise ImportFileError(shape)
    validate(data, name)
    return data


def parse_units_csv(path: Path) -> SiteData:
    """units.csv: code,name,short_name,kind,parent,phone,fax,email,rotation_order."""
    name = path.name
    try:
        content = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError([(name, 0, str(exc))]) from exc
    table = read_csv(content, name)
    required = {"code", "name", "kind"}
    missing = required - set(table.fieldnames)
    if missing:
        raise ImportFileError([(name, 1,
                                QT_TRANSLATE_NOOP("errors", "missing column(s): {columns}"),
                                {"columns": ", ".join(sorted(missing))})])
    units = []
    for line, row in table.rows:
        item: dict[str, Any] = {k: (v.strip() if isinstance(v, str) else v)
                                for k, v in row.items() if k and v not in (None, "")}
        item["__line__"] = line
        if "rotation_order" in item:
            try:
                item["rotation_order"] = int(item["rotation_order"])
            except ValueError:
                item["rotation_order"] = item["rotation_order"]
        units.append(item)
    data = SiteData(units=units, desks=[], users=[], holidays=[], filename=name)
    validate(data, name)
    return data


def validate(data: SiteData, filename: str, known_units: set[str] | None = None) -> None:
    problems: list[tuple[str, int, str, dict[str, object]]] = []
    codes: set[str] = set()

    def bad(item: dict, template: str, **values: object) -> None:
        problems.append((filename, int(item.get("__line__", 0)), template, values))

    for u in data.units:
        if u.get("__bad__"):
            bad(u, QT_TRANSLATE_NOOP("errors", "a unit must be a mapping"))
            continue
        code = str(u.get("code") or "").strip()
        if not code:
            bad(u, QT_TRANSLATE_NOOP("errors", "unit without code"))
        elif code in codes:
            bad(u, QT_TRANSLATE_NOOP("errors", "duplicate unit code {code}"), code=code)
        codes.add(code)
        if not str(u.get("name") or "").strip():
            bad(u, QT_TRANSLATE_NOOP("errors", "unit {code}: name is required"), code=code)
        if u.get("kind") not in UNIT_KINDS:
            bad(u, QT_TRANSLATE_NOOP("errors", "unit {code}: kind must be one of {kinds}"),
                code=code, kinds=', '.join(UNIT_KINDS))
        for key, limit in too_long(OrgUnit, u, only=_UNIT_TEXTS):
            bad(u, QT_TRANSLATE_NOOP("errors", "unit {code}: {field} is longer than {limit} "
                                               "characters"), code=code, field=key, limit=limit)
        ro = u.get("rotation_order")
        if ro is not None and (not isinstance(ro, int) or not 1 <= ro <= 7):
            bad(u, QT_TRANSLATE_NOOP("errors", "unit {code}: rotation_order must be 1 to 7"),
                code=code)
    all_units = codes | (known_units or set())
    for u in data.units:
        if u.get("parent") and u["parent"] not in all_units:
            bad(u, QT_TRANSLATE_NOOP("errors", "unit {code}: unknown parent {parent}"),
                code=u.get('code'), parent=u['parent'])
    # A unit that is its own ancestor would fall out of the tree (or loop a walk).
    parent_of = {u.get("code"): u.get("parent") for u in data.units if not u.get("__bad__")}
    for u in data.units:
        code = str(u.get("code") or "")
        if u.get("__bad__") or not code:
            continue
        p, steps = u.get("parent"), 0
        while p and p != code and steps <= len(parent_of):
            p, steps = parent_of.get(p), steps + 1
        if p and p == code:
            bad(u,
                QT_TRANSLATE_NOOP("errors", "unit {code}: its parent chain leads back to itself"),
                code=code)
    desk_codes: set[str] = set()
    for d in data.desks:
        if not isinstance(d, dict) or not d.get("code"):
            bad(d if isinstance(d, dict) else {}, QT_TRANSLATE_NOOP("errors", "desk without code"))
            continue
        if d["code"] in desk_codes:
            bad(d, QT_TRANSLATE_NOOP("errors", "duplicate desk code {code}"), code=d['code'])
        desk_codes.add(d["code"])
        if d.get("kind") not in DESK_KINDS:
            bad(d, QT_TRANSLATE_NOOP("errors", "desk {code}: kind must be hq or regional"),
                code=d['code'])
        if d.get("unit") not in all_units:
            bad(d, QT_TRANSLATE_NOOP("errors", "desk {code}: unknown unit {unit}"),
                code=d['code'], unit=d.get('unit'))
        if not d.get("name"):
            bad(d, QT_TRANSLATE_NOOP("errors", "desk {code}: name is required"), code=d['code'])
        for key, limit in too_long(Desk, d, _DESK_COLUMNS, only=_DESK_TEXTS):
            bad(d, QT_TRANSLATE_NOOP("errors", "desk {code}: {field} is longer than {limit} "
                                               "characters"), code=d['code'], field=key,
                limit=limit)
    names: set[str] = set()
    for user in data.users:
        if not isinstance(user, dict) or not user.get("username"):
            bad(user if isinstance(user, dict) else {}, QT_TRANSLATE_NOOP(
                "errors", "user without username"))
            continue
        un = user["username"]
        if un in names:
            bad(user, QT_TRANSLATE_NOOP("errors", "duplicate user {user}"), user=un)
        names.add(un)
        if not user.get("full_name"):
            bad(user, QT_TRANSLATE_NOOP("errors", "user {user}: full_name is required"), user=un)
        for key, limit in too_long(UserAccount, user, only=_USER_TEXTS):
            bad(user, QT_TRANSLATE_NOOP("errors", "user {user}: {field} is longer than {limit} "
                                                  "characters"), user=un, field=key, limit=limit)
        roles = user.get("roles") or []
        if not roles or any(r not in Role._value2member_map_ for r in roles):
            bad(user, QT_TRANSLATE_NOOP("errors", "user {user}: roles must be some of {roles}"),
                user=un, roles=', '.join(r.value for r in Role))
        if user.get("desk") and user["desk"] not in desk_codes:
            bad(user, QT_TRANSLATE_NOOP("errors", "user {user}: unknown desk {desk}"),
                user=un, desk=user['desk'])
        if user.get("unit") and user["unit"] not in all_units:
            bad(user, QT_TRANSLATE_NOOP("errors", "user {user}: unknown unit {unit}"),
                user=un, unit=user['unit'])
        if not user.get("password") or len(str(user["password"])) < 6:
            bad(user, QT_TRANSLATE_NOOP(
                "errors", "user {user}: a password of at least 6 characters is required"),
                user=un)
    for h in data.holidays:
        if not isinstance(h, dict) or not isinstance(h.get("day"), date):
            bad(h if isinstance(h, dict) else {}, QT_TRANSLATE_NOOP(
                "errors", "holiday needs a day (YYYY-MM-DD)"))
    if problems:
        raise ImportFileError(problems)


class ReferenceData:
    """Reads and edits units, desks, users and holidays."""

    def __init__(self, db: Database, clock: Clock, accounts: AccountService | None = None
                 ) -> None:
        self.db = db
        self.clock = clock
        #: writes the users' roles, logins and passwords (through the role manager's
        #: functions on a database with one login per person)
        self.accounts = accounts or AccountService(db, clock)

    def import_site(self, actor: CurrentUser | None, data: SiteData) -> dict[str, int]:
        """Write a validated site in one transaction: units and desks are
        upserted by code, users by username. Nothing is written on error."""
        if actor is not None:
            require(actor, Permission.ADMIN_REFERENCE)
        counts = {"units": 0, "desks": 0, "users": 0, "holidays": 0}
        # A password the file sets (a new account, or reset_password) is a new password:
        # MIN_PASSWORD_LENGTH, as in the admin's editor. Only the set-up path without
        # an actor (the demo site, the tests' fixtures) keeps the file's old floor.
        min_length = SETUP_PASSWORD_LENGTH if actor is None else MIN_PASSWORD_LENGTH
        with self.db.write() as s:
            if actor is not None:  # named with file and line before anything is written
                known = set(s.scalars(select(UserAccount.username)))
                short = [(data.filename, int(item.get("__line__", 0)), QT_TRANSLATE_NOOP(
                    "errors", "user {user}: a new password needs at least {count} "
                              "characters"), {"user": item["username"], "count": min_length})
                    for item in data.users
                    if (item["username"] not in known or item.get("reset_password"))
                    and len(str(item.get("password") or "")) < min_length]
                if short:
                    raise ImportFileError(short)
            by_code = {u.code: u for u in s.scalars(select(OrgUnit))}
            for item in data.units:
                unit = by_code.get(item["code"]) or OrgUnit(code=item["code"])
                unit.name = item["name"]
                unit.short_name = item.get("short_name")
                unit.kind = item["kind"]
                unit.phone, unit.fax = _s(item.get("phone")), _s(item.get("fax"))
                unit.email, unit.address = item.get("email"), item.get("address")
                unit.rotation_order = item.get("rotation_order")
                unit.active = True
                s.add(unit)
                by_code[unit.code] = unit
                counts["units"] += 1
            s.flush()
            for item in data.units:
                if item.get("parent"):
                    by_code[item["code"]].parent_id = by_code[item["parent"]].id
            desks = {d.code: d for d in s.scalars(select(Desk))}
            for item in data.desks:
                desk = desks.get(item["code"]) or Desk(code=item["code"])
                desk.name, desk.kind = item["name"], item["kind"]
                desk.unit_id = by_code[item["unit"]].id
                desk.place = item.get("place") or "Hà Nội"
                desk.duty_phone, desk.duty_fax = _s(item.get("phone")), _s(item.get("fax"))
                desk.email = item.get("email")
                s.add(desk)
                s.flush()
                desks[desk.code] = desk
                if s.get(LogChainHead, desk.id) is None:
                    s.add(LogChainHead(desk_id=desk.id, seq=0, hash=GENESIS))
                counts["desks"] += 1
            users = {u.username: u for u in s.scalars(select(UserAccount))}
            for item in data.users:
                account = users.get(item["username"]) or UserAccount(username=item["username"])
                account.full_name = item["full_name"]
                account.title = item.get("title")
                account.phone = _s(item.get("phone"))
                account.desk_id = desks[item["desk"]].id if item.get("desk") else None
                account.unit_id = by_code[item["unit"]].id if item.get("unit") else None
                password = (str(item["password"]) if not account.password_hash
                            or item.get("reset_password") else None)
                self.accounts.write_account(s, account, item["roles"], True, password,
                                            min_length)
                counts["users"] += 1
            for item in data.holidays:
                s.merge(Holiday(day=item["day"], name=item.get("name", "")))
                counts["holidays"] += 1
            s.flush()
            record_change(s, self.clock, None, Topic.ORG)
        log.info("imported %s", counts)
        return counts

    def units(self) -> list[OrgUnit]:
        with self.db.read() as s:
            return list(s.scalars(select(OrgUnit).order_by(OrgUnit.parent_id.nulls_first(),
                                                           OrgUnit.rotation_order, OrgUnit.code)))

    def rotation_units(self) -> list[OrgUnit]:
        with self.db.read() as s:
            return list(s.scalars(select(OrgUnit).where(OrgUnit.rotation_order.is_not(None))
                                  .order_by(OrgUnit.rotation_order)))

    def desks(self) -> list[Desk]:
        with self.db.read() as s:
            return list(s.scalars(select(Desk).order_by(Desk.kind, Desk.code)))

    def desk_by_code(self, code: str) -> Desk:
        with self.db.read() as s:
            desk = s.scalar(select(Desk).where(Desk.code == code))
        if desk is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown duty desk '{code}'."), code=code)
        return desk

    def users(self) -> list[UserAccount]:
        with self.db.read() as s:
            return list(s.scalars(select(UserAccount).order_by(UserAccount.full_name)))

    def user_by_username(self, username: str) -> UserAccount:
        with self.db.read() as s:
            account = s.scalar(select(UserAccount).where(UserAccount.username == username))
        if account is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown user {name}"), name=username)
        return account

    def holidays(self) -> set[date]:
        with self.db.read() as s:
            return set(s.scalars(select(Holiday.day)))

    def update_unit(self, actor: CurrentUser, unit_id: int, version: int,
                    **changes: Any) -> OrgUnit:
        """Edit a unit; `version` is the one the editor read (optimistic locking)."""
        require(actor, Permission.ADMIN_REFERENCE)
        allowed = {"name", "short_name", "phone", "fax", "email", "address", "active"}
        with self.db.write() as s:
            unit = s.get(OrgUnit, unit_id)
            if unit is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The unit no longer exists."))
            if unit.version != version:
                raise conflict(unit.name)
            for key, limit in too_long(OrgUnit, changes, only=[
                    k for k in changes if k in allowed and isinstance(changes[k], str)]):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "unit {code}: {field} is longer than {limit} characters"),
                    code=unit.code, field=key, limit=limit)
            for key, value in changes.items():
                if key in allowed:
                    setattr(unit, key, value)
            s.flush()
            record_change(s, self.clock, None, Topic.ORG, unit.id)
            return unit


def _s(value: Any) -> str | None:
    return None if value is None else str(value)
