"""Area checklists of the camera watch (Đ14.4; issue 3 item 9).

The reference (`resources/site/checklists.yaml`): per site type — road border gate,
seaport, inland waterway port, international airport passenger and cargo areas —
the zones Article 14.4 names, each tied to its camera group (the site's cameras
whose `zone` matches, or an explicit list per site). `load_reference` validates it
and reports every problem with its file and line.

`Checklists`: the checklist of a site (zones with their cameras) and checklist runs
per desk, shift and site: `start` (or resume the open run), `tick` a zone (ok, or a
problem with a remark; who and when), `finish` → one duty-log entry summarising the
zones checked, the problems and the remarks. Runs and ticks are kept in the
database, so another console (or the same after a restart) resumes the run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app import logs
from app.auth import CurrentUser, Permission, require
from app.cameras.registry import AREA_TYPES, CameraRegistry
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database, rowcount
from app.db.models import Camera, ChecklistRun, ChecklistTick, Shift
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, ImportFileError, NotFound, ValidationError, conflict
from app.parsing import LINE, load_yaml
from app.text import fold, nfc

log = logs.get("checklists")

REFERENCE_FILE = Path(__file__).resolve().parents[2] / "resources" / "site" / "checklists.yaml"
TOPIC = Topic.CHECKLIST
TICK_STATUSES = ("ok", "problem")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
_LINE = LINE


class ChecklistReferenceError(ImportFileError):
    """The checklist reference file is malformed (problems with file and line)."""

    def __init__(self, problems: list[tuple]) -> None:
        super().__init__(problems)
        self.text = QT_TRANSLATE_NOOP("errors", "The checklist reference has errors:\n{lines}")
        self.args = (self.message(),)


# -- the reference -------------------------------------------------------------------------
@dataclass(frozen=True)
class ZoneRef:
    """A zone to watch, as Article 14.4 names it."""

    code: str
    name: str
    clause: str
    text: str
    camera_zones: tuple[str, ...]


@dataclass(frozen=True)
class ChecklistType:
    code: str
    name: str
    title: str
    clause: str
    area_types: tuple[str, ...]
    zones: tuple[ZoneRef, ...]

    def zone(self, code: str) -> ZoneRef:
        for z in self.zones:
            if z.code == code:
                return z
        raise NotFound(QT_TRANSLATE_NOOP("errors", "The checklist has no zone '{zone}'."),
                       zone=code)


@dataclass(frozen=True)
class SiteRef:
    site: str
    checklists: tuple[str, ...]
    cameras: dict[str, tuple[str, ...]] = field(default_factory=dict)  # zone code → codes


@dataclass(frozen=True)
class ChecklistReference:
    types: dict[str, ChecklistType]
    sites: dict[str, SiteRef]

    def type(self, code: str) -> ChecklistType:
        if code not in self.types:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown checklist '{code}'."), code=code)
        return self.types[code]

    def types_for(self, site: str, area_type: str | None) -> list[ChecklistType]:
        """The checklists a site works through: as listed under `sites`, else by the
        area type of its cameras."""
        ref = self.sites.get(site)
        if ref is not None:
            return [self.types[c] for c in ref.checklists]
        return [t for t in self.types.values() if area_type and area_type in t.area_types]


_TYPE_KEYS = {"code", "name", "title", "clause", "area_types", "zones"}
_ZONE_KEYS = {"code", "name", "clause", "text", "camera_zones"}
_SITE_KEYS = {"site", "checklists", "cameras"}


def parse_reference(text: str, filename: str = "checklists.yaml") -> ChecklistReference:
    """Parse and validate; raise ChecklistReferenceError listing every problem."""
    problems: list[tuple[str, int, str, dict[str, Any]]] = []

    def bad(line: int | None, template: str, **values: Any) -> None:
        problems.append((filename, line or 0, template, values))

    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ChecklistReferenceError([(filename, mark.line + 1 if mark else 0,
                                        str(getattr(exc, "problem", exc)))]) from exc
    if not isinstance(raw, dict):
        raise ChecklistReferenceError([(filename, 1, QT_TRANSLATE_NOOP(
            "errors", "the file must hold a mapping with a 'checklists' list"), {})])
    if raw.get("version", 1) != 1:
        bad(raw[_LINE], QT_TRANSLATE_NOOP("errors", "unsupported version {version}"),
            version=raw.get("version"))
    for key in sorted(set(raw) - {"version", "checklists", "sites", _LINE}):
        bad(raw[_LINE], QT_TRANSLATE_NOOP("errors", "unknown key '{key}'"), key=key)

    def text_of(item: dict, key: str, line: int, required: bool = True) -> str:
        value = item.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                bad(line, QT_TRANSLATE_NOOP("errors", "'{key}' is required"), key=key)
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            bad(line, QT_TRANSLATE_NOOP("errors", "'{key}' must be a text"), key=key)
            return ""
        return nfc(str(value)).strip()

    def texts_of(item: dict, key: str, line: int) -> tuple[str, ...] | None:
        value = item.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            bad(line, QT_TRANSLATE_NOOP("errors", "'{key}' must be a list of texts"), key=key)
            return ()
        return tuple(nfc(v).strip() for v in value)

    types: dict[str, ChecklistType] = {}
    checklists = raw.get("checklists")
    if not isinstance(checklists, list) or not checklists:
        bad(raw[_LINE], QT_TRANSLATE_NOOP("errors", "'{key}' must be a non-empty list"),
            key="checklists")
        checklists = []
    for item in checklists:
        if not isinstance(item, dict):
            bad(raw[_LINE], QT_TRANSLATE_NOOP("errors", "a checklist must be a mapping"))
            continue
        line = item[_LINE]
        for key in sorted(set(item) - _TYPE_KEYS - {_LINE}):
            bad(line, QT_TRANSLATE_NOOP("errors", "unknown key '{key}'"), key=key)
        code = text_of(item, "code", line)
        if code and not _CODE.match(code):
            bad(line, QT_TRANSLATE_NOOP(
                "errors", "code '{code}' must be lower-case letters, digits and _"), code=code)
        if code in types:
            bad(line, QT_TRANSLATE_NOOP("errors", "duplicate checklist '{code}'"), code=code)
        area_types = texts_of(item, "area_types", line) or ()
        for a in area_types:
            if a not in AREA_TYPES:
                bad(line, QT_TRANSLATE_NOOP(
                    "errors", "unknown area type '{value}' (expected one of {values})"),
                    value=a, values=", ".join(AREA_TYPES))
        zones: list[ZoneRef] = []
        raw_zones = item.get("zones")
        if not isinstance(raw_zones, list) or not raw_zones:
            bad(line, QT_TRANSLATE_NOOP("errors", "'{key}' must be a non-empty list"),
                key="zones")
            raw_zones = []
        seen: set[str] = set()
        for z in raw_zones:
            if not isinstance(z, dict):
                bad(line, QT_TRANSLATE_NOOP("errors", "a zone must be a mapping"))
                continue
            zline = z[_LINE]
            for key in sorted(set(z) - _ZONE_KEYS - {_LINE}):
                bad(zline, QT_TRANSLATE_NOOP("errors", "unknown key '{key}'"), key=key)
            zcode = text_of(z, "code", zline)
            if zcode and not _CODE.match(zcode):
                bad(zline, QT_TRANSLATE_NOOP(
                    "errors", "code '{code}' must be lower-case letters, digits and _"),
                    code=zcode)
            if zcode in seen:
                bad(zline, QT_TRANSLATE_NOOP("errors", "duplicate zone '{code}'"), code=zcode)
            seen.add(zcode)
            name = text_of(z, "name", zline)
            camera_zones = texts_of(z, "camera_zones", zline)
            zones.append(ZoneRef(code=zcode, name=name, clause=text_of(z, "clause", zline),
                                 text=text_of(z, "text", zline, required=False) or name,
                                 camera_zones=camera_zones if camera_zones else (name,)))
        types[code] = ChecklistType(code=code, name=text_of(item, "name", line),
                                    title=text_of(item, "title", line, required=False)
                                    or text_of(item, "name", line),
                                    clause=text_of(item, "clause", line),
                                    area_types=area_types, zones=tuple(zones))

    sites: dict[str, SiteRef] = {}
    raw_sites = raw.get("sites") or []
    if not isinstance(raw_sites, list):
        bad(raw[_LINE], QT_TRANSLATE_NOOP("errors", "'{key}' must be a list"), key="sites")
        raw_sites = []
    for item in raw_sites:
        if not isinstance(item, dict):
            bad(raw[_LINE], QT_TRANSLATE_NOOP("errors", "a site must be a mapping"))
            continue
        line = item[_LINE]
        for key in sorted(set(item) - _SITE_KEYS - {_LINE}):
            bad(line, QT_TRANSLATE_NOOP("errors", "unknown key '{key}'"), key=key)
        site = text_of(item, "site", line)
        if site in sites:
            bad(line, QT_TRANSLATE_NOOP("errors", "duplicate site '{site}'"), site=site)
        codes = texts_of(item, "checklists", line)
        if not codes:
            bad(line, QT_TRANSLATE_NOOP("errors", "'{key}' must be a non-empty list"),
                key="checklists")
            codes = ()
        for c in codes:
            if c not in types:
                bad(line, QT_TRANSLATE_NOOP("errors", "unknown checklist '{code}'"), code=c)
        known_zones = {z.code for c in codes if c in types for z in types[c].zones}
        explicit: dict[str, tuple[str, ...]] = {}
        raw_cams = item.get("cameras") or {}
        if not isinstance(raw_cams, dict):
            bad(line, QT_TRANSLATE_NOOP("errors", "'{key}' must map zones to camera codes"),
                key="cameras")
            raw_cams = {}
        cam_line = raw_cams.get(_LINE, line)
        for zcode, cams in raw_cams.items():
            if zcode == _LINE:
                continue
            if zcode not in known_zones:
                bad(cam_line, QT_TRANSLATE_NOOP(
                    "errors", "site {site}: no zone '{zone}' in its checklists"),
                    site=site, zone=zcode)
            if not isinstance(cams, list) or not all(isinstance(c, str) for c in cams):
                bad(cam_line, QT_TRANSLATE_NOOP(
                    "errors", "site {site}: the cameras of zone '{zone}' must be a list of "
                              "camera codes"), site=site, zone=zcode)
                continue
            explicit[str(zcode)] = tuple(c.strip() for c in cams)
        sites[site] = SiteRef(site=site, checklists=tuple(codes), cameras=explicit)
    if problems:
        raise ChecklistReferenceError(problems)
    return ChecklistReference(types=types, sites=sites)


def load_reference(path: Path = REFERENCE_FILE) -> ChecklistReference:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistReferenceError([(Path(path).name, 0, str(exc))]) from exc
    return parse_reference(text, Path(path).name)


# -- a site's checklist ------------------------------------------------------------------
@dataclass(frozen=True)
class ZoneCheck:
    """A zone of a site's checklist with its camera group."""

    zone: ZoneRef
    cameras: tuple[Camera, ...]

    @property
    def camera_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.cameras)


