"""Which regions signed a document together, from the words of its clause.

`X и Y подписали`, `между X, Y и Z`: every pair of the regions the clause
names; `между X и Y, Z`: X with each of the others. `X ... с Y`: X with each
Y, and `... подписал с Y` (X left implicit) is the article's main region
with Y. `A и B, C и D областями`: pair by pair. `астраханский губернатор`
names a side too.

A region that is only where the signing took place (`в Москве`), only present
(`в присутствии`), or that only locates a district, a capital or a city
(`районов ВКО`, `столицей Оренбургской области`) signs nothing, nor does one
before `между` when `между` names two others; an interstate document and one a
city signs link none (`signatories.py`). `с которыми` after a list of regions
makes each of them a partner of the article's own region. A clause that names none links the article's two main
regions where it says so (`стороны`, `двух областей`, `регионы`). Otherwise,
unless a company, a city or a country is the other side or the clause counts
a batch (`15 соглашений`), a clause naming one region links it with the
article's other main region, and one naming none links an article about just
two regions, or where just two act and the others are only places (`побывал в
Новосибирской области`).

The groups each `с` opens are `counterparts.py`'s; sides that are no region (a company,
a city, a country) `other_sides.py`'s.
"""
from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter
from itertools import combinations, product

from rules.documents import DOCUMENT_NOUNS

from ..nlp import Doc, Token, lemmas, parse
from .clauses import clause_tokens
from .counterparts import counterpart_split, nominative, units
from .gazetteer import Mention, gazetteer
from .other_sides import CITY_WORDS, SELF_SIGNERS, between_others, named_elsewhere, other_side
from .signatories import attendees, cities_sign, interstate, relative_counterparts, witness

NOT_PARTY_HEADS = {"район", "округ", "столица", "центр", "филиал"}  # `районов ВКО`
LIST_WORDS = {",", "и"}
PLACE_PREPOSITIONS = {"в", "во"}
# `полномочный представитель правительства в Иссык-Кульской области`: `в` gives the
# office's jurisdiction, not a place.
ENVOYS = {"представитель", "полпред", "представительство", "полпредство", "уполномоченный"}
ENVOY_REACH = 4  # tokens before `в`: `представитель правительства Кыргызской Республики в`
# `астраханский губернатор`, `омская делегация`: an office or body names its region.
OFFICE_WORDS = {"губернатор", "аким", "хоким", "глава", "руководитель", "делегация", "правительство",
                "власть", "коллега", "акимат", "облисполком", "администрация"}
BOTH_SIDES = {"сторона"}
PAIR_WORDS = {"два", "оба"}  # `два региона`: a singular noun after the numeral
PAIR_NOUNS = {"регион", "область", "территория"}
STATES = {"страна", "государство"}
# `трехстороннее соглашение`: as many sides as the word says.
MULTILATERAL = {"трехсторонний": 3, "четырехсторонний": 4, "пятисторонний": 5}
RESPECTIVELY = {"соответственно"}
SENTENCES_BACK = 2  # sentences before a signing that names no region, to the meeting it closes


# `АСТАНА. КАЗИНФОРМ -`, `Ташкент, Узбекистан (UzDaily.uz) --`, `Омск, 5 сентября.`,
# `Ош, 15 марта 2024 (Кабар).`: a line opening with the place the news was filed from.
DATELINE_AFTER = re.compile(r"[^\S\n]*[,.][^\n]{0,80}?(?:\s(?:—|–|--|-)\s|\d{4}(?:\s*\([^()\n]{1,40}\))?\.|"
                            r"\b\d{1,2}\s+[а-я]+\.)")


def _place(doc: Doc, m: Mention) -> bool:
    """`в Москве`, `визит в Ташкент`, a dateline: where a signing happened or was
    reported, not a side of it."""
    i = m.first_token - 1
    if i >= 0 and doc.tokens[i].text.lower() in PLACE_PREPOSITIONS:
        return not any(lemmas(t.text) & ENVOYS for t in doc.tokens[max(0, i - ENVOY_REACH):i])
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    return not doc.text[line_start:m.start].strip() and bool(DATELINE_AFTER.match(doc.text, m.end))


