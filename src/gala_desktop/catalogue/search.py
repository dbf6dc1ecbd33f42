"""Full-text search over the catalogue with facet filters, in SQL.

Each word the user types is folded (case, diacritics) and quoted as an FTS5 string, so no input
can be read as FTS syntax. Words of three or more characters are looked up in the trigram index,
together with their Dutch stem, which finds them inside compounds and across inflections
(``zorg`` → *mantelzorg*, ``ouderen`` → *oudere*); shorter words use the prefix index of the
word table, so results appear from the first keystroke. Results are ranked with bm25, the name
weighing most. A query that matches more than ``RANK_CAP`` interventions is neither counted in
full nor scored: it lists the interventions whose *name* matches first (the higher level first),
then the other matches in catalogue order, until the next keystroke narrows it. bm25 costs a
pass over the whole index per phrase of the query however few rows it scores, so a broad query
is never scored at all.
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
from gala_desktop.domain.search import PAGE_SIZE, SearchQuery
from gala_desktop.domain.themes import THEMES

MIN_TRIGRAM = 3
# Without a previous keystroke to go by, probe first only in a catalogue this big: bm25's pass
# over the index, which a broad query's scored statement pays, grows with the catalogue (under
# a millisecond at 1,000 interventions, 5-15 ms at 10,000, 70-140 ms at 100,000), while the
# probe costs a narrow query a second scan (``benchmarks/findings.md``, *Search*).
PROBE_ABOVE = 2_000
MAX_WORDS = 12  # more words than this only slow the query down without narrowing it
# Matches counted and ranked at most: what the result list shows at once, so a ranked result is
# seen whole. Broader queries list their name matches first, unscored.
RANK_CAP = PAGE_SIZE

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


def _typed_words(user_text: str) -> list[str]:
    return list(dict.fromkeys(words(user_text[:500])))[:MAX_WORDS]


def build_match(user_text: str, synonyms: Synonyms | None = None) -> tuple[str | None, str | None]:
    """The MATCH expressions for the trigram and the word index (``None`` when not needed)."""
    tri_parts: list[str] = []
    word_parts: list[str] = []
    for word in _typed_words(user_text):
        if len(word) >= MIN_TRIGRAM:
            tri_parts.append(_trigram_term(word, synonyms or {}))
        else:
            word_parts.append(_quote(word) + " *")
    tri = " AND ".join(tri_parts) or None
    word_expr = " AND ".join(word_parts) or None
    return tri, word_expr


def build_name_match(user_text: str, synonyms: Synonyms | None = None) -> str | None:
    """The word-index MATCH of a broad query's name matches: every typed word starts a word of
    the name (or its stem is one, as ``_text_term`` allows), or a reviewed synonym does. Each
    form implies the word's trigram term, so these are a subset of what ``build_match`` finds;
    and cheap: whole words and prefixes, not a pass over the trigram index."""
    parts = []
    for word in _typed_words(user_text):
        forms = [_quote(word) + " *"]
        stemmed = stem(word) if len(word) >= MIN_TRIGRAM else word
        if len(stemmed) >= MIN_TRIGRAM and stemmed != word:
            forms.append(_quote(stemmed) + (" *" if stemmed in word else ""))
        forms += [_quote(" ".join(words(phrase))) + " *" for phrase in (synonyms or {}).get(word, ())]
        parts.append(f"{NAME_COLUMN} : ({' OR '.join(forms)})")
    return " AND ".join(parts) or None


NAME_COLUMN = "{" + queries.FTS_COLUMNS[0] + "}"


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


def _name_plan(query: SearchQuery, synonyms: Synonyms | None = None) -> queries.Plan:
    return queries.plan(None, build_name_match(query.text, synonyms), _filters(query))


def page_sql(
    query: SearchQuery, exact: bool, synonyms: Synonyms | None = None
) -> tuple[str, tuple[object, ...]]:
    """One plain statement that returns the same page as :func:`search` (for measurements)."""
    plan = _plan(query, synonyms)
    offset, limit = max(0, query.offset), max(0, query.limit)
    if exact or not plan.fts:
        return plan.single_statement(exact), (*plan.params, limit, offset)
    names = _name_plan(query, synonyms)
    return plan.broad_statement(names), (
        *names.params, RANK_CAP, *plan.params, offset + limit, limit, offset)


def search(
    conn: sqlite3.Connection, query: SearchQuery, *, size: int | None = None,
    synonyms: Synonyms | None = None, narrow: bool | None = None,
) -> SearchResult:
    """At most ``RANK_CAP + 1`` matches are read; that gives the count and, when they are few
    enough, the ranked page, in one statement. Whether to probe first, unscored: ``narrow`` is
    what the previous keystroke says (this query narrows a search that had at most
    ``RANK_CAP`` matches: rank at once; one that had more: probe); without it, ``size``, the
    number of interventions in the catalogue, decides (see ``PROBE_ABOVE``). The answer is
    the same either way."""
    plan = _plan(query, synonyms)
    offset, limit = max(0, query.offset), max(0, query.limit)
    probe = not narrow if narrow is not None else size is None or size > PROBE_ABOVE
    if plan.fts and probe and (size is None or size > RANK_CAP):
        # Often broad while typing ("een"), and bm25 costs a pass over the whole index per
        # phrase: first see, unscored, whether the matches are few enough to rank at all.
        sql, params = plan.probe()
        first = [row[0] for row in conn.execute(sql, (*params, RANK_CAP + 1))]
        if len(first) > RANK_CAP:
            return _broad_page(conn, plan, query, synonyms, first)
        if not first:
            return SearchResult([], 0, True)
        # Every match is known: score only those, without evaluating the filters again.
        rows = conn.execute(plan.ranked_ids(len(first)), (plan.params[0], *first, limit, offset))
        return SearchResult([_summary(row[1:]) for row in rows], len(first), True)
    rows = conn.execute(
        plan.ranked_page(), (*plan.params, RANK_CAP + 1, RANK_CAP, limit, offset)
    ).fetchall()
    total = rows[0][0] if rows else _count(conn, plan) if offset else 0
    if total <= RANK_CAP:
        return SearchResult([_summary(row[2:]) for row in rows], total, True)
    if plan.fts:  # broad after all: the page came in scan order
        return _broad_page(conn, plan, query, synonyms, [] if offset else [row[1] for row in rows])
    if offset + limit <= RANK_CAP + 1:  # filters only: the page came by name
        return SearchResult([_summary(row[2:]) for row in rows], RANK_CAP, False)
    ids = [row[0] for row in conn.execute(plan.scan_page(), (*plan.params, limit, offset))]
    return SearchResult(_summaries(conn, ids), RANK_CAP, False)


def _count(conn: sqlite3.Connection, plan: queries.Plan) -> int:
    """The capped count when the page itself is empty (paged past the end)."""
    sql, params = plan.probe()
    return len(conn.execute(sql, (*params, RANK_CAP + 1)).fetchall())


def _broad_page(
    conn: sqlite3.Connection, plan: queries.Plan, query: SearchQuery, synonyms: Synonyms | None,
    first: list[int],
) -> SearchResult:
    """More than ``RANK_CAP`` matches, unscored: the first ``RANK_CAP`` whose name matches
    (the higher level first, then by name), then the others in scan order; the count capped.
    ``first``: the first matches in scan order, when already read."""
    offset, limit = max(0, query.offset), max(0, query.limit)
    names = _name_plan(query, synonyms)
    named = [row[0] for row in conn.execute(names.name_first(), (*names.params, RANK_CAP))]
    page_ids = named[offset : offset + limit]
    if len(page_ids) < limit:
        skip, wanted = max(0, offset - len(named)), limit - len(page_ids)
        listed = set(named)
        rest = [i for i in first if i not in listed]
        if skip + wanted <= len(rest):
            page_ids += rest[skip : skip + wanted]
        else:  # paging past what was read: straight from the index, in scan order
            sql = plan.scan_page(len(named))
            page_ids += [row[0] for row in conn.execute(sql, (*plan.params, *named, wanted, skip))]
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
