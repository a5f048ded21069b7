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

import bisect
import csv
import hashlib
import io
import json
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import logs
from app.auth import CurrentUser, Permission, require
from app.cameras import CameraRegistry, _LineDecoder
from app.clock import Clock
from app.db.changes import Topic, record_change
from app.db.engine import Database
from app.db.models import Camera, CameraCalibration, CameraMapVersion, CameraWatchPosition
from app.errors import QT_TRANSLATE_NOOP, ImportFileError, NotFound, ValidationError, conflict
from app.text import nfc

log = logs.get("cameras.map")

TOPIC = Topic.CAMERA_MAP
FORMATS = ("csv", "json", "xlsx")
REFERENCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "site" / "camera_map"
DEMO_FILE = REFERENCE_DIR / "camera_map.json"

#: Default tolerances (generic units) when a file leaves them empty.
DEFAULT_TOLERANCE = {"tol_pan": 0.01, "tol_tilt": 0.01, "tol_zoom": 0.02}

POSITION_FIELDS = ("camera", "position", "name", "preset", "pan", "tilt", "zoom", "tol_pan",
                   "tol_tilt", "tol_zoom", "scale_lane", "scanner", "default")
CALIBRATION_FIELDS = ("camera", "plan_x", "plan_y", "height", "heading", "pan_min", "pan_max",
                      "tilt_min", "tilt_max", "fov")
RECORDS = ("position", "calibration")
CSV_FIELDS = ("record",) + POSITION_FIELDS + tuple(f for f in CALIBRATION_FIELDS
                                                    if f != "camera")
SHEETS = {"positions": "position", "calibration": "calibration"}
_TRUE, _FALSE = ("1", "true", "yes", "y", "có", "x"), ("0", "false", "no", "n", "không", "")
_EPS = 1e-9


# -- calibration: the pure conversions -------------------------------------------------------
def wrap180(deg: float) -> float:
    """An angle in [-180, 180)."""
    return (deg + 180.0) % 360.0 - 180.0


