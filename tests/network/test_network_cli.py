"""`octa network …` end to end: outputs, and one-line errors with exit code 1."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from netdata import DATA
from typer.testing import CliRunner

from octa.cli import app

runner = CliRunner()
OCTA = Path(sys.executable).parent / "octa"


def test_import_summary_and_json_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    result = runner.invoke(app, ["network", "import", str(DATA / "Montagna_meetings_edgelist.csv"),
                                 "--json", "--out", str(out), "--merge", "sum"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["nodes"], summary["edges"], summary["merge"]) == (101, 256, "sum")
    again = runner.invoke(app, ["network", "import", str(out), "--json"])
    assert json.loads(again.output)["edges"] == 256


def test_metrics_csv_json_and_table() -> None:
    args = ["network", "metrics", str(DATA / "LONDON_GANG.csv"), "--attributes",
            str(DATA / "LONDON_GANG_ATTR.csv"), "--group-attribute", "Birthplace"]
    as_csv = runner.invoke(app, [*args, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert len(rows) == 54 and "liaison" in rows[0] and "betweenness" in rows[0]
    as_json = json.loads(runner.invoke(app, [*args, "--format", "json", "--weighted",
                                             "inverse"]).output)
    assert as_json["graph"]["weighted"] == "inverse" and len(as_json["nodes"]) == 54
    table = runner.invoke(app, [*args])
    assert table.exit_code == 0 and "modularity" in table.output


def test_attack_csv_json_png(tmp_path: Path) -> None:
    net = str(DATA / "terrorists.net")
    res = runner.invoke(app, ["network", "attack", net, "--strategy", "betweenness", "--steps", "3"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == "step,removed,lcc_fraction,efficiency"
    assert lines[1].startswith("0,,1.0,") and len(lines) == 5
    block = runner.invoke(app, ["network", "attack", net, "--mode", "block", "--block-size", "2",
                                "--steps", "2", "--format", "json"])
    data = json.loads(block.output)
    assert [r["step"] for r in data] == [0, 2, 4] and len(data[1]["removed"]) == 2
    png = tmp_path / "cmp.png"
    res = runner.invoke(app, ["network", "attack", net, "--strategy", "degree", "--strategy", "ci",
                              "--strategy", "random", "--runs", "3", "--steps", "5",
                              "--format", "png", "--out", str(png)])
    assert res.exit_code == 0, res.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(OCTA), "network", *args], capture_output=True, text=True,
                          check=False)


def test_errors_are_one_line_with_exit_code_1(tmp_path: Path) -> None:
    bad = tmp_path / "w.txt"
    bad.write_text("a b 1\nb c lots\n")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    ragged = tmp_path / "r.csv"
    ragged.write_text(",a,b\na,0,1\nb,1\n")
    cases = [
        (("import", str(bad)), f"Error: {bad}, row 2, column 'weight': 'lots' is not a number"),
        (("import", str(empty)), f"Error: {empty}: empty file"),
        (("metrics", str(ragged), "--input-format", "matrix"), "ragged matrix"),
        (("metrics", str(DATA / "terrorists.net"), "--group-attribute", "role"),
         "unknown attribute 'role'"),
        (("import", str(DATA / "NDRANGHETAMAFIA_2M.csv"), "--input-format", "matrix"),
         "use --input-format twomode"),
        (("attack", str(DATA / "terrorists.net"), "--strategy", "fame"), "unknown strategy"),
        (("attack", str(DATA / "terrorists.net"), "--format", "png"), "needs --out"),
    ]
    for args, message in cases:
        result = run(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), result.stderr
        assert message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_metrics_csv_summary_out_and_directed_json(tmp_path: Path) -> None:
    summary = tmp_path / "summary.csv"
    res = runner.invoke(app, ["network", "metrics", str(DATA / "caviar_phase3.csv"), "--format",
                              "csv", "--summary-out", str(summary)])
    assert res.exit_code == 0, res.output
    rows = {r["metric"]: r["value"] for r in csv.DictReader(summary.open())}
    assert rows["directed"] == "True" and rows["nodes"] == "33"
    first = next(csv.DictReader(io.StringIO(res.output)))
    assert first["in_degree"] != "" and first["node"] == "1"


def test_attack_several_strategies_as_csv_has_a_strategy_column(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    res = runner.invoke(app, ["network", "attack", str(DATA / "terrorists.net"), "--strategy",
                              "katz", "--strategy", "ci", "--steps", "2", "--out", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open()))
    assert [r["strategy"] for r in rows] == ["katz"] * 3 + ["ci"] * 3
