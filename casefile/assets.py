"""Where the shipped resources (fonts, gazetteers, templates, translations, base map) and the
seed reports are.

They live at the top of the source tree (``resources/``, ``seeds/``) and a wheel carries them
inside the package (``casefile/resources``, ``casefile/seeds``: ``setup.py`` copies them in at
build time), so an installed Casefile finds them through ``importlib.resources`` and a
checkout finds them beside the package.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _located(name: str) -> Path:
    packaged = Path(str(files("casefile") / name))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / name


def resources_dir() -> Path:
    return _located("resources")


def resource(*parts: str) -> Path:
    """A file or folder under ``resources/``, e.g. ``resource("fonts", "OFL.txt")``."""
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    return _located("seeds")
