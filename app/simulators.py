"""The simulator harness shared by video/sim/ and datasources/: a simulator is a
program of its own that serves on 127.0.0.1, prints "READY <port>" on its standard
output once it serves, and quits when its standard input closes (so it never
outlives whoever started it). `SimulatorProcess` starts one (`launch()` then
`wait_ready()`, or `start()`), restarts it on the same port when it dies while
kept alive (`keep_alive()`), and stops it.

Only the demo command (`main.py --demo`) and the tests start simulators, never the
application (DESIGN.md §1). It lives in the core because both video/ and
datasources/ use it and neither may import the other. `serve_until_stdin_eof` is
the other half: what a simulator written in Python calls once it serves."""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from pathlib import Path

from app import logs

log = logs.get("simulators")


def free_port(preferred: int, host: str = "127.0.0.1") -> int:
    """`preferred` if nothing listens there, else a port the system gives."""
    if preferred and port_free(preferred, host):
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


def announce_ready(port: int) -> None:
    """A simulator's "READY <port>" line (its parent reads it)."""
    sys.stdout.write(f"READY {port}\n")
    sys.stdout.flush()


def serve_until_stdin_eof(port: int) -> None:
    """Says READY and blocks until the parent closes our standard input."""
    announce_ready(port)
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except (OSError, ValueError):
        pass


class SimulatorProcess(ABC):
    """One simulator process; `command(port)` is its command line (port 0: any free
    port, the simulator says which). `start()` returns its port or None."""

    RESTART_BACKOFF_S = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)

    def __init__(self, port: int = 0, *, name: str = "simulator",
                 python: str = sys.executable) -> None:
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

    @abstractmethod
    def command(self, port: int) -> list[str]:
        """The simulator's command line, serving on `port` (0: any)."""

    def environment(self) -> dict[str, str] | None:
        """The child's environment (None: ours)."""
        return None

    @property
    def stderr_path(self) -> Path:
        return self._dir / "stderr.log"

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
        err = open(self.stderr_path, "ab")  # noqa: SIM115 - the child keeps it
        try:
            # stdin stays a pipe: the simulator quits when it closes, even if we die
            self.proc = subprocess.Popen(self.command(port), stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=err,
                                         env=self.environment())
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
                        self.stderr_path)
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

    def keep_alive(self) -> None:
        """Watches the running process on a daemon thread: if it exits without being
        asked to, it is started again on the same port, with a growing pause between
        attempts while that fails."""
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
                            self.name, code, self.port, self.stderr_path)
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


__all__ = ["SimulatorProcess", "announce_ready", "free_port", "port_free",
           "serve_until_stdin_eof"]
