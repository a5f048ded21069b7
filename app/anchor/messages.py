"""What a signature covers: a desk's chain head, another desk's head as witnessed,
a handover report. The messages name desks by code (ids are the database's own)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.errors import QT_TRANSLATE_NOOP, ValidationError

GENESIS = "0" * 64


def head_message(desk_code: str, seq: int, head: str) -> bytes:
    return f"customs-dutylog-head/1\n{desk_code}\n{seq}\n{head}".encode()


def witness_message(witness_code: str, desk_code: str, seq: int, head: str) -> bytes:
    return f"customs-dutylog-witness/1\n{witness_code}\n{desk_code}\n{seq}\n{head}".encode()


def handover_payload(h: Any) -> str:
    """The report's fields a signature covers (app/handover.py), canonical JSON."""
    return json.dumps({
        "desk_id": h.desk_id, "shift_id": h.shift_id, "summary": h.summary,
        "open_items": h.open_items, "chain_seq": h.chain_seq, "chain_hash": h.chain_hash,
        "signed_by": h.signed_by,
        "signed_at": h.signed_at.isoformat() if h.signed_at else None,
    }, ensure_ascii=False, sort_keys=True)


def handover_message(h: Any) -> bytes:
    return (f"customs-handover/1\n{h.signing_key_id}\n" + handover_payload(h)).encode("utf-8")


@dataclass(frozen=True)
class SignedHead:
    """A signed head as printed on the log and exported:
    `DESK:SEQ:HEAD:KEY:SIGNATURE` (the desk may be left out: this desk)."""

    desk_code: str
    seq: int
    head: str
    key_id: str
    signature: str

    @property
    def token(self) -> str:
        return f"{self.desk_code}:{self.seq}:{self.head}:{self.key_id}:{self.signature}"

    def message(self) -> bytes:
        return head_message(self.desk_code, self.seq, self.head)

    @classmethod
    def parse(cls, token: str, desk_code: str) -> SignedHead:
        parts = token.strip().split(":")
        if len(parts) == 4:
            parts = [desk_code, *parts]
        try:
            if len(parts) != 5:
                raise ValueError(token)
            code, seq, head, key_id, sig = parts
            if len(head) != 64 or int(head, 16) < 0 or int(seq) < 0 or not key_id or not sig:
                raise ValueError(token)
            return cls(code, int(seq), head.lower(), key_id.lower(), sig)
        except ValueError:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "'{token}' is not a signed head (DESK:SEQ:HASH:KEY:SIGNATURE)."),
                token=token.strip()[:120]) from None


__all__ = ["GENESIS", "SignedHead", "handover_message", "handover_payload", "head_message",
           "witness_message"]
