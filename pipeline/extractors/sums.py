"""Doc → sums of money: the amounts the grammar reads (`amounts.py`), with the currency a bare
amount continues and without exchange rates and counts of other things."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..nlp import Doc, Sentence, parse
from ..records import Sum
from .amounts import Candidate, candidates, is_money_word
from .home_currency import Homes
from .rates import rates
from .regions import QUOTED

# After a bare amount these parts of speech begin its unit (`66 тыс. тонн`,
# `2 млн новых рабочих мест`), so it counts something else than money...
UNIT_POS = {'NOUN', 'ADJF', 'PRTF', 'NUMR', None}  # None: Latin, unknown words
# ... unless the unit is money itself (`еще 5 млрд бюджетных средств`, `5 млрд инвестиций`).
MONEY_NOUNS = {'средство', 'деньга', 'инвестиция', 'вложение', 'субсидия', 'дотация',  # lemmas
               'кредит', 'заем', 'грант', 'финансирование', 'ассигнование', 'трансферт',
               'налог', 'выплата', 'доход', 'прибыль', 'выручка', 'долг'}


def unit_follows(doc: Doc, end: int) -> bool:
    i = doc.token_index(end)
    if i == len(doc.tokens) or '\n' in doc.text[end:doc.tokens[i].start]:
        return False
    word = doc.tokens[i].text
    if not word.isalpha():
        return word == '%' or word[0].isdigit()
    pos = parse(word)[0].tag.POS
    if pos in {'ADJF', 'PRTF', 'NOUN'}:  # the unit's noun, past its adjectives
        nouns = [t for t in doc.tokens[i:i + 3]
                 if t.text.isalpha() and parse(t.text)[0].tag.POS == 'NOUN']
        if nouns and nouns[0].lemma in MONEY_NOUNS:
            return False
    # a lone letter is an abbreviated unit (`т` for tonnes) unless a preposition
    return pos in UNIT_POS or (len(word) == 1 and pos not in {'PREP', 'CONJ', 'PRCL'})


def may_hold_money(doc: Doc, sentence: Sentence) -> bool:
    """A number (digits or words) and a currency or a million: the parser, slow on
    long texts, skips the rest."""
    from rules.money import AMOUNT_WORDS

    tokens = doc.tokens[doc.token_index(sentence.start):doc.token_index(sentence.end)]
    number = any(map(str.isdigit, sentence.text)) or any(
        t.lemma in AMOUNT_WORDS or t.text.lower() in AMOUNT_WORDS for t in tokens)
    return number and any(is_money_word(t.text) for t in tokens)


def sentences(doc: Doc):
    """The doc's sentences, one where a line break cuts a sentence (`5 млрд\nтенге`): the
    line holds words, does not end a sentence, and the next goes on in lower case; and one
    where the splitter took a multiplier's dot for a full stop before a currency (`150 тыс.
    USD`). A line break becomes a space (the grammar reads no amount across lines, so that
    a table's cells, `Курс` / `470` / `тенге`, stay apart)."""
    pending = None
    for sentence in doc.sentences:
        gap = doc.text[pending.end:sentence.start] if pending else ''
        if pending and (cut_by_a_line(pending, gap, sentence) or
                        SCALE_DOT.search(pending.text) and SPACE.fullmatch(gap) and
                        code_first(sentence)):
            pending = Sentence(f"{pending.text}{' ' * len(gap)}{sentence.text}", pending.start,
                               sentence.end)
            continue
        if pending:
            yield pending
        pending = sentence
    if pending:
        yield pending


def code_first(sentence: Sentence) -> bool:
    """Whether the sentence begins with a currency's code or sign (`USD.`): a currency word
    (`Тенге укрепился`) begins a sentence of its own."""
    from rules.money import SIGNS
    return sentence.text.split()[0].rstrip('.,;:').lower() in SIGNS


def cut_by_a_line(pending: Sentence, gap: str, sentence: Sentence) -> bool:
    return bool(CUT_LINE.fullmatch(gap)) and sentence.text[:1].islower() and \
        pending.text.rstrip()[-1:] not in '.!?…;:' and bool(WORDS.search(pending.text))


CUT_LINE = re.compile(r"[ \t]*\n[ \t]*")
WORDS = re.compile(r"[^\W\d_]{2,}.*\s")  # a word and more after it
SCALE_DOT = re.compile(r"\d\s*(?:тыс|млн|млрд|трлн)\.$", re.IGNORECASE)
SPACE = re.compile(r"[ \t\u00a0]+")


# What a bare amount counts when its clause names it first (`население — 20 млн`).
COUNT_NOUNS = {'население', 'численность', 'количество', 'число', 'человек', 'площадь',
               'тираж', 'поголовье', 'аудитория'}


def counted_before(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause of a bare amount at `end`, from `start` (the previous amount or the
    sentence's start), begins with what it counts: people (`посетителей — 2 тыс.`) or a
    count (`население города — 1,2 млн`)."""
    nouns = [parse(t.text)[0] for t in doc.tokens[doc.token_index(start):doc.token_index(end)]
             if t.text.isalpha()]
    nouns = [p for p in nouns if p.tag.POS == 'NOUN']
    return bool(nouns) and (nouns[0].normal_form in COUNT_NOUNS or
                            {'anim', 'plur', 'gent'} <= set(nouns[0].tag.grammemes))


def quoted_names(text: str) -> list[tuple[int, int]]:
    """Quotes of a few words, names whose amounts are no sums (`ресторан «Три рубля»`,
    `магазин «Всё по 100 тенге»`); a longer quote is speech, whose sums count."""
    return [m.span() for m in QUOTED.finditer(text) if len(m.group().split()) <= 4]


class Previous(NamedTuple):
    currency: str
    sentence: int  # its index
    scale: int


def continued(doc: Doc, found: list[Candidate], i: int, index: int, sentence: Sentence,
              previous: Previous | None) -> str | None:
    """The currency bare amount `found[i]` continues (`20 млрд рублей, еще 5 млрд ...`): the
    previous sum's in its sentence, else the next one's there (`300 млрд в 2020 году и 420
    млрд тенге в 2021-м`), else the previous sentence's. Millions or more (a bare `35 тыс.`
    mostly counts people) unless it follows thousands of the same sentence (`зарплата 300
    тыс. тенге, пенсия — 150 тыс.`); None where a unit follows (`3 млн человек`) or its
    clause begins with what it counts (`население — 20 млн`)."""
    c = found[i]
    here = previous if previous and previous.sentence == index else None
    clause = sentence.start + (found[i - 1].end if i else 0)
    if c.scale < 10**6 and not (c.scale and here and here.scale == c.scale) or \
            unit_follows(doc, sentence.start + c.end) or \
            counted_before(doc, clause, sentence.start + c.start):
        return None
    later = next((n.currency for n in found[i + 1:] if n.currency), None)
    if here or not later:
        return previous.currency if previous and index - previous.sentence <= 1 else None
    return later


def extract_sums(doc: Doc) -> list[Sum]:
    sums, previous, homes = [], None, Homes(doc)
    for index, sentence in enumerate(sentences(doc)):
        if not may_hold_money(doc, sentence):
            continue
        found = sorted(candidates(sentence.text), key=lambda c: c.start)
        not_sums = rates(doc, sentence, found) if found else set()
        names = quoted_names(sentence.text) if found else []
        found = [c for i, c in enumerate(found) if i not in not_sums and
                 not any(a < c.start and c.end < b for a, b in names)]
        for i, c in enumerate(found):
            start, end = sentence.start + c.start, sentence.start + c.end
            currency = homes.currency(sentence, start, end, c.currency) if c.currency else \
                continued(doc, found, i, index, sentence, previous)
            if currency is None:
                continue
            previous = Previous(currency, index, c.scale)
            sums.append(Sum(c.amount, c.amount_max, currency, c.qualifier,
                            doc.text[start:end], start, end, sentence.text))
    return sums
