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
is never scored at all, and in a catalogue of more than ``UNSCORED_ABOVE`` interventions no
query is: a narrow one is listed in the broad order (name matches first, then by level).

The trigram index reads its lists for every typed word however few interventions the facet
filters leave. So when few interventions pass the filters (``FILTER_FIRST_SHARE``), they come
first and the text of each remaining intervention is checked in ``search_text`` with the same
test as the MATCH (``_Term``), which gives the same answer.
"""

from __future__ import annotations

import json
import math
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
# Above this many interventions nothing is scored with bm25: its pass over the whole index per
# phrase of the query grows with the catalogue (about 27 ms for two common words at 10,000,
# 70-140 ms at 100,000), more than a keystroke may cost. The shipped catalogue is far smaller.
UNSCORED_ABOVE = 10_000
# When few enough interventions pass the facet filters, the filters drive the search: the text
# of each is checked (about 10 µs each at 100,000) instead of reading the trigram index's lists
# for every typed word (which grows with the catalogue: 50-200 ms for common words at 100,000).
# Few enough: at most this share of the catalogue, and never fewer than ``FILTER_FIRST_MIN``.
FILTER_FIRST_SHARE = 0.04
FILTER_FIRST_MIN = 200
FILTER_FIRST_MAX = 10_000  # about 100 ms of checking: never worth more (and bound as ids)
# The facet with the fewest rows is read to find them (from its index alone, the others checked
# per id) only when it has at most this many: about 10 ms at 100,000 interventions.
DRIVER_CAP = 25_000
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


class _Term:
    """What one typed word of 3+ characters matches in the trigram index: any of the folded
    phrases ``text`` in a text column, or any of ``themes`` in the theme column. (A plain
    class: a dataclass costs the start-up about 0.7 ms to build.)"""

    __slots__ = ("text", "themes")

    def __init__(self, text: tuple[str, ...], themes: tuple[str, ...]) -> None:
        self.text = text
        self.themes = themes

    def match(self) -> str:
        """As an FTS5 MATCH expression."""
        text = " OR ".join(_quote(phrase) for phrase in self.text)
        themes = " OR ".join(_quote(form) for form in self.themes)
        return f"({queries.FTS_TEXT_COLUMNS} : ({text}) OR themes : ({themes}))"


def _text_phrases(word: str) -> tuple[str, ...]:
    """One word of 3+ characters in the text columns: itself anywhere in a word, or its stem.

    A stem inside the word replaces it ("ouder" finds everything "ouderen" finds, and "oudere").
    A stem that is not inside the word ("eenzaam" → "eenzam", "taal" → "tal") is matched as a
    whole indexed word or stem: "eenzame" is found, but "tal" inside "mentale" is not."""
    stemmed = stem(word)
    if len(stemmed) < MIN_TRIGRAM or stemmed == word:
        return (word,)
    if stemmed in word:
        return (stemmed,)
    return (word, whole_word(stemmed))


def _term(word: str, synonyms: Synonyms) -> _Term:
    """A typed word: in the text columns, as a whole word in the theme names, or any of its
    reviewed synonyms (a phrase at the start of a word in the text columns)."""
    # A phrase shorter than a trigram matches nothing in the index, so it is left out of both
    # tests (``synonyms.toml`` refuses such an alternative; a catalogue may be older).
    alternatives = tuple(phrase for phrase in map(word_start, synonyms.get(word, ()))
                         if len(phrase) >= MIN_TRIGRAM)
    return _Term(_text_phrases(word) + alternatives, tuple(theme_word_forms(word)))


def _typed_words(user_text: str) -> list[str]:
    return list(dict.fromkeys(words(user_text[:500])))[:MAX_WORDS]


def build_match(user_text: str, synonyms: Synonyms | None = None) -> tuple[str | None, str | None]:
    """The MATCH expressions for the trigram and the word index (``None`` when not needed)."""
    tri_parts: list[str] = []
    word_parts: list[str] = []
    for word in _typed_words(user_text):
        if len(word) >= MIN_TRIGRAM:
            tri_parts.append(_term(word, synonyms or {}).match())
        else:
            word_parts.append(_quote(word) + " *")
    tri = " AND ".join(tri_parts) or None
    word_expr = " AND ".join(word_parts) or None
    return tri, word_expr


def build_name_match(user_text: str, synonyms: Synonyms | None = None) -> str | None:
    """The word-index MATCH of a broad query's name matches: every typed word starts a word of
    the name (or its stem is one, as ``_text_phrases`` allows), or a reviewed synonym does. Each
    form implies the word's trigram term, so these are a subset of what ``build_match`` finds;
    and cheap: whole words and prefixes, not a pass over the trigram index."""
    parts = []
    for word in _typed_words(user_text):
        forms = [_quote(word) + " *"]
        stemmed = stem(word) if len(word) >= MIN_TRIGRAM else word
        if len(stemmed) >= MIN_TRIGRAM and stemmed != word:
            forms.append(_quote(stemmed) + (" *" if stemmed in word else ""))
        phrases = (" ".join(words(phrase)) for phrase in (synonyms or {}).get(word, ()))
        # as in _term: a phrase of one character is no trigram with its space, and left out
        forms += [_quote(phrase) + " *" for phrase in phrases if len(phrase) >= MIN_TRIGRAM - 1]
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
    query: SearchQuery, exact: bool, synonyms: Synonyms | None = None, size: int | None = None,
) -> tuple[str, tuple[object, ...]]:
    """One plain statement that returns the same page as :func:`search` (for measurements)."""
    plan = _plan(query, synonyms)
    offset, limit = max(0, query.offset), max(0, query.limit)
    if exact and plan.fts and size is not None and size > UNSCORED_ABOVE:
        return plan.unscored_statement(), (
            *plan.params, build_name_match(query.text, synonyms), limit, offset)
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
    enough, the ranked page. Where to start: with the facet filters when few interventions
    pass them (their text is checked one by one, see ``_filter_first``), else with the text.
    Whether to probe the text first, unscored: ``narrow`` is what the previous keystroke says
    (this query narrows a search that had at most ``RANK_CAP`` matches: rank at once; one that
    had more: probe); without it, ``size``, the number of interventions in the catalogue,
    decides (see ``PROBE_ABOVE``). Above ``UNSCORED_ABOVE`` interventions nothing is scored
    with bm25 (``queries.UNSCORED_ORDER``). The answer is the same every way."""
    plan = _plan(query, synonyms)
    offset, limit = max(0, query.offset), max(0, query.limit)
    scored = size is None or size <= UNSCORED_ABOVE
    if plan.fts == "search_trigram" and _filters(query) and not _has_short_word(query.text):
        found = _filter_first(conn, query, synonyms, size)
        if found is not None:  # ascending ids: the order the text probe gives
            if len(found) > RANK_CAP:
                return _broad_page(conn, plan, query, synonyms, found)
            return _page_of(conn, plan, query, synonyms, found, scored)
    probe = not narrow if narrow is not None else size is None or size > PROBE_ABOVE
    if plan.fts and (probe or not scored) and (size is None or size > RANK_CAP):
        # Often broad while typing ("een"), and bm25 costs a pass over the whole index per
        # phrase: first see, unscored, whether the matches are few enough to rank at all.
        sql, params = plan.probe()
        first = [row[0] for row in conn.execute(sql, (*params, RANK_CAP + 1))]
        if len(first) > RANK_CAP:
            return _broad_page(conn, plan, query, synonyms, first)
        return _page_of(conn, plan, query, synonyms, first, scored)
    rows = conn.execute(
        plan.ranked_page(), (*plan.params, RANK_CAP + 1, RANK_CAP, limit, offset)
    ).fetchall()
    total = rows[0][0] if rows else _count(conn, plan) if offset or not limit else 0
    if total <= RANK_CAP:
        return SearchResult([_summary(row[2:]) for row in rows], total, True)
    if plan.fts:  # broad after all: the page came in scan order
        return _broad_page(conn, plan, query, synonyms, [] if offset else [row[1] for row in rows])
    if offset + limit <= RANK_CAP + 1:  # filters only: the page came by name
        return SearchResult([_summary(row[2:]) for row in rows], RANK_CAP, False)
    ids = [row[0] for row in conn.execute(plan.scan_page(), (*plan.params, limit, offset))]
    return SearchResult(_summaries(conn, ids), RANK_CAP, False)


