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
Новосибирской области`), or just two are named before it.

Which mentions can be sides at all, and the article's main regions, are `sides.py`'s;
the groups each `с` opens `counterparts.py`'s; sides that are no region (a company, a
city, a country) `other_sides.py`'s.
"""
from __future__ import annotations

from itertools import combinations, product

from rules.documents import DOCUMENT_NOUNS

from ..nlp import Doc, Token, lemmas, parse
from .clauses import clause_tokens, own_words
from .counterparts import counterpart_split, nominative, units
from .gazetteer import Mention
from .other_sides import CITY_WORDS, SELF_SIGNERS, between_others, named_elsewhere, other_side
from .sides import NOT_PARTY_HEADS, acting_regions, bare_heads, main_regions, regions_before, sides
from .signatories import attendees, cities_sign, interstate, of_states, relative_counterparts

BOTH_SIDES = {"сторона"}
PAIR_WORDS = {"два", "оба"}  # `два региона`: a singular noun after the numeral
PAIR_NOUNS = {"регион", "область", "территория"}
ALL_MET = {"регион"}  # `руководители регионов подписали`: all those met
STATES = {"страна", "государство"}
# `трехстороннее соглашение`: as many sides as the word says.
MULTILATERAL = {"трехсторонний": 3, "четырехсторонний": 4, "пятисторонний": 5}
RESPECTIVELY = {"соответственно"}
MEETING = {"встреча", "встретиться", "переговоры", "беседа", "совещание", "заседание"}
SENTENCES_BACK = 2  # sentences before a signing that names no region, to the meeting it closes
MEETING_BACK = 6  # ... to a meeting it names (`по итогам встречи`), past the talks' topics


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
    """`между Минском и Пермью, Пензенской областью и Бишкеком`: the first with each other.
    Without the comma (`между акиматами X и Y и правительством Z`) each `и` adds a signatory."""
    between = next((t for t in tokens if t.text.lower() == "между"), None)
    after = [m for m in here if between and m.start > between.end]
    if len(units(after)) < 3 or not doc.text[after[0].end:after[1].start].strip().lower().startswith("и"):
        return None
    if "," not in doc.text[after[0].end:after[-1].start]:
        return None
    return [(after[0].unit, u) for u in units(after[1:]) if u != after[0].unit]



def _says_both_sides(doc: Doc, tokens: list[Token]) -> bool:
    """`стороны`, `двух областей`, `регионы перешли`, `товарооборот регионов`; not the head
    of named regions (`предприятия Павлодарской и Омской областей`)."""
    words = [lemmas(t.text) for t in tokens]
    named = {i for m in doc.regions for i in range(m.first_token, m.last_token)}
    for i, w in enumerate(words):
        if doc.token_index(tokens[i].start) in named:
            continue
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


def _all_regions_said(tokens: list[Token]) -> bool:
    """`руководители регионов`: every region met, not `стороны` (two unless a word
    says more) nor `две области`."""
    words = [lemmas(t.text) for t in tokens]
    return not any(w & (BOTH_SIDES | PAIR_WORDS) for w in words) and any(w & ALL_MET for w in words)


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
    nominative, so all those named are partners, of the article's region; `X сотрудничает с Y
    и Z, с которыми ...`: the partners are those after the subject X, X the speaker."""
    subjects = [m for m in here if nominative(doc, m)]
    objects = [m for m in here if subjects and m.start > subjects[0].start and not nominative(doc, m)]
    if objects:
        return [(subjects[0].unit, u) for u in units(objects) if u != subjects[0].unit]
    partners = units(subjects) or units(here)
    speaker = [u for u in units(here) + main if u not in partners][:1]
    return list(product(speaker, partners))


def signing_pairs(doc: Doc, start: int, end: int, match: tuple[int, int], batch: bool) -> list[tuple]:
    """Pairs of regions that signed the document at `match` in the clause doc.text[start:end].

    `batch`: the clause counts many documents (`15 соглашений`), often with
    companies, so the article's main regions are not read into it."""
    tokens = clause_tokens(doc, start, end)
    if interstate(doc, tokens, match) or between_others(tokens):
        return []
    here = _signing_sides(tokens, sides(doc, start, end))
    named = units(here)
    main = main_regions(doc)
    if len(named) >= 2 and relative_counterparts(tokens):
        return _partners_of_the_speaker(doc, here, main)
    split = counterpart_split(doc, tokens, here, match)
    if split:
        found, every, at = split
        (left, right), *more = found
        if not left and right and not named_elsewhere(doc, start, doc.tokens[at].start, here):
            left = [u for u in _subjects_before(doc, start) if u not in every] or \
                   [u for u in _implicit(doc, start, end, main) if u not in every][:1]
        if len(left) == len(right) > 1 and any(lemmas(t.text) & RESPECTIVELY for t in tokens):
            return list(zip(left, right))  # `X и Y подписали соглашения с Z и W соответственно`
        if not more and len(left) + len(right) > 2 and _one_document(doc, match):
            return list(combinations(left + right, 2))  # `Акимы X и Y подписали меморандум с Z`
        return [(a, b) for l, r in [(left, right), *more] for a, b in product(l, r) if a != b]
    if len(named) >= 2:
        return (_pair_by_pair(doc, here) or _between_groups(tokens, here) or _star(doc, tokens, here)
                or list(combinations(named, 2)))
    if cities_sign(doc, tokens, here) and not bare_heads(doc, start, end, titles={"мэр"}):
        return []  # `мэр Каракола`; not `мэр` standing for `мэр Оша` named before
    if not named and relative_counterparts(tokens) and (partners := _partners_named_before(doc, start)):
        return partners
    if len(main) >= 2 and not named and _says_both_sides(doc, tokens):
        if _states_met_before(doc, start):
            return []
        if not batch or len(acting_regions(doc)) <= _sides_said(tokens):
            met = _met_before(doc, start, meeting=True)
            if len(met) > 2 and _one_document(doc, match) and _all_regions_said(tokens):
                return list(combinations(met, 2))  # `совещание X, Y и Z ... руководители регионов подписали`
            return [tuple(met)] if len(met) == 2 else list(combinations(main[:_sides_said(tokens)], 2))
    if batch or other_side(doc, own_words(tokens, match), here):
        return []
    if len(named) == 1:
        others = [u for u in _implicit(doc, start, end, main) if u != named[0]]
        return [(named[0], others[0])] if others else []
    heads = bare_heads(doc, start, end, unambiguous=True)
    if len(heads) >= 2:  # `полпред и хоким подписали`: the heads named in full before
        return list(combinations(heads, 2))
    # an article about just two regions, or just two named before (`Делегация X побывала в Y.
    # ... Документ, подписанный по итогам визита`), or where just two act and the others are
    # only places
    for two in (main, regions_before(doc, start), acting_regions(doc)):
        if len(two) == 2:
            return [(two[0], two[1])]
    meeting = any(lemmas(t.text) & MEETING for t in tokens) and _pair_met_before(doc, start, meeting=True)
    return meeting or _pair_met_before(doc, start)


