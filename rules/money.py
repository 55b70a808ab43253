"""Money grammar: NUMBER × MULTIPLIER × CURRENCY, with qualifiers and ranges.

In the spirit of natasha/grammars/money.py, but further: compound amounts
(`1 трлн 400 млрд`), number words (`три триллиона`), currencies read from
currencies.csv (one line per currency, no code), qualifiers and ranges.

The grammar also matches amounts with no currency at all (`еще 5 млрд`):
`sums.py` decides whether the previous sum's currency carries over to them.
"""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from yargy import and_, or_, rule
from yargy.interpretation import attribute, const, custom, fact
from yargy.predicates import caseless, eq, gram, in_, in_caseless, type
from yargy.predicates.bank import DictionaryPredicate
from yargy.tokenizer import TokenRule

# One token per written number, so the grammar never confuses a thousands
# space (`1 400`) or a decimal comma (`2,5`) with two numbers in a list
# (`5, 7`): yargy's own tokenizer splits them all alike.
NUMBER_TOKEN = TokenRule(
    'INT',
    r'\d{1,3}(?:[.,]\d{3}){2,}(?!\d)'                      # 1.400.000
    r'|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:[.,]\d+)?'  # 1 400 000,5
    r'|\d+(?:[.,]\d+)?'                                      # 1400, 2,5
)

Number = fact('Number', [attribute('values').repeatable()])
Part = fact('Part', ['number', 'multiplier'])
Amount = fact('Amount', [attribute('parts').repeatable()])
Money = fact('Money', ['qualifier', 'amount', 'amount_max', 'currency', 'kind'])


def digits_value(text: str) -> Decimal:
    text = ''.join(text.split())
    if text.count('.') + text.count(',') > 1:  # 1.400.000: separators only
        return Decimal(text.replace('.', '').replace(',', ''))
    return Decimal(text.replace(',', '.'))


class lemma(DictionaryPredicate):
    """Some parse of the word has one of these normal forms, as written:
    yargy's `dictionary` re-parses them first (`сум` → `сума`, `три` → `тереть`)."""


DOT = eq('.')
DASH = in_('-–—')


########
#
#   NUMBER
#
#########

WORD_VALUES = {
    'ноль': 0, 'один': 1, 'два': 2, 'три': 3, 'четыре': 4, 'пять': 5,
    'шесть': 6, 'семь': 7, 'восемь': 8, 'девять': 9, 'десять': 10,
    'одиннадцать': 11, 'двенадцать': 12, 'тринадцать': 13,
    'четырнадцать': 14, 'пятнадцать': 15, 'шестнадцать': 16,
    'семнадцать': 17, 'восемнадцать': 18, 'девятнадцать': 19,
    'двадцать': 20, 'тридцать': 30, 'сорок': 40, 'пятьдесят': 50,
    'шестьдесят': 60, 'семьдесят': 70, 'восемьдесят': 80, 'девяносто': 90,
    'сто': 100, 'двести': 200, 'триста': 300, 'четыреста': 400,
    'пятьсот': 500, 'шестьсот': 600, 'семьсот': 700, 'восемьсот': 800,
    'девятьсот': 900, 'полтора': Decimal('1.5'),
}

DIGITS = type('INT').interpretation(custom(digits_value)).interpretation(Number.values)

# `двадцать три` is 20 + 3: each word adds its value.
NUMBER_WORD = or_(*[
    lemma({word}).interpretation(const(Decimal(value)))
    for word, value in WORD_VALUES.items()
]).interpretation(Number.values)

NUMBER = or_(
    rule(DIGITS),
    rule(NUMBER_WORD.repeatable(max=4)),
).interpretation(Number)


############
#
#   MULTIPLIER
#
###########

SCALES = [  # abbreviation, word, its genitive, value
    ('тыс', 'тысяча', 'тысячи', 10**3),
    ('млн', 'миллион', 'миллиона', 10**6),
    ('млрд', 'миллиард', 'миллиарда', 10**9),
    ('трлн', 'триллион', 'триллиона', 10**12),
]

MULTIPLIER = or_(*[
    or_(rule(caseless(abbr), DOT.optional()), rule(lemma({word})))
    .interpretation(const(value))
    for abbr, word, _, value in SCALES
]).interpretation(Part.multiplier)

