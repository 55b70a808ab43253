"""The `offices` layer: every office phrase (office_phrases.py) with the region it
belongs to (`аким Атырауской области`, `астраханский губернатор`, `аким Актобе`: a city
that is no region) and the case and number its holder's name must agree with.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..nlp import Doc, lemma, lemmas, parse
from .gazetteer import Mention, Unit, gazetteer
from .names import PATRONYMIC, is_east_asian
from .office_bodies import GENERIC_PLACE_WORDS, LOCAL_UNIT_ADJECTIVES, OTHER_PLACE_WORDS, PLACE_WORDS
from .office_parts import deputies
from .office_phrases import OfficeRow, office_at
from .offices_unheld import ACTING, unheld

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
    place_word: str | None = None  # `хоким области`: the kind of region a bare office names
    acting: bool = False  # `врио губернатора`: often of the region whose holder just left


def _region_starts(mentions: list[Mention]) -> dict[int, Mention]:
    return {m.first_token: m for m in mentions}


def _capitalized(doc: Doc, k: int) -> bool:
    """A capitalised word that can be a name: not a decree's `Назначить`, `Освободить`."""
    return k < len(doc.tokens) and doc.tokens[k].text[:1].isupper() and doc.tokens[k].text.isalpha() \
        and parse(doc.tokens[k].text)[0].tag.POS not in {"INFN", "VERB"}


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
    # `Акиму Абаеву Даурену Аскаровичу`: surname, name and patronymic are a person, no place;
    # `глава Сбербанка Герман Греф`: what NER calls an organisation is none either.
    if doc.spans_covering(token.start, token.end, "ORG"):
        return False, k
    if _capitalized(doc, k) and _capitalized(doc, k + 1) and _capitalized(doc, k + 2) \
            and not PATRONYMIC.search(doc.tokens[k + 1].text) and not PATRONYMIC.search(doc.tokens[k + 2].text) \
            and not is_east_asian([t.text for t in doc.tokens[k:k + 3]]):  # `Ли Чжэ Мён`: one name
        return True, k + 1
    return False, k


# A city's own bodies: `Московская городская дума`, `Минский горисполком`.
CITY_BODY_WORDS = ("городск", "горисполком", "гордума", "горсовет")
ADJECTIVE_SUFFIXES = ("овский", "инский", "ский", "ий")


def _city_of_adjective(doc: Doc, first: int, end: int) -> Unit | None:
    """`председатель Московской городской думы`: the first-level city a city body's
    adjective names (`московский` → Москва, `минский` → Минск)."""
    for k in range(first + 1, end - 1):
        word, after = doc.tokens[k].text, doc.tokens[k + 1].lemma
        if not word[:1].isupper() or not after.startswith(CITY_BODY_WORDS):
            continue
        adjective = lemma(word)
        stems = [adjective[:-len(s)] for s in ADJECTIVE_SUFFIXES if adjective.endswith(s)]
        cities = {u for u in gazetteer().units if u.kind == "city" for stem in stems
                  if len(stem) >= 4 and u.name.lower().startswith(stem)}
        if len(cities) == 1:
            return cities.pop()
    return None


def _demonym_region(doc: Doc, i: int) -> Unit | None:
    """`астраханский губернатор`, `курский коллега`: a region adjective before the office."""
    if i == 0 or not doc.tokens[i - 1].text.islower():
        return None
    units = {p.unit for p in gazetteer().candidates(lemmas(doc.tokens[i - 1].text)) if p.implies_head}
    return units.pop() if len(units) == 1 else None


def _colleague_from(doc: Doc, k: int, starts: dict[int, Mention]) -> tuple[int, Unit | None]:
    """`коллега из Курганской области`, `коллега из Азербайджана`: the region, or a country,
    the colleague comes from; the end of the words and the region."""
    if k in starts:
        return starts[k].last_token, starts[k].unit
    token = doc.tokens[k]
    places = doc.spans_covering(token.start, token.end, "LOC")
    if places and places[0].start == token.start:
        return doc.token_index(places[0].end), None
    return k - 1, None


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


