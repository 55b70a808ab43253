"""Doc → officials: persons NER finds, tied to an office, one row per person.

Links, in order of trust: an office right before a name (`аким Атырауской
области Нурлан Ногаев`, a plural office shared by coordinated names), a
name right before its office (`Нурлан Ногаев, аким ...`), and last an office
without a name tied to the nearest person in the same, next or previous
sentence (`Премьер-Министр РК ...` / `С.Ахметов отметил`). Names must agree
in case with the office beside them, so `с послом Арман Абенов` links nothing.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ..nlp import Doc, parse
from ..records import Official
from .names import NameParts, full_name, gender_votes, split_name, surname_cases
from .offices import OfficeMention

APPOSITION_GAP = 8
LINKING_PUNCTUATION = {",", "—", "–", "-"}
COORDINATION = {",", "и"}


@dataclass
class PersonMention:
    parts: NameParts
    start: int
    end: int
    first_token: int
    last_token: int
    office: OfficeMention | None = None

    def cases(self) -> frozenset[str]:
        return self.office.cases if self.office else frozenset()


@dataclass
class Person:
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def offices(self) -> list[OfficeMention]:
        return [m.office for m in self.mentions if m.office]


def _persons(doc: Doc, offices: list[OfficeMention]) -> list[PersonMention]:
    found = []
    for span in doc.spans:
        if span.type != "PER":
            continue
        start = span.start
        for office in offices:  # NER may take the office in: `[Аким Актобе] Асхат Шахаров`
            if office.start <= start < office.end or (start <= office.start < span.end):
                start = max(start, doc.tokens[office.last_token - 1].end)
        # NER spans sometimes run across a paragraph break: the name is on the first line.
        text = doc.text[start:span.end].split("\n")[0]
        parts = split_name(text)
        if parts:
            first = doc.token_index(start)
            while doc.tokens[first].end <= start or not doc.tokens[first].text.strip():
                first += 1
            start = doc.tokens[first].start
            end = start + len(text.rstrip())
            found.append(PersonMention(parts, start, end, first, doc.token_index(end)))
    return found


def _name_cases(parts: NameParts) -> frozenset[str]:
    """Cases the name can stand in: its surname's ending, or a first name pymorphy3 knows."""
    known = frozenset(p.tag.case for p in parse(parts.first or "") if "Name" in p.tag and p.is_known)
    return surname_cases(parts.surname) | known


def _agree(office: OfficeMention, person: PersonMention) -> bool:
    name_cases = _name_cases(person.parts)
    return not name_cases or not office.cases or bool(name_cases & office.cases)


def _gap_is_filler(doc: Doc, start: int, stop: int, place_tokens: set[int]) -> bool:
    """Tokens between an office and its holder: places (`Республики Беларусь в Казахстане`) only."""
    if stop - start > APPOSITION_GAP:
        return False
    for k in range(start, stop):
        token = doc.tokens[k]
        if k in place_tokens or token.text in {"в", "РК", "РФ"}:
            continue
        return False
    return True


def _link(doc: Doc, offices: list[OfficeMention], persons: list[PersonMention]) -> None:
    place_tokens = {t for m in doc.regions for t in range(m.first_token, m.last_token)}
    place_tokens |= {doc.token_index(s.start) + i for s in doc.spans if s.type == "LOC"
                     for i in range(doc.token_index(s.end) - doc.token_index(s.start))}
    by_first = {p.first_token: p for p in persons}
    by_last = {p.last_token: p for p in persons}
    linked_offices = set()
    for office in offices:
        following = next((p for p in persons if p.first_token >= office.last_token), None)
        if following and _gap_is_filler(doc, office.last_token, following.first_token, place_tokens) \
                and _agree(office, following):
            following.office = office
            linked_offices.add(id(office))
            if office.plural:
                _share_plural_office(doc, office, following, by_first)
        before = office.first_token - 1
        if before >= 0 and doc.tokens[before].text in LINKING_PUNCTUATION and before in by_last:
            person = by_last[before]
            if person.office is None and _agree(office, person):
                person.office = office
                linked_offices.add(id(office))
    _link_across_sentences(doc, [o for o in offices if id(o) not in linked_offices], persons)


def _share_plural_office(doc: Doc, office: OfficeMention, first: PersonMention,
                         by_first: dict[int, PersonMention]) -> None:
    """`акимы Павлодарской области Скаков и Костанайской области Мухамбетов`, or
    `акимов областей Ахметова и Султанова`: each coordinated name holds the office,
    with the region named right before it, if any."""
    regions = {m.first_token: m for m in doc.regions}
    k = first.last_token
    while k < len(doc.tokens) and doc.tokens[k].text in COORDINATION:
        k += 1
        region = None
        if k in regions:
            region, k = regions[k].unit, regions[k].last_token
        if k not in by_first:
            return
        by_first[k].office = replace(office, region=region) if region else office
        k = by_first[k].last_token