# A multiplier word alone is one of it (`около миллиарда долларов`), or half
# of it (`полмиллиона`, `полумиллиона`); the plural (`миллиарды`) is vague.
SCALE = or_(*[
    and_(lemma({word}), gram('sing')).interpretation(const(value))
    for _, word, _, value in SCALES
] + [
    in_caseless({'пол' + genitive, 'полу' + genitive}).interpretation(const(value // 2))
    for _, _, genitive, value in SCALES
]).interpretation(Part.multiplier)


#########
#
#   AMOUNT
#
#########

PART = or_(
    rule(NUMBER.interpretation(Part.number), MULTIPLIER),
    rule(SCALE),
).interpretation(Part).interpretation(Amount.parts)

# A plain number: alone (`500 тенге`) or after the multipliers (`две тысячи пятьсот`)
TAIL = NUMBER.interpretation(Part.number).interpretation(Part).interpretation(Amount.parts)

AMOUNT = or_(
    rule(PART.repeatable(max=4), TAIL.optional()),  # 1 трлн 400 млрд
    rule(TAIL),
).interpretation(Amount)


##########
#
#   CURRENCY
#
##########

CURRENCIES = Path(__file__).with_name('currencies.csv')


def currency_name(name: str):
    """`руб.`: an abbreviation, dot optional; else each word in any form."""
    words = []
    for word in name.split():
        abbreviation = word.endswith('.')
        word = word.rstrip('.').lower()
        if abbreviation:
            words.append(rule(caseless(word), DOT.optional()))
        else:
            words.append(or_(caseless(word), lemma({word})))
    return rule(*words)


def load_currencies(path=CURRENCIES):
    """(code, names, symbols) rows of currencies.csv."""
    with open(path, encoding='utf-8') as file:
        for row in csv.DictReader(file):
            yield (row['code'],
                   [_.strip() for _ in row['names'].split(';') if _.strip()],
                   [_.strip() for _ in row['symbols'].split(';') if _.strip()])


def currency_rules(before: bool):
    """After an amount any name or symbol; before it, symbols and ISO codes."""
    for code, names, symbols in load_currencies():
        if before:
            names = [_ for _ in names if _.isascii() and len(_) == 3]
        options = [currency_name(_) for _ in names] + [rule(eq(_)) for _ in symbols]
        if options:
            yield or_(*options).interpretation(const(code))


CURRENCY = or_(*currency_rules(before=False)).interpretation(Money.currency)
SIGN = or_(*currency_rules(before=True)).interpretation(Money.currency)


###########
#
#   QUALIFIER
#
###########

QUALIFIERS = {  # as written → as reported
    'более': 'более', 'боле': 'более', 'более чем': 'более',
    'больше': 'более', 'свыше': 'свыше', 'около': 'около',
    'порядка': 'порядка', 'почти': 'почти', 'до': 'до',
    'не менее': 'не менее', 'не менее чем': 'не менее',
    'не более': 'не более', 'не более чем': 'не более',
    'не свыше': 'не более', 'менее': 'менее', 'меньше': 'менее',
    'примерно': 'примерно', 'приблизительно': 'приблизительно',
    'ориентировочно': 'ориентировочно', 'максимум': 'максимум',
    'минимум': 'минимум', 'как минимум': 'минимум',
}

QUALIFIER = or_(*[
    rule(*[caseless(_) for _ in words.split()]).interpretation(const(reported))
    for words, reported in QUALIFIERS.items()
]).interpretation(Money.qualifier)


#########
#
#   MONEY
#
#########

def money(amount, after=True, bare=True):
    """An amount with its currency before it, after it, or none (`bare`)."""
    amount = AMOUNT.interpretation(amount)
    return or_(
        rule(SIGN, amount),
        *([rule(amount, CURRENCY)] if after else []),
        *([rule(amount)] if bare else []),
    )


# A range's upper bound names the currency, and a dash never follows a
# currency name inside one: `5 млрд рублей – 102%` and `500 млн тенге –
# 1 млн долларов` are no ranges.
SINGLE = money(Money.amount)
LOW = money(Money.amount, after=False)
HIGH = money(Money.amount_max, bare=False)

RANGE = or_(
    rule(caseless('от'), SINGLE,  # от 5 до 7 млрд тенге
         or_(caseless('до'), DASH).interpretation(Money.kind.const('range')), HIGH),
    rule(LOW, DASH.interpretation(Money.kind.const('range')), HIGH),  # 5–7 млрд
)

# `с 5 до 7 млрд` is a change between two amounts, not a range: two sums.
CHANGE = rule(
    caseless('с'), SINGLE, caseless('до').interpretation(Money.kind.const('change')), HIGH,
)

# `450 тенге за доллар` is an exchange rate, no sum.
RATE = rule(
    SINGLE, caseless('за').interpretation(Money.kind.const('rate')),
    NUMBER.optional(), CURRENCY,
)

MONEY = or_(
    rule(QUALIFIER.optional(), SINGLE),
    RANGE,
    CHANGE,
    RATE,
).interpretation(Money)
