"""Shared helpers for the extractor tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from octa.extract import extract, to_gold_record

DEV = Path(__file__).resolve().parents[2].parent / "shared/eval/dev.jsonl"


def record(text: str, subject: str | None = None) -> dict:
    """The gold-format record the extractor gives for `text`."""
    return to_gold_record("t", extract(text, subject))


def links(rec: dict) -> set[tuple[str, str]]:
    """A record's links as comparable pairs (collaborations unordered)."""
    out = set()
    for link in rec["links"]:
        if link.get("market"):
            out.add((link["actor"], link["market"]))
        else:
            a, b = sorted((link["actor"], link["with"]))
            out.add((a, "with:" + b))
    return out


@pytest.fixture(scope="session")
def dev_path() -> Path:
    if not DEV.exists():
        pytest.skip(f"dev set not found at {DEV} (expected ../shared/eval beside the checkout)")
    return DEV
