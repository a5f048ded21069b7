"""The fake ONVIF camera: a real SOAP 1.2 service over HTTP (standard library only) so
the real ONVIF client library is exercised in the tests and the demo.

Several cameras share one port, each under its own path:

    /<CODE>/onvif/device_service   GetSystemDateAndTime, GetDeviceInformation,
                                   GetCapabilities, GetServices
    /<CODE>/onvif/media_service    GetProfiles (with a PTZConfiguration), GetStreamUri
    /<CODE>/onvif/ptz_service      ContinuousMove, Stop, AbsoluteMove, RelativeMove,
                                   GetStatus, GetPresets, SetPreset, GotoPreset,
                                   RemovePreset, GotoHomePosition, SetHomePosition,
                                   GetNodes, GetNode, GetConfigurations, GetConfiguration
    everything else                a SOAP Fault (ter:ActionNotSupported)

Every request but GetSystemDateAndTime must carry a WS-Security UsernameToken
(password digest or text) for the camera's user; a wrong one gets ter:NotAuthorized.

The position moves: a continuous move integrates its velocity over time until Stop or
its timeout, absolute/relative/preset/home moves travel at a finite speed, so "moving"
is observable; everything is clamped to the generic ranges (pan, tilt in [-1, 1], zoom
in [0, 1]).

Faults are switchable per camera (`camera.faults`, `--fault CODE:name=value` on the
command line, or `POST /<CODE>/sim/faults` with a JSON object): `ignore_stop` (how
many Stops to ignore per move, -1 = all; such a camera also ignores move timeouts),
`ignore_timeout`, `short_of_preset` (the fraction of the way to a preset or home left
undone), `no_position` (GetStatus carries neither position nor move status), `delay`
(seconds before each answer). `GET /<CODE>/sim/state` gives the position as JSON (for
the demo's simulated picture).

In process: `OnvifCameraSim([SimCamera("PTZ01", rtsp_url=...)]).start()`, `.port`,
`.device_url("PTZ01")`, `.close()`. As a process:

    python -m video.sim.onvif_camera --port 8899 --camera PTZ01,rtsp://127.0.0.1/cam1 \\
        --camera GATE02 --user admin --password secret --fault PTZ01:ignore_stop=1

prints "READY <port>" once serving and stops on SIGTERM/SIGINT."""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import json
import logging
import math
import re
import signal
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

log = logging.getLogger("customs.video.sim")

SOAP_ENV = "http://www.w3.org/2003/05/soap-envelope"
NS = {
    "tt": "http://www.onvif.org/ver10/schema",
    "tds": "http://www.onvif.org/ver10/device/wsdl",
    "trt": "http://www.onvif.org/ver10/media/wsdl",
    "tptz": "http://www.onvif.org/ver20/ptz/wsdl",
    "ter": "http://www.onvif.org/ver10/error",
    "wsse": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
    "wsu": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
}
PASSWORD_DIGEST = ("http://docs.oasis-open.org/wss/2004/01/"
                   "oasis-200401-wss-username-token-profile-1.0#PasswordDigest")

# Generic spaces (ONVIF Core 10.x): positions pan/tilt in [-1, 1], zoom in [0, 1].
SPACE = "http://www.onvif.org/ver10/tptz/"
PT_POSITION = SPACE + "PanTiltSpaces/PositionGenericSpace"
ZOOM_POSITION = SPACE + "ZoomSpaces/PositionGenericSpace"
PT_TRANSLATION = SPACE + "PanTiltSpaces/TranslationGenericSpace"
ZOOM_TRANSLATION = SPACE + "ZoomSpaces/TranslationGenericSpace"
PT_VELOCITY = SPACE + "PanTiltSpaces/VelocityGenericSpace"
ZOOM_VELOCITY = SPACE + "ZoomSpaces/VelocityGenericSpace"
PT_SPEED = SPACE + "PanTiltSpaces/GenericSpeedSpace"
ZOOM_SPEED = SPACE + "ZoomSpaces/ZoomGenericSpeedSpace"

LOW = (-1.0, -1.0, 0.0)
HIGH = (1.0, 1.0, 1.0)
DEFAULT_TIMEOUT_S = 10.0  # DefaultPTZTimeout of the configuration


class SoapFault(Exception):
    """Answered as a SOAP 1.2 Fault: code Sender/Receiver, ONVIF subcodes."""

    def __init__(self, code: str, subcodes: tuple[str, ...], reason: str, status: int) -> None:
        super().__init__(reason)
        self.code, self.subcodes, self.reason, self.status = code, subcodes, reason, status


def not_authorized() -> SoapFault:
    return SoapFault("Sender", ("ter:NotAuthorized",), "Sender not Authorized", 400)


