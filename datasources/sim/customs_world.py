"""The world behind the simulated customs gateway (datasources/sim/customs_gateway.py):
one vessel call at Cảng Đình Vũ with its bills of lading and containers, the
declarations of those goods and of the road freight through Hữu Nghị, the events of
the customs-controlled area, the gate-recognition reads, and the risk blacklist —
plain dicts exactly in the JSON shapes of datasources/contracts/customs-gateway.yaml,
consistent with each other (every declared container is on the manifest and leaves
the yard only through a gate read and an area event, every identifier has a valid
check digit) except for the anomalies planted on purpose and listed in
`World.anomalies`, which the tests and the demo assert on.

Deterministic from (seed, epoch): `epoch` is a naive UTC datetime and every time in
the world lies before it (the vessel arrived epoch − 30 h). Each feed keeps a
feed-wide `change_seq`; `changes_since` is what the gateway's pages serve, and
`publish` / `update` / `amend` / `generate` are how the tests, the demo and the
benchmarks make the world move. Pure Python: no network, no Qt, no database."""

from __future__ import annotations

import bisect
import copy
import random
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from stdnum import iso6346

Item = dict[str, Any]

FEEDS = ("declarations", "area_events", "manifests", "gate_events", "blacklist")
LOCAL_OFFSET = timedelta(hours=7)          # Asia/Ho_Chi_Minh, no DST
_FMT = "%Y-%m-%dT%H:%M:%S"


# -- times -----------------------------------------------------------------------------
def at_local(t: datetime) -> str:
    """A UTC instant as the office's local time with its offset (+07:00)."""
    return (t + LOCAL_OFFSET).strftime(_FMT) + "+07:00"


def at_utc(t: datetime) -> str:
    return t.strftime(_FMT) + "Z"


def at_naive(t: datetime) -> str:
    """Local time without an offset, as the legacy systems send it."""
    return (t + LOCAL_OFFSET).strftime(_FMT)


def parse_epoch(text: str) -> datetime:
    """An ISO 8601 time as the world's naive UTC epoch (naive input is UTC)."""
    t = datetime.fromisoformat(text.strip())
    if t.tzinfo is not None:
        t = t.astimezone(UTC).replace(tzinfo=None)
    return t


def default_epoch() -> datetime:
    """Now (UTC, naive), rounded down to the minute."""
    return datetime.now(UTC).replace(tzinfo=None, second=0, microsecond=0)


# -- identifiers -----------------------------------------------------------------------
_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def mst_check_digit(first9: str) -> int | None:
    """The tax code's 10th digit for its first nine, or None when none is valid."""
    c = 10 - sum(int(d) * w for d, w in zip(first9, _MST_WEIGHTS, strict=True)) % 11
    return c if c < 10 else None


def imo_check_digit(first6: str) -> int:
    return sum(int(d) * (7 - i) for i, d in enumerate(first6)) % 10


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _make_mst(rng: random.Random, prefix: str) -> str:
    while True:
        first9 = prefix + _digits(rng, 9 - len(prefix))
        check = mst_check_digit(first9)
        if check is not None and first9[2:9] != "0000000":
            return first9 + str(check)


def _make_imo(rng: random.Random) -> str:
    first6 = "9" + _digits(rng, 5)
    return first6 + str(imo_check_digit(first6))


def _make_container(rng: random.Random, owner: str, used: set[str]) -> str:
    while True:
        base = owner + _digits(rng, 6)
        number = base + iso6346.calc_check_digit(base)
        if number not in used:
            used.add(number)
            return number


def _plate(rng: random.Random, province: str) -> str:
    return f"{province}C-{_digits(rng, 3)}.{_digits(rng, 2)}"


