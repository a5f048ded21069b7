"""The duty log (Appendix I): typed entries, append-only with corrections, cases
that group one matter into one printed row, a per-desk hash chain, verification
and diacritic-insensitive search."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Protocol, TypeVar

from sqlalchemy import Select, and_, column, func, select, table, text
from sqlalchemy.orm import Session

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import (
    Handover,
    LogCase,
    LogChainHead,
    LogEntry,
    Shift,
    UserAccount,
)
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.text import clean, fold, nfc, tokens

log = logs.get("dutylog")
GENESIS = "0" * 64
RECENT_WINDOW = 2000  # entries searched first on PostgreSQL
# SQLite's FTS5 index of search_text (migration 0001); its rowid is log_entry.id.
_FTS = table("log_entry_fts", column("rowid"))


class EntryKind(StrEnum):
    WORK = "work"
    INCIDENT = "incident"
    DIRECTIVE = "directive"
    RESULT = "result"
    SYSTEM_FAULT = "system_fault"
    HANDOVER = "handover"
    NOTE = "note"


KIND_NAMES = {
    EntryKind.WORK: "Công việc",
    EntryKind.INCIDENT: "Vụ việc phát sinh",
    EntryKind.DIRECTIVE: "Chỉ đạo",
    EntryKind.RESULT: "Kết quả thực hiện",
    EntryKind.SYSTEM_FAULT: "Sự cố hệ thống",
    EntryKind.HANDOVER: "Bàn giao ca",
    EntryKind.NOTE: "Ghi chú",
}

CHANNELS = ("phone", "fax", "document", "email")
CHANNEL_NAMES = {"phone": "Điện thoại", "fax": "Fax", "document": "Văn bản", "email": "E-mail"}

# Entries of these kinds belong to a case; an incident opens one.
CASE_KINDS = {EntryKind.INCIDENT, EntryKind.DIRECTIVE, EntryKind.RESULT}


@dataclass
class EntryDraft:
    """What an officer writes. `client_id` is generated on the console so a
    replay from the outbox is recognised (exactly once)."""

    kind: str
    content: str
    scope: str | None = None
    occurred_at: datetime | None = None
    received_at: datetime | None = None
    place: str | None = None
    declaration_no: str | None = None
    container_no: str | None = None
    vehicle_plate: str | None = None
    channel: str | None = None
    unit_name: str | None = None
    reported_at: datetime | None = None
    note: str | None = None
    entry_time: datetime | None = None       # default: the server's time of the write
    case_ref: str | None = None              # client id of the case this entry joins/opens
    case_title: str | None = None
    corrects_id: int | None = None
    correction_reason: str | None = None
    client_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    local_time: datetime | None = None       # the console's clock when written offline
    offline: bool = False

    def to_json(self) -> str:
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = v.isoformat() if isinstance(v, datetime) else v
        return json.dumps(out, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> EntryDraft:
        data = json.loads(raw)
        for f in fields(cls):
            if f.type.startswith("datetime") and data.get(f.name):
                data[f.name] = datetime.fromisoformat(data[f.name])
        return cls(**data)

    def validate(self) -> None:
        if self.kind not in EntryKind._value2member_map_:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown entry kind '{kind}'."),
                                  kind=self.kind)
        if not nfc(self.content).strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The entry needs a content."))
        if self.channel and self.channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=self.channel)
        if self.kind == EntryKind.DIRECTIVE and not self.channel:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A directive needs its channel (phone, fax, document, e-mail)."))
        if self.corrects_id is not None and not (self.correction_reason or "").strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A correction needs a reason."))
        if self.kind in (EntryKind.DIRECTIVE, EntryKind.RESULT) and not self.case_ref \
                and self.corrects_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A directive or result must belong to an incident (case)."))


# Every column of log_entry except the hash itself is covered by the hash;
# search_text is derived and checked by recomputation.
HASHED_COLUMNS = (
    "id", "desk_id", "seq", "client_id", "shift_id", "kind", "case_id", "corrects_id",
    "correction_reason", "entry_time", "content", "scope", "occurred_at", "received_at",
    "place", "declaration_no", "container_no", "vehicle_plate", "channel", "unit_name",
    "reported_at", "note", "author_id", "recorded_at", "local_time", "offline", "prev_hash",
)
TEXT_COLUMNS = ("content", "scope", "place", "declaration_no", "container_no", "vehicle_plate",
                "unit_name", "note", "correction_reason")


def _canon(value: object) -> object:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(value, bool):
        return bool(value)
    return value


def entry_hash(values: dict[str, object]) -> str:
    payload = json.dumps({c: _canon(values.get(c)) for c in HASHED_COLUMNS},
                         ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def search_text_of(values: dict[str, object]) -> str:
    parts = [str(values.get(c) or "") for c in TEXT_COLUMNS]
    return fold(" ".join(p for p in parts if p))


def _row_values(e: LogEntry) -> dict[str, object]:
    return {c: getattr(e, c) for c in HASHED_COLUMNS} | {"hash": e.hash}


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    broken_seq: int | None = None
    broken_id: int | None = None
    template: str = ""                 # untranslated, marked with QT_TRANSLATE_NOOP
    values: tuple[tuple[str, object], ...] = ()
    #: with the anchor (app/anchor): the newest entry a valid signature covers, and
    #: the newest signed head (DESK:SEQ:HASH:KEY:SIGNATURE) to keep or compare later
    covered_seq: int | None = None
    signed_head: str = ""

    def reason_text(self, translate=None) -> str:
        text = translate("errors", self.template) if translate else self.template
        return text.format(**dict(self.values))

    @property
    def reason(self) -> str:
        return self.reason_text()


def _broken(checked: int, seq: int | None, entry_id: int | None, template: str, /,
            **values: object) -> VerifyResult:
    return VerifyResult(False, checked, seq, entry_id, template, tuple(values.items()))


#: Selects the `log_case.client_id`s of one desk that a feature follows itself.
CaseOwner = Callable[[int], Select[tuple[str]]]


class DutyLog:
    """Writes and reads a desk's duty log."""

    def __init__(self, db: Database, clock: Clock,
                 ensure_shift: Callable[[int, datetime], object] | None = None) -> None:
        """`ensure_shift(desk_id, moment)` creates the shift that holds an entry's time
        before the entry is written (Roster.ensure_shift_at): an entry written at
        08:00:30, before any console opened the new shift, is still filed in it."""
        self.db = db
        self.clock = clock
        self.ensure_shift = ensure_shift
        self._ensured: set[tuple[int, datetime, datetime]] = set()  # (desk, start, end)
        self._case_owners: list[CaseOwner] = []
        #: told the desk id after each new entry is committed (the anchor's checkpoints)
        self.after_append: list[Callable[[int], None]] = []

    # -- writing ---------------------------------------------------------------
    def _ensure_shift(self, desk_id: int, moment: datetime) -> None:
        if self.ensure_shift is None or any(
                d == desk_id and start <= moment < end for d, start, end in self._ensured):
            return
        shift = self.ensure_shift(desk_id, moment)
        self._ensured.add((desk_id, shift.starts_at, shift.ends_at))  # type: ignore[attr-defined]

    def append(self, user: CurrentUser, desk_id: int, draft: EntryDraft) -> LogEntry:
        """Append an entry (or a correction) at the end of the desk's chain.
        Idempotent on draft.client_id."""
        require(user, Permission.LOG_CORRECT if draft.corrects_id else Permission.LOG_WRITE)
        draft.validate()
        self._ensure_shift(desk_id, draft.entry_time or (draft.local_time if draft.offline
                                                         else None) or self.clock.now())
        with self.db.write() as s:
            entry, new = self._append(s, user, desk_id, draft)
            if new:
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
        if new:
            for hook in self.after_append:
                try:
                    hook(desk_id)
                except Exception:  # noqa: BLE001 - the entry is written; a hook never undoes it
                    log.exception("after-append hook %r failed", hook)
        return entry

    def append_in(self, s: Session, user: CurrentUser, desk_id: int,
                  draft: EntryDraft) -> LogEntry:
        """Append inside the caller's write transaction (the workflow writes its
        entries with its own step; it has checked who may act). The caller
        records the change."""
        draft.validate()
        return self._append(s, user, desk_id, draft)[0]

    def _append(self, s: Session, user: CurrentUser, desk_id: int,
                draft: EntryDraft) -> tuple[LogEntry, bool]:
        # Look for the client id only once the desk's chain head is locked: on
        # PostgreSQL a concurrent append of the same draft (two replays at once)
        # has then committed, and this statement's fresh snapshot sees its row.
        head = self._lock_head(s, desk_id)
        existing = s.scalar(select(LogEntry).where(LogEntry.client_id == draft.client_id))
        if existing is not None:
            log.info("entry %s already written (replay)", draft.client_id)
            return existing, False
        now = self.clock.now()
        entry_time = draft.entry_time or (draft.local_time if draft.offline else None) or now
        kind = draft.kind
        case_id = None
        if draft.corrects_id is not None:
            original = s.get(LogEntry, draft.corrects_id)
            if original is None or original.desk_id != desk_id:
                raise NotFound(QT_TRANSLATE_NOOP(
                    "errors", "The entry to correct does not exist in this desk's log."))
            kind = original.kind
            case_id = original.case_id
            entry_time = draft.entry_time or original.entry_time
        elif draft.case_ref:
            case_id = self._case_for(s, user, desk_id, draft, now)
        shift_id = s.scalar(select(Shift.id).where(
            Shift.desk_id == desk_id, Shift.starts_at <= entry_time,
            Shift.ends_at > entry_time))
        entry = LogEntry(
            desk_id=desk_id, seq=head.seq + 1, client_id=draft.client_id, shift_id=shift_id,
            kind=kind, case_id=case_id, corrects_id=draft.corrects_id,
            correction_reason=clean(draft.correction_reason), entry_time=entry_time,
            content=nfc(draft.content).strip(), scope=clean(draft.scope),
            occurred_at=draft.occurred_at, received_at=draft.received_at,
            place=clean(draft.place), declaration_no=clean(draft.declaration_no),
            container_no=clean(draft.container_no), vehicle_plate=clean(draft.vehicle_plate),
            channel=draft.channel or None, unit_name=clean(draft.unit_name),
            reported_at=draft.reported_at, note=clean(draft.note), author_id=user.id,
            recorded_at=now, local_time=draft.local_time if draft.offline else None,
            offline=bool(draft.offline), prev_hash=head.hash)
        s.add(entry)
        s.flush()  # assigns the id, which the hash covers
        values = _row_values(entry)
        entry.search_text = search_text_of(values)
        entry.hash = entry_hash(values)
        head.seq, head.hash = entry.seq, entry.hash
        s.flush()
        return entry, True

    def _lock_head(self, s: Session, desk_id: int) -> LogChainHead:
        stmt = select(LogChainHead).where(LogChainHead.desk_id == desk_id)
        if self.db.is_postgres:
            stmt = stmt.with_for_update()
        head = s.scalar(stmt)
        if head is None:
            if self.db.is_postgres:
                s.execute(text("INSERT INTO log_chain_head (desk_id, seq, hash) "
                               "VALUES (:d, 0, :h) ON CONFLICT DO NOTHING"),
                          {"d": desk_id, "h": GENESIS})
                head = s.scalar(stmt)
            else:
                head = LogChainHead(desk_id=desk_id, seq=0, hash=GENESIS)
                s.add(head)
                s.flush()
        assert head is not None
        return head

    def _case_for(self, s: Session, user: CurrentUser, desk_id: int, draft: EntryDraft,
                  now: datetime) -> int:
        case = s.scalar(select(LogCase).where(LogCase.client_id == draft.case_ref))
        if case is None:
            if draft.kind != EntryKind.INCIDENT:
                raise NotFound(QT_TRANSLATE_NOOP(
                    "errors", "The incident this entry refers to does not exist."))
            case = LogCase(desk_id=desk_id, client_id=draft.case_ref, created_by=user.id,
                           created_at=now, title=(draft.case_title or nfc(draft.content))[:300])
            s.add(case)
            s.flush()
        elif case.desk_id != desk_id:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The incident belongs to another desk's log."))
        return case.id

    # -- reading ---------------------------------------------------------------
    def get(self, entry_id: int) -> LogEntry | None:
        with self.db.read() as s:
            return s.get(LogEntry, entry_id)

    def entries(self, desk_id: int, shift_id: int | None = None, kind: str | None = None,
                unit: str | None = None, since: datetime | None = None,
                until: datetime | None = None, query: str | None = None,
                after_seq: int | None = None, limit: int = 500,
                newest_first: bool = False) -> list[LogEntry]:
        """Entries with the editor's filters; `query` is diacritic-insensitive."""
        with self.db.read() as s:
            stmt = select(LogEntry).where(LogEntry.desk_id == desk_id)
            window: list = []
            if shift_id is not None:
                # By the shift's time span: an entry written before its shift row
                # existed (offline, imported) still belongs to it.
                shift = s.get(Shift, shift_id)
                if shift is None:
                    return []
                window += [LogEntry.entry_time >= shift.starts_at,
                           LogEntry.entry_time < shift.ends_at]
            if since is not None:
                window.append(LogEntry.entry_time >= since)
            if until is not None:
                window.append(LogEntry.entry_time < until)
            stmt = stmt.where(*window)
            if kind:
                stmt = stmt.where(LogEntry.kind == kind)
            if unit:
                stmt = stmt.where(func.lower(LogEntry.unit_name).contains(unit.lower()))
            if after_seq is not None:
                stmt = stmt.where(LogEntry.seq > after_seq)
            words = tokens(query) if query else []
            if words and not self.db.is_postgres:
                # Walk the FTS5 index in rowid order (= seq order within a desk, see
                # _fts_ordered), narrowed to the id range the other filters allow.
                lo = hi = None
                if after_seq is not None:
                    lo = s.scalar(select(LogEntry.id).where(
                        LogEntry.desk_id == desk_id, LogEntry.seq > after_seq)
                        .order_by(LogEntry.seq).limit(1))
                    if lo is None:
                        return []
                if shift_id is not None or since is not None:
                    first, last = s.execute(select(func.min(LogEntry.id), func.max(LogEntry.id))
                                            .where(LogEntry.desk_id == desk_id, *window)).one()
                    if first is None:
                        return []
                    lo, hi = max(lo or first, first), last + 1
                stmt = _fts_ordered(stmt, words, newest_first, lo, hi)
            else:
                if words:
                    stmt = stmt.where(self._match(query or ""))
                stmt = stmt.order_by(LogEntry.seq.desc() if newest_first else LogEntry.seq)
            return list(s.scalars(stmt.limit(limit)))

    def search(self, desk_id: int, query: str, limit: int = 50,
               before_seq: int | None = None) -> list[LogEntry]:
        """Full-text search, newest first, one page."""
        words = tokens(query)
        if not words:
            return []
        with self.db.read() as s:
            stmt = select(LogEntry).where(LogEntry.desk_id == desk_id)
            if before_seq is not None:
                stmt = stmt.where(LogEntry.seq < before_seq)
            if self.db.is_postgres:
                # The planner picks per query: the GIN bitmap and a top-N sort for
                # rarer terms, a backward scan of (desk_id, seq) for common ones.
                stmt = stmt.where(self._match(query)).order_by(LogEntry.seq.desc())
                # Words that always occur together fool its estimates (it takes them
                # as independent): look in the newest entries first. If they fill a
                # page, that page is the answer; otherwise search everything.
                top = before_seq if before_seq is not None else (s.scalar(
                    select(LogChainHead.seq).where(LogChainHead.desk_id == desk_id)) or 0) + 1
                recent = list(s.scalars(stmt.where(LogEntry.seq >= top - RECENT_WINDOW)
                                        .limit(limit)))
                if len(recent) == limit:
                    return recent
            else:
                hi = None
                if before_seq is not None:
                    # The next page starts below the id of the entry at before_seq.
                    hi = s.scalar(select(LogEntry.id).where(
                        LogEntry.desk_id == desk_id, LogEntry.seq >= before_seq)
                        .order_by(LogEntry.seq).limit(1))
                stmt = _fts_ordered(stmt, words, True, None, hi)
            return list(s.scalars(stmt.limit(limit)))

    def _match(self, query: str):
        words = tokens(query)
        if self.db.is_postgres:
            tsq = " & ".join(words[:-1] + [words[-1] + ":*"])
            return text("to_tsvector('simple', log_entry.search_text) @@ "
                        "to_tsquery('simple', :tsq)").bindparams(tsq=tsq)
        return LogEntry.id.in_(text(
            "SELECT rowid FROM log_entry_fts WHERE log_entry_fts MATCH :fts").bindparams(
                fts=_fts_query(words)))

    def corrections_of(self, desk_id: int, entry_ids: list[int]) -> dict[int, list[LogEntry]]:
        with self.db.read() as s:
            rows = s.scalars(select(LogEntry).where(LogEntry.desk_id == desk_id,
                                                    LogEntry.corrects_id.in_(entry_ids))
                             .order_by(LogEntry.seq)).all()
        out: dict[int, list[LogEntry]] = {}
        for r in rows:
            out.setdefault(r.corrects_id, []).append(r)  # type: ignore[arg-type]
        return out

    def cases(self, desk_id: int, ids: list[int]) -> dict[int, LogCase]:
        if not ids:
            return {}
        with self.db.read() as s:
            return {c.id: c for c in s.scalars(select(LogCase).where(LogCase.id.in_(ids)))}

    def open_cases(self, desk_id: int, limit: int = 200) -> list[LogCase]:
        """Cases that have no result entry yet (an open item of the handover)."""
        with self.db.read() as s:
            has_result = select(LogEntry.case_id).where(
                LogEntry.desk_id == desk_id, LogEntry.kind == EntryKind.RESULT,
                LogEntry.case_id.is_not(None))
            stmt = select(LogCase).where(LogCase.desk_id == desk_id,
                                         LogCase.id.not_in(has_result))
            # Cases a feature follows itself (an incident, an outage, a directive) are
            # listed in the handover by that feature's own provider.
            for owned in self._case_owners:
                stmt = stmt.where(LogCase.client_id.not_in(owned(desk_id)))
            return list(s.scalars(stmt.order_by(LogCase.id.desc()).limit(limit)))

    def followed_elsewhere(self, cases_of: CaseOwner) -> None:
        """A feature that opens log cases and follows them to their end itself (and
        lists them in the handover) says which: `cases_of(desk_id)` selects their
        `log_case.client_id`s. `open_cases` leaves those out."""
        self._case_owners.append(cases_of)

    def row_numbers(self, desk_id: int, shift_ids: set[int]) -> dict[int, RowNumber]:
        """The STT of every entry of these shifts, as printed (see `shift_rows`)."""
        out: dict[int, RowNumber] = {}
        ids = {i for i in shift_ids if i is not None}
        if not ids:
            return out
        with self.db.read() as s:
            keys = s.execute(select(LogEntry.id, LogEntry.shift_id, LogEntry.case_id,
                                    LogEntry.corrects_id)
                             .where(LogEntry.desk_id == desk_id, LogEntry.shift_id.in_(ids))
                             .order_by(LogEntry.seq)).all()
        for shift_id in ids:
            out.update(row_numbers([k for k in keys if k.shift_id == shift_id]))
        return out

    def author_names(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self.db.read() as s:
            return {uid: name for uid, name in s.execute(
                select(UserAccount.id, UserAccount.full_name).where(UserAccount.id.in_(ids)))}

    def head(self, desk_id: int) -> tuple[int, str]:
        with self.db.read() as s:
            h = s.get(LogChainHead, desk_id)
            return (h.seq, h.hash) if h else (0, GENESIS)

    # -- verification ------------------------------------------------------------
    def verify(self, desk_id: int, batch: int = 5000) -> VerifyResult:
        """Walk the chain; report the first broken link. Then check the chain
        head and the heads signed at handover against what is stored."""
        prev_hash, expected_seq, checked = GENESIS, 1, 0
        last_id: int | None = None
        with self.db.read() as s:
            after = 0
            while True:
                rows = s.scalars(select(LogEntry).where(
                    LogEntry.desk_id == desk_id, LogEntry.seq > after)
                    .order_by(LogEntry.seq).limit(batch)).all()
                if not rows:
                    break
                for e in rows:
                    values = _row_values(e)
                    if e.seq != expected_seq:
                        return _broken(checked, expected_seq, None, QT_TRANSLATE_NOOP(
                            "errors", "entry #{seq} is missing"), seq=expected_seq)
                    if e.prev_hash != prev_hash:
                        return _broken(checked, e.seq, e.id, QT_TRANSLATE_NOOP(
                            "errors", "it does not link to the previous entry"))
                    if entry_hash(values) != e.hash:
                        return _broken(checked, e.seq, e.id, QT_TRANSLATE_NOOP(
                            "errors", "its content does not match its hash"))
                    if search_text_of(values) != e.search_text:
                        return _broken(checked, e.seq, e.id, QT_TRANSLATE_NOOP(
                            "errors", "its search text was altered"))
                    prev_hash, expected_seq, checked, last_id = e.hash, e.seq + 1, checked + 1, e.id
                after = rows[-1].seq
                s.expunge_all()
            last_seq = expected_seq - 1
            head = s.get(LogChainHead, desk_id)
            if head is not None and (head.seq != last_seq or head.hash != prev_hash):
                return _broken(checked, last_seq + 1 if head.seq > last_seq else head.seq,
                               last_id, QT_TRANSLATE_NOOP(
                                   "errors", "the chain head says #{head} but the log ends at "
                                             "#{last}: entries were removed or replaced"),
                               head=head.seq, last=last_seq)
            signed = s.execute(select(Handover.chain_seq, Handover.chain_hash, Handover.id).where(
                Handover.desk_id == desk_id, Handover.chain_seq.is_not(None))
                .order_by(Handover.chain_seq.desc())).all()
            for chain_seq, chain_hash, handover_id in signed:
                if chain_seq == 0:
                    continue
                if chain_seq > last_seq:
                    return _broken(checked, last_seq + 1, None, QT_TRANSLATE_NOOP(
                        "errors", "handover #{handover} signed the log up to #{signed}, but it "
                                  "ends at #{last}: newest entries were deleted"),
                        handover=handover_id, signed=chain_seq, last=last_seq)
                at = s.scalar(select(LogEntry.hash).where(LogEntry.desk_id == desk_id,
                                                          LogEntry.seq == chain_seq))
                if at != chain_hash:
                    return _broken(checked, chain_seq, None, QT_TRANSLATE_NOOP(
                        "errors", "entry #{seq} differs from the one signed at handover "
                                  "#{handover}"), seq=chain_seq, handover=handover_id)
        return VerifyResult(True, checked)


# -- the rows of a shift (STT) -------------------------------------------------------
@dataclass(frozen=True)
class RowNumber:
    """An entry's place in its shift's printed log: row `stt`, and inside a case its
    `part` (1, 2, …); a correction carries the number of the entry it corrects."""

    stt: int
    part: int | None = None

    @property
    def label(self) -> str:
        return f"{self.stt:02d}" if self.part is None else f"{self.stt:02d}.{self.part}"


class _RowKey(Protocol):
    id: int
    case_id: int | None
    corrects_id: int | None


R = TypeVar("R", bound=_RowKey)


def shift_rows(entries: Sequence[R]) -> list[list[R]]:
    """A shift's entries (in chain order) as the rows of Appendix I: one row per case
    (from its first entry in the shift) or standalone entry; a correction joins the
    row of the entry it corrects when that entry is in the shift."""
    rows: list[list[R]] = []
    row_of_case: dict[int, list[R]] = {}
    row_of_entry: dict[int, list[R]] = {}
    for e in entries:
        row = row_of_entry.get(e.corrects_id) if e.corrects_id is not None else None
        if row is None and e.case_id is not None:
            row = row_of_case.get(e.case_id)
        if row is None:
            row = []
            rows.append(row)
            if e.case_id is not None:
                row_of_case[e.case_id] = row
        row.append(e)
        row_of_entry[e.id] = row
    return rows


def row_numbers(entries: Sequence[_RowKey]) -> dict[int, RowNumber]:
    """Entry id → its STT, the same on screen and on paper."""
    out: dict[int, RowNumber] = {}
    for stt, row in enumerate(shift_rows(entries), start=1):
        in_case = row[0].case_id is not None
        part = 0
        for e in row:
            if e.corrects_id is not None and e.corrects_id in out:
                out[e.id] = out[e.corrects_id]
                continue
            part += 1
            out[e.id] = RowNumber(stt, part if in_case else None)
    return out


def _fts_query(words: list[str]) -> str:
    """FTS5 query: every word, the last one as a prefix (search as you type)."""
    return (" ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*').strip()


def _fts_ordered(stmt: Select, words: list[str], newest_first: bool, lo: int | None,
                 hi: int | None) -> Select:
    """SQLite: join the FTS5 table and order by its rowid, so FTS5 hands out its
    matches already sorted (newest first: backwards) and the LIMIT stops the walk
    early, instead of collecting every match and sorting. Within one desk the id
    order is the seq order: both are given while the desk's chain is locked
    (BEGIN IMMEDIATE), and entries are never renumbered. `lo <= id < hi` narrows
    the walk to the ids the other filters can match."""
    stmt = stmt.join(_FTS, _FTS.c.rowid == LogEntry.id).where(
        text("log_entry_fts MATCH :fts").bindparams(fts=_fts_query(words)))
    if lo is not None:
        stmt = stmt.where(_FTS.c.rowid >= lo)
    if hi is not None:
        stmt = stmt.where(_FTS.c.rowid < hi)
    return stmt.order_by(_FTS.c.rowid.desc() if newest_first else _FTS.c.rowid)


def entries_after(db: Database, desk_id: int, seq: int) -> list[LogEntry]:
    """For the change feed: the entries a console has not seen yet."""
    with db.read() as s:
        return list(s.scalars(select(LogEntry).where(
            and_(LogEntry.desk_id == desk_id, LogEntry.seq > seq)).order_by(LogEntry.seq)))


__all__ = ["DutyLog", "EntryDraft", "EntryKind", "VerifyResult", "KIND_NAMES", "CHANNELS",
           "CHANNEL_NAMES", "entries_after"]
