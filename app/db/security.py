"""The shared PostgreSQL database guards the regulation's rules itself (docs/security.md).

`apply()` (run by the database administrator through `main.py --db-setup`, after the
migrations, as a superuser) makes:

- a NOLOGIN schema owner `<p>owner` that owns every table, and a NOLOGIN role
  manager `<p>manager` (CREATEROLE) that owns the only functions that create
  logins and change roles;
- one group role per role of the regulation (`<p>officer`, `<p>shift_leader`, …)
  and `<p>staff`, which every login is a member of; one login role per person,
  `<p>u_<user name>` (SCRAM), with no CREATEROLE;
- grants and row-level security on every table (`TABLES` says what each one is;
  a table of the database without its entry stops `apply()`), FORCE ROW LEVEL
  SECURITY so the owner is bound too: rows are visible per desk and writable by
  the desk's own people (Đ10–12); the duty log and the change feed are
  insert-only (UPDATE/DELETE/TRUNCATE revoked and refused by a trigger); a
  workflow step is insert-only but for its countersignature and its log entry;
- SECURITY DEFINER functions with a fixed search_path that identify the caller
  by `session_user` and read his roles and the shift's roster from the database:
  a decision step is checked by `<p>guard_step` (the decider holds the role the
  report path asks for and is on the shift's roster in it, if on the roster at
  all; is neither the creator nor the proposer; one decision per kind; recorded
  under the recorder's own login); an incident reaches a decided state only
  with its decision step (checked at commit); whoever recorded an opinion by
  phone does not also send the request it allowed; a handover is signed by its
  signer on a head the chain has, lists every opinion by phone not countersigned
  yet (Đ5.4b) and, once signed, only gains its acknowledgement (`<p>guard_handover`);
  a signing key is created unregistered by its holder or the admin, re-encrypted
  only by its holder, registered once by another admin, revoked once, never
  deleted (`<p>guard_key`).

SQLite (the demo, one machine) has no roles: the in-process checks of app/auth.py
and app/workflow/rules.py are what guards it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app import logs
from app.db import scram
from app.errors import QT_TRANSLATE_NOOP, ValidationError

log = logs.get("db")

DEFAULT_PREFIX = "dr_"
_PREFIX_RE = re.compile(r"^[a-z][a-z0-9_]{0,15}$")

#: the regulation's roles (app.auth.Role values), each a group role
ROLE_CODES = ("officer", "room_leader", "shift_leader", "clerk", "director", "unit_liaison",
              "admin")
#: who may edit reference data (org units, desks, holidays, cameras and their map)
REFERENCE_WRITERS = ("admin", "room_leader", "shift_leader", "clerk")


class Kind(StrEnum):
    REFERENCE = "reference"   # read by all staff, written by REFERENCE_WRITERS
    ACCOUNTS = "accounts"     # read by all staff, written by the admin and the role functions
    DESK = "desk"             # visible per desk, written by the desk's own people
    APPEND = "append"         # per desk, insert-only (trigger refuses UPDATE/DELETE/TRUNCATE)
    STEPS = "steps"           # the workflow's steps: insert-only but for countersignature
    CHILD = "child"           # rows of a parent that carries the desk (read all, write staff)
    KEYS = "keys"             # signing keys: written by the holder or the admin, per column
    VERSION = "version"       # alembic_version: read only


@dataclass(frozen=True)
class Rule:
    kind: Kind
    delete: bool = False      # the client deletes rows of it (DESK/CHILD)


TABLES: dict[str, Rule] = {
    "alembic_version": Rule(Kind.VERSION),
    # reference data
    "org_unit": Rule(Kind.REFERENCE), "desk": Rule(Kind.REFERENCE),
    "holiday": Rule(Kind.REFERENCE, delete=True), "camera": Rule(Kind.REFERENCE),
    "camera_map_version": Rule(Kind.REFERENCE), "camera_calibration": Rule(Kind.REFERENCE),
    "camera_watch_position": Rule(Kind.REFERENCE), "reference_image": Rule(Kind.REFERENCE),
    # accounts: roles change only through <p>set_roles
    "user_account": Rule(Kind.ACCOUNTS), "user_role": Rule(Kind.ACCOUNTS),
    # the duty log and the feed of changes: insert-only
    "log_entry": Rule(Kind.APPEND), "change_event": Rule(Kind.APPEND),
    "incident_step": Rule(Kind.STEPS),
    # the anchor (app/anchor/): signed heads and witnesses, insert-only
    "log_checkpoint": Rule(Kind.APPEND), "log_witness": Rule(Kind.APPEND),
    # a random draw of declarations (Đ13.1b): evidence, insert-only
    "customs_sample": Rule(Kind.APPEND),
    # per desk
    "log_chain_head": Rule(Kind.DESK), "log_case": Rule(Kind.DESK),
    "document_counter": Rule(Kind.DESK), "document_number": Rule(Kind.DESK),
    "notice": Rule(Kind.DESK), "rotation_plan": Rule(Kind.DESK), "shift": Rule(Kind.DESK),
    "handover": Rule(Kind.DESK), "incident": Rule(Kind.DESK), "unit_request": Rule(Kind.DESK),
    "camera_outage": Rule(Kind.DESK), "checklist_run": Rule(Kind.DESK),
    "daily_report": Rule(Kind.DESK), "directive": Rule(Kind.DESK),
    "image_check_result": Rule(Kind.DESK), "ptz_check_run": Rule(Kind.DESK),
    "evidence": Rule(Kind.DESK), "attachment": Rule(Kind.DESK),
    "issued_document": Rule(Kind.DESK), "source_outage": Rule(Kind.DESK),
    "source_lease": Rule(Kind.DESK, delete=True), "source_ledger": Rule(Kind.DESK),
    "source_quarantine": Rule(Kind.DESK), "source_cursor": Rule(Kind.DESK),
    # the customs systems (app/customs/): ingested under the login of the officer at
    # the console holding the source's lease, on his desk; alerts per desk
    "customs_declaration": Rule(Kind.DESK), "customs_area_event": Rule(Kind.DESK),
    "customs_gate_event": Rule(Kind.DESK), "customs_vessel_call": Rule(Kind.DESK),
    "customs_blacklist": Rule(Kind.DESK), "alert": Rule(Kind.DESK),
    # children of a desk's rows
    "rotation_day": Rule(Kind.CHILD, delete=True), "shift_member": Rule(Kind.CHILD, delete=True),
    "checklist_tick": Rule(Kind.CHILD), "daily_report_reminder": Rule(Kind.CHILD),
    "ptz_check_row": Rule(Kind.CHILD), "directive_unit": Rule(Kind.CHILD),
    "ptz_hold": Rule(Kind.CHILD, delete=True),
    "customs_declaration_container": Rule(Kind.CHILD, delete=True),
    "customs_bill": Rule(Kind.CHILD, delete=True),
    "customs_manifest_container": Rule(Kind.CHILD, delete=True),
    # a leader's signing key: written by him (or the admin on his behalf), registered
    # by the admin; never deleted
    "signing_key": Rule(Kind.KEYS),
}


class SecurityError(ValidationError):
    pass


def check_prefix(prefix: str) -> str:
    if not _PREFIX_RE.match(prefix):
        raise SecurityError(QT_TRANSLATE_NOOP(
            "errors", "The database role prefix '{prefix}' must be lower-case letters, digits "
                      "or '_' (up to 16), starting with a letter."), prefix=prefix)
    return prefix


def login_name(prefix: str, username: str) -> str:
    """The PostgreSQL login role of a user name."""
    name = f"{check_prefix(prefix)}u_{username.strip().lower()}"
    if len(name.encode()) > 63:
        raise SecurityError(QT_TRANSLATE_NOOP(
            "errors", "The user name {name} is too long for a database login."), name=username)
    return name


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# -- the SQL -------------------------------------------------------------------------
def _roles_sql(p: str) -> list[str]:
    groups = ["owner", "manager", "staff", *ROLE_CODES]
    out = [f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_lit(p + g)}) THEN
            CREATE ROLE {_q(p + g)} NOLOGIN;
        END IF; END $$""" for g in groups]
    out.append(f"ALTER ROLE {_q(p + 'owner')} NOLOGIN NOCREATEROLE NOCREATEDB NOSUPERUSER")
    out.append(f"ALTER ROLE {_q(p + 'manager')} NOLOGIN CREATEROLE NOCREATEDB NOSUPERUSER")
    for g in ROLE_CODES:
        out.append(f"ALTER ROLE {_q(p + g)} NOLOGIN NOCREATEROLE NOCREATEDB NOSUPERUSER")
    return out


