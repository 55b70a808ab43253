"""Sides of a document that are no region: a company, a city, a country.

`с компанией`, `с «Газпромом»`, `ВКО и ЕБРР`, `с акиматом г. Актобе`, `с
Беларусью`, `Монголия и Россия подписали`: a clause with one of these signs with
it, so the article's main regions are not read into it.
"""
from __future__ import annotations

import bisect
import re

from ..nlp import Doc, Token, lemma, lemmas, parse
from .counterparts import COUNTERPART
from .gazetteer import Mention, gazetteer
from .signatories import STATES, VENUE_PREPOSITIONS, generic_place

OTHER_SIDE = {"компания", "корпорация", "холдинг", "предприятие", "инвестор", "банк", "фонд",
              "университет", "институт", "колледж", "школа", "завод", "мэрия", "министерство",
              "ассоциация", "палата", "тоо", "ао", "ооо", "район"}
# Who signs for itself where it is the subject or the counterpart (`бизнесмены двух областей
# заключили`, `с предпринимателями`), not where it is the topic (`о поддержке фермеров`).
SELF_SIGNERS = {"предприятие", "компания", "инвестор", "предприниматель", "бизнесмен", "бизнес",
                "фирма", "производитель", "товаропроизводитель", "экспортер", "фермер", "аграрий",
                "вуз", "университет", "колледж", "школа", "больница", "центр", "организация",
                "учреждение", "палата", "ассоциация"}
# `президенты Казахстана и Кыргызстана подписали`, `премьер-министры двух стран`: the states sign.
HEADS_OF_STATE = {"президент", "премьер-министр", "премьер", "канцлер"}
STATE_BODIES = {"правительство", "руководство", "власть"}
CITY_WORDS = {"город", "г"}
CAPITALS = {"столица"}  # a capital that is no region of the gazetteer is a city


def named_elsewhere(doc: Doc, start: int, end: int, here: list[Mention]) -> bool:
    """A place other than a region or a country stands here (`мэра Вэньчжоу`), not as the
    venue (`В Павлодаре губернатор подписал с акимом ...`)."""
    countries = set(gazetteer().country_words)
    for span in doc.spans_within(start, end):
        if span.type != "LOC":
            continue
        if any(m.start < span.end and span.start < m.end for m in here) or generic_place(span.text):
            continue
        i = doc.token_index(span.start)
        if i and doc.tokens[i - 1].text.lower() in VENUE_PREPOSITIONS:
            continue
        if not any(lemmas(word) & countries for word in span.text.split()):
            return True
    return False


def between_others(tokens: list[Token]) -> bool:
    """`соглашение между компаниями «X» и «Y»`, `между предприятиями двух областей`: the
    document's sides are named, and they are no regions (whoever attended)."""
    for k, token in enumerate(tokens[:-1]):
        if token.text.lower() == "между" and lemmas(tokens[k + 1].text) & (OTHER_SIDE | SELF_SIGNERS):
            return True
    return False


def other_side(doc: Doc, tokens: list[Token], here: list[Mention]) -> bool:
    """A company, a non-first-level city or a country signed: `с компанией`, `с акиматом г.
    Актобе`, `Монголия и Россия подписали`."""
    starts = {m.first_token for m in here}
    for token in tokens:
        words = lemmas(token.text)
        i = doc.token_index(token.start)
        if words & OTHER_SIDE and not _autonomous_region(doc, i):
            return True
        if words & SELF_SIGNERS and _subject(doc, i):
            return True  # `бизнесмены двух областей заключили`
        if token.text.lower() in COUNTERPART and _someone_else(doc, i, starts):
            return True  # `с профсоюзами`, `с местными фермерами`
        if token.text.lower() in COUNTERPART and _head_of_a_place(doc, i + 1, starts):
            return True  # `с акимом Экибастуза`, `с мэром Харбина`
        if words & (CITY_WORDS | CAPITALS) and not {i, i + 1, i + 2} & starts:
            return True  # `с акиматом г. Актобе`, `столицы регионов подписали`
        if (token.text.lower() in COUNTERPART | {"и", "между"} and _organisation_at(doc, i + 1)
                and not any(m.first_token > i for m in here)):
            return True  # `с «Газпромом»`, `с Samsung`, `ВКО и ЕБРР`, `с Россельхозбанком`
        if _country_at(doc, i) and _subject(doc, i):
            return True  # `Монголия и Россия`, `Казахстан и Кыргызстан подписали`: the states signed
        if words & HEADS_OF_STATE and _subject(doc, i) and _states_named(doc, i + 1):
            return True  # `президенты Казахстана и Кыргызстана подписали`
        if token.text.lower() in COUNTERPART and _state_body_at(doc, i + 1):
            return True  # `с Правительством Республики Казахстан`
        if _country_at(doc, i + 1) and (token.text.lower() in COUNTERPART | {"между"} or (
                token.text.lower() == "и" and any(t.text.lower() == "между" for t in doc.tokens[max(0, i - 8):i]))):
            return True  # `с Беларусью`, `между Минской областью и Российской Федерацией`
    return False


