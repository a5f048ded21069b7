"""What a raised incident starts from, before the officer edits it: a plain
dataclass (no Qt) that the camera wall, the duty log and the data alerts fill,
and that `RaiseIncidentDialog` shows.

    IncidentPrefill.from_evidence(camera_code="HN-03", camera_name="Cổng B",
                                  captured_at=utc, place="Cửa khẩu Hữu Nghị",
                                  description="…", file_path=png, sha256=digest,
                                  unit_id=camera.unit_id)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass
class Evidence:
    """A screenshot's evidence record: the file, its SHA-256, where and when."""

    file_path: Path
    sha256: str
    camera_code: str = ""
    camera_name: str = ""
    captured_at: datetime | None = None   # UTC, naive
    unit_id: int | None = None            # the camera's managing unit
    description: str = ""


@dataclass
class LogPrefill:
    """A new duty-log entry citing a record (a declaration, a gate read, an alert): what
    the form starts from; the officer edits and saves it (nothing is written before)."""

    content: str = ""
    kind: str = "work"
    place: str = ""
    declaration_no: str = ""
    container_no: str = ""
    vehicle_plate: str = ""
    occurred_at: datetime | None = None   # UTC, naive


@dataclass
class IncidentPrefill:
    content: str = ""
    title: str = ""
    origin: str = "regular"
    handling: str | None = None
    occurred_at: datetime | None = None   # UTC, naive
    received_at: datetime | None = None
    place: str = ""
    declaration_no: str = ""
    container_no: str = ""
    vehicle_plate: str = ""
    enterprise_tax_code: str = ""
    enterprise_name: str = ""
    passenger: str = ""
    source_entry_id: int | None = None    # raised from a duty-log entry
    evidence: Evidence | None = None
    alert_id: int | None = None           # raised from a data alert: it is handled by it
    #: the immediate prevention the raise proposes (Đ8.1, a PreventionCase value): the
    #: officer still names whom he notified and sends it
    prevention_case: str | None = None

    @classmethod
    def from_entry(cls, entry) -> IncidentPrefill:
        """From a duty-log entry (app.db.models.LogEntry or the log panel's row)."""
        return cls(content=entry.content or "", occurred_at=entry.occurred_at,
                   received_at=getattr(entry, "received_at", None) or entry.entry_time,
                   place=entry.place or "", declaration_no=entry.declaration_no or "",
                   container_no=entry.container_no or "",
                   vehicle_plate=entry.vehicle_plate or "", source_entry_id=entry.id)

    @classmethod
    def from_evidence(cls, *, camera_code: str, captured_at: datetime, file_path: Path | str,
                      sha256: str, place: str = "", description: str = "",
                      camera_name: str = "", unit_id: int | None = None,
                      received_at: datetime | None = None) -> IncidentPrefill:
        """From a screenshot taken on the camera wall."""
        where = place or camera_name
        seen = f"Camera {camera_code}" + (f" ({camera_name})" if camera_name else "")
        content = f"{seen}: {description}".strip().rstrip(":") if description else seen
        return cls(content=content, occurred_at=captured_at,
                   received_at=received_at or captured_at, place=where,
                   evidence=Evidence(Path(file_path), sha256, camera_code, camera_name,
                                     captured_at, unit_id, description))


__all__ = ["Evidence", "IncidentPrefill"]
