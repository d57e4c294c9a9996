"""Rule recognizers for PERSON, GROUP and PLACE names in news style.

Each function reads the tokens of a TextMap and yields Cand objects in normalised offsets.
Titles, roles and descriptors («المدعو», «مختار قرية», «مليشيا») stay outside the name span;
they become relations later (see relations.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from . import lexicon as lx
from .common import Cand, Quote, is_name_word, match_vocab, quote_at, vocab_hits, word_hits
from .textmap import TextMap
from .types import GROUP, PERSON, PLACE

# Group descriptors that are not part of the name when a name follows («مليشيا "حزب الله"»).
_DESCRIPTORS = lx._set("مليشيا ميليشيا ميلشيا فصيل تنظيم جماعة")
_NAME_LIMIT = 4


def _gap_ok(tm: TextMap, i: int, j: int) -> bool:
    """Only spaces (or a tatweel-ed «بـ») between tokens i and j: same phrase."""
    return not tm.between(i, j).strip()


def _name_run(tm: TextMap, i: int, limit: int = _NAME_LIMIT) -> int:
    """End token (exclusive) of a run of name-like words starting at token i."""
    j = i
    while j < len(tm) and j - i < limit and is_name_word(tm.words[j]):
        if j > i and not _gap_ok(tm, j - 1, j):
            break
        if j > i and match_vocab(tm.words[j], lx.OFFICE_FIRST):
            break
        j += 1
    return j


def _span_cand(
    tm: TextMap, type_: str, kind: str, i: int, j: int, off: int, conf: float, source: str
) -> Cand:
    ns, ne = tm.starts[i] + off, tm.ends[j - 1]
    return Cand(type_, kind, ns, ne, tm.norm[ns:ne], conf, source)


def _quoted(tm: TextMap, q: Quote, type_: str, kind: str, conf: float, source: str) -> Cand:
    return Cand(
        type_,
        kind,
        q.cs,
        q.ce,
        " ".join(tm.norm[q.cs : q.ce].split()),
        conf,
        source,
        extra={"quote": q},
    )


def _starts_like_a_name(w: str) -> bool:
    """A name's first word: a known given name or kunya head, or a word without «ال»."""
    r = match_vocab(w, lx.GIVEN_NAMES) or match_vocab(w, lx.KUNYA_HEADS)
    return r is not None or (not w.startswith("ال") and is_name_word(w))


def _person_cues(w: str) -> tuple | None:
    """(introducer, nickname introducer, kunya head, honorific, given name) readings of a
    word (asked once per distinct word: ``word_hits``); None for the many that carry none."""
    cues = (
        match_vocab(w, lx.PERSON_INTRODUCERS),
        match_vocab(w, lx.NICKNAME_INTRODUCERS),
        match_vocab(w, lx.KUNYA_HEADS),
        match_vocab(w, lx.HONORIFICS),
        match_vocab(w, lx.GIVEN_NAMES),
    )
    return cues if any(cues) else None


