"""parties.py: the sides a clause leaves to be read (`стороны`, `регионы`, a clause without a
subject) and the signatories of one document."""
from itertools import combinations

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


@pytest.mark.parametrize("text,expected", [
    # `стороны` after a meeting the head named by office alone (`губернатор`) took part in
    ("Губернатор Омской области прибыл в Алматы. Правительство Омской области и акимат Алматы "
     "подписали соглашение. Затем губернатор встретился с акимом Алматинской области. По итогам "
     "встречи стороны подписали меморандум.",
     {(OMSK, "Алматы"), (OMSK, "Алматинская область")}),
    ("Аким Павлодарской области посетил Новосибирскую область и подписал соглашение с "
     "губернатором. Кроме того, аким провел переговоры с главой Республики Алтай. Стороны "
     "подписали протокол о туризме.",
     {(PAVLODAR, "Новосибирская область"), (PAVLODAR, "Республика Алтай")}),
    # a sentence about the region's other ties is no meeting: the article's pair
    ("Аким Павлодарской области провел переговоры с губернатором Омской области. Губернатор "
     "напомнил о соглашении 2011 года. Павлодарская область сотрудничает и с Томской областью. "
     "Стороны подписали план мероприятий.", {(OMSK, PAVLODAR)}),
])
def test_storony_are_the_pair_of_the_meeting_before(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}


@pytest.mark.parametrize("text,expected", [
    # `X ... с Y и Z, с которыми`: X the speaker, Y and Z its partners
    ("Гомельская область поддерживает связи со Смоленской и Калужской областями, с которыми "
     "заключены соглашения о сотрудничестве.",
     {("Гомельская область", "Смоленская область"), ("Гомельская область", "Калужская область")}),
    ("Омская область дружит с Павлодарской и Костанайской областями, с каждой из которых "
     "подписан меморандум.", {(OMSK, PAVLODAR), (OMSK, "Костанайская область")}),
    # `аналогичные программы`: documents like those named before
    ("Брестская область подписала программу сотрудничества с Калужской областью. Ранее "
     "аналогичные программы были подписаны с Тульской и Орловской областями.",
     {("Брестская область", "Калужская область"), ("Брестская область", "Тульская область"),
      ("Брестская область", "Орловская область")}),
])
def test_partners_named_before_a_relative_clause(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}


@pytest.mark.parametrize("text,expected", [
    # a count of documents is a document with each partner, not one of all three
    ("Аким Павлодарской области подписал два меморандума с губернаторами Омской и Томской "
     "областей.", {(PAVLODAR, OMSK), (PAVLODAR, "Томская область")}),
    ("Аким Павлодарской области подписал 3 соглашения с губернаторами Омской и Томской областей.",
     {(PAVLODAR, OMSK), (PAVLODAR, "Томская область")}),
    # one document: all who signed it with each other
    ("Аким Павлодарской области и губернатор Омской области подписали меморандум с губернатором "
     "Томской области.", {(PAVLODAR, OMSK), (PAVLODAR, "Томская область"), (OMSK, "Томская область")}),
])
def test_counted_documents_are_one_per_partner(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}


@pytest.mark.parametrize("text,expected", [
    # `стороны` after a visit to a country's minister, then a regional meeting
    ("Губернатор Омской области посетил Узбекистан. Он встретился с министром торговли Республики "
     "Узбекистан. Стороны подписали дорожную карту между Омской областью и Узбекистаном. Затем "
     "губернатор провел переговоры с хокимом Наманганской области. В ходе встречи стороны "
     "подписали соглашение.", {(OMSK, "Наманганская область")}),
    # `по итогам встречи` reaches past sentences on what the talks were about
    ("Аким Павлодарской области провел переговоры с губернатором Томской области. Павлодарская "
     "область – крупный партнер Сибири. Стороны обсудили туризм. Также говорили о торговле. По "
     "итогам встречи подписан меморандум. Ранее область подписала соглашение с Омской областью.",
     {(PAVLODAR, "Томская область"), (PAVLODAR, OMSK)}),
    # a meeting said otherwise (`принял делегацию`): the pair that acts in the sentence before
    ("Аким Павлодарской области принял делегацию Томской области. Стороны обсудили вопросы воды. "
     "По итогам встречи подписан протокол. Ранее такой же документ подписан с Омской областью.",
     {(PAVLODAR, "Томская область"), (PAVLODAR, OMSK)}),
    # a long report: the talks five sentences before `итогом переговоров`
    ("Губернатор Омской области прибыл в Павлодар. В акимате прошли переговоры губернатора с "
     "акимом Павлодарской области. Стороны обсудили энергетику. «Омская область – наш партнер», – "
     "сказал аким. Аким напомнил, что область подписала соглашения с Томской и Курганской "
     "областями. Товарооборот области с Россией вырос. Итогом переговоров стало подписание "
     "соглашения о сотрудничестве.",
     {(PAVLODAR, OMSK), (PAVLODAR, "Томская область"), (PAVLODAR, "Курганская область")}),
    # heads the clause names bare, each named in full before
    ("Хоким Андижанской области встретился с полномочным представителем президента в Ошской "
     "области. Присутствовал губернатор Омской области. Стороны обсудили воду. Затем полпред и "
     "хоким подписали протокол.", {("Андижанская область", "Ошская область")}),
])
def test_a_signing_closes_the_meeting_it_names(make_doc, text, expected):
    assert pairs(make_doc, text) == {frozenset(pair) for pair in expected}


@pytest.mark.parametrize("text,expected", [
    # one document of all the regions a council names
    ("В Омске прошло совещание руководителей регионов: губернаторов Омской и Тюменской областей, "
     "акимов Павлодарской и Северо-Казахстанской областей. Обсуждались паводки. По итогам "
     "совещания руководители регионов подписали соглашение о взаимодействии.",
     {frozenset(p) for p in combinations((OMSK, "Тюменская область", PAVLODAR, "Северо-Казахстанская область"), 2)}),
    ("Губернатор Омской области провел встречу с акимами Павлодарской и Костанайской областей. "
     "Руководители регионов подписали меморандум о паводках.",
     {frozenset(p) for p in combinations((OMSK, PAVLODAR, "Костанайская область"), 2)}),
    # `стороны` are two unless a word says more (test_parties: `трехстороннее`)
    ("Губернатор Омской области провел встречу с акимами Павлодарской и Костанайской областей. "
     "Стороны подписали меморандум о паводках.", {frozenset((OMSK, PAVLODAR))}),
])
def test_a_document_after_a_meeting_of_several_is_theirs(make_doc, text, expected):
    assert pairs(make_doc, text) == expected


def test_a_signing_naming_none_is_of_the_two_regions_named_before_it(make_doc):
    text = ("Делегация Омской области побывала в Павлодарской области. Гости посетили заводы. Делегация "
            "встретилась с аграриями. Документ о сотрудничестве, подписанный по итогам визита, охватывает "
            "образование. Также делегация провела переговоры с представителями Томской области.")
    assert pairs(make_doc, text) == {frozenset((OMSK, PAVLODAR))}
