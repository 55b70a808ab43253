"""The regions a `с` introduces as the other side of a document: `X подписала с Y`.

`Тульской области с Павлодарской`, `с Волынской и Закарпатской областями`: each `с`
of a clause opens a group of regions (up to a verb or a new subject in the
nominative); the document's own `с` gives its right side, the regions before the
first `с` its left.
"""
from __future__ import annotations

from rules.documents import DOCUMENT_NOUNS

from ..nlp import Doc, Token, lemmas, parse
from .gazetteer import Mention

COUNTERPART = {"с", "со"}
# `с участием`, `с визитом`; `со стороны X` names a side, not X's counterpart
NOT_COUNTERPART = {"участие", "цель", "учет", "визит", "помощь", "точка", "сторона"}
# Tokens from `с` to the region it introduces, with no verb between:
# `с акиматом Карагандинской`, `с шестью территориями Казахстана: Восточно-Казахстанской`.
COUNTERPART_REACH = 6
VERBS = {"VERB", "INFN", "PRTS", "GRND"}
# What joins one `с` group to the next of the same list: `с X и Y, а также с Z`, `с X, с Y`.
LIST_JOINERS = {",", "и", "а", "также", "или"}
# What a document is about: `с X – о туризме`, `с Y по вопросам торговли`.
TOPIC = {"о", "об", "обо", "по"}
DASHES = {"–", "—", "-"}
REGION_HEADS = {"область", "край", "республика", "округ", "провинция", "велаят", "аймак"}
# The offices and bodies that act for a region: `астраханский губернатор`, `омская делегация`;
# one in the nominative after a `с` group opens the clause's subject (`с Y аким X направил`).
OFFICE_WORDS = {"губернатор", "аким", "хоким", "глава", "руководитель", "делегация", "правительство",
                "власть", "коллега", "акимат", "облисполком", "администрация"}


def units(mentions: list[Mention]) -> list:
    return list(dict.fromkeys(m.unit for m in mentions))


def _counterparts(doc: Doc, tokens: list[Token], here: list[Mention]) -> list[int]:
    """Token indices of the `с` that introduce a region, named (`Тульской области с
    Павлодарской`) or not in the gazetteer (`с Волынской и Закарпатской областями`)."""
    starts = {m.first_token for m in here}
    found = []
    for token in tokens:
        if token.text.lower() not in COUNTERPART:
            continue
        i = doc.token_index(token.start)
        following = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
        if following is None or following.text[:1].isdigit() or _not_counterpart(doc, i + 1):
            continue
        for j in range(i + 1, min(i + 1 + COUNTERPART_REACH, len(doc.tokens))):
            if j in starts or lemmas(doc.tokens[j].text) & REGION_HEADS:
                found.append(i)
                break
            if parse(doc.tokens[j].text)[0].tag.POS in VERBS or _document_object(doc.tokens[j]):
                break
    return found


def _document_object(token: Token) -> bool:
    """`в соответствии с соглашением между X и Y`, `в связи с подписанием меморандума между`:
    the `с` governs the document, whose sides `между` names."""
    return token.text.lower() == "между" or bool(lemmas(token.text) & DOCUMENT_NOUNS)


def _not_counterpart(doc: Doc, i: int) -> bool:
    """`с участием`, `со стороны X`, and past an adjective `с одной стороны`, `с казахстанской стороны`."""
    words = lemmas(doc.tokens[i].text)
    if i + 1 < len(doc.tokens) and parse(doc.tokens[i].text)[0].tag.POS in {"ADJF", "NUMR"}:
        words = words | lemmas(doc.tokens[i + 1].text)
    return bool(words & NOT_COUNTERPART)


def nominative(doc: Doc, m: Mention | Token) -> bool:
    """Every case reading nominative; a reading without case (`Мангистауская` read as a
    gerund) says nothing."""
    token = doc.tokens[m.first_token] if isinstance(m, Mention) else m
    return {p.tag.case for p in parse(token.text) if p.tag.case} == {"nomn"}


def _group(doc: Doc, here: list[Mention], at: int, stop: int) -> list:
    """The regions the `с` at `at` introduces, up to `stop`, a new predicate (`...,
    сообщил председатель Правительства ДНР`) or a new subject (`..., Витебская область - с ...`,
    `согласно меморандуму с Y аким X направил`) outside brackets."""
    stop = next((i for i in range(at + 1, stop) if parse(doc.tokens[i].text)[0].tag.POS == "VERB"
                 or _office_subject(doc.tokens[i])), stop)
    group = []
    for m in (m for m in here if at < m.first_token < stop):
        if nominative(doc, m) and not _in_brackets(doc, at, m.first_token):
            break
        group.append(m)
    return units(group)


