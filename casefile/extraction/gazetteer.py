"""Known names: the shipped gazetteers plus the case's own confirmed actors, aliases and places.

Lookup is an Aho-Corasick automaton over normalised surface forms, clitic-aware (a name may be
glued to و/ف/ب/ل/ك, «للحرس» is ل + الحرس) and tolerant of glued/spaced «ال» («ديرالزور»).
Names found by patterns but not spelled as any key are matched fuzzily (rapidfuzz) per type,
and every link says which alias matched and how sure it is.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

import ahocorasick
from rapidfuzz import fuzz, process

from ..assets import resource
from ..normalize import key as name_key
from ..normalize import normalize
from .lexicon import PLACE_TRIGGERS
from .types import GROUP, PERSON, PLACE

RESOURCE_ENV = "CASEFILE_GAZETTEER_DIR"
_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
_LIL_PREFIXES = frozenset({"ل", "ول", "فل"})  # «للحرس» = ل + الحرس, written with one ا dropped
# GeoNames villages are often common words («ملح», «الشجرة»): they match only after a place
# word («قرية …») or between quotes, unless the case itself confirmed them.
_SMALL_PLACE = 5000
_NAMED_WITH_TRIGGER = {"facility", "river", "lake"}  # «مخيم الهول», «نهر الفرات»


def default_dir() -> Path:
    env = os.environ.get(RESOURCE_ENV)
    if env:
        return Path(env)
    return resource("gazetteer")


@dataclass
class Entry:
    """One known actor or place."""

    id: str
    type: str  # PERSON | GROUP | PLACE
    kind: str
    canonical: str
    latin: str = ""
    names: list[str] = field(default_factory=list)  # every alias, canonical included
    ref: tuple[str, Any] = ("gazetteer", "")
    lat: float | None = None
    lon: float | None = None
    parent: str | None = None
    needs_context: bool = False
    weight: float = 1.0  # case entries outrank shipped ones on ties


@dataclass(frozen=True)
class Hit:
    """A gazetteer match in normalised text: [start, end) excludes any proclitic."""

    start: int
    end: int
    entry: Entry
    alias: str
    score: float


def _variants(norm_name: str) -> set[str]:
    """Surface spellings of a normalised name: «ال» glued or spaced after each word."""
    parts = norm_name.split(" ")
    if len(parts) == 1:
        return {norm_name}
    joins = []
    for p in parts[1:]:
        joins.append((" ", "") if p.startswith("ال") else (" ",))
    out = set()
    for combo in product(*joins):
        s = parts[0]
        for sep, p in zip(combo, parts[1:], strict=True):
            s += sep + p
        out.add(s)
        if len(out) > 16:
            break
    return out


class Gazetteer:
    """Entries with an automaton over their surface forms."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = []
        self.by_id: dict[str, Entry] = {}
        self._keys: dict[str, list[tuple[Entry, str]]] = {}  # name_key → (entry, alias)
        self._auto = ahocorasick.Automaton()
        self._fuzzy: dict[str, tuple[list[str], list[tuple[Entry, str]]]] = {}
        self._memo: dict[tuple[str, str | None, float], Hit | None] = {}
        for e in entries:
            self.add(e)
        self._finalize()

    # --- construction -------------------------------------------------------------
    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.by_id[entry.id] = entry
        for alias in dict.fromkeys([entry.canonical, *entry.names]):
            norm = normalize(alias)
            if len(norm) < 2:
                continue
            first = norm.split(" ", 1)[0]
            if (
                entry.type == PLACE
                and entry.kind not in _NAMED_WITH_TRIGGER
                and " " in norm
                and (first in PLACE_TRIGGERS)
            ):
                # «محافظة دمشق», «منطقة الميادين»: the place word stays outside the name span.
                self._keys.setdefault(name_key(alias), []).append((entry, alias))
                continue
            self._keys.setdefault(name_key(alias), []).append((entry, alias))
            for v in _variants(norm):
                self._add_surface(v, entry, alias, lil=False)
                if v.startswith("ال") and len(v) > 3:
                    self._add_surface(v[1:], entry, alias, lil=True)

    def _add_surface(self, surface: str, entry: Entry, alias: str, *, lil: bool) -> None:
        if surface in self._auto:
            bucket = self._auto.get(surface)
        else:
            bucket = []
            self._auto.add_word(surface, bucket)
        bucket.append((len(surface), entry, alias, lil))

    def _finalize(self) -> None:
        if len(self._auto) == 0:
            self._auto.add_word("\x00\x00", [])  # an automaton must hold a word to search
        self._auto.make_automaton()
        by_type: dict[str, tuple[list[str], list[tuple[Entry, str]]]] = {}
        for k, items in self._keys.items():
            for entry, alias in items:
                keys, owners = by_type.setdefault(entry.type, ([], []))
                keys.append(k)
                owners.append((entry, alias))
        self._fuzzy = by_type

    def extended(self, extra: Iterable[Entry]) -> Gazetteer:
        """A new gazetteer with ``extra`` (the case's entries) added to these."""
        return Gazetteer([*self.entries, *extra])

    # --- lookup -----------------------------------------------------------------------
    def scan(self, norm: str, *, context_ok: Any = None) -> Iterator[Hit]:
        """Every acceptable match in normalised text, overlapping ones included.

        ``context_ok(start)`` tells whether a context-needing entry may match at ``start``.
        """
        n = len(norm)
        for end_idx, bucket in self._auto.iter(norm):
            end = end_idx + 1
            if end < n and (norm[end].isalnum() or norm[end] == "_"):
                continue
            for length, entry, alias, lil in bucket:
                start = end - length
                ws = start
                while ws > 0 and (norm[ws - 1].isalnum()) and start - ws <= 3:
                    ws -= 1
                prefix = norm[ws:start]
                if ws > 0 and norm[ws - 1].isalnum():
                    continue
                if lil:
                    if prefix not in _LIL_PREFIXES:
                        continue
                elif prefix and prefix not in _PROCLITICS:
                    continue
                if entry.needs_context and not (context_ok and context_ok(start)):
                    continue
                score = 1.0 if not prefix else 0.97
                yield Hit(start, end, entry, alias, score * entry.weight)

    def lookup(self, name: str, type_: str | None = None, cutoff: float = 86.0) -> Hit | None:
        """Best entry for a name found by a pattern: exact key, then fuzzy spelling variant."""
        memo_key = (name, type_, cutoff)
        if memo_key not in self._memo:
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[memo_key] = self._lookup(name, type_, cutoff)
        return self._memo[memo_key]

    def _lookup(self, name: str, type_: str | None, cutoff: float) -> Hit | None:
        k = name_key(name)
        if not k:
            return None
        exact = [(e, a) for e, a in self._keys.get(k, []) if type_ is None or e.type == type_]
        if exact:
            entry, alias = max(exact, key=lambda ea: ea[0].weight)
            return Hit(0, 0, entry, alias, min(1.0, entry.weight))
        if len(k) < 4:
            return None
        types = [type_] if type_ else list(self._fuzzy)
        best: Hit | None = None
        for t in types:
            if t not in self._fuzzy:
                continue
            keys, owners = self._fuzzy[t]
            found = process.extractOne(k, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found is None:
                continue
            _, score, idx = found
            entry, alias = owners[idx]
            hit = Hit(0, 0, entry, alias, round(score / 100.0 * 0.95, 3))
            if best is None or hit.score > best.score:
                best = hit
        return best


# --- shipped resources --------------------------------------------------------------------
def _load_actors(path: Path) -> Iterator[Entry]:
    for row in json.loads(path.read_text(encoding="utf-8")):
        yield Entry(
            id=row["id"],
            type=row["type"],
            kind=row["kind"],
            canonical=row["name"],
            latin=row.get("latin", ""),
            names=[row["name"], *row.get("aliases", [])],
            ref=("gazetteer", row["id"]),
            parent=row.get("parent"),
            needs_context=bool(row.get("needs_context")),
        )


def _load_curated_places(path: Path) -> Iterator[Entry]:
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(
            (ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t"
        )
        for row in rows:
            pid, kind, name, aliases, latin, lat, lon, parent = (row + [""] * 9)[:8]
            yield Entry(
                id=pid,
                type=PLACE,
                kind=kind,
                canonical=name,
                latin=latin,
                names=[name, *[a for a in aliases.split("|") if a]],
                ref=("gazetteer", pid),
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                parent=parent or None,
            )


def _usable_geoname(name: str, known_keys: set[str]) -> bool:
    """GeoNames alternate names include bare words («مدينة», «أن»): keep real names only."""
    k = name_key(name)
    return len(k.replace(" ", "")) >= 3 and k not in known_keys and k not in PLACE_TRIGGERS


def _load_geonames(path: Path, ambiguous: set[str], known_keys: set[str]) -> Iterator[Entry]:
    for row in json.loads(path.read_text(encoding="utf-8")):
        names = [
            n for n in [row["name"], *row.get("aliases", [])] if _usable_geoname(n, known_keys)
        ]
        if not names:
            continue  # the curated list already has this place
        pop = row.get("population", 0)
        # Small places, and one-word towns most readers would not know, need a place word.
        small = pop < _SMALL_PLACE or (pop < 50_000 and " " not in normalize(names[0]))
        yield Entry(
            id=row["id"],
            type=PLACE,
            kind=row.get("kind", "town"),
            canonical=names[0],
            latin=row.get("latin", ""),
            names=names,
            ref=("gazetteer", row["id"]),
            lat=row.get("lat"),
            lon=row.get("lon"),
            parent=row.get("country"),
            needs_context=small or any(name_key(n) in ambiguous for n in names),
            weight=0.9,
        )


def _read_word_list(path: Path) -> set[str]:
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {name_key(ln) for ln in lines if ln.strip() and not ln.startswith("#")}


@lru_cache(maxsize=4)
def _shipped(directory: str) -> Gazetteer:
    d = Path(directory)
    ambiguous = _read_word_list(d / "ambiguous.txt")
    entries: list[Entry] = []
    if (d / "actors.json").exists():
        entries.extend(_load_actors(d / "actors.json"))
    if (d / "places_curated.tsv").exists():
        entries.extend(_load_curated_places(d / "places_curated.tsv"))
    for e in entries:
        if any(name_key(n) in ambiguous for n in e.names):
            e.needs_context = True
    known = {name_key(n) for e in entries for n in e.names}
    if (d / "places_geonames.json").exists():
        entries.extend(_load_geonames(d / "places_geonames.json", ambiguous, known))
    return Gazetteer(entries)


def shipped_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The gazetteer built from resources/gazetteer (cached: it is read-only)."""
    return _shipped(str(directory or default_dir()))


def case_entry(
    ref_id: Any,
    type_: str,
    kind: str,
    canonical: str,
    names: Iterable[str] = (),
    *,
    latin: str = "",
    ref_kind: str = "actor",
    lat: float | None = None,
    lon: float | None = None,
) -> Entry:
    """An entry for a confirmed actor or place of the case (outranks shipped entries)."""
    return Entry(
        id=f"{ref_kind}:{ref_id}",
        type=type_,
        kind=kind,
        canonical=canonical,
        latin=latin,
        names=[canonical, *names],
        ref=(ref_kind, ref_id),
        lat=lat,
        lon=lon,
        weight=1.05,
    )


__all__ = ["Entry", "Gazetteer", "Hit", "case_entry", "shipped_gazetteer", "GROUP", "PERSON"]