@dataclass(frozen=True)
class Calibration:
    """How a camera's generic pan/tilt/zoom relate to the site: see module doc."""

    camera: str
    plan_x: float
    plan_y: float
    height_m: float
    heading_deg: float
    pan_min_deg: float | None
    pan_max_deg: float | None
    tilt_min_deg: float | None
    tilt_max_deg: float | None
    fov_curve: tuple[tuple[float, float], ...]   # (zoom, horizontal fov in degrees)

    # pan
    @property
    def has_pan_range(self) -> bool:
        return self.pan_min_deg is not None and self.pan_max_deg is not None

    @property
    def has_tilt_range(self) -> bool:
        return self.tilt_min_deg is not None and self.tilt_max_deg is not None

    @property
    def pan_span(self) -> float:
        return float(self.pan_max_deg - self.pan_min_deg)  # type: ignore[operator]

    @property
    def tilt_span(self) -> float:
        return float(self.tilt_max_deg - self.tilt_min_deg)  # type: ignore[operator]

    @property
    def full_circle(self) -> bool:
        """The pan range goes all the way round (generic -1 and 1 are one direction)."""
        return self.has_pan_range and self.pan_span >= 360.0 - 1e-6

    @property
    def pan_deg_per_unit(self) -> float:
        return self.pan_span / 2.0

    @property
    def tilt_deg_per_unit(self) -> float:
        return self.tilt_span / 2.0

    def pan_deg(self, pan: float) -> float:
        """Generic pan [-1, 1] → degrees from the heading at pan 0°."""
        self._need_pan()
        return self.pan_min_deg + (pan + 1.0) / 2.0 * self.pan_span  # type: ignore[operator]

    def pan_generic(self, deg: float) -> float:
        """Degrees from the heading → generic pan; wraps on a full-circle camera.
        ValidationError when the angle is outside the camera's pan range."""
        self._need_pan()
        lo = float(self.pan_min_deg)  # type: ignore[arg-type]
        d = lo + (deg - lo) % 360.0 if self.full_circle else deg
        g = 2.0 * (d - lo) / self.pan_span - 1.0
        if not -1.0 - _EPS <= g <= 1.0 + _EPS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Camera {camera} cannot pan to {angle}° (its range is {low}° … "
                          "{high}°)."), camera=self.camera, angle=f"{deg:.1f}",
                low=f"{self.pan_min_deg:g}", high=f"{self.pan_max_deg:g}")
        return max(-1.0, min(1.0, g))

    def tilt_deg(self, tilt: float) -> float:
        self._need_tilt()
        return self.tilt_min_deg + (tilt + 1.0) / 2.0 * self.tilt_span  # type: ignore[operator]

    def tilt_generic(self, deg: float) -> float:
        self._need_tilt()
        g = 2.0 * (deg - self.tilt_min_deg) / self.tilt_span - 1.0  # type: ignore[operator]
        if not -1.0 - _EPS <= g <= 1.0 + _EPS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Camera {camera} cannot tilt to {angle}° (its range is {low}° … "
                          "{high}°)."), camera=self.camera, angle=f"{deg:.1f}",
                low=f"{self.tilt_min_deg:g}", high=f"{self.tilt_max_deg:g}")
        return max(-1.0, min(1.0, g))

    def pan_delta_deg(self, pan: float, reference: float) -> float:
        """pan − reference in degrees (the short way round on a full-circle camera)."""
        d = (pan - reference) * self.pan_deg_per_unit
        return wrap180(d) if self.full_circle else d

    def pan_delta_generic(self, pan: float, reference: float) -> float:
        """pan − reference in generic units, wrapped like `pan_delta_deg`."""
        if self.full_circle:
            return self.pan_delta_deg(pan, reference) / self.pan_deg_per_unit
        return pan - reference

    def bearing(self, pan: float) -> float:
        """The direction the camera looks at generic `pan`: degrees clockwise from
        plan north, [0, 360)."""
        return (self.heading_deg + self.pan_deg(pan)) % 360.0

    # zoom
    def fov_deg(self, zoom: float) -> float:
        """Generic zoom [0, 1] → horizontal field of view (degrees), interpolated
        linearly between the curve's points, constant beyond its ends."""
        zs = [z for z, _ in self.fov_curve]
        fovs = [f for _, f in self.fov_curve]
        if zoom <= zs[0]:
            return fovs[0]
        if zoom >= zs[-1]:
            return fovs[-1]
        i = bisect.bisect_right(zs, zoom)
        z0, z1, f0, f1 = zs[i - 1], zs[i], fovs[i - 1], fovs[i]
        return f0 + (f1 - f0) * (zoom - z0) / (z1 - z0)

    def zoom_for_fov(self, fov: float) -> float:
        """Horizontal field of view → generic zoom (the curve decreases strictly);
        a field wider or narrower than the lens gives the end of the range."""
        pts = self.fov_curve
        if len(pts) == 1 or fov >= pts[0][1]:
            return pts[0][0]
        if fov <= pts[-1][1]:
            return pts[-1][0]
        for (z0, f0), (z1, f1) in zip(pts, pts[1:], strict=False):
            if f1 <= fov <= f0:
                return z0 + (z1 - z0) * (f0 - fov) / (f0 - f1)
        return pts[-1][0]  # pragma: no cover - the curve is validated decreasing

    # the site plan
    def aim_at(self, x: float, y: float, z: float = 0.0) -> tuple[float, float | None]:
        """Generic (pan, tilt) that points the camera at plan point (x, y) at height z
        (tilt None without a tilt range). ValidationError outside the ranges."""
        dx, dy = x - self.plan_x, y - self.plan_y
        bearing = math.degrees(math.atan2(dx, dy))
        pan = self.pan_generic(wrap180(bearing - self.heading_deg))
        if not self.has_tilt_range:
            return pan, None
        tilt_deg = math.degrees(math.atan2(z - self.height_m, math.hypot(dx, dy)))
        return pan, self.tilt_generic(tilt_deg)

    def _need_pan(self) -> None:
        if not self.has_pan_range:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Camera {camera} has no pan range in its calibration."),
                camera=self.camera)

    def _need_tilt(self) -> None:
        if not self.has_tilt_range:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Camera {camera} has no tilt range in its calibration."),
                camera=self.camera)


def parse_fov_curve(value: Any) -> tuple[tuple[float, float], ...] | None:
    """"0:58; 0.5:15; 1:3.2" or [[0, 58], …] → points; None when malformed (the
    order and ranges are checked by the validation)."""
    pairs: list[Any]
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        pairs = []
        for part in text.replace("\n", ";").split(";"):
            if not part.strip():
                continue
            bits = part.split(":")
            if len(bits) != 2:
                return None
            pairs.append(bits)
    elif isinstance(value, list):
        pairs = [[p.get("zoom"), p.get("fov")] if isinstance(p, dict) else p for p in value]
    else:
        return None
    out = []
    for p in pairs:
        if not isinstance(p, list | tuple) or len(p) != 2:
            return None
        z, f = _to_float(p[0]), _to_float(p[1])
        if z is None or f is None:
            return None
        out.append((z, f))
    return tuple(out) or None


