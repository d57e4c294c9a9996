"""Import through the one pipeline, off the UI thread, with progress (the one progress
dialog, which can wait in the status bar), cancel and a summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.importing.pipeline import ImportOutcome, import_paths
from casefile.importing.readers import OcrOptions
from casefile.progress import Cancelled, Progress
from casefile.review.proposals import propose_for_new_source
from ui.core.case_handle import CaseHandle
from ui.core.changes import Change, ChangeSet
from ui.core.operations import Operation
from ui.dialogs.preferences_dialog import ocr_languages
from ui.dialogs.task_progress import TaskProgressDialog

# What an import can add: sources (with their pages), and what extraction proposes for them.
IMPORT_CHANGES: ChangeSet = frozenset({
    Change.SOURCES, Change.SOURCE_PAGES, Change.PROPOSALS, Change.MENTIONS, Change.ACTORS,
    Change.ALIASES, Change.PLACES, Change.INCIDENTS, Change.CITATIONS, Change.RELATIONS})


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
    ocr = OcrOptions(languages=languages or ocr_languages())

    def work(progress: Progress) -> ImportReport:
        report = ImportReport()
        counted = _Counted(progress, report)
        # A cancel stops the import between two files: what is done stays done.
        report.outcomes.extend(import_paths(
            case, list(paths), user=user, progress=counted, ocr=ocr,
            page_progress=counted.page, on_new_source=propose_for_new_source))
        report.cancelled = counted.stopped and len(report.outcomes) < report.total
        return report

    return handle.task(work, label="Importing", changes=IMPORT_CHANGES)


class _Counted:
    """The runner's ticket, noting the number of files for the report and the file being
    read (shown by its name, with the OCR page while a scan is read)."""

    def __init__(self, ticket: Progress, report: ImportReport) -> None:
        self.ticket, self.report = ticket, report
        self.stopped = False
        self.current = (0, 0, "")  # files done, total, file name

    def update(self, done: int, total: int, label: str = "") -> None:
        self.report.total = total
        # A file name reads left to right, as the file manager shows it, even in the Arabic
        # interface («تقرير_0020.txt» would otherwise come out as «تقرير_txt.0020»).
        self.current = (done, total, f"\u2066{Path(label).name}\u2069" if label else "")
        self.ticket.update(done, total, self.current[2])

    def page(self, done: int, total: int) -> None:
        files_done, files, name = self.current
        self.ticket.update(files_done, files, f"{name} — " + QCoreApplication.translate(
            "ImportRun", "OCR: page {} of {}").format(done, total))

    def check(self) -> None:
        try:
            self.ticket.check()
        except Cancelled:
            self.stopped = True
            raise


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
        self.progress = TaskProgressDialog(
            self.op, self.tr("Importing"), parent, counts=self.tr("{} of {} files"),
            pace=self.tr("{} documents/s"), hideable=True)
        self.summary: ImportSummaryDialog | None = None
        self.op.succeeded.connect(self._done)
        self.op.failed.connect(lambda exc: handle.failed.emit("Import", exc))
        self.progress.show()

    def _done(self, report: ImportReport) -> None:
        self.summary = ImportSummaryDialog(report, self.parent())
        self.summary.open()
        self.finished.emit(report)
