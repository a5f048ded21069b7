"""The image check (video/drift.py) on a rendered container yard with known transforms:
what must pass (noise, ±30 % brightness, compression, another resolution, a shift
inside the tolerance) and what must be reported (shift, rotation, zoom, blur, blackout,
glare, obstruction with its place), plus featureless frames and the overlay."""

from __future__ import annotations

import math
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.errors import ValidationError
from video.drift import (
    Check,
    DriftReport,
    DriftThresholds,
    Reason,
    Verdict,
    compare,
    overlay,
    prepare_reference,
    summary_vi,
)
from video.sim.yard import LIVE_SIZE, brightness, h264, noisy, view, yard


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return view()


def check(reference: np.ndarray, live: np.ndarray, **thresholds: float) -> DriftReport:
    report = compare(reference, live, DriftThresholds(**thresholds))
    assert report.message()                     # every outcome has its message
    return report


# -- what must pass -------------------------------------------------------------------------
def test_identical_frames_are_ok(reference) -> None:
    report = check(reference, reference.copy())
    assert report.verdict is Verdict.OK, report.messages()
    assert abs(report.shift_x_pct) < 0.2 and abs(report.shift_y_pct) < 0.2
    assert abs(report.rotation_deg) < 0.2 and abs(report.scale - 1) < 0.01
    assert report.inlier_ratio > 0.8
    assert report.check(Check.OBSTRUCTION).values["area"] == 0


def test_sub_stream_of_the_same_view_is_ok(reference) -> None:
    report = check(reference, view(size=LIVE_SIZE))
    assert report.verdict is Verdict.OK, report.messages()
    assert abs(report.shift_x_pct) < 0.5 and abs(report.scale - 1) < 0.02


@pytest.mark.parametrize("size", [(1920, 1080), (640, 360), (352, 198), (704, 576)])
def test_other_resolutions_of_the_same_view_are_ok(reference, size) -> None:
    # 704×576: the anamorphic D1 sub-stream of many cameras (the same 16:9 view)
    report = check(reference, view(size=size))
    assert report.verdict is Verdict.OK, (size, report.messages())


def test_reference_from_the_sub_stream_and_live_from_the_main_stream() -> None:
    report = check(view(size=LIVE_SIZE), view(size=(1920, 1080)))
    assert report.verdict is Verdict.OK, report.messages()


def test_sensor_noise_is_ok(reference) -> None:
    report = check(reference, noisy(view(size=LIVE_SIZE), 8))
    assert report.verdict is Verdict.OK, report.messages()


@pytest.mark.parametrize("factor", [0.7, 1.3])
def test_thirty_percent_brightness_change_is_ok(reference, factor) -> None:
    report = check(reference, brightness(view(size=LIVE_SIZE), factor))
    assert report.verdict is Verdict.OK, report.messages()
    assert report.check(Check.EXPOSURE).values["brightness"] == pytest.approx(
        100 * factor, abs=8)


