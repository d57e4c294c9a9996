"""Where an incident happened: the most specific place of its clause, the wider place named
with it («مدينة دوما في الغوطة الشرقية»), and the places a round-up lists («غارات على سراقب
ومعرة النعمان وخان شيخون»)."""

from __future__ import annotations

import re

from . import lexicon as lx
from .common import Cand, match_vocab
from .textmap import TextMap
from .types import PLACE, Entity

# The most specific place wins: a facility or a village over its district over its country.
RANK = {"facility": 0, "village": 1, "town": 1, "city": 2, "area": 2, "river": 3, "lake": 3,
        "subdistrict": 3, "district": 4, "governorate": 5, "region": 6, "country": 7}
_WITHIN_GAP = lx._set("في ب ضمن من قرب بمحافظة محافظة بمدينة مدينة بريف ريف منطقة بمنطقة")
_COORD = re.compile(r"^[\s,،و]*$")
# «في هذه المحافظة», «تلك المدينة»: a place named before, by its kind.
_DEMONSTRATIVES = lx._set("هذه هذا تلك ذلك")
# «صواريخ من غرب إيران على دير الزور», «الحدودية مع العراق»: where a strike came from or
# what a place borders is not where it landed.
_NOT_WHERE = lx._set("من مع منها منه الحدودية الحدودي حدود الحدود المحاذية المحاذي")


# «مطار كويرس العسكري شرق حلب», «قاعدة حميميم الروسية في ريف اللاذقية»: what a place is
# and where it lies, between a place and the wider one it is in.
_PLACE_ADJECTIVES = lx._set(
    "العسكري العسكرية الدولي الدولية المركزي المركزية الحدودي الحدودية الجوي الجوية المدني "
    "الشهير الشهيرة القديمة القديم"
)


def _within_word(g: str) -> bool:
    return (match_vocab(g, _WITHIN_GAP) is not None or g in lx.AREA_HEADS
            or g in lx.AREA_ADJECTIVES or g in _PLACE_ADJECTIVES or g in lx.NATIONALITY)


class Places:
    """Place questions about one extraction result (entity indices as in ``res.entities``)."""

    def __init__(self, tm: TextMap, cands: list[Cand], ents: list[Entity]) -> None:
        self.tm, self.cands, self.ents = tm, cands, ents

    def rank(self, i: int) -> int:
        """How wide a place is, as its own words say: «مدينة الميادين» is a town even where
        the gazetteer knows the district of that name; «ريف دير الزور» is wider than a town."""
        ent = self.ents[i]
        name = lx.normalize(ent.canonical).split()
        if name and name[0] in lx.AREA_HEADS:
            return RANK["district"]
        kind = self.place_word(i)
        return RANK.get(kind, 2) if kind is not None else RANK.get(ent.kind, 2)

    def place_word(self, i: int) -> str | None:
        """The kind the place word of a name says: the word before it («قرية حطلة») or its
        own first word («مطار كويرس العسكري», «سجن صيدنايا»)."""
        tm, c = self.tm, self.cands[i]
        t = tm.token_of(c.ns)
        for j in (t - 1, t) if t > 0 else (t,):
            hit = match_vocab(tm.words[j], lx.PLACE_TRIGGERS)
            if hit is not None and (j < t or tm.ends[j] < c.ne):
                return lx.PLACE_TRIGGERS[hit[1]]
        return None

    def origin_or_border(self, i: int, first: int) -> bool:
        """Is place ``i`` (first token ``first``) governed by «من» or «مع»?"""
        c, tm = self.cands[i], self.tm
        glued = tm.norm[tm.starts[first] : c.ns]
        if glued in ("من", "ومن"):
            return True
        return first > 0 and glued == "" and tm.words[first - 1] in _NOT_WHERE

    def named_before(self, t0: int, t1: int, first: list[int]) -> int | None:
        """«في هذه المحافظة»: the last place of that kind named before token ``t0`` (within
        the two sentences before), for a clause that names its place only so."""
        words = self.tm.words
        for k in range(t0, t1 - 1):
            if words[k] not in _DEMONSTRATIVES:
                continue
            hit = match_vocab(words[k + 1], lx.PLACE_TRIGGERS)
            if hit is None or not hit[1].startswith("ال"):
                continue
            rank = RANK.get(lx.PLACE_TRIGGERS[hit[1]], 2)
            earlier = [i for i, e in enumerate(self.ents)
                       if e.type == PLACE and 0 <= first[i] < t0 and t0 - first[i] < 80]
            # A town word names a town or a village; a governorate word a governorate.
            same_kind = [i for i in earlier if self.rank(i) == rank
                         or (rank <= RANK["city"] and self.rank(i) <= RANK["city"])]
            return same_kind[-1] if same_kind else None
        return None

    def most_specific(self, pool: list[int]) -> int:
        return min(pool, key=lambda i: (self.rank(i), pool.index(i)))

    def within(self, i: int) -> int | None:
        """«مدينة دوما في الغوطة الشرقية»: the wider place named right after a place."""
        ents, text = self.ents, self.tm.text
        for j in range(i + 1, min(i + 3, len(ents))):
            other = ents[j]
            if other.type != PLACE:
                continue
            gap = lx.normalize(text[ents[i].end : other.start]).split()
            if len(gap) <= 3 and all(_within_word(g) for g in gap):
                if self.rank(j) >= self.rank(i) and other.canonical != ents[i].canonical:
                    return j
            return None
        return None

    def coordinated(self, places: list[int], chosen: int) -> list[int]:
        """The places joined to ``chosen`` by «و» or commas only, narrower than a governorate."""
        ents, text = self.ents, self.tm.text
        if chosen not in places:
            return [chosen]
        lo = hi = places.index(chosen)
        while lo > 0 and _COORD.match(text[ents[places[lo - 1]].end : ents[places[lo]].start]):
            lo -= 1
        while hi + 1 < len(places) and _COORD.match(
            text[ents[places[hi]].end : ents[places[hi + 1]].start]
        ):
            hi += 1
        group = [i for i in places[lo : hi + 1] if self.rank(i) < RANK["governorate"]]
        return group if chosen in group else [chosen]
