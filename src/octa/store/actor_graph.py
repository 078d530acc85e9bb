"""The actor graph of a country, built from its stored evidence (see `octa.ingest.graph`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from octa.ingest.graph import ActorGraph, build_graph, render
from octa.store.evidence import iso3_of
from octa.store.models import EvidenceRow

#: Families that make nodes and edges.
GRAPH_FAMILIES = ("actor", "origin", "market", "link")


def actor_graph(session: Session, country: str) -> ActorGraph:
    """Groups, markets and countries of `country`, with edges backed by non-rejected evidence."""
    iso3 = iso3_of(country)
    query = (select(EvidenceRow.id, EvidenceRow.family, EvidenceRow.label, EvidenceRow.indicator_id,
                    EvidenceRow.actor, EvidenceRow.target)
             .where(EvidenceRow.iso3 == iso3, EvidenceRow.status != "rejected",
                    EvidenceRow.family.in_(GRAPH_FAMILIES))
             .order_by(EvidenceRow.id))
    return build_graph(iso3, (dict(row._mapping) for row in session.execute(query)))


__all__ = ["ActorGraph", "actor_graph", "render"]
