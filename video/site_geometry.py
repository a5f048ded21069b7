"""The site plan's geometry (issue 5 item 6), pure Python, no Qt: where a camera
looks on the plan, what it can see, which cameras are its neighbours, and how to aim
the PTZ cameras at a point. Also the plan files (`resources/site/plans/*.yaml`) and
their loader.

Conventions (the integrator maps the camera-map calibration onto them):

* Plan coordinates are metres: ``x`` to the east (right on the image), ``y`` to
  the north (up on the image). `SitePlan` places them on its image: the pixel of
  the plan's (0, 0) and the metres per pixel; the image's top is north.
* Bearings are degrees clockwise from north, in [0, 360).
* A PTZ camera's pan range is in degrees *relative to* ``heading_at_pan0_deg``,
  ``(min, max)`` with ``min < max`` (e.g. ``(-170, 170)`` or ``(0, 350)``); ONVIF's
  generic pan maps linearly onto it: -1 → min, +1 → max. So a camera with pan range
  ``(-90, 90)`` and heading 300° turns from 210° through north to 30°. A range of
  360° or more is an endless pan.
* Zoom is ONVIF's generic [0, 1]; the field-of-view curve gives the horizontal
  field of view (degrees) at some zooms, interpolated linearly between them.
* A fixed (or recognition, or mobile) camera has no pan range: it looks along its
  heading with the field of view of its zoom (or of the curve's first point).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from app.errors import QT_TRANSLATE_NOOP, ImportFileError
from app.parsing import load_yaml

Point = tuple[float, float]

PLANS_DIR = Path(__file__).resolve().parent.parent / "resources" / "site" / "plans"
KINDS = ("fixed", "ptz", "recognition", "mobile")
DEFAULT_FOV_CURVE: tuple[tuple[float, float], ...] = ((0.0, 60.0), (1.0, 60.0))
_EPS = 1e-9


# -- the records ----------------------------------------------------------------------
@dataclass(frozen=True)
class PlanCamera:
    """A camera as the site plan needs it: where it is mounted, where it looks,
    what it can reach; and its current PTZ position (generic spaces) if known."""

    code: str
    name: str
    kind: str                                   # fixed, ptz, recognition, mobile
    x_m: float
    y_m: float
    heading_at_pan0_deg: float
    pan_range_deg: tuple[float, float] | None = None   # None: the camera does not pan
    fov_curve: tuple[tuple[float, float], ...] = DEFAULT_FOV_CURVE  # (zoom, hfov °)
    range_m: float = 50.0                       # how far its field of view is drawn
    pan: float | None = None                    # generic [-1, 1]
    tilt: float | None = None                   # generic [-1, 1] (not used on the plan)
    zoom: float | None = None                   # generic [0, 1]

    @property
    def position(self) -> Point:
        return (self.x_m, self.y_m)

    @property
    def pans(self) -> bool:
        """A calibrated PTZ camera: it can be aimed from the plan."""
        return self.kind == "ptz" and self.pan_range_deg is not None

    def moved(self, pan: float | None, tilt: float | None, zoom: float | None) -> PlanCamera:
        return replace(self, pan=pan, tilt=tilt, zoom=zoom)


@dataclass(frozen=True)
class SitePlan:
    """A site's plan: the image, its scale and where plan (0, 0) sits on it."""

    site: str
    image: Path
    metres_per_pixel: float
    origin_px: Point = (0.0, 0.0)     # the pixel of plan (0, 0) m

    def to_pixel(self, p: Point) -> Point:
        return (self.origin_px[0] + p[0] / self.metres_per_pixel,
                self.origin_px[1] - p[1] / self.metres_per_pixel)

    def to_metres(self, px: Point) -> Point:
        return ((px[0] - self.origin_px[0]) * self.metres_per_pixel,
                (self.origin_px[1] - px[1]) * self.metres_per_pixel)


@dataclass(frozen=True)
class Aim:
    """Where a PTZ camera must turn to look at a point."""

    code: str
    pan: float          # generic [-1, 1]
    zoom: float         # generic [0, 1]
    bearing_deg: float
    distance_m: float


