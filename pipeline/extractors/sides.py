"""Which region mentions of a clause can be a side of its document, and the article's
main regions.

A region that is only where the signing took place (`в Москве`, a dateline), only
present (`в присутствии`), that only locates a district, a capital or a city
(`районов ВКО`, `столицей Оренбургской области`), or whose businesses act
(`предприятия Павлодарской и Омской областей`) is no side. `астраханский губернатор`
names a side too.
"""
from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter

from ..nlp import Doc, lemmas
from .gazetteer import Mention, gazetteer
from .counterparts import OFFICE_WORDS
from .other_sides import CITY_WORDS, SELF_SIGNERS
from .signatories import present, witness

NOT_PARTY_HEADS = {"район", "округ", "столица", "центр", "филиал"}  # `районов ВКО`
LIST_WORDS = {",", "и"}
PLACE_PREPOSITIONS = {"в", "во"}
# `полномочный представитель правительства в Иссык-Кульской области`: `в` gives the
# office's jurisdiction, not a place.
ENVOYS = {"представитель", "полпред", "представительство", "полпредство", "уполномоченный"}
ENVOY_REACH = 4  # tokens before `в`: `представитель правительства Кыргызской Республики в`
# The heads of regions a bare title names (`аким`, not `глава`, which heads anything); `мэр`
# of a first-level city (`мэр Оша`), none of another city.
BARE_HEADS = {"аким", "хоким", "губернатор", "мэр"}
CITY_KINDS = {"city", "municipality"}  # first-level cities: `город Алматы`, `город Шанхай`
ENVOY = "представитель"  # `полномочный представитель президента в Ошской области`, later `полпред`

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
    return bool(before & NOT_PARTY_HEADS or (before & CITY_WORDS and m.unit.kind not in CITY_KINDS))


def _of_businesses(doc: Doc, m: Mention, ends: dict[int, Mention]) -> bool:
    """`предприятия Павлодарской и Омской областей`, `компании ВКО и Алтайского края`,
    `с компанией из Ошской области`: the word before the list the region stands in is a
    business (`ends`: mentions by last token)."""
    i = m.first_token - 1
    while i > 0 and doc.tokens[i].text.lower() in LIST_WORDS and i in ends:
        i = ends[i].first_token - 1  # back over `X и` / `X,` to the word before the list
    if i > 0 and doc.tokens[i].text.lower() == "из":
        i -= 1
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


def regions_before(doc: Doc, end: int) -> list:
    """The regions named before `end` (places too), but those only locating a district or city."""
    last = bisect.bisect_left(doc.regions, end, key=_start)
    return list(dict.fromkeys(m.unit for m in doc.regions[:last] if not _governed(doc, m)))


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
    """`астраханский губернатор`, `Павлодарский акимат`: a region adjective before an office in
    lower case (`OFFICE_WORDS`; an adjective that is the region's name, `Омская область`, is a
    mention already)."""
    g, taken = gazetteer(), {m.first_token for m in named}
    found = []
    for i in range(doc.token_index(start), min(doc.token_index(end), len(doc.tokens) - 1)):
        token = doc.tokens[i]
        following = doc.tokens[i + 1]
        if i in taken or not token.text[1:].islower() or not following.text.islower() \
                or not lemmas(following.text) & OFFICE_WORDS:
            continue
        candidates = {p.unit for p in g.candidates(lemmas(token.text)) if p.implies_head}
        if len(candidates) == 1:
            found.append(Mention(candidates.pop(), token.start, token.end, i, i + 1))
    return found


def bare_heads(doc: Doc, start: int, end: int, unambiguous: bool = False, titles=BARE_HEADS) -> list:
    """`Аким ВКО и губернатор Алтайского края подписали меморандум. Кроме того, аким и
    губернатор Кемеровской области подписали соглашение.`: the regions of the heads the
    clause names without their region, each the one of that office named last before (an
    office of a city or a country is none, a head only present no side); a bare `полпред` the
    last envoy's.
    `unambiguous`: none for an office named before with two regions (`губернаторы X и Y`);
    `titles`: the bare titles read (`{"мэр"}`: only the first-level cities' mayors)."""
    found, named_with, spans = [], {}, []
    for office in doc.offices:
        if office.start >= end:
            break
        spans.append((office.start, office.end))
        if office.region is not None or office.names_other_place:
            region = None if office.names_other_place else office.region
            named_with.setdefault(ENVOY if ENVOY in office.position else office.position, []).append(
                (office.start, region))
        elif office.start >= start and office.position in titles and not office.plural \
                and not present(doc, doc.token_index(office.start)):
            found.append((office.start, office.position))
    if titles is BARE_HEADS:
        found += [(t.start, ENVOY) for t in _bare_envoys(doc, start, end, spans)]
    regions = [_last(named_with.get(position, []), at, unambiguous) for at, position in sorted(found)]
    return [u for u in dict.fromkeys(regions) if u]


def _last(named: list[tuple[int, object]], before: int, unambiguous: bool):
    """The region of the office named last before `before` (none where it had two)."""
    regions = [region for at, region in named if at < before]
    if unambiguous and len(set(regions)) > 1:
        return None
    return regions[-1] if regions else None


def _bare_envoys(doc: Doc, start: int, end: int, spans: list[tuple[int, int]]) -> list:
    """`полпред и хоким подписали`: a `полпред` no office names (the title given in full before)."""
    first, last = doc.token_index(start), doc.token_index(end)
    return [t for t in doc.tokens[first:last] if lemmas(t.text) & {"полпред"}
            and not any(a <= t.start < b for a, b in spans)]


def sides(doc: Doc, start: int, end: int) -> list[Mention]:
    first, last = (bisect.bisect_left(doc.regions, at, key=_start) for at in (start, end))
    named = _acting(doc, doc.regions[first:last])  # the layer is in text order
    return sorted(named + _demonyms(doc, start, end, named), key=lambda m: m.start)
