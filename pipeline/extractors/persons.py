"""Doc → person mentions: the names NER finds, each split into first name, initial and
surname, with the token range it covers and, once `holders` has linked it, its office."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import Doc, NerSpan, parse
from ..read.clean import full_dates
from .name_reader import name_after
from .names import PATRONYMIC, SEPARATE_PATRONYMIC, NameParts, split_name, surname_cases
from .office_parts import rank_end
from .offices import OfficeMention


@dataclass
class PersonMention:
    parts: NameParts
    start: int
    end: int
    first_token: int
    last_token: int
    office: OfficeMention | None = None
    cases: frozenset[str] = frozenset()  # the cases the name stands in, as far as its context says

    def hold(self, office: OfficeMention, cases: frozenset[str] | None = None) -> None:
        self.office = office
        self.cases = office.cases if cases is None else cases


def person_spans(doc: Doc, offices: list[OfficeMention]) -> list[NerSpan]:
    """NER's persons, and a name read right after an office where NER saw none or only
    part of it (`премьер Госсовета КНР Ли Цян`, NER's `Цян`)."""
    spans = [s for s in doc.spans if s.type == "PER"]
    for office in offices:
        span = name_after(doc, office.last_token)
        if span is None:
            continue
        overlapping = [s for s in spans if s.start < span.end and span.start < s.end]
        if all(span.start <= s.start and s.end == span.end for s in overlapping):
            spans = [s for s in spans if s not in overlapping] + [span]
    return sorted((_with_separate_patronymic(doc, s) for s in spans), key=lambda s: s.start)


def _with_separate_patronymic(doc: Doc, span: NerSpan) -> NerSpan:
    """`Нурланбек Тургунбек [уулу]`: NER and the name reader stop before the lower-case word
    that ends the surname; it is taken in unless a surname follows it."""
    k = doc.token_index(span.end)
    if k >= len(doc.tokens) or doc.tokens[k].start != span.end + 1 or \
            doc.tokens[k].text not in SEPARATE_PATRONYMIC or \
            k + 1 < len(doc.tokens) and doc.tokens[k + 1].text[:1].isupper():
        return span
    end = doc.tokens[k].end
    return NerSpan(span.type, span.start, end, doc.text[span.start:end])


def find_persons(doc: Doc, offices: list[OfficeMention]) -> list[PersonMention]:
    found = []
    for span in person_spans(doc, offices):
        if _opens_dateline(doc, span):
            continue
        start = span.start
        for office in offices:  # NER may take the office or its region in: `[Аким Актобе] Асхат
            # Шахаров`, `Губернатор аймака [Баян-Улгий Ербол Хажидулла]`
            office_end = doc.tokens[office.last_token - 1].end
            if office.start <= start < office_end or (start <= office.start < span.end):
                start = max(start, office_end)
        first = doc.token_index(start)  # `[Шейх] Мухаммед ...`: a title of rank is no part of the name
        if first < len(doc.tokens) and first < rank_end(doc, first) < doc.token_index(span.end):
            start = doc.tokens[rank_end(doc, first)].start
        # NER spans sometimes run across a paragraph break: the name is on the first line.
        text = doc.text[start:span.end].split("\n")[0]
        for offset, name in _names_in(text):
            parts = split_name(name)
            if parts:
                first = doc.token_index(start + offset)
                while doc.tokens[first].end <= start + offset or not doc.tokens[first].text.strip():
                    first += 1
                name_start = doc.tokens[first].start
                end = name_start + len(name.rstrip())
                found.append(PersonMention(parts, name_start, end, first, doc.token_index(end)))
    return found


LOWER_WORD = re.compile(r"(?<![\w-])[а-яёa-z]{3,}")
DATELINE_LENGTH = 80


def is_dateline(line: str) -> bool:
    """`Павлодар, 12 сентября 2019`, `АСТАНА, 4 июля 2024. /ТАСС/.`, `20.03.2021 15:40 |
    Просмотров: 12`: a full date and, beside it, no lower-case word, so no clause."""
    dates = full_dates(line) if len(line) <= DATELINE_LENGTH else ()
    if not dates:
        return False
    outside, last = "", 0
    for start, end, _ in dates:
        outside, last = outside + line[last:start] + " ", end
    return not LOWER_WORD.search(outside + line[last:])


def _opens_dateline(doc: Doc, span: NerSpan) -> bool:
    """`Самарканд, 3 октября 2022 (УзА)`: the place that opens a date line (NER may read it
    as a person) is no name."""
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    line_end = doc.text.find("\n", span.end)
    return not doc.text[line_start:span.start].strip() and \
        is_dateline(doc.text[line_start:line_end if line_end >= 0 else len(doc.text)])


def _names_in(text: str) -> list[tuple[int, str]]:
    """NER runs two names together (`указом Президента Касым-Жомарта Токаева Нурлан Ногаев
    назначен`): four capitalized words without a patronymic are two people."""
    words = list(re.finditer(r"\S+", text))
    if len(words) == 4 and all(w.group()[:1].isupper() and w.group()[1:2].islower() and
                               not PATRONYMIC.search(w.group()) for w in words):
        return [(0, text[:words[1].end()]), (words[2].start(), text[words[2].start():])]
    return [(0, text)]


def name_cases(parts: NameParts) -> frozenset[str]:
    """Cases the name can stand in: its surname's ending, or a first name pymorphy3 knows."""
    known = frozenset(p.tag.case for p in parse(parts.first or "") if "Name" in p.tag and p.is_known)
    return surname_cases(parts.surname) | known


def agrees(office: OfficeMention, person: PersonMention) -> bool:
    """The name can stand in a case of the office beside it (either unknown: no objection)."""
    cases = name_cases(person.parts)
    return not cases or not office.cases or bool(cases & office.cases)
