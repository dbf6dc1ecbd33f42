"""Build the annex document model from domain objects.

``build_annex`` is the only entry point. It knows the content and its order; it knows nothing
about pages, fonts or file formats (see ``annex/pdf/`` for that).
"""

from __future__ import annotations

import datetime as dt

from gala_desktop.annex.abbreviations import abbreviation_blocks
from gala_desktop.annex.context import (
    DEFAULT_SUBTITLE,
    NOT_FILLED,
    AnnexContext,
    AnnexOptions,
    Lookup,
    text_blocks,
)
from gala_desktop.annex.model import (
    Block,
    BulletList,
    Document,
    Heading,
    Metadata,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Run,
    Table,
    TitlePage,
    TocPlaceholder,
    plain,
    proper_name,
)
from gala_desktop.annex.summary import summary_blocks
from gala_desktop.annex.theme_sections import theme_blocks
from gala_desktop.domain.formatting import format_date_long, join_dutch
from gala_desktop.domain.project import PLAN_PARTS, Project
from gala_desktop.domain.recognition import LEVEL_EXPLANATIONS, Databank, RecognitionLevel
from gala_desktop.domain.themes import theme_name
from gala_desktop.domain.validity import LAPSE_MARK, LAPSE_NOTICE, VALIDITY_RULES

__all__ = ["AnnexOptions", "build_annex"]

COLOPHON_ANCHOR = "verantwoording"
PLAN_ANCHOR = "plan"
SOURCES_ANCHOR = "bronnen"


def _peildatum(ctx: AnnexContext) -> str:
    if ctx.checked_on:
        return format_date_long(ctx.checked_on)
    return "onbekend" if ctx.catalogue_read else "onbekend (de catalogus kon niet worden gelezen)"


def build_annex(
    project: Project,
    lookup: Lookup,
    options: AnnexOptions | None = None,
    catalogue_checked_on: dt.date | None = None,
    catalogue_read: bool = True,
) -> Document:
    """The whole annex as a neutral document.

    ``lookup`` returns the current catalogue facts of an intervention key, or ``None`` when the
    intervention is no longer in the catalogue; the entry's snapshot is used then.
    ``catalogue_read`` False: the catalogue could not be read (it is damaged), so nothing is
    said to have left it; the snapshots are used, and said to be.
    """
    ctx = AnnexContext.resolve(project, lookup, options or AnnexOptions(), catalogue_checked_on,
                               catalogue_read)
    doc = Document(_metadata(ctx))
    doc.add(_title_page(ctx), PageBreak())
    doc.add(*_colophon(ctx), PageBreak())
    doc.add(TocPlaceholder("Inhoud"), PageBreak())
    doc.add(*summary_blocks(ctx))
    doc.add(*_plan(ctx))
    doc.add(*theme_blocks(ctx))
    doc.add(*_sources(ctx))  # like a theme chapter: a new page only when little room is left
    doc.add(*abbreviation_blocks(doc.blocks))
    return doc


def _plan(ctx: AnnexContext) -> list[Block]:
    """The plan as a whole (samenwerking, coördinatie, …): a section per part that is filled."""
    filled = [(part, getattr(ctx.project, part.attribute)) for part in PLAN_PARTS
              if getattr(ctx.project, part.attribute).strip()]
    if not filled:
        return []
    blocks: list[Block] = [Heading(1, "Het plan als geheel", PLAN_ANCHOR)]
    for part, text in filled:
        blocks.append(Heading(2, part.title, f"plan-{part.attribute.replace('_', '-')}"))
        blocks += text_blocks(text)
    return blocks


def _metadata(ctx: AnnexContext) -> Metadata:
    project = ctx.project
    subtitle = project.subtitle.strip() or DEFAULT_SUBTITLE
    authors = ", ".join(a.strip() for a in project.authors if a.strip())
    gemeente = ctx.gemeente
    keywords = ["GALA", "sociale basis", "erkende interventies"]
    if gemeente:
        keywords.append(gemeente)
    keywords += [theme_name(k) for k in ctx.theme_keys]
    head = " · ".join(p for p in (gemeente, ctx.title) if p)
    return Metadata(
        title=f"{ctx.title} – {gemeente}" if gemeente else ctx.title,
        author=authors or gemeente or "Onbekend",
        subject=subtitle,
        keywords=tuple(keywords),
        running_head=head,
    )


