"""Officials over a whole article (`officials.py`): one row per person however often and in
whatever form it is named, with the office it holds now and that office's own region."""
import pytest

from pipeline.extractors.officials import extract_officials


def officials(make_doc, text):
    return {(o.person, o.position, o.region) for o in extract_officials(make_doc(text))}


@pytest.mark.parametrize("text, expected", [
    # a surname the case rules do not know, in the instrumental beside its office and in the
    # nominative later: one person, named in the nominative
    ("Делегацию возглавил председатель законодательного собрания Омской области Андреем Шимкивым. "
     "Андрей Шимкив рассказал о работе парламента.",
     ("Андрей Шимкив", "председатель законодательного собрания", "Омская область")),
    ("Делегация встретилась с министром экономики Омской области Романом Дзюбивым. Затем Роман "
     "Дзюбив провел экскурсию.", ("Роман Дзюбив", "министр экономики", "Омская область")),
])
def test_a_surname_in_two_cases_is_one_person(make_doc, text, expected):
    assert officials(make_doc, text) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Министр энергетики Республики Казахстан Алмасадам Саткалиев встретился с губернатором "
     "Тюменской области Александром Моором.",
     {("Алмасадам Саткалиев", "министр энергетики", None),
      ("Александр Моор", "губернатор", "Тюменская область")}),
    ("Губернатор Омской области Виталий Хоценко принял гостей. Министр промышленности РК "
     "Канат Шарлапаев рассказал о заводах.",
     {("Виталий Хоценко", "губернатор", "Омская область"),
      ("Канат Шарлапаев", "министр промышленности", None)}),
])
def test_a_country_named_with_an_office_makes_it_national(make_doc, text, expected):
    assert officials(make_doc, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Посол Казахстана в России Ермек Кошербаев вручил грамоты. До назначения Ермек Кошербаев "
     "работал акимом Алматинской области.", ("Ермек Кошербаев", "посол", None)),
    ("Министр финансов Серик Ахметов выступил в сенате. Ранее Серик Ахметов был акимом "
     "Карагандинской области.", ("Серик Ахметов", "министр финансов", None)),
    ("Депутат мажилиса Марат Исаев задал вопрос. Марат Исаев в 2010 году занимал должность "
     "акима Костанайской области.", ("Марат Исаев", "депутат мажилиса", None)),
    ("Прежний аким Марат Исаев приехал на сессию. Министр энергетики Марат Исаев рассказал о "
     "тарифах.", ("Марат Исаев", "министр энергетики", None)),
])
def test_the_office_held_now_wins_over_a_past_post(make_doc, text, expected):
    assert officials(make_doc, text) == {expected}


def test_a_past_post_alone_still_makes_an_official(make_doc):
    assert officials(make_doc, "Иван Петров ранее работал акимом Павлодарской области.") == \
        {("Иван Петров", "аким", "Павлодарская область")}
