"""Where the program finds its shipped files and keeps user files: checkout, frozen, portable.

``tests/conftest.py`` redirects the user-file functions of ``gala_desktop.paths`` to a temp
folder in every test. To test the real functions, these tests load a private copy of the
module from the same file; it shares ``sys``, so patching ``sys.frozen`` reaches it.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import platformdirs
import pytest

from gala_desktop import paths

REPO = Path(__file__).resolve().parent.parent
SPEC_FILE = REPO / "packaging" / "gala-desktop.spec"


@pytest.fixture()
def real_paths():
    """A fresh, unpatched copy of gala_desktop.paths."""
    spec = importlib.util.spec_from_file_location("_paths_under_test", paths.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def frozen_app(tmp_path, monkeypatch):
    """A fake one-folder bundle: the executable, and _internal/ as sys._MEIPASS."""
    app = tmp_path / "GALA Desktop"
    internal = app / "_internal"
    (internal / "gala_desktop" / "resources" / "fonts").mkdir(parents=True)
    (internal / "gala_desktop" / "shipped_data").mkdir(parents=True)
    (internal / "gala_desktop" / "shipped_data" / "catalogue.sqlite").write_bytes(b"bundled")
    (internal / "gala_desktop" / "user_guide").mkdir(parents=True)
    (internal / "gala_desktop" / "user_guide" / "werkbank.md").write_text("# bundled", encoding="utf-8")
    executable = app / "gala-desktop.exe"
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    return app


def _is_inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


# --- shipped files ---------------------------------------------------------------------------


def test_shipped_catalogue_is_found_and_opens(real_paths):
    from gala_desktop.catalogue.repository import Catalogue

    path = real_paths.shipped_catalogue()
    assert path.is_absolute() and path.is_file()
    with Catalogue.open(path) as catalogue:
        assert catalogue.count() >= 48


def test_fonts_and_icons_are_found(real_paths):
    fonts = real_paths.resource("fonts")
    assert fonts.is_absolute() and fonts.is_dir()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"):
        assert (fonts / name).is_file(), name
    assert real_paths.resource("icons", "gala-desktop.png").is_file()
    assert real_paths.resource("icons", "gala-desktop.ico").is_file()


def test_nothing_resolves_against_the_working_directory(tmp_path, monkeypatch, real_paths):
    # a decoy checkout layout in the working directory must never be picked up
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"not a font")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "catalogue.sqlite").write_bytes(b"not a database")
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    fresh = importlib.util.module_from_spec(importlib.util.spec_from_file_location("_paths_cwd", paths.__file__))
    fresh.__spec__.loader.exec_module(fresh)  # imported while the decoy is the working directory

    for module in (real_paths, fresh):
        found = [
            module.resources_dir(), module.resource("fonts"), module.shipped_catalogue(),
            module.catalogue_source_dir(), module.config_dir(), module.data_dir(),
            module.recovery_dir(), module.settings_file(),
        ]
        for path in found:
            assert path.is_absolute(), path
            assert not _is_inside(path, tmp_path), f"{path} resolved against the working directory"
        assert not module.is_portable()

    from gala_desktop.catalogue.repository import Catalogue

    with Catalogue.open() as catalogue:  # the shipped one, not the decoy
        assert catalogue.count() >= 48


# --- frozen bundle -----------------------------------------------------------------------------


def test_frozen_bundle_files_come_from_meipass(frozen_app, real_paths):
    internal = frozen_app / "_internal"
    assert real_paths.resources_dir() == internal / "gala_desktop" / "resources"
    assert real_paths.resource("fonts") == internal / "gala_desktop" / "resources" / "fonts"
    assert real_paths.shipped_catalogue() == internal / "gala_desktop" / "shipped_data" / "catalogue.sqlite"
    assert real_paths.user_guide() == internal / "gala_desktop" / "user_guide" / "werkbank.md"


def test_spec_puts_shipped_files_where_paths_looks_for_them():
    """The PyInstaller spec and paths.py must agree on the bundle layout."""
    spec = SPEC_FILE.read_text(encoding="utf-8")
    targets = dict(re.findall(r'\(str\(ROOT / "([a-z]+)"[^)]*\), "(gala_desktop/[a-z_]+)', spec))
    assert targets == {"resources": "gala_desktop/resources", "data": "gala_desktop/shipped_data",
                       "docs": "gala_desktop/user_guide"}
    assert '"werkbank.md"), "gala_desktop/user_guide"' in spec
    assert '"catalogue.sqlite"), "gala_desktop/shipped_data"' in spec


def test_frozen_user_files_go_to_platformdirs_not_next_to_the_program(frozen_app, real_paths):
    assert not real_paths.is_portable()
    assert real_paths.config_dir() == Path(
        platformdirs.user_config_dir(paths.APP_NAME, paths.APP_AUTHOR, roaming=True)
    )
    assert real_paths.data_dir() == Path(platformdirs.user_data_dir(paths.APP_NAME, paths.APP_AUTHOR, roaming=True))
    for path in (real_paths.config_dir(), real_paths.data_dir(), real_paths.recovery_dir(), real_paths.settings_file()):
        assert not _is_inside(path, frozen_app), f"{path} is inside the program folder"


def test_portable_mode_keeps_user_files_beside_the_program(frozen_app, real_paths):
    (frozen_app / paths.PORTABLE_MARKER).write_text("draagbaar\n", encoding="utf-8")
    assert real_paths.is_portable()
    user = frozen_app / "gebruikersgegevens"
    assert real_paths.config_dir() == user / "config"
    assert real_paths.data_dir() == user / "data"
    assert real_paths.recovery_dir() == user / "data" / "herstel"
    assert real_paths.settings_file() == user / "config" / "settings.ini"
    # shipped files still come from the bundle
    assert real_paths.shipped_catalogue() == frozen_app / "_internal" / "gala_desktop" / "shipped_data" / "catalogue.sqlite"


def test_marker_is_ignored_when_not_frozen(tmp_path, monkeypatch, real_paths):
    """A portable.txt next to a plain Python interpreter must not switch modes."""
    python_dir = tmp_path / "venv" / "bin"
    python_dir.mkdir(parents=True)
    (python_dir / "python").write_bytes(b"")
    (python_dir / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(python_dir / "python"))
    assert not real_paths.is_portable()
    assert not _is_inside(real_paths.config_dir(), tmp_path)


def test_portable_user_files_are_written_only_to_the_portable_folder(frozen_app, real_paths, monkeypatch, qapp):
    """End to end: settings, recent list and a recovery file go where portable mode says."""
    from gala_desktop.domain.project import Project
    from gala_desktop.project.recovery import RecoveryStore
    from gala_desktop.ui.settings import AppSettings

    (frozen_app / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    for name in ("config_dir", "data_dir", "recovery_dir", "settings_file"):
        monkeypatch.setattr(paths, name, getattr(real_paths, name))  # undo conftest's redirection
    before = set(frozen_app.rglob("*"))

    settings = AppSettings()
    project_file = frozen_app.parent / "visie.gala"
    project_file.write_text("{}", encoding="utf-8")
    settings.add_recent_file(project_file)
    settings.sync()
    RecoveryStore().write(Project(title="Visie"), None, "sessie1")

    written = set(frozen_app.rglob("*")) - before
    user = frozen_app / "gebruikersgegevens"
    assert user / "config" / "settings.ini" in written
    assert any(p.parent == user / "data" / "herstel" for p in written)
    assert all(_is_inside(p, user) for p in written), sorted(written)
