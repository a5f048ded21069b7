"""The fake ONVIF camera on its own: its replies validate against the ONVIF schemas
shipped with the client library (lxml), WS-Security digest checking, SOAP faults, the
control endpoint, the mechanics of a moving head (with an injected clock), the
command-line process, and the simulated picture that follows the camera."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from lxml import etree

from video.ptz.onvif_driver import WSDL_DIR
from video.sim.onvif_camera import (
    NS,
    PASSWORD_DIGEST,
    SOAP_ENV,
    OnvifCameraSim,
    PtzFaults,
    PtzMechanics,
    SimCamera,
    parse_duration,
)

ROOT = Path(__file__).resolve().parent.parent


# -- helpers ------------------------------------------------------------------------
def _schema(wsdl: str) -> etree.XMLSchema:
    """The XML schema embedded in one of the library's WSDL files (it imports the
    library's onvif.xsd and the WS-* schemas beside it)."""
    doc = etree.parse(str(WSDL_DIR / wsdl))
    embedded = doc.find(".//{http://www.w3.org/2001/XMLSchema}schema")
    # Prefixes used in QName attribute values are declared on wsdl:definitions.
    nsmap = {k: v for k, v in (doc.getroot().nsmap | embedded.nsmap).items() if k}
    root = etree.Element(embedded.tag, attrib=dict(embedded.attrib), nsmap=nsmap)
    for child in embedded:
        root.append(copy.deepcopy(child))
    tree = etree.ElementTree(root)
    tree.docinfo.URL = str(WSDL_DIR / f"{wsdl}.xsd")
    return etree.XMLSchema(tree)


@pytest.fixture(scope="module")
def schemas() -> dict[str, etree.XMLSchema]:
    return {"device": _schema("devicemgmt.wsdl"), "media": _schema("media.wsdl"),
            "ptz": _schema("ptz.wsdl")}


def _security(user: str, password: str, digest: bool = True) -> str:
    nonce = os.urandom(16)
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if digest:
        pw = base64.b64encode(hashlib.sha1(nonce + created.encode() + password.encode())
                              .digest()).decode()
        ptype = PASSWORD_DIGEST
    else:
        pw, ptype = password, PASSWORD_DIGEST.replace("#PasswordDigest", "#PasswordText")
    return (f'<wsse:Security xmlns:wsse="{NS["wsse"]}" xmlns:wsu="{NS["wsu"]}">'
            f"<wsse:UsernameToken><wsse:Username>{user}</wsse:Username>"
            f'<wsse:Password Type="{ptype}">{pw}</wsse:Password>'
            f"<wsse:Nonce>{base64.b64encode(nonce).decode()}</wsse:Nonce>"
            f"<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>")


