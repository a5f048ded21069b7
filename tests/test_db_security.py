"""The tests an attacker writes (issue 11): a throwaway PostgreSQL cluster that asks
every connection for a SCRAM-SHA-256 password, the schema and the demo site set up
by `security.apply` under role names prefixed per test (removed afterwards), the
client's own login roles, and plain SQL that tries to get around the rules.

The machine's own server trusts every local password: nothing here runs on it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from app.auth import CurrentUser, Role, to_current
from app.clock import FixedClock
from app.context import AppContext
from app.db import security
from app.db.engine import Database
from app.db.models import Base, IncidentStep
from app.demo import SITE_FILE
from app.dutylog import EntryDraft
from app.errors import AuthenticationFailed, DatabaseUnavailable, DomainError
from app.org import parse_yaml
from app.roster import MemberSpec
from app.settings import Settings
from app.workflow.incidents import IncidentDraft
from app.workflow.rules import Action, Handling
from tests.conftest import T0
from tests.helpers.pg import PgServer
from tests.test_workflow_processes import N as RACES
from tests.test_workflow_processes import assert_decided_once, propose_many, race

pytestmark = [pytest.mark.postgres]

#: a password SASLprep normalises (Vietnamese letters), long enough for new passwords
PASSWORD = "Mật khẩu trực ban 2026"
LOGINS = ("admin", "truongca", "truongca2", "lanhdaophong", "giamsat1", "giamsat2",
          "cuctruong", "kv3.giamsat")


@pytest.fixture(scope="module")
def scram_server() -> Iterator[PgServer]:
    server = PgServer(scram=True)
    yield server
    server.stop()


@dataclass
class Site:
    server: PgServer
    dbname: str
    prefix: str
    superuser_url: str
    url: str            # no user: the client's personal-login URL
    tmp: Path

    def sql(self, username: str, password: str = PASSWORD) -> psycopg.Connection:
        """A plain connection as a user's own login, as an attacker at his workstation
        would open one (psql, a script)."""
        return psycopg.connect(host=self.server.host, port=self.server.port,
                               dbname=self.dbname, user=security.login_name(self.prefix, username),
                               password=password, autocommit=True, connect_timeout=5)

    def context(self, name: str = "console") -> AppContext:
        data = self.tmp / name
        settings = Settings(data_dir=str(data), database_url=self.url,
                            database_personal_login=True, database_role_prefix=self.prefix)
        return AppContext(settings=settings, clock=FixedClock(T0),
                          db=Database(self.url, personal_login=True), data_dir=data)

    def login(self, username: str, name: str | None = None) -> tuple[AppContext, CurrentUser]:
        ctx = self.context(name or username)
        user = ctx.accounts.authenticate(username, PASSWORD)
        ctx.connect()
        return ctx, user


def _seeded(server: PgServer, tmp_path: Path) -> tuple[str, str]:
    """A new database on the cluster, migrated and holding the demo site, as the
    superuser leaves it before `--db-setup`. (name, superuser URL)"""
    name = server.create()
    superuser_url = server.url(name)
    db = Database(superuser_url)
    db.migrate()
    seed = AppContext(settings=Settings(data_dir=str(tmp_path / "seed")), clock=FixedClock(T0),
                      db=db, data_dir=tmp_path / "seed")
    seed.reference.import_site(None, parse_yaml(SITE_FILE))
    seed.close()
    return name, superuser_url


def _personal_url(superuser_url: str) -> str:
    """The same database without a user: the workstation's personal-login URL."""
    u = make_url(superuser_url)
    return URL.create(u.drivername, host=u.host, port=u.port,
                      database=u.database).render_as_string()


def _drop_roles(server: PgServer, prefix: str) -> None:
    admin = Database(server.url("postgres"))
    with admin.engine.begin() as conn:
        security.drop(conn, prefix)
    admin.dispose()


@pytest.fixture
def site(scram_server: PgServer, tmp_path: Path) -> Iterator[Site]:
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    name, superuser_url = _seeded(scram_server, tmp_path)
    db = Database(superuser_url)
    with db.engine.begin() as conn:
        security.apply(conn, prefix)
        for username in LOGINS:
            security.bootstrap_login(conn, prefix, username, PASSWORD)
    db.dispose()
    yield Site(scram_server, name, prefix, superuser_url, _personal_url(superuser_url),
               tmp_path)
    scram_server.drop(name)
    _drop_roles(scram_server, prefix)
    admin = Database(scram_server.url("postgres"))
    with admin.engine.begin() as conn:
        left = conn.execute(text("SELECT count(*) FROM pg_roles WHERE rolname LIKE :p"),
                            {"p": prefix + "%"}).scalar_one()
    admin.dispose()
    assert left == 0, "the test's roles were not removed"


