import pytest


# A ministry's complement ends before a preposition that opens something else, and runs on
# over a list of fields that ends in `и`.
@pytest.mark.parametrize("text, expected", [
    ("Министр иностранных дел с 2019 года Ринат Исаев выступил.", "министр иностранных дел"),
    ("Глава таможенной службы с 2021 года Ринат Исаев выступил.", "глава таможенной службы"),
    ("Министр экологии, геологии и природных ресурсов Казахстана Ринат Исаев выступил.",
     "министр экологии, геологии и природных ресурсов"),
    ("Министр финансов, который прибыл вчера, Ринат Исаев выступил.", "министр финансов"),
])
def test_complement_ends_before_a_preposition(make_doc, text, expected):
    assert [o.position for o in make_doc(text).offices] == [expected]


# A country's adjective before a body is left out of the position; a body's kind is not.
@pytest.mark.parametrize("text, expected", [
    ("Глава японского МИД Рё Танака выступил.", "глава мид"),
    ("Председатель городской думы Рустам Исаев выступил.", "председатель городской думы"),
])
def test_country_adjective_before_a_body(make_doc, text, expected):
    assert [o.position for o in make_doc(text).offices] == [expected]
