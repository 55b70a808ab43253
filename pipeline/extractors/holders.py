"""Doc → who holds which office: the persons NER finds, each tied to the office the text gives it.

Links, in order of trust:
1. Side by side, by token rules: an office right before a name (`аким Атырауской
   области Нурлан Ногаев`, a plural office shared by coordinated names), a name
   right before its office (`Нурлан Ногаев, аким ...`). Names must agree in case
   with the office beside them, so `с послом Арман Абенов` links nothing.
2. By the sentence's dependency tree (`Doc.syntax`), asked only about a sentence
   where an office and a name are still apart: apposition across other words
   (`президенты двух стран Иванов и Петров`, `Иван Петров (аким района)`), an
   office as what a person is made, elected or relieved of (`Иванов назначен
   акимом`, `назначил Иванова акимом`, `освобождён от должности губернатора`,
   `Петров, который стал послом`, `указ о назначении Иванова акимом`), and an office and a name that are subjects
   of one verb with a clause between them (`губернатор, который ..., Иван Петров
   открыл`): holders_syntax.py.
3. An office still without a name, tied to the nearest free person in the next
   or the previous sentence (`Премьер-Министр РК ...` / `С.Ахметов отметил`):
   holders_across.py.
"""
from __future__ import annotations

from dataclasses import replace

from ..nlp import Doc, lemmas, parse
from .holders_across import COORDINATION, with_other_roles, link_across_sentences
from .holders_syntax import OFFICE_SEATS, link_by_syntax, patronymic_agrees
from .office_parts import rank_end
from .offices import OfficeMention
from .persons import PersonMention, agrees

APPOSITION_GAP = 8
LINKING_PUNCTUATION = {",", "—", "–", "-"}
# `Клычков сменил на посту губернатора Потомского`: the name after the office left it, the
# subject before the verb holds it.
SUCCESSION_VERBS = {"сменить", "сменять", "заменить", "заменять"}
CURRENTLY = {"ныне", "теперь", "сейчас", "нынче"}


def _gap_is_filler(doc: Doc, start: int, stop: int, place_tokens: set[int]) -> bool:
    """Tokens between an office and its holder: places (`Республики Беларусь в Казахстане`),
    countries joined (`России и Казахстана`; joined regions are each a name's, which the tree
    tells) and a title of rank (`шейх`, `генерал армии`: rules/titles_of_rank.txt) only."""
    if stop - start > APPOSITION_GAP:
        return False
    regions = {t for m in doc.regions for t in range(m.first_token, m.last_token)}
    ranks = {t for k in range(start, stop) for t in range(k, rank_end(doc, k))}
    for k in range(start, stop):
        token = doc.tokens[k]
        if k in place_tokens | ranks or token.text in {"в", "РК", "РФ"}:
            continue
        if token.text in {"и", ","} and {k - 1, k + 1} <= place_tokens and not {k - 1, k + 1} & regions:
            continue
        return False
    return True


def link(doc: Doc, offices: list[OfficeMention], persons: list[PersonMention]) -> None:
    """Give each person the office the text ties to them (`person.office`), in the order above."""
    linked = _link_side_by_side(doc, offices, persons)
    link_by_syntax(doc, [o for o in offices if id(o) not in linked], persons, linked)
    linked |= _plural_office_of_names_before(doc, [o for o in offices if id(o) not in linked], persons)
    link_across_sentences(doc, [o for o in offices if id(o) not in linked], persons)


def _plural_office_of_names_before(doc: Doc, offices: list[OfficeMention], persons: list[PersonMention]) -> set[int]:
    """`Токаев и Мирзиёев обсудили ... Президенты договорились`, `Главы государств подписали`:
    a plural office of one holder in each place, opening a sentence as its subject, is held by
    each of the names joined in the sentence before, where those are all the names it has and
    none has an office or another role; the offices so held."""
    linked = set()
    for office in offices:
        here = doc.sentence_index(office.start)
        sentence = doc.sentence_at(office.start)
        verb = office.last_token
        if here == 0 or doc.text[sentence.start:office.start].strip() or verb >= len(doc.tokens) or \
                not any(p.tag.POS == "NOUN" and {"nomn", "plur"} <= p.tag.grammemes
                        for p in parse(doc.tokens[office.first_token].text)) or \
                not any(p.tag.POS == "VERB" and "plur" in p.tag for p in parse(doc.tokens[verb].text)[:1]):
            continue
        if office.row.scope == "legislative" or office.row.complement and office.position == office.row.office:
            continue  # `Депутаты`, `Министры`: many hold these in each country, others than those named
        before = [p for p in persons if doc.sentence_index(p.start) == here - 1]
        joined = len(before) >= 2 and all(
            doc.tokens[k].text in COORDINATION for a, b in zip(before, before[1:])
            for k in range(a.last_token, b.first_token)) and \
            all(a.last_token < b.first_token for a, b in zip(before, before[1:]))
        keys = {p.parts.key for p in before}
        if joined and not any(p.office for p in before) and len(keys) == len(before) and \
                not keys & with_other_roles(doc, persons):  # `журналисты Иван Петров и ...`
            for person in before:
                person.hold(office, frozenset())
            linked.add(id(office))
    return linked


