"""Shared pieces of the rule recognizers: candidates, quotes, proclitics, name-like words."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from . import lexicon as lx
from .textmap import TextMap

QUOTE_CHARS = '"„‟〝〞'
_MAX_QUOTE = 80  # a quoted name is short; a longer "quote" is a misaligned pair or a citation
_DIGITS = re.compile(r"\d")
_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")


@dataclass
class Cand:
    """A proposed entity in normalised offsets, before overlap resolution and linking."""

    type: str
    kind: str
    ns: int
    ne: int
    name: str  # normalised name used for linking (may differ from the span: adjectives, quotes)
    confidence: float
    source: str
    entry: Any = None  # gazetteer Entry when the recognizer already linked it
    alias: str | None = None
    date: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.ne - self.ns


@dataclass(frozen=True)
class Quote:
    open: int  # offset of the opening quote char
    close: int  # offset of the closing quote char
    cs: int  # content start/end, stripped of spaces
    ce: int


def find_quotes(tm: TextMap) -> list[Quote]:
    """Pair quote marks line by line; tolerate stray spaces inside («" حزب الله"»)."""
    norm = tm.norm
    out: list[Quote] = []
    positions = [m.start() for m in _QUOTE_MARK.finditer(norm)] if '"' in norm else []
    i = 0
    while i + 1 < len(positions):
        a, b = positions[i], positions[i + 1]
        inner = norm[a + 1 : b]
        if b - a - 1 > _MAX_QUOTE or "\n" in inner or any(p in inner for p in ".!?"):
            i += 1  # misaligned: try pairing from the next mark
            continue
        cs, ce = a + 1, b
        while cs < ce and norm[cs].isspace():
            cs += 1
        while ce > cs and norm[ce - 1].isspace():
            ce -= 1
        if ce > cs:
            out.append(Quote(a, b, cs, ce))
        i += 2
    return out


_PROCLITIC_LETTERS = frozenset("وفبلك")


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, stem) readings of a word with proclitics و ف ب ل ك removed.

    «للحرس» reads as ل + «الحرس» (the stem's span starts at the second ل).
    """
    out = [(0, word)]
    stems = [(0, word)]
    if word[:1] in ("و", "ف") and len(word) > 3:
        stems.append((1, word[1:]))
    for off, s in list(stems):
        if s.startswith("لل") and len(s) > 3:
            out.append((off + 1, "ال" + s[2:]))
        elif s[:1] in ("ب", "ل", "ك") and len(s) > 3:
            out.append((off + 1, s[1:]))
        if off:
            out.append((off, s))
    return tuple(dict.fromkeys(out))


def match_vocab(word: str, vocab: Any) -> tuple[int, str] | None:
    """The first reading of ``word`` that is in ``vocab`` (a set or dict)."""
    # Hot (a million calls on 500 reports): the word itself first, and a word that starts
    # with no proclitic letter has no other reading.
    if word in vocab:
        return 0, word
    if word[:1] not in _PROCLITIC_LETTERS:
        return None
    for off, stem in readings(word):
        if stem in vocab:
            return off, stem
    return None


# Per word classifier: (word → its answer where it has one, every word asked).
_WORD_MEMOS: dict[Any, tuple[dict[str, Any], set[str]]] = {}
_VOCAB_READERS: dict[int, tuple[Any, Callable[[str], Any]]] = {}
_MEMO_LIMIT = 200_000


def word_hits(tm: TextMap, classify: Callable[[str], Any]) -> list[tuple[int, Any]]:
    """(token index, ``classify(word)``) of every token of ``tm`` whose word ``classify``
    answers (not None), in text order.

    ``classify`` (a module-level function) is asked once per distinct word per process: the
    recognizers' loops over every token were a large part of what extraction cost.
    """
    memo = _WORD_MEMOS.get(classify)
    if memo is None:
        memo = _WORD_MEMOS[classify] = ({}, set())
    hits, seen = memo
    distinct = tm.cache.get("distinct_words")
    if distinct is None:
        distinct = tm.cache["distinct_words"] = frozenset(tm.words)
    new = distinct - seen
    if new:
        if len(seen) > _MEMO_LIMIT:
            hits.clear()
            seen.clear()
            new = distinct
        for w in new:
            r = classify(w)
            if r is not None:
                hits[w] = r
        seen |= new
    if hits.keys().isdisjoint(distinct):
        return []  # most texts have no word of most vocabularies
    return [(i, hits[w]) for i, w in enumerate(tm.words) if w in hits]


def vocab_hits(tm: TextMap, vocab: Any) -> list[tuple[int, tuple[int, str]]]:
    """(token index, ``match_vocab`` reading) of every token of ``tm`` with a reading in
    ``vocab`` (a module-level set or dict), in text order (see ``word_hits``)."""
    reader = _VOCAB_READERS.get(id(vocab))
    if reader is None or reader[0] is not vocab:
        reader = _VOCAB_READERS[id(vocab)] = (vocab, partial(match_vocab, vocab=vocab))
    return word_hits(tm, reader[1])


_NOT_NAME = lx._set(
    "سيطرة نفوذ تواجد وجود انتشار عسكرية عسكري امنة عازلة حدودية صناعية سكنية واسعة محاذية "
    "قريبة بعيدة اخرى الاخرى الاول الاولى الثاني الثانية الجديد الجديدة الحالي الحالية "
    "السابق السابقة الاسبق الراحل العام العامة الاعلى المقبل المقبلة الماضي الماضية "
    "كبير كبيرة صغير صغيرة عدد عدة جميع كافة مختلف نفس ذات اكثر اقل اهم ابرز "
    "قال قالت اكد اكدت اعلن اعلنت اضاف اضافت اوضح اوضحت ذكر ذكرت كشف كشفت يوم"
)
NON_NAME = lx.STOPWORDS | _NOT_NAME | frozenset(lx.PLACE_TRIGGERS) | frozenset(lx.GROUP_HEADS)


@lru_cache(maxsize=65536)
def is_name_word(word: str) -> bool:
    """Could this word be part of a proper name? (letters only, not a function word)."""
    if len(word) < 2 or _DIGITS.search(word) or not word.isalpha():
        return False
    if word in NON_NAME or word in lx.MONTH_WORDS:
        return False
    return not any(r[1] in lx.STOPWORDS for r in readings(word)[1:] if r[0] and len(r[1]) > 2)


def quote_at(quotes: list[Quote], pos: int, tm: TextMap, max_gap: int = 2) -> Quote | None:
    """A quote whose opening mark is at ``pos`` or after a few spaces/tatweel."""
    opens = tm.cache.get("quote_opens")
    if opens is None or len(opens) != len(quotes):
        opens = tm.cache["quote_opens"] = [q.open for q in quotes]
    i = bisect_left(opens, pos)
    while i < len(quotes) and quotes[i].open <= pos + max_gap:
        q = quotes[i]
        if not tm.norm[pos : q.open].strip():
            return q
        i += 1
    return None


class Occupancy:
    """Non-overlapping spans, with an O(log n) overlap test (no quadratic scans on 1 MB)."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        i = bisect_left(self._spans, (s, s))
        if i < len(self._spans) and self._spans[i][0] < e:
            return False
        return not (i > 0 and self._spans[i - 1][1] > s)

    def take(self, s: int, e: int) -> None:
        insort(self._spans, (s, e))
