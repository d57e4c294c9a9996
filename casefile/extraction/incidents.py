"""Incidents at clause level, with an ACLED-style type/sub-type (see README.md).

A clause is a sentence cut at connectors («بعد», «حيث», «ردًا على»…) and at commas that open a
new event; «وتحديدًا …» refines the clause before it. A clause yields the event its most
specific trigger names (not under a modality word: «خوفًا من», «لمنع», «عدم», «هل»), and
statements by how they are said (``incident_words``): a call, warning or denial is a statement
whose content is not an event; a stance («اعتبرت تركيا أن الهجوم … خطوة إيجابية») is a
statement and the event it is about is an incident too; a news verb («أعلن الجيش أنه استهدف»)
only carries the event it reports. Actors get roles from their position; news sources
(«المرصد», «وكالة») are never actors. A killing next to an event is that event's toll; a later
mention of the same event (same type and place, or the same actors) joins the first; a strike on
several coordinated places («غارات على سراقب ومعرة النعمان وخان شيخون») gives one incident per
place, so each has its point on the map.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from . import incident_words as w
from . import lexicon as lx
from .common import Cand, match_vocab
from .incident_places import Places
from .incident_words import PR, SD, VAC, B, E
from .textmap import TextMap
from .types import DATE, GROUP, PERSON, PLACE, DateValue, ExtractionResult, Incident, IncidentActor

AGENT_ROLE = {
    B: "participant",
    E: "perpetrator",
    VAC: "perpetrator",
    PR: "participant",
    "riots": "participant",
}
SUB_AGENT = {
    "visit_meeting": "visitor",
    "statement_call": "speaker",
    "verbal_altercation": "participant",
    "escalation_tension": "participant",
    "agreement": "participant",
}
PATIENT_ROLE = {
    "statement_call": "target",
    "visit_meeting": "host",
    "arrest": "target",
    "pressure": "target",
    "verbal_altercation": "participant",
    "escalation_tension": "participant",
}
# Explosions from the most to the least specific, when two mentions of one event merge.
_E_SPECIFIC = ["chemical_weapon", "suicide_bomb", "air_drone_strike",
               "remote_explosive_landmine_ied", "shelling_artillery_missile_attack"]
_VIOLENT = (B, E, VAC)
_SENT = re.compile(r"[.!?\n]+")
# A doubtful place («جوية» fuzzily read as Jounieh) is not put on the map for an incident
# (an exact gazetteer name is never doubtful there).
_PLACE_CONFIDENCE = 0.4
_PREP_WORDS = lx._set("على ضد في الى إلى من عن ل ب لدى نحو باتجاه قرب")


@dataclass
class _Clause:
    t0: int  # token range [t0, t1)
    t1: int
    refiners: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Trigger:
    k: int  # token index
    type: str
    sub: str
    prio: int
    kind: str  # event | call | stance | inform | continue
    scope: int = -1  # first token whose actors belong to this trigger (-1: the clause's)


# «وسط» opens a clause («وسط إجراءات أمنية مشددة») unless it says where («وسط العاصمة بغداد»).
_AMID = lx._set("وسط")
_CENTRE_OF = lx._set("العاصمة عاصمة المدينة البلدة القرية")


_OPENERS = lx.CLAUSE_OPENERS | w.CAUSE_OPENERS


def _opens_clause(tm: TextMap, k: int, places: set[int]) -> bool:
    """Called for opener words only (``_OPENERS``)."""
    if tm.words[k] in _AMID:
        return not (k + 1 < len(tm) and (k + 1 in places or tm.words[k + 1] in _CENTRE_OF
                                         or match_vocab(tm.words[k + 1], lx.PLACE_TRIGGERS)))
    return True


def _clauses(tm: TextMap, places: set[int]) -> list[_Clause]:
    """``places``: the tokens where a place name starts."""
    out: list[_Clause] = []
    words, norm = tm.words, tm.norm
    bounds = [m.end() for m in _SENT.finditer(norm)]
    gaps = tm.gaps()
    si, t = 0, 0
    while t < len(tm):
        while si < len(bounds) and bounds[si] <= tm.starts[t]:
            si += 1
        send = bounds[si] if si < len(bounds) else len(norm)
        t_end = bisect_left(tm.starts, send, t)  # the first word at or after the sentence end
        cur = _Clause(t, t)
        for k in range(t, t_end):
            word = words[k]
            comma = k > t and "," in gaps[k - 1]
            if k > cur.t0 and word in lx.REFINERS:
                cur.refiners.append((k, t_end))
            elif (
                k > cur.t0
                and not cur.refiners
                and ((word in _OPENERS and _opens_clause(tm, k, places))
                     or (comma and _has_trigger(tm, k, t_end)))
            ):
                cur.t1 = k
                out.append(cur)
                cur = _Clause(k, k)
            elif cur.refiners and comma:
                cur.refiners[-1] = (cur.refiners[-1][0], k)
                cur.t1 = k
                out.append(cur)
                cur = _Clause(k, k)
        cur.t1 = t_end
        out.append(cur)
        t = t_end
    return [c for c in out if c.t1 > c.t0]


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str | None, bool, bool, bool]:
    """What a word is to incidents, once per distinct word: (trigger stem, setup verb,
    launch verb, modal word)."""
    hit = match_vocab(word, w.TRIGGERS)
    return (
        hit[1] if hit else None,
        match_vocab(word, w.SETUP) is not None,
        match_vocab(word, w.LAUNCH) is not None,
        match_vocab(word, lx.MODALITY) is not None
        or match_vocab(word, w.EXTRA_MODALITY) is not None
        or match_vocab(word, w.PLAN) is not None,
    )


def _has_trigger(tm: TextMap, k: int, end: int) -> bool:
    gaps = tm.gaps()
    for j in range(k, min(end, k + 20)):
        if j > k and "," in gaps[j - 1]:
            return False
        stem, setup = _word(tm.words[j])[:2]
        if (stem and w.TRIGGERS[stem][3] == "event") or setup:
            return True
    return False


def _near(words: list[str], lo: int, hi: int, vocab) -> bool:
    return any(match_vocab(x, vocab) for x in words[max(lo, 0) : hi])


def _refine(words: list[str], cl: _Clause, k: int, type_: str, sub: str) -> tuple[str, str]:
    """The sub-type the words around a trigger make more precise («هجوم كيماوي», «غارة جوية»)."""
    lo, hi = max(cl.t0, k - 3), min(cl.t1, k + 4)
    if type_ not in (B, E):
        return type_, sub
    if _near(words, lo, hi, w.CHEMICAL):
        return E, "chemical_weapon"
    if _near(words, lo, hi, w.SUICIDE) and _near(words, lo, hi, w.CAR_BOMB | w.SUICIDE):
        if sub == "suicide_bomb" or _near(words, lo, hi, w.CAR_BOMB):
            return E, "suicide_bomb"
    if _near(words, lo, hi, w.CAR_BOMB):
        return E, "remote_explosive_landmine_ied"
    if _near(words, lo, hi, w.AIR):
        return E, "air_drone_strike"
    if type_ == B and _near(words, k + 1, hi, w.MISSILE):
        return E, "shelling_artillery_missile_attack"
    if type_ == B and _near(words, k + 1, min(hi, k + 3), w.TERROR):
        return VAC, "attack"
    return type_, sub


def _triggers(tm: TextMap, cl: _Clause, covered: list[bool]) -> list[_Trigger]:
    """The clause's event and statement triggers that count (see the module docstring)."""
    words = tm.words
    event: _Trigger | None = None
    speech: _Trigger | None = None
    modal = False
    for k in range(cl.t0, cl.t1):
        stem, setup, launch, modal_word = _word(words[k])
        found = None
        if stem is not None:
            type_, sub, prio, kind = w.TRIGGERS[stem]
            if stem == "تبادل" and not _near(words, k + 1, k + 2, w.EXCHANGE_OBJ):
                stem = None
            elif sub == "escalation_tension" and k > cl.t0 and _near(
                words, k - 1, k, w.TENSION_PLACES
            ):
                stem = None  # «بؤر التوتر»: the hotbeds, not a rise in tension
            elif sub == "evacuation" and _near(words, k + 1, k + 2, w.RELEASE):
                stem = None
            elif _quoted_alone(tm, k):
                stem = None  # «فيلم "اشتباك"»
            if stem is not None:
                type_, sub = _refine(words, cl, k, type_, sub)
                found = _Trigger(k, type_, sub, prio, kind)
        elif setup and _near(words, k + 1, k + 3, w.SETUP_OBJ):
            found = _Trigger(k, SD, "checkpoint_setup", 82, "event")
        elif launch and _near(words, k + 1, k + 6, w.PROJECTILES):
            found = _Trigger(k, *_refine(words, cl, k, E, "shelling_artillery_missile_attack"),
                             70, "event")
        if found and not covered[k]:
            if found.kind == "event" and not modal:
                if event is None or found.prio > event.prio:
                    event = found
            elif found.kind != "event" and (speech is None or found.prio > speech.prio):
                if not (modal and found.kind != "call"):
                    speech = found
        if modal_word:
            modal = True  # a modal word governs the rest of the clause
    if event is not None and event.type == B and words[event.k] in w.VERBAL_ATTACK and _near(
        words, event.k + 1, cl.t1, w.SAYING
    ):
        # «وشن الأسد هجوما على الإخوان قائلا …»: an attack in words, a statement.
        event = _Trigger(event.k, SD, "statement_call", 40, "stance")
        return [event]
    if event is not None and words[event.k] in w.HABITUAL and _background(tm, cl.t0):
        event = None  # «يشار إلى أن طائرات التحالف تستهدف مواقع …»: what usually happens
    if event is not None and event.sub == "attack" and match_vocab(words[event.k], w.KILLINGS) \
            and _near(words, cl.t0, cl.t1, w.MISHAPS):
        event = None  # «مقتل 90 شخصا في حادث قطار»: a death toll of a mishap, not violence
    if speech is not None and (_told_by_news(words, speech, cl.t1)
                               or _news_subject(words, cl.t0, speech)
                               or _background(tm, cl.t0)):
        speech = None  # «كشف المرصد …», «وكان المرصد قد أكد …», «يذكر أن …»: not a statement
    if speech is not None and speech.kind == "call" and (event is None or speech.k < event.k):
        return [speech]
    if event is not None:
        if speech is not None and speech.k < event.k:
            event.scope = _reported_scope(tm, speech, event)
            if speech.kind == "stance":
                return [speech, event]
        return [event]
    return [speech] if speech is not None else []


