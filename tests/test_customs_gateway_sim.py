"""The customs gateway simulator as a process of its own (datasources/sim/
customs_gateway.py through CustomsGatewaySimulator and app/simulators.py): every
reply validated against the OpenAPI contract (datasources/contracts/
customs-gateway.yaml) with openapi-core — health, every feed paged to its end, a
declaration by 12 and by 11 digits, a gate picture, 401, 400, 404; resuming from a
stored cursor, a live gate read, an amendment, 10,000 generated declarations; each
fault as specified; and the world itself: consistent (containers on the manifest
with valid check digits, tax codes valid, every time before the epoch) but for the
anomalies planted on purpose, which are there. The epoch is fixed: nothing depends
on today's date or on the machine's speed."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from jsonschema import Draft202012Validator
from openapi_core import Config, OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_core.validation.response.exceptions import InvalidData
from PIL import Image
from stdnum import imo, iso6346
from stdnum.vn import mst

from datasources.customs_gateway.simulator import CustomsGatewaySimulator
from datasources.sim.customs_gateway import decode_cursor, encode_cursor
from datasources.sim.customs_world import TCVN3, World, parse_epoch

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "datasources" / "contracts" / "customs-gateway.yaml"
EPOCH = "2026-11-27T02:00:00"            # UTC: 09:00 in Hà Nội
EPOCH_UTC = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
TOKEN = "test-token"
SEED = 888
FEEDS = {"declarations": "/v1/declarations", "area_events": "/v1/area-events",
         "manifests": "/v1/manifests", "gate_events": "/v1/gate-events",
         "blacklist": "/v1/blacklist"}
SCHEMAS = {"declarations": "Declaration", "area_events": "AreaEvent",
           "manifests": "VesselCall", "gate_events": "GateEvent", "blacklist": "BlacklistEntry"}
_OFFSET = re.compile(r"(Z|[+-][0-9]{2}:?[0-9]{2})$")
_TIME_KEYS = {"at", "registered_at", "channel_at", "cleared_at", "eta", "ata", "in_yard_since",
              "left_yard_at", "since", "until", "time"}


# -- the contract ---------------------------------------------------------------------------
class _AtTheGateway(RequestsOpenAPIRequest):
    """The request as the contract's server has it: the simulator serves the paths at its
    root, the contract's server (https://gateway.customs.gov.vn/dutyroom) below /dutyroom."""

    @property
    def host_url(self) -> str:
        return "https://gateway.customs.gov.vn"

    @property
    def path(self) -> str:
        return "/dutyroom" + super().path


def _jpeg_as_text(data: bytes, **_parameters: str) -> str:
    """openapi-core hands an image/jpeg body over as bytes, which its validator takes
    for a string only with `format: binary`; the contract says `contentMediaType`."""
    return data.decode("latin-1")


@pytest.fixture(scope="module")
def api() -> OpenAPI:
    return OpenAPI.from_file_path(
        str(CONTRACT), config=Config(extra_media_type_deserializers={"image/jpeg": _jpeg_as_text}))


@pytest.fixture(scope="module")
def item_validators() -> dict[str, Draft202012Validator]:
    """One JSON Schema validator per feed's item, from the contract's components."""
    components = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["components"]
    return {feed: Draft202012Validator({"$ref": f"#/components/schemas/{name}",
                                        "components": components})
            for feed, name in SCHEMAS.items()}


