"""Vietnamese text from the legacy TCVN3 (ABC) and VNI-Windows encodings
(app/vn_legacy.py): the code tables letter by letter, known mojibake, record
names through both encodings, text that must be left alone, and properties.

The encoders below are the inverse of the module's decoders, written
independently of its tables (TCVN3 as rows of the vowel chart, VNI as the marker
sequence of each letter), so that a wrong code point on either side shows up."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import app.vn_legacy as vn_legacy
from app.vn_legacy import detect, from_tcvn3, from_vni, normalise_vietnamese

# Each vowel with no tone, then huyền (grave), sắc (acute), hỏi (hook), ngã (tilde),
# nặng (dot below).
VOWEL_ROWS = ("aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
              "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ")

# TCVN3 as latin-1 characters, in the same order. "\xad" is the soft hyphen (ư).
TCVN3_ROWS = ("aµ¸¶·¹", "¨»¾¼½Æ", "©ÇÊÈÉË", "eÌÐÎÏÑ", "ªÒÕÓÔÖ", "i×ÝØÜÞ",
              "oßãáâä", "«åèæçé", "¬êíëìî", "uïóñòô", "\xadõøö÷ù", "yúýûüþ")
TCVN3_UPPER = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

# VNI-Windows: the base letter and its marker(s), in the same order.
VNI_ROWS = (
    ("a", "aø", "aù", "aû", "aõ", "aï"),
    ("aê", "aè", "aé", "aú", "aü", "aë"),
    ("aâ", "aà", "aá", "aå", "aã", "aä"),
    ("e", "eø", "eù", "eû", "eõ", "eï"),
    ("eâ", "eà", "eá", "eå", "eã", "eä"),
    ("i", "ì", "í", "æ", "ó", "ò"),
    ("o", "oø", "où", "oû", "oõ", "oï"),
    ("oâ", "oà", "oá", "oå", "oã", "oä"),
    ("ô", "ôø", "ôù", "ôû", "ôõ", "ôï"),
    ("u", "uø", "uù", "uû", "uõ", "uï"),
    ("ö", "öø", "öù", "öû", "öõ", "öï"),
    ("y", "yø", "yù", "yû", "yõ", "î"),
)

LOWER_LETTERS = "".join(VOWEL_ROWS) + "đ"
ALL_LETTERS = [c for c in LOWER_LETTERS + LOWER_LETTERS.upper() if not c.isascii()]

_TCVN3 = {u: t for urow, trow in zip(VOWEL_ROWS, TCVN3_ROWS, strict=True)
          for u, t in zip(urow, trow, strict=True)} | {"đ": "®"}
_VNI = {u: v for urow, vrow in zip(VOWEL_ROWS, VNI_ROWS, strict=True)
        for u, v in zip(urow, vrow, strict=True)} | {"đ": "ñ"}

TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def toned(letter: str) -> bool:
    return any(c in TONE_MARKS for c in unicodedata.normalize("NFD", letter))


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as latin-1 characters; an uppercase toned vowel is written
    with its lowercase glyph, as TCVN3 has none."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in _TCVN3:
            out.append(_TCVN3[c])
        elif c in TCVN3_UPPER:
            out.append(TCVN3_UPPER[c])
        elif c.lower() in _TCVN3 and toned(c):
            out.append(_TCVN3[c.lower()])
        else:
            out.append(c)
    return "".join(out)


def tcvn3_meaning(text: str) -> str:
    """What TCVN3 bytes of `text` mean: uppercase toned vowels become lowercase."""
    return "".join(c.lower() if c.isupper() and toned(c) else c
                   for c in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    """Unicode -> VNI-Windows as latin-1 characters (uppercase letters take the
    uppercase markers)."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        if c in _VNI:
            out.append(_VNI[c])
        elif c.lower() in _VNI:
            out.append(_VNI[c.lower()].upper())
        else:
            out.append(c)
    return "".join(out)


