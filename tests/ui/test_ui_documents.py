"""The documents panel: a lazy model over ids, sorting and filtering in the database."""

import hashlib

from PySide6.QtCore import Qt

from casefile.db import models as m


def _many(case, n):
    with case.session() as s:
        for i in range(n):
            data = f"تقرير ميداني رقم {i}".encode()
            s.add(m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                           file_name=f"r{i:04}.txt", media_type="text/plain", size=len(data),
                           title=f"تقرير {i:04}", publisher="مراسل", language="ar",
                           text=data.decode()))


def _reloaded(qtbot, model, action):
    with qtbot.waitSignal(model.loaded, timeout=10000):
        action()


def test_rows_load_a_page_at_a_time(desk, qtbot):
    window, _ = desk
    _many(window.handle.case, 600)
    view = window.panels["documents"]
    model = view.model
    model.page_size = 50
    _reloaded(qtbot, model, model.refresh)
    assert model.rowCount() == 602
    qtbot.waitUntil(lambda: len(model.rows) >= 50, timeout=10000)
    assert len(model.rows) < 602 and model.pages_requested <= 3
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.ids[-1] in model.rows, timeout=10000)
    assert len(model.rows) < 602  # the middle was never fetched
    assert view.count.text() == "602 document(s)"


def test_sorting_and_filtering(desk, qtbot):
    window, ids = desk
    view = window.panels["documents"]
    model = view.model
    _reloaded(qtbot, model, lambda: view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
    qtbot.waitUntil(lambda: model.row_at(0) is not None, timeout=10000)
    assert [model.row_at(r).title for r in range(2)] == ["Field note",
                                                         "توترات روسية إيرانية بريف ديرالزور"]
    _reloaded(qtbot, model, lambda: view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder))
    assert model.ids[0] == ids["source"]
    qtbot.waitUntil(lambda: model.row_at(0) is not None, timeout=10000)
    assert model.index(0, 1).data() == "7" and model.index(0, 2).data() == "0"

    _reloaded(qtbot, model, lambda: view.filter_edit.setText("بالحرس"))  # in the text, normalised
    assert model.ids == [ids["source"]]
    _reloaded(qtbot, model, lambda: view.filter_edit.setText("Field"))  # in the title
    assert model.ids == [ids["note"]]
    _reloaded(qtbot, model, lambda: view.filter_edit.setText(""))
    _reloaded(qtbot, model, lambda: view.language.setCurrentIndex(view.language.findData("en")))
    assert model.ids == [ids["note"]]
    _reloaded(qtbot, model, lambda: view.language.setCurrentIndex(0))
    _reloaded(qtbot, model, lambda: view.open_only.setChecked(True))
    assert model.ids == [ids["source"]]


def test_choosing_a_row_opens_the_document(desk, qtbot):
    window, ids = desk
    view = window.panels["documents"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10000)
    row = view.model.row_of(ids["note"])
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: window.viewer.source is not None
                    and window.viewer.source.id == ids["note"], timeout=10000)
