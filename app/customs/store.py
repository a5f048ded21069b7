"""Keeping what the customs gateway sends (app/customs/records.py), inside the
ingest ledger's transaction (app/sources/ledger.py): a record reaches `store` only
the first time its (source, change) is claimed, so a page read twice, or a console
taking the source over, stores nothing twice.

- A declaration is upserted on its 11-digit key; an older change arriving after a
  newer one is not applied over it; its containers are replaced with its own.
- A gate read is matched to the declaration of its container and judged
  (`app/customs/gate.py`); a read out of the area without clearance, or of a red
  declaration without its inspection's result, raises a critical alert at once
  (Đ14.1.3), in the same transaction.
- Every record is matched against the active entries of the risk blacklist
  (Đ15.3.1e): a hit raises an alert, once per (entry, source, record).

The changes (topics CUSTOMS, GATE, ALERT) are recorded once per batch."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from app import logs
from app.clock import Clock, fmt_local
from app.customs import gate
from app.customs.ids import tax_code_root
from app.customs.records import (
    AreaEventRecord,
    BlacklistRecord,
    DeclarationRecord,
    GateEventRecord,
    VesselCallRecord,
)
from app.db.changes import defer_change
from app.db.models import (
    Alert,
    CustomsAreaEvent,
    CustomsBill,
    CustomsBlacklist,
    CustomsDeclaration,
    CustomsDeclarationContainer,
    CustomsGateEvent,
    CustomsManifestContainer,
    CustomsVesselCall,
)
from app.sources import SourceRecord
from app.text import tokens
from app.topics import Topic

log = logs.get("customs.store")

SUBJECT_VI = {"tax_code": "mã số thuế", "container": "container", "plate": "biển số xe",
              "vessel": "tàu (IMO)", "bill_of_lading": "vận đơn"}


@dataclass(frozen=True)
class AlertDraft:
    """An alert a rule raises (stored once per `dedup_key`)."""

    dedup_key: str
    rule: str
    severity: str
    title: str
    reason: str
    source_id: str
    record_kind: str
    record_ref: str
    container_no: str | None = None
    declaration_key: str | None = None
    camera_code: str | None = None
    picture: str | None = None
    place: str | None = None


def raise_alert(s: Session, clock: Clock, desk_id: int | None, draft: AlertDraft) -> bool:
    """Store an alert unless its key was raised before; True if it is new."""
    if s.scalar(select(Alert.id).where(Alert.dedup_key == draft.dedup_key)) is not None:
        return False
    row = Alert(desk_id=desk_id, raised_at=clock.now(), state="open", **draft.__dict__)
    s.add(row)
    s.flush()
    defer_change(s, desk_id, Topic.ALERT, row.id)
    log.info("alert %s (%s): %s", row.id, draft.severity, draft.title)
    return True


class CustomsStore:
    """The ingest's `store` for one desk (`Ingester(store=CustomsStore(...).store)`)."""

    def __init__(self, clock: Clock, desk_id: int | None) -> None:
        self.clock = clock
        self.desk_id = desk_id

    def store(self, s: Session, record: SourceRecord) -> None:
        if isinstance(record, DeclarationRecord):
            self._declaration(s, record)
        elif isinstance(record, GateEventRecord):
            self._gate_event(s, record)
        elif isinstance(record, AreaEventRecord):
            self._area_event(s, record)
        elif isinstance(record, VesselCallRecord):
            self._vessel_call(s, record)
        elif isinstance(record, BlacklistRecord):
            self._blacklist(s, record)
        else:
            raise TypeError(f"not a customs record: {type(record).__name__}")

    # -- declarations ---------------------------------------------------------------------
    def _declaration(self, s: Session, r: DeclarationRecord) -> None:
        row = s.scalar(select(CustomsDeclaration).where(CustomsDeclaration.key == r.key))
        if row is not None and row.change_seq >= r.change_seq:
            return                              # a newer change is kept already
        if row is None:
            row = CustomsDeclaration(key=r.key, desk_id=self.desk_id)
            s.add(row)
        row.source_id, row.number, row.amend_count = r.source_id, r.number, r.amend_count
        row.change_seq, row.system, row.flow = r.change_seq, r.system, r.flow
        row.type_code, row.office, row.area, row.route = r.type_code, r.office, r.area, r.route
        row.channel_raw = r.channel_raw
        row.channel = r.channel.value if r.channel is not None else None
        row.status, row.registered_at = r.status, r.registered_at
        row.channel_at, row.cleared_at = r.channel_at, r.cleared_at
        row.inspection_result, row.inspection_place = r.inspection_result, r.inspection_place
        row.declarant_tax_code, row.declarant_name = r.declarant_tax_code, r.declarant_name
        row.hs_codes = " ".join(r.hs_codes)
        row.goods_description = r.goods_description
        row.search_text = " ".join(tokens(f"{r.goods_description} {r.declarant_name}"))
        row.containers = " ".join(c for c, _ in r.containers)
        row.bills_of_lading = " ".join(r.bills_of_lading)[:200]
        row.gross_weight_kg, row.transport_mode = r.gross_weight_kg, r.transport_mode
        row.storage_place = r.storage_place
        row.details = json.dumps({
            "status_history": [[st, at.isoformat()] for st, at in r.status_history],
            "criteria": list(r.criteria),
            "notices": [[at.isoformat(), text] for at, text in r.notices],
            "seals": {c: seal for c, seal in r.containers if seal}}, ensure_ascii=False)
        row.updated_at = self.clock.now()
        s.flush()
        s.execute(delete(CustomsDeclarationContainer)
                  .where(CustomsDeclarationContainer.declaration_id == row.id))
        for number, seal in dict(r.containers).items():
            s.add(CustomsDeclarationContainer(declaration_id=row.id, container_no=number,
                                              seal=seal))
        defer_change(s, self.desk_id, Topic.CUSTOMS)
        subjects = [("tax_code", r.declarant_tax_code)] + [
            ("container", c) for c, _ in r.containers] + [
            ("bill_of_lading", b) for b in r.bills_of_lading]
        self._blacklisted(s, r.source_id, "declaration", r.key, subjects,
                          f"tờ khai {r.number} ({r.declarant_name})",
                          declaration_key=r.key)

    # -- gate reads -------------------------------------------------------------------------
    def _gate_event(self, s: Session, r: GateEventRecord) -> None:
        row = s.scalar(select(CustomsGateEvent).where(CustomsGateEvent.ext_id == r.ext_id))
        if row is not None and row.change_seq >= r.change_seq:
            return
        found = gate.judge(s, r)
        if row is None:
            row = CustomsGateEvent(ext_id=r.ext_id, desk_id=self.desk_id)
            s.add(row)
        row.source_id, row.change_seq = r.source_id, r.change_seq
        row.gate, row.lane = r.gate, r.lane
        row.direction, row.at, row.container_raw = r.direction, r.at, r.container_raw
        row.container_no, row.read_error, row.plate = r.container, r.read_error, r.plate
        row.confidence, row.camera_code, row.picture = r.confidence, r.camera_code, r.picture
        row.declaration_key = found.declaration_key
        row.verdict = found.verdict
        s.flush()
        defer_change(s, self.desk_id, Topic.GATE, row.id)
        place = f"{r.gate}, làn {r.lane}"
        if found.alert:
            raise_alert(s, self.clock, self.desk_id, AlertDraft(
                dedup_key=f"gate_clearance:{r.source_id}:{r.ext_id}:{found.verdict}",
                rule="gate_clearance", severity=found.severity, title=found.title(r),
                reason=found.reason(r, fmt_local(r.at)), source_id=r.source_id,
                record_kind="gate_event", record_ref=r.ext_id, container_no=r.container,
                declaration_key=found.declaration_key, camera_code=r.camera_code,
                picture=r.picture, place=place))
        subjects = ([("container", r.container)] if r.container else []) + (
            [("plate", r.plate)] if r.plate else [])
        self._blacklisted(s, r.source_id, "gate_event", r.ext_id, subjects,
                          f"lượt đọc tại {place} lúc {fmt_local(r.at)}",
                          container_no=r.container, camera_code=r.camera_code,
                          picture=r.picture, place=place)

    # -- the controlled area, the manifest, the blacklist ------------------------------------
    def _area_event(self, s: Session, r: AreaEventRecord) -> None:
        row = s.scalar(select(CustomsAreaEvent).where(CustomsAreaEvent.ext_id == r.ext_id))
        if row is not None and row.change_seq >= r.change_seq:
            return
        if row is None:
            row = CustomsAreaEvent(ext_id=r.ext_id, desk_id=self.desk_id)
            s.add(row)
        row.source_id, row.change_seq, row.event, row.at = r.source_id, r.change_seq, r.event, r.at
        row.declaration_key, row.container_no, row.seal = r.declaration_key, r.container, r.seal
        row.plate, row.gate, row.office, row.note = r.plate, r.gate, r.office, r.note
        defer_change(s, self.desk_id, Topic.CUSTOMS)

    def _vessel_call(self, s: Session, r: VesselCallRecord) -> None:
        row = s.scalar(select(CustomsVesselCall).where(CustomsVesselCall.call_id == r.call_id))
        if row is not None and row.change_seq >= r.change_seq:
            return
        if row is None:
            row = CustomsVesselCall(call_id=r.call_id, desk_id=self.desk_id)
            s.add(row)
        row.source_id, row.change_seq, row.vessel_name = r.source_id, r.change_seq, r.vessel_name
        row.imo, row.mmsi, row.call_sign, row.flag = r.imo, r.mmsi, r.call_sign, r.flag
        row.voyage, row.port, row.eta, row.ata = r.voyage, r.port, r.eta, r.ata
        row.bills = [CustomsBill(
            number=b.number, master=b.master, shipper=b.shipper, consignee=b.consignee,
            consignee_tax_code=b.consignee_tax_code, hs=b.hs, packages=b.packages,
            gross_weight_kg=b.gross_weight_kg, description=b.description,
            containers=" ".join(b.containers)) for b in r.bills]
        row.manifest_containers = [CustomsManifestContainer(
            number=c.number, size_type=c.size_type, seal=c.seal, full=c.full,
            in_yard_since=c.in_yard_since, left_yard_at=c.left_yard_at) for c in r.containers]
        s.flush()
        defer_change(s, self.desk_id, Topic.CUSTOMS)
        subjects = ([("vessel", r.imo)] if r.imo else []) + [
            ("bill_of_lading", b.number) for b in r.bills] + [
            ("tax_code", b.consignee_tax_code) for b in r.bills if b.consignee_tax_code] + [
            ("container", c.number) for c in r.containers]
        self._blacklisted(s, r.source_id, "vessel_call", r.call_id, subjects,
                          f"chuyến tàu {r.vessel_name} ({r.voyage or r.call_id})")

    def _blacklist(self, s: Session, r: BlacklistRecord) -> None:
        row = s.scalar(select(CustomsBlacklist).where(CustomsBlacklist.ext_id == r.ext_id))
        if row is not None and row.change_seq >= r.change_seq:
            return
        if row is None:
            row = CustomsBlacklist(ext_id=r.ext_id, desk_id=self.desk_id)
            s.add(row)
        row.source_id, row.change_seq, row.subject, row.value = (r.source_id, r.change_seq,
                                                                 r.subject, r.value)
        row.reason, row.since, row.until, row.active = r.reason, r.since, r.until, r.active
        defer_change(s, self.desk_id, Topic.CUSTOMS)
        s.flush()
        if row.active:
            self._known_on(s, row)

    def _known_on(self, s: Session, entry: CustomsBlacklist) -> None:
        """A new or changed entry of the blacklist, against the records already kept
        (a feed may bring a declaration before the entry that names its declarant):
        the alerts the records would have raised, with the same keys, so never twice."""
        now = self.clock.now()
        if not ((entry.since is None or entry.since <= now)
                and (entry.until is None or now < entry.until)):
            return
        d, g = CustomsDeclaration, CustomsGateEvent
        hits: list[tuple[str, str, str, str, dict[str, str | None]]] = []
        if entry.subject in ("tax_code", "container", "bill_of_lading"):
            cond: ColumnElement[bool]
            if entry.subject == "tax_code":
                cond = (d.declarant_tax_code == entry.value) | (
                    d.declarant_tax_code.startswith(entry.value) if len(entry.value) == 10
                    else d.declarant_tax_code == entry.value)
            elif entry.subject == "container":
                cond = d.id.in_(select(CustomsDeclarationContainer.declaration_id).where(
                    CustomsDeclarationContainer.container_no == entry.value))
            else:
                cond = d.bills_of_lading.contains(entry.value, autoescape=True)
            for decl in s.scalars(select(d).where(cond).limit(1000)):
                hits.append((decl.source_id, "declaration", decl.key,
                             f"tờ khai {decl.number} ({decl.declarant_name})",
                             {"declaration_key": decl.key}))
        if entry.subject in ("container", "plate"):
            column = g.container_no if entry.subject == "container" else g.plate
            for read in s.scalars(select(g).where(column == entry.value).limit(1000)):
                place = f"{read.gate}, làn {read.lane}"
                hits.append((read.source_id, "gate_event", read.ext_id,
                             f"lượt đọc tại {place} lúc {fmt_local(read.at)}",
                             {"container_no": read.container_no,
                              "camera_code": read.camera_code, "picture": read.picture,
                              "place": place}))
        if entry.subject == "vessel":
            for call in s.scalars(select(CustomsVesselCall).where(
                    CustomsVesselCall.imo == entry.value).limit(1000)):
                hits.append((call.source_id, "vessel_call", call.call_id,
                             f"chuyến tàu {call.vessel_name} ({call.voyage or call.call_id})", {}))
        for source_id, kind, ref, what, where in hits:
            self._blacklist_alert(s, entry, source_id, kind, ref, what, **where)

    def _blacklisted(self, s: Session, source_id: str, kind: str, ref: str,
                     subjects: Iterable[tuple[str, str]], what: str, **where: str | None) -> None:
        """Alerts for the record's subjects on the active blacklist (a 10-digit tax code
        also covers its branches)."""
        for entry in active_entries(s, subjects, self.clock.now()):
            self._blacklist_alert(s, entry, source_id, kind, ref, what, **where)

    def _blacklist_alert(self, s: Session, entry: CustomsBlacklist, source_id: str, kind: str,
                         ref: str, what: str, **where: str | None) -> None:
        raise_alert(s, self.clock, self.desk_id, AlertDraft(
            dedup_key=f"blacklist:{entry.ext_id}:{source_id}:{kind}:{ref}",
            rule="blacklist", severity="high",
            title=f"Đối tượng trong danh sách rủi ro: {SUBJECT_VI[entry.subject]} "
                  f"{entry.value}",
            reason=f"{what}: {SUBJECT_VI[entry.subject]} {entry.value} có trong danh sách "
                   f"rủi ro ({entry.reason}).",
            source_id=source_id, record_kind=kind, record_ref=ref, **where))


def active_entries(s: Session, subjects: Iterable[tuple[str, str]],
                   now: datetime) -> list[CustomsBlacklist]:
    """The active blacklist entries naming any of (subject, value)."""
    wanted: dict[str, set[str]] = {}
    for subject, value in subjects:
        if not value:
            continue
        values = wanted.setdefault(subject, set())
        values.add(value)
        if subject == "tax_code":
            values.add(tax_code_root(value))
    found: list[CustomsBlacklist] = []
    for subject, values in wanted.items():
        rows = s.scalars(select(CustomsBlacklist).where(
            CustomsBlacklist.subject == subject, CustomsBlacklist.value.in_(sorted(values)),
            CustomsBlacklist.active.is_(True)))
        found += [r for r in rows if (r.since is None or r.since <= now)
                  and (r.until is None or now < r.until)]
    return found


__all__ = ["SUBJECT_VI", "AlertDraft", "CustomsStore", "active_entries", "raise_alert"]
