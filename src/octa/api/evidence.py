"""Evidence and documents for the API and pages, as plain rows.

Reads the `evidence` and `documents` tables directly (full-text search through the FTS index
of migration 0002 when present, LIKE otherwise) so the pages work whether or not the evidence
module's helpers are installed; status changes go through `octa.store.evidence` when it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, literal_column, select, text, update
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from octa.exc import InvalidInput, NotFound
from octa.store.models import DocumentRow, EvidenceRow

STATUSES = ("pending", "accepted", "rejected")
GRADE = re.compile(r"^[A-Fa-f][1-6]?$")


@dataclass
class EvidenceFilter:
    q: str | None = None
    iso3: str | None = None
    indicator: str | None = None
    grade: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None
    document_id: int | None = None


def terms(q: str | None) -> list[str]:
    """Search words: letters and digits only, so no query syntax reaches the database."""
    return re.findall(r"\w+", q or "")[:10]


def _base(flt: EvidenceFilter, session: Session) -> Select[Any]:
    query = select(EvidenceRow, DocumentRow).join(DocumentRow, DocumentRow.id == EvidenceRow.document_id)
    if flt.iso3:
        query = query.where(EvidenceRow.iso3 == flt.iso3)
    if flt.indicator:
        query = query.where(EvidenceRow.indicator_id == flt.indicator)
    if flt.status:
        if flt.status not in STATUSES:
            raise InvalidInput(f"unknown status {flt.status!r} (use one of {', '.join(STATUSES)})")
        query = query.where(EvidenceRow.status == flt.status)
    if flt.document_id is not None:
        query = query.where(EvidenceRow.document_id == flt.document_id)
    if flt.grade:
        query = _graded(query, flt.grade)
    if flt.date_from:
        query = query.where(DocumentRow.published_on >= flt.date_from)
    if flt.date_to:
        query = query.where(DocumentRow.published_on <= flt.date_to)
    words = terms(flt.q)
    if words:
        query = _matching(query, words, session)
    return query


def _graded(query: Select[Any], grade: str) -> Select[Any]:
    """`B` keeps sources graded A or B; `B2` also keeps only credibility 1 or 2."""
    if not GRADE.match(grade):
        raise InvalidInput(f"grade {grade!r} is not an Admiralty grade such as B or B2")
    query = query.where(DocumentRow.reliability <= grade[0].upper())
    if len(grade) == 2:
        query = query.where(DocumentRow.credibility <= int(grade[1]))
    return query


def _matching(query: Select[Any], words: list[str], session: Session) -> Select[Any]:
    """Full-text match through the evidence module's clause (FTS5 or tsvector) when present."""
    try:
        from octa.store.evidence import search_clause
    except ImportError:
        search_clause = None
    if search_clause is not None:
        return query.where(search_clause(session, " ".join(words)))
    if session.get_bind().dialect.name == "sqlite" and _has_fts(session):
        match = " ".join(f'"{w}"' for w in words)
        ids = text("SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH :match").bindparams(match=match)
        return query.where(literal_column("evidence.rowid").in_(ids))
    return query.where(*[EvidenceRow.sentence.ilike(f"%{w}%") for w in words])


def _has_fts(session: Session) -> bool:
    try:
        session.execute(text("SELECT 1 FROM evidence_fts LIMIT 0"))
        return True
    except (OperationalError, ProgrammingError):
        session.rollback()
        return False


