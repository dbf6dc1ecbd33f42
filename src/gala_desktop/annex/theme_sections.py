"""One chapter per theme: the rationale, then every included shortlist entry."""

from __future__ import annotations

from gala_desktop.annex.budget_tables import budget_text, sources_text
from gala_desktop.annex.context import NOT_FILLED, AnnexContext, ResolvedEntry, text_blocks
from gala_desktop.annex.model import (
    Block,
    BulletList,
    Heading,
    KeyValueTable,
    Paragraph,
    ParagraphStyle,
    Rich,
    Run,
    Table,
    plain,
    proper_name,
)
from gala_desktop.domain.formatting import (
    format_count,
    format_date_long,
)
from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.own import NOT_RECOGNISED, OWN_LABEL_TITLE
from gala_desktop.domain.project import AccessAspect, EntryStatus, ImplementationPlan
from gala_desktop.domain.themes import THEMES_BY_KEY, theme_name
from gala_desktop.domain.validity import lapse_suffix, may_have_lapsed

def theme_blocks(ctx: AnnexContext) -> list[Block]:
    blocks: list[Block] = []
    for key in ctx.theme_keys:
        # no forced page break: a chapter starts on a new page only when little room is left
        blocks += _theme(ctx, key)
    return blocks

def _theme(ctx: AnnexContext, key: str) -> list[Block]:
    theme = THEMES_BY_KEY.get(key)
    blocks: list[Block] = [Heading(1, theme_name(key), ctx.theme_anchors[key])]
    if theme and theme.required:
        blocks.append(
            Paragraph.of("Verplicht thema binnen de beleidsvisie sociale basis.", ParagraphStyle.META)
        )
    choice = ctx.project.theme_choice(key)
    blocks.append(Heading(3, "Waarom dit thema", in_contents=False))
    if choice is None:
        blocks.append(
            Paragraph.of(
                "Dit thema staat niet (meer) bij de gekozen thema's, maar er zijn wel "
                "interventies onder opgenomen.",
                ParagraphStyle.NOTICE,
            )
        )
    else:
        blocks += text_blocks(choice.rationale)
    entries = ctx.entries[key]
    if not entries:
        blocks.append(
            Paragraph.of("Voor dit thema is nog geen interventie gekozen.", ParagraphStyle.NOTICE)
        )
    for resolved in entries:
        blocks += _entry(ctx, resolved)
    return blocks

def _entry(ctx: AnnexContext, r: ResolvedEntry) -> list[Block]:
    entry = r.entry
    blocks: list[Block] = [Heading(2, r.heading, r.anchor)]
    status_line = (
        f"Status: {entry.status.label} · Prioriteit: {entry.priority.label} · "
        f"Erkenningsniveau: {r.level_text}"
    )
    blocks.append(Paragraph.of(status_line, ParagraphStyle.META))
    if entry.status is EntryStatus.CONSIDERING:
        blocks.append(
            Paragraph.of(
                "Deze interventie wordt nog overwogen. Zij hoort (nog) niet bij de keuze van de "
                "gemeente en telt niet mee in de budgetten.",
                ParagraphStyle.NOTICE,
            )
        )
    elif entry.status is EntryStatus.DROPPED:
        blocks.append(
            Paragraph.of(
                "Deze interventie is afgevallen. Zij wordt niet ingezet en telt niet mee in de "
                "budgetten.",
                ParagraphStyle.NOTICE,
            )
        )
    if r.intervention is None:
        blocks += _snapshot_facts(ctx, r)
    elif r.intervention.is_own:
        blocks += _own_facts(r.intervention)
    else:
        blocks += _catalogue_facts(r.intervention)
    blocks += _plan(entry.plan, r.intervention)
    return blocks

