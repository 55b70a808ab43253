"""Places NER finds that the gazetteer does not hold as first-level units.

Each becomes a row of `outputs/places.csv`: the place as written, its name in
the nominative (`Исатайского района` → `Исатайский район`), its kind where a
word says it (`г. Актобе`, `село Жана-Аул`, `Исатайский район`, a country) and
the region the text puts it in (`Исатайский район Атырауской области`,
`Уральск (ЗКО)`); for a regional centre the gazetteer knows (`rules/centres.csv`:
`Уральск` → `Западно-Казахстанская область`), its kind is `city` and, where the text
says nothing else, that region is its parent.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from ..nlp import Doc, lemma, morph, parse
from ..records import Place
from .gazetteer import RULES, Gazetteer, Mention

KIND_WORDS = {"город": "city", "г": "city", "район": "district", "село": "village",
              "поселок": "village", "пос": "village", "аул": "village", "деревня": "village",
              "станица": "village", "уезд": "county", "округ": "district", "область": "oblast",
              "штат": "state", "провинция": "province", "префектура": "prefecture"}
# Kind words that stand before a name (`г. Актобе`, `в селе Акжар`, `уезд Хоргос`); `область`
# or `округ` before a name belong to the name before them (`округа Монголии`).
KIND_BEFORE = {"город", "г", "село", "поселок", "пос", "аул", "деревня", "станица", "район", "уезд"}
# Tags that make a capitalized word a name rather than a common noun NER took for a place.
NAME_TAGS = {"Geox", "Name", "Surn", "Abbr", "Orgn", "Trad"}
GEOGRAPHIC_TAGS = {"Geox", "Abbr"}
SENTENCE_ENDS = "\n.!?…"
# What may stand between a place and the region it lies in: `Уральск (ЗКО)`.
PARENT_GAP = re.compile(r"[ \t]*\(?[ \t]*")


@lru_cache(maxsize=1)
def regional_centres() -> dict[str, str]:
    """The administrative centre of a region (folded: lower case, `ё` as `е`) → the region."""
    with open(RULES / "centres.csv", encoding="utf-8", newline="") as f:
        return {_fold(row["city"]): row["region"] for row in csv.DictReader(f)}


def _fold(name: str) -> str:
    return name.lower().replace("ё", "е")


@lru_cache(maxsize=50_000)
def _is_name(word: str, sentence_initial: bool) -> bool:
    """A capital letter that only opens a sentence (`Аким`, `Памятник`) makes no name."""
    if not word[:1].isupper():
        return False
    tags = GEOGRAPHIC_TAGS if sentence_initial else NAME_TAGS
    return not morph().word_is_known(word.lower()) or any(p.tag.grammemes & tags for p in parse(word))


def _best_parse(word: str, modifier: bool):
    """Adjectives before the last word (`Атырауской области`), geographic names first, then
    things over people: `Тараза` is `Тараз`, not the name `Тараза`; `Кызылорда` stays
    itself, not a guessed `кызылорд`."""
    parses = parse(word)
    return (next((p for p in parses if modifier and p.tag.POS == "ADJF"), None)
            or next((p for p in parses if "Geox" in p.tag), None)
            or next((p for p in parses if p.tag.POS == "NOUN" and p.tag.animacy == "inan"), None)
            or next((p for p in parses if p.tag.POS == "NOUN"), parses[0]))


def _with_case_of(surface: str, word: str) -> str:
    """Give the nominative the capitals of the text: `усть-каменогорск` → `Усть-Каменогорск`."""
    if surface.isupper() and len(surface) > 1:
        return word.upper()
    parts, surface_parts = word.split("-"), surface.split("-")
    if len(parts) != len(surface_parts):
        return word[:1].upper() + word[1:] if surface[:1].isupper() else word
    return "-".join(p[:1].upper() + p[1:] if s[:1].isupper() else p for p, s in zip(parts, surface_parts))


def nominative(words: list[str]) -> str:
    """`Нижнем Новгороде` → `Нижний Новгород`: nouns to their normal form, adjectives agreeing."""
    parses = [_best_parse(w, k < len(words) - 1) for k, w in enumerate(words)]
    head = next((p for p in parses if p.tag.POS == "NOUN"), None)
    gender = head.tag.gender if head and head.tag.gender else "masc"
    out = []
    for word, p in zip(words, parses):
        inflected = p.inflect({"nomn", "sing", gender}) if p.tag.POS == "ADJF" else None
        out.append(_with_case_of(word, (inflected.word if inflected else p.normal_form).replace("ё", "е")))
    return " ".join(out)


def _kind(doc: Doc, first: int, last: int, taken: set[int], g: Gazetteer) -> tuple[str | None, int]:
    """The kind of the place in tokens [first, last) and where its name starts."""
    words = [lemma(t.text) for t in doc.tokens[first:last]]
    if words[0] in KIND_WORDS and last - first > 1:
        return KIND_WORDS[words[0]], first + 1  # `село Жана-Аул`
    if words[-1] in KIND_WORDS:
        return KIND_WORDS[words[-1]], first  # `Исатайский район`
    before = first - 1
    if before > 0 and doc.tokens[before].text == ".":
        before -= 1
    if before >= 0 and before not in taken and lemma(doc.tokens[before].text) in KIND_BEFORE:
        return KIND_WORDS[lemma(doc.tokens[before].text)], first  # `г. Актобе`, `в селе Акжар`
    if " ".join(words) in g.country_names:
        return "country", first
    return None, first


def _opens_sentence(doc: Doc, offset: int) -> bool:
    before = doc.text[max(0, offset - 40):offset].rstrip(" \t")
    return not before or before[-1] in SENTENCE_ENDS


def _pieces(doc: Doc, start: int, end: int, taken: set[int]) -> list[tuple[int, int]]:
    """Token runs of a NER span that no region mention covers, without edge punctuation."""
    runs, run = [], []
    for k in range(doc.token_index(start), doc.token_index(end)):
        if k in taken:
            runs, run = runs + [run], []
        else:
            run.append(k)
    runs.append(run)
    pieces = []
    for run in runs:
        kept = [k for k in run if doc.tokens[k].text[:1].isalnum()]
        if kept:
            pieces.append((kept[0], kept[-1] + 1))
    return pieces


def _is_place(doc: Doc, first: int, last: int) -> bool:
    tokens = doc.tokens[first:last]
    if len(tokens) > 1 and lemma(tokens[-1].text) in KIND_WORDS:
        return True  # `Абайский район`
    return any(_is_name(t.text, _opens_sentence(doc, t.start)) for t in tokens)


def _parents(doc: Doc, runs: list[tuple[int, int]], mentions: list[Mention]) -> dict[int, str | None]:
    """Run start → the region the text puts it in: a region right after it, or the parent of
    a place right after it (`села Жана-Аул Исатайского района Атырауской области`)."""
    region_at = {m.start: m.unit for m in mentions}
    run_at = {doc.tokens[a].start: a for a, _ in runs}
    parents: dict[int, str | None] = {}
    for a, b in sorted(runs, reverse=True):
        gap = PARENT_GAP.match(doc.text, doc.tokens[b - 1].end)
        nxt = gap.end()
        unit = region_at.get(nxt)
        parents[a] = unit.name if unit else parents.get(run_at[nxt]) if nxt in run_at else None
    return parents


def find_places(doc: Doc, mentions: list[Mention], g: Gazetteer) -> list[Place]:
    taken = {k for m in mentions for k in range(m.first_token, m.last_token)}
    runs = [piece for span in doc.spans if span.type == "LOC"
            for piece in _pieces(doc, span.start, span.end, taken)]
    runs = [(a, b) for a, b in runs if _is_place(doc, a, b)]
    parents = _parents(doc, runs, mentions)
    places = []
    for a, b in runs:
        kind, name_start = _kind(doc, a, b, taken, g)
        start, end = doc.tokens[a].start, doc.tokens[b - 1].end
        normal = nominative([t.text for t in doc.tokens[name_start:b] if t.text[:1].isalnum()])
        parent = parents[a]
        centre_of = regional_centres().get(_fold(normal)) if kind in (None, "city") else None
        if centre_of:
            kind, parent = "city", parent or centre_of
        places.append(Place(doc.text[start:end], normal, kind, parent, start, end))
    return places
