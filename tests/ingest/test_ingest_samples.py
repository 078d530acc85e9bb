"""The shipped sample corpus: enough countries, complete metadata, idempotent loading."""

from __future__ import annotations

import json

from octa.countries import get_country
from octa.ingest.metadata import sidecar_for
from octa.ingest.samples import load_samples, sample_files
from octa.store.db import Store
from octa.store.evidence import documents, evidence_profile


def test_samples_have_metadata_and_cover_ten_countries() -> None:
    files = sample_files()
    assert len(files) >= 12
    countries = set()
    for path in files:
        sidecar = sidecar_for(path)
        assert sidecar is not None, path
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        assert {"title", "source", "date", "country", "grade"} <= set(meta), sidecar
        countries.add(get_country(meta["country"]).iso3)
    assert len(countries) >= 10 and "BEL" in countries
    assert {path.suffix for path in files} >= {".txt", ".md", ".html"}


def test_load_samples_is_idempotent(fresh_store: Store) -> None:
    first = load_samples(fresh_store)
    assert first.startswith(f"sample corpus: {len(sample_files())} documents added (0 already present)")
    again = load_samples(fresh_store)
    assert again.startswith("sample corpus: 0 documents added")
    with fresh_store.session() as session:
        belgian = documents(session, "BE")
        assert len(belgian) >= 2 and all(d["grade"] and d["date"] for d in belgian)
        profile = {row["indicator_id"] for row in evidence_profile(session, "BE")}
    assert {"cocaine-trade", "foreign-actors"} <= profile, profile
