"""Report commands: country, regional and side-by-side threat-assessment reports.

Example:
    octa report BE --edition 2023 --format pdf --out belgium-2023.pdf
"""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from octa.cli.common import DbOption, console, session_for
from octa.exc import InvalidInput


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    md = "md"


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    countries: Annotated[
        list[str] | None, typer.Argument(help="Country (name, ISO2 or ISO3); several with --compare.")
    ] = None,
    edition: Annotated[
        int | None, typer.Option("--edition", "-e", help="Edition year (default: latest).")
    ] = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="html, pdf or md (default: from --out, else html)."),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out", "-o", help="Output file; '-' for stdout (default: a file named after the report)."
        ),
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="Regional report for this region instead of a country.")
    ] = None,
    compare: Annotated[
        bool, typer.Option("--compare", help="Side-by-side report of all the countries given.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Write a threat-assessment report: one country, a region (--region) or a comparison (--compare).

    Example: octa report BE --edition 2023 --format pdf --out belgium.pdf
    """
    from octa.report import GroupReportData, ReportBuilder, ReportData, render

    names = countries or []
    kind = _kind(names, region, compare)
    chosen = _format(fmt, out)
    with session_for(db) as session:
        builder = ReportBuilder(session)
        data: ReportData | GroupReportData
        if kind == "region":
            data = builder.region(region or "", edition)
        elif kind == "compare":
            data = builder.compare(names, edition)
        else:
            data = builder.country(names[0], edition)
        content = render(data, chosen)
    slug = _slug(region if kind == "region" else "-".join(names))
    _write(content, out or f"octa-report-{slug}-{data.edition}.{chosen}")


def _kind(names: list[str], region: str | None, compare: bool) -> str:
    if region:
        if names or compare:
            raise InvalidInput("--region takes no countries and no --compare")
        return "region"
    if compare:
        if len(names) < 2:
            raise InvalidInput("--compare needs at least two countries")
        return "compare"
    if len(names) != 1:
        raise InvalidInput("give one country (or --compare with several, or --region NAME)")
    return "country"


def _format(fmt: ReportFormat | None, out: str | None) -> str:
    if fmt is not None:
        return fmt.value
    suffix = Path(out).suffix.lstrip(".").lower() if out and out != "-" else ""
    return (
        {"markdown": "md", "htm": "html"}.get(suffix, suffix)
        if suffix in ("html", "htm", "pdf", "md", "markdown")
        else "html"
    )


def _slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (text or "report").casefold()).strip("-")


def _write(content: str | bytes, out: str) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    Path(out).write_bytes(data)
    console.print(f"[green]{out}[/green] ({len(data):,} bytes)")
