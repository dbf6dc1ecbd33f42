"""Search: prefixes, diacritics, compounds, inflections, ranking, filters and hostile input."""

from __future__ import annotations

import pytest
from catalogue_factory import intervention_toml, write_source

from gala_desktop.catalogue.builder import build_catalogue
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.queries import FTS_TEXT_COLUMNS
from gala_desktop.catalogue.search import build_match
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    source = write_source(
        root,
        {
            "mantel-steun": intervention_toml(
                "mantel-steun", "Mantelsteun", summary="Ondersteuning bij mantelzorg en respijtzorg.",
                themes='["mantelzorg"]', groups='["mantelzorgers"]', level="goed_onderbouwd",
                databank="rivm",
            ),
            "beweeg-buurt": intervention_toml(
                "beweeg-buurt", "Beweegbuurt", summary="De buurtsportcoach organiseert beweegmomenten.",
                themes='["vitaal-ouder-worden"]', level="effectief_eerste", databank="kcsb",
            ),
            "ouder-koffie": intervention_toml(
                "ouder-koffie", "Koffie voor oudere inwoners", summary="Ontmoeting bij de koffie.",
                target_group="Alleenstaande oudere bewoners.", level="onbekend",
            ),
            "samen-eten": intervention_toml(
                "samen-eten", "Samen eten", summary="Maaltijden tegen eenzaamheid voor ouderen.",
                owner="Stichting Reliëf", level="goed_beschreven",
            ),
            "eenzaam-niet": intervention_toml(
                "eenzaam-niet", "Eenzaam? Niet hier!", summary="Jongeren helpen elkaar.",
                groups='["jongeren"]', themes='["eenzaamheid", "mentale-weerbaarheid"]',
                level="goed_onderbouwd", databank="nji",
            ),
        },
    )
    db = root / "small.sqlite"
    build_catalogue(source, db)
    cat = Catalogue.open(db)
    yield cat
    cat.close()


def names(cat, **kwargs):
    return [i.name for i in cat.search(SearchQuery(**kwargs)).items]


def test_prefix_while_typing(small):
    for typed in ("e", "ee", "een", "eenz", "eenza"):
        assert "Eenzaam? Niet hier!" in names(small, text=typed), typed


def test_case_and_diacritics_are_ignored(small):
    assert names(small, text="RELIEF") == ["Samen eten"]
    assert names(small, text="reliëf") == ["Samen eten"]
    assert names(small, text="Relíef") == ["Samen eten"]


def test_words_inside_compounds(small):
    assert "Mantelsteun" in names(small, text="zorg")  # mantelzorg, respijtzorg
    assert "Beweegbuurt" in names(small, text="sport")  # buurtsportcoach
    assert "Mantelsteun" in names(small, text="respijt")


def test_adjective_inflections_find_each_other(small):
    # "eenzame" and "eenzaam" share the stem "eenzam"
    assert "Eenzaam? Niet hier!" in names(small, text="eenzame")


def test_inflections_find_each_other(small):
    assert "Koffie voor oudere inwoners" in names(small, text="ouderen")
    assert "Samen eten" in names(small, text="oudere")
    assert set(names(small, text="ouderen")) == set(names(small, text="oudere"))


def test_name_weighs_most(small):
    # "eenzaam" is in one name and in another's summary: the name match ranks first.
    assert names(small, text="eenzaam")[0] == "Eenzaam? Niet hier!"


def test_all_words_must_match(small):
    assert names(small, text="maaltijden ouderen") == ["Samen eten"]
    assert names(small, text="maaltijden jongeren") == []


@pytest.mark.parametrize(
    "hostile",
    ['"', '""', "*", "-", "AND", "OR NOT", "NEAR(", "NEAR(a b", 'a" OR "b', "(((", "^", ":",
     "jeugd & gezin", "e-health", "col:name", "'; DROP TABLE intervention; --", "\x00", "😀",
     "a" * 5000, "ك"],
)
def test_hostile_input_never_breaks_the_query(small, hostile):
    result = small.search(SearchQuery(text=hostile))
    assert result.total >= 0
    assert small.count() == 5  # nothing was harmed


def _term(text: str, themes: str) -> str:
    return f"({FTS_TEXT_COLUMNS} : ({text}) OR themes : ({themes}))"


def test_stems_inside_the_word_replace_it_and_others_are_added():
    # in the text columns anywhere in a word; in the theme names as a whole word, with its stem
    assert build_match("ouderen")[0] == _term('"ouder"', '"#ouderen#" OR "#ouder#"')
    assert build_match("eenzaam")[0] == _term('"eenzaam" OR " eenzam "', '"#eenzaam#" OR "#eenzam#"')
    assert build_match("eenzame")[0] == _term('"eenzam"', '"#eenzame#" OR "#eenzam#"')
    assert build_match("zorg")[0] == _term('"zorg"', '"#zorg#"')


