"""What the incident panels show, read in one go on the task runner (no Qt here):
the officer's list (my incidents, what awaits my action, a regional desk's
inbox of requests addressed to its units) and one incident's detail (timeline,
requests, issued documents, attachments, the actions the rules allow me — and
each leader whose opinion I may record by phone). Also the operation that
raises an incident from the dialog (create, evidence, immediate prevention)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from app.auth import CurrentUser, Permission, Role
from app.db.models import Desk, Incident, LogEntry, OrgUnit, UnitRequest, UserAccount
from app.workflow.incidents import REQUEST_OPEN, IncidentDraft, Prevention
from app.workflow.prefill import Evidence
from app.workflow.rules import RULES, Action, IncidentState

PHONE_ROLES = (Role.SHIFT_LEADER, Role.ROOM_LEADER, Role.DIRECTOR)


@dataclass
class ListRow:
    kind: str                  # "incident" | "request"
    id: int
    title: str
    state: str                 # incident state or request status
    why: str                   # "action" | "mine" | "tracking" | "inbox"
    when: datetime
    due_at: datetime | None = None
    actions: list[str] = field(default_factory=list)
    incident_id: int | None = None


@dataclass
class ListSnapshot:
    rows: list[ListRow]
    regional: bool


def _unit_subtree(s, root_id: int) -> set[int]:
    children: dict[int | None, list[int]] = {}
    for u in s.scalars(select(OrgUnit)):
        children.setdefault(u.parent_id, []).append(u.id)
    out, todo = set(), [root_id]
    while todo:
        uid = todo.pop()
        if uid not in out:
            out.add(uid)
            todo.extend(children.get(uid, []))
    return out


def inbox_requests(ctx, desk_id: int, open_only: bool = True) -> list[UnitRequest]:
    """Requests from other desks addressed to this (regional) desk's units (Đ10–12)."""
    with ctx.db.read() as s:
        desk = s.get(Desk, desk_id)
        if desk is None or desk.kind != "regional":
            return []
        units = _unit_subtree(s, desk.unit_id)
        stmt = select(UnitRequest).where(UnitRequest.unit_id.in_(units),
                                         UnitRequest.desk_id != desk_id)
        if open_only:
            stmt = stmt.where(UnitRequest.status.in_(REQUEST_OPEN))
        return list(s.scalars(stmt.order_by(UnitRequest.id)))


def read_list(ctx, user: CurrentUser, desk_id: int) -> ListSnapshot:
    rows: list[ListRow] = []
    incidents = ctx.incidents.for_desk(desk_id, open_only=True)
    allowed = ctx.incidents.allowed_for(user, incidents)
    for i in incidents:
        actions = [str(a) for a in allowed[i.id]]
        if actions or i.created_by == user.id:
            rows.append(ListRow("incident", i.id, i.title, i.state,
                                "action" if actions else "mine", i.updated_at, None, actions,
                                i.id))
    # The requests I sent that still await the unit's answer (Đ9 deadlines).
    for r in ctx.requests.for_desk(desk_id, open_only=True):
        if r.created_by == user.id and r.incident_id is not None:
            due = r.ack_due_at if r.status == "received" else r.result_due_at
            rows.append(ListRow("request", r.id, f"{r.unit_name}: {r.subject}", r.status,
                                "tracking", r.created_at, due, [], r.incident_id))
    # Requests of other desks' incidents (a directive's are in the directives panel).
    inbox = [r for r in inbox_requests(ctx, desk_id) if r.incident_id is not None]
    for r in inbox:
        due = r.ack_due_at if r.status == "received" else r.result_due_at
        rows.append(ListRow("request", r.id, f"{r.unit_name}: {r.subject}", r.status, "inbox",
                            r.created_at, due, [], r.incident_id))
    with ctx.db.read() as s:
        desk = s.get(Desk, desk_id)
        regional = desk is not None and desk.kind == "regional"
    # What awaits me first, then the newest.
    order = {"action": 0, "inbox": 0, "tracking": 1, "mine": 2}
    rows.sort(key=lambda r: (order[r.why], -r.when.timestamp()))
    return ListSnapshot(rows, regional)


@dataclass
class Event:
    at: datetime
    code: str                  # a step action, or "request", "ack", "result", "issued", "attach"
    who: str = ""
    recorded_by: str = ""      # set when recorded on someone's behalf (by phone)
    by_phone: bool = False
    countersigned: bool = False
    text: str = ""


