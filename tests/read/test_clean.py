"""clean.py: noise blanked at equal length; published, title, outlet."""
from __future__ import annotations

import pytest

from pipeline.read.clean import clean
from pipeline.records import Article

TITLE = "Две области подписали меморандум о сотрудничестве"
BODY = "Аким области встретился с губернатором соседнего региона и подписал документ."


def run(text: str, **given) -> tuple[Article, str]:
    article, cleaned = clean(Article("a", "a.txt", text, **given))
    assert len(cleaned) == len(text)
    assert all(c == o or (c == " " and o != "\n") for c, o in zip(cleaned, text))
    return article, cleaned


def test_date_header_is_blanked_and_read():
    text = f" date 2018-08-29 {BODY}"
    article, cleaned = run(text)
    assert article.published == "2018-08-29"
    assert cleaned.strip() == BODY and cleaned.index(BODY) == text.index(BODY)
    assert article.title is None  # one paragraph: no headline


def test_php_remnants_are_blanked():
    _, cleaned = run(f"{TITLE}\n\n{BODY}?>\n?>")
    assert "?>" not in cleaned and BODY in cleaned


@pytest.mark.parametrize("copy", [
    "{t}\n",                      # the title repeated on its own line
    "{t}Сегодня аким сказал.\n",  # glued to the first word of the next sentence
    "  {t}\n",
])
def test_repeated_title_is_blanked(copy):
    text = f"{TITLE}\n\n{copy.format(t=TITLE)}{BODY}\n"
    article, cleaned = run(text)
    assert article.title == TITLE
    assert cleaned.count(TITLE) == 1 and cleaned.startswith(TITLE) and BODY in cleaned
    if "Сегодня" in copy:
        assert "Сегодня аким сказал." in cleaned


def test_title_inside_a_sentence_is_kept():
    title = "Итоги года"
    _, cleaned = run(f"{title}\n{title} подвели на сессии маслихата.\n")
    assert cleaned.count(title) == 2


@pytest.mark.parametrize("line", [
    "Курс валют", "Курсы валют от 25/11/2024", "Валюта Покупка Продажа", "Размер шрифта",
    "Locman.kz Размер шрифта Вверх", "Поделитесь с друзьями", "Комментарии пока отсутствуют",
    "Copyright © 2007-2015 All Rights Reserved", "Время загрузки страницы 0.961 сек.",
    "Хостинг - Разработка - Сопровождение.", "  • USD80,7220", "    EUR94,5120", "$1 – 12829.07",
    "UZS – -0,12%", "494.87 520.65 4.91", "Cемей-5°С", "  • Абай14°С",
    "В Тюмени -19..-21 С 4 м/с ветер северный", "Понедельник, 19 Января 2026",
    "• 22 декабря 202522.12.2025понедельник", "Прогноз погоды", "Поиск", "Показать меню",
    "• ВЕРСИЯ ДЛЯ СЛАБОВИДЯЩИХ", "Новости страны", "Другие новости по теме:", "Похожее",
    "Добавить комментарий", "Ваш e-mail не будет опубликован. Обязательные поля помечены *",
    "Подписывайтесь на наш Telegram-канал и узнавайте новости первыми",
    "Фото: пресс-служба акимата", "Фото Ивана Петрова.", "Просмотров 5", "Теги: экономика, регионы",
    "Все права защищены. Перепечатка без ссылки запрещена", "Реклама партнёров", "$", "P",
    "ПО ТЕМЕ", "Лайк", "Печаль", "Подпишись на наш Instagram", "Увидели опечатку? Нажмите Ctrl+Enter",
])
def test_site_chrome_lines_are_blanked(line):
    text = f"{TITLE}\n{line}\n{BODY}\n"
    _, cleaned = run(text)
    assert cleaned.split("\n")[1].strip() == ""
    assert BODY in cleaned


