"""Vietnamese text from legacy 8-bit encodings, normalised to Unicode NFC.

Why this exists: the older customs systems that feed us records (company names,
addresses, declarants) were built before Unicode was the norm in Vietnam, and
much of their text was typed with the legacy Vietnamese *font encodings*. The
bytes of such text only mean Vietnamese when displayed in the matching font; by
the time a record reaches us it has been decoded as if it were Windows-1252
(cp1252) or ISO 8859-1 (latin-1), so we receive mojibake such as "C«ng ty" or
"Coâng ty" where the record means "Công ty". This module recognises the two
encodings that account for nearly all such text and converts it.

The encodings:

- TCVN3, also called ABC or VN3 (TCVN 5712:1993, fonts ".VnTime", ".VnArial"):
  one byte per letter. ASCII is kept; the bytes 0xA1-0xFE hold the Vietnamese
  letters: the uppercase base letters Ă Â Ê Ô Ơ Ư Đ (0xA1-0xA7), their lowercase
  forms (0xA8-0xAE) and every lowercase toned vowel (0xB5-0xFE). There are no
  uppercase toned vowels: an uppercase "Ố" is the byte for "ố" shown in an
  uppercase font (".VnTimeH"), so the bytes mean, and `from_tcvn3` returns, the
  lowercase toned letter ("HÀ NỘI" typed in TCVN3 comes back as "Hà NộI").
  The extra uppercase letters of the VN1 variant of the standard, and its
  combining tone marks at 0xB0-0xB4, are not decoded (they pass through).
- VNI-Windows (fonts "VNI-Times", "VNI-Helve"): a base letter followed by a
  marker byte for the vowel modifier and the tone, both in one byte where a
  circumflex or breve is combined with a tone ("aù" á, "aâ" â, "aá" ấ, "aê" ă,
  "aé" ắ). ơ and ư are single bytes ("ô", "ö") followed by a tone marker
  ("ôù" ớ, "öø" ừ); the toned i's, ỵ and đ are single bytes ("í", "ì", "æ" ỉ,
  "ó" ĩ, "ò" ị, "î" ỵ, "ñ" đ). Uppercase letters take the uppercase marker bytes
  ("COÂNG", "Ñ" Đ).

Neither encoding uses the bytes 0x80-0x9F for letters, so the text reads the
same whether it was decoded as cp1252 or as latin-1 (cp1252's typographic
punctuation at those bytes, "–", "“", "…", is carried through as punctuation).

Detection (`detect`) is deliberately conservative: converting good Unicode text
corrupts a record, not converting legacy text merely leaves it as it arrived.
Text is classified as legacy only when

1. every character is ASCII, latin-1 or cp1252 punctuation (anything else, such
   as "ạ", "Đ", a combining accent, "Ł" or a CJK character, means Unicode);
2. it contains at least one character that is *not* a letter of Unicode
   Vietnamese ("«", "µ", "ø", "ñ", "ö", ...): text whose every letter is already
   a Vietnamese letter ("São Paulo", "Lê Bá Tô") is left alone;
3. the decoding consumes every non-ASCII character (for VNI: every marker
   follows a letter it can modify) and yields only ASCII, Vietnamese letters and
   punctuation;
4. every word of the decoded text that has a Vietnamese letter is a well-formed
   Vietnamese syllable (initial consonant, rhyme, at most one tone, and only the
   acute or dot-below tone on a syllable ending in p, t, c or ch) or an
   abbreviation ("đ" the currency, "QĐ", "NĐ"), and at least one syllable of two
   or more letters starts with a consonant or has a letter outside latin-1
   ("Müller" would be "Mỹller" in TCVN3, not a syllable; "20µm" would be
   "20àm", no evidence); and
5. the other encoding fails rule 3 or the first part of rule 4 (an ambiguous
   text is left alone).

Limits: a short legacy text can be indistinguishable from Unicode and is then
left unconverted. In particular VNI text whose markers are all latin-1
Vietnamese letters ("Nguyeãn Vaên Tuù" for "Nguyễn Văn Tú", "Coâng ty") passes
for Unicode by rule 2, as does TCVN3 text such as "Céng" (Cộng); a lone letter
such as "ë" (ở) gives too little evidence. Callers that know the source
system's encoding should call `from_tcvn3` or `from_vni` directly. Text that
mixes Unicode with legacy bytes, UTF-8 read as cp1252 ("CÃ´ng"), and the other
legacy encodings (VISCII, VPS, VIQR) are not recognised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import groupby
from typing import Literal

__all__ = ["Encoding", "detect", "from_tcvn3", "from_vni", "normalise_vietnamese"]

Encoding = Literal["unicode", "tcvn3", "vni", "ascii"]

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_TONES = frozenset((_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _letters() -> frozenset[str]:
    bases = ("a", "a" + _BREVE, "a" + _CIRCUMFLEX, "e", "e" + _CIRCUMFLEX, "i", "o",
             "o" + _CIRCUMFLEX, "o" + _HORN, "u", "u" + _HORN, "y")
    lower = {_nfc(base + tone) for base in bases for tone in ("", *sorted(_TONES))}
    lower.add("đ")
    lower -= set("aeiouy")
    return frozenset(lower | {c.upper() for c in lower})


# The 134 letters of Vietnamese beyond ASCII (66 vowel forms and đ, in both cases).
_VN_LETTERS = _letters()
# Those of them that latin-1 has too: à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals.
_VN_LATIN1 = frozenset(c for c in _VN_LETTERS if ord(c) <= 0xFF)
# Punctuation that may sit among legacy letters: no-break space, and cp1252's
# typographic punctuation at 0x80-0x9F (bytes neither encoding uses for letters).
_NEUTRAL = frozenset("\u00a0€‚„…†‡‰‹›‘’“”•–—™")

# TCVN3 (TCVN 5712:1993 VN3), byte -> letter. The byte is the character of the same
# code point once the text has been read as latin-1 or cp1252 (0xA1-0xFE agree).
_TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ",
    0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3 = {chr(byte): letter for byte, letter in _TCVN3_BYTES.items()}
_TCVN3_TRANSLATE = str.maketrans(_TCVN3)

# VNI-Windows markers (lowercase; the uppercase marker is the uppercase character).
_VNI_TONE = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# Letters that are one byte, and the two that take a tone marker after them.
_VNI_SINGLE_LOWER = {"ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_HORN_LOWER = {"ô": "ơ", "ö": "ư"}
_VNI_SINGLE = {**_VNI_SINGLE_LOWER,
               **{k.upper(): v.upper() for k, v in _VNI_SINGLE_LOWER.items()}}
_VNI_HORN = {**_VNI_HORN_LOWER, **{k.upper(): v.upper() for k, v in _VNI_HORN_LOWER.items()}}
_VNI_TONE_BASES = frozenset("aeouyAEOUY") | frozenset(_VNI_HORN)


def _tcvn3_decode(text: str) -> tuple[str, bool]:
    """The decoded text, and whether every non-ASCII character was TCVN3."""
    clean = all(c.isascii() or c in _NEUTRAL or c in _TCVN3 for c in text)
    return _nfc(text.translate(_TCVN3_TRANSLATE)), clean


def _vni_decode(text: str) -> tuple[str, bool]:
    """The decoded text, and whether every non-ASCII character was VNI (each marker
    after a letter it can modify)."""
    out: list[str] = []
    clean = True
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        i += 1
        if c in _VNI_TONE_BASES:
            base = _VNI_HORN.get(c, c)
            marker = text[i].lower() if i < n else ""
            if c in "aeoAEO" and marker in _VNI_CIRCUMFLEX:
                base += _CIRCUMFLEX + _VNI_CIRCUMFLEX[marker]
                i += 1
            elif c in "aA" and marker in _VNI_BREVE:
                base += _BREVE + _VNI_BREVE[marker]
                i += 1
            elif marker in _VNI_TONE:
                base += _VNI_TONE[marker]
                i += 1
            out.append(_nfc(base))
        elif c in _VNI_SINGLE:
            out.append(_VNI_SINGLE[c])
        else:
            out.append(c)
            if not (c.isascii() or c in _NEUTRAL):
                clean = False
    return _nfc("".join(out)), clean


def from_tcvn3(text: str) -> str:
    """Decode TCVN3 (ABC) text that was read as cp1252/latin-1; Unicode NFC.

    Characters that are not TCVN3 letters pass through unchanged; toned vowels come
    back lowercase, since TCVN3 has no uppercase toned letters."""
    return _tcvn3_decode(_nfc(text))[0]


def from_vni(text: str) -> str:
    """Decode VNI-Windows text that was read as cp1252/latin-1; Unicode NFC.

    A marker that does not follow a letter it can modify passes through unchanged."""
    return _vni_decode(_nfc(text))[0]


# Well-formed Vietnamese syllables, tone removed: initial consonant and rhyme.
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_RHYME_TABLE = """
    a ai ao au ay ac ach am an ang anh ap at
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e eo ec em en eng ep et
    ê êu êch êm ên ênh êp êt
    i ia iu ich im in inh ip it iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêt yêu
    o oi oc om on ong op ot ooc oong
    oa oai oao oay oac oach oam oan oang oanh oap oat
    oăc oăm oăn oăng oăp oăt oe oeo oen oet
    ô ôi ôc ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua ui uc um un ung up ut
    uân uâng uât uây uê uêch uên uênh uơ
    uy uya uych uyên uyêt uynh uyt uyu
    uôc uôi uôm uôn uông uôt
    ư ưa ưi ưu ưc ưm ưn ưng ưt
    ươc ươi ươm ươn ương ươp ươt ươu
