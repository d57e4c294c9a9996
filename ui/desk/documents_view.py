"""The documents panel: the case's sources, sortable and filterable."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.services.sources import SourceFilter
from ui.core import vocabulary
from ui.core.context import CaseContext
from ui.core.selection import Ref
from ui.core.vocabulary import LANGUAGES
from ui.core.widgets import row_table, select_row
from ui.desk.documents_model import COLUMNS, DocumentsModel


class DocumentsView(QWidget):
    def __init__(self, ctx: CaseContext, parent: QWidget | None = None,
                 page_size: int = 200) -> None:
        super().__init__(parent)
        handle, selection, navigator = ctx.handle, ctx.selection, ctx.navigator
        self.selection = selection
        self._following = False
        self.model = DocumentsModel(handle, page_size=page_size, parent=self)

        self.filter_edit = QLineEdit(placeholderText=self.tr("Filter: title, publisher, words…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.language = QComboBox()
        self.language.addItem(self.tr("All languages"), "")
        for code in LANGUAGES:
            self.language.addItem(vocabulary.language_name(code), code)
        self.open_only = QCheckBox(self.tr("To review"))
        self.open_only.setToolTip(self.tr("Only documents with proposals to review"))
        self.count = QLabel()
        self.table = row_table(self.model, "documentsTable", (210, 70, 75, 82, 100, 45, 60, 112))
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.language)
        bar.addWidget(self.open_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.count)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._debounce.start)
        self.language.currentIndexChanged.connect(self.apply_filter)
        self.open_only.toggled.connect(self.apply_filter)
        # Selection, not the current index: a view sets its current index by itself on
        # focus-in, and that must not open a document.
        self.table.selectionModel().selectionChanged.connect(self._row_chosen)
        self.table.doubleClicked.connect(lambda index: navigator.open_record(
            Ref("source", self.model.id_at(index.row()))))
        self.model.loaded.connect(self._loaded)
        selection.selected.connect(self._follow)

    def apply_filter(self) -> None:
        self.model.set_filter(SourceFilter(text=self.filter_edit.text(),
                                           language=self.language.currentData() or "",
                                           with_open_proposals=self.open_only.isChecked()))

    def _loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n document(s)", "", count))
        if self.selection.current is None and count:
            # A case opens on its first document, so the viewer is never empty for nothing.
            first = self.model.id_at(0)
            if first is not None:
                self.selection.select(Ref("source", first))
                return
        self._follow(self.selection.current)

    def _row_chosen(self, _selected, _deselected) -> None:
        rows = self.table.selectionModel().selectedRows()
        if self._following or not rows:
            return
        source_id = self.model.id_at(rows[0].row())
        if source_id is not None:
            self.selection.select(Ref("source", source_id))

    def _follow(self, ref: Ref | None) -> None:
        if ref is None or ref.kind != "source":
            return
        row = self.model.row_of(ref.id)
        if row is not None and self.table.currentIndex().row() != row:
            self._following = True
            try:
                select_row(self.table, row)
            finally:
                self._following = False
