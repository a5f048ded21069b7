"""The demo command's simulators (video/sim/demo_site.py) as the demo runs them: three
processes started at once, the registry's URLs following their ports, a fixed camera's
picture, a PTZ camera moved through the real ONVIF chain with the registry's
credentials, and nothing left running after stop()."""

from __future__ import annotations

import json
import time
import urllib.request

from app.cameras import seed_demo_cameras
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
        procs = [p.proc for p in (site.rtsp, site.onvif, site.scene)]
    finally:
        site.stop()
    assert all(p is not None and p.poll() is not None for p in procs)
