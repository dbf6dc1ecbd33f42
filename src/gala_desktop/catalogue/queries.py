"""Every SQL statement the program runs against a built catalogue, in one place.

The run-time reader (``repository.py``) and the search (``search.py``) use these on a plain
``sqlite3`` connection, so starting the program never imports SQLAlchemy. The builder writes the
database from the typed ORM schema (``schema.py``); ``tests/test_catalogue_queries.py`` checks
that every table and column named here exists there, with the same full-text tables, so the two
cannot drift apart.

Lists of values are bound positionally (``?, ?, ?``); no value is ever put into the SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass

# Raised on every change to the tables or their meaning; the reader refuses other versions.
SCHEMA_VERSION = 6

# Full-text columns, in this order, and their bm25 weights: the name weighs most. The theme
# names are matched as whole words only (``textnorm.theme_index_text``), so a short word such as
# "taal" cannot find every intervention themed *Vitaal* ouder worden.
FTS_COLUMNS = ("name", "summary", "aim", "approach", "elements", "target_group", "owner", "themes")
FTS_WEIGHTS = (10.0, 2.0, 2.0, 1.0, 1.5, 3.0, 3.0, 2.0)
FTS_TEXT_COLUMNS = "{" + " ".join(c for c in FTS_COLUMNS if c != "themes") + "}"
FTS_TABLES = ("search_trigram", "search_words")
# The ORM schema's tables (``schema.py``), for checks that must not import SQLAlchemy.
TABLES = (
    "catalogue_meta", "theme", "target_group", "intervention", "intervention_theme",
    "intervention_target_group", "listing", "condition", "active_element", "source", "search_text",
)

# Trigram index: substrings, so words inside Dutch compounds are found (3+ characters).
# Word index: prefix search for the first one or two typed characters.
FTS_DDL = (
    "CREATE VIRTUAL TABLE search_trigram USING fts5("
    + ", ".join(FTS_COLUMNS)
    + ", content='', columnsize=1, tokenize='trigram')",
    "CREATE VIRTUAL TABLE search_words USING fts5("
    + ", ".join(FTS_COLUMNS)
    + ", content='', tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2')",
)


def placeholders(count: int) -> str:
    """``?, ?, ?`` for a list bound positionally."""
    return ", ".join("?" * count)


# -- plain look-ups ---------------------------------------------------------------------------

META = "SELECT key, value FROM catalogue_meta"
COUNT = "SELECT count(*) FROM intervention"
KEYS = "SELECT key FROM intervention ORDER BY key"
TARGET_GROUPS = "SELECT key, name FROM target_group ORDER BY position"
DATABANKS_IN_USE = "SELECT DISTINCT databank FROM listing"

# One row per intervention with its child rows as JSON arrays of [position, ...values]: a whole
# batch of interventions is one statement, however many child tables there are.
INTERVENTION_COLUMNS = (
    "key", "name", "summary", "aim", "approach", "target_group_text", "owner", "checked_on",
    "website", "costs_note",
)
CHILD_COLUMNS = {
    "active_element": ("text",),
    "intervention_theme": ("theme_key",),
    "intervention_target_group": ("target_group_key",),
    "listing": (
        "databank", "level", "url", "recognised_on", "committee", "under_review", "note", "seen_on",
    ),
    "condition": ("kind", "text"),
    "source": ("url",),
}


def _children(table: str) -> str:
    values = ", ".join(f"c.{column}" for column in ("position", *CHILD_COLUMNS[table]))
    return (
        f"(SELECT json_group_array(json_array({values})) FROM {table} c "
        "WHERE c.intervention_id = i.id)"
    )


_FULL_ROW = (
    "SELECT " + ", ".join(f"i.{c}" for c in INTERVENTION_COLUMNS) + ", "
    + ", ".join(_children(table) for table in CHILD_COLUMNS)
    + " FROM intervention i"
)


def interventions_by_key(count: int) -> str:
    """Full rows for ``count`` keys bound positionally."""
    return f"{_FULL_ROW} WHERE i.key IN ({placeholders(count)})"


ALL_INTERVENTIONS = f"{_FULL_ROW} ORDER BY i.key"

# -- search -------------------------------------------------------------------------------------

SUMMARY_COLUMNS = (
    "key", "name", "owner", "best_level", "theme_keys", "databank_keys", "level_may_have_lapsed",
)
_SUMMARY = ", ".join(f"i.{c}" for c in SUMMARY_COLUMNS)
_WEIGHTS = ", ".join(str(w) for w in FTS_WEIGHTS)
# Relevance first; with equal relevance the higher level comes first (a valid one before one
# that may have lapsed), then the name.
LEVEL_ORDER = "i.current_level_rank DESC, i.best_level_rank DESC"
LEVEL_KEYS = "-i.current_level_rank AS k1, -i.best_level_rank AS k2, i.sort_name AS k3"


def summaries_by_id(count: int) -> str:
    return f"SELECT i.id, {_SUMMARY} FROM intervention i WHERE i.id IN ({placeholders(count)})"


# The order of matches in a catalogue too large to score: those whose name matches (the word
# index's name MATCH of a broad query, bound here) first, then by level and name.
UNSCORED_ORDER = (
    "i.id NOT IN (SELECT rowid FROM search_words WHERE search_words MATCH ?), "
    f"{LEVEL_ORDER}, i.sort_name"
)


def unscored_page(count: int) -> str:
    """The page of ``count`` matches (their ids bound first) in ``UNSCORED_ORDER``; then
    ``limit`` and ``offset``."""
    return (
        f"SELECT i.id, {_SUMMARY} FROM intervention i WHERE i.id IN ({placeholders(count)}) "
        f"ORDER BY {UNSCORED_ORDER} LIMIT ? OFFSET ?"
    )


# The trigram index's own text, per intervention (``search_text``): the text columns one per
# line, and the theme column. A search narrowed by facet filters checks its candidates here.
TEXT_LINES_SEPARATOR = "\n"


# An intervention without its row in ``search_text`` (a damaged or hand-made update file).
WITHOUT_SEARCH_TEXT = (
    "SELECT i.id FROM intervention i WHERE NOT EXISTS (SELECT 1 FROM search_text s WHERE s.id = i.id) "
    "LIMIT 1"
)


def texts_holding(count: int, terms: list[tuple[int, int]]) -> str:
    """Of ``count`` ids (bound first), those whose search text holds every term, ascending, at
    most ``?`` (bound last). A term is any of its ``n`` text phrases in the text, or any of its
    ``m`` theme phrases in the theme column, bound in that order: ``terms`` lists ``(n, m)``.
    A phrase matches as a substring of one column, as in the trigram index (one line each)."""
    where = []
    for text_count, theme_count in terms:
        alternatives = ["instr(s.text, ?) > 0"] * text_count + ["instr(s.themes, ?) > 0"] * theme_count
        where.append("(" + " OR ".join(alternatives) + ")")
    return (
        f"SELECT s.id FROM search_text s WHERE s.id IN ({placeholders(count)}) "
        f"AND {' AND '.join(where)} ORDER BY s.id LIMIT ?"
    )


@dataclass(frozen=True, slots=True)
class Filters:
    """Facet values, already expanded (a goal's sub-themes included) and sorted."""

    theme_keys: tuple[str, ...] = ()
    target_group_keys: tuple[str, ...] = ()
    min_rank: int = 0
    databanks: tuple[str, ...] = ()
    include_lapsed: bool = False  # a lapsed level counts for min_rank (else: only valid ones)

    def __bool__(self) -> bool:
        return bool(self.theme_keys or self.target_group_keys or self.min_rank > 0 or self.databanks)


class Facet:
    """One facet filter as the rows of one table: ``column`` in ``values`` (``at_least``: not
    below the one value), the intervention's id in ``id_column``. (A plain class: a dataclass
    costs the start-up about 0.6 ms to build.)"""

    __slots__ = ("table", "id_column", "column", "values", "at_least")

    def __init__(self, table: str, id_column: str, column: str, values: tuple[object, ...],
                 at_least: bool = False) -> None:
        self.table = table
        self.id_column = id_column
        self.column = column
        self.values = values
        self.at_least = at_least

    def condition(self, alias: str) -> str:
        if self.at_least:
            return f"{alias}.{self.column} >= ?"
        return f"{alias}.{self.column} IN ({placeholders(len(self.values))})"

    def count(self) -> str:
        """How many rows the facet selects, through its index: at least its number of
        interventions, so a bound on them."""
        return f"SELECT count(*) FROM {self.table} f WHERE {self.condition('f')}"

    def holds_for(self, id_expression: str) -> str:
        return (f"EXISTS (SELECT 1 FROM {self.table} f WHERE f.{self.id_column} = {id_expression} "
                f"AND {self.condition('f')})")


def facets(filters: Filters) -> list[Facet]:
    """The facet filters one by one, with the meaning ``plan`` gives them."""
    found: list[Facet] = []
    for table, column, values in (("intervention_theme", "theme_key", filters.theme_keys),
                                  ("intervention_target_group", "target_group_key",
                                   filters.target_group_keys),
                                  ("listing", "databank", filters.databanks)):
        if values:
            found.append(Facet(table, "intervention_id", column, tuple(values)))
    if filters.min_rank > 0:
        rank = "best_level_rank" if filters.include_lapsed else "current_level_rank"
        found.append(Facet("intervention", "id", rank, (filters.min_rank,), at_least=True))
    return found


def filtered_ids(driver: Facet, others: list[Facet]) -> tuple[str, tuple[object, ...]]:
    """Up to ``?`` (bound last) ids that pass every facet, read through ``driver``'s index (the
    facet with the fewest rows) and checked against the others one id at a time."""
    where = [driver.condition("d")] + [other.holds_for(f"d.{driver.id_column}") for other in others]
    params = [*driver.values]
    for other in others:
        params += other.values
    sql = (f"SELECT DISTINCT d.{driver.id_column} FROM {driver.table} d "
           f"WHERE {' AND '.join(where)} LIMIT ?")
    return sql, tuple(params)


@dataclass(frozen=True, slots=True)
class Plan:
    """The FROM and WHERE of one search, with its parameters in order."""

    fts: str | None  # the FTS table that drives the query, if any
    source: str
    clause: str
    params: tuple[object, ...]

    @property
    def score(self) -> str:
        return f"bm25({self.fts}, {_WEIGHTS})" if self.fts else "0"

    @property
    def scan_order(self) -> str:
        """The order rows come in without ranking: build order for FTS, else by name."""
        return f"{self.fts}.rowid" if self.fts else "i.sort_name"

    @property
    def rank_order(self) -> str:
        return f"{self.score}, {LEVEL_ORDER}, i.sort_name" if self.fts else f"{LEVEL_ORDER}, i.sort_name"

    def probe(self) -> tuple[str, tuple]:
        """Up to ``?`` matching ids, unscored and unordered: is the query narrow enough to rank?"""
        return f"SELECT i.id FROM {self.source}{self.clause} LIMIT ?", self.params

    def ranked_page(self) -> str:
        """The page from at most ``cap + 1`` matches, plus how many matches there were.

        Parameters after the plan's: ``cap + 1``, ``cap``, ``limit``, ``offset``. One statement:
        the capped matches are kept once and counted; up to ``cap`` they are ranked, beyond it
        the page is in scan order (the order the probe and ``scan_page`` give), so a broad
        query needs no second pass to list its first page."""
        score = f"{self.score} AS score" if self.fts else "0 AS score"
        order = "" if self.fts else " ORDER BY i.sort_name"
        scan = "m.id" if self.fts else "m.sort_name"  # an FTS table is scanned by rowid (= id)
        return (
            f"WITH m AS MATERIALIZED (SELECT i.id AS id, {score}, i.sort_name AS sort_name "
            f"FROM {self.source}{self.clause}{order} LIMIT ?), "
            "n AS (SELECT count(*) AS total FROM m) "
            f"SELECT n.total, i.id, {_SUMMARY} FROM m JOIN intervention i ON i.id = m.id, n "
            f"ORDER BY CASE WHEN n.total > ? THEN {scan} END, m.score, {LEVEL_ORDER}, m.sort_name "
            "LIMIT ? OFFSET ?"
        )

    def ranked_ids(self, count: int) -> str:
        """The page of ``count`` matches already found (bound after the MATCH), ranked: bm25 on
        those rows only, the filters not evaluated again. ``+rowid`` keeps the list out of the
        FTS index: pushed into it, each id would restart the query and bm25's pass over the
        index with it. Parameters: the MATCH, the ids, ``limit``, ``offset``."""
        return (
            f"WITH m AS MATERIALIZED (SELECT rowid AS id, {self.score} AS score FROM {self.fts} "
            f"WHERE {self.fts} MATCH ? AND +rowid IN ({placeholders(count)})) "
            f"SELECT i.id, {_SUMMARY} FROM m JOIN intervention i ON i.id = m.id "
            f"ORDER BY m.score, {LEVEL_ORDER}, i.sort_name LIMIT ? OFFSET ?"
        )

    def scan_page(self, excluded: int = 0) -> str:
        """Ids in scan order, by ``limit`` and ``offset`` (paging past the cap), leaving out
        ``excluded`` ids bound after the plan's parameters (the name matches listed first)."""
        clause = self.clause
        if excluded:
            clause += (" AND " if clause else " WHERE ") + f"i.id NOT IN ({placeholders(excluded)})"
        return f"SELECT i.id FROM {self.source}{clause} ORDER BY {self.scan_order} LIMIT ? OFFSET ?"

    def name_first(self) -> str:
        """For a broad query, run on the plan of its name matches: the first ``?`` of them in
        scan order (unscored: no bm25 pass over the index), the higher level first, then by name."""
        return (
            f"WITH a AS MATERIALIZED (SELECT i.id AS id FROM {self.source}{self.clause} LIMIT ?) "
            f"SELECT i.id FROM a JOIN intervention i ON i.id = a.id ORDER BY {LEVEL_ORDER}, i.sort_name"
        )

    def broad_statement(self, names: "Plan") -> str:
        """A broad query's page as one plain statement (the measured floor): the name matches as
        :meth:`name_first` gives them, then the other matches in scan order. Parameters: the
        name plan's, the cap, this plan's, ``offset + limit``, ``limit``, ``offset``."""
        rest = self.clause + (" AND " if self.clause else " WHERE ") + "i.id NOT IN (SELECT id FROM a)"
        return (
            f"WITH a AS MATERIALIZED (SELECT i.id AS id FROM {names.source}{names.clause} LIMIT ?) "
            f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM (SELECT 0 AS part, {LEVEL_KEYS}, i.id AS scan, {_SUMMARY} "
            "FROM a JOIN intervention i ON i.id = a.id "
            f"UNION ALL SELECT * FROM (SELECT 1, 0, 0, '', i.id, {_SUMMARY} FROM {self.source}{rest} "
            f"ORDER BY {self.scan_order} LIMIT ?)) "
            "ORDER BY part, k1, k2, k3, scan LIMIT ? OFFSET ?"
        )

    def unscored_statement(self) -> str:
        """The page as one plain statement in the order of a catalogue too large to score
        (``UNSCORED_ORDER``, its name MATCH bound after the plan's parameters); then ``limit``
        and ``offset`` (the measured floor)."""
        return (
            f"SELECT {_SUMMARY} FROM {self.source}{self.clause} ORDER BY {UNSCORED_ORDER} "
            "LIMIT ? OFFSET ?"
        )

    def single_statement(self, exact: bool) -> str:
        """The page as one plain statement without the cap (the measured floor)."""
        order = self.rank_order if exact else self.scan_order
        return (
            f"SELECT {_SUMMARY} FROM {self.source}{self.clause} ORDER BY {order} LIMIT ? OFFSET ?"
        )


def plan(trigram: str | None, word_expr: str | None, filters: Filters) -> Plan:
    """FROM and WHERE for MATCH expressions and facet filters.

    Facets are correlated ``EXISTS`` on the link tables' (intervention, value) keys: each
    candidate row costs one index probe, so a filter never builds its full id list first (at
    100,000 interventions that list alone took longer than the text match; see
    ``docs/benchmarks.md``).
    """
    params: list[object] = []
    where: list[str] = []
    if trigram:
        fts = "search_trigram"
        where.append("search_trigram MATCH ?")
        params.append(trigram)
        if word_expr:
            where.append("i.id IN (SELECT rowid FROM search_words WHERE search_words MATCH ?)")
            params.append(word_expr)
    elif word_expr:
        fts = "search_words"
        where.append("search_words MATCH ?")
        params.append(word_expr)
    else:  # no searchable word: every intervention, by name
        fts = None
    source = f"{fts} JOIN intervention i ON i.id = {fts}.rowid" if fts else "intervention i"

    for facet in facets(filters):
        on_row = facet.table == "intervention"  # a column of the row itself: no sub-query
        where.append(facet.condition("i") if on_row else facet.holds_for("i.id"))
        params.extend(facet.values)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return Plan(fts, source, clause, tuple(params))
