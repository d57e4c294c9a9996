"""Start-up: `casefile` opens the last case or builds the demo case; `casefile gui CASE`."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from sqlalchemy import func, select

from casefile.cases import create_case
from casefile.cli import build_parser
from casefile.cli import main as cli_main
from casefile.db import models as m
from ui.core import app as desk_app
from ui.core.settings import AppSettings


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    QStandardPaths.setTestModeEnabled(False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    desk_app.make_application()
    yield tmp_path
    QStandardPaths.setTestModeEnabled(True)


def _window(qtbot, tmp_path):
    from ui.desk.main_window import MainWindow

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    return window, settings


def test_cli_routes_to_the_gui(monkeypatch):
    seen = []
    monkeypatch.setattr(desk_app, "main", lambda case=None: seen.append(case) or 0)
    args = build_parser().parse_args(["gui", "x.casefile"])
    assert args.case == "x.casefile"
    assert cli_main(["gui", "x.casefile"]) == 0
    assert cli_main([]) == 0
    assert seen == ["x.casefile", None]


def test_first_run_builds_the_demo_case_then_reopens_the_last_case(user_dirs, qtbot):
    window, settings = _window(qtbot, user_dirs)
    startup = desk_app.Startup(window, settings)
    with qtbot.waitSignal(window.case_opened, timeout=120000):
        startup.start()
    assert startup.progress is not None  # built with progress, off the UI thread
    demo = desk_app.demo_case_path()
    assert demo.exists() and str(demo).startswith(str(user_dirs / "data"))
    assert window.windowTitle() == "Demo case — Casefile"
    with window.handle.case.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Source)) >= 1
        assert s.scalar(select(m.Source.file_name)).endswith(".txt")
    assert Path(settings.last_case()) == demo.resolve()
    window.close()

    again, settings = _window(qtbot, user_dirs)
    with qtbot.waitSignal(again.case_opened, timeout=20000):
        desk_app.Startup(again, settings).start()
    assert again.windowTitle() == "Demo case — Casefile"
    again.close()


def test_gui_case_argument_opens_that_case(user_dirs, qtbot):
    create_case(user_dirs / "field.casefile", name="Field work").close()
    window, settings = _window(qtbot, user_dirs)
    with qtbot.waitSignal(window.case_opened, timeout=20000):
        desk_app.Startup(window, settings).start(str(user_dirs / "field.casefile"))
    assert window.windowTitle() == "Field work — Casefile"
    window.close()