def refused(conn: psycopg.Connection, sql: str, params: tuple = ()) -> str:
    """Run `sql`; it must be refused by the server. Returns the server's message."""
    with pytest.raises(psycopg.Error) as info:
        conn.execute(sql, params)
    return str(info.value)


# -- every table covered -----------------------------------------------------------
def test_every_model_table_has_a_security_rule() -> None:
    """A new table (the data panels add about ten) fails here until TABLES says who
    reads and writes it; and apply() refuses a database holding one without."""
    tables = set(Base.metadata.tables) | {"alembic_version"}
    assert tables - set(security.TABLES) == set(), "tables without a security rule"
    assert set(security.TABLES) - tables == set(), "rules for tables that do not exist"
    with pytest.raises(security.SecurityError, match="new_panel_table"):
        security.statements("dr_", [*tables, "new_panel_table"], "db")


def test_apply_covers_every_table_of_the_database(site: Site) -> None:
    with psycopg.connect(site.server.admin.rsplit("/", 1)[0] + "/" + site.dbname) as conn:
        rows = conn.execute(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, r.rolname, "
            "       (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname "
            "          AND p.schemaname = 'public'), "
            "       has_table_privilege(%s, c.oid, 'SELECT') "
            "  FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
            " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'",
            (site.prefix + "staff",)).fetchall()
        logins = conn.execute(
            "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles "
            "WHERE rolname LIKE %s", (site.prefix + "%",)).fetchall()
    assert len(rows) == len(security.TABLES)
    for name, rls, force, owner, policies, readable in rows:
        assert rls and force, f"{name}: row-level security not forced"
        assert owner == site.prefix + "owner", f"{name} owned by {owner}"
        assert policies >= 2, f"{name}: no policies"
        assert readable, f"{name}: staff cannot read it"
    by_name = {r[0]: r[1:] for r in logins}
    assert by_name[site.prefix + "owner"] == (False, False, False, False)
    assert by_name[site.prefix + "manager"][3] is False          # NOLOGIN
    for username in LOGINS:
        sup, createrole, createdb, login = by_name[security.login_name(site.prefix, username)]
        assert (sup, createrole, createdb, login) == (False, False, False, True)


# -- identity -----------------------------------------------------------------------
def test_each_officer_logs_in_with_his_own_scram_login(site: Site) -> None:
    ctx = site.context()
    try:
        with pytest.raises(DatabaseUnavailable):       # nothing before the log-in
            ctx.reference.desks()
        with pytest.raises(AuthenticationFailed):
            ctx.accounts.authenticate("giamsat1", PASSWORD + "x")
        with pytest.raises(AuthenticationFailed):      # unknown: the same answer
            ctx.accounts.authenticate("nobody", PASSWORD)
        user = ctx.accounts.authenticate("giamsat1", PASSWORD)
        assert user.username == "giamsat1" and user.roles == frozenset({"officer"})
        with ctx.db.read() as s:
            assert s.execute(text("SELECT session_user")).scalar_one() == \
                security.login_name(site.prefix, "giamsat1")
    finally:
        ctx.close()
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        site.sql("giamsat1", "demo123")     # the seed's Argon2 password is not the login's


def test_the_admins_user_editor_creates_and_disables_logins(site: Site) -> None:
    ctx, admin = site.login("admin")
    try:
        desk = ctx.reference.desk_by_code("HQ")
        new_id = ctx.accounts.create_user(admin, "giamsat9", "Trần Văn Chín", PASSWORD,
                                          [Role.OFFICER], desk_id=desk.id)
        other, user = site.login("giamsat9")
        assert user.id == new_id and user.roles == frozenset({"officer"})
        other.close()
        account = next(u for u in ctx.reference.users() if u.id == new_id)
        ctx.accounts.update_user(admin, new_id, account.version, full_name="Trần Văn Chín",
                                 roles=[Role.OFFICER], active=False, desk_id=desk.id)
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            site.sql("giamsat9")
        with pytest.raises(DomainError):         # the admin does not promote himself
            ctx.accounts.update_user(admin, admin.id, next(
                u for u in ctx.reference.users() if u.id == admin.id).version,
                full_name="Quản trị hệ thống", roles=[Role.ADMIN, Role.SHIFT_LEADER],
                active=True, desk_id=desk.id)
    finally:
        ctx.close()