def _helpers_sql(p: str) -> list[str]:
    """Who the caller is, which desk he sits at, what he may see: read from the
    database, keyed on session_user (inside a SECURITY DEFINER function current_user
    is the owner). PL/pgSQL, whose statements keep their plans for the session (a SQL
    function with a SET clause is planned again at every call: the policies call
    these a dozen times per duty-log append)."""
    sd = "LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public"
    me, my_desk, has_role = _q(p + "me"), _q(p + "my_desk"), _q(p + "has_role")
    return [
        f"""CREATE OR REPLACE FUNCTION {me}() RETURNS integer {sd} AS $$
            BEGIN
                RETURN (SELECT id FROM public.user_account
                         WHERE lower(username) = substr(session_user, {len(p) + 3})
                           AND starts_with(session_user, {_lit(p + 'u_')}) AND active);
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {my_desk}() RETURNS integer {sd} AS $$
            BEGIN
                RETURN (SELECT a.desk_id FROM public.user_account a
                         WHERE lower(a.username) = substr(session_user, {len(p) + 3})
                           AND starts_with(session_user, {_lit(p + 'u_')}) AND a.active);
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {has_role}(r text) RETURNS boolean {sd} AS $$
            BEGIN
                RETURN EXISTS (SELECT 1 FROM public.user_role ur
                                 JOIN public.user_account a ON a.id = ur.user_id
                                WHERE lower(a.username) = substr(session_user, {len(p) + 3})
                                  AND starts_with(session_user, {_lit(p + 'u_')}) AND a.active
                                  AND ur.role = r);
            END $$""",
        # HQ's desk, the Director and the admin see every desk (Đ10: the Department's
        # room watches the whole sector); a regional desk sees its own.
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'sees_all')}() RETURNS boolean {sd} AS $$
            BEGIN
                RETURN {has_role}('director') OR {has_role}('admin')
                    OR EXISTS (SELECT 1 FROM public.desk d
                                WHERE d.id = {my_desk}() AND d.kind = 'hq');
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'sees_desk')}(d integer) RETURNS boolean {sd}
            AS $$ BEGIN RETURN d IS NULL OR d = {my_desk}() OR {_q(p + 'sees_all')}(); END $$""",
        # Writes: the desk's own people, the Director; a desk that relays another's
        # request reports its result back on that desk (Đ10–12).
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'acts_on_desk')}(d integer) RETURNS boolean {sd}
            AS $$
            DECLARE
                mine integer := {my_desk}();
            BEGIN
                RETURN d IS NULL OR d = mine
                    OR {has_role}('director') OR {has_role}('admin')
                    OR EXISTS (SELECT 1 FROM public.unit_request r
                                 JOIN public.unit_request o ON o.id = r.relayed_from_id
                                WHERE r.desk_id = mine AND o.desk_id = d);
            END $$""",
        # Đ5.4b, Đ8.2.3 c.2: whoever recorded an opinion given by phone does not also
        # send what it allowed.
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'recorded_by_phone')}(inc integer)
            RETURNS boolean {sd} AS $$
            DECLARE
                caller integer := {me}();
            BEGIN
                RETURN EXISTS (SELECT 1 FROM public.incident_step
                                WHERE incident_id = inc AND by_phone
                                  AND decision_kind IS NOT NULL
                                  AND recorded_by = caller AND decided_by <> recorded_by);
            END $$""",
    ]


def _triggers_sql(p: str) -> list[str]:
    me = _q(p + "me")
    plpg = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public"
    return [
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'append_only')}() RETURNS trigger {plpg} AS $$
        BEGIN
            RAISE EXCEPTION 'the table % is insert-only: % refused', TG_TABLE_NAME, TG_OP
                USING ERRCODE = '42501';
        END $$""",
        # A duty-log entry's hash covers its id: the writer seals the row it has just
        # inserted, in the same transaction, once; nothing else is ever changed.
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'seal_once')}() RETURNS trigger {plpg} AS $$
        BEGIN
            IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
               AND to_jsonb(NEW) - 'hash' - 'search_text' = to_jsonb(OLD) - 'hash' - 'search_text'
               AND (SELECT xmin FROM public.log_entry WHERE id = OLD.id)
                   = pg_current_xact_id()::xid THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'the table % is insert-only: % refused', TG_TABLE_NAME, TG_OP
                USING ERRCODE = '42501';
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'head_forward')}() RETURNS trigger {plpg} AS $$
        BEGIN
            IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq OR NEW.desk_id <> OLD.desk_id THEN
                RAISE EXCEPTION 'the chain head of desk % only moves forward', OLD.desk_id
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'guard_step')}() RETURNS trigger {plpg} AS $$
        DECLARE
            caller integer := {me}();
            inc public.incident%ROWTYPE;
            need text;
            rostered text;
        BEGIN
            -- the countersignature by the one whose opinion it is; the step's own log
            -- entry, once, by its recorder; nothing else changes
            IF TG_OP = 'UPDATE'
               AND to_jsonb(NEW) - 'countersigned_at' - 'version' - 'log_entry_id'
                   <> to_jsonb(OLD) - 'countersigned_at' - 'version' - 'log_entry_id' THEN
                RAISE EXCEPTION 'a workflow step is not changed after it is written'
                    USING ERRCODE = '42501';
            END IF;
            IF caller IS NULL THEN
                RAISE EXCEPTION '% is not an active user of this database', session_user
                    USING ERRCODE = '42501';
            END IF;
            IF TG_OP = 'UPDATE' THEN
                IF NEW.countersigned_at IS DISTINCT FROM OLD.countersigned_at AND (
                       OLD.countersigned_at IS NOT NULL OR OLD.decided_by <> caller
                       OR OLD.recorded_by = caller) THEN
                    RAISE EXCEPTION 'only the leader who gave the opinion countersigns it, once'
                        USING ERRCODE = '42501';
                END IF;
                IF NEW.log_entry_id IS DISTINCT FROM OLD.log_entry_id AND (
                       OLD.log_entry_id IS NOT NULL OR OLD.recorded_by <> caller) THEN
                    RAISE EXCEPTION 'a step''s log entry is set once, by its recorder'
                        USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END IF;
            IF NEW.recorded_by <> caller THEN
                RAISE EXCEPTION 'a step is recorded under the recorder''s own login'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.decided_by <> caller AND NOT NEW.by_phone THEN
                RAISE EXCEPTION 'only an opinion given by phone is recorded for someone else'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.countersigned_at IS NOT NULL THEN
                RAISE EXCEPTION 'a step is countersigned after it is written'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.decision_kind IS NULL THEN
                RETURN NEW;
            END IF;
            SELECT * INTO inc FROM public.incident WHERE id = NEW.incident_id;
            IF NOT FOUND OR inc.desk_id <> NEW.desk_id THEN
                RAISE EXCEPTION 'the step does not belong to incident %', NEW.incident_id
                    USING ERRCODE = '42501';
            END IF;
            need := CASE NEW.decision_kind
                WHEN 'approval' THEN CASE inc.origin WHEN 'director' THEN 'director'
                                                     ELSE 'shift_leader' END
                WHEN 'director' THEN 'director'
                WHEN 'room_leader' THEN 'room_leader' END;
            IF need IS NULL THEN
                RAISE EXCEPTION 'unknown decision %', NEW.decision_kind USING ERRCODE = '42501';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM public.user_role
                            WHERE user_id = NEW.decided_by AND role = need) THEN
                RAISE EXCEPTION 'user % does not hold the role % this decision needs',
                    NEW.decided_by, need USING ERRCODE = '42501';
            END IF;
            -- Đ5.3: on the shift's roster, one acts in the role one is rostered in
            SELECT string_agg(m.role, ', ') INTO rostered
              FROM public.shift_member m JOIN public.shift s ON s.id = m.shift_id
             WHERE s.desk_id = inc.desk_id AND s.starts_at <= NEW.at AND NEW.at < s.ends_at
               AND m.user_id = NEW.decided_by;
            IF rostered IS NOT NULL AND need <> 'director'
               AND position(need IN rostered) = 0 THEN
                RAISE EXCEPTION 'user % is on this shift''s roster as %, not as %',
                    NEW.decided_by, rostered, need USING ERRCODE = '42501';
            END IF;
            IF inc.created_by = NEW.decided_by THEN
                RAISE EXCEPTION 'user % raised incident % and cannot decide on it',
                    NEW.decided_by, inc.id USING ERRCODE = '42501';
            END IF;
            IF EXISTS (SELECT 1 FROM public.incident_step
                        WHERE incident_id = inc.id AND action IN ('propose', 'prevent')
                          AND decided_by = NEW.decided_by) THEN
                RAISE EXCEPTION 'user % proposed incident % and cannot decide on it',
                    NEW.decided_by, inc.id USING ERRCODE = '42501';
            END IF;
            IF EXISTS (SELECT 1 FROM public.incident_step
                        WHERE incident_id = inc.id AND decision_kind = NEW.decision_kind) THEN
                RAISE EXCEPTION 'incident % already has its % decision', inc.id,
                    NEW.decision_kind USING ERRCODE = '23505';
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'guard_incident')}() RETURNS trigger {plpg}
        AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF NEW.state <> 'new' OR NEW.created_by IS DISTINCT FROM {me}() THEN
                    RAISE EXCEPTION 'an incident starts new, raised under its creator''s login'
                        USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END IF;
            IF NEW.created_by <> OLD.created_by OR NEW.desk_id <> OLD.desk_id
               OR NEW.case_ref <> OLD.case_ref THEN
                RAISE EXCEPTION 'an incident''s creator, desk and case do not change'
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$""",
        # Đ5.4b, Đ8.2.3 c.2: an opinion by phone not countersigned yet is an open item
        # of the handover; the handover is signed by its signer, on a head of the chain
        # that exists; once signed it only gains its acknowledgement; then nothing
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'guard_handover')}() RETURNS trigger {plpg}
        AS $$
        DECLARE
            missing text;
        BEGIN
            IF TG_OP = 'DELETE' THEN
                IF OLD.status <> 'draft' THEN
                    RAISE EXCEPTION 'a signed handover report is not deleted'
                        USING ERRCODE = '42501';
                END IF;
                RETURN OLD;
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.status = 'acknowledged' THEN
                RAISE EXCEPTION 'the handover report % is acknowledged: it does not change',
                    OLD.id USING ERRCODE = '42501';
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.status = 'signed' THEN
                IF NEW.status <> 'acknowledged'
                   OR to_jsonb(NEW) - 'status' - 'acknowledged_by' - 'acknowledged_at' - 'version'
                      <> to_jsonb(OLD) - 'status' - 'acknowledged_by' - 'acknowledged_at'
                         - 'version'
                   OR NEW.acknowledged_by IS DISTINCT FROM {me}()
                   OR NEW.acknowledged_by = OLD.signed_by THEN
                    RAISE EXCEPTION 'a signed handover report only gains its acknowledgement, '
                        'by the incoming leader under his own login' USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END IF;
            IF NEW.status = 'acknowledged' THEN
                RAISE EXCEPTION 'a handover report is signed before it is acknowledged'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.status <> 'signed' THEN
                RETURN NEW;
            END IF;
            IF NEW.signed_by IS DISTINCT FROM {me}() THEN
                RAISE EXCEPTION 'a handover report is signed under its signer''s own login'
                    USING ERRCODE = '42501';
            END IF;
            IF NOT ((NEW.chain_seq = 0 AND NEW.chain_hash = repeat('0', 64))
                    OR EXISTS (SELECT 1 FROM public.log_entry
                                WHERE desk_id = NEW.desk_id AND seq = NEW.chain_seq
                                  AND hash = NEW.chain_hash)) THEN
                RAISE EXCEPTION 'the handover signs entry % of desk %, which has not that hash',
                    NEW.chain_seq, NEW.desk_id USING ERRCODE = '42501';
            END IF;
            SELECT string_agg(st.id::text, ', ' ORDER BY st.id) INTO missing
              FROM public.incident_step st
             WHERE st.desk_id = NEW.desk_id AND st.by_phone AND st.countersigned_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(
                                   COALESCE(NULLIF(NEW.open_items, ''), '[]')::jsonb) AS e
                                WHERE e->>'source' = 'phone_opinion'
                                  AND e->>'ref' = st.id::text);
            IF missing IS NOT NULL THEN
                RAISE EXCEPTION 'the handover report does not list the opinion(s) by phone % '
                    'that are not countersigned yet (Đ5.4b)', missing USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$""",
        # a signing key: the holder (or the admin on his behalf) creates it; only the
        # holder re-encrypts it; another admin registers it, once; it is revoked once;
        # it is never deleted and its key and holder never change
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'guard_key')}() RETURNS trigger {plpg}
        AS $$
        DECLARE
            caller integer := {me}();
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'a signing key is not deleted: old signatures stay checkable'
                    USING ERRCODE = '42501';
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW.created_by IS DISTINCT FROM caller
                   OR (NEW.user_id <> caller AND NOT {_q(p + 'has_role')}('admin'))
                   OR NEW.registered_by IS NOT NULL OR NEW.registered_at IS NOT NULL
                   OR NEW.revoked_at IS NOT NULL THEN
                    RAISE EXCEPTION 'a signing key is created unregistered by its holder or '
                        'an administrator, under his own login' USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END IF;
            IF (NEW.key_id, NEW.user_id, NEW.public_key, NEW.created_by, NEW.created_at)
               IS DISTINCT FROM
               (OLD.key_id, OLD.user_id, OLD.public_key, OLD.created_by, OLD.created_at) THEN
                RAISE EXCEPTION 'a signing key''s public half and holder do not change'
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.private_key IS DISTINCT FROM OLD.private_key
               AND (OLD.user_id <> caller OR OLD.revoked_at IS NOT NULL) THEN
                RAISE EXCEPTION 'only the holder re-encrypts his signing key'
                    USING ERRCODE = '42501';
            END IF;
            IF (NEW.registered_by, NEW.registered_at)
               IS DISTINCT FROM (OLD.registered_by, OLD.registered_at)
               AND (OLD.registered_at IS NOT NULL OR OLD.revoked_at IS NOT NULL
                    OR NEW.registered_by IS DISTINCT FROM caller OR OLD.user_id = caller
                    OR NOT {_q(p + 'has_role')}('admin')) THEN
                RAISE EXCEPTION 'another administrator registers a signing key, once'
                    USING ERRCODE = '42501';
            END IF;
            IF (NEW.revoked_at, NEW.revoked_reason)
               IS DISTINCT FROM (OLD.revoked_at, OLD.revoked_reason)
               AND (OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL) THEN
                RAISE EXCEPTION 'a signing key is revoked once, and stays revoked'
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END $$""",
        # checked at commit: the step is inserted after the incident's UPDATE
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'decided_state')}() RETURNS trigger {plpg}
        AS $$
        DECLARE
            cur public.incident%ROWTYPE;
        BEGIN
            SELECT * INTO cur FROM public.incident WHERE id = NEW.id;
            IF cur.state IN ('approved', 'rejected', 'director_review')
               AND cur.state IS DISTINCT FROM OLD.state
               AND NOT EXISTS (SELECT 1 FROM public.incident_step
                                WHERE incident_id = cur.id AND to_state = cur.state
                                  AND decision_kind IS NOT NULL) THEN
                RAISE EXCEPTION 'incident % cannot be % without its decision step',
                    cur.id, cur.state USING ERRCODE = '42501';
            END IF;
            RETURN NULL;
        END $$""",
    ]


