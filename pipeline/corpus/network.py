"""Across articles: the cooperation network, one row per region pair."""
from __future__ import annotations

from ..records import LIST_SEPARATOR


def network_rows(link_rows: list[dict]) -> list[dict]:
    """One row per region pair over all articles: how many articles, documents and memoranda.

    A link row stands for one article's pair, its document kinds joined
    (`меморандум; соглашение`), its count that of the largest batch."""
    pairs: dict[tuple[str, str], dict] = {}
    for link in link_rows:
        key = (link["region_a"], link["region_b"])
        pair = pairs.setdefault(key, {"region_a": key[0], "region_b": key[1], "articles": set(),
                                      "documents": 0, "memoranda_total": 0})
        pair["articles"].add(link["article_id"])
        pair["documents"] += len(link["document"].split(LIST_SEPARATOR))
        if "меморандум" in link["document"] and link["count"]:
            pair["memoranda_total"] += link["count"]
    return [{**p, "articles": len(p["articles"])} for p in pairs.values()]

