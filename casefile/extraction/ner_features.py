"""Features of the learned tagger (shared by ``scripts/train_ner.py`` and run time).

The tagger reads the TextMap's words (normalised, punctuation dropped) in sentence chunks.
A word's own features are computed once per process and cached by word, with the variants it
contributes as a neighbour (±1) already prefixed, so tagging a token costs a few list joins:
the per-token Python work was what made a plain CRF too slow for bulk extraction.

Per position, the rule recognizers' candidates add a tag («r:B-GROUP:gaz») for the word and
its neighbours: the model learns when to trust a gazetteer hit or a pattern.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from ..normalize import normalize, strip_clitics
from . import lexicon as lx
from .textmap import TextMap
from .types import GROUP, PERSON, PLACE

LABEL_TYPES = (PERSON, GROUP, PLACE)
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[a-z]")
_ARABIC = re.compile("[\u0600-\u06ff]")
# A new sentence starts after these (in the normalised text between two words).
_SENTENCE_END = re.compile(r"[.!?;:\n]")
MAX_CHUNK = 60  # words per tagged chunk: long lines are cut, so tagging stays linear


class Lexicons:
    """Word sets and clusters the features look words up in (loaded once per process)."""

    def __init__(
        self,
        person_words: Iterable[str] = (),
        gaz_words: dict[str, str] | None = None,
        clusters: dict[str, str] | None = None,
    ) -> None:
        self.person_words = frozenset(person_words)
        self.gaz_words = gaz_words or {}  # word → "GROUP" / "PLACE" / "PERSON" / "GROUP|PLACE"
        self.clusters = clusters or {}  # word → «c32/c128/c512» cluster ids
        self._cache: dict[str, tuple[list[str], list[str], list[str], str]] = {}

    # ---- one word ----------------------------------------------------------------------
    def word(self, w: str) -> tuple[list[str], list[str], list[str], str]:
        """(own features, as left neighbour, as right neighbour, bare word) of ``w``."""
        got = self._cache.get(w)
        if got is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            own = self._own(w)
            # Neighbours contribute fewer features: crfsuite's cost is per feature string.
            short = [f for f in own if f[:2] in _NEIGHBOUR_KEEP]
            got = (own, ["-1" + f for f in short], ["+1" + f for f in short], w)
            self._cache[w] = got
        return got

    def _own(self, w: str) -> list[str]:
        readings = strip_clitics(w)
        stem = readings[-1]
        f = ["b", "w=" + w]
        if stem != w:
            f.append("s=" + stem)
        if len(w) > 3:
            f += ["p3=" + w[:3], "x2=" + w[-2:], "x3=" + w[-3:]]
        f.append("sh=" + _shape(w))
        cl = self.clusters.get(w) or self.clusters.get(stem)
        if cl:
            coarse, mid, fine = (cl.split("/") + ["", ""])[:3]
            f += ["c4=" + coarse, "c8=" + mid, "cf=" + fine]
        if not self.person_words.isdisjoint(readings):
            f.append("pn")
        for r in readings:
            t = self.gaz_words.get(r)
            if t:
                f.append("gz=" + t)
                break
        names = [n for r in readings if r in _VOCAB_INDEX for n in _VOCAB_INDEX[r]]
        if names:
            f += ["t=" + n for n in sorted(set(names))]
        return f


_NEIGHBOUR_KEEP = frozenset({"w=", "c8", "gz", "pn", "t="})


def _shape(w: str) -> str:
    if _DIGIT.search(w):
        return "digit"
    if _LATIN.search(w):
        return "latin"
    if not _ARABIC.search(w):
        return "other"
    return "ar" + ("L" if len(w) > 6 else "M" if len(w) > 3 else "S")


_VOCABS: tuple[tuple[str, frozenset[str]], ...] = (
    ("title", lx.TITLE_NOUNS | lx.HONORIFICS),
    ("office", lx.OFFICE_FIRST_ALL),
    ("placew", frozenset(lx.PLACE_TRIGGERS)),
    ("grouph", frozenset(lx.GROUP_HEADS)),
    ("stop", frozenset(lx.STOPWORDS)),
    ("month", frozenset(lx.MONTH_WORDS)),
    ("intro", lx.PERSON_INTRODUCERS | lx.NICKNAME_INTRODUCERS),
    ("given", lx.GIVEN_NAMES),
    ("kunya", lx.KUNYA_HEADS | lx.NAME_LINKS),
    ("gadj", lx.GROUP_ADJECTIVES | lx.AREA_ADJECTIVES),
    ("area", lx.AREA_HEADS),
)


# word → names of the vocabularies it belongs to (one lookup per reading, not one per list).
_VOCAB_INDEX: dict[str, tuple[str, ...]] = {}
for _name, _vocab in _VOCABS:
    for _w in _vocab:
        _VOCAB_INDEX[_w] = (*_VOCAB_INDEX.get(_w, ()), _name)


# ---- sentences and sequences ---------------------------------------------------------------
def chunks(tm: TextMap) -> list[tuple[int, int]]:
    """Token ranges [i, j) of sentences (cut at MAX_CHUNK words) that contain Arabic."""
    out: list[tuple[int, int]] = []
    n = len(tm)
    # stop[g]: a sentence ends between words g and g + 1 (the marks are never inside a word).
    stop = [False] * n
    for m in _SENTENCE_END.finditer(tm.norm):
        g = bisect_right(tm.starts, m.start()) - 1
        if g >= 0:
            stop[g] = True
    i = 0
    while i < n:
        j = i + 1
        while j < n and j - i < MAX_CHUNK and not stop[j - 1]:
            j += 1
        if any(_ARABIC.search(w) for w in tm.words[i:j]):
            out.append((i, j))
        i = j
    return out


def rule_tags(tm: TextMap, cands: Sequence) -> dict[int, str]:
    """token index → «B-GROUP:gaz» / «I-PERSON:pat» from the rule candidates (longest wins)."""
    tags: dict[int, str] = {}
    for c in sorted(cands, key=lambda c: c.ne - c.ns, reverse=True):
        if c.type not in LABEL_TYPES:
            continue
        src = "case" if c.source == "case" else "gaz" if c.entry is not None else "pat"
        i = tm.token_of(c.ns)
        first = True
        while i < len(tm) and tm.starts[i] < c.ne:
            if i not in tags:
                tags[i] = f"{'B' if first else 'I'}-{c.type}:{src}"
            first = False
            i += 1
    return tags


_BOS, _EOS = ["BOS"], ["EOS"]


def sequence(lex: Lexicons, words: Sequence[str], rtags: dict[int, str], offset: int) -> list:
    """CRF items (lists of feature strings) for ``words``; rtags indexes by offset + i."""
    word = lex.word
    feats = [word(w) for w in words]
    n = len(words)
    items = []
    for i in range(n):
        own = feats[i][0]
        left = feats[i - 1][1] if i else _BOS
        right = feats[i + 1][2] if i + 1 < n else _EOS
        item = [*own, *left, *right]
        r = rtags.get(offset + i)
        if r:
            item += ["r=" + r, "rt=" + r[2:].split(":")[0]]
        rl, rr = rtags.get(offset + i - 1), rtags.get(offset + i + 1)
        if rl:
            item.append("-1r=" + rl)
        if rr:
            item.append("+1r=" + rr)
        items.append(item)
    return items


class ModelFeatures:
    """``sequence`` as the shipped model reads it, cheap enough for bulk extraction.

    Each word's features are kept filtered to the attributes the model knows and encoded to
    UTF-8 once: crfsuite ignores an unknown attribute (its weight is zero for every label),
    so the tags and marginals are exactly those of the full ``sequence``, and what it costs
    per token is a few list joins instead of a dozen string conversions.
    """

    def __init__(self, lex: Lexicons, known: Iterable[bytes]) -> None:
        self.lex = lex
        self.known = frozenset(known)
        # The same attributes as text, each to its one encoded object: a word's features
        # are filtered by the model's attributes and never encoded again, and the cached
        # words share the attributes' bytes (the cache of a long import stays small).
        self._known_text = {
            t: b for b in self.known if (t := b.decode("utf-8", "replace")).encode() == b
        }
        self._cache: dict[str, tuple[list[bytes], list[bytes], list[bytes]]] = {}
        self._rtag: dict[str, tuple[list[bytes], list[bytes], list[bytes]]] = {}
        self._bos, self._eos = self._keep(_BOS), self._keep(_EOS)

    def _keep(self, feats: Iterable[str]) -> list[bytes]:
        known = self.known
        return [b for f in feats if (b := f.encode()) in known]

    def word(self, w: str) -> tuple[list[bytes], list[bytes], list[bytes]]:
        """(own, as left neighbour, as right neighbour) known attributes of ``w``."""
        got = self._cache.get(w)
        if got is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            own = self.lex._own(w)  # what Lexicons.word gives, without keeping the strings
            known = self._known_text
            short = [f for f in own if f[:2] in _NEIGHBOUR_KEEP]
            got = self._cache[w] = (
                [known[f] for f in own if f in known],
                [known[x] for f in short if (x := "-1" + f) in known],
                [known[x] for f in short if (x := "+1" + f) in known],
            )
        return got

    def _rule(self, r: str) -> tuple[list[bytes], list[bytes], list[bytes]]:
        """(own, left neighbour's, right neighbour's) known attributes of rule tag ``r``."""
        got = self._rtag.get(r)
        if got is None:
            got = self._rtag[r] = (
                self._keep(["r=" + r, "rt=" + r[2:].split(":")[0]]),
                self._keep(["-1r=" + r]),
                self._keep(["+1r=" + r]),
            )
        return got

    def sequence(
        self, words: Sequence[str], rtags: dict[int, str], offset: int,
        tagged: Sequence[int] | None = None,
    ) -> list:
        """The items of ``sequence(lex, words, rtags, offset)``, unknown attributes left out.

        ``tagged`` is ``sorted(rtags)`` (give it when tagging many chunks of one text).
        """
        cache, word = self._cache, self.word
        feats = [cache.get(w) or word(w) for w in words]
        n = len(feats)
        if not n:
            return []
        # Each word's own attributes, its left neighbour's «-1…» and its right one's «+1…».
        before = [((), self._bos, ()), *feats[:-1]]
        after = [*feats[1:], ((), (), self._eos)]
        items = [f[0] + b[1] + a[2] for f, b, a in zip(feats, before, after, strict=True)]
        # Rule tags are sparse: visit only the items a tag touches, in sequence() order
        # (own tag, then the left neighbour's, then the right neighbour's).
        if tagged is None:
            tagged = sorted(rtags)
        lo, hi = bisect_left(tagged, offset - 1), bisect_right(tagged, offset + n)
        touched = sorted({k - offset + d for k in tagged[lo:hi] for d in (-1, 0, 1)})
        for i in touched:
            if i < 0 or i >= n:
                continue
            item = items[i]
            r = rtags.get(offset + i)
            if r:
                item += self._rule(r)[0]
            rl = rtags.get(offset + i - 1)
            if rl:
                item += self._rule(rl)[1]
            rr = rtags.get(offset + i + 1)
            if rr:
                item += self._rule(rr)[2]
        return items


# ---- resources -----------------------------------------------------------------------------
def person_name_words() -> set[str]:
    """Words of the ~87,000 attested person names that arabic-name-romanizer ships.

    Read from its package data (names.sqlite3: single name units and full names), once per
    process; a word seen in at least two attested names or units counts.
    """
    import sqlite3

    import arabic_name_romanizer

    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    if not db.exists():
        return set()
    counts: dict[str, int] = {}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT arabic_key, count FROM units UNION ALL "
                           "SELECT arabic_key, count FROM full_names").fetchall()
    finally:
        con.close()
    for arabic, count in rows:
        for w in normalize(arabic).split():
            if len(w) >= 2 and _ARABIC.search(w):
                counts[w] = counts.get(w, 0) + int(count or 1)
    return {w for w, c in counts.items() if c >= 2 and w not in lx.STOPWORDS}


def gazetteer_words(entries: Iterable) -> dict[str, str]:
    """Words of the shipped actors' and places' names, with the types they occur in."""
    types: dict[str, set[str]] = {}
    for e in entries:
        for name in e.names:
            for w in normalize(name).split():
                if len(w) > 2 and w not in lx.STOPWORDS and _ARABIC.search(w):
                    types.setdefault(w, set()).add(e.type)
    return {w: "|".join(sorted(t)) for w, t in types.items()}


def load_clusters(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cached_person_words() -> frozenset[str]:
    return frozenset(person_name_words())
