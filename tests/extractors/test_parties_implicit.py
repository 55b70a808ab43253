"""parties.py: the sides a clause leaves to be read (`стороны`, `регионы`, a clause without a
subject) and the signatories of one document."""
import pytest

from .test_parties import OMSK, PAVLODAR, pairs


@pytest.mark.parametrize("text,expected", [
    # `стороны` after a meeting of states are the states, whoever of the regions attended
    ("В Ташкенте прошло заседание межправительственной комиссии Казахстана и Узбекистана. Стороны "
     "подписали протокол. В делегации был аким Туркестанской области.", set()),
    ("Прошли казахстанско-российские переговоры на высшем уровне. Стороны подписали соглашение. "
     "Аким Павлодарской области и губернатор Омской области вошли в состав делегаций.", set()),
    ("На полях межправительственной комиссии аким Павлодарской области встретился с губернатором "
     "Омской области. Стороны подписали меморандум.", {(OMSK, PAVLODAR)}),
    # a batch of the regions in general: not the pair the article names most
    ("На форуме регионы подписали 25 соглашений. Активнее всех были Свердловская, Челябинская и "
     "Костанайская области.", set()),
    ("Аким Павлодарской области встретился с губернатором Омской области. Регионы подписали "
     "5 соглашений.", {(OMSK, PAVLODAR)}),
])
def test_sides_said_are_the_pair_the_text_just_named(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}


def test_a_clause_without_a_subject_shares_the_one_before(make_doc):
    text = "Омская и Томская области заключили соглашение, а также подписали меморандумы с Павлодарской областью."
    assert pairs(make_doc, text) == {frozenset(p) for p in [
        (OMSK, "Томская область"), (OMSK, PAVLODAR), ("Томская область", PAVLODAR)]}


@pytest.mark.parametrize("text,expected", [
    # one document: all who signed it signed with each other
    ("Акимы Карагандинской и Павлодарской областей подписали меморандум с губернатором Омской области.",
     {("Карагандинская область", PAVLODAR), ("Карагандинская область", OMSK), (PAVLODAR, OMSK)}),
    # a document with each
    ("Акимы Карагандинской и Павлодарской областей подписали соглашения с губернатором Омской области.",
     {("Карагандинская область", OMSK), (PAVLODAR, OMSK)}),
])
def test_the_signatories_of_one_document_all_sign_with_each_other(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}