def format_fov_curve(curve: Sequence[tuple[float, float]]) -> str:
    return "; ".join(f"{z:g}:{f:g}" for z, f in curve)


# -- reference positions ------------------------------------------------------------------
@dataclass(frozen=True)
class WatchPosition:
    """A camera's watch position (see module doc)."""

    camera: str
    code: str
    name: str
    preset_token: str | None = None
    pan: float | None = None
    tilt: float | None = None
    zoom: float | None = None
    tol_pan: float = DEFAULT_TOLERANCE["tol_pan"]
    tol_tilt: float = DEFAULT_TOLERANCE["tol_tilt"]
    tol_zoom: float = DEFAULT_TOLERANCE["tol_zoom"]
    scale_lane: str | None = None
    scanner: str | None = None
    default: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.camera, self.code)

    @property
    def has_position(self) -> bool:
        return self.pan is not None and self.tilt is not None


#: The compared fields of a position and of a calibration (what `diff` reports).
POSITION_COMPARED = ("name", "preset_token", "pan", "tilt", "zoom", "tol_pan", "tol_tilt",
                     "tol_zoom", "scale_lane", "scanner", "default")
CALIBRATION_COMPARED = ("plan_x", "plan_y", "height_m", "heading_deg", "pan_min_deg",
                        "pan_max_deg", "tilt_min_deg", "tilt_max_deg", "fov_curve")
#: How the GUI names the compared fields in the diff (English source text).
FIELD_TEXTS = {
    "name": QT_TRANSLATE_NOOP("camera_map", "name"),
    "preset_token": QT_TRANSLATE_NOOP("camera_map", "preset"),
    "pan": QT_TRANSLATE_NOOP("camera_map", "pan"),
    "tilt": QT_TRANSLATE_NOOP("camera_map", "tilt"),
    "zoom": QT_TRANSLATE_NOOP("camera_map", "zoom"),
    "tol_pan": QT_TRANSLATE_NOOP("camera_map", "pan tolerance"),
    "tol_tilt": QT_TRANSLATE_NOOP("camera_map", "tilt tolerance"),
    "tol_zoom": QT_TRANSLATE_NOOP("camera_map", "zoom tolerance"),
    "scale_lane": QT_TRANSLATE_NOOP("camera_map", "scale lane"),
    "scanner": QT_TRANSLATE_NOOP("camera_map", "scanner"),
    "default": QT_TRANSLATE_NOOP("camera_map", "default position"),
    "plan_x": QT_TRANSLATE_NOOP("camera_map", "plan x (m)"),
    "plan_y": QT_TRANSLATE_NOOP("camera_map", "plan y (m)"),
    "height_m": QT_TRANSLATE_NOOP("camera_map", "height (m)"),
    "heading_deg": QT_TRANSLATE_NOOP("camera_map", "heading at pan 0 (°)"),
    "pan_min_deg": QT_TRANSLATE_NOOP("camera_map", "pan from (°)"),
    "pan_max_deg": QT_TRANSLATE_NOOP("camera_map", "pan to (°)"),
    "tilt_min_deg": QT_TRANSLATE_NOOP("camera_map", "tilt from (°)"),
    "tilt_max_deg": QT_TRANSLATE_NOOP("camera_map", "tilt to (°)"),
    "fov_curve": QT_TRANSLATE_NOOP("camera_map", "zoom → field of view"),
}


@dataclass(frozen=True)
class CameraMapData:
    """A validated camera map: from a file (`filename`, `sha256`…) or a stored
    version."""

    positions: tuple[WatchPosition, ...]
    calibrations: tuple[Calibration, ...]
    filename: str = ""
    file_format: str = ""
    sha256: str = ""
    size_bytes: int = 0

    @property
    def cameras(self) -> list[str]:
        return sorted({p.camera for p in self.positions} | {c.camera for c in self.calibrations})

    def positions_of(self, camera: str) -> list[WatchPosition]:
        return [p for p in self.positions if p.camera == camera]

    def calibration_of(self, camera: str) -> Calibration | None:
        return next((c for c in self.calibrations if c.camera == camera), None)


# -- parsing ------------------------------------------------------------------------------
@dataclass
class RawRecord:
    """One record of a file before validation, with where it was found."""

    record: str            # position | calibration
    values: dict[str, Any]
    where: str | int       # line number, or "sheet:row"


