"""Amounts that price a currency rather than count money: exchange rates (`1 доллар = 450
тенге`, `курс доллара 470 тенге`) and the cells of currency tables (`USD 470,50 ↑`)."""
from __future__ import annotations

import re

from ..nlp import Doc, Sentence
from .amounts import Candidate, currency_named


def is_rate(found: Candidate) -> bool:
    """`$1 – 450`, `USD 80,7220`: an exchange-rate table, not an amount of money."""
    return not found.scale and (found.amount == 1 or found.amount.as_tuple().exponent < -2)


# Between the two sides of a rate: `1 доллар = 450 тенге`, `$1 – 450`, `1 евро: 505 тенге`.
RATE_SIGN = re.compile(r"\s*[=:—–-]?\s*")


# Nouns that make `курс` the rate of a currency (`курс валют`, `курс обмена`), not a course.
RATE_NOUNS = {'валюта', 'обмен'}


def rates(doc: Doc, sentence: Sentence, found: list[Candidate]) -> set[int]:
    """Indices of the amounts in `found` (sorted) that price a currency rather than count
    money: a rate (`$1`), the other side of one (`1 доллар = 450 тенге`), and an amount in
    units (no multiplier) after the rate of a currency (`курс доллара составил 470 тенге`)
    or in a sentence naming another currency with no amount of its own (`доллар подорожал
    на 5 тенге`, `за 1 доллар дают 470 тенге`)."""
    tokens = doc.tokens[doc.token_index(sentence.start):doc.token_index(sentence.end)]
    amounts = [(sentence.start + c.start, sentence.start + c.end) for c in found
               if not (c.currency and is_rate(c))]
    named = {currency_named(t.text) for t in tokens
             if not any(a <= t.start < b for a, b in amounts)} - {None}
    rate_of_currency = [t.start - sentence.start for k, t in enumerate(tokens) if t.lemma == 'курс'
                        and any(currency_named(u.text) or u.lemma in RATE_NOUNS
                                for u in tokens[k + 1:k + 4])]
    out = table_cells(tokens, sentence, found, amounts)
    for i, c in enumerate(found):
        if c.currency and is_rate(c):
            out.add(i)
        elif i and found[i - 1].currency and is_rate(found[i - 1]) and \
                RATE_SIGN.fullmatch(sentence.text[found[i - 1].end:c.start]):
            out.add(i)
        elif not c.scale and (any(start < c.start for start in rate_of_currency) or
                              named - {c.currency}):
            out.add(i)
    return out


LEADING_MARK = re.compile(r"[^\d\s]+")  # `USD`, `$` in `USD 470,50`, `$470`


def table_cells(tokens, sentence: Sentence, found: list[Candidate], amounts) -> set[int]:
    """Indices of the cells of a currency table (`USD 470,50 ↑ EUR 510,20 ↓`, `$ 470.5, €
    510.2`): amounts in units with their currency written before them, either two currencies
    in one sentence or one with no words around it."""
    cells = []
    for i, c in enumerate(found):
        mark = LEADING_MARK.match(sentence.text, c.start)
        if not c.scale and mark and currency_named(mark.group()):
            cells.append(i)
    if len({found[i].currency for i in cells}) > 1:
        return set(cells)
    words = [t for t in tokens if PROSE.fullmatch(t.text) and not currency_named(t.text)
             and not any(a <= t.start < b for a, b in amounts)]
    return set() if words else set(cells)


PROSE = re.compile(r"[^\W\d_]*[а-яёa-z][^\W\d_]{2,}")  # a word with lower case letters