def _link_across_sentences(doc: Doc, offices: list[OfficeMention], persons: list[PersonMention]) -> None:
    """An office without a name, tied to the nearest person still without one.

    A subject (`Премьер-Министр РК ...` / `С.Ахметов отметил`, `Аким столицы
    ознакомился`) looks in its sentence, the next, then the previous one. A
    genitive (`пресс-служба акима ...`) only to a name that opens the next
    sentence: `Послание Президента. Затем выступил Бахыт Султанов` speaks of an
    office, not of the man."""
    def opens_sentence(person: PersonMention) -> bool:
        start = doc.sentence_at(person.start).start
        return not re.search(r"\w", doc.text[start:person.start])

    holders = {p.parts.key for p in persons if p.office}
    holders |= {p.parts.key for p in persons if _has_other_role(doc, p)}
    subjects = [o for o in offices if "nomn" in o.cases]
    genitives = [o for o in offices if "gent" in o.cases and "nomn" not in o.cases]
    in_sentence = defaultdict(list)  # persons by sentence: a scan of all per office is quadratic
    for p in persons:
        in_sentence[doc.sentence_index(p.start)].append(p)
    for office, subject in [(o, True) for o in subjects] + [(o, False) for o in genitives]:
        if office.plural:
            continue
        here = doc.sentence_index(office.start)
        targets = (here, here + 1, here - 1) if subject else (here + 1,)
        for target in targets:
            candidates = [p for p in in_sentence[target] if p.parts.key not in holders
                          and (subject or opens_sentence(p))]
            if candidates:
                person = candidates[0] if target != here - 1 else candidates[-1]
                person.office = office
                holders.add(person.parts.key)
                break


def _has_other_role(doc: Doc, person: PersonMention) -> bool:
    """`журналист Иван Петров`, `директор завода Иван Петров`: a role that is no office."""
    before = person.first_token - 1
    if before < 0:
        return False
    word = doc.tokens[before].text
    return word.isalpha() and any(p.tag.POS == "NOUN" and "anim" in p.tag and p.is_known and
                                  not {"Name", "Surn", "Patr"} & set(p.tag.grammemes)
                                  for p in parse(word)[:1])


def _cluster(persons: list[PersonMention]) -> list[Person]:
    """Mentions of one person: same surname key, compatible initials (Ю.Берг, Юрий Берг, Берг)."""
    people: list[Person] = []
    for mention in persons:
        home = next((p for p in people if p.mentions[0].parts.key == mention.parts.key and
                     all(not m.parts.initial or not mention.parts.initial or
                         m.parts.initial == mention.parts.initial for m in p.mentions)), None)
        if home is None:
            home = Person()
            people.append(home)
        home.mentions.append(mention)
    return people


def _name(person: Person) -> str:
    votes = Counter()
    for m in person.mentions:
        votes.update(gender_votes(m.parts, m.cases()))
    gender = "femn" if votes["femn"] > votes["masc"] else "masc"
    fullest = max(len([x for x in (m.parts.first, m.parts.initial) if x]) for m in person.mentions)
    best = [m for m in person.mentions if len([x for x in (m.parts.first, m.parts.initial) if x]) == fullest]
    # A mention beside its office knows its case best; the most frequent reading wins.
    names = Counter(full_name(m.parts, gender, m.cases() or _name_cases(m.parts)) for m in best)
    with_office = [full_name(m.parts, gender, m.cases()) for m in best if m.office]
    return max(names, key=lambda n: (names[n], n in with_office))


def _default_region(doc: Doc, office: OfficeMention, taken: set[str]):
    """`аким области`, `глава региона`: the region of the office's country the text is about."""
    if not office.row.countries or office.names_other_place:
        return None
    candidates = [m for m in doc.regions if m.unit.country in office.row.countries
                  and m.unit.name not in taken]
    sentence = doc.sentence_at(office.start)
    nearby = [m for m in candidates if sentence.start <= m.start < office.start]
    if nearby:
        return nearby[-1].unit
    counts = Counter(m.unit for m in candidates)
    return max(counts, key=lambda u: (counts[u], -next(m.start for m in candidates if m.unit == u)),
               default=None)


def extract_officials(doc: Doc) -> list[Official]:
    offices = doc.offices
    persons = _persons(doc, offices)
    _link(doc, offices, persons)
    people = [p for p in _cluster(persons) if p.offices]
    chosen = {id(p): next((o for o in p.offices if o.region), p.offices[0]) for p in people}
    taken = {(o.row.office, o.region.name) for o in chosen.values() if o.region}
    officials = []
    for person in people:
        office = chosen[id(person)]
        region = office.region or _default_region(
            doc, office, {name for kind, name in taken if kind == office.row.office})
        first = person.mentions[0]
        forms = tuple(dict.fromkeys(doc.text[m.start:m.end] for m in person.mentions))
        officials.append(Official(_name(person), office.position, None, region.name if region else None,
                                  len(person.mentions), forms, first.start, first.end,
                                  doc.sentence_at(first.start).text,
                                  tuple((m.start, m.end) for m in person.mentions)))
    return officials
