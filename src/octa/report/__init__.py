"""Country, regional and comparative threat-assessment reports.

The web layer and the CLI call one function per report kind; each returns `str` (HTML,
Markdown) or `bytes` (PDF):

    from octa.report import render_country_report
    html = render_country_report(session, "BE", 2023, "html")
    pdf = render_country_report(session, "BE", 2023, "pdf")

Rendering many reports? Pass one `ReportBuilder(session)` as `builder=` so the edition's
assessment and its Monte Carlo rank intervals are computed once.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from octa.exc import InvalidInput
from octa.report.builder import ReportBuilder
from octa.report.model import GroupReportData, ReportData
from octa.report.render import country_html, country_markdown, group_html, group_markdown, html_to_pdf

Format = Literal["html", "pdf", "md"]
FORMATS: tuple[str, ...] = ("html", "pdf", "md")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
}

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "GroupReportData",
    "ReportBuilder",
    "ReportData",
    "render",
    "render_comparison_report",
    "render_country_report",
    "render_region_report",
]


def render_country_report(
    session: Session,
    country: str,
    edition: int | None = None,
    fmt: str = "html",
    *,
    builder: ReportBuilder | None = None,
) -> str | bytes:
    """One country's report: `str` for html/md, `bytes` for pdf. `country`: name, ISO2 or ISO3."""
    data = (builder or ReportBuilder(session)).country(country, edition)
    return render(data, fmt)


def render_region_report(
    session: Session,
    region: str,
    edition: int | None = None,
    fmt: str = "html",
    *,
    builder: ReportBuilder | None = None,
) -> str | bytes:
    """All countries of a region (as the edition places them), with a regional narrative."""
    return render((builder or ReportBuilder(session)).region(region, edition), fmt)


def render_comparison_report(
    session: Session,
    countries: list[str],
    edition: int | None = None,
    fmt: str = "html",
    *,
    builder: ReportBuilder | None = None,
) -> str | bytes:
    """Two or more countries side by side."""
    if len(countries) < 2:
        raise InvalidInput("a comparison needs at least two countries")
    return render((builder or ReportBuilder(session)).compare(countries, edition), fmt)


def render(data: ReportData | GroupReportData, fmt: str) -> str | bytes:
    """Render already-built report data in one format."""
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    if isinstance(data, GroupReportData):
        if fmt == "md":
            return group_markdown(data)
        html = group_html(data, pdf=fmt == "pdf")
    else:
        if fmt == "md":
            return country_markdown(data)
        html = country_html(data, pdf=fmt == "pdf")
    return html_to_pdf(html) if fmt == "pdf" else html
