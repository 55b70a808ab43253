"""The review report: one self-contained HTML page an analyst opens offline.

Overview (articles, regions, officials, sums by currency, the region network as
inline SVG, errors), then each article's text with every extracted mention
highlighted by kind (the canonical value on hover) and the article's rows
beneath. Standard library only: html escaping and string building, no scripts.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation
from html import escape
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..records import Extraction
from . import write
from .network_svg import render_network

KINDS = ("region", "official", "sum", "memorandum")
ROW_COLUMNS = {
    "regions": ["region", "region_code", "country", "mentions", "forms", "start", "end"],
    "officials": ["person", "position", "organization", "region", "mentions", "forms", "start", "end"],
    "sums": ["amount", "amount_max", "currency", "qualifier", "text", "start", "end"],
    "memoranda": ["count", "count_text", "document", "parties", "text", "start", "end"],
    "links": ["region_a", "region_b", "document", "count"],
}
TOP = 30

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;
margin:0 auto;max-width:1280px;padding:12px 20px;color:#222;background:#fff}
h1{font-size:24px;margin:8px 0}h2{margin-top:32px;border-bottom:2px solid #ddd}
h3{margin:0 0 4px}.muted{color:#666;font-size:13px}.note{background:#fff7d6;padding:6px 10px}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.grid{display:flex;flex-wrap:wrap;gap:0 36px;align-items:flex-start}.grid>div{max-width:100%;overflow-x:auto}
.cap{max-width:480px}
.article{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:18px 0}
.text{white-space:pre-wrap;background:#fafafa;padding:10px;border-radius:4px;line-height:1.7}
mark{border-radius:3px;padding:1px 0;color:inherit;cursor:help}
"""
COLOURS = {"region": ("#cfe3ff", "#3b7dd8"), "official": ("#ffd9b3", "#e07b00"),
           "sum": ("#c9f2c7", "#2a9d2a"), "memorandum": ("#ecd4ff", "#8e44c9")}
CSS += "".join(f"mark[data-kind={k}],mark[data-key={k}]{{background:{bg};box-shadow:inset 0 -2px {line}}}"
               for k, (bg, line) in COLOURS.items())
CSS += """
mark mark{padding:2px 0}.legend mark{padding:1px 6px;margin-right:6px}
svg.network{max-width:100%;height:auto;display:block}
svg.network .node:hover text{font-weight:bold}svg.network .edge:hover{stroke:#d62728}
"""


def _text(value) -> str:
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return ""
    return str(value)


