"""The camera-map check (Đ14.1.1b, issue 5 item 4): the comparison (deviation rows
in degrees where calibrated, tolerance, "cannot verify by status"), the run's
record with its duty-log entry and the handover's open items, restores and their
outcomes, and the whole check against real fake ONVIF cameras through the real
client library and threaded controllers: one in position, one moved within
tolerance, one moved away, one reporting no position, one stopping short of its
preset (restore: "did not arrive"), restores that arrive (preset and absolute)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app.cameras.map_model import DEMO_FILE, Calibration, WatchPosition
from app.cameras.map_service import CameraReference
from app.cameras.ptz_check import (
    ARRIVED,
    CANNOT_VERIFY,
    IN_POSITION,
    NO_POSITION,
    NO_REFERENCE,
    NOT_ARRIVED,
    OUT_OF_POSITION,
    UNREADABLE,
    StatusReading,
    arrival,
    compare,
    deltas_vi,
)
from app.cameras.registry import seed_demo_cameras
from app.db.models import LogEntry, PtzCheckRow, PtzCheckRun
from app.errors import NotFound, NotRun, PermissionDenied, ValidationError
from video.ptz.check import CameraMapCheck
from video.ptz.onvif_driver import OnvifPtzDriver, OnvifSettings
from video.ptz.threaded import ThreadedPtzController
from video.sim.onvif_camera import OnvifCameraSim, PtzFaults, SimCamera

WAIT = 20.0


def _cal(camera: str = "C", full: bool = False) -> Calibration:
    return Calibration(camera, 0.0, 0.0, 10.0, 0.0, -180.0 if full else -170.0,
                       180.0 if full else 170.0, -90.0, 30.0,
                       ((0.0, 60.0), (0.5, 20.0), (1.0, 4.0)))


def _ref(calibrated: bool = True, full: bool = False) -> CameraReference:
    return CameraReference("C", "Camera C", (
        WatchPosition("C", "P01", "Toàn cảnh", "T1", 0.0, -0.3, 0.1, 0.01, 0.01, 0.02,
                      default=True),
        WatchPosition("C", "P02", "Cổng", "T2", 0.5, -0.4, 0.5, 0.01, 0.01, 0.02,
                      scanner="MS-1")), _cal(full=full) if calibrated else None)


# -- the comparison (pure) ----------------------------------------------------------------
def test_in_position_exactly_and_within_tolerance():
    ref = _ref()
    d = compare(ref, StatusReading("C", 0.0, -0.3, 0.1))
    assert (d.outcome, d.position.code, d.within) == (IN_POSITION, "P01", True)
    assert (d.d_pan_deg, d.d_tilt_deg, d.d_fov_deg) == (0.0, 0.0, 0.0)
    d = compare(ref, StatusReading("C", 0.008, -0.309, 0.115))
    assert d.outcome == IN_POSITION and d.within
    assert d.d_pan == pytest.approx(0.008) and d.d_pan_deg == pytest.approx(0.008 * 170)
    assert d.d_tilt_deg == pytest.approx(-0.009 * 60)
    assert d.d_fov_deg == pytest.approx(-0.015 * 80)  # 80° per zoom unit on [0, 0.5]
    # At the other watch position: in position there.
    d = compare(ref, StatusReading("C", 0.505, -0.4, 0.49))
    assert (d.outcome, d.position.code) == (IN_POSITION, "P02")


def test_out_of_position_is_measured_against_the_default_position():
    ref = _ref()
    d = compare(ref, StatusReading("C", 0.012, -0.3, 0.1))  # just outside on pan
    assert (d.outcome, d.position.code, d.within) == (OUT_OF_POSITION, "P01", False)
    d = compare(ref, StatusReading("C", 0.2, -0.1, 0.3))
    assert d.outcome == OUT_OF_POSITION and d.position.code == "P01"
    assert (d.d_pan_deg, d.d_tilt_deg, d.d_fov_deg) == pytest.approx((34.0, 12.0, -16.0))
    assert d.display_deltas() == (d.d_pan_deg, d.d_tilt_deg, d.d_fov_deg, "deg")
    assert deltas_vi(d) == "lệch ngang +34,0°, dọc +12,0°, góc nhìn −16,0°"
    zoom_only = compare(ref, StatusReading("C", 0.0, -0.3, 0.2))
    assert zoom_only.outcome == OUT_OF_POSITION and zoom_only.d_zoom == pytest.approx(0.1)


def test_uncalibrated_cameras_show_generic_units_and_pan_wraps_on_a_full_circle():
    d = compare(_ref(calibrated=False), StatusReading("C", 0.2, -0.1, 0.3))
    assert d.outcome == OUT_OF_POSITION and d.display_deltas()[3] == "generic"
    assert d.d_pan_deg is None and d.d_pan == pytest.approx(0.2)
    assert deltas_vi(d) == "lệch ngang +0,200, dọc +0,200, thu phóng +0,200 (đơn vị ONVIF)"
    ref = CameraReference("C", "C", (WatchPosition("C", "P01", "Bắc", None, 0.998, 0.0, None),),
                          _cal(full=True))
    d = compare(ref, StatusReading("C", -0.998, 0.0, 0.7))  # 0.72° apart across ±180°
    assert d.outcome == IN_POSITION and d.d_pan_deg == pytest.approx(0.72)
    assert d.d_zoom is None  # the reference gives no zoom


def test_readings_that_cannot_be_verified():
    ref = _ref()
    assert compare(ref, StatusReading("C")).outcome == NO_POSITION
    assert compare(ref, StatusReading("C", error="timeout")).outcome == UNREADABLE
    assert compare(CameraReference("C", "C", ()), StatusReading("C", 0, 0, 0)).outcome == \
        NO_REFERENCE
    p = ref.default
    assert arrival(ref, p, StatusReading("C", 0.0, -0.3, 0.1)).outcome == ARRIVED
    assert arrival(ref, p, StatusReading("C", 0.1, -0.3, 0.1)).outcome == NOT_ARRIVED
    assert arrival(ref, p, StatusReading("C")).outcome == CANNOT_VERIFY
    assert arrival(ref, p, StatusReading("C", error="unreachable")).outcome == NOT_ARRIVED
    assert arrival(ref, p, None).outcome == NOT_ARRIVED


# -- the record --------------------------------------------------------------------------
@pytest.fixture
def mapped(ctx, users):
    seed_demo_cameras(ctx)
    ctx.camera_map.import_file(users["admin"], DEMO_FILE)
    return {r.camera: r for r in ctx.ptz_check.references()}


def _entry(ctx, entry_id: int) -> LogEntry:
    with ctx.db.read() as s:
        return s.get(LogEntry, entry_id)


def _ptz_items(ctx, desk):
    shift = ctx.roster.current_shift(desk.id)
    return [i for i in ctx.open_items.collect(desk.id, shift) if i.source == "ptz_position"]


def test_a_run_is_recorded_with_one_log_entry_and_open_items(ctx, users, desk, mapped):
    officer = users["giamsat1"]
    shift = ctx.roster.current_shift(desk.id)  # the console opens its shift at login
    readings = [StatusReading("DV-CAM-03", 0.0, -0.3, 0.0),
                StatusReading("DV-CAM-05", 0.6, 0.0, 0.9),
                StatusReading("HN-CAM-05", error="timeout"),
                StatusReading("HN-CAM-06"),
                StatusReading("HN-CAM-09", 0.95, -0.25, 0.2)]  # at its P02
    result = ctx.ptz_check.record_run(officer, desk.id, "shift_start", readings)
    run = result.run
    assert (run.trigger, run.started_by, run.cameras, run.in_position, run.out_of_position,
            run.not_verifiable) == ("shift_start", officer.id, 5, 2, 1, 2)
    assert run.map_version_id == ctx.camera_map.current_version().id
    assert run.shift_id == shift.id
    rows = {r.camera_code: r for r in ctx.ptz_check.rows(run.id)}
    assert {c: r.outcome for c, r in rows.items()} == {
        "DV-CAM-03": IN_POSITION, "DV-CAM-05": OUT_OF_POSITION, "HN-CAM-05": UNREADABLE,
        "HN-CAM-06": NO_POSITION, "HN-CAM-09": IN_POSITION}
    assert rows["HN-CAM-09"].position_code == "P02"
    assert rows["DV-CAM-05"].d_pan_deg == pytest.approx(0.5 * 170)
    assert rows["HN-CAM-05"].detail == "timeout"
    entry = _entry(ctx, run.log_entry_id)
    assert entry.kind == "work" and entry.author_id == officer.id
    assert entry.content.startswith("Kiểm tra đầu ca góc quan sát, độ phóng của 5 camera PTZ "
                                    "theo dữ liệu bản đồ camera (phiên bản 1) (Đ14.1.1b).")
    assert "Đúng vị trí: 2 (DV-CAM-03, HN-CAM-09)." in entry.content
    assert ("Lệch vị trí: 1 (DV-CAM-05 – vị trí “Cầu tàu số 1 – toàn cảnh” (P01): lệch ngang "
            "+85,0°, dọc +13,1°, góc nhìn −42,7°).") in entry.content
    assert ("Không xác định được qua trạng thái: 2 (HN-CAM-05 (không đọc được trạng thái: "
            "camera không trả lời kịp thời); HN-CAM-06 (camera không báo vị trí, kiểm tra "
            "bằng hình ảnh)).") in entry.content
    assert entry.place == "Cảng Đình Vũ, Cửa khẩu quốc tế Hữu Nghị"

    items = _ptz_items(ctx, desk)
    assert [(i.ref, i.title) for i in items] == [
        (str(rows["DV-CAM-05"].id), "Camera DV-CAM-05 – Cầu tàu số 1: lệch vị trí “Cầu tàu "
                                    "số 1 – toàn cảnh” (P01)")]
    assert "chưa khôi phục" in items[0].detail and "ngang +85,0°" in items[0].detail

    # A restore that did not arrive keeps it open; one that arrived closes it.
    ref = mapped["DV-CAM-05"]
    row = ctx.ptz_check.record_restore(officer, run.id, "DV-CAM-05", None, "preset",
                                       StatusReading("DV-CAM-05", 0.3, -0.1, 0.5))
    assert (row.kind, row.outcome, row.method, row.position_code) == (
        "restore", NOT_ARRIVED, "preset", "P01")
    assert "camera không về đúng vị trí (lệch ngang" in _entry(ctx, row.log_entry_id).content
    items = _ptz_items(ctx, desk)
    assert len(items) == 1 and "khôi phục không thành công" in items[0].detail
    p = ref.default
    row = ctx.ptz_check.record_restore(officer, run.id, "DV-CAM-05", "P01", "preset",
                                       StatusReading("DV-CAM-05", p.pan, p.tilt, p.zoom))
    assert row.outcome == ARRIVED
    assert _entry(ctx, row.log_entry_id).content == (
        "Khôi phục camera DV-CAM-05 – Cầu tàu số 1 về vị trí “Cầu tàu số 1 – toàn cảnh” (P01) "
        "(lệnh về preset DV05-P01): camera đã về đúng vị trí.")
    assert _ptz_items(ctx, desk) == []
    row = ctx.ptz_check.record_restore(officer, run.id, "HN-CAM-06", None, "preset",
                                       StatusReading("HN-CAM-06"))
    assert row.outcome == CANNOT_VERIFY
    assert "cần kiểm tra bằng hình ảnh" in _entry(ctx, row.log_entry_id).content
    assert [r.kind for r in ctx.ptz_check.rows(run.id)].count("restore") == 3
    assert ctx.ptz_check.runs(desk.id)[0].id == run.id


def test_record_refuses_bad_input(ctx, users, desk, mapped):
    officer = users["giamsat1"]
    with pytest.raises(PermissionDenied):
        ctx.ptz_check.record_run(users["admin"], desk.id, "on_demand",
                                 [StatusReading("DV-CAM-03")])
    with pytest.raises(ValidationError):
        ctx.ptz_check.record_run(officer, desk.id, "sometimes", [StatusReading("DV-CAM-03")])
    with pytest.raises(ValidationError):
        ctx.ptz_check.record_run(officer, desk.id, "on_demand", [])
    with pytest.raises(NotFound):
        ctx.ptz_check.record_run(officer, desk.id, "on_demand", [StatusReading("NO-CAM")])
    run = ctx.ptz_check.record_run(officer, desk.id, "on_demand",
                                   [StatusReading("DV-CAM-03", 0.0, -0.3, 0.0)]).run
    with pytest.raises(NotFound):
        ctx.ptz_check.record_restore(officer, run.id, "DV-CAM-03", "P09", "preset", None)
    with pytest.raises(ValidationError):
        ctx.ptz_check.record_restore(officer, run.id, "DV-CAM-03", "P01", "teleport", None)
    with pytest.raises(NotFound):
        ctx.ptz_check.record_restore(officer, 99999, "DV-CAM-03", "P01", "preset", None)
    with ctx.db.read() as s:
        assert len(s.scalars(select(PtzCheckRun)).all()) == 1
        assert len(s.scalars(select(PtzCheckRow)).all()) == 1


# -- against fake ONVIF cameras ------------------------------------------------------------
def _sim_cameras(refs: dict[str, CameraReference]) -> list[SimCamera]:
    def at(code: str, position: str, dp: float = 0.0, dt: float = 0.0, dz: float = 0.0):
        p = refs[code].position(position)
        return (p.pan + dp, p.tilt + dt, p.zoom + dz)

    starts = {
        "DV-CAM-03": (at("DV-CAM-03", "P01"), PtzFaults()),                     # in position
        "DV-CAM-05": (at("DV-CAM-05", "P01", 0.006, -0.005, 0.01), PtzFaults()),  # within tol.
        "HN-CAM-05": ((0.6, 0.1, 0.7), PtzFaults()),                            # moved away
        "HN-CAM-06": (at("HN-CAM-06", "P01"), PtzFaults(no_position=True)),
        "HN-CAM-09": ((0.3, 0.2, 0.8), PtzFaults(short_of_preset=0.5)),
    }
    cams = []
    for code, (start, faults) in starts.items():
        cam = SimCamera(code, start=start, faults=faults, pan_tilt_rate=3.0, zoom_rate=3.0)
        for p in refs[code].positions:
            if p.preset_token:
                cam.add_preset(p.name, (p.pan, p.tilt, p.zoom), p.preset_token)
        cams.append(cam)
    return cams


@pytest.fixture
def onvif(mapped) -> Iterator[tuple[OnvifCameraSim, dict[str, ThreadedPtzController]]]:
    sim = OnvifCameraSim(_sim_cameras(mapped)).start()
    controllers = {code: ThreadedPtzController(OnvifPtzDriver(OnvifSettings(
        code, sim.device_url(code), "admin", "admin", timeout=5.0)), stop_settle=0.05)
        for code in sim.cameras}
    try:
        yield sim, controllers
    finally:
        for ctl in controllers.values():
            ctl.close()
        sim.close()


def test_check_and_restore_against_fake_onvif_cameras(ctx, users, desk, mapped, onvif):
    sim, controllers = onvif
    officer = users["giamsat1"]
    check = CameraMapCheck(controllers, status_timeout=5.0, arrive_timeout=8.0, poll=0.05)

    # The reads do not block: a future at once, all cameras read in parallel.
    started = time.monotonic()
    future = check.read_statuses(sorted(mapped))
    assert time.monotonic() - started < 0.5
    readings = {r.camera: r for r in future.result(WAIT)}
    assert readings["HN-CAM-06"].has_position is False and readings["HN-CAM-06"].error is None
    assert readings["DV-CAM-03"].pan == pytest.approx(0.0)

    result = check.run_check(ctx.ptz_check, officer, desk.id, "on_demand")
    rows = {d.camera: d for d in result.deviations}
    assert {c: (d.outcome, d.position.code) for c, d in rows.items()} == {
        "DV-CAM-03": (IN_POSITION, "P01"), "DV-CAM-05": (IN_POSITION, "P01"),
        "HN-CAM-05": (OUT_OF_POSITION, "P01"), "HN-CAM-06": (NO_POSITION, "P01"),
        "HN-CAM-09": (OUT_OF_POSITION, "P01")}
    assert rows["DV-CAM-05"].d_pan == pytest.approx(0.006, abs=1e-6)
    assert rows["DV-CAM-05"].d_pan_deg == pytest.approx(0.006 * 170, abs=1e-4)
    assert rows["HN-CAM-05"].d_pan_deg == pytest.approx(0.6 * 180, abs=1e-3)
    run = result.run
    assert (run.in_position, run.out_of_position, run.not_verifiable) == (2, 2, 1)
    entry = _entry(ctx, run.log_entry_id)
    assert "Lệch vị trí: 2 (HN-CAM-05" in entry.content and "HN-CAM-06 (camera không báo vị " \
        "trí" in entry.content
    assert sorted(i.title.split(" – ")[0] for i in _ptz_items(ctx, desk)) == [
        "Camera HN-CAM-05", "Camera HN-CAM-09"]

    # "Restore all" for the cameras out of position: one arrives, one stops short.
    out = [mapped[d.camera] for d in result.deviations if d.outcome == OUT_OF_POSITION]
    restored = check.restore_all_and_record(ctx.ptz_check, officer, run.id, out)
    assert {r.camera_code: (r.outcome, r.method) for r in restored} == {
        "HN-CAM-05": (ARRIVED, "preset"), "HN-CAM-09": (NOT_ARRIVED, "preset")}
    p01 = mapped["HN-CAM-05"].default
    assert sim.camera("HN-CAM-05").head.position() == pytest.approx((p01.pan, p01.tilt,
                                                                     p01.zoom), abs=1e-6)
    short = next(r for r in restored if r.camera_code == "HN-CAM-09")
    assert short.d_pan is not None and abs(short.d_pan) > 0.1  # half-way only
    assert "camera không về đúng vị trí" in _entry(ctx, short.log_entry_id).content
    items = _ptz_items(ctx, desk)
    assert len(items) == 1 and items[0].title.startswith("Camera HN-CAM-09")
    assert "khôi phục không thành công" in items[0].detail

    # A position without a preset token is restored by AbsoluteMove (no falling short).
    ref09 = mapped["HN-CAM-09"]
    p03 = ref09.position("P03")
    assert p03.preset_token is None
    res = check.restore(ref09, p03).result(WAIT)
    assert (res.method, res.outcome, res.arrived) == ("absolute", ARRIVED, True)
    assert sim.camera("HN-CAM-09").count("AbsoluteMove") == 1
    row = ctx.ptz_check.record_restore(officer, run.id, "HN-CAM-09", "P03", res.method,
                                       res.reading)
    assert row.outcome == ARRIVED
    assert "lệnh di chuyển tuyệt đối (AbsoluteMove)" in _entry(ctx, row.log_entry_id).content
    assert _ptz_items(ctx, desk) == []

    # A camera that reports no position: the restore is sent, its arrival unknowable.
    res = check.restore(mapped["HN-CAM-06"]).result(WAIT)
    assert (res.outcome, res.arrived) == (CANNOT_VERIFY, None)
    assert sim.camera("HN-CAM-06").count("GotoPreset") == 1


def test_slow_camera_times_out_and_missing_controller_is_reported(mapped, onvif):
    sim, controllers = onvif
    sim.camera("DV-CAM-05").faults.delay = 1.5
    check = CameraMapCheck({k: v for k, v in controllers.items() if k != "HN-CAM-09"},
                           status_timeout=0.5)
    readings = {r.camera: r for r in check.read_statuses(
        ["DV-CAM-03", "DV-CAM-05", "HN-CAM-09"]).result(WAIT)}
    assert readings["DV-CAM-03"].has_position
    assert readings["DV-CAM-05"].error == "timeout"
    assert readings["HN-CAM-09"].error == "no_controller"
    res = check.restore(mapped["HN-CAM-09"]).result(WAIT)
    assert res.outcome == NOT_ARRIVED and res.reading.error == "no_controller"
    assert compare(mapped["DV-CAM-05"], readings["DV-CAM-05"]).outcome == UNREADABLE


def test_a_check_no_camera_answered_did_not_run_and_writes_nothing(ctx, users, desk, mapped):
    """The simulators not started, the network away: every read failed. That is not a
    result "5 cannot be verified" under the officer's name: nothing is stored."""
    entries = len(ctx.dutylog.entries(desk.id))
    readings = [StatusReading(code, error=err) for code, err in (
        ("DV-CAM-03", "unreachable"), ("DV-CAM-05", "timeout"), ("HN-CAM-05", "no_controller"))]
    with pytest.raises(NotRun) as err:
        ctx.ptz_check.record_run(users["giamsat1"], desk.id, "shift_start", readings)
    assert "Nothing was written" in err.value.message()
    assert ctx.ptz_check.runs(desk.id) == []
    assert len(ctx.dutylog.entries(desk.id)) == entries
