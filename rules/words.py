"""Yargy predicates over a lexicon, shared by the grammars: a word by its lemma (`lemma`,
`word`) or as written (`written`)."""
from __future__ import annotations

from yargy import and_, not_, or_, rule
from yargy.interpretation import custom, normalized
from yargy.predicates import eq, in_caseless
from yargy.predicates.constructors import Predicate
from yargy.token import is_morph_token

DOT = eq('.')


class lemma(Predicate):
    """Some parse of the word has its normal form in `words` (as written: yargy's
    `dictionary` re-parses them, `сум` → `сума`) and the `grammeme`, if given.
    Only those parses are kept, so `normalized()` gives that normal form."""
    __attributes__ = ['words', 'grammeme']

    def __init__(self, words, grammeme=None):
        self.words, self.grammeme = frozenset(words), grammeme

    def fits(self, form):
        return form.normalized in self.words and (
            self.grammeme is None or self.grammeme in form.grams)

    def __call__(self, token):
        if is_morph_token(token):
            return any(self.fits(_) for _ in token.forms)
        return self.grammeme is None and token.normalized in self.words

    def constrain(self, token):
        if is_morph_token(token):
            return token.constrained([_ for _ in token.forms if self.fits(_)])
        return token


def word(values: dict, grammeme=None):
    """A word whose normal form is a key of `values`, meaning its value; also
    the key as written, for words pymorphy normalizes otherwise (`тенге`).

    One predicate for a whole lexicon keeps the parser fast: yargy predicts
    every alternative of the grammar at every token."""
    by_lemma = lemma(values, grammeme)
    return or_(
        rule(by_lemma).interpretation(normalized().custom(values.get)),
        rule(and_(in_caseless(values), not_(by_lemma)))
        .interpretation(custom(lambda value: values[value.lower()])),
    )


def written(values: dict, dot=False):
    """A token written as a key of `values` (any case), meaning its value;
    `dot`: an abbreviation, its dot optional (`млн.`, `руб.`)."""
    token = rule(in_caseless(values), DOT.optional()) if dot else rule(in_caseless(values))
    return token.interpretation(custom(lambda text: values[text.rstrip('. ').lower()]))
