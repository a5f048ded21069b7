"""The change feed: a console sees what another console wrote, on SQLite (polling)
and PostgreSQL (LISTEN/NOTIFY doorbell), in-process and across OS processes, and
after the server kills its LISTEN connection it reconnects without missing a seq."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.db.changes import Change, ChangeFeed
from app.db.models import ChangeEvent
from app.dutylog import EntryDraft
from tests.helpers.subproc import Child, wait_until

PROPAGATION_S = 30.0  # generous: the doorbell is instant, SQLite polls every 0.2 s


class Collector:
    """Batches delivered on the feed's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.batches: list[list[Change]] = []
        self.states: list[str] = []

    def on_changes(self, batch: list[Change]) -> None:
        with self._lock:
            self.batches.append(list(batch))

    def on_state(self, state: str) -> None:
        with self._lock:
            self.states.append(state)

    def changes(self) -> list[Change]:
        with self._lock:
            return [c for b in self.batches for c in b]

    def has_state(self, state: str) -> bool:
        with self._lock:
            return state in self.states


def _append(ctx, user, desk, text: str):  # type: ignore[no-untyped-def]
    return ctx.dutylog.append(user, desk.id, EntryDraft(kind="work", content=text))


def test_feed_sees_a_change_written_by_another_write(ctx, users, desk):
    seen = Collector()
    feed = ChangeFeed(ctx.db, seen.on_changes, seen.on_state)
    feed.start()
    try:
        wait_until(lambda: seen.has_state("online"), PROPAGATION_S, what="the feed online")
        first = _append(ctx, users["giamsat1"], desk, "Camera cổng số 2 mất tín hiệu")
        second = _append(ctx, users["giamsat2"], desk, "Đã khôi phục tín hiệu camera")

        def both_seen() -> bool:
            refs = {(c.topic, c.ref_id) for c in seen.changes()}
            return {("dutylog", first.id), ("dutylog", second.id)} <= refs

        wait_until(both_seen, PROPAGATION_S, what="both duty-log changes")
    finally:
        feed.stop()
    changes = seen.changes()
    seqs = [c.seq for c in changes]
    assert seqs == sorted(set(seqs)), "changes are delivered once each, in seq order"
    assert all(c.desk_id == desk.id for c in changes if c.topic == "dutylog")
    assert seen.states[0] == "online"


def test_stop_ends_the_feed_while_it_waits_for_the_doorbell(ctx):
    """Logging out stops the feed from the GUI thread: it must end while waiting,
    not at the next safety poll (an hour away here)."""
    seen = Collector()
    feed = ChangeFeed(ctx.db, seen.on_changes, seen.on_state, safety_poll_s=3600)
    feed.start()
    thread = feed._thread
    assert thread is not None
    try:
        wait_until(lambda: seen.has_state("online"), PROPAGATION_S, what="the feed online")
    finally:
        feed.stop()  # joins the thread, giving up after 10 s
    assert not thread.is_alive(), "stop() returned with the feed still waiting"


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_feed_in_another_process_survives_a_killed_listen_connection(ctx, users, desk, db_url,
                                                                     pg_server):
    dbname = make_url(db_url).database
    ctx.roster.current_shift(desk.id)  # opened before: the child sees only the entries
    child = Child("tests.helpers.feed_worker", db_url)
    try:
        child.wait_for(lambda lines: "state online" in lines, PROPAGATION_S,
                       "the child's feed online")

        def child_seqs() -> list[int]:
            return [int(line.split()[1]) for line in child.lines if line.startswith("change ")]

        written = [_append(ctx, users["giamsat1"], desk, f"Trước sự cố {i}") for i in range(5)]
        child.wait_for(lambda _l: len(child_seqs()) >= 5, PROPAGATION_S,
                       "the first five changes in the child")

        # The server kills the child's LISTEN connection (a DBA, a crash, a failover).
        assert pg_server.terminate_listeners(dbname, "customs-dutyroom-feed") >= 1
        # Written while the child is (probably) still reconnecting: caught up by seq.
        written += [_append(ctx, users["giamsat2"], desk, f"Trong lúc mất kết nối {i}")
                    for i in range(5)]
        child.wait_for(lambda lines: "state reconnecting" in lines, PROPAGATION_S,
                       "the child to notice the lost connection")
        child.wait_for(lambda lines: lines.count("state online") >= 2, PROPAGATION_S,
                       "the child to reconnect")
        # After the reconnect: delivered by the doorbell again.
        written += [_append(ctx, users["giamsat1"], desk, f"Sau khi kết nối lại {i}")
                    for i in range(5)]
        child.wait_for(lambda _l: len(child_seqs()) >= 15, PROPAGATION_S,
                       "all fifteen changes in the child")
        code, out, err = child.finish()
    except BaseException:
        child.kill()
        raise
    assert code == 0, err
    assert out.splitlines()[-1] == "stopped"

    with ctx.db.read() as s:
        expected = list(s.scalars(select(ChangeEvent.seq).where(
            ChangeEvent.topic == "dutylog",
            ChangeEvent.ref_id.in_([e.id for e in written])).order_by(ChangeEvent.seq)))
    seqs = child_seqs()
    assert len(expected) == 15
    assert seqs == expected, "the child saw every change exactly once, in order"
    assert seqs == list(range(seqs[0], seqs[0] + 15)), "no seq missed"
    refs = [int(line.split()[3]) for line in child.lines if line.startswith("change ")]
    assert refs == [e.id for e in written]
