"""The ingest, evidence, documents and graph commands: exit codes, one-line errors, formats."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests.conftest import DATA
from typer.testing import CliRunner

from octa.cli import app
from octa.exc import InvalidInput

pytestmark = pytest.mark.usefixtures("fake_extractor")
DOCS = DATA / "documents"
OCTA = str(Path(sys.executable).with_name("octa"))
runner = CliRunner()


def run(*args: str, db: Path) -> object:
    return runner.invoke(app, [*args, "--db", str(db)])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "octa.db"
    result = run("ingest", str(DOCS), db=path)
    assert result.exit_code == 0, result.output
    return path


def test_ingest_summary_and_skipped_lines(tmp_path: Path) -> None:
    result = run("ingest", str(DOCS), "--grade", "C3", db=tmp_path / "a.db")
    assert result.exit_code == 0, result.output
    assert "5 ingested, 1 duplicate, 3 failed;" in result.stdout
    assert "skipped: " in result.stderr and "row 4: not JSON" in result.stderr
    again = run("ingest", str(DOCS), db=tmp_path / "a.db")
    assert "0 ingested, 6 duplicate, 3 failed;" in again.stdout and again.exit_code == 0


def test_ingest_all_failed_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", str(tmp_path / "empty.txt"), db=tmp_path / "a.db")
    assert result.exit_code == 1
    assert isinstance(result.exception, InvalidInput)
    assert str(result.exception) == "nothing could be ingested: all 1 inputs failed"


def test_ingest_max_bytes(tmp_path: Path) -> None:
    result = run("ingest", str(DOCS / "notes.md"), "--max-bytes", "10", db=tmp_path / "a.db")
    assert result.exit_code == 1 and "too large (" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--grade", "Z9"],
     "Error: invalid source grade 'Z9': expected reliability A–F and credibility 1–6, e.g. B2"),
    (["--country", "Atlantis"], "Error: column '--country': unknown country 'Atlantis'"),
])
def test_ingest_bad_option_one_line_error(tmp_path: Path, args: list[str], message: str) -> None:
    result = subprocess.run([OCTA, "ingest", str(DOCS), *args, "--db", str(tmp_path / "a.db")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == message
    assert not (tmp_path / "a.db").exists()


def test_evidence_json(db: Path) -> None:
    result = run("evidence", "BE", "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert items and {"sentence", "title", "source", "date", "grade", "indicator_id"} <= set(items[0])
    note = [i for i in items if i["title"] == "Port security note"]
    assert note and all(i["grade"] == "B2" and i["date"] == "2024-02-01" for i in note)


def test_evidence_filters_and_search(db: Path) -> None:
    result = run("evidence", "BE", "--indicator", "cocaine-trade", "--q", "Antwerp", "-f", "json", db=db)
    items = json.loads(result.stdout)
    assert items and all("Antwerp" in i["sentence"] for i in items)
    assert {i["family"] for i in items} <= {"market", "link"}
    assert json.loads(run("evidence", "BE", "--grade-min", "A1", "-f", "json", db=db).stdout) == []


def test_evidence_table_and_profile(db: Path) -> None:
    table = run("evidence", "BE", db=db)
    assert table.exit_code == 0 and "Evidence: BE" in table.stdout
    profile = json.loads(run("evidence", "BE", "--profile", "-f", "json", db=db).stdout)
    assert {"indicator_id", "count", "balance", "best_grade", "newest_date"} <= set(profile[0])


def test_evidence_unknown_country(db: Path) -> None:
    result = run("evidence", "Atlantis", db=db)
    assert result.exit_code == 1 and str(result.exception) == "unknown country 'Atlantis'"


def test_documents_csv(db: Path) -> None:
    result = run("documents", "--format", "csv", db=db)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5 and {"title", "grade", "evidence", "language"} <= set(rows[0])
    assert [r["title"] for r in rows if r["iso3"] == "ITA"] == ["Italy item"]


def test_graph_formats(db: Path, tmp_path: Path) -> None:
    table = run("graph", "BE", db=db)
    assert table.exit_code == 0 and "Actor graph: BE" in table.stdout
    graph = json.loads(run("graph", "BE", "-f", "json", db=db).stdout)
    assert graph["country"] == "BEL" and graph["edges"]
    assert "groups from Albania" in {n["label"] for n in graph["nodes"]}
    ftm = [json.loads(line) for line in run("graph", "BE", "-f", "ftm", db=db).stdout.splitlines()]
    assert {e["schema"] for e in ftm} >= {"Organization", "Territory", "UnknownLink"}
    out = tmp_path / "be.graphml"
    written = run("graph", "BE", "-f", "graphml", "--out", str(out), db=db)
    assert written.exit_code == 0 and "nodes" in written.stdout
    assert ET.parse(out).getroot().tag.endswith("graphml")


def test_skipped_lines_never_wrap(tmp_path: Path) -> None:
    long_name = tmp_path / ("a-rather-long-file-name-" * 5 + ".txt")
    long_name.write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Some text.")
    result = subprocess.run([OCTA, "ingest", str(tmp_path), "--db", str(tmp_path / "a.db")],
                            capture_output=True, text=True, check=False,
                            env={"COLUMNS": "40", "PATH": "/usr/bin"})
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line == f"skipped: {long_name}: empty file"
