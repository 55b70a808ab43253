"""read/batches.py: every row on its own, broken quoting found, the rows after it kept."""
from __future__ import annotations

import json

import pytest

from pipeline.read.inputs import read_inputs
from pipeline.records import Article, ReadError

from .common import TEXT, read_one


def summary(results):
    return [(r.article_id, "ok" if isinstance(r, Article) else r.error) for r in results]




def test_jsonl_broken_lines_do_not_stop_the_others(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [json.dumps({"id": "r1", "text": TEXT, "title": "Заголовок", "published": "2021-04-12",
                        "url": "https://www.example.kz/news/1"}, ensure_ascii=False),
            "{not json",
            json.dumps({"text": "нет идентификатора"}, ensure_ascii=False),
            json.dumps({"id": "r4"}),
            json.dumps({"id": "r5", "text": 42}),
            "",
            json.dumps({"id": 6, "text": "Второй текст"}, ensure_ascii=False)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    results = list(read_inputs([path]))
    assert [type(r).__name__ for r in results] == [
        "Article", "ReadError", "ReadError", "ReadError", "ReadError", "Article"]
    first, last = results[0], results[-1]
    assert (first.article_id, first.source, first.title, first.published, first.outlet) == (
        "r1", f"{path}#1", "Заголовок", "2021-04-12", "example.kz")
    assert "not valid JSON" in results[1].error and results[1].source == f"{path}#2"
    assert "no 'id'" in results[2].error
    assert "no 'text'" in results[3].error and results[3].article_id == "r4"
    assert "not a string" in results[4].error
    assert (last.article_id, last.text, last.source) == ("6", "Второй текст", f"{path}#7")


def test_csv_with_bom_and_a_bad_row(tmp_path):
    path = tmp_path / "batch.csv"
    body = 'id,text,title\nc1,"Первая строка\r\nвторая строка",Заголовок\nc2,,\n,текст без id,\n'
    path.write_bytes(body.encode("utf-8-sig"))
    results = list(read_inputs([path]))
    assert isinstance(results[0], Article)
    assert results[0].text == "Первая строка\nвторая строка" and results[0].source == f"{path}#1"
    assert isinstance(results[1], ReadError) and results[1].article_id == "c2"
    assert isinstance(results[2], ReadError) and "no 'id'" in results[2].error


def test_csv_long_article_cell(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text('id,text\nL1,"' + "слово " * 40000 + '"\n', encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article) and len(article.text) == 240000


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text("id,body\n1,текст\n", encoding="utf-8")
    assert "no text column" in read_one(path).error


def test_batches_stream_past_the_file_limit_and_limit_each_row(tmp_path):
    rows = [{"id": f"r{i}", "text": "Статья о сотрудничестве областей. " * 3} for i in range(40)]
    rows.append({"id": "huge", "text": "а" * 600})
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items = list(read_inputs([path], max_bytes=500))  # the file is far over 500 bytes
    assert sum(isinstance(i, Article) for i in items) == 40
    [error] = [i for i in items if isinstance(i, ReadError)]
    assert (error.article_id, error.error) == ("huge", "text too large: 1.2 KB, the limit is 500 bytes")


def test_cp1251_csv_batch(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_bytes("id,text\nk1,Акимат Костанайской области\n".encode("cp1251"))
    [article] = read_inputs([path])
    assert (article.article_id, article.text) == ("k1", "Акимат Костанайской области")


def write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                    encoding="utf-8")


def test_jsonl_a_url_python_cannot_parse_spoils_no_other_row(tmp_path):
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, [{"id": "u1", "text": "Первая статья.", "url": "http://[::1"},
                       {"id": "u2", "text": "Вторая статья.", "url": "https://www.news.kz/a"},
                       {"id": "u3", "text": "Третья статья."}])
    results = list(read_inputs([path]))
    assert [(r.article_id, r.outlet) for r in results] == [("u1", None), ("u2", "news.kz"),
                                                          ("u3", None)]


def test_jsonl_lone_surrogate_is_replaced_and_the_next_row_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, ['{"id": "s1", "text": "Аким\\ud800 области", "title": "x\\udfffy"}',
                       '{"id": "s\\ud800", "text": "Вторая статья."}',
                       {"id": "s3", "text": "Третья статья."}])
    results = list(read_inputs([path]))
    assert [(r.article_id, r.text, r.title) for r in results] == [
        ("s1", "Аким\ufffd области", "x\ufffdy"), ("s\ufffd", "Вторая статья.", None),
        ("s3", "Третья статья.", None)]


def test_jsonl_control_characters_from_escapes_are_dropped(tmp_path):
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, ['{"id": "c\\u0000 1", "text": "Аки\\u0000м\\u0007 об\\u001bласти\\n\\tабзац",'
                       ' "title": "За\\u0000головок\\u0085", "outlet": "Вест\\u0001ник"}'])
    article = read_one(path)
    assert (article.article_id, article.text, article.title, article.outlet) == (
        "c 1", "Аким области\n\tабзац", "Заголовок", "Вестник")


