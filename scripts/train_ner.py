"""Rebuild the shipped entity model (resources/ner/) from ../shared/corpus.

Needs the "train" extra (numpy): pip install -e ".[train]".

Usage: python scripts/train_ner.py [--corpus ../shared/corpus] [--out resources/ner]
                                   [--iterations 80] [--skip-clusters]

1. Word clusters from unlabelled text (the ANT articles and WikiFANE's training text): each
   of the 20,000 most frequent words gets its left/right co-occurrence counts with the 1,000
   most frequent words, PPMI (smoothed), an SVD to 64 dimensions, then seeded spherical
   k-means at 32, 128 and 512 clusters (coarse to fine features).
2. A CRF (python-crfsuite, L-BFGS, fixed iterations) on WikiFANE (all but its last 5 %),
   Wojood train (all but every 5th sentence) and the AQMAR articles ``aqmar_split`` keeps for
   training. Class mappings: ``casefile/extraction/ner_data.py``.
3. The calibration of confidences, fitted on the every-5th Wojood-train sentences (never
   trained on): logistic regression of "the candidate's span and type are gold" on the model's
   span marginal, the proposer (gazetteer, pattern, model) and agreement between them.

Held out and only ever measured (scripts/eval_ner.py): Wojood val, the other AQMAR articles,
WikiFANE's last 5 %. Deterministic: no random choice without a fixed seed; the CRF's L-BFGS
is deterministic for a given feature set. The model is CC BY-SA 3.0 (WikiFANE, AQMAR).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
import pycrfsuite  # noqa: E402

from casefile.extraction.common import find_quotes  # noqa: E402
from casefile.extraction.gazetteer import shipped_gazetteer  # noqa: E402
from casefile.extraction.ner_data import (  # noqa: E402
    AQMAR_MAP,
    WIKIFANE_HELD_FRACTION,
    WOJOOD_CALIBRATION_EVERY,
    WOJOOD_MAP,
    Sentence,
    aqmar_split,
    read_conll,
    read_wikifane,
    spans,
)
from casefile.extraction.ner_features import (  # noqa: E402
    Lexicons,
    cached_person_words,
    gazetteer_words,
    rule_tags,
    sequence,
)
from casefile.extraction.ner_model import (  # noqa: E402
    CALIBRATION_FILE,
    CLUSTERS_FILE,
    MODEL_FILE,
    RULE_ONLY_SOURCES,
    Calibration,
    CrfTagger,
    evidence,
    score,
    source_class,
)
from casefile.extraction.pipeline import rule_candidates  # noqa: E402
from casefile.normalize import normalize  # noqa: E402
from casefile.normalize import words as norm_words  # noqa: E402

SEED = 20260915


def corpora(corpus: Path) -> dict[str, list[Sentence]]:
    wiki = list(read_wikifane(corpus / "ner-train/wikifane/WikiFANE_Gold_2014_500K.txt"))
    cut = int(len(wiki) * (1 - WIKIFANE_HELD_FRACTION))
    wojood = list(read_conll(corpus / "ner-dev/wojood/train.txt", WOJOOD_MAP))
    aq_train, aq_held = aqmar_split(corpus / "ner-dev/aqmar")
    return {
        "wikifane": wiki[:cut],
        "wikifane_held": wiki[cut:],
        "wojood": [s for k, s in enumerate(wojood) if k % WOJOOD_CALIBRATION_EVERY],
        "calibration": [s for k, s in enumerate(wojood) if not k % WOJOOD_CALIBRATION_EVERY],
        "aqmar": [s for f in aq_train for s in read_conll(f, AQMAR_MAP)],
    }


# ---- 1. clusters --------------------------------------------------------------------------
def unlabelled_text(corpus: Path, wiki: list[Sentence]) -> list[list[str]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from ant_corpus import articles, unpack

    docs = [s.words for s in wiki]
    with tempfile.TemporaryDirectory() as tmp:
        for _, title, _, text in articles(unpack(Path(tmp))):
            docs.append(norm_words(title + "\n" + text))
    return docs


def build_clusters(docs: list[list[str]], vocab_size: int = 20000, n_ctx: int = 1000,
                   dims: int = 64, ks: tuple[int, ...] = (32, 128, 512)) -> dict[str, str]:
    """word → «c32/c128/c512»: k-means clusters of its distributional vector, three sizes."""
    freq = Counter(w for d in docs for w in d)
    vocab = [w for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= 3]
    vocab = vocab[:vocab_size]
    vid = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:n_ctx])}
    rows, cols = [], []
    for d in docs:
        ids = [vid.get(w, -1) for w in d]
        cids = [ctx.get(w, -1) for w in d]
        for k in range(len(d)):
            if ids[k] < 0:
                continue
            if k > 0 and cids[k - 1] >= 0:
                rows.append(ids[k])
                cols.append(cids[k - 1])
            if k + 1 < len(d) and cids[k + 1] >= 0:
                rows.append(ids[k])
                cols.append(n_ctx + cids[k + 1])
    counts = np.zeros((len(vocab), 2 * n_ctx), dtype=np.float64)
    np.add.at(counts, (np.array(rows), np.array(cols)), 1.0)
    total = counts.sum()
    pw = counts.sum(axis=1, keepdims=True)
    pc = counts.sum(axis=0, keepdims=True) ** 0.75  # smoothed context distribution
    pc = pc / pc.sum() * total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / (pw * pc))
    ppmi = np.nan_to_num(np.maximum(pmi, 0.0), posinf=0.0, neginf=0.0)
    # SVD through the small Gram matrix (2,000 × 2,000): exact and quick.
    evals, evecs = np.linalg.eigh(ppmi.T @ ppmi)
    top = np.argsort(-evals)[:dims]
    emb = ppmi @ evecs[:, top] / np.sqrt(np.sqrt(np.maximum(evals[top], 1e-9)))
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    labels = [_kmeans(emb, k, SEED + k) for k in ks]
    return {w: "/".join(str(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def _kmeans(x: np.ndarray, k: int, seed: int, iterations: int = 25) -> np.ndarray:
    """Spherical k-means with k-means++ seeding from a fixed seed."""
    rng = np.random.default_rng(seed)
    centres = [x[rng.integers(len(x))]]
    dist = 1 - x @ centres[0]
    for _ in range(k - 1):
        probs = np.maximum(dist, 0) ** 2
        centres.append(x[rng.choice(len(x), p=probs / probs.sum())])
        dist = np.minimum(dist, 1 - x @ centres[-1])
    c = np.array(centres)
    for _ in range(iterations):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                v = members.sum(axis=0)
                c[j] = v / (np.linalg.norm(v) + 1e-9)
    return np.argmax(x @ c.T, axis=1)


# ---- 2. the CRF ----------------------------------------------------------------------------
def featurise(lex: Lexicons, sentences: list[Sentence], gaz) -> list[list]:
    out = []
    for s in sentences:
        cands = rule_candidates(s.tm, find_quotes(s.tm), gaz)
        out.append(sequence(lex, s.words, rule_tags(s.tm, cands), 0))
    return out


def train_crf(xs: list, ys: list, path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({
        "c1": 0.05, "c2": 0.02, "max_iterations": iterations,
        "feature.possible_transitions": True, "feature.minfreq": 2,
    })
    trainer.train(str(path))


# ---- 3. calibration ------------------------------------------------------------------------
def candidate_examples(tagger: CrfTagger, sentences: list[Sentence], gaz):
    """(marginal, proposer, type, evidence, prior, correct) of every candidate on these
    sentences; one per proposer and span (a gazetteer name's spelling variants are one)."""
    out = []
    for s in sentences:
        tm = s.tm
        tm.cache.clear()
        cands = [c for c in rule_candidates(tm, find_quotes(tm), gaz)]
        tm.cache["rule_cands"] = cands
        model = list(tagger.propose(tm, []))
        allc = [c for c in cands if c.type in ("PERSON", "GROUP", "PLACE")] + model
        gold = spans(s.labels)
        seen = set()
        for c, rel in zip(allc, evidence(allc), strict=True):
            m = c.extra.get("marginal")
            src = source_class(c)
            k = (c.type, c.ns, c.ne, src)
            if m is None or k in seen or c.source in RULE_ONLY_SOURCES:
                continue
            seen.add(k)
            word_span = (c.type, tm.token_of(c.ns), tm.token_at(c.ne - 1) + 1)
            ok = word_span in gold or _casefile_place(word_span, gold, s.words)
            out.append((m, src, c.type, rel, c.confidence, ok))
    return out


def _casefile_place(span, gold, words: list[str]) -> bool:
    """Right by Casefile's convention, which the corpus does not follow: adjectives after a
    place name stay outside it («مطار الشعيرات» in the corpus's «مطار الشعيرات العسكري»,
    «الرقة» in «الرقة السورية»)."""
    typ, a, b = span
    if typ != "PLACE":
        return False
    return any(t == typ and ga == a and gb > b and all(_nisba(x) for x in words[b:gb])
               for t, ga, gb in gold)


def _nisba(word: str) -> bool:
    """A relational (nisba) adjective with its article: «العسكري», «السورية»."""
    w = normalize(word)
    return w.startswith("ال") and len(w) > 4 and w.endswith(("ي", "يه"))


def fit_calibration(examples, l2: float = 1.0) -> dict[str, float]:
    names = Calibration.FEATURES
    x = np.array([[Calibration.features(m, s, t, r).get(n, 0.0) for n in names]
                  for m, s, t, r, q, _ in examples])
    off = np.array([Calibration.offset(s, r, q) for m, s, t, r, q, _ in examples])
    y = np.array([1.0 if ok else 0.0 for *_, ok in examples])
    w = np.zeros(len(names))
    for _ in range(50):  # Newton's method on the L2-regularised log loss
        p = 1 / (1 + np.exp(-(x @ w + off)))
        g = x.T @ (p - y) + l2 * w
        h = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(names))
        w -= np.linalg.solve(h, g)
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}


