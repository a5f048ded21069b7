"""Child Python processes for the multi-process tests: spawned from the project
root with the test environment, their stdout read line by line with a deadline
(raw reads on the pipe, no reader thread, so `communicate()` can finish them)."""

from __future__ import annotations

import contextlib
import os
import selectors
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wait_until(cond: Callable[[], object], timeout: float, interval: float = 0.02,
               what: str | Callable[[], str] = "condition") -> None:
    """Poll `cond` until it is true; fail with `what` (or what it returns, read at
    the failure) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if cond():
            return
        if time.monotonic() > deadline:
            said = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {said}")
        time.sleep(interval)


class Child:
    """A `python -m <module> args...` child with line-wise stdout."""

    def __init__(self, module: str, *args: str, env_extra: dict[str, str] | None = None
                 ) -> None:
        env = dict(os.environ) | (env_extra or {})
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["PYTHONUNBUFFERED"] = "1"
        # stderr goes to a file: a chatty child can never block on a full pipe.
        self._err = tempfile.TemporaryFile()  # noqa: SIM115 - the child writes to it; closed in stderr()
        self._err_text = ""
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module, *args], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._err)
        self.lines: list[str] = []
        self._buf = b""
        self._eof = False

    def _pump(self, timeout: float) -> None:
        if self._eof:
            return
        fd = self.proc.stdout.fileno()  # type: ignore[union-attr]
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            if not sel.select(timeout):
                return
        data = os.read(fd, 65536)
        if not data:
            self._eof = True
            return
        self._buf += data
        *complete, self._buf = self._buf.split(b"\n")
        self.lines.extend(line.decode("utf-8").rstrip("\r") for line in complete)

    def wait_for(self, cond: Callable[[list[str]], bool], timeout: float,
                 what: str = "output") -> list[str]:
        """Read output until `cond(lines)` holds; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not cond(self.lines):
            left = deadline - time.monotonic()
            if left <= 0 or self._eof:
                raise AssertionError(
                    f"child {'exited' if self._eof else 'timed out'} waiting for {what}; "
                    f"stdout so far: {self.lines[-20:]!r}; stderr: {self._stderr_tail()}")
            self._pump(min(left, 0.5))
        return self.lines

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def finish(self, timeout: float = 30.0) -> tuple[int, str, str]:
        """Close stdin (the child's signal to stop), collect the rest of its output
        and its exit code; kill it if it does not end in time."""
        try:
            out, _ = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"child did not stop within {timeout:.0f} s; stderr: "
                                 f"{self.stderr()[-2000:]}") from None
        rest = self._buf + out
        self._buf = b""
        self.lines.extend(line.decode("utf-8").rstrip("\r") for line in rest.split(b"\n") if line)
        return self.proc.returncode, "\n".join(self.lines), self.stderr()

    def kill(self) -> None:
        """Last resort for a failing test: never leave the child behind."""
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired, ValueError, OSError):
            self.proc.communicate(timeout=10)
        self.stderr()

    def stderr(self) -> str:
        if not self._err.closed:
            self._err.seek(0)
            self._err_text = self._err.read().decode("utf-8", "replace")
            if self.proc.returncode is not None:
                self._err.close()  # the child is gone: nothing more will come
        return self._err_text

    def _stderr_tail(self) -> str:
        return self.stderr()[-2000:]
