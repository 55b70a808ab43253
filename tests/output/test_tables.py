from decimal import Decimal

import pytest

from pipeline.corpus.duplicates import fingerprint
from pipeline.output.tables import build_tables, cap_sentence, plain_number
from pipeline.records import Article, Extraction, Link, Official, ReadError, Region, Sum

SPEC_COLUMNS = {
    "articles": "article_id, source, title, published, date, date_source, outlet, url, n_chars, regions, n_officials, n_sums, memoranda_total, duplicate_of, status",
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


def signed(article_id, text, date=None):
    regions = [Region("Алматы", "KZ-75", "KZ", 1, ("Алматы",), 0, 6, ""),
               Region("Астана", "KZ-71", "KZ", 1, ("Астаны",), 9, 15, "")]
    officials = [Official("Ерлан Кожагапанов", "аким", None, "Астана", 1, ("Е. Кожагапанов",), 20, 30, "")]
    return Extraction(Article(article_id, f"{article_id}.txt", text, published=date), regions=regions,
                      officials=officials, links=[Link("Алматы", "Астана", "соглашение", 1, "")],
                      fingerprint=fingerprint(text))


STORY = ("Алматы и акимат Астаны подписали соглашение о сотрудничестве в сфере туризма, транспорта "
         "и образования; аким Ерлан Кожагапанов назвал его важным шагом для обоих городов страны.")


def test_a_repost_is_marked_and_the_corpus_tables_count_the_story_once():
    frames = build_tables([signed("orig", STORY, "2020-05-01"),
                           signed("copy", "Источник: сайт акимата\n" + STORY + "\nФото: пресс-служба", "2020-05-02"),
                           signed("other", "Совсем другая новость о погоде и урожае в северных областях "
                                           "страны, где прошли сильные дожди.", "2021-01-01")], [])
    assert dict(zip(frames["articles"]["article_id"], frames["articles"]["duplicate_of"].fillna(""))) == {
        "copy": "orig", "orig": "", "other": ""}
    assert frames["network"][["region_a", "region_b", "articles", "documents"]].to_dict("records") == [
        {"region_a": "Алматы", "region_b": "Астана", "articles": 2, "documents": 2}]
    assert frames["people"][["person", "articles", "first_date", "last_date"]].to_dict("records") == [
        {"person": "Ерлан Кожагапанов", "articles": 2, "first_date": "2020-05-01", "last_date": "2021-01-01"}]
    assert frames["nodes"].to_dict("records") == [
        {"region": "Алматы", "region_code": "KZ-75", "country": "KZ", "articles": 2, "links": 1, "documents": 2},
        {"region": "Астана", "region_code": "KZ-71", "country": "KZ", "articles": 2, "links": 1, "documents": 2}]
    assert len(frames["links"]) == 3  # per-article tables keep every article's rows


def test_the_batch_url_is_kept():
    frames = build_tables([Extraction(Article("a", "b.jsonl#1", "x", url="https://example.kz/n/1"))], [])
    assert frames["articles"]["url"].tolist() == ["https://example.kz/n/1"]


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
