"""The one Arabic normaliser shared by search and entity matching.

Folding steps (BRIEF.md, "Storage"): NFKC (undoes PDF presentation forms),
bidi and format controls removed, tashkeel and tatweel removed, أ/إ/آ/ٱ→ا,
ى→ي, ة→ه, Arabic-Indic digits → 0-9, lower-cased Latin.

``normalize_with_map`` also returns, for each output character, the index of
the input character it came from, so a match found in normalised text can be
reported as a span of the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Bidi controls and other format characters (ZWJ/ZWNJ, BOM, soft hyphen...).
_FORMAT_CATEGORIES = {"Cf"}
_TATWEEL = "\u0640"
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": "",
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
    }
    | {chr(0x0660 + d): str(d) for d in range(10)}  # Arabic-Indic digits
    | {chr(0x06F0 + d): str(d) for d in range(10)}  # Extended (Persian) digits
)

# Proclitics, in the order they attach: conjunction, then preposition, then article.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_MIN_STEM = 2

WORD_RE = re.compile(r"[\w]+", re.UNICODE)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Normalise one input character to zero or more output characters."""
    if unicodedata.category(ch) in _FORMAT_CATEGORIES or ch == _TATWEEL:
        return ""
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if unicodedata.category(c) == "Mn":  # tashkeel and other combining marks
            continue
        out.append(c)
    return "".join(out).translate(_FOLD).lower()


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character (C speed after)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Return the normalised text and, per output char, its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    table = _TABLE
    for i, ch in enumerate(text):
        folded = table[ord(ch)]
        if folded:
            out.append(folded)
            index.extend([i] * len(folded))
    return "".join(out), index


def fold_chars(text: str) -> str:
    """``text`` folded character by character, whitespace kept: the text of
    ``normalize_with_map`` without its map, at C speed."""
    return text.translate(_TABLE)


def normalize(text: str) -> str:
    """Fold ``text`` for matching and search; whitespace is collapsed."""
    return " ".join(text.translate(_TABLE).split())


def words(text: str) -> list[str]:
    """Normalised words of ``text``."""
    return WORD_RE.findall(normalize(text))


def strip_clitics(word: str) -> list[str]:
    """All readings of a normalised word with its proclitics removed.

    «والحرس» → ["والحرس", "الحرس", "حرس"]; «بالحرس» → ["بالحرس", "الحرس", "حرس"];
    «للحرس» → ["للحرس", "الحرس", "حرس"]. A stem is never shorter than two letters,
    so short words stay whole. The first reading is always the word itself.
    """
    readings = [word]
    stems = [word]
    if word[:1] in _CONJUNCTIONS and len(word) - 1 >= _MIN_STEM + 1:
        stems.append(word[1:])
    for stem in stems[:]:
        if stem[:1] in _PREPOSITIONS and len(stem) - 1 >= _MIN_STEM + 1:
            stems.append(stem[1:])
        if stem.startswith("لل") and len(stem) - 2 >= _MIN_STEM:
            stems.append("ال" + stem[2:])  # لل = ل + ال
    for stem in stems:
        if len(stem) >= _MIN_STEM and stem not in readings:
            readings.append(stem)
        if stem.startswith("ال") and len(stem) - 2 >= _MIN_STEM and stem[2:] not in readings:
            readings.append(stem[2:])
    return readings


def key(text: str) -> str:
    """Matching key of a name: normalised, spaces removed before «ال» joins.

    «دير الزور», «ديرالزور» and «دير  الزور» share one key, so glued and spaced
    spellings of a name match each other.
    """
    return normalize(text).replace(" ال", "ال")
