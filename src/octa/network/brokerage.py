"""Gould–Fernandez brokerage roles given a group attribute (Gould & Fernandez 1989).

Node b brokers every open two-path a→b→c (a≠c, no a→c tie).  With g() the group attribute:

* coordinator  — g(a) = g(b) = g(c)
* itinerant    — g(a) = g(c) ≠ g(b)   (also called consultant)
* representative — g(a) = g(b) ≠ g(c) (b passes its own group's ties out)
* gatekeeper   — g(a) ≠ g(b) = g(c)   (b controls what enters its group)
* liaison      — g(a), g(b), g(c) all different

Undirected ties count in both directions, so a and c are ordered pairs (as in UCINET and R's
`sna::brokerage` on a symmetric graph) and representative equals gatekeeper.  Counts come from
matrix products, not from enumerating triads.
"""

from __future__ import annotations

import numpy as np

from octa.exc import InvalidInput
from octa.network.model import Network

ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

#: Dense matrix products limit brokerage to networks of this many nodes.
BROKERAGE_LIMIT = 5000


def group_labels(net: Network, attribute: str) -> list[str]:
    """Each node's group; nodes without a value share the group '' (missing)."""
    if attribute not in net.attribute_names():
        known = ", ".join(net.attribute_names()) or "none loaded (use --attributes)"
        raise InvalidInput(f"unknown attribute {attribute!r}; known attributes: {known}",
                           column=attribute)
    return [net.attributes.get(v, {}).get(attribute, "") for v in net.nodes]


def brokerage(net: Network, attribute: str) -> dict[str, list[int]]:
    """Role counts per node (lists in node order) for the five Gould–Fernandez roles."""
    groups = group_labels(net, attribute)
    if net.n > BROKERAGE_LIMIT:
        raise InvalidInput(f"brokerage is limited to {BROKERAGE_LIMIT} nodes (this network has "
                           f"{net.n})")
    _, g = np.unique(np.array(groups, dtype=object).astype(str), return_inverse=True)
    return brokerage_counts(net.n, *net.arrays()[:2], g, directed=net.directed)


def brokerage_counts(n: int, src: np.ndarray, dst: np.ndarray, g: np.ndarray, *,
                     directed: bool) -> dict[str, list[int]]:
    """The counting core on integer arrays (g = group index per node)."""
    a = np.zeros((n, n))
    a[src, dst] = 1.0
    if not directed:
        a[dst, src] = 1.0
    np.fill_diagonal(a, 0.0)
    same_group = g[:, None] == g[None, :]
    a_same = a * same_group
    a_diff = a - a_same
    onehot = np.zeros((n, int(g.max()) + 1 if n else 0))
    onehot[np.arange(n), g] = 1.0
    in_g = a.T @ onehot   # in_g[b, h] = ties into b from group h
    out_g = a @ onehot    # out_g[b, h] = ties from b to group h
    own = np.arange(n), g
    in_same, out_same = in_g[own], out_g[own]
    in_diff, out_diff = a.sum(0) - in_same, a.sum(1) - out_same
    recip = a * a.T

    def closed(left: np.ndarray, right: np.ndarray, bridge: np.ndarray) -> np.ndarray:
        # Σ_a,c left[a,b] right[b,c] bridge[a,c] for every b
        return (left * (bridge @ right.T)).sum(0)

    coordinator = in_same * out_same - (recip * same_group).sum(0) - closed(a_same, a_same, a)
    representative = in_same * out_diff - closed(a_same, a_diff, a)
    gatekeeper = in_diff * out_same - closed(a_diff, a_same, a)
    same_other = (in_g * out_g).sum(1) - in_same * out_same
    itinerant = (same_other - (recip * ~same_group).sum(0)
                 - closed(a_diff, a_diff, a * same_group))
    liaison = (in_diff * out_diff - (recip * ~same_group).sum(0) - closed(a_diff, a_diff, a)
               - itinerant)
    counts = (coordinator, itinerant, representative, gatekeeper, liaison)
    return {role: np.rint(c).astype(int).tolist() for role, c in zip(ROLES, counts, strict=True)}