def test_the_letter_tables_cover_the_134_letters() -> None:
    assert len(ALL_LETTERS) == len(set(ALL_LETTERS)) == 134
    assert set(ALL_LETTERS) == vn_legacy._VN_LETTERS
    assert all(unicodedata.is_normalized("NFC", c) for c in ALL_LETTERS)
    # 67 TCVN3 characters for the lowercase letters (12 bases, 60 toned, đ;
    # a e i o u y being ASCII) plus the 7 uppercase bases, all different.
    tcvn3 = [t for t in _TCVN3.values() if not t.isascii()] + list(TCVN3_UPPER.values())
    assert len(tcvn3) == len(set(tcvn3)) == 74
    assert all(0xA1 <= ord(t) <= 0xFE for t in tcvn3)
    assert len(set(_VNI.values())) == len(_VNI) == 73


# --- TCVN3 -------------------------------------------------------------------

@pytest.mark.parametrize(("legacy", "unicode"), [
    ("C«ng ty", "Công ty"),
    ("Hµ Néi", "Hà Nội"),
    ("§", "Đ"), ("®", "đ"), ("¬", "ơ"), ("\u00ad", "ư"),
    ("¨", "ă"), ("©", "â"), ("ª", "ê"), ("«", "ô"),
    ("¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"),
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Tr­êng", "Trường"),
    ("Thµnh phè Hå ChÝ Minh", "Thành phố Hồ Chí Minh"),
    ("Bé Tµi chÝnh", "Bộ Tài chính"),
    ("QuyÕt ®Þnh sè 888/Q§-TCHQ", "Quyết định số 888/QĐ-TCHQ"),
    ("HµNG HãA XUÊT NHËP KHÈU", "HàNG HóA XUấT NHậP KHẩU"),
])
def test_tcvn3_known_text(legacy: str, unicode: str) -> None:
    assert from_tcvn3(legacy) == unicode


@pytest.mark.parametrize("letter", ALL_LETTERS + list("aeiouyAEIOUY"))
def test_every_letter_round_trips_through_tcvn3(letter: str) -> None:
    assert from_tcvn3(to_tcvn3(letter)) == tcvn3_meaning(letter)


def test_tcvn3_uppercase_toned_vowels_come_back_lowercase() -> None:
    assert to_tcvn3("Ố") == to_tcvn3("ố") == "è"
    assert from_tcvn3(to_tcvn3("HÀ NỘI")) == "Hà NộI"
    assert from_tcvn3(to_tcvn3("ĐÔNG ƯƠNG")) == "ĐÔNG ƯƠNG"   # toneless: kept


def test_tcvn3_leaves_other_characters_alone() -> None:
    text = "ASCII 0-9 ° ± ² ³ ´ ¯ º ¿ À Á Â Ã Ä Å Í Ù Ú Û à ð ÿ ‘’“”–— \x00\n\t"
    assert from_tcvn3(text) == text
    assert from_tcvn3("Cafe\u0301") == "Cafộ"   # looked at in NFC, as detect() does


# --- VNI ---------------------------------------------------------------------

