"""Casefile: an offline, Arabic-first case-file manager for conflict analysts.

This package is the domain layer: models, storage, import, extraction, search,
export logic and the command line. It never imports ``ui`` or Qt widgets.
"""

__version__ = "0.1.0"
