"""network.py: distinct documents, memoranda at the event within the articles' totals, countries, dates."""
import pytest

from pipeline.corpus.network import network_rows
from pipeline.engine.run import extract_article
from pipeline.output.tables import build_tables
from pipeline.records import Article, Link

OMSK_PAVLODAR = ("Омская область", "Павлодарская область")


def link_row(article_id, document, count, document_id, at_event=True, pair=OMSK_PAVLODAR):
    return {"article_id": article_id, **vars(Link(*pair, document, count, ".", document_id, at_event))}


def article_row(article_id, memoranda_total, date=None, duplicate_of=None):
    return {"article_id": article_id, "memoranda_total": memoranda_total, "date": date,
            "duplicate_of": duplicate_of}


def test_sums_over_articles_distinct_documents_and_dates():
    links = [link_row("a", "меморандум", 3, "a#1"),
             link_row("b", "меморандум; соглашение", 2, "b#1"),
             link_row("b", "соглашение", 1, "b#2"),
             link_row("b", "соглашение", 1, "b#3", pair=("Курганская область", "Омская область"))]
    articles = [article_row("a", 3, "2021-05-01"), article_row("b", 2, "2019-03-05")]
    network = {(r["region_a"], r["region_b"]): r for r in network_rows(links, articles)}
    assert network[OMSK_PAVLODAR] == {
        "region_a": "Омская область", "region_b": "Павлодарская область", "country_a": "RU",
        "country_b": "KZ", "cross_border": True, "articles": 2, "documents": 3,
        "memoranda_total": 5, "first_date": "2019-03-05", "last_date": "2021-05-01"}
    kurgan = network[("Курганская область", "Омская область")]
    assert (kurgan["cross_border"], kurgan["memoranda_total"], kurgan["first_date"]) == (False, 0, "2019-03-05")


@pytest.mark.parametrize("links,articles,total", [
    # signed earlier: a document of the pair, but no memoranda of the event
    ([link_row("a", "меморандум", 52, "a#1", at_event=False)], [article_row("a", None)], 0),
    # never above what the article itself reports
    ([link_row("a", "меморандум", 4, "a#1"), link_row("a", "меморандум", 4, "a#2")],
     [article_row("a", 4)], 4),
    # a repeated story counts once
    ([link_row("a", "меморандум", 2, "a#1"), link_row("b", "меморандум", 2, "b#1")],
     [article_row("a", 2), article_row("b", 2, duplicate_of="a")], 2),
])
def test_memoranda_total_only_at_the_event_within_the_articles_totals(links, articles, total):
    assert [r["memoranda_total"] for r in network_rows(links, articles)] == [total]


ONE_DOCUMENT_THREE_NAMES = (
    "Омская и Павлодарская области подписали соглашение о сотрудничестве.\n"
    "Документ подписали губернатор Омской области и аким Павлодарской области.\n"
    "Подписанный договор рассчитан на пять лет.\n"
    "В 2015 году Омская и Курганская области уже подписали три меморандума о дружбе.")


def test_an_article_naming_one_agreement_three_ways_and_an_earlier_memorandum():
    tables = build_tables([extract_article(Article("x", "x.txt", ONE_DOCUMENT_THREE_NAMES,
                                                   published="2022-06-01"))], [])
    memoranda = tables["memoranda"]
    assert list(zip(memoranda["document"], memoranda["document_id"], memoranda["at_event"])) == [
        ("соглашение", "x#1", True), ("документ", "x#1", True), ("договор", "x#1", True),
        ("меморандум", "x#2", False)]
    links = tables["links"]
    assert list(zip(links["region_b"], links["document_id"], links["at_event"])) == [
        ("Омская область", "x#2", False), ("Павлодарская область", "x#1", True)]
    network = {r["region_b"]: r for r in tables["network"].to_dict("records")}
    assert (network["Павлодарская область"]["documents"], network["Омская область"]["documents"]) == (1, 1)
    assert network["Омская область"]["memoranda_total"] == 0
    assert tables["articles"]["memoranda_total"].isna().all()
    assert network["Павлодарская область"]["first_date"] == "2022-06-01"
