"""The review report: one self-contained HTML page an analyst opens offline.

Overview (articles, regions, people, sums by currency, the region network as
inline SVG, errors; a story its reposts repeat counted once), then a search box
and filters by country and document kind, then each article's text with every
extracted mention highlighted by kind (the canonical value on hover) and the
article's rows beneath, each row linked to its mention in the text. Standard
library only: html escaping and string building, and one inline script
(`report_assets.py`) for the filters.
"""
from __future__ import annotations

from collections import Counter
from itertools import islice
from html import escape
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..records import LIST_SEPARATOR, Extraction
from . import write
from .report_assets import CSS, SCRIPT
from .report_overview import TOP, amount_text, cell_text, html_table, network_section, people_overview, table
from .report_tables import ReportTables

KINDS = ("region", "official", "sum", "memorandum")
ROW_COLUMNS = {
    "regions": ["region", "region_code", "country", "mentions", "forms", "start", "end"],
    "officials": ["person", "position", "organization", "region", "mentions", "forms", "start", "end"],
    "sums": ["amount", "amount_max", "currency", "qualifier", "text", "start", "end"],
    "memoranda": ["count", "count_text", "document", "parties", "text", "start", "end"],
    "links": ["region_a", "region_b", "document", "count"],
}
ERRORS_SHOWN = 200
KIND_OF_TABLE = {"regions": "region", "officials": "official", "sums": "sum", "memoranda": "memorandum"}


def _anchor(article_id: str) -> str:
    """An article's id as part of an HTML id (no whitespace)."""
    return "_".join(article_id.split())


def mentions(ex: Extraction) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, canonical value) for every mention of every record of one article."""
    found = []
    for r in ex.regions:
        label = f"{r.region} ({', '.join(x for x in (r.region_code, r.country) if x)})"
        found += [(s, e, "region", label) for s, e in (r.spans or ((r.start, r.end),))]
    for o in ex.officials:
        label = f"{o.person} — {o.position}" + (f", {o.region}" if o.region else "")
        found += [(s, e, "official", label) for s, e in (o.spans or ((o.start, o.end),))]
    for s in ex.sums:
        value = amount_text(s.amount) + (f"–{amount_text(s.amount_max)}" if s.amount_max is not None else "")
        found.append((s.start, s.end, "sum", " ".join(x for x in (s.qualifier, value, s.currency) if x)))
    for m in ex.memoranda:
        label = f"{m.document}: {m.count if m.count is not None else 'count not given'}"
        label += (f"; {', '.join(m.parties)}" if m.parties else "") + ("" if m.at_event else "; not this event")
        found.append((m.start, m.end, "memorandum", label))
    return found


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]], anchor: str | None = None) -> str:
    """Escaped text with <mark> per span. A span inside another nests; one that crosses an
    enclosing span's end is dropped (the outer one wins), so the markup is always well formed.
    With `anchor`, the first mark of each kind at an offset gets the id `m-<anchor>-<kind>-<start>`,
    which the article's rows link to."""
    valid = sorted({s for s in spans if 0 <= s[0] < s[1] <= len(text)},
                   key=lambda s: (s[0], -s[1], KINDS.index(s[2]) if s[2] in KINDS else 9, s[3]))
    out: list[str] = []
    stack: list[int] = []
    ids: set[str] = set()
    pos = 0
    for start, end, kind, label in valid:
        while stack and stack[-1] <= start:
            out.append(escape(text[pos:stack[-1]], quote=False) + "</mark>")
            pos = stack.pop()
        if stack and end > stack[-1]:
            continue
        out.append(escape(text[pos:start], quote=False))
        mark_id = f"m-{anchor}-{kind}-{start}" if anchor is not None else None
        id_attr = f' id="{escape(mark_id)}"' if mark_id and mark_id not in ids else ""
        ids.add(mark_id)
        out.append(f'<mark{id_attr} data-kind="{escape(kind)}" title="{escape(label)}" '
                   f'data-value="{escape(label)}">')
        stack.append(end)
        pos = start
    while stack:
        out.append(escape(text[pos:stack[-1]], quote=False) + "</mark>")
        pos = stack.pop()
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def filter_values(ex: Extraction) -> tuple[str, str]:
    """The countries (space-separated) and document kinds (`|`-separated) the filters match."""
    countries = dict.fromkeys(r.country for r in ex.regions if r.country)
    documents = dict.fromkeys(d for m in ex.memoranda for d in m.document.split(LIST_SEPARATOR))
    return " ".join(countries), "|".join(documents)


