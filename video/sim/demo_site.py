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
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from app.cameras.registry import DEMO_ONVIF_LOGIN, demo_cameras

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


def free_port(preferred: int, host: str = "127.0.0.1") -> int:
    """`preferred` if nothing listens there, else a port the system gives."""
    if port_free(preferred, host):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


class SimulatorProcess:
    """One simulator process (the RTSP camera server serving `mounts` by default);
    `start()` returns its port or None. It prints "READY <port>" when serving and quits
    when its standard input closes, so it never outlives the demo."""

    def __init__(self, mounts: list[dict], port: int = 0, *, name: str = "camera simulator",
                 python: str = SYSTEM_PYTHON) -> None:
        self.mounts = mounts
        self.preferred_port = port
        self.name = name
        self.python = python
        self.proc: subprocess.Popen[bytes] | None = None
        self.port: int | None = None
        self.restarts = 0
        self._dir = Path(tempfile.mkdtemp(prefix="customs-sim-"))
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._watch: threading.Thread | None = None

    def url(self, path: str) -> str:
        return f"rtsp://127.0.0.1:{self.port}{path}"

    def command(self, port: int) -> list[str]:
        config = self._dir / "mounts.json"
        config.write_text(json.dumps({"mounts": self.mounts}), encoding="utf-8")
        return [self.python, str(SERVER), "--config", str(config), "--port", str(port),
                "--stdin-eof-quits"]

    def start(self, timeout: float = 15.0) -> int | None:
        return self.wait_ready(timeout) if self.launch() else None

    def launch(self) -> bool:
        """Starts the process without waiting for it (see wait_ready)."""
        if not Path(self.python).exists():
            log.warning("no %s: no %s", self.python, self.name)
            return False
        port = self.port or self.preferred_port
        if port and not port_free(port):
            port = 0
        err = open(self._dir / "stderr.log", "ab")  # noqa: SIM115 - the child keeps it
        try:
            # stdin stays a pipe: the simulator quits when it closes, even if we die
            self.proc = subprocess.Popen(self.command(port), stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=err)
        finally:
            err.close()
        return True

    def wait_ready(self, timeout: float = 15.0) -> int | None:
        """The port once the process says READY, or None (then it is stopped)."""
        if self.proc is None:
            return None
        line = self._read_line(timeout)
        if not line.startswith("READY "):
            log.warning("the %s did not start (%s); see %s", self.name, line or "no answer",
                        self._dir / "stderr.log")
            self.stop()
            return None
        self.port = int(line.split()[1])
        log.info("%s on 127.0.0.1:%d (pid %d)", self.name, self.port, self.proc.pid)
        return self.port

    def _read_line(self, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> str:
        proc = proc or self.proc
        assert proc is not None and proc.stdout is not None
        fd, buf = proc.stdout.fileno(), b""
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in buf and time.monotonic() < deadline:
                if sel.select(max(0.0, deadline - time.monotonic())):
                    chunk = os.read(fd, 4096)
                    if not chunk:
                        break
                    buf += chunk
        return buf.decode(errors="replace").strip()

    RESTART_BACKOFF_S = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)

    def keep_alive(self) -> None:
        """Watches the running process on a daemon thread: if it exits without being
        asked to, it is started again on the same port (the cameras' addresses), with a
        growing pause between attempts while that fails."""
        if self._watch is None and self.proc is not None and self.port:
            self._watch = threading.Thread(target=self._keep_alive, daemon=True,
                                           name=f"keep alive: {self.name}")
            self._watch.start()

    def _keep_alive(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            proc = self.proc
            if proc is not None:
                code = proc.wait()
                if self._stopping.is_set():
                    return
                log.warning("the %s exited (code %s); starting it again on port %s; see %s",
                            self.name, code, self.port, self._dir / "stderr.log")
                self._close_pipes(proc)
            if self._stopping.wait(self.RESTART_BACKOFF_S[
                    min(failures, len(self.RESTART_BACKOFF_S) - 1)]):
                return
            if self._relaunch():
                failures = 0
                self.restarts += 1
            else:
                failures += 1

    def _relaunch(self) -> bool:
        """Starts the process again on its port; False (and nothing running) if it cannot
        have that port or does not come up."""
        port = self.port
        if not port or not port_free(port):
            return False
        with self._lock:   # stop() either sees the new process or stops its launch
            if self._stopping.is_set():
                return False
            self.proc = None
            if not self.launch():
                return False
            proc = self.proc
        assert proc is not None
        line = self._read_line(15.0, proc)
        if line != f"READY {port}":
            if not self._stopping.is_set():
                log.warning("the %s did not start again on port %s (%s)", self.name, port,
                            line or "no answer")
            with self._lock:
                if self.proc is proc:
                    self.proc = None
            self._end(proc, 10.0)
            return False
        log.info("%s on 127.0.0.1:%d again (pid %d)", self.name, port, proc.pid)
        return True

    def terminate(self) -> None:
        """Asks the process to stop (stop() then waits for it)."""
        self._stopping.set()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        with self._lock:
            proc, self.proc = self.proc, None
        watch, self._watch = self._watch, None
        if proc is not None:
            self._end(proc, timeout)
        if watch is not None:
            watch.join(timeout)
        self._stopping.clear()

    @classmethod
    def _end(cls, proc: subprocess.Popen[bytes], timeout: float) -> None:
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
        cls._close_pipes(proc)

    @staticmethod
    def _close_pipes(proc: subprocess.Popen[bytes]) -> None:
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                pipe.close()


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


class OnvifProcess(SimulatorProcess):
    """The fake ONVIF service of the demo's PTZ cameras (video/sim/onvif_camera.py, run
    with this interpreter: it needs nothing from Debian's)."""

    def __init__(self, codes: list[str], port: int = 0) -> None:
        super().__init__([], port, name="ONVIF camera simulator", python=sys.executable)
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


class PtzSceneProcess(SimulatorProcess):
    """The PTZ cameras' pictures (video/sim/ptz_scene.py, Debian's python3): a crop of a
    large scene that follows each camera's position on the ONVIF simulator."""

    def __init__(self, cameras: list[dict], onvif_port: int, port: int = 0) -> None:
        super().__init__([], port, name="PTZ scene simulator")
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
           "SimulatorProcess", "demo_mounts", "port_free"]
