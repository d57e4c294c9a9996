"""The actor network: who is linked to whom, centred on the selected actor.

Data and the force-directed layout (networkx) both run through the operation
runner; the UI thread only places items. Dragged nodes stay where they were
put; expanding a node lays out only its new neighbours around it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsView,
    QLabel,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
)
from sqlalchemy.orm import Session

from casefile.queries import Focus, GraphData, graph_data, neighbours, spring_positions
from casefile.queries.graph import GraphEdge
from ui.core import formatting as fmt
from ui.core import vocabulary as vocab
from ui.core.changes import Change
from ui.core.context import CaseContext
from ui.core.icons import tool_button
from ui.core.selection import Ref
from ui.linked.graph_items import EdgeItem, GraphScene, NodeItem
from ui.linked.linked_view import LinkedView, PanZoomView

MAX_NODES = 150
EXPAND_LIMIT = 25


class ZoomingView(PanZoomView):
    def __init__(self, scene: GraphScene) -> None:
        super().__init__(scene)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)


class GraphView(LinkedView):
    # Actors and their links: relations and incidents shared through involvements.
    watches = frozenset({Change.ACTORS, Change.RELATIONS, Change.INCIDENTS, Change.INVOLVEMENTS})

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        selection = ctx.selection
        self.center: int | None = None
        self.types: frozenset[str] | None = None  # None: every link type
        self.data = GraphData([], [])
        self.nodes: dict[int, NodeItem] = {}
        self.positions: dict[int, tuple[float, float]] = {}
        self.pinned: set[int] = set()
        self.focus: Focus | None = None
        self._fit_pending = False  # laid out while hidden: fit once the view has its size
        self._query = self.query("graph")
        self._query.failed.connect(self._failed)
        self._query.busy.connect(lambda busy: self._update_status(loading=busy))
        self.scene = GraphScene(self)
        self.view = ZoomingView(self.scene)
        self._build_toolbar()
        self.lay_out(self.view)
        self.scene.node_clicked.connect(lambda i: selection.select(Ref("actor", i)))
        self.scene.node_expand.connect(self.expand)
        self.scene.node_moved.connect(self._pin)
        self.link()
        if self.tracker.focus is not None:
            self.follow(self.tracker.focus)
        else:
            self.reload()

    # --- toolbar ----------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.types_button = QToolButton()
        self.types_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.types_menu = QMenu(self)
        self.types_button.setMenu(self.types_menu)
        self.degree_label = QLabel()
        self.min_degree = QSpinBox()
        self.min_degree.setRange(0, 50)
        self.min_degree.valueChanged.connect(lambda _v: self.reload())
        self.overview = tool_button("mdi6.graph-outline", self.show_overview)
        self.fit = tool_button("mdi6.fit-to-screen-outline", self.fit_view)
        self.png = tool_button("mdi6.image-outline", lambda: self._export_dialog("png"))
        self.svg = tool_button("mdi6.svg", lambda: self._export_dialog("svg"))
        self.fill_toolbar(self.types_button, self.degree_label, self.min_degree, self.overview,
                          self.fit, self.png, self.svg)

    def retranslate(self) -> None:
        self.types_button.setText(self.tr("Links"))
        self.degree_label.setText(self.tr("Min. links:"))
        self.overview.setToolTip(self.tr("Busiest actors (no centre)"))
        self.fit.setToolTip(self.tr("Fit the graph in view"))
        self.png.setToolTip(self.tr("Export as PNG"))
        self.svg.setToolTip(self.tr("Export as SVG"))
        self._fill_types_menu()
        self._update_status()

    def _fill_types_menu(self) -> None:
        self.types_menu.clear()
        for key in self.data.edge_types or ["shared_incident"]:
            action = QAction(vocab.relation_type(key), self.types_menu)
            action.setCheckable(True)
            action.setChecked(self.types is None or key in self.types)
            action.setData(key)
            action.toggled.connect(self._types_toggled)
            self.types_menu.addAction(action)

    def _types_toggled(self) -> None:
        chosen = {a.data() for a in self.types_menu.actions() if a.isChecked()}
        every = {a.data() for a in self.types_menu.actions()}
        self.set_types(None if chosen == every else frozenset(chosen))

    def set_types(self, types: frozenset[str] | None) -> None:
        self.types = types
        self.reload()

    # --- data and layout ----------------------------------------------------------

    def reload(self) -> None:
        filters, center, types = self.filters, self.center, self.types
        min_degree = self.min_degree.value()
        initial, pinned = dict(self.positions), {k: self.positions[k] for k in self.pinned
                                                  if k in self.positions}

        def work(session: Session) -> tuple[GraphData, dict[int, tuple[float, float]]]:
            data = graph_data(session, filters, center=center, types=types,
                              min_degree=min_degree, max_nodes=MAX_NODES)
            fixed = dict(pinned)
            if center is not None and center not in fixed:
                fixed[center] = initial.get(center, (0.0, 0.0))  # the centre stays put
            pos = spring_positions([n.id for n in data.nodes], data.edges, fixed=fixed,
                                   initial=initial)
            return data, pos

        self._update_status(loading=True)
        self._query.ask(work, self._arrived)

    def expand(self, actor_id: int) -> None:
        """Bring in an actor's neighbours around it, leaving the others where they are."""
        filters, types = self.filters, self.types
        current = self.data
        placed = dict(self.positions)

        def work(session: Session) -> tuple[GraphData, dict[int, tuple[float, float]]]:
            more = neighbours(session, filters, actor_id, types=types, limit=EXPAND_LIMIT)
            merged = _merge(current, more)
            pos = spring_positions([n.id for n in merged.nodes], merged.edges,
                                   fixed={k: v for k, v in placed.items()})
            return merged, pos

        self._update_status(loading=True)
        self._query.ask(work, self._arrived)

    def _arrived(self, result: tuple[GraphData, dict[int, tuple[float, float]]]) -> None:
        data, positions = result
        self.data = data
        self.positions = positions
        self._rebuild()
        self._fill_types_menu()
        self._update_status(loading=False)
        self._apply_focus()

    def _rebuild(self) -> None:
        self.scene.clear()
        self.nodes = {}
        for node in self.data.nodes:
            item = NodeItem(node, self.latin)
            x, y = self.positions.get(node.id, (0.0, 0.0))
            item.setPos(x, y)
            self.scene.addItem(item)
            self.nodes[node.id] = item
        for edge in self.data.edges:
            a, b = self.nodes.get(edge.source), self.nodes.get(edge.target)
            if a is not None and b is not None and a is not b:
                self.scene.addItem(EdgeItem(edge, a, b))
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-400, -400, 400, 400))
        if self.center in self.nodes:
            self.view.centerOn(self.nodes[self.center])
        else:
            self.fit_view()

    def _pin(self, actor_id: int) -> None:
        item = self.nodes.get(actor_id)
        if item is not None:
            self.pinned.add(actor_id)
            self.positions[actor_id] = (item.pos().x(), item.pos().y())

    def fit_view(self) -> None:
        rect = self.scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        if not self.view.isVisible():  # a hidden view's size is not the one it will show at
            self._fit_pending = True
            return
        self._fit_pending = False
        self.view.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._fit_pending:
            QTimer.singleShot(0, self, self.fit_view)  # once the layout has sized the view

    def show_overview(self) -> None:
        self.center = None
        self.reload()

    # --- following the selection --------------------------------------------------

    def follow(self, focus: Focus | None) -> None:
        """An actor in view is centred and marked; one not in view becomes the centre.
        An incident, place or source marks its actors."""
        self.focus = focus
        if focus is not None and focus.kind == "actor" and focus.id not in self.nodes:
            self.center = focus.id
            self.reload()
            return
        if (focus is not None and focus.kind != "actor" and focus.actor_ids
                and not focus.actor_ids & self.nodes.keys()):
            self.center = min(focus.actor_ids)
            self.reload()
            return
        self._apply_focus()

    def _apply_focus(self) -> None:
        focus = self.focus
        marked = set(focus.actor_ids) if focus else set()
        if focus is not None and focus.kind == "actor":  # an actor: it and its neighbours
            marked |= {e.target if e.source == focus.id else e.source for e in self.data.edges
                       if focus.id in (e.source, e.target)}
        for actor_id, item in self.nodes.items():
            if focus is not None and focus.kind == "actor" and actor_id == focus.id:
                item.set_state("centre")
            elif actor_id in marked:
                item.set_state("normal" if focus and focus.kind == "actor" else "highlight")
            elif marked:
                item.set_state("dim")
            else:
                item.set_state("centre" if actor_id == self.center else "normal")
        if focus is not None and focus.kind == "actor" and focus.id in self.nodes:
            self.view.centerOn(self.nodes[focus.id])

    def set_latin(self, on: bool) -> None:
        self.latin = on
        for item in self.nodes.values():
            item.set_latin(on)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Could not load the graph: %1").replace("%1", message))

    def _update_status(self, loading: bool = False) -> None:
        text = self.tr("%1 actors, %2 links").replace("%1", fmt.number(len(self.data.nodes))) \
            .replace("%2", fmt.number(len(self.data.edges)))
        if self.data.truncated:
            text += " · " + self.tr("busiest shown")
        if loading:
            text += " · " + self.tr("laying out…")
        self.status.setText(text)

    # --- export -------------------------------------------------------------------

    def _export_dialog(self, kind: str) -> None:
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export graph"), f"graph.{kind}",
                                              filters[kind])
        if path:
            self.export_image(path)

    def export_image(self, path: str) -> None:
        """The whole graph as drawn, to PNG (twice the screen's resolution) or SVG."""
        source = self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        if source.isEmpty():
            source = QRectF(0, 0, 200, 100)
        size = QSize(int(source.width()), int(source.height()))
        if path.lower().endswith(".svg"):
            generator = QSvgGenerator()
            generator.setFileName(path)
            generator.setSize(size)
            generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
            generator.setTitle(self.tr("Actor network"))
            painter = QPainter(generator)
            self.scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
            painter.end()
            return
        image = QImage(size * 2, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        self.scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
        painter.end()
        if not image.save(path):
            raise OSError(self.tr("Could not write %1").replace("%1", path))


def _merge(current: GraphData, more: GraphData) -> GraphData:
    nodes = {n.id: n for n in current.nodes}
    for n in more.nodes:
        nodes.setdefault(n.id, n)
    seen: set[tuple[int, int, str]] = set()
    edges: list[GraphEdge] = []
    for e in [*current.edges, *more.edges]:
        key = (min(e.source, e.target), max(e.source, e.target), e.type)
        if key not in seen and e.source in nodes and e.target in nodes:
            seen.add(key)
            edges.append(e)
    return GraphData(list(nodes.values()), edges, current.edge_types or more.edge_types,
                     current.truncated or more.truncated, current.center)
