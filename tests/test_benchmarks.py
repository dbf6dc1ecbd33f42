"""The benchmark suite: its synthetic catalogue is a valid, searchable catalogue, and the quick
run works end to end. Nothing here asserts anything about time."""

from __future__ import annotations

import collections
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import synthetic
from benchmarks.stats import Summary, growth_exponent, percentile
from gala_desktop.catalogue.builder import write_database
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.source import CatalogueSource
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import THEMES_BY_KEY

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():
    with Catalogue.open() as real:
        return synthetic.corpus_from(real.all()), real.target_groups(), real.checked_on


def test_synthetic_catalogue_of_200_builds_through_the_real_builder_and_searches(corpus, tmp_path):
    model, groups, checked_on = corpus
    interventions = synthetic.generate(200, model)
    assert synthetic.generate(200, model) == interventions  # deterministic
    assert len({i.key for i in interventions}) == 200
    assert len({i.name.casefold() for i in interventions}) == 200
    for item in interventions:
        assert item.summary and item.aim and item.approach and item.owner
        assert item.listings and item.theme_keys and item.target_groups
        assert all(key in THEMES_BY_KEY for key in item.theme_keys)
    themes_used = collections.Counter(k for i in interventions for k in i.theme_keys)
    assert len(themes_used) >= 8  # spread over the taxonomy, not one theme

    path = tmp_path / "synthetic.sqlite"
    write_database(CatalogueSource("Synthetisch", checked_on, groups, interventions), path)
    with Catalogue.open(path) as built:
        assert built.count() == 200
        assert sorted(built.keys()) == sorted(i.key for i in interventions)
        first = built.get(interventions[0].key)
        assert first == interventions[0]

        typed = built.search(SearchQuery(text="een"))
        assert 0 < typed.total <= 200
        filtered = built.search(SearchQuery(text="een", theme_keys=frozenset({"eenzaamheid"})))
        assert 0 < filtered.total < typed.total
        assert all("eenzaamheid" in hit.theme_keys for hit in filtered.items)
        # A distinctive word of one synthetic text is found back.
        word = max(interventions[5].summary.split(), key=len).strip(".,;:()")
        hits = built.search(SearchQuery(text=word, limit=500))
        assert interventions[5].key in {hit.key for hit in hits.items}


def test_stats_percentile_and_growth_exponent():
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([1, 2, 3, 4, 5], 95) == pytest.approx(4.8)
    assert Summary.of([3.0, 1.0, 2.0]) == Summary(2.0, pytest.approx(2.9), 3)
    assert growth_exponent([10, 100, 500], [1, 10, 50]) == pytest.approx(1.0)
    assert growth_exponent([10, 100], [1, 100]) == pytest.approx(2.0)


def test_quick_run_exits_zero_and_leaves_the_committed_report_alone(tmp_path):
    committed = ROOT / "docs" / "benchmarks.md"
    before = committed.read_bytes() if committed.exists() else None
    output = tmp_path / "quick.md"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--cache-dir", str(tmp_path / "cache"),
         "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    for title in ("Cold start", "Search", "Annex export", "Peak memory", "Project save and open"):
        assert title in proc.stdout
    assert "target:" in proc.stdout
    assert "same widgets + the program's Qt-free layers" in proc.stdout  # the start-up's decomposition
    markdown = output.read_text(encoding="utf-8")
    assert markdown.startswith("# Benchmarks")
    assert "| target | measured | verdict |" in markdown
    assert (committed.read_bytes() if committed.exists() else None) == before
