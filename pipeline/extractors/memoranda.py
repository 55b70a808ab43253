"""Doc → memoranda and other signed documents, and the region links they make.

A document counts where its clause says it was signed or concluded (or is in
force); one only planned, discussed or not signed (`будет подписан`,
`намерена подписать`, `проект меморандума`, `так и не подписали`) is no row.
A signing reported about the past or elsewhere (`уже ... подписали 52
меморандума`, `в 2016 году`) is a row, but not counted for the event the
article covers. Who signed is `parties.py`'s business.
"""
from __future__ import annotations

import re
from dataclasses import replace

from rules.documents import DOCUMENT_NOUNS, QUALIFIERS, SIGNED, UNCOUNTED_WORDS

from ..nlp import Doc, Token, lemmas, parse
from ..records import Link, Memorandum
from .deal_windows import deals
from .clauses import clause, clause_tokens, previous_clause
from .parties import signing_pairs
from .same_document import document_ids
from .other_sides import other_side
from .sides import sides

PLANNED = {"планироваться", "планировать", "намереваться", "намеренный", "ожидаться", "предстоять",
           "проект", "готовиться", "подготовка", "обсуждаться", "предполагаться", "предлагать",
           "разработать", "разрабатывать", "намерение", "планируемый", "будущий", "намерен",
           "намерить", "запланировать", "запланированный", "наметить", "намеченный",
           "договориться", "договоренность", "подготовить", "подготовленный", "должный", "мочь",
           "рассчитывать", "хотеть", "готовый", "готовность", "бы", "возможность", "вопрос",
           "инициатива", "заинтересованность", "заинтересованный", "перспектива", "пригласить",
           "приглашать", "надеяться", "надежда", "перенести", "отложить", "согласовать",
           "согласование", "рассмотреть", "рассматривать", "обсудить", "обсуждать", "предложить",
           "предложение"}
# `действует соглашение`: in force, so signed before the event.
IN_FORCE = {"действовать"}
# `область имеет соглашения с ...`: holds documents signed before (only with the document after it).
HAVE = {"иметь"}
HAVE_REACH = 3  # tokens to the document: `имеет подписанные соглашения`
PLANNED_STATUS, CONSEQUENCE = "planned", "consequence"
# `в рамках (согласно, в соответствии с, на основании, во исполнение, в целях реализации, в
# развитие) соглашения между ...`: acting on a signed document.
FRAMEWORK = {"рамка", "согласно", "соответствие", "основание", "исполнение", "выполнение", "реализация",
             "развитие"}
PARTNER_WORDS = {"между", "с"}
FRAMEWORK_REACH = 5  # tokens to `между`: `соглашения о торговом сотрудничестве между`
FRAMEWORK_BACK = 3  # words back to the framework: `в соответствии с дорожной картой`
# In the future tense these say the signing is still to come: `будет подписан`, `подписание пройдет`.
FUTURE_EVENT = {"быть", "пройти", "состояться", "стать"}
PAST = {"уже", "ранее", "прежде", "предыдущий", "прошлый", "прошедший"}
DONE_POS = {"VERB", "PRTS", "PRTF", "GRND"}
# A year the clause dates a signing by (`в 2015 году`, `3 ноября 2008 года`),
# not a term (`на 2022-2023 годы`, `до 2030 года`).
YEAR = re.compile(r"(?<![-–—])(?<!на )(?<!до )(?<!по )\b((?:19|20)\d\d)\s*(?:год|г\.)")
def _deals(doc: Doc):
    """The grammar's matches, sentence by sentence, where a sentence names a document."""
    for sentence in doc.sentences:
        first, last = doc.token_index(sentence.start), doc.token_index(sentence.end)
        if any(lemmas(t.text) & DOCUMENT_NOUNS for t in doc.tokens[first:last]):
            yield from deals(sentence.text, sentence.start)


def _clause_status(doc: Doc, start: int, end: int, year: int | None) -> str | None:
    """The clause's own status; a list item (`Были подписаны:` then a line per
    document) takes its lead's, a verbless clause (`Среди них – меморандум о
    взаимопонимании.`, `2. Меморандум между ...`) that of the nearest clause before
    with one, over the verbless items of a list."""
    tokens = clause_tokens(doc, start, end)
    status = _status(tokens, year)
    if status not in (None, PLANNED_STATUS) or not doc.text[:start].strip():
        return status
    lead = _list_lead(doc, start)
    if lead:
        return _status(clause_tokens(doc, *lead), year) or status
    if _verbless(tokens):
        return _status_before(doc, start, year) or status
    return status


LIST_REACH = 10  # verbless items back to the clause that says they were signed


def _status_before(doc: Doc, start: int, year: int | None) -> str | None:
    for _ in range(LIST_REACH):
        if not doc.text[:start].strip():
            return None
        start, end = previous_clause(doc, start)
        tokens = clause_tokens(doc, start, end)
        status = _status(tokens, year)
        if status is not None or not _verbless(tokens):
            return status
    return None