@pytest.mark.parametrize("line", [
    BODY, "10.06.2016", "Губернатор, 13:34 24 апреля 2014", "Поиск инвесторов продолжается",
    "Новости региона обсудили на сессии маслихата, где выступил аким.",
    "Стороны обсудили курс на развитие торговли и логистики между регионами.",
    "Реклама алкоголя запрещена в регионе", "Погода в области испортила урожай",
    "Сегодня, 1 декабря 2022 года, в Астане проходит форум регионов.",
])
def test_story_lines_are_kept(line):
    _, cleaned = run(f"{TITLE}\n{line}\n{BODY}\n")
    assert line in cleaned


@pytest.mark.parametrize("text,published", [
    (f" date 2018-08-29 {BODY}", "2018-08-29"),
    (f"{TITLE}\n\n10.06.2016\n\n{BODY}", "2016-06-10"),
    (f"{TITLE}\n15.08.2017\n{BODY}", "2017-08-15"),
    (f"{TITLE}\n17:04, 5 марта 2019\n{BODY}", "2019-03-05"),
    (f"Меню\n\n{TITLE}\n\nГубернатор, 13:34 24 апреля 2014\n\n{BODY}", "2014-04-24"),
    (f"{TITLE}\nот 12.04.2021 10:15\n{BODY}", "2021-04-12"),
    (f"{TITLE}\n13 ноября 2025 18:15\n{BODY}", "2025-11-13"),
    (f"{TITLE}\nОпубликовано: 12 апреля 2021 года в 10:15\n{BODY}", "2021-04-12"),
    (f"{TITLE}\n12.04.2021 | Просмотров: 512\n{BODY}", "2021-04-12"),
    (f"{TITLE}\n2019-03-05 14:00\n{BODY}", "2019-03-05"),
    (f"Курсы валют от 25/11/2024\n$1 – 12829.07\nПоиск\nУзбекистан 22/10/2024 {TITLE}\n\n{TITLE}\n\n"
     f"{BODY}", "2024-10-22"),
    (f"МОСКВА, 5 марта 2019 — РИА Новости. {BODY}\nВторой абзац.", "2019-03-05"),
    (f"17:04 05.03.2019 {TITLE}\n{BODY}", "2019-03-05"),
    (f"{TITLE}\n2018-11-19 | Политика\n{BODY}", "2018-11-19"),
    (f"{TITLE}\n13 ноября 2025 18:15 596 Вестник\n{BODY}", "2025-11-13"),
    (f"{TITLE}\nФото с сайта example.com, фото - Новости Site.kz от 29.11.2017 18:08 {BODY}\n{BODY}",
     "2017-11-29"),
    (f"{TITLE}\nБелгород, 16 июня, 2022, 16:18 — ИА Регнум. {BODY}", "2022-06-16"),
    (f"Бишкек, 23.09.23. /Кабар/. {BODY}\n{BODY}", "2023-09-23"),
    (f"{TITLE}\nобщество, 05.03.2019\n{BODY}", "2019-03-05"),
    (f"Популярное\nЧитайте также\n{BODY}\n15.08.2017\n{BODY}", "2017-08-15"),
    (f"Алматы. 12 апреля 2021 г. КазТАГ — {BODY}\nВторой абзац.", "2021-04-12"),
    # the byline closing the piece, an outlet's stamp, labels, weekdays and time zones
    (f"{TITLE}\n{BODY}\n" + "Абзац.\n" * 12 + "\nИван Петров\n20.08.2024\n", "2024-08-20"),
    (f"{TITLE}\n{BODY}\n" + "Абзац.\n" * 12 + "Автор: И. Петров\n20.08.2024", "2024-08-20"),
    (f"{TITLE}\n{BODY}\n" + "Абзац.\n" * 12 + "Иван Петров, 20.08.2024", "2024-08-20"),
    (f"{TITLE}\nНовости Example.kz от 29.11.2017 {BODY}", "2017-11-29"),
    (f"{TITLE}\n{BODY}\n" + "Абзац.\n" * 12 + "Новости Example.kz от 29.11.2017", "2017-11-29"),
    (f"{TITLE}\nДобавлено: 28 фев 2010, 18:43\n{BODY}", "2010-02-28"),
    (f"{TITLE}\nВторник, 5 марта 2019, 10:15\n{BODY}", "2019-03-05"),
    (f"{TITLE}\n5 марта 2019, вторник\n{BODY}", "2019-03-05"),
    (f"Среда, 6 марта 2019, 09:30\n{TITLE}\n{BODY}", "2019-03-06"),
    (f"{TITLE}\n05.03.2019 10:15 (GMT+5)\n{BODY}", "2019-03-05"),
    (f"{TITLE}\n5 марта 2019 года, 10:15 по времени Астаны\n{BODY}", "2019-03-05"),
    (f"{TITLE}\n5 марта 2019 10:15 мск\n{BODY}", "2019-03-05"),
    # not a publication date:
    (f"{TITLE}\nАким и губернатор 3 ноября 2008 года заключили соглашение.\n{BODY}", None),
    (f"Показать меню\n26 ноя 13:40Политика\n{TITLE}\n{BODY}", None),
    (f"{TITLE}\nСегодня, 5 марта\n{BODY}", None),
    (f"Сегодня, 5 марта 2019\n{TITLE}\n{BODY}", None),
    (f"{TITLE}\nОн родился 3 ноября 1980 года.\n{BODY}", None),
    (f"{TITLE}\nВстреча пройдет 5 марта 2019 года в 10:00 в здании акимата.\n{BODY}", None),
    (f"{TITLE}\n15:00, 28 июня\n{BODY}", None),
    (f"{TITLE}\nСессия маслихата состоится 12.04.2021 10:00 в здании акимата.\n{BODY}", None),
    (f"{TITLE}\n{BODY}\nЧитайте также:\n12.04.2011 Другая новость\n15.08.2011", None),
    (f"{TITLE}\n{BODY}\nДругие материалы в категории «Регионы»\nДругая новость\n"
     "14:54, 26 марта 2019", None),
    (f"СОЧИ, 28 фев — РИА Новости. {BODY}\nВторой абзац.", None),
    (f"Понедельник, 19 Января 2026\n\n{TITLE}\n\n{BODY}", None),
    (f"• 22 декабря 202522.12.2025понедельник\n  • USD80,7220\n\n{TITLE}\n\n{BODY}", None),
    (f"Курсы валют от 25/11/2024\n{TITLE}\n{BODY}", None),
    (f"Вчера, 5 марта 2019 г., аким области провел совещание.\n{BODY}", None),
    (f"{TITLE}\n{BODY}\n" + "Абзац.\n" * 12 + "01.02.2020\n", None),  # far below the title
    (f"{TITLE}\n31.02.2020\n{BODY}", None),  # no such day
    (f"{TITLE}\n{BODY}\n" + "Абзац.\n" * 12 + "12.04.2011 Другая новость\n15.08.2011 Ещё одна", None),
    (f"{TITLE}\n{BODY}\n" + "Абзац.\n" * 12 + "Встреча прошла 20 августа 2024 года.", None),
    (f"{TITLE}\n{BODY}\nСегодня, 1 декабря 2022 года, в Астане проходит форум регионов.", None),
    (f"{TITLE}\nУказ Президента от 29.11.2017 подписан.\n{BODY}", None),
])
def test_published(text, published):
    assert run(text)[0].published == published


