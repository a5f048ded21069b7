"""The customs panels' read models: the declarations filtered as an officer asks
(channel, status, office, period, type code, area, tax-code prefix, container, free
text of the goods), one declaration's details with everything the other feeds say
about it, the gate reads with their verdicts, the controlled area's events."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, TextClause, column, or_, select, table, text
from sqlalchemy.orm import Session

from app.customs.ids import BadValue, container_number, declaration_key
from app.db.engine import Database
from app.db.models import (
    Alert,
    CustomsAreaEvent,
    CustomsBlacklist,
    CustomsDeclaration,
    CustomsDeclarationContainer,
    CustomsGateEvent,
    CustomsManifestContainer,
    CustomsVesselCall,
)
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.text import tokens


@dataclass(frozen=True)
class DeclarationFilter:
    channels: tuple[str, ...] = ()          # green | yellow | red; () all
    statuses: tuple[str, ...] = ()
    office: str = ""
    registered_from: datetime | None = None
    registered_to: datetime | None = None
    type_code: str = ""
    area: str = ""
    system: str = ""                        # vcis | v5 | "" both
    tax_code_prefix: str = ""
    container: str = ""
    number: str = ""                        # 11 or 12 digits, or a prefix
    text: str = ""                          # words of the goods description or the declarant
    limit: int = 500


@dataclass(frozen=True)
class DeclarationRow:
    id: int
    key: str
    number: str
    system: str
    flow: str
    type_code: str
    office: str
    area: str
    channel: str | None
    channel_raw: str | None
    status: str
    registered_at: datetime
    cleared_at: datetime | None
    declarant_tax_code: str
    declarant_name: str
    containers: str
    goods_description: str


@dataclass(frozen=True)
class GateRow:
    id: int
    ext_id: str
    gate: str
    lane: str
    direction: str
    at: datetime
    container_raw: str | None
    container_no: str | None
    read_error: str | None
    plate: str | None
    confidence: float
    camera_code: str | None
    picture: str | None
    declaration_key: str | None
    verdict: str
    check_result: str | None
    version: int


@dataclass(frozen=True)
class AreaRow:
    id: int
    event: str
    at: datetime
    declaration_key: str | None
    container_no: str | None
    seal: str | None
    plate: str | None
    gate: str | None
    office: str | None
    note: str | None


@dataclass(frozen=True)
class ContainerRow:
    number: str
    size_type: str | None
    seal: str | None
    full: bool
    in_yard_since: datetime | None
    left_yard_at: datetime | None
    bills: str                              # the bills of lading naming it


@dataclass(frozen=True)
class BillRow:
    number: str
    master: str | None
    shipper: str
    consignee: str
    consignee_tax_code: str | None
    hs: str | None
    packages: int | None
    gross_weight_kg: float | None
    description: str
    containers: str


@dataclass(frozen=True)
class VesselCallRow:
    id: int
    call_id: str
    vessel_name: str
    imo: str | None
    mmsi: str | None
    call_sign: str | None
    flag: str | None
    voyage: str | None
    port: str
    eta: datetime | None
    ata: datetime | None
    bills: list[BillRow]
    containers: list[ContainerRow]


@dataclass(frozen=True)
class LongStayRow:
    """A container in the yard beyond N days (the long-stay inventory)."""

    number: str
    vessel_name: str
    call_id: str
    in_yard_since: datetime
    days: int
    full: bool
    size_type: str | None


@dataclass(frozen=True)
class DeclarationDetails:
    row: DeclarationRow
    amend_count: int
    route: str
    channel_at: datetime | None
    inspection_result: str | None
    inspection_place: str | None
    hs_codes: list[str]
    bills_of_lading: list[str]
    gross_weight_kg: float | None
    transport_mode: str | None
    storage_place: str | None
    status_history: list[tuple[str, str]]
    criteria: list[str]
    notices: list[tuple[str, str]]
    seals: dict[str, str]
    gate_reads: list[GateRow] = field(default_factory=list)
    area_events: list[AreaRow] = field(default_factory=list)
    blacklist: list[tuple[str, str, str]] = field(default_factory=list)  # subject, value, reason
    alerts: list[tuple[int, str, str, str]] = field(default_factory=list)  # id, sev, title, state


def _row(d: CustomsDeclaration) -> DeclarationRow:
    return DeclarationRow(d.id, d.key, d.number, d.system, d.flow, d.type_code, d.office,
                          d.area, d.channel, d.channel_raw, d.status, d.registered_at,
                          d.cleared_at, d.declarant_tax_code, d.declarant_name, d.containers,
                          d.goods_description)


def gate_row(g: CustomsGateEvent) -> GateRow:
    return GateRow(g.id, g.ext_id, g.gate, g.lane, g.direction, g.at, g.container_raw,
                   g.container_no, g.read_error, g.plate, g.confidence, g.camera_code,
                   g.picture, g.declaration_key, g.verdict, g.check_result, g.version)


def _area_row(a: CustomsAreaEvent) -> AreaRow:
    return AreaRow(a.id, a.event, a.at, a.declaration_key, a.container_no, a.seal, a.plate,
                   a.gate, a.office, a.note)


_FTS = table("customs_declaration_fts", column("rowid"))


def filter_statement(desk_id: int | None, f: DeclarationFilter,
                     postgres: bool = False) -> Select[tuple[CustomsDeclaration]]:
    """The query of a filter (newest registration first). Raises ValidationError for a
    container or number that cannot be one.

    On SQLite a free text is walked in the full-text index's order, newest row first,
    and the LIMIT stops the walk (a common word matches hundreds of thousands of
    declarations: collecting them all to sort by registration took 0.5 s); the page is
    then sorted by registration. Declarations arrive about in the order they are
    registered, so the page is the newest matches but for the odd late one."""
    d = CustomsDeclaration
    limit = max(1, min(f.limit, 5000))
    words = tokens(f.text)[:8]
    if words and not postgres:
        page = (filter_where(select(d.id), desk_id, replace(f, text=""), postgres)
                .join(_FTS, _FTS.c.rowid == d.id)
                .where(text("customs_declaration_fts MATCH :fts").bindparams(
                    fts=_fts_query(words)))
                .order_by(_FTS.c.rowid.desc()).limit(limit).subquery())
        return (select(d).where(d.id.in_(select(page.c.id)))
                .order_by(d.registered_at.desc(), d.id.desc()))
    stmt = filter_where(select(d), desk_id, f, postgres)
    return stmt.order_by(d.registered_at.desc(), d.id.desc()).limit(limit)


def _fts_query(words: list[str]) -> str:
    """FTS5: every word, the last one as a prefix (as the officer types)."""
    return (" ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*').strip()


S = TypeVar("S", bound=Select[Any])


def text_match(words: list[str], postgres: bool) -> ColumnElement[bool] | TextClause:
    """The declarations whose goods or declarant hold every word (folded; the last one
    as a prefix, as the officer types): the full-text index of migration 0017."""
    if postgres:
        tsq = " & ".join(words[:-1] + [words[-1] + ":*"])
        return text("to_tsvector('simple', customs_declaration.search_text) @@ "
                    "to_tsquery('simple', :tsq)").bindparams(tsq=tsq)
    return CustomsDeclaration.id.in_(text(
        "SELECT rowid FROM customs_declaration_fts WHERE customs_declaration_fts MATCH :fts"
    ).bindparams(fts=_fts_query(words)))


def filter_where(stmt: S, desk_id: int | None, f: DeclarationFilter,
                 postgres: bool = False) -> S:
    """`stmt` (a select over customs_declaration) narrowed by the filter."""
    d = CustomsDeclaration
    if desk_id is not None:
        stmt = stmt.where(d.desk_id == desk_id)
    if f.channels:
        stmt = stmt.where(d.channel.in_(f.channels))
    if f.statuses:
        stmt = stmt.where(d.status.in_(f.statuses))
    if f.office.strip():
        stmt = stmt.where(d.office == f.office.strip().upper())
    if f.registered_from is not None:
        stmt = stmt.where(d.registered_at >= f.registered_from)
    if f.registered_to is not None:
        stmt = stmt.where(d.registered_at < f.registered_to)
    if f.type_code.strip():
        stmt = stmt.where(d.type_code == f.type_code.strip().upper())
    if f.area.strip():
        stmt = stmt.where(d.area == f.area.strip())
    if f.system:
        stmt = stmt.where(d.system == f.system)
    prefix = "".join(ch for ch in f.tax_code_prefix if ch.isdigit())
    if prefix:    # a range, not LIKE: an index serves it on SQLite (LIKE is case-blind)
        stmt = stmt.where(d.declarant_tax_code >= prefix, d.declarant_tax_code < prefix + ":")
    if f.container.strip():
        try:
            number = container_number(f.container)
        except BadValue:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{value} is not a container number (ISO 6346, with its check "
                          "digit)."), value=f.container.strip()[:20]) from None
        stmt = stmt.where(d.id.in_(select(CustomsDeclarationContainer.declaration_id).where(
            CustomsDeclarationContainer.container_no == number)))
    digits = "".join(ch for ch in f.number if ch.isdigit())
    if digits:
        stmt = stmt.where(d.key.startswith(digits[:11], autoescape=True))
    words = tokens(f.text)[:8]
    if words:
        stmt = stmt.where(text_match(words, postgres))
    return stmt


class CustomsViews:
    def __init__(self, db: Database) -> None:
        self.db = db

    def declarations(self, desk_id: int | None, f: DeclarationFilter) -> list[DeclarationRow]:
        stmt = filter_statement(desk_id, f, self.db.is_postgres)
        with self.db.read() as s:
            return [_row(d) for d in s.scalars(stmt)]

    def details(self, number: str) -> DeclarationDetails:
        """One declaration by its 11 or 12 digits, and what the other feeds say of it."""
        try:
            key = declaration_key(number)
        except BadValue:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{value} is not a declaration number (12 digits)."),
                value=number[:20]) from None
        with self.db.read() as s:
            d = s.scalar(select(CustomsDeclaration).where(CustomsDeclaration.key == key))
            if d is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No declaration {number}."),
                               number=number)
            return self._details(s, d)

    def _details(self, s: Session, d: CustomsDeclaration) -> DeclarationDetails:
        extra = json.loads(d.details or "{}")
        containers = d.containers.split()
        gate = list(s.scalars(select(CustomsGateEvent).where(
            or_(CustomsGateEvent.declaration_key == d.key,
                CustomsGateEvent.container_no.in_(containers)))
            .order_by(CustomsGateEvent.at.desc()).limit(200)))
        area = list(s.scalars(select(CustomsAreaEvent).where(
            or_(CustomsAreaEvent.declaration_key == d.key,
                CustomsAreaEvent.container_no.in_(containers)))
            .order_by(CustomsAreaEvent.at.desc()).limit(200)))
        subjects = [("tax_code", d.declarant_tax_code), ("tax_code", d.declarant_tax_code[:10])]
        subjects += [("container", c) for c in containers]
        subjects += [("bill_of_lading", b) for b in d.bills_of_lading.split()]
        hits = list(s.scalars(select(CustomsBlacklist).where(
            CustomsBlacklist.active.is_(True),
            or_(*[(CustomsBlacklist.subject == k) & (CustomsBlacklist.value == v)
                  for k, v in subjects]))))
        alerts = list(s.scalars(select(Alert).where(
            or_(Alert.declaration_key == d.key, Alert.container_no.in_(containers)))
            .order_by(Alert.raised_at.desc()).limit(100)))
        return DeclarationDetails(
            _row(d), d.amend_count, d.route, d.channel_at, d.inspection_result,
            d.inspection_place, d.hs_codes.split(), d.bills_of_lading.split(),
            d.gross_weight_kg, d.transport_mode, d.storage_place,
            [(st, at) for st, at in extra.get("status_history", [])],
            list(extra.get("criteria", [])), [(at, t) for at, t in extra.get("notices", [])],
            dict(extra.get("seals", {})), [gate_row(g) for g in gate],
            [_area_row(a) for a in area], [(b.subject, b.value, b.reason) for b in hits],
            [(a.id, a.severity, a.title, a.state) for a in alerts])

    def gate_reads(self, desk_id: int | None, limit: int = 500,
                   verdicts: tuple[str, ...] = ()) -> list[GateRow]:
        with self.db.read() as s:
            stmt = select(CustomsGateEvent).order_by(CustomsGateEvent.at.desc(),
                                                     CustomsGateEvent.id.desc()).limit(limit)
            if desk_id is not None:
                stmt = stmt.where(CustomsGateEvent.desk_id == desk_id)
            if verdicts:
                stmt = stmt.where(CustomsGateEvent.verdict.in_(verdicts))
            return [gate_row(g) for g in s.scalars(stmt)]

    def vessel_calls(self, desk_id: int | None, limit: int = 50) -> list[VesselCallRow]:
        """The vessel calls (e-Manifest), newest arrival first, with bills and containers."""
        with self.db.read() as s:
            stmt = (select(CustomsVesselCall)
                    .order_by(CustomsVesselCall.ata.desc().nulls_last(),
                              CustomsVesselCall.eta.desc(), CustomsVesselCall.id.desc())
                    .limit(limit))
            if desk_id is not None:
                stmt = stmt.where(CustomsVesselCall.desk_id == desk_id)
            out = []
            for c in s.scalars(stmt):
                bills_of: dict[str, list[str]] = {}
                for b in c.bills:
                    for number in b.containers.split():
                        bills_of.setdefault(number, []).append(b.number)
                out.append(VesselCallRow(
                    c.id, c.call_id, c.vessel_name, c.imo, c.mmsi, c.call_sign, c.flag,
                    c.voyage, c.port, c.eta, c.ata,
                    [BillRow(b.number, b.master, b.shipper, b.consignee, b.consignee_tax_code,
                             b.hs, b.packages, b.gross_weight_kg, b.description, b.containers)
                     for b in c.bills],
                    [ContainerRow(m.number, m.size_type, m.seal, m.full, m.in_yard_since,
                                  m.left_yard_at, " ".join(bills_of.get(m.number, [])))
                     for m in c.manifest_containers]))
            return out

    def long_stay(self, desk_id: int | None, now: datetime, days: int) -> list[LongStayRow]:
        """Containers still in the yard (not out) since more than `days` days."""
        if days < 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The number of days cannot be "
                                                              "negative."))
        limit = now - timedelta(days=days)
        m, c = CustomsManifestContainer, CustomsVesselCall
        with self.db.read() as s:
            stmt = (select(m, c.vessel_name, c.call_id).join(c, c.id == m.call_fk)
                    .where(m.in_yard_since.is_not(None), m.in_yard_since <= limit,
                           m.left_yard_at.is_(None))
                    .order_by(m.in_yard_since, m.number))
            if desk_id is not None:
                stmt = stmt.where(c.desk_id == desk_id)
            return [LongStayRow(row.number, name, call_id, row.in_yard_since,
                                (now - row.in_yard_since).days, row.full, row.size_type)
                    for row, name, call_id in s.execute(stmt)]

    def area_events(self, desk_id: int | None, kinds: tuple[str, ...] = (),
                    limit: int = 500) -> list[AreaRow]:
        with self.db.read() as s:
            stmt = select(CustomsAreaEvent).order_by(CustomsAreaEvent.at.desc(),
                                                     CustomsAreaEvent.id.desc()).limit(limit)
            if desk_id is not None:
                stmt = stmt.where(CustomsAreaEvent.desk_id == desk_id)
            if kinds:
                stmt = stmt.where(CustomsAreaEvent.event.in_(kinds))
            return [_area_row(a) for a in s.scalars(stmt)]


__all__ = ["AreaRow", "BillRow", "ContainerRow", "CustomsViews", "DeclarationDetails",
           "DeclarationFilter", "DeclarationRow", "GateRow", "LongStayRow", "VesselCallRow",
           "filter_statement", "filter_where", "gate_row", "text_match"]
