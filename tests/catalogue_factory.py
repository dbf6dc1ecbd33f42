"""Write small catalogue sources in tmp folders, for tests that need exact control."""

from __future__ import annotations

from pathlib import Path

TARGET_GROUPS = """
[[target_group]]
key = "ouderen"
name = "Ouderen (65+)"

[[target_group]]
key = "mantelzorgers"
name = "Mantelzorgers"

[[target_group]]
key = "jongeren"
name = "Jongeren (12–25 jaar)"
"""


def intervention_toml(
    key: str,
    name: str,
    *,
    summary: str = "Een korte samenvatting.",
    aim: str = "Een doel.",
    target_group: str = "Inwoners.",
    owner: str = "Stichting Voorbeeld",
    themes: str = '["eenzaamheid"]',
    groups: str = '["ouderen"]',
    level: str = "goed_beschreven",
    databank: str = "movisie",
    extra: str = "",
) -> str:
    return f'''key = "{key}"
name = "{name}"
summary = "{summary}"
aim = "{aim}"
approach = "Een aanpak."
target_group = "{target_group}"
owner = "{owner}"
checked_on = 2026-11-01
themes = {themes}
target_groups = {groups}
sources = ["https://example.org/{key}"]
{extra}
[[listings]]
databank = "{databank}"
level = "{level}"
url = "https://example.org/databank/{key}"
seen_on = 2026-11-01
'''


def write_source(root: Path, interventions: dict[str, str]) -> Path:
    """A source folder with the given ``{key: toml text}`` interventions."""
    source = root / "source"
    (source / "interventions").mkdir(parents=True)
    (source / "catalogue.toml").write_text(
        'title = "Testcatalogus"\nchecked_on = 2026-11-01\n', encoding="utf-8"
    )
    (source / "target_groups.toml").write_text(TARGET_GROUPS, encoding="utf-8")
    for key, text in interventions.items():
        (source / "interventions" / f"{key}.toml").write_text(text, encoding="utf-8")
    return source


def _listing(databank: str, level: str, recognised_on: str) -> str:
    return (f'\n[[listings]]\ndatabank = "{databank}"\nlevel = "{level}"\n'
            f'url = "https://example.org/{databank}/{level}"\nrecognised_on = "{recognised_on}"\n'
            'seen_on = 2026-11-01\n')


def lapsing_source(root: Path) -> Path:
    """Interventions around the validity rules, all with peildatum 2026-11-01.

    ``oud-nji``: NJi, recognised 2015 (lapsed); ``vers-nji``: NJi, 2024 (valid); ``oud-rivm``:
    RIVM, 2010 (no rule known, so never marked); ``gemengd``: NJi 2012 (lapsed) beside Movisie
    *goed beschreven* (no rule), so its current level is lower than its best one.
    """
    def item(key: str, name: str, *listings: str) -> str:
        base = intervention_toml(key, name, level="niet_beoordeeld", databank="overig")
        return base + "".join(listings)

    return write_source(root, {
        "oud-nji": item("oud-nji", "Oude jeugdinterventie", _listing("nji", "goed_onderbouwd", "2015-06")),
        "vers-nji": item("vers-nji", "Verse jeugdinterventie", _listing("nji", "effectief_eerste", "2024")),
        "oud-rivm": item("oud-rivm", "Oude leefstijlinterventie", _listing("rivm", "effectief_goede", "2010")),
        "gemengd": item("gemengd", "Gemengde interventie", _listing("nji", "effectief_goede", "2012"),
                        _listing("movisie", "goed_beschreven", "2012")),
    })
