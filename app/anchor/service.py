"""Signed checkpoints of the duty log's chain, the desks' witnesses of each other's
heads, and the verification of a desk's chain against them, the workstation's own
store and a head printed or exported earlier (docs/security-anchor.md).

A checkpoint is written at a handover (by the signing leader), every
`every_n` entries and at every print of the log, whenever a shift leader's key is
unlocked in this process. The chain is *covered* up to the newest entry whose hash
a valid signature vouches for; `verify` names the first entry after that."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import logs
from app.anchor.keys import KeyInfo, Signer, SigningKeys, verify
from app.anchor.messages import (
    GENESIS,
    SignedHead,
    handover_message,
    head_message,
    witness_message,
)
from app.anchor.store import LocalHeadStore
from app.clock import Clock, fmt_local
from app.db.engine import Database
from app.db.models import Desk, Handover, LogChainHead, LogCheckpoint, LogEntry, LogWitness
from app.dutylog import DutyLog, VerifyResult
from app.errors import QT_TRANSLATE_NOOP

log = logs.get("anchor")

REASONS = ("handover", "every_n", "print")
DEFAULT_EVERY_N = 50


@dataclass(frozen=True)
class _Anchor:
    """One signed statement about a desk's chain: entry `seq` has hash `head`."""

    source: str           # what it is, for the message ("checkpoint 12 (print)", …)
    seq: int
    head: str
    key_id: str | None
    signature: str | None
    message: bytes
    at: datetime | None = None
    legacy: bool = False  # a handover from before the keys (unkeyed SHA-256)
    signed_by: int | None = None


@dataclass(frozen=True)
class _Problem:
    seq: int
    template: str
    values: tuple[tuple[str, object], ...]


