"""The durable outbox: duty-log entries written while the shared PostgreSQL is
out of reach (a cut network, a lost COMMIT reply, a console restarted before the
replay, two replays at once) reach the log exactly once, in order, with the chain
intact. The database sits behind a TCP proxy the tests cut and restore."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.auth import CurrentUser, to_current
from app.context import AppContext
from app.db.engine import Database
from app.db.models import LogEntry
from app.dutylog import EntryDraft
from app.org import ReferenceData
from app.settings import Settings
from tests.conftest import T0
from tests.helpers.pg import PgServer
from tests.helpers.proxy import TcpProxy
from tests.helpers.subproc import wait_until

T = TypeVar("T")
CONNECT_TIMEOUT_S = 2.0
NO_HANG_S = 30.0        # generous: a cut network must fail a write, not hang it
PROPAGATION_S = 30.0
SKEW = timedelta(minutes=-7)  # the console's own clock runs 7 minutes behind the server's


class ConsoleClock:
    """A controllable clock whose uncorrected workstation time (`local_now`)
    differs from the server-synchronised time (`now`), so the tests can tell
    an offline entry's local time from its recorded time."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def local_now(self) -> datetime:
        return self._now + SKEW

    def sync(self, server_now: datetime) -> None:  # noqa: ARG002 - tests keep their time
        return None

    def advance(self, delta: timedelta) -> None:
        self._now += delta


class Site:
    """One PostgreSQL database (cloned from the seeded template) reachable directly
    and through a proxy; consoles are AppContexts whose database goes through the proxy."""

    def __init__(self, server: PgServer, template: str, tmp_path: Path) -> None:
        self.server = server
        self.dbname = server.create(template=template)
        target = make_url(server.admin)
        self.proxy = TcpProxy(target.host or "127.0.0.1", target.port or 5432)
        self.direct = Database(server.url(self.dbname))
        self.proxied_url = make_url(server.url(self.dbname)).set(
            host="127.0.0.1", port=self.proxy.port).render_as_string(hide_password=False)
        self.data_dir = tmp_path / "console"
        self.clock = ConsoleClock(T0)
        self._consoles: list[AppContext] = []

    def console(self) -> AppContext:
        """A console (its own outbox in the shared data folder) behind the proxy."""
        ctx = AppContext(settings=Settings(data_dir=str(self.data_dir),
                                           database_url=self.proxied_url),
                         clock=self.clock,  # type: ignore[arg-type]
                         db=Database(self.proxied_url, connect_timeout=CONNECT_TIMEOUT_S),
                         data_dir=self.data_dir)
        self._consoles.append(ctx)
        return ctx

    def close_console(self, ctx: AppContext) -> None:
        self._consoles.remove(ctx)
        ctx.close()

    def rows(self, desk_id: int) -> list[LogEntry]:
        """The desk's log as the server has it (bypassing the proxy)."""
        with self.direct.read() as s:
            return list(s.scalars(select(LogEntry).where(LogEntry.desk_id == desk_id)
                                  .order_by(LogEntry.seq)))

    def count(self, client_id: str) -> int:
        with self.direct.read() as s:
            return int(s.scalar(select(func.count()).select_from(LogEntry)
                                .where(LogEntry.client_id == client_id)) or 0)

    def close(self) -> None:
        for ctx in list(self._consoles):
            ctx.close()
        self.proxy.close()
        self.direct.dispose()
        self.server.drop(self.dbname)


@pytest.fixture
def site(pg_server: PgServer, pg_template: str, tmp_path: Path) -> Iterator[Site]:
    s = Site(pg_server, pg_template, tmp_path)
    yield s
    s.close()


@pytest.fixture
def console(site: Site) -> AppContext:
    ctx = site.console()
    ctx.db.ping()  # connected through the proxy before the network goes
    return ctx


@pytest.fixture
def officer(site: Site) -> CurrentUser:
    users = ReferenceData(site.direct, site.clock).users()  # type: ignore[arg-type]
    return next(to_current(u) for u in users if u.username == "giamsat1")


