"""The daily reports the duty desk chases from its units (Đ6.1, Đ10.4a, Đ11.3a):
which reports each unit must send each day and by when (`ReportPlan`, the
editable reference file resources/site/daily_reports.yaml), and the day's
tracker (`DailyReports`): expected, received (when, by what channel, from whom,
the attached file with its SHA-256), late, reminded (who, when, how).

Lateness is computed from the stored due time and the clock passed in: no timer
runs in the core. Receiving and reminding each write their duty-log entry in the
same transaction."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app import logs
from app.auth import CurrentUser, Permission, require
from app.clock import Clock, fmt_local, to_utc
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import DailyReport, DailyReportReminder, Desk, OrgUnit
from app.dutylog import CHANNEL_NAMES, CHANNELS, DutyLog, EntryDraft, EntryKind
from app.errors import (
    QT_TRANSLATE_NOOP,
    ImportFileError,
    NotFound,
    PermissionDenied,
    ValidationError,
    conflict,
)
from app.parsing import line_of, load_yaml
from app.roster import duty_date_of
from app.text import nfc

log = logs.get("workflow")

BUNDLED_PLAN = Path(__file__).resolve().parents[2] / "resources" / "site" / "daily_reports.yaml"
PLAN_NAME = "daily_reports.yaml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# The tracker's states of one expected report.
EXPECTED, LATE, RECEIVED, RECEIVED_LATE = "expected", "late", "received", "received_late"
REPORT_STATES = {
    EXPECTED: QT_TRANSLATE_NOOP("errors", "expected"),
    LATE: QT_TRANSLATE_NOOP("errors", "late"),
    RECEIVED: QT_TRANSLATE_NOOP("errors", "received"),
    RECEIVED_LATE: QT_TRANSLATE_NOOP("errors", "received late"),
}


# -- the reference file ------------------------------------------------------------------
@dataclass(frozen=True)
class ExpectedReport:
    """One report a unit owes a desk on the days listed, by `due` (local time)."""

    desk: str
    unit: str
    report: str
    name: str
    due: time
    days: frozenset[int]           # 0 = Monday
    channel: str | None = None


def _due(value: Any) -> time | None:
    if isinstance(value, int) and 0 <= value < 24 * 60:  # YAML 1.1 reads 16:00 as 960
        return time(value // 60, value % 60)
    try:
        h, m = str(value).strip().split(":")
        return time(int(h), int(m))
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class ReportPlan:
    """The parsed, validated reference file."""

    names: dict[str, str]
    expected: tuple[ExpectedReport, ...]

    @classmethod
    def load(cls, path: Path) -> ReportPlan:
        name = path.name
        try:
            raw = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ImportFileError([(name, 0, str(exc))]) from exc
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ImportFileError([(name, (mark.line + 1) if mark else 0,
                                    str(getattr(exc, "problem", exc)))]) from exc
        return cls.parse(raw, name)

    @classmethod
    def parse(cls, raw: Any, name: str = PLAN_NAME) -> ReportPlan:
        problems: list[tuple] = []

        def bad(item: Any, template: str, **values: object) -> None:
            line = item.get("__line__", 0) if isinstance(item, dict) else 0
            problems.append((name, line, template, values))

        if not isinstance(raw, dict):
            raise ImportFileError([(name, 1, QT_TRANSLATE_NOOP(
                "errors", "the file must hold a mapping with reports and expected"))])
        def listed(owner: dict, key: str) -> list:
            value = owner.get(key)
            if value is None:
                return []
            if not isinstance(value, list):
                problems.append((name, line_of(owner, key), QT_TRANSLATE_NOOP(
                    "errors", "'{key}' must be a list"), {"key": key}))
                return []
            return value

        names: dict[str, str] = {}
        for r in listed(raw, "reports"):
            code = str(r.get("code") or "").strip() if isinstance(r, dict) else ""
            if not code or not str(r.get("name") or "").strip():
                bad(r, QT_TRANSLATE_NOOP("errors", "a report needs a code and a name"))
            elif code in names:
                bad(r, QT_TRANSLATE_NOOP("errors", "duplicate report code {code}"), code=code)
            else:
                names[code] = nfc(str(r["name"])).strip()
        expected: list[ExpectedReport] = []
        seen: set[tuple[str, str, str]] = set()
        for group in listed(raw, "expected"):
            if not isinstance(group, dict) or not group.get("desk") or not group.get("unit"):
                bad(group, QT_TRANSLATE_NOOP("errors", "an expected entry needs desk and unit"))
                continue
            desk, unit = str(group["desk"]), str(group["unit"])
            for item in listed(group, "reports"):
                if not isinstance(item, dict) or item.get("report") not in names:
                    bad(item if isinstance(item, dict) else group, QT_TRANSLATE_NOOP(
                        "errors", "unit {unit}: unknown report {report}"), unit=unit,
                        report=item.get("report") if isinstance(item, dict) else item)
                    continue
                due = _due(item.get("due"))
                if due is None:
                    bad(item, QT_TRANSLATE_NOOP(
                        "errors", "unit {unit}: due must be a time HH:MM"), unit=unit)
                    continue
                days_raw = item.get("days") or list(WEEKDAYS)
                if not isinstance(days_raw, list) or any(d not in WEEKDAYS for d in days_raw):
                    bad(item, QT_TRANSLATE_NOOP(
                        "errors", "unit {unit}: days must be some of {days}"), unit=unit,
                        days=", ".join(WEEKDAYS))
                    continue
                channel = item.get("channel")
                if channel is not None and channel not in CHANNELS:
                    bad(item, QT_TRANSLATE_NOOP(
                        "errors", "unit {unit}: unknown channel {channel}"), unit=unit,
                        channel=channel)
                    continue
                key = (desk, unit, str(item["report"]))
                if key in seen:
                    bad(item, QT_TRANSLATE_NOOP(
                        "errors", "unit {unit}: report {report} is listed twice"), unit=unit,
                        report=item["report"])
                    continue
                seen.add(key)
                expected.append(ExpectedReport(
                    desk, unit, str(item["report"]), names[str(item["report"])], due,
                    frozenset(WEEKDAYS.index(d) for d in days_raw), channel))
        if problems:
            raise ImportFileError(problems)
        return cls(names, tuple(expected))

    def for_desk(self, desk_code: str, day: date) -> list[ExpectedReport]:
        return [e for e in self.expected if e.desk == desk_code and day.weekday() in e.days]


def due_at(day: date, due: time, shift_start: time) -> datetime:
    """The UTC due time of a report of the duty date `day`: a time before the
    shift's start belongs to the next morning (the same shift)."""
    local = datetime.combine(day, due)
    if due < shift_start:
        local += timedelta(days=1)
    return to_utc(local)


