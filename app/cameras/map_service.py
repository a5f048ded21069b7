"""The camera map (Đ14.1.1b; issue 5 item 3): the reference data the managing
sub-department builds and updates, which each shift checks the cameras against.

Per camera and **watch position**: position id and name, the camera's preset
token, pan/tilt/zoom in ONVIF's generic spaces (pan, tilt in [-1, 1], zoom in
[0, 1]), the tolerance per axis (generic units), the linked devices (scale lane,
scanner: free-text codes) and whether it is the camera's *default* position (the
one it rests at and the check restores; the first listed when none is marked).

Per camera its **calibration** (pure conversions on `Calibration`): mounting
point on the site plan (x to the right/east, y up/north, metres), height,
heading at pan 0° (degrees clockwise from plan north), the pan and tilt ranges in
degrees that the generic [-1, 1] map to linearly (a pan range of 360° wraps), and
the zoom → horizontal field-of-view curve (points, interpolated linearly).

**Files** (`parse_file`): CSV, JSON or XLSX, imported all or nothing; every
problem names its place (``file:line``, ``file:sheet:row`` for XLSX) with a
translatable message (`ImportFileError`).

* CSV: one file, a header row; column ``record`` says ``position`` or
  ``calibration``; the other columns are those of the record (`POSITION_FIELDS`,
  `CALIBRATION_FIELDS`); cells of the other kind of record stay empty.
* XLSX: sheets ``positions`` and ``calibration``, a header row each.
* JSON: ``{"version": 1, "cameras": [{"camera": …, "calibration": {…},
  "positions": [{…}, …]}, …]}``.

The field-of-view curve is written ``"0:58; 0.5:15; 1:3.2"`` (zoom:degrees) in
CSV and XLSX, and as that text or a list of ``[zoom, fov]`` pairs in JSON.

**Versions** (`CameraMap`): `load_file` parses and validates against the camera
registry; `diff` says what a file changes against the current version (added,
removed, changed positions with old → new values; calibrations likewise);
`apply` stores it as a new version (file name, SHA-256, who, when), role-gated
(`Permission.CAMERA_MAP`), refused when another console applied a version since
the diff was shown. Versions are kept; the newest is the one the check uses
(`references`). `export_csv`, `export_json`, `export_xlsx` write a snapshot back
in the import formats."""


from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import logs
from app.auth import CurrentUser, Permission, require
from app.cameras.map_diff import (
    CalibrationChange,
    CameraMapDiff,
    FieldChange,
    PositionChange,
    diff_data,
)
from app.cameras.map_import import (
    CameraMapFile,
    _problem,
    export_csv,
    export_json,
    export_xlsx,
    parse_csv_bytes,
    parse_file,
    parse_json_bytes,
    parse_xlsx_bytes,
    validate,
)
from app.cameras.map_model import (
    CALIBRATION_FIELDS,
    CSV_FIELDS,
    DEFAULT_TOLERANCE,
    DEMO_FILE,
    FIELD_TEXTS,
    FORMATS,
    POSITION_FIELDS,
    TOPIC,
    Calibration,
    CameraMapData,
    WatchPosition,
    format_fov_curve,
    parse_fov_curve,
    wrap180,
)
from app.cameras.registry import CameraRegistry
from app.clock import Clock
from app.db.changes import record_change
from app.db.engine import Database
from app.db.models import Camera, CameraCalibration, CameraMapVersion, CameraWatchPosition
from app.errors import QT_TRANSLATE_NOOP, ImportFileError, NotFound, ValidationError, conflict

log = logs.get("cameras.map")

# -- the service ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CameraReference:
    """What the check compares one camera with: its watch positions (default
    first) and its calibration (None: deltas in generic units)."""

    camera: str
    name: str
    positions: tuple[WatchPosition, ...]
    calibration: Calibration | None = None
    site: str = ""

    @property
    def default(self) -> WatchPosition | None:
        return next((p for p in self.positions if p.default),
                    self.positions[0] if self.positions else None)

    def position(self, code: str) -> WatchPosition | None:
        return next((p for p in self.positions if p.code == code), None)


