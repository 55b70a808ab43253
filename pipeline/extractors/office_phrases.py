"""Office phrases at a token: a fixed title from rules/offices.csv (`аким`, `вице-министр
по инвестициям и развитию`, `председатель [Гомельского] облисполкома`) or an office
composed from its parts (office_parts.py: `заместитель председателя народного
правительства`, `спикер палаты представителей`, `глава МИД`).

Both are matched on lemmas, so `акимов`, `акима`, `акиму` are all `аким`; region
mentions may stand inside (`председатель [Гомельского] облисполкома`) and are taken as
the office's region rather than part of its words.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from razdel import tokenize

from ..nlp import Doc, lemmas, parse
from .gazetteer import RULES, Mention
from .office_parts import Part, bodies, deputies, heads, names_non_state

# Words between an office and its region or holder that carry no meaning of their own.
# A first-level unit's kind in each country: `хяким велаята`, `губернатор провинции`.
GENERIC_PLACE_WORDS = {"город", "г", "область", "регион", "край", "республика", "округ",
                       "провинция", "велаят", "вилоят", "аймак"}
# After a head that needs a body or a place: `председатель области`, `хяким велаята`; the
# other places have offices without a region: `глава страны`, `глава района`, `хяким этрапа`.
OTHER_PLACE_WORDS = {"страна", "район", "этрап", "сомон"}
PLACE_WORDS = GENERIC_PLACE_WORDS | OTHER_PLACE_WORDS
GLUED_DEPUTY = "зам"
COMPLEMENT_POS = {"NOUN", "ADJF", "PRTF", "PREP", "CONJ"}  # `по инвестициям и развитию`  # `замминистра`, `замакима`: a deputy glued to the head's genitive


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
class Found:
    """An office phrase at a token: its row, position, the head's tokens and the end."""
    row: OfficeRow
    position: str
    taken: list[int]
    end: int
    body_tokens: frozenset[int]


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
    """End of a ministry complement: `по инвестициям и развитию`, `иностранных дел`; a
    region's executive after it owns the body and is no part of it (`управления
    образования [акимата]`)."""
    k = j
    while k < len(doc.tokens) and k - j < 6 and k not in inside_region:
        text = doc.tokens[k].text
        if not text.isalpha() or not text.islower() or _owner_end(doc, k) > k:
            break
        if k == j and text != "по" and not any(p.tag.case == "gent" for p in parse(text)):
            break
        if parse(text)[0].tag.POS not in COMPLEMENT_POS:  # `министр энергетики [провёл брифинг]`
            break
        k += 1
    while k > j and doc.tokens[k - 1].text in {"и", "по"}:
        k -= 1
    return k


def _owner_end(doc: Doc, k: int) -> int:
    """After `акимата`, `администрации`, `народного правительства` at token k: the
    executive of a region or city, which owns the departments before it."""
    body = bodies().longest(doc, k)
    return body[1] if body and body[0].scope in {"regional", "city"} and not body[0].complement else k


def _fixed(doc: Doc, i: int, inside_region: set[int]) -> Found | None:
    """A title from offices.csv at token i, with a ministry's complement."""
    match = _match(doc, i, inside_region)
    if match is None:
        return None
    row, taken = match
    end, position, owner = taken[-1] + 1, row.office, frozenset()
    if row.complement:
        stop = _complement(doc, end, inside_region)
        if stop > end:
            position += " " + doc.text[doc.tokens[end].start:doc.tokens[stop - 1].end].lower()
            end = _owner_end(doc, stop)
            owner = frozenset(range(stop, end))
    return Found(row, position, taken, end, owner)


def _head_at(doc: Doc, j: int, inside_region: set[int]) -> tuple[Part | OfficeRow, int, int] | None:
    """A head (`председателя`) or a fixed title (`мэра`, `руководителя управления
    образования`) at token j, after a deputy prefix: the head, the end of its words, the end."""
    head = heads().longest(doc, j)
    fixed = _fixed(doc, j, inside_region)
    if fixed and (head is None or fixed.end >= head[1]):
        return fixed.row, min(fixed.body_tokens, default=fixed.end), fixed.end
    return (head[0], head[1], head[1]) if head else None


def _glued_head(word: str) -> Part | OfficeRow | None:
    """The head inside `замминистра`, `замглавы`, `замакима`."""
    rest = word[len(GLUED_DEPUTY):]
    if not word.lower().startswith(GLUED_DEPUTY) or len(rest) < 3:
        return None
    fixed = next((row for w in lemmas(rest) for _, row, alias in aliases_by_first_word().get(w, ())
                  if len(alias) == 1), None)
    return fixed or heads().one_word(rest)


