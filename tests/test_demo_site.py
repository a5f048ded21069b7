"""The demo command's simulators (video/sim/demo_site.py) as the demo runs them: three
processes started at once, the registry's URLs following their ports, a fixed camera's
picture, a PTZ camera moved through the real ONVIF chain with the registry's
credentials, and nothing left running after stop()."""

from __future__ import annotations

import json
import time
import urllib.request

from app.cameras.registry import seed_demo_cameras
from video.capture import capture_frame
from video.sim.demo_site import DemoSite
from widgets.wall.directory import load_directory
from widgets.wall.ptz import onvif_controller


def _state(port: int, code: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{code}/sim/state", timeout=5) as r:
        return json.loads(r.read())


def test_demo_site_serves_pictures_and_ptz(ctx):
    site = DemoSite()
    ports = site.start()
    try:
        assert ports.rtsp and ports.onvif and ports.ptz
        seed_demo_cameras(ctx, **ports.seeding())
        cams = load_directory(ctx.cameras)
        fixed, ptz = cams["DV-CAM-04"], cams["DV-CAM-03"]
        assert f":{ports.rtsp}/" in fixed.main_url and f":{ports.ptz}/" in ptz.main_url
        frame = capture_frame(fixed.main_url, timeout=15)
        assert (frame.source_width, frame.source_height) == (1280, 720)
        assert ptz.onvif_credentials == ("admin", "demo123")
        ctl = onvif_controller(ptz)
        try:
            before = _state(ports.onvif, "DV-CAM-03")
            ctl.continuous_move(0.5, 0.0).result(30)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and \
                    _state(ports.onvif, "DV-CAM-03")["pan"] <= before["pan"] + 0.05:
                time.sleep(0.05)
            ctl.stop().result(30)
            assert _state(ports.onvif, "DV-CAM-03")["pan"] > before["pan"] + 0.05
            assert len(ctl.presets().result(30)) == 3
        finally:
            ctl.close()
        # the demo's camera map: one camera out of position, restored by its preset
        from app import demo  # noqa: PLC0415
        from video.ptz.check import CameraMapCheck  # noqa: PLC0415

        demo.seed_camera_map(ctx)
        controllers = {code: onvif_controller(cam) for code, cam in cams.items()
                       if cam.kind == "ptz"}
        try:
            check = CameraMapCheck(controllers)
            officer = next(u for u in ctx.reference.users() if u.username == "giamsat1")
            from app.auth import to_current  # noqa: PLC0415

            user = to_current(officer)
            desk = ctx.reference.desk_by_code("HQ")
            ctx.roster.current_shift(desk.id)
            result = check.run_check(ctx.ptz_check, user, desk.id, "on_demand")
            outcomes = {d.camera: d.outcome for d in result.deviations}
            assert outcomes["DV-CAM-05"] == "out_of_position"
            assert outcomes["HN-CAM-05"] == "in_position"      # DV-CAM-03 was moved above
            ref = next(r for r in ctx.ptz_check.references() if r.camera == "DV-CAM-05")
            row = check.restore_and_record(ctx.ptz_check, user, result.run.id, ref)
            assert row.outcome == "arrived"
        finally:
            for c in controllers.values():
                c.close()
        procs = [p.proc for p in (site.rtsp, site.onvif, site.scene)]
    finally:
        site.stop()
    assert all(p is not None and p.poll() is not None for p in procs)


def test_a_simulator_that_dies_is_started_again_on_its_port():
    """A camera simulator killed while the demo runs comes back on the same port, and
    a client's stream, which reconnects by itself, is live again; stop() ends it for
    good (no restart after)."""
    import os  # noqa: PLC0415
    import signal  # noqa: PLC0415

    from tests.helpers.rtsp import FAST  # noqa: PLC0415
    from tests.helpers.subproc import wait_until  # noqa: PLC0415
    from video.sim.demo_site import SimulatorProcess  # noqa: PLC0415
    from video.stream import State, VideoStream  # noqa: PLC0415

    sim = SimulatorProcess([{"path": "/cam/sub", "size": "320x180", "pattern": "smpte"}])
    port = sim.start()
    assert port
    sim.keep_alive()
    stream = VideoStream(sim.url("/cam/sub"), config=FAST).start()
    try:
        wait_until(lambda: stream.state is State.LIVE, 10, what="live")
        first = sim.proc
        assert first is not None
        os.kill(first.pid, signal.SIGKILL)
        wait_until(lambda: sim.restarts == 1 and sim.proc is not None
                   and sim.proc is not first, 20, what="the simulator started again")
        assert sim.port == port
        wait_until(lambda: stream.stats().reconnects >= 1 and stream.state is State.LIVE,
                   20, what=lambda: f"live again ({stream.state})")
        second = sim.proc
    finally:
        assert stream.stop()
        sim.stop()
    assert second.poll() is not None and sim.proc is None and sim.restarts == 1