class CameraMap:
    """Camera-map versions: load a file, diff, apply, read (see module doc)."""

    def __init__(self, db: Database, clock: Clock, cameras: CameraRegistry) -> None:
        self.db = db
        self.clock = clock
        self.cameras = cameras

    # reading
    def _camera_kinds(self) -> dict[str, str]:
        with self.db.read() as s:
            return dict(s.execute(select(Camera.code, Camera.kind)).tuples().all())

    def load_file(self, path: Path) -> CameraMapData:
        """Parse and validate a file (ImportFileError with every problem's place)."""
        return validate(parse_file(path), self._camera_kinds())

    def load_bytes(self, raw: bytes, filename: str) -> CameraMapData:
        suffix = Path(filename).suffix.lower().lstrip(".")
        parser = {"csv": parse_csv_bytes, "json": parse_json_bytes,
                  "xlsx": parse_xlsx_bytes}.get(suffix)
        if parser is None:
            raise ImportFileError([_problem(filename, 0, QT_TRANSLATE_NOOP(
                "errors", "unsupported file type (expected {values})"),
                {"values": ", ".join(FORMATS)})])
        return validate(parser(raw, filename), self._camera_kinds())

    def versions(self) -> list[CameraMapVersion]:
        """Every version, newest first."""
        with self.db.read() as s:
            return list(s.scalars(select(CameraMapVersion)
                                  .order_by(CameraMapVersion.number.desc())))

    def current_version(self) -> CameraMapVersion | None:
        with self.db.read() as s:
            return s.scalar(select(CameraMapVersion)
                            .order_by(CameraMapVersion.number.desc()).limit(1))

    def snapshot(self, version_id: int | None = None) -> CameraMapData:
        """The data of a version (default: the current one; empty without any)."""
        with self.db.read() as s:
            if version_id is None:
                version_id = s.scalar(select(CameraMapVersion.id)
                                      .order_by(CameraMapVersion.number.desc()).limit(1))
            if version_id is None:
                return CameraMapData((), ())
            version = s.get(CameraMapVersion, version_id)
            positions = s.execute(
                select(CameraWatchPosition, Camera.code)
                .join(Camera, Camera.id == CameraWatchPosition.camera_id)
                .where(CameraWatchPosition.version_id == version_id)
                .order_by(Camera.code, CameraWatchPosition.id)).all()
            cals = s.execute(
                select(CameraCalibration, Camera.code)
                .join(Camera, Camera.id == CameraCalibration.camera_id)
                .where(CameraCalibration.version_id == version_id)
                .order_by(Camera.code)).all()
        return CameraMapData(
            positions=tuple(_position_of(p, code) for p, code in positions),
            calibrations=tuple(_calibration_of(c, code) for c, code in cals),
            filename=version.filename if version else "",
            file_format=version.file_format if version else "",
            sha256=version.sha256 if version else "",
            size_bytes=version.size_bytes if version else 0)

    def diff(self, data: CameraMapData) -> CameraMapDiff:
        """What `data` changes against the current version (shown before `apply`)."""
        current = self.current_version()
        return diff_data(self.snapshot(current.id) if current else CameraMapData((), ()),
                         data, current.id if current else None,
                         current.number if current else None)

    def references(self, ptz_only: bool = True, active_only: bool = True,
                   version_id: int | None = None) -> list[CameraReference]:
        """Every (active, PTZ) camera with its reference in the current version;
        a camera missing from the map has no positions."""
        data = self.snapshot(version_id)
        out = []
        for cam in self.cameras.cameras(active_only=active_only):
            if ptz_only and cam.kind != "ptz":
                continue
            positions = sorted(data.positions_of(cam.code), key=lambda p: not p.default)
            out.append(CameraReference(cam.code, cam.name, tuple(positions),
                                       data.calibration_of(cam.code), cam.site))
        return out

    def reference(self, camera: str) -> CameraReference:
        """One camera's reference in the current version (NotFound for an unknown
        camera; no positions when the map does not list it)."""
        for ref in self.references(ptz_only=False, active_only=False):
            if ref.camera == camera:
                return ref
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown camera '{code}'."), code=camera)

    # writing
    def apply(self, actor: CurrentUser, data: CameraMapData,
              base_version_id: int | None) -> CameraMapVersion:
        """Store `data` as the new current version. `base_version_id` is the version
        the diff was shown against: refused (conflict) when another version was
        applied since; refused when nothing would change."""
        require(actor, Permission.CAMERA_MAP)
        if data.file_format not in FORMATS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The camera map must come from a CSV, JSON or XLSX file."))
        difference = self.diff(data)
        if difference.base_version_id != base_version_id:
            raise conflict(QT_TRANSLATE_NOOP("errors", "The camera map"))
        if difference.empty:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The file makes no change to the current camera map."))
        try:
            with self.db.write() as s:
                top = s.execute(select(CameraMapVersion.id, CameraMapVersion.number)
                                .order_by(CameraMapVersion.number.desc()).limit(1)).first()
                if (top[0] if top else None) != base_version_id:
                    raise conflict(QT_TRANSLATE_NOOP("errors", "The camera map"))
                ids = dict(s.execute(select(Camera.code, Camera.id)).tuples().all())
                missing = [c for c in data.cameras if c not in ids]
                if missing:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "Unknown camera '{code}'."), code=missing[0])
                version = CameraMapVersion(
                    number=(top[1] if top else 0) + 1, filename=data.filename[:300],
                    file_format=data.file_format, sha256=data.sha256,
                    size_bytes=data.size_bytes, cameras=len(data.cameras),
                    positions=len(data.positions), summary=difference.summary_vi(),
                    imported_by=actor.id, imported_at=self.clock.now())
                s.add(version)
                s.flush()
                for c in data.calibrations:
                    s.add(CameraCalibration(
                        version_id=version.id, camera_id=ids[c.camera], plan_x=c.plan_x,
                        plan_y=c.plan_y, height_m=c.height_m, heading_deg=c.heading_deg,
                        pan_min_deg=c.pan_min_deg, pan_max_deg=c.pan_max_deg,
                        tilt_min_deg=c.tilt_min_deg, tilt_max_deg=c.tilt_max_deg,
                        fov_curve=json.dumps([list(p) for p in c.fov_curve])))
                for p in data.positions:
                    s.add(CameraWatchPosition(
                        version_id=version.id, camera_id=ids[p.camera], code=p.code,
                        name=p.name[:200], preset_token=p.preset_token, pan=p.pan, tilt=p.tilt,
                        zoom=p.zoom, tol_pan=p.tol_pan, tol_tilt=p.tol_tilt,
                        tol_zoom=p.tol_zoom, scale_lane=p.scale_lane, scanner=p.scanner,
                        is_default=p.default))
                s.flush()
                record_change(s, self.clock, None, TOPIC, version.id)
        except IntegrityError as exc:  # another console took the same number
            raise conflict(QT_TRANSLATE_NOOP("errors", "The camera map")) from exc
        log.info("camera map version %d applied from %s (%s) by %s", version.number,
                 data.filename, data.sha256[:12], actor.username)
        return version

    def import_file(self, actor: CurrentUser, path: Path) -> CameraMapVersion:
        """Load and apply in one go (scripts, the demo): diff against the current."""
        data = self.load_file(path)
        current = self.current_version()
        return self.apply(actor, data, current.id if current else None)


