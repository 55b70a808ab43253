import pytest

from pipeline.extractors.officials import extract_officials


def officials(make_doc, text):
    return {(o.person, o.position, o.region) for o in extract_officials(make_doc(text))}


# Heads that need a body, and titles that are an office alone (rules/office_heads.csv,
# rules/offices.csv): a press secretary of the president is no president.
@pytest.mark.parametrize("text, expected", [
    ("Пресс-секретарь президента Армении Эдуард Агаджанян ответил на вопросы.",
     ("Эдуард Агаджанян", "пресс-секретарь президента", None)),
    ("Как заявила пресс-секретарь МИД Венгрии Анна Ковач, визит отложен.",
     ("Анна Ковач", "пресс-секретарь мид", None)),
    ("Официальный представитель МИД Японии Кадзуки Ито провел брифинг.",
     ("Кадзуки Ито", "официальный представитель мид", None)),
    ("Советник президента Грузии Леван Чачава посетил Баку.",
     ("Леван Чачава", "советник президента", None)),
    ("Государственный советник Гульнар Сапарова выступила на форуме.",
     ("Гульнар Сапарова", "государственный советник", None)),
    ("Постпред Киргизии при ООН Айбек Молдогазиев выступил в Совбезе.",
     ("Айбек Молдогазиев", "постоянный представитель", None)),
    ("Первый вице-премьер Беларуси Николай Снопков открыл выставку.",
     ("Николай Снопков", "первый вице-премьер", None)),
    # monarchs are heads of state (not `султан`, a common first name: Султан Ахметов)
    ("Король Иордании Абдалла II встретился с журналистами.", ("Абдалла II", "король", None)),
    ("Эмир Катара Тамим бен Хамад Аль Тани прибыл в Москву.", ("Тамим Тани", "эмир", None)),
])
def test_heads_and_titles(make_doc, text, expected):
    assert officials(make_doc, text) == {expected}


# Heading a body names its head's office: a ministry's minister, any other body's head, the
# body's words in the genitive; only heading it now.
@pytest.mark.parametrize("text, expected", [
    ("Договор подписал Павел Орлов, который возглавляет Министерство транспорта Беларуси.",
     {("Павел Орлов", "министр транспорта", None)}),
    ("Ахмед Саиди, возглавляющий министерство экономики Алжира, прибыл в Москву.",
     {("Ахмед Саиди", "министр экономики", None)}),
    ("Встреча с Нурланом Аманбаевым, возглавляющим Комитет государственных доходов, прошла в Астане.",
     {("Нурлан Аманбаев", "глава комитета государственных доходов", None)}),
    ("Олег Смирнов руководит Федеральной налоговой службой с 2020 года.",
     {("Олег Смирнов", "глава федеральной налоговой службы", None)}),
    ("Роман Ильин, возглавлявший МИД в 2010 году, выступил с лекцией.", set()),
    ("Роман Ильин, который возглавит МИД в январе, выступил с лекцией.", set()),
])
def test_heading_a_body(make_doc, text, expected):
    assert officials(make_doc, text) == expected


# A ministry's complement ends before a preposition that opens something else.
@pytest.mark.parametrize("text, expected", [
    ("Министр иностранных дел с 2019 года Ринат Исаев выступил.", "министр иностранных дел"),
    ("Глава таможенной службы с 2021 года Ринат Исаев выступил.", "глава таможенной службы"),
])
def test_complement_ends_before_a_preposition(make_doc, text, expected):
    assert [o.position for o in make_doc(text).offices] == [expected]
