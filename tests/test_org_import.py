"""Reference-data import: the demo site, idempotent upserts, all-or-nothing on
error with file and line, units CSV, and editing a unit with optimistic locking."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.auth import verify_password
from app.db.models import OrgUnit, UserAccount
from app.demo import SITE_FILE
from app.errors import (
    AuthenticationFailed,
    ConflictError,
    ImportFileError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.org import parse_units_csv, parse_yaml

TABLES = ("org_unit", "desk", "user_account", "user_role", "holiday", "log_chain_head",
          "change_event")
# holidays: 2026–2032, as many as the file lists
DEMO = {"units": 23, "desks": 3, "users": 13, "holidays": len(parse_yaml(SITE_FILE).holidays)}


def _counts(ctx) -> dict[str, int]:
    with ctx.db.engine.connect() as c:
        return {t: c.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


def _unit(ctx, code: str) -> OrgUnit | None:
    with ctx.db.read() as s:
        return s.scalar(select(OrgUnit).where(OrgUnit.code == code))


def _file(tmp_path: Path, name: str, content: str, bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + textwrap.dedent(content).lstrip("\n"),
                    encoding="utf-8")
    return path


# -- the demo site -----------------------------------------------------------------------
def test_demo_site_parses_and_is_in_the_database(ctx):
    data = parse_yaml(SITE_FILE)
    assert (len(data.units), len(data.desks), len(data.users), len(data.holidays)) == \
        (DEMO["units"], DEMO["desks"], DEMO["users"], DEMO["holidays"])
    counts = _counts(ctx)
    assert counts["org_unit"] == DEMO["units"] and counts["desk"] == DEMO["desks"]
    assert counts["user_account"] == DEMO["users"] and counts["holiday"] == DEMO["holidays"]
    assert counts["log_chain_head"] == DEMO["desks"]      # one chain per desk
    assert len(ctx.reference.rotation_units()) == 7
    gstt, dtcbl = _unit(ctx, "GSTT"), _unit(ctx, "DTCBL")
    assert gstt.parent_id == dtcbl.id and dtcbl.parent_id == _unit(ctx, "CHQ").id
    assert dtcbl.phone == "024 3944 0201" and dtcbl.rotation_order == 2
    hq = ctx.reference.desk_by_code("HQ")
    assert hq.unit_id == _unit(ctx, "CHQ").id and hq.place == "Hà Nội"
    with pytest.raises(NotFound):
        ctx.reference.desk_by_code("NOPE")


def test_import_twice_is_idempotent(ctx):
    before = _counts(ctx)
    ids = {u.code: u.id for u in ctx.reference.units()}
    hashes = {u.username: u.password_hash for u in ctx.reference.users()}
    for _ in range(2):
        assert ctx.reference.import_site(None, parse_yaml(SITE_FILE)) == DEMO
        after = _counts(ctx)
        assert {k: v for k, v in after.items() if k != "change_event"} == \
            {k: v for k, v in before.items() if k != "change_event"}
    assert {u.code: u.id for u in ctx.reference.units()} == ids
    # Existing passwords are kept (a re-import does not reset what users changed).
    assert {u.username: u.password_hash for u in ctx.reference.users()} == hashes
    assert ctx.accounts.authenticate("truongca", "demo123")


def test_import_updates_in_place(ctx, tmp_path, users):
    ctx.accounts.set_password(users["giamsat1"], users["giamsat1"].id, "mat-khau-rieng")
    content = SITE_FILE.read_text(encoding="utf-8")
    content = content.replace('"024 3944 0201"', '"024 3944 9999"')
    content = content.replace("full_name: Đỗ Quang Huy", "full_name: Đỗ Quang Huy (GSTT)")
    content = content.replace("roles: [officer],\n     desk: HQ, unit: GSTT, password: demo123}\n"
                              "  - {username: giamsat2",
                              "roles: [officer, clerk],\n     desk: HQ, unit: GSTT, "
                              "password: demo123}\n  - {username: giamsat2", 1)
    before = _counts(ctx)
    ctx.reference.import_site(None, parse_yaml(_file(tmp_path, "site.yaml", content)))
    assert _unit(ctx, "DTCBL").phone == "024 3944 9999"
    me = ctx.accounts.authenticate("giamsat1", "mat-khau-rieng")
    assert me.full_name == "Đỗ Quang Huy (GSTT)" and me.roles == frozenset({"officer", "clerk"})
    after = _counts(ctx)
    assert after["org_unit"] == before["org_unit"]
    assert after["user_account"] == before["user_account"]
    assert after["user_role"] == before["user_role"] + 1


def test_reset_password_on_import(ctx, tmp_path, users):
    ctx.accounts.set_password(users["giamsat1"], users["giamsat1"].id, "mat-khau-rieng")
    path = _file(tmp_path, "users.yaml", """
        units:
          - {code: CHQ, name: Cục Hải quan, kind: hq}
        desks:
          - {code: HQ, name: Trực ban Cục Hải quan, kind: hq, unit: CHQ}
        users:
          - {username: giamsat1, full_name: Đỗ Quang Huy, roles: [officer], desk: HQ,
             password: cap-lai-123, reset_password: true}
    """)
    ctx.reference.import_site(None, parse_yaml(path))
    assert ctx.accounts.authenticate("giamsat1", "cap-lai-123")


def test_import_needs_admin_reference(ctx, users):
    before = _counts(ctx)
    with pytest.raises(PermissionDenied):
        ctx.reference.import_site(users["giamsat1"], parse_yaml(SITE_FILE))
    assert _counts(ctx) == before
    assert ctx.reference.import_site(users["admin"], parse_yaml(SITE_FILE)) == DEMO


def test_import_is_all_or_nothing_when_the_write_fails(ctx):
    """A failure in the middle of the transaction (here a password that skipped
    validation) leaves nothing behind: not the units and desks written before it."""
    data = parse_yaml(SITE_FILE)
    data.units.append({"code": "NEW1", "name": "Đơn vị mới", "kind": "team", "parent": "CHQ",
                       "__line__": 1})
    data.desks.append({"code": "NEWDESK", "name": "Bàn mới", "kind": "regional",
                       "unit": "NEW1", "__line__": 1})
    data.users.append({"username": "new.user", "full_name": "Người mới", "roles": ["officer"],
                       "password": "123", "__line__": 1})
    before = _counts(ctx)
    with pytest.raises(ValidationError):
        ctx.reference.import_site(None, data)
    assert _counts(ctx) == before
    assert _unit(ctx, "NEW1") is None
    with pytest.raises(NotFound):
        ctx.reference.desk_by_code("NEWDESK")


# -- bad files -----------------------------------------------------------------------------
GOOD_HEAD = """\
units:
  - code: CHQ
    name: Cục Hải quan
    kind: hq
    children:
      - {code: GSQL, name: Ban Giám sát quản lý, kind: hq_department}
