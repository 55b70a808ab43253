import pytest

from pipeline.extractors.officials import extract_officials
from pipeline.extractors.offices import find_offices


def positions(make_doc, text):
    return [o.position for o in find_offices(make_doc(text))]


def officials(make_doc, text):
    return {(o.person, o.position) for o in extract_officials(make_doc(text))}


# An office sought, to come or hypothetical is no one's yet.
@pytest.mark.parametrize("text", [
    "Бизнесмен Марат Жумабаев претендует на пост акима города.",
    "Экономист Ольга Ветрова претендовала на должность министра финансов.",
    "Кандидат на пост премьер-министра Игорь Белов представил программу.",
    "Кандидатура на должность губернатора Сергея Орлова внесена в парламент.",
    "Юрист Олег Минин баллотируется в губернаторы Томской области.",
    "Адвокат Ирина Белова баллотируется на пост мэра Бишкека.",
    "Журналист Ербол Нуров выдвинут на пост акима района.",
    "Политолог Анна Крамер полагает, что Томас Вальд станет канцлером.",
    "Юрист Иван Седов может стать следующим президентом ассоциации.",
    "Ожидается, что Петр Ильин займет пост мэра после выборов.",
    "Будущий президент Карл Штайнер дал интервью.",
    "Лидер партии Юрген Фогт будет избран премьер-министром только в мае.",
])
def test_an_office_not_yet_held(make_doc, text):
    assert officials(make_doc, text) == set()


# Honorary titles of international bodies and brands (rules/honorary_titles.txt) are no office.
@pytest.mark.parametrize("text", [
    "Спортсменка Дарья Орлова стала послом доброй воли ЮНИСЕФ.",
    "Музыкант Ержан Алимов, посол доброй воли ЮНЕСКО, выступил в Астане.",
    "Актриса Лейла Гасанова назначена послом мира ООН.",
    "Почётный посол фестиваля Иван Кротов открыл выставку.",
])
def test_an_honorary_title_is_no_office(make_doc, text):
    assert officials(make_doc, text) == set()


# The office of the principal a staffer serves is never the staffer's: the whole phrase is the
# position, or the name goes without the principal's office.
@pytest.mark.parametrize("text, expected", [
    ("Глава офиса президента Грузии Давид Беридзе провел брифинг.",
     {("Давид Беридзе", "глава офиса президента")}),
    ("Руководитель канцелярии премьер-министра Польши Анна Ковальская ответила журналистам.",
     {("Анна Ковальская", "руководитель канцелярии премьер-министра")}),
    ("Сотрудник аппарата премьер-министра Олег Лунев рассказал о реформе.", set()),
    ("Руководитель пресс-службы президента Айдос Укибай сообщил о визите.",
     {("Айдос Укибай", "руководитель пресс-службы президента")}),
    ("Из пресс-службы президента Ильхама Рустамова сообщили о визите.", {("Ильхам Рустамов", "президент")}),
    ("Пресс-служба президента Ильхам Рустамов сообщила о визите.", set()),
    # the principal in the genitive after the staff's body is the principal
    ("Как сообщила пресс-служба президента Узбекистана, Шавкат Мирзиёев провел совещание.",
     {("Шавкат Мирзиёев", "президент")}),
    ("Визит президента Франции Эмманюэля Дюпона начнется завтра.", {("Эмманюэль Дюпон", "президент")}),
])
def test_staff_of_a_principal(make_doc, text, expected):
    assert officials(make_doc, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Бывший министр финансов Олег Рыков выступил.", []),
    ("Экс-премьер Дана Карасаева дала интервью.", []),
    ("Исполняющий обязанности губернатора Иван Ильин провел совещание.", ["губернатор"]),
])
def test_former_offices_and_acting_holders(make_doc, text, expected):
    assert positions(make_doc, text) == expected
