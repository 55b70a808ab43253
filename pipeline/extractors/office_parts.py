"""The parts offices are composed of: heads and deputy prefixes (rules/office_heads.csv:
`председатель`, `спикер`, `полномочный представитель`, `заместитель`) and the state bodies
a head leads or sits in (rules/state_bodies.csv: `горисполком`, `палата представителей`, `МИД`).

Each part is matched on lemmas, like the fixed offices, so one nominative line covers
every case and number. `rules/non_state_organisations.txt` lists the organisations whose
heads hold no office (`глава компании`, `председатель правления банка`).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from razdel import tokenize

from ..nlp import Doc, lemma, lemmas, parse
from .gazetteer import RULES, gazetteer

FOLLOWING_WORDS = 3  # `президент крупнейшей нефтяной компании`
QUOTES = {"«", '"', "„", "“"}
PHRASE_POS = {"NOUN", "ADJF", None}  # None: an abbreviation pymorphy3 does not know (`ТОО`)


@dataclass(frozen=True)
class Part:
    name: str  # nominative, as a position starts with it
    kind: str  # deputy, head or body
    needs: str  # head: "" (an office alone), "body", "body_or_place"
    scope: str  # national, regional, city, legislative, diplomatic
    countries: tuple[str, ...]  # where the office is first-level: its region defaults to the article's
    complement: str  # body: "" none, "yes" may take one (`министерства иностранных дел`), "required"


class PhraseIndex:
    """Phrases as lemma sets per token, under every lemma of their first word."""

    def __init__(self, phrases: list[tuple[str, Part]]):
        self.by_first: dict[str, list[tuple[tuple[frozenset[str], ...], Part]]] = {}
        for text, part in phrases:
            words = tuple(lemmas(t.text) for t in tokenize(text))
            for word in words[0]:
                self.by_first.setdefault(word, []).append((words, part))

    def longest(self, doc: Doc, j: int) -> tuple[Part, int] | None:
        """The longest phrase starting at token j and the token after it."""
        if j >= len(doc.tokens):
            return None
        best = None
        for word in lemmas(doc.tokens[j].text):
            for words, part in self.by_first.get(word, ()):
                end = j + len(words)
                if end <= len(doc.tokens) and (best is None or end > best[1]) and all(
                        w & lemmas(doc.tokens[k].text) for k, w in zip(range(j, end), words)):
                    best = (part, end)
        return best

    def one_word(self, word: str) -> Part | None:
        """A one-word phrase the word is a form of: `министра` in `замминистра`."""
        return next((part for w in lemmas(word) for words, part in self.by_first.get(w, ())
                     if len(words) == 1), None)


def _phrases(file: str, name_column: str) -> list[tuple[str, Part]]:
    phrases = []
    with open(RULES / file, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row[name_column]
            part = Part(name, row.get("kind") or "body", row.get("needs") or "", row["scope"],
                        tuple(c for c in row["countries"].split(";") if c), row.get("complement") or "")
            phrases += [(alias, part) for alias in [name] + [a.strip() for a in row["aliases"].split(";")]
                        if alias]
    return phrases


@lru_cache(maxsize=1)
def heads() -> PhraseIndex:
    return PhraseIndex([p for p in _phrases("office_heads.csv", "head") if p[1].kind == "head"])


@lru_cache(maxsize=1)
def deputies() -> PhraseIndex:
    return PhraseIndex([p for p in _phrases("office_heads.csv", "head") if p[1].kind == "deputy"])


@lru_cache(maxsize=1)
def bodies() -> PhraseIndex:
    return PhraseIndex(_phrases("state_bodies.csv", "body"))


@lru_cache(maxsize=1)
def _non_state_entries() -> list[str]:
    lines = (RULES / "non_state_organisations.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def non_state_words() -> frozenset[str]:
    return frozenset(w for w in _non_state_entries() if w.islower())


@lru_cache(maxsize=1)
def non_state_name_words() -> frozenset[str]:
    """Entries written capitalised (`Европейский`): they mark an organisation only as a word of
    its name (`Европейского парламента`, not `министр по европейским делам`)."""
    return frozenset(w.lower() for w in _non_state_entries() if not w.islower())


def _non_state(word: str) -> bool:
    found = lemmas(word)
    return bool(found & non_state_words() or word[:1].isupper() and found & non_state_name_words())


def _lemma_phrases(file: str) -> list[tuple[str, ...]]:
    """A rules file's phrases, one a line, as lemma sequences, the longest first."""
    lines = (RULES / file).read_text(encoding="utf-8").splitlines()
    return sorted((tuple(lemma(t.text) for t in tokenize(line)) for line in lines
                   if line.strip() and not line.startswith("#")), key=len, reverse=True)