def test_given_values_are_kept_and_published_normalised():
    text = f"{TITLE}\n10.06.2016\nпередает 16news.kz\n{BODY}"
    article, _ = run(text, title="Заголовок", published="2021-04-12T10:15:00", outlet="example.kz")
    assert (article.title, article.published, article.outlet) == (
        "Заголовок", "2021-04-12", "example.kz")


@pytest.mark.parametrize("text,title", [
    (f"{TITLE}\n\n{BODY}", TITLE),
    (f"Новости Казахстана\nИнформационный портал\nРазмер шрифта\nКурс валют\n{TITLE}\n{BODY}", TITLE),
    (f"Понедельник, 19 Января 2026\nПолитика\n{TITLE}\n{BODY}", TITLE),
    (f"Новости дня\nНовосибирская область\n\n{TITLE}\n\n{BODY}\n{TITLE}\n", TITLE),
    (f"Узбекистан 22/10/2024 {TITLE}\n\n{TITLE}\n\n{BODY}", TITLE),
    (f"{BODY}\n{BODY}", None),           # the first line is a paragraph
    (f"{BODY} {BODY}", None),            # a single paragraph
    (f"10.06.2016\n\n{TITLE}\n{BODY}", TITLE),
    (f"Правительственный портал\nреспублики узбекистан\n{TITLE}\n2018-11-19 | Политика\n{BODY}", TITLE),
    (f"Новостные рубрики\n\n{TITLE}\n\n15:00, 28 июня\n\n{BODY}", TITLE),
])
def test_title(text, title):
    assert run(text)[0].title == title


