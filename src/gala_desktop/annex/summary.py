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
)

from gala_desktop.domain.overview import (
    budget_by_funding,
    budget_by_theme,
    required_theme_gaps,
    total_budget,
)
from gala_desktop.domain.project import EntryStatus, FundingSource
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS, theme_name

SUMMARY_ANCHOR = "samenvatting"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _join_dutch(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def summary_blocks(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Samenvatting", SUMMARY_ANCHOR)]
    blocks += [Heading(2, "Inleiding", "samenvatting-inleiding")]
    blocks += text_blocks(ctx.project.introduction)
    blocks += _themes(ctx)
    blocks += _chosen_table(ctx)
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


def _chosen_table(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Gekozen interventies", "samenvatting-interventies")]
    chosen = ctx.chosen_entries()
    if not chosen:
        return blocks + [
            Paragraph.of("Er zijn nog geen interventies gekozen.", ParagraphStyle.EMPTY)
        ]
    rows = []
    for r in chosen:
        plan = r.entry.plan
        funding = plan.funding_source.label if plan.funding_source else ""
        rows.append(
            (
                plain(theme_name(r.entry.theme_key)),
                (Run(r.name, anchor=r.anchor),),
                plain(r.level_text),
                plain(plan.partners.strip()),
                plain(money(plan.budget_cents)),
                plain(funding),
            )
        )
    blocks.append(
        Paragraph.of(
            "Klik op de naam van een interventie om naar de uitwerking te gaan. "
            "Een leeg vak betekent dat het gegeven nog niet is ingevuld.",
            ParagraphStyle.NOTE,
        )
    )
    blocks.append(
        Table(
            header=("Thema", "Interventie", "Erkenningsniveau", "Uitvoerder", "Budget", "Financiering"),
            rows=tuple(rows),
            col_weights=(2.2, 2.0, 1.7, 2.5, 2.0, 1.6),
            numeric_columns=(4,),
        )
    )
    blocks.append(Paragraph.of(_origin_counts(chosen), ParagraphStyle.NOTE))
    return blocks


def _origin_counts(chosen) -> str:
    """Recognised, other catalogue and own interventions counted apart."""
    own = sum(1 for r in chosen if r.is_own)
    recognised = sum(1 for r in chosen if not r.is_own and r.level.is_recognised)
    other = len(chosen) - own - recognised
    parts = [_count(recognised, "erkende interventie", "erkende interventies")]
    if other:
        parts.append(f"{_count(other, 'interventie', 'interventies')} uit de catalogus zonder vastgestelde erkenning")
    parts.append(_count(own, "eigen interventie", "eigen interventies") + " (niet erkend)")
    return f"Gekozen: {_join_dutch(parts)}."


def _budget(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Budget", "samenvatting-budget")]
    project = ctx.project
    total = total_budget(project)
    chosen = ctx.chosen_entries()
    without = [r for r in chosen if r.entry.plan.budget_cents is None]
    if not chosen:
        return blocks + [Paragraph.of("Er is nog geen budget begroot.", ParagraphStyle.EMPTY)]
    by_theme = budget_by_theme(project)
    theme_rows = [
        (plain(theme_name(key)), plain(money(by_theme.get(key, 0))))
        for key in ctx.theme_keys
        if any(r.status is EntryStatus.CHOSEN for r in ctx.entries[key])
    ]
    theme_rows.append((plain("Totaal"), plain(money(total))))
    blocks.append(
        Table(("Thema", "Budget"), tuple(theme_rows), (4, 1.5), total_row=True, numeric_columns=(1,),
              caption="Begroot budget per thema (alleen gekozen interventies)")
    )
    by_source = budget_by_funding(project)
    order: list[FundingSource | None] = [*FundingSource, None]
    source_rows = [
        (plain(src.label if src else "Nog geen financieringsbron gekozen"), plain(money(by_source[src])))
        for src in order
        if src in by_source
    ]
    source_rows.append((plain("Totaal"), plain(money(total))))
    blocks.append(
        Table(("Financieringsbron", "Budget"), tuple(source_rows), (4, 1.5), total_row=True,
              numeric_columns=(1,), caption="Begroot budget per financieringsbron")
    )
    if without:
        chosen_names = [r.name for r in chosen]
        names = _join_dutch([  # the same intervention under two themes: say which one
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
        names = _join_dutch([theme_name(k) for k in gaps])
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