@dataclass(frozen=True)
class Neighbour:
    """A camera near a camera or a point: how far, how much of the field of view
    it covers (0..1), and whether it can see the point."""

    code: str
    distance_m: float
    overlap: float = 0.0
    sees: bool = False


# -- angles ---------------------------------------------------------------------------
def normalize(deg: float) -> float:
    """An angle in [0, 360)."""
    d = math.fmod(deg, 360.0)
    if d < 0:
        d += 360.0
    return 0.0 if d >= 360.0 - 1e-12 else d


def angle_diff(a: float, b: float) -> float:
    """a − b as the shortest signed turn, in (-180, 180]."""
    d = normalize(a - b)
    return d - 360.0 if d > 180.0 else d


def bearing(frm: Point, to: Point) -> float:
    """The bearing from `frm` to `to` (degrees clockwise from north)."""
    return normalize(math.degrees(math.atan2(to[0] - frm[0], to[1] - frm[1])))


def distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def offset(p: Point, bearing_deg: float, dist: float) -> Point:
    r = math.radians(bearing_deg)
    return (p[0] + dist * math.sin(r), p[1] + dist * math.cos(r))


# -- pan and zoom -------------------------------------------------------------------------
def _clamp(v: float, lo: float, hi: float) -> float:
    return lo if v < lo else hi if v > hi else v


def pan_to_bearing(cam: PlanCamera, pan: float | None = None) -> float:
    """The bearing a camera looks along at generic pan `pan` (its current pan when
    None; pan 0 for a PTZ camera that reports none). Fixed cameras: their heading."""
    if cam.pan_range_deg is None:
        return normalize(cam.heading_at_pan0_deg)
    p = cam.pan if pan is None else pan
    p = _clamp(0.0 if p is None else p, -1.0, 1.0)
    lo, hi = cam.pan_range_deg
    return normalize(cam.heading_at_pan0_deg + lo + (p + 1.0) / 2.0 * (hi - lo))


def bearing_to_pan(cam: PlanCamera, bearing_deg: float, near: float | None = None) -> float | None:
    """The generic pan that points `cam` along `bearing_deg`, or None when the bearing
    is outside its pan range. With an endless range several pans fit: the one nearest
    `near` (default: the camera's current pan, else 0) is chosen."""
    if cam.pan_range_deg is None:
        return None
    lo, hi = cam.pan_range_deg
    width = hi - lo
    if width <= 0:
        return None
    rel = normalize(bearing_deg - cam.heading_at_pan0_deg)
    # every offset lo ≤ rel + 360k ≤ hi (with a little tolerance at the ends)
    k = math.ceil((lo - rel - 1e-7) / 360.0)
    candidates = []
    while rel + 360.0 * k <= hi + 1e-7:
        o = _clamp(rel + 360.0 * k, lo, hi)
        candidates.append(2.0 * (o - lo) / width - 1.0)
        k += 1
    if not candidates:
        return None
    ref = near if near is not None else (cam.pan if cam.pan is not None else 0.0)
    return min(candidates, key=lambda c: abs(c - ref))


def in_pan_range(cam: PlanCamera, bearing_deg: float) -> bool:
    return bearing_to_pan(cam, bearing_deg) is not None


def _curve(cam: PlanCamera) -> list[tuple[float, float]]:
    pts = sorted(cam.fov_curve or DEFAULT_FOV_CURVE)
    return pts if pts else list(DEFAULT_FOV_CURVE)


def zoom_to_hfov(cam: PlanCamera, zoom: float | None = None) -> float:
    """The horizontal field of view (degrees) at generic zoom `zoom` (the current
    zoom when None; the curve's first point when the camera reports none),
    interpolated linearly along the calibration curve and clamped to its ends."""
    pts = _curve(cam)
    z = cam.zoom if zoom is None else zoom
    if z is None:
        return pts[0][1]
    if z <= pts[0][0]:
        return pts[0][1]
    if z >= pts[-1][0]:
        return pts[-1][1]
    for (z0, f0), (z1, f1) in zip(pts, pts[1:], strict=False):
        if z0 <= z <= z1:
            if z1 - z0 < _EPS:
                return f1
            return f0 + (f1 - f0) * (z - z0) / (z1 - z0)
    return pts[-1][1]  # pragma: no cover - the loop always returns


