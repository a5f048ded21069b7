"""PTZ control through the real ONVIF client library (onvif-zeep-async) against the
fake ONVIF camera: the driver, the threaded wrapper (futures, explicit Stop, timeouts,
closing), presets and tours, and each switchable camera fault."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from app.errors import ValidationError
from video.ptz.controller import PtzError, PtzFailure, PtzStatus, StopCause, StopReport
from video.ptz.onvif_driver import OnvifPtzDriver, OnvifSettings
from video.ptz.presets import PresetTourController, Tour, TourStep
from video.ptz.threaded import ThreadedPtzController
from video.sim.onvif_camera import OnvifCameraSim, SimCamera

WAIT = 10.0  # s: the most any single future may take here


@pytest.fixture
def sim() -> Iterator[OnvifCameraSim]:
    cams = [SimCamera("PTZ01", rtsp_url="rtsp://127.0.0.1:8554/ptz01"),
            SimCamera("PTZ02"),
            SimCamera("FIX01", ptz=False, rtsp_url="rtsp://127.0.0.1:8554/fix01")]
    with OnvifCameraSim(cams) as s:
        yield s


@pytest.fixture
def make(sim: OnvifCameraSim) -> Iterator[Callable[..., ThreadedPtzController]]:
    made: list[ThreadedPtzController] = []

    def factory(code: str = "PTZ01", password: str = "admin", timeout: float = 3.0,
                url: str | None = None, **kw: object) -> ThreadedPtzController:
        driver = OnvifPtzDriver(OnvifSettings(code, url or sim.device_url(code), "admin",
                                              password, timeout=timeout))
        ctl = ThreadedPtzController(driver, stop_settle=0.1, **kw)  # type: ignore[arg-type]
        made.append(ctl)
        return ctl

    yield factory
    for ctl in made:
        ctl.close()


def wait_status(ctl: ThreadedPtzController, pred: Callable[[PtzStatus], bool],
                deadline: float = WAIT) -> PtzStatus:
    end = time.monotonic() + deadline
    while True:
        st = ctl.status().result(WAIT)
        if pred(st) or time.monotonic() > end:
            return st
        time.sleep(0.05)


def near(a: float | None, b: float, tol: float = 0.02) -> bool:
    return a is not None and abs(a - b) <= tol


def test_full_ptz_sequence(make, sim) -> None:
    ctl = make()
    cam = sim.camera("PTZ01")
    st = ctl.status().result(WAIT)
    assert (st.pan, st.tilt, st.zoom, st.moving) == (0.0, 0.0, 0.0, False)

    # continuous move + explicit stop
    ctl.continuous_move(0.5, -0.5, 0.5).result(WAIT)
    moving = wait_status(ctl, lambda s: s.moving is True and (s.pan or 0) > 0.02)
    assert moving.moving and moving.pan > 0 and moving.tilt < 0 and moving.zoom > 0
    report = ctl.stop().result(WAIT)
    assert report == StopReport("PTZ01", StopCause.CALLER, 1, True)
    a = ctl.status().result(WAIT)
    b = wait_status(ctl, lambda s: True)
    assert a.moving is False and (a.pan, a.tilt, a.zoom) == (b.pan, b.tilt, b.zoom)
    assert cam.count("Stop") == 1

    # absolute: moving is observable, then it arrives
    ctl.absolute_move(0.6, 0.3, 0.4).result(WAIT)
    assert ctl.status().result(WAIT).moving is True
    st = wait_status(ctl, lambda s: s.moving is False)
    assert (st.pan, st.tilt, st.zoom) == pytest.approx((0.6, 0.3, 0.4), abs=1e-6)

    # relative, clamped at the limit
    ctl.relative_move(0.6, -0.1, 0.0).result(WAIT)
    st = wait_status(ctl, lambda s: s.moving is False)
    assert (st.pan, st.tilt, st.zoom) == pytest.approx((1.0, 0.2, 0.4), abs=1e-6)

    # presets: save, list, goto, remove
    token = ctl.set_preset("Cổng chính").result(WAIT)
    presets = ctl.presets().result(WAIT)
    assert [(p.token, p.name) for p in presets] == [(token, "Cổng chính")]
    assert (presets[0].pan, presets[0].tilt, presets[0].zoom) == pytest.approx((1.0, 0.2, 0.4))
    ctl.goto_home().result(WAIT)
    st = wait_status(ctl, lambda s: s.moving is False)
    assert (st.pan, st.tilt, st.zoom) == pytest.approx((0.0, 0.0, 0.0), abs=1e-6)
    ctl.goto_preset(token).result(WAIT)
    st = wait_status(ctl, lambda s: s.moving is False)
    assert (st.pan, st.tilt, st.zoom) == pytest.approx((1.0, 0.2, 0.4), abs=1e-6)
    ctl.remove_preset(token).result(WAIT)
    assert ctl.presets().result(WAIT) == []
    with pytest.raises(PtzError) as err:
        ctl.goto_preset(token).result(WAIT)
    assert err.value.reason is PtzFailure.INVALID_ARGUMENT

    # the stream URI the camera was configured with
    assert ctl.run(lambda d: d.stream_uri()).result(WAIT) == "rtsp://127.0.0.1:8554/ptz01"
    assert [op for op in cam.requests if op.startswith(("Continuous", "Stop", "Absolute",
                                                        "Relative", "Goto", "SetPreset",
                                                        "RemovePreset"))] == [
        "ContinuousMove", "Stop", "AbsoluteMove", "RelativeMove", "SetPreset",
        "GotoHomePosition", "GotoPreset", "RemovePreset", "GotoPreset"]


def test_position_outside_limits_refused_before_sending(make, sim) -> None:
    ctl = make()
    with pytest.raises(PtzError) as err:
        ctl.absolute_move(1.5, 0.0, 0.0).result(WAIT)
    assert err.value.reason is PtzFailure.INVALID_ARGUMENT
    assert "pan" in err.value.message()
    assert sim.camera("PTZ01").count("AbsoluteMove") == 0


def test_client_side_timeout_sends_stop(make, sim) -> None:
    reports: list[StopReport] = []
    ctl = make(on_stop=reports.append)
    ctl.continuous_move(0.3, 0.0, timeout=0.3).result(WAIT)
    end = time.monotonic() + WAIT
    while not reports and time.monotonic() < end:
        time.sleep(0.02)
    assert reports == [StopReport("PTZ01", StopCause.TIMEOUT, 1, True)]
    assert sim.camera("PTZ01").count("Stop") == 1


def test_new_direction_replaces_the_move_and_one_stop_ends_it(make, sim) -> None:
    ctl = make()
    ctl.continuous_move(0.5, 0.0)
    ctl.continuous_move(-0.5, 0.0)
    report = ctl.stop().result(WAIT)
    assert report.stopped is True
    cam = sim.camera("PTZ01")
    assert [op for op in cam.requests if op in ("ContinuousMove", "Stop")] == [
        "ContinuousMove", "ContinuousMove", "Stop"]


def test_camera_ignoring_stop_gets_it_again(make, sim) -> None:
    cam = sim.camera("PTZ01")
    cam.faults.ignore_stop = 1
    reports: list[StopReport] = []
    ctl = make(on_stop=reports.append)
    ctl.continuous_move(0.2, 0.0, timeout=0.2).result(WAIT)
    end = time.monotonic() + WAIT
    while not reports and time.monotonic() < end:
        time.sleep(0.02)
    # the camera ignored its own timeout and the first Stop; the second one held
    assert reports == [StopReport("PTZ01", StopCause.TIMEOUT, 2, True)]
    assert reports[0].ignored_first_stop
    assert cam.count("Stop") == 2 and cam.stops_ignored == 1
    assert not any(cam.head.moving())


def test_camera_that_never_stops_is_reported(make, sim) -> None:
    cam = sim.camera("PTZ01")
    cam.faults.ignore_stop = -1
    ctl = make()
    ctl.continuous_move(0.05, 0.0).result(WAIT)
    report = ctl.stop().result(WAIT)
    assert report.stopped is False and report.attempts == ctl.stop_attempts
    assert cam.count("Stop") == ctl.stop_attempts
    cam.faults.ignore_stop = 0  # let the close() Stop through


def test_short_of_preset_shows_in_status(make, sim) -> None:
    cam = sim.camera("PTZ01")
    token = cam.add_preset("Cân xe", (0.8, -0.4, 0.6))
    cam.faults.short_of_preset = 0.25
    ctl = make()
    ctl.goto_preset(token).result(WAIT)
    st = wait_status(ctl, lambda s: s.moving is False)
    assert (st.pan, st.tilt, st.zoom) == pytest.approx((0.6, -0.3, 0.45), abs=1e-6)
    preset = ctl.presets().result(WAIT)[0]
    assert abs(st.pan - preset.pan) > 0.1  # not arrived


def test_no_position_reported(make, sim) -> None:
    sim.camera("PTZ01").faults.no_position = True
    ctl = make()
    st = ctl.status().result(WAIT)
    assert st == PtzStatus(None, None, None, None, None)
    assert not st.has_position and st.moving is None
    ctl.continuous_move(0.3, 0.0).result(WAIT)
    report = ctl.stop().result(WAIT)
    assert report.attempts == 1 and report.stopped is None  # cannot verify


def test_slow_camera_times_out_without_blocking_the_caller(make, sim) -> None:
    ctl = make(timeout=0.3)
    ctl.status().result(WAIT)  # connected while the camera is quick
    sim.camera("PTZ01").faults.delay = 2.0
    t0 = time.monotonic()
    future = ctl.status()
    assert time.monotonic() - t0 < 0.05
    assert not future.done()
    with pytest.raises(PtzError) as err:
        future.result(WAIT)
    assert err.value.reason is PtzFailure.TIMEOUT
    assert time.monotonic() - t0 < 1.5
    sim.camera("PTZ01").faults.delay = 0.0
    assert ctl.status().result(WAIT).pan == 0.0  # usable again


def test_wrong_password(make, sim) -> None:
    ctl = make(password="wrong")
    with pytest.raises(PtzError) as err:
        ctl.continuous_move(0.5, 0.0).result(WAIT)
    assert err.value.reason is PtzFailure.AUTH_FAILED
    assert "PTZ01" in err.value.message()
    ctl.close()
    # a refused move owes no Stop: closing did not try to log in again
    assert sim.camera("PTZ01").count("GetServices") == 1


def test_unreachable_host(make) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctl = make(url=f"http://127.0.0.1:{port}/onvif/device_service")
    with pytest.raises(PtzError) as err:
        ctl.status().result(WAIT)
    assert err.value.reason is PtzFailure.UNREACHABLE


def test_camera_without_ptz(make) -> None:
    ctl = make("FIX01")
    with pytest.raises(PtzError) as err:
        ctl.continuous_move(0.5, 0.0).result(WAIT)
    assert err.value.reason is PtzFailure.NOT_SUPPORTED


def test_soap_fault_for_unsupported_operation(make) -> None:
    ctl = make()

    async def aux(driver: OnvifPtzDriver) -> object:
        await driver.connect()
        return await driver._guard(
            lambda: driver._ptz.SendAuxiliaryCommand(
                {"ProfileToken": "main", "AuxiliaryData": "tt:Wiper|On"}), 3.0)

    with pytest.raises(PtzError) as err:
        ctl.run(aux).result(WAIT)  # type: ignore[arg-type]
    assert err.value.reason is PtzFailure.NOT_SUPPORTED


def test_close_stops_the_move_and_leaves_no_thread(sim) -> None:
    before = set(threading.enumerate())
    driver = OnvifPtzDriver(OnvifSettings("PTZ02", sim.device_url("PTZ02"), "admin", "admin"))
    ctl = ThreadedPtzController(driver, stop_settle=0.05)
    ctl.continuous_move(0.4, 0.4).result(WAIT)
    ctl.close()
    assert sim.camera("PTZ02").count("Stop") == 1
    assert not any(sim.camera("PTZ02").head.moving())
    assert [t for t in threading.enumerate() if t not in before] == []
    with pytest.raises(PtzError) as err:
        ctl.status().result(WAIT)
    assert err.value.reason is PtzFailure.CLOSED
    ctl.close()  # twice is harmless


def test_close_with_a_slow_command_pending(sim) -> None:
    sim.camera("PTZ02").faults.delay = 5.0
    before = set(threading.enumerate())
    driver = OnvifPtzDriver(OnvifSettings("PTZ02", sim.device_url("PTZ02"), "admin", "admin"))
    ctl = ThreadedPtzController(driver)
    pending = ctl.status()
    t0 = time.monotonic()
    ctl.close()
    assert time.monotonic() - t0 < 3.0
    assert pending.cancelled()
    # the simulator's request thread still sleeps out its delay; the client left none
    assert [t for t in threading.enumerate() if t not in before and t.is_alive()
            and "process_request" not in t.name] == []


# -- presets and tours ---------------------------------------------------------------
@pytest.fixture
def presets(make) -> Callable[..., PresetTourController]:
    def factory(code: str = "PTZ01", **kw: object) -> PresetTourController:
        return PresetTourController(make(code), arrive_timeout=5.0, **kw)  # type: ignore[arg-type]
    return factory


def test_save_checks_names(presets, sim) -> None:
    ctl = presets()
    token = ctl.save_preset("  Cổng 1 ").result(WAIT)
    assert [p.name for p in ctl.presets().result(WAIT)] == ["Cổng 1"]
    for bad in ("", "   ", "cổng 1", "x" * 65):
        with pytest.raises(ValidationError):
            ctl.save_preset(bad).result(WAIT)
    assert [p.token for p in ctl.presets().result(WAIT)] == [token]


def test_rename_keeps_the_preset_position(presets, sim) -> None:
    cam = sim.camera("PTZ01")
    token = cam.add_preset("Old", (0.4, 0.2, 0.3))
    ctl = presets()
    ctl.absolute_move(-0.2, -0.2, 0.0).result(WAIT)
    ctl.rename_preset(token, "Bãi kiểm hóa").result(WAIT)
    [p] = ctl.presets().result(WAIT)
    assert (p.token, p.name) == (token, "Bãi kiểm hóa")
    assert (p.pan, p.tilt, p.zoom) == pytest.approx((0.4, 0.2, 0.3), abs=0.011)


def test_rename_refused_when_position_unknown_or_not_reached(presets, sim) -> None:
    cam = sim.camera("PTZ01")
    token = cam.add_preset("Old", (0.4, 0.2, 0.3))
    ctl = presets()
    cam.faults.short_of_preset = 0.3
    with pytest.raises(PtzError) as err:
        ctl.rename_preset(token, "New").result(WAIT)
    assert err.value.reason is PtzFailure.CAMERA_FAULT
    cam.faults.no_position = True
    with pytest.raises(PtzError) as err:
        ctl.rename_preset(token, "New").result(WAIT)
    assert err.value.reason is PtzFailure.NOT_SUPPORTED
    assert cam.presets[token].name == "Old" and cam.presets[token].position == (0.4, 0.2, 0.3)


def test_goto_preset_verified(presets, sim) -> None:
    cam = sim.camera("PTZ01")
    token = cam.add_preset("Cân", (0.5, 0.5, 0.5))
    ctl = presets()
    arrival = ctl.goto_preset_verified(token).result(WAIT)
    assert arrival.arrived is True and arrival.deviation() == pytest.approx((0, 0, 0), abs=1e-6)
    ctl.goto_home().result(WAIT)
    wait_status(ctl, lambda s: s.moving is False)
    cam.faults.short_of_preset = 0.2
    arrival = ctl.goto_preset_verified(token).result(WAIT)
    assert arrival.arrived is False
    assert arrival.deviation() == pytest.approx((-0.1, -0.1, -0.1), abs=1e-6)
    cam.faults.no_position = True
    assert ctl.goto_preset_verified(token).result(WAIT).arrived is None


def test_tour_cycles_until_stopped_and_a_manual_move_stops_it(presets, sim) -> None:
    cam = sim.camera("PTZ01")
    a = cam.add_preset("A", (0.2, 0.0, 0.0))
    b = cam.add_preset("B", (-0.2, 0.0, 0.0))
    seen: list[str] = []
    ctl = presets(on_tour_step=lambda tour, i: seen.append(tour.steps[i].preset_token))
    tour = Tour("Vòng cổng", (TourStep(a, 0.1), TourStep(b, 0.1)))
    running = ctl.start_tour(tour)
    end = time.monotonic() + WAIT
    while len(seen) < 4 and time.monotonic() < end:
        time.sleep(0.02)
    assert seen[:4] == [a, b, a, b] and ctl.tour_running
    ctl.continuous_move(0.1, 0.0).result(WAIT)
    assert running.cancelled() and not ctl.tour_running
    gotos = cam.count("GotoPreset")
    ctl.stop().result(WAIT)
    time.sleep(0.3)  # longer than a dwell: no further step may come
    assert cam.count("GotoPreset") == gotos
    again = ctl.start_tour(tour)
    ctl.stop_tour()
    assert again.cancelled()
    with pytest.raises(ValidationError):
        ctl.start_tour(Tour("empty", ()))
