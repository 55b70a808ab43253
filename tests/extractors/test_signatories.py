"""signatories.py and the parties it leaves: who is no signatory, and what names no side."""
import pytest

from .test_parties import pairs

PAVLODAR, XINJIANG = "Павлодарская область", "Синьцзян-Уйгурский автономный район"


@pytest.mark.parametrize("text,expected", [
    # an office NER reads as a place is no city that signs
    ("Делегация Синьцзян-Уйгурского автономного района прибыла в Павлодарскую область. Аким "
     "области и заместитель председателя правительства СУАР подписали меморандум.", {(PAVLODAR, XINJIANG)}),
    ("Область имеет соглашения с Омской и Томской областями, сообщил аким Павлодарской области.",
     {(PAVLODAR, "Омская область"), (PAVLODAR, "Томская область")}),
    # a city as the venue leaves the head it names the side: the governor named before
    ("Губернатор Омской области посетил Казахстан. В Павлодаре губернатор подписал с акимом "
     "Павлодарской области соглашение.", {(PAVLODAR, "Омская область")}),
    # the head of named regions is no `регионы` standing for the article's pair
    ("На форуме предприятия Павлодарской и Омской областей заключили 14 соглашений. Аким "
     "Павлодарской области и губернатор Омской области посетили выставку.", set()),
    ("Аким Павлодарской области встретился с губернатором Омской области. Регионы подписали "
     "соглашение.", {(PAVLODAR, "Омская область")}),
])
def test_what_names_no_side(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}


@pytest.mark.parametrize("text,expected", [
    # one who attended, in a part of the clause of its own beside the signing
    ("Подписано соглашение между Алтайским краем и Павлодарской областью. Документ подписан в "
     "Барнауле, в церемонии участвовал аким Восточно-Казахстанской области.", {("Алтайский край", PAVLODAR)}),
    ("Соглашение подписали губернатор Омской области и аким Павлодарской области, на церемонии "
     "присутствовал губернатор Томской области.", {("Омская область", PAVLODAR)}),
    # those taking part in the signing sign
    ("В подписании соглашения участвовали губернатор Омской области и аким Павлодарской области.",
     {("Омская область", PAVLODAR)}),
])
def test_those_attending_beside_the_signing_are_no_side(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}
