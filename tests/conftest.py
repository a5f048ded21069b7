"""Shared fixtures: isolated settings and data folders, a fresh database per test
on SQLite and on PostgreSQL (cloned from a migrated, seeded template), a
controllable clock, and the guard that fails a test leaking a thread or a
top-level window."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

_ISOLATED = tempfile.mkdtemp(prefix="customs-test-home-")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CUSTOMS_CONFIG_DIR"] = os.path.join(_ISOLATED, "config")
os.environ["CUSTOMS_DATA_DIR"] = os.path.join(_ISOLATED, "data")
os.environ.pop("CUSTOMS_DB_URL", None)

import pytest  # noqa: E402

import forms  # noqa: E402
from app.auth import CurrentUser, to_current  # noqa: E402
from app.clock import FixedClock, to_local, to_utc  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.db.engine import Database  # noqa: E402
from app.demo import SITE_FILE  # noqa: E402
from app.org import parse_yaml  # noqa: E402
from app.settings import Settings  # noqa: E402
from tests.helpers.pg import PgServer  # noqa: E402

forms.install()   # the printers, as main.py installs them

# Every test's fixed clock starts at T0 (stored UTC): by default a weekday morning
# inside office hours, local time 09:00 on 27/11/2026. `pytest --t0 "YYYY-MM-DD
# HH:MM:SS"` (local time, Asia/Ho_Chi_Minh) moves it for the whole suite, so that the
# suite is seen passing on any date; set before the test modules are imported, which
# read it with `from tests.conftest import T0`. Child processes of tests get it in
# CUSTOMS_TEST_T0.
DEFAULT_T0_LOCAL = datetime(2026, 11, 27, 9, 0)
T0 = to_utc(DEFAULT_T0_LOCAL)
T0_FORMAT = "%Y-%m-%d %H:%M:%S"


def pytest_addoption(parser) -> None:  # type: ignore[no-untyped-def]
    parser.addoption("--t0", default=None, metavar="'YYYY-MM-DD HH:MM:SS'",
                     help="local time (Asia/Ho_Chi_Minh) at which every test's clock starts "
                          f"(default {DEFAULT_T0_LOCAL:{T0_FORMAT}})")


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    global T0
    raw = config.getoption("--t0") or os.environ.get("CUSTOMS_TEST_T0")
    if raw:
        try:
            T0 = to_utc(datetime.strptime(raw.strip(), T0_FORMAT))
        except ValueError as exc:
            raise pytest.UsageError(f"--t0 {raw!r}: expected 'YYYY-MM-DD HH:MM:SS'") from exc
    os.environ["CUSTOMS_TEST_T0"] = f"{to_local(T0):{T0_FORMAT}}"


def working_day_at(at: time_of_day, weekday: int | None = None) -> datetime:
    """A scenario's moment that follows T0: local time `at` (stored UTC) on the first
    working day (Monday–Friday, not a holiday of the demo site) on or after T0's local
    date, and of `weekday` (0 = Monday) if given. Tests that need "a Friday morning in
    office hours" set their clock here, so they run wherever --t0 puts the suite."""
    holidays = {h["day"] if isinstance(h["day"], date) else date.fromisoformat(str(h["day"]))
                for h in parse_yaml(SITE_FILE).holidays}
    day = to_local(T0).date()
    while day.weekday() >= 5 or day in holidays or (weekday is not None
                                                    and day.weekday() != weekday):
        day += timedelta(days=1)
    return to_utc(datetime.combine(day, at))


def pytest_report_header(config) -> str:  # type: ignore[no-untyped-def]  # noqa: ARG001
    return f"test clock T0: {to_local(T0):{T0_FORMAT}} (Asia/Ho_Chi_Minh)"


def pytest_sessionfinish(session, exitstatus) -> None:  # noqa: ARG001
    shutil.rmtree(_ISOLATED, ignore_errors=True)


# -- databases ------------------------------------------------------------------
@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer()
    yield server
    server.stop()


def _seed_template(url: str, data_dir: Path) -> None:
    db = Database(url)
    db.migrate()
    ctx = AppContext(settings=Settings(data_dir=str(data_dir)), clock=FixedClock(T0), db=db,
                     data_dir=data_dir)
    ctx.reference.import_site(None, parse_yaml(SITE_FILE))
    ctx.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("sqlite-template")
    path = d / "template.sqlite"
    _seed_template(f"sqlite:///{path}", d)
    db = Database(f"sqlite:///{path}")
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer, tmp_path_factory) -> Iterator[str]:
    name = pg_server.create()
    _seed_template(pg_server.url(name), tmp_path_factory.mktemp("pg-template"))
    yield name
    pg_server.drop(name)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, migrated database holding the demo site's reference data."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "shared.sqlite"
        shutil.copy(template, path)
        yield f"sqlite:///{path}"
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        name = server.create(template=request.getfixturevalue("pg_template"))
        yield server.url(name)
        server.drop(name)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def ctx(db_url: str, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    data_dir = tmp_path / "console"
    c = AppContext(settings=Settings(data_dir=str(data_dir), database_url=db_url),
                   clock=clock, db=Database(db_url), data_dir=data_dir)  # type: ignore[arg-type]
    c.db.migrate()
    yield c
    c.close()


@pytest.fixture
def users(ctx: AppContext) -> dict[str, CurrentUser]:
    return {u.username: to_current(u) for u in ctx.reference.users()}


@pytest.fixture
def desk(ctx: AppContext):  # type: ignore[no-untyped-def]
    return ctx.reference.desk_by_code("HQ")


# -- the leak guard -----------------------------------------------------------------
@pytest.fixture(autouse=True)
def _leak_guard() -> Iterator[None]:
    """Fails a test that leaves a thread running or a top-level window open."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3.0
    leaked: list[threading.Thread] = []
    while True:
        leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not leaked or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    windows: list[str] = []
    try:
        from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        app = QApplication.instance()
        if app is not None:
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            windows = [f"{type(w).__name__}({w.windowTitle()!r})"
                       for w in QApplication.topLevelWidgets() if w.isVisible()]
            for w in QApplication.topLevelWidgets():
                if w.isVisible():
                    w.close()
    except ImportError:
        pass
    problems = []
    if leaked:
        problems.append("leaked threads: " + ", ".join(t.name for t in leaked))
    if windows:
        problems.append("leaked top-level windows: " + ", ".join(windows))
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)