def _quoted_alone(tm: TextMap, k: int) -> bool:
    s, e = tm.starts[k], tm.ends[k]
    return (s > 0 and tm.norm[s - 1] in w.TITLE_QUOTES
            and e < len(tm.norm) and tm.norm[e] in w.TITLE_QUOTES)


def _told_by_news(words: list[str], speech: _Trigger, t1: int) -> bool:
    return speech.kind != "call" and _near(words, speech.k + 1, min(t1, speech.k + 3),
                                           w.NEWS_SOURCES)


def _news_subject(words: list[str], t0: int, speech: _Trigger) -> bool:
    """«وكان المرصد السوري لحقوق الإنسان قد أكد …»: a news source names the speaker."""
    return speech.kind == "inform" and _near(words, max(t0, speech.k - 7), speech.k,
                                             w.NEWS_SOURCES)


def _background(tm: TextMap, t0: int) -> bool:
    """«يذكر أن …», «يشار إلى أن …», «وتجدر الإشارة إلى أن …»: the writer reminds the reader
    of background; what is said there is not a statement of the day."""
    return _near(tm.words, t0, t0 + 2, w.BACKGROUND) and _sentence_start(tm, t0)


def _sentence_start(tm: TextMap, t: int) -> bool:
    return t == 0 or any(c in tm.between(t - 1, t) for c in ".!?\n")


