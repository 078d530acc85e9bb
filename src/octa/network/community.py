"""Community detection (Louvain) and modularity.

Small graphs use networkx's reference Louvain; large ones use the vectorised numpy Louvain below
(rustworkx has none, and GPL libraries such as igraph/leidenalg are off limits).  The numpy
version moves all nodes that gain modularity at once — a random half of them per round, which
avoids the oscillations of fully synchronous moves — then aggregates communities, as Louvain does.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from octa.network.backend import undirected_arrays
from octa.network.model import Network

#: Networks with at most this many nodes use networkx's Louvain (see benchmarks/network.py).
NX_LOUVAIN_LIMIT = 5000

Method = Literal["auto", "networkx", "numpy"]


def communities(
    net: Network, *, resolution: float = 1.0, seed: int = 0, method: Method = "auto"
) -> tuple[list[int], float]:
    """Louvain community of every node (0 = community of the first node) and the modularity.

    Directed networks are symmetrised (reciprocal weights summed); weights are tie strengths.
    """
    src, dst, wts = net.arrays()
    if net.directed:
        src, dst, wts = undirected_arrays(net.n, src, dst, wts)
    use_nx = method == "networkx" or (method == "auto" and net.n <= NX_LOUVAIN_LIMIT)
    if use_nx:
        labels = _nx_louvain(net.n, src, dst, wts, resolution=resolution, seed=seed)
    else:
        labels = louvain(net.n, src, dst, wts, resolution=resolution, seed=seed)
    return labels.tolist(), modularity(net.n, src, dst, wts, labels, resolution=resolution)


def _nx_louvain(n: int, src: np.ndarray, dst: np.ndarray, wts: np.ndarray, *,
                resolution: float, seed: int) -> np.ndarray:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), wts.tolist(), strict=True))
    parts = nx.community.louvain_communities(graph, weight="weight", resolution=resolution,
                                             seed=seed)
    labels = np.empty(n, dtype=np.int64)
    for c, members in enumerate(parts):
        labels[list(members)] = c
    return first_appearance_labels(labels)


def first_appearance_labels(labels: np.ndarray) -> np.ndarray:
    """Renumber communities 0, 1, … in the order their first member appears."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse]


def modularity(n: int, src: np.ndarray, dst: np.ndarray, wts: np.ndarray, labels: np.ndarray,
               *, resolution: float = 1.0) -> float:
    """Newman's weighted modularity of a partition of the undirected graph."""
    labels = np.asarray(labels)
    m2 = 2.0 * float(wts.sum())
    if m2 == 0:
        return 0.0
    k = np.bincount(src, weights=wts, minlength=n) + np.bincount(dst, weights=wts, minlength=n)
    same = labels[src] == labels[dst]
    inside = 2.0 * float(wts[same].sum())
    tot = np.bincount(labels, weights=k)
    return inside / m2 - resolution * float((tot**2).sum()) / m2**2


def louvain(n: int, src: np.ndarray, dst: np.ndarray, wts: np.ndarray, *,
            resolution: float = 1.0, seed: int = 0, max_levels: int = 50) -> np.ndarray:
    """Vectorised Louvain: parallel local moving + aggregation until nothing changes."""
    rng = np.random.default_rng(seed)
    membership = np.arange(n)
    rows = np.concatenate([src, dst]).astype(np.int64)
    cols = np.concatenate([dst, src]).astype(np.int64)
    w = np.concatenate([wts, wts]).astype(float)
    loops = np.zeros(n)
    k = np.bincount(rows, weights=w, minlength=n)
    m2 = float(k.sum())
    if m2 == 0:
        return membership
    size = n
    for _ in range(max_levels):
        comm = _local_moving(size, rows, cols, w, k, m2, resolution, rng)
        comm = first_appearance_labels(comm)
        new_size = int(comm.max()) + 1
        membership = comm[membership]
        if new_size == size:
            break
        same = comm[rows] == comm[cols]
        loops = np.bincount(comm, weights=loops, minlength=new_size) + np.bincount(
            comm[rows[same]], weights=w[same], minlength=new_size)
        keys = comm[rows[~same]] * new_size + comm[cols[~same]]
        uniq, inverse = np.unique(keys, return_inverse=True)
        w = np.bincount(inverse, weights=w[~same])
        rows, cols = uniq // new_size, uniq % new_size
        k = np.bincount(comm, weights=k, minlength=new_size)
        size = new_size
    return first_appearance_labels(membership)


def _local_moving(size: int, rows: np.ndarray, cols: np.ndarray, w: np.ndarray, k: np.ndarray,
                  m2: float, resolution: float, rng: np.random.Generator,
                  min_gain: float = 1e-7) -> np.ndarray:
    """Move nodes to the neighbouring community with the best modularity gain, in parallel.

    Stops when no node gains, or when all possible moves together would add less than
    `min_gain` modularity (networkx's Louvain threshold).
    """
    c = np.arange(size)
    tot = k.copy()
    share = 0.5
    for _ in range(200):
        if len(rows) == 0:
            break
        keys = rows * size + c[cols]
        uniq, inverse = np.unique(keys, return_inverse=True)
        wsum = np.bincount(inverse, weights=w)
        node, target = uniq // size, uniq % size
        home = c[node] == target
        own = np.zeros(size)
        own[node[home]] = wsum[home]
        gain = (wsum - own[node]
                - resolution * k[node] * (tot[target] - tot[c[node]] + k[node]) / m2)
        gain[home] = -np.inf
        # entries are sorted by (node, target): the best target of a node is the first maximum
        # of its segment, i.e. the smallest community label among equal gains
        starts = np.flatnonzero(np.r_[True, node[1:] != node[:-1]])
        best = np.maximum.reduceat(gain, starts)
        hit = np.flatnonzero(gain == np.repeat(best, np.diff(np.r_[starts, len(node)])))
        first = hit[np.r_[True, node[hit][1:] != node[hit][:-1]]]
        best_node, best_target, best_gain = node[first], target[first], gain[first]
        movers = best_gain > 1e-12 * max(1.0, float(k.max())) / m2
        # two singletons joining each other at once would swap: only the lower label moves
        singleton = (np.bincount(c, minlength=size) == 1)
        swap = singleton[c[best_node]] & singleton[best_target] & (best_target > c[best_node])
        movers &= ~swap
        if not movers.any() or 2.0 * float(best_gain[movers].sum()) / m2 < min_gain:
            break
        movers &= rng.random(len(movers)) < share
        if not movers.any():
            continue
        moved, dest = best_node[movers], best_target[movers]
        np.subtract.at(tot, c[moved], k[moved])
        np.add.at(tot, dest, k[moved])
        c[moved] = dest
    return c
