"""The region network as files Gephi, yEd and networkx open: network.gexf, network.graphml.

Nodes are the rows of `nodes.csv` (keyed by the region's name, with its ISO code,
country and article count), edges the rows of `network.csv` (documents, memoranda
and, where the table has them, the first and last date). Both come from the tables,
so the graph files always agree with the CSVs. An empty cell is left out of the
element's attributes: GraphML and GEXF have no "missing" value.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import write

if TYPE_CHECKING:
    import networkx as nx

GRAPH_FILES = {"gexf": "network.gexf", "graphml": "network.graphml"}
WRITERS = {"gexf": "write_gexf", "graphml": "write_graphml"}  # networkx's functions


def _attributes(record: dict, skip: tuple[str, ...]) -> dict:
    """A table row as plain Python attributes: numpy scalars unwrapped, empty cells dropped."""
    plain = {}
    for key, value in record.items():
        if key in skip or value is None or value is pd.NA or (isinstance(value, float) and value != value):
            continue
        plain[key] = value.item() if hasattr(value, "item") else value
    return plain


def build_graph(frames: dict[str, pd.DataFrame]) -> "nx.Graph":
    import networkx as nx  # here: a rerun that keeps the graph files spares its import
    graph = nx.Graph(name="region network")
    for record in frames["nodes"].to_dict("records"):
        graph.add_node(record["region"], label=record["region"], **_attributes(record, ("region",)))
    for record in frames["network"].to_dict("records"):
        graph.add_edge(record["region_a"], record["region_b"],
                       weight=int(record["documents"]),  # what Gephi and yEd size edges by
                       **_attributes(record, ("region_a", "region_b")))
    return graph


def write_graph(graph: "nx.Graph", fmt: str, path: Path) -> Path:
    """`graph` as the file `fmt` names (gexf, graphml)."""
    import networkx as nx
    write.write_atomically(Path(path), lambda tmp: getattr(nx, WRITERS[fmt])(graph, tmp))
    return path
