"""What the "Directives and daily reports" panel shows, read in one go on the
session's runner (never on the GUI thread): the desk's open directives (and
those closed this shift) with each unit's follow-up; at a regional desk, also
the other desks' open directives addressed to its units (it answers them here,
Đ10–12); today's daily-report tracker, and the units tree and leaders for the
new-directive dialog. Plain data: the panel recomputes countdowns and lateness
from it without querying."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.auth import Role
from app.db.models import Desk
from app.workflow.daily_reports import TrackerRow
from app.workflow.views import inbox_requests


@dataclass
class UnitFollowUp:
    request_id: int
    directive_id: int
    unit: str
    status: str            # sent | received | acknowledged | done | cancelled
    what: str              # receipt | ack | result | done
    due_at: datetime | None
    received_at: datetime | None
    ack_due_at: datetime | None
    ack_contact: str
    promised_at: datetime | None
    result_due_at: datetime | None
    reported_at: datetime | None
    channel: str
    escalated: bool = False  # the deadline running now was escalated already


@dataclass
class DirectiveRow:
    directive_id: int
    content: str
    directed_by: str
    directed_at: datetime
    channel: str
    status: str
    units: list[UnitFollowUp]
    from_desk: str = ""    # another desk's directive to our units (a regional desk's inbox)

    @property
    def reported(self) -> int:
        return sum(1 for u in self.units if u.status == "done")


@dataclass
class UnitNode:
    id: int
    code: str
    name: str
    parent_id: int | None


@dataclass
class PanelSnapshot:
    directives: list[DirectiveRow] = field(default_factory=list)
    reports: list[TrackerRow] = field(default_factory=list)
    units: list[UnitNode] = field(default_factory=list)
    leaders: list[tuple[int, str]] = field(default_factory=list)


LEADER_ROLES = {Role.DIRECTOR.value, Role.SHIFT_LEADER.value, Role.ROOM_LEADER.value}


def follow_up(directive_id: int, r) -> UnitFollowUp:
    """Which deadline a unit's request runs against now (as the supervisor console)."""
    if r.status == "received":
        what, due = "ack", r.ack_due_at
    elif r.status in ("done", "cancelled"):
        what, due = "done", None
    elif r.status == "sent" and r.result_due_at is None:
        what, due = "receipt", None
    else:
        what, due = "result", r.result_due_at
    escalated = bool(r.ack_escalated_at if what == "ack" else
                     r.result_escalated_at if what == "result" else False)
    return UnitFollowUp(r.id, directive_id, r.unit_name, r.status, what, due, r.received_at,
                        r.ack_due_at, r.ack_contact or "", r.promised_at, r.result_due_at,
                        r.result_reported_at, r.channel, escalated)


def read_panel(ctx, desk_id: int, since: datetime | None,
               with_reference: bool) -> PanelSnapshot:
    snap = PanelSnapshot()
    for view in ctx.directives.for_desk(desk_id, open_only=True, closed_since=since):
        d = view.directive
        snap.directives.append(DirectiveRow(
            d.id, d.content, d.directed_by, d.directed_at, d.channel, d.status,
            [follow_up(d.id, r) for r in view.units]))
    snap.directives += addressed_directives(ctx, desk_id)
    snap.reports = ctx.daily_reports.tracker(desk_id)
    if with_reference:
        snap.units = [UnitNode(u.id, u.code, u.name, u.parent_id) for u in ctx.reference.units()
                      if u.active]
        snap.leaders = [(u.id, u.full_name + (f" ({u.title})" if u.title else ""))
                        for u in ctx.reference.users()
                        if u.active and u.role_codes & LEADER_ROLES
                        and (u.desk_id in (None, desk_id) or Role.DIRECTOR.value in u.role_codes)]
    return snap


def addressed_directives(ctx, desk_id: int) -> list[DirectiveRow]:
    """Other desks' directives with open requests to this regional desk's units, each
    with those units only."""
    rows: dict[int, DirectiveRow] = {}
    for r in inbox_requests(ctx, desk_id):
        if r.incident_id is not None:
            continue
        d = ctx.directives.directive_of(r.id)
        if d is None:
            continue
        row = rows.get(d.id)
        if row is None:
            with ctx.db.read() as s:
                desk = s.get(Desk, d.desk_id)
            row = rows[d.id] = DirectiveRow(d.id, d.content, d.directed_by, d.directed_at,
                                            d.channel, d.status, [],
                                            desk.name if desk is not None else "?")
        row.units.append(follow_up(d.id, r))
    return list(rows.values())


__all__ = ["DirectiveRow", "PanelSnapshot", "UnitFollowUp", "UnitNode", "addressed_directives",
           "follow_up", "read_panel"]
