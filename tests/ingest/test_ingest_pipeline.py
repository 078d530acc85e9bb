"""Ingest end to end into a store: dedup, restart, metadata, evidence rows, atomicity, workers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.conftest import DATA
from tests.ingest.conftest import BELGIUM, make_docx

from octa.exc import InvalidInput, NotFound
from octa.ingest import writer
from octa.ingest.pipeline import IngestOptions, ingest
from octa.store.db import Store
from octa.store.models import DocumentRow, EvidenceRow

pytestmark = pytest.mark.usefixtures("fake_extractor")
DOCS = DATA / "documents"


def counts(store: Store) -> tuple[int, int]:
    with store.session() as session:
        return (session.scalar(select(func.count(DocumentRow.id))) or 0,
                session.scalar(select(func.count(EvidenceRow.id))) or 0)


@pytest.fixture
def corpus(tmp_path: Path, pdf_file: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DOCS, folder)
    nested = folder / "nested" / "deeper"
    nested.mkdir(parents=True)
    shutil.copy(pdf_file, nested / "report.pdf")
    make_docx(nested / "report.docx", BELGIUM.replace("Belgium", "The kingdom"))
    (nested / "empty.txt").write_bytes(b"")
    (nested / "ignored.csv").write_text("a,b\n")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.txt").write_text("hidden folders are not read")
    return folder


def test_folder_ingest_counts_and_restart(fresh_store: Store, corpus: Path) -> None:
    summary = ingest(fresh_store, [corpus])
    # belgium-note, hostile, notes, 3 JSONL lines (one a duplicate), pdf, docx
    assert (summary.ingested, summary.duplicates) == (7, 1), summary
    assert summary.failed == 4, summary.failures  # 3 bad JSONL lines and the empty file
    assert summary.ok
    documents, evidence = counts(fresh_store)
    assert documents == 7 and evidence == summary.evidence > 0
    with fresh_store.session() as session:
        hostile = session.scalars(select(DocumentRow).where(DocumentRow.title == "Hostile page")).one()
    assert "alert" not in hostile.text and "<img" not in hostile.text and "injected" not in hostile.text
    assert "Corruption at the port is widespread." in hostile.text
    again = ingest(fresh_store, [corpus])
    assert (again.ingested, again.duplicates, again.evidence) == (0, 8, 0)
    assert counts(fresh_store) == (documents, evidence)


def test_duplicate_by_normalised_text(fresh_store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Cocaine  arrives\nin Antwerp.")
    (tmp_path / "b.md").write_text("Cocaine arrives in   Antwerp.\n")
    summary = ingest(fresh_store, [tmp_path])
    assert (summary.ingested, summary.duplicates) == (1, 1)


def test_document_row_metadata_and_evidence(fresh_store: Store) -> None:
    ingest(fresh_store, [DOCS / "belgium-note.txt"])
    with fresh_store.session() as session:
        doc = session.scalars(select(DocumentRow)).one()
        assert (doc.title, doc.source, doc.url, doc.published_on) == (
            "Port security note", "Test police service", "https://example.org/note", "2024-02-01")
        assert (doc.reliability, doc.credibility, doc.iso3, doc.language) == ("B", 2, "BEL", "en")
        rows = session.scalars(select(EvidenceRow).order_by(EvidenceRow.start)).all()
    by_family = {(r.family, r.indicator_id, r.actor, r.target) for r in rows}
    assert ("market", "cocaine-trade", None, None) in by_family
    assert ("origin", "foreign-actors", "foreign:AL", None) in by_family
    assert ("link", None, "foreign:AL", "cocaine-trade") in by_family
    assert ("actor", "private-sector-actors", None, None) in by_family
    for row in rows:
        assert row.iso3 == "BEL" and row.status == "pending" and len(row.id) == 64
        assert row.id.startswith(doc.content_hash[:16])  # one document's items together in the index
        assert doc.text[row.start:row.end].casefold() in row.sentence.casefold()


def test_evidence_ids_are_deterministic(tmp_path: Path) -> None:
    ids = []
    for name in ("one", "two"):
        store = Store(str(tmp_path / f"{name}.db"))
        store.migrate()
        ingest(store, [DOCS / "belgium-note.txt"])
        with store.session() as session:
            ids.append(sorted(session.scalars(select(EvidenceRow.id))))
        store.dispose()
    assert ids[0] == ids[1] and ids[0]


def test_cli_options_override_sidecar(fresh_store: Store) -> None:
    options = IngestOptions(country="Netherlands", grade="a1", source="Override", date="2020")
    ingest(fresh_store, [DOCS / "belgium-note.txt"], options)
    with fresh_store.session() as session:
        doc = session.scalars(select(DocumentRow)).one()
        assert (doc.iso3, doc.reliability, doc.credibility, doc.source, doc.published_on) == (
            "NLD", "A", 1, "Override", "2020")
        assert set(session.scalars(select(EvidenceRow.iso3))) == {"NLD"}


def test_subject_detected_when_not_given(fresh_store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Belgium sees cocaine at its port.")
    (tmp_path / "b.txt").write_text("Nowhere in particular.")
    ingest(fresh_store, [tmp_path])
    with fresh_store.session() as session:
        assert dict(session.execute(select(DocumentRow.path, DocumentRow.iso3)).all()) == {
            str(tmp_path / "a.txt"): "BEL", str(tmp_path / "b.txt"): None}


@pytest.mark.parametrize(("options", "message"), [
    (IngestOptions(grade="Z9"), "invalid source grade 'Z9': expected reliability A–F and credibility 1–6"),
    (IngestOptions(country="Atlantis"), "unknown country 'Atlantis'"),
    (IngestOptions(date="2024-13-01"), "invalid date '2024-13-01'"),
])
def test_bad_options_are_one_line_errors(fresh_store: Store, options: IngestOptions, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as raised:
        ingest(fresh_store, [DOCS], options)
    assert "\n" not in str(raised.value)
    assert counts(fresh_store) == (0, 0)


def test_missing_path(fresh_store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no such file or folder"):
        ingest(fresh_store, [tmp_path / "nope"])


def test_all_failed_is_not_ok(fresh_store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = ingest(fresh_store, [tmp_path])
    assert (summary.ingested, summary.failed, summary.ok) == (0, 1, False)


def test_failed_write_leaves_no_half_document(fresh_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> list[dict[str, object]]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "_evidence_rows", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest(fresh_store, [DOCS / "belgium-note.txt"])
    assert counts(fresh_store) == (0, 0)


def test_concurrent_writer_duplicates_are_skipped(fresh_store: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A document stored by another process after this run started counts as a duplicate."""
    ingest(fresh_store, [DOCS / "notes.md"])
    monkeypatch.setattr("octa.ingest.pipeline.known_hashes", lambda _session: set())
    summary = ingest(fresh_store, [DOCS / "notes.md", DOCS / "belgium-note.txt"])
    assert (summary.ingested, summary.duplicates) == (1, 1)


def test_parallel_workers_match_serial(tmp_path: Path, corpus: Path) -> None:
    results = []
    for workers in (1, 2):
        store = Store(str(tmp_path / f"w{workers}.db"))
        store.migrate()
        summary = ingest(store, [corpus], IngestOptions(workers=workers))
        with store.session() as session:
            ids = sorted(session.scalars(select(EvidenceRow.id)))
        results.append((summary.ingested, summary.failed, ids))
        store.dispose()
    assert results[0] == results[1]


def test_progress_reports_every_item(fresh_store: Store, corpus: Path) -> None:
    seen: list[tuple[int, str | None]] = []
    summary = ingest(fresh_store, [corpus], progress=lambda size, message: seen.append((size, message)))
    assert len(seen) == summary.ingested + summary.duplicates + summary.failed
    assert [m for _, m in seen if m] == summary.failures


def test_postgres_and_sqlite_ingest(any_store: Store) -> None:
    summary = ingest(any_store, [DOCS])
    assert summary.ingested == 5 and summary.evidence > 0
    assert ingest(any_store, [DOCS]).ingested == 0
