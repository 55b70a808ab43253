"""Office phrases at a token: a fixed title from rules/offices.csv (`аким`, `вице-министр
по инвестициям и развитию`, `председатель [Гомельского] облисполкома`) or an office
composed from its parts (office_parts.py: `заместитель председателя народного
правительства`, `спикер палаты представителей`, `глава МИД`; the complements and bodies
after a head: office_bodies.py), or a body headed (`возглавляющий МИД`).

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
from .office_bodies import OTHER_PLACE_WORDS, PLACE_WORDS, bodies_from, complement_end, country_end, owner_end
from .office_parts import Part, deputies, heads, names_non_state

GLUED_DEPUTY = "зам"  # `замминистра`, `замакима`: a deputy glued to the head's genitive


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


def _fixed(doc: Doc, i: int, inside_region: set[int]) -> Found | None:
    """A title from offices.csv at token i, with a ministry's complement."""
    match = _match(doc, i, inside_region)
    if match is None:
        return None
    row, taken = match
    end, position, owner = taken[-1] + 1, row.office, frozenset()
    if row.complement:
        after = country_end(doc, end)  # `министр Российской Федерации по делам ...`
        if after > end and not (after < len(doc.tokens) and doc.tokens[after].text == "по"):
            after = end
        stop = _before_next_office(doc, after, complement_end(doc, after, inside_region))
        if stop > after:
            end = after
            position += " " + doc.text[doc.tokens[end].start:doc.tokens[stop - 1].end].lower()
            end = owner_end(doc, stop)
            owner = frozenset(range(stop, end))
    return Found(row, position, taken, end, owner)


def _before_next_office(doc: Doc, j: int, stop: int) -> int:
    """`министр финансов [и министр экономики]`: a complement ends where a second office
    joined by `и` begins."""
    return next((k for k in range(j, stop - 1) if doc.tokens[k].text == "и"
                 and lemmas(doc.tokens[k + 1].text) & _first_words() and _starts_title(doc, k + 1)), stop)


def _starts_title(doc: Doc, k: int) -> bool:
    """A whole title, head or deputy prefix at token k, not only a word one starts with
    (`науки и [высшего] образования` is no `высший руководитель`)."""
    return bool(_match(doc, k, set()) or heads().longest(doc, k) or deputies().longest(doc, k))


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


def _served_office(doc: Doc, j: int, inside_region: set[int], starts: dict[int, Mention]) -> Found | None:
    """`помощник премьер-министра`, `советник канцлера`, `помощник председателя правительства`:
    an office in the genitive after the head of a staffer or envoy, the office served."""
    if j >= len(doc.tokens) or not any(p.tag.case == "gent" for p in parse(doc.tokens[j].text)):
        return None
    found = [f for f in (_fixed(doc, j, inside_region), _compose(doc, j, inside_region, starts)) if f]
    served = max(found, key=lambda f: f.end, default=None)
    # `помощник депутата`: a legislator's aide holds no public office
    return served if served and served.row.scope != "legislative" else None


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
        j = complement_end(doc, i + 1, inside_region) if isinstance(head, OfficeRow) and head.complement else i + 1
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
    body, words_end, end, body_tokens, place_words = bodies_from(doc, j, inside_region, starts)
    served = _served_office(doc, j, inside_region, starts) if body is None and not deputy and not glued \
        and isinstance(head, Part) and head.needs in ("body", "") else None
    if served is not None:  # `советник премьер-министра`: the office served stands as the body
        body, words_end = head, served.end
        end = served.end
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


# `возглавляющий Министерство финансов`, `который руководит комитетом`: heading a body now
# (not `возглавлявший`, `возглавит`). A ministry's head is its minister, any other body's its head.
LEADING_VERBS = {"возглавлять": "pres", "руководить": "pres", "возглавить": "past"}
MINISTRY, MINISTER, HEAD = "министерство", "министр", "глава"


def _led(doc: Doc, i: int, inside_region: set[int], starts: dict[int, Mention]) -> Found | None:
    """`Иванов, который возглавляет Министерство энергетики`, `Петров, возглавляющий МИД`: the
    body's head as the office (`министр энергетики`, `глава мид`), from the relative pronoun."""
    verb = i + 1 if doc.tokens[i].lemma == "который" else i
    if verb >= len(doc.tokens) or not any(
            p.normal_form in LEADING_VERBS and LEADING_VERBS[p.normal_form] in p.tag
            for p in parse(doc.tokens[verb].text) if p.tag.POS in ("VERB", "PRTF")):
        return None
    body, words_end, end, body_tokens, place_words = bodies_from(doc, verb + 1, inside_region, starts)
    if body is None:
        return None
    words = [k for k in range(verb + 1, words_end) if (k not in inside_region or k in body_tokens)
             and k not in place_words]
    if body.name == MINISTRY and doc.tokens[words[0]].lemma == MINISTRY:
        title, words = MINISTER, words[1:]
    else:
        title = HEAD
    genitive = [_genitive(doc.tokens[k].text) for k in words]
    row = OfficeRow(" ".join([title] + genitive), (), body.scope, body.countries, False, False,
                    lemmas(doc.tokens[verb].text))
    return Found(row, row.office, [verb], end, frozenset(body_tokens))


def _genitive(word: str) -> str:
    """A body's word as the genitive after its head: `Комитет` → `комитета`, `Федеральную` →
    `федеральной`; a word with a genitive reading (`энергетики`) and `МИД` stay."""
    parses = parse(word)
    if not word.isalpha() or word.isupper() or any(p.tag.case == "gent" for p in parses):
        return word.lower()
    form = parses[0].inflect({"gent"})
    return (form.word if form else word).lower()


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every lemma an office can start with: a title's, a head's or a deputy prefix's first word,
    and the words a body headed starts with (`возглавляющий`, `который`)."""
    return frozenset(aliases_by_first_word()) | frozenset(heads().by_first) | \
        frozenset(deputies().by_first) | frozenset(LEADING_VERBS) | {"который"}


def office_at(doc: Doc, i: int, inside_region: set[int], starts: dict[int, Mention],
             place_tokens: set[int]) -> Found | None:
    """The longer of the fixed title and the composed office at token i, unless it names a
    non-state organisation. Among equals the fixed one, except where it needs a region and
    a place that is none follows (`глава страны`, `глава района`); else a body headed
    (`возглавляющий МИД`)."""
    word = doc.tokens[i].text
    if not lemmas(word) & _first_words() and not word.lower().startswith(GLUED_DEPUTY):
        return None  # asked of every token: most start no title, head or deputy prefix
    fixed = _fixed(doc, i, inside_region)
    composed = _compose(doc, i, inside_region, starts) or _led(doc, i, inside_region, starts)
    best = fixed
    if composed and (fixed is None or composed.end > fixed.end or fixed.row.needs_region and (
            composed.end < len(doc.tokens) and doc.tokens[composed.end].lemma in OTHER_PLACE_WORDS)):
        best = composed
    if best and names_non_state(doc, i, best.end, place_tokens, best.body_tokens):
        return None
    return best
