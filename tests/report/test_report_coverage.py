"""Every country of every edition renders; regional and comparison reports hold together."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.orm import Session

from octa.report import ReportBuilder, render, render_comparison_report, render_region_report
from octa.report.text import SLOT


def test_every_country_of_every_edition(session_of: Session) -> None:
    """Narrative and Markdown for all countries and editions (HTML for one edition: charts cost)."""
    builder = ReportBuilder(session_of, draws=200)
    editions = builder.assessor.editions()
    assert editions == [2021, 2023, 2025], editions
    count = 0
    for edition in editions:
        for iso3 in builder.edition(edition).iso3:
            data = builder.country(iso3, edition)
            assert len(data.sections) == 8
            md = str(render(data, "md"))
            assert md.startswith(f"# {data.country}") and SLOT not in md
            assert "{" not in " ".join(s.text for s in data.sections), iso3  # no unfilled template field
            count += 1
    assert count == 3 * 193


@pytest.mark.slow
def test_every_html_of_one_edition(session_of: Session) -> None:
    builder = ReportBuilder(session_of, draws=200)
    for iso3 in builder.edition(2025).iso3:
        html = str(render(builder.country(iso3, 2025), "html"))
        assert html.count("<svg") == 4, iso3


def test_region_report(session_of: Session) -> None:
    md = str(render_region_report(session_of, "Western Europe", 2023, "md"))
    assert "11 countries" in md and "Liechtenstein" in md
    html = str(render_region_report(session_of, "western europe", 2023, "html"))
    assert html.count("<svg") == 1


def test_comparison_report(session_of: Session) -> None:
    md = str(render_comparison_report(session_of, ["BE", "NL"], 2023, "md"))
    assert "Indicators side by side" in md
    assert re.search(r"\| Cocaine trade \| 8\.0 \| \d", md), md


@pytest.mark.parametrize("fmt", ["pdf"])
def test_group_pdf(session_of: Session, fmt: str) -> None:
    pdf = render_comparison_report(session_of, ["BE", "NL", "FR"], 2023, fmt)
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
