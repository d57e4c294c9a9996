"""Readable Latin names: arabic-name-romanizer for persons (country SY), a simple
transliteration for everything else. Gazetteer Latin names are preferred by the caller.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from typing import Any

from ..normalize import normalize
from .types import DATE, PERSON, PLACE

log = logging.getLogger(__name__)
_lock = threading.Lock()
# Two romanizers: dictionary + rules (fast: extraction of every mention) and the same with
# the package's small offline ONNX model for unknown name parts (better, ~50x slower: used
# when a name is stored as an actor's Latin alias).
_transliterators: dict[bool, Any] = {}
_failed: set[bool] = set()

# A plain, readable scheme (no diacritics): what an editor can type and search.
_LETTERS = {
    "ا": "a",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "a",
    "و": "w",
    "ي": "y",
    "ء": "'",
    "پ": "p",
    "چ": "ch",
    "گ": "g",
    "ڤ": "v",
}
_VOWEL_AFTER = re.compile(r"([bcdfghjklmnpqrstvwxyz'])(?=[bcdfghjklmnpqrstvwxyz])")


def _get(model: bool) -> Any:
    if model not in _transliterators and model not in _failed:
        with _lock:
            if model not in _transliterators and model not in _failed:
                try:
                    from arabic_name_romanizer import Transliterator

                    # Only the best spelling is ever asked for (top_k=1): the best
                    # combination of unit spellings is all the ranking needs to keep.
                    tr = Transliterator(auto_load_model=model, max_combinations=1)
                    tr.user = _MemoIndex(tr.user)  # empty: Casefile adds no user spellings
                    if tr.index is not None:
                        tr.index = _MemoIndex(tr.index)
                    _transliterators[model] = tr
                except Exception as exc:  # a broken install must not stop extraction
                    log.warning("arabic-name-romanizer unavailable: %s", exc)
                    _failed.add(model)
    return _transliterators.get(model)


class _MemoIndex:
    """The romanizer's read-only name index (or user dictionary), its answers kept: the same
    name units («محمد», «عبد», «الحسن») recur across thousands of reports, and each lookup is
    an SQLite query."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self.lookup_full = lru_cache(maxsize=50_000)(index.lookup_full)
        self.lookup_unit = lru_cache(maxsize=50_000)(index.lookup_unit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


@lru_cache(maxsize=20000)
def person_latin(name: str, best: bool = False) -> str:
    """«محمد علي الهادي» → «Muhammad Ali al-Hadi» (``best`` also asks the offline model)."""
    tr = _get(best)
    if tr is not None:
        try:
            with _lock:  # the romanizer's SQLite index is not shared across threads
                out = tr.transliterate(name, country="SY")
            if isinstance(out, str) and out.strip():
                return out.strip()
        except Exception as exc:
            log.debug("romanizer failed on %r: %s", name, exc)
    # The plain scheme word by word (never simple_latin: it asks person_latin per word).
    text = " ".join(w for w in (_word(x) for x in normalize(name).replace('"', " ").split()) if w)
    return text[:1].upper() + text[1:]


def _word(w: str) -> str:
    if not w:
        return ""
    if not any("\u0600" <= c <= "\u06ff" for c in w):
        return w
    prefix = ""
    if w.startswith("ال") and len(w) > 3:
        prefix, w = "al-", w[2:]
    out = []
    for i, ch in enumerate(w):
        if ch == "و" and 0 < i < len(w) - 1 and out and out[-1][-1:] not in "aeiou":
            out.append("u")  # medial waw after a consonant is a long vowel
        elif ch == "ي" and 0 < i and out and out[-1][-1:] not in "aeiou" and i < len(w) - 1:
            out.append("i")
        elif ch == "ي" and i == len(w) - 1 and i > 0:
            out.append("i")
        else:
            out.append(_LETTERS.get(ch, ch if ch.isascii() else ""))
    s = "".join(out)
    # Insert an «a» between consonant clusters so the result is pronounceable.
    s = _VOWEL_AFTER.sub(lambda m: m.group(1) + ("a" if m.group(1) != "'" else ""), s, count=2)
    s = s.replace("''", "'").strip("'") or s
    return prefix + s[:1].upper() + s[1:] if not prefix else prefix + s[:1].upper() + s[1:]


# Descriptive words of group names are translated, not transliterated: «المليشيات الإيرانية»
# reads «Iranian militias». Nouns first in Arabic, adjectives first in English.
_NOUNS = {
    "مليشيات": "militias",
    "ميليشيات": "militias",
    "مليشيا": "militia",
    "ميليشيا": "militia",
    "مجموعات": "groups",
    "مجموعه": "group",
    "فصائل": "factions",
    "فصيل": "faction",
    "قوات": "forces",
    "عناصر": "members",
    "لواء": "Brigade",
    "كتائب": "Battalions",
    "حركه": "Movement",
    "جبهه": "Front",
    "حزب": "Party",
    "مركز": "Centre",
    "وزاره": "Ministry",
    "مجلس": "Council",
    "جيش": "Army",
    "شرطه": "Police",
    "فرقه": "Division",
    "هيئه": "Commission",
    "منظمه": "Organisation",
    "جمعيه": "Association",
    "اتحاد": "Union",
    "بلديه": "Municipality",
    "محافظه": "Governorate",
    "وكاله": "Agency",
    "مرصد": "Observatory",
    "شبكه": "Network",
    "لجنه": "Committee",
    "حكومه": "Government",
    "اداره": "Administration",
    "مديريه": "Directorate",
    "شعبه": "Directorate",
    "فرع": "Branch",
    "مخابرات": "Intelligence",
    "استخبارات": "Intelligence",
    "امن": "Security",
    "حرس": "Guard",
    "دفاع": "Defence",
    "تحالف": "Coalition",
    "ايتلاف": "Coalition",
    "قياده": "Command",
    "غرفه": "Operations Room",
    "كتيبه": "Battalion",
    "سرايا": "Companies",
    "تجمع": "Gathering",
    "فيلق": "Corps",
    "صحيفه": "Newspaper",
    "جريده": "Newspaper",
    "قناه": "Channel",
    "اذاعه": "Radio",
    "محكمه": "Court",
    "جامعه": "University",
    "مستشفي": "Hospital",
    "عشيره": "clan",
    "قبيله": "tribe",
    "عشاير": "tribes",
    "ثوار": "revolutionaries",
    "نظام": "regime",
    "معارضه": "opposition",
    "انباء": "News",
    "اخبار": "News",
    "حقوق": "Rights",
    "انسان": "Human",
    "تحرير": "Liberation",
    "ثوره": "Revolution",
    "مصالحه": "Reconciliation",
    "شعب": "People",
    "حمايه": "Protection",
    "طوارئ": "Emergency",
    "اغاثه": "Relief",
    "امم": "Nations",
    "دول": "States",
    "اسلام": "Islam",
    "جهاد": "Jihad",
    "شرق": "East",
    "غرب": "West",
    "شمال": "North",
    "جنوب": "South",
}
_ADJS = {
    "ايرانيه": "Iranian",
    "ايراني": "Iranian",
    "روسيه": "Russian",
    "روسي": "Russian",
    "سوريه": "Syrian",
    "سوري": "Syrian",
    "تركيه": "Turkish",
    "تركي": "Turkish",
    "امريكيه": "American",
    "امريكي": "American",
    "اميركيه": "American",
    "عراقيه": "Iraqi",
    "عراقي": "Iraqi",
    "لبناني": "Lebanese",
    "لبنانيه": "Lebanese",
    "محليه": "local",
    "محلي": "local",
    "اجنبيه": "foreign",
    "اجنبي": "foreign",
    "عسكريه": "military",
    "عسكري": "military",
    "شيعيه": "Shia",
    "كرديه": "Kurdish",
    "عشائريه": "tribal",
    "مسلحه": "armed",
    "مواليه": "loyalist",
    "معارضه": "opposition",
    "ثقافي": "cultural",
    "حكوميه": "government",
    "امنيه": "security",
    "وطنيه": "national",
    "وطني": "national",
    "رسميه": "official",
    "رسمي": "official",
    "دوليه": "International",
    "دولي": "International",
    "اسلاميه": "Islamic",
    "اسلامي": "Islamic",
    "عربيه": "Arab",
    "عربي": "Arab",
    "مدني": "Civil",
    "مدنيه": "Civil",
    "حر": "Free",
    "حره": "Free",
    "ديمقراطيه": "Democratic",
    "شعبيه": "Popular",
    "شعبي": "Popular",
    "ثوري": "Revolutionary",
    "ثوريه": "Revolutionary",
    "خاصه": "Special",
    "جويه": "Air",
    "بحريه": "Naval",
    "متحده": "United",
    "اوروبي": "European",
    "اوروبيه": "European",
    "سعوديه": "Saudi",
    "اردنيه": "Jordanian",
    "اردني": "Jordanian",
    "اسراييليه": "Israeli",
    "اسراييلي": "Israeli",
    "فرنسيه": "French",
    "بريطانيه": "British",
    "مصريه": "Egyptian",
    "قطريه": "Qatari",
    "اماراتيه": "Emirati",
    "فلسطينيه": "Palestinian",
    "فلسطيني": "Palestinian",
    "انسانيه": "Humanitarian",
    "طبيه": "Medical",
    "مؤقته": "Interim",
    "موقته": "Interim",
    "عليا": "High",
    "عامه": "General",
    "عام": "General",
    "مركزيه": "Central",
    "مركزي": "Central",
    "عسكريون": "military",
    "تابعه": "affiliated",
    "مستقله": "Independent",
    "جديده": "New",
}
# Words that carry no meaning of their own in a name («لـ», «في», «و»).
_FUNCTION = frozenset({"في", "من", "على", "الى", "ل", "و", "عن", "بين"})


def _is_proper(stem: str) -> bool:
    """A word that is a name (a person's or place's), so romanising it is right."""
    names = _name_words()
    return stem in names or ("ال" + stem) in names


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Attested person-name words and the shipped places' words (built once)."""
    from .gazetteer import shipped_gazetteer
    from .ner_features import cached_person_words

    places = {
        w for e in shipped_gazetteer().entries if e.type == "PLACE"
        for n in e.names for w in normalize(n).split() if len(w) > 2
    }
    return cached_person_words() | places


@lru_cache(maxsize=1)
def _place_latin() -> dict[str, str]:
    """One-word place names → their gazetteer Latin name («حلب» → «Aleppo»)."""
    from .gazetteer import shipped_gazetteer

    out: dict[str, str] = {}
    for e in shipped_gazetteer().entries:
        if e.type == "PLACE" and e.latin:
            for n in e.names:
                k = normalize(n)
                if " " not in k:
                    out.setdefault(k, e.latin)
    return out


def _known(stem: str) -> bool:
    return stem in _NOUNS or stem in _ADJS or _is_proper(stem)


@lru_cache(maxsize=20000)
def group_latin(name: str) -> tuple[str, str]:
    """(Latin, origin) for an unlinked group name: a glossary translation, or nothing.

    «المليشيات الإيرانية» → («Iranian militias», "glossary"); «وكالة الأنباء السورية الرسمية»
    → («Official Syrian News Agency», "glossary"): Arabic heads come first, English heads last,
    so the translated words are read back to front. A phrase with a common word the glossary
    does not know is left without a Latin name (origin "") rather than spelt letter by letter;
    only proper-name words (attested person or place names) may be romanised inside it.
    """
    words = [w[1:] if w.startswith("و") and _known(_strip(w[1:])) and not _known(_strip(w))
             else w for w in normalize(name).replace('"', " ").split()]
    if not words:
        return "", ""
    stems = [_strip(w) for w in words]
    if stems[0] in _NOUNS and stems[1:] and all(s in _ADJS for s in stems[1:]):
        text = " ".join([*[_ADJS[s] for s in stems[1:]], _NOUNS[stems[0]]])
        return text[:1].upper() + text[1:], "glossary"
    out: list[str] = []
    translated = 0
    for w, st in zip(words, stems, strict=True):
        if w in _FUNCTION or st in _FUNCTION:
            continue
        word = _NOUNS.get(st) or _ADJS.get(st)
        if word:
            translated += 1
        elif _is_proper(st) or st[:1] in ("ل",) and _is_proper(st[1:]):
            word = _place_latin().get(w) or person_latin(w)
        else:
            return "", ""
        out.append(word)
    if not translated:
        return "", ""
    text = " ".join(reversed(out))
    return text[:1].upper() + text[1:], "glossary"


def _strip(w: str) -> str:
    w = w[1:] if w.startswith("و") and w[1:].removeprefix("ال") in {**_ADJS, **_NOUNS} else w
    return w[2:] if w.startswith("ال") else w


@lru_cache(maxsize=20000)
def simple_latin(name: str) -> str:
    """Readable Latin for group and other names: glossary words translated, the rest romanised."""
    words = normalize(name).replace('"', " ").split()
    if not words:
        return ""
    stems = [_strip(w) for w in words]
    if stems[0] in _NOUNS and all(s in _ADJS for s in stems[1:]):
        adjs = [
            ("and " if w.startswith("و") else "") + _ADJS[s]
            for w, s in zip(words[1:], stems[1:], strict=True)
        ]
        text = " ".join([*adjs, _NOUNS[stems[0]]])
        return text[:1].upper() + text[1:]
    out = [
        _ADJS.get(s) or _NOUNS.get(s) or person_latin(w) for w, s in zip(words, stems, strict=True)
    ]
    text = " ".join(w for w in out if w)
    return text[:1].upper() + text[1:]


def latin_for(type_: str, canonical: str) -> tuple[str, str]:
    """(Latin name, where it came from) for a name no gazetteer or case record gives."""
    if type_ == PERSON or type_ == PLACE:
        return person_latin(canonical), "romanised"
    if type_ == DATE:
        return "", ""
    return group_latin(canonical)
