"""UI tests: the desk fixture (the main window with the sample case open).

Kept apart from ``ui_support`` (plain helpers that tests import) so that no module is
both imported and registered as a plugin.
"""

import pytest
from ui_support import build_sample, make_window, open_in


@pytest.fixture
def desk(qtbot, sqlite_case, tmp_path, monkeypatch):
    """(window, ids): the main window with the sample case open."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtGui import QDesktopServices

    from ui.core.app import make_application
    from ui.dialogs import messages as dialogs

    QStandardPaths.setTestModeEnabled(True)  # no user settings or data folders touched
    make_application()
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.DISCARD)
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)  # no viewer launched
    ids = build_sample(sqlite_case)
    window = make_window(tmp_path, qtbot)
    open_in(window, qtbot, sqlite_case.path)
    yield window, ids
    window.close()
