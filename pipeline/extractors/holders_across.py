"""An office still without a name, tied to the nearest free person in the next or the
previous sentence (`Премьер-Министр РК ...` / `С.Ахметов отметил`), unless that person
has a role of their own (`журналист Иван Петров`, `Иван Петров, директор водоканала`).
"""
from __future__ import annotations

import re

from ..nlp import Doc, parse
from ..syntax import SentenceSyntax
from .offices import OfficeMention
from .persons import PersonMention, is_dateline

COORDINATION = {",", "и"}


def link_across_sentences(doc: Doc, offices: list[OfficeMention], persons: list[PersonMention]) -> None:
    """An office without a name, tied to the nearest person still without one in the next or
    the previous sentence (its own has no free name, or the tree was asked about it).

    A subject (`Премьер-Министр РК ...` / `С.Ахметов отметил`, `Аким столицы
    ознакомился`) looks in the next sentence, then the previous one. An office
    in another case (`пресс-служба акима ...`, `встретился с губернатором`) only
    to a name that opens the next sentence: `Послание Президента. Затем выступил
    Бахыт Султанов` speaks of an office, not of the man. A bare office whose kind
    someone already holds (`губернатор заявил`) is that holder named again. The
    name's case is what natasha's tagger reads in its own sentence."""
    def opens_sentence(person: PersonMention) -> bool:
        start = doc.sentence_at(person.start).start
        return not re.search(r"\w", doc.text[start:person.start])

    def bare(office: OfficeMention) -> bool:
        return office.region is None and not office.names_other_place and \
            all(doc.tokens[k].text.islower() for k in range(office.first_token + 1, office.last_token))

    holders = {p.parts.key for p in persons if p.office}
    holders |= with_other_roles(doc, persons)
    held = {p.office.row for p in persons if p.office}
    subjects = [o for o in offices if "nomn" in o.cases]
    obliques = [o for o in offices if o.cases and "nomn" not in o.cases]
    for office in subjects + obliques:
        if office.plural or (office.row in held and bare(office)):
            continue
        here = doc.sentence_index(office.start)
        reported = _reported_by_press_service(doc, office, [p for p in persons if p.parts.key not in holders])
        if reported:
            reported.hold(office, frozenset({"nomn"}))
            holders.add(reported.parts.key)
            continue
        after, before = _beside(doc, here, 1), _beside(doc, here, -1)
        for target in (after, before) if office in subjects else (after,):
            candidates = [p for p in persons if doc.sentence_index(p.start) == target
                          and p.parts.key not in holders
                          and (office in subjects or opens_sentence(p))]
            if candidates:
                syntax = doc.syntax(target)
                # the sentence before: its subject (`Зеленский провел переговоры с Трампом.
                # Президент Украины ...`), else the name nearest the office
                subjects_before = [p for p in candidates if _tagged_case(syntax, p) == "nomn"
                                   and _subject(syntax, p)]
                person = candidates[0] if target > here else (subjects_before or candidates[-1:])[0]
                case = _tagged_case(syntax, person)
                person.hold(office, frozenset({case}) if case else frozenset())
                holders.add(person.parts.key)
                break


def _beside(doc: Doc, here: int, step: int) -> int:
    """The sentence after (`step` 1) or before (-1) this one, past a date line: a headline's
    office is held by the name of the lead (`Губернатор ... посетил Павлодар` / `Павлодар,
    12 сентября 2019` / `Андрей Травников прибыл ...`)."""
    k = here + step
    while 0 <= k < len(doc.sentences) and (is_dateline(doc.sentences[k].text) or
                                           WIRE_TAG.fullmatch(doc.sentences[k].text.strip())):
        k += step
    return k


WIRE_TAG = re.compile(r"\W*[A-ZА-ЯЁ][\w-]*\W*")  # `/ТАСС/.`, `(УзА)` split from its date line


def _tagged_case(syntax: SentenceSyntax, person: PersonMention) -> str | None:
    """The case natasha's tagger reads on the name in its own sentence."""
    word = syntax.words.get(syntax.root(person.first_token, person.last_token))
    return word.case if word else None


def _subject(syntax: SentenceSyntax, person: PersonMention) -> bool:
    """The name is a subject in the tree (the first of coordinated ones: `Пашинян и Алиев провели`)."""
    return syntax.rel(syntax.root(person.first_token, person.last_token)) in ("nsubj", "nsubj:pass")


PRESS_SERVICES = {"пресс-служба", "пресс-центр"}


def _reported_by_press_service(doc: Doc, office: OfficeMention,
                               free: list[PersonMention]) -> PersonMention | None:
    """`Как сообщила пресс-служба президента Узбекистана, Шавкат Мирзиёев провел ...`: the
    press service of an office reports on its holder, the name that opens the main clause."""
    k = office.first_token - 1
    if k < 0 or doc.tokens[k].lemma not in PRESS_SERVICES:
        return None
    sentence = doc.sentence_at(office.start)
    comma = next((t for t in range(office.last_token, len(doc.tokens))
                  if doc.tokens[t].start >= sentence.end or doc.tokens[t].text == ","), None)
    return next((p for p in free if comma is not None and p.first_token == comma + 1
                 and p.start < sentence.end), None)


def with_other_roles(doc: Doc, persons: list[PersonMention]) -> set[str]:
    """Keys of persons with a role that is no office, and of the names coordinated with
    them (`руководители предприятий Иван Петров и Марат Ахметов`)."""
    keys, previous = set(), None
    for person in persons:
        coordinated = previous is not None and previous.last_token == person.first_token - 1 and \
            doc.tokens[previous.last_token].text in COORDINATION and previous.parts.key in keys
        if coordinated or _has_other_role(doc, person):
            keys.add(person.parts.key)
        previous = person
    return keys


ROLE_LOOKBACK = 3  # `руководители предприятий Иван Петров`


def _has_other_role(doc: Doc, person: PersonMention) -> bool:
    """`журналист Иван Петров`, `руководители предприятий Иван Петров`, `Иван Петров, директор
    водоканала`: a role that is no office, before the name in its clause or right after it."""
    after = person.last_token
    if after + 1 < len(doc.tokens) and doc.tokens[after].text == "," and _is_role(doc.tokens[after + 1].text):
        return True
    for k in range(person.first_token - 1, max(person.first_token - 1 - ROLE_LOOKBACK, -1), -1):
        word = doc.tokens[k].text
        if not word.isalpha():
            return False
        if _is_role(word):
            return True
    return False


def _is_role(word: str) -> bool:
    """A noun for a person (`директор`, `житель`), not a name."""
    return word.isalpha() and any(
        p.tag.POS == "NOUN" and "anim" in p.tag and p.is_known and
        not {"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parse(word)[:1])
