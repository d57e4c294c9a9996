"""``extract()``: text → entities, relations and incidents.

Stages: normalise with an offset map → recognizers propose candidates (gazetteer automaton,
news-style patterns, dates, and any extra ``Recognizer`` such as a learned model later) →
overlaps resolved (longest, then linked, then surest) → linking to the gazetteer / case
(exact key, then fuzzy spelling) → Latin names → relations → in-document coreference →
incidents. Offsets are mapped back to the original text at the very end of each stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from ..normalize import normalize
from . import lexicon as lx
from .common import Cand, Occupancy, Quote, find_quotes, match_vocab, readings
from .dates import find_dates
from .gazetteer import Gazetteer, Hit, shipped_gazetteer
from .names import groups, persons, places
from .ner_model import protected, score, shipped_tagger
from .textmap import TextMap
from .types import DATE, GROUP, PERSON, Entity, ExtractionResult, LatinOf

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


def _resolve(cands: list[Cand], *, by_confidence: bool = False) -> list[Cand]:
    """Keep the best non-overlapping candidates: longest, then linked, then surest.

    With calibrated confidences (the model scored them) the case's own names come first,
    then the rules' protected findings (``ner_model.protected``: curated gazetteer names,
    quoted names after «المدعو»), longest first as without the model, then the rest: the
    confident (≥ 0.5) before the doubtful, longest first.
    """

    covering: set[int] = set()
    if by_confidence:  # «حركة أمل اللبنانية» extends the protected «حركة أمل»
        # (A quoted name is extended by _extend_quoted, never swallowed.)
        guarded = sorted((g.ns, g.ne, g.type) for g in cands
                         if protected(g) and g.source != "case" and "quote" not in g.extra)
        starts = [g[0] for g in guarded]
        for c in cands:
            if c.confidence < 0.5 or protected(c):
                continue
            k = bisect_left(starts, c.ns)
            while k < len(guarded) and guarded[k][0] < c.ne:
                gs, ge, gt = guarded[k]
                # Only an extension to the right (adjectives): «موقع لمليشيا فاطميون» does
                # not swallow «فاطميون».
                if gt == c.type and gs == c.ns and ge < c.ne:
                    covering.add(id(c))
                    break
                k += 1

    def rank(c: Cand) -> tuple:
        if by_confidence:
            tier = 2 if c.source == "case" else int(protected(c) or id(c) in covering)
            return (tier, c.length if tier else 0, c.confidence >= 0.5, c.length,
                    c.entry is not None, c.confidence)
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
            if not by_confidence:  # a calibrated confidence already weighs both
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


def _link(c: Cand, gaz: Gazetteer, calibrated: bool = False) -> None:
    if c.entry is not None or c.type == DATE:
        return
    hit = gaz.lookup(c.name, c.type)
    if hit is None:
        return
    c.entry, c.alias = hit.entry, hit.alias
    if calibrated:  # an exact link keeps the calibrated confidence; a fuzzy one lowers it
        c.confidence = round(c.confidence * min(hit.score, 1.0), 3)
    else:  # noisy-or of the pattern's and the link's confidence
        c.confidence = round(1 - (1 - c.confidence) * (1 - 0.9 * min(hit.score, 1.0)), 3)
    if hit.score < 1.0:
        c.extra["fuzzy"] = hit.score


# Words that name a group only through context: «الحكومة» is whichever government the report
# has named, «التحالف» whichever coalition.
GENERIC_GROUP_WORDS = frozenset(
    normalize(w) for w in "الحكومة النظام التحالف الجيش الائتلاف المرصد الحزب الحركة الهيئة "
    "التنظيم الوكالة المجلس الفصيل الميليشيا المليشيا القوات الحرس".split()
)


def _link_generic(chosen: list[Cand]) -> None:
    """Link a lone generic word to the one actor the report named before with that word.

    «… الحكومة السورية … وقالت الحكومة» links the second to the Syrian government; with two
    governments named before (or none), the word stays unlinked (the analyst decides). Its
    confidence is capped: the link is an inference, not a name.
    """
    named: dict[str, set[str]] = {}  # generic word → ids of linked actors named with it
    entries: dict[str, object] = {}
    for c in chosen:
        if c.type != GROUP:
            continue
        word = _generic_word(c.name)
        if c.entry is not None and word is None:
            entries[c.entry.id] = c.entry
            for w in normalize(c.entry.canonical).split() + normalize(c.alias or "").split():
                w = w if w.startswith("ال") else "ال" + w
                if w in GENERIC_GROUP_WORDS:
                    named.setdefault(w, set()).add(c.entry.id)
        elif word is not None:
            if c.entry is not None:  # a lone generic word is never a name by itself
                c.entry, c.alias = None, None
            ids = named.get(word, set())
            if len(ids) == 1:
                c.entry = entries[next(iter(ids))]
                c.alias = c.name
                c.extra["generic"] = word
                c.confidence = min(c.confidence, 0.7)


def _generic_word(name: str) -> str | None:
    words = normalize(name).replace('"', " ").split()
    if len(words) != 1:
        return None
    w = words[0]
    for _off, stem in readings(w):
        if stem in GENERIC_GROUP_WORDS:
            return stem
    return None


def _latin_of(type_: str, canonical: str) -> LatinOf | str:
    """The Latin name worked out when read (``types.LatinOf``): most are never read."""
    return "" if type_ == DATE else LatinOf(type_, canonical)


def _to_entity(c: Cand, tm: TextMap) -> Entity:
    s, e = tm.orig_span(c.ns, c.ne)
    text = tm.text[s:e]
    if c.entry is not None:
        canonical = c.entry.canonical
        if c.entry.latin:
            latin_from = "case" if c.entry.ref[0] != "gazetteer" else "gazetteer"
            latin = c.entry.latin
        else:
            latin = latin_from = _latin_of(c.type, c.entry.canonical)
        kind = c.entry.kind if c.type != PERSON else c.kind
        ref = c.entry.ref
    else:
        canonical = _display_name(text) if c.type != DATE else text
        if text.startswith("ل") and s > 0 and tm.text[s - 1] == "ل" and c.type != DATE:
            canonical = "ا" + canonical  # «للبنك المركزي» is spanned «لبنك المركزي»: ل + البنك
        kind, ref = c.kind, None
        latin = latin_from = _latin_of(c.type, canonical)
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
        latin_from=latin_from,
        name=_display_name(text) if c.type != DATE else text,
        matched_alias=c.alias,
        confidence=min(1.0, c.confidence),
        date=c.date,
        ref=ref,
        source=c.source,
    )


def rule_candidates(tm: TextMap, quotes: list[Quote], gaz: Gazetteer) -> list[Cand]:
    """Gazetteer hits and news-style pattern candidates (names only, no dates)."""
    cands: list[Cand] = [
        _hit_cand(h) for h in gaz.scan(tm.norm, context_ok=_context_checker(tm, quotes))
    ]
    if _ARABIC.search(tm.norm):
        cands.extend(persons(tm, quotes))
        cands.extend(groups(tm, quotes))
        cands.extend(places(tm, quotes))
    return cands


def extract(
    text: str,
    *,
    report_date: date | None = None,
    known: Gazetteer | None = None,
    recognizers: Sequence[Recognizer] = (),
    use_model: bool = True,
) -> ExtractionResult:
    """Propose entities, relations and incidents in ``text`` (see the module docstring).

    ``use_model`` adds the shipped learned tagger (``ner_model.shipped_tagger``) before any
    extra ``recognizers`` and scores every name candidate with its calibrated confidence;
    ``use_model=False`` gives the rules alone (the "before" of scripts/eval_ner.py).
    """
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
    cands = rule_candidates(tm, quotes, gaz)
    if language != "ar":
        status = "no-arabic" if status == "ok" else status
    cands.extend(find_dates(tm.norm, report_date))
    tm.cache["rule_cands"] = cands  # a learned recognizer reads the rules' outputs as features
    tagger = shipped_tagger() if use_model and language == "ar" else None
    for r in [tagger, *recognizers] if tagger is not None else recognizers:
        cands.extend(r.propose(tm, quotes))
    if tagger is not None:
        score(cands, tagger.calibration)
        cands = [c for c in cands if c.type == DATE or protected(c)
                 or c.confidence >= tagger.min_confidence]
    chosen = _resolve(cands, by_confidence=tagger is not None)
    _extend_quoted(chosen, tm, quotes)
    for c in chosen:
        _link(c, gaz, calibrated=tagger is not None)
    _link_generic(chosen)
    result = ExtractionResult(text=text, language=language, status=status)
    result.entities = [_to_entity(c, tm) for c in chosen]
    result.relations = find_relations(tm, chosen, result.entities)
    result.incidents = find_incidents(tm, chosen, result, report_date)
    return result
