"""Writing duty-log entries through the outbox: store locally, write to the shared
database, and replay what is waiting when the database comes back. The writer keeps
the order itself: an entry submitted while others wait in the outbox goes behind
them (they are replayed first), whether or not the caller replayed."""

from __future__ import annotations

from collections.abc import Callable
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
    def __init__(self, dutylog: DutyLog, outbox: Outbox, clock: ConsoleClock,
                 replays_for: Callable[[], int | None] | None = None) -> None:
        """`replays_for`: with one database login per person, the id of the user whose
        login the database connection is; an entry waiting in the outbox is replayed
        under its own author's login only (the others wait, in their order, for their
        authors to log in on this workstation). None: anyone's entries replay."""
        self.dutylog = dutylog
        self.outbox = outbox
        self.clock = clock
        self.replays_for = replays_for or (lambda: None)

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
        if self.outbox.count_pending(self.replays_for()) > 1:
            return self._behind_the_queue(user, desk_id, draft)
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

    def _behind_the_queue(self, user: CurrentUser, desk_id: int,
                          draft: EntryDraft) -> WriteOutcome:
        """Entries wait in the outbox (written while the database was away): this one,
        stored last, is written after them, so that the shared log keeps the order
        they were made in."""
        written, refused, unavailable = self._replay()
        if draft.client_id in written:
            return WriteOutcome(draft.client_id, written[draft.client_id])
        if draft.client_id in refused:
            raise refused[draft.client_id]
        item = self.outbox.get(draft.client_id)
        if unavailable is None and item is not None and item.state == "done":
            # another replay (a second thread) wrote it: append is idempotent on the
            # client id and returns that row
            return WriteOutcome(draft.client_id, self.dutylog.append(user, desk_id, draft))
        # The database is away (again): it waits too, written offline at the console's time.
        draft.offline, draft.local_time = True, self.clock.local_now()
        self.outbox.put(user, desk_id, draft)
        self.outbox.mark_attempt(draft.client_id, unavailable or "")
        log.warning("entry %s queued behind %d waiting: %s", draft.client_id,
                    self.outbox.count_pending() - 1, unavailable)
        return WriteOutcome(draft.client_id, None, unavailable)

    def replay(self) -> tuple[int, int]:
        """Write what waits in the outbox, oldest first. Returns (written, left).
        Stops at the first unavailable-database error."""
        written, _refused, _unavailable = self._replay()
        return len(written), self.outbox.count_pending()

    def _replay(self) -> tuple[dict[str, LogEntry], dict[str, DomainError], str | None]:
        """Replay: the entries written and refused by client id, and the message of the
        unavailable database that stopped it (None if it ran through)."""
        written: dict[str, LogEntry] = {}
        refused: dict[str, DomainError] = {}
        unavailable = None
        only = self.replays_for()
        for item in self.outbox.pending():
            if only is not None and item.user.id != only:
                continue            # its author's own login writes it
            try:
                entry = self.dutylog.append(item.user, item.desk_id, item.draft)
            except DatabaseUnavailable as exc:
                self.outbox.mark_attempt(item.client_id, exc.message())
                unavailable = exc.message()
                break
            except DomainError as exc:
                # Kept, visible in the outbox panel as failed: never dropped silently.
                self.outbox.mark_attempt(item.client_id, exc.message(), failed=True)
                log.error("entry %s refused on replay: %s", item.client_id, exc.message())
                refused[item.client_id] = exc
                continue
            self.outbox.mark_done(item.client_id, entry.id)
            written[item.client_id] = entry
        if written:
            log.info("replayed %d entries, %d left", len(written), self.outbox.count_pending())
        return written, refused, unavailable
