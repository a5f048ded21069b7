"""The camera-map check of the PTZ cameras (Đ14.1.1b; issue 5 item 4): the
comparison (pure) and its record.

**Comparison** (no database, no Qt, no video): `compare(reference, reading)` gives
a camera's row of the deviation table. A reading is plain values (`StatusReading`:
pan/tilt/zoom in ONVIF's generic spaces, or no position, or the error that kept it
from being read). A camera within tolerance of *any* of its watch positions is in
position (at that one); otherwise it is out of position and the deltas are taken
against its default position (the one a restore goes to). Deltas are status −
reference: in degrees (pan, tilt) and degrees of horizontal field of view (zoom)
where the camera is calibrated, else in generic units; the tolerance is always
checked in generic units (pan wrapping round on a 360° camera). A camera that
reports no position "cannot be verified by status" (it is checked by image).
`arrival(reference, position, reading)` judges a restore the same way: arrived,
did not arrive, cannot verify.

**Record** (`PtzCheck`): `record_run` stores a run (who, shift start or on demand,
the map version, the rows) and writes one duty-log entry summarising it (cameras
in position, out of position, not verifiable), in one transaction;
`record_restore` adds a restore attempt and its outcome as a row of the run, with
its own entry. Cameras whose latest row (check or restore) left them out of
position are open items of the shift handover (`PtzPositionItems`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from app import logs
from app.auth import CurrentUser, Permission, require
from app.cameras.map_model import WatchPosition
from app.cameras.map_service import CameraMap, CameraReference
from app.clock import Clock, fmt_local
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import Camera, PtzCheckRow, PtzCheckRun, Shift
from app.dutylog import DutyLog, EntryDraft, EntryKind
from app.errors import QT_TRANSLATE_NOOP, NotFound, NotRun, ValidationError
from app.handover import OpenItem

log = logs.get("cameras.check")

TOPIC = Topic.PTZ_CHECK
TRIGGERS = ("shift_start", "on_demand")

# Outcomes of a check row.
IN_POSITION = "in_position"
OUT_OF_POSITION = "out_of_position"
NO_POSITION = "no_position"        # the camera reports no position: check by image
UNREADABLE = "unreadable"          # the status could not be read (error)
NO_REFERENCE = "no_reference"      # the camera has no watch position in the map
# Outcomes of a restore row.
ARRIVED = "arrived"
NOT_ARRIVED = "not_arrived"
CANNOT_VERIFY = "cannot_verify"

CHECK_OUTCOMES = (IN_POSITION, OUT_OF_POSITION, NO_POSITION, UNREADABLE, NO_REFERENCE)
RESTORE_OUTCOMES = (ARRIVED, NOT_ARRIVED, CANNOT_VERIFY)
NOT_VERIFIABLE = frozenset({NO_POSITION, UNREADABLE, NO_REFERENCE})
#: Rows that leave a camera out of position (open items of the handover).
LEFT_OUT = frozenset({OUT_OF_POSITION, NOT_ARRIVED})

#: How the GUI names each outcome (English source text).
OUTCOME_TEXTS = {
    IN_POSITION: QT_TRANSLATE_NOOP("ptz_check", "in position"),
    OUT_OF_POSITION: QT_TRANSLATE_NOOP("ptz_check", "out of position"),
    NO_POSITION: QT_TRANSLATE_NOOP("ptz_check", "cannot verify by status"),
    UNREADABLE: QT_TRANSLATE_NOOP("ptz_check", "status not read"),
    NO_REFERENCE: QT_TRANSLATE_NOOP("ptz_check", "not in the camera map"),
    ARRIVED: QT_TRANSLATE_NOOP("ptz_check", "arrived"),
    NOT_ARRIVED: QT_TRANSLATE_NOOP("ptz_check", "did not arrive"),
    CANNOT_VERIFY: QT_TRANSLATE_NOOP("ptz_check", "cannot verify by status"),
}

# Duty-log wording (record text, not UI): PTZ failure reasons (video.ptz.PtzFailure
# values, kept as strings: app/ does not import video/).
REASON_VI = {
    "unreachable": "không kết nối được camera",
    "auth_failed": "camera từ chối đăng nhập",
    "not_supported": "camera không hỗ trợ chức năng PTZ này",
    "timeout": "camera không trả lời kịp thời",
    "camera_fault": "camera báo lỗi",
    "invalid_argument": "camera từ chối lệnh",
    "closed": "kết nối điều khiển PTZ đã đóng",
    "no_controller": "chưa kết nối điều khiển PTZ",
}
TRIGGER_VI = {"shift_start": "đầu ca", "on_demand": "đột xuất"}


# -- the comparison (pure) ----------------------------------------------------------------
@dataclass(frozen=True)
class StatusReading:
    """A camera's status as plain values: generic pan/tilt/zoom (None when the
    camera reports no position), whether it moves (None: not said), or the
    reason (`error`, a PtzFailure value) and text (`detail`) of a failed read."""

    camera: str
    pan: float | None = None
    tilt: float | None = None
    zoom: float | None = None
    moving: bool | None = None
    error: str | None = None
    detail: str = ""

    @property
    def has_position(self) -> bool:
        return self.error is None and self.pan is not None and self.tilt is not None


@dataclass(frozen=True)
class Deviation:
    """One row of the deviation table (or the judgement of a restore)."""

    camera: str
    outcome: str
    position: WatchPosition | None = None
    reading: StatusReading | None = None
    d_pan: float | None = None        # generic units
    d_tilt: float | None = None
    d_zoom: float | None = None
    d_pan_deg: float | None = None    # where calibrated
    d_tilt_deg: float | None = None
    d_fov_deg: float | None = None    # horizontal field of view, degrees
    within: bool | None = None

    @property
    def calibrated(self) -> bool:
        return self.d_pan_deg is not None

    def display_deltas(self) -> tuple[float | None, float | None, float | None, str]:
        """(Δpan, Δtilt, Δzoom, unit): degrees where calibrated ("deg"), else generic
        units ("generic")."""
        if self.calibrated:
            return self.d_pan_deg, self.d_tilt_deg, self.d_fov_deg, "deg"
        return self.d_pan, self.d_tilt, self.d_zoom, "generic"


def deviation(ref: CameraReference, position: WatchPosition, reading: StatusReading,
              outcome_in: str = IN_POSITION, outcome_out: str = OUT_OF_POSITION) -> Deviation:
    """The deltas of `reading` against one watch position, and whether it is within
    that position's tolerance."""
    cal = ref.calibration
    if not reading.has_position or not position.has_position:
        raise ValueError("deviation needs two positions")
    pan, tilt = float(reading.pan), float(reading.tilt)  # type: ignore[arg-type]
    rpan, rtilt = float(position.pan), float(position.tilt)  # type: ignore[arg-type]
    if cal is not None and cal.has_pan_range:
        d_pan = cal.pan_delta_generic(pan, rpan)
        d_pan_deg: float | None = cal.pan_delta_deg(pan, rpan)
    else:
        d_pan, d_pan_deg = pan - rpan, None
    d_tilt = tilt - rtilt
    d_tilt_deg = d_tilt * cal.tilt_deg_per_unit if cal is not None and cal.has_tilt_range \
        else None
    d_zoom = d_fov = None
    if position.zoom is not None and reading.zoom is not None:
        d_zoom = reading.zoom - position.zoom
        if cal is not None:
            d_fov = cal.fov_deg(reading.zoom) - cal.fov_deg(position.zoom)
    within = (abs(d_pan) <= position.tol_pan + 1e-9 and abs(d_tilt) <= position.tol_tilt + 1e-9
              and (d_zoom is None or abs(d_zoom) <= position.tol_zoom + 1e-9))
    if d_pan_deg is not None and d_tilt_deg is None:
        d_pan_deg = None  # degrees for both axes or for none: one unit per row
    return Deviation(ref.camera, outcome_in if within else outcome_out, position, reading,
                     d_pan, d_tilt, d_zoom, d_pan_deg, d_tilt_deg,
                     d_fov if d_pan_deg is not None else None, within)


