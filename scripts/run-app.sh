#!/usr/bin/env bash
# Installs GALA Desktop in .venv (system libraries included) and starts it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh --with-x11
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/gala-desktop "$@"
