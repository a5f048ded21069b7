"""Gate × clearance (Đ14.1.3): every gate-recognition read is matched to the
declaration of its container, and a container going out of the controlled area is
judged against that declaration's clearance:

- `cleared`: its declaration is cleared (or released, taken to storage, passed), and
  if it was red, its inspection has a result;
- `transfer`: it leaves under customs supervision, uncleared, to the changed
  inspection place or in independent transport (no alert);
- `not_cleared`: its declaration is not cleared → critical alert;
- `red_uninspected`: a red-channel declaration without an inspection result → critical;
- `no_declaration`: no declaration names the container → high (an empty container or
  a transit may explain it; the officer looks);
- `unreadable`: the read's container number fails its check (a misread) → the
  officer compares it with the picture; no alert;
- `in`: a read going in (nothing to clear yet).

Nothing acts on its own: the alert offers the prevention notice to the gate (Đ8.1c),
an officer sends it (Đ4.3)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local
from app.customs.records import CLEARED_STATUSES, STATUS_VI, TRANSFER_STATUSES, GateEventRecord
from app.db.changes import record_change
from app.db.engine import Database
from app.db.models import CustomsDeclaration, CustomsDeclarationContainer, CustomsGateEvent
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError, conflict
from app.topics import Topic

VERDICT_VI = {
    "cleared": "đã thông quan",
    "transfer": "vận chuyển dưới sự giám sát hải quan (chuyển địa điểm kiểm tra, vận chuyển "
                "độc lập)",
    "not_cleared": "chưa thông quan",
    "red_uninspected": "luồng đỏ chưa có kết quả kiểm tra",
    "no_declaration": "không tìm thấy tờ khai",
    "unreadable": "không đọc được số container",
    "in": "vào khu vực giám sát",
}
ALERTING = {"not_cleared": "critical", "red_uninspected": "critical",
            "no_declaration": "high"}


@dataclass(frozen=True)
class Judgement:
    verdict: str
    declaration_key: str | None = None
    declaration_number: str | None = None
    status: str | None = None

    @property
    def alert(self) -> bool:
        return self.verdict in ALERTING

    @property
    def severity(self) -> str:
        return ALERTING.get(self.verdict, "normal")

    def title(self, r: GateEventRecord) -> str:
        return f"Container {r.container} ra cổng {VERDICT_VI[self.verdict]}"

    def reason(self, r: GateEventRecord, at_text: str) -> str:
        where = f"{r.gate}, làn {r.lane} lúc {at_text}"
        plate = f", xe {r.plate}" if r.plate else ""
        if self.verdict == "no_declaration":
            return (f"Container {r.container}{plate} đi ra qua {where}: không có tờ khai nào "
                    f"khai báo container này.")
        return (f"Container {r.container}{plate} đi ra qua {where}: tờ khai "
                f"{self.declaration_number} {VERDICT_VI[self.verdict]} (trạng thái "
                f"{STATUS_VI.get(self.status or '', self.status)}).")


def declaration_of(s: Session, container: str) -> CustomsDeclaration | None:
    """The newest declaration (not cancelled) naming the container."""
    return s.scalar(
        select(CustomsDeclaration)
        .join(CustomsDeclarationContainer,
              CustomsDeclarationContainer.declaration_id == CustomsDeclaration.id)
        .where(CustomsDeclarationContainer.container_no == container,
               CustomsDeclaration.status != "cancelled")
        .order_by(CustomsDeclaration.registered_at.desc(), CustomsDeclaration.id.desc())
        .limit(1))


def verdict_of(decl: CustomsDeclaration) -> str:
    if decl.status in TRANSFER_STATUSES:
        return "transfer"
    cleared = decl.status in CLEARED_STATUSES or decl.cleared_at is not None
    if decl.channel == "red" and decl.inspection_result not in ("no_violation", "violation"):
        return "red_uninspected"
    if decl.inspection_result == "violation":
        return "not_cleared"
    return "cleared" if cleared else "not_cleared"


def judge(s: Session, r: GateEventRecord) -> Judgement:
    if r.container is None:
        return Judgement("unreadable")
    decl = declaration_of(s, r.container)
    if r.direction == "in":
        return Judgement("in", decl.key if decl else None, decl.number if decl else None,
                         decl.status if decl else None)
    if decl is None:
        return Judgement("no_declaration")
    return Judgement(verdict_of(decl), decl.key, decl.number, decl.status)


class GateChecks:
    """The officer's random check of a recognition read against its picture (Đ14.1.3.1a):
    kept on the read (who, when, whether it matches, a note) and written in the duty log
    under his name — it is his work of the shift. A read is checked once."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog

    def record(self, actor: CurrentUser, desk_id: int, read_id: int, version: int,
               matches: bool, note: str = "") -> int:
        """Returns the duty-log entry's id."""
        require(actor, Permission.LOG_WRITE)
        note = " ".join(note.split())
        if len(note) > 500:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The note is too long (at most {count} characters)."), count=500)
        if not matches and not note:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Say what the picture shows when the read does not match it."))
        with self.db.write() as s:
            row = s.get(CustomsGateEvent, read_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown gate read {id}."), id=read_id)
            if row.version != version or row.check_result is not None:
                raise conflict("The gate read")
            row.check_result = "match" if matches else "mismatch"
            row.checked_by, row.checked_at = actor.id, self.clock.now()
            row.check_note = note or None
            s.flush()
            read = row.container_raw or "(không đọc được)"
            verdict = "khớp với ảnh" if matches else "KHÔNG khớp với ảnh"
            entry = self.dutylog.append_in(s, actor, desk_id, EntryDraft(
                kind=EntryKind.WORK,
                content=f"Kiểm tra ngẫu nhiên kết quả nhận dạng tại {row.gate}, làn {row.lane} "
                        f"lúc {fmt_local(row.at)}: số container đọc được {read}, biển số "
                        f"{row.plate or '(không có)'} — {verdict}." + (f" {note}" if note else ""),
                place=f"{row.gate}, làn {row.lane}", container_no=row.container_no,
                vehicle_plate=row.plate))
            record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, row.desk_id, Topic.GATE, row.id)
            return entry.id


__all__ = ["ALERTING", "VERDICT_VI", "GateChecks", "Judgement", "declaration_of", "judge",
           "verdict_of"]
