"""Fast building blocks: rustworkx graphs and numpy (CSR) kernels over a `Network`.

rustworkx does the heavy graph algorithms it has (Brandes betweenness, closeness, spectral
centralities, cores, components, distances); what it lacks (local clustering, sampled
betweenness, spectral radius) is written here as vectorised numpy over compressed adjacency,
never as per-node Python loops.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import rustworkx as rx

from octa.network.model import Network

#: Above this many nodes the dense all-pairs distance matrix (diameter, efficiency) is skipped.
DENSE_DISTANCE_LIMIT = 5000


def rx_graph(
    n: int, src: np.ndarray, dst: np.ndarray, wts: np.ndarray, *, directed: bool
) -> rx.PyGraph | rx.PyDiGraph:
    """A rustworkx graph whose node i is the network's node i and edge payloads are weights."""
    graph: rx.PyGraph | rx.PyDiGraph = rx.PyDiGraph(multigraph=False) if directed \
        else rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(n))
    graph.extend_from_weighted_edge_list(
        list(zip(src.tolist(), dst.tolist(), wts.tolist(), strict=True)))
    return graph


def network_graph(net: Network, *, directed: bool | None = None) -> rx.PyGraph | rx.PyDiGraph:
    """The rustworkx graph of `net` (directed as the network unless told otherwise)."""
    src, dst, wts = net.arrays()
    want = net.directed if directed is None else directed
    if net.directed and not want:
        src, dst, wts = undirected_arrays(net.n, src, dst, wts)
    return rx_graph(net.n, src, dst, wts, directed=want)


def undirected_arrays(
    n: int, src: np.ndarray, dst: np.ndarray, wts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Collapse reciprocal directed ties to one undirected tie (weights summed)."""
    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    keys = lo * n + hi
    uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")  # keep first-appearance order of the pairs
    summed = np.bincount(inverse, weights=wts, minlength=len(uniq))
    return lo[first][order], hi[first][order], summed[order]


@dataclass
class CSR:
    """Symmetric compressed adjacency: neighbours of i are `indices[indptr[i]:indptr[i+1]]`."""

    indptr: np.ndarray
    indices: np.ndarray
    weights: np.ndarray

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    def degree(self) -> np.ndarray:
        return np.diff(self.indptr)


def csr_undirected(n: int, src: np.ndarray, dst: np.ndarray, wts: np.ndarray | None = None) -> CSR:
    """Both orientations of every tie, sorted by row then column."""
    if wts is None:
        wts = np.ones(len(src))
    rows = np.concatenate([src, dst])
    cols = np.concatenate([dst, src])
    w = np.concatenate([wts, wts])
    order = np.lexsort((cols, rows))
    rows, cols, w = rows[order], cols[order], w[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return CSR(indptr, cols.astype(np.int64), w.astype(float))


def local_clustering(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Unweighted local clustering of the undirected simple graph, by forward triangle listing.

    Each tie is oriented from lower to higher (degree, index) rank; every triangle is then found
    exactly once as a pair of out-neighbours of its lowest-ranked corner, all in numpy.
    """
    csr = csr_undirected(n, src, dst)
    deg = csr.degree()
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), deg))] = np.arange(n)
    lo = np.where(rank[src] < rank[dst], src, dst)
    hi = np.where(rank[src] < rank[dst], dst, src)
    order = np.lexsort((hi, lo))
    lo, hi = lo[order], hi[order]
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(lo, minlength=n), out=out_ptr[1:])
    out_deg = np.diff(out_ptr)
    edge_keys = lo * n + hi
    # wedges (u; a, b) with a, b out-neighbours of u at positions p < q
    tri = np.zeros(n, dtype=float)
    starts = out_ptr[:-1]
    pairs_per_pos = np.repeat(out_deg, out_deg) - (np.arange(len(lo)) - np.repeat(starts, out_deg)) - 1
    chunk = 4_000_000
    pos = np.arange(len(lo))
    total = int(pairs_per_pos.sum())
    done = 0
    cum = np.concatenate([[0], np.cumsum(pairs_per_pos)])
    while done < total:
        # positions whose wedges fall (at least partly) in [done, done + chunk)
        first = int(np.searchsorted(cum, done, side="right") - 1)
        last = int(np.searchsorted(cum, min(done + chunk, total), side="left"))
        sel = pos[first:last]
        counts = pairs_per_pos[first:last]
        p = np.repeat(sel, counts)
        offset = np.arange(len(p)) - np.repeat(cum[first:last] - cum[first], counts)
        q = p + 1 + offset
        a, b = hi[p], hi[q]
        u = lo[p]
        x, y = np.where(rank[a] < rank[b], a, b), np.where(rank[a] < rank[b], b, a)
        found = np.isin(x * n + y, edge_keys)
        np.add.at(tri, u[found], 1)
        np.add.at(tri, a[found], 1)
        np.add.at(tri, b[found], 1)
        done = int(cum[last])
    possible = deg * (deg - 1) / 2.0
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(possible > 0, tri / np.where(possible > 0, possible, 1), 0.0)


