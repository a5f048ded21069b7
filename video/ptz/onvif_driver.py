"""The ONVIF PTZ driver: the bottom of the PTZ chain, over onvif-zeep-async (asyncio).

One `OnvifPtzDriver` talks to one camera. `connect()` (run by the first command if
not called) reads the services (GetServices, else GetCapabilities), picks the media
profile that carries a PTZ configuration and opens the PTZ service. Every call is
bounded by a timeout of our own (the library's defaults are 90 s) and every failure
becomes a `PtzError` with a reason (unreachable, authentication, not supported,
timeout, camera fault, invalid argument).

The device service URL is taken as given (`http://host:port/<path>/device_service`):
the library assumes `/onvif/device_service` on the host, which does not hold behind a
gateway or for several simulated cameras on one port."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import aiohttp


def _import_quietly() -> None:
    """onvif.client calls logging.basicConfig() at import: keep the process's own
    logging set-up as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import onvif.client  # noqa: F401, PLC0415

    root.handlers[:] = handlers
    root.setLevel(level)


_import_quietly()

import onvif  # noqa: E402
import onvif.client  # noqa: E402
import zeep.exceptions  # noqa: E402
from onvif import ONVIFCamera  # noqa: E402
from onvif.exceptions import ONVIFAuthError, ONVIFError, ONVIFTimeoutError  # noqa: E402

from video.ptz.controller import (  # noqa: E402
    Preset,
    PtzCapabilities,
    PtzError,
    PtzFailure,
    PtzStatus,
    check_position,
    clamp,
)

log = logging.getLogger("customs.video.ptz")
T = TypeVar("T")

#: The ONVIF WSDL and XSD files shipped with the library.
WSDL_DIR = Path(onvif.__file__).parent / "wsdl"

_AUTH_SUBCODES = {"NotAuthorized", "AuthorizationFailed", "FailedAuthentication",
                  "InvalidSecurity", "FailedCheck"}
_UNSUPPORTED_SUBCODES = {"ActionNotSupported", "NotSupported", "NoPTZProfile"}
_ARGUMENT_SUBCODES = {"InvalidArgVal", "InvalidArgs", "NoToken", "InvalidPosition",
                      "InvalidTranslation", "InvalidVelocity", "InvalidSpeed",
                      "PresetExist", "InvalidPresetName", "TooManyPresets", "NoProfile"}


@dataclass(frozen=True)
class OnvifSettings:
    """How to reach one camera's ONVIF service."""

    camera: str                      # the camera's code, for messages and logs
    device_url: str                  # http://host[:port]/onvif/device_service
    user: str | None = None
    password: str | None = None
    profile_token: str | None = None  # None: the first profile with a PTZ configuration
    timeout: float = 5.0             # s for one command
    connect_timeout: float = 20.0    # s for the first connection (WSDL parsing included)
    adjust_time: bool = True         # sign WS-Security with the camera's clock


_WARM_LOCK = threading.Lock()
_warm = False


def warm_wsdl_cache() -> None:
    """Parses the device, media and PTZ WSDLs once into the library's process-wide
    document cache (blocking; ~0.5 s). Without it, cameras connecting at the same time
    each parse them again (100 cameras: 23 s instead of 3 s)."""
    global _warm  # noqa: PLW0603
    with _WARM_LOCK:
        if _warm:
            return
        cached = getattr(onvif.client, "_cached_document", None)
        if cached is not None:
            async def load() -> None:
                for name in ("devicemgmt.wsdl", "media.wsdl", "ptz.wsdl"):
                    await cached(str(Path(onvif.client._WSDL_PATH) / name))
            asyncio.run(load())
        _warm = True


class _DeviceAtUrl(ONVIFCamera):
    """ONVIFCamera whose device service lives at a given URL."""

    def __init__(self, device_url: str, user: str | None, password: str | None,
                 adjust_time: bool) -> None:
        parts = urlsplit(device_url)
        # The library drops http(s)_proxy from the whole process's environment; other
        # subsystems may need them: put them back (cameras are reached directly).
        saved = {k: os.environ[k] for k in ("http_proxy", "https_proxy") if k in os.environ}
        try:
            super().__init__(parts.hostname or "", parts.port or 80, user, password,
                             no_cache=True, adjust_time=adjust_time)
        finally:
            os.environ.update(saved)
        self._device_url = device_url

    def get_definition(self, name: str, port_type: str | None = None) -> tuple[str, str, str]:
        xaddr, wsdl, binding = super().get_definition(name, port_type)
        if name == "devicemgmt":
            xaddr = self._device_url
        return xaddr, wsdl, binding


