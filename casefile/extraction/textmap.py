"""Normalised view of a text with a map back to the original offsets, and its words.

Every recognizer works on the normalised text (casefile.normalize folding), and every span is
mapped back with ``orig_span`` so that ``text[start:end]`` is exactly what the source says.
``fold_with_map`` gives the same result as ``casefile.normalize.normalize_with_map`` but
folds each distinct character once and copies runs of one-to-one characters in bulk: the
per-character Python loop was the largest cost of extraction on long news texts.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..normalize import normalize_with_map

WORD = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def _fold(ch: str) -> str:
    return normalize_with_map(ch)[0]


def fold_with_map(text: str) -> tuple[str, list[int] | None]:
    """Normalised text and per-output-char original index (None when it is the identity)."""
    table: dict[int, str] = {}
    irregular: set[str] = set()
    for ch in set(text):
        folded = _fold(ch)
        table[ord(ch)] = folded
        if len(folded) != 1:
            irregular.add(ch)
    out = text.translate(table)
    if not irregular:
        return out, None
    index: list[int] = []
    prev = 0
    # The regex engine finds the few irregular characters (tashkeel, tatweel, ligatures);
    # the runs between them are copied as ranges.
    for m in re.finditer("[" + re.escape("".join(sorted(irregular))) + "]", text):
        i = m.start()
        index.extend(range(prev, i))
        index.extend([i] * len(table[ord(text[i])]))
        prev = i + 1
    index.extend(range(prev, len(text)))
    return out, index


@dataclass
class TextMap:
    text: str
    norm: str
    index: list[int] | None
    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # token start offsets in ``norm``
    ends: list[int] = field(default_factory=list)
    cache: dict = field(default_factory=dict)  # per-text memo shared by the recognizers

    @classmethod
    def build(cls, text: str) -> TextMap:
        norm, index = fold_with_map(text)
        spans = [m.span() for m in WORD.finditer(norm)]
        return cls(text, norm, index, WORD.findall(norm),
                   [s for s, _ in spans], [e for _, e in spans])

    def __len__(self) -> int:
        return len(self.words)

    def orig(self, i: int) -> int:
        """Original offset of normalised offset ``i`` (``len(norm)`` maps to ``len(text)``)."""
        if self.index is None:
            return i
        return self.index[i] if i < len(self.index) else len(self.text)

    def orig_span(self, ns: int, ne: int) -> tuple[int, int]:
        """Original span of the normalised span [ns, ne), widened over trailing marks."""
        if ne <= ns:
            s = self.orig(ns)
            return s, s
        s = self.orig(ns)
        e = self.orig(ne - 1) + 1
        text = self.text
        # Keep harakat/tatweel that follow the last letter inside the span («محمدٌ»).
        while e < len(text) and _is_trailing_mark(text[e]):
            e += 1
        return s, e

    def token_span(self, i: int, j: int) -> tuple[int, int]:
        """Normalised span of tokens i..j-1."""
        return self.starts[i], self.ends[j - 1]

    def token_at(self, pos: int) -> int:
        """Index of the token that starts at or before normalised offset ``pos``."""
        return bisect_right(self.starts, pos) - 1

    def token_of(self, pos: int) -> int:
        """Index of the token containing ``pos``, else of the first token after it."""
        i = self.token_at(pos)
        if i < 0 or self.ends[i] <= pos:
            i += 1
        return i

    def gaps(self) -> list[str]:
        """``gaps()[i]`` is ``between(i, i + 1)``: the text between consecutive words, cut
        once per text for the loops that look at every word boundary."""
        got = self.cache.get("gaps")
        if got is None or len(got) != max(len(self.words) - 1, 0):
            norm = self.norm
            got = self.cache["gaps"] = [
                norm[e:s] for e, s in zip(self.ends, self.starts[1:], strict=False)
            ]
        return got

    def between(self, i: int, j: int) -> str:
        """Normalised text between the end of token i and the start of token j."""
        return self.norm[self.ends[i] : self.starts[j]]


@lru_cache(maxsize=1024)
def _is_trailing_mark(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"
