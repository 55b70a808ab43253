"""Doc → region mentions, one row per region (places the gazetteer lacks: places.py).

A mention is a run of tokens whose lemmas match a gazetteer name. On top of
that: coordinated lists share a head (`Алматинской, Карагандинской и
Павлодарской областей`, `областей Абай и Жетісу`), a bare region adjective
counts where NER calls it a place or a list leaves its head out (`в
Северо-Казахстанской`, `Атырауской области и Актюбинской`), and `столица`
names the capital of Kazakhstan only where the text is clearly about it.
Names inside quotes, inside a company, school or club, or inside a person's
name are not regions.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from ..nlp import Doc, Token, lemmas, parse
from ..records import Place, Region
from .gazetteer import RULES, Gazetteer, Mention, Pattern, Unit, gazetteer
from .names import surname_cases
from .places import find_places

CAPITAL_WORDS = frozenset({"столица", "столичный"})
# Offices that exist in one country only: `аким столицы` is Астана whatever else the text names.
OFFICE_COUNTRY = {"аким": "KZ", "акимат": "KZ", "хоким": "UZ", "хокимият": "UZ"}
# Words that tell which country a text without region names is about.
COUNTRY_CUES = {**OFFICE_COUNTRY, "маслихат": "KZ", "тенге": "KZ"}
# A bare `столица` is read as a capital only for Kazakhstan (SPEC); elsewhere it must be
# `столица России` or an office of that country.
IMPLICIT_CAPITAL_COUNTRY = "KZ"
# Words that keep `столица` the capital of the home country: `столицы нашей страны`,
# `новой столицы`; any other adjective or genitive makes it another capital (`областной`,
# `столица региона`).
OF_HOME = frozenset({"страна", "государство", "республика", "наш", "новый"})
LIST_SEPARATORS = {",", "и"}
PREPOSITIONS = {"в", "во", "на", "из", "с", "со", "для", "по", "от", "до"}
PERSON_TAGS = {"Name", "Surn", "Patr"}
# A short quote: a name (`СПК "Астана"`, `«Aktobe Invest»`) unless it has a predicate (speech).
PREDICATES = {"VERB", "INFN", "ADJS", "PRTS", "PRED"}
QUOTED = re.compile(r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”|„[^„“”\n]{1,60}[“”]")
# A quoted name with one of these is a state body, whose region counts
# (`КГУ «Управление образования Костанайской области»`).
STATE_BODIES = frozenset({"управление", "аппарат", "акимат", "маслихат", "департамент", "отдел",
                          "администрация", "правительство", "министерство", "облисполком"})
NON_STATE = frozenset(line.strip() for line in (RULES / "non_state_organisations.txt")
                      .read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#"))


def _match_at(doc: Doc, i: int, g: Gazetteer) -> tuple[Pattern, int] | None:
    tokens = doc.tokens
    for pattern in g.candidates(lemmas(tokens[i].text)):
        n = len(pattern.words)
        if i + n > len(tokens):
            continue
        window = tokens[i:i + n]
        if not all(words & lemmas(t.text) for words, t in zip(pattern.words, window)):
            continue
        surface = window[0].text
        if pattern.abbreviation and not surface.isupper():
            continue
        if n == 1 and not surface[:1].isupper():
            continue
        return pattern, n
    return None


def _in_non_state_org(doc: Doc, start: int, end: int) -> bool:
    for span in doc.spans_covering(start, end, "ORG"):
        if any(lemmas(word) & NON_STATE for word in re.findall(r"\w+", span.text)):
            return True
    return False


def _in_person_name(doc: Doc, i: int) -> bool:
    """`Астана Нугманова`: a one-word region name that opens a person's full name and agrees
    with it in case (NER spans that swallow an office, `Акиму Шымкента Габидулле ...`, do not)."""
    token = doc.tokens[i]
    following = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    for span in doc.spans_covering(token.start, token.end, "PER"):
        after_surname = i > 0 and doc.tokens[i - 1].start >= span.start and any(
            "Surn" in p.tag for p in parse(doc.tokens[i - 1].text))  # `Нугманова Астана`
        opens = span.start == token.start or after_surname
        if opens and following and following.end <= span.end and _cases(token.text) & _cases(following.text):
            return True
    return False


def _first_name_after_head(doc: Doc, pattern: Pattern, i: int, n: int) -> bool:
    """`заместитель акима области Абай Сулейменов`: a `<head> <name>` region whose name is a
    first name, read by NER as a person's with the surname right after it that ends it, in
    its case, is that person's; not `аким области Абай Нурлан Уранхаев` (a first name
    follows), nor `области Абай Ерлан Бейсенбаев` (a first name pymorphy3 does not know)."""
    k = i + n - 1
    if not pattern.leading_head or n != 2 or k + 1 >= len(doc.tokens):
        return False
    name, following = doc.tokens[k], doc.tokens[k + 1]
    surname = following.text  # a word, not an initial (`Абай Н.Уранхаев`)
    person = any(span.end == following.end for span in doc.spans_covering(name.start, following.end, "PER"))
    return person and "Name" in parse(name.text)[0].tag and len(surname) > 1 and surname.isalpha() and \
        surname.istitle() and "Name" not in parse(surname)[0].tag and bool(_cases(name.text) & surname_cases(surname))


def _cases(word: str) -> set[str]:
    return {p.tag.case for p in parse(word)} - {None}


def _coordinated_before(doc: Doc, pattern: Pattern, first: int, g: Gazetteer) -> list[Mention]:
    """`Актюбинская и Костанайская области`: adjectives before the head share it."""
    found, i = [], first - 1
    while pattern.head and i >= 1 and doc.tokens[i].text.lower() in LIST_SEPARATORS:
        adjective = doc.tokens[i - 1]
        unit = next((p.unit for p in g.candidates(lemmas(adjective.text))
                     if p.head == pattern.head), None)
        if unit is None:
            break
        found.append(Mention(unit, adjective.start, adjective.end, i - 1, i))
        i -= 2
    return found


def _coordinated_after(doc: Doc, pattern: Pattern, i: int, g: Gazetteer) -> list[Mention]:
    """Names after a full one that leave its head out: `областей Абай и Жетісу`,
    `Атырауской области и в Актюбинской`."""
    tokens, found = doc.tokens, []
    while i + 1 < len(tokens) and tokens[i].text.lower() in LIST_SEPARATORS:
        k = i + 2 if tokens[i + 1].text.lower() in PREPOSITIONS and i + 2 < len(tokens) else i + 1
        word, unit = tokens[k], None
        if not word.text[:1].isupper():
            break
        if pattern.leading_head:
            unit = g.name_after(pattern.leading_head, lemmas(word.text))
        elif pattern.head and not (k + 1 < len(tokens) and _continues_noun_phrase(tokens[k + 1].text)):
            unit = next((p.unit for p in g.candidates(lemmas(word.text)) if p.head == pattern.head), None)
        if unit is None:
            break
        found.append(Mention(unit, word.start, word.end, k, k + 1))
        i = k + 1
    return found


def _bare_adjective(doc: Doc, i: int, g: Gazetteer) -> Mention | None:
    """`в Северо-Казахстанской`: a region adjective alone, which NER tags as a place."""
    token = doc.tokens[i]
    places = doc.spans_covering(token.start, token.end, "LOC")
    # The adjective must end the place NER found: `Центральной Азии` is no `Центральный аймак`.
    if not token.text[:1].isupper() or not any(span.end == token.end for span in places):
        return None
    if i + 1 < len(doc.tokens) and _continues_noun_phrase(doc.tokens[i + 1].text):
        return None  # `Западно-Казахстанским государственным университетом`
    units = {p.unit for p in g.candidates(lemmas(token.text)) if p.implies_head}
    return Mention(units.pop(), token.start, token.end, i, i + 1) if len(units) == 1 else None


def _continues_noun_phrase(word: str) -> bool:
    return word.isalpha() and word.islower() and parse(word)[0].tag.POS in {"ADJF", "NOUN", "PRTF"}


def _home_country(doc: Doc, mentions: list[Mention], g: Gazetteer) -> str | None:
    """The country the text is about: most of its regions, else most of its country names
    and country-specific words (`акимат`, `тенге`)."""
    counts = Counter(m.unit.country for m in mentions) or Counter(
        g.country_words.get(w) or COUNTRY_CUES[w] for t in doc.tokens for w in lemmas(t.text)
        if w in g.country_words and t.text[:1].isupper() or w in COUNTRY_CUES)
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _is_person_word(doc: Doc, token: Token) -> bool:
    return bool(doc.spans_covering(token.start, token.end, "PER")) or any(
        p.tag.grammemes & PERSON_TAGS for p in parse(token.text))


def _capital_country(doc: Doc, i: int, home: str | None, g: Gazetteer) -> str | None:
    """The country whose capital the capital word at token i means, if that is clear."""
    tokens, noun = doc.tokens, "столица" in lemmas(doc.tokens[i].text)
    before = lemmas(tokens[i - 1].text) if i else frozenset()
    if noun and i and parse(tokens[i - 1].text)[0].tag.POS == "ADJF" and not before & OF_HOME:
        return None  # `областной столицы`, `культурной столице России`
    j = i + 1
    while j < min(i + 3, len(tokens)) and lemmas(tokens[j].text) & OF_HOME:
        j += 1
    if j < len(tokens) and tokens[j].text[:1].isupper() and noun:
        named = next((g.country_words[w] for w in lemmas(tokens[j].text) if w in g.country_words), None)
        if named or not _is_person_word(doc, tokens[j]):
            return named  # `столица России`; `столица Татарстана`, `столица Азиады`: not a country's
    if noun and j == i + 1 < len(tokens) and _is_genitive_phrase(tokens[j].text):
        return None  # `столица региона`, `столицы соседней страны`
    office = next((OFFICE_COUNTRY[w] for w in before if w in OFFICE_COUNTRY), None)
    return office or (home if home == IMPLICIT_CAPITAL_COUNTRY else None)


def _is_genitive_phrase(word: str) -> bool:
    tag = parse(word)[0].tag
    return word.isalpha() and word.islower() and tag.case == "gent" and tag.POS in {"NOUN", "ADJF"}


def _capital_mentions(doc: Doc, mentions: list[Mention], g: Gazetteer, quoted) -> list[Mention]:
    """`аким столицы`, `столичная делегация`, `столица Казахстана`."""
    home = _home_country(doc, mentions, g)
    covered = {t for m in mentions for t in range(m.first_token, m.last_token)}  # `южной столице`
    found = []
    for i, token in enumerate(doc.tokens):
        if not lemmas(token.text) & CAPITAL_WORDS or i in covered \
                or not _is_region_use(doc, token.start, token.end, quoted):
            continue
        country = _capital_country(doc, i, home, g)
        if country in g.capitals:
            found.append(Mention(g.capitals[country], token.start, token.end, i, i + 1))
    return found


def _is_quoted_name(quote: str) -> bool:
    """`«Астана Innovations»`, not `«Тульская область будет расширять ...»` (speech) nor
    `«Управление образования Костанайской области»` (a state body)."""
    words = re.findall(r"\w+", quote)
    return not any(lemmas(w) & STATE_BODIES or w.islower() and parse(w)[0].tag.POS in PREDICATES
                   for w in words)


def _is_region_use(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(quoted, (start,)) - 1  # the last quote opening before `start`:
    inside_quotes = i >= 0 and end < quoted[i][1]  # quotes do not overlap, so no other holds it
    return not inside_quotes and not _in_non_state_org(doc, start, end)


def find_mentions(doc: Doc) -> list[Mention]:
    """Every region mention in the document, in text order: the Doc's `regions` layer."""
    g = gazetteer()
    quoted = [m.span() for m in QUOTED.finditer(doc.text) if _is_quoted_name(m.group())]
    mentions, i = [], 0
    while i < len(doc.tokens):
        match = _match_at(doc, i, g)
        if match is None:
            i += 1
            continue
        pattern, n = match
        if pattern.head_outside:  # the head (облисполком) belongs to the office, not the region
            n = 1
        start, end = doc.tokens[i].start, doc.tokens[i + n - 1].end
        if _is_region_use(doc, start, end, quoted) and not (n == 1 and _in_person_name(doc, i)) \
                and not _first_name_after_head(doc, pattern, i, n):
            mentions.append(Mention(pattern.unit, start, end, i, i + n))
            mentions.extend(_coordinated_before(doc, pattern, i, g))
            after = _coordinated_after(doc, pattern, i + n, g)
            mentions.extend(after)
            n = after[-1].last_token - i if after else n
        i += n
    covered = {t for m in mentions for t in range(m.first_token, m.last_token)}
    mentions.extend(bare for i in range(len(doc.tokens)) if i not in covered
                    for bare in [_bare_adjective(doc, i, g)] if bare)
    mentions.extend(_capital_mentions(doc, mentions, g, quoted))
    mentions.sort(key=lambda m: m.start)
    return _second_names_joined(doc, mentions)


