"""The dependency direction of the code (docs/architecture.md)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "gala_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


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