def invalid_arg(sub: str, reason: str) -> SoapFault:
    return SoapFault("Sender", ("ter:InvalidArgVal", f"ter:{sub}"), reason, 400)


def not_supported(action: str) -> SoapFault:
    return SoapFault("Receiver", ("ter:ActionNotSupported",),
                     f"Optional action {action} not implemented", 500)


# -- the mechanics ----------------------------------------------------------------------
@dataclass
class PtzFaults:
    ignore_stop: int = 0          # Stops ignored per move; -1 = every Stop
    ignore_timeout: bool = False  # continuous moves run until Stop (or forever)
    short_of_preset: float = 0.0  # fraction of the way to a preset/home left undone
    no_position: bool = False     # GetStatus without Position and MoveStatus
    delay: float = 0.0            # seconds before each SOAP answer

    def update(self, values: dict[str, object]) -> None:
        for key, value in values.items():
            if key not in self.__dataclass_fields__:
                raise ValueError(f"unknown fault {key!r}")
            current = getattr(self, key)
            if isinstance(current, bool):
                value = value if isinstance(value, bool) else str(value).lower() in (
                    "1", "true", "yes", "on")
            setattr(self, key, type(current)(value))  # type: ignore[arg-type]


class PtzMechanics:
    """Position over time of one pan-tilt-zoom head. Thread-safe; `clock` gives
    seconds (monotonic) and is injectable for exact tests."""

    def __init__(self, faults: PtzFaults, clock: Callable[[], float] = time.monotonic,
                 pan_tilt_rate: float = 1.0, zoom_rate: float = 0.5,
                 position: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> None:
        self.faults = faults
        self.clock = clock
        # Generic units per second at velocity or speed 1.
        self.rates = (pan_tilt_rate, pan_tilt_rate, zoom_rate)
        self._lock = threading.Lock()
        self._origin = tuple(_clamp3(position))
        self._t0 = clock()
        self._mode: str | None = None            # None, "velocity", "travel"
        self._velocity = (0.0, 0.0, 0.0)
        self._end = math.inf
        self._target = self._origin
        self._axis_rates = self.rates
        self._stops_ignored = 0

    # state at a time
    def _position_at(self, now: float) -> tuple[float, float, float]:
        dt = max(0.0, now - self._t0)
        if self._mode == "velocity":
            dt = max(0.0, min(now, self._end) - self._t0)
            return _clamp3(tuple(o + v * r * dt for o, v, r in
                                 zip(self._origin, self._velocity, self.rates, strict=True)))
        if self._mode == "travel":
            out = []
            for o, t, r in zip(self._origin, self._target, self._axis_rates, strict=True):
                d = t - o
                step = min(abs(d), r * dt)
                out.append(o + math.copysign(step, d))
            return tuple(out)  # type: ignore[return-value]
        return self._origin  # type: ignore[return-value]

    def _moving_at(self, now: float) -> tuple[bool, bool]:
        pos = self._position_at(now)
        axes = [False, False, False]
        if self._mode == "velocity" and now < self._end:
            for i, (p, v) in enumerate(zip(pos, self._velocity, strict=True)):
                at_limit = (v > 0 and p >= HIGH[i]) or (v < 0 and p <= LOW[i])
                axes[i] = v != 0 and not at_limit
        elif self._mode == "travel":
            axes = [abs(p - t) > 1e-9 for p, t in zip(pos, self._target, strict=True)]
        return (axes[0] or axes[1], axes[2])

    def _rebase(self, now: float) -> None:
        self._origin = self._position_at(now)
        self._t0 = now
        if self._mode is not None and not any(self._moving_at(now)):
            self._mode = None

    def position(self) -> tuple[float, float, float]:
        with self._lock:
            return self._position_at(self.clock())

    def moving(self) -> tuple[bool, bool]:
        with self._lock:
            return self._moving_at(self.clock())

    def state(self) -> dict[str, object]:
        with self._lock:
            now = self.clock()
            pan, tilt, zoom = self._position_at(now)
            pt, z = self._moving_at(now)
        return {"pan": pan, "tilt": tilt, "zoom": zoom, "moving_pan_tilt": pt,
                "moving_zoom": z}

    # commands
    def continuous(self, velocity: tuple[float | None, float | None, float | None],
                   timeout: float | None) -> None:
        with self._lock:
            now = self.clock()
            self._rebase(now)
            current = self._velocity if self._mode == "velocity" else (0.0, 0.0, 0.0)
            self._velocity = tuple(max(-1.0, min(1.0, v)) if v is not None else c
                                   for v, c in zip(velocity, current, strict=True))
            ignore = self.faults.ignore_timeout or self.faults.ignore_stop != 0
            span = DEFAULT_TIMEOUT_S if timeout is None else timeout
            self._end = math.inf if ignore else now + span
            self._mode = "velocity"
            self._stops_ignored = 0

    def travel(self, target: tuple[float | None, float | None, float | None],
               speed: tuple[float | None, float | None, float | None] = (None, None, None),
               short: float = 0.0) -> None:
        with self._lock:
            now = self.clock()
            self._rebase(now)
            self._mode = None
            self._origin = self._position_at(now)
            goal = [o if t is None else t for o, t in zip(self._origin, target, strict=True)]
            goal = list(_clamp3(tuple(goal)))
            if short > 0:
                goal = [o + (g - o) * (1.0 - short) for o, g in
                        zip(self._origin, goal, strict=True)]
            speeds = [1.0 if s is None else max(0.01, min(1.0, abs(s))) for s in speed]
            self._target = tuple(goal)
            self._axis_rates = tuple(r * s for r, s in zip(self.rates, speeds, strict=True))
            self._mode = "travel"
            self._stops_ignored = 0

    def stop(self, pan_tilt: bool = True, zoom: bool = True) -> bool:
        """Stops the axes; False when the fault made the camera ignore this Stop."""
        with self._lock:
            ignore = self.faults.ignore_stop
            if ignore < 0 or self._stops_ignored < ignore:
                self._stops_ignored += 1
                return False
            now = self.clock()
            self._rebase(now)
            if self._mode == "velocity":
                v = list(self._velocity)
                if pan_tilt:
                    v[0] = v[1] = 0.0
                if zoom:
                    v[2] = 0.0
                self._velocity = tuple(v)  # type: ignore[assignment]
            elif self._mode == "travel":
                t = list(self._target)
                if pan_tilt:
                    t[0], t[1] = self._origin[0], self._origin[1]
                if zoom:
                    t[2] = self._origin[2]
                self._target = tuple(t)  # type: ignore[assignment]
            self._rebase(now)
            return True


def _clamp3(p: tuple[float, ...]) -> tuple[float, float, float]:
    pan, tilt, zoom = (max(lo, min(hi, v)) for v, lo, hi in zip(p, LOW, HIGH, strict=True))
    return pan, tilt, zoom


# -- one camera -------------------------------------------------------------------------
@dataclass
class SimPreset:
    token: str
    name: str
    position: tuple[float, float, float]


@dataclass
class SimCamera:
    """One simulated camera: identity, stream URL, PTZ head, presets, faults."""

    code: str
    rtsp_url: str = ""
    ptz: bool = True
    user: str | None = "admin"
    password: str | None = "admin"
    faults: PtzFaults = field(default_factory=PtzFaults)
    home: tuple[float, float, float] = (0.0, 0.0, 0.0)
    max_presets: int = 64
    clock: Callable[[], float] = time.monotonic
    start: tuple[float, float, float] = (0.0, 0.0, 0.0)
    pan_tilt_rate: float = 1.0   # generic units per second at speed 1
    zoom_rate: float = 0.5

    def __post_init__(self) -> None:
        self.head = PtzMechanics(self.faults, clock=self.clock, position=self.start,
                                 pan_tilt_rate=self.pan_tilt_rate, zoom_rate=self.zoom_rate)
        self.presets: dict[str, SimPreset] = {}
        self._next_preset = 1
        self.requests: list[str] = []     # operation names received, in order
        self.stops_ignored = 0
        self.lock = threading.Lock()

    def add_preset(self, name: str, position: tuple[float, float, float],
                   token: str | None = None) -> str:
        with self.lock:
            token = token or self._new_token()
            self.presets[token] = SimPreset(token, name, _clamp3(position))
            return token

    def _new_token(self) -> str:
        while f"P{self._next_preset}" in self.presets:
            self._next_preset += 1
        token = f"P{self._next_preset}"
        self._next_preset += 1
        return token

    def count(self, operation: str) -> int:
        with self.lock:
            return self.requests.count(operation)


# -- SOAP -------------------------------------------------------------------------------
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _text(el: ET.Element | None, name: str) -> str | None:
    c = _child(el, name)
    return None if c is None or c.text is None else c.text.strip()


def _float_attr(el: ET.Element | None, name: str) -> float | None:
    if el is None or el.get(name) is None:
        return None
    try:
        value = float(el.get(name))  # type: ignore[arg-type]
    except ValueError:
        raise invalid_arg("InvalidPosition", f"{name} is not a number") from None
    if not math.isfinite(value):
        raise invalid_arg("InvalidPosition", f"{name} is not finite")
    return value


def _vector(el: ET.Element | None) -> tuple[float | None, float | None, float | None]:
    """PTZVector/PTZSpeed children PanTilt(x, y) and Zoom(x)."""
    pt, z = _child(el, "PanTilt"), _child(el, "Zoom")
    return _float_attr(pt, "x"), _float_attr(pt, "y"), _float_attr(z, "x")


_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def parse_duration(text: str | None) -> float | None:
    if not text:
        return None
    m = _DURATION.match(text.strip())
    if not m:
        raise invalid_arg("InvalidTimeout", f"bad duration {text!r}")
    d, h, mi, s = m.groups()
    return int(d or 0) * 86400 + int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)