class Gate:
    """An HTTP client of one simulator that validates every reply against the contract."""

    def __init__(self, sim: CustomsGatewaySimulator, api: OpenAPI) -> None:
        self.sim, self.api = sim, api
        self.session = requests.Session()
        self.replies = 0

    def get(self, path: str, *, params: dict[str, Any] | None = None, token: str | None = TOKEN,
            timeout: float = 30.0, validate: bool = True) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        r = self.session.get(self.sim.base_url + path, params=params, headers=headers,
                             timeout=timeout)
        if validate:
            self.api.validate_response(_AtTheGateway(r.request), RequestsOpenAPIResponse(r))
            self.replies += 1
        return r

    def read_feed(self, feed: str, *, since: str | None = None, limit: int | None = None,
                  validate: bool = True) -> tuple[list[dict[str, Any]], str, int]:
        """Every item from `since` on, following next_cursor until has_more is false;
        the items, the last cursor, and how many pages it took."""
        items: list[dict[str, Any]] = []
        pages = 0
        cursor = since
        while True:
            params: dict[str, Any] = {}
            if cursor is not None:
                params["since"] = cursor
            if limit is not None:
                params["limit"] = limit
            r = self.get(FEEDS[feed], params=params, validate=validate and pages < 50)
            assert r.status_code == 200, r.text
            page = r.json()
            items += page["items"]
            cursor = page["next_cursor"]
            pages += 1
            if not page["has_more"]:
                return items, cursor, pages
            assert page["items"], "has_more with an empty page"

    def close(self) -> None:
        self.session.close()


def _started(sim: CustomsGatewaySimulator) -> CustomsGatewaySimulator:
    if sim.start(60) is None:
        pytest.fail(f"customs gateway simulator: {sim.stderr_path.read_text(errors='replace')}")
    return sim


@pytest.fixture(scope="module")
def sim() -> Iterator[CustomsGatewaySimulator]:
    """The seeded world, only read (never changed) by the tests that use it."""
    s = _started(CustomsGatewaySimulator(seed=SEED, epoch=EPOCH, token=TOKEN))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def live() -> Iterator[CustomsGatewaySimulator]:
    """A second one, for the tests that change its world or switch faults on."""
    s = _started(CustomsGatewaySimulator(seed=SEED, epoch=EPOCH, token=TOKEN))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def gate(sim: CustomsGatewaySimulator, api: OpenAPI) -> Iterator[Gate]:
    g = Gate(sim, api)
    yield g
    g.close()


@pytest.fixture
def live_gate(live: CustomsGatewaySimulator, api: OpenAPI) -> Iterator[Gate]:
    g = Gate(live, api)
    yield g
    live.set_fault("none")
    g.close()


@pytest.fixture(scope="module")
def served(gate: Gate) -> dict[str, list[dict[str, Any]]]:
    """Every feed of the seeded world, read page by page (4 a page), each page validated."""
    return {feed: gate.read_feed(feed, limit=4)[0] for feed in FEEDS}


# -- domain checks (DOMAIN.md), written here apart from the world's own ---------------------
def _compact(number: str) -> str:
    return re.sub(r"[\s-]", "", number)


def container_ok(number: str) -> bool:
    return iso6346.is_valid(_compact(number))


def tax_code_ok(code: str) -> bool:
    digits = re.sub(r"[ .-]", "", code)
    if not digits.isdigit():
        return False
    if len(digits) == 12:                      # personal number, no check digit
        return True
    if len(digits) not in (10, 13) or digits[2:9] == "0000000":
        return False
    if len(digits) == 13 and digits[10:] == "000":
        return False
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    c = 10 - sum(int(d) * w for d, w in zip(digits[:9], weights, strict=True)) % 11
    ok = c < 10 and int(digits[9]) == c
    assert ok == mst.is_valid(digits), code      # the same rule as python-stdnum's
    return ok


