"""NLP stage: razdel sentences and tokens, natasha NER spans, pymorphy3 lemmas.

Models are loaded once per process (lazily, so importing is cheap and a
process pool pays the cost once per worker). Extractors receive a `Doc` and
never load anything themselves.

Like natasha's `Doc`, ours grows by layers, each a named attribute filled once
by one stage (`engine.run.add_layers` gives the order): `analyze` fills
sentences, tokens and NER spans; `extract.regions` fills `regions` (the region
mentions); `extract.offices` fills `offices`, which reads `regions`. Officials
and memoranda only read layers, so nothing is computed twice.

Syntax is the one layer computed on demand: `Doc.syntax(sentence)` runs
natasha's morphology tagger and dependency parser on that sentence alone, the
first time a stage asks, and keeps the result on the Doc. The parser costs
~100x a token window, so stages ask only about sentences their cheap rules
cannot settle.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from razdel import sentenize, tokenize

from .records import Article
from .syntax import SentenceSyntax, parse_sentence

if TYPE_CHECKING:  # the layers' record types, defined by the stages that fill them
    from .extractors.gazetteer import Mention
    from .extractors.offices import OfficeMention


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str  # pymorphy3 normal form, lower case


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class NerSpan:
    type: str  # PER, LOC or ORG
    start: int
    end: int
    text: str


@dataclass
class Doc:
    article: Article
    text: str  # the text analysed: cleaned and normalised (read.normalize), offsets index it
    sentences: list[Sentence]
    tokens: list[Token]
    spans: list[NerSpan]
    # Layers filled by later stages; None until their stage has run.
    regions: list[Mention] | None = field(default=None, repr=False)
    offices: list[OfficeMention] | None = field(default=None, repr=False)
    _syntax: dict[int, SentenceSyntax] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._sentence_starts = [s.start for s in self.sentences]
        self._token_starts = [t.start for t in self.tokens]
        # NER spans by start, with the furthest end reached so far: `spans_covering` bisects
        # instead of scanning every span for every token (quadratic on a long article).
        self._spans_by_start = sorted(self.spans, key=lambda s: (s.start, s.end))
        self._span_starts = [s.start for s in self._spans_by_start]
        self._span_reach = list(accumulate((s.end for s in self._spans_by_start), max))

    def sentence_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[self.sentence_index(offset)]

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self._token_starts, offset)

    def syntax(self, sentence: int) -> SentenceSyntax:
        """The dependency tree of sentence number `sentence`, parsed the first time it is asked for."""
        if sentence not in self._syntax:
            self._syntax[sentence] = parse_sentence(self, self.sentences[sentence])
        return self._syntax[sentence]

    def spans_covering(self, start: int, end: int, type: str | None = None) -> list[NerSpan]:
        """The NER spans holding text[start:end], in text order."""
        found = []
        i = bisect.bisect_right(self._span_starts, start) - 1
        while i >= 0 and self._span_reach[i] >= end:  # no span further left reaches `end`
            span = self._spans_by_start[i]
            if end <= span.end and (type is None or span.type == type):
                found.append(span)
            i -= 1
        return found[::-1]

    def spans_within(self, start: int, end: int) -> list[NerSpan]:
        """The NER spans inside text[start:end], in text order."""
        first = bisect.bisect_left(self._span_starts, start)
        last = bisect.bisect_left(self._span_starts, end)
        return [s for s in self._spans_by_start[first:last] if s.end <= end]


@lru_cache(maxsize=1)
def morph():
    """The one morphological analyzer of the process (pymorphy3), whose parses answer
    `is_known` from a cache (`_CachedParse`)."""
    import pymorphy3
    return pymorphy3.MorphAnalyzer(result_type=_parse_type())


@lru_cache(maxsize=1)
def _parse_type():
    from pymorphy3.analyzer import Parse

    class _CachedParse(Parse):
        """pymorphy3's parse; `is_known` is a dictionary walk each time it is read, and the
        extractors read it for the same words again and again."""
        __slots__ = ()

        @property
        def is_known(self) -> bool:
            return _word_is_known(self.word)

    return _CachedParse


@lru_cache(maxsize=50_000)
def _word_is_known(word: str) -> bool:
    """What pymorphy3's `Parse.is_known` answers for a parse of `word`."""
    analyzer = morph()
    return analyzer.dictionary.word_is_known(word=word, substitutes_compiled=analyzer.char_substitutes)


# Bounded: an entry costs ~3 KB, and a long run meets new words all the time.
@lru_cache(maxsize=50_000)
def parse(word: str):
    """pymorphy3 parses of a word, cached: news text repeats its words a lot."""
    return morph().parse(word)


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    return parse(word)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers: matching on all of them survives a wrong first guess."""
    return frozenset(p.normal_form.replace("ё", "е") for p in parse(word))


@lru_cache(maxsize=1)
def ner_tagger():
    """natasha's NER model, run on our tokens (`ner.Tagger`)."""
    from natasha import NewsNERTagger

    from .ner import Tagger, embedding
    return Tagger(NewsNERTagger(embedding()))