def _fmt(v: float) -> str:
    return f"{v:.6f}".rstrip("0").rstrip(".") if v else "0"


def _utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(body: str) -> bytes:
    ns = " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items() if p not in ("wsse", "wsu"))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<soap-env:Envelope xmlns:soap-env="{SOAP_ENV}" {ns}>'
            f"<soap-env:Body>{body}</soap-env:Body></soap-env:Envelope>").encode()


def fault_body(f: SoapFault) -> str:
    sub = ""
    for code in reversed(f.subcodes):
        sub = f"<soap-env:Subcode><soap-env:Value>{code}</soap-env:Value>{sub}</soap-env:Subcode>"
    return (f"<soap-env:Fault><soap-env:Code><soap-env:Value>soap-env:{f.code}</soap-env:Value>"
            f"{sub}</soap-env:Code><soap-env:Reason><soap-env:Text xml:lang=\"en\">"
            f"{escape(f.reason)}</soap-env:Text></soap-env:Reason></soap-env:Fault>")


def check_username_token(header: ET.Element | None, user: str, password: str) -> bool:
    """WS-Security UsernameToken: PasswordDigest = Base64(SHA-1(nonce + created +
    password)), or a plain PasswordText."""
    security = _child(header, "Security")
    token = _child(security, "UsernameToken")
    if token is None or _text(token, "Username") != user:
        return False
    pw = _child(token, "Password")
    if pw is None:
        return False
    given = (pw.text or "").strip()
    if pw.get("Type", "").endswith("#PasswordDigest"):
        try:
            nonce = base64.b64decode(_text(token, "Nonce") or "")
        except ValueError:
            return False
        created = _text(token, "Created") or ""
        digest = base64.b64encode(hashlib.sha1(
            nonce + created.encode() + password.encode()).digest()).decode()
        return digest == given
    return given == password