@dataclass
class CameraMapFile:
    filename: str
    file_format: str
    sha256: str
    size_bytes: int
    records: list[RawRecord] = field(default_factory=list)


def _problem(filename: str, where: str | int, template: str,
             values: dict[str, Any] | None = None) -> tuple[str, str | int, str, dict[str, Any]]:
    return (filename, where, template, values or {})


def _read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ImportFileError([(Path(path).name, 0, str(exc))]) from exc


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "the file is not UTF-8 text"))]) from exc


def _cell(value: Any) -> Any:
    """A cell as the validation wants it: stripped text, numbers as they are,
    empty → dropped (None)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = nfc(value).strip()
        return value or None
    return value


def parse_csv_bytes(raw: bytes, name: str) -> CameraMapFile:
    text = _decode(raw, name)
    out = CameraMapFile(name, "csv", hashlib.sha256(raw).hexdigest(), len(raw))
    reader = csv.DictReader(io.StringIO(text))
    columns = [(c or "").strip() for c in reader.fieldnames or []]
    if "record" not in columns or "camera" not in columns:
        missing = [c for c in ("record", "camera") if c not in columns]
        raise ImportFileError([_problem(name, 1, QT_TRANSLATE_NOOP(
            "errors", "missing column(s): {columns}"), {"columns": ", ".join(missing)})])
    unknown = [c for c in columns if c and c not in CSV_FIELDS]
    if unknown:
        raise ImportFileError([_problem(name, 1, QT_TRANSLATE_NOOP(
            "errors", "unknown column(s): {columns}"), {"columns": ", ".join(unknown)})])
    problems = []
    for row in reader:
        line = reader.line_num
        if None in row:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "more cells than columns")))
        values = {k.strip(): _cell(v) for k, v in row.items() if k and isinstance(v, str)}
        values = {k: v for k, v in values.items() if v is not None}
        if not values:
            continue  # an empty line
        kind = str(values.pop("record", "")).lower()
        if kind not in RECORDS:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "record must be one of {values}"), {"values": ", ".join(RECORDS)}))
            continue
        allowed = POSITION_FIELDS if kind == "position" else CALIBRATION_FIELDS
        wrong = [k for k in values if k not in allowed]
        if wrong:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "column(s) {columns} do not apply to a {record} record"),
                {"columns": ", ".join(wrong), "record": kind}))
            continue
        out.records.append(RawRecord(kind, values, line))
    if problems:
        raise ImportFileError(problems)
    return out


def parse_json_bytes(raw: bytes, name: str) -> CameraMapFile:
    text = _decode(raw, name)
    out = CameraMapFile(name, "json", hashlib.sha256(raw).hexdigest(), len(raw))
    try:
        doc = _LineDecoder().decode(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError([(name, exc.lineno, exc.msg)]) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("cameras"), list):
        raise ImportFileError([_problem(name, 1, QT_TRANSLATE_NOOP(
            "errors", "the file must hold an object with a \"cameras\" list"))])
    problems = []
    if doc.get("version", 1) != 1:
        problems.append(_problem(name, doc["__line__"], QT_TRANSLATE_NOOP(
            "errors", "unsupported version {version}"), {"version": doc.get("version")}))
    for item in doc["cameras"]:
        if not isinstance(item, dict):
            problems.append(_problem(name, doc["__line__"], QT_TRANSLATE_NOOP(
                "errors", "a camera must be an object")))
            continue
        line = item["__line__"]
        unknown = sorted(k for k in item if k not in ("camera", "calibration", "positions",
                                                       "__line__"))
        if unknown:
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "unknown field(s): {columns}"), {"columns": ", ".join(unknown)}))
        camera = _cell(item.get("camera"))
        cal = item.get("calibration")
        if cal is not None:
            if not isinstance(cal, dict):
                problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                    "errors", "the calibration must be an object")))
            else:
                out.records.append(_json_record("calibration", cal, camera, name, problems))
        positions = item.get("positions") or []
        if not isinstance(positions, list):
            problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                "errors", "the positions must be a list")))
            positions = []
        for p in positions:
            if not isinstance(p, dict):
                problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
                    "errors", "a position must be an object")))
                continue
            out.records.append(_json_record("position", p, camera, name, problems))
        if cal is None and not positions:
            out.records.append(RawRecord("empty", {"camera": camera}, line))
    if problems:
        raise ImportFileError(problems)
    return out


def _json_record(kind: str, obj: dict[str, Any], camera: Any, name: str,
                 problems: list[tuple]) -> RawRecord:  # type: ignore[type-arg]
    line = obj["__line__"]
    allowed = POSITION_FIELDS if kind == "position" else CALIBRATION_FIELDS
    unknown = sorted(k for k in obj if k != "__line__" and (k == "camera" or k not in allowed))
    if unknown:
        problems.append(_problem(name, line, QT_TRANSLATE_NOOP(
            "errors", "unknown field(s): {columns}"), {"columns": ", ".join(unknown)}))
    values = {k: _cell(v) for k, v in obj.items() if k != "__line__"}
    values = {k: v for k, v in values.items() if v is not None}
    if camera is not None:
        values["camera"] = camera
    return RawRecord(kind, values, line)


def parse_xlsx_bytes(raw: bytes, name: str) -> CameraMapFile:
    import openpyxl  # noqa: PLC0415 - loaded only for XLSX files
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    out = CameraMapFile(name, "xlsx", hashlib.sha256(raw).hexdigest(), len(raw))
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError, EOFError) as exc:
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "not a readable XLSX workbook ({detail})"), {"detail": str(exc)})]) \
            from exc
    except Exception as exc:  # noqa: BLE001 - zipfile.BadZipFile and friends
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "not a readable XLSX workbook ({detail})"), {"detail": str(exc)})]) \
            from exc
    try:
        problems: list[tuple] = []  # type: ignore[type-arg]
        sheets = {ws.title.strip().lower(): ws for ws in book.worksheets}
        if "positions" not in sheets:
            raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
                "errors", "the workbook needs a sheet named {sheet}"), {"sheet": "positions"})])
        for sheet, kind in SHEETS.items():
            ws = sheets.get(sheet)
            if ws is None:
                continue
            allowed = POSITION_FIELDS if kind == "position" else CALIBRATION_FIELDS
            rows = ws.iter_rows(values_only=True)
            header = next(rows, None)
            columns = [str(c).strip() if c is not None else "" for c in header or ()]
            while columns and not columns[-1]:
                columns.pop()
            unknown = [c for c in columns if c and c not in allowed]
            if unknown or "camera" not in columns:
                problems.append(_problem(name, f"{ws.title}:1", QT_TRANSLATE_NOOP(
                    "errors", "unknown column(s): {columns}") if unknown else QT_TRANSLATE_NOOP(
                    "errors", "missing column(s): {columns}"),
                    {"columns": ", ".join(unknown) if unknown else "camera"}))
                continue
            for number, row in enumerate(rows, start=2):
                cells = list(row)
                extra = [c for c in cells[len(columns):] if _cell(c) is not None]
                values = {c: _cell(v) for c, v in zip(columns, cells, strict=False) if c}
                values = {k: v for k, v in values.items() if v is not None}
                if extra:
                    problems.append(_problem(name, f"{ws.title}:{number}", QT_TRANSLATE_NOOP(
                        "errors", "more cells than columns")))
                if values:
                    out.records.append(RawRecord(kind, values, f"{ws.title}:{number}"))
        if problems:
            raise ImportFileError(problems)
    finally:
        book.close()
    return out


def parse_file(path: Path) -> CameraMapFile:
    """Read a camera-map file by its extension (.csv, .json, .xlsx)."""
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    raw = _read_bytes(path)
    if suffix == "json":
        return parse_json_bytes(raw, path.name)
    if suffix == "xlsx":
        return parse_xlsx_bytes(raw, path.name)
    if suffix == "csv":
        return parse_csv_bytes(raw, path.name)
    raise ImportFileError([_problem(path.name, 0, QT_TRANSLATE_NOOP(
        "errors", "unsupported file type (expected {values})"), {"values": ", ".join(FORMATS)})])


# -- validation ----------------------------------------------------------------------------
def _to_float(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")  # a decimal comma (Vietnamese spreadsheets)
        value = text
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _to_bool(value: Any) -> bool | None:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number in a spreadsheet
    text = nfc(str(value)).strip()
    return text or None


def validate(parsed: CameraMapFile, camera_kinds: dict[str, str]) -> CameraMapData:
    """Check every record against the rules and the camera registry (`camera_kinds`:
    code → kind); raise ImportFileError listing every problem, else the data."""
    name = parsed.filename
    problems: list[tuple] = []  # type: ignore[type-arg]
    positions: list[WatchPosition] = []
    calibrations: dict[str, Calibration] = {}
    seen_positions: set[tuple[str, str]] = set()
    defaults: dict[str, list[str]] = {}

    for rec in parsed.records:
        v, where = rec.values, rec.where

        def bad(template: str, _where: str | int = where, **values: Any) -> None:
            problems.append(_problem(name, _where, template, values))

        camera = _text(v.get("camera"))
        if camera is None:
            bad(QT_TRANSLATE_NOOP("errors", "a record without camera code"))
            continue
        kind = camera_kinds.get(camera)
        if kind is None:
            bad(QT_TRANSLATE_NOOP("errors", "unknown camera {camera}"), camera=camera)
            continue
        if rec.record == "empty":
            bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: neither calibration nor "
                                            "positions"), camera=camera)
            continue

        def number(key: str, low: float | None = None, high: float | None = None,
                   required: bool = False, _camera: str = camera,
                   _v: dict[str, Any] = v) -> float | None:
            if _v.get(key) is None:
                if required:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                        camera=_camera, field=key)
                return None
            f = _to_float(_v[key])
            if f is None or (low is not None and f < low - _EPS) or (
                    high is not None and f > high + _EPS):
                rng = f" ({low:g} … {high:g})" if low is not None and high is not None else ""
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} must be a "
                                                "number{range}"),
                    camera=_camera, field=key, range=rng)
                return None
            return f

        if rec.record == "position":
            code = _text(v.get("position"))
            pname = _text(v.get("name"))
            if code is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                    camera=camera, field="position")
                continue
            if len(code) > 40:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: position code {position} "
                                                "is longer than {limit} characters"),
                    camera=camera, position=code, limit=40)
            if (camera, code) in seen_positions:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: duplicate position "
                                                "{position}"), camera=camera, position=code)
            seen_positions.add((camera, code))
            if pname is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                    camera=camera, field="name")
            ptz = kind == "ptz"
            pan = number("pan", -1.0, 1.0, required=ptz)
            tilt = number("tilt", -1.0, 1.0, required=ptz)
            zoom = number("zoom", 0.0, 1.0)
            preset = _text(v.get("preset"))
            if not ptz and (v.get("pan") is not None or v.get("tilt") is not None
                            or v.get("zoom") is not None or preset):
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera} is not a PTZ camera: "
                                                "leave preset, pan, tilt and zoom empty"),
                    camera=camera)
            if preset is not None and len(preset) > 64:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: the preset token is longer "
                                                "than {limit} characters"),
                    camera=camera, limit=64)
            tols = {}
            for key, default in DEFAULT_TOLERANCE.items():
                t = number(key, 0.0, 2.0)
                if t is not None and t <= 0:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} must be above "
                                                    "zero"), camera=camera, field=key)
                tols[key] = default if t is None or t <= 0 else t
            is_default = _to_bool(v.get("default"))
            if is_default is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: default must be yes or no"),
                    camera=camera)
                is_default = False
            if is_default:
                defaults.setdefault(camera, []).append(code)
                if len(defaults[camera]) > 1:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: more than one default "
                                                    "position"), camera=camera)
            positions.append(WatchPosition(
                camera=camera, code=code, name=pname or "", preset_token=preset, pan=pan,
                tilt=tilt, zoom=zoom, scale_lane=_text(v.get("scale_lane")),
                scanner=_text(v.get("scanner")), default=is_default, **tols))
            for key in ("scale_lane", "scanner"):
                if (t := _text(v.get(key))) is not None and len(t) > 100:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is longer than "
                                                    "{limit} characters"),
                        camera=camera, field=key, limit=100)
        else:
            if camera in calibrations:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: a second calibration"),
                    camera=camera)
                continue
            ptz = kind == "ptz"
            nums = {
                "plan_x": number("plan_x", required=True),
                "plan_y": number("plan_y", required=True),
                "height": number("height", 0.0, 500.0, required=True),
                "heading": number("heading", 0.0, 360.0, required=True),
                "pan_min": number("pan_min", -360.0, 360.0, required=ptz),
                "pan_max": number("pan_max", -360.0, 360.0, required=ptz),
                "tilt_min": number("tilt_min", -180.0, 180.0, required=ptz),
                "tilt_max": number("tilt_max", -180.0, 180.0, required=ptz),
            }
            ok = True
            for lo, hi in (("pan_min", "pan_max"), ("tilt_min", "tilt_max")):
                a, b = nums[lo], nums[hi]
                if (v.get(lo) is None) != (v.get(hi) is None):
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: give both {low} and "
                                                    "{high}"), camera=camera, low=lo, high=hi)
                    ok = False
                elif a is not None and b is not None and a >= b:
                    bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {low} must be below "
                                                    "{high}"), camera=camera, low=lo, high=hi)
                    ok = False
            if nums["pan_min"] is not None and nums["pan_max"] is not None and \
                    nums["pan_max"] - nums["pan_min"] > 360.0 + _EPS:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: the pan range is more than "
                                                "360°"), camera=camera)
                ok = False
            curve = None
            if v.get("fov") is None:
                bad(QT_TRANSLATE_NOOP("errors", "camera {camera}: {field} is required"),
                    camera=camera, field="fov")
            else:
                curve = parse_fov_curve(v["fov"])
                why = _curve_problem(curve)
                if why:
                    bad(why, camera=camera)
                    curve = None
            if not ok or curve is None or any(
                    nums[k] is None for k in ("plan_x", "plan_y", "height", "heading")) or (
                    ptz and any(nums[k] is None for k in ("pan_min", "pan_max", "tilt_min",
                                                          "tilt_max"))):
                continue
            calibrations[camera] = Calibration(
                camera=camera, plan_x=nums["plan_x"], plan_y=nums["plan_y"],  # type: ignore
                height_m=nums["height"], heading_deg=nums["heading"] % 360.0,  # type: ignore
                pan_min_deg=nums["pan_min"], pan_max_deg=nums["pan_max"],
                tilt_min_deg=nums["tilt_min"], tilt_max_deg=nums["tilt_max"],
                fov_curve=curve)
    if problems:
        raise ImportFileError(problems)
    # The first position of a camera is its default when none is marked.
    marked = set(defaults)
    out_positions = []
    first_seen: set[str] = set()
    for p in positions:
        if p.camera not in marked and p.camera not in first_seen:
            p = replace(p, default=True)
        first_seen.add(p.camera)
        out_positions.append(p)
    if not out_positions and not calibrations:
        raise ImportFileError([_problem(name, 0, QT_TRANSLATE_NOOP(
            "errors", "the file holds no camera map records"))])
    return CameraMapData(tuple(out_positions), tuple(calibrations.values()),
                         filename=name, file_format=parsed.file_format, sha256=parsed.sha256,
                         size_bytes=parsed.size_bytes)


def _curve_problem(curve: tuple[tuple[float, float], ...] | None) -> str | None:
    if curve is None:
        return QT_TRANSLATE_NOOP("errors", "camera {camera}: the field-of-view curve must be "
                                           "zoom:degrees pairs, e.g. \"0:58; 1:3.2\"")
    zs = [z for z, _ in curve]
    fovs = [f for _, f in curve]
    if any(not 0.0 <= z <= 1.0 for z in zs) or any(not 0.0 < f < 180.0 for f in fovs):
        return QT_TRANSLATE_NOOP("errors", "camera {camera}: the field-of-view curve needs "
                                           "zoom in 0 … 1 and degrees between 0 and 180")
    if any(b <= a for a, b in zip(zs, zs[1:], strict=False)) or any(
            g >= f for f, g in zip(fovs, fovs[1:], strict=False)):
        return QT_TRANSLATE_NOOP("errors", "camera {camera}: along the field-of-view curve "
                                           "zoom must increase and the angle decrease")
    return None


# -- differences -----------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class PositionChange:
    old: WatchPosition
    new: WatchPosition
    changes: tuple[FieldChange, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.new.key


@dataclass(frozen=True)
class CalibrationChange:
    old: Calibration
    new: Calibration
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class CameraMapDiff:
    """What applying `data` changes against the version `base_version_id` (None:
    no version yet)."""

    base_version_id: int | None
    base_number: int | None
    added: tuple[WatchPosition, ...]
    removed: tuple[WatchPosition, ...]
    changed: tuple[PositionChange, ...]
    calibrations_added: tuple[Calibration, ...]
    calibrations_removed: tuple[Calibration, ...]
    calibrations_changed: tuple[CalibrationChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.calibrations_added
                    or self.calibrations_removed or self.calibrations_changed)

    def summary_vi(self) -> str:
        """One line for the version's record (Vietnamese)."""
        return (f"Vị trí quan sát: thêm {len(self.added)}, bỏ {len(self.removed)}, "
                f"sửa {len(self.changed)}; hiệu chỉnh camera: thêm "
                f"{len(self.calibrations_added)}, bỏ {len(self.calibrations_removed)}, sửa "
                f"{len(self.calibrations_changed)}")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _changes(old: Any, new: Any, names: Sequence[str]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(n, getattr(old, n), getattr(new, n)) for n in names
                 if not _same(getattr(old, n), getattr(new, n)))


