"""Guard against over-fitting the dev set: documents written for these tests only.

tests/extract/data/fresh.jsonl holds short documents in the seven genres of the dev set,
written independently of it and annotated by the GUIDELINES rules.
"""

from pathlib import Path

from octa.extract.batch import predict_all, read_jsonl
from octa.extract.evaluate import score, subject_accuracy

FRESH = Path(__file__).parent / "data" / "fresh.jsonl"


def test_fresh_documents_score_well():
    gold = {r["id"]: r for r in read_jsonl(FRESH)}
    pred = {r["id"]: r for r in predict_all(list(gold.values()))}
    totals = score(gold, pred)
    assert totals["overall"]["f1"] >= 0.8
    assert min(totals[f]["f1"] for f in ("markets", "actors", "origins", "resilience")) >= 0.75


def test_fresh_subjects_are_detected():
    gold = {r["id"]: r for r in read_jsonl(FRESH)}
    pred = {r["id"]: r for r in predict_all(list(gold.values()), withhold_subject=True)}
    assert subject_accuracy(gold, pred) == 1.0
