"""Who is no signatory of a regional document, whatever the clause names.

- States: an interstate document (`российско-монгольское соглашение`,
  `межправительственное соглашение`, `соглашение между правительствами двух
  стран`, `подписанное странами`) links no regions, even those whose officials attend.
- Witnesses: a region only present (`в присутствии губернатора Омской области`) or
  attending (`делегация X приняла участие в подписании соглашения Y с Z`).
- Cities: a city that is not first-level signs for itself (`мэр Бреста`,
  `Владивосток и Брест`), even where the text calls it a region's capital.
"""
from __future__ import annotations

import re

from rules.documents import SIGNED

from ..nlp import Doc, Token, lemma, lemmas, parse
from .gazetteer import HEAD_NOUNS, Mention, gazetteer

INTERSTATE = {"межправительственный", "межгосударственный"}
INTERREGIONAL = {"межрегиональный"}
STATES = {"страна", "государство"}
GOVERNMENT = {"правительство"}
# `российско-монгольское`, `казахстанско-китайский`: an adjective of two nations.
TWO_NATIONS = re.compile(r"(?i)^[а-яё]+(?:ск|цк)о-[а-яё]+$")
NATIONS_REACH = 2  # tokens before the document noun
WITNESS = {"присутствие"}
# Tokens from `в присутствии` to the region, over a list of those present: `в присутствии
# министра торговли РК и губернатора Курганской области`.
WITNESS_REACH = 10
ATTENDING = {"участие", "участвовать", "присутствовать", "присутствие", "наблюдать", "засвидетельствовать"}
CITY_BODIES = {"мэр", "мэрия", "горсовет", "горисполком", "горакимат", "градоначальник"}
VENUE_PREPOSITIONS = {"в", "во"}
# What stands before a city that is a side: `между Брестом`, `с Брестом`, `Владивосток и
# Брест`, `городами Владивосток`, `акимат Актобе` (not `в Бресте`, `по реке Талас`).
SIDE_BEFORE = {"между", "с", "со", "и", "город", "г", "акимат", "администрация", "аким",
               "глава", "правительство", "власть"}
RELATIVE = {"который", "кто", "они", "каждый", "весь", "оба"}  # `регионы, с которыми (с ними, с каждым)`


def interstate(doc: Doc, tokens: list[Token], match: tuple[int, int]) -> bool:
    """The document at `match` is signed by states (a `казахстанско-российское
    межрегиональное соглашение` is the regions')."""
    i = doc.token_index(match[0])
    if of_states(doc.tokens[max(0, i - NATIONS_REACH):doc.token_index(match[1])]):
        return True
    for k, token in enumerate(tokens):
        if token.text.lower() == "между" and _states_after(tokens[k + 1:k + 5]):
            return True
        if lemmas(token.text) & SIGNED and _states_after(tokens[k + 1:k + 3]):
            return True  # `соглашение, подписанное странами в 2018 году, позволило X и Y ...`
    return False


def of_states(tokens: list[Token]) -> bool:
    """`межправительственной комиссии`, `российско-монгольского`, not `межрегионального`."""
    regional = any(lemmas(t.text) & INTERREGIONAL for t in tokens)
    return any(lemmas(t.text) & INTERSTATE or TWO_NATIONS.match(t.text) and not regional for t in tokens)


def _states_after(tokens: list[Token]) -> bool:
    """`между странами`, `между правительствами двух стран`, `между правительствами России и Монголии`."""
    countries = gazetteer().country_words
    nouns = [t for t in tokens if parse(t.text)[0].tag.POS == "NOUN"]
    if not nouns:
        return False
    first = lemmas(nouns[0].text)
    if first & STATES:
        return True
    return bool(first & GOVERNMENT and len(nouns) > 1
                and lemmas(nouns[1].text) & (STATES | set(countries)))


def witness(doc: Doc, m: Mention) -> bool:
    """`в присутствии губернатора Омской области`: present at the signing, no side of it.
    A comma, a verb or a subject (`в присутствии министра аким X подписал`) ends those present."""
    return present(doc, m.first_token)


