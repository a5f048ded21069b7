"""The camera simulator (video/sim/rtsp_server.py) for the tests: started with
Debian's python3 on a free port with the given mounts, READY awaited, stopped with
SIGTERM; `restart()` brings it back on the same port to exercise reconnecting;
`cpu_seconds()` is the simulator's CPU time so far (user + system, for measurements).
`replay(path, file)` is a mount replaying a pre-encoded file (video/sim/prepare.py)."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "video" / "sim" / "rtsp_server.py"
SYSTEM_PYTHON = os.environ.get("CUSTOMS_SIM_PYTHON", "/usr/bin/python3")


def sub(path: str, **extra: object) -> dict:
    """A 640×360@15 sub-stream mount."""
    return {"path": path, "size": "640x360", "fps": 15, **extra}


def main(path: str, **extra: object) -> dict:
    """A 1280×720@15 main-stream mount."""
    return {"path": path, "size": "1280x720", "fps": 15, **extra}


def replay(path: str, file: object, **extra: object) -> dict:
    """A mount replaying a pre-encoded H.264 file in a loop, without transcoding."""
    return {"path": path, "file": str(file), **extra}


class RtspServer:
    """One simulator process; `url(path)` gives the client's address of a mount."""

    def __init__(self, mounts: list[dict], port: int = 0) -> None:
        self.mounts = mounts
        self.port = port
        self.proc: subprocess.Popen[bytes] | None = None
        self._dir = tempfile.mkdtemp(prefix="customs-rtsp-")
        self._config = Path(self._dir) / "mounts.json"
        self._config.write_text(json.dumps({"mounts": mounts}), encoding="utf-8")
        self._err = Path(self._dir) / "stderr.log"
        self.start()

    def url(self, path: str, user: str | None = None, password: str | None = None,
            port: int | None = None) -> str:
        auth = f"{user}:{password}@" if user else ""
        return f"rtsp://{auth}127.0.0.1:{port or self.port}{path}"

    def start(self, timeout: float = 10.0) -> None:
        assert self.proc is None or self.proc.poll() is not None, "already running"
        with open(self._err, "ab") as err:
            # stdin stays a pipe: the server quits when it closes, even if we die
            self.proc = subprocess.Popen(
                [SYSTEM_PYTHON, str(SERVER), "--config", str(self._config),
                 "--port", str(self.port), "--stdin-eof-quits"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
        line = self._read_line(timeout)
        if not line.startswith("READY "):
            self.stop()
            raise RuntimeError(f"the RTSP simulator did not start: {line!r}; "
                               f"{self._err.read_text(errors='replace')[-2000:]}")
        self.port = int(line.split()[1])

    def _read_line(self, timeout: float) -> str:
        assert self.proc is not None and self.proc.stdout is not None
        fd, buf = self.proc.stdout.fileno(), b""
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

    def stop(self, timeout: float = 10.0) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                pipe.close()

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
            self._config.write_text(json.dumps({"mounts": mounts}), encoding="utf-8")
        self.start()

    def close(self) -> None:
        self.stop()
        for f in (self._config, self._err):
            f.unlink(missing_ok=True)
        os.rmdir(self._dir)
