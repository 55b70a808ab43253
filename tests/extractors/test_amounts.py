from decimal import Decimal

import pytest

from pipeline.extractors.amounts import matches, parser, windows


@pytest.mark.parametrize("text, expected", [
    ("Область получит более чем 1 400 000,5 млн. долларов США на дороги.",
     ["более чем 1 400 000,5 млн. долларов США на"]),
    ("В 2023 году на это выделили от 5 до 7 млрд руб. из бюджета.", ["от 5 до 7 млрд руб."]),
    ("Туда приехали 35 человек, а в 2022 году — 20 млн.", ["— 20 млн."]),
    ("Туда приехали 35 человек, а в 2022 году — 20.", []),  # no money word, no multiplier
    ("Туда приехали 35 тыс. человек, а в 2022 году — 20 тыс.", ["35 тыс.", "— 20 тыс."]),
    ("Инвестиции составят $5 млн, а ещё два миллиарда тенге дадут банки.",
     ["$5 млн", "два миллиарда тенге"]),
    ("Курс: 450 тенге за доллар.", ["450 тенге за доллар."]),
    ("Бюджет вырос с 5 до 7 млрд тенге.", ["с 5 до 7 млрд тенге."]),  # a dot may end an abbreviation
])
def test_the_parser_reads_only_windows_with_a_number_and_a_money_word(text, expected):
    assert [text[a:b] for a, b in windows(text)] == expected


SHAPES = ["Бюджет 5 млрд тенге.", "Бюджет 7 млрд тенге.", "от 1,5 до 2 млн долларов",
          "1 400 000 рублей и ещё 2 500 000 рублей", "$10 млн", "около 300 тыс. евро за 2 года"]


@pytest.mark.parametrize("text", SHAPES)
def test_matches_of_a_shape_carry_their_own_numbers(text):
    def read(found):
        return [((m.span.start, m.span.stop), [t.value for t in m.tokens], m.fact.amount, m.fact.currency)
                for m in found]

    list(matches(text.replace("5", "9").replace("1", "3")))  # the same shape, parsed first
    assert read(matches(text)) == read(parser().findall(text))


def read(text):
    from pipeline.extractors.amounts import candidates
    return [(c.amount, c.amount_max, c.currency, c.qualifier) for c in candidates(text)]