@dataclass
class RequestLine:
    id: int
    version: int
    unit_name: str
    status: str
    channel: str
    fax_no: str
    email: str
    document_no: str
    received_at: datetime | None
    ack_due_at: datetime | None
    acknowledged_at: datetime | None
    ack_contact: str
    promised_at: datetime | None
    result_due_at: datetime | None
    result_text: str
    appendix: str = ""
    relayed_from: int | None = None   # a regional desk passing the request on to its unit


@dataclass
class DocLine:
    id: int
    appendix: str
    number: str
    recipient: str
    issued_at: datetime
    emailed_to: str


@dataclass
class Leader:
    id: int
    name: str
    roles: frozenset[str]
    actions: list[Action]      # what I may record for him by phone now


@dataclass
class IncidentView:
    incident: Incident
    events: list[Event]
    requests: list[RequestLine]
    documents: list[DocLine]
    allowed: list[Action]
    leaders: list[Leader]
    can_issue: bool
    fax_appendix: str
    proposal_possible: bool


def read_incident(ctx, user: CurrentUser, incident_id: int) -> IncidentView:
    inc = ctx.incidents.get(incident_id)
    steps = ctx.incidents.steps(incident_id)
    with ctx.db.read() as s:
        accounts = list(s.scalars(select(UserAccount).where(UserAccount.active.is_(True))))
    names = {u.id: u.full_name for u in accounts}
    events = []
    for st in steps:
        phone = st.recorded_by != st.decided_by
        events.append(Event(st.opinion_at or st.at if phone else st.at, st.action,
                            names.get(st.decided_by, ""),
                            names.get(st.recorded_by, "") if phone else "", st.by_phone,
                            st.countersigned_at is not None, st.comment))
    requests = ctx.requests.for_desk(inc.desk_id, incident_id=incident_id)
    relayed = ctx.requests.relayed([r.id for r in requests])
    lines = []
    for r in requests + relayed:
        events.append(Event(r.created_at, "request", names.get(r.created_by, ""),
                            text=f"{r.unit_name}: {r.subject}"))
        if r.acknowledged_at:
            events.append(Event(r.acknowledged_at, "ack", r.unit_name, text=r.ack_contact or ""))
        if r.result_reported_at:
            events.append(Event(r.result_reported_at, "result", r.unit_name,
                                text=r.result_text or ""))
        lines.append(RequestLine(r.id, r.version, r.unit_name, r.status, r.channel,
                                 r.fax_no or "", r.email or "", r.document_no or "",
                                 r.received_at, r.ack_due_at, r.acknowledged_at,
                                 r.ack_contact or "", r.promised_at, r.result_due_at,
                                 r.result_text or "", r.appendix or "", r.relayed_from_id))
    docs = [DocLine(d.id, d.appendix, d.number, d.recipient, d.issued_at, d.emailed_to or "")
            for d in ctx.issuer.documents(incident_id=incident_id)]
    request_docs = [DocLine(d.id, d.appendix, d.number, d.recipient, d.issued_at,
                            d.emailed_to or "")
                    for r in requests for d in ctx.issuer.documents(request_id=r.id)]
    seen = {d.id for d in docs}
    docs += [d for d in request_docs if d.id not in seen]
    for d in docs:
        events.append(Event(d.issued_at, "issued", text=f"{d.appendix} {d.number}"))
    for a in ctx.issuer.attachments(incident_id=incident_id):
        events.append(Event(a.added_at, "attach", names.get(a.added_by, ""),
                            text=a.description or a.file_path))
    events.sort(key=lambda e: e.at)
    leaders = []
    if user.can(Permission.LOG_WRITE):
        candidates = [u for u in accounts if u.id != user.id
                      and u.role_codes & {r.value for r in PHONE_ROLES}
                      and (u.desk_id in (None, inc.desk_id)
                           or Role.DIRECTOR.value in u.role_codes)]
        options = ctx.incidents.allowed_on_behalf(user, inc, [u.id for u in candidates])
        for u in candidates:
            acts = [a for a in options[u.id] if RULES[a].by_phone]
            leaders.append(Leader(u.id, u.full_name, u.role_codes, acts))
    return IncidentView(
        incident=inc, events=events, requests=lines, documents=docs,
        allowed=ctx.incidents.allowed(user, inc), leaders=leaders,
        can_issue=user.can(Permission.DOCUMENT_NUMBER),
        fax_appendix=ctx.issuer.fax_appendix(inc),
        proposal_possible=inc.handling in ("cleared_goods", "mobile_equipment")
        and inc.state not in (IncidentState.NEW, IncidentState.VERIFIED,
                              IncidentState.PROPOSED))


