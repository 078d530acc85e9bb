"""Ingest files into a store: prepare, extract (optionally on several cores), write, summarise.

Restartable by construction: documents whose content hash is already stored are counted as
duplicates before any extraction, so a re-run only pays for what is new.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from octa.countries import get_country
from octa.exc import InvalidInput, NotFound
from octa.ingest.extraction import Extracted, extract_document
from octa.ingest.grading import parse_grade
from octa.ingest.metadata import DocumentMeta, normalise_date
from octa.ingest.prepare import Duplicate, Failed, Item, Prepared, discover, prepare
from octa.ingest.writer import Written, ensure_countries, known_hashes, write_chunk
from octa.settings import Settings
from octa.store.db import Store

#: Documents per extraction task and per write transaction.
CHUNK = 64
#: Called with the input bytes an item accounts for, and a failure line or None.
ProgressFn = Callable[[int, str | None], None]


@dataclass(frozen=True)
class IngestOptions:
    """What the command line may say about every document (stronger than sidecars)."""

    country: str | None = None
    source: str | None = None
    grade: str | None = None
    date: str | None = None
    url: str | None = None
    workers: int = 1
    max_bytes: int = Settings.max_document_bytes

    def defaults(self) -> DocumentMeta:
        """Validated metadata: an unknown country or a bad grade or date is an `InvalidInput`."""
        country = None
        if self.country:
            try:
                country = get_country(self.country).iso3
            except NotFound as exc:
                raise InvalidInput(str(exc), column="--country") from None
        grade = str(parse_grade(self.grade)) if self.grade else None
        date = normalise_date(self.date, column="--date") if self.date else None
        return DocumentMeta(country=country, source=self.source, grade=grade, date=date, url=self.url)


@dataclass
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    evidence: int = 0
    words: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when nothing could be read at all."""
        return self.failed == 0 or self.ingested + self.duplicates > 0

    def line(self) -> str:
        return (f"{self.ingested} ingested, {self.duplicates} duplicate, {self.failed} failed; "
                f"{self.evidence} evidence items")


def ingest(store: Store, paths: Iterable[Path], options: IngestOptions | None = None,
           progress: ProgressFn | None = None) -> IngestSummary:
    """Ingest every document under `paths` into `store`; unreadable files are counted, not fatal."""
    options = options or IngestOptions()
    defaults = options.defaults()
    files = discover(paths)
    with store.session() as session:
        ensure_countries(session)
        known = known_hashes(session)
    items = prepare(files, defaults, max_bytes=options.max_bytes, known=known)
    summary = IngestSummary()
    for chunk in _extracted_chunks(items, options.workers):
        _record(store, chunk, summary, progress or _ignore)
    return summary


def total_bytes(paths: Iterable[Path]) -> int:
    """Input size, for a progress bar."""
    return sum(p.stat().st_size for p in discover(paths))


def _ignore(_size: int, _message: str | None) -> None:
    return None


def _record(store: Store, chunk: Sequence[tuple[Item, Extracted | None]], summary: IngestSummary,
            progress: ProgressFn) -> None:
    results = [(item, extracted) for item, extracted in chunk
               if isinstance(item, Prepared) and extracted is not None]
    written = write_chunk(store, results)
    summary.ingested += written.documents
    summary.duplicates += written.duplicates
    summary.evidence += written.evidence
    summary.words += sum(p.words for p, _ in results)
    for item, _ in chunk:
        message = None
        if isinstance(item, Duplicate):
            summary.duplicates += 1
        elif isinstance(item, Failed):
            summary.failed += 1
            summary.failures.append(item.message)
            message = item.message
        progress(item.size, message)


#: What a worker needs of a document: its text and subject (None for items not to extract).
Job = tuple[str, str | None] | None


def extract_chunk(jobs: Sequence[Job]) -> list[Extracted | None]:
    """Worker task: extraction for each document of a chunk (pure, no database)."""
    return [extract_document(*job) if job is not None else None for job in jobs]


def _jobs(chunk: Sequence[Item]) -> list[Job]:
    return [(item.text, item.meta.country) if isinstance(item, Prepared) else None for item in chunk]


def batched(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    """`itertools.batched` (Python 3.12+), for 3.11."""
    while chunk := list(islice(items, size)):
        yield chunk


def _extracted_chunks(items: Iterator[Item], workers: int) -> Iterator[list[tuple[Item, Extracted | None]]]:
    chunks = batched(items, CHUNK)
    if workers <= 1:
        for chunk in chunks:
            yield list(zip(chunk, extract_chunk(_jobs(chunk)), strict=True))
        return
    # Workers get only texts and send back only extractions; the chunks wait here, in order.
    # The pool's feeder thread would read the whole corpus ahead: a semaphore bounds it.
    waiting: deque[list[Item]] = deque()
    in_flight = threading.BoundedSemaphore(workers * 3)
    with _context().Pool(workers) as pool:
        for extracted in pool.imap(extract_chunk, _bounded(chunks, waiting, in_flight)):
            yield list(zip(waiting.popleft(), extracted, strict=True))
            in_flight.release()


def _context() -> multiprocessing.context.BaseContext:
    """Fork where there is fork: workers start at once with the extractor's lexicons loaded."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _bounded(chunks: Iterator[list[Item]], waiting: deque[list[Item]],
             in_flight: threading.BoundedSemaphore) -> Iterator[list[Job]]:
    for chunk in chunks:
        in_flight.acquire()
        waiting.append(chunk)
        yield _jobs(chunk)


__all__ = ["IngestOptions", "IngestSummary", "Written", "ingest", "total_bytes"]
