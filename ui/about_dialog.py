"""Help → About: what this is, and the versions it runs on."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from casefile import __version__


def versions() -> dict[str, str]:
    def of(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:
            return "?"

    from casefile.db.case import head_revision

    return {"Casefile": __version__, "Case schema": head_revision(),
            "Python": platform.python_version(), "Qt": qVersion(),
            "PySide6": PySide6.__version__, "SQLAlchemy": of("SQLAlchemy"),
            "qtawesome": of("qtawesome"), "System": platform.platform(terse=True)}


def show_about(parent: QWidget) -> QMessageBox:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>" for k, v in versions().items())
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(parent.tr("About Casefile"))
    box.setText(parent.tr("<h3>Casefile</h3><p>Offline, Arabic-first case files for conflict "
                          "analysts: actor dossiers, incident timelines and the sources behind "
                          "every fact.</p>") + f"<table>{rows}</table>")
    box.open()
    return box
