"""Disruption simulation: remove people by a targeting strategy and watch the network break up.

One row per step: `step` (nodes removed so far; 0 = intact), `removed` (labels removed at that
step), `lcc_fraction` (largest connected component / its size at step 0) and `efficiency`
(global efficiency of the remaining network, networkx's definition).  Strategies are recomputed
after every removal (sequential) or every block of K (block); ties go to the node that appears
first in the input.  The simulation works on the undirected view of the network.

Only what a removal can change is recomputed: degrees are decremented, and betweenness and
the efficiency sums are recomputed just on the component(s) that contained the removed nodes
(both are additive over components).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

import numpy as np
import rustworkx as rx

from octa.exc import InvalidInput
from octa.network import backend
from octa.network.model import Network

Strategy = Literal["degree", "betweenness", "katz", "ci", "random"]
STRATEGIES: tuple[str, ...] = ("degree", "betweenness", "katz", "ci", "random")
MODES: tuple[str, ...] = ("sequential", "block")

#: Scores within this relative distance of the best count as tied (then input order decides).
TIE_TOLERANCE = 1e-9


def attack(
    net: Network,
    strategy: str,
    *,
    mode: str = "sequential",
    block_size: int = 1,
    steps: int = 10,
    seed: int = 0,
    runs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[dict[str, Any]]:
    """Simulate `steps` rounds of removal; random runs are averaged over `runs` seeds.

    In sequential mode a round removes one node; in block mode it removes `block_size` nodes
    chosen from one computation of the strategy.  With several random runs `removed` lists the
    first run's picks.
    """
    _check(strategy, mode, block_size, steps, runs)
    size = 1 if mode == "sequential" else block_size
    if strategy != "random" or runs == 1:
        return _Simulation(net, strategy, seed).run(steps, size, progress)
    tables = [_Simulation(net, strategy, seed + r).run(steps, size, progress) for r in range(runs)]
    rows = []
    for i, first in enumerate(tables[0]):
        rows.append({
            "step": first["step"],
            "removed": first["removed"],
            "lcc_fraction": float(np.mean([t[i]["lcc_fraction"] for t in tables])),
            "efficiency": _mean([t[i]["efficiency"] for t in tables]),
        })
    return rows


def _mean(values: list[float | None]) -> float | None:
    return None if any(v is None for v in values) else float(np.mean(values))


def compare(net: Network, strategies: Sequence[str], **options: Any) -> dict[str, list[dict]]:
    """Run several strategies with the same options (for a comparison plot)."""
    return {s: attack(net, s, **options) for s in strategies}


def _check(strategy: str, mode: str, block_size: int, steps: int, runs: int) -> None:
    if strategy not in STRATEGIES:
        raise InvalidInput(f"unknown strategy {strategy!r}; use one of {', '.join(STRATEGIES)}")
    if mode not in MODES:
        raise InvalidInput(f"unknown mode {mode!r}; use sequential or block")
    if block_size < 1 or steps < 0 or runs < 1:
        raise InvalidInput("block size and runs must be at least 1, steps at least 0")


def pick(scores: np.ndarray, alive: np.ndarray, count: int) -> list[int]:
    """The `count` best alive nodes; near-equal scores go to the earliest node."""
    chosen: list[int] = []
    masked = np.where(alive, scores, -np.inf)
    for _ in range(min(count, int(alive.sum()))):
        best = masked.max()
        tied = masked >= best - TIE_TOLERANCE * max(1.0, abs(best))
        i = int(np.flatnonzero(tied)[0])
        chosen.append(i)
        masked[i] = -np.inf
    return chosen


def collective_influence(n: int, rows: np.ndarray, cols: np.ndarray, alive_edge: np.ndarray,
                         alive: np.ndarray) -> np.ndarray:
    """CI at ℓ = 1: (k_i − 1) · Σ_{j∈∂i} (k_j − 1) on the surviving graph."""
    r, c = rows[alive_edge], cols[alive_edge]
    k = np.bincount(r, minlength=n).astype(float)
    ci = (k - 1) * np.bincount(r, weights=k[c] - 1, minlength=n)
    return np.where(alive, ci, -np.inf)


class _Simulation:
    """State of one attack: the shrinking graph plus cached per-node sums."""

    def __init__(self, net: Network, strategy: str, seed: int) -> None:
        und = net.to_undirected("sum")
        src, dst, wts = und.arrays()
        self.n, self.strategy = und.n, strategy
        self.labels = und.nodes
        self.graph = backend.rx_graph(self.n, src, dst, wts, directed=False)
        self.rows = np.concatenate([src, dst])
        self.cols = np.concatenate([dst, src])
        self.alive = np.ones(self.n, dtype=bool)
        self.degree = np.bincount(self.rows, minlength=self.n).astype(float)
        self.order = np.random.default_rng(seed).permutation(self.n)
        self.alpha = 0.0
        if strategy == "katz":  # fixed from the intact network: removals only lower the radius
            radius = backend.spectral_radius(self.n, src, dst, wts, directed=False)
            self.alpha = 0.85 / radius if radius > 0 else 0.1
        self.component = np.zeros(self.n, dtype=np.int64)
        self.betweenness = np.zeros(self.n)
        self.inv_dist = np.zeros(self.n)
        self.track_efficiency = self.n <= backend.DENSE_DISTANCE_LIMIT
        self._refresh(np.arange(self.n))
        self.lcc0 = self._lcc()

    # -- per-step bookkeeping ------------------------------------------------------------------
    def run(self, steps: int, size: int, progress: Callable[[int], None] | None) -> list[dict]:
        rows = [self._row(0, [])]
        removed_total = 0
        for _ in range(steps):
            if not self.alive.any():
                break
            chosen = self._choose(size, removed_total)
            self._remove(chosen)
            removed_total += len(chosen)
            rows.append(self._row(removed_total, chosen))
            if progress is not None:
                progress(1)
        return rows

    def _row(self, step: int, chosen: list[int]) -> dict[str, Any]:
        alive = int(self.alive.sum())
        eff: float | None = (float(self.inv_dist.sum() / (alive * (alive - 1))) if alive > 1
                             else 0.0)
        if not self.track_efficiency:
            eff = None  # all-pairs distances are too big above DENSE_DISTANCE_LIMIT nodes
        return {"step": step, "removed": [self.labels[i] for i in chosen],
                "lcc_fraction": self._lcc() / self.lcc0 if self.lcc0 else 0.0, "efficiency": eff}

    def _lcc(self) -> int:
        if not self.alive.any():
            return 0
        return int(np.bincount(self.component[self.alive]).max())

    def _choose(self, size: int, removed_total: int) -> list[int]:
        if self.strategy == "random":
            return [int(i) for i in self.order[removed_total:removed_total + size]]
        if self.strategy == "degree":
            scores = self.degree
        elif self.strategy == "betweenness":
            scores = self.betweenness
        elif self.strategy == "ci":
            alive_edge = self.alive[self.rows] & self.alive[self.cols]
            scores = collective_influence(self.n, self.rows, self.cols, alive_edge, self.alive)
        else:
            scores = self._katz()
        return pick(scores, self.alive, size)

    def _katz(self) -> np.ndarray:
        values = rx.katz_centrality(self.graph, alpha=self.alpha, beta=1.0, weight_fn=float,
                                    max_iter=100_000, tol=1e-12)
        scores = np.full(self.n, -np.inf)
        for i, v in values.items():
            scores[i] = v
        return scores

    def _remove(self, chosen: list[int]) -> None:
        touched = np.isin(self.component, np.unique(self.component[chosen])) & self.alive
        for v in chosen:
            for u in self.graph.neighbors(v):
                self.degree[u] -= 1
            self.graph.remove_node(v)
        self.alive[chosen] = False
        self.degree[chosen] = 0
        self.betweenness[chosen] = 0
        self.inv_dist[chosen] = 0
        touched &= self.alive
        self._refresh(np.flatnonzero(touched))

    def _refresh(self, nodes: np.ndarray) -> None:
        """Recompute components, betweenness and inverse-distance sums on `nodes` only."""
        if len(nodes) == 0:
            return
        sub = self.graph.subgraph(nodes.tolist())
        index = np.array(sub.nodes(), dtype=np.int64)  # payload = original node index
        base = int(self.component.max()) + 1
        for k, members in enumerate(rx.connected_components(sub)):
            self.component[index[list(members)]] = base + k
        if self.strategy == "betweenness":
            scores = rx.betweenness_centrality(sub, normalized=False)
            self.betweenness[index[list(scores.keys())]] = list(scores.values())
        if not self.track_efficiency:
            return
        dist = rx.distance_matrix(sub, null_value=np.inf)
        np.fill_diagonal(dist, np.inf)
        self.inv_dist[index] = (1.0 / dist).sum(axis=1)
