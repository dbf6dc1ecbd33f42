"""The shipped sample project is complete, current with the catalogue and reproducible."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from gala_desktop.domain.project import AccessAspect, EntryStatus, InterventionSnapshot
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS
from gala_desktop.domain.changes import catalogue_changes, shortlist_keys
from gala_desktop.project.document import load_project

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE = EXAMPLES / "voorbeeld-gemeente-lindeveen.gala"


@pytest.fixture(scope="module")
def example():
    return load_project(EXAMPLE)


def test_covers_every_required_theme_with_a_chosen_entry(example):
    chosen_themes = example.chosen_theme_keys()
    for key in REQUIRED_THEME_KEYS:
        assert key in chosen_themes
        assert example.theme_choice(key).rationale.strip()
        assert any(e.status is EntryStatus.CHOSEN for e in example.entries_for(key)), key
    assert "vitaal-ouder-worden" in chosen_themes


def test_shortlist_is_full_and_filled(example):
    assert example.gemeente == "Lindeveen" and example.title == "Samen sterk in Lindeveen"
    assert example.period == "2025–2028" and len(example.authors) >= 2 and example.introduction
    assert len(example.shortlist) >= 14
    statuses = [e.status for e in example.shortlist]
    assert statuses.count(EntryStatus.CHOSEN) > len(statuses) / 2
    assert EntryStatus.CONSIDERING in statuses and statuses.count(EntryStatus.DROPPED) == 1
    assert len({e.id for e in example.shortlist}) == len(example.shortlist)
    for entry in example.shortlist:
        assert entry.theme_key in example.chosen_theme_keys()
        assert set(entry.plan.access) == set(AccessAspect)
        assert all(answer.strip() for answer in entry.plan.access.values())
        assert entry.plan.checklist and entry.plan.partners and entry.plan.responsible
        if entry.status is EntryStatus.CHOSEN:
            plan = entry.plan
            assert plan.budget_cents and plan.funding_source and plan.start < plan.end
            assert plan.neighbourhoods and plan.monitoring


def test_every_snapshot_matches_the_catalogue(example, catalogue):
    for entry in example.shortlist:
        intervention = catalogue.get(entry.intervention_key)
        assert intervention is not None, entry.intervention_key
        assert entry.snapshot == InterventionSnapshot.of(intervention), entry.intervention_key
        assert [i.kind for i in entry.plan.checklist] == [c.kind for c in intervention.conditions]
    assert catalogue_changes(example.shortlist, catalogue.get_many(shortlist_keys(example))) == []


def test_committed_example_equals_a_fresh_build(example, catalogue, monkeypatch):
    """Regenerate with ``python examples/make_sample.py`` when this fails."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    spec = importlib.util.spec_from_file_location("make_sample", EXAMPLES / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        assert module.build_project(catalogue) == example
    finally:
        for name in ("sample_content", "sample_entries"):
            sys.modules.pop(name, None)
