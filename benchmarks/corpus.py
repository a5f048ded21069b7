"""A synthetic year of duty logs: believable Vietnamese entries drawn from
templates with a controlled vocabulary, and valid per-desk hash chains computed
with the core's own `entry_hash` and `search_text_of`.

The vocabulary is controlled so that three search terms hit a known share of
the entries (checked in `check_vocabulary`):

  rare         "te giac"  ("sừng tê giác"): RARE_HITS entries of the HQ desk
  common       "buon lau" ("buôn lậu"):     COMMON_SHARE of all entries
  very common  "truc ban" ("trực ban"):     VERY_COMMON_SHARE of all entries

Every query's last word is a prefix in the core's search ("ban:*"), so the
filler text never holds the first word of the common and very common queries
("truc", "buon") nor any word starting like the rare query's last one ("giac");
a band's hits are then exactly the entries its phrase was put in.
"""

from __future__ import annotations

import random
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.dutylog import GENESIS, HASHED_COLUMNS, entry_hash, search_text_of
from app.text import nfc, tokens

COLUMNS = HASHED_COLUMNS + ("hash", "search_text")
CASE_COLUMNS = ("id", "desk_id", "title", "created_at", "created_by", "client_id")

BAND_QUERIES = {"rare": "te giac", "common": "buon lau", "very_common": "truc ban"}
RARE_HITS = 10
COMMON_SHARE = 0.01
VERY_COMMON_SHARE = 0.5
FORBIDDEN_WORDS = frozenset({"truc", "buon"})
FORBIDDEN_PREFIXES = ("giac",)

VERY_COMMON_PHRASES = (
    "Đã báo cáo lãnh đạo trực ban.",
    "Trực ban Cục đã ghi nhận.",
    "Đã thông báo cho trực ban Chi cục.",
    "Báo cáo kết quả về trực ban trước 16 giờ.",
)
COMMON_PHRASES = (
    "Có dấu hiệu buôn lậu, đề nghị tiếp tục theo dõi.",
    "Phối hợp Đội Kiểm soát chống buôn lậu xác minh.",
    "Nghi vấn buôn lậu hàng cấm qua biên giới.",
)
RARE_PHRASES = (
    "Nghi vấn vận chuyển sừng tê giác cất giấu trong hàng hóa.",
    "Phát hiện sừng tê giác trong container, đã lập biên bản tạm giữ.",
)

GATES = ("Hữu Nghị", "Tân Thanh", "Chi Ma", "Cốc Nam", "Lào Cai", "Móng Cái", "Bắc Luân",
         "Cầu Treo", "Lao Bảo", "Mộc Bài", "Tịnh Biên", "Cha Lo", "Na Mèo", "Bờ Y", "Ga Đồng Đăng")
PORTS = ("Đình Vũ", "Lạch Huyện", "Cái Lân", "Cát Lái", "Cái Mép", "Tân Vũ", "Nam Hải Đình Vũ",
         "Chùa Vẽ", "Tiên Sa", "Hải Phòng", "Quy Nhơn", "Dung Quất")
REGIONS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
           "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")
UNITS = (
    "Hải quan cửa khẩu cảng Đình Vũ", "Hải quan cửa khẩu quốc tế Hữu Nghị",
    "Hải quan cửa khẩu Tân Thanh", "Hải quan cửa khẩu ga đường sắt quốc tế Đồng Đăng",
    "Đội Giám sát cảng Đình Vũ", "Đội Kiểm soát hải quan khu vực III",
    "Hải quan cửa khẩu cảng Hải Phòng khu vực 1", "Hải quan cửa khẩu quốc tế Lào Cai",
    "Hải quan cửa khẩu Móng Cái", "Hải quan cửa khẩu cảng Cát Lái",
    "Hải quan cửa khẩu quốc tế Mộc Bài", "Chi cục Hải quan khu vực III",
    "Chi cục Hải quan khu vực VII", "Đội Giám sát cửa khẩu Hữu Nghị",
)
CONTAINER_PREFIXES = ("CSQU", "MSKU", "TGHU", "HLXU", "OOLU", "TCNU", "CMAU", "SEGU", "BEAU",
                      "TEMU", "EMCU", "ONEU")
