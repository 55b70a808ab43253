import pytest

from pipeline.extractors.officials import extract_officials


def officials(make_doc, text):
    return {(o.person, o.position, o.region) for o in extract_officials(make_doc(text))}


# The office, its place, then the appointed name in the accusative, which the tree hangs
# from the office: the object of the verb of appointment.
@pytest.mark.parametrize("text, expected", [
    ("Президент назначил полномочным представителем президента в Нарынской области Алмаза Токтогулова.",
     {("Алмаз Токтогулов", "полномочный представитель президента", "Нарынская область")}),
    ("Глава государства решил назначить акимом Костанайской области Серика Жакупова.",
     {("Серик Жакупов", "аким", "Костанайская область")}),
    ("Указом президента назначили губернатором Омской области Андрея Травникова.",
     {("Андрей Травников", "губернатор", "Омская область")}),
    ("Президент назначил послом Казахстана в Турции Ерлана Кабдуллина.",
     {("Ерлан Кабдуллин", "посол", None)}),
])
def test_appointed_name_after_the_office_and_its_place(make_doc, text, expected):
    assert officials(make_doc, text) == expected


# An office taken up (`назначен`, `избран`, `стал`) is held now, over the one named beside the name.
@pytest.mark.parametrize("text, expected", [
    ("Прежний аким Марат Сейтов назначен министром энергетики.",
     {("Марат Сейтов", "министр энергетики", None)}),
    ("Вице-министр Арман Жумабаев назначен министром финансов.",
     {("Арман Жумабаев", "министр финансов", None)}),
    ("Сенатор Ирина Котова избрана губернатором Курской области.",
     {("Ирина Котова", "губернатор", "Курская область")}),
])
def test_office_taken_up_is_the_current_one(make_doc, text, expected):
    assert officials(make_doc, text) == expected


# An office held before (`был`, `работал`) does not replace the one beside the name.
@pytest.mark.parametrize("text, expected", [
    ("Президент Алмас Садыков был министром иностранных дел.",
     {("Алмас Садыков", "президент", None)}),
])
def test_office_held_before_keeps_the_current_one(make_doc, text, expected):
    assert officials(make_doc, text) == expected