@dataclass
class RaiseRequest:
    """What the raise dialog hands to `raise_incident`."""

    desk_id: int
    draft: IncidentDraft
    source_entry_id: int | None = None
    evidence: Evidence | None = None
    prevention: Prevention | None = None
    alert_id: int | None = None


def raise_incident(ctx, user: CurrentUser, req: RaiseRequest) -> Incident:
    """Create the incident, keep the evidence with it, and record the immediate
    prevention (Đ8.1: the incident goes to the shift leader at the same moment)."""
    entry = read_entry(ctx, req.source_entry_id) if req.source_entry_id is not None else None
    if entry is not None and entry.kind == "incident" and entry.case_id is not None:
        # The incident entry already opened the case: the incident joins it.
        d = req.draft
        inc = ctx.incidents.create_from_entry(user, entry.id, origin=d.origin,
                                              handling=d.handling)
    else:  # by hand, or from another entry (copied, as edited, into the incident entry)
        inc = ctx.incidents.create(user, req.desk_id, req.draft,
                                   source_entry_id=entry.id if entry is not None else None)
    if req.evidence is not None:
        e = req.evidence
        ctx.issuer.attach(user, req.desk_id, e.file_path, kind="evidence", incident_id=inc.id,
                          sha256=e.sha256, camera_code=e.camera_code or None,
                          unit_id=e.unit_id, captured_at=e.captured_at,
                          description=e.description or f"Camera {e.camera_code}")
    if req.prevention is not None:
        inc = ctx.incidents.transition(user, inc.id, Action.PREVENT, prevention=req.prevention)
    if req.alert_id is not None:      # the data alert it came from is handled by it
        ctx.alerts.mark_incident(user, req.alert_id, inc.id)
    return inc


def relay_units(ctx, desk_id: int) -> list[tuple[int, str]]:
    """The units below a regional desk's own unit, which it relays requests to."""
    with ctx.db.read() as s:
        desk = s.get(Desk, desk_id)
        if desk is None:
            return []
        below = _unit_subtree(s, desk.unit_id) - {desk.unit_id}
        return [(u.id, u.name) for u in s.scalars(select(OrgUnit).where(
            OrgUnit.id.in_(below), OrgUnit.active.is_(True)).order_by(OrgUnit.code))]


def relay_request(ctx, user: CurrentUser, desk_id: int, request_id: int,
                  unit_id: int) -> UnitRequest:
    """A regional desk passes HQ's request on to one of its units (the core's rule)."""
    return ctx.requests.relay(user, desk_id, request_id, unit_id)


@dataclass
class RequestPlace:
    """Where a request's answers are recorded: its incident (`incident_id`, None for a
    directive's request), in request mode under `request_only` (a line a regional desk
    relayed to its unit sits under HQ's request it passes on), the line `line`."""
    incident_id: int | None
    request_only: int | None
    line: int


def where_answered(ctx, request_id: int) -> RequestPlace:
    r = ctx.requests.get(request_id)
    if r.relayed_from_id is not None:
        original = ctx.requests.get(r.relayed_from_id)
        return RequestPlace(original.incident_id, original.id, r.id)
    return RequestPlace(r.incident_id, None, r.id)


def read_entry(ctx, entry_id: int) -> LogEntry | None:
    with ctx.db.read() as s:
        return s.get(LogEntry, entry_id)


def unit_choices(ctx) -> list[tuple[int, str, str, str]]:
    """(id, name, fax, e-mail) of the units a fax can go to."""
    return [(u.id, u.name, u.fax or "", u.email or "") for u in ctx.reference.units()
            if u.active]


__all__ = ["Event", "IncidentView", "ListRow", "ListSnapshot", "RaiseRequest", "inbox_requests",
           "raise_incident", "read_incident", "read_list", "unit_choices"]