_THAT = lx._set("أن ان إن")
_THAT_HE = lx._set("أنه انه إنه أنها انها إنها أنهم انهم إنهم")


def _reported_scope(tm: TextMap, speech: _Trigger, event: _Trigger) -> int:
    """Whose actors an event reported by a speech verb has: «اعتبرت تركيا أن الهجوم الأمريكي …»
    (after «أن»: not Turkey's), «أعلن الجيش أنه استهدف …» (the army's own act), «وقال
    المتحدث "… ضحايا غارات …"» (inside the quote: not the speaker's)."""
    words = tm.words
    for j in range(speech.k + 1, event.k):
        if any(q in tm.between(j - 1, j) for q in w.TITLE_QUOTES):
            return j
        if match_vocab(words[j], _THAT_HE):
            return -1 if speech.kind == "inform" else j + 1
        if words[j] in _THAT:
            return j + 1
    return speech.k + 1 if speech.kind == "stance" else -1


@dataclass
class _Context:
    tm: TextMap
    cands: list[Cand]
    res: ExtractionResult
    first: list[int]
    descriptor: set[int]
    attribute: set[int]
    associates: dict[int, list[int]]
    rivals: list
    sent_bounds: list[int]
    dated: list[int]
    period_starts: set[int]
    places: Places


_YEAR_WORDS = lx._set("عام العام سنة")


def _context(tm: TextMap, cands: list[Cand], res: ExtractionResult) -> _Context:
    rels = res.relations
    associates: dict[int, list[int]] = {}
    for r in rels:
        if r.type in ("affiliated_with", "backed_by"):
            associates.setdefault(r.source, []).append(r.target)
    ents = res.entities
    dated = [k for k, e in enumerate(ents) if e.type == DATE and e.date is not None]
    # «منذ العام 2012» starts a period: it does not date the event of its sentence.
    period = set()
    for k in dated:
        t = tm.token_of(cands[k].ns)
        if t > 1 and tm.words[t - 1] in _YEAR_WORDS:
            t -= 1  # «منذ عام 2011»
        if t > 0 and match_vocab(tm.words[t - 1], w.DATE_PERIOD_STARTS):
            period.add(k)
    return _Context(
        tm, cands, res,
        first=[tm.token_of(c.ns) for c in cands],
        descriptor={r.target for r in rels if r.type in ("office", "member_of")},
        attribute={r.target for r in rels if r.type in ("office", "present_in", "member_of")},
        associates=associates,
        rivals=sorted((r for r in rels if r.type == "rival_of"), key=lambda r: r.start),
        sent_bounds=[tm.orig(m.end()) for m in _SENT.finditer(tm.norm)],
        dated=dated,
        period_starts=period,
        places=Places(tm, cands, ents),
    )


def _is_news_source(ctx: _Context, i: int) -> bool:
    name = ctx.res.entities[i].canonical.split()
    if name and match_vocab(lx.normalize(name[0]), w.NEWS_SOURCES) is not None:
        return True
    f = ctx.first[i]  # «وفقا لبيانات الأمم المتحدة», «حسب المرصد»
    return any(match_vocab(x, w.ATTRIBUTION) for x in ctx.tm.words[max(0, f - 2) : f])


