"""The network graph, built while its panel is hidden behind another tab, fills its view when shown."""

from ui_support import filled_out_of_sight

from casefile.services.actors import ActorData, LinkData, save_actor


def _drawn_extent(graph) -> float:
    """The larger share of the viewport that the drawn graph covers (1.0: edge to edge)."""
    rect = graph.view.mapFromScene(graph.scene.itemsBoundingRect()).boundingRect()
    viewport = graph.view.viewport().rect()
    return max(rect.width() / viewport.width(), rect.height() / viewport.height())


def test_graph_laid_out_out_of_sight_fills_its_view_when_shown(desk, qtbot):
    """As in a first session, where the Network tab sits behind Record until clicked."""
    from ui.linked.graph_view import GraphView

    window, _ = desk
    with window.handle.case.session() as s:
        irgc = save_actor(s, ActorData(name="الحرس الثوري الإيراني", kind="state_force"))
        for name in ("محمد علي الهادي", "حسين الأحوازي", "المركز الثقافي الإيراني"):
            save_actor(s, ActorData(name=name, relations=[
                LinkData("affiliated_with", "actor", irgc)]))
    graph, _host = filled_out_of_sight(
        qtbot, window, lambda: GraphView(window.context),
        lambda v: len(v.nodes) >= 3)
    qtbot.waitUntil(lambda: _drawn_extent(graph) > 0.5, timeout=5000)
