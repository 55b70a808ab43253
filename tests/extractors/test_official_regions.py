"""The region of an official's office: the one its words name, a bare office's from the text
(the office spoken of, the article's region of its country), none for districts, villages,
national offices and diplomats; a plural office's region per name."""
import pytest

from pipeline.extractors.officials import extract_officials


def officials(make_doc, text):
    return {(o.person, o.position, o.region) for o in extract_officials(make_doc(text))}


def test_shared_plural_office_gives_each_name_its_region(make_doc):
    text = ("Делегации Акмолинской и Северо-Казахстанской областей встретились с участием акимов "
            "областей Ермека Маржикпаева и Кумара Аксакалова. Аким Северо-Казахстанской области "
            "Кумар Аксакалов отметил рост товарооборота.")
    assert officials(make_doc, text) == {
        ("Ермек Маржикпаев", "аким", "Акмолинская область"),
        ("Кумар Аксакалов", "аким", "Северо-Казахстанская область"),
    }


def test_head_of_region_named_after_the_person(make_doc):
    text = ("Форум прошел в Костанайской области. Архимед Мухамбетов выступил перед участниками. "
            "«Мы готовы к сотрудничеству», - отметил глава региона.")
    assert officials(make_doc, text) == {("Архимед Мухамбетов", "глава", "Костанайская область")}


def test_plural_office_with_a_region_before_each_name(make_doc):
    text = ("Соглашение подписали акимы Павлодарской области Абылкаир Скаков "
            "и Костанайской области Архимед Мухамбетов.")
    assert officials(make_doc, text) == {
        ("Абылкаир Скаков", "аким", "Павлодарская область"),
        ("Архимед Мухамбетов", "аким", "Костанайская область"),
    }


def test_a_country_after_the_office_is_its_state_not_a_place(make_doc):
    text = ("Полномочный представитель правительства Кыргызской Республики в Иссык-Кульской "
            "области Эркин Бозгонбаев встретился с делегацией.")
    assert officials(make_doc, text) == {
        ("Эркин Бозгонбаев", "полномочный представитель правительства", "Иссык-Кульская область")}


@pytest.mark.parametrize("text, expected", [
    # the region in the office's words, whatever generic word stands before it
    ("Президент Татарстана Рустам Минниханов посетил Астану.",
     ("Рустам Минниханов", "президент", "Республика Татарстан")),
    ("Глава Якутии Айсен Николаев провел совещание.", ("Айсен Николаев", "глава", "Республика Саха")),
    ("Глава Республики Татарстан Рустам Минниханов прибыл в Казахстан.",
     ("Рустам Минниханов", "глава", "Республика Татарстан")),
    ("Министр сельского хозяйства Омской области Иван Петров открыл ярмарку.",
     ("Иван Петров", "министр сельского хозяйства", "Омская область")),
    # a bare regional office: the region of its country that the text is about
    ("Делегация Омской области прибыла в Павлодар. Губернатор Виталий Кравченко провел переговоры.",
     ("Виталий Кравченко", "губернатор", "Омская область")),
    ("Делегацию Омской области возглавил губернатор Виталий Хоценко.",
     ("Виталий Хоценко", "губернатор", "Омская область")),
    # a minister of a bare `региона`, `области`: the region the text is about, no part of the position
    ("В Омской области прошел форум. Министр образования региона Иван Петров выступил.",
     ("Иван Петров", "министр образования", "Омская область")),
    ("Прибыл губернатор Курской области. С министром финансов области Иваном Петровым обсудили бюджет.",
     ("Иван Петров", "министр финансов", "Курская область")),
    # a maslikhat is Kazakh: its bare deputy is the Kazakh region's the text is about
    ("В Павлодарской области прошла сессия. Депутат маслихата Ерлан Ахметов выступил.",
     ("Ерлан Ахметов", "депутат маслихата", "Павлодарская область")),
    ("В Омской области прошла встреча. Депутат маслихата Ерлан Ахметов выступил.",
     ("Ерлан Ахметов", "депутат маслихата", None)),
    # a venue city is no governor's region while his own region is named
    ("Делегация Омской области прибыла в Москву. В Москве губернатор Виталий Хоценко провел встречи.",
     ("Виталий Хоценко", "губернатор", "Омская область")),
    # a mayor of no named city, national offices and diplomats have no region
    ("Встреча прошла в Москве. Мэр Иван Гордеев выступил.", ("Иван Гордеев", "мэр", None)),
    ("Встреча прошла в Москве. Мэр Казани Иван Гордеев выступил.", ("Иван Гордеев", "мэр", None)),
    ("Премьер-министр Беларуси Роман Головко прибыл в Гродненскую область.",
     ("Роман Головко", "премьер-министр", None)),
    ("Глава правительства Михаил Орлов прибыл в Оренбургскую область.",
     ("Михаил Орлов", "глава правительства", None)),
    ("Посол Казахстана в России Иван Петров посетил Омскую область.", ("Иван Петров", "посол", None)),
])
def test_office_region(make_doc, text, expected):
    assert expected in officials(make_doc, text)


def test_a_district_head_takes_no_region_of_the_article(make_doc):
    text = ("Делегация Ахалского велаята прибыла в Астану. Хяким этрапа Иван Петров выступил. "
            "Хяким велаята Марат Ахметов выступил.")
    assert officials(make_doc, text) == {("Иван Петров", "хяким", None),
                                         ("Марат Ахметов", "хяким", "Ахалский велаят")}