def hfov_to_zoom(cam: PlanCamera, hfov_deg: float) -> float:
    """The generic zoom giving a horizontal field of view of `hfov_deg` (the curve
    narrows as zoom grows); clamped to the widest and the narrowest the camera has."""
    pts = _curve(cam)
    widest = max(pts, key=lambda p: (p[1], -p[0]))
    narrowest = min(pts, key=lambda p: (p[1], -p[0]))
    if hfov_deg >= widest[1]:
        return widest[0]
    if hfov_deg <= narrowest[1]:
        return narrowest[0]
    for (z0, f0), (z1, f1) in zip(pts, pts[1:], strict=False):
        if min(f0, f1) <= hfov_deg <= max(f0, f1) and abs(f1 - f0) > _EPS:
            return z0 + (z1 - z0) * (hfov_deg - f0) / (f1 - f0)
    return narrowest[0]  # pragma: no cover


def hfov_for_width(width_m: float, distance_m: float) -> float:
    """The field of view (degrees) that spans `width_m` at `distance_m`."""
    return math.degrees(2.0 * math.atan2(width_m / 2.0, max(distance_m, _EPS)))


# -- fields of view -------------------------------------------------------------------------
def _arc(centre: Point, start_deg: float, sweep_deg: float, radius: float,
         step_deg: float) -> list[Point]:
    n = max(2, int(math.ceil(abs(sweep_deg) / step_deg)) + 1)
    return [offset(centre, start_deg + sweep_deg * i / (n - 1), radius) for i in range(n)]


def fov_polygon(cam: PlanCamera, pan: float | None = None, zoom: float | None = None,
                step_deg: float = 3.0) -> list[Point]:
    """The field of view as a sector from the mounting point, in plan metres:
    the mounting point, then the arc at `range_m` clockwise from left to right edge."""
    centre = pan_to_bearing(cam, pan)
    hfov = min(zoom_to_hfov(cam, zoom), 359.0)
    return [cam.position, *_arc(cam.position, centre - hfov / 2.0, hfov, cam.range_m, step_deg)]


def reach_polygon(cam: PlanCamera, step_deg: float = 5.0) -> list[Point]:
    """What a PTZ camera can cover by panning (its pan range widened by half its
    widest field of view on each side), in plan metres; the FOV sector otherwise."""
    if cam.pan_range_deg is None:
        return fov_polygon(cam)
    lo, hi = cam.pan_range_deg
    half = max(f for _, f in _curve(cam)) / 2.0
    sweep = (hi - lo) + 2.0 * half
    if sweep >= 360.0:
        return _arc(cam.position, 0.0, 360.0, cam.range_m, step_deg)[:-1]
    start = cam.heading_at_pan0_deg + lo - half
    return [cam.position, *_arc(cam.position, start, sweep, cam.range_m, step_deg)]


def in_sector(cam: PlanCamera, point: Point, pan: float | None = None,
              zoom: float | None = None) -> bool:
    """Is `point` inside the camera's field of view at (pan, zoom)?"""
    d = distance(cam.position, point)
    if d > cam.range_m + 1e-7:
        return False
    if d < 1e-6:
        return True
    half = zoom_to_hfov(cam, zoom) / 2.0
    return abs(angle_diff(bearing(cam.position, point), pan_to_bearing(cam, pan))) <= half + 1e-7


def can_see(cam: PlanCamera, point: Point) -> bool:
    """A calibrated PTZ camera sees a point within its range whose bearing lies in
    its pan range (it can be turned to centre it); any other camera sees what is
    inside its current field of view."""
    if not cam.pans:
        return in_sector(cam, point)
    d = distance(cam.position, point)
    if d > cam.range_m + 1e-7:
        return False
    return d < 1e-6 or in_pan_range(cam, bearing(cam.position, point))


