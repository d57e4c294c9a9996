"""OCR of page images with Tesseract 5: text from its word boxes, in logical order.

Tesseract runs as a child process per page (pytesseract), so a page that takes
too long is killed at its time limit and two pages run on two cores. Its TSV
output gives every word with its box, confidence and (block, paragraph, line);
the text is rebuilt from those words, never from a PDF text layer Tesseract
writes (whose right-to-left order is broken): lines keep Tesseract's reading
order, and the words of each line are put in logical order by their boxes and
the bidi class of their letters (Arabic runs right to left, Latin words and
numbers inside them left to right). Lines of one paragraph are joined by a
space, so a name or a date broken over two lines stays one phrase. On Arabic
paragraphs, specks read as stray Latin letters and dots are dropped
(``drop_latin_noise``).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pytesseract
from PIL import Image, ImageDraw

from casefile.importing.readers.base import clean_text
from casefile.importing.readers.ocr_options import (  # noqa: F401 - named here too
    DEFAULT_LANGUAGES,
    DEFAULT_PAGE_SECONDS,
    OcrOptions,
)

# Words below this confidence are noise (specks, picture texture), not text.
MIN_WORD_CONFIDENCE = 20.0
# A page whose words average below this, or have fewer letters, has no text to keep:
# Tesseract reads shapes in any photo.
MIN_PAGE_CONFIDENCE = 45.0
MIN_PAGE_LETTERS = 8
# Tesseract wants letters at least ~20 px high; smaller images are enlarged first.
MIN_WIDTH = 1600
# Rows where at least this share of pixels (of 255) is ink not covered by a word box are a
# line Tesseract's layout analysis dropped; a page gets at most so many second looks.
MISSED_INK = 3
MAX_MISSED_BANDS = 8
# A Latin word read less surely than this on an Arabic page gets a second opinion.
UNSURE_LATIN = 90.0
# On an Arabic paragraph, specks and smudges come out as Latin letters and dots. A word
# with no Arabic letter and no digit is dropped there when Tesseract is unsure of it, or
# when it is a lone letter or lone punctuation (which in prose sits on a word) and not
# quite sure; real English words (names, acronyms) are read surely and kept.
LATIN_NOISE_CONFIDENCE = 60.0
STRAY_CONFIDENCE = 85.0
_STANDALONE_PUNCTUATION = set('"«»“”‘’()[]-–—/')  # these do stand between words
# Arabic punctuation Tesseract's model writes with Latin code points.
_ARABIC_PUNCTUATION = str.maketrans({",": "\u060c", ";": "\u061b"})
_QUOTE_LOOKALIKES = "[]|"
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                       "\u2066\u2067\u2068\u2069"))


class OcrUnavailable(Exception):
    """Tesseract or a language model is missing: the message says what to install."""


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float


@dataclass
class PageOcr:
    """One page read by OCR: paragraphs of words in logical order."""

    paragraphs: list[list[Word]]
    width: int
    height: int
    confidence: float | None
    note: str | None = None  # why there is no text

    @property
    def has_text(self) -> bool:
        return any(self.paragraphs)


_languages_lock = threading.Lock()
_languages_cache: dict[str, set[str]] = {}


def check_available(options: OcrOptions) -> None:
    """Raise OcrUnavailable unless Tesseract and every requested model are installed."""
    command = options.command()
    if shutil.which(command) is None:
        raise OcrUnavailable(
            f"Tesseract is not installed (no {command!r} program found); install tesseract-ocr "
            "with its Arabic and English models (tesseract-ocr-ara, tesseract-ocr-eng)"
        )
    with _languages_lock:
        if command not in _languages_cache:
            pytesseract.pytesseract.tesseract_cmd = command
            try:
                _languages_cache[command] = set(pytesseract.get_languages(config=""))
            except Exception as error:  # noqa: BLE001 - a broken install: say so, do not crash
                raise OcrUnavailable(f"Tesseract does not run ({error})") from None
        installed = _languages_cache[command]
    wanted = [lang for lang in options.languages.split("+") if lang]
    missing = [lang for lang in wanted if lang not in installed]
    if not wanted or missing:
        raise OcrUnavailable(
            f"the Tesseract language model {'+'.join(missing) or '(none given)'} is not installed "
            f"(installed: {'+'.join(sorted(installed - {'osd'})) or 'none'})"
        )


def _direction(text: str) -> str:
    """"R", "L", "N" (a number) or "" (neutral) for one word."""
    number = False
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return "R"
        if bidi == "L":
            return "L"
        number = number or bidi in ("EN", "AN")
    return "N" if number else ""


def _reverse_runs(words: list[Word], kinds: list[str], inner: str) -> list[Word]:
    """Reverse each run that starts at an ``inner`` word and goes on over ``inner`` words
    and numbers (a number after a word belongs to its run; neutrals only inside a run)."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        if kinds[i] != inner:
            out.append(words[i])
            i += 1
            continue
        last = j = i
        while j < len(words) and kinds[j] in (inner, "N", ""):
            if kinds[j] in (inner, "N"):
                last = j
            j += 1
        out.extend(reversed(words[i : last + 1]))
        i = last + 1
    return out


