"""The date to filter an article by: `date` and `date_source`.

`published` where the page states it (then `date` equals it), else the date a
batch row gives, else the date the article gives its event with a year
(`Сегодня, 1 декабря 2022 года, ...`, `12 марта 2021 г. в Омске состоялось
...`), else none. `published` keeps its strict meaning; this is only the
analyst's filter.

An event date is a full date (day, month, year) in the lead: after
`сегодня` / `вчера` / `накануне`, or in a sentence whose verb reports what
happened (`состоялось`, `подписали`, `прошла`). A date further down, beside
any other verb (`родился 3 ноября 1980 года`) or bounding a term (`до 1
января 2025 года`) is not the event's.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..nlp import Doc, parse
from ..read.page_dates import full_dates
from ..records import Article

LEAD_SENTENCES = 5
# `Сегодня, 1 декабря 2022 года` / `Вчера 5 марта 2019 г.`: the text says the event's day.
DAY_WORD = re.compile(r"(?i)(?:сегодня|вчера|накануне|на днях)[\s,]*(?:\([^)]*\)\s*)?$")
EVENT_VERBS = {"состояться", "пройти", "проходить", "подписать", "заключить", "провести",
               "встретиться", "посетить", "прибыть", "открыться", "начаться", "завершиться",
               "обсудить", "принять", "собраться", "стартовать"}
NOT_THE_DAY = re.compile(r"(?i)(?:до|с|по|к|от|после|перед)\s*$")  # a term or another document


def event_date(doc: Doc) -> str | None:
    for sentence in doc.sentences[:LEAD_SENTENCES]:
        for start, _, iso in full_dates(sentence.text):
            before = sentence.text[:start]
            if not NOT_THE_DAY.search(before) and (DAY_WORD.search(before) or _reports(sentence.text)):
                return iso
    return None


def _reports(text: str) -> bool:
    """A verb of `EVENT_VERBS` in the past, or its participle: `состоялось`, `подписано`."""
    for word in re.findall(r"[а-яёА-ЯЁ-]+", text):
        p = parse(word)[0]
        if p.normal_form in EVENT_VERBS and ("past" in p.tag or p.tag.POS in {"PRTS", "PRTF"}):
            return True
    return False


def dated(article: Article, doc: Doc) -> Article:
    """The article with `date` and `date_source` filled."""
    if article.date_source == "batch":  # the batch row's own date (its `published` or `date`)
        return article
    if article.published:
        return replace(article, date=article.published, date_source="published")
    found = event_date(doc)
    return replace(article, date=found, date_source="event" if found else None)