def translate_error(exc: BaseException, camera: str) -> PtzError:
    """A library, transport or SOAP failure as a PtzError with its reason."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, PtzError):
            return e
        if isinstance(e, ONVIFTimeoutError | TimeoutError | asyncio.TimeoutError):
            return PtzError(PtzFailure.TIMEOUT, camera)
        if isinstance(e, ONVIFAuthError):
            return PtzError(PtzFailure.AUTH_FAILED, camera, str(e))
        if isinstance(e, zeep.exceptions.Fault):
            subcodes = {getattr(q, "localname", str(q)) for q in (e.subcodes or [])}
            detail = e.message or ""
            if subcodes & _AUTH_SUBCODES or "not authorized" in detail.lower():
                return PtzError(PtzFailure.AUTH_FAILED, camera, detail)
            if subcodes & _UNSUPPORTED_SUBCODES:
                return PtzError(PtzFailure.NOT_SUPPORTED, camera, detail)
            if subcodes & _ARGUMENT_SUBCODES:
                return PtzError(PtzFailure.INVALID_ARGUMENT, camera, detail)
            return PtzError(PtzFailure.CAMERA_FAULT, camera, detail)
        if isinstance(e, zeep.exceptions.TransportError):
            if e.status_code == 401:
                return PtzError(PtzFailure.AUTH_FAILED, camera, f"HTTP {e.status_code}")
            if e.status_code == 404:
                return PtzError(PtzFailure.NOT_SUPPORTED, camera, f"HTTP {e.status_code}")
            return PtzError(PtzFailure.CAMERA_FAULT, camera, f"HTTP {e.status_code}")
        if isinstance(e, aiohttp.ClientConnectionError | ConnectionError | OSError):
            return PtzError(PtzFailure.UNREACHABLE, camera, str(e))
        if isinstance(e, ONVIFError) and "doesn`t support service" in str(e):
            return PtzError(PtzFailure.NOT_SUPPORTED, camera, str(e))
        e = e.__cause__ or e.__context__
    return PtzError(PtzFailure.CAMERA_FAULT, camera, str(exc))


def _vector(pan: float | None, tilt: float | None, zoom: float | None) -> dict[str, Any]:
    v: dict[str, Any] = {}
    if pan is not None and tilt is not None:
        v["PanTilt"] = {"x": pan, "y": tilt}
    if zoom is not None:
        v["Zoom"] = {"x": zoom}
    return v


def _speed(speed: float | None) -> dict[str, Any] | None:
    if speed is None:
        return None
    s = clamp(speed, 0.0, 1.0)
    return {"PanTilt": {"x": s, "y": s}, "Zoom": {"x": s}}


def _float(obj: Any, *path: str) -> float | None:
    for name in path:
        obj = getattr(obj, name, None) if obj is not None else None
    return float(obj) if obj is not None else None


def _moving(value: Any) -> bool | None:
    if value is None:
        return None
    text = str(getattr(value, "value", value)).upper()
    if text == "MOVING":
        return True
    if text == "IDLE":
        return False
    return None


class OnvifPtzDriver:
    """PTZ of one ONVIF camera (asynchronous; see module doc)."""

    def __init__(self, settings: OnvifSettings) -> None:
        self.settings = settings
        self.camera = settings.camera
        self._device: _DeviceAtUrl | None = None
        self._ptz: Any = None
        self._media: Any = None
        self._caps: PtzCapabilities | None = None
        self._connecting: asyncio.Lock | None = None

    # -- plumbing -------------------------------------------------------------------
    async def _guard(self, work: Callable[[], Awaitable[T]], timeout: float) -> T:
        try:
            async with asyncio.timeout(timeout):
                return await work()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a PtzError
            err = translate_error(exc, self.camera)
            log.info("PTZ %s: %s (%s)", self.camera, err.reason, err.detail or exc)
            raise err from exc

    async def _call(self, operation: str, params: dict[str, Any]) -> Any:
        await self.connect()
        caps = self._caps
        assert caps is not None
        request = {"ProfileToken": caps.profile_token} | params

        async def work() -> Any:
            return await getattr(self._ptz, operation)(request)

        return await self._guard(work, self.settings.timeout)

    async def connect(self) -> PtzCapabilities:
        if self._caps is not None:
            return self._caps
        if self._connecting is None:
            self._connecting = asyncio.Lock()
        async with self._connecting:
            if self._caps is None:
                self._caps = await self._guard(self._connect, self.settings.connect_timeout)
        return self._caps

    async def _connect(self) -> PtzCapabilities:
        s = self.settings
        await asyncio.to_thread(warm_wsdl_cache)
        if self._device is None:
            self._device = _DeviceAtUrl(s.device_url, s.user, s.password, s.adjust_time)
        device = self._device
        await device.update_xaddrs()
        self._media = await device.create_media_service()
        profiles = await self._media.GetProfiles()
        chosen = None
        for p in profiles or []:
            if s.profile_token is not None:
                if p.token == s.profile_token:
                    chosen = p
                    break
            elif getattr(p, "PTZConfiguration", None) is not None:
                chosen = p
                break
        if chosen is None or getattr(chosen, "PTZConfiguration", None) is None:
            raise PtzError(PtzFailure.NOT_SUPPORTED, self.camera,
                           "no media profile with a PTZ configuration")
        self._ptz = await device.create_ptz_service()
        max_presets, home = 0, False
        try:
            nodes = await self._ptz.GetNodes()
            node = next((n for n in nodes or []
                         if n.token == chosen.PTZConfiguration.NodeToken), None)
            if node is not None:
                max_presets = int(node.MaximumNumberOfPresets or 0)
                home = bool(node.HomeSupported)
        except zeep.exceptions.Fault as exc:
            log.info("PTZ %s: GetNodes refused (%s)", self.camera, exc.message)
        log.info("PTZ %s: connected, profile %s", self.camera, chosen.token)
        return PtzCapabilities(profile_token=chosen.token, max_presets=max_presets,
                               home_supported=home)

    async def close(self) -> None:
        device, self._device = self._device, None
        self._caps = None
        if device is not None:
            try:
                await device.close()
            except Exception as exc:  # noqa: BLE001 - closing: nothing left to report to
                log.debug("PTZ %s: close: %s", self.camera, exc)

    # -- commands -------------------------------------------------------------------
    async def stream_uri(self) -> str:
        caps = await self.connect()

        async def work() -> str:
            reply = await self._media.GetStreamUri({
                "StreamSetup": {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}},
                "ProfileToken": caps.profile_token})
            return str(reply.Uri)

        return await self._guard(work, self.settings.timeout)

    async def continuous_move(self, pan: float, tilt: float, zoom: float,
                              timeout: float | None = None) -> None:
        params: dict[str, Any] = {"Velocity": _vector(clamp(pan), clamp(tilt), clamp(zoom))}
        if timeout is not None:
            params["Timeout"] = dt.timedelta(seconds=timeout)
        await self._call("ContinuousMove", params)

    async def stop(self, pan_tilt: bool = True, zoom: bool = True) -> None:
        await self._call("Stop", {"PanTilt": pan_tilt, "Zoom": zoom})

    async def absolute_move(self, pan: float | None, tilt: float | None, zoom: float | None,
                            speed: float | None = None) -> None:
        check_position(pan, tilt, zoom, self.camera)
        if (pan is None) != (tilt is None):  # ONVIF moves pan and tilt together
            current = await self.status()
            if not current.has_position:
                raise PtzError(PtzFailure.INVALID_ARGUMENT, self.camera,
                               "pan and tilt must be given together")
            pan = current.pan if pan is None else pan
            tilt = current.tilt if tilt is None else tilt
        params: dict[str, Any] = {"Position": _vector(pan, tilt, zoom)}
        if (sp := _speed(speed)) is not None:
            params["Speed"] = sp
        await self._call("AbsoluteMove", params)

    async def relative_move(self, pan: float, tilt: float, zoom: float,
                            speed: float | None = None) -> None:
        params: dict[str, Any] = {"Translation": _vector(clamp(pan, -2, 2), clamp(tilt, -2, 2),
                                                         clamp(zoom))}
        if (sp := _speed(speed)) is not None:
            params["Speed"] = sp
        await self._call("RelativeMove", params)

    async def status(self) -> PtzStatus:
        reply = await self._call("GetStatus", {})
        pos = getattr(reply, "Position", None)
        move = getattr(reply, "MoveStatus", None)
        return PtzStatus(
            pan=_float(pos, "PanTilt", "x"), tilt=_float(pos, "PanTilt", "y"),
            zoom=_float(pos, "Zoom", "x"),
            moving_pan_tilt=_moving(getattr(move, "PanTilt", None)),
            moving_zoom=_moving(getattr(move, "Zoom", None)),
            error=getattr(reply, "Error", None) or None)

    async def presets(self) -> list[Preset]:
        reply = await self._call("GetPresets", {})
        out = []
        for p in reply or []:
            pos = getattr(p, "PTZPosition", None)
            out.append(Preset(token=str(p.token), name=str(p.Name or p.token),
                              pan=_float(pos, "PanTilt", "x"), tilt=_float(pos, "PanTilt", "y"),
                              zoom=_float(pos, "Zoom", "x")))
        return out

    async def goto_preset(self, token: str, speed: float | None = None) -> None:
        params: dict[str, Any] = {"PresetToken": token}
        if (sp := _speed(speed)) is not None:
            params["Speed"] = sp
        await self._call("GotoPreset", params)

    async def set_preset(self, name: str | None = None, token: str | None = None) -> str:
        params: dict[str, Any] = {}
        if name is not None:
            params["PresetName"] = name
        if token is not None:
            params["PresetToken"] = token
        reply = await self._call("SetPreset", params)
        return str(getattr(reply, "PresetToken", reply))

    async def remove_preset(self, token: str) -> None:
        await self._call("RemovePreset", {"PresetToken": token})

    async def goto_home(self, speed: float | None = None) -> None:
        params: dict[str, Any] = {}
        if (sp := _speed(speed)) is not None:
            params["Speed"] = sp
        await self._call("GotoHomePosition", params)
