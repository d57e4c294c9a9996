"""The map, filled while its panel is hidden behind another tab, frames its places when shown."""

from ui_support import filled_out_of_sight

from casefile.services.places import PlaceData, save_place


def _places_extent(view) -> float:
    """The larger share of the viewport the case's places span (1.0: edge to edge)."""
    items = list(view.places.values())
    rect = items[0].sceneBoundingRect()
    for item in items[1:]:
        rect = rect.united(item.sceneBoundingRect())
    shown = view.canvas.mapFromScene(rect).boundingRect()
    port = view.canvas.viewport().rect()
    return max(shown.width() / port.width(), shown.height() / port.height())


def test_map_filled_out_of_sight_frames_its_places_when_shown(desk, qtbot):
    from ui.linked.map_view import MapView

    window, _ = desk
    with window.handle.case.session() as s:
        for name, lat, lon in (("خشام", "35.30", "40.30"), ("حطلة", "35.36", "40.21"),
                               ("مراط", "35.33", "40.18")):
            save_place(s, PlaceData(name=name, latitude=lat, longitude=lon))
    view, _host = filled_out_of_sight(
        qtbot, window, lambda: MapView(window.context),
        lambda v: len(v.places) >= 3)
    qtbot.waitUntil(lambda: _places_extent(view) > 0.3, timeout=5000)
