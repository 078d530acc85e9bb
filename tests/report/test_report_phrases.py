"""Every phrasing of a statement can stand in for the others: it needs no field the code lacks."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from octa.report import ReportBuilder, config, text


def test_phrases_are_lists_of_templates() -> None:
    phrases = config.phrases()
    assert len(phrases) > 40
    assert sum(len(v) > 1 for v in phrases.values()) >= 35, "most statements need several phrasings"


def test_every_variant_formats(
    monkeypatch: pytest.MonkeyPatch, db_copy: str, session_of: Session, evidence_writer: type
) -> None:
    """Join all phrasings of a statement into one template: any field a variant needs must be supplied."""
    evidence_writer.belgium(db_copy)
    monkeypatch.setattr(text, "pick", lambda seed, key: " ".join(config.phrases()[key]))
    builder = ReportBuilder(session_of, draws=100)
    for country, edition in (("BE", 2023), ("BE", 2021), ("CO", 2025), ("LI", 2023)):
        builder.country(country, edition)
    builder.compare(["BE", "NL"], 2023)
    builder.region("Western Europe", 2023)