@pytest.fixture
def hq(site: Site) -> int:
    return ReferenceData(site.direct, site.clock).desk_by_code("HQ").id  # type: ignore[arg-type]


def _promptly(call: Callable[[], T]) -> T:
    """Run the window-level call on a worker thread; it must come back (no hang)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = call()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["error"] = exc

    t = threading.Thread(target=run, name="submit")
    t.start()
    t.join(NO_HANG_S)
    assert not t.is_alive(), f"the call hung for more than {NO_HANG_S:.0f} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


def _draft(i: int) -> EntryDraft:
    return EntryDraft(kind="work", content=f"Kiểm tra hệ thống camera khu vực {i}",
                      scope="Cảng Hải Phòng")


def _queue(site: Site, ctx: AppContext, user: CurrentUser, desk_id: int,
           n: int) -> list[tuple[str, datetime]]:
    """Submit n entries with the network cut; (client_id, console local time) each."""
    out = []
    for i in range(n):
        site.clock.advance(timedelta(minutes=1))
        draft = _draft(i)
        outcome = _promptly(lambda d=draft: ctx.writer.submit(user, desk_id, d))
        assert outcome.entry is None, "queued, not written"
        assert outcome.error, "the console is told why"
        out.append((outcome.client_id, site.clock.local_now()))
    return out


def _assert_written_once_in_order(site: Site, ctx: AppContext, desk_id: int,
                                  queued: list[tuple[str, datetime]]) -> list[LogEntry]:
    rows = site.rows(desk_id)
    assert [r.client_id for r in rows] == [cid for cid, _ in queued], \
        "each entry exactly once, in the order written"
    assert [r.seq for r in rows] == list(range(1, len(queued) + 1))
    for row, (_cid, local) in zip(rows, queued, strict=True):
        assert row.offline is True
        assert row.local_time == local
        assert row.entry_time == local, "an offline entry is dated by the console's clock"
        assert row.recorded_at is not None
    for cid, _local in queued:
        item = ctx.outbox.get(cid)
        assert item is not None and item.state == "done"
        assert item.entry_id == next(r.id for r in rows if r.client_id == cid)
    assert ctx.outbox.count_pending() == 0
    result = ctx.dutylog.verify(desk_id)
    assert result.ok, result.reason
    return rows


# -- a cut network ------------------------------------------------------------------
def test_entries_written_while_cut_are_queued_and_replayed_once(site, console, officer, hq):
    site.proxy.cut()
    queued = _queue(site, console, officer, hq, 3)

    for cid, local in queued:
        item = console.outbox.get(cid)
        assert item is not None and item.state == "pending"
        assert item.draft.offline is True
        assert item.draft.local_time == local
        # each submit behind the queue replays it first: the oldest is tried each time
        assert item.attempts >= 1 and item.last_error
    assert console.outbox.count_pending() == 3
    assert site.rows(hq) == []

    # Still cut: a replay writes nothing and keeps everything.
    still_cut = _promptly(console.writer.replay)
    assert still_cut == (0, 3)

    site.proxy.restore()
    site.clock.advance(timedelta(minutes=5))
    replayed_at = site.clock.now()
    assert console.writer.replay() == (3, 0)
    rows = _assert_written_once_in_order(site, console, hq, queued)
    assert all(r.recorded_at == replayed_at for r in rows)
    assert all(r.local_time != r.recorded_at for r in rows)

    # A second replay finds nothing to do.
    assert console.writer.replay() == (0, 0)
    assert len(site.rows(hq)) == 3


# -- a lost COMMIT reply --------------------------------------------------------------
def test_lost_commit_reply_is_not_written_twice(site, console, officer, hq):
    console.roster.current_shift(hq)  # the shift exists: the next COMMIT is the entry's
    site.proxy.lose_commit_reply()
    draft = _draft(1)
    outcome = _promptly(lambda: console.writer.submit(officer, hq, draft))
    assert site.proxy.commits_lost == 1
    assert outcome.entry is None and outcome.error, "the console saw an error: queued"
    assert console.outbox.get(outcome.client_id).state == "pending"  # type: ignore[union-attr]

    # ...yet the server did commit it.
    wait_until(lambda: site.count(outcome.client_id) == 1, PROPAGATION_S,
               what="the committed row on the server")
    row = site.rows(hq)[0]

    assert console.writer.replay()[1] == 0
    assert site.count(outcome.client_id) == 1, "the replay added no second row"
    assert [r.id for r in site.rows(hq)] == [row.id]
    item = console.outbox.get(outcome.client_id)
    assert item is not None and item.state == "done" and item.entry_id == row.id
    assert console.dutylog.verify(hq).ok

    # The console carries on normally afterwards.
    after = _promptly(lambda: console.writer.submit(officer, hq, _draft(2)))
    assert after.entry is not None and after.entry.seq == 2
    assert console.dutylog.verify(hq).ok


# -- a restart before the replay ------------------------------------------------------------
def test_entries_queued_before_a_restart_are_replayed_once(site, console, officer, hq):
    site.proxy.cut()
    queued = _queue(site, console, officer, hq, 4)
    site.close_console(console)  # the console is closed (or crashes) before any replay

    site.proxy.restore()
    restarted = site.console()
    assert restarted.outbox.path == console.outbox.path
    assert restarted.outbox.count_pending() == 4
    assert restarted.writer.replay() == (4, 0)
    _assert_written_once_in_order(site, restarted, hq, queued)
    assert restarted.writer.replay() == (0, 0)
    assert len(site.rows(hq)) == 4


# -- two replays at once --------------------------------------------------------------------
def test_two_concurrent_replays_write_each_entry_once(site, console, officer, hq):
    site.proxy.cut()
    queued = _queue(site, console, officer, hq, 20)
    site.proxy.restore()

    start = threading.Barrier(2)
    results: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def replay() -> None:
        try:
            start.wait(timeout=30)
            r = console.writer.replay()
            with lock:
                results.append(r)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=replay, name=f"replay-{i}") for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(NO_HANG_S * 4)
    assert not any(t.is_alive() for t in threads), "a replay hung"
    assert errors == []
    assert all(left == 0 for _written, left in results)
    _assert_written_once_in_order(site, console, hq, queued)


# -- SQLite: no network in between ------------------------------------------------------------
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_submit_writes_directly(ctx, users, desk):
    outcome = ctx.writer.submit(users["giamsat1"], desk.id, _draft(1))
    assert outcome.entry is not None and outcome.error is None
    assert outcome.entry.offline is False and outcome.entry.local_time is None
    item = ctx.outbox.get(outcome.client_id)
    assert item is not None and item.state == "done" and item.entry_id == outcome.entry.id
    assert ctx.outbox.count_pending() == 0
    assert ctx.writer.replay() == (0, 0)
    assert [e.client_id for e in ctx.dutylog.entries(desk.id)] == [outcome.client_id]
    assert ctx.dutylog.verify(desk.id).ok


# -- a silent network ------------------------------------------------------------------------
def test_a_server_that_never_answers_does_not_hang_the_console(site, officer, hq, tmp_path):
    """The TCP handshake succeeds but nothing ever answers (a half-dead link or a
    stuck server): the connect timeout, not the operating system, ends the wait."""
    with socket.create_server(("127.0.0.1", 0), backlog=16) as silent:
        url = make_url(site.proxied_url).set(port=silent.getsockname()[1])
        data_dir = tmp_path / "silent-console"
        db = Database(url.render_as_string(hide_password=False), connect_timeout=CONNECT_TIMEOUT_S)
        ctx = AppContext(settings=Settings(data_dir=str(data_dir)),
                         clock=site.clock, db=db, data_dir=data_dir)  # type: ignore[arg-type]
        try:
            outcome = _promptly(lambda: ctx.writer.submit(officer, hq, _draft(1)))
            assert outcome.entry is None and outcome.error
            item = ctx.outbox.get(outcome.client_id)
            assert item is not None and item.state == "pending" and item.draft.offline
        finally:
            ctx.close()