@pytest.mark.parametrize("text, amount, amount_max, currency, qualifier", [
    # `с половиной` adds a half to the number before the multiplier
    ("Выделят два с половиной миллиарда рублей.", 2_500_000_000, None, "RUB", None),
    ("Заем на 3 с половиной млн долларов.", 3_500_000, None, "USD", None),
    ("Премия — семь с половиной тысяч тенге.", 7_500, None, "KZT", None),
    ("От пяти до семи с половиной миллиардов тенге.", 5_000_000_000, 7_500_000_000, "KZT", None),
    # a qualifier before `в` (`обойдется примерно в ...`)
    ("Ремонт обойдется примерно в 40 млн долларов.", 40_000_000, None, "USD", "примерно"),
    ("Проект оценен приблизительно в 3 млрд рублей.", 3_000_000_000, None, "RUB", "приблизительно"),
    ("Ущерб оценили почти в 2 трлн тенге.", 2_000_000_000_000, None, "KZT", "почти"),
    # a word with Kazakh letters is one word
    ("Ауылға 5 млрд теңге бөлінді.", 5_000_000_000, None, "KZT", None),
    ("Жобаның құны — 12 млн теңге.", 12_000_000, None, "KZT", None),
    ("Бюджет — 300 млн сўм.", 300_000_000, None, "UZS", None),
    ("Грант — 3 млн сомонӣ.", 3_000_000, None, "TJS", None),
    # an adjective of the country before the currency, in any form
    ("Вложат 5 млрд казахстанских тенге.", 5_000_000_000, None, "KZT", None),
    ("Вложат 500 млн турецких лир.", 500_000_000, None, "TRY", None),
    ("Вложат 5 млрд японских иен.", 5_000_000_000, None, "JPY", None),
    ("Вложат 2 млн украинских гривен.", 2_000_000, None, "UAH", None),
    ("Сделка на 5 млн дол. США.", 5_000_000, None, "USD", None),
    # the amount spelled out again in brackets
    ("Выделено 5 000 000 (пять миллионов) тенге.", 5_000_000, None, "KZT", None),
    ("Штраф 500 000 (пятьсот тысяч) рублей.", 500_000, None, "RUB", None),
    ("Рост более чем на 5 млрд тенге.", 5_000_000_000, None, "KZT", "более"),
    ("Потребуется около 5–7 млрд тенге.", 5_000_000_000, 7_000_000_000, "KZT", "около"),
    ("Обед стоит 300 р.", 300, None, "RUB", None),
    ("Выделено 5 млрд төгрөг.", 5_000_000_000, None, "MNT", None),
    # apostrophes between thousands, as in Swiss and some Central Asian texts
    ("Стоимость — 2'500'000 рублей.", 2_500_000, None, "RUB", None),
    ("Стоимость — 1’200’000,50 тенге.", Decimal("1200000.5"), None, "KZT", None),
    # an abbreviated country adjective (`бел. руб.`), the Belarusian sign `Br`
    ("Выделено 15 млн бел. рублей.", 15_000_000, None, "BYN", None),
    ("Выделено 15 млн бел. руб. на дороги.", 15_000_000, None, "BYN", None),
    ("Проезд стоит 0,90 Br.", Decimal("0.9"), None, "BYN", None),
    # a word for the notes themselves between the amount and its currency
    ("Пенсия — 300 тыс. неденоминированных рублей.", 300_000, None, "RUB", None),
    ("Выделено 5 млн новых белорусских рублей.", 5_000_000, None, "BYN", None),
    ("Обменяли 2 тыс. старых манатов.", 2_000, None, "TMT", None),
    # the hundredths after the currency
    ("Проезд — 1 рубль 50 копеек.", Decimal("1.5"), None, "RUB", None),
    ("Тариф — 12 тенге 50 тиынов.", Decimal("12.5"), None, "KZT", None),
    ("Цена — 5 долларов 99 центов.", Decimal("5.99"), None, "USD", None),
    # a dot before three digits separates thousands where no multiplier follows
    ("Компенсация — 2.000 евро.", 2_000, None, "EUR", None),
    ("Штраф — 15.500 тенге.", 15_500, None, "KZT", None),
    ("Бюджет — 1.500 млрд тенге.", 1_500_000_000, None, "KZT", None),
    ("Цена — 0.500 тенге.", Decimal("0.5"), None, "KZT", None),
    # the currency said after `в`
    ("Выделено 5 млн в долларовом эквиваленте.", 5_000_000, None, "USD", None),
    ("Экспорт — 300 млн в рублевом выражении.", 300_000_000, None, "RUB", None),
    ("Инвестиции — 1,2 млрд в долларах США.", 1_200_000_000, None, "USD", None),
    # a decimal spelled out
    ("Выделят четыре целых пять десятых миллиона евро.", 4_500_000, None, "EUR", None),
    ("Бюджет — ноль целых двадцать пять сотых миллиарда рублей.", 250_000_000, None, "RUB", None),
    ("Бюджет — двадцать одна целая две десятых миллиарда тенге.", 21_200_000_000, None, "KZT", None),
])
def test_amounts_read(text, amount, amount_max, currency, qualifier):
    assert read(text) == [(amount, amount_max, currency, qualifier)]


@pytest.mark.parametrize("word, currency", [
    ("доллара", "USD"), ("USD", "USD"), ("руб.", "RUB"), ("$", "USD"), ("₸", "KZT"),
    ("теңге", "KZT"), ("евро", "EUR"), ("юанях", "CNY"), ("курс", None), ("дом", None),
])
def test_currency_named(word, currency):
    from pipeline.extractors.amounts import currency_named
    assert currency_named(word) == currency


@pytest.mark.parametrize("text, expected", [
    # two amounts sharing the multiplier and currency of the second
    ("Доходы составили 3,1 и 3,7 трлн тенге соответственно.",
     [(3_100_000_000_000, "KZT"), (3_700_000_000_000, "KZT")]),
    ("Выделят 5 или 7 млн долларов.", [(5_000_000, "USD"), (7_000_000, "USD")]),
    ("Выделено 500 млн и 1,2 млрд тенге.", [(500_000_000, "KZT"), (1_200_000_000, "KZT")]),
    ("Бюджет — $5 млн и €4 млн.", [(5_000_000, "USD"), (4_000_000, "EUR")]),
    ("В 2020 и 5 млрд тенге.", [(5_000_000_000, "KZT")]),  # no pair: 2020 billions
])
def test_pairs(text, expected):
    assert [(amount, currency) for amount, _, currency, _ in read(text)] == expected
