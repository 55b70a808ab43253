"""sides.py: which region mentions of a clause can sign, and the article's main regions."""
import pytest

from pipeline.extractors.sides import bare_heads, main_regions, sides


def side_names(doc):
    return [m.unit.name for m in sides(doc, 0, len(doc.text))]


@pytest.mark.parametrize("text,expected", [
    ("Аким Павлодарской области и губернатор Омской области подписали соглашение в Новосибирской "
     "области.", ["Павлодарская область", "Омская область"]),
    ("В присутствии губернатора Курганской области аким Костанайской области подписал соглашение.",
     ["Костанайская область"]),
    ("Акимат района ВКО подписал соглашение с администрацией Алтайского края.", ["Алтайский край"]),
    ("Предприятия Павлодарской и Омской областей подписали контракты с акиматом Костанайской области.",
     ["Костанайская область"]),
    ("Полпред правительства в Иссык-Кульской области подписал меморандум.", ["Иссык-Кульская область"]),
    ("В Актау астраханский губернатор подписал соглашение.", ["Астраханская область"]),
])
def test_sides(make_doc, text, expected):
    assert side_names(make_doc(text)) == expected


def test_main_regions_put_the_acting_before_the_places(make_doc):
    doc = make_doc("Делегация Омской области прибыла в Павлодарскую область. Губернатор Омской области "
                   "встретился с акимом Северо-Казахстанской области.")
    assert [u.name for u in main_regions(doc)] == ["Омская область", "Северо-Казахстанская область",
                                                    "Павлодарская область"]


@pytest.mark.parametrize("text,expected", [
    ("Аким ВКО и губернатор Алтайского края подписали меморандум. Кроме того, аким и губернатор "
     "Кемеровской области подписали соглашение.", ["Восточно-Казахстанская область"]),
    ("Хоким Ферганской области встретился с губернатором Ошской области. Хоким подписал меморандум.",
     ["Ферганская область"]),
    # the last head of that office named counts; a city's is none
    ("Аким Павлодарской области встретился с акимом Актобе. Аким подписал меморандум.", []),
    ("Аким Павлодарской области встретился с губернатором Омской области. Губернатор подписал "
     "меморандум.", ["Омская область"]),
])
def test_a_bare_head_is_the_one_of_that_office_named_before(make_doc, text, expected):
    doc = make_doc(text)
    last = doc.sentences[-1]
    assert [u.name for u in bare_heads(doc, last.start, last.end)] == expected
