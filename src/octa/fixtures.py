"""The embedded default dataset: what `octa init` and `make run` load, and tests reuse."""

from __future__ import annotations

from octa.store.db import Store
from octa.store.embedded import read_embedded
from octa.store.scores import editions, import_batch


def load_default(store: Store, *, skip_if_loaded: bool = False) -> str:
    """Load the published GI-TOC scores (and, where available, the sample evidence corpus)."""
    if skip_if_loaded:
        with store.session() as session:
            if editions(session):
                return "already initialised"
    summary = import_batch(store, read_embedded())
    message = (
        f"scores: {summary.added} added, {summary.changed} changed, {summary.unchanged} unchanged "
        f"(editions {', '.join(map(str, summary.editions))})"
    )
    evidence = _load_sample_evidence(store)
    return message + (f"; {evidence}" if evidence else "")


def _load_sample_evidence(store: Store) -> str | None:
    """Ingest the shipped sample corpus once the evidence pipeline is present."""
    try:
        from octa.ingest.samples import load_samples
    except ImportError:  # the evidence pipeline is optional for a scores-only store
        return None
    return load_samples(store)