def test_quoting_neutralises_operators():
    tri, words = build_match('NEAR( "a AND b*')
    assert tri == _term('"near"', '"#near#"') + " AND " + _term('"and"', '"#and#"')
    assert words == '"a" * AND "b" *'


def test_filters_combine_with_text(small):
    assert names(small, theme_keys=frozenset({"mantelzorg"})) == ["Mantelsteun"]
    # a goal selects its sub-themes
    assert "Mantelsteun" in names(small, theme_keys=frozenset({"sociale-basis"}))
    assert names(small, target_group_keys=frozenset({"jongeren"})) == ["Eenzaam? Niet hier!"]
    assert set(names(small, min_level=RecognitionLevel.WELL_FOUNDED)) == {
        "Mantelsteun", "Beweegbuurt", "Eenzaam? Niet hier!"
    }
    assert names(small, min_level=RecognitionLevel.EFFECTIVE_FIRST) == ["Beweegbuurt"]
    assert names(small, databanks=frozenset({Databank.NJI})) == ["Eenzaam? Niet hier!"]
    # theme names are searched as whole words: both Movisie entries carry the theme
    # "Tegengaan van eenzaamheid", but only one has "eenz…" in its own text
    assert set(names(small, text="eenzaamheid", databanks=frozenset({Databank.MOVISIE}))) == {
        "Samen eten", "Koffie voor oudere inwoners"
    }
    assert names(small, text="eenz", databanks=frozenset({Databank.MOVISIE})) == ["Samen eten"]


def test_unknown_level_never_passes_a_minimum(small):
    hits = names(small, min_level=RecognitionLevel.WELL_DESCRIBED)
    assert "Koffie voor oudere inwoners" not in hits
    assert "Samen eten" in hits


def test_results_are_domain_objects_with_paging(small):
    result = small.search(SearchQuery(limit=2))
    assert result.total == 5 and len(result.items) == 2
    first = result.items[0]
    assert first.key and first.theme_keys and first.databanks
    assert type(first).__module__ == "gala_desktop.domain.intervention"
    rest = small.search(SearchQuery(limit=2, offset=2))
    assert not {i.key for i in rest.items} & {i.key for i in result.items}


# -- the shipped catalogue ---------------------------------------------------------------------


def test_shipped_catalogue_search_eenzaam(catalogue):
    result = catalogue.search(SearchQuery(text="eenzaam"))
    assert result.total >= 8
    # every hit is about loneliness: by its theme, or by the word in one of its searched texts
    for item in result.items:
        full = catalogue.get(item.key)
        texts = " ".join((full.name, full.summary, full.aim, full.target_group_text)).casefold()
        assert "eenzaamheid" in item.theme_keys or "eenza" in texts, item.name
    assert "eenzaamheid" in result.items[0].theme_keys


def test_shipped_catalogue_compounds(catalogue):
    zorg = {i.key for i in catalogue.search(SearchQuery(text="zorg")).items}
    mantel = {i.key for i in catalogue.search(SearchQuery(text="mantelzorg")).items}
    assert mantel and mantel <= zorg


def test_broad_queries_are_capped_and_list_name_matches_first(small, monkeypatch):
    from gala_desktop.catalogue import search as search_module

    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    broad = small.search(SearchQuery(text="e"))  # matches all five
    assert not broad.exact and broad.total == 3
    keys = [i.key for i in broad.items]
    # a word starting with "e" in the name ("Eenzaam? Niet hier!", "Samen eten") first, the
    # higher level first; then the other matches in build order
    assert keys[:2] == ["eenzaam-niet", "samen-eten"]
    assert keys[2:] == sorted(keys[2:])
    assert len(broad.items) == 5  # the page is not cut by the cap
    narrow = small.search(SearchQuery(text="eenzaam"))
    assert narrow.exact and narrow.items[0].name == "Eenzaam? Niet hier!"  # still ranked


def test_count_text_says_when_the_count_is_capped():
    from gala_desktop.ui.catalogue_browser import count_text

    assert count_text(200, 2000, exact=False).startswith("Meer dan 2.000 interventies gevonden")
    assert count_text(3, 3) == "3 interventies gevonden"