def _position_of(row: CameraWatchPosition, code: str) -> WatchPosition:
    return WatchPosition(camera=code, code=row.code, name=row.name,
                         preset_token=row.preset_token, pan=row.pan, tilt=row.tilt,
                         zoom=row.zoom, tol_pan=row.tol_pan, tol_tilt=row.tol_tilt,
                         tol_zoom=row.tol_zoom, scale_lane=row.scale_lane, scanner=row.scanner,
                         default=bool(row.is_default))


def _calibration_of(row: CameraCalibration, code: str) -> Calibration:
    return Calibration(camera=code, plan_x=row.plan_x, plan_y=row.plan_y,
                       height_m=row.height_m, heading_deg=row.heading_deg,
                       pan_min_deg=row.pan_min_deg, pan_max_deg=row.pan_max_deg,
                       tilt_min_deg=row.tilt_min_deg, tilt_max_deg=row.tilt_max_deg,
                       fov_curve=tuple((float(z), float(f))
                                       for z, f in json.loads(row.fov_curve)))


def seed_demo_camera_map(ctx: Any, actor: CurrentUser) -> CameraMapVersion | None:
    """Apply the demo site's camera map (resources/site/camera_map/camera_map.json)
    unless the current version already holds it. `actor` needs CAMERA_MAP."""
    data = ctx.camera_map.load_file(DEMO_FILE)
    if ctx.camera_map.diff(data).empty:
        return None
    current = ctx.camera_map.current_version()
    return ctx.camera_map.apply(actor, data, current.id if current else None)


__all__ = ["CALIBRATION_FIELDS", "CSV_FIELDS", "Calibration", "CalibrationChange",
           "CameraMap", "CameraMapData", "CameraMapDiff", "CameraMapFile", "CameraReference",
           "DEFAULT_TOLERANCE", "DEMO_FILE", "FIELD_TEXTS", "FieldChange", "POSITION_FIELDS",
           "PositionChange",
           "WatchPosition", "diff_data", "export_csv", "export_json", "export_xlsx",
           "format_fov_curve", "parse_csv_bytes", "parse_file", "parse_fov_curve",
           "parse_json_bytes", "parse_xlsx_bytes", "seed_demo_camera_map", "validate",
           "wrap180"]
