"""The evidence repository on SQLite and PostgreSQL: search, filters, profile, review, documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from octa.exc import InvalidInput, NotFound
from octa.ingest.writer import ensure_countries
from octa.store.actor_graph import actor_graph
from octa.store.db import Store
from octa.store.evidence import (
    count_documents,
    count_evidence,
    documents,
    evidence_items,
    evidence_profile,
    get_document,
    get_evidence,
    set_status,
)
from octa.store.models import DocumentRow, EvidenceRow

SENTENCES = {
    "e1": ("market", "cocaine-trade", None, "Cocaine shipments were trafficked through the port of Antwerp."),
    "e2": ("resilience", "law-enforcement", -1, "Corruption among customs officers is widespread."),
    "e3": ("resilience", "law-enforcement", 1, "The police created a specialised port unit."),
    "e4": ("origin", "foreign-actors", None, "Albanian-speaking networks import the drug."),
    "e5": ("resilience", "judicial-system-detention", 1, "The judiciary remains independent."),
}


def _evidence(evidence_id: str, document_id: int, iso3: str) -> EvidenceRow:
    family, indicator, polarity, sentence = SENTENCES[evidence_id]
    actor = "foreign:AL" if family == "origin" else None
    return EvidenceRow(
        id=evidence_id,
        document_id=document_id,
        iso3=iso3,
        family=family,
        label="AL" if family == "origin" else indicator,
        indicator_id=indicator,
        polarity=polarity,
        actor=actor,
        sentence=sentence,
        start=0,
        end=5,
        confidence=0.9,
        modality="asserted",
    )


@pytest.fixture
def store(any_store: Store) -> Iterator[Store]:
    """Two Belgian documents (B2 of 2024 and E5 of 2021) and one Dutch one, with evidence."""
    with any_store.session() as session:
        ensure_countries(session)
        docs = [
            DocumentRow(
                id=1,
                content_hash="a" * 64,
                title="Port report",
                source="Police",
                published_on="2024-03-01",
                reliability="B",
                credibility=2,
                iso3="BEL",
                text="…",
            ),
            DocumentRow(
                id=2,
                content_hash="b" * 64,
                title="Blog post",
                source="Blog",
                published_on="2021-01-01",
                reliability="E",
                credibility=5,
                iso3="BEL",
                text="…",
            ),
            DocumentRow(
                id=3,
                content_hash="c" * 64,
                title="Dutch report",
                reliability="A",
                credibility=1,
                iso3="NLD",
                text="…",
            ),
        ]
        session.add_all(docs)
        session.flush()
        session.add_all(
            [
                _evidence("e1", 1, "BEL"),
                _evidence("e2", 1, "BEL"),
                _evidence("e3", 2, "BEL"),
                _evidence("e4", 2, "BEL"),
                _evidence("e5", 3, "NLD"),
                EvidenceRow(
                    id="e6",
                    document_id=1,
                    iso3="BEL",
                    family="link",
                    label="market",
                    actor="foreign:AL",
                    target="cocaine-trade",
                    sentence=SENTENCES["e4"][3],
                    start=0,
                    end=5,
                    confidence=0.7,
                    modality="hedged",
                ),
            ]
        )
    yield any_store


def ids(rows: list[dict]) -> list[str]:
    return sorted(row["id"] for row in rows)


@pytest.mark.parametrize(
    ("q", "want"),
    [
        ("cocaine", ["e1"]),
        ("Antwerp port", ["e1"]),
        ("traffic", []),  # whole words only
        ("trafficking", ["e1"]),  # stemmed: 'trafficked' matches 'trafficking'
        ("customs corruption", ["e2"]),
        ("network", ["e4", "e6"]),
        ("judiciary", []),  # a Dutch sentence, not a Belgian one
        ('"; DROP TABLE evidence; --', []),
        ("   ", ["e1", "e2", "e3", "e4", "e6"]),
    ],
)
def test_full_text_search(store: Store, q: str, want: list[str]) -> None:
    with store.session() as session:
        assert ids(evidence_items(session, "BE", q=q)) == want


def test_items_carry_document_fields(store: Store) -> None:
    with store.session() as session:
        [item] = evidence_items(session, "Belgium", q="customs")
    assert item["title"] == "Port report" and item["source"] == "Police"
    assert item["date"] == "2024-03-01" and item["grade"] == "B2" and item["status"] == "pending"
    assert item["sentence"] == SENTENCES["e2"][3]


def test_filters(store: Store) -> None:
    with store.session() as session:
        assert ids(evidence_items(session, "BEL", indicator="law-enforcement")) == ["e2", "e3"]
        assert ids(evidence_items(session, "BEL", indicator="cocaine-trade")) == ["e1", "e6"]  # and links
        assert ids(evidence_items(session, "BEL", grade_min="B3")) == ["e1", "e2", "e6"]
        assert ids(evidence_items(session, "BEL", grade_min="E5")) == ["e1", "e2", "e3", "e4", "e6"]
        assert ids(evidence_items(session, "BEL", date_from="2022")) == ["e1", "e2", "e6"]
        assert ids(evidence_items(session, "BEL", date_to="2022")) == ["e3", "e4"]
        assert ids(evidence_items(session, "BEL", date_to="2024")) == ["e1", "e2", "e3", "e4", "e6"]
        assert ids(evidence_items(session, "BEL", date_to="2024-02")) == ["e3", "e4"]
        assert ids(evidence_items(session)) == ["e1", "e2", "e3", "e4", "e5", "e6"]
        assert len(evidence_items(session, "BEL", limit=2)) == 2
        assert ids(evidence_items(session, "BEL", limit=2, offset=4)) == ["e4"]
        assert count_evidence(session, iso3="BEL", grade_min="B3") == 3


def test_newest_documents_first(store: Store) -> None:
    with store.session() as session:
        dates = [row["date"] for row in evidence_items(session)]
    assert dates == ["2024-03-01"] * 3 + ["2021-01-01"] * 2 + [None]


def test_bad_filters(store: Store) -> None:
    with store.session() as session:
        with pytest.raises(InvalidInput, match="invalid source grade 'Z9'"):
            evidence_items(session, "BEL", grade_min="Z9")
        with pytest.raises(NotFound, match="unknown country 'Atlantis'"):
            evidence_items(session, "Atlantis")
        with pytest.raises(InvalidInput, match="unknown status 'maybe'"):
            evidence_items(session, status="maybe")


def test_review_status(store: Store) -> None:
    with store.session() as session:
        assert set_status(session, "e2", "rejected")["status"] == "rejected"
        set_status(session, "e3", "accepted")
    with store.session() as session:
        assert ids(evidence_items(session, "BEL", status="rejected")) == ["e2"]
        assert get_evidence(session, "e3")["status"] == "accepted"
        with pytest.raises(NotFound, match="no evidence item 'nope'"):
            set_status(session, "nope", "accepted")
        with pytest.raises(InvalidInput, match="unknown status"):
            set_status(session, "e3", "approved")


def test_profile(store: Store) -> None:
    with store.session() as session:
        set_status(session, "e1", "accepted")
        profile = {row["indicator_id"]: row for row in evidence_profile(session, "BE")}
    assert set(profile) == {"cocaine-trade", "law-enforcement", "foreign-actors"}  # links have no indicator
    law = profile["law-enforcement"]
    assert (law["count"], law["positive"], law["negative"], law["neutral"], law["balance"]) == (2, 1, 1, 0, 0)
    assert (law["best_grade"], law["newest_date"], law["documents"]) == ("B2", "2024-03-01", 2)
    assert profile["foreign-actors"]["best_grade"] == "E5"
    assert profile["cocaine-trade"]["accepted"] == 1 and profile["cocaine-trade"]["family"] == "market"


def test_profile_leaves_out_rejected(store: Store) -> None:
    with store.session() as session:
        set_status(session, "e2", "rejected")
        profile = {row["indicator_id"]: row for row in evidence_profile(session, "BEL")}
    assert profile["law-enforcement"]["count"] == 1 and profile["law-enforcement"]["balance"] == 1


def test_documents_and_get_document(store: Store) -> None:
    with store.session() as session:
        listed = documents(session, "BEL")
        assert [(d["id"], d["evidence"], d["grade"]) for d in listed] == [(1, 3, "B2"), (2, 2, "E5")]
        assert [d["id"] for d in documents(session)] == [1, 2, 3]
        assert [d["id"] for d in documents(session, grade_min="A1")] == [3]
        assert [d["id"] for d in documents(session, q="blog")] == [2]
        assert count_documents(session) == 3 and count_documents(session, "BE", grade_min="B2") == 1
        doc = get_document(session, 1)
        assert doc["title"] == "Port report" and doc["text"] == "…"
        assert [e["id"] for e in doc["evidence"]] == ["e1", "e2", "e6"]
        with pytest.raises(NotFound, match="no document 99"):
            get_document(session, 99)


def test_actor_graph_from_store(store: Store) -> None:
    with store.session() as session:
        graph = actor_graph(session, "BE")
    edges = {(e.source, e.kind, e.target): sorted(e.evidence) for e in graph.edges.values()}
    assert edges[("foreign:AL", "market", "cocaine-trade")] == ["e6"]
    assert edges[("foreign:AL", "origin", "country:AL")] == ["e4"]
    assert edges[("foreign:AL", "active-in", "country:BE")] == ["e4"]
    assert edges[("cocaine-trade", "present-in", "country:BE")] == ["e1"]
