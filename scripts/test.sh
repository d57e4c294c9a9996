#!/usr/bin/env bash
# Set up (when needed) and run the whole test suite, on SQLite and on a throwaway
# PostgreSQL server the tests start themselves. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
export QT_QPA_PLATFORM=offscreen
# QtWebEngine (PDF export) refuses to run as root with its sandbox on; we render
# only our own templates with it.
export QTWEBENGINE_DISABLE_SANDBOX=1
exec .venv/bin/python -m pytest "$@"
