"""The image check of a watch position (issue 5, point 5): the live frame of a fixed or
PTZ camera compared with the reference image of the position.

Owns: `DriftThresholds` (the configurable limits, validated), `compare()` (pure: two
rgb24 frames in, a `DriftReport` out), `prepare_reference()` (the reference's features
computed once, for checking many frames or cameras), `overlay()` (an rgb24 picture of
the reference's and the live frame's edges for the GUI) and `summary_vi()` (the finding
as Vietnamese record text for the duty log and the notice). No Qt, no database.

The four checks, each with its own verdict:

* exposure: brightness statistics of the live frame against the reference's (mean,
  share of near-black and near-white pixels) → blackout or glare; a frame without any
  coarse detail (a uniform grey "no signal" picture, even with sensor noise) cannot be
  compared;
* geometry: ORB features, Lowe's ratio test, a RANSAC homography from the reference to
  the live frame; read at the frame centre as shift (% of the width/height, the way the
  picture's content moved), rotation (degrees, counter-clockwise positive) and scale
  (>1: zoomed in) → drift; features on both sides but none consistent → drift ("points
  elsewhere"); too few features in either frame → cannot_compare;
* sharpness: variance of the Laplacian of the lightly smoothed, brightness-normalised
  frame at half the smaller resolution, relative to the reference's → blur (defocus, a
  dirty or misted lens);
* obstruction: the live frame warped onto the reference with the homography, then per
  block (16 columns, compared at half the working size) normalised cross-correlation
  with a few pixels of slack, texture lost or gained, or a flat block's brightness
  changed beyond the global change → the largest connected area of differing blocks, as
  a share of the frame.

The overall verdict is the most serious one: blackout/glare/no detail, then blur, drift,
obstruction, then cannot_compare.

Both frames are brought to one working size first (at most 640 pixels wide, never
enlarged; the live frame is resized to the reference's working size even when its
aspect differs, as an anamorphic sub-stream of the same field of view would be), so a
reference from the main stream is compared with a live frame from the sub-stream.
Global brightness is normalised (mean and spread matched) before the geometry,
sharpness and obstruction checks, and the images are smoothed slightly, so sensor noise,
±30 % brightness and small shifts inside the tolerance are not reported.

Limits: a reference shows one lighting; a daylight reference against a night picture
is a blackout (keep a night reference per position if needed). Moved goods in a yard
show as differing blocks: the obstruction limit is on the largest connected area.

Measured here (2 cores shared with other work, load average 6–8): a 1280×720 reference
against a 640×360 live frame costs ≈ 30 ms of CPU; wall-clock 43 ms p50, 49–69 ms p95
(up to ≈ 225 ms p95 while the machine was at load 8); 1920×1080 against 1920×1080
45–54 ms p50 (`python -m benchmarks.drift`)."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum

import cv2
import numpy as np

from app.errors import QT_TRANSLATE_NOOP, ValidationError

log = logging.getLogger("customs.video.drift")

CONTEXT = "drift"
WORK_MAX_WIDTH = 640           # working width: the usual sub-stream's
MIN_FRAME_SIDE = 64            # below this a frame cannot be compared
GRID_COLUMNS = 16              # obstruction blocks across the working frame
NEAR_BLACK = 16                # grey level at or below which a pixel is "near black"
NEAR_WHITE = 250               # grey level at or above which a pixel is "near white"
NO_DETAIL_STD = 3.0            # coarse grey spread under which a frame is uniform (no picture)


class Verdict(StrEnum):
    OK = "ok"
    DRIFT = "drift"
    BLUR = "blur"
    BLACKOUT = "blackout"
    GLARE = "glare"
    OBSTRUCTION = "obstruction"
    CANNOT_COMPARE = "cannot_compare"


class Reason(StrEnum):
    """Why a check could not be made (or, for NO_MATCH, why the view is judged moved)."""

    FRAME_TOO_SMALL = "frame_too_small"
    NO_DETAIL_REFERENCE = "no_detail_reference"
    NO_DETAIL_LIVE = "no_detail_live"
    FEW_FEATURES_REFERENCE = "few_features_reference"
    FEW_FEATURES_LIVE = "few_features_live"
    NO_MATCH = "no_match"                  # features on both sides, none consistent
    NOT_ALIGNED = "not_aligned"            # obstruction: no homography to align with
    TOO_LITTLE_OVERLAP = "too_little_overlap"
    EXPOSURE = "exposure"                  # skipped: the picture is black or dazzled


FAULTS = frozenset({Verdict.DRIFT, Verdict.BLUR, Verdict.BLACKOUT, Verdict.GLARE,
                    Verdict.OBSTRUCTION})


class Check(StrEnum):
    EXPOSURE = "exposure"
    GEOMETRY = "geometry"
    SHARPNESS = "sharpness"
    OBSTRUCTION = "obstruction"


# Overall verdict: the first check (in this order) whose verdict is in the set wins.
_PRIORITY: tuple[tuple[Check, frozenset[Verdict]], ...] = (
    (Check.EXPOSURE, frozenset({Verdict.BLACKOUT, Verdict.GLARE, Verdict.CANNOT_COMPARE})),
    (Check.SHARPNESS, frozenset({Verdict.BLUR})),
    (Check.GEOMETRY, frozenset({Verdict.DRIFT})),
    (Check.OBSTRUCTION, frozenset({Verdict.OBSTRUCTION})),
    (Check.GEOMETRY, frozenset({Verdict.CANNOT_COMPARE})),
    (Check.SHARPNESS, frozenset({Verdict.CANNOT_COMPARE})),
    (Check.OBSTRUCTION, frozenset({Verdict.CANNOT_COMPARE})),
)

# -- messages (English source, translated by the GUI in context "drift") -------------
VERDICT_TEXT: dict[Verdict, str] = {
    Verdict.OK: QT_TRANSLATE_NOOP("drift", "The picture matches the reference image."),
    Verdict.DRIFT: QT_TRANSLATE_NOOP(
        "drift", "The view has moved from the reference position: shift {shift_x:+.1f} % "
                 "across, {shift_y:+.1f} % down, rotation {rotation:+.1f}°, zoom ×{scale:.2f}."),
    Verdict.BLUR: QT_TRANSLATE_NOOP(
        "drift", "The picture is blurred or out of focus (sharpness {sharpness:.0f} % of "
                 "the reference)."),
    Verdict.BLACKOUT: QT_TRANSLATE_NOOP(
        "drift", "The picture is dark or black (brightness {brightness:.0f} % of the "
                 "reference)."),
    Verdict.GLARE: QT_TRANSLATE_NOOP(
        "drift", "The picture is dazzled or overexposed ({white:.0f} % of it near white)."),
    Verdict.OBSTRUCTION: QT_TRANSLATE_NOOP(
        "drift", "Part of the view is obstructed: {area:.0f} % of the picture does not match "
                 "the reference."),
    Verdict.CANNOT_COMPARE: QT_TRANSLATE_NOOP(
        "drift", "The picture cannot be compared with the reference image."),
}

CHECK_NAMES: dict[Check, str] = {
    Check.EXPOSURE: QT_TRANSLATE_NOOP("drift", "Brightness"),
    Check.GEOMETRY: QT_TRANSLATE_NOOP("drift", "View position"),
    Check.SHARPNESS: QT_TRANSLATE_NOOP("drift", "Sharpness"),
    Check.OBSTRUCTION: QT_TRANSLATE_NOOP("drift", "Obstruction"),
}

OK_TEXT: dict[Check, str] = {
    Check.EXPOSURE: QT_TRANSLATE_NOOP(
        "drift", "Brightness as in the reference image ({brightness:.0f} %)."),
    Check.GEOMETRY: QT_TRANSLATE_NOOP(
        "drift", "The view is in position (shift {shift_x:+.1f} % across, {shift_y:+.1f} % "
                 "down, rotation {rotation:+.1f}°, zoom ×{scale:.2f})."),
    Check.SHARPNESS: QT_TRANSLATE_NOOP(
        "drift", "The picture is sharp ({sharpness:.0f} % of the reference)."),
    Check.OBSTRUCTION: QT_TRANSLATE_NOOP("drift", "Nothing obstructs the view."),
}

REASON_TEXT: dict[Reason, str] = {
    Reason.FRAME_TOO_SMALL: QT_TRANSLATE_NOOP(
        "drift", "Cannot compare: the image is too small."),
    Reason.NO_DETAIL_REFERENCE: QT_TRANSLATE_NOOP(
        "drift", "Cannot compare: the reference image has no detail; take a new reference "
                 "image."),
    Reason.NO_DETAIL_LIVE: QT_TRANSLATE_NOOP(
        "drift", "Cannot compare: the live picture is uniform, without any detail (no video "
                 "signal or a covered lens?)."),
    Reason.FEW_FEATURES_REFERENCE: QT_TRANSLATE_NOOP(
        "drift", "Cannot compare: too few distinct features in the reference image "
                 "({count:.0f})."),
    Reason.FEW_FEATURES_LIVE: QT_TRANSLATE_NOOP(
        "drift", "Cannot compare: too few distinct features in the live picture ({count:.0f})."),
    Reason.NO_MATCH: QT_TRANSLATE_NOOP(
        "drift", "The view does not match the reference image at all: the camera may point "
                 "elsewhere."),
    Reason.NOT_ALIGNED: QT_TRANSLATE_NOOP(
        "drift", "Not checked: the live picture could not be aligned with the reference "
                 "image."),
    Reason.TOO_LITTLE_OVERLAP: QT_TRANSLATE_NOOP(
        "drift", "Not checked: the live picture overlaps too little of the reference image."),
    Reason.EXPOSURE: QT_TRANSLATE_NOOP(
        "drift", "Not checked: the picture is black or dazzled."),
}


# -- thresholds -----------------------------------------------------------------------
_THRESHOLD_RANGES: dict[str, tuple[float, float]] = {
    "max_shift_pct": (0.1, 50.0), "max_rotation_deg": (0.1, 45.0),
    "max_scale_change": (0.01, 1.0), "min_features": (8, 5000),
    "min_inliers": (6, 1000), "match_ratio": (0.5, 0.95),
    "min_sharpness_ratio": (0.01, 0.95), "blackout_brightness_ratio": (0.01, 0.9),
    "blackout_black_fraction": (0.1, 1.0), "glare_brightness_ratio": (1.1, 10.0),
    "glare_white_increase": (0.05, 1.0), "block_min_correlation": (0.0, 0.95),
    "block_texture": (1.0, 50.0), "block_level_change": (5.0, 128.0),
    "max_obstructed_area": (0.01, 0.9), "min_overlap": (0.05, 1.0),
}


@dataclass(frozen=True)
class DriftThresholds:
    """The limits of the image check (per site or per watch position later). Shares and
    ratios are plain fractions (0.35 = 35 %), shifts in % of the frame's width/height."""

    max_shift_pct: float = 3.0          # |shift| across or down beyond this: drift
    max_rotation_deg: float = 2.0
    max_scale_change: float = 0.08      # scale outside [1/(1+x), 1+x]: drift
    min_features: int = 40              # ORB keypoints needed in each frame
    min_inliers: int = 15               # consistent matches needed for a homography
    match_ratio: float = 0.8            # Lowe's ratio test
    min_sharpness_ratio: float = 0.35   # live / reference variance of the Laplacian
    blackout_brightness_ratio: float = 0.4   # live mean / reference mean at or below: blackout
    blackout_black_fraction: float = 0.85    # or this share of the live frame near black
    glare_brightness_ratio: float = 1.7      # live mean / reference mean at or above: glare
    glare_white_increase: float = 0.3        # or near-white share grown by this much
    block_min_correlation: float = 0.5       # a textured block below this differs
    block_texture: float = 6.0               # grey spread of a block with texture
    block_level_change: float = 30.0         # flat blocks: grey levels beyond the global gain
    max_obstructed_area: float = 0.15        # largest differing area (share of the frame)
    min_overlap: float = 0.4                 # share of blocks the aligned live frame covers


    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            low, high = _THRESHOLD_RANGES[f.name]
            if (isinstance(value, bool) or not isinstance(value, int | float)
                    or not math.isfinite(value) or not low <= value <= high):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The image-check threshold {name} must be "
                                                "between {low} and {high} (given: {value})."),
                    name=f.name, low=low, high=high, value=value)
            if f.type in ("int", int) and not float(value).is_integer():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The image-check threshold {name} must be a "
                                                "whole number (given: {value})."),
                    name=f.name, value=value)

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> DriftThresholds:
        """From a site's settings: unknown names are refused, missing ones default."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown image-check threshold: {name}."),
                name=", ".join(unknown))
        return cls(**values)  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# -- results ---------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckResult:
    """One check: its verdict, why it could not be made (if so), the values it measured
    (also the ones its message is formatted with)."""

    check: Check
    verdict: Verdict
    reason: Reason | None = None
    values: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The untranslated message template."""
        if self.reason is not None:
            return REASON_TEXT[self.reason]
        if self.verdict is Verdict.OK:
            return OK_TEXT[self.check]
        return VERDICT_TEXT[self.verdict]

    @property
    def name(self) -> str:
        """The untranslated name of the check (context "drift")."""
        return CHECK_NAMES[self.check]

    def message(self, translate: Callable[[str, str], str] | None = None) -> str:
        template = translate(CONTEXT, self.text) if translate else self.text
        try:
            return template.format(**self.values)
        except (KeyError, IndexError, ValueError):
            return template


