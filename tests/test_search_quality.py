"""Search quality on the shipped catalogue: approach and werkzame elementen are searched, theme
names only as whole words, equal relevance is ordered by level, and reviewed synonyms apply."""

from __future__ import annotations

import sqlite3

import pytest
from catalogue_factory import intervention_toml, write_source

from gala_desktop.catalogue import queries
from gala_desktop.catalogue.builder import build_catalogue
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.search import build_match
from gala_desktop.catalogue.source import validate_path
from gala_desktop.catalogue.textnorm import fold
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import theme_name


def _hits(cat, text: str, **filters) -> list[str]:
    return [i.key for i in cat.search(SearchQuery(text=text, limit=1000, **filters)).items]


def _own_text(iv) -> str:
    """Everything the text columns index, without the theme names."""
    groups = " ".join(g.name for g in iv.target_groups)
    return fold(" ".join([iv.name, iv.summary, iv.aim, iv.approach, *iv.active_elements,
                          iv.target_group_text, groups, iv.owner]))


@pytest.mark.parametrize("word", ["buurtsportcoach", "zwembad"])
def test_words_of_the_approach_are_found(catalogue, word):
    hits = _hits(catalogue, word)
    assert hits
    for iv in catalogue.get_many(hits).values():
        assert word in fold(iv.approach + " " + " ".join(iv.active_elements)), iv.key


def test_werkzame_elementen_are_found(tmp_path):
    source = write_source(tmp_path, {"x": intervention_toml(
        "x", "Iets", extra='active_elements = ["Wekelijkse wandelestafette"]\n')})
    build_catalogue(source, tmp_path / "c.sqlite")
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        assert _hits(cat, "wandelestafette") == ["x"]


def test_theme_names_do_not_flood_a_short_word(catalogue):
    hits = _hits(catalogue, "taal")
    themed = [iv for iv in catalogue.all()
              if "taal" in fold(" ".join(theme_name(k) for k in iv.theme_keys))]
    # "Vitaal ouder worden", "Mentale weerbaarheid…": a theme name alone is no hit
    assert [iv.key for iv in themed if iv.key not in hits]
    for iv in catalogue.get_many(hits).values():
        assert "taal" in _own_text(iv), iv.key  # found by its own text, not by a theme name


def test_a_whole_theme_word_still_finds_the_theme(catalogue):
    hits = set(_hits(catalogue, "eenzaamheid"))
    themed = {iv.key for iv in catalogue.all() if "eenzaamheid" in iv.theme_keys}
    assert themed <= hits
    assert any("eenzaamheid" not in _own_text(catalogue.get(key)) for key in themed)


def _scores(cat: Catalogue, text: str) -> dict[str, float]:
    tri, _ = build_match(text, cat.synonyms)
    weights = ", ".join(map(str, queries.FTS_WEIGHTS))
    with sqlite3.connect(cat.path.resolve().as_uri() + "?mode=ro", uri=True) as conn:
        return dict(conn.execute(
            f"SELECT i.key, bm25(search_trigram, {weights}) FROM search_trigram "
            "JOIN intervention i ON i.id = search_trigram.rowid WHERE search_trigram MATCH ?", (tri,)))


@pytest.mark.parametrize("text", ["eenzaamheid", "leefstijl", "bewegen", "ouderen"])
def test_equal_relevance_puts_the_higher_level_first(catalogue, text):
    scores = _scores(catalogue, text)
    result = catalogue.search(SearchQuery(text=text, limit=1000))
    assert [s.key for s in result.items] and set(scores) == {s.key for s in result.items}
    keys = [s.key for s in result.items]
    assert [scores[k] for k in keys] == sorted(scores[k] for k in keys)  # relevance first
    ties = 0
    for a, b in zip(result.items, result.items[1:]):
        if scores[a.key] == scores[b.key]:
            assert a.best_level.rank >= b.best_level.rank, (a.key, b.key)
            ties += a.best_level.rank != b.best_level.rank
    if text == "leefstijl":  # matches only in the theme's name tie: the test would see a wrong order
        assert ties


