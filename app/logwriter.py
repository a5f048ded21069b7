"""Writing duty-log entries through the outbox: store locally, write to the shared
database, and replay what is waiting when the database comes back."""

from __future__ import annotations

from dataclasses import dataclass

from app import logs
from app.auth import CurrentUser
from app.clock import ConsoleClock
from app.db.models import LogEntry
from app.db.outbox import Outbox
from app.dutylog import DutyLog, EntryDraft
from app.errors import DatabaseUnavailable, DomainError

log = logs.get("db.outbox")


@dataclass(frozen=True)
class WriteOutcome:
    client_id: str
    entry: LogEntry | None        # None: queued in the outbox, written later
    error: str | None = None


class LogWriter:
    def __init__(self, dutylog: DutyLog, outbox: Outbox, clock: ConsoleClock) -> None:
        self.dutylog = dutylog
        self.outbox = outbox
        self.clock = clock

    def submit(self, user: CurrentUser, desk_id: int, draft: EntryDraft,
               offline: bool = False) -> WriteOutcome:
        """Store the entry durably, then try the shared database. Domain errors
        (validation, permission) are raised before anything is stored."""
        draft.validate()
        if offline:
            draft.offline, draft.local_time = True, self.clock.local_now()
        self.outbox.put(user, desk_id, draft)
        if offline:
            return WriteOutcome(draft.client_id, None)
        try:
            entry = self.dutylog.append(user, desk_id, draft)
        except DatabaseUnavailable as exc:
            # From now on this entry counts as written offline, at the console's time.
            draft.offline, draft.local_time = True, self.clock.local_now()
            self.outbox.put(user, desk_id, draft)
            self.outbox.mark_attempt(draft.client_id, exc.message())
            log.warning("entry %s queued: %s", draft.client_id, exc.message())
            return WriteOutcome(draft.client_id, None, exc.message())
        except DomainError as exc:
            self.outbox.mark_attempt(draft.client_id, exc.message(), failed=True)
            raise
        self.outbox.mark_done(draft.client_id, entry.id)
        return WriteOutcome(draft.client_id, entry)

    def replay(self) -> tuple[int, int]:
        """Write what waits in the outbox, oldest first. Returns (written, left).
        Stops at the first unavailable-database error."""
        written = 0
        pending = self.outbox.pending()
        for item in pending:
            try:
                entry = self.dutylog.append(item.user, item.desk_id, item.draft)
            except DatabaseUnavailable as exc:
                self.outbox.mark_attempt(item.client_id, exc.message())
                break
            except DomainError as exc:
                # Kept, visible in the outbox panel as failed: never dropped silently.
                self.outbox.mark_attempt(item.client_id, exc.message(), failed=True)
                log.error("entry %s refused on replay: %s", item.client_id, exc.message())
                continue
            self.outbox.mark_done(item.client_id, entry.id)
            written += 1
        left = self.outbox.count_pending()
        if written:
            log.info("replayed %d entries, %d left", written, left)
        return written, left
