"""Import through the one pipeline, off the UI thread, with progress, cancel and a summary."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.importing.pipeline import ImportOutcome, import_paths
from casefile.importing.readers import OcrOptions
from casefile.review.proposals import propose_for_new_source
from ui.core.case_handle import CaseHandle
from ui.core.operations import Operation, Progress
from ui.dialogs.preferences_dialog import ocr_languages

# What an import can add: sources, and the proposals extraction makes for them.
IMPORT_CHANGES = {"sources", "proposals", "mentions", "actors", "aliases", "places",
                  "incidents", "citations", "relations"}


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status == "error"]


def run_import(handle: CaseHandle, paths: Sequence[str], languages: str | None = None
               ) -> Operation:
    """Import ``paths``; scans and images are read by OCR in ``languages`` (default: the
    preference, ara+eng), with progress per page."""
    case, user = handle.case, handle.case.user
    languages = languages or ocr_languages()

    def work(progress: Progress) -> ImportReport:
        report = ImportReport()
        current = [0, 0, ""]  # files done, total, path

        class Step:  # the runner's progress, with the total and the file kept for the report
            def update(self, done: int, total: int, label: str = "") -> None:
                report.total = total
                current[:] = [done, total, label]
                progress.update(done, total, label)

            def check(self) -> None:
                progress.check()

        def page(done: int, total: int) -> None:
            files_done, files, path = current
            progress.update(files_done, files, f"{path}\n" + QCoreApplication.translate(
                "ImportProgressDialog", "OCR: page {} of {}").format(done, total))

        for outcome in import_paths(case, list(paths), user=user, progress=Step(),
                                    ocr=OcrOptions(languages=languages), page_progress=page,
                                    on_new_source=propose_for_new_source):
            report.outcomes.append(outcome)
        report.cancelled = progress.cancelled and len(report.outcomes) < report.total
        return report

    return handle.task(work, label="Importing", changes=set(IMPORT_CHANGES))


class ImportProgressDialog(QDialog):
    """Files done/total, the current file, documents per second; Cancel stops between files."""

    def __init__(self, op: Operation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.setWindowTitle(self.tr("Importing"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.op = op
        self.started = time.monotonic()
        self.counts = QLabel(self.tr("Preparing…"), objectName="importCounts")
        self.current = QLabel(objectName="importCurrent")
        self.current.setMinimumWidth(420)
        self.current.setWordWrap(True)
        self.rate = QLabel(objectName="importRate")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        for w in (self.counts, self.current, self.bar, self.rate, self.cancel_button):
            layout.addWidget(w)
        self.cancel_button.clicked.connect(self.cancel)
        op.progress.connect(self.on_progress)
        self.done_ = False
        op.finished.connect(self._finished)

    def on_progress(self, done: int, total: int, path: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.counts.setText(self.tr("{} of {} files").format(done, total))
        name, _, page = path.partition("\n")  # "path\nOCR: page 3 of 20" while OCR reads
        self.current.setText(" — ".join(p for p in (Path(name).name if name else "", page) if p))
        path = name
        self.current.setToolTip(path)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self.rate.setText(self.tr("{:.1f} documents/s").format(done / elapsed))

    def cancel(self) -> None:
        self.op.cancel()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Stopping after the current file or page…"))

    def _finished(self) -> None:
        self.done_ = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.done_ and not self.op.ticket.cancelled:
            self.cancel()  # closing the window means stop
        super().closeEvent(event)


class ImportSummaryDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Import finished") if not report.cancelled
                            else self.tr("Import cancelled"))
        self.report = report
        done = len(report.outcomes)
        lines = [self.tr("{} imported, {} already in the case, {} failed.").format(
            report.count("imported"), report.count("duplicate"), report.count("error"))]
        if report.cancelled:
            lines.append(self.tr("Cancelled after {} of {} files; the rest were not "
                                 "touched.").format(done, report.total))
        self.headline = QLabel("\n".join(lines), objectName="importHeadline")
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        failures = report.failures
        warnings = [(o.path, w) for o in report.outcomes for w in o.warnings]
        self.failures = QTableWidget(len(failures) + len(warnings), 2, objectName="importFailures")
        self.failures.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.failures.verticalHeader().hide()
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = [(o.path, o.error or "") for o in failures] + \
            [(p, self.tr("warning: {}").format(w)) for p, w in warnings]
        for r, (path, reason) in enumerate(rows):
            self.failures.setItem(r, 0, QTableWidgetItem(Path(path).name))
            self.failures.item(r, 0).setToolTip(path)
            self.failures.setItem(r, 1, QTableWidgetItem(reason))
        self.failures.resizeColumnToContents(0)
        self.failures.setVisible(bool(rows))
        layout.addWidget(self.failures)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 320 if rows else 140)

    def failed_files(self) -> list[tuple[str, str]]:
        return [(o.path, o.error or "") for o in self.report.failures]


class ImportRun(QObject):
    """One import from start to summary; the window keeps working meanwhile."""

    finished = Signal(object)  # ImportReport

    def __init__(self, handle: CaseHandle, paths: Sequence[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.op = run_import(handle, paths)
        self.progress = ImportProgressDialog(self.op, parent)
        self.summary: ImportSummaryDialog | None = None
        self.op.succeeded.connect(self._done)
        self.op.failed.connect(lambda exc: handle.failed.emit("Import", exc))
        self.progress.show()

    def _done(self, report: ImportReport) -> None:
        self.summary = ImportSummaryDialog(report, self.parent())
        self.summary.open()
        self.finished.emit(report)
