"""Unusual but legal projects: the annex still says clearly what is (not) there."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from gala_desktop.annex.builder import build_annex
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.export import export_project
from gala_desktop.annex.model import Paragraph, rich_plain_text
from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry, ThemeChoice
from gala_desktop.domain.themes import theme_name
from gala_desktop.project.document import load_project, save_project


def _entry(catalogue, key, theme, **plan):
    entry = ShortlistEntry.for_intervention(catalogue.get(key), theme)
    entry.status = EntryStatus.CHOSEN
    for name, value in plan.items():
        setattr(entry.plan, name, value)
    return entry


def _notices(doc) -> list[str]:
    return [rich_plain_text(b.runs) for b in doc.blocks if isinstance(b, Paragraph)]


def test_missing_budget_of_a_twice_chosen_intervention_names_its_theme(catalogue, tmp_path):
    # The same intervention under two themes, € 0 under one and no budget under the other: the
    # notice must say which of the two still lacks a budget.
    project = Project(gemeente="Lindeveen", title="Visie", date=dt.date(1, 1, 1))
    project.themes.append(ThemeChoice("eenzaamheid"))
    project.shortlist += [
        _entry(catalogue, "resto-vanharte", "eenzaamheid", budget_cents=0,
               start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31)),
        _entry(catalogue, "resto-vanharte", "mantelzorg"),  # theme not among the chosen ones
    ]
    path = tmp_path / "twee keer.gala"
    save_project(project, path)
    assert load_project(path) == project
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    [notice] = [t for t in _notices(doc) if "geen budget ingevuld" in t]
    assert f"ingevuld: Resto VanHarte onder {theme_name('mantelzorg')}." in notice
    assert theme_name("eenzaamheid") not in notice
    out = tmp_path / "bijlage.pdf"
    export_project(project, out, catalogue=catalogue)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "1 januari 1 – 31 december 9999" in text


def test_missing_budget_of_a_single_entry_is_named_plainly(catalogue):
    project = Project(gemeente="Lindeveen", title="Visie")
    project.themes.append(ThemeChoice("eenzaamheid"))
    project.shortlist += [_entry(catalogue, "resto-vanharte", "eenzaamheid"),
                          _entry(catalogue, "de-luisterlijn", "eenzaamheid", budget_cents=100)]
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    [notice] = [t for t in _notices(doc) if "geen budget ingevuld" in t]
    assert "nog geen budget ingevuld: Resto VanHarte." in notice
