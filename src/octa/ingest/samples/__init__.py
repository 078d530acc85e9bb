"""The sample corpus: short documents about a dozen countries, written for octa.

They summarise broad, widely reported public facts in the project's own words, and exist so a
fresh install (`octa init`) has evidence, documents and an actor graph to show. Each file has a
`.meta.json` sidecar with its title, source, date, country and grade.
"""

from __future__ import annotations

from pathlib import Path

from octa.store.db import Store

SAMPLES = Path(__file__).parent


def sample_files() -> list[Path]:
    from octa.ingest.prepare import discover

    return discover([SAMPLES])


def load_samples(store: Store) -> str:
    """Ingest the sample corpus (idempotent: a second call adds nothing) and say what happened."""
    from octa.ingest.pipeline import ingest

    summary = ingest(store, [SAMPLES])
    return (f"sample corpus: {summary.ingested} documents added ({summary.duplicates} already present), "
            f"{summary.evidence} evidence items")
