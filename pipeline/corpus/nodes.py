"""Across articles: the regions as the nodes of the network (`nodes.csv`, the graph files)."""
from __future__ import annotations


def node_rows(region_rows: list[dict], network_rows: list[dict]) -> list[dict]:
    """One row per region named in the corpus: its code and country, how many articles name
    it, how many regions it signed with (`links`) and how many documents those pairs signed.

    `region_rows` and `network_rows` leave reposts out already."""
    nodes: dict[str, dict] = {}
    for row in region_rows:
        node = nodes.setdefault(row["region"], {"region": row["region"], "region_code": row["region_code"] or None,
                                                "country": row["country"], "articles": set(),
                                                "links": 0, "documents": 0})
        node["articles"].add(row["article_id"])
    for pair in network_rows:
        for name in (pair["region_a"], pair["region_b"]):
            node = nodes.setdefault(name, {"region": name, "region_code": None, "country": None,
                                           "articles": set(), "links": 0, "documents": 0})
            node["links"] += 1
            node["documents"] += pair["documents"]
    return [{**n, "articles": len(n["articles"])} for n in nodes.values()]
