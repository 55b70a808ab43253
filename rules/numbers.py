"""Numbers as money is written: digits with every thousands separator and decimal mark
(`1 400 000,5`, `1.400.000`, `2'500'000`, `1e9`), number words in any case (`двумястами`),
halves (`два с половиной`) and spelled decimals (`четыре целых пять десятых`). The money
grammar (rules/money.py) puts them before its multipliers and currencies."""
from __future__ import annotations

import re
from decimal import Decimal

from yargy import or_, rule
from yargy.interpretation import attribute, const, custom, fact, normalized
from yargy.predicates import caseless, type
from yargy.tokenizer import TokenRule

from rules.words import lemma

# One token per written number, so the grammar never confuses a thousands
# space (`1 400`) or a decimal comma (`2,5`) with two numbers in a list
# (`5, 7`): yargy's own tokenizer splits them all alike.
NUMBER_TOKEN = TokenRule(
    'INT',
    r'\d+(?:[.,]\d+)?[eE][+-]?\d{1,3}(?!\d)'               # 1e9, 1,5E+6: one number, not `9`
    r'|\d{1,3}(?:[.,]\d{3}){2,}(?!\d)'                     # 1.400.000
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f'’]\d{3}(?!\d))+(?:[.,]\d+)?"  # 1 400 000,5; 2'500'000
    r'|\d+(?:[.,]\d+)?'                                      # 1400, 2,5
)

# A word with a Kazakh, Kyrgyz, Uzbek or Tajik letter (`теңге`, `сўм`, `сомонӣ`) is one
# word, not three: yargy's Russian words are [а-яё]+ only.
CYRILLIC_WORD = TokenRule('RU', r'(?=[а-яё]*[әғқңөұүһіўҷӣӯҳ])[а-яёәғқңөұүһіўҷӣӯҳ]+')

Number = fact('Number', [attribute('values').repeatable()])


def digits_value(text: str) -> Decimal:
    text = ''.join(text.split()).replace("'", '').replace('’', '')
    if text.count('.') + text.count(',') > 1:  # 1.400.000: separators only
        return Decimal(text.replace('.', '').replace(',', ''))
    return Decimal(text.replace(',', '.'))


DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def whole_value(text: str) -> Decimal:
    """A number with no multiplier after it: `2.000 евро` is two thousand, as Russian writes
    a decimal with a comma (`2,5`); before one, `1.500 млрд` stays 1.5 (`digits_value`)."""
    return Decimal(text.replace('.', '')) if DOT_THOUSANDS.fullmatch(text) else digits_value(text)


WORD_VALUES = {
    'один': 1, 'два': 2, 'три': 3, 'четыре': 4, 'пять': 5,
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

# `двадцать три` is 20 + 3: each word adds its value. Only by lemma: a
# surface match too would parse every number word twice.
NUMBER_WORD = lemma(WORD_VALUES).interpretation(
    normalized().custom(lambda word: Decimal(WORD_VALUES[word]))
).interpretation(Number.values)

# `два с половиной миллиарда`, `2 с половиной млн`: the half adds to the number.
HALF_WORD = 'половина'
AND_A_HALF = rule(caseless('с'), lemma({HALF_WORD})).interpretation(
    const(Decimal('0.5'))).interpretation(Number.values)


# A decimal spelled out: `четыре целых пять десятых`, `ноль целых двадцать пять сотых`.
WHOLE_WORD, FRACTION_WORDS = 'целый', {'десятый': 10, 'сотый': 100, 'тысячный': 1000}
DECIMAL_WORDS = {WHOLE_WORD, 'ноль', *FRACTION_WORDS}


def spelled_decimal(text: str) -> Decimal:
    """The words before `целых` are the whole, those after it the numerator, the last one
    the denominator."""
    from pipeline.nlp import lemmas

    words = [lemmas(w) for w in text.lower().split()]
    point = next(i for i, found in enumerate(words) if WHOLE_WORD in found)

    def total(part) -> Decimal:
        return sum((Decimal(next((WORD_VALUES[w] for w in sorted(found) if w in WORD_VALUES), 0))
                    for found in part), Decimal(0))

    denominator = next(FRACTION_WORDS[w] for w in sorted(words[-1]) if w in FRACTION_WORDS)
    return total(words[:point]) + total(words[point + 1:-1]) / denominator


SPELLED_DECIMAL = rule(
    lemma({*WORD_VALUES, 'ноль'}).repeatable(max=4), lemma({WHOLE_WORD}),
    lemma(WORD_VALUES).repeatable(max=4), lemma(FRACTION_WORDS),
).interpretation(custom(spelled_decimal)).interpretation(Number.values)


def number(digits):
    return or_(
        rule(digits, AND_A_HALF.optional()),
        rule(NUMBER_WORD.repeatable(max=4), AND_A_HALF.optional()),
        SPELLED_DECIMAL,
    ).interpretation(Number)


NUMBER = number(DIGITS)
WHOLE = number(type('INT').interpretation(custom(whole_value)).interpretation(Number.values))
