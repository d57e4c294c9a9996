"""Scene items of the network graph: actors as shaped nodes, links as styled lines.

Shape and colour both say the actor's kind (shape survives a grey-scale print);
line style says the link's type, width the number of shared incidents.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from casefile.queries import GraphEdge, GraphNode
from ui.core import formatting as fmt
from ui.core import vocabulary as vocab

EDGE_STYLES: dict[str, tuple[str, Qt.PenStyle, float]] = {
    "shared_incident": ("#8a8a8a", Qt.PenStyle.SolidLine, 1.0),
    "member_of": ("#0072B2", Qt.PenStyle.SolidLine, 2.0),
    "commands": ("#222222", Qt.PenStyle.SolidLine, 2.6),
    "affiliated_with": ("#009E73", Qt.PenStyle.DashLine, 2.0),
    "backed_by": ("#E69F00", Qt.PenStyle.DashDotLine, 2.2),
    "allied_with": ("#56B4E9", Qt.PenStyle.SolidLine, 2.0),
    "rival_of": ("#D55E00", Qt.PenStyle.DotLine, 2.6),
    "office": ("#777777", Qt.PenStyle.DashLine, 1.6),
}
DEFAULT_EDGE = ("#666666", Qt.PenStyle.DashDotDotLine, 1.6)


def node_path(kind: str, r: float) -> QPainterPath:
    """person ●, state force ■, militia ◆, armed group ▲, organisation ⬢, institution ▬."""
    path = QPainterPath()
    if kind == "state_force":
        path.addRect(QRectF(-r * 0.9, -r * 0.9, r * 1.8, r * 1.8))
    elif kind == "militia":
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.15), QPointF(r * 1.15, 0),
                                   QPointF(0, r * 1.15), QPointF(-r * 1.15, 0)]))
    elif kind == "armed_group":
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.2), QPointF(r * 1.1, r * 0.8),
                                   QPointF(-r * 1.1, r * 0.8)]))
    elif kind == "organisation":
        path.addPolygon(QPolygonF([QPointF(r * math.cos(a), r * math.sin(a))
                                   for a in (math.pi / 3 * i + math.pi / 6 for i in range(6))]))
    elif kind == "institution":
        path.addRoundedRect(QRectF(-r * 1.2, -r * 0.7, r * 2.4, r * 1.4), 3, 3)
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    path.closeSubpath()
    return path


class GraphScene(QGraphicsScene):
    node_clicked = Signal(int)
    node_expand = Signal(int)  # double-click: bring in its neighbours
    node_moved = Signal(int)  # dragged by hand: keep it where it was put


class NodeItem(QGraphicsItem):
    def __init__(self, node: GraphNode, latin: bool) -> None:
        super().__init__()
        self.node = node
        self.edges: list[EdgeItem] = []
        self.radius = min(26.0, 8.0 + 2.2 * math.sqrt(node.incidents))
        self.path = node_path(node.kind, self.radius)
        self.state = "normal"  # "normal", "centre", "highlight", "dim"
        self._moved = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)
        self.label = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(8.5)
        self.label.setFont(font)
        self.set_latin(latin)

    def set_latin(self, latin: bool) -> None:
        n = self.node
        self.label.setText((n.name_latin or n.name) if latin else n.name)
        rect = self.label.boundingRect()
        self.label.setPos(-rect.width() / 2, self.radius + 2)
        self.setToolTip(f"<b>{n.name}</b><br>{n.name_latin or ''}<br>"
                        f"{vocab.actor_kind(n.kind)} · "
                        + _incidents_text(n.incidents))

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.setOpacity(0.25 if state == "dim" else 1.0)
            self.setZValue(3 if state in ("centre", "highlight") else 2)
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.path.boundingRect().adjusted(-4, -4, 4, 4)

    def shape(self) -> QPainterPath:
        return self.path

    def paint(self, p: QPainter, _option: QStyleOptionGraphicsItem,
              _widget: QWidget | None = None) -> None:
        colour = vocab.kind_colour(self.node.kind)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QBrush(colour))
        if self.state == "centre":
            p.setPen(QPen(QColor("#111111"), 3.5))
        elif self.state == "highlight":
            p.setPen(QPen(QColor("#111111"), 2.5))
        else:
            p.setPen(QPen(colour.darker(150), 1.2))
        p.drawPath(self.path)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.adjust()
            self._moved = True
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._moved = False
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        scene = self.scene()
        if isinstance(scene, GraphScene):
            if self._moved:
                scene.node_moved.emit(self.node.id)
            elif event.button() == Qt.MouseButton.LeftButton:
                scene.node_clicked.emit(self.node.id)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        scene = self.scene()
        if isinstance(scene, GraphScene):
            scene.node_expand.emit(self.node.id)


class EdgeItem(QGraphicsLineItem):
    def __init__(self, edge: GraphEdge, a: NodeItem, b: NodeItem) -> None:
        super().__init__()
        self.edge, self.a, self.b = edge, a, b
        a.edges.append(self)
        b.edges.append(self)
        colour, style, width = EDGE_STYLES.get(edge.type, DEFAULT_EDGE)
        if edge.type == "shared_incident":
            width = 0.8 + math.log1p(edge.weight)
        pen = QPen(QColor(colour), width, style)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(1 if edge.type != "shared_incident" else 0)
        label = vocab.relation_type(edge.type)
        if edge.type == "shared_incident":
            label += f": {fmt.number(edge.weight)}"
        self.setToolTip(f"{a.node.name} — {label} — {b.node.name}"
                        + (f"<br>{edge.title}" if edge.title else ""))
        self.adjust()

    def adjust(self) -> None:
        self.setLine(QLineF(self.a.pos(), self.b.pos()))

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        p.setOpacity(min(self.a.opacity(), self.b.opacity()))
        super().paint(p, option, widget)
        if self.edge.type not in ("shared_incident", "allied_with", "rival_of"):
            self._arrow(p)  # directed: subject → object

    def _arrow(self, p: QPainter) -> None:
        line = self.line()
        if line.length() < 1:
            return
        unit = QPointF(line.dx() / line.length(), line.dy() / line.length())
        tip = line.p2() - unit * (self.b.radius + 3)
        side = QPointF(-unit.y(), unit.x())
        size = 7.0
        head = QPolygonF([tip, tip - unit * size + side * size * 0.5,
                          tip - unit * size - side * size * 0.5])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.pen().color())
        p.drawPolygon(head)


def _incidents_text(n: int) -> str:
    return QCoreApplication.translate("GraphView", "%1 incidents").replace("%1", fmt.number(n))