def test_the_admins_site_import_goes_through_the_role_functions(site: Site,
                                                                  tmp_path: Path) -> None:
    """The site file imported by the admin on a personal-login database: a new user
    gets his login, a changed role reaches the login's groups, a reset password the
    login's verifier; the admin's own entry, unchanged, is not taken for a change of
    his own login."""
    giamsat2 = ("username: giamsat2, full_name: Vũ Thị Ngọc Ánh, title: Công chức Phòng GSTT, "
                "roles: [officer],\n     desk: HQ, unit: GSTT, password: demo123}")
    text_ = SITE_FILE.read_text(encoding="utf-8")
    assert giamsat2 in text_
    text_ = text_.replace(giamsat2, giamsat2.replace("[officer]", "[officer, clerk]").replace(
        "demo123}", "'Mật khẩu ca ba', reset_password: true}"))
    text_ = text_.replace("users:\n", "users:\n  - {username: giamsat9, full_name: Trần Văn Chín, "
                          f"roles: [officer], desk: HQ, unit: GSTT, password: '{PASSWORD}'}}\n")
    path = tmp_path / "site.yaml"
    path.write_text(text_, encoding="utf-8")
    ctx, admin = site.login("admin")
    try:
        counts = ctx.reference.import_site(admin, parse_yaml(path))
        assert counts["users"] == text_.count("username:")
    finally:
        ctx.close()
    other, user = site.login("giamsat9", "import9")
    other.close()
    assert user.roles == frozenset({"officer"})
    with pytest.raises(psycopg.OperationalError):
        site.sql("giamsat2")                 # reset: the old password no longer opens it
    with site.sql("giamsat2", "Mật khẩu ca ba") as conn:
        groups = {r for (r,) in conn.execute(
            "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = session_user")}
    assert {site.prefix + "clerk", site.prefix + "officer"} <= groups


def test_a_password_change_goes_to_the_login_and_the_offline_hash(site: Site) -> None:
    ctx, user = site.login("giamsat2")
    try:
        ctx.accounts.set_password(user, user.id, "Mật khẩu mới của ca 3")
    finally:
        ctx.close()
    with pytest.raises(psycopg.OperationalError):
        site.sql("giamsat2")
    site.sql("giamsat2", "Mật khẩu mới của ca 3").close()


# -- plain SQL around the rules -----------------------------------------------------
def _write_entry(site: Site, username: str = "giamsat1") -> int:
    ctx, user = site.login(username)
    try:
        desk = ctx.reference.desk_by_code("HQ")
        return ctx.dutylog.append(user, desk.id, EntryDraft(
            kind="note", content="Camera cổng B mất tín hiệu 5 phút")).id
    finally:
        ctx.close()


def test_the_duty_log_is_insert_only_even_for_its_owner(site: Site) -> None:
    entry = _write_entry(site)
    p = site.prefix
    with site.sql("giamsat1") as conn:
        assert "permission denied" in refused(
            conn, "UPDATE log_entry SET content = 'khác' WHERE id = %s", (entry,))
        assert "permission denied" in refused(conn, "DELETE FROM log_entry WHERE id = %s",
                                              (entry,))
        assert "permission denied" in refused(conn, "TRUNCATE log_entry")
        assert "row-level security" in refused(
            conn, "INSERT INTO log_entry (desk_id, seq, kind, content, author_id) "
                  "SELECT desk_id, seq + 1000, kind, content, "
                  "(SELECT id FROM user_account WHERE username = 'truongca') "
                  "FROM log_entry WHERE id = %s", (entry,))
        assert "must be owner" in refused(conn, "ALTER TABLE log_entry DISABLE TRIGGER ALL")
        refused(conn, f'SET ROLE "{p}owner"')
        refused(conn, "UPDATE log_chain_head SET seq = 0, hash = 'x'")
    # FORCE ROW LEVEL SECURITY binds the owner: its UPDATE and DELETE find no row
    with psycopg.connect(site.server.admin.rsplit("/", 1)[0] + "/" + site.dbname,
                         autocommit=True) as su:
        su.execute(f'SET ROLE "{p}owner"')
        assert su.execute("UPDATE log_entry SET content = 'x'").rowcount == 0
        assert su.execute("DELETE FROM log_entry").rowcount == 0
        su.execute("RESET ROLE")
        # and the trigger binds even a superuser who does not first disable it (that
        # takes the anchor outside the database: docs/security.md)
        assert "insert-only" in refused(su, "UPDATE log_entry SET content = 'x'")
        assert "insert-only" in refused(su, "DELETE FROM log_entry")
        assert "insert-only" in refused(su, "TRUNCATE log_entry CASCADE")
        assert "only moves forward" in refused(su, "UPDATE log_chain_head SET seq = 0")


