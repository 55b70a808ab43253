"""Text → amounts of money as the grammar (rules/money.py) reads them, with their offsets:
which currency a bare amount takes and which amounts are no sums is `sums.py`'s business."""
from __future__ import annotations

import re
from copy import copy
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow, localcontext
from functools import lru_cache
from typing import NamedTuple

from ..nlp import lemmas, token_runs, yargy_tokenizer

SEPARATORS = {'до', '-', '–', '—', 'и', 'или'}  # between the sides of a range or pair


class Candidate(NamedTuple):
    amount: Decimal
    amount_max: Decimal | None
    currency: str | None  # None: a bare amount
    qualifier: str | None
    start: int
    end: int
    scale: int  # its largest multiplier (10**3 for тыс., ...), 0 for none


@lru_cache(maxsize=1)
def parser():
    from yargy import Parser

    from rules.money import MONEY
    from rules.numbers import CYRILLIC_WORD, NUMBER_TOKEN

    # A copy: the shared tokenizer must stay as the other extractors know it.
    tokenizer = copy(yargy_tokenizer()).add_rules(NUMBER_TOKEN, CYRILLIC_WORD)
    return Parser(MONEY, tokenizer=tokenizer)


def exact(value: Decimal) -> Decimal:
    """`477,6 млрд` is Decimal('477600000000'), not '477600000000.0'."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


# Amounts are computed exactly in this many digits; one that needs more (`10^40 тенге`,
# `1e999`) is no sum of money and is dropped instead of rounded or failing the article.
EXACT = Context(prec=40, Emax=60, Emin=-60, traps=[Inexact, Overflow, InvalidOperation])


def multipliers(amount) -> list[int]:
    return [part.multiplier for part in amount.parts if part.multiplier]


def value(amount, scale: int | None = None) -> Decimal | None:
    """The amount's value; None where its parts do not add up (`5 млн 2019`).

    `scale` is the multiplier a range's lower bound borrows (`5–7 млрд`)."""
    scales = multipliers(amount)
    if scales != sorted(set(scales), reverse=True):
        return None
    try:
        with localcontext(EXACT):
            total = Decimal(0)
            for i, part in enumerate(amount.parts):
                number = sum(part.number.values) if part.number else Decimal(1)
                if part.multiplier:
                    total += number * part.multiplier
                elif i and number >= scales[-1]:  # a tail stays below the last multiplier
                    return None
                else:
                    total += number
            return exact(+total * (scale if scale and not scales else 1))
    except ArithmeticError:  # Inexact, Overflow, InvalidOperation: too large to be money
        return None


def sides(match) -> tuple[tuple[int, int], tuple[int, int]]:
    """Offsets of the two sides of `от 5 до 7 млрд`, `5–7 млрд`, `с 5 до 7 млрд`."""
    tokens = match.tokens
    i = next(i for i, t in enumerate(tokens) if i and t.value.lower() in SEPARATORS)
    first = 1 if tokens[0].value.lower() in ('от', 'с') else 0
    return ((tokens[first].span.start, tokens[i - 1].span.stop),
            (tokens[i + 1].span.start, tokens[-1].span.stop))


