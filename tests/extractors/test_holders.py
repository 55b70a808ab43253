import pytest

from pipeline.extractors.officials import extract_officials


def officials(make_doc, text):
    return {(o.person, o.position, o.region) for o in extract_officials(make_doc(text))}


# Between an office and its holder: the countries, joined by `и` or a comma, and a title of
# rank; a plural office then goes to every coordinated name.
@pytest.mark.parametrize("text, expected", [
    ("Министры обороны Армении и Ирана Сурен Папикян и Азиз Насирзаде провели переговоры.",
     {("Сурен Папикян", "министр обороны", None), ("Азиз Насирзаде", "министр обороны", None)}),
    ("Эмир Кувейта шейх Мишаль Аль-Ахмед Аль-Джабер ас-Сабах принял послов.",
     {("Мишаль ас-Сабах", "эмир", None)}),
    ("Министр обороны Саудовской Аравии принц Халид бен Салман провел встречу.",
     {("Халид Салман", "министр обороны", None)}),
])
def test_gap_between_office_and_holder(make_doc, text, expected):
    assert officials(make_doc, text) == expected


# An appointment written as a noun: its person is the genitive beside the office.
@pytest.mark.parametrize("text, expected", [
    ("Президент подписал указ о назначении Рустама Алиева заместителем премьер-министра.",
     {("Рустам Алиев", "заместитель премьер-министра", None)}),
    ("Подписан указ об освобождении Бахыта Оспанова от должности министра торговли.",
     {("Бахыт Оспанов", "министр торговли", None)}),
    ("Мажилис дал согласие на назначение Армана Серикова премьер-министром.",
     {("Арман Сериков", "премьер-министр", None)}),
    ("Депутаты обсудили назначение нового министра финансов.", set()),
])
def test_appointment_as_a_noun(make_doc, text, expected):
    assert officials(make_doc, text) == expected


# `Name, office`: an apposition, unless the office goes on with its own verb.
@pytest.mark.parametrize("text, expected", [
    ("Как пишет политолог Алексей Макаркин, президент не примет отставку.", set()),
    ("По мнению эксперта Ивана Орлова, губернатор подпишет закон.", set()),
    ("Серик Жумабаев, аким Алматинской области, открыл школу.",
     {("Серик Жумабаев", "аким", "Алматинская область")}),
])
def test_name_before_an_office_that_opens_a_clause(make_doc, text, expected):
    assert officials(make_doc, text) == expected


# The subject of an appointment is a noun with the name beside it (a former office, a
# profession): the name takes the office it is made.
@pytest.mark.parametrize("text, expected", [
    ("Бывший министр обороны Сергей Шойгу назначен секретарем Совбеза.",
     {("Сергей Шойгу", "секретарь совбеза", None)}),
    ("Экс-аким Павлодарской области Болат Бакауов назначен министром сельского хозяйства.",
     {("Болат Бакауов", "министр сельского хозяйства", None)}),
    ("Известный дипломат Иван Петров назначен послом Казахстана в Китае.",
     {("Иван Петров", "посол", None)}),
])
def test_the_name_beside_an_appointed_subject(make_doc, text, expected):
    assert officials(make_doc, text) == expected
