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