def reliability(examples, weights: dict[str, float]) -> list[tuple[str, int, float, float]]:
    cal = Calibration(weights)
    bins: dict[int, list[tuple[float, bool]]] = {}
    for m, s, t, r, q, ok in examples:
        p = cal(m, s, t, r, q)
        bins.setdefault(min(int(p * 10), 9), []).append((p, ok))
    rows = []
    for b in sorted(bins):
        items = bins[b]
        rows.append((f"{b / 10:.1f}-{(b + 1) / 10:.1f}", len(items),
                     sum(p for p, _ in items) / len(items),
                     sum(ok for _, ok in items) / len(items)))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "resources/ner")
    ap.add_argument("--iterations", type=int, default=80)
    ap.add_argument("--skip-clusters", action="store_true",
                    help="reuse the clusters already in --out")
    ap.add_argument("--calibration-only", action="store_true",
                    help="refit calibration.json on the model already in --out (the CRF and "
                         "clusters are left byte-identical)")
    args = ap.parse_args()
    if args.calibration_only:
        return calibrate(args.corpus, args.out, time.time())
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    data = corpora(args.corpus)
    print({k: (len(v), sum(len(s.words) for s in v)) for k, v in data.items()}, flush=True)
    clusters_path = args.out / CLUSTERS_FILE
    if not args.skip_clusters or not clusters_path.exists():
        clusters = build_clusters(unlabelled_text(args.corpus, data["wikifane"]))
        clusters_path.write_text(json.dumps(clusters, ensure_ascii=False, sort_keys=True,
                                            separators=(",", ":")), encoding="utf-8")
        print(f"clusters: {len(clusters)} words ({time.time() - t0:.0f} s)", flush=True)
    clusters = json.loads(clusters_path.read_text(encoding="utf-8"))
    gaz = shipped_gazetteer()
    lex = Lexicons(cached_person_words(), gazetteer_words(gaz.entries), clusters)
    train = data["wikifane"] + data["wojood"] + data["aqmar"]
    xs = featurise(lex, train, gaz)
    ys = [s.labels for s in train]
    print(f"features: {len(xs)} sentences ({time.time() - t0:.0f} s)", flush=True)
    model_path = args.out / MODEL_FILE
    train_crf(xs, ys, model_path, args.iterations)
    print(f"CRF: {model_path} ({model_path.stat().st_size / 1e6:.1f} MB, "
          f"{time.time() - t0:.0f} s)", flush=True)
    (args.out / CALIBRATION_FILE).write_text(json.dumps({"weights": {"bias": 0, "logit": 1}}))
    return calibrate(args.corpus, args.out, t0)


def calibrate(corpus: Path, out: Path, t0: float) -> int:
    """Fit calibration.json on the calibration split with the CRF in ``out`` as it is."""
    gaz = shipped_gazetteer()
    wojood = list(read_conll(corpus / "ner-dev/wojood/train.txt", WOJOOD_MAP))
    held = [s for k, s in enumerate(wojood) if not k % WOJOOD_CALIBRATION_EVERY]
    tagger = CrfTagger(out)
    examples = candidate_examples(tagger, held, gaz)
    weights = fit_calibration(examples)
    (out / CALIBRATION_FILE).write_text(
        json.dumps({"weights": weights,
                    "fitted_on": f"Wojood train, every {WOJOOD_CALIBRATION_EVERY}th sentence",
                    "examples": len(examples)}, indent=1) + "\n", encoding="utf-8")
    print("calibration (fitted split):  bin | n | mean confidence | share right")
    for row in reliability(examples, weights):
        print("  {} | {:5d} | {:.2f} | {:.2f}".format(*row))
    print(f"done in {time.time() - t0:.0f} s")
    _ = score  # the run-time combiner uses these weights (casefile.extraction.ner_model.score)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
