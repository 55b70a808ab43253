"""The words after an office's head: a ministry's complement (`по инвестициям и развитию`,
`цифрового развития, инноваций и ...`), the state bodies it leads or sits in (`народного
правительства`, `управления образования акимата`), and the region's executive that owns
them; the place adjectives among them, which a position leaves out (`Гомельского`,
`российского`).
"""
from __future__ import annotations

import re

from ..nlp import Doc, parse
from .gazetteer import Mention, gazetteer
from .office_parts import bodies, macro_regions, phrase_end, rank_end

# Words between an office and its region or holder that carry no meaning of their own.
# A first-level unit's kind in each country: `хяким велаята`, `губернатор провинции`.
GENERIC_PLACE_WORDS = {"город", "г", "область", "регион", "край", "республика", "округ",
                       "провинция", "велаят", "вилоят", "аймак"}
# The kinds of region (rules/regions.csv) each of those words names: `хоким области` is no city's.
PLACE_WORD_KINDS = {"город": {"city"}, "г": {"city"}, "область": {"oblast", "autonomous_oblast"},
                    "край": {"krai"}, "республика": {"republic"}, "округ": {"autonomous_okrug"},
                    "провинция": {"province"}, "велаят": {"velayat"}, "вилоят": {"oblast"},
                    "аймак": {"aimag"}}
# After a head that needs a body or a place: `председатель области`, `хяким велаята`; the
# other places have offices without a region: `глава страны`, `глава района`, `хяким этрапа`.
OTHER_PLACE_WORDS = {"страна", "район", "этрап", "сомон", "село", "поселок", "аул", "кишлак"}
# A municipality's kind before a place word makes it one of those: `сельского округа`,
# `городского округа`, `муниципального района`.
LOCAL_UNIT_ADJECTIVES = {"сельский", "городской", "поселковый", "муниципальный"}
PLACE_WORDS = GENERIC_PLACE_WORDS | OTHER_PLACE_WORDS

COMPLEMENT_WORDS = 10  # `по чрезвычайным ситуациям, гражданской обороне и ...`
COMPLEMENT_POS = {"NOUN", "ADJF", "PRTF", "PREP", "CONJ"}  # `по инвестициям и развитию`


def country_end(doc: Doc, k: int) -> int:
    """After a country's name at token k (`России`, `Российской Федерации`), else k."""
    names = gazetteer().country_names
    return next((k + n for n in (2, 1) if k + n <= len(doc.tokens)
                 and " ".join(t.lemma for t in doc.tokens[k:k + n]) in names), k)


def past_country(doc: Doc, k: int) -> int:
    """After a country at token k, by the gazetteer or NER (`США`), else k."""
    end = country_end(doc, k)
    places = doc.spans_covering(doc.tokens[k].start, doc.tokens[k].end, "LOC") if end == k < len(doc.tokens) else []
    return doc.token_index(places[0].end) if places and places[0].start == doc.tokens[k].start else end


def _macro_region_end(doc: Doc, k: int) -> int:
    """After an area larger than a region at token k (`Северного Кавказа`, `Арктики`), else k."""
    return phrase_end(doc, k, macro_regions())


def complement_end(doc: Doc, j: int, inside_region: set[int]) -> int:
    """End of a ministry complement: `по инвестициям и развитию`, `иностранных дел`; a
    region's executive after it owns the body and is no part of it (`управления
    образования [акимата]`)."""
    k = j
    while k < len(doc.tokens) and k - j < COMPLEMENT_WORDS and k not in inside_region:
        text = doc.tokens[k].text
        area_end = _macro_region_end(doc, k) if k > j and doc.tokens[j].text == "по" else k
        if area_end > k:  # `по делам Северного Кавказа`, `по развитию ... Арктики`
            k = area_end
            continue
        if text == "," and k > j and k + 1 < len(doc.tokens) and doc.tokens[k + 1].text.isalpha() \
                and doc.tokens[k + 1].text.islower():  # `цифрового развития, инноваций и ...`
            k += 1
            continue
        # `строительства и ЖКХ`: a field's abbreviation after `и` (a country's, `РК`, stands alone)
        field_abbreviation = text.isupper() and k > j and doc.tokens[k - 1].text == "и"
        # `аппарата премьер-министра`: a hyphenated word is one word
        if not text.replace("-", "").isalpha() or not (text.islower() or field_abbreviation) \
                or owner_end(doc, k) > k:
            break
        if k > j and doc.tokens[k].lemma in PLACE_WORDS:  # `министр образования [региона]`
            break
        if rank_end(doc, k) > k:  # `министр обороны [генерал армии] ...`
            break
        if k == j and text != "по" and (parse(text)[0].tag.POS == "PREP" or
                                        not any(p.tag.case == "gent" for p in parse(text))):
            break
        if parse(text)[0].tag.POS not in COMPLEMENT_POS:  # `министр энергетики [провёл брифинг]`
            break
        k += 1
    # A list of a ministry's fields ends in `и`: else the comma ends the complement
    # (`министр финансов, глава комиссии`).
    commas = [t for t in range(j, k) if doc.tokens[t].text == ","]
    if commas and not any(doc.tokens[t].text == "и" for t in range(commas[-1], k)):
        k = commas[0]
    # `министр иностранных дел [с 2020 года]`: a preposition or conjunction ends no complement
    while k > j and parse(doc.tokens[k - 1].text)[0].tag.POS in {"PREP", "CONJ"}:
        k -= 1
    return k


