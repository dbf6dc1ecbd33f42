"""Build ``voorbeeld-gemeente-lindeveen.gala``: a realistic sample project.

Lindeveen is a fictional municipality; its organisations, people and figures are invented. The
interventions and their snapshots come from the shipped catalogue. The output is deterministic
(fixed entry ids and dates), so running this again gives the same project.

    python examples/make_sample.py [--catalogue PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistState,
    EntryStatus,
    BudgetLine,
    FundingSource,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.project.document import save_project

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_content import INTRODUCTION, PLAN, THEMES  # noqa: E402
from sample_entries import ENTRIES  # noqa: E402

OUTPUT = Path(__file__).resolve().parent / "voorbeeld-gemeente-lindeveen.gala"

_STATES = {
    "geregeld": ChecklistState.ARRANGED,
    "open": ChecklistState.OPEN,
    "nvt": ChecklistState.NOT_APPLICABLE,
}
_ACCESS_ORDER = (
    AccessAspect.AFFORDABLE,
    AccessAspect.NEARBY,
    AccessAspect.UNDERSTANDABLE,
    AccessAspect.SUITABLE,
)


def _euro(amount: int) -> int:
    """Whole euros → cents."""
    return amount * 100


def _entry(catalogue: Catalogue, number: int, spec: dict) -> ShortlistEntry:
    intervention = catalogue.get(spec["key"])
    if intervention is None:
        raise SystemExit(f"interventie {spec['key']!r} ontbreekt in de catalogus")
    entry = ShortlistEntry.for_intervention(intervention, spec["theme"])
    entry.id = f"lindeveen-{number:02d}"
    entry.status = EntryStatus(spec["status"])
    entry.priority = Priority(spec["priority"])
    plan = entry.plan
    plan.partners = spec["partners"]
    plan.budget_cents = _euro(spec["budget"]) if spec.get("budget") is not None else None
    plan.funding_source = FundingSource(spec["funding"]) if spec.get("funding") else None
    if spec.get("budget_years"):  # per year of the period, from the entry's funding source
        years = spec["budget_years"]
        plan.budget = [BudgetLine(_euro(spec["budget"]) // len(years), year, plan.funding_source)
                       for year in years]
    plan.funding_note = spec.get("funding_note", "")
    plan.start = dt.date.fromisoformat(spec["start"]) if spec.get("start") else None
    plan.end = dt.date.fromisoformat(spec["end"]) if spec.get("end") else None
    plan.neighbourhoods = spec["neighbourhoods"]
    plan.reach = spec.get("reach")
    plan.responsible = spec["responsible"]
    plan.monitoring = spec["monitoring"]
    plan.notes = spec.get("notes", "")
    checks: dict[str, tuple[str, str] | list[tuple[str, str]]] = spec.get("checklist", {})
    queues = {kind: list(v) if isinstance(v, list) else [v] for kind, v in checks.items()}
    for item in plan.checklist:
        queue = queues.get(item.kind.value, [])
        state, note = queue.pop(0) if len(queue) > 1 else (queue[0] if queue else ("open", ""))
        item.state = _STATES[state]
        item.note = note
    unknown = set(checks) - {item.kind.value for item in plan.checklist}
    if unknown:  # the catalogue changed: a note would silently be lost
        raise SystemExit(f"{spec['key']} heeft geen randvoorwaarden van soort {sorted(unknown)}")
    plan.access = dict(zip(_ACCESS_ORDER, spec["access"], strict=True))
    return entry


def build_project(catalogue: Catalogue) -> Project:
    return Project(
        gemeente="Lindeveen",
        title="Samen sterk in Lindeveen",
        subtitle="Bijlage bij de beleidsvisie sociale basis: gekozen interventies en uitvoering",
        authors=["Marieke Smit", "Hasan Yılmaz", "Anouk de Boer"],
        period="2025–2028",
        version_status="Concept voor de gemeenteraad",
        date=dt.date(2026, 11, 16),
        format_reference="Format beleidsvisie sociale basis (Brede SPUK GALA)",
        introduction=INTRODUCTION,
        **PLAN,
        themes=[ThemeChoice(key, text) for key, text in THEMES],
        shortlist=[_entry(catalogue, n, spec) for n, spec in enumerate(ENTRIES, start=1)],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with Catalogue.open(args.catalogue) as catalogue:
        project = build_project(catalogue)
    if args.output.exists():
        args.output.unlink()  # a fresh file, so no .bak is left beside the example
    save_project(project, args.output)
    print(f"{args.output} geschreven: {len(project.themes)} thema's, {len(project.shortlist)} interventies")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