def cameras_seeing(cameras: Iterable[PlanCamera], point: Point) -> list[PlanCamera]:
    """The cameras that can see `point`, nearest first."""
    seeing = [c for c in cameras if can_see(c, point)]
    return sorted(seeing, key=lambda c: (distance(c.position, point), c.code))


# -- aiming -------------------------------------------------------------------------------
def aim(cam: PlanCamera, point: Point, width_m: float | None = None) -> Aim | None:
    """The generic pan (and zoom) turning a calibrated PTZ camera onto `point`, or None
    if it cannot see it. With `width_m` the zoom frames that width at the point's
    distance; without, the current zoom is kept (0 if unknown)."""
    if not cam.pans or not can_see(cam, point):
        return None
    d = distance(cam.position, point)
    b = bearing(cam.position, point) if d >= 1e-6 else pan_to_bearing(cam)
    pan = bearing_to_pan(cam, b)
    if pan is None:  # pragma: no cover - can_see said it is in range
        return None
    if width_m is not None and width_m > 0:
        zoom = hfov_to_zoom(cam, hfov_for_width(width_m, d))
    else:
        zoom = cam.zoom if cam.zoom is not None else 0.0
    return Aim(cam.code, pan, _clamp(zoom, 0.0, 1.0), b, d)


def aims(cameras: Iterable[PlanCamera], point: Point,
         width_m: float | None = None) -> list[Aim]:
    """Aims for every calibrated PTZ camera that can see `point`, nearest first."""
    out = [a for c in cameras if (a := aim(c, point, width_m)) is not None]
    return sorted(out, key=lambda a: (a.distance_m, a.code))


# -- neighbours -----------------------------------------------------------------------------
def _sector_samples(cam: PlanCamera, rings: int = 8, rays: int = 12) -> list[Point]:
    """Points spread evenly by area over the camera's current field of view."""
    centre = pan_to_bearing(cam)
    hfov = min(zoom_to_hfov(cam), 359.0)
    pts = []
    for i in range(rings):
        r = cam.range_m * math.sqrt((i + 0.5) / rings)
        for j in range(rays):
            pts.append(offset(cam.position, centre - hfov / 2 + hfov * (j + 0.5) / rays, r))
    return pts


def coverage_overlap(cam: PlanCamera, other: PlanCamera) -> float:
    """The share (0..1) of `cam`'s current field of view that `other` can see."""
    samples = _sector_samples(cam)
    return sum(1 for p in samples if can_see(other, p)) / len(samples)


def neighbours_of_camera(cameras: Iterable[PlanCamera], code: str,
                         near_m: float = 40.0) -> list[Neighbour]:
    """The cameras that can see part of `code`'s field of view, or are mounted within
    `near_m` of it: most overlap first, then nearest."""
    cams = list(cameras)
    me = next((c for c in cams if c.code == code), None)
    if me is None:
        return []
    out = []
    for c in cams:
        if c.code == code:
            continue
        d = distance(me.position, c.position)
        ov = coverage_overlap(me, c)
        if ov > 0 or d <= near_m:
            out.append(Neighbour(c.code, d, ov, sees=False))
    return sorted(out, key=lambda n: (-round(n.overlap, 6), n.distance_m, n.code))


def neighbours_of_point(cameras: Iterable[PlanCamera], point: Point,
                        near_m: float = 0.0) -> list[Neighbour]:
    """The cameras that can see `point` (nearest first), then those mounted within
    `near_m` of it that cannot."""
    out = []
    for c in cameras:
        d = distance(c.position, point)
        sees = can_see(c, point)
        if sees or d <= near_m:
            out.append(Neighbour(c.code, d, 1.0 if sees else 0.0, sees))
    return sorted(out, key=lambda n: (not n.sees, n.distance_m, n.code))


# -- plan files -----------------------------------------------------------------------------
@dataclass
class _Problems:
    filename: str
    items: list[tuple[str, int, str, dict[str, Any]]] = field(default_factory=list)

    def add(self, line: int, template: str, **values: Any) -> None:
        self.items.append((self.filename, line, template, values))


