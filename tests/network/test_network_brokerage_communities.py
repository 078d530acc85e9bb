"""Brokerage roles against a triad-by-triad count; Louvain and modularity against networkx."""

from __future__ import annotations

from itertools import permutations

import networkx as nx
import numpy as np
import pytest
from netdata import DATA, to_nx

from octa.network.brokerage import ROLES, brokerage
from octa.network.community import communities, louvain, modularity
from octa.network.io import read_network
from octa.network.model import Network


def brute_force_roles(net: Network, attribute: str) -> dict[str, list[int]]:
    """Enumerate every open two-path a→b→c and classify it (the definition, slowly)."""
    idx = net.index()
    out: dict[int, set[int]] = {i: set() for i in range(net.n)}
    for u, v, _ in net.edges:
        out[idx[u]].add(idx[v])
        if not net.directed:
            out[idx[v]].add(idx[u])
    g = [net.attributes.get(v, {}).get(attribute, "") for v in net.nodes]
    counts = {role: [0] * net.n for role in ROLES}
    for a, b, c in permutations(range(net.n), 3):
        if b in out[a] and c in out[b] and c not in out[a]:
            if g[a] == g[b] == g[c]:
                role = "coordinator"
            elif g[a] == g[c]:
                role = "itinerant"
            elif g[a] == g[b]:
                role = "representative"
            elif g[b] == g[c]:
                role = "gatekeeper"
            else:
                role = "liaison"
            counts[role][b] += 1
    return counts


@pytest.mark.parametrize(
    ("file", "attributes", "attribute", "kwargs"),
    [
        ("LONDON_GANG.csv", "LONDON_GANG_ATTR.csv", "Birthplace", {}),
        ("MONTREALGANG.csv", "MONTREALGANG_ATTR.csv", "Allegiances", {}),
        ("Montagna_phonecalls_edgelist.csv", "montagna_attributes.csv", "familia",
         {"label_prefix": "N"}),
    ],
)
def test_brokerage_matches_triad_enumeration(file, attributes, attribute, kwargs) -> None:
    net = read_network(DATA / file, attributes=DATA / attributes, **kwargs)
    assert brokerage(net, attribute) == brute_force_roles(net, attribute)


def test_brokerage_textbook_cases() -> None:
    def roles(groups: dict[str, str]) -> dict[str, int]:
        net = Network(["a", "b", "c"], [("a", "b", 1), ("b", "c", 1)], directed=True,
                      attributes={k: {"g": v} for k, v in groups.items()})
        counts = brokerage(net, "g")
        return {role: counts[role][1] for role in ROLES if counts[role][1]}

    assert roles({"a": "x", "b": "x", "c": "x"}) == {"coordinator": 1}
    assert roles({"a": "x", "b": "y", "c": "x"}) == {"itinerant": 1}
    assert roles({"a": "x", "b": "x", "c": "y"}) == {"representative": 1}
    assert roles({"a": "y", "b": "x", "c": "x"}) == {"gatekeeper": 1}
    assert roles({"a": "x", "b": "y", "c": "z"}) == {"liaison": 1}


@pytest.mark.parametrize("file", ["LONDON_GANG.csv", "Montagna_meetings_edgelist.csv",
                                  "NDRANGHETAMAFIA_2M.csv", "morselli_caviar.csv"])
def test_modularity_matches_networkx(file: str) -> None:
    net = read_network(DATA / file)
    labels, q = communities(net, seed=1)
    u = to_nx(net, directed=False)
    parts = [set(np.flatnonzero(np.array(labels) == k)) for k in range(max(labels) + 1)]
    assert q == pytest.approx(nx.community.modularity(u, parts, weight="weight"), abs=1e-9)
    assert labels[0] == 0  # numbered by first appearance


def test_numpy_louvain_is_close_to_networkx_on_planted_partitions() -> None:
    g = nx.planted_partition_graph(20, 50, 0.3, 0.01, seed=3)
    edges = np.array(list(g.edges()))
    src, dst, w = edges[:, 0], edges[:, 1], np.ones(len(edges))
    labels = louvain(g.number_of_nodes(), src, dst, w, seed=0)
    ours = modularity(g.number_of_nodes(), src, dst, w, labels)
    ref = nx.community.modularity(g, nx.community.louvain_communities(g, seed=0))
    assert ours == pytest.approx(nx.community.modularity(
        g, [set(np.flatnonzero(labels == k)) for k in range(labels.max() + 1)]), abs=1e-9)
    assert ours >= ref - 0.02


def test_numpy_louvain_on_real_networks_is_close_to_networkx() -> None:
    for file in ("LONDON_GANG.csv", "NDRANGHETAMAFIA_2M.csv", "Montagna_meetings_edgelist.csv"):
        net = read_network(DATA / file)
        _, q_nx = communities(net, method="networkx")
        _, q_np = communities(net, method="numpy")
        assert q_np >= q_nx - 0.03, file
