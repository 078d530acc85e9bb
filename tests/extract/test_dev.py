"""Quality on the annotated dev set (../shared/eval/dev.jsonl beside the checkout)."""

from octa.extract.batch import predict_all, read_jsonl
from octa.extract.evaluate import score, subject_accuracy


def _run(path, withhold):
    gold = {r["id"]: r for r in read_jsonl(path)}
    pred = {r["id"]: r for r in predict_all(list(gold.values()), withhold_subject=withhold)}
    return gold, pred


def test_dev_scores(dev_path):
    gold, pred = _run(dev_path, withhold=False)
    totals = score(gold, pred)
    assert totals["overall"]["f1"] >= 0.85
    for family in ("markets", "actors", "origins", "resilience", "links"):
        assert totals[family]["f1"] >= 0.75, family


def test_dev_subject_detection(dev_path):
    gold, pred = _run(dev_path, withhold=True)
    assert subject_accuracy(gold, pred) >= 0.95
    assert score(gold, pred)["overall"]["f1"] >= 0.85
