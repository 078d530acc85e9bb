"""Networks kept in the store (networks, network_nodes, network_edges).

The analysis itself lives in `octa.network`; this module only saves a `Network` with its name,
country, markets and notes, loads it back and lists what is stored, for the CLI, API and pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from octa.exc import InvalidInput, NotFound
from octa.network.model import Network
from octa.store.models import NetworkEdgeRow, NetworkNodeRow, NetworkRow

MAX_NODES = 5000


def list_networks(session: Session) -> list[dict[str, Any]]:
    nodes = dict(
        session.execute(
            select(NetworkNodeRow.network_id, func.count()).group_by(NetworkNodeRow.network_id)
        ).all()
    )
    edges = dict(
        session.execute(
            select(NetworkEdgeRow.network_id, func.count()).group_by(NetworkEdgeRow.network_id)
        ).all()
    )
    return [
        _summary(row, int(nodes.get(row.id, 0)), int(edges.get(row.id, 0)))
        for row in session.scalars(select(NetworkRow).order_by(NetworkRow.id))
    ]


def _summary(row: NetworkRow, nodes: int, edges: int) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "iso3": row.iso3,
        "directed": row.directed,
        "source_file": row.source_file,
        "markets": list(row.markets or []),
        "notes": row.notes,
        "nodes": nodes,
        "edges": edges,
        "created_at": row.created_at.isoformat() if row.created_at else None,
    }


def save_network(
    session: Session,
    net: Network,
    name: str,
    *,
    iso3: str | None = None,
    notes: str | None = None,
    markets: list[str] | None = None,
) -> int:
    """Store a network under a unique name; returns its id."""
    markets = _check_markets(markets or [])
    if not name.strip():
        raise InvalidInput("a stored network needs a name")
    if net.n > MAX_NODES:
        raise InvalidInput(f"network has {net.n} nodes; the store keeps at most {MAX_NODES}")
    if session.scalar(select(NetworkRow.id).where(NetworkRow.name == name)) is not None:
        raise InvalidInput(f"a network named {name!r} already exists")
    row = NetworkRow(
        name=name,
        iso3=iso3,
        notes=notes,
        directed=net.directed,
        source_file=str(net.meta.get("source_file") or "") or None,
        markets=markets,
    )
    session.add(row)
    session.flush()
    index = net.index()
    session.add_all(
        NetworkNodeRow(
            network_id=row.id, position=i, label=label, attributes=dict(net.attributes.get(label, {}))
        )
        for i, label in enumerate(net.nodes)
    )
    session.add_all(
        NetworkEdgeRow(network_id=row.id, source=index[u], target=index[v], weight=float(w))
        for u, v, w in net.edges
    )
    session.flush()
    return row.id


def _check_markets(markets: list[str]) -> list[str]:
    from octa.frameworks import known_frameworks

    known = {
        i.id for f in known_frameworks().values() for i in f.indicators if i.pillar == "criminal-markets"
    }
    for market in markets:
        if market not in known:
            raise InvalidInput(f"unknown market {market!r} (known: {', '.join(sorted(known))})")
    return markets


def find_network(session: Session, name_or_id: str) -> int:
    """The id of a stored network given its name or its numeric id."""
    if name_or_id.isdigit() and session.get(NetworkRow, int(name_or_id)) is not None:
        return int(name_or_id)
    found = session.scalar(select(NetworkRow.id).where(NetworkRow.name == name_or_id))
    if found is None:
        raise NotFound(f"no stored network {name_or_id!r}")
    return found


def network_row(session: Session, network_id: int) -> NetworkRow:
    row = session.get(NetworkRow, network_id)
    if row is None:
        raise NotFound(f"no network {network_id}")
    return row


def load_network(session: Session, network_id: int) -> tuple[dict[str, Any], Network]:
    row = network_row(session, network_id)
    nodes = list(
        session.scalars(
            select(NetworkNodeRow)
            .where(NetworkNodeRow.network_id == network_id)
            .order_by(NetworkNodeRow.position)
        )
    )
    labels = [n.label for n in nodes]
    edges = [
        (labels[e.source], labels[e.target], e.weight)
        for e in session.scalars(
            select(NetworkEdgeRow).where(NetworkEdgeRow.network_id == network_id).order_by(NetworkEdgeRow.id)
        )
    ]
    attrs = {
        n.label: {str(k): str(v) for k, v in (n.attributes or {}).items()} for n in nodes if n.attributes
    }
    net = Network(labels, edges, row.directed, attrs, {"source_file": row.source_file})
    return _summary(row, len(labels), len(edges)), net


def delete_network(session: Session, network_id: int) -> None:
    network_row(session, network_id)
    session.execute(delete(NetworkEdgeRow).where(NetworkEdgeRow.network_id == network_id))
    session.execute(delete(NetworkNodeRow).where(NetworkNodeRow.network_id == network_id))
    session.execute(delete(NetworkRow).where(NetworkRow.id == network_id))


def read_uploaded(path: Path, input_format: str | None, directed: bool | None) -> Network:
    """Parse an uploaded network file (already saved under a generated name)."""
    from octa.network.io import read_network

    return read_network(path, input_format=input_format, directed=directed, merge="sum")
