"""Measure 2: keystroke to result model updated, at 1k / 10k / 100k interventions.

The app path is the Catalogus tab's own: the text is set in the search field and the pending
search is run at once (``CatalogueBrowser.flush_search``, the debounce timer skipped), which
queries the catalogue, fills the ``ResultTableModel``, updates the count and the detail pane.
``Catalogue.search`` alone is timed too, to split SQL + mapping from the widget work.

Floor: the same page as one plain SQL statement (``catalogue.search.page_sql``: the same FTS5
``MATCH``, filters, ranking and ``LIMIT``; for a query broader than the ranking cap, the name
matches and then the other matches, unscored) on a raw ``sqlite3`` connection; it returns the
same first page, which is checked.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass


from benchmarks.report import Row, Section, Target
from benchmarks.stats import Summary
from gala_desktop.catalogue.search import RANK_CAP
from gala_desktop.domain.recognition import Databank, RecognitionLevel

TYPED = "eenzaam"
TYPED_TARGET_MS = {1_000: 8.0, 10_000: 8.0}  # p50 of every typed prefix
FILTER_TARGET_MS = {100_000: 50.0}  # p50 of every text + filter case


@dataclass(frozen=True, slots=True)
class Case:
    label: str
    text: str
    themes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    min_level: RecognitionLevel | None = None
    databanks: tuple[Databank, ...] = ()
    narrow: bool = False  # meant to have at most RANK_CAP matches at every size (so: ranked)


FILTER_CASES = (
    Case("'sport ouderen' + thema Vitaal ouder worden", "sport ouderen", themes=("vitaal-ouder-worden",)),
    Case("'mantelzorg ondersteuning' + doelgroep mantelzorgers + ≥ goed onderbouwd",
         "mantelzorg ondersteuning", groups=("mantelzorgers",), min_level=RecognitionLevel.WELL_FOUNDED),
    Case("'buurt ontmoeten' + doel sociale basis + Movisie", "buurt ontmoeten",
         themes=("sociale-basis",), databanks=(Databank.MOVISIE,)),
    Case("'gezonde leefstijl' + doelgroep jongeren", "gezonde leefstijl", groups=("jongeren",)),
    # narrow at every size (common words, selective filters: at most 200 matches), so it is
    # ranked with bm25; the four above have more than 200 matches at 100k and are not. A run in
    # which it is not narrow reports a problem instead of measuring something else.
    Case("'sport ouderen' + thema Vitaal ouder worden + NJi (narrow)", "sport ouderen",
         themes=("vitaal-ouder-worden",), databanks=(Databank.NJI,), narrow=True),
)


def typed_cases() -> list[Case]:
    return [Case(f"typed '{TYPED[:end]}'", TYPED[:end]) for end in range(1, len(TYPED) + 1)]


def _set_filters(browser, case: Case) -> None:
    filters = browser.filters
    widgets = (filters.themes, filters.target_groups, filters.databanks, filters.min_level)
    for widget in widgets:
        widget.blockSignals(True)
    try:
        filters.themes.set_selected(case.themes)
        filters.target_groups.set_selected(case.groups)
        filters.databanks.set_selected(case.databanks)
        combo = filters.min_level
        combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == case.min_level))
    finally:
        for widget in widgets:
            widget.blockSignals(False)


def _type(browser, text: str) -> float:
    started = time.perf_counter()
    browser.search_field.setText(text)
    browser.flush_search()
    return time.perf_counter() - started


def measure_size(size: int, path, repeats: int, log=print) -> tuple[list[Row], dict[str, float], list[str]]:
    """Rows for one catalogue size; the median per case (seconds) and any problems."""
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.catalogue.search import page_sql
    from gala_desktop.ui.catalogue_browser import CatalogueBrowser
    from gala_desktop.ui.session import ProjectSession

    problems: list[str] = []
    catalogue = Catalogue.open(path)
    raw = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    session = ProjectSession(catalogue)
    browser = CatalogueBrowser(session)
    cases = typed_cases() + list(FILTER_CASES)
    app_times: dict[str, list[float]] = {c.label: [] for c in cases}
    search_times: dict[str, list[float]] = {c.label: [] for c in cases}
    floor_times: dict[str, list[float]] = {c.label: [] for c in cases}
    totals: dict[str, int] = {}
    try:
        for repeat in range(repeats + 1):  # the first round warms caches and is not kept
            for case in cases:
                if case.label.startswith("typed") and case.text == TYPED[:1]:
                    _set_filters(browser, Case("", ""))
                    browser.search_field.setText("")
                    browser.flush_search()
                elif not case.label.startswith("typed"):
                    _set_filters(browser, case)
                    browser.search_field.setText("")
                elapsed = _type(browser, case.text)
                shown = browser.model.keys()
                started = time.perf_counter()
                result = catalogue.search(browser.query())
                searched = time.perf_counter() - started
                statement, params = page_sql(browser.query(), result.exact, size=size)
                started = time.perf_counter()
                page = raw.execute(statement, params).fetchall()
                floored = time.perf_counter() - started
                if repeat == 0:
                    totals[case.label] = result.total
                    if case.narrow and not result.exact:
                        problems.append(f"{size}: {case.label} has more than {RANK_CAP} matches")
                    if [row[0] for row in page] != [s.key for s in result.items] or len(shown) != len(page):
                        problems.append(f"{size}: floor page differs from the app's for {case.label}")
                    continue
                app_times[case.label].append(elapsed)
                search_times[case.label].append(searched)
                floor_times[case.label].append(floored)
    finally:
        browser.deleteLater()
        raw.close()
        catalogue.close()
    rows: list[Row] = []
    medians: dict[str, float] = {}
    for case in cases:
        value = Summary.of(app_times[case.label])
        medians[case.label] = value.median
        search_only = Summary.of(search_times[case.label])
        rows.append(
            Row("search", f"{size:,}: {case.label}", value, Summary.of(floor_times[case.label]), "ms",
                f"{totals[case.label]:,} hits; Catalogue.search {search_only.median * 1000:.1f} ms")
        )
    log(f"search {size:,}: worst median {max(medians.values()) * 1000:.1f} ms")
    return rows, medians, problems


def _worst(medians: dict[str, float], typed: bool) -> tuple[str, float]:
    label, value = max(((k, v) for k, v in medians.items() if k.startswith("typed") == typed),
                       key=lambda item: item[1])
    return label, value * 1000


def measure(catalogues: dict[int, object], repeats: dict[int, int], log=print) -> Section:
    section = Section("Search: keystroke to result model updated")
    measured: dict[int, dict[str, float]] = {}
    for size in sorted(catalogues):
        log(f"search: {size:,} interventions, {repeats[size]} runs per case")
        rows, medians, problems = measure_size(size, catalogues[size], repeats[size], log)
        section.rows += rows
        section.notes += problems
        measured[size] = medians
    for targets, typed, what in ((TYPED_TARGET_MS, True, "every typed prefix"),
                                 (FILTER_TARGET_MS, False, "every text + filter case")):
        for size, limit in targets.items():
            text = f"Keystroke p50 ≤ {limit:g} ms at {size // 1000}k, {what}"
            if size not in measured:
                section.targets.append(Target(text, "–", None))
                continue
            label, worst = _worst(measured[size], typed)
            section.targets.append(Target(text, f"worst {worst:.1f} ms ({label})", worst <= limit))
    section.notes.append(
        "App: set the search text and run the pending search at once (debounce skipped): "
        "Catalogue.search, ResultTableModel.set_results, count label, detail pane. "
        "Floor: the app's own page query (same MATCH, filters, ranking, LIMIT; above the ranking cap "
        "the name matches, then the others, unscored) as one statement on a raw sqlite3 "
        "connection; its page is checked to equal the app's."
    )
    return section
