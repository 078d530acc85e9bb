"""Evidence items for one country, read from the store as plain `EvidenceItem`s.

Reads the shared `evidence` and `documents` tables directly (their schema lives in
`octa.store.models`), so a report renders whatever the extractor and the analysts left there:
rejected items are left out, pending and accepted ones are used. A store with no evidence at
all simply yields an empty list, and the report says so.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from octa.report.model import EvidenceItem
from octa.store.models import DocumentRow, EvidenceRow

#: Evidence an analyst has rejected is never cited.
EXCLUDED_STATUS = ("rejected",)


def country_evidence(session: Session, iso3: str) -> list[EvidenceItem]:
    """Every usable evidence item about `iso3`, strongest first within each document."""
    query = (
        select(EvidenceRow, DocumentRow)
        .join(DocumentRow, EvidenceRow.document_id == DocumentRow.id)
        .where(
            or_(EvidenceRow.iso3 == iso3, (EvidenceRow.iso3.is_(None)) & (DocumentRow.iso3 == iso3)),
            EvidenceRow.status.not_in(EXCLUDED_STATUS),
        )
        .order_by(DocumentRow.id, EvidenceRow.confidence.desc(), EvidenceRow.start)
    )
    return [_item(evidence, document) for evidence, document in session.execute(query)]


def _item(evidence: EvidenceRow, document: DocumentRow) -> EvidenceItem:
    return EvidenceItem(
        id=evidence.id,
        document_id=document.id,
        family=evidence.family,
        label=evidence.label,
        indicator_id=evidence.indicator_id,
        polarity=evidence.polarity,
        actor=evidence.actor,
        target=evidence.target,
        sentence=" ".join(evidence.sentence.split()),
        modality=evidence.modality,
        confidence=float(evidence.confidence),
        title=(document.title or "Untitled document").strip(),
        source=(document.source or "unknown source").strip(),
        date=document.published_on or "n.d.",
        grade=f"{document.reliability}{document.credibility}",
        url=document.url,
    )
