"""The report as files of the output set: one report.html for a small corpus; for a large one
an index page plus pages of articles, each written only when what it shows has changed.

Up to PAGE_ARTICLES articles, report.html is the whole report (`report.build_report`). Beyond,
report.html is the index: the overview over every article, then the search box and filters
over the index of articles, each linked to its section on a page; the pages
`report/page-0001.html`, `report/page-0002.html`, ... hold PAGE_ARTICLES articles each, in
input order, with their text, highlights and rows, and a search box and filters of their own.

What a page shows depends on its articles and, through the reposts (`duplicate_of`: the first
article read of a story), on the articles read before them, never on those after. So a page's
fingerprint hashes the keys of every article up to its last one: new articles after the old
ones (new files named after the old, as dated names are) leave every full page as it is, and
only the index, the last page and the new ones are written; an article inserted earlier in the
input order shifts and rewrites the pages from there on. A page is rendered from the cache
only when it is written: a rerun decodes the extractions of its changed pages, no others.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from ..records import Extraction
from . import report, write
from .report_tables import ReportTables

PAGE_ARTICLES = 500
INDEX_ROWS = 5000  # the index page lists this many articles (all are on the pages and in articles.csv)
PAGES = "report"


def page_name(number: int) -> str:
    return f"{PAGES}/page-{number:04d}.html"


def _nav(number: int, last: bool) -> str:
    links = ['<a href="../report.html">overview and index of all articles</a>']
    if number > 1:
        links.append(f'<a href="page-{number - 1:04d}.html">previous page</a>')
    if not last:
        links.append(f'<a href="page-{number + 1:04d}.html">next page</a>')
    return f'<p class="nav">{" · ".join(links)}</p>'


def build_page(number: int, last: bool, extractions: list[Extraction], grouped: dict, copies: dict) -> str:
    """Page `number`: its articles' sections, filters offering their countries and documents."""
    values = [report.filter_values(ex) for ex in extractions]
    countries = [c for joined, _ in values for c in joined.split()]
    documents = [d for _, joined in values for d in joined.split("|")]
    nav = _nav(number, last)
    body = [f"<h1>Extraction review: page {number}</h1>", nav, report.filters(countries, documents),
            report.LEGEND, *(report.article_section(ex, grouped, copies) for ex in extractions), nav]
    return report.document(f"Extraction review: page {number}", body)


def build_index(data: ReportTables, pages: list[list[str]]) -> str:
    """The index page: the overview, the list of pages, the index of articles with links."""
    where = {aid: page_name(n) for n, ids in enumerate(pages, start=1) for aid in ids}
    listed = " · ".join(f'<a href="{page_name(n)}">page {n}</a> ({len(ids)})'
                        for n, ids in enumerate(pages, start=1))
    articles, total = data.articles(INDEX_ROWS), data.count("articles")
    last = articles["article_id"].iloc[-1] if len(articles) else None
    body = [*report.overview(data), "<h2>Articles</h2>",
            f"<p>{len(where)} articles with their text on {len(pages)} pages of up to {PAGE_ARTICLES}: "
            f"{listed}</p>", report.corpus_filters(data),
            f"<h3>Index of {len(articles)} articles</h3>",
            report.index(articles, total, where, data.filter_values(last))]
    return report.document("Extraction review", body)


def _write_text(path: Path, text: str) -> None:
    write.write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def stage_report(files: write.OutputSet, keys: list[str], read: Callable[[str], Extraction],
                 data: ReportTables, version: str, corpus: str) -> None:
    """Stages the report of the articles `keys` (cache keys in input order, the failed left out;
    `read` decodes one) over the tables `data` (queried only where something is written);
    `corpus` is the fingerprint of the whole output set."""
    if len(keys) <= PAGE_ARTICLES:
        files.add("report.html", write.fingerprint(corpus, "report.html"), lambda path: report.write_report(
            map(read, keys), data, path, max_articles=PAGE_ARTICLES))
        return
    chunks = [keys[i:i + PAGE_ARTICLES] for i in range(0, len(keys), PAGE_ARTICLES)]
    prefix, pages = hashlib.sha256(version.encode()), []

    def page(path: Path, number: int, chunk: list[str]) -> dict:
        extractions = [read(key) for key in chunk]
        ids = [ex.article.article_id for ex in extractions]
        grouped = data.rows_of(ids, report.ROW_COLUMNS)
        _write_text(path, build_page(number, number == len(chunks), extractions, grouped, data.reposts))
        return {"articles": ids}

    for number, chunk in enumerate(chunks, start=1):
        prefix.update("".join(chunk).encode())
        name = page_name(number)
        files.add(name, write.fingerprint(prefix.hexdigest(), name, number == len(chunks)),
                  lambda path, number=number, chunk=chunk: page(path, number, chunk), keep=("articles",))
        pages.append(files.stamps[name]["articles"])
    files.add("report.html", write.fingerprint(corpus, "report.html", PAGE_ARTICLES),
              lambda path: _write_text(path, build_index(data, pages)))