def compare(ref: CameraReference, reading: StatusReading) -> Deviation:
    """The camera's row of the deviation table (see module doc)."""
    target = ref.default
    if reading.error is not None:
        return Deviation(ref.camera, UNREADABLE, target, reading)
    comparable = [p for p in ref.positions if p.has_position]
    if not comparable:
        return Deviation(ref.camera, NO_REFERENCE, target, reading)
    if not reading.has_position:
        return Deviation(ref.camera, NO_POSITION, target, reading)
    rows = [deviation(ref, p, reading) for p in comparable]
    inside = [r for r in rows if r.within]
    if inside:
        def distance(r: Deviation) -> float:
            p = r.position
            return max(abs(r.d_pan or 0) / p.tol_pan, abs(r.d_tilt or 0) / p.tol_tilt,  # type: ignore[union-attr]
                       abs(r.d_zoom or 0) / p.tol_zoom)  # type: ignore[union-attr]
        return min(inside, key=distance)
    if target is not None and target.has_position:
        return next(r for r in rows if r.position == target)
    return rows[0]


def arrival(ref: CameraReference, position: WatchPosition,
            reading: StatusReading | None) -> Deviation:
    """Did a restore bring the camera to `position`? arrived / did not arrive /
    cannot verify (no position reported). A failed read or command is "did not
    arrive" (its reason stays in the reading)."""
    if reading is None or reading.error is not None:
        return Deviation(ref.camera, NOT_ARRIVED, position, reading)
    if not reading.has_position or not position.has_position:
        return Deviation(ref.camera, CANNOT_VERIFY, position, reading)
    return deviation(ref, position, reading, ARRIVED, NOT_ARRIVED)