def _governed(doc: Doc, m: Mention) -> bool:
    """`районов ВКО`, `столицей Оренбургской области`, `городе провинции Чжэцзян`,
    `Волновахского района (Донецкая Народная Республика)`."""
    i = m.first_token - 1
    if i > 0 and doc.tokens[i].text == "(":
        i -= 1
    if i < 0:
        return False
    before = lemmas(doc.tokens[i].text)
    return bool(before & NOT_PARTY_HEADS or (before & CITY_WORDS and m.unit.kind != "city"))


def _of_businesses(doc: Doc, m: Mention, ends: dict[int, Mention]) -> bool:
    """`предприятия Павлодарской и Омской областей`, `компании ВКО и Алтайского края`: the
    word before the list the region stands in is a business (`ends`: mentions by last token)."""
    i = m.first_token - 1
    while i > 0 and doc.tokens[i].text.lower() in LIST_WORDS and i in ends:
        i = ends[i].first_token - 1  # back over `X и` / `X,` to the word before the list
    return i >= 0 and bool(lemmas(doc.tokens[i].text) & SELF_SIGNERS)


def _acting(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    ends = {n.last_token: n for n in mentions}
    return [m for m in mentions if not _place(doc, m) and not _governed(doc, m) and not witness(doc, m)
            and not _of_businesses(doc, m, ends)]


def main_regions(doc: Doc) -> list:
    """The article's regions, most mentioned first; those only named as a place
    (`в Москве`, `прибыла в Пензенскую область`) after those that act."""
    return _ranked(doc)[0]


def acting_regions(doc: Doc) -> list:
    """The article's regions that act somewhere (not only named as a place), most mentioned first."""
    return _ranked(doc)[1]


def _ranked(doc: Doc) -> tuple[list, list]:
    """Computed once per doc (every signing clause asks: recounting each time would be
    quadratic on a long article); the doc is held weakly."""
    global _main_regions_of
    doc_ref, ranked = _main_regions_of
    if doc_ref is None or doc_ref() is not doc:
        ranked = _rank_regions(doc)
        _main_regions_of = weakref.ref(doc), ranked
    return ranked


_main_regions_of: tuple = (None, ([], []))


def _rank_regions(doc: Doc) -> tuple[list, list]:
    mentions = [m for m in doc.regions if not _governed(doc, m)]
    acting = Counter(m.unit for m in mentions if not _place(doc, m))
    counts = Counter(m.unit for m in mentions)
    first = {}
    for m in mentions:
        first.setdefault(m.unit, m.start)
    ranked = sorted(counts, key=lambda u: (-acting[u], -counts[u], first[u]))
    return ranked, [u for u in ranked if acting[u]]


def _start(mention: Mention) -> int:
    return mention.start


def _demonyms(doc: Doc, start: int, end: int, named: list[Mention]) -> list[Mention]:
    """`астраханский губернатор`, `омская делегация`: a lower-case region adjective before an office."""
    g, taken = gazetteer(), {m.first_token for m in named}
    found = []
    for i in range(doc.token_index(start), min(doc.token_index(end), len(doc.tokens) - 1)):
        token = doc.tokens[i]
        if i in taken or not token.text.islower() or not lemmas(doc.tokens[i + 1].text) & OFFICE_WORDS:
            continue
        candidates = {p.unit for p in g.candidates(lemmas(token.text)) if p.implies_head}
        if len(candidates) == 1:
            found.append(Mention(candidates.pop(), token.start, token.end, i, i + 1))
    return found


def _sides(doc: Doc, start: int, end: int) -> list[Mention]:
    first, last = (bisect.bisect_left(doc.regions, at, key=_start) for at in (start, end))
    named = _acting(doc, doc.regions[first:last])  # the layer is in text order
    return sorted(named + _demonyms(doc, start, end, named), key=lambda m: m.start)



def _pair_by_pair(doc: Doc, here: list[Mention]) -> list[tuple] | None:
    """`Павлодарской и Омской, Костанайской и Оренбургской областями`: each `и` joins a pair."""
    if len(here) < 4 or len(here) % 2:
        return None
    gaps = [doc.text[a.end:b.start].strip().lower() for a, b in zip(here, here[1:])]
    if all(gap == ("и" if i % 2 == 0 else ",") for i, gap in enumerate(gaps)):
        return [(here[i].unit, here[i + 1].unit) for i in range(0, len(here), 2)]
    return None


def _between_groups(tokens: list[Token], here: list[Mention]) -> list[tuple] | None:
    """`соглашения между X и Y, а также план между Z и W`: each `между` pairs its own regions."""
    starts = [t.start for t in tokens if t.text.lower() == "между"]
    if len(starts) < 2:
        return None
    pairs = []
    for a, b in zip(starts, starts[1:] + [tokens[-1].end]):
        pairs += combinations(units([m for m in here if a < m.start < b]), 2)
    return pairs


def _star(doc: Doc, tokens: list[Token], here: list[Mention]) -> list[tuple] | None:
    """`между Минском и Пермью, Пензенской областью и Бишкеком`: the first with each other."""
    between = next((t for t in tokens if t.text.lower() == "между"), None)
    after = [m for m in here if between and m.start > between.end]
    if len(units(after)) < 3 or not doc.text[after[0].end:after[1].start].strip().lower().startswith("и"):
        return None
    return [(after[0].unit, u) for u in units(after[1:]) if u != after[0].unit]



def _says_both_sides(tokens: list[Token]) -> bool:
    """`стороны`, `двух областей`, `регионы перешли`, `товарооборот регионов`."""
    words = [lemmas(t.text) for t in tokens]
    for i, w in enumerate(words):
        if w & BOTH_SIDES and not (i and parse(tokens[i - 1].text)[0].tag.POS == "ADJF"):
            return True  # `стороны подписали`, not `с казахстанской стороны`
        if w & PAIR_NOUNS and parse(tokens[i].text)[0].tag.number == "plur":
            if i and lemmas(tokens[i - 1].text) & (NOT_PARTY_HEADS | CITY_WORDS):
                continue  # `столицы регионов`, `районы областей`: not the regions themselves
            if any(lemmas(t.text) & STATES for t in tokens[i + 1:i + 3]):
                continue  # `регионы двух стран`: any regions of the countries, not the article's pair
            if not _of_self_signers(tokens, i):
                return True
        if i + 1 < len(words) and w & PAIR_WORDS and words[i + 1] & PAIR_NOUNS:
            if not _of_self_signers(tokens, i + 1):
                return True
    return False


def _of_self_signers(tokens: list[Token], i: int) -> bool:
    """`вузы регионов`, `предприятия двух областей`: they signed, not the regions."""
    j = i - 1
    if j >= 0 and lemmas(tokens[j].text) & PAIR_WORDS:
        j -= 1
    return j >= 0 and bool(lemmas(tokens[j].text) & SELF_SIGNERS)


def _signing_sides(tokens: list[Token], here: list[Mention]) -> list[Mention]:
    """Where `между` names two sides (`соглашения между Y и Z`), a region before it is no
    side; nor is one that only attended (`делегация X приняла участие в подписании`)."""
    between = next((t for t in tokens if t.text.lower() == "между"), None)
    after = [m for m in here if between and m.start > between.start]
    if len(units(after)) >= 2:
        return after
    attending = attendees(tokens, here)
    return [m for m in here if m not in attending]


def _partners_of_the_speaker(doc: Doc, here: list[Mention], main: list) -> list[tuple]:
    """`(Аким X рассказал:) Y и Z – регионы, с которыми подписаны соглашения`: the named
    partners (nominative) each with the speaker's region, named beside them or the article's.
    `Регион сотрудничает с Y и Z, с которыми подписаны соглашения`: no partner in the
    nominative, so all those named are partners, of the article's region."""
    partners = units([m for m in here if nominative(doc, m)])
    if not partners:
        partners = units(here)
    speaker = [u for u in units(here) + main if u not in partners][:1]
    return list(product(speaker, partners))


def signing_pairs(doc: Doc, start: int, end: int, match: tuple[int, int], batch: bool) -> list[tuple]:
    """Pairs of regions that signed the document at `match` in the clause doc.text[start:end].

    `batch`: the clause counts many documents (`15 соглашений`), often with
    companies, so the article's main regions are not read into it."""
    tokens = clause_tokens(doc, start, end)
    if interstate(doc, tokens, match) or between_others(tokens):
        return []
    here = _signing_sides(tokens, _sides(doc, start, end))
    named = units(here)
    main = main_regions(doc)
    if len(named) >= 2 and relative_counterparts(tokens):
        return _partners_of_the_speaker(doc, here, main)
    split = counterpart_split(doc, tokens, here, match)
    if split:
        sides, every, at = split
        (left, right), *more = sides
        if not left and right and not named_elsewhere(doc, start, doc.tokens[at].start, here):
            left = [u for u in main if u not in every][:1]
        if len(left) == len(right) > 1 and any(lemmas(t.text) & RESPECTIVELY for t in tokens):
            return list(zip(left, right))  # `X и Y подписали соглашения с Z и W соответственно`
        return [(a, b) for l, r in [(left, right), *more] for a, b in product(l, r) if a != b]
    if len(named) >= 2:
        return (_pair_by_pair(doc, here) or _between_groups(tokens, here) or _star(doc, tokens, here)
                or list(combinations(named, 2)))
    if cities_sign(doc, tokens, here):
        return []
    if not named and relative_counterparts(tokens) and (partners := _partners_named_before(doc, start)):
        return partners
    if len(main) >= 2 and not named and _says_both_sides(tokens):
        return list(combinations(main[:_sides_said(tokens)], 2))
    if batch or other_side(doc, tokens, here):
        return []
    if len(named) == 1:
        others = [u for u in main if u != named[0]]
        return [(named[0], others[0])] if others else []
    # an article about just two regions, or where just two act and the others are only places
    two = main if len(main) == 2 else acting_regions(doc)
    return [(two[0], two[1])] if len(two) == 2 else _pair_met_before(doc, start)


def _partners_named_before(doc: Doc, start: int) -> list[tuple]:
    """`Губернатор X провел встречи с акимами Y и Z. С каждым из регионов подписаны
    соглашения.`: the subject of the sentence before with each of the others it names."""
    at = doc.sentence_index(start)
    if not at:
        return []
    before = doc.sentences[at - 1]
    here = _sides(doc, before.start, before.end)
    named = units(here)
    if len(named) < 2:
        return []
    subject = next((m.unit for m in here if nominative(doc, m)), named[0])
    return [(subject, u) for u in named if u != subject]


def _sides_said(tokens: list[Token]) -> int:
    """How many sides `трехстороннее` and the like give; two otherwise."""
    return next((MULTILATERAL[w] for t in tokens for w in lemmas(t.text) if w in MULTILATERAL), 2)


def _pair_met_before(doc: Doc, start: int) -> list[tuple]:
    """`Аким X провел встречу с полпредом в Y. В ходе встречи подписан протокол.`: in an
    article about more regions, the two that act in the nearest sentence before naming any
    (past sentences about other documents: `Ранее губернатор подписал соглашение с Z`)."""
    at = doc.sentence_index(start)
    for sentence in reversed(doc.sentences[max(0, at - SENTENCES_BACK):at]):
        if any(lemmas(t.text) & DOCUMENT_NOUNS for t in clause_tokens(doc, sentence.start, sentence.end)):
            continue
        acting = units(_sides(doc, sentence.start, sentence.end))
        if acting:
            return [(acting[0], acting[1])] if len(acting) == 2 else []
    return []
