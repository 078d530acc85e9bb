"""The actor graph: criminal groups, markets and countries, tied by edges that cite evidence.

A pure builder over evidence dicts (as `octa.store.evidence` returns them) and three exports:
JSON, GraphML (networkx) and FollowTheMoney entities, so Aleph and OpenSanctions tools can read
the graph. Every edge keeps the ids of the evidence items that support it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from octa.countries import find_country

#: Edge kinds, by the evidence that creates them.
ACTIVE_IN, PRESENT_IN, ORIGIN, MARKET, COLLABORATION, INFILTRATION = (
    "active-in", "present-in", "origin", "market", "collaboration", "infiltration")
#: An actor of this type on either side of a collaboration makes it an infiltration.
STATE_ACTOR = "state-embedded-actors"
FOREIGN_PREFIX = "foreign:"
COUNTRY_PREFIX = "country:"


@dataclass
class Node:
    id: str
    label: str
    #: group | market | country
    kind: str
    #: ISO2 of a group's country of origin, or of a country node.
    country: str | None = None


@dataclass
class Edge:
    source: str
    target: str
    kind: str
    directed: bool = True
    evidence: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "kind": self.kind, "directed": self.directed,
                "weight": len(self.evidence), "evidence": sorted(self.evidence)}


@dataclass
class ActorGraph:
    iso3: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def node(self, node_id: str) -> Node:
        if node_id not in self.nodes:
            self.nodes[node_id] = _make_node(node_id)
        return self.nodes[node_id]

    def edge(self, source: str, target: str, kind: str, evidence_id: str) -> None:
        directed = kind not in (COLLABORATION, INFILTRATION)
        if not directed:
            source, target = sorted((source, target))
        self.node(source), self.node(target)
        key = (source, target, kind)
        self.edges.setdefault(key, Edge(source, target, kind, directed)).evidence.add(evidence_id)

    def edge_rows(self) -> list[dict[str, Any]]:
        """One row per edge, for a table: labels, kind and how many items support it."""
        return [{"source": self.nodes[e.source].label, "kind": e.kind, "target": self.nodes[e.target].label,
                 "evidence": len(e.evidence), "ids": " ".join(sorted(i[:8] for i in e.evidence))}
                for e in sorted(self.edges.values(), key=lambda e: (e.kind, e.source, e.target))]

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.iso3, "nodes": [vars(n) for n in sorted(self.nodes.values(), key=_key)],
                "edges": [e.to_dict() for e in sorted(self.edges.values(), key=_edge_key)]}


def _key(node: Node) -> tuple[str, str]:
    return node.kind, node.id


def _edge_key(edge: Edge) -> tuple[str, str, str]:
    return edge.kind, edge.source, edge.target


def _make_node(node_id: str) -> Node:
    if node_id.startswith(COUNTRY_PREFIX):
        code = node_id.removeprefix(COUNTRY_PREFIX)
        country = find_country(code)
        return Node(node_id, country.name if country else code, "country", code)
    if node_id.startswith(FOREIGN_PREFIX):
        code = node_id.removeprefix(FOREIGN_PREFIX)
        country = find_country(code)
        return Node(node_id, f"groups from {country.name if country else code}", "group", code)
    if node_id.endswith(("-groups", "-networks", "-actors")):
        return Node(node_id, node_id.replace("-", " "), "group")
    return Node(node_id, node_id.replace("-", " "), "market")


def build_graph(iso3: str, items: Iterable[dict[str, Any]]) -> ActorGraph:
    """The graph of one country from its evidence items (rejected items should be left out)."""
    country = find_country(iso3)
    home = COUNTRY_PREFIX + (country.iso2 if country else iso3)
    graph = ActorGraph(iso3)
    graph.node(home)
    for item in items:
        _add_item(graph, home, item)
    return graph


def _add_item(graph: ActorGraph, home: str, item: dict[str, Any]) -> None:
    family, evidence_id = item["family"], item["id"]
    if family == "actor" and item.get("indicator_id"):
        graph.edge(item["indicator_id"], home, ACTIVE_IN, evidence_id)
    elif family == "origin" and item.get("actor"):
        group = item["actor"]
        graph.edge(group, home, ACTIVE_IN, evidence_id)
        graph.edge(group, COUNTRY_PREFIX + group.removeprefix(FOREIGN_PREFIX), ORIGIN, evidence_id)
    elif family == "market" and item.get("indicator_id"):
        graph.edge(item["indicator_id"], home, PRESENT_IN, evidence_id)
    elif family == "link" and item.get("actor") and item.get("target"):
        _add_link(graph, item, evidence_id)


def _add_link(graph: ActorGraph, item: dict[str, Any], evidence_id: str) -> None:
    actor, target = item["actor"], item["target"]
    if item.get("label") == "market":
        graph.edge(actor, target, MARKET, evidence_id)
        return
    infiltration = item.get("label") == INFILTRATION or STATE_ACTOR in (actor, target)
    kind = INFILTRATION if infiltration else COLLABORATION
    graph.edge(actor, target, kind, evidence_id)


def to_graphml(graph: ActorGraph) -> str:
    """GraphML (networkx); evidence ids are a space-separated attribute, as GraphML has no lists."""
    import networkx as nx

    g = nx.DiGraph(country=graph.iso3)
    for node in graph.nodes.values():
        g.add_node(node.id, label=node.label, kind=node.kind, country=node.country or "")
    for edge in graph.edges.values():
        g.add_edge(edge.source, edge.target, kind=edge.kind, directed=edge.directed,
                   weight=len(edge.evidence), evidence=" ".join(sorted(edge.evidence)))
    buffer = io.BytesIO()
    nx.write_graphml(g, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


#: FollowTheMoney schema per node kind.
FTM_SCHEMATA = {"group": "Organization", "market": "Project", "country": "Territory"}


def to_ftm(graph: ActorGraph) -> list[dict[str, Any]]:
    """FollowTheMoney entities: nodes, then one UnknownLink per edge citing its evidence ids."""
    from followthemoney import model

    entities: dict[str, Any] = {}
    for node in graph.nodes.values():
        entity = model.make_entity(FTM_SCHEMATA[node.kind])
        entity.make_id("octa", graph.iso3, node.id)
        entity.add("name", node.label)
        entity.add("summary", f"octa {node.kind} {node.id}")
        if node.country:
            entity.add("country", node.country, quiet=True)
        entities[node.id] = entity
    links = [_ftm_link(model, graph.iso3, edge, entities) for edge in graph.edges.values()]
    return [e.to_dict() for e in (*entities.values(), *links)]


def _ftm_link(model: Any, iso3: str, edge: Edge, entities: dict[str, Any]) -> Any:
    link = model.make_entity("UnknownLink")
    link.make_id("octa", iso3, edge.source, edge.kind, edge.target)
    link.add("subject", entities[edge.source].id)
    link.add("object", entities[edge.target].id)
    link.add("role", edge.kind)
    link.add("description", "octa evidence: " + ", ".join(sorted(edge.evidence)))
    return link


def render(graph: ActorGraph, fmt: str) -> str:
    """The graph as text in `fmt`: json, graphml or ftm (JSON lines)."""
    if fmt == "graphml":
        return to_graphml(graph)
    if fmt == "ftm":
        return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in to_ftm(graph))
    return json.dumps(graph.to_dict(), ensure_ascii=False, indent=2) + "\n"