def _row_tables(article_id: str, rows: dict[str, list[tuple]]) -> str:
    """The article's rows by table; a row with a mention links to it in the text."""
    parts = []
    for name, columns in ROW_COLUMNS.items():
        records = rows.get(name)
        if not records:
            continue
        hrefs = ()
        if "start" in columns:
            at = columns.index("start")
            hrefs = [f"#m-{_anchor(article_id)}-{KIND_OF_TABLE[name]}-{r[at]}" for r in records]
        parts.append(html_table(columns, records, caption=name, hrefs=hrefs))
    return "".join(parts)


def _article_section(ex: Extraction, rows: dict[str, list[tuple]], duplicate_of: str | None) -> str:
    a = ex.article
    spans = mentions(ex)
    kinds = Counter(s[2] for s in spans)
    repost = f"repost of {duplicate_of}" if duplicate_of else ""
    meta = " · ".join(escape(x) for x in (a.article_id, a.published or "no date", a.outlet or "",
                                          a.source, f"{len(a.text)} characters", repost) if x)
    counts = ", ".join(f"{kinds[k]} {k}" for k in KINDS)
    countries, documents = filter_values(ex)
    tables = _row_tables(a.article_id, rows)
    return (f'<section class="article" id="a-{escape(_anchor(a.article_id))}" '
            f'data-article="{escape(a.article_id)}" data-countries="{escape(countries)}" '
            f'data-documents="{escape(documents)}">'
            f"<h3>{escape(a.title or a.article_id)}</h3><p class=\"muted\">{meta}<br>"
            f"highlighted mentions: {counts}</p>"
            f'<div class="text">{highlight(a.text, spans, _anchor(a.article_id))}</div>'
            f'{tables or "<p class=muted>No rows extracted.</p>"}</section>')


def index(articles: pd.DataFrame, total: int, links: dict[str, str], filters: dict[str, tuple[str, str]]) -> str:
    """The first articles (of `total`), each linked to its section where `links` gives the page
    holding it ("" for this page)."""
    rows = []
    for r in articles.itertuples(index=False):
        aid = escape(r.article_id)
        page = links.get(r.article_id)
        link = f'<a href="{escape(page)}#a-{escape(_anchor(r.article_id))}">{aid}</a>' if page is not None else aid
        countries, documents = filters.get(r.article_id, ("", ""))
        rows.append(f'<tr data-article="{aid}" data-countries="{escape(countries)}" '
                    f'data-documents="{escape(documents)}"><td>{link}</td><td>{escape(cell_text(r.title))}'
                    f"</td><td>{escape(cell_text(r.published))}</td><td>{escape(cell_text(r.regions))}</td>"
                    f"<td class=n>{cell_text(r.n_officials)}</td><td class=n>{cell_text(r.n_sums)}</td>"
                    f"<td class=n>{cell_text(r.memoranda_total)}</td><td>{escape(r.status)}</td></tr>")
    head = "".join(f"<th>{c}</th>" for c in ("article_id", "title", "published", "regions", "officials",
                                             "sums", "memoranda", "status"))
    more = f"<p class=muted>{total - len(articles)} more in articles.csv.</p>" if total > len(articles) else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def filters(countries: Iterable[str], documents: Iterable[str]) -> str:
    """The search box and the two filters, offering these countries and document kinds."""
    def select(name: str, label: str, values) -> str:
        options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in sorted(set(values) - {""}))
        return (f'<label>{label} <select id="{name}"><option value="">all</option>{options}</select>'
                "</label>")

    return ('<div class="filters"><input id="search" type="search" placeholder="Search the articles: '
            'a name, a region, a word" aria-label="search">'
            + select("country", "country", countries) + select("document", "document", documents)
            + ' <span id="shown" class="muted"></span></div>')


def corpus_filters(data: ReportTables) -> str:
    """`filters` with every country and document kind of the tables."""
    return filters(data.countries(), data.documents())


def article_section(ex: Extraction, grouped: dict[str, dict[str, list[tuple]]], copies: dict[str, str]) -> str:
    aid = ex.article.article_id
    return _article_section(ex, {n: g.get(aid) for n, g in grouped.items()}, copies.get(aid))


