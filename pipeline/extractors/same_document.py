"""Which mentions of signed documents are one document: `document_id`.

An article names the agreement it reports several times and in several
ways: `Области подписали соглашение о сотрудничестве. Документ подписали
губернатор и аким. Договор рассчитан на пять лет.` is one document. A later
mention is the document named before it unless something says it is another:

- it was signed at another time (one at the event, the other earlier);
- it counts differently (`меморандум` vs `10 меморандумов`);
- its signatories differ (neither side's regions include the other's, or it was
  signed with a side that is no region: `соглашение с акиматом г. Актобе`);
- its subject differs (`соглашение о торговле` vs `меморандум о туризме`);
- its kind differs (`дорожная карта` vs `соглашение`; an agreement is often called a
  memorandum or a treaty too, and `документ` is any);
- it is announced as another (`еще один`, `также`, `второй`, `кроме того`), or
  coordinated with it in one clause (`подписаны соглашение, а также меморандум`).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nlp import Doc, lemmas, parse
from ..records import Memorandum

ANOTHER = {"еще", "ещё", "также", "второй", "третий", "другой", "кроме", "помимо", "отдельный"}
ANOTHER_REACH = 5  # tokens before the mention
COORDINATION = {"и", "а", "также", ",", ";"}
TOPIC_PREPOSITIONS = {"о", "об"}
COUNTERPART = {"с", "со", "между"}
TOPIC_REACH = 3  # tokens after the mention to the preposition of its subject
# Kinds one document is called by in turn; every other kind is a document of its own.
AGREEMENT_KINDS = {"соглашение", "меморандум", "договор"}
ANY_KIND = {"документ"}


@dataclass
class _Document:
    number: int
    at_event: bool
    count: int | None
    parties: set[str]
    topic: str | None
    kinds: set[str]
    clause: tuple[int, int]
    end: int  # where its latest mention ends


def _topic(doc: Doc, end: int) -> str | None:
    """`соглашение о сотрудничестве` → `сотрудничество`: the noun after `о`/`об`."""
    i = doc.token_index(end)
    for j in range(i, min(i + TOPIC_REACH, len(doc.tokens) - 1)):
        if doc.tokens[j].text.lower() in TOPIC_PREPOSITIONS:
            for token in doc.tokens[j + 1:j + 4]:
                if parse(token.text)[0].tag.POS == "NOUN":
                    return parse(token.text)[0].normal_form
            return None
    return None


def _announced_as_another(doc: Doc, start: int, clause_start: int) -> bool:
    i = doc.token_index(start)
    before = doc.tokens[max(doc.token_index(clause_start), i - ANOTHER_REACH):i]
    return any(lemmas(t.text) & ANOTHER or t.text.lower() in ANOTHER for t in before)


def _signed_with_others(doc: Doc, m: Memorandum) -> bool:
    """`соглашение с акиматом г. Актобе`: signed with a side that is no region."""
    i = doc.token_index(m.end)
    return not m.parties and i < len(doc.tokens) and doc.tokens[i].text.lower() in COUNTERPART


def _kinds(m: Memorandum) -> set[str]:
    """`соглашение; меморандум` → {`соглашение`}: the kinds a mention may be, as classes."""
    named = set(m.document.split("; ")) - ANY_KIND
    return {"соглашение" if kind in AGREEMENT_KINDS else kind for kind in named}


def _coordinated(doc: Doc, earlier_end: int, start: int) -> bool:
    between = doc.tokens[doc.token_index(earlier_end):doc.token_index(start)]
    return any(t.text.lower() in COORDINATION for t in between)


def _counts_agree(a: int | None, b: int | None) -> bool:
    """Equal counts, or an uncounted plural beside a count of several."""
    if a is None or b is None:
        return (a or 2) > 1 and (b or 2) > 1
    return a == b


def _same(doc: Doc, d: _Document, m: Memorandum, clause: tuple[int, int], topic: str | None) -> bool:
    if d.at_event != m.at_event or not _counts_agree(d.count, m.count):
        return False
    parties = set(m.parties)
    if d.parties and parties and not (parties <= d.parties or d.parties <= parties):
        return False
    if d.topic and topic and d.topic != topic or d.parties and _signed_with_others(doc, m):
        return False
    if d.kinds and _kinds(m) and not d.kinds & _kinds(m):
        return False
    if clause == d.clause and _coordinated(doc, d.end, m.start):
        return False
    return not _announced_as_another(doc, m.start, clause[0])


def document_ids(doc: Doc, mentions: list[Memorandum], clauses: list[tuple[int, int]]) -> list[int]:
    """A number per mention (1, 2, ... in order of first mention); mentions of one document share it."""
    documents: list[_Document] = []
    numbers = []
    for m, clause in sorted(zip(mentions, clauses), key=lambda pair: pair[0].start):
        topic = _topic(doc, m.end)
        d = next((d for d in reversed(documents) if _same(doc, d, m, clause, topic)), None)
        if d is None:
            d = _Document(len(documents) + 1, m.at_event, m.count, set(), topic, set(), clause, m.end)
            documents.append(d)
        d.parties |= set(m.parties)
        d.kinds |= _kinds(m)
        d.topic, d.clause, d.end = d.topic or topic, clause, m.end
        numbers.append((m.start, d.number))
    by_start = dict(numbers)
    return [by_start[m.start] for m in mentions]
