"""Report fixtures: a private copy of the default store, and evidence written straight to it.

Evidence is inserted as rows (document + items) so the report tests do not depend on the
extractor's recall; one test also goes through `octa ingest` when that command exists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from octa.store.db import open_store
from octa.store.models import DocumentRow, EvidenceRow

DATA = Path(__file__).parent / "data"


@dataclass
class Item:
    family: str
    label: str
    sentence: str
    indicator_id: str | None = None
    polarity: int | None = None
    actor: str | None = None
    target: str | None = None
    modality: str = "asserted"
    confidence: float = 0.8


@pytest.fixture
def session_of(db_copy: str) -> Iterator[Session]:
    store = open_store(db_copy)
    try:
        with store.session() as session:
            yield session
    finally:
        store.dispose()


def add_document(
    db: str,
    iso3: str,
    title: str,
    items: list[Item],
    *,
    source: str = "Test source",
    date: str = "2023-05-01",
    grade: str = "B2",
    url: str | None = None,
) -> None:
    """Write one document and its evidence items to the store at `db`."""
    text = " ".join(i.sentence for i in items) + title
    digest = hashlib.sha256(text.encode()).hexdigest()
    store = open_store(db)
    try:
        with store.session() as session:
            document = DocumentRow(
                content_hash=digest,
                title=title,
                source=source,
                published_on=date,
                url=url,
                reliability=grade[0],
                credibility=int(grade[1]),
                iso3=iso3,
                text=text,
            )
            session.add(document)
            session.flush()
            for n, item in enumerate(items):
                session.add(
                    EvidenceRow(
                        id=hashlib.sha256(f"{digest}{n}".encode()).hexdigest(),
                        document_id=document.id,
                        iso3=iso3,
                        family=item.family,
                        label=item.label,
                        indicator_id=item.indicator_id or item.label,
                        polarity=item.polarity,
                        actor=item.actor,
                        target=item.target,
                        sentence=item.sentence,
                        start=0,
                        end=len(item.sentence),
                        confidence=item.confidence,
                        modality=item.modality,
                    )
                )
    finally:
        store.dispose()


def belgian_corpus(db: str) -> None:
    """Several graded documents about Belgium: markets, actors, origins, links and resilience."""
    add_document(
        db,
        "BEL",
        "Port of Antwerp threat picture",
        [
            Item(
                "market", "cocaine-trade", "Most cocaine seized in Europe enters through the port of Antwerp."
            ),
            Item("market", "synthetic-drug-trade", "Ecstasy laboratories operate near the Dutch border."),
            Item("actor", "criminal-networks", "Loose networks of brokers organise the imports."),
            Item(
                "origin",
                "AL",
                "Albanian-speaking networks control imports.",
                indicator_id="foreign-actors",
                actor="foreign:AL",
            ),
            Item(
                "link",
                "market",
                "Albanian-speaking networks import cocaine.",
                indicator_id="",
                actor="foreign:AL",
                target="cocaine-trade",
            ),
        ],
        source="Federal police",
        date="2023-03-10",
        grade="B2",
    )
    add_document(
        db,
        "BEL",
        "Justice under strain",
        [
            Item(
                "resilience",
                "judicial-system-detention",
                "Prisons are overcrowded and trials are delayed.",
                polarity=-1,
            ),
            Item(
                "resilience", "international-cooperation", "Belgium works closely with Europol.", polarity=1
            ),
            Item("resilience", "law-enforcement", "Customs lacks scanners at the port.", polarity=-1),
            Item(
                "link",
                "with",
                "Dock workers help the networks.",
                indicator_id="",
                actor="criminal-networks",
                target="private-sector-actors",
            ),
            Item(
                "link",
                "with",
                "Port officials were bribed by traffickers.",
                indicator_id="",
                actor="criminal-networks",
                target="state-embedded-actors",
            ),
        ],
        source="NGO report",
        date="2022-11-02",
        grade="C3",
    )
    add_document(
        db,
        "BEL",
        "Racketeering in Brussels",
        [
            Item(
                "market",
                "extortion-protection-racketeering",
                "Shopkeepers pay protection money, it is said.",
                modality="hedged",
            ),
        ],
        source="Newspaper",
        date="2023-08-20",
        grade="D4",
    )


@pytest.fixture
def evidence_writer() -> type:
    """The helpers as one namespace, so test modules need not import this conftest."""

    class Writer:
        item = Item
        document = staticmethod(add_document)
        belgium = staticmethod(belgian_corpus)

    return Writer
