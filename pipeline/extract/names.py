"""Person names: split into first name / initial / surname, group the mentions
of one person, and put the fullest form in the nominative.

Case and gender are decided from evidence, not by stripping endings blindly:
the office noun the name stands beside gives its case (`акима ... Ералы
Тогжанова` is genitive, so the man is `Тогжанов`), other mentions in the
article give the gender (`Тогжанов` somewhere else), and pymorphy3's name
analysis covers the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import parse

PATRONYMIC = re.compile(r"(вич|вна|чна|улы|уулу|кызы|оглы|қызы|ұлы)$", re.IGNORECASE)
INITIAL = re.compile(r"^[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ]\.$")
WORD = re.compile(r"[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ]\.|[\w’'-]+")
# Russian-type surnames: stem suffix + case ending; masculine and feminine paradigms.
SURNAME = re.compile(r"^(?P<stem>.+?(?:ов|ев|ёв|ин|ын))(?P<ending>а|у|ым|ом|е|ой|ою)?$", re.IGNORECASE)
ADJECTIVE_SURNAME = re.compile(r"^(?P<stem>.+?(?:ск|цк))(?P<ending>ий|ого|ому|им|ом|ая|ой|ую)$",
                               re.IGNORECASE)
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# A foreign surname's case ending → (cases, what the nominative ends in instead):
# Паслером → Паслер, Синжуем → Синжуй, Невера → Невер.
OBLIQUE_SURNAME_ENDINGS = [("уем", ("ablt",), "уй"), ("аем", ("ablt",), "ай"), ("ом", ("ablt",), ""),
                           ("ем", ("ablt",), ""), ("уя", ("gent", "accs"), "уй"),
                           ("ой", ("ablt",), "а"), ("ы", ("gent",), "а"),  # Камиямой → Камияма
                           ("а", ("gent", "accs"), ""), ("у", ("datv",), ""), ("е", ("loct",), "")]


@dataclass(frozen=True)
class NameParts:
    first: str | None
    initial: str | None
    surname: str

    @property
    def key(self) -> str:
        return surname_key(self.surname)


def split_name(text: str) -> NameParts | None:
    words = WORD.findall(text)
    if len(words) == 3 and PATRONYMIC.search(words[2]) and not INITIAL.match(words[0]):
        words = [words[1], words[0]]  # `Назарбаев Нурсултан Абишевич`: surname first
    words = [w for w in words if not PATRONYMIC.search(w) or INITIAL.match(w)]
    initials = [w for w in words if INITIAL.match(w)]
    full = [w for w in words if not INITIAL.match(w) and w[:1].isupper()]
    if not full:
        return None
    if initials and len(full) == 1:
        return NameParts(None, initials[0][0], full[0])
    if len(full) == 1:
        return NameParts(None, None, full[0])
    return NameParts(full[0], full[0][0], full[-1])


# The cases a surname's ending allows, for both genders (Ахметова: his genitive or her nominative).
RUSSIAN_SURNAME_CASES = {  # ending → cases, his and hers
    "": ({"nomn"}, set()), "а": ({"gent", "accs"}, {"nomn"}), "у": ({"datv"}, {"accs"}),
    "ым": ({"ablt"}, set()), "ом": ({"ablt"}, set()), "е": ({"loct"}, set()),
    "ой": (set(), {"gent", "datv", "ablt", "loct"}), "ою": (set(), {"ablt"}),
}
FOREIGN_SURNAME_CASES = {"ом": {"ablt"}, "ем": {"ablt"}, "у": {"datv"}, "ю": {"datv"}, "е": {"loct"}}


def surname_cases(surname: str, gender: str | None = None) -> frozenset[str]:
    """Cases a surname can stand in, by its ending; all of them for one that does not decline."""
    s = surname.lower()
    m = SURNAME.match(s)
    if m:
        his, hers = RUSSIAN_SURNAME_CASES[m.group("ending") or ""]
        return frozenset({"masc": his, "femn": hers}.get(gender, his | hers))
    for ending, cases in FOREIGN_SURNAME_CASES.items():
        if s.endswith(ending) and len(s) > len(ending) + 2:
            return frozenset(cases)
    return frozenset(CASES)


def surname_key(surname: str) -> str:
    """One key for every case form of a surname: Ахметова, Ахметову, Ахметов → ахметов."""
    s = surname.lower().replace("ё", "е")
    for pattern in (SURNAME, ADJECTIVE_SURNAME):
        m = pattern.match(s)
        if m:
            return m.group("stem")
    return re.sub(r"(ом|ем|ой|а|я|у|ю|е)$", "", s) if len(s) > 3 else s


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def gender_votes(parts: NameParts, cases: frozenset[str]) -> dict[str, int]:
    """Votes for 'masc' / 'femn' from one mention: surname endings weigh most,
    then the case of the context, then pymorphy3's first-name dictionary."""
    votes = {"masc": 0, "femn": 0}
    s = parts.surname.lower()
    if re.search(r"(ов|ев|ин|ын|ский|цкий|овым|евым|иным)$", s):
        votes["masc"] += 3
    elif re.search(r"(овой|евой|иной|ской|цкой)$", s):
        votes["femn"] += 3
    elif re.search(r"(ова|ева|ина|ына)$", s) and cases and "nomn" not in cases:
        votes["masc"] += 2  # a genitive or accusative man, not a nominative woman
    if parts.first:
        genders = {p.tag.gender for p in parse(parts.first) if "Name" in p.tag and p.is_known} & {"masc", "femn"}
        if len(genders) == 1:
            votes[genders.pop()] += 1
        elif not genders and "nomn" in cases and parts.first.lower()[-1:] in "ая":
            votes["femn"] += 1  # an unknown nominative first name in -а/-я: Гульшара, Айгуля
    return votes


