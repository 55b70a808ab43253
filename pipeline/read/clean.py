"""Web noise out; title, publication date and outlet in.

`clean` never deletes: noise is overwritten with spaces (newlines kept), so
the cleaned text has exactly the length of `Article.text` and every offset
found in it indexes the text as read.

Only the top of a page is searched for the publication date (the title, the
lines just above it and a few below, plus the ` date YYYY-MM-DD` header of
scraped dumps). A date counts only where the page states it as the date of
the piece: a line that is a date (and maybe a time and a label), or a
dateline in front of the text (`МОСКВА, 5 марта 2019 — ...`). Dates inside
a sentence, dates without a year and "today" widgets (weekday lines,
currency tables) never count.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from ..records import Article

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
WIDGET = re.compile(rf"{WEEKDAY}|(?<![а-яё])сегодня(?![а-яё])|курс|валют|погод", re.I)
TODAY = re.compile(r"(?<![а-яё])сегодня(?![а-яё])|курс|валют|погод", re.I)
# After the article, lists of other pieces with their own dates begin.
RELATED = re.compile(r"(?i)\W*(?:читайте|похож|(?:други[ее]|последние) (?:новости|материалы|статьи)|"
                     r"(?:новости|материалы)? ?по теме|популярное|сейчас читают|комментари|"
                     r"поделит|подпис[ыи]в)")
DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d\d-\d\d)\b")
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
REMNANT = re.compile(r"<\?php|\?>")
# `Читайте также:` alone on its line, then the titles of other pieces, one a line (short,
# no full stop): theirs, not this article's, up to the first line that reads as text.
RELATED_HEADING = re.compile(r"(?i)\W*(?:читайте (?:также|еще|ещё)|по теме|(?:другие|последние|"
                             r"похожие|популярные) (?:новости|материалы|статьи)|самое (?:читаемое|"
                             r"популярное)|популярное|сейчас читают|рекомендуем|новости партн[её]ров|"
                             r"лента новостей)\W*")
HEADLINE_MAX = 120

# Site chrome, matched against a whole line (bullets stripped, lower case).
CHROME_LINE = re.compile(
    r"(?:поиск|найти|меню|показать меню|главная|на главную|назад|вперед|вперёд|далее|"
    r"следующая|предыдущая|вверх|наверх|войти|вход|регистрация|подписаться|поделиться|"
    r"комментарии|читать далее|подробнее|версия для печати|распечатать|rss|реклама(?: \w+)?|"
    r"похожее|похожие \w+|читайте (?:также|еще|ещё).*|(?:другие|все|последние|главные|"
    r"похожие) (?:новости|материалы|статьи).*|новости(?: \w+){0,2}|лента новостей|(?:\w+ )?(?:портал|рубрики)(?: \w+)?|"
    r"популярное(?: \w+)?|сейчас читают|самое (?:читаемое|популярное)(?: \w+)?|календарь(?: новостей)?|"
    r"архив(?: новостей)?|прогноз погоды|погода(?: (?:на|в) \S+)?|валюта\W+покупка.*|мнение|"
    r"(?:теги|тэги|метки|tags|рубрика)\s*:.*|по теме.*|"
    r"лайк|смех|удивление|гнев|печаль|грусть)[\s:.!]*")
# Photo and video credits: `Фото: пресс-служба ...`, `Фото Ивана Петрова.`
CREDIT = re.compile(r"(?i:фото|видео|источник фото|автор фото)(?:\s*[:—–-]|\s+[А-ЯЁA-Z])")
# Phrases that mark a short line as chrome wherever they stand in it.
CHROME_PHRASE = re.compile(
    r"размер шрифта|версия для слабовидящих|курсы? валют|курс (?:нб|нацбанка|цб)|"
    r"время загрузки страницы|copyright|©|\(c\) \d{4}|все права защищены|all rights reserved|"
    r"перепечатка|ссылка на .{0,40}обязательна|при (?:использовании|цитировании) материал|"
    r"поделитесь с друзьями|поделиться в |комментари\w* (?:пока )?(?:отсутствуют|нет)|"
    r"(?:добавить|оставить|написать) комментарий|оставляя комментарий|не будет опубликован|"
    r"обязательные поля|подпи(?:сывайтесь|шитесь|шись) на наш|нашли ошибку|ctrl\s*\+\s*enter|"
    r"хостинг|разработка сайта|просмотр\w*:?\s*\d|\d+\s*просмотр|cookie|"
    r"политик\w+ конфиденциальности|мнение редакции может не совпадать", re.I)
CURRENCY = re.compile(r"(?:[$€₽₸£¥]|(?:USD|EUR|RUB|RUR|CNY|KZT|UZS|BYN|KGS|TJS|GBP|CHF|TRY|"
                      r"доллар|евро|рубль|юань)(?![a-zа-я]))[\s\d.,:%+−–—-]*\d[\s\d.,:%+−–—-]*", re.I)
WEATHER = re.compile(r"°|\d\s*м/с|[-+]?\d+\s*\.\.\s*[-+]?\d+", re.I)
NUMBERS = re.compile(r"[\d\s.,:;%+−–—/-]*")

# Outlets: a verb of reporting, a role word, then a name that looks like one.
KNOWN = (r"РИА\s+«?Новости»?|ИНТЕРФАКС(?:-[А-ЯЁA-Z]+)?|Интерфакс(?:-[А-ЯЁA-Zа-яё]+)?|ТАСС|"
         r"БелТА|БЕЛТА|Казинформ|КазТАГ|Sputnik(?: [А-ЯЁ]\w+)?|REGNUM|Регнум|РБК|УзА|Кабар|"
         r"АКИpress|Синьхуа|Xinhua")
NAME = (rf"(?:{KNOWN}|[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{{2,6}}(?!\w|\.\w)|"
        r"[«\"][^»\"\n]{2,40}[»\"]|[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]{3,}(?:-[A-ZА-ЯЁ0-9]+)*\b|"
        r"[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})")
ROLE = (r"(?:(?i:корреспондент|собкор|корр\.|агентство|информагентство|издание|портал|сайт|"
        r"газета|телеканал|ИА|МИА)\s+)?")
SITE = rf"(?:{KNOWN}|[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{{2,6}}|[A-Z][\w-]+)"
OUTLET = [
    re.compile(rf"(?i:передает|передаёт|сообщает|сообщают|пишет|информирует)\s+{ROLE}({NAME})"),
    re.compile(rf"(?i:информационная служба|по материалам)\s+{ROLE}({NAME})"),
    # datelines: `Ташкент (UzDaily.uz) —`, `БАКУ /Trend/ -`, `СОЧИ, 28 фев — РИА Новости,`
    re.compile(rf"(?m)^[^\n]{{0,60}}?[(/]({SITE})[)/]?\s*[—–.-]"),
    re.compile(rf"(?m)^[^\n]{{0,60}}?[—–.]\s+(?:М?ИА\s+)?({KNOWN})(?=\s*[—–.,-])"),
]


def clean(article: Article) -> tuple[Article, str]:
    """The article with title / published / outlet filled, and its cleaned text."""
    header = DATE_HEADER.match(article.text)
    noise = [header.span()] if header else []
    text = _blank(article.text, noise)  # the header is no part of the first line's content
    lines = _lines(text)
    chrome = [_is_chrome(line) for _, line in lines]
    noise += [m.span() for m in REMNANT.finditer(text)]
    noise += [(start, start + len(line)) for (start, line), bad in zip(lines, chrome) if bad]
    noise += _related_headlines(lines)
    found = _title(lines, chrome)
    title = article.title or (found[1] if found else None)
    if title:
        noise += _title_copies(text, title)
    published = (_parse_date(article.published or "") or (header and _parse_date(header.group(1)))
                 or _published(lines, chrome, found[0] if found else None))
    cleaned = _blank(text, noise)
    return replace(article, title=title, published=published or None,
                   date=_parse_date(article.date or "") or None,  # a batch row's own date
                   outlet=article.outlet or _outlet(cleaned)), cleaned


def _related_headlines(lines: list[tuple[int, str]]) -> list[tuple[int, int]]:
    spans, inside = [], False
    for start, line in lines:
        bare = line.strip()
        if RELATED_HEADING.fullmatch(bare):
            inside = True
        elif inside and bare and (len(bare) > HEADLINE_MAX or bare.endswith((".", "!", "?", "…"))):
            inside = False
        elif inside and bare:
            spans.append((start, start + len(line)))
    return spans


def _lines(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out


NOT_NEWLINE = re.compile(r"[^\n]")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = NOT_NEWLINE.sub(" ", text[start:end])
    return "".join(chars)


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


def _parse_date(value: str) -> str | None:
    found = full_dates(value)
    return found[0][2] if found else None


def _residue(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """The words of the line outside the given spans and times."""
    for start, end in sorted(spans, reverse=True):
        line = line[:start] + " " + line[end:]
    return WORD.findall(TIME_ZONE.sub(" ", re.sub(TIME, " ", line)))


def _date_line(line: str) -> str | None:
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


def _dateline(line: str) -> tuple[str, int] | None:
    """`Place, DATE — ...` in front of a line: (ISO, where the rest begins)."""
    start = DATELINE.match(line).end()
    for s, e, iso in full_dates(line):
        if s == start:
            end = DATELINE_END.match(line, e)
            return (iso, end.end()) if end else None
    return None


def _datey(line: str) -> bool:
    """A short date/time line (even without a year): not a title candidate."""
    spans = [m.span() for m in NO_YEAR.finditer(line)] + [(s, e) for s, e, _ in full_dates(line)]
    spans += [m.span() for m in re.finditer(TIME, line)]
    return len(line.strip()) <= 80 and bool(spans) and len(_residue(line, spans)) <= 4


def _is_chrome(line: str) -> bool:
    bare = line.strip().strip("•·▪►*|").strip()
    if not bare:
        return False
    widget = (full_dates(bare) or NO_YEAR.search(bare)) and WIDGET.search(bare) and _datey(bare)
    if len(bare) <= 80 and (widget or CURRENCY.fullmatch(bare) or WEATHER.search(bare)):
        return True  # widgets: a date there is the day of the visit, not of the piece
    if _date_line(bare):
        return False  # a byline such as `12.04.2021 | Просмотров: 5` is kept for its date
    if len(bare) <= 2 or CHROME_LINE.fullmatch(bare.lower()) or CREDIT.match(bare):
        return True
    return len(bare) <= 200 and bool(CHROME_PHRASE.search(bare)) or bool(NUMBERS.fullmatch(bare))


def _title(lines: list[tuple[int, str]], chrome: list[bool]) -> tuple[int, str] | None:
    """(line number, title) of the headline; None for a text without one."""
    if sum(bool(line.strip()) for _, line in lines) < 2:
        return None
    heads = []
    for i, (_, line) in enumerate(lines):
        if line.strip() and not chrome[i] and not _datey(line):
            heads.append((i, _strip_dateline(line)))
        if len(heads) == 8:
            break
    for i, head in heads[:6]:  # a headline the page repeats is the title
        if _headline(head) and any(_strip_dateline(other).startswith(head)
                                   for _, other in lines[i + 1:]):
            return i, head
    for i, head in heads:  # otherwise the first line, if it reads as a headline
        # one word is a rubric (`Политика`), lower case a fragment: look further
        if len(head.split()) >= 2 and not head[0].islower():
            return (i, head) if _headline(head) else None
    return None


def _headline(line: str) -> bool:
    return len(line.split()) >= 2 and len(line) <= 250 and line[-1] not in ".,:;"


def _strip_dateline(line: str) -> str:
    dateline = _dateline(line)
    return (line[dateline[1]:] if dateline else line).strip()


def _title_copies(text: str, title: str) -> list[tuple[int, int]]:
    """Later copies of the title at a line start, alone or glued to the next sentence."""
    first = text.find(title)
    if first < 0:
        return []
    copy = re.compile(rf"(?m)^[ \t]*({re.escape(title)})(?=[ \t]*$|\s*[A-ZА-ЯЁ«\"])")
    return [m.span(1) for m in copy.finditer(text, first + len(title))]


def _published(lines: list[tuple[int, str]], chrome: list[bool], title_line: int | None) -> str | None:
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
        dateline = _dateline(line) if k <= at + 1 else None  # above the title or in the lead
        if dateline:
            return dateline[0]
        stated = (_date_line(line) if content[k] != title_line else None) or _stamp(line)
        if stated:
            return stated
    return _closing_byline([lines[i][1] for i in content[at + 8:]])


def _weekday_date_line(line: str, below_title: bool) -> bool:
    """`Вторник, 5 марта 2019, 10:15` is the piece's date line where a "today" widget is not:
    below the title, or stamped with a time; never with `сегодня`, rates or weather."""
    return (bool(re.search(WEEKDAY, line, re.I)) and not TODAY.search(line)
            and bool(_date_line(line)) and (below_title or bool(re.search(TIME, line))))


# An author's line: a name, maybe after a label (`Иван Петров`, `Автор: И. Петров`).
AUTHOR = re.compile(r"\s*(?:[А-ЯЁA-Z]\w+:\s*(?:[А-ЯЁA-Z][\w-]*\.?\s*)|(?:[А-ЯЁA-Z][\w-]*\.?\s*){2})"
                    r"(?:[А-ЯЁA-Z][\w-]*\.?\s*)?")
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b")


def _closing_byline(tail: list[str]) -> str | None:
    """The date under the author at the end of the piece, or on the author's line."""
    last = tail[-3:]
    for previous, line in zip((tail[-4:-3] or [""]) + last, last):
        stated = _date_line(line)
        bare = DOMAIN.sub(lambda m: " " * len(m[0]), line)  # `Zakon.kz` names the outlet
        words = _residue(bare, [(s, e) for s, e, _ in full_dates(line)])
        if not stated or any(w[0].islower() and w.lower() not in LABELS for w in words):
            continue  # `12.04.2011 Другая новость` is a list of other pieces
        if words or AUTHOR.fullmatch(previous):
            return stated
    return None


def _outlet(text: str) -> str | None:
    found = [(m.start(1), m.group(1)) for regex in OUTLET for m in regex.finditer(text)]
    if not found:
        return None
    name = min(found)[1]
    return re.sub(r"\s+", " ", name.replace("«", " ").replace("»", " ").replace('"', " ")).strip()
