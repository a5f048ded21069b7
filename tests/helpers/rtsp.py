"""The camera simulator (video/sim/rtsp_server.py) for the tests: started with
Debian's python3 on a free port with the given mounts, READY awaited, stopped with
SIGTERM; `restart()` brings it back on the same port to exercise reconnecting;
`cpu_seconds()` is the simulator's CPU time so far (user + system, for measurements).
`replay(path, file)` is a mount replaying a pre-encoded file (video/sim/prepare.py).
`FAST` is the clients' configuration for tests of stalls and reconnecting; `PATIENT`
for tests about something else, where a busy machine holding a frame back 1.5 s must
not count as a stall."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from video.sim.demo_site import SimulatorProcess
from video.stream import StreamConfig

FAST = StreamConfig(open_timeout=3.0, stall_after=1.5, backoff_initial=0.2, backoff_max=1.0)
PATIENT = StreamConfig(open_timeout=5.0, stall_after=6.0, backoff_initial=0.2, backoff_max=1.0)


def sub(path: str, **extra: object) -> dict:
    """A 640×360@15 sub-stream mount."""
    return {"path": path, "size": "640x360", "fps": 15, **extra}


def main(path: str, **extra: object) -> dict:
    """A 1280×720@15 main-stream mount."""
    return {"path": path, "size": "1280x720", "fps": 15, **extra}


def replay(path: str, file: object, **extra: object) -> dict:
    """A mount replaying a pre-encoded H.264 file in a loop, without transcoding."""
    return {"path": path, "file": str(file), **extra}


class RtspServer(SimulatorProcess):
    """One simulator process, started at once; `url(path)` gives the client's address
    of a mount. A simulator that cannot start fails the test with its stderr."""

    def __init__(self, mounts: list[dict], port: int = 0) -> None:
        super().__init__(mounts, port, name="RTSP camera simulator")
        self.start()

    def url(self, path: str, user: str | None = None, password: str | None = None,
            port: int | None = None) -> str:
        auth = f"{user}:{password}@" if user else ""
        return f"rtsp://{auth}127.0.0.1:{port or self.port}{path}"

    def start(self, timeout: float = 10.0) -> int:
        port = super().start(timeout)
        if port is None:
            err = self._dir / "stderr.log"
            raise RuntimeError("the RTSP simulator did not start: "
                               f"{err.read_text(errors='replace')[-2000:] if err.exists() else ''}")
        return port

    def cpu_seconds(self) -> float:
        """User + system CPU time the simulator process has used so far."""
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def restart(self, mounts: list[dict] | None = None) -> None:
        """Stop, then serve the same mounts (or `mounts`: a camera that comes back
        changed) on the same port again."""
        self.stop()
        if mounts is not None:
            self.mounts = mounts
        self.start()

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self._dir, ignore_errors=True)
