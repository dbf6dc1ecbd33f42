"""The *Samenvatting* chapter: introduction, themes, chosen interventions, budget, coverage."""

from __future__ import annotations

from gala_desktop.annex.context import AnnexContext, money, text_blocks
from gala_desktop.annex.model import (
    Block,
    BulletList,
    Heading,
    Paragraph,
    ParagraphStyle,
    Run,
    Table,
    plain,
    proper_name,
)

from gala_desktop.annex.budget_tables import budget_tables, sources_text
from gala_desktop.domain.budget import WHOLE_PERIOD_LABEL, budget_grid
from gala_desktop.domain.formatting import join_dutch
from gala_desktop.domain.overview import required_theme_gaps
from gala_desktop.domain.project import EntryStatus
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS, theme_name

SUMMARY_ANCHOR = "samenvatting"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_blocks(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Samenvatting", SUMMARY_ANCHOR)]
    blocks += [Heading(2, "Inleiding", "samenvatting-inleiding")]
    blocks += text_blocks(ctx.project.introduction)
    blocks += _themes(ctx)
    blocks += chosen_table(ctx)
    blocks += _budget(ctx)
    blocks += _coverage(ctx)
    return blocks


def _themes(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Gekozen thema's", "samenvatting-themas")]
    if not ctx.project.themes:
        return blocks + [Paragraph.of("Er zijn nog geen thema's gekozen.", ParagraphStyle.EMPTY)]
    items = []
    for key in ctx.theme_keys:
        chosen = sum(1 for r in ctx.entries[key] if r.status is EntryStatus.CHOSEN)
        label = theme_name(key)
        suffix = f" – {_count(chosen, 'gekozen interventie', 'gekozen interventies')}"
        if ctx.project.theme_choice(key) is None:
            suffix += " (thema staat niet meer bij de gekozen thema's)"
        items.append((Run(label, anchor=ctx.theme_anchors[key]), Run(suffix)))
    return blocks + [BulletList(tuple(items))]


def chosen_table(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Gekozen interventies", "samenvatting-interventies")]
    chosen = ctx.chosen_entries()
    if not chosen:
        return blocks + [
            Paragraph.of("Er zijn nog geen interventies gekozen.", ParagraphStyle.EMPTY)
        ]
    rows = []
    for r in chosen:
        plan = r.entry.plan
        funding = sources_text(plan)
        rows.append(
            (
                plain(theme_name(r.entry.theme_key)),
                # the level under the name: one narrow column less, so names get room
                (Run(r.name, anchor=r.anchor, name=True), Run(f"\n{r.level_text}", italic=True)),
                proper_name(plan.partners.strip()),
                plain(money(plan.budget_cents)),
                plain(funding),
            )
        )
    blocks.append(
        Paragraph.of(
            "Klik op de naam van een interventie om naar de uitwerking te gaan; onder de naam "
            "staat het erkenningsniveau. Een leeg vak betekent dat het gegeven nog niet is "
            "ingevuld.",
            ParagraphStyle.NOTE,
        )
    )
    blocks.append(
        Table(
            header=("Thema", "Interventie en erkenningsniveau", "Uitvoerder", "Budget", "Financiering"),
            rows=tuple(rows),
            col_weights=(2.25, 2.4, 2.35, 1.5, 1.5),  # a theme word such as "samenlevingsopbouw" fits
            numeric_columns=(3,),
        )
    )
    blocks.append(Paragraph.of(_origin_counts(chosen), ParagraphStyle.NOTE))
    return blocks


def _origin_counts(chosen) -> str:
    """Recognised, other catalogue and own interventions counted apart."""
    own = sum(1 for r in chosen if r.is_own)
    unchecked = [r for r in chosen if r.from_snapshot]  # no current level to count them by
    recognised = sum(1 for r in chosen if not r.is_own and not r.from_snapshot and r.level.is_recognised)
    other = len(chosen) - own - recognised - len(unchecked)
    parts = []
    if recognised or len(chosen) == recognised:
        parts.append(_count(recognised, "erkende interventie", "erkende interventies"))
    if other:
        parts.append(f"{_count(other, 'interventie', 'interventies')} uit de catalogus zonder vastgestelde erkenning")
    if unchecked:
        why = ("die niet meer in de catalogus staan" if unchecked[0].catalogue_read
               else "waarvan de erkenning niet kon worden nagegaan (catalogus niet leesbaar)")
        if len(unchecked) == 1:
            why = why.replace("staan", "staat")
        parts.append(f"{_count(len(unchecked), 'interventie', 'interventies')} {why}")
    if own:
        parts.append(_count(own, "eigen interventie", "eigen interventies") + " (niet erkend)")
    return f"Gekozen: {join_dutch(parts)}."


def _budget(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Budget", "samenvatting-budget")]
    project = ctx.project
    chosen = ctx.chosen_entries()
    without = [r for r in chosen if not r.entry.plan.budget]
    by_source = budget_grid(project, "source")
    if by_source.is_empty:
        blocks.append(Paragraph.of("Er is nog geen budget begroot.", ParagraphStyle.EMPTY))
    else:
        blocks.append(Paragraph.of(
            "Alleen gekozen interventies tellen mee. Bedragen die voor de hele periode zijn "
            "opgegeven, zonder verdeling over de jaren, staan in de kolom "
            f"‘{WHOLE_PERIOD_LABEL}’.", ParagraphStyle.NOTE))
        blocks += budget_tables(by_source, "Financieringsbron",
                                "Begroot budget per jaar en financieringsbron")
        blocks += budget_tables(budget_grid(project, "theme"), "Thema",
                                "Begroot budget per thema en jaar")
    if without:
        chosen_names = [r.name for r in chosen]
        names = join_dutch([  # the same intervention under two themes: say which one
            f"{r.name} onder {theme_name(r.entry.theme_key)}" if chosen_names.count(r.name) > 1
            else r.name
            for r in without
        ])
        blocks.append(
            Paragraph.of(
                f"Voor {_count(len(without), 'gekozen interventie', 'gekozen interventies')} is nog "
                f"geen budget ingevuld: {names}. Deze tellen niet mee in de totalen.",
                ParagraphStyle.NOTICE,
            )
        )
    return blocks


def _coverage(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, "Dekking van de verplichte thema's sociale basis", "samenvatting-dekking"),
        Paragraph.of(
            "Een beleidsvisie sociale basis gaat in op vijf verplichte thema's. Per thema staat "
            "hieronder hoeveel gekozen interventies eraan bijdragen."
        ),
    ]
    gaps = required_theme_gaps(ctx.project)
    rows = []
    for key in REQUIRED_THEME_KEYS:
        n = sum(
            1 for e in ctx.project.shortlist if e.theme_key == key and e.status is EntryStatus.CHOSEN
        )
        status = "Niet gedekt" if key in gaps else "Gedekt"
        rows.append((plain(theme_name(key)), plain(str(n)), (Run(status, bold=key in gaps),)))
    if gaps:
        names = join_dutch([theme_name(k) for k in gaps])
        which = "dit thema" if len(gaps) == 1 else "deze thema's"
        blocks.append(
            Paragraph.of(
                f"Nog niet gedekt: {names}. Voor {which} "
                "is nog geen interventie gekozen.",
                ParagraphStyle.NOTICE,
            )
        )
    else:
        blocks.append(
            Paragraph.of("Alle vijf verplichte thema's zijn gedekt met ten minste één gekozen interventie.")
        )
    blocks.append(
        Table(("Verplicht thema", "Gekozen interventies", "Dekking"), tuple(rows), (4, 1.9, 1.3),
              numeric_columns=(1,))
    )
    return blocks