class Anchor:
    """The anchor of every desk's chain outside the database."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog, keys: SigningKeys,
                 store: LocalHeadStore, every_n: int = DEFAULT_EVERY_N) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self.keys = keys
        self.store = store
        self.every_n = every_n
        dutylog.after_append.append(self.maybe_checkpoint)

    # -- signing ------------------------------------------------------------------
    def _code(self, s: Session, desk_id: int) -> str:
        return s.scalar(select(Desk.code).where(Desk.id == desk_id)) or str(desk_id)

    def checkpoint_in(self, s: Session, signer: Signer, desk_id: int, seq: int, head: str,
                      reason: str) -> SignedHead:
        """Sign (desk, seq, head) inside the caller's write transaction, witness the
        other desks' newest signed heads with the same key, and remember it here."""
        assert reason in REASONS, reason
        code = self._code(s, desk_id)
        signed = SignedHead(code, seq, head, signer.key_id,
                            signer.sign(head_message(code, seq, head)))
        s.add(LogCheckpoint(desk_id=desk_id, seq=seq, head=head, key_id=signer.key_id,
                            signature=signed.signature, signed_by=signer.user_id,
                            at=self.clock.now(), reason=reason))
        self._witness_others(s, signer, desk_id, code)
        s.flush()
        self.store.add([signed], {signer.key_id: signer.public_key})
        log.info("checkpoint %s #%d (%s) signed with %s", code, seq, reason, signer.key_id)
        return signed

    def _witness_others(self, s: Session, signer: Signer, desk_id: int, code: str) -> None:
        keys = self.keys.all_keys()
        newest = select(LogCheckpoint.desk_id, func.max(LogCheckpoint.seq).label("seq")).where(
            LogCheckpoint.desk_id != desk_id).group_by(LogCheckpoint.desk_id).subquery()
        for cp, other in s.execute(
                select(LogCheckpoint, Desk.code)
                .join(newest, (newest.c.desk_id == LogCheckpoint.desk_id)
                      & (newest.c.seq == LogCheckpoint.seq))
                .join(Desk, Desk.id == LogCheckpoint.desk_id)):
            seen = s.scalar(select(func.max(LogWitness.seq)).where(
                LogWitness.desk_id == desk_id, LogWitness.witnessed_desk_id == cp.desk_id))
            if seen is not None and seen >= cp.seq:
                continue
            key = keys.get(cp.key_id)
            if key is None or key.registered_at is None or not verify(
                    key.public_key, cp.signature, head_message(other, cp.seq, cp.head)):
                log.warning("not witnessing %s #%d: its signature does not hold", other, cp.seq)
                continue
            s.add(LogWitness(desk_id=desk_id, witnessed_desk_id=cp.desk_id, seq=cp.seq,
                             head=cp.head, key_id=signer.key_id,
                             signature=signer.sign(witness_message(code, other, cp.seq,
                                                                   cp.head)),
                             signed_by=signer.user_id, at=self.clock.now()))

    def checkpoint(self, desk_id: int, reason: str, seq: int | None = None,
                   head: str | None = None, user_id: int | None = None) -> SignedHead | None:
        """Sign the desk's head (or entry `seq` with `head`) with the unlocked key of
        `user_id` (default: the last leader who unlocked his); None without one."""
        signer = self.keys.ready_signer(user_id)
        if signer is None:
            return None
        with self.db.write() as s:
            if seq is None or head is None:
                row = s.get(LogChainHead, desk_id)
                seq, head = (row.seq, row.hash) if row is not None else (0, GENESIS)
            return self.checkpoint_in(s, signer, desk_id, seq, head, reason)

    def maybe_checkpoint(self, desk_id: int) -> None:
        """After an append: a checkpoint once `every_n` entries are unsigned."""
        if self.keys.signer() is None:
            return
        with self.db.read() as s:
            head = s.scalar(select(LogChainHead.seq).where(LogChainHead.desk_id == desk_id)) or 0
            last = s.scalar(select(func.max(LogCheckpoint.seq)).where(
                LogCheckpoint.desk_id == desk_id)) or 0
        if head - last >= self.every_n:
            self.checkpoint(desk_id, "every_n")

    def sign_print(self, desk_id: int, seq: int, head: str) -> SignedHead | None:
        """At a print of the log: the printed head signed now, or the one signed
        earlier for that entry; None when no key is unlocked and none was."""
        signed = self.checkpoint(desk_id, "print", seq, head)
        if signed is not None:
            return signed
        with self.db.read() as s:
            code = self._code(s, desk_id)
            cp = s.scalar(select(LogCheckpoint).where(
                LogCheckpoint.desk_id == desk_id, LogCheckpoint.seq == seq,
                LogCheckpoint.head == head).order_by(LogCheckpoint.id.desc()).limit(1))
        if cp is None:
            return None
        return SignedHead(code, cp.seq, cp.head, cp.key_id, cp.signature)

    def holder(self, key_id: str) -> str:
        key = self.keys.all_keys().get(key_id)
        return key.holder if key is not None else ""

    # -- verification --------------------------------------------------------------
    def verify(self, desk_id: int, given: Iterable[SignedHead] = ()) -> VerifyResult:
        """The chain (DutyLog.verify), then every signed statement about it: the
        checkpoints, the other desks' witnesses, the handovers, this workstation's
        store and `given` (heads printed or exported earlier). Names the first entry
        that no valid signature covers when one of them does not hold."""
        chain = self.dutylog.verify(desk_id)
        if not chain.ok:
            return chain
        last = chain.checked
        with self.db.read() as s:
            code = self._code(s, desk_id)
            anchors = self._anchors(s, desk_id, code, list(given))
            keys = self.keys.all_keys()
            pinned = self.store.pinned()
            hashes = self._hashes(s, desk_id, {a.seq for a in anchors if 0 < a.seq <= last})
        problems: list[_Problem] = []
        matched: list[int] = [0]
        seen: list[SignedHead] = []
        for a in anchors:
            why = self._invalid(a, keys, pinned)
            if why is not None:
                problems.append(_Problem(a.seq, QT_TRANSLATE_NOOP(
                    "errors", "entry #{first} is the first not covered by a valid signature: "
                              "{source} is not validly signed ({why})"),
                    (("source", a.source), ("why", why))))
                continue
            if a.legacy:
                continue
            if a.seq > last:
                problems.append(_Problem(a.seq, QT_TRANSLATE_NOOP(
                    "errors", "entry #{first} is the first not covered by a valid signature: "
                              "{source} signed the log up to #{seq}, but it ends at #{last}: "
                              "entries were deleted"),
                    (("source", a.source), ("seq", a.seq), ("last", last))))
            elif (hashes.get(a.seq) if a.seq else GENESIS) != a.head:
                problems.append(_Problem(a.seq, QT_TRANSLATE_NOOP(
                    "errors", "entry #{first} is the first not covered by a valid signature: "
                              "{source} signed entry #{seq} with another hash: the log was "
                              "rewritten or reordered"),
                    (("source", a.source), ("seq", a.seq))))
            else:
                matched.append(a.seq)
                if a.key_id and a.signature and a.message == head_message(code, a.seq, a.head):
                    seen.append(SignedHead(code, a.seq, a.head, a.key_id, a.signature))
        if seen:   # what this workstation has now seen, and the keys that signed it
            self.store.add(seen, {h.key_id: keys[h.key_id].public_key for h in seen})
        if problems:
            worst = min(problems, key=lambda p: p.seq)
            first = max((m for m in matched if m < worst.seq), default=0) + 1
            values = dict(worst.values) | {"first": first}
            return VerifyResult(False, last, first, None, worst.template,
                                tuple(values.items()), covered_seq=first - 1)
        covered = max(matched)
        newest = max(seen, key=lambda h: h.seq).token if seen else ""
        return VerifyResult(True, last, covered_seq=covered, signed_head=newest)

    def _anchors(self, s: Session, desk_id: int, code: str,
                 given: list[SignedHead]) -> list[_Anchor]:
        out: list[_Anchor] = []
        for cp in s.scalars(select(LogCheckpoint).where(LogCheckpoint.desk_id == desk_id)
                            .order_by(LogCheckpoint.seq)):
            out.append(_Anchor(f"checkpoint {cp.id} ({cp.reason}, {fmt_local(cp.at)})", cp.seq,
                               cp.head, cp.key_id, cp.signature,
                               head_message(code, cp.seq, cp.head), cp.at))
        for w, witness in s.execute(select(LogWitness, Desk.code).join(
                Desk, Desk.id == LogWitness.desk_id).where(
                LogWitness.witnessed_desk_id == desk_id).order_by(LogWitness.seq)):
            out.append(_Anchor(f"desk {witness}'s witness {w.id}", w.seq, w.head, w.key_id,
                               w.signature, witness_message(witness, code, w.seq, w.head), w.at))
        for ho in s.scalars(select(Handover).where(Handover.desk_id == desk_id,
                                                   Handover.signed_at.is_not(None))):
            out.append(_Anchor(f"handover {ho.id}", ho.chain_seq or 0,
                               ho.chain_hash or GENESIS, ho.signing_key_id, ho.signature,
                               handover_message(ho) if ho.signing_key_id else b"",
                               ho.signed_at, legacy=ho.signing_key_id is None,
                               signed_by=ho.signed_by))
        for sh in self.store.heads(code):
            out.append(_Anchor("this workstation's store", sh.seq, sh.head, sh.key_id,
                               sh.signature, sh.message()))
        for sh in given:
            out.append(_Anchor("the given head", sh.seq, sh.head, sh.key_id, sh.signature,
                               head_message(code, sh.seq, sh.head)))
        return out

    def _invalid(self, a: _Anchor, keys: dict[str, KeyInfo],
                 pinned: dict[str, str]) -> str | None:
        """Why a statement's signature does not hold, or None."""
        if a.legacy:
            # before keys: fine unless its signer had a key by then (a downgrade)
            had = any(k.user_id == a.signed_by and k.registered_at is not None
                      and a.at is not None and k.registered_at <= a.at for k in keys.values())
            return "unkeyed, although its signer had a registered key" if had else None
        key = keys.get(a.key_id or "")
        if key is None:
            return "unknown key"
        if key.registered_at is None:
            return "key not registered"
        if a.key_id in pinned and pinned[a.key_id] != key.public_key:
            return "the key differs from the one this workstation saw"
        if not a.signature or not verify(key.public_key, a.signature, a.message):
            return "the signature does not match"
        return None

    @staticmethod
    def _hashes(s: Session, desk_id: int, seqs: set[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        ordered = sorted(seqs)
        for i in range(0, len(ordered), 500):
            out.update({seq: h or "" for seq, h in s.execute(
                select(LogEntry.seq, LogEntry.hash).where(
                    LogEntry.desk_id == desk_id, LogEntry.seq.in_(ordered[i:i + 500])))})
        return out


__all__ = ["DEFAULT_EVERY_N", "REASONS", "Anchor"]
