#!/usr/bin/env bash
# Set up (when needed) and start Casefile. Arguments go to the `casefile` command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/casefile "$@"