def persons(tm: TextMap, quotes: list[Quote]) -> Iterator[Cand]:
    words = tm.words
    n = len(words)
    for i, (intro, nick, r, h, g) in word_hits(tm, _person_cues):
        if intro:
            nick = None
        if intro or nick:
            yield from _introduced(tm, quotes, i, bool(nick))
            continue
        # «أبو رقية الأحوازي»: kunya + name (+ nisba).
        if r and r[1] not in ("ام",) and i + 1 < n and _gap_ok(tm, i, i + 1):
            x = words[i + 1]
            if is_name_word(x) and (
                not x.startswith("ال") or x[2:] in lx.GIVEN_NAMES or x in lx.GIVEN_NAMES
            ):
                j = i + 2
                if j < n and _gap_ok(tm, j - 1, j) and _is_nisba(words[j]):
                    j += 1
                yield _span_cand(tm, PERSON, "kunya", i, j, r[0], 0.6, "pattern:kunya")
            continue
        # «الشيخ X Y», «المدرب البرتغالي X»: title (+ nisba adjectives) + name, title outside.
        if h:
            k = i + 1
            while k < n and k - i <= 2 and _is_nisba(words[k]) and words[k] not in lx.GIVEN_NAMES:
                k += 1
            if k < n and _gap_ok(tm, k - 1, k) and _starts_like_a_name(words[k]):
                if h[1] == "اللواء" and words[k] not in lx.GIVEN_NAMES:
                    continue  # «اللواء» is also «brigade»
                j = (
                    _person_run(tm, k + 1, foreign_ok=True)
                    if words[k] in lx.GIVEN_NAMES
                    else _foreign_run(tm, k)
                )
                if j - k < 2 and words[k] not in lx.GIVEN_NAMES and not (
                    h[1] in _HIGH_TITLES and _lone_name_ok(tm, k)
                ):
                    continue  # one unknown word after a title is too often not a name
                yield _span_cand(tm, PERSON, "name", k, j, 0, 0.68, "pattern:title")
            continue
        # Given name + more name words: «محمد خلف الحسين».
        if g and i + 1 < n and _gap_ok(tm, i, i + 1):
            if (
                g[1] == "علي"
                and "ى" in tm.text[tm.orig(tm.starts[i]) : tm.orig(tm.ends[i] - 1) + 1]
            ):
                continue  # «على» (on), folded to «علي»
            if g[1] in lx.AMBIGUOUS_GIVEN and not (
                words[i + 1] in lx.GIVEN_NAMES
                or words[i + 1] in lx.NAME_LINKS
                or (words[i + 1] in ("ابو", "ابي") and _starts_like_a_name(words[i + 2] if i + 2 < n else ""))
            ):
                continue  # «باسم», «خلف», «أسماء» are words first; «شريف أبو شمط» is a name
            if g[1] == "باسم" and "إ" in tm.text[tm.orig(tm.starts[i]) : tm.orig(tm.ends[i] - 1) + 1]:
                continue  # «بإسم» (in the name of), folded to «باسم»
            j = _person_run(tm, i + 1)
            if j > i + 1:
                yield _span_cand(tm, PERSON, "name", i, j, g[0], 0.55, "pattern:given-name")
                continue
        if g and g[1] not in lx.AMBIGUOUS_GIVEN and g[1] not in ("عبد", "ابو", "ام"):
            # A lone unambiguous first name («قال سمير») is a person, with little confidence.
            if not (
                g[1] == "علي"
                and "ى" in tm.text[tm.orig(tm.starts[i]) : tm.orig(tm.ends[i] - 1) + 1]
            ):
                yield _span_cand(tm, PERSON, "name", i, i + 1, g[0], 0.45, "pattern:given-name")


def _is_nisba(w: str) -> bool:
    """«البرتغالي», «الأحوازي», «الإيرانية»: a definite adjective of origin."""
    return (
        w.startswith("ال")
        and len(w) > 4
        and (w.endswith("ي") or w.endswith("يه"))
        and is_name_word(w)
    )


def _introduced(tm: TextMap, quotes: list[Quote], i: int, nick: bool) -> Iterator[Cand]:
    """«المدعو "…"», «الملقب بـ "…"», «المعروف بأبي علي»."""
    words, n = tm.words, len(tm)
    k = i + 1
    # «الملقب بـ "…"»: skip the preposition, separate or glued to the quote.
    if nick and k < n and words[k] in ("ب", "باسم", "بلقب", "بكنيه"):
        k += 1
    q = quote_at(quotes, tm.ends[k - 1], tm, max_gap=3)
    kind = "nickname" if nick else "name"
    if q is not None:
        c = _quoted(tm, q, PERSON, kind, 0.92, "pattern:introducer")
        if c.name.split()[0] in lx.KUNYA_HEADS:
            c.kind = "kunya"
        yield c
        return
    if k >= n or not _gap_ok(tm, k - 1, k):
        return
    off = 0
    first = words[k]
    if nick and first.startswith("ب") and first[1:]:
        off, first = 1, first[1:]  # «الملقب بأبي علي»
    # Without quotes, only a name-like start makes a person: «المعروف بالإنجليزية» is not one.
    if not (
        first in lx.KUNYA_HEADS
        or first in lx.GIVEN_NAMES
        or (not nick and _starts_like_a_name(first))
    ):
        return
    j = _name_run(tm, k + 1, 3) if k + 1 < n and _gap_ok(tm, k, k + 1) else k + 1
    c = _span_cand(tm, PERSON, kind, k, max(j, k + 1), off, 0.75, "pattern:introducer")
    if c.name.split()[0] in lx.KUNYA_HEADS or first in lx.KUNYA_HEADS:
        c.kind = "kunya"
    yield c


