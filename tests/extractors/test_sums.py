from decimal import Decimal

import pytest

from pipeline.extractors.sums import extract_sums
from pipeline.nlp import analyze
from pipeline.records import Article


def sums(text):
    return extract_sums(analyze(Article("t", "t", text), ner=False))


def found(text):
    return [(s.amount, s.amount_max, s.currency, s.qualifier) for s in sums(text)]


def D(value):
    return Decimal(value) if value is not None else None


SINGLE = [
    # digits, thousands separators, decimals
    ("Проект стоит 500 тенге за штуку.", "500", "KZT", None),
    ("Смета составила 1 400 000 тенге.", "1400000", "KZT", None),
    ("Смета составила 1\u00a0400\u00a0000 тенге.", "1400000", "KZT", None),
    ("Смета составила 2\u2009500 долларов.", "2500", "USD", None),
    ("Смета составила 1.250.000 рублей.", "1250000", "RUB", None),
    ("Кредит на 2,5 млн долларов одобрен.", "2500000", "USD", None),
    ("Кредит на 2.5 млн евро одобрен.", "2500000", "EUR", None),
    ("На школы ушло 312,7 миллиарда тенге.", "312700000000", "KZT", None),
    ("Цена билета 12,5 тенге.", "12.5", "KZT", None),
    # multipliers in every form
    ("Фонд получил 3 тыс. тенге.", "3000", "KZT", None),
    ("Фонд получил 3 тыс тенге.", "3000", "KZT", None),
    ("Фонд получил 7 тысяч рублей.", "7000", "RUB", None),
    ("Фонд получил 9 млн. долларов.", "9000000", "USD", None),
    ("Фонд получил 9 миллионов долларов.", "9000000", "USD", None),
    ("Фонд получил 4 млрд тенге.", "4000000000", "KZT", None),
    ("Фонд получил 4 миллиарда тенге.", "4000000000", "KZT", None),
    ("Фонд получил 2 трлн. тенге.", "2000000000000", "KZT", None),
    ("Речь шла о триллионе тенге.", "1000000000000", "KZT", None),
    ("Обещали по триллиону тенге.", "1000000000000", "KZT", None),
    # compound amounts
    ("Оборот достиг 2 трлн 600 млрд тенге.", "2600000000000", "KZT", None),
    ("Бюджет равен 612 миллиардам 450 миллионам тенге.", "612450000000", "KZT", None),
    ("Продукт вырос до 4 трлн 811,2 млрд рублей.", "4811200000000", "RUB", "до"),
    ("Заплатили 1 млн 200 тыс. тенге.", "1200000", "KZT", None),
    # number words
    ("Выделят пять миллиардов рублей.", "5000000000", "RUB", None),
    ("Выделят двадцать три миллиона рублей.", "23000000", "RUB", None),
    ("Выделят сто тысяч тенге.", "100000", "KZT", None),
    ("Выделят полтора миллиона долларов.", "1500000", "USD", None),
    ("Выделят полмиллиона рублей.", "500000", "RUB", None),
    ("Выделят две тысячи пятьсот тенге.", "2500", "KZT", None),
    ("Рост до двух триллионов 300 миллиардов тенге.", "2300000000000", "KZT", "до"),
    ("Инвестор вложил 5 тысяч долларов.", "5000", "USD", None),
    ("Инвестор вложил около миллиарда долларов.", "1000000000", "USD", "около"),
    # currencies: names in any case, abbreviations, codes, symbols
    ("Сделка на $5 млн закрыта.", "5000000", "USD", None),
    ("Сделка на 5 млн $ закрыта.", "5000000", "USD", None),
    ("Сделка на ₸800 млн закрыта.", "800000000", "KZT", None),
    ("Сделка на 800 млн ₸ закрыта.", "800000000", "KZT", None),
    ("Сделка на €12 млн закрыта.", "12000000", "EUR", None),
    ("Сделка на USD 40 млн закрыта.", "40000000", "USD", None),
    ("Сделка на 40 млн KZT закрыта.", "40000000", "KZT", None),
    ("Сделка на 15 тыс. тг. закрыта.", "15000", "KZT", None),
    ("Сделка на 15 млн руб. закрыта.", "15000000", "RUB", None),
    ("Сделка на 15 млн долл. закрыта.", "15000000", "USD", None),
    ("Сделка на 3 млн долларов США закрыта.", "3000000", "USD", None),
    ("Сделка на 3 млн американских долларов закрыта.", "3000000", "USD", None),
    ("Сделка на 6 млн белорусских рублей закрыта.", "6000000", "BYN", None),
    ("Сделка на 6 млн российских рублей закрыта.", "6000000", "RUB", None),
    ("Сделка на 8 млн юаней закрыта.", "8000000", "CNY", None),
    ("Сделка на 8 млн китайских юаней закрыта.", "8000000", "CNY", None),
    ("Сделка на 9 млн кыргызских сомов закрыта.", "9000000", "KGS", None),
    ("Сделка на 9 млрд узбекских сумов закрыта.", "9000000000", "UZS", None),
    ("Сделка на 700 тыс. сомони закрыта.", "700000", "TJS", None),
    ("Сделка на 700 тыс. манатов закрыта.", "700000", "TMT", None),
    ("Сделка на 700 млн тугриков закрыта.", "700000000", "MNT", None),
    ("Сделка на 2 млн фунтов стерлингов закрыта.", "2000000", "GBP", None),
    # qualifiers
    ("Вложено более 10 млн евро.", "10000000", "EUR", "более"),
    ("Вложено боле 10 млн евро.", "10000000", "EUR", "более"),
    ("Вложено более чем 10 млн евро.", "10000000", "EUR", "более"),
    ("Вложено свыше 10 млн евро.", "10000000", "EUR", "свыше"),
    ("Вложено около 10 млн евро.", "10000000", "EUR", "около"),
    ("Вложено порядка 10 млн евро.", "10000000", "EUR", "порядка"),
    ("Вложено почти 10 млн евро.", "10000000", "EUR", "почти"),
    ("Вложат до 10 млн евро.", "10000000", "EUR", "до"),
    ("Вложат не менее 10 млн евро.", "10000000", "EUR", "не менее"),
    ("Вложат не более 10 млн евро.", "10000000", "EUR", "не более"),
    ("Вложат менее 10 млн евро.", "10000000", "EUR", "менее"),
    ("Вложат примерно 10 млн евро.", "10000000", "EUR", "примерно"),
    ("Вложат приблизительно 10 млн евро.", "10000000", "EUR", "приблизительно"),
    ("Вложат свыше $10 млн.", "10000000", "USD", "свыше"),
]


