"""Paths of the shipped test datasets and a networkx converter shared by the network tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from octa.network.model import Network

DATA = Path(__file__).resolve().parents[1] / "data" / "networks"

#: (file, read_network keyword arguments) for every shipped network.
DATASETS: dict[str, tuple[str, dict[str, Any]]] = {
    "montagna_meetings": ("Montagna_meetings_edgelist.csv", {}),
    "montagna_phonecalls": ("Montagna_phonecalls_edgelist.csv", {}),
    "krebs": ("terrorists.net", {}),
    "london_gang": ("LONDON_GANG.csv", {}),
    "montreal_gangs": ("MONTREALGANG.csv", {}),
    "madrid": ("Madrid_Relations_Public_Version2.csv",
               {"source_column": "ID", "target_column": "Tie_ID"}),
    "caviar_phase3": ("caviar_phase3.csv", {}),
    "caviar": ("morselli_caviar.csv", {}),
    "ndrangheta": ("NDRANGHETAMAFIA_2M.csv", {}),
}


def to_nx(net: Network, *, directed: bool | None = None) -> Any:
    """networkx graph on node indices with `weight` = tie weight (reciprocal ties summed)."""
    want = net.directed if directed is None else directed
    graph = nx.DiGraph() if want else nx.Graph()
    graph.add_nodes_from(range(net.n))
    idx = net.index()
    for u, v, w in net.edges:
        a, b = idx[u], idx[v]
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += w
        else:
            graph.add_edge(a, b, weight=w)
    return graph