def test_jsonl_a_line_far_over_the_limit_is_skipped_unread(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "а" * 700_000}, ensure_ascii=False)
                    + '\n{"id": "next", "text": "Да"}\n', encoding="utf-8")
    results = list(read_inputs([path], max_bytes=10))  # a line may take 6 × 10 bytes + 1 MB
    assert summary(results) == [("batch#1", "line 1 is over 1.0 MB, larger than any article: "
                                            "not read"), ("next", "ok")]


def test_duplicate_row_ids_are_made_unique_in_order(tmp_path):
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, [{"id": "d", "text": "Первая."}, {"id": "d", "text": "Вторая."},
                       {"id": "d~2", "text": "Третья."}, {"id": "d", "text": "Четвёртая."}])
    assert [r.article_id for r in read_inputs([path])] == ["d", "d~2", "d~2~2", "d~3"]


CSV_BROKEN = [
    ('id,text\na1,"Первая статья\nс продолжением\na2,"Вторая статья"\na3,Третья\n',
     [("batch#1", "row 'a1', lines 2–3: a quoted field runs on into the rows after it "
                  "(',' expected after '\"'); not read"), ("a2", "ok"), ("a3", "ok")]),
    ('id,text\na1,Первая\na2,"Вторая без конца\nеё второй абзац\na3,Третья\na4,Четвёртая\n',
     [("a1", "ok"), ("batch#2", "row 'a2', lines 3–4: a quote opened in line 3 is never "
                                "closed; not read"), ("a3", "ok"), ("a4", "ok")]),
    ('id,text\na1,Первая\na2,"Последняя без конца\n',
     [("a1", "ok"), ("batch#2", "row 'a2', line 3: a quote opened in line 3 is never closed; "
                                "not read")]),
    ('id,text,title\na1,Первая,Заголовок,лишнее\na2,Вторая\n',
     [("batch#1", "row 1 has 4 fields, the header 3: a stray separator or quote"), ("a2", "ok")]),
    ('id,text\na1,"Он сказал ""да"" и ушёл"\na2,Текст с "кавычками" внутри\n'
     'a3,"Текст "в кавычках" без удвоения"\n',
     [("a1", "ok"), ("a2", "ok"), ("a3", "ok")]),
]


@pytest.mark.parametrize("body,expected", CSV_BROKEN,
                         ids=["quote-runs-into-next-row", "quote-open-to-the-end",
                              "last-row-open", "extra-field", "stray-quotes-in-one-line"])
def test_csv_broken_quoting_is_an_error_row_and_the_other_rows_are_read(tmp_path, body, expected):
    path = tmp_path / "batch.csv"
    path.write_text(body, encoding="utf-8")
    results = list(read_inputs([path]))
    assert summary(results) == expected
    assert [r.source for r in results] == [f"{path}#{n}" for n in range(1, len(expected) + 1)]