PLATE_PREFIXES = ("15C", "15H", "12C", "12H", "29C", "51D", "14C", "24C", "20C", "99C")

WORK = (
    ("Kiểm tra tình trạng hoạt động của hệ thống camera tại cửa khẩu {gate}",
     "{n} camera; nhóm camera cổng {gate}"),
    ("Giám sát hàng hóa qua khu vực giám sát cảng {port} qua hệ thống camera",
     "Cảng {port}"),
    ("Kiểm tra ngẫu nhiên tờ khai luồng xanh trên hệ thống VNACCS", "{n} tờ khai nhập khẩu"),
    ("Rà soát danh sách container tồn đọng quá 90 ngày tại cảng {port}", "{n} container"),
    ("Đôn đốc báo cáo ngày của các Chi cục Hải quan khu vực", "{n} Chi cục"),
    ("Kiểm tra góc quay, độ phóng của camera theo dữ liệu bản đồ camera",
     "Nhóm camera cảng {port}"),
    ("Theo dõi tình trạng seal định vị điện tử của các container hàng quá cảnh",
     "{n} container quá cảnh qua cửa khẩu {gate}"),
    ("Tiếp nhận báo cáo tình hình thông quan hàng hóa tại cửa khẩu {gate}",
     "{n} tờ khai, {m} phương tiện"),
    ("Kiểm tra dữ liệu cân container tại cổng cảng {port}", "{n} lượt cân"),
    ("Đối chiếu danh sách phương tiện xuất nhập cảnh với dữ liệu hệ thống e-Manifest",
     "{n} phương tiện"),
    ("Tổng hợp số liệu tờ khai luồng đỏ trong ca", "{n} tờ khai luồng đỏ"),
    ("Theo dõi hình ảnh soi chiếu container tại cửa khẩu {gate}", "{n} container soi chiếu"),
    ("Cập nhật danh sách doanh nghiệp trọng điểm theo hồ sơ quản lý rủi ro",
     "{n} doanh nghiệp"),
    ("Kiểm tra đường truyền dữ liệu tới Chi cục Hải quan khu vực {region}", None),
    ("Giám sát phương tiện ra vào khu vực kho ngoại quan {port}", "Kho ngoại quan {port}"),
)
INCIDENTS = (
    "Phát hiện xe container biển kiểm soát {plate} rời khu vực giám sát khi tờ khai chưa "
    "thông quan",
    "Hình ảnh soi chiếu container {cont} có dấu hiệu hàng hóa không phù hợp khai báo",
    "Phương tiện {plate} dừng đỗ bất thường trong khu vực giám sát hải quan",
    "Seal định vị của container {cont} báo mở bất thường trên tuyến quá cảnh",
    "Container {cont} sai lệch trọng lượng so với khai báo trên tờ khai {decl}",
    "Camera ghi nhận người lạ tiếp cận container {cont} tại bãi chờ kiểm tra",
)
INCIDENT_PLACES = ("Cổng {gatechar} cảng {port}", "Cửa khẩu quốc tế {gate}",
                   "Bãi kiểm tra tập trung cửa khẩu {gate}", "Trạm cân cảng {port}")