def search(
    session: Session, flt: EvidenceFilter, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Matching items, newest documents first, with the total count."""
    query = _base(flt, session)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ordered = (
        query.order_by(
            DocumentRow.published_on.desc().nullslast(), EvidenceRow.document_id.desc(), EvidenceRow.start
        )
        .limit(limit)
        .offset(offset)
    )
    return int(total), [item_dict(ev, doc) for ev, doc in session.execute(ordered).all()]


def item_dict(ev: EvidenceRow, doc: DocumentRow) -> dict[str, Any]:
    return {
        "id": ev.id,
        "document_id": ev.document_id,
        "document_title": doc.title,
        "source": doc.source,
        "published_on": doc.published_on,
        "grade": f"{doc.reliability}{doc.credibility}",
        "iso3": ev.iso3,
        "family": ev.family,
        "label": ev.label,
        "indicator": ev.indicator_id,
        "polarity": ev.polarity,
        "actor": ev.actor,
        "target": ev.target,
        "sentence": ev.sentence,
        "confidence": ev.confidence,
        "modality": ev.modality,
        "status": ev.status,
    }


def set_status(session: Session, item_id: str, status: str) -> dict[str, Any]:
    """Accept or reject one extracted item (the evidence module's function when present)."""
    if status not in ("accepted", "rejected", "pending"):
        raise InvalidInput(f"status must be accepted, rejected or pending, not {status!r}")
    if session.get(EvidenceRow, item_id) is None:
        raise NotFound(f"no evidence item {item_id!r}")
    try:
        from octa.store import evidence as store_evidence

        store_evidence.set_status(session, item_id, status)
    except (ImportError, AttributeError):
        session.execute(update(EvidenceRow).where(EvidenceRow.id == item_id).values(status=status))
    session.flush()
    row = session.get(EvidenceRow, item_id)
    assert row is not None
    session.refresh(row)
    doc = session.get(DocumentRow, row.document_id)
    assert doc is not None
    return item_dict(row, doc)


def list_documents(session: Session, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total = session.scalar(select(func.count(DocumentRow.id))) or 0
    counts = dict(
        session.execute(select(EvidenceRow.document_id, func.count()).group_by(EvidenceRow.document_id)).all()
    )
    rows = session.scalars(select(DocumentRow).order_by(DocumentRow.id.desc()).limit(limit).offset(offset))
    return int(total), [document_dict(d, int(counts.get(d.id, 0))) for d in rows]


def document_dict(doc: DocumentRow, items: int | None = None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published_on": doc.published_on,
        "language": doc.language,
        "iso3": doc.iso3,
        "grade": f"{doc.reliability}{doc.credibility}",
        "media_type": doc.media_type,
        "items": items,
        "ingested_at": doc.ingested_at.isoformat() if doc.ingested_at else None,
    }


def get_document(session: Session, document_id: int) -> dict[str, Any]:
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise NotFound(f"no document {document_id}")
    count = session.scalar(select(func.count()).where(EvidenceRow.document_id == document_id)) or 0
    return document_dict(doc, int(count))


def country_summary(session: Session, iso3: str) -> list[dict[str, Any]]:
    """Per indicator: items, accepted items, best grade, newest date (rejected items left out)."""
    try:
        from octa.store.evidence import evidence_profile
    except ImportError:
        evidence_profile = None
    if evidence_profile is not None:
        rows = evidence_profile(session, iso3)
        return sorted(rows, key=lambda r: (-int(r.get("count", 0)), str(r.get("indicator_id"))))
    query = (
        select(
            EvidenceRow.indicator_id,
            func.count(),
            func.sum(case((EvidenceRow.status == "accepted", 1), else_=0)),
        )
        .where(
            EvidenceRow.iso3 == iso3, EvidenceRow.status != "rejected", EvidenceRow.indicator_id.is_not(None)
        )
        .group_by(EvidenceRow.indicator_id)
    )
    rows = [
        {"indicator_id": i, "count": int(n), "accepted": int(a or 0), "best_grade": None, "newest_date": None}
        for i, n, a in session.execute(query).all()
    ]
    return sorted(rows, key=lambda r: (-r["count"], str(r["indicator_id"])))


def actor_graph(session: Session, iso3: str) -> dict[str, Any]:
    """Groups, markets and countries tied by non-rejected evidence (the evidence module's graph)."""
    try:
        from octa.store.actor_graph import actor_graph as build
    except ImportError:
        return _simple_graph(session, iso3)
    graph = build(session, iso3).to_dict()
    edges = [
        {
            "source": e["source"],
            "target": e["target"],
            "label": e["kind"],
            "weight": e["weight"],
            "directed": e["directed"],
        }
        for e in graph["edges"]
    ]
    return {"iso3": iso3, "nodes": graph["nodes"], "edges": edges}


def _simple_graph(session: Session, iso3: str, limit: int = 300) -> dict[str, Any]:
    query = (
        select(EvidenceRow.actor, EvidenceRow.target, EvidenceRow.label, func.count())
        .where(EvidenceRow.actor.is_not(None), EvidenceRow.status != "rejected", EvidenceRow.iso3 == iso3)
        .group_by(EvidenceRow.actor, EvidenceRow.target, EvidenceRow.label)
        .limit(limit)
    )
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for actor, target, label, count in session.execute(query).all():
        nodes.setdefault(actor, {"id": actor, "label": actor, "kind": "group"})
        if target:
            nodes.setdefault(target, {"id": target, "label": target, "kind": "market"})
            edges.append(
                {"source": actor, "target": target, "label": label, "weight": int(count), "directed": True}
            )
    return {"iso3": iso3, "nodes": list(nodes.values()), "edges": edges}
