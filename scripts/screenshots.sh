#!/usr/bin/env bash
# Writes the workbench screenshots of the docs to docs/images/ (offscreen, no display): every
# set-up of gala_desktop/ui/screenshots.py, the 200 % ones with QT_SCALE_FACTOR=2.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
PY=.venv/bin/python
$PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1366
QT_SCALE_FACTOR=2 $PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1920-200  # a 3840×2160 screen
QT_SCALE_FACTOR=2 $PY -m gala_desktop.ui.screenshots docs/images --setup main-window-960x540-200  # a 1920×1080 screen
$PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1366-14pt
$PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1366-contrast-black
$PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1366-contrast-white
$PY -m gala_desktop.ui.screenshots docs/images --setup main-window-1366-read-only