def find_incidents(
    tm: TextMap, cands: list[Cand], res: ExtractionResult, report: date | None
) -> list[Incident]:
    ctx = _context(tm, cands, res)
    covered = [False] * len(tm)
    for c, f in zip(cands, ctx.first, strict=True):
        if c.type != DATE:
            for t in range(max(f, 0), tm.token_at(max(c.ns, c.ne - 1)) + 1):
                covered[t] = True
    out: list[Incident] = []
    place_tokens = {f for c, f in zip(cands, ctx.first, strict=True) if c.type == PLACE}
    for cl in _clauses(tm, place_tokens):
        trigs = _triggers(tm, cl, covered)
        for n, trig in enumerate(trigs):
            # A stance before an event («اعتبرت تركيا أن الهجوم …») ends where the event begins.
            end_tok = trigs[n + 1].k if n + 1 < len(trigs) else cl.t1
            if trig.type in _VIOLENT and _over_a_period(ctx, cl, report):
                continue  # «قتل أكثر من 300 ألف شخص منذ عام 2011»: a count, not an event
            for inc in _build(ctx, cl, trig, end_tok, report):
                if trig.kind == "continue" and (_join_statement(out, inc, ctx)
                                                or not inc.actors):
                    pass
                elif trig.kind == "inform" and not inc.actors:
                    # «وأشار إلى أن …», «وقال الناطق باسم …»: no one named says it; more of
                    # the statement before, or the news told (see _join_statement).
                    _join_statement(out, inc, ctx)
                elif trig.kind != "event" and _claim(out, inc, cl, ctx):
                    pass
                elif not (_toll(out, inc, trig, ctx) or _merge(out, inc, ctx)):
                    out.append(inc)
    return _absorb_bare(_join_headline(_lead_tolls(out, ctx), ctx))


_PERIOD_DAYS = 60
_OUTBREAK = lx._set("اندلاع بدء بداية انطلاق")


def _over_a_period(ctx: _Context, cl: _Clause, report: date | None) -> bool:
    """Is the clause a count since a start («منذ عام 2011», «منذ اندلاع الحرب») with no day of
    its own? «اشتباكات اليوم … هي الأسوأ منذ 2011» keeps its event."""
    words, ents = ctx.tm.words, ctx.res.entities
    since = [k for k in range(cl.t0, cl.t1 - 1) if match_vocab(words[k], w.DATE_PERIOD_STARTS)]
    if not since:
        return False
    lo, hi = bisect_left(ctx.first, cl.t0), bisect_left(ctx.first, cl.t1)
    dated = [i for i in ctx.dated[bisect_left(ctx.dated, lo):] if i < hi]
    if any(i not in ctx.period_starts for i in dated):
        return False
    if any(match_vocab(words[k + 1], _OUTBREAK) for k in since):
        return True
    return report is not None and any(
        _days_before(ents[i].date.value, report) > _PERIOD_DAYS for i in dated)


def _days_before(value: str, report: date) -> int:
    """Days from the start of a date value («2011», «2016-11», «2016-11-20») to the report."""
    parts = [int(x) for x in re.findall(r"\d+", value)[:3]]
    if not parts or not 1000 <= parts[0] <= 9999:
        return 0
    y, m, d = (parts + [1, 1])[:3]
    try:
        return (report - date(y, max(1, min(m, 12)), max(1, min(d, 28)))).days
    except ValueError:
        return 0


def _claim(out: list[Incident], inc: Incident, cl: _Clause, ctx: _Context) -> bool:
    """«وأعلن تنظيم داعش مسؤوليته عن التفجير»: the claimant is the doer of the last violent
    event (within three sentences); the claim is a mention of it."""
    if not _near(ctx.tm.words, cl.t0, cl.t1, w.CLAIM):
        return False
    prev = next((o for o in reversed(out[-3:]) if o.type in _VIOLENT), None)
    if prev is None or _sentence(ctx, inc.start) - _sentence(ctx, prev.start) > 3:
        return False
    _add_mention(prev, inc)
    known = {a.entity for a in prev.actors}
    prev.actors[:0] = [IncidentActor(a.entity, "perpetrator") for a in inc.actors[:1]
                       if a.entity not in known]
    return True


def _lead_tolls(incs: list[Incident], ctx: _Context) -> list[Incident]:
    """«قتل 21 شخصا على الأقل.» then «وقد هز انفجار سوق السنك …»: a killing told first, with
    no doer, is the toll of the violent event the next sentences tell (it joins that event)."""
    text = ctx.tm.text
    drop: set[int] = set()
    for n, inc in enumerate(incs):
        if (inc.type, inc.subtype) != (VAC, "attack") or any(
            a.role == "perpetrator" for a in inc.actors
        ):
            continue
        if not match_vocab(lx.normalize(text[inc.trigger[0] : inc.trigger[1]]), w.KILLINGS):
            continue
        nxt = next((o for o in incs[n + 1 : n + 3] if o.type in (E, B)), None)
        if nxt is None or _sentence(ctx, nxt.start) - _sentence(ctx, inc.start) > 2:
            continue
        _add_mention(nxt, inc)
        _toll_into(nxt, inc)
        if nxt.place is None:
            nxt.place, nxt.within = inc.place, inc.within
        if nxt.date_source != "clause" and inc.date_source == "clause":
            nxt.date, nxt.date_source = inc.date, inc.date_source
        drop.add(n)
    return [i for n, i in enumerate(incs) if n not in drop]


_HEADLINE_CHARS = 160


def _join_headline(incs: list[Incident], ctx: _Context) -> list[Incident]:
    """A headline («غارة أمريكية تستهدف قياديًا في داعش») is a mention of the body's first
    incident of its kind: the body's words (place, date, actors) make the incident. A
    headline's generic «هجوم» or its toll («مقتل 40 …») names the body's first violent event."""
    text = ctx.tm.text
    line_end = text.find("\n")
    if line_end < 0 or line_end > _HEADLINE_CHARS or text[:line_end].rstrip().endswith("."):
        return incs
    head = [i for i in incs if i.end <= line_end]
    body_incs = [i for i in incs if i.start > line_end]
    joined: set[int] = set()
    for h in head:
        body = next((i for i in body_incs if _headline_of(h, i)), None)
        if body is None:
            continue
        joined.add(id(h))
        body.mentions.insert(0, (h.start, h.end))
        _toll_into(body, h)
        known = {ctx.res.entities[a.entity].canonical for a in body.actors}
        body.actors.extend(a for a in h.actors
                           if ctx.res.entities[a.entity].canonical not in known)
        if body.place is None:
            body.place, body.within = h.place, h.within
    return [i for i in incs if id(i) not in joined]


