"""Syntax on demand: natasha's news morphology tagger and dependency parser on one sentence.

`Doc.syntax(i)` asks for sentence i the first time a stage needs it (the parser costs ~100x
a token window, so stages ask only about sentences their cheap rules cannot settle); the
tree is keyed by index in `doc.tokens`, since it is parsed on the Doc's own razdel tokens.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .nlp import Doc, Sentence


# Universal Dependencies' case names (natasha's morphology tagger) → pymorphy3's.
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Par": "gent", "Dat": "datv", "Acc": "accs",
            "Ins": "ablt", "Loc": "loct", "Voc": "nomn"}


@dataclass(frozen=True)
class SyntaxWord:
    head: int | None  # index in doc.tokens of the word this one depends on; None at the root
    rel: str  # the Universal Dependencies relation to the head: nsubj, appos, nmod, xcomp, ...
    pos: str  # NOUN, PROPN, VERB, ...
    case: str | None  # pymorphy3's name of the case natasha reads here: nomn, gent, ...
    plural: bool


@dataclass(frozen=True)
class SentenceSyntax:
    """One sentence's dependency tree, keyed by index in doc.tokens."""
    words: dict[int, SyntaxWord]

    def head(self, i: int) -> int | None:
        word = self.words.get(i)
        return word.head if word else None

    def rel(self, i: int) -> str | None:
        word = self.words.get(i)
        return word.rel if word else None

    def children(self, i: int) -> list[int]:
        return [k for k, w in self.words.items() if w.head == i]

    def root(self, first: int, last: int) -> int:
        """The word of tokens [first, last) that the phrase hangs by: its head lies outside."""
        inside = range(first, last)
        return next((k for k in inside if k in self.words and self.words[k].head not in inside), first)


@lru_cache(maxsize=1)
def syntax_models():
    """natasha's morphology tagger and dependency parser, trained on news."""
    from natasha import NewsMorphTagger, NewsSyntaxParser

    from .ner import embedding
    return NewsMorphTagger(embedding()), NewsSyntaxParser(embedding())


def parse_sentence(doc: Doc, sentence: Sentence) -> SentenceSyntax:
    """Tag and parse one sentence's tokens (our razdel tokens, so indices map one to one)."""
    first, last = doc.token_index(sentence.start), doc.token_index(sentence.end)
    indices = [k for k in range(first, last) if doc.tokens[k].text.strip()]
    if not indices:
        return SentenceSyntax({})
    words = [doc.tokens[k].text for k in indices]
    tagger, parser = syntax_models()
    morphology, tree = next(tagger.map([words])), next(parser.map([words]))
    syntax = {}
    for k, tagged, parsed in zip(indices, morphology.tokens, tree.tokens):
        head = int(parsed.head_id)  # 1-based within the sentence; 0 is the root
        syntax[k] = SyntaxWord(indices[head - 1] if 0 < head <= len(indices) and head != int(parsed.id)
                               else None, parsed.rel, tagged.pos, UD_CASES.get(tagged.feats.get("Case")),
                               tagged.feats.get("Number") == "Plur")
    return SentenceSyntax(syntax)