def _foreign_run(tm: TextMap, k: int) -> int:
    """A name after a title that no list knows («كيروش», «أدولفو ملينديز»): up to three
    words without «ال», the last may be a family name with «ال»."""
    words, n = tm.words, len(tm)
    j = k + 1
    while j < n and j - k < 3 and _gap_ok(tm, j - 1, j) and is_name_word(words[j]):
        if words[j].startswith("ال"):
            if _family_word(words[j]):
                j += 1  # «الباجي قائد السبسي», «معزوز المصري»: a family name closes the run
            break
        if _looks_verbal(words[j]) or words[j] in lx.TITLE_NOUNS:
            break
        if match_vocab(words[j], lx.OFFICE_FIRST):
            break
        j += 1
    return j


# Titles that are followed by a name rather than a description («الوزير بومبيو»).
_HIGH_TITLES = lx._set(
    "الرئيس الرئيسة الوزير الوزيرة الملك الملكة الأمير الأميرة السيد السيدة الشيخ الدكتور "
    "الدكتورة الحاج العميد العقيد اللواء الفريق العماد الجنرال السفير المستشار النائب "
    "المشير البابا"
)


def _lone_name_ok(tm: TextMap, k: int) -> bool:
    """One unknown word after a high title is a name when a stop follows it and it does not
    look like a verb, a common noun of the genre or an adjective."""
    w = tm.words[k]
    if w.startswith("ال") or _looks_verbal(w) or w in lx.TITLE_NOUNS or len(w) < 3:
        return False
    if w[0] in "يت" and w not in lx.GIVEN_NAMES:
        return False
    if w.endswith("ه") or w.endswith("ات") or w.endswith("ين") or w.endswith("ون"):
        return False  # feminine/plural nouns and adjectives («السابق», «منطقة», «المنتخبين»)
    return _at_stop(tm, k + 1)


def _person_run(tm: TextMap, k: int, foreign_ok: bool = False) -> int:
    """After a given name: more given names, «بن»/«عبد»/«أبو» links, then one family word."""
    words, n = tm.words, len(tm)
    j = k
    if k > 0 and words[k - 1] == "عبد" and k < n and _gap_ok(tm, k - 1, k) and is_name_word(words[k]):
        j = k = k + 1  # «عبد الحميد» is one given name: the run goes on after it
    while j < n and j - k < 4 and _gap_ok(tm, j - 1, j):
        w = words[j]
        if w in lx.NAME_LINKS or w in ("عبد", "العبد", "ابو", "ابي"):
            if j + 1 < n and is_name_word(words[j + 1]) and _gap_ok(tm, j, j + 1):
                j += 2
                continue
            break
        if w in lx.GIVEN_NAMES and is_name_word(w) and not _looks_verbal(w):
            j += 1
            continue
        if _family_word(w):
            # The family name: «الحسين», «المصري»; a bare word right after one given name
            # («زهدي باكير»), or closing a chain before a stop («سهام رجا فحماوي» + «من»),
            # not running on into the sentence («محمد بن زيد» + «كربلاء»).
            if w.startswith("ال") or j == k or foreign_ok or _at_stop(tm, j + 1):
                j += 1
        break
    return j


def _looks_verbal(w: str) -> bool:
    """«يعطي», «تذهب», «ويجلس», «وإسراء»: a verb or a new conjunct, not a family name."""
    if w.startswith("و") and len(w) > 3 and (w[1:] in lx.GIVEN_NAMES or w[1] in "يت"):
        return True
    return w[0] in "يت" and w not in lx.GIVEN_NAMES and len(w) > 3


