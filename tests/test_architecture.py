"""The dependency direction of the code (docs/architecture.md)."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "gala_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "gala_desktop":  # from gala_desktop import paths
                found |= {f"gala_desktop.{alias.name}" for alias in node.names}
    return found


# The "may import" table of docs/architecture.md: for each part of the program, the other parts
# and the third-party libraries it may import (the standard library is always allowed).
SHARED = {"paths", "file_errors", "atomic", "temp_files", "__init__"}
MAY_IMPORT: dict[str, tuple[set[str], set[str]]] = {
    "domain": (set(), set()),
    "catalogue": ({"domain"} | SHARED, {"sqlalchemy", "snowballstemmer", "nacl"}),
    "project": ({"domain"} | SHARED, set()),
    "annex": ({"domain"} | SHARED, {"reportlab", "pikepdf", "pyphen", "PIL", "bidi", "uharfbuzz",
                                    "docx"}),
    "operations": ({"domain", "catalogue", "project", "annex"} | SHARED, set()),
    "paths": (set(), {"platformdirs"}),
    "file_errors": (set(), set()),
    "atomic": ({"temp_files"}, set()),
    "temp_files": (set(), set()),
    "startup": (set(), set()),  # loads the Qt-free parts by name; tests/ui/test_startup_modules.py
}


def part_of(module: str) -> str:
    """``gala_desktop.annex.pdf.render`` → ``annex``; ``gala_desktop`` and names defined in it
    (``gala_desktop.__version__``) → ``__init__``."""
    parts = module.split(".")
    if len(parts) > 1 and ((SRC / parts[1]).is_dir() or (SRC / f"{parts[1]}.py").is_file()):
        return parts[1]
    return "__init__"


def files_of(part: str) -> list[Path]:
    folder = SRC / part
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [SRC / f"{part}.py"]


def layer_violations(part: str) -> list[str]:
    own, libraries = MAY_IMPORT[part]
    bad = []
    for path in files_of(part):
        for module in sorted(imported_modules(path)):
            top = module.split(".")[0]
            if top == "gala_desktop":
                other = part_of(module)
                if other != part and other not in own:
                    bad.append(f"{path.relative_to(SRC)} imports {module}")
            elif top not in sys.stdlib_module_names and top not in libraries:
                bad.append(f"{path.relative_to(SRC)} imports {module}")
    return bad


@pytest.mark.parametrize("part", sorted(MAY_IMPORT))
def test_each_part_imports_only_what_the_table_allows(part):
    assert layer_violations(part) == []


def test_the_table_check_notices_a_forbidden_import(tmp_path, monkeypatch):
    (tmp_path / "annex").mkdir()
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "annex" / "export.py").write_text(
        "from gala_desktop.catalogue.repository import Catalogue\nfrom gala_desktop import paths\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "SRC", tmp_path)
    assert layer_violations("annex") == [
        "annex/export.py imports gala_desktop.catalogue.repository"
    ]


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in (SRC / folder).rglob("*.py"):
        for module in imported_modules(path):
            if module.split(".")[0] in forbidden or module.startswith(tuple(f for f in forbidden if "." in f)):
                bad.append(f"{path.relative_to(SRC)} imports {module}")
    return bad


def test_domain_imports_no_qt_sqlalchemy_or_reportlab():
    assert not offenders("domain", ("PySide6", "sqlalchemy", "reportlab", "pikepdf", "docx", "gala_desktop.ui",
                                    "gala_desktop.catalogue", "gala_desktop.project", "gala_desktop.annex"))


def test_storage_and_annex_import_no_qt():
    for folder in ("catalogue", "project", "annex"):
        assert not offenders(folder, ("PySide6", "gala_desktop.ui")), folder


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    actual = {
        "gala_desktop" + ("." + ".".join(p.parent.relative_to(SRC).parts) if p.parent != SRC else "")
        for p in SRC.rglob("__init__.py")
    }
    assert actual <= listed, f"add to pyproject.toml: {sorted(actual - listed)}"


def test_no_test_module_imports_another():
    """Shared test helpers live in a conftest.py, not in a test module others import."""
    tests = Path(__file__).resolve().parent
    bad = [
        f"{path.relative_to(tests)} imports {module}"
        for path in sorted(tests.rglob("test_*.py"))
        for module in sorted(imported_modules(path))
        if module.split(".")[-1].startswith("test_")
    ]
    assert bad == []
