"""Accepting at scale: 1,000 proposals accepted one by one in a case of 20,000 actors.

    .venv/bin/python scripts/bench_accept.py [--actors 20000] [--proposals 1000]

Generates a case (actors with an alias each, one source) with Core inserts, then writes
person proposals on the source: half name an existing actor in another spelling (hamza,
ta marbuta: found by its indexed key), half are new people. Each is accepted the way the
review desk does it: one undoable action (``casefile.undo.run_action``) per proposal through
``casefile.review.decisions.accept``. The floor beside it: the same number of indexed key
lookups in plain sqlite3, the least a match can cost.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select  # noqa: E402

from casefile.cases import create_case  # noqa: E402
from casefile.db import models as m  # noqa: E402
from casefile.normalize import key  # noqa: E402
from casefile.review.decisions import accept  # noqa: E402
from casefile.undo import run_action  # noqa: E402

_FIRST = ["أحمد", "محمد", "علي", "حسين", "عمر", "خالد", "يوسف", "إبراهيم", "مصطفى", "سعيد",
          "فاطمة", "زينب", "عائشة", "مريم", "أسامة", "حمزة", "طارق", "ماجد", "رامي", "نزار"]
_FAMILY = ["الأحمد", "الحسن", "العلي", "الخطيب", "الشامي", "الحلبي", "الديري", "الرقاوي",
           "الإدلبي", "الحمصي", "العبيدي", "الجبوري", "الدليمي", "الشمري", "العنزي", "المصري"]


def _name(rng: random.Random, i: int) -> str:
    # Distinct names: a first name, a father's name and a family, plus a numbered suffix word.
    return f"{rng.choice(_FIRST)} {rng.choice(_FIRST)} {rng.choice(_FAMILY)} أبو{i}ة"


def _respell(name: str) -> str:
    """The same name as another source spells it: no hamza, ه for ة."""
    return name.replace("أ", "ا").replace("إ", "ا").replace("ة", "ه")


def build(path: Path, actors: int, proposals: int, seed: int = 7) -> tuple[list[int], int]:
    rng = random.Random(seed)
    case = create_case(path)
    names = [_name(rng, i) for i in range(actors)]
    with case.engine.begin() as conn:
        now = m.utcnow()
        common = {"version": 1, "created_at": now, "updated_at": now}
        conn.execute(insert(m.Actor.__table__), [
            {**common, "id": i + 1, "kind": "person", "name": n, "name_key": key(n)}
            for i, n in enumerate(names)])
        conn.execute(insert(m.Alias.__table__), [
            {**common, "actor_id": i + 1, "text": f"{n} الثاني", "key": key(f"{n} الثاني"),
             "kind": "name"} for i, n in enumerate(names)])
        text_parts, spans = [], []
        pos = 0
        # New people: names of the same pools, never in the case (its names carry a suffix).
        pool = [f"{a} بن {b} {c}" for a in _FIRST for b in _FIRST for c in _FAMILY]
        new_names = iter(rng.sample(pool, proposals // 2 + 1))
        for j in range(proposals):
            name = _respell(names[rng.randrange(actors)]) if j % 2 == 0 else next(new_names)
            spans.append((pos, pos + len(name), name))
            text_parts.append(name + " زار القرية. ")
            pos += len(name) + len(" زار القرية. ")
        text = "".join(text_parts)
        source_id = conn.execute(insert(m.Source.__table__).returning(m.Source.id), {
            **common, "sha256": "0" * 64, "original": text.encode(), "file_name": "bench.txt",
            "media_type": "text/plain", "size": len(text.encode()), "text": text, "status": "ok",
            "meta": {}, "imported_at": now}).scalar_one()
        ids = list(conn.execute(insert(m.Proposal.__table__).returning(
            m.Proposal.id, sort_by_parameter_order=True), [
            {**common, "source_id": source_id, "kind": "PERSON", "subkind": "person",
             "text": name, "start": s, "end": e, "confidence": 0.9, "status": "proposed",
             "payload": {"canonical": name, "name": name, "latin": "", "kind": "person"}}
            for s, e, name in spans]).scalars())
    case.close()
    return ids, actors


def floor(path: Path, count: int) -> float:
    db = sqlite3.connect(path)
    keys = [k for (k,) in db.execute("SELECT name_key FROM actors ORDER BY random() LIMIT ?",
                                     (count,))]
    started = time.perf_counter()
    for k in keys:
        db.execute("SELECT id FROM aliases WHERE key = ? LIMIT 1", (k,)).fetchone()
        db.execute("SELECT id FROM actors WHERE name_key = ? LIMIT 1", (k,)).fetchone()
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--proposals", type=int, default=1_000)
    args = parser.parse_args()
    from casefile.cases import open_case

    with tempfile.TemporaryDirectory(prefix="casefile-accept-") as tmp:
        path = Path(tmp) / "accept.casefile"
        started = time.perf_counter()
        ids, _ = build(path, args.actors, args.proposals)
        built = time.perf_counter() - started
        case = open_case(path)
        started, cpu = time.perf_counter(), time.process_time()
        for pid in ids:
            run_action(case, "Accept", lambda s, pid=pid: accept(s, pid))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        with case.read_session() as s:
            total = s.scalar(select(func.count(m.Actor.id)))
            linked = s.scalar(select(func.count(m.Proposal.id)).where(
                m.Proposal.target_id <= args.actors, m.Proposal.target_type == "actor"))
        case.close()
        base = floor(path, len(ids))
    print(f"case: {args.actors:,} actors with an alias each (built in {built:.1f} s); "
          f"{len(ids):,} person proposals, half an existing actor in another spelling")
    print()
    print("| run | proposals | seconds | CPU s | ms each | × floor |")
    print("|---|--:|--:|--:|--:|--:|")
    print(f"| floor: 2 indexed lookups each, plain sqlite3 | {len(ids):,} | {base:.2f} | | "
          f"{base / len(ids) * 1000:.2f} | 1 |")
    print(f"| accept, one undoable action each | {len(ids):,} | {elapsed:.1f} | {cpu:.1f} | "
          f"{elapsed / len(ids) * 1000:.1f} | {elapsed / base:.0f} |")
    print()
    print(f"{linked} proposals joined an existing actor, {total - args.actors} new actors "
          f"(expected {len(ids) // 2 + len(ids) % 2} and {len(ids) // 2})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
