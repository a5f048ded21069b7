"""The ingest ledger: every record taken from a source, once, by (source, natural
id). `claim` is an insert-or-ignore in the caller's write transaction (`INSERT … ON
CONFLICT DO NOTHING` on both PostgreSQL and SQLite), so the feature storing the
record does it in the same transaction only when the claim is new: a console
taking a source over, a source repeating itself, or a replay after a lost COMMIT
reply never doubles a record."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app import logs
from app.clock import Clock
from app.db.changes import record_deferred
from app.db.engine import Database
from app.db.models import SourceLedger
from app.sources.state import SourceRecord

log = logs.get("datasources.ledger")

R = TypeVar("R", bound=SourceRecord)


@dataclass(frozen=True)
class IngestResult:
    stored: int        # new records
    duplicates: int    # already in the ledger (by any console)


def claim(session: Session, clock: Clock, record: SourceRecord, console: str,
          desk_id: int | None = None) -> bool:
    """Enter one record in the ledger inside the caller's transaction; True if it is
    new (store it now), False if (source, natural id) was already there."""
    values = {"source_id": record.source_id[:80], "natural_id": record.natural_id[:200],
              "kind": record.kind[:40], "desk_id": desk_id, "console": console[:100],
              "observed_at": record.observed_at, "ingested_at": clock.now()}
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    if dialect not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"no insert-or-ignore for {dialect}")
    stmt = insert(SourceLedger).values(**values).on_conflict_do_nothing(
        index_elements=["source_id", "natural_id"]).returning(SourceLedger.id)
    # RETURNING, not rowcount: an ORM-enabled INSERT does not report a rowcount
    # through psycopg (SQLite has RETURNING since 3.35).
    return session.execute(stmt).scalar() is not None


class IngestLedger:
    def __init__(self, db: Database, clock: Clock, console: str) -> None:
        self.db = db
        self.clock = clock
        self.console = console

    def ingest(self, records: Iterable[R], store: Callable[[Session, R], None] | None = None,
               desk_id: int | None = None) -> IngestResult:
        """Claims each record and, when new, has `store(session, record)` keep it, all
        in one transaction (a failing store rolls the claims back with it)."""
        stored = duplicates = 0
        with self.db.write() as s:
            for record in records:
                if claim(s, self.clock, record, self.console, desk_id):
                    stored += 1
                    if store is not None:
                        store(s, record)
                else:
                    duplicates += 1
            record_deferred(s, self.clock)     # the stores' changes, once per batch
        if duplicates:
            log.debug("%d record(s) already ingested", duplicates)
        return IngestResult(stored, duplicates)

    def known(self, source_id: str, natural_id: str) -> bool:
        with self.db.read() as s:
            return s.scalar(select(SourceLedger.id).where(
                SourceLedger.source_id == source_id,
                SourceLedger.natural_id == natural_id)) is not None

    def count(self, source_id: str) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(SourceLedger)
                                .where(SourceLedger.source_id == source_id)) or 0)


__all__ = ["IngestLedger", "IngestResult", "claim"]
