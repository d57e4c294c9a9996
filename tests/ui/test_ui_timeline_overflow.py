"""Timeline: incidents beyond a lane's rows are drawn without titles over the others' titles."""

from PySide6.QtCore import QRectF
from ui_support import idle

from casefile.services.incidents import IncidentData, save_incident


def test_overflowing_incidents_do_not_print_titles_over_each_other(desk, qtbot, monkeypatch):
    from ui.linked import timeline_canvas

    window, _ = desk
    titles = [f"حادثة رقم {n} في حطلة" for n in range(1, 7)]
    with window.handle.case.session() as s:
        for title in titles:  # six month-long incidents in one lane of three rows
            save_incident(s, IncidentData(title=title, date_start="2024-08", precision="month"))
    window.selection.select(None)  # the whole case, not the open document's incidents
    timeline = window.linked_views.timeline
    timeline.model.reload(fit=True)
    window.linked_views.docks["timeline"].raise_()
    window.linked_views.docks["timeline"].show()

    def painted() -> int:
        timeline.canvas.grab()
        return len({h.item.id for h in timeline.canvas._hits if h.item is not None})

    qtbot.waitUntil(lambda: painted() == 6, timeout=15000)
    idle(qtbot, window)
    drawn: list[tuple] = []
    real = timeline_canvas.draw_text
    monkeypatch.setattr(timeline_canvas, "draw_text",
                        lambda p, rect, text, leading=None: (drawn.append((QRectF(rect), text)),
                                                             real(p, rect, text, leading)))
    timeline.canvas.grab()
    labels = [rect for rect, text in drawn if text.startswith("حادثة") or text.endswith("…")]
    assert labels  # titles are drawn …
    for i, a in enumerate(labels):  # … and none on top of another
        assert not any(a.intersects(b) for b in labels[i + 1:])



