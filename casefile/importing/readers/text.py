"""Plain text and Markdown in the encodings Arabic files still arrive in.

Order of trust: a byte-order mark, then strict UTF-8, then UTF-16 without a
mark (recognised by its byte pattern), then UTF-8 or UTF-16 with a few bad
bytes, then charset-normalizer's guess checked against the two Arabic
single-byte code pages, whose letters overlap so much that only the look of the
decoded words tells them apart.

A few bad bytes (a stray 0xFF, a truncated copy) do not make a UTF-8 file
cp1256: when nearly all of it decodes, the bad sequences are replaced with
U+FFFD and the source's status says so (``BYTES_REPLACED``).
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

import charset_normalizer

from casefile.importing.readers.base import BYTES_REPLACED, ReadError, ReadResult, finish
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


def _looks_utf16(data: bytes, encoding: str) -> bool:
    """UTF-16 text without a mark: one byte of each pair takes very few values
    (0x00 for Latin, 0x06 for Arabic, 0x20 for punctuation)."""
    if len(data) < 4:
        return False
    high = data[1::2] if encoding == "utf-16-le" else data[0::2]
    common = high.count(0) + high.count(6) + high.count(0x20) + high.count(0xFE)
    return common / len(high) >= 0.9


def _utf16_without_bom(data: bytes, encoding: str) -> str | None:
    if len(data) % 2 or not _looks_utf16(data, encoding):
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


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0  # invalid byte sequences replaced with U+FFFD


# "Nearly all of the text": at most 1 character in 100 replaced, and for UTF-8
# at least 10 valid multi-byte letters per bad sequence, which a single-byte
# code page (whose every letter is a bad sequence in UTF-8) never reaches.
_MAX_REPLACED_SHARE = 0.01
_MIN_VALID_PER_BAD = 10
_GENUINE_FFFD = {  # U+FFFD itself, as each encoding writes it: not a replacement
    encoding: "\ufffd".encode(encoding)
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
}


def _nearly_all(data: bytes, encoding: str) -> Decoded | None:
    """``data`` decoded with its bad sequences replaced, if they are very few."""
    text = data.decode(encoding, "replace")
    if not text:
        return None
    replaced = text.count("\ufffd") - data.count(_GENUINE_FFFD[encoding])
    if replaced <= 0 or replaced > _MAX_REPLACED_SHARE * len(text):
        return None
    if encoding == "utf-8":
        valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - replaced
        if valid_non_ascii < _MIN_VALID_PER_BAD * replaced:
            return None
    if plausibility(text) < 0.97:
        return None
    return Decoded(text, encoding, replaced)


def decode_text(data: bytes) -> Decoded:
    """Decode ``data`` as text (``text``, ``encoding``, ``replaced``) or raise ReadError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Decoded(body.decode(encoding), encoding + "-bom")
            except UnicodeDecodeError as error:
                repaired = _nearly_all(body, encoding)
                if repaired is None:
                    raise ReadError(
                        f"the text is not valid {encoding.upper()}: {error.reason}"
                    ) from None
                return repaired._replace(encoding=encoding + "-bom")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and plausibility(text) >= 0.97:
        return Decoded(text, "utf-8")
    # Arabic UTF-16 is also valid (if odd-looking) ASCII, so it is tried only
    # after UTF-8 has been found implausible.
    for encoding in ("utf-16-le", "utf-16-be"):
        text16 = _utf16_without_bom(data, encoding)
        if text16 is not None:
            return Decoded(text16, encoding)
    if text is None:
        repaired = _nearly_all(data, "utf-8")
        if repaired is not None:
            return repaired
    for encoding in ("utf-16-le", "utf-16-be"):
        if _looks_utf16(data, encoding):
            repaired = _nearly_all(data[: len(data) - len(data) % 2], encoding)
            if repaired is not None:
                return repaired
    if b"\x00" in data[:4096]:
        raise ReadError(_NOT_TEXT)
    return Decoded(*_single_byte(data))


def note_replaced(result: ReadResult, decoded: Decoded) -> ReadResult:
    """Say in ``result`` (status, metadata, warnings) that bad bytes were replaced."""
    if decoded.replaced:
        result.status = BYTES_REPLACED
        result.metadata["invalid_sequences_replaced"] = decoded.replaced
        name = decoded.encoding.removesuffix("-bom").upper()
        result.warnings.append(
            f"{decoded.replaced} byte sequence{'s' if decoded.replaced > 1 else ''} "
            f"not valid in {name} replaced with \ufffd"
        )
    return result


def _title(text: str, markdown: bool) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if markdown:
            line = line.lstrip("#").strip()
        return line[:300] if len(line) <= 300 else None
    return None


def read_text(decoded: Decoded, filename: str) -> ReadResult:
    """A plain-text or Markdown file, already decoded by ``decode_text``."""
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = filename.lower().endswith((".md", ".markdown"))
    result = finish(
        ReadResult(
            text=text,
            media_type="text/markdown" if markdown else "text/plain",
            title=_title(text, markdown),
            published=published_from_text(text),
            metadata={"encoding": decoded.encoding},
        )
    )
    return note_replaced(result, decoded)