@pytest.mark.parametrize(("legacy", "unicode"), [
    ("Coâng ty", "Công ty"),
    ("Haø Noäi", "Hà Nội"),
    ("ñ", "đ"), ("Ñ", "Đ"), ("ö", "ư"), ("öô", "ươ"), ("ô", "ơ"), ("Ö", "Ư"), ("Ô", "Ơ"),
    ("Tröôøng", "Trường"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
    ("tænh Quaûng Ninh", "tỉnh Quảng Ninh"),
    ("COÂNG TY TNHH THÖÔNG MAÏI", "CÔNG TY TNHH THƯƠNG MẠI"),
    ("ÑOÃ QUANG HUY", "ĐỖ QUANG HUY"),
    ("Ñaø Naüng", "Đà Nẵng"),
    ("Myõ, Kyø, Kyû, kyù, Mî", "Mỹ, Kỳ, Kỷ, ký, Mỵ"),
    # a marker after a letter it cannot modify passes through
    ("Müller, Zoë, Noël, Señor", "Müller, Zoë, Noël, Seđor"),
])
def test_vni_known_text(legacy: str, unicode: str) -> None:
    assert from_vni(legacy) == unicode


@pytest.mark.parametrize("letter", ALL_LETTERS + list("aeiouyAEIOUY"))
def test_every_letter_round_trips_through_vni(letter: str) -> None:
    assert from_vni(to_vni(letter)) == letter


def test_the_whole_alphabet_in_a_row_round_trips() -> None:
    alphabet = "".join(ALL_LETTERS) + "aeiouyAEIOUY"
    assert from_vni(to_vni(alphabet)) == alphabet
    assert from_tcvn3(to_tcvn3(alphabet)) == tcvn3_meaning(alphabet)


# --- Records: detection and normalisation ------------------------------------

RECORDS = [
    "Công ty TNHH Thương mại Hải Minh",
    "Tổng công ty Tân Cảng Sài Gòn",
    "Nguyễn Thị Thu Hà",
    "Đỗ Quang Huy",
    "CÔNG TY TNHH THƯƠNG MẠI HẢI MINH",
    "Công ty Cổ phần Xuất nhập khẩu Thủy sản Cần Thơ",
    "Số 12 đường Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh",
    "Chi cục Hải quan cửa khẩu cảng Cái Mép",
    "Quyết định số 888/QĐ-TCHQ ngày 12/3/2019",
    "Đơn giá: 1.200.000 đ/tấn",
    "Trường Đại học Ngoại thương",
    "Khu công nghiệp Quế Võ, tỉnh Bắc Ninh",
    "Hạt điều, cà phê, gạo",
]


@pytest.mark.parametrize("record", RECORDS)
def test_a_tcvn3_record_is_detected_and_converted(record: str) -> None:
    legacy = to_tcvn3(record)
    assert detect(legacy) == "tcvn3"
    assert normalise_vietnamese(legacy) == tcvn3_meaning(record)


@pytest.mark.parametrize("record", RECORDS)
def test_a_vni_record_is_detected_and_converted(record: str) -> None:
    legacy = to_vni(record)
    assert detect(legacy) == "vni"
    assert normalise_vietnamese(legacy) == record


@pytest.mark.parametrize("record", RECORDS)
def test_a_unicode_record_is_left_alone(record: str) -> None:
    assert detect(record) == "unicode"
    assert normalise_vietnamese(record) == record
    decomposed = unicodedata.normalize("NFD", record)
    assert detect(decomposed) == "unicode"
    assert normalise_vietnamese(decomposed) == record


@pytest.mark.parametrize("text", [
    "Müller GmbH", "São Paulo", "Đỗ Quang Huy", "Lê Bá Tô", "José Martínez", "François",
    "Björk Guðmundsdóttir", "Ærø", "Ångström", "Señor Peña", "Zürich", "Noël", "Crème brûlée",
    "naïve", "Gauß", "Øresund", "Smørrebrød", "Århus", "Jyväskylä", "Saint-Étienne", "Ça va",
    "Köln", "Düsseldorf", "Málaga", "Bogotá", "Curaçao", "Reykjavík", "Þingvellir", "Łódź",
    "10µm", "25°C", "© 2024 ACME®", "½ kg", "3 × 4", "±5%", "«quoted»", "¿Qué?", "¡Hola!",
    "ö", "Ö", "Öl", "Straße", "Jönköping", "Tüm Türk", "Mu\u0308ller", "CÃ´ng ty",
    "Dvořák", "東京", "Москва", "Ðào", "\u00a0", "A – B", "Café au lait",
])
def test_foreign_and_unicode_text_is_left_alone(text: str) -> None:
    assert detect(text) in ("unicode", "ascii")
    assert normalise_vietnamese(text) == unicodedata.normalize("NFC", text)


def test_ascii_is_ascii() -> None:
    assert detect("") == detect("Cong ty TNHH 123") == "ascii"
    assert normalise_vietnamese("Cong ty TNHH 123") == "Cong ty TNHH 123"


def test_the_limits_of_detection() -> None:
    # VNI text whose every marker is a latin-1 Vietnamese letter passes for Unicode.
    assert detect("Nguyeãn Vaên Tuù") == "unicode"
    assert from_vni("Nguyeãn Vaên Tuù") == "Nguyễn Văn Tú"
    # A lone letter is too little evidence.
    assert normalise_vietnamese("ë") == "ë"
    # Ambiguous: "Ñ/c Sôn" is "Đ/c Sơn" in VNI and "ẹ/c Sụn" in TCVN3.
    assert detect("Ñ/c Sôn") == "unicode"
    # "NÑ" is "NĐ" in VNI (an abbreviation, no evidence) but "Nẹ" in TCVN3.
    assert detect("Decree 30/2020/NÑ-CP") == "unicode"


# --- Properties -----------------------------------------------------------------

_LATIN1 = st.characters(max_codepoint=0xFF)
_LEGACY_ISH = st.sampled_from(sorted(set(
    "".join(TCVN3_ROWS) + "".join(TCVN3_UPPER.values()) + "®"
    + "".join("".join(row) for row in VNI_ROWS) + "ñÑ" + "abcdghiklmnopqrstuvxy ÂÊÔÖ"
)))


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.text(_LATIN1), st.text(_LEGACY_ISH, max_size=30)))
def test_normalise_never_raises_returns_nfc_and_is_idempotent(text: str) -> None:
    result = normalise_vietnamese(text)
    assert unicodedata.is_normalized("NFC", result)
    assert normalise_vietnamese(result) == result
    assert detect(result) in ("unicode", "ascii")