def _number(v: Any) -> float | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    f = float(v)
    return f if math.isfinite(f) else None


def _parse_camera(item: Any, problems: _Problems) -> PlanCamera | None:
    if not isinstance(item, dict):
        problems.add(0, QT_TRANSLATE_NOOP("errors", "a camera must be a mapping"))
        return None
    line = int(item.get("__line__", 0))
    code = str(item.get("code") or "")
    bad_count = len(problems.items)

    def bad(template: str, **values: Any) -> None:
        problems.add(line, template, code=code, **values)

    if not code:
        bad(QT_TRANSLATE_NOOP("errors", "camera without code"))
    kind = item.get("kind", "fixed")
    if kind not in KINDS:
        bad(QT_TRANSLATE_NOOP("errors", "camera {code}: kind must be one of {values}"),
            values=", ".join(KINDS))
    nums: dict[str, float] = {}
    for key, default in (("x_m", None), ("y_m", None), ("heading_deg", None),
                         ("range_m", 50.0)):
        raw = item.get(key, default)
        f = _number(raw)
        if f is None or (key == "range_m" and f <= 0):
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: {field} must be a number{range}"),
                field=key, range=" (> 0)" if key == "range_m" else "")
        else:
            nums[key] = f
    pan_range = None
    raw_range = item.get("pan_range_deg")
    if raw_range is not None:
        vals = [_number(v) for v in raw_range] if isinstance(raw_range, list) else []
        if len(vals) != 2 or None in vals or vals[0] >= vals[1]:  # type: ignore[operator]
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: pan_range_deg must be [min, max] "
                                            "in degrees with min < max"))
        else:
            pan_range = (float(vals[0]), float(vals[1]))  # type: ignore[arg-type]
    curve: list[tuple[float, float]] = []
    raw_fov = item.get("fov", [[0.0, 60.0], [1.0, 60.0]])
    if isinstance(raw_fov, int | float) and not isinstance(raw_fov, bool):
        raw_fov = [[0.0, raw_fov], [1.0, raw_fov]]
    ok = isinstance(raw_fov, list) and bool(raw_fov)
    for pt in raw_fov if ok else []:
        vals = [_number(v) for v in pt] if isinstance(pt, list) else []
        if len(vals) != 2 or None in vals or not 0 <= vals[0] <= 1 \
                or not 0 < vals[1] < 360:  # type: ignore[operator]
            ok = False
            break
        curve.append((float(vals[0]), float(vals[1])))  # type: ignore[arg-type]
    if not ok:
        bad(QT_TRANSLATE_NOOP("errors", "camera {code}: fov must be a list of [zoom 0…1, "
                                        "horizontal field of view in degrees]"))
    position = {}
    for key, lo in (("pan", -1.0), ("tilt", -1.0), ("zoom", 0.0)):
        if item.get(key) is None:
            continue
        f = _number(item[key])
        if f is None or not lo <= f <= 1.0:
            bad(QT_TRANSLATE_NOOP("errors", "camera {code}: {field} must be a number{range}"),
                field=key, range=f" ({lo:g} … 1)")
        else:
            position[key] = f
    if len(problems.items) > bad_count:
        return None
    return PlanCamera(code=code, name=str(item.get("name") or code), kind=kind,
                      x_m=nums["x_m"], y_m=nums["y_m"],
                      heading_at_pan0_deg=normalize(nums["heading_deg"]),
                      pan_range_deg=pan_range, fov_curve=tuple(sorted(curve)),
                      range_m=nums["range_m"], pan=position.get("pan"),
                      tilt=position.get("tilt"), zoom=position.get("zoom"))


