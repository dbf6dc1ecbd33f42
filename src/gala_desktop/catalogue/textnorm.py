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
    first search with words, not at start-up."""
    import snowballstemmer

    return snowballstemmer.stemmer("dutch_porter")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def index_text(text: str) -> str:
    """What goes into the full-text index for one field: folded words plus differing stems."""
    folded = words(text)
    stems = [s for w in folded if (s := stem(w)) != w]
    return " ".join(folded + stems)
