"""The map: places with coordinates, sized by their incidents, over an offline base layer
(Natural Earth countries, rivers and lakes shipped in resources/basemap; no tiles).

Points and labels keep their screen size while the map zooms; the base layer is
drawn with cosmetic pens so borders stay hairlines at any zoom.
"""

from __future__ import annotations

import json
import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QLabel,
    QWidget,
)
from sqlalchemy.orm import Session

from casefile.assets import resource
from casefile.queries import Focus, MapPlace, map_places
from ui.core import formatting as fmt
from ui.core import vocabulary as vocab
from ui.core.changes import Change
from ui.core.context import CaseContext
from ui.core.icons import tool_button
from ui.core.selection import Ref
from ui.dialogs.preferences_dialog import set_latin_labels
from ui.linked.linked_view import LinkedView, PanZoomView

BASEMAP = resource("basemap", "levant.geojson")
LAT0, LON0, K = 35.0, 38.5, 100.0  # equirectangular, true to scale at Syria's latitude
LABELS_ALL_SCALE = 3.0  # beyond this zoom, every place is labelled


def project(lon: float, lat: float) -> QPointF:
    return QPointF((lon - LON0) * K * math.cos(math.radians(LAT0)), -(lat - LAT0) * K)


class MapScene(QGraphicsScene):
    place_clicked = Signal(int)


