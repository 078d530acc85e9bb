"""The evidence repository: documents, extracted evidence, full-text search and profiles.

Reports and the web app call these functions with a session; each returns plain dicts so the
callers never depend on ORM rows. Full-text search has one entry point, `search_clause`, that
hides the SQLite FTS5 / PostgreSQL tsvector difference (see migration 0002).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from octa.countries import get_country
from octa.exc import InvalidInput, NotFound
from octa.ingest.grading import Grade, format_grade, parse_grade
from octa.store.models import DocumentRow, EvidenceRow

STATUSES = ("pending", "accepted", "rejected")
#: Review states an analyst may set.
REVIEW_STATUSES = ("accepted", "rejected")
DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000
_TOKEN = re.compile(r"\w+", re.UNICODE)

EVIDENCE_COLUMNS = (
    EvidenceRow.id, EvidenceRow.iso3, EvidenceRow.family, EvidenceRow.label, EvidenceRow.indicator_id,
    EvidenceRow.polarity, EvidenceRow.actor, EvidenceRow.target, EvidenceRow.sentence, EvidenceRow.start,
    EvidenceRow.end, EvidenceRow.confidence, EvidenceRow.modality, EvidenceRow.status,
    EvidenceRow.document_id, DocumentRow.title, DocumentRow.source, DocumentRow.url,
    DocumentRow.published_on.label("date"), DocumentRow.reliability, DocumentRow.credibility,
)


def search_clause(session: Session, q: str) -> ColumnElement[bool]:
    """A WHERE clause matching evidence whose sentence contains every word of `q` (stemmed)."""
    tokens = _TOKEN.findall(q)
    if not tokens:
        return false()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " ".join(f'"{token}"' for token in tokens)
        fts = table("evidence_fts")
        rowids: Select[Any] = select(literal_column("rowid")).select_from(fts).where(
            literal_column("evidence_fts").op("MATCH")(match))
        return literal_column("evidence.rowid").in_(rowids)
    if dialect == "postgresql":
        # A literal, not a bound parameter, so the GIN expression index of migration 0002 applies.
        english: ColumnClause[Any] = literal_column("'english'")
        vector = func.to_tsvector(english, EvidenceRow.sentence)
        return vector.op("@@")(func.plainto_tsquery(english, " ".join(tokens)))
    return and_(*(EvidenceRow.sentence.ilike(f"%{token}%") for token in tokens))


def grade_clause(grade_min: str | Grade) -> ColumnElement[bool]:
    """Documents graded at least as well as `grade_min` on both axes (A1 best, F6 worst)."""
    grade = grade_min if isinstance(grade_min, Grade) else parse_grade(grade_min)
    return and_(DocumentRow.reliability <= grade.reliability, DocumentRow.credibility <= grade.credibility)


def iso3_of(country: str) -> str:
    """ISO3 code of a country given by code or name (`NotFound` when unknown)."""
    return get_country(country).iso3


def evidence_items(
    session: Session, iso3: str | None = None, indicator: str | None = None, q: str | None = None,
    grade_min: str | None = None, date_from: str | None = None, date_to: str | None = None,
    status: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0, family: str | None = None,
) -> list[dict[str, Any]]:
    """Evidence items with their document's title, source, date and grade; newest first."""
    query = _filtered(select(*EVIDENCE_COLUMNS), session, iso3=iso3, indicator=indicator, q=q,
                      grade_min=grade_min, date_from=date_from, date_to=date_to, status=status, family=family)
    query = query.order_by(DocumentRow.published_on.desc().nulls_last(), EvidenceRow.document_id,
                           EvidenceRow.start, EvidenceRow.id)
    query = query.limit(_limit(limit)).offset(max(0, offset))
    return [_evidence_dict(row._mapping) for row in session.execute(query)]


def count_evidence(session: Session, **filters: Any) -> int:
    """How many items `evidence_items` would list without `limit`/`offset` (for paging)."""
    query = _filtered(select(func.count(EvidenceRow.id)), session, **filters)
    return int(session.scalar(query) or 0)


def _filtered(query: Select, session: Session, *, iso3: str | None = None, indicator: str | None = None,
              q: str | None = None, grade_min: str | None = None, date_from: str | None = None,
              date_to: str | None = None, status: str | None = None, family: str | None = None) -> Select:
    query = query.select_from(EvidenceRow).join(DocumentRow, DocumentRow.id == EvidenceRow.document_id)
    conditions: list[ColumnElement[bool]] = []
    if iso3:
        conditions.append(EvidenceRow.iso3 == iso3_of(iso3))
    if indicator:
        conditions.append(or_(EvidenceRow.indicator_id == indicator, EvidenceRow.target == indicator))
    if family:
        conditions.append(EvidenceRow.family == family)
    if q and q.strip():
        conditions.append(search_clause(session, q))
    if grade_min:
        conditions.append(grade_clause(grade_min))
    if date_from:
        conditions.append(DocumentRow.published_on >= date_from)
    if date_to:
        conditions.append(DocumentRow.published_on <= _end_of(date_to))
    if status:
        conditions.append(EvidenceRow.status == _status(status, STATUSES))
    return query.where(*conditions)


def _end_of(date: str) -> str:
    """The last day a partial date covers, as a comparable string: `2022` → `2022-99-99`."""
    return date + "-99" * (2 - date.count("-"))


def _limit(limit: int) -> int:
    return max(0, min(int(limit), MAX_LIMIT))


def _status(status: str, allowed: tuple[str, ...]) -> str:
    if status not in allowed:
        expected = ", ".join(allowed)
        raise InvalidInput(f"unknown status {status!r}: expected one of {expected}", column="status")
    return status


