"""``extract()``: text → entities, relations and incidents.

Stages: normalise with an offset map → recognizers propose candidates (gazetteer automaton,
news-style patterns, dates, and any extra ``Recognizer`` such as a learned model later) →
overlaps resolved (longest, then linked, then surest) → linking to the gazetteer / case
(exact key, then fuzzy spelling) → Latin names → relations → in-document coreference →
incidents. Offsets are mapped back to the original text at the very end of each stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from . import lexicon as lx
from .common import Cand, Occupancy, Quote, find_quotes, match_vocab
from .dates import find_dates
from .gazetteer import Gazetteer, Hit, shipped_gazetteer
from .names import groups, persons, places
from .romanize import person_latin, simple_latin
from .textmap import TextMap
from .types import DATE, GROUP, PERSON, PLACE, Entity, ExtractionResult

# Texts longer than this are cut for extraction (not for storage): a report is never this long,
# and a pathological input must finish in seconds.
MAX_CHARS = 2_000_000
_ARABIC = re.compile("[\u0600-\u06ff]")
_SOURCE_RANK = {"case": 3, "gazetteer": 2}
_QUOTES_TATWEEL = re.compile('["«»“”„‟\u0640]')


class Recognizer(Protocol):
    """The seam for other recognizers (e.g. an optional learned NER model).

    It receives the normalised view and returns candidates in normalised offsets; the pipeline
    resolves overlaps with the rule candidates, links, romanises and maps offsets back.
    """

    name: str

    def propose(self, tm: TextMap, quotes: Sequence[Quote]) -> Iterable[Cand]: ...


def _hit_cand(h: Hit) -> Cand:
    src = "case" if h.entry.ref[0] != "gazetteer" else "gazetteer"
    conf = 0.9 if len(h.alias) > 4 else 0.8
    return Cand(
        h.entry.type,
        h.entry.kind,
        h.start,
        h.end,
        h.alias,
        round(conf * min(h.score, 1.0), 3),
        src,
        entry=h.entry,
        alias=h.alias,
    )


def _context_checker(tm: TextMap, quotes: list[Quote]):
    quote_starts = {q.cs for q in quotes}

    def ok(start: int) -> bool:
        if start in quote_starts:
            return True
        i = tm.token_at(start)  # the hit's own word (maybe with a proclitic glued on)
        if i <= 0:
            return False
        r = match_vocab(tm.words[i - 1], lx.PLACE_CONTEXT)
        return r is not None and not r[1].startswith("ال")

    return ok


def _resolve(cands: list[Cand]) -> list[Cand]:
    """Keep the best non-overlapping candidates: longest, then linked, then surest."""

    def rank(c: Cand) -> tuple:
        return (c.length, c.entry is not None, _SOURCE_RANK.get(c.source, 1), c.confidence)

    chosen: list[Cand] = []
    occupied = Occupancy()
    for c in sorted(cands, key=rank, reverse=True):
        if c.ne <= c.ns or not occupied.free(c.ns, c.ne):
            continue
        chosen.append(c)
        occupied.take(c.ns, c.ne)
    # A known name that a pattern also found («المدعو "…"») is surer than either alone.
    support: dict[tuple[int, int, str], Cand] = {}
    for c in cands:
        if c.entry is None:
            support.setdefault((c.ns, c.ne, c.type), c)
    for c in chosen:
        p = support.get((c.ns, c.ne, c.type)) if c.entry is not None else None
        if p is not None:
            c.confidence = round(1 - (1 - c.confidence) * (1 - p.confidence), 3)
            if c.type == PERSON:
                c.kind = p.kind
    chosen.sort(key=lambda c: c.ns)
    return chosen


def _extend_quoted(chosen: list[Cand], tm: TextMap, quotes: list[Quote]) -> None:
    """«"الحرس الثوري" الإيراني»: a quoted group name owns the adjectives after the quote."""
    by_content = {(q.cs, q.ce): q for q in quotes}
    starts = {c.ns for c in chosen}
    for c in chosen:
        q = by_content.get((c.ns, c.ne))
        if c.type != GROUP or q is None:
            continue
        t = tm.token_at(q.close) + 1
        j = t
        while (
            j < len(tm)
            and j - t < 2
            and tm.words[j] in lx.GROUP_ADJECTIVES
            and tm.starts[j] not in starts
        ):
            if tm.norm[q.close + 1 if j == t else tm.ends[j - 1] : tm.starts[j]].strip():
                break
            j += 1
        if j == t:
            continue
        c.ns, c.ne = q.open, tm.ends[j - 1]
        c.name = " ".join([*tm.norm[q.cs : q.ce].split(), *tm.words[t:j]])
        c.entry = None  # re-link with the adjectives: «الحرس الثوري الإيراني»


def _display_name(text: str) -> str:
    """Original spelling without quote marks or tatweel, spaces collapsed."""
    cleaned = _QUOTES_TATWEEL.sub(" ", text)
    return " ".join(cleaned.split())


def _link(c: Cand, gaz: Gazetteer) -> None:
    if c.entry is not None or c.type == DATE:
        return
    hit = gaz.lookup(c.name, c.type)
    if hit is None:
        return
    c.entry, c.alias = hit.entry, hit.alias
    # Noisy-or of the pattern's and the link's confidence.
    c.confidence = round(1 - (1 - c.confidence) * (1 - 0.9 * min(hit.score, 1.0)), 3)
    if hit.score < 1.0:
        c.extra["fuzzy"] = hit.score


def latin_for(type_: str, canonical: str) -> str:
    if type_ == PERSON or type_ == PLACE:
        return person_latin(canonical)
    if type_ == DATE:
        return ""
    return simple_latin(canonical)


def _to_entity(c: Cand, tm: TextMap) -> Entity:
    s, e = tm.orig_span(c.ns, c.ne)
    text = tm.text[s:e]
    if c.entry is not None:
        canonical, latin = c.entry.canonical, c.entry.latin or latin_for(c.type, c.entry.canonical)
        kind = c.entry.kind if c.type != PERSON else c.kind
        ref = c.entry.ref
    else:
        canonical = _display_name(text) if c.type != DATE else text
        if text.startswith("ل") and s > 0 and tm.text[s - 1] == "ل" and c.type != DATE:
            canonical = "ا" + canonical  # «للبنك المركزي» is spanned «لبنك المركزي»: ل + البنك
        latin, kind, ref = latin_for(c.type, canonical), c.kind, None
    if c.type == DATE and c.date is not None:
        canonical = c.date.value
    return Entity(
        type=c.type,
        kind=kind,
        text=text,
        start=s,
        end=e,
        canonical=canonical,
        latin=latin,
        name=_display_name(text) if c.type != DATE else text,
        matched_alias=c.alias,
        confidence=min(1.0, c.confidence),
        date=c.date,
        ref=ref,
        source=c.source,
    )


def extract(
    text: str,
    *,
    report_date: date | None = None,
    known: Gazetteer | None = None,
    recognizers: Sequence[Recognizer] = (),
) -> ExtractionResult:
    """Propose entities, relations and incidents in ``text`` (see the module docstring)."""
    from .incidents import find_incidents
    from .relations import find_relations

    if not isinstance(text, str):
        raise TypeError("extract() takes the extracted text as str")
    status = "ok"
    if not text.strip():
        return ExtractionResult(text=text, language="und", status="empty")
    work = text
    if len(text) > MAX_CHARS:
        work, status = text[:MAX_CHARS], "truncated"
    language = "ar" if _ARABIC.search(work) else "und"
    gaz = known or shipped_gazetteer()
    tm = TextMap.build(work)
    tm.text = text  # spans index the caller's text; the cut only limits what is read
    quotes = find_quotes(tm)
    cands: list[Cand] = [
        _hit_cand(h) for h in gaz.scan(tm.norm, context_ok=_context_checker(tm, quotes))
    ]
    if language == "ar":
        cands.extend(persons(tm, quotes))
        cands.extend(groups(tm, quotes))
        cands.extend(places(tm, quotes))
    else:
        status = "no-arabic" if status == "ok" else status
    cands.extend(find_dates(tm.norm, report_date))
    for r in recognizers:
        cands.extend(r.propose(tm, quotes))
    chosen = _resolve(cands)
    _extend_quoted(chosen, tm, quotes)
    for c in chosen:
        _link(c, gaz)
    result = ExtractionResult(text=text, language=language, status=status)
    result.entities = [_to_entity(c, tm) for c in chosen]
    result.relations = find_relations(tm, chosen, result.entities)
    result.incidents = find_incidents(tm, chosen, result, report_date)
    return result
