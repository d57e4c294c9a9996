"""The domain layer never imports the UI or Qt widgets."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
