"""The one progress dialog: import, export and building the demo case.

It follows an operation's progress (done of total, what is being worked on); given the
words for them it counts the units done and shows how many go by per second and the
time left.
Cancel asks the operation to stop at its next ``check`` (between files, pages or steps).
A ``hideable`` dialog can be sent to the background while the work goes on: Hide (or
closing the window) emits ``backgrounded``, and the status bar shows the work until
``bring_back`` shows the dialog again.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.core import formatting as fmt
from ui.core.operations import Operation


class RateMeter:
    """Units per second over the last ``window`` seconds, and the time left at that pace.

    A moving window, not the average since the start: the pace of the files being read
    now (a folder of scans after one of e-mails) is what says when the rest will be done.
    """

    def __init__(self, window: float = 20.0) -> None:
        self.window = window
        self.samples: deque[tuple[float, int]] = deque()

    def add(self, done: int, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if self.samples and done < self.samples[-1][1]:
            self.samples.clear()  # a new count started
        self.samples.append((now, done))
        while len(self.samples) > 2 and now - self.samples[1][0] >= self.window:
            self.samples.popleft()

    @property
    def rate(self) -> float | None:
        """Units per second; None until two reports at different times."""
        if len(self.samples) < 2:
            return None
        (t0, d0), (t1, d1) = self.samples[0], self.samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 > t0 else None

    def seconds_left(self, total: int) -> float | None:
        rate = self.rate
        if not rate or not self.samples:
            return None
        return max(0.0, (total - self.samples[-1][1]) / rate)


def time_left(seconds: float) -> str:
    """"about 3 min 20 s left", in the interface language."""
    seconds = round(seconds)
    if seconds < 60:
        text = QCoreApplication.translate("TaskProgressDialog", "%1 s left")
        return text.replace("%1", fmt.number(max(1, seconds)))
    if seconds < 3600:
        minutes, rest = divmod(seconds, 60)
        rest = rest // 10 * 10
        text = (QCoreApplication.translate("TaskProgressDialog", "about %1 min %2 s left") if rest
                else QCoreApplication.translate("TaskProgressDialog", "about %1 min left"))
        return text.replace("%1", fmt.number(minutes)).replace("%2", fmt.number(rest))
    hours, minutes = divmod(round(seconds / 60), 60)
    text = (QCoreApplication.translate("TaskProgressDialog", "about %1 h %2 min left") if minutes
            else QCoreApplication.translate("TaskProgressDialog", "about %1 h left"))
    return text.replace("%1", fmt.number(hours)).replace("%2", fmt.number(minutes))


class TaskProgressDialog(QDialog):
    backgrounded = Signal()  # hidden while the work goes on: the status bar takes over

    def __init__(self, op: Operation, title: str, parent: QWidget | None = None, *,
                 cancellable: bool = True, counts: str | None = None,
                 pace: str | None = None, hideable: bool = False) -> None:
        """``counts`` says done of total ("{} of {} files", translated), ``pace`` the
        units per second ("{} documents/s")."""
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.op = op
        self.counts_text, self.pace_text, self.hideable = counts, pace, hideable
        self.meter = RateMeter()
        self.units_done, self.units_total = 0, 0
        self.finished_ = False
        self.counts = QLabel(self.tr("Preparing…") if counts else title, objectName="taskCounts")
        self.current = QLabel(objectName="taskCurrent", wordWrap=True)
        self.current.setMinimumWidth(420)
        self.current.setVisible(counts is not None)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.rate = QLabel(objectName="taskRate")
        self.rate.setVisible(pace is not None)
        self.hide_button = QPushButton(self.tr("Hide"), objectName="taskHide")
        self.hide_button.setToolTip(self.tr("Keep working; the progress stays in the status bar"))
        self.hide_button.setVisible(hideable)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="taskCancel")
        self.cancel_button.setVisible(cancellable)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.hide_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for widget in (self.counts, self.current, self.bar, self.rate):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.hide_button.clicked.connect(self.send_to_background)
        self.cancel_button.clicked.connect(self.cancel)
        op.progress.connect(self.on_progress)
        op.finished.connect(self._finished)

    @property
    def label(self) -> QLabel:
        """Where the operation's own words go: the current item, or the headline."""
        return self.current if self.counts_text else self.counts

    def on_progress(self, done: int, total: int, label: str) -> None:
        self.units_done, self.units_total = done, total
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if self.counts_text:
            self.counts.setText(self.counts_text.format(fmt.number(done), fmt.number(total)))
        if label:
            self.label.setText(self.tr(label))
        if self.pace_text:
            self.meter.add(done)
            self.rate.setText(self.pace())

    def pace(self) -> str:
        """"7.5 documents/s · about 2 min 10 s left" (just the pace until it is known)."""
        rate, pace = self.meter.rate, self.pace_text or "{}"
        if rate is None:
            return pace.format("…")
        text = pace.format(fmt.locale().toString(rate, "f", 1))
        left = self.meter.seconds_left(self.units_total)
        if left is not None and self.units_done < self.units_total:
            text += " · " + time_left(left)
        return text

    def cancel(self) -> None:
        self.op.cancel()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Stopping…"))

    @property
    def cancelling(self) -> bool:
        return not self.cancel_button.isEnabled()

    def send_to_background(self) -> None:
        self.hide()
        self.backgrounded.emit()

    def bring_back(self) -> None:
        if not self.finished_:
            self.show()
            self.raise_()
            self.activateWindow()

    def _finished(self) -> None:
        self.finished_ = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().closeEvent(event)
        if self.hideable and not self.finished_:
            self.backgrounded.emit()  # closing the window is not stopping the work
