import pytest

from tests.extractors.test_sums import D, found, sums


@pytest.mark.parametrize("text", [
    "Курс доллара составил 470 тенге.",
    "Курс валют на сегодня: 505,3 тенге.",
    "1 доллар = 450 тенге.",
    "Официальный курс: 1 евро — 505 тенге.",
    "$1 = 12 500 сумов.",
    "Доллар подорожал на 5 тенге.",
    "Евро стоит 90 рублей.",
])
def test_an_exchange_rate_is_no_sum(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Курсы валют\nUSD 470,50 ↑\nEUR 510,20 ↓", []),  # a cell a line
    ("USD 470.50 | EUR 510.20 | RUB 5.10", []),
    ("Нацбанк: $ 470.5, € 510.2", []),
    ("Покупка / продажа: USD 468 / 472, EUR 505 / 512", []),
    ("Выделено 5 млрд тенге.\nUSD 470,50 ▲ EUR 510,20 ▼", [("5000000000", "KZT")]),
    # prose: words around one currency, or the currency after the amount
    ("Сделка на $500 закрыта.", [("500", "USD")]),
    ("Билет стоит $7, или 500 рублей.", [("7", "USD"), ("500", "RUB")]),
    ("Бюджет — $5 млн и €4 млн.", [("5000000", "USD"), ("4000000", "EUR")]),
])
def test_a_currency_table_is_no_sum(text, expected):
    assert [(s.amount, s.currency) for s in sums(text)] == [(D(a), c) for a, c in expected]


@pytest.mark.parametrize("text, expected", [
    ("Литр бензина стоит 250 тенге.", [("250", "KZT")]),  # a price is an amount of money
    ("Билет стоит 500 рублей, или 7 долларов.", [("500", "RUB"), ("7", "USD")]),
    ("Курс доллара вырос, а бюджет получил 5 млрд тенге.", [("5000000000", "KZT")]),
    ("Слушатели курсов получают стипендию 30 000 тенге.", [("30000", "KZT")]),  # no rate
    ("Курс обучения стоит 500 000 тенге.", [("500000", "KZT")]),
    ("За 1 доллар дают 450 тенге, а за 5 млн долларов — 2,3 млрд тенге.",
     [("5000000", "USD"), ("2300000000", "KZT")]),
    ("По курсу доллара заем в 300 млн долларов равен 140 млрд тенге.",
     [("300000000", "USD"), ("140000000000", "KZT")]),
])
def test_prices_and_sums_beside_a_rate_are_kept(text, expected):
    assert [(s.amount, s.currency) for s in sums(text)] == [(D(a), c) for a, c in expected]
