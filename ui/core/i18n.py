"""The interface language: Qt translators, mirrored layout and the locale for dates/numbers.

Arabic installs ``resources/i18n/casefile_ar.qm`` (our strings) and Qt's own
``qtbase_ar.qm`` (standard buttons, dialogs), lays the window out right to left
and formats dates and numbers the Syrian Arabic way (Levantine month names).
The choice is kept in the settings; with no choice, the system locale decides.
Installing a translator sends every widget a LanguageChange event, so an open
window switches language without a restart.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from casefile import vocabulary
from casefile.assets import resource

I18N_DIR = resource("i18n")
LANGUAGES = ("en", "ar")
SETTINGS_KEY = "ui/language"  # "system", "en" or "ar"
VOCABULARY_CONTEXT = "Vocabulary"

_installed: list[QTranslator] = []
_current = "en"


class GlossaryTranslator(QTranslator):
    """The compiled catalogue, and when it has no entry for a (context, text) pair, the
    glossary by text alone. ``self.tr`` called on another object (``window.tr(...)``) or
    on a variable is filed by lupdate under a context Qt never asks for; the glossary
    still translates it."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        path = I18N_DIR / f"glossary_{language}.json"
        self.glossary: dict[str, str] = (json.loads(path.read_text(encoding="utf-8"))
                                         if path.exists() else {})
        # The case's vocabularies carry their own Arabic (casefile.vocabulary): one table
        # for the forms, the exports and the interface.
        self.vocabulary: dict[str, str] = (vocabulary.arabic_of_english()
                                           if language == "ar" else {})

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context == VOCABULARY_CONTEXT and source in self.vocabulary:
            return self.vocabulary[source]
        found = super().translate(context, source, disambiguation, n)
        # None (a null string) lets Qt fall back to the source text; "" would blank it.
        return found or self.glossary.get(source)  # type: ignore[return-value]

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return super().isEmpty() and not self.glossary and not self.vocabulary


def settings() -> QSettings:
    return QSettings("Casefile", "Casefile")


def language_names() -> dict[str, str]:
    """Each language in its own name, as a language menu shows them."""
    return {"en": "English", "ar": "العربية"}


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def saved_choice() -> str:
    value = settings().value(SETTINGS_KEY, "system")
    return value if value in (*LANGUAGES, "system") else "system"


def save_choice(choice: str) -> None:
    settings().setValue(SETTINGS_KEY, choice)


def resolve(choice: str) -> str:
    return system_language() if choice == "system" else choice


def locale_for(language: str) -> QLocale:
    if language == "ar":
        return QLocale(QLocale.Language.Arabic, QLocale.Country.Syria)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def current_language() -> str:
    return _current


def apply_language(language: str, app: QCoreApplication | None = None) -> bool:
    """Switch the running application to ``language``; False if a catalogue is missing."""
    global _current
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    QLocale.setDefault(locale_for(language))
    if language != "en":
        ours = GlossaryTranslator(language, app)
        ok = ours.load(str(I18N_DIR / f"casefile_{language}.qm"))
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath
                                                               .TranslationsPath)):
            _installed.append(qt_own)
        if ok:
            _installed.append(ours)
        for translator in _installed:
            app.installTranslator(translator)
    _current = language
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar"
                               else Qt.LayoutDirection.LeftToRight)
    return ok


def install_saved_language(app: QCoreApplication | None = None) -> str:
    """At start-up: the saved choice, or the system's language."""
    language = resolve(saved_choice())
    apply_language(language, app)
    return language
