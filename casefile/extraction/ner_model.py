"""The learned entity tagger (a CRF trained by ``scripts/train_ner.py``) and the combiner.

``CrfTagger`` is a ``Recognizer``: it tags each sentence chunk of the TextMap with PERSON /
GROUP / PLACE (IOB2) using the word features of ``ner_features`` and the rule recognizers'
candidates (left by the pipeline in ``tm.cache["rule_cands"]``) as features.

``score`` gives every candidate, rule-made or model-made, one calibrated confidence: the
model's marginal probability of that exact span (the least sure of its words' labels),
combined with what proposed it by a logistic calibration fitted on a calibration split that
neither the CRF nor any rule was trained on (``calibration.json``, written by the training
script). Of the proposals scored 0.8, about 80 % are right on that data.

The model is loaded once per process. A missing or unreadable model is an error naming the
file and the command that rebuilds it, never a silent fall-back to rules alone.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from ..assets import resource
from . import lexicon as lx
from .common import Cand, Quote, match_vocab, readings
from .ner_data import spans
from .ner_features import (
    Lexicons,
    ModelFeatures,
    cached_person_words,
    chunks,
    gazetteer_words,
    load_clusters,
    rule_tags,
)
from .textmap import TextMap
from .types import GROUP, PERSON, PLACE

MODEL_ENV = "CASEFILE_NER_DIR"
MODEL_FILE = "ner.crfsuite"
CLUSTERS_FILE = "clusters.json"
CALIBRATION_FILE = "calibration.json"
REBUILD = "python scripts/train_ner.py"
_KINDS = {PERSON: "name", GROUP: "organisation", PLACE: "town"}
_PROCLITIC_LETTERS = frozenset("وفبلك")
_PROCLITIC_PREFIXES = frozenset({"و", "ف", "ب", "ك", "ل", "وب", "وك", "فب", "وف"})
MIN_CONFIDENCE = 0.3  # calibrated: below this a candidate is more often wrong than a coin toss


class NerModelError(RuntimeError):
    """The shipped entity model cannot be used (missing or corrupt)."""


def model_dir() -> Path:
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env)
    return resource("ner")


def source_class(c: Cand) -> str:
    if c.source == "case":
        return "case"
    if c.source.startswith("model:"):
        return "model"
    if c.entry is None:
        return "pat"
    # A curated name (actors, curated places, the admin divisions) or a GeoNames name, which
    # is often also a word («الأبيض») and is weighed apart.
    return "gaz" if c.entry.weight >= 1.0 else "geo"


class Calibration:
    """Logistic map from (marginal, proposer, type, evidence) to a probability of being right.

    ``evidence`` is how the other side saw the span (``evidence()``): for a rule candidate,
    what the model tagged there; for a model candidate, whether a rule proposed the same span.
    A curated gazetteer name the model simply does not know («قسد», the model tags «O» over
    it: ``unseen``) is not the same as one the model reads as part of a longer name («فلسطين»
    in «جريدة فلسطين»: ``nested``), nor as a Casefile name that extends the model's («ريف دير
    الزور» around «دير الزور»: ``wider``).
    """

    FEATURES = ("bias", "logit", "gaz", "geo", "pat", "case", "model", "agree", "PERSON", "GROUP",
                "unseen", "nested", "extended", "wider", "gaz_unseen", "gaz_wider",
                "gaz_extended")
    # Where the model saw no name (``unseen``), a shorter one inside (``wider``) or the same
    # name with the adjectives after it (``extended``: Casefile leaves them outside a place)
    # over a curated gazetteer name, the span's marginal measures the model's ignorance of the
    # name or of Casefile's convention, not the name: there the gazetteer's own confidence is the starting
    # point (an offset, not a learned weight) and the fit only learns the correction. (A
    # pattern's guess has no such standing: its marginal still counts.)
    NO_OPINION = frozenset({"unseen", "wider", "extended"})

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.w = weights or {"bias": 0.0, "logit": 1.0}

    @classmethod
    def features(cls, marginal: float, src: str, type_: str,
                 rel: str) -> dict[str, float]:
        if src == "gaz" and rel in cls.NO_OPINION:
            return {"gaz_" + rel: 1.0}  # its own correction of the gazetteer's confidence
        f = {"bias": 1.0, src: 1.0, type_: 1.0, "logit": _logit(marginal)}
        if rel:
            f[rel] = 1.0
        return f

    @classmethod
    def offset(cls, src: str, rel: str, prior: float | None) -> float:
        if prior is None or src != "gaz" or rel not in cls.NO_OPINION:
            return 0.0
        return _logit(prior)

    def __call__(self, marginal: float, src: str, type_: str, rel: str,
                 prior: float | None = None) -> float:
        f = self.features(marginal, src, type_, rel)
        z = sum(self.w.get(k, 0.0) * v for k, v in f.items()) + self.offset(src, rel, prior)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def evidence(cands: Sequence[Cand]) -> list[str]:
    """For each candidate, how the other side (model vs rules) saw its span.

    ``agree`` (same type and span), and for a rule candidate: ``unseen`` (no model span
    touches it), ``extended`` (a model span of its type starts with it and goes on: «مطار
    الشعيرات العسكري»), ``nested`` (it lies inside another longer model span: «جريدة فلسطين»),
    ``wider`` (it contains the model's span(s) of its type), ``""`` otherwise.
    """
    model = sorted((c.ns, c.ne, c.type) for c in cands if source_class(c) == "model")
    mstarts = [m[0] for m in model]
    rule_spans = {(c.type, c.ns, c.ne) for c in cands if source_class(c) != "model"}
    out = []
    for c in cands:
        if source_class(c) == "model":
            out.append("agree" if (c.type, c.ns, c.ne) in rule_spans else "")
            continue
        # Model spans come from one tag sequence: disjoint, so the overlapping ones are a run.
        k = bisect_right(mstarts, c.ne - 1)
        over = []
        while k > 0 and model[k - 1][1] > c.ns:
            k -= 1
            over.append(model[k])
        if not over:
            out.append("unseen")
        elif len(over) == 1 and over[0] == (c.ns, c.ne, c.type):
            out.append("agree")
        elif len(over) == 1 and over[0][0] == c.ns and over[0][2] == c.type:
            out.append("extended")  # the model adds words after it: «مطار الشعيرات العسكري»
        elif len(over) == 1 and over[0][0] <= c.ns and over[0][1] >= c.ne:
            out.append("nested")
        elif all(c.ns <= s and e <= c.ne for s, e, _ in over) and any(
            t == c.type for *_, t in over
        ):
            out.append("wider")
        else:
            out.append("")
    return out


def open_model(d: Path):
    """(crfsuite Tagger, calibration, clusters) of the model in ``d``; NerModelError if unusable.

    Cheap (no lexicons): the application calls it at start-up to report a broken install.
    """
    import pycrfsuite

    path = d / MODEL_FILE
    if not path.is_file():
        raise NerModelError(
            f"The entity model {path} is missing. Rebuild it with `{REBUILD}` "
            "(needs ../shared/corpus)."
        )
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
        labels = set(tagger.labels())
    except Exception as exc:  # crfsuite raises ValueError/OSError on a damaged file
        raise NerModelError(
            f"The entity model {path} is corrupt ({exc}). Rebuild it with `{REBUILD}`."
        ) from exc
    if not {"O", "B-PERSON"} <= labels:
        raise NerModelError(
            f"The entity model {path} is not a Casefile entity model. "
            f"Rebuild it with `{REBUILD}`."
        )
    try:
        calib = json.loads((d / CALIBRATION_FILE).read_text(encoding="utf-8"))
        clusters = load_clusters(d / CLUSTERS_FILE)
    except (OSError, ValueError) as exc:
        raise NerModelError(
            f"A file of the entity model in {d} is missing or corrupt ({exc}). "
            f"Rebuild it with `{REBUILD}`."
        ) from exc
    return tagger, calib, clusters


def model_attributes(tagger) -> set[bytes]:
    """Every attribute (feature string) the model has a weight for, UTF-8 encoded.

    Read from the model's own text dump (its ATTRIBUTES section): pycrfsuite's ``info()``
    parses every weight as well and takes half a second.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.txt"
        tagger.dump(str(path))
        out: set[bytes] = set()
        with path.open("rb") as fh:
            for line in fh:
                if line.startswith(b"ATTRIBUTES"):
                    break
            for line in fh:
                if line.startswith(b"}"):
                    break
                out.add(line.rstrip(b"\n").split(b": ", 1)[1])
    return out


_TITLES = lx.TITLE_NOUNS | lx.HONORIFICS | lx.OFFICE_FIRST


def _bare_head(w: str) -> bool:
    """A lone head noun is no name: «مليشيا», «قوات», «قرية» (a definite generic word such as
    «الحكومة» may still be one: the pipeline links it from context or leaves it unlinked)."""
    for _off, stem in readings(w):
        if stem in lx.PLACE_TRIGGERS or stem in lx.PLURAL_GROUP_HEADS:
            return True
        if stem in lx.GROUP_HEADS and not stem.startswith("ال"):
            return True
    return False


class CrfTagger:
    """Recognizer backed by the shipped CRF model."""

    name = "crf"

    def __init__(self, directory: Path | None = None) -> None:
        from .gazetteer import shipped_gazetteer

        d = Path(directory or model_dir())
        self.tagger, calib, clusters = open_model(d)
        self.calibration = Calibration(calib.get("weights"))
        self.min_confidence = float(calib.get("min_confidence", MIN_CONFIDENCE))
        self.lex = Lexicons(
            cached_person_words(), gazetteer_words(shipped_gazetteer().entries), clusters
        )
        self.features = ModelFeatures(self.lex, model_attributes(self.tagger))

    # ---- Recognizer ------------------------------------------------------------------
    # ---- Recognizer ------------------------------------------------------------------
    def propose(self, tm: TextMap, quotes: Sequence[Quote]) -> Iterator[Cand]:
        rule = [c for c in tm.cache.get("rule_cands", ()) if c.type in _KINDS]
        rtags = rule_tags(tm, rule)
        ranged = sorted(
            ((tm.token_of(c.ns), tm.token_at(c.ne - 1) + 1, c) for c in rule if c.ne > c.ns),
            key=lambda t: t[0],
        )
        # Where a rule candidate starts inside its word (after «و», «ل», «ب»…), a model span
        # starting at that word starts there too: the clitic is not part of the name.
        clitic_start = {a: c.ns for a, _, c in ranged if c.ns > tm.starts[a]}
        tagged = sorted(rtags)
        r = 0
        for i, j in chunks(tm):
            items = self.features.sequence(tm.words[i:j], rtags, i, tagged)
            labels = self.tagger.tag(items)
            # Marginals of the rule candidates inside this chunk, while the tagger holds it.
            while r < len(ranged) and ranged[r][0] < i:
                r += 1
            while r < len(ranged) and ranged[r][0] < j:
                a, b, c = ranged[r]
                if b <= j:
                    c.extra["marginal"] = self._span_marginal(c.type, a - i, b - i)
                r += 1
            for typ, a, b in spans(labels):
                if b - a == 1 and _bare_head(tm.words[i + a]):
                    continue
                if typ == PERSON and b - a > 1 and match_vocab(tm.words[i + a], _TITLES):
                    a += 1  # «الوزير ستولتنبرغ»: the title stays outside the name
                p = min(self.tagger.marginal(labels[k], k) for k in range(a, b))
                ns, ne = tm.starts[i + a], tm.ends[i + b - 1]
                ns = clitic_start.get(i + a) or ns + self._proclitic(tm.words[i + a])
                yield Cand(typ, _KINDS[typ], ns, ne, tm.norm[ns:ne], p, "model:crf",
                           extra={"marginal": p})

    def _proclitic(self, w: str) -> int:
        """Letters of a proclitic glued to a name's first word («وقوات», «بإيران», «للحرس»)."""
        if len(w) < 4 or w[0] not in _PROCLITIC_LETTERS:
            return 0
        for off in (1, 2):
            if w[off : off + 2] == "ال" and w[:off] in _PROCLITIC_PREFIXES:
                return off
        if w.startswith(("لل", "ولل", "فلل")):
            return w.index("لل") + 1  # ل + الحرس, written «للحرس»: the span starts at «لحرس»
        stem, lex = w[1:], self.lex
        if w in lex.person_words or w in lex.gaz_words:
            return 0  # «وليد», «لبنان», «بشار»: the letter is the name's own
        if w[0] in "وف" and (stem in lex.clusters or stem in lex.gaz_words):
            return 1
        if stem in lex.gaz_words or (stem in lex.person_words and w not in lex.clusters):
            return 1
        return 0

    def _span_marginal(self, typ: str, a: int, b: int) -> float:
        p = self.tagger.marginal("B-" + typ, a)
        for k in range(a + 1, b):
            p = min(p, self.tagger.marginal("I-" + typ, k))
        return p


# Conventions of Casefile that the training corpora do not annotate: these rule candidates
# keep their own confidence and are never filtered by the model.
RULE_ONLY_SOURCES = frozenset({"pattern:group-plural"})


def protected(c: Cand) -> bool:
    """A finding the rules are surer of than any corpus could teach the model: a curated
    gazetteer or case name, a quoted name («المدعو "…"», «مسؤول "المركز الثقافي"»), a
    Casefile convention."""
    if c.source == "case" or c.source in RULE_ONLY_SOURCES or "quote" in c.extra:
        return True  # a name the report itself sets between quote marks counts as one
    rule_conf = c.extra.get("rule_confidence", c.confidence)
    if c.entry is not None and c.entry.weight >= 1.0:
        return True
    return not c.source.startswith("model:") and rule_conf >= 0.9


def score(cands: Iterable[Cand], calibration: Calibration) -> None:
    """Set each name candidate's confidence from the model and what proposed it."""
    cands = [c for c in cands if c.type in _KINDS]
    for c, rel in zip(cands, evidence(cands), strict=True):
        m = c.extra.get("marginal")
        if m is None or c.source in RULE_ONLY_SOURCES or c.source == "case":
            continue  # untagged text, a convention, or a name the analyst confirmed
        c.extra["rule_confidence"] = c.confidence
        c.confidence = round(calibration(m, source_class(c), c.type, rel, c.confidence), 3)


@lru_cache(maxsize=2)
def shipped_tagger(directory: str | None = None) -> CrfTagger:
    """The shipped model, loaded once per process (raises NerModelError when unusable)."""
    return CrfTagger(Path(directory) if directory else None)
