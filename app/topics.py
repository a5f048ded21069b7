"""What changed, as the consoles tell each other: the topics writers record and
panels subscribe to, and the changes the feed (app/db/changes.py) delivers. Plain
values, no database: the GUI imports them from here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Topic(StrEnum):
    """What changed. Writers record a member; panels subscribe to members. The value
    is what the `change_event.topic` column keeps (shared by consoles of different
    versions, so a value never changes meaning)."""

    DUTYLOG = "dutylog"                # a duty-log entry (ref: log_entry.id)
    WORKFLOW = "workflow"              # an incident and its approval (ref: incident.id)
    REQUEST = "request"                # a request to a unit (ref: unit_request.id)
    DOCUMENT = "document"              # an issued document (ref: issued_document.id)
    DIRECTIVE = "directive"            # a directive of the leadership (ref: directive.id)
    DAILY_REPORT = "daily_report"      # a unit's daily report (ref: daily_report.id)
    NOTICE = "notice"                  # a notice to a unit (ref: notice.id)
    HANDOVER = "handover"              # a shift handover (ref: handover.id)
    SHIFT = "shift"                    # a shift and its crew (ref: shift.id)
    ROTATION = "rotation"              # a published rotation (ref: rotation_plan.id)
    ORG = "org"                        # units and accounts (ref: org_unit.id or none)
    EVIDENCE = "evidence"              # a screenshot kept as evidence (ref: evidence.id)
    CAMERA = "camera"                  # the camera registry (ref: camera.id or none)
    CAMERA_OUTAGE = "camera_outage"    # a camera outage (ref: camera_outage.id)
    CAMERA_MAP = "camera_map"          # a camera-map version (ref: its id)
    CHECKLIST = "checklist"            # a checklist run (ref: checklist_run.id)
    PTZ_CHECK = "ptz_check"            # a camera-map check run (ref: its id)
    PTZ_HOLD = "ptz_hold"              # who holds a PTZ camera (ref: its id, 0 = many)
    IMAGE_CHECK = "image_check"        # a reference image or image check (ref: its id)
    SOURCE_OUTAGE = "source_outage"    # an external system's outage (ref: source_outage.id)
    SOURCE_LEASE = "source_lease"      # who ingests a source (ref: source_lease.id)
    QUARANTINE = "source_quarantine"   # a record a source sent was refused (ref: its id)
    CUSTOMS = "customs"                # declarations, area events, manifests, blacklist (none)
    GATE = "customs_gate"              # gate-recognition reads (ref: customs_gate_event.id)
    ALERT = "alert"                    # an alert raised or acted on (ref: alert.id)


@dataclass(frozen=True)
class Change:
    seq: int
    desk_id: int | None
    topic: Topic
    ref_id: int | None


def refs(changes: Iterable[Change], *topics: Topic) -> set[int]:
    """The ids that changed under these topics (a panel reloads only those rows)."""
    return {c.ref_id for c in changes if c.topic in topics and c.ref_id is not None}


def touches(changes: Iterable[Change], topics: Iterable[Topic]) -> bool:
    wanted = frozenset(topics)
    return any(c.topic in wanted for c in changes)


class Feed(Protocol):
    """A running feed of the other consoles' changes (app.db.changes.ChangeFeed)."""

    state: str                 # "online" | "reconnecting" | "offline" | "" before the first
    last_seq: int | None       # the last change it has seen; None until it has looked

    def start(self, from_seq: int | None = None) -> None: ...

    def stop(self) -> None: ...


__all__ = ["Change", "Feed", "Topic", "refs", "touches"]
