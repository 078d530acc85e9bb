"""Render every country's HTML report of one edition from the embedded default, and time it.

Goal: all 193 reports in under 60 s on one core (< 300 ms a report). One `ReportBuilder`
is shared, so the edition's assessment and its Monte Carlo rank intervals are computed once.

Usage:
    .venv/bin/python benchmarks/reports.py [--edition 2023] [--format html] [--out DIR] [--db FILE]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from octa.report import ReportBuilder, render
from octa.store.db import open_store


def _store(db: str | None) -> str:
    """The given store, or a fresh temporary one loaded with the embedded default."""
    if db:
        return db
    from octa.fixtures import load_default

    path = str(Path(tempfile.mkdtemp(prefix="octa-bench-")) / "octa.db")
    store = open_store(path)
    load_default(store)
    store.dispose()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", type=int, default=2023)
    parser.add_argument("--format", default="html", choices=("html", "md", "pdf"))
    parser.add_argument("--out", type=Path, help="write the reports here (default: discard)")
    parser.add_argument("--db", help="an existing store (default: a fresh one with the embedded data)")
    args = parser.parse_args(argv)
    store = open_store(_store(args.db))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    with store.session() as session:
        start = time.perf_counter()
        builder = ReportBuilder(session)
        countries = builder.edition(args.edition).iso3
        setup = time.perf_counter() - start
        times, size = [], 0
        for iso3 in countries:
            t0 = time.perf_counter()
            content = render(builder.country(iso3, args.edition), args.format)
            times.append(time.perf_counter() - t0)
            size += len(content)
            if args.out:
                data = content.encode() if isinstance(content, str) else content
                (args.out / f"{iso3}-{args.edition}.{args.format}").write_bytes(data)
        total = time.perf_counter() - start
    store.dispose()
    print(
        f"{len(countries)} {args.format} reports of {args.edition} in {total:.1f} s "
        f"(setup {setup:.2f} s; per report median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms; {size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
