"""Person names: split into first name / initial / surname, give one key to all
mentions of a person, and write the name as `Имя Фамилия` in the nominative.

Order. A name is read in the order the text gives unless the words say
otherwise: a decree's `Иванов Иван Петрович` (patronymic last) and a list's
`Абаеву Даурену` (a surname shape first, a first name second) are turned
round; Chinese, Korean and Vietnamese names (`Ли Цян`, `Юн Сок Ёль`) and
Mongolian ones (`Пилжээ Лхагважав`) keep their order and every part.

Patronymics are dropped (SPEC: `person` without patronymic). A Kazakh
`-улы / -ұлы / -кызы / -қызы` word is a patronymic when the name has a
surname besides (`Ерлан Жаксылыкулы Карин` → `Ерлан Карин`) and the surname
when it has none (`Бауыржан Әбдіғалиұлы`), the way Kazakh documents use it.

Case. Every word of a name has readings (`name_forms`); the gender and case
all words agree on wins, weighed by how sure each reading is, restricted to
the cases the context allows (the office the name stands beside) when any
reading fits them. So `Сергеем Дегтярём` is Сергей Дегтярь and
`Абаеву Даурену Аскаровичу` is Даурен Абаев, a dative the patronymic proves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import parse
from .name_forms import (CASES, GENDERS, PARADIGM, TURKIC_PATRONYMIC, Reading, title,
                         first_name_readings, is_patronymic, patronymic_readings, reads_only_oblique,
                         surname_readings)

LETTER = "А-ЯЁA-ZӘҒҚҢӨҰҮҺІ"
# A patronymic in any case form (offices.py uses it to tell a name from a place).
PATRONYMIC = re.compile(r"(вич|вича|вичу|вичем|виче|[вч]н(а|ы|е|у|ой)|улы|ұлы|уулу|уулы|оглы|оглу"
                        r"|кызы|қызы|гызы)$", re.IGNORECASE)
# A Kyrgyz or Azerbaijani `уулу`, `кызы`, `оглы` written apart after the father's name: with it
# the surname (`Нурланбек Тургунбек уулу`), unless a surname follows (`Ильхам Гейдар оглы Алиев`).
SEPARATE_PATRONYMIC = frozenset({"уулу", "уулы", "кызы", "оглы", "оглу", "гызы"})
INITIAL = re.compile(f"^[{LETTER}]\\.$")
# An Arabic surname with its article: `ас-Сабах`, `аль-Асад`, `эль-Сиси`.
ARTICLE = re.compile(f"^(?:аль|ал|ас|ад|ан|ар|аш|ат|аз|эль|эд|эс|эш)-[{LETTER}]")
ROMAN = re.compile(r"^[IVX]+$")  # a monarch's number: `Абдалла II`
WORD = re.compile(f"[{LETTER}]\\.|[\\w’'-]+")
# A surname's shape in any case: Иванов, Абаеву, Зеленского, Ахметовой.
SURNAME_SHAPE = re.compile(r"(ов|ев|ёв|ин|цын)(а|у|ым|е|ой|ою)?$|(ск|цк)(ий|ого|ому|им|ом|ая|ой|ую)$",
                           re.IGNORECASE)
SURNAME_ENDINGS = re.compile(r"(ом|ем|ём|ой|ою|ей|а|я|у|ю|е|ы|и|ь|й)$")
# Chinese (Palladius), Korean and Vietnamese syllables as Russian spells them.
SYLLABLE = (r"(?:цз|чж|чх|тх|пх|кх|нг|дж|кк|тт|пп|сс|чч|[бпмфдтнлгкхцсчшжзвр])?"
            r"(?:уа|уо|уэ|уе|уй|уи|ый|ыо|иу|ие|эй|ай|ао|оу|ою|яо|юэ|юй|[аеёиоуыэюя])"
            r"(?:нг|нь|ль|н|м|к|п|т|р)?")
EAST_ASIAN_SURNAME = re.compile(f"{SYLLABLE}", re.IGNORECASE)
EAST_ASIAN_GIVEN = re.compile(f"{SYLLABLE}(?:-?{SYLLABLE})?(?:а|у|ом|ем|е|я|ю)?", re.IGNORECASE)
NOMINATIVE_PRIOR = 0.2  # a name standing alone is most often the subject
FLOOR = 0.1  # any word may be an indeclinable foreign name
CERTAIN = 10.0  # a mention only one gender can read


@dataclass(frozen=True)
class NameParts:
    first: str | None
    initial: str | None
    surname: str
    middle: tuple[str, ...] = ()  # kept parts of an East Asian name: Юн [Сок] Ёль
    patronymic: str | None = None  # dropped from the output, but it shows case and gender

    @property
    def key(self) -> str:
        """The surname's key; an East Asian surname comes first (`Си Цзиньпин` ... `Си отметил`)."""
        return surname_key(self.first if self.east_asian else self.surname)

    @property
    def east_asian(self) -> bool:
        return is_east_asian([w for w in (self.first, *self.middle, self.surname) if w])