@dataclass(frozen=True)
class SiteChecklist:
    site: str
    type: ChecklistType
    zones: tuple[ZoneCheck, ...]

    def zone(self, code: str) -> ZoneCheck:
        for z in self.zones:
            if z.zone.code == code:
                return z
        raise NotFound(QT_TRANSLATE_NOOP("errors", "The checklist has no zone '{zone}'."),
                       zone=code)


@dataclass(frozen=True)
class RunProgress:
    """A run with its checklist and ticks, for the checklist panel."""

    run: ChecklistRun
    checklist: SiteChecklist
    ticks: dict[str, ChecklistTick]      # zone code → tick

    @property
    def remaining(self) -> list[ZoneCheck]:
        return [z for z in self.checklist.zones if z.zone.code not in self.ticks]

    @property
    def problems(self) -> list[ChecklistTick]:
        return [t for t in self.ticks.values() if t.status == "problem"]


class Checklists:
    """The reference, sites' checklists and checklist runs."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog, cameras: CameraRegistry,
                 reference_path: Path = REFERENCE_FILE) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self.cameras = cameras
        self.reference_path = Path(reference_path)
        self._reference: ChecklistReference | None = None

    @property
    def reference(self) -> ChecklistReference:
        if self._reference is None:
            self._reference = load_reference(self.reference_path)
        return self._reference

    def reload(self) -> ChecklistReference:
        self._reference = None
        return self.reference

    # -- checklists of sites --------------------------------------------------------------
    def types_for_site(self, site: str) -> list[ChecklistType]:
        cams = [c for c in self.cameras.cameras() if c.site == site]
        area_types = {c.area_type for c in cams}
        if site in self.reference.sites:
            return self.reference.types_for(site, None)
        out: list[ChecklistType] = []
        for a in sorted(area_types):
            out += [t for t in self.reference.types_for(site, a) if t not in out]
        return out

    def sites(self) -> dict[str, list[ChecklistType]]:
        """Every site of the camera registry (and of the reference) with its checklists."""
        names = set(self.cameras.sites()) | set(self.reference.sites)
        return {site: self.types_for_site(site) for site in sorted(names)}

    def checklist(self, site: str, site_type: str | None = None) -> SiteChecklist:
        """A site's checklist: its zones with their camera groups. `site_type` picks
        one when the site has several (an airport: passenger and cargo areas)."""
        types = self.types_for_site(site)
        if site_type is not None:
            kind = self.reference.type(site_type)
        elif types:
            kind = types[0]
        else:
            raise NotFound(QT_TRANSLATE_NOOP(
                "errors", "No area checklist applies to the site {site}."), site=site)
        cams = [c for c in self.cameras.cameras() if c.active]
        by_code = {c.code: c for c in cams}
        at_site = [c for c in cams if c.site == site]
        explicit = self.reference.sites[site].cameras if site in self.reference.sites else {}
        zones = []
        for z in kind.zones:
            if z.code in explicit:
                missing = [c for c in explicit[z.code] if c not in by_code]
                if missing:
                    log.warning("checklist %s/%s: unknown camera(s) %s", site, z.code,
                                ", ".join(missing))
                group = tuple(by_code[c] for c in explicit[z.code] if c in by_code)
            else:
                wanted = {fold(n) for n in z.camera_zones}
                group = tuple(sorted((c for c in at_site if c.zone and fold(c.zone) in wanted),
                                     key=lambda c: c.code))
            zones.append(ZoneCheck(z, group))
        return SiteChecklist(site, kind, tuple(zones))

    # -- runs ---------------------------------------------------------------------------
    @staticmethod
    def _open_key(desk_id: int, shift_id: int, site_type: str, site: str) -> str:
        return f"{desk_id}|{shift_id}|{site_type}|{site}"[:320]

    def start(self, actor: CurrentUser, desk_id: int, shift_id: int, site: str,
              site_type: str | None = None) -> ChecklistRun:
        """Start the checklist of a site for this shift, or resume the open run."""
        require(actor, Permission.LOG_WRITE)
        kind = self.checklist(site, site_type).type
        key = self._open_key(desk_id, shift_id, kind.code, site)
        try:
            with self.db.write() as s:
                if s.get(Shift, shift_id) is None:
                    raise NotFound(QT_TRANSLATE_NOOP("errors", "The shift does not exist."))
                run = s.scalar(select(ChecklistRun).where(ChecklistRun.open_key == key))
                if run is not None:
                    return run
                run = ChecklistRun(desk_id=desk_id, shift_id=shift_id, site=site,
                                   site_type=kind.code, status="open", open_key=key,
                                   started_by=actor.id, started_at=self.clock.now())
                s.add(run)
                s.flush()
                record_change(s, self.clock, desk_id, TOPIC, run.id)
                log.info("checklist %s of %s started by %s", kind.code, site, actor.username)
                return run
        except IntegrityError:  # another console started it in the same instant
            found = self.open_run(desk_id, shift_id, site, kind.code)
            if found is None:
                raise
            return found

    def open_run(self, desk_id: int, shift_id: int, site: str,
                 site_type: str) -> ChecklistRun | None:
        key = self._open_key(desk_id, shift_id, site_type, site)
        with self.db.read() as s:
            return s.scalar(select(ChecklistRun).where(ChecklistRun.open_key == key))

    def runs(self, desk_id: int, shift_id: int) -> list[ChecklistRun]:
        with self.db.read() as s:
            return list(s.scalars(select(ChecklistRun).where(
                ChecklistRun.desk_id == desk_id, ChecklistRun.shift_id == shift_id)
                .order_by(ChecklistRun.id)))

    def run(self, run_id: int) -> ChecklistRun:
        with self.db.read() as s:
            run = s.get(ChecklistRun, run_id)
        if run is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The checklist run does not exist."))
        return run

    def ticks(self, run_id: int) -> list[ChecklistTick]:
        with self.db.read() as s:
            return list(s.scalars(select(ChecklistTick).where(ChecklistTick.run_id == run_id)
                                  .order_by(ChecklistTick.id)))

    def progress(self, run_id: int) -> RunProgress:
        run = self.run(run_id)
        return RunProgress(run, self.checklist(run.site, run.site_type),
                           {t.zone_code: t for t in self.ticks(run_id)})

    def _locked_open_run(self, s, run_id: int) -> ChecklistRun:
        stmt = select(ChecklistRun).where(ChecklistRun.id == run_id)
        if self.db.is_postgres:
            stmt = stmt.with_for_update()
        run = s.scalar(stmt)
        if run is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The checklist run does not exist."))
        if run.status != "open":
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This checklist run is finished and can no longer change."))
        return run

    def tick(self, actor: CurrentUser, run_id: int, zone_code: str, status: str,
             remark: str = "") -> ChecklistTick:
        """Tick a zone off: ok, or a problem (a remark is then required). Ticking a
        zone again replaces the earlier tick while the run is open."""
        require(actor, Permission.LOG_WRITE)
        if status not in TICK_STATUSES:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A zone is ticked 'ok' or 'problem', not '{status}'."), status=status)
        remark = nfc(remark).strip()
        if status == "problem" and not remark:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Describe the problem found in the zone."))
        run = self.run(run_id)
        zone = self.checklist(run.site, run.site_type).zone(zone_code)
        with self.db.write() as s:
            run = self._locked_open_run(s, run_id)
            tick = s.scalar(select(ChecklistTick).where(ChecklistTick.run_id == run_id,
                                                        ChecklistTick.zone_code == zone_code))
            if tick is None:
                tick = ChecklistTick(run_id=run_id, zone_code=zone_code)
                s.add(tick)
            tick.zone_name = zone.zone.name[:300]
            tick.status, tick.remark = status, remark
            tick.cameras = ", ".join(zone.camera_codes)
            tick.ticked_by, tick.ticked_at = actor.id, self.clock.now()
            s.flush()
            record_change(s, self.clock, run.desk_id, TOPIC, run.id)
            return tick

    def finish(self, actor: CurrentUser, run_id: int) -> ChecklistRun:
        """Close the run and write its summary into the duty log (one entry)."""
        require(actor, Permission.LOG_WRITE)
        progress = self.progress(run_id)
        with self.db.write() as s:
            run = self._locked_open_run(s, run_id)
            ticks = {t.zone_code: t for t in s.scalars(
                select(ChecklistTick).where(ChecklistTick.run_id == run_id))}
            if not ticks:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Tick at least one zone before finishing the checklist."))
            now = self.clock.now()
            done = s.execute(update(ChecklistRun).where(
                ChecklistRun.id == run_id, ChecklistRun.status == "open")
                .values(status="finished", open_key=None, finished_by=actor.id,
                        finished_at=now).execution_options(synchronize_session=False))
            if rowcount(done) != 1:
                raise conflict(QT_TRANSLATE_NOOP("errors", "The checklist run"))
            s.refresh(run)
            entry = self.dutylog.append_in(s, actor, run.desk_id, EntryDraft(
                kind=EntryKind.WORK, content=summary_vi(progress.checklist, ticks, run),
                scope=f"{run.site} – {progress.checklist.type.name}", place=run.site))
            run.log_entry_id = entry.id
            s.flush()
            record_change(s, self.clock, run.desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, run.desk_id, TOPIC, run.id)
            log.info("checklist run %s finished by %s", run.id, actor.username)
            return run


def summary_vi(checklist: SiteChecklist, ticks: dict[str, ChecklistTick],
               run: ChecklistRun) -> str:
    """The duty-log text of a finished run (Vietnamese record text)."""
    kind = checklist.type
    total = len(checklist.zones)
    checked = [z for z in checklist.zones if z.zone.code in ticks]
    ok = [z for z in checked if ticks[z.zone.code].status == "ok"]
    problems = [z for z in checked if ticks[z.zone.code].status == "problem"]
    remaining = [z for z in checklist.zones if z.zone.code not in ticks]

    def label(z: ZoneCheck) -> str:
        cams = f" [camera {', '.join(z.camera_codes)}]" if z.cameras else " [chưa có camera]"
        return f"{z.zone.name} ({z.zone.clause}){cams}"

    parts = [f"Kiểm tra, quan sát camera theo danh mục khu vực giám sát ({kind.clause}) – "
             f"{kind.title} – {checklist.site}, bắt đầu {fmt_local(run.started_at)}: "
             f"đã kiểm tra {len(checked)}/{total} khu vực, {len(problems)} khu vực có vấn đề."]
    if ok:
        parts.append("Bình thường: " + "; ".join(
            label(z) + (f" – ghi chú: {ticks[z.zone.code].remark}"
                        if ticks[z.zone.code].remark else "") for z in ok) + ".")
    if problems:
        parts.append("Có vấn đề: " + "; ".join(
            f"{label(z)} – {ticks[z.zone.code].remark}" for z in problems) + ".")
    if remaining:
        parts.append("Chưa kiểm tra: " + "; ".join(z.zone.name for z in remaining) + ".")
    return " ".join(parts)


__all__ = ["ChecklistReference", "ChecklistReferenceError", "ChecklistType", "Checklists",
           "REFERENCE_FILE", "RunProgress", "SiteChecklist", "SiteRef", "ZoneCheck", "ZoneRef",
           "load_reference", "parse_reference", "summary_vi"]
