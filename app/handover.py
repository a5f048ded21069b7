"""The handover between shifts (Đ5.5, Đ6.6, Đ14.2a): summary plus open items,
signed by the outgoing shift leader with the log's chain head, acknowledged by
the incoming one, then frozen. Open items come from a registry that later
features add providers to."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from app import logs
from app.anchor import Anchor, SigningKeys, handover_message, handover_payload
from app.anchor.keys import verify as verify_ed25519
from app.auth import CurrentUser, Permission, Role, require
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import Handover, LogChainHead, Notice, Shift
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import (
    QT_TRANSLATE_NOOP,
    FrozenError,
    NotFound,
    PermissionDenied,
    ValidationError,
    conflict,
)

log = logs.get("handover")


@dataclass(frozen=True)
class OpenItem:
    """Something the next shift must follow up."""

    source: str        # "incident", "notice", later "camera_outage", "ptz_position"…
    ref: str
    title: str
    detail: str = ""
    since: str = ""


class OpenItemProvider(Protocol):
    """A source of open items. A provider with `required = True` lists what the
    report must hand over: the leader does not sign a report that leaves out one
    of its items (e.g. an opinion by phone not countersigned, Đ5.4b)."""

    source: str

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]: ...


class OpenItemRegistry:
    """Providers contribute open items; the handover lists them all."""

    def __init__(self) -> None:
        self._providers: list[OpenItemProvider] = []

    def register(self, provider: OpenItemProvider) -> None:
        self._providers.append(provider)

    def collect(self, desk_id: int, shift: Shift) -> list[OpenItem]:
        items: list[OpenItem] = []
        for p in self._providers:
            try:
                items.extend(p.open_items(desk_id, shift))
            except Exception:  # noqa: BLE001 - one broken provider must not stop a handover
                log.exception("open-item provider %s failed", p.source)
                items.append(OpenItem(p.source, "-", f"(không lấy được danh sách: {p.source})"))
        return items

    def collect_required(self, desk_id: int, shift: Shift) -> list[OpenItem]:
        """The items of the required providers; a failure stops the caller (the
        report is not signed on a list that could not be checked)."""
        items: list[OpenItem] = []
        for p in self._providers:
            if getattr(p, "required", False):
                items.extend(p.open_items(desk_id, shift))
        return items


class OpenCasesProvider:
    """Incidents that have no result yet."""

    source = "incident"

    def __init__(self, dutylog: DutyLog) -> None:
        self.dutylog = dutylog

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:
        return [OpenItem("incident", str(c.id), c.title, since=fmt_local(c.created_at))
                for c in self.dutylog.open_cases(desk_id)]


# Notices whose outage lists them itself (app/camera_health.py, app/source_health.py).
LISTED_WITH_THEIR_OUTAGE = ("camera_outage", "source_outage")


class OpenNoticesProvider:
    """Notices sent to units and not yet acknowledged (a camera's or a data source's
    outage notice is listed with its outage)."""

    source = "notice"

    def __init__(self, db: Database) -> None:
        self.db = db

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:
        with self.db.read() as s:
            rows = s.scalars(select(Notice).where(
                Notice.desk_id == desk_id, Notice.status.in_(("draft", "sent")),
                or_(Notice.source_kind.is_(None),
                    Notice.source_kind.not_in(LISTED_WITH_THEIR_OUTAGE)))
                .order_by(Notice.id)).all()
        return [OpenItem("notice", str(n.id), n.subject, detail=n.contact or "",
                         since=fmt_local(n.sent_at or n.created_at)) for n in rows]


def handover_signature(h: Handover) -> str:
    """The unkeyed SHA-256 of the report: the "signature" of handovers signed before
    the leaders had keys (migration 0014), kept to check them."""
    return hashlib.sha256(handover_payload(h).encode("utf-8")).hexdigest()


#: what `HandoverService.signature_status` says (translated by the caller)
SIGNATURE_STATUS = {
    "signed": QT_TRANSLATE_NOOP("errors", "signed with the leader's key"),
    "unsigned": QT_TRANSLATE_NOOP("errors", "unsigned (before keys)"),
    "invalid": QT_TRANSLATE_NOOP("errors", "the signature does not match"),
    "none": QT_TRANSLATE_NOOP("errors", "not signed yet"),
}


class HandoverService:
    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog,
                 registry: OpenItemRegistry, leader_of: Callable[[int], int | None],
                 keys: SigningKeys | None = None, anchor: Anchor | None = None) -> None:
        """With `keys` the leader signs with his Ed25519 key (unlocked at log-in);
        `anchor` also records the signed head as a checkpoint (app/anchor)."""
        self.db = db
        self.keys = keys
        self.anchor = anchor
        self.clock = clock
        self.dutylog = dutylog
        self.registry = registry
        self.leader_of = leader_of

    def for_shift(self, shift_id: int) -> Handover | None:
        with self.db.read() as s:
            return s.scalar(select(Handover).where(Handover.shift_id == shift_id))

    def get(self, handover_id: int) -> Handover:
        with self.db.read() as s:
            h = s.get(Handover, handover_id)
        if h is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The handover report does not exist."))
        return h

    def collect_open_items(self, desk_id: int, shift_id: int) -> list[OpenItem]:
        with self.db.read() as s:
            shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The shift does not exist."))
        return self.registry.collect(desk_id, shift)

    def save_draft(self, actor: CurrentUser, shift_id: int, summary: str,
                   version: int | None = None) -> Handover:
        """Create or edit the draft report of a shift; open items are refreshed."""
        require(actor, Permission.HANDOVER_DRAFT)
        with self.db.read() as s:
            shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The shift does not exist."))
        items = json.dumps([asdict(i) for i in self.registry.collect(shift.desk_id, shift)],
                           ensure_ascii=False)
        try:
            with self.db.write() as s:
                h = s.scalar(select(Handover).where(Handover.shift_id == shift_id))
                if h is None:
                    h = Handover(desk_id=shift.desk_id, shift_id=shift_id,
                                 summary=summary.strip(), open_items=items, status="draft",
                                 created_by=actor.id, created_at=self.clock.now())
                    s.add(h)
                else:
                    self._check_editable(h, version)
                    if version is None:  # another console started the report meanwhile
                        raise conflict("The handover report")
                    h.summary, h.open_items = summary.strip(), items
                s.flush()
                record_change(s, self.clock, shift.desk_id, Topic.HANDOVER, h.id)
                return h
        except IntegrityError as exc:  # two first saves at the same moment
            raise conflict("The handover report") from exc

    def sign(self, actor: CurrentUser, handover_id: int, version: int) -> Handover:
        """The outgoing shift leader signs: the chain head is fixed into the report."""
        require(actor, Permission.HANDOVER_SIGN)
        h = self.get(handover_id)
        leader = self.leader_of(h.shift_id)
        if not actor.has_role(Role.ADMIN) and (
                (leader is not None and leader != actor.id)
                or (leader is None and actor.desk_id != h.desk_id)):
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "Only the leader of this shift can sign its handover."))
        signer = None
        if self.keys is not None:
            key = self.keys.current(actor.id)
            if key is not None and key.registered_at is not None:
                signer = self.keys.ready_signer(actor.id)
                if signer is None:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "Your signing key is locked: log in again with your "
                                  "password to sign the handover."))
        if h.status == "draft":
            self._check_lists_required(h)
        with self.db.write() as s:
            held = s.get(Handover, handover_id)
            assert held is not None
            h = held
            self._check_editable(h, version)
            head = s.get(LogChainHead, h.desk_id)
            h.chain_seq, h.chain_hash = (head.seq, head.hash) if head else (0, "0" * 64)
            h.status, h.signed_by, h.signed_at = "signed", actor.id, self.clock.now()
            if signer is not None:
                h.signing_key_id = signer.key_id
                h.signature = signer.sign(handover_message(h))
                if self.anchor is not None:
                    self.anchor.checkpoint_in(s, signer, h.desk_id, h.chain_seq,
                                              h.chain_hash, "handover")
            else:            # a leader without a key (yet): the unkeyed hash as before
                h.signing_key_id = None
                h.signature = handover_signature(h)
            s.flush()
            record_change(s, self.clock, h.desk_id, Topic.HANDOVER, h.id)
        self.dutylog.append(actor, h.desk_id, EntryDraft(
            kind=EntryKind.HANDOVER,
            content=f"Lãnh đạo ca trực ký biên bản bàn giao ca; nhật ký đến mục "
                    f"#{h.chain_seq}, mã băm {h.chain_hash[:16]}…"))
        return h

    def _check_lists_required(self, h: Handover) -> None:
        """Refuse to sign a report that leaves out a required open item (one that came
        up after the draft was saved): the leader saves it again and sees it listed."""
        with self.db.read() as s:
            shift = s.get(Shift, h.shift_id)
        if shift is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The shift does not exist."))
        listed = {(i.source, i.ref) for i in open_items_of(h)}
        missing = [i for i in self.registry.collect_required(h.desk_id, shift)
                   if (i.source, i.ref) not in listed]
        if missing:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The handover report does not list {count} open item(s) it must "
                          "hand over: {items}. Save the report again so that it lists them, "
                          "then sign it."),
                count=len(missing), items="; ".join(i.title for i in missing))

    def acknowledge(self, actor: CurrentUser, handover_id: int, version: int) -> Handover:
        """The incoming shift leader acknowledges; the report is frozen."""
        require(actor, Permission.HANDOVER_ACKNOWLEDGE)
        with self.db.write() as s:
            h = s.get(Handover, handover_id)
            if h is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The handover report does not exist."))
            if h.status == "acknowledged":
                # Another leader was first: the same answer as losing the race below.
                raise conflict("The handover report")
            if h.status != "signed":
                raise FrozenError(QT_TRANSLATE_NOOP(
                    "errors", "Only a signed handover report can be acknowledged."))
            if h.signed_by == actor.id:
                raise PermissionDenied(QT_TRANSLATE_NOOP(
                    "errors", "The incoming shift leader must be someone else than the signer."))
            now = self.clock.now()
            # Conditional update: two consoles acknowledging at once, one wins.
            done = s.execute(update(Handover).where(
                Handover.id == handover_id, Handover.status == "signed",
                Handover.version == version).values(
                status="acknowledged", acknowledged_by=actor.id, acknowledged_at=now,
                version=version + 1))
            if rowcount(done) != 1:
                raise conflict("The handover report")
            record_change(s, self.clock, h.desk_id, Topic.HANDOVER, h.id)
        return self.get(handover_id)

    def verify_signature(self, h: Handover) -> bool:
        return self.signature_status(h) in ("signed", "unsigned")

    def signature_status(self, h: Handover) -> str:
        """"signed" (a valid Ed25519 signature of a registered key), "unsigned" (the
        unkeyed hash of a report from before the keys, matching), "invalid" or
        "none" (a draft); SIGNATURE_STATUS has their texts."""
        if h.signature is None:
            return "none"
        if h.signing_key_id is None:
            return "unsigned" if handover_signature(h) == h.signature else "invalid"
        key = self.keys.all_keys().get(h.signing_key_id) if self.keys is not None else None
        if key is None or key.registered_at is None:
            return "invalid"
        return "signed" if verify_ed25519(key.public_key, h.signature,
                                          handover_message(h)) else "invalid"

    @staticmethod
    def _check_editable(h: Handover, version: int | None) -> None:
        if h.status != "draft":
            raise FrozenError(QT_TRANSLATE_NOOP(
                "errors", "The handover report is signed and can no longer change."))
        if version is not None and h.version != version:
            raise conflict("The handover report")


def open_items_of(h: Handover) -> list[OpenItem]:
    return [OpenItem(**d) for d in json.loads(h.open_items or "[]")]


__all__ = ["HandoverService", "OpenItem", "OpenItemRegistry", "OpenItemProvider",
           "OpenCasesProvider", "OpenNoticesProvider", "SIGNATURE_STATUS", "handover_signature",
           "open_items_of", "datetime"]
