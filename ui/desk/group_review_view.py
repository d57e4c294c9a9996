"""Review by name: the case's open proposals grouped, one decision for every report.

Keys: A accept the group · R or Delete reject it (the name goes on the "not an entity" list) ·
L link it to an existing record · M merge it with another group · N or J next group, K
previous · Space (in the mentions) leave one mention out of the decision · Shift+K accept every
known group. Each decision is one undoable action run off the UI thread with progress.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casefile.review.candidates import link_candidates
from casefile.review.decide import decide_group, merge_groups
from casefile.review.groups import Group, GroupFilter, group_members, list_groups
from casefile.services.choices import Candidate, rank_actors, rank_places
from casefile.services.validation import parse_date
from ui.core.changes import Change, ChangeWatcher
from ui.core.context import CaseContext
from ui.core.fonts import reading_font
from ui.core.icons import icon
from ui.core.marks_style import css_rgba
from ui.core.view_query import LatestQuery
from ui.core.widgets import row_table, select_row
from ui.desk.group_review_model import COLUMNS, ISOLATE, GroupReviewModel, MembersModel
from ui.dialogs.actor_picker import ActorPickerDialog
from ui.dialogs.stoplist_dialog import StoplistDialog

TYPES = [("PERSON,GROUP,PLACE", "Names"), ("", "All types"), ("PERSON", "People"),
         ("GROUP", "Groups"), ("PLACE", "Places"), ("INCIDENT", "Incidents")]
SAMPLES = 3
SAMPLE_CHARS = 110  # of the sentence either side of the name: the name stays in view


class GroupReviewView(QWidget):
    watches = frozenset({Change.PROPOSALS, Change.ACTORS, Change.PLACES, Change.ALIASES,
                         Change.STOP_NAMES})  # groups, whether a name is known, the stoplist

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        handle, selection, navigator = ctx.handle, ctx.selection, ctx.navigator
        self.setObjectName("groupReview")
        self.handle, self.selection, self.navigator = handle, selection, navigator
        self.model = GroupReviewModel(self)
        self.dialog: QWidget | None = None
        self._keep_row = 0
        self._members: list = []
        self._wanted: Group | None = None  # the group whose mentions are being read
        self._grouping = LatestQuery(handle.runner, handle.case, "Grouping proposals", self,
                                     long=True)
        self._grouping.failed.connect(lambda message: self.count.setText(
            self.tr("Could not group the proposals: {}").format(message)))

        self.type = QComboBox(objectName="groupType")
        for code, label in TYPES:
            self.type.addItem(self.tr(label), code)
        self.known = QComboBox(objectName="groupKnown")
        for value, label in ((None, "Known and new"), (True, "Known records"),
                             (False, "New names")):
            self.known.addItem(self.tr(label), value)
        self.min_conf = QDoubleSpinBox(objectName="groupConfidence", minimum=0, maximum=1,
                                       singleStep=0.05, decimals=2, prefix="≥ ")
        self.min_conf.setToolTip(self.tr("Lowest confidence of a mention"))
        self.kind = QLineEdit(objectName="groupKind", placeholderText=self.tr("kind"))
        self.kind.setToolTip(self.tr("Kind of actor or place, or incident type "
                                     "(militia, town, protests…)"))
        self.source = QLineEdit(objectName="groupSource", placeholderText=self.tr("source"))
        self.date_from = QLineEdit(objectName="groupFrom", placeholderText=self.tr("from date"))
        self.date_to = QLineEdit(objectName="groupTo", placeholderText=self.tr("to date"))
        self.name = QLineEdit(objectName="groupName", placeholderText=self.tr("name"))
        self.week = QCheckBox(self.tr("Top new names this week"), objectName="groupWeek")
        for w in (self.kind, self.source, self.date_from, self.date_to, self.name):
            w.setMaximumWidth(120)
        self.count = QLabel()
        self.progress = QProgressBar(objectName="groupProgress", maximumWidth=160)
        self.progress.hide()
        filters = QHBoxLayout()
        for w in (self.type, self.known, self.min_conf, self.kind, self.source, self.date_from,
                  self.date_to, self.name, self.week):
            filters.addWidget(w)
        filters.addWidget(self.count, 1)
        filters.addWidget(self.progress)

        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        for name, label, keys, ico in (
                ("accept", "Accept", ("A",), "accept"),
                ("reject", "Not an entity", ("R", "Delete"), "reject"),
                ("link", "Link to…", ("L",), "actor"),
                ("merge", "Merge with group…", ("M",), "merge"),
                ("next_group", "Next", ("N", "J"), "forward"),
                ("previous_group", "Previous", ("K",), "back"),
                ("accept_known", "Accept all known", ("Shift+K",), "accept"),  # exact only
                ("show_stoplist", "Not-an-entity list…", ("Ctrl+Shift+L",), "review")):
            button = QToolButton(icon=icon(ico), text=self.tr(label),
                                 toolTip=f"{self.tr(label)} ({', '.join(keys)})")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(getattr(self, name))
            self.buttons[name] = button
            bar.addWidget(button)
            for key in keys:
                QShortcut(QKeySequence(key), self,
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                          ).activated.connect(getattr(self, name))
        bar.addStretch(1)

        self.table = row_table(self.model, "groupTable", (70, 220, 220, 70, 75, 110))
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1,
                                                           QHeaderView.ResizeMode.Stretch)
        self.samples = QTextBrowser(objectName="groupSamples")
        self.samples.setFont(reading_font(12))
        self.members_model = MembersModel(self)
        self.members = QListView(objectName="groupMembers")
        self.members.setModel(self.members_model)
        self.members.setToolTip(self.tr("Untick a mention to leave it out of the decision "
                                        "(Space); it stays to review on its own."))
        self.members.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        # One line each, all of a height: thousands of mentions lay out at once (the
        # sentence is the tooltip, and the samples above).
        self.members.setUniformItemSizes(True)
        self.members.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        detail = QSplitter(Qt.Orientation.Vertical)
        detail.addWidget(self.samples)
        detail.addWidget(self.members)
        detail.setStretchFactor(0, 3)
        detail.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        for w in (self.type, self.known):
            w.currentIndexChanged.connect(self._debounce.start)
        self.min_conf.valueChanged.connect(self._debounce.start)
        self.week.toggled.connect(self._debounce.start)
        for w in (self.kind, self.source, self.date_from, self.date_to, self.name):
            w.textChanged.connect(self._debounce.start)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.members.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._member_focus(current.row()))
        # Behind its tab (or closed) the panel does not group 90,000 proposals after every
        # write anywhere: it waits until it is shown.
        self.watcher = ChangeWatcher(self, handle.changed, self.watches, self.refresh)
        QTimer.singleShot(0, self, self.watcher.request)  # once the docks are laid out

    # --- reading ------------------------------------------------------------------------

    def current_filter(self) -> GroupFilter:
        flt = GroupFilter(
            types=set(filter(None, (self.type.currentData() or "").split(","))),
            kinds={k.strip() for k in self.kind.text().split(",") if k.strip()},
            min_confidence=self.min_conf.value(), source_text=self.source.text(),
            known=self.known.currentData(), text=self.name.text())
        for field, edit in (("date_from", self.date_from), ("date_to", self.date_to)):
            try:
                setattr(flt, field, parse_date(edit.text()))
                edit.setStyleSheet("")
            except ValueError:
                edit.setStyleSheet("color: #c62828")
        if self.week.isChecked():
            from casefile.review.groups import top_new_this_week

            week = top_new_this_week()
            flt.known, flt.imported_since = False, week.imported_since
        return flt

    def refresh(self) -> None:
        """Group again with the current filter (asked again while grouping: once more after,
        with the newest filter; grouping 90,000 proposals is seconds of the reader's time)."""
        flt = self.current_filter()
        self._grouping.ask(lambda s: list_groups(s, flt), self._loaded)

    def _loaded(self, groups: list[Group]) -> None:
        self.model.set_groups(groups)
        mentions = sum(g.mentions for g in groups)
        self.count.setText(self.tr("{} names, {} mentions to review").format(
            len(groups), mentions))
        if groups:
            self.select_row(min(self._keep_row, len(groups) - 1))
        else:
            self.samples.setHtml(self.tr("<p>Nothing left to review here.</p>"))
            self.members_model.set_rows([])

    def current(self) -> Group | None:
        return self.model.group_at(self.table.currentIndex().row())

    def _current_changed(self, current, _previous) -> None:
        self._keep_row = max(0, current.row())
        group = self.current()
        if group is None:
            return
        self._wanted = group

        def read(session):  # skipped when the analyst has moved on meanwhile (N, N, N…)
            return group_members(session, group) if self._wanted is group else None

        self.handle.read(read, lambda rows: self._show_members(group, rows),
                         label="Reading mentions", long=True)

    def _show_members(self, group: Group, rows: list | None) -> None:
        if rows is None or self.current() is not group:
            return
        self._members = rows
        # Read again (a change elsewhere) while the analyst works in the list: the mention
        # they are on stays current, as the ticks stay.
        again = group.id == self.members_model.group_id
        row = self.members.currentIndex().row() if again else -1
        self.members_model.set_rows(rows, group.id)
        if 0 <= row < len(rows):
            self.members.setCurrentIndex(self.members_model.index(row))
        self.samples.setHtml(self._samples_html(group, rows))

    def _samples_html(self, group: Group, rows: list) -> str:
        seen, parts = set(), []
        fill = css_rgba({"PERSON": "person", "GROUP": "group", "PLACE": "place"}.get(
            group.type, "incident"), 70)
        for row in rows:
            if row.source_id in seen:
                continue
            seen.add(row.source_id)
            a, b = row.start - row.context_start, row.end - row.context_start
            ctx = row.context
            left, right = max(0, a - SAMPLE_CHARS), min(len(ctx), b + SAMPLE_CHARS)
            before = ("…" if left else "") + ctx[left:a]
            after = ctx[b:right] + ("…" if right < len(ctx) else "")
            parts.append(
                f'<p dir="rtl">{html.escape(before)}<b style="background:{fill}">'
                f'{html.escape(ctx[a:b])}</b>{html.escape(after)}'
                f'<br><span style="color:gray">{html.escape(row.source_title)}</span></p>')
            if len(parts) >= SAMPLES:
                break
        low, mid, high = (round(x * 100) for x in group.confidence)
        if group.linked is not None:
            known = self.tr("Known: {} {} «{}»").format(
                group.linked.kind, group.linked.id, ISOLATE % html.escape(group.linked.name))
            if group.matched_alias:
                known += " · " + self.tr("matched alias «{}»").format(
                    ISOLATE % html.escape(group.matched_alias))
        else:
            known = self.tr("A new name: accepting makes a new record.")
        spread = f"{low}–{high}%" if low != high else f"{low}%"
        head = self.tr("{} reports, {} mentions, confidence {} (median {}%)").format(
            group.reports, group.mentions, spread, mid)
        # The name and the figures in blocks of their own direction: an Arabic name first
        # would turn English figures around it right to left.
        ui_dir = "rtl" if self.isRightToLeft() else "ltr"
        return (f'<p dir="rtl" style="font-size:large"><b>{html.escape(group.name)}</b></p>'
                f'<p dir="{ui_dir}" style="color:gray">{head}<br>{known}</p>' + "".join(parts))

    def _member_focus(self, index: int) -> None:
        if 0 <= index < len(self._members) and self.members.hasFocus():
            row = self._members[index]
            self.navigator.show_passage(row.source_id, row.start, row.end, True)

    def exceptions(self) -> list[int]:
        return self.members_model.exceptions()

    # --- decisions ----------------------------------------------------------------------

    def _decide(self, description: str, fn) -> None:
        self._keep_row = max(0, self.table.currentIndex().row())
        self.progress.setValue(0)
        self.progress.show()

        def done(result) -> None:
            self.progress.hide()
            skipped = [s for r in (result if isinstance(result, list) else [result])
                       for s in r.skipped]
            if skipped:
                names = ", ".join(f"«{s['text']}» ({s['reason']})" for s in skipped[:5])
                self.handle.notice.emit(self.tr("{} mention(s) skipped: {}").format(
                    len(skipped), names))

        op = self.handle.write(description, fn, on_success=done, with_progress=True,
                               on_failure=lambda exc: (self.progress.hide(),
                                                       self.handle.failed.emit(description,
                                                                               exc)))
        op.progress.connect(lambda d, t, _l: (self.progress.setMaximum(max(t, 1)),
                                              self.progress.setValue(d)))

    def accept(self) -> None:
        group, skip = self.current(), self.exceptions()
        if group is not None:
            self._decide(self.tr("Accept «{}» in {} reports").format(group.name, group.reports),
                         lambda s, p: decide_group(s, group, "accept", except_ids=skip,
                                                   progress=p.update))

    def reject(self) -> None:
        group, skip = self.current(), self.exceptions()
        if group is not None:
            self._decide(self.tr("«{}» is not an entity").format(group.name),
                         lambda s, p: decide_group(s, group, "reject", except_ids=skip,
                                                   progress=p.update))

    def link(self) -> None:
        group, skip = self.current(), self.exceptions()
        if group is None or group.type == "INCIDENT":
            return
        kind = "place" if group.type == "PLACE" else "actor"
        self.dialog = ActorPickerDialog(
            self.handle, self.tr("Link to a record"),
            self.tr("Link «{}» ({} reports) to:").format(ISOLATE % group.name, group.reports),
            lambda s: link_candidates(s, group), self,
            search=rank_places if kind == "place" else rank_actors)
        self.dialog.chosen.connect(lambda record_id: self._decide(
            self.tr("Link «{}» to {} {}").format(group.name, kind, record_id),
            lambda s, p: decide_group(s, group, "link", link=(kind, record_id),
                                      except_ids=skip, progress=p.update)))
        self.dialog.open()

    def merge(self) -> None:
        group = self.current()
        if group is None or group.type == "INCIDENT":
            return
        same = ("PLACE",) if group.type == "PLACE" else ("PERSON", "GROUP")
        others = [g for g in self.model.groups if g.type in same and g is not group]

        def ranked(_session, text: str = "", limit: int = 30) -> list[Candidate]:
            from rapidfuzz import fuzz

            from casefile.normalize import key

            wanted = key(text or group.name)
            scored = sorted(((fuzz.ratio(wanted, g.key), i) for i, g in enumerate(others)),
                            reverse=True)[:limit]
            # The reports count in the tooltip: ``matched`` is shown as a matched name.
            return [Candidate(i, others[i].name, self.tr("{} reports, {} mentions").format(
                others[i].reports, others[i].mentions), round(sc / 100, 3), "")
                for sc, i in scored]

        self.dialog = ActorPickerDialog(
            self.handle, self.tr("Merge two names"),
            self.tr("Merge «{}» with:").format(ISOLATE % group.name), ranked, self,
            search=ranked)
        self.dialog.chosen.connect(lambda i: self._decide(
            self.tr("Merge «{}» and «{}»").format(group.name, others[i].name),
            lambda s, p: merge_groups(s, group, others[i], progress=p.update)))
        self.dialog.open()

    def accept_known(self) -> None:
        known = [g for g in self.model.groups if g.safe_to_accept]
        if not known:
            return

        def run(session, progress):
            out = []
            for n, g in enumerate(known, 1):
                out.append(decide_group(session, g, "accept"))
                progress.update(n, len(known))
            return out

        self._decide(self.tr("Accept {} known names").format(len(known)), run)

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def next_group(self) -> None:
        row = self.table.currentIndex().row()
        if row + 1 < self.model.rowCount():
            self.select_row(row + 1)

    def previous_group(self) -> None:
        row = self.table.currentIndex().row()
        if row > 0:
            self.select_row(row - 1)

    def show_stoplist(self) -> None:
        self.dialog = StoplistDialog(self.handle, self)
        self.dialog.open()