def is_east_asian(words: list[str]) -> bool:
    """`Ли Цян`, `Си Цзиньпин`, `Юн Сок Ёль`: a one-syllable surname first, short given names."""
    return len(words) >= 2 and bool(EAST_ASIAN_SURNAME.fullmatch(words[0])) \
        and all(EAST_ASIAN_GIVEN.fullmatch(w) for w in words[1:])


def word_kind(word: str) -> str | None:
    """'name' for a word that can be part of a name, 'syllable' for an East Asian syllable
    that is also a Russian word (`Ли`, `Сок`: a name only among others like it), else None
    (a word pymorphy3 knows only as something else: `Новости`, `Республики`)."""
    known = [p for p in parse(word) if p.is_known]
    if not known or any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in known):
        return "name"  # the dictionary does not know it (most foreign names) or knows a name
    return "syllable" if is_east_asian([word, word]) else None


def _known_first_name(word: str) -> bool:
    return any("Name" in p.tag and p.is_known and p.tag.number == "sing" for p in parse(word))


def _ends_like_western_name(word: str) -> bool:
    """`Гэвин Ньюсом`, `Джастин Трюдо`: a bare `-ин` is as often a foreign first name, so it
    puts a surname first only before a first name pymorphy3 knows (`Путину Владимиру`)."""
    return word.lower().endswith("ин")


def _looks_first(word: str) -> bool:
    """A first name pymorphy3 knows (Марине), or a word of no surname shape it takes for a
    name or does not know at all (Ерболат)."""
    if _known_first_name(word):
        return True
    parses = parse(word)
    return not SURNAME_SHAPE.search(word) and (
        any("Name" in p.tag and p.tag.number == "sing" for p in parses)
        or not any(p.is_known for p in parses))


def split_name(text: str) -> NameParts | None:
    words = WORD.findall(text)
    initials = [w for w in words if INITIAL.match(w)]
    # Lists and decrees may write a surname in capitals: ИВАНОВ Иван
    full = [title(w.lower()) if w.isupper() and len(w) > 1 and not ROMAN.match(w) else w
            for w in words if not INITIAL.match(w) and (w[:1].isupper() or ARTICLE.match(w))]
    # NER runs on into a word after the name: `Болат Акчулаков Новости`
    full = full[:2] + [w for w in full[2:] if word_kind(w)]
    if not full:
        return None
    if words[-1] in SEPARATE_PATRONYMIC and len(words) > 1 and words[-2] == full[-1]:
        surname = f"{full[-1]} {words[-1]}"
        return NameParts(full[0], full[0][0], surname) if len(full) > 1 else NameParts(None, None, surname)
    if initials and len(full) == 1:  # С. Ахметов, С.Ахметов, Ахметов С.
        return NameParts(None, initials[0][0], full[0])
    if len(full) == 1:
        return NameParts(None, None, full[0])
    if is_east_asian(full):
        return NameParts(full[0], full[0][0], full[-1], tuple(full[1:-1]))
    patronymic = None
    if len(full) >= 3:
        if is_patronymic(full[-1]) and not is_patronymic(full[1]):
            full, patronymic = [full[1], full[0]], full[-1]  # a decree: Иванов Иван Петрович
        else:
            patronymic = full[1] if is_patronymic(full[1]) else None
            # `Нурлан Ногаев Атырау`: a surname's shape in the middle and none after it
            run_on = not patronymic and SURNAME_SHAPE.search(full[1]) and not SURNAME_SHAPE.search(full[-1])
            full = [full[0], full[1] if run_on else full[-1]]
    first, surname = full
    if TURKIC_PATRONYMIC.search(first) and not TURKIC_PATRONYMIC.search(surname) or \
            SURNAME_SHAPE.search(first) and not _known_first_name(first) and _looks_first(surname) and \
            (_known_first_name(surname) or not _ends_like_western_name(first)):
        first, surname = surname, first  # a list: Абаеву Даурену, Әбдіғалиұлы Бауыржан
    return NameParts(first, first[0], surname, (), patronymic)


def surname_key(surname: str) -> str:
    """One key for every case form of a surname: Ахметова, Ахметову, Ахметов → ахметов;
    Дегтярь, Дегтярём → дегтяр."""
    s = surname.lower().replace("ё", "е")
    m = SURNAME_SHAPE.search(s)
    if m and m.group(1):
        return s[:m.end(1)]
    if m:
        return s[:m.end(3)]
    m = SURNAME_ENDINGS.search(s)
    return s[:m.start()] if m and m.start() >= 2 else s


