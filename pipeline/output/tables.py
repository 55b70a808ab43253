"""Records → pandas DataFrames with exactly the SPEC's columns, in SPEC order, sorted."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

import pandas as pd

from ..corpus.network import network_rows
from ..records import LIST_SEPARATOR, Extraction, ReadError

COLUMNS = {
    "articles": ["article_id", "source", "title", "published", "date", "date_source", "outlet",
                 "url", "n_chars", "regions", "n_officials", "n_sums", "memoranda_total", "status"],
    "regions": ["article_id", "region", "region_code", "country", "mentions", "forms",
                "start", "end", "sentence"],
    "officials": ["article_id", "person", "position", "organization", "region", "mentions",
                  "forms", "start", "end", "sentence"],
    "sums": ["article_id", "amount", "amount_max", "currency", "qualifier", "text",
             "start", "end", "sentence"],
    "memoranda": ["article_id", "count", "count_text", "document", "document_id", "at_event",
                  "parties", "text", "start", "end", "sentence"],
    "links": ["article_id", "region_a", "region_b", "document", "document_id", "at_event", "count",
              "sentence"],
    "errors": ["article_id", "source", "error"],
    # Beyond the SPEC's seven: what the gazetteer does not cover, and the region network.
    "places": ["article_id", "place", "normal", "kind", "parent_region", "start", "end"],
    "network": ["region_a", "region_b", "country_a", "country_b", "cross_border", "articles",
                "documents", "memoranda_total", "first_date", "last_date"],
}

SORT_KEYS = {
    "articles": ["article_id"],
    "errors": ["article_id", "source"],
    "links": ["article_id", "region_a", "region_b", "document_id"],
    "network": ["region_a", "region_b"],
}



def plain_number(value: Decimal | None) -> str | None:
    """An exact decimal as plain digits: 1400000000000, 477.6 — never 1.4E+12."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS[name])
    keys = SORT_KEYS.get(name, ["article_id", "start"])
    frame = frame.sort_values(keys, kind="stable", ignore_index=True)
    for column in ("start", "end", "mentions", "n_chars", "n_officials", "n_sums"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    for column in ("count", "memoranda_total"):
        if column in frame:
            frame[column] = pd.array(frame[column], dtype="Int64")
    return frame


def _article_row(ex: Extraction) -> dict:
    a = ex.article
    return {
        "article_id": a.article_id, "source": a.source, "title": a.title,
        "published": a.published, "date": a.date, "date_source": a.date_source,
        "outlet": a.outlet, "url": a.url, "n_chars": len(a.text),
        "regions": LIST_SEPARATOR.join(r.region for r in sorted(ex.regions, key=lambda r: r.start)),
        "n_officials": len(ex.officials), "n_sums": len(ex.sums),
        "memoranda_total": ex.memoranda_total, "status": "ok",
    }


def build_tables(extractions: Iterable[Extraction], errors: Iterable[ReadError]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for ex in extractions:
        aid = ex.article.article_id
        rows["articles"].append(_article_row(ex))
        for r in ex.regions:
            rows["regions"].append({"article_id": aid, **vars(r), "forms": LIST_SEPARATOR.join(r.forms)})
        for p in ex.places:
            rows["places"].append({"article_id": aid, **vars(p)})
        for o in ex.officials:
            rows["officials"].append({"article_id": aid, **vars(o), "forms": LIST_SEPARATOR.join(o.forms)})
        for s in ex.sums:
            rows["sums"].append({"article_id": aid, **vars(s), "amount": plain_number(s.amount),
                                 "amount_max": plain_number(s.amount_max)})
        for m in ex.memoranda:
            row = {"article_id": aid, **vars(m), "parties": LIST_SEPARATOR.join(m.parties)}
            rows["memoranda"].append({k: row[k] for k in COLUMNS["memoranda"]})
        for link in ex.links:
            rows["links"].append({"article_id": aid, **vars(link)})
    for e in errors:
        rows["errors"].append(vars(e))
        rows["articles"].append({"article_id": e.article_id, "source": e.source, "status": "error"})
    rows["network"] = network_rows(rows["links"], rows["articles"])
    return {name: _frame(name, rows[name]) for name in COLUMNS}
