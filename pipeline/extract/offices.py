"""Office mentions (rules/offices.csv): `аким`, `вице-министр по инвестициям и развитию`,
`председатель Гомельского облисполкома`, with the region the office belongs to.

An office is matched on lemmas, so `акимов`, `акима`, `акиму` are all `аким`;
region mentions may stand inside it (`председатель [Гомельского]
облисполкома`) and are taken as its region rather than part of its words.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from razdel import tokenize

from ..nlp import Doc, lemma, lemmas, parse
from .gazetteer import RULES, Mention, Unit, gazetteer
from .names import PATRONYMIC

# Words between an office and its region or holder that carry no meaning of their own.
GENERIC_PLACE_WORDS = {"город", "г", "область", "регион", "край", "республика", "округ"}
# `исполняющий обязанности губернатора Алексей Кокорин`: the office noun's case says nothing
# about the holder's.
ACTING_WORDS = {"обязанность", "врио", "ио"}


@dataclass(frozen=True)
class OfficeRow:
    office: str
    words: tuple[tuple[frozenset[str], ...], ...]  # each alias as lemma sets
    scope: str
    countries: tuple[str, ...]
    complement: bool  # `министр` takes a complement: `по инвестициям и развитию`
    needs_region: bool  # `глава` is an office only as `глава региона` / `глава Курской области`
    heads: frozenset[str]  # the first word of each alias as written: `аким`, `глава`


@dataclass(frozen=True)
class OfficeMention:
    row: OfficeRow
    position: str
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive, after complement and region
    cases: frozenset[str]
    plural: bool
    region: Unit | None
    names_other_place: bool  # `аким Усть-Каменогорска`: a place that is not a region


@lru_cache(maxsize=1)
def office_rows() -> list[OfficeRow]:
    rows = []
    with open(RULES / "offices.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names = [row["office"]] + [a.strip() for a in row["aliases"].split(";") if a.strip()]
            words = tuple(tuple(lemmas(t.text) for t in tokenize(n)) for n in names)
            rows.append(OfficeRow(row["office"], words, row["scope"],
                                  tuple(c for c in row["countries"].split(";") if c),
                                  row["complement"] == "yes", row["needs_region"] == "yes",
                                  frozenset(n.split()[0].lower() for n in names)))
    return rows


def _region_starts(mentions: list[Mention]) -> dict[int, Mention]:
    return {m.first_token: m for m in mentions}


@lru_cache(maxsize=1)
def aliases_by_first_word() -> dict[str, list[tuple[int, OfficeRow, tuple[frozenset[str], ...]]]]:
    """Each alias (with its place in offices.csv) under every lemma of its first word,
    so a token tries only the aliases that can start with it."""
    index: dict[str, list] = {}
    order = 0
    for row in office_rows():
        for alias in row.words:
            for word in alias[0]:
                index.setdefault(word, []).append((order, row, alias))
            order += 1
    return index


def _match(doc: Doc, i: int, inside_region: set[int]) -> tuple[OfficeRow, list[int]] | None:
    """The longest office alias at token i (the first in offices.csv among equals);
    region tokens inside it are skipped."""
    index = aliases_by_first_word()
    candidates = sorted({entry[0]: entry for word in lemmas(doc.tokens[i].text)
                         for entry in index.get(word, ())}.values(), key=lambda e: e[0])
    best = None
    for _, row, alias in candidates:
        taken, j = [], i
        for words in alias:
            while j in inside_region and taken:
                j += 1
            if j >= len(doc.tokens) or not words & lemmas(doc.tokens[j].text):
                break
            taken.append(j)
            j += 1
        else:
            if best is None or len(taken) > len(best[1]):
                best = (row, taken)
    return best


def _complement(doc: Doc, j: int, inside_region: set[int]) -> int:
    """End of a ministry complement: `по инвестициям и развитию`, `иностранных дел`."""
    k = j
    while k < len(doc.tokens) and k - j < 6 and k not in inside_region:
        text = doc.tokens[k].text
        if not text.isalpha() or not text.islower():
            break
        if k == j and text != "по" and not any(p.tag.case == "gent" for p in parse(text)):
            break
        k += 1
    while k > j and doc.tokens[k - 1].text in {"и", "по"}:
        k -= 1
    return k


def _capitalized(doc: Doc, k: int) -> bool:
    return k < len(doc.tokens) and doc.tokens[k].text[:1].isupper() and doc.tokens[k].text.isalpha()


def _other_place(doc: Doc, k: int) -> tuple[bool, int]:
    """`аким Актобе`, `аким Усть-Каменогорска`: a place that is no region ends the office phrase.

    A place is what NER calls one, or a capitalized word followed by a two-word
    name (`Аким Актобе Асхат Шахаров`), which NER often misreads as a person."""
    token = doc.tokens[k]
    places = doc.spans_covering(token.start, token.end, "LOC")
    if token.text[:1].isupper() and places:
        end = doc.token_index(places[0].end)
        # A country (`правительства Кыргызской Республики`) is the office's state, no place.
        country = " ".join(lemma(t.text) for t in doc.tokens[k:end]) in gazetteer().country_names
        return not country, end
    if _capitalized(doc, k) and _capitalized(doc, k + 1) and _capitalized(doc, k + 2) \
            and not PATRONYMIC.search(doc.tokens[k + 1].text):
        return True, k + 1
    return False, k


def _demonym_region(doc: Doc, i: int) -> Unit | None:
    """`астраханский губернатор`, `курский коллега`: a region adjective before the office."""
    if i == 0 or not doc.tokens[i - 1].text.islower():
        return None
    units = {p.unit for p in gazetteer().candidates(lemmas(doc.tokens[i - 1].text)) if p.implies_head}
    return units.pop() if len(units) == 1 else None


def _head_grammar(doc: Doc, taken: list[int], row: OfficeRow):
    """Case and number of the office's head noun (`Послом` in `Чрезвычайным и Полномочным Послом`)."""
    nouns = next((ps for ps in ([p for p in parse(doc.tokens[i].text) if p.tag.POS == "NOUN"]
                                for i in taken) if ps), None) or parse(doc.tokens[taken[0]].text)
    # Only readings of the office word itself: pymorphy3 also reads `акима` as a woman's name.
    parses = [p for p in nouns if p.normal_form in row.heads] or \
        [p for p in nouns if "Name" not in p.tag] or nouns
    # The likeliest reading decides the number (`главы` is a genitive singular here,
    # not a nominative plural); the cases are those of that number.
    number = parses[0].tag.number
    cases = frozenset(p.tag.case for p in parses if p.tag.case and p.tag.number == number)
    return cases, number == "plur"