def _manager_sql(p: str) -> list[str]:
    """The only way roles and logins change: functions owned by the NOLOGIN manager,
    called by an admin (from the user_role table), never on himself."""
    me = _q(p + "me")
    plpg = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public"
    codes = "ARRAY[" + ", ".join(_lit(c) for c in ROLE_CODES) + "]"
    check_admin = f"""
            IF NOT EXISTS (SELECT 1 FROM public.user_role
                            WHERE user_id = {me}() AND role = 'admin') THEN
                RAISE EXCEPTION '% may not manage users', session_user USING ERRCODE = '42501';
            END IF;
            IF target = {me}() THEN
                RAISE EXCEPTION 'no one changes his own roles or login' USING ERRCODE = '42501';
            END IF;"""
    check_verifier = """
            IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
                RAISE EXCEPTION 'a login takes a SCRAM verifier, not a password'
                    USING ERRCODE = '22023';
            END IF;"""
    login_of = f"""
            SELECT {_lit(p + 'u_')} || lower(username) INTO login FROM public.user_account
             WHERE id = target;
            IF login IS NULL THEN
                RAISE EXCEPTION 'unknown user %', target USING ERRCODE = '42704';
            END IF;"""
    return [
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'sync_groups')}(target integer, login text)
        RETURNS void {plpg} AS $$
        DECLARE g text;
        BEGIN
            FOREACH g IN ARRAY {codes} LOOP
                IF EXISTS (SELECT 1 FROM public.user_role WHERE user_id = target AND role = g)
                THEN EXECUTE format('GRANT %I TO %I', {_lit(p)} || g, login);
                ELSE EXECUTE format('REVOKE %I FROM %I', {_lit(p)} || g, login);
                END IF;
            END LOOP;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'create_login')}(target integer, verifier text)
        RETURNS text {plpg} AS $$
        DECLARE login text;
        BEGIN {check_admin} {login_of} {check_verifier}
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
                EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', login, verifier);
            ELSE
                EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE '
                               'INHERIT PASSWORD %L', login, verifier);
            END IF;
            EXECUTE format('GRANT %I TO %I', {_lit(p + 'staff')}, login);
            PERFORM {_q(p + 'sync_groups')}(target, login);
            UPDATE public.user_account SET active = true WHERE id = target;
            RETURN login;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'set_roles')}(target integer, roles text[])
        RETURNS void {plpg} AS $$
        DECLARE login text; bad text;
        BEGIN {check_admin} {login_of}
            SELECT string_agg(r, ', ') INTO bad FROM unnest(roles) r WHERE r <> ALL({codes});
            IF bad IS NOT NULL OR coalesce(array_length(roles, 1), 0) = 0 THEN
                RAISE EXCEPTION 'unknown role(s): %', coalesce(bad, '-') USING ERRCODE = '22023';
            END IF;
            DELETE FROM public.user_role WHERE user_id = target;
            INSERT INTO public.user_role (user_id, role)
                 SELECT DISTINCT target, r FROM unnest(roles) r;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
                PERFORM {_q(p + 'sync_groups')}(target, login);
            END IF;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'set_active')}(target integer, on_ boolean)
        RETURNS void {plpg} AS $$
        DECLARE login text;
        BEGIN {check_admin} {login_of}
            UPDATE public.user_account SET active = on_ WHERE id = target;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
                EXECUTE format('ALTER ROLE %I %s', login,
                               CASE WHEN on_ THEN 'LOGIN' ELSE 'NOLOGIN' END);
            END IF;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {_q(p + 'set_password')}(target integer, verifier text,
                                                                pw_hash text)
        RETURNS void {plpg} AS $$
        DECLARE login text;
        BEGIN
            IF target <> {me}() AND NOT EXISTS (SELECT 1 FROM public.user_role
                                                 WHERE user_id = {me}() AND role = 'admin') THEN
                RAISE EXCEPTION '% may not set another user''s password', session_user
                    USING ERRCODE = '42501';
            END IF;
            {login_of} {check_verifier}
            UPDATE public.user_account SET password_hash = pw_hash WHERE id = target;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
                EXECUTE format('ALTER ROLE %I PASSWORD %L', login, verifier);
            END IF;
        END $$""",
    ]


def _sees_desk_qual(p: str) -> str:
    """`<p>sees_desk(desk_id)` spelled so that the planner evaluates the caller's desk
    and `sees_all` once per statement (InitPlans) instead of calling a SECURITY
    DEFINER function (never inlined) for every row it looks at: the duty log's
    search went from ~150 µs a row to nothing (docs/benchmarks.md, issue 11)."""
    return (f"desk_id IS NULL OR desk_id = (SELECT {_q(p + 'my_desk')}()) "
            f"OR (SELECT {_q(p + 'sees_all')}())")


#: Full-text search under row-level security: the planner uses an index for a
#: condition of the query only if its functions are LEAKPROOF (else it filters
#: every row the policy lets through first, computing the tsvector each time). The
#: two the duty log's search condition applies to a column raise no error that
#: depends on the row (to_tsvector only for a text over 1 MB, which the entry's
#: length limits exclude), so `apply` (a superuser) marks them, in this database.
LEAKPROOF_FUNCTIONS = ("pg_catalog.ts_match_vq(tsvector, tsquery)",
                       "pg_catalog.to_tsvector(regconfig, text)")


def _acts_on_desk_qual(p: str) -> str:
    """`<p>acts_on_desk(desk_id)` with its common case, the caller's own desk, read
    once per statement: the full function (the Director, the admin, a relayed
    request) runs only for a row of another desk."""
    return (f"(desk_id IS NULL OR desk_id = (SELECT {_q(p + 'my_desk')}()) "
            f"OR {_q(p + 'acts_on_desk')}(desk_id))")


def _table_sql(p: str, table: str, rule: Rule) -> list[str]:
    t, staff, owner, manager = _q(table), _q(p + "staff"), _q(p + "owner"), _q(p + "manager")
    acts = _acts_on_desk_qual(p)
    out = [f"ALTER TABLE {t} OWNER TO {owner}",
           f"REVOKE ALL ON {t} FROM PUBLIC",
           f"REVOKE ALL ON {t} FROM {staff}",
           f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
           f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY"]
    out += [f"""DO $$ DECLARE pol record; BEGIN
        FOR pol IN SELECT policyname FROM pg_policies
                    WHERE schemaname = 'public' AND tablename = {_lit(table)} LOOP
            EXECUTE format('DROP POLICY %I ON public.%I', pol.policyname, {_lit(table)});
        END LOOP; END $$"""]

    def policy(name: str, command: str, to: str, using: str | None = None,
               check: str | None = None) -> str:
        sql = f"CREATE POLICY {_q(table + '_' + name)} ON {t} FOR {command} TO {to}"
        if using is not None:
            sql += f" USING ({using})"
        if check is not None:
            sql += f" WITH CHECK ({check})"
        return sql

    # the owner (the definer functions) reads everything; it writes nothing but what
    # the manager's functions write (below)
    out.append(policy("owner_read", "SELECT", f"{owner}, {manager}", "true"))
    writers = ", ".join(_q(p + g) for g in REFERENCE_WRITERS)
    if rule.kind == Kind.VERSION:
        out += [f"GRANT SELECT ON {t} TO {staff}", policy("read", "SELECT", staff, "true")]
    elif rule.kind == Kind.REFERENCE:
        out += [f"GRANT SELECT ON {t} TO {staff}", policy("read", "SELECT", staff, "true"),
                f"GRANT INSERT, UPDATE{', DELETE' if rule.delete else ''} ON {t} TO {writers}",
                policy("insert", "INSERT", writers, check="true"),
                policy("update", "UPDATE", writers, "true", "true")]
        if rule.delete:
            out.append(policy("delete", "DELETE", writers, "true"))
    elif rule.kind == Kind.ACCOUNTS:
        out += [f"GRANT SELECT ON {t} TO {staff}", policy("read", "SELECT", staff, "true")]
        if table == "user_account":
            admin = _q(p + "admin")
            out += [f"GRANT INSERT, UPDATE (full_name, title, phone, desk_id, unit_id, version) "
                    f"ON {t} TO {admin}",
                    # a new account starts without a login; the role functions give it
                    policy("insert", "INSERT", admin, check="NOT active"),
                    policy("update", "UPDATE", admin, "true", "true"),
                    f"GRANT UPDATE (password_hash, active) ON {t} TO {manager}",
                    policy("manager_update", "UPDATE", manager, "true", "true")]
        else:
            out += [f"GRANT INSERT, DELETE ON {t} TO {manager}",
                    policy("manager_insert", "INSERT", manager, check="true"),
                    policy("manager_delete", "DELETE", manager, "true")]
    elif rule.kind in (Kind.DESK, Kind.APPEND, Kind.STEPS):
        out += [f"GRANT SELECT, INSERT ON {t} TO {staff}",
                policy("read", "SELECT", staff, _sees_desk_qual(p)),
                policy("insert", "INSERT", staff, check=acts)]
        if rule.kind == Kind.DESK:
            out += [f"GRANT UPDATE ON {t} TO {staff}",
                    policy("update", "UPDATE", staff, acts, acts)]
            if rule.delete:
                out += [f"GRANT DELETE ON {t} TO {staff}",
                        policy("delete", "DELETE", staff, acts)]
        if rule.kind == Kind.STEPS:
            out += [f"GRANT UPDATE (countersigned_at, log_entry_id, version) ON {t} TO {staff}",
                    policy("update", "UPDATE", staff, acts, acts)]
        if rule.kind in (Kind.APPEND, Kind.STEPS):
            out += [f"DROP TRIGGER IF EXISTS {_q(p + 'append_only')} ON {t}",
                    f"CREATE TRIGGER {_q(p + 'append_only')} BEFORE "
                    f"{'UPDATE OR ' if table == 'change_event' else ''}DELETE ON {t} "
                    f"FOR EACH ROW EXECUTE FUNCTION {_q(p + 'append_only')}()",
                    f"DROP TRIGGER IF EXISTS {_q(p + 'no_truncate')} ON {t}",
                    f"CREATE TRIGGER {_q(p + 'no_truncate')} BEFORE TRUNCATE ON {t} "
                    f"FOR EACH STATEMENT EXECUTE FUNCTION {_q(p + 'append_only')}()"]
    elif rule.kind == Kind.KEYS:
        # the holder or an admin; guard_key judges each column
        mine = f"user_id = (SELECT {_q(p + 'me')}()) OR (SELECT {_q(p + 'has_role')}('admin'))"
        out += [f"GRANT SELECT, INSERT, UPDATE ON {t} TO {staff}",
                policy("read", "SELECT", staff, "true"),
                policy("insert", "INSERT", staff, check=mine),
                policy("update", "UPDATE", staff, mine, mine),
                f"DROP TRIGGER IF EXISTS {_q(p + 'guard_key')} ON {t}",
                f"CREATE TRIGGER {_q(p + 'guard_key')} BEFORE INSERT OR UPDATE OR DELETE "
                f"ON {t} FOR EACH ROW EXECUTE FUNCTION {_q(p + 'guard_key')}()",
                f"DROP TRIGGER IF EXISTS {_q(p + 'no_truncate')} ON {t}",
                f"CREATE TRIGGER {_q(p + 'no_truncate')} BEFORE TRUNCATE ON {t} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {_q(p + 'append_only')}()"]
    elif rule.kind == Kind.CHILD:
        grant = "SELECT, INSERT, UPDATE" + (", DELETE" if rule.delete else "")
        out += [f"GRANT {grant} ON {t} TO {staff}",
                policy("read", "SELECT", staff, "true"),
                policy("insert", "INSERT", staff, check="true"),
                policy("update", "UPDATE", staff, "true", "true")]
        if rule.delete:
            out.append(policy("delete", "DELETE", staff, "true"))
    return out


def _table_extras_sql(p: str) -> list[str]:
    """Triggers and checks particular to a table."""
    rp = _q(p + "recorded_by_phone")
    return [
        f"GRANT UPDATE (hash, search_text) ON log_entry TO {_q(p + 'staff')}",
        f"DROP POLICY IF EXISTS {_q('log_entry_seal')} ON log_entry",
        f"CREATE POLICY {_q('log_entry_seal')} ON log_entry FOR UPDATE TO {_q(p + 'staff')} "
        f"USING (author_id = (SELECT {_q(p + 'me')}())) "
        f"WITH CHECK (author_id = (SELECT {_q(p + 'me')}()))",
        f"DROP TRIGGER IF EXISTS {_q(p + 'seal_once')} ON log_entry",
        f"CREATE TRIGGER {_q(p + 'seal_once')} BEFORE UPDATE ON log_entry "
        f"FOR EACH ROW EXECUTE FUNCTION {_q(p + 'seal_once')}()",
        f"DROP TRIGGER IF EXISTS {_q(p + 'head_forward')} ON log_chain_head",
        f"CREATE TRIGGER {_q(p + 'head_forward')} BEFORE UPDATE OR DELETE ON log_chain_head "
        f"FOR EACH ROW EXECUTE FUNCTION {_q(p + 'head_forward')}()",
        f"DROP TRIGGER IF EXISTS {_q(p + 'guard_step')} ON incident_step",
        f"CREATE TRIGGER {_q(p + 'guard_step')} BEFORE INSERT OR UPDATE ON incident_step "
        f"FOR EACH ROW EXECUTE FUNCTION {_q(p + 'guard_step')}()",
        f"DROP TRIGGER IF EXISTS {_q(p + 'guard_incident')} ON incident",
        f"CREATE TRIGGER {_q(p + 'guard_incident')} BEFORE INSERT OR UPDATE ON incident "
        f"FOR EACH ROW EXECUTE FUNCTION {_q(p + 'guard_incident')}()",
        f"DROP TRIGGER IF EXISTS {_q(p + 'guard_handover')} ON handover",
        f"CREATE TRIGGER {_q(p + 'guard_handover')} BEFORE INSERT OR UPDATE OR DELETE "
        f"ON handover FOR EACH ROW EXECUTE FUNCTION {_q(p + 'guard_handover')}()",
        f"DROP TRIGGER IF EXISTS {_q(p + 'decided_state')} ON incident",
        f"CREATE CONSTRAINT TRIGGER {_q(p + 'decided_state')} AFTER UPDATE ON incident "
        f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        f"EXECUTE FUNCTION {_q(p + 'decided_state')}()",
        # the log entry is its author's, written under his own login
        f"DROP POLICY IF EXISTS {_q('log_entry_insert')} ON log_entry",
        f"CREATE POLICY {_q('log_entry_insert')} ON log_entry FOR INSERT TO {_q(p + 'staff')} "
        f"WITH CHECK ({_acts_on_desk_qual(p)} AND author_id = (SELECT {_q(p + 'me')}()))",
        f"DROP POLICY IF EXISTS {_q('unit_request_insert')} ON unit_request",
        f"CREATE POLICY {_q('unit_request_insert')} ON unit_request FOR INSERT "
        f"TO {_q(p + 'staff')} WITH CHECK ({_acts_on_desk_qual(p)} "
        f"AND created_by = (SELECT {_q(p + 'me')}()) "
        f"AND (incident_id IS NULL OR NOT {rp}(incident_id)))",
        # an issued document is archived with its hash: only its log entry and its
        # e-mailing are written afterwards
        f"REVOKE UPDATE ON issued_document FROM {_q(p + 'staff')}",
        f"GRANT UPDATE (log_entry_id, emailed_to, emailed_at) ON issued_document "
        f"TO {_q(p + 'staff')}",
        # nor issues its fax (II, V): the document answering a request of that incident
        f"DROP POLICY IF EXISTS {_q('issued_document_insert')} ON issued_document",
        f"CREATE POLICY {_q('issued_document_insert')} ON issued_document FOR INSERT "
        f"TO {_q(p + 'staff')} WITH CHECK ({_acts_on_desk_qual(p)} "
        f"AND issued_by = (SELECT {_q(p + 'me')}()) "
        f"AND (request_id IS NULL OR NOT {rp}((SELECT r.incident_id FROM unit_request r "
        f"WHERE r.id = issued_document.request_id))))",
    ]


FUNCTIONS_OWNED_BY_MANAGER = ("sync_groups", "create_login", "set_roles", "set_active",
                              "set_password")


def statements(prefix: str, tables: list[str], database: str) -> list[str]:
    """Every statement `apply` runs, in order (idempotent)."""
    p = check_prefix(prefix)
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise SecurityError(QT_TRANSLATE_NOOP(
            "errors", "No security rule for the table(s) {tables}: add them to "
                      "app/db/security.py TABLES."), tables=", ".join(unknown))
    staff, owner, manager = _q(p + "staff"), _q(p + "owner"), _q(p + "manager")
    out = _roles_sql(p)
    out += [f"REVOKE ALL ON DATABASE {_q(database)} FROM PUBLIC",
            f"GRANT CONNECT, TEMPORARY ON DATABASE {_q(database)} TO {staff}",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            f"GRANT USAGE ON SCHEMA public TO {staff}, {manager}",
            f"GRANT USAGE, CREATE ON SCHEMA public TO {owner}"]
    out += [f"ALTER FUNCTION {f} LEAKPROOF" for f in LEAKPROOF_FUNCTIONS]
    out += _helpers_sql(p) + _triggers_sql(p) + _manager_sql(p)
    for table in tables:
        out += _table_sql(p, table, TABLES[table])
    out += _table_extras_sql(p)
    out.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {staff}")
    for name in ("me", "my_desk", "has_role", "sees_all", "sees_desk", "acts_on_desk",
                 "recorded_by_phone", "append_only", "seal_once", "head_forward", "guard_step",
                 "guard_incident", "guard_handover", "guard_key", "decided_state",
                 *FUNCTIONS_OWNED_BY_MANAGER):
        out.append(f"""DO $$ DECLARE f regprocedure; BEGIN
            FOR f IN SELECT oid::regprocedure FROM pg_proc
                      WHERE proname = {_lit(p + name)}
                        AND pronamespace = 'public'::regnamespace LOOP
                EXECUTE format('ALTER FUNCTION %s OWNER TO %I', f,
                               {_lit(p + ('manager' if name in FUNCTIONS_OWNED_BY_MANAGER
                                          else 'owner'))});
                EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
                EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, {_lit(p + 'staff')});
            END LOOP; END $$""")
    # the manager's functions read and write the accounts through the owner's tables
    out += [f"GRANT SELECT ON user_account, user_role TO {manager}",
            f"GRANT EXECUTE ON FUNCTION {_q(p + 'me')}() TO {manager}"]
    return out


def _run(conn: Connection, sql: str) -> None:
    """One statement as written (no parameters: '%' in PL/pgSQL stays as it is)."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def apply(conn: Connection, prefix: str = DEFAULT_PREFIX) -> int:
    """Create the roles, functions, grants and policies on the connected database
    (as a superuser, after the migrations). Returns how many tables it covered."""
    tables = list(conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    )).scalars())
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    for sql in statements(prefix, tables, database):
        _run(conn, sql)
    log.info("database security applied: %d tables, prefix %s", len(tables), prefix)
    return len(tables)


