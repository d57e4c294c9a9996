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
    return _shipped_dir()


@lru_cache(maxsize=1)
def _shipped_dir() -> Path:
    # Finding the resources (importlib.resources, resolve) costs a millisecond: every
    # extract() asks for the shipped gazetteer, so look it up once.
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
        self._by_length: dict[tuple[str, int, float], tuple[list[str], list]] = {}
        self._key_lengths: dict[str, list[int]] = {}
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
            keys, owners = self._near_length(t, len(k), cutoff)
            found = process.extractOne(k, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found is None:
                continue
            _, score, idx = found
            entry, alias = owners[idx]
            if not _words_match(normalize(name), normalize(alias)):
                continue  # «الاستخبارات الدولية» is not «الاستخبارات الجوية»
            hit = Hit(0, 0, entry, alias, round(score / 100.0 * 0.95, 3))
            if best is None or hit.score > best.score:
                best = hit
        return best


    def _near_length(
        self, type_: str, n: int, cutoff: float
    ) -> tuple[list[str], list[tuple[Entry, str]]]:
        """The keys of ``type_`` whose length lets them reach ``cutoff`` against a key of
        ``n`` letters, in their original order (so ties resolve as over all keys).

        fuzz.ratio is 100 * (1 - d / (n + m)) with d the insert/delete distance, and d is at
        least |n - m|: a key of a very different length can never score ``cutoff``, and
        comparing a name with a few hundred keys instead of thousands is what keeps linking
        cheap. One point of margin keeps rounding from ever dropping a match.
        """
        memo_key = (type_, n, cutoff)
        got = self._by_length.get(memo_key)
        if got is None:
            keys, owners = self._fuzzy[type_]
            lengths = self._key_lengths.get(type_)
            if lengths is None:
                lengths = self._key_lengths[type_] = [len(key) for key in keys]
            # The test depends on the key's length alone: decide it once per length.
            near = {m for m in set(lengths) if 100.0 * (1 - abs(n - m) / (n + m)) >= cutoff - 1}
            idx = [i for i, m in enumerate(lengths) if m in near]
            got = self._by_length[memo_key] = ([keys[i] for i in idx], [owners[i] for i in idx])
        return got


def _words_match(name_key_: str, alias_key: str) -> bool:
    """A fuzzy link is a spelling variant: every word has a close counterpart (ratio ≥ 80)."""
    a, b = name_key_.split(), alias_key.split()
    if len(a) != len(b):
        return len(a) == 1 or len(b) == 1  # glued/spaced forms («ديرالزور»)
    return all(fuzz.ratio(x, y) >= 80 for x, y in zip(a, b, strict=True))


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


def _load_actor_table(path: Path, entries: list[Entry]) -> list[Entry]:
    """actors_syria.tsv: id, type, kind, name, aliases (|), latin, affiliation («_»: none).

    A row naming an actor already known (same name key) only adds its aliases to it; an
    alias another actor already owns stays with that actor, so one spelling never links two.
    """
    owner: dict[str, Entry] = {}
    for e in entries:
        for n in e.names:
            owner.setdefault(name_key(n), e)
    out: list[Entry] = []
    merged: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            aid, type_, kind, name, aliases, latin, parent = (line.rstrip("\n").split("\t")
                                                              + [""] * 7)[:7]
            names = [name, *[a for a in aliases.split("|") if a and a != "_"]]
            same = owner.get(name_key(name))
            if same is not None:
                same.names.extend(n for n in names if name_key(n) not in owner)
                for n in names:
                    owner.setdefault(name_key(n), same)
                merged[aid] = same.id
                continue
            names = [n for n in names if name_key(n) not in owner]
            entry = Entry(id=aid, type=type_, kind=kind, canonical=name,
                          latin="" if latin == "_" else latin, names=names,
                          ref=("gazetteer", aid), parent=None if parent in ("", "_") else parent)
            for n in names:
                owner[name_key(n)] = entry
            out.append(entry)
    for e in out:
        e.parent = merged.get(e.parent or "", e.parent)
    return out


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


def _merge_admin(path: Path, entries: list[Entry], ambiguous: set[str]) -> list[Entry]:
    """Syria's governorates, districts and subdistricts (OpenSyria, CC BY 4.0), with parents.

    A division already curated (the 14 governorates, a few districts) keeps its entry and
    gains the division's aliases; a division named like another place (district «الميادين»,
    the town) matches only after a place word («منطقة الميادين», «ناحية …»).
    """
    by_key: dict[tuple[str, str], Entry] = {}
    known: set[str] = set()
    for e in entries:
        for n in e.names:
            known.add(name_key(n))
            if e.type == PLACE:
                by_key.setdefault((e.kind, name_key(n)), e)
    ids: dict[str, str] = {"sy": "sy"}
    out: list[Entry] = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        names = [row["name"], *row.get("aliases", [])]
        keys = [name_key(n) for n in names]
        same = next((by_key[(row["kind"], k)] for k in keys if (row["kind"], k) in by_key), None)
        if same is not None:
            same.names.extend(n for n in names if n not in same.names)
            ids[row["id"]] = same.id
            continue
        ids[row["id"]] = row["id"]
        bare = name_key(row["name"].removeprefix("مركز ").strip())
        out.append(Entry(
            id=row["id"], type=PLACE, kind=row["kind"], canonical=row["name"],
            latin=row.get("latin", ""), names=names, ref=("gazetteer", row["id"]),
            lat=row.get("lat"), lon=row.get("lon"), parent=ids.get(row["parent"], row["parent"]),
            needs_context=any(k in known or k in ambiguous for k in keys) or bare in known,
        ))
    return out


def _place_parents(entries: list[Entry], by_id: dict[str, Entry]) -> None:
    """A Syrian town lies in the subdistrict named after it, else in the nearest subdistrict
    centre of its governorate (an approximation: OpenSyria ships centroids, not borders)."""
    subs = [e for e in entries if e.kind == "subdistrict" and e.lat is not None]
    by_name = {name_key(e.canonical.removeprefix("مركز ").strip()): e for e in subs}

    def governorate(e: Entry | None) -> str | None:
        seen = 0
        while e is not None and seen < 6:
            if e.kind == "governorate":
                return e.id
            e, seen = by_id.get(e.parent or ""), seen + 1
        return None

    for e in entries:
        if e.type != PLACE or e.kind not in ("city", "town", "village", "area") or e.lat is None:
            continue
        parent = by_id.get(e.parent or "")
        in_syria = (e.parent or "").lower() == "sy" or governorate(parent) is not None
        if not in_syria or (parent is not None and parent.kind not in ("governorate", "country")):
            continue  # abroad, or already inside a subdistrict, district or area
        seat = by_name.get(name_key(e.canonical))
        if seat is not None:
            e.parent = seat.id
            continue
        gov = governorate(parent)
        pool = [s for s in subs if gov is None or governorate(s) == gov]
        best = min(pool, key=lambda s: (s.lat - e.lat) ** 2 + (s.lon - e.lon) ** 2, default=None)
        if best is not None and (best.lat - e.lat) ** 2 + (best.lon - e.lon) ** 2 < 0.25:
            e.parent = best.id  # within ~50 km of its centre


def ancestors(gaz: Gazetteer, entry_id: str) -> list[Entry]:
    """The places above a gazetteer place, nearest first (subdistrict … country)."""
    out: list[Entry] = []
    e = gaz.by_id.get(entry_id)
    while e is not None and e.parent and len(out) < 8:
        e = gaz.by_id.get(e.parent) or gaz.by_id.get(e.parent.lower())
        if e is None or e in out:
            break
        out.append(e)
    return out


@lru_cache(maxsize=4)
def _shipped(directory: str) -> Gazetteer:
    d = Path(directory)
    ambiguous = _read_word_list(d / "ambiguous.txt")
    entries: list[Entry] = []
    if (d / "actors.json").exists():
        entries.extend(_load_actors(d / "actors.json"))
    if (d / "actors_syria.tsv").exists():
        entries.extend(_load_actor_table(d / "actors_syria.tsv", entries))
    if (d / "places_curated.tsv").exists():
        entries.extend(_load_curated_places(d / "places_curated.tsv"))
    for e in entries:
        if any(name_key(n) in ambiguous for n in e.names):
            e.needs_context = True
    known = {name_key(n) for e in entries for n in e.names}
    if (d / "places_geonames.json").exists():
        entries.extend(_load_geonames(d / "places_geonames.json", ambiguous, known))
    if (d / "places_admin.json").exists():
        entries.extend(_merge_admin(d / "places_admin.json", entries, ambiguous))
        _place_parents(entries, {e.id: e for e in entries})
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
