"""What the network graph draws: actors, relations and shared incidents, and a layout.

A case may hold 20,000 actors; a readable graph holds a few hundred. Without
a centre the graph shows the busiest actors; with one, the centre and its
neighbours. Edges are relations (member of, backed by...) and "shared incident"
(two actors involved in the same incidents, weighted by how many).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..db import models as m
from .filters import ViewFilters, incident_conditions

SHARED = "shared_incident"
LINKS_PER_NODE = 4  # shared-incident links kept per shown actor, strongest first


def _strongest(edges: list[GraphEdge], nodes: int) -> list[GraphEdge]:
    """All relations, and only the heaviest shared-incident links: among busy actors nearly
    everyone shares some incident, and a hairball of 20,000 lines says nothing."""
    shared = sorted((e for e in edges if e.type == SHARED), key=lambda e: -e.weight)
    return [e for e in edges if e.type != SHARED] + shared[: LINKS_PER_NODE * max(nodes, 10)]


@dataclass(frozen=True)
class GraphNode:
    id: int
    name: str
    name_latin: str | None
    kind: str
    incidents: int


@dataclass(frozen=True)
class GraphEdge:
    source: int
    target: int
    type: str  # a relation type or SHARED
    weight: int = 1
    title: str | None = None


@dataclass
class GraphData:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    edge_types: list[str] = field(default_factory=list)  # every type present in the case
    truncated: bool = False  # more actors qualified than were shown
    center: int | None = None


def _actor_filter(filters: ViewFilters) -> list:
    return [m.Actor.kind.in_(sorted(filters.actor_kinds))] if filters.actor_kinds else []


def _relation_dates(filters: ViewFilters) -> list:
    rel = m.Relation
    conds = []
    if filters.date_from is not None:
        conds.append(or_(rel.date_end.is_(None), rel.date_end >= filters.date_from))
    if filters.date_to is not None:
        conds.append(or_(rel.date_start.is_(None), rel.date_start <= filters.date_to))
    return conds


def _incident_counts(session: Session, filters: ViewFilters,
                     actor_ids: Iterable[int] | None = None, limit: int | None = None
                     ) -> dict[int, int]:
    count = func.count(func.distinct(m.Involvement.incident_id))
    query = (select(m.Involvement.actor_id, count)
             .join(m.Incident, m.Incident.id == m.Involvement.incident_id)
             .where(*incident_conditions(filters)).group_by(m.Involvement.actor_id))
    if actor_ids is not None:
        query = query.where(m.Involvement.actor_id.in_(sorted(actor_ids)))
    if limit is not None:
        query = query.order_by(count.desc(), m.Involvement.actor_id).limit(limit)
    return dict(session.execute(query).all())


def _relation_edges(session: Session, filters: ViewFilters, ids: set[int],
                    types: frozenset[str] | None, anchor: int | None = None) -> list[GraphEdge]:
    rel = m.Relation
    query = select(rel.subject_id, rel.object_actor_id, rel.type, rel.title).where(
        rel.object_actor_id.is_not(None), *_relation_dates(filters))
    if anchor is not None:  # everything touching the anchor
        query = query.where(or_(rel.subject_id == anchor, rel.object_actor_id == anchor))
    else:
        query = query.where(rel.subject_id.in_(sorted(ids)), rel.object_actor_id.in_(sorted(ids)))
    if types is not None:
        query = query.where(rel.type.in_(sorted(types)))
    return [GraphEdge(s, o, t, 1, title) for s, o, t, title in session.execute(query)]


def _shared_edges(session: Session, filters: ViewFilters, ids: set[int],
                  anchor: int | None = None, limit: int | None = None) -> list[GraphEdge]:
    a, b = aliased(m.Involvement), aliased(m.Involvement)
    weight = func.count(func.distinct(a.incident_id))
    query = (select(a.actor_id, b.actor_id, weight)
             .join(b, and_(b.incident_id == a.incident_id, b.actor_id != a.actor_id))
             .join(m.Incident, m.Incident.id == a.incident_id)
             .where(*incident_conditions(filters)).group_by(a.actor_id, b.actor_id))
    if anchor is not None:
        query = query.where(a.actor_id == anchor).order_by(weight.desc(), b.actor_id)
        if limit is not None:
            query = query.limit(limit)
    else:
        ordered = sorted(ids)
        query = query.where(a.actor_id.in_(ordered), b.actor_id.in_(ordered),
                            a.actor_id < b.actor_id)
    return [GraphEdge(x, y, SHARED, n) for x, y, n in session.execute(query)]


def _nodes(session: Session, filters: ViewFilters, ids: set[int],
           counts: dict[int, int]) -> list[GraphNode]:
    rows = session.execute(select(m.Actor.id, m.Actor.name, m.Actor.name_latin, m.Actor.kind)
                           .where(m.Actor.id.in_(sorted(ids)), *_actor_filter(filters)))
    return [GraphNode(i, name, latin, kind, counts.get(i, 0)) for i, name, latin, kind in rows]


def edge_types(session: Session) -> list[str]:
    found = session.execute(select(m.Relation.type).where(m.Relation.object_actor_id.is_not(None))
                            .distinct()).scalars().all()
    return [SHARED, *sorted(found)]


def graph_data(session: Session, filters: ViewFilters, *, center: int | None = None,
               types: frozenset[str] | None = None, min_degree: int = 0,
               max_nodes: int = 150) -> GraphData:
    """The busiest actors (no centre), or an actor and its neighbours."""
    if center is not None:
        data = neighbours(session, filters, center, types=types, limit=max_nodes - 1)
    else:
        counts = _incident_counts(session, filters, limit=max_nodes * 2)
        ranked = sorted(counts, key=lambda i: (-counts[i], i))
        kinds_ok = {n.id for n in _nodes(session, filters, set(ranked), counts)}
        ids = set([i for i in ranked if i in kinds_ok][:max_nodes])
        if len(ids) < max_nodes:  # actors known only through relations
            rel_ids = session.execute(
                select(m.Relation.subject_id).where(m.Relation.object_actor_id.is_not(None))
                .distinct().limit(max_nodes)).scalars().all()
            more = {n.id for n in _nodes(session, filters, set(rel_ids), counts)}
            ids |= set(sorted(more - ids)[: max_nodes - len(ids)])
        edges: list[GraphEdge] = []
        if types is None or SHARED in types:
            edges += _shared_edges(session, filters, ids)
        edges += _relation_edges(session, filters, ids, types)
        nodes = _nodes(session, filters, ids, counts)
        data = GraphData(nodes, _strongest(edges, len(nodes)), truncated=len(counts) > len(ids))
    data.edge_types = edge_types(session)
    return prune_by_degree(data, min_degree)


def neighbours(session: Session, filters: ViewFilters, actor_id: int, *,
               types: frozenset[str] | None = None, limit: int = 40) -> GraphData:
    """An actor, its neighbours (strongest first), and the edges among them."""
    edges: list[GraphEdge] = []
    if types is None or SHARED in types:
        edges += _shared_edges(session, filters, set(), anchor=actor_id, limit=limit)
    edges += _relation_edges(session, filters, set(), types, anchor=actor_id)
    strength: dict[int, int] = {}
    for e in edges:
        other = e.target if e.source == actor_id else e.source
        strength[other] = strength.get(other, 0) + e.weight + (5 if e.type != SHARED else 0)
    chosen = sorted(strength, key=lambda i: (-strength[i], i))[:limit]
    ids = {actor_id, *chosen}
    nodes = _nodes(session, filters, ids, _incident_counts(session, filters, ids))
    present = {n.id for n in nodes} | {actor_id}
    among: list[GraphEdge] = []
    if types is None or SHARED in types:
        among += _shared_edges(session, filters, present)
    among += _relation_edges(session, filters, present, types)
    if actor_id not in {n.id for n in nodes}:  # filtered out by kind: keep it as the centre
        row = session.get(m.Actor, actor_id)
        if row is not None:
            nodes.append(GraphNode(row.id, row.name, row.name_latin, row.kind, 0))
    among = _strongest([e for e in among if e.source in present and e.target in present],
                       len(present))
    return GraphData(nodes, among, truncated=len(strength) > limit, center=actor_id)


def prune_by_degree(data: GraphData, min_degree: int) -> GraphData:
    """Drop actors with fewer than ``min_degree`` links (the centre always stays)."""
    if min_degree <= 0:
        return data
    degree: dict[int, int] = {}
    for e in data.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    keep = {n.id for n in data.nodes if degree.get(n.id, 0) >= min_degree or n.id == data.center}
    return GraphData([n for n in data.nodes if n.id in keep],
                     [e for e in data.edges if e.source in keep and e.target in keep],
                     data.edge_types, data.truncated, data.center)


def spring_positions(node_ids: list[int], edges: list[GraphEdge],
                     fixed: dict[int, tuple[float, float]] | None = None,
                     initial: dict[int, tuple[float, float]] | None = None,
                     seed: int = 7, iterations: int = 60) -> dict[int, tuple[float, float]]:
    """Force-directed positions in scene pixels; ``fixed`` nodes (pinned, or already
    placed when expanding) stay where they are; ``initial`` ones start where they were,
    so a refreshed graph moves little."""
    wanted = set(node_ids)
    fixed = {k: v for k, v in (fixed or {}).items() if k in wanted}
    if not node_ids:
        return {}
    scale = 60.0 * math.sqrt(len(node_ids)) + 80.0
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    for e in edges:  # log weight: one heavy pair must not collapse onto itself
        w = 1.0 + math.log1p(e.weight) + (1.0 if e.type != SHARED else 0.0)
        if graph.has_edge(e.source, e.target):
            graph[e.source][e.target]["weight"] += w
        else:
            graph.add_edge(e.source, e.target, weight=w)
    start = {k: v for k, v in (initial or {}).items() if k in wanted}
    start.update(fixed)
    start = {k: (x / scale, y / scale) for k, (x, y) in start.items()}
    if start and len(start) < len(node_ids):
        start = _seed_new_nodes(start, graph)
    pos = nx.spring_layout(graph, pos=start or None, fixed=list(fixed) or None, seed=seed,
                           iterations=iterations, weight="weight",
                           k=1.6 / math.sqrt(len(node_ids)))
    return {int(k): (float(v[0]) * scale, float(v[1]) * scale) for k, v in pos.items()}


def _seed_new_nodes(initial: dict[int, tuple[float, float]],
                    graph: nx.Graph) -> dict[int, tuple[float, float]]:
    """Start new nodes beside a placed neighbour so an expansion grows where it was asked."""
    placed = dict(initial)
    for i, node in enumerate(n for n in graph.nodes if n not in initial):
        anchor = next((placed[x] for x in graph.neighbors(node) if x in placed), (0.0, 0.0))
        angle = i * 2.399963  # golden angle: spread siblings around their anchor
        placed[node] = (anchor[0] + 0.15 * math.cos(angle), anchor[1] + 0.15 * math.sin(angle))
    return placed
