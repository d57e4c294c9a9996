"""The domain layer never imports the UI or Qt widgets; shipped files are found one way."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_file_in_casefile_imports_ui_or_qt_widgets():
    offenders = []
    for path in (ROOT / "casefile").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                if name == "ui" or name.startswith("ui.") or name.startswith("PySide6.QtWidgets"):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_import_linter_contract_holds():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_and_cli_load_without_qt_widgets():
    code = ("import sys, casefile.cli, casefile.db.case, casefile.search;"
            "casefile.cli.build_parser();"
            "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets loaded'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_resources_and_seeds_are_found_through_casefile_assets():
    # A path built from __file__ to resources/ or seeds/ works in a checkout and breaks in an
    # installed wheel, where they sit inside the package (casefile.assets knows both).
    offenders = []
    for path in [*(ROOT / "casefile").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        if path.name == "assets.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "Path(__file__)" in line and ('"resources"' in line or '"seeds"' in line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []


def test_cases_are_opened_with_their_listeners():
    # casefile.db.case opens a database without the search index's and the stop list's
    # listeners; everything else opens cases through casefile.cases.
    bare = {"open_database", "create_database", "create_empty_database"}
    allowed = {"casefile/cases.py", "casefile/backup.py"}
    offenders = []
    for folder in ("casefile", "ui", "tests", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            name = path.relative_to(ROOT).as_posix()
            if name in allowed or name.startswith("casefile/db/"):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and bare & {a.name for a in node.names}:
                    offenders.append(f"{name}:{node.lineno}")
    assert offenders == []
