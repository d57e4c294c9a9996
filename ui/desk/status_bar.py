"""The status bar: the open case, its counts, and what is running in the background.

A progress dialog sent to the background (Hide) waits here as a small progress bar with
the pace and the time left: a click on it shows the dialog again, its ✕ cancels the work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from casefile.services.sources import case_counts
from ui.core import formatting as fmt
from ui.core.case_handle import CaseHandle
from ui.core.changes import Change, ChangeSet
from ui.core.icons import icon
from ui.core.operations import OperationRunner
from ui.dialogs.task_progress import TaskProgressDialog

RECOUNT_MS = 2000  # how often the counts are read again while work runs


class CaseStatusBar(QStatusBar):
    watches = frozenset({Change.SOURCES, Change.ACTORS, Change.PLACES, Change.INCIDENTS,
                         Change.PROPOSALS})  # what the counts count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.handle: CaseHandle | None = None
        self.case_label = QLabel(objectName="statusCase")
        self.counts = QLabel(objectName="statusCounts")
        self.work = QLabel(objectName="statusWork")
        self.spinner = QProgressBar(objectName="statusBusy")
        self.spinner.setRange(0, 0)  # indeterminate: something is running
        self.spinner.setMaximumWidth(90)
        self.spinner.setMaximumHeight(14)
        self.spinner.hide()
        self._running = (False, "")
        # While a long write runs (an import), the counts follow what it has committed so far:
        # the count is a read, on the read lane, so it does not wait for the import.
        self._recount = QTimer(self, interval=RECOUNT_MS)
        self._recount.timeout.connect(self.refresh)
        self.addWidget(self.case_label)
        self.addWidget(self.counts, 1)
        self.addPermanentWidget(self.work)
        self.addPermanentWidget(self.spinner)

    def follow_task(self, dialog: TaskProgressDialog) -> BackgroundTask:
        """Show ``dialog``'s work here whenever it is sent to the background."""
        task = BackgroundTask(dialog, self)
        self.addPermanentWidget(task)
        task.visibility_changed.connect(self._show_busy)
        return task

    def background_tasks(self) -> list[BackgroundTask]:
        return self.findChildren(BackgroundTask)

    def watch(self, runner: OperationRunner) -> None:
        runner.busy.connect(self._busy)

    def set_case(self, handle: CaseHandle | None) -> None:
        self.handle = handle
        if handle is None:
            self.case_label.setText(self.tr("No case open"))
            self.counts.clear()
            return
        where = str(handle.case.path) if handle.case.path else handle.case.backend
        self.case_label.setText(f"{handle.name}")
        self.case_label.setToolTip(where)
        handle.changed.connect(self._changed)
        self.watch(handle.runner)
        self.refresh()

    def refresh(self) -> None:
        if self.handle is not None:
            handle = self.handle
            handle.read(case_counts, lambda counts: self._show(handle, counts), label="Counting")

    def _changed(self, changes: ChangeSet) -> None:
        if changes & self.watches:
            self.refresh()

    def _show(self, handle: CaseHandle, counts: dict[str, int]) -> None:
        if handle is not self.handle:
            return
        self.counts.setText(self.tr(
            "{sources} documents · {actors} actors · {places} places · {incidents} incidents · "
            "{proposals} to review").format(**counts))
        self.last_counts = counts

    def _busy(self, busy: bool, label: str) -> None:
        self._running = (busy, label)
        if busy and not self._recount.isActive():
            self._recount.start()
        elif not busy:
            self._recount.stop()
        self._show_busy()

    def _show_busy(self) -> None:
        """The spinner says something runs, unless a task shown here already says so."""
        busy, label = self._running
        if any(task.isVisibleTo(self) for task in self.background_tasks()):
            busy = False
        self.spinner.setVisible(busy)
        self.work.setText(self.tr(label) + "…" if busy and label else "")


class BackgroundTask(QWidget):
    """A hidden progress dialog's work: what it is, done of total, pace and time left, and
    a small bar; a click shows the dialog again, ✕ cancels."""

    visibility_changed = Signal()

    def __init__(self, dialog: TaskProgressDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backgroundTask")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.dialog = dialog
        self.text = QLabel(objectName="backgroundText")
        self.bar = QProgressBar(objectName="backgroundProgress")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(120, 12)
        self.cancel_button = QToolButton(objectName="backgroundCancel", icon=icon("reject"),
                                         autoRaise=True)
        self.cancel_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.cancel_button.setToolTip(self.tr("Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        dialog.backgrounded.connect(self._backgrounded)
        dialog.op.progress.connect(lambda *_a: self._update())  # after the dialog's own
        dialog.op.finished.connect(self._ended)
        self.hide()

    def _ended(self) -> None:
        self.hide()
        self.visibility_changed.emit()
        self.deleteLater()

    def _backgrounded(self) -> None:
        self._update()
        self.show()
        self.visibility_changed.emit()

    def _update(self) -> None:
        d = self.dialog
        done, total = d.units_done, d.units_total
        self.bar.setRange(0, total)  # 0 of 0: busy, no count yet
        self.bar.setValue(done)
        parts = [d.windowTitle()]
        if total:
            parts.append(self.tr("{} of {}").format(fmt.number(done), fmt.number(total)))
        if d.pace_text:
            parts.append(d.pace())
        self.text.setText(self.tr("Stopping…") if d.cancelling else " · ".join(parts))
        self.setToolTip(self.tr("%1\nClick to show the progress window.")
                        .replace("%1", d.label.text()))
        self.cancel_button.setEnabled(not d.cancelling)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        event.accept()  # so the release comes here

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.show_dialog()

    def show_dialog(self) -> None:
        self.hide()
        self.visibility_changed.emit()
        self.dialog.bring_back()

    def cancel(self) -> None:
        self.dialog.cancel()
        self._update()