def _evidence_dict(row: Any) -> dict[str, Any]:
    data = dict(row)
    data["grade"] = format_grade(data.pop("reliability"), data.pop("credibility"))
    return data


def get_evidence(session: Session, evidence_id: str) -> dict[str, Any]:
    query = _filtered(select(*EVIDENCE_COLUMNS), session).where(EvidenceRow.id == evidence_id)
    row = session.execute(query).first()
    if row is None:
        raise NotFound(f"no evidence item {evidence_id!r}")
    return _evidence_dict(row._mapping)


def set_status(session: Session, evidence_id: str, status: str) -> dict[str, Any]:
    """Record an analyst's review of one item; returns the updated item."""
    row = session.get(EvidenceRow, evidence_id)
    if row is None:
        raise NotFound(f"no evidence item {evidence_id!r}")
    row.status = _status(status, (*REVIEW_STATUSES, "pending"))
    session.flush()
    return get_evidence(session, evidence_id)


def evidence_profile(session: Session, iso3: str) -> list[dict[str, Any]]:
    """Per indicator of a country: how much evidence, which way it points, how good, how recent.

    Rejected items are left out. `balance` is positive minus negative items (resilience
    indicators carry a polarity; market and actor items count as mentions); `best_grade` is the
    best Admiralty grade among the supporting documents.
    """
    positive = func.sum(case((EvidenceRow.polarity > 0, 1), else_=0))
    negative = func.sum(case((EvidenceRow.polarity < 0, 1), else_=0))
    query = (
        select(
            EvidenceRow.indicator_id, EvidenceRow.family, func.count(EvidenceRow.id).label("count"),
            positive.label("positive"), negative.label("negative"),
            func.count(func.distinct(EvidenceRow.document_id)).label("documents"),
            func.sum(case((EvidenceRow.status == "accepted", 1), else_=0)).label("accepted"),
            func.avg(EvidenceRow.confidence).label("mean_confidence"),
            func.min(DocumentRow.reliability + cast(DocumentRow.credibility, String)).label("best_grade"),
            func.max(DocumentRow.published_on).label("newest_date"),
        )
        .join(DocumentRow, DocumentRow.id == EvidenceRow.document_id)
        .where(EvidenceRow.iso3 == iso3_of(iso3), EvidenceRow.status != "rejected",
               EvidenceRow.indicator_id.is_not(None))
        .group_by(EvidenceRow.indicator_id, EvidenceRow.family)
        .order_by(EvidenceRow.family, EvidenceRow.indicator_id)
    )
    return [_profile_dict(row._mapping) for row in session.execute(query)]


def _profile_dict(row: Any) -> dict[str, Any]:
    data = dict(row)
    for key in ("count", "positive", "negative", "documents", "accepted"):
        data[key] = int(data[key] or 0)
    data["neutral"] = data["count"] - data["positive"] - data["negative"]
    data["balance"] = data["positive"] - data["negative"]
    data["mean_confidence"] = round(float(data["mean_confidence"] or 0.0), 3)
    return data


DOCUMENT_COLUMNS = (
    DocumentRow.id, DocumentRow.title, DocumentRow.source, DocumentRow.url,
    DocumentRow.published_on.label("date"), DocumentRow.language, DocumentRow.reliability,
    DocumentRow.credibility, DocumentRow.iso3, DocumentRow.path, DocumentRow.media_type,
    DocumentRow.content_hash, DocumentRow.ingested_at,
)


def documents(session: Session, iso3: str | None = None, q: str | None = None, grade_min: str | None = None,
              limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents (without their text) with how many evidence items each gave; newest first."""
    items = (select(EvidenceRow.document_id, func.count(EvidenceRow.id).label("n"))
             .group_by(EvidenceRow.document_id).subquery())
    query: Select = (select(*DOCUMENT_COLUMNS, func.coalesce(items.c.n, 0).label("evidence"))
                     .outerjoin(items, items.c.document_id == DocumentRow.id))
    query = _documents_where(query, iso3, q, grade_min)
    query = query.order_by(DocumentRow.published_on.desc().nulls_last(), DocumentRow.id)
    query = query.limit(_limit(limit)).offset(max(0, offset))
    return [_document_dict(row._mapping) for row in session.execute(query)]


def count_documents(session: Session, iso3: str | None = None, q: str | None = None,
                    grade_min: str | None = None) -> int:
    """How many documents `documents` would list without `limit`/`offset` (for paging)."""
    query = _documents_where(select(func.count(DocumentRow.id)), iso3, q, grade_min)
    return int(session.scalar(query) or 0)


def _documents_where(query: Select, iso3: str | None, q: str | None, grade_min: str | None) -> Select:
    if iso3:
        query = query.where(DocumentRow.iso3 == iso3_of(iso3))
    if q and q.strip():
        query = query.where(*(DocumentRow.title.ilike(f"%{token}%") for token in _TOKEN.findall(q)))
    if grade_min:
        query = query.where(grade_clause(grade_min))
    return query


def _document_dict(row: Any) -> dict[str, Any]:
    data = dict(row)
    data["grade"] = format_grade(data.pop("reliability"), data.pop("credibility"))
    return data


def get_document(session: Session, document_id: int) -> dict[str, Any]:
    """One document with its text and its evidence items (in text order)."""
    row = session.execute(select(*DOCUMENT_COLUMNS, DocumentRow.text)
                          .where(DocumentRow.id == document_id)).first()
    if row is None:
        raise NotFound(f"no document {document_id}")
    data = _document_dict(row._mapping)
    query = _filtered(select(*EVIDENCE_COLUMNS), session).where(EvidenceRow.document_id == document_id)
    data["evidence"] = [_evidence_dict(r._mapping) for r in session.execute(
        query.order_by(EvidenceRow.start, EvidenceRow.id))]
    return data
