"""Database writes for ingest: whole documents with their evidence, in batches.

One transaction per chunk of documents keeps ingest fast (batched inserts; the FTS index is fed
by triggers inside the same transaction) while a failure still leaves no half document: the
chunk rolls back whole and is retried one document at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from octa.countries import all_countries
from octa.ingest.extraction import Extracted
from octa.ingest.grading import DEFAULT_GRADE, parse_grade
from octa.ingest.prepare import Prepared
from octa.store.db import Store
from octa.store.models import CountryRow, DocumentRow, EvidenceRow, utcnow


@dataclass
class Written:
    documents: int = 0
    duplicates: int = 0
    evidence: int = 0

    def add(self, other: Written) -> None:
        self.documents += other.documents
        self.duplicates += other.duplicates
        self.evidence += other.evidence


Result = tuple[Prepared, Extracted]
DOCUMENTS, EVIDENCE = cast(Table, DocumentRow.__table__), cast(Table, EvidenceRow.__table__)
#: SQLite page cache for ingest, in KiB: the evidence indexes outgrow the 2 MiB default quickly,
#: and every miss is a page read in the middle of a batch insert.
SQLITE_CACHE_KIB = 64 * 1024


def ensure_countries(session: Session) -> None:
    """Documents and evidence point at countries; an empty store gets the country table first."""
    known = set(session.scalars(select(CountryRow.iso3)))
    missing = [c for c in all_countries() if c.iso3 not in known]
    if missing:
        session.execute(insert(CountryRow), [
            {"iso3": c.iso3, "iso2": c.iso2, "name": c.name, "continent": c.continent, "region": c.region}
            for c in missing
        ])


def known_hashes(session: Session) -> set[str]:
    return set(session.scalars(select(DocumentRow.content_hash)))


def write_chunk(store: Store, results: Sequence[Result]) -> Written:
    """Write a chunk in one transaction; if another writer got there first, go one by one."""
    if not results:
        return Written()
    try:
        with store.session() as session:
            return write_results(session, results)
    except IntegrityError:
        written = Written()
        for result in results:
            with store.session() as session:
                written.add(write_results(session, [result]))
        return written


def write_results(session: Session, results: Sequence[Result]) -> Written:
    """Insert documents not yet stored, then all their evidence, in `session`'s transaction."""
    stored = set(session.scalars(
        select(DocumentRow.content_hash).where(DocumentRow.content_hash.in_([p.hash for p, _ in results]))))
    fresh = [(p, e) for p, e in results if p.hash not in stored]
    if not fresh:
        return Written(duplicates=len(results))
    # Core statements on the table, not the ORM bulk path: one executemany per chunk.
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    now = utcnow()
    ids = dict(connection.execute(
        insert(DOCUMENTS).returning(DocumentRow.content_hash, DocumentRow.id),
        [_document_row(p, e, now) for p, e in fresh],
    ).all())
    rows = _evidence_rows(fresh, ids, now)
    if rows:
        connection.execute(insert(EVIDENCE), rows)
    return Written(documents=len(fresh), duplicates=len(results) - len(fresh), evidence=len(rows))


def _document_row(prepared: Prepared, extracted: Extracted, now: datetime) -> dict[str, object]:
    meta = prepared.meta
    grade = parse_grade(meta.grade or DEFAULT_GRADE)
    return {
        "content_hash": prepared.hash, "title": meta.title, "source": meta.source, "url": meta.url,
        "published_on": meta.date, "language": meta.language, "reliability": grade.reliability,
        "credibility": grade.credibility, "iso3": extracted.subject, "path": prepared.path,
        "media_type": prepared.media_type, "text": prepared.text, "ingested_at": now,
    }


def _evidence_rows(results: Sequence[Result], ids: dict[str, int], now: datetime) -> list[dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    for prepared, extracted in results:
        for draft in extracted.drafts:
            evidence_id = draft.evidence_id(prepared.hash)
            rows.setdefault(evidence_id, {
                **draft.to_dict(), "id": evidence_id, "document_id": ids[prepared.hash],
                "iso3": extracted.subject, "status": "pending", "created_at": now,
            })
    return list(rows.values())
