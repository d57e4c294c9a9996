"""What the desk remembers between runs: layout, recent cases, the last case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class AppSettings:
    """A thin layer over QSettings (tests hand in an ini file of their own)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings()

    def recent_cases(self) -> list[str]:
        value = self.qsettings.value("cases/recent", [])
        if isinstance(value, str):  # QSettings returns one item as a bare string
            value = [value]
        return [str(v) for v in value or []]

    def add_recent(self, case: str) -> None:
        recent = [c for c in self.recent_cases() if c != case]
        self.qsettings.setValue("cases/recent", [case, *recent][:MAX_RECENT])
        self.qsettings.setValue("cases/last", case)
        self.qsettings.sync()

    def remove_recent(self, case: str) -> None:
        self.qsettings.setValue("cases/recent", [c for c in self.recent_cases() if c != case])
        if self.last_case() == case:
            self.qsettings.remove("cases/last")
        self.qsettings.sync()

    def last_case(self) -> str | None:
        value = self.qsettings.value("cases/last")
        return str(value) if value else None

    def layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        return (self.qsettings.value("window/geometry"), self.qsettings.value("window/state"))

    def save_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)
        self.qsettings.sync()

    def last_folder(self) -> str:
        return str(self.qsettings.value("paths/last_folder", str(Path.home())))

    def set_last_folder(self, folder: str) -> None:
        self.qsettings.setValue("paths/last_folder", folder)