class CameraService:
    """Answers the SOAP operations of one camera. `base` is the URL prefix of the
    camera's services (http://host:port/CODE)."""

    def __init__(self, camera: SimCamera) -> None:
        self.cam = camera

    def handle(self, service: str, body_el: ET.Element, header: ET.Element | None,
               base: str) -> str:
        op = _local(body_el.tag)
        with self.cam.lock:
            self.cam.requests.append(op)
        if op != "GetSystemDateAndTime" and self.cam.user is not None and \
                not check_username_token(header, self.cam.user, self.cam.password or ""):
            raise not_authorized()
        handler = getattr(self, f"{service}_{op}", None)
        if handler is None or (service == "ptz" and not self.cam.ptz):
            raise not_supported(op)
        return handler(body_el, base)

    # device
    def device_GetSystemDateAndTime(self, _el: ET.Element, _base: str) -> str:
        n = datetime.now(UTC)
        return ("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                "<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false"
                "</tt:DaylightSavings><tt:TimeZone><tt:TZ>ICT-7</tt:TZ></tt:TimeZone>"
                f"<tt:UTCDateTime><tt:Time><tt:Hour>{n.hour}</tt:Hour><tt:Minute>{n.minute}"
                f"</tt:Minute><tt:Second>{n.second}</tt:Second></tt:Time><tt:Date><tt:Year>"
                f"{n.year}</tt:Year><tt:Month>{n.month}</tt:Month><tt:Day>{n.day}</tt:Day>"
                "</tt:Date></tt:UTCDateTime></tds:SystemDateAndTime>"
                "</tds:GetSystemDateAndTimeResponse>")

    def device_GetDeviceInformation(self, _el: ET.Element, _base: str) -> str:
        return ("<tds:GetDeviceInformationResponse><tds:Manufacturer>Customs Sim"
                "</tds:Manufacturer><tds:Model>" + ("PTZ-SIM" if self.cam.ptz else "FIX-SIM") +
                "</tds:Model><tds:FirmwareVersion>1.0</tds:FirmwareVersion>"
                f"<tds:SerialNumber>{escape(self.cam.code)}</tds:SerialNumber>"
                "<tds:HardwareId>sim</tds:HardwareId></tds:GetDeviceInformationResponse>")

    def _services(self, base: str) -> list[tuple[str, str, str]]:
        out = [("tds", NS["tds"], f"{base}/onvif/device_service"),
               ("trt", NS["trt"], f"{base}/onvif/media_service")]
        if self.cam.ptz:
            out.append(("tptz", NS["tptz"], f"{base}/onvif/ptz_service"))
        return out

    def device_GetServices(self, _el: ET.Element, base: str) -> str:
        items = "".join(
            f"<tds:Service><tds:Namespace>{ns}</tds:Namespace><tds:XAddr>{xaddr}</tds:XAddr>"
            "<tds:Version><tt:Major>2</tt:Major><tt:Minor>40</tt:Minor></tds:Version>"
            "</tds:Service>" for _p, ns, xaddr in self._services(base))
        return f"<tds:GetServicesResponse>{items}</tds:GetServicesResponse>"

    def device_GetCapabilities(self, _el: ET.Element, base: str) -> str:
        ptz = (f"<tt:PTZ><tt:XAddr>{base}/onvif/ptz_service</tt:XAddr></tt:PTZ>"
               if self.cam.ptz else "")
        return ("<tds:GetCapabilitiesResponse><tds:Capabilities>"
                f"<tt:Device><tt:XAddr>{base}/onvif/device_service</tt:XAddr></tt:Device>"
                f"<tt:Media><tt:XAddr>{base}/onvif/media_service</tt:XAddr>"
                "<tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast>"
                "<tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP>"
                "</tt:StreamingCapabilities></tt:Media>"
                f"{ptz}</tds:Capabilities></tds:GetCapabilitiesResponse>")

    # media
    def _ptz_configuration(self, tag: str) -> str:
        return (f'<{tag} token="ptzcfg0"><tt:Name>PTZ</tt:Name><tt:UseCount>1</tt:UseCount>'
                "<tt:NodeToken>node0</tt:NodeToken>"
                f"<tt:DefaultAbsolutePantTiltPositionSpace>{PT_POSITION}"
                "</tt:DefaultAbsolutePantTiltPositionSpace>"
                f"<tt:DefaultAbsoluteZoomPositionSpace>{ZOOM_POSITION}"
                "</tt:DefaultAbsoluteZoomPositionSpace>"
                f"<tt:DefaultRelativePanTiltTranslationSpace>{PT_TRANSLATION}"
                "</tt:DefaultRelativePanTiltTranslationSpace>"
                f"<tt:DefaultRelativeZoomTranslationSpace>{ZOOM_TRANSLATION}"
                "</tt:DefaultRelativeZoomTranslationSpace>"
                f"<tt:DefaultContinuousPanTiltVelocitySpace>{PT_VELOCITY}"
                "</tt:DefaultContinuousPanTiltVelocitySpace>"
                f"<tt:DefaultContinuousZoomVelocitySpace>{ZOOM_VELOCITY}"
                "</tt:DefaultContinuousZoomVelocitySpace>"
                f'<tt:DefaultPTZSpeed><tt:PanTilt x="1" y="1" space="{PT_SPEED}"/>'
                f'<tt:Zoom x="1" space="{ZOOM_SPEED}"/></tt:DefaultPTZSpeed>'
                f"<tt:DefaultPTZTimeout>PT{int(DEFAULT_TIMEOUT_S)}S</tt:DefaultPTZTimeout>"
                f"<tt:PanTiltLimits><tt:Range><tt:URI>{PT_POSITION}</tt:URI>"
                "<tt:XRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max></tt:XRange>"
                "<tt:YRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max></tt:YRange>"
                "</tt:Range></tt:PanTiltLimits>"
                f"<tt:ZoomLimits><tt:Range><tt:URI>{ZOOM_POSITION}</tt:URI>"
                "<tt:XRange><tt:Min>0</tt:Min><tt:Max>1</tt:Max></tt:XRange>"
                f"</tt:Range></tt:ZoomLimits></{tag}>")

    def media_GetProfiles(self, _el: ET.Element, _base: str) -> str:
        ptz = self._ptz_configuration("tt:PTZConfiguration") if self.cam.ptz else ""
        return ('<trt:GetProfilesResponse><trt:Profiles token="main" fixed="true">'
                "<tt:Name>main</tt:Name>"
                '<tt:VideoSourceConfiguration token="vsc0"><tt:Name>video</tt:Name>'
                "<tt:UseCount>1</tt:UseCount><tt:SourceToken>vs0</tt:SourceToken>"
                '<tt:Bounds x="0" y="0" width="1920" height="1080"/>'
                f"</tt:VideoSourceConfiguration>{ptz}</trt:Profiles></trt:GetProfilesResponse>")

    def media_GetStreamUri(self, el: ET.Element, _base: str) -> str:
        if _text(el, "ProfileToken") != "main":
            raise invalid_arg("NoProfile", "unknown profile")
        return ("<trt:GetStreamUriResponse><trt:MediaUri>"
                f"<tt:Uri>{escape(self.cam.rtsp_url)}</tt:Uri>"
                "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>"
                "<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>"
                "<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>")

    # ptz
    def _profile(self, el: ET.Element) -> None:
        if _text(el, "ProfileToken") != "main":
            raise invalid_arg("NoProfile", "unknown profile")

    def _node(self) -> str:
        def d2(tag: str, uri: str, lo: float = -1) -> str:
            return (f"<tt:{tag}><tt:URI>{uri}</tt:URI><tt:XRange><tt:Min>{_fmt(lo)}</tt:Min>"
                    f"<tt:Max>1</tt:Max></tt:XRange><tt:YRange><tt:Min>{_fmt(lo)}</tt:Min>"
                    f"<tt:Max>1</tt:Max></tt:YRange></tt:{tag}>")

        def d1(tag: str, uri: str, lo: float) -> str:
            return (f"<tt:{tag}><tt:URI>{uri}</tt:URI><tt:XRange><tt:Min>{_fmt(lo)}</tt:Min>"
                    f"<tt:Max>1</tt:Max></tt:XRange></tt:{tag}>")

        return ('token="node0" FixedHomePosition="false"><tt:Name>PTZ head</tt:Name>'
                "<tt:SupportedPTZSpaces>"
                + d2("AbsolutePanTiltPositionSpace", PT_POSITION)
                + d1("AbsoluteZoomPositionSpace", ZOOM_POSITION, 0)
                + d2("RelativePanTiltTranslationSpace", PT_TRANSLATION)
                + d1("RelativeZoomTranslationSpace", ZOOM_TRANSLATION, -1)
                + d2("ContinuousPanTiltVelocitySpace", PT_VELOCITY)
                + d1("ContinuousZoomVelocitySpace", ZOOM_VELOCITY, -1)
                + d1("PanTiltSpeedSpace", PT_SPEED, 0)
                + d1("ZoomSpeedSpace", ZOOM_SPEED, 0)
                + f"</tt:SupportedPTZSpaces><tt:MaximumNumberOfPresets>{self.cam.max_presets}"
                "</tt:MaximumNumberOfPresets><tt:HomeSupported>true</tt:HomeSupported>")

    def ptz_GetNodes(self, _el: ET.Element, _base: str) -> str:
        return f"<tptz:GetNodesResponse><tptz:PTZNode {self._node()}</tptz:PTZNode>" \
               "</tptz:GetNodesResponse>"

    def ptz_GetNode(self, el: ET.Element, _base: str) -> str:
        if _text(el, "NodeToken") != "node0":
            raise invalid_arg("NoEntity", "unknown node")
        return f"<tptz:GetNodeResponse><tptz:PTZNode {self._node()}</tptz:PTZNode>" \
               "</tptz:GetNodeResponse>"

    def ptz_GetConfigurations(self, _el: ET.Element, _base: str) -> str:
        return ("<tptz:GetConfigurationsResponse>"
                + self._ptz_configuration("tptz:PTZConfiguration")
                + "</tptz:GetConfigurationsResponse>")

    def ptz_GetConfiguration(self, el: ET.Element, _base: str) -> str:
        if _text(el, "PTZConfigurationToken") != "ptzcfg0":
            raise invalid_arg("NoConfig", "unknown configuration")
        return ("<tptz:GetConfigurationResponse>"
                + self._ptz_configuration("tptz:PTZConfiguration")
                + "</tptz:GetConfigurationResponse>")

    def ptz_GetStatus(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        inner = ""
        if not self.cam.faults.no_position:
            s = self.cam.head.state()
            move = ("MOVING" if s["moving_pan_tilt"] else "IDLE",
                    "MOVING" if s["moving_zoom"] else "IDLE")
            inner = (f'<tt:Position><tt:PanTilt x="{_fmt(s["pan"])}" y="{_fmt(s["tilt"])}" '
                     f'space="{PT_POSITION}"/><tt:Zoom x="{_fmt(s["zoom"])}" '
                     f'space="{ZOOM_POSITION}"/></tt:Position>'
                     f"<tt:MoveStatus><tt:PanTilt>{move[0]}</tt:PanTilt>"
                     f"<tt:Zoom>{move[1]}</tt:Zoom></tt:MoveStatus>")
        return (f"<tptz:GetStatusResponse><tptz:PTZStatus>{inner}"
                f"<tt:UtcTime>{_utc_now()}</tt:UtcTime></tptz:PTZStatus>"
                "</tptz:GetStatusResponse>")

    def ptz_ContinuousMove(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        velocity = _vector(_child(el, "Velocity"))
        self.cam.head.continuous(velocity, parse_duration(_text(el, "Timeout")))
        return "<tptz:ContinuousMoveResponse/>"

    def ptz_Stop(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        pt = (_text(el, "PanTilt") or "true").lower() in ("true", "1")
        zoom = (_text(el, "Zoom") or "true").lower() in ("true", "1")
        if not self.cam.head.stop(pt, zoom):
            with self.cam.lock:
                self.cam.stops_ignored += 1
            log.info("sim %s: Stop ignored (fault)", self.cam.code)
        return "<tptz:StopResponse/>"

    def _check_range(self, target: tuple[float | None, ...]) -> None:
        for v, lo, hi in zip(target, LOW, HIGH, strict=True):
            if v is not None and not lo - 1e-9 <= v <= hi + 1e-9:
                raise invalid_arg("InvalidPosition", "position outside the limits")

    def ptz_AbsoluteMove(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        target = _vector(_child(el, "Position"))
        self._check_range(target)
        self.cam.head.travel(target, _vector(_child(el, "Speed")))
        return "<tptz:AbsoluteMoveResponse/>"

    def ptz_RelativeMove(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        delta = _vector(_child(el, "Translation"))
        pos = self.cam.head.position()
        target = tuple(None if d is None else p + d for p, d in zip(pos, delta, strict=True))
        self.cam.head.travel(target, _vector(_child(el, "Speed")))  # clamped at the limits
        return "<tptz:RelativeMoveResponse/>"

    def ptz_GetPresets(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        with self.cam.lock:
            presets = list(self.cam.presets.values())
        items = "".join(
            f'<tptz:Preset token="{escape(p.token)}"><tt:Name>{escape(p.name)}</tt:Name>'
            f'<tt:PTZPosition><tt:PanTilt x="{_fmt(p.position[0])}" y="{_fmt(p.position[1])}"'
            f' space="{PT_POSITION}"/><tt:Zoom x="{_fmt(p.position[2])}" '
            f'space="{ZOOM_POSITION}"/></tt:PTZPosition></tptz:Preset>' for p in presets)
        return f"<tptz:GetPresetsResponse>{items}</tptz:GetPresetsResponse>"

    def ptz_SetPreset(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        name = _text(el, "PresetName")
        token = _text(el, "PresetToken")
        with self.cam.lock:
            if token and token not in self.cam.presets:
                raise invalid_arg("NoToken", "unknown preset token")
            if not token and len(self.cam.presets) >= self.cam.max_presets:
                raise SoapFault("Receiver", ("ter:Action", "ter:TooManyPresets"),
                                "too many presets", 500)
            if name and any(p.name == name and p.token != token
                            for p in self.cam.presets.values()):
                raise invalid_arg("PresetExist", "a preset with this name exists")
        position = self.cam.head.position()
        with self.cam.lock:
            if not token:
                token = self.cam._new_token()
            old = self.cam.presets.get(token)
            self.cam.presets[token] = SimPreset(
                token, name or (old.name if old else token), position)
        return f"<tptz:SetPresetResponse><tptz:PresetToken>{escape(token)}" \
               "</tptz:PresetToken></tptz:SetPresetResponse>"

    def ptz_RemovePreset(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        with self.cam.lock:
            if self.cam.presets.pop(_text(el, "PresetToken") or "", None) is None:
                raise invalid_arg("NoToken", "unknown preset token")
        return "<tptz:RemovePresetResponse/>"

    def ptz_GotoPreset(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        with self.cam.lock:
            preset = self.cam.presets.get(_text(el, "PresetToken") or "")
        if preset is None:
            raise invalid_arg("NoToken", "unknown preset token")
        self.cam.head.travel(preset.position, _vector(_child(el, "Speed")),
                             short=self.cam.faults.short_of_preset)
        return "<tptz:GotoPresetResponse/>"

    def ptz_GotoHomePosition(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        self.cam.head.travel(self.cam.home, _vector(_child(el, "Speed")),
                             short=self.cam.faults.short_of_preset)
        return "<tptz:GotoHomePositionResponse/>"

    def ptz_SetHomePosition(self, el: ET.Element, _base: str) -> str:
        self._profile(el)
        self.cam.home = self.cam.head.position()
        return "<tptz:SetHomePositionResponse/>"


# -- HTTP -------------------------------------------------------------------------------
_PATH = re.compile(r"^/([^/]+)/(onvif/(device|media|ptz)_service|sim/(faults|state))/?$")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection: close() never waits on idle sockets

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug("sim http: " + format, *args)

    def _send(self, status: int, payload: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(payload)

    def _route(self) -> tuple[SimCamera, str] | None:
        m = _PATH.match(self.path.split("?", 1)[0])
        cam = self.server.sim.cameras.get(m.group(1)) if m else None
        if m is None or cam is None:
            self._send(404, b"not found", "text/plain")
            return None
        return cam, (m.group(3) or m.group(4))

    def do_GET(self) -> None:  # noqa: N802
        routed = self._route()
        if routed is None:
            return
        cam, what = routed
        if what != "state":
            self._send(405, b"POST SOAP here", "text/plain")
            return
        state = cam.head.state() | {"faults": asdict(cam.faults), "code": cam.code}
        self._send(200, json.dumps(state).encode(), "application/json")

    def do_POST(self) -> None:  # noqa: N802
        routed = self._route()
        if routed is None:
            return
        cam, service = routed
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length)
        if service == "faults":
            try:
                cam.faults.update(json.loads(data or b"{}"))
            except (ValueError, TypeError) as exc:
                self._send(400, str(exc).encode(), "text/plain")
                return
            self._send(200, json.dumps(asdict(cam.faults)).encode(), "application/json")
            return
        if service == "state":
            self._send(405, b"GET only", "text/plain")
            return
        if cam.faults.delay > 0 and self.server.sim.closing.wait(cam.faults.delay):
            return  # closing down: drop the answer
        base = f"http://{self.headers.get('Host') or self.server.sim.host_port}/{cam.code}"
        try:
            try:
                doc = ET.fromstring(data)
            except ET.ParseError:
                raise SoapFault("Sender", ("ter:WellFormed",), "not well-formed XML", 400) \
                    from None
            body = _child(doc, "Body")
            if body is None or len(body) == 0:
                raise SoapFault("Sender", ("ter:MissingAttr",), "no SOAP body", 400)
            reply = self.server.sim.services[cam.code].handle(
                service, body[0], _child(doc, "Header"), base)
            status = 200
        except SoapFault as f:
            reply, status = fault_body(f), f.status
        self._send(status, envelope(reply), "application/soap+xml; charset=utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True
    sim: OnvifCameraSim


class OnvifCameraSim:
    """The fake ONVIF cameras on one HTTP port."""

    def __init__(self, cameras: list[SimCamera], host: str = "127.0.0.1", port: int = 0) -> None:
        self.cameras = {c.code: c for c in cameras}
        self.services = {c.code: CameraService(c) for c in cameras}
        self.closing = threading.Event()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.sim = self
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self.host_port = f"{host}:{self.port}"
        self._thread: threading.Thread | None = None

    def start(self) -> OnvifCameraSim:
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="onvif-sim", daemon=True)
        self._thread.start()
        return self

    def camera(self, code: str) -> SimCamera:
        return self.cameras[code]

    def device_url(self, code: str) -> str:
        return f"http://{self.host_port}/{code}/onvif/device_service"

    def close(self) -> None:
        self.closing.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()  # joins the request threads

    def __enter__(self) -> OnvifCameraSim:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- command line -----------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--camera", action="append", default=[], metavar="CODE[,RTSP_URL]",
                        help="a PTZ camera; repeat for more")
    parser.add_argument("--fixed-camera", action="append", default=[],
                        metavar="CODE[,RTSP_URL]", help="a camera without PTZ")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--fault", action="append", default=[], metavar="CODE:NAME=VALUE")
    parser.add_argument("--preset", action="append", default=[],
                        metavar="CODE:NAME=PAN,TILT,ZOOM[,TOKEN]")
    parser.add_argument("--start", action="append", default=[],
                        metavar="CODE=PAN,TILT,ZOOM", help="where a camera points at start")
    parser.add_argument("--stdin-eof-quits", action="store_true",
                        help="stop when standard input closes (the parent has gone)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    cams = []
    starts = {}
    for spec in args.start:
        code, _, pos = spec.partition("=")
        starts[code] = tuple(float(v) for v in pos.split(","))
    for spec, ptz in [(s, True) for s in args.camera] + [(s, False) for s in args.fixed_camera]:
        code, _, url = spec.partition(",")
        extra = {"start": starts[code]} if code in starts else {}
        cams.append(SimCamera(code, rtsp_url=url, ptz=ptz, user=args.user or None,
                              password=args.password, **extra))
    if not cams:
        parser.error("at least one --camera")
    by_code = {c.code: c for c in cams}
    for spec in args.fault:
        code, _, kv = spec.partition(":")
        key, _, value = kv.partition("=")
        by_code[code].faults.update({key: value})
    for spec in args.preset:
        code, _, kv = spec.partition(":")
        name, _, pos = kv.partition("=")
        p, t, z, *token = pos.split(",")
        by_code[code].add_preset(name, (float(p), float(t), float(z)),
                                 token[0] if token else None)
    sim = OnvifCameraSim(cams, host=args.host, port=args.port).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if args.stdin_eof_quits:
        def watch_stdin() -> None:
            while sys.stdin.buffer.read1(4096):
                pass
            stop.set()

        threading.Thread(target=watch_stdin, name="stdin-eof", daemon=True).start()
    sys.stdout.write(f"READY {sim.port}\n")  # the protocol line a parent process waits for
    sys.stdout.flush()
    stop.wait()
    sim.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
