"""The review queue: decide on proposals from the keyboard, the document following along.

Keys: A accept · E edit then accept · M merge into an existing actor · R or Delete
reject · Shift+A accept every selected row. The focus moves on to the next proposal.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# Extraction's decisions complete the desk's (Latin names, relations, incidents).
from casefile.review.confirm import accept_many
from casefile.review.decisions import accept as accept_proposal
from casefile.review.decisions import merge_into as merge_proposal
from casefile.review.decisions import reject as reject_proposal
from casefile.services import review
from casefile.services.review import ProposalRow
from ui.core.context import CaseContext
from ui.core.fonts import reading_font
from ui.core.icons import icon
from ui.core.marks_style import TYPE_COLOURS, css_rgba
from ui.core.selection import Ref
from ui.core.widgets import row_table, select_row
from ui.desk.review_model import COLUMNS, ReviewModel
from ui.dialogs.actor_picker import ActorPickerDialog
from ui.forms.proposal_edit import ProposalEditDialog

THIS_DOCUMENT, WHOLE_CASE = 0, 1


class ReviewView(QWidget):
    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        handle, selection, navigator = ctx.handle, ctx.selection, ctx.navigator
        self.setObjectName("reviewQueue")
        self.handle, self.selection, self.navigator = handle, selection, navigator
        self.model = ReviewModel(handle, parent=self)
        self.dialog: QWidget | None = None
        self._keep_row = 0
        self._source_id: int | None = None

        self.scope = QComboBox()
        self.scope.addItems([self.tr("This document"), self.tr("Whole case")])
        self.count = QLabel()
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.scope)
        bar.addWidget(self.count, 1)
        for name, label, key in (("accept", "Accept", "A"), ("edit", "Edit", "E"),
                                 ("merge", "Merge", "M"), ("reject", "Reject", "R"),
                                 ("accept_selected", "Accept selected", "Shift+A")):
            button = QToolButton(icon=icon("accept" if name.startswith("accept") else name),
                                 text=self.tr(label), toolTip=f"{self.tr(label)} ({key})")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(getattr(self, name))
            self.buttons[name] = button
            bar.addWidget(button)
            QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                      ).activated.connect(getattr(self, name))
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(
            self.reject)

        self.table = row_table(self.model, "reviewTable", (70, 170, 230, 150, 80), several=True)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1,
                                                           QHeaderView.ResizeMode.Stretch)
        self.context = QTextBrowser(objectName="proposalContext")
        self.context.setFont(reading_font(13))
        self.context.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.context)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 80])
        self.context.setMinimumHeight(56)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split)

        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.table.selectionModel().currentRowChanged.connect(self._focus_changed)
        self.model.loaded.connect(self._loaded)
        self.model.page_loaded.connect(lambda _page: self._show_context())
        self.table.installEventFilter(self)
        selection.selected.connect(self._follow)
        self._scope_changed()

    # --- scope and focus -----------------------------------------------------------------

    def _scope_changed(self) -> None:
        self._keep_row = 0
        self.model.set_scope(self._source_id, self.scope.currentIndex() == WHOLE_CASE)

    def _follow(self, ref: Ref | None) -> None:
        if ref is None:
            return
        if ref.kind == "source" and ref.id != self._source_id:
            self._source_id = ref.id
            if self.scope.currentIndex() == THIS_DOCUMENT:
                self._scope_changed()
        elif ref.kind == "proposal":
            row = self.model.row_of(ref.id)
            if row is not None:
                select_row(self.table, row)

    def _loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n proposal(s) to review", "", count))
        if count:
            row = min(self._keep_row, count - 1)
            select_row(self.table, row)
        else:
            self.context.clear()

    def current(self) -> ProposalRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [pid for pid in (self.model.id_at(r) for r in rows) if pid is not None]

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.table and event.type() == QEvent.Type.FocusIn:
            self._show_context(navigate=True)
        return super().eventFilter(obj, event)

    def _focus_changed(self, current, _previous) -> None:
        self._keep_row = max(0, current.row())
        self._show_context()

    def _show_context(self, navigate: bool | None = None) -> None:
        """The sentence in context; with the keyboard here, the document follows too."""
        row = self.current()
        if row is None:
            return
        rel_start, rel_end = row.start - row.context_start, row.end - row.context_start
        before, span, after = (row.context[:rel_start], row.context[rel_start:rel_end],
                               row.context[rel_end:])
        col = TYPE_COLOURS.get(row.mark_type, "#607d8b")
        fill = css_rgba(row.mark_type, 70)
        alias = (self.tr("matched alias «{}»").format(html.escape(row.matched_alias))
                 if row.matched_alias else self.tr("no alias matched: a new name"))
        self.context.setHtml(
            f'<div dir="rtl">{html.escape(before)}<b style="background:{fill}; '
            f'border-bottom:2px dashed {col}">{html.escape(span)}</b>{html.escape(after)}</div>'
            f'<p dir="ltr" style="color:gray">{html.escape(row.canonical)}'
            f'{" · " + html.escape(row.latin) if row.latin else ""} · {alias} · '
            f'{round(row.confidence * 100)}% · {html.escape(row.source_title)}</p>')
        if navigate or (navigate is None and self.table.hasFocus()):
            self.navigator.show_passage(row.source_id, row.start, row.end, True)

    # --- decisions ----------------------------------------------------------------------------

    def _decide(self, description: str, fn) -> None:
        self._keep_row = max(0, self.table.currentIndex().row())
        self.handle.write(description, fn)

    def accept(self) -> None:
        row = self.current()
        if row is not None:
            self._decide(self.tr("Accept «{}»").format(row.text),
                         lambda s: accept_proposal(s, row.id))

    def reject(self) -> None:
        row = self.current()
        if row is not None:
            self._decide(self.tr("Reject «{}»").format(row.text),
                         lambda s: reject_proposal(s, row.id))

    def accept_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._keep_row = min(i.row() for i in self.table.selectionModel().selectedRows())
            self.handle.write(self.tr("Accept %n proposal(s)", "", len(ids)),
                              lambda s: accept_many(s, ids, accept_proposal))

    def merge(self) -> None:
        row = self.current()
        if row is None or row.kind not in review.ACTOR_KINDS_OF:
            return
        self.dialog = ActorPickerDialog(
            self.handle, self.tr("Merge into an actor"),
            self.tr("«{}» is another name of:").format(row.text),
            lambda s: review.merge_candidates(s, row.id), self)
        self.dialog.chosen.connect(lambda actor_id: self._decide(
            self.tr("Merge «{}»").format(row.text), lambda s: merge_proposal(s, row.id, actor_id)))
        self.dialog.open()

    def edit(self) -> None:
        row = self.current()
        if row is None or row.kind not in ("PERSON", "GROUP", "PLACE", "incident"):
            return
        self.dialog = ProposalEditDialog(row, self)
        self.dialog.edited.connect(lambda name, kind, latin: self._decide(
            self.tr("Edit and accept «{}»").format(row.text),
            lambda s: accept_proposal(s, row.id, name=name, kind=kind, latin=latin)))
        self.dialog.open()
