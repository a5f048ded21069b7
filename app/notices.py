"""Notices to units (about camera faults, system faults… Đ14.1.1d, Đ15.1b) and the
document register that numbers faxes and letters per desk and year."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, to_local
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import DocumentCounter, DocumentNumber, Notice
from app.dutylog import CHANNELS
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError, conflict

log = logs.get("db")

NOTICE_STATES = {
    "draft": QT_TRANSLATE_NOOP("errors", "not sent yet"),
    "sent": QT_TRANSLATE_NOOP("errors", "sent"),
    "acknowledged": QT_TRANSLATE_NOOP("errors", "acknowledged"),
    "closed": QT_TRANSLATE_NOOP("errors", "closed"),
}

DOC_TYPES = {"fax": "FAX-TB", "letter": "CV-TB", "proposal": "TTr-TB", "report": "BC-TB"}


class Notices:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def create(self, actor: CurrentUser, desk_id: int, subject: str, channel: str,
               unit_id: int | None = None, contact: str | None = None, body: str = "",
               source_kind: str | None = None, source_ref: str | None = None) -> Notice:
        require(actor, Permission.NOTICE_SEND)
        if channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=channel)
        if not subject.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A notice needs a subject."))
        with self.db.write() as s:
            n = Notice(desk_id=desk_id, unit_id=unit_id, contact=contact, subject=subject.strip(),
                       body=body, channel=channel, source_kind=source_kind,
                       source_ref=source_ref, created_by=actor.id, created_at=self.clock.now(),
                       status="draft")
            s.add(n)
            s.flush()
            record_change(s, self.clock, desk_id, Topic.NOTICE, n.id)
            return n

    def mark_sent(self, actor: CurrentUser, notice_id: int, version: int,
                  document_no: str | None = None) -> Notice:
        return self._transition(actor, notice_id, version, ("draft",), status="sent",
                                sent_at=self.clock.now(), document_no=document_no)

    def acknowledge(self, actor: CurrentUser, notice_id: int, version: int,
                    by_contact: str) -> Notice:
        return self._transition(actor, notice_id, version, ("sent",), status="acknowledged",
                                acknowledged_at=self.clock.now(),
                                acknowledged_by_contact=by_contact)

    def _transition(self, actor: CurrentUser, notice_id: int, version: int,
                    from_status: tuple[str, ...], **values: object) -> Notice:
        require(actor, Permission.NOTICE_SEND)
        with self.db.write() as s:
            done = s.execute(update(Notice).where(
                Notice.id == notice_id, Notice.version == version,
                Notice.status.in_(from_status)).values(version=version + 1, **values))
            if rowcount(done) != 1:
                current = s.get(Notice, notice_id)
                if current is None:
                    raise NotFound(QT_TRANSLATE_NOOP("errors", "The notice does not exist."))
                if current.version == version:  # not changed elsewhere: a wrong step
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "This step does not apply to a notice that is {status}."),
                        status=NOTICE_STATES.get(current.status, current.status))
                raise conflict("The notice")
            n = s.get(Notice, notice_id)
            assert n is not None
            s.refresh(n)
            record_change(s, self.clock, n.desk_id, Topic.NOTICE, n.id)
            return n

    def for_desk(self, desk_id: int) -> list[Notice]:
        with self.db.read() as s:
            return list(s.scalars(select(Notice).where(Notice.desk_id == desk_id)
                                  .order_by(Notice.id.desc())))


class DocumentRegister:
    """Numbers documents per desk, year and type; unique across consoles."""

    def __init__(self, db: Database, clock: Clock, desk_code_of) -> None:
        self.db = db
        self.clock = clock
        self.desk_code_of = desk_code_of

    def next_number(self, actor: CurrentUser, desk_id: int, doc_type: str,
                    subject: str, issuer_code: str | None = None) -> DocumentNumber:
        """The next number of the desk's register for `doc_type`, or, with
        `issuer_code`, of that unit's own register kept at the desk (a fax a unit
        issues under its plan, Appendix V: "3/FAX-DTCBL")."""
        require(actor, Permission.DOCUMENT_NUMBER)
        if doc_type not in DOC_TYPES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown document type '{t}'."),
                                  t=doc_type)
        now = self.clock.now()
        year = to_local(now).year  # local year: 1 Jan before 07:00 is still 31 Dec in UTC
        for _attempt in range(5):
            try:
                with self.db.write() as s:
                    key_type = doc_type if not issuer_code else f"{doc_type}:{issuer_code}"
                    key = {"desk_id": desk_id, "year": year, "doc_type": key_type[:20]}
                    bumped = s.execute(update(DocumentCounter).filter_by(**key).values(
                        last_number=DocumentCounter.last_number + 1))
                    if rowcount(bumped) == 0:
                        s.add(DocumentCounter(**key, last_number=1))
                        s.flush()
                    number = s.scalar(select(DocumentCounter.last_number).filter_by(**key))
                    assert number is not None
                    label = (f"{number}/{DOC_TYPES[doc_type]}-{self.desk_code_of(desk_id)}"
                             if not issuer_code else
                             f"{number}/{DOC_TYPES[doc_type].split('-')[0]}-{issuer_code}")
                    doc = DocumentNumber(desk_id=desk_id, year=year, doc_type=key_type[:20],
                                         number=number, label=label, subject=subject,
                                         issued_by=actor.id, issued_at=now)
                    s.add(doc)
                    s.flush()
                    record_change(s, self.clock, desk_id, Topic.DOCUMENT, doc.id)
                    return doc
            except IntegrityError:
                log.info("document counter race, retrying")
        raise conflict("The document register")
