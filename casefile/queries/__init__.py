"""Read models for the linked views (timeline, network graph, map).

Plain Python over a ``Session``: each query applies the shared filters and
returns detached dataclasses, so the UI renders them on its own thread without
touching the database. Heavy results are aggregated in SQL (counts per period,
per lane) so a case of 100,000 incidents never turns into 100,000 objects.
"""

from .filters import ViewFilters, incident_conditions
from .focus import Focus, focus_for
from .graph import GraphData, GraphEdge, GraphNode, graph_data, neighbours, spring_positions
from .map import MapPlace, map_places
from .timeline import (
    Extent,
    Lane,
    TimelineItem,
    TimelineWindow,
    density,
    incident_span,
    timeline_extent,
    timeline_lanes,
    timeline_window,
)

__all__ = [
    "Extent", "Focus", "GraphData", "GraphEdge", "GraphNode", "Lane", "MapPlace",
    "TimelineItem", "TimelineWindow", "ViewFilters", "density", "focus_for", "graph_data",
    "incident_conditions", "incident_span", "map_places", "neighbours", "spring_positions",
    "timeline_extent", "timeline_lanes", "timeline_window",
]
