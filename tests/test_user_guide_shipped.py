"""The user guide behind F1 ships with an installed wheel and the bundle: the Markdown and
every image it shows (a guide found only in the source tree would fail once installed)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "werkbank.md"


def _images_in_guide() -> set[str]:
    return set(re.findall(r"\]\((images/[^)]+)\)", GUIDE.read_text(encoding="utf-8")))


def _wheel_files(package: str) -> tuple[Path, set[str]]:
    """The folder a package is built from and the files its package data takes from it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert package in config["packages"]
    folder = ROOT / config["package-dir"][package]
    files = {str(path.relative_to(folder)) for pattern in config["package-data"][package]
             for path in folder.glob(pattern) if path.is_file()}
    return folder, files


def test_the_wheel_carries_the_guide_and_every_image_it_shows():
    folder, files = _wheel_files("gala_desktop.user_guide")
    assert folder == GUIDE.parent
    images = _images_in_guide()
    assert len(images) >= 4
    assert {"werkbank.md"} | images <= files, sorted(({"werkbank.md"} | images) - files)


def test_the_guide_is_looked_up_where_the_wheel_puts_it(monkeypatch, tmp_path):
    from gala_desktop import paths

    installed = tmp_path / "site-packages" / "gala_desktop"
    (installed / "user_guide").mkdir(parents=True)
    (installed / "user_guide" / "werkbank.md").write_text("# De werkbank", encoding="utf-8")
    monkeypatch.setattr(paths, "_PACKAGE_DIR", installed)
    monkeypatch.setattr(paths, "_SOURCE_ROOT", tmp_path / "no-source-tree")
    assert paths.user_guide() == installed / "user_guide" / "werkbank.md"


def test_the_bundle_takes_the_images_from_the_guide():
    spec = (ROOT / "packaging" / "gala-desktop.spec").read_text(encoding="utf-8")
    assert 'ROOT / "docs" / "werkbank.md").read_text' in spec  # the list is read, not typed