_GENERIC_VIOLENCE = frozenset({(B, "armed_clash"), (VAC, "attack")})


def _headline_of(h: Incident, body: Incident) -> bool:
    if _compatible(body, h) is not None:
        return True
    return (h.type, h.subtype) in _GENERIC_VIOLENCE and body.type in _VIOLENT


def _build(ctx: _Context, cl: _Clause, trig: _Trigger, end_tok: int, report: date | None):
    tm, cands, first = ctx.tm, ctx.cands, ctx.first
    ents = ctx.res.entities
    k, type_, sub = trig.k, trig.type, trig.sub
    t1 = max(end_tok, k + 1)
    in_cl = list(range(bisect_left(first, cl.t0), bisect_left(first, t1)))
    refined = [
        i for a, b in cl.refiners for i in range(bisect_left(first, a), bisect_left(first, b))
    ] if t1 == cl.t1 else []
    c0, c1 = tm.orig(tm.starts[cl.t0]), tm.orig(tm.ends[t1 - 1])
    rival_starts = [r.start for r in ctx.rivals]
    lo, hi = bisect_left(rival_starts, c0), bisect_left(rival_starts, c1)
    near_rivals = ctx.rivals[max(0, lo - 1) : hi]
    scoped = [i for i in in_cl if first[i] >= trig.scope] if trig.scope >= 0 else in_cl
    actors = _roles(ctx, cl, t1, k, type_, sub, scoped, near_rivals)
    s, e = tm.orig_span(tm.starts[cl.t0], tm.ends[t1 - 1])
    ts, te = tm.orig_span(tm.starts[k], tm.ends[k])
    inc = Incident(
        type_, sub, s, e, (ts, te), actors=actors, summary=" ".join(tm.text[s:e].split())[:240]
    )
    _date(ctx, inc, in_cl + refined, s, report)
    inc.fatalities = _fatalities(tm.words, cl.t0, t1)
    inc.confidence = 0.7 if actors else 0.5
    acting = {a.entity for a in actors}
    places = [i for i in in_cl if cands[i].type == PLACE and i not in acting
              and (ents[i].confidence >= _PLACE_CONFIDENCE
                   or (cands[i].entry is not None and "fuzzy" not in cands[i].extra)
                   or ctx.places.place_word(i) is not None)]  # «مطار كويرس»: surely a place
    # Where a strike's target is («استهدفت تجمعا لقيادات داعش في الرقة») is where it landed;
    # where each side of a tension or a clash is stationed («المتمركزة في خشام») is not.
    after = (
        [i for i in places if first[i] > k and (type_ == E or i not in ctx.attribute)]
        or [i for i in places if i not in ctx.attribute]
        or places
    )
    if type_ in _VIOLENT:
        after = [i for i in after if not ctx.places.origin_or_border(i, first[i])] or after
        named = ctx.places.named_before(cl.t0, t1, first)
        if named is not None and (not after or all(
                ctx.places.origin_or_border(i, first[i]) for i in places)):
            after = [named]
    ref_places = [i for i in refined if cands[i].type == PLACE]
    pool = ref_places or after
    if not pool:
        return [inc]
    inc.place = ctx.places.most_specific(pool)
    inc.within = ctx.places.within(inc.place)
    group = ctx.places.coordinated(places, inc.place) if type_ in _VIOLENT else [inc.place]
    if len(group) < 2:
        return [inc]
    # A round-up: one incident per place, each spanning the clause up to its own place name.
    out = []
    for i in group:
        part = Incident(type_, sub, s, max(ents[i].end, te), (ts, te), actors=list(actors),
                        summary=inc.summary, date=inc.date, date_source=inc.date_source,
                        place=i, confidence=inc.confidence)
        part.within = ctx.places.within(i)
        out.append(part)
    return out


def _fatalities(words: list[str], t0: int, t1: int) -> int | None:
    """The death toll a clause gives: a number before a victim noun, next to a killing word
    («مقتل 90 مدنيا», «قتل ما لا يقل عن 40 شخصا», «87 قتيلا», «لقي 9 أشخاص مصرعهم»)."""
    best = None
    for j in range(t0, t1 - 1):
        if not words[j].isdigit() or len(words[j]) > 6:
            continue
        if not match_vocab(words[j + 1], w.VICTIM_NOUNS) and not (
            j + 2 < t1 and words[j + 1] == "من" and match_vocab(words[j + 2], w.VICTIM_NOUNS)
        ):
            continue
        killed = match_vocab(words[j + 1], _DEAD) is not None or any(
            match_vocab(x, w.KILLINGS) or match_vocab(x, _DEAD)
            for x in words[max(t0, j - 5) : min(t1, j + 5)]
        )
        if killed:
            best = max(best or 0, int(words[j]))
    return best


