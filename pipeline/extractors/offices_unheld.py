"""Office phrases that name no office held by the name beside them: a former, sought,
future or hypothetical office (`бывший министр`, `кандидат в президенты`, `может стать
канцлером`), an honorary title (`посол доброй воли ЮНИСЕФ`), and the office of another
person the name serves (`супруга президента`, `глава офиса президента`).
"""
from __future__ import annotations

import re

from ..nlp import Doc, parse
from .names import can_stand_in, split_name
from .office_parts import honorary_title_end

# `исполняющий обязанности губернатора Алексей Кокорин`: the office noun's case says nothing
# about the holder's.
ACTING = re.compile(r"(\bобязанност\w+|\bврио|\bи\.\s?о\.|\bио)\s*$", re.IGNORECASE)
# `бывший министр финансов`, `экс-глава МИД`: a former office is held by no one named with it.
FORMER = re.compile(r"(\bбывш\w+|\bэкс-?)\s*$", re.IGNORECASE)
# `кандидат в президенты`, `претендует на пост мэра`, `кандидатура на должность премьера`,
# `баллотируется в губернаторы`, `выдвинут на пост мэра`: an office sought is not held.
SOUGHT = re.compile(r"(\bкандидат\w*\s+(в|на)|\bпретенд\w+\s+на|\bбаллотир\w+\s+(в|на)|\bвыдвину\w*\s+на)"
                    r"(\s+пост|\s+должность)?\s*$", re.IGNORECASE)
# `станет канцлером`, `может стать премьером`, `займет пост мэра`, `будущий президент`: an
# office to come is not held yet.
FUTURE = re.compile(r"(\bстан(ет|ут|у)|\bстать|\bзайм[её]т|\bзанять|\bбудет\s+(назначен|избран)\w*)"
                    r"(\s+(новым|новой|следующим|следующей))?(\s+(пост|должность))?\s*$|\bбудущ\w+\s*$",
                    re.IGNORECASE)
# `глава офиса президента`, `администрации премьер-министра`: the principal's office after a
# body of their staff; its holder is named in the genitive (`аппарата президента Токаева`).
STAFF_BODIES = {"офис", "аппарат", "канцелярия", "секретариат", "администрация", "пресс-служба"}


def unheld(doc: Doc, i: int, end: int, cases: frozenset[str]) -> bool:
    """Whether the office phrase at tokens i..end names no office of the name beside it; `cases`
    are its head noun's."""
    before = doc.text[max(0, doc.tokens[i].start - 30):doc.tokens[i].start]
    if FORMER.search(before) or SOUGHT.search(before) or FUTURE.search(before) or \
            any(honorary_title_end(doc, k) > i for k in (i - 1, i) if k >= 0):  # `[почётный] посол`
        return True
    return not ACTING.search(before) and "gent" in cases and (
        _of_another_person(doc, i) or _of_staff_body(doc, i, end))


def _word_before(doc: Doc, i: int):
    """The lower-case word (or a sentence's first) right before the office, if a word."""
    word = doc.tokens[i - 1] if i else None
    if word is None or not word.text.replace("-", "").isalpha() or \
            not (word.text.islower() or doc.sentence_at(word.start).start == word.start):
        return None
    return word


def _of_another_person(doc: Doc, i: int) -> bool:
    """`супруга президента Ольга Иванова`, `сын губернатора`, `представитель президента в
    парламенте`: an office in the genitive after a noun naming a person is that person's
    relation, and the name after it is theirs, not the office's."""
    word = _word_before(doc, i)
    if word is None:
        return False
    if i > 1 and doc.tokens[i - 2].text.lower() == "в" and word.text.lower() == "лице":
        return False  # `в лице губернатора Иванова`: the body acts through the holder himself
    return any(p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.is_known
               and not {"Name", "Surn", "Patr"} & p.tag.grammemes for p in parse(word.text)[:1])


def _of_staff_body(doc: Doc, i: int, end: int) -> bool:
    """`глава канцелярии президента Польши Анна Новак`: a name right after the office that
    cannot be its genitive is the staff's (`аппарата президента Токаева` is the president's)."""
    word = _word_before(doc, i)
    if word is None or word.lemma not in STAFF_BODIES:
        return False
    for token in doc.tokens[end:end + 4]:  # `пресс-служба президента, Иван Петров ...`: a name
        if not token.text.isalpha():  # past a comma is the president's own
            return False
        names = doc.spans_covering(token.start, token.end, "PER")
        parts = names and split_name(names[0].text)
        if parts:
            return not can_stand_in(parts, "gent")
    return False
