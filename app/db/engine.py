"""The database: engine creation for SQLite (WAL, busy timeout, IMMEDIATE write
transactions) and PostgreSQL, sessions for reading and writing, the server clock,
and running the Alembic chain."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, CursorResult, Engine, Result, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app import logs
from app.errors import (
    QT_TRANSLATE_NOOP,
    AuthenticationFailed,
    DatabaseUnavailable,
    PermissionDenied,
    conflict,
)

log = logs.get("db")
MIGRATIONS = Path(__file__).with_name("migrations")


class Database:
    """One shared database. `read()` and `write()` give sessions; on SQLite a
    write transaction starts with BEGIN IMMEDIATE so concurrent writers queue
    instead of failing, and the hash chain stays linear."""

    def __init__(self, url: str, connect_timeout: float = 5.0, *,
                 personal_login: bool = False) -> None:
        """`personal_login`: PostgreSQL with one login role per person (docs/security.md):
        the URL names no user; `log_in()` gives the person's login and password, and
        until then the database is unavailable."""
        self.url = make_url(url)
        self.dialect = self.url.get_backend_name()
        self.personal_login = personal_login and self.dialect == "postgresql"
        self._connect_timeout = connect_timeout
        self._build()

    def _build(self) -> None:
        kwargs: dict = {"future": True}
        if self.dialect == "sqlite":
            if self.url.database and self.url.database != ":memory:":
                Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        elif self.dialect == "postgresql":
            kwargs["connect_args"] = {"connect_timeout": max(1, int(self._connect_timeout)),
                                      "application_name": "customs-dutyroom"}
            kwargs["pool_pre_ping"] = True
            kwargs["pool_size"] = 4
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.dialect == "sqlite":
            _sqlite_setup(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def log_in(self, login: str, password: str) -> None:
        """Connect from now on as `login` (SCRAM on the server): checks the password
        at once. Raises AuthenticationFailed (wrong password, unknown or disabled
        login: the server does not say which) or DatabaseUnavailable."""
        self.engine.dispose()
        self.url = self.url.set(username=login, password=password)
        self._build()
        try:
            self.ping()
        except AuthenticationFailed:
            self.log_out()
            raise

    def log_out(self) -> None:
        self.engine.dispose()
        self.url = self.url.set(username=None, password=None)
        self._build()

    @property
    def logged_in(self) -> bool:
        return not self.personal_login or bool(self.url.username)

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._translate_errors(), self._sessions() as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction, committed on success."""
        with self._translate_errors(), self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with Session(bind=conn, expire_on_commit=False) as session, conn.begin():
                yield session
                session.flush()

    @contextlib.contextmanager
    def _translate_errors(self) -> Iterator[None]:
        if not self.logged_in:
            raise DatabaseUnavailable(QT_TRANSLATE_NOOP(
                "errors", "Log in to connect to the shared database: every officer connects "
                          "with his own database login."), reason="")
        try:
            yield
        except StaleDataError as exc:
            raise conflict("The record") from exc
        except OperationalError as exc:
            if _is_login_refused(exc):
                raise AuthenticationFailed(QT_TRANSLATE_NOOP(
                    "errors", "Wrong user name or password.")) from exc
            if _is_connection_error(exc):
                raise DatabaseUnavailable(QT_TRANSLATE_NOOP(
                    "errors", "The database is unreachable: {reason}"),
                    reason=str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)) from exc
            raise
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42501":   # insufficient_privilege
                raise PermissionDenied(QT_TRANSLATE_NOOP(
                    "errors", "The shared database refused this: {reason}"),
                    reason=_server_message(exc)) from exc
            if exc.connection_invalidated:
                raise DatabaseUnavailable(QT_TRANSLATE_NOOP(
                    "errors", "The connection to the database was lost."), reason="") from exc
            raise

    def server_now(self) -> datetime:
        """The database server's clock, naive UTC."""
        with self.read() as s:
            if self.is_postgres:
                return s.execute(text("SELECT (now() AT TIME ZONE 'UTC')")).scalar_one()
            value = s.execute(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")).scalar_one()
            return datetime.fromisoformat(value)

    def ping(self) -> None:
        with self.read() as s:
            s.execute(text("SELECT 1"))

    def migrate(self) -> None:
        """Run the Alembic chain to head (one chain for SQLite and PostgreSQL)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self._translate_errors(), self.engine.begin() as conn:
            if self.is_postgres:
                # Two consoles starting together must not migrate at once.
                conn.execute(text("SELECT pg_advisory_xact_lock(8881)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def dispose(self) -> None:
        self.engine.dispose()


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE touched (the statement's CursorResult says;
    the typed Result of Session.execute does not show it)."""
    return cast("CursorResult[Any]", result).rowcount


def _server_message(exc: DBAPIError) -> str:
    """The server's own first line (RAISE EXCEPTION's text, or its permission error)."""
    diag = getattr(exc.orig, "diag", None)
    primary = getattr(diag, "message_primary", None)
    return primary or (str(exc.orig).strip().splitlines() or [""])[0]


def _is_login_refused(exc: OperationalError) -> bool:
    """The server refused the login itself (wrong password, unknown or NOLOGIN role)."""
    msg = str(exc.orig or exc).lower()
    return any(s in msg for s in ("password authentication failed", "is not permitted to log in",
                                  "no password supplied"))


def _is_connection_error(exc: OperationalError) -> bool:
    if exc.connection_invalidated:
        return True
    msg = str(exc.orig or exc).lower()
    return any(s in msg for s in ("connection", "could not connect", "server closed",
                                   "terminating", "timeout", "unable to open database",
                                   "network", "ssl"))


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")