@pytest.mark.parametrize("sentence,outlet", [
    ("Об этом передает 16news.kz со ссылкой на пресс-службу.", "16news.kz"),
    ("Пул проектов сформирован, сообщает inbusiness.kz.", "inbusiness.kz"),
    ("Информационная служба ZAKON.KZ", "ZAKON.KZ"),
    ("Ташкент, Узбекистан (UzDaily.uz) — в городе прошел форум.", "UzDaily.uz"),
    ("Об этом сообщил председатель облисполкома, передает корреспондент БЕЛТА.", "БЕЛТА"),
    ("СОЧИ, 28 фев — РИА Новости, Иван Петров. Область растет.", "РИА Новости"),
    ("Астрахань. 27 февраля. ИНТЕРФАКС-ЮГ - Области заключили соглашение.", "ИНТЕРФАКС-ЮГ"),
    ("Подписано 289 соглашений, передает РИА «Новости».", "РИА Новости"),
    ("Об этом сообщает МИА «Казинформ».", "Казинформ"),
    ("Встреча прошла в столице, сообщает ИА El.kz со ссылкой на МИД.", "El.kz"),
    ("Подписаны шесть документов, сообщает агентство «Белта».", "Белта"),
    ("Белгород, 16 июня, 2022, 16:18 — ИА Регнум. Область растет.", "Регнум"),
    ("МИНСК, 18 ноября (BelTA) – План подписан.", "BelTA"),
    ("БАКУ /Trend/ - Страны проведут совет регионов.", "Trend"),
    # not an outlet:
    ("Об этом сообщает пресс-служба акимата региона.", None),
    ("Аким сообщил, что работа продолжается.", None),
    ("Как сообщает Министерство экономики, рост составил 5%.", None),
    ("Об этом сообщает АО «Транспортная компания».", None),
])
def test_outlet(sentence, outlet):
    assert run(f"{TITLE}\n{sentence}\n{BODY}")[0].outlet == outlet


@pytest.mark.parametrize("related", [
    ["Костанайская и Челябинская области подписали соглашение", "В Кокшетау открыли новый парк"],
    ["12.03.2022 Аким СКО встретился с послом"],
])
@pytest.mark.parametrize("heading", ["Читайте также:", "ПО ТЕМЕ", "Другие новости", "Самое читаемое",
                                     "Популярное", "Сейчас читают:", "Новости партнеров"])
def test_titles_of_related_pieces_are_blanked(heading, related):
    text = "\n".join([TITLE, BODY, heading, *related, ""])
    _, cleaned = run(text)
    assert cleaned.split("\n")[3:-1] == [" " * len(line) for line in related]
    assert BODY in cleaned


@pytest.mark.parametrize("after", [
    "Аким области также встретился с послом и обсудил поставки зерна в соседние регионы.",
    "Стороны договорились встретиться вновь осенью!",
])
def test_text_after_a_related_heading_is_kept_from_its_first_sentence(after):
    text = "\n".join([TITLE, "Читайте также:", "Новый мост через Ишим", after, BODY, ""])
    _, cleaned = run(text)
    assert "Новый мост" not in cleaned and after in cleaned and BODY in cleaned