def _title_page(ctx: AnnexContext) -> TitlePage:
    project = ctx.project
    facts = [
        ("Periode", project.period.strip() or NOT_FILLED),
        ("Versie", project.version_status.strip() or NOT_FILLED),
        ("Datum", format_date_long(project.date) or NOT_FILLED),
        ("Opgesteld door", ", ".join(a.strip() for a in project.authors if a.strip()) or NOT_FILLED),
    ]
    if project.format_reference.strip():
        facts.append(("Onderdeel van het format", project.format_reference.strip()))
    kicker = f"Gemeente {ctx.gemeente}" if ctx.gemeente else "Gemeente (naam nog niet ingevuld)"
    if ctx.gemeente.lower().startswith("gemeente"):
        kicker = ctx.gemeente
    return TitlePage(
        kicker=kicker,
        title=ctx.title,
        subtitle=project.subtitle.strip() or DEFAULT_SUBTITLE,
        facts=tuple(facts),
    )


def _databanks_used(ctx: AnnexContext) -> list[Databank]:
    used = {li.databank for r in ctx.all_entries() if r.intervention for li in r.intervention.listings}
    return [d for d in Databank if d in used]


def _colophon(ctx: AnnexContext) -> list[Block]:
    peil = _peildatum(ctx)
    gemeente = f"van de gemeente {ctx.gemeente} " if ctx.gemeente else ""
    included = ["gekozen interventies"]
    if ctx.options.include_considering:
        included.append("interventies die nog worden overwogen")
    if ctx.options.include_dropped:
        included.append("afgevallen interventies")
    scope = (
        "Deze bijlage bevat alleen de gekozen interventies."
        if len(included) == 1
        else "Deze bijlage bevat " + join_dutch(included)
        + ". Interventies die niet gekozen zijn, staan er duidelijk als zodanig bij en tellen "
        "niet mee in de budgetten."
    )
    blocks: list[Block] = [
        Heading(1, "Verantwoording", COLOPHON_ANCHOR),
        Paragraph.of(
            f"Deze bijlage hoort bij de beleidsvisie {gemeente}en beschrijft per gekozen "
            "GALA-thema welke interventies de gemeente wil inzetten, en onder welke lokale "
            "voorwaarden: wie ze uitvoert, met welk budget en welke financiering, wanneer en waar.",
            ParagraphStyle.LEAD,
        ),
        Paragraph.of(scope),
        Heading(2, "Bronnen van de interventiegegevens", "verantwoording-bronnen"),
        Paragraph.of(
            "De beschrijvingen en erkenningen komen uit een lokale catalogus die is samengesteld uit "
            f"de openbare beschrijvingen in de landelijke databanken. Peildatum van de catalogus: "
            f"{peil}. Erkenningen worden periodiek opnieuw beoordeeld; raadpleeg bij twijfel de "
            "actuele beschrijving in de databank. De adressen staan in het hoofdstuk Bronnen."
        ),
    ]
    used = _databanks_used(ctx)
    if used:
        blocks.append(Paragraph.of("Gebruikte databanken:"))
        blocks.append(BulletList(tuple(plain(d.label) for d in used)))
    blocks.append(Heading(2, "Erkenningsniveaus", "verantwoording-niveaus"))
    blocks.append(
        Paragraph.of(
            "Onafhankelijke erkenningscommissies beoordelen interventies op een gezamenlijke "
            "ladder. Elk niveau omvat de eisen van de niveaus daaronder."
        )
    )
    levels = [*RecognitionLevel.ordered(), RecognitionLevel.NOT_ASSESSED, RecognitionLevel.UNKNOWN]
    rows = tuple((plain(lvl.label), plain(LEVEL_EXPLANATIONS[lvl])) for lvl in levels)
    blocks.append(Table(("Erkenningsniveau", "Betekenis"), rows, (2.2, 5)))
    return blocks


