"""read.py: every input kind, every bad input, directory order."""
from __future__ import annotations

import json

import pytest

from pipeline.read.inputs import MAX_BYTES, read_inputs
from pipeline.records import Article, ReadError

TEXT = ("Аким Павлодарской области и губернатор Омской области подписали меморандум "
        "о сотрудничестве в сфере сельского хозяйства.\nВторой абзац о торговле.\n")


def read_one(path, **kw):
    results = list(read_inputs([path], **kw))
    assert len(results) == 1
    return results[0]


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    TEXT.encode("utf-8-sig"),
    TEXT.encode("cp1251"),
    TEXT.encode("koi8_r"),
    b"\xff\xfe" + TEXT.encode("utf-16-le"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"),
    TEXT.replace("\n", "\r\n").encode("cp1251"),
], ids=["utf8", "utf8-bom", "cp1251", "koi8r", "utf16le-bom", "utf16be-bom", "crlf-cp1251"])
def test_txt_encodings(tmp_path, data):
    path = tmp_path / "a1.txt"
    path.write_bytes(data)
    article = read_one(path)
    assert article == Article("a1", str(path), TEXT)


def test_utf8_with_truncated_last_character_stays_utf8(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(TEXT.encode("utf-8") + "область".encode("utf-8")[:-1])
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text.startswith(TEXT) and "облас" in article.text


HTML = """<!DOCTYPE html><html lang="ru"><head>
<meta charset="{charset}"><title>Области подписали меморандум | Вестник</title>
<meta property="article:published_time" content="2019-03-05T17:04:00+06:00"></head><body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/news">Новости</a></li></ul></nav>
<div class="currency">Курс валют USD 480,50 EUR 520,10</div>
<article><h1>Области подписали меморандум</h1>
<p>В областном центре состоялась встреча руководителей двух соседних регионов, на которой
обсуждались вопросы торговли, логистики и совместных инвестиционных проектов.</p>
<p>По итогам встречи стороны подписали меморандум о сотрудничестве в сфере сельского
хозяйства, промышленности и туризма на ближайшие три года.</p>
<p>Участники отметили, что товарооборот между регионами за прошлый год вырос почти на треть.</p>
</article><aside class="ads">Реклама: лучшие кредиты</aside>
<footer>Copyright © 2007-2019 Вестник. Все права защищены.</footer></body></html>"""


@pytest.mark.parametrize("charset,encoding", [("utf-8", "utf-8"), ("windows-1251", "cp1251")])
def test_html_article_text_title_date(tmp_path, charset, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(HTML.format(charset=charset).encode(encoding))
    article = read_one(path)
    assert isinstance(article, Article)
    assert "подписали меморандум о сотрудничестве" in article.text
    for chrome in ("Главная", "Курс валют", "Реклама", "Copyright", "<p>"):
        assert chrome not in article.text
    assert article.title.startswith("Области подписали меморандум")
    assert article.published == "2019-03-05"


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>Т</title></head><body><script>var a;</script></body></html>",
                    encoding="utf-8")
    assert "no article text" in read_one(path).error


def test_jsonl_broken_lines_do_not_stop_the_others(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [json.dumps({"id": "r1", "text": TEXT, "title": "Заголовок", "published": "2021-04-12",
                        "url": "https://www.example.kz/news/1"}, ensure_ascii=False),
            "{not json",
            json.dumps({"text": "нет идентификатора"}, ensure_ascii=False),
            json.dumps({"id": "r4"}),
            json.dumps({"id": "r5", "text": 42}),
            "",
            json.dumps({"id": 6, "text": "Второй текст", "date": "2020-01-31"}, ensure_ascii=False)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    results = list(read_inputs([path]))
    assert [type(r).__name__ for r in results] == [
        "Article", "ReadError", "ReadError", "ReadError", "ReadError", "Article"]
    first, last = results[0], results[-1]
    assert (first.article_id, first.source, first.title, first.published, first.outlet) == (
        "r1", f"{path}#1", "Заголовок", "2021-04-12", "example.kz")
    assert (first.url, first.date, last.date) == ("https://www.example.kz/news/1", None, "2020-01-31")
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


BAD = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\r\n  ", "only whitespace"),
    ("nul.txt", b"abc\x00\x01\x02def" * 10, "binary content"),
    ("ctrl.txt", bytes(range(1, 9)) * 20 + b"text", "binary content"),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
    ("garbage.txt", bytes(range(128, 256)) * 4, "undecodable"),
    ("doc.pdf", b"%PDF-1.7", "unsupported format .pdf: save the article as .txt or .html"),
    ("doc.docx", b"PK\x03\x04", "unsupported format .docx"),
]


@pytest.mark.parametrize("name,data,reason", BAD, ids=[case[0] for case in BAD])
def test_bad_inputs_become_read_errors(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert reason in error.error
    assert (error.article_id, error.source) == (path.stem, str(path))


def test_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    error = read_one(path, max_bytes=100)
    assert isinstance(error, ReadError)
    assert "too large" in error.error and "100 bytes" in error.error
    assert MAX_BYTES == 5 * 1024 * 1024


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")

    def denied(self):  # chmod does not stop root, so the refusal is simulated
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(type(path), "read_bytes", denied)
    assert "permission denied" in read_one(path).error


def test_missing_file(tmp_path):
    assert "not found" in read_one(tmp_path / "nope.txt").error


def test_directory_walk_is_sorted_recursive_and_skips_hidden(tmp_path):
    for rel in ["b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/x.txt", "c.pdf"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(TEXT, encoding="utf-8")
    results = list(read_inputs([tmp_path]))
    expected = ("a/c.txt", "a/z.txt", "b.txt", "c.pdf")
    assert [r.source for r in results] == [str(tmp_path / p) for p in expected]
    assert [type(r) for r in results] == [Article, Article, Article, ReadError]
    assert [r.article_id for r in results] == ["c", "z", "b", "c"]


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
