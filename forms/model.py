"""The print model: plain dataclasses the core fills and the form renderers print.

Nothing here knows about the database or about PDF; every value is already
translated, formatted and ready to be printed as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