def _verbless(tokens: list[Token]) -> bool:
    return not any(parse(t.text)[0].tag.POS in DONE_POS | {"INFN"} or lemmas(t.text) & PLANNED
                   for t in tokens)


def _list_lead(doc: Doc, start: int) -> tuple[int, int] | None:
    """The clause ending in a colon that opens the list whose item starts at `start`."""
    while doc.text[:start].rstrip().endswith(";"):
        start, _ = previous_clause(doc, start)
    return previous_clause(doc, start) if doc.text[:start].rstrip().endswith(":") else None


def _done(tokens: list[Token], i: int, tag) -> bool:
    """A signing verb or participle in the past or present, not negated, not
    with a future or modal `быть` (`будет подписан`, `должен быть подписан`), not
    conditional (`подписали бы`)."""
    if tag.POS not in DONE_POS or "futr" in tag:
        return False
    if _negated(tokens, i):
        return False
    near = tokens[max(0, i - 2):i] + tokens[i + 1:i + 2]
    if any(t.text.lower() in {"бы", "б"} for t in near):
        return False  # `подписали бы`: a condition, not a fact
    return not any(p.normal_form == "быть" and ("futr" in p.tag or p.tag.POS == "INFN")
                   for t in near for p in parse(t.text)[:1])


def _negated(tokens: list[Token], i: int) -> bool:
    """`не подписали`, `не был подписан`, `подписан не был`."""
    before = [t.text.lower() for t in tokens[max(0, i - 2):i]]
    after = [t.text.lower() for t in tokens[i + 1:i + 3]]
    return (before[-1:] == ["не"] or (before[:1] == ["не"] and "быть" in lemmas(before[-1]))
            or (after[:1] == ["не"] and len(after) == 2 and "быть" in lemmas(after[1])))


def _status(tokens: list[Token], reference_year: int | None) -> str | None:
    """'event', 'past', 'planned', 'consequence', or None where no signing is named.

    A signing verb in the past (`подписан`, `заключили`, `подписанные`) or present
    (`действуют`) settles it; an infinitive or future (`намерена подписать`,
    `подпишут`) or a bare noun with a plan around it (`подписание пройдет`) is
    planned. A bare noun beside another future (`подписание меморандума даст
    толчок`) speaks of what the signing will bring: signed unless the article plans it."""
    words = [lemmas(t.text) for t in tokens]
    signing = [(i, parse(t.text)[0].tag) for i, (t, w) in enumerate(zip(tokens, words))
               if w & SIGNED or w & HAVE and any(v & DOCUMENT_NOUNS for v in words[i + 1:i + 1 + HAVE_REACH])]
    if not signing:
        return "past" if _framework(words) else None
    done = [i for i, tag in signing if _done(tokens, i, tag)]
    if not done:
        tags = [parse(t.text)[0].tag for t in tokens]
        happened = any(w & FUTURE_EVENT and "past" in tag and not _negated(tokens, i)
                       for i, (w, tag) in enumerate(zip(words, tags)))
        if any(w & FUTURE_EVENT and _negated(tokens, i) for i, w in enumerate(words)):
            return PLANNED_STATUS  # `подписание не состоялось`
        planned = any(w & PLANNED or w & FUTURE_EVENT and "futr" in tag for w, tag in zip(words, tags))
        negated = any(_negated(tokens, i) for i, _ in signing)
        if planned or negated or any(tag.POS in DONE_POS | {"INFN"} for _, tag in signing):
            return PLANNED_STATUS
        if not happened and any("futr" in tag for tag in tags):
            return CONSEQUENCE
    text = " ".join(t.text for t in tokens)
    past_year = reference_year and any(int(y) < reference_year for y in YEAR.findall(text))
    if past_year or any(w & PAST for w in words) or done and all(words[i] & (IN_FORCE | HAVE) for i in done):
        return "past"
    return "event"


def _framework(words: list[set]) -> bool:
    """`в рамках соглашения между X и Y`, `согласно меморандуму с Y`: a document the sides
    act on was signed before, though no word says so."""
    for i, w in enumerate(words):
        if w & DOCUMENT_NOUNS and any(v & FRAMEWORK for v in words[max(0, i - FRAMEWORK_BACK):i]) \
                and any(v & PARTNER_WORDS for v in words[i + 1:i + 1 + FRAMEWORK_REACH]) \
                and not any(v & PLANNED for v in words[max(0, i - FRAMEWORK_BACK):i + 1 + FRAMEWORK_REACH]):
            return True
    return False


def _reference_year(doc: Doc) -> int | None:
    """The year of the event the article covers: its date (stated or a batch row's), else
    the latest year it names."""
    dated = doc.article.published or doc.article.date
    if dated:
        return int(dated[:4])
    years = [int(y) for y in YEAR.findall(doc.text)]
    return max(years) if years else None