_DEAD = lx._set("قتيلا قتلى مصرعهم مصرعه حتفهم حتفه")


def _toll_into(prev: Incident, inc: Incident) -> None:
    if inc.fatalities is not None:
        prev.fatalities = max(prev.fatalities or 0, inc.fatalities)


def _date(ctx: _Context, inc: Incident, own_ents: list[int], start: int, report) -> None:
    """The clause's date, else its sentence's, else the report's, else the nearest."""
    ents = ctx.res.entities
    usable = [i for i in ctx.dated if i not in ctx.period_starts]
    own = [i for i in own_ents if i in usable]
    if own:
        inc.date, inc.date_source = ents[own[0]].date, "clause"
        return
    bounds = ctx.sent_bounds
    j = bisect_right(bounds, start)
    s0 = bounds[j - 1] if j > 0 else 0
    s1 = bounds[j] if j < len(bounds) else len(ctx.tm.text)
    same = [i for i in usable if s0 <= ents[i].start < s1]
    if same:
        inc.date, inc.date_source = ents[same[0]].date, "sentence"
    elif report is not None:
        inc.date, inc.date_source = DateValue(report.isoformat(), "day"), "report"
    elif usable:
        starts = [ents[i].start for i in usable]
        j = bisect_left(starts, start)
        near = min(usable[max(0, j - 1) : j + 1], key=lambda i: abs(ents[i].start - start))
        inc.date, inc.date_source = ents[near].date, "nearest"
    else:
        inc.date_source = "none"


def _roles(ctx: _Context, cl, t1, k, type_, sub, in_cl, rivals) -> list[IncidentActor]:
    tm, cands, ents = ctx.tm, ctx.cands, ctx.res.entities
    words = tm.words
    first = {i: ctx.first[i] for i in in_cl}
    actors = [
        i for i in in_cl
        if cands[i].type in (GROUP, PERSON) and i not in ctx.descriptor
        and not _is_news_source(ctx, i) and not _weapon_word(ents[i].canonical)
    ]
    out: list[IncidentActor] = []
    # «بين X و Y» right after the trigger, or «بين الطرفين» (the last pair named before).
    for j in range(k + 1, min(k + 4, t1)):
        if words[j] == "بين":
            if j + 1 < t1 and words[j + 1] in w.BACKREF:
                prior = [r for r in rivals if r.start < tm.orig(tm.starts[j])]
                if prior:
                    return [
                        IncidentActor(prior[-1].source, "participant"),
                        IncidentActor(prior[-1].target, "participant"),
                    ]
            pair = [
                r
                for r in rivals
                if tm.token_of(cands[r.source].ns) > j and r.start <= tm.orig(tm.ends[j])
            ]
            pair = pair or [r for r in rivals if first.get(r.source, -1) > j]
            if pair:
                return [
                    IncidentActor(pair[0].source, "participant"),
                    IncidentActor(pair[0].target, "participant"),
                ]
    # «اغتيال سمير القنطار», «مقتل زعيم تنظيم داعش»: the noun right after a verbal noun of
    # killing or arrest is its victim, never its doer, wherever it stands in the clause.
    victims = [i for i in actors if _after_patient_word(tm, cl, first[i], cands[i])]
    for i in victims:
        out.append(IncidentActor(i, PATIENT_ROLE.get(sub, "target")))
    actors = [i for i in actors if i not in victims]
    before = [i for i in actors if first[i] < k]
    after_ = [i for i in actors if first[i] > k]
    agent_role = SUB_AGENT.get(sub) or AGENT_ROLE.get(type_, "perpetrator")
    agent = before[0] if before else None
    if agent is None:
        state = _state_subject(ctx, cl, k, in_cl)
        if state is None and type_ in _VIOLENT:
            state = _state_of_adjective(ctx, words, k, t1)
        if state is not None:
            agent = state  # «قالت كوريا الشمالية», «اتهمت واشنطن»: the state acts
        elif (
            after_
            and first[after_[0]] - k <= _SUBJECT_GAP
            and not _preposition_before(tm, k, first[after_[0]], cands[after_[0]])
        ):
            # Verb first, then its subject: «منع الروس المليشيات…», «قال الرئيس السوري بشار
            # الأسد»; further on, a name is the object («أدان خطيب المسجد الحرام … داعش»).
            agent = after_.pop(0)
    if agent is not None:
        out.insert(0, IncidentActor(agent, agent_role))
        for a in ctx.associates.get(agent, []):
            if ents[a].type in (GROUP, PERSON):
                out.append(IncidentActor(a, "associated"))
    for i in after_:
        prev = words[max(cl.t0, first[i] - 3) : first[i]]
        if agent is not None and agent_role == "perpetrator" and any(
            match_vocab(p, w.DOER_VERBS) for p in words[k + 1 : first[i]]
        ):
            out.append(IncidentActor(i, "perpetrator"))  # «الضربات التي وجهتها إدارة ترامب»
        elif any(p in lx._set("بتكليف بأوامر بتوجيه بإشراف") for p in prev):
            out.append(IncidentActor(i, "sponsor"))
        elif any(p in lx._set("بوساطة وساطة") for p in prev):
            out.append(IncidentActor(i, "mediator"))
        elif sub == "statement_call" or (first[i] - k <= 6 and not _modal_between(tm, k, first[i])):
            out.append(IncidentActor(i, PATIENT_ROLE.get(sub, "target")))
    # One role per actor: «دعت حركة الشعب الحكومة … ودعت الحكومة» is not its own target.
    seen: set[str] = set()
    unique = []
    for a in out:
        name = ents[a.entity].canonical
        if name not in seen:
            seen.add(name)
            unique.append(a)
    return unique


