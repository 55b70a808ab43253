"""What the report reads of the tables, queried from the row store: summaries that count a story
once and add amounts exactly, the first rows, and the rows of the articles on a page."""
from dataclasses import replace
from decimal import Decimal

import pytest

from pipeline.corpus.duplicates import fingerprint
from pipeline.records import ReadError, Sum
from tests.output.test_report import TEXT, report_tables, sample


def with_sums(ex, *sums):
    return replace(ex, sums=[Sum(Decimal(amount), None, currency, None, amount, 0, 1, "")
                             for amount, currency in sums])


@pytest.fixture()
def data():
    """a1 and a3 two stories, a2 a repost of a1 (its rows counted nowhere), one error row."""
    a1 = replace(with_sums(sample("a1"), ("0.1", "USD"), ("1400000000000", "KZT")), fingerprint=fingerprint(TEXT))
    a2 = replace(with_sums(sample("a2"), ("9", "EUR")), fingerprint=fingerprint("Источник: агентство\n" + TEXT))
    a3 = with_sums(sample("a3"), ("0.2", "USD"), ("0.30", "USD"))
    with report_tables([a3, a1, a2], [ReadError("bad", "in/bad.pdf", "not a text file")]) as tables:
        yield tables


def test_counts_leave_the_reposts_out_where_asked(data):
    assert (data.count("articles"), data.extracted(), data.count("errors")) == (4, 3, 1)
    assert (data.count("officials"), data.count("officials", stories=True)) == (6, 4)
    assert data.reposts == {"a2": "a1"}


def test_sums_by_currency_add_up_exactly_and_leave_the_reposts_out(data):
    rows = data.sums_overview().to_dict("records")
    assert rows == [
        {"currency": "USD", "sums": 3, "articles": 2, "total": Decimal("0.60"), "largest": Decimal("0.30")},
        {"currency": "KZT", "sums": 1, "articles": 1, "total": Decimal("1400000000000"),
         "largest": Decimal("1400000000000")},
    ]


def test_regions_are_counted_by_story_with_their_memoranda(data):
    rows = data.regions_overview().to_dict("records")
    assert rows == [
        {"region": "Атырауская область", "country": "KZ", "articles": 2, "mentions": 4, "memoranda_total": 2},
        {"region": "Мангистауская область", "country": "KZ", "articles": 2, "mentions": 2, "memoranda_total": 2},
    ]


@pytest.mark.parametrize("limit, expected", [(1, ["a1"]), (3, ["a1", "a2", "a3"]), (9, ["a1", "a2", "a3", "bad"])])
def test_the_first_articles_in_the_csvs_order(data, limit, expected):
    assert data.articles(limit)["article_id"].tolist() == expected


def test_a_pages_rows_are_those_of_its_articles_only(data):
    rows = data.rows_of(["a3", "a2"], {"sums": ["amount", "currency"], "links": ["region_a"]})
    assert rows["sums"] == {"a2": [("9", "EUR")], "a3": [("0.2", "USD"), ("0.3", "USD")]}  # plain digits, as in sums.csv
    assert sorted(rows["links"]) == ["a2", "a3"]
    assert data.rows_of(["a1"], {"sums": ["currency"]}) == {"sums": {"a1": [("USD",), ("KZT",)]}}


def test_filters_offer_each_articles_countries_and_documents_up_to_an_id(data):
    assert data.filter_values("a2") == {"a1": ("KZ", "меморандум"), "a2": ("KZ", "меморандум")}
    assert (data.countries(), data.documents()) == (["KZ"], ["меморандум"])
