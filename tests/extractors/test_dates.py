"""dates.py: the date to filter by and where it comes from."""
import pytest

from pipeline.engine.run import extract_article
from pipeline.records import Article

BODY = "Аким области встретился с губернатором соседнего региона."


def dated(text, **given):
    article = extract_article(Article("a", "a.txt", text, **given)).article
    return article.published, article.date, article.date_source


@pytest.mark.parametrize("text,date", [
    (f"Итоги встречи\nСегодня, 1 декабря 2022 года, в Астане проходит форум регионов. {BODY}", "2022-12-01"),
    (f"12 марта 2021 г. в Омске состоялось подписание соглашения. {BODY}", "2021-03-12"),
    (f"{BODY} Вчера, 5 марта 2019 года, стороны обсудили торговлю.", "2019-03-05"),
    (f"{BODY} Соглашение подписано 3 ноября 2008 года в Астане.", "2008-11-03"),
    # not the event's day
    (f"{BODY} Губернатор родился 3 ноября 1980 года в Омске.", None),
    (f"{BODY} Соглашение подписано на срок до 1 января 2025 года.", None),
    (f"{BODY} Сегодня, 5 марта, подписано соглашение.", None),  # no year
    (f"{BODY}\n" * 6 + "Соглашение подписано 3 ноября 2008 года.", None),  # far from the lead
])
def test_event_date(text, date):
    assert dated(text) == (None, date, "event" if date else None)


def test_a_stated_publication_date_is_the_date():
    text = f"Две области подписали меморандум\n10.06.2016\n12 марта 2015 г. в Омске состоялась встреча. {BODY}"
    assert dated(text) == ("2016-06-10", "2016-06-10", "published")


def test_a_batch_rows_date_comes_before_the_text():
    text = f"12 марта 2015 г. в Омске состоялась встреча. {BODY}"
    given = "2021-03-12T10:00:00"  # as a batch row gives it: its published date, the date to filter by
    assert dated(text, published=given, date=given, date_source="batch") == (
        "2021-03-12", "2021-03-12", "batch")