DIRECTIVES = (
    "Đề nghị {unit} dừng phương tiện, kiểm tra hàng hóa",
    "Đề nghị phối hợp kiểm tra thực tế hàng hóa (điện fax khẩn)",
    "Yêu cầu {unit} báo cáo kết quả xử lý trước {hh} giờ",
    "Đề nghị niêm phong container và chuyển địa điểm kiểm tra tập trung",
    "Đề nghị soi chiếu lại container, gửi hình ảnh về Cục",
)
RESULTS = (
    "Đã dừng phương tiện tại trạm cân; hàng hóa đúng khai báo, tờ khai đã được thông quan",
    "Đã kiểm tra thực tế, hàng hóa không phù hợp khai báo, lập biên bản vi phạm",
    "Đã niêm phong lại container, tiếp tục giám sát đến khi thông quan",
    "Đã soi chiếu lại, hình ảnh phù hợp khai báo; kết thúc theo dõi",
    "Đơn vị báo cáo đã xử lý xong, hồ sơ chuyển Phòng Quản lý rủi ro",
)
FAULTS = (
    ("Mất kết nối camera {cam} tại cảng {port} từ {n} phút; đã thông báo đơn vị",
     "Cảng {port}"),
    ("Hệ thống VNACCS phản hồi chậm, thời gian xử lý tờ khai tăng", None),
    ("Đường truyền tới Chi cục Hải quan khu vực {region} chập chờn", None),
    ("Hệ thống soi chiếu tại cửa khẩu {gate} ngừng hoạt động {n} phút", "Cửa khẩu {gate}"),
    ("Dữ liệu seal định vị không cập nhật từ {n} phút", None),
)
NOTES = (
    "Đã tiếp nhận công văn số {n}/HQ-GSQL về việc tăng cường kiểm tra",
    "Lãnh đạo Cục làm việc với đoàn kiểm tra tại cảng {port}",
    "Nhắc các đơn vị gửi báo cáo tuần đúng hạn",
    "Cập nhật số điện thoại đầu mối của Hải quan cửa khẩu {gate}",
    "Đường truyền tới Chi cục khu vực {region} đã ổn định trở lại",
)
NOTE_FIELD = ("Đã gửi điện fax số {n}/FAX-GSQL", "Chờ phản hồi của đơn vị",
              "Đã cập nhật vào sổ theo dõi", "Liên hệ đ/c Hải, số máy lẻ {n}")
CORRECTION_REASONS = ("Bổ sung thời gian và đơn vị đã báo", "Sửa lỗi chính tả",
                      "Ghi nhầm biển kiểm soát", "Bổ sung số tờ khai",
                      "Cập nhật kết quả xác minh")
HANDOVER = ("Bàn giao ca: đã xử lý {n} vụ việc, còn {m} vụ việc chờ kết quả; hệ thống camera "
            "hoạt động bình thường")
CHANNELS = ("phone", "fax", "document", "email")


def check_vocabulary() -> None:
    """Fail loudly if a template would leak a band term into filler text."""
    fillers: list[str] = []
    for group in (GATES, PORTS, REGIONS, UNITS, CONTAINER_PREFIXES, PLATE_PREFIXES, INCIDENTS,
                  INCIDENT_PLACES, DIRECTIVES, RESULTS, NOTES, NOTE_FIELD, CORRECTION_REASONS,
                  (HANDOVER,), ("ý kiến của", "cam")):
        fillers.extend(group)
    for pairs in (WORK, FAULTS):
        for a, b in pairs:
            fillers.append(a)
            if b:
                fillers.append(b)
    for text in fillers:
        for w in tokens(text):
            assert w not in FORBIDDEN_WORDS and not w.startswith(FORBIDDEN_PREFIXES), (text, w)
    for band, phrases in (("very_common", VERY_COMMON_PHRASES), ("common", COMMON_PHRASES),
                          ("rare", RARE_PHRASES)):
        want = tokens(BAND_QUERIES[band])
        for p in phrases:
            words = tokens(p)
            assert all(w in words for w in want[:-1]) and any(
                w.startswith(want[-1]) for w in words), (band, p)
            others = [tokens(q)[0] for b, q in BAND_QUERIES.items() if b != band]
            assert not any(o in words for o in others if o in FORBIDDEN_WORDS), (band, p)
            assert not any(w.startswith(FORBIDDEN_PREFIXES) for w in words) or band == "rare"


@dataclass
class DeskPlan:
    desk_id: int
    code: str
    weight: float
    writers: list[int]              # officers, clerks
    leaders: list[tuple[int, str]]  # (user id, full name) who give directives
    shifts: list[int]               # shift ids by day index from the first duty date


@dataclass
class Plan:
    entries: int
    first_start: datetime           # UTC start of the first shift (all shifts are 24 h)
    end: datetime                   # last entry time (UTC)
    desks: list[DeskPlan]
    seed: int = 888
    chunk: int = 20_000
    rare_desk: int = 0              # index into desks holding the rare entries


@dataclass
class _DeskState:
    seq: int = 0
    prev: str = GENESIS
    recent: deque = field(default_factory=lambda: deque(maxlen=300))
    open_cases: list[int] = field(default_factory=list)


@dataclass
class Chunk:
    cases: list[tuple]
    entries: list[tuple]


