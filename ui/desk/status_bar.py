"""The status bar: the open case, its counts, and what is running in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from casefile.services.sources import case_counts
from ui.core.case_handle import CaseHandle
from ui.core.operations import OperationRunner

COUNTED = {"sources", "actors", "places", "incidents", "proposals"}


class CaseStatusBar(QStatusBar):
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
        self.addWidget(self.case_label)
        self.addWidget(self.counts, 1)
        self.addPermanentWidget(self.work)
        self.addPermanentWidget(self.spinner)

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

    def _changed(self, changes: set[str]) -> None:
        if changes & COUNTED:
            self.refresh()

    def _show(self, handle: CaseHandle, counts: dict[str, int]) -> None:
        if handle is not self.handle:
            return
        self.counts.setText(self.tr(
            "{sources} documents · {actors} actors · {places} places · {incidents} incidents · "
            "{proposals} to review").format(**counts))
        self.last_counts = counts

    def _busy(self, busy: bool, label: str) -> None:
        self.spinner.setVisible(busy)
        self.work.setText(self.tr(label) + "…" if busy and label else "")
