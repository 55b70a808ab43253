"""Across articles: the cooperation network, one row per region pair."""
from __future__ import annotations

from ..extractors.gazetteer import region_countries


def network_rows(link_rows: list[dict], article_rows: list[dict]) -> list[dict]:
    """One row per region pair over all articles: articles, distinct documents, memoranda, dates.

    A link row stands for one document (`document_id`) of one article's pair. A
    document the article says was signed earlier still counts as a document, but
    only memoranda signed at the event add to `memoranda_total`, and a pair never
    gets more from an article than that article's own `memoranda_total`. An
    article repeating another's story (`duplicate_of`) is counted once, as that one."""
    articles = {row["article_id"]: row for row in article_rows}
    countries = region_countries()
    pairs: dict[tuple[str, str], dict] = {}
    for link in link_rows:
        article = articles.get(link["article_id"], {})
        if article.get("duplicate_of"):
            continue
        key = (link["region_a"], link["region_b"])
        pair = pairs.setdefault(key, {"articles": set(), "documents": set(), "memoranda": {}})
        pair["articles"].add(link["article_id"])
        pair["documents"].add((link["article_id"], link["document_id"]))
        if link["at_event"] and link["count"] and "меморандум" in link["document"]:
            memoranda = pair["memoranda"]
            memoranda[link["article_id"]] = memoranda.get(link["article_id"], 0) + link["count"]
    rows = []
    for (a, b), pair in pairs.items():
        memoranda = sum(min(count, articles.get(aid, {}).get("memoranda_total") or 0)
                        for aid, count in pair["memoranda"].items())
        dates = sorted(d for aid in pair["articles"] if (d := articles.get(aid, {}).get("date")))
        rows.append({
            "region_a": a, "region_b": b, "country_a": countries.get(a), "country_b": countries.get(b),
            "cross_border": countries.get(a) != countries.get(b), "articles": len(pair["articles"]),
            "documents": len(pair["documents"]), "memoranda_total": memoranda,
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        })
    return rows
