from decimal import Decimal

import pytest

from pipeline.output.tables import build_tables, cap_sentence, plain_number
from pipeline.records import Article, Extraction, Link, ReadError, Sum

SPEC_COLUMNS = {
    "articles": "article_id, source, title, published, outlet, n_chars, regions, n_officials, n_sums, memoranda_total, status",
    "regions": "article_id, region, region_code, country, mentions, forms, start, end, sentence",
    "officials": "article_id, person, position, organization, region, mentions, forms, start, end, sentence",
    "sums": "article_id, amount, amount_max, currency, qualifier, text, start, end, sentence",
    "memoranda": "article_id, count, count_text, document, parties, text, start, end, sentence",
    "links": "article_id, region_a, region_b, document, count, sentence",
    "errors": "article_id, source, error",
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
                   links=[Link("Алматы", "Астана", "соглашение", 1, "")])
    frames = build_tables([b, a], [ReadError("c", "c.pdf", "unsupported format .pdf")])
    assert list(zip(frames["sums"]["article_id"], frames["sums"]["start"])) == [("a", 5), ("b", 2), ("b", 9)]
    assert list(frames["articles"]["status"]) == ["ok", "ok", "error"]
    assert frames["errors"].to_dict("records") == [
        {"article_id": "c", "source": "c.pdf", "error": "unsupported format .pdf"}]
    assert frames["network"].to_dict("records") == [
        {"region_a": "Алматы", "region_b": "Астана", "articles": 1, "documents": 1, "memoranda_total": 0}]


def test_a_huge_sentence_is_cut_around_its_mention_and_marked():
    filler = "Слова без конца и края. " * 5000  # 120 KB
    sentence = filler + "Выделено 5 млн тенге на ремонт. " + filler
    text = sentence
    at = text.index("5 млн тенге")
    ex = Extraction(Article("a", "a.txt", text),
                    sums=[Sum(Decimal(5000000), None, "KZT", None, "5 млн тенге", at, at + 11, sentence)],
                    links=[Link("Омская область", "Павлодарская область", "меморандум", 1, sentence)])
    frames = build_tables([ex], [])
    cut = frames["sums"]["sentence"][0]
    assert len(cut) == 1002 and cut.startswith("…") and cut.endswith("…")
    assert "Выделено 5 млн тенге на ремонт." in cut
    head = frames["links"]["sentence"][0]
    assert head == sentence[:1000] + "…"


def test_a_sentence_within_the_cap_is_kept_whole():
    assert cap_sentence("Короткое предложение.", "предложение") == "Короткое предложение."