def summarize(rows: Iterable[Deviation]) -> dict[str, list[Deviation]]:
    """Rows grouped: in position, out of position, not verifiable."""
    out: dict[str, list[Deviation]] = {"in_position": [], "out_of_position": [],
                                       "not_verifiable": []}
    for r in rows:
        key = ("in_position" if r.outcome == IN_POSITION else
               "out_of_position" if r.outcome == OUT_OF_POSITION else "not_verifiable")
        out[key].append(r)
    return out


# -- record text (Vietnamese) ---------------------------------------------------------------
def _num(v: float, digits: int = 1) -> str:
    return f"{v:+.{digits}f}".replace(".", ",").replace("-", "−")


def deltas_vi(d: Deviation) -> str:
    """"lệch ngang +12,5°, dọc −3,0°, góc nhìn +4,1°" (or generic units)."""
    dp, dt, dz, unit = d.display_deltas()
    parts = []
    if unit == "deg":
        if dp is not None:
            parts.append(f"ngang {_num(dp)}°")
        if dt is not None:
            parts.append(f"dọc {_num(dt)}°")
        if dz is not None:
            parts.append(f"góc nhìn {_num(dz)}°")
    else:
        if dp is not None:
            parts.append(f"ngang {_num(dp, 3)}")
        if dt is not None:
            parts.append(f"dọc {_num(dt, 3)}")
        if dz is not None:
            parts.append(f"thu phóng {_num(dz, 3)}")
        if parts:
            parts[-1] += " (đơn vị ONVIF)"
    return "lệch " + ", ".join(parts) if parts else ""


def _position_vi(p: WatchPosition | None) -> str:
    return f"vị trí “{p.name}” ({p.code})" if p is not None else "vị trí quan sát"


def _not_verifiable_vi(d: Deviation) -> str:
    if d.outcome == NO_POSITION:
        return f"{d.camera} (camera không báo vị trí, kiểm tra bằng hình ảnh)"
    if d.outcome == NO_REFERENCE:
        return f"{d.camera} (chưa có dữ liệu vị trí trong bản đồ camera)"
    reading = d.reading
    reason = REASON_VI.get(reading.error or "", reading.error or "") if reading else ""
    return f"{d.camera} (không đọc được trạng thái: {reason})"