# TCVN3 (TCVN 5712:1993, the "ABC" fonts): one byte per lower-case letter with its
# tone; capitals exist only for the base letters. Per family: no tone, huyền, hỏi,
# ngã, sắc, nặng.
_TCVN3_FAMILIES = {
    "aàảãáạ": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ăằẳẵắặ": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "âầẩẫấậ": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "eèẻẽéẹ": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "êềểễếệ": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "iìỉĩíị": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "oòỏõóọ": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ôồổỗốộ": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơờởỡớợ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "uùủũúụ": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ưừửữứự": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "yỳỷỹýỵ": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
TCVN3 = {ch: b for letters, codes in _TCVN3_FAMILIES.items()
         for ch, b in zip(letters, codes, strict=True)}
TCVN3.update({"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6,
              "Đ": 0xA7})


def as_tcvn3_mojibake(text: str) -> str:
    """`text` encoded in TCVN3 and read back as Windows-1252, as a legacy system's
    name arrives ("Công" → "C«ng"). ValueError for a letter TCVN3 lacks."""
    out = bytearray()
    for ch in text:
        if ch.isascii():
            out.append(ord(ch))
        elif ch in TCVN3:
            out.append(TCVN3[ch])
        else:
            raise ValueError(f"TCVN3 has no {ch!r}")
    return out.decode("cp1252")


# -- the cast ------------------------------------------------------------------------------
# key: (tax code kind, prefix, name, address). Kinds: mst (10 digits), branch (10 + -002),
# personal (12-digit personal number).
_PARTIES: dict[str, tuple[str, str, str, str]] = {
    "haian": ("mst", "02", "Công ty TNHH Thương mại Dịch vụ Hải An",
              "Số 18 Lê Thánh Tông, phường Máy Chai, TP Hải Phòng"),
    "thepdv": ("mst", "02", "Công ty Cổ phần Thép Đình Vũ",
               "Lô CN3, KCN Đình Vũ, phường Đông Hải, TP Hải Phòng"),
    "minhkhang": ("mst", "01", "Công ty TNHH Điện tử Minh Khang Việt Nam",
                  "Lô 27, KCN Thăng Long, xã Thiên Lộc, TP Hà Nội"),
    "thuysan": ("branch", "02",
                "Chi nhánh Công ty Cổ phần Xuất nhập khẩu Thủy sản Miền Bắc tại Hải Phòng",
                "Số 5 Ngô Quyền, phường Gia Viên, TP Hải Phòng"),
    "binhminh": ("mst", "02", "Công ty TNHH Nhựa Bình Minh Phát",
                 "Thôn Trung Hành, phường Hải An, TP Hải Phòng"),
    "hungthinh": ("mst", "09", "Công ty TNHH Dệt may Hưng Thịnh",
                  "KCN Phố Nối A, xã Lạc Đạo, tỉnh Hưng Yên"),
    "xulang": ("mst", "49", "Công ty TNHH Nông sản Xứ Lạng",
               "Số 102 Bà Triệu, phường Đông Kinh, tỉnh Lạng Sơn"),
    "dongdang": ("mst", "49", "Công ty TNHH Thương mại Đồng Đăng",
                 "Khu Ga, xã Đồng Đăng, tỉnh Lạng Sơn"),
    "hkd_thang": ("personal", "020", "Hộ kinh doanh Hoàng Văn Thắng",
                  "Thôn Nà Chi, xã Đồng Đăng, tỉnh Lạng Sơn"),
    "cangxanh": ("mst", "02", "Công ty Cổ phần Logistics Cảng Xanh",
                 "Số 2 Đình Vũ, phường Đông Hải, TP Hải Phòng"),
    "phuongdong": ("mst", "01", "Công ty TNHH Lốp xe Phương Đông",
                   "Số 45 Nguyễn Văn Linh, phường Long Biên, TP Hà Nội"),
    "donghai": ("mst", "02", "Công ty TNHH Thực phẩm Đông Hải",
                "Số 9 Trần Hưng Đạo, phường Hồng Bàng, TP Hải Phòng"),
    "anphat": ("mst", "02", "Công ty TNHH Gỗ Nội thất An Phát",
               "Cụm công nghiệp An Đồng, xã An Dương, TP Hải Phòng"),
    "tienlang": ("mst", "02", "Công ty TNHH Giày da Tiên Lãng",
                 "KCN Tiên Thanh, xã Tiên Lãng, TP Hải Phòng"),
}
_WATCHED = "binhminh"          # its tax code is on the blacklist
_LEGACY = "donghai"            # one of its declarations sends the name in TCVN3

# key: (HS code, name, description)
_GOODS: dict[str, tuple[str, str, str]] = {
    "lop": ("40111000", "Lốp xe ô tô con",
            "Lốp bơm hơi bằng cao su dùng cho ô tô con, cỡ 205/55R16, mới 100%"),
    "router": ("85176249", "Bộ định tuyến không dây",
               "Bộ định tuyến không dây (router Wi-Fi) băng tần kép, mới 100%"),
    "banghe": ("94031000", "Bàn làm việc văn phòng",
               "Bàn làm việc văn phòng khung thép, mặt gỗ công nghiệp, dạng tháo rời"),
    "thep": ("72085100", "Thép tấm cán nóng",
             "Thép không hợp kim cán phẳng, cán nóng, dạng tấm, dày trên 10 mm, chưa phủ mạ"),
    "nhuapp": ("39021040", "Hạt nhựa PP",
               "Hạt nhựa polypropylen nguyên sinh dạng hạt, đóng bao 25 kg"),
    "tao": ("08081000", "Táo tươi",
            "Táo tươi giống Gala, xuất xứ New Zealand, đóng thùng carton 18 kg"),
    "thitbo": ("02023000", "Thịt bò đông lạnh",
               "Thịt bò không xương đông lạnh, bảo quản ở -18 °C, xuất xứ Úc"),
    "vai": ("54075200", "Vải dệt thoi polyester",
            "Vải dệt thoi từ sợi filament polyester dún, đã nhuộm, khổ 150 cm"),
    "suabot": ("19011020", "Sữa bột công thức",
               "Sữa bột công thức dành cho trẻ từ 0 đến 6 tháng tuổi, lon 800 g"),
    "laptop": ("84713020", "Máy tính xách tay",
               "Máy tính xách tay màn hình 14 inch, bộ xử lý 8 nhân, mới 100%"),
    "dieuhoa": ("84151010", "Máy điều hòa không khí",
                "Máy điều hòa không khí loại treo tường, công suất 12.000 BTU/h, mới 100%"),
    "maydao": ("84295200", "Máy đào bánh xích",
               "Máy đào bánh xích, phần trên quay được 360°, dung tích gầu 0,8 m³"),
    "tom": ("03061719", "Tôm thẻ chân trắng đông lạnh",
            "Tôm thẻ chân trắng bóc vỏ, bỏ đầu, đông lạnh, đóng hộp 2 kg"),
    "aophong": ("61091010", "Áo phông dệt kim",
                "Áo phông nam dệt kim, 100% cotton, các cỡ từ S đến XL"),
    "noithat": ("94036090", "Đồ nội thất bằng gỗ",
                "Bàn ăn và ghế bằng gỗ cao su ghép thanh, đã hoàn thiện bề mặt"),
    "giay": ("64041190", "Giày thể thao",
             "Giày thể thao đế ngoài bằng cao su, mũ giày bằng vật liệu dệt"),
    "nho": ("08061000", "Nho tươi", "Nho tươi không hạt, xuất xứ Trung Quốc, đóng thùng 8 kg"),
    "saurieng": ("08106000", "Sầu riêng tươi",
                 "Sầu riêng tươi nguyên quả giống Ri6, đóng thùng carton"),
    "dieu": ("08013200", "Hạt điều nhân",
             "Hạt điều đã bóc vỏ (nhân điều) loại W320, đóng thùng thiếc 22,68 kg"),
    "pin": ("85076090", "Pin sạc lithium-ion",
            "Pin sạc lithium-ion dùng cho xe đạp điện, 48 V 12 Ah, mới 100%"),
    "cachua": ("07020000", "Cà chua tươi",
               "Cà chua tươi, xuất xứ Trung Quốc, đóng thùng nhựa 10 kg"),
}

_SHIPPERS = (
    "NINGBO JINYUAN IMPORT & EXPORT CO., LTD., NINGBO, CHINA",
    "SHENZHEN HUAXIN ELECTRONICS CO., LTD., SHENZHEN, CHINA",
    "BUSAN STEEL TRADING CO., LTD., BUSAN, KOREA",
    "FONTERRA FRESH FRUIT EXPORTS LTD., TAURANGA, NEW ZEALAND",
    "QINGDAO OCEAN TEXTILE CO., LTD., QINGDAO, CHINA",
    "TIANJIN HEAVY MACHINERY CO., LTD., TIANJIN, CHINA",
)
_FOREIGN_BUYERS = (
    ("OSAKA SEAFOOD TRADING CO., LTD.", "OSAKA, JAPAN"),
    ("PACIFIC APPAREL INC.", "LOS ANGELES, USA"),
    ("NORDIC HOME FURNITURE AB", "GOTHENBURG, SWEDEN"),
    ("EURO SPORTS DISTRIBUTION GMBH", "HAMBURG, GERMANY"),
)

_CRITERIA_YELLOW = (
    "Doanh nghiệp mới thành lập dưới 12 tháng",
    "Mặt hàng thuộc danh mục rủi ro về trị giá",
    "Chênh lệch trọng lượng so với bản khai hàng hóa (e-Manifest)",
)
_CRITERIA_RED = (
    "Mặt hàng thuộc danh mục rủi ro về phân loại, áp mã",
    "Thông tin nghi vấn từ đơn vị nghiệp vụ (Đội Kiểm soát Hải quan)",
    "Tuyến vận chuyển thuộc diện theo dõi trọng điểm",
)
_NOTICE_YELLOW = ("Đề nghị doanh nghiệp nộp hợp đồng, hóa đơn thương mại và phiếu đóng gói "
                  "để kiểm tra hồ sơ")
_NOTICE_RED = ("Đề nghị xuất trình hàng hóa để kiểm tra thực tế tại địa điểm kiểm tra tập "
               "trung; container không được đưa ra khỏi cảng khi chưa có kết quả kiểm tra")

AREA_DV = "Cảng Đình Vũ"
AREA_HN = "Cửa khẩu quốc tế Hữu Nghị"
PLACE_DV = "Địa điểm kiểm tra tập trung - Cảng Đình Vũ"
PLACE_HN = "Bãi kiểm hóa tập trung cửa khẩu Hữu Nghị"
OFFICE_DV = "03EE"
OFFICE_HN = "15BB"

# the gate-recognition cameras of the demo site (app/cameras/registry.py) → their gate
CAMERAS = {
    "DV-CAM-01": "Cổng A",            # Cổng A - làn vào
    "DV-CAM-02": "Cổng A",            # Cổng A - làn ra
    "DV-CAM-07": "Cổng B",
    "HN-CAM-03": "Cửa khẩu Hữu Nghị",  # barie làn xe xuất khẩu
    "HN-CAM-04": "Cửa khẩu Hữu Nghị",  # barie làn xe nhập khẩu
}


def lane_direction(lane: str) -> str:
    """in for an entry lane (A-IN-1, NK-1: nhập khẩu), out for an exit lane."""
    return "in" if "-IN-" in lane or lane.startswith("NK") else "out"

# The declarations. tag: (flow, office, type code, channel, status, inspection result,
# party, goods, container size-types, bill label, hours registered before the epoch).
_DECLS: tuple[tuple[str, str, str, str, str | None, str, str | None, str, tuple[str, ...],
                    tuple[str, ...], str | None, float], ...] = (
    ("D01", "import", OFFICE_DV, "A11", "1", "passed_area", None, "phuongdong", ("lop",),
     ("45G1", "45G1"), "A", 26),
    ("D02", "import", OFFICE_DV, "A11", "1", "passed_area", None, "minhkhang", ("router",),
     ("22G1",), "B", 25),
    ("D03", "import", OFFICE_DV, "A12", "2", "channel_assigned", None, "haian", ("banghe",),
     ("45G1",), "C", 8),
    ("D04", "import", OFFICE_DV, "A11", "3", "channel_assigned", "pending", "thepdv", ("thep",),
     ("22G1",), "D", 12),
    ("D05", "import", OFFICE_DV, "A41", "2", "channel_assigned", None, "binhminh", ("nhuapp",),
     ("22G1",), "E", 5),
    ("D06", "import", OFFICE_DV, "A11", "3D", "passed_area", "no_violation", "donghai", ("tao",),
     ("45R1",), "F", 27),
    ("D07", "import", OFFICE_DV, "A11", "1", "cleared", None, "donghai", ("thitbo",),
     ("45R1",), "F", 9),
    ("D08", "import", OFFICE_DV, "E31", "1", "independent_transport", None, "hungthinh",
     ("vai",), ("45G1", "45G1"), "G", 22),
    ("D09", "import", OFFICE_DV, "A12", "2", "to_storage", None, "haian", ("suabot",),
     ("22G1",), "C", 20),
    ("D10", "import", OFFICE_DV, "A11", "3", "place_changed", "pending", "minhkhang",
     ("laptop", "router"), ("45G1", "22G1"), "B", 16),
    ("D11", "import", OFFICE_DV, "A11", "2", "stopped", None, "phuongdong", ("dieuhoa",),
     ("45G1",), "A", 18),
    ("D12", "import", OFFICE_DV, "G11", "1", "cleared", None, "cangxanh", ("maydao",),
     ("42G1",), "H", 28),
    ("D13", "import", OFFICE_DV, "A11", None, "in_progress", None, "cangxanh", ("pin",),
     ("22G1",), "H", 1.5),
    ("X01", "export", OFFICE_DV, "B11", "1", "passed_area", None, "thuysan", ("tom",),
     ("45R1", "45R1"), "I", 21),
    ("X02", "export", OFFICE_DV, "E52", "1", "passed_area", None, "hungthinh", ("aophong",),
     ("45G1",), "J", 15),
    ("X03", "export", OFFICE_DV, "B11", "2", "channel_assigned", None, "anphat", ("noithat",),
     ("45G1",), "K", 6),
    ("X04", "export", OFFICE_DV, "B11", "1", "cleared", None, "tienlang", ("giay",),
     ("45G1",), "L", 3),
    ("H01", "import", OFFICE_HN, "A11", "1", "passed_area", None, "dongdang", ("nho",),
     (), None, 10),
    ("H02", "import", OFFICE_HN, "A11", "3", "channel_assigned", "violation", "dongdang",
     ("maydao",), (), None, 14),
    ("H03", "import", OFFICE_HN, "A12", "2", "released", None, "xulang", ("cachua",),
     (), None, 7),
    ("H04", "export", OFFICE_HN, "B11", "1", "passed_area", None, "xulang", ("saurieng",),
     (), None, 11),
    ("H05", "export", OFFICE_HN, "B11", "2", "channel_assigned", None, "hkd_thang", ("dieu",),
     (), None, 4),
    ("H06", "import", OFFICE_HN, "A11", "1", "done", None, "minhkhang", ("pin",),
     (), None, 30),
    ("H07", "import", OFFICE_HN, "A11", None, "in_progress", None, "dongdang", ("cachua",),
     (), None, 0.8),
    ("H08", "export", OFFICE_HN, "B11", "1", "cancelled", None, "xulang", ("saurieng",),
     (), None, 13),
)
_AMENDED = "D12"           # already amended once (12th digit 1)
_NAIVE_TIME = "D13"        # its registration time comes without an offset
_SPACED_READ = "D02"       # its container is read as "CSQU 305438-3"
_SPACED_CONTAINER = "CSQU3054383"
_LEFT_EARLY = "D03"        # read at an out lane before clearance
_RED_AT_GATE = "D04"       # red, inspection pending, read at an out lane
# container owners (leasing companies and lines); reefers apart
_OWNERS = ("TGHU", "TCNU", "FCIU", "SEGU", "TEMU", "BMOU", "CAIU", "GESU", "TRHU", "DFSU")
_REEFER_OWNERS = ("SZLU", "TRIU", "CXRU")


def feed_key(feed: str, item: Item) -> str:
    """The key an item replaces its earlier versions by (the contract's "Keys")."""
    field = {"declarations": "number", "manifests": "call_id"}.get(feed, "id")
    value = item.get(field)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{feed}: an item needs {field}")
    if feed == "declarations":
        if len(value) != 12 or not value.isdigit():
            raise ValueError("declarations: number must be 12 digits")
        return value[:11]
    return value


class World:
    """The seeded world and its five feeds (see the module docstring)."""

    def __init__(self, seed: int = 888, epoch: datetime | None = None) -> None:
        self.seed = seed
        self.epoch = epoch if epoch is not None else default_epoch()
        self._rng = random.Random(seed)
        self._items: dict[str, dict[str, Item]] = {f: {} for f in FEEDS}
        self._log_seq: dict[str, list[int]] = {f: [] for f in FEEDS}
        self._log_key: dict[str, list[str]] = {f: [] for f in FEEDS}
        self._seq = dict.fromkeys(FEEDS, 0)
        self._generated = 0
        self.anomalies: dict[str, dict[str, Any]] = {}
        self.parties: dict[str, Item] = {}
        self._build()

    # -- the feeds -------------------------------------------------------------------
    def feed(self, feed: str) -> list[Item]:
        """The feed's current items (newest version of each), in change_seq order."""
        return sorted(self._items[self._feed(feed)].values(), key=lambda it: it["change_seq"])

    @property
    def declarations(self) -> list[Item]:
        return self.feed("declarations")

    @property
    def area_events(self) -> list[Item]:
        return self.feed("area_events")

    @property
    def manifests(self) -> list[Item]:
        return self.feed("manifests")

    @property
    def gate_events(self) -> list[Item]:
        return self.feed("gate_events")

    @property
    def blacklist(self) -> list[Item]:
        return self.feed("blacklist")

    def last_seq(self, feed: str) -> int:
        return self._seq[self._feed(feed)]

    def get(self, feed: str, key: str) -> Item | None:
        """An item by its key (a declaration by its first 11 digits or all 12)."""
        feed = self._feed(feed)
        return self._items[feed].get(key[:11] if feed == "declarations" else key)

    def declaration(self, number: str) -> Item | None:
        return self.get("declarations", number)

    def containers(self) -> list[str]:
        """Every container number of every vessel call, as the manifest has it."""
        seen: dict[str, None] = {}
        for call in self.manifests:
            for c in call["containers"]:
                seen.setdefault(c["number"], None)
        return list(seen)

    def changes_since(self, feed: str, seq: int, limit: int) -> tuple[list[Item], int, bool]:
        """The items changed after `seq`, each once in its newest version, ascending
        change_seq, at most `limit`; the last change_seq given (or `seq`); and whether
        more follow."""
        feed = self._feed(feed)
        seqs, keys, items = self._log_seq[feed], self._log_key[feed], self._items[feed]
        out: list[Item] = []
        last = seq
        i = bisect.bisect_right(seqs, seq)
        while i < len(seqs):
            item = items.get(keys[i])
            if item is not None and item["change_seq"] == seqs[i]:   # else superseded
                if len(out) >= limit:
                    return out, last, True
                out.append(item)
                last = seqs[i]
            i += 1
        return out, last, False

    # -- changes ---------------------------------------------------------------------
    def publish(self, feed: str, item: Item) -> Item:
        """Stores `item` (new, or replacing the one with its key) with the feed's next
        change_seq; returns the stored copy. ValueError if it has no key."""
        feed = self._feed(feed)
        stored = copy.deepcopy(item)
        stored.pop("change_seq", None)
        key = feed_key(feed, stored)
        if feed == "gate_events":
            stored.setdefault("picture", f"/v1/gate-events/{stored['id']}/picture")
        self._put(feed, key, stored)
        return stored

    def update(self, feed: str, key: str, changes: Item) -> Item:
        """The item with `changes` merged in, as a new change. KeyError if none."""
        current = self.get(feed, key)
        if current is None:
            raise KeyError(f"{feed}: no {key}")
        return self.publish(feed, {**current, **changes})

    def amend(self, number: str, changes: Item | None = None) -> Item:
        """An amendment of a declaration: the same first 11 digits, the 12th one more,
        replacing it (with `changes`) as a new change."""
        current = self.declaration(number)
        if current is None:
            raise KeyError(f"no declaration {number}")
        count = int(current["number"][11])
        if count >= 9:
            raise ValueError(f"{current['number']}: no amendment after the ninth")
        return self.publish("declarations", {**current, **(changes or {}),
                                             "number": current["number"][:11] + str(count + 1)})

    def generate(self, n: int) -> int:
        """Appends `n` more declarations (road freight through Hữu Nghị and air cargo
        through Nội Bài, no containers), each valid and believable; returns how many
        declarations the feed now has."""
        rng = random.Random(f"{self.seed}/generate/{self._generated}")
        parties = [p for k, p in self.parties.items() if k not in (_WATCHED, _LEGACY)]
        goods = list(_GOODS.values())
        horizon_s = 48 * 3600
        for i in range(n):
            serial = self._generated + i
            flow = "import" if rng.random() < 0.7 else "export"
            air = rng.random() < 0.3
            number = ("10" if flow == "import" else "30") + f"9{serial:08d}" + "0"
            reg = self.epoch - timedelta(seconds=rng.randrange(600, horizon_s))
            channel = rng.choices(("1", "2", "3"), (75, 18, 7))[0]
            ch_at = reg + timedelta(seconds=rng.randrange(60, 600))
            wait = {"1": 900, "2": 4 * 3600, "3": 8 * 3600}[channel]
            cl = ch_at + timedelta(seconds=rng.randrange(120, wait))
            history = [{"status": "in_progress", "at": at_local(reg)},
                       {"status": "channel_assigned", "at": at_local(ch_at)}]
            cleared = cl < self.epoch
            if cleared:
                history.append({"status": "cleared", "at": at_local(cl)})
            hs, _name, text = rng.choice(goods)
            office = "01B1" if air else OFFICE_HN
            item: Item = {
                "number": number, "system": "vcis", "flow": flow,
                "type_code": ("A11" if flow == "import" else "B11"), "office": office,
                "area": "Sân bay quốc tế Nội Bài" if air else AREA_HN,
                "channel": channel, "status": history[-1]["status"],
                "status_history": history, "registered_at": history[0]["at"],
                "channel_at": history[1]["at"], "cleared_at": at_local(cl) if cleared else None,
                "inspection_result": ("no_violation" if cleared else "pending")
                if channel == "3" else None,
                "inspection_place": (PLACE_HN if not air else "Kho hàng không kéo dài Nội Bài")
                if channel == "3" else None,
                "declarant": dict(rng.choice(parties)),
                "hs_codes": [hs], "goods_description": text, "containers": [],
                "bills_of_lading": [], "gross_weight_kg": float(rng.randrange(50, 30000)),
                "transport_mode": "1" if air else "4", "storage_place": None,
                "criteria": [rng.choice(_CRITERIA_YELLOW)] if channel != "1" else [],
                "notices": [],
            }
            self._put("declarations", number[:11], item)
        self._generated += n
        return len(self._items["declarations"])

    # -- internals -------------------------------------------------------------------
    @staticmethod
    def _feed(feed: str) -> str:
        name = feed.replace("-", "_")
        if name not in FEEDS:
            raise ValueError(f"no feed {feed!r} (feeds: {', '.join(FEEDS)})")
        return name

    def _put(self, feed: str, key: str, item: Item) -> None:
        self._seq[feed] += 1
        item["change_seq"] = self._seq[feed]
        self._items[feed][key] = item
        self._log_seq[feed].append(self._seq[feed])
        self._log_key[feed].append(key)

    def _minutes(self, lo: float, hi: float) -> timedelta:
        return timedelta(minutes=self._rng.uniform(lo, hi))

    def _build(self) -> None:
        rng, epoch = self._rng, self.epoch
        for key, (kind, prefix, name, address) in _PARTIES.items():
            if kind == "personal":     # province, century/sex, birth year, serial
                tax = prefix + "0" + str(rng.randrange(65, 95)) + _digits(rng, 6)
            else:
                tax = _make_mst(rng, prefix)
                if kind == "branch":
                    tax += "-002"
            self.parties[key] = {"tax_code": tax, "name": name, "address": address}

        ata = epoch - timedelta(hours=30)
        used: set[str] = {_SPACED_CONTAINER}
        numbers: dict[str, str] = {}        # tag → declaration number
        boxes: dict[str, list[Item]] = {}   # tag → its manifest containers
        bills: dict[str, list[str]] = {}    # bill label → tags
        weights: dict[str, float] = {}
        decls: dict[str, Item] = {}
        area: list[tuple[datetime, Item]] = []
        gate: list[tuple[datetime, Item]] = []
        used_numbers: set[str] = set()

        for tag, flow, *_rest in _DECLS:
            while True:
                middle = rng.choice("678") + _digits(rng, 8)
                if middle not in used_numbers:
                    used_numbers.add(middle)
                    break
            numbers[tag] = ("10" if flow == "import" else "30") + middle + (
                "1" if tag == _AMENDED else "0")

        for (tag, flow, office, type_code, channel, status, inspection, party_key, goods_keys,
             sizes, bill, reg_h) in _DECLS:
            dv = office == OFFICE_DV
            reg = epoch - timedelta(hours=reg_h) + self._minutes(0, 20)
            history: list[tuple[str, datetime]] = [("in_progress", reg)]
            ch_at = reg + self._minutes(1, 6) if channel is not None else None
            if ch_at is not None:
                history.append(("channel_assigned", ch_at))
            red = channel is not None and channel.startswith("3")
            cl: datetime | None = None
            if status in ("cleared", "passed_area", "done"):
                assert ch_at is not None
                cl = ch_at + (self._minutes(3, 20) if channel == "1" else
                              self._minutes(120, 300) if channel == "2" else
                              self._minutes(300, 540))
                history.append(("cleared", cl))

            containers: list[Item] = []
            for size in sizes:
                reefer = size.endswith("R1")
                if tag == _SPACED_READ and not containers:
                    box_no = _SPACED_CONTAINER
                else:
                    owner = rng.choice(_REEFER_OWNERS if reefer else _OWNERS)
                    box_no = _make_container(rng, owner, used)
                full_weight = rng.uniform(18000, 26000) if reefer else (
                    rng.uniform(9000, 22000) if size.startswith("2") else
                    rng.uniform(7000, 24000))
                seal = rng.choice(("CN", "KR", "VN", "NZ")) + _digits(rng, 7)
                containers.append({
                    "number": box_no, "size_type": size, "seal": seal, "full": True,
                    "in_yard_since": None, "left_yard_at": None,
                    "_weight": round(full_weight, 1)})
            boxes[tag] = containers
            if bill is not None:
                bills.setdefault(bill, []).append(tag)
            if flow == "import" and dv:
                for c in containers:
                    c["in_yard_since"] = at_utc(ata + self._minutes(60, 480))

            # the goods' way out of (or into) the area, and its records
            plate_province = "15" if dv else "12"
            out_at: datetime | None = None
            if status in ("passed_area", "done"):
                assert cl is not None
                out_at = cl + self._minutes(40, 150)
                if dv and flow == "import":
                    out_at = max(out_at, ata + timedelta(hours=8) + self._minutes(10, 60))
                history.append(("passed_area", out_at))
                if status == "done":
                    history.append(("done", out_at + self._minutes(60, 180)))
            elif status in ("stopped", "place_changed", "independent_transport", "to_storage",
                            "cancelled", "released"):
                assert ch_at is not None
                later = ch_at + self._minutes(60, 240)
                if dv and flow == "import":
                    later = max(later, ata + timedelta(hours=8) + self._minutes(10, 60))
                history.append((status, later))
                out_at = later
            number = numbers[tag]
            declarant = dict(self.parties[party_key])

            def area_event(kind: str, at: datetime, container: Item | None, plate: str | None,
                           note: str, *, number: str = number, office: str = office,
                           dv: bool = dv) -> Item:
                ev = {"id": "", "kind": kind, "at": at_local(at), "declaration_number": number,
                      "container_number": container["number"] if container else None,
                      "seal": container["seal"] if container else None, "plate": plate,
                      "gate": ("Cổng A" if dv else "Cửa khẩu Hữu Nghị") if kind in (
                          "gate_in", "gate_out") else None,
                      "office": office, "note": note}
                area.append((at, ev))
                return ev

            def gate_read(camera: str, lane: str, at: datetime, as_read: str | None,
                          plate: str | None, confidence: float) -> Item:
                ev = {"id": "", "gate": CAMERAS[camera], "lane": lane,
                      "direction": lane_direction(lane),
                      "at": at_utc(at), "container_number": as_read, "plate": plate,
                      "confidence": round(confidence, 2), "camera_code": camera,
                      "picture": None}
                gate.append((at, ev))
                return ev

            if dv and flow == "import":
                lanes = {"passed_area": ("DV-CAM-02", "A-OUT-1"),
                         "independent_transport": ("DV-CAM-02", "A-OUT-2"),
                         "to_storage": ("DV-CAM-02", "A-OUT-1"),
                         "place_changed": ("DV-CAM-07", "B-OUT-1")}
                kinds = {"passed_area": ("gate_out", "Đủ điều kiện qua khu vực giám sát"),
                         "independent_transport": (
                             "independent_transport",
                             "Vận chuyển độc lập về KCN Phố Nối A, Hưng Yên; niêm phong hải quan"),
                         "to_storage": ("storage", "Đưa hàng về kho doanh nghiệp bảo quản chờ "
                                                   "kết quả kiểm tra chuyên ngành"),
                         "place_changed": ("place_changed", "Chuyển địa điểm kiểm tra về kho "
                                                            "riêng của doanh nghiệp")}
                if tag == "D06":
                    lanes["passed_area"] = ("DV-CAM-07", "B-OUT-1")
                if status in lanes and out_at is not None:
                    camera, lane = lanes[status]
                    for i, c in enumerate(containers):
                        plate = _plate(rng, plate_province)
                        kind, note = kinds[status]
                        t = out_at + timedelta(minutes=3 * i)
                        area_event(kind, t, c, plate, note)
                        read_at = t + self._minutes(1, 4)
                        as_read = "CSQU 305438-3" if c["number"] == _SPACED_CONTAINER \
                            else c["number"]
                        ev = gate_read(camera, "A-OUT-2" if i % 2 and camera == "DV-CAM-02"
                                       else lane, read_at, as_read, plate,
                                       0.74 if as_read != c["number"] else rng.uniform(0.86, 0.99))
                        c["left_yard_at"] = at_utc(read_at)
                        if c["number"] == _SPACED_CONTAINER:
                            self.anomalies["spaced_container_read"] = {
                                "gate_event": ev, "as_read": as_read,
                                "container": _SPACED_CONTAINER, "declaration": number}
                if tag in (_LEFT_EARLY, _RED_AT_GATE):
                    c = containers[0]
                    read_at = epoch - (timedelta(minutes=95) if tag == _LEFT_EARLY
                                       else timedelta(minutes=50))
                    camera, lane = (("DV-CAM-02", "A-OUT-1") if tag == _LEFT_EARLY
                                    else ("DV-CAM-07", "B-OUT-1"))
                    ev = gate_read(camera, lane, read_at, c["number"], _plate(rng, "15"),
                                   rng.uniform(0.9, 0.98))
                    c["left_yard_at"] = at_utc(read_at)
                    entry = {"declaration": number, "container": c["number"], "gate_event": ev}
                    if tag == _RED_AT_GATE:
                        assert ch_at is not None
                        entry["area_event"] = area_event(
                            "held", ch_at + self._minutes(30, 60), c, None,
                            "Giữ lại container chờ kiểm tra thực tế (luồng đỏ)")
                        self.anomalies["red_at_gate"] = entry
                    else:
                        self.anomalies["left_before_clearance"] = entry
                if status == "stopped":
                    assert out_at is not None
                    area_event("stopped", out_at, containers[0], None,
                               "Dừng thông quan theo đề nghị của Chi cục Kiểm tra sau thông quan")
            elif dv:    # exports: the containers come in through the gate
                if status in ("passed_area", "channel_assigned"):
                    base = out_at if out_at is not None else (
                        (ch_at or reg) + self._minutes(60, 120))
                    for i, c in enumerate(containers):
                        plate = _plate(rng, rng.choice(("15", "34", "89")))
                        camera = "DV-CAM-07" if tag == "X02" else "DV-CAM-01"
                        lane = "B-IN-1" if camera == "DV-CAM-07" else f"A-IN-{1 + i % 2}"
                        read_at = base - self._minutes(12, 15) + timedelta(minutes=4 * i)
                        gate_read(camera, lane, read_at, c["number"], plate,
                                  rng.uniform(0.85, 0.99))
                        area_event("gate_in", read_at + self._minutes(1, 3), c, plate,
                                   "Hàng xuất khẩu đưa vào khu vực giám sát")
                        c["in_yard_since"] = at_utc(read_at)
            else:       # Hữu Nghị: trucks, no containers
                plate = _plate(rng, "12")
                if status in ("passed_area", "done", "channel_assigned", "released"):
                    in_at = reg - self._minutes(20, 60)
                    area_event("gate_in", in_at, None, plate, "Phương tiện vào khu vực giám sát")
                    if flow == "import":
                        gate_read("HN-CAM-04", "NK-1", in_at + self._minutes(0.5, 2), None,
                                  plate, rng.uniform(0.8, 0.97))
                if status in ("passed_area", "done"):
                    assert out_at is not None
                    area_event("gate_out", out_at, None, plate,
                               "Đủ điều kiện qua khu vực giám sát")
                    if flow == "export":
                        gate_read("HN-CAM-03", "XK-1", out_at + self._minutes(1, 5), None,
                                  plate, rng.uniform(0.8, 0.97))
                if inspection == "violation":
                    assert ch_at is not None
                    area_event("held", ch_at + self._minutes(300, 400), None, plate,
                               "Tạm giữ phương tiện và hàng hóa, lập biên bản vi phạm")

            # the declaration itself
            weight = round(sum(c["_weight"] for c in containers), 1) if containers else \
                float(round(rng.uniform(8000, 30000)))
            weights[tag] = weight
            goods = [_GOODS[g] for g in goods_keys]
            notices: list[Item] = []
            criteria: list[str] = []
            if channel == "2":
                criteria = [rng.choice(_CRITERIA_YELLOW)]
                assert ch_at is not None
                notices.append({"at": at_local(ch_at + self._minutes(2, 10)),
                                "text": _NOTICE_YELLOW})
            elif red:
                criteria = rng.sample(_CRITERIA_RED, 2)
                assert ch_at is not None
                notices.append({"at": at_local(ch_at + self._minutes(2, 10)),
                                "text": _NOTICE_RED})
                if inspection == "violation":
                    notices.append({"at": at_local(ch_at + self._minutes(300, 400)),
                                    "text": "Kết quả kiểm tra thực tế: hàng hóa không đúng "
                                            "khai báo về chủng loại; lập biên bản vi phạm"})
                elif inspection == "no_violation":
                    notices.append({"at": at_local(ch_at + self._minutes(240, 290)),
                                    "text": "Kết quả kiểm tra thực tế: hàng hóa phù hợp "
                                            "khai báo"})
            if tag == _WATCHED_TAG:
                criteria.append("Doanh nghiệp nằm trong danh sách theo dõi trọng điểm")
            if tag == _AMENDED:
                assert cl is not None
                notices.append({"at": at_local(cl + self._minutes(60, 120)),
                                "text": "Khai sửa đổi, bổ sung lần 1: điều chỉnh trọng lượng "
                                        "hàng hóa theo phiếu cân"})
            place = None
            if red:
                place = PLACE_DV if dv else PLACE_HN
                if status == "place_changed":
                    place = "Kho riêng của doanh nghiệp tại KCN Đình Vũ"
            decl: Item = {
                "number": number, "system": "vcis" if channel in ("2", "3", "3D") else "v5",
                "flow": flow, "type_code": type_code, "office": office,
                "area": AREA_DV if dv else AREA_HN,
                "channel": channel, "status": status,
                "status_history": [{"status": s, "at": at_local(t)} for s, t in history],
                "registered_at": at_local(reg),
                "channel_at": at_local(ch_at) if ch_at is not None else None,
                "cleared_at": at_local(cl) if cl is not None else None,
                "inspection_result": inspection, "inspection_place": place,
                "declarant": declarant,
                "hs_codes": [g[0] for g in goods],
                "goods_description": "; ".join(g[2] for g in goods),
                "containers": [{"number": c["number"], "seal": c["seal"]} for c in containers],
                "bills_of_lading": [],
                "gross_weight_kg": weight,
                "transport_mode": "2" if dv else "4",
                "storage_place": ("03EES07" if status == "to_storage" else
                                  "03EES01" if dv and flow == "import" else None),
                "criteria": criteria, "notices": notices,
            }
            if status == "independent_transport":
                decl["route"] = "Cảng Đình Vũ (03EE) – KCN Phố Nối A, Hưng Yên (03PJ)"
            elif not dv:
                decl["route"] = ("Trung Quốc – cửa khẩu Hữu Nghị" if flow == "import"
                                 else "Cửa khẩu Hữu Nghị – Trung Quốc")
            if tag == _NAIVE_TIME:
                decl["registered_at"] = at_naive(reg)
                self.anomalies["time_without_offset"] = {
                    "declaration": number, "field": "registered_at",
                    "value": decl["registered_at"], "means": at_local(reg)}
            if tag == "D07":
                legacy = as_tcvn3_mojibake(declarant["name"])
                decl["declarant"]["name"] = legacy
                self.anomalies["legacy_encoding"] = {
                    "declaration": number, "encoding": "TCVN3",
                    "name": self.parties[party_key]["name"], "as_sent": legacy}
            if channel == "3D":
                self.anomalies["raw_channel"] = {"declaration": number, "channel": channel}
            if tag == _AMENDED:
                self.anomalies["amended"] = {"declaration": number}
            decl["_changed"] = max(t for _s, t in history)
            decls[tag] = decl

        # an empty truck coming for a cleared container: a plate and no container
        gate_read("DV-CAM-01", "A-IN-2", epoch - self._minutes(25, 35), None,
                  _plate(rng, "15"), 0.66)

        # the vessel call: the import bills discharged, the export bills to load
        bill_items: list[Item] = []
        prefixes = ("COSU", "ONEYHPHA", "MEDUVN", "HLCUSHA", "EGLV1424")
        for label, tags in sorted(bills.items()):
            first = _DECLS_BY_TAG[tags[0]]
            flow, party_key = first[1], first[7]
            prefix = rng.choice(prefixes)
            number = prefix + _digits(rng, 16 - len(prefix))
            party = self.parties[party_key]
            bill_goods = _GOODS[first[8][0]]
            conts = [c for tg in tags for c in boxes[tg]]
            if flow == "import":
                shipper = rng.choice(_SHIPPERS)
                consignee = f"{party['tax_code']}#{party['name']}#{party['address']}"
            else:
                shipper = f"{party['name']}, {party['address']}"
                buyer, where = rng.choice(_FOREIGN_BUYERS)
                consignee = f"#{buyer}#{where}"     # no Vietnamese tax code abroad
            bill_items.append({
                "number": number,
                "master": ("HPHM" + _digits(rng, 10)) if label in ("C", "H") else None,
                "shipper": shipper, "consignee": consignee, "hs": bill_goods[0],
                "packages": rng.randrange(20, 1200),
                "gross_weight_kg": round(sum(weights[tg] for tg in tags), 1),
                "description": f"{bill_goods[1]}#{bill_goods[2]}",
                "containers": [c["number"] for c in conts]})
            for tg in tags:
                decls[tg]["bills_of_lading"] = [number]
        empty = _make_container(rng, "TGHU", used)
        manifest_boxes = [{k: v for k, v in c.items() if k != "_weight"}
                          for tag in boxes for c in boxes[tag]]
        manifest_boxes.append({"number": empty, "size_type": "22G1", "seal": None,
                               "full": False,
                               "in_yard_since": at_utc(ata + self._minutes(60, 300)),
                               "left_yard_at": None})
        imo = _make_imo(rng)
        voyage = f"{rng.randrange(10, 99)}{rng.choice('NS')}"
        call: Item = {
            "call_id": f"VNDVU-{(ata + LOCAL_OFFSET):%Y%m%d}-{voyage}",
            "vessel": {"imo": imo, "mmsi": "574" + _digits(rng, 6), "call_sign": "XVHP7",
                       "name": "HAI PHONG PIONEER", "flag": "VN"},
            "voyage": voyage, "port": "VNDVU",
            "eta": at_utc(ata - self._minutes(90, 150)), "ata": at_utc(ata),
            "bills": bill_items, "containers": manifest_boxes}

        # the blacklist
        watched = self.parties[_WATCHED]["tax_code"]
        other_box = _make_container(rng, "SEGU", used)
        other_imo = _make_imo(rng)
        while other_imo == imo:
            other_imo = _make_imo(rng)
        old_tax = _make_mst(rng, "01")
        black = [
            ("tax_code", watched, "Doanh nghiệp có dấu hiệu khai sai xuất xứ hàng hóa "
             "(thông tin của Chi cục Kiểm tra sau thông quan)", 90, None, True),
            ("container", other_box, "Container nghi vấn cất giấu hàng hóa không khai báo "
             "(thông tin nghiệp vụ của Đội Kiểm soát Hải quan)", 20, None, True),
            ("plate", "29C-468.21", "Phương tiện liên quan vụ vận chuyển hàng lậu qua biên "
             "giới, đang xác minh", 12, None, True),
            ("vessel", "IMO" + other_imo, "Tàu có lịch sử khai sai bản khai hàng hóa "
             "(e-Manifest)", 200, None, True),
            ("bill_of_lading", "SITGSHHP" + _digits(rng, 7), "Vận đơn nghi vấn gian lận "
             "trị giá theo thông tin trao đổi của Hải quan nước ngoài", 8, None, True),
            ("tax_code", old_tax, "Đã chấp hành quyết định xử phạt; hết thời hạn theo dõi",
             400, 35, False),
        ]
        black_items: list[tuple[datetime, Item]] = []
        for i, (subject, value, reason, days, until_days, active) in enumerate(black, 1):
            since = epoch - timedelta(days=days) + self._minutes(0, 600)
            entry = {"id": f"RR-{(since + LOCAL_OFFSET):%Y}-{i:04d}", "subject": subject,
                     "value": value, "reason": reason, "since": at_utc(since),
                     "until": at_utc(epoch - timedelta(days=until_days))
                     if until_days is not None else None, "active": active}
            black_items.append((since, entry))
        self.anomalies["watched_declarant"] = {
            "declaration": numbers[_WATCHED_TAG], "tax_code": watched,
            "blacklist": black_items[0][1]["id"]}

        # change_seq in the order things happened
        for d in sorted(decls.values(), key=lambda d: d["_changed"]):
            del d["_changed"]
            self._put("declarations", d["number"][:11], d)
        for n, (_t, ev) in enumerate(sorted(area, key=lambda p: p[0]), 1):
            ev["id"] = f"KVGS-{ev['office']}-{n:05d}"
            self._put("area_events", ev["id"], ev)
        for n, (_t, ev) in enumerate(sorted(gate, key=lambda p: p[0]), 1):
            site = "DVU" if str(ev["camera_code"]).startswith("DV") else "HNG"
            ev["id"] = f"{site}-GATE-{n:06d}"
            ev["picture"] = f"/v1/gate-events/{ev['id']}/picture"
            self._put("gate_events", ev["id"], ev)
        self._put("manifests", call["call_id"], call)
        for _t, entry in sorted(black_items, key=lambda p: p[0]):
            self._put("blacklist", entry["id"], entry)
        for name in ("left_before_clearance", "red_at_gate", "spaced_container_read"):
            entry = self.anomalies[name]
            entry["gate_event"] = entry["gate_event"]["id"]
            if "area_event" in entry:
                entry["area_event"] = entry["area_event"]["id"]


_DECLS_BY_TAG = {d[0]: d for d in _DECLS}
_WATCHED_TAG = next(d[0] for d in _DECLS if d[7] == _WATCHED)


def all_times(items: Iterable[Item]) -> list[str]:
    """Every time value in `items` (the fields the contract types as Time), for checks."""
    keys = {"at", "registered_at", "channel_at", "cleared_at", "eta", "ata", "in_yard_since",
            "left_yard_at", "since", "until"}
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k in keys and isinstance(v, str):
                    out.append(v)
                else:
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for item in items:
        walk(item)
    return out


__all__ = ["CAMERAS", "FEEDS", "TCVN3", "World", "all_times", "as_tcvn3_mojibake", "at_local",
           "at_naive", "at_utc", "default_epoch", "feed_key", "imo_check_digit", "lane_direction",
           "mst_check_digit", "parse_epoch"]
