"""Full-text search over the catalogue with facet filters, in SQL.

Each word the user types is folded (case, diacritics) and quoted as an FTS5 string, so no input
can be read as FTS syntax. Words of three or more characters are looked up in the trigram index,
together with their Dutch stem, which finds them inside compounds and across inflections
(``zorg`` → *mantelzorg*, ``ouderen`` → *oudere*); shorter words use the prefix index of the
word table, so results appear from the first keystroke. Results are ranked with bm25, the name
weighing most.
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


@dataclass(frozen=True, slots=True)
class SearchResult:
    items: list[InterventionSummary]
    total: int


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
        source = "search_trigram JOIN intervention i ON i.id = search_trigram.rowid"
        rank = f"bm25(search_trigram, {weights})"
        where.append("search_trigram MATCH :tri")
        params["tri"] = tri
        if word_expr:
            where.append("i.id IN (SELECT rowid FROM search_words WHERE search_words MATCH :words)")
            params["words"] = word_expr
    elif word_expr:
        source = "search_words JOIN intervention i ON i.id = search_words.rowid"
        rank = f"bm25(search_words, {weights})"
        where.append("search_words MATCH :words")
        params["words"] = word_expr
    else:  # no searchable word: every intervention, by name
        source, rank = "intervention i", ""

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
    params["limit"] = max(0, query.limit)
    params["offset"] = max(0, query.offset)
    rows = conn.execute(
        text(
            f"SELECT i.id, i.key, i.name, i.owner, i.best_level FROM {source}{clause} "
            f"ORDER BY {rank + ', ' if rank else ''}i.sort_name LIMIT :limit OFFSET :offset"
        ),
        params,
    ).all()
    if len(rows) < query.limit and query.offset == 0:
        total = len(rows)
    else:
        count_params = {k: v for k, v in params.items() if k not in ("limit", "offset")}
        total = conn.execute(text(f"SELECT count(*) FROM {source}{clause}"), count_params).scalar_one()
    return SearchResult(_summaries(conn, rows), int(total))


def _summaries(conn: Connection, rows) -> list[InterventionSummary]:
    if not rows:
        return []
    params: dict[str, object] = {}
    ids = _bind_list("id", [r.id for r in rows], params)
    themes: dict[int, list[str]] = {}
    for row in conn.execute(
        text(
            f"SELECT intervention_id, theme_key FROM intervention_theme "
            f"WHERE intervention_id IN ({ids}) ORDER BY intervention_id, position"
        ),
        params,
    ):
        themes.setdefault(row.intervention_id, []).append(row.theme_key)
    banks: dict[int, list[Databank]] = {}
    for row in conn.execute(
        text(
            f"SELECT intervention_id, databank FROM listing "
            f"WHERE intervention_id IN ({ids}) ORDER BY intervention_id, position"
        ),
        params,
    ):
        bank = Databank(row.databank)
        if bank not in banks.setdefault(row.intervention_id, []):
            banks[row.intervention_id].append(bank)
    return [
        InterventionSummary(
            key=r.key,
            name=r.name,
            owner=r.owner,
            best_level=RecognitionLevel(r.best_level),
            theme_keys=tuple(themes.get(r.id, ())),
            databanks=tuple(banks.get(r.id, ())),
        )
        for r in rows
    ]