def test_roles_change_only_through_the_managers_function(site: Site) -> None:
    p = site.prefix
    with site.sql("giamsat1") as conn:
        me = conn.execute("SELECT id FROM user_account WHERE username = 'giamsat1'").fetchone()
        assert me is not None
        refused(conn, "INSERT INTO user_role (user_id, role) VALUES (%s, 'shift_leader')", me)
        refused(conn, "UPDATE user_role SET role = 'shift_leader' WHERE user_id = %s", me)
        refused(conn, f'GRANT "{p}shift_leader" TO "{p}u_giamsat1"')
        assert "may not manage users" in refused(
            conn, f'SELECT "{p}set_roles"(%s, ARRAY[\'shift_leader\'])', me)
        refused(conn, f'CREATE ROLE "{p}u_hacker" LOGIN PASSWORD \'x\'')
    with site.sql("admin") as conn:
        me = conn.execute("SELECT id FROM user_account WHERE username = 'admin'").fetchone()
        officer = conn.execute(
            "SELECT id FROM user_account WHERE username = 'giamsat2'").fetchone()
        assert "own roles" in refused(
            conn, f'SELECT "{p}set_roles"(%s, ARRAY[\'admin\', \'shift_leader\'])', me)
        refused(conn, f'GRANT "{p}shift_leader" TO "{p}u_admin"')
        assert "unknown role" in refused(
            conn, f'SELECT "{p}set_roles"(%s, ARRAY[\'owner\'])', officer)
        refused(conn, f'GRANT "{p}owner" TO "{p}u_giamsat2"')
        # the legitimate way: the admin gives another account its role
        conn.execute(f'SELECT "{p}set_roles"(%s, ARRAY[\'room_leader\'])', officer)
        assert conn.execute(
            "SELECT pg_has_role(%s, %s, 'MEMBER')",
            (f"{p}u_giamsat2", f"{p}room_leader")).fetchone() == (True,)


def test_a_regional_desk_neither_sees_nor_writes_headquarters_rows(site: Site) -> None:
    entry = _write_entry(site)
    with site.sql("kv3.giamsat") as conn:
        assert conn.execute("SELECT count(*) FROM log_entry WHERE id = %s",
                            (entry,)).fetchone() == (0,)
        hq = conn.execute("SELECT id FROM desk WHERE code = 'HQ'").fetchone()
        me = conn.execute("SELECT id FROM user_account WHERE username = 'kv3.giamsat'"
                          ).fetchone()
        assert hq is not None and me is not None
        assert "row-level security" in refused(
            conn, "INSERT INTO change_event (desk_id, topic, at) VALUES (%s, 'dutylog', now())",
            (hq[0],))


# -- the workflow: the decisions the database itself checks -------------------------
def _proposed(site: Site) -> tuple[int, int]:
    """An incident raised by an officer, verified and proposed by the room leader,
    through the services under their own logins. (incident id, desk id)"""
    ctx, officer = site.login("giamsat1")
    try:
        desk = ctx.reference.desk_by_code("HQ")
        inc = ctx.incidents.create(officer, desk.id, IncidentDraft(
            content="Xe 12C-345.67 rời khu vực giám sát khi tờ khai chưa thông quan",
            place="Cửa khẩu Hữu Nghị", container_no="TGHU1000001",
            handling=Handling.COORDINATED_CHECK))
    finally:
        ctx.close()
    ctx, room = site.login("lanhdaophong")
    try:
        ctx.incidents.transition(room, inc.id, Action.VERIFY)
        ctx.incidents.transition(room, inc.id, Action.PROPOSE)
    finally:
        ctx.close()
    return inc.id, desk.id


def test_the_shift_leader_approves_through_the_service(site: Site) -> None:
    incident, _desk = _proposed(site)
    ctx, leader = site.login("truongca")
    try:
        inc = ctx.incidents.transition(leader, incident, Action.APPROVE)
        assert inc.state == "approved"
        steps = ctx.incidents.steps(incident)
        assert [s.action for s in steps][-1] == "approve"
    finally:
        ctx.close()


