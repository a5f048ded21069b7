"""The durable local outbox: every duty-log entry is first stored on the console
(SQLite, fsync'd) with its client-generated id, then written to the shared
database. When the database is away the entry waits and is replayed later,
exactly once: the shared log refuses a second row with the same client id, so a
lost COMMIT reply or a restart before the replay cannot duplicate it."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from app import logs
from app.auth import CurrentUser
from app.clock import ConsoleClock
from app.dutylog import EntryDraft

log = logs.get("db.outbox")


@dataclass(frozen=True)
class PendingEntry:
    client_id: str
    desk_id: int
    user: CurrentUser
    draft: EntryDraft
    state: str            # pending | done | failed
    attempts: int
    last_error: str | None
    entry_id: int | None


def _make_private(path: Path) -> None:
    """The outbox holds entries not yet in the shared log and who wrote them: the
    console's user alone may read it. Created 0600 before SQLite opens it (SQLite
    gives its -wal and -shm files the database file's mode); one an older client left
    readable by others is closed up."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name != "posix":
        return  # Windows: the user's profile folder's ACL protects it
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if name.exists() and stat.S_IMODE(name.stat().st_mode) & 0o077:
            os.chmod(name, 0o600)
            log.warning("%s was readable by other users: now by its owner only", name)


class Outbox:
    def __init__(self, path: Path, clock: ConsoleClock) -> None:
        self.clock = clock
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        _make_private(path)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS outbox ("
            " client_id TEXT PRIMARY KEY, desk_id INTEGER NOT NULL, user_json TEXT NOT NULL,"
            " draft_json TEXT NOT NULL, created_at TEXT NOT NULL, state TEXT NOT NULL,"
            " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, entry_id INTEGER,"
            " done_at TEXT)")

    def put(self, user: CurrentUser, desk_id: int, draft: EntryDraft) -> None:
        user_json = json.dumps(asdict(user) | {"roles": sorted(user.roles)}, ensure_ascii=False)
        with self._lock:
            self._conn.execute(
                "INSERT INTO outbox (client_id, desk_id, user_json, draft_json, created_at, state)"
                " VALUES (?, ?, ?, ?, ?, 'pending') ON CONFLICT(client_id) DO UPDATE SET"
                " draft_json = excluded.draft_json WHERE state = 'pending'",
                (draft.client_id, desk_id, user_json, draft.to_json(), self._now()))

    def mark_done(self, client_id: str, entry_id: int) -> None:
        with self._lock:
            self._conn.execute("UPDATE outbox SET state='done', entry_id=?, done_at=?,"
                               " last_error=NULL WHERE client_id=?",
                               (entry_id, self._now(), client_id))

    def mark_attempt(self, client_id: str, error: str, failed: bool = False) -> None:
        with self._lock:
            self._conn.execute("UPDATE outbox SET attempts=attempts+1, last_error=?, state=?"
                               " WHERE client_id=?",
                               (error, "failed" if failed else "pending", client_id))

    def pending(self) -> list[PendingEntry]:
        return self._select("state='pending'")

    def failed(self) -> list[PendingEntry]:
        return self._select("state='failed'")

    def get(self, client_id: str) -> PendingEntry | None:
        rows = self._select("client_id=?", (client_id,))
        return rows[0] if rows else None

    def count_pending(self, author_id: int | None = None) -> int:
        """Entries waiting (of one author, if given)."""
        sql = "SELECT count(*) FROM outbox WHERE state='pending'"
        params: tuple[int, ...] = ()
        if author_id is not None:
            sql, params = sql + " AND json_extract(user_json, '$.id') = ?", (author_id,)
        with self._lock:
            return int(self._conn.execute(sql, params).fetchone()[0])

    def _select(self, where: str, params: tuple = ()) -> list[PendingEntry]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT client_id, desk_id, user_json, draft_json, state, attempts, last_error,"
                f" entry_id FROM outbox WHERE {where} ORDER BY rowid", params).fetchall()
        out = []
        for cid, desk_id, user_json, draft_json, state, attempts, err, entry_id in rows:
            u = json.loads(user_json)
            u["roles"] = frozenset(u["roles"])
            out.append(PendingEntry(cid, desk_id, CurrentUser(**u),
                                    EntryDraft.from_json(draft_json),
                                    state, attempts, err, entry_id))
        return out

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _now(self) -> str:
        """The workstation's own clock: the outbox is the console's, not the server's."""
        return self.clock.local_now().isoformat()