def owner_end(doc: Doc, k: int) -> int:
    """After `акимата`, `администрации`, `народного правительства` at token k: the
    executive of a region or city, which owns the departments before it."""
    body = bodies().longest(doc, k)
    return body[1] if body and body[0].scope in {"regional", "city"} and not body[0].complement else k


def bodies_from(doc: Doc, j: int, inside_region: set[int], starts: dict[int, Mention]):
    """The state bodies from token j on (`народного правительства`, `управления образования
    акимата`), a region adjective between (`Гомельского облисполкома`) skipped: the first
    body and its end (the position's), the end of them all (`Мажилиса Парламента`), the body
    tokens and the place adjectives, which the position leaves out."""
    first, first_end, body_tokens, place_words = None, j, set(), set()
    first_own_end = None  # the end of the first body's own words, before any complement
    while j < len(doc.tokens):
        k = j
        if j in starts:  # `Гомельского облисполкома`, `[Минского горисполкома]`: the body after the adjective
            k = j + 1 if starts[j].last_token - j > 1 else starts[j].last_token
        while k < len(doc.tokens) and k - j < 3 and bodies().longest(doc, k) is None \
                and k not in inside_region and _adjective(doc.tokens[k].text):
            k += 1
        body = bodies().longest(doc, k)
        if body is None:
            break
        part, stop = body
        if part.scope != "national":  # `Октябрьского райисполкома`: the adjective names a place
            # (not `Великого национального собрания`, `Верховного совета`)
            place_words.update(t for t in range(j, k) if doc.tokens[t].text[:1].isupper()
                               and (t in inside_region or DEMONYM.search(doc.tokens[t].text)))
        place_words.update(t for t in range(j, k) if _demonym(doc.tokens[t]))  # `российского МИД`
        if part.complement:
            complement = complement_end(doc, stop, inside_region)
            # `комитета по делам молодежи`, `комитета Сената`: a committee of what
            if part.complement == "required" and complement == stop and bodies().longest(doc, stop) is None:
                break
            body_tokens.update(range(k, stop))
            first_own_end = first_own_end if first else stop
            stop = complement
        else:
            body_tokens.update(range(k, stop))
        if first is None:
            first, first_end = part, stop
        elif first.complement == "required" and first_end == first_own_end and \
                (field := past_country(doc, stop)) < len(doc.tokens) and doc.tokens[field].text == "по":
            # `комитета Сената [США] [по международным отношениям]`: the committee's field after
            # the chamber it belongs to; the chamber (and its country) is left out of the position
            complement = complement_end(doc, field, inside_region)
            place_words.update(range(first_end, field))
            first_end = stop = complement
        j = stop
    return first, first_end, j, body_tokens, place_words


# `глава российского МИД`, `спикер иранского парламента`: a country's adjective, which the
# position leaves out like the country; not the adjectives of a body's kind.
DEMONYM = re.compile(r"(?<!че)(ск|цк)(ий|ой|ого|ому|им|ом|ая|ую|ое|ие|их|ими)$")
BODY_KIND_ADJECTIVES = {"городской", "сельский", "парламентский", "президентский", "депутатский",
                        "министерский", "гражданский", "морской"}


def _demonym(token) -> bool:
    return token.text.islower() and bool(DEMONYM.search(token.text)) and token.lemma not in BODY_KIND_ADJECTIVES


def _adjective(word: str) -> bool:
    """An adjective among the likeliest readings, however many tie (`Могилевского` is as likely
    a surname's genitive and accusative as the adjective)."""
    parses = parse(word)
    return word.isalpha() and any(p.tag.POS == "ADJF" for i, p in enumerate(parses)
                                  if i < 2 or p.score >= parses[0].score)