def logical_line(words: list[Word]) -> list[Word]:
    """The words of one line in logical order, from their boxes."""
    visual = sorted(words, key=lambda w: w.left)
    kinds = [_direction(w.text) for w in visual]
    rtl = sum(len(w.text) for w, k in zip(visual, kinds, strict=True) if k == "R")
    ltr = sum(len(w.text) for w, k in zip(visual, kinds, strict=True) if k == "L")
    if rtl > ltr:
        # Right to left, except Latin runs: a Latin run starts at its leftmost word.
        return _reverse_runs(visual, kinds, "L")[::-1]
    # Left to right, except Arabic runs: an Arabic run starts at its rightmost word.
    return _reverse_runs(visual[::-1], kinds[::-1], "R")[::-1]


def _clean_word(text: str) -> str:
    # Tesseract marks right-to-left words with RLM; the text is in logical order already.
    text = clean_text(text).translate(_BIDI_CONTROLS).strip()
    if _direction(text) == "R":
        text = text.translate(_ARABIC_PUNCTUATION)
        # The Arabic model reads a quotation mark as a bar or a bracket («|الحرس», «و[»):
        # Arabic prose has no bars, and brackets do not hug Arabic letters.
        core = text.strip(_QUOTE_LOOKALIKES)
        if core != text and core:
            start = '"' if text[0] in _QUOTE_LOOKALIKES else ""
            end = '"' if text[-1] in _QUOTE_LOOKALIKES else ""
            text = start + core + end
    return text


def words_from_tsv(data: dict[str, list]) -> list[list[Word]]:
    """Paragraphs of words in logical order from pytesseract's ``image_to_data`` dict."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for i, level in enumerate(data["level"]):
        if int(level) != 5:
            continue
        confidence = float(data["conf"][i])
        text = _clean_word(str(data["text"][i]))
        if not text or confidence < MIN_WORD_CONFIDENCE:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        lines.setdefault(key, []).append(
            Word(text, int(data["left"][i]), int(data["top"][i]), int(data["width"][i]),
                 int(data["height"][i]), confidence)
        )  # fmt: skip
    paragraphs: dict[tuple[int, int], list[Word]] = {}
    for (block, par, _), words in lines.items():  # dicts keep Tesseract's reading order
        line = logical_line(words)
        if sum(_direction(w.text) == "R" for w in line) > len(line) / 2:
            for word in line:  # a lone bar or bracket between Arabic words: a quotation mark
                if not word.text.strip(_QUOTE_LOOKALIKES):
                    word.text = '"'
        paragraphs.setdefault((block, par), []).extend(line)
    return list(paragraphs.values())


def _mean_confidence(words: Iterable[Word]) -> float | None:
    total = weight = 0.0
    for word in words:
        total += word.confidence * len(word.text)
        weight += len(word.text)
    return round(total / weight, 1) if weight else None


def prepare(image: Image.Image) -> tuple[Image.Image, float]:
    """Greyscale, enlarged when small; returns the image and the enlargement factor."""
    image = image.convert("L")
    scale = 1.0
    if image.width < MIN_WIDTH:
        scale = min(2.0, MIN_WIDTH / max(image.width, 1))
        image = image.resize((round(image.width * scale), round(image.height * scale)),
                             Image.Resampling.LANCZOS)  # fmt: skip
    return image, scale


def _tesseract(image: Image.Image, languages: str, config: str, options: OcrOptions,
               deadline: float) -> tuple[list[list[Word]], str | None]:  # fmt: skip
    """Paragraphs read from ``image``, or the reason there are none. Every pass over a
    page shares the page's time limit (``deadline``, monotonic seconds)."""
    remaining = deadline - time.monotonic()
    timed_out = f"OCR stopped at the time limit of {options.page_seconds:g} s"
    if remaining <= 0:
        return [], timed_out
    # One thread per Tesseract: the pages themselves run in parallel.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    pytesseract.pytesseract.tesseract_cmd = options.command()
    try:
        data = pytesseract.image_to_data(
            image, lang=languages, config=config,
            output_type=pytesseract.Output.DICT, timeout=remaining,
        )  # fmt: skip
    except RuntimeError as error:
        if "timeout" in str(error).lower():
            return [], timed_out
        return [], f"OCR failed: {error}"
    except pytesseract.TesseractError as error:
        return [], f"OCR failed: {error.message}"
    return words_from_tsv(data), None


