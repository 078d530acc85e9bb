"""Country reports: published figures, references, evidence, new indicators, formats."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy.orm import Session

from octa.report import ReportBuilder, render, render_country_report
from octa.report.model import Section
from octa.report.render import md_escape

REF = re.compile(r"\[(\d+)\]")
#: Every phrasing of "this score has no evidence behind it" says "index assessment alone".
UNSUPPORTED = "index assessment alone"


def _unsupported(name: str, section: Section) -> bool:
    """Some sentence of the section names `name` as a score that no evidence supports."""
    return any(name in s.text and UNSUPPORTED in s.text for p in section.paragraphs for s in p)


def test_belgium_2023_published_figures(session_of: Session) -> None:
    data = ReportBuilder(session_of).country("BE", 2023)
    assert data.aggregates["criminality"].score == 4.43, data.aggregates["criminality"]
    assert data.aggregates["resilience"].score == 7.04
    assert data.ranks["criminality"]["world"] == 129
    for fmt in ("html", "md"):
        text = render(data, fmt)
        assert isinstance(text, str)
        for figure in ("4.43", "7.04", "129"):
            assert figure in text, (fmt, figure)
    summary = data.section("summary").text
    assert "4.43" in summary and "7.04" in summary and "129th of 193" in summary, summary


def test_rank_interval_contains_published_rank(session_of: Session) -> None:
    data = ReportBuilder(session_of).country("BE", 2023)
    for target in ("criminality", "resilience"):
        interval = data.intervals[target]
        assert interval.low <= interval.median <= interval.high, interval
        assert interval.low <= interval.rank <= interval.high, interval
    assert (
        f"between {interval.low}" in data.section("summary").text
        or str(interval.low) in data.section("summary").text
    )


def test_no_evidence_is_said(session_of: Session) -> None:
    data = ReportBuilder(session_of).country("BE", 2023)
    assert data.evidence == [] and data.references == []
    assert "no evidence" in data.section("summary").text.lower()
    assert "no document is cited" in render(data, "md")
    markets = data.section("markets").text
    assert _unsupported("cocaine trade", data.section("markets")), markets


def test_every_reference_resolves(db_copy: str, session_of: Session, evidence_writer: type) -> None:
    evidence_writer.belgium(db_copy)
    data = ReportBuilder(session_of).country("BE", 2023)
    numbers = {r.number for r in data.references}
    assert numbers == set(range(1, len(data.references) + 1)), numbers
    cited = {int(n) for s in data.sections for n in REF.findall(s.text)}
    assert cited, "the narrative cites nothing"
    assert cited <= numbers, cited - numbers
    html = str(render(data, "html"))
    anchors = {int(n) for n in re.findall(r'href="#ref-(\d+)"', html)}
    targets = {int(n) for n in re.findall(r'id="ref-(\d+)"', html)}
    assert anchors and anchors <= targets, anchors - targets
    md = str(render(data, "md"))
    assert {int(n) for n in REF.findall(md)} <= numbers


def test_evidence_lands_in_sections(db_copy: str, session_of: Session, evidence_writer: type) -> None:
    evidence_writer.belgium(db_copy)
    data = ReportBuilder(session_of).country("BE", 2023)
    titles = {r.number: r.title for r in data.references}
    markets, actors = data.section("markets").text, data.section("actors").text
    port = next(n for n, t in titles.items() if t == "Port of Antwerp threat picture")
    assert f"[{port}]" in markets and f"[{port}]" in actors
    assert [o.iso2 for o in data.origins] == ["AL"]
    assert "Albania" in actors
    assert any(link.other == "cocaine-trade" for link in data.links)
    assert "state insiders" in actors or "State" in actors
    resilience = data.section("resilience").text
    assert "weaknesses in" in resilience and "judicial system" in resilience, resilience


def test_disagreement_between_scores_and_evidence(
    db_copy: str, session_of: Session, evidence_writer: type
) -> None:
    """Belgium 2023 scores extortion 2.5 and state-embedded actors 2.0: evidence of either disagrees."""
    item = evidence_writer.item
    evidence_writer.document(
        db_copy,
        "BEL",
        "Infiltration note",
        [
            item("actor", "state-embedded-actors", "A customs officer helped traffickers."),
        ],
    )
    data = ReportBuilder(session_of).country("BE", 2023)
    actors = data.section("actors").text
    assert "disagree" in actors and "state-embedded actors" in actors, actors
    markets = data.section("markets").text  # cocaine 8.0 has no evidence here
    assert _unsupported("cocaine trade", data.section("markets")), markets


def test_new_indicators_are_not_changes(session_of: Session) -> None:
    """2021 did not assess five markets and private-sector actors: 2023 shows them as new."""
    data = ReportBuilder(session_of).country("BE", 2023)
    new = {m.id for m in data.indicators if m.is_new}
    assert {"extortion-protection-racketeering", "financial-crimes", "private-sector-actors"} <= new, new
    assert all(m.delta is None for m in data.indicators if m.is_new)
    assert "new in this edition" in data.section("change").text
    assert "new in this edition" in str(render(data, "html"))
    assert "new in this edition" in str(render(data, "md"))


def test_first_edition_has_no_change(session_of: Session) -> None:
    data = ReportBuilder(session_of).country("BE", 2021)
    assert "first edition" in data.section("change").text
    assert not any(m.is_new for m in data.indicators)


def test_document_text_is_escaped(db_copy: str, session_of: Session, evidence_writer: type) -> None:
    item = evidence_writer.item
    evil = '<script>alert("x")</script> [click](javascript:alert(1)) *bold* | pipe'
    evidence_writer.document(
        db_copy,
        "BEL",
        f"Title {evil}",
        [item("market", "cocaine-trade", evil)],
        source="<b>src</b>",
        url="javascript:alert(2)",
    )
    data = ReportBuilder(session_of).country("BE", 2023)
    html = str(render(data, "html"))
    assert "<script>" not in html and "<b>src</b>" not in html
    assert "&lt;script&gt;" in html
    md = str(render(data, "md"))
    assert "[click](javascript" not in md and "<script>" not in md
    assert md_escape("[click](javascript:alert(1))") in md
    assert "javascript:alert(2)" in md and "<javascript" not in md  # shown, never as a link
    assert 'href="javascript' not in html


def test_deterministic(session_of: Session) -> None:
    builder = ReportBuilder(session_of)
    first = render(builder.country("NL", 2023), "html")
    assert first == render(ReportBuilder(session_of).country("NL", 2023), "html")


def test_phrasing_varies_between_countries(session_of: Session) -> None:
    builder = ReportBuilder(session_of)
    openings = {
        builder.country(c, 2023).section("summary").paragraphs[0][0].text.split(" ")[0]
        for c in ("BE", "NL", "FR", "DE", "IT", "ES", "MX", "BR")
    }
    assert len(openings) > 1, openings


@pytest.mark.parametrize("case", ["none", "much", "new-indicators"])
def test_all_formats_render(case: str, db_copy: str, session_of: Session, evidence_writer: type) -> None:
    from pypdf import PdfReader

    country = {"none": "Peru", "much": "BE", "new-indicators": "BE"}[case]
    if case == "much":
        evidence_writer.belgium(db_copy)
    data = ReportBuilder(session_of, draws=300).country(country, 2023)
    html, md = str(render(data, "html")), str(render(data, "md"))
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and data.country in html
    assert "http" not in re.sub(r'xmlns(:xlink)?="http[^"]*"', "", html.split("<footer>")[0]).replace(
        "ocindex.net", ""
    ), "the HTML must not fetch anything"
    assert md.startswith(f"# {data.country}") and "## Sources" in md
    pdf = render(data, "pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    first, last = reader.pages[0].extract_text(), reader.pages[-1].extract_text()
    assert data.country in first
    assert "Page 1 of" in first and f"Page {len(reader.pages)} of {len(reader.pages)}" in last
    contents = re.search(r"Sources \.+ (\d+)", first)  # contents list with target-counter page numbers
    assert contents and 1 < int(contents.group(1)) <= len(reader.pages), first


def test_render_country_report_api(session_of: Session) -> None:
    html = render_country_report(session_of, "BEL", 2023, "html")
    md = render_country_report(session_of, "Belgium", edition=2023, fmt="md")
    assert isinstance(html, str) and isinstance(md, str) and "Belgium" in md


def test_interval_matches_uncertainty_command(session_of: Session) -> None:
    """The report's interval is the one `octa uncertainty` prints with its defaults."""
    from octa.assessment import Assessor, rank_uncertainty

    assessment = Assessor(session_of).edition(2023)
    result = rank_uncertainty(assessment, draws=2000, seed=0)
    n = assessment.iso3.index("BEL")
    data = ReportBuilder(session_of).country("BE", 2023)
    t = list(result.targets).index("criminality")
    assert (data.intervals["criminality"].low, data.intervals["criminality"].high) == (
        round(result.rank_low[t, n]),
        round(result.rank_high[t, n]),
    )
