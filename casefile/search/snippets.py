"""Snippets: a window of the original text around the first hit, matched words in brackets.

A source can be tens of megabytes, so the text is never normalised as a whole. The
query's terms are looked for in the original text by regular expressions (first as
written, which is a fast literal scan; then, over the text before that, in any spelling
that folds to them: hamza and alef forms, presentation forms, tashkeel, tatweel and
format controls in between), and each place found is checked exactly by normalising the
few words around it. Only the window shown is normalised with the character map that
turns a match back into a span of the original.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from ..normalize import WORD_RE, fold_chars, normalize_with_map, strip_clitics
from .terms import Slot, all_terms

SNIPPET_CHARS = 160
MARK_OPEN, MARK_CLOSE = "[", "]"
LOOSE_SCAN_CHARS = 2_000_000  # how far other spellings are looked for (each char costs ~20 ns)
_MAX_CANDIDATES = 2_000  # places checked before giving up (a term inside many other words)
_MAX_WORD = 256  # characters; a longer run of non-spaces is not a word a query matches

# Code points whose folded forms the loose patterns know: Latin, combining marks, Arabic
# and its supplements, punctuation and format controls, presentation forms, full width.
_BLOCKS = ((0x20, 0x250), (0x300, 0x370), (0x600, 0x700), (0x750, 0x780), (0x8A0, 0x900),
           (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFFF0))


@lru_cache(maxsize=1)
def _spellings() -> tuple[dict[str, str], str]:
    """Per folded character, every character that folds to it; and those that fold to
    nothing (tashkeel, tatweel, format controls)."""
    inverse: dict[str, list[str]] = {}
    ignorable = []
    for code in itertools.chain.from_iterable(range(a, b) for a, b in _BLOCKS):
        ch = chr(code)
        folded = fold_chars(ch)
        if not folded:
            ignorable.append(ch)
        elif len(folded) == 1:
            inverse.setdefault(folded, []).append(ch)
    return {k: "".join(v) for k, v in inverse.items()}, "".join(ignorable)


def _keys(wanted: set[str]) -> list[str]:
    # Every reading of a word is a suffix of it, or «ال» + a suffix («للحرس» → الحرس),
    # so a matching word always contains a term without its article.
    keys = {t[2:] if t.startswith("ال") and len(t) > 3 else t for t in wanted}
    return sorted(keys, key=len, reverse=True)


def _plain_places(text: str, keys: list[str], end: int) -> Iterator[tuple[int, int]]:
    """Where the keys occur as written, in text order (``str.find`` is a fast scan,
    where one regular expression of alternatives is not)."""
    heads = [(text.find(k, 0, end), k) for k in keys]
    heap = [(pos, k) for pos, k in heads if pos >= 0]
    heapq.heapify(heap)
    while heap:
        pos, k = heapq.heappop(heap)
        yield pos, pos + len(k)
        nxt = text.find(k, pos + 1, end)
        if nxt >= 0:
            heapq.heappush(heap, (nxt, k))


def _loose_pattern(keys: list[str]) -> re.Pattern[str]:
    inverse, ignorable = _spellings()
    gap = f"[{re.escape(ignorable)}]*"

    def spelled(ch: str) -> str:
        return f"[{re.escape(ch + inverse.get(ch, ''))}]"

    return re.compile("|".join(gap.join(spelled(c) for c in k) for k in keys))


def _spans(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Exact spans, in ``text``, of the words whose readings include a wanted term."""
    normalised, index = normalize_with_map(text)
    return [(index[w.start()], index[w.end() - 1] + 1) for w in WORD_RE.finditer(normalised)
            if wanted.intersection(strip_clitics(w.group()))]


def _word_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
        if end - lo > _MAX_WORD:
            return None
    while hi < len(text) and not text[hi].isspace():
        hi += 1
        if hi - lo > _MAX_WORD:
            return None
    return lo, hi


def _first_checked(text: str, places: Iterator[tuple[int, int]],
                   wanted: set[str]) -> int | None:
    for start, end in itertools.islice(places, _MAX_CANDIDATES):
        word = _word_around(text, start, end)
        if word is None:
            continue
        for span_start, span_end in _spans(text[word[0]:word[1]], wanted):
            if word[0] + span_start < end and word[0] + span_end > start:
                return word[0] + span_start
    return None


def first_hit(text: str, wanted: set[str]) -> int | None:
    """Index in ``text`` of the first word whose readings include a wanted term (other
    spellings are looked for in the first ``LOOSE_SCAN_CHARS`` only)."""
    keys = _keys(wanted)
    plain = _first_checked(text, _plain_places(text, keys, len(text)), wanted)
    limit = min(len(text) if plain is None else plain, LOOSE_SCAN_CHARS)
    if not limit:
        return plain
    loose = ((m.start(), m.end()) for m in _loose_pattern(keys).finditer(text, 0, limit))
    found = _first_checked(text, loose, wanted)
    return found if found is not None else plain


def snippet(original: str, alternatives: list[list[Slot]], width: int = SNIPPET_CHARS) -> str:
    """A window of ``original`` around the first match, matched words in [brackets]."""
    wanted = all_terms(alternatives)
    first = first_hit(original, wanted) if wanted else None
    if first is None:
        return original[:width].strip()
    lo = max(0, first - width // 3)
    hi = min(len(original), lo + width)
    # Words are read from a margin around the window: a word cut at the margin starts
    # before the window and is not marked.
    margin_lo, margin_hi = max(0, lo - width), min(len(original), hi + width)
    out, pos = [], lo
    for start, end in _spans(original[margin_lo:margin_hi], wanted):
        start, end = start + margin_lo, end + margin_lo
        if start < lo or end > hi:
            continue
        out += [original[pos:start], MARK_OPEN, original[start:end], MARK_CLOSE]
        pos = end
    out.append(original[pos:hi])
    text_ = "".join(out).replace("\n", " ").strip()
    return ("…" if lo > 0 else "") + text_ + ("…" if hi < len(original) else "")
