"""Small questions and messages. Module-level functions, so tests can answer for the analyst."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.db.errors import CaseError, ConflictError
from casefile.services import ValidationError

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent: QWidget, what: str) -> str:
    """Save, discard or cancel: the unsaved-changes guard."""
    box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Unsaved changes"),
                      parent.tr("{} has changes that are not saved.").format(what),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: SAVE,
            QMessageBox.StandardButton.Discard: DISCARD}.get(
        QMessageBox.StandardButton(answer), CANCEL)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def describe_error(exc: BaseException) -> str:
    """One clear sentence for the analyst; programming errors keep their type name."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.errors.values())
    if isinstance(exc, CaseError | ConflictError | LookupError | OSError | ValueError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget, title: str, exc: BaseException | str) -> QMessageBox:
    """A message that does not block the event loop (the window keeps repainting)."""
    text = exc if isinstance(exc, str) else describe_error(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    trace = getattr(exc, "__casefile_traceback__", None)
    if trace and not isinstance(exc, CaseError | ConflictError | ValidationError):
        box.setDetailedText(trace)
    box.setObjectName("errorMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