def test_a_fake_approval_in_plain_sql_is_refused(site: Site) -> None:
    incident, desk = _proposed(site)
    with site.sql("giamsat1") as conn:
        ids = dict(conn.execute("SELECT username, id FROM user_account").fetchall())
        # the incident jumps to "approved" without a decision: refused at commit
        conn.execute("BEGIN")
        conn.execute("UPDATE incident SET state = 'approved', version = version + 1 "
                     "WHERE id = %s", (incident,))
        assert "without its decision step" in refused(conn, "COMMIT")
        # a decision step in the shift leader's name, recorded by someone else
        base = ("INSERT INTO incident_step (desk_id, incident_id, action, from_state, "
                "to_state, decision_kind, recorded_by, decided_by, by_phone, at, comment, "
                "version) VALUES (%s, %s, 'approve', 'proposed', 'approved', 'approval', "
                "%s, %s, %s, now(), '', 1)")
        assert "own login" in refused(conn, base, (desk, incident, ids["truongca"],
                                                   ids["truongca"], False))
        # by phone, the officer names himself as approver: no shift leader's role
        assert "does not hold the role" in refused(
            conn, base, (desk, incident, ids["giamsat1"], ids["giamsat1"], False))
        # by phone in the name of the officer who raised it (a made-up approver)
        assert "does not hold" in refused(
            conn, base, (desk, incident, ids["giamsat1"], ids["giamsat2"], True))
        assert "permission denied" in refused(
            conn, "DELETE FROM incident_step WHERE incident_id = %s", (incident,))
        assert "permission denied" in refused(
            conn, "UPDATE incident_step SET comment = 'x' WHERE incident_id = %s "
                  "AND action = 'propose'", (incident,))
    with psycopg.connect(site.server.admin.rsplit("/", 1)[0] + "/" + site.dbname,
                         autocommit=True) as su:   # beyond the grants, the trigger
        assert "not changed after" in refused(
            su, "UPDATE incident_step SET comment = 'x' WHERE incident_id = %s", (incident,))


def test_the_proposer_holding_a_leaders_role_too_cannot_approve_his_own_proposal(
        site: Site) -> None:
    p = site.prefix
    with site.sql("admin") as conn:   # the room leader also holds a shift leader's role
        room = conn.execute(
            "SELECT id FROM user_account WHERE username = 'lanhdaophong'").fetchone()
        conn.execute(f'SELECT "{p}set_roles"(%s, ARRAY[\'room_leader\', \'shift_leader\'])',
                     room)
    incident, desk = _proposed(site)
    with site.sql("lanhdaophong") as conn:
        me = conn.execute("SELECT id FROM user_account WHERE username = 'lanhdaophong'"
                          ).fetchone()
        assert me is not None
        assert "proposed incident" in refused(
            conn, "INSERT INTO incident_step (desk_id, incident_id, action, from_state, "
                  "to_state, decision_kind, recorded_by, decided_by, by_phone, at, comment, "
                  "version) VALUES (%s, %s, 'approve', 'proposed', 'approved', 'approval', "
                  "%s, %s, false, now(), '', 1)", (desk, incident, me[0], me[0]))


@pytest.mark.slow
def test_two_leaders_logins_race_1000_approvals_and_each_is_decided_once(site: Site) -> None:
    """The 1000-race approval test under the database's own rules: the officer raises,
    the room leader proposes, each under his own login; then the two shift leaders'
    consoles, OS processes logged in as their own logins, approve every incident at
    the same instant. The decision trigger, the forced row-level security and the
    unique index leave exactly one decision each; the loser is told who decided."""
    officer_ctx, officer = site.login("giamsat1")
    room_ctx, room = site.login("lanhdaophong")
    try:
        desk = officer_ctx.reference.desk_by_code("HQ")
        ids = propose_many(officer_ctx.incidents, officer, room_ctx.incidents, room, desk.id,
                           RACES)
        by_name = {u.username: to_current(u) for u in officer_ctx.reference.users()}
        leaders = [by_name["truongca"], by_name["truongca2"]]
        counts = race(site.url, leaders, ids, [
            {"DR_WORKER_LOGIN": security.login_name(site.prefix, u.username),
             "DR_WORKER_PASSWORD": PASSWORD} for u in leaders])
        assert_decided_once(officer_ctx.db, ids, leaders, counts)
        assert officer_ctx.dutylog.verify(desk.id).ok
    finally:
        officer_ctx.close()
        room_ctx.close()


