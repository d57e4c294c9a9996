"""Preferences: the interface language, how names are labelled on the graph and map, and
the languages OCR reads scans and photos in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.importing.readers.ocr_options import DEFAULT_LANGUAGES
from ui.core import i18n

LATIN_LABELS_KEY = "views/latin_labels"
OCR_LANGUAGES_KEY = "import/ocr_languages"


def ocr_languages() -> str:
    """Tesseract models imports read scans and photos with (``ara+eng`` unless changed)."""
    value = i18n.settings().value(OCR_LANGUAGES_KEY, None)
    return str(value) if value else DEFAULT_LANGUAGES


def _valid_languages(value: str) -> bool:
    return all(p and p.replace("_", "").isalnum() for p in value.split("+"))


def latin_labels() -> bool:
    """Latin names on the graph and map: the analyst's choice, else with an English UI."""
    value = i18n.settings().value(LATIN_LABELS_KEY, None)
    if value is None:
        return i18n.current_language() == "en"
    return value in (True, "true", "1", 1)


class ViewPreferences(QObject):
    """Tells open views that a display preference changed."""

    latin_labels_changed = Signal(bool)


_view_preferences: ViewPreferences | None = None


def view_preferences() -> ViewPreferences:
    global _view_preferences
    if _view_preferences is None:
        _view_preferences = ViewPreferences()
    return _view_preferences


def set_latin_labels(on: bool) -> None:
    if on != latin_labels():
        i18n.settings().setValue(LATIN_LABELS_KEY, on)
        view_preferences().latin_labels_changed.emit(on)


class PreferencesDialog(QDialog):
    """Language is applied at once on OK: every open view retranslates itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        self.latin = QCheckBox()
        self.language_label = QLabel()
        self.ocr_label = QLabel()
        self.ocr = QLineEdit(objectName="ocrLanguages")
        self.ocr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # codes such as ara+eng
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow("", self.latin)
        form.addRow(self.ocr_label, self.ocr)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._fill()
        self.retranslate()

    def _fill(self) -> None:
        self.language.clear()
        self.language.addItem("", "system")
        for code, name in i18n.language_names().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.saved_choice())))
        self.latin.setChecked(latin_labels())
        self.ocr.setText(ocr_languages())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("Interface language:"))
        self.language.setItemText(0, self.tr("System default (%1)").replace(
            "%1", i18n.language_names()[i18n.system_language()]))
        self.latin.setText(self.tr("Label the graph and map with Latin names"))
        self.ocr_label.setText(self.tr("OCR languages for imports:"))
        self.ocr.setToolTip(self.tr("Tesseract models joined by +, e.g. ara+eng or ara+eng+fra"))
        self.note.setText(self.tr("Dates and numbers follow the interface language."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        # Labels first: with no choice saved, their default follows the language.
        set_latin_labels(self.latin.isChecked())
        languages = self.ocr.text().strip()
        if _valid_languages(languages):
            i18n.settings().setValue(OCR_LANGUAGES_KEY, languages)
        choice = self.language.currentData()
        i18n.save_choice(choice)
        wanted = i18n.resolve(choice)
        if wanted != i18n.current_language():
            i18n.apply_language(wanted)
        super().accept()
