"""Measure 1: cold start to the main window's first paint, against a bare Qt window.

Each run is a fresh Python process (``QT_QPA_PLATFORM=offscreen``, empty settings folders).
A second, informative probe builds the main window's widgets without the program
(``probes/same_widgets.py``): what PySide6 and Qt cost for this window alone. App and floor runs alternate so that both see the same background load. One discarded warm-up
run of each fills the operating system's file cache and the bytecode cache (as an installed
program has it): "cold" means a new process, not an empty disk cache.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.processes import run_probe
from benchmarks.report import Row, Section, Target
from benchmarks.stats import Summary

TARGET_RATIO = 1.5
PHASES = ("import", "catalogue", "integrity", "window", "project", "paint")
EXAMPLE_PROJECT = Path(__file__).resolve().parent.parent / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def measure(repeats: int, log=print) -> Section:
    section = Section("Cold start to main window painted")
    app_args: list[str] = []
    if EXAMPLE_PROJECT.exists():
        app_args = ["--project", str(EXAMPLE_PROJECT)]
        project_note = f"shipped catalogue + {EXAMPLE_PROJECT.name}"
    else:
        project_note = "shipped catalogue, no project (example project missing)"
        section.notes.append(f"{EXAMPLE_PROJECT.name} was not found; started without a project.")
    log(f"start-up: {repeats} runs each ({project_note})")
    run_probe("bare_window.py")
    run_probe("app_window.py", *app_args)
    run_probe("same_widgets.py")
    run_probe("same_widgets.py", "--qt-free-layers")
    app_runs, bare_runs, same_runs, layered_runs = [], [], [], []
    for _ in range(repeats):
        bare_runs.append(run_probe("bare_window.py"))
        app_runs.append(run_probe("app_window.py", *app_args))
        same_runs.append(run_probe("same_widgets.py"))
        layered_runs.append(run_probe("same_widgets.py", "--qt-free-layers"))

    def row(case: str, attr: str, note: str = "") -> Row:
        return Row("start", case, Summary.of([getattr(r, attr) for r in app_runs]),
                   Summary.of([getattr(r, attr) for r in bare_runs]), "s", note)

    spawn = row("spawn → first paint", "spawn_to_paint", project_note)
    same = Row("start", "same widgets without the program: spawn → first paint",
               Summary.of([r.spawn_to_paint for r in same_runs]),
               Summary.of([r.spawn_to_paint for r in bare_runs]), "s",
               "informative: what PySide6 and Qt cost for the main window's widgets alone")
    layered = Row("start", "same widgets + the program's Qt-free layers: spawn → first paint",
                  Summary.of([r.spawn_to_paint for r in layered_runs]),
                  Summary.of([r.spawn_to_paint for r in bare_runs]), "s",
                  "informative: the same window after the start-up's Qt-free imports "
                  "(domain, project, catalogue, operations), none of the program's window")
    section.rows += [
        spawn,
        same,
        layered,
        row("script top → first paint", "top_to_paint", "without interpreter start-up"),
        row("spawn → process exit", "wall", "includes shutdown"),
    ]
    notes = {"import": "importing the app's modules", "catalogue": "opening the catalogue",
             "integrity": "of which the catalogue's integrity check at open",
             "window": "building the main window", "project": "opening the project",
             "paint": "from the project opened to the first paint"}
    for phase in PHASES:
        values = [r.report["phases"][phase] for r in app_runs if phase in r.report.get("phases", {})]
        if values:
            section.rows.append(Row("start", f"phase: {phase}", Summary.of(values), None, "ms",
                                    notes[phase]))
    paired = sorted(a.spawn_to_paint / b.spawn_to_paint for a, b in zip(app_runs, bare_runs))
    quarter = len(paired) // 4
    section.notes.append(
        f"Paired: the median of app ÷ floor over the {len(paired)} alternating rounds is "
        f"{paired[len(paired) // 2]:.2f}× (middle half {paired[quarter]:.2f}–{paired[-1 - quarter]:.2f}×); "
        "it cancels the drifts of this shared machine's speed, which the ratio of the medians "
        "(the target's measure) does not."
    )
    titles = {r.report.get("window_title", "") for r in app_runs}
    section.notes.append(
        "Floor: a bare QMainWindow with a 1,000-row QTableView (QStandardItemModel), same size. "
        f"Same widgets: {_census(same_runs)} in the main window's layout (the app's window at "
        f"its first paint: {_census(app_runs)}), plain Qt classes with static texts "
        "(`benchmarks/probes/same_widgets.py`); with `--qt-free-layers` that probe first does what "
        "`gala-desktop` does before it loads Qt (`startup.prepare`: collector paused, Qt-free "
        "layers imported); the four probes alternate. "
        f"App window title at paint: {', '.join(sorted(titles))}."
    )
    section.targets.append(
        Target(f"Start ≤ {TARGET_RATIO}× bare-Qt floor (median, spawn → first paint)",
               f"{spawn.ratio:.2f}× ({spawn.value.median:.2f} s vs {spawn.floor.median:.2f} s)",
               spawn.ratio <= TARGET_RATIO)
    )
    return section


def _census(runs) -> str:
    widgets, actions = runs[-1].report.get("census", (0, 0))
    return f"{widgets} widgets and {actions} actions"
