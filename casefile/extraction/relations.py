"""Relations stated in the text, and in-document coreference of person names.

Each rule reads the few words between two entities: «X والملقب بـ Y» (alias), «X مختار قرية Y»
(office), «X المرتبطة بـ Y» (affiliated_with), «X المدعومة من Y» (backed_by), «X المتمركزة في
Y» (present_in), «التوتر بين X و Y» (rival_of), «X القيادي في Y» (member_of).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..normalize import key as name_key
from . import lexicon as lx
from .common import Cand, match_vocab, vocab_hits
from .textmap import TextMap
from .types import GROUP, PERSON, PLACE, Entity, Relation

_ALIAS_GAP = re.compile(
    r'^[\s"\',]*و?(?:الملقب|الملقبه|المعروف|المعروفه|المكني|المكنى|الشهير|الشهيره)'
    r'\s*(?:ب|باسم|بلقب|بكنيه)?[\s"]*$'
)
_AFFIL = lx._set(
    "المرتبطة المرتبط المرتبطين مرتبطة مرتبط التابعة التابع التابعين تابعة تابع "
    "الموالية الموالي الموالين موالية المقربة المقرب المقربين"
)
_BACKED = lx._set("المدعومة المدعوم المدعومين مدعومة مدعوم بدعم")
_PRESENT = lx._set(
    "المتمركزة المتمركز المتمركزين متمركزة المنتشرة المنتشر المنتشرين "
    "المتواجدة المتواجد المتواجدين الموجودة الموجود الموجودين المتمركزه"
)
_SPONSOR = lx._set("بتكليف بأوامر بتوجيه بأمر بإشراف")
_RIVAL_TRIGGERS = lx._set(
    "توتر التوتر توترات التوترات مشادات مشادة اشتباكات اشتباك مواجهات "
    "مواجهة صراع الصراع خلاف خلافات الخلاف نزاع النزاع معارك اقتتال "
    "الفاصل خصومة تنافس"
)
_CUES = {
    **dict.fromkeys(_AFFIL, "affil"),
    **dict.fromkeys(_BACKED, "backed"),
    **dict.fromkeys(_SPONSOR, "sponsor"),
    **dict.fromkeys(_PRESENT, "present"),
}
_BACKREF = lx._set("الطرفين الجانبين الطرفان الجانبان")
_STRONG_RIVAL = lx._set(
    "توتر التوتر توترات التوترات اشتباكات اشتباك مواجهات مواجهة معارك اقتتال "
    "مشادات مشادة صراع الصراع"
)
_PREPS = lx._set("ب من ل في ضمن الى إلى")


class _Index:
    """Entities by token position."""

    def __init__(self, tm: TextMap, cands: list[Cand]) -> None:
        self.tm = tm
        self.first: list[int] = []
        self.last: list[int] = []
        self.by_first: dict[int, int] = {}
        self.by_last: dict[int, list[int]] = {}
        for k, c in enumerate(cands):
            a, b = tm.token_of(c.ns), tm.token_at(max(c.ns, c.ne - 1))
            self.first.append(a)
            self.last.append(b)
            self.by_first.setdefault(a, k)
            self.by_last.setdefault(b, []).append(k)
        # Sentence ends, computed once (a 1 MB line must not be rescanned per relation).
        self.stops = [m.start() for m in re.finditer(r"[.!?\n]", tm.norm)]

    def starting_near(
        self, tok: int, window: int, types: tuple[str, ...], cands: list[Cand]
    ) -> int | None:
        for t in range(tok, min(tok + window + 1, len(self.tm))):
            k = self.by_first.get(t)
            if k is not None and cands[k].type in types:
                return k
        return None

    def ending_before(
        self, tok: int, window: int, types: tuple[str, ...], cands: list[Cand]
    ) -> int | None:
        for t in range(tok - 1, max(tok - window, 0) - 1, -1):
            for k in self.by_last.get(t, ()):
                if cands[k].type in types:
                    return k
        return None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.stops, pos)
        s = self.stops[i - 1] + 1 if i > 0 else 0
        e = self.stops[i] if i < len(self.stops) else len(self.tm.norm)
        return s, e


def find_relations(tm: TextMap, cands: list[Cand], ents: list[Entity]) -> list[Relation]:
    idx = _Index(tm, cands)
    rels: list[Relation] = []
    words = tm.words
    seen: set[tuple[str, int, int]] = set()

    def add(
        type_: str, a: int, b: int, ta: int, tb: int, title: str | None = None, conf: float = 0.7
    ) -> None:
        if a == b or (type_, a, b) in seen:
            return
        if type_ != "alias" and ents[a].canonical == ents[b].canonical:
            return
        seen.add((type_, a, b))
        s, e = tm.orig_span(tm.starts[ta], tm.ends[tb])
        rels.append(Relation(type_, a, b, s, e, title=title, confidence=conf))

    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        if a.type == PERSON and b.type == PERSON and _ALIAS_GAP.match(tm.norm[a.ne : b.ns]):
            add("alias", k, k + 1, idx.first[k], idx.last[k + 1], conf=0.9)

    for k, c in enumerate(cands):
        if c.type != PERSON:
            continue
        t = idx.last[k] + 1
        gap = tm.norm[c.ne : tm.starts[t]] if t < len(tm) else ""
        if t >= len(tm) or gap.strip(' "') or "," in gap or words[t] not in lx.OFFICE_FIRST_ALL:
            continue
        for title in lx.OFFICE_TITLES:
            if tuple(words[t : t + len(title)]) == title:
                break
        else:
            continue
        after = t + len(title)
        if after < len(tm) and match_vocab(words[after], lx.PLACE_TRIGGERS):
            after += 1
        target = idx.starting_near(after, 1, (PLACE, GROUP), cands)
        if target is None:
            continue
        title_text = tm.text[slice(*tm.orig_span(tm.starts[t], tm.ends[t + len(title) - 1]))]
        rtype = (
            "member_of"
            if title in lx.MEMBERSHIP_TITLES and cands[target].type == GROUP
            else "office"
        )
        add(rtype, k, target, idx.first[k], idx.last[target], title=title_text, conf=0.85)

    _titles_before(tm, cands, idx, add)

    for t, cue in vocab_hits(tm, _CUES):
        if _CUES[cue[1]] != "present":
            rtype = "backed_by" if _CUES[cue[1]] == "backed" else "affiliated_with"
            nxt = t + 1
            while nxt < len(tm) and words[nxt] in _PREPS | {"قياده", "قبل"}:
                nxt += 1
            target = idx.starting_near(
                nxt if nxt > t + 1 else t + 1, 1, (GROUP, PLACE, PERSON), cands
            )
            if target is None:
                # «مرتبطة بـ"الحرس"», «بإيران»: the preposition is glued to the name.
                target = idx.starting_near(t + 1, 0, (GROUP, PLACE, PERSON), cands)
            if target is None or (cands[target].type == PLACE and cands[target].kind != "country"):
                continue
            if _CUES[cue[1]] == "sponsor":
                s0, _ = idx.sentence(tm.starts[t])
                src = idx.ending_before(t, 40, (PERSON,), cands)
                if src is not None and cands[src].ns < s0:
                    src = None
            else:
                src = idx.ending_before(t, 2, (GROUP, PERSON), cands)
            if src is not None:
                add(rtype, src, target, idx.first[src], idx.last[target])
        else:
            src = idx.ending_before(t, 2, (GROUP,), cands)
            nxt = t + 1
            if nxt < len(tm) and words[nxt] in _PREPS:
                nxt += 1
            if nxt < len(tm) and match_vocab(words[nxt], lx.PLACE_TRIGGERS):
                nxt += 1
            target = idx.starting_near(nxt, 0, (PLACE,), cands)
            if src is not None and target is not None:
                add("present_in", src, target, idx.first[src], idx.last[target])

    # «X بديرالزور», «X في منطقة Y», «X ضمن Y»: a group directly followed by a place.
    for k, c in enumerate(cands):
        if c.type != GROUP:
            continue
        t = idx.last[k] + 1
        if t >= len(tm) or tm.norm[c.ne : tm.starts[t]].strip(' "'):
            continue
        w = words[t]
        nxt = None
        if w in ("في", "ضمن"):
            nxt = t + 1
            if nxt < len(tm) and match_vocab(words[nxt], lx.PLACE_TRIGGERS):
                nxt += 1
        elif w.startswith("ب") and idx.by_first.get(t) is not None:
            nxt = t  # glued «بديرالزور»
        if nxt is not None:
            target = idx.starting_near(nxt, 0, (PLACE,), cands)
            if target is not None and cands[target].kind != "country":
                conf = 0.6 if nxt == t else 0.7  # glued «بديرالزور» is also «by/with»
                add("present_in", k, target, idx.first[k], idx.last[target], conf=conf)
        # «قرية حطلة التي تضم … عناصر المليشيات»
    for k, c in enumerate(cands):
        if c.type != PLACE:
            continue
        t = idx.last[k] + 1
        if (
            t + 1 < len(tm)
            and words[t] in ("التي", "الذي")
            and words[t + 1] in ("تضم", "يضم", "تؤوي", "يؤوي")
        ):
            g = idx.starting_near(t + 2, 6, (GROUP,), cands)
            if g is not None:
                add("present_in", g, k, idx.first[k], idx.last[g], conf=0.6)

    rivals(tm, cands, idx, add)
    corefer(cands, ents, rels)
    return rels


def _titles_before(tm: TextMap, cands: list[Cand], idx: _Index, add) -> None:
    """«القيادي في "قسد" المدعو "X"», «مختار قرية Y المدعو "X"»: the title comes first."""
    words = tm.words
    for k, c in enumerate(cands):
        if c.type != PERSON:
            continue
        t = idx.first[k] - 1
        if t >= 0 and match_vocab(words[t], lx.PERSON_INTRODUCERS):
            t -= 1
        targets = [x for x in idx.by_last.get(t, ()) if cands[x].type in (GROUP, PLACE)]
        if t < 0 or not targets:
            continue
        target = targets[0]
        if any(ch in tm.norm[cands[target].ne : c.ns] for ch in ",.;:!?\n"):
            continue  # «مختار قرية مراط، والمدعو …» starts a new item of a list
        u = idx.first[target] - 1
        if u >= 0 and match_vocab(words[u], lx.PLACE_TRIGGERS):
            u -= 1
        for title in lx.OFFICE_TITLES:
            a = u - len(title) + 1
            if a >= 0 and tuple(words[a : u + 1]) == title:
                title_text = tm.text[slice(*tm.orig_span(tm.starts[a], tm.ends[u]))]
                member = title in lx.MEMBERSHIP_TITLES and cands[target].type == GROUP
                add(
                    "member_of" if member else "office",
                    k,
                    target,
                    a,
                    idx.last[k],
                    title=title_text,
                    conf=0.85,
                )
                break


def rivals(tm: TextMap, cands: list[Cand], idx: _Index, add) -> None:
    """«التوتر ما بين X و Y», «مشادات كلامية بين X وY», «الخط الفاصل بين X وY»."""
    words = tm.words
    for t, _ in vocab_hits(tm, _RIVAL_TRIGGERS):
        w = words[t]
        b = None
        for j in range(t + 1, min(t + 4, len(tm))):
            if words[j] == "بين":
                b = j
                break
        if b is None or (b + 1 < len(tm) and words[b + 1] in _BACKREF):
            continue
        a = idx.starting_near(b + 1, 3, (GROUP, PERSON), cands)
        if a is None:
            continue
        _, send = idx.sentence(tm.starts[b])
        for k in range(a + 1, min(a + 12, len(cands))):
            c = cands[k]
            if c.ns >= send:
                break
            if c.type not in (GROUP, PERSON):
                continue
            between = tm.norm[cands[a].ne : c.ns]
            if re.search(r"(^|\s)و", between) or re.search(r"(^|\s)و\S*$", between.rstrip(' "')):
                # Tension and fighting words state rivalry; a front line or a dispute less so.
                strong = match_vocab(w, _STRONG_RIVAL) is not None
                add("rival_of", a, k, b, idx.last[k], conf=0.75 if strong else 0.6)
                break


def corefer(cands: list[Cand], ents: list[Entity], rels: list[Relation]) -> None:
    """One canonical name per person: aliases and shortened repeats join their full name."""
    parent = list(range(len(ents)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in rels:
        if r.type == "alias":
            union(r.source, r.target)
    persons = [k for k, e in enumerate(ents) if e.type == PERSON]
    # A repeated name, or a two-word start of a longer one («أبو رقية» of «أبو رقية الأحوازي»).
    first_with: dict[str, int] = {}
    for k in persons:
        words = ents[k].name.split() if ents[k].ref is None else ents[k].canonical.split()
        for n in range(2, len(words) + 1):
            first_with.setdefault(name_key(" ".join(words[:n])), k)
    for k in persons:
        if ents[k].ref is not None:
            continue
        j = first_with.get(name_key(ents[k].canonical))
        if j is not None and j != k and " " in ents[k].canonical:
            union(k, j)
    groups: dict[int, list[int]] = {}
    for k in persons:
        groups.setdefault(find(k), []).append(k)
    for members in groups.values():
        if len(members) < 2:
            continue
        # The name a known dossier links to wins; else the first plain name (not a kunya).
        primary = next((x for x in members if ents[x].ref is not None), None)
        if primary is None:
            primary = next((x for x in members if cands[x].kind == "name"), members[0])
        for x in members:
            if x == primary or ents[x].ref is not None:
                continue
            if ents[x].matched_alias is None:
                ents[x].matched_alias = ents[x].name or ents[x].canonical
            ents[x].canonical = ents[primary].canonical
            ents[x].share_latin(ents[primary])
            ents[x].ref = ents[primary].ref