def test_csv_row_texts_after_a_broken_row_are_whole(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text('id,text\na1,"Первая\na2,"Вторая\nвторой абзац"\n', encoding="utf-8")
    results = list(read_inputs([path]))
    assert (results[1].article_id, results[1].text) == ("a2", "Вторая\nвторой абзац")


@pytest.mark.parametrize("padding", [0, 2 * 1024 * 1024], ids=["first-MB", "after-first-MB"])
def test_csv_nul_bytes_make_their_row_an_error_wherever_they_are(tmp_path, padding):
    path = tmp_path / "batch.csv"
    rows = "".join(f"p{i},{'Статья о торговле. ' * 30}\n" for i in range(padding // 1000))
    path.write_bytes(("id,text\n" + rows).encode("utf-8") + "n1,Текст\x00с нулём\nlast,Последняя\n"
                     .encode("utf-8"))
    results = list(read_inputs([path]))
    assert summary(results[-2:]) == [
        (f"batch#{len(results) - 1}",
         f"row {len(results) - 1}: binary content: the row contains NUL bytes, it is not text"),
        ("last", "ok")]
    assert all(isinstance(r, Article) for r in results[:-2])


def test_csv_a_quote_left_open_over_a_large_file_stops_at_the_row_limit(tmp_path):
    path = tmp_path / "batch.csv"
    lines = 300_000  # 2.1 M characters, over the 1 MB a row may take with max_bytes=10
    path.write_text('id,text\nbig,"Начало\n' + "строка\n" * lines + "ok,Да\n", encoding="utf-8")
    results = list(read_inputs([path], max_bytes=10))
    assert summary(results) == [
        ("batch#1", f"row 'big', lines 2–{lines + 2}: over 1.0 MB, larger than any article "
                    "(a quote left open?); not read"), ("ok", "ok")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_csv_batch_with_bom(tmp_path, encoding):
    path = tmp_path / "batch.csv"
    path.write_bytes("\ufeffid,text\nw1,Акимат области\n".encode(encoding))
    [article] = read_inputs([path])
    assert (article.article_id, article.text) == ("w1", "Акимат области")


@pytest.mark.parametrize("separator, encoding", [(";", "cp1251"), (";", "utf-8-sig"), ("\t", "utf-8"),
                                                 (",", "cp1251")])
def test_csv_as_russian_excel_saves_it(tmp_path, separator, encoding):
    path = tmp_path / "excel.csv"
    rows = [["id", "text", "date", "url"],
            ["e1", "Аким Павлодарской области подписал меморандум; это важно, сказал он.", "2019-03-05",
             "https://www.example.kz/news/1"]]
    path.write_bytes("\r\n".join(separator.join(f'"{cell}"' for cell in row) for row in rows).encode(encoding))
    article = read_one(path)
    assert article == Article("e1", f"{path}#1", rows[1][1], published="2019-03-05", outlet="example.kz",
                              url="https://www.example.kz/news/1", date="2019-03-05", date_source="batch")


def test_published_wins_over_date_in_a_batch(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "Текст.", "published": "2020-01-02", "date": "2019-03-05"}),
                    encoding="utf-8")
    assert read_one(path).published == "2020-01-02"


@pytest.mark.parametrize("fields, published", [
    ({"published": "2020-01-02", "date": "2019-03-05"}, "2020-01-02"),
    ({"date": "2019-03-05"}, "2019-03-05"),
    ({}, None),
])
def test_a_batch_rows_own_date_is_its_published_date_and_the_date_to_filter_by(tmp_path, fields, published):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "Текст.", **fields}), encoding="utf-8")
    article = read_one(path)
    assert (article.published, article.date, article.date_source) == (
        published, published, "batch" if published else None)