def _family_word(w: str) -> bool:
    if not is_name_word(w) or match_vocab(w, lx.OFFICE_FIRST) or w in lx.TITLE_NOUNS:
        return False
    if _looks_verbal(w):
        return False
    if w in lx.GROUP_ADJECTIVES:
        # «المصري», «الحلبي»: a masculine nisba after a name is a family name; «العسكرية»,
        # «المحلية», «الإيرانيين» are not.
        return w.startswith("ال") and w.endswith("ي") and w not in _NOT_FAMILY
    return True


_NOT_FAMILY = lx._set("المحلي الأجنبي العسكري الثوري الحكومي الشعبي الوطني الدولي الأوروبي")


def _at_stop(tm: TextMap, j: int) -> bool:
    """Token j ends a phrase: end of text, punctuation before it, or a function word."""
    if j >= len(tm) or not _gap_ok(tm, j - 1, j):
        return True
    w = tm.words[j]
    return (not w.isalpha()) or w in lx.STOPWORDS or match_vocab(w, lx.OFFICE_FIRST) is not None


def groups(tm: TextMap, quotes: list[Quote]) -> Iterator[Cand]:
    words = tm.words
    n = len(words)
    for q in quotes:  # «"المركز الثقافي" الإيراني»: a quoted name that starts with a group word
        t = tm.token_at(q.cs)
        if 0 <= t < n and tm.starts[t] == q.cs and match_vocab(words[t], lx.GROUP_HEADS):
            name = " ".join(tm.norm[q.cs : q.ce].split())
            yield Cand(
                GROUP,
                lx.GROUP_HEADS.get(match_vocab(words[t], lx.GROUP_HEADS)[1], "organisation"),
                q.cs,
                q.ce,
                name,
                0.7,
                "pattern:group-quote",
                extra={"quote": q},
            )
    heads = dict(vocab_hits(tm, lx.GROUP_HEADS))
    plurals = dict(vocab_hits(tm, lx.PLURAL_GROUP_HEADS))
    for i in sorted(heads.keys() | plurals.keys()):
        plural = None if i in heads else plurals[i]
        off, head = heads.get(i) or plural  # type: ignore[misc]
        kind = lx.GROUP_HEADS.get(head, "militia" if "لي" in head else "armed_group")
        q = quote_at(quotes, tm.ends[i], tm, max_gap=2)
        if q is not None:  # «مليشيا" حزب الله" السوري»
            j = tm.token_at(q.close) + 1
            adj_end = _adjectives(tm, j, q.close)
            if head in _DESCRIPTORS:
                ns = q.open
            else:
                ns = tm.starts[i] + off
            ne = tm.ends[adj_end - 1] if adj_end > j else q.close + 1
            if adj_end == j:
                ne = q.close + 1 if ns <= q.open else q.close + 1
            name = " ".join(tm.norm[q.cs : q.ce].split())
            if head not in _DESCRIPTORS:
                name = f"{head} {name}"
            if adj_end > j:
                name += " " + " ".join(_strip_waw(x) for x in words[j:adj_end])
            yield Cand(GROUP, kind, ns, ne, name, 0.85, "pattern:group-quote", extra={"quote": q})
            continue
        if plural:
            j = _adjectives(tm, i + 1, tm.ends[i])
            if j > i + 1:
                yield _span_cand(
                    tm,
                    GROUP,
                    "militia" if "لي" in head else "armed_group",
                    i,
                    j,
                    off,
                    0.5,
                    "pattern:group-plural",
                )
            continue
        # The construct noun right after the head («قوات الأسد», «حزب نداء تونس»), then only
        # adjectives: a participle such as «المتمركزة» ends the name.
        j = i + 1
        while j < n and j - i <= 4 and _gap_ok(tm, j - 1, j):
            x = words[j]
            if x in lx.GROUP_ADJECTIVES or (j > i + 1 and _is_nisba(x)):
                j += 1  # «الشؤون الخارجية», «الشرطة العسكرية الروسية»
                continue
            if j == i + 1 and is_name_word(x) and (x.startswith("ال") or head in _NAMED_BY_NOUN):
                j += 1
                continue
            if (
                j == i + 2
                and head in _NAMED_BY_NOUN
                and not words[i + 1].startswith("ال")
                and is_name_word(x)
            ):
                j += 1
                continue
            break
        if head in _CHAIN_HEADS:
            j = max(j, _genitive_chain(tm, i))
        if j == i + 1:
            continue
        if (
            head in lx.GENERIC_HEADS
            and j == i + 2
            and words[i + 1] in lx.GROUP_ADJECTIVES
            and (words[i + 1] not in lx.NATIONALITY)
        ):
            continue  # «القوات العسكرية», «المركز الثقافي» alone: too generic without a backer
        yield _span_cand(tm, GROUP, kind, i, j, off, 0.55, "pattern:group-head")


