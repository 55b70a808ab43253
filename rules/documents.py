"""Document grammar: how many memoranda, agreements, roadmaps a phrase names.

    10 меморандумов · три меморандума · двадцать пять меморандумов
    более 20 меморандумов · 4 двусторонних рамочных меморандума
    9 межрегиональных и коммерческих соглашений · 15 соглашений и меморандумов
    ряд меморандумов · меморандум · план мероприятий · программа сотрудничества
    совместное заявление
"""
from __future__ import annotations

from yargy import and_, not_, or_, rule
from yargy.interpretation import attribute, const, custom, fact, normalized
from yargy.predicates import caseless, eq, gram, type

from rules.money import WORD_VALUES
from rules.words import lemma, word

Deal = fact('Deal', ['qualifier', attribute('numbers').repeatable(), 'uncounted',
                     attribute('documents').repeatable()])

DOCUMENTS = {  # lemmas as written → the kind reported in `document`
    ('меморандум',): 'меморандум',
    ('соглашение',): 'соглашение',
    ('договор',): 'договор',
    ('протокол',): 'протокол',
    ('дорожный', 'карта'): 'дорожная карта',
    ('документ',): 'документ',
}
# `план` or `программа` alone is any plan: only `план мероприятий / действий /
# сотрудничества`, `программа сотрудничества` (or one `аналогичная` to it) is signed.
PLAN_NOUNS = frozenset({'план', 'программа'})
PLAN_OBJECTS = frozenset({'мероприятие', 'действие', 'сотрудничество'})
# `аналогичные программы`: one like a signed plan named before.
PLAN_LIKE = frozenset({'аналогичный', 'подобный'})
PLAN = or_(*[
    or_(rule(lemma({noun}), rule(gram('ADJF')).optional(), lemma(PLAN_OBJECTS)),
        rule(lemma(PLAN_LIKE), lemma({noun}))).interpretation(const(noun))
    for noun in sorted(PLAN_NOUNS)
])

# The lemmas of the document nouns, for the extractor's singular / plural test.
DOCUMENT_NOUNS = frozenset(words[-1] for words in DOCUMENTS) | PLAN_NOUNS | {'заявление'}

# The lemmas that say a document was (or is to be) signed: `подписали`, `заключено`, `подписи`.
SIGNED = {'подписать', 'подписывать', 'подписание', 'заключить', 'заключать', 'заключение',
          'парафировать', 'действовать', 'подписанный', 'заключенный', 'подпись'}

SINGLE_WORD_DOCUMENTS = {words[0]: kind for words, kind in DOCUMENTS.items() if len(words) == 1}

DOCUMENT = or_(
    rule(lemma(SINGLE_WORD_DOCUMENTS)).interpretation(normalized().custom(SINGLE_WORD_DOCUMENTS.get)),
    *[rule(*[lemma({w}) for w in words]).interpretation(const(kind))
      for words, kind in DOCUMENTS.items() if len(words) > 1],
    PLAN,
    rule(lemma({'совместный'}), lemma({'заявление'})).interpretation(const('заявление')),
).interpretation(Deal.documents)

LIST_SEPARATOR = or_(rule(eq(','), caseless('и').optional()), rule(caseless('и')))

DOCUMENTS_TOGETHER = rule(DOCUMENT, rule(LIST_SEPARATOR, DOCUMENT).repeatable(max=3).optional())

# One predicate for the whole lexicon keeps the parser fast (see money.word).
NUMBER_WORD = word({w: int(value) for w, value in WORD_VALUES.items() if value == int(value)})

NUMBER = or_(
    rule(type('INT').interpretation(custom(int)).interpretation(Deal.numbers)),
    rule(NUMBER_WORD.interpretation(Deal.numbers)).repeatable(max=3),  # двадцать пять
)

QUALIFIERS = ('более', 'свыше', 'около', 'порядка', 'почти', 'не менее', 'более чем',
              'примерно', 'до')
QUALIFIER = or_(*[
    rule(*map(caseless, words.split())).interpretation(const(words)) for words in QUALIFIERS
]).interpretation(Deal.qualifier)

UNCOUNTED_WORDS = frozenset({'ряд', 'несколько', 'пакет', 'серия', 'множество', 'десяток', 'сотня'})
UNCOUNTED = lemma(UNCOUNTED_WORDS).interpretation(Deal.uncounted.const(True))

# `4 двусторонних рамочных меморандума`, `9 межрегиональных и коммерческих
# соглашений`: adjectives between the count and the noun.
MODIFIER = and_(or_(gram('ADJF'), gram('PRTF')), not_(lemma({'дорожный'})))
MODIFIERS = rule(MODIFIER, rule(LIST_SEPARATOR.optional(), MODIFIER).repeatable(max=3).optional())

COUNTED = rule(
    QUALIFIER.optional(),
    or_(NUMBER, UNCOUNTED),
    MODIFIERS.optional(),
    DOCUMENTS_TOGETHER,
)

DEAL = or_(COUNTED, DOCUMENTS_TOGETHER).interpretation(Deal)