def present(doc: Doc, first_token: int) -> bool:
    """The words from `first_token` on are of those present (`в присутствии акима`)."""
    before = doc.tokens[max(0, first_token - WITNESS_REACH):first_token]
    for k, token in enumerate(before):
        if lemmas(token.text) & WITNESS and k and before[k - 1].text.lower() in VENUE_PREPOSITIONS:
            return not any(t.text in ",;" or _predicate_or_subject(t) for t in before[k:])
    return False


def _predicate_or_subject(token: Token) -> bool:
    tag = parse(token.text)[0].tag
    return tag.POS == "VERB" or (tag.POS == "NOUN" and tag.case == "nomn" and token.text.isalpha()
                                 and not token.text.isupper())


def attendees(tokens: list[Token], here: list[Mention]) -> list[Mention]:
    """`Делегация X приняла участие в подписании соглашения Y с Z`: X only attended, where
    two other regions stand after the word of attending; `Документ подписан в Барнауле, в
    церемонии участвовал аким X`: X attended, in a part of its own beside the signing."""
    at = next((t.start for t in tokens if lemmas(t.text) & ATTENDING), None)
    if at is None:
        return []
    after = {m.unit for m in here if m.start > at}
    if len(after) >= 2:
        return [m for m in here if m.start < at]
    parts = _comma_parts(tokens)
    if not any(lemmas(t.text) & SIGNED for part in parts for t in part):
        return []
    attending = [part for part in parts if any(lemmas(t.text) & ATTENDING for t in part)
                 and not any(lemmas(t.text) & SIGNED for t in part)]
    return [m for m in here if any(part[0].start <= m.start < part[-1].end for part in attending)]


def _comma_parts(tokens: list[Token]) -> list[list[Token]]:
    parts = [[]]
    for token in tokens:
        if token.text == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def cities_sign(doc: Doc, tokens: list[Token], here: list[Mention]) -> bool:
    """A city that is not first-level is a side: its mayor, its council (not those of a
    first-level city: `мэр Бишкека`), or its name (a place NER finds that is no region or
    country) where a side stands: opening the clause's list (`Владивосток и Брест`, not a
    dateline), after `между`, `с`, `и`, `город` or an office."""
    heads = {m.first_token - offset for m in here for offset in (1, 2)}  # `мэр (города) Бишкека`
    if any(lemmas(t.text) & CITY_BODIES and doc.token_index(t.start) not in heads for t in tokens):
        return True
    if not tokens:
        return False
    start, end = tokens[0].start, tokens[-1].end
    for span in doc.spans:
        if span.type != "LOC" or not (start <= span.start and span.end <= end):
            continue
        if any(m.start < span.end and span.start < m.end for m in here):
            continue
        if generic_place(span.text):
            continue
        i, after = doc.token_index(span.start), doc.token_index(span.end)
        listed = after < len(doc.tokens) and doc.tokens[after].text.lower() == "и"
        side = (i == doc.token_index(start) and listed) or lemmas(doc.tokens[i - 1].text) & SIDE_BEFORE
        if side and not _country(span.text):
            return True
    return False


# What NER reads as a place in `Аким области подписал`, `Область имеет соглашения`: no place.
GENERIC_PLACE_WORDS = HEAD_NOUNS | {"аким", "хоким", "губернатор", "глава"}


def generic_place(name: str) -> bool:
    """`Область`, `Аким области`: a place NER found that names no place at all."""
    return all(lemmas(word) & GENERIC_PLACE_WORDS for word in re.findall(r"[\w-]+", name))


def _country(name: str) -> bool:
    """`Монголия`, `Кыргызской Республики`, `РФ`."""
    g = gazetteer()
    words = [lemma(w) for w in re.findall(r"[\w-]+", name)]
    return any(w in g.country_words for w in words) or " ".join(words) in g.country_names


def relative_counterparts(tokens: list[Token]) -> bool:
    """`Омская и Томская области, с которыми подписаны соглашения`: the regions named
    are the counterparts of the speaker's own."""
    return any(t.text.lower() in {"с", "со"} and k + 1 < len(tokens) and lemmas(tokens[k + 1].text) & RELATIVE
               for k, t in enumerate(tokens))