def diff_data(current: CameraMapData, new: CameraMapData, base_version_id: int | None = None,
              base_number: int | None = None) -> CameraMapDiff:
    """Differences from `current` to `new` (positions by camera and position id,
    calibrations by camera), sorted by camera and position."""
    old_p = {p.key: p for p in current.positions}
    new_p = {p.key: p for p in new.positions}
    old_c = {c.camera: c for c in current.calibrations}
    new_c = {c.camera: c for c in new.calibrations}
    changed = []
    for key in sorted(old_p.keys() & new_p.keys()):
        ch = _changes(old_p[key], new_p[key], POSITION_COMPARED)
        if ch:
            changed.append(PositionChange(old_p[key], new_p[key], ch))
    cal_changed = []
    for cam in sorted(old_c.keys() & new_c.keys()):
        ch = _changes(old_c[cam], new_c[cam], CALIBRATION_COMPARED)
        if ch:
            cal_changed.append(CalibrationChange(old_c[cam], new_c[cam], ch))
    return CameraMapDiff(
        base_version_id=base_version_id, base_number=base_number,
        added=tuple(new_p[k] for k in sorted(new_p.keys() - old_p.keys())),
        removed=tuple(old_p[k] for k in sorted(old_p.keys() - new_p.keys())),
        changed=tuple(changed),
        calibrations_added=tuple(new_c[c] for c in sorted(new_c.keys() - old_c.keys())),
        calibrations_removed=tuple(old_c[c] for c in sorted(old_c.keys() - new_c.keys())),
        calibrations_changed=tuple(cal_changed))


