"""End-to-end ingest benchmark: the synthetic corpus of `benchmarks/extract.py`, as one JSONL
file, ingested into a fresh SQLite store (read, hash, deduplicate, extract, write documents,
evidence and the full-text index).

    .venv/bin/python benchmarks/ingest.py                   # 20,000 documents x ~300 words
    .venv/bin/python benchmarks/ingest.py --docs 2000       # a quicker run
    .venv/bin/python benchmarks/ingest.py --workers 1 2     # which --workers values to time
    .venv/bin/python benchmarks/extract.py --workers 2      # also runs this as its last section

Words/s per core divides by the CPU time of the main process and its extraction workers. A
restart over the same file (every document a duplicate) is timed too. It prints figures only;
tests never assert timings.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

import extract as extract_bench  # benchmarks/extract.py: the shared corpus and Result
from octa.ingest.pipeline import IngestOptions, IngestSummary, ingest
from octa.store.db import open_store

#: No document of the synthetic corpus comes near the limit; the file as a whole may.
MAX_BYTES = 10**9


def write_jsonl(docs: list[str], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for n, text in enumerate(docs):
            handle.write(json.dumps({"id": f"d{n}", "text": text, "grade": "C3"}) + "\n")
    return path


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the extraction workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed_ingest(corpus: Path, db: Path, workers: int) -> tuple[IngestSummary, float, float]:
    store = open_store(str(db))
    start, cpu = time.perf_counter(), _cpu()
    summary = ingest(store, [corpus], IngestOptions(workers=workers, max_bytes=MAX_BYTES))
    seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
    store.dispose()
    return summary, seconds, cpu_seconds


def bench_ingest(docs: list[str], words: int, args: argparse.Namespace) -> extract_bench.Result:
    """End-to-end ingest of the corpus into a fresh SQLite store with --workers processes."""
    workers = max(1, args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(docs, Path(tmp) / "corpus.jsonl")
        summary, seconds, cpu = timed_ingest(corpus, Path(tmp) / "bench.db", workers)
        again, restart, _ = timed_ingest(corpus, Path(tmp) / "bench.db", workers)
    print(f"  ingest, {workers} worker(s): {summary.ingested:,} documents, "
          f"{summary.evidence:,} evidence items, {summary.duplicates} duplicates, {summary.failed} failed; "
          f"restart: {again.duplicates:,} duplicates, {again.ingested} new in {restart:.1f} s")
    name = f"ingest to SQLite, {workers} worker(s)"
    return extract_bench.Result(name, summary.ingested, words, seconds, cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="documents to generate")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="--workers values to time")
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args()
    docs = extract_bench.make_corpus(args.docs, args.seed)
    words = sum(len(d.split()) for d in docs)
    print(f"corpus: {len(docs):,} docs, {words:,} words ({words / len(docs):.0f} words/doc), "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    for workers in args.workers:
        result = bench_ingest(docs, words, argparse.Namespace(workers=workers))
        print(result.report())


if __name__ == "__main__":
    main()
