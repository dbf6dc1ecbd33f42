"""What every part of the annex builder needs: the project, the catalogue facts and the choices.

``AnnexContext`` resolves every included shortlist entry once (catalogue lookup, anchor, level)
so that the summary table, the theme sections and the sources list always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from gala_desktop.annex.model import Paragraph, ParagraphStyle
from gala_desktop.domain.formatting import format_euro
from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.own import OWN_LABEL_TITLE, is_own_key
from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.validity import best_level_may_have_lapsed, lapse_suffix

Lookup = Callable[[str], "Intervention | None"]

NOT_FILLED = "nog niet ingevuld"
DEFAULT_TITLE = "Beleidsvisie sociale basis"
DEFAULT_SUBTITLE = "Bijlage bij de beleidsvisie sociale basis"


@dataclass(frozen=True, slots=True)
class AnnexOptions:
    """Which shortlist entries besides the *gekozen* ones go into the annex."""

    include_considering: bool = False
    include_dropped: bool = False

    def includes(self, status: EntryStatus) -> bool:
        if status is EntryStatus.CHOSEN:
            return True
        if status is EntryStatus.CONSIDERING:
            return self.include_considering
        return self.include_dropped


# Said of an entry whose intervention the catalogue no longer holds, or could not be read for
NOT_IN_CATALOGUE = "niet meer in de catalogus"
CATALOGUE_UNREAD = "catalogus niet leesbaar"


@dataclass(frozen=True, slots=True)
class ResolvedEntry:
    entry: ShortlistEntry
    intervention: Intervention | None  # None: not in the catalogue (or it could not be read)
    anchor: str
    catalogue_read: bool = True  # False: the catalogue could not be read for this annex

    @property
    def from_snapshot(self) -> bool:
        """A catalogue intervention told from what was recorded when it was chosen: it is not
        in the catalogue now, or the catalogue could not be read."""
        return self.intervention is None and not self.is_own

    @property
    def missing_reason(self) -> str:
        return NOT_IN_CATALOGUE if self.catalogue_read else CATALOGUE_UNREAD

    @property
    def name(self) -> str:
        return self.intervention.name if self.intervention else self.entry.snapshot.name

    @property
    def level(self) -> RecognitionLevel:
        return self.intervention.best_level if self.intervention else self.entry.snapshot.level

    @property
    def is_own(self) -> bool:
        return self.entry.snapshot.own is not None or is_own_key(self.entry.intervention_key)

    @property
    def level_text(self) -> str:
        """The level in words, with the lapse warning when it may have lapsed; an own
        intervention says it is not recognised."""
        if self.is_own:
            return OWN_LABEL_TITLE
        if self.from_snapshot:  # no current level to go by: say whose level this is
            return f"{self.level.label}, vastgelegd bij de keuze ({self.missing_reason})"
        lapsed = self.intervention is not None and best_level_may_have_lapsed(self.intervention)
        return self.level.label + lapse_suffix(lapsed)

    @property
    def owner(self) -> str:
        return self.intervention.owner if self.intervention else self.entry.snapshot.owner

    @property
    def status(self) -> EntryStatus:
        return self.entry.status

    @property
    def heading(self) -> str:
        """The name, with the status added when it is not *gekozen*."""
        if self.status is EntryStatus.CHOSEN:
            return self.name
        return f"{self.name} ({self.status.label.lower()})"


@dataclass(slots=True)
class AnnexContext:
    project: Project
    options: AnnexOptions
    checked_on: dt.date | None
    catalogue_read: bool = True  # False: the catalogue could not be read (damaged)
    theme_keys: list[str] = field(default_factory=list)  # section order
    theme_anchors: dict[str, str] = field(default_factory=dict)
    entries: dict[str, list[ResolvedEntry]] = field(default_factory=dict)  # per theme key

    @classmethod
    def resolve(
        cls, project: Project, lookup: Lookup, options: AnnexOptions, checked_on: dt.date | None,
        catalogue_read: bool = True,
    ) -> "AnnexContext":
        ctx = cls(project, options, checked_on, catalogue_read)
        keys = project.chosen_theme_keys()
        # Entries filed under a theme that is no longer chosen still get a section: a chosen
        # intervention must never silently disappear from the annex.
        keys += [
            e.theme_key
            for e in project.shortlist
            if e.theme_key not in keys and options.includes(e.status)
        ]
        cache: dict[str, Intervention | None] = {}
        for t_index, key in enumerate(dict.fromkeys(keys), start=1):
            ctx.theme_keys.append(key)
            ctx.theme_anchors[key] = f"thema-{t_index}"
            resolved = []
            included = [e for e in project.entries_for(key) if options.includes(e.status)]
            for e_index, entry in enumerate(included, start=1):
                if entry.intervention_key not in cache:
                    cache[entry.intervention_key] = lookup(entry.intervention_key)
                resolved.append(
                    ResolvedEntry(
                        entry, cache[entry.intervention_key], f"interventie-{t_index}-{e_index}",
                        catalogue_read,
                    )
                )
            ctx.entries[key] = resolved
        return ctx

    def all_entries(self) -> list[ResolvedEntry]:
        return [r for key in self.theme_keys for r in self.entries[key]]

    def chosen_entries(self) -> list[ResolvedEntry]:
        return [r for r in self.all_entries() if r.status is EntryStatus.CHOSEN]

    @property
    def gemeente(self) -> str:
        return self.project.gemeente.strip()

    @property
    def title(self) -> str:
        return self.project.title.strip() or DEFAULT_TITLE


def money(cents: int | None) -> str:
    """An amount that never breaks between the euro sign and the number."""
    return format_euro(cents).replace(" ", "\u00a0")


def text_blocks(text: str, style: str = ParagraphStyle.BODY, empty: str = NOT_FILLED) -> list[Paragraph]:
    """User text as paragraphs: a blank line starts a new paragraph, a single newline stays a
    line break. Empty text becomes one placeholder paragraph."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = [p.strip("\n") for p in normalised.split("\n\n")]
    parts = [p for p in parts if p.strip()]
    if not parts:
        return [Paragraph.of(empty, ParagraphStyle.EMPTY)]
    return [Paragraph.of(p, style) for p in parts]
