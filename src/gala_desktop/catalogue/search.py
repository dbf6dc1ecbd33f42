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

import json
import sqlite3
from collections.abc import Mapping

from gala_desktop.catalogue import queries
from gala_desktop.catalogue.textnorm import stem, theme_word_forms, whole_word, word_start, words
from gala_desktop.domain.catalogue import SearchResult
from gala_desktop.domain.intervention import InterventionSummary
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import THEMES

MIN_TRIGRAM = 3
MAX_WORDS = 12  # more words than this only slow the query down without narrowing it
RANK_CAP = 2000  # matches counted and ranked at most; broader queries list in catalogue order

# Reviewed synonyms (``data/catalogue/synonyms.toml``): a folded word an officer types → folded
# phrases the catalogue text uses. Stored in the catalogue's meta rows (``synonyms_from_meta``).
Synonyms = Mapping[str, tuple[str, ...]]
SYNONYMS_META_KEY = "synonyms"


def synonyms_from_meta(meta: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    raw = json.loads(meta.get(SYNONYMS_META_KEY, "{}"))
    return {term: tuple(alternatives) for term, alternatives in raw.items()}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _text_term(word: str) -> str:
    """One word of 3+ characters in the text columns: itself anywhere in a word, or its stem.

    A stem inside the word replaces it ("ouder" finds everything "ouderen" finds, and "oudere").
    A stem that is not inside the word ("eenzaam" → "eenzam", "taal" → "tal") is matched as a
    whole indexed word or stem: "eenzame" is found, but "tal" inside "mentale" is not."""
    stemmed = stem(word)
    if len(stemmed) < MIN_TRIGRAM or stemmed == word:
        return _quote(word)
    if stemmed in word:
        return _quote(stemmed)
    return f"({_quote(word)} OR {_quote(whole_word(stemmed))})"


def _trigram_term(word: str, synonyms: Synonyms) -> str:
    """A typed word: in the text columns, as a whole word in the theme names, or any of its
    reviewed synonyms (a phrase at the start of a word in the text columns)."""
    alternatives = synonyms.get(word, ())
    text = [_text_term(word)] + [_quote(word_start(phrase)) for phrase in alternatives]
    themes = " OR ".join(_quote(form) for form in theme_word_forms(word))
    return f"({queries.FTS_TEXT_COLUMNS} : ({' OR '.join(text)}) OR themes : ({themes}))"


def build_match(user_text: str, synonyms: Synonyms | None = None) -> tuple[str | None, str | None]:
    """The MATCH expressions for the trigram and the word index (``None`` when not needed)."""
    tri_parts: list[str] = []
    word_parts: list[str] = []
    for word in dict.fromkeys(words(user_text[:500])).keys():
        if len(tri_parts) + len(word_parts) >= MAX_WORDS:
            break
        if len(word) >= MIN_TRIGRAM:
            tri_parts.append(_trigram_term(word, synonyms or {}))
        else:
            word_parts.append(_quote(word) + " *")
    tri = " AND ".join(tri_parts) or None
    word_expr = " AND ".join(word_parts) or None
    return tri, word_expr


def _expand_themes(keys: frozenset[str]) -> tuple[str, ...]:
    """A goal also selects its sub-themes."""
    expanded = set(keys)
    for theme in THEMES:
        if theme.parent_key in keys:
            expanded.add(theme.key)
    return tuple(sorted(expanded))


def _filters(query: SearchQuery) -> queries.Filters:
    return queries.Filters(
        theme_keys=_expand_themes(query.theme_keys) if query.theme_keys else (),
        target_group_keys=tuple(sorted(query.target_group_keys)),
        min_rank=query.min_level.rank if query.min_level is not None else 0,
        databanks=tuple(sorted(d.value for d in query.databanks)),
        include_lapsed=query.include_lapsed,
    )


def _plan(query: SearchQuery, synonyms: Synonyms | None = None) -> queries.Plan:
    tri, word_expr = build_match(query.text, synonyms)
    return queries.plan(tri, word_expr, _filters(query))


def page_sql(
    query: SearchQuery, exact: bool, synonyms: Synonyms | None = None
) -> tuple[str, tuple[object, ...]]:
    """One plain statement that returns the same page as :func:`search` (for measurements)."""
    plan = _plan(query, synonyms)
    return plan.single_statement(exact), (*plan.params, max(0, query.limit), max(0, query.offset))


def search(
    conn: sqlite3.Connection, query: SearchQuery, *, size: int | None = None,
    synonyms: Synonyms | None = None,
) -> SearchResult:
    """At most ``RANK_CAP + 1`` matches are read; that gives the count and, when they are few
    enough, the ranked page, in one statement. ``size`` is the number of interventions in the
    catalogue when known: a catalogue no bigger than the cap needs no probe."""
    plan = _plan(query, synonyms)
    offset, limit = max(0, query.offset), max(0, query.limit)
    if plan.fts and not _filters(query) and (size is None or size > RANK_CAP):
        # Text alone is often broad while typing ("een"); scoring costs per match, so first
        # see, without scores, whether the matches are few enough to rank at all.
        sql, params = plan.probe()
        first = [row[0] for row in conn.execute(sql, (*params, RANK_CAP + 1))]
        if len(first) > RANK_CAP:
            return _broad_page(conn, plan, query, first)
    rows = conn.execute(
        plan.ranked_page(), (*plan.params, RANK_CAP + 1, RANK_CAP, limit, offset)
    ).fetchall()
    total = rows[0][0] if rows else _count(conn, plan) if offset else 0
    if total <= RANK_CAP:
        return SearchResult([_summary(row[2:]) for row in rows], total, True)
    if offset + limit <= RANK_CAP + 1:  # broad (with filters): the page came in scan order
        return SearchResult([_summary(row[2:]) for row in rows], RANK_CAP, False)
    return _broad_page(conn, plan, query, [])


def _count(conn: sqlite3.Connection, plan: queries.Plan) -> int:
    """The capped count when the page itself is empty (paged past the end)."""
    sql, params = plan.probe()
    return len(conn.execute(sql, (*params, RANK_CAP + 1)).fetchall())


def _broad_page(
    conn: sqlite3.Connection, plan: queries.Plan, query: SearchQuery, ids: list[int]
) -> SearchResult:
    """More than ``RANK_CAP`` matches: a page in scan order, not ranked, the count capped."""
    offset, limit = max(0, query.offset), max(0, query.limit)
    if offset + limit <= len(ids):
        page_ids = ids[offset : offset + limit]
    else:  # paging past the cap: straight from the index, in scan order
        page_ids = [
            row[0] for row in conn.execute(plan.scan_page(), (*plan.params, limit, offset))
        ]
    return SearchResult(_summaries(conn, page_ids), RANK_CAP, False)


def _summaries(conn: sqlite3.Connection, ids: list[int]) -> list[InterventionSummary]:
    if not ids:
        return []
    rows = {row[0]: row[1:] for row in conn.execute(queries.summaries_by_id(len(ids)), ids)}
    return [_summary(rows[i]) for i in ids]


def _summary(row) -> InterventionSummary:
    key, name, owner, best_level, theme_keys, databank_keys, lapsed = row
    return InterventionSummary(
        key=key,
        name=name,
        owner=owner,
        best_level=RecognitionLevel(best_level),
        theme_keys=tuple(theme_keys.split()),
        databanks=tuple(Databank(d) for d in databank_keys.split()),
        level_may_have_lapsed=bool(lapsed),
    )