def test_a_hand_built_current_user_gains_nothing(site: Site) -> None:
    """The officer's console claims to be the shift leader: the core believes the
    roles it is handed, the database does not."""
    incident, _desk = _proposed(site)
    ctx, officer = site.login("giamsat1")
    try:
        leader = next(u for u in ctx.reference.users() if u.username == "truongca")
        forged = CurrentUser(id=leader.id, username="truongca", full_name=leader.full_name,
                             roles=frozenset({"shift_leader"}), desk_id=officer.desk_id)
        with pytest.raises(Exception, match="own login") as info:
            ctx.incidents.transition(forged, incident, Action.APPROVE)
        assert not isinstance(info.value, AssertionError)
        assert ctx.incidents.get(incident).state == "proposed"
        with ctx.db.read() as s:
            decided = s.query(IncidentStep).filter_by(incident_id=incident,
                                                      decision_kind="approval").count()
        assert decided == 0
    finally:
        ctx.close()


def test_whoever_recorded_an_opinion_by_phone_does_not_send_the_request(site: Site) -> None:
    """Đ5.4b, Đ8.2.3 c.2: an officer who neither raised nor proposed the incident
    records the shift leader's approval given by phone; the request it allowed is
    sent by someone else. Checked here in plain SQL, past the client's own rule."""
    incident, desk = _proposed(site)
    ctx, recorder = site.login("giamsat2")
    try:
        leader = next(u for u in ctx.reference.users() if u.username == "truongca")
        ctx.incidents.transition(recorder, incident, Action.APPROVE, on_behalf_of=leader.id,
                                 by_phone=True)
    finally:
        ctx.close()
    insert = ("INSERT INTO unit_request (desk_id, incident_id, unit_name, channel, urgent, "
              "subject, body, status, ack_minutes, created_by, created_at, version) "
              "VALUES (%s, %s, 'Chi cục Hữu Nghị', 'phone', true, 'Phối hợp kiểm tra', '', "
              "'sent', 30, (SELECT id FROM user_account WHERE username = %s), now(), 1)")
    with site.sql("giamsat2") as conn:
        assert "row-level security" in refused(conn, insert, (desk, incident, "giamsat2"))
    with site.sql("giamsat1") as conn:     # another officer sends it
        request = conn.execute(insert + " RETURNING id",
                               (desk, incident, "giamsat1")).fetchone()[0]
    fax = ("INSERT INTO issued_document (desk_id, number, appendix, incident_id, request_id, "
           "recipient, file_path, sha256, issued_by, issued_at) "
           "VALUES (%s, '1/GSTT', 'II', %s, %s, 'Chi cục Hữu Nghị', 'documents/1.pdf', "
           "repeat('0', 64), (SELECT id FROM user_account WHERE username = %s), now())")
    with site.sql("giamsat2") as conn:     # nor does the recorder issue its fax
        assert "row-level security" in refused(conn, fax, (desk, incident, request, "giamsat2"))
    with site.sql("giamsat1") as conn:
        doc = conn.execute(fax + " RETURNING id", (desk, incident, request, "giamsat1")
                           ).fetchone()[0]
    with site.sql("giamsat2") as conn:     # its archive is not pointed elsewhere later
        assert "permission denied" in refused(
            conn, "UPDATE issued_document SET request_id = NULL, sha256 = repeat('1', 64) "
                  "WHERE id = %s", (doc,))
        conn.execute("UPDATE issued_document SET emailed_to = 'hn@customs.gov.vn' "
                     "WHERE id = %s", (doc,))