@pytest.mark.parametrize("text, amount, currency, qualifier", SINGLE)
def test_single_sum(text, amount, currency, qualifier):
    assert found(text) == [(D(amount), None, currency, qualifier)]


RANGES = [
    ("Стоимость от 5 до 7 млрд тенге.", "5000000000", "7000000000", "KZT"),
    ("Стоимость 5–7 млрд тенге.", "5000000000", "7000000000", "KZT"),
    ("Стоимость 5-7 млн долларов.", "5000000", "7000000", "USD"),
    ("Стоимость от 1,5 до 2 трлн тенге.", "1500000000000", "2000000000000", "KZT"),
    ("Стоимость от 800 млн до 1 млрд рублей.", "800000000", "1000000000", "RUB"),
    ("Стоимость от пяти до семи миллиардов тенге.", "5000000000", "7000000000", "KZT"),
    ("Стоимость от $2 млн до $3 млн.", "2000000", "3000000", "USD"),
]


@pytest.mark.parametrize("text, amount, amount_max, currency", RANGES)
def test_range(text, amount, amount_max, currency):
    assert found(text) == [(D(amount), D(amount_max), currency, None)]


def test_change_gives_both_amounts():
    assert found("Сбор вырос с 1,2 трлн до 1,5 трлн тенге.") == [
        (D("1200000000000"), None, "KZT", None), (D("1500000000000"), None, "KZT", None)]
    assert found("Сбор вырос с 3 до 4 млрд рублей.") == [
        (D("3000000000"), None, "RUB", None), (D("4000000000"), None, "RUB", None)]


