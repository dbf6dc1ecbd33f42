#!/usr/bin/env bash
# Installs the system libraries Qt needs on Debian/Ubuntu (Windows needs none: the Qt wheels
# carry everything). A font package is included: without one Qt draws every character as a box.
set -euo pipefail

QT_LIBS="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
X11_LIBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
libxcb-render-util0 libxcb-shape0 libxcb-xkb1"
# libpython3-dev: the shared Python library the frozen bundle (packaging/) needs.
TOOLS="python3-venv poppler-utils libpython3-dev"

packages="$QT_LIBS $TOOLS"
if [ "${1:-}" = "--with-x11" ]; then
  packages="$packages $X11_LIBS"
fi

missing=""
for pkg in $packages; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Geen apt-get gevonden. Installeer zelf:$missing" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
