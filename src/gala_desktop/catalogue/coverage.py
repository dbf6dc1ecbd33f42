"""``docs/catalogue-coverage.md``, generated from the catalogue source.

``gala-desktop catalogue coverage --output docs/catalogue-coverage.md`` writes it; a test checks
that the committed file equals a fresh generation, so it is regenerated whenever the source
changes. The reasons for gaps live in the source (``catalogue.toml``, ``[coverage_notes]``).
"""

from __future__ import annotations

from pathlib import Path

from gala_desktop.catalogue.source import CatalogueSource, load_source
from gala_desktop.domain.coverage import MIN_PER_THEME, Coverage, coverage
from gala_desktop.domain.formatting import format_date_long
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.themes import ThemeKind

_KIND = {ThemeKind.GOAL: "goal", ThemeKind.SUB_THEME: "sub-theme", ThemeKind.CHAIN_APPROACH: "ketenaanpak"}
_NO_REASON = "*no reason recorded yet* — add it under `[coverage_notes]` in `catalogue.toml`"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], right: int = 1) -> list[str]:
    """A Markdown table; the columns from ``right`` on are right-aligned figures."""
    align = ["---" if i < right else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render(source: CatalogueSource) -> str:
    report: Coverage = coverage(source.interventions, source.coverage_notes)
    lines = [
        "# Catalogue coverage",
        "",
        "Generated from `data/catalogue/` by `gala-desktop catalogue coverage --output "
        "docs/catalogue-coverage.md`; do not edit by hand (a test compares it with the source). "
        "Reasons for gaps are kept in `data/catalogue/catalogue.toml` under `[coverage_notes]`.",
        "",
        f"Peildatum of the catalogue: {format_date_long(source.checked_on)}. "
        f"Interventions: **{report.total}**.",
        "",
        "## Per theme",
        "",
        f"A goal counts its sub-themes too. *Recognised*: best level *goed beschreven* or higher. "
        f"Fewer than {MIN_PER_THEME} interventions is a gap (⚠).",
        "",
    ]
    rows = []
    for t in report.themes:
        name = ("↳ " if t.theme.parent_key else "") + t.theme.name
        mark = " ⚠" if t.is_gap else ""
        rows.append((f"{name} (`{t.theme.key}`)", _KIND[t.theme.kind], f"{t.total}{mark}", str(t.recognised)))
    lines += _table(("Theme", "Kind", "Interventions", "Recognised"), rows, right=2)
    lines += ["", "## Per databank", "", "Interventions listed in each databank (one can be in several).", ""]
    lines += _table(("Databank", "Interventions"), [(d.label, str(n)) for d, n in report.databanks.items()])
    lines += ["", "## Per recognition level", "", "The best level of each intervention.", ""]
    order = [*reversed(RecognitionLevel.ordered()), RecognitionLevel.NOT_ASSESSED, RecognitionLevel.UNKNOWN]
    level_rows = [(level.label, str(report.levels.get(level, 0))) for level in order]
    known = report.total - report.levels.get(RecognitionLevel.UNKNOWN, 0)
    share = f"{round(100 * known / report.total)} %" if report.total else "–"
    lines += _table(("Recognition level", "Interventions"), level_rows)
    lines += [
        "",
        f"A best level other than *onbekend*: {known} of {report.total} ({share}). "
        f"Best level that may have lapsed by the peildatum: {report.lapsed}.",
        "",
        "## Gaps",
        "",
    ]
    if not report.gaps:
        lines.append(f"Every theme holds at least {MIN_PER_THEME} interventions.")
    for t in report.gaps:
        lines.append(f"- **{t.theme.name}** (`{t.theme.key}`, {_KIND[t.theme.kind]}): "
                     f"{t.total} — {t.note or _NO_REASON}")
    return "\n".join(lines) + "\n"


def render_source(source_dir: Path) -> str:
    """Validate the source (raises ``SourceError``) and render its coverage."""
    return render(load_source(source_dir))
