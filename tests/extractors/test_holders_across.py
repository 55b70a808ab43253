import pytest

from pipeline.extractors.officials import extract_officials


def officials(make_doc, text):
    return {(o.person, o.position, o.region) for o in extract_officials(make_doc(text))}


@pytest.mark.parametrize("text, expected", [
    # the headline's office, a date line, then the name that opens the lead
    ("Губернатор Омской области посетил Павлодар\nПавлодар, 12 сентября 2019\n"
     "Андрей Травников прибыл в Павлодар с рабочим визитом.",
     ("Андрей Травников", "губернатор", "Омская область")),
    ("Аким Костанайской области посетил Челябинск\nЧЕЛЯБИНСК, 3 мая 2018. /ТАСС/.\n"
     "Кумар Аксакалов провел переговоры с инвесторами.",
     ("Кумар Аксакалов", "аким", "Костанайская область")),
])
def test_a_date_line_between_the_office_and_the_name(make_doc, text, expected):
    assert officials(make_doc, text) == {expected}
