"""Random text + filter searches at one size: ``python -m benchmarks.search_random [SIZE] [N]``.

The five filter cases of the search benchmark are chosen by hand; this draws ``N`` (default 60)
combinations of one or two common words with one to three facets (a theme, a target group, a
databank, a minimum level) from a fixed seed, and times ``Catalogue.search`` on each (median of
three after one warm-up, the previous keystroke forgotten). It prints how many take more than
50 ms, the median, p95 and worst, split into narrow searches (at most 200 matches, counted and
ordered in full) and broad ones. Only ``Catalogue.search`` is used, so the same script measures
any version of the program. It measures; it changes nothing.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from benchmarks import synthetic
from benchmarks.stats import percentile
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import THEMES

WORDS = ("sport", "ouderen", "jongeren", "gezond", "bewegen", "buurt", "zorg", "school", "ouders",
         "eenzaam", "wijk", "samen", "vrijwilligers", "leefstijl", "mantelzorg", "preventie",
         "opvoeding", "kinderen", "voeding", "ontmoeten", "armoede", "welzijn", "training")
LIMIT_MS = 50.0


def combinations(count: int, groups: list[str], seed: int = 13) -> list[SearchQuery]:
    rng = random.Random(seed)
    levels = [level for level in RecognitionLevel if level.rank > 0]
    queries = []
    for _ in range(count):
        facets = rng.sample(("theme", "group", "databank", "level"), rng.randint(1, 3))
        queries.append(SearchQuery(
            text=" ".join(rng.sample(WORDS, rng.randint(1, 2))),
            theme_keys=frozenset({rng.choice(THEMES).key}) if "theme" in facets else frozenset(),
            target_group_keys=frozenset({rng.choice(groups)}) if "group" in facets else frozenset(),
            databanks=frozenset({rng.choice(list(Databank))}) if "databank" in facets else frozenset(),
            min_level=rng.choice(levels) if "level" in facets else None,
        ))
    return queries


def describe(query: SearchQuery) -> str:
    parts = [repr(query.text)] + sorted(query.theme_keys) + sorted(query.target_group_keys)
    parts += sorted(d.value for d in query.databanks)
    if query.min_level is not None:
        parts.append(f"≥ {query.min_level.value}")
    return " + ".join(parts)


def measure(size: int, count: int) -> list[tuple[float, SearchQuery, int, bool]]:
    """(median ms, query, total, exact) per combination."""
    with Catalogue.open(synthetic.cached_catalogue(size)) as catalogue:
        out = []
        for query in combinations(count, [g.key for g in catalogue.target_groups()]):
            times = []
            for _ in range(4):
                catalogue._last = None  # as after a search this one does not narrow
                started = time.perf_counter()
                result = catalogue.search(query)
                times.append((time.perf_counter() - started) * 1000)
            out.append((statistics.median(times[1:]), query, result.total, result.exact))
    return out


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 100_000
    count = int(argv[1]) if len(argv) > 1 else 60
    results = measure(size, count)
    print(f"{size:,} interventions, {count} random text + filter searches, Catalogue.search, "
          "median of 3 in ms")
    for label, part in (("narrow (≤ 200 matches)", [r for r in results if r[3]]),
                        ("broad (> 200 matches)", [r for r in results if not r[3]])):
        if not part:
            continue
        times = [r[0] for r in part]
        slow = sum(t > LIMIT_MS for t in times)
        print(f"  {label}: {len(part)} searches, {slow} over {LIMIT_MS:g} ms; median "
              f"{statistics.median(times):.1f}, p95 {percentile(times, 95):.1f}, worst {max(times):.1f}")
        for ms, query, total, _exact in sorted(part, key=lambda r: r[0], reverse=True)[:3]:
            print(f"      {ms:7.1f} ms  {total:4} matches  {describe(query)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