def test_a_handover_lists_every_uncountersigned_phone_opinion_and_is_frozen_once_signed(
        site: Site) -> None:
    """Đ5.4b, Đ8.2.3 c.2: an opinion given by phone and not countersigned yet is an
    open item of the handover; plain SQL cannot sign one that leaves it out, sign in
    another's name or on a head that does not exist, nor change a signed report."""
    incident, desk = _proposed(site)
    ctx, recorder = site.login("giamsat2")
    try:
        leader = next(u for u in ctx.reference.users() if u.username == "truongca")
        ctx.incidents.transition(recorder, incident, Action.APPROVE, on_behalf_of=leader.id,
                                 by_phone=True)
    finally:
        ctx.close()
    ctx, leader_user = site.login("truongca")
    try:
        shift = ctx.roster.current_shift(desk)
        ctx.roster.set_members(leader_user, shift.id, shift.version,
                               [MemberSpec(leader_user.id, "shift_leader")])
        draft = ctx.handover.save_draft(leader_user, shift.id, "Bình thường")
    finally:
        ctx.close()
    with site.sql("truongca") as conn:
        me = conn.execute("SELECT id FROM user_account WHERE username = 'truongca'"
                          ).fetchone()[0]
        other = conn.execute("SELECT id FROM user_account WHERE username = 'truongca2'"
                             ).fetchone()[0]
        sign = ("UPDATE handover SET status = 'signed', signed_by = %s, signed_at = now(), "
                "chain_seq = 0, chain_hash = repeat('0', 64), open_items = %s WHERE id = %s")
        assert "not countersigned yet" in refused(conn, sign, (me, "[]", draft.id))
        listed = draft.open_items
        assert "phone_opinion" in listed
        assert "own login" in refused(conn, sign, (other, listed, draft.id))
        assert "has not that hash" in refused(
            conn, "UPDATE handover SET status = 'signed', signed_by = %s, signed_at = now(), "
                  "chain_seq = 7, chain_hash = repeat('a', 64) WHERE id = %s", (me, draft.id))
        assert "signed before it is acknowledged" in refused(
            conn, "UPDATE handover SET status = 'acknowledged' WHERE id = %s", (draft.id,))
    ctx, leader_user = site.login("truongca")
    try:                        # the service lists it, and signs
        signed = ctx.handover.sign(leader_user, draft.id, draft.version)
        assert signed.status == "signed"
    finally:
        ctx.close()
    with site.sql("truongca") as conn:
        assert "only gains its acknowledgement" in refused(
            conn, "UPDATE handover SET summary = 'Có sự việc' WHERE id = %s", (draft.id,))
        assert "only gains its acknowledgement" in refused(   # not by its own signer
            conn, "UPDATE handover SET status = 'acknowledged', acknowledged_by = %s, "
                  "acknowledged_at = now() WHERE id = %s", (me, draft.id))
        assert "permission denied" in refused(conn, "DELETE FROM handover WHERE id = %s",
                                              (draft.id,))
    ctx, incoming = site.login("truongca2")
    try:
        assert ctx.handover.acknowledge(incoming, draft.id, signed.version).status \
            == "acknowledged"
    finally:
        ctx.close()
    with site.sql("truongca2") as conn:
        assert "acknowledged: it does not change" in refused(
            conn, "UPDATE handover SET summary = 'x' WHERE id = %s", (draft.id,))


def test_a_signing_key_is_the_holders_and_another_admin_registers_it(site: Site) -> None:
    ctx, leader = site.login("truongca")
    try:
        key = ctx.signing_keys.create(leader, leader.id, PASSWORD)
    finally:
        ctx.close()
    with site.sql("giamsat1") as conn:
        ids = dict(conn.execute("SELECT username, id FROM user_account").fetchall())
        assert "created unregistered" in refused(
            conn, "INSERT INTO signing_key (key_id, user_id, public_key, private_key, "
                  "created_by, created_at, version) VALUES ('f', %s, 'ab', 'x', %s, now(), 1)",
            (ids["truongca"], ids["truongca"]))
        # another's key is not even in reach of an officer's UPDATE
        cur = conn.execute("UPDATE signing_key SET private_key = 'mine' WHERE key_id = %s",
                           (key.key_id,))
        assert cur.rowcount == 0
        assert "permission denied" in refused(
            conn, "DELETE FROM signing_key WHERE key_id = %s", (key.key_id,))
    with site.sql("truongca") as conn:
        assert "another administrator registers" in refused(
            conn, "UPDATE signing_key SET registered_by = %s, registered_at = now() "
                  "WHERE key_id = %s", (ids["truongca"], key.key_id))
        assert "public half and holder" in refused(
            conn, "UPDATE signing_key SET public_key = repeat('0', 64) WHERE key_id = %s",
            (key.key_id,))
    with site.sql("admin") as conn:
        assert "only the holder re-encrypts" in refused(
            conn, "UPDATE signing_key SET private_key = 'x' WHERE key_id = %s", (key.key_id,))
    ctx, admin = site.login("admin")
    try:
        assert ctx.signing_keys.register(admin, key.key_id).registered_at is not None
    finally:
        ctx.close()
    with site.sql("admin") as conn:
        assert "once" in refused(
            conn, "UPDATE signing_key SET registered_at = now() WHERE key_id = %s",
            (key.key_id,))
        conn.execute("UPDATE signing_key SET revoked_at = now(), revoked_reason = 'mất máy' "
                     "WHERE key_id = %s", (key.key_id,))
        assert "stays revoked" in refused(
            conn, "UPDATE signing_key SET revoked_at = NULL WHERE key_id = %s", (key.key_id,))