def _times(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _times(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _times(v, key)
    elif isinstance(value, str) and key in _TIME_KEYS:
        yield value


def _instant(text: str) -> datetime:
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:                       # the office's local time
        t = t.replace(tzinfo=UTC) - timedelta(hours=7)
    return t


def _containers_of(feed: str, item: dict[str, Any]) -> list[str]:
    if feed == "declarations":
        return [c["number"] for c in item.get("containers", [])]
    if feed == "manifests":
        return [c["number"] for c in item.get("containers", [])] + [
            n for b in item.get("bills", []) for n in b.get("containers", [])]
    if feed in ("area_events", "gate_events"):
        return [item["container_number"]] if item.get("container_number") else []
    return [item["value"]] if item.get("subject") == "container" else []


def _key(feed: str, item: dict[str, Any]) -> str:
    if feed == "declarations":
        return str(item["number"])[:11]
    return str(item["call_id"] if feed == "manifests" else item["id"])


# -- the contract, reply by reply ---------------------------------------------------------
def test_health_and_refused_tokens(gate: Gate) -> None:
    r = gate.get("/v1/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and set(body["systems"]) == {"vcis", "v5", "emanifest", "gate"}
    assert _instant(body["time"]) >= EPOCH_UTC          # the world's clock starts at the epoch
    for token in ("wrong-token", None):
        r = gate.get("/v1/health", token=token)
        assert r.status_code == 401 and r.json()["error"] == "unauthorized"
        r = gate.get("/v1/declarations", token=token)
        assert r.status_code == 401


def test_every_feed_pages_to_its_end_and_is_the_seeded_world(
        gate: Gate, served: dict[str, list[dict[str, Any]]]) -> None:
    world = World(SEED, parse_epoch(EPOCH))              # the same seed and epoch, in-process
    for feed, items in served.items():
        assert items == world.feed(feed), feed
        seqs = [it["change_seq"] for it in items]
        assert seqs == sorted(set(seqs)) and seqs[0] >= 1, feed
        assert len({_key(feed, it) for it in items}) == len(items), feed
    assert len(served["declarations"]) == 25
    # a bigger page: the same items in fewer pages
    items, cursor, pages = gate.read_feed("declarations", limit=10)
    assert items == served["declarations"] and pages == 3
    assert decode_cursor("declarations", cursor) == items[-1]["change_seq"]
    # and read from the end: nothing new, the same cursor back
    r = gate.get("/v1/declarations", params={"since": cursor})
    assert r.json() == {"items": [], "next_cursor": cursor, "has_more": False}


def test_a_declaration_by_its_12_digits_and_by_the_11_that_key_it(
        gate: Gate, served: dict[str, list[dict[str, Any]]]) -> None:
    for decl in served["declarations"]:
        for number in (decl["number"], decl["number"][:11]):
            r = gate.get(f"/v1/declarations/{number}")
            assert r.status_code == 200 and r.json() == decl
    for number in ("999999999990", "99999999999", "12345"):
        r = gate.get(f"/v1/declarations/{number}")
        assert r.status_code == 404 and r.json()["error"] == "not_found"


def test_a_gate_read_has_its_picture(gate: Gate, served: dict[str, list[dict[str, Any]]]) -> None:
    for event in served["gate_events"][:3] + served["gate_events"][-2:]:
        assert event["picture"] == f"/v1/gate-events/{event['id']}/picture"
        r = gate.get(event["picture"])
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/jpeg"
        with Image.open(io.BytesIO(r.content)) as img:
            assert img.format == "JPEG" and img.size == (640, 360)
    r = gate.get("/v1/gate-events/no-such-read/picture")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    assert gate.get(served["gate_events"][0]["picture"], token="wrong").status_code == 401


def test_a_cursor_or_limit_it_does_not_accept_is_400(gate: Gate) -> None:
    other_feed = encode_cursor("gate_events", 3)
    for since in ("garbage!", "c2VxOjM", base64.urlsafe_b64encode(b"seq:x").decode(), other_feed):
        r = gate.get("/v1/declarations", params={"since": since})
        assert r.status_code == 400 and r.json()["error"] == "bad_cursor", since
    for limit in ("0", "1001", "many"):
        r = gate.get("/v1/declarations", params={"limit": limit})
        assert r.status_code == 400, limit
    assert gate.get("/v1/declarations", params={"limit": "1000"}).status_code == 200


def test_resuming_from_a_stored_cursor_gives_only_later_changes(
        gate: Gate, served: dict[str, list[dict[str, Any]]]) -> None:
    for feed in ("declarations", "gate_events", "area_events"):
        first = gate.get(FEEDS[feed], params={"limit": 7}).json()
        stored = first["next_cursor"]
        assert first["has_more"]
        rest, _cursor, _pages = gate.read_feed(feed, since=stored, limit=5)
        assert all(it["change_seq"] > first["items"][-1]["change_seq"] for it in rest)
        assert first["items"] + rest == served[feed]


def test_a_published_gate_read_comes_after_the_last_cursor(live_gate: Gate) -> None:
    live = live_gate.sim
    _items, cursor, _pages = live_gate.read_feed("gate_events")
    container = live.anomalies()["spaced_container_read"]["container"]
    read = {"id": "DVU-LIVE-000001", "gate": "Cổng A", "lane": "A-IN-1", "direction": "in",
            "at": "2026-11-27T08:59:30+07:00", "container_number": container,
            "plate": "15C-246.80", "confidence": 0.91, "camera_code": "DV-CAM-01"}
    stored = live.publish("gate_events", read)
    assert stored["change_seq"] > decode_cursor("gate_events", cursor)
    assert stored["picture"] == "/v1/gate-events/DVU-LIVE-000001/picture"
    new, cursor2, _pages = live_gate.read_feed("gate_events", since=cursor)
    assert new == [stored]
    assert live_gate.read_feed("gate_events", since=cursor2)[0] == []
    r = live_gate.get(stored["picture"])
    assert r.status_code == 200 and r.content[:2] == b"\xff\xd8"


def test_an_amendment_replaces_the_declaration_as_a_later_change(live_gate: Gate) -> None:
    live = live_gate.sim
    before, cursor, _pages = live_gate.read_feed("declarations")
    original = next(d for d in before if d["number"].endswith("0") and d["status"] == "cleared")
    amended = live.amend(original["number"], gross_weight_kg=12345.6)
    assert amended["number"] == original["number"][:11] + "1"
    assert amended["gross_weight_kg"] == 12345.6
    changes, _cursor, _pages = live_gate.read_feed("declarations", since=cursor)
    assert changes == [amended]
    assert amended["change_seq"] > decode_cursor("declarations", cursor)
    for number in (original["number"][:11], original["number"], amended["number"]):
        assert live_gate.get(f"/v1/declarations/{number}").json() == amended
    after, _cursor, _pages = live_gate.read_feed("declarations")
    assert len(after) == len(before)                     # replaced, not added
    assert [d for d in after if d["number"][:11] == original["number"][:11]] == [amended]


def test_ten_thousand_generated_declarations_page_through_exactly(api: OpenAPI) -> None:
    loaded = _started(CustomsGatewaySimulator(seed=7, epoch=EPOCH, token=TOKEN))
    g = Gate(loaded, api)
    try:
        assert loaded.generate(10_000) == 10_025
        first = g.get("/v1/declarations", params={"limit": 1000, "since": encode_cursor(
            "declarations", 25)})           # a page of generated ones, validated
        assert len(first.json()["items"]) == 1000
        items, _cursor, pages = g.read_feed("declarations", limit=1000, validate=False)
        assert len(items) == 10_025 and pages == 11
        assert len({d["number"][:11] for d in items}) == 10_025
        seqs = [d["change_seq"] for d in items]
        assert seqs == sorted(seqs) == list(range(1, 10_026))
        assert all(tax_code_ok(d["declarant"]["tax_code"]) for d in items)
        assert all(d["number"].startswith("10" if d["flow"] == "import" else "30")
                   for d in items)
    finally:
        g.close()
        loaded.stop()


# -- the faults -------------------------------------------------------------------------------
def test_silent_never_answers(live_gate: Gate) -> None:
    live_gate.sim.set_fault("silent")
    with pytest.raises(requests.exceptions.Timeout):
        requests.get(live_gate.sim.base_url + "/v1/health", timeout=(10.0, 1.0),
                     headers={"Authorization": f"Bearer {TOKEN}"})
    live_gate.sim.set_fault("none")
    assert live_gate.get("/v1/health").status_code == 200


def test_slow_answers_after_its_delay(live_gate: Gate) -> None:
    live_gate.sim.set_fault("slow", delay_s=1.0)
    t0 = time.monotonic()
    r = live_gate.get("/v1/gate-events", params={"limit": 3})
    assert time.monotonic() - t0 >= 1.0
    assert r.status_code == 200 and len(r.json()["items"]) == 3


def test_http500_is_an_error_object(live_gate: Gate) -> None:
    live_gate.sim.set_fault("http500")
    for path in ("/v1/health", "/v1/declarations", "/v1/blacklist"):
        r = live_gate.get(path)
        assert r.status_code == 500 and r.json()["error"] == "internal"
    live_gate.sim.set_fault("http500", status=503)
    r = live_gate.get("/v1/gate-events")
    assert r.status_code == 503 and r.json()["error"] == "unavailable"


def test_unauthorized_refuses_even_the_right_token(live_gate: Gate) -> None:
    live_gate.sim.set_fault("unauthorized")
    for path in ("/v1/health", "/v1/area-events", "/v1/declarations/10"):
        r = live_gate.get(path)
        assert r.status_code == 401 and r.json()["error"] == "unauthorized"


def test_malformed_is_200_and_not_json(live_gate: Gate) -> None:
    live_gate.sim.set_fault("malformed")
    r = live_gate.get("/v1/declarations", validate=False)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        json.loads(r.text)


def test_bad_records_break_some_items_and_leave_the_others_valid(
        live_gate: Gate, item_validators: dict[str, Draft202012Validator]) -> None:
    for feed in FEEDS:
        every = 1 if feed == "manifests" else 3       # one vessel call: break it
        live_gate.sim.set_fault("bad_records", every=every)
        items = live_gate.get(FEEDS[feed], params={"limit": 60}, validate=False).json()["items"]
        bad = 0
        for i, item in enumerate(items):
            schema_errors = list(item_validators[feed].iter_errors(item))
            digits_ok = all(container_ok(n) for n in _containers_of(feed, item))
            if i % every == every - 1:
                assert schema_errors or not digits_ok, (feed, i, item)
                bad += 1
            else:
                assert not schema_errors and digits_ok, (feed, i, schema_errors)
        assert bad >= 1, feed
    # the page as a whole breaks the contract
    live_gate.sim.set_fault("bad_records", every=2)
    with pytest.raises(InvalidData):
        live_gate.get("/v1/gate-events", params={"limit": 10})
    # and with the fault off, all is valid again
    live_gate.sim.set_fault("none")
    for feed in FEEDS:
        items = live_gate.read_feed(feed, limit=100)[0]
        assert all(not list(item_validators[feed].iter_errors(it)) for it in items)


def test_cursor_back_points_before_the_cursor_given(live_gate: Gate) -> None:
    first = live_gate.get("/v1/area-events", params={"limit": 8}).json()
    given = first["next_cursor"]
    seq = decode_cursor("area_events", given)
    live_gate.sim.set_fault("cursor_back")                  # once
    back = live_gate.get("/v1/area-events", params={"since": given, "limit": 5}).json()
    assert decode_cursor("area_events", back["next_cursor"]) < seq
    assert all(it["change_seq"] > seq for it in back["items"])
    again = live_gate.get("/v1/area-events", params={"since": given, "limit": 5}).json()
    assert decode_cursor("area_events", again["next_cursor"]) > seq    # once only
    live_gate.sim.set_fault("cursor_back", once=False, by=3)
    for _ in range(2):
        page = live_gate.get("/v1/area-events", params={"since": given}).json()
        assert decode_cursor("area_events", page["next_cursor"]) == seq - 3


def test_stats_count_the_requests_per_path(live_gate: Gate) -> None:
    before = live_gate.sim.stats()["requests"]
    for _ in range(3):
        live_gate.get("/v1/manifests")
    after = live_gate.sim.stats()["requests"]
    assert after["/v1/manifests"] == before.get("/v1/manifests", 0) + 3


# -- the world ----------------------------------------------------------------------------------
def test_the_world_is_consistent(served: dict[str, list[dict[str, Any]]]) -> None:
    decls, calls = served["declarations"], served["manifests"]
    assert len(calls) == 1
    call = calls[0]
    vessel = call["vessel"]
    assert call["port"] == "VNDVU" and imo.is_valid(vessel["imo"])
    assert re.fullmatch(r"[2-7][0-9]{8}", vessel["mmsi"]) and vessel["mmsi"].startswith("574")
    on_manifest = {c["number"] for c in call["containers"]}
    assert 18 <= len(on_manifest) <= 25 and 8 <= len(call["bills"]) <= 12
    assert {"22G1", "45G1", "45R1"} <= {c["size_type"] for c in call["containers"]}
    for bill in call["bills"]:
        assert set(bill["containers"]) <= on_manifest
        assert len(bill["consignee"].split("#")) >= 3 and "#" in bill["description"]
    # every container number everywhere has a valid check digit once compacted
    for feed, items in served.items():
        for item in items:
            for number in _containers_of(feed, item):
                assert container_ok(number), (feed, number)
    # declarations
    numbers = {d["number"][:11]: d for d in decls}
    for d in decls:
        assert re.fullmatch(r"[0-9]{12}", d["number"])
        assert d["number"][:2] == ("10" if d["flow"] == "import" else "30")
        assert d["office"] in ("03EE", "15BB")
        assert tax_code_ok(d["declarant"]["tax_code"]), d["declarant"]
        assert all(re.fullmatch(r"[0-9]{8}", hs) for hs in d["hs_codes"])
        assert {c["number"] for c in d["containers"]} <= on_manifest, d["number"]
        assert d["status_history"][-1]["status"] == d["status"]
        history = [_instant(s["at"]) for s in d["status_history"]]
        assert history == sorted(history)
        assert (d["cleared_at"] is not None) == (d["status"] in ("cleared", "passed_area", "done"))
        if d["channel"] in ("2", "3", "3D"):
            assert d["criteria"] and d["notices"], d["number"]
        if d["channel"] is None:
            assert d["status"] == "in_progress"
    assert {d["channel"] for d in decls} >= {"1", "2", "3", "3D", None}
    assert {d["type_code"] for d in decls} >= {"A11", "A12", "E31", "B11", "G11"}
    codes = [d["declarant"]["tax_code"] for d in decls]
    assert any(re.fullmatch(r"[0-9]{10}-[0-9]{3}", c) for c in codes)     # a branch
    assert any(re.fullmatch(r"[0-9]{12}", c) for c in codes)              # a person
    # area events follow the declarations
    assert {e["kind"] for e in served["area_events"]} == {
        "gate_in", "gate_out", "held", "storage", "stopped", "place_changed",
        "independent_transport"}
    left_area: set[str] = set()
    for e in served["area_events"]:
        d = numbers[e["declaration_number"][:11]]
        if e["container_number"]:
            assert e["container_number"] in {c["number"] for c in d["containers"]}
        if e["kind"] == "gate_out":
            assert d["cleared_at"] is not None
        if e["kind"] in ("gate_out", "storage", "independent_transport", "place_changed") \
                and e["container_number"]:
            left_area.add(e["container_number"])
    # gate reads: the demo site's recognition cameras
    gates = {"DV-CAM-01": "Cổng A", "DV-CAM-02": "Cổng A", "DV-CAM-07": "Cổng B",
             "HN-CAM-03": "Cửa khẩu Hữu Nghị", "HN-CAM-04": "Cửa khẩu Hữu Nghị"}
    planted = {a["container"] for name, a in World(SEED, parse_epoch(EPOCH)).anomalies.items()
               if name in ("left_before_clearance", "red_at_gate")}
    for g in served["gate_events"]:
        assert gates[g["camera_code"]] == g["gate"]
        assert 0.6 <= g["confidence"] <= 0.99
        assert g["direction"] == ("in" if "-IN-" in g["lane"] or g["lane"].startswith("NK")
                                  else "out")
        assert re.fullmatch(r"[0-9]{2}[A-Z]-[0-9]{3}\.[0-9]{2}", g["plate"])
        if g["container_number"] and g["direction"] == "out":
            number = _compact(g["container_number"])
            assert number in left_area or number in planted, number
            left = next(c for c in call["containers"] if c["number"] == number)
            assert left["left_yard_at"] is not None
    # the blacklist: the five subjects
    assert {b["subject"] for b in served["blacklist"]} == {
        "tax_code", "container", "plate", "vessel", "bill_of_lading"}
    # every time lies before the epoch
    for feed, items in served.items():
        for t in _times(items):
            assert _instant(t) < EPOCH_UTC, (feed, t)


def test_the_planted_anomalies_are_there(
        sim: CustomsGatewaySimulator, served: dict[str, list[dict[str, Any]]]) -> None:
    anomalies = sim.anomalies()
    assert anomalies == World(SEED, parse_epoch(EPOCH)).anomalies
    decls = {d["number"]: d for d in served["declarations"]}
    reads = {g["id"]: g for g in served["gate_events"]}

    left = anomalies["left_before_clearance"]
    d, g = decls[left["declaration"]], reads[left["gate_event"]]
    assert d["status"] in ("channel_assigned", "in_progress") and d["cleared_at"] is None
    assert g["direction"] == "out" and g["container_number"] == left["container"]
    assert left["container"] in {c["number"] for c in d["containers"]}

    red = anomalies["red_at_gate"]
    d, g = decls[red["declaration"]], reads[red["gate_event"]]
    assert d["channel"] == "3" and d["inspection_result"] in (None, "pending")
    assert g["direction"] == "out" and g["container_number"] == red["container"]
    held = next(e for e in served["area_events"] if e["id"] == red["area_event"])
    assert held["kind"] == "held" and held["container_number"] == red["container"]

    watched = anomalies["watched_declarant"]
    entry = next(b for b in served["blacklist"] if b["id"] == watched["blacklist"])
    assert entry["subject"] == "tax_code" and entry["active"]
    assert decls[watched["declaration"]]["declarant"]["tax_code"] == entry["value"]

    spaced = anomalies["spaced_container_read"]
    g = reads[spaced["gate_event"]]
    assert g["container_number"] == "CSQU 305438-3" == spaced["as_read"]
    assert not iso6346.is_valid(g["container_number"]) and container_ok(g["container_number"])
    d = decls[spaced["declaration"]]
    assert _compact(g["container_number"]) in {c["number"] for c in d["containers"]}
    assert d["cleared_at"] is not None

    legacy = anomalies["legacy_encoding"]
    name = decls[legacy["declaration"]]["declarant"]["name"]
    assert name == legacy["as_sent"] != legacy["name"] and name.startswith("C«ng ty")
    raw = name.encode("cp1252")
    iconv = shutil.which("iconv")
    done = iconv is not None and subprocess.run(
        [iconv, "-f", "TCVN5712-1", "-t", "UTF-8"], input=raw, capture_output=True,
        check=False)
    if done and done.returncode == 0:      # glibc's own TCVN 5712 table agrees
        assert done.stdout.decode() == legacy["name"]
    back = {b: ch for ch, b in TCVN3.items()}
    assert "".join(back.get(b, chr(b)) for b in raw) == legacy["name"]

    naive = anomalies["time_without_offset"]
    all_times = [t for items in served.values() for t in _times(items)]
    without = [t for t in all_times if not _OFFSET.search(t)]
    assert without == [naive["value"]]
    assert decls[naive["declaration"]][naive["field"]] == naive["value"]
    assert {t[-6:] for t in all_times if _OFFSET.search(t)} >= {"+07:00"}
    assert any(t.endswith("Z") for t in all_times)

    assert decls[anomalies["raw_channel"]["declaration"]]["channel"] == "3D"
    assert decls[anomalies["amended"]["declaration"]]["number"].endswith("1")


def test_the_world_is_deterministic_and_generates_fast_enough_to_load() -> None:
    epoch = parse_epoch(EPOCH)
    a, b, c = World(SEED, epoch), World(SEED, epoch), World(SEED + 1, epoch)
    assert [a.feed(f) for f in FEEDS] == [b.feed(f) for f in FEEDS]
    assert a.declarations != c.declarations and set(a.anomalies) == set(c.anomalies)
    assert len(a.containers()) == len(a.manifests[0]["containers"])
    assert a.generate(2000) == 2025
    items, last, more = a.changes_since("declarations", 2020, 3)
    assert [d["change_seq"] for d in items] == [2021, 2022, 2023] and last == 2023 and more
    assert a.changes_since("declarations", 2025, 10) == ([], 2025, False)
