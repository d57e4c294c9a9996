"""The actor's network neighbourhood as a small radial SVG, drawn without any library.

The actor sits in the middle and its neighbours on an ellipse around it, the heaviest
first from the top, so the picture reads the same in every export. Labels stay Arabic;
Chromium shapes them inside the SVG and keeps them as text in the PDF.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 680, 420
RX, RY = 255, 150
KIND_COLOURS = {
    "person": "#2f6f9f", "state_force": "#6b4f2a", "militia": "#a23b2a",
    "armed_group": "#b5651d", "organisation": "#3d7f4f", "institution": "#6a4c93",
}
_MAX_LABEL = 32


@dataclass(frozen=True)
class NetworkNode:
    id: int
    name: str
    kind: str
    weight: int
    dashed: bool = False  # linked by shared incidents only, not by a recorded relation
    label: str = ""  # what the edge to the centre says


def _short(text: str) -> str:
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def _text(x: float, y: float, text: str, cls: str) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" text-anchor="middle" '
            f'direction="rtl">{escape(_short(text))}</text>')


def network_svg(centre: NetworkNode, neighbours: list[NetworkNode], more: int = 0) -> str:
    cx, cy = WIDTH / 2, HEIGHT / 2
    top = max((n.weight for n in neighbours), default=1) or 1
    edges, nodes = [], []
    for k, node in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * k / max(len(neighbours), 1)
        x, y = cx + RX * math.cos(angle), cy + RY * math.sin(angle)
        dash = ' stroke-dasharray="5 4"' if node.dashed else ""
        width = 1 + 2.5 * node.weight / top
        edges.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke="#8a8f98" stroke-width="{width:.1f}"{dash}/>')
        if node.label:  # nearer the neighbour than the centre, where edges fan out
            edges.append(_text(cx + 0.62 * (x - cx), cy + 0.62 * (y - cy) - 4, node.label,
                               "edge"))
        r = 7 + 7 * node.weight / top
        colour = KIND_COLOURS.get(node.kind, "#555")
        nodes.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>')
        above = y < cy - 1  # labels of the upper half go above their node, off the edges
        nodes.append(_text(x, y - r - 6 if above else y + r + 14, node.name, "node"))
    colour = KIND_COLOURS.get(centre.kind, "#555")
    nodes.append(f'<circle cx="{cx}" cy="{cy}" r="20" fill="{colour}" stroke="#222" '
                 'stroke-width="2"/>')
    nodes.append(_text(cx, cy + 38, centre.name, "centre"))
    if not neighbours:
        nodes.append(_text(cx, cy - 40, "لا توجد صلات مسجلة", "edge"))
    if more:
        nodes.append(_text(WIDTH - 60, HEIGHT - 10, f"و{more} غيرهم في الجدول", "edge"))
    return (f'<svg class="network" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'role="img" aria-label="{escape(centre.name)}">' + "".join(edges + nodes) + "</svg>")
