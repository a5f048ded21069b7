"""Change notification between consoles. Every write appends a `change_event` row
in its own transaction; PostgreSQL also rings a NOTIFY doorbell. A `ChangeFeed`
re-queries by sequence number after each doorbell (or on a short poll for SQLite),
so a lost notification or a dropped connection loses nothing."""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable

import psycopg
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import logs
from app.clock import Clock
from app.db.engine import Database
from app.db.models import ChangeEvent
from app.topics import Change, Topic, refs, touches

log = logs.get("db.notify")
CHANNEL = "customs_changes"
_ORDER_LOCK = 8882  # advisory lock: change_event rows commit in seq order
_WAIT_SLICE_S = 0.25  # longest wait for a doorbell before looking at the stop flag


def record_change(session: Session, clock: Clock, desk_id: int | None, topic: Topic,
                  ref_id: int | None = None) -> None:
    """Record a change inside the caller's write transaction; call it last."""
    if not isinstance(topic, Topic):
        raise TypeError(f"record_change takes a Topic, not {topic!r}")
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        # Held to COMMIT: sequence numbers become visible in order, so a reader
        # that has seen seq N will never later find a committed seq < N.
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ORDER_LOCK})
    session.add(ChangeEvent(desk_id=desk_id, topic=topic.value, ref_id=ref_id, at=clock.now()))
    session.flush()
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": topic.value})


_DEFERRED = "deferred_changes"


def defer_change(session: Session, desk_id: int | None, topic: Topic,
                 ref_id: int | None = None) -> None:
    """A change to record at the end of a batch written in one transaction (an ingested
    page: thousands of records, one change per topic, desk and ref), by
    `record_deferred`, so the ordering lock is taken last, as `record_change` wants."""
    session.info.setdefault(_DEFERRED, {})[(desk_id, topic, ref_id)] = None


def record_deferred(session: Session, clock: Clock) -> int:
    """Record the changes `defer_change` collected in this transaction; how many."""
    pending = session.info.pop(_DEFERRED, {})
    for desk_id, topic, ref_id in pending:
        record_change(session, clock, desk_id, topic, ref_id)
    return len(pending)


def latest_seq(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.coalesce(func.max(ChangeEvent.seq), 0))) or 0)


def changes_since(db: Database, seq: int, limit: int = 1000) -> list[Change]:
    return _batch_since(db, seq, limit)[0]


def _batch_since(db: Database, seq: int, limit: int = 1000) -> tuple[list[Change], int]:
    """The known changes after `seq`, and the last sequence number read (a row of a
    topic this console does not know is passed over, never waited on)."""
    with db.read() as s:
        rows = s.execute(select(ChangeEvent.seq, ChangeEvent.desk_id, ChangeEvent.topic,
                                ChangeEvent.ref_id).where(ChangeEvent.seq > seq)
                         .order_by(ChangeEvent.seq).limit(limit)).all()
    out: list[Change] = []
    for seq_, desk_id, topic, ref_id in rows:
        try:
            out.append(Change(seq_, desk_id, Topic(topic), ref_id))
        except ValueError:
            # A newer console's topic this one has no panel for.
            log.debug("change %d: unknown topic %r", seq_, topic)
    return out, (rows[-1][0] if rows else seq)


class ChangeFeed:
    """Delivers new changes to `on_changes` and the connection state
    ("online" | "reconnecting" | "offline") to `on_state`, from its own thread."""

    def __init__(self, db: Database, on_changes: Callable[[list[Change]], None],
                 on_state: Callable[[str], None] | None = None, poll_s: float = 0.2,
                 safety_poll_s: float = 5.0, max_backoff_s: float = 30.0) -> None:
        self.db = db
        self.on_changes = on_changes
        self.on_state = on_state or (lambda _s: None)
        self.poll_s = poll_s
        self.safety_poll_s = safety_poll_s
        self.max_backoff_s = max_backoff_s
        self.last_seq: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: psycopg.Connection | None = None
        self.state = ""

    def start(self, from_seq: int | None = None) -> None:
        self.last_seq = from_seq
        self._thread = threading.Thread(target=self._run, name="change-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(psycopg.Error, AttributeError):
                conn.cancel_safe()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            log.info("change feed %s", state)
            self.on_state(state)

    def _catch_up(self) -> None:
        if self.last_seq is None:
            self.last_seq = latest_seq(self.db)
            return
        while True:
            batch, last = _batch_since(self.db, self.last_seq)
            if last == self.last_seq:
                return
            self.last_seq = last
            if batch:
                self.on_changes(batch)

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                if self.db.is_postgres:
                    self._listen_loop()
                else:
                    self._poll_loop()
                backoff = 0.5
            except Exception as exc:  # noqa: BLE001 - any failure: reconnect
                if self._stop.is_set():
                    break
                log.warning("change feed lost its connection: %s", exc)
                self._set_state("reconnecting")
                delay = min(self.max_backoff_s, backoff) * (0.75 + random.random() * 0.5)
                backoff = min(self.max_backoff_s, backoff * 2)
                self._stop.wait(delay)
            finally:
                self._close()

    def _poll_loop(self) -> None:
        self._catch_up()
        self._set_state("online")
        while not self._stop.wait(self.poll_s):
            self._catch_up()

    def _listen_loop(self) -> None:
        url = self.db.url.set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        self._conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=5,
                                     application_name="customs-dutyroom-feed")
        self._conn.execute(f"LISTEN {CHANNEL}")
        # Listening before catching up: nothing committed in between is missed.
        self._catch_up()
        self._set_state("online")
        checked = time.monotonic()
        while not self._stop.is_set():
            rang = False
            # notifies() holds the connection and cannot be interrupted (a cancel
            # request does not wake an idle wait): wait in short slices so that
            # stop() returns promptly, and poll for safety every safety_poll_s.
            for _n in self._conn.notifies(timeout=min(self.safety_poll_s, _WAIT_SLICE_S),
                                          stop_after=1):
                rang = True
            if self._stop.is_set():
                return
            if not rang:
                if time.monotonic() - checked < self.safety_poll_s:
                    continue
                self._conn.execute("SELECT 1")  # notice a dead connection
            checked = time.monotonic()
            self._catch_up()

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(psycopg.Error):
                conn.close()


# Topic, Change, refs and touches live in app/topics.py (no database); the core may
# import them from here too.
__all__ = ["CHANNEL", "Change", "ChangeFeed", "Topic", "changes_since", "latest_seq",
           "record_change", "refs", "touches"]
