"""OCR benchmark: printed pages of real Arabic text, clean and spoiled, through ``casefile import``.

Pages are set from the seed report and ANT articles (../shared/corpus/ant) in the
bundled fonts (``page_render``), at 300 dpi, and spoiled as scans and photos are:
150 dpi, a 2° skew, noise, hard JPEG compression, a phone photo. Each condition's
pages are imported by the CLI the analyst runs (OCR ara+eng, extraction on) into
a new case; the text stored is compared with the text set on the page after
the Arabic normalisation search uses. Character accuracy = 1 − edit distance /
length of the page's text. Seconds per page = the import's wall time / pages
(two pages are read at a time, one per core). Latin noise words = words with a
Latin letter in the stored text that the page does not print (all the pages are
Arabic): specks and Arabic words misread as Latin.

    .venv/bin/python scripts/bench_ocr.py [--pages 6]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ant_corpus import articles, unpack  # noqa: E402
from page_render import ROOT, jpeg, noise, phone_photo, render_page, skew  # noqa: E402

from casefile.normalize import normalize  # noqa: E402

CONDITIONS = {  # name: (how the page is made, floor)
    "clean 300 dpi": (lambda p, f: render_page(p, font=f), 0.95),
    "150 dpi": (lambda p, f: render_page(p, font=f, dpi=150), 0.85),
    "2° skew": (lambda p, f: _spoil(p, f, skew), 0.85),
    "noise": (lambda p, f: _spoil(p, f, noise), 0.85),
    "JPEG q25": (lambda p, f: _spoil(p, f, jpeg), 0.85),
    "phone photo": (lambda p, f: _spoil(p, f, phone_photo), 0.85),
}


def _spoil(paragraphs, font, how):
    image, gold = render_page(paragraphs, font=font)
    return how(image), gold


def texts(count: int) -> list[list[str]]:
    """The seed report, then ANT articles spread over the corpus (long enough for a page)."""
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    pages = [[p for p in seed.splitlines() if p.strip()]]
    folder = unpack()
    all_articles = [text for *_, text in articles(folder) if len(text) > 1500]
    step = max(1, len(all_articles) // max(count, 1))
    for text in all_articles[::step][: count - 1]:
        pages.append([p for p in text.splitlines() if p.strip()])
    return pages[:count]


def accuracy(read: str, gold: str) -> float:
    a, b = (" ".join(normalize(t).split()) for t in (read, gold))
    return max(0.0, 1 - Levenshtein.distance(a, b) / max(len(b), 1))


def run_condition(name: str, make, pages: list[list[str]],
                  work: Path) -> tuple[float, float, float, int]:
    folder = work / name.replace(" ", "_").replace("°", "")
    folder.mkdir()
    gold = {}
    for i, paragraphs in enumerate(pages):
        image, text = make(paragraphs, ("naskh", "sans")[i % 2])
        path = folder / f"page{i:02d}.{'jpg' if image.mode == 'RGB' else 'png'}"
        image.save(path, **({"quality": 80} if path.suffix == ".jpg" else {}))
        gold[path.name] = text
    case = work / f"{folder.name}.casefile"
    subprocess.run([sys.executable, "-m", "casefile", "new", str(case)], check=True,
                   capture_output=True)
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "casefile", "import", "--case", str(case),
                          str(folder)], check=True, capture_output=True, text=True)
    seconds = time.monotonic() - started
    outcomes = [json.loads(line) for line in run.stdout.splitlines()]
    assert all(o["status"] == "imported" for o in outcomes), outcomes
    with sqlite3.connect(case) as db:
        stored = dict(db.execute("SELECT file_name, text FROM sources"))
    scores = [accuracy(stored[n], g) for n, g in gold.items()]
    noise = sum(latin_noise(stored[n], g) for n, g in gold.items())
    return sum(scores) / len(scores), min(scores), seconds / len(pages), noise


def latin_noise(read: str, gold: str) -> int:
    """Words with a Latin letter that the page does not have: specks and misreadings."""
    printed = set(gold.split())
    return sum(1 for word in read.split() if word not in printed and
               any(ch.isalpha() and unicodedata.bidirectional(ch) == "L" for ch in word))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=6, help="pages per condition")
    args = parser.parse_args()
    pages = texts(args.pages)
    print(f"{len(pages)} pages per condition (seed report + ANT), OCR ara+eng\n")
    print("| condition | accuracy | worst page | floor | s/page | Latin noise words |")
    print("|---|--:|--:|--:|--:|--:|")
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        for name, (make, floor) in CONDITIONS.items():
            mean, worst, per_page, noise = run_condition(name, make, pages, Path(tmp))
            failed |= mean < floor
            print(f"| {name} | {mean:.1%} | {worst:.1%} | {floor:.0%} | {per_page:.1f} "
                  f"| {noise} |", flush=True)  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