@dataclass(frozen=True, eq=False)  # holds arrays: compared by identity
class DriftReport:
    """The result of one comparison. `verdict`/`reason` are the overall finding (the
    most serious check); `checks` has every check's own verdict and values.

    Geometry is measured from the reference to the live frame: `shift_x_pct` > 0 means
    the picture's content moved right (the camera turned left), `shift_y_pct` > 0 down,
    `rotation_deg` counter-clockwise, `scale` > 1 zoomed in. `homography` maps working
    reference pixels to working live pixels (`work_size` = (width, height) of both).
    Obstructed blocks and the obstructed area are (x, y, width, height) in fractions of
    the reference frame."""

    verdict: Verdict
    reason: Reason | None
    checks: dict[Check, CheckResult]
    thresholds: DriftThresholds
    work_size: tuple[int, int]
    homography: np.ndarray | None = None
    obstructed_blocks: tuple[tuple[float, float, float, float], ...] = ()
    obstructed_area: tuple[float, float, float, float] | None = None
    elapsed_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.OK

    @property
    def fault(self) -> bool:
        """A camera fault to record and notify (drift, blur, blackout, glare, obstruction);
        cannot_compare is not one: the position is then "cannot verify by image"."""
        return self.verdict in FAULTS

    @property
    def values(self) -> dict[str, float]:
        """Every measured value of every check in one mapping."""
        out: dict[str, float] = {}
        for c in self.checks.values():
            out.update(c.values)
        return out

    def check(self, which: Check | str) -> CheckResult:
        return self.checks[Check(which)]

    @property
    def text(self) -> str:
        return self._deciding().text

    def message(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The overall message, translated when a translate(context, text) is given."""
        return self._deciding().message(translate)

    def messages(self, translate: Callable[[str, str], str] | None = None) -> dict[Check, str]:
        return {k: c.message(translate) for k, c in self.checks.items()}

    def _deciding(self) -> CheckResult:
        if self.verdict is Verdict.OK:
            return _OVERALL_OK
        for c in self.checks.values():
            if c.verdict is self.verdict and c.reason is self.reason:
                return c
        return CheckResult(Check.GEOMETRY, self.verdict, self.reason)

    # shorthands for the geometry values (None when not measured)
    def _g(self, key: str) -> float | None:
        return self.checks[Check.GEOMETRY].values.get(key)

    @property
    def shift_x_pct(self) -> float | None:
        return self._g("shift_x")

    @property
    def shift_y_pct(self) -> float | None:
        return self._g("shift_y")

    @property
    def rotation_deg(self) -> float | None:
        return self._g("rotation")

    @property
    def scale(self) -> float | None:
        return self._g("scale")

    @property
    def inlier_ratio(self) -> float | None:
        return self._g("inlier_ratio")


class _OverallOk(CheckResult):
    @property
    def text(self) -> str:
        return VERDICT_TEXT[Verdict.OK]


_OVERALL_OK = _OverallOk(Check.GEOMETRY, Verdict.OK)


# -- preparing frames -----------------------------------------------------------------
@dataclass(frozen=True, eq=False)  # holds arrays: compared by identity
class _Prepared:
    grey: np.ndarray          # working size, uint8, as is (for the brightness statistics)
    smooth: np.ndarray        # the same, smoothed slightly against sensor noise
    mean: float
    std: float
    detail: float             # grey spread at an eighth of the size: structure, not noise


@dataclass(frozen=True, eq=False)  # holds arrays: compared by identity
class PreparedReference:
    """A reference image brought to its working size with its ORB features, computed
    once (`prepare_reference`) and reused for every live frame of the position."""

    size: tuple[int, int]            # original (width, height)
    work_size: tuple[int, int]
    frame: _Prepared
    keypoints: np.ndarray            # N×2 float32 working-pixel coordinates
    descriptors: np.ndarray | None
    norm: np.ndarray                 # smoothed, brightness-normalised working grey


def _check_frame(image: np.ndarray, what: str) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3 \
            or image.shape[2] not in (3, 4):
        raise ValueError(f"{what}: expected an H×W×3 uint8 rgb24 array, got "
                         f"{getattr(image, 'shape', None)} {getattr(image, 'dtype', None)}")
    return image[:, :, :3]


def _work_size(width: int, height: int) -> tuple[int, int]:
    if width <= WORK_MAX_WIDTH:
        return width, height
    return WORK_MAX_WIDTH, max(1, round(height * WORK_MAX_WIDTH / width))


def _grey(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    grey = cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_RGB2GRAY)
    if (grey.shape[1], grey.shape[0]) != size:
        shrinking = grey.shape[1] >= size[0] and grey.shape[0] >= size[1]
        grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA if shrinking
                          else cv2.INTER_LINEAR)
    return grey


def _prepare(image: np.ndarray, size: tuple[int, int]) -> _Prepared:
    grey = _grey(image, size)
    mean, std = cv2.meanStdDev(grey)
    smooth = cv2.GaussianBlur(grey, (0, 0), 1.2)
    coarse = cv2.resize(grey, (max(1, size[0] // 8), max(1, size[1] // 8)),
                        interpolation=cv2.INTER_AREA)
    detail = float(cv2.meanStdDev(coarse)[1][0, 0])
    return _Prepared(grey, smooth, float(mean[0, 0]), float(std[0, 0]), detail)


def _normalised(p: _Prepared, mean: float, std: float) -> np.ndarray:
    """The smoothed grey with the given mean and spread (brightness-invariant)."""
    gain = std / max(p.std, 1e-3)
    return cv2.convertScaleAbs(p.smooth, alpha=gain, beta=mean - gain * p.mean)


def _features(grey: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    if min(grey.shape[:2]) < MIN_FRAME_SIDE:
        return np.zeros((0, 2), np.float32), None
    # a detector per call (it costs microseconds): compare() may run on several threads
    orb = cv2.ORB_create(nfeatures=1000, scaleFactor=1.2, nlevels=6, fastThreshold=12)
    keypoints, descriptors = orb.detectAndCompute(grey, None)
    pts = np.array([k.pt for k in keypoints], dtype=np.float32).reshape(-1, 2)
    return pts, descriptors


def _sharpness(smooth_normalised: np.ndarray) -> float:
    lap = cv2.Laplacian(smooth_normalised, cv2.CV_32F, ksize=3)
    return float(lap.var())


def prepare_reference(reference: np.ndarray) -> PreparedReference:
    """The reference's working image, features and sharpness, for repeated `compare`."""
    ref = _check_frame(reference, "reference")
    size = (ref.shape[1], ref.shape[0])
    work = _work_size(*size)
    frame = _prepare(ref, work)
    norm = _normalised(frame, 128.0, 50.0)
    pts, des = _features(norm)
    return PreparedReference(size, work, frame, pts, des, norm)


# -- the checks -------------------------------------------------------------------------
def _exposure(ref: _Prepared, live: _Prepared, t: DriftThresholds) -> CheckResult:
    n_ref, n_live = ref.grey.size, live.grey.size
    black_ref = float(np.count_nonzero(ref.grey <= NEAR_BLACK)) / n_ref
    black_live = float(np.count_nonzero(live.grey <= NEAR_BLACK)) / n_live
    white_ref = float(np.count_nonzero(ref.grey >= NEAR_WHITE)) / n_ref
    white_live = float(np.count_nonzero(live.grey >= NEAR_WHITE)) / n_live
    ratio = live.mean / max(ref.mean, 1.0)
    values = {"brightness": 100.0 * ratio, "mean_reference": ref.mean, "mean_live": live.mean,
              "black": 100.0 * black_live, "black_reference": 100.0 * black_ref,
              "white": 100.0 * white_live, "white_reference": 100.0 * white_ref,
              "detail_reference": ref.detail, "detail_live": live.detail}
    if ratio <= t.blackout_brightness_ratio or (
            black_live >= t.blackout_black_fraction and black_ref < t.blackout_black_fraction):
        return CheckResult(Check.EXPOSURE, Verdict.BLACKOUT, values=values)
    if ratio >= t.glare_brightness_ratio or white_live - white_ref >= t.glare_white_increase:
        return CheckResult(Check.EXPOSURE, Verdict.GLARE, values=values)
    if ref.detail < NO_DETAIL_STD:
        return CheckResult(Check.EXPOSURE, Verdict.CANNOT_COMPARE, Reason.NO_DETAIL_REFERENCE,
                           values)
    if live.detail < NO_DETAIL_STD:
        return CheckResult(Check.EXPOSURE, Verdict.CANNOT_COMPARE, Reason.NO_DETAIL_LIVE, values)
    return CheckResult(Check.EXPOSURE, Verdict.OK, values=values)


def _decompose(h: np.ndarray, w: int, hgt: int) -> tuple[float, float, float, float]:
    """Shift (% of width, % of height), rotation (degrees, counter-clockwise on screen)
    and scale of the homography, read at the frame centre (its local Jacobian)."""
    cx, cy = w / 2.0, hgt / 2.0
    x = h @ np.array([cx, cy, 1.0])
    u, v, s = x[0] / x[2], x[1] / x[2], x[2]
    # d(u, v)/d(x, y) at the centre
    j = np.array([[h[0, 0] - u * h[2, 0], h[0, 1] - u * h[2, 1]],
                  [h[1, 0] - v * h[2, 0], h[1, 1] - v * h[2, 1]]]) / s
    det = float(np.linalg.det(j))
    scale = math.sqrt(det) if det > 0 else math.nan   # a mirrored fit is no measurement
    # image y points down: a counter-clockwise turn on screen has a negative angle here
    rotation = -math.degrees(math.atan2(j[1, 0] - j[0, 1], j[0, 0] + j[1, 1]))
    return 100.0 * (u - cx) / w, 100.0 * (v - cy) / hgt, rotation, scale


def _snap(value: float) -> float:
    """Measurement noise around zero shown as 0.0, not -0.0."""
    return 0.0 if abs(value) < 0.05 else value


def _geometry(ref: PreparedReference, live_norm: np.ndarray,
              t: DriftThresholds) -> tuple[CheckResult, np.ndarray | None]:
    w, hgt = ref.work_size
    n_ref = len(ref.keypoints)
    if n_ref < t.min_features or ref.descriptors is None:
        return CheckResult(Check.GEOMETRY, Verdict.CANNOT_COMPARE,
                           Reason.FEW_FEATURES_REFERENCE, {"count": float(n_ref)}), None
    pts, des = _features(live_norm)
    if len(pts) < t.min_features or des is None:
        return CheckResult(Check.GEOMETRY, Verdict.CANNOT_COMPARE, Reason.FEW_FEATURES_LIVE,
                           {"count": float(len(pts))}), None
    pairs = cv2.BFMatcher(cv2.NORM_HAMMING).knnMatch(ref.descriptors, des, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < t.match_ratio * p[1].distance]
    values: dict[str, float] = {"features_reference": float(n_ref),
                                "features_live": float(len(pts)), "matches": float(len(good))}
    no_match = CheckResult(Check.GEOMETRY, Verdict.DRIFT, Reason.NO_MATCH, values)
    if len(good) < t.min_inliers:
        values["inliers"] = 0.0
        return no_match, None
    src = ref.keypoints[[m.queryIdx for m in good]]
    dst = pts[[m.trainIdx for m in good]]
    h, mask = cv2.findHomography(src, dst, cv2.RANSAC, ransacReprojThreshold=3.0,
                                 maxIters=2000, confidence=0.995)
    inliers = int(mask.sum()) if mask is not None else 0
    values["inliers"] = float(inliers)
    values["inlier_ratio"] = inliers / len(good)
    if h is None or inliers < t.min_inliers or not np.all(np.isfinite(h)) \
            or abs(h[2, 2]) < 1e-9:
        return no_match, None
    h = h / h[2, 2]
    shift_x, shift_y, rotation, scale = _decompose(h, w, hgt)
    # A fold-over, a collapse or a wild perspective is a bad fit, not a measurement.
    corners = np.array([[0, 0], [w, 0], [w, hgt], [0, hgt]], np.float32).reshape(-1, 1, 2)
    warped = cv2.perspectiveTransform(corners, h).reshape(-1, 2)
    if not (0.2 < scale < 5.0) or not cv2.isContourConvex(warped.astype(np.float32)):
        return no_match, None
    values.update(shift_x=_snap(shift_x), shift_y=_snap(shift_y), rotation=_snap(rotation),
                  scale=scale)
    moved = (abs(shift_x) > t.max_shift_pct or abs(shift_y) > t.max_shift_pct
             or abs(rotation) > t.max_rotation_deg
             or not 1.0 / (1.0 + t.max_scale_change) <= scale <= 1.0 + t.max_scale_change)
    return CheckResult(Check.GEOMETRY, Verdict.DRIFT if moved else Verdict.OK,
                       values=values), h


def _sharpness_check(ref: PreparedReference, live_norm: np.ndarray, live_width: int,
                     t: DriftThresholds) -> CheckResult:
    """Compared at half the smaller of the two resolutions: a live frame enlarged to the
    working size is not taken for a blurred one, and the finest detail, which the
    sub-stream's encoder removes anyway, does not count."""
    w, hgt = ref.work_size
    scale = min(w, live_width) / w / 2.0
    size = (max(8, round(w * scale)), max(8, round(hgt * scale)))
    ref_sharp = _sharpness(cv2.resize(ref.norm, size, interpolation=cv2.INTER_AREA))
    live_sharp = _sharpness(cv2.resize(live_norm, size, interpolation=cv2.INTER_AREA))
    ratio = live_sharp / max(ref_sharp, 1e-6)
    values = {"sharpness": 100.0 * ratio, "sharpness_reference": ref_sharp,
              "sharpness_live": live_sharp}
    return CheckResult(Check.SHARPNESS, Verdict.BLUR if ratio < t.min_sharpness_ratio
                       else Verdict.OK, values=values)


def _grid(size: tuple[int, int]) -> tuple[int, int, int]:
    w, h = size
    block = max(16, w // GRID_COLUMNS)   # at least 8 pixels at the half size
    return block, w // block, h // block


def _obstruction(ref: PreparedReference, live: _Prepared, live_norm: np.ndarray,
                 h: np.ndarray | None, t: DriftThresholds
                 ) -> tuple[CheckResult, tuple, tuple[float, float, float, float] | None]:
    if h is None:
        return CheckResult(Check.OBSTRUCTION, Verdict.CANNOT_COMPARE, Reason.NOT_ALIGNED), (), None
    w, hgt = ref.work_size
    ref_img = ref.norm     # both normalised: global brightness differences are gone
    aligned = cv2.warpPerspective(live_norm, h, (w, hgt), flags=cv2.INTER_LINEAR
                                  | cv2.WARP_INVERSE_MAP, borderValue=0)
    valid = cv2.warpPerspective(np.full(live_norm.shape, 255, np.uint8), h, (w, hgt),
                                flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP, borderValue=0)
    live_raw = cv2.warpPerspective(live.grey, h, (w, hgt), flags=cv2.INTER_NEAREST
                                   | cv2.WARP_INVERSE_MAP, borderValue=0)
    block, cols, rows = _grid((w, hgt))
    # the blocks are compared at half the working size: a quarter of the cost, and
    # detail finer than that is the encoder's and the sensor's more than the scene's
    half = ((w + 1) // 2, (hgt + 1) // 2)
    ref_img, aligned, valid, live_raw = (cv2.resize(img, half, interpolation=cv2.INTER_AREA)
                                         for img in (ref_img, aligned, valid, live_raw))
    block //= 2
    slack = max(2, block // 10)

    def per_block(img: np.ndarray) -> np.ndarray:
        return img[:rows * block, :cols * block].reshape(rows, block, cols, block) \
            .swapaxes(1, 2).reshape(rows, cols, block * block).astype(np.float32)

    ref_blocks, live_blocks = per_block(ref_img), per_block(aligned)
    rm, rs = ref_blocks.mean(axis=2), ref_blocks.std(axis=2)
    lm, ls = live_blocks.mean(axis=2), live_blocks.std(axis=2)
    covered = (per_block(valid) > 0).mean(axis=2) >= 0.9
    raw_mean = per_block(live_raw).mean(axis=2)
    clipped = (raw_mean >= 245) | (raw_mean <= 10)
    ref_textured, live_textured = rs >= t.block_texture, ls >= t.block_texture
    state = np.zeros((rows, cols), np.int8)   # 0 unknown, 1 same, 2 differs
    # texture lost (covered by something flat) or gained (something in front of it),
    # unless the live block is clipped to black or white (exposure, not an object)
    state[covered & (ref_textured != live_textured) & ~clipped] = 2
    flat = covered & ~ref_textured & ~live_textured
    if flat.any():
        # flat in both: compare levels after the global gain the flat blocks agree on
        gain = float(np.median(lm[flat] / np.maximum(rm[flat], 1.0)))
        level_change = np.abs(lm - gain * rm) > t.block_level_change
        state[flat] = np.where(level_change[flat], 2, 1)
    for r, c in zip(*np.nonzero(covered & ref_textured & live_textured), strict=True):
        y0, x0 = r * block, c * block
        tpl = ref_img[y0 + slack:y0 + block - slack, x0 + slack:x0 + block - slack]
        score = float(cv2.matchTemplate(aligned[y0:y0 + block, x0:x0 + block], tpl,
                                        cv2.TM_CCOEFF_NORMED).max())
        state[r, c] = 1 if score >= t.block_min_correlation else 2
    known = int(np.count_nonzero(state))
    total = rows * cols
    values: dict[str, float] = {"overlap": 100.0 * known / total}
    if known < t.min_overlap * total:
        return CheckResult(Check.OBSTRUCTION, Verdict.CANNOT_COMPARE, Reason.TOO_LITTLE_OVERLAP,
                           values), (), None
    differs = (state == 2).astype(np.uint8)
    w, hgt = half
    blocks = tuple((c * block / w, r * block / hgt, block / w, block / hgt)
                   for r, c in zip(*np.nonzero(differs), strict=True))
    values["differing"] = 100.0 * float(differs.sum()) / known
    area_box = None
    largest = 0
    if differs.any():
        n, _, stats, _ = cv2.connectedComponentsWithStats(differs, connectivity=8)
        k = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
        largest = int(stats[k, cv2.CC_STAT_AREA])
        x, y, bw, bh = (int(stats[k, i]) for i in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP,
                                                   cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT))
        area_box = (x * block / w, y * block / hgt, bw * block / w, bh * block / hgt)
    values["area"] = 100.0 * largest / total
    verdict = Verdict.OBSTRUCTION if largest >= t.max_obstructed_area * total else Verdict.OK
    return CheckResult(Check.OBSTRUCTION, verdict, values=values), blocks, area_box


def _skipped(check: Check, reason: Reason) -> CheckResult:
    return CheckResult(check, Verdict.CANNOT_COMPARE, reason)


def compare(reference: np.ndarray | PreparedReference, live: np.ndarray,
            thresholds: DriftThresholds | None = None) -> DriftReport:
    """Compares a live frame with the reference image of a watch position (both rgb24
    H×W×3 uint8, any resolutions). Pure and thread-safe apart from OpenCV's own pool;
    never raises for a picture's content (uniform, black, featureless): such frames get
    a cannot_compare or a fault verdict. Raises ValueError for a non-image argument."""
    started = time.perf_counter()
    t = thresholds or DriftThresholds()
    ref = reference if isinstance(reference, PreparedReference) else prepare_reference(reference)
    live_rgb = _check_frame(live, "live")
    w, hgt = ref.work_size

    def report(checks: dict[Check, CheckResult], h: np.ndarray | None = None,
               blocks: tuple = (), area: tuple | None = None) -> DriftReport:
        verdict, reason = Verdict.OK, None
        for check, wanted in _PRIORITY:
            c = checks[check]
            if c.verdict in wanted:
                verdict, reason = c.verdict, c.reason
                break
        elapsed = (time.perf_counter() - started) * 1000.0
        result = DriftReport(verdict, reason, checks, t, (w, hgt), h, blocks, area, elapsed)
        log.debug("image check: %s (%s) in %.1f ms", verdict, reason, elapsed)
        return result

    if min(ref.size) < MIN_FRAME_SIDE or min(live_rgb.shape[:2]) < MIN_FRAME_SIDE:
        return report({c: _skipped(c, Reason.FRAME_TOO_SMALL) for c in Check})
    live_frame = _prepare(live_rgb, (w, hgt))
    exposure = _exposure(ref.frame, live_frame, t)
    if exposure.verdict is not Verdict.OK:
        reason = exposure.reason or Reason.EXPOSURE
        checks = {c: _skipped(c, reason) for c in Check}
        checks[Check.EXPOSURE] = exposure
        return report(checks)
    live_norm = _normalised(live_frame, 128.0, 50.0)
    geometry, h = _geometry(ref, live_norm, t)
    if geometry.reason is Reason.FEW_FEATURES_REFERENCE:
        # a reference this plain (a gradient, a blank wall) gives no trustworthy
        # sharpness ratio either: take another reference image
        sharpness = CheckResult(Check.SHARPNESS, Verdict.CANNOT_COMPARE, geometry.reason,
                                geometry.values)
    else:
        sharpness = _sharpness_check(ref, live_norm, live_rgb.shape[1], t)
    obstruction, blocks, area = _obstruction(ref, live_frame, live_norm, h, t)
    return report({Check.EXPOSURE: exposure, Check.GEOMETRY: geometry,
                   Check.SHARPNESS: sharpness, Check.OBSTRUCTION: obstruction}, h, blocks, area)


# -- record text (Vietnamese, for the duty log and the notice to the managing unit) ------
_REASON_VI: dict[Reason, str] = {
    Reason.FRAME_TOO_SMALL: "không so sánh được: hình ảnh quá nhỏ",
    Reason.NO_DETAIL_REFERENCE: "không so sánh được: ảnh tham chiếu không có chi tiết",
    Reason.NO_DETAIL_LIVE: "không so sánh được: hình ảnh trực tiếp đồng màu, không có chi tiết "
                           "(mất tín hiệu video hoặc ống kính bị che)",
    Reason.FEW_FEATURES_REFERENCE: "không so sánh được: ảnh tham chiếu có quá ít điểm đặc trưng",
    Reason.FEW_FEATURES_LIVE: "không so sánh được: hình ảnh trực tiếp có quá ít điểm đặc trưng",
    Reason.NO_MATCH: "góc quan sát hoàn toàn không khớp với ảnh tham chiếu (camera có thể đang "
                     "hướng sang vị trí khác)",
    Reason.NOT_ALIGNED: "không căn chỉnh được hình ảnh với ảnh tham chiếu",
    Reason.TOO_LITTLE_OVERLAP: "hình ảnh trực tiếp trùng với ảnh tham chiếu quá ít",
    Reason.EXPOSURE: "hình ảnh bị đen hoặc bị chói",
}

_PLACE_VI = (("phía trên bên trái", "phía trên", "phía trên bên phải"),
             ("bên trái", "chính giữa", "bên phải"),
             ("phía dưới bên trái", "phía dưới", "phía dưới bên phải"))


def _num_vi(value: float, digits: int = 1, sign: bool = False) -> str:
    """Vietnamese number: decimal comma, a real minus sign."""
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    return text.replace("-", "−").replace(".", ",")


def summary_vi(report: DriftReport) -> str:
    """The finding in Vietnamese record text, e.g. for the duty-log entry of a failed
    image check: "góc quan sát lệch khỏi vị trí tham chiếu: dịch ngang +8,0 %, …"."""
    v = report.values
    geometry = ""
    if "shift_x" in v:
        geometry = (f"dịch ngang {_num_vi(v['shift_x'], sign=True)} %, dịch dọc "
                    f"{_num_vi(v['shift_y'], sign=True)} %, xoay "
                    f"{_num_vi(v['rotation'], sign=True)}°, thu phóng ×{_num_vi(v['scale'], 2)}")
    if report.verdict is Verdict.OK:
        return f"hình ảnh khớp với ảnh tham chiếu ({geometry})" if geometry \
            else "hình ảnh khớp với ảnh tham chiếu"
    if report.reason is not None:
        return _REASON_VI[report.reason]
    if report.verdict is Verdict.DRIFT:
        return f"góc quan sát lệch khỏi vị trí tham chiếu: {geometry}"
    if report.verdict is Verdict.BLUR:
        return (f"hình ảnh bị mờ hoặc mất nét (độ nét bằng {_num_vi(v['sharpness'], 0)} % "
                "so với ảnh tham chiếu)")
    if report.verdict is Verdict.BLACKOUT:
        return (f"hình ảnh bị tối hoặc đen (độ sáng bằng {_num_vi(v['brightness'], 0)} % so "
                "với ảnh tham chiếu)")
    if report.verdict is Verdict.GLARE:
        return (f"hình ảnh bị chói hoặc cháy sáng ({_num_vi(v['white'], 0)} % diện tích gần "
                "như trắng)")
    if report.verdict is Verdict.OBSTRUCTION:
        where = ""
        if report.obstructed_area is not None:
            x, y, w, h = report.obstructed_area
            col = min(2, int((x + w / 2) * 3))
            row = min(2, int((y + h / 2) * 3))
            where = f", {_PLACE_VI[row][col]} khung hình"
        return (f"góc quan sát bị che khuất một phần ({_num_vi(v['area'], 0)} % hình ảnh không "
                f"khớp với ảnh tham chiếu{where})")
    return "không so sánh được với ảnh tham chiếu"


# -- the overlay for the GUI ------------------------------------------------------------
REFERENCE_EDGES = (255, 64, 255)   # magenta
LIVE_EDGES = (64, 255, 64)         # green (both: white)
OBSTRUCTED = (255, 210, 0)         # yellow outlines
SHIFT_ARROW = (0, 200, 255)


def _edges(grey_norm: np.ndarray) -> np.ndarray:
    return cv2.Canny(grey_norm, 60, 140) > 0


def _paint(background: np.ndarray, ref_edges: np.ndarray, live_edges: np.ndarray) -> np.ndarray:
    out = cv2.cvtColor((background.astype(np.uint16) * 2 // 5).astype(np.uint8),
                       cv2.COLOR_GRAY2RGB)
    out[ref_edges] = REFERENCE_EDGES
    out[live_edges] = LIVE_EDGES
    out[ref_edges & live_edges] = (255, 255, 255)
    return out


def overlay(reference: np.ndarray | PreparedReference, live: np.ndarray,
            report: DriftReport) -> np.ndarray:
    """An rgb24 picture of the working size's height and twice its width: on the left
    the reference's edges (magenta) over the live frame's (green) as they are, so a
    shift is visible; on the right the live frame aligned onto the reference with the
    report's homography (the left panel again when there is none) and the obstructed
    blocks outlined in yellow. Where edges coincide they are white."""
    ref = reference if isinstance(reference, PreparedReference) else prepare_reference(reference)
    w, hgt = ref.work_size
    live_frame = _prepare(_check_frame(live, "live"), (w, hgt))
    ref_norm = ref.norm
    live_norm = _normalised(live_frame, 128.0, 50.0) if live_frame.detail >= NO_DETAIL_STD \
        else live_frame.smooth
    ref_edges = _edges(ref_norm)
    left = _paint(live_frame.grey, ref_edges, _edges(live_norm))
    h = report.homography if report.work_size == (w, hgt) else None
    if h is not None:
        centre = np.array([[[w / 2.0, hgt / 2.0]]], np.float32)
        moved = cv2.perspectiveTransform(centre, h)[0, 0]
        cv2.arrowedLine(left, (w // 2, hgt // 2), (int(moved[0]), int(moved[1])),
                        SHIFT_ARROW, 2, cv2.LINE_AA, tipLength=0.2)
        warp = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
        aligned_grey = cv2.warpPerspective(live_frame.grey, h, (w, hgt), flags=warp)
        aligned_norm = cv2.warpPerspective(live_norm, h, (w, hgt), flags=warp)
        valid = cv2.warpPerspective(np.full((hgt, w), 255, np.uint8), h, (w, hgt),
                                    flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP)
        inner = cv2.erode(valid, np.ones((5, 5), np.uint8)) > 0
        right = _paint(aligned_grey, ref_edges, _edges(aligned_norm) & inner)
    else:
        right = left.copy()
    for bx, by, bw, bh in report.obstructed_blocks:
        x0, y0 = int(round(bx * w)), int(round(by * hgt))
        x1, y1 = int(round((bx + bw) * w)) - 1, int(round((by + bh) * hgt)) - 1
        cv2.rectangle(right, (x0, y0), (x1, y1), OBSTRUCTED, 1)
    if report.obstructed_area is not None \
            and report.checks[Check.OBSTRUCTION].verdict is Verdict.OBSTRUCTION:
        bx, by, bw, bh = report.obstructed_area
        cv2.rectangle(right, (int(bx * w), int(by * hgt)),
                      (int((bx + bw) * w) - 1, int((by + bh) * hgt) - 1), OBSTRUCTED, 3)
    return np.ascontiguousarray(np.hstack([left, right]))
