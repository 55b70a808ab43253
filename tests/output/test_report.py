"""The review report: highlights, overview, network picture, and the page as Chromium renders it."""
import re
import shutil
import subprocess
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from pipeline.corpus.duplicates import fingerprint
from pipeline.engine import run
from pipeline.output import report, tables
from pipeline.output.network_svg import render_network
from pipeline.output.report_tables import ReportTables
from pipeline.records import (
    Article,
    Extraction,
    Link,
    Memorandum,
    Official,
    ReadError,
    Region,
    Sum,
)

TEXT = ("Аким Атырауской области Нурлан Ногаев и аким Мангистауской области Ералы Тогжанов "
        "подписали меморандум. Атырауская область закупает товары на 1 трлн 400 млрд тенге.")
VOID = {"meta", "br", "hr", "img", "input", "link", "circle", "line", "path", "rect"}


def span(text, part, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def region(name, code, *spans):
    return Region(name, code, "KZ", len(spans), (), spans[0][0], spans[0][1], "", spans=tuple(spans))


def official(person, position, region_name, *spans):
    return Official(person, position, None, region_name, len(spans), (), spans[0][0], spans[0][1], "",
                    spans=tuple(spans))


def sample(article_id="a1", title='Атырау <и> "Мангистау" & Co'):
    at1, at2 = span(TEXT, "Атырауской области"), span(TEXT, "Атырауская область")
    mg = span(TEXT, "Мангистауской области")
    s = span(TEXT, "1 трлн 400 млрд тенге")
    m = span(TEXT, "меморандум")
    return Extraction(
        Article(article_id, f"in/{article_id}.txt", TEXT, title=title, published="2018-08-29"),
        regions=[region("Атырауская область", "KZ-23", at1, at2), region("Мангистауская область", "KZ-47", mg)],
        officials=[official("Нурлан Ногаев", "аким", "Атырауская область", span(TEXT, "Нурлан Ногаев")),
                   official("Ералы Тогжанов", "аким", "Мангистауская область", span(TEXT, "Ералы Тогжанов"))],
        sums=[Sum(Decimal("1400000000000"), None, "KZT", None, TEXT[s[0]:s[1]], *s, "")],
        memoranda=[Memorandum(1, None, "меморандум", ("Атырауская область", "Мангистауская область"),
                              "меморандум", *m, "")],
        links=[Link("Атырауская область", "Мангистауская область", "меморандум", 1, "")])


class Page(HTMLParser):
    """Collects marks (kind, title, text), network nodes, and checks that every tag closes in order."""

    def __init__(self, text):
        super().__init__()
        self.stack, self.marks, self.open_marks, self.nodes, self.sections = [], [], [], [], []
        self.hidden, self.ids, self.hrefs = [], set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "mark" and "data-kind" in attrs:
            self.open_marks.append([attrs["data-kind"], attrs.get("title"), ""])
        elif tag == "mark":
            self.open_marks.append(None)
        if tag == "g" and "node" in (attrs.get("class") or "").split():
            self.nodes.append(attrs["data-region"])
        if tag == "section":
            self.sections.append(attrs.get("id"))
            if "hidden" in attrs:
                self.hidden.append(attrs.get("id"))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "row" in (attrs.get("class") or "").split():
            self.hrefs.append(attrs["href"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:  # Chromium writes <circle ...></circle>
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()
        if tag == "mark":
            mark = self.open_marks.pop()
            if mark:
                self.marks.append(tuple(mark))

    def handle_data(self, data):
        for mark in self.open_marks:
            if mark:
                mark[2] += data

    def kinds(self):
        return Counter(kind for kind, _, _ in self.marks)


@contextmanager
def report_tables(extractions, errors=()):
    """The tables of `extractions` as the report reads them."""
    with tables.collect(extractions, errors) as store:
        yield ReportTables(store, lambda: tables.corpus_tables(store))


def build(extractions, errors=(), **kwargs):
    extractions = list(extractions)
    with report_tables(extractions, errors) as data:
        return report.build_report(iter(extractions), data, **kwargs)


def test_every_mention_is_highlighted_by_kind_with_its_canonical_value():
    page = Page(build([sample()]))
    assert page.kinds() == {"region": 3, "official": 2, "sum": 1, "memorandum": 1}
    assert ("region", "Атырауская область (KZ-23, KZ)", "Атырауская область") in page.marks
    assert ("region", "Атырауская область (KZ-23, KZ)", "Атырауской области") in page.marks
    assert ("official", "Нурлан Ногаев — аким, Атырауская область", "Нурлан Ногаев") in page.marks
    assert ("sum", "1\u202f400\u202f000\u202f000\u202f000 KZT", "1 трлн 400 млрд тенге") in page.marks
    assert page.stack == []


def test_text_and_titles_are_escaped():
    html = build([sample()])
    assert "Атырау &lt;и&gt; &quot;Мангистау&quot; &amp; Co" in html
    assert "<и>" not in html


def test_nested_spans_nest_and_crossing_spans_keep_the_outer_one():
    text = "губернатор Оренбургской области Денис Паслер сказал"
    outer, inner = (0, len("губернатор Оренбургской области Денис Паслер")), span(text, "Оренбургской области")
    crossing = (span(text, "Паслер")[0], len(text))
    ex = Extraction(Article("n", "n.txt", text),
                    regions=[region("Оренбургская область", "RU-ORE", inner)],
                    officials=[official("Денис Паслер", "губернатор", "Оренбургская область", outer)],
                    sums=[Sum(Decimal(5), None, "RUB", None, "x", *crossing, "")])
    html = report.highlight(text, report.mentions(ex))
    page = Page(html)
    assert page.kinds() == {"official": 1, "region": 1}
    assert html.count("<mark") == html.count("</mark>") == 2
    assert html.index('data-kind="official"') < html.index('data-kind="region"')
    assert re.sub(r"<[^>]+>", "", html) == text


def test_offsets_out_of_range_are_skipped():
    assert report.highlight("abc", [(2, 9, "sum", "x"), (1, 1, "sum", "y")]) == "abc"


def test_overview_counts_regions_officials_currencies_and_lists_errors():
    html = build([sample()], [ReadError("bad", "in/bad.pdf", "not a text file: .pdf")])
    assert "2 articles: 1 extracted, 1 failed" in html
    assert "<h2>Errors (1)</h2>" in html and "not a text file: .pdf" in html
    assert "<td>KZT</td>" in html and "1\u202f400\u202f000\u202f000\u202f000" in html
    assert "<td>Нурлан Ногаев</td><td>аким</td><td>Атырауская область</td>" in html


def test_articles_beyond_the_limit_are_counted_but_get_no_text():
    class Once:
        calls = 0

        def __iter__(self):
            Once.calls += 1
            return iter([sample("a1"), sample("a2"), sample("a3")])

    extractions = [sample("a1"), sample("a2"), sample("a3")]
    with report_tables(extractions) as data:
        html = report.build_report(Once(), data, max_articles=2)
    page = Page(html)
    assert Once.calls == 1
    assert page.sections == ["a-a1", "a-a2"]
    assert "3 articles were extracted; only the first 2 are shown" in html
    assert "3 articles: 3 extracted" in html


def test_page_is_self_contained():
    html = build([sample()])
    assert html.count("<script") == 1 and "<script>" in html and " src=" not in html
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert re.findall(r"https?://[^\"' )]+", html) == ["http://www.w3.org/2000/svg"]


def russian_sample(article_id="b1"):
    """An article about a Russian region with an agreement: another country, another document kind."""
    text = "Губернатор Омской области Виктор Хоценко подписал соглашение."
    om, person, doc = span(text, "Омской области"), span(text, "Виктор Хоценко"), span(text, "соглашение")
    return Extraction(
        Article(article_id, f"in/{article_id}.txt", text, title="Омск"),
        regions=[Region("Омская область", "RU-OMS", "RU", 1, (), *om, "", spans=(om,))],
        officials=[official("Виктор Хоценко", "губернатор", "Омская область", person)],
        memoranda=[Memorandum(1, None, "соглашение", (), "соглашение", *doc, "")])


def test_search_box_and_filters_list_every_country_and_document_kind():
    html = build([sample(), russian_sample()])
    assert '<input id="search" type="search"' in html
    assert '<select id="country"><option value="">all</option><option value="KZ">KZ</option>' \
           '<option value="RU">RU</option></select>' in html
    assert '<option value="меморандум">меморандум</option><option value="соглашение">' in html
    assert 'data-article="b1" data-countries="RU" data-documents="соглашение"' in html


def test_each_row_links_to_its_mention_in_the_text():
    page = Page(build([sample()]))
    assert "#m-a1-official-" + str(TEXT.index("Ералы Тогжанов")) in page.hrefs
    assert "#m-a1-sum-" + str(TEXT.index("1 трлн")) in page.hrefs
    assert len(page.hrefs) == 6  # 2 regions, 2 officials, 1 sum, 1 memorandum
    assert {h[1:] for h in page.hrefs} <= page.ids


def test_network_is_deterministic_and_draws_every_region():
    names = [f"Регион номер {i} область" for i in range(24)]
    edges = [(names[i], names[(i * 5 + 1) % 24], 1 + i % 3, f"tip {i}") for i in range(24)]
    groups = {n: "KZ" if i < 14 else "RU" for i, n in enumerate(names)}
    svg = render_network({n: i % 4 for i, n in enumerate(names)}, edges, groups)
    assert svg == render_network({n: i % 4 for i, n in enumerate(names)}, edges, groups)
    page = Page(svg)
    assert sorted(page.nodes) == sorted(names)
    assert svg.count('<line class="edge"') == 24
    assert all(f">{n}</text>" in svg for n in names)
    assert render_network({}, []) == ""


def test_report_without_links_says_so():
    ex = sample()
    ex.links.clear()
    assert "No two regions signed a document together" in build([ex])


def test_real_extraction_highlights_match_the_text():
    ex = run.extract_article(Article("r", "r.txt", TEXT))
    page = Page(build([ex]))
    assert {"region", "official", "sum"} <= set(page.kinds())
    for kind, _, text in page.marks:
        assert text in TEXT


def chromium():
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


def browse(binary, tmp_path, *args):
    profile = tmp_path / "profile"
    return subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=90, check=True)


def test_chromium_renders_highlights_and_network(tmp_path):
    binary = chromium()
    if binary is None:
        pytest.skip("no chromium binary (Debian: apt-get install chromium; `make test` tries to install it)")
    page_path = tmp_path / "report.html"
    extractions = [sample("a1"), sample("a2")]
    with report_tables(extractions, [ReadError("bad", "bad.pdf", "pdf")]) as data:
        report.write_report(iter(extractions), data, page_path)
    dom = browse(binary, tmp_path, "--dump-dom", page_path.as_uri()).stdout
    page = Page(dom[dom.index("<html"):] if "<html" in dom else dom)
    assert page.kinds() == {"region": 6, "official": 4, "sum": 2, "memorandum": 2}
    assert sorted(page.nodes) == ["Атырауская область", "Мангистауская область"]
    assert page.sections == ["a-a1", "a-a2"]
    shot = tmp_path / "report.png"
    browse(binary, tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", page_path.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


@pytest.mark.parametrize("query, hidden, shown", [
    ("q=%D0%A5%D0%BE%D1%86%D0%B5%D0%BD%D0%BA%D0%BE", ["a-a1"], "1 of 2 articles shown"),  # q=Хоценко
    ("country=KZ", ["a-b1"], "1 of 2 articles shown"),
    ("document=%D1%81%D0%BE%D0%B3%D0%BB%D0%B0%D1%88%D0%B5%D0%BD%D0%B8%D0%B5", ["a-a1"], "1 of 2"),  # соглашение
    ("q=%D0%BD%D0%B5%D1%82%D1%83%D1%82%D0%B0%D0%BA%D0%BE%D0%B3%D0%BE", ["a-a1", "a-b1"], "0 of 2"),
    ("", [], "2 of 2 articles shown"),
])
def test_chromium_search_box_and_filters_hide_the_other_articles(tmp_path, query, hidden, shown):
    binary = chromium()
    if binary is None:
        pytest.skip("no chromium binary (Debian: apt-get install chromium; `make test` tries to install it)")
    page_path = tmp_path / "report.html"
    extractions = [sample("a1"), russian_sample("b1")]
    with report_tables(extractions) as data:
        report.write_report(iter(extractions), data, page_path)
    dom = browse(binary, tmp_path, "--dump-dom", f"{page_path.as_uri()}?{query}").stdout
    page = Page(dom[dom.index("<html"):])
    assert page.sections == ["a-a1", "a-b1"]
    assert page.hidden == hidden
    assert shown in dom


def test_a_repost_is_counted_once_in_the_overview_and_says_whose_copy_it_is():
    original = replace(sample("a1"), fingerprint=fingerprint(TEXT))
    repost = replace(sample("a2"), fingerprint=fingerprint("Источник: агентство\n" + TEXT))
    html = build([original, repost])
    assert "2 articles: 2 extracted (1 of them reposts of a story already read, counted once below)" in html
    assert "Rows without the reposts: 2 regions, 2 officials, 1 sums, 1 memoranda, 1 links; 2 people." in html
    assert "repost of a1" in html
    assert "<td>Нурлан Ногаев</td><td>аким</td><td>Атырауская область</td><td class=\"n\">1</td>" in html
