"""The actor graph builder and its exports (GraphML, FollowTheMoney)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from octa.ingest.graph import build_graph, render, to_ftm

ITEMS = [
    {"id": "m1", "family": "market", "label": "cocaine-trade", "indicator_id": "cocaine-trade"},
    {"id": "a1", "family": "actor", "label": "criminal-networks", "indicator_id": "criminal-networks"},
    {"id": "o1", "family": "origin", "label": "TR", "indicator_id": "foreign-actors", "actor": "foreign:TR"},
    {"id": "l1", "family": "link", "label": "market", "actor": "foreign:TR", "target": "cocaine-trade"},
    {"id": "l2", "family": "link", "label": "market", "actor": "foreign:TR", "target": "cocaine-trade"},
    {"id": "l3", "family": "link", "label": "collaboration", "actor": "foreign:TR",
     "target": "criminal-networks"},
    {"id": "l4", "family": "link", "label": "collaboration", "actor": "criminal-networks",
     "target": "foreign:TR"},
    {"id": "l5", "family": "link", "label": "infiltration", "actor": "criminal-networks",
     "target": "state-embedded-actors"},
    {"id": "r1", "family": "resilience", "label": "law-enforcement", "indicator_id": "law-enforcement"},
]


def edges() -> dict[tuple[str, str, str], list[str]]:
    graph = build_graph("BEL", ITEMS)
    return {(e.source, e.kind, e.target): sorted(e.evidence) for e in graph.edges.values()}


def test_edges_are_backed_by_evidence() -> None:
    assert edges() == {
        ("cocaine-trade", "present-in", "country:BE"): ["m1"],
        ("criminal-networks", "active-in", "country:BE"): ["a1"],
        ("foreign:TR", "active-in", "country:BE"): ["o1"],
        ("foreign:TR", "origin", "country:TR"): ["o1"],
        ("foreign:TR", "market", "cocaine-trade"): ["l1", "l2"],
        ("criminal-networks", "collaboration", "foreign:TR"): ["l3", "l4"],  # unordered: one edge
        ("criminal-networks", "infiltration", "state-embedded-actors"): ["l5"],
    }


def test_nodes() -> None:
    graph = build_graph("BEL", ITEMS)
    kinds = {n.id: (n.kind, n.label, n.country) for n in graph.nodes.values()}
    kind, label, country = kinds["foreign:TR"]
    assert (kind, country) == ("group", "TR") and label.startswith("groups from T")
    assert kinds["cocaine-trade"][0] == "market" and kinds["country:BE"] == ("country", "Belgium", "BE")
    assert kinds["state-embedded-actors"][0] == "group"


def test_graphml() -> None:
    root = ET.fromstring(render(build_graph("BEL", ITEMS), "graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 6 and len(root.findall(".//g:edge", ns)) == 7
    assert "l1 l2" in render(build_graph("BEL", ITEMS), "graphml")


def test_ftm_entities_cite_evidence() -> None:
    entities = to_ftm(build_graph("BEL", ITEMS))
    by_schema: dict[str, list[dict]] = {}
    for entity in entities:
        by_schema.setdefault(entity["schema"], []).append(entity)
    assert len(by_schema["UnknownLink"]) == 7
    assert {e["properties"]["name"][0] for e in by_schema["Territory"]} >= {"Belgium"}
    turkish = next(e for e in by_schema["Organization"] if e["properties"].get("country") == ["tr"])
    market_link = next(e for e in by_schema["UnknownLink"] if e["properties"]["role"] == ["market"])
    assert market_link["properties"]["subject"] == [turkish["id"]]
    assert market_link["properties"]["description"] == ["octa evidence: l1, l2"]
    from followthemoney import model

    for entity in entities:  # FollowTheMoney reads every entity back, with its links resolved
        proxy = model.get_proxy(entity)
        assert proxy.id == entity["id"] and proxy.schema.name == entity["schema"]
    lines = render(build_graph("BEL", ITEMS), "ftm").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in entities]


def test_empty_graph_has_the_country() -> None:
    graph = build_graph("BEL", [])
    assert list(graph.nodes) == ["country:BE"] and not graph.edges
