"""Progress and cancel for a long job that is not an import (export, building the demo)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.core.operations import Operation


class TaskProgressDialog(QDialog):
    def __init__(self, op: Operation, title: str, parent: QWidget | None = None,
                 cancellable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.op = op
        self.label = QLabel(title)
        self.label.setMinimumWidth(380)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(cancellable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._cancel)
        op.progress.connect(self._progress)
        op.finished.connect(self.close)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if label:
            self.label.setText(self.tr(label))

    def _cancel(self) -> None:
        self.op.cancel()
        self.cancel_button.setEnabled(False)
