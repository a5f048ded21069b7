"""The site plan view (widgets/siteplan/) on the demo plans: every camera shown,
a click on a camera opens it, set_position redraws its field of view, Ctrl-click
aims the PTZ cameras that can see a point (and the aimed pan/zoom put the point in
their field of view), neighbours of a camera and of a point, zoom, drag, fit, and
the rendered picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from video import site_geometry as geo
from video.site_geometry import PlanCamera, SitePlan
from widgets.siteplan.panel import SitePlanPanel
from widgets.siteplan.plan_view import SitePlanView, nice_length

DV = "Cảng Đình Vũ"
HN = "Cửa khẩu quốc tế Hữu Nghị"
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def plans() -> dict[str, tuple[SitePlan, list[PlanCamera]]]:
    return geo.load_demo_plans()


@pytest.fixture
def view(qtbot, plans) -> SitePlanView:  # type: ignore[no-untyped-def]
    v = SitePlanView()
    qtbot.addWidget(v)
    v.resize(1200, 800)
    plan, cams = plans[DV]
    v.set_plan(plan, cams)
    v.show()
    qtbot.waitExposed(v)
    v.fit_to_window()
    return v


def _path_points(view: SitePlanView, code: str) -> list[tuple[float, float]]:
    """The drawn polygon's corners (without the closing point)."""
    path = view.sector_path(code)
    pts = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    return pts[:-1] if len(pts) > 1 and pts[-1] == pts[0] else pts


def _expected_points(view: SitePlanView, cam: PlanCamera) -> list[tuple[float, float]]:
    assert view.plan is not None
    return [view.plan.to_pixel(p) for p in geo.fov_polygon(cam)]


def _same(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return len(a) == len(b) and all(abs(p[0] - q[0]) < 1e-6 and abs(p[1] - q[1]) < 1e-6
                                    for p, q in zip(a, b, strict=True))


def _click(qtbot, view: SitePlanView, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.viewport(), LEFT, modifiers, pos)


def _send_mouse(view: SitePlanView, kind: QEvent.Type, pos: QPoint,
                buttons: Qt.MouseButton) -> None:
    gpos = view.viewport().mapToGlobal(pos)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else LEFT
    ev = QMouseEvent(kind, QPointF(pos), QPointF(gpos), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), ev)


# -- content ----------------------------------------------------------------------------
def test_every_camera_is_shown_where_its_calibration_puts_it(view, plans) -> None:  # type: ignore[no-untyped-def]
    plan, cams = plans[DV]
    assert set(view.cameras) == {f"DV-CAM-{i:02d}" for i in range(1, 10)}
    viewport = view.viewport().rect()
    for cam in cams:
        icon = view.icon(cam.code)
        assert icon.scene() is view.scene() and icon.isVisible()
        assert (icon.pos().x(), icon.pos().y()) == pytest.approx(plan.to_pixel(cam.position))
        assert viewport.contains(view.view_pos(cam.code)), cam.code
        assert view.camera_at(view.view_pos(cam.code)) == cam.code
        assert _same(_path_points(view, cam.code), _expected_points(view, cam))
    # distinct symbols by kind
    assert {view.icon(c.code).camera.kind for c in cams} == {"fixed", "ptz", "recognition",
                                                             "mobile"}


@pytest.mark.parametrize("size", [(1200, 800), (760, 240)], ids=["large", "docked"])
def test_labels_never_overlap_at_any_size(qtbot, view, size) -> None:  # type: ignore[no-untyped-def]
    """Docked small, the codes move beside their cameras or step aside (the tooltip
    keeps them); none is drawn over another camera or another code."""
    view.resize(*size)
    view.fit_to_window()
    shown, symbols = [], []
    for code in view.cameras:
        icon = view.icon(code)
        at = view.mapFromScene(icon.pos())
        symbols.append((code, icon.symbol_rect().translated(at.x(), at.y())))
        if icon.label_shown:
            shown.append((code, icon.label_rect().translated(at.x(), at.y())))
    assert len(shown) >= 6
    for i, (code, label) in enumerate(shown):
        assert not any(label.intersects(other) for _c, other in shown[i + 1:]), code
        assert not any(label.intersects(s) for c, s in symbols if c != code), code
    view.zoom_by(3.0)
    assert all(view.icon(c).label_shown for c in view.cameras
               if view.viewport().rect().contains(view.view_pos(c)))


