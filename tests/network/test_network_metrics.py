"""Every metric against networkx on the shipped real datasets (within 1e-9)."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from netdata import DATA, DATASETS, to_nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from octa.exc import InvalidInput
from octa.network import metrics as M
from octa.network.io import read_network
from octa.network.model import Network

TOL = 1e-9
NAMES = sorted(DATASETS)


def load(name: str) -> Network:
    file, kwargs = DATASETS[name]
    return read_network(DATA / file, **kwargs)


def as_array(values: dict, n: int) -> np.ndarray:
    return np.array([values[i] for i in range(n)], dtype=float)


def close(ours: np.ndarray, theirs: np.ndarray) -> None:
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=TOL)


@pytest.fixture(scope="module", params=NAMES)
def case(request: pytest.FixtureRequest) -> tuple[Network, nx.Graph, nx.Graph]:
    net = load(request.param)
    return net, to_nx(net), to_nx(net, directed=False)


def test_degrees(case) -> None:
    net, g, _ = case
    d = M.degrees(net)
    close(d["degree"], as_array(dict(g.degree()), net.n))
    close(d["strength"], as_array(dict(g.degree(weight="weight")), net.n))
    if net.directed:
        close(d["in_degree"], as_array(dict(g.in_degree()), net.n))
        close(d["out_degree"], as_array(dict(g.out_degree()), net.n))


def test_betweenness_unweighted_and_weighted(case) -> None:
    net, g, _ = case
    close(M.betweenness(net), as_array(nx.betweenness_centrality(g), net.n))
    for _u, _v, data in g.edges(data=True):
        data["inv"] = 1.0 / data["weight"]
    close(M.betweenness(net, "distance"),
          as_array(nx.betweenness_centrality(g, weight="weight"), net.n))
    close(M.betweenness(net, "inverse"), as_array(nx.betweenness_centrality(g, weight="inv"), net.n))


def test_closeness(case) -> None:
    net, g, _ = case
    close(M.closeness(net), as_array(nx.closeness_centrality(g), net.n))
    close(M.closeness(net, "distance"), as_array(nx.closeness_centrality(g, distance="weight"), net.n))
    for _u, _v, data in g.edges(data=True):
        data["inv"] = 1.0 / data["weight"]
    close(M.closeness(net, "inverse"), as_array(nx.closeness_centrality(g, distance="inv"), net.n))


def test_spectral_centralities(case) -> None:
    net, g, _ = case
    ref = nx.eigenvector_centrality(g, weight="weight", tol=1e-14, max_iter=100_000)
    close(M.eigenvector(net), as_array(ref, net.n))
    alpha = M.katz_alpha(net)
    ref = nx.katz_centrality(g, alpha=alpha, weight="weight", tol=1e-14, max_iter=100_000)
    close(M.katz(net), as_array(ref, net.n))
    close(M.pagerank(net), as_array(_pagerank_python(g, weight="weight", tol=1e-15,
                                                     max_iter=100_000), net.n))


def test_katz_alpha_is_below_the_convergence_bound(case) -> None:
    net, g, _ = case
    a = nx.to_numpy_array(g, weight="weight")
    radius = max(abs(np.linalg.eigvals(a)))
    assert M.katz_alpha(net) == pytest.approx(0.85 / radius, rel=1e-9)


def test_cores_clustering_components(case) -> None:
    net, _g, u = case
    close(M.kcore(net), as_array(nx.core_number(u), net.n))
    close(M.clustering(net), as_array(nx.clustering(u), net.n))
    comps = M.components(net)
    ref = sorted(nx.connected_components(u), key=lambda c: (-len(c), min(c)))
    for k, members in enumerate(ref):
        assert set(np.flatnonzero(comps == k)) == members


def test_graph_level_summary(case) -> None:
    net, g, u = case
    summary = M.graph_summary(net)
    assert summary["density"] == pytest.approx(nx.density(g), abs=TOL)
    assert summary["global_efficiency"] == pytest.approx(nx.global_efficiency(u), abs=TOL)
    lcc = u.subgraph(max(nx.connected_components(u), key=len))
    assert summary["diameter"] == nx.diameter(lcc)
    assert summary["components"] == nx.number_connected_components(u)
    assert summary["transitivity"] == pytest.approx(nx.transitivity(u), abs=TOL)
    assert summary["average_clustering"] == pytest.approx(nx.average_clustering(u), abs=TOL)
    ref = nx.degree_assortativity_coefficient(g)
    assert (summary["degree_assortativity"] is None and math.isnan(ref)) or \
        summary["degree_assortativity"] == pytest.approx(ref, abs=TOL)


def test_freeman_centralisation_by_hand() -> None:
    star = Network(["c", "a", "b", "d"], [("c", "a", 1), ("c", "b", 1), ("c", "d", 1)])
    assert M.centralisation(star) == {"degree_centralisation": 1.0,
                                      "betweenness_centralisation": 1.0}
    ring = Network(list("abcd"), [("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("d", "a", 1)])
    assert M.centralisation(ring) == {"degree_centralisation": 0.0,
                                      "betweenness_centralisation": 0.0}
    net = load("krebs")
    u = to_nx(net, directed=False)
    deg = np.array([d for _, d in u.degree()], dtype=float)
    n = net.n
    expected = (deg.max() - deg).sum() / ((n - 1) * (n - 2))
    assert M.centralisation(net)["degree_centralisation"] == pytest.approx(expected, abs=TOL)
    bet = as_array(nx.betweenness_centrality(u), n)
    assert M.centralisation(net)["betweenness_centralisation"] == pytest.approx(
        (bet.max() - bet).sum() / (n - 1), abs=TOL)


def test_compute_metrics_table_and_errors() -> None:
    net = read_network(DATA / "LONDON_GANG.csv", attributes=DATA / "LONDON_GANG_ATTR.csv")
    result = M.compute_metrics(net, group_attribute="Birthplace")
    assert len(result.nodes) == 54 and result.nodes[0]["node"] == "1"
    assert {"coordinator", "gatekeeper", "group", "community"} <= set(result.columns)
    assert result.graph["modularity"] > 0.2
    with pytest.raises(InvalidInput, match="unknown attribute 'Nope'"):
        M.compute_metrics(net, group_attribute="Nope")
    with pytest.raises(InvalidInput, match="unknown weighting"):
        M.betweenness(net, "bogus")


def test_sampled_betweenness_with_every_source_is_exact() -> None:
    from octa.network.backend import sampled_betweenness

    for name in ("montagna_meetings", "ndrangheta", "krebs"):
        net = load(name)
        src, dst, _ = net.arrays()
        close(sampled_betweenness(net.n, src, dst, samples=net.n),
              as_array(nx.betweenness_centrality(to_nx(net)), net.n))
        half = sampled_betweenness(net.n, src, dst, samples=net.n // 2, seed=3)
        assert half.shape == (net.n,) and (half >= 0).all()