def _autonomous_region(doc: Doc, i: int) -> bool:
    """`с правительством автономного района`: a first-level region of China, not a district."""
    return i > 0 and "автономный" in lemmas(doc.tokens[i - 1].text) and "район" in lemmas(doc.tokens[i].text)


# Who, after `с`, stands for a region left unnamed (`с коллегой`, `с гостями`), or is no
# side at all (`со сроком действия`).
REGION_COUNTERPARTS = {"губернатор", "аким", "хоким", "глава", "руководитель", "делегация",
                       "правительство", "власть", "коллега", "акимат", "хокимият", "облисполком",
                       "администрация", "гость", "партнер", "сосед", "регион", "область", "край",
                       "республика", "провинция", "сторона", "полпред", "председатель", "мэр",
                       "участие", "цель", "учет", "визит", "помощь", "точка", "срок", "момент"}
SOMEONE_REACH = 3  # tokens from `с` to its noun: `с местными фермерами`


def _someone_else(doc: Doc, i: int, starts: set[int]) -> bool:
    """`с профсоюзами`, `с местными фермерами`: the `с` at token i introduces a noun in the
    instrumental that is no region, office or delegation, nor followed by a region."""
    for j in range(i + 1, min(i + 1 + SOMEONE_REACH, len(doc.tokens))):
        tag = parse(doc.tokens[j].text)[0].tag
        if tag.POS in {"ADJF", "PRTF"}:
            continue
        if tag.POS != "NOUN" or tag.case != "ablt" or not doc.tokens[j].text.islower():
            return False
        ahead = range(j + 1, j + 1 + SOMEONE_REACH)
        return not (lemmas(doc.tokens[j].text) & REGION_COUNTERPARTS or starts.intersection(ahead))
    return False


PLACE_HEADS = {"аким", "хоким", "губернатор", "мэр", "глава", "градоначальник"}


def _head_of_a_place(doc: Doc, i: int, starts: set[int]) -> bool:
    """`акимом Экибастуза`, `мэром Харбина`: an office at token i of a place in the genitive that
    is no region (NER may miss it); a name after the office agrees with it (`акимом Ивановым`)."""
    if i + 1 >= len(doc.tokens) or not lemmas(doc.tokens[i].text) & PLACE_HEADS or i + 1 in starts:
        return False
    place = doc.tokens[i + 1]
    cases = {p.tag.case for p in parse(place.text) if p.tag.POS == "NOUN"}
    return place.text[:1].isupper() and place.text.isalpha() and "gent" in cases and "ablt" not in cases



def _subject(doc: Doc, i: int) -> bool:
    """A noun that may be the nominative and follows no preposition: `Казахстан` reads as
    nominative or accusative, `в Казахстан` is a place."""
    parses = [p for p in parse(doc.tokens[i].text) if p.tag.POS == "NOUN"]
    before = parse(doc.tokens[i - 1].text)[0].tag.POS if i else None
    return any(p.tag.case == "nomn" for p in parses) and before != "PREP"


def _organisation_at(doc: Doc, i: int) -> bool:
    """A quoted or Latin name, an acronym or a name NER reads as an organisation starts at token i."""
    if i >= len(doc.tokens):
        return False
    token = doc.tokens[i]
    if token.text in QUOTES or re.match(r"[A-Za-z]", token.text):
        return True
    if doc.spans_covering(token.start, token.end, "ORG"):
        return True
    return len(token.text) >= 3 and token.text.isupper() and not _country_at(doc, i) and not any(
        m.first_token == i for m in doc.regions[bisect.bisect_left(doc.regions, token.start, key=lambda m: m.start):][:1])


QUOTES = {"«", '"', "“", "„"}


def _state_body_at(doc: Doc, i: int) -> bool:
    """`Правительством Республики Казахстан`, `руководством Китая`: a state's government at token i."""
    return i < len(doc.tokens) and bool(lemmas(doc.tokens[i].text) & STATE_BODIES) and _country_at(doc, i + 1)


def _states_named(doc: Doc, i: int) -> bool:
    """A country (`Казахстана`, `Кыргызской Республики`) or `двух стран` at token i or the next."""
    return any(_country_at(doc, j) or lemmas(doc.tokens[j].text) & STATES
               for j in range(i, min(i + 2, len(doc.tokens))))


def _country_at(doc: Doc, i: int) -> bool:
    g, words = gazetteer(), [lemma(t.text) for t in doc.tokens[i:i + 2]]
    return bool(words) and (words[0] in g.country_words or " ".join(words) in g.country_names)

