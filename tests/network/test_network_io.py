"""Importers: every shipped dataset loads with the documented sizes; bad files fail cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from netdata import DATA, DATASETS

from octa.exc import InvalidInput
from octa.network.io import detect_format, read_network, write_json
from octa.network.model import Network, merge_edges

EXPECTED = {  # name: (format, nodes, edges, directed)
    "montagna_meetings": ("edgelist", 101, 256, False),
    "montagna_phonecalls": ("edgelist", 100, 124, False),
    "krebs": ("pajek", 34, 93, False),
    "london_gang": ("matrix", 54, 315, False),
    "montreal_gangs": ("matrix", 35, 153, True),
    "madrid": ("edgelist", 54, 226, False),
    "caviar_phase3": ("matrix", 33, 68, True),
    "caviar": ("matrix", 110, 295, True),
    "ndrangheta": ("twomode", 156, 1619, False),
}


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_shipped_dataset_loads_with_its_known_size(name: str) -> None:
    file, kwargs = DATASETS[name]
    fmt, n, m, directed = EXPECTED[name]
    assert detect_format(DATA / file) == fmt
    net = read_network(DATA / file, **kwargs)
    assert (net.n, net.m, net.directed) == (n, m, directed)
    assert net.meta["input_format"] == fmt


def test_montagna_sizes_after_deduplication_match_the_paper() -> None:
    meetings = read_network(DATA / "Montagna_meetings_edgelist.csv")
    calls = read_network(DATA / "Montagna_phonecalls_edgelist.csv")
    assert (meetings.n, meetings.m) == (101, 256)
    assert (calls.n, calls.m) == (100, 124)
    assert calls.meta["duplicates_merged"] == 26
    # networkx reading the same file as an undirected graph agrees
    g = nx.read_weighted_edgelist(DATA / "Montagna_phonecalls_edgelist.csv")
    assert (g.number_of_nodes(), g.number_of_edges()) == (100, 124)


@pytest.mark.parametrize(("merge", "weight"), [("last", 6.0), ("sum", 11.0), ("max", 6.0)])
def test_merge_policy_on_montagna_reciprocal_calls(merge: str, weight: float) -> None:
    # the file has "18 19 5" then "19 18 6"
    net = read_network(DATA / "Montagna_phonecalls_edgelist.csv", merge=merge)  # type: ignore[arg-type]
    weights = {frozenset((u, v)): w for u, v, w in net.edges}
    assert weights[frozenset(("18", "19"))] == weight


def test_merge_keeps_first_position_and_orientation() -> None:
    edges = merge_edges([("a", "b", 1), ("c", "a", 2), ("b", "a", 3)], directed=False, merge="max")
    assert edges == [("a", "b", 3.0), ("c", "a", 2.0)]
    directed = merge_edges([("a", "b", 1), ("b", "a", 3)], directed=True, merge="last")
    assert directed == [("a", "b", 1.0), ("b", "a", 3.0)]


def test_node_order_is_first_appearance() -> None:
    net = read_network(DATA / "Montagna_phonecalls_edgelist.csv")
    assert net.nodes[:5] == ["14", "101", "18", "19", "102"]


def test_montagna_attributes_match_with_a_label_prefix() -> None:
    net = read_network(DATA / "Montagna_meetings_edgelist.csv", label_prefix="N",
                       attributes=DATA / "montagna_attributes.csv")
    assert net.nodes[0] == "N0"
    assert net.attributes["N11"]["familia"] == "mistretta"
    assert "familia" in net.attribute_names()
    assert net.meta["nodes_without_attributes"] == 0


def test_krebs_pajek_with_name_map() -> None:
    net = read_network(DATA / "terrorists.net", labels=DATA / "terrorists_node_map.txt")
    assert net.nodes[0] == "Mohamed Atta"
    assert "Habib Zacarias Moussaoui" in net.nodes


def test_caviar_matrix_is_directed_call_counts() -> None:
    net = read_network(DATA / "caviar_phase3.csv")
    assert net.directed and net.meta["directed_reason"] == "asymmetric matrix"
    undirected = read_network(DATA / "caviar_phase3.csv", directed=False, merge="sum")
    assert not undirected.directed and undirected.m <= net.m
    assert sum(w for *_, w in undirected.edges) == sum(w for *_, w in net.edges)


def test_montreal_attributes_in_another_order_attach_by_label() -> None:
    net = read_network(DATA / "MONTREALGANG.csv", attributes=DATA / "MONTREALGANG_ATTR.csv")
    assert net.attributes["Bo-Gars"] == {"Allegiances": "1", "Ethnicity": "2", "Territories": "2"}


def test_ndrangheta_two_mode_projection_counts_shared_summits() -> None:
    net = read_network(DATA / "NDRANGHETAMAFIA_2M.csv")
    assert net.meta["other_mode_size"] == 47
    events = read_network(DATA / "NDRANGHETAMAFIA_2M.csv", project="columns")
    assert events.n == 47
    # check one weight against a direct count from the incidence matrix
    import csv

    rows = list(csv.reader((DATA / "NDRANGHETAMAFIA_2M.csv").open(encoding="utf-8-sig")))
    people = {r[0].strip(): [c != "0" for c in r[1:]] for r in rows[1:]}
    u, v, w = net.edges[0]
    assert w == sum(a and b for a, b in zip(people[u], people[v], strict=True))


def test_madrid_relation_table_with_node_table_and_period_weight() -> None:
    net = read_network(DATA / "Madrid_Relations_Public_Version2.csv", source_column="ID",
                       target_column="Tie_ID", attributes=DATA / "Madrid_Nodes_Public_Version2.csv")
    assert net.attributes["3100"]["Arrest_Date"] == "11/13/2001"
    snapshot = read_network(DATA / "Madrid_Relations_Public_Version2.csv", source_column="ID",
                            target_column="Tie_ID", weight_column="2004_1")
    assert 0 < snapshot.m < net.m
    assert all(w > 0 for *_, w in snapshot.edges)


def test_pajek_with_vertices_and_arcs(tmp_path: Path) -> None:
    file = tmp_path / "x.net"
    file.write_text('*Vertices 4\n1 "Ann Lee"\n2 "Bob"\n3 "Cy"\n4 "Dee"\n*Arcs\n1 2 3\n2 3\n'
                    "*Edges\n3 4 2.5\n")
    net = read_network(file)
    assert net.nodes == ["Ann Lee", "Bob", "Cy", "Dee"]
    assert net.directed is False  # mixed arcs and edges: undirected unless told
    assert read_network(file, directed=True).edges[0] == ("Ann Lee", "Bob", 3.0)


def test_graphml_round_trip(tmp_path: Path) -> None:
    g = nx.Graph()
    g.add_node("a", role="boss")
    g.add_edge("a", "b", weight=2.0)
    g.add_edge("b", "c", weight=1.0)
    nx.write_graphml(g, tmp_path / "g.graphml")
    net = read_network(tmp_path / "g.graphml")
    assert (net.nodes, net.edges) == (["a", "b", "c"], [("a", "b", 2.0), ("b", "c", 1.0)])
    assert net.attributes["a"]["role"] == "boss"


def test_records_round_trip(tmp_path: Path) -> None:
    net = read_network(DATA / "LONDON_GANG.csv", attributes=DATA / "LONDON_GANG_ATTR.csv")
    records = json.loads(json.dumps(net.to_records()))  # must survive JSON (store, API)
    back = Network.from_records(records)
    assert (back.nodes, back.edges, back.directed, back.attributes) == (
        net.nodes, net.edges, net.directed, net.attributes)
    write_json(net, tmp_path / "n.json")
    again = read_network(tmp_path / "n.json")
    assert (again.nodes, again.edges) == (net.nodes, net.edges)


def test_whitespace_csv_and_header_edge_lists(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("# comment\nx y 2\ny z\n")
    (tmp_path / "b.csv").write_text("source,target,weight\nx,y,2\ny,z,1\n")
    (tmp_path / "c.tsv").write_text("x\ty\t2\ny\tz\t1\n")
    for name in ("a.txt", "b.csv", "c.tsv"):
        net = read_network(tmp_path / name)
        assert net.edges == [("x", "y", 2.0), ("y", "z", 1.0)], name


@pytest.mark.parametrize(
    ("name", "content", "kwargs", "message", "row"),
    [
        ("empty.csv", "", {}, "empty file", None),
        ("w.txt", "a b 1\nb c heavy\n", {}, "'heavy' is not a number", 2),
        ("ragged.csv", ",a,b\na,0,1\nb,1\n", {"input_format": "matrix"}, "ragged matrix", 3),
        ("nan.csv", ",a,b\na,0,x\nb,1,0\n", {"input_format": "matrix"}, "'x' is not a number", 2),
        ("two.csv", ",e1,e2\na,1,0\nb,1,1\n", {"input_format": "matrix"}, "twomode", None),
        ("wide.txt", "a b 1 2\n", {}, "4 fields", 1),
        ("rel.csv", "ID,Tie\n1,2\n", {"source_column": "From"}, "no column named 'From'", 1),
        ("g.graphml", "<graphml><broken", {}, "not readable as GraphML", None),
    ],
)
def test_bad_files_raise_invalid_input_naming_file_and_row(
    tmp_path: Path, name: str, content: str, kwargs: dict, message: str, row: int | None
) -> None:
    file = tmp_path / name
    file.write_text(content)
    with pytest.raises(InvalidInput) as info:
        read_network(file, **kwargs)
    assert message in str(info.value)
    assert info.value.file == str(file)
    assert info.value.row == row


def test_missing_file_and_bad_attribute_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        read_network(tmp_path / "nope.csv")
    (tmp_path / "attr.csv").write_text("id,role\n1,boss,extra\n")
    with pytest.raises(InvalidInput, match="expected 2 fields"):
        read_network(DATA / "terrorists.net", attributes=tmp_path / "attr.csv")


def test_from_records_rejects_dangling_edges() -> None:
    with pytest.raises(InvalidInput, match="not in the node list"):
        Network.from_records({"nodes": [{"label": "a"}], "edges": [
            {"source": "a", "target": "b", "weight": 1}]})
    with pytest.raises(InvalidInput, match="not a network record set"):
        Network.from_records({"nodes": [{"name": "a"}], "edges": []})