DASHES = {"-", "–", "—"}


def _second_names_joined(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A region's official name with its second name (`Республика Саха (Якутия)`, `Кемеровская
    область – Кузбасс`, `Северная Осетия – Алания`) is one mention: what follows it (an
    office's holder) follows the whole name."""
    joined: list[Mention] = []
    for m in mentions:
        last = joined[-1] if joined else None
        if last is None or last.unit != m.unit:
            joined.append(m)
            continue
        between = [t.text for t in doc.tokens[last.last_token:m.first_token]]
        closes = m.last_token < len(doc.tokens) and doc.tokens[m.last_token].text == ")"
        if between == ["("] and closes:
            end, last_token = doc.tokens[m.last_token].end, m.last_token + 1
        elif len(between) == 1 and between[0] in DASHES:
            end, last_token = m.end, m.last_token
        else:
            joined.append(m)
            continue
        joined[-1] = Mention(m.unit, last.start, end, last.first_token, last_token)
    return joined


def extract_regions(doc: Doc) -> tuple[list[Region], list[Place]]:
    mentions = doc.regions
    by_unit: dict[Unit, list[Mention]] = {}
    for m in mentions:
        by_unit.setdefault(m.unit, []).append(m)
    regions = []
    for unit, group in by_unit.items():
        first = group[0]
        forms = tuple(dict.fromkeys(doc.text[m.start:m.end] for m in group))
        regions.append(Region(unit.name, unit.code, unit.country, len(group), forms,
                              first.start, first.end, doc.sentence_at(first.start).text,
                              tuple((m.start, m.end) for m in group)))
    return regions, find_places(doc, mentions, gazetteer())