desks:
  - {code: HQ, name: Trực ban Cục, kind: hq, unit: CHQ}
"""


@pytest.mark.parametrize("tail,expected", [
    # line 7: a unit whose parent is not in the file
    ("  - {code: KV9, name: Chi cục IX, kind: regional_branch, parent: KV99}\n",
     [(7, "unknown parent KV99")]),
    ("  - {code: GSQL, name: Trùng mã, kind: team}\n", [(7, "duplicate unit code GSQL")]),
    ("  - {code: KV9, name: Chi cục IX, kind: castle}\n", [(7, "kind must be one of")]),
    ("  - {code: KV9, kind: team}\n", [(7, "name is required")]),
    ("  - {code: A1, name: A, kind: team, parent: A2}\n"
     "  - {code: A2, name: B, kind: team, parent: A1}\n",
     [(7, "unit A1: its parent chain leads back to itself"),
      (8, "unit A2: its parent chain leads back to itself")]),
    ("  - {code: SELF, name: S, kind: team, parent: SELF}\n", [(7, "leads back to itself")]),
], ids=["unknown-parent", "duplicate-code", "bad-kind", "no-name", "cycle", "own-parent"])
def test_invalid_units_are_reported_with_lines(ctx, tmp_path, tail, expected):
    # Insert the extra units after the GSQL child, at top level (line 7 on).
    head = GOOD_HEAD.replace("desks:\n", tail + "desks:\n")
    path = _file(tmp_path, "site-bad.yaml", head)
    before = _counts(ctx)
    with pytest.raises(ImportFileError) as err:
        ctx.reference.import_site(None, parse_yaml(path))
    problems = err.value.problems
    for line, fragment in expected:
        assert any(f == "site-bad.yaml" and ln == line and fragment in msg
                   for f, ln, msg in problems), problems
    message = err.value.message()
    assert "nothing was imported" in message and f"site-bad.yaml:{expected[0][0]}:" in message
    assert _counts(ctx) == before


@pytest.mark.parametrize("users_block,line,fragment", [
    ("  - {username: x1, full_name: X, roles: [officer, boss], password: demo123}\n", 10,
     "roles must be some of"),
    ("  - {username: x1, full_name: X, roles: [officer]}\n", 10, "password of at least 6"),
    ("  - {username: x1, full_name: X, roles: [officer], password: '12345'}\n", 10,
     "password of at least 6"),
    ("  - {username: x1, full_name: X, roles: [], password: demo123}\n", 10, "roles must be"),
    ("  - {username: x1, roles: [officer], password: demo123}\n", 10, "full_name is required"),
    ("  - {username: x1, full_name: X, roles: [officer], desk: KV9, password: demo123}\n", 10,
     "unknown desk KV9"),
    ("  - {username: x1, full_name: X, roles: [officer], password: demo123}\n"
     "  - {username: x1, full_name: Y, roles: [clerk], password: demo123}\n", 11,
     "duplicate user x1"),
], ids=["unknown-role", "no-password", "short-password", "no-roles", "no-full-name",
        "unknown-desk", "duplicate-user"])
def test_invalid_users_are_reported_with_lines(ctx, tmp_path, users_block, line, fragment):
    path = _file(tmp_path, "users-bad.yaml", GOOD_HEAD + "users:\n" + users_block)
    before = _counts(ctx)
    with pytest.raises(ImportFileError) as err:
        ctx.reference.import_site(None, parse_yaml(path))
    assert any(f == "users-bad.yaml" and ln == line and fragment in msg
               for f, ln, msg in err.value.problems), err.value.problems
    assert _counts(ctx) == before
    with pytest.raises(AuthenticationFailed):  # the account was not created
        ctx.accounts.authenticate("x1", "demo123")


def test_all_problems_are_listed_at_once(ctx, tmp_path):
    path = _file(tmp_path, "many.yaml", GOOD_HEAD.replace(
        "desks:\n",
        "  - {code: K1, name: K1, kind: castle}\n"
        "  - {code: K2, name: K2, kind: team, parent: NOWHERE}\n"
        "desks:\n") + "users:\n  - {username: z, full_name: Z, roles: [boss], password: p}\n")
    with pytest.raises(ImportFileError) as err:
        parse_yaml(path)
    lines = sorted(ln for _f, ln, _m in err.value.problems)
    assert lines == [7, 8, 12, 12]


def test_yaml_syntax_error_names_file_and_line(ctx, tmp_path):
    path = _file(tmp_path, "broken.yaml", """
        units:
          - code: CHQ
            name: [Cục Hải quan
            kind: hq
        desks: []
    """)
    before = _counts(ctx)
    with pytest.raises(ImportFileError) as err:
        ctx.reference.import_site(None, parse_yaml(path))
    ((name, line, _msg),) = err.value.problems
    assert name == "broken.yaml" and line in (4, 5, 6)
    assert f"broken.yaml:{line}:" in err.value.message()
    assert _counts(ctx) == before


def test_a_file_that_is_not_a_mapping(tmp_path):
    with pytest.raises(ImportFileError) as err:
        parse_yaml(_file(tmp_path, "list.yaml", "- a\n- b\n"))
    assert err.value.problems[0][:2] == ("list.yaml", 1)
    with pytest.raises(ImportFileError) as err:
        parse_yaml(tmp_path / "absent.yaml")
    assert err.value.problems[0][0] == "absent.yaml"


# -- units CSV --------------------------------------------------------------------------------
CSV_HEADER = "code,name,short_name,kind,parent,phone,fax,email,rotation_order\n"


def test_units_csv_good(ctx, tmp_path):
    path = _file(tmp_path, "units.csv", CSV_HEADER +
                 "KV9,Chi cục Hải quan khu vực IX,CCHQ KV IX,regional_branch,,0236 3822 000,"
                 "0236 3822 001,kv9@customs.gov.vn,\n"
                 "KV9-DN,\"Hải quan cảng Đà Nẵng, khu vực I\",,sub_department,KV9,"
                 "0236 3822 100,,,\n"
                 "KV9-DN-GS,Đội Giám sát,,team,KV9-DN,,,,\n", bom=True)
    data = parse_units_csv(path)
    assert [(u["code"], u["__line__"]) for u in data.units] == \
        [("KV9", 2), ("KV9-DN", 3), ("KV9-DN-GS", 4)]
    assert data.units[1]["name"] == "Hải quan cảng Đà Nẵng, khu vực I"
    assert "rotation_order" not in data.units[0] and "fax" not in data.units[1]
    before = _counts(ctx)
    assert ctx.reference.import_site(None, data) == {"units": 3, "desks": 0, "users": 0,
                                                     "holidays": 0}
    assert _counts(ctx)["org_unit"] == before["org_unit"] + 3
    kv9, dn = _unit(ctx, "KV9"), _unit(ctx, "KV9-DN")
    assert dn.parent_id == kv9.id and _unit(ctx, "KV9-DN-GS").parent_id == dn.id
    assert kv9.phone == "0236 3822 000" and kv9.email == "kv9@customs.gov.vn"


def test_units_csv_rotation_order_is_an_int(tmp_path):
    path = _file(tmp_path, "rot.csv", CSV_HEADER + "D1,Ban Một,,hq_department,,,,,3\n")
    assert parse_units_csv(path).units[0]["rotation_order"] == 3


def test_units_csv_missing_column(ctx, tmp_path):
    path = _file(tmp_path, "units.csv", "code,name,parent\nKV9,Chi cục IX,\n")
    with pytest.raises(ImportFileError) as err:
        parse_units_csv(path)
    assert err.value.problems == [("units.csv", 1, "missing column(s): kind")]
    assert "units.csv:1: missing column(s): kind" in err.value.message()


def test_units_csv_bad_rows_with_lines(ctx, tmp_path):
    path = _file(tmp_path, "units.csv", CSV_HEADER +
                 "D1,Ban Một,,hq_department,,,,,1\n"
                 "D2,Ban Hai,,hq_department,,,,,x\n"
                 "D3,Ban Ba,,hq_department,,,,,9\n"
                 "D4,Ban Bốn,,bureau,,,,,\n"
                 "D5,Ban Năm,,team,D9,,,,\n")
    before = _counts(ctx)
    with pytest.raises(ImportFileError) as err:
        ctx.reference.import_site(None, parse_units_csv(path))
    got = {(ln, msg.split(":")[0]) for _f, ln, msg in err.value.problems}
    assert got == {(3, "unit D2"), (4, "unit D3"), (5, "unit D4"), (6, "unit D5")}
    assert all(f == "units.csv" for f, _ln, _m in err.value.problems)
    assert any("rotation_order must be 1 to 7" in m for _f, ln, m in err.value.problems if ln == 3)
    assert _counts(ctx) == before
    assert _unit(ctx, "D1") is None  # the good row was not written either


# -- editing a unit ---------------------------------------------------------------------------
def test_update_unit(ctx, users):
    unit = _unit(ctx, "GSQL")
    admin = users["admin"]
    updated = ctx.reference.update_unit(admin, unit.id, unit.version, phone="024 3944 1111",
                                        fax="024 3944 1112")
    assert updated.version == unit.version + 1
    again = _unit(ctx, "GSQL")
    assert (again.phone, again.fax, again.version) == ("024 3944 1111", "024 3944 1112",
                                                        unit.version + 1)
    # The editor that read the old version gets a conflict; nothing changes.
    with pytest.raises(ConflictError):
        ctx.reference.update_unit(admin, unit.id, unit.version, phone="000")
    assert _unit(ctx, "GSQL").phone == "024 3944 1111"


def test_update_unit_needs_admin(ctx, users):
    unit = _unit(ctx, "GSQL")
    for name in ("giamsat1", "truongca", "tonghop"):
        with pytest.raises(PermissionDenied):
            ctx.reference.update_unit(users[name], unit.id, unit.version, phone="000")
    assert _unit(ctx, "GSQL").phone == unit.phone and _unit(ctx, "GSQL").version == unit.version
    with pytest.raises(NotFound):
        ctx.reference.update_unit(users["admin"], 999999, 1, phone="000")


def test_users_listing_has_hashes_not_passwords(ctx):
    with ctx.db.read() as s:
        account = s.scalar(select(UserAccount).where(UserAccount.username == "admin"))
    assert account.password_hash.startswith("$argon2id$")
    assert verify_password(account.password_hash, "demo123")