def run_summary_vi(rows: list[Deviation], trigger: str, version_number: int | None) -> str:
    groups = summarize(sorted(rows, key=lambda d: d.camera))
    version = f" (phiên bản {version_number})" if version_number else ""
    parts = [f"Kiểm tra {TRIGGER_VI[trigger]} góc quan sát, độ phóng của {len(rows)} camera PTZ "
             f"theo dữ liệu bản đồ camera{version} (Đ14.1.1b)."]
    ok = groups["in_position"]
    parts.append(f"Đúng vị trí: {len(ok)}" + (
        " (" + ", ".join(d.camera for d in ok) + ")." if ok else "."))
    out = groups["out_of_position"]
    parts.append(f"Lệch vị trí: {len(out)}" + (
        " (" + "; ".join(f"{d.camera} – {_position_vi(d.position)}: {deltas_vi(d)}"
                         for d in out) + ")." if out else "."))
    nv = groups["not_verifiable"]
    parts.append(f"Không xác định được qua trạng thái: {len(nv)}" + (
        " (" + "; ".join(_not_verifiable_vi(d) for d in nv) + ")." if nv else "."))
    return " ".join(parts)


def restore_text_vi(camera: Camera, d: Deviation, method: str) -> str:
    how = (f"lệnh về preset {d.position.preset_token}" if method == "preset" and d.position
           else "lệnh di chuyển tuyệt đối (AbsoluteMove)")
    head = (f"Khôi phục camera {camera.code} – {camera.name} về {_position_vi(d.position)} "
            f"({how}): ")
    if d.outcome == ARRIVED:
        return head + "camera đã về đúng vị trí."
    if d.outcome == CANNOT_VERIFY:
        return head + ("không xác định được qua trạng thái (camera không báo vị trí), "
                       "cần kiểm tra bằng hình ảnh.")
    reading = d.reading
    if reading is not None and reading.error is not None:
        return head + ("không thực hiện được: "
                       f"{REASON_VI.get(reading.error, reading.error)}; camera chưa về vị trí.")
    return head + f"camera không về đúng vị trí ({deltas_vi(d)})."


# -- the record ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckRunResult:
    run: PtzCheckRun
    rows: list[PtzCheckRow]
    deviations: list[Deviation]


@dataclass(frozen=True)
class LeftOutOfPosition:
    """A camera whose latest row left it out of position."""

    row: PtzCheckRow
    camera: Camera


def _row_values(d: Deviation) -> dict[str, object]:
    r = d.reading
    p = d.position
    detail = ""
    if r is not None and r.error is not None:
        detail = f"{r.error}: {r.detail}" if r.detail else r.error
    return dict(camera_code=d.camera, position_code=p.code if p else None,
                position_name=p.name[:200] if p else None, outcome=d.outcome,
                pan=r.pan if r and r.error is None else None,
                tilt=r.tilt if r and r.error is None else None,
                zoom=r.zoom if r and r.error is None else None,
                d_pan=d.d_pan, d_tilt=d.d_tilt, d_zoom=d.d_zoom, d_pan_deg=d.d_pan_deg,
                d_tilt_deg=d.d_tilt_deg, d_fov_deg=d.d_fov_deg, within=d.within,
                detail=detail[:2000])