@lru_cache(maxsize=1)
def macro_regions() -> list[tuple[str, ...]]:
    """Areas larger than a region that a federal office's complement names
    (rules/macro_regions.txt: `по делам Северного Кавказа`)."""
    return _lemma_phrases("macro_regions.txt")


@lru_cache(maxsize=1)
def _ranks() -> list[tuple[str, ...]]:
    return _lemma_phrases("titles_of_rank.txt")


def phrase_end(doc: Doc, k: int, phrases: list[tuple[str, ...]]) -> int:
    """After the first of the phrases that starts at token k, else k."""
    return next((k + len(words) for words in phrases if k + len(words) <= len(doc.tokens)
                 and all(w == t.lemma for w, t in zip(words, doc.tokens[k:]))), k)


@lru_cache(maxsize=1)
def _honorary_titles() -> list[tuple[str, ...]]:
    return _lemma_phrases("honorary_titles.txt")


def honorary_title_end(doc: Doc, k: int) -> int:
    """After an honorary title at token k (rules/honorary_titles.txt: `посол доброй воли`), else k."""
    return phrase_end(doc, k, _honorary_titles())


def rank_end(doc: Doc, k: int) -> int:
    """After a title of rank at token k (rules/titles_of_rank.txt: `генерал армии`, `г-н`), else k."""
    return phrase_end(doc, k, _ranks())


def names_non_state(doc: Doc, first: int, end: int, places: set[int], state: set[int]) -> bool:
    """`президент компании`, `президент Федерации тенниса`, `руководитель управления банка`:
    the office phrase (tokens first..end) or the words right after it name a business,
    party, church or other non-state body. Words of a state body (`Национального банка`)
    do not count; the words after the phrase end at a name, a verb or a punctuation mark."""
    if any(_non_state(doc.tokens[k].text) for k in range(first, end) if k not in places | state):
        return True
    k, seen = end, 0
    while k < len(doc.tokens) and seen < FOLLOWING_WORDS:
        token = doc.tokens[k]
        k += 1
        # `председатель [Алматинского] областного филиала партии`; but `посол [ЕС]`,
        # `спецпредставитель [Евросоюза]`: NER's place may be an international organisation
        # (not the `Федерации` of `Российской Федерации`)
        if k - 1 in places and not (_non_state(token.text) and not _in_country_name(doc, k - 1)):
            continue
        if doc.spans_covering(token.start, token.end, "PER") or not (
                token.text in QUOTES or token.text.isalpha() and parse(token.text)[0].tag.POS in PHRASE_POS):
            return False
        if _non_state(token.text) or k - 1 == end and not state and _unknown_organisation(doc, end):
            return True
        seen += 1
    return False


def _in_country_name(doc: Doc, k: int) -> bool:
    names = gazetteer().country_names
    return doc.tokens[k].lemma in names or any(
        " ".join(t.lemma for t in doc.tokens[a:a + 2]) in names for a in (k - 1, k) if a >= 0)


def _unknown_organisation(doc: Doc, k: int) -> bool:
    """`президент РСПП`, `президент ВТБ`: right after a title without a body, what NER calls
    an organisation and is neither a state body nor a country (`Президент РУз`)."""
    token = doc.tokens[k]
    return bool(doc.spans_covering(token.start, token.end, "ORG")) and bodies().longest(doc, k) is None \
        and token.lemma not in gazetteer().country_names
