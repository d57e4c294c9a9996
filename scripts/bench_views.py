"""Benchmark of the linked views on a large generated case (default: 100,000 incidents,
20,000 actors), offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_views.py [--incidents N]
        [--actors N] [--case PATH (kept and reused)]

Prints one table: for the timeline, the SQL time of each window at several zoom
levels (and whether it came back as incidents or as counts per bin) and the time
to paint it; for the graph, the query, the force-directed layout and the paint.
Times are the median of three runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from casefile.cases import create_case, open_case  # noqa: E402
from casefile.db import models as m  # noqa: E402
from casefile.db.case import Case  # noqa: E402

TYPES = ["battles", "explosions_remote_violence", "violence_against_civilians", "protests",
         "riots", "strategic_developments"]
KINDS = ["person", "state_force", "militia", "armed_group", "organisation", "institution"]
RELATIONS = ["member_of", "commands", "affiliated_with", "backed_by", "allied_with", "rival_of"]
FIRST, LAST = dt.date(2011, 3, 15), dt.date(2025, 12, 31)


def generate(case: Case, incidents: int, actors: int, seed: int = 1) -> None:
    """Bulk rows through SQLAlchemy Core: realistic shape, no per-row ORM cost."""
    rng = random.Random(seed)
    now = dt.datetime(2025, 1, 1)
    common = {"version": 1, "created_at": now, "updated_at": now}
    n_places = 2000
    with case.engine.begin() as conn:
        conn.execute(insert(m.Place.__table__), [
            {**common, "id": i, "name": f"قرية {i}", "name_latin": f"Village {i}",
             "kind": "village", "latitude": rng.uniform(32.5, 37.2),
             "longitude": rng.uniform(35.8, 42.2)} for i in range(1, n_places + 1)])
        conn.execute(insert(m.Actor.__table__), [
            {**common, "id": i, "name": f"فاعل {i}", "name_latin": f"Actor {i}",
             "kind": rng.choice(KINDS)} for i in range(1, actors + 1)])
        span = (LAST - FIRST).days
        rows, inv = [], []
        weights = [1 / (r + 1) ** 0.9 for r in range(actors)]  # a few busy actors, a long tail
        for i in range(1, incidents + 1):
            start = FIRST + dt.timedelta(days=int(span * rng.random() ** 0.7))
            prec = rng.choices(["day", "month", "year", "approximate"], [75, 17, 3, 5])[0]
            rows.append({**common, "id": i, "title": f"حادثة {i}", "type": rng.choice(TYPES),
                         "date_start": start, "precision": prec,
                         "place_id": rng.randint(1, n_places)})
            for actor in set(rng.choices(range(1, actors + 1), weights,
                                         k=rng.choice([1, 2, 2, 3, 4]))):
                inv.append({**common, "incident_id": i, "actor_id": actor,
                            "role": "participant"})
        conn.execute(insert(m.Incident.__table__), rows)
        conn.execute(insert(m.Involvement.__table__), inv)
        conn.execute(insert(m.Relation.__table__), [
            {**common, "subject_id": rng.randint(1, actors // 10), "type": rng.choice(RELATIONS),
             "object_actor_id": rng.randint(1, actors // 10)} for _ in range(actors // 2)])


def timed(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--case", type=Path)
    args = parser.parse_args()

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from casefile.queries import (
        ViewFilters,
        graph_data,
        spring_positions,
        timeline_extent,
        timeline_lanes,
        timeline_window,
    )
    from ui.core.context import open_context
    from ui.core.operations import OperationRunner
    from ui.linked.graph_view import GraphView
    from ui.linked.timeline_model import BIN_PX, ITEM_LIMIT, Overview
    from ui.linked.timeline_view import TimelineView

    app = QApplication.instance() or QApplication([])
    path = args.case or Path(tempfile.mkdtemp()) / "bench.casefile"
    if path.exists():
        case = open_case(path)
    else:
        t0 = time.perf_counter()
        case = create_case(path)
        generate(case, args.incidents, args.actors)
        print(f"generated {args.incidents:,} incidents, {args.actors:,} actors in "
              f"{time.perf_counter() - t0:.1f} s ({path})")
    rows: list[tuple[str, str, str, str]] = []
    f = ViewFilters()
    width = 1400
    with case.read_session() as s:
        ms, extent = timed(lambda: timeline_extent(s, f))
        rows.append(("timeline", "extent (whole case)", f"{ms:.0f}", ""))
        ms, lanes_t = timed(lambda: timeline_lanes(s, f, "type"))
        rows.append(("timeline", "lanes by type", f"{ms:.0f}", ""))
        ms, lanes_a = timed(lambda: timeline_lanes(s, f, "actor"))
        rows.append(("timeline", "lanes by actor (top 12)", f"{ms:.0f}", ""))

    ctx = open_context(case, OperationRunner(), QUndoStack())
    runner = ctx.runner
    view = TimelineView(ctx)
    view.resize(width + 190, 520)
    view.show()
    app.processEvents()
    runner.wait()
    model, canvas = view.model, view.canvas
    model.width = width
    last = extent.last
    zooms = [("15 years", 365.25 * 15), ("1 year", 365.25), ("1 month", 31), ("1 week", 7)]
    for lane_by, lanes in (("type", lanes_t), ("actor", lanes_a)):
        for label, days in zooms:
            start = last - days
            dpp = days / width
            with case.read_session() as s:
                ms, window = timed(lambda s=s, start=start, dpp=dpp, lanes=lanes, lane_by=lane_by,
                                   days=days: timeline_window(
                                       s, f, lanes, lane_by, int(start - days), int(last + days),
                                       dpp * BIN_PX, ITEM_LIMIT))
            model.overview = Overview(extent, lanes, [], (extent.first, extent.last))
            model.lane_by, model.window = lane_by, window
            model.view_start, model.days_per_px = start, dpp
            paint, _ = timed(lambda: canvas.grab())
            mode = (f"{len(window.items):,} incidents" if window.items is not None
                    else f"{sum(len(b) for b in window.bins.values()):,} bins")
            rows.append((f"timeline ({lane_by})", f"{label}: {mode}",
                         f"{ms:.0f}", f"{paint:.0f}"))

    graph = GraphView(ctx)
    graph.resize(1200, 800)
    graph.show()
    app.processEvents()
    runner.wait()
    app.processEvents()
    for label, kwargs in (("overview, 150 busiest", {"max_nodes": 150}),
                          ("overview, 400 busiest", {"max_nodes": 400}),
                          ("centred on the busiest", {"center": 1, "max_nodes": 150})):
        with case.read_session() as s:
            ms, data = timed(lambda s=s, kwargs=kwargs: graph_data(s, f, **kwargs), runs=1)
        layout, pos = timed(lambda data=data: spring_positions(
            [n.id for n in data.nodes], data.edges), runs=1)
        graph.data, graph.positions = data, pos
        build, _ = timed(graph._rebuild, runs=1)
        graph.fit_view()
        paint, _ = timed(lambda: graph.grab())
        rows.append(("graph", f"{label}: {len(data.nodes)} nodes, {len(data.edges):,} links",
                     f"{ms:.0f} + layout {layout:.0f}", f"{build + paint:.0f}"))
    runner.wait()

    print(f"\nmachine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"case: {extent.dated:,} dated incidents, {args.actors:,} actors\n")
    print("| view | what | query ms | paint ms |")
    print("| --- | --- | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    case.close()


if __name__ == "__main__":
    main()