def test_paging_past_the_cap_reads_straight_from_the_index(small, monkeypatch):
    from gala_desktop.catalogue import search as search_module

    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    everything = [i.key for i in small.search(SearchQuery(text="e", limit=10)).items]
    assert sorted(everything) == sorted(i.key for i in small.search(SearchQuery(text="e")).items)
    for offset in (1, 2, 3, 4):  # within the name matches, within the probe, past both
        page = small.search(SearchQuery(text="e", limit=2, offset=offset))
        assert [i.key for i in page.items] == everything[offset : offset + 2], offset


@pytest.mark.parametrize(
    "query",
    [SearchQuery(text="eenz"), SearchQuery(text="e"), SearchQuery(),
     SearchQuery(text="ouderen", min_level=RecognitionLevel.WELL_DESCRIBED),
     SearchQuery(theme_keys=frozenset({"sociale-basis"}), limit=1)],
)
def test_the_measured_single_statement_returns_the_same_page(small, query):
    import sqlite3

    from gala_desktop.catalogue.search import page_sql

    result = small.search(query)
    sql, params = page_sql(query, result.exact)
    with sqlite3.connect(small.path) as raw:
        keys = [row[0] for row in raw.execute(sql, params)]
    assert keys == [i.key for i in result.items]


def test_effective_without_sub_level_passes_a_minimum_of_first_indications(tmp_path):
    source = write_source(
        tmp_path,
        {
            "eff": intervention_toml("eff", "Effectief zonder subniveau", level="effectief"),
            "goede": intervention_toml("goede", "Goede aanwijzingen", level="effectief_goede"),
            "onderbouwd": intervention_toml("onderbouwd", "Onderbouwd", level="goed_onderbouwd"),
        },
    )
    build_catalogue(source, tmp_path / "c.sqlite")
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        first = set(names(cat, min_level=RecognitionLevel.EFFECTIVE_FIRST))
        assert first == {"Effectief zonder subniveau", "Goede aanwijzingen"}
        assert names(cat, min_level=RecognitionLevel.EFFECTIVE_GOOD) == ["Goede aanwijzingen"]
        assert cat.get("eff").best_level.short_label == "effectief (niveau niet vermeld)"


@pytest.mark.parametrize(
    "query",
    [SearchQuery(text="e", databanks=frozenset(Databank), limit=10),
     SearchQuery(theme_keys=frozenset({"sociale-basis"}), limit=10),
     SearchQuery(databanks=frozenset(Databank), limit=10)],
)
def test_broad_filtered_queries_list_their_page_in_scan_order_from_the_same_statement(
    small, monkeypatch, query
):
    import sqlite3

    from gala_desktop.catalogue import search as search_module
    from gala_desktop.catalogue.search import page_sql

    everything = small.search(query)
    assert everything.exact and everything.total > 3
    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    broad = small.search(query)
    assert not broad.exact and broad.total == 3
    sql, params = page_sql(query, exact=False)
    with sqlite3.connect(small.path) as raw:
        in_scan_order = [row[0] for row in raw.execute(sql, params)]
    assert [i.key for i in broad.items] == in_scan_order  # the page is not cut by the cap
    fields = {n: getattr(query, n) for n in query.__slots__}
    first = small.search(SearchQuery(**{**fields, "limit": 2}))  # within the capped matches
    assert not first.exact and [i.key for i in first.items] == in_scan_order[:2]
    past = small.search(SearchQuery(**{**fields, "limit": 2, "offset": 3}))  # beyond them
    assert [i.key for i in past.items] == in_scan_order[3:5]


def test_what_a_broad_query_lists_first_is_always_among_its_matches(catalogue):
    """A broad query lists first the interventions whose name has every typed word (word index);
    each of those must also be found by the query itself (trigram index). Checked for every word
    of every shipped name, its prefixes and stem, word pairs and the reviewed synonyms."""
    from gala_desktop.catalogue.search import _name_plan, _plan
    from gala_desktop.catalogue.textnorm import stem, words

    typed: set[str] = set(catalogue.synonyms)
    for iv in catalogue.all():
        name = words(iv.name)
        typed.update(" ".join(pair) for pair in zip(name, name[1:]))
        for word in name:
            typed.update({word, stem(word), *(word[:n] for n in range(1, len(word)))})
    conn = catalogue._conn()

    def ids(plan) -> set[int]:
        sql, params = plan.probe()
        return {row[0] for row in conn.execute(sql, (*params, 100_000))}

    named_somewhere = 0
    for text in sorted(typed):
        query = SearchQuery(text=text)
        named = ids(_name_plan(query, catalogue.synonyms))
        assert named <= ids(_plan(query, catalogue.synonyms)), text
        named_somewhere += bool(named)
    assert named_somewhere > len(typed) * 0.9  # the name forms do find the names they come from


