"""read/html.py: the article of a saved page, however deep its markup nests."""
from __future__ import annotations

import pytest

from pipeline.read.inputs import read_inputs
from pipeline.records import Article


def read_one(path):
    [result] = read_inputs([path])
    return result


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


PARAGRAPH = ("<p>Аким Костанайской области Пётр Сидоренко и губернатор Курганской области "
             "Олег Кузнецов обсудили поставки зерна и строительство нового пункта пропуска.</p>")


@pytest.mark.parametrize("depth", [300, 1500, 5000])
def test_html_nested_deeper_than_libxml2_allows_is_read(tmp_path, depth):
    path = tmp_path / "deep.html"
    page = ("<html><head><title>Поставки зерна</title></head><body>" + "<div>" * depth
            + PARAGRAPH * 3 + "</div>" * depth + "</body></html>")
    path.write_text(page, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text.count("Пётр Сидоренко и губернатор Курганской области") == 3
    assert "<" not in article.text
