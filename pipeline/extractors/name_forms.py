"""Case forms of name words: every (gender, case) a first name, surname or
patronymic can stand in, and its nominative for that reading.

A word gets readings from pymorphy3 (its dictionary first: `Сергеем` is
Сергей in the instrumental), then from the declension paradigms of surnames
it does not know (`Абаеву`: his dative or her accusative; `Дегтярём`:
Дегтярь in the instrumental; `Камиямой`: Камияма), then the word as it
stands, for names that do not decline (`Хоценко`, `Тосио`, a woman's
`Меркель`). Each reading has a weight, how much the evidence is worth;
`names.py` picks the gender and case all words of a name agree on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..nlp import parse

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
GENDERS = ("masc", "femn")
KNOWN, PARADIGM, GUESS, AS_IS = 3.0, 1.0, 0.8, 0.5  # weights, from dictionary to fallback
JAPANESE_WEIGHT = 1.5  # Кисидой is Кисида's instrumental rather than a Толстой

VOWELS = "аеёиоуыэюяәөүұі"
SIBILANTS = "жшчщц"
# Surnames that never decline, for both genders: Седых, Хоценко, Гарибашвили, Кобахидзе,
# Рахимзода, Нурланулы, Абенкызы.
INDECLINABLE = re.compile(r"(ых|их|ко|швили|дзе|зода|заде|[оэ]|улы|ұлы|уулу|уулы|оглы|оглу|кызы|қызы|гызы)$",
                          re.IGNORECASE)
# Vowels that end indeclinable surnames too, but also case forms: Тхи, Мачавариани; Бергу.
WEAK_INDECLINABLE = {"и": GUESS, "у": AS_IS, "ю": AS_IS, "е": AS_IS}
# Japanese words are made of kana syllables: Камияма, Кисида (no Kazakh Айпа, Рахмона).
JAPANESE = re.compile(r"(?!.*(?:аа|ээ|уу|өө))"
                      r"(?:(?:[кгсдзтнхфбпмрв]|дз|ц)?[аиуэо]|(?:[кгсдтнхбпмр]|дз)?[яюё]|н)+$", re.IGNORECASE)
# A Mongolian patronymic is a genitive and stays as it is: Ухнаагийн, Намбарын.
MONGOLIAN_PATRONYMIC = re.compile(r"(ийн|иин|[^ц]ын)$", re.IGNORECASE)
OBLIQUE_LOOKING = re.compile(r"(ом|ем|ём|ым|им|ому|ого|ою)$", re.IGNORECASE)
RUSSIAN_STEM = re.compile(r"(ов|ев|ёв|ин|цын)$", re.IGNORECASE)  # Иванов, Путин, Мирзиёев, Синицын
ADJECTIVE_STEM = re.compile(r"(ск|цк)$", re.IGNORECASE)  # Зеленский, Вишневская
# `Потомского`, `Зеленского`: the genitive of an -ский surname, not an indeclinable in -о.
ADJECTIVE_GENITIVE = re.compile(r"(ск|цк)ого$", re.IGNORECASE)
TURKIC_PATRONYMIC = re.compile(r"(улы|ұлы|уулу|уулы|оглы|оглу|кызы|қызы|гызы)$", re.IGNORECASE)


def _cases(names: str) -> frozenset[str]:
    return frozenset(names.split())


# A surname paradigm: which stems it fits, the gender, the nominative ending, and for
# each ending the cases it marks. Ambiguous endings list several cases.
@dataclass(frozen=True)
class Paradigm:
    stem: re.Pattern
    gender: str
    nominative: str
    endings: tuple[tuple[str, frozenset[str]], ...]
    weight: float


def _paradigm(stem: str, gender: str, nominative: str, endings: dict[str, str], weight: float):
    return Paradigm(re.compile(stem + "$", re.IGNORECASE), gender, nominative,
                    tuple((e, _cases(c)) for e, c in endings.items()), weight)


CONSONANT = f"[^{VOWELS}ьй]"
HARD_CONSONANT = f"[^{VOWELS}ьй{SIBILANTS}]"
SURNAME_PARADIGMS = (
    _paradigm(RUSSIAN_STEM.pattern[:-1], "masc", "",
              {"": "nomn", "а": "gent accs", "у": "datv", "ым": "ablt", "е": "loct"}, KNOWN),
    _paradigm(RUSSIAN_STEM.pattern[:-1], "femn", "а",
              {"а": "nomn", "ой": "gent datv ablt loct", "у": "accs", "ою": "ablt"}, KNOWN),
    _paradigm(ADJECTIVE_STEM.pattern[:-1], "masc", "ий",
              {"ий": "nomn", "ого": "gent accs", "ому": "datv", "им": "ablt", "ом": "loct"}, KNOWN),
    _paradigm(ADJECTIVE_STEM.pattern[:-1], "femn", "ая",
              {"ая": "nomn", "ой": "gent datv ablt loct", "ую": "accs"}, KNOWN),
    # A man's foreign surname declines like a noun: Паслер, Ковальчук, Пашинян, Айп.
    _paradigm(HARD_CONSONANT, "masc", "",
              {"": "nomn", "а": "gent accs", "у": "datv", "ом": "ablt", "е": "loct"}, PARADIGM),
    _paradigm(f"[{SIBILANTS}]", "masc", "",  # Бабич, Кравец → Бабичем
              {"": "nomn", "а": "gent accs", "у": "datv", "ем": "ablt", "е": "loct"}, PARADIGM),
    _paradigm(CONSONANT, "masc", "ь",  # Дегтярь → Дегтяря, Дегтярём
              {"ь": "nomn", "я": "gent accs", "ю": "datv", "ем": "ablt", "ём": "ablt", "е": "loct"},
              PARADIGM),
    _paradigm(f"[{VOWELS}]", "masc", "й",  # Синжуй, Гайдай → Синжуем
              {"й": "nomn", "я": "gent accs", "ю": "datv", "ем": "ablt", "е": "loct"}, PARADIGM),
    # Surnames in -а / -я decline for both genders: Камияма → Камиямой. Rarer than a
    # genitive of a man's consonant-final surname (Рахмона), except Japanese ones.
    *(_paradigm(f"[^{SIBILANTS}гкх]", gender, "а",
                {"а": "nomn", "ы": "gent", "е": "datv loct", "у": "accs", "ой": "ablt"}, AS_IS)
      for gender in GENDERS),
    *(_paradigm(f"[{SIBILANTS}гкх]", gender, "а",
                {"а": "nomn", "и": "gent", "е": "datv loct", "у": "accs", "ой": "ablt"}, AS_IS)
      for gender in GENDERS),
    *(_paradigm("и", gender, "я",  # Данелия → Данелии
                {"я": "nomn", "и": "gent datv loct", "ю": "accs", "ей": "ablt"}, AS_IS)
      for gender in GENDERS),
)


@dataclass(frozen=True)
class Reading:
    nominative: str
    gender: str
    case: str
    weight: float


def title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _replace_ending(word: str, ending: str, new: str) -> str:
    return word[: len(word) - len(ending)] + new if ending else word + new


def _pymorphy_readings(word: str, role: str, known_weight: float, guess_weight: float) -> list[Reading]:
    """pymorphy3's singular readings of a name word in `role` (Name, Surn, Patr)."""
    readings = []
    for p in parse(word):
        if role not in p.tag or p.tag.number == "plur" or p.tag.case not in CASES:
            continue
        genders = GENDERS if "ms-f" in p.tag else tuple(g for g in GENDERS if g in p.tag)
        form = p.inflect({"nomn", "sing"})
        if form is None:
            continue
        # pymorphy3's score breaks ties between dictionary readings, and a declined name beats
        # an indeclinable homograph (`Анне` is rather Анна's dative than a French Anne).
        fixed = 0.05 if "Fixd" in p.tag else 0.0
        weight = known_weight + p.score / 10 - fixed if p.is_known else guess_weight
        readings += [Reading(title(form.word), g, p.tag.case, weight) for g in genders]
    return readings