@lru_cache(maxsize=1)
def grammar_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, surface forms) of every word the money grammar can use."""
    from rules.money import (
        ABBREVIATIONS,
        ADJECTIVES,
        HALVES,
        NOTE_WORDS,
        PHRASES,
        QUALIFIERS,
        SCALES,
        SIGNS,
        SUBUNITS,
        WORDS,
    )
    from rules.numbers import DECIMAL_WORDS, HALF_WORD, WORD_VALUES

    forms = {w.lower() for w in [*SIGNS, *ABBREVIATIONS, *HALVES]} | {
        w for q in QUALIFIERS for w in q.split()} | {abbr for abbr, _, _, _ in SCALES} | {
        "от", "до", "с", "в", "на", "за", "и", "или", ".", "-", "–", "—", "(", ")"}
    words = set(WORD_VALUES) | set(WORDS) | {w.rstrip('.') for phrase, _ in PHRASES for w in phrase} | {
        word for _, word, _, _ in SCALES} | {HALF_WORD} | NOTE_WORDS | SUBUNITS | DECIMAL_WORDS | {
        *ADJECTIVES, 'эквивалент', 'выражение'}
    return frozenset(words), frozenset(forms | words)


@lru_cache(maxsize=50_000)  # asked of every token of every sentence with a number
def is_money_word(word: str) -> bool:
    """A currency (word, sign, abbreviation) or a multiplier of millions and more: what every
    kept sum shows (a bare amount takes the previous currency only from a million up)."""
    from rules.money import MONEY_LEMMAS, MONEY_MARKS

    word = word.lower()
    return bool(lemmas(word) & MONEY_LEMMAS) or word in MONEY_LEMMAS or \
        word.rstrip(".") in MONEY_MARKS or \
        any(mark in word for mark in MONEY_MARKS if not mark.isalpha())


def is_number(token) -> bool:
    from rules.money import AMOUNT_WORDS
    return token.type == 'INT' or bool(lemmas(token.value.lower()) & AMOUNT_WORDS)


def usable(token) -> bool:
    """Whether the money grammar can read this token."""
    words, forms = grammar_words()
    value = token.value.lower()
    return is_number(token) or value in forms or token.type == 'RU' and bool(lemmas(value) & words)


def is_thousand(word: str) -> bool:
    return word.lower().rstrip(".") == "тыс" or "тысяча" in lemmas(word.lower())


def windows(text: str):
    """(start, end) of each run of tokens the grammar can use that holds a number and a money
    word or thousands (`пенсия — 150 тыс.` may continue `300 тыс. тенге`): every kept sum
    lies inside one, so the parser, whose cost grows with every token it reads, reads only
    these."""
    for start, end, tokens in token_runs(parser().tokenizer, text, usable):
        if any(map(is_number, tokens)) and any(
                is_money_word(t.value) or is_thousand(t.value) for t in tokens):
            yield start, end


def candidates(text: str) -> list[Candidate]:
    """Every amount the grammar finds in `text`, offsets into it."""
    return [c._replace(start=c.start + start, end=c.end + start)
            for start, end in windows(text) for c in window_candidates(text[start:end])]


# Bounded: windows repeat (`1 млрд тенге`) across a corpus, but not without end.
@lru_cache(maxsize=20_000)
def window_candidates(text: str) -> tuple[Candidate, ...]:
    return tuple(_parse(text))


DIGIT = re.compile(r"\d")


def matches(text: str):
    """`parser().findall(text)`, the chart parsed once per shape: the grammar reads a number
    only as a token of type INT, so `5 млрд тенге` and `7 млрд тенге` parse alike; a
    shape's matches get this text's numbers before they are interpreted."""
    from yargy.parser import Match
    from yargy.tokenizer import Tokenizer
    from yargy.tree.constructors import Leaf

    tokens = list(Tokenizer.__call__(parser().tokenizer, text))
    if any(t.type != 'INT' and DIGIT.search(t.value) for t in tokens):  # a digit in a word
        yield from parser().findall(text)
        return
    numbers = {(t.span.start, t.span.stop): t for t in tokens if t.type == 'INT'}
    for match in shape_matches(DIGIT.sub('0', text)):
        for leaf in match.tree.walk(types=Leaf):
            if leaf.token.type == 'INT':
                leaf.token = numbers[leaf.token.span.start, leaf.token.span.stop]
        yield Match(match.tree)


@lru_cache(maxsize=5_000)
def shape_matches(shape: str) -> tuple:
    return tuple(parser().findall(shape))


def _parse(text: str):
    for match in matches(text):
        money, (start, end) = match.fact, match.span
        if money.kind == 'rate':
            continue
        if money.amount_max is None:
            amount = value(money.amount)
            if amount is not None and money.cents:  # `1 рубль 50 копеек`
                amount = exact(amount + sum(money.cents.values) / 100)
            if amount is not None:
                yield Candidate(amount, None, money.currency, money.qualifier, start, end,
                                max(multipliers(money.amount), default=0))
            continue
        scales = multipliers(money.amount_max)
        low = value(money.amount, scales[0] if scales else None)
        high = value(money.amount_max)
        if high is None:
            continue
        (low_start, low_end), (high_start, high_end) = sides(match)
        currency, scale = money.currency, max(scales, default=0)
        # A pair's first number far above the second is no amount (`в 2020 и 5 млрд`).
        if money.kind == 'change' and low is not None or \
                money.kind == 'pair' and low is not None and low <= 10 * high:
            yield Candidate(low, None, currency, None, low_start, low_end, scale)
            yield Candidate(high, None, currency, None, high_start, high_end, scale)
        elif money.kind == 'range' and low is not None and low < high:
            yield Candidate(low, high, currency, money.qualifier, start, end, scale)
        else:  # no range after all (`Алматы-2020 — 5 млрд тенге`): the upper sum
            yield Candidate(high, None, currency, None, high_start, high_end, scale)


@lru_cache(maxsize=50_000)
def currency_named(word: str) -> str | None:
    """The currency a single word names (`доллара`, `USD`, `руб.`, `$`), else None."""
    from rules.money import ABBREVIATIONS, SIGNS, WORDS

    word = word.lower()
    named = [WORDS[lemma] for lemma in sorted(lemmas(word)) if lemma in WORDS]
    return (named[0] if named else None) or WORDS.get(word) or SIGNS.get(word) or \
        ABBREVIATIONS.get(word.rstrip("."))