def _snapshot_facts(ctx: AnnexContext, r: ResolvedEntry) -> list[Block]:
    snap = r.entry.snapshot
    peil = f" (peildatum {format_date_long(ctx.checked_on)})" if ctx.checked_on else ""
    where = (f"Deze interventie staat niet meer in de interventiecatalogus{peil}." if ctx.catalogue_read
             else "De interventiecatalogus kon bij het maken van deze bijlage niet worden gelezen.")
    return [
        Heading(3, "Over de interventie", in_contents=False),
        Paragraph.of(
            f"{where} Hieronder staan de gegevens zoals ze zijn vastgelegd toen de interventie "
            "werd gekozen. Controleer bij de databank of de interventie nog erkend is.",
            ParagraphStyle.NOTICE,
        ),
        KeyValueTable(
            (
                ("Naam", proper_name(snap.name)),
                ("Eigenaar", proper_name(snap.owner)),
                ("Erkenningsniveau", plain(snap.level.label)),
                ("Gecontroleerd op", plain(format_date_long(snap.checked_on))),
            ),
            empty_text="onbekend",
        ),
    ]

def _about(iv: Intervention, *notice: Block) -> tuple[list[Block], Rich]:
    """The heading, any notice and the summary; and the website as a link."""
    blocks: list[Block] = [Heading(3, "Over de interventie", in_contents=False), *notice]
    if iv.summary.strip():
        blocks += text_blocks(iv.summary)
    return blocks, ((Run(iv.website, url=iv.website),) if iv.website else ())


def _own_facts(iv: Intervention) -> list[Block]:
    """An own intervention: its whole description and the plain statement it is not recognised."""
    blocks, website = _about(iv, Paragraph.of(NOT_RECOGNISED, ParagraphStyle.NOTICE))
    blocks.append(
        KeyValueTable(
            (
                ("Doel", plain(iv.aim)),
                ("Doelgroep", plain(iv.target_group_text)),
                ("Doelgroepen", plain(", ".join(g.name for g in iv.target_groups))),
                ("Aanpak", plain(iv.approach)),
                ("Eigenaar / aanbieder", proper_name(iv.owner)),
                ("Website", website),
                ("Kosten", plain(iv.costs_note)),
                ("Thema's", plain(", ".join(theme_name(k) for k in iv.theme_keys))),
                ("Randvoorwaarden", plain("; ".join(c.text for c in iv.conditions))),
                ("Vastgelegd op", plain(format_date_long(iv.checked_on))),
            ),
            empty_text="niet beschreven",
        )
    )
    blocks.append(Heading(3, "Erkenning", in_contents=False))
    blocks.append(Paragraph.of(f"{OWN_LABEL_TITLE}: staat in geen erkende databank.", ParagraphStyle.NOTE))
    return blocks


def _catalogue_facts(iv: Intervention) -> list[Block]:
    blocks, website = _about(iv)
    blocks.append(
        KeyValueTable(
            (
                ("Doel", plain(iv.aim)),
                ("Doelgroep", plain(iv.target_group_text)),
                ("Aanpak", plain(iv.approach)),
                ("Eigenaar", proper_name(iv.owner)),
                ("Website", website),
                ("Gecontroleerd op", plain(format_date_long(iv.checked_on))),
            ),
            empty_text="niet beschreven in de catalogus",
        )
    )
    blocks.append(Heading(3, "Erkenning", in_contents=False))
    if iv.listings:
        rows = []
        for listing in iv.listings:
            level = listing.level.label + lapse_suffix(may_have_lapsed(listing, iv.checked_on))
            if listing.under_review:
                level += " (wordt opnieuw beoordeeld)"
            if listing.note.strip():
                level += f". {listing.note.strip()}"
            rows.append(
                (
                    plain(listing.databank.short_label),
                    plain(level),
                    plain(listing.provenance),
                    proper_name(listing.committee or "onbekend"),
                    (Run(listing.url, url=listing.url),) if listing.url else plain("geen adres"),
                )
            )
        blocks.append(
            Table(
                ("Databank", "Erkenningsniveau", "Erkend en gezien", "Commissie", "Vindplaats (bron)"),
                tuple(rows),
                (1.2, 2.2, 1.3, 1.6, 3.2),
            )
        )
    else:
        blocks.append(
            Paragraph.of("Deze interventie staat in geen enkele erkende databank.", ParagraphStyle.NOTE)
        )
    blocks.append(Heading(3, "Werkzame elementen", in_contents=False))
    elements = [e for e in iv.active_elements if e.strip()]
    if elements:
        blocks.append(BulletList(tuple(plain(e) for e in elements)))
    else:
        blocks.append(Paragraph.of("Niet beschreven in de catalogus.", ParagraphStyle.EMPTY))
    return blocks

