"""``synonyms.toml``: the small, reviewed list of words officers type and the words the
catalogue text uses instead (``valpreventie`` → *vallen*). Optional; see
docs/catalogue-format.md."""

from __future__ import annotations

from pathlib import Path

from gala_desktop.catalogue.textnorm import words
from gala_desktop.catalogue.toml_check import Checker, Problem, read_toml, table_list


# An alternative is matched where a word starts, as " " + phrase in the trigram index, which
# needs three characters: a one-letter alternative would match nothing there, and every word
# starting with that letter in the name index.
MIN_PHRASE = 2


def load_synonyms(path: Path, display: str) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """``synonyms.toml``: reviewed search synonyms. Optional; see docs/catalogue-format.md."""
    if not path.exists():
        return {}, []
    data, text, problems = read_toml(path, display)
    if data is None:
        return {}, problems
    check = Checker(display, text)
    check.unknown_fields(data, {"synonym": True}, "")
    synonyms: dict[str, tuple[str, ...]] = {}
    for index, item in enumerate(table_list(check, data.get("synonym"), "synonym", True)):
        path_ = f"synonym[{index + 1}]."
        check.unknown_fields(item, {"term": True, "alternatives": True}, path_, "synonym", index)
        raw = check.text(item, "term", True, path_ + "term", "synonym", index)
        term = words(raw)
        alternatives = item.get("alternatives")
        if raw and (len(term) != 1 or len(term[0]) < 3):
            check.add(path_ + "term", f"'{raw}' moet één woord van minstens drie letters zijn",
                      "term", "synonym", index)
        elif raw and term[0] in synonyms:
            check.add(path_ + "term", f"'{raw}' komt twee keer voor", "term", "synonym", index)
        if (not isinstance(alternatives, list) or not alternatives
                or not all(isinstance(a, str) and words(a) for a in alternatives)):
            check.add(path_ + "alternatives", "moet een lijst met minstens één woord of woordgroep zijn",
                      "alternatives", "synonym", index)
            continue
        phrases = tuple(dict.fromkeys(" ".join(words(a)) for a in alternatives))
        if short := [a for a in alternatives if len(" ".join(words(a))) < MIN_PHRASE]:
            check.add(path_ + "alternatives", f"'{short[0]}' is te kort: minstens twee tekens",
                      "alternatives", "synonym", index)
            continue
        if len(term) == 1 and term[0] in phrases:
            check.add(path_ + "alternatives", f"bevat het woord '{raw}' zelf", "alternatives", "synonym", index)
        elif len(term) == 1 and len(term[0]) >= 3:
            synonyms[term[0]] = phrases
    return dict(sorted(synonyms.items())), check.problems


