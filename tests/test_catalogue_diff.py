"""The difference between two catalogues, on a prepared pair of real built catalogues."""

from __future__ import annotations

from gala_desktop.catalogue.store import diff_files
from gala_desktop.domain.catalogue_diff import DiffKind
from gala_desktop.domain.project import InterventionSnapshot, Project, ShortlistEntry
from gala_desktop.domain.recognition import RecognitionLevel
from update_support import build_small, intervention_toml as t

OLD = {
    "same": t("same", "Ongewijzigd"),
    "renamed": t("renamed", "Oude naam"),
    "up": t("up", "Omhoog", level="goed_beschreven"),
    "down": t("down", "Omlaag", level="effectief_goede"),
    "lapsed": t("lapsed", "Vervalt", level="goed_onderbouwd"),
    "gone": t("gone", "Verdwijnt"),
    "facts": t("facts", "Feiten", summary="Oude samenvatting.", owner="Stichting A"),
    "multi": t("multi", "Veel", level="goed_beschreven"),
    "dated": t("dated", "Alleen peildatum"),
}
NEW = {
    "same": t("same", "Ongewijzigd"),
    "renamed": t("renamed", "Nieuwe naam"),
    "up": t("up", "Omhoog", level="goed_onderbouwd"),
    "down": t("down", "Omlaag", level="effectief_eerste"),
    "lapsed": t("lapsed", "Vervalt", level="niet_beoordeeld"),
    "facts": t("facts", "Feiten", summary="Nieuwe samenvatting.", owner="Stichting B"),
    "multi": t("multi", "Veel (nieuw)", level="effectief_eerste", themes='["eenzaamheid", "mantelzorg"]'),
    "dated": t("dated", "Alleen peildatum").replace("checked_on = 2026-11-01", "checked_on = 2026-11-20")
    .replace("seen_on = 2026-11-01", "seen_on = 2026-11-20"),
    "added": t("added", "Erbij", level="effectief_sterke"),
}


def test_diff_of_a_prepared_pair_is_exact(tmp_path):
    old = build_small(tmp_path / "old", OLD, "2026-11-01")
    new = build_small(tmp_path / "new", NEW, "2026-11-20")
    diff = diff_files(old, new)
    got = {item.key: (item.kinds, item.changed_facts) for item in diff.items}
    assert got == {
        "added": ((DiffKind.ADDED,), ()),
        "down": ((DiffKind.LEVEL_DOWN,), ()),
        "facts": ((DiffKind.OTHER,), ("samenvatting", "eigenaar")),
        "gone": ((DiffKind.REMOVED,), ()),
        "lapsed": ((DiffKind.LAPSED,), ()),
        "multi": ((DiffKind.RENAMED, DiffKind.LEVEL_UP, DiffKind.OTHER), ("thema's",)),
        "renamed": ((DiffKind.RENAMED,), ()),
        "up": ((DiffKind.LEVEL_UP,), ()),
    }
    assert [item.key for item in diff.items] == sorted(got)  # ordered by key
    assert (diff.old_count, diff.new_count) == (9, 9)
    assert diff.counts() == {
        DiffKind.ADDED: 1, DiffKind.REMOVED: 1, DiffKind.RENAMED: 2, DiffKind.LEVEL_UP: 2,
        DiffKind.LEVEL_DOWN: 1, DiffKind.LAPSED: 1, DiffKind.OTHER: 2,
    }
    by_key = diff.by_key()
    assert by_key["multi"].describe() == (
        "naam: ‘Veel’ → ‘Veel (nieuw)’; niveau: goed beschreven → effectief (eerste); gewijzigd: thema's"
    )
    assert by_key["gone"].describe() == "niet meer in de catalogus"
    assert by_key["gone"].name == "Verdwijnt"
    assert by_key["added"].describe() == "nieuw, effectief (sterke)"
    assert by_key["lapsed"].describe() == "niveau: goed onderbouwd → niet beoordeeld"


def test_affected_entries_of_a_project(tmp_path):
    diff = diff_files(build_small(tmp_path / "old", OLD, "2026-11-01"),
                      build_small(tmp_path / "new", NEW, "2026-11-20"))
    snap = InterventionSnapshot("x", RecognitionLevel.WELL_DESCRIBED, "")
    project = Project(shortlist=[
        ShortlistEntry("same", "eenzaamheid", snap),
        ShortlistEntry("gone", "eenzaamheid", snap),
        ShortlistEntry("up", "mantelzorg", snap),
    ])
    affected = diff.affected_entries(project)
    assert [(entry.intervention_key, change.kinds) for entry, change in affected] == [
        ("gone", (DiffKind.REMOVED,)), ("up", (DiffKind.LEVEL_UP,)),
    ]


def _nji_recognised(checked_on):
    import datetime as dt

    from gala_desktop.domain.intervention import Intervention, Listing
    from gala_desktop.domain.recognition import Databank

    listing = Listing(Databank.NJI, RecognitionLevel.WELL_FOUNDED, "https://www.nji.nl/interventies/x",
                      recognised_on="2020-03-01")
    return Intervention("x", "Jeugdaanpak", "s", "a", "b", "t", "o", checked_on=dt.date(*checked_on),
                        listings=(listing,))


def test_a_recognition_past_its_validity_period_is_lapsed_in_the_diff():
    from gala_desktop.domain.catalogue_diff import diff_catalogues

    # NJi re-assesses after five years: valid on 1 March 2025 - 1 day, lapsed from 1 March 2025 on.
    diff = diff_catalogues([_nji_recognised((2025, 2, 28))], [_nji_recognised((2025, 3, 1))])
    (item,) = diff.items
    assert item.kinds == (DiffKind.LAPSED,)
    assert item.describe() == "niveau: goed onderbouwd, erkenning mogelijk verlopen — controleer de databank"
    # Already lapsed in the catalogue in use: nothing new to report.
    assert diff_catalogues([_nji_recognised((2025, 6, 1))], [_nji_recognised((2025, 7, 1))]).items == ()
