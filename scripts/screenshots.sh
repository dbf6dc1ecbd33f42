#!/usr/bin/env bash
# Writes the workbench screenshots of docs/werkbank.md to docs/images/ (offscreen, no display).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
PY=.venv/bin/python
$PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1366
QT_SCALE_FACTOR=2 $PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1920-200
$PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1366-14pt