def test_click_on_a_camera_emits_its_code(qtbot, view, plans) -> None:  # type: ignore[no-untyped-def]
    for cam in plans[DV][1]:
        with qtbot.waitSignal(view.cameraActivated, timeout=2000) as sig:
            _click(qtbot, view, view.view_pos(cam.code))
        assert sig.args == [cam.code]
        assert view.selected == cam.code
        assert view.icon(cam.code).selected


def test_set_position_redraws_the_sector(view) -> None:  # type: ignore[no-untyped-def]
    code = "DV-CAM-03"
    before = _path_points(view, code)
    view.set_position(code, 0.5, -0.1, 0.6)
    after = _path_points(view, code)
    assert after != before
    cam = view.cameras[code]
    assert (cam.pan, cam.tilt, cam.zoom) == (0.5, -0.1, 0.6)
    assert _same(after, _expected_points(view, cam))
    # pan 0.5 of (-175, 175) from 135° → 222.5°; zoom 0.6 → 8.5°
    assert geo.pan_to_bearing(cam) == pytest.approx(222.5)
    apex, first, last = after[0], after[1], after[-1]
    plan = view.plan
    assert plan is not None
    b1 = geo.bearing(plan.to_metres(apex), plan.to_metres(first))
    b2 = geo.bearing(plan.to_metres(apex), plan.to_metres(last))
    assert b1 == pytest.approx(222.5 - 4.25, abs=1e-6)
    assert b2 == pytest.approx(222.5 + 4.25, abs=1e-6)
    # a fixed camera's sector does not pan; unknown cameras are ignored
    fixed_before = _path_points(view, "DV-CAM-04")
    view.set_position("DV-CAM-04", None, None, None)
    assert _path_points(view, "DV-CAM-04") == fixed_before
    view.set_position("NO-SUCH", 0, 0, 0)


def test_a_mobile_camera_moves_on_the_plan(view) -> None:  # type: ignore[no-untyped-def]
    view.set_location("DV-CAM-09", 300.0, 150.0, 90.0)
    cam = view.cameras["DV-CAM-09"]
    assert cam.position == (300.0, 150.0) and cam.heading_at_pan0_deg == 90
    assert (view.icon("DV-CAM-09").pos().x(), view.icon("DV-CAM-09").pos().y()) == \
        pytest.approx(view.plan.to_pixel((300.0, 150.0)))
    assert _same(_path_points(view, "DV-CAM-09"), _expected_points(view, cam))
    assert view.camera_at(view.view_pos("DV-CAM-09")) == "DV-CAM-09"
    view.set_location("NO-SUCH", 0, 0)


def test_set_state_colours_the_icon(view) -> None:  # type: ignore[no-untyped-def]
    view.set_state("DV-CAM-04", "offline")
    assert view.icon("DV-CAM-04").state == "offline"
    assert "offline" in view.icon("DV-CAM-04").toolTip()
    assert view._sectors["DV-CAM-04"].pen().style() == Qt.PenStyle.DashLine
    view.set_state("DV-CAM-04", "live")
    assert view._sectors["DV-CAM-04"].pen().style() == Qt.PenStyle.SolidLine
    view.set_state("NO-SUCH", "live")


