"""other_sides.py: sides of a document that are no region."""
import pytest

from .test_parties import pairs


@pytest.mark.parametrize("text", [
    "Президенты Казахстана и Кыргызстана подписали договор о границе. На церемонии "
    "присутствовали акимы Алматинской и Жамбылской областей.",
    "Премьер-министры двух стран подписали соглашение о транзите. В церемонии участвовали "
    "губернатор Омской области и аким Павлодарской области.",
    "Президент Узбекистана и президент Казахстана подписали соглашение. Хоким Ташкентской "
    "области и аким Туркестанской области присутствовали.",
])
def test_heads_of_state_sign_for_the_states(make_doc, text):
    assert pairs(make_doc, text) == set()


def test_a_chinese_autonomous_region_is_no_district(make_doc):
    text = ("Аким Алматинской области побывал в Синьцзян-Уйгурском автономном районе. По итогам "
            "визита аким подписал меморандум с правительством автономного района.")
    assert pairs(make_doc, text) == {frozenset(("Алматинская область", "Синьцзян-Уйгурский автономный район"))}


@pytest.mark.parametrize("signing", [
    "Аким подписал меморандум с акимом Экибастуза о развитии угольной отрасли.",
    "Аким подписал соглашение с мэром Харбина.",
])
def test_the_head_of_a_place_that_is_no_region_is_the_other_side(make_doc, signing):
    text = "Аким Павлодарской области побывал в Омской области. " + signing
    assert pairs(make_doc, text) == set()


def test_a_district_is_the_other_side(make_doc):
    text = ("Аким Алматинской области встретился с губернатором Омской области. Аким подписал "
            "меморандум с акиматом Енбекшиказахского района.")
    assert pairs(make_doc, text) == set()


@pytest.mark.parametrize("text", [
    "Губернатор Новосибирской области подписал соглашение с Правительством Республики Казахстан. "
    "Документ подписан в Астане.",
    "Аким Павлодарской области подписал меморандум с руководством Китая. Меморандум подписан в Омске.",
])
def test_a_states_government_after_s_is_the_other_side(make_doc, text):
    assert pairs(make_doc, text) == set()
