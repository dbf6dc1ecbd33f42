"""Synthetic projects: a beleidsvisie with N shortlisted interventions and filled-in plans."""

from __future__ import annotations

import datetime as dt
from random import Random

from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistState,
    EntryStatus,
    FundingSource,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)

PARTNERS = (
    "Welzijn Lindeveen, de GGD en de huisartsen in de wijk",
    "Sportservice Lindeveen en de buurtsportcoaches",
    "Stichting Mantelzorg & Meer, het wijkteam en de bibliotheek",
    "Het jongerenwerk, twee middelbare scholen en de jeugdgezondheidszorg",
)
NEIGHBOURHOODS = ("Oud-Lindeveen, De Hoven", "Noordveen en Kerkbuurt", "alle kernen", "Veldhoven-Zuid")
NOTE = (
    "We starten met een proef van een jaar in {wijk}. Na zes maanden bespreken we de eerste "
    "resultaten met de partners en de inwoners die meedoen; daarna besluiten we over uitbreiding. "
    "De uitvoering sluit aan op {naam} zoals beschreven in de databank; de lokale coördinator "
    "bewaakt de randvoorwaarden."
)
ACCESS = (
    "Deelname is gratis; vervoer regelen we met de vrijwillige chauffeursdienst.",
    "De bijeenkomsten zijn in het buurthuis, op loopafstand voor de meeste deelnemers.",
    "Folders in eenvoudige taal en een persoonlijke uitnodiging via de wijkverpleging.",
    "Samen met sleutelfiguren uit de gemeenschap stemmen we de aanpak af op de doelgroep.",
)


def synthetic_project(interventions: list[Intervention], seed: str = "project") -> Project:
    """A project whose shortlist holds every given intervention, all *gekozen*, plans filled in."""
    rng = Random(f"{seed}-{len(interventions)}")
    project = Project(
        gemeente="Lindeveen",
        title="Beleidsvisie sociale basis 2027–2030",
        authors=["A. de Vries", "M. El Amrani"],
        period="2027–2030",
        date=dt.date(2026, 11, 23),
        introduction="Deze bijlage beschrijft de interventies die Lindeveen inzet. " * 5,
    )
    theme_keys: dict[str, None] = {}
    for number, intervention in enumerate(interventions):
        theme_key = intervention.theme_keys[0] if intervention.theme_keys else "eenzaamheid"
        theme_keys.setdefault(theme_key, None)
        entry = ShortlistEntry.for_intervention(intervention, theme_key)
        entry.id = f"bench-{number:04d}"
        entry.status = EntryStatus.CHOSEN
        entry.priority = rng.choice(list(Priority))
        plan = entry.plan
        plan.partners = rng.choice(PARTNERS)
        plan.budget_cents = rng.randrange(2_000, 90_000) * 100
        plan.funding_source = rng.choice(list(FundingSource))
        plan.funding_note = "Deels uit het SPUK-budget, deels uit de reserve sociaal domein."
        plan.start = dt.date(2027, rng.randrange(1, 13), 1)
        plan.end = dt.date(2029, rng.randrange(1, 13), 1)
        plan.neighbourhoods = rng.choice(NEIGHBOURHOODS)
        plan.reach = rng.randrange(10, 600)
        plan.responsible = "Beleidsadviseur sociaal domein"
        plan.monitoring = "Aantal deelnemers per kwartaal en een korte vragenlijst na afloop."
        for item in plan.checklist:
            item.state = rng.choice(list(ChecklistState))
            if item.state is ChecklistState.OPEN:
                item.note = "Nog afstemmen met de uitvoerder."
        plan.access = {aspect: ACCESS[i] for i, aspect in enumerate(AccessAspect) if rng.random() < 0.8}
        plan.notes = NOTE.format(wijk=plan.neighbourhoods, naam=intervention.name)
        project.shortlist.append(entry)
    project.themes = [
        ThemeChoice(key, "Lindeveen vergrijst en steeds meer inwoners voelen zich eenzaam. " * 3)
        for key in theme_keys
    ]
    return project


def pick(catalogue, count: int, seed: str = "pick") -> list[Intervention]:
    """``count`` interventions from ``catalogue``, chosen deterministically."""
    keys = catalogue.keys()
    chosen = Random(f"{seed}-{count}").sample(keys, count)
    found = catalogue.get_many(chosen)
    return [found[k] for k in chosen]
