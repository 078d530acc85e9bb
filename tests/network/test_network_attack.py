"""Disruption simulation against a from-scratch networkx reference on real networks."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from netdata import DATA, to_nx

from octa.exc import InvalidInput
from octa.network.attack import attack, collective_influence, compare
from octa.network.io import read_network
from octa.network.metrics import katz_alpha
from octa.network.model import Network
from octa.network.plot import plot_attack

FILES = ["Montagna_meetings_edgelist.csv", "terrorists.net", "morselli_caviar.csv",
         "NDRANGHETAMAFIA_2M.csv"]


def reference(net: Network, strategy: str, steps: int, block: int = 1) -> list[tuple]:
    """Recompute everything with networkx after every round; ties to the earliest node."""
    g = to_nx(net, directed=False)
    alpha = katz_alpha(net.to_undirected("sum"))
    lcc0 = max(len(c) for c in nx.connected_components(g))
    rows = [(0, [], 1.0, nx.global_efficiency(g))]
    removed = 0
    for _ in range(steps):
        if g.number_of_nodes() == 0:
            break
        if strategy == "degree":
            scores = dict(g.degree())
        elif strategy == "betweenness":
            scores = nx.betweenness_centrality(g, normalized=False)
        elif strategy == "katz":
            scores = nx.katz_centrality(g, alpha=alpha, weight="weight", tol=1e-14,
                                        max_iter=100_000)
        else:
            scores = {i: (g.degree(i) - 1) * sum(g.degree(j) - 1 for j in g[i]) for i in g}
        chosen: list[int] = []
        for _ in range(min(block, g.number_of_nodes())):
            left = {k: v for k, v in scores.items() if k not in chosen}
            best = max(left.values())
            chosen.append(min(k for k, v in left.items() if v >= best - 1e-9 * max(1, abs(best))))
        g.remove_nodes_from(chosen)
        removed += len(chosen)
        lcc = max((len(c) for c in nx.connected_components(g)), default=0)
        rows.append((removed, [net.nodes[i] for i in chosen], lcc / lcc0, nx.global_efficiency(g)))
    return rows


@pytest.mark.parametrize("file", FILES)
@pytest.mark.parametrize("strategy", ["degree", "betweenness", "katz", "ci"])
@pytest.mark.parametrize(("mode", "block"), [("sequential", 1), ("block", 4)])
def test_attack_matches_networkx_reference(file: str, strategy: str, mode: str, block: int) -> None:
    net = read_network(DATA / file)
    rows = attack(net, strategy, mode=mode, block_size=block, steps=12)
    expected = reference(net, strategy, 12, block)
    assert [(r["step"], r["removed"]) for r in rows] == [(e[0], e[1]) for e in expected]
    for r, e in zip(rows, expected, strict=True):
        assert r["lcc_fraction"] == pytest.approx(e[2], abs=1e-12)
        assert r["efficiency"] == pytest.approx(e[3], abs=1e-9)


def test_step_zero_is_the_intact_network_and_the_attack_runs_to_empty() -> None:
    net = read_network(DATA / "terrorists.net")
    rows = attack(net, "degree", steps=100)
    assert rows[0] == {"step": 0, "removed": [], "lcc_fraction": 1.0,
                       "efficiency": pytest.approx(nx.global_efficiency(to_nx(net)))}
    assert rows[-1]["step"] == 34 and rows[-1]["lcc_fraction"] == 0.0
    assert rows[1]["removed"] == ["0"]  # Mohamed Atta, the hub


def test_ties_go_to_the_first_node_in_input_order() -> None:
    ring = Network(["d", "a", "c", "b"], [("d", "a", 1), ("a", "c", 1), ("c", "b", 1), ("b", "d", 1)])
    for strategy in ("degree", "betweenness", "katz", "ci"):
        assert attack(ring, strategy, steps=1)[1]["removed"] == ["d"], strategy


def test_collective_influence_formula() -> None:
    # path a-b-c-d plus e attached to b: CI(b) = (3-1)*((1-1)+(2-1)+(1-1)) = 2
    net = Network(list("abcde"), [("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("b", "e", 1)])
    src, dst, _ = net.arrays()
    import numpy as np

    rows, cols = np.concatenate([src, dst]), np.concatenate([dst, src])
    ci = collective_influence(5, rows, cols, np.ones(len(rows), bool), np.ones(5, bool))
    assert ci.tolist() == [0.0, 2.0, 2.0, 0.0, 0.0]


def test_random_runs_are_averaged_and_reproducible() -> None:
    net = read_network(DATA / "Montagna_phonecalls_edgelist.csv")
    one = [attack(net, "random", steps=5, seed=s) for s in (7, 8, 9)]
    avg = attack(net, "random", steps=5, seed=7, runs=3)
    assert avg == attack(net, "random", steps=5, seed=7, runs=3)
    for i, row in enumerate(avg):
        assert row["lcc_fraction"] == pytest.approx(sum(t[i]["lcc_fraction"] for t in one) / 3)
        assert row["removed"] == one[0][i]["removed"]


def test_directed_networks_are_attacked_as_undirected() -> None:
    net = read_network(DATA / "caviar_phase3.csv")
    assert attack(net, "degree", steps=3) == attack(net.to_undirected("sum"), "degree", steps=3)


def test_compare_and_bad_options() -> None:
    net = read_network(DATA / "terrorists.net")
    both = compare(net, ["degree", "ci"], steps=2)
    assert set(both) == {"degree", "ci"} and len(both["ci"]) == 3
    buffer = io.BytesIO()
    plot_attack(both, buffer, title="9/11")
    assert buffer.getvalue()[:4] == b"\x89PNG"
    with pytest.raises(InvalidInput, match="unknown strategy"):
        attack(net, "pagerank")
    with pytest.raises(InvalidInput, match="unknown mode"):
        attack(net, "degree", mode="parallel")
