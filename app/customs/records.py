"""The customs gateway's records as the client keeps them (the contract:
datasources/contracts/customs-gateway.yaml): one frozen record per item of a feed,
its values checked and written one way (app/customs/ids.py), its names in Unicode
whatever legacy encoding they came in (app/vn_legacy.py). `parse(feed, item)` builds
one from a JSON item or raises `BadValue` with the reason the quarantine keeps; an
item is refused whole, never half-read.

Each record's `natural_id` is (its key, its `change_seq`): the ledger stores each
change once, whoever ingests it, and the store keeps the newest change per key (a
declaration's amendment replaces it: it is keyed on its first 11 digits)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.customs import ids
from app.customs.ids import BadValue
from app.sources import SourceRecord
from app.vn_legacy import normalise_vietnamese


class Feed(StrEnum):
    """The gateway's feeds (the contract's paths)."""

    DECLARATIONS = "declarations"
    AREA = "area-events"
    MANIFESTS = "manifests"
    GATE = "gate-events"
    BLACKLIST = "blacklist"


class Channel(StrEnum):
    GREEN = "green"      # 1: no check
    YELLOW = "yellow"    # 2: documents
    RED = "red"          # 3: documents and physical inspection


_CHANNELS = {"1": Channel.GREEN, "2": Channel.YELLOW, "3": Channel.RED}

STATUSES = ("in_progress", "channel_assigned", "released", "to_storage", "cleared",
            "passed_area", "done", "cancelled", "stopped", "place_changed",
            "independent_transport")
STATUS_VI = {
    "in_progress": "đang làm thủ tục", "channel_assigned": "đã phân luồng",
    "released": "giải phóng hàng", "to_storage": "đưa hàng về bảo quản",
    "cleared": "thông quan", "passed_area": "đã qua khu vực giám sát", "done": "hoàn thành",
    "cancelled": "hủy", "stopped": "dừng thông quan",
    "place_changed": "chuyển địa điểm kiểm tra", "independent_transport": "vận chuyển độc lập"}
CHANNEL_VI = {"green": "xanh", "yellow": "vàng", "red": "đỏ"}
#: statuses under which goods may leave the controlled area
CLEARED_STATUSES = frozenset({"released", "to_storage", "cleared", "passed_area", "done"})
#: statuses under which goods leave the area under customs supervision, uncleared: to
#: the changed inspection place, or in independent transport
TRANSFER_STATUSES = frozenset({"place_changed", "independent_transport"})
AREA_KINDS = ("gate_in", "gate_out", "held", "storage", "stopped", "place_changed",
              "independent_transport")
BLACKLIST_SUBJECTS = ("tax_code", "container", "plate", "vessel", "bill_of_lading")


def channel_of(raw: str | None) -> Channel | None:
    """The channel of `mã phân loại kiểm tra` as sent ("3D" is red): its leading digit."""
    if raw is None or not str(raw).strip():
        return None
    lead = str(raw).strip()[:1]
    if lead not in _CHANNELS:
        raise BadValue(f"mã phân loại kiểm tra {str(raw)[:10]!r} không phải 1, 2 hoặc 3")
    return _CHANNELS[lead]


# -- the records ---------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class DeclarationRecord(SourceRecord):
    key: str                          # the first 11 digits
    number: str                       # the 12 digits as last amended
    amend_count: int
    change_seq: int
    system: str                       # vcis | v5
    flow: str                         # import | export
    type_code: str                    # A11, E31…
    office: str                       # 03EE
    area: str
    route: str
    channel_raw: str | None
    channel: Channel | None
    status: str
    status_history: tuple[tuple[str, datetime], ...]
    registered_at: datetime
    channel_at: datetime | None
    cleared_at: datetime | None
    inspection_result: str | None     # no_violation | violation | pending | None
    inspection_place: str | None
    declarant_tax_code: str
    declarant_name: str
    hs_codes: tuple[str, ...]
    goods_description: str
    containers: tuple[tuple[str, str | None], ...]   # (number, seal)
    bills_of_lading: tuple[str, ...]
    gross_weight_kg: float | None
    transport_mode: str | None
    storage_place: str | None
    criteria: tuple[str, ...]
    notices: tuple[tuple[datetime, str], ...]

    @property
    def cleared(self) -> bool:
        return self.status in CLEARED_STATUSES or self.cleared_at is not None


@dataclass(frozen=True, kw_only=True)
class AreaEventRecord(SourceRecord):
    ext_id: str
    change_seq: int
    event: str                        # one of AREA_KINDS
    at: datetime
    declaration_key: str | None
    container: str | None
    seal: str | None
    plate: str | None
    gate: str | None
    office: str | None
    note: str | None


@dataclass(frozen=True, kw_only=True)
class GateEventRecord(SourceRecord):
    """A gate-recognition read. A container number that fails its check digit is a
    misread, not a bad record: the read is kept (`container` None, `read_error` why)
    for the officer to compare with the picture (Đ14.1.3.1a)."""

    ext_id: str
    change_seq: int
    gate: str
    lane: str
    direction: str                    # in | out
    at: datetime
    container_raw: str | None
    container: str | None
    read_error: str | None
    plate: str | None
    confidence: float
    camera_code: str | None
    picture: str | None


@dataclass(frozen=True)
class BillLine:
    number: str
    master: str | None
    shipper: str
    consignee: str
    consignee_tax_code: str | None
    hs: str | None
    packages: int | None
    gross_weight_kg: float | None
    description: str
    containers: tuple[str, ...]


@dataclass(frozen=True)
class ManifestContainer:
    number: str
    size_type: str | None
    seal: str | None
    full: bool
    in_yard_since: datetime | None
    left_yard_at: datetime | None


@dataclass(frozen=True, kw_only=True)
class VesselCallRecord(SourceRecord):
    call_id: str
    change_seq: int
    vessel_name: str
    imo: str | None
    mmsi: str | None
    call_sign: str | None
    flag: str | None
    voyage: str | None
    port: str
    eta: datetime | None
    ata: datetime | None
    bills: tuple[BillLine, ...]
    containers: tuple[ManifestContainer, ...]


@dataclass(frozen=True, kw_only=True)
class BlacklistRecord(SourceRecord):
    ext_id: str
    change_seq: int
    subject: str                      # one of BLACKLIST_SUBJECTS
    value: str                        # written as the subject's check writes it
    reason: str
    since: datetime | None
    until: datetime | None
    active: bool


# -- reading one item ------------------------------------------------------------------------
def _req(item: Mapping[str, Any], name: str) -> Any:
    if name not in item or item[name] is None:
        raise BadValue(f"thiếu trường bắt buộc {name!r}")
    return item[name]


def _text(value: Any, limit: int, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadValue(f"{what}: cần chuỗi ký tự")
    text = normalise_vietnamese(value).strip()
    if len(text) > limit:
        raise BadValue(f"{what} dài quá {limit} ký tự")
    return text


def _opt_text(value: Any, limit: int, what: str) -> str | None:
    text = _text(value, limit, what)
    return text or None


def _seq(item: Mapping[str, Any]) -> int:
    value = _req(item, "change_seq")
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise BadValue("change_seq phải là số nguyên dương")
    return value


def _list(item: Mapping[str, Any], name: str, limit: int = 1000) -> list[Any]:
    value = item.get(name) or []
    if not isinstance(value, list):
        raise BadValue(f"{name}: cần một danh sách")
    if len(value) > limit:
        raise BadValue(f"{name}: quá {limit} phần tử")
    return value


def _number(value: Any, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise BadValue(f"{what}: cần số không âm")
    return float(value)


def _enum(value: Any, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise BadValue(f"{what} {str(value)[:30]!r} không thuộc {', '.join(allowed)}")
    return str(value)


def _declaration(source_id: str, item: Mapping[str, Any]) -> DeclarationRecord:
    key, amend = ids.declaration_number(_req(item, "number"))
    seq = _seq(item)
    declarant = _req(item, "declarant")
    if not isinstance(declarant, Mapping):
        raise BadValue("declarant: cần một đối tượng")
    history = []
    for change in _list(item, "status_history", 200):
        if not isinstance(change, Mapping):
            raise BadValue("status_history: cần các đối tượng")
        history.append((_enum(change.get("status"), STATUSES, "trạng thái"),
                        ids.feed_time(change.get("at"))))
    containers = []
    for c in _list(item, "containers", 500):
        if not isinstance(c, Mapping):
            raise BadValue("containers: cần các đối tượng")
        containers.append((ids.container_number(c.get("number")),
                           _opt_text(c.get("seal"), 40, "số niêm phong")))
    notices = []
    for n in _list(item, "notices", 50):
        if not isinstance(n, Mapping):
            raise BadValue("notices: cần các đối tượng")
        notices.append((ids.feed_time(n.get("at")), _text(n.get("text"), 2000, "thông báo")))
    channel_raw = item.get("channel")
    if channel_raw is not None and not isinstance(channel_raw, str):
        raise BadValue("channel: cần chuỗi ký tự")
    type_code = str(_req(item, "type_code")).strip().upper()
    if not (len(type_code) == 3 and type_code[0].isalpha() and type_code[1:].isdigit()):
        raise BadValue(f"mã loại hình {type_code[:10]!r} không hợp lệ")
    office = str(_req(item, "office")).strip().upper()
    if not (len(office) == 4 and office[:2].isdigit() and office[2:].isalnum()):
        raise BadValue(f"mã hải quan {office[:10]!r} không hợp lệ")
    inspection = item.get("inspection_result")
    if inspection is not None:
        _enum(inspection, ("no_violation", "violation", "pending"), "kết quả kiểm tra")
    mode = item.get("transport_mode")
    registered = ids.feed_time(_req(item, "registered_at"))
    return DeclarationRecord(
        source_id=source_id, natural_id=f"{key}:{seq}", observed_at=registered,
        key=key, number=f"{key}{amend}", amend_count=amend, change_seq=seq,
        system=_enum(item.get("system") or "v5", ("vcis", "v5"), "hệ thống"),
        flow=_enum(_req(item, "flow"), ("import", "export"), "loại (nhập/xuất)"),
        type_code=type_code, office=office,
        area=_text(item.get("area"), 40, "khu vực"), route=_text(item.get("route"), 200, "tuyến"),
        channel_raw=channel_raw.strip() if channel_raw else None,
        channel=channel_of(channel_raw),
        status=_enum(_req(item, "status"), STATUSES, "trạng thái"),
        status_history=tuple(history), registered_at=registered,
        channel_at=ids.optional_time(item.get("channel_at")),
        cleared_at=ids.optional_time(item.get("cleared_at")),
        inspection_result=inspection,
        inspection_place=_opt_text(item.get("inspection_place"), 200, "địa điểm kiểm tra"),
        declarant_tax_code=ids.tax_code(declarant.get("tax_code")),
        declarant_name=_text(declarant.get("name"), 300, "tên người khai"),
        hs_codes=tuple(ids.hs_code(h) for h in _list(item, "hs_codes", 200)),
        goods_description=_text(item.get("goods_description"), 4000, "mô tả hàng hóa"),
        containers=tuple(containers),
        bills_of_lading=tuple(ids.bill_of_lading(b) for b in _list(item, "bills_of_lading", 5)),
        gross_weight_kg=_number(item.get("gross_weight_kg"), "trọng lượng"),
        transport_mode=str(mode) if mode not in (None, "") else None,
        storage_place=_opt_text(item.get("storage_place"), 7, "địa điểm lưu giữ"),
        criteria=tuple(_text(c, 300, "tiêu chí") for c in _list(item, "criteria", 50)),
        notices=tuple(notices))


def _area_event(source_id: str, item: Mapping[str, Any]) -> AreaEventRecord:
    ext_id = _text(_req(item, "id"), 64, "id")
    seq = _seq(item)
    at = ids.feed_time(_req(item, "at"))
    number = item.get("declaration_number")
    container = item.get("container_number")
    plate = item.get("plate")
    return AreaEventRecord(
        source_id=source_id, natural_id=f"{ext_id}:{seq}", observed_at=at, ext_id=ext_id,
        change_seq=seq, event=_enum(_req(item, "kind"), AREA_KINDS, "loại sự kiện"), at=at,
        declaration_key=ids.declaration_key(number) if number else None,
        container=ids.container_number(container) if container else None,
        seal=_opt_text(item.get("seal"), 40, "số niêm phong"),
        plate=ids.plate(plate) if plate else None,
        gate=_opt_text(item.get("gate"), 60, "cổng"),
        office=_opt_text(item.get("office"), 4, "mã hải quan"),
        note=_opt_text(item.get("note"), 1000, "ghi chú"))


def _gate_event(source_id: str, item: Mapping[str, Any]) -> GateEventRecord:
    ext_id = _text(_req(item, "id"), 64, "id")
    seq = _seq(item)
    at = ids.feed_time(_req(item, "at"))
    raw = item.get("container_number")
    container: str | None = None
    error: str | None = None
    if raw:
        try:
            container = ids.container_number(raw)
        except BadValue as exc:
            error = str(exc)
    plate_raw = item.get("plate")
    try:
        plate = ids.plate(plate_raw) if plate_raw else None
    except BadValue as exc:
        plate, error = None, error or str(exc)
    confidence = _number(_req(item, "confidence"), "độ tin cậy")
    if confidence is None or confidence > 1:
        raise BadValue("độ tin cậy phải trong khoảng 0–1")
    return GateEventRecord(
        source_id=source_id, natural_id=f"{ext_id}:{seq}", observed_at=at, ext_id=ext_id,
        change_seq=seq, gate=_text(_req(item, "gate"), 60, "cổng"),
        lane=_text(_req(item, "lane"), 20, "làn"),
        direction=_enum(_req(item, "direction"), ("in", "out"), "hướng"), at=at,
        container_raw=_opt_text(raw, 20, "số container đọc được"), container=container,
        read_error=error, plate=plate, confidence=confidence,
        camera_code=_opt_text(item.get("camera_code"), 40, "mã camera"),
        picture=_opt_text(item.get("picture"), 300, "ảnh"))


def _consignee_tax_code(consignee: str) -> str | None:
    """The tax code of `TAXCODE#Name#Address` when it is one."""
    head = consignee.split("#", 1)[0].strip()
    try:
        return ids.tax_code(head) if head else None
    except BadValue:
        return None


def _vessel_call(source_id: str, item: Mapping[str, Any]) -> VesselCallRecord:
    call_id = _text(_req(item, "call_id"), 64, "call_id")
    seq = _seq(item)
    vessel = _req(item, "vessel")
    if not isinstance(vessel, Mapping):
        raise BadValue("vessel: cần một đối tượng")
    bills = []
    for b in _list(item, "bills", 5000):
        if not isinstance(b, Mapping):
            raise BadValue("bills: cần các đối tượng")
        consignee = _text(b.get("consignee"), 500, "người nhận hàng")
        packages = b.get("packages")
        if packages is not None and (not isinstance(packages, int) or packages < 0):
            raise BadValue("số kiện: cần số nguyên không âm")
        bills.append(BillLine(
            ids.bill_of_lading(b.get("number")),
            ids.bill_of_lading(b["master"]) if b.get("master") else None,
            _text(b.get("shipper"), 500, "người gửi hàng"), consignee,
            _consignee_tax_code(consignee),
            ids.hs_code(b["hs"]) if b.get("hs") else None, packages,
            _number(b.get("gross_weight_kg"), "trọng lượng"),
            _text(b.get("description"), 2000, "mô tả"),
            tuple(ids.container_number(c) for c in _list(b, "containers", 5000))))
    containers = []
    for c in _list(item, "containers", 20000):
        if not isinstance(c, Mapping):
            raise BadValue("containers: cần các đối tượng")
        containers.append(ManifestContainer(
            ids.container_number(c.get("number")),
            _opt_text(c.get("size_type"), 4, "kích cỡ"),
            _opt_text(c.get("seal"), 40, "số niêm phong"), bool(c.get("full", True)),
            ids.optional_time(c.get("in_yard_since")), ids.optional_time(c.get("left_yard_at"))))
    ata = ids.optional_time(item.get("ata"))
    eta = ids.optional_time(item.get("eta"))
    port = str(_req(item, "port")).strip().upper()
    if not (len(port) == 5 and port.isalnum()):
        raise BadValue(f"mã cảng {port[:10]!r} không phải UN/LOCODE")
    return VesselCallRecord(
        source_id=source_id, natural_id=f"{call_id}:{seq}",
        observed_at=ata or eta or datetime(1970, 1, 1), call_id=call_id, change_seq=seq,
        vessel_name=_text(_req(vessel, "name"), 100, "tên tàu"),
        imo=ids.imo_number(vessel["imo"]) if vessel.get("imo") else None,
        mmsi=ids.mmsi(vessel["mmsi"]) if vessel.get("mmsi") else None,
        call_sign=_opt_text(vessel.get("call_sign"), 10, "hô hiệu"),
        flag=_opt_text(vessel.get("flag"), 2, "quốc tịch"),
        voyage=_opt_text(item.get("voyage"), 20, "chuyến"), port=port, eta=eta, ata=ata,
        bills=tuple(bills), containers=tuple(containers))


_SUBJECT_CHECK: dict[str, Callable[[object], str]] = {
    "tax_code": ids.tax_code, "container": ids.container_number, "plate": ids.plate,
    "vessel": ids.imo_number, "bill_of_lading": ids.bill_of_lading}


def _blacklist(source_id: str, item: Mapping[str, Any]) -> BlacklistRecord:
    ext_id = _text(_req(item, "id"), 64, "id")
    seq = _seq(item)
    subject = _enum(_req(item, "subject"), BLACKLIST_SUBJECTS, "đối tượng")
    since = ids.optional_time(item.get("since"))
    active = _req(item, "active")
    if not isinstance(active, bool):
        raise BadValue("active: cần true/false")
    return BlacklistRecord(
        source_id=source_id, natural_id=f"{ext_id}:{seq}",
        observed_at=since or datetime(1970, 1, 1), ext_id=ext_id, change_seq=seq,
        subject=subject, value=_SUBJECT_CHECK[subject](_req(item, "value")),
        reason=_text(_req(item, "reason"), 1000, "lý do"), since=since,
        until=ids.optional_time(item.get("until")), active=active)


_PARSERS: dict[Feed, Callable[[str, Mapping[str, Any]], SourceRecord]] = {
    Feed.DECLARATIONS: _declaration, Feed.AREA: _area_event, Feed.MANIFESTS: _vessel_call,
    Feed.GATE: _gate_event, Feed.BLACKLIST: _blacklist}


def parse(feed: Feed, source_id: str, item: object) -> SourceRecord:
    """One item of a feed as its record; `BadValue` (the reason) when it breaks the
    contract or a check. Never raises anything else on any JSON value."""
    if not isinstance(item, Mapping):
        raise BadValue("bản ghi không phải một đối tượng JSON")
    try:
        return _PARSERS[feed](source_id, item)
    except BadValue:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
        raise BadValue(f"bản ghi sai cấu trúc ({type(exc).__name__}: {str(exc)[:200]})") from None


__all__ = ["AREA_KINDS", "BLACKLIST_SUBJECTS", "CHANNEL_VI", "CLEARED_STATUSES", "STATUSES",
           "STATUS_VI", "TRANSFER_STATUSES",
           "AreaEventRecord", "BillLine", "BlacklistRecord", "Channel", "DeclarationRecord",
           "Feed", "GateEventRecord", "ManifestContainer", "VesselCallRecord", "channel_of",
           "parse"]
