"""Search latency on 100,000 sources (the ANT corpus repeated), SQLite and PostgreSQL.

    .venv/bin/python scripts/bench_search.py [--sources 100000] [--backends sqlite,postgresql]

Fills a fresh case per backend by bulk insert (the import pipeline is measured by
bench_import.py), then runs 50 fixed Arabic queries (single words, phrases, with and
without clitics and hamza) five times each and prints p50/p95 latency per backend.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from ant_corpus import articles, unpack  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from casefile.cases import create_case  # noqa: E402
from casefile.db import models as m  # noqa: E402
from casefile.search import search  # noqa: E402
from casefile.search.index import fts_rowid  # noqa: E402
from casefile.search.terms import index_terms  # noqa: E402

QUERIES = [
    "تونس", "الحكومة", "وزارة الداخلية", "الرئيس", "الانتخابات", "والحكومة", "بالحكومة",
    "للحكومة", "الأمن", "الامن", "إرهاب", "ارهابي", "الإرهاب", "الجيش الوطني", "رئيس الحكومة",
    "مجلس نواب الشعب", "الاتحاد العام التونسي للشغل", "كرة القدم", "الترجي", "النجم الساحلي",
    "وزير", "الوزير", "اقتصاد", "البنك المركزي", "الدينار", "السياحة", "صفاقس", "بصفاقس",
    "سوسة", "القصرين", "جندوبة", "الحرس الوطني", "والحرس", "بالحرس", "مداهمة", "إيقاف",
    "ايقاف", "مهرجان قرطاج", "السينما", "الأفلام", "المسرح", "مؤسسة", "الجامعة", "الطلبة",
    "المستشفى", "الصحة", "أسعار", "الأسعار", "حادث مرور", "الطقس",
]
assert len(QUERIES) == 50


def fill(case, corpus: list[tuple[str, str, str]], total: int, batch: int = 2000) -> float:
    """Bulk insert ``total`` sources cycling through the corpus, with index terms."""
    started = time.perf_counter()
    fts = "search_fts" if case.backend == "sqlite" else "search_index"
    rowid, rowid_value = ("rowid, ", ":id, ") if case.backend == "sqlite" else ("", "")
    with case.engine.begin() as conn:
        rows, index_rows = [], []
        for i in range(total):
            name, title, body = corpus[i % len(corpus)]
            data = f"{i}\n{body}".encode()
            rows.append({"id": i + 1, "sha256": hashlib.sha256(data).hexdigest(), "original": data,
                         "file_name": name, "media_type": "text/plain", "size": len(data),
                         "title": title, "text": body, "language": "ar", "status": "ok",
                         "meta": {}, "version": 1})
            index_rows.append({"id": fts_rowid("source", i + 1), "k": "source", "r": i + 1,
                               "t": index_terms(title), "b": index_terms(body)})
            if len(rows) == batch or i == total - 1:
                conn.execute(insert(m.Source), rows)
                conn.execute(text(f"INSERT INTO {fts} ({rowid}kind, ref_id, title, body) "
                                  f"VALUES ({rowid_value}:k, :r, :t, :b)"), index_rows)
                rows, index_rows = [], []
        if case.backend == "postgresql":
            conn.execute(text("ANALYZE"))
    return time.perf_counter() - started


def measure(case, repeats: int = 5) -> list[float]:
    times = []
    with case.read_session() as session:
        search(session, QUERIES[0])  # warm the cache once
        for _ in range(repeats):
            for query in QUERIES:
                t0 = time.perf_counter()
                search(session, query, limit=20)
                times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    folder = unpack()
    corpus = [(p.name, title, body) for p, title, _, body in articles(folder)]
    print(f"ANT articles: {len(corpus)}; sources per case: {args.sources}", flush=True)
    rows = []
    for backend in args.backends.split(","):
        server = None
        if backend == "sqlite":
            case = create_case(Path(tempfile.mkdtemp()) / "bench.casefile")
        else:
            from pg_server import PostgresServer

            server = PostgresServer().start()
            case = create_case(server.create_database("bench"))
        fill_s = fill(case, corpus, args.sources)
        times = measure(case)
        q = statistics.quantiles(times, n=100)
        rows.append((backend, fill_s, q[49], q[94], max(times)))
        case.close()
        if server:
            server.stop()
    print(f"\n{'backend':<11}{'fill s':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for backend, fill_s, p50, p95, worst in rows:
        print(f"{backend:<11}{fill_s:>9.1f}{p50:>9.1f}{p95:>9.1f}{worst:>9.1f}")


if __name__ == "__main__":
    main()