NOT_MONEY = [
    "На заводе работают 35 тысяч человек.",
    "Урожай составил 66 тыс. тонн зерна.",
    "Доля выросла на 26% за год.",
    "Это случилось в 2017 году.",
    "Отделения открыты в 8 регионах.",
    "Население достигло 3 миллионов жителей.",
    "Справки по телефону 8 (7172) 55-12-34.",
    "Объем вырос в 2 раза.",
    "Миллиарды долларов ушли за рубеж.",
    "Курсы валют: $1 – 470,25",
    "USD80,7220",
    "Курс составил 470 тенге за доллар.",
    "Рост на 6,5 процента.",
    "Добыто 5 млрд кубометров газа.",
    # an amount in a quoted name of a few words names a place or a shop, not a sum
    "Ресторан «Три рубля» открылся в центре.",
    'Сеть магазинов "Всё по 100 тенге" расширяется.',
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Кафе «Пять тенге» продано за 20 млн тенге.", [(D("20000000"), None, "KZT", None)]),
    # a longer quote is speech: its sums count
    ("«Мы выделим на дороги 5 млрд тенге», — сказал аким.", [(D("5000000000"), None, "KZT", None)]),
])
def test_quoted_names_and_quoted_speech(text, expected):
    assert found(text) == expected


IMPLICIT = [
    ("Выделено свыше 20 млрд рублей, еще 5 млрд направят на дороги.",
     [("20000000000", "RUB", "свыше"), ("5000000000", "RUB", None)]),
    ("Оборот составил 24 млрд долларов. Почти 2 млрд из этой суммы пришлось на юг.",
     [("24000000000", "USD", None), ("2000000000", "USD", "почти")]),
    ("На спорт ушло 8,2 млрд тенге (всего 87,9 млрд).",
     [("8200000000", "KZT", None), ("87900000000", "KZT", None)]),
    # a unit after the bare amount: not money
    ("Вложено 10 млрд тенге. Еще 3 млн человек получат помощь.",
     [("10000000000", "KZT", None)]),
    ("Вложено 10 млрд тенге и собрано 66 тыс. тонн.", [("10000000000", "KZT", None)]),
    # ... unless the unit is money itself
    ("Вложено 10 млрд тенге, еще 5 млрд бюджетных средств направят на дороги.",
     [("10000000000", "KZT", None), ("5000000000", "KZT", None)]),
    ("Вложено 10 млрд тенге, еще 2 млрд инвестиций привлекут.",
     [("10000000000", "KZT", None), ("2000000000", "KZT", None)]),
    # too far from the sum, or thousands only, or no sum before
    ("Вложено 10 млрд тенге. Ничего не ясно. Потом 2 млрд потратят.",
     [("10000000000", "KZT", None)]),
    ("Вложено 10 млрд тенге, еще 35 тыс. приехали.", [("10000000000", "KZT", None)]),
    ("Еще 5 млрд направят на дороги.", []),
    # no sum before in the sentence: the next one's currency (`300 млрд ... и 420 млрд тенге`)
    ("Доходы составили 300 млрд в 2020 году и 420 млрд тенге в 2021-м.",
     [("300000000000", "KZT", None), ("420000000000", "KZT", None)]),
    ("На дороги ушло около 50 млрд, на школы — 30 млрд рублей.",
     [("50000000000", "RUB", "около"), ("30000000000", "RUB", None)]),
    # the previous sum of the sentence comes first, the next one before the last sentence's
    ("Выделено 10 млрд тенге, еще 2 млрд, а также 5 млн долларов.",
     [("10000000000", "KZT", None), ("2000000000", "KZT", None), ("5000000", "USD", None)]),
    ("Вложено 10 млрд рублей. Доходы — 300 млн в 2020 году и 400 млн долларов в 2021-м.",
     [("10000000000", "RUB", None), ("300000000", "USD", None), ("400000000", "USD", None)]),
    ("Работу получат 3 млн человек, а бюджет — 5 млрд тенге.", [("5000000000", "KZT", None)]),
    # thousands continue thousands of the same sentence only
    ("Зарплата — 300 тыс. тенге, пенсия — 150 тыс.",
     [("300000", "KZT", None), ("150000", "KZT", None)]),
    ("Зарплата — 300 тыс. тенге. Пенсия — 150 тыс.", [("300000", "KZT", None)]),
    ("Зарплата — 3 млн тенге, пенсия — 150 тыс.", [("3000000", "KZT", None)]),
    # the clause names what the bare amount counts
    ("Средний чек — 5 тыс. тенге, посетителей — 2 тыс. в день.", [("5000", "KZT", None)]),
    ("Население города — 1,2 млн, бюджет — 300 млрд тенге.", [("300000000000", "KZT", None)]),
    ("Компания вложила 10 млрд тенге, а инвестор — еще 5 млрд.",
     [("10000000000", "KZT", None), ("5000000000", "KZT", None)]),
]