@dataclass
class Totals:
    heads: dict[int, tuple[int, str]]
    bands: dict[str, int]
    bands_by_desk: dict[str, dict[int, int]]
    kinds: dict[str, int]
    cases: int


def generate(plan: Plan) -> Iterator[Chunk | Totals]:
    """Yield chunks of (case rows, entry rows) in id order, then the Totals."""
    check_vocabulary()
    rng = random.Random(plan.seed)
    desks = plan.desks
    states = [_DeskState() for _ in desks]
    cum, acc = [], 0.0
    for d in desks:
        acc += d.weight
        cum.append(acc)
    cum = [c / acc for c in cum]
    rare_share = desks[plan.rare_desk].weight / acc
    rare_pool = max(RARE_HITS, int(plan.entries * rare_share * 0.9))
    rare_at = set(rng.sample(range(rare_pool), min(RARE_HITS, rare_pool)))
    rare_seen = 0
    day_us = 86_400_000_000
    span_us = int((plan.end - plan.first_start).total_seconds() * 1e6)
    step = span_us / plan.entries
    bands = {"rare": 0, "common": 0, "very_common": 0}
    bands_by_desk: dict[str, dict[int, int]] = {b: {} for b in bands}
    kinds: dict[str, int] = {}
    case_id = 0
    cases: list[tuple] = []
    rows: list[tuple] = []
    choice, rnd, randint = rng.choice, rng.random, rng.randint

    def fill(template: str) -> str:
        if "{" not in template:
            return template
        return template.format(
            gate=choice(GATES), port=choice(PORTS), region=choice(REGIONS), unit=choice(UNITS),
            n=randint(2, 60), m=randint(1, 9), hh=randint(9, 17), gatechar=choice("ABCDE"),
            cam=f"{choice(('DV', 'HN', 'TT', 'CL', 'LH'))}-CAM-{randint(1, 40):02d}",
            plate=_plate(rng), cont=_container(rng), decl=_declaration(rng))

    for i in range(plan.entries):
        u = rnd()
        di = 0
        while u > cum[di]:
            di += 1
        d, st = desks[di], states[di]
        t = plan.first_start + timedelta(microseconds=int((i + rnd()) * step))
        entry_id = i + 1
        v: dict[str, object] = dict.fromkeys(HASHED_COLUMNS)
        v["offline"] = False
        author = choice(d.writers)
        entry_time = t
        if rnd() < 0.08:  # written a little after the fact
            entry_time = t - timedelta(seconds=randint(60, 1800))
        recorded = t
        k = rnd()
        kind = "work"
        corr = None
        if k < 0.005 and st.recent:
            corr = choice(st.recent)
            kind = corr[1]
        elif k < 0.04:
            kind = "incident" if len(st.open_cases) < 25 else "result"
        elif k < 0.07:
            kind = "directive"
        elif k < 0.105:
            kind = "result"
        elif k < 0.175:
            kind = "system_fault"
        elif k < 0.245:
            kind = "note"
        elif k < 0.247:
            kind = "handover"
        if kind in ("directive", "result") and corr is None and not st.open_cases:
            kind = "work"
        content: str
        if corr is not None:
            _cid, _kind, orig_case, orig_time = corr
            v["corrects_id"] = _cid
            v["case_id"] = orig_case
            v["correction_reason"] = choice(CORRECTION_REASONS)
            entry_time = orig_time
            content = fill(choice(_templates_of(kind)))
            content += f" (bổ sung lúc {t:%H:%M})"
            if kind == "directive":
                v["channel"] = choice(CHANNELS)
        elif kind == "work":
            c, s = choice(WORK)
            content = fill(c)
            if s:
                v["scope"] = fill(s)
        elif kind == "incident":
            content = fill(choice(INCIDENTS))
            v["place"] = fill(choice(INCIDENT_PLACES))
            v["declaration_no"] = _declaration(rng)
            v["container_no"] = _container(rng)
            v["vehicle_plate"] = _plate(rng)
            v["occurred_at"] = entry_time - timedelta(seconds=randint(120, 1200))
            v["received_at"] = entry_time - timedelta(seconds=randint(0, 119))
        elif kind == "directive":
            leader_id, leader_name = choice(d.leaders)
            author = leader_id
            content = fill(choice(DIRECTIVES)) + f" (ý kiến của {leader_name})"
            v["channel"] = choice(CHANNELS)
            v["unit_name"] = choice(UNITS)
            v["case_id"] = choice(st.open_cases)
        elif kind == "result":
            content = fill(choice(RESULTS))
            v["unit_name"] = choice(UNITS)
            v["reported_at"] = entry_time - timedelta(seconds=randint(60, 600))
            v["case_id"] = st.open_cases.pop(randint(0, len(st.open_cases) - 1))
        elif kind == "system_fault":
            c, p = choice(FAULTS)
            content = fill(c)
            if p:
                v["place"] = fill(p)
        elif kind == "note":
            content = fill(choice(NOTES))
            if rnd() < 0.3:
                v["note"] = fill(choice(NOTE_FIELD))
        else:
            content = fill(HANDOVER)
        # the bands: phrases put in on purpose, nowhere else
        if di == plan.rare_desk:
            if rare_seen in rare_at:
                content = f"{content}. {choice(RARE_PHRASES)}"
                bands["rare"] += 1
                _bump(bands_by_desk["rare"], d.desk_id)
            rare_seen += 1
        if rnd() < COMMON_SHARE:
            content = f"{content}. {choice(COMMON_PHRASES)}"
            bands["common"] += 1
            _bump(bands_by_desk["common"], d.desk_id)
        if rnd() < VERY_COMMON_SHARE:
            phrase = choice(VERY_COMMON_PHRASES)
            content = f"{phrase} {content}" if phrase.startswith("Trực") else \
                f"{content}. {phrase}"
            bands["very_common"] += 1
            _bump(bands_by_desk["very_common"], d.desk_id)
        if entry_time < plan.first_start:
            entry_time = plan.first_start
        if corr is None and rnd() < 0.001:  # written offline, replayed later
            v["offline"] = True
            v["local_time"] = entry_time
            recorded = t + timedelta(seconds=randint(120, 1800))
        day = (entry_time - plan.first_start) // timedelta(microseconds=day_us)
        st.seq += 1
        v["id"] = entry_id
        v["desk_id"] = d.desk_id
        v["seq"] = st.seq
        v["client_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        v["shift_id"] = d.shifts[day] if 0 <= day < len(d.shifts) else None
        v["kind"] = kind
        v["entry_time"] = entry_time
        v["content"] = nfc(content).strip()
        v["author_id"] = author
        v["recorded_at"] = recorded
        v["prev_hash"] = st.prev
        if kind == "incident" and corr is None:
            case_id += 1
            cases.append((case_id, d.desk_id, v["content"][:300], recorded, author,
                          str(uuid.UUID(int=rng.getrandbits(128), version=4))))
            v["case_id"] = case_id
            st.open_cases.append(case_id)
        h = entry_hash(v)
        row = tuple(v[c] for c in HASHED_COLUMNS) + (h, search_text_of(v))
        st.prev = h
        st.recent.append((entry_id, kind, v["case_id"], entry_time))
        kinds[kind] = kinds.get(kind, 0) + 1
        rows.append(row)
        if len(rows) >= plan.chunk:
            yield Chunk(cases, rows)
            cases, rows = [], []
    if rows or cases:
        yield Chunk(cases, rows)
    yield Totals({d.desk_id: (s.seq, s.prev) for d, s in zip(desks, states, strict=True)},
                 bands, bands_by_desk, kinds, case_id)


def _bump(counter: dict[int, int], key: int) -> None:
    counter[key] = counter.get(key, 0) + 1


def _templates_of(kind: str) -> tuple[str, ...]:
    return {"work": tuple(c for c, _ in WORK), "incident": INCIDENTS, "directive": DIRECTIVES,
            "result": RESULTS, "system_fault": tuple(c for c, _ in FAULTS), "note": NOTES,
            "handover": (HANDOVER,)}[kind]


def _plate(rng: random.Random) -> str:
    return f"{rng.choice(PLATE_PREFIXES)}-{rng.randint(100, 999)}.{rng.randint(10, 99)}"


def _container(rng: random.Random) -> str:
    return f"{rng.choice(CONTAINER_PREFIXES)}{rng.randint(1_000_000, 9_999_999)}"


def _declaration(rng: random.Random) -> str:
    return str(rng.randint(100_000_000_000, 109_999_999_999))
