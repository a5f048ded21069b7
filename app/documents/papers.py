"""The print model: plain dataclasses the core fills and the form renderers print.

Nothing here knows about the database or about PDF; every value is already
translated, formatted and ready to be printed as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Para:
    """One paragraph inside a table cell."""

    text: str
    style: str = "normal"  # "normal" | "bold" | "italic" | "struck" (superseded text)


@dataclass
class LogRow:
    """One numbered row (STT) of Appendix I: one matter (case) or one standalone entry."""

    stt: int
    when: str  # e.g. "27/11/2026\n09:15"
    members: list[Para]  # "Thành phần trực ban"
    work: list[Para]  # "Nội dung thực hiện"
    incident: list[Para]  # "Vụ việc phát sinh"
    directive: list[Para]  # "Nội dung chỉ đạo"
    result: list[Para]  # "Kết quả thực hiện"
    note: list[Para]  # "Ghi chú"


@dataclass
class DutyLogPrintout:
    """Everything printed on one duty log (Appendix I of Decision 888/QĐ-TCHQ)."""

    agency: str  # first header line, e.g. "CỤC HẢI QUAN"
    desk_name: str  # second header line, e.g. "TRỰC BAN"
    place: str  # e.g. "Hà Nội"
    printed_on: date  # gives "Hà Nội, ngày 27 tháng 11 năm 2026"
    shift_label: str  # "Ca trực từ 08:00 ngày 27/11/2026 đến 08:00 ngày 28/11/2026"
    members: list[tuple[str, str]]  # (role name, full name), printed above the table
    rows: list[LogRow]
    chain_seq: int  # hash-chain head of the log, printed at the end
    chain_hash: str  # 64 hex chars
    printed_by: str
    printed_at: str  # "27/11/2026 10:00"
    duty_unit: str = ""  # the department on duty that day (rotation)
    # The printed head signed by a shift leader's key (app/anchor), as the token
    # DESK:SEQ:HASH:KEY:SIGNATURE that --verify-log --head takes, and the signer's
    # name; empty when no key signed it. Printed on every page with a QR code.
    signed_head: str = ""
    head_signer: str = ""
    desk_code: str = ""
    # Names printed under the two signature blocks; left blank to be written by hand.
    recorder_name: str = ""  # "CÔNG CHỨC GHI NHẬT KÝ"
    leader_name: str = ""  # "LÃNH ĐẠO CA TRỰC"


@dataclass
class OpenItemLine:
    """One item still being followed, handed over to the next shift."""

    source: str  # "incident", "notice", "camera_outage", "ptz_position", "focus_case", …
    title: str
    detail: str = ""
    since: str = ""


@dataclass
class HandoverPrintout:
    """Everything printed on one shift handover report."""

    agency: str
    desk_name: str
    place: str
    printed_on: date
    shift_label: str
    members: list[tuple[str, str]]
    summary: str
    open_items: list[OpenItemLine]
    chain_seq: int
    chain_hash: str
    status: str  # "Bản nháp" | "Đã ký" | "Đã tiếp nhận" (already translated)
    signed_by: str = ""
    signed_at: str = ""
    signature: str = ""
    acknowledged_by: str = ""
    acknowledged_at: str = ""
    printed_by: str = ""
    printed_at: str = ""
    # The department on duty that day (rotation); printed under the shift label when set.
    duty_unit: str = ""


# --- Appendices II–V ------------------------------------------------------------------
# Times are given as datetimes (the renderers print "10 giờ 30 phút, ngày 27/11/2026");
# every other value is printed as it stands. A field left empty prints as the dotted
# blank of the regulation's template, to be filled in by hand.


@dataclass
class UrgentFax:
    """An outgoing fax ("ĐIỆN FAX ĐI") of the duty desk: Appendix II (the HQ duty desk
    asks a unit to coordinate, Art. 8 §2.3 c.2) and, through `SurveillanceFax`,
    Appendix V (the Anti-Smuggling Department, Art. 16 §4 b)."""

    agency_lines: list[str]  # issuing agency, top-down: ["TỔNG CỤC HẢI QUAN", "TRỰC BAN"]
    fax_number: str  # document number of the fax: "12/FAX-TB-HQ"
    sent_at: datetime  # "10 giờ 30 phút, ngày 27/11/2026"
    subject: str  # what follows "Về việc": "phối hợp kiểm tra lô hàng …"
    recipient: str  # "Kính gửi: …" — the unit's duty contact point
    recipient_fax: str  # the recipient's fax number: "0225.3836.123"
    content: str  # "Nội dung yêu cầu phối hợp thực hiện" (line breaks kept)
    deadline: str  # "Yêu cầu về thời gian xử lý, hồi báo"
    reply_channel: str = ""  # "Hình thức hồi báo": "Điện fax số …, thư điện tử …"
    contact: str = ""  # "Đầu mối phối hợp thực hiện": name and position
    contact_phone: str = ""
    signer_name: str = ""  # left blank to be signed by hand
    signer_title: str = ""  # position under the name: "Phó Cục trưởng Cục GSQL"
    signer_capacity: str = ""  # "" → the appendix's: "PHỤ TRÁCH TRỰC BAN" / "CỤC TRƯỞNG"
    basis: str = ""  # opening paragraph; "" → the appendix's wording
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận"; [] → the appendix's
    urgent: bool = True  # prints "(Khẩn)" beside "ĐIỆN FAX ĐI"
    issuer_fax: str = ""  # the issuing desk's own fax/phone line, printed under the number


@dataclass
class SurveillanceFax(UrgentFax):
    """Appendix V: the Anti-Smuggling Department's fax asking a unit to coordinate
    focused online surveillance under a plan (Art. 16 §4 b)."""

    plan: str = ""  # the focused-surveillance plan/theme: "Kế hoạch số 15/KH-ĐTCBL …"


@dataclass
class ProposalMeasure:
    """One measure proposed to the Director (Art. 8 §2.3 c.3)."""

    kind: str  # "Dừng thông quan" | "Dừng đưa hàng qua khu vực giám sát" | "Truy đuổi" | …
    detail: str = ""  # declaration, container, vehicle, unit to carry it out


@dataclass
class DirectorOpinion:
    """The Director's (or the authorised deputy's) opinion on a proposal."""

    text: str = ""  # empty → dotted lines to be written by hand
    name: str = ""
    title: str = ""  # "Tổng cục trưởng" | "Phó Tổng cục trưởng"
    given_at: datetime | None = None
    by_phone: bool = False  # given by phone and recorded by the duty desk
    recorded_by: str = ""  # who recorded a phone opinion: "Nguyễn Văn A, Lãnh đạo ca trực"


@dataclass
class Proposal:
    """Appendix III: the shift leader's proposal to the Director to intervene in the
    procedure (stop clearance, stop passing the gate, pursuit…), Art. 8 §2.3 c.3."""

    agency: str  # "TỔNG CỤC HẢI QUAN"
    desk_name: str  # "TRỰC BAN"
    place: str
    day: date
    occurred_at: str  # "Thời gian phát sinh, tiếp nhận thông tin"
    location: str  # "Địa điểm/địa bàn xảy ra"
    parties: str  # "Đơn vị/cá nhân có liên quan"
    facts: str  # "Nội dung vụ việc"
    analysis: str  # "Phân tích, nhận định"
    measures: list[ProposalMeasure]  # "Nội dung đề xuất xử lý"
    number: str = ""  # "Số: 05/ĐX-TB" (optional)
    proposal_note: str = ""  # free text after the measures
    basis: str = ""  # opening paragraph; "" → the appendix's wording
    signer_name: str = ""  # the shift leader
    signer_title: str = ""
    signer_capacity: str = "PHỤ TRÁCH TRỰC BAN"
    recipients: list[str] = field(default_factory=list)  # [] → "Tổng cục trưởng; Lưu: Trực ban."
    opinion: DirectorOpinion = field(default_factory=DirectorOpinion)
    # the head and the leadership of the agency, as the template names them in 2017
    # (the issuer gives today's names from the site's templates)
    head_title: str = "Tổng cục trưởng"      # "Kính trình …", "(… hoặc người được ủy quyền)"
    leadership: str = "lãnh đạo Tổng cục"    # "Ý kiến của …"


@dataclass
class ResultReport:
    """Appendix IV: a unit's report to the HQ duty desk on the result of a request
    (Art. 9 §3): timeline, result and, when late, causes and personal responsibility."""

    parent_agency: str  # "CỤC HẢI QUAN THÀNH PHỐ HẢI PHÒNG"
    unit: str  # "CHI CỤC HẢI QUAN CỬA KHẨU CẢNG HẢI PHÒNG KV III"
    place: str
    day: date
    request_number: str  # the fax/letter answered: "12/FAX-TB-HQ"
    request_date: date
    request_content: str
    received_at: datetime  # request received
    handled_at: datetime | None  # handling finished
    result: str
    deadline: str = ""  # the deadline set by the request, as it was written
    acknowledged_at: datetime | None = None  # contact point and ETA reported back (≤ 30 min)
    milestones: list[tuple[str, str]] = field(default_factory=list)  # extra (time, what)
    late: bool = False
    late_causes: str = ""
    responsibility: str = ""  # the officers responsible and their responsibility
    proposal: str = ""  # "Đề xuất (nếu có)"
    contact: str = ""
    contact_phone: str = ""
    requester: str = "Trực ban cơ quan Tổng cục Hải quan"  # whose request is answered
    request_kind: str = "điện fax/công văn"  # "điện fax" or "công văn" once known
    number: str = ""  # the report's own number: "45/BC-HQKV3"
    handling_unit: str = ""  # the team that handled it, "" → `unit`
    recipient: str = "Văn phòng Tổng cục (Phòng Tổng hợp – bộ phận trực ban)"
    signer_name: str = ""
    signer_title: str = ""
    signer_capacity: str = "LÃNH ĐẠO ĐƠN VỊ"
    recipients: list[str] = field(default_factory=list)  # [] → "Văn phòng Tổng cục; Lưu: VT."
