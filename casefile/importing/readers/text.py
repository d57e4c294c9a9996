"""Plain text and Markdown in the encodings Arabic files still arrive in.

Order of trust: a byte-order mark, then strict UTF-8, then UTF-16 without a
mark (recognised by its byte pattern), then charset-normalizer's guess checked
against the two Arabic single-byte code pages, whose letters overlap so much
that only the look of the decoded words tells them apart.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from casefile.importing.readers.base import ReadError, ReadResult, finish
from casefile.importing.readers.dates import published_from_text

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_WORD = re.compile(r"[^\W\d_]+")
_NOT_TEXT = "unsupported file type: the content is neither text nor a known document format"


# Characters that do not belong in a text: C0/C1 controls other than
# whitespace, the replacement character, private use and lone surrogates.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")


def plausibility(text: str) -> float:
    """Share of characters that belong in a text (no stray controls, no U+FFFD)."""
    if not text:
        return 1.0
    sample = text[:50_000]
    return 1.0 - len(_BAD_CHARS.findall(sample)) / len(sample)


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if code < 0x0250:
        return "latin"
    if 0x0370 <= code < 0x0590:
        return "greek-cyrillic-armenian"
    if 0x0590 <= code < 0x0600:
        return "hebrew"
    return "cjk" if code >= 0x2E80 else f"other-{code >> 7}"


def _word_score(text: str) -> tuple[float, float]:
    """How much the words of ``text`` look like words.

    A wrong code page turns letters into letters of another script, so the
    words it produces mix scripts («Cafى», «âلحرس»): the share of single-script
    words ranks decodings. Between the two Arabic code pages, whose letters both
    decode to Arabic, the share of words with the article «ال» or among the
    commonest prepositions breaks the tie.
    """
    words = _WORD.findall(text[:50_000])
    if not words:
        return (0.0, 0.0)
    pure = sum(len({_script(ch) for ch in word}) == 1 for word in words)
    arabic_hits = sum(word.startswith("ال") or word in _COMMON_ARABIC for word in words)
    return (round(pure / len(words), 2), arabic_hits / len(words))


_COMMON_ARABIC = frozenset(
    ["في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "هذا", "التي", "الذي"]
)


def _utf16_without_bom(data: bytes, encoding: str) -> str | None:
    """UTF-16 text without a mark: one byte of each pair takes very few values
    (0x00 for Latin, 0x06 for Arabic, 0x20 for punctuation)."""
    if len(data) < 4 or len(data) % 2:
        return None
    high = data[1::2] if encoding == "utf-16-le" else data[0::2]
    common = high.count(0) + high.count(6) + high.count(0x20) + high.count(0xFE)
    if common / len(high) < 0.9:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if plausibility(text) > 0.98 else None


# When the detector finds several code pages equally likely (French text is as
# "coherent" in cp1250 as in cp1252), the one analysts actually meet wins.
_PREFERRED = ("cp1256", "iso8859_6", "cp1252", "latin_1")


def _detector_guess(data: bytes) -> str | None:
    matches = list(charset_normalizer.from_bytes(data[:200_000]))
    if not matches:
        return None
    best_chaos = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= best_chaos + 0.005]
    for encoding in _PREFERRED:
        if encoding in tied:
            return encoding
    return tied[0]


def _single_byte(data: bytes) -> tuple[str, str]:
    guess = _detector_guess(data)
    # The Arabic code pages come first so that they win a tie: a mostly-Latin
    # file with some Arabic in it is far more likely here than Big5.
    candidates = ["cp1256", "iso8859_6"] + ([guess] if guess else [])
    scored = []
    for prior, encoding in enumerate(dict.fromkeys(candidates)):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausibility(text) < 0.97:
            continue
        scored.append((_word_score(text), -prior, encoding, text))
    if not scored:
        raise ReadError(_NOT_TEXT)
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    _, _, encoding, text = scored[0]
    return text, encoding


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` as text; return ``(text, encoding)`` or raise ReadError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + "-bom"
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"the text is not valid {encoding.upper()}: {error.reason}"
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and plausibility(text) >= 0.97:
        return text, "utf-8"
    # Arabic UTF-16 is also valid (if odd-looking) ASCII, so it is tried only
    # after UTF-8 has been found implausible.
    for encoding in ("utf-16-le", "utf-16-be"):
        text16 = _utf16_without_bom(data, encoding)
        if text16 is not None:
            return text16, encoding
    if b"\x00" in data[:4096]:
        raise ReadError(_NOT_TEXT)
    return _single_byte(data)


def _title(text: str, markdown: bool) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if markdown:
            line = line.lstrip("#").strip()
        return line[:300] if len(line) <= 300 else None
    return None


def read_text(data: bytes, filename: str) -> ReadResult:
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = filename.lower().endswith((".md", ".markdown"))
    return finish(
        ReadResult(
            text=text,
            media_type="text/markdown" if markdown else "text/plain",
            title=_title(text, markdown),
            published=published_from_text(text),
            metadata={"encoding": encoding},
        )
    )
