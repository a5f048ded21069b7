"""One ingester per source and desk. In a room of many consoles a lease row in the
shared database (`source_lease`, UNIQUE (source, desk)) names the console that
ingests a source; the holder renews it, and when the holder goes (closed, crashed,
cut off) its lease expires and another console takes it over.

Timing: a lease lasts `ttl` (the source's interval) and `LeaseKeeper` renews or
tries to take it every `ttl / 3`, so a lease left behind is taken over at most
`ttl + ttl / 3` after its holder's last renewal: within twice the interval.

The write transaction is the lock: `SELECT … FOR UPDATE` on PostgreSQL, the whole
database (BEGIN IMMEDIATE, app/db/engine.py) on SQLite; the take-over itself is a
conditional UPDATE on the holder and `epoch` seen, and `epoch` grows at every change
of holder, so a console that lost its lease cannot renew it by mistake (a fencing
token). Two consoles inserting the first row at once: one gets the UNIQUE
violation and tries again, finding the other's row.

Times are the app clock's (consoles adopt the database server's clock)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.exc import IntegrityError

from app import logs
from app.clock import Clock
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import SourceLease

log = logs.get("datasources.leases")


@dataclass(frozen=True)
class Lease:
    source_id: str
    desk_id: int
    holder: str                   # the console's id
    epoch: int
    expires_at: datetime
    taken_over_from: str | None = None   # the console whose expired lease this took

    def live(self, now: datetime) -> bool:
        return now < self.expires_at


def _lease(row: SourceLease, taken_over_from: str | None = None) -> Lease:
    return Lease(row.source_id, row.desk_id, row.holder, row.epoch, row.expires_at,
                 taken_over_from)


class SourceLeases:
    """The leases of one console (`console`: its workstation id)."""

    def __init__(self, db: Database, clock: Clock, console: str) -> None:
        if not console:
            raise ValueError("a lease needs the console's id")
        self.db = db
        self.clock = clock
        self.console = console[:100]

    def acquire(self, source_id: str, desk_id: int, ttl: timedelta) -> Lease | None:
        """The lease if this console holds it now (newly, renewed or taken over from
        an expired holder); None while another console's lease is live."""
        if ttl <= timedelta(0):
            raise ValueError("a lease needs a positive ttl")
        for _attempt in range(3):
            try:
                return self._acquire(source_id, desk_id, ttl)
            except IntegrityError:   # another console inserted the first row meanwhile
                continue
        return self._acquire(source_id, desk_id, ttl)

    def _acquire(self, source_id: str, desk_id: int, ttl: timedelta) -> Lease | None:
        with self.db.write() as s:
            now = self.clock.now()
            stmt = select(SourceLease).where(SourceLease.source_id == source_id,
                                             SourceLease.desk_id == desk_id)
            if self.db.is_postgres:
                stmt = stmt.with_for_update()
            row = s.scalar(stmt)
            if row is None:
                row = SourceLease(source_id=source_id, desk_id=desk_id, holder=self.console,
                                  epoch=1, acquired_at=now, renewed_at=now, expires_at=now + ttl)
                s.add(row)
                s.flush()    # the UNIQUE (source, desk) speaks here
                record_change(s, self.clock, desk_id, Topic.SOURCE_LEASE, row.id)
                log.info("%s ingests %s (desk %d)", self.console, source_id, desk_id)
                return _lease(row)
            if row.holder == self.console:
                # Ours, live or expired with nobody taking it: the epoch stays.
                row.renewed_at, row.expires_at = now, now + ttl
                s.flush()
                return _lease(row)
            if row.expires_at > now:
                return None
            previous, epoch = row.holder, row.epoch
            done = cast(CursorResult[Any], s.execute(
                update(SourceLease)
                .where(SourceLease.id == row.id, SourceLease.holder == previous,
                       SourceLease.epoch == epoch)
                .values(holder=self.console, epoch=epoch + 1, acquired_at=now,
                        renewed_at=now, expires_at=now + ttl)
                .execution_options(synchronize_session=False)))
            if done.rowcount != 1:
                return None
            record_change(s, self.clock, desk_id, Topic.SOURCE_LEASE, row.id)
            log.warning("%s took over %s (desk %d) from %s, whose lease expired at %s",
                        self.console, source_id, desk_id, previous, row.expires_at)
            return Lease(source_id, desk_id, self.console, epoch + 1, now + ttl, previous)

    def renew(self, lease: Lease, ttl: timedelta) -> Lease | None:
        """Extends a lease this console holds; None when it was taken over meanwhile
        (the console must stop ingesting)."""
        with self.db.write() as s:
            now = self.clock.now()
            done = cast(CursorResult[Any], s.execute(
                update(SourceLease)
                .where(SourceLease.source_id == lease.source_id,
                       SourceLease.desk_id == lease.desk_id,
                       SourceLease.holder == self.console, SourceLease.epoch == lease.epoch)
                .values(renewed_at=now, expires_at=now + ttl)
                .execution_options(synchronize_session=False)))
            if done.rowcount != 1:
                return None
        return Lease(lease.source_id, lease.desk_id, self.console, lease.epoch, now + ttl)

    def release(self, lease: Lease) -> bool:
        """Gives a lease up at once (the console stops or closes), so another console
        takes over without waiting for the expiry."""
        with self.db.write() as s:
            row_id = s.scalar(select(SourceLease.id).where(
                SourceLease.source_id == lease.source_id, SourceLease.desk_id == lease.desk_id,
                SourceLease.holder == self.console, SourceLease.epoch == lease.epoch))
            if row_id is None:
                return False
            s.execute(delete(SourceLease).where(SourceLease.id == row_id))
            record_change(s, self.clock, lease.desk_id, Topic.SOURCE_LEASE, row_id)
            return True

    def holder(self, source_id: str, desk_id: int) -> Lease | None:
        """The live lease of a source, whoever holds it."""
        with self.db.read() as s:
            row = s.scalar(select(SourceLease).where(SourceLease.source_id == source_id,
                                                     SourceLease.desk_id == desk_id))
        return _lease(row) if row is not None and row.expires_at > self.clock.now() else None


class LeaseKeeper:
    """Keeps (or waits for) one lease; the runner of a source calls `step()` every
    `interval` (ttl / 3) on its own thread and ingests only while it returns True."""

    def __init__(self, leases: SourceLeases, source_id: str, desk_id: int,
                 ttl: timedelta) -> None:
        self.leases = leases
        self.source_id = source_id
        self.desk_id = desk_id
        self.ttl = ttl
        self.lease: Lease | None = None

    @property
    def interval(self) -> timedelta:
        return self.ttl / 3

    @property
    def held(self) -> bool:
        return self.lease is not None

    def step(self) -> bool:
        """Renew the lease held, or try to take it; True while this console holds it.
        Raises DatabaseUnavailable (the caller then stops ingesting: a console that
        cannot renew must assume another took over)."""
        try:
            if self.lease is not None:
                self.lease = self.leases.renew(self.lease, self.ttl)
                if self.lease is None:
                    log.warning("%s lost %s to another console", self.leases.console,
                                self.source_id)
            if self.lease is None:
                self.lease = self.leases.acquire(self.source_id, self.desk_id, self.ttl)
        except Exception:
            self.lease = None
            raise
        return self.lease is not None

    def release(self) -> None:
        lease, self.lease = self.lease, None
        if lease is not None:
            self.leases.release(lease)


__all__ = ["Lease", "LeaseKeeper", "SourceLeases"]
