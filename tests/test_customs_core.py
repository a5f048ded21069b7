"""The customs systems' core (app/customs/), without a window or a network: the
identifiers and their checks; a feed's item read into its record or refused whole
with its reason (fuzzed: nothing else is ever raised); the store on both databases —
an amendment updates its declaration (keyed on 11 digits), an older change never
overwrites a newer one, a page read twice stores nothing twice; gate × clearance
(Đ14.1.3) raising one critical alert per read going out uncleared or red without an
inspection result; the risk blacklist (a 10-digit tax code covers its branches); the
declarations' filters and details; what an officer does with an alert."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.customs import ids
from app.customs.alerts import AlertService
from app.customs.ids import BadValue
from app.customs.records import Channel, DeclarationRecord, Feed, GateEventRecord, parse
from app.customs.store import CustomsStore
from app.customs.views import CustomsViews, DeclarationFilter
from app.db.models import Alert, CustomsDeclaration, CustomsDeclarationContainer, LogEntry
from app.errors import ConflictError, ValidationError
from app.sources.ledger import IngestLedger
from tests.conftest import T0

SRC = "customs-declarations"
GATE = "customs-gate-events"
BL = "customs-blacklist"


def declaration(number: str = "105123456780", seq: int = 1, **over: object) -> dict:
    item: dict = {
        "number": number, "system": "v5", "flow": "import", "type_code": "A11",
        "office": "03EE", "area": "Cảng Đình Vũ", "route": "", "channel": "3",
        "status": "channel_assigned",
        "status_history": [{"status": "in_progress", "at": "2026-03-02T08:00:00+07:00"},
                           {"status": "channel_assigned", "at": "2026-03-02T08:20:00+07:00"}],
        "registered_at": "2026-03-02T08:00:00+07:00", "channel_at": "2026-03-02T08:20:00+07:00",
        "cleared_at": None, "inspection_result": None, "inspection_place": "Cảng Đình Vũ",
        "declarant": {"tax_code": "0314409058-002", "name": "Công ty TNHH Thương mại Hải Minh"},
        "hs_codes": ["85171200"], "goods_description": "Điện thoại di động thông minh",
        "containers": [{"number": "CSQU 305438-3", "seal": "VN123456"}],
        "bills_of_lading": ["HPH-2026-0012"], "gross_weight_kg": 12500.5,
        "transport_mode": "2", "storage_place": "03EES01",
        "criteria": ["Hàng điện tử giá trị cao"],
        "notices": [{"at": "2026-03-02T08:25:00+07:00", "text": "Yêu cầu kiểm tra thực tế"}],
        "change_seq": seq}
    item.update(over)
    return item


def gate_read(ext_id: str, container: str | None, direction: str = "out", seq: int = 1,
              **over: object) -> dict:
    item: dict = {"id": ext_id, "gate": "Cổng A", "lane": "A-OUT-1", "direction": direction,
                  "at": "2026-03-02T10:00:00+07:00", "container_number": container,
                  "plate": "15C-123.45", "confidence": 0.93, "camera_code": "DV-CAM-02",
                  "picture": f"/v1/gate-events/{ext_id}/picture", "change_seq": seq}
    item.update(over)
    return item


# -- identifiers ----------------------------------------------------------------------------
def test_identifiers_are_checked_and_written_one_way() -> None:
    assert ids.container_number("CSQU 305438-3") == "CSQU3054383"
    assert ids.container_number("csqu3054383") == "CSQU3054383"
    with pytest.raises(BadValue, match="ISO 6346"):
        ids.container_number("CSQU3054384")           # wrong check digit
    assert ids.tax_code("0314409058-002") == "0314409058002"
    assert ids.tax_code("0100233488") == "0100233488"
    assert ids.tax_code("001085012345") == "001085012345"   # a 12-digit personal number
    with pytest.raises(BadValue, match="mã số thuế"):
        ids.tax_code("0100233489")                     # wrong check digit
    assert ids.tax_code_root("0314409058002") == "0314409058"
    assert ids.declaration_number("105123456781") == ("10512345678", 1)
    with pytest.raises(BadValue, match="12 chữ số"):
        ids.declaration_number("10512345678")
    assert ids.imo_number("IMO 9074729") == "9074729"
    with pytest.raises(BadValue):
        ids.imo_number("9074728")
    assert ids.mmsi("574123456") == "574123456"
    assert ids.plate("15C-123.45") == "15C12345"
    # a time without a zone is the office's local time (UTC+7)
    assert ids.feed_time("2026-03-02T08:00:00") == datetime(2026, 3, 2, 1, 0)
    assert ids.feed_time("2026-03-02T08:00:00+07:00") == datetime(2026, 3, 2, 1, 0)
    assert ids.feed_time("2026-03-02T01:00:00Z") == datetime(2026, 3, 2, 1, 0)


def test_a_declaration_item_reads_into_its_record() -> None:
    r = parse(Feed.DECLARATIONS, SRC, declaration(channel="3D"))
    assert isinstance(r, DeclarationRecord)
    assert (r.key, r.amend_count, r.natural_id) == ("10512345678", 0, "10512345678:1")
    assert r.channel == Channel.RED and r.channel_raw == "3D"
    assert r.containers == (("CSQU3054383", "VN123456"),)
    assert r.declarant_tax_code == "0314409058002"
    assert r.registered_at == datetime(2026, 3, 2, 1, 0) and not r.cleared


@pytest.mark.parametrize(("change", "reason"), [
    ({"number": "10512345678"}, "12 chữ số"),
    ({"containers": [{"number": "CSQU3054384"}]}, "ISO 6346"),
    ({"channel": "7"}, "phân loại kiểm tra"),
    ({"declarant": {"tax_code": "123", "name": "X"}}, "mã số thuế"),
    ({"registered_at": "hôm qua"}, "ISO 8601"),
    ({"status": "lost"}, "trạng thái"),
    ({"change_seq": None}, "change_seq"),
])
def test_a_bad_item_is_refused_whole_with_its_reason(change: dict, reason: str) -> None:
    with pytest.raises(BadValue, match=reason):
        parse(Feed.DECLARATIONS, SRC, declaration(**change))


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=6), max_leaves=30)
_fields = st.sampled_from(["number", "containers", "declarant", "registered_at", "status",
                           "channel", "hs_codes", "change_seq", "notices", "status_history",
                           "gross_weight_kg", "type_code", "office", "flow"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(Feed)), _json)
def test_any_json_is_either_a_record_or_a_reason(feed: Feed, item: object) -> None:
    try:
        parse(feed, SRC, item)
    except BadValue as exc:
        assert str(exc)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_fields, _json, max_size=4))
def test_a_declaration_with_any_field_replaced_is_a_record_or_a_reason(change: dict) -> None:
    item = declaration()
    item.update(change)
    try:
        parse(Feed.DECLARATIONS, SRC, item)
    except BadValue as exc:
        assert str(exc)


# -- the store --------------------------------------------------------------------------------
def _ingest(ctx, desk_id: int, feed: Feed, source: str, items: list[dict]):  # type: ignore[no-untyped-def]
    ledger = IngestLedger(ctx.db, ctx.clock, "console-1")
    records = [parse(feed, source, i) for i in items]
    return ledger.ingest(records, CustomsStore(ctx.clock, desk_id).store, desk_id)


def _alerts(ctx) -> list[Alert]:  # type: ignore[no-untyped-def]
    with ctx.db.read() as s:
        return list(s.scalars(select(Alert).order_by(Alert.id)))


def test_an_amendment_updates_its_declaration_and_an_older_change_is_not_applied(
        ctx, desk) -> None:
    _ingest(ctx, desk.id, Feed.DECLARATIONS, SRC, [declaration(seq=1)])
    amended = declaration("105123456781", seq=5, channel="1", status="cleared",
                          cleared_at="2026-03-02T09:00:00+07:00",
                          containers=[{"number": "MSKU1234565"}])
    result = _ingest(ctx, desk.id, Feed.DECLARATIONS, SRC, [amended])
    assert result.stored == 1
    late = declaration("105123456780", seq=3, status="in_progress")   # older, arrives late
    _ingest(ctx, desk.id, Feed.DECLARATIONS, SRC, [late])
    again = _ingest(ctx, desk.id, Feed.DECLARATIONS, SRC, [amended])  # the page read twice
    assert (again.stored, again.duplicates) == (0, 1)
    with ctx.db.read() as s:
        rows = list(s.scalars(select(CustomsDeclaration)))
        containers = list(s.scalars(select(CustomsDeclarationContainer.container_no)))
    assert len(rows) == 1
    assert (rows[0].number, rows[0].amend_count, rows[0].status, rows[0].channel) == (
        "105123456781", 1, "cleared", "green")
    assert containers == ["MSKU1234565"]


def _world(ctx, desk_id: int) -> None:  # type: ignore[no-untyped-def]
    """Three declarations: red uninspected, not yet cleared (yellow), cleared green."""
    _ingest(ctx, desk_id, Feed.DECLARATIONS, SRC, [
        declaration("105123456780", 1),                                    # red, CSQU3054383
        declaration("105123456790", 2, channel="2", containers=[{"number": "MSKU1234565"}],
                    declarant={"tax_code": "0100233488", "name": "Công ty CP Vận tải Biển Đông"}),
        declaration("305123456800", 3, flow="export", type_code="B11", channel="1",
                    status="cleared", cleared_at="2026-03-02T09:00:00+07:00",
                    containers=[{"number": "TGHU1000002"}],
                    declarant={"tax_code": "0312945656", "name": "Công ty TNHH Gỗ Phương Nam"},
                    goods_description="Gỗ dán công nghiệp")])


def test_gate_reads_out_without_clearance_raise_one_critical_alert_each(ctx, desk) -> None:
    _world(ctx, desk.id)
    reads = [gate_read("G1", "CSQU 305438-3", seq=1),     # red, no inspection result
             gate_read("G2", "MSKU1234565", seq=2),       # yellow, not cleared
             gate_read("G3", "TGHU1000002", seq=3),       # cleared
             gate_read("G4", "MSKU1234565", "in", seq=4),  # going in
             gate_read("G5", "MSKU1234566", seq=5),       # a misread: wrong check digit
             gate_read("G6", "CAIU7777777", seq=6)]       # no declaration names it
    assert all(isinstance(parse(Feed.GATE, GATE, r), GateEventRecord) for r in reads)
    _ingest(ctx, desk.id, Feed.GATE, GATE, reads)
    _ingest(ctx, desk.id, Feed.GATE, GATE, reads)          # read twice: nothing twice
    alerts = _alerts(ctx)
    by_ref = {a.record_ref: a for a in alerts}
    assert set(by_ref) == {"G1", "G2", "G6"}
    assert by_ref["G1"].severity == by_ref["G2"].severity == "critical"
    assert "luồng đỏ chưa có kết quả kiểm tra" in by_ref["G1"].title
    assert "chưa thông quan" in by_ref["G2"].title and "105123456790" in by_ref["G2"].reason
    assert by_ref["G6"].severity == "high"
    assert by_ref["G1"].camera_code == "DV-CAM-02"
    assert by_ref["G1"].picture == "/v1/gate-events/G1/picture"
    verdicts = {g.ext_id: g.verdict for g in CustomsViews(ctx.db).gate_reads(desk.id)}
    assert verdicts == {"G1": "red_uninspected", "G2": "not_cleared", "G3": "cleared",
                        "G4": "in", "G5": "unreadable", "G6": "no_declaration"}


def test_the_blacklist_covers_a_tax_code_and_its_branches(ctx, desk) -> None:
    _ingest(ctx, desk.id, Feed.BLACKLIST, BL, [
        {"id": "B1", "subject": "tax_code", "value": "0314409058", "reason": "Nợ thuế quá hạn",
         "active": True, "change_seq": 1},
        {"id": "B2", "subject": "plate", "value": "15C-123.45", "reason": "Xe vi phạm",
         "active": False, "change_seq": 2}])
    _ingest(ctx, desk.id, Feed.DECLARATIONS, SRC, [declaration()])   # branch 0314409058-002
    _ingest(ctx, desk.id, Feed.GATE, GATE, [gate_read("G9", "TGHU1000002", "in")])
    hits = [a for a in _alerts(ctx) if a.rule == "blacklist"]
    assert [(a.record_kind, a.record_ref) for a in hits] == [("declaration", "10512345678")]
    assert "Nợ thuế quá hạn" in hits[0].reason       # the inactive plate entry raised nothing


def test_a_blacklist_entry_arriving_after_the_records_still_alerts_once(ctx, desk) -> None:
    _world(ctx, desk.id)
    _ingest(ctx, desk.id, Feed.GATE, GATE, [gate_read("G7", "TGHU1000002", "in")])
    entries = [{"id": "B3", "subject": "tax_code", "value": "0314409058", "reason": "Nợ thuế",
                "active": True, "change_seq": 1},
               {"id": "B4", "subject": "plate", "value": "15C12345", "reason": "Xe vi phạm",
                "active": True, "change_seq": 2}]
    _ingest(ctx, desk.id, Feed.BLACKLIST, BL, entries)
    _ingest(ctx, desk.id, Feed.DECLARATIONS, SRC, [declaration(seq=9)])   # the same again
    hits = sorted((a.record_kind, a.record_ref) for a in _alerts(ctx) if a.rule == "blacklist")
    assert hits == [("declaration", "10512345678"), ("gate_event", "G7")]


def test_the_declarations_filter_and_details(ctx, desk) -> None:
    _world(ctx, desk.id)
    _ingest(ctx, desk.id, Feed.GATE, GATE, [gate_read("G1", "CSQU3054383")])
    views = CustomsViews(ctx.db)

    def keys(**f: object) -> list[str]:
        return [r.key for r in views.declarations(desk.id, DeclarationFilter(**f))]  # type: ignore[arg-type]

    assert keys(channels=("red", "yellow")) == ["10512345679", "10512345678"]
    assert keys(tax_code_prefix="0312") == ["30512345680"]
    assert keys(container="csqu 305438-3") == ["10512345678"]
    assert keys(text="gỗ dán") == ["30512345680"]
    assert keys(type_code="b11", office="03ee") == ["30512345680"]
    assert keys(registered_from=T0 + timedelta(days=3650)) == []
    with pytest.raises(ValidationError):
        keys(container="ABC")
    d = views.details("10512345678")
    assert d.row.channel == "red" and d.seals == {"CSQU3054383": "VN123456"}
    assert [g.ext_id for g in d.gate_reads] == ["G1"]
    assert [a[1] for a in d.alerts] == ["critical"]
    assert d.criteria == ["Hàng điện tử giá trị cao"]


def test_an_officer_acknowledges_or_dismisses_an_alert_with_a_reason(ctx, users, desk) -> None:
    _world(ctx, desk.id)
    _ingest(ctx, desk.id, Feed.GATE, GATE, [gate_read("G2", "MSKU1234565")])
    service = AlertService(ctx.db, ctx.clock, ctx.dutylog)
    [alert] = service.alerts(desk.id)
    officer = users["giamsat1"]
    seen = service.acknowledge(officer, alert.id, alert.version)
    assert seen.state == "acknowledged" and seen.acted_by == officer.id
    with pytest.raises(ConflictError):                 # acted on from a stale copy
        service.acknowledge(users["giamsat2"], alert.id, alert.version)
    with pytest.raises(ValidationError):
        service.dismiss(officer, alert.id, seen.version, "ok", desk.id)
    with ctx.db.read() as s:
        before = s.scalar(select(func.count()).select_from(LogEntry))
    done = service.dismiss(officer, alert.id, seen.version,
                           "Đã kiểm tra: xe quay lại bãi theo yêu cầu của Chi cục", desk.id)
    assert done.state == "dismissed" and service.alerts(desk.id) == []
    with ctx.db.read() as s:
        entries = list(s.scalars(select(LogEntry).order_by(LogEntry.id.desc()).limit(1)))
        assert s.scalar(select(func.count()).select_from(LogEntry)) == before + 1
    assert "Bỏ qua cảnh báo" in entries[0].content and "xe quay lại bãi" in entries[0].content


def test_reading_never_changes_the_item_it_was_given() -> None:
    item = declaration()
    frozen = copy.deepcopy(item)
    parse(Feed.DECLARATIONS, SRC, item)
    assert item == frozen


def test_an_incident_raised_from_an_alert_handles_it(ctx, users, desk) -> None:
    from app.workflow.incidents import IncidentDraft  # noqa: PLC0415
    from app.workflow.views import RaiseRequest, raise_incident  # noqa: PLC0415

    _world(ctx, desk.id)
    _ingest(ctx, desk.id, Feed.GATE, GATE, [gate_read("G2", "MSKU1234565")])
    [alert] = ctx.alerts.alerts(desk.id)
    inc = raise_incident(ctx, users["giamsat1"], RaiseRequest(
        desk_id=desk.id, draft=IncidentDraft(content=alert.reason, place=alert.place,
                                             container_no=alert.container_no),
        alert_id=alert.id))
    handled = ctx.alerts.get(alert.id)
    assert (handled.state, handled.incident_id) == ("incident", inc.id)
    assert ctx.alerts.alerts(desk.id) == []
