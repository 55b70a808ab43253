"""The report's overview: HTML tables, amounts as text, the top people and the region network.

The summaries count a story once: rows of an article that reposts another
(`duplicate_of` set) are left out, as in network.csv and people.csv
(`report_tables` queries the others).
"""
from __future__ import annotations

import itertools
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Iterable

import pandas as pd

from ..records import LIST_SEPARATOR
from .network_svg import render_network

TOP = 30


def cell_text(value) -> str:
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return ""
    return str(value)


def amount_text(value) -> str:
    """'1400000000000' → '1 400 000 000 000' (narrow spaces); non-numbers unchanged."""
    text = cell_text(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    whole, _, frac = format(number, "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f")
    return f"{grouped}.{frac}" if frac else grouped


def table(frame: pd.DataFrame | None, columns: list[str], caption: str = "", limit: int | None = None,
          numeric: Iterable[str] = (), total: int | None = None) -> str:
    """`frame` as an HTML table, its first `limit` rows; `total`: the rows of the whole table
    (default: the frame's), so the note says how many more are in the CSV."""
    if frame is None or frame.empty:
        return ""
    shown = frame if limit is None else frame.head(limit)
    total = len(frame) if total is None else total
    more = "" if limit is None or total <= limit else \
        f'<p class="muted">{total - limit} more rows in the CSV.</p>'
    return html_table(columns, shown[columns].itertuples(index=False, name=None), caption, numeric) + more


def html_table(columns: list[str], records: Iterable[tuple], caption: str = "",
               numeric: Iterable[str] = (), hrefs: Iterable[str | None] = ()) -> str:
    """A table of `records`; `hrefs` (one per record, or none) links each row's first cell."""
    numeric = set(numeric) | {"amount", "amount_max", "start", "end", "mentions", "count",
                              "n_chars", "articles", "documents", "memoranda_total"}
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = []
    for record, href in itertools.zip_longest(records, hrefs):
        cells = []
        for column, value in zip(columns, record):
            text = escape(amount_text(value) if column in ("amount", "amount_max") else cell_text(value))
            if href and not cells:
                text = f'<a class="row" href="{escape(href)}" title="show in the text">{text}</a>'
            cls = ' class="n"' if column in numeric else ""
            cells.append(f"<td{cls}>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def people_overview(people: pd.DataFrame) -> pd.DataFrame:
    """people.csv, the most often named first, with the person's main position."""
    table = people.assign(position=people["positions"].str.split(LIST_SEPARATOR).str[0])
    return table.sort_values(["articles", "person"], ascending=[False, True], ignore_index=True)


def network_section(frames: dict[str, pd.DataFrame]) -> tuple[str, str]:
    """The picture with its caption, and the table of the strongest links."""
    network, nodes = frames["network"], frames["nodes"].set_index("region")
    if network.empty:
        return '<p class="muted">No two regions signed a document together in these articles.</p>', ""
    edges = [(r.region_a, r.region_b, int(r.documents),
              f"{r.region_a} — {r.region_b}: {r.documents} documents in {r.articles} articles"
              + (f", {r.memoranda_total} memoranda" if r.memoranda_total else ""))
             for r in network.itertuples(index=False)]
    linked = {name for e in edges for name in e[:2]}
    svg = render_network({name: int(nodes.at[name, "articles"]) for name in linked}, edges,
                         {name: cell_text(nodes.at[name, "country"]) for name in linked})
    pairs = network.sort_values(["documents", "articles", "region_a", "region_b"],
                                ascending=[False, False, True, True])
    return (f'<p class="muted cap">{len(linked)} regions, {len(edges)} links. Node size: articles naming '
            f'the region; line width: documents the pair signed. Hover for numbers.</p>{svg}',
            table(pairs, ["region_a", "region_b", "documents", "articles", "memoranda_total"], limit=TOP))