def test_noise_brightness_and_compression_together_are_ok(reference) -> None:
    live = noisy(brightness(view(size=LIVE_SIZE), 0.75), 6)
    ok, jpeg = cv2.imencode(".jpg", cv2.cvtColor(live, cv2.COLOR_RGB2BGR),
                            [cv2.IMWRITE_JPEG_QUALITY, 35])
    assert ok
    live = cv2.cvtColor(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    report = check(reference, live)
    assert report.verdict is Verdict.OK, report.messages()


def test_main_stream_reference_against_a_compressed_sub_stream_is_ok() -> None:
    reference = h264(view(), crf=23)
    for live in (h264(view(size=LIVE_SIZE), crf=34), h264(view(size=(352, 198)), crf=30)):
        report = check(reference, live)
        assert report.verdict is Verdict.OK, report.messages()


@pytest.fixture(scope="module")
def simulator_frames(tmp_path_factory) -> tuple[np.ndarray, np.ndarray]:
    """Frame 7 of the simulator's main (1280×720) and sub-stream (640×360) files of a
    camera whose test scene has detail (FFmpeg's mandelbrot), decoded with PyAV."""
    prepare = pytest.importorskip("video.sim.prepare")
    try:
        prepare.ffmpeg_binary()
    except (FileNotFoundError, RuntimeError) as exc:  # pragma: no cover - no ffmpeg
        pytest.skip(f"no ffmpeg: {exc}")
    label = "CAM 04"
    assert "mandelbrot" in prepare._filter(prepare.Recipe(label, 640, 360), Path("x"))
    folder = tmp_path_factory.mktemp("sim")
    frames = []
    for size in (prepare.MAIN_SIZE, prepare.SUB_SIZE):
        path = prepare.prepare(label, size, fps=15, seconds=1, folder=folder)
        with av.open(str(path), format="h264") as container:
            for n, frame in enumerate(container.decode(video=0)):
                if n == 7:
                    frames.append(frame.to_ndarray(format="rgb24"))
                    break
    return frames[0], frames[1]


def test_simulator_main_and_sub_stream_frames_match(simulator_frames) -> None:
    main, sub = simulator_frames
    report = check(main, sub)
    assert report.verdict is Verdict.OK, report.messages()
    shifted = np.ascontiguousarray(sub[:, 51:])     # 8 % of the width gone on the left
    moved = check(main, cv2.resize(shifted, LIVE_SIZE))
    assert moved.check(Check.GEOMETRY).verdict is Verdict.DRIFT, moved.messages()


def test_shift_inside_the_tolerance_is_ok(reference) -> None:
    report = check(reference, view(shift_x_pct=1.0, shift_y_pct=-1.0, size=LIVE_SIZE))
    assert report.verdict is Verdict.OK, report.messages()
    assert report.shift_x_pct == pytest.approx(1.0, abs=0.4)
    assert report.shift_y_pct == pytest.approx(-1.0, abs=0.4)


# -- what must be reported ------------------------------------------------------------------
@pytest.mark.parametrize(("dx", "dy"), [(8.0, 0.0), (-8.0, 0.0), (0.0, 8.0), (5.0, -6.0)])
def test_shift_is_drift_with_its_size(reference, dx, dy) -> None:
    report = check(reference, noisy(view(shift_x_pct=dx, shift_y_pct=dy, size=LIVE_SIZE), 4))
    assert report.verdict is Verdict.DRIFT, report.messages()
    assert report.reason is None
    assert report.shift_x_pct == pytest.approx(dx, abs=1.5)
    assert report.shift_y_pct == pytest.approx(dy, abs=1.5)
    assert abs(report.rotation_deg) < 0.5 and abs(report.scale - 1) < 0.03
    # aligned, the shifted view shows no obstruction
    assert report.check(Check.OBSTRUCTION).verdict is Verdict.OK
    assert "+8.0 %" in report.message() if dx == 8.0 else True


@pytest.mark.parametrize("angle", [5.0, -5.0])
def test_rotation_is_drift_with_its_angle(reference, angle) -> None:
    report = check(reference, view(angle=angle, size=LIVE_SIZE))
    assert report.verdict is Verdict.DRIFT, report.messages()
    assert report.rotation_deg == pytest.approx(angle, abs=0.7)
    assert abs(report.shift_x_pct) < 1 and abs(report.scale - 1) < 0.03


@pytest.mark.parametrize("zoom", [1.25, 0.8])
def test_zoom_is_drift_with_its_scale(reference, zoom) -> None:
    report = check(reference, view(zoom=zoom, size=LIVE_SIZE))
    assert report.verdict is Verdict.DRIFT, report.messages()
    assert report.scale == pytest.approx(zoom, rel=0.03)
    assert abs(report.rotation_deg) < 0.5


def test_rotation_tolerance_is_configurable(reference) -> None:
    live = view(angle=1.5, size=LIVE_SIZE)
    assert check(reference, live).verdict is Verdict.OK
    tight = check(reference, live, max_rotation_deg=1.0)
    assert tight.verdict is Verdict.DRIFT
    assert tight.thresholds.max_rotation_deg == 1.0


def test_gaussian_blur_is_blur(reference) -> None:
    live = cv2.GaussianBlur(view(size=LIVE_SIZE), (0, 0), 4)
    report = check(reference, live)
    assert report.verdict is Verdict.BLUR, report.messages()
    assert report.check(Check.SHARPNESS).values["sharpness"] < 35


def test_blur_is_found_through_sensor_noise(reference) -> None:
    live = noisy(cv2.GaussianBlur(view(size=LIVE_SIZE), (0, 0), 4), 8)
    assert check(reference, live).verdict is Verdict.BLUR


def test_a_tenth_of_the_light_is_blackout(reference) -> None:
    report = check(reference, brightness(view(size=LIVE_SIZE), 0.1))
    assert report.verdict is Verdict.BLACKOUT, report.messages()
    assert report.check(Check.EXPOSURE).values["brightness"] == pytest.approx(10, abs=3)
    # the other checks say why they were not made
    assert report.check(Check.GEOMETRY).reason is Reason.EXPOSURE


def test_black_frame_is_blackout(reference) -> None:
    report = check(reference, np.zeros((360, 640, 3), np.uint8))
    assert report.verdict is Verdict.BLACKOUT


def test_saturated_frame_is_glare(reference) -> None:
    live = brightness(view(size=LIVE_SIZE), 3.0)
    report = check(reference, live)
    assert report.verdict is Verdict.GLARE, report.messages()
    assert report.check(Check.EXPOSURE).values["white"] > 30


def test_a_glare_patch_over_half_the_frame_is_glare(reference) -> None:
    live = view(size=LIVE_SIZE).copy()
    cv2.circle(live, (420, 150), 230, (255, 255, 255), -1)
    assert check(reference, live).verdict is Verdict.GLARE


def _covered(fill) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    live = view(size=LIVE_SIZE).copy()
    w, h = LIVE_SIZE
    # 0.55 × 0.55 of the frame ≈ 30 %, bottom right
    box = (int(w * 0.42), int(h * 0.40), int(w * 0.97), int(h * 0.95))
    fill(live, box)
    return live, box


def _assert_obstruction_at(report: DriftReport, box: tuple[int, int, int, int]) -> None:
    assert report.verdict is Verdict.OBSTRUCTION, report.messages()
    values = report.check(Check.OBSTRUCTION).values
    assert values["area"] == pytest.approx(30, abs=8)
    x, y, w, h = report.obstructed_area
    fx0, fy0 = box[0] / LIVE_SIZE[0], box[1] / LIVE_SIZE[1]
    fx1, fy1 = box[2] / LIVE_SIZE[0], box[3] / LIVE_SIZE[1]
    inter = max(0, min(x + w, fx1) - max(x, fx0)) * max(0, min(y + h, fy1) - max(y, fy0))
    union = w * h + (fx1 - fx0) * (fy1 - fy0) - inter
    assert inter / union > 0.6, (report.obstructed_area, (fx0, fy0, fx1, fy1))
    centre = (x + w / 2, y + h / 2)
    assert math.dist(centre, ((fx0 + fx1) / 2, (fy0 + fy1) / 2)) < 0.08
    # the view itself has not moved
    assert report.check(Check.GEOMETRY).verdict is Verdict.OK


def test_opaque_board_over_thirty_percent_is_obstruction(reference) -> None:
    live, box = _covered(lambda img, b: cv2.rectangle(img, b[:2], b[2:], (70, 66, 60), -1))
    _assert_obstruction_at(check(reference, noisy(live, 4)), box)


def test_textured_obstruction_is_obstruction(reference) -> None:
    # foliage or a tarpaulin: texture of its own, not the yard's
    rnd = np.random.default_rng(3)

    def leaves(img, b):
        x0, y0, x1, y1 = b
        patch = rnd.integers(20, 140, (y1 - y0, x1 - x0, 1)).astype(np.uint8)
        patch = cv2.GaussianBlur(patch, (0, 0), 2)[:, :, None]
        img[y0:y1, x0:x1] = np.concatenate([patch // 2, patch, patch // 3], axis=2)

    live, box = _covered(leaves)
    _assert_obstruction_at(check(reference, live), box)


def test_a_small_object_is_not_obstruction(reference) -> None:
    live = view(size=LIVE_SIZE).copy()
    cv2.rectangle(live, (100, 200), (180, 260), (200, 30, 30), -1)   # a truck passing
    report = check(reference, live)
    assert report.verdict is Verdict.OK, report.messages()


def test_camera_pointing_elsewhere_is_drift(reference) -> None:
    other = np.ascontiguousarray(np.rot90(yard(seed=11), 2)[:720, :1280])
    live = cv2.resize(other, LIVE_SIZE, interpolation=cv2.INTER_AREA)
    report = check(reference, live)
    assert report.verdict is Verdict.DRIFT, report.messages()
    assert report.reason is Reason.NO_MATCH


# -- frames that cannot be compared ----------------------------------------------------------
def test_uniform_grey_live_frame_cannot_be_compared(reference) -> None:
    grey = np.full((360, 640, 3), 128, np.uint8)
    report = check(reference, grey)
    assert report.verdict in (Verdict.CANNOT_COMPARE, Verdict.BLACKOUT)
    assert report.reason is Reason.NO_DETAIL_LIVE
    assert "uniform" in report.message()


def test_uniform_grey_with_sensor_noise_cannot_be_compared(reference) -> None:
    # the noise is no detail: not "the camera points elsewhere"
    grey = noisy(np.full((360, 640, 3), 110, np.uint8), 8)
    report = check(reference, grey)
    assert report.verdict is Verdict.CANNOT_COMPARE, report.messages()
    assert report.reason is Reason.NO_DETAIL_LIVE


def test_uniform_reference_cannot_be_compared() -> None:
    report = check(np.full((720, 1280, 3), 90, np.uint8), view(size=LIVE_SIZE))
    assert report.verdict is Verdict.CANNOT_COMPARE
    assert report.reason is Reason.NO_DETAIL_REFERENCE


def test_too_few_features_is_cannot_compare_with_the_count() -> None:
    ref = np.full((360, 640, 3), 100, np.uint8)
    cv2.circle(ref, (320, 180), 90, (180, 180, 180), -1)
    report = check(ref, cv2.GaussianBlur(ref, (0, 0), 5))
    # not "blur": a reference this plain says nothing about sharpness either
    assert report.verdict is Verdict.CANNOT_COMPARE, report.messages()
    assert report.reason is Reason.FEW_FEATURES_REFERENCE
    assert report.check(Check.SHARPNESS).verdict is Verdict.CANNOT_COMPARE
    assert "features" in report.message()


def test_tiny_frames_cannot_be_compared(reference) -> None:
    report = check(reference, np.zeros((20, 30, 3), np.uint8))
    assert report.verdict is Verdict.CANNOT_COMPARE
    assert report.reason is Reason.FRAME_TOO_SMALL
    tiny = np.zeros((1, 1, 3), np.uint8)
    assert check(tiny, reference).reason is Reason.FRAME_TOO_SMALL


@pytest.mark.parametrize("odd", ["mirrored", "random", "strip", "rgba"])
def test_odd_frames_never_crash(reference, odd) -> None:
    live = {"mirrored": np.ascontiguousarray(view(size=LIVE_SIZE)[::-1]),
            "random": np.random.default_rng(0).integers(0, 256, (360, 640, 3), np.uint8),
            "strip": np.ascontiguousarray(reference[:64, :]),
            "rgba": np.dstack([view(size=LIVE_SIZE), np.full((360, 640), 255, np.uint8)])}[odd]
    report = check(reference, live)
    assert report.verdict is (Verdict.OK if odd == "rgba" else Verdict.DRIFT), report.messages()
    assert overlay(reference, live, report).shape == (360, 1280, 3)


def test_non_images_are_refused(reference) -> None:
    with pytest.raises(ValueError, match="rgb24"):
        compare(reference, np.zeros((360, 640), np.uint8))
    with pytest.raises(ValueError, match="rgb24"):
        compare(reference, np.zeros((360, 640, 3), np.float32))


# -- messages, thresholds, the prepared reference, the overlay -------------------------------
def test_messages_are_marked_templates_translated_in_context_drift(reference) -> None:
    report = check(reference, view(shift_x_pct=8.0, size=LIVE_SIZE))
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "Đã dịch: " + text

    msg = report.message(translate)
    assert msg.startswith("Đã dịch: The view has moved")
    assert ("drift", report.text) in seen
    assert set(report.messages(translate)) == set(Check)


def test_record_text_is_vietnamese_with_decimal_commas(reference) -> None:
    moved = check(reference, view(shift_x_pct=-8.0, size=LIVE_SIZE))
    assert moved.fault
    assert summary_vi(moved).startswith(
        "góc quan sát lệch khỏi vị trí tham chiếu: dịch ngang −8,0 %")
    live, _ = _covered(lambda img, b: cv2.rectangle(img, b[:2], b[2:], (70, 66, 60), -1))
    blocked = check(reference, live)
    assert "phía dưới bên phải" in summary_vi(blocked)
    fine = check(reference, view(size=LIVE_SIZE))
    assert not fine.fault and summary_vi(fine).startswith("hình ảnh khớp với ảnh tham chiếu")
    grey = check(reference, np.full((360, 640, 3), 128, np.uint8))
    assert not grey.fault and "không so sánh được" in summary_vi(grey)


def test_comparisons_on_several_threads_agree(reference) -> None:
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    prepared = prepare_reference(reference)
    lives = [view(shift_x_pct=dx, size=LIVE_SIZE) for dx in (0.0, 8.0, -8.0, 1.0)]
    alone = [compare(prepared, live) for live in lives]
    with ThreadPoolExecutor(max_workers=2) as pool:
        together = list(pool.map(lambda live: compare(prepared, live), lives))
    for a, b in zip(alone, together, strict=True):
        assert a.verdict is b.verdict
        assert a.shift_x_pct == pytest.approx(b.shift_x_pct, abs=0.3)


def test_thresholds_validate() -> None:
    assert DriftThresholds().max_shift_pct == 3.0
    with pytest.raises(ValidationError, match="max_shift_pct"):
        DriftThresholds(max_shift_pct=-1)
    with pytest.raises(ValidationError, match="min_inliers"):
        DriftThresholds(min_inliers=7.5)
    with pytest.raises(ValidationError):
        DriftThresholds(match_ratio=float("nan"))
    with pytest.raises(ValidationError, match="nonsense"):
        DriftThresholds.from_mapping({"nonsense": 1})
    t = DriftThresholds.from_mapping({"max_shift_pct": 5})
    assert t.max_shift_pct == 5 and t.as_dict()["max_rotation_deg"] == 2.0


def test_prepared_reference_gives_the_same_report(reference) -> None:
    prepared = prepare_reference(reference)
    live = view(shift_x_pct=8.0, size=LIVE_SIZE)
    a, b = compare(prepared, live), compare(reference, live)
    assert a.verdict is b.verdict is Verdict.DRIFT
    assert a.shift_x_pct == pytest.approx(b.shift_x_pct, abs=1e-6)


def test_overlay_shows_both_edge_sets_side_by_side(reference) -> None:
    live = view(shift_x_pct=8.0, size=LIVE_SIZE)
    report = check(reference, live)
    picture = overlay(reference, live, report)
    w, h = report.work_size
    assert picture.shape == (h, 2 * w, 3) and picture.dtype == np.uint8
    assert not np.array_equal(picture[:, :w], cv2.resize(live, (w, h)))
    magenta = np.all(picture == (255, 64, 255), axis=2)
    green = np.all(picture == (64, 255, 64), axis=2)
    white = np.all(picture == (255, 255, 255), axis=2)
    # unaligned (left): shifted edges mostly apart; aligned (right): mostly together
    left_together = white[:, :w].sum() / max(1, magenta[:, :w].sum() + white[:, :w].sum())
    right_together = white[:, w:].sum() / max(1, magenta[:, w:].sum() + white[:, w:].sum())
    assert green[:, :w].sum() > 1000 and magenta[:, :w].sum() > 1000
    assert right_together > 2 * left_together, (left_together, right_together)


def test_overlay_outlines_the_obstruction_and_copes_without_alignment(reference) -> None:
    live, _ = _covered(lambda img, b: cv2.rectangle(img, b[:2], b[2:], (70, 66, 60), -1))
    report = check(reference, live)
    picture = overlay(reference, live, report)
    yellow = np.all(picture == (255, 210, 0), axis=2)
    assert yellow[:, report.work_size[0]:].sum() > 500
    grey = np.full((360, 640, 3), 128, np.uint8)
    blank = overlay(reference, grey, check(reference, grey))
    assert blank.shape == picture.shape


def test_one_comparison_is_fast_enough(reference) -> None:
    prepared_live = view(size=LIVE_SIZE)
    compare(reference, prepared_live)
    report = compare(reference, noisy(prepared_live, 8))
    # generous against a loaded 2-core machine; the benchmark measures it properly
    assert report.elapsed_ms < 1000
