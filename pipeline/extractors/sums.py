"""Doc → sums of money: the amounts the grammar reads (`amounts.py`), with the currency a bare
amount continues and without exchange rates and counts of other things."""
from __future__ import annotations

from ..nlp import Doc, Sentence, parse
from ..records import Sum
from .amounts import Candidate, candidates, is_money_word

# After a bare amount these parts of speech begin its unit (`66 тыс. тонн`,
# `2 млн новых рабочих мест`), so it counts something else than money.
UNIT_POS = {'NOUN', 'ADJF', 'PRTF', 'NUMR', None}  # None: Latin, unknown words


def is_rate(found: Candidate) -> bool:
    """`$1 – 450`, `USD 80,7220`: an exchange-rate table, not an amount of money."""
    return not found.scale and (found.amount == 1 or found.amount.as_tuple().exponent < -2)


def unit_follows(doc: Doc, end: int) -> bool:
    i = doc.token_index(end)
    if i == len(doc.tokens) or '\n' in doc.text[end:doc.tokens[i].start]:
        return False
    word = doc.tokens[i].text
    if not word.isalpha():
        return word == '%' or word[0].isdigit()
    pos = parse(word)[0].tag.POS
    # a lone letter is an abbreviated unit (`т` for tonnes) unless a preposition
    return pos in UNIT_POS or (len(word) == 1 and pos not in {'PREP', 'CONJ', 'PRCL'})


def may_hold_money(doc: Doc, sentence: Sentence) -> bool:
    """A number (digits or words) and a currency or a million: the parser, slow on
    long texts, skips the rest."""
    from rules.money import AMOUNT_WORDS

    tokens = doc.tokens[doc.token_index(sentence.start):doc.token_index(sentence.end)]
    number = any(c.isdigit() for c in sentence.text) or any(
        t.lemma in AMOUNT_WORDS or t.text.lower() in AMOUNT_WORDS for t in tokens)
    return number and any(is_money_word(t.text) for t in tokens)


def extract_sums(doc: Doc) -> list[Sum]:
    sums, previous = [], None  # previous: (currency, sentence index) of the last sum
    for index, sentence in enumerate(doc.sentences):
        if not may_hold_money(doc, sentence):
            continue
        for found in sorted(candidates(sentence.text), key=lambda c: c.start):
            start, end = sentence.start + found.start, sentence.start + found.end
            currency = found.currency
            if currency is None:
                # A bare amount continues the previous sum (`20 млрд рублей, еще
                # 5 млрд ...`): same or next sentence, millions or more (a bare
                # `35 тыс.` mostly counts people), no unit after.
                if (found.scale < 10**6 or previous is None or index - previous[1] > 1
                        or unit_follows(doc, end)):
                    continue
                currency = previous[0]
            elif is_rate(found):
                continue
            previous = currency, index
            sums.append(Sum(found.amount, found.amount_max, currency, found.qualifier,
                            doc.text[start:end], start, end, sentence.text))
    return sums