def bootstrap_login(conn: Connection, prefix: str, username: str, password: str) -> str:
    """The database administrator's first login for an existing account (the first
    admin, at set-up): as a superuser, the same role and groups the manager's
    functions give, and the same password twice, as `<p>set_password` writes it: the
    SCRAM verifier on the login, the Argon2id hash on the account (the offline
    cache's check, the signing key's)."""
    from app.auth import hash_password  # noqa: PLC0415 (app.auth is not needed by apply)
    verifier, pw_hash = scram.verifier(password), hash_password(password)
    p = check_prefix(prefix)
    row = conn.execute(text("SELECT id FROM user_account WHERE lower(username) = lower(:u)"),
                       {"u": username.strip()}).first()
    if row is None:
        raise SecurityError(QT_TRANSLATE_NOOP("errors", "Unknown user {name}."), name=username)
    login = login_name(p, username)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).first()
    verb = "ALTER ROLE {0} LOGIN" if exists else \
        "CREATE ROLE {0} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT"
    _run(conn, verb.format(_q(login)) + f" PASSWORD {_lit(verifier)}")
    _run(conn, f"GRANT {_q(p + 'staff')} TO {_q(login)}")
    conn.execute(text(f"SELECT {_q(p + 'sync_groups')}(:id, :login)"),
                 {"id": row[0], "login": login})
    conn.execute(text("UPDATE user_account SET active = true, password_hash = :h WHERE id = :id"),
                 {"id": row[0], "h": pw_hash})
    return login


def drop(conn: Connection, prefix: str) -> None:
    """Remove the prefix's roles from the cluster (tests, a site taken down): every
    login and group of the prefix, after what they own and were granted."""
    p = check_prefix(prefix)
    names = list(conn.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname LIKE :p ESCAPE '\\' ORDER BY rolname"),
        {"p": p.replace("_", "\\_") + "%"}).scalars())
    for name in names:
        _run(conn, f"DROP OWNED BY {_q(name)} CASCADE")
    for name in names:
        _run(conn, f"DROP ROLE IF EXISTS {_q(name)}")


__all__ = ["DEFAULT_PREFIX", "TABLES", "Kind", "Rule", "SecurityError", "apply",
           "bootstrap_login", "check_prefix", "drop", "login_name", "statements"]