def _planning(plan: ImplementationPlan) -> str:
    if plan.start and plan.end:
        return f"{format_date_long(plan.start)} – {format_date_long(plan.end)}"
    if plan.start:
        return f"vanaf {format_date_long(plan.start)}"
    if plan.end:
        return f"tot en met {format_date_long(plan.end)}"
    return ""

def _funding(plan: ImplementationPlan) -> str:
    sources = sources_text(plan)
    parts = [sources] if sources else []
    if plan.funding_note.strip():
        parts.append(plan.funding_note.strip())
    return " – ".join(parts)

def _plan(plan: ImplementationPlan, iv: Intervention | None) -> list[Block]:
    reach = (f"{format_count(plan.reach)} {'inwoner' if plan.reach == 1 else 'inwoners'}"
             if plan.reach is not None else "")
    blocks: list[Block] = [
        Heading(3, "Lokale uitvoering", in_contents=False),
        KeyValueTable(
            (
                ("Uitvoerende partner(s)", proper_name(plan.partners.strip())),
                ("Budget", plain(budget_text(plan))),
                ("Financiering", plain(_funding(plan))),
                ("Planning", plain(_planning(plan))),
                ("Wijken en kernen", plain(plan.neighbourhoods.strip())),
                ("Beoogd bereik", plain(reach)),
                ("Verantwoordelijk", proper_name(plan.responsible.strip())),
                ("Monitoring", plain(plan.monitoring.strip())),
            ),
            empty_text=NOT_FILLED,
        ),
    ]
    blocks += _conditions(plan, iv)
    blocks.append(Heading(3, "Toegankelijkheid", in_contents=False))
    blocks.append(
        KeyValueTable(
            tuple((aspect.label, plain(plan.access.get(aspect, "").strip())) for aspect in AccessAspect),
            empty_text=NOT_FILLED,
        )
    )
    blocks.append(Heading(3, "Notities", in_contents=False))
    blocks += text_blocks(plan.notes)
    return blocks

def _conditions(plan: ImplementationPlan, iv: Intervention | None) -> list[Block]:
    """The randvoorwaarden from the description and how far they are arranged locally.

    The checklist was generated from the catalogue conditions; conditions the catalogue added
    later are listed too, marked as not yet looked at.
    """
    blocks: list[Block] = [Heading(3, "Randvoorwaarden en stand van zaken", in_contents=False)]
    rows = [
        (plain(item.kind.label), plain(item.text), plain(item.state.label), plain(item.note.strip()))
        for item in plan.checklist
    ]
    listed = {(item.kind, item.text.strip()) for item in plan.checklist}
    if iv is not None:
        rows += [
            (plain(c.kind.label), plain(c.text), plain("Nog niet bekeken"), ())
            for c in iv.conditions
            if (c.kind, c.text.strip()) not in listed
        ]
    if iv is not None and iv.costs_note.strip() and not iv.is_own:  # own: in its description
        blocks.append(
            Paragraph.of(f"Kosten volgens de beschrijving: {iv.costs_note.strip()}", ParagraphStyle.META)
        )
    if not rows:
        blocks.append(Paragraph.of("Geen randvoorwaarden vastgelegd.", ParagraphStyle.EMPTY))
        return blocks
    blocks.append(
        Table(("Soort", "Randvoorwaarde", "Stand", "Toelichting"), tuple(rows), (1.7, 3.4, 1.2, 2.7))
    )
    return blocks