def _amount(value) -> str:
    """'1400000000000' → '1 400 000 000 000' (narrow spaces); non-numbers unchanged."""
    text = _text(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    whole, _, frac = format(number, "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f")
    return f"{grouped}.{frac}" if frac else grouped


def _table(frame: pd.DataFrame | None, columns: list[str], caption: str = "", limit: int | None = None,
           numeric: Iterable[str] = ()) -> str:
    if frame is None or frame.empty:
        return ""
    shown = frame if limit is None else frame.head(limit)
    more = "" if limit is None or len(frame) <= limit else \
        f'<p class="muted">{len(frame) - limit} more rows in the CSV.</p>'
    return _html_table(columns, shown[columns].itertuples(index=False, name=None), caption, numeric) + more


def _html_table(columns: list[str], records: Iterable[tuple], caption: str = "",
                numeric: Iterable[str] = ()) -> str:
    numeric = set(numeric) | {"amount", "amount_max", "start", "end", "mentions", "count",
                              "n_chars", "articles", "documents", "memoranda_total"}
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = []
    for record in records:
        cells = []
        for column, value in zip(columns, record):
            text = _amount(value) if column in ("amount", "amount_max") else _text(value)
            cls = ' class="n"' if column in numeric else ""
            cells.append(f"<td{cls}>{escape(text)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _rows_by_article(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    """One pass over a whole table: article_id → its rows (only `columns`), in table order."""
    grouped: dict[str, list[tuple]] = {}
    for aid, *values in frame[["article_id", *columns]].itertuples(index=False, name=None):
        grouped.setdefault(aid, []).append(tuple(values))
    return grouped


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
        value = _amount(s.amount) + (f"–{_amount(s.amount_max)}" if s.amount_max is not None else "")
        found.append((s.start, s.end, "sum", " ".join(x for x in (s.qualifier, value, s.currency) if x)))
    for m in ex.memoranda:
        label = f"{m.document}: {m.count if m.count is not None else 'count not given'}"
        label += (f"; {', '.join(m.parties)}" if m.parties else "") + ("" if m.at_event else "; not this event")
        found.append((m.start, m.end, "memorandum", label))
    return found


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """Escaped text with <mark> per span. A span inside another nests; one that crosses an
    enclosing span's end is dropped (the outer one wins), so the markup is always well formed."""
    valid = sorted({s for s in spans if 0 <= s[0] < s[1] <= len(text)},
                   key=lambda s: (s[0], -s[1], KINDS.index(s[2]) if s[2] in KINDS else 9, s[3]))
    out: list[str] = []
    stack: list[int] = []
    pos = 0
    for start, end, kind, label in valid:
        while stack and stack[-1] <= start:
            out.append(escape(text[pos:stack[-1]], quote=False) + "</mark>")
            pos = stack.pop()
        if stack and end > stack[-1]:
            continue
        out.append(escape(text[pos:start], quote=False))
        out.append(f'<mark data-kind="{escape(kind)}" title="{escape(label)}" '
                   f'data-value="{escape(label)}">')
        stack.append(end)
        pos = start
    while stack:
        out.append(escape(text[pos:stack[-1]], quote=False) + "</mark>")
        pos = stack.pop()
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def _article_section(ex: Extraction, rows: dict[str, list[tuple]]) -> str:
    a = ex.article
    spans = mentions(ex)
    kinds = Counter(s[2] for s in spans)
    meta = " · ".join(escape(x) for x in (a.article_id, a.published or "no date", a.outlet or "",
                                          a.source, f"{len(a.text)} characters") if x)
    counts = ", ".join(f"{kinds[k]} {k}" for k in KINDS)
    tables = "".join(_html_table(columns, rows[name], caption=name)
                     for name, columns in ROW_COLUMNS.items() if rows.get(name))
    return (f'<section class="article" id="a-{escape(a.article_id)}">'
            f"<h3>{escape(a.title or a.article_id)}</h3><p class=\"muted\">{meta}<br>"
            f"highlighted mentions: {counts}</p>"
            f'<div class="text">{highlight(a.text, spans)}</div>'
            f'{tables or "<p class=muted>No rows extracted.</p>"}</section>')


def _regions_overview(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    regions, articles = frames["regions"], frames["articles"]
    if regions.empty:
        return pd.DataFrame(columns=["region", "country", "articles", "mentions", "memoranda_total"])
    memoranda = articles.set_index("article_id")["memoranda_total"]
    memoranda = memoranda[~memoranda.index.duplicated()]
    table = regions.assign(memoranda_total=regions["article_id"].map(memoranda).fillna(0)).groupby(
        "region", sort=False).agg(country=("country", "first"), articles=("article_id", "nunique"),
                                  mentions=("mentions", "sum"), memoranda_total=("memoranda_total", "sum"))
    table["memoranda_total"] = table["memoranda_total"].astype("int64")
    return table.reset_index().sort_values(["articles", "memoranda_total", "region"],
                                           ascending=[False, False, True], ignore_index=True)


def _officials_overview(officials: pd.DataFrame) -> pd.DataFrame:
    if officials.empty:
        return pd.DataFrame(columns=["person", "position", "region", "articles", "mentions"])
    table = officials.fillna({"region": "", "position": ""}).groupby("person", sort=False).agg(
        position=("position", lambda s: s.mode().iloc[0]), region=("region", lambda s: s.mode().iloc[0]),
        articles=("article_id", "nunique"), mentions=("mentions", "sum"))
    return table.reset_index().sort_values(["articles", "mentions", "person"],
                                           ascending=[False, False, True], ignore_index=True)


def _sums_overview(sums: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for currency, group in sums.groupby("currency", sort=True):
        amounts = [Decimal(str(x)) for x in group["amount"] if _text(x)]
        rows.append({"currency": currency, "sums": len(group), "articles": group["article_id"].nunique(),
                     "total": sum(amounts, Decimal(0)), "largest": max(amounts, default=None)})
    return pd.DataFrame(rows, columns=["currency", "sums", "articles", "total", "largest"]).sort_values(
        ["sums", "currency"], ascending=[False, True], ignore_index=True)


def _network(frames: dict[str, pd.DataFrame]) -> tuple[str, str]:
    """The picture with its caption, and the table of the strongest links."""
    network, regions = frames["network"], frames["regions"]
    if network.empty:
        return '<p class="muted">No two regions signed a document together in these articles.</p>', ""
    articles = regions.groupby("region")["article_id"].nunique().to_dict() if not regions.empty else {}
    countries = regions.drop_duplicates("region").set_index("region")["country"].to_dict() \
        if not regions.empty else {}
    edges = [(r.region_a, r.region_b, int(r.documents),
              f"{r.region_a} — {r.region_b}: {r.documents} documents in {r.articles} articles"
              + (f", {r.memoranda_total} memoranda" if r.memoranda_total else ""))
             for r in network.itertuples(index=False)]
    linked = {name for e in edges for name in e[:2]}
    svg = render_network({name: articles.get(name, 0) for name in linked}, edges,
                         {name: _text(countries.get(name)) for name in linked})
    pairs = network.sort_values(["documents", "articles", "region_a", "region_b"],
                                ascending=[False, False, True, True])
    return (f'<p class="muted cap">{len(linked)} regions, {len(edges)} links. Node size: articles naming '
            f'the region; line width: documents the pair signed. Hover for numbers.</p>{svg}',
            _table(pairs, ["region_a", "region_b", "documents", "articles", "memoranda_total"], limit=TOP))


def _index(articles: pd.DataFrame, shown: set[str], limit: int) -> str:
    """Every article (up to `limit` rows) with a link to its section where it has one."""
    rows = []
    for r in articles.head(limit).itertuples(index=False):
        aid = escape(r.article_id)
        link = f'<a href="#a-{aid}">{aid}</a>' if r.article_id in shown else aid
        rows.append(f"<tr><td>{link}</td><td>{escape(_text(r.title))}</td><td>{escape(_text(r.published))}"
                    f"</td><td>{escape(_text(r.regions))}</td><td class=n>{_text(r.n_officials)}</td>"
                    f"<td class=n>{_text(r.n_sums)}</td><td class=n>{_text(r.memoranda_total)}</td>"
                    f"<td>{escape(r.status)}</td></tr>")
    head = "".join(f"<th>{c}</th>" for c in ("article_id", "title", "published", "regions", "officials",
                                             "sums", "memoranda", "status"))
    more = f"<p class=muted>{len(articles) - limit} more in articles.csv.</p>" if len(articles) > limit else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def build_report(extractions: Iterable[Extraction], frames: dict[str, pd.DataFrame],
                 max_articles: int = 500) -> str:
    """The whole page. `extractions` is consumed once; only the first `max_articles` get a text section."""
    grouped = {name: _rows_by_article(frames[name], columns) for name, columns in ROW_COLUMNS.items()}
    sections, seen, shown = [], 0, set()
    for ex in extractions:
        seen += 1
        if seen <= max_articles:
            aid = ex.article.article_id
            shown.add(aid)
            sections.append(_article_section(ex, {n: g.get(aid) for n, g in grouped.items()}))
    articles, errors = frames["articles"], frames["errors"]
    n_ok = int((articles["status"] == "ok").sum())
    limit_note = "" if seen <= max_articles else (
        f'<p class="note">{seen} articles were extracted; only the first {max_articles} are shown '
        f"with their text below. The rest are counted in this overview and are in the CSVs.</p>")
    totals = ", ".join(f"{len(frames[n])} {n}" for n in ("regions", "officials", "sums", "memoranda", "links"))
    legend = "".join(f'<mark data-key="{k}">{k}</mark>' for k in KINDS)
    regions_top, officials_top = _regions_overview(frames), _officials_overview(frames["officials"])
    sums_table = _sums_overview(frames["sums"]).rename(columns={"total": "amount", "largest": "amount_max"})
    index = _index(articles, shown, max_articles)
    picture, links_table = _network(frames)
    body = [
        "<h1>Extraction review</h1>",
        f'<p>{len(articles)} articles: {n_ok} extracted, {len(errors)} failed. Rows: {totals}.</p>',
        limit_note,
        f'<div class="grid"><div><h2>Region network</h2>{picture}</div><div><h2>Sums by currency</h2>',
        (_table(sums_table, ["currency", "sums", "articles", "amount", "amount_max"], numeric=("sums",))
         .replace("<th>amount</th>", "<th>total</th>").replace("<th>amount_max</th>", "<th>largest</th>")
         + '<p class="muted cap">Totals add amounts across articles: a sum reported by two articles '
           "counts twice.</p>") if not sums_table.empty else '<p class="muted">No sums.</p>',
        f"<h2>Errors ({len(errors)})</h2>",
        _table(errors, ["article_id", "source", "error"], limit=200) or '<p class="muted">No errors.</p>',
        '</div></div><div class="grid"><div><h2>Regions</h2>',
        _table(regions_top, ["region", "country", "articles", "mentions", "memoranda_total"], limit=TOP)
        or '<p class="muted">No regions.</p>',
        "</div><div><h2>Top officials</h2>",
        _table(officials_top, ["person", "position", "region", "articles", "mentions"], limit=TOP)
        or '<p class="muted">No officials.</p>',
        f"</div><div><h2>Strongest links</h2>{links_table or '<p class=muted>No links.</p>'}</div></div>",
        f"<h2>Articles</h2><details><summary>Index of {min(len(articles), max_articles)} articles"
        f"</summary>{index}</details>",
        f'<p class="legend">Highlights: {legend} — hover a highlight for the extracted value.</p>',
        *sections,
    ]
    return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Extraction review</title><style>{CSS}</style></head><body>"
            + "\n".join(body) + "\n</body></html>\n")


def write_report(extractions: Iterable[Extraction], frames: dict[str, pd.DataFrame], path: Path,
                 max_articles: int = 500) -> Path:
    page = build_report(extractions, frames, max_articles=max_articles)
    write.write_atomically(path, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    return path