# Words of a count besides numerals: `не менее 7`, `ряд`.
COUNT_WORDS = {word for words in QUALIFIERS for word in words.split()}


def _count(match, doc: Doc) -> tuple[int | None, str | None]:
    """The count a phrase gives, and the words that give it (`10`, `три`, `ряд`)."""
    deal = match.fact
    counting = []
    for token in match.tokens:
        if token.type != "INT" and not (token.value.lower() in COUNT_WORDS or
                                        lemmas(token.value) & UNCOUNTED_WORDS or
                                        any(p.tag.POS == "NUMR" for p in parse(token.value))):
            break
        counting.append(token)
    count_text = doc.text[counting[0].span.start:counting[-1].span.stop] if counting else None
    if deal.numbers:
        return sum(deal.numbers), count_text
    if deal.uncounted:
        return None, count_text
    return (1 if _singular(match, doc) else None), None


def _singular(match, doc: Doc) -> bool:
    """Every document noun is singular. `соглашения` may be either: after a noun or
    a preposition it is the genitive singular (`подписание соглашения`, `в рамках
    соглашения`), as subject or object the plural (`подписаны соглашения`)."""
    numbers = [{p.tag.number for p in parse(t.value) if p.normal_form in DOCUMENT_NOUNS}
               for t in match.tokens if lemmas(t.value) & DOCUMENT_NOUNS]
    numbers = [n for n in numbers if n]
    if not numbers or any(n == {"plur"} for n in numbers):
        return False
    if all(n == {"sing"} for n in numbers):
        return True
    first = doc.token_index(clause(doc, match.span.start)[0])
    i = doc.token_index(match.span.start) - 1
    while i >= first and parse(doc.tokens[i].text)[0].tag.POS in {"ADJF", "PRTF", "ADVB"}:
        i -= 1  # `в рамках подписанного ранее соглашения`
    before = parse(doc.tokens[i].text)[0].tag.POS if i >= first else None
    return before in {"NOUN", "PREP"}


def _signings(doc: Doc):
    """(match, clause, status) of every document the article says was signed."""
    year = _reference_year(doc)
    found = []
    for match in _deals(doc):
        span = clause(doc, match.span.start)
        found.append((match, span, _clause_status(doc, *span, year)))
    planned = any(status == PLANNED_STATUS for _, _, status in found)
    for match, span, status in found:
        if status == CONSEQUENCE and not planned:
            status = "event"
        if status in ("event", "past"):
            yield match, span, status


def extract_memoranda(doc: Doc) -> tuple[list[Memorandum], list[Link]]:
    rows, clauses, pairs_of = [], [], []
    for match, (clause_start, clause_end), status in _signings(doc):
        start, end = match.span.start, match.span.stop
        count, count_text = _count(match, doc)
        document = "; ".join(dict.fromkeys(match.fact.documents))
        # A count of several (`12 меморандумов`, `ряд соглашений`, `десятки`) is a batch.
        batch = count is not None and count > 1 or count is None and count_text is not None
        pairs = signing_pairs(doc, clause_start, clause_end, (start, end), batch=batch)
        parties = tuple(dict.fromkeys(u.name for pair in pairs for u in pair))
        sentence = doc.text[clause_start:clause_end].strip()
        rows.append(Memorandum(count, count_text, document, parties, doc.text[start:end],
                               start, end, sentence, at_event=status == "event"))
        clauses.append((clause_start, clause_end))
        pairs_of.append([tuple(sorted((a.name, b.name))) for a, b in pairs])
    numbers = document_ids(doc, rows, clauses)
    rows = [replace(m, document_id=f"{doc.article.article_id}#{n}") for m, n in zip(rows, numbers)]
    links: dict[tuple, Link] = {}
    settled = set()  # documents whose sides a mention named: regions, or a side that is none
    for number, m, pairs, (clause_start, clause_end) in zip(numbers, rows, pairs_of, clauses):
        here = sides(doc, clause_start, clause_end)
        if number in settled and not here:
            continue  # `Документ подписан в Астане`: the sides are the ones it was named with before
        if pairs or other_side(doc, clause_tokens(doc, clause_start, clause_end), here):
            settled.add(number)
        for pair in pairs:
            _add_link(links, pair, m)
    return rows, list(links.values())


def _add_link(links: dict, pair: tuple[str, str], m: Memorandum):
    """One link per region pair and document: the document's kinds joined, its largest count."""
    link = links.get((pair, m.document_id))
    if link is None:
        links[pair, m.document_id] = Link(pair[0], pair[1], m.document, m.count, m.sentence,
                                          m.document_id, m.at_event)
        return
    kinds = "; ".join(dict.fromkeys(link.document.split("; ") + m.document.split("; ")))
    counts = [c for c in (link.count, m.count) if c is not None]
    links[pair, m.document_id] = replace(link, document=kinds, count=max(counts) if counts else None)