def _weapon_word(name: str) -> bool:
    """«قصف جوي», «غارة صاروخية»: one word that tells how a strike was made names no actor."""
    words = lx.normalize(name).split()
    return len(words) == 1 and words[0] in w.AIR | w.MISSILE | w.CHEMICAL


def _state_of_adjective(ctx: _Context, words: list[str], k: int, t1: int) -> int | None:
    """«غارة روسية», «الضربات الصاروخية الأمريكية»: the state a nationality adjective right
    after a strike names, as the report names it elsewhere (the country, or its forces)."""
    code = None
    for j in range(k + 1, min(t1, k + 3)):
        code = lx.NATIONALITY.get(words[j])
        if code:
            break
    if code is None:
        return None
    ents = ctx.res.entities
    forces = None
    for i, e in enumerate(ents):
        if e.type == PLACE and e.kind == "country" and e.ref == ("gazetteer", code):
            return i
        if forces is None and e.type == GROUP and e.kind == "state_force" and any(
            lx.NATIONALITY.get(x) == code for x in lx.normalize(e.canonical).split()
        ):
            forces = i
    return forces


def _after_patient_word(tm: TextMap, cl: _Clause, f: int, c: Cand) -> bool:
    """Is the actor the object of «اغتيال», «مقتل», «اعتقال» up to four words before it, in
    the same noun phrase («مقتل زعيم تنظيم داعش المتشدد أبو بكر البغدادي»)?"""
    if tm.norm[tm.starts[f] : c.ns] not in ("", "و"):
        return False
    for j in range(f - 1, max(cl.t0, f - 5) - 1, -1):
        if tm.words[j] == "من" and j > cl.t0 and _counted(tm.words[j - 1]):
            continue  # «مقتل 6 قياديين من تنظيم داعش»: who the killed ones belong to
        if tm.words[j] in _PREP_WORDS or "," in tm.between(j, j + 1):
            return False  # «مقتل 5 في هجوم لداعش»: the name is no longer the killed one
        if match_vocab(tm.words[j], w.PATIENT_NOUNS):
            return True
    return False


_MEMBERS = lx._set("قياديين قيادات قادة قياديا أعضاء عضوا عناصر مقاتلي مسلحي")


def _counted(word: str) -> bool:
    """«6 من», «عناصر من», «قياديين من»: a count of people, before the group they are of."""
    return word.isdigit() or word in _MEMBERS or match_vocab(word, w.VICTIM_NOUNS) is not None


_SUBJECT_GAP = 4  # words from a verb to its subject: «قال رجل الدين العراقي مقتدى الصدر»
_AUX = lx._set("و كان كانت وكان وكانت قد وقد لقد")


def _state_subject(ctx: _Context, cl: _Clause, k: int, in_cl: list[int]) -> int | None:
    """A country or a capital as the subject of the trigger: right after a trigger verb
    («قالت كوريا الشمالية إن …», «استهدفت أمريكا …») or opening the clause before it
    («وكانت واشنطن قد اتهمت …»); never after a preposition («في سوريا», «على دمشق»)."""
    tm, cands, ents = ctx.tm, ctx.cands, ctx.res.entities
    words = tm.words
    for i in in_cl:
        c, f = cands[i], ctx.first[i]
        if c.type != PLACE or f == k:
            continue
        if ents[i].kind != "country" and lx.normalize(ents[i].canonical) not in w.CAPITALS:
            continue
        if tm.norm[tm.starts[f] : c.ns] not in ("", "و"):
            continue  # «بسوريا», «لروسيا»
        if f == k + 1 and match_vocab(words[k], w.VERB_TRIGGERS):
            return i
        if f < k and k - f <= 3 and all(words[j] in _AUX for j in range(cl.t0, f)) and all(
            words[j] in _AUX for j in range(tm.token_at(c.ne - 1) + 1, k)
        ):
            return i
    return None


def _preposition_before(tm: TextMap, k: int, f: int, c: Cand) -> bool:
    """Is the actor after the trigger governed by a preposition («غارة على موقع لمليشيا …»)?"""
    if tm.starts[f] < c.ns and tm.norm[tm.starts[f] : c.ns] in ("ل", "ب", "لل", "ول", "وب"):
        return True  # glued «لـ»/«بـ»
    return any(x in _PREP_WORDS for x in tm.words[k + 1 : f])


def _modal_between(tm: TextMap, a: int, b: int) -> bool:
    return any(match_vocab(x, lx.MODALITY) for x in tm.words[a + 1 : b])


def _sentence(ctx: _Context, pos: int) -> int:
    return bisect_right(ctx.sent_bounds, pos)


def _add_mention(prev: Incident, inc: Incident) -> None:
    prev.mentions.append((inc.start, inc.end))
    prev.mentions.sort()