# -- aiming -----------------------------------------------------------------------------
def test_ctrl_click_aims_the_ptz_cameras_that_can_see_the_point(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    target = (300.0, 250.0)          # inside container yard 1
    pos = view.view_pos_of_point(target)
    picked: list[tuple[float, float]] = []
    view.pointPicked.connect(lambda x, y: picked.append((x, y)))
    positions = {c.code: (c.pan, c.zoom) for c in view.cameras.values()}
    with qtbot.waitSignal(view.aimRequested, timeout=2000) as sig:
        _click(qtbot, view, pos, CTRL)
    # the view asks; it moves nothing itself (the camera reports back)
    assert {c.code: (c.pan, c.zoom) for c in view.cameras.values()} == positions
    point = picked[-1]
    assert geo.distance(point, target) < 2 * view.metres_per_view_pixel()
    moves = sig.args[0]
    expected = [c.code for c in geo.cameras_seeing(view.cameras.values(), point) if c.pans]
    assert [m[0] for m in moves] == expected
    assert "DV-CAM-03" in expected
    for code, pan, zoom in moves:
        cam = view.cameras[code]
        assert -1 <= pan <= 1 and 0 <= zoom <= 1
        assert geo.can_see(cam, point)
        turned = cam.moved(pan, None, zoom)
        assert geo.in_sector(turned, point)
        # framing: the width asked for at the point's distance
        d = geo.distance(cam.position, point)
        assert geo.zoom_to_hfov(turned) == pytest.approx(
            max(min(geo.hfov_for_width(view.aim_width_m, d), 58), 2.1))
        # the camera reports the new position: its drawn sector now holds the point
        view.set_position(code, pan, None, zoom)
        assert view.sector_path(code).contains(QPointF(*view.plan.to_pixel(point)))
    assert view.highlighted == expected
    assert view.selected is None


def test_ctrl_click_where_no_ptz_reaches_asks_for_nothing(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    target = (670.0, 400.0)          # at gate B: only its recognition camera
    with qtbot.waitSignal(view.aimRequested, timeout=2000) as sig:
        _click(qtbot, view, view.view_pos_of_point(target), CTRL)
    assert sig.args == [[]]


def test_ctrl_click_on_a_camera_aims_rather_than_opens(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    view.cameraActivated.connect(opened.append)
    with qtbot.waitSignal(view.aimRequested, timeout=2000):
        _click(qtbot, view, view.view_pos("DV-CAM-06"), CTRL)
    assert opened == []


def test_aiming_across_north(qtbot, plans) -> None:  # type: ignore[no-untyped-def]
    """HN-CAM-09 pans from 290° through north to 110°: a point north-west of it."""
    v = SitePlanView()
    qtbot.addWidget(v)
    v.resize(1000, 700)
    plan, cams = plans[HN]
    v.set_plan(plan, cams)
    cam = v.cameras["HN-CAM-09"]
    point = geo.offset(cam.position, 340.0, 60.0)
    moves = v.aim_at(point)
    assert "HN-CAM-09" in [m[0] for m in moves]
    pan = next(p for c, p, _ in moves if c == "HN-CAM-09")
    assert geo.pan_to_bearing(cam, pan) == pytest.approx(340.0)
    assert pan == pytest.approx(((340 - 20 - 360) + 90) / 180 * 2 - 1)  # -40° → -0.444
    v.close()


# -- neighbours ------------------------------------------------------------------------
def test_selecting_a_camera_highlights_its_neighbours(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.neighboursFound, timeout=2000) as sig:
        _click(qtbot, view, view.view_pos("DV-CAM-06"))
    codes = sig.args[0]
    expected = [n.code for n in geo.neighbours_of_camera(view.cameras.values(), "DV-CAM-06")]
    assert codes == expected
    assert "DV-CAM-09" in codes and "DV-CAM-03" in codes
    assert "DV-CAM-06" not in codes and "DV-CAM-07" not in codes
    for code in view.cameras:
        assert view.icon(code).neighbour == (code in codes)
    # Escape clears it
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected is None and not any(view.icon(c).neighbour for c in view.cameras)


def test_clicking_a_point_highlights_the_cameras_that_see_it(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    target = (100.0, 320.0)          # the scanner in the inspection area
    picked: list[tuple[float, float]] = []
    view.pointPicked.connect(lambda x, y: picked.append((x, y)))
    opened: list[str] = []
    view.cameraActivated.connect(opened.append)
    with qtbot.waitSignal(view.neighboursFound, timeout=2000) as sig:
        _click(qtbot, view, view.view_pos_of_point(target))
    codes = sig.args[0]
    assert codes == [c.code for c in geo.cameras_seeing(view.cameras.values(), picked[-1])]
    assert "DV-CAM-06" in codes and "DV-CAM-03" in codes
    assert opened == []


# -- zoom, drag, fit ---------------------------------------------------------------------
def test_wheel_zooms_drag_pans_and_fit_restores(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    fitted = view.transform().m11()
    centre = view.viewport().rect().center()
    for _ in range(3):
        ev = QWheelEvent(QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)),
                         QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                         Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), ev)
    assert view.transform().m11() == pytest.approx(fitted * 1.25 ** 3)
    scale_m = view.metres_per_view_pixel()
    assert scale_m == pytest.approx(view.plan.metres_per_pixel / view.transform().m11())

    signals: list[object] = []
    view.cameraActivated.connect(signals.append)
    view.neighboursFound.connect(signals.append)
    before = view.mapToScene(centre)
    start = view.view_pos("DV-CAM-03")   # a drag that starts on a camera pans too
    _send_mouse(view, QEvent.Type.MouseButtonPress, start, LEFT)
    for i in range(1, 11):
        _send_mouse(view, QEvent.Type.MouseMove, start + QPoint(-8 * i, -5 * i), LEFT)
    _send_mouse(view, QEvent.Type.MouseButtonRelease, start + QPoint(-80, -50),
                Qt.MouseButton.NoButton)
    after = view.mapToScene(centre)
    assert after.x() - before.x() == pytest.approx(80 / view.transform().m11(), abs=2)
    assert after.y() - before.y() == pytest.approx(50 / view.transform().m11(), abs=2)
    assert signals == []             # a drag is not a click

    view.fit_to_window()
    assert view.transform().m11() == pytest.approx(fitted)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.transform().m11() > fitted
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.transform().m11() == pytest.approx(fitted)


def test_fit_follows_the_window_until_the_officer_zooms(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    small = view.transform().m11()
    view.resize(1600, 1000)
    qtbot.waitUntil(lambda: view.transform().m11() > small * 1.1, timeout=2000)
    view.zoom_by(2.0)
    zoomed = view.transform().m11()
    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 1000, timeout=2000)
    assert view.transform().m11() == pytest.approx(zoomed)


@pytest.mark.parametrize(("max_m", "want"), [(160, 100), (99, 50), (45, 20), (1.5, 1),
                                             (0.7, 0.5), (0, 0)])
def test_scale_bar_length(max_m: float, want: float) -> None:
    assert nice_length(max_m) == pytest.approx(want)


# -- the picture -----------------------------------------------------------------------
def test_rendered_plan_shows_cameras_in_their_state_colours(qtbot, view, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view.set_state("DV-CAM-04", "offline")
    view.set_state("DV-CAM-03", "live")
    view.select_camera("DV-CAM-06")
    image = view.grab().toImage()
    out = tmp_path / "siteplan.png"
    assert image.save(str(out))
    assert out.stat().st_size > 50_000

    def colour_near(code: str) -> set[str]:
        p = view.view_pos(code)
        seen = set()
        for dx in range(-6, 7, 2):
            for dy in range(-6, 7, 2):
                c = QColor(image.pixel(p.x() + dx, p.y() + dy))
                seen.add(c.name())
        return seen

    assert "#f85149" in colour_near("DV-CAM-04")      # offline: red
    assert "#3fb950" in colour_near("DV-CAM-03")      # live: green


def test_missing_image_still_shows_the_cameras(qtbot, plans, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan, cams = plans[DV]
    v = SitePlanView()
    qtbot.addWidget(v)
    v.set_plan(SitePlan(plan.site, tmp_path / "gone.png", plan.metres_per_pixel,
                        plan.origin_px), cams)
    assert len(v.cameras) == 9
    assert any(hasattr(i, "text") and "gone.png" in i.text() for i in v.scene().items())


# -- the panel --------------------------------------------------------------------------
def test_panel_switches_sites_and_keeps_states_and_positions(qtbot, plans) -> None:  # type: ignore[no-untyped-def]
    panel = SitePlanPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.set_plans(plans.values())
    assert panel.sites.count() == 2
    panel.show_site(DV)
    assert set(panel.view.cameras) == {c.code for c in plans[DV][1]}
    panel.set_state("HN-CAM-05", "offline")                 # not shown yet
    panel.set_position("HN-CAM-05", 0.4, 0.0, 0.5)
    panel.show_camera("HN-CAM-05")
    assert panel.site == HN
    assert panel.view.selected == "HN-CAM-05"
    assert panel.view.icon("HN-CAM-05").state == "offline"
    assert panel.view.cameras["HN-CAM-05"].pan == pytest.approx(0.4)
    activated: list[str] = []
    panel.cameraActivated.connect(activated.append)
    panel.show()
    qtbot.waitExposed(panel)
    panel.view.fit_to_window()
    _click(qtbot, panel.view, panel.view.view_pos("HN-CAM-07"))
    assert activated == ["HN-CAM-07"]
    panel.show_camera("NO-SUCH")
    assert panel.site == HN
