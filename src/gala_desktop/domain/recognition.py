"""Recognition levels and the databanks that award them."""

from __future__ import annotations

import enum


class RecognitionLevel(enum.Enum):
    """The shared recognition ladder of the Dutch databanks, plus two non-levels.

    ``rank`` orders the real levels; both non-levels rank 0 so that a minimum-level filter never
    lets them through. ``UNKNOWN`` means we could not verify a level; ``NOT_ASSESSED`` means the
    intervention is known not to have been assessed (or is not in a databank at all).

    ``EFFECTIVE`` is a real level: the databank says *effectief* without naming the sub-level.
    It is at least *effectief volgens eerste aanwijzingen*, so it shares that rank (a minimum of
    "eerste aanwijzingen" lets it through, a minimum of "goede aanwijzingen" does not), and
    ``sort_key`` places it just below the named sub-level of the same rank.
    """

    UNKNOWN = "onbekend"
    NOT_ASSESSED = "niet_beoordeeld"
    WELL_DESCRIBED = "goed_beschreven"
    WELL_FOUNDED = "goed_onderbouwd"
    EFFECTIVE = "effectief"
    EFFECTIVE_FIRST = "effectief_eerste"
    EFFECTIVE_GOOD = "effectief_goede"
    EFFECTIVE_STRONG = "effectief_sterke"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def sort_key(self) -> tuple[int, int]:
        """Total order: rank first; within a rank the stated sub-level above the unstated one,
        and *onbekend* above *niet beoordeeld*."""
        return _RANKS[self], _TIE_BREAK.get(self, 1)

    @property
    def label(self) -> str:
        """Dutch name as shown to users."""
        return _LABELS[self]

    @property
    def short_label(self) -> str:
        return _SHORT_LABELS[self]

    @property
    def is_recognised(self) -> bool:
        return self.rank > 0

    @classmethod
    def ordered(cls) -> list["RecognitionLevel"]:
        """The real levels, lowest first."""
        return sorted((lvl for lvl in cls if lvl.rank > 0), key=lambda lvl: lvl.sort_key)

    @classmethod
    def thresholds(cls) -> list["RecognitionLevel"]:
        """The levels a minimum-level filter offers: one per rank (the stated sub-level)."""
        return [lvl for lvl in cls.ordered() if lvl is not cls.EFFECTIVE]


_RANKS = {
    RecognitionLevel.UNKNOWN: 0,
    RecognitionLevel.NOT_ASSESSED: 0,
    RecognitionLevel.WELL_DESCRIBED: 1,
    RecognitionLevel.WELL_FOUNDED: 2,
    RecognitionLevel.EFFECTIVE: 3,
    RecognitionLevel.EFFECTIVE_FIRST: 3,
    RecognitionLevel.EFFECTIVE_GOOD: 4,
    RecognitionLevel.EFFECTIVE_STRONG: 5,
}

_TIE_BREAK = {RecognitionLevel.NOT_ASSESSED: 0, RecognitionLevel.EFFECTIVE: 0}

_LABELS = {
    RecognitionLevel.UNKNOWN: "Onbekend (niet geverifieerd)",
    RecognitionLevel.NOT_ASSESSED: "Niet beoordeeld",
    RecognitionLevel.WELL_DESCRIBED: "Goed beschreven",
    RecognitionLevel.WELL_FOUNDED: "Goed onderbouwd",
    RecognitionLevel.EFFECTIVE: "Effectief (niveau niet vermeld)",
    RecognitionLevel.EFFECTIVE_FIRST: "Effectief volgens eerste aanwijzingen",
    RecognitionLevel.EFFECTIVE_GOOD: "Effectief volgens goede aanwijzingen",
    RecognitionLevel.EFFECTIVE_STRONG: "Effectief volgens sterke aanwijzingen",
}

_SHORT_LABELS = {
    RecognitionLevel.UNKNOWN: "onbekend",
    RecognitionLevel.NOT_ASSESSED: "niet beoordeeld",
    RecognitionLevel.WELL_DESCRIBED: "goed beschreven",
    RecognitionLevel.WELL_FOUNDED: "goed onderbouwd",
    RecognitionLevel.EFFECTIVE: "effectief (niveau niet vermeld)",
    RecognitionLevel.EFFECTIVE_FIRST: "effectief (eerste)",
    RecognitionLevel.EFFECTIVE_GOOD: "effectief (goede)",
    RecognitionLevel.EFFECTIVE_STRONG: "effectief (sterke)",
}

LEVEL_EXPLANATIONS: dict[RecognitionLevel, str] = {
    RecognitionLevel.WELL_DESCRIBED: (
        "Doelgroep, doel, aanpak, randvoorwaarden en overdraagbaarheid zijn helder beschreven en "
        "beoordeeld door praktijkdeskundigen."
    ),
    RecognitionLevel.WELL_FOUNDED: (
        "Daarnaast is met theorie, modellen of literatuur onderbouwd waarom de aanpak werkt "
        "(niveau I)."
    ),
    RecognitionLevel.EFFECTIVE: (
        "De databank noemt de interventie effectief, maar de geraadpleegde pagina vermeldt niet "
        "volgens welke aanwijzingen (eerste, goede of sterke); telt als minstens eerste aanwijzingen."
    ),
    RecognitionLevel.EFFECTIVE_FIRST: (
        "Onderzoek in de praktijk geeft eerste aanwijzingen dat de interventie effect heeft "
        "(niveau II)."
    ),
    RecognitionLevel.EFFECTIVE_GOOD: (
        "Degelijk vergelijkend onderzoek geeft goede aanwijzingen voor effectiviteit (niveau III)."
    ),
    RecognitionLevel.EFFECTIVE_STRONG: (
        "Herhaald sterk onderzoek geeft sterke aanwijzingen voor effectiviteit (niveau IV)."
    ),
    RecognitionLevel.UNKNOWN: (
        "Het erkenningsniveau kon niet worden geverifieerd; raadpleeg de bron."
    ),
    RecognitionLevel.NOT_ASSESSED: (
        "De interventie is niet (of niet meer) door een erkenningscommissie beoordeeld."
    ),
}


class Databank(enum.Enum):
    """Where an intervention is listed."""

    MOVISIE = "movisie"
    RIVM = "rivm"
    KCSB = "kcsb"
    NJI = "nji"
    VILANS = "vilans"
    OTHER = "overig"

    @property
    def label(self) -> str:
        return _DATABANK_LABELS[self]

    @property
    def short_label(self) -> str:
        return _DATABANK_SHORT[self]


_DATABANK_LABELS = {
    Databank.MOVISIE: "Movisie – Databank Effectieve sociale interventies",
    Databank.RIVM: "RIVM Loket Gezond Leven – Interventiedatabase Gezond en Actief Leven",
    Databank.KCSB: "Kenniscentrum Sport & Bewegen – Sport- en beweeginterventies",
    Databank.NJI: "NJi – Databank Effectieve jeugdinterventies",
    Databank.VILANS: "Vilans – Databank interventies langdurige zorg",
    Databank.OTHER: "Andere bron (geen erkende databank)",
}

_DATABANK_SHORT = {
    Databank.MOVISIE: "Movisie",
    Databank.RIVM: "RIVM",
    Databank.KCSB: "KCSB",
    Databank.NJI: "NJi",
    Databank.VILANS: "Vilans",
    Databank.OTHER: "Overig",
}
