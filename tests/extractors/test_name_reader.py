import pytest

from pipeline.extractors.name_reader import name_after, name_at
from pipeline.extractors.names import nominative_name
from pipeline.extractors.officials import extract_officials


def name_after_office(make_doc, text):
    """What name_at reads right after the text's first office, with NER off (as if it missed)."""
    doc = make_doc(text, ner=False)
    span = name_after(doc, doc.offices[0].last_token)
    return span and span.text


@pytest.mark.parametrize("text, expected", [
    ("Премьер Госсовета КНР Ли Цян провел переговоры.", "Ли Цян"),
    ("Вице-премьер Госсовета КНР Ся Вэньюн посетил выставку.", "Ся Вэньюн"),
    ("Посол Китая Чжан Вэймин вручил награды.", "Чжан Вэймин"),
    ("Министр иностранных дел Монголии Пилжээ Лхагважав прибыл в Астану.", "Пилжээ Лхагважав"),
    ("Президент Кореи Пак Мин Су выступил с речью.", "Пак Мин Су"),
    ("Премьер-министр Вьетнама Нгуен Ван Тхань провел встречу.", "Нгуен Ван Тхань"),
    ("Аким Павлодарской области Даурен Абаев открыл школу.", "Даурен Абаев"),
    ("Аким Павлодарской области Абаев открыл школу.", "Абаев"),
    ("Аким Павлодарской области Д. Абаев открыл школу.", "Д. Абаев"),
    ("Аким Павлодарской области Д.Абаев открыл школу.", "Д.Абаев"),
    ("Аким Павлодарской области Абаев Д. открыл школу.", "Абаев Д."),
    ("Аким Павлодарской области Абаев Даурен Аскарович открыл школу.", "Абаев Даурен Аскарович"),
    ("Аким Павлодарской области Бауыржан Әбдіғалиұлы открыл школу.", "Бауыржан Әбдіғалиұлы"),
    ("Аким Павлодарской области Қасым-Жомарт Тоқаев открыл школу.", "Қасым-Жомарт Тоқаев"),
    ("Губернатор Курской области Ханс Мюллер открыл выставку.", "Ханс Мюллер"),
])
def test_name_right_after_an_office(make_doc, text, expected):
    assert name_after_office(make_doc, text) == expected


@pytest.mark.parametrize("text", [
    "Министр Финансов Российской Федерации выступил.",  # capitalised common words
    "Аким Павлодарской области Сегодня открыл школу.",
    "Аким Павлодарской области заявил о росте.",  # lower case
    "Аким Павлодарской области.",  # nothing after it
    "Аким Павлодарской области МИД поддержал.",  # upper case
    "Аким Павлодарской области Сок и Мир поддержал.",  # Russian words, however syllable-like
    "Аким Павлодарской области Астана поддержала.",  # a place
    "Аким Павлодарской области\nИван Петров открыл школу.",  # another line
    "Аким Павлодарской области, Даурен Абаев, открыл школу.",  # not right after it
    "Аким Павлодарской области Сарыжонского района открыл школу.",  # an adjective, no surname
    "Аким Павлодарской области Сергей открыл школу.",  # a first name alone
    "Аким Павлодарской области Минцифры поддержал.",
])
def test_no_name_after_an_office(make_doc, text):
    assert name_after_office(make_doc, text) is None


@pytest.mark.parametrize("text, expected", [
    ("Встреча с премьером Госсовета КНР Ли Цяном прошла в Пекине.", "Ли Цян"),
    ("Встреча с главой МИД Монголии Пилжээ Лхагважав прошла в Астане.", "Пилжээ Лхагважав"),
    ("Встреча с акимом Павлодарской области Сергеем Дегтярём прошла в Астане.", "Сергей Дегтярь"),
])
def test_a_name_read_after_an_office_takes_the_office_case(make_doc, text, expected):
    doc = make_doc(text, ner=False)
    office = doc.offices[0]
    assert nominative_name(name_after(doc, office.last_token).text, office.cases) == expected


def test_name_at_reads_only_where_it_is_told(make_doc):
    doc = make_doc("Премьер Госсовета КНР Ли Цян провел переговоры.", ner=False)
    assert name_at(doc, 2) is None  # КНР
    assert name_at(doc, 3).text == "Ли Цян"


@pytest.mark.parametrize("text, person", [
    ("Премьер Госсовета КНР Ли Цян провел переговоры.", "Ли Цян"),
    ("Министр иностранных дел Монголии Пилжээ Лхагважав прибыл в Астану.", "Пилжээ Лхагважав"),
    ("Встреча с акимом Павлодарской области Сергеем Дегтярём прошла в Астане.", "Сергей Дегтярь"),
])
def test_officials_take_a_name_ner_missed(make_doc, text, person):
    assert [o.person for o in extract_officials(make_doc(text, ner=False))] == [person]


@pytest.mark.parametrize("text", ["Об этом сообщил аким", "Документ подписал губернатор Омской области"])
def test_no_name_after_an_office_that_ends_the_text(make_doc, text):
    doc = make_doc(text)
    assert name_after(doc, doc.offices[-1].last_token) is None
    assert extract_officials(doc) == []


# A place's name in the nominative right before a surname is a first name (`Алтай`, `Россия`).
@pytest.mark.parametrize("text, person", [
    ("Аким Шымкента Алтай Жумабеков посетил микрорайон.", "Алтай Жумабеков"),
    ("Посол Казахстана Алтай Абибуллаев вручил грамоты.", "Алтай Абибуллаев"),
    ("Министр здравоохранения Казахстана Россия Ахметова выступила.", "Россия Ахметова"),
    # NER's place running from the region into the name
    ("Аким Абайской области Алтай Ерденов подписал соглашение.", "Алтай Ерденов"),
])
def test_a_place_name_as_a_first_name(make_doc, text, person):
    assert [o.person for o in extract_officials(make_doc(text))] == [person]
