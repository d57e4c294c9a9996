"""Labelled corpora for the learned tagger, read into Casefile's own word view.

Used by ``scripts/train_ner.py`` (training) and ``scripts/eval_ner.py`` (the held-out
measures); the application never reads these corpora.

Every sentence becomes the text an analyst would import (tokens joined with spaces; WikiFANE's
split clitics glued back: «و تعتبر» → «وتعتبر», «عاصمة ها» → «عاصمتها»), read by the same
``TextMap`` as at run time, with each word labelled from the token it lies in (IOB2 over
PERSON / GROUP / PLACE).

Class mappings (our types are actors and places an analyst files):

- WikiFANE (Alotaibi & Lee 2014, ACE-based two-level taxonomy). PERSON ← the individual
  person classes Politician, Religious_PER, Artist, Scientist, Athlete, Businessperson,
  Engineer, Lawyer, Police, Other_PER. GROUP ← organisations Government, Non-Governmental,
  Commercial, Educational, Media, Religious_ORG, Sports, Medical-Science, Entertainment.
  PLACE ← GPEs Nation, State-or-Province, County-or-District, Population-Center,
  GPE-Cluster, Continent; locations Water-Body, Land-Region-Natural; facilities
  Building-Grounds, Airport, Path, Subarea-Facility. Outside (O): PER «Group» (peoples and
  communities: «المسلمين», «الفرنسيين» are not actors), Celestial, vehicles (Air, Land, Water),
  weapons, products (Book, Software, Hardware, Movie, Sound, Food, Drug, Plant, Nuclear...).
- Wojood (nested; the outermost of our types wins for training): PERS → PERSON, ORG → GROUP,
  GPE / LOC / FAC → PLACE.
- AQMAR (CoNLL): PER → PERSON, ORG → GROUP, LOC → PLACE; MISC* → O.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .lexicon import PLACE_TRIGGERS
from .textmap import TextMap
from .types import GROUP, PERSON, PLACE

WIKIFANE_MAP = {
    **dict.fromkeys(
        "Politician Religious_PER Artist Scientist Athlete Businessperson Engineer Lawyer "
        "Police Other_PER".split(),
        PERSON,
    ),
    **dict.fromkeys(
        "Government Non-Governmental Commercial Educational Media Religious_ORG Sports "
        "Medical-Science Entertainment".split(),
        GROUP,
    ),
    **dict.fromkeys(
        "Nation State-or-Province County-or-District Population-Center GPE-Cluster Continent "
        "Water-Body Land-Region-Natural Building-Grounds Airport Path Subarea-Facility".split(),
        PLACE,
    ),
}
WOJOOD_MAP = {"PERS": PERSON, "ORG": GROUP, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
AQMAR_MAP = {"PER": PERSON, "ORG": GROUP, "LOC": PLACE}

_PROCLITIC_TOKENS = frozenset("و ف ب ل ك وب ول وك فب فل فك".split())
_ENCLITIC_TOKENS = frozenset("ه ها هم هما هن ي نا ك كم كما كن ني".split())


@dataclass
class Sentence:
    text: str
    words: list[str]  # TextMap words (normalised)
    labels: list[str]  # IOB2 per word
    tm: TextMap


def _tag_type(tag: str, mapping: dict[str, str]) -> tuple[str, str | None]:
    """«B-Politician» → ("B", "PERSON"); unknown classes → ("O", None)."""
    if tag == "O" or "-" not in tag:
        return "O", None
    bio, cls = tag.split("-", 1)
    typ = mapping.get(cls)
    return (bio, typ) if typ else ("O", None)


def _to_sentence(tokens: list[tuple[str, str, str | None]]) -> Sentence | None:
    """(token, B/I/O, type) → Sentence over TextMap words."""
    if not tokens:
        return None
    text_parts, spans = [], []
    pos = 0
    for tok, _, _ in tokens:
        spans.append((pos, pos + len(tok)))
        text_parts.append(tok)
        pos += len(tok) + 1
    text = " ".join(text_parts)
    tm = TextMap.build(text)
    if not len(tm):
        return None
    labels: list[str] = []
    ti = 0
    prev_tok = -1
    for ws in tm.starts:
        s = tm.orig(ws)
        while ti + 1 < len(spans) and spans[ti][1] <= s:
            ti += 1
        _, bio, typ = tokens[ti]
        if typ is None:
            labels.append("O")
        elif bio == "B" and ti != prev_tok:
            labels.append("B-" + typ)
        else:
            labels.append("I-" + typ)
        prev_tok = ti
    for i, lab in enumerate(labels):  # an I after O or another type opens a span
        if lab.startswith("I-") and (i == 0 or labels[i - 1][2:] != lab[2:]):
            labels[i] = "B-" + lab[2:]
    _place_word_outside(tm.words, labels)
    return Sentence(text, list(tm.words), labels, tm)


def _place_word_outside(words: list[str], labels: list[str]) -> None:
    """Casefile's convention: «قرية حطلة» is the place word + the PLACE «حطلة».

    Wojood and WikiFANE often include the word in the span («مدينة البيرة»); the model
    learns the convention of the rules and the gazetteer instead.
    """
    for i, lab in enumerate(labels):
        if (
            lab == "B-PLACE"
            and i + 1 < len(labels)
            and labels[i + 1] == "I-PLACE"
            and PLACE_TRIGGERS.get(words[i]) not in (None, "facility", "river")
        ):  # a facility or river keeps its word, as the gazetteer has it («مطار الشعيرات»)
            labels[i], labels[i + 1] = "O", "B-PLACE"


def _glue(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """WikiFANE's split clitics glued back onto their words, as analysts' text has them."""
    out: list[tuple[str, str]] = []
    pending = ""  # proclitics waiting for their word
    for tok, tag in tokens:
        if tok in _PROCLITIC_TOKENS:
            pending += tok
            continue
        if pending:
            if pending.endswith("ل") and tok.startswith("ال"):
                tok = pending + tok[1:]  # ل + الحرس → للحرس
            else:
                tok = pending + tok
            pending = ""
            out.append((tok, tag))
            continue
        if tok in _ENCLITIC_TOKENS and out and out[-1][0][-1:].isalpha():
            prev, ptag = out[-1]
            if prev.endswith("ة"):
                prev = prev[:-1] + "ت"
            out[-1] = (prev + tok, ptag)
            continue
        out.append((tok, tag))
    if pending:
        out.append((pending, "O"))
    return out


def read_wikifane(path: Path) -> Iterator[Sentence]:
    raw = path.read_text(encoding="utf-8").replace("\r", "").replace("\u200e", "")
    toks: list[tuple[str, str]] = []
    for line in [*raw.split("\n"), ""]:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip():
            toks.append((parts[0].strip(), parts[1].strip() or "O"))
            continue
        if not line.strip() and toks:  # a blank (or lone-tab) line ends a sentence
            typed = []
            for tok, tag in _glue(toks):
                bio, typ = _tag_type(tag, WIKIFANE_MAP)
                typed.append((tok, bio, typ))
            toks = []
            s = _to_sentence(typed)
            if s is not None:
                yield s


def read_conll(path: Path, mapping: dict[str, str]) -> Iterator[Sentence]:
    """CoNLL «token TAG [TAG…]» (Wojood lists nested tags, outermost first)."""
    cur: list[tuple[str, str, str | None]] = []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines() + [""]
    for line in lines:
        parts = line.split()
        if not parts or parts[0] == "$#$":
            s = _to_sentence(cur)
            if s is not None:
                yield s
            cur = []
            continue
        bio, typ = "O", None
        for tag in parts[1:]:
            b, t = _tag_type(tag, mapping)
            if t:
                bio, typ = b, t
                break
        cur.append((parts[0], bio, typ))


# AQMAR articles held out of training (every third, alphabetically): the measure.
def aqmar_split(folder: Path) -> tuple[list[Path], list[Path]]:
    files = sorted(folder.glob("*.txt"))
    files = [f for f in files if f.name != "SOURCE.txt"]
    held = files[1::3]
    return [f for f in files if f not in held], held


WIKIFANE_HELD_FRACTION = 0.05  # the last 5 % of WikiFANE's sentences: a held-back slice
WOJOOD_CALIBRATION_EVERY = 5  # every 5th Wojood-train sentence: calibration, not training


def spans(labels: list[str]) -> set[tuple[str, int, int]]:
    """(type, first word, end word) of the IOB2 labels."""
    out: set[tuple[str, int, int]] = set()
    if labels.count("O") == len(labels):
        return out  # most sentences name nobody
    start, typ = None, None
    for i, lab in enumerate([*labels, "O"]):
        if start is not None and not (lab.startswith("I-") and lab[2:] == typ):
            out.add((typ, start, i))
            start = None
        if lab.startswith("B-") or (lab.startswith("I-") and start is None):
            start, typ = i, lab[2:]
    return out
