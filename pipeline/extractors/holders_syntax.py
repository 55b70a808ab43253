"""Offices and names still apart in a sentence, tied by its dependency tree (`Doc.syntax`):
apposition across other words (`президенты двух стран Иванов и Петров`, `Иван Петров (аким
района)`), an office as what a person is made, elected or relieved of (`Иванов назначен
акимом`, `назначил Иванова акимом`, `освобождён от должности губернатора`, `Петров, который
стал послом`, `указ о назначении Иванова акимом`, `Врио губернатора назначен Петров`), and an
office and a name that are subjects of one verb with a clause between them (`губернатор,
который ..., Иван Петров открыл`). Step 2 of holders.py.
"""
from __future__ import annotations

from dataclasses import replace

from ..nlp import Doc, lemmas, parse
from ..syntax import SentenceSyntax
from .name_forms import patronymic_readings
from .offices import OfficeMention
from .persons import PersonMention, agrees, name_cases

# A name hangs from its office (or the office from the name) by these relations in the tree.
APPOSITION = {"appos", "flat", "flat:name", "parataxis"}
# Nouns an office depends on when a person takes or leaves it: `на должность акима`,
# `освобождён от поста министра`, `исполняющим обязанности губернатора`.
OFFICE_SEATS = {"должность", "пост", "обязанность", "врио", "ио"}
ACTING_VERBS = {"исполнять", "исполняющий"}
ACTING_SEATS = {"врио", "ио"}
APPOINTMENT_VERBS = {"назначить", "назначать", "избрать", "избирать", "переизбрать", "утвердить",
                     "утверждать", "выбрать", "стать", "становиться", "являться", "быть", "работать",
                     "служить", "остаться", "оставаться", "трудиться"}
# The person an office is predicated of: `назначил Иванова акимом`, `Иванов назначен`, `Иванов стал`.
HOLDER_RELATIONS = ("obj", "nsubj:pass", "nsubj")
# `указ о назначении Иванова министром`, `об освобождении Петрова от должности акима`: the
# appointment as a noun, its person a genitive beside the office.
# `Прежний аким Ногаев назначен министром`: an office taken up is held now, over the one the
# name already has; not `был`, `работал` (an office held before).
TAKING_UP = {"назначить", "назначать", "избрать", "избирать", "переизбрать", "утвердить", "стать", "становиться"}
NOMINAL_APPOINTMENTS = {"назначение", "переназначение", "избрание", "утверждение", "освобождение"}


def link_by_syntax(doc: Doc, offices: list[OfficeMention], persons: list[PersonMention],
                   linked: set[int]) -> None:
    """Tie offices and names the tree relates, in sentences that hold both still apart."""
    for office in offices:
        here = doc.sentence_index(office.start)
        free = [p for p in persons if p.office is None and doc.sentence_index(p.start) == here]
        if not free and not _takes_up(doc, office):
            continue
        syntax = doc.syntax(here)
        holders = free and _holders(doc, syntax, office, free, persons) or \
            _appointed_anew(doc, syntax, office, persons)
        for person, cases, held in holders:
            person.hold(held, cases)
        if holders:
            linked.add(id(office))


def _takes_up(doc: Doc, office: OfficeMention) -> bool:
    """Whether the office's sentence has a verb of taking up an office (the tree is asked only then)."""
    sentence = doc.sentence_at(office.start)
    return any(lemmas(t.text) & TAKING_UP for t in doc.tokens[doc.token_index(sentence.start):
                                                             doc.token_index(sentence.end)])


def _appointed_anew(doc: Doc, syntax: SentenceSyntax, office: OfficeMention,
                   persons: list[PersonMention]) -> list[tuple[PersonMention, frozenset[str], OfficeMention]]:
    """A name given another office beside it, made the holder of this one by a verb of taking
    up an office: it holds this one."""
    office_word = syntax.root(office.first_token, office.last_token)
    verb = _office_verb(doc, syntax, office_word) or _appointing_verb(doc, syntax, office_word)
    if verb is None or verb == office_word or not lemmas(doc.tokens[verb].text) & TAKING_UP:
        return []
    here = doc.sentence_index(office.start)
    roots = {syntax.root(p.first_token, p.last_token): p for p in persons
             if p.office is not None and p.office is not office and doc.sentence_index(p.start) == here}
    person = _predicated(doc, syntax, office_word, roots, persons)
    if person is None:
        return []
    syntax_case = syntax.words[syntax.root(person.first_token, person.last_token)].case
    return [(person, frozenset({syntax_case}) if syntax_case else person.cases, office)]


def patronymic_agrees(office: OfficeMention, person: PersonMention) -> bool:
    """`Указом президента Серикбаева Гульнара Ермековна назначена ...`: a patronymic's ending
    tells the case for certain, and a decree's name in the nominative is no genitive's holder."""
    patronymic = person.parts.patronymic
    return not patronymic or not office.cases or \
        any(r.case in office.cases for r in patronymic_readings(patronymic))


