"""Issuing the workflow's documents: Appendix II (the desk's urgent fax), III (the
proposal with the Director's opinion), IV (a unit's result report) and V (the
Anti-Smuggling Department's surveillance fax), built from the database records.

Owns `DocumentTemplates` (the fixed wording — cited decisions, unit names,
signer titles — read from resources/site/templates/documents.yaml, a site copy
in the data folder winning key by key), `DocumentIssuer` (number from the
document register, PDF by the renderers that forms/ installs, archived file + SHA-256 +
an `issued_document` row + the duty-log entry "issued …" in one transaction)
and the attachments kept with incidents and requests (a screenshot's evidence,
a scanned Appendix IV). No Qt: the GUI calls this on its task runner."""

from __future__ import annotations

import copy
import hashlib
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select, update

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local, to_local
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import (
    Attachment,
    Desk,
    Incident,
    IncidentStep,
    IssuedDocument,
    OrgUnit,
    UnitRequest,
    UserAccount,
)
from app.documents.papers import (
    DirectorOpinion,
    Proposal,
    ProposalMeasure,
    ResultReport,
    SurveillanceFax,
    UrgentFax,
)
from app.documents.rendering import render
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.notices import DocumentRegister
from app.org_names import NAMES, TEMPLATES_FILE
from app.text import nfc, tokens
from app.workflow.incidents import HANDLING_VI, check_sender_in
from app.workflow.requests import RequestService
from app.workflow.rules import Action, Handling, IncidentState, report_path

log = logs.get("workflow")

BUNDLED_TEMPLATES = TEMPLATES_FILE   # its `names:` are the organisation's (app.org_names)
SITE_TEMPLATES = Path("templates") / "documents.yaml"  # under the data folder

APPENDICES = ("II", "III", "IV", "V")
DOC_TYPE = {"II": "fax", "V": "fax", "III": "proposal", "IV": "report"}
# Record text of the duty log (Vietnamese, like the workflow's entries).
DOC_NAME_VI = {"II": "điện fax (Phụ lục II)", "V": "điện fax (Phụ lục V)",
               "III": "tờ trình đề xuất xử lý (Phụ lục III)",
               "IV": "báo cáo kết quả xử lý (Phụ lục IV)"}


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# -- templates -------------------------------------------------------------------------
def _merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "…………"


class DocumentTemplates:
    """The fixed wording of the documents. Read on every issue (a site may edit
    the file while the client runs)."""

    def __init__(self, data: dict) -> None:
        self.data = data

    @classmethod
    def load(cls, data_dir: Path | None = None, bundled: Path = BUNDLED_TEMPLATES
             ) -> DocumentTemplates:
        data = _read_yaml(bundled)
        if data_dir is not None:
            site = Path(data_dir) / SITE_TEMPLATES
            if site.exists():
                data = _merge(data, _read_yaml(site))
        return cls(data)

    def section(self, appendix: str, desk_code: str = "") -> dict:
        key = f"appendix{ {'II': 2, 'III': 3, 'IV': 4, 'V': 5}[appendix] }"
        out = {k: v for k, v in self.data.items() if not isinstance(v, dict)}
        out = _merge(out, self.data.get(key) or {})
        desk = (self.data.get("desks") or {}).get(desk_code) or {}
        out = _merge(out, {k: v for k, v in desk.items() if not isinstance(v, dict)})
        return _merge(out, desk.get(key) or {})

    @staticmethod
    def fill(value: Any, values: dict) -> Any:
        if isinstance(value, str):
            return nfc(value.format_map(_Blank(values))).strip()
        if isinstance(value, list):
            return [DocumentTemplates.fill(v, values) for v in value]
        return value


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Cannot read the document templates {path}: {reason}"),
            path=str(path), reason=str(exc)) from exc
    if not isinstance(data, dict):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The document templates {path} must hold a mapping."), path=str(path))
    return data


# -- results ----------------------------------------------------------------------------
@dataclass(frozen=True)
class IssuedDoc:
    """An issued, archived document, as the GUI previews and prints it."""

    id: int
    appendix: str
    number: str
    recipient: str
    incident_id: int | None
    request_id: int | None
    path: Path
    sha256: str
    pdf: bytes
    recipient_email: str | None = None


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "-", text).strip("-") or "doc"


