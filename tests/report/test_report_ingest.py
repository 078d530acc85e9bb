"""Documents ingested with `octa ingest FILE --country BE` are cited in the Belgian report."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from octa.cli import app
from octa.report import ReportBuilder, render

BELGIUM = Path(__file__).parent / "data" / "belgium"


def _ingest(db: str, path: Path, source: str) -> None:
    names = {c.name for c in app.registered_commands}
    if "ingest" not in names:
        pytest.skip("`octa ingest` is not available yet")
    args = [
        "ingest",
        str(path),
        "--country",
        "BE",
        "--source",
        source,
        "--grade",
        "B2",
        "--date",
        "2024-02-01",
    ]
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output


def _builder(session: Session) -> ReportBuilder:
    return ReportBuilder(session, draws=300)


def test_ingested_document_is_cited(db_copy: str, session_of: Session) -> None:
    _ingest(db_copy, BELGIUM / "antwerp-cocaine.txt", "Analyst note")
    data = _builder(session_of).country("BE", 2023)
    if not data.evidence:
        pytest.skip("the extractor found no evidence in the document (extractor not available yet)")
    ours = [r for r in data.references if r.source == "Analyst note"]
    assert ours, data.references
    number = f"[{ours[0].number}]"
    cited_in = data.section("markets").text + data.section("actors").text
    assert number in cited_in, cited_in
    html = str(render(data, "html"))
    assert f'href="#ref-{ours[0].number}"' in html and "Analyst note" in html


def test_several_ingested_documents_render(db_copy: str, session_of: Session) -> None:
    """A folder of documents: every format renders and every citation resolves."""
    from pypdf import PdfReader

    _ingest(db_copy, BELGIUM, "Field notes")
    data = _builder(session_of).country("BE", 2023)
    if len({i.document_id for i in data.evidence}) < 2:
        pytest.skip("the extractor found evidence in fewer than two documents")
    numbers = {r.number for r in data.references}
    assert len(numbers) == 3, data.references
    for fmt in ("html", "md"):
        text = str(render(data, fmt))
        cited = {int(n) for n in re.findall(r"(?<!\\)\[(\d+)\]", text)}
        assert cited and cited <= numbers, (fmt, cited)
    pdf = render(data, "pdf")
    assert isinstance(pdf, bytes)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Belgium" in text and "Field notes" in text
