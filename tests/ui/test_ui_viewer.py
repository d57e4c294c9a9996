"""The RTL document viewer: highlights, hover, click, selection actions, find, copy, original."""

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QDesktopServices, QFontInfo, QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QToolTip
from sqlalchemy import select

from casefile.db import models as m
from casefile.review import confirm
from ui.core.selection import Ref


def _open(window, qtbot, source_id):
    window.selection.select(Ref("source", source_id))
    qtbot.waitUntil(lambda: window.viewer.source is not None
                    and window.viewer.source.id == source_id, timeout=10000)
    return window.viewer


def _point(viewer, index):
    """Viewport coordinates of the middle of the character at ``index``."""
    text = viewer.text
    cursor = text.textCursor()
    cursor.setPosition(text.offsets.to_doc(index))
    left = text.cursorRect(cursor)
    cursor.setPosition(text.offsets.to_doc(index + 1))
    right = text.cursorRect(cursor)
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


def test_arabic_is_laid_out_rtl_with_the_shipped_font_and_marks_by_type(desk, qtbot):
    window, ids = desk
    viewer = _open(window, qtbot, ids["source"])
    text = viewer.text
    option = text.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    assert QFontInfo(text.font()).family() == "Noto Naskh Arabic"
    assert text.toPlainText() == viewer.source.text
    assert len(text.marks) == 7 and {k.type for k in text.marks} == {
        "person", "group", "place", "date"}
    irgc = next(k for k in text.marks if k.label == "الحرس الثوري الإيراني")
    fmt = text.format_at(irgc.start + 1)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    legend = [viewer.findChild(type(viewer.title), f"legend_{t}")
              for t in ("person", "group", "place", "date", "incident")]
    assert all(chip is not None and chip.text() for chip in legend)
    assert "SHA-256 " + viewer.source.sha256 == viewer.sha.text()
    assert "عنب بلدي" in viewer.meta.text()
    note = _open(window, qtbot, ids["note"])
    assert note.text.document().defaultTextOption().textDirection() == \
        Qt.LayoutDirection.LeftToRight


def test_arabic_lines_end_at_the_right_edge(desk, qtbot):
    """A short Arabic line (the title, a paragraph's last line) sits at the right, not the left."""
    window, ids = desk
    viewer = _open(window, qtbot, ids["source"])
    doc = viewer.text.document()
    qtbot.waitUntil(lambda: doc.firstBlock().layout().lineCount() > 0, timeout=5000)
    title = doc.firstBlock().layout().lineAt(0).naturalTextRect()
    right_edge = doc.textWidth() - 2 * doc.documentMargin()
    assert title.width() < right_edge - 50  # short enough to show where it is aligned
    assert title.right() > right_edge - 4


def test_confirmed_marks_look_different_and_hover_and_click_open_the_record(desk, qtbot):
    window, ids = desk
    viewer = _open(window, qtbot, ids["source"])
    hadi = ids["proposals"][5]
    with qtbot.waitSignal(window.handle.changed, timeout=10000):
        window.handle.write("Accept", lambda s: confirm.accept(s, hadi))
    qtbot.waitUntil(lambda: any(k.status == "confirmed" for k in viewer.text.marks),
                    timeout=10000)
    mark = next(k for k in viewer.text.marks if k.status == "confirmed")
    fmt = viewer.text.format_at(mark.start + 1)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert fmt.background().color().alpha() > 50  # a solid fill, not a tint
    proposed = next(k for k in viewer.text.marks if k.status == "proposed")
    assert viewer.text.format_at(proposed.start + 1).background().color().alpha() < 50

    point = _point(viewer, proposed.start + 1)
    viewport = viewer.text.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    assert QToolTip.text().startswith("Proposed ") and proposed.label in QToolTip.text()

    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_point(viewer, mark.start + 2))
    assert window.selection.current == Ref("actor", mark.ref_id)
    form = window.panels["record"].forms["actor"]
    qtbot.waitUntil(lambda: form.name.text() == "محمد علي الهادي", timeout=10000)
    # The actor's mentions are emphasised in the open document.
    assert (mark.start, mark.end, "person") in viewer.text.emphasis