def _overlap(a: Word, b: Word) -> float:
    """Share of ``a``'s box that ``b`` covers."""
    dx = min(a.left + a.width, b.left + b.width) - max(a.left, b.left)
    dy = min(a.top + a.height, b.top + b.height) - max(a.top, b.top)
    return max(dx, 0) * max(dy, 0) / max(a.width * a.height, 1)


def _second_opinion(paragraphs: list[list[Word]], prepared: Image.Image, config: str,
                    options: OcrOptions, deadline: float) -> list[list[Word]]:  # fmt: skip
    """With several models Tesseract sometimes reads a word of the main script as the
    other script («الحرس» as «gill»). When a mostly right-to-left page has unsure Latin
    words, the page is read again with the first model alone, and each unsure Latin word
    is replaced by what that reading saw in its box when it was surer of it."""
    words = [w for p in paragraphs for w in p]
    rtl = sum(len(w.text) for w in words if _direction(w.text) == "R")
    unsure = [w for w in words if _direction(w.text) == "L" and w.confidence < UNSURE_LATIN]
    if "+" not in options.languages or not unsure or rtl < 2 * sum(len(w.text) for w in unsure):
        return paragraphs
    alone, _ = _tesseract(prepared, options.languages.split("+")[0], config, options, deadline)
    others = [w for p in alone for w in p]
    replaced: dict[int, list[Word]] = {}
    for word in unsure:
        inside = [o for o in others if _overlap(o, word) > 0.5]
        if inside and _mean_confidence(inside) > word.confidence and \
                all(_direction(o.text) != "L" for o in inside):
            replaced[id(word)] = inside
    out = []
    for paragraph in paragraphs:
        line: list[Word] = []
        for word in paragraph:
            line.extend(replaced.get(id(word), [word]))
        out.append(line)
    return out