def reads_only_oblique(word: str, role: str | None = None) -> bool:
    """pymorphy3 knows the word in the singular, and only in cases other than the nominative
    (`Сергеем`). Plural readings do not count: Седых is a surname, not `седых`. With a `role`
    (Surn) only readings in that role count: a foreign surname that is some common word's
    oblique form (`Милей`, `миля`) or a first name's (`Аты`) is no oblique surname."""
    known = [p for p in parse(word) if p.is_known and p.tag.case and p.tag.number != "plur"
             and (role is None or role in p.tag)]
    return bool(known) and all(p.tag.case != "nomn" for p in known)


def _as_is(word: str, genders, cases, weight: float) -> list[Reading]:
    if reads_only_oblique(word):
        return []
    return [Reading(word, g, c, weight) for g in genders for c in cases]


@lru_cache(maxsize=20_000)
def surname_readings(word: str) -> tuple[Reading, ...]:
    """pymorphy3's known surnames, the indeclinables, every paradigm the ending fits, and
    the word as it stands (a woman's foreign surname; a nominative nothing else gives)."""
    readings = _pymorphy_readings(word, "Surn", KNOWN, 0.0)
    lower = word.lower()
    if INDECLINABLE.search(lower) and not ADJECTIVE_GENITIVE.search(lower):
        readings += _as_is(word, GENDERS, CASES, KNOWN)
    elif lower[-1:] in WEAK_INDECLINABLE:
        readings += _as_is(word, GENDERS, CASES, WEAK_INDECLINABLE[lower[-1]])
        if lower.endswith("и") and JAPANESE.match(lower):  # Судзуки, Кавасаки: as likely a Japanese
            # nominative as the genitive of a Танака (`Танаки`), which a genitive context still reads
            readings += _as_is(word, GENDERS, tuple(c for c in CASES if c != "gent"), JAPANESE_WEIGHT)
    for paradigm in SURNAME_PARADIGMS:
        for ending, cases in paradigm.endings:
            if not lower.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)] if ending else word
            if len(stem) < 2 or not paradigm.stem.search(stem):
                continue
            nominative = stem + paradigm.nominative
            weight = paradigm.weight
            if paradigm.nominative == "а" and JAPANESE.match(nominative.lower()):
                weight = JAPANESE_WEIGHT
            elif not ending and OBLIQUE_LOOKING.search(lower):
                weight = AS_IS  # Паслером is rather Паслер's instrumental
            readings += [Reading(nominative, paradigm.gender, c, weight) for c in cases]
    if not RUSSIAN_STEM.search(lower) and lower[-1:] not in VOWELS + "й" \
            and not OBLIQUE_LOOKING.search(lower):
        readings += _as_is(word, ("femn",), CASES, PARADIGM)  # a woman's Меркель, Берг
    if not any(r.case == "nomn" for r in readings) and not OBLIQUE_LOOKING.search(lower):
        readings += _as_is(word, GENDERS, ("nomn",), AS_IS)
    return tuple(r for r in readings if r.weight > 0)


