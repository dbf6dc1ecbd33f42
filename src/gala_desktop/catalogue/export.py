"""Export the whole catalogue as JSON, for maintainers and IT."""

from __future__ import annotations

import json

from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.own import description_to_dict
from gala_desktop.domain.themes import theme_name


def intervention_to_dict(item: Intervention) -> dict:
    return {
        **description_to_dict(item),
        "best_level": item.best_level.value,
        "themes": [{"key": k, "name": theme_name(k)} for k in item.theme_keys],
        "target_groups": [{"key": g.key, "name": g.name} for g in item.target_groups],
        "active_elements": list(item.active_elements),
        "listings": [
            {
                "databank": li.databank.value,
                "databank_name": li.databank.label,
                "level": li.level.value,
                "level_name": li.level.label,
                "recognised_on": li.recognised_on,
                "seen_on": li.seen_on.isoformat() if li.seen_on else None,
                "committee": li.committee,
                "under_review": li.under_review,
                "url": li.url,
                "note": li.note,
            }
            for li in item.listings
        ],
        "conditions": [
            {"kind": c.kind.value, "kind_name": c.kind.label, "text": c.text} for c in item.conditions
        ],
        "sources": list(item.sources),
    }


def catalogue_to_json(catalogue: Catalogue) -> str:
    document = {
        "title": catalogue.title,
        "checked_on": catalogue.checked_on.isoformat(),
        "interventions": [intervention_to_dict(i) for i in catalogue.all()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
