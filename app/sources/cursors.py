"""Where each paged source stopped (`source_cursor`): the cursor of the last page
whose records are stored, so a console that restarts, or takes a source over,
resumes there. Saved after the page's records (app/sources/ledger.py keeps a change
once, so a page read again after a crash between the two stores nothing twice)."""

from __future__ import annotations

from sqlalchemy import select

from app.clock import Clock
from app.db.engine import Database
from app.db.models import SourceCursor


class SourceCursors:
    def __init__(self, db: Database, clock: Clock, console: str,
                 desk_id: int | None = None) -> None:
        self.db = db
        self.clock = clock
        self.console = console
        self.desk_id = desk_id

    def load(self, source_id: str) -> str | None:
        with self.db.read() as s:
            return s.scalar(select(SourceCursor.cursor).where(SourceCursor.source_id == source_id))

    def save(self, source_id: str, cursor: str) -> None:
        with self.db.write() as s:
            row = s.get(SourceCursor, source_id)
            if row is None:
                row = SourceCursor(source_id=source_id[:80], desk_id=self.desk_id)
                s.add(row)
            row.cursor, row.updated_at = cursor[:200], self.clock.now()
            row.console = self.console[:100]


__all__ = ["SourceCursors"]