# -- export ------------------------------------------------------------------------------------
def _position_row(p: WatchPosition) -> dict[str, Any]:
    return {"camera": p.camera, "position": p.code, "name": p.name, "preset": p.preset_token,
            "pan": p.pan, "tilt": p.tilt, "zoom": p.zoom, "tol_pan": p.tol_pan,
            "tol_tilt": p.tol_tilt, "tol_zoom": p.tol_zoom, "scale_lane": p.scale_lane,
            "scanner": p.scanner, "default": "yes" if p.default else "no"}


def _calibration_row(c: Calibration) -> dict[str, Any]:
    return {"camera": c.camera, "plan_x": c.plan_x, "plan_y": c.plan_y, "height": c.height_m,
            "heading": c.heading_deg, "pan_min": c.pan_min_deg, "pan_max": c.pan_max_deg,
            "tilt_min": c.tilt_min_deg, "tilt_max": c.tilt_max_deg,
            "fov": format_fov_curve(c.fov_curve)}


def export_csv(data: CameraMapData) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    w.writeheader()
    for c in data.calibrations:
        w.writerow({"record": "calibration", **{k: ("" if v is None else v)
                                                for k, v in _calibration_row(c).items()}})
    for p in data.positions:
        w.writerow({"record": "position", **{k: ("" if v is None else v)
                                             for k, v in _position_row(p).items()}})
    return buf.getvalue().encode("utf-8")


def export_json(data: CameraMapData) -> bytes:
    cams = []
    for code in data.cameras:
        item: dict[str, Any] = {"camera": code}
        cal = data.calibration_of(code)
        if cal is not None:
            row = _calibration_row(cal)
            row.pop("camera")
            row["fov"] = [[z, f] for z, f in cal.fov_curve]
            item["calibration"] = {k: v for k, v in row.items() if v is not None}
        positions = []
        for p in data.positions_of(code):
            row = _position_row(p)
            row.pop("camera")
            row["default"] = p.default
            positions.append({k: v for k, v in row.items() if v is not None})
        if positions:
            item["positions"] = positions
        cams.append(item)
    return (json.dumps({"version": 1, "cameras": cams}, ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")


def export_xlsx(data: CameraMapData) -> bytes:
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "positions"
    ws.append(list(POSITION_FIELDS))
    for p in data.positions:
        ws.append([_position_row(p)[k] for k in POSITION_FIELDS])
    ws = book.create_sheet("calibration")
    ws.append(list(CALIBRATION_FIELDS))
    for c in data.calibrations:
        ws.append([_calibration_row(c)[k] for k in CALIBRATION_FIELDS])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


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
