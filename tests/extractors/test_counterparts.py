"""counterparts.py: the regions each `с` of a signing introduces."""
import pytest

from .test_parties import pairs

PAVLODAR, KURGAN = "Павлодарская область", "Курганская область"


def linked(region, partners):
    return {frozenset((region, p)) for p in partners}


@pytest.mark.parametrize("text,region,partners", [
    # `, а также с`, `и с`, `, с`: one list of partners over several `с`
    ("Акимат Павлодарской области подписал соглашения с Омской и Томской областями, а также "
     "с Алтайским краем.", PAVLODAR, ("Омская область", "Томская область", "Алтайский край")),
    ("Губернатор Курганской области подписал меморандумы с акимами Костанайской и "
     "Северо-Казахстанской областей, а также с главой Республики Башкортостан.",
     KURGAN, ("Костанайская область", "Северо-Казахстанская область", "Республика Башкортостан")),
    ("Витебская область заключила соглашения с Псковской областью, с Тверской областью и с "
     "Санкт-Петербургом.", "Витебская область", ("Псковская область", "Тверская область", "Санкт-Петербург")),
    # the document's `с` the last of the list, before it
    ("С Омской областью, а также с Алтайским краем подписаны соглашения о сотрудничестве, "
     "сообщил аким Павлодарской области.", PAVLODAR, ("Омская область", "Алтайский край")),
])
def test_a_list_of_partners_goes_on_over_each_s(make_doc, text, region, partners):
    assert pairs(make_doc, text) == linked(region, partners)


def test_a_new_document_after_s_is_a_signing_of_its_own(make_doc):
    text = ("Акимат Павлодарской области подписал соглашение с Омской областью, а также "
            "меморандум с Алтайским краем.")
    assert pairs(make_doc, text) == linked(PAVLODAR, ("Омская область", "Алтайский край"))


@pytest.mark.parametrize("text", [
    "Между администрациями Алтайского края и Республики Алтай с одной стороны и акиматом "
    "Восточно-Казахстанской области с другой подписан меморандум о туризме.",
    "Меморандум подписали с одной стороны администрации Алтайского края и Республики Алтай, "
    "с другой стороны акимат Восточно-Казахстанской области.",
])
def test_s_odnoy_storony_names_sides_not_counterparts(make_doc, text):
    regions = ("Алтайский край", "Республика Алтай", "Восточно-Казахстанская область")
    assert pairs(make_doc, text) == {frozenset((a, b)) for a in regions for b in regions if a < b}