def load_site_plan(path: Path) -> tuple[SitePlan, list[PlanCamera]]:
    """A site plan file: the site, the image (relative to the file), its scale, the
    pixel of plan (0, 0), and its cameras. Every problem is reported with its line
    (ImportFileError); nothing is returned half-read."""
    path = Path(path)
    problems = _Problems(path.name)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError([(path.name, 0, str(exc))]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ImportFileError([(path.name, (mark.line + 1) if mark else 0,
                                str(getattr(exc, "problem", exc)))]) from exc
    if not isinstance(raw, dict):
        raise ImportFileError([(path.name, 1, QT_TRANSLATE_NOOP(
            "errors", "the file must hold a mapping with site, image, metres_per_pixel "
                      "and cameras"))])
    for key in ("site", "image"):
        if not str(raw.get(key) or "").strip():
            problems.add(1, QT_TRANSLATE_NOOP("errors", "{field} is required"), field=key)
    mpp = _number(raw.get("metres_per_pixel"))
    if mpp is None or mpp <= 0:
        problems.add(1, QT_TRANSLATE_NOOP("errors", "metres_per_pixel must be a positive "
                                                    "number"))
    origin = raw.get("origin_px", [0, 0])
    ovals = [_number(v) for v in origin] if isinstance(origin, list) else []
    if len(ovals) != 2 or None in ovals:
        problems.add(1, QT_TRANSLATE_NOOP("errors", "origin_px must be [x, y] in pixels"))
    cams: list[PlanCamera] = []
    seen: set[str] = set()
    raw_cams = raw.get("cameras") or []
    if not isinstance(raw_cams, list):
        problems.add(1, QT_TRANSLATE_NOOP("errors", "cameras must be a list"))
        raw_cams = []
    for item in raw_cams:
        cam = _parse_camera(item, problems)
        if cam is None:
            continue
        if cam.code in seen:
            problems.add(int(item.get("__line__", 0)), QT_TRANSLATE_NOOP(
                "errors", "duplicate camera code {code}"), code=cam.code)
        seen.add(cam.code)
        cams.append(cam)
    if problems.items:
        raise ImportFileError(problems.items)
    plan = SitePlan(site=str(raw["site"]).strip(), image=path.parent / str(raw["image"]),
                    metres_per_pixel=float(mpp),  # type: ignore[arg-type]
                    origin_px=(float(ovals[0]), float(ovals[1])))  # type: ignore[arg-type]
    return plan, cams


def demo_plan_files() -> list[Path]:
    """The demo sites' plan files, in name order."""
    return sorted(PLANS_DIR.glob("*.yaml"))


def load_demo_plans() -> dict[str, tuple[SitePlan, list[PlanCamera]]]:
    """The demo plans by site name."""
    out = {}
    for path in demo_plan_files():
        plan, cams = load_site_plan(path)
        out[plan.site] = (plan, cams)
    return out


def from_registry(camera: Any, fov_deg: float = 60.0, range_m: float = 50.0) -> PlanCamera | None:
    """A registry camera (app.cameras.registry: code, name, kind, plan_x, plan_y, heading) as a
    plan camera without calibration (no pan range, a constant field of view); None
    when it has no plan position. The camera map's calibration, when there is one,
    is mapped by the caller instead."""
    if getattr(camera, "plan_x", None) is None or getattr(camera, "plan_y", None) is None:
        return None
    return PlanCamera(code=camera.code, name=camera.name, kind=camera.kind,
                      x_m=float(camera.plan_x), y_m=float(camera.plan_y),
                      heading_at_pan0_deg=normalize(float(camera.heading or 0.0)),
                      fov_curve=((0.0, fov_deg), (1.0, fov_deg)), range_m=range_m)


def by_code(cameras: Sequence[PlanCamera]) -> dict[str, PlanCamera]:
    return {c.code: c for c in cameras}


__all__ = [
    "Aim", "Neighbour", "PlanCamera", "SitePlan", "aim", "aims", "angle_diff", "bearing",
    "bearing_to_pan", "by_code", "cameras_seeing", "can_see", "coverage_overlap",
    "demo_plan_files", "distance", "from_registry", "fov_polygon", "hfov_for_width", "hfov_to_zoom",
    "in_pan_range", "in_sector", "load_demo_plans", "load_site_plan", "neighbours_of_camera",
    "neighbours_of_point", "normalize", "offset", "pan_to_bearing", "reach_polygon",
    "zoom_to_hfov",
]