def _has_short_word(user_text: str) -> bool:
    return any(len(word) < MIN_TRIGRAM for word in _typed_words(user_text))


def _filter_first(
    conn: sqlite3.Connection, query: SearchQuery, synonyms: Synonyms | None, size: int | None,
) -> list[int] | None:
    """The first ``RANK_CAP + 1`` matches, ids ascending, found from the facet filters: the
    facet with the fewest rows drives, and the text of each intervention that passes them all
    is checked in ``search_text`` with the same test as the trigram MATCH (``_Term``). At
    100,000 interventions the trigram index reads its lists for every word however few rows
    the filters leave (``docs/benchmarks.md``). ``None`` when more interventions pass the
    filters than ``FILTER_FIRST_SHARE`` of the ``size`` of the catalogue (within
    ``FILTER_FIRST_MIN`` and ``FILTER_FIRST_MAX``), or would if the facets were independent,
    or the smallest of several facets has more than ``DRIVER_CAP`` rows: the text then
    drives."""
    cap = min(FILTER_FIRST_MAX, max(FILTER_FIRST_MIN, int(FILTER_FIRST_SHARE * (size or 0))))
    facets = queries.facets(_filters(query))
    counts = [conn.execute(facet.count(), facet.values).fetchone()[0] for facet in facets]
    driver = min(range(len(facets)), key=counts.__getitem__)
    if counts[driver] > (cap if len(facets) == 1 else DRIVER_CAP):
        return None
    if size and size * math.prod(count / size for count in counts) > cap:
        # As many would pass if the facets were independent: too many to be worth reading.
        return None
    sql, params = queries.filtered_ids(facets[driver], facets[:driver] + facets[driver + 1:])
    ids = [row[0] for row in conn.execute(sql, (*params, cap + 1))]
    if len(ids) > cap:
        return None
    if not ids:
        return []
    terms = [_term(word, synonyms or {}) for word in _typed_words(query.text)]
    sql = queries.texts_holding(len(ids), [(len(t.text), len(t.themes)) for t in terms])
    phrases = [phrase for t in terms for phrase in (*t.text, *t.themes)]
    return [row[0] for row in conn.execute(sql, (*ids, *phrases, RANK_CAP + 1))]


def _page_of(
    conn: sqlite3.Connection, plan: queries.Plan, query: SearchQuery, synonyms: Synonyms | None,
    ids: list[int], scored: bool,
) -> SearchResult:
    """The page of at most ``RANK_CAP`` matches, all known. Scored: bm25 on those rows only,
    the filters not evaluated again; else in the unscored order."""
    offset, limit = max(0, query.offset), max(0, query.limit)
    if not ids:
        return SearchResult([], 0, True)
    if not scored:
        rows = conn.execute(queries.unscored_page(len(ids)),
                            (*ids, build_name_match(query.text, synonyms), limit, offset))
        return SearchResult([_summary(row[1:]) for row in rows], len(ids), True)
    rows = conn.execute(plan.ranked_ids(len(ids)), (plan.params[0], *ids, limit, offset))
    return SearchResult([_summary(row[1:]) for row in rows], len(ids), True)


def _count(conn: sqlite3.Connection, plan: queries.Plan) -> int:
    """The capped count when the page itself is empty (paged past the end, or no rows asked)."""
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
