"""Doc → memoranda and other signed documents, and the region links they make.

A document counts where its sentence says it was signed or concluded (or is
in force); one only planned or discussed (`будет подписан`, `намерена
подписать`, `проект меморандума`) is no row. A signing reported about the
past or elsewhere (`уже ... подписали 52 меморандума`, `в 2016 году`) is a
row, but not counted for the event the article covers.

Parties are the regions the signing sentence names: `X с Y` pairs X with Y,
otherwise every pair of them; `стороны`, `двух областей`, `между регионами`
mean the article's two main regions.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import product

from .nlp import Doc, Token, lemmas, parse, yargy_tokenizer
from .records import Link, Memorandum
from .regions import Mention, find_mentions
from .tables import region_pairs

SIGNED = {"подписать", "подписывать", "подписание", "заключить", "заключать", "заключение",
          "парафировать", "действовать", "подписанный", "заключенный"}
PLANNED = {"планироваться", "планировать", "намереваться", "намеренный", "ожидаться", "предстоять",
           "проект", "готовиться", "подготовка", "обсуждаться", "предполагаться", "предлагать",
           "разработать", "разрабатывать", "намерение", "планируемый", "будущий", "намерен",
           "намерить"}
# In the future tense these say the signing is still to come: `будет подписан`, `подписание пройдет`.
FUTURE_EVENT = {"быть", "пройти", "состояться"}
PAST = {"уже", "ранее", "прежде", "предыдущий", "прошлый", "прошедший"}
PARTY_WORDS = {"сторона"}
PAIR_NOUNS = {"регион", "область", "город"}
YEAR = re.compile(r"\b[вВ]\s+((?:19|20)\d\d)\s*(?:году|г\.)")


@lru_cache(maxsize=1)
def parser():
    from yargy import Parser
    from rules.documents import DEAL
    return Parser(DEAL, tokenizer=yargy_tokenizer())


def _sentence_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    return doc.tokens[doc.token_index(start):doc.token_index(end)]


def _status(tokens: list[Token], published: str | None) -> str | None:
    """'event', 'past', or None where nothing was signed (or it is only planned).

    A signing verb in the past (`подписан`, `заключили`, `подписанные`) or present
    (`действуют`) settles it; an infinitive or future (`намерена подписать`,
    `подпишут`) or a bare noun with a plan around it (`подписание пройдет`) does not."""
    words = [lemmas(t.text) for t in tokens]
    signing = [parse(t.text)[0].tag for t, w in zip(tokens, words) if w & SIGNED]
    if not signing:
        return None
    done = any(tag.POS in {"VERB", "PRTS", "PRTF", "GRND"} and "futr" not in tag for tag in signing)
    if not done:
        planned = any(w & PLANNED for w in words) or any(
            w & FUTURE_EVENT and "futr" in parse(t.text)[0].tag for t, w in zip(tokens, words))
        if planned or any(tag.POS in {"VERB", "INFN"} for tag in signing):
            return None
    text = " ".join(t.text for t in tokens)
    years = set(YEAR.findall(text)) - {(published or "")[:4]}
    if years or any(w & PAST for w in words):
        return "past"
    return "event"


COUNT_WORDS = {"более", "свыше", "около", "порядка", "почти", "не", "менее", "чем",
               "ряд", "несколько", "пакет", "серия", "множество"}


def _count(match, doc: Doc) -> tuple[int | None, str | None]:
    """The count a phrase gives, and the words that give it (`10`, `три`, `ряд`)."""
    deal = match.fact
    counting = []
    for token in match.tokens:
        if token.type != "INT" and not (token.value.lower() in COUNT_WORDS or
                                        any(p.tag.POS == "NUMR" for p in parse(token.value))):
            break
        counting.append(token)
    count_text = doc.text[counting[0].span.start:counting[-1].span.stop] if counting else None
    if deal.numbers:
        return sum(deal.numbers), count_text
    if deal.uncounted:
        return None, count_text
    noun = match.tokens[-1].value
    singular = any(p.tag.number == "sing" for p in parse(noun) if p.tag.POS == "NOUN")
    return (1 if singular else None), None


def _parties(doc: Doc, tokens: list[Token], here: list[Mention], main: list) -> list[tuple]:
    """Pairs of regions that signed together, from the sentence's own words."""
    units = list(dict.fromkeys(m.unit for m in here))
    if len(units) == 1 and len(main) > 1:
        other = next(u for u in main if u != units[0])
        return [(units[0], other)]
    if len(units) >= 2:
        for token in tokens:  # `Тульской области с Павлодарской и Карагандинской`
            if token.text.lower() in {"с", "со"}:
                left = list(dict.fromkeys(m.unit for m in here if m.end <= token.start))
                right = list(dict.fromkeys(m.unit for m in here if m.start >= token.end))
                if left and right:
                    return [(a, b) for a, b in product(left, right) if a != b]
        return [(a, b) for a, b in region_pairs_of(units)]
    if _names_both_sides(tokens) and len(main) > 1:
        return [(main[0], main[1])]
    return []


def region_pairs_of(units: list) -> list[tuple]:
    by_name = {u.name: u for u in units}
    return [(by_name[a], by_name[b]) for a, b in region_pairs(by_name)]


def _names_both_sides(tokens: list[Token]) -> bool:
    """`стороны`, `двух областей`, `между регионами`: the parties are the article's two regions."""
    words = [lemmas(t.text) for t in tokens]
    for i, w in enumerate(words):
        if w & PARTY_WORDS:
            return True
        if i + 1 < len(words) and w & {"два", "оба", "между"} and words[i + 1] & PAIR_NOUNS:
            return True
    return False


def _main_regions(doc: Doc) -> list:
    """The article's regions, most mentioned first (ties: first mentioned first)."""
    mentions = find_mentions(doc)
    counts = Counter(m.unit for m in mentions)
    first = {}
    for m in mentions:
        first.setdefault(m.unit, m.start)
    return sorted(counts, key=lambda u: (-counts[u], first[u]))


def extract_memoranda(doc: Doc) -> tuple[list[Memorandum], list[Link]]:
    mentions = find_mentions(doc)
    main = _main_regions(doc)
    rows, links = [], {}
    for match in parser().findall(doc.text):
        start, end = match.span.start, match.span.stop
        sentence = doc.sentence_at(start)
        tokens = _sentence_tokens(doc, sentence.start, sentence.end)
        status = _status(tokens, doc.article.published)
        if status is None:
            continue
        count, count_text = _count(match, doc)
        document = "; ".join(dict.fromkeys(match.fact.documents))
        here = [m for m in mentions if sentence.start <= m.start < sentence.end]
        pairs = _parties(doc, tokens, here, main)
        parties = tuple(dict.fromkeys(u.name for pair in pairs for u in pair))
        rows.append(Memorandum(count, count_text, document, parties, doc.text[start:end],
                               start, end, sentence.text, event=status == "event"))
        for a, b in pairs:
            a, b = sorted((a.name, b.name))
            links.setdefault((a, b, document), Link(a, b, document, count, sentence.text))
    return rows, list(links.values())