# -- the tracker ----------------------------------------------------------------------------
@dataclass
class TrackerRow:
    """One expected report of the day and where it stands."""

    day: date
    unit_id: int
    unit_code: str
    unit_name: str
    report: str
    report_name: str
    due_at: datetime
    channel: str | None                # the usual channel
    record_id: int | None = None
    received_at: datetime | None = None
    received_channel: str | None = None
    sender: str | None = None
    file_path: str | None = None
    sha256: str | None = None
    reminders: int = 0
    last_reminded_at: datetime | None = None

    def state(self, now: datetime) -> str:
        if self.received_at is not None:
            return RECEIVED_LATE if self.received_at > self.due_at else RECEIVED
        return LATE if now > self.due_at else EXPECTED

    def minutes_late(self, now: datetime) -> int:
        end = self.received_at or now
        return max(0, int((end - self.due_at).total_seconds() // 60))


def tracker_order(rows: list[TrackerRow], now: datetime) -> list[TrackerRow]:
    """Late first (the oldest due first), then those still expected, then received."""
    rank = {LATE: 0, EXPECTED: 1, RECEIVED_LATE: 2, RECEIVED: 2}
    return sorted(rows, key=lambda r: (rank[r.state(now)], r.due_at, r.unit_name, r.report))


def _desk_error(user: CurrentUser, desk_id: int) -> None:
    if user.desk_id != desk_id:
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "{user} does not belong to this duty desk and cannot record its daily "
                      "reports."), user=user.full_name)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[-80:]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class DailyReports:
    """The day's tracker of expected daily reports, per desk."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog, data_dir: Path,
                 shift_start: time, plan_path: Path | None = None) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self.data_dir = Path(data_dir)
        self.shift_start = shift_start
        self._plan_path = plan_path
        self._plan: tuple[Path, float, ReportPlan] | None = None

    # -- reference ----------------------------------------------------------------------
    def plan_path(self) -> Path:
        if self._plan_path is not None:
            return self._plan_path
        local = self.data_dir / PLAN_NAME
        return local if local.is_file() else BUNDLED_PLAN

    def plan(self) -> ReportPlan:
        """The reference file, re-read when it was edited."""
        path = self.plan_path()
        mtime = path.stat().st_mtime if path.exists() else 0.0
        if self._plan is None or self._plan[:2] != (path, mtime):
            self._plan = (path, mtime, ReportPlan.load(path))
        return self._plan[2]

    def today(self) -> date:
        return duty_date_of(self.clock.now(), self.shift_start)

    # -- the tracker ------------------------------------------------------------------------
    def tracker(self, desk_id: int, day: date | None = None,
                now: datetime | None = None) -> list[TrackerRow]:
        """Every report expected from the desk's units on `day` (default: the
        current duty date), late first."""
        day = day or self.today()
        now = now or self.clock.now()
        with self.db.read() as s:
            desk = s.get(Desk, desk_id)
            if desk is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown duty desk '{code}'."),
                               code=str(desk_id))
            units = {u.code: u for u in s.scalars(select(OrgUnit))}
            records = {(r.unit_id, r.report_code): r for r in s.scalars(
                select(DailyReport).where(DailyReport.desk_id == desk_id,
                                          DailyReport.duty_date == day))}
            desk_code = desk.code
        rows = []
        for e in self.plan().for_desk(desk_code, day):
            unit = units.get(e.unit)
            if unit is None:
                log.warning("daily reports: unknown unit %s in %s", e.unit, self.plan_path())
                continue
            row = TrackerRow(day, unit.id, unit.code, unit.name, e.report, e.name,
                             due_at(day, e.due, self.shift_start), e.channel)
            rec = records.get((unit.id, e.report))
            if rec is not None:
                row.record_id, row.received_at = rec.id, rec.received_at
                row.received_channel, row.sender = rec.received_channel, rec.sender
                row.file_path, row.sha256 = rec.file_path, rec.sha256
                row.reminders, row.last_reminded_at = rec.reminders, rec.last_reminded_at
                row.due_at = rec.due_at
            rows.append(row)
        return tracker_order(rows, now)

    def late(self, desk_id: int, day: date | None = None,
             now: datetime | None = None) -> list[TrackerRow]:
        now = now or self.clock.now()
        return [r for r in self.tracker(desk_id, day, now) if r.state(now) == LATE]

    def _expected(self, desk_id: int, day: date, unit_id: int, report: str) -> TrackerRow:
        row = next((r for r in self.tracker(desk_id, day)
                    if r.unit_id == unit_id and r.report == report), None)
        if row is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This unit is not expected to send that report on this day."))
        return row

    def _record(self, s, desk_id: int, row: TrackerRow) -> DailyReport:
        """The report's row, created on first touch (UNIQUE: one per day and unit)."""
        rec = s.scalar(select(DailyReport).where(
            DailyReport.desk_id == desk_id, DailyReport.duty_date == row.day,
            DailyReport.unit_id == row.unit_id, DailyReport.report_code == row.report))
        if rec is None:
            rec = DailyReport(desk_id=desk_id, duty_date=row.day, unit_id=row.unit_id,
                              unit_name=row.unit_name, report_code=row.report,
                              report_name=row.report_name, due_at=row.due_at, reminders=0)
            s.add(rec)
            s.flush()
        return rec

    # -- receiving ----------------------------------------------------------------------------
    def record_received(self, user: CurrentUser, desk_id: int, unit_id: int, report: str, *,
                        day: date | None = None, received_at: datetime | None = None,
                        channel: str = "email", sender: str | None = None,
                        file: Path | None = None, note: str | None = None) -> DailyReport:
        """The unit's report came: when, through which channel, from whom, with
        the file kept (copied into the data folder) and its SHA-256."""
        require(user, Permission.LOG_WRITE)
        _desk_error(user, desk_id)
        if channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=channel)
        day = day or self.today()
        row = self._expected(desk_id, day, unit_id, report)
        at = received_at or self.clock.now()
        rel = digest = None
        if file is not None:
            source = Path(file)
            try:
                digest = _sha256(source)
            except OSError as exc:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Cannot read the file {path}."),
                               path=str(source)) from exc
            rel_path = Path("daily_reports") / f"{day:%Y-%m-%d}" / \
                f"{digest[:16]}-{_safe(source.name)}"
            target = self.data_dir / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(source, target)
            rel = rel_path.as_posix()
        try:
            with self.db.write() as s:
                rec = self._record(s, desk_id, row)
                if rec.received_at is not None:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "This report was already recorded as received at {time}."),
                        time=fmt_local(rec.received_at))
                seen = rec.version
                done = s.execute(update(DailyReport).where(
                    DailyReport.id == rec.id, DailyReport.version == seen,
                    DailyReport.received_at.is_(None)).values(
                    received_at=at, received_channel=channel, received_by=user.id,
                    sender=nfc(sender or "").strip() or None, file_path=rel, sha256=digest,
                    note=nfc(note or "").strip() or None, version=seen + 1)
                    .execution_options(synchronize_session=False))
                if rowcount(done) != 1:
                    raise conflict(QT_TRANSLATE_NOOP("errors", "The daily report"))
                s.refresh(rec)
                late = ""
                if at > rec.due_at:
                    late = (f" (chậm {int((at - rec.due_at).total_seconds() // 60)} phút so với "
                            f"hạn {fmt_local(rec.due_at)})")
                text = (f"Nhận {rec.report_name} của {rec.unit_name} lúc {fmt_local(at)} qua "
                        f"{CHANNEL_NAMES[channel].lower()}"
                        + (f", người gửi {rec.sender}" if rec.sender else "") + late + "."
                        + (f" Tệp đính kèm SHA-256 {digest}." if digest else ""))
                entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                    kind=EntryKind.WORK, content=text, channel=channel, unit_name=rec.unit_name,
                    reported_at=at, note=rec.note))
                rec.log_entry_id = entry.id
                s.flush()
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
                record_change(s, self.clock, desk_id, Topic.DAILY_REPORT, rec.id)
                return rec
        except IntegrityError as exc:  # another console created the row first
            raise conflict(QT_TRANSLATE_NOOP("errors", "The daily report")) from exc

    # -- reminding ------------------------------------------------------------------------------
    def remind(self, user: CurrentUser, desk_id: int, unit_id: int, report: str, *,
               day: date | None = None, channel: str = "phone", contact: str | None = None,
               note: str | None = None, at: datetime | None = None) -> DailyReportReminder:
        """The desk reminded the unit (đôn đốc): who, when, how, whom."""
        require(user, Permission.LOG_WRITE)
        _desk_error(user, desk_id)
        if channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Unknown channel '{channel}' (phone, fax, document, e-mail)."),
                channel=channel)
        day = day or self.today()
        row = self._expected(desk_id, day, unit_id, report)
        when = at or self.clock.now()
        try:
            with self.db.write() as s:
                rec = self._record(s, desk_id, row)
                if rec.received_at is not None:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "This report was already received at {time}; no reminder "
                                  "is needed."), time=fmt_local(rec.received_at))
                s.execute(update(DailyReport).where(DailyReport.id == rec.id).values(
                    reminders=DailyReport.reminders + 1, last_reminded_at=when,
                    version=DailyReport.version + 1).execution_options(
                    synchronize_session=False))
                s.refresh(rec)
                contact_text = nfc(contact or "").strip() or None
                late = ""
                if when > rec.due_at:
                    late = f", chậm {int((when - rec.due_at).total_seconds() // 60)} phút"
                text = (f"Đôn đốc {rec.unit_name} gửi {rec.report_name} (hạn "
                        f"{fmt_local(rec.due_at)}{late}) qua {CHANNEL_NAMES[channel].lower()}"
                        + (f", liên hệ {contact_text}" if contact_text else "")
                        + f"; nhắc lần {rec.reminders}.")
                entry = self.dutylog.append_in(s, user, desk_id, EntryDraft(
                    kind=EntryKind.WORK, content=text, channel=channel, unit_name=rec.unit_name,
                    note=nfc(note or "").strip() or None))
                reminder = DailyReportReminder(
                    report_id=rec.id, reminded_by=user.id, at=when, channel=channel,
                    contact=contact_text, note=nfc(note or "").strip() or None,
                    log_entry_id=entry.id)
                s.add(reminder)
                s.flush()
                record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
                record_change(s, self.clock, desk_id, Topic.DAILY_REPORT, rec.id)
                return reminder
        except IntegrityError as exc:
            raise conflict(QT_TRANSLATE_NOOP("errors", "The daily report")) from exc

    def reminders(self, record_id: int) -> list[DailyReportReminder]:
        with self.db.read() as s:
            return list(s.scalars(select(DailyReportReminder).where(
                DailyReportReminder.report_id == record_id).order_by(DailyReportReminder.id)))


__all__ = ["BUNDLED_PLAN", "DailyReports", "ExpectedReport", "REPORT_STATES", "ReportPlan",
           "TrackerRow", "due_at", "tracker_order"]