# `Назначенный недавно послом Дархан Калетаев`: a clause opened by the participle of an
# appointment; the name after the office agrees with the participle, not with the office.
APPOINTED = {"назначить", "избрать", "переизбрать", "утвердить", "назначать", "избирать"}


def _appointed_before(doc: Doc, i: int) -> frozenset[str]:
    """The cases of such a participle before the office at token i (an adverb, `на пост`, `на
    должность` may stand between)."""
    k = i - 1
    if k > 0 and doc.tokens[k].lemma in {"пост", "должность"} and doc.tokens[k - 1].text == "на":
        k -= 2
    if k >= 0 and any(p.tag.POS == "ADVB" for p in parse(doc.tokens[k].text)[:1]):
        k -= 1
    if k < 0 or k > 0 and doc.tokens[k - 1].text == ",":  # `Иванова, назначенного акимом`: the tree's
        return frozenset()
    return frozenset(p.tag.case for p in parse(doc.tokens[k].text)
                     if p.tag.POS == "PRTF" and p.normal_form in APPOINTED)


def _successor_office(doc: Doc, i: int, row: OfficeRow, position: str,
                      found: list[OfficeMention]) -> tuple[str, Unit | None] | None:
    """`... освободил от должности министра энергетики. Новым министром назначен Умаров`: a bare
    title after `новый` is the office of that title just named, with its words and region."""
    if i == 0 or doc.tokens[i - 1].lemma != "новый" or position != row.office:
        return None
    here = doc.sentence_index(doc.tokens[i].start)
    previous = next((o for o in reversed(found) if doc.sentence_index(o.start) >= here - 1
                     and o.row.office == row.office), None)
    return (previous.position, previous.region) if previous else None


POSSESSIVES = {"его", "ее", "её", "их"}


def _deputy_of_previous(doc: Doc, i: int, found: list[OfficeMention]) -> OfficeMention | None:
    """`аким области Иван Петров и его заместитель Ерлан Нурланов`: the deputy of the office
    named before in the sentence, as `заместитель акима` of its region."""
    if not found or not i or doc.tokens[i - 1].text.lower() not in POSSESSIVES:
        return None
    deputy = deputies().longest(doc, i)
    previous = found[-1]
    if deputy is None or not _capitalized(doc, deputy[1]) or \
            doc.sentence_index(previous.start) != doc.sentence_index(doc.tokens[i].start):
        return None
    taken = list(range(i, deputy[1]))
    cases, plural = _head_grammar(doc, taken, previous.row)
    return OfficeMention(previous.row, f"{deputy[0].name} {_genitive_phrase(previous.position)}",
                         doc.tokens[i].start, doc.tokens[deputy[1] - 1].end, i, deputy[1], cases, plural,
                         previous.region, previous.names_other_place)


def _genitive_phrase(position: str) -> str:
    """`первый вице-премьер` → `первого вице-премьера`: the words up to the head noun, in the genitive."""
    words = position.split()
    for n, word in enumerate(words):
        reading = parse(word)[0]
        if reading.tag.case != "nomn":
            break
        form = reading.inflect({"gent"})
        words[n] = form.word if form else word
        if reading.tag.POS == "NOUN":
            break
    return " ".join(words)


def _country_tokens(doc: Doc) -> set[int]:
    """Tokens of a country's name NER missed: `Российской Федерации` is no sports federation."""
    names = gazetteer().country_names
    found = set()
    for k, token in enumerate(doc.tokens):
        if k and f"{doc.tokens[k - 1].lemma} {token.lemma}" in names:
            found |= {k - 1, k}
    return found