def spectral_radius(n: int, src: np.ndarray, dst: np.ndarray, wts: np.ndarray, *,
                    directed: bool) -> float:
    """Largest eigenvalue modulus of the weighted adjacency (dense for small graphs)."""
    if n == 0 or len(src) == 0:
        return 0.0
    if n <= 300 or (directed and n <= 2000):
        a = np.zeros((n, n))
        np.add.at(a, (src, dst), wts)
        if not directed:
            np.add.at(a, (dst, src), wts)
            return float(np.max(np.abs(np.linalg.eigvalsh(a))))
        return float(np.max(np.abs(np.linalg.eigvals(a))))
    if directed:  # a safe upper bound: the spectral radius never exceeds the largest row sum
        out_s = np.bincount(src, weights=wts, minlength=n)
        in_s = np.bincount(dst, weights=wts, minlength=n)
        return float(min(out_s.max(), in_s.max()))
    csr = csr_undirected(n, src, dst, wts)
    rows = np.repeat(np.arange(n), csr.degree())
    x = np.ones(n) / np.sqrt(n)
    value = 0.0
    for _ in range(1000):  # power iteration on A + I (the shift avoids bipartite oscillation)
        y = x + np.bincount(rows, weights=csr.weights * x[csr.indices], minlength=n)
        norm = float(np.linalg.norm(y))
        if norm == 0:
            return 0.0
        y /= norm
        if np.abs(y - x).max() < 1e-10:
            x = y
            break
        x = y
    ax = np.bincount(rows, weights=csr.weights * x[csr.indices], minlength=n)
    value = float(x @ ax)
    return value


def sampled_betweenness(
    n: int, src: np.ndarray, dst: np.ndarray, *, samples: int, seed: int = 0
) -> np.ndarray:
    """Brandes–Pich estimate of normalised unweighted betweenness from `samples` BFS sources.

    Each BFS and its dependency accumulation run level by level as numpy array operations that
    touch only the frontier's ties; the estimate is unbiased and its error shrinks like
    1/sqrt(samples).
    """
    csr = csr_undirected(n, src, dst)
    rng = np.random.default_rng(seed)
    k = min(samples, n)
    sources = rng.choice(n, size=k, replace=False)
    bc = np.zeros(n)
    for s in sources:
        bc += _single_source_dependency(csr, int(s))
    if n <= 2:
        return bc
    # scale to all n sources; summing both ends of each pair and dividing by (n-1)(n-2) is
    # networkx's normalised undirected betweenness
    return bc * (n / k) / ((n - 1) * (n - 2))


def _frontier_ties(csr: CSR, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(tail, head) of every tie leaving the frontier, gathered from CSR ranges."""
    starts = csr.indptr[frontier]
    counts = csr.indptr[frontier + 1] - starts
    total = int(counts.sum())
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    positions = offsets + np.arange(total)
    return np.repeat(frontier, counts), csr.indices[positions]


def _single_source_dependency(csr: CSR, s: int) -> np.ndarray:
    """Brandes dependencies δ_s(v) for one source, vectorised by BFS level."""
    n = csr.n
    dist = np.full(n, -1, dtype=np.int64)
    sigma = np.zeros(n)
    dist[s], sigma[s] = 0, 1.0
    frontier = np.array([s], dtype=np.int64)
    tree: list[tuple[np.ndarray, np.ndarray]] = []  # shortest-path ties per level
    level = 0
    while len(frontier):
        tail, head = _frontier_ties(csr, frontier)
        fresh = dist[head] == -1
        nxt = np.unique(head[fresh])
        dist[nxt] = level + 1
        down = dist[head] == level + 1
        tail, head = tail[down], head[down]
        np.add.at(sigma, head, sigma[tail])
        tree.append((tail, head))
        level += 1
        frontier = nxt
    delta = np.zeros(n)
    for tail, head in reversed(tree):
        np.add.at(delta, tail, sigma[tail] / sigma[head] * (1.0 + delta[head]))
    delta[s] = 0.0
    return delta
