#!/usr/bin/env bash
# Build the one-folder GALA Desktop bundle with PyInstaller.
#
#     bash packaging/build-bundle.sh VENV [OUT_DIR]
#
# VENV is a virtual environment in which gala-desktop is installed (e.g. the .venv made by
# scripts/run-tests.sh); PyInstaller is installed into it. The bundle lands in
# OUT_DIR/gala-desktop (default OUT_DIR: build/dist); scratch files in OUT_DIR/../pyinstaller.
# Then check it with: bash packaging/smoke-test.sh build/dist/gala-desktop
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "gebruik: $0 VENV [OUT_DIR]" >&2
    exit 2
fi
REPO="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$(cd "$1" && pwd)"
OUT="${2:-$REPO/build/dist}"
PY="$VENV/bin/python"
[ -x "$PY" ] || PY="$VENV/Scripts/python.exe"
[ -x "$PY" ] || { echo "Geen Python gevonden in $VENV" >&2; exit 1; }

"$PY" -c "import gala_desktop" 2>/dev/null || {
    echo "gala-desktop is niet geïnstalleerd in $VENV (pip install -e .)" >&2
    exit 1
}
# On Debian/Ubuntu PyInstaller also needs the shared Python library (package libpython3.X,
# e.g. via libpython3-dev); it says so itself when it is missing.
"$PY" -m pip install -q "pyinstaller>=6.10,<7"
# On Linux the spec links a smaller ICU data library (packaging/icu_data.py) with gcc.
if [ "$(uname -s)" = Linux ] && ! command -v gcc >/dev/null; then
    if command -v apt-get >/dev/null; then
        sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends gcc >/dev/null
    fi
    command -v gcc >/dev/null || { echo "gcc is nodig om de bundel te bouwen (kleinere ICU-data)" >&2; exit 1; }
fi

start=$(date +%s)
cd "$REPO"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUT" --workpath "$(dirname "$OUT")/pyinstaller" packaging/gala-desktop.spec
echo "Bundel gebouwd in $(( $(date +%s) - start )) s: $OUT/gala-desktop ($(du -sm "$OUT/gala-desktop" | cut -f1) MB volgens du -sm)"
