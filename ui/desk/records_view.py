"""Actors, places and incidents of the case as filterable lists; picking one selects it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casefile.normalize import normalize
from casefile.services.choices import Choice, actor_choices, incident_choices, place_choices
from casefile.services.vocab import ACTOR_KINDS, PLACE_KINDS
from ui.core.case_handle import CaseHandle
from ui.core.changes import Change, ChangeSet, ChangeWatcher
from ui.core.context import CaseContext
from ui.core.icons import icon
from ui.core.selection import Ref, SelectionModel

KINDS = [("actor", "Actors", actor_choices, frozenset({Change.ACTORS, Change.ALIASES})),
         ("place", "Places", place_choices, frozenset({Change.PLACES, Change.ALIASES})),
         ("incident", "Incidents", incident_choices, frozenset({Change.INCIDENTS}))]


class ChoiceListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all: list[tuple[Choice, str]] = []
        self.shown: list[Choice] = []
        self.query = ""

    def set_choices(self, choices: list[Choice]) -> None:
        self.all = [(c, normalize(c.label)) for c in choices]
        self.set_query(self.query, force=True)

    def set_query(self, text: str, force: bool = False) -> None:
        if text == self.query and not force:
            return
        self.query = text
        wanted = normalize(text)
        self.beginResetModel()
        self.shown = [c for c, key in self.all if wanted in key]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        choice = self.shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return choice.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return ACTOR_KINDS.get(choice.detail) or PLACE_KINDS.get(choice.detail) or choice.detail
        if role == Qt.ItemDataRole.UserRole:
            return choice.id
        return None

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, c in enumerate(self.shown) if c.id == record_id), None)


class RecordList(QWidget):
    new_requested = Signal(str)

    def __init__(self, handle: CaseHandle, selection: SelectionModel, kind: str,
                 fetch: Callable, watches: ChangeSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle, self.selection, self.kind, self.fetch = handle, selection, kind, fetch
        self.watches = watches
        self.model = ChoiceListModel(self)
        self.filter = QLineEdit(placeholderText=self.tr("Filter (Arabic-aware)"))
        self.filter.setClearButtonEnabled(True)
        self.new_button = QToolButton(icon=icon("add"), toolTip=self.tr("New {}").format(
            self.tr(kind)))
        self.list = QListView(objectName=f"{kind}List")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        bar = QHBoxLayout()
        bar.addWidget(self.filter)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self.model.set_query)
        self.list.activated.connect(self._chosen)
        self.list.clicked.connect(self._chosen)
        self.new_button.clicked.connect(lambda: self.new_requested.emit(kind))
        ChangeWatcher(self, handle.changed, watches, self.refresh)  # a tab behind waits
        self.refresh()

    def refresh(self) -> None:
        self.handle.read(self.fetch, self.model.set_choices, label=f"Listing {self.kind}s")

    def _chosen(self, index: QModelIndex) -> None:
        self.selection.select(Ref(self.kind, index.data(Qt.ItemDataRole.UserRole)))


class RecordsView(QTabWidget):
    new_requested = Signal(str)

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        handle, selection = ctx.handle, ctx.selection
        self.setObjectName("recordsView")
        self.lists: dict[str, RecordList] = {}
        for kind, label, fetch, watches in KINDS:
            lst = RecordList(handle, selection, kind, fetch, watches)
            lst.new_requested.connect(self.new_requested)
            self.lists[kind] = lst
            self.addTab(lst, icon(kind), self.tr(label))
