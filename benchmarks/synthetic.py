"""Synthetic catalogues of realistic Dutch interventions, built through the real builder.

Everything is learnt from the shipped catalogue (``Catalogue.open().all()``):

- texts come from a word-bigram chain per field (summary, aim, approach, ...), trained on the real
  texts of that field, with lengths drawn from the real lengths; a small share of words is
  replaced by a new Dutch-style compound of two real words, so the vocabulary keeps growing with
  the size of the catalogue as it does in the real databanks;
- themes, target groups, listings (databank, level, dates) and the kinds of randvoorwaarden are
  taken from a randomly chosen real intervention (the template) and then mutated a little, so
  their joint distribution stays that of the real catalogue.

Generation is deterministic (string-seeded ``random.Random``; no set iteration), and the built
database is cached under a key that covers the generator, the builder, the schema and the text
normalisation -- not the shipped catalogue's bytes: a content change alone (a re-verified level,
a new intervention) does not make the large catalogues of the previous build worthless, and a
100,000-intervention build takes many minutes. Change ``GENERATOR_VERSION`` to force a rebuild.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from random import Random

from gala_desktop.catalogue import builder, schema, textnorm
from gala_desktop.catalogue.builder import write_database
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.source import CatalogueSource
from gala_desktop.domain.intervention import Condition, Intervention, Listing
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.themes import THEMES

GENERATOR_VERSION = 2  # raise on every change to the generator: it keys the cache
COMPOUND_SHARE = 0.03  # share of words replaced by a fresh compound of two real words
EXTRA_THEME_CHANCE = 0.3
LOCAL_CHANCE = 0.9  # chance to follow the template's own text, which keeps a text on topic
DROP_THEME_CHANCE = 0.12
LEVEL_CHANGE_CHANCE = 0.2

_START = "\x02"
_END = "\x03"
_SLUG_RE = re.compile(r"[^a-z0-9]+")


class _Chain:
    """A word-bigram chain over the texts of one field, with the real length distribution."""

    def __init__(self, texts: list[str]) -> None:
        self.followers: dict[str, list[str]] = {}
        self.lengths: list[int] = []
        for text in texts:
            tokens = text.split()
            if not tokens:
                continue
            self.lengths.append(len(tokens))
            previous = _START
            for token in tokens:
                self.followers.setdefault(previous, []).append(token)
                previous = _START if token.endswith((".", "?", "!")) else token
            self.followers.setdefault(previous, []).append(_END)
        words = {t.strip(".,;:()") for ts in self.followers.values() for t in ts if t != _END}
        self.vocabulary = [w for w in sorted(words) if len(w) >= 4 and w.isalpha()]

    def __bool__(self) -> bool:
        return bool(self.lengths)

    def text(self, rng: Random, compounds: "_Compounder", local: "_Chain | None" = None) -> str:
        """A text about as long as a real one of this field, ending where real texts end.

        With a ``local`` chain (the template's own text of this field) most steps follow it, so
        the text stays on the template's topic; the rest wander through the whole field.
        """
        if not self:
            return ""
        target = max(1, rng.choice(self.lengths) + rng.randint(-2, 2))
        out: list[str] = []
        previous = _START
        while len(out) < target + 8:
            options = None
            if local is not None and rng.random() < LOCAL_CHANCE:
                options = local.followers.get(previous)
            token = rng.choice(options or self.followers.get(previous) or self.followers[_START])
            if token == _END:
                if len(out) >= target * 0.5:
                    return " ".join(out)
                previous = _START
                continue
            if rng.random() < COMPOUND_SHARE and len(token) >= 5 and token.isalpha():
                token = compounds.make(rng, token)
            out.append(token)
            ends = token.endswith((".", "?", "!"))
            if ends and len(out) >= target * 0.8:
                return " ".join(out)
            previous = _START if ends else token
        return " ".join(out).rstrip(",;:") + "."


class _Compounder:
    def __init__(self, vocabulary: list[str]) -> None:
        self.parts = [w.lower() for w in vocabulary if 4 <= len(w) <= 9]

    def make(self, rng: Random, word: str) -> str:
        head = rng.choice(self.parts)
        tail = word.lower()
        compound = head + tail
        return compound.capitalize() if word[:1].isupper() else compound


@dataclass(frozen=True, slots=True)
class Corpus:
    templates: tuple[Intervention, ...]
    chains: dict[str, _Chain]
    condition_chains: dict[object, _Chain]
    name_parts: tuple[str, ...]
    theme_weights: tuple[tuple[str, int], ...]
    compounder: _Compounder


def corpus_from(interventions: list[Intervention]) -> Corpus:
    def chain(values) -> _Chain:
        return _Chain([v for v in values if v])

    items = list(interventions)
    chains = {
        "summary": chain(i.summary for i in items),
        "aim": chain(i.aim for i in items),
        "approach": chain(i.approach for i in items),
        "target_group_text": chain(i.target_group_text for i in items),
        "owner": chain(i.owner for i in items),
        "costs_note": chain(i.costs_note for i in items),
        "active_element": chain(e for i in items for e in i.active_elements),
        "listing_note": chain(li.note for i in items for li in i.listings),
    }
    condition_chains: dict[object, _Chain] = {}
    for kind in dict.fromkeys(c.kind for i in items for c in i.conditions):
        condition_chains[kind] = chain(c.text for i in items for c in i.conditions if c.kind is kind)
    vocabulary = sorted({w for c in chains.values() for w in c.vocabulary})
    name_parts = sorted({w for i in items for w in i.name.split() if len(w) >= 3 and w.isalpha()})
    counts: dict[str, int] = {t.key: 0 for t in THEMES}
    for item in items:
        for key in item.theme_keys:
            counts[key] = counts.get(key, 0) + 1
    return Corpus(
        templates=tuple(sorted(items, key=lambda i: i.key)),
        chains=chains,
        condition_chains=condition_chains,
        name_parts=tuple(name_parts),
        theme_weights=tuple((k, v + 1) for k, v in counts.items()),
        compounder=_Compounder(vocabulary),
    )


def _weighted(rng: Random, weights: tuple[tuple[str, int], ...]) -> str:
    cumulative = []
    total = 0
    for _, weight in weights:
        total += weight
        cumulative.append(total)
    return weights[bisect.bisect_right(cumulative, rng.random() * total)][0]


def _slug(text: str) -> str:
    return _SLUG_RE.sub("-", textnorm.fold(text)).strip("-") or "interventie"


class _Names:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.names: set[str] = set()
        self.keys: set[str] = set()

    def make(self, rng: Random, template: Intervention) -> tuple[str, str]:
        parts = self.corpus.compounder.parts
        shape = rng.random()
        if shape < 0.35:
            name = (rng.choice(parts) + rng.choice(parts)).capitalize()
        elif shape < 0.7:
            name = f"{rng.choice(self.corpus.name_parts)} {rng.choice(parts)}".capitalize()
        elif shape < 0.9:
            words = template.name.split()
            words[rng.randrange(len(words))] = rng.choice(parts).capitalize()
            name = " ".join(words)
        else:
            name = f"{rng.choice(parts).capitalize()} en {rng.choice(parts)}"
        base, number = name, 2
        while name.casefold() in self.names:
            name = f"{base} {number}"
            number += 1
        self.names.add(name.casefold())
        key, number = _slug(name), 2
        while key in self.keys:
            key = f"{_slug(name)}-{number}"
            number += 1
        self.keys.add(key)
        return name, key


def _themes(rng: Random, corpus: Corpus, template: Intervention) -> tuple[str, ...]:
    keys = [k for k in template.theme_keys if rng.random() > DROP_THEME_CHANCE]
    if rng.random() < EXTRA_THEME_CHANCE or not keys:
        extra = _weighted(rng, corpus.theme_weights)
        if extra not in keys:
            keys.append(extra)
    return tuple(keys)


def _listings(rng: Random, corpus: Corpus, template: Intervention, key: str) -> tuple[Listing, ...]:
    levels = list(RecognitionLevel)
    out = []
    for listing in template.listings:
        level = listing.level
        if rng.random() < LEVEL_CHANGE_CHANCE:
            level = rng.choice(levels)
        note = ""
        if listing.note:
            note = corpus.chains["listing_note"].text(rng, corpus.compounder, _Chain([listing.note]))
        out.append(
            replace(listing, level=level, url=f"https://databank.example.nl/{listing.databank.value}/{key}",
                    note=note)
        )
    return tuple(out)


def generate(count: int, corpus: Corpus, seed: str = "gala") -> list[Intervention]:
    """``count`` synthetic interventions, the same ones for the same corpus and seed."""
    rng = Random(f"{seed}-{GENERATOR_VERSION}-{count}")
    names = _Names(corpus)
    chains = corpus.chains
    out: list[Intervention] = []
    for _ in range(count):
        template = rng.choice(corpus.templates)
        name, key = names.make(rng, template)

        def text(field_name: str, own: str) -> str:
            return chains[field_name].text(rng, corpus.compounder, _Chain([own])) if own else ""

        conditions = tuple(
            Condition(c.kind, corpus.condition_chains[c.kind].text(rng, corpus.compounder, _Chain([c.text])))
            for c in template.conditions
        )
        out.append(
            Intervention(
                key=key,
                name=name,
                summary=text("summary", template.summary),
                aim=text("aim", template.aim),
                approach=text("approach", template.approach),
                target_group_text=text("target_group_text", template.target_group_text),
                owner=text("owner", template.owner),
                checked_on=template.checked_on,
                website=f"https://www.{key}.example.nl/" if template.website else "",
                costs_note=text("costs_note", template.costs_note),
                active_elements=tuple(
                    chains["active_element"].text(rng, corpus.compounder, _Chain([e]))
                    for e in template.active_elements
                ),
                theme_keys=_themes(rng, corpus, template),
                target_groups=template.target_groups,
                listings=_listings(rng, corpus, template, key),
                conditions=conditions,
                sources=(f"https://bron.example.nl/{key}",),
            )
        )
    return out


# -- building and caching ---------------------------------------------------------------------


def default_cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "gala-benchmarks"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(f"generator {GENERATOR_VERSION} schema {schema.SCHEMA_VERSION}".encode())
    for module in (builder, schema, textnorm):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def load_real() -> tuple[CatalogueSource, list[Intervention]]:
    with Catalogue.open() as real:
        return (
            CatalogueSource(real.title, real.checked_on, real.target_groups(), []),
            real.all(),
        )


def build(count: int, output: Path) -> Path:
    """Generate ``count`` interventions and write them with the real builder to ``output``."""
    meta, real = load_real()
    interventions = generate(count, corpus_from(real))
    source = CatalogueSource(f"Synthetische catalogus ({count})", meta.checked_on, meta.target_groups,
                             interventions)
    write_database(source, output)
    return output


def cached_catalogue(count: int, cache_dir: Path | None = None, log=print) -> Path:
    """The path of a built synthetic catalogue of ``count`` interventions (built when missing)."""
    cache_dir = Path(cache_dir or default_cache_dir())
    path = cache_dir / f"catalogue-{count}-{_fingerprint()}.sqlite"
    if not path.exists():
        log(f"building synthetic catalogue of {count} interventions -> {path}")
        build(count, path)
    return path
