import pytest

from pipeline.extractors.persons import find_persons


def names(make_doc, text):
    doc = make_doc(text)
    return [doc.text[p.start:p.end] for p in find_persons(doc, doc.offices)]


@pytest.mark.parametrize("text, place", [
    # a headline, then the dateline, which NER reads as a person held by the headline's office
    ("Хоким Бухарской области принял делегацию Омска\nБухара, 5 мая 2021 (УзА)\n"
     "Хоким Бухарской области Ботир Зарипов принял гостей.", "Бухара"),
    ("Хоким Самаркандской области принял делегацию Казани\nСамарканд, 3 октября 2022 (УзА)\n"
     "Хоким области Эркин Турсунов принял гостей.", "Самарканд"),
    ("Губернатор принял делегацию Татарстана\nПетропавловск, 14 марта 2019 – Kazinform\n"
     "Аким области Кумар Аксакалов провел встречу.", "Петропавловск"),
])
def test_the_place_of_a_dateline_is_no_person(make_doc, text, place):
    assert place not in names(make_doc, text)


@pytest.mark.parametrize("text, name", [
    # a name at the start of a line followed by a birth year or a comma clause is a person
    ("Ерлан Жумабаев, 1975 года рождения, окончил университет.", "Ерлан Жумабаев"),
    ("В районе открыли школу.\nМарат Исаев, аким района, 5 мая перерезал ленту.", "Марат Исаев"),
])
def test_a_name_opening_a_line_stays_a_person(make_doc, text, name):
    assert name in names(make_doc, text)