@lru_cache(maxsize=1)
def yargy_tokenizer():
    """A yargy MorphTokenizer backed by our pymorphy3, so pymorphy2's dictionary is never loaded."""
    from yargy.morph import MorphAnalyzer, prepare_form
    from yargy.tokenizer import MorphTokenizer

    class Pymorphy3(MorphAnalyzer):
        def __call__(self, word):
            return [prepare_form(p) for p in parse(word)]

    return MorphTokenizer(morph=Pymorphy3(morph()))


def token_runs(tokenizer, text: str, usable):
    """(start, end, tokens) of each longest run of `tokenizer`'s plain tokens (no morphology:
    cheap) in `text` that all pass `usable`. A grammar whose every token passes `usable` can
    only match inside such a run, and yargy's chart parser pays for every token it reads."""
    from yargy.tokenizer import Tokenizer

    run: list = []
    for token in Tokenizer.__call__(tokenizer, text):
        if usable(token):
            run.append(token)
            continue
        if run:
            yield run[0].span.start, run[-1].span.stop, run
        run = []
    if run:
        yield run[0].span.start, run[-1].span.stop, run


# No real sentence is this long: a longer one (a table, text without full stops) is cut
# after a space, so that every parse of a sentence stays bounded.
MAX_SENTENCE = 5_000
# A longer text goes through NER in pieces of about this size, cut where a sentence starts:
# the tagger holds arrays for all the words it is given at once.
NER_PIECE = 20_000


def split_sentences(text: str):
    """razdel's sentences within each line: a title, a date line or a paragraph ends a
    sentence even without a full stop (razdel alone would run them together)."""
    for line in re.finditer(r"[^\n]+", text):
        for s in sentenize(line.group()):
            start = line.start() + s.start
            for a, b in _bounded(s.text):
                yield Sentence(s.text[a:b], start + a, start + b)


def _bounded(sentence: str):
    """(start, end) pieces of at most MAX_SENTENCE characters, each cut after a space
    where there is one."""
    start = 0
    while len(sentence) - start > MAX_SENTENCE:
        end = sentence.rfind(" ", start + 1, start + MAX_SENTENCE) + 1 or start + MAX_SENTENCE
        yield start, end
        start = end
    yield start, len(sentence)


def _ner_pieces(sentences: list[Sentence], length: int):
    start = 0
    for sentence in sentences:
        if sentence.end - start > NER_PIECE and sentence.start > start:
            yield start, sentence.start
            start = sentence.start
    yield start, length


# A line that ends without one of these (a headline, a date line) gets a full stop before
# the next line for the tagger: otherwise `Губернатор встретился с Иваном Петровым` and the
# date line `Челябинск, 5 мая` under it read as one name or one place.
LINE_END = frozenset(".!?…:;")


def mark_line_ends(text: str, words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The words with a `.` (of no width, at the line break) where a line ends unpunctuated;
    lines split sentences everywhere else too (`split_sentences`)."""
    marked = []
    for word, following in zip(words, words[1:] + [None]):
        marked.append(word)
        if following and word[0] not in LINE_END and "\n" in text[word[2]:following[1]]:
            at = text.index("\n", word[2])
            marked.append((".", at, at))
    return marked


def ner_spans(text: str, sentences: list[Sentence], tokens: list[Token]) -> list[NerSpan]:
    """natasha's NER spans of the text, tagged piece by piece (one piece for a news article,
    tagged on the Doc's tokens: razdel's tokens of the whole text, which NER reads too)."""
    spans = []
    pieces = list(_ner_pieces(sentences, len(text)))
    for start, end in pieces:
        if len(pieces) == 1:
            words = [(t.text, t.start, t.end) for t in tokens]
        else:
            words = [(t.text, start + t.start, start + t.stop) for t in tokenize(text[start:end])]
        for type_, a, b in ner_tagger().spans(*zip(*mark_line_ends(text, words))) if words else ():
            if a < b:  # never a span of the full stop alone
                spans.append(NerSpan(type_, a, b, text[a:b]))
    return spans


def analyze(article: Article, text: str | None = None, ner: bool = True) -> Doc:
    """Build the Doc for an article; `text` is the text to analyse (default: the article's)."""
    text = article.text if text is None else text
    sentences = list(split_sentences(text))
    tokens = [Token(t.text, t.start, t.stop, lemma(t.text)) for t in tokenize(text)]
    spans = ner_spans(text, sentences, tokens) if ner and text.strip() else []
    return Doc(article, text, sentences, tokens, spans)