def find_offices(doc: Doc) -> list[OfficeMention]:
    """Every office named in the document, in text order: the Doc's `offices` layer (reads `regions`)."""
    regions = doc.regions
    starts = _region_starts(regions)
    inside_region = {t for m in regions for t in range(m.first_token, m.last_token)}
    place_tokens = inside_region | _country_tokens(doc) | {
        t for s in doc.spans if s.type == "LOC" for t in range(doc.token_index(s.start), doc.token_index(s.end))}
    found, i = [], 0
    while i < len(doc.tokens):
        match = None if i in inside_region else office_at(doc, i, inside_region, starts, place_tokens)
        if match is None:
            deputy = _deputy_of_previous(doc, i, found)
            if deputy:
                found.append(deputy)
            i = deputy.last_token if deputy else i + 1
            continue
        row, position, taken, end = match.row, match.position, match.taken, match.end
        if unheld(doc, i, end, _head_grammar(doc, taken, row)[0]):
            i = end
            continue
        region = next((starts[t].unit for t in range(i, end) if t in starts), None) or \
            _city_of_adjective(doc, i, end)
        k, place_word = end, None
        while k < len(doc.tokens) and k not in starts and (doc.tokens[k].lemma in GENERIC_PLACE_WORDS or
                                       doc.tokens[k].text == "." and doc.tokens[k - 1].text == "г"):
            place_word = place_word or doc.tokens[k].lemma
            k += 1
        if region is None and row.complement and not row.countries and k > end and k not in starts:
            # `министр образования региона`: a national title made a region's by a bare place word,
            # the region the text is about
            row = replace(row, scope="regional", countries=tuple(sorted({m.unit.country for m in regions})))
        other_place = False
        if region is None and k < len(doc.tokens):
            local = k + 1 if doc.tokens[k].lemma in LOCAL_UNIT_ADJECTIVES and k + 1 < len(doc.tokens) \
                and doc.tokens[k + 1].lemma in PLACE_WORDS else k
            if local > k or doc.tokens[k].lemma in OTHER_PLACE_WORDS:  # `аким района`: no region's akim
                # and the unit's own name, if one stands before the holder's (`аким села Аксу`)
                k = local + 1
                other_place, k = True, _other_place(doc, k)[1] if k < len(doc.tokens) else k
            elif k in starts:
                region, k = starts[k].unit, starts[k].last_token
            else:
                other_place, k = _other_place(doc, k)
        # `полпред президента в Ошской области`; a territorial department's `департамента
        # государственных доходов по Павлодарской области`
        if region is None and k + 1 < len(doc.tokens) and k + 1 in starts and (
                doc.tokens[k].text == "в" and row.scope == "regional" or doc.tokens[k].text == "по"):
            region, k = starts[k + 1].unit, starts[k + 1].last_token
        if region is None and not other_place:
            region = _demonym_region(doc, i)
        if row.scope == "diplomatic":  # `посол Казахстана в Астане`: the host city is no office's region
            region = None
        if row.needs_region and region is None and k == end:
            i += 1
            continue
        if row.scope == "same" and region is None and k < len(doc.tokens) - 1 and doc.tokens[k].text == "из":
            k, region = _colleague_from(doc, k + 1, starts)
        if row.scope == "same":  # `и его ставропольский коллега`: the office named before, in this
            # sentence or the one before (`... прибыл в Курган. Его встретил курганский коллега`)
            previous = found[-1] if found and doc.sentence_index(found[-1].start) >= doc.sentence_index(
                doc.tokens[i].start) - 1 else None
            if previous is None:
                i += 1
                continue
            row, position = previous.row, previous.position
        if region is None and not other_place:
            position, region = _successor_office(doc, i, row, position, found) or (position, region)
        cases, plural = _head_grammar(doc, taken, row)
        acting = bool(ACTING.search(doc.text[max(0, doc.tokens[i].start - 20):doc.tokens[i].start]))
        cases = _appointed_before(doc, i) or (frozenset() if acting else cases)
        found.append(OfficeMention(row, position, doc.tokens[i].start, doc.tokens[end - 1].end, i, max(k, end),
                                   cases, plural, region, other_place, place_word, acting))
        i = end
    return found
