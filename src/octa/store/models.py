"""SQLAlchemy models: the whole schema, from countries and scores to evidence and networks.

Scores are never overwritten: a changed value is a new row with a higher `version` and the old
row loses `is_current`, so the history of every (country, edition, indicator, assessor) can be
listed. Every imported value points to its provenance (file, sheet, row).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class CountryRow(Base):
    __tablename__ = "countries"
    iso3: Mapped[str] = mapped_column(String(3), primary_key=True)
    iso2: Mapped[str] = mapped_column(String(2), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    continent: Mapped[str] = mapped_column(String(50))
    region: Mapped[str] = mapped_column(String(100))


class FrameworkRow(Base):
    __tablename__ = "frameworks"
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: The validated framework file, as JSON, so the store is self-describing.
    spec: Mapped[dict] = mapped_column(JSON)


class IndicatorRow(Base):
    __tablename__ = "indicators"
    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    pillar: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)


class EditionRow(Base):
    __tablename__ = "editions"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    framework_id: Mapped[str] = mapped_column(ForeignKey("frameworks.id"))


class PlacementRow(Base):
    """Continent and region of a country in one edition, as the index placed it."""

    __tablename__ = "placements"
    iso3: Mapped[str] = mapped_column(ForeignKey("countries.iso3"), primary_key=True)
    edition: Mapped[int] = mapped_column(ForeignKey("editions.year"), primary_key=True)
    continent: Mapped[str] = mapped_column(String(50))
    region: Mapped[str] = mapped_column(String(100))


class ImportRow(Base):
    __tablename__ = "imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(50))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_changed: Mapped[int] = mapped_column(Integer, default=0)


class ScoreRow(Base):
    __tablename__ = "scores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    iso3: Mapped[str] = mapped_column(ForeignKey("countries.iso3"))
    edition: Mapped[int] = mapped_column(ForeignKey("editions.year"))
    framework_id: Mapped[str] = mapped_column(String(100))
    indicator_id: Mapped[str] = mapped_column(String(100))
    assessor: Mapped[str] = mapped_column(String(200), default="GI-TOC")
    value: Mapped[float] = mapped_column(Float)
    justification: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str | None] = mapped_column(Text, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id"), nullable=True)
    prov_file: Mapped[str | None] = mapped_column(Text, nullable=True)
    prov_sheet: Mapped[str | None] = mapped_column(String(100), nullable=True)
    prov_row: Mapped[int | None] = mapped_column(Integer, nullable=True)
    __table_args__ = (
        ForeignKeyConstraint(["framework_id", "indicator_id"], ["indicators.framework_id", "indicators.id"]),
        UniqueConstraint("iso3", "edition", "indicator_id", "assessor", "version", name="uq_score_version"),
        Index("ix_scores_current", "edition", "is_current", "iso3"),
    )


class PublishedRow(Base):
    """An aggregate as printed in an imported file, kept to check the engine against."""

    __tablename__ = "published_aggregates"
    iso3: Mapped[str] = mapped_column(ForeignKey("countries.iso3"), primary_key=True)
    edition: Mapped[int] = mapped_column(ForeignKey("editions.year"), primary_key=True)
    aggregate_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    #: SHA-256 of the extracted text: the deduplication key.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    published_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    language: Mapped[str | None] = mapped_column(String(10), nullable=True)
    #: Admiralty grading: source reliability A–F, information credibility 1–6.
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    credibility: Mapped[int] = mapped_column(Integer, default=6)
    iso3: Mapped[str | None] = mapped_column(ForeignKey("countries.iso3"), nullable=True)
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    media_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EvidenceRow(Base):
    __tablename__ = "evidence"
    #: Deterministic id: a hash of document, family, label and span, so re-runs are idempotent.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    iso3: Mapped[str | None] = mapped_column(ForeignKey("countries.iso3"), nullable=True)
    family: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(100))
    indicator_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    polarity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor: Mapped[str | None] = mapped_column(String(100), nullable=True)
    target: Mapped[str | None] = mapped_column(String(100), nullable=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    modality: Mapped[str] = mapped_column(String(20))
    #: pending | accepted | rejected: analysts review extracted items.
    status: Mapped[str] = mapped_column(String(20), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (
        Index("ix_evidence_country_indicator", "iso3", "indicator_id"),
        Index("ix_evidence_document", "document_id"),
    )


class NetworkRow(Base):
    __tablename__ = "networks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    iso3: Mapped[str | None] = mapped_column(ForeignKey("countries.iso3"), nullable=True)
    markets: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    directed: Mapped[bool] = mapped_column(Boolean, default=False)
    source_file: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NetworkNodeRow(Base):
    __tablename__ = "network_nodes"
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)


class NetworkEdgeRow(Base):
    __tablename__ = "network_edges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    source: Mapped[int] = mapped_column(Integer)
    target: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    __table_args__ = (Index("ix_network_edges_network", "network_id"),)