def _bodies(doc: Doc, j: int, inside_region: set[int], starts: dict[int, Mention]):
    """The state bodies from token j on (`народного правительства`, `управления образования
    акимата`), a region adjective between (`Гомельского облисполкома`) skipped: the first
    body and its end (the position's), the end of them all (`Мажилиса Парламента`), the body
    tokens and the place adjectives, which the position leaves out."""
    first, first_end, body_tokens, place_words = None, j, set(), set()
    while j < len(doc.tokens):
        k = j
        if j in starts:  # `Гомельского облисполкома`, `[Минского горисполкома]`: the body after the adjective
            k = j + 1 if starts[j].last_token - j > 1 else starts[j].last_token
        while k < len(doc.tokens) and k - j < 3 and bodies().longest(doc, k) is None \
                and k not in inside_region and _adjective(doc.tokens[k].text):
            k += 1
        body = bodies().longest(doc, k)
        if body is None:
            break
        part, stop = body
        if part.scope != "national":  # `Октябрьского райисполкома`: the adjective names a place
            place_words.update(t for t in range(j, k) if doc.tokens[t].text[:1].isupper())
        if part.complement:
            complement = _complement(doc, stop, inside_region)
            # `комитета по делам молодежи`, `комитета Сената`: a committee of what
            if part.complement == "required" and complement == stop and bodies().longest(doc, stop) is None:
                break
            body_tokens.update(range(k, stop))
            stop = complement
        else:
            body_tokens.update(range(k, stop))
        if first is None:
            first, first_end = part, stop
        j = stop
    return first, first_end, j, body_tokens, place_words


def _adjective(word: str) -> bool:
    return word.isalpha() and any(p.tag.POS == "ADJF" for p in parse(word)[:2])


def _jurisdiction_follows(doc: Doc, j: int, starts: dict[int, Mention]) -> bool:
    """`председатель Хатлонской области`, `председатель КНР`, `глава региона`."""
    if j >= len(doc.tokens):
        return False
    token = doc.tokens[j]
    return j in starts or token.lemma in PLACE_WORDS or token.text[:1].isupper() and (
        bool(doc.spans_covering(token.start, token.end, "LOC"))
        or any("Geox" in p.tag for p in parse(token.text)[:2]))


def _compose(doc: Doc, i: int, inside_region: set[int], starts: dict[int, Mention]) -> Found | None:
    """`заместитель председателя народного правительства`, `спикер палаты представителей`,
    `глава МИД`, `депутат`: a head after an optional deputy prefix (rules/office_heads.csv),
    then the state bodies it leads or sits in (rules/state_bodies.csv)."""
    word = doc.tokens[i].text
    deputy, glued = deputies().longest(doc, i), _glued_head(word)
    if deputy:  # `заместитель председателя`: the head's words as written, in the genitive
        head = _head_at(doc, deputy[1], inside_region)
        if head is None:
            return None
        (head, head_words_end, j), title, words_from = head, deputy[0].name, deputy[1]
    elif glued:  # `замминистра энергетики`
        head, title, words_from = glued, "заместитель " + word[len(GLUED_DEPUTY):].lower(), i + 1
        j = _complement(doc, i + 1, inside_region) if isinstance(head, OfficeRow) and head.complement else i + 1
        head_words_end = j
    else:  # `спикер`: the head in the nominative, as the rules write it
        found = heads().longest(doc, i)
        if found is None:
            return None
        (head, j), title = found, found[0].name
        words_from = head_words_end = j
    if any(span.start < doc.tokens[i].start for span in doc.spans_covering(
            doc.tokens[i].start, doc.tokens[i].end, "PER")):  # `Ерика Султанова`: a surname
        return None
    taken = list(range(i, words_from if deputy else head_words_end))
    body, words_end, end, body_tokens, place_words = _bodies(doc, j, inside_region, starts)
    if isinstance(head, OfficeRow):
        needs, scope, countries = ("place" if head.needs_region else ""), head.scope, head.countries
    else:
        needs, scope, countries = head.needs, head.scope, head.countries
    if body is None and (needs == "body" or needs == "body_or_place" and not _jurisdiction_follows(
            doc, end, starts)):
        return None
    if body is not None:
        scope, countries = scope or body.scope, countries or body.countries
    elif end < len(doc.tokens) and doc.tokens[end].lemma in OTHER_PLACE_WORDS:
        countries = ()  # `хяким этрапа`: not the article's velayat
    words = [title] + [doc.tokens[k].text.lower() for k in range(words_from, words_end if body else head_words_end)
                       if (k not in inside_region or k in body_tokens) and k not in place_words]
    row = OfficeRow(" ".join(words), (), scope or "national", countries, False,
                    needs == "place" and body is None,
                    frozenset(w for k in taken for w in lemmas(doc.tokens[k].text)))
    return Found(row, row.office, taken, end, frozenset(body_tokens))


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every lemma an office can start with: a title's, a head's or a deputy prefix's first word."""
    return frozenset(aliases_by_first_word()) | frozenset(heads().by_first) | frozenset(deputies().by_first)


def office_at(doc: Doc, i: int, inside_region: set[int], starts: dict[int, Mention],
             place_tokens: set[int]) -> Found | None:
    """The longer of the fixed title and the composed office at token i, unless it names a
    non-state organisation. Among equals the fixed one, except where it needs a region and
    a place that is none follows (`глава страны`, `глава района`)."""
    word = doc.tokens[i].text
    if not lemmas(word) & _first_words() and not word.lower().startswith(GLUED_DEPUTY):
        return None  # asked of every token: most start no title, head or deputy prefix
    fixed = _fixed(doc, i, inside_region)
    composed = _compose(doc, i, inside_region, starts)
    best = fixed
    if composed and (fixed is None or composed.end > fixed.end or fixed.row.needs_region and (
            composed.end < len(doc.tokens) and doc.tokens[composed.end].lemma in OTHER_PLACE_WORDS)):
        best = composed
    if best and names_non_state(doc, i, best.end, place_tokens, best.body_tokens):
        return None
    return best
