"""Measure 4: peak resident memory of the app with large catalogues, against a bare Qt window.

The app probe opens the synthetic catalogue instead of the shipped one, paints its main window
and then types ``eenzaam`` into the search field (every prefix searched), so the peak includes
searching. Peak RSS is ``ru_maxrss`` of the probe process.
"""

from __future__ import annotations

from benchmarks.processes import run_probe
from benchmarks.report import Row, Section, Target
from benchmarks.stats import Summary

TARGET_RATIO = 1.3
TYPED = "eenzaam"


def measure(catalogues: dict[int, "object"], repeats: int, log=print) -> Section:
    section = Section("Peak memory (RSS)")
    log(f"memory: catalogues {sorted(catalogues)}, {repeats} runs each")
    run_probe("app_window.py")  # discarded: fills the file and bytecode caches, as for start-up
    floor = Summary.of([run_probe("bare_window.py").peak_rss for _ in range(repeats)])
    for size in sorted(catalogues):
        runs = [run_probe("app_window.py", "--catalogue", str(catalogues[size]), "--type", TYPED)
                for _ in range(repeats)]
        row = Row("memory", f"{size:,} interventions", Summary.of([r.peak_rss for r in runs]), floor,
                  "MiB", f"after typing '{TYPED}'; {catalogues[size].stat().st_size / 2**20:.0f} MiB file")
        section.rows.append(row)
        if size == 10_000:
            section.targets.append(
                Target(f"Peak RSS ≤ {TARGET_RATIO}× floor at 10k", f"{row.ratio:.2f}×",
                       row.ratio <= TARGET_RATIO)
            )
    if 10_000 not in catalogues:
        section.targets.append(Target(f"Peak RSS ≤ {TARGET_RATIO}× floor at 10k", "–", None))
    section.notes.append("Floor: the bare QMainWindow with a 1,000-row QTableView (same probe as start-up).")
    return section
