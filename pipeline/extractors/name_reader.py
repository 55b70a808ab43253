"""A person's name read from the words right after an office, where natasha's NER
found none (it often misses `Ли Цян`, `Ся Вэньюн`, `Пилжээ Лхагважав`).

A name here is a run of up to four capitalised words or initials on one line:
words pymorphy3 knows as names, words it does not know at all (most foreign
names), and the syllables Chinese, Korean and Vietnamese names are made of
(`Ли`, `Ван`, `Сок` are also Russian words; they count only when the whole run
is such a name). A word NER calls a place or an organisation (unless NER's span
began before the office ended: `[Республики Саха (Якутия) Айсен Николаев]`), or one pymorphy3
knows only as something else (`Республики`, `Финансов`), ends the run; so
does anything in upper case (`МИД`, `КНР`). A lone word is a name only with a
surname's shape or as a surname pymorphy3 knows (`Бурков`, `Ким`).
"""
from __future__ import annotations

import re

from ..nlp import Doc, NerSpan, parse
from .names import LETTER, SURNAME_SHAPE, is_east_asian, word_kind
from .name_forms import INDECLINABLE, TURKIC_PATRONYMIC

MAX_WORDS = 4
LOWER = "а-яёәғқңөұүһі’'"
CAPITALISED = re.compile(f"[{LETTER}][{LOWER}]+(?:-[{LETTER}]?[{LOWER}]+)*")


def _word_kind(word: str) -> str | None:
    return word_kind(word) if CAPITALISED.fullmatch(word) else None


def _is_initial(doc: Doc, i: int) -> bool:
    token = doc.tokens[i]
    return len(token.text) == 1 and token.text.isupper() and i + 1 < len(doc.tokens) \
        and doc.tokens[i + 1].text == "."


def _lone_surname(word: str) -> bool:
    return bool(SURNAME_SHAPE.search(word) or INDECLINABLE.search(word) or TURKIC_PATRONYMIC.search(word)
                or any("Surn" in p.tag and p.is_known for p in parse(word)))


def _adjective_of_next_noun(doc: Doc, i: int) -> bool:
    """`Сарыагашского района`: an unknown adjective agreeing with the noun after it, no surname."""
    if i + 1 >= len(doc.tokens) or not doc.tokens[i + 1].text.islower():
        return False
    adjective = {p.tag.case for p in parse(doc.tokens[i].text) if p.tag.POS == "ADJF"}
    noun = {p.tag.case for p in parse(doc.tokens[i + 1].text) if p.tag.POS == "NOUN" and p.is_known}
    return bool(adjective & noun)


def _place_as_first_name(doc: Doc, i: int) -> bool:
    """`Аким Шымкента Алтай Жумабеков`: a place's name in the nominative (`Алтай`, `Россия`)
    right before a surname is a first name; no office is followed by a bare nominative place."""
    if i + 1 >= len(doc.tokens) or not CAPITALISED.fullmatch(doc.tokens[i + 1].text):
        return False
    return any("Geox" in p.tag and p.tag.case == "nomn" for p in parse(doc.tokens[i].text)[:1]) \
        and _lone_surname(doc.tokens[i + 1].text)


def name_at(doc: Doc, index: int) -> NerSpan | None:
    """The name starting at token `index` (the token right after an office), as a PER span."""
    words, kinds, initials = [], [], 0
    i, end = index, doc.tokens[index - 1].end if index else None
    first = doc.tokens[index].start if index < len(doc.tokens) else len(doc.text)
    while i < len(doc.tokens) and len(words) + initials < MAX_WORDS:
        token = doc.tokens[i]
        if end is not None and doc.text[end:token.start].strip(" \t\xa0"):
            break  # a line break or anything but a space between the words
        place_name = not words and _place_as_first_name(doc, i)
        if place_name:  # NER's place running on into the surname is the name: `[Алтай Ерденов]`
            first = token.end
        if not place_name and any(s.start >= first for s in doc.spans_covering(token.start, token.end)
                                  if s.type in ("LOC", "ORG")):
            break  # (a span from before the office's end is NER running its region on)
        if _is_initial(doc, i):
            initials += 1
            end, i = doc.tokens[i + 1].end, i + 2
            continue
        kind = _word_kind(token.text) or ("name" if place_name else None)
        if kind is None:
            break
        words.append(token.text)
        kinds.append(kind)
        end, i = token.end, i + 1
    if not words:
        return None
    if "syllable" in kinds and not is_east_asian(words):
        return None
    if len(words) == 1 and (not _lone_surname(words[0]) or _adjective_of_next_noun(doc, i - 1)):
        return None
    start = doc.tokens[index].start
    return NerSpan("PER", start, end, doc.text[start:end])


def is_state_word(doc: Doc, i: int) -> bool:
    """A country or its abbreviation between an office and its holder: `КНР`, `Монголии`."""
    text = doc.tokens[i].text
    return text.isupper() and len(text) > 1 or \
        any("Geox" in p.tag and p.is_known for p in parse(text)[:1])


def name_after(doc: Doc, index: int, max_gap: int = 2) -> NerSpan | None:
    """`name_at` the office's end, or past a country or an abbreviation the office
    left out (`премьер Госсовета КНР Ли Цян`, `глава МИД Монголии Пилжээ Лхагважав`)."""
    for k in range(index, min(index + max_gap, len(doc.tokens)) + 1):
        span = name_at(doc, k)
        if span or k >= len(doc.tokens) or not is_state_word(doc, k):
            return span
    return None
