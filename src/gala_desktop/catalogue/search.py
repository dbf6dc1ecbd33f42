"""Full-text search over the catalogue with facet filters, in SQL.

Each word the user types is folded (case, diacritics) and quoted as an FTS5 string, so no input
can be read as FTS syntax. Words of three or more characters are looked up in the trigram index,
together with their Dutch stem, which finds them inside compounds and across inflections
(``zorg`` → *mantelzorg*, ``ouderen`` → *oudere*); shorter words use the prefix index of the
word table, so results appear from the first keystroke. Results are ranked with bm25, the name
weighing most. A query that matches more than ``RANK_CAP`` interventions (the first letter
typed, at 100,000 interventions) is neither counted in full nor ranked: it lists in catalogue
order until the next keystroke narrows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from gala_desktop.catalogue.schema import FTS_WEIGHTS
from gala_desktop.catalogue.textnorm import stem, words
from gala_desktop.domain.intervention import InterventionSummary
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import THEMES

MIN_TRIGRAM = 3
MAX_WORDS = 12  # more words than this only slow the query down without narrowing it
RANK_CAP = 2000  # matches counted and ranked at most; broader queries list in catalogue order


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of hits. ``total`` is exact when ``exact``; otherwise there are more than
    ``RANK_CAP`` matches, and the page is in catalogue order instead of ranked."""

    items: list[InterventionSummary]
    total: int
    exact: bool = True


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def build_match(user_text: str) -> tuple[str | None, str | None]:
    """The MATCH expressions for the trigram and the word index (``None`` when not needed)."""
    tri_parts: list[str] = []
    word_parts: list[str] = []
    for word in dict.fromkeys(words(user_text[:500])).keys():
        if len(tri_parts) + len(word_parts) >= MAX_WORDS:
            break
        if len(word) >= MIN_TRIGRAM:
            alternatives = [_quote(word)]
            stemmed = stem(word)
            if stemmed != word and len(stemmed) >= MIN_TRIGRAM:
                alternatives.append(_quote(stemmed))
            tri_parts.append("(" + " OR ".join(alternatives) + ")")
        else:
            word_parts.append(_quote(word) + " *")
    tri = " AND ".join(tri_parts) or None
    word_expr = " AND ".join(word_parts) or None
    return tri, word_expr


def _expand_themes(keys: frozenset[str]) -> list[str]:
    """A goal also selects its sub-themes."""
    expanded = set(keys)
    for theme in THEMES:
        if theme.parent_key in keys:
            expanded.add(theme.key)
    return sorted(expanded)


def _bind_list(prefix: str, values: list[str], params: dict) -> str:
    names = []
    for i, value in enumerate(values):
        params[f"{prefix}{i}"] = value
        names.append(f":{prefix}{i}")
    return ", ".join(names)


def search(conn: Connection, query: SearchQuery) -> SearchResult:
    params: dict[str, object] = {}
    where: list[str] = []
    tri, word_expr = build_match(query.text)
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    if tri:
        fts = "search_trigram"
        where.append("search_trigram MATCH :tri")
        params["tri"] = tri
        if word_expr:
            where.append("i.id IN (SELECT rowid FROM search_words WHERE search_words MATCH :words)")
            params["words"] = word_expr
    elif word_expr:
        fts = "search_words"
        where.append("search_words MATCH :words")
        params["words"] = word_expr
    else:  # no searchable word: every intervention, by name
        fts = None
    source = f"{fts} JOIN intervention i ON i.id = {fts}.rowid" if fts else "intervention i"

    if query.theme_keys:
        names = _bind_list("th", _expand_themes(query.theme_keys), params)
        where.append(
            f"i.id IN (SELECT intervention_id FROM intervention_theme WHERE theme_key IN ({names}))"
        )
    if query.target_group_keys:
        names = _bind_list("tg", sorted(query.target_group_keys), params)
        where.append(
            "i.id IN (SELECT intervention_id FROM intervention_target_group "
            f"WHERE target_group_key IN ({names}))"
        )
    if query.min_level is not None and query.min_level.rank > 0:
        where.append("i.best_level_rank >= :min_rank")
        params["min_rank"] = query.min_level.rank
    if query.databanks:
        names = _bind_list("db", sorted(d.value for d in query.databanks), params)
        where.append(f"i.id IN (SELECT intervention_id FROM listing WHERE databank IN ({names}))")
    clause = (" WHERE " + " AND ".join(where)) if where else ""

    # Count up to the cap only: a broad query ("e") matches nearly everything, and counting or
    # ranking all of that costs more than the officer gains from it.
    counted = conn.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {source}{clause} LIMIT :cap)"),
        {**params, "cap": RANK_CAP + 1},
    ).scalar_one()
    exact = counted <= RANK_CAP
    if fts and exact:
        order = f"bm25({fts}, {weights}), i.sort_name"
    elif fts:
        order = f"{fts}.rowid"  # streams in build order (by key), no sort of every match
    else:
        order = "i.sort_name"
    rows = conn.execute(
        text(
            f"SELECT i.key, i.name, i.owner, i.best_level, i.theme_keys, i.databank_keys "
            f"FROM {source}{clause} ORDER BY {order} LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": max(0, query.limit), "offset": max(0, query.offset)},
    ).all()
    items = [
        InterventionSummary(
            key=r.key,
            name=r.name,
            owner=r.owner,
            best_level=RecognitionLevel(r.best_level),
            theme_keys=tuple(r.theme_keys.split()),
            databanks=tuple(Databank(d) for d in r.databank_keys.split()),
        )
        for r in rows
    ]
    return SearchResult(items, min(counted, RANK_CAP), exact)