def soap(url: str, body: str, user: str | None = "admin", password: str = "admin",
         digest: bool = True) -> tuple[int, str, etree._Element]:
    """POSTs one SOAP 1.2 request; returns the status, content type and the body's
    first element."""
    header = f"<s:Header>{_security(user, password, digest)}</s:Header>" if user else ""
    ns = " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items())
    data = (f'<s:Envelope xmlns:s="{SOAP_ENV}" {ns}>{header}<s:Body>{body}</s:Body>'
            "</s:Envelope>").encode()
    req = urllib.request.Request(url, data=data, headers={
        "Content-Type": "application/soap+xml; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            status, ctype, payload = r.status, r.headers["Content-Type"], r.read()
    except urllib.error.HTTPError as e:
        with e:
            status, ctype, payload = e.code, e.headers["Content-Type"], e.read()
    env = etree.fromstring(payload)
    assert env.tag == f"{{{SOAP_ENV}}}Envelope"
    return status, ctype, env.find(f"{{{SOAP_ENV}}}Body")[0]


def fault_codes(el: etree._Element) -> tuple[str, list[str]]:
    assert el.tag == f"{{{SOAP_ENV}}}Fault"
    code = el.findtext(f"{{{SOAP_ENV}}}Code/{{{SOAP_ENV}}}Value")
    subs = el.xpath(".//s:Subcode/s:Value/text()", namespaces={"s": SOAP_ENV})
    return code, subs


@pytest.fixture
def sim() -> Iterator[OnvifCameraSim]:
    cam = SimCamera("PTZ01", rtsp_url="rtsp://10.0.0.5:554/Streaming/101")
    cam.add_preset("Cổng <A> & B", (0.5, -0.25, 0.75))
    with OnvifCameraSim([cam, SimCamera("FIX01", ptz=False)]) as s:
        yield s


def url(sim: OnvifCameraSim, code: str, service: str) -> str:
    return f"http://127.0.0.1:{sim.port}/{code}/onvif/{service}_service"


# -- schema validity ------------------------------------------------------------------
REQUESTS = [
    ("device", "<tds:GetSystemDateAndTime/>"),
    ("device", "<tds:GetDeviceInformation/>"),
    ("device", "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability>"
               "</tds:GetServices>"),
    ("device", "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>"),
    ("media", "<trt:GetProfiles/>"),
    ("media", "<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
              "<tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
              "<trt:ProfileToken>main</trt:ProfileToken></trt:GetStreamUri>"),
    ("ptz", "<tptz:GetNodes/>"),
    ("ptz", "<tptz:GetNode><tptz:NodeToken>node0</tptz:NodeToken></tptz:GetNode>"),
    ("ptz", "<tptz:GetConfigurations/>"),
    ("ptz", "<tptz:GetConfiguration><tptz:PTZConfigurationToken>ptzcfg0"
            "</tptz:PTZConfigurationToken></tptz:GetConfiguration>"),
    ("ptz", "<tptz:GetStatus><tptz:ProfileToken>main</tptz:ProfileToken></tptz:GetStatus>"),
    ("ptz", "<tptz:GetPresets><tptz:ProfileToken>main</tptz:ProfileToken></tptz:GetPresets>"),
    ("ptz", "<tptz:ContinuousMove><tptz:ProfileToken>main</tptz:ProfileToken><tptz:Velocity>"
            '<tt:PanTilt x="0.5" y="0"/></tptz:Velocity><tptz:Timeout>PT1S</tptz:Timeout>'
            "</tptz:ContinuousMove>"),
    ("ptz", "<tptz:Stop><tptz:ProfileToken>main</tptz:ProfileToken></tptz:Stop>"),
    ("ptz", "<tptz:AbsoluteMove><tptz:ProfileToken>main</tptz:ProfileToken><tptz:Position>"
            '<tt:PanTilt x="0.1" y="0.1"/><tt:Zoom x="0.2"/></tptz:Position></tptz:AbsoluteMove>'),
    ("ptz", "<tptz:RelativeMove><tptz:ProfileToken>main</tptz:ProfileToken><tptz:Translation>"
            '<tt:PanTilt x="0.1" y="0"/></tptz:Translation></tptz:RelativeMove>'),
    ("ptz", "<tptz:SetPreset><tptz:ProfileToken>main</tptz:ProfileToken>"
            "<tptz:PresetName>Bãi xe</tptz:PresetName></tptz:SetPreset>"),
    ("ptz", "<tptz:GotoPreset><tptz:ProfileToken>main</tptz:ProfileToken>"
            "<tptz:PresetToken>P1</tptz:PresetToken></tptz:GotoPreset>"),
    ("ptz", "<tptz:GotoHomePosition><tptz:ProfileToken>main</tptz:ProfileToken>"
            "</tptz:GotoHomePosition>"),
    ("ptz", "<tptz:SetHomePosition><tptz:ProfileToken>main</tptz:ProfileToken>"
            "</tptz:SetHomePosition>"),
    ("ptz", "<tptz:RemovePreset><tptz:ProfileToken>main</tptz:ProfileToken>"
            "<tptz:PresetToken>P1</tptz:PresetToken></tptz:RemovePreset>"),
]


def test_replies_are_valid_against_the_libraries_onvif_schemas(sim, schemas) -> None:
    for service, body in REQUESTS:
        status, ctype, reply = soap(url(sim, "PTZ01", service), body)
        assert status == 200, (body, etree.tostring(reply))
        assert ctype.startswith("application/soap+xml")
        schema = schemas[service]
        assert schema.validate(etree.ElementTree(copy.deepcopy(reply))), (
            etree.QName(reply).localname, schema.error_log)


def test_the_validation_is_strict(schemas) -> None:
    """A negative control: the schema rejects a status with an unknown move state and
    one without its mandatory UtcTime."""
    head = (f'<tptz:GetStatusResponse xmlns:tptz="{NS["tptz"]}" xmlns:tt="{NS["tt"]}">'
            "<tptz:PTZStatus>")
    for inner in ("<tt:MoveStatus><tt:PanTilt>RUNNING</tt:PanTilt></tt:MoveStatus>"
                  "<tt:UtcTime>2026-11-27T02:00:00Z</tt:UtcTime>", ""):
        bad = etree.fromstring(f"{head}{inner}</tptz:PTZStatus></tptz:GetStatusResponse>")
        assert not schemas["ptz"].validate(etree.ElementTree(bad))


def test_status_without_position_and_presets_list_are_valid(sim, schemas) -> None:
    sim.camera("PTZ01").faults.no_position = True
    _, _, reply = soap(url(sim, "PTZ01", "ptz"),
                       "<tptz:GetStatus><tptz:ProfileToken>main</tptz:ProfileToken>"
                       "</tptz:GetStatus>")
    assert schemas["ptz"].validate(etree.ElementTree(reply)), schemas["ptz"].error_log
    assert reply.find(f".//{{{NS['tt']}}}Position") is None
    _, _, reply = soap(url(sim, "PTZ01", "ptz"),
                       "<tptz:GetPresets><tptz:ProfileToken>main</tptz:ProfileToken>"
                       "</tptz:GetPresets>")
    assert schemas["ptz"].validate(etree.ElementTree(reply)), schemas["ptz"].error_log
    assert reply.findtext(f".//{{{NS['tt']}}}Name") == "Cổng <A> & B"


def test_camera_without_ptz_has_no_ptz_service(sim, schemas) -> None:
    _, _, reply = soap(url(sim, "FIX01", "device"), "<tds:GetServices><tds:IncludeCapability>"
                       "false</tds:IncludeCapability></tds:GetServices>")
    namespaces = reply.xpath("//tds:Namespace/text()", namespaces=NS)
    assert NS["tptz"] not in namespaces and NS["trt"] in namespaces
    _, _, reply = soap(url(sim, "FIX01", "media"), "<trt:GetProfiles/>")
    assert schemas["media"].validate(etree.ElementTree(reply))
    assert reply.find(f".//{{{NS['tt']}}}PTZConfiguration") is None
    status, _, reply = soap(url(sim, "FIX01", "ptz"),
                            "<tptz:GetStatus><tptz:ProfileToken>main</tptz:ProfileToken>"
                            "</tptz:GetStatus>")
    assert status == 500 and fault_codes(reply) == ("soap-env:Receiver",
                                                    ["ter:ActionNotSupported"])


# -- authentication and faults ------------------------------------------------------------
def test_ws_security_digest_is_checked(sim) -> None:
    u = url(sim, "PTZ01", "device")
    assert soap(u, "<tds:GetDeviceInformation/>")[0] == 200
    assert soap(u, "<tds:GetDeviceInformation/>", digest=False)[0] == 200
    for kwargs in ({"password": "wrong"}, {"user": "guest"}, {"user": None},
                   {"password": "wrong", "digest": False}):
        status, _, reply = soap(u, "<tds:GetDeviceInformation/>",
                                **kwargs)  # type: ignore[arg-type]
        assert status == 400
        assert fault_codes(reply) == ("soap-env:Sender", ["ter:NotAuthorized"])
    # the clock can be read before logging in (clients compute their time offset)
    assert soap(u, "<tds:GetSystemDateAndTime/>", user=None)[0] == 200


def test_soap_faults(sim) -> None:
    ptz = url(sim, "PTZ01", "ptz")
    status, _, reply = soap(url(sim, "PTZ01", "device"), "<tds:SystemReboot/>")
    assert status == 500 and fault_codes(reply)[1] == ["ter:ActionNotSupported"]
    status, _, reply = soap(ptz, "<tptz:GotoPreset><tptz:ProfileToken>main</tptz:ProfileToken>"
                                 "<tptz:PresetToken>nope</tptz:PresetToken></tptz:GotoPreset>")
    assert status == 400 and fault_codes(reply)[1] == ["ter:InvalidArgVal", "ter:NoToken"]
    status, _, reply = soap(ptz, "<tptz:AbsoluteMove><tptz:ProfileToken>main"
                                 "</tptz:ProfileToken><tptz:Position><tt:PanTilt x=\"1.5\" "
                                 "y=\"0\"/></tptz:Position></tptz:AbsoluteMove>")
    assert status == 400 and fault_codes(reply)[1] == ["ter:InvalidArgVal",
                                                       "ter:InvalidPosition"]
    status, _, reply = soap(ptz, "<tptz:GetStatus><tptz:ProfileToken>other</tptz:ProfileToken>"
                                 "</tptz:GetStatus>")
    assert status == 400 and fault_codes(reply)[1] == ["ter:InvalidArgVal", "ter:NoProfile"]
    req = urllib.request.Request(ptz, data=b"<not xml", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    err.value.close()
    assert err.value.code == 400
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"http://127.0.0.1:{sim.port}/NOCAM/onvif/device_service",
                               data=b"x", timeout=10)
    err.value.close()
    assert err.value.code == 404


def test_control_endpoint(sim) -> None:
    base = f"http://127.0.0.1:{sim.port}/PTZ01/sim"
    req = urllib.request.Request(f"{base}/faults", data=json.dumps(
        {"no_position": True, "delay": "0.01", "ignore_stop": 2}).encode(), method="POST")
    with urllib.request.urlopen(req, timeout=10) as r:
        assert json.loads(r.read())["ignore_stop"] == 2
    faults = sim.camera("PTZ01").faults
    assert (faults.no_position, faults.delay, faults.ignore_stop) == (True, 0.01, 2)
    with urllib.request.urlopen(f"{base}/state", timeout=10) as r:
        state = json.loads(r.read())
    assert (state["pan"], state["moving_pan_tilt"], state["faults"]["delay"]) == (0, False, 0.01)
    bad = urllib.request.Request(f"{base}/faults", data=b'{"explode": 1}', method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(bad, timeout=10)
    err.value.close()
    assert err.value.code == 400


# -- the mechanics -------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_continuous_move_integrates_velocity_until_timeout_and_clamps() -> None:
    clock = Clock()
    head = PtzMechanics(PtzFaults(), clock=clock, pan_tilt_rate=1.0, zoom_rate=0.5)
    head.continuous((0.5, -0.25, 1.0), timeout=1.0)
    clock.t += 0.5
    assert head.position() == pytest.approx((0.25, -0.125, 0.25))
    assert head.moving() == (True, True)
    clock.t += 5
    assert head.position() == pytest.approx((0.5, -0.25, 0.5))  # the timeout ended it
    assert head.moving() == (False, False)
    head.continuous((1.0, 0.0, 0.0), timeout=10)
    clock.t += 3
    assert head.position()[0] == 1.0 and head.moving() == (False, False)  # at the limit


def test_travel_at_finite_speed_and_partial_stop() -> None:
    clock = Clock()
    head = PtzMechanics(PtzFaults(), clock=clock, pan_tilt_rate=1.0, zoom_rate=0.5)
    head.travel((1.0, -0.5, 1.0), speed=(0.5, 0.5, None))
    clock.t += 1.0
    assert head.position() == pytest.approx((0.5, -0.5, 0.5))
    assert head.moving() == (True, True)
    assert head.stop(pan_tilt=True, zoom=False)
    clock.t += 1.0
    assert head.position() == pytest.approx((0.5, -0.5, 1.0))
    assert head.moving() == (False, False)


def test_fault_ignore_stop_and_short_of_preset() -> None:
    clock = Clock()
    faults = PtzFaults(ignore_stop=1)
    head = PtzMechanics(faults, clock=clock)
    head.continuous((0.1, 0.0, 0.0), timeout=0.5)
    clock.t += 2.0
    assert head.moving()[0]  # the timeout is ignored too
    assert not head.stop()
    clock.t += 1.0
    assert head.stop()
    assert head.position()[0] == pytest.approx(0.3)
    faults.ignore_stop = 0
    head.travel((0.0, 1.0, 0.0), short=0.25)
    clock.t += 10
    assert head.position() == pytest.approx((0.075, 0.75, 0.0))


def test_durations() -> None:
    assert parse_duration("PT1.5S") == 1.5
    assert parse_duration("PT1M2S") == 62
    assert parse_duration("P1DT1H") == 90000
    assert parse_duration(None) is None


# -- as a process ---------------------------------------------------------------------
def test_runs_as_a_process() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "video.sim.onvif_camera", "--port", "0",
         "--camera", "PTZ01,rtsp://127.0.0.1:8554/a", "--fixed-camera", "FIX01",
         "--password", "secret", "--fault", "PTZ01:no_position=true",
         "--preset", "PTZ01:Gate=0.5,0.1,0.2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("READY "), proc.stderr.read()  # type: ignore[union-attr]
        port = int(line.split()[1])
        base = f"http://127.0.0.1:{port}/PTZ01/onvif"
        status, _, reply = soap(f"{base}/ptz_service", "<tptz:GetStatus><tptz:ProfileToken>"
                                "main</tptz:ProfileToken></tptz:GetStatus>",
                                password="secret")
        assert status == 200 and reply.find(f".//{{{NS['tt']}}}Position") is None
        _, _, reply = soap(f"{base}/ptz_service", "<tptz:GetPresets><tptz:ProfileToken>main"
                           "</tptz:ProfileToken></tptz:GetPresets>", password="secret")
        assert reply.findtext(f".//{{{NS['tt']}}}Name") == "Gate"
        assert soap(f"{base}/media_service", "<trt:GetProfiles/>")[0] == 400  # wrong password
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    assert proc.returncode == 0


# -- the simulated picture follows the camera ------------------------------------------
SCENE_SERVER = ROOT / "video" / "sim" / "ptz_scene.py"
SYSTEM_PYTHON = os.environ.get("CUSTOMS_SIM_PYTHON", "/usr/bin/python3")


def _phase_shift(a: np.ndarray, b: np.ndarray) -> tuple[int, int]:
    """The translation (dx, dy) of b's content relative to a's, by phase correlation
    under a Hann window (without it the frame's edges and the fixed caption pull the
    peak to (0, 0))."""
    import cv2  # noqa: PLC0415

    ga = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY).astype(np.float32)
    gb = cv2.cvtColor(b, cv2.COLOR_RGB2GRAY).astype(np.float32)
    (dx, dy), _response = cv2.phaseCorrelate(ga, gb, cv2.createHanningWindow(ga.shape[::-1],
                                                                             cv2.CV_32F))
    return round(dx), round(dy)


def test_continuous_move_moves_the_simulated_picture(sim) -> None:
    from tests.helpers.subproc import wait_until  # noqa: PLC0415
    from video.ptz.onvif_driver import OnvifPtzDriver, OnvifSettings  # noqa: PLC0415
    from video.ptz.threaded import ThreadedPtzController  # noqa: PLC0415
    from video.stream import VideoStream  # noqa: PLC0415

    state = f"http://127.0.0.1:{sim.port}/PTZ01/sim/state"
    proc = subprocess.Popen(
        [SYSTEM_PYTHON, str(SCENE_SERVER), "--port", "0", "--stdin-eof-quits",
         "--mount", f"path=/ptz01,state={state},size=640x360"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stream = ctl = None
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("READY "), proc.stderr.read()  # type: ignore[union-attr]
        stream = VideoStream(f"rtsp://127.0.0.1:{int(line.split()[1])}/ptz01").start()
        stream.set_output("rgb24", (320, 180))
        wait_until(lambda: (f := stream.latest()) is not None and f.image is not None, 15,
                   what="the first frame")
        before = stream.latest()
        ctl = ThreadedPtzController(OnvifPtzDriver(OnvifSettings(
            "PTZ01", sim.device_url("PTZ01"), "admin", "admin")), stop_settle=0.05)
        ctl.continuous_move(0.5, 0.0).result(10)
        wait_until(lambda: sim.camera("PTZ01").head.position()[0] > 0.15, 10, what="panning")
        assert ctl.stop().result(10).stopped is True
        pan = ctl.status().result(10).pan
        # At zoom 0 the view is half the scene wide (960 of 1920 px, shown in 320 px):
        # pan p puts its left edge at 480·(1 + p) scene px, so the picture's content
        # moves left by 160·p px.
        expected = -160 * pan
        seen: list[tuple[int, int]] = []

        def moved() -> bool:
            frame = stream.latest()
            if frame is None or frame.image is None or frame.seq <= before.seq:
                return False
            seen.append(_phase_shift(before.image, frame.image))
            dx, dy = seen[-1]
            return abs(dx - expected) <= 2 and abs(dy) <= 1

        wait_until(moved, 10, what=lambda: f"a shift of {expected:.0f} px (seen {seen[-5:]} over"
                                           f" {len(seen)} polls, {stream.stats()})")
        # zooming in changes the crop's size: the stream carries on
        seq = stream.latest().seq
        ctl.absolute_move(None, None, 1.0).result(10)
        wait_until(lambda: not any(sim.camera("PTZ01").head.moving()), 10, what="zoomed")
        wait_until(lambda: stream.latest().seq > seq + 15, 10, what="frames after zooming")
    finally:
        if ctl is not None:
            ctl.close()
        if stream is not None:
            stream.stop()
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait(10)
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
