"""Network benchmark: octa's fast backend (rustworkx + numpy) against networkx, same graphs, same run.

    .venv/bin/python benchmarks/network.py            # full run (several minutes, networkx is slow)
    .venv/bin/python benchmarks/network.py --quick    # smaller graphs, for a smoke test

1. exact betweenness on a 5,000-node / 25,000-edge random graph (results must be identical);
2. a 50-step sequential betweenness attack on a 2,000-node / 10,000-edge graph, against a
   networkx loop that recomputes betweenness, components and efficiency after each removal;
3. Louvain: networkx against the numpy implementation (time and modularity) to set the size
   at which `octa.network.community` switches;
4. the fast backend alone on a 200,000-node / 1,000,000-edge graph: degree, k-core,
   components, communities and sampled betweenness, whose error is measured against exact
   betweenness on a 5,000-node graph of the same mean degree.

It prints figures only; tests never assert timings.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np
import rustworkx as rx

from octa.network import backend
from octa.network.attack import attack
from octa.network.community import louvain, modularity
from octa.network.metrics import betweenness
from octa.network.model import Network


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def random_edges(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """m distinct random undirected pairs without loops (numpy, fast for big graphs)."""
    rng = np.random.default_rng(seed)
    keys = np.zeros(0, dtype=np.int64)
    while len(keys) < m:
        u = rng.integers(0, n, size=2 * m)
        v = rng.integers(0, n, size=2 * m)
        ok = u != v
        lo, hi = np.minimum(u[ok], v[ok]), np.maximum(u[ok], v[ok])
        keys = np.unique(np.concatenate([keys, lo * n + hi]))
    keys = rng.permutation(keys)[:m]
    return keys // n, keys % n


def network_of(n: int, src: np.ndarray, dst: np.ndarray) -> Network:
    labels = [str(i) for i in range(n)]
    return Network(labels, [(labels[a], labels[b], 1.0) for a, b in zip(src.tolist(), dst.tolist(),
                                                                         strict=True)])


def nx_of(n: int, src: np.ndarray, dst: np.ndarray) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(zip(src.tolist(), dst.tolist(), strict=True))
    return g


def bench_betweenness(n: int, m: int) -> None:
    src, dst = random_edges(n, m, seed=1)
    net, g = network_of(n, src, dst), nx_of(n, src, dst)
    ours, t_ours = timed(lambda: betweenness(net))
    ref, t_nx = timed(lambda: nx.betweenness_centrality(g))
    diff = float(np.abs(ours - np.array([ref[i] for i in range(n)])).max())
    print(f"[1] exact betweenness, {n:,} nodes / {m:,} edges")
    print(f"    octa (rustworkx) {t_ours:8.2f} s   networkx {t_nx:8.2f} s   "
          f"speed-up {t_nx / t_ours:6.1f}x   max |diff| {diff:.1e} "
          f"({'identical' if diff < 1e-9 else 'DIFFERENT'})")


def nx_attack(net: Network, g: nx.Graph, steps: int) -> list[tuple[list[str], float, float]]:
    """The textbook loop: recompute betweenness, components and efficiency after each removal."""
    g = g.copy()
    lcc0 = max(len(c) for c in nx.connected_components(g))
    rows = [([], 1.0, nx.global_efficiency(g))]
    for _ in range(steps):
        scores = nx.betweenness_centrality(g, normalized=False)
        best = max(scores.values())
        pick = min(k for k, v in scores.items() if v >= best - 1e-9 * max(1.0, best))
        g.remove_node(pick)
        lcc = max(len(c) for c in nx.connected_components(g))
        rows.append(([net.nodes[pick]], lcc / lcc0, nx.global_efficiency(g)))
    return rows


def bench_attack(n: int, m: int, steps: int) -> None:
    src, dst = random_edges(n, m, seed=2)
    net, g = network_of(n, src, dst), nx_of(n, src, dst)
    ours, t_ours = timed(lambda: attack(net, "betweenness", steps=steps))
    ref, t_nx = timed(lambda: nx_attack(net, g, steps))
    same = all(o["removed"] == r[0] and abs(o["lcc_fraction"] - r[1]) < 1e-12
               and abs(o["efficiency"] - r[2]) < 1e-9 for o, r in zip(ours, ref, strict=True))
    print(f"[2] {steps}-step sequential betweenness attack, {n:,} nodes / {m:,} edges "
          "(step rows: removed, lcc_fraction, efficiency)")
    print(f"    octa {t_ours:8.2f} s   networkx {t_nx:8.2f} s   speed-up {t_nx / t_ours:6.1f}x   "
          f"results {'identical' if same else 'DIFFERENT'}")


def bench_louvain(sizes: list[int]) -> None:
    print("[3] Louvain: networkx vs numpy (mean degree 10)")
    for n in sizes:
        src, dst = random_planted(n, seed=3)
        w = np.ones(len(src))
        g = nx_of(n, src, dst)
        parts, t_nx = timed(lambda g=g: nx.community.louvain_communities(g, seed=0))
        labels_nx = np.empty(n, dtype=np.int64)
        for k, members in enumerate(parts):
            labels_nx[list(members)] = k
        q_nx = modularity(n, src, dst, w, labels_nx)
        labels, t_np = timed(lambda n=n, src=src, dst=dst, w=w: louvain(n, src, dst, w, seed=0))
        q_np = modularity(n, src, dst, w, labels)
        print(f"    {n:>7,} nodes: networkx {t_nx:7.2f} s (Q={q_nx:.4f})   numpy {t_np:7.2f} s "
              f"(Q={q_np:.4f})   speed-up {t_nx / t_np:5.1f}x")


def random_planted(n: int, seed: int, edges: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A graph with community structure: ~80% of ties inside groups of ~50 nodes.

    `edges` distinct ties (default 5n, mean degree 10), in random order.
    """
    rng = np.random.default_rng(seed)
    k = max(1, n // 50)
    group = rng.integers(0, k, size=n)
    want = edges or 5 * n
    m = int(want * 1.15)
    inside = int(0.8 * m)
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(k + 1))
    g_pick = group[rng.integers(0, n, size=inside)]
    lo, hi = bounds[g_pick], bounds[g_pick + 1]
    u = order[lo + (rng.random(inside) * (hi - lo)).astype(np.int64)]
    v = order[lo + (rng.random(inside) * (hi - lo)).astype(np.int64)]
    a = np.concatenate([u, rng.integers(0, n, size=m - inside)])
    b = np.concatenate([v, rng.integers(0, n, size=m - inside)])
    ok = a != b
    keys = np.unique(np.minimum(a[ok], b[ok]) * n + np.maximum(a[ok], b[ok]))
    keys = rng.permutation(keys)[:want]
    return keys // n, keys % n


