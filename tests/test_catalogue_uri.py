"""The catalogue URI, also for an install on a network share (UNC) or a Windows drive."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.uri import catalogue_uri

RO = "?mode=ro&immutable=1"


@pytest.mark.parametrize("path, uri", [
    (r"\\server\share\GALA Desktop\catalogue.sqlite",
     "file:////server/share/GALA%20Desktop/catalogue.sqlite"),
    (r"\\fs01.gemeente.local\Beleid$\GALA\catalogue.sqlite",
     "file:////fs01.gemeente.local/Beleid%24/GALA/catalogue.sqlite"),
    (r"\\?\UNC\server\share\app\catalogue.sqlite", "file:////server/share/app/catalogue.sqlite"),
    (r"C:\Program Files\GALA Desktop\catalogue.sqlite",
     "file:///C:/Program%20Files/GALA%20Desktop/catalogue.sqlite"),
    (r"\\?\D:\lange map\catalogue.sqlite", "file:///D:/lange%20map/catalogue.sqlite"),
    (r"H:\Beleid #1\100% zeker?\catalogus é.sqlite",
     "file:///H:/Beleid%20%231/100%25%20zeker%3F/catalogus%20%C3%A9.sqlite"),
])
def test_windows_paths(path, uri):
    assert catalogue_uri(PureWindowsPath(path), windows=True) == uri + RO
    assert catalogue_uri(path, windows=True) == uri + RO
    assert "file://server" not in uri  # never a network authority: SQLite refuses that


def test_posix_paths():
    assert catalogue_uri(PurePosixPath("/opt/gala/catalogue.sqlite"), windows=False) == \
        "file:///opt/gala/catalogue.sqlite" + RO


def test_sqlite_opens_what_the_builder_makes(tmp_path, shipped_catalogue_path):
    folder = tmp_path / "map met #, ? en 100% é"
    folder.mkdir()
    copy = folder / "catalogue.sqlite"
    shutil.copyfile(shipped_catalogue_path, copy)
    with sqlite3.connect(catalogue_uri(copy, windows=False), uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM intervention").fetchone()[0] > 0
    # the UNC form: an empty authority and a path that starts with two slashes
    unc_style = "file:///" + catalogue_uri(copy, windows=False)[len("file://"):]
    assert unc_style.startswith("file:////")
    with sqlite3.connect(unc_style, uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM intervention").fetchone()[0] > 0
    with Catalogue.open(copy) as catalogue:
        assert catalogue.count() > 0
    with pytest.raises(sqlite3.OperationalError):  # what Path.as_uri() gives for a UNC path
        sqlite3.connect("file://server/share/catalogue.sqlite?mode=ro", uri=True)