@pytest.mark.parametrize("cap", [2, 3, 200])
@pytest.mark.parametrize(
    "query",
    [SearchQuery(text="e"), SearchQuery(text="ee"), SearchQuery(text="eenzaam"),
     SearchQuery(text="e", databanks=frozenset(Databank)), SearchQuery(text="zorg"),
     SearchQuery(theme_keys=frozenset({"sociale-basis"}))],
)
def test_probing_first_or_not_gives_the_same_answer(small, monkeypatch, cap, query):
    """Whether a search probes first (the previous keystroke's count, the catalogue's size) only
    changes how fast it answers."""
    from gala_desktop.catalogue import search as search_module

    monkeypatch.setattr(search_module, "RANK_CAP", cap)
    fields = {n: getattr(query, n) for n in query.__slots__}
    for offset, limit in ((0, 200), (0, 2), (1, 2), (3, 1), (2, 5), (0, 0)):
        page = SearchQuery(**{**fields, "offset": offset, "limit": limit})
        answers = {
            (tuple(i.key for i in result.items), result.total, result.exact)
            for narrow in (None, True, False) for size in (None, 5)
            for result in [search_module.search(small._conn(), page, size=size, narrow=narrow)]
        }
        assert len(answers) == 1, (offset, limit, answers)


def test_a_keystroke_probes_first_only_after_a_broad_one(small, monkeypatch):
    from gala_desktop.catalogue import search as search_module

    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    monkeypatch.setattr(search_module, "PROBE_ABOVE", 0)  # as in a big catalogue
    statements: list[str] = []
    small._conn().set_trace_callback(statements.append)
    try:
        def typed(text: str, **filters) -> tuple[list[str], bool]:
            statements.clear()
            result = small.search(SearchQuery(text=text, limit=3, **filters))  # page ≤ cap
            return [s.split()[0] for s in statements
                    if "intervention i" in s or "FROM search_text" in s], result.exact

        probe, broad, ranked = ["SELECT"], ["WITH", "SELECT"], ["WITH"]  # names + rows; one
        assert typed("e") == (probe + broad, False)  # nothing to go by: probe first
        assert typed("ee") == (probe + broad, False)  # after a broad one: probe first
        assert typed("eenz") == (probe + ranked, True)
        assert typed("eenzaam") == (ranked, True)  # after a narrow one: ranked at once
        assert typed("eenzaam jongeren") == (ranked, True)
        # a facet that selects few rows drives: its interventions' text is checked, then ranked
        assert typed("eenzaam jongeren", databanks=frozenset({Databank.NJI})) == (["SELECT"] + ranked, True)
        small.search(SearchQuery(text="e", limit=3))
        assert typed("eenzaam") == (probe + ranked, True)
    finally:
        small._conn().set_trace_callback(None)


def test_what_counts_as_narrowing_the_previous_search():
    from gala_desktop.catalogue.repository import narrows

    last = SearchQuery(text="eenz", target_group_keys=frozenset({"jongeren", "ouderen"}))
    for query in (
        SearchQuery(text="eenza", target_group_keys=frozenset({"jongeren", "ouderen"})),
        SearchQuery(text="eenz", target_group_keys=frozenset({"jongeren"})),
        SearchQuery(text="eenz jong", target_group_keys=frozenset({"ouderen"}),
                    theme_keys=frozenset({"eenzaamheid"}), databanks=frozenset({Databank.NJI}),
                    min_level=RecognitionLevel.WELL_FOUNDED),
    ):
        assert narrows(query, last), query
    for query in (
        SearchQuery(text="een", target_group_keys=frozenset({"jongeren", "ouderen"})),  # erased
        SearchQuery(text="eenza"),  # a facet cleared
        SearchQuery(text="eenza", target_group_keys=frozenset({"jongeren", "mantelzorgers"})),
        SearchQuery(text="eenza", target_group_keys=frozenset({"jongeren"}), include_lapsed=True),
    ):
        assert not narrows(query, last), query
    # another page of the same matches: own interventions listed first shorten the page
    assert narrows(SearchQuery(text="eenza", target_group_keys=frozenset({"ouderen"}), limit=50), last)
    assert narrows(SearchQuery(text="eenza", offset=200), SearchQuery(text="eenz"))
    assert not narrows(SearchQuery(text="e"), SearchQuery())  # nothing typed before
    assert not narrows(SearchQuery(text="x", min_level=RecognitionLevel.WELL_DESCRIBED),
                       SearchQuery(text="x", min_level=RecognitionLevel.WELL_FOUNDED))