def _t(moment: datetime | None) -> str:
    return fmt_local(moment) if moment else ""


# Words every customs unit's name carries: they say nothing about the place.
_GENERIC = frozenset(tokens("hải quan cửa khẩu cảng chi cục cục khu vực đội giám sát quốc tế "
                            "phòng ban trung tâm thành phố tỉnh ga đường sắt quản lý"))


def _unit_for_place(place: str | None, units: list[OrgUnit]) -> OrgUnit | None:
    words = set(tokens(place)) - _GENERIC
    if not words:
        return None
    scored = sorted(((len(words & (set(tokens(u.name)) | set(tokens(u.short_name)))), u.id, u)
                     for u in units), key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None  # nothing in common, or a tie: the leader chooses
    return scored[0][2]


@dataclass(frozen=True)
class _Issuer:
    unit: OrgUnit
    capacity: str
    name: str
    title: str


class DocumentIssuer:
    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog,
                 register: DocumentRegister, requests: RequestService, data_dir: Path) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self.register = register
        self.requests = requests
        self.data_dir = Path(data_dir)

    def templates(self) -> DocumentTemplates:
        return DocumentTemplates.load(self.data_dir)

    # -- which document for what ------------------------------------------------------------
    def fax_appendix(self, incident: Incident) -> str:
        """Đ16.4: the duty desk's fax (II), or V for a unit's focused-surveillance plan."""
        return report_path(incident.origin).request_appendix

    def suggested_unit(self, incident_id: int) -> OrgUnit | None:
        """The unit to ask: the managing unit of the evidence's camera, climbed up to
        the first unit with a fax (a sub-department's duty desk); without evidence,
        the unit with a fax whose name shares the most distinctive words with the
        incident's place ("Cổng B cảng Đình Vũ" → "Hải quan cửa khẩu cảng Đình Vũ")."""
        with self.db.read() as s:
            unit_id = s.scalar(select(Attachment.unit_id).where(
                Attachment.incident_id == incident_id, Attachment.unit_id.is_not(None))
                .order_by(Attachment.id))
            units = {u.id: u for u in s.scalars(select(OrgUnit))}
            place = s.scalar(select(Incident.place).where(Incident.id == incident_id))
        unit = units.get(unit_id) if unit_id is not None else None
        while unit is not None and not unit.fax and unit.parent_id is not None:
            unit = units.get(unit.parent_id)
        return unit or _unit_for_place(place, [u for u in units.values()
                                               if u.fax and u.active])

    # -- Appendix II / V ------------------------------------------------------------------------
    def issue_request_fax(self, user: CurrentUser, incident_id: int, *,
                          unit_id: int | None = None, unit_name: str | None = None,
                          fax_no: str | None = None, email: str | None = None,
                          contact: str | None = None, content: str | None = None,
                          requested_due_at: datetime | None = None,
                          urgent: bool = True) -> IssuedDoc:
        """An approved incident's coordination request: the request to the unit (Đ9,
        fax channel) and its fax (Appendix II, or V for a unit's plan), numbered,
        archived and logged. Without a unit, the evidence's unit is asked."""
        require(user, Permission.DOCUMENT_NUMBER)
        with self.db.read() as s:
            inc = s.get(Incident, incident_id)
            if inc is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The incident does not exist."))
            desk = s.get(Desk, inc.desk_id)
        if unit_id is None and not (unit_name or "").strip():
            unit = self.suggested_unit(incident_id)
            if unit is None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Choose the unit the fax is sent to."))
            unit_id = unit.id
        appendix = self.fax_appendix(inc)
        tpl = self.templates().section(appendix, desk.code if desk else "")
        subject = nfc(tpl.get("subject") or "phối hợp kiểm tra").strip()
        if inc.place:
            subject += f" tại {inc.place}"
        body = content if content is not None else self.request_content(inc)
        r = self.requests.create(user, inc.desk_id, subject=subject, channel="fax",
                                 unit_id=unit_id, unit_name=unit_name, contact=contact,
                                 fax_no=fax_no, email=email, body=body, incident_id=inc.id,
                                 urgent=urgent, requested_due_at=requested_due_at,
                                 appendix=appendix)
        return self.issue_for_request(user, r.id)

    @staticmethod
    def request_content(inc: Incident) -> str:
        lines = [inc.content]
        facts = [("Tờ khai số", inc.declaration_no), ("Container", inc.container_no),
                 ("Phương tiện", inc.vehicle_plate),
                 ("Doanh nghiệp", " – ".join(x for x in (inc.enterprise_name,
                                                         f"MST {inc.enterprise_tax_code}"
                                                         if inc.enterprise_tax_code else None)
                                             if x)),
                 ("Hành khách", inc.passenger), ("Địa điểm", inc.place)]
        found = "; ".join(f"{k}: {v}" for k, v in facts if v)
        if found:
            lines.append(found + ".")
        if inc.handling:
            lines.append(f"Hình thức xử lý: {HANDLING_VI.get(Handling(inc.handling), '')}.")
        return "\n".join(lines)

    def issue_for_request(self, user: CurrentUser, request_id: int) -> IssuedDoc:
        """The fax (II or V) of a recorded request, numbered in the desk's register."""

        require(user, Permission.DOCUMENT_NUMBER)
        with self.db.read() as s:
            r = s.get(UnitRequest, request_id)
            if r is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The request does not exist."))
            desk = s.get(Desk, r.desk_id)
            signer = s.get(UserAccount, user.id)
            inc = s.get(Incident, r.incident_id) if r.incident_id else None
            if inc is not None:   # the fax is sent by someone else than a phone recorder
                check_sender_in(s, user, inc)
        assert desk is not None and signer is not None
        appendix = r.appendix if r.appendix in ("II", "V") else (
            self.fax_appendix(inc) if inc is not None else "II")
        tpl = self.templates().section(appendix, desk.code)
        issuer = self._issuer(tpl, signer) if appendix == "V" else None
        extra = {} if issuer is None else {
            "issuer": issuer.unit.name, "issuer_fax": issuer.unit.fax or "",
            "issuer_phone": issuer.unit.phone or ""}
        values = self._values(desk, signer, r.ack_minutes, r.result_due_at or r.requested_due_at,
                              r.unit_name, **extra)
        number = self.register.next_number(user, r.desk_id, DOC_TYPE[appendix], r.subject[:300],
                                           issuer_code=issuer.unit.code if issuer else None)
        due = r.result_due_at or r.requested_due_at
        fax_cls = SurveillanceFax if appendix == "V" else UrgentFax
        fax = fax_cls(
            agency_lines=DocumentTemplates.fill(tpl.get("agency_lines") or [], values),
            fax_number=number.label, sent_at=to_local(self.clock.now()),
            subject=r.subject, recipient=r.unit_name, recipient_fax=r.fax_no or "",
            content=r.body or r.subject,
            deadline=DocumentTemplates.fill(tpl.get("deadline" if due else "deadline_no_due")
                                            or "", values),
            reply_channel=DocumentTemplates.fill(tpl.get("reply_channel") or "", values),
            contact=DocumentTemplates.fill(tpl.get("contact") or "", values),
            contact_phone=DocumentTemplates.fill(tpl.get("contact_phone") or "", values),
            signer_name=issuer.name if issuer else signer.full_name,
            signer_title=issuer.title if issuer else signer.title or "",
            signer_capacity=issuer.capacity if issuer else
            DocumentTemplates.fill(tpl.get("signer_capacity") or "", values),
            basis=DocumentTemplates.fill(tpl.get("basis") or "", values),
            recipients=DocumentTemplates.fill(tpl.get("recipients") or [], values),
            urgent=r.urgent,
            issuer_fax=(issuer.unit.fax or "") if issuer else desk.duty_fax or "")
        pdf = render(fax)   # Appendix V's fax is a SurveillanceFax
        return self._archive(user, r.desk_id, appendix, number, inc, r, r.unit_name, pdf,
                             email=r.email)

    def _issuer(self, tpl: dict, user: UserAccount) -> _Issuer:
        """Appendix V's issuer: the unit whose plan it is (`issuer_unit` of the
        templates, Đ16.4b), its head's capacity; the signer is the issuing user only
        when he belongs to that unit, else the block is left to be signed by hand."""
        code = str(tpl.get("issuer_unit") or "").strip()
        with self.db.read() as s:
            units = {u.id: u for u in s.scalars(select(OrgUnit))}
        unit = next((u for u in units.values() if u.code == code), None)
        if unit is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The unit '{code}' that issues Appendix V is not in the reference "
                          "data (documents.yaml, appendix5.issuer_unit)."), code=code)
        head = nfc(str(tpl.get("issuer_head") or "Thủ trưởng đơn vị")).strip()
        member, at = False, units.get(user.unit_id) if user.unit_id else None
        while at is not None:
            if at.id == unit.id:
                member = True
                break
            at = units.get(at.parent_id) if at.parent_id else None
        if not member:
            return _Issuer(unit, head.upper(), "", "")
        title = (user.title or "").strip()
        deputy = title.lower().startswith("phó")
        capacity = f"KT. {head.upper()}\n{title.upper()}" if deputy else head.upper()
        return _Issuer(unit, capacity, user.full_name, title)

    # -- Appendix III -------------------------------------------------------------------------
    def issue_proposal(self, user: CurrentUser, incident_id: int) -> IssuedDoc:
        """The proposal to the Director (c.3, 2.4) with his opinion when given."""

        require(user, Permission.DOCUMENT_NUMBER)
        with self.db.read() as s:
            inc = s.get(Incident, incident_id)
            if inc is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The incident does not exist."))
            desk = s.get(Desk, inc.desk_id)
            steps = list(s.scalars(select(IncidentStep).where(
                IncidentStep.incident_id == incident_id).order_by(IncidentStep.id)))
            names = {u.id: u for u in s.scalars(select(UserAccount))}
        assert desk is not None
        if inc.state in (IncidentState.NEW, IncidentState.VERIFIED, IncidentState.PROPOSED):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The proposal to the Director follows the shift leader's approval."))
        tpl = self.templates().section("III", desk.code)
        approve = next((st for st in steps if st.action == Action.APPROVE), None)
        signer = names.get(approve.decided_by) if approve else names.get(user.id)
        assert signer is not None
        values = self._values(desk, signer, 30, None, "")
        org_names = self.templates().data.get("names") or {}
        director = next((st for st in steps if st.action in (Action.DIRECTOR_APPROVE,
                                                             Action.DIRECTOR_REJECT)), None)
        opinion = DirectorOpinion(title=DocumentTemplates.fill(
            tpl.get("director_title") or "", values))
        if director is not None:
            d = names[director.decided_by]
            rec = names[director.recorded_by]
            agreed = director.action == Action.DIRECTOR_APPROVE
            opinion = DirectorOpinion(
                text=director.comment or ("Đồng ý đề xuất." if agreed else "Không đồng ý."),
                name=d.full_name, title=d.title or opinion.title,
                given_at=to_local(director.opinion_at or director.at),
                by_phone=director.by_phone,
                recorded_by=f"{rec.full_name}" + (f", {rec.title}" if rec.title else ""))
        propose = next((st for st in steps if st.action == Action.PROPOSE), None)
        verify = next((st for st in steps if st.action == Action.VERIFY and st.comment), None)
        # "Phân tích, nhận định": the verification's finding, else why the case is
        # one for the Director; "Nội dung đề xuất xử lý": what was proposed
        handling = HANDLING_VI.get(Handling(inc.handling), "") if inc.handling else ""
        analysis = (verify.comment if verify else
                    f"Vụ việc thuộc trường hợp {handling}; cần ý kiến chỉ đạo của "
                    f"{values.get('head', 'lãnh đạo')} để can thiệp vào quy trình nghiệp vụ."
                    if handling else "")
        measures = [ProposalMeasure(kind=m, detail="") for m in
                    (tpl.get("measures") or {}).get(inc.handling or "", [])]
        parties = "\n".join(x for x in (
            f"{inc.enterprise_name or ''} (MST {inc.enterprise_tax_code})".strip()
            if inc.enterprise_tax_code else inc.enterprise_name or "",
            f"Tờ khai số {inc.declaration_no}" if inc.declaration_no else "",
            f"Container {inc.container_no}" if inc.container_no else "",
            f"Phương tiện {inc.vehicle_plate}" if inc.vehicle_plate else "",
            f"Hành khách {inc.passenger}" if inc.passenger else "") if x)
        number = self.register.next_number(user, inc.desk_id, "proposal", inc.title[:300])
        proposal = Proposal(
            agency=DocumentTemplates.fill(tpl.get("agency") or "", values),
            desk_name=DocumentTemplates.fill(tpl.get("desk_name") or "", values),
            place=desk.place, day=to_local(self.clock.now()).date(),
            occurred_at=", ".join(x for x in (_t(inc.occurred_at), _t(inc.received_at)) if x),
            location=inc.place or "", parties=parties, facts=inc.content,
            analysis=analysis,
            proposal_note=propose.comment if propose and propose.comment else "",
            measures=measures, number=number.label,
            head_title=nfc(org_names.get("head") or NAMES.head),
            leadership=nfc(org_names.get("leadership") or NAMES.leadership),
            basis=DocumentTemplates.fill(tpl.get("basis") or "", values),
            signer_name=signer.full_name, signer_title=signer.title or "",
            signer_capacity=DocumentTemplates.fill(tpl.get("signer_capacity") or "", values),
            recipients=DocumentTemplates.fill(tpl.get("recipients") or [], values),
            opinion=opinion)
        pdf = render(proposal)
        return self._archive(user, inc.desk_id, "III", number, inc, None,
                             opinion.title or "Cục trưởng", pdf)

    # -- Appendix IV --------------------------------------------------------------------------
    def issue_result_report(self, user: CurrentUser, request_id: int,
                            proposal: str = "") -> IssuedDoc:
        """A unit's result report from the recorded answer: issued in the client by
        the unit's desk (a regional desk), numbered in that desk's register."""

        require(user, Permission.DOCUMENT_NUMBER)
        with self.db.read() as s:
            r = s.get(UnitRequest, request_id)
            if r is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The request does not exist."))
            unit = s.get(OrgUnit, r.unit_id) if r.unit_id else None
            parent = s.get(OrgUnit, unit.parent_id) if unit and unit.parent_id else None
            inc = s.get(Incident, r.incident_id) if r.incident_id else None
            signer = s.get(UserAccount, user.id)
            issuing_desk = s.get(Desk, user.desk_id or r.desk_id)
        assert signer is not None and issuing_desk is not None
        if r.status != "done" or r.result_reported_at is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Record the unit's result before issuing its report."))
        tpl = self.templates().section("IV", issuing_desk.code)
        values = self._values(issuing_desk, signer, r.ack_minutes, r.result_due_at, r.unit_name)
        number = self.register.next_number(user, issuing_desk.id, "report",
                                           f"Báo cáo kết quả: {r.subject}"[:300])
        report = ResultReport(
            # "ĐƠN VỊ CHỦ QUẢN": the unit's parent, or the agency a top unit belongs to
            parent_agency=(parent.name if parent else values.get("agency", "")),
            unit=r.unit_name,
            place=issuing_desk.place, day=to_local(self.clock.now()).date(),
            request_number=r.document_no or "", request_date=to_local(r.created_at).date(),
            request_content=r.body or r.subject,
            received_at=to_local(r.received_at or r.created_at),
            handled_at=to_local(r.result_reported_at), result=r.result_text or "",
            deadline=f"trước {fmt_local(r.result_due_at)}" if r.result_due_at else "",
            acknowledged_at=to_local(r.acknowledged_at) if r.acknowledged_at else None,
            milestones=[(fmt_local(r.promised_at), "Thời gian dự kiến hoàn thành đã thông "
                         "báo")] if r.promised_at else [],
            late=bool(r.late_reason), late_causes=r.late_reason or "",
            responsibility=r.late_responsibility or "", proposal=proposal,
            contact=r.ack_contact or "", number=number.label,
            recipient=DocumentTemplates.fill(tpl.get("recipient") or "", values),
            requester=DocumentTemplates.fill(tpl.get("requester") or "", values)
            or f"Trực ban cơ quan {NAMES.agency}",
            request_kind="điện fax" if r.channel == "fax" or r.document_no and "FAX" in
            r.document_no else "công văn" if r.channel == "document" else "điện fax/công văn",
            signer_name=signer.full_name, signer_title=signer.title or "",
            signer_capacity=DocumentTemplates.fill(tpl.get("signer_capacity") or "", values),
            recipients=DocumentTemplates.fill(tpl.get("recipients") or [], values))
        if r.timeline:
            report.milestones.append(("Tiến trình", r.timeline))
        pdf = render(report)
        return self._archive(user, r.desk_id, "IV", number, inc, r, report.recipient, pdf,
                             register_desk=issuing_desk.id)

    # -- archive --------------------------------------------------------------------------------
    def _values(self, desk: Desk, signer: UserAccount, ack_minutes: int, due: datetime | None,
                unit_name: str, **more: str) -> dict:
        """What the templates' placeholders are filled with: the organisation's names
        (`names:`, set once), the desk's, the signer's, the request's."""
        names = {k: nfc(str(v)).strip()
                 for k, v in (self.templates().data.get("names") or {}).items()}
        values = {**names, **{k.upper(): v.upper() for k, v in names.items()},
                  "desk_name": desk.name, "desk_place": desk.place,
                  "desk_fax": desk.duty_fax or "", "desk_phone": desk.duty_phone or "",
                  "desk_email": desk.email or "", "ack_minutes": ack_minutes,
                  "due": fmt_local(due) if due else "", "unit_name": unit_name,
                  "signer_title": signer.title or "", **more}
        for k, v in more.items():
            values[k.upper()] = v.upper()
        return values

    def _archive(self, user: CurrentUser, desk_id: int, appendix: str, number: Any,
                 inc: Incident | None, r: UnitRequest | None, recipient: str, pdf: bytes, *,
                 email: str | None = None, register_desk: int | None = None) -> IssuedDoc:
        digest = sha256_of(pdf)
        now = self.clock.now()
        rel = Path("documents") / f"{to_local(now):%Y}" / (
            f"{appendix}-{_safe(number.label)}-{digest[:8]}.pdf")
        path = self.data_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pdf)
        tmp.replace(path)
        try:
            with self.db.write() as s:
                doc = IssuedDocument(
                    desk_id=register_desk or desk_id, document_number_id=number.id,
                    number=number.label, appendix=appendix,
                    incident_id=inc.id if inc else None, request_id=r.id if r else None,
                    recipient=recipient[:300], file_path=rel.as_posix(), sha256=digest,
                    issued_by=user.id, issued_at=now)
                s.add(doc)
                s.flush()
                if r is not None and appendix in ("II", "V"):
                    s.execute(update(UnitRequest).where(UnitRequest.id == r.id).values(
                        document_no=number.label, version=UnitRequest.version + 1)
                        .execution_options(synchronize_session=False))
                    record_change(s, self.clock, desk_id, Topic.REQUEST, r.id)
                text = (f"Phát hành {DOC_NAME_VI[appendix]} số {number.label} gửi {recipient}"
                        + (f" (fax số {r.fax_no})" if r is not None and r.fax_no
                           and appendix in ("II", "V") else "")
                        + f". Lưu trữ: SHA-256 {digest}.")
                entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                    kind=EntryKind.DIRECTIVE if inc is not None else EntryKind.WORK,
                    content=text, channel="document" if inc is not None else None,
                    unit_name=recipient[:300], case_ref=inc.case_ref if inc else None))
                doc.log_entry_id = entry.id
                s.flush()
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
                record_change(s, self.clock, desk_id, Topic.DOCUMENT, doc.id)
                doc_id = doc.id
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        log.info("issued appendix %s no. %s (%s) by %s", appendix, number.label, digest[:12],
                 user.username)
        return IssuedDoc(id=doc_id, appendix=appendix, number=number.label, recipient=recipient,
                         incident_id=inc.id if inc else None, request_id=r.id if r else None,
                         path=path, sha256=digest, pdf=pdf, recipient_email=email)

    def documents(self, incident_id: int | None = None,
                  request_id: int | None = None) -> list[IssuedDocument]:
        with self.db.read() as s:
            stmt = select(IssuedDocument)
            if incident_id is not None:
                stmt = stmt.where(IssuedDocument.incident_id == incident_id)
            if request_id is not None:
                stmt = stmt.where(IssuedDocument.request_id == request_id)
            return list(s.scalars(stmt.order_by(IssuedDocument.id)))

    def load(self, doc_id: int) -> IssuedDoc:
        """An archived document read back; refused when its file no longer matches
        the SHA-256 recorded at issue."""
        with self.db.read() as s:
            d = s.get(IssuedDocument, doc_id)
            if d is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The document does not exist."))
            r = s.get(UnitRequest, d.request_id) if d.request_id else None
        path = self.data_dir / d.file_path
        try:
            pdf = path.read_bytes()
        except OSError as exc:
            raise NotFound(QT_TRANSLATE_NOOP(
                "errors", "The archived file of document {number} is missing."),
                number=d.number) from exc
        if sha256_of(pdf) != d.sha256:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The archived file of document {number} was altered (SHA-256 "
                          "differs)."), number=d.number)
        return IssuedDoc(id=d.id, appendix=d.appendix, number=d.number, recipient=d.recipient,
                         incident_id=d.incident_id, request_id=d.request_id, path=path,
                         sha256=d.sha256, pdf=pdf, recipient_email=r.email if r else None)

    def mark_emailed(self, user: CurrentUser, doc_id: int, address: str) -> None:
        """After a successful SMTP send: remember it and say so in the log."""
        with self.db.write() as s:
            d = s.get(IssuedDocument, doc_id)
            if d is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The document does not exist."))
            d.emailed_to, d.emailed_at = address, self.clock.now()
            inc = s.get(Incident, d.incident_id) if d.incident_id else None
            entry = self.dutylog.append_in(s, user, d.desk_id, EntryDraft(
                kind=EntryKind.NOTE, unit_name=d.recipient[:300],
                case_ref=inc.case_ref if inc else None,
                content=f"Đã gửi văn bản số {d.number} qua thư điện tử tới {address}."))
            record_change(s, self.clock, d.desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, d.desk_id, Topic.DOCUMENT, d.id)

    # -- attachments -----------------------------------------------------------------------------
    def attach(self, user: CurrentUser, desk_id: int, source: Path, *, kind: str,
               incident_id: int | None = None, request_id: int | None = None,
               sha256: str | None = None, camera_code: str | None = None,
               unit_id: int | None = None, captured_at: datetime | None = None,
               description: str = "") -> Attachment:
        """Copy a file into the archive and keep it with the incident or request.
        A given `sha256` (the evidence record's) must match the file."""
        require(user, Permission.LOG_WRITE)
        source = Path(source)
        try:
            digest = sha256_file(source)
        except OSError as exc:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Cannot read the file {path}."),
                           path=str(source)) from exc
        if sha256 and sha256.lower() != digest:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The file {path} does not match its recorded SHA-256."),
                path=str(source))
        now = self.clock.now()
        rel = Path("attachments") / f"{to_local(now):%Y}" / f"{digest[:16]}-{_safe(source.name)}"
        target = self.data_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(source, target)
        with self.db.write() as s:
            a = Attachment(desk_id=desk_id, incident_id=incident_id, request_id=request_id,
                           kind=kind, file_path=rel.as_posix(), sha256=digest,
                           camera_code=camera_code, unit_id=unit_id, captured_at=captured_at,
                           description=nfc(description or "").strip(), added_by=user.id,
                           added_at=now)
            s.add(a)
            s.flush()
            if kind == "scan":
                inc = s.get(Incident, incident_id) if incident_id else None
                r = s.get(UnitRequest, request_id) if request_id else None
                if inc is None and r is not None and r.incident_id:
                    inc = s.get(Incident, r.incident_id)
                entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                    kind=EntryKind.NOTE, case_ref=inc.case_ref if inc else None,
                    unit_name=r.unit_name if r else None,
                    content=f"Đính kèm bản chụp {description or source.name} "
                            f"(SHA-256 {digest})."))
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, desk_id, Topic.WORKFLOW, incident_id or 0)
            return a

    def attachments(self, incident_id: int | None = None,
                    request_id: int | None = None) -> list[Attachment]:
        with self.db.read() as s:
            stmt = select(Attachment)
            if incident_id is not None:
                stmt = stmt.where(Attachment.incident_id == incident_id)
            if request_id is not None:
                stmt = stmt.where(Attachment.request_id == request_id)
            return list(s.scalars(stmt.order_by(Attachment.id)))


__all__ = ["APPENDICES", "BUNDLED_TEMPLATES", "DocumentIssuer", "DocumentTemplates",
           "IssuedDoc", "sha256_file", "sha256_of"]
