"""Regression floors on the project's own annotated sets (written independently of the extractor).

`heldout_own`, `dev2_own` and `extract_blind/heldout_own2` were later used for error analysis
(the last one only after its blind score, 0.71, was recorded), so their floors guard against
regressions only. `extract_blind/heldout_own4` has never been used to tune anything: its floor is
set below today's score and it is the project's honest estimate of quality on unseen text.
"""

from pathlib import Path

import pytest

from octa.extract.batch import predict_all, read_jsonl
from octa.extract.evaluate import score

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("path", "floor"),
    [
        (DATA / "extract" / "heldout_own.jsonl", 0.88),
        (DATA / "extract" / "dev2_own.jsonl", 0.85),
        (DATA / "extract_blind" / "heldout_own2.jsonl", 0.75),
        (DATA / "extract_blind" / "heldout_own4.jsonl", 0.72),
    ],
)
def test_overall_f1_floor(path: Path, floor: float) -> None:
    gold = {r["id"]: r for r in read_jsonl(path)}
    pred = {r["id"]: r for r in predict_all(list(gold.values()))}
    overall = score(gold, pred)["overall"]["f1"]
    assert overall >= floor, f"{path.name}: overall F1 {overall:.3f} < {floor}"