def _holders(doc: Doc, syntax: SentenceSyntax, office: OfficeMention, free: list[PersonMention],
             persons: list[PersonMention]) -> list[tuple[PersonMention, frozenset[str], OfficeMention]]:
    """The persons the tree gives this office, with the case of each name (the office's own
    case for an apposition, the case natasha's tagger reads on the name otherwise) and the
    office each holds (a plural office gives each name its own region, if it names them)."""
    office_tokens = range(office.first_token, office.last_token)
    office_word = syntax.root(office.first_token, office.last_token)
    roots = {syntax.root(p.first_token, p.last_token): p for p in free}

    def tagged(person: PersonMention) -> frozenset[str]:
        case = syntax.words[syntax.root(person.first_token, person.last_token)].case
        return frozenset({case}) if case else frozenset()

    # An apposition agrees in case (not `с послом Арман Абенов`), by pymorphy3's reading of
    # the office or by the tagger's (`главы регионов — Иван Сидоров`: a nominative plural).
    office_case = syntax.words[office_word].case
    first = None
    for word, person in roots.items():
        person_tokens = range(person.first_token, person.last_token)
        if (syntax.head(word) in office_tokens and syntax.rel(word) in APPOSITION) or \
                (syntax.head(office_word) in person_tokens and syntax.rel(office_word) in APPOSITION):
            if not patronymic_agrees(office, person):
                continue
            if "accs" in name_cases(person.parts) and _appointed_object(doc, syntax, office_word):
                first = (person, frozenset({"accs", "gent"}))  # an animate accusative is the genitive
            elif agrees(office, person):
                first = (person, office.cases)
            elif office_case in name_cases(person.parts) or (
                    office_case == "nomn" and "nomn" in office.cases and syntax.words[word].case == "nomn"):
                # or a subject by the tagger's reading of both (`Гэвин Ньюсом`: no instrumental)
                first = (person, frozenset({office_case}))
            else:
                continue
            break
    if first is None:
        person = _predicated(doc, syntax, office_word, roots, persons) or \
            _fellow_subject(syntax, office_word, roots)
        first = (person, tagged(person)) if person else None
    if first is None:
        return []
    if not (office.plural or syntax.words[office_word].plural):
        return [(*first, office)]
    # `президенты двух стран Иванов и Петров`: every name coordinated with the first
    anchor = syntax.root(first[0].first_token, first[0].last_token)
    found = sorted([first] + [(p, first[1]) for word, p in roots.items() if p is not first[0]
                              and syntax.rel(word) == "conj" and syntax.head(word) in (anchor, office_word)],
                   key=lambda found: found[0].start)
    # `акимы Павлодарской и Костанайской областей Ахметов и Нуров`: the regions, respectively
    regions = [m.unit for m in doc.regions if office.first_token <= m.first_token < found[0][0].first_token]
    if len(found) > 1 and len(regions) == len(found):
        return [(p, cases, replace(office, region=region)) for (p, cases), region in zip(found, regions)]
    return [(p, cases, office) for p, cases in found]


def _predicated(doc: Doc, syntax: SentenceSyntax, office_word: int, roots: dict[int, PersonMention],
                persons: list[PersonMention]) -> PersonMention | None:
    """The person made, elected or relieved of the office (`назначил Иванова акимом`,
    `Иванов назначен на должность акима`, `Иванова, назначенного акимом`), or whom the
    office is said of (`Иванов был депутатом`)."""
    verb = _office_verb(doc, syntax, office_word)  # (a decree's `Назначить` may be token 0)
    if verb is None:
        verb = _appointing_verb(doc, syntax, office_word)
    if verb is None:
        verb = office_word
    elif syntax.rel(verb) == "acl" and syntax.head(verb) in roots:
        return roots[syntax.head(verb)]
    children = syntax.children(verb)
    nominal = doc.tokens[verb].lemma in NOMINAL_APPOINTMENTS
    for relation in HOLDER_RELATIONS + (("nmod",) if nominal else ()):
        for word in children:
            if syntax.rel(word) != relation or relation == "nmod" and syntax.words[word].case != "gent":
                continue
            if word in roots:
                return roots[word]
            if doc.tokens[word].lemma == "который":
                return _antecedent(doc, word, roots, persons)
            named = [roots[k] for k in syntax.children(word) if k in roots and syntax.rel(k) == "appos"]
            if len(named) == 1:  # `бывший министр Иванов назначен послом`: the name beside the subject
                return named[0]
    if verb == office_word or any(syntax.rel(word) in HOLDER_RELATIONS for word in children):
        return None
    # The tree often misplaces the subject of a passive (`Указом президента Иванов назначен
    # министром`): a main verb without one goes to the sentence's one name in the nominative.
    nominative = [p for word, p in roots.items() if syntax.words[word].case == "nomn"]
    return nominative[0] if syntax.head(verb) is None and len(nominative) == 1 else None


