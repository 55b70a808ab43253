import pytest

from pipeline.extractors.amounts import matches, parser, windows


@pytest.mark.parametrize("text, expected", [
    ("Область получит более чем 1 400 000,5 млн. долларов США на дороги.",
     ["более чем 1 400 000,5 млн. долларов США"]),
    ("В 2023 году на это выделили от 5 до 7 млрд руб. из бюджета.", ["от 5 до 7 млрд руб."]),
    ("Туда приехали 35 тыс. человек, а в 2022 году — 20 тыс.", []),  # no money word
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
