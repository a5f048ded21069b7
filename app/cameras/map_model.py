"""The camera map's model (Đ14.1.1b): calibrations and their pure conversions, the
watch positions, a map's data and the names of its fields. See app/cameras/map_service.py
for the whole story."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.db.changes import Topic
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.parsing import to_float

TOPIC = Topic.CAMERA_MAP
FORMATS = ("csv", "json", "xlsx")
REFERENCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "site" / "camera_map"
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
        z, f = to_float(p[0]), to_float(p[1])
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

