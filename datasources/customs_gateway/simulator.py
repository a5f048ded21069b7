"""The customs gateway simulator (datasources/sim/customs_gateway.py) as a process of
its own, through the shared harness (app/simulators.py), with helpers that drive its
control endpoints over HTTP (requests): switch a fault on, publish a live record,
amend a declaration, generate load, read the planted anomalies.

The world's epoch is fixed when the object is made (now, rounded down to the minute,
unless given), so a restart (`keep_alive()`) serves the same world again."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import requests

from app.clock import SystemClock
from app.simulators import SimulatorProcess

_ROOT = Path(__file__).resolve().parents[2]


class CustomsGatewaySimulator(SimulatorProcess):
    """The simulated gateway on 127.0.0.1:`port` (0: any free port)."""

    def __init__(self, port: int = 0, *, seed: int = 888, epoch: str | None = None,
                 token: str = "demo-token", fault: str | None = None,
                 page_limit: int | None = None, timeout_s: float = 30.0) -> None:
        super().__init__(port, name="customs gateway simulator", python=sys.executable)
        self.seed = seed
        self.epoch = epoch or SystemClock().now().strftime("%Y-%m-%dT%H:%M:00")
        self.token = token
        self.fault = fault
        self.page_limit = page_limit
        self.timeout_s = timeout_s

    def command(self, port: int) -> list[str]:
        cmd = [self.python, "-m", "datasources.sim.customs_gateway", "--port", str(port),
               "--seed", str(self.seed), "--epoch", self.epoch, "--token", self.token,
               "--stdin-eof-quits"]
        if self.fault:
            cmd += ["--fault", self.fault]
        if self.page_limit:
            cmd += ["--page-limit", str(self.page_limit)]
        return cmd

    def environment(self) -> dict[str, str]:
        """Ours, with the project on the path whatever the working directory."""
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_ROOT), env.get("PYTHONPATH"))
                                            if p)
        return env

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise RuntimeError("the customs gateway simulator is not started")
        return f"http://127.0.0.1:{self.port}"

    # -- the control endpoints -------------------------------------------------------
    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        r = requests.request(method, self.base_url + path, json=body, timeout=self.timeout_s)
        r.raise_for_status()
        return r.json()

    def set_fault(self, name: str, **params: Any) -> dict[str, Any]:
        """Switches a fault on ("none" to end it); see datasources/sim/customs_gateway.py."""
        reply: dict[str, Any] = self._call("POST", "/_sim/fault", {"fault": name, **params})
        return reply

    def publish(self, kind: str, item: dict[str, Any]) -> dict[str, Any]:
        """Publishes `item` on feed `kind` (declarations, area_events, manifests,
        gate_events, blacklist); returns it as stored, with its change_seq."""
        reply: dict[str, Any] = self._call("POST", "/_sim/publish", {"feed": kind, "item": item})
        return reply

    def amend(self, number: str, **changes: Any) -> dict[str, Any]:
        """Amends a declaration (12th digit + 1) with `changes`; returns the amendment."""
        reply: dict[str, Any] = self._call("POST", "/_sim/amend",
                                           {"number": number, "changes": changes})
        return reply

    def generate(self, n_declarations: int) -> int:
        """Adds `n_declarations` declarations; returns how many the feed now holds."""
        reply = self._call("POST", "/_sim/generate", {"declarations": n_declarations})
        return int(reply["declarations"])

    def anomalies(self) -> dict[str, dict[str, Any]]:
        reply: dict[str, dict[str, Any]] = self._call("GET", "/_sim/anomalies")
        return reply

    def stats(self) -> dict[str, Any]:
        reply: dict[str, Any] = self._call("GET", "/_sim/stats")
        return reply


__all__ = ["CustomsGatewaySimulator"]