"""
_RHYMES = _RHYME_TABLE.split()
# After "qu" the u is the glide: qua, quăn, quân, que, quê, qui, quy, quơ, quốc.
_QU_RHYMES = [r for r in _RHYMES if r[0] in "aăâeêiyơ"] + ["ôc", "ynh", "yt", "ych", "yu"]


def _alternation(items: list[str] | tuple[str, ...]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


_SYLLABLE = re.compile(
    f"(?:qu(?:{_alternation(_QU_RHYMES)})|(?:{_alternation(_ONSETS)})?(?:{_alternation(_RHYMES)}))"
)
_STOP_FINAL = ("p", "t", "c", "ch")
_CONSONANTS = frozenset("bcdđghklmnpqrstvx")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    toneless = _nfc("".join(c for c in decomposed if c not in _TONES))
    if not _SYLLABLE.fullmatch(toneless):
        return False
    return not (tones and tones[0] not in (_ACUTE, _DOT) and toneless.endswith(_STOP_FINAL))


def _is_abbreviation(word: str) -> bool:
    """"đ" (the currency), or capitals with Đ: "QĐ" (quyết định), "NĐ", "ĐKKD"."""
    return word in ("đ", "Đ") or (len(word) >= 2 and "Đ" in word
                                  and all(c == "Đ" or "A" <= c <= "Z" for c in word))


def _words(text: str) -> Iterator[str]:
    for is_letter, run in groupby(text, key=str.isalpha):
        if is_letter:
            yield from _CAMEL.split("".join(run))


def _reading(decoded: str) -> int:
    """How decoded text reads as Vietnamese: 0 not at all (a character that is not
    ASCII, a Vietnamese letter or punctuation, or a word that is not a syllable),
    1 well-formed but with no evidence (rule 4), 2 well-formed with evidence."""
    if not all(c.isascii() or c in _NEUTRAL or c in _VN_LETTERS for c in decoded):
        return 0
    evidence = False
    for word in _words(decoded):
        if word.isascii() or _is_abbreviation(word):
            continue
        if not _is_syllable(word):
            return 0
        if len(word) >= 2 and (word[0].lower() in _CONSONANTS
                               or any(ord(c) > 0xFF for c in word)):
            evidence = True
    return 2 if evidence else 1


_DECODERS: tuple[tuple[Encoding, Callable[[str], tuple[str, bool]]], ...] = (
    ("tcvn3", _tcvn3_decode), ("vni", _vni_decode))


def detect(text: str) -> Encoding:
    """How `text` (looked at in NFC) is encoded: "ascii", "unicode" (including
    anything that is not recognisably legacy), "tcvn3" or "vni". See the module
    docstring for the rule and its limits."""
    text = _nfc(text)
    if text.isascii():
        return "ascii"
    suspicious = False
    for c in text:
        if c.isascii() or c in _NEUTRAL or c in _VN_LATIN1:
            continue
        if ord(c) > 0xFF:
            return "unicode"
        suspicious = True
    if not suspicious:
        return "unicode"
    readings: dict[Encoding, int] = {}
    for encoding, decode in _DECODERS:
        decoded, clean = decode(text)
        readings[encoding] = _reading(decoded) if clean else 0
    # Legacy when one encoding reads with evidence and the other does not read at
    # all: "NÑ" is "NĐ" in VNI (an abbreviation, no evidence) and "Nẹ" in TCVN3.
    found = [encoding for encoding, reading in readings.items() if reading == 2]
    others = [encoding for encoding, reading in readings.items() if reading == 1]
    return found[0] if len(found) == 1 and not others else "unicode"


def normalise_vietnamese(text: str) -> str:
    """`text` in Unicode NFC, decoded from TCVN3 or VNI-Windows if `detect` finds it
    is one of them. Never raises on a str; idempotent (its output is never taken for
    legacy text)."""
    text = _nfc(text)
    encoding = detect(text)
    if encoding == "tcvn3":
        return from_tcvn3(text)
    if encoding == "vni":
        return from_vni(text)
    return text