@pytest.mark.parametrize("text, expected", [
    ("Делегация Павлодарской области прибыла в Омск. Аким района Иван Петров выступил.",
     ("Иван Петров", "аким", None)),
    ("Делегация Самаркандской области прибыла в Астану. Хоким района Иван Петров выступил.",
     ("Иван Петров", "хоким", None)),
    ("Делегация Павлодарской области прибыла в Омск. Аким области Марат Ахметов выступил.",
     ("Марат Ахметов", "аким", "Павлодарская область")),
    # rural and municipal units, and their own names, which are no part of the holder's
    ("В Павлодарской области прошел сход. Аким сельского округа Аксу Иван Петров выступил.",
     ("Иван Петров", "аким", None)),
    ("В Павлодарской области прошел сход. Аким села Аксу Иван Петров выступил.",
     ("Иван Петров", "аким", None)),
    ("В Омской области прошел сход. Глава городского округа Иван Петров выступил.",
     ("Иван Петров", "глава", None)),
])
def test_a_district_office_has_no_region(make_doc, text, expected):
    assert {expected} == officials(make_doc, text)


@pytest.mark.parametrize("text, expected", [
    # a city body's adjective names the first-level city
    ("Председатель Московской городской думы Иван Петров принял гостей.",
     ("Иван Петров", "председатель городской думы", "Москва")),
    ("Председатель Минского горисполкома Иван Петров принял гостей.",
     ("Иван Петров", "председатель горисполкома", "Минск")),
    # NER takes the region's name into the person's
    ("Губернатор аймака Баян-Улгий Марат Ахметов принял гостей.",
     ("Марат Ахметов", "губернатор", "Баян-Улгийский аймак")),
])
def test_region_of_city_bodies_and_aimags(make_doc, text, expected):
    assert expected in officials(make_doc, text)


@pytest.mark.parametrize("text, expected", [
    # a bare regional office takes the region of the subject office no one holds just before
    ("Гостей из Омской области встретил аким Костанайской области. Глава региона Олег Сидоров "
     "рассказал о планах.", {("Олег Сидоров", "глава", "Костанайская область")}),
    ("Аким Костанайской области прибыл в Курганскую область. Губернатор Олег Сидоров встретил гостей.",
     {("Олег Сидоров", "губернатор", "Курганская область")}),  # not an office of another country
])
def test_bare_office_region_from_the_office_spoken_of(make_doc, text, expected):
    assert officials(make_doc, text) == expected


@pytest.mark.parametrize("text, expected", [
    # NER runs the region's place span on over the name; the region has a second name
    ("Глава Республики Саха (Якутия) Айсен Николаев и губернатор Амурской области Василий Орлов "
     "подписали соглашение.", {("Айсен Николаев", "глава", "Республика Саха"),
                               ("Василий Орлов", "губернатор", "Амурская область")}),
    ("Губернатор Кемеровской области – Кузбасса Илья Середюк и аким Павлодарской области Асаин "
     "Байханов обсудили поставки угля.", {("Илья Середюк", "губернатор", "Кемеровская область"),
                                          ("Асаин Байханов", "аким", "Павлодарская область")}),
])
def test_region_with_a_second_name_before_the_holder(make_doc, text, expected):
    assert officials(make_doc, text) == expected


# A bare office's place word says which kind of region it is: a city's dateline is no oblast's.
@pytest.mark.parametrize("text, expected", [
    ("НУР-СУЛТАН. В Карагандинской области прошел форум. Заместитель акима области Ерлан Ахметов "
     "выступил.", ("Ерлан Ахметов", "заместитель акима", "Карагандинская область")),
    ("В Алматинской области и Алматы прошли проверки. Аким города Ерлан Ахметов выступил.",
     ("Ерлан Ахметов", "аким", "Алматы")),
])
def test_a_bare_office_takes_a_region_of_the_kind_it_names(make_doc, text, expected):
    assert expected in officials(make_doc, text)


# `Новым министром назначен`: the office of that title just named, with its words and region.
@pytest.mark.parametrize("text, expected", [
    ("Освобожден от должности министр юстиции Иван Петров. Новым министром назначен Марат Ахметов.",
     ("Марат Ахметов", "министр юстиции", None)),
    ("Аким Туркестанской области Иван Петров ушел в отставку. Новым акимом назначен Марат Ахметов.",
     ("Марат Ахметов", "аким", "Туркестанская область")),
])
def test_a_new_holder_takes_the_office_just_named(make_doc, text, expected):
    assert expected in officials(make_doc, text)


# No region of the office's country named: an office that says it is a region's takes the region
# whose centre the text names (a dateline); a bare `аким` may be the city's own.
@pytest.mark.parametrize("text, expected", [
    ("Актобе. Аким области Асхат Шахаров провел совещание.", ("Асхат Шахаров", "аким", "Актюбинская область")),
    ("Прием прошел в Кургане. Глава региона Иван Петров выступил.", ("Иван Петров", "глава", "Курганская область")),
    ("Встреча прошла в Таразе. Аким Иван Петров выступил.", ("Иван Петров", "аким", None)),
])
def test_a_regional_office_takes_the_region_of_the_centre_named(make_doc, text, expected):
    assert expected in officials(make_doc, text)


def test_an_acting_holder_may_take_the_region_another_holder_left(make_doc):
    text = ("Губернатор Псковской области Иван Петров ушел в отставку. Врио губернатора назначен "
            "Марат Ахметов.")
    assert officials(make_doc, text) == {("Иван Петров", "губернатор", "Псковская область"),
                                         ("Марат Ахметов", "губернатор", "Псковская область")}