def _appointed_object(doc: Doc, syntax: SentenceSyntax, office_word: int) -> bool:
    """`назначил акимом Павлодарской области Асаина Байханова`: the tree hangs the accusative
    name from the instrumental office before it; it is the object of the verb of appointment
    the office is the predicate of, where that verb has no object of its own."""
    verb = _office_verb(doc, syntax, office_word)
    return verb is not None and verb != office_word and syntax.words[office_word].case == "ablt" and \
        not any(syntax.rel(child) == "obj" for child in syntax.children(verb))


def _office_verb(doc: Doc, syntax: SentenceSyntax, office_word: int) -> int | None:
    """The verb an office is the predicate of (`назначен акимом`, `стал послом`, `назначен
    послом`), or whose seat it names (`освобождён от должности губернатора`, `назначен
    исполняющим обязанности губернатора`, `вступил в должность акима`)."""
    k = office_word
    for _ in range(4):
        rel, head = syntax.rel(k), syntax.head(k)
        if head is None:
            return None
        if rel == "nmod" and doc.tokens[head].lemma in OFFICE_SEATS:
            k = head
            continue
        if doc.tokens[head].lemma in NOMINAL_APPOINTMENTS and rel == "nmod" and (
                doc.tokens[k].lemma in OFFICE_SEATS or syntax.words[k].case == "ablt" and
                not _has_preposition(syntax, k)):
            return head
        # A decree's capitalised `Назначить` the tagger takes for a proper noun.
        if syntax.words[head].pos not in ("VERB", "AUX") and not lemmas(doc.tokens[head].text) & APPOINTMENT_VERBS:
            return None
        # (the tree may hang `обязанности` from `исполняющим` as a modifier, and make `Врио
        # губернатора назначен Петров` a second subject of the passive)
        seat = (rel in ("obl", "obj") or rel == "nmod" and doc.tokens[head].lemma in ACTING_VERBS) \
            and doc.tokens[k].lemma in OFFICE_SEATS or doc.tokens[k].lemma in ACTING_SEATS \
            and rel in ("nsubj", "nsubj:pass") and bool(lemmas(doc.tokens[head].text) & APPOINTMENT_VERBS)
        # An instrumental without a preposition after a verb of appointment: not `встретился с
        # губернатором`, nor the agent of `приглашён губернатором`.
        predicate = rel == "xcomp" or (rel in ("obl", "obl:agent") and lemmas(doc.tokens[head].text)
                                       & APPOINTMENT_VERBS and not _has_preposition(syntax, k))
        if not (seat or predicate):
            return None
        # `назначен исполняющим обязанности`: the verb of appointment above the participle; but
        # `обязанности акима исполняет Петров`: the acting verb is the predicate itself
        if doc.tokens[head].lemma not in ACTING_VERBS or syntax.head(head) is None:
            return head
        k = head
    return None


def _appointing_verb(doc: Doc, syntax: SentenceSyntax, office_word: int) -> int | None:
    """`Указом президента хокимом области назначен Иванов`, where the tree hangs the
    instrumental office elsewhere: the sentence's one verb of appointment, for an office
    word that can only be an instrumental."""
    readings = [p for p in parse(doc.tokens[office_word].text) if p.tag.POS == "NOUN"]
    if not readings or any(p.tag.case != "ablt" for p in readings) or _has_preposition(syntax, office_word):
        return None
    verbs = [k for k, w in syntax.words.items() if w.pos in ("VERB", "AUX")
             and lemmas(doc.tokens[k].text) & APPOINTMENT_VERBS - {"быть", "являться", "работать", "служить"}]
    return verbs[0] if len(verbs) == 1 else None


def _has_preposition(syntax: SentenceSyntax, word: int) -> bool:
    return any(syntax.rel(child) == "case" for child in syntax.children(word))


def _antecedent(doc: Doc, relative: int, roots: dict[int, PersonMention],
                persons: list[PersonMention]) -> PersonMention | None:
    """`Иван Петров, который стал губернатором`: the name right before the relative pronoun."""
    person = next((p for p in persons if p.last_token == relative - 1 and doc.tokens[relative - 1].text == ","),
                  None)
    return person if person in roots.values() else None


def _fellow_subject(syntax: SentenceSyntax, office_word: int,
                    roots: dict[int, PersonMention]) -> PersonMention | None:
    """`Губернатор области, который прибыл накануне, Иван Петров открыл выставку`: the tree
    makes both subjects of one verb, which only one person can be."""
    if syntax.rel(office_word) != "nsubj":
        return None
    verb = syntax.head(office_word)
    fellows = [p for word, p in roots.items() if syntax.rel(word) == "nsubj" and syntax.head(word) == verb]
    return fellows[0] if len(fellows) == 1 else None
