"""Doc → region mentions, one row per region, and the places the gazetteer lacks.

A mention is a run of tokens whose lemmas match a gazetteer name. On top of
that: coordinated lists share a head (`Алматинской, Карагандинской и
Павлодарской областей`), a bare region adjective counts where NER calls it a
place (`в Северо-Казахстанской`), and `столица` names the capital of the
country the article is about. Names inside quotes or inside a company,
school or club are not regions.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import RULES, Gazetteer, Unit, gazetteer
from .nlp import Doc, lemma, lemmas, parse
from .records import Place, Region

CAPITAL_WORDS = {"столица", "столичный"}
LIST_SEPARATORS = {",", "и"}
# A short quoted name (`СПК "Астана"`, `«Aktobe Invest»`), not quoted speech.
QUOTED = re.compile(r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”|„[^„“”\n]{1,60}[“”]")
PLACE_KINDS = {"город": "city", "г": "city", "район": "district", "село": "village",
               "поселок": "village", "аул": "village", "уезд": "county", "округ": "district"}
NON_STATE = frozenset(line.strip() for line in (RULES / "non_state_organisations.txt")
                      .read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class Mention:
    unit: Unit
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


def _match_at(doc: Doc, i: int, g: Gazetteer):
    tokens = doc.tokens
    for pattern in g.candidates(lemmas(tokens[i].text)):
        n = len(pattern.words)
        if i + n > len(tokens):
            continue
        window = tokens[i:i + n]
        if not all(words & lemmas(t.text) for words, t in zip(pattern.words, window)):
            continue
        surface = window[0].text
        if pattern.abbreviation and not surface.isupper():
            continue
        if n == 1 and not surface[:1].isupper():
            continue
        return pattern, n
    return None


def _in_non_state_org(doc: Doc, start: int, end: int) -> bool:
    for span in doc.spans_covering(start, end, "ORG"):
        if any(lemmas(word) & NON_STATE for word in re.findall(r"\w+", span.text)):
            return True
    return False


def _coordinated(doc: Doc, pattern, first: int, g: Gazetteer) -> list[Mention]:
    """`Актюбинская и Костанайская области`: adjectives before the head share it."""
    found, i = [], first - 1
    while i >= 1 and doc.tokens[i].text.lower() in LIST_SEPARATORS:
        adjective = doc.tokens[i - 1]
        unit = next((p.unit for p in g.candidates(lemmas(adjective.text))
                     if p.head == pattern.head), None)
        if unit is None:
            break
        found.append(Mention(unit, adjective.start, adjective.end, i - 1, i))
        i -= 2
    return found


def _bare_adjective(doc: Doc, i: int, g: Gazetteer) -> Mention | None:
    """`в Северо-Казахстанской`: a region adjective alone, which NER tags as a place."""
    token = doc.tokens[i]
    if not token.text[:1].isupper() or not doc.spans_covering(token.start, token.end, "LOC"):
        return None
    if i + 1 < len(doc.tokens) and _continues_noun_phrase(doc.tokens[i + 1].text):
        return None  # `Западно-Казахстанским государственным университетом`
    units = {p.unit for p in g.candidates(lemmas(token.text)) if p.implies_head}
    return Mention(units.pop(), token.start, token.end, i, i + 1) if len(units) == 1 else None


def _continues_noun_phrase(word: str) -> bool:
    return word.isalpha() and word.islower() and parse(word)[0].tag.POS in {"ADJF", "NOUN", "PRTF"}


def _dominant_country(mentions: list[Mention], doc: Doc, g: Gazetteer) -> str | None:
    counts = Counter(m.unit.country for m in mentions)
    if counts:
        return counts.most_common(1)[0][0]
    named = Counter(g.country_words[w] for t in doc.tokens for w in lemmas(t.text)
                    if w in g.country_words and t.text[:1].isupper())
    return named.most_common(1)[0][0] if named else None


def _capital_mentions(doc: Doc, mentions: list[Mention], g: Gazetteer) -> list[Mention]:
    """`аким столицы`, `столичная делегация`: the capital of the country the text is about."""
    home = _dominant_country(mentions, doc, g)
    found = []
    for i, token in enumerate(doc.tokens):
        if not lemmas(token.text) & CAPITAL_WORDS:
            continue
        following = lemmas(doc.tokens[i + 1].text) if i + 1 < len(doc.tokens) else frozenset()
        country = next((g.country_words[w] for w in following if w in g.country_words), home)
        if country in g.capitals:
            found.append(Mention(g.capitals[country], token.start, token.end, i, i + 1))
    return found


def find_mentions(doc: Doc) -> list[Mention]:
    """Every region mention in the document, in text order (memoized on the Doc)."""
    if "regions" in doc.memo:
        return doc.memo["regions"]
    g = gazetteer()
    quoted = [m.span() for m in QUOTED.finditer(doc.text)]
    mentions, i = [], 0
    while i < len(doc.tokens):
        match = _match_at(doc, i, g)
        if match is None:
            i += 1
            continue
        pattern, n = match
        if pattern.head_outside:  # the head (облисполком) belongs to the office, not the region
            n = 1
        start, end = doc.tokens[i].start, doc.tokens[i + n - 1].end
        inside_quotes = any(a < start and end < b for a, b in quoted)
        if not inside_quotes and not _in_non_state_org(doc, start, end):
            mentions.append(Mention(pattern.unit, start, end, i, i + n))
            if pattern.head:
                mentions.extend(_coordinated(doc, pattern, i, g))
        i += n
    covered = {t for m in mentions for t in range(m.first_token, m.last_token)}
    mentions.extend(bare for i in range(len(doc.tokens)) if i not in covered
                    for bare in [_bare_adjective(doc, i, g)] if bare)
    mentions.extend(_capital_mentions(doc, mentions, g))
    mentions.sort(key=lambda m: m.start)
    doc.memo["regions"] = mentions
    return mentions


def _places(doc: Doc, mentions: list[Mention]) -> list[Place]:
    g = gazetteer()
    places = []
    for span in doc.spans:
        if span.type != "LOC" or any(m.start < span.end and span.start < m.end for m in mentions):
            continue
        words = span.text.split()
        normal = " ".join(lemma(w) for w in words)
        before = doc.text[max(0, span.start - 12):span.start].lower()
        kind = next((k for word, k in PLACE_KINDS.items() if re.search(rf"\b{word}\.?\s*$", before)), None)
        if kind is None and any(w in g.country_words for w in lemmas(words[0])) and len(words) == 1:
            kind = "country"
        places.append(Place(span.text, normal, kind, None, span.start, span.end))
    return places


def extract_regions(doc: Doc) -> tuple[list[Region], list[Place]]:
    mentions = find_mentions(doc)
    by_unit: dict[Unit, list[Mention]] = {}
    for m in mentions:
        by_unit.setdefault(m.unit, []).append(m)
    regions = []
    for unit, group in by_unit.items():
        first = group[0]
        forms = tuple(dict.fromkeys(doc.text[m.start:m.end] for m in group))
        regions.append(Region(unit.name, unit.code, unit.country, len(group), forms,
                              first.start, first.end, doc.sentence_at(first.start).text,
                              tuple((m.start, m.end) for m in group)))
    return regions, _places(doc, mentions)