def find_offices(doc: Doc) -> list[OfficeMention]:
    """Every office named in the document, in text order: the Doc's `offices` layer (reads `regions`)."""
    regions = doc.regions
    starts = _region_starts(regions)
    inside_region = {t for m in regions for t in range(m.first_token, m.last_token)}
    found, i = [], 0
    while i < len(doc.tokens):
        match = None if i in inside_region else _match(doc, i, inside_region)
        if match is None:
            i += 1
            continue
        row, taken = match
        end = taken[-1] + 1
        position = row.office
        if row.complement:
            stop = _complement(doc, end, inside_region)
            if stop > end:
                position += " " + doc.text[doc.tokens[end].start:doc.tokens[stop - 1].end].lower()
                end = stop
        region = next((starts[t].unit for t in range(i, end) if t in starts), None)
        k = end
        while k < len(doc.tokens) and (doc.tokens[k].lemma in GENERIC_PLACE_WORDS or
                                       doc.tokens[k].text == "." and doc.tokens[k - 1].text == "г"):
            k += 1
        other_place = False
        if region is None and k < len(doc.tokens):
            if k in starts:
                region, k = starts[k].unit, starts[k].last_token
            else:
                other_place, k = _other_place(doc, k)
        if region is None and not other_place:
            region = _demonym_region(doc, i)
        if row.needs_region and region is None and k == end:
            i += 1
            continue
        if row.scope == "same":  # `и его ставропольский коллега`: the office named before, in this
            # sentence or the one before (`... прибыл в Курган. Его встретил курганский коллега`)
            previous = found[-1] if found and doc.sentence_index(found[-1].start) >= doc.sentence_index(
                doc.tokens[i].start) - 1 else None
            if previous is None:
                i += 1
                continue
            row, position = previous.row, previous.position
        cases, plural = _head_grammar(doc, taken, row)
        if i > 0 and doc.tokens[i - 1].lemma.replace(".", "") in ACTING_WORDS:
            cases = frozenset()
        found.append(OfficeMention(row, position, doc.tokens[i].start, doc.tokens[end - 1].end, i, max(k, end),
                                   cases, plural, region, other_place))
        i = end
    return found
