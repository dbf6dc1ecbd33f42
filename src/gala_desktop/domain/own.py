"""The officer's own interventions (*eigen interventies*): local initiatives without recognition.

An own intervention is an ordinary :class:`Intervention` without listings whose key starts with
``eigen:``; that prefix is how every layer tells it apart (a catalogue key is a slug of letters,
digits and hyphens, so it can never contain the colon).
This module holds the JSON form shared by the local library, the project file (an entry keeps a
full copy) and the export file for colleagues.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

from gala_desktop.domain.intervention import OWN_PREFIX, Condition, ConditionKind, Intervention, TargetGroup
from gala_desktop.domain.themes import THEMES

OWN_LABEL = "eigen interventie — niet erkend"
OWN_LABEL_TITLE = "Eigen interventie — niet erkend"
NOT_RECOGNISED = (
    "Dit is een eigen interventie van de gemeente. Zij is niet erkend en staat niet in een "
    "erkende databank."
)
EXPORT_FORMAT = "gala-desktop-eigen-interventies"
EXPORT_VERSION = 1

_KEY = re.compile(r"^eigen:[a-z0-9]+(-[a-z0-9]+)*$")
_THEME_KEYS = frozenset(t.key for t in THEMES)


class OwnInterventionError(ValueError):
    """An own intervention record is not usable; ``str`` is a Dutch reason."""


def is_own_key(key: str) -> bool:
    return key.startswith(OWN_PREFIX)


def new_own_key() -> str:
    return OWN_PREFIX + os.urandom(6).hex()


def description_to_dict(item: Intervention) -> dict[str, Any]:
    """The descriptive texts of any intervention, as in the JSON exports (fixed key order)."""
    return {
        "key": item.key,
        "name": item.name,
        "summary": item.summary,
        "aim": item.aim,
        "approach": item.approach,
        "target_group": item.target_group_text,
        "owner": item.owner,
        "website": item.website,
        "costs": item.costs_note,
        "checked_on": item.checked_on.isoformat(),
    }


def own_to_dict(item: Intervention) -> dict[str, Any]:
    """The JSON form, in a fixed key order."""
    return {
        **description_to_dict(item),
        "themes": list(item.theme_keys),
        "target_groups": [{"key": g.key, "name": g.name} for g in item.target_groups],
        "conditions": [{"kind": c.kind.value, "text": c.text} for c in item.conditions],
    }


def own_from_dict(raw: Any, where: str = "de eigen interventie") -> Intervention:
    """Strict reading of :func:`own_to_dict`'s form; raises :class:`OwnInterventionError`."""
    if not isinstance(raw, dict):
        raise OwnInterventionError(f"In {where} staan geen gegevens.")

    def text(name: str, required: bool = False) -> str:
        value = raw.get(name, "")
        if not isinstance(value, str):
            raise OwnInterventionError(f"In {where} moet ‘{name}’ tekst zijn.")
        if required and not value.strip():
            raise OwnInterventionError(f"In {where} ontbreekt ‘{name}’.")
        return value

    key = text("key", True)
    if not _KEY.match(key):
        raise OwnInterventionError(f"In {where} is de sleutel ‘{key}’ geen sleutel van een eigen interventie.")
    try:
        checked_on = dt.date.fromisoformat(text("checked_on", True))
    except ValueError:
        raise OwnInterventionError(f"In {where} is ‘checked_on’ geen datum.") from None
    themes = raw.get("themes", [])
    if not isinstance(themes, list) or any(t not in _THEME_KEYS for t in themes):
        raise OwnInterventionError(f"In {where} staat een onbekend thema.")
    try:
        groups = tuple(TargetGroup(str(g["key"]), str(g["name"])) for g in raw.get("target_groups", []))
        conditions = tuple(
            Condition(ConditionKind(c["kind"]), str(c["text"])) for c in raw.get("conditions", [])
        )
    except (KeyError, TypeError, ValueError):
        raise OwnInterventionError(f"In {where} zijn de doelgroepen of randvoorwaarden onleesbaar.") from None
    return Intervention(
        key=key,
        name=text("name", True),
        summary=text("summary"),
        aim=text("aim"),
        approach=text("approach"),
        target_group_text=text("target_group"),
        owner=text("owner"),
        checked_on=checked_on,
        website=text("website"),
        costs_note=text("costs"),
        theme_keys=tuple(themes),
        target_groups=groups,
        conditions=conditions,
    )
