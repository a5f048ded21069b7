"""The quarantine of refused records: what a source sent that failed validation is
kept as received (raw bytes, cut at `MAX_RAW`), with the reason, the source and the
time, for an officer to see. Nothing downstream reads it as data, and putting a
record here never raises on the record's content (only when the database is away)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import QuarantinedRecord
from app.errors import QT_TRANSLATE_NOOP, NotFound
from app.sources.state import Rejection

log = logs.get("datasources.quarantine")

MAX_RAW = 1 << 20          # bytes kept of one refused record
PREVIEW = 240              # characters shown in a list


@dataclass(frozen=True)
class QuarantineItem:
    """One refused record as the officer's list shows it."""

    id: int
    source_id: str
    received_at: datetime
    reason: str
    size: int
    preview: str           # the start of the raw bytes, decoded leniently
    console: str


def preview_of(raw: bytes, limit: int = PREVIEW) -> str:
    text = raw[: limit * 4].decode("utf-8", errors="replace")
    text = "".join(c if c.isprintable() or c in "\t" else "·" for c in text)
    return text[:limit] + ("…" if len(text) > limit or len(raw) > limit * 4 else "")


class Quarantine:
    def __init__(self, db: Database, clock: Clock, console: str) -> None:
        self.db = db
        self.clock = clock
        self.console = console

    def put(self, rejection: Rejection, desk_id: int | None = None) -> int:
        """Keep a refused record; returns its id. Raises only DatabaseUnavailable."""
        raw = bytes(rejection.raw)
        reason = (rejection.reason or "").strip() or "?"
        with self.db.write() as s:
            row = QuarantinedRecord(
                source_id=rejection.source_id[:80], desk_id=desk_id, console=self.console[:100],
                received_at=rejection.received_at, reason=reason[:4000], raw=raw[:MAX_RAW],
                size=len(raw))
            s.add(row)
            s.flush()
            record_change(s, self.clock, desk_id, Topic.QUARANTINE, row.id)
            log.info("record of %s quarantined (#%d, %d bytes): %s", rejection.source_id,
                     row.id, len(raw), reason)
            return row.id

    def items(self, actor: CurrentUser, source_id: str | None = None,
              limit: int = 200) -> list[QuarantineItem]:
        """Refused records, newest first (of one source, or all)."""
        require(actor, Permission.LOG_WRITE)
        with self.db.read() as s:
            stmt = (select(QuarantinedRecord)
                    .order_by(QuarantinedRecord.received_at.desc(), QuarantinedRecord.id.desc())
                    .limit(limit))
            if source_id is not None:
                stmt = stmt.where(QuarantinedRecord.source_id == source_id)
            rows = list(s.scalars(stmt))
        return [QuarantineItem(r.id, r.source_id, r.received_at, r.reason, r.size,
                               preview_of(r.raw), r.console) for r in rows]

    def raw(self, actor: CurrentUser, item_id: int) -> bytes:
        """The bytes of one refused record, as kept."""
        require(actor, Permission.LOG_WRITE)
        with self.db.read() as s:
            raw = s.scalar(select(QuarantinedRecord.raw).where(QuarantinedRecord.id == item_id))
        if raw is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown quarantined record {id}."),
                           id=item_id)
        return bytes(raw)

    def count(self, source_id: str | None = None) -> int:
        with self.db.read() as s:
            stmt = select(func.count()).select_from(QuarantinedRecord)
            if source_id is not None:
                stmt = stmt.where(QuarantinedRecord.source_id == source_id)
            return int(s.scalar(stmt) or 0)


__all__ = ["MAX_RAW", "Quarantine", "QuarantineItem", "preview_of"]
