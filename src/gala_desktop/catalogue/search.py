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
from gala_desktop.domain.catalogue import SearchResult
from gala_desktop.domain.intervention import InterventionSummary
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import THEMES

MIN_TRIGRAM = 3
MAX_WORDS = 12  # more words than this only slow the query down without narrowing it
RANK_CAP = 2000  # matches counted and ranked at most; broader queries list in catalogue order


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
            stemmed = stem(word)
            if len(stemmed) < MIN_TRIGRAM or stemmed == word:
                tri_parts.append(_quote(word))
            elif stemmed in word:  # "ouder" finds everything "ouderen" finds, and "oudere"
                tri_parts.append(_quote(stemmed))
            else:  # "eenzaam" stems to "eenzam": look for both
                tri_parts.append(f"({_quote(word)} OR {_quote(stemmed)})")
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


@dataclass(frozen=True, slots=True)
class _Plan:
    fts: str | None  # the FTS table that drives the query, if any
    source: str
    clause: str
    params: dict[str, object]

    @property
    def score(self) -> str:
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        return f"bm25({self.fts}, {weights})" if self.fts else "0"

    @property
    def scan_order(self) -> str:
        """The order rows come in without ranking: build order for FTS, else by name."""
        return f"{self.fts}.rowid" if self.fts else "i.sort_name"


def _plan(query: SearchQuery) -> _Plan:
    params: dict[str, object] = {}
    where: list[str] = []
    tri, word_expr = build_match(query.text)
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
    return _Plan(fts, source, clause, params)


_SUMMARY_COLUMNS = "i.key, i.name, i.owner, i.best_level, i.theme_keys, i.databank_keys"


def page_sql(query: SearchQuery, exact: bool) -> tuple[str, dict[str, object]]:
    """One plain statement that returns the same page as :func:`search` (for measurements)."""
    plan = _plan(query)
    order = f"{plan.score}, i.sort_name" if plan.fts and exact else plan.scan_order
    sql = (
        f"SELECT {_SUMMARY_COLUMNS} FROM {plan.source}{plan.clause} "
        f"ORDER BY {order} LIMIT :limit OFFSET :offset"
    )
    return sql, {**plan.params, "limit": max(0, query.limit), "offset": max(0, query.offset)}


def search(conn: Connection, query: SearchQuery) -> SearchResult:
    """At most ``RANK_CAP + 1`` matches are read; that gives the count and, when they are few
    enough, the ranking. A second, tiny query reads the page's rows by id."""
    plan = _plan(query)
    if plan.fts and not _has_filters(query):
        # Text alone is often broad while typing ("een"); scoring costs per match, so first
        # see, without scores, whether the matches are few enough to rank at all.
        first = list(
            conn.execute(
                text(f"SELECT i.id FROM {plan.source}{plan.clause} LIMIT :cap"),
                {**plan.params, "cap": RANK_CAP + 1},
            ).scalars()
        )
        if len(first) > RANK_CAP:
            return _broad_page(conn, plan, query, first)
    candidates = conn.execute(
        text(
            f"SELECT i.id, {plan.score} AS score, i.sort_name FROM {plan.source}{plan.clause} "
            f"{'' if plan.fts else 'ORDER BY i.sort_name '}LIMIT :cap"
        ),
        {**plan.params, "cap": RANK_CAP + 1},
    ).all()
    if len(candidates) > RANK_CAP:
        return _broad_page(conn, plan, query, [row.id for row in candidates])
    if plan.fts:
        candidates.sort(key=lambda row: (row.score, row.sort_name))
    offset, limit = max(0, query.offset), max(0, query.limit)
    page_ids = [row.id for row in candidates[offset : offset + limit]]
    return SearchResult(_summaries(conn, page_ids), len(candidates), True)


def _has_filters(query: SearchQuery) -> bool:
    return bool(
        query.theme_keys or query.target_group_keys or query.databanks
        or (query.min_level is not None and query.min_level.rank > 0)
    )


def _broad_page(conn: Connection, plan: _Plan, query: SearchQuery, ids: list[int]) -> SearchResult:
    """More than ``RANK_CAP`` matches: a page in scan order, not ranked, the count capped."""
    offset, limit = max(0, query.offset), max(0, query.limit)
    if offset + limit <= len(ids):
        page_ids = ids[offset : offset + limit]
    else:  # paging past the cap: straight from the index, in scan order
        page_ids = list(
            conn.execute(
                text(
                    f"SELECT i.id FROM {plan.source}{plan.clause} ORDER BY {plan.scan_order} "
                    "LIMIT :limit OFFSET :offset"
                ),
                {**plan.params, "limit": limit, "offset": offset},
            ).scalars()
        )
    return SearchResult(_summaries(conn, page_ids), RANK_CAP, False)


def _summaries(conn: Connection, ids: list[int]) -> list[InterventionSummary]:
    if not ids:
        return []
    params: dict[str, object] = {}
    names = _bind_list("id", ids, params)
    rows = {
        row.id: row
        for row in conn.execute(
            text(f"SELECT i.id, {_SUMMARY_COLUMNS} FROM intervention i WHERE i.id IN ({names})"),
            params,
        )
    }
    return [
        InterventionSummary(
            key=r.key,
            name=r.name,
            owner=r.owner,
            best_level=RecognitionLevel(r.best_level),
            theme_keys=tuple(r.theme_keys.split()),
            databanks=tuple(Databank(d) for d in r.databank_keys.split()),
        )
        for r in (rows[i] for i in ids)
    ]
