"""Text normalisation shared by indexing and querying, so both always agree.

Folding removes case and diacritics (``Reliëf`` → ``relief``, ``ĳ`` → ``ij``). Dutch Snowball
stems are added next to the words so that inflections meet (``ouderen`` and ``oudere`` both stem
to ``ouder``); the trigram index then finds any word inside a compound (``zorg`` in
``mantelzorg``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, diacritics removed, compatibility forms expanded."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The folded words of a text; punctuation and FTS operators never survive."""
    return _WORD_RE.findall(fold(text))


@functools.cache
def _stemmer():
    """The classic Dutch Snowball stemmer: it undoubles vowels, so "eenzaam" and "eenzame",
    "groot" and "grote" meet (the newer "dutch" algorithm keeps them apart). Loaded on the
    first search with words, not at start-up, and alone: the package's ``__init__`` imports the
    stemmers of all its 30-odd languages (about 3 MiB of memory for one we use)."""
    return _dutch_porter_class()()


def _dutch_porter_class():
    import importlib
    import importlib.util
    import sys

    hollow = None
    if "snowballstemmer" not in sys.modules:
        spec = importlib.util.find_spec("snowballstemmer")
        if spec is not None and spec.submodule_search_locations:
            # The package as a module object whose __init__ has not run: its submodules
            # (dutch_porter_stemmer, basestemmer, among) import by relative name from it.
            hollow = sys.modules["snowballstemmer"] = importlib.util.module_from_spec(spec)
    try:
        return importlib.import_module("snowballstemmer.dutch_porter_stemmer").DutchPorterStemmer
    except (ImportError, AttributeError):  # another layout of the package: take the public way
        sys.modules.pop("snowballstemmer", None)
        hollow = None
        import snowballstemmer

        return type(snowballstemmer.stemmer("dutch_porter"))
    finally:
        if hollow is not None and sys.modules.get("snowballstemmer") is hollow:
            # not left as the package: a later ``import snowballstemmer`` runs its __init__
            # (reusing the submodules loaded here)
            del sys.modules["snowballstemmer"]


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


# Words of theme names that say nothing on their own; left out of the theme column.
THEME_STOPWORDS = frozenset({"de", "het", "een", "van", "en", "in", "met", "op", "voor", "die", "bij",
                             "tot", "uit", "naar", "dat", "vanuit", "inclusief"})


def theme_word_forms(word: str) -> list[str]:
    """The whole-word forms a query word matches in the theme column (trigram index): the word
    and its stem, each between ``#`` marks, so "taal" never matches inside "#vitaal#"."""
    return [f"#{w}#" for w in dict.fromkeys((word, stem(word)))]


def theme_index_text(names: list[str]) -> str:
    """The theme column of the trigram index: every theme word and its stem as a marked whole
    word (see ``theme_word_forms``)."""
    forms: list[str] = []
    for word in words(" ".join(names)):
        if word not in THEME_STOPWORDS:
            forms += theme_word_forms(word)
    return " ".join(dict.fromkeys(forms))


def index_text(text: str) -> str:
    """What goes into the full-text index for one field: folded words plus differing stems.

    It starts and ends with a space, so in the trigram index a phrase that starts with a space
    matches at the start of a word only, and one between spaces a whole word only, the field's
    first and last word included (see ``word_start`` and ``whole_word``)."""
    folded = words(text)
    stems = [s for w in folded if (s := stem(w)) != w]
    return " " + " ".join(folded + stems) + " "


def whole_word(word: str) -> str:
    """A folded word that the trigram index matches only as a whole word (or stem)."""
    return f" {word} "


def word_start(phrase: str) -> str:
    """A folded phrase that the trigram index matches only where a word starts:
    ``vallen`` finds *vallen* and *valleneffect*, not *afvallen* or *gevallen*."""
    return " " + " ".join(words(phrase))