def test_selection_context_menu_makes_records_aliases_and_citations(desk, qtbot):
    window, ids = desk
    viewer = _open(window, qtbot, ids["source"])
    source_text = viewer.source.text
    start = source_text.index("أبو رقية الأحوازي")
    end = start + len("أبو رقية الأحوازي")
    actions = {a.text(): a for a in viewer.span_actions.actions_for(start, end)}
    assert {"Person", "Militia", "Village", "New incident from this passage"} <= set(actions)
    assert not actions["Cite for the current record"].isEnabled()
    actions["Person"].trigger()
    qtbot.waitUntil(lambda: window.selection.current is not None
                    and window.selection.current.kind == "actor", timeout=10000)
    actor_id = window.selection.current.id
    form = window.panels["record"].forms["actor"]
    qtbot.waitUntil(lambda: form.name.text() == "أبو رقية الأحوازي", timeout=10000)
    qtbot.waitUntil(lambda: form.citations.count() == 1 and "أبو رقية" in
                    form.citations.item(0).text(), timeout=10000)

    # Add another name of the same actor, picked from the ranked candidates.
    alias_start = source_text.index("محمد علي الهادي")
    alias_end = alias_start + len("محمد علي الهادي")
    picks = {a.text(): a for a in viewer.span_actions.actions_for(alias_start, alias_end)}
    picks["Add «محمد علي الهادي» as alias of…"].trigger()
    picker = viewer.span_actions.picker
    qtbot.waitUntil(lambda: actor_id in picker.candidate_ids(), timeout=10000)
    picker.list.setCurrentRow(picker.candidate_ids().index(actor_id))
    picker.accept()
    qtbot.waitUntil(lambda: form.aliases.table.rowCount() == 2, timeout=10000)

    # Cite a passage for the open actor.
    cite_start = source_text.index("حطلة")
    cite = [a for a in viewer.span_actions.actions_for(cite_start, cite_start + 20)
            if a.text().startswith("Cite for the open actor")]
    assert cite and cite[0].isEnabled()
    cite[0].trigger()
    qtbot.waitUntil(lambda: form.citations.count() == 3, timeout=10000)
    with window.handle.case.session() as s:
        quotes = s.scalars(select(m.Citation.quote).where(m.Citation.fact_type == "actor")).all()
    assert source_text[cite_start:cite_start + 20] in quotes


def test_find_is_arabic_aware_and_copy_keeps_logical_text(desk, qtbot):
    window, ids = desk
    viewer = _open(window, qtbot, ids["source"])
    window.actions_by_name["find"].trigger()
    viewer.find_bar.edit.setText("الحَرَس")  # with harakat, still found
    spans = viewer.text.find_spans
    text = viewer.source.text
    assert len(spans) == text.count("الحرس") and spans
    assert all(text[s:e] == "الحرس" for s, e in spans)
    assert viewer.find_bar.count.text() == f"1/{len(spans)}"
    qtbot.keyClick(viewer.find_bar.edit, Qt.Key.Key_Return)
    assert viewer.find_bar.count.text() == f"2/{len(spans)}"
    viewer.find_bar.edit.setText("بديرالزورخخخ")
    assert viewer.find_bar.count.text() == "not found"

    start = text.index("أبو رقية")
    viewer.text.select_span(start, start + 30)
    mime = viewer.text.createMimeDataFromSelection()
    assert mime.text() == text[start:start + 30]
    before = QFontInfo(viewer.text.font()).pointSizeF()
    viewer.zoom_in.click()
    viewer.zoom_in.click()
    assert QFontInfo(viewer.text.font()).pointSizeF() > before


def test_passage_requests_scroll_and_flash_and_the_original_opens(desk, qtbot, monkeypatch):
    window, ids = desk
    viewer = _open(window, qtbot, ids["note"])
    text = viewer.source.text
    window.navigator.show_passage(ids["note"], 2, 7)
    assert viewer.text.flashing == (2, 7) and text[2:7] == "short"
    assert any(sel.cursor.selectionStart() == 2 for sel in viewer.text.extraSelections())
    qtbot.waitUntil(lambda: viewer.text.flashing is None, timeout=5000)
    # A passage of another document: it opens first, then scrolls and flashes.
    window.navigator.show_passage(ids["source"], 300, 320)
    qtbot.waitUntil(lambda: viewer.source.id == ids["source"]
                    and viewer.text.flashing == (300, 320), timeout=10000)
    viewer = _open(window, qtbot, ids["note"])

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    viewer.open_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    path = Path(opened[0].toLocalFile())
    assert path.name == "note.txt" and path.read_bytes() == text.encode("utf-8")


def test_header_parts_are_isolated_so_file_names_keep_their_order(desk, qtbot):
    window, ids = desk
    viewer = _open(window, qtbot, ids["source"])
    parts = viewer.meta.text().split("  ·  ")
    assert parts and all(p.startswith("\u2068") and p.endswith("\u2069") for p in parts)


def test_a_new_actor_with_a_known_name_is_made_and_the_analyst_is_told(desk, qtbot):
    window, ids = desk
    viewer = _open(window, qtbot, ids["source"])
    source_text = viewer.source.text
    start = source_text.index("أبو رقية الأحوازي")
    end = start + len("أبو رقية الأحوازي")
    made = []
    for _ in range(2):
        {a.text(): a for a in viewer.span_actions.actions_for(start, end)}["Person"].trigger()
        qtbot.waitUntil(lambda: window.selection.current is not None
                        and window.selection.current.kind == "actor"
                        and window.selection.current.id not in made, timeout=10000)
        made.append(window.selection.current.id)
    # Reads run beside writes: the first actor's check may already see the second one
    # (and say so); the second actor's check names the first.
    qtbot.waitUntil(lambda: f"(#{made[0]})" in window.status.currentMessage(), timeout=10000)
    # The Arabic name is isolated, so its number stays after it in a Latin sentence.
    assert f"\u2068«أبو رقية الأحوازي»\u2069 (#{made[0]})" in window.status.currentMessage()
