"""The ``file:`` URI by which SQLite opens the catalogue read-only, also from a network path.

``Path.as_uri()`` writes a UNC path (``\\\\server\\share\\GALA\\catalogue.sqlite``) as
``file://server/share/…``: a URI with a network *authority*, which SQLite refuses unless it
was compiled with ``SQLITE_ALLOW_URI_AUTHORITY`` (the one in Python is not). SQLite accepts an
empty authority followed by the UNC path itself — ``file:////server/share/…`` — and hands that
path to Windows, which opens it. Drive paths become ``file:///C:/…``. Characters that mean
something in a URI (``?``, ``#``, ``%``, spaces, non-ASCII) are percent-encoded.
"""

from __future__ import annotations

import os
from pathlib import PurePath, PureWindowsPath
from urllib.parse import quote

READ_ONLY = "?mode=ro&immutable=1"


def _windows_path(path: PureWindowsPath) -> str:
    text = str(path).replace("\\", "/")
    if text.startswith("//?/UNC/"):  # extended-length UNC: \\?\UNC\server\share
        text = "//" + text[len("//?/UNC/"):]
    elif text.startswith("//?/") or text.startswith("//./"):  # \\?\C:\...
        text = text[4:]
    if text.startswith("//"):
        return text  # //server/share/... (UNC)
    return "/" + text  # /C:/...


def catalogue_uri(path: PurePath | str, *, windows: bool | None = None) -> str:
    """``file:`` URI for opening the database at the absolute ``path`` read-only."""
    if windows is None:
        windows = os.name == "nt"
    if windows:
        location = _windows_path(PureWindowsPath(path))
    else:
        location = PurePath(path).as_posix()
    return "file://" + quote(location, safe="/:") + READ_ONLY
