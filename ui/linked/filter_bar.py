"""The filters every view applies (date range, incident types, actor kinds), and
back/forward through the selection history (Alt+Left / Alt+Right).

The bar only edits ``SelectionModel.filters``; each view listens to
``filters_changed`` and applies them itself.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.db import models as m
from casefile.queries import ViewFilters
from ui.core import vocabulary as vocab
from ui.core.changes import Change, ChangeWatcher
from ui.core.context import CaseContext
from ui.core.view_query import LatestQuery
from ui.core.widgets import any_date_box, box_date, show_date


class FilterBar(QWidget):
    watches = frozenset({Change.INCIDENTS})  # the incident types the case uses

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        selection = ctx.selection
        self.selection = selection
        self._query = LatestQuery(ctx.runner, ctx.case, "filter choices", self)
        self.back_action = QAction(qta.icon("mdi6.arrow-left"), "", self)
        self.back_action.setShortcuts(_unique("Alt+Left", QKeySequence.StandardKey.Back))
        self.back_action.triggered.connect(selection.back)
        self.forward_action = QAction(qta.icon("mdi6.arrow-right"), "", self)
        self.forward_action.setShortcuts(_unique("Alt+Right", QKeySequence.StandardKey.Forward))
        self.forward_action.triggered.connect(selection.forward)
        for action in (self.back_action, self.forward_action):
            action.setEnabled(False)
            self.addAction(action)
        selection.history_changed.connect(self._history_changed)
        self.back_button, self.forward_button = QToolButton(), QToolButton()
        self.back_button.setDefaultAction(self.back_action)
        self.forward_button.setDefaultAction(self.forward_action)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.date_from, self.date_to = self._date_box(), self._date_box()
        self.types_button, self.types_menu = self._menu_button()
        self.kinds_button, self.kinds_menu = self._menu_button()
        self.clear_button = QToolButton()
        self.clear_button.setIcon(qta.icon("mdi6.filter-remove-outline"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: selection.set_filters(ViewFilters()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (self.back_button, self.forward_button):
            layout.addWidget(w)
        layout.addSpacing(10)
        for w in (self.from_label, self.date_from, self.to_label, self.date_to,
                  self.types_button, self.kinds_button, self.clear_button):
            layout.addWidget(w)
        layout.addStretch(1)
        self._types: list[str] = list(vocab.INCIDENT_TYPES)
        self._fill_menus()
        self._show_filters(selection.filters)
        selection.filters_changed.connect(self._show_filters)
        ChangeWatcher(self, ctx.changed, self.watches, self._load_types)
        self.retranslate()
        self._load_types()

    def _date_box(self) -> QDateEdit:
        box = any_date_box()
        box.dateChanged.connect(lambda _d: self._apply())
        return box

    def _menu_button(self) -> tuple[QToolButton, QMenu]:
        button = QToolButton()
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        button.setMenu(menu)
        return button, menu

    def retranslate(self) -> None:
        self.back_action.setText(self.tr("Back"))
        self.back_action.setToolTip(self.tr("Back to the previous selection (Alt+Left)"))
        self.forward_action.setText(self.tr("Forward"))
        self.forward_action.setToolTip(self.tr("Forward (Alt+Right)"))
        self.from_label.setText(self.tr("From:"))
        self.to_label.setText(self.tr("To:"))
        for box in (self.date_from, self.date_to):
            box.setSpecialValueText(self.tr("any date"))
        self.clear_button.setToolTip(self.tr("Clear all filters"))
        self._fill_menus()
        self._show_filters(self.selection.filters)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.LayoutDirectionChange:
            self.set_layout_direction_icons()
        super().changeEvent(event)

    # --- choices --------------------------------------------------------------------

    def _load_types(self) -> None:
        def work(session: Session) -> list[str]:
            return sorted(session.execute(select(m.Incident.type).distinct()).scalars())

        self._query.ask(work, self._types_arrived)

    def _types_arrived(self, found: list[str]) -> None:
        self._types = list(dict.fromkeys([*vocab.INCIDENT_TYPES, *found]))
        self._fill_menus()
        self._show_filters(self.selection.filters)

    def _fill_menus(self) -> None:
        for menu, keys, label in ((self.types_menu, self._types, vocab.incident_type),
                                  (self.kinds_menu, list(vocab.ACTOR_KINDS), vocab.actor_kind)):
            menu.clear()
            for key in keys:
                action = QAction(label(key), menu)
                action.setCheckable(True)
                action.setData(key)
                action.toggled.connect(lambda _on: self._apply())
                menu.addAction(action)

    # --- filters --------------------------------------------------------------------

    def current_filters(self) -> ViewFilters:
        def checked(menu: QMenu) -> frozenset[str]:
            return frozenset(a.data() for a in menu.actions() if a.isChecked())

        return ViewFilters(box_date(self.date_from), box_date(self.date_to),
                           checked(self.types_menu),
                           checked(self.kinds_menu))

    def _apply(self) -> None:
        if not self.signalsBlocked():
            self.selection.set_filters(self.current_filters())

    def _show_filters(self, filters: ViewFilters) -> None:
        self.blockSignals(True)
        for box, value in ((self.date_from, filters.date_from), (self.date_to, filters.date_to)):
            box.blockSignals(True)
            show_date(box, value)
            box.blockSignals(False)
        for menu, chosen in ((self.types_menu, filters.incident_types),
                             (self.kinds_menu, filters.actor_kinds)):
            for action in menu.actions():
                action.blockSignals(True)
                action.setChecked(action.data() in chosen)
                action.blockSignals(False)
        self.types_button.setText(self._summary(self.tr("Incident types"), filters.incident_types,
                                                vocab.incident_type))
        self.kinds_button.setText(self._summary(self.tr("Actor kinds"), filters.actor_kinds,
                                                vocab.actor_kind))
        self.blockSignals(False)

    def _summary(self, what: str, chosen: frozenset[str], label) -> str:
        if not chosen:
            return self.tr("%1: all").replace("%1", what)
        if len(chosen) == 1:
            return f"{what}: {label(next(iter(chosen)))}"
        return f"{what}: {self.locale().toString(len(chosen))}"

    def _history_changed(self, can_back: bool, can_forward: bool) -> None:
        self.back_action.setEnabled(can_back)
        self.forward_action.setEnabled(can_forward)

    def set_layout_direction_icons(self) -> None:
        """In Arabic "back" points right: swap the arrows with the reading direction."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.back_action.setIcon(qta.icon("mdi6.arrow-right" if rtl else "mdi6.arrow-left"))
        self.forward_action.setIcon(qta.icon("mdi6.arrow-left" if rtl else "mdi6.arrow-right"))


def _unique(fixed: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """Alt+Left everywhere plus the platform's own Back key (Cmd+[ on macOS), once each:
    the same sequence twice would make the shortcut ambiguous and dead."""
    keys = [QKeySequence(fixed)]
    for key in QKeySequence.keyBindings(standard):
        if key not in keys:
            keys.append(key)
    return keys
