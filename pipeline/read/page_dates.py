"""The publication date a page states as its own, read from the top of the page.

Only the top of a page is searched (the title, the lines just above it and a few below;
`clean` also reads the ` date YYYY-MM-DD` header of scraped dumps), then the byline
closing the piece. A date counts only where the page states it as the date of the piece:
a line that is a date (and maybe a time and a label), a stamp glued to a time or an
outlet's name, or a dateline in front of the text (`МОСКВА, 5 марта 2019 — ...`). Dates
inside a sentence, dates without a year and "today" widgets (weekday lines, currency
tables) never count.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

MONTH_NUMBER = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6,
                "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12}

MONTH = (r"(?:январ[яь]|янв|феврал[яь]|фев|марта?|мар|апрел[яь]|апр|ма[яй]|июн[яь]|июн|"
         r"июл[яь]|июл|августа?|авг|сентябр[яь]|сент|сен|октябр[яь]|окт|ноябр[яь]|нояб|ноя|"
         r"декабр[яь]|дек)\.?(?![а-яё])")

YEAR = r"((?:19|20)\d\d)(?=\d{1,2}:\d\d|\D|$)"  # a time may be glued to the year

DATES = [  # regex, and how its groups give (year, month, day)
    (re.compile(rf"(?<![\d.])(\d{{1,2}})([./-])(\d{{1,2}})\2(?:{YEAR}|(\d\d)(?!\d))"),
     lambda g: (g[3] or g[4], g[2], g[0])),
    (re.compile(r"(?<!\d)((?:19|20)\d\d)([-./])(\d\d)\2(\d\d)(?!\d)"), lambda g: (g[0], g[2], g[3])),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s*({MONTH})\s*,?\s+{YEAR}", re.I),
     lambda g: (g[2], MONTH_NUMBER[g[1][:3].lower()], g[0])),
]

NO_YEAR = re.compile(rf"(?<!\d)\d{{1,2}}\s*{MONTH}", re.I)

TIME = r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)"

# A time zone after the time: `(GMT+5)`, `МСК`, `по времени Астаны`, `(время московское)`.
TIME_ZONE = re.compile(r"\(?\b(?:GMT|UTC|МСК|мск)\s*(?:[+-]\s*\d{1,2})?\)?|"
                       r"\(?(?:по\s+)?(?:времени\s+[А-ЯЁ]\w+|(?:московскому|местному|"
                       r"астанинскому)\s+времени|время\s+(?:московское|местное|[А-ЯЁ]\w+))\)?")

# A dated line with one of these is a "today" widget, not the date of the piece; one with a
# weekday may also be the piece's own date line: below the title, or with the time it went out.
WEEKDAY = (r"(?<![а-яё])(?:понедельник|вторник|сред[аы]|четверг|пятниц[аы]|суббот[аы]|"
           r"воскресень[ея])(?![а-яё])")

TODAY = re.compile(r"(?<![а-яё])сегодня(?![а-яё])|курс|валют|погод", re.I)

# After the article, lists of other pieces with their own dates begin.
RELATED = re.compile(r"(?i)\W*(?:читайте|похож|(?:други[ее]|последние) (?:новости|материалы|статьи)|"
                     r"(?:новости|материалы)? ?по теме|популярное|сейчас читают|комментари|"
                     r"поделит|подпис[ыи]в)")

# Place words before a dateline's date; prepositions mean a sentence instead.
DATELINE = re.compile(rf"\s*(?:{TIME}\s*[,|/]?\s*)?"
                      r"(?:(?!(?:На|Во|По|Из|До|От|За|Со|Ко)\b)[A-ZА-ЯЁ][\w-]+[,.]?\s+){0,3}")

DATELINE_END = re.compile(rf"(?:\s*г\.)?(?:\s*,?\s*{TIME})?"
                          r"(?:\s*(?:[—–|]|-\s|[,.:]\s*(?=[A-ZА-ЯЁ«\"/(])|$)|\s+(?=[A-ZА-ЯЁ«\"/(]))\s*")

WORD = re.compile(r"[A-Za-zА-Яа-яЁё]{2,}")

# Lower-case words a byline may hold; any other one makes the line a sentence.
LABELS = {"от", "года", "год", "опубликовано", "обновлено", "изменено", "размещено", "дата",
          "публикации", "обновления", "время", "просмотров", "просмотры", "комментариев", "мин",
          "чтения", "автор", "источник", "фото"}

def _iso(year: str, month: str | int, day: str) -> str | None:
    y = int(year) if len(year) == 4 else 2000 + int(year)
    try:
        found = date(y, int(month), int(day))
    except ValueError:
        return None
    return found.isoformat() if 1991 <= y <= date.today().year + 1 else None

# Cached: cleaning asks about each line several times (chrome, title, date line, stamp).
@lru_cache(maxsize=4096)
def full_dates(line: str) -> tuple[tuple[int, int, str], ...]:
    """Every full date (with a year) in the line: (start, end, ISO)."""
    found: list[tuple[int, int, str]] = []
    for regex, parts in DATES:
        for m in regex.finditer(line):
            iso = _iso(*parts(m.groups()))
            if iso and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), iso))
    return tuple(sorted(found))

def parse_date(value: str) -> str | None:
    found = full_dates(value)
    return found[0][2] if found else None

def _residue(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """The words of the line outside the given spans and times."""
    for start, end in sorted(spans, reverse=True):
        line = line[:start] + " " + line[end:]
    return WORD.findall(TIME_ZONE.sub(" ", re.sub(TIME, " ", line)))

def date_line(line: str) -> str | None:
    """A short line that is a date, maybe with a time and a label or a name or two."""
    found = full_dates(line)
    if len(line.strip()) > 80 or not found:
        return None
    words = _residue(line, [(s, e) for s, e, _ in found])
    unknown = [w for w in words if w[0].islower() and w.lower() not in LABELS]
    if len(words) > 4 or len(unknown) > 1 or unknown and line.rstrip()[-1] in ".,;":
        return None  # `... 3 ноября 2008 года заключили соглашение.` is a sentence
    return found[0][2]  # `Опубликовано: ... Обновлено: ...` gives the first

# `Новости Zakon.kz от 29.11.2017`: an outlet's stamp, with or without a time.
OUTLET_FROM = re.compile(r"(?:(?i:новости)|[\w-]+\.[a-z]{2,6})\s+от\s*$")

def _stamp(line: str) -> str | None:
    """A date glued to a time (`от 29.11.2017 18:08 Фото`) or after an outlet's name,
    standing apart from any sentence."""
    for s, e, iso in full_dates(line):
        after = re.match(rf"[\s,|/]*{TIME}", line[e:])
        before = re.search(rf"{TIME}[\s,|/]*$", line[:s])
        if after or before or OUTLET_FROM.search(line[:s]):
            start, end = (before.start() if before else s), e + (after.end() if after else 0)
            previous = (WORD.findall(line[:start]) or ["От"])[-1]
            if ((previous[0].isupper() or previous.lower() in LABELS)
                    and not line[end:].lstrip()[:1].islower()):
                return iso  # not `состоится 12.04.2021 10:00 в акимате`
    return None

def dateline_at(line: str) -> tuple[str, int] | None:
    """`Place, DATE — ...` in front of a line: (ISO, where the rest begins)."""
    start = DATELINE.match(line).end()
    for s, e, iso in full_dates(line):
        if s == start:
            end = DATELINE_END.match(line, e)
            return (iso, end.end()) if end else None
    return None

def datey(line: str) -> bool:
    """A short date/time line (even without a year): not a title candidate."""
    spans = [m.span() for m in NO_YEAR.finditer(line)] + [(s, e) for s, e, _ in full_dates(line)]
    spans += [m.span() for m in re.finditer(TIME, line)]
    return len(line.strip()) <= 80 and bool(spans) and len(_residue(line, spans)) <= 4

def page_date(lines: list[tuple[int, str]], chrome: list[bool], title_line: int | None) -> str | None:
    """A date line or stamp by the title (a few lines above it, the lead below), else the
    byline closing the piece (`Иван Петров` then `20.08.2024`)."""
    top = title_line if title_line is not None else next(
        (i for i, (_, line) in enumerate(lines) if line.strip() and not chrome[i]), 0)
    end = next((i for i in range(top, len(lines))
                if len(lines[i][1]) <= 80 and RELATED.match(lines[i][1])), len(lines))
    content = [i for i, (_, line) in enumerate(lines[:end])
               if line.strip() and (not chrome[i] or _weekday_date_line(line, i > top))]
    at = content.index(title_line) if title_line is not None else 0
    for k in range(max(0, at - 2), min(at + 8, len(content))):
        line = lines[content[k]][1]
        dateline = dateline_at(line) if k <= at + 1 else None  # above the title or in the lead
        if dateline:
            return dateline[0]
        stated = (date_line(line) if content[k] != title_line else None) or _stamp(line)
        if stated:
            return stated
    return _closing_byline([lines[i][1] for i in content[at + 8:]])

def _weekday_date_line(line: str, below_title: bool) -> bool:
    """`Вторник, 5 марта 2019, 10:15` is the piece's date line where a "today" widget is not:
    below the title, or stamped with a time; never with `сегодня`, rates or weather."""
    return (bool(re.search(WEEKDAY, line, re.I)) and not TODAY.search(line)
            and bool(date_line(line)) and (below_title or bool(re.search(TIME, line))))

# An author's line: a name, maybe after a label (`Иван Петров`, `Автор: И. Петров`).
AUTHOR = re.compile(r"\s*(?:[А-ЯЁA-Z]\w+:\s*(?:[А-ЯЁA-Z][\w-]*\.?\s*)|(?:[А-ЯЁA-Z][\w-]*\.?\s*){2})"
                    r"(?:[А-ЯЁA-Z][\w-]*\.?\s*)?")

DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b")

def _closing_byline(tail: list[str]) -> str | None:
    """The date under the author at the end of the piece, or on the author's line."""
    last = tail[-3:]
    for previous, line in zip((tail[-4:-3] or [""]) + last, last):
        stated = date_line(line)
        bare = DOMAIN.sub(lambda m: " " * len(m[0]), line)  # `Zakon.kz` names the outlet
        words = _residue(bare, [(s, e) for s, e, _ in full_dates(line)])
        if not stated or any(w[0].islower() and w.lower() not in LABELS for w in words):
            continue  # `12.04.2011 Другая новость` is a list of other pieces
        if words or AUTHOR.fullmatch(previous):
            return stated
    return None
