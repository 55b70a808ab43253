import pytest

from pipeline.extractors.regions import find_mentions
from pipeline.extractors.sums import extract_sums
from pipeline.nlp import analyze
from pipeline.records import Article


def currencies(text):
    doc = analyze(Article("t", "t", text), ner=False)
    doc.regions = find_mentions(doc)
    return [s.currency for s in extract_sums(doc)]


@pytest.mark.parametrize("text, expected", [
    # a bare `рубль` takes the home its sentence names: a Belarusian region, body or country
    ("В Гродненской области на фермы направят 12 млн рублей.", ["BYN"]),
    ("Могилевский облисполком направил 3,5 млн руб. на школы.", ["BYN"]),
    ("В Беларуси минимальная зарплата составит 626 рублей.", ["BYN"]),
    ("Белорусские пенсионеры получат по 50 рублей.", ["BYN"]),
    ("Заработок белорусов вырос до 2 тыс. рублей.", ["BYN"]),  # the people
    ("Россияне потратили в Минске 5 млрд рублей.", ["RUB"]),  # both homes: the common name
    ("В Витебске билет стоит 1 рубль 10 копеек.", ["BYN"]),  # a regional centre
    ("В Казахстане сахар стоит 600 тенге, в России — 80 рублей.", ["KZT", "RUB"]),
    ("Мэрия Москвы выделит 1 трлн рублей.", ["RUB"]),
    # else the home the article names most
    ("Минский горисполком подвел итоги. На ремонт ушло 2 млн рублей.", ["BYN"]),
    ("Брестская область и Смоленская область подписали договор. Объем — 5 млн рублей.", ["RUB"]),
    ("Гомель и Брест подписали договор. Объем — 5 млн рублей. В Смоленске рады.", ["BYN"]),
    # named in full, a currency stays itself
    ("В Гродненской области цена — 100 российских рублей.", ["RUB"]),
    ("В Гомеле на ремонт направили 2 млн RUB.", ["RUB"]),
    # `манат`: TMT, or AZN in news about Azerbaijan
    ("Азербайджан выделил 20 млн манатов на дороги.", ["AZN"]),
    ("Баку: бюджет — 36 млрд манатов.", ["AZN"]),
    ("Ашхабад выделил 10 млн манатов.", ["TMT"]),
    ("На стадион потратили 300 млн манатов.", ["TMT"]),
])
def test_a_shared_currency_name_takes_the_home_the_text_names(text, expected):
    assert currencies(text) == expected
