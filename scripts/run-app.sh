#!/usr/bin/env bash
# Installs GALA Desktop in .venv (system libraries included) and starts it. pip runs only when
# needed: on a fresh machine, or when pyproject.toml (version, dependencies) changed since the
# last install; the package is installed editable, so code changes need no new install.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh --with-x11
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=.venv/.gala-desktop-installed
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -x .venv/bin/gala-desktop ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e .
  echo "$wanted" > "$stamp"
fi
exec .venv/bin/gala-desktop "$@"
