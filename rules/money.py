"""Money grammar: NUMBER × MULTIPLIER × CURRENCY, with qualifiers and ranges.

In the spirit of natasha/grammars/money.py, but further: compound amounts
(`1 трлн 400 млрд`), number words (`три триллиона`; the numbers are rules/numbers.py),
currencies read from currencies.csv (one line per currency, no code), qualifiers and ranges.

The grammar also matches amounts with no currency at all (`еще 5 млрд`):
`sums.py` decides whether the previous sum's currency carries over to them.
"""
from __future__ import annotations

import csv
from pathlib import Path

from yargy import or_, rule
from yargy.interpretation import attribute, const, fact
from yargy.predicates import caseless, eq, in_, in_caseless

from rules.numbers import NUMBER, WHOLE, WORD_VALUES
from rules.words import DOT, lemma, word, written

DASH = in_('-–—')

Part = fact('Part', ['number', 'multiplier'])
Amount = fact('Amount', [attribute('parts').repeatable()])
Money = fact('Money', ['qualifier', 'amount', 'amount_max', 'currency', 'cents', 'kind'])


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

MULTIPLIER = or_(
    written({abbr: value for abbr, _, _, value in SCALES}, dot=True),
    word({word: value for _, word, _, value in SCALES}),
).interpretation(Part.multiplier)

# A multiplier word alone is one of it (`около миллиарда долларов`), or half
# of it (`полмиллиона`, `полумиллиона`); the plural (`миллиарды`) is vague.
HALVES = {prefix + genitive: value // 2 for _, _, genitive, value in SCALES
          for prefix in ('пол', 'полу')}

SCALE = or_(
    word({word: value for _, word, _, value in SCALES}, grammeme='sing'),
    written(HALVES),
).interpretation(Part.multiplier)

# Words that may begin an amount written without digits: a sentence with
# neither these nor a digit holds no money, and the parser may skip it.
AMOUNT_WORDS = set(WORD_VALUES) | {word for _, word, _, _ in SCALES} | set(HALVES)


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
TAIL = WHOLE.interpretation(Part.number).interpretation(Part).interpretation(Amount.parts)

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


def load_currencies(path=CURRENCIES):
    """(code, names, symbols, adjectives, country, home) rows of currencies.csv. Names are
    lemmas (an adjective's too: `турецкий лира`); a trailing dot marks an abbreviation
    (`руб.`), a Latin name an ISO code. `adjectives`: the currency's own adjective, as in
    `в долларовом эквиваленте`. `home`: lemmas that name the issuing country, where another
    currency's bare name is also this one's (`рубль` at home in Belarus)."""
    def listed(column):
        return [_.strip() for _ in column.split(';') if _.strip()]

    with open(path, encoding='utf-8') as file:
        for row in csv.DictReader(file):
            yield (row['code'], [_.lower() for _ in listed(row['names'])], listed(row['symbols']),
                   listed(row['adjectives']), row['country'], set(listed(row['home'])))


SIGNS, ABBREVIATIONS, WORDS, PHRASES = {}, {}, {}, []
ADJECTIVES, COUNTRIES, HOME_WORDS = {}, {}, {}  # → currency: adjective, ISO country, home word
for code, names, symbols, adjectives, country, home in load_currencies():
    SIGNS.update({_.lower(): code for _ in symbols})
    ADJECTIVES.update({_: code for _ in adjectives})
    COUNTRIES.update({country: code} if country else {})
    HOME_WORDS.update({_: code for _ in home})
    for name in names:
        if ' ' in name:
            PHRASES.append((name.split(), code))   # доллар сша
        elif name.endswith('.'):
            ABBREVIATIONS[name.rstrip('.')] = code  # руб.: dot optional
        elif name.isascii():
            SIGNS[name] = code                      # usd: also before the amount
        else:
            WORDS[name] = code                      # рубль, in any form

# A bare name and the currencies with a home that also go by it: `рубль` is RUB, or BYN at
# home in Belarus (`белорусский рубль`); `манат` TMT, or AZN.
SHARED = {}
for words, code in PHRASES:
    if WORDS.get(words[-1], code) != code and code in HOME_WORDS.values():
        SHARED.setdefault(WORDS[words[-1]], set()).add(code)


