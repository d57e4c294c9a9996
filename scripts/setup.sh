#!/usr/bin/env bash
# Set up Casefile on this machine: system packages (Debian/Ubuntu, when missing),
# a virtual environment in .venv with the Python packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
WITH_TESTS="${1:-}"

# Libraries Qt and QtWebEngine load, Arabic fonts,
# Tesseract 5 with its Arabic and English models (OCR of scans and photos),
# and what the tests use (poppler-utils for pdftotext/pdffonts, qpdf for an encrypted PDF, PostgreSQL for the team backend, Xvfb for screenshots).
SYSTEM_PACKAGES=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxshmfence1 libgbm1 libxkbfile1
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
  libxcb-image0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcursor1 libxi6
  fonts-noto-core fonts-dejavu-core
  tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng
)
TEST_PACKAGES=(poppler-utils qpdf postgresql xvfb xauth)
# Renamed in newer Debian/Ubuntu (64-bit time_t): take whichever the archive has.
ALTERNATIVES=("libasound2t64|libasound2")

install_system_packages() {
  command -v apt-get >/dev/null 2>&1 || { echo "setup: not Debian/Ubuntu; install Qt's libraries yourself" >&2; return 0; }
  local wanted=("${SYSTEM_PACKAGES[@]}")
  [[ "$WITH_TESTS" == "--tests" ]] && wanted+=("${TEST_PACKAGES[@]}")
  "$PYTHON" -m venv --help >/dev/null 2>&1 || wanted+=(python3-venv)
  local missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  local alt_missing=()
  for alt in "${ALTERNATIVES[@]}"; do
    local have=0
    for pkg in ${alt//|/ }; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" && have=1
    done
    [[ $have == 1 ]] || alt_missing+=("$alt")
  done
  [[ ${#missing[@]} -eq 0 && ${#alt_missing[@]} -eq 0 ]] && return 0
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "setup: installing system packages: ${missing[*]} ${alt_missing[*]}" >&2
  $sudo apt-get update -qq
  for alt in "${alt_missing[@]}"; do
    for pkg in ${alt//|/ }; do
      if apt-cache show "$pkg" >/dev/null 2>&1; then missing+=("$pkg"); break; fi
    done
  done
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

install_python_packages() {
  [[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
  local extras="" stamp=".venv/.casefile-installed"
  [[ "$WITH_TESTS" == "--tests" ]] && extras="[test]"
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)$extras"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "setup: installing Python packages into .venv" >&2
    { .venv/bin/python -m pip install -q --upgrade pip &&
      .venv/bin/python -m pip install -q -e ".${extras}"; } > .venv/pip.log 2>&1 ||
      { cat .venv/pip.log >&2; echo "setup: pip failed (log above)" >&2; exit 1; }
    echo "$want" > "$stamp"
  fi
}

install_system_packages
install_python_packages