def test_the_outbox_replays_each_entry_under_its_authors_login(site: Site) -> None:
    """Entries queued while the database was away go to the shared log under the
    login of the officer who wrote them, never under whoever is logged in next."""
    ctx, first = site.login("giamsat1", name="workstation")
    try:
        desk = ctx.reference.desk_by_code("HQ")
        second = next(u for u in ctx.reference.users() if u.username == "giamsat2")
        ctx.writer.submit(first, desk.id, EntryDraft(kind="note", content="Ghi khi mất mạng 1"),
                          offline=True)
        ctx.writer.submit(to_current(second), desk.id,
                          EntryDraft(kind="note", content="Ghi khi mất mạng 2"), offline=True)
        assert ctx.writer.replay() == (1, 1)        # giamsat2's waits for his login
    finally:
        ctx.close()
    ctx, _second = site.login("giamsat2", name="workstation")
    try:
        assert ctx.writer.replay() == (1, 0)
        with ctx.db.read() as s:
            rows = s.execute(text(
                "SELECT u.username FROM log_entry e JOIN user_account u ON u.id = e.author_id "
                "WHERE e.content LIKE 'Ghi khi mất mạng%' ORDER BY e.content")).scalars().all()
        assert rows == ["giamsat1", "giamsat2"]
    finally:
        ctx.close()


def test_the_login_dialog_checks_the_password_on_the_server(qtbot, site: Site) -> None:
    from PySide6.QtCore import Qt  # noqa: PLC0415

    from widgets.login import LoginDialog  # noqa: PLC0415
    from widgets.qt_tasks import QtTaskRunner  # noqa: PLC0415

    typed = "truc-ban-ca-3-2026"      # QTest types ASCII only
    db = Database(site.superuser_url)
    with db.engine.begin() as conn:
        security.bootstrap_login(conn, site.prefix, "giamsat1", typed)
    db.dispose()
    ctx, runner = site.context("gui"), QtTaskRunner()
    dialog = LoginDialog(ctx, runner, "Trực ban Cục Hải quan", "")
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.keyClicks(dialog.username, "giamsat1")
        qtbot.keyClicks(dialog.password, "sai-mat-khau")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled()
                        and dialog.error.text() not in ("", dialog.tr("Checking…")),
                        timeout=15000)
        assert dialog.isVisible()
        wrong = dialog.error.text()
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, typed)
        with qtbot.waitSignal(dialog.authenticated, timeout=15000) as signal:
            qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        user, online = signal.args
        assert (user.username, online) == ("giamsat1", True)
        assert wrong and wrong != dialog.error.text()
    finally:
        dialog.close()
        runner.shutdown()
        ctx.close()


def test_the_administrators_set_up_command_and_a_personal_verify_log(
        scram_server: PgServer, tmp_path: Path) -> None:
    """`main.py --db-setup` as the superuser (twice: it is repeatable), then
    `--verify-log` under the admin's own login, and with a wrong password."""
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    root = Path(__file__).resolve().parent.parent
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    name, superuser_url = _seeded(scram_server, tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUSTOMS_DATA_DIR=str(tmp_path / "d"),
               CUSTOMS_CONFIG_DIR=str(tmp_path / "cfg"), CUSTOMS_DB_ROLE_PREFIX=prefix,
               CUSTOMS_LOGIN_PASSWORD=PASSWORD)

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(root / "main.py"), *args], cwd=root,
                              env=dict(env, **extra), capture_output=True, text=True,
                              timeout=120)

    try:
        for _ in range(2):
            done = run("--db-setup", "--db", superuser_url, "--admin", "admin")
            assert done.returncode == 0, done.stderr
            assert f"{len(security.TABLES)} bảng / tables" in done.stdout
        personal = _personal_url(superuser_url)
        ok = run("--verify-log", "--db", personal, "--user", "admin",
                 CUSTOMS_DB_PERSONAL_LOGIN="1")
        assert ok.returncode == 0, ok.stderr
        assert "log intact" in ok.stdout
        bad = run("--verify-log", "--db", personal, "--user", "admin",
                  CUSTOMS_DB_PERSONAL_LOGIN="1", CUSTOMS_LOGIN_PASSWORD="sai-mat-khau-roi")
        assert bad.returncode == 2, bad.stderr
        assert bad.stderr.strip() and "Traceback" not in bad.stderr
        nobody = run("--verify-log", "--db", personal, CUSTOMS_DB_PERSONAL_LOGIN="1")
        assert nobody.returncode == 2 and "--user" in nobody.stderr
    finally:
        scram_server.drop(name)
        _drop_roles(scram_server, prefix)