# Heads whose name is a bare noun («حركة حماس», «حزب نداء تونس», «لواء فاطميون»).
_NAMED_BY_NOUN = lx._set(
    "حركة جبهة حزب لواء تنظيم جماعة كتائب سرايا تجمع جريدة صحيفة إذاعة قناة وكالة مجلة"
)


# Heads of organisation names that run on as a genitive chain: «هيئة سوق رأس المال»,
# «مفوضية الأمم المتحدة لشؤون اللاجئين», «شركة الوساطة للأوراق المالية», «بلدية نابلس».
_CHAIN_HEADS = lx._set(
    "وزارة منظمة جمعية مؤسسة اتحاد نقابة لجنة هيئة مجلس جامعة شركة بنك مصرف محكمة مديرية "
    "رابطة ائتلاف جريدة صحيفة وكالة قناة مجلة كلية معهد مركز دائرة حركة جبهة حزب بلدية "
    "مكتب سلطة مفوضية اللجنة الهيئة المجلس المنظمة الجمعية الاتحاد المؤسسة الدائرة المركز "
    "المكتب المحكمة الحركة الجبهة الشركة القيادة الحكومة حكومة برلمان"
)
# Words that never continue an organisation's name: days, time and discourse words.
_CHAIN_STOP = lx._set(
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الماضية الحالي "
    "الحالية الجاري المقبل المقبلة الآن اليوم أمس السابق السابقة الأخير الأخيرة الذي التي "
    "الذين الجديد الجديدة الأول الأولى الثاني الثانية نفسه نفسها ذاته ذاتها "
    "الصادرة الصادر المعترف المدعومة المدعوم الموالية الموالي التابعة التابع المتمركزة "
    "المتمركز المنعقد المنعقدة الواقعة الواقع المكلفة المختصة المعنية المذكورة المذكور"
)
# Generic heads that still take a bare name (none: «بلدية X» is an office + place).
_PLACE_NAMED: frozenset[str] = frozenset()  # «رئيس بلدية مظلوم»: the town is the name


def _chain_word(w: str) -> bool:
    return (
        w.isalpha()
        and len(w) > 3
        and w not in lx.STOPWORDS
        and w not in _CHAIN_STOP
        and w not in lx.MONTH_WORDS
        and not match_vocab(w, lx.OFFICE_FIRST_ALL)
    )


def _genitive_chain(tm: TextMap, i: int) -> int:
    """End of an organisation name after its head at token i: a construct noun (with or
    without «ال»), then «ال» nouns and adjectives and «لـ» complements («للأوراق المالية»,
    «لشؤون اللاجئين»), up to a function word, punctuation, a date or a title."""
    words, n = tm.words, len(tm)
    j = i + 1
    if j >= n or not _gap_ok(tm, i, j) or not _chain_word(words[j]):
        return i + 1
    if not words[j].startswith("ال") and (
        not is_name_word(words[j])
        or _looks_verbal(words[j])
        or (words[i] in lx.GENERIC_HEADS and words[i] not in _PLACE_NAMED)
    ):
        return i + 1  # «مركز احتجاز», «شركة مساهمة»: a generic head needs «ال» after it
    j += 1
    if words[j - 1] in lx.NATIONALITY:
        return j
    while j < n and j - i <= 6 and _gap_ok(tm, j - 1, j):
        w = words[j]
        if not _chain_word(w):
            break
        if w.startswith("ال"):
            j += 1
            if w in lx.NATIONALITY:
                break  # «الحكومة اليمنية» + «المعترف بها»: the state's adjective ends it
            continue
        if w.startswith("ل") and (
            j + 1 < n
            and words[j + 1].startswith("ال")
            and _gap_ok(tm, j, j + 1)
            and _chain_word(words[j + 1])
        ):
            j += 1  # «لشؤون اللاجئين», «للتأمين»
            continue
        break
    return j


