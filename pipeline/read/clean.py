"""Web noise out; title, publication date and outlet in.

`clean` never deletes: noise is overwritten with spaces (newlines kept), so
the cleaned text has exactly the length of `Article.text` and every offset
found in it indexes the text as read.

The publication date is the one the page states as its own (`page_dates`), or
the ` date YYYY-MM-DD` header of scraped dumps; the outlet is the one the text
names (`outlets`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..records import Article
from .outlets import outlet
from .page_dates import NO_YEAR, WEEKDAY, date_line, dateline_at, datey, full_dates, page_date, parse_date

# A dated line with a weekday, `сегодня`, rates or weather is a "today" widget, not a date of the piece.
WIDGET = re.compile(rf"{WEEKDAY}|(?<![а-яё])сегодня(?![а-яё])|курс|валют|погод", re.I)
DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d\d-\d\d)\b")
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
    published = (parse_date(article.published or "") or (header and parse_date(header.group(1)))
                 or page_date(lines, chrome, found[0] if found else None))
    cleaned = _blank(text, noise)
    return replace(article, title=title, published=published or None,
                   date=parse_date(article.date or "") or None,  # a batch row's own date
                   outlet=article.outlet or outlet(cleaned)), cleaned


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


def _is_chrome(line: str) -> bool:
    bare = line.strip().strip("•·▪►*|").strip()
    if not bare:
        return False
    widget = (full_dates(bare) or NO_YEAR.search(bare)) and WIDGET.search(bare) and datey(bare)
    if len(bare) <= 80 and (widget or CURRENCY.fullmatch(bare) or WEATHER.search(bare)):
        return True  # widgets: a date there is the day of the visit, not of the piece
    if date_line(bare):
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
        if line.strip() and not chrome[i] and not datey(line):
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
    dateline = dateline_at(line)
    return (line[dateline[1]:] if dateline else line).strip()


def _title_copies(text: str, title: str) -> list[tuple[int, int]]:
    """Later copies of the title at a line start, alone or glued to the next sentence."""
    first = text.find(title)
    if first < 0:
        return []
    copy = re.compile(rf"(?m)^[ \t]*({re.escape(title)})(?=[ \t]*$|\s*[A-ZА-ЯЁ«\"])")
    return [m.span(1) for m in copy.finditer(text, first + len(title))]


