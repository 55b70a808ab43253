"""network.gexf and network.graphml load in networkx with every region and pair of the CSVs."""
import networkx as nx
import pandas as pd
import pytest

from pipeline.cli import main

ARTICLES = {
    "one": "Аким Павлодарской области Болат Бакауов и губернатор Омской области Виктор Назаров "
           "подписали три меморандума о сотрудничестве.",
    "two": "Акимат Алматы и правительство Москвы подписали соглашение о сотрудничестве.",
    "four": "Акиматы Павлодарской области и правительство Омской области подписали договор о торговле.",
    "three": "В Атырауской области открыли новую школу.",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder, out = tmp_path_factory.mktemp("in"), tmp_path_factory.mktemp("out")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    return out


def read(out, name):
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False)


@pytest.mark.parametrize("name, load", [("network.gexf", nx.read_gexf), ("network.graphml", nx.read_graphml)])
def test_graph_files_hold_every_region_and_pair_of_the_csvs(out, name, load):
    graph = load(out / name)
    network, nodes = read(out, "network"), read(out, "nodes")
    assert len(network) == 2
    assert sorted(map(sorted, graph.edges())) == sorted(sorted(p) for p in zip(network.region_a, network.region_b))
    for pair in network.to_dict("records"):
        edge = graph.edges[pair["region_a"], pair["region_b"]]
        assert int(edge["documents"]) == pair["documents"] and int(edge["articles"]) == pair["articles"]
        assert int(edge["memoranda_total"]) == pair["memoranda_total"]
    assert sorted(graph.nodes()) == sorted(nodes.region)
    for node in nodes.to_dict("records"):
        attributes = graph.nodes[node["region"]]
        assert (attributes["region_code"], attributes["country"], int(attributes["articles"])) == \
               (node["region_code"], node["country"], node["articles"])


def test_nodes_count_the_articles_naming_each_region_and_its_links(out):
    nodes = read(out, "nodes").set_index("region")
    assert nodes.loc["Павлодарская область", ["articles", "links", "documents"]].tolist() == [2, 1, 2]
    assert nodes.loc["Атырауская область", ["articles", "links", "documents"]].tolist() == [1, 0, 0]
    assert nodes.loc["Москва", "country"] == "RU"
