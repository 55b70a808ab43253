"""The document grammar (rules/documents.py) run only where it can match.

yargy's chart parser pays for every token it reads, with the whole grammar at
each one. Every token of a match is one the grammar can use (a qualifier, a
number, a count word, an adjective or participle, `,` / `и`, a document noun
or the words of `дорожная карта`, `план мероприятий`, `совместное
заявление`), and every match holds a document noun: so the parser reads only
the longest runs of such tokens that hold one. Its matches there are the ones
it finds over the whole sentence (tokens are read word by word, and matches in
different runs never overlap), and a run's matches are cached by its text.
"""
from __future__ import annotations

from copy import copy
from functools import lru_cache
from typing import NamedTuple

from rules.documents import (DEAL, DOCUMENT_NOUNS, DOCUMENTS, PLAN_NOUNS, PLAN_OBJECTS, QUALIFIERS,
                             UNCOUNTED_WORDS)
from rules.money import WORD_VALUES

from ..nlp import lemmas, parse, token_runs, yargy_tokenizer


def _plain(words) -> frozenset[str]:
    return frozenset(w.lower().replace("ё", "е") for w in words)  # as nlp.lemmas gives them


# Normal forms the grammar's lemma predicates accept, and words it reads as written.
GRAMMAR_LEMMAS = _plain({w for words in DOCUMENTS for w in words} | PLAN_NOUNS | {"совместный", "заявление"}
                        | PLAN_OBJECTS | UNCOUNTED_WORDS | set(WORD_VALUES))
GRAMMAR_FORMS = _plain({w for q in QUALIFIERS for w in q.split()} | {",", "и"} | set(WORD_VALUES))
MODIFIER_GRAMMEMES = {"ADJF", "PRTF"}
DOCUMENT_LEMMAS = _plain(DOCUMENT_NOUNS)


class Deal(NamedTuple):
    """A match of the grammar, as yargy's Match gives it: its tokens, span and fact."""
    tokens: list
    span: object
    fact: object


@lru_cache(maxsize=1)
def parser():
    from yargy import Parser
    return Parser(DEAL, tokenizer=yargy_tokenizer())


def usable(token) -> bool:
    """Whether some rule of the grammar can read this token (a superset: never too strict)."""
    if token.type == "INT" or token.value.lower() in GRAMMAR_FORMS:
        return True
    return token.type == "RU" and bool(
        lemmas(token.value) & GRAMMAR_LEMMAS
        or any(MODIFIER_GRAMMEMES & p.tag.grammemes for p in parse(token.value)))


def windows(text: str):
    """(start, end) of each run of usable tokens in `text` that holds a document noun."""
    for start, end, tokens in token_runs(parser().tokenizer, text, usable):
        if any(t.type == "RU" and lemmas(t.value) & DOCUMENT_LEMMAS for t in tokens):
            yield start, end


# Bounded: runs repeat (`соглашение о сотрудничестве`) across a corpus, but not without end.
@lru_cache(maxsize=20_000)
def window_deals(text: str) -> tuple[Deal, ...]:
    """The grammar's matches in one window, offsets into it."""
    return tuple(Deal(m.tokens, m.span, m.fact) for m in parser().findall(text))


def deals(text: str, offset: int = 0):
    """The grammar's matches in `text` (a sentence), offsets moved by `offset`."""
    for start, end in windows(text):
        for deal in window_deals(text[start:end]):
            yield _moved(deal, offset + start)


def _moved(deal: Deal, by: int) -> Deal:
    tokens = []
    for token in deal.tokens:
        token = copy(token)  # the cached match stays as it is
        token.span = _shift(token.span, by)
        tokens.append(token)
    return Deal(tokens, _shift(deal.span, by), deal.fact)


def _shift(span, by: int):
    from yargy.span import Span
    return Span(span.start + by, span.stop + by)
