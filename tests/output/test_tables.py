from decimal import Decimal

import pytest

from pipeline.output.tables import build_tables, plain_number
from pipeline.records import Article, Extraction, Link, ReadError, Sum

SPEC_COLUMNS = {
    "articles": "article_id, source, title, published, date, date_source, outlet, url, n_chars, regions, n_officials, n_sums, memoranda_total, status",
    "regions": "article_id, region, region_code, country, mentions, forms, start, end, sentence",
    "officials": "article_id, person, position, organization, region, mentions, forms, start, end, sentence",
    "sums": "article_id, amount, amount_max, currency, qualifier, text, start, end, sentence",
    "memoranda": "article_id, count, count_text, document, document_id, at_event, parties, text, start, end, sentence",
    "links": "article_id, region_a, region_b, document, document_id, at_event, count, sentence",
    "errors": "article_id, source, error",
    "network": "region_a, region_b, country_a, country_b, cross_border, articles, documents, memoranda_total, first_date, last_date",
}


def test_every_spec_table_has_exactly_the_spec_columns():
    frames = build_tables([], [])
    for name, columns in SPEC_COLUMNS.items():
        assert list(frames[name].columns) == columns.split(", ")


@pytest.mark.parametrize("value, text", [
    (Decimal("1400000000000"), "1400000000000"),
    (Decimal("1.4E+12"), "1400000000000"),
    (Decimal("477600000000.0"), "477600000000"),
    (Decimal("2.50"), "2.5"),
    (None, None),
])
def test_amounts_are_plain_exact_numbers(value, text):
    assert plain_number(value) == text


def sum_at(start):
    return Sum(Decimal(start), None, "KZT", None, "", start, start + 1, "")


def test_rows_sorted_by_article_then_start_and_errors_listed():
    b = Extraction(Article("b", "b.txt", "x"), sums=[sum_at(9), sum_at(2)])
    a = Extraction(Article("a", "a.txt", "x"), sums=[sum_at(5)],
                   links=[Link("Алматы", "Астана", "соглашение", 1, "", "a#1", True)])
    frames = build_tables([b, a], [ReadError("c", "c.pdf", "unsupported format .pdf")])
    assert list(zip(frames["sums"]["article_id"], frames["sums"]["start"])) == [("a", 5), ("b", 2), ("b", 9)]
    assert list(frames["articles"]["status"]) == ["ok", "ok", "error"]
    assert frames["errors"].to_dict("records") == [
        {"article_id": "c", "source": "c.pdf", "error": "unsupported format .pdf"}]
    assert frames["network"].to_dict("records") == [
        {"region_a": "Алматы", "region_b": "Астана", "country_a": "KZ", "country_b": "KZ",
         "cross_border": False, "articles": 1, "documents": 1, "memoranda_total": 0,
         "first_date": None, "last_date": None}]