# What a kept sum always shows: a currency, or millions and more (a bare amount
# takes the previous currency only then). A sentence without any is skipped.
MONEY_LEMMAS = set(WORDS) | {w for words, _ in PHRASES for w in words} | {
    word for _, word, _, value in SCALES if value >= 10**6} | {
    half for half, value in HALVES.items() if value >= 10**6}
MONEY_MARKS = {_.lower() for _ in SIGNS} | set(ABBREVIATIONS) | {
    abbr for abbr, _, _, value in SCALES if value >= 10**6}


def phrase(words, code):
    """`доллар США`, `белорусский рубль`: each word in any form, an abbreviated one (`бел.`)
    with its dot optional."""
    return rule(*[rule(caseless(_.rstrip('.')), DOT.optional()) if _.endswith('.') else
                  or_(caseless(_), lemma({_})) for _ in words]).interpretation(const(code))


CURRENCY = or_(
    written(SIGNS),
    written(ABBREVIATIONS, dot=True),
    word(WORDS),
    *[phrase(words, code) for words, code in PHRASES],
).interpretation(Money.currency)

SIGN = written(SIGNS).interpretation(Money.currency)

# The currency said after `в`: `5 млн в долларах`, `1,2 млрд в долларовом эквиваленте`.
IN_CURRENCY = rule(caseless('в'), or_(
    CURRENCY,
    rule(word(ADJECTIVES).interpretation(Money.currency), lemma({'эквивалент', 'выражение'})),
))


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

QUALIFIER = or_(
    written({k: v for k, v in QUALIFIERS.items() if ' ' not in k}),
    *[rule(*[caseless(_) for _ in words.split()]).interpretation(const(reported))
      for words, reported in QUALIFIERS.items() if ' ' in words],
).interpretation(Money.qualifier)


#########
#
#   MONEY
#
#########

# The amount spelled out again in brackets, as contracts and decrees write it:
# `5 000 000 (пять миллионов) тенге`. The digits give the value.
SPELLED = rule(eq('('), lemma(AMOUNT_WORDS).repeatable(max=8), eq(')'))


# Words for the notes themselves, between an amount and its currency: `300 тыс.
# неденоминированных рублей`, `5 млн новых манатов`, `100 долларов наличными` aside.
NOTE_WORDS = {'старый', 'новый', 'неденоминированный', 'деноминированный', 'наличный',
              'безналичный', 'бумажный', 'советский'}
NOTE = lemma(NOTE_WORDS)

# The hundredths after the currency: `1 рубль 50 копеек`, `12 тенге 50 тиынов` (pymorphy
# takes `тиынов` for a lemma of its own).
SUBUNITS = {'копейка', 'тиын', 'тиынов', 'тыйын', 'тийин', 'дирам', 'цент', 'евроцент', 'пенс',
            'тетри'}
CENTS = rule(NUMBER.interpretation(Money.cents), lemma(SUBUNITS))


def money(amount, after=True, bare=True):
    """An amount with its currency before it, after it, or none (`bare`)."""
    amount = AMOUNT.interpretation(amount)
    return or_(
        rule(SIGN, amount),
        *([rule(amount, SPELLED.optional(), NOTE.optional(), CURRENCY, CENTS.optional()),
           rule(amount, IN_CURRENCY)] if after else []),
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

# `3,1 и 3,7 трлн тенге (соответственно)`: two sums, the first borrowing the multiplier.
PAIR = rule(AMOUNT.interpretation(Money.amount),
            in_caseless({'и', 'или'}).interpretation(Money.kind.const('pair')), HIGH)

# `450 тенге за доллар` is an exchange rate, no sum.
RATE = rule(
    SINGLE, caseless('за').interpretation(Money.kind.const('rate')),
    NUMBER.optional(), CURRENCY,
)

# `примерно в 40 млн долларов`, `более чем на 5 млрд`: the qualifier of `обойдется в ...`,
# `вырос на ...`; also of a range (`около 5–7 млрд`).
QUALIFIED = rule(QUALIFIER, in_caseless({'в', 'на'}).optional()).optional()

MONEY = or_(
    rule(QUALIFIED, SINGLE),
    rule(QUALIFIED, RANGE),
    CHANGE,
    PAIR,
    RATE,
).interpretation(Money)
