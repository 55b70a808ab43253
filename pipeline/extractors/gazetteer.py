"""The region gazetteer (rules/regions.csv) compiled into lemma patterns.

Every name and alias is lemmatized the way document tokens are, so the CSV
lists each name once, in the nominative, and any case or number matches.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from razdel import tokenize

import rules

from ..nlp import lemma, lemmas, parse

RULES = Path(rules.__file__).resolve().parent

# A region adjective also names its region before these heads:
# `Гомельского облисполкома`, `Гродненского областного исполнительного комитета`.
HEAD_VARIANTS = {
    "область": ("облисполком", "областной", "облправительство", "облсовет", "облакимат"),
    "край": ("краевой", "крайисполком"),
}
# Nouns that say what kind of unit a name is; they head `Атырауская область`,
# `область Абай`, `Республика Татарстан`, and coordinated names share them.
HEAD_NOUNS = frozenset({"область", "край", "округ", "аймак", "район", "велаят", "вилоят",
                        "республика", "провинция"})
# Written short in news (`Карагандинской обл.`, `респ. Алтай`): the short form matches too.
SHORT_HEADS = {"область": "обл", "республика": "респ"}


@dataclass(frozen=True)
class Unit:
    name: str
    code: str
    country: str
    kind: str
    capital: bool


@dataclass(frozen=True)
class Mention:
    """A region named in a document: its unit and where (characters and tokens)."""
    unit: Unit
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True)
class Pattern:
    words: tuple[frozenset[str], ...]  # lemma sets, one per token
    unit: Unit
    abbreviation: bool  # `ВКО`: must be written in capitals
    adjective_first: bool  # `Атырауская область`, not `Баян-Улгий аймак`
    head_outside: bool = False  # `Гомельского облисполкома`: the mention is the adjective alone

    @property
    def head(self) -> tuple[frozenset[str], ...] | None:
        """The head of an `<adjective> <head>` name, which coordinated adjectives before it
        share: `Курская и Орловская области`, `Ханты-Мансийского и Ямало-Ненецкого
        автономных округов`, `Восточного и Северного Казахстана`."""
        if len(self.words) < 2 or self.head_outside or not self.adjective_first:
            return None
        return self.words[1:]

    @property
    def leading_head(self) -> frozenset[str] | None:
        """The head of a `<head> <name>` name, which coordinated names after it share:
        `областей Абай и Жетісу`, `провинций Ганьсу и Цинхай`."""
        return self.words[0] if len(self.words) == 2 and self.words[0] & HEAD_NOUNS else None

    @property
    def implies_head(self) -> bool:
        """`в Северо-Казахстанской`: the adjective alone implies a head like `область`."""
        return any(words & HEAD_NOUNS for words in self.head or ())


def _lemma_words(name: str) -> tuple[frozenset[str], ...]:
    words = []
    for token in tokenize(name):
        found = lemmas(token.text)
        words.append(found | {SHORT_HEADS[w] for w in found if w in SHORT_HEADS})
    return tuple(words)


def _starts_with_adjective(name: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in parse(name.split()[0]))


def _is_abbreviation(alias: str) -> bool:
    letters = alias.replace("-", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 6


class Gazetteer:
    def __init__(self, units: list[Unit], names: dict[Unit, list[str]], countries: dict[str, list[str]]):
        self.units = units
        self.by_name = {u.name: u for u in units}
        self.capitals = {u.country: u for u in units if u.capital}
        self.country_words = {w: code for code, ns in countries.items() for n in ns
                              if len(_lemma_words(n)) == 1 for w in _lemma_words(n)[0]}
        self.country_names = {" ".join(lemma(t.text) for t in tokenize(n)) for ns in countries.values()
                              for n in ns}
        self.index: dict[str, list[Pattern]] = {}
        self.after_head: dict[str, list[Pattern]] = {}  # `<head> <name>` patterns by name lemma
        for unit in units:
            for name in names[unit]:
                self._add(Pattern(_lemma_words(name), unit, _is_abbreviation(name), _starts_with_adjective(name)))

    def _add(self, pattern: Pattern) -> None:
        for variant in self._head_variants(pattern):
            for word in variant.words[0]:
                self.index.setdefault(word, []).append(variant)
        if pattern.leading_head:
            for word in pattern.words[1]:
                self.after_head.setdefault(word, []).append(pattern)

    @staticmethod
    def _head_variants(pattern: Pattern) -> list[Pattern]:
        variants = [pattern]
        if pattern.head and len(pattern.words) == 2:
            for head, others in HEAD_VARIANTS.items():
                if head in pattern.words[1]:
                    variants += [Pattern((pattern.words[0], frozenset([o])), pattern.unit, False, True, True)
                                 for o in others]
        return variants

    def candidates(self, word_lemmas: frozenset[str]) -> list[Pattern]:
        found = {id(p): p for w in word_lemmas for p in self.index.get(w, ())}
        return sorted(found.values(), key=lambda p: -len(p.words))

    def name_after(self, head: frozenset[str], word_lemmas: frozenset[str]) -> Unit | None:
        """The unit called `<head> <word>`: `Жетісу` after `областей Абай и`."""
        return next((p.unit for w in word_lemmas for p in self.after_head.get(w, ())
                     if p.leading_head & head), None)


def _rows(name: str) -> list[dict]:
    """The rows of a rules CSV (rules/<name>), as dicts by its header."""
    with open(RULES / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def region_countries() -> dict[str, str]:
    """Each region's ISO country, from regions.csv alone: the corpus tables need no patterns
    (compiling the whole gazetteer takes a fifth of a second)."""
    return {row["name"]: row["country"] for row in _rows("regions.csv")}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    units, names = [], {}
    for row in _rows("regions.csv"):
        unit = Unit(row["name"], row["code"], row["country"], row["kind"], row["capital"] == "yes")
        units.append(unit)
        names[unit] = [row["name"]] + [a.strip() for a in row["aliases"].split(";") if a.strip()]
    countries = {row["code"]: row["names"].split(";") for row in _rows("countries.csv")}
    return Gazetteer(units, names, countries)