def _one_document(doc: Doc, match: tuple[int, int]) -> bool:
    """`подписали меморандум с`: one document, so all who signed it signed with each other
    (`соглашения с Z и W`, `два меморандума с Z и W` are a document with each)."""
    tokens = doc.tokens[doc.token_index(match[0]):doc.token_index(match[1])]
    nouns = [t for t in tokens if lemmas(t.text) & DOCUMENT_NOUNS]
    counted = any(t.text.isdigit() or parse(t.text)[0].tag.POS == "NUMR" for t in tokens)
    return bool(nouns) and not counted and all(p.tag.number == "sing" for t in nouns for p in parse(t.text))


def _subjects_before(doc: Doc, start: int) -> list:
    """`Омская и Новосибирская области заключили соглашение, а также подписали соглашения с
    Павлодарской областью`: a clause without a subject shares the one of the clause before it."""
    sentence = doc.sentence_at(start)
    return units([m for m in sides(doc, sentence.start, start) if nominative(doc, m)])


def _implicit(doc: Doc, start: int, end: int, main: list) -> list:
    """The side a clause leaves unnamed: a bare `аким` is the akim's region named before,
    else the article's main regions."""
    return list(dict.fromkeys(bare_heads(doc, start, end) + main))


def _partners_named_before(doc: Doc, start: int) -> list[tuple]:
    """`Губернатор X провел встречи с акимами Y и Z. С каждым из регионов подписаны
    соглашения.`: the subject of the sentence before with each of the others it names."""
    at = doc.sentence_index(start)
    if not at:
        return []
    before = doc.sentences[at - 1]
    here = sides(doc, before.start, before.end)
    named = units(here)
    if len(named) < 2:
        return []
    subject = next((m.unit for m in here if nominative(doc, m)), named[0])
    return [(subject, u) for u in named if u != subject]


def _states_met_before(doc: Doc, start: int) -> bool:
    """`Прошло заседание межправительственной комиссии Казахстана и Узбекистана. Стороны
    подписали протокол.`: `стороны` are the states of the nearest sentence before naming
    sides, not the regions of officials present."""
    at = doc.sentence_index(start)
    for sentence in reversed(doc.sentences[max(0, at - SENTENCES_BACK):at]):
        met = units(sides(doc, sentence.start, sentence.end)) + bare_heads(doc, sentence.start, sentence.end)
        if len(set(met)) >= 2:  # `губернатор провел переговоры с хокимом Y`
            return False
        if of_states(clause_tokens(doc, sentence.start, sentence.end)):
            return True
    return False


def _sides_said(tokens: list[Token]) -> int:
    """How many sides `трехстороннее` and the like give; two otherwise."""
    return next((MULTILATERAL[w] for t in tokens for w in lemmas(t.text) if w in MULTILATERAL), 2)


def _pair_met_before(doc: Doc, start: int, meeting: bool = False) -> list[tuple]:
    """`Аким X провел встречу с полпредом в Y. В ходе встречи подписан протокол.`: in an
    article about more regions, the two that act in the nearest sentence before naming any
    (past sentences about other documents: `Ранее губернатор подписал соглашение с Z`)."""
    met = _met_before(doc, start, meeting)
    return [(met[0], met[1])] if len(met) == 2 else []


def _met_before(doc: Doc, start: int, meeting: bool) -> list:
    """The regions acting in the nearest sentence before `start` that names any and no document.
    `meeting` (`стороны`, `по итогам встречи`): only a sentence that says they met, a bare
    head standing for its region named before (`стороны подписали` after `губернатор
    встретился с акимом Y` are those two, not the article's main pair)."""
    at = doc.sentence_index(start)
    for sentence in reversed(doc.sentences[max(0, at - (MEETING_BACK if meeting else SENTENCES_BACK)):at]):
        words = [lemmas(t.text) for t in clause_tokens(doc, sentence.start, sentence.end)]
        if any(w & DOCUMENT_NOUNS for w in words) or (meeting and not any(w & MEETING for w in words)):
            continue
        acting = units(sides(doc, sentence.start, sentence.end))
        if meeting:
            acting = list(dict.fromkeys(acting + bare_heads(doc, sentence.start, sentence.end)))
        if acting:
            return acting
    return []