class PtzCheck:
    """Check runs and restores (see module doc)."""

    def __init__(self, db: Database, clock: Clock, dutylog: DutyLog,
                 camera_map: CameraMap) -> None:
        self.db = db
        self.clock = clock
        self.dutylog = dutylog
        self.camera_map = camera_map

    def references(self) -> list[CameraReference]:
        """Every active PTZ camera with its reference (current map version)."""
        return self.camera_map.references()

    # -- writing -------------------------------------------------------------------------
    def record_run(self, actor: CurrentUser, desk_id: int, trigger: str,
                   readings: Iterable[StatusReading],
                   references: Iterable[CameraReference] | None = None) -> CheckRunResult:
        """Compare the readings with the current camera map and store the run with
        its rows and its summary entry (one transaction). A reading of a camera the
        registry does not know is refused."""
        require(actor, Permission.LOG_WRITE)
        if trigger not in TRIGGERS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A camera-map check runs at shift start or on demand, not "
                          "'{trigger}'."), trigger=trigger)
        readings = list(readings)
        if not readings:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The camera-map check found no PTZ camera to check."))
        if all(r.error for r in readings):
            # the cameras could not be asked (network, simulators not started): the
            # check did not run, and the log says only what happened
            raise NotRun(QT_TRANSLATE_NOOP(
                "errors", "The camera-map check could not run: none of the {n} PTZ cameras "
                          "answered. Nothing was written to the duty log."), n=len(readings))
        version = self.camera_map.current_version()
        refs = {r.camera: r for r in (references if references is not None else
                                      self.camera_map.references(ptz_only=False,
                                                                 active_only=False))}
        deviations = []
        for reading in readings:
            ref = refs.get(reading.camera) or CameraReference(reading.camera, "", ())
            deviations.append(compare(ref, reading))
        groups = summarize(deviations)
        with self.db.write() as s:
            ids = {code: cid for code, cid in s.execute(
                select(Camera.code, Camera.id).where(
                    Camera.code.in_([d.camera for d in deviations]))).tuples()}
            unknown = [d.camera for d in deviations if d.camera not in ids]
            if unknown:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown camera '{code}'."),
                               code=unknown[0])
            now = self.clock.now()
            shift_id = s.scalar(select(Shift.id).where(
                Shift.desk_id == desk_id, Shift.starts_at <= now, Shift.ends_at > now))
            run = PtzCheckRun(
                desk_id=desk_id, shift_id=shift_id, map_version_id=version.id if version else None,
                trigger=trigger, started_by=actor.id, started_at=now, cameras=len(deviations),
                in_position=len(groups["in_position"]),
                out_of_position=len(groups["out_of_position"]),
                not_verifiable=len(groups["not_verifiable"]))
            s.add(run)
            s.flush()
            rows = [PtzCheckRow(run_id=run.id, kind="check", camera_id=ids[d.camera],
                                recorded_by=actor.id, recorded_at=now, **_row_values(d))
                    for d in deviations]
            s.add_all(rows)
            places = sorted({refs[d.camera].site for d in deviations
                             if d.camera in refs and refs[d.camera].site})
            entry = self.dutylog.append_in(s, actor, desk_id, EntryDraft(
                kind=EntryKind.WORK,
                content=run_summary_vi(deviations, trigger, version.number if version else None),
                scope="Kiểm tra vị trí camera PTZ theo bản đồ camera",
                place=", ".join(places)[:300] or None))
            run.log_entry_id = entry.id
            s.flush()
            record_change(s, self.clock, desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, desk_id, TOPIC, run.id)
        log.info("PTZ check run %d by %s: %d in, %d out, %d not verifiable", run.id,
                 actor.username, run.in_position, run.out_of_position, run.not_verifiable)
        return CheckRunResult(run, rows, deviations)

    def record_restore(self, actor: CurrentUser, run_id: int, camera_code: str,
                       position_code: str | None, method: str,
                       reading: StatusReading | None,
                       reference: CameraReference | None = None) -> PtzCheckRow:
        """A restore attempt of one camera and its outcome (judged by `arrival` from
        the last status read after the command; a reading with `error` = the command
        or the read failed), stored as a row of the run, with its log entry."""
        require(actor, Permission.LOG_WRITE)
        if method not in ("preset", "absolute"):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A restore is made by preset or by absolute move, not '{method}'."),
                method=method)
        ref = reference or self.camera_map.reference(camera_code)
        position = ref.position(position_code) if position_code else ref.default
        if position is None:
            raise NotFound(QT_TRANSLATE_NOOP(
                "errors", "Camera {camera} has no watch position '{position}' in the camera "
                          "map."), camera=camera_code, position=position_code or "")
        d = arrival(ref, position, reading)
        with self.db.write() as s:
            run = s.get(PtzCheckRun, run_id)
            if run is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "The camera-map check does not "
                                                           "exist."))
            cam = s.scalar(select(Camera).where(Camera.code == camera_code))
            if cam is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown camera '{code}'."),
                               code=camera_code)
            now = self.clock.now()
            row = PtzCheckRow(run_id=run.id, kind="restore", camera_id=cam.id, method=method,
                              recorded_by=actor.id, recorded_at=now, **_row_values(d))
            s.add(row)
            s.flush()
            entry = self.dutylog.append_in(s, actor, run.desk_id, EntryDraft(
                kind=EntryKind.WORK, content=restore_text_vi(cam, d, method),
                scope="Kiểm tra vị trí camera PTZ theo bản đồ camera",
                place=cam.site[:300] if cam.site else None))
            row.log_entry_id = entry.id
            s.flush()
            record_change(s, self.clock, run.desk_id, Topic.DUTYLOG, entry.id)
            record_change(s, self.clock, run.desk_id, TOPIC, run.id)
        log.info("PTZ restore of %s (%s) by %s: %s", camera_code, method, actor.username,
                 d.outcome)
        return row

    # -- reading ------------------------------------------------------------------------
    def run(self, run_id: int) -> PtzCheckRun:
        with self.db.read() as s:
            run = s.get(PtzCheckRun, run_id)
        if run is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The camera-map check does not exist."))
        return run

    def rows(self, run_id: int, kind: str | None = None) -> list[PtzCheckRow]:
        with self.db.read() as s:
            stmt = select(PtzCheckRow).where(PtzCheckRow.run_id == run_id)
            if kind is not None:
                stmt = stmt.where(PtzCheckRow.kind == kind)
            return list(s.scalars(stmt.order_by(PtzCheckRow.id)))

    def runs(self, desk_id: int, limit: int = 50) -> list[PtzCheckRun]:
        """A desk's runs, newest first."""
        with self.db.read() as s:
            return list(s.scalars(select(PtzCheckRun).where(PtzCheckRun.desk_id == desk_id)
                                  .order_by(PtzCheckRun.started_at.desc(),
                                            PtzCheckRun.id.desc()).limit(limit)))

    def latest_rows(self, desk_id: int) -> list[tuple[PtzCheckRow, Camera]]:
        """Per camera, its latest row (check or restore) in the desk's runs."""
        with self.db.read() as s:
            latest = (select(func.max(PtzCheckRow.id))
                      .join(PtzCheckRun, PtzCheckRun.id == PtzCheckRow.run_id)
                      .where(PtzCheckRun.desk_id == desk_id)
                      .group_by(PtzCheckRow.camera_id))
            return [(r, c) for r, c in s.execute(
                select(PtzCheckRow, Camera).join(Camera, Camera.id == PtzCheckRow.camera_id)
                .where(PtzCheckRow.id.in_(latest)).order_by(Camera.code)).tuples()]

    def left_out_of_position(self, desk_id: int) -> list[LeftOutOfPosition]:
        return [LeftOutOfPosition(r, c) for r, c in self.latest_rows(desk_id)
                if r.outcome in LEFT_OUT]