def _office_subject(token: Token) -> bool:
    """`аким`, `акимат` (the accusative alike), not `акимом`, `губернатора`, `главы`."""
    cases = {p.tag.case for p in parse(token.text) if p.normal_form in OFFICE_WORDS}
    return "nomn" in cases and cases <= {"nomn", "accs"}


def _in_brackets(doc: Doc, at: int, i: int) -> bool:
    """`с пятью регионами (Челябинская, Курганская области)`: a bracket opened after the `с`
    lists its regions in the nominative."""
    texts = [t.text for t in doc.tokens[at:i]]
    return "(" in texts and ")" not in texts[texts.index("("):]


def counterpart_split(doc: Doc, tokens: list[Token], here: list[Mention], match: tuple[int, int]):
    """The (left, right) sides of the document at `match`, every region some `с` of the
    clause introduces, and where this document's `с` stands.

    Left are the regions before the first `с`; right the ones the document's `с`
    introduces: the first after it (`соглашение с X и меморандум с Y`), else the
    last before it (`с X подписан план`). `..., Z - с W` repeats the document for Z."""
    starts = _counterparts(doc, tokens, here)
    if not starts:
        return None
    ends = starts[1:] + [doc.token_index(tokens[-1].end)]
    groups = [(at, _group(doc, here, at, stop)) for at, stop in zip(starts, ends)]
    every = {u for _, group in groups for u in group}
    first_doc_token, last_doc_token = doc.token_index(match[0]), doc.token_index(match[1])
    later = [k for k, (at, _) in enumerate(groups) if at >= last_doc_token]
    if later:
        k, right = later[0], groups[later[0]][1]
    else:
        k = max(k for k, (at, _) in enumerate(groups) if at < first_doc_token)
        right = _group(doc, here, groups[k][0], first_doc_token)
    # a subject in the nominative (`Омская область подписала с ...`) is the side, not the regions
    # of a subordinate clause before it (`где присутствовали делегации X и Y`)
    before = [m for m in here if m.first_token < starts[0]]
    subjects = [m for m in before if nominative(doc, m)]
    left = [u for u in units(subjects or before) if u not in right]
    right = right + _joined_groups(doc, here, groups, k, forward=bool(later))
    left = [u for u in left if u not in right]
    sides = [(left, right)]
    for (before, _), (at, group) in zip(groups[k:], groups[k + 1:]) if later else ():
        subjects = [m for m in here if before < m.first_token < at and nominative(doc, m)]
        if not subjects or any(lemmas(t.text) & DOCUMENT_NOUNS for t in doc.tokens[before:at]):
            break
        sides.append((units(subjects), group))
    return sides, every, groups[k][0]


def _joined_groups(doc: Doc, here: list[Mention], groups: list[tuple], k: int, forward: bool) -> list:
    """The regions of the `с` groups that continue the list of group k: `с Омской и Томской
    областями, а также с Алтайским краем` (after it), `с Омской областью и с Алтайским краем
    подписаны` (before it, where the document's `с` is the last)."""
    ends = {m.last_token - 1 for m in here}  # a mention's last token
    steps = range(k + 1, len(groups)) if forward else range(k - 1, -1, -1)
    joined = []
    for n in steps:
        at = groups[n][0] if forward else groups[n + 1][0]
        j = at - 1
        while j > 0 and doc.tokens[j].text.lower() in LIST_JOINERS:
            j -= 1
        if j == at - 1 or not (j in ends or lemmas(doc.tokens[j].text) & REGION_HEADS
                               or _topic_after_region(doc, ends, groups[n - 1][0] if forward else at, j)):
            break
        joined += groups[n][1]
    return [u for u in dict.fromkeys(joined) if u not in groups[k][1]]


def _topic_after_region(doc: Doc, ends: set[int], at: int, j: int) -> bool:
    """`два меморандума: с X – о туризме, с Y – об образовании`: each partner followed by what
    its document is about (no verb, no other document) still lists the partners."""
    last = max((e for e in ends if at < e < j), default=None)
    if last is None:
        return False
    between = doc.tokens[last + 1:j + 1]
    words = [t.text.lower() for t in between if t.text not in DASHES]
    return bool(words) and words[0] in TOPIC and not any(
        parse(t.text)[0].tag.POS in VERBS or lemmas(t.text) & DOCUMENT_NOUNS for t in between)

