"""Node- and graph-level network metrics on a `Network`, fast (rustworkx/numpy) and plain.

Conventions (tests hold every one against networkx):

* Path metrics (betweenness, closeness) are unweighted unless `weighted` is "distance" (weight
  is a length) or "inverse" (length = 1/weight, so strong ties are short).  rustworkx has no
  weighted betweenness, so weighted runs use networkx's Dijkstra–Brandes.
* Spectral metrics (eigenvector, Katz, PageRank) and strength use weights as tie strength.
  Eigenvector centrality of a directed network without a dominant strongly connected core
  (power iteration does not converge) is reported as None rather than a wrong number.
  Katz uses alpha = 0.85 / spectral radius unless given, so it always converges.
* Directed networks keep direction for degree in/out, betweenness, closeness (incoming
  distance, as networkx), eigenvector/Katz (in-ties), and PageRank.  k-core, clustering,
  components (weak), diameter, efficiency, centralisation and communities use the
  undirected view.  Betweenness is normalised as networkx does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import rustworkx as rx

from octa.exc import InvalidInput
from octa.network import backend
from octa.network.brokerage import ROLES, brokerage
from octa.network.community import communities
from octa.network.model import Network

Weighting = Literal["distance", "inverse"]
WEIGHTINGS: tuple[str, ...] = ("distance", "inverse")

NODE_COLUMNS: tuple[str, ...] = (
    "node", "degree", "in_degree", "out_degree", "strength", "betweenness", "closeness",
    "eigenvector", "katz", "pagerank", "kcore", "clustering", "component", "community",
)


@dataclass
class MetricsResult:
    """A node table (one dict per node, in node order) and a graph-level summary."""

    nodes: list[dict[str, Any]]
    graph: dict[str, Any]
    columns: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"graph": self.graph, "nodes": self.nodes}


# -- node-level --------------------------------------------------------------------------------
def degrees(net: Network) -> dict[str, np.ndarray]:
    """Degree (distinct neighbours counted per tie), in/out degree and weighted strength."""
    src, dst, wts = net.arrays()
    out_d = np.bincount(src, minlength=net.n)
    in_d = np.bincount(dst, minlength=net.n)
    strength = np.bincount(src, weights=wts, minlength=net.n) + np.bincount(
        dst, weights=wts, minlength=net.n)
    if not net.directed:
        return {"degree": out_d + in_d, "in_degree": out_d + in_d, "out_degree": out_d + in_d,
                "strength": strength}
    return {"degree": out_d + in_d, "in_degree": in_d, "out_degree": out_d, "strength": strength}


def _check_weighting(weighted: str | None, net: Network) -> None:
    if weighted is not None and weighted not in WEIGHTINGS:
        raise InvalidInput(f"unknown weighting {weighted!r}; use distance or inverse")
    if weighted is not None:
        _, _, wts = net.arrays()
        if (wts <= 0).any():
            raise InvalidInput("weighted path metrics need positive weights")


def nx_graph(net: Network, weighted: str | None = None, *, directed: bool | None = None) -> Any:
    """The networkx graph of `net`; edge attribute `dist` holds the path length."""
    import networkx as nx

    want = net.directed if directed is None else directed
    graph = nx.DiGraph() if want else nx.Graph()
    graph.add_nodes_from(range(net.n))
    src, dst, wts = net.arrays()
    if net.directed and not want:
        src, dst, wts = backend.undirected_arrays(net.n, src, dst, wts)
    for u, v, w in zip(src.tolist(), dst.tolist(), wts.tolist(), strict=True):
        dist = w if weighted == "distance" else (1.0 / w if weighted == "inverse" else 1.0)
        graph.add_edge(u, v, weight=w, dist=dist)
    return graph


def betweenness(net: Network, weighted: str | None = None, *, normalized: bool = True) -> np.ndarray:
    """Shortest-path betweenness (Brandes), rustworkx when unweighted."""
    _check_weighting(weighted, net)
    if net.n == 0:
        return np.zeros(0)
    if weighted is None:
        graph = backend.network_graph(net)
        scores = rx.betweenness_centrality(graph, normalized=normalized)
        return np.array([scores[i] for i in range(net.n)])
    import networkx as nx

    values = nx.betweenness_centrality(nx_graph(net, weighted), normalized=normalized,
                                       weight="dist")
    return np.array([values[i] for i in range(net.n)])


def closeness(net: Network, weighted: str | None = None) -> np.ndarray:
    """Closeness with the Wasserman–Faust correction for disconnected graphs (as networkx)."""
    _check_weighting(weighted, net)
    if net.n == 0:
        return np.zeros(0)
    if weighted is None:
        scores = rx.closeness_centrality(backend.network_graph(net), wf_improved=True)
        return np.array([scores[i] for i in range(net.n)])
    import networkx as nx

    values = nx.closeness_centrality(nx_graph(net, weighted), distance="dist")
    return np.array([values[i] for i in range(net.n)])


def eigenvector(net: Network, *, tol: float = 1e-12, max_iter: int = 100_000) -> np.ndarray:
    """Eigenvector centrality (weights as strength; in-ties for directed), unit L2 norm."""
    if net.m == 0:
        return np.zeros(net.n)
    try:
        scores = rx.eigenvector_centrality(backend.network_graph(net), weight_fn=float,
                                           max_iter=max_iter, tol=tol)
    except rx.FailedToConverge:
        scores = None
    if scores is None:  # no convergence: e.g. a directed network without a strong core
        return np.full(net.n, np.nan)
    return np.array([scores[i] for i in range(net.n)])


def katz_alpha(net: Network) -> float:
    """0.85 / spectral radius (weighted), the largest safe attenuation scaled back a little."""
    src, dst, wts = net.arrays()
    radius = backend.spectral_radius(net.n, src, dst, wts, directed=net.directed)
    return 0.85 / radius if radius > 0 else 0.1


def katz(net: Network, alpha: float | None = None, *, tol: float = 1e-12,
         max_iter: int = 100_000) -> np.ndarray:
    """Katz centrality (beta = 1, weights as strength), normalised to unit L2 norm."""
    if net.n == 0:
        return np.zeros(0)
    a = katz_alpha(net) if alpha is None else alpha
    try:
        scores = rx.katz_centrality(backend.network_graph(net), alpha=a, beta=1.0,
                                    weight_fn=float, max_iter=max_iter, tol=tol)
    except rx.FailedToConverge:
        scores = None
    if scores is None:
        return np.full(net.n, np.nan)
    return np.array([scores[i] for i in range(net.n)])


def pagerank(net: Network, alpha: float = 0.85, *, tol: float = 1e-12) -> np.ndarray:
    """PageRank (weights as strength); undirected ties count both ways."""
    if net.n == 0:
        return np.zeros(0)
    src, dst, wts = net.arrays()
    if not net.directed:
        src, dst, wts = np.concatenate([src, dst]), np.concatenate([dst, src]), np.concatenate(
            [wts, wts])
    graph = backend.rx_graph(net.n, src, dst, wts, directed=True)
    scores = rx.pagerank(graph, alpha=alpha, weight_fn=float, tol=tol, max_iter=100_000)
    return np.array([scores[i] for i in range(net.n)])


def kcore(net: Network) -> np.ndarray:
    """Core number of the undirected view (a reciprocal pair is one tie)."""
    if net.n == 0:
        return np.zeros(0, dtype=int)
    cores = rx.core_number(backend.network_graph(net, directed=False))
    return np.array([cores[i] for i in range(net.n)], dtype=int)


def clustering(net: Network) -> np.ndarray:
    """Unweighted local clustering coefficient of the undirected view."""
    src, dst, _ = _undirected(net)
    return backend.local_clustering(net.n, src, dst)


def components(net: Network) -> np.ndarray:
    """Connected (weak) component per node: 0 is the largest, ties by first appearance."""
    graph = backend.network_graph(net, directed=False)
    comps = sorted((sorted(c) for c in rx.connected_components(graph)),
                   key=lambda c: (-len(c), c[0]))
    labels = np.empty(net.n, dtype=int)
    for k, members in enumerate(comps):
        labels[members] = k
    return labels


def _undirected(net: Network) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    src, dst, wts = net.arrays()
    if net.directed:
        return backend.undirected_arrays(net.n, src, dst, wts)
    return src, dst, wts


# -- graph-level -------------------------------------------------------------------------------
def density(net: Network) -> float:
    """Share of possible ties present (ordered pairs when directed)."""
    if net.n < 2:
        return 0.0
    pairs = net.n * (net.n - 1) / (1 if net.directed else 2)
    return net.m / pairs


def distance_summary(net: Network) -> dict[str, float | None]:
    """Diameter of the largest component and global efficiency, on the undirected view.

    Both need all-pairs distances, so they are skipped (None) above `DENSE_DISTANCE_LIMIT`.
    """
    if net.n > backend.DENSE_DISTANCE_LIMIT:
        return {"diameter": None, "global_efficiency": None}
    if net.n < 2:
        return {"diameter": 0.0, "global_efficiency": 0.0}
    dist = rx.distance_matrix(backend.network_graph(net, directed=False), null_value=np.inf)
    np.fill_diagonal(dist, np.inf)
    finite = np.isfinite(dist)
    inv = np.where(finite, 1.0 / np.where(finite, dist, 1.0), 0.0)
    efficiency = float(inv.sum() / (net.n * (net.n - 1)))
    labels = components(net)
    lcc = labels == 0
    sub = dist[np.ix_(lcc, lcc)]
    diameter = float(sub[np.isfinite(sub)].max()) if lcc.sum() > 1 else 0.0
    return {"diameter": diameter, "global_efficiency": efficiency}


def global_efficiency(net: Network) -> float:
    """Mean inverse shortest-path length over ordered pairs (unreachable pairs count 0)."""
    value = distance_summary(net)["global_efficiency"]
    return float("nan") if value is None else float(value)


def assortativity(net: Network) -> float:
    """Degree assortativity (networkx's definition: out-degree → in-degree when directed)."""
    src, dst, _ = net.arrays()
    if net.m == 0:
        return float("nan")
    d = degrees(net)
    if net.directed:
        x, y = d["out_degree"][src], d["in_degree"][dst]
    else:
        deg = d["degree"]
        x = np.concatenate([deg[src], deg[dst]])
        y = np.concatenate([deg[dst], deg[src]])
    x, y = x.astype(float), y.astype(float)
    sx, sy = x.std(), y.std()
    if sx == 0 or sy == 0:
        return float("nan")
    return float(((x - x.mean()) * (y - y.mean())).mean() / (sx * sy))


def freeman_centralisation(values: np.ndarray, max_sum: float) -> float:
    """Freeman's Σ(max − c_i) divided by its largest possible value (the star's)."""
    if len(values) < 3 or max_sum <= 0:
        return 0.0
    return float((values.max() - values).sum() / max_sum)


def centralisation(net: Network, betweenness_values: np.ndarray | None = None) -> dict[str, float]:
    """Freeman degree and betweenness centralisation of the undirected view (1 = a star)."""
    und = net.to_undirected("sum")
    n = net.n
    deg = degrees(und)["degree"].astype(float)
    bet = betweenness(und) if betweenness_values is None or net.directed else betweenness_values
    return {
        "degree_centralisation": freeman_centralisation(deg, (n - 1) * (n - 2)),
        "betweenness_centralisation": freeman_centralisation(bet, n - 1),
    }


def transitivity(net: Network) -> float:
    """Global clustering: 3 × triangles / connected triples, undirected view."""
    if net.n == 0:
        return 0.0
    return float(rx.transitivity(backend.network_graph(net, directed=False)))


# -- everything at once ------------------------------------------------------------------------
def compute_metrics(
    net: Network,
    *,
    weighted: str | None = None,
    group_attribute: str | None = None,
    seed: int = 0,
) -> MetricsResult:
    """The full node table and graph summary the CLI, API and web page show."""
    if group_attribute is not None:
        roles = brokerage(net, group_attribute)  # fails early on an unknown attribute
    d = degrees(net)
    bet = betweenness(net, weighted)
    columns: dict[str, Any] = {
        **d,
        "betweenness": bet,
        "closeness": closeness(net, weighted),
        "eigenvector": eigenvector(net),
        "katz": katz(net),
        "pagerank": pagerank(net),
        "kcore": kcore(net),
        "clustering": clustering(net),
        "component": components(net),
    }
    labels, q = communities(net, seed=seed)
    columns["community"] = np.array(labels)
    names = list(NODE_COLUMNS)
    if group_attribute is not None:
        columns.update({role: np.array(roles[role]) for role in ROLES})
        columns["group"] = [net.attributes.get(v, {}).get(group_attribute, "") for v in net.nodes]
        names += ["group", *ROLES]
    rows = []
    for i, label in enumerate(net.nodes):
        row: dict[str, Any] = {"node": label}
        for name in names[1:]:
            row[name] = _plain(columns[name][i])
        rows.append(row)
    graph = graph_summary(net, bet if weighted is None else None)
    graph.update({"communities": len(set(labels)), "modularity": q,
                  "weighted": weighted or "no", "group_attribute": group_attribute})
    return MetricsResult(rows, graph, names)


def graph_summary(net: Network, betweenness_values: np.ndarray | None = None) -> dict[str, Any]:
    """Graph-level figures: size, density, components, distances, assortativity, centralisation."""
    labels = components(net) if net.n else np.zeros(0, dtype=int)
    clus = clustering(net)
    summary: dict[str, Any] = {
        "nodes": net.n,
        "edges": net.m,
        "directed": net.directed,
        "density": density(net),
        "components": int(labels.max()) + 1 if net.n else 0,
        "largest_component": int((labels == 0).sum()) if net.n else 0,
        **distance_summary(net),
        "degree_assortativity": assortativity(net),
        "transitivity": transitivity(net),
        "average_clustering": float(clus.mean()) if net.n else 0.0,
        **centralisation(net, betweenness_values),
    }
    return {k: _plain(v) for k, v in summary.items()}


def _plain(value: Any) -> Any:
    """numpy scalars → Python; NaN → None so JSON stays valid."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value
