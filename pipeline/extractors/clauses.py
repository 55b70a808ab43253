"""Where the clause of a signing begins and ends, within its sentence.

A signing's status (signed, planned, earlier) and its sides are read from its
clause, not from the whole sentence: `X и Y подписали соглашение, а Z и W
планируют подписать договор` holds two signings.
"""
from __future__ import annotations

import re

from rules.documents import DOCUMENT_NOUNS

from ..nlp import Doc, Token, lemmas, parse


def clause_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    return doc.tokens[doc.token_index(start):doc.token_index(end)]


DOCUMENTS_JOINED = {"также", "и", ","}  # `соглашение, а также меморандум`, `соглашение и меморандум`


def own_words(tokens: list[Token], match: tuple[int, int]) -> list[Token]:
    """`подписали соглашение, а также меморандум с компанией`: the words after the next
    document joined to this one are that one's (its company no side of this one)."""
    for k, token in enumerate(tokens):
        if token.start >= match[1] and lemmas(token.text) & DOCUMENT_NOUNS:
            j = k - 1
            while j > 0 and parse(tokens[j].text)[0].tag.POS in {"ADJF", "PRTF"}:
                j -= 1  # `а также двусторонний меморандум`
            return tokens[:k] if tokens[j].text.lower() in DOCUMENTS_JOINED else tokens
    return tokens


# A line break before a capital ends a clause: titles and leads often lack a full stop. So
# does a contrastive `, а` (not `а также`, `а именно`): `X и Y подписали соглашение, а Z и
# W — договор` are two signings with their own sides; where what follows names no document
# (`X подписала соглашение с Y, а Z — с W`), it repeats this one, and the clause goes on.
CLAUSE_BREAK = re.compile(r"\n\s*(?=[A-ZА-ЯЁ«\"—–-])|,\s+а\s+(?!также\b|именно\b|в\s+частности\b)")


def clause(doc: Doc, offset: int) -> tuple[int, int]:
    """The clause of the sentence at `offset`: the sentence, cut at line breaks, at a
    contrastive `, а` and between comma-joined clauses with their own documents."""
    sentence = doc.sentence_at(offset)
    start, end = sentence.start, sentence.end
    for brk in _breaks(doc, sentence):
        if sentence.start + brk.start() < offset:
            start = sentence.start + brk.end()
        else:
            end = sentence.start + brk.start()
            break
    return _compound_part(doc, start, end, offset)


def _breaks(doc: Doc, sentence):
    found = list(CLAUSE_BREAK.finditer(sentence.text))
    for brk, after in zip(found, found[1:] + [None]):
        stop = sentence.start + (after.start() if after else len(sentence.text))
        rest = clause_tokens(doc, sentence.start + brk.end(), stop)
        if brk.group().startswith("\n") or any(lemmas(t.text) & DOCUMENT_NOUNS for t in rest):
            yield brk


PREDICATES = {"VERB", "PRTS"}


def _compound_part(doc: Doc, start: int, end: int, offset: int) -> tuple[int, int]:
    """`с X подписаны соглашения, с Y соглашение готовится`: clauses joined by a comma
    that each name a document and have a predicate of their own are read apart (a
    comma before a list item, a relative clause or a participle splits nothing)."""
    pieces, begin = [], start
    for token in clause_tokens(doc, start, end):
        if token.text == ",":
            pieces.append((begin, token.start))
            begin = token.start
    parts = []  # (start, end, names a document, has a predicate): flags OR-ed as pieces merge
    for a, b in pieces + [(begin, end)]:
        piece = (a, b, *_complete(doc, a, b))
        if parts and not (all(parts[-1][2:]) and all(piece[2:])):
            last = parts.pop()
            piece = (last[0], b, last[2] or piece[2], last[3] or piece[3])
        parts.append(piece)
    return next(((a, b) for a, b, *_ in parts if a <= offset < b), (start, end))


def _complete(doc: Doc, start: int, end: int) -> tuple[bool, bool]:
    tokens = clause_tokens(doc, start, end)
    return (any(lemmas(t.text) & DOCUMENT_NOUNS for t in tokens),
            any(parse(t.text)[0].tag.POS in PREDICATES for t in tokens))


def previous_clause(doc: Doc, start: int) -> tuple[int, int]:
    return clause(doc, len(CONTRAST_END.sub("", doc.text[:start])) - 1)


CONTRAST_END = re.compile(r"(?:,\s+а)?\s*$")  # the break a clause after `, а` starts at
