"""The in-memory network every other part of `octa.network` takes and returns.

A `Network` is plain data (labels, attributes, weighted edges, a directed flag) so that the CLI,
the API, the web page and the store can all use it without knowing about rustworkx or networkx.
Node order is the order of first appearance in the input: it is the tie-break everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from octa.exc import InvalidInput

MergePolicy = Literal["sum", "max", "last"]
MERGE_POLICIES: tuple[str, ...] = ("sum", "max", "last")


@dataclass
class Network:
    """A weighted person-level network; `edges` holds (source, target, weight) by label."""

    nodes: list[str]
    edges: list[tuple[str, str, float]]
    directed: bool = False
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    # -- basic views -------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.nodes)

    @property
    def m(self) -> int:
        """Number of edges (each undirected pair once)."""
        return len(self.edges)

    def index(self) -> dict[str, int]:
        """Label -> position, the position being the first-appearance order."""
        return {label: i for i, label in enumerate(self.nodes)}

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Edge endpoints as int arrays plus float weights, for vectorised code."""
        idx = self.index()
        if not self.edges:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty.copy(), np.zeros(0, dtype=float)
        src = np.fromiter((idx[u] for u, _, _ in self.edges), dtype=np.int64, count=self.m)
        dst = np.fromiter((idx[v] for _, v, _ in self.edges), dtype=np.int64, count=self.m)
        wts = np.fromiter((w for _, _, w in self.edges), dtype=float, count=self.m)
        return src, dst, wts

    def attribute_names(self) -> list[str]:
        """Every attribute name: the attribute file's column order, then any others seen."""
        names: dict[str, None] = dict.fromkeys(self.meta.get("attribute_columns") or [])
        for attrs in self.attributes.values():
            for key in attrs:
                names.setdefault(key, None)
        return list(names)

    # -- transformations ---------------------------------------------------------------------
    def to_undirected(self, merge: MergePolicy = "last") -> Network:
        """Symmetrise a directed network; reciprocal ties are merged with `merge`."""
        if not self.directed:
            return self
        edges = merge_edges(self.edges, directed=False, merge=merge)
        meta = dict(self.meta, symmetrised=True, symmetrise_merge=merge)
        return Network(list(self.nodes), edges, False, dict(self.attributes), meta)

    def subgraph(self, keep: Iterable[str]) -> Network:
        """The network induced by `keep`, preserving the original node order."""
        keep_set = set(keep)
        nodes = [v for v in self.nodes if v in keep_set]
        edges = [(u, v, w) for u, v, w in self.edges if u in keep_set and v in keep_set]
        attrs = {k: v for k, v in self.attributes.items() if k in keep_set}
        return Network(nodes, edges, self.directed, attrs, dict(self.meta))

    def without(self, removed: Iterable[str]) -> Network:
        """The network after deleting `removed` nodes (and their ties)."""
        gone = set(removed)
        return self.subgraph(v for v in self.nodes if v not in gone)

    # -- persistence -------------------------------------------------------------------------
    def to_records(self) -> dict[str, Any]:
        """Plain JSON-able records (nodes with attributes, edges) for the store or an API."""
        return {
            "directed": self.directed,
            "nodes": [
                {"label": label, "position": i, "attributes": dict(self.attributes.get(label, {}))}
                for i, label in enumerate(self.nodes)
            ],
            "edges": [
                {"source": u, "target": v, "weight": w, "position": i}
                for i, (u, v, w) in enumerate(self.edges)
            ],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_records(cls, records: Mapping[str, Any]) -> Network:
        """Rebuild a network from `to_records()` output (rows may come back in any order)."""
        try:
            node_rows = sorted(records["nodes"], key=lambda r: r.get("position", 0))
            edge_rows = sorted(records["edges"], key=lambda r: r.get("position", 0))
            nodes = [str(r["label"]) for r in node_rows]
            attrs = {
                str(r["label"]): {str(k): str(v) for k, v in (r.get("attributes") or {}).items()}
                for r in node_rows
                if r.get("attributes")
            }
            edges = [(str(r["source"]), str(r["target"]), float(r["weight"])) for r in edge_rows]
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(f"not a network record set ({exc})") from None
        known = set(nodes)
        for u, v, _ in edges:
            if u not in known or v not in known:
                raise InvalidInput(f"edge {u!r}-{v!r} names a node that is not in the node list")
        return cls(nodes, edges, bool(records.get("directed", False)), attrs,
                   dict(records.get("meta") or {}))


def merge_edges(
    edges: Iterable[tuple[str, str, float]], *, directed: bool, merge: MergePolicy = "last"
) -> list[tuple[str, str, float]]:
    """Merge repeated ties: undirected u-v and v-u are one pair; weight by `merge` policy.

    The merged tie keeps the position and orientation of its first occurrence, so output order
    (and therefore every tie-break) follows the input file.
    """
    if merge not in MERGE_POLICIES:
        raise InvalidInput(f"unknown merge policy {merge!r}; use one of {', '.join(MERGE_POLICIES)}")
    slot: dict[tuple[str, str], int] = {}
    out: list[list[Any]] = []
    for u, v, w in edges:
        key = (u, v) if directed or u <= v else (v, u)
        at = slot.get(key)
        if at is None:
            slot[key] = len(out)
            out.append([u, v, float(w)])
        elif merge == "sum":
            out[at][2] += float(w)
        elif merge == "max":
            out[at][2] = max(out[at][2], float(w))
        else:
            out[at][2] = float(w)
    return [(u, v, w) for u, v, w in out]