def _toll(out: list[Incident], inc: Incident, trig: _Trigger, ctx: _Context) -> bool:
    """«… مقتل 90 مدنيًا» after a strike is the strike's toll, and «في الهجوم», «بعد قصفه»
    with no place nor actor of their own name the strike again: not other incidents."""
    if trig.kind != "event" or inc.type not in _VIOLENT or not out:
        return False
    word = ctx.tm.words[trig.k]
    toll = (inc.subtype == "attack" and match_vocab(word, w.KILLINGS)
            and not any(a.role == "perpetrator" for a in inc.actors))
    bare = inc.place is None and not inc.actors
    # Only the bare noun: «الهجوم الكيماوي» or «الهجوم الصاروخي» tells an event of its own.
    anaphor = (match_vocab(word, w.ANAPHORIC_ATTACK) is not None and not inc.actors
               and (inc.type, inc.subtype) == (B, "armed_clash"))
    if not (toll or bare or anaphor):
        return False
    prev = next((o for o in reversed(out[-3:]) if o.type in _VIOLENT), None)
    if prev is None:
        return False
    if bare and not (toll or anaphor) and not _headline_of(inc, prev):
        return False  # «قوات حفتر ردت … لقصف معسكرات» after a clash: a strike of its own
    last = max([prev.start, *(m[0] for m in prev.mentions)])
    # «الهجوم» with its article names the last violent event told, however far back.
    if not anaphor and _sentence(ctx, inc.start) - _sentence(ctx, last) > 2:
        return False
    _add_mention(prev, inc)
    _toll_into(prev, inc)
    if anaphor and inc.place is not None and (
        prev.place is None or ctx.places.rank(inc.place) < ctx.places.rank(prev.place)
    ):
        prev.place, prev.within = inc.place, inc.within  # «الهجوم … قرب مقبرة باب الصغير»
    return True


def _join_statement(out: list[Incident], inc: Incident, ctx: _Context) -> bool:
    """«وأضاف …», «مشيرا إلى أن …» continue the last statement, if one is near (the names
    that follow are what is said, not a new speaker)."""
    for prev in reversed(out[-3:]):
        if prev.subtype == "statement_call":
            if _sentence(ctx, inc.start) - _sentence(ctx, prev.start) <= 3:
                _add_mention(prev, inc)
                return True
            return False
    return False


def _compatible(prev: Incident, inc: Incident) -> str | None:
    """The merged sub-type of two mentions of one event, or None if they are two events."""
    if prev.type != inc.type:
        return None
    if prev.subtype == inc.subtype:
        return prev.subtype
    if prev.type == E:
        return min(prev.subtype, inc.subtype, key=lambda s: _E_SPECIFIC.index(s)
                   if s in _E_SPECIFIC else len(_E_SPECIFIC))
    return None


def _same_attack(prev: Incident, inc: Incident) -> str | None:
    """«تفجير انتحاري في مانشستر» … «وهجوم مانشستر»: the generic attack noun (a clash by its
    trigger) names a strike or bombing told before at the same place."""
    pair = {(prev.type, prev.subtype), (inc.type, inc.subtype)}
    if (B, "armed_clash") in pair and len(pair) == 2:
        other = next(t for t in pair if t != (B, "armed_clash"))
        if other[0] == E:
            return other[1]
    return None


def _merge(out: list[Incident], inc: Incident, ctx: _Context) -> bool:
    """A later mention of the same event joins the earlier one: same type and the same actors,
    or (violence) the same place."""
    ents = ctx.res.entities
    names = {ents[a.entity].canonical for a in inc.actors}
    place = ents[inc.place].canonical if inc.place is not None else None
    for prev in reversed(out[-6:]):
        sub, type_ = _compatible(prev, inc), prev.type
        pplace = ents[prev.place].canonical if prev.place is not None else None
        if sub is None and place is not None and place == pplace:
            sub, type_ = _same_attack(prev, inc), E
        if sub is None:
            continue
        if prev.date_source == inc.date_source == "clause" and prev.date != inc.date:
            continue
        pnames = {ents[a.entity].canonical for a in prev.actors}
        same_actors = names and pnames and (names <= pnames or pnames <= names)
        same_place = (
            inc.type in _VIOLENT and place is not None and place == pplace
        )
        if not (same_actors or same_place):
            continue
        if same_place and not same_actors and names and pnames and not names & pnames:
            continue  # two sides striking one town are two events
        prev.type, prev.subtype = type_, sub
        _add_mention(prev, inc)
        _toll_into(prev, inc)
        if inc.date_source == "clause" and prev.date_source != "clause":
            prev.date, prev.date_source = inc.date, "clause"
        known = {ents[a.entity].canonical for a in prev.actors}  # one role per actor
        prev.actors.extend(a for a in inc.actors if ents[a.entity].canonical not in known)
        if prev.place is None:
            prev.place, prev.within = inc.place, inc.within
        return True
    return False


def _absorb_bare(incs: list[Incident]) -> list[Incident]:
    """A headline-like mention without actors joins a nearby incident of the same sub-type."""
    keep: list[Incident] = []
    for n, inc in enumerate(incs):
        if inc.actors:
            keep.append(inc)
            continue
        near = [
            o
            for o in incs[max(0, n - 3) : n + 4]
            if o is not inc and o.actors and (o.type, o.subtype) == (inc.type, inc.subtype)
        ]
        if near:
            _add_mention(near[0], inc)
            _toll_into(near[0], inc)
            if near[0].place is None:
                near[0].place, near[0].within = inc.place, inc.within
        else:
            keep.append(inc)
    return keep
