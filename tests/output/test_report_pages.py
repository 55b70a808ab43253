"""The report of a large corpus: an index page and pages of articles, each staged under its fingerprint."""
import re

import pytest

from pipeline.output import report_pages, write
from tests.output.test_report import Page, browse, chromium, report_tables, russian_sample, sample


def articles(n):
    return [sample(f"a{i}") if i % 2 else russian_sample(f"a{i}") for i in range(n)]


def stage(out, extractions, version="v1"):
    """One run's report of `extractions` (their keys: their ids); returns the names written."""
    by_key = {ex.article.article_id: ex for ex in extractions}
    files, read = write.OutputSet(write.staging_folder(out), out), []

    def decode(key):
        read.append(key)
        return by_key[key]

    corpus = write.fingerprint(version, list(by_key))
    with report_tables(extractions) as data:
        report_pages.stage_report(files, list(by_key), decode, data, version, corpus)
    write.publish(files.staging, out, {}, {}, files.stamps)
    return sorted(set(files.stamps) - set(files.reused)), read


@pytest.fixture()
def small_pages(monkeypatch):
    monkeypatch.setattr(report_pages, "PAGE_ARTICLES", 2)


def test_a_small_corpus_keeps_one_report(tmp_path):
    written, _ = stage(tmp_path, articles(3))
    assert written == ["report.html"]
    assert Page((tmp_path / "report.html").read_text(encoding="utf-8")).sections == ["a-a0", "a-a1", "a-a2"]


def test_a_large_corpus_gets_an_index_and_pages_in_input_order(tmp_path, small_pages):
    written, _ = stage(tmp_path, articles(5))
    assert written == ["report.html", "report/page-0001.html", "report/page-0002.html", "report/page-0003.html"]
    pages = [Page((tmp_path / name).read_text(encoding="utf-8")) for name in written[1:]]
    assert [p.sections for p in pages] == [["a-a0", "a-a1"], ["a-a2", "a-a3"], ["a-a4"]]
    index = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert Page(index).sections == []
    assert '<a href="report/page-0002.html#a-a3">a3</a>' in index
    assert "5 articles with their text on 3 pages of up to 2" in index
    middle = (tmp_path / "report" / "page-0002.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]+)">', middle)[:3] == ["../report.html", "page-0001.html", "page-0003.html"]
    last = (tmp_path / "report" / "page-0003.html").read_text(encoding="utf-8")
    assert "next page" not in last and "previous page" in last


def test_new_articles_after_the_old_rewrite_only_the_index_and_the_last_pages(tmp_path, small_pages):
    stage(tmp_path, articles(5))
    full = (tmp_path / "report" / "page-0001.html").read_bytes()
    written, decoded = stage(tmp_path, articles(6))
    assert written == ["report.html", "report/page-0003.html"]
    assert decoded == ["a4", "a5"]  # only the articles of the page written are read from the cache
    assert (tmp_path / "report" / "page-0001.html").read_bytes() == full
    assert stage(tmp_path, articles(6)) == ([], [])  # nothing new: nothing written, nothing read


@pytest.mark.parametrize("change, written", [
    (lambda exs: [exs[1], exs[0], *exs[2:]], ["report.html", "report/page-0001.html", "report/page-0002.html",
                                              "report/page-0003.html"]),  # the order: every page after
    (lambda exs: exs[:4], ["report.html", "report/page-0002.html"]),  # fewer: page 3 goes, page 2 is last
])
def test_a_change_rewrites_the_pages_from_it_on(tmp_path, small_pages, change, written):
    stage(tmp_path, articles(5))
    assert stage(tmp_path, change(articles(5)))[0] == written
    assert (tmp_path / "report" / "page-0003.html").exists() is (len(written) == 4)


def test_another_code_version_rewrites_every_page(tmp_path, small_pages):
    stage(tmp_path, articles(3))
    assert stage(tmp_path, articles(3), version="v2")[0] == [
        "report.html", "report/page-0001.html", "report/page-0002.html"]


def test_going_back_to_one_report_removes_the_pages(tmp_path, small_pages, monkeypatch):
    stage(tmp_path, articles(3))
    monkeypatch.setattr(report_pages, "PAGE_ARTICLES", 500)
    stage(tmp_path, articles(3))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json", "report.html"]


@pytest.mark.parametrize("name, query, shown", [
    ("report.html", "country=KZ", "2 of 5 articles shown"),  # the index: its rows are filtered
    ("report.html", "q=%D0%9E%D0%BC%D1%81%D0%BA", "3 of 5 articles shown"),  # q=Омск: the titles
    ("report/page-0001.html", "country=RU", "1 of 2 articles shown"),
])
def test_chromium_filters_the_index_and_the_pages(tmp_path, small_pages, name, query, shown):
    binary = chromium()
    if binary is None:
        pytest.skip("no chromium binary (Debian: apt-get install chromium; `make test` tries to install it)")
    out = tmp_path / "out"
    out.mkdir()
    stage(out, articles(5))
    dom = browse(binary, tmp_path, "--dump-dom", f"{(out / name).as_uri()}?{query}").stdout
    assert shown in dom
