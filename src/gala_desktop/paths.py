"""Where the program finds its shipped files and keeps the user's files.

Shipped, read-only files (catalogue, fonts, icons, translations) are looked up in one place, so
that the same code works from a source checkout, an installed wheel and a frozen bundle. Nothing
is ever resolved against the working directory. User files (settings, recent list, recovery
files) live in the platformdirs locations, or beside the executable in portable mode.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "GALA Desktop"
APP_AUTHOR = "GALA Desktop"
PORTABLE_MARKER = "portable.txt"

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent  # the checkout, when run from src/


def _frozen_root() -> Path | None:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def _first_existing(candidates: list[Path]) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


def resources_dir() -> Path:
    """The folder holding fonts, icons and translations."""
    candidates = []
    frozen = _frozen_root()
    if frozen:
        candidates.append(frozen / "gala_desktop" / "resources")
    candidates += [_PACKAGE_DIR / "resources", _SOURCE_ROOT / "resources"]
    return _first_existing(candidates)


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def shipped_catalogue() -> Path:
    """The catalogue database that ships with the program (opened read-only)."""
    candidates = []
    frozen = _frozen_root()
    if frozen:
        candidates.append(frozen / "gala_desktop" / "shipped_data" / "catalogue.sqlite")
    candidates += [
        _PACKAGE_DIR / "shipped_data" / "catalogue.sqlite",
        _SOURCE_ROOT / "data" / "catalogue.sqlite",
    ]
    return _first_existing(candidates)


def trusted_keys_dir() -> Path:
    """The public keys whose catalogue update files the program accepts."""
    return resource("catalogue-keys")


def machine_catalogue_dir() -> Path:
    """Where IT places catalogue update files (``*.galacat``) for every user of the machine.

    Windows: ``C:\\ProgramData\\GALA Desktop\\catalogus``; Linux: ``/usr/local/share/GALA Desktop/catalogus``
    (the first folder of ``$XDG_DATA_DIRS``). Only read, never written.
    """
    return Path(platformdirs.site_data_dir(APP_NAME, appauthor=False)) / "catalogus"


def catalogue_source_dir() -> Path:
    """The reviewable text source of the catalogue (only present in a source checkout)."""
    return _SOURCE_ROOT / "data" / "catalogue"


def _executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def is_portable() -> bool:
    """Portable mode: a marker file next to the frozen executable keeps user data beside it."""
    return bool(getattr(sys, "frozen", False)) and (_executable_dir() / PORTABLE_MARKER).exists()


def config_dir() -> Path:
    if is_portable():
        return _executable_dir() / "gebruikersgegevens" / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=True))


def data_dir() -> Path:
    if is_portable():
        return _executable_dir() / "gebruikersgegevens" / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=True))


def catalogue_store_dir() -> Path:
    """Installed catalogue updates (the program folder itself is read-only)."""
    return data_dir() / "catalogus"


def recovery_dir() -> Path:
    return data_dir() / "herstel"


def settings_file() -> Path:
    return config_dir() / "settings.ini"
