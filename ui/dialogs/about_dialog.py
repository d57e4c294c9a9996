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


# Data shipped with Casefile whose licences ask for attribution (bibliographic: not translated).
DATA_CREDITS = (
    "Syrian administrative divisions: OpenSyria data-geography (GeoNames, geoBoundaries, "
    "Wikidata, HDX), CC BY 4.0",
    "Populated places: GeoNames (geonames.org), CC BY 4.0",
    "Entity model (resources/ner), CC BY-SA 3.0: trained on WikiFANE Gold (Alotaibi & Lee, "
    "COLING 2014), AQMAR (Mohit et al., EACL 2012), Wojood (Jarrar et al., LREC 2022, MIT)",
)


def show_about(parent: QWidget) -> QMessageBox:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>" for k, v in versions().items())
    credits = "".join(f"<li>{c}</li>" for c in DATA_CREDITS)
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(parent.tr("About Casefile"))
    box.setText(parent.tr("<h3>Casefile</h3><p>Offline, Arabic-first case files for conflict "
                          "analysts: actor dossiers, incident timelines and the sources behind "
                          "every fact.</p>") + f"<table>{rows}</table>"
                + f"<p><small><ul>{credits}</ul></small></p>")
    box.open()
    return box