OBLIQUE_FIRST_NAME = re.compile(r"(у|ю|ом|ем|ём|ой|ей|ою|ею)$", re.IGNORECASE)  # Нуржану, Ольгой
# `гуль` (a flower) makes Central Asian women's names: Гульшара, Айгуль, Бибигуль (not Гулом).
FEMALE_NAME_PART = re.compile(r"гуль|гүл|^гул(?!ом|ям)", re.IGNORECASE)


# Case endings of first names pymorphy3 does not know (Даниала, Асаином, Гульшары, Адилем;
# not Адиля, Наилю, which are women's names as well).
FIRST_NAME_ENDINGS = {
    "masc": [("ием", "ий", "ablt"), ("еем", "ей", "ablt"), ("лем", "ль", "ablt"), ("ия", "ий", "gent accs"),
             ("ея", "ей", "gent accs"), ("ию", "ий", "datv"), ("ею", "ей", "datv"),
             ("ом", "", "ablt"), ("а", "", "gent accs"), ("у", "", "datv"), ("е", "", "loct")],
    "femn": [("ой", "а", "ablt"), ("ей", "я", "ablt"), ("ы", "а", "gent"), ("и", "я", "gent datv loct"),
             ("е", "а", "datv loct"), ("у", "а", "accs"), ("ю", "я", "accs")],
}