def _strip_waw(w: str) -> str:
    return w[1:] if w.startswith("و") and w[1:] in lx.GROUP_ADJECTIVES else w


def _adjectives(tm: TextMap, j: int, after: int) -> int:
    """End of a run of group adjectives starting at token j («الإيرانية», «وأجنبية»)."""
    k = j
    while k < len(tm) and k - j < 3:
        if k == j and tm.norm[after + 1 : tm.starts[k]].strip(' "'):
            break
        if k > j and not _gap_ok(tm, k - 1, k):
            break
        if _strip_waw(tm.words[k]) not in lx.GROUP_ADJECTIVES:
            break
        k += 1
    return k


def places(tm: TextMap, quotes: list[Quote]) -> Iterator[Cand]:
    """«قرية حطلة», «بلدة …», «ريف حلب الشمالي»: the name after a place word."""
    words = tm.words
    n = len(words)
    for i, (off, trig) in vocab_hits(tm, lx.PLACE_TRIGGERS):
        if trig.startswith("ال"):
            continue  # «المنطقة», «القرية» refer back; they do not introduce a name
        kind = lx.PLACE_TRIGGERS[trig]
        q = quote_at(quotes, tm.ends[i], tm, max_gap=2)
        if q is not None:
            yield _quoted(tm, q, PLACE, kind, 0.8, "pattern:place-quote")
            continue
        if i + 1 >= n or not _gap_ok(tm, i, i + 1) or not is_name_word(words[i + 1]):
            continue
        if trig in _PLURAL_TRIGGERS and words[i + 1].startswith("ال"):
            continue  # «قرى الريف», «مناطق السيطرة»: plural place words rarely precede a name
        j = i + 2
        # Two-word names: «طابية جزيرة», «دير الزور», «عين العرب»; stop at adjectives.
        if (
            j < n
            and _gap_ok(tm, j - 1, j)
            and is_name_word(words[j])
            and (words[j] not in lx.GROUP_ADJECTIVES and not match_vocab(words[j], lx.AREA_HEADS))
        ):
            if (
                words[j].startswith("ال")
                or len(words[i + 1]) <= 3
                or words[i + 1] in _NAME_PREFIXES
            ):
                j += 1
        ns = tm.starts[i + 1]
        if kind == "river":
            ns = tm.starts[i] + off  # «نهر الفرات» is the river's name
        yield Cand(
            PLACE,
            kind,
            ns,
            tm.ends[j - 1],
            tm.norm[ns : tm.ends[j - 1]],
            0.7,
            "pattern:place-trigger",
        )
    for i, r in vocab_hits(tm, lx.AREA_HEADS):
        if r[1] != "ريف" or i + 1 >= n or not is_name_word(words[i + 1]):
            continue
        j = i + 2
        if (
            j < n
            and words[j].startswith("ال")
            and words[j] not in lx.AREA_ADJECTIVES
            and is_name_word(words[j])
        ):
            j += 1
        if j < n and words[j] in lx.AREA_ADJECTIVES:
            j += 1
        yield _span_cand(tm, PLACE, "area", i, j, r[0], 0.7, "pattern:rural")


_PLURAL_TRIGGERS = lx._set("قرى بلدات مدن مناطق أحياء")
# First words of two-word place names («حي الشيخ مقصود», «حي بابا عمرو», «سوق الحميدية»).
_NAME_PREFIXES = lx._set(
    "دير تل عين بئر بير كفر خربة جسر باب رأس راس بيت أم ام أبو ابو بني بنو سيدي "
    "الشيخ شيخ بابا مرج قصر سوق خان تلة حوش قلعة جب نبع معرة مزرعة"
)
