"""Vietnamese text handling: NFC normalisation and diacritic folding for search
("truc ban" finds "trực ban", "dieu tra" finds "điều tra": đ is folded too)."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[0-9a-z]+")


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def clean(value: str | None) -> str | None:
    """NFC, trimmed; None for nothing (an optional field of a record)."""
    if value is None:
        return None
    value = nfc(value).strip()
    return value or None


def fold(text: str | None) -> str:
    """Lower-case, strip every diacritic, map đ/Đ to d."""
    if not text:
        return ""
    # Ð (U+00D0) stands in for Đ in text converted from older Vietnamese encodings.
    text = text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D").replace("ð", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped.lower()).strip()


def tokens(text: str | None) -> list[str]:
    """The folded search tokens of a query or a document."""
    return _TOKEN.findall(fold(text))