@lru_cache(maxsize=20_000)
def first_name_readings(word: str) -> tuple[Reading, ...]:
    """The dictionary's readings, weak ending rules beside them; for a name it does not
    know, the ending rules, and the word as it stands."""
    readings = _pymorphy_readings(word, "Name", KNOWN, GUESS)
    known = any(r.weight == KNOWN for r in readings)
    lower = word.lower()
    if MONGOLIAN_PATRONYMIC.search(lower):
        return tuple(readings) + tuple(_as_is(word, GENDERS, CASES, PARADIGM))
    for gender, endings in FIRST_NAME_ENDINGS.items():
        for ending, nominative, cases in endings:
            if lower.endswith(ending) and len(word) - len(ending) >= 2:
                readings += [Reading(_replace_ending(word, ending, nominative), gender, c,
                                     AS_IS if known else GUESS) for c in cases.split()]
    if known:
        return tuple(readings)
    if JAPANESE.match(lower) and lower[-1:] not in "ая":  # Кэндзи, Тосио do not decline
        return tuple(readings) + tuple(_as_is(word, GENDERS, CASES, PARADIGM))
    # An unknown first name as it stands: her Гульшара, his Даурен; foreign ones do not decline.
    gender = "femn" if lower[-1:] in "ая" else "masc"
    if FEMALE_NAME_PART.search(lower):
        readings += _as_is(word, ("femn",), ("nomn",), GUESS)
    elif not OBLIQUE_FIRST_NAME.search(lower):
        readings += _as_is(word, (gender,), ("nomn",), AS_IS)
    if lower[-1:] in VOWELS and lower[-1:] not in "ая":
        readings += _as_is(word, GENDERS, CASES, AS_IS)  # Тосио, Пилжээ
    return tuple(readings)


# Patronymics show gender and case for certain: Аскаровичу is his dative.
PATRONYMIC_ENDINGS = (
    (re.compile(r"ич(|а|у|ем|е)$", re.IGNORECASE), "masc",
     {"": "nomn", "а": "gent accs", "у": "datv", "ем": "ablt", "е": "loct"}),
    (re.compile(r"(?:вн|чн)(а|ы|е|у|ой|ою)$", re.IGNORECASE), "femn",
     {"а": "nomn", "ы": "gent", "е": "datv loct", "у": "accs", "ой": "gent datv ablt loct", "ою": "ablt"}),
)


def patronymic_readings(word: str) -> tuple[Reading, ...]:
    lower = word.lower()
    if TURKIC_PATRONYMIC.search(lower):
        gender = "femn" if re.search(r"(кызы|қызы|гызы)$", lower) else "masc"
        return tuple(Reading(word, gender, c, KNOWN) for c in CASES)
    for pattern, gender, endings in PATRONYMIC_ENDINGS:
        m = pattern.search(lower)
        if m:
            return tuple(Reading(word, gender, c, KNOWN) for c in _cases(endings[m.group(1)]))
    return ()


def is_patronymic(word: str) -> bool:
    return bool(patronymic_readings(word)) or any("Patr" in p.tag and p.is_known for p in parse(word))