def _word_readings(parts: NameParts) -> list[tuple[Reading, ...]]:
    """Readings of each word that has to agree: first name, patronymic, surname."""
    words = []
    if parts.first:
        # An East Asian surname (the first word) does not decline.
        words.append(tuple(Reading(parts.first, g, c, PARADIGM) for g in GENDERS for c in CASES)
                     if parts.east_asian else first_name_readings(parts.first))
    if parts.patronymic:
        words.append(patronymic_readings(parts.patronymic))
    words.append(surname_readings(parts.surname))
    return words


def _options(parts: NameParts, genders, cases: frozenset[str]) -> list[tuple]:
    """(rank, score, gender, case) for each reading, best first. Every word fitting ranks
    above the context's case, and the context above a partial fit."""
    words = _word_readings(parts)
    options = []
    for gender in genders:
        for case in CASES:
            weights = [max((r.weight for r in readings if r.gender == gender and r.case == case),
                           default=0.0) for readings in words]
            score = sum(w or FLOOR for w in weights) + (NOMINATIVE_PRIOR if case == "nomn" else 0.0)
            fits, in_context = all(weights), case in cases
            rank = 3 if fits and in_context else 2 if fits else 1 if in_context else 0
            options.append((rank, score, gender, case))
    return sorted(options, reverse=True)


def _nominative(word: str, readings: tuple[Reading, ...], gender: str, case: str,
                role: str | None = None) -> str:
    """The word's nominative for the chosen reading; never a form pymorphy3 reads only as an
    oblique case (`Сергеем`) in the word's `role`: then the best reading of that gender that
    gives another."""
    fitting = [r for r in readings if r.gender == gender and r.case == case]
    if not fitting and not reads_only_oblique(word, role):
        return word  # a word no reading fits (a foreign name) stays as it is
    fitting = fitting or [r for r in readings if r.weight >= PARADIGM and r.gender == gender]
    good = [r for r in fitting if not reads_only_oblique(r.nominative, role)]
    if good:
        return max(good, key=lambda r: r.weight).nominative
    return word


def can_stand_in(parts: NameParts, case: str) -> bool:
    """Whether every word of the name has a reading in the case, for one gender."""
    return any(rank >= 2 and c == case for rank, _, _, c in _options(parts, GENDERS, frozenset({case})))


def gender_votes(parts: NameParts, cases: frozenset[str]) -> dict[str, float]:
    """How much more one mention's words fit a man than a woman (or the other way round)."""
    told = {r.gender for r in patronymic_readings(parts.patronymic)} if parts.patronymic else set()
    if len(told) == 1:  # `Жакупова Салтанат Маратовна`: a patronymic tells the gender for certain
        return {g: CERTAIN if g in told else 0.0 for g in GENDERS}
    options = _options(parts, GENDERS, cases)
    rank, score, gender, _ = options[0]
    if not any(o[0] >= 2 for o in options if o[2] != gender):
        score, other = CERTAIN, 0.0  # `Султанов` is a man whatever the case
    else:
        other = max((o[1] for o in options if o[2] != gender and o[0] == rank), default=0.0)
    return {gender: score - other, next(g for g in GENDERS if g != gender): 0.0}


def surname_cases(surname: str, gender: str | None = None) -> frozenset[str]:
    """Cases a surname can stand in, by its ending; all of them for one that does not decline."""
    readings = [r for r in surname_readings(surname)
                if r.weight >= PARADIGM and (gender is None or r.gender == gender)]
    return frozenset(r.case for r in readings) or frozenset(CASES)


def full_name(parts: NameParts, gender: str, cases: frozenset[str]) -> str:
    """`Имя Фамилия` (or `И. Фамилия`) in the nominative, for the mention's gender and context."""
    _, _, gender, case = _options(parts, (gender,), cases or frozenset(CASES))[0]
    surname = _nominative(parts.surname, surname_readings(parts.surname), gender, case, "Surn")
    if parts.first:
        first = parts.first if parts.east_asian else \
            _nominative(parts.first, first_name_readings(parts.first), gender, case)
        return " ".join((first, *parts.middle, surname))
    if parts.initial:
        return f"{parts.initial}. {surname}"
    return surname


def nominative_name(text: str, cases: frozenset[str] = frozenset()) -> str | None:
    """One mention's name as `Имя Фамилия` in the nominative; `cases` are what the context
    allows (the office beside it), empty if unknown."""
    parts = split_name(text)
    if parts is None:
        return None
    votes = gender_votes(parts, cases)
    return full_name(parts, max(GENDERS, key=lambda g: votes[g]), cases)