def bench_big(n: int, m: int, samples: int) -> None:
    print(f"[4] fast backend alone, {n:,} nodes / {m:,} edges")
    (src, dst), t = timed(lambda: random_planted(n, seed=4, edges=m))
    print(f"    graph generation {t:7.2f} s ({len(src):,} edges with community structure)")
    w = np.ones(len(src))
    graph, t = timed(lambda: backend.rx_graph(n, src, dst, w, directed=False))
    print(f"    build rustworkx graph {t:7.2f} s")
    deg, t = timed(lambda: np.bincount(src, minlength=n) + np.bincount(dst, minlength=n))
    print(f"    degree                {t:7.2f} s   (max {deg.max()})")
    core, t = timed(lambda: rx.core_number(graph))
    print(f"    k-core                {t:7.2f} s   (max core {max(core.values())})")
    comps, t = timed(lambda: rx.connected_components(graph))
    print(f"    components            {t:7.2f} s   ({len(comps)} components)")
    labels, t = timed(lambda: louvain(n, src, dst, w, seed=0))
    q = modularity(n, src, dst, w, labels)
    print(f"    communities (Louvain) {t:7.2f} s   ({labels.max() + 1} communities, Q={q:.4f})")
    _, t = timed(lambda: backend.sampled_betweenness(n, src, dst, samples=samples, seed=0))
    print(f"    sampled betweenness   {t:7.2f} s   ({samples} BFS sources of {n:,})")
    # error of the estimator against exact betweenness on a 5,000-node graph, same mean degree
    sn = 5000
    s_src, s_dst = random_planted(sn, seed=5)
    exact = betweenness(network_of(sn, s_src, s_dst))
    for k in (samples, 4 * samples, 16 * samples):
        est = backend.sampled_betweenness(sn, s_src, s_dst, samples=k, seed=1)
        rel = np.abs(est - exact).sum() / exact.sum()
        top = len(set(np.argsort(-est)[:50]) & set(np.argsort(-exact)[:50]))
        print(f"    sampled-betweenness error on {sn:,} nodes with {k} sources: "
              f"relative L1 {rel:.3f}, top-50 overlap {top}/50 (error ∝ 1/sqrt(sources))")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small graphs, a smoke test")
    parser.add_argument("--only", default="1234", help="which parts to run, e.g. 34")
    args = parser.parse_args()
    if args.quick:
        bench_betweenness(1000, 5000)
        bench_attack(500, 2500, 10)
        bench_louvain([2000])
        bench_big(20_000, 100_000, 32)
        return
    if "1" in args.only:
        bench_betweenness(5000, 25_000)
    if "2" in args.only:
        bench_attack(2000, 10_000, 50)
    if "3" in args.only:
        bench_louvain([5000, 20_000])
    if "4" in args.only:
        bench_big(200_000, 1_000_000, 64)


if __name__ == "__main__":
    main()
