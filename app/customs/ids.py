"""The identifiers the customs systems send, checked and written one way
(DOMAIN.md "Identifiers and their checks"): the declaration number (12 digits, keyed
on the first 11), the container number (ISO 6346 with its check digit, written
"CSQU 305438-3" by many readers), the tax code (10 digits with its check digit, 13
for a branch, or the 12-digit personal number python-stdnum's `vn.mst` does not
know), the IMO number, the MMSI, the vehicle plate, the HS code; and the feeds'
times, which may come without a zone (the office's local time).

Every check raises `BadValue` with a Vietnamese reason (the quarantine keeps it with
the record); python-stdnum does the check digits."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from stdnum import imo as _imo
from stdnum import iso6346 as _iso6346
from stdnum.exceptions import ValidationError as _StdnumError
from stdnum.vn import mst as _mst

from app.clock import to_utc


class BadValue(ValueError):
    """A value that fails its check; `str()` is the reason, in Vietnamese (record text)."""


_SEPARATORS = re.compile(r"[\s.\-_/]+")


def declaration_number(value: object) -> tuple[str, int]:
    """(the 11 digits that key a declaration, its amendment count) of a 12-digit number."""
    text = _SEPARATORS.sub("", str(value or ""))
    if not re.fullmatch(r"[0-9]{12}", text):
        raise BadValue(f"số tờ khai {str(value)[:40]!r} không phải 12 chữ số")
    return text[:11], int(text[11])


def declaration_key(value: object) -> str:
    """The 11-digit key of a number given with 11 or 12 digits."""
    text = _SEPARATORS.sub("", str(value or ""))
    if not re.fullmatch(r"[0-9]{11,12}", text):
        raise BadValue(f"số tờ khai {str(value)[:40]!r} không phải 11–12 chữ số")
    return text[:11]


def container_number(value: object) -> str:
    """An ISO 6346 container number, compact ("CSQU3054383"), its check digit valid."""
    text = _SEPARATORS.sub("", str(value or "")).upper()
    try:
        return str(_iso6346.validate(text))
    except _StdnumError:
        raise BadValue(f"số container {str(value)[:40]!r} sai định dạng hoặc sai số kiểm tra "
                       f"(ISO 6346)") from None


def tax_code(value: object) -> str:
    """A tax code, compact: 10 digits (check digit valid), 13 for a branch (10 + 001–999),
    or a 12-digit personal number (individuals and household businesses since 1 July
    2025, no check digit)."""
    text = _SEPARATORS.sub("", str(value or ""))
    if re.fullmatch(r"[0-9]{12}", text):
        return text
    try:
        return str(_mst.validate(text))
    except _StdnumError:
        raise BadValue(f"mã số thuế {str(value)[:40]!r} không hợp lệ (10 chữ số có số kiểm "
                       f"tra, 13 chữ số của chi nhánh, hoặc 12 chữ số định danh cá nhân)") from None


def tax_code_root(code: str) -> str:
    """The enterprise a tax code belongs to: its first 10 digits (a branch's 13 digits
    belong to the 10-digit enterprise); a 12-digit personal number is its own."""
    return code if len(code) == 12 else code[:10]


def imo_number(value: object) -> str:
    """A 7-digit IMO number (an "IMO" prefix allowed), its check digit valid."""
    text = _SEPARATORS.sub("", str(value or "")).upper()
    try:
        return str(_imo.validate(text))
    except _StdnumError:
        raise BadValue(f"số IMO {str(value)[:40]!r} không hợp lệ") from None


def mmsi(value: object) -> str:
    """A ship station's MMSI: 9 digits, its MID (first three) 201–775."""
    text = _SEPARATORS.sub("", str(value or ""))
    if not re.fullmatch(r"[2-7][0-9]{8}", text) or not 201 <= int(text[:3]) <= 775:
        raise BadValue(f"số MMSI {str(value)[:40]!r} không hợp lệ")
    return text


def plate(value: object) -> str:
    """A vehicle plate written for matching: upper case, no spaces, dots or dashes
    ("15C-123.45" → "15C12345")."""
    text = _SEPARATORS.sub("", str(value or "")).upper()
    if not re.fullmatch(r"[0-9A-Z]{4,12}", text):
        raise BadValue(f"biển số {str(value)[:40]!r} không hợp lệ")
    return text


def hs_code(value: object, min_digits: int = 4) -> str:
    """An HS code or prefix: 4–8 digits (8 for a goods line)."""
    text = _SEPARATORS.sub("", str(value or ""))
    if not re.fullmatch(rf"[0-9]{{{min_digits},8}}", text):
        raise BadValue(f"mã HS {str(value)[:40]!r} không phải {min_digits}–8 chữ số")
    return text


def bill_of_lading(value: object) -> str:
    """A bill of lading number: upper-case alphanumerics (no checksum)."""
    text = re.sub(r"[^0-9A-Za-z]", "", str(value or "")).upper()
    if not 3 <= len(text) <= 35:
        raise BadValue(f"số vận đơn {str(value)[:40]!r} không hợp lệ")
    return text


def feed_time(value: object) -> datetime:
    """A feed's ISO 8601 time as UTC naive; without a zone it is the office's local
    time (Asia/Ho_Chi_Minh), as legacy systems send it."""
    text = str(value or "").strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise BadValue(f"thời gian {text[:40]!r} không đúng định dạng ISO 8601") from None
    if parsed.tzinfo is None:
        return to_utc(parsed)
    return parsed.astimezone(UTC).replace(tzinfo=None)


def optional_time(value: object) -> datetime | None:
    return None if value in (None, "") else feed_time(value)


__all__ = ["BadValue", "bill_of_lading", "container_number", "declaration_key",
           "declaration_number", "feed_time", "hs_code", "imo_number", "mmsi",
           "optional_time", "plate", "tax_code", "tax_code_root"]