def _link_side_by_side(doc: Doc, offices: list[OfficeMention], persons: list[PersonMention]) -> set[int]:
    place_tokens = {t for m in doc.regions for t in range(m.first_token, m.last_token)}
    place_tokens |= {doc.token_index(s.start) + i for s in doc.spans if s.type == "LOC"
                     for i in range(doc.token_index(s.end) - doc.token_index(s.start))}
    by_first = {p.first_token: p for p in persons}
    by_last = {p.last_token: p for p in persons}
    linked = set()
    for office in offices:
        successor = _successor(doc, office, persons)
        if successor:
            successor.hold(office, frozenset())
            linked.add(id(office))
            continue
        following = next((p for p in persons if p.first_token >= office.last_token), None)
        if following and _gap_is_filler(doc, office.last_token, following.first_token, place_tokens) \
                and agrees(office, following) and patronymic_agrees(office, following):
            respective = _respective(doc, office, offices, following, by_first)
            if respective:
                linked |= {id(o) for o in respective}
                continue
            following.hold(_first_of_joined(doc, office, offices))
            linked.add(id(office))
            if office.plural:
                _share_plural_office(doc, office, following, by_first)
        before = office.first_token - 1
        now = _now_after(doc, before, by_last)
        if now:
            now.hold(office)
            linked.add(id(office))
            continue
        if before >= 0 and doc.tokens[before].text in LINKING_PUNCTUATION and before in by_last \
                and not _opens_clause(doc, office.last_token):
            person = by_last[before]
            if person.office is None and agrees(office, person):
                person.hold(office)
                linked.add(id(office))
                if office.plural:  # `Иван Петров и Анна Ким, депутаты маслихата`
                    for other in _joined_before(doc, person, by_last):
                        other.hold(office)
    return linked


def _now_after(doc: Doc, k: int, by_last: dict[int, PersonMention]) -> PersonMention | None:
    """`Пост акима занимал Бозумбаев, ныне министр энергетики`: the office after `, ныне`
    (`, а теперь`) is the one the name before holds now, over any the text gave it before."""
    if k < 1 or doc.tokens[k].text.lower() not in CURRENTLY:
        return None
    k -= 1 + (doc.tokens[k - 1].text == "а")
    return by_last.get(k) if k > 0 and doc.tokens[k].text == "," else None


def _joined_before(doc: Doc, person: PersonMention, by_last: dict[int, PersonMention]) -> list[PersonMention]:
    """The names joined by `и` or commas before the person, nearest first, while they have no office."""
    joined, k = [], person.first_token - 1
    while k > 0 and doc.tokens[k].text in COORDINATION and k in by_last and by_last[k].office is None:
        joined.append(by_last[k])
        k = by_last[k].first_token - 1
    return joined


def _respective(doc: Doc, office: OfficeMention, offices: list[OfficeMention], first: PersonMention,
                by_first: dict[int, PersonMention]) -> list[OfficeMention]:
    """`министр финансов и министр экономики Иван Петров и Петр Сидоров`: offices joined by
    `и` before as many names joined by `и` give each name the office in its place; the
    offices so held (none unless the counts match)."""
    joined = [office]
    while (k := joined[0].first_token - 1) > 0 and doc.tokens[k].text in COORDINATION:
        previous = next((o for o in offices if o.last_token == k), None)
        if previous is None:
            break
        joined.insert(0, previous)
    names, k = [first], first.last_token
    while len(names) < len(joined) and k + 1 < len(doc.tokens) and doc.tokens[k].text in COORDINATION \
            and k + 1 in by_first:
        names.append(by_first[k + 1])
        k = names[-1].last_token
    if len(joined) < 2 or len(names) != len(joined) or not all(map(agrees, joined, names)):
        return []
    for held, person in zip(joined, names):
        person.hold(held)
    return joined


def _opens_clause(doc: Doc, k: int) -> bool:
    """`Как пишет Алексей Петров, президент не примет отставку`: an office followed by its own
    verb is that clause's subject, no apposition to the name before the comma."""
    return k < len(doc.tokens) and (doc.tokens[k].text == "не" or parse(doc.tokens[k].text)[0].tag.POS == "VERB")


def _first_of_joined(doc: Doc, office: OfficeMention, offices: list[OfficeMention]) -> OfficeMention:
    """`Вице-премьер — министр иностранных дел Иван Петров`: two offices of one person joined
    by a dash; the first ranks, and is the position."""
    k = office.first_token - 1
    if k < 1 or doc.tokens[k].text not in {"—", "–", "-"}:
        return office
    return next((o for o in offices if o.last_token == k and (o.cases & office.cases or not o.cases)), office)


def _successor(doc: Doc, office: OfficeMention, persons: list[PersonMention]) -> PersonMention | None:
    """`Иванов сменил на посту губернатора Петрова`: the name before the verb of succession."""
    k = office.first_token
    if k < 3 or doc.tokens[k - 1].lemma not in OFFICE_SEATS or doc.tokens[k - 2].text != "на" or \
            not lemmas(doc.tokens[k - 3].text) & SUCCESSION_VERBS:
        return None
    sentence = doc.sentence_at(office.start)
    before = [p for p in persons if sentence.start <= p.start and p.last_token <= k - 3 and p.office is None]
    return before[-1] if before else None


def _share_plural_office(doc: Doc, office: OfficeMention, first: PersonMention,
                         by_first: dict[int, PersonMention]) -> None:
    """`акимы Павлодарской области Скаков и Костанайской области Мухамбетов`, or
    `акимов областей Ахметова и Султанова`: each coordinated name holds the office,
    with the region named right before it, if any."""
    regions = {m.first_token: m for m in doc.regions}
    k = first.last_token
    while k < len(doc.tokens) and doc.tokens[k].text in COORDINATION:
        k += 1
        region = None
        if k in regions:
            region, k = regions[k].unit, regions[k].last_token
        if k not in by_first:
            return
        by_first[k].hold(replace(office, region=region) if region else office)
        k = by_first[k].last_token
