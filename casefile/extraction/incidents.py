"""Incidents at clause level, with an ACLED-style type/sub-type (see README.md).

A clause is a sentence cut at connectors («بعد», «حيث», «ما يعني»…) and at commas that open a
new event; «وتحديدًا …» refines the clause before it. Each clause yields at most one incident:
its most specific trigger not under a modality word («خوفًا من», «لمنع», «عدم»). Actors get
roles from their position (agent before / right after the trigger, patients after it, both
sides of «بين X و Y» participants, «بتكليف من X» sponsor). Repeated mentions of one event
(«بعد حدوث مشادات كلامية بين الطرفين») merge into the first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from . import lexicon as lx
from .common import Cand, match_vocab
from .textmap import TextMap
from .types import DATE, GROUP, PERSON, PLACE, DateValue, ExtractionResult, Incident, IncidentActor

B, E, VAC, PR, SD = (
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "strategic_developments",
)

# trigger word (normalised) → (type, subtype, priority). Higher priority wins within a clause.
_T: dict[str, tuple[str, str, int]] = {}


def _add(words: str, type_: str, subtype: str, prio: int) -> None:
    for w in lx._set(words):
        _T[w] = (type_, subtype, prio)


_add("مشادات مشادة ملاسنة ملاسنات مشاحنات مشاحنة", SD, "verbal_altercation", 90)
_add(
    "اعتقال اعتقل اعتقلت اعتقالات القبض توقيف أوقفت اوقف مداهمة داهمت داهم احتجاز احتجزت",
    SD,
    "arrest",
    85,
)
_add("زيارة زار زارت اجتماع اجتمع اجتمعت لقاء التقى التقت استقبل استقبلت", SD, "visit_meeting", 80)
_add(
    "دعا دعت يدعو تدعو طالب طالبت بيان صرح صرحت تصريح تصريحات حذر حذرت هدد هددت ناشد ناشدت",
    SD,
    "statement_call",
    75,
)
_add(
    "غارة غارات قصف القصف قصفت استهداف استهدف استهدفت قذائف قذيفة صاروخ صواريخ ضربات ضربة",
    E,
    "shelling_artillery_missile_attack",
    70,
)
_add("انفجار تفجير انفجرت عبوة لغم مفخخة", E, "remote_explosive_landmine_ied", 72)
_add("انتحاري انتحارية", E, "suicide_bomb", 74)
_add(
    "اشتباكات اشتباك اشتبكت مواجهات مواجهة معارك معركة قتال اقتتال هجوم هاجم هاجمت",
    B,
    "armed_clash",
    68,
)
_add("اغتيال اغتال اغتالت إعدام أعدم أعدمت قتل مقتل", VAC, "attack", 66)
_add("اختطاف اختطف اختطفت خطف تغييب", VAC, "abduction_forced_disappearance", 67)
_add("مظاهرة مظاهرات تظاهر تظاهرة احتجاج احتجاجات احتجاجية اعتصام وقفة", PR, "peaceful_protest", 60)
_add("شغب", "riots", "violent_demonstration", 61)
_add("انسحاب انسحبت انسحب", SD, "withdrawal", 55)
_add("تعزيزات", SD, "deployment", 55)
_add("تجنيد جندت", SD, "recruitment", 52)
_add("اتفاق اتفاقية هدنة تسوية", SD, "agreement", 50)
_add("ضغطت ضغط ضغوط ضغوطات منع منعت يمنع أجبرت أجبر", SD, "pressure", 45)
_add("توتر التوتر توترات تصاعد تصعيد احتقان", SD, "escalation_tension", 30)
_SETUP = lx._set("إنشاء انشاء نصب أقامت أقام إقامة اقامة أنشأت انشأت تثبيت إنشائها")
_SETUP_OBJ = lx._set("حواجز حاجز نقاط نقطة مقرات مقر قاعدة قواعد مواقع")
_AIR = lx._set("جوية الجوية جوي مسيرة مسيره طيران الطيران حربية")
_BACKREF = lx._set("الطرفين الجانبين الطرفان الجانبان")

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
_SENT = re.compile(r"[.!?\n]+")


@dataclass
class _Clause:
    t0: int  # token range [t0, t1)
    t1: int
    refiners: list[tuple[int, int]] = field(default_factory=list)


def _clauses(tm: TextMap) -> list[_Clause]:
    out: list[_Clause] = []
    words, norm = tm.words, tm.norm
    bounds = [m.end() for m in _SENT.finditer(norm)]
    si, t = 0, 0
    while t < len(tm):
        while si < len(bounds) and bounds[si] <= tm.starts[t]:
            si += 1
        send = bounds[si] if si < len(bounds) else len(norm)
        t_end = t
        while t_end < len(tm) and tm.starts[t_end] < send:
            t_end += 1
        cur = _Clause(t, t)
        for k in range(t, t_end):
            w = words[k]
            comma = k > t and "," in tm.between(k - 1, k)
            if k > cur.t0 and w in lx.REFINERS:
                cur.refiners.append((k, t_end))
            elif (
                k > cur.t0
                and not cur.refiners
                and (w in lx.CLAUSE_OPENERS or (comma and _has_trigger(tm, k, t_end)))
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


def _has_trigger(tm: TextMap, k: int, end: int) -> bool:
    stop = k + 20
    for j in range(k, min(end, stop)):
        if j > k and "," in tm.between(j - 1, j):
            return False
        if match_vocab(tm.words[j], _T) or match_vocab(tm.words[j], _SETUP):
            return True
    return False


def _trigger(tm: TextMap, cl: _Clause, covered: list[bool]) -> tuple[int, str, str] | None:
    best = None
    modal_at = None
    words = tm.words
    for k in range(cl.t0, cl.t1):
        w = words[k]
        r = match_vocab(w, lx.MODALITY)
        hit = match_vocab(w, _T)
        if hit is None and match_vocab(w, _SETUP):
            if any(match_vocab(x, _SETUP_OBJ) for x in words[k + 1 : k + 3]):
                hit = (0, "__setup__")
        if hit and not covered[k] and modal_at is None:  # a modal word governs the clause's rest
            if hit[1] == "__setup__":
                type_, sub, prio = SD, "checkpoint_setup", 82
            else:
                type_, sub, prio = _T[hit[1]]
                if type_ == E and any(
                    match_vocab(x, _AIR) for x in words[max(cl.t0, k - 3) : k + 3]
                ):
                    sub = "air_drone_strike"
            if best is None or prio > best[0]:
                best = (prio, k, type_, sub)
        if r:
            modal_at = k
    if best is None:
        return None
    return best[1], best[2], best[3]


def find_incidents(
    tm: TextMap, cands: list[Cand], res: ExtractionResult, report: date | None
) -> list[Incident]:
    ents = res.entities
    first = [tm.token_of(c.ns) for c in cands]
    covered = [False] * len(tm)
    for c, f in zip(cands, first, strict=True):
        if c.type != DATE:
            for t in range(max(f, 0), tm.token_at(max(c.ns, c.ne - 1)) + 1):
                covered[t] = True
    attribute = {r.target for r in res.relations if r.type in ("office", "present_in", "member_of")}
    descriptor = {r.target for r in res.relations if r.type in ("office", "member_of")}
    associates = {}
    for r in res.relations:
        if r.type in ("affiliated_with", "backed_by"):
            associates.setdefault(r.source, []).append(r.target)
    rivals = sorted((r for r in res.relations if r.type == "rival_of"), key=lambda r: r.start)
    rival_starts = [r.start for r in rivals]
    dated = [k for k, e in enumerate(ents) if e.type == DATE and e.date is not None]
    dated_starts = [ents[k].start for k in dated]
    out: list[Incident] = []
    for cl in _clauses(tm):
        trig = _trigger(tm, cl, covered)
        if trig is None:
            continue
        k, type_, sub = trig
        in_cl = list(range(bisect_left(first, cl.t0), bisect_left(first, cl.t1)))
        refined = [
            i for a, b in cl.refiners for i in range(bisect_left(first, a), bisect_left(first, b))
        ]
        # Rival pairs named in this clause, and the last one before it («بين الطرفين»).
        c0, c1 = tm.orig(tm.starts[cl.t0]), tm.orig(tm.ends[cl.t1 - 1])
        lo, hi = bisect_left(rival_starts, c0), bisect_left(rival_starts, c1)
        near_rivals = rivals[max(0, lo - 1) : hi]
        actors = _roles(
            tm, cl, k, type_, sub, in_cl, cands, descriptor, associates, near_rivals, ents
        )
        s, e = tm.orig_span(tm.starts[cl.t0], tm.ends[cl.t1 - 1])
        ts, te = tm.orig_span(tm.starts[k], tm.ends[k])
        inc = Incident(
            type_, sub, s, e, (ts, te), actors=actors, summary=" ".join(tm.text[s:e].split())[:240]
        )
        places = [i for i in in_cl if cands[i].type == PLACE and cands[i].kind != "country"]
        after = (
            [i for i in places if first[i] > k and i not in attribute]
            or [i for i in places if i not in attribute]
            or places
        )
        ref_places = [i for i in refined if cands[i].type == PLACE]
        inc.place = (ref_places or after or [None])[0]
        own = [i for i in in_cl + refined if i in dated]
        if own:
            inc.date, inc.date_source = ents[own[0]].date, "clause"
        elif dated:
            j = bisect_left(dated_starts, s)
            near = min(dated[max(0, j - 1) : j + 1], key=lambda i: abs(ents[i].start - s))
            inc.date, inc.date_source = ents[near].date, "nearest"
        elif report is not None:
            inc.date, inc.date_source = DateValue(report.isoformat(), "day"), "report"
        else:
            inc.date_source = "none"
        inc.confidence = 0.7 if actors else 0.5
        if not _merge(out, inc, ents):
            out.append(inc)
    return _absorb_bare(out)


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
            near[0].mentions.append((inc.start, inc.end))
            near[0].mentions.sort()
            if near[0].place is None:
                near[0].place = inc.place
        else:
            keep.append(inc)
    return keep


def _roles(
    tm, cl, k, type_, sub, in_cl, cands, descriptor, associates, rivals, ents
) -> list[IncidentActor]:
    words = tm.words
    first = {i: tm.token_of(cands[i].ns) for i in in_cl}
    actors = [i for i in in_cl if cands[i].type in (GROUP, PERSON) and i not in descriptor]
    out: list[IncidentActor] = []
    # «بين X و Y» right after the trigger, or «بين الطرفين» (the last pair named before).
    for j in range(k + 1, min(k + 4, cl.t1)):
        if words[j] == "بين":
            if j + 1 < cl.t1 and words[j + 1] in _BACKREF:
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
    before = [i for i in actors if first[i] < k]
    after_ = [i for i in actors if first[i] > k]
    agent_role = SUB_AGENT.get(sub) or AGENT_ROLE.get(type_, "perpetrator")
    agent = before[0] if before else None
    if (
        agent is None
        and after_
        and not _preposition_before(tm, k, first[after_[0]], cands[after_[0]])
    ):
        agent = after_.pop(0)  # verb first, then its subject: «منع الروس المليشيات…»
    if agent is not None:
        out.append(IncidentActor(agent, agent_role))
        for a in associates.get(agent, []):
            if ents[a].type in (GROUP, PERSON):
                out.append(IncidentActor(a, "associated"))
    for i in after_:
        prev = words[max(cl.t0, first[i] - 3) : first[i]]
        if any(p in lx._set("بتكليف بأوامر بتوجيه بإشراف") for p in prev):
            out.append(IncidentActor(i, "sponsor"))
        elif any(p in lx._set("بوساطة وساطة") for p in prev):
            out.append(IncidentActor(i, "mediator"))
        elif sub == "statement_call" or (first[i] - k <= 6 and not _modal_between(tm, k, first[i])):
            out.append(IncidentActor(i, PATIENT_ROLE.get(sub, "target")))
    return out


_PREP_WORDS = lx._set("على ضد في الى إلى من عن ل ب لدى نحو باتجاه قرب")


def _preposition_before(tm: TextMap, k: int, f: int, c: Cand) -> bool:
    """Is the actor after the trigger governed by a preposition («غارة على موقع لمليشيا …»)?"""
    if tm.starts[f] < c.ns and tm.norm[tm.starts[f] : c.ns] in ("ل", "ب", "لل", "ول", "وب"):
        return True  # glued «لـ»/«بـ»
    return any(w in _PREP_WORDS for w in tm.words[k + 1 : f])


def _modal_between(tm: TextMap, a: int, b: int) -> bool:
    return any(match_vocab(w, lx.MODALITY) for w in tm.words[a + 1 : b])


def _merge(out: list[Incident], inc: Incident, ents) -> bool:
    """A later mention of the same event (same sub-type and actors) joins the earlier one."""
    names = {ents[a.entity].canonical for a in inc.actors}
    if not names:
        return False
    for prev in reversed(out[-4:]):
        if (prev.type, prev.subtype) != (inc.type, inc.subtype):
            continue
        pnames = {ents[a.entity].canonical for a in prev.actors}
        if not pnames or not (names <= pnames or pnames <= names):
            continue
        if prev.date_source == inc.date_source == "clause" and prev.date != inc.date:
            continue
        prev.mentions.append((inc.start, inc.end))
        if inc.date_source == "clause" and prev.date_source != "clause":
            prev.date, prev.date_source = inc.date, "clause"
        known = {(a.entity, a.role) for a in prev.actors}
        prev.actors.extend(a for a in inc.actors if (a.entity, a.role) not in known)
        if prev.place is None:
            prev.place = inc.place
        return True
    return False
