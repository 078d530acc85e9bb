"""End-to-end ingest benchmark: a synthetic JSONL corpus into a fresh SQLite store.

    .venv/bin/python benchmarks/ingest.py                 # 20,000 documents x ~300 words
    .venv/bin/python benchmarks/ingest.py --quick         # 2,000 documents, for a smoke test
    .venv/bin/python benchmarks/ingest.py --workers 1 2   # which --workers values to time

For each worker count it times `octa.ingest.pipeline.ingest` (read, hash, deduplicate, extract,
write documents + evidence + FTS index) and prints documents/s, words/s and words/s per core;
then a restart over the same file (everything a duplicate) and extraction alone, to show how
much of the time is the store's. It prints figures only; tests never assert timings.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from octa.ingest.extraction import extract_document
from octa.ingest.pipeline import IngestOptions, ingest
from octa.store.db import open_store

COUNTRIES = ("Belgium", "the Netherlands", "Italy", "Mexico", "Colombia", "Nigeria", "South Africa", "Brazil",
             "the Philippines", "Germany", "France", "Spain")
SUBJECTS = ("Police in {c}", "Prosecutors in {c}", "The customs service", "Investigators", "A court in {c}",
            "Analysts", "The government of {c}", "Journalists")
VERBS = ("reported that", "said that", "warned that", "found that", "confirmed that", "suspect that")
CLAIMS = (
    "cocaine is imported through the main port in containers of fruit",
    "Albanian-speaking networks work with local crews to move the drug",
    "dock workers were paid to pass on container codes",
    "corruption among customs officers is widespread",
    "the judiciary remains independent despite threats against judges",
    "synthetic drug laboratories were dismantled near the border",
    "money laundering through real estate has grown",
    "victims of human trafficking were found in farms and restaurants",
    "the police lack investigators for financial crime",
    "extortion of shopkeepers by local gangs continues",
    "illegal logging and gold mining damage protected forests",
    "the country cooperates closely with Europol and its neighbours",
    "cannabis plantations were found in abandoned warehouses",
    "criminal groups of Turkish origin control part of the heroin trade",
    "the new law on asset confiscation has not yet been applied",
    "the weather was mild and markets were busy in the old town",
    "the ministry published its annual budget for schools and hospitals",
)


def sentence(rng: random.Random) -> str:
    country = rng.choice(COUNTRIES)
    return f"{rng.choice(SUBJECTS).format(c=country)} {rng.choice(VERBS)} {rng.choice(CLAIMS)}."


def document(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    count = 0
    while count < words:
        parts.append(sentence(rng))
        count += len(parts[-1].split())
    return " ".join(parts)


def write_corpus(path: Path, docs: int, words: int, seed: int = 7) -> int:
    """A JSONL corpus of `docs` distinct documents; returns the number of words written."""
    rng = random.Random(seed)
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for n in range(docs):
            text = document(rng, words)
            total += len(text.split())
            country = rng.choice(("BE", "NL", "IT", "MX", "CO", "NG"))
            handle.write(json.dumps({"id": f"d{n}", "text": text, "country": country, "grade": "C3"}) + "\n")
    return total


def run_ingest(corpus: Path, folder: Path, workers: int, words: int) -> None:
    store = open_store(str(folder / f"bench-{workers}.db"))
    start = time.perf_counter()
    summary = ingest(store, [corpus], IngestOptions(workers=workers, max_bytes=10**9))
    elapsed = time.perf_counter() - start
    rate = words / elapsed
    print(f"ingest  workers={workers}: {summary.ingested:,} docs, {summary.evidence:,} evidence items "
          f"in {elapsed:.1f}s = {summary.ingested / elapsed:,.0f} docs/s, {rate:,.0f} words/s, "
          f"{rate / workers:,.0f} words/s per core")
    start = time.perf_counter()
    again = ingest(store, [corpus], IngestOptions(workers=workers, max_bytes=10**9))
    print(f"restart workers={workers}: {again.duplicates:,} duplicates, {again.ingested} new "
          f"in {time.perf_counter() - start:.1f}s")
    store.dispose()


def run_extract_only(corpus: Path, limit: int) -> None:
    texts = [json.loads(line)["text"] for _, line in zip(range(limit), corpus.open(encoding="utf-8"),
                                                         strict=False)]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    items = sum(len(extract_document(text, "BEL").drafts) for text in texts)
    elapsed = time.perf_counter() - start
    print(f"extract only (1 core, {len(texts):,} docs): {items:,} items in {elapsed:.1f}s = "
          f"{words / elapsed:,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--quick", action="store_true", help="2,000 documents")
    args = parser.parse_args()
    docs = 2_000 if args.quick else args.docs
    import octa.extract

    if getattr(octa.extract, "extract", None) is None:
        print("warning: octa.extract.extract is not available; timing ingest without extraction")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        words = write_corpus(corpus, docs, args.words)
        print(f"corpus: {docs:,} documents, {words:,} words, {corpus.stat().st_size / 1e6:.1f} MB")
        run_extract_only(corpus, min(docs, 2_000))
        for workers in args.workers:
            run_ingest(corpus, folder, workers, words)


if __name__ == "__main__":
    main()
