"""The duty log feature (Appendix I): `service` writes and reads a desk's log
(typed entries, append-only corrections, cases, the hash chain, verification,
search) and numbers its rows as printed; the topic it records is
`Topic.DUTYLOG` (ref: the entry's id). Features that follow their own cases to
the end (the workflow, outages, directives) say so with `followed_elsewhere`,
so that the log need not know them."""

from app.dutylog.service import (
    CHANNEL_NAMES,
    CHANNELS,
    GENESIS,
    HASHED_COLUMNS,
    KIND_NAMES,
    CaseOwner,
    DutyLog,
    EntryDraft,
    EntryKind,
    RowNumber,
    VerifyResult,
    entries_after,
    entry_hash,
    row_numbers,
    search_text_of,
    shift_rows,
)

__all__ = ["CHANNELS", "CHANNEL_NAMES", "GENESIS", "HASHED_COLUMNS", "KIND_NAMES", "CaseOwner",
           "DutyLog", "EntryDraft", "EntryKind", "RowNumber", "VerifyResult", "entries_after",
           "entry_hash", "row_numbers", "search_text_of", "shift_rows"]