def _validity(used: list[Databank]) -> list[Block]:
    """Each used databank's validity rule with its source; the others named in one sentence."""
    ruled = [d for d in used if VALIDITY_RULES[d]]
    unknown = [d.short_label for d in used if not VALIDITY_RULES[d] and d is not Databank.OTHER]
    if not ruled and not unknown:
        return []
    text = [Run(
        "Erkenningen worden na een termijn opnieuw beoordeeld. Is die termijn op de peildatum "
        f"verstreken, dan staat bij de erkenning: ‘{LAPSE_MARK} {LAPSE_NOTICE}’.")]
    for databank in ruled:
        rule = VALIDITY_RULES[databank]
        text += [Run(f" {databank.short_label}: {rule.rule} Bron: "), Run(rule.source, url=rule.source), Run(".")]
    if unknown:
        names = join_dutch(unknown)
        text.append(Run(f" Voor {names} is geen termijn bekend; die erkenningen worden niet gemarkeerd."))
    return [Heading(2, "Geldigheid van erkenningen", "bronnen-geldigheid"), Paragraph(tuple(text))]


def _sources(ctx: AnnexContext) -> list[Block]:
    """Databank pages (where a recognised databank states the level) apart from other sources."""
    peil = _peildatum(ctx)
    blocks: list[Block] = [
        Heading(1, "Bronnen", SOURCES_ANCHOR),
        Paragraph.of(
            "Eerst de databankpagina's waarop het erkenningsniveau is gelezen, daarna de andere "
            "bronnen van de beschrijvingen. De peildatum van de catalogus als geheel is "
            f"{peil}."
        ),
        Heading(2, "Databankpagina's", "bronnen-databanken"),
    ]
    bank_rows, other_rows = [], []
    seen: set[tuple[str, str]] = set()
    for r in ctx.all_entries():
        iv = r.intervention
        if iv is None:
            continue
        name = proper_name(iv.name, anchor=r.anchor)
        for listing in iv.listings:
            if not listing.url or (iv.key, listing.url) in seen:
                continue
            seen.add((iv.key, listing.url))
            link = (Run(listing.url, url=listing.url),)
            if listing.databank is Databank.OTHER:
                other_rows.append((name, link))
                continue
            seen_on = format_date_long(listing.seen_on) or "niet vermeld"
            bank_rows.append((name, plain(listing.databank.short_label), link, plain(seen_on)))
        for url in iv.sources:
            if (iv.key, url) not in seen:
                seen.add((iv.key, url))
                other_rows.append((name, (Run(url, url=url),)))
    if bank_rows:
        blocks.append(
            Table(("Interventie", "Databank", "Vindplaats", "Gezien op"), tuple(bank_rows),
                  (2.2, 1.3, 4.0, 1.9))
        )
    else:
        blocks.append(Paragraph.of("Deze bijlage verwijst naar geen databankpagina's.", ParagraphStyle.EMPTY))
    blocks += _validity(_databanks_used(ctx))
    blocks.append(Heading(2, "Andere bronnen", "bronnen-overig"))
    blocks.append(
        Paragraph.of(
            "Websites van eigenaren, handleidingen en andere pagina's waaruit gegevens komen. "
            "Zij zijn geen erkenning door een databank."
        )
    )
    if other_rows:
        blocks.append(Table(("Interventie", "Vindplaats"), tuple(other_rows), (2.2, 7.2)))
    else:
        blocks.append(Paragraph.of("Geen andere bronnen.", ParagraphStyle.EMPTY))
    missing = [r for r in ctx.all_entries() if r.from_snapshot]
    if missing:
        why = ("Niet meer in de catalogus, en daarom zonder vindplaats" if ctx.catalogue_read
               else "Zonder vindplaats, omdat de catalogus bij het maken van deze bijlage niet kon "
                    "worden gelezen")
        blocks.append(
            Paragraph.of(f"{why}: " + ", ".join(r.name for r in missing) + ".", ParagraphStyle.NOTE)
        )
    return blocks