@pytest.mark.parametrize("text, expected", IMPLICIT)
def test_implicit_currency(text, expected):
    assert [(s.amount, s.currency, s.qualifier) for s in sums(text)] == [
        (D(amount), currency, qualifier) for amount, currency, qualifier in expected]


@pytest.mark.parametrize("text, expected", [
    ("На ремонт выделено 150 млн\nтенге из бюджета.", [("150000000", "KZT")]),
    ("Стоимость — 5 млрд \n тенге, сообщили в акимате.", [("5000000000", "KZT")]),
    ("Выделено 2\nмлн долларов.", [("2000000", "USD")]),
])
def test_a_sum_cut_by_a_line_break(text, expected):
    assert [(s.amount, s.currency) for s in sums(text)] == [(D(a), c) for a, c in expected]


@pytest.mark.parametrize("text, expected", [
    # the splitter takes a multiplier's dot before a code for a full stop
    ("Стоимость — 150 тыс. KGS. Срок — год.", [(D("150000"), None, "KGS", None)]),
    ("Кредит на 5 млн. USD одобрен.", [(D("5000000"), None, "USD", None)]),
    # a currency word there begins a sentence of its own
    ("Резервы выросли на 5 млрд. Тенге при этом укрепился.", []),
])
def test_a_sum_cut_by_an_abbreviation_dot(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, lines", [
    ("выделено 150 млн\nтенге из бюджета.", ["выделено 150 млн тенге из бюджета."]),
    ("Заголовок\nТекст статьи.", ["Заголовок", "Текст статьи."]),  # upper case: a new one
    ("Курс\n470\nтенге", ["Курс", "470", "тенге"]),  # a table's cells
    ("Выделено 5 млрд;\nтенге", ["Выделено 5 млрд;", "тенге"]),
    ("Выделено 5 млрд\n\nтенге", ["Выделено 5 млрд", "тенге"]),  # a paragraph
])
def test_sentences_join_across_a_line_break_only_mid_sentence(text, lines):
    from pipeline.extractors.sums import sentences
    doc = analyze(Article("t", "t", text), ner=False)
    assert [s.text for s in sentences(doc)] == lines
    assert all(text[s.start:s.end].replace("\n", " ") == s.text for s in sentences(doc))


def test_offsets_text_and_sentence():
    text = "Первое предложение. Компания вложила около 1 400 млн тенге, а еще 2 млрд позже.\nИтог."
    found_sums = sums(text)
    assert [s.text for s in found_sums] == ["около 1 400 млн тенге", "2 млрд"]
    for s in found_sums:
        assert text[s.start:s.end] == s.text
        assert s.sentence.startswith("Компания вложила")
    assert [s.start for s in found_sums] == sorted(s.start for s in found_sums)


def test_exact_decimals():
    (s,) = sums("Социальная сфера получила 477,6 миллиарда тенге.")
    assert str(s.amount) == "477600000000"


def test_no_match_across_lines():
    assert found("Курс\n12829.07\nUZS") == []


@pytest.mark.parametrize("text, amount", [
    ("Бюджет составил 1e9 тенге.", "1000000000"),
    ("Бюджет составил 1,5e9 тенге.", "1500000000"),
    ("Бюджет составил 2E+6 рублей.", "2000000"),
    ("Фонд получил 10000000000000000000000000000 тенге.", "10000000000000000000000000000"),
    ("Фонд получил 99999999999999999999999 трлн тенге.", "99999999999999999999999000000000000"),
])
def test_scientific_notation_and_huge_amounts_are_read_exactly(text, amount):
    assert [s.amount for s in sums(text)] == [D(amount)]


@pytest.mark.parametrize("text", [
    "Фонд получил " + "9" * 60 + " тенге.",
    "Фонд получил 1e999 тенге.",
    "Фонд получил " + "9" * 38 + " трлн тенге.",
])
def test_an_absurd_amount_is_dropped_and_the_article_still_read(text):
    from pipeline.engine.run import extract_safely
    assert sums(text) == []
    article = extract_safely(Article("t", "t", "Аким Павлодарской области сообщил. " + text))
    assert [r.region for r in article.regions] == ["Павлодарская область"]
