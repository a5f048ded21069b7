"""The demo site's camera simulator as a process of its own, started and stopped by the
demo command (`main.py --demo`), never by the application: one GStreamer RTSP server
(video/sim/rtsp_server.py, run with Debian's python3) serving every demo camera's
sub-stream (640×360) and main stream (1280×720) with its name and a running clock
burned in. Media are shared and encoded only while someone watches them, so a main
stream costs the machine only while a tile shows it large.

`DemoSite().start()` starts the RTSP cameras (8554 if free, else any free port), the
fake ONVIF service of the PTZ cameras and their moving pictures, and returns the ports
(None for a part that cannot run here, e.g. without GStreamer's bindings: the demo then
starts without those cameras and their tiles say "offline"). A simulator that exits
while the demo runs is started again on the same port (`keep_alive`), so the tiles,
which reconnect by themselves, come back instead of staying offline."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from app import simulators
from app.cameras.registry import DEMO_ONVIF_LOGIN, demo_cameras
from app.simulators import free_port, port_free

log = logging.getLogger("customs.video.sim")
SERVER = Path(__file__).resolve().parent / "rtsp_server.py"
SYSTEM_PYTHON = os.environ.get("CUSTOMS_SIM_PYTHON", "/usr/bin/python3")
PATTERNS = ("ball", "smpte", "snow", "pinwheel", "spokes", "gradient", "circular", "zone-plate")


def demo_mounts(port: int = 8554) -> list[dict]:
    """The simulator's mounts for the demo cameras: /CODE/sub and /CODE/main, replayed
    from the pre-encoded files when they are ready (`python -m video.sim.prepare
    --demo`, run by the demo's set-up), else encoded live."""
    from video.sim import prepare  # noqa: PLC0415

    try:
        return prepare.simulator_mounts(demo_cameras(port), make=False)
    except (FileNotFoundError, OSError):
        log.info("no pre-encoded demo streams (python -m video.sim.prepare --demo): "
                 "encoding live")
    mounts: list[dict] = []
    for i, cam in enumerate(demo_cameras(port)):
        label = ""  # the tile names the camera; the picture carries its clock only
        pattern = PATTERNS[i % len(PATTERNS)] if cam["kind"] != "fixed" else "ball"
        mounts.append({"path": f"/{cam['code']}/sub", "size": "640x360", "fps": 15,
                       "pattern": pattern, "label": label})
        mounts.append({"path": f"/{cam['code']}/main", "size": "1280x720", "fps": 15,
                       "pattern": pattern, "label": label})
        if cam["kind"] == "mobile":   # the command vehicle's sound (Đ13.3)
            mounts[-1]["audio"] = mounts[-2]["audio"] = "true"
    return mounts


class SimulatorProcess(simulators.SimulatorProcess):
    """The RTSP camera server (video/sim/rtsp_server.py, Debian's python3) serving
    `mounts`, as a process of the shared harness (app/simulators.py): it prints
    "READY <port>" when serving and quits when its standard input closes."""

    def __init__(self, mounts: list[dict], port: int = 0, *, name: str = "camera simulator",
                 python: str = SYSTEM_PYTHON) -> None:
        super().__init__(port, name=name, python=python)
        self.mounts = mounts

    def url(self, path: str) -> str:
        return f"rtsp://127.0.0.1:{self.port}{path}"

    def command(self, port: int) -> list[str]:
        config = self._dir / "mounts.json"
        config.write_text(json.dumps({"mounts": self.mounts}), encoding="utf-8")
        return [self.python, str(SERVER), "--config", str(config), "--port", str(port),
                "--stdin-eof-quits"]


CAMERA_MAP = Path(__file__).resolve().parents[2] / "resources" / "site" / "camera_map" / \
    "camera_map.json"
OUT_OF_POSITION = "DV-CAM-05"   # the demo's camera left out of its reference position


def demo_watch_positions() -> dict[str, list[dict]]:
    """The demo camera map's watch positions per camera (their presets on the simulated
    cameras carry the map's tokens, so "restore by preset" works)."""
    try:
        data = json.loads(CAMERA_MAP.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("demo camera map unreadable: %s", exc)
        return {}
    return {c["camera"]: [p for p in c.get("positions", []) if p.get("preset")]
            for c in data.get("cameras", [])}


class OnvifProcess(simulators.SimulatorProcess):
    """The fake ONVIF service of the demo's PTZ cameras (video/sim/onvif_camera.py, run
    with this interpreter: it needs nothing from Debian's)."""

    def __init__(self, codes: list[str], port: int = 0) -> None:
        super().__init__(port, name="ONVIF camera simulator", python=sys.executable)
        self.codes = codes

    def command(self, port: int) -> list[str]:
        user, password = DEMO_ONVIF_LOGIN
        cmd = [self.python, "-m", "video.sim.onvif_camera", "--port", str(port), "--user", user,
               "--password", password, "--stdin-eof-quits"]
        positions = demo_watch_positions()
        for code in self.codes:
            cmd += ["--camera", code]
            for p in positions.get(code, []):
                cmd += ["--preset", f"{code}:{p['name']}={p['pan']},{p['tilt']},{p['zoom']},"
                                    f"{p['preset']}"]
                if p.get("default"):
                    start = (p["pan"], p["tilt"], p["zoom"])
                    if code == OUT_OF_POSITION:      # someone left it looking elsewhere
                        start = (min(1.0, p["pan"] + 0.3), p["tilt"], p["zoom"])
                    cmd += ["--start", f"{code}={start[0]},{start[1]},{start[2]}"]
        return cmd


class PtzSceneProcess(simulators.SimulatorProcess):
    """The PTZ cameras' pictures (video/sim/ptz_scene.py, Debian's python3): a crop of a
    large scene that follows each camera's position on the ONVIF simulator."""

    def __init__(self, cameras: list[dict], onvif_port: int, port: int = 0) -> None:
        super().__init__(port, name="PTZ scene simulator", python=SYSTEM_PYTHON)
        self.cameras = cameras
        self.onvif_port = onvif_port

    def command(self, port: int) -> list[str]:
        cmd = [self.python, str(SERVER.parent / "ptz_scene.py"), "--port", str(port),
               "--stdin-eof-quits"]
        for cam in self.cameras:
            state = f"http://127.0.0.1:{self.onvif_port}/{cam['code']}/sim/state"
            for stream, size in (("sub", "640x360"), ("main", "1280x720")):
                # no name burned in: the tile names the camera
                cmd += ["--mount", f'path=/{cam["code"]}/{stream},state={state},size={size},'
                                   'label=""']
        return cmd


@dataclass
class DemoPorts:
    rtsp: int | None
    ptz: int | None = None
    onvif: int | None = None

    def seeding(self) -> dict[str, int | None]:
        """The keyword arguments of app.cameras.registry.seed_demo_cameras."""
        return {"port": self.rtsp or 8554, "ptz_port": self.ptz, "onvif_port": self.onvif}


class DemoSite:
    """The demo site's simulators, started by the demo command and stopped with it: the
    RTSP cameras (8554 when free), the fake ONVIF service of the PTZ cameras (9554) and
    their moving pictures (8555). A part that cannot start leaves its cameras offline."""

    def __init__(self) -> None:
        self.rtsp = DemoSimulator()
        ptz = [c for c in demo_cameras() if c["kind"] == "ptz"]
        self.onvif = OnvifProcess([c["code"] for c in ptz], free_port(9554))
        # the scene follows the ONVIF service's port, chosen before either starts
        self.scene = PtzSceneProcess(ptz, self.onvif.preferred_port, 8555)
        self._launched = [False, False, False]
        self._ports = None

    def start(self) -> DemoPorts:
        """Starts the three at once, then waits for each (about a second in all)."""
        self.launch()
        return self.ports()

    def launch(self) -> None:
        """Starts the three without waiting (the client starts meanwhile)."""
        self._launched = [p.launch() for p in (self.rtsp, self.onvif, self.scene)]
        self._ports: DemoPorts | None = None

    def ports(self) -> DemoPorts:
        """Waits for the simulators launched (once) and gives their ports."""
        if self._ports is None:
            procs = (self.rtsp, self.onvif, self.scene)
            rtsp, onvif, ptz = (p.wait_ready() if ok else None
                                for p, ok in zip(procs, self._launched, strict=True))
            self._ports = DemoPorts(rtsp, ptz if onvif else None, onvif)
            for proc in procs:
                proc.keep_alive()
        return self._ports

    def seeding(self) -> dict[str, int | None]:
        """The keyword arguments of app.cameras.registry.seed_demo_cameras (waits for the ports:
        call it on a worker thread)."""
        return self.ports().seeding()

    def stop(self) -> None:
        procs = (self.scene, self.onvif, self.rtsp)
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.stop()


class DemoSimulator(SimulatorProcess):
    """The demo site's simulator: every demo camera's /CODE/sub and /CODE/main, on port
    8554 when it is free."""

    def __init__(self, preferred_port: int = 8554) -> None:
        super().__init__(demo_mounts(), preferred_port)


__all__ = ["DemoPorts", "DemoSimulator", "DemoSite", "OnvifProcess", "PtzSceneProcess",
           "SimulatorProcess", "demo_mounts", "free_port", "port_free"]