class TextLabel(QGraphicsItem):
    """A label on a light halo, shaped by QPainter (Arabic joins and runs right to left)."""

    def __init__(self, text: str, parent: QGraphicsItem | None = None, bold: bool = False):
        super().__init__(parent)
        self.text = text
        self.names = (text, text)  # Latin and Arabic, for labels that switch
        self.bold = bold
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def _rect(self) -> QRectF:
        font = QFont()
        font.setBold(self.bold)
        m = QFontMetricsF(font)
        return QRectF(0, -m.height() / 2, m.horizontalAdvance(self.text) + 6, m.height())

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect()

    def paint(self, p: QPainter, _option, _widget=None) -> None:
        rect = self._rect()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 190))
        p.drawRoundedRect(rect, 3, 3)
        font = QFont()
        font.setBold(self.bold)
        p.setFont(font)
        p.setPen(QColor("#222222"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)


class PlaceItem(QGraphicsEllipseItem):
    def __init__(self, place: MapPlace, latin: bool) -> None:
        r = 3.0 if place.incidents == 0 else min(28.0, 4.0 + 2.5 * math.sqrt(place.incidents))
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.place = place
        self.radius = r
        self.setPos(project(place.longitude, place.latitude))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(10 + min(place.incidents, 1000) / 1000)
        self.label = TextLabel("", self)
        self.set_latin(latin)
        self.set_state("normal")
        self.setToolTip(f"<b>{place.name}</b><br>{place.name_latin or ''}<br>"
                        f"{vocab.place_kind(place.kind)} · "
                        + _incidents(place.incidents))

    def set_latin(self, latin: bool) -> None:
        p = self.place
        self.label.text = (p.name_latin or p.name) if latin else p.name
        self.label.prepareGeometryChange()
        self.label.setPos(self.radius + 3, 0)
        self.label.update()

    def set_state(self, state: str) -> None:
        self.state = state
        busy = self.place.incidents > 0
        fill = QColor("#c0392b" if busy else "#ffffff")
        fill.setAlpha(210 if busy else 255)
        self.setBrush(QBrush(fill))
        width = 3.0 if state == "highlight" else 1.0
        self.setPen(QPen(QColor("#111111" if state == "highlight" else "#7a1f16"
                                if busy else "#666666"), width))
        self.setOpacity(0.3 if state == "dim" else 1.0)
        if state == "highlight":
            self.setZValue(30)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        scene = self.scene()
        if isinstance(scene, MapScene) and event.button() == Qt.MouseButton.LeftButton:
            scene.place_clicked.emit(self.place.id)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept()  # so the release comes here, not to the view's pan


class MapCanvas(PanZoomView):
    wheel_step = 1.25
    scales = (0.2, 400.0)

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.setBackgroundBrush(QColor("#dfeaf3"))  # sea and unmapped land alike: quiet


def load_basemap(scene: QGraphicsScene, latin: bool) -> list[TextLabel]:
    """Countries, lakes, rivers; returns the country labels (their language can change)."""
    if not BASEMAP.exists():
        return []
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    labels = []
    for feature in data["features"]:
        props, geom = feature["properties"], feature["geometry"]
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        if geom["type"] == "MultiPolygon":
            for polygon in geom["coordinates"]:
                for ring in polygon:
                    path.addPolygon([project(x, y) for x, y in ring])
                    path.closeSubpath()
        else:
            for line in geom["coordinates"]:
                path.moveTo(project(*line[0]))
                for x, y in line[1:]:
                    path.lineTo(project(x, y))
        item = QGraphicsPathItem(path)
        layer = props["layer"]
        if layer == "country":
            syria = props["name"] == "Syria"
            item.setBrush(QColor("#f4efe2" if syria else "#f7f6f2"))
            pen = QPen(QColor("#8c8c8c"), 1.4 if syria else 1.0)
            item.setZValue(0)
            label = TextLabel(props["name"] if latin else props["name_ar"], bold=True)
            label.names = (props["name"], props["name_ar"])
            label.setPos(_label_point(geom["coordinates"]))
            label.setOpacity(0.75)
            label.setZValue(5)
            scene.addItem(label)
            labels.append(label)
        elif layer == "lake":
            item.setBrush(QColor("#bcd6ec"))
            pen = QPen(Qt.PenStyle.NoPen)
            item.setZValue(1)
        else:
            pen = QPen(QColor("#4f8fc0"), 1.6)
            item.setZValue(2)
            if props.get("name"):
                item.setToolTip(props["name_ar"] + " — " + props["name"])
        pen.setCosmetic(True)
        item.setPen(pen)
        scene.addItem(item)
    return labels


def _label_point(polygons: list) -> QPointF:
    """The middle of the largest ring's box: good enough for a country name."""
    ring = max((poly[0] for poly in polygons), key=len)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return project((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


class MapView(LinkedView):
    # Places with their incidents (sized by them); actors through the actor-kind filter.
    watches = frozenset({Change.PLACES, Change.INCIDENTS, Change.INVOLVEMENTS, Change.ACTORS})

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        selection = ctx.selection
        self.places: dict[int, PlaceItem] = {}
        self.focus: Focus | None = None
        self._fitted = False
        self._query = self.query("map")
        self.scene = MapScene(self)
        self.country_labels = load_basemap(self.scene, self.latin)
        self.canvas = MapCanvas(self.scene)
        self._fit_pending: set[int] | None = None  # a fit asked for while hidden
        self.canvas.zoomed.connect(lambda _s: self._update_labels())
        self._build_toolbar()
        # Said over the map while the case has no place to show (instead of a region of labels).
        self.empty = QLabel(self.canvas, objectName="mapEmpty", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("background: rgba(255,255,255,225); color: #444; "
                                 "padding: 12px; border-radius: 6px;")
        self.empty.hide()
        self.lay_out(self.canvas)
        self.scene.place_clicked.connect(lambda i: selection.select(Ref("place", i)))
        self.link()
        self.focus = self.tracker.focus
        self.reload()

    def _build_toolbar(self) -> None:
        self.zoom_in = tool_button("mdi6.magnify-plus-outline", lambda: self.canvas.zoom_by(1.6))
        self.zoom_out = tool_button("mdi6.magnify-minus-outline",
                                     lambda: self.canvas.zoom_by(1 / 1.6))
        self.fit = tool_button("mdi6.fit-to-screen-outline", self.fit_places)
        self.latin_box = QCheckBox()
        self.latin_box.setChecked(self.latin)
        self.latin_box.toggled.connect(set_latin_labels)
        self.fill_toolbar(self.zoom_in, self.zoom_out, self.fit, self.latin_box)

    def retranslate(self) -> None:
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.fit.setToolTip(self.tr("Show all places"))
        self.latin_box.setText(self.tr("Latin names"))
        self.empty.setText(self.tr(
            "No places on the map yet.\nPlaces appear here once they are in the case with "
            "coordinates: accept the proposed places (Review by name → Places; places the "
            "gazetteer knows come with their coordinates), or give a place its latitude and "
            "longitude in its form."))
        self._update_status()

    # --- data -------------------------------------------------------------------

    def reload(self) -> None:
        filters = self.filters

        def work(session: Session) -> list[MapPlace]:
            return map_places(session, filters)

        self._query.ask(work, self._arrived)

    def _arrived(self, places: list[MapPlace]) -> None:
        for item in self.places.values():
            self.scene.removeItem(item)
        self.places = {}
        for place in places:
            item = PlaceItem(place, self.latin)
            self.scene.addItem(item)
            self.places[place.id] = item
        self._apply_focus(move=not self._fitted)
        if not self._fitted and not self._focused_ids():
            self.fit_places()
        self._fitted = True
        self._update_labels()
        self._update_status()
        self._show_empty(not self.places)

    def _show_empty(self, empty: bool) -> None:
        for label in self.country_labels:
            label.setVisible(not empty)
        self.empty.setVisible(empty)
        if empty:
            self._place_empty()

    def _place_empty(self) -> None:
        width = max(160, min(420, self.canvas.width() - 40))
        self.empty.setFixedWidth(width)
        self.empty.adjustSize()
        self.empty.move((self.canvas.width() - width) // 2,
                        max(8, (self.canvas.height() - self.empty.height()) // 2))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.empty.isVisible():
            self._place_empty()

    # --- view -------------------------------------------------------------------

    def fit_places(self, ids: set[int] | None = None) -> None:
        if not self.canvas.isVisible():  # a hidden view's size is not the one it will show at
            self._fit_pending = ids if ids is not None else set()
            return
        self._fit_pending = None
        items = [self.places[i] for i in (ids or self.places.keys()) if i in self.places]
        if ids is None:
            items = [i for i in items if i.place.incidents > 0] or items
        if not items:  # nothing to frame: Syria, not the whole region
            self.canvas.fitInView(QRectF(project(35.6, 37.4), project(42.4, 32.3)),
                                  Qt.AspectRatioMode.KeepAspectRatio)
            return
        xs = [i.pos().x() for i in items]
        ys = [i.pos().y() for i in items]
        rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        pad = max(rect.width(), rect.height(), 40.0) * 0.35  # never closer than ~0.5°
        self.canvas.fitInView(rect.adjusted(-pad, -pad, pad, pad),
                              Qt.AspectRatioMode.KeepAspectRatio)
        self._update_labels()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._fit_pending is not None:
            pending = self._fit_pending or None
            QTimer.singleShot(0, self, lambda: self.fit_places(pending))  # once laid out

    def _update_labels(self) -> None:
        """Label the highlighted and busiest places first; skip a label that would cover
        one already placed (a cluster of villages stays readable)."""
        zoomed = self.canvas.transform().m11() >= LABELS_ALL_SCALE
        taken: list[QRectF] = []
        order = sorted(self.places.values(),
                       key=lambda i: (i.state != "highlight", -i.place.incidents))
        for item in order:
            wanted = zoomed or item.place.incidents > 0 or item.state == "highlight"
            at = self.canvas.mapFromScene(item.pos())
            rect = item.label.boundingRect().translated(at.x() + item.label.pos().x(), at.y())
            free = not any(rect.intersects(r) for r in taken)
            item.label.setVisible(wanted and free)
            if wanted and free:
                taken.append(rect)

    def set_latin(self, on: bool) -> None:
        self.latin = on
        self.latin_box.blockSignals(True)
        self.latin_box.setChecked(on)
        self.latin_box.blockSignals(False)
        for item in self.places.values():
            item.set_latin(on)
        for label in self.country_labels:
            label.text = label.names[0] if on else label.names[1]
            label.prepareGeometryChange()
            label.update()

    # --- following the selection ------------------------------------------------

    def _focused_ids(self) -> set[int]:
        return set(self.focus.place_ids) if self.focus else set()

    def follow(self, focus: Focus | None) -> None:
        """Show the selection's places: an actor's, an incident's, a source's, or the place."""
        self.focus = focus
        self._apply_focus(move=True)

    def _apply_focus(self, move: bool) -> None:
        wanted = self._focused_ids()
        for place_id, item in self.places.items():
            item.set_state("highlight" if place_id in wanted else "dim" if wanted else "normal")
        present = wanted & self.places.keys()
        if move and present:
            self.fit_places(present)
        self._update_labels()

    def highlighted(self) -> set[int]:
        return {i for i, item in self.places.items() if item.state == "highlight"}

    def _update_status(self) -> None:
        busy = sum(1 for i in self.places.values() if i.place.incidents)
        self.status.setText(self.tr("%1 places, %2 with incidents")
                            .replace("%1", fmt.number(len(self.places)))
                            .replace("%2", fmt.number(busy)))


def _incidents(n: int) -> str:
    return QCoreApplication.translate("MapView", "%1 incidents").replace("%1", fmt.number(n))
