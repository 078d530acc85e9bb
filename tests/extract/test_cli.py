"""`octa extract-jsonl` and `octa evaluate` through Typer's CliRunner."""

import json

from typer.testing import CliRunner

from octa.cli import app

runner = CliRunner()

GOLD = [
    {"id": "g1", "subject": "AU", "text": "Mexican cartels supply ice to bikie gangs in Perth.",
     "markets": ["synthetic-drug-trade"], "actors": ["foreign-actors", "mafia-style-groups"],
     "origins": ["MX"], "resilience": {},
     "links": [{"actor": "foreign:MX", "market": "synthetic-drug-trade"},
               {"actor": "mafia-style-groups", "market": "synthetic-drug-trade"},
               {"actor": "mafia-style-groups", "with": "foreign:MX"}]},
]


def _gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


def test_extract_jsonl_writes_predictions(tmp_path):
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract-jsonl", str(_gold(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pred = [json.loads(line) for line in out.read_text().splitlines()]
    assert pred[0]["id"] == "g1" and pred[0]["origins"] == ["MX"]


def test_evaluate_prints_the_score_table(tmp_path):
    result = runner.invoke(app, ["evaluate", str(_gold(tmp_path)), "--withhold-subject"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["family", "P", "R", "F1", "tp", "fp", "fn"]
    assert "overall" in result.output
    assert "subject accuracy: 1.000" in result.output


def test_evaluate_reads_predictions(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "g1", "subject": "AU"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(_gold(tmp_path)), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert "overall       0.000" in result.output


def test_bad_input_raises_invalid_input(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract-jsonl", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "missing 'text'" in str(result.exception)