def test_without_words_the_higher_level_comes_first(catalogue):
    result = catalogue.search(SearchQuery(theme_keys=frozenset({"vitaal-ouder-worden"}), limit=1000))
    ranks = [s.best_level.rank for s in result.items]
    assert len(set(ranks)) > 1 and ranks == sorted(ranks, reverse=True)


def test_valpreventie_finds_fall_prevention_that_says_vallen(catalogue):
    hits = _hits(catalogue, "valpreventie")
    alternatives = catalogue.synonyms["valpreventie"]
    for iv in catalogue.get_many(hits).values():
        words = _own_text(iv).split()
        assert any(w.startswith(("valpreventie", *alternatives)) for w in words), iv.key
    said_only_vallen = [k for k in hits if "valpreventie" not in _own_text(catalogue.get(k))]
    assert "zicht-op-evenwicht" in said_only_vallen  # found through the synonym alone
    assert "2do" not in hits  # "afvallen" is not "vallen"


def test_gli_finds_the_combined_lifestyle_interventions(catalogue, tmp_path):
    chain = {iv.key for iv in catalogue.all() if "keten-gli" in iv.theme_keys}
    assert chain and chain <= set(_hits(catalogue, "GLI"))
    # a text that only says "gecombineerde leefstijlinterventie" is found by "GLI" too
    source = write_source(tmp_path, {"x": intervention_toml(
        "x", "Leefstijl", summary="Een gecombineerde leefstijlinterventie voor volwassenen.")})
    (source / "synonyms.toml").write_text(
        '[[synonym]]\nterm = "GLI"\nalternatives = ["gecombineerde leefstijlinterventie"]\n',
        encoding="utf-8")
    build_catalogue(source, tmp_path / "c.sqlite")
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        assert _hits(cat, "gli") == ["x"] and _hits(cat, "leefstijl") == ["x"]


def test_the_shipped_synonyms_are_reviewed_and_valid(catalogue):
    assert {"valpreventie", "gli"} <= set(catalogue.synonyms)
    for term, alternatives in catalogue.synonyms.items():
        assert term not in alternatives and alternatives


@pytest.mark.parametrize(
    ("toml", "field", "words"),
    [
        ('[[synonym]]\nterm = "twee woorden"\nalternatives = ["x"]\n', "synonym[1].term", "één woord"),
        ('[[synonym]]\nterm = "ab"\nalternatives = ["x"]\n', "synonym[1].term", "drie letters"),
        ('[[synonym]]\nterm = "val"\nalternatives = []\n', "synonym[1].alternatives", "minstens één"),
        ('[[synonym]]\nterm = "Val"\nalternatives = ["val"]\n', "synonym[1].alternatives", "zelf"),
        ('[[synonym]]\nterm = "val"\nalternatives = ["xy"]\n[[synonym]]\nterm = "VAL"\nalternatives = ["yz"]\n',
         "synonym[2].term", "twee keer"),
        # matched where a word starts: one letter is no trigram, and would be every word with it
        ('[[synonym]]\nterm = "vitamine"\nalternatives = ["vitamine-d", "D"]\n', "synonym[1].alternatives",
         "'D' is te kort"),
        ('[[synonym]]\nterm = "val"\nalternative = ["x"]\n', "synonym[1].alternative", "onbekend veld"),
    ],
)
def test_synonym_problems_are_named_with_their_line(tmp_path, toml, field, words):
    source = write_source(tmp_path, {"x": intervention_toml("x", "X")})
    (source / "synonyms.toml").write_text(toml, encoding="utf-8")
    problems = [p for p in validate_path(source) if p.field == field]
    assert problems and words in problems[0].message and problems[0].file == "synonyms.toml"
    assert problems[0].line is not None