def _missed_bands(image: Image.Image, words: list[Word]) -> list[tuple[int, int]]:
    """Bands of rows with ink that no word box covers: lines Tesseract's page layout
    dropped (it does, now and then, on a plain single-column page)."""
    if not words:
        return []
    heights = sorted(w.height for w in words)
    line = heights[len(heights) // 2]
    ink = image.point(lambda v: 255 if v < 128 else 0)
    draw = ImageDraw.Draw(ink)
    for w in words:
        draw.rectangle((w.left - 4, w.top - line // 3, w.left + w.width + 4,
                        w.top + w.height + line // 3), fill=0)  # fmt: skip
    # Only between the text's left and right edges: a photo's dark surround is not a line.
    left = min(w.left for w in words)
    right = max(w.left + w.width for w in words)
    column = ink.crop((left, 0, max(right, left + 1), ink.height))
    rows = column.resize((1, ink.height), Image.Resampling.BOX).tobytes()  # one byte a row
    bands, start = [], None
    for y, value in enumerate([*rows, 0]):
        if value >= MISSED_INK and start is None:
            start = y
        elif value < MISSED_INK and start is not None:
            if line // 2 <= y - start <= 4 * line:  # taller: a picture, not dropped lines
                bands.append((max(start - line // 3, 0), min(y + line // 3, image.height)))
            start = None
    return bands[:MAX_MISSED_BANDS]


def _recover_lines(paragraphs: list[list[Word]], prepared: Image.Image, dpi_config: str,
                   options: OcrOptions, deadline: float) -> list[list[Word]]:  # fmt: skip
    """Read the dropped bands again as plain blocks of text and put them in by position."""
    bands = _missed_bands(prepared, [w for p in paragraphs for w in p])
    for top, bottom in bands:
        crop = prepared.crop((0, top, prepared.width, bottom))  # boxes keep page x
        found, problem = _tesseract(crop, options.languages, "--oem 1 --psm 6" + dpi_config,
                                    options, deadline)  # fmt: skip
        words = [w for p in found for w in p]
        if problem or (_mean_confidence(words) or 0) < MIN_PAGE_CONFIDENCE or \
                sum(ch.isalpha() for w in words for ch in w.text) < 3:
            continue  # a picture or specks, not a line of text
        for word in words:
            word.top += top
        at = next((i for i, p in enumerate(paragraphs) if p and p[0].top > top),
                  len(paragraphs))  # fmt: skip
        paragraphs[at:at] = [p for p in found if p]
    return paragraphs


def _latin_noise(word: Word) -> bool:
    """A word of an Arabic paragraph that is likely a speck read as Latin (see above)."""
    if _direction(word.text) not in ("L", ""):
        return False  # Arabic words and numbers stay
    if word.confidence < LATIN_NOISE_CONFIDENCE:
        return True
    letters = sum(ch.isalpha() for ch in word.text)
    stray = letters == 1 and len(word.text) <= 2 or \
        letters == 0 and not set(word.text) <= _STANDALONE_PUNCTUATION
    return stray and word.confidence < STRAY_CONFIDENCE


def drop_latin_noise(paragraphs: list[list[Word]]) -> list[list[Word]]:
    """Paragraphs without the Latin noise of their Arabic paragraphs; a paragraph mostly
    in Latin letters (English) is left as read."""
    out = []
    for paragraph in paragraphs:
        rtl = sum(len(w.text) for w in paragraph if _direction(w.text) == "R")
        ltr = sum(len(w.text) for w in paragraph if _direction(w.text) == "L")
        if rtl > 2 * ltr:
            paragraph = [w for w in paragraph if not _latin_noise(w)]
        if paragraph:
            out.append(paragraph)
    return out


def ocr_image(image: Image.Image, options: OcrOptions, dpi: int | None = None) -> PageOcr:
    """Read one page image; boxes are in the pixels of ``image`` as given."""
    deadline = time.monotonic() + options.page_seconds
    prepared, scale = prepare(image)
    dpi_config = f" --dpi {round(dpi * scale)}" if dpi else ""
    config = "--oem 1 --psm 3" + dpi_config
    paragraphs, problem = _tesseract(prepared, options.languages, config, options, deadline)
    if problem:
        return PageOcr([], image.width, image.height, None, problem)
    paragraphs = _recover_lines(paragraphs, prepared, dpi_config, options, deadline)
    paragraphs = _second_opinion(paragraphs, prepared, config, options, deadline)
    paragraphs = drop_latin_noise(paragraphs)
    if scale != 1.0:
        for word in (w for p in paragraphs for w in p):
            word.left, word.top = round(word.left / scale), round(word.top / scale)
            word.width, word.height = round(word.width / scale), round(word.height / scale)
    words = [w for p in paragraphs for w in p]
    confidence = _mean_confidence(words)
    letters = sum(ch.isalpha() for w in words for ch in w.text)
    if confidence is None or confidence < MIN_PAGE_CONFIDENCE or letters < MIN_PAGE_LETTERS:
        return PageOcr([], image.width, image.height, confidence, "OCR found no text")
    return PageOcr(paragraphs, image.width, image.height, confidence)