_VIETNAMESE = st.text(st.sampled_from(ALL_LETTERS + list(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")))


@settings(max_examples=400, deadline=None)
@given(_VIETNAMESE)
def test_normalise_is_the_identity_on_vietnamese_letters_digits_and_spaces(text: str) -> None:
    assert normalise_vietnamese(text) == text
    assert detect(text) in ("unicode", "ascii")


@settings(max_examples=300, deadline=None)
@given(_VIETNAMESE)
def test_the_encoders_and_decoders_are_inverse(text: str) -> None:
    assert from_vni(to_vni(text)) == text
    assert from_tcvn3(to_tcvn3(text)) == tcvn3_meaning(text)


# Well-formed syllables: initial, rhyme, tone (placed on the rhyme's first vowel
# that carries a modifier, else on its last vowel).
_INITIALS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh",
             "ph", "qu", "s", "t", "th", "tr", "v", "x"]
_RHYMES = ["a", "ai", "anh", "ăn", "âu", "ây", "e", "em", "ê", "ênh", "i", "inh", "iêu", "iên",
           "o", "oa", "oan", "ong", "ô", "ôi", "ông", "ơ", "ơi", "u", "ua", "uân", "uy", "uyên",
           "ư", "ưa", "ưng", "ươi", "ương", "ươu", "y", "yên"]
_STOP_RHYMES = ["ac", "ach", "ăt", "âp", "ec", "êch", "ich", "iêt", "oc", "ôt", "ơp", "uc",
                "ưc", "ươc", "uât", "uyêt"]
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_MODIFIED = set("ăâêôơư")
_VOWELS = set("aăâeêioôơuưy")


def _syllable(initial: str, rhyme: str, tone: str, capital: bool) -> str:
    if initial == "qu" and rhyme[0] in "uô" and rhyme != "uy":
        initial = "t"
    place = next((i for i, c in enumerate(rhyme) if c in _MODIFIED),
                 max(i for i, c in enumerate(rhyme) if c in _VOWELS))
    word = unicodedata.normalize("NFC", initial + rhyme[:place + 1] + tone + rhyme[place + 1:])
    return word[:1].upper() + word[1:] if capital else word


_SYLLABLES = st.one_of(
    st.builds(_syllable, st.sampled_from(_INITIALS), st.sampled_from(_RHYMES),
              st.sampled_from(_TONES), st.booleans()),
    st.builds(_syllable, st.sampled_from(_INITIALS), st.sampled_from(_STOP_RHYMES),
              st.sampled_from(["\u0301", "\u0323"]), st.booleans()),
)
_PHRASES = st.lists(_SYLLABLES, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_PHRASES)
def test_legacy_vietnamese_is_converted_right_or_left_as_it_is(phrase: str) -> None:
    assert normalise_vietnamese(phrase) == phrase
    tcvn3 = to_tcvn3(phrase)
    assert normalise_vietnamese(tcvn3) in (tcvn3_meaning(phrase), tcvn3)
    vni = to_vni(phrase)
    assert normalise_vietnamese(vni) in (phrase, vni)


def test_the_module_needs_only_the_standard_library() -> None:
    tree = ast.parse(Path(vn_legacy.__file__).read_text(encoding="utf-8"))
    modules = {alias.name.split(".")[0] for node in ast.walk(tree)
               if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module}
    assert modules <= {"__future__", "collections", "itertools", "re", "typing", "unicodedata"}
