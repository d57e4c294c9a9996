#!/usr/bin/env bash
# Build a wheel, install it into a fresh virtual environment outside the checkout, and use it
# from there: the demo case from the packaged seed, a dossier PDF and a timeline CSV. Proves an
# installed Casefile carries its gazetteers, fonts, templates and seed (not only a checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel -q --no-deps . -w "$work/dist" > "$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; exit 1; }
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$work"/dist/casefile-*.whl > "$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; exit 1; }
cd "$work"  # nothing of the checkout on the path from here
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
venv/bin/casefile new --from-seeds demo.casefile
venv/bin/casefile export dossier --case demo.casefile --actor "أبو رقية الأحوازي" --out dossier.pdf
venv/bin/casefile export timeline --case demo.casefile --out timeline.csv
test -s dossier.pdf && grep -q "Hatla\|حطلة" timeline.csv
echo "wheel: installed outside the checkout, demo case built, dossier and timeline exported"
