"""A document ingested with `octa ingest FILE --country BE` is cited in the Belgian report."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from octa.cli import app
from octa.report import ReportBuilder, render

DATA = Path(__file__).parent / "data"
TITLE_WORDS = "Antwerp"


def _ingest(db: str, path: Path) -> None:
    names = {c.name for c in app.registered_commands}
    if "ingest" not in names:
        pytest.skip("`octa ingest` is not available yet")
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(path),
            "--country",
            "BE",
            "--source",
            "Analyst note",
            "--grade",
            "B2",
            "--date",
            "2024-02-01",
            "--db",
            db,
        ],
    )
    assert result.exit_code == 0, result.output


def test_ingested_document_is_cited(report_db: str, session_of: Session) -> None:
    _ingest(report_db, DATA / "antwerp-cocaine.txt")
    data = ReportBuilder(session_of).country("BE", 2023)
    if not data.evidence:
        pytest.skip("the extractor found no evidence in the document (extractor not available yet)")
    ours = [r for r in data.references if TITLE_WORDS in r.title or r.source == "Analyst note"]
    assert ours, data.references
    number = f"[{ours[0].number}]"
    cited_in = data.section("markets").text + data.section("actors").text
    assert number in cited_in, cited_in
    html = str(render(data, "html"))
    assert f'href="#ref-{ours[0].number}"' in html and "Analyst note" in html
