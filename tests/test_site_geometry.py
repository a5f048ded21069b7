"""The site plan's pure geometry (video/site_geometry.py): generic pan → bearing with
wrap-around at north, zoom → field of view, the field-of-view sector, which cameras
can see a point, neighbours, aiming, and the plan files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from app.errors import ImportFileError
from video import site_geometry as g
from video.site_geometry import PlanCamera, SitePlan

CURVE = ((0.0, 60.0), (0.5, 20.0), (1.0, 4.0))


def ptz(code: str = "P", x: float = 0.0, y: float = 0.0, heading: float = 0.0,
        pan_range: tuple[float, float] | None = (-170.0, 170.0), rng: float = 100.0,
        **kw) -> PlanCamera:  # type: ignore[no-untyped-def]
    return PlanCamera(code, code, "ptz", x, y, heading, pan_range, CURVE, rng, **kw)


def fixed(code: str = "F", x: float = 0.0, y: float = 0.0, heading: float = 0.0,
          hfov: float = 60.0, rng: float = 100.0, kind: str = "fixed") -> PlanCamera:
    return PlanCamera(code, code, kind, x, y, heading, None, ((0.0, hfov), (1.0, hfov)), rng)


# -- angles ---------------------------------------------------------------------------
@pytest.mark.parametrize(("deg", "want"), [(0, 0), (360, 0), (-10, 350), (725, 5),
                                           (-360, 0), (359.5, 359.5), (-1e-13, 0)])
def test_normalize(deg: float, want: float) -> None:
    assert g.normalize(deg) == pytest.approx(want)
    assert 0 <= g.normalize(deg) < 360


def test_angle_diff_wraps_at_north() -> None:
    assert g.angle_diff(10, 350) == pytest.approx(20)
    assert g.angle_diff(350, 10) == pytest.approx(-20)
    assert g.angle_diff(180, 0) == pytest.approx(180)
    assert g.angle_diff(0, 0) == 0


def test_bearing_and_offset() -> None:
    assert g.bearing((0, 0), (0, 10)) == pytest.approx(0)      # north
    assert g.bearing((0, 0), (10, 0)) == pytest.approx(90)     # east
    assert g.bearing((0, 0), (0, -10)) == pytest.approx(180)
    assert g.bearing((0, 0), (-10, 0)) == pytest.approx(270)
    assert g.bearing((0, 0), (-1, 100)) == pytest.approx(359.427, abs=1e-3)
    x, y = g.offset((5, 5), 45, math.sqrt(2) * 10)
    assert (x, y) == (pytest.approx(15), pytest.approx(15))


# -- pan ------------------------------------------------------------------------------
def test_pan_maps_linearly_onto_the_range() -> None:
    cam = ptz(heading=100, pan_range=(-90, 90))
    assert g.pan_to_bearing(cam, -1) == pytest.approx(10)
    assert g.pan_to_bearing(cam, 0) == pytest.approx(100)
    assert g.pan_to_bearing(cam, 1) == pytest.approx(190)
    assert g.pan_to_bearing(cam, 0.5) == pytest.approx(145)
    assert g.pan_to_bearing(cam, 2) == pytest.approx(190)       # clamped


def test_pan_range_not_centred_on_the_heading() -> None:
    cam = ptz(heading=90, pan_range=(0, 350))
    assert g.pan_to_bearing(cam, -1) == pytest.approx(90)
    assert g.pan_to_bearing(cam, 1) == pytest.approx(80)        # 90 + 350 = 440 → 80
    assert g.bearing_to_pan(cam, 90) == pytest.approx(-1)
    assert g.bearing_to_pan(cam, 85) is None                    # the 10° dead zone


def test_pan_range_crossing_north() -> None:
    cam = ptz(heading=300, pan_range=(-90, 90))                 # 210° … 0° … 30°
    assert g.pan_to_bearing(cam, -1) == pytest.approx(210)
    assert g.pan_to_bearing(cam, 1) == pytest.approx(30)
    assert g.pan_to_bearing(cam, 2 / 3) == pytest.approx(0, abs=1e-9)
    assert g.bearing_to_pan(cam, 0) == pytest.approx(2 / 3)
    assert g.bearing_to_pan(cam, 360) == pytest.approx(2 / 3)
    assert g.bearing_to_pan(cam, 15) == pytest.approx(5 / 6)
    assert g.bearing_to_pan(cam, 350) == pytest.approx(5 / 9)
    assert g.bearing_to_pan(cam, 100) is None                   # behind it
    assert g.bearing_to_pan(cam, 31) is None
    assert g.bearing_to_pan(cam, 209) is None
    for b in (210, 250, 300, 359.9, 0.1, 29.9):
        assert g.pan_to_bearing(cam, g.bearing_to_pan(cam, b)) == pytest.approx(b % 360, abs=1e-6)


def test_round_trip_every_degree() -> None:
    for heading in (0, 45, 350):
        cam = ptz(heading=heading, pan_range=(-170, 170))
        for b in range(360):
            pan = g.bearing_to_pan(cam, b)
            if abs(g.angle_diff(b, heading)) > 170 + 1e-9:
                assert pan is None, (heading, b)
            else:
                assert pan is not None
                assert abs(g.angle_diff(g.pan_to_bearing(cam, pan), b)) < 1e-6


def test_endless_pan_picks_the_nearest_pan() -> None:
    cam = ptz(heading=0, pan_range=(-200, 200))                 # 400°: overlaps behind
    # bearing 170 is offset 170 or -190: both in range
    near_plus = g.bearing_to_pan(cam, 170, near=0.9)
    near_minus = g.bearing_to_pan(cam, 170, near=-0.9)
    assert near_plus == pytest.approx(0.85)
    assert near_minus == pytest.approx(-0.95)
    assert g.bearing_to_pan(cam.moved(-0.9, 0, 0), 170) == pytest.approx(-0.95)


def test_fixed_camera_has_no_pan() -> None:
    cam = fixed(heading=725)
    assert g.pan_to_bearing(cam, 0.7) == pytest.approx(5)
    assert g.bearing_to_pan(cam, 5) is None


# -- zoom -----------------------------------------------------------------------------
def test_zoom_to_hfov_interpolates_and_clamps() -> None:
    cam = ptz()
    assert g.zoom_to_hfov(cam, 0) == 60
    assert g.zoom_to_hfov(cam, 0.25) == pytest.approx(40)
    assert g.zoom_to_hfov(cam, 0.75) == pytest.approx(12)
    assert g.zoom_to_hfov(cam, 1) == 4
    assert g.zoom_to_hfov(cam, 1.5) == 4
    assert g.zoom_to_hfov(cam, -1) == 60
    assert g.zoom_to_hfov(cam) == 60                            # no zoom reported
    assert g.zoom_to_hfov(cam.moved(0, 0, 0.5)) == pytest.approx(20)


def test_hfov_to_zoom_inverts_the_curve() -> None:
    cam = ptz()
    for z in (0, 0.1, 0.25, 0.5, 0.6, 0.99, 1):
        assert g.hfov_to_zoom(cam, g.zoom_to_hfov(cam, z)) == pytest.approx(z)
    assert g.hfov_to_zoom(cam, 90) == 0                         # wider than the lens
    assert g.hfov_to_zoom(cam, 1) == 1                          # narrower than the lens


def test_unsorted_curve() -> None:
    cam = PlanCamera("U", "U", "ptz", 0, 0, 0, (-90, 90), ((1.0, 4.0), (0.0, 60.0)), 50)
    assert g.zoom_to_hfov(cam, 0.5) == pytest.approx(32)


def test_width_to_hfov() -> None:
    assert g.hfov_for_width(20, 10) == pytest.approx(90)
    assert g.hfov_for_width(10, 100) == pytest.approx(5.7248, abs=1e-3)


# -- sectors --------------------------------------------------------------------------
def test_fov_polygon_is_a_sector() -> None:
    cam = ptz(x=10, y=20, heading=90, pan_range=(-90, 90), rng=50).moved(0, 0, 0.5)
    poly = g.fov_polygon(cam)
    assert poly[0] == (10, 20)
    arc = poly[1:]
    for p in arc:
        assert g.distance((10, 20), p) == pytest.approx(50)
    assert g.bearing((10, 20), arc[0]) == pytest.approx(80)     # 90 - 20/2
    assert g.bearing((10, 20), arc[-1]) == pytest.approx(100)
    # another pan and zoom turn and widen it
    arc2 = g.fov_polygon(cam, pan=-1, zoom=0)[1:]
    assert g.bearing((10, 20), arc2[0]) == pytest.approx(330)
    assert g.bearing((10, 20), arc2[-1]) == pytest.approx(30)


def test_fov_polygon_across_north_goes_through_north() -> None:
    cam = fixed(heading=350, hfov=60)
    arc = g.fov_polygon(cam)[1:]
    bearings = [g.bearing((0, 0), p) for p in arc]
    assert bearings[0] == pytest.approx(320)
    assert bearings[-1] == pytest.approx(20)
    # clockwise, small steps: the arc never goes round the back
    steps = [g.angle_diff(b, a) for a, b in zip(bearings, bearings[1:], strict=False)]
    assert all(0 < s <= 3.01 for s in steps)


def test_reach_polygon() -> None:
    cam = ptz(heading=0, pan_range=(-90, 90), rng=10)
    poly = g.reach_polygon(cam)
    assert g.bearing((0, 0), poly[1]) == pytest.approx(240)     # -90 - 60/2
    assert g.bearing((0, 0), poly[-1]) == pytest.approx(120)
    full = g.reach_polygon(ptz(pan_range=(-180, 180)))
    assert (0.0, 0.0) not in full and len(full) >= 36


# -- who can see a point --------------------------------------------------------------
def test_fixed_camera_sees_its_sector_only() -> None:
    cam = fixed(heading=0, hfov=60, rng=100)
    assert g.can_see(cam, (0, 50))
    assert g.can_see(cam, (28, 50))                             # 29.2° off: inside
    assert not g.can_see(cam, (30, 50))                         # 31° off
    assert not g.can_see(cam, (0, 101))                         # too far
    assert not g.can_see(cam, (0, -10))                         # behind
    assert g.can_see(cam, (0, 0))


def test_fixed_sector_across_north() -> None:
    cam = fixed(heading=350, hfov=40)                           # 330 … 10
    assert g.can_see(cam, g.offset((0, 0), 5, 50))
    assert g.can_see(cam, g.offset((0, 0), 335, 50))
    assert not g.can_see(cam, g.offset((0, 0), 15, 50))
    assert not g.can_see(cam, g.offset((0, 0), 325, 50))


def test_ptz_sees_its_pan_range_whatever_its_current_pan() -> None:
    cam = ptz(heading=300, pan_range=(-90, 90), rng=80).moved(-1, 0, 1)   # looking 210°
    assert g.can_see(cam, g.offset((0, 0), 20, 50))             # across north
    assert g.can_see(cam, g.offset((0, 0), 215, 79))
    assert not g.can_see(cam, g.offset((0, 0), 120, 10))       # in the dead zone
    assert not g.can_see(cam, g.offset((0, 0), 0, 81))         # out of range
    # a PTZ camera without calibration is treated as fixed
    uncal = PlanCamera("X", "X", "ptz", 0, 0, 0, None, CURVE, 80)
    assert g.can_see(uncal, (0, 50)) and not g.can_see(uncal, (50, 0))


def test_cameras_seeing_nearest_first() -> None:
    cams = [fixed("FAR", 0, -90, 0), fixed("NEAR", 0, -10, 0), fixed("AWAY", 0, -20, 180),
            ptz("PTZ", 40, 0, 0, (-180, 180))]
    assert [c.code for c in g.cameras_seeing(cams, (0, 0))] == ["NEAR", "PTZ", "FAR"]


# -- aiming ---------------------------------------------------------------------------
def test_aim_turns_onto_the_point_and_frames_the_width() -> None:
    cam = ptz(x=100, y=100, heading=300, pan_range=(-90, 90), rng=200).moved(-1, 0, 0)
    target = g.offset((100, 100), 10, 80)                       # across north
    a = g.aim(cam, target, width_m=10)
    assert a is not None
    assert a.code == "P" and a.distance_m == pytest.approx(80)
    assert a.bearing_deg == pytest.approx(10)
    assert g.pan_to_bearing(cam, a.pan) == pytest.approx(10)
    assert g.zoom_to_hfov(cam, a.zoom) == pytest.approx(g.hfov_for_width(10, 80))
    turned = cam.moved(a.pan, 0, a.zoom)
    assert g.in_sector(turned, target)
    assert not g.in_sector(cam, target)                         # it was looking away
    # without a width the zoom is kept
    assert g.aim(cam.moved(-1, 0, 0.4), target).zoom == pytest.approx(0.4)  # type: ignore[union-attr]


def test_aim_refuses_what_the_camera_cannot_see() -> None:
    cam = ptz(heading=0, pan_range=(-45, 45), rng=50)
    assert g.aim(cam, (0, -10)) is None                         # behind
    assert g.aim(cam, (0, 60)) is None                          # too far
    assert g.aim(fixed(), (0, 10)) is None                      # not a PTZ camera


def test_aims_nearest_first() -> None:
    cams = [ptz("A", 0, 0, 0, (-180, 180)), ptz("B", 0, 30, 180, (-30, 30)),
            ptz("C", 0, 200, 0, (-180, 180)), fixed("F", 0, 5, 0)]
    got = g.aims(cams, (0, 20), width_m=5)
    assert [a.code for a in got] == ["B", "A"]
    for a in got:
        cam = next(c for c in cams if c.code == a.code)
        assert g.in_sector(cam.moved(a.pan, 0, a.zoom), (0, 20))


# -- neighbours -----------------------------------------------------------------------
def test_neighbours_of_a_camera_by_overlap_then_distance() -> None:
    me = fixed("ME", 0, 0, 0, hfov=60, rng=100)
    cams = [me,
            fixed("SAME", 5, 0, 0, hfov=60, rng=100),            # nearly the same view
            fixed("FACING", 0, 100, 180, hfov=60, rng=100),      # the same area, opposite
            fixed("BEHIND", 0, -10, 180, hfov=60, rng=50),       # near, no overlap
            fixed("ELSEWHERE", 500, 500, 0),                     # far, no overlap
            ptz("PTZ", 200, 50, 270, (-60, 60), rng=250)]       # reaches all of it
    got = g.neighbours_of_camera(cams, "ME", near_m=20)
    codes = [n.code for n in got]
    assert codes[0] == "PTZ" and got[0].overlap == pytest.approx(1)
    assert codes.index("SAME") < codes.index("FACING")
    assert codes[-1] == "BEHIND" and got[-1].overlap == 0
    assert "ELSEWHERE" not in codes and "ME" not in codes
    assert all(0 < n.overlap <= 1 for n in got[:-1])
    assert g.neighbours_of_camera(cams, "NOPE") == []


def test_neighbours_of_a_point() -> None:
    cams = [fixed("SEES", 0, -30, 0), ptz("PTZ", 50, 0, 0, (-180, 180)),
            fixed("NEAR", 0, 5, 0), fixed("FAR", 300, 300, 0)]
    got = g.neighbours_of_point(cams, (0, 0), near_m=10)
    assert [(n.code, n.sees) for n in got] == [("SEES", True), ("PTZ", True), ("NEAR", False)]
    assert got[0].distance_m == pytest.approx(30)
    assert [n.code for n in g.neighbours_of_point(cams, (0, 0))] == ["SEES", "PTZ"]


# -- the plan and its files -------------------------------------------------------------
def test_plan_pixels_and_metres() -> None:
    plan = SitePlan("S", Path("x.png"), 0.5, (10, 1000))
    assert plan.to_pixel((0, 0)) == (10, 1000)
    assert plan.to_pixel((50, 100)) == (110, 800)
    assert plan.to_metres((110, 800)) == (50, 100)


def test_demo_plans_load() -> None:
    plans = g.load_demo_plans()
    assert set(plans) == {"Cảng Đình Vũ", "Cửa khẩu quốc tế Hữu Nghị"}
    from PIL import Image  # noqa: PLC0415

    from app.cameras.registry import demo_cameras  # noqa: PLC0415

    registry = {c["code"]: c for c in demo_cameras()}
    for plan, cams in plans.values():
        with Image.open(plan.image) as img:
            w, h = img.size
        assert len(cams) == 9
        for cam in cams:
            assert registry[cam.code]["kind"] == cam.kind
            assert registry[cam.code]["site"] == plan.site
            assert registry[cam.code]["name"] == cam.name
            if cam.kind == "ptz":
                assert cam.pans
            # the camera is on the image
            x, y = plan.to_pixel(cam.position)
            assert 0 <= x < w and 0 <= y < h, cam.code
    crossing = [c for _, cams in plans.values() for c in cams
                if c.pans and g.in_pan_range(c, 0.0)]
    assert crossing, "a demo PTZ camera pans across north"


def test_bad_plan_file_names_every_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("""site: S
image: s.png
metres_per_pixel: 0
cameras:
  - {code: A, name: a, kind: ptz, x_m: 1, y_m: 2, heading_deg: 0, pan_range_deg: [10, -10]}
  - {code: B, name: b, kind: tank, x_m: 1, y_m: 2, heading_deg: 0}
  - {code: C, name: c, kind: fixed, x_m: one, y_m: 2, heading_deg: 0, fov: [[0, 400]]}
  - {code: A, name: a2, kind: fixed, x_m: 1, y_m: 2, heading_deg: 0, zoom: 2}
""", encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        g.load_site_plan(f)
    lines = sorted({ln for _, ln, _ in err.value.problems})
    assert lines == [1, 5, 6, 7, 8]
    text = err.value.message()
    assert "metres_per_pixel" in text and "pan_range_deg" in text and "kind" in text
    assert "x_m" in text and "fov" in text and "zoom" in text


def test_duplicate_and_syntax_errors(tmp_path: Path) -> None:
    f = tmp_path / "dup.yaml"
    f.write_text("site: S\nimage: s.png\nmetres_per_pixel: 1\ncameras:\n"
                 "  - {code: A, name: a, x_m: 1, y_m: 2, heading_deg: 0}\n"
                 "  - {code: A, name: a, x_m: 1, y_m: 2, heading_deg: 0}\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        g.load_site_plan(f)
    assert err.value.problems[0][1] == 6 and "duplicate" in err.value.problems[0][2]
    f.write_text("site: [\n", encoding="utf-8")
    with pytest.raises(ImportFileError):
        g.load_site_plan(f)
    with pytest.raises(ImportFileError):
        g.load_site_plan(tmp_path / "missing.yaml")


def test_defaults(tmp_path: Path) -> None:
    f = tmp_path / "min.yaml"
    f.write_text("site: S\nimage: s.png\nmetres_per_pixel: 2\ncameras:\n"
                 "  - {code: A, name: a, x_m: 1, y_m: 2, heading_deg: -90, fov: 40}\n",
                 encoding="utf-8")
    plan, (cam,) = g.load_site_plan(f)
    assert plan.image == tmp_path / "s.png" and plan.origin_px == (0, 0)
    assert cam.kind == "fixed" and cam.heading_at_pan0_deg == 270 and cam.range_m == 50
    assert g.zoom_to_hfov(cam, 0.3) == 40 and cam.pan is None


def test_from_registry() -> None:
    from types import SimpleNamespace  # noqa: PLC0415

    cam = SimpleNamespace(code="C", name="n", kind="ptz", plan_x=3.0, plan_y=4.0, heading=370.0)
    pc = g.from_registry(cam, fov_deg=40)
    assert pc is not None and pc.position == (3.0, 4.0) and pc.heading_at_pan0_deg == 10
    assert not pc.pans and g.zoom_to_hfov(pc) == 40          # no calibration: not aimed
    assert g.from_registry(SimpleNamespace(code="D", name="n", kind="fixed", plan_x=None,
                                           plan_y=1.0, heading=None)) is None