def row_deltas_vi(row: PtzCheckRow) -> str:
    return deltas_vi(Deviation(row.camera_code, row.outcome, None, None, row.d_pan, row.d_tilt,
                               row.d_zoom, row.d_pan_deg, row.d_tilt_deg, row.d_fov_deg))


class PtzPositionItems:
    """PTZ cameras left out of position, for the shift handover."""

    source = "ptz_position"

    def __init__(self, check: PtzCheck) -> None:
        self.check = check

    def open_items(self, desk_id: int, shift: Shift) -> list[OpenItem]:  # noqa: ARG002
        out = []
        for item in self.check.left_out_of_position(desk_id):
            r, c = item.row, item.camera
            where = f"vị trí “{r.position_name}” ({r.position_code})" if r.position_code \
                else "vị trí quan sát"
            state = ("khôi phục không thành công" if r.outcome == NOT_ARRIVED
                     else "chưa khôi phục")
            detail = "; ".join(p for p in (row_deltas_vi(r), state) if p)
            out.append(OpenItem(self.source, str(r.id),
                                f"Camera {c.code} – {c.name}: lệch {where}",
                                detail=detail, since=fmt_local(r.recorded_at)))
        return out


__all__ = ["ARRIVED", "CANNOT_VERIFY", "CHECK_OUTCOMES", "CheckRunResult", "Deviation",
           "IN_POSITION", "LEFT_OUT", "LeftOutOfPosition", "NOT_ARRIVED", "NOT_VERIFIABLE",
           "NO_POSITION", "NO_REFERENCE", "OUTCOME_TEXTS", "OUT_OF_POSITION", "PtzCheck",
           "PtzPositionItems", "RESTORE_OUTCOMES", "StatusReading", "TRIGGERS", "UNREADABLE",
           "arrival", "compare", "deltas_vi", "deviation", "run_summary_vi", "summarize"]
