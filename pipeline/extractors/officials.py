"""Doc → officials: persons tied to an office (`holders`), one row per person.

Mentions of one person are grouped (`Ю.Берг`, `Юрий Берг`), the fullest name is
put in the nominative, and the office's region is the one it names, or for a
bare regional office (`аким области`, `губернатор`) the region of the office's
country the text is about.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..nlp import Doc, parse
from ..records import Official
from .gazetteer import Mention, Unit, gazetteer
from .holders import link
from .persons import PersonMention, find_persons, name_cases
from .names import NameParts, full_name, gender_votes, surname_key
from .office_bodies import PLACE_WORD_KINDS
from .offices import OfficeMention
from .places import nominative, regional_centres

VENUE_PREPOSITIONS = {"в", "во"}


@dataclass
class Person:
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def offices(self) -> list[OfficeMention]:
        return [m.office for m in self.mentions if m.office]


# Case endings left on a surname whose declension the key rules do not know (`Шимкивым`).
CASE_ENDINGS = ("а", "у", "е", "я", "ю", "ом", "ем", "ым", "ой")
MIN_SURNAME_KEY = 3


def _same_surname(a: str, b: str) -> bool:
    """One surname key, or one the other with a case ending: `Андреем Шимкивым` and `Андрей
    Шимкив` in one article are one person."""
    short, long = sorted((a, b), key=len)
    return a == b or len(short) >= MIN_SURNAME_KEY and long.startswith(short) and long[len(short):] in CASE_ENDINGS


def _same_person(a: NameParts, b: NameParts) -> bool:
    """Same surname, compatible initials (Ю.Берг, Юрий Берг, Берг); East Asian names
    keyed by their surname also by their given names (`Ван И` is not `Ван Вэньтао`)."""
    if not _same_surname(a.key, b.key) or a.initial and b.initial and a.initial != b.initial:
        return False
    return not (a.east_asian and b.east_asian and a.first and b.first
                and surname_key(a.surname) != surname_key(b.surname))


def _cluster(persons: list[PersonMention]) -> list[Person]:
    """Mentions of one person (`_same_person`)."""
    people: list[Person] = []
    for mention in persons:
        home = next((p for p in people if _same_surname(p.mentions[0].parts.key, mention.parts.key) and
                     all(_same_person(m.parts, mention.parts) for m in p.mentions)), None)
        if home is None:
            home = Person()
            people.append(home)
        home.mentions.append(mention)
    return people


def _name(person: Person) -> str:
    votes = Counter()
    for m in person.mentions:
        votes.update(gender_votes(m.parts, m.cases))
    gender = "femn" if votes["femn"] > votes["masc"] else "masc"
    fullest = max(len([x for x in (m.parts.first, m.parts.initial) if x]) for m in person.mentions)
    best = [m for m in person.mentions if len([x for x in (m.parts.first, m.parts.initial) if x]) == fullest]
    base = min(len(m.parts.key) for m in best)  # the surname without a case ending (`_same_surname`)
    best = [m for m in best if len(m.parts.key) == base]
    # A mention beside its office knows its case best; the most frequent reading wins.
    names = Counter(full_name(m.parts, gender, m.cases or name_cases(m.parts)) for m in best)
    with_office = [full_name(m.parts, gender, m.cases) for m in best if m.office]
    return max(names, key=lambda n: (names[n], n in with_office))


def _named_region(doc: Doc, office: OfficeMention) -> Unit | None:
    """The region the office's own words name: `аким Атырауской области`, and `глава Республики
    Татарстан`, whose `Республики` the office phrase reads as a generic place word. A diplomat's
    host region is no region of the office (SPEC)."""
    if office.row.scope == "diplomatic":
        return None
    return office.region or next((m.unit for m in doc.regions
                                  if office.first_token < m.first_token < office.last_token), None)


def _default_region(doc: Doc, office: OfficeMention, taken: set[str],
                    unheld: list[OfficeMention]) -> Unit | None:
    """`аким области`, `глава региона`, `губернатор Иван Петров`: the region of the office's
    country the text is about: that of a subject office no one holds, in this sentence or the
    one before (`принял аким Павлодарской области. Глава региона А.Байханов`), else the one
    named last before the office in its sentence, else the one named most. A first-level city
    where something takes place (`в Москве`) is a venue: it counts only where no other region
    of the country is named."""
    if not office.row.countries or office.names_other_place or office.row.scope == "diplomatic" \
            or _names_country(doc, office):
        return None
    kinds = PLACE_WORD_KINDS.get(office.place_word)
    here = doc.sentence_index(office.start)
    spoken_of = [o.region for o in unheld if o.start < office.start and o.region.country in office.row.countries
                 and here - 1 <= doc.sentence_index(o.start) <= here and (not kinds or o.region.kind in kinds)]
    if spoken_of:
        return spoken_of[-1]
    candidates = [m for m in doc.regions if m.unit.country in office.row.countries
                  and m.unit.name not in taken]
    candidates = [m for m in candidates if not kinds or m.unit.kind in kinds] or candidates
    candidates = [m for m in candidates if not _venue(doc, m)] or candidates
    sentence = doc.sentence_at(office.start)
    nearby = [m for m in candidates if sentence.start <= m.start < office.start]
    if nearby:
        return nearby[-1].unit
    counts = Counter(m.unit for m in candidates)
    return max(counts, key=lambda u: (counts[u], -next(m.start for m in candidates if m.unit == u)),
               default=None) or (_region_of_centre(doc, office, taken, kinds) if office.place_word else None)


def _region_of_centre(doc: Doc, office: OfficeMention, taken: set[str], kinds: set[str] | None) -> Unit | None:
    """`Кызылорда. Аким области ...`: where the text names no region of the country of an office
    that says it is a region's, the region whose administrative centre the text names first (a
    dateline, `в Кызылорде`; rules/centres.csv). A bare `аким` may be the city's own."""
    centres, units = regional_centres(), gazetteer().by_name
    for span in (s for s in doc.spans if s.type == "LOC"):
        unit = units.get(centres.get(nominative(span.text.split()).lower().replace("ё", "е"), ""))
        if unit and unit.country in office.row.countries and unit.name not in taken \
                and (not kinds or unit.kind in kinds):
            return unit
    return None


COUNTRY_WORDS = 2  # `РК`, `Республики Казахстан`


def _names_country(doc: Doc, office: OfficeMention) -> bool:
    """`министр энергетики РК`, `Министр энергетики Республики Казахстан`: a country named in
    the office's words or right after them makes an office that is regional in some countries
    the state's own."""
    names = gazetteer().country_names
    return any(" ".join(t.lemma for t in doc.tokens[k:k + n]) in names
               for k in range(office.first_token + 1, office.last_token + 1) for n in range(1, COUNTRY_WORDS + 1))


# `работал акимом`, `был губернатором`, `занимал должность акима`, `прежний аким`: an office
# held before (its holder is still an official, the gold lists them, but of the office held now).
PAST_HOLDING = {"работать", "быть", "являться", "служить", "трудиться"}
PAST_POSTS = {"должность", "пост"}
PREVIOUS = {"прежний", "предыдущий"}


def _held_before(doc: Doc, office: OfficeMention) -> bool:
    def past(k: int, lemmas: set[str]) -> bool:
        return k >= 0 and doc.tokens[k].lemma in lemmas and \
            any("past" in p.tag and p.normal_form in lemmas for p in parse(doc.tokens[k].text)[:1])
    k = office.first_token - 1
    return past(k, PAST_HOLDING) or k >= 0 and doc.tokens[k].lemma in PREVIOUS or \
        k > 0 and doc.tokens[k].lemma in PAST_POSTS and past(k - 1, {"занимать"})


def _venue(doc: Doc, mention: Mention) -> bool:
    return mention.unit.kind == "city" and mention.first_token > 0 and \
        doc.tokens[mention.first_token - 1].text.lower() in VENUE_PREPOSITIONS


def extract_officials(doc: Doc) -> list[Official]:
    offices = doc.offices
    persons = find_persons(doc, offices)
    link(doc, offices, persons)
    people = [p for p in _cluster(persons) if p.offices]
    # `посол ... Ермек Кошербаев. До назначения Кошербаев работал акимом`: the office held now
    current = {id(p): [o for o in p.offices if not _held_before(doc, o)] or p.offices for p in people}
    named = {id(o): _named_region(doc, o) for p in people for o in p.offices}
    chosen = {id(p): next((o for o in current[id(p)] if named[id(o)]), current[id(p)][0]) for p in people}
    taken = {(o.row.office, named[id(o)].name) for o in chosen.values() if named[id(o)]}
    held = {id(o) for p in people for o in p.offices}
    unheld = [o for o in offices if id(o) not in held and o.region and "nomn" in o.cases
              and o.row.scope != "diplomatic"]
    officials = []
    for person in people:
        office = chosen[id(person)]
        # an acting holder's bare office may be that of the region another holder of it left
        region = named[id(office)] or _default_region(
            doc, office, set() if office.acting else {name for kind, name in taken if kind == office.row.office},
            unheld)
        first = person.mentions[0]
        forms = tuple(dict.fromkeys(doc.text[m.start:m.end] for m in person.mentions))
        officials.append(Official(_name(person), office.position, None, region.name if region else None,
                                  len(person.mentions), forms, first.start, first.end,
                                  doc.sentence_at(first.start).text,
                                  tuple((m.start, m.end) for m in person.mentions)))
    return officials