def surname_nominative(surname: str, gender: str, cases: frozenset[str]) -> str:
    for pattern, masc, femn in ((SURNAME, "", "а"), (ADJECTIVE_SURNAME, "ий", "ая")):
        m = pattern.match(surname)
        if m:
            return m.group("stem") + (femn if gender == "femn" else masc)
    inflected = _inflected(surname, "Surn", gender, cases)
    if inflected != surname or gender == "femn" or not cases or "nomn" in cases:
        return inflected
    # A man's foreign surname declines like a noun: Паслером, Айпом, Невера → Паслер, Айп, Невер.
    for ending, ending_cases, nominative in OBLIQUE_SURNAME_ENDINGS:
        if surname.lower().endswith(ending) and any(c in cases for c in ending_cases):
            return surname[: len(surname) - len(ending)] + nominative
    return surname


# Case endings of first names the dictionary does not know (Даниала, Асаином, Гульшары).
FIRST_NAME_ENDINGS = {
    "masc": [("ием", "ий"), ("еем", "ей"), ("ия", "ий"), ("ея", "ей"), ("ию", "ий"), ("ею", "ей"),
             ("ом", ""), ("ой", "а"), ("а", ""), ("у", "")],
    "femn": [("ой", "а"), ("ей", "я"), ("ы", "а"), ("и", "я"), ("е", "а"), ("у", "а")],
}


def first_name_nominative(first: str, gender: str, cases: frozenset[str]) -> str:
    if not cases or "nomn" in cases:
        return first
    known = [p for p in parse(first) if "Name" in p.tag and p.is_known and p.tag.case in cases
             and p.tag.gender == gender]
    if known:
        form = known[0].inflect({"nomn", "sing"})
        if form:
            return _title(form.word)
    for ending, replacement in FIRST_NAME_ENDINGS[gender]:
        if first.lower().endswith(ending) and len(first) - len(ending) >= 2:
            return first[: len(first) - len(ending)] + replacement
    return first


def _inflected(word: str, role: str, gender: str, cases: frozenset[str]) -> str:
    """pymorphy3's nominative of a name word, when its case is known to be oblique."""
    if not cases or "nomn" in cases:
        return word
    fitting = [p for p in parse(word) if role in p.tag and p.tag.case in cases and p.tag.gender == gender]
    form = fitting[0].inflect({"nomn", "sing"}) if fitting else None
    return _title(form.word) if form else word


def full_name(parts: NameParts, gender: str, cases: frozenset[str]) -> str:
    # The surname's own forms narrow the context's cases: masculine `Назарбаева` is not nominative.
    own = surname_cases(parts.surname, gender)
    cases = (cases & own or cases) if cases else own
    surname = _title(surname_nominative(parts.surname, gender, cases))
    if parts.first:
        return f"{_title(first_name_nominative(parts.first, gender, cases))} {surname}"
    if parts.initial:
        return f"{parts.initial}. {surname}"
    return surname