def overview(data: ReportTables, note: str = "") -> list[str]:
    """The overview over the whole corpus: counts, network, sums, errors, regions, people, links."""
    copies, people = data.reposts, data.corpus["people"]
    n_articles, n_errors = data.count("articles"), data.count("errors")
    repost_note = f" ({len(copies)} of them reposts of a story already read, counted once below)" \
        if copies else ""
    totals = ", ".join(f"{data.count(n, stories=True)} {n}"
                       for n in ("regions", "officials", "sums", "memoranda", "links"))
    sums_table = data.sums_overview().rename(columns={"total": "amount", "largest": "amount_max"})
    picture, links_table = network_section(data.corpus)
    return [
        "<h1>Extraction review</h1>",
        f"<p>{n_articles} articles: {data.extracted()} extracted{repost_note}, {n_errors} failed. "
        f"Rows{' without the reposts' if copies else ''}: {totals}; {len(people)} people.</p>",
        note,
        f'<div class="grid"><div><h2>Region network</h2>{picture}</div><div><h2>Sums by currency</h2>',
        (table(sums_table, ["currency", "sums", "articles", "amount", "amount_max"], numeric=("sums",))
         .replace("<th>amount</th>", "<th>total</th>").replace("<th>amount_max</th>", "<th>largest</th>")
         + '<p class="muted cap">Totals add amounts across articles: a sum two different articles report '
           "counts twice (a repost once).</p>") if not sums_table.empty else '<p class="muted">No sums.</p>',
        f"<h2>Errors ({n_errors})</h2>",
        table(data.errors(ERRORS_SHOWN), ["article_id", "source", "error"], limit=ERRORS_SHOWN, total=n_errors)
        or '<p class="muted">No errors.</p>',
        '</div></div><div class="grid"><div><h2>Regions</h2>',
        table(data.regions_overview(), ["region", "country", "articles", "mentions", "memoranda_total"],
              limit=TOP) or '<p class="muted">No regions.</p>',
        "</div><div><h2>Top people</h2>",
        table(people_overview(people), ["person", "position", "regions", "articles"], limit=TOP)
        or '<p class="muted">No officials.</p>',
        f"</div><div><h2>Strongest links</h2>{links_table or '<p class=muted>No links.</p>'}</div></div>",
    ]


LEGEND = ('<p class="legend">Highlights: ' + "".join(f'<mark data-key="{k}">{k}</mark>' for k in KINDS)
          + " — hover a highlight for the extracted value; a row's first cell shows its mention in the text.</p>")


def document(title: str, body: list[str]) -> str:
    """A whole self-contained page: style, `body`, the filters' script."""
    return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
            + "\n".join(body) + f"\n<script>{SCRIPT}</script>\n</body></html>\n")


def build_report(extractions: Iterable[Extraction], data: ReportTables, max_articles: int = 500) -> str:
    """The whole page. Only the first `max_articles` of `extractions` (iterated once) are read:
    they get a text section; the overview counts the tables' rows."""
    shown = list(islice(extractions, max_articles))  # the rest are not even read back
    grouped = data.rows_of([ex.article.article_id for ex in shown], ROW_COLUMNS)
    sections = [article_section(ex, grouped, data.reposts) for ex in shown]
    links = {ex.article.article_id: "" for ex in shown}
    values = {ex.article.article_id: filter_values(ex) for ex in shown}
    seen, n_articles = data.extracted(), data.count("articles")  # an articles row per extraction
    note = "" if seen <= max_articles else (
        f'<p class="note">{seen} articles were extracted; only the first {max_articles} are shown '
        f"with their text below. The rest are counted in this overview and are in the CSVs.</p>")
    body = [
        *overview(data, note),
        "<h2>Articles</h2>",
        corpus_filters(data),
        f"<details><summary>Index of {min(n_articles, max_articles)} articles"
        f"</summary>{index(data.articles(max_articles), n_articles, links, values)}</details>",
        LEGEND,
        *sections,
    ]
    return document("Extraction review", body)


def write_report(extractions: Iterable[Extraction], data: ReportTables, path: Path,
                 max_articles: int = 500) -> Path:
    page = build_report(extractions, data, max_articles=max_articles)
    write.write_atomically(path, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    return path
