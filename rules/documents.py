"""Document grammar: how many memoranda, agreements, roadmaps a phrase names.

    10 меморандумов · три меморандума · двадцать пять меморандумов
    более 20 меморандумов · 4 двусторонних рамочных меморандума
    15 соглашений и меморандумов · ряд меморандумов · меморандум
"""
from __future__ import annotations

from yargy import and_, not_, or_, rule
from yargy.interpretation import attribute, const, custom, fact
from yargy.predicates import caseless, gram, type

from rules.money import WORD_VALUES, lemma

Deal = fact('Deal', ['qualifier', attribute('numbers').repeatable(), 'uncounted',
                     attribute('documents').repeatable()])

DOCUMENTS = {  # lemmas as written → the kind reported in `document`
    ('меморандум',): 'меморандум',
    ('соглашение',): 'соглашение',
    ('договор',): 'договор',
    ('протокол',): 'протокол',
    ('дорожный', 'карта'): 'дорожная карта',
}

DOCUMENT = or_(*[
    rule(*[lemma({word}) for word in words]).interpretation(const(kind))
    for words, kind in DOCUMENTS.items()
]).interpretation(Deal.documents)

DOCUMENTS_TOGETHER = rule(DOCUMENT, rule(caseless('и'), DOCUMENT).optional())

NUMBER_WORD = or_(*[
    lemma({word}).interpretation(const(int(value)))
    for word, value in WORD_VALUES.items() if value == int(value)
])

NUMBER = or_(
    rule(type('INT').interpretation(custom(int)).interpretation(Deal.numbers)),
    rule(NUMBER_WORD.interpretation(Deal.numbers)).repeatable(max=3),  # двадцать пять
)

QUALIFIER = or_(*[
    rule(*map(caseless, words.split())).interpretation(const(words))
    for words in ('более', 'свыше', 'около', 'порядка', 'почти', 'не менее', 'более чем')
]).interpretation(Deal.qualifier)

UNCOUNTED = lemma({'ряд', 'несколько', 'пакет', 'серия', 'множество'}).interpretation(
    Deal.uncounted.const(True))

# `4 двусторонних рамочных меморандума`: adjectives between the count and the noun.
MODIFIER = and_(or_(gram('ADJF'), gram('PRTF')), not_(lemma({'дорожный'})))

COUNTED = rule(
    QUALIFIER.optional(),
    or_(NUMBER, UNCOUNTED),
    rule(MODIFIER).repeatable(max=3).optional(),
    DOCUMENTS_TOGETHER,
)

DEAL = or_(COUNTED, DOCUMENTS_TOGETHER).interpretation(Deal)
